//! Dedup: exact copies (same normalised text) and near copies (MinHash + LSH over
//! word 5-gram shingles, verified against a Jaccard threshold). A wire story carried
//! by ten outlets becomes one group: one representative, nine copies, each copy
//! keeping its own outlet and date.

use std::collections::HashMap;

use xxhash_rust::xxh3::xxh3_64;

/// Number of MinHash permutations in a signature.
pub const NUM_PERM: usize = 128;
const SHINGLE: usize = 5;

/// Settings for duplicate detection.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DedupConfig {
    /// Estimated Jaccard similarity of shingle sets at or above which two articles are
    /// near-duplicates.
    pub threshold: f64,
}

impl Default for DedupConfig {
    fn default() -> Self {
        DedupConfig { threshold: 0.8 }
    }
}

/// What dedup needs to know of one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// Hash of the normalised text: equal for exact copies.
    pub exact: u64,
    /// MinHash signature of the word shingles.
    pub minhash: Vec<u32>,
}

/// Hashes of the word `n`-grams of a text (words: runs of letters and digits, case
/// folded). A text shorter than `n` words gives one hash of all its words; an empty
/// text, none.
pub fn shingle_hashes(text: &str, n: usize) -> Vec<u64> {
    let lower = to_lower(text);
    shingles_of(&words_of(&lower), n)
}

/// The words of lower-cased text as dedup compares them: runs of letters and digits.
/// Read a byte at a time where the text is ASCII.
pub(crate) fn words_of(lower: &str) -> Vec<&str> {
    let bytes = lower.as_bytes();
    let mut words = Vec::with_capacity(lower.len() / 5);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let (word_char, len) = match bytes[i] {
            b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            _ => lower[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8())),
        };
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(&lower[s..i]);
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        words.push(&lower[s..]);
    }
    words
}

fn shingles_of(words: &[&str], n: usize) -> Vec<u64> {
    if words.is_empty() {
        return vec![];
    }
    if words.len() < n {
        return vec![hash_words(words)];
    }
    let mut buf = Vec::new();
    words.windows(n).map(|w| hash_words_in(w, &mut buf)).collect()
}

/// The hash of the words, each followed by a space (the stored signatures depend on it).
fn hash_words(words: &[&str]) -> u64 {
    hash_words_in(words, &mut Vec::new())
}

/// [`hash_words`], written out into `buf` and hashed in one call: the same value as
/// feeding a streaming hasher word by word, for a fraction of its set-up per shingle.
fn hash_words_in(words: &[&str], buf: &mut Vec<u8>) -> u64 {
    buf.clear();
    for w in words {
        buf.extend_from_slice(w.as_bytes());
        buf.push(b' ');
    }
    xxh3_64(buf)
}

/// Multipliers and offsets of the hash permutations, `h_i(x) = a_i * x + b_i` over
/// 64-bit words (a_i odd), keeping the high 32 bits: one multiply-add per permutation and
/// shingle. Fixed (splitmix64 from a constant seed) because signatures are stored.
const PERMUTATIONS: [(u64, u64); NUM_PERM] = {
    let mut out = [(0u64, 0u64); NUM_PERM];
    let mut state: u64 = 0x5354_4f52_594c_494e;
    let mut i = 0;
    while i < 2 * NUM_PERM {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        if i % 2 == 0 {
            out[i / 2].0 = z | 1;
        } else {
            out[i / 2].1 = z;
        }
        i += 1;
    }
    out
};

/// Computes the fingerprint of an article text.
pub fn fingerprint(text: &str) -> Fingerprint {
    let lower = to_lower(text);
    let words = words_of(&lower);
    let exact = hash_words(&words);
    let shingles = shingles_of(&words, SHINGLE);
    let mut minhash = vec![u32::MAX; NUM_PERM];
    // (Scalar on purpose: a wider loop that the compiler vectorises with the baseline
    // instruction set has no 64-bit multiply to use, and ran slower.)
    for &x in &shingles {
        for (m, &(a, b)) in minhash.iter_mut().zip(&PERMUTATIONS) {
            let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
            if v < *m {
                *m = v;
            }
        }
    }
    Fingerprint { exact, minhash }
}

