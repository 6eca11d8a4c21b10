//! The Zyte article-extraction-benchmark scorer: word 4-gram shingles with counts.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\w+").expect("regex"));

fn shingles(text: &str, n: usize) -> HashMap<Vec<&str>, u32> {
    let tokens: Vec<&str> = WORD.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if tokens.len() >= n {
        for w in tokens.windows(n) {
            *out.entry(w.to_vec()).or_insert(0) += 1;
        }
    }
    out
}

/// Per page: true positives, false positives and false negatives, normalised to sum 1.
pub fn score_page(gold: &str, pred: &str) -> (f64, f64, f64) {
    let g = shingles(gold, 4);
    let p = shingles(pred, 4);
    let (mut tp, mut fp, mut fn_) = (0f64, 0f64, 0f64);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fn_ += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        let gc = g.get(k).copied().unwrap_or(0);
        fp += pc.saturating_sub(gc) as f64;
    }
    let s = tp + fp + fn_;
    if s > 0.0 {
        (tp / s, fp / s, fn_ / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Precision, recall and F1 over pages: the normalised counts are summed over pages
/// (each page weighs the same), as the benchmark's own `evaluate.py` does.
pub fn prf(pages: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let tp: f64 = pages.iter().map(|p| p.0).sum();
    let fp: f64 = pages.iter().map(|p| p.1).sum();
    let fn_: f64 = pages.iter().map(|p| p.2).sum();
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_disjoint() {
        let t = "one two three four five six";
        assert_eq!(score_page(t, t), (1.0, 0.0, 0.0));
        let (tp, fp, fn_) = score_page(t, "alpha beta gamma delta");
        assert_eq!(tp, 0.0);
        assert!(fp > 0.0 && fn_ > 0.0);
        let (p, r, f) = prf(&[score_page(t, t), score_page(t, t)]);
        assert_eq!((p, r, f), (1.0, 1.0, 1.0));
    }
}
