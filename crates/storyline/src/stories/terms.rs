//! Content terms: the words stories are compared by, weighted by how rare they are.
//!
//! An article, a sentence or a cluster is a sparse vector of stemmed content words. Terms
//! are 64-bit hashes of the stem, so workers on any core make the same vector without a
//! shared vocabulary, and a vector's order (by term) does not depend on what came first.
//! Weights are sublinear term frequency times inverse document frequency, the vector scaled
//! to unit length, so that the cosine of two vectors is their dot product.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use crate::entities::lexicon::{entries, lists};

/// Words never used as content terms (`data/stop-words.txt`).
const STOP_WORDS: &str = include_str!("data/stop-words.txt");

/// The stop words, with the names of days and months of the entities' calendar list
/// (abbreviations like "Jan." left out: the text is split at the dot).
static STOPS: LazyLock<HashSet<String, Seeded>> = LazyLock::new(|| {
    let calendar = entries(lists::CALENDAR_WORDS).filter(|w| !w.ends_with('.'));
    entries(STOP_WORDS)
        .chain(calendar)
        .map(str::to_lowercase)
        .collect()
});

/// Words whose stems a thread keeps (about 10 MB at most).
const STEM_CACHE_WORDS: usize = 100_000;

/// The hash of maps keyed by the text's words and terms: fast, and seeded at random per
/// process, so no input can choose which words share a bucket.
pub(crate) type Seeded = foldhash::fast::RandomState;

/// A map keyed by terms.
pub(crate) type TermMap<V> = HashMap<Term, V, Seeded>;

thread_local! {
    /// Lower-case word -> its term (English stems only: the analyzer has one language).
    static STEMS: std::cell::RefCell<HashMap<String, Term, Seeded>> = std::cell::RefCell::new(HashMap::default());
}

/// One content term: the hash of a stemmed word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Term(pub u64);

impl Term {
    /// The term of an already stemmed, lower-case word.
    pub fn of_stem(stem: &str) -> Term {
        Term(xxhash_rust::xxh3::xxh3_64(stem.as_bytes()))
    }
}

/// Turns text into content terms: lower-cased words of letters (digits only inside a word
/// with letters, like "g20"), stop words and words of one letter dropped, English Snowball
/// stems.
pub struct Analyzer {
    stemmer: Stemmer,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer {
            stemmer: Stemmer::create(Algorithm::English),
        }
    }
}

/// Whether `piece` (a slice of `text`) is the name of a Penn Treebank bracket escape
/// between dashes ("-RRB-"), as the tokenizer reads one.
fn is_ptb_escape(text: &str, piece: &str) -> bool {
    if piece.len() != 3 {
        return false;
    }
    let at = piece.as_ptr() as usize - text.as_ptr() as usize;
    // (Checked for its dash first: the character before may be wider than a byte.)
    text[..at].ends_with('-') && crate::text::tokens::starts_with_ptb_escape(&text[at - 1..])
}

impl Analyzer {
    /// Appends the terms of `text`, in text order, to `out`.
    pub fn terms_into(&self, text: &str, out: &mut Vec<Term>) {
        let mut word = String::new();
        for piece in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
            // A bracket escape of tokenised text ("-LRB-") is no word.
            if is_ptb_escape(text, piece) {
                continue;
            }
            let piece = piece.trim_matches(|c| c == '\'' || c == '’');
            // Possessives count as the word: "council's" is "council".
            let piece = piece
                .strip_suffix("'s")
                .or_else(|| piece.strip_suffix("’s"))
                .unwrap_or(piece);
            word.clear();
            if piece.is_ascii() {
                // (Most words: counted, tested and lower-cased byte by byte.)
                if piece.len() < 2 || !piece.bytes().any(|b| b.is_ascii_alphabetic()) {
                    continue;
                }
                word.extend(piece.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                if piece.chars().count() < 2 || !piece.chars().any(char::is_alphabetic) {
                    continue;
                }
                word.extend(piece.chars().flat_map(char::to_lowercase));
            }
            if STOPS.contains(word.as_str()) {
                continue;
            }
            out.push(self.term_of(&word));
        }
    }

