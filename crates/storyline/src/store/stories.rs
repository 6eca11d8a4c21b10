//! Story tables: events, storylines, which article is in which event, and the clustering
//! state that lets the next digest go on where this one stopped.
//!
//! [`update_stories`] feeds a run's articles to the clusterer inside the digest's
//! transaction and writes what changed; [`list_storylines`] reads them back, newest first.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use chrono::NaiveDate;

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::{story_state, Store};

use crate::error::Result;
use crate::stories::headline::representative;
use crate::stories::{Clusterer, Day, EventId, StoryConfig, StoryDoc, StorylineId};

/// The story tables (to add to the store's schema).
pub const STORY_TABLES: &str = "
-- A storyline's days, its articles still in the store (copies included) and its events,
-- kept as articles are filed, moved with their events and deleted (`count_article`), so
-- that listing a storyline never reads all its articles.
CREATE TABLE IF NOT EXISTS storylines (
    id TEXT PRIMARY KEY,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    events INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS storylines_last ON storylines(last);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    storyline TEXT NOT NULL,
    first TEXT NOT NULL,
    last TEXT NOT NULL,
    size INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- A storyline's events, largest first: its row lists the largest 40.
CREATE INDEX IF NOT EXISTS events_by_size ON events(storyline, size DESC, id);
-- How many of a storyline's articles each outlet wrote (rows with none are deleted).
CREATE TABLE IF NOT EXISTS storyline_outlets (
    storyline TEXT NOT NULL,
    outlet TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (storyline, outlet)
) WITHOUT ROWID;
-- Each article's event, with the article's day and publication copied from `articles`
-- (kept equal by the trigger below), so that an event's first articles by publication
-- are read from the index in order, not sorted from all of them (format 6).
CREATE TABLE IF NOT EXISTS event_articles (
    article TEXT PRIMARY KEY,
    event TEXT NOT NULL,
    copy INTEGER NOT NULL,
    day TEXT,
    published TEXT
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS event_articles_order ON event_articles(event, day, published, article);
CREATE TRIGGER IF NOT EXISTS event_articles_redate AFTER UPDATE OF day, published ON articles
BEGIN
    UPDATE event_articles SET day = new.day, published = new.published WHERE article = new.id;
END;
-- A storyline merged into another: its id leads to the one that took its events, so
-- that a link to it keeps working. Chains are shortened on each merge.
CREATE TABLE IF NOT EXISTS storyline_redirects (
    old TEXT PRIMARY KEY,
    new TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS storyline_redirects_new ON storyline_redirects(new);
-- Articles waiting to be placed in stories (article number -> its features as JSON),
-- placed at the end of the run that stored them in (day, id) order; a run killed before
-- leaves them here for the next.
CREATE TABLE IF NOT EXISTS story_queue (
    n INTEGER PRIMARY KEY,
    doc TEXT NOT NULL
);
-- The clustering state in pieces (key -> JSON; `store::story_state`): `clock`; `words` and
-- `entities` (the window's span) with `words/DAY` and `entities/DAY` (that day's document
-- frequencies, DAY in days since 1970); `event/ID`; `storyline/ID`.
CREATE TABLE IF NOT EXISTS story_pieces (
    key TEXT PRIMARY KEY,
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

impl Store {
    /// The clusterer's saved state, as the next digest will go on from it.
    pub fn cluster_state(&self) -> Result<crate::stories::ClusterState> {
        Ok(story_state::load(&self.conn)?.0)
    }

    /// Storylines newest first, at most `limit` (see [`list_storylines`]).
    pub fn storylines(&self, limit: usize) -> Result<Vec<StorylineRow>> {
        list_storylines(&self.conn, limit)
    }

    /// Of these storylines, the `limit` newest (by last day, then size), loaded with their
    /// `events` largest events (a digest lists a few: loading forty events of every
    /// changed storyline cost the size of the storylines it showed).
    pub fn newest_of(&self, ids: &[StorylineId], limit: usize, events: usize) -> Result<Vec<StorylineRow>> {
        let mut heads: Vec<(String, String, i64)> = Vec::with_capacity(ids.len());
        let mut st = self
            .conn
            .prepare_cached("SELECT last, size FROM storylines WHERE id = ?1")?;
        for id in ids {
            if let Some((last, size)) = st
                .query_row([&id.0], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .optional()?
            {
                heads.push((id.0.clone(), last, size));
            }
        }
        heads.sort_by(|a, b| (&b.1, b.2, &a.0).cmp(&(&a.1, a.2, &b.0)));
        heads
            .iter()
            .take(limit)
            .filter_map(|(id, ..)| storyline_with(&self.conn, id, events).transpose())
            .collect()
    }

    /// A storyline by its id, or the storyline of an event by the event's id, with the
    /// event when an event was asked for.
    /// The id of a storyline merged into another leads to that one: the row returned
    /// then carries the new id.
    pub fn story(&self, id: &str) -> Result<Option<(StorylineRow, Option<EventRow>)>> {
        let Some(at) = self.find_story(id)? else {
            return Ok(None);
        };
        let Some(row) = storyline(&self.conn, &at.storyline)? else {
            return Ok(None);
        };
        let event = match &at.event {
            Some(e) => event(&self.conn, e, None)?,
            None => None,
        };
        Ok(Some((row, event)))
    }

    /// Where the story `id` is (see [`Store::story`]), without loading it.
    pub fn find_story(&self, id: &str) -> Result<Option<StoryAt>> {
        let exists = self
            .conn
            .prepare_cached("SELECT 1 FROM storylines WHERE id = ?1")?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some();
        if exists {
            return Ok(Some(StoryAt {
                storyline: id.to_string(),
                event: None,
            }));
        }
        if let Some(sl) = storyline_of_event(&self.conn, id)? {
            return Ok(Some(StoryAt {
                storyline: sl,
                event: Some(id.to_string()),
            }));
        }
        Ok(redirected(&self.conn, id)?.map(|now| StoryAt {
            storyline: now,
            event: None,
        }))
    }

    /// A storyline's row (see [`storyline`]).
    pub fn storyline_row(&self, id: &str) -> Result<Option<StorylineRow>> {
        storyline(&self.conn, id)
    }

    /// An event's row with all its articles.
    pub fn event_row(&self, id: &str) -> Result<Option<EventRow>> {
        event(&self.conn, id, None)
    }
}

/// Articles placed per transaction by [`Store::place_stories`]: bounds the memory a run
/// of any size needs.
const PLACE_CHUNK: usize = 2_000;

impl Store {
    /// Places every queued article (what the runs stored and did not place yet) in its
    /// event and storyline, in (day, id) order, `PLACE_CHUNK` per transaction. The
    /// article's final date and duplicate verdict (decided by the corpus passes) are
    /// used, not the worker's. `ahead` is the first chunk already worked out beside the
    /// last transaction ([`Store::plan_stories`]) with this connection's
    /// [`Store::data_version`] from before it began. A plan, and the clusterer that one
    /// chunk leaves for the next, are used only if no other connection has committed since
    /// they were read (nothing they read changes with this connection's own commits);
    /// otherwise they are read again from the store.
    pub fn place_stories(&mut self, cfg: &StoryConfig, ahead: Option<(Plan, i64)>) -> Result<StoryChanges> {
        self.place_in_chunks(cfg, ahead, PLACE_CHUNK)
    }

    /// [`Store::place_stories`], `chunk` articles per transaction.
    fn place_in_chunks(
        &mut self,
        cfg: &StoryConfig,
        mut ahead: Option<(Plan, i64)>,
        chunk: usize,
    ) -> Result<StoryChanges> {
        let mut all = StoryChanges::default();
        let mut touched: BTreeSet<StorylineId> = BTreeSet::new();
        let mut carried: Option<(Carried, i64)> = None;
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let now = data_version(&tx)?;
            let plan = match ahead.take() {
                Some((p, version)) if version == now => p,
                _ => {
                    let (queued, docs) = next_chunk(&tx, chunk)?;
                    let state = carried
                        .take()
                        .filter(|(_, version)| *version == now)
                        .map(|(c, _)| c);
                    plan(&tx, docs, queued, cfg, state)?
                }
            };
            if plan.is_empty() {
                break;
            }
            let (changes, gone, left) = apply(&tx, plan)?;
            tx.commit()?;
            self.committed();
            carried = Some((left, now));
            all.placed += changes.placed;
            all.unplaced += changes.unplaced;
            // A storyline an earlier chunk changed may have been merged away by this one.
            touched.retain(|s| !gone.contains(s));
            touched.extend(changes.storylines);
        }
        all.storylines = touched.into_iter().collect();
        Ok(all)
    }

    /// Works out where the first chunk of queued articles goes, on a connection of its
    /// own and reading only, so that it can run beside this store's next transaction.
    pub fn plan_stories(path: &Path, cfg: &StoryConfig) -> Result<Plan> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(super::BUSY_WAIT)?;
        let tx = conn.transaction()?;
        let (queued, docs) = next_chunk(&tx, PLACE_CHUNK)?;
        plan(&tx, docs, queued, cfg, None)
    }
}

/// Feeds the run's new articles to the clusterer (in publication order, ties by id), then
/// writes their events, the events' and storylines' rows that changed, and the state.
/// A copy (`duplicate_of` an article already placed) joins its original's event.
pub fn update_stories(tx: &Transaction, docs: &[StoryDoc], cfg: &StoryConfig) -> Result<StoryChanges> {
    let p = plan(tx, docs.to_vec(), Vec::new(), cfg, None)?;
    Ok(apply(tx, p)?.0)
}

/// One article's place, as the clusterer gave it, with the storyline merges it caused.
struct Step {
    doc: usize,
    day: Day,
    event: EventId,
    storyline: StorylineId,
    copy: bool,
    merges: Vec<(StorylineId, StorylineId)>,
}

/// A chunk of queued articles placed by the clusterer from a snapshot of the story
/// tables, not yet written: the steps in the clusterer's order and its new state.
/// Working it out only reads, so it can run beside another transaction (the entity
/// directory's); `Store::place_stories` writes it only over the store it read.
pub struct Plan {
    docs: Vec<StoryDoc>,
    /// The queue rows the chunk came from.
    queued: Vec<i64>,
    steps: Vec<Step>,
    unplaced: usize,
    clusterer: Clusterer,
    saved: story_state::Saved,
}

impl Plan {
    fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }
}

/// SQLite's count of commits by other connections to the store, as this connection
/// sees it: unchanged by its own commits.
pub(super) fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// The next `chunk` articles of the queue, in (day, id) order, with the corpus passes' final date,
/// duplicate verdict and outlet (its site's name) of each article (not the worker's).
fn next_chunk(conn: &Connection, chunk: usize) -> Result<(Vec<i64>, Vec<StoryDoc>)> {
    type Queued = (i64, String, Option<String>, Option<String>, Option<String>);
    let queued: Vec<Queued> = {
        let mut st = conn.prepare_cached(
            "SELECT q.n, q.doc, a.duplicate_of, a.day, a.outlet FROM story_queue q JOIN articles a ON a.n = q.n
             ORDER BY a.day IS NULL, a.day, a.id LIMIT ?1",
        )?;
        let rows = st.query_map([chunk as i64], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        rows.collect::<std::result::Result<_, _>>()?
    };
    let mut ns = Vec::with_capacity(queued.len());
    let mut docs = Vec::with_capacity(queued.len());
    for (n, json, duplicate_of, day, outlet) in queued {
        let mut d: StoryDoc = serde_json::from_str(&json)?;
        d.duplicate_of = duplicate_of;
        // The site's name now, not the one the article was analysed with.
        d.outlet = outlet;
        if let Some(day) = day.as_deref().and_then(|s| s.parse::<chrono::NaiveDate>().ok()) {
            d.published = Some(Day::of(day));
        }
        ns.push(n);
        docs.push(d);
    }
    Ok((ns, docs))
}

/// The clusterer as a chunk's placement left it, with what the store holds of its state.
pub(super) struct Carried {
    clusterer: Clusterer,
    saved: story_state::Saved,
}

/// Places `docs` with the clusterer as the store's state left it (read from the store, or
/// `carried` over from the chunk before), writing nothing.
fn plan(
    conn: &Connection,
    docs: Vec<StoryDoc>,
    queued: Vec<i64>,
    cfg: &StoryConfig,
    carried: Option<Carried>,
) -> Result<Plan> {
    let Carried {
        clusterer: mut c,
        saved,
    } = match carried {
        Some(c) => c,
        None => {
            let (state, saved) = story_state::load(conn)?;
            Carried {
                clusterer: Clusterer::from_state(cfg.clone(), state),
                saved,
            }
        }
    };
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by(|&a, &b| (docs[a].published, &docs[a].id).cmp(&(docs[b].published, &docs[b].id)));
    // What the steps so far would have written: each filed article's event, each
    // event's storyline, and storylines merged away (gone -> kept).
    let mut event_of: HashMap<&str, EventId> = HashMap::new();
    let mut storyline_of: HashMap<EventId, StorylineId> = HashMap::new();
    let mut merged: HashMap<StorylineId, StorylineId> = HashMap::new();
    let mut steps = Vec::with_capacity(docs.len());
    let mut unplaced = 0;
    for i in order {
        let d = &docs[i];
        let Some(day) = d.published else {
            unplaced += 1;
            continue;
        };
        let original: Option<EventId> = match &d.duplicate_of {
            Some(o) => match event_of.get(o.as_str()) {
                Some(ev) => Some(ev.clone()),
                None => conn
                    .prepare_cached("SELECT event FROM event_articles WHERE article = ?1")?
                    .query_row([o], |r| r.get(0))
                    .optional()?
                    .map(EventId),
            },
            None => None,
        };
        let (event, storyline, copy) = match original {
            Some(ev) => {
                c.add_copy(&ev, day);
                let sl = match storyline_of.get(&ev) {
                    Some(sl) => sl.clone(),
                    None => {
                        let stored: String = conn
                            .prepare_cached("SELECT storyline FROM events WHERE id = ?1")?
                            .query_row([&ev.0], |r| r.get(0))?;
                        let mut sl = StorylineId(stored);
                        while let Some(kept) = merged.get(&sl) {
                            sl = kept.clone();
                        }
                        sl
                    }
                };
                (ev, sl, true)
            }
            None => {
                let p = c.add(d).expect("dated");
                (p.event, p.storyline, false)
            }
        };
        event_of.insert(&d.id, event.clone());
        storyline_of.insert(event.clone(), storyline.clone());
        let merges = c.take_merges();
        for (gone, kept) in &merges {
            for sl in storyline_of.values_mut().filter(|sl| *sl == gone) {
                *sl = kept.clone();
            }
            merged.insert(gone.clone(), kept.clone());
        }
        steps.push(Step {
            doc: i,
            day,
            event,
            storyline,
            copy,
            merges,
        });
    }
    Ok(Plan {
        docs,
        queued,
        steps,
        unplaced,
        clusterer: c,
        saved,
    })
}

/// Writes a plan: files each article, applies the merges in the clusterer's order,
/// refreshes the storylines they changed, saves the state and takes the articles off
/// the queue. Returns what changed, the storylines merged away and the clusterer.
fn apply(tx: &Transaction, p: Plan) -> Result<(StoryChanges, BTreeSet<StorylineId>, Carried)> {
    let Plan {
        docs,
        queued,
        steps,
        unplaced,
        clusterer,
        mut saved,
    } = p;
    let mut touched: BTreeSet<StorylineId> = BTreeSet::new();
    let mut shrunk: BTreeSet<StorylineId> = BTreeSet::new();
    let mut changes = StoryChanges {
        unplaced,
        ..StoryChanges::default()
    };
    for n in &queued {
        tx.prepare_cached("DELETE FROM story_queue WHERE n = ?1")?
            .execute([n])?;
    }
    for step in steps {
        let d = &docs[step.doc];
        let filed = File {
            article: &d.id,
            outlet: d.outlet.as_deref(),
            event: &step.event,
            storyline: &step.storyline,
            day: step.day,
            copy: step.copy,
        };
        if let Some(left) = record(tx, &filed)? {
            // The storyline the event left may have ended earlier or have no events left.
            shrunk.insert(left.clone());
            touched.insert(left);
        }
        touched.insert(step.storyline);
        for (gone, kept) in step.merges {
            merge_rows(tx, &gone, &kept)?;
            redirect(tx, &gone, &kept)?;
            touched.insert(gone);
            touched.insert(kept);
        }
        changes.placed += 1;
    }
    let mut gone = BTreeSet::new();
    for sl in touched {
        let kept = if shrunk.contains(&sl) {
            refresh_days(tx, &sl)?
        } else {
            exists(tx, &sl)?
        };
        if kept {
            changes.storylines.push(sl);
        } else {
            gone.insert(sl);
        }
    }
    story_state::save(tx, &clusterer.state(), &mut saved)?;
    Ok((changes, gone, Carried { clusterer, saved }))
}

/// Leads the id of a storyline merged away (`gone`) to the one that took its events,
/// and every id that led to `gone` with it.
fn redirect(tx: &Transaction, gone: &StorylineId, kept: &StorylineId) -> Result<()> {
    tx.prepare_cached("UPDATE storyline_redirects SET new = ?2 WHERE new = ?1")?
        .execute(params![gone.0, kept.0])?;
    tx.prepare_cached("INSERT OR REPLACE INTO storyline_redirects (old, new) VALUES (?1, ?2)")?
        .execute(params![gone.0, kept.0])?;
    // An id in use again is no longer an old one.
    tx.prepare_cached("DELETE FROM storyline_redirects WHERE old = ?1")?
        .execute([&kept.0])?;
    Ok(())
}

/// Where the id of a storyline merged away leads now.
fn redirected(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT new FROM storyline_redirects WHERE old = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// One article as the clusterer placed it.
struct File<'a> {
    article: &'a str,
    outlet: Option<&'a str>,
    event: &'a EventId,
    storyline: &'a StorylineId,
    day: Day,
    copy: bool,
}

/// Files one article under its event, creating or updating the event's and the
/// storyline's rows and counts. An event that moved to another storyline moves with its
/// row and its counts; the storyline it left is returned for the caller to refresh.
fn record(tx: &Transaction, f: &File) -> Result<Option<StorylineId>> {
    let d = f.day.to_string();
    // Filed before (a re-run over the same queue): counted once.
    if tx
        .prepare_cached("SELECT 1 FROM event_articles WHERE article = ?1")?
        .query_row([f.article], |_| Ok(()))
        .optional()?
        .is_some()
    {
        unfile_article(tx, f.article, f.outlet)?;
    }
    let old: Option<String> = tx
        .prepare_cached("SELECT storyline FROM events WHERE id = ?1")?
        .query_row([&f.event.0], |r| r.get(0))
        .optional()?;
    tx.prepare_cached(
        "INSERT INTO storylines (id, first, last) VALUES (?1, ?2, ?2)
         ON CONFLICT(id) DO UPDATE SET first = min(first, ?2), last = max(last, ?2)",
    )?
    .execute(params![f.storyline.0, d])?;
    let moved = old.as_deref().filter(|o| *o != f.storyline.0);
    if let Some(from) = moved {
        move_event(tx, &f.event.0, from, &f.storyline.0)?;
    }
    if old.is_none() {
        tx.prepare_cached("UPDATE storylines SET events = events + 1 WHERE id = ?1")?
            .execute([&f.storyline.0])?;
    }
    tx.prepare_cached(
        "INSERT INTO events (id, storyline, first, last) VALUES (?1, ?2, ?3, ?3)
         ON CONFLICT(id) DO UPDATE SET storyline = ?2, first = min(first, ?3), last = max(last, ?3)",
    )?
    .execute(params![f.event.0, f.storyline.0, d])?;
    tx.prepare_cached(
        "INSERT INTO event_articles (article, event, copy, day, published)
         SELECT ?1, ?2, ?3, a.day, a.published FROM (SELECT 1) LEFT JOIN articles a ON a.id = ?1",
    )?
    .execute(params![f.article, f.event.0, f.copy])?;
    count_article(tx, &f.event.0, &f.storyline.0, f.outlet, 1)?;
    Ok(moved.map(|o| StorylineId(o.to_string())))
}

/// Adds `delta` articles of `outlet` to an event and its storyline.
fn count_article(tx: &Connection, event: &str, sl: &str, outlet: Option<&str>, delta: i64) -> Result<()> {
    tx.prepare_cached("UPDATE events SET size = size + ?2 WHERE id = ?1")?
        .execute(params![event, delta])?;
    tx.prepare_cached("UPDATE storylines SET size = size + ?2 WHERE id = ?1")?
        .execute(params![sl, delta])?;
    if let Some(o) = outlet {
        count_outlet(tx, sl, o, delta)?;
    }
    Ok(())
}

/// Adds `n` (which may be negative) to a storyline's articles from `outlet`.
pub(super) fn count_outlet(tx: &Connection, sl: &str, outlet: &str, n: i64) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO storyline_outlets (storyline, outlet, n) VALUES (?1, ?2, ?3)
         ON CONFLICT(storyline, outlet) DO UPDATE SET n = n + excluded.n",
    )?
    .execute(params![sl, outlet, n])?;
    if n < 0 {
        tx.prepare_cached("DELETE FROM storyline_outlets WHERE storyline = ?1 AND outlet = ?2 AND n <= 0")?
            .execute(params![sl, outlet])?;
    }
    Ok(())
}

/// Moves an event's counts from one storyline to another (its row moves with them).
fn move_event(tx: &Connection, event: &str, from: &str, to: &str) -> Result<()> {
    let size: i64 = tx
        .prepare_cached("SELECT size FROM events WHERE id = ?1")?
        .query_row([event], |r| r.get(0))?;
    for (sl, sign) in [(from, -1), (to, 1)] {
        tx.prepare_cached("UPDATE storylines SET size = size + ?2, events = events + ?3 WHERE id = ?1")?
            .execute(params![sl, sign * size, sign])?;
    }
    let outlets: Vec<(String, i64)> = tx
        .prepare_cached(
            "SELECT a.outlet, count(*) FROM event_articles x JOIN articles a ON a.id = x.article
             WHERE x.event = ?1 AND a.outlet IS NOT NULL GROUP BY a.outlet",
        )?
        .query_map([event], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<std::result::Result<_, _>>()?;
    for (outlet, n) in outlets {
        count_outlet(tx, from, &outlet, -n)?;
        count_outlet(tx, to, &outlet, n)?;
    }
    Ok(())
}

/// A storyline merged into another: its events, days and counts go to `kept`, and its
/// row goes.
fn merge_rows(tx: &Connection, gone: &StorylineId, kept: &StorylineId) -> Result<()> {
    tx.prepare_cached("UPDATE events SET storyline = ?2 WHERE storyline = ?1")?
        .execute(params![gone.0, kept.0])?;
    tx.prepare_cached(
        "INSERT INTO storylines (id, first, last, size, events)
         SELECT ?2, first, last, size, events FROM storylines WHERE id = ?1
         ON CONFLICT(id) DO UPDATE SET first = min(first, excluded.first),
             last = max(last, excluded.last), size = size + excluded.size,
             events = events + excluded.events",
    )?
    .execute(params![gone.0, kept.0])?;
    tx.prepare_cached(
        "INSERT INTO storyline_outlets (storyline, outlet, n)
         SELECT ?2, outlet, n FROM storyline_outlets WHERE storyline = ?1
         ON CONFLICT(storyline, outlet) DO UPDATE SET n = n + excluded.n",
    )?
    .execute(params![gone.0, kept.0])?;
    drop_storyline(tx, gone)
}

fn drop_storyline(tx: &Connection, sl: &StorylineId) -> Result<()> {
    tx.prepare_cached("DELETE FROM storyline_outlets WHERE storyline = ?1")?
        .execute([&sl.0])?;
    tx.prepare_cached("DELETE FROM storylines WHERE id = ?1")?
        .execute([&sl.0])?;
    Ok(())
}

fn exists(tx: &Connection, sl: &StorylineId) -> Result<bool> {
    Ok(tx
        .prepare_cached("SELECT 1 FROM storylines WHERE id = ?1")?
        .query_row([&sl.0], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Sets the days of a storyline that lost an event from those left, or deletes its row
/// when it has none left; true when the row remains. Reads all its events: only for a
/// storyline an event moved out of.
fn refresh_days(tx: &Connection, sl: &StorylineId) -> Result<bool> {
    let (first, last): (Option<String>, Option<String>) = tx.query_row(
        "SELECT min(first), max(last) FROM events WHERE storyline = ?1",
        [&sl.0],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (Some(first), Some(last)) = (first, last) else {
        drop_storyline(tx, sl)?;
        return Ok(false);
    };
    tx.execute(
        "UPDATE storylines SET first = ?2, last = ?3 WHERE id = ?1",
        params![sl.0, first, last],
    )?;
    Ok(true)
}

/// Takes an article out of its event (the store deletes it): the event's and storyline's
/// counts go down; their days stay until the event next changes.
pub(super) fn unfile_article(tx: &Connection, article: &str, outlet: Option<&str>) -> Result<()> {
    let at: Option<(String, String)> = tx
        .prepare_cached(
            "SELECT x.event, e.storyline FROM event_articles x JOIN events e ON e.id = x.event
             WHERE x.article = ?1",
        )?
        .query_row([article], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    tx.prepare_cached("DELETE FROM event_articles WHERE article = ?1")?
        .execute([article])?;
    if let Some((event, sl)) = at {
        count_article(tx, &event, &sl, outlet, -1)?;
    }
    Ok(())
}

/// Counts every storyline's and event's articles, events and outlets again from the
/// rows: for a store of format 4, which did not keep them. (The tests check the kept
/// counts with queries of their own, `tests/common::story_counts_agree`.)
pub(super) fn recount(tx: &Connection) -> Result<()> {
    tx.execute_batch(
        "UPDATE events SET size = (SELECT count(*) FROM event_articles x WHERE x.event = events.id);
         UPDATE storylines SET
             size = (SELECT coalesce(sum(size), 0) FROM events e WHERE e.storyline = storylines.id),
             events = (SELECT count(*) FROM events e WHERE e.storyline = storylines.id);
         DELETE FROM storyline_outlets;
         INSERT INTO storyline_outlets (storyline, outlet, n)
             SELECT e.storyline, a.outlet, count(*) FROM events e
             JOIN event_articles x ON x.event = e.id JOIN articles a ON a.id = x.article
             WHERE a.outlet IS NOT NULL GROUP BY e.storyline, a.outlet;",
    )?;
    Ok(())
}

/// Brings a store of an older format (4 or 5) to this one, step by step; the story
/// tables' new indexes and tables are made once the columns they name exist.
pub(super) fn migrate(tx: &Connection, from: u32) -> Result<()> {
    if from <= 4 {
        // Format 5: a storyline's size, events and outlets and an event's size are kept
        // on their rows.
        tx.execute_batch(
            "ALTER TABLE storylines ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
             ALTER TABLE storylines ADD COLUMN events INTEGER NOT NULL DEFAULT 0;
             ALTER TABLE events ADD COLUMN size INTEGER NOT NULL DEFAULT 0;
             DROP INDEX IF EXISTS events_storyline;",
        )?;
    }
    if from <= 5 {
        // Format 6: an event's articles carry their day and publication, in the index
        // (and the state is cut into pieces, below).
        tx.execute_batch(
            "ALTER TABLE event_articles ADD COLUMN day TEXT;
             ALTER TABLE event_articles ADD COLUMN published TEXT;
             UPDATE event_articles SET (day, published) =
                 (SELECT a.day, a.published FROM articles a WHERE a.id = event_articles.article);
             DROP INDEX IF EXISTS event_articles_event;",
        )?;
    }
    tx.execute_batch(STORY_TABLES)?;
    if from <= 5 {
        // Format 6: the clustering state in pieces.
        story_state::migrate(tx)?;
    }
    if from <= 4 {
        recount(tx)?;
    }
    Ok(())
}

/// Where a story is: its storyline, and the event when an event's id was asked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StoryAt {
    pub storyline: String,
    pub event: Option<String>,
}

/// An article of an event, as listed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StoryArticle {
    pub id: String,
    pub url: Option<String>,
    pub source: String,
    pub outlet: Option<String>,
    /// As the record gives it (a date, or a date-time with its zone).
    pub published: Option<String>,
    pub title: Option<String>,
    /// The article this one copies, when it is a syndicated or re-published copy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// An event, as listed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EventRow {
    pub id: String,
    /// The headline most like its other headlines (rule `representative_headline`, among
    /// the starting article's and its first [`EVENT_ARTICLES`]; a tie keeps the starting
    /// article's); when none of those has one, the starting article's title, else its
    /// first article's with one; when none of its articles has a headline, the opening
    /// words of the first one's text, ending in "…" when cut.
    pub title: Option<String>,
    /// Whether `title` is a lead standing in for a headline (not serialised).
    #[serde(skip)]
    pub title_is_lead: bool,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Its articles, copies included.
    pub size: u32,
    /// Its articles by publication: all of them when the event is asked for alone; the
    /// first [`EVENT_ARTICLES`] in a storyline's row.
    pub articles: Vec<StoryArticle>,
}

/// Articles an event lists at most within a storyline's row.
pub const EVENT_ARTICLES: usize = 50;

/// A storyline, as listed.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StorylineRow {
    pub id: String,
    /// The headline most like the other headlines of its largest events (see
    /// `storyline_title`); with fewer than three headlines, its largest titled event's
    /// title; with none, its largest event's opening sentence.
    pub title: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Articles, copies included.
    pub size: u32,
    /// Outlets of all its articles.
    pub outlets: Vec<String>,
    /// Its events, all of them.
    pub event_count: u32,
    /// Its events by first day: all of them, or its [`STORYLINE_EVENTS`] largest when it
    /// has more (a storyline that runs for years is read in bounded time).
    pub events: Vec<EventRow>,
}

/// Events a storyline row carries at most: its largest (by articles; ties the smallest id).
pub const STORYLINE_EVENTS: usize = 40;

fn day(s: &str) -> rusqlite::Result<NaiveDate> {
    s.parse()
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e)))
}

/// Storylines newest first (by last day, then id), at most `limit`, with their events
/// (by first day) and articles (by publication).
pub fn list_storylines(conn: &Connection, limit: usize) -> Result<Vec<StorylineRow>> {
    let ids: Vec<String> = conn
        .prepare("SELECT id FROM storylines ORDER BY last DESC, id LIMIT ?1")?
        .query_map([limit as i64], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    ids.iter()
        .filter_map(|id| storyline(conn, id).transpose())
        .collect()
}

/// Which storylines to list: those overlapping a date range, covered by an outlet,
/// naming an entity; newest first (by last day, then id), after a cursor.
#[derive(Debug, Clone, Default)]
pub struct StorylineQuery {
    /// Storylines that end on or after this day.
    pub from: Option<NaiveDate>,
    /// Storylines that start on or before this day.
    pub to: Option<NaiveDate>,
    /// Storylines with an article from this outlet.
    pub outlet: Option<String>,
    /// Storylines with an article naming this corpus-wide entity (an old id resolves).
    pub entity: Option<String>,
    /// The (last day, id) of the last storyline of the previous page.
    pub after: Option<(NaiveDate, String)>,
    pub limit: usize,
}

impl Store {
    /// The storylines `q` asks for, loaded (see [`StorylineQuery`]).
    pub fn storylines_where(&self, q: &StorylineQuery) -> Result<Vec<StorylineRow>> {
        let entity = match &q.entity {
            Some(e) => match self.resolve_entity(e)? {
                Some(id) => Some(id),
                None => return Ok(Vec::new()),
            },
            None => None,
        };
        let mut st = self.conn.prepare_cached(
            "SELECT s.id FROM storylines s
             WHERE (?1 IS NULL OR s.last >= ?1) AND (?2 IS NULL OR s.first <= ?2)
               AND (?3 IS NULL OR EXISTS (SELECT 1 FROM storyline_outlets o
                     WHERE o.storyline = s.id AND o.outlet = ?3))
               AND (?4 IS NULL OR EXISTS (SELECT 1 FROM events e
                     JOIN event_articles x ON x.event = e.id JOIN articles a ON a.id = x.article
                     JOIN entity_members m ON m.article = a.n
                     WHERE e.storyline = s.id AND m.entity = (SELECT n FROM entities WHERE id = ?4)))
               AND (?5 IS NULL OR s.last < ?5 OR (s.last = ?5 AND s.id > ?6))
             ORDER BY s.last DESC, s.id LIMIT ?7",
        )?;
        let ids: Vec<String> = st
            .query_map(
                params![
                    q.from.map(day_text),
                    q.to.map(day_text),
                    q.outlet,
                    entity,
                    q.after.as_ref().map(|a| day_text(a.0)),
                    q.after.as_ref().map(|a| a.1.clone()),
                    q.limit as i64
                ],
                |r| r.get(0),
            )?
            .collect::<std::result::Result<_, _>>()?;
        ids.iter()
            .filter_map(|id| storyline(&self.conn, id).transpose())
            .collect()
    }
}

/// A day as the store compares days: `YYYY-MM-DD` text, which sorts as the days do for
/// years 0 to 9999 only ("+10000-01-01" would sort before "2021-…"), so a day outside them
/// stands at the nearer end. No stored day is outside them.
fn day_text(d: NaiveDate) -> String {
    let (first, last) = (
        NaiveDate::from_ymd_opt(0, 1, 1).expect("a calendar day"),
        NaiveDate::from_ymd_opt(9999, 12, 31).expect("a calendar day"),
    );
    d.clamp(first, last).format("%Y-%m-%d").to_string()
}

/// A storyline named in passing: its id, title, days and size, without its events.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StorylineBrief {
    pub id: String,
    /// As [`StorylineRow::title`].
    pub title: Option<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Articles, copies included.
    pub size: u32,
}

/// Someone quoted in the same storylines as a given entity.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuotedWith {
    /// The corpus-wide entity id.
    pub id: String,
    pub name: String,
    /// Storylines in which both are quoted.
    pub storylines: u32,
    /// Their quotes in those storylines.
    pub quotes: u32,
}

