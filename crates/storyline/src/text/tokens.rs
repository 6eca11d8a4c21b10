//! Tokens: words, numbers, punctuation and quotation marks, as byte spans into the text.
//!
//! Words keep inner apostrophes, hyphens and dots ("don't", "al-Assad", "U.S."), and a
//! trailing dot when the word is a known abbreviation or an initial ("Sen.", "F."), so later
//! stages can match titles. Quotation marks are their own tokens with a direction guessed
//! from their neighbours: curly marks say it themselves; a straight `"` opens after
//! whitespace or an opening bracket and closes otherwise.

use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    /// A quotation mark; `open` is the guessed direction.
    Quote {
        open: bool,
    },
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: Kind,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.span.start..self.span.end]
    }
}

/// Double quotation marks (single marks double as apostrophes, so only these delimit quotes).
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '«' | '»' | '„')
}

/// The Penn Treebank escapes of brackets, written between dashes in tokenised text.
const PTB_ESCAPES: [&str; 6] = ["LRB", "RRB", "LSB", "RSB", "LCB", "RCB"];

/// The length of a bracket escape with its dashes ("-LRB-").
const PTB_ESCAPE_LEN: usize = 5;

/// Whether `s` starts with a bracket escape ("-LRB-").
pub(crate) fn starts_with_ptb_escape(s: &str) -> bool {
    s.get(..PTB_ESCAPE_LEN).is_some_and(|e| {
        e.starts_with('-') && e.ends_with('-') && PTB_ESCAPES.contains(&&e[1..PTB_ESCAPE_LEN - 1])
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Tokens of `text[range]`, with spans into `text`.
pub fn tokenize(text: &str, range: Span) -> Vec<Token> {
    let s = &text[range.start..range.end];
    let mut out = Vec::with_capacity(s.len() / 5);
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let start = range.start + i;
        // Rule `ptb_bracket_escapes`: tokenised corpora write brackets as "-LRB-" and
        // "-RRB-" (Penn Treebank escapes); each is one bracket, not a word between dashes
        // (the "RRB" of every such article was a name shared across unrelated stories).
        if c == '-' && starts_with_ptb_escape(&s[i..]) {
            // The escape is ASCII: one char a byte.
            for _ in 1..PTB_ESCAPE_LEN {
                it.next();
            }
            out.push(Token {
                span: Span::new(start, start + PTB_ESCAPE_LEN),
                kind: Kind::Punct,
            });
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let mut numeric = c.is_ascii_digit();
            while let Some(&(j, d)) = it.peek() {
                if is_word_char(d) {
                    numeric &= d.is_ascii_digit();
                    end = j + d.len_utf8();
                    it.next();
                    continue;
                }
                // Inner joiners: a letter or digit must follow.
                if matches!(d, '\'' | '’' | '-' | '.' | ',' | '‑') {
                    let next = s[j + d.len_utf8()..].chars().next();
                    let joins = next.is_some_and(is_word_char)
                        && match d {
                            ',' => numeric && next.is_some_and(|n| n.is_ascii_digit()),
                            '.' => next.is_some_and(|n| n.is_alphanumeric()),
                            _ => true,
                        };
                    if joins {
                        end = j + d.len_utf8();
                        it.next();
                        continue;
                    }
                }
                break;
            }
            // A trailing dot belongs to initials and abbreviations ("F.", "Sen.", "U.S.").
            if let Some(&(j, '.')) = it.peek() {
                let word = &s[i..end];
                if is_abbreviation(word) {
                    end = j + 1;
                    it.next();
                }
            }
            out.push(Token {
                span: Span::new(start, range.start + end),
                kind: if numeric { Kind::Number } else { Kind::Word },
            });
            continue;
        }
        // Two apostrophes or backticks stand for a double quote in some wire styles.
        if matches!(c, '\'' | '`') && it.peek().is_some_and(|&(_, d)| d == c) {
            it.next();
            let prev = s[..i].chars().next_back();
            let open =
                c == '`' || prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
            out.push(Token {
                span: Span::new(start, start + 2),
                kind: Kind::Quote { open },
            });
            continue;
        }
        let end = range.start + i + c.len_utf8();
        // British style quotes with single curly marks: ‘…’. An opening mark stands before a
        // word; a closing one after it, unless it is a plural possessive ("the workers’
        // money": after an s, before a word that is not a function word).
        if c == '‘' || c == '’' || c == '\'' {
            let prev = s[..i].chars().next_back();
            let rest = s[i + c.len_utf8()..].trim_start();
            let next = s[i + c.len_utf8()..].chars().next();
            let at_start =
                prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '"' | '“'));
            // A straight mark opens only before a letter ("'90s" is a decade).
            let opens = match c {
                '‘' => next.is_some_and(|n| !n.is_whitespace()),
                '\'' => at_start && next.is_some_and(char::is_alphabetic),
                _ => false,
            };
            let kind = if c == '‘' || opens {
                if at_start && opens {
                    Kind::Quote { open: true }
                } else {
                    Kind::Punct
                }
            } else {
                let next_word: String = rest.chars().take_while(|ch| ch.is_alphabetic()).collect();
                let possessive = prev.is_some_and(|p| p == 's' || p == 'S')
                    && next.is_some_and(char::is_whitespace)
                    && next_word.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(
                        next_word.as_str(),
                        "and"
                            | "or"
                            | "but"
                            | "to"
                            | "in"
                            | "on"
                            | "at"
                            | "for"
                            | "of"
                            | "as"
                            | "is"
                            | "was"
                            | "were"
                            | "are"
                            | "that"
                            | "which"
                            | "he"
                            | "she"
                            | "they"
                            | "it"
                            | "we"
                            | "from"
                            | "with"
                            | "by"
                            | "said"
                            | "says"
                            | "added"
                            | "told"
                            | "wrote"
                    );
                if prev.is_some_and(|p| !p.is_whitespace()) && !possessive {
                    Kind::Quote { open: false }
                } else {
                    Kind::Punct
                }
            };
            out.push(Token {
                span: Span::new(start, end),
                kind,
            });
            continue;
        }
        let kind = if is_double_quote(c) {
            let prev = s[..i].chars().next_back();
            let next = s[i + c.len_utf8()..].chars().next();
            let open = match c {
                '“' | '«' | '„' => true,
                '”' | '»' => false,
                _ => {
                    let after_space =
                        prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–'));
                    let before_space = next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation());
                    after_space || !before_space && prev.is_some_and(|p| matches!(p, ':' | ','))
                }
            };
            Kind::Quote { open }
        } else {
            Kind::Punct
        };
        out.push(Token {
            span: Span::new(start, end),
            kind,
        });
    }
    out
}