    /// The term of a lower-case word, through this thread's cache of stems: news repeats
    /// its words, and stemming costs more than a look-up. The cache is emptied when it
    /// holds `STEM_CACHE_WORDS`, so memory stays bounded whatever the input.
    fn term_of(&self, word: &str) -> Term {
        STEMS.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(&t) = c.get(word) {
                return t;
            }
            if c.len() >= STEM_CACHE_WORDS {
                c.clear();
            }
            let t = Term::of_stem(&self.stemmer.stem(word));
            c.insert(word.to_string(), t);
            t
        })
    }

    /// The terms of `text`, in text order.
    pub fn terms(&self, text: &str) -> Vec<Term> {
        let mut out = Vec::new();
        self.terms_into(text, &mut out);
        out
    }

    /// How often each term occurs in `text`, sorted by term.
    pub fn counts(&self, text: &str) -> TermCounts {
        TermCounts::from_terms(self.terms(text))
    }
}

/// Terms with their counts, sorted by term, each once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TermCounts(pub Vec<(Term, u32)>);

impl TermCounts {
    pub fn from_terms(mut terms: Vec<Term>) -> TermCounts {
        terms.sort_unstable();
        let mut out: Vec<(Term, u32)> = Vec::with_capacity(terms.len());
        for t in terms {
            match out.last_mut() {
                Some((last, n)) if *last == t => *n += 1,
                _ => out.push((t, 1)),
            }
        }
        TermCounts(out)
    }

    /// The distinct terms, sorted.
    pub fn terms(&self) -> impl Iterator<Item = Term> + '_ {
        self.0.iter().map(|&(t, _)| t)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// In how many documents each term occurs, for inverse document frequency.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct DocFreq {
    docs: u32,
    /// Written in term order, so that the same counts always give the same text (the
    /// store rewrites a piece of the clustering state only when its text changed).
    #[serde(serialize_with = "in_term_order")]
    df: TermMap<u32>,
}

fn in_term_order<S: serde::Serializer>(df: &TermMap<u32>, s: S) -> Result<S::Ok, S::Error> {
    let sorted: std::collections::BTreeMap<&Term, &u32> = df.iter().collect();
    serde::Serialize::serialize(&sorted, s)
}

impl DocFreq {
    /// Counts one document's distinct terms.
    pub fn add(&mut self, doc: &TermCounts) {
        self.docs += 1;
        for t in doc.terms() {
            *self.df.entry(t).or_insert(0) += 1;
        }
    }

    /// Takes one document's distinct terms out again (for a sliding window of documents).
    pub fn remove(&mut self, doc: &TermCounts) {
        self.docs = self.docs.saturating_sub(1);
        for t in doc.terms() {
            if let Some(n) = self.df.get_mut(&t) {
                *n -= 1;
                if *n == 0 {
                    self.df.remove(&t);
                }
            }
        }
    }

    /// Adds another count's documents (a day's, to a window of days).
    pub fn absorb(&mut self, other: &DocFreq) {
        self.docs += other.docs;
        for (&t, &n) in &other.df {
            *self.df.entry(t).or_insert(0) += n;
        }
    }

    /// Takes another count's documents out again (a day leaving the window). `other` must
    /// have been absorbed before.
    pub fn subtract(&mut self, other: &DocFreq) {
        self.docs = self.docs.saturating_sub(other.docs);
        for (&t, &n) in &other.df {
            if let Some(m) = self.df.get_mut(&t) {
                *m = m.saturating_sub(n);
                if *m == 0 {
                    self.df.remove(&t);
                }
            }
        }
    }

    /// Distinct terms counted.
    pub fn terms(&self) -> usize {
        self.df.len()
    }

    pub fn docs(&self) -> u32 {
        self.docs
    }

    /// Documents that contain `t`.
    pub fn df(&self, t: Term) -> u32 {
        self.df.get(&t).copied().unwrap_or(0)
    }

    /// Smoothed inverse document frequency: `ln((N + 1) / (df + 1)) + 1`, so a term in every
    /// document still weighs a little and an unseen term weighs most.
    pub fn idf(&self, t: Term) -> f32 {
        ((self.docs as f32 + 1.0) / (self.df(t) as f32 + 1.0)).ln() + 1.0
    }

