//! Helpers shared by the store tests.

use std::collections::BTreeMap;

use storyline::run::Observer;
use storyline::Article;

/// An observer that reports nothing.
pub struct Quiet;
impl Observer for Quiet {}

/// What the corpus passes decided, per article id: duplicate of, kind, and the text kept.
pub fn verdicts(arts: &[Article]) -> BTreeMap<String, (Option<String>, Option<String>, String)> {
    arts.iter()
        .map(|a| {
            (
                a.id.clone(),
                (
                    a.duplicate_of.clone(),
                    a.duplicate_kind.map(|k| k.to_string()),
                    a.text.clone(),
                ),
            )
        })
        .collect()
}
