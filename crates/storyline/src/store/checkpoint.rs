//! Copying the write-ahead log into the store on a thread of its own.
//!
//! In WAL mode every commit appends pages to the log, and a checkpoint copies them into
//! the store file. SQLite runs that checkpoint inside the commit that crosses the
//! log-size limit, on the writing thread; in a digest that is often a commit of the
//! serial end of the run (the entity directory, the stories), where every other thread
//! has finished and the copy holds up the run. A [`Checkpointer`] runs passive
//! checkpoints on its own connection after each commit it is told of: they never block
//! the writer (a passive checkpoint copies what no reader still needs and leaves the
//! rest), so the copy overlaps the work that follows. The log is restarted by SQLite once
//! a checkpoint has copied all of it, and the writer's own automatic checkpoint stays as
//! the bound if this thread falls behind.

use std::path::Path;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

use rusqlite::Connection;

use crate::error::Error;

/// A thread that checkpoints the store's log when told that a commit happened.
pub struct Checkpointer {
    poke: Option<SyncSender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    /// Starts the thread with its own connection to the store at `path`.
    pub fn start(path: &Path) -> Result<Self, Error> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(super::BUSY_WAIT)?;
        // One poke waiting is enough: a checkpoint copies everything committed so far.
        let (poke, pokes) = sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("storyline-checkpoint".into())
            .spawn(move || {
                for () in pokes.iter() {
                    // A failed checkpoint loses nothing: the pages stay in the log, and
                    // the next one (or the last connection to close) copies them.
                    let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
                }
            })
            .map_err(|e| Error::Input(format!("cannot start the checkpoint thread: {e}")))?;
        Ok(Checkpointer {
            poke: Some(poke),
            thread: Some(thread),
        })
    }

    /// Says that a commit happened: the thread checkpoints when it is free.
    pub fn committed(&self) {
        if let Some(p) = &self.poke {
            // Full: a checkpoint is already due and will copy this commit too.
            let _ = p.try_send(());
        }
    }
}

impl Drop for Checkpointer {
    /// Waits for a checkpoint under way to finish; what is left in the log is copied by
    /// the last connection to close.
    fn drop(&mut self) {
        self.poke.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commit_is_copied_into_the_store_file_by_the_thread() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let writer = Connection::open(&path).unwrap();
        writer.pragma_update(None, "journal_mode", "WAL").unwrap();
        // No checkpoint of its own: only the thread copies the log.
        writer.pragma_update(None, "wal_autocheckpoint", 0).unwrap();
        writer
            .execute_batch("CREATE TABLE t (x BLOB); INSERT INTO t VALUES (zeroblob(1000000));")
            .unwrap();
        let file = || std::fs::metadata(&path).unwrap().len();
        assert!(
            file() < 100_000,
            "before any checkpoint the pages are in the log only"
        );
        let cp = Checkpointer::start(&path).unwrap();
        cp.committed();
        drop(cp); // a poke sent is handled before the thread ends
        assert!(file() > 1_000_000, "the log was copied: {} bytes", file());
        assert_eq!(
            writer
                .query_row("SELECT length(x) FROM t", [], |r| r.get::<_, i64>(0))
                .unwrap(),
            1_000_000
        );
    }
}
