//! Stories: events (one happening, covered by many articles within days) and storylines
//! (chains of events about the same actors over months), with dated timelines and
//! summaries. This stage reads analysed articles; it runs after `corpus`.

pub mod summary;
pub mod terms;
pub mod timeline;