    /// The unit-length TF-IDF vector of a document: `(1 + ln tf) · idf` per term.
    pub fn weigh(&self, doc: &TermCounts) -> SparseVec {
        let mut v = SparseVec(
            doc.0
                .iter()
                .map(|&(t, n)| (t, (1.0 + (n as f32).ln()) * self.idf(t)))
                .collect(),
        );
        v.normalise();
        v
    }
}

/// A sparse vector of term weights, sorted by term, each term once.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SparseVec(pub Vec<(Term, f32)>);

impl SparseVec {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn norm(&self) -> f32 {
        self.0.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt()
    }

    /// Scales the vector to unit length (an empty or zero vector stays as it is).
    pub fn normalise(&mut self) {
        let n = self.norm();
        if n > 0.0 {
            for (_, w) in &mut self.0 {
                *w /= n;
            }
        }
    }

    /// Multiplies every weight by `f`.
    pub fn scale(&mut self, f: f32) {
        for (_, w) in &mut self.0 {
            *w *= f;
        }
    }

    /// The `k` heaviest terms with their weights, heaviest first (ties by term).
    pub fn top(&self, k: usize) -> Vec<(Term, f32)> {
        let mut v = self.0.clone();
        if k < v.len() {
            // Partition first: only the k kept are sorted.
            v.select_nth_unstable_by(k, heavier_first);
            v.truncate(k);
        }
        v.sort_unstable_by(heavier_first);
        v
    }

    /// The weight of a term (0 when absent).
    pub fn get(&self, t: Term) -> f32 {
        self.0
            .binary_search_by_key(&t, |&(k, _)| k)
            .map_or(0.0, |i| self.0[i].1)
    }

    /// The dot product: a merge of the two sorted lists, linear in their lengths.
    pub fn dot(&self, other: &SparseVec) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += a[i].1 * b[j].1;
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// The cosine of the angle between two vectors (0 when either is empty).
    pub fn cosine(&self, other: &SparseVec) -> f32 {
        let d = self.norm() * other.norm();
        if d > 0.0 {
            self.dot(other) / d
        } else {
            0.0
        }
    }

    /// Adds `scale · other` to this vector.
    pub fn add_scaled(&mut self, other: &SparseVec, scale: f32) {
        let mut out = Vec::with_capacity(self.0.len() + other.0.len());
        let (mut i, mut j) = (0, 0);
        let (a, b) = (&self.0, &other.0);
        while i < a.len() || j < b.len() {
            let take_a = j >= b.len() || (i < a.len() && a[i].0 < b[j].0);
            let take_b = i >= a.len() || (j < b.len() && b[j].0 < a[i].0);
            if take_a {
                out.push(a[i]);
                i += 1;
            } else if take_b {
                out.push((b[j].0, b[j].1 * scale));
                j += 1;
            } else {
                out.push((a[i].0, a[i].1 + b[j].1 * scale));
                i += 1;
                j += 1;
            }
        }
        self.0 = out;
    }

    /// Keeps the `k` heaviest terms (ties by term, so the result does not depend on the
    /// order the weights were summed in), still sorted by term.
    pub fn truncate_top(&mut self, k: usize) {
        if self.0.len() <= k {
            return;
        }
        let Some(last) = k.checked_sub(1) else {
            self.0.clear();
            return;
        };
        // The k-th heaviest found in a copy; the vector itself is only filtered, so it
        // stays sorted by term without sorting again (this runs on every article added
        // to a storyline).
        let mut order = self.0.clone();
        let (_, &mut cut, _) = order.select_nth_unstable_by(last, heavier_first);
        self.0
            .retain(|x| heavier_first(x, &cut) != std::cmp::Ordering::Greater);
    }
}

