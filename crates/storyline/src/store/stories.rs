//! Story tables: events, storylines, which article is in which event, and the clustering
//! state that lets the next digest go on where this one stopped.
//!
//! [`update_stories`] feeds a run's articles to the clusterer inside the digest's
//! transaction and writes what changed; [`list_storylines`] reads them back, newest first.

use std::collections::BTreeSet;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::Result;
use crate::stories::{ClusterState, Clusterer, Day, EventId, StoryConfig, StoryDoc, StorylineId};

/// The story tables (to add to the store's schema).
pub const STORY_TABLES: &str = "
CREATE TABLE IF NOT EXISTS storylines (
    id TEXT PRIMARY KEY,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    events INTEGER NOT NULL,
    articles INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS storylines_last ON storylines(last);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    storyline TEXT NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    articles INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_storyline ON events(storyline);
CREATE TABLE IF NOT EXISTS event_articles (
    article TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    copy INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_articles_event ON event_articles(event);
CREATE TABLE IF NOT EXISTS story_state (
    one INTEGER PRIMARY KEY CHECK (one = 1),
    state TEXT NOT NULL
);
";

/// What a run changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryChanges {
    /// Articles placed (copies included).
    pub placed: usize,
    /// Articles with no date to place them by.
    pub unplaced: usize,
    /// Storylines created or changed (after merges), by id.
    pub storylines: Vec<StorylineId>,
}

fn load_state(tx: &Connection) -> Result<ClusterState> {
    let json: Option<String> = tx
        .query_row("SELECT state FROM story_state WHERE one = 1", [], |r| r.get(0))
        .optional()?;
    Ok(match json {
        Some(j) => serde_json::from_str(&j)?,
        None => ClusterState::default(),
    })
}

/// Feeds the run's new articles to the clusterer (in publication order, ties by id), then
/// writes their events, the events' and storylines' rows that changed, and the state.
/// A copy (`duplicate_of` an article already placed) joins its original's event.
pub fn update_stories(tx: &Transaction, docs: &[StoryDoc], cfg: &StoryConfig) -> Result<StoryChanges> {
    let mut c = Clusterer::from_state(cfg.clone(), load_state(tx)?);
    let mut order: Vec<&StoryDoc> = docs.iter().collect();
    order.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
    let mut touched: BTreeSet<StorylineId> = BTreeSet::new();
    let mut changes = StoryChanges::default();
    for d in order {
        let Some(day) = d.published else {
            changes.unplaced += 1;
            continue;
        };
        let original: Option<EventId> = match &d.duplicate_of {
            Some(o) => tx
                .query_row("SELECT event FROM event_articles WHERE article = ?1", [o], |r| {
                    r.get(0)
                })
                .optional()?
                .map(EventId),
            None => None,
        };
        let (event, storyline, copy) = match original {
            Some(ev) => {
                c.add_copy(&ev, day);
                let sl: String =
                    tx.query_row("SELECT storyline FROM events WHERE id = ?1", [&ev.0], |r| {
                        r.get(0)
                    })?;
                (ev, StorylineId(sl), true)
            }
            None => {
                let p = c.add(d).expect("dated");
                (p.event, p.storyline, false)
            }
        };
        record(tx, &d.id, &event, &storyline, day, copy)?;
        touched.insert(storyline);
        for (gone, kept) in c.take_merges() {
            tx.execute(
                "UPDATE events SET storyline = ?2 WHERE storyline = ?1",
                params![gone.0, kept.0],
            )?;
            touched.insert(gone);
            touched.insert(kept);
        }
        changes.placed += 1;
    }
    for sl in &touched {
        refresh_storyline(tx, sl)?;
    }
    changes.storylines = touched
        .into_iter()
        .filter(|s| exists(tx, s).unwrap_or(false))
        .collect();
    tx.execute(
        "INSERT INTO story_state (one, state) VALUES (1, ?1) ON CONFLICT(one) DO UPDATE SET state = excluded.state",
        [serde_json::to_string(&c.state())?],
    )?;
    Ok(changes)
}

/// Files one article under its event, creating or updating the event's row (an event
/// that moved to another storyline moves with its row; the storyline it left is
/// refreshed by the caller through `touched`).
fn record(
    tx: &Transaction,
    article: &str,
    event: &EventId,
    sl: &StorylineId,
    day: Day,
    copy: bool,
) -> Result<()> {
    let d = day.to_string();
    let old: Option<String> = tx
        .query_row("SELECT storyline FROM events WHERE id = ?1", [&event.0], |r| {
            r.get(0)
        })
        .optional()?;
    tx.execute(
        "INSERT INTO events (id, storyline, first, last, articles) VALUES (?1, ?2, ?3, ?3, 1)
         ON CONFLICT(id) DO UPDATE SET storyline = ?2, first = min(first, ?3), last = max(last, ?3),
         articles = articles + 1",
        params![event.0, sl.0, d],
    )?;
    if let Some(old) = old.filter(|o| *o != sl.0) {
        refresh_storyline(tx, &StorylineId(old))?;
    }
    tx.execute(
        "INSERT OR REPLACE INTO event_articles (article, event, copy) VALUES (?1, ?2, ?3)",
        params![article, event.0, copy],
    )?;
    Ok(())
}

fn exists(tx: &Connection, sl: &StorylineId) -> Result<bool> {
    Ok(tx
        .query_row("SELECT 1 FROM storylines WHERE id = ?1", [&sl.0], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Recounts a storyline's row from its events (deleted when it has none left).
fn refresh_storyline(tx: &Connection, sl: &StorylineId) -> Result<()> {
    let row: (i64, Option<String>, Option<String>, i64) = tx.query_row(
        "SELECT count(*), min(first), max(last), coalesce(sum(articles), 0) FROM events WHERE storyline = ?1",
        [&sl.0],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    match row {
        (0, ..) | (_, None, _, _) | (_, _, None, _) => {
            tx.execute("DELETE FROM storylines WHERE id = ?1", [&sl.0])?;
        }
        (events, Some(first), Some(last), articles) => {
            tx.execute(
                "INSERT OR REPLACE INTO storylines (id, first, last, events, articles) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![sl.0, first, last, events, articles],
            )?;
        }
    }
    Ok(())
}

/// An article of an event, as listed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoryArticle {
    pub id: String,
    pub url: Option<String>,
    pub source: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
}

/// An event, as listed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct EventRow {
    pub id: String,
    pub start: String,
    pub end: String,
    pub articles: Vec<StoryArticle>,
}

/// A storyline, as listed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StorylineRow {
    pub id: String,
    pub start: String,
    pub end: String,
    pub size: u32,
    pub outlets: Vec<String>,
    pub events: Vec<EventRow>,
}

/// Storylines newest first (by last day, then id), at most `limit`, with their events
/// (by first day) and articles (by publication).
pub fn list_storylines(conn: &Connection, limit: usize) -> Result<Vec<StorylineRow>> {
    let mut st =
        conn.prepare("SELECT id, first, last, articles FROM storylines ORDER BY last DESC, id LIMIT ?1")?;
    let rows: Vec<(String, String, String, u32)> = st
        .query_map([limit as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    let mut ev =
        conn.prepare("SELECT id, first, last FROM events WHERE storyline = ?1 ORDER BY first, id")?;
    let mut arts = conn.prepare(
        "SELECT a.id, a.url, a.source, a.outlet, a.published FROM event_articles e
         JOIN articles a ON a.id = e.article WHERE e.event = ?1 ORDER BY a.published, a.id",
    )?;
    let mut out = Vec::with_capacity(rows.len());
    for (id, start, end, size) in rows {
        let events: Vec<(String, String, String)> = ev
            .query_map([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        let mut outlets = BTreeSet::new();
        let mut list = Vec::with_capacity(events.len());
        for (eid, first, last) in events {
            let articles: Vec<StoryArticle> = arts
                .query_map([&eid], |r| {
                    Ok(StoryArticle {
                        id: r.get(0)?,
                        url: r.get(1)?,
                        source: r.get(2)?,
                        outlet: r.get(3)?,
                        published: r.get(4)?,
                    })
                })?
                .collect::<Result<_, _>>()?;
            outlets.extend(articles.iter().filter_map(|a| a.outlet.clone()));
            list.push(EventRow {
                id: eid,
                start: first,
                end: last,
                articles,
            });
        }
        out.push(StorylineRow {
            id,
            start,
            end,
            size,
            outlets: outlets.into_iter().collect(),
            events: list,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::terms::Analyzer;
    use crate::stories::EntityKey;

    fn doc(a: &Analyzer, id: &str, day: i32, body: &str, copy_of: Option<&str>) -> StoryDoc {
        StoryDoc::new(
            a,
            id.into(),
            Some(Day(21_000 + day)),
            Some("Lowmoor Post".into()),
            copy_of.map(str::to_string),
            "",
            body,
            [(EntityKey::of_name("Lowmoor"), 2)],
            [],
        )
    }

    fn store() -> Connection {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(STORY_TABLES).unwrap();
        c.execute_batch(
            "CREATE TABLE articles (id TEXT, url TEXT, source TEXT NOT NULL, outlet TEXT, published TEXT);",
        )
        .unwrap();
        c
    }

    #[test]
    fn two_runs_continue_one_event_and_a_copy_joins_its_original() {
        let a = Analyzer::default();
        let mut conn = store();
        let body = "tram drivers at Lowmoor depot walk out over rosters and the tram network stops";
        let cfg = StoryConfig::default();
        let tx = conn.transaction().unwrap();
        let ch = update_stories(&tx, &[doc(&a, "t1", 0, body, None)], &cfg).unwrap();
        tx.commit().unwrap();
        assert_eq!(ch.placed, 1);
        let tx = conn.transaction().unwrap();
        let second = [
            doc(
                &a,
                "t2",
                1,
                "Lowmoor tram drivers stay out as depot talks on rosters fail",
                None,
            ),
            doc(
                &a,
                "t2-copy",
                1,
                "Lowmoor tram drivers stay out as depot talks on rosters fail",
                Some("t2"),
            ),
        ];
        let ch = update_stories(&tx, &second, &cfg).unwrap();
        tx.commit().unwrap();
        assert_eq!(ch.placed, 2);
        for (id, source) in [("t1", "a.txt"), ("t2", "b.txt"), ("t2-copy", "c.txt")] {
            conn.execute(
                "INSERT INTO articles VALUES (?1, NULL, ?2, 'Lowmoor Post', '2027-07-01')",
                params![id, source],
            )
            .unwrap();
        }
        let list = list_storylines(&conn, 10).unwrap();
        assert_eq!(list.len(), 1, "{list:#?}");
        assert_eq!(list[0].events.len(), 1, "{list:#?}");
        assert_eq!(list[0].events[0].articles.len(), 3);
        assert_eq!(list[0].size, 3);
        assert_eq!(list[0].outlets, vec!["Lowmoor Post".to_string()]);
        let copies: i64 = conn
            .query_row("SELECT count(*) FROM event_articles WHERE copy = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(copies, 1);
    }
}
