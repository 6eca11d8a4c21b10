//! Alignment-based ROUGE for timelines ("align+ m:1", Martschat & Markert 2017) as the
//! `tilse` package computes it with its default settings: Perl ROUGE-1.5.5 run with
//! `-n 2 -m -s` on raw counts. Re-implemented here:
//!
//! - text: each sentence lower-cased (ASCII) and cut at the first `<`; sentences joined;
//!   `-` set apart; every character but ASCII letters, digits and `-` made a space;
//! - tokens: SMART common words dropped, tokens not starting with a letter or digit
//!   dropped, tokens longer than three characters stemmed (WordNet's exception lists
//!   first, then Porter's 1980 stemmer as ROUGE's Perl has it);
//! - n-gram hits clipped per n-gram; counts summed over the aligned days, each hit
//!   weighted by 1 / (1 + days between the aligned dates);
//! - alignment: each predicted day goes to the reference day of least cost
//!   `date_factor · (1 − approximate ROUGE-1 F)` (and each reference day to the predicted
//!   day of least cost, for recall), the approximation on whitespace tokens without
//!   punctuation, as tilse has it.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

const SMART_COMMON_WORDS: &str = include_str!("smart-common-words.txt");

/// WordNet 2.0's exception lists as ROUGE-1.5.5 ships them: an irregular form and its base.
const WORDNET_EXCEPTIONS: &str = include_str!("wordnet-exceptions.txt");

static EXCEPTIONS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    WORDNET_EXCEPTIONS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(' '))
        .collect()
});

static STOPS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| SMART_COMMON_WORDS.lines().collect());

/// A timeline: days with their sentences (whitespace-tokenised text).
pub type Tl = Vec<(NaiveDate, Vec<String>)>;

/// Hits and counts of one ROUGE-N comparison.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub hits: f64,
    /// n-grams of the prediction (precision denominator).
    pub pred: f64,
    /// n-grams of the reference (recall denominator).
    pub reference: f64,
}

/// Precision and recall of one timeline for ROUGE-1 and ROUGE-2.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Pr {
    pub p: [f64; 2],
    pub r: [f64; 2],
}

/// Porter's stemmer exactly as ROUGE-1.5.5's Perl implements it.
struct Porter {
    mgr0: Regex,
    meq1: Regex,
    mgr1: Regex,
    vowel_in: Regex,
    cvc: Regex,
}

const STEP2: [(&str, &str); 21] = [
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("bli", "ble"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
    ("logi", "log"),
];

const STEP3: [(&str, &str); 7] = [
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
];

const STEP4: [&str; 16] = [
    "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ou", "ism", "ate", "iti", "ous",
    "ive", "ize",
];

/// The longest of `suffixes` that `w` ends with (a Perl alternation anchored at the end
/// matches at the leftmost start, which is the longest suffix).
fn longest<'s>(w: &str, suffixes: impl Iterator<Item = &'s str>) -> Option<&'s str> {
    suffixes.filter(|s| w.ends_with(s)).max_by_key(|s| s.len())
}

impl Porter {
    fn new() -> Self {
        let v = "[aeiouy]";
        let cs = "[^aeiou][^aeiouy]*";
        let vs = "[aeiouy][aeiou]*";
        let re = |s: String| Regex::new(&s).expect("valid pattern");
        Porter {
            mgr0: re(format!("^({cs})?{vs}{cs}")),
            meq1: re(format!("^({cs})?{vs}{cs}({vs})?$")),
            mgr1: re(format!("^({cs})?{vs}{cs}{vs}{cs}")),
            vowel_in: re(format!("^({cs})?{v}")),
            cvc: re(format!("^{cs}{v}[^aeiouwxy]$")),
        }
    }