/// Initials, dotted acronyms and the abbreviations news text writes with a dot (the
/// sentence splitter's list).
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    // Dotted acronyms: "U.S", "D.C" (the last dot is added by the caller).
    if word.len() <= 6 && word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        return true;
    }
    crate::text::segment::is_abbreviation(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, Kind)> {
        tokenize(s, Span::new(0, s.len()))
            .into_iter()
            .map(|t| (t.text(s), t.kind))
            .collect()
    }

    #[test]
    fn words_keep_joiners_and_titles_keep_dots() {
        let t = toks("Sen. al-Assad's U.S. deal, worth 1,200.5 don’t.");
        let words: Vec<_> = t.iter().map(|x| x.0).collect();
        assert_eq!(
            words,
            [
                "Sen.",
                "al-Assad's",
                "U.S.",
                "deal",
                ",",
                "worth",
                "1,200.5",
                "don’t",
                "."
            ]
        );
        assert_eq!(t[6].1, Kind::Number);
    }

    /// Rule `ptb_bracket_escapes`.
    #[test]
    fn treebank_bracket_escapes_are_one_bracket_each() {
        let t =
            toks("Tollbridge -LRB- NWA -RRB- - Ferries -LSB- sic -RSB- ran; the RRB-7 mill and -LRBX- stay.");
        let words: Vec<_> = t.iter().filter(|x| x.1 == Kind::Word).map(|x| x.0).collect();
        assert_eq!(
            words,
            [
                "Tollbridge",
                "NWA",
                "Ferries",
                "sic",
                "ran",
                "the",
                "RRB-7",
                "mill",
                "and",
                "LRBX",
                "stay"
            ]
        );
        let puncts: Vec<_> = t.iter().filter(|x| x.1 == Kind::Punct).map(|x| x.0).collect();
        assert_eq!(
            puncts,
            ["-LRB-", "-RRB-", "-", "-LSB-", "-RSB-", ";", "-", "-", "."]
        );
    }

    #[test]
    fn quote_directions() {
        let t = toks("He said: \"Yes,\" and “no” (\"maybe\") ''so,'' ``there''.");
        let q: Vec<_> = t
            .iter()
            .filter_map(|x| match x.1 {
                Kind::Quote { open } => Some(open),
                _ => None,
            })
            .collect();
        assert_eq!(
            q,
            [true, false, true, false, true, false, true, false, true, false]
        );
    }

    #[test]
    fn single_curly_quotes_and_apostrophes() {
        let t = toks("‘It’s the workers’ money,’ she said, calling it ‘unfair’ and ‘late’.");
        let marks: Vec<_> = t
            .iter()
            .filter(|x| x.0 == "‘" || x.0 == "’")
            .map(|x| (x.0, x.1))
            .collect();
        assert_eq!(
            marks,
            [
                ("‘", Kind::Quote { open: true }),
                ("’", Kind::Punct),
                ("’", Kind::Quote { open: false }),
                ("‘", Kind::Quote { open: true }),
                ("’", Kind::Quote { open: false }),
                ("‘", Kind::Quote { open: true }),
                ("’", Kind::Quote { open: false }),
            ]
        );
        assert!(t.iter().any(|x| x.0 == "It’s"));
    }

    #[test]
    fn straight_single_quotes() {
        let quotes = |s: &str| -> Vec<bool> {
            toks(s)
                .iter()
                .filter_map(|x| match x.1 {
                    Kind::Quote { open } => Some(open),
                    _ => None,
                })
                .collect()
        };
        assert_eq!(quotes("'We will not wait,' she said."), [true, false]);
        assert_eq!(
            quotes("Critics called it 'reckless' and 'late'."),
            [true, false, true, false]
        );
        // Apostrophes: a decade, a plural possessive, a contraction.
        assert!(quotes("In the '90s the Joneses' house didn't sell.").is_empty());
    }
}
