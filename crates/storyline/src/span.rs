//! Byte spans into an article's clean text.
//!
//! Every later stage (sentences, entities, quotes, time expressions) points into
//! [`Article::text`](crate::Article::text) with a [`Span`] rather than copying
//! strings, so a record can always be checked against its surface form.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a UTF-8 text.
///
/// Invariant: both ends fall on `char` boundaries of the text the span was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text under the span, or `None` when it does not fit `text` or cuts a character.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_respects_char_boundaries() {
        let text = "Assad’s forces";
        assert_eq!(Span::new(0, 5).slice(text), Some("Assad"));
        // The curly apostrophe is three bytes: cutting inside it is refused.
        assert_eq!(Span::new(0, 6).slice(text), None);
        assert_eq!(Span::new(0, 99).slice(text), None);
    }
}
