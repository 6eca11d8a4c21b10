//! A candidate index: each open cluster is filed under a few of its heaviest terms and
//! entities; a query collects the clusters filed under its own heaviest ones. Finding
//! candidates costs what the query's posting lists hold, never a pass over every cluster.

use std::collections::HashMap;

use super::terms::{Seeded, SparseVec, Term, TermMap};

/// How many terms of each vector file a cluster or make a query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Keys {
    pub terms: usize,
    pub entities: usize,
}

/// Clusters (by slot) filed under terms.
#[derive(Debug, Default, Clone)]
pub(crate) struct Index {
    postings: TermMap<Vec<u32>>,
    /// The terms each slot is filed under.
    filed: HashMap<u32, Vec<Term>, Seeded>,
}

/// The heaviest terms of the body and of the entities (entity keys live in their own
/// hashed space, so the two share one map), with weights.
pub(crate) fn heaviest(body: &SparseVec, entities: &SparseVec, k: Keys) -> Vec<(Term, f32)> {
    let mut v = body.top(k.terms);
    v.extend(entities.top(k.entities));
    v
}

impl Index {
    /// Files `slot` under `terms`, replacing what it was filed under.
    pub fn file(&mut self, slot: u32, mut terms: Vec<Term>) {
        terms.sort_unstable();
        terms.dedup();
        let old = self.filed.remove(&slot).unwrap_or_default();
        for t in old.iter().filter(|t| terms.binary_search(t).is_err()) {
            self.unpost(*t, slot);
        }
        for &t in terms.iter().filter(|t| old.binary_search(t).is_err()) {
            self.postings.entry(t).or_default().push(slot);
        }
        self.filed.insert(slot, terms);
    }

    /// Takes `slot` out.
    pub fn remove(&mut self, slot: u32) {
        for t in self.filed.remove(&slot).unwrap_or_default() {
            self.unpost(t, slot);
        }
    }

    fn unpost(&mut self, t: Term, slot: u32) {
        if let Some(list) = self.postings.get_mut(&t) {
            list.retain(|&s| s != slot);
            if list.is_empty() {
                self.postings.remove(&t);
            }
        }
    }

    /// Slots filed under any of the query's terms, with the summed weight of the terms
    /// that found them.
    pub fn lookup(&self, query: &[(Term, f32)]) -> HashMap<u32, f32, Seeded> {
        let mut hits: HashMap<u32, f32, Seeded> = HashMap::default();
        for (t, w) in query {
            for &s in self.postings.get(t).map(Vec::as_slice).unwrap_or_default() {
                *hits.entry(s).or_insert(0.0) += w;
            }
        }
        hits
    }

    /// How many slots are filed under a term.
    pub fn count(&self, t: Term) -> usize {
        self.postings.get(&t).map_or(0, Vec::len)
    }

    /// The terms a slot is filed under.
    pub fn terms_of(&self, slot: u32) -> &[Term] {
        self.filed.get(&slot).map_or(&[], Vec::as_slice)
    }

    pub fn contains(&self, slot: u32) -> bool {
        self.filed.contains_key(&slot)
    }

    /// Slots filed.
    pub fn len(&self) -> usize {
        self.filed.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refiling_moves_a_slot_and_removal_forgets_it() {
        let t = Term;
        let mut ix = Index::default();
        ix.file(1, vec![t(10), t(20)]);
        ix.file(2, vec![t(20)]);
        let hits = ix.lookup(&[(t(20), 1.0), (t(10), 0.5)]);
        assert_eq!(hits[&1], 1.5);
        assert_eq!(hits[&2], 1.0);
        ix.file(1, vec![t(30)]);
        assert!(!ix.lookup(&[(t(10), 1.0)]).contains_key(&1));
        assert!(ix.lookup(&[(t(30), 1.0)]).contains_key(&1));
        ix.remove(2);
        assert!(ix.lookup(&[(t(20), 1.0)]).is_empty());
        assert_eq!(ix.len(), 1);
    }
}
