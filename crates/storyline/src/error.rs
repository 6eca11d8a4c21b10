//! One error type for the library, split by who is at fault.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The pipeline stages, in order. Used in errors, progress and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// Reading files, archives and records; decoding bytes to text.
    Ingest,
    /// Main-text and metadata extraction from HTML.
    Extract,
    /// Boilerplate removal from plain text.
    Clean,
    /// Exact and near-duplicate detection across the corpus.
    Dedup,
    /// Writing to the embedded store.
    Store,
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Stage::Ingest => "ingest",
            Stage::Extract => "extract",
            Stage::Clean => "clean",
            Stage::Dedup => "dedup",
            Stage::Store => "store",
        };
        f.write_str(s)
    }
}

/// What went wrong with one input item. The run goes on with the others.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty input")]
    Empty,
    #[error("binary data, not text ({0})")]
    Binary(String),
    #[error("too large: {size} bytes (limit {limit}); split it or raise --max-bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("truncated or corrupt archive: {0}")]
    Truncated(String),
    #[error("malformed {format}: {reason}")]
    Malformed { format: &'static str, reason: String },
    #[error("no article text found")]
    NoText,
    #[error("hostile HTML refused: {0}")]
    Hostile(String),
}

/// Errors of the library as a whole.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The user's input or configuration is wrong.
    #[error("{0}")]
    Input(String),
    /// The store failed (disk full, locked, corrupt).
    #[error("store: {0}")]
    Store(#[from] rusqlite::Error),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("json: {0}")]
    Json(#[from] serde_json::Error),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
