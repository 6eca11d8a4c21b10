//! Corpus passes: what is decided across articles rather than inside one — duplicate
//! groups, outlet template lines, and the corpus-wide entity directory.

pub mod dedup;
pub mod directory;
pub mod template;
