//! The clustering state, kept in pieces: the clock, each day of the two document-frequency
//! windows, each open or recent event and each kept storyline is a row of its own, and a
//! digest rewrites only the pieces whose text changed (format 6). Format 5 kept the whole
//! state as one value, so that adding ten articles to a large store rewrote all of it
//! (13 MB on a 100,000-article store).

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use xxhash_rust::xxh3::xxh3_64;

use crate::error::Result;
use crate::stories::window::WindowDf;
use crate::stories::{ClusterState, Day};

/// The pieces as they were read, by the hash of their text: what need not be written again.
#[derive(Debug, Default)]
pub(super) struct Saved {
    hashes: HashMap<String, u64>,
}

/// Reads the state (empty in a new store) and what it was read from.
pub(super) fn load(tx: &Connection) -> Result<(ClusterState, Saved)> {
    let mut state = ClusterState::default();
    let mut saved = Saved::default();
    let mut windows: [(i32, BTreeMap<Day, _>); 2] = [(1, BTreeMap::new()), (1, BTreeMap::new())];
    let mut st = tx.prepare("SELECT key, state FROM story_pieces")?;
    let mut rows = st.query([])?;
    while let Some(r) = rows.next()? {
        let key: String = r.get(0)?;
        let json: String = r.get(1)?;
        match key.split_once('/') {
            None if key == "clock" => state.clock = serde_json::from_str(&json)?,
            None => {
                if let Some(w) = window_of(&key) {
                    windows[w].0 = serde_json::from_str(&json)?;
                }
            }
            Some(("event", _)) => state.events.push(serde_json::from_str(&json)?),
            Some(("storyline", _)) => state.storylines.push(serde_json::from_str(&json)?),
            Some((name, day)) => {
                if let (Some(w), Ok(day)) = (window_of(name), day.parse::<i32>()) {
                    windows[w].1.insert(Day(day), serde_json::from_str(&json)?);
                }
            }
        }
        saved.hashes.insert(key, xxh3_64(json.as_bytes()));
    }
    let [(words_span, words), (entities_span, entities)] = windows;
    state.words = WindowDf::from_days(words_span, words);
    state.entities = WindowDf::from_days(entities_span, entities);
    // In id order, as the clusterer gives them.
    state.events.sort_by(|a, b| a.id.cmp(&b.id));
    state.storylines.sort_by(|a, b| a.id.cmp(&b.id));
    Ok((state, saved))
}

fn window_of(name: &str) -> Option<usize> {
    match name {
        "words" => Some(0),
        "entities" => Some(1),
        _ => None,
    }
}

/// Writes the pieces of `state` whose text changed since `saved`, and deletes those it no
/// longer has; `saved` then describes what the store holds.
pub(super) fn save(tx: &Connection, state: &ClusterState, saved: &mut Saved) -> Result<()> {
    let mut w = Writer {
        tx,
        saved,
        seen: HashSet::new(),
    };
    w.put("clock".to_string(), &state.clock)?;
    for (name, window) in [("words", &state.words), ("entities", &state.entities)] {
        w.put(name.to_string(), &window.span())?;
        for (day, df) in window.days() {
            w.put(format!("{name}/{}", day.0), df)?;
        }
    }
    for e in &state.events {
        w.put(format!("event/{}", e.id.0), e)?;
    }
    for s in &state.storylines {
        w.put(format!("storyline/{}", s.id.0), s)?;
    }
    let Writer { saved, seen, .. } = w;
    let gone: Vec<String> = saved
        .hashes
        .keys()
        .filter(|k| !seen.contains(*k))
        .cloned()
        .collect();
    for key in gone {
        tx.prepare_cached("DELETE FROM story_pieces WHERE key = ?1")?
            .execute([&key])?;
        saved.hashes.remove(&key);
    }
    Ok(())
}

struct Writer<'a> {
    tx: &'a Connection,
    saved: &'a mut Saved,
    seen: HashSet<String>,
}

impl Writer<'_> {
    fn put<T: Serialize + ?Sized>(&mut self, key: String, value: &T) -> Result<()> {
        let json = serde_json::to_string(value)?;
        let hash = xxh3_64(json.as_bytes());
        if self.saved.hashes.get(&key) != Some(&hash) {
            self.tx
                .prepare_cached("INSERT OR REPLACE INTO story_pieces (key, state) VALUES (?1, ?2)")?
                .execute(params![key, json])?;
            self.saved.hashes.insert(key.clone(), hash);
        }
        self.seen.insert(key);
        Ok(())
    }
}

/// Format 5 and older kept the state as one value: it is cut into pieces once.
/// (`story_pieces` is made by the story tables first.)
pub(super) fn migrate(tx: &Connection) -> Result<()> {
    let old: Option<String> = tx
        .query_row("SELECT state FROM story_state WHERE one = 1", [], |r| r.get(0))
        .optional()?;
    if let Some(json) = old {
        let state: ClusterState = serde_json::from_str(&json)?;
        save(tx, &state, &mut Saved::default())?;
    }
    tx.execute_batch("DROP TABLE IF EXISTS story_state;")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_piece_is_written_again_only_when_its_text_changes() {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE articles (id TEXT, day TEXT, published TEXT);")
            .unwrap();
        c.execute_batch(super::super::stories::STORY_TABLES).unwrap();
        let mut state = ClusterState {
            clock: Some(Day(19_000)),
            ..Default::default()
        };
        let mut saved = Saved::default();
        save(&c, &state, &mut saved).unwrap();
        let (back, mut saved) = load(&c).unwrap();
        assert_eq!(back.clock, Some(Day(19_000)));
        // A trigger counts the writes that follow.
        c.execute_batch(
            "CREATE TABLE writes (n INTEGER);
             INSERT INTO writes VALUES (0);
             CREATE TRIGGER counted AFTER INSERT ON story_pieces BEGIN UPDATE writes SET n = n + 1; END;",
        )
        .unwrap();
        save(&c, &state, &mut saved).unwrap();
        let writes =
            |c: &Connection| -> i64 { c.query_row("SELECT n FROM writes", [], |r| r.get(0)).unwrap() };
        assert_eq!(writes(&c), 0, "nothing changed, nothing written");
        state.clock = Some(Day(19_001));
        save(&c, &state, &mut saved).unwrap();
        assert_eq!(writes(&c), 1, "the clock alone");
        assert_eq!(load(&c).unwrap().0.clock, Some(Day(19_001)));
    }
}
