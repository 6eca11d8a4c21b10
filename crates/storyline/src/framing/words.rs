//! Text units framing compares: an article's title and each of its sentences, as tokens
//! with lower-case forms, stems and whether they are content words.

use std::cell::RefCell;
use std::collections::HashMap;

use rust_stemmers::{Algorithm, Stemmer};

use super::{Part, TextRef};
use crate::entities::lexicon::{is_calendar_word, word_set};
use crate::span::Span;
use crate::text::tokens::{self, Kind};
use crate::Article;

/// Closed-class words (`data/function-words.txt`).
const FUNCTION_WORDS: &str = include_str!("data/function-words.txt");

/// Words for numbers and ranks (`data/number-words.txt`).
const NUMBER_WORDS: &str = include_str!("data/number-words.txt");

/// Whether a lower-case word is a number or rank in words.
pub(crate) fn is_number_word(lower: &str) -> bool {
    word_set!(NUMBER_WORDS).contains(lower)
}

/// Whether a lower-case word is a function word.
pub(crate) fn is_function_word(lower: &str) -> bool {
    word_set!(FUNCTION_WORDS).contains(lower)
}

/// A unit longer than this many tokens is read up to this many: alignment inside a pair
/// of units costs the product of their lengths.
pub(crate) const MAX_UNIT_TOKENS: usize = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokClass {
    /// A word that is not a function word, a number or a calendar word.
    Content,
    /// A function word, a number or a month or weekday name.
    Function,
    /// Punctuation and quotation marks.
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte span in the unit's text (the title, or the article's body).
    pub span: Span,
    pub lower: String,
    pub stem: String,
    pub class: TokClass,
    /// A number, or a month or weekday name: never part of a term.
    pub numeric: bool,
}

/// A title or a sentence of one article.
#[derive(Debug)]
pub(crate) struct Unit {
    /// Index of the article in the story's list.
    pub article: usize,
    /// Index of the article's outlet in the story's outlets.
    pub outlet: usize,
    pub part: Part,
    pub toks: Vec<Tok>,
}

impl Unit {
    /// A reference to tokens `first..=last` of this unit.
    pub fn text_ref(&self, articles: &[&Article], first: usize, last: usize) -> TextRef {
        TextRef {
            article: articles[self.article].id.clone(),
            part: self.part,
            span: Span::new(self.toks[first].span.start, self.toks[last].span.end),
        }
    }
}

thread_local! {
    static STEMMER: RefCell<(Stemmer, HashMap<String, String>)> =
        RefCell::new((Stemmer::create(Algorithm::English), HashMap::new()));
}

/// The English Snowball stem of a lower-case word (cached per thread, up to 50,000 words).
pub(crate) fn stem(lower: &str) -> String {
    STEMMER.with(|s| {
        let (stemmer, cache) = &mut *s.borrow_mut();
        if let Some(s) = cache.get(lower) {
            return s.clone();
        }
        let st = stemmer.stem(lower).into_owned();
        if cache.len() < 50_000 {
            cache.insert(lower.to_string(), st.clone());
        }
        st
    })
}

/// Lower-case form of a word, curly apostrophes made straight.
pub(crate) fn lower(word: &str) -> String {
    word.to_lowercase().replace('’', "'")
}

/// The tokens of `text[range]`, at most [`MAX_UNIT_TOKENS`].
pub(crate) fn tokens_of(text: &str, range: Span) -> Vec<Tok> {
    tokens::tokenize(text, range)
        .into_iter()
        .take(MAX_UNIT_TOKENS)
        .map(|t| {
            let surface = t.text(text);
            let lower = lower(surface);
            let numeric = matches!(t.kind, Kind::Number)
                || lower.chars().any(|c| c.is_ascii_digit())
                || is_calendar_word(surface)
                || is_number_word(&lower);
            let class = match t.kind {
                Kind::Quote { .. } | Kind::Punct => TokClass::Punct,
                _ if numeric || is_function_word(&lower) => TokClass::Function,
                _ if !lower.chars().any(char::is_alphabetic) => TokClass::Punct,
                _ => TokClass::Content,
            };
            let stem = if class == TokClass::Content {
                stem(&lower)
            } else {
                lower.clone()
            };
            Tok {
                span: t.span,
                lower,
                stem,
                class,
                numeric,
            }
        })
        .collect()
}

/// The units of the articles: each title, then each sentence of the body, with the
/// outlet index `outlet_of[article]`; articles with no outlet (`None`) give no units.
pub(crate) fn units(articles: &[&Article], outlet_of: &[Option<usize>]) -> Vec<Unit> {
    let mut out = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        let Some(outlet) = outlet_of[i] else { continue };
        if let Some(t) = a.title.as_deref() {
            out.push(Unit {
                article: i,
                outlet,
                part: Part::Title,
                toks: tokens_of(t, Span::new(0, t.len())),
            });
        }
        for s in &a.sentences {
            if s.slice(&a.text).is_none() {
                continue;
            }
            out.push(Unit {
                article: i,
                outlet,
                part: Part::Body,
                toks: tokens_of(&a.text, *s),
            });
        }
    }
    out
}

/// Content words of a text as lower-case unigrams and bigrams of adjacent content words
/// (for log-odds): calls `f(gram, order)` for each.
pub(crate) fn grams(text: &str, mut f: impl FnMut(&str, usize)) {
    let toks = tokens::tokenize(text, Span::new(0, text.len()));
    let mut prev: Option<String> = None;
    for t in toks {
        let surface = t.text(text);
        let l = lower(surface);
        let content = matches!(t.kind, Kind::Word)
            && l.chars().any(char::is_alphabetic)
            && !is_function_word(&l)
            && !is_calendar_word(surface)
            && !is_number_word(&l)
            && !l.chars().any(|c| c.is_ascii_digit());
        if !content {
            prev = None;
            continue;
        }
        f(&l, 1);
        if let Some(p) = &prev {
            f(&format!("{p} {l}"), 2);
        }
        prev = Some(l);
    }
}

/// Whether the list has no repeated entry (for the data test).
#[cfg(test)]
pub(crate) fn lists_unique() -> bool {
    [FUNCTION_WORDS, NUMBER_WORDS].into_iter().all(|list| {
        let all: Vec<&str> = crate::entities::lexicon::entries(list).collect();
        let set: std::collections::HashSet<&str> = all.iter().copied().collect();
        set.len() == all.len()
    })
}