    fn stem(&self, word: &str) -> String {
        if word.len() < 3 {
            return word.to_string();
        }
        let mut w = word.to_string();
        let first_y = w.starts_with('y');
        if first_y {
            w.replace_range(..1, "Y");
        }
        self.step1(&mut w);
        for (list, test) in [(&STEP2[..], &self.mgr0), (&STEP3[..], &self.mgr0)] {
            if let Some(suf) = longest(&w, list.iter().map(|e| e.0)) {
                let stem = &w[..w.len() - suf.len()];
                if test.is_match(stem) {
                    let to = list.iter().find(|e| e.0 == suf).map_or("", |e| e.1);
                    w = format!("{stem}{to}");
                }
            }
        }
        self.step4(&mut w);
        self.step5(&mut w);
        if first_y {
            w.replace_range(..1, "y");
        }
        w
    }

    fn step1(&self, w: &mut String) {
        if w.ends_with("sses") || w.ends_with("ies") {
            w.truncate(w.len() - 2);
        } else if w.len() >= 2 && w.ends_with('s') && !w[..w.len() - 1].ends_with('s') {
            w.truncate(w.len() - 1);
        }
        if let Some(stem) = w.strip_suffix("eed") {
            if self.mgr0.is_match(stem) {
                w.truncate(w.len() - 1);
            }
        } else if let Some(stem) = w.strip_suffix("ed").or_else(|| w.strip_suffix("ing")) {
            if self.vowel_in.is_match(stem) {
                let mut s = stem.to_string();
                let b = s.as_bytes();
                let n = b.len();
                if s.ends_with("at") || s.ends_with("bl") || s.ends_with("iz") {
                    s.push('e');
                } else if n >= 2 && b[n - 1] == b[n - 2] && !b"aeiouylsz".contains(&b[n - 1]) {
                    s.truncate(n - 1);
                } else if self.cvc.is_match(&s) {
                    s.push('e');
                }
                *w = s;
            }
        }
        if let Some(stem) = w.strip_suffix('y') {
            if self.vowel_in.is_match(stem) {
                *w = format!("{stem}i");
            }
        }
    }

    fn step4(&self, w: &mut String) {
        if let Some(suf) = longest(w, STEP4.iter().copied()) {
            let stem = &w[..w.len() - suf.len()];
            if self.mgr1.is_match(stem) {
                *w = stem.to_string();
            }
        }
        if let Some(stem) = w.strip_suffix("ment") {
            if self.mgr1.is_match(stem) {
                *w = stem.to_string();
            }
        }
        if let Some(stem) = w.strip_suffix("ent") {
            if self.mgr1.is_match(stem) {
                *w = stem.to_string();
            }
        } else if w.ends_with("sion") || w.ends_with("tion") {
            let stem = &w[..w.len() - 3];
            if self.mgr1.is_match(stem) {
                *w = stem.to_string();
            }
        }
    }

    fn step5(&self, w: &mut String) {
        if let Some(stem) = w.strip_suffix('e') {
            if self.mgr1.is_match(stem) || (self.meq1.is_match(stem) && !self.cvc.is_match(stem)) {
                *w = stem.to_string();
            }
        }
        if w.ends_with("ll") && self.mgr1.is_match(w) {
            w.truncate(w.len() - 1);
        }
    }
}

/// ROUGE's text pipeline, from sentences to the tokens n-grams are made of.
pub struct Tokenizer {
    porter: Porter,
    cache: std::sync::Mutex<HashMap<String, String>>,
}

impl Tokenizer {
    pub fn new() -> Self {
        Tokenizer {
            porter: Porter::new(),
            cache: Default::default(),
        }
    }

    fn stem(&self, t: &str) -> String {
        if let Some(s) = EXCEPTIONS.get(t) {
            return s.to_string();
        }
        let mut cache = self.cache.lock().expect("not poisoned");
        cache
            .entry(t.to_string())
            .or_insert_with(|| self.porter.stem(t))
            .clone()
    }

