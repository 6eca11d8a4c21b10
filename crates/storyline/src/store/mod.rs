//! The embedded store: SQLite (through `rusqlite`, SQLite built in), in WAL mode so that
//! readers read while a digest writes, and a second digest waits for the first.
//!
//! It sits below the stages: it keeps the record types (`Article` and what it holds)
//! and the corpus passes' state, and depends on no stage. Articles are keyed by content
//! id, input items by canonical source key with the file's size and modification time,
//! so ingesting the same input twice adds nothing and an edited file is read again.
//! Items are written in batches, one transaction each, together with the typed rows
//! queries read (quotes, mentions, time expressions, sentence dates, full-text indexes);
//! the corpus passes then update duplicate groups, template lines and the entity
//! directory for what the run added (`corpus.rs`), in one transaction. Reading never
//! re-runs analysis: the stored rows are the truth.

mod checkpoint;
mod corpus;
mod read;
mod schema;
mod sites;
pub mod stories;
mod story_state;
mod write;

use std::path::Path;
use std::time::Duration;

use rusqlite::{params, Connection, OptionalExtension};

use crate::error::Error;

use checkpoint::Checkpointer;
pub use corpus::{CorpusReport, CorpusRules, PENDING_ALL};
pub use read::{ArticleRow, DupGroup, GroupMember, OutletCount, QuoteFilter, QuoteRow, SearchHit};
pub use write::{tag, BatchResult, RecordJson, SourceStamp, SourceState, Stored};

/// The store.
pub struct Store {
    /// Set for the serial end of a digest: checkpoints run beside the writer, not in
    /// its commits. (Declared first: its thread stops before the writer closes.)
    beside: Option<Checkpointer>,
    conn: Connection,
}

/// The page size of a new store, in bytes.
const PAGE_SIZE: i64 = 16384;

/// The size of the write-ahead log at which its pages are copied into the store.
const WAL_CHECKPOINT_BYTES: i64 = 64 << 20;

/// How long a writer waits for another writer before giving up.
const BUSY_WAIT: Duration = Duration::from_secs(600);
/// Prepared statements kept per connection (see [`Store::open`]).
const STATEMENT_CACHE: usize = 256;

/// Switches the store to write-ahead logging. Two digests opening a new file at once
/// both read it in the old journal mode and both ask to switch; SQLite answers one of
/// them "busy" at once, without waiting (each holds what the other needs), so that one
/// waits a little and asks again.
fn use_wal(conn: &Connection) -> Result<(), Error> {
    let started = std::time::Instant::now();
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && started.elapsed() < BUSY_WAIT =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            done => return Ok(done?),
        }
    }
}

