//! Storyline turns raw news articles from many outlets into clean, deduplicated,
//! structured records.
//!
//! The pipeline, in order (each stage a module, named in [`Stage`]):
//! ingest → extract → clean → dedup → store.
//!
//! ```
//! use storyline::{Pipeline, PipelineConfig};
//!
//! let pipeline = Pipeline::build(PipelineConfig::default()).unwrap();
//! let text = "Harbour talks stall\n\nADVERTISEMENT\n\nNegotiators left the harbour city on \
//!             Monday without an agreement, officials said.";
//! let article = pipeline.analyze_text(text, "example.txt").unwrap();
//! assert_eq!(article.title.as_deref(), Some("Harbour talks stall"));
//! assert!(!article.text.contains("ADVERTISEMENT"));
//! ```

pub mod article;
pub mod clean;
pub mod dedup;
pub mod directory;
pub mod entities;
pub mod error;
pub mod extract;
pub mod ingest;
pub mod lexicon;
pub mod outlets;
pub mod pipeline;
pub mod quotes;
pub mod run;
pub mod segment;
pub mod span;
pub mod store;
pub mod template;
pub mod timex;
pub mod tokens;

pub use article::{Article, DateSource, Format, Published, Removed, RemovedKind, Source};
pub use error::{Error, Result, Stage};
pub use ingest::Failure;
pub use pipeline::{Pipeline, PipelineConfig};
pub use span::Span;