    pub fn tokens(&self, sentences: &[String]) -> Vec<String> {
        let mut text = String::new();
        for s in sentences {
            // pyrouge writes each sentence inside an anchor; ROUGE reads up to the next '<'
            // and skips a sentence with nothing before it.
            let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let joined = joined.replace('^', "&circ;");
            let kept = joined.split('<').next().unwrap_or_default();
            if kept.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&kept.to_ascii_lowercase());
        }
        let spaced: String = text
            .replace('-', " - ")
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    ' '
                }
            })
            .collect();
        spaced
            .split_whitespace()
            .filter(|t| !STOPS.contains(t))
            .filter(|t| t.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit()))
            .map(|t| if t.len() > 3 { self.stem(t) } else { t.to_string() })
            .collect()
    }
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], u32> {
    let mut out = HashMap::new();
    for g in tokens.windows(n) {
        *out.entry(g).or_insert(0) += 1;
    }
    out
}

/// ROUGE-1 and ROUGE-2 counts of a prediction against a reference, from their tokens.
fn rouge(pred: &[String], reference: &[String]) -> [Counts; 2] {
    [1, 2].map(|n| {
        let (p, r) = (ngrams(pred, n), ngrams(reference, n));
        let hits: u32 = r.iter().map(|(g, &c)| p.get(g).map_or(0, |&pc| pc.min(c))).sum();
        Counts {
            hits: hits as f64,
            pred: p.values().sum::<u32>() as f64,
            reference: r.values().sum::<u32>() as f64,
        }
    })
}

/// tilse's approximate ROUGE-1 F (alignment costs): whitespace tokens, case kept, tokens
/// that are a run of Python's punctuation string dropped.
fn approx_f(pred: &[String], reference: &[String]) -> f64 {
    fn count(sents: &[String]) -> HashMap<&str, u32> {
        const PUNCT: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        let mut m: HashMap<&str, u32> = HashMap::new();
        for s in sents {
            for t in s.split_whitespace().filter(|t| !PUNCT.contains(t)) {
                *m.entry(t).or_insert(0) += 1;
            }
        }
        m
    }
    let (p, r) = (count(pred), count(reference));
    let hits: u32 = p.iter().map(|(t, &c)| r.get(t).map_or(0, |&rc| c.min(rc))).sum();
    let (pn, rn) = (p.values().sum::<u32>(), r.values().sum::<u32>());
    let prec = if pn == 0 { 0.0 } else { hits as f64 / pn as f64 };
    let rec = if rn == 0 { 0.0 } else { hits as f64 / rn as f64 };
    if prec + rec == 0.0 {
        0.0
    } else {
        2.0 * prec * rec / (prec + rec)
    }
}

fn days_apart(a: NaiveDate, b: NaiveDate) -> f64 {
    (a - b).num_days().abs() as f64
}

/// For each day of `from`, the index of the day of `to` it is aligned with: least
/// `date_factor · content_factor`, the first on ties (numpy's argmin).
fn align(from: &Tl, to: &Tl, from_is_pred: bool) -> Vec<usize> {
    from.iter()
        .map(|(fd, fs)| {
            let mut best = (f64::INFINITY, 0);
            for (j, (td, ts)) in to.iter().enumerate() {
                let date_factor = 1.0 - 1.0 / (days_apart(*fd, *td) + 1.0);
                let f = if from_is_pred {
                    approx_f(fs, ts)
                } else {
                    approx_f(ts, fs)
                };
                let cost = date_factor * (1.0 - f);
                if cost < best.0 {
                    best = (cost, j);
                }
            }
            best.1
        })
        .collect()
}

