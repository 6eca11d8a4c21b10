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

/// Both full-text indexes agree with the rows they index (FTS5's own check): an index
/// entry removed that was never added, or one added twice, fails it.
pub fn text_indexes_intact(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    for t in ["articles_fts", "quotes_fts"] {
        c.execute(&format!("INSERT INTO {t} ({t}) VALUES ('integrity-check')"), [])
            .unwrap_or_else(|e| panic!("{t}: {e}"));
    }
}

/// Asserts that the counts a store keeps on its storylines and events (articles, events,
/// outlets) are those its rows give when counted again from scratch.
pub fn story_counts_agree(db: &Path) {
    let c = rusqlite::Connection::open(db).unwrap();
    let rows = |sql: &str| -> Vec<String> {
        let mut st = c.prepare(sql).unwrap();
        st.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let pairs = [
        (
            "SELECT id || ' ' || size FROM events ORDER BY id",
            "SELECT e.id || ' ' || (SELECT count(*) FROM event_articles x WHERE x.event = e.id)
             FROM events e ORDER BY e.id",
        ),
        (
            "SELECT id || ' ' || size || ' ' || events || ' ' || first || ' ' || last FROM storylines ORDER BY id",
            "SELECT s.id || ' ' || (SELECT count(*) FROM events e JOIN event_articles x ON x.event = e.id
                 WHERE e.storyline = s.id)
             || ' ' || (SELECT count(*) FROM events e WHERE e.storyline = s.id)
             || ' ' || (SELECT min(first) FROM events e WHERE e.storyline = s.id)
             || ' ' || (SELECT max(last) FROM events e WHERE e.storyline = s.id)
             FROM storylines s ORDER BY s.id",
        ),
        (
            "SELECT storyline || ' ' || outlet || ' ' || n FROM storyline_outlets ORDER BY 1",
            "SELECT e.storyline || ' ' || a.outlet || ' ' || count(*) FROM events e
             JOIN event_articles x ON x.event = e.id JOIN articles a ON a.id = x.article
             WHERE a.outlet IS NOT NULL GROUP BY e.storyline, a.outlet ORDER BY 1",
        ),
    ];
    for (kept, counted) in pairs {
        assert_eq!(rows(kept), rows(counted), "{kept}");
    }
}

/// What format 6 had: no sites (every article under the name it was analysed with).
pub const TO_FORMAT_6: &str = "
    DROP INDEX articles_site;
    ALTER TABLE articles DROP COLUMN site;
    ALTER TABLE articles DROP COLUMN own_outlet;
    ALTER TABLE articles DROP COLUMN site_vote;
    DROP TABLE site_names;
    UPDATE meta SET value = '6' WHERE key = 'format';";

/// Whether a stage grows in time with its input's size, not with its square: `seconds`
/// on a 128 KB text made by `make` takes at most twenty times its time on 16 KB (a
/// quadratic step takes 64 times), with 50 ms of slack. Each time is the best of a few
/// runs, and a case over the bound is measured again, up to three times in all, so that a
/// busy machine does not decide: under a load average of 7 a linear case once went over
/// by a few ms and passed alone, while a quadratic step fails every time. `Err` holds the
/// times measured.
pub fn grows_linearly(make: impl Fn(usize) -> String, seconds: impl Fn(&str) -> f64) -> Result<(), String> {
    let best = |text: &str, runs: usize| (0..runs).map(|_| seconds(text)).fold(f64::INFINITY, f64::min);
    let (small, big) = (make(16 * 1024), make(128 * 1024));
    let mut tries = Vec::new();
    for _ in 0..3 {
        let (t_small, t_big) = (best(&small, 3), best(&big, 4));
        tries.push(format!("16 KB in {t_small:.3} s, 128 KB in {t_big:.3} s"));
        if t_big <= 20.0 * t_small + 0.05 {
            return Ok(());
        }
    }
    Err(tries.join("; "))
}
