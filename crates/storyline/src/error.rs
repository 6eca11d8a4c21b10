//! One error type for the library, split by who is at fault.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The pipeline stages, in order: the same stages, in the same order, as the library's
/// folders and `docs/ARCHITECTURE.md`. Used in errors, progress and metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Stage {
    /// Reading files, archives and records; decoding bytes to text (`ingest/`).
    Ingest,
    /// Main-text and metadata extraction from HTML (`extract/`).
    Extract,
    /// Boilerplate removal from plain text (`clean/`).
    Clean,
    /// Tokens and sentences (`text/`).
    Text,
    /// People, organisations and places (`entities/`).
    Entities,
    /// Who said what (`quotes/`).
    Quotes,
    /// Time expressions, sentence dates, inferred publication dates (`time/`).
    Time,
    /// Figures: quantitative claims (`claims/`).
    Claims,
    /// Passes across articles: duplicates, template lines, the entity directory
    /// (`corpus/`).
    #[serde(alias = "dedup")]
    Corpus,
    /// Writing to the embedded store (`store/`).
    Store,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 10] = [
        Stage::Ingest,
        Stage::Extract,
        Stage::Clean,
        Stage::Text,
        Stage::Entities,
        Stage::Quotes,
        Stage::Time,
        Stage::Claims,
        Stage::Corpus,
        Stage::Store,
    ];

    /// The stage's name, as in errors and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Ingest => "ingest",
            Stage::Extract => "extract",
            Stage::Clean => "clean",
            Stage::Text => "text",
            Stage::Entities => "entities",
            Stage::Quotes => "quotes",
            Stage::Time => "time",
            Stage::Claims => "claims",
            Stage::Corpus => "corpus",
            Stage::Store => "store",
        }
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
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
    /// A document from a stream (standard input, or decompressed) that runs past the limit;
    /// its full size is not measured, as that would mean reading all of it.
    #[error("too large: more than {limit} bytes; split it or raise --max-bytes")]
    TooLargeStream { limit: u64 },
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
