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

/// Serialises a type as its `Display` text and reads it back with `FromStr`: typed values
/// (dates, time values) are text only at the edge.
macro_rules! serde_as_text {
    ($t:ty) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

pub mod article;
pub mod claims;
pub mod error;
pub mod span;

pub mod clean;
pub mod corpus;
pub mod entities;
pub mod extract;
pub mod framing;
pub mod ingest;
pub mod quotes;
pub mod store;
pub mod stories;
pub mod text;
pub mod time;

pub mod pipeline;
pub mod run;

pub use article::{
    Article, DateSource, Format, OutletSource, Published, Removed, RemovedKind, SiteKey, Source,
};
pub use error::{Error, Result, Stage};
pub use ingest::Failure;
pub use pipeline::{Pipeline, PipelineConfig};
pub use span::Span;