/// How many of an entity's storylines (its newest) [`Store::quoted_with`] looks in: bounds
/// the work for someone quoted everywhere.
const QUOTED_WITH_STORYLINES: i64 = 200;

impl Store {
    /// The storyline an article (or its original, for a copy) was placed in.
    pub fn storyline_of_article(&self, article: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT e.storyline FROM event_articles x JOIN events e ON e.id = x.event WHERE x.article = ?1",
            )?
            .query_row([article], |r| r.get(0))
            .optional()?)
    }

    /// A storyline in brief (see [`StorylineBrief`]), without loading its articles.
    pub fn storyline_brief(&self, id: &str) -> Result<Option<StorylineBrief>> {
        let Some((start, end, size)) = days_and_size(&self.conn, id)? else {
            return Ok(None);
        };
        let title = storyline_title(&self.conn, id, &[])?;
        Ok(Some(StorylineBrief {
            id: id.to_string(),
            title,
            start,
            end,
            size,
        }))
    }

    /// Who else is quoted in the storylines where the entity `id` is quoted (among its
    /// newest 200), most shared storylines first, at most `limit`.
    pub fn quoted_with(&self, id: &str, limit: usize) -> Result<Vec<QuotedWith>> {
        let Some(id) = self.resolve_entity(id)? else {
            return Ok(Vec::new());
        };
        let mut st = self.conn.prepare_cached(
            "WITH me AS (SELECT n FROM entities WHERE id = ?1),
             mine AS (SELECT e.storyline AS sl, max(e.last) AS last FROM quotes q
                 JOIN articles a ON a.n = q.article JOIN event_articles x ON x.article = a.id
                 JOIN events e ON e.id = x.event
                 WHERE q.speaker = (SELECT n FROM me) AND q.partial = 0
                 GROUP BY e.storyline ORDER BY last DESC LIMIT ?2)
             SELECT g.id, g.name, count(DISTINCT e.storyline) AS shared, count(*) AS n
             FROM mine JOIN events e ON e.storyline = mine.sl
                 JOIN event_articles x ON x.event = e.id JOIN articles a ON a.id = x.article
                 JOIN quotes q ON q.article = a.n JOIN entities g ON g.n = q.speaker
             WHERE q.partial = 0 AND q.speaker != (SELECT n FROM me)
             GROUP BY g.n ORDER BY shared DESC, n DESC, g.id LIMIT ?3",
        )?;
        let rows = st.query_map(params![id, QUOTED_WITH_STORYLINES, limit as i64], |r| {
            Ok(QuotedWith {
                id: r.get(0)?,
                name: r.get(1)?,
                storylines: r.get(2)?,
                quotes: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<std::result::Result<_, _>>()?)
    }
}

/// A storyline's first and last days and its articles (copies included).
fn days_and_size(conn: &Connection, id: &str) -> Result<Option<(NaiveDate, NaiveDate, u32)>> {
    Ok(conn
        .prepare_cached("SELECT first, last, size FROM storylines WHERE id = ?1")?
        .query_row([id], |r| {
            Ok((
                day(&r.get::<_, String>(0)?)?,
                day(&r.get::<_, String>(1)?)?,
                r.get(2)?,
            ))
        })
        .optional()?)
}

/// One storyline with its events and articles.
pub fn storyline(conn: &Connection, id: &str) -> Result<Option<StorylineRow>> {
    storyline_with(conn, id, STORYLINE_EVENTS)
}

/// One storyline with its `events` largest events and their articles.
fn storyline_with(conn: &Connection, id: &str, events: usize) -> Result<Option<StorylineRow>> {
    let Some((start, end, size)) = days_and_size(conn, id)? else {
        return Ok(None);
    };
    let event_count: u32 = conn
        .prepare_cached("SELECT events FROM storylines WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    // Its largest events (all of them when it has no more than that).
    let events: Vec<String> = conn
        .prepare_cached("SELECT id FROM events WHERE storyline = ?1 ORDER BY size DESC, id LIMIT ?2")?
        .query_map(params![id, events as i64], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let mut list = Vec::with_capacity(events.len());
    for e in &events {
        list.extend(event(conn, e, Some(EVENT_ARTICLES))?);
    }
    list.sort_by(|a, b| (a.start, &a.id).cmp(&(b.start, &b.id)));
    let outlets: Vec<String> = conn
        .prepare_cached("SELECT outlet FROM storyline_outlets WHERE storyline = ?1 ORDER BY outlet")?
        .query_map([id], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let title = storyline_title(conn, id, &list)?;
    Ok(Some(StorylineRow {
        id: id.to_string(),
        title,
        start,
        end,
        size,
        outlets,
        event_count,
        events: list,
    }))
}

/// A storyline's title is chosen among the headlines of its largest events (by articles;
/// ties the smallest id), at most this many events ...
const TITLE_EVENTS: usize = STORYLINE_EVENTS;
/// ... and of each, its first headlines by publication (copies left out), at most this
/// many: a large event weighs more than a small one, and reading a storyline's title
/// costs the same however many articles it has.
const TITLE_HEADLINES_PER_EVENT: usize = 10;

/// A storyline's title, whoever asks for it and however many of its events they list
/// (rule `representative_headline` over the storyline): the headline most like the
/// other headlines of its largest events ([`TITLE_EVENTS`], [`TITLE_HEADLINES_PER_EVENT`]
/// each) — the thread that runs through its events ("cod deal" across talks broken off,
/// resumed and ended in a deal), not its largest event, which is one episode ("a standoff
/// at sea"). The largest titled event's title is listed first, so that a tie keeps it,
/// and stands alone when there are fewer than three headlines to choose among (two
/// cosines are equal). An opening sentence standing for a headline is never among them:
/// only when none of those events has a headline is the largest event's lead the title.
/// `loaded` are event rows the caller has read already (any of them; none for a brief):
/// the title never depends on which, they only save reading an event twice.
fn storyline_title(conn: &Connection, id: &str, loaded: &[EventRow]) -> Result<Option<String>> {
    // An event's title, and whether it is a lead standing for a headline.
    let title_of = |e: &str| -> Result<Option<(String, bool)>> {
        let pick = |row: &EventRow| row.title.clone().map(|t| (t, row.title_is_lead));
        Ok(match loaded.iter().find(|row| row.id == e) {
            Some(row) => pick(row),
            None => event(conn, e, Some(EVENT_ARTICLES))?.as_ref().and_then(pick),
        })
    };
    let events: Vec<String> = conn
        .prepare_cached("SELECT id FROM events WHERE storyline = ?1 ORDER BY size DESC, id LIMIT ?2")?
        .query_map(params![id, TITLE_EVENTS as i64], |r| r.get(0))?
        .collect::<std::result::Result<_, _>>()?;
    let mut heads: Vec<String> = Vec::new();
    let mut largest: Option<String> = None;
    for e in &events {
        let here: Vec<String> = conn
            .prepare_cached(
                "SELECT a.title FROM event_articles x JOIN articles a ON a.id = x.article
                 WHERE x.event = ?1 AND a.title IS NOT NULL AND a.duplicate_of IS NULL
                 ORDER BY x.day, x.published, x.article LIMIT ?2",
            )?
            .query_map(params![e, TITLE_HEADLINES_PER_EVENT as i64], |r| r.get(0))?
            .collect::<std::result::Result<_, _>>()?;
        if largest.is_none() && !here.is_empty() {
            largest = title_of(e)?.filter(|(_, lead)| !lead).map(|(t, _)| t);
        }
        heads.extend(here);
    }
    let Some(largest) = largest else {
        // No headline: the largest event's own title (its lead), if it has one.
        return Ok(match events.first() {
            Some(e) => title_of(e)?.map(|(t, _)| t),
            None => None,
        });
    };
    if heads.len() < 3 {
        return Ok(Some(largest));
    }
    // The largest titled event's title first, in place of one article's copy of it.
    match heads.iter().position(|h| *h == largest) {
        Some(i) => heads.swap(0, i),
        None => heads.insert(0, largest),
    }
    let refs: Vec<&str> = heads.iter().map(String::as_str).collect();
    let i = representative(&refs).unwrap_or(0);
    Ok(Some(heads.swap_remove(i)))
}

/// Characters a lead standing for a missing headline keeps at most.
const LEAD_TITLE_CHARS: usize = 80;

/// The opening of an article's text, for an event none of whose articles has a headline
/// (plain text that starts with its first sentence): that sentence, cut at a word before
/// [`LEAD_TITLE_CHARS`] characters with "…" when longer.
fn lead_of(conn: &Connection, id: &str) -> Result<Option<String>> {
    let text: Option<String> = conn
        .prepare_cached(
            "SELECT substr(b.text, 1, 400) FROM articles a JOIN bodies b ON b.n = a.n WHERE a.id = ?1",
        )?
        .query_row([id], |r| r.get(0))
        .optional()?;
    Ok(text.and_then(|t| lead_title(&t)))
}

/// The first sentence of `text` (the text stage's segmenter: "U.S." and "Mr." do not end
/// one), without a page stamp glued to its start (rule `page_stamp`, as timelines show
/// sentences), cut as [`lead_of`] says.
fn lead_title(text: &str) -> Option<String> {
    use crate::text::segment::{line_paragraphs, sentences};
    let first = *sentences(text, &line_paragraphs(text)).first()?;
    let sentence = crate::stories::summary::page_stamp(first.slice(text)?.trim());
    if sentence.chars().count() <= LEAD_TITLE_CHARS {
        return Some(sentence.trim_end_matches('.').to_string());
    }
    let cut = sentence
        .char_indices()
        .nth(LEAD_TITLE_CHARS)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..cut];
    let head = head.rfind(' ').map_or(head, |i| &head[..i]);
    Some(format!("{}…", head.trim_end_matches([',', ';', ':'])))
}

/// One event with its articles (those still in the store), by publication: at most
/// `limit` of them.
pub fn event(conn: &Connection, id: &str, limit: Option<usize>) -> Result<Option<EventRow>> {
    let Some((start, end)) = conn
        .query_row("SELECT first, last FROM events WHERE id = ?1", [id], |r| {
            Ok((day(&r.get::<_, String>(0)?)?, day(&r.get::<_, String>(1)?)?))
        })
        .optional()?
    else {
        return Ok(None);
    };
    let articles: Vec<StoryArticle> = conn
        .prepare_cached(
            "SELECT a.id, a.url, a.source, a.outlet, a.published, a.title, a.duplicate_of
             FROM event_articles e JOIN articles a ON a.id = e.article
             WHERE e.event = ?1 ORDER BY e.day, e.published, e.article LIMIT ?2",
        )?
        .query_map(params![id, limit.map_or(-1, |n| n as i64)], |r| {
            Ok(StoryArticle {
                id: r.get(0)?,
                url: r.get(1)?,
                source: r.get(2)?,
                outlet: r.get(3)?,
                published: r.get(4)?,
                title: r.get(5)?,
                copy_of: r.get(6)?,
            })
        })?
        .collect::<std::result::Result<_, _>>()?;
    let size: u32 = match limit {
        Some(n) if articles.len() >= n => conn
            .prepare_cached("SELECT size FROM events WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?,
        _ => articles.len() as u32,
    };
    // Titled by the headline most like its other headlines (rule
    // `representative_headline`), the article that started it (its id is the event's)
    // first so that a tie keeps its headline, copies left out; when none of those has
    // one, by the first of its articles that has one.
    let first: Option<String> = match articles.iter().find(|a| a.id == id) {
        Some(a) => a.title.clone(),
        None => conn
            .prepare_cached("SELECT title FROM articles WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .flatten(),
    };
    // The first [`EVENT_ARTICLES`] listed whatever `limit` is, so that a storyline's row
    // and the event's own page name it alike.
    let heads: Vec<&str> = first
        .as_deref()
        .into_iter()
        .chain(
            articles
                .iter()
                .take(EVENT_ARTICLES)
                .filter(|a| a.id != id && a.copy_of.is_none())
                .filter_map(|a| a.title.as_deref()),
        )
        .collect();
    let headline = representative(&heads)
        .map(|i| heads[i].to_string())
        .or_else(|| articles.iter().find_map(|a| a.title.clone()));
    let title_is_lead = headline.is_none();
    let title = match headline {
        Some(t) => Some(t),
        // The first article's, or (when it has left the store) the first one listed.
        None => match lead_of(conn, id)? {
            Some(t) => Some(t),
            None => match articles.first() {
                Some(a) => lead_of(conn, &a.id)?,
                None => None,
            },
        },
    };
    Ok(Some(EventRow {
        id: id.to_string(),
        title,
        title_is_lead,
        start,
        end,
        size,
        articles,
    }))
}

/// The storyline an event belongs to.
pub fn storyline_of_event(conn: &Connection, event: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT storyline FROM events WHERE id = ?1", [event], |r| {
            r.get(0)
        })
        .optional()?)
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
        with_tables(Connection::open_in_memory().unwrap())
    }

    fn with_tables(c: Connection) -> Connection {
        c.execute_batch(
            "CREATE TABLE articles (id TEXT, url TEXT, source TEXT NOT NULL, outlet TEXT, published TEXT,
                 day TEXT, title TEXT, duplicate_of TEXT, n INTEGER);
             CREATE TABLE bodies (n INTEGER PRIMARY KEY, text TEXT NOT NULL);
             CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
        )
        .unwrap();
        c.execute_batch(STORY_TABLES).unwrap();
        c
    }

    /// Every story table's rows, in one text, to compare two stores.
    fn story_rows(c: &Connection) -> String {
        let mut out = String::new();
        for t in [
            "events",
            "storylines",
            "event_articles",
            "storyline_outlets",
            "story_pieces",
        ] {
            let mut st = c.prepare(&format!("SELECT * FROM {t} ORDER BY 1")).unwrap();
            let n = st.column_count();
            let rows = st
                .query_map([], |r| {
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap();
            for r in rows {
                out += &r.unwrap();
                out.push('\n');
            }
        }
        out
    }

    /// A store file with `docs` waiting in the story queue, each article dated by its doc.
    fn queued(path: &std::path::Path, docs: &[StoryDoc]) -> Store {
        let store = Store::open(path).unwrap();
        for (i, d) in docs.iter().enumerate() {
            let n = i as i64 + 1;
            store
                .conn
                .execute(
                    "INSERT INTO articles (n, id, pipeline, run_id, exact, source, minhash, lines, day, outlet)
                     VALUES (?1, ?2, 1, 1, ?1, 'fixture', x'', x'', ?3, ?4)",
                    params![n, d.id, d.published.map(|p| p.date().to_string()), d.outlet],
                )
                .unwrap();
            store
                .conn
                .execute(
                    "INSERT INTO story_queue (n, doc) VALUES (?1, ?2)",
                    params![n, serde_json::to_string(d).unwrap()],
                )
                .unwrap();
        }
        store
    }

    /// Three ferry articles over three days and an orchard one.
    fn queue_docs() -> Vec<StoryDoc> {
        let a = Analyzer::default();
        let ferry = "Ferry crews at Lindqvist Harbour walked out over night shifts, and the \
                     harbour board met the crews' union to talk about the rota.";
        vec![
            doc(&a, "u1", 0, ferry, None),
            doc(&a, "u2", 1, ferry, None),
            doc(&a, "u3", 2, ferry, None),
            doc(
                &a,
                "u4",
                2,
                "Orchard growers in Vellmar count a late frost's damage to the cherry crop.",
                None,
            ),
        ]
    }

    /// The day `u3` is moved to by the corpus pass of another digest.
    const LATER: &str = "2027-09-01";

    #[test]
    fn a_plan_worked_out_beside_the_writer_places_as_the_writer_would() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = StoryConfig::default();
        let mut ahead = queued(&dir.path().join("a.db"), &queue_docs());
        let version = ahead.data_version().unwrap();
        let plan = Store::plan_stories(&dir.path().join("a.db"), &cfg).unwrap();
        // The writer's own commit meanwhile (the entity directory's) leaves the plan good.
        ahead
            .conn
            .execute("INSERT INTO meta (key, value) VALUES ('own', '1')", [])
            .unwrap();
        ahead.place_stories(&cfg, Some((plan, version))).unwrap();
        let mut by_writer = queued(&dir.path().join("b.db"), &queue_docs());
        by_writer.place_stories(&cfg, None).unwrap();
        assert_eq!(story_rows(&ahead.conn), story_rows(&by_writer.conn));
        let filed: i64 = ahead
            .conn
            .query_row("SELECT count(*) FROM event_articles", [], |r| r.get(0))
            .unwrap();
        assert_eq!(filed, 4, "every queued article is filed");
    }

    #[test]
    fn a_plan_is_worked_out_again_when_another_connection_committed_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = StoryConfig::default();
        let redate = |path: &std::path::Path| {
            Connection::open(path)
                .unwrap()
                .execute("UPDATE articles SET day = ?1 WHERE id = 'u3'", [LATER])
                .unwrap();
        };
        // Planned, then another digest moves an article to a later day.
        let path = dir.path().join("a.db");
        let mut store = queued(&path, &queue_docs());
        let version = store.data_version().unwrap();
        let plan = Store::plan_stories(&path, &cfg).unwrap();
        redate(&path);
        store.place_stories(&cfg, Some((plan, version))).unwrap();
        // As if placed after the change.
        let fresh_path = dir.path().join("b.db");
        let mut fresh = queued(&fresh_path, &queue_docs());
        redate(&fresh_path);
        fresh.place_stories(&cfg, None).unwrap();
        assert_eq!(story_rows(&store.conn), story_rows(&fresh.conn));
        // The stale plan, had it been written, would have filed the article on its old day.
        let stale_path = dir.path().join("c.db");
        let mut stale = queued(&stale_path, &queue_docs());
        let plan = Store::plan_stories(&stale_path, &cfg).unwrap();
        redate(&stale_path);
        let now = stale.data_version().unwrap();
        stale.place_stories(&cfg, Some((plan, now))).unwrap();
        assert_ne!(story_rows(&stale.conn), story_rows(&fresh.conn));
    }

    #[test]
    fn placing_in_chunks_places_as_placing_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = StoryConfig::default();
        let mut chunked = queued(&dir.path().join("a.db"), &queue_docs());
        chunked.place_in_chunks(&cfg, None, 1).unwrap();
        let mut at_once = queued(&dir.path().join("b.db"), &queue_docs());
        at_once.place_in_chunks(&cfg, None, 100).unwrap();
        assert_eq!(story_rows(&chunked.conn), story_rows(&at_once.conn));
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
        for (id, source, copy_of) in [
            ("t1", "a.txt", None),
            ("t2", "b.txt", None),
            ("t2-copy", "c.txt", Some("t2")),
        ] {
            conn.execute(
                "INSERT INTO articles (id, url, source, outlet, published, day, title, duplicate_of)
                 VALUES (?1, NULL, ?2, 'Lowmoor Post', '2027-07-01', '2027-07-01', ?1, ?3)",
                params![id, source, copy_of],
            )
            .unwrap();
        }
        let list = list_storylines(&conn, 10).unwrap();
        assert_eq!(list.len(), 1, "{list:#?}");
        assert_eq!(list[0].events.len(), 1, "{list:#?}");
        assert_eq!(list[0].events[0].articles.len(), 3);
        assert_eq!(list[0].size, 3);
        assert_eq!(list[0].outlets, vec!["Lowmoor Post".to_string()]);
        // Titled by its largest event's headline (two headlines tie: the starting
        // article's); the copy says whose it is.
        assert_eq!(list[0].title.as_deref(), Some("t1"));
        let copy = list[0].events[0]
            .articles
            .iter()
            .find(|a| a.id == "t2-copy")
            .unwrap();
        assert_eq!(copy.copy_of.as_deref(), Some("t2"));
        let copies: i64 = conn
            .query_row("SELECT count(*) FROM event_articles WHERE copy = 1", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(copies, 1);
        // A first article without a headline (plain text): the event and its storyline take
        // the first headline among its articles.
        conn.execute("UPDATE articles SET title = NULL WHERE id = 't1'", [])
            .unwrap();
        let list = list_storylines(&conn, 10).unwrap();
        assert_eq!(list[0].events[0].title.as_deref(), Some("t2"));
        assert_eq!(list[0].title.as_deref(), Some("t2"));
        // None with a headline: the first one's opening sentence stands for it, cut at a
        // word with "…" when long.
        conn.execute_batch(
            "UPDATE articles SET title = NULL WHERE id IN ('t2', 't2-copy');
             UPDATE articles SET n = 1 WHERE id = 't1';
             INSERT INTO bodies VALUES (1, 'Tram drivers in Lowmoor walked out at dawn over new rosters that the depot had posted without talks. The union said more would follow.');",
        )
        .unwrap();
        let list = list_storylines(&conn, 10).unwrap();
        let lead = "Tram drivers in Lowmoor walked out at dawn over new rosters that the depot had…";
        assert_eq!(list[0].events[0].title.as_deref(), Some(lead));
        assert_eq!(list[0].title.as_deref(), Some(lead));
        // The page's update stamp glued to the opening is not part of it.
        conn.execute_batch(
            "UPDATE bodies SET text = '2 March 2027 Last updated at 06:40 GMT Tram drivers in Lowmoor walked out at dawn. The union said more would follow.';",
        )
        .unwrap();
        let list = list_storylines(&conn, 10).unwrap();
        assert_eq!(
            list[0].title.as_deref(),
            Some("Tram drivers in Lowmoor walked out at dawn")
        );
        conn.execute_batch(
            "UPDATE bodies SET text = 'Tram drivers in Lowmoor walked out at dawn over new rosters that the depot had posted without talks. The union said more would follow.';",
        )
        .unwrap();
        conn.execute("UPDATE articles SET title = id WHERE id IN ('t2', 't2-copy')", [])
            .unwrap();
        // Deleting an article (as a digest does when a source changes) shows at once.
        unfile_article(&conn, "t2-copy", Some("Lowmoor Post")).unwrap();
        let list = list_storylines(&conn, 10).unwrap();
        assert_eq!((list[0].size, list[0].events[0].articles.len()), (2, 2));
        assert_eq!(list[0].outlets, vec!["Lowmoor Post".to_string()]);
        unfile_article(&conn, "t2", Some("Lowmoor Post")).unwrap();
        unfile_article(&conn, "t1", Some("Lowmoor Post")).unwrap();
        assert!(list_storylines(&conn, 10).unwrap()[0].outlets.is_empty());
    }

    /// A storyline of three events: the largest (three reports) is one night's episode, the
    /// other two are the thread the storyline runs on.
    fn tram_storyline(conn: &Connection) {
        conn.execute_batch(
            "INSERT INTO storylines VALUES ('s-e1', '2027-03-01', '2027-03-20', 7, 3);
             INSERT INTO events VALUES ('e1', 's-e1', '2027-03-09', '2027-03-09', 3),
                 ('e2', 's-e1', '2027-03-01', '2027-03-01', 2), ('e3', 's-e1', '2027-03-20', '2027-03-20', 2);",
        )
        .unwrap();
        for (id, event, day, title) in [
            ("a1", "e1", "2027-03-09", "Depot blaze halts night trams"),
            (
                "a2",
                "e1",
                "2027-03-09",
                "Night service stops after fire at depot",
            ),
            ("a3", "e1", "2027-03-09", "Fire crews called to tram depot"),
            (
                "b1",
                "e2",
                "2027-03-01",
                "Lowmoor tram drivers strike over rosters",
            ),
            (
                "b2",
                "e2",
                "2027-03-01",
                "Tram drivers in Lowmoor walk out over new rosters",
            ),
            (
                "c1",
                "e3",
                "2027-03-20",
                "Lowmoor tram strike ends with rosters deal",
            ),
            (
                "c2",
                "e3",
                "2027-03-20",
                "Drivers back at work as tram rosters deal agreed",
            ),
        ] {
            conn.execute(
                "INSERT INTO articles (id, url, source, outlet, published, day, title)
                 VALUES (?1, NULL, ?1, 'Lowmoor Post', ?2, ?2, ?3)",
                params![id, day, title],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO event_articles VALUES (?1, ?2, 0, ?3, ?3)",
                params![id, event, day],
            )
            .unwrap();
        }
    }

    #[test]
    fn a_storyline_is_titled_by_the_headline_its_articles_share_most_not_its_largest_episode() {
        let conn = store();
        tram_storyline(&conn);
        let row = storyline(&conn, "s-e1").unwrap().unwrap();
        let largest = row.events.iter().max_by_key(|e| e.size).unwrap();
        assert_eq!(largest.id, "e1");
        assert_eq!(
            row.title.as_deref(),
            Some("Lowmoor tram drivers strike over rosters")
        );
        // Named in passing, and listed with fewer of its events, it keeps the same title.
        let brief = Store { beside: None, conn }
            .storyline_brief("s-e1")
            .unwrap()
            .unwrap();
        assert_eq!(brief.title, row.title);
    }

    #[test]
    fn a_storylines_title_is_the_same_whoever_asks_and_never_a_lead_among_headlines() {
        let conn = store();
        tram_storyline(&conn);
        // Three events larger than any titled one, of plain text without headlines.
        for (k, e) in ["f1", "f2", "f3"].iter().enumerate() {
            conn.execute(
                "INSERT INTO events VALUES (?1, 's-e1', '2027-03-15', '2027-03-15', 4)",
                [e],
            )
            .unwrap();
            for j in 0..4 {
                let (id, n) = (format!("{e}-{j}"), 100 + 10 * k as i64 + j);
                conn.execute(
                    "INSERT INTO articles (id, url, source, outlet, published, day, title, n)
                     VALUES (?1, NULL, ?1, 'Lowmoor Post', '2027-03-15', '2027-03-15', NULL, ?2)",
                    params![id, n],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO bodies VALUES (?1, 'The depot reopened its gates to night crews on Monday. More later.')",
                    [n],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO event_articles VALUES (?1, ?2, 0, '2027-03-15', '2027-03-15')",
                    params![id, e],
                )
                .unwrap();
            }
        }
        conn.execute("UPDATE storylines SET size = 19, events = 6", [])
            .unwrap();
        let want = Some("Lowmoor tram drivers strike over rosters");
        let row = storyline(&conn, "s-e1").unwrap().unwrap();
        assert_eq!(row.title.as_deref(), want);
        let store = Store { beside: None, conn };
        // A digest's report lists three events of each storyline, all of them untitled.
        let few = store.newest_of(&[StorylineId("s-e1".into())], 1, 3).unwrap();
        assert!(few[0].events.iter().all(|e| e.title_is_lead), "{few:#?}");
        assert_eq!(few[0].title.as_deref(), want);
        assert_eq!(
            store.storyline_brief("s-e1").unwrap().unwrap().title.as_deref(),
            want
        );
        // With no headline at all, every caller shows the largest event's opening sentence.
        store
            .conn
            .execute("UPDATE articles SET title = NULL", [])
            .unwrap();
        let lead = Some("The depot reopened its gates to night crews on Monday");
        assert_eq!(
            storyline(&store.conn, "s-e1").unwrap().unwrap().title.as_deref(),
            lead
        );
        assert_eq!(
            store.storyline_brief("s-e1").unwrap().unwrap().title.as_deref(),
            lead
        );
    }

    #[test]
    fn a_storyline_of_two_headlines_keeps_its_largest_events() {
        let conn = store();
        tram_storyline(&conn);
        conn.execute_batch(
            "UPDATE articles SET title = NULL WHERE id NOT IN ('a1', 'b1');
             UPDATE events SET size = 1 WHERE id != 'e1';",
        )
        .unwrap();
        let row = storyline(&conn, "s-e1").unwrap().unwrap();
        assert_eq!(row.title.as_deref(), Some("Depot blaze halts night trams"));
    }

    #[test]
    fn a_merged_storylines_id_leads_to_the_one_that_took_it_in_after_later_merges_too() {
        let mut conn = store();
        let id = |s: &str| StorylineId(s.to_string());
        let tx = conn.transaction().unwrap();
        redirect(&tx, &id("s-a"), &id("s-b")).unwrap();
        redirect(&tx, &id("s-b"), &id("s-c")).unwrap();
        tx.commit().unwrap();
        for old in ["s-a", "s-b"] {
            assert_eq!(redirected(&conn, old).unwrap().as_deref(), Some("s-c"), "{old}");
        }
        assert_eq!(redirected(&conn, "s-c").unwrap(), None);
        // An id that comes back into use is no longer redirected.
        let tx = conn.transaction().unwrap();
        redirect(&tx, &id("s-c"), &id("s-b")).unwrap();
        tx.commit().unwrap();
        assert_eq!(redirected(&conn, "s-b").unwrap(), None);
        assert_eq!(redirected(&conn, "s-a").unwrap().as_deref(), Some("s-b"));
        assert_eq!(redirected(&conn, "s-c").unwrap().as_deref(), Some("s-b"));
    }

    #[test]
    fn a_lead_standing_for_a_headline_is_its_first_whole_sentence() {
        assert_eq!(
            lead_title("U.S. and Nordland envoys met at dawn. Talks resume today.").as_deref(),
            Some("U.S. and Nordland envoys met at dawn")
        );
        assert_eq!(
            lead_title("\n\nMr. Arne Holt resigned.").as_deref(),
            Some("Mr. Arne Holt resigned")
        );
        assert_eq!(lead_title("   "), None);
    }
}