impl Store {
    /// Opens (creating if needed) the store at `path`. A store written by an older
    /// version of Storyline is refused with what to run, never misread.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(BUSY_WAIT)?;
        // A new store's pages are 16 KB (SQLite's default is 4 KB): a digest writes
        // about 100 KB per article into the write-ahead log, a frame per page, and fewer,
        // larger frames cost fewer system calls and B-tree splits. Only an empty file takes
        // it (before the switch to the log below); an existing store keeps its size.
        conn.pragma_update(None, "page_size", PAGE_SIZE)?;
        use_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // A 64 MB page cache (the default is 2 MB): a digest's batch touches the text
        // indexes, the typed rows and the directory, and spilling them costs more than the
        // memory. Temporary b-trees (sorts, the text index's merges) stay in memory.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // The writer alone prepares some sixty statements in turn for each batch; with
        // rusqlite's default cache of 16 most were parsed again every time.
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        // Write-ahead log pages are copied into the store when the log reaches 64 MB
        // (SQLite's default is 1,000 pages). A digest's batches hit the same index
        // pages again and again, and each checkpoint writes every page it holds once: fewer
        // checkpoints write each page fewer times. The log stays bounded, and the last
        // connection to close copies and removes it.
        let page: i64 = conn.query_row("PRAGMA page_size", [], |r| r.get(0))?;
        conn.pragma_update(None, "wal_autocheckpoint", WAL_CHECKPOINT_BYTES / page.max(512))?;
        let mut store = Store { beside: None, conn };
        store.check_format(path)?;
        // The tables are made once, in one write transaction taken up front: two digests
        // opening a new store at once must not both read "missing" and then race to
        // write (the second would fail at once with a stale snapshot, not wait).
        // A table added within a format (all `IF NOT EXISTS`, none that older versions
        // need) is made the same way: its name is in this list, the newest last.
        let tables: i64 = store.conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'
             AND name IN ('meta', 'articles', 'story_pieces', 'storyline_redirects', 'figures')",
            [],
            |r| r.get(0),
        )?;
        if tables < 5 {
            let tx = store
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute_batch(schema::SCHEMA)?;
            tx.execute_batch(stories::STORY_TABLES)?;
            tx.commit()?;
        }
        // Written once, when the store is new: a write on every open would make a reader
        // wait for a digest's transaction.
        let stamped = store
            .conn
            .query_row("SELECT 1 FROM meta WHERE key = 'format'", [], |_| Ok(()))
            .optional()?
            .is_some();
        if !stamped {
            store.conn.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('format', ?1)",
                [schema::FORMAT.to_string()],
            )?;
        }
        Ok(store)
    }

    /// From now on, copies the log into the store on a thread of its own after each
    /// commit of a batch, the corpus pass and the story placement (`store::checkpoint`).
    /// The writer's own checkpoint, inside the commit that fills the log, stays as the
    /// bound in case the thread falls behind.
    pub fn checkpoint_beside(&mut self, path: &Path) -> Result<(), Error> {
        if self.beside.is_none() {
            self.beside = Some(Checkpointer::start(path)?);
        }
        Ok(())
    }

    /// From now on, only the thread of [`Store::checkpoint_beside`] copies the log: for
    /// the serial end of a digest, where a checkpoint inside a commit holds up the run
    /// and the commits are few and small.
    pub fn checkpoint_only_beside(&mut self, path: &Path) -> Result<(), Error> {
        self.checkpoint_beside(path)?;
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(())
    }

    /// How many commits other connections have made to the store, as this one sees it
    /// (SQLite's `data_version`: its own commits leave it as it is).
    pub fn data_version(&self) -> Result<i64, Error> {
        stories::data_version(&self.conn)
    }

    /// Tells the checkpoint thread, if there is one, that a commit happened.
    fn committed(&self) {
        if let Some(b) = &self.beside {
            b.committed();
        }
    }

    /// Opens an existing store for reading; a missing file is an error, not a new store.
    pub fn open_existing(path: &Path) -> Result<Self, Error> {
        if !path.exists() {
            return Err(Error::Input(format!(
                "no store at {} (run `storyline digest PATH... --db {}` first)",
                path.display(),
                path.display()
            )));
        }
        Self::open(path)
    }

    /// Refuses a store of another format, saying what to do.
    fn check_format(&self, path: &Path) -> Result<(), Error> {
        let has = |table: &str| -> Result<bool, Error> {
            Ok(self
                .conn
                .query_row(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1",
                    [table],
                    |_| Ok(()),
                )
                .optional()?
                .is_some())
        };
        let format: Option<u32> = if has("meta")? {
            self.conn
                .query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
                    r.get::<_, String>(0)
                })
                .optional()?
                .and_then(|v| v.parse().ok())
        } else if has("articles")? {
            Some(1) // the first format had no meta table
        } else {
            None
        };
        match format {
            None => Ok(()),
            Some(f) if f == schema::FORMAT => Ok(()),
            Some(f @ 4..) if f < schema::FORMAT => self.migrate(path, f),
            Some(f) if f > schema::FORMAT => Err(Error::Input(format!(
                "the store at {} has format {f}, written by a newer Storyline; this one reads format {}: upgrade storyline",
                path.display(),
                schema::FORMAT
            ))),
            Some(f) => {
                let inputs = self.previous_inputs().unwrap_or_default();
                let again = if inputs.is_empty() {
                    "the same inputs".to_string()
                } else {
                    inputs.join(" ")
                };
                Err(Error::Input(format!(
                    "the store at {} has format {f}, written by an older Storyline; this one reads format {}. \
                     Build a new store from the inputs (nothing is lost: articles are read again from them): \
                     `storyline digest {again} --db NEW.db`",
                    path.display(),
                    schema::FORMAT
                )))
            }
        }
    }

    /// Brings a store of format 4, 5 or 6 to this format in one write transaction (another
    /// process that got there first leaves nothing to do), saying so on stderr.
    fn migrate(&self, path: &Path, from: u32) -> Result<(), Error> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, rusqlite::TransactionBehavior::Immediate)?;
        let format: String = tx.query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| r.get(0))?;
        if format == from.to_string() {
            // Format 7's columns first: the schema's indexes name them.
            if from <= 6 {
                tx.execute_batch(
                    "ALTER TABLE articles ADD COLUMN site TEXT;
                     ALTER TABLE articles ADD COLUMN own_outlet TEXT;
                     ALTER TABLE articles ADD COLUMN site_vote TEXT;",
                )?;
            }
            // New tables of the main schema (all `IF NOT EXISTS`), then the story tables.
            tx.execute_batch(schema::SCHEMA)?;
            if from <= 5 {
                corpus::count_bands(&tx)?;
            }
            stories::migrate(&tx, from)?;
            if from <= 6 {
                sites::migrate(&tx)?;
            }
            tx.execute(
                "UPDATE meta SET value = ?1 WHERE key = 'format'",
                [schema::FORMAT.to_string()],
            )?;
            eprintln!(
                "storyline: the store at {} was brought from format {from} to {} (its stories are kept)",
                path.display(),
                schema::FORMAT
            );
        }
        tx.commit()?;
        Ok(())
    }

    /// The inputs of every earlier run, for the message that rebuilds an old store.
    fn previous_inputs(&self) -> Result<Vec<String>, Error> {
        let mut st = self.conn.prepare("SELECT inputs FROM runs ORDER BY id")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        let mut out: Vec<String> = Vec::new();
        for r in rows {
            for i in serde_json::from_str::<Vec<String>>(&r?).unwrap_or_default() {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
        }
        Ok(out)
    }

    /// Records the corpus settings a store is built with on its first run, and refuses
    /// other ones later: near-copy buckets and template counts are kept for one threshold,
    /// and mixing settings would silently miss copies.
    pub fn check_corpus_settings(
        &self,
        dedup: &crate::corpus::dedup::DedupConfig,
        template: &crate::corpus::template::TemplateConfig,
    ) -> Result<(), Error> {
        let want = serde_json::json!({"dedup": dedup, "template": template}).to_string();
        let have: Option<String> = self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'corpus'", [], |r| r.get(0))
            .optional()?;
        match have {
            Some(h) if h == want => Ok(()),
            Some(h) => Err(Error::Input(format!(
                "this store was built with corpus settings {h}; this run asks for {want}. \
                 Digest into it with the same settings (--threshold, --config) or into a new store"
            ))),
            None => {
                self.conn.execute(
                    "INSERT OR IGNORE INTO meta (key, value) VALUES ('corpus', ?1)",
                    [&want],
                )?;
                Ok(())
            }
        }
    }

    /// Starts a run and returns its id.
    pub fn begin_run(&self, inputs: &[String], pipeline: u32) -> Result<i64, Error> {
        self.conn.execute(
            "INSERT INTO runs (started, inputs, pipeline) VALUES (datetime('now'), ?1, ?2)",
            params![serde_json::to_string(inputs)?, pipeline],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// A value that changes whenever a digest (its start and its end) or a re-analysis
    /// changes what the store holds: a reader may keep what it derived from the store
    /// under it.
    pub fn change_stamp(&self) -> Result<String, Error> {
        Ok(self.conn.query_row(
            "SELECT coalesce((SELECT id || '/' || coalesce(finished, '-') FROM runs ORDER BY id DESC LIMIT 1), '')
                 || '/' || coalesce((SELECT value FROM meta WHERE key = 'reanalysed'), '0')",
            [],
            |r| r.get(0),
        )?)
    }

    /// Records the end of a run.
    pub fn end_run(&self, run: i64, items: usize, added: usize, failed: usize) -> Result<(), Error> {
        self.conn.execute(
            "UPDATE runs SET finished = datetime('now'), items = ?2, added = ?3, failed = ?4 WHERE id = ?1",
            params![run, items as i64, added as i64, failed as i64],
        )?;
        Ok(())
    }

    /// Counts: articles, sources, failures.
    pub fn counts(&self) -> Result<(usize, usize, usize), Error> {
        let c = |sql: &str| -> Result<usize, Error> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok((
            c("SELECT count(*) FROM articles")?,
            c("SELECT count(*) FROM sources")?,
            c("SELECT count(*) FROM failures")?,
        ))
    }

    /// Figures the articles of run `run` hold, and how many measures (concepts) they name.
    pub fn run_figures(&self, run: i64) -> Result<(usize, usize), Error> {
        Ok(self.conn.query_row(
            "SELECT count(*), count(DISTINCT f.concept) FROM figures f
             JOIN articles a ON a.n = f.article WHERE a.run_id = ?1 AND a.duplicate_of IS NULL",
            [run],
            |r| Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize)),
        )?)
    }

    /// Articles analysed by a pipeline older than `version`.
    pub fn stale(&self, version: u32) -> Result<usize, Error> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM articles WHERE pipeline < ?1",
            [version],
            |r| r.get::<_, i64>(0),
        )? as usize)
    }
}

/// The store's text for an optional outlet (template lines are counted per outlet; the
/// articles without one count together).
fn outlet_key(outlet: Option<&str>) -> &str {
    outlet.unwrap_or("")
}
