//! Term choice: the words outlets use for the same referent, found by alignment.
//!
//! 1. **Parallel sentences.** Every title and sentence is a set of stemmed content words.
//!    Candidate partners in other outlets come from an inverted index (stem → units),
//!    walking only the postings of stems found in at most [`TermConfig::max_postings`]
//!    units, so that a large story costs about (units × content words × that cap), not
//!    units². A pair's similarity is the Dice coefficient of the idf weights of the stems
//!    the two share; pairs above [`TermConfig::min_similarity`] are taken best first, each
//!    unit keeping at most [`TermConfig::partners`] partners. The leads (title and first
//!    [`TermConfig::lead_sentences`] sentences) of two outlets' articles are paired on a
//!    single shared stem (`lead_pairs`).
//! 2. **Slots.** The two token sequences of a pair are aligned by a weighted longest
//!    common subsequence (content words weigh most). Between two consecutive matches,
//!    differing runs on both sides fill the same slot: trimmed of function words and
//!    punctuation at their edges, runs that hold a content word, no number or date and at
//!    most [`TermConfig::max_term_tokens`] tokens are a substitution, scored by how
//!    parallel the sentences are, how firmly the slot is anchored (content words
//!    matched right before and after it) and how alike the two runs' lengths are. Name
//!    forms ([`name_variant`]) and bare type words ([`generic_anaphor`]) are dropped.
//! 3. **Groups.** Substitutions are grouped by their terms (stemmed content words), terms
//!    linked by any substitution joining one group; each term is counted in every outlet.
//!
//! Roles written with one resolved entity's name are compared too ([`coreferent_terms`]).

use std::collections::{BTreeMap, HashMap};

use super::sources::{counts_by_outlet, keyed_entities};
use super::words::{self, Tok, TokClass, Unit};
use super::{Part, Story, Substitution, TermChoice, TermMethod, TermUse, TextRef};
use crate::entities::lexicon::word_set;

/// Settings of the term choice (read from JSON with defaults for missing fields).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(default)]
pub struct TermConfig {
    /// Least Dice similarity (idf-weighted shared content stems) of two aligned units.
    pub min_similarity: f32,
    /// Least number of content stems two aligned units share.
    pub min_shared: usize,
    /// Stems found in more units than this do not propose partners (they still count in
    /// the similarity of pairs other stems propose).
    pub max_postings: usize,
    /// Partners kept per unit, best first.
    pub partners: usize,
    /// Longest term, in tokens.
    pub max_term_tokens: usize,
    /// Least score of a substitution kept: 0.45 puts precision first (on the labelled
    /// AllSides pairs, tuning half 0.58 at recall 0.02, held-out half 0.44; at 0.3 about
    /// 0.28 at 0.04–0.06; `bench/RESULTS.md`, Framing).
    pub min_score: f32,
    /// Evidence kept per term choice.
    pub max_evidence: usize,
    /// Body sentences of each article that, with its title, make its lead (see
    /// `lead_pairs`).
    pub lead_sentences: usize,
    /// Least Dice similarity of two lead units paired by `lead_pairs`.
    pub lead_similarity: f32,
    /// A substitution between two titles has its score multiplied by this: two outlets'
    /// headlines on one story are written to say the same thing, so a slot between them
    /// is more often one referent in two words than a slot between body sentences
    /// (1.25, chosen on the labelled pairs' tuning half, the other half agreeing).
    pub title_pair: f32,
}

impl Default for TermConfig {
    fn default() -> Self {
        TermConfig {
            min_similarity: 0.3,
            min_shared: 2,
            max_postings: 64,
            partners: 3,
            max_term_tokens: 5,
            min_score: 0.45,
            max_evidence: 5,
            lead_sentences: 2,
            lead_similarity: 0.1,
            title_pair: 1.25,
        }
    }
}

/// Stems interned as numbers, with each unit's distinct content stems.
struct Index {
    unit_stems: Vec<Vec<u32>>,
    postings: Vec<Vec<u32>>,
    idf: Vec<f32>,
}

