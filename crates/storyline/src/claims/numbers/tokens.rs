//! Tokens for the number recogniser: words (letters), digit runs and single symbols, with
//! byte spans; whitespace between them is skipped. URLs are skipped whole.

use crate::text::char_at;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Digits,
    Sym,
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Where the token's lowercase form sits in `Tokens::lower`.
    lo: u32,
    hi: u32,
}

pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: Vec<Token>,
    lower: String,
}

fn url_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let starts = |p: &[u8]| b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p);
    if starts(b"http://") || starts(b"https://") || starts(b"www.") {
        Some(rest.find(char::is_whitespace).unwrap_or(rest.len()))
    } else {
        None
    }
}

impl<'a> Tokens<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut toks = Vec::with_capacity(text.len() / 4);
        let mut lower = String::with_capacity(text.len());
        let mut at = 0;
        while let Some(c) = char_at(text, at) {
            let start = at;
            at += c.len_utf8();
            if c.is_whitespace() {
                continue;
            }
            if (c == 'h' || c == 'H' || c == 'w' || c == 'W') && url_len(&text[start..]).is_some() {
                at = start + url_len(&text[start..]).unwrap_or(0);
                continue;
            }
            let kind = if c.is_alphabetic() {
                Kind::Word
            } else if c.is_ascii_digit() {
                Kind::Digits
            } else {
                Kind::Sym
            };
            if kind != Kind::Sym {
                while let Some(d) = char_at(text, at) {
                    let same = if kind == Kind::Word {
                        d.is_alphabetic()
                    } else {
                        d.is_ascii_digit()
                    };
                    if !same {
                        break;
                    }
                    at += d.len_utf8();
                }
            }
            let end = at;
            let lo = lower.len();
            let w = &text[start..end];
            if kind == Kind::Word && !w.is_ascii() {
                for ch in w.chars() {
                    lower.extend(ch.to_lowercase());
                }
            } else {
                lower.push_str(w);
                lower[lo..].make_ascii_lowercase();
            }
            toks.push(Token {
                kind,
                start,
                end,
                lo: lo as u32,
                hi: lower.len() as u32,
            });
        }
        Tokens { text, toks, lower }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    /// The token's text, lowercased when it is a word; "" past the last token.
    pub(crate) fn lower(&self, i: usize) -> &str {
        // Past the last token, nothing: rules look one or two tokens ahead ("doubled" at
        // the very end of a text has no next word).
        self.toks
            .get(i)
            .map_or("", |t| &self.lower[t.lo as usize..t.hi as usize])
    }

    /// The token's text as written; "" past the last token.
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub(crate) fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn is_word(&self, i: usize, w: &str) -> bool {
        self.kind(i) == Some(Kind::Word) && self.lower(i) == w
    }

    pub(crate) fn is_sym(&self, i: usize, set: &[char]) -> bool {
        self.kind(i) == Some(Kind::Sym) && self.raw(i).chars().next().is_some_and(|c| set.contains(&c))
    }

    /// Token `i` follows token `i - 1` with nothing between them.
    pub(crate) fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    /// The text between tokens `i - 1` and `i` is one plain space (or a no-break space).
    pub(crate) fn one_space(&self, i: usize) -> bool {
        i > 0
            && i < self.toks.len()
            && matches!(
                &self.text[self.toks[i - 1].end..self.toks[i].start],
                " " | "\u{a0}" | "\u{202f}" | "\u{2009}"
            )
    }

    /// The token that starts at byte `start`, if one does.
    pub(crate) fn starting_at(&self, start: usize) -> Option<usize> {
        let k = self.first_from(start);
        (self.toks.get(k)?.start == start).then_some(k)
    }

    /// The first token that starts at or after byte `from` (`len()` if none does).
    pub(crate) fn first_from(&self, from: usize) -> usize {
        self.toks.partition_point(|t| t.start < from)
    }

    /// Between byte `from` and token `k` there are only spaces (or none).
    pub(crate) fn spaces_between(&self, from: usize, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| {
            self.text
                .get(from..t.start)
                .is_some_and(|gap| gap.chars().all(|c| matches!(c, ' ' | '\u{a0}')))
        })
    }

    /// Between tokens `i - 1` and `i` there are only spaces (or none).
    pub(crate) fn spaces_before(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.spaces_between(self.toks[i - 1].end, i)
    }

    /// Tokens `i - 1` and `i` are on one line.
    pub(crate) fn same_line(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && !self.text[self.toks[i - 1].end..self.toks[i].start].contains('\n')
    }

    /// The longest phrase of at most `max` tokens from `i`, on one line, that `known`
    /// accepts (its lower-case words joined by single spaces), with the token after it.
    /// The scan stops at a key that is no prefix of a table phrase (`lexicon().prefixes`).
    pub(crate) fn longest_phrase<T>(
        &self,
        i: usize,
        max: usize,
        mut known: impl FnMut(&str) -> Option<T>,
    ) -> Option<(T, usize)> {
        let prefixes = &super::lexicon::lexicon().prefixes;
        let mut key = String::new();
        let mut found = None;
        for k in i..(i + max).min(self.len()) {
            if k > i {
                if !self.same_line(k) || !prefixes.contains(&key) {
                    break;
                }
                key.push(' ');
            }
            key.push_str(self.lower(k));
            if let Some(x) = known(&key) {
                found = Some((x, k + 1));
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_digits_and_symbols_and_skips_urls() {
        let t = Tokens::new("Über 3,5km see https://x.org/a?b=30%25 then");
        let words: Vec<&str> = (0..t.len()).map(|i| t.lower(i)).collect();
        assert_eq!(words, ["über", "3", ",", "5", "km", "see", "then"]);
        assert!(t.glued(2) && t.glued(4) && !t.glued(5));
    }
}
