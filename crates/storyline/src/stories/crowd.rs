//! Crowded names: terms and entities that many open storylines are filed under. A place
//! or a body named in a large share of the storylines running at once says nothing about
//! whether two of them are one, however rare it is among articles (a capital named in
//! every third story is not common in the window's articles, yet common across
//! storylines). When storylines are compared to become one, such terms are left out, so
//! that storylines are not chained through names everyone uses; an event's own link to a
//! storyline can weigh them down too (off by default, see [`CrowdConfig::link`]).
//!
//! The count is the number of open storylines whose signature is filed under the term (its
//! heaviest terms and entities, see `storylines::SIGNATURE_KEYS`): a term that is heavy in
//! a storyline's signature is what that storyline is found by, and so what could chain it.

use serde::{Deserialize, Serialize};

use super::terms::{SparseVec, Term};

/// While few storylines are open, a term filed under at most this many is never crowded.
pub const CROWD_FLOOR: usize = 3;

/// When a term is crowded, and what it still weighs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CrowdConfig {
    /// A term filed under at least this share of the counted open storylines (and more
    /// than [`CROWD_FLOOR`]) is crowded; 0 turns the rule off. 0.02: on the development
    /// sets the floor decides (0.01–0.05 give the same storylines there); on the generated
    /// corpus, with a hundred stories at once, a smaller share leaves out more.
    pub share: f32,
    /// Only open storylines of this many articles or more are counted: the scattered first
    /// articles of one story, each still a storyline of its own, would otherwise make that
    /// story's own names look common across storylines (counting every storyline, the
    /// Timeline17 topics split: 0.903 → 0.833).
    pub articles: u32,
    /// The share of its weight a crowded term keeps when a new event is linked to a
    /// storyline. 1, in full: weighing crowded names down here (0, 0.3, 0.5 tried) shrank
    /// the generated corpus's largest storyline further but split AllSides storylines of
    /// one topic on one half while joining them on the other.
    pub link: f32,
    /// The share it keeps when two storylines are compared to become one: the other
    /// storylines a new event links to strongly, the last chance of a small storyline,
    /// converging signatures. 0: two storylines that share only names many others carry
    /// are not one.
    pub merge: f32,
}

impl Default for CrowdConfig {
    fn default() -> Self {
        CrowdConfig {
            share: 0.02,
            articles: 3,
            link: 1.0,
            merge: 0.0,
        }
    }
}

/// Terms weighed down in a comparison (sorted, each once), and the share of its weight
/// each keeps.
#[derive(Debug, Clone, PartialEq)]
pub struct Crowded {
    terms: Vec<Term>,
    pub(crate) keep: f32,
}

impl Default for Crowded {
    /// Nothing weighed down.
    fn default() -> Self {
        Crowded {
            terms: Vec::new(),
            keep: 1.0,
        }
    }
}

impl Crowded {
    pub fn new(mut terms: Vec<Term>, keep: f32) -> Crowded {
        terms.sort_unstable();
        terms.dedup();
        Crowded { terms, keep }
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether a term is weighed down.
    pub fn holds(&self, t: Term) -> bool {
        self.keep < 1.0 && self.terms.binary_search(&t).is_ok()
    }

    /// These terms and `more`.
    pub fn with(&self, more: &[Term]) -> Crowded {
        let all = self.terms.iter().chain(more).copied().collect();
        Crowded::new(all, self.keep)
    }

    /// The cosine of two vectors with the crowded terms weighed down in both to the share
    /// kept (0 when nothing is left of either). Costs a lookup per crowded term on top of
    /// the plain cosine.
    pub fn cosine(&self, a: &SparseVec, b: &SparseVec) -> f32 {
        if self.terms.is_empty() || self.keep >= 1.0 {
            return a.cosine(b);
        }
        let cut = 1.0 - self.keep * self.keep;
        let (mut dot, mut na, mut nb) = (a.dot(b), sq(a), sq(b));
        for &t in &self.terms {
            let (x, y) = (a.get(t), b.get(t));
            dot -= x * y * cut;
            na -= x * x * cut;
            nb -= y * y * cut;
        }
        let d = (na.max(0.0) * nb.max(0.0)).sqrt();
        if d > 0.0 {
            (dot / d).max(0.0)
        } else {
            0.0
        }
    }
}

fn sq(v: &SparseVec) -> f32 {
    v.0.iter().map(|&(_, w)| w * w).sum()
}

/// How many counted storylines it takes for a term to be crowded: `share` of those
/// counted, and more than [`CROWD_FLOOR`]. `share` 0 (or above 1) turns the rule off.
pub fn crowd_limit(share: f32, open: usize) -> Option<usize> {
    (share > 0.0 && share <= 1.0).then(|| ((share * open as f32).ceil() as usize).max(CROWD_FLOOR + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(pairs: &[(u64, f32)]) -> SparseVec {
        SparseVec(pairs.iter().map(|&(t, w)| (Term(t), w)).collect())
    }

    #[test]
    fn a_crowded_term_adds_nothing_to_the_cosine() {
        // Two storylines that share only a capital named everywhere.
        let a = v(&[(1, 0.6), (2, 0.8)]);
        let b = v(&[(1, 0.6), (3, 0.8)]);
        assert!(a.cosine(&b) > 0.3);
        let capital = Crowded::new(vec![Term(1)], 0.0);
        assert_eq!(capital.cosine(&a, &b), 0.0);
        // What else they share still counts, at full weight.
        let c = v(&[(1, 0.6), (2, 0.8)]);
        assert!((capital.cosine(&a, &c) - 1.0).abs() < 1e-6);
        // Kept at a share of its weight, it counts that much.
        let half = Crowded::new(vec![Term(1)], 0.5).cosine(&a, &b);
        assert!(half > 0.0 && half < a.cosine(&b), "{half}");
        let all = Crowded::new(vec![Term(1)], 1.0);
        assert_eq!(all.cosine(&a, &b), a.cosine(&b));
        assert_eq!(Crowded::default().with(&[]).cosine(&a, &b), a.cosine(&b));
    }

    #[test]
    fn the_limit_is_a_share_of_the_open_storylines_above_a_floor() {
        assert_eq!(crowd_limit(0.0, 1000), None);
        assert_eq!(crowd_limit(0.05, 10), Some(CROWD_FLOOR + 1));
        assert_eq!(crowd_limit(0.05, 1000), Some(50));
    }
}