impl Index {
    fn build(units: &[Unit]) -> Index {
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut unit_stems = Vec::with_capacity(units.len());
        for (u, unit) in units.iter().enumerate() {
            let mut stems: Vec<u32> = unit
                .toks
                .iter()
                .filter(|t| t.class == TokClass::Content)
                .map(|t| {
                    let next = ids.len() as u32;
                    *ids.entry(t.stem.as_str()).or_insert(next)
                })
                .collect();
            stems.sort_unstable();
            stems.dedup();
            for &s in &stems {
                if s as usize == postings.len() {
                    postings.push(Vec::new());
                }
                postings[s as usize].push(u as u32);
            }
            unit_stems.push(stems);
        }
        let n = units.len().max(1) as f32;
        let idf = postings.iter().map(|p| (1.0 + n / p.len() as f32).ln()).collect();
        Index {
            unit_stems,
            postings,
            idf,
        }
    }

    fn weight(&self, u: usize) -> f32 {
        self.unit_stems[u].iter().map(|&s| self.idf[s as usize]).sum()
    }
}

/// Pairs of units of different outlets that say nearly the same, with their similarity.
fn parallel_pairs(units: &[Unit], cfg: &TermConfig) -> Vec<(usize, usize, f32)> {
    let index = Index::build(units);
    let weights: Vec<f32> = (0..units.len()).map(|u| index.weight(u)).collect();
    let mut candidates = Vec::new();
    let mut acc: HashMap<u32, (f32, usize)> = HashMap::new();
    for u in 0..units.len() {
        acc.clear();
        for &s in &index.unit_stems[u] {
            let post = &index.postings[s as usize];
            if post.len() > cfg.max_postings {
                continue;
            }
            for &v in post.iter().filter(|&&v| v as usize > u) {
                if units[v as usize].outlet == units[u].outlet {
                    continue;
                }
                let e = acc.entry(v).or_default();
                e.0 += index.idf[s as usize];
                e.1 += 1;
            }
        }
        for (&v, &(_, n)) in &acc {
            if n < cfg.min_shared {
                continue;
            }
            let v = v as usize;
            // The proposing stems are a subset: weigh every shared stem.
            let shared = shared_weight(&index, u, v);
            let sim = 2.0 * shared / (weights[u] + weights[v]).max(f32::EPSILON);
            if sim >= cfg.min_similarity {
                candidates.push((u, v, sim));
            }
        }
    }
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then((a.0, a.1).cmp(&(b.0, b.1))));
    let mut taken = vec![0usize; units.len()];
    candidates.retain(|&(u, v, _)| {
        let ok = taken[u] < cfg.partners && taken[v] < cfg.partners;
        if ok {
            taken[u] += 1;
            taken[v] += 1;
        }
        ok
    });
    let have: std::collections::HashSet<(usize, usize)> = candidates.iter().map(|c| (c.0, c.1)).collect();
    let lead = lead_pairs(units, &index, &weights, cfg);
    candidates.extend(lead.into_iter().filter(|p| !have.contains(&(p.0, p.1))));
    candidates
}

/// Rule `lead_pairs`: the titles and first sentences of two outlets' articles tell the
/// story's core event, so they are paired when they share a single content stem (the
/// parallel pairs need [`TermConfig::min_shared`]): headlines are short and reworded
/// ("Senate panel grills the minister" / "Lawmakers question Ostrava's top official"),
/// and which words they share is what anchors the slots the others fill. Leads are at
/// most `lead_sentences + 1` units per article, so this is quadratic in articles, not in
/// sentences.
fn lead_pairs(units: &[Unit], index: &Index, weights: &[f32], cfg: &TermConfig) -> Vec<(usize, usize, f32)> {
    let mut lead = Vec::new();
    let mut seen = 0;
    for (u, unit) in units.iter().enumerate() {
        if u == 0 || units[u - 1].article != unit.article {
            seen = 0;
        }
        if unit.part == Part::Title || seen < cfg.lead_sentences {
            lead.push(u);
        }
        if unit.part == Part::Body {
            seen += 1;
        }
    }
    let mut out = Vec::new();
    for (i, &u) in lead.iter().enumerate() {
        for &v in &lead[i + 1..] {
            if units[u].outlet == units[v].outlet {
                continue;
            }
            let shared = shared_weight(index, u, v);
            let sim = 2.0 * shared / (weights[u] + weights[v]).max(f32::EPSILON);
            if shared > 0.0 && sim >= cfg.lead_similarity {
                out.push((u, v, sim));
            }
        }
    }
    out
}

