//! Adoption: a small storyline that closes alone is filed under the big running story whose
//! own names it carries. A feature, a column or a side story of a big story (the oil
//! spill seen from a seahorse's habitat, a church service during an epidemic) is written
//! around its own words, so its cosine with the big story's signature — a thousand
//! terms of months of coverage — stays below the last chance's threshold. An editor
//! files it under the story anyway, because it names what only that story is about: the
//! big storyline's heaviest terms and entities, those that no other running storyline is
//! filed under. Names that several storylines carry (a capital, a president) prove
//! nothing and do not count.
//!
//! Designed from the candidates logged on the full Timeline17 mix, AllSides and the
//! generated corpus, not on a tuning half alone: the Timeline17 tuning half hardly moves
//! and the held-out half gains, so it is not a confirmed gain (see `bench/RESULTS.md`,
//! "Clustering and pair similarity", twelfth session).

use serde::{Deserialize, Serialize};

use super::storylines::{Signature, SIGNATURE_KEYS};
use super::terms::{SparseVec, Term};

/// When a small storyline is adopted by a big one. All must hold; `articles` 0 turns the
/// rule off.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdoptConfig {
    /// Least articles of the adopting storyline: a story that has run long enough to
    /// have names of its own.
    pub articles: u32,
    /// Least of its heaviest entities (the ten it is filed under) the small one names,
    /// each owned by it.
    pub entities: u32,
    /// Least of its heaviest body terms (the twenty it is filed under) the small one
    /// has, each owned by it.
    pub terms: u32,
    /// A key is owned when at most this many open storylines are filed under it, the
    /// small one left out (1: the adopting storyline alone). Counting only storylines of
    /// three articles or more, as for crowded names, was tried: it let the first
    /// articles of a new story (the epidemic's, in the financial crisis) be adopted.
    pub owners: usize,
    /// Least link score (with crowded names left out, as for the last chance).
    pub score: f32,
    /// Most articles of the adopted storyline: a lone article or two, not the start of
    /// a story of its own (5, as for the last chance, lowered the AllSides storylines).
    pub small: u32,
}

impl Default for AdoptConfig {
    fn default() -> Self {
        AdoptConfig {
            articles: 30,
            entities: 2,
            terms: 3,
            owners: 1,
            score: 0.05,
            small: 2,
        }
    }
}

/// How many of `big`'s filed keys the small storyline's vectors have and that are owned
/// (`owned(t)`): (entities, body terms).
pub(crate) fn owned_shared(
    big: &Signature,
    body: &SparseVec,
    entities: &SparseVec,
    owned: impl Fn(Term) -> bool,
) -> (u32, u32) {
    let count = |keys: Vec<(Term, f32)>, v: &SparseVec| {
        keys.into_iter()
            .filter(|&(t, _)| v.get(t) > 0.0 && owned(t))
            .count() as u32
    };
    (
        count(big.entities.top(SIGNATURE_KEYS.entities), entities),
        count(big.body.top(SIGNATURE_KEYS.terms), body),
    )
}

impl AdoptConfig {
    /// Whether the evidence is enough.
    pub(crate) fn adopts(&self, articles: u32, score: f32, (entities, terms): (u32, u32)) -> bool {
        self.articles > 0
            && articles >= self.articles
            && score >= self.score
            && entities >= self.entities
            && terms >= self.terms
    }
}
