//! Loaded wording (lexical bias): the words in a writer's own voice whose choice grades or
//! colours what they report — "slammed" for "criticised", "the regime" for "the
//! government" — as media-bias research separates it from
//! informational bias (what is chosen to be said; see [`super::exclusive`]).
//!
//! Rule `loaded_word`: a word or phrase of the cue list (`data/loaded-words.txt`, classes
//! [`Cue`]) outside quotation marks, double or single — what a quoted speaker says is
//! theirs, not the outlet's — and not part of a name ("Amnesty International"). (Scare quotes — a word the writer puts in quotation marks to keep a distance
//! — were tried and removed: on the labelled set a short unattributed quotation is far
//! more often a speaker's word quoted without its speaker in the same sentence.)

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use super::words::lower;
use super::{OutletCount, Part, Story, TextRef};
use crate::span::Span;
use crate::text::tokens::{self, Kind};
use crate::Article;

/// The cue list: a class, a tab, a lower-case word or phrase.
const LOADED_WORDS: &str = include_str!("data/loaded-words.txt");

/// What kind of loaded wording a use is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cue {
    /// A loaded name for a person, group, act or policy ("the regime", "power grab").
    Label,
    /// A word that grades what it describes ("disastrous", "baseless").
    Evaluative,
    /// A word that inflates size, force or certainty ("massive", "skyrocketing").
    Intensifier,
    /// A verb of saying or acting that colours its subject ("slammed", "caved").
    Verb,
    /// The writer's own hedge or presupposition ("allegedly", "even though").
    Doubt,
}

impl Cue {
    fn parse(s: &str) -> Option<Cue> {
        Some(match s {
            "label" => Cue::Label,
            "evaluative" => Cue::Evaluative,
            "intensifier" => Cue::Intensifier,
            "verb" => Cue::Verb,
            "doubt" => Cue::Doubt,
            _ => return None,
        })
    }
}

/// One loaded word or phrase in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadedUse {
    pub at: TextRef,
    /// Lower-case form.
    pub term: String,
    pub cue: Cue,
}

/// A loaded word one outlet uses in the story, with how often and where first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LoadedTerm {
    pub term: String,
    pub cue: Cue,
    pub count: usize,
    /// Uses of the same word by the other outlets of the story, per outlet.
    pub others: Vec<OutletCount>,
    pub example: TextRef,
}

/// The cue list as a map from a phrase's first word to its phrases (as word lists).
struct Lexicon {
    by_first: HashMap<&'static str, Vec<(Vec<&'static str>, Cue)>>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut by_first: HashMap<&'static str, Vec<(Vec<&'static str>, Cue)>> = HashMap::new();
    for line in LOADED_WORDS.lines().filter(|l| !l.starts_with('#')) {
        let Some((class, phrase)) = line.split_once('\t') else {
            continue;
        };
        let (Some(cue), words) = (
            Cue::parse(class.trim()),
            phrase.split_whitespace().collect::<Vec<_>>(),
        ) else {
            continue;
        };
        if let Some(&first) = words.first() {
            by_first.entry(first).or_default().push((words, cue));
        }
    }
    // Longest phrase first, so that "lashed out" wins over a one-word entry.
    for v in by_first.values_mut() {
        v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    }
    Lexicon { by_first }
});

/// The loaded wording of one text (a title or a body): (byte span, lower-case term, cue).
pub(crate) fn loaded_in(text: &str) -> Vec<(Span, String, Cue)> {
    // The regions come in text order and do not overlap: the one that could hold a span
    // is the last starting at or before it (a binary search, so that a text of many short
    // quotations costs no more than a plain one).
    let quoted = crate::time::quoted_regions(text);
    let single = single_quoted(text);
    let within = |regions: &[Span], s: Span| {
        let k = regions.partition_point(|q| q.start <= s.start);
        k > 0 && s.end <= regions[k - 1].end
    };
    let inside = |s: Span| within(&quoted, s) || within(&single, s);
    let title_case = title_case(text);
    let (toks, runs) = cue_runs(text);
    runs.into_iter()
        .filter_map(|(i, len, cue)| {
            let span = Span::new(toks[i].span.start, toks[i + len - 1].span.end);
            (!inside(span) && (title_case || !in_a_name(text, &toks, i, len)))
                .then(|| (span, without_possessive(lower(&text[span.start..span.end])), cue))
        })
        .collect()
}

/// The tokens of `text` and the runs of them that are entries of the cue list (rule
/// `loaded_word`, longest first, left to right): (first token, tokens, cue).
fn cue_runs(text: &str) -> (Vec<tokens::Token>, Vec<(usize, usize, Cue)>) {
    let toks = tokens::tokenize(text, Span::new(0, text.len()));
    let words: Vec<Option<String>> = toks
        .iter()
        .map(|t| matches!(t.kind, Kind::Word).then(|| without_possessive(lower(t.text(text)))))
        .collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match loaded_word(&words, i) {
            Some((len, cue)) => {
                runs.push((i, len, cue));
                i += len;
            }
            None => i += 1,
        }
    }
    (toks, runs)
}

/// A lower-case word without its possessive ending ("regime's" → "regime"): the cue list
/// holds the bare word, and "the regime's forces" uses it as much as "the regime".
fn without_possessive(mut w: String) -> String {
    if w.len() > 2 && w.ends_with("'s") {
        w.truncate(w.len() - 2);
    }
    w
}