/// The idf weight of the stems units `u` and `v` share (both lists are sorted).
fn shared_weight(index: &Index, u: usize, v: usize) -> f32 {
    let (a, b) = (&index.unit_stems[u], &index.unit_stems[v]);
    let (mut i, mut j, mut w) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                w += index.idf[a[i] as usize];
                i += 1;
                j += 1;
            }
        }
    }
    w
}

fn match_weight(a: &Tok, b: &Tok) -> u32 {
    if a.stem != b.stem {
        return 0;
    }
    match a.class {
        TokClass::Content => 4,
        TokClass::Function => 2,
        TokClass::Punct => 1,
    }
}

/// The matched token pairs of a weighted longest common subsequence, in order.
fn align(a: &[Tok], b: &[Tok]) -> Vec<(usize, usize)> {
    let (n, m) = (a.len(), b.len());
    let w = m + 1;
    let mut dp = vec![0u32; (n + 1) * (m + 1)];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = dp[(i + 1) * w + j].max(dp[i * w + j + 1]);
            let mw = match_weight(&a[i], &b[j]);
            let take = if mw > 0 { mw + dp[(i + 1) * w + j + 1] } else { 0 };
            dp[i * w + j] = skip.max(take);
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n && j < m {
        let mw = match_weight(&a[i], &b[j]);
        if mw > 0 && dp[i * w + j] == mw + dp[(i + 1) * w + j + 1] {
            out.push((i, j));
            i += 1;
            j += 1;
        } else if dp[(i + 1) * w + j] >= dp[i * w + j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// A run `first..=last` of a unit's tokens, trimmed of function words and punctuation at
/// its edges; `None` when nothing is left or it cannot be a term.
fn term_run(toks: &[Tok], first: usize, end: usize, cfg: &TermConfig) -> Option<(usize, usize)> {
    let run = &toks[first..end];
    let lead = run.iter().position(|t| t.class == TokClass::Content)?;
    let tail = run.iter().rposition(|t| t.class == TokClass::Content)?;
    let (f, l) = (first + lead, first + tail);
    let inner = &toks[f..=l];
    let ok = inner.len() <= cfg.max_term_tokens
        && !inner.iter().any(|t| t.numeric)
        && inner.iter().all(|t| t.class != TokClass::Punct || t.lower == "-");
    ok.then_some((f, l))
}

/// Whether two runs are forms of one name: one the other's abbreviation ("Dept." /
/// "Department") or initials ("U.S." / "United States").
fn name_variant(a: &[Tok], b: &[Tok]) -> bool {
    let flat = |t: &[Tok]| -> String {
        let w: Vec<&str> = t.iter().map(|t| t.lower.trim_end_matches('.')).collect();
        w.join(" ")
    };
    let initials = |t: &[Tok]| -> String {
        t.iter()
            .filter(|t| t.class == TokClass::Content)
            .filter_map(|t| t.lower.chars().next())
            .collect()
    };
    let letters = |s: &str| -> String { s.chars().filter(|c| c.is_alphabetic()).collect() };
    let (x, y) = (flat(a), flat(b));
    let prefix = |p: &str, w: &str| p.len() >= 2 && w.starts_with(p);
    let acronym = |p: &str, t: &[Tok]| {
        let l = letters(p);
        t.len() > 1 && l.len() >= 2 && l == initials(t)
    };
    let dotted = letters(&x) == letters(&y);
    dotted
        || prefix(&x, &y)
        || prefix(&y, &x)
        || (a.len() == 1 && acronym(&x, b))
        || (b.len() == 1 && acronym(&y, a))
}

/// Bare hypernyms that only restate an entity's type (`data/generic-anaphors.txt`).
const GENERIC_ANAPHORS: &str = include_str!("data/generic-anaphors.txt");

/// Rule `generic_anaphor`: a run that is one bare type word ("the company", "the state")
/// is not a term choice: the guidelines skip it, since it says nothing of how the outlet
/// sees the referent ("Ostrava" / "the city").
fn generic_anaphor(run: &[Tok]) -> bool {
    let content: Vec<&Tok> = run.iter().filter(|t| t.class == TokClass::Content).collect();
    content.len() == 1 && word_set!(GENERIC_ANAPHORS).contains(content[0].lower.as_str())
}

/// How firmly a slot is held: 1 for a content word matched next to it, 0.6 for a function
/// word, 0.4 for punctuation or the unit's edge.
fn anchor(tok: Option<&Tok>) -> f32 {
    match tok.map(|t| t.class) {
        Some(TokClass::Content) => 1.0,
        Some(TokClass::Function) => 0.6,
        _ => 0.4,
    }
}

/// A term's key: its content stems, space-separated.
fn key(toks: &[Tok]) -> String {
    let stems: Vec<&str> = toks
        .iter()
        .filter(|t| t.class == TokClass::Content)
        .map(|t| t.stem.as_str())
        .collect();
    stems.join(" ")
}

/// One substitution found in a pair of units: (unit, first, last) on each side.
pub(super) struct Found {
    pub a: (usize, usize, usize),
    pub b: (usize, usize, usize),
    pub score: f32,
}

/// The substitutions of one aligned pair of units.
fn substitutions(units: &[Unit], u: usize, v: usize, sim: f32, cfg: &TermConfig) -> Vec<Found> {
    let (a, b) = (&units[u].toks, &units[v].toks);
    let matches = align(a, b);
    let mut out = Vec::new();
    let mut prev: Option<(usize, usize)> = None;
    let ends = matches.iter().map(|&m| Some(m)).chain([None]);
    for next in ends {
        let (sa, sb) = prev.map_or((0, 0), |(i, j)| (i + 1, j + 1));
        let (ea, eb) = next.unwrap_or((a.len(), b.len()));
        prev = next;
        if sa >= ea || sb >= eb {
            continue;
        }
        let (Some(ra), Some(rb)) = (term_run(a, sa, ea, cfg), term_run(b, sb, eb, cfg)) else {
            continue;
        };
        let (ka, kb) = (key(&a[ra.0..=ra.1]), key(&b[rb.0..=rb.1]));
        let (ta, tb) = (&a[ra.0..=ra.1], &b[rb.0..=rb.1]);
        if ka == kb || name_variant(ta, tb) || generic_anaphor(ta) || generic_anaphor(tb) {
            continue;
        }
        let left = anchor(sa.checked_sub(1).and_then(|i| a.get(i)));
        let right = anchor(a.get(ea));
        // Runs of very different lengths rarely fill one slot.
        let (la, lb) = ((ra.1 - ra.0 + 1) as f32, (rb.1 - rb.0 + 1) as f32);
        let balance = la.min(lb) / la.max(lb);
        let titles = units[u].part == Part::Title && units[v].part == Part::Title;
        let part = if titles { cfg.title_pair } else { 1.0 };
        let score = (sim.min(1.0) * (left * right).sqrt() * balance.sqrt() * part).min(1.0);
        out.push(Found {
            a: (u, ra.0, ra.1),
            b: (v, rb.0, rb.1),
            score,
        });
    }
    out
}

/// Union-find over term keys.
fn find(parent: &mut [usize], x: usize) -> usize {
    let mut r = x;
    while parent[r] != r {
        r = parent[r];
    }
    let mut y = x;
    while parent[y] != r {
        let next = parent[y];
        parent[y] = r;
        y = next;
    }
    r
}

/// Term choices found by aligning parallel sentences across outlets.
pub(crate) fn aligned_terms(story: &Story, units: &[Unit], cfg: &TermConfig) -> Vec<TermChoice> {
    let found: Vec<Found> = parallel_pairs(units, cfg)
        .into_iter()
        .flat_map(|(u, v, sim)| substitutions(units, u, v, sim, cfg))
        .filter(|f| f.score >= cfg.min_score)
        .collect();
    group(story, units, &found, TermMethod::Alignment, cfg)
}

/// Substitutions grouped into term choices: terms linked by any substitution join one
/// group; each term is counted in every outlet.
pub(super) fn group(
    story: &Story,
    units: &[Unit],
    found: &[Found],
    method: TermMethod,
    cfg: &TermConfig,
) -> Vec<TermChoice> {
    // Terms, numbered, with their surface form (lower case) and one example.
    let mut term_ids: HashMap<String, usize> = HashMap::new();
    let mut term_info: Vec<(String, String, TextRef)> = Vec::new();
    let mut term_of = |(unit, f, l): (usize, usize, usize)| -> usize {
        let toks = &units[unit].toks[f..=l];
        let k = key(toks);
        *term_ids.entry(k.clone()).or_insert_with(|| {
            let surface = surface(story, &units[unit], f, l);
            term_info.push((k, surface, units[unit].text_ref(story.articles, f, l)));
            term_info.len() - 1
        })
    };
    let pairs: Vec<(usize, usize)> = found.iter().map(|f| (term_of(f.a), term_of(f.b))).collect();
    let mut parent: Vec<usize> = (0..term_info.len()).collect();
    for &(x, y) in &pairs {
        let (rx, ry) = (find(&mut parent, x), find(&mut parent, y));
        parent[rx] = ry;
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, pair) in pairs.iter().enumerate() {
        let root = find(&mut parent, pair.0);
        groups.entry(root).or_default().push(k);
    }
    let counts = count_terms(story, units, term_info.iter().map(|t| t.0.as_str()));
    let mut out: Vec<TermChoice> = groups
        .into_values()
        .map(|mut ev| {
            ev.sort_by(|&x, &y| found[y].score.total_cmp(&found[x].score));
            let mut members: Vec<usize> = ev.iter().flat_map(|&k| [pairs[k].0, pairs[k].1]).collect();
            members.sort_unstable();
            members.dedup();
            let terms = members
                .iter()
                .map(|&t| TermUse {
                    term: term_info[t].1.clone(),
                    counts: counts_by_outlet(story, &counts[t]),
                    example: term_info[t].2.clone(),
                })
                .collect();
            let evidence: Vec<Substitution> = ev
                .iter()
                .take(cfg.max_evidence)
                .map(|&k| Substitution {
                    a: units[found[k].a.0].text_ref(story.articles, found[k].a.1, found[k].a.2),
                    b: units[found[k].b.0].text_ref(story.articles, found[k].b.1, found[k].b.2),
                    score: found[k].score,
                })
                .collect();
            TermChoice {
                method,
                referent: None,
                score: evidence.first().map_or(0.0, |e| e.score),
                terms,
                evidence,
            }
        })
        .collect();
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out
}

/// The lower-case text of tokens `f..=l` of a unit.
fn surface(story: &Story, unit: &Unit, f: usize, l: usize) -> String {
    let r = unit.text_ref(story.articles, f, l);
    let a = story.articles[unit.article];
    r.slice(a).map(words::lower).unwrap_or_default()
}

/// How often each outlet uses each term (its content stems in a row), per term.
fn count_terms<'k>(
    story: &Story,
    units: &[Unit],
    keys: impl Iterator<Item = &'k str>,
) -> Vec<BTreeMap<usize, usize>> {
    let keys: Vec<&str> = keys.collect();
    let index: HashMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let longest = keys.iter().map(|k| k.split(' ').count()).max().unwrap_or(0);
    let mut out = vec![BTreeMap::new(); keys.len()];
    let _ = story;
    for unit in units {
        let stems: Vec<&str> = unit
            .toks
            .iter()
            .filter(|t| t.class == TokClass::Content)
            .map(|t| t.stem.as_str())
            .collect();
        let mut buf = String::new();
        for i in 0..stems.len() {
            buf.clear();
            for (n, s) in stems[i..].iter().take(longest).enumerate() {
                if n > 0 {
                    buf.push(' ');
                }
                buf.push_str(s);
                if let Some(&t) = index.get(buf.as_str()) {
                    *out[t].entry(unit.outlet).or_insert(0) += 1;
                }
            }
        }
    }
    out
}

/// Term choices read from the roles written with one entity's name in different outlets
/// ("Sen. Jo Roe" / "hard-line senator Jo Roe"): roles that differ in the loaded wording
/// they carry (rule `role_pair_is_name_form`, in [`role_evidence`]).
pub(crate) fn coreferent_terms(story: &Story, units: &[Unit], cfg: &TermConfig) -> Vec<TermChoice> {
    let _ = units;
    // Entity key -> role key -> (surface, per-outlet count, first example).
    type Roles = BTreeMap<String, (String, BTreeMap<usize, usize>, TextRef)>;
    let mut by_entity: BTreeMap<String, (String, Roles)> = BTreeMap::new();
    for (o, a) in story.with_outlets() {
        for (ek, e) in keyed_entities(a) {
            for m in &e.mentions {
                let Some(role) = m.role else { continue };
                let Some(text) = role.slice(&a.text) else { continue };
                let toks = words::tokens_of(&a.text, role);
                let rk = key(&toks);
                if rk.is_empty() || toks.iter().any(|t| t.numeric) {
                    continue;
                }
                let entry = by_entity
                    .entry(ek.clone())
                    .or_insert_with(|| (e.name.clone(), Roles::new()));
                let r = entry.1.entry(rk).or_insert_with(|| {
                    let at = TextRef {
                        article: a.id.clone(),
                        part: Part::Body,
                        span: role,
                    };
                    (words::lower(text), BTreeMap::new(), at)
                });
                *r.1.entry(o).or_insert(0) += 1;
            }
        }
    }
    by_entity
        .into_values()
        .filter_map(|(name, roles)| {
            let outlets: std::collections::BTreeSet<usize> =
                roles.values().flat_map(|r| r.1.keys().copied()).collect();
            if roles.len() < 2 || outlets.len() < 2 {
                return None;
            }
            let list: Vec<_> = roles.into_values().collect();
            let evidence = role_evidence(&list, cfg);
            if evidence.is_empty() {
                return None;
            }
            Some(TermChoice {
                method: TermMethod::Coreference,
                referent: Some(name),
                score: 1.0,
                terms: list
                    .iter()
                    .map(|(s, c, at)| TermUse {
                        term: s.clone(),
                        counts: counts_by_outlet(story, c),
                        example: at.clone(),
                    })
                    .collect(),
                evidence,
            })
        })
        .collect()
}

/// Pairs of roles of one entity used by different outlets, name forms left out.
fn role_evidence(roles: &[(String, BTreeMap<usize, usize>, TextRef)], cfg: &TermConfig) -> Vec<Substitution> {
    let mut out = Vec::new();
    let cues: Vec<Vec<String>> = roles
        .iter()
        .map(|r| {
            let mut c = super::loaded::cues_in_phrase(&r.0);
            c.sort_unstable();
            c.dedup();
            c
        })
        .collect();
    for (i, x) in roles.iter().enumerate() {
        for (j, y) in roles.iter().enumerate().skip(i + 1) {
            let only_x = x.1.keys().any(|o| !y.1.contains_key(o));
            let only_y = y.1.keys().any(|o| !x.1.contains_key(o));
            if only_x && only_y && !role_pair_is_name_form(&cues[i], &cues[j]) && out.len() < cfg.max_evidence
            {
                out.push(Substitution {
                    a: x.2.clone(),
                    b: y.2.clone(),
                    score: 1.0,
                });
            }
        }
    }
    out
}

/// Rule `role_pair_is_name_form`: two roles written before one name ("Sen." / "West
/// Virginia Sen.", "Defense Secretary" / "Secretary of Defense") are forms of the name —
/// a title before a name is part of it (the term-pair guidelines, 3) — unless one carries
/// loaded wording the other lacks ("hard-line senator" / "Sen."): a modifier added or
/// dropped that is itself the framing choice (guidelines, 4). Given each role's cue-list
/// entries, sorted. On the labelled AllSides pairs the method without this rule made 30
/// pairs, every one a title variant and none right.
fn role_pair_is_name_form(x: &[String], y: &[String]) -> bool {
    x == y
}

/// The first place in its article where the term under `at` is used: the same content
/// stems in a row, looked for in the title and then the body's sentences (a term choice's
/// evidence is where two outlets' sentences align, which need not be the first use).
/// `at` itself when it holds no content word or its article is not the one given.
pub fn first_use(article: &crate::Article, at: &TextRef) -> TextRef {
    let Some(text) = (match at.part {
        Part::Title => article.title.as_deref(),
        Part::Body => Some(article.text.as_str()),
    }) else {
        return at.clone();
    };
    if article.id != at.article || at.span.slice(text).is_none() {
        return at.clone();
    }
    let want: Vec<String> = words::tokens_of(text, at.span)
        .into_iter()
        .filter(|t| t.class == TokClass::Content)
        .map(|t| t.stem)
        .collect();
    if want.is_empty() {
        return at.clone();
    }
    let mut units = Vec::new();
    if let Some(t) = article.title.as_deref() {
        units.push((
            Part::Title,
            words::tokens_of(t, crate::span::Span::new(0, t.len())),
        ));
    }
    for s in article
        .sentences
        .iter()
        .filter(|s| s.slice(&article.text).is_some())
    {
        units.push((Part::Body, words::tokens_of(&article.text, *s)));
    }
    for (part, toks) in units {
        let content: Vec<&Tok> = toks.iter().filter(|t| t.class == TokClass::Content).collect();
        let hit = content
            .windows(want.len())
            .find(|w| w.iter().zip(&want).all(|(t, s)| &t.stem == s));
        if let Some(w) = hit {
            let span = crate::span::Span::new(w[0].span.start, w[w.len() - 1].span.end);
            return TextRef {
                article: article.id.clone(),
                part,
                span,
            };
        }
    }
    at.clone()
}

#[cfg(test)]
mod rule_tests {
    use super::*;
    use crate::ingest::{InputMeta, RawItem};
    use crate::span::Span;
    use crate::{Article, Pipeline, PipelineConfig};

    fn toks(s: &str) -> Vec<Tok> {
        words::tokens_of(s, Span::new(0, s.len()))
    }

    fn article(p: &Pipeline, outlet: &str, title: &str, paras: &[&str]) -> Article {
        p.analyze(RawItem::text(
            format!("{outlet}.txt"),
            paras.join("\n\n"),
            InputMeta {
                title: Some(title.to_string()),
                outlet: Some(outlet.to_string()),
                published: Some("2031-05-06".to_string()),
                ..Default::default()
            },
        ))
        .expect("analysed")
    }

    #[test]
    fn a_bare_type_word_is_a_generic_anaphor_and_a_description_is_not() {
        assert!(generic_anaphor(&toks("the city")));
        assert!(generic_anaphor(&toks("Company")));
        assert!(!generic_anaphor(&toks("the harbour town council")));
        assert!(!generic_anaphor(&toks("the shipping giant")));
    }

    #[test]
    fn a_slot_between_two_titles_weighs_title_pair_times_the_same_slot_between_sentences() {
        let unit = |outlet: usize, part: Part, s: &str| Unit {
            article: outlet,
            outlet,
            part,
            toks: toks(s),
        };
        let (a, b) = (
            "Dockers walk out at Pellan port over night shifts",
            "Stevedores walk out at Pellan port over night shifts",
        );
        let cfg = TermConfig::default();
        let score = |part: Part| {
            let units = [unit(0, part, a), unit(1, part, b)];
            let found = substitutions(&units, 0, 1, 0.6, &cfg);
            assert_eq!(found.len(), 1, "one slot: dockers / stevedores");
            found[0].score
        };
        let (title, body) = (score(Part::Title), score(Part::Body));
        assert!(body > 0.0 && body * cfg.title_pair < 1.0, "{body}");
        assert!((title - body * cfg.title_pair).abs() < 1e-6, "{title} vs {body}");
    }

    #[test]
    fn dotted_and_plain_initials_are_one_name() {
        assert!(name_variant(&toks("Z.R.A."), &toks("ZRA")));
        assert!(!name_variant(&toks("ZRA"), &toks("regulator")));
    }

    #[test]
    fn leads_sharing_one_word_are_paired_and_later_sentences_are_not() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let arts = [
            article(
                &p,
                "Fenwick Post",
                "Zelvik mayor scraps tram levy",
                &[
                    "The mayor of Zelvik dropped the tram levy on Monday.",
                    "Shopkeepers on the quay welcomed the news.",
                    "Grain barges were late again.",
                ],
            ),
            article(
                &p,
                "Tarn Herald",
                "City hall in Zelvik axes fare surcharge",
                &[
                    "Zelvik's leadership abandoned a fare surcharge after weeks of protest.",
                    "Commuters cheered outside the depot.",
                    "Grain barges were late again.",
                ],
            ),
        ];
        let refs: Vec<&Article> = arts.iter().collect();
        let outlet_of = [Some(0), Some(1)];
        let units = words::units(&refs, &outlet_of);
        let index = Index::build(&units);
        let weights: Vec<f32> = (0..units.len()).map(|u| index.weight(u)).collect();
        let cfg = TermConfig::default();
        let pairs = lead_pairs(&units, &index, &weights, &cfg);
        let titles =
            |&(u, v, _): &(usize, usize, f32)| units[u].part == Part::Title && units[v].part == Part::Title;
        assert!(pairs.iter().any(titles), "the two headlines share 'Zelvik'");
        // The third sentences are the same but outside the lead.
        let last = |u: usize| units[u].toks.iter().any(|t| t.lower == "barges");
        assert!(!pairs.iter().any(|&(u, v, _)| last(u) || last(v)));
    }
}
