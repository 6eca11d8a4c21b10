//! Text units shared by the language stages: tokens with spans, and sentences.

pub mod segment;
pub mod tokens;

/// `s` without control characters (ASCII's and Unicode's: ESC, BEL, DEL, the C1 range),
/// which no reader wants in an article or its title and a page would show raw; a tab
/// stays. Borrowed when there are none, as there nearly always are.
pub(crate) fn without_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let control = |c: char| c.is_control() && c != '\t';
    if s.contains(control) {
        s.chars().filter(|&c| !control(c)).collect::<String>().into()
    } else {
        s.into()
    }
}

/// The nearest character boundary of `text` at or before byte `at` (clamped to its end):
/// where a window of bytes may start or end without cutting a character.
pub(crate) fn floor_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The nearest character boundary of `text` at or after byte `at` (clamped to its end).
pub(crate) fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut i = at.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The character that starts at byte `at` of `text` (`None` at its end), read from one
/// byte where ASCII, as nearly all of a news text is: the loops that read an article a
/// character at a time are cheaper so than through `char_indices`.
pub(crate) fn char_at(text: &str, at: usize) -> Option<char> {
    match *text.as_bytes().get(at)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[at..].chars().next(),
    }
}

/// A short ASCII string folded on the stack by [`fold_ascii`].
pub(crate) struct Folded {
    buf: [u8; 64],
    len: usize,
}

impl Folded {
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).expect("ASCII bytes are UTF-8")
    }
}

/// The bytes of `s` that `keep` keeps, lower-cased, when `s` is short ASCII: word lists
/// and outlet keys are asked at every name, and an allocated copy each time cost more
/// than the look-up. `None` otherwise, for the caller's own Unicode path.
pub(crate) fn fold_ascii(s: &str, keep: impl Fn(u8) -> bool) -> Option<Folded> {
    let mut folded = Folded { buf: [0; 64], len: 0 };
    if s.len() > folded.buf.len() || !s.is_ascii() {
        return None;
    }
    for b in s.bytes().filter(|&b| keep(b)) {
        folded.buf[folded.len] = b.to_ascii_lowercase();
        folded.len += 1;
    }
    Some(folded)
}

/// The share of a text's longer words (more than three letters) that start with a capital,
/// or `None` below three such words: a headline in title case is near 1, prose well below
/// (its verbs and common nouns are lower case).
pub(crate) fn capitalised_share(text: &str) -> Option<f32> {
    let (mut long, mut caps) = (0usize, 0usize);
    for w in text.split_whitespace().filter(|w| w.chars().count() > 3) {
        long += 1;
        caps += usize::from(w.starts_with(char::is_uppercase));
    }
    (long >= 3).then(|| caps as f32 / long as f32)
}

#[cfg(test)]
mod tests {
    use super::fold_ascii;

    #[test]
    fn folds_short_ascii_and_leaves_the_rest_to_the_caller() {
        let lower = |s: &str| fold_ascii(s, |_| true).map(|f| f.as_str().to_string());
        assert_eq!(lower("Harbour-Master").as_deref(), Some("harbour-master"));
        assert_eq!(lower("").as_deref(), Some(""));
        assert_eq!(lower("Zoë"), None);
        assert_eq!(lower(&"a".repeat(65)), None);
        assert_eq!(lower(&"A".repeat(64)), Some("a".repeat(64)));
        let squashed = fold_ascii("The K.T.V. 24", |b| b.is_ascii_alphanumeric());
        assert_eq!(squashed.as_ref().map(|f| f.as_str()), Some("thektv24"));
    }
}