/// Stretches in single curly quotation marks (‘…’, British headline style), marks
/// included: a ‘ after a space, a bracket or the start, closed by the next ’ not followed by
/// a letter ("don’t" is an apostrophe), on the same line.
fn single_quoted(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match c {
            '‘' if text[..i].ends_with(|p: char| p.is_whitespace() || "([{\"“".contains(p)) || i == 0 => {
                open = Some(i);
            }
            '’' => {
                let letter_after = text[i + c.len_utf8()..].starts_with(char::is_alphabetic);
                if let (Some(o), false) = (open, letter_after) {
                    out.push(Span::new(o, i + c.len_utf8()));
                    open = None;
                }
            }
            '\n' => open = None,
            _ => {}
        }
    }
    out
}

/// Whether most longer words of a text are capitalised (a headline in title case, where a
/// capital says nothing about a name).
fn title_case(text: &str) -> bool {
    crate::text::capitalised_share(text).is_some_and(|s| s >= 0.8)
}

/// Whether the match at tokens `i..i + len` is part of a name: capitalised within a
/// sentence, or capitalised with a capitalised word right after it ("Amnesty
/// International", "the Insurrection Act", "the Socialist Party") — the guidelines leave
/// standard names alone.
fn in_a_name(text: &str, toks: &[tokens::Token], i: usize, len: usize) -> bool {
    let capital = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.kind, Kind::Word) && t.text(text).starts_with(char::is_uppercase))
    };
    if !capital(i) {
        return false;
    }
    let sentence_start = i == 0
        || toks[i - 1].kind != Kind::Word
            && matches!(toks[i - 1].text(text), "." | "!" | "?" | ":" | "\"" | "“");
    !sentence_start || capital(i + len)
}

/// Rule `loaded_word`: the longest entry of the cue list starting at word `i`, as its
/// length in tokens and its class.
fn loaded_word(words: &[Option<String>], i: usize) -> Option<(usize, Cue)> {
    let first = words[i].as_deref()?;
    let entries = LEXICON.by_first.get(first)?;
    entries.iter().find_map(|(phrase, cue)| {
        let fits = phrase.len() <= words.len() - i
            && phrase
                .iter()
                .zip(&words[i..])
                .all(|(p, w)| w.as_deref() == Some(*p));
        fits.then_some((phrase.len(), *cue))
    })
}

/// The entries of the cue list in a short phrase (a role written before a name: "hard-line
/// senator"), lower-cased, in order; quotation marks and names are not looked at.
pub(crate) fn cues_in_phrase(phrase: &str) -> Vec<String> {
    let (toks, runs) = cue_runs(phrase);
    runs.into_iter()
        .map(|(i, len, _)| lower(&phrase[toks[i].span.start..toks[i + len - 1].span.end]))
        .collect()
}

/// Every loaded use of one article: its title, then its body.
pub fn loaded_uses(article: &Article) -> Vec<LoadedUse> {
    let title = article.title.as_deref().map(|t| (Part::Title, t));
    title
        .into_iter()
        .chain([(Part::Body, article.text.as_str())])
        .flat_map(|(part, text)| {
            loaded_in(text)
                .into_iter()
                .map(move |(span, term, cue)| LoadedUse {
                    at: TextRef {
                        article: article.id.clone(),
                        part,
                        span,
                    },
                    term,
                    cue,
                })
        })
        .collect()
}

/// One loaded term across the outlets of a story: its class, uses per outlet and each
/// outlet's first use.
struct Tally {
    cue: Cue,
    counts: Vec<usize>,
    examples: Vec<Option<TextRef>>,
}

/// Each outlet's loaded terms in the story, most used first, with the other outlets'
/// uses of the same word beside them.
pub(crate) fn by_outlet(story: &Story<'_>) -> Vec<Vec<LoadedTerm>> {
    let n = story.outlets.len();
    let mut terms: HashMap<String, Tally> = HashMap::new();
    for (o, a) in story.with_outlets() {
        for u in loaded_uses(a) {
            let e = terms.entry(u.term).or_insert_with(|| Tally {
                cue: u.cue,
                counts: vec![0; n],
                examples: vec![None; n],
            });
            e.counts[o] += 1;
            if e.examples[o].is_none() {
                e.examples[o] = Some(u.at);
            }
        }
    }
    let mut out: Vec<Vec<LoadedTerm>> = vec![Vec::new(); n];
    for (
        term,
        Tally {
            cue,
            counts,
            examples,
        },
    ) in terms
    {
        for o in 0..n {
            let Some(example) = examples[o].clone() else {
                continue;
            };
            let others = (0..n)
                .filter(|&p| p != o && counts[p] > 0)
                .map(|p| OutletCount {
                    outlet: story.outlets[p].clone(),
                    count: counts[p],
                })
                .collect();
            out[o].push(LoadedTerm {
                term: term.clone(),
                cue,
                count: counts[o],
                others,
                example,
            });
        }
    }
    for list in &mut out {
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.term.cmp(&b.term)));
    }
    out
}

/// Whether every entry of the cue list has a known class and appears once (data test).
#[cfg(test)]
pub(crate) fn list_is_clean() -> bool {
    let mut seen = std::collections::HashSet::new();
    LOADED_WORDS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .all(|l| {
            l.split_once('\t')
                .is_some_and(|(c, p)| Cue::parse(c).is_some() && p == p.to_lowercase() && seen.insert(p))
        })
}
