//! Helpers shared by the store tests (each test binary uses some of them).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use storyline::claims::TrackedMeasure;
use storyline::corpus::directory::GlobalEntity;
use storyline::run::Observer;
use storyline::store::Store;
use storyline::Article;

/// Writes an article and its metadata file (outlet, publication date) into `dir`.
pub fn write(dir: &Path, name: &str, text: &str, outlet: &str, published: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    std::fs::write(
        dir.join(format!("{name}.meta.json")),
        format!(r#"{{"outlet": "{outlet}", "published": "{published}"}}"#),
    )
    .unwrap();
    p
}

/// The store's corpus-wide entities whose names end with `surname`.
pub fn named(store: &Store, surname: &str) -> Vec<GlobalEntity> {
    store
        .entities()
        .unwrap()
        .into_iter()
        .filter(|e| e.name.ends_with(surname))
        .collect()
}

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

/// The tracked death toll of a conflict among `measures`, with the low end of each claim in
/// the order the measure keeps them.
pub fn conflict_toll(measures: &[TrackedMeasure]) -> (&TrackedMeasure, Vec<f64>) {
    let toll = measures
        .iter()
        .find(|m| m.concept == "deaths" && m.scope.as_deref() == Some("conflict"))
        .expect("the war's toll is tracked");
    let values = toll
        .claims
        .iter()
        .filter_map(|c| c.figure.low.map(|l| l.value))
        .collect();
    (toll, values)
}
