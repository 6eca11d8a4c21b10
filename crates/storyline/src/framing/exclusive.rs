//! What only one outlet chose to say (informational bias): the sentences of an outlet
//! whose content the other outlets of the story do not give — background, a reaction, a
//! past episode, a consequence. Rule `exclusive_sentence`: a title or sentence with at
//! least [`ExclusiveConfig::min_terms`] content words of which at least
//! [`ExclusiveConfig::novelty`] (a share) appear in no other outlet's text of the story.
//! Content words are compared by their Snowball stems, so "voted" meets "votes"; names
//! count like any word.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::words::{TokClass, Unit};
use super::{Story, TextRef};

/// A sentence only one outlet gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExclusiveSentence {
    pub at: TextRef,
    /// Share of its content words that no other outlet of the story uses (0–1).
    pub novelty: f32,
}

/// Settings of rule `exclusive_sentence`.
#[derive(Debug, Clone, Copy)]
pub struct ExclusiveConfig {
    /// Fewer content words than this say too little to be content of their own.
    pub min_terms: usize,
    /// The share of content words no other outlet uses.
    pub novelty: f32,
    /// Whether titles are read (a title mostly restates the body's lead).
    pub titles: bool,
}

impl Default for ExclusiveConfig {
    fn default() -> Self {
        ExclusiveConfig {
            min_terms: 5,
            novelty: 0.6,
            titles: false,
        }
    }
}

/// Each outlet's exclusive sentences, most novel first. A story with one outlet has
/// nothing to compare with and gives none.
pub(crate) fn by_outlet(
    story: &Story<'_>,
    units: &[Unit],
    cfg: &ExclusiveConfig,
) -> Vec<Vec<ExclusiveSentence>> {
    let n = story.outlets.len();
    let mut out: Vec<Vec<ExclusiveSentence>> = vec![Vec::new(); n];
    if n < 2 {
        return out;
    }
    let mut stems: Vec<HashSet<&str>> = vec![HashSet::new(); n];
    for u in units {
        for t in u.toks.iter().filter(|t| t.class == TokClass::Content) {
            stems[u.outlet].insert(t.stem.as_str());
        }
    }
    for u in units {
        if u.part == super::Part::Title && !cfg.titles {
            continue;
        }
        let mine: HashSet<&str> = u
            .toks
            .iter()
            .filter(|t| t.class == TokClass::Content)
            .map(|t| t.stem.as_str())
            .collect();
        if mine.len() < cfg.min_terms || u.toks.is_empty() {
            continue;
        }
        let new = mine
            .iter()
            .filter(|s| (0..n).all(|o| o == u.outlet || !stems[o].contains(*s)))
            .count();
        let novelty = new as f32 / mine.len() as f32;
        if novelty >= cfg.novelty {
            out[u.outlet].push(ExclusiveSentence {
                at: u.text_ref(story.articles, 0, u.toks.len() - 1),
                novelty,
            });
        }
    }
    for list in &mut out {
        list.sort_by(|a, b| b.novelty.total_cmp(&a.novelty));
    }
    out
}
