//! Text units shared by the language stages: tokens with spans, and sentences.

pub mod segment;
pub mod tokens;