/// "align+ m:1" precision and recall of ROUGE-1 and ROUGE-2 for one predicted timeline
/// against one reference, both sorted by date with each date once.
pub fn align_m1(tok: &Tokenizer, pred: &Tl, reference: &Tl) -> Pr {
    let mut out = Pr::default();
    if pred.is_empty() || reference.is_empty() {
        return out;
    }
    let ptoks: Vec<Vec<String>> = pred.iter().map(|(_, s)| tok.tokens(s)).collect();
    let rtoks: Vec<Vec<String>> = reference.iter().map(|(_, s)| tok.tokens(s)).collect();
    let mut num = [[0.0f64; 2]; 2]; // [precision|recall][rouge-1|rouge-2]
    let mut den = [[0.0f64; 2]; 2];
    for (i, j) in align(pred, reference, true).into_iter().enumerate() {
        let w = 1.0 / (days_apart(pred[i].0, reference[j].0) + 1.0);
        for (n, c) in rouge(&ptoks[i], &rtoks[j]).iter().enumerate() {
            num[0][n] += w * c.hits;
            den[0][n] += c.pred;
        }
    }
    for (j, i) in align(reference, pred, false).into_iter().enumerate() {
        let w = 1.0 / (days_apart(pred[i].0, reference[j].0) + 1.0);
        for (n, c) in rouge(&ptoks[i], &rtoks[j]).iter().enumerate() {
            num[1][n] += w * c.hits;
            den[1][n] += c.reference;
        }
    }
    let ratio = |a: f64, b: f64| if b == 0.0 { 0.0 } else { a / b };
    for n in 0..2 {
        out.p[n] = ratio(num[0][n], den[0][n]);
        out.r[n] = ratio(num[1][n], den[1][n]);
    }
    out
}

/// Date precision and recall: exact days.
pub fn date_pr(pred: &Tl, reference: &Tl) -> (f64, f64) {
    let p: HashSet<NaiveDate> = pred.iter().map(|d| d.0).collect();
    let r: HashSet<NaiveDate> = reference.iter().map(|d| d.0).collect();
    let both = p.intersection(&r).count() as f64;
    let ratio = |a: f64, b: usize| if b == 0 { 0.0 } else { a / b as f64 };
    (ratio(both, p.len()), ratio(both, r.len()))
}

pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn porter_as_in_rouge() {
        let p = Porter::new();
        for (w, s) in [
            ("caresses", "caress"),
            ("ponies", "poni"),
            ("cats", "cat"),
            ("feed", "feed"),
            ("agreed", "agre"),
            ("plastered", "plaster"),
            ("motoring", "motor"),
            ("conflated", "conflat"),
            ("hopping", "hop"),
            ("filing", "file"),
            ("happy", "happi"),
            ("relational", "relat"),
            ("conditional", "condit"),
            ("hopefulness", "hope"),
            ("electrical", "electr"),
            ("adjustment", "adjust"),
            ("adoption", "adopt"),
            ("controlling", "control"),
            ("yelling", "yell"),
            ("generalizations", "gener"),
            ("oscillators", "oscil"),
        ] {
            assert_eq!(p.stem(w), s, "{w}");
        }
    }

    #[test]
    fn tokens_drop_stop_words_and_punctuation() {
        let t = Tokenizer::new();
        let toks = t.tokens(&["The ferry-operators were striking , again .".to_string()]);
        assert_eq!(toks, ["ferri", "oper", "strike"]);
        // Irregular forms go to their base through WordNet's lists.
        assert_eq!(t.tokens(&["children".to_string()]), ["child"]);
    }

    #[test]
    fn identical_timelines_score_one_and_shifted_days_less() {
        let t = Tokenizer::new();
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let tl =
            |day: &str| -> Tl { vec![(d(day), vec!["Harbour workers strike over pensions".to_string()])] };
        let same = align_m1(&t, &tl("2020-01-02"), &tl("2020-01-02"));
        assert_eq!(same.p, [1.0, 1.0]);
        assert_eq!(same.r, [1.0, 1.0]);
        let off = align_m1(&t, &tl("2020-01-03"), &tl("2020-01-02"));
        assert!((off.p[0] - 0.5).abs() < 1e-9);
    }
}