/// Heavier first, ties by term: a total order (terms are unique in a vector), so which
/// terms are kept never depends on the order they came in.
fn heavier_first(a: &(Term, f32), b: &(Term, f32)) -> std::cmp::Ordering {
    b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_drops_stop_words() {
        let a = Analyzer::default();
        let t = a.terms("The ferries were cancelled; the ferry operator's strike goes on.");
        // ferries/ferry share a stem; "the", "were", "on" are stop words; possessive dropped.
        let ferry = Term::of_stem("ferri");
        assert_eq!(t.iter().filter(|&&x| x == ferry).count(), 2);
        assert_eq!(t[0], ferry);
        assert!(t.contains(&Term::of_stem("oper")));
        assert_eq!(t.len(), 6, "ferries cancelled ferry operator strike goes");
    }

    #[test]
    fn treebank_bracket_escapes_are_no_terms() {
        let a = Analyzer::default();
        let t = a.terms("Tollbridge -LRB- NWA -RRB- ferries; an RRB grant");
        // A wide character before a three-letter word is no escape (and no panic).
        assert_eq!(a.terms("toll—RRB— café—LRB").len(), 4);
        assert_eq!(t.len(), 5, "tollbridge nwa ferries rrb grant: {t:?}");
        assert_eq!(t.iter().filter(|&&x| x == Term::of_stem("rrb")).count(), 1);
        assert!(!t.contains(&Term::of_stem("lrb")));
    }

    #[test]
    fn numbers_alone_are_not_terms_but_mixed_words_are() {
        let a = Analyzer::default();
        assert!(a.terms("2016 1,200 7").is_empty());
        assert_eq!(a.terms("the g20 summit").len(), 2);
    }

    #[test]
    fn rare_terms_weigh_more_and_cosine_is_dot_of_unit_vectors() {
        let a = Analyzer::default();
        let docs = [
            "harbour strike harbour talks",
            "strike vote at the mill",
            "strike ends at the mill",
        ];
        let mut df = DocFreq::default();
        let counts: Vec<_> = docs.iter().map(|d| a.counts(d)).collect();
        counts.iter().for_each(|c| df.add(c));
        assert!(df.idf(Term::of_stem("harbour")) > df.idf(Term::of_stem("strike")));
        let v: Vec<_> = counts.iter().map(|c| df.weigh(c)).collect();
        assert!((v[0].norm() - 1.0).abs() < 1e-5);
        assert!((v[1].dot(&v[2]) - v[1].cosine(&v[2])).abs() < 1e-5);
        assert!(v[1].cosine(&v[2]) > v[0].cosine(&v[1]));
        df.remove(&counts[0]);
        assert_eq!(df.df(Term::of_stem("harbour")), 0);
        assert_eq!(df.docs(), 2);
    }

    #[test]
    fn adding_and_truncating_keep_terms_sorted() {
        let t = |s: &str| Term::of_stem(s);
        let mut x = SparseVec(vec![(t("a"), 1.0)]);
        x.0.sort_by_key(|e| e.0);
        let mut y = SparseVec(vec![(t("a"), 1.0), (t("b"), 3.0), (t("c"), 0.5)]);
        y.0.sort_by_key(|e| e.0);
        x.add_scaled(&y, 2.0);
        assert_eq!(x.len(), 3);
        assert!(x.0.windows(2).all(|w| w[0].0 < w[1].0));
        let a = x.0.iter().find(|e| e.0 == t("a")).unwrap().1;
        assert!((a - 3.0).abs() < 1e-6);
        x.truncate_top(2);
        assert_eq!(x.len(), 2);
        assert!(x.0.iter().all(|e| e.0 != t("c")));
        assert!(x.0.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn truncating_keeps_the_heaviest_with_ties_by_term() {
        // Weights with many ties, against sorting the whole vector.
        let v: Vec<(Term, f32)> = (0..40u64).map(|i| (Term(i * 7), ((i * 13) % 5) as f32)).collect();
        for k in [0, 1, 3, 8, 9, 20, 39, 40, 41] {
            let mut by_weight = v.clone();
            by_weight.sort_by(heavier_first);
            by_weight.truncate(k);
            by_weight.sort_by_key(|e| e.0);
            let mut x = SparseVec(v.clone());
            x.truncate_top(k);
            assert_eq!(x.0, by_weight, "k = {k}");
        }
    }

    #[test]
    fn stop_words_are_unique_and_lower_case() {
        let mut seen = std::collections::HashSet::new();
        for w in entries(STOP_WORDS) {
            assert_eq!(w, w.to_lowercase(), "{w}");
            assert!(seen.insert(w), "{w} twice");
        }
        // Day and month names come from the calendar list, not written again here.
        assert!(!seen.contains("march") && !seen.contains("sunday"));
        let a = Analyzer::default();
        assert!(a.terms("Sunday in March").is_empty());
        assert_eq!(a.terms("the Jan. 5 vote").len(), 2, "jan vote");
    }
}