/// `text` lower-cased as `str::to_lowercase` does it, ASCII letters a byte at a time
/// (the standard one goes a character at a time once it meets a curly quote). A capital
/// sigma, whose lower case depends on its neighbours, leaves it all to the standard one.
fn to_lower(text: &str) -> String {
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let at = out.len();
        out.push_str(&rest[..ascii]);
        out[at..].make_ascii_lowercase();
        rest = &rest[ascii..];
        if let Some(c) = rest.chars().next() {
            out.extend(c.to_lowercase());
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// Estimated Jaccard similarity of two signatures.
pub fn similarity(a: &[u32], b: &[u32]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

/// The LSH bucket keys of a signature, one per band: two signatures that share a key
/// are compared. Rows per band follow the threshold (more rows, fewer false candidates).
pub fn band_keys(minhash: &[u32], config: &DedupConfig) -> Vec<u64> {
    let rows = if config.threshold >= 0.75 { 8 } else { 4 };
    minhash
        .chunks(rows)
        .enumerate()
        .map(|(b, band)| {
            let mut bytes = Vec::with_capacity(1 + 4 * rows);
            bytes.push(b as u8);
            bytes.extend(band.iter().flat_map(|v| v.to_le_bytes()));
            xxh3_64(&bytes)
        })
        .collect()
}

/// Whether two articles are near copies.
pub fn near(a: &[u32], b: &[u32], config: &DedupConfig) -> bool {
    similarity(a, b) >= config.threshold
}

/// One article as dedup sees it.
#[derive(Debug, Clone)]
pub struct Candidate<'a> {
    pub id: &'a str,
    pub published: Option<crate::article::PubDate>,
    pub fingerprint: &'a Fingerprint,
}

/// How a copy relates to its group's representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DupKind {
    Exact,
    Near,
}

/// The order in which a group's representative is chosen: the earliest published
/// member, undated ones last, ties broken by id — independent of input order.
pub fn rep_key(
    published: Option<crate::article::PubDate>,
    id: &str,
) -> (bool, Option<crate::article::PubDate>, &str) {
    (published.is_none(), published, id)
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

/// Groups duplicates. Returns, for each candidate, the index of its group's
/// representative and the kind of copy, or `None` for representatives and singletons.
///
/// The representative is the earliest published member (undated last), ties broken by
/// id, so the result does not depend on input order.
pub fn group(items: &[Candidate<'_>], config: &DedupConfig) -> Vec<Option<(usize, DupKind)>> {
    let n = items.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let union = |parent: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(parent, a), find(parent, b));
        if ra != rb {
            parent[ra.max(rb)] = ra.min(rb);
        }
    };
    let mut exact: HashMap<u64, usize> = HashMap::new();
    for (i, c) in items.iter().enumerate() {
        if let Some(&j) = exact.get(&c.fingerprint.exact) {
            union(&mut parent, i, j);
        } else {
            exact.insert(c.fingerprint.exact, i);
        }
    }
    // Near copies: LSH bands narrow the pairs to compare.
    let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, c) in items.iter().enumerate() {
        if exact.get(&c.fingerprint.exact) != Some(&i) {
            continue; // exact copies ride with their first twin
        }
        for key in band_keys(&c.fingerprint.minhash, config) {
            buckets.entry(key).or_default().push(i);
        }
    }
    let mut compared = std::collections::HashSet::new();
    for members in buckets.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                if find(&mut parent, a) == find(&mut parent, b) || !compared.insert((a, b)) {
                    continue;
                }
                if near(
                    &items[a].fingerprint.minhash,
                    &items[b].fingerprint.minhash,
                    config,
                ) {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    // Representatives: earliest date, then smallest id (see [`rep_key`]).
    let mut rep: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let root = find(&mut parent, i);
        let better = |cur: usize| {
            let key = |x: usize| rep_key(items[x].published, items[x].id);
            key(i) < key(cur)
        };
        match rep.get(&root) {
            Some(&cur) if !better(cur) => {}
            _ => {
                rep.insert(root, i);
            }
        }
    }
    (0..n)
        .map(|i| {
            let r = rep[&find(&mut parent, i)];
            if r == i {
                None
            } else if items[r].fingerprint.exact == items[i].fingerprint.exact {
                Some((r, DupKind::Exact))
            } else {
                Some((r, DupKind::Near))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Negotiators left the harbour city on Monday without an agreement on the \
        fishing quotas, officials said, after two days of talks that both sides had called \
        decisive. The next round is expected in the spring, according to a statement issued by \
        the mediators, who said the gap between the positions had narrowed on most issues.";

    #[test]
    fn shingle_hashes_are_those_of_a_streaming_hasher() {
        // Signatures are stored: the hash of a shingle must not change with how it is fed.
        let streamed = |words: &[&str]| {
            let mut h = xxhash_rust::xxh3::Xxh3::new();
            for w in words {
                h.update(w.as_bytes());
                h.update(b" ");
            }
            h.digest()
        };
        let lower = STORY.to_lowercase();
        let words = words_of(&lower);
        let expected: Vec<u64> = words.windows(SHINGLE).map(streamed).collect();
        assert_eq!(shingles_of(&words, SHINGLE), expected);
        assert_eq!(shingles_of(&words[..3], SHINGLE), vec![streamed(&words[..3])]);
    }

    fn run(texts: &[(&str, Option<&str>)]) -> Vec<Option<(usize, DupKind)>> {
        let fps: Vec<Fingerprint> = texts.iter().map(|(t, _)| fingerprint(t)).collect();
        let ids: Vec<String> = texts.iter().map(|(t, _)| crate::article::content_id(t)).collect();
        let cands: Vec<Candidate> = texts
            .iter()
            .enumerate()
            .map(|(i, (_, d))| Candidate {
                id: &ids[i],
                published: d.and_then(crate::article::PubDate::parse),
                fingerprint: &fps[i],
            })
            .collect();
        group(&cands, &DedupConfig::default())
    }

    #[test]
    fn exact_near_and_distinct() {
        let near = STORY.replace("Monday", "Tuesday") + " Reporting by staff.";
        let other = "Heavy rain flooded the lower town overnight, closing schools and the main \
            bridge, and the river is expected to crest on Friday, the weather service said.";
        let g = run(&[
            (STORY, Some("2016-12-09")),
            (&STORY.to_uppercase(), Some("2016-12-08")),
            (&near, None),
            (other, None),
        ]);
        assert_eq!(
            g[0],
            Some((1, DupKind::Exact)),
            "earliest copy represents the group"
        );
        assert_eq!(g[1], None);
        assert_eq!(g[2], Some((1, DupKind::Near)));
        assert_eq!(g[3], None);
    }

    #[test]
    fn order_does_not_change_groups() {
        let near = STORY.replace("spring", "summer");
        let texts = [STORY, near.as_str()];
        let rep_text = |order: [usize; 2]| {
            let g = run(&[(texts[order[0]], None), (texts[order[1]], None)]);
            let copy = g.iter().position(Option::is_some).expect("one copy");
            let (rep, _) = g[copy].unwrap();
            texts[order[rep]]
        };
        assert_eq!(rep_text([0, 1]), rep_text([1, 0]));
    }
}
