//! Figures: the quantities an article states as claims, each with what it measures, where,
//! as of when and who is cited.
//!
//! A quantity is not a figure when it is an age or an ordinal, when it lies inside a time
//! expression ("a 48-hour ceasefire", "nearly six years", "2016"), when it is part of a
//! name or code ("F-16", "COVID-19", "Resolution 2254", "200-level": the number recogniser
//! does not read those as quantities), a list number at the
//! start of a paragraph, or a score ("won 3-1"); nor is a lone "one" that counts no measure
//! (see [`FigureRule`]). A bare number with nothing said of what it counts is a figure
//! without `measured`: it is reported, and left out of the measures tracked across a story.

use serde::{Deserialize, Serialize};

use super::quantity::{Bound, Qualifier, Quantity, QuantityKind, Unit};
use crate::article::Article;
use crate::entities::lexicon::{entries, word_set};
use crate::entities::EntityKind;
use crate::span::Span;
use crate::text::tokens::{tokenize, Kind, Token};
use crate::time::{TimeValue, TimexType};

const MEASURES: &str = include_str!("data/measures.txt");
const LEAD_WORDS: &str = include_str!("data/lead-words.txt");
const CITE_WORDS: &str = include_str!("data/cite-words.txt");
const SCOPES: &str = include_str!("data/scopes.txt");
const SCORE_WORDS: &str = include_str!("data/score-words.txt");
const IRREGULAR_PLURALS: &str = include_str!("data/irregular-plurals.txt");
const VERB_ADVERBS: &str = include_str!("data/verb-adverbs.txt");
const HYPHEN_NOT_COUNTED: &str = include_str!("data/hyphen-not-counted.txt");
const COMPASS_POINTS: &str = include_str!("data/compass-points.txt");
const PLACE_PARTICLES: &str = include_str!("data/place-particles.txt");
const EARLIER_VALUE_LEADS: &str = include_str!("data/earlier-value-leads.txt");
const WHOLE_DETERMINERS: &str = include_str!("data/whole-determiners.txt");
const CHANGING_VERBS: &str = include_str!("data/changing-verbs.txt");

/// A quantitative claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// The quantity as written, qualifier and unit included.
    pub span: Span,
    pub text: String,
    /// Index into the record's `sentences`.
    pub sentence: usize,
    pub kind: QuantityKind,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "super::quantity::finite::optional"
    )]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// What is counted or measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured: Option<Measured>,
    /// The first place named in the sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Named>,
    /// The date the figure holds for: the sentence's date, else the publication day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<TimeValue>,
    /// Who the figure is credited to ("according to …", the speaker of the quote it is in).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cited: Option<Named>,
}

impl Figure {
    /// The value for a table: the number in full with its thousands grouped, its
    /// qualifier and its unit ("more than 240,000", "20–30 percent", "about 5,000,000
    /// USD"); the text as written when it has no value or is a share in words ("over
    /// half").
    pub fn value_text(&self) -> String {
        let unit = self
            .unit
            .as_ref()
            .map_or(String::new(), |u| format!(" {}", u.name));
        let q = match self.qualifier.map(Qualifier::words) {
            Some(w) if !w.is_empty() => format!("{w} "),
            _ => String::new(),
        };
        // A share in words ("over half", "two-thirds") reads better as written than as
        // "more than 0.5".
        let share_in_words = self.unit.is_none()
            && self.value.is_some_and(|v| v > 0.0 && v < 1.0)
            && !self.text.bytes().any(|b| b.is_ascii_digit());
        match (self.value, self.low, self.high) {
            _ if share_in_words => self.text.clone(),
            (None, Some(l), Some(h)) if self.qualifier == Some(Qualifier::Vague) => {
                format!("{} ({}–{}){unit}", self.text, grouped(l.value), grouped(h.value))
            }
            (Some(v), _, _) => format!("{q}{}{unit}", grouped(v)),
            (None, Some(l), Some(h)) => format!("{q}{}–{}{unit}", grouped(l.value), grouped(h.value)),
            (None, Some(l), None) => format!("{q}≥{}{unit}", grouped(l.value)),
            (None, None, Some(h)) => format!("{q}≤{}{unit}", grouped(h.value)),
            (None, None, None) => self.text.clone(),
        }
    }

    /// Rule `definite_reference`: a small count spelled out after "the", "these" or "those"
    /// ("the two neighbours", "those three rounds") points back at things already named; it
    /// reports no new quantity, so it is not tracked as a measure across a story. A measure
    /// of the table keeps it ("the three people killed"): a toll is a claim however it is
    /// introduced. `text` is the article's text.
    pub fn refers_back(&self, text: &str) -> bool {
        let small = self
            .value
            .is_some_and(|v| v.fract() == 0.0 && (2.0..=12.0).contains(&v));
        let spelled = self.text.chars().all(|c| c.is_alphabetic() || c == '-');
        let plain = self.qualifier.is_none() && self.unit.is_none();
        let determiner = text
            .get(..self.span.start)
            .and_then(|before| before.trim_end().rsplit(|c: char| !c.is_alphabetic()).next())
            .is_some_and(|w| ["the", "these", "those"].contains(&w.to_lowercase().as_str()));
        let tabled = self
            .measured
            .as_ref()
            .is_some_and(|m| is_table_concept(&m.concept));
        small && spelled && plain && determiner && !tabled
    }
}

/// A number for a reader: whole numbers below 10^15 without a fraction, the digits of
/// the whole part in groups of three ("240,000", "1,250.5", "0.25", "-3,000").
fn grouped(v: f64) -> String {
    let plain = if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    };
    let (sign, rest) = plain.split_at(usize::from(plain.starts_with('-')));
    let (whole, frac) = rest.split_at(rest.find('.').unwrap_or(rest.len()));
    if !whole.bytes().all(|b| b.is_ascii_digit()) {
        return plain; // "inf", an exponent: as Rust writes it
    }
    let mut out = String::with_capacity(plain.len() + whole.len() / 3);
    out.push_str(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(frac);
    out
}

/// What a figure measures: the words that say it and the concept they name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measured {
    pub span: Span,
    pub text: String,
    /// The measure's key: a concept of `data/measures.txt` ("deaths" for "people killed",
    /// "have died", "death toll"), else the phrase's head noun in the singular.
    pub concept: String,
    /// What it is counted over, when the clause says ("killed in the conflict", "the war
    /// has killed"), read through `data/scopes.txt`: "conflict".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// A name in the text and the article's entity it resolves to, when it does.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Named {
    pub span: Span,
    pub name: String,
    /// The article-local entity id (`e1`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

/// Why a quantity is not a figure: each rule with its reason (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FigureRule {
    /// Ages and ordinals describe, they do not count.
    AgeOrOrdinal,
    /// Inside a date, time or duration, or counted in a unit of time ("three years"): the
    /// time stage owns it.
    TimeExpression,
    /// "1." or "2)" opening a paragraph.
    ListNumber,
    /// "3-1" after a word of winning or losing.
    Score,
    /// A lone "one" ("one reported trouble") that counts no measure of the table: a
    /// pronoun or an article more often than a count.
    LoneOne,
    /// Not within one sentence: there is no sentence to show it by.
    OutsideSentence,
    /// Part of a name, code, phone number or address ("Windows 11", "14 Calder Square").
    NameOrCode,
    /// "half" of a period or an event ("the second half", "a half marathon").
    PartOfPeriod,
    /// A number inside a compound that names a kind of thing ("a three-storey block").
    KindCompound,
    /// The base of a rate, after "per" ("4.2 beds per 1,000 residents"): part of the
    /// rate, not a count of its own.
    RateBase,
}

mod levels;
mod news_units;
mod not_counts;

/// The figures of an analysed article (after the time stage). Linear in the article: the
/// quantities, time expressions, mentions and quotes are all in text order, each sentence
/// is read once, and what does not depend on the figure (its tokens, date, place, the
/// source after "according to") is worked out once per sentence.
pub fn figures(a: &Article) -> Vec<Figure> {
    let mentions = Mentions::of(a);
    let mut out = Vec::new();
    let mut timex = 0;
    let mut current: Option<SentenceCx> = None;
    for q in levels::quantities(&a.text) {
        while timex < a.timexes.len() && a.timexes[timex].span.end <= q.span.start {
            timex += 1;
        }
        // Rule `rate_of_time`: the number itself must be in a time expression; "per day"
        // after "180,000 barrels" (a set of days to the time stage) makes a rate, not a
        // duration.
        let (q, in_time) = match cut_before_time(&a.text, &q, &a.timexes[timex..]) {
            Some(cut) => (cut, false),
            None => {
                let in_time = a.timexes[timex..]
                    .iter()
                    .take_while(|t| t.span.start < q.number.end)
                    .any(|t| t.span.end > q.number.start);
                (q, in_time)
            }
        };
        let sentence = a.sentences.partition_point(|s| s.end <= q.span.start);
        if current.as_ref().is_none_or(|c| c.index != sentence) {
            current = a
                .sentences
                .get(sentence)
                .map(|&span| SentenceCx::new(a, &mentions, sentence, span));
        }
        if let Ok(mut f) = figure(a, current.as_ref(), q, in_time) {
            if let (None, Some(cx), Some(prev)) = (&f.measured, current.as_ref(), out.last()) {
                same_measure_before(&a.text, cx, &mut f, prev);
            }
            out.push(f);
        }
    }
    out
}

/// Rule `same_measure_before`: a figure with no noun of its own after "up from", "down
/// from", "compared with" … (`data/earlier-value-leads.txt`) is the earlier or other value
/// of what the figure before it in the sentence measures, in the same unit ("turnout was
/// 63.5%, up from 58% four years ago"). Written with no unit of its own it measures the
/// same ("revenue of 3.1 billion kroner, up from 2.7 billion": revenue) but keeps no unit,
/// as the unit is the one written with the number (`bench/figures/GUIDELINES.md`).
fn same_measure_before(text: &str, cx: &SentenceCx, f: &mut Figure, prev: &Figure) {
    static LEADS: std::sync::LazyLock<Vec<Vec<&'static str>>> =
        std::sync::LazyLock::new(|| phrases(EARLIER_VALUE_LEADS));
    let unit = |f: &Figure| f.unit.as_ref().map(|u| u.name.clone());
    let unwritten = f.unit.is_none() && f.kind == QuantityKind::Number;
    if prev.sentence != f.sentence || prev.measured.is_none() || (unit(prev) != unit(f) && !unwritten) {
        return;
    }
    let at = cx.tokens.partition_point(|t| t.span.end <= f.span.start);
    if phrase_before(text, &cx.tokens, at, &LEADS) {
        f.measured = prev.measured.clone();
    }
}

/// The phrases of a list file (one a line, `#` lines left out), each as its words.
fn phrases(list: &'static str) -> Vec<Vec<&'static str>> {
    entries(list).map(|p| p.split_whitespace().collect()).collect()
}

/// Whether one of `phrases` is written right before token `at`, case aside.
fn phrase_before(text: &str, tokens: &[Token], at: usize, phrases: &[Vec<&str>]) -> bool {
    phrases.iter().any(|words| {
        at >= words.len()
            && words
                .iter()
                .zip(&tokens[at - words.len()..at])
                .all(|(w, t)| t.kind == Kind::Word && t.text(text).eq_ignore_ascii_case(w))
    })
}

/// Rule `counted_in_time`: a count whose noun, right after it, is a unit of time of the
/// unit table with a word between ("three consecutive years", "two straight nights" — the
/// recogniser reads "three years" alone) is a duration, which the guidelines leave to time
/// expressions.
fn counted_in_time(text: &str, q: &Quantity, measured: Option<&Measured>) -> bool {
    let Some(m) = measured.filter(|m| m.span.start >= q.span.end) else {
        return false;
    };
    let adjacent = text
        .get(q.span.end..m.span.start)
        .is_some_and(|gap| gap.chars().all(char::is_whitespace));
    q.unit.is_none() && adjacent && super::numbers::is_time_unit_word(&m.concept)
}

/// Rule `span_end_in_time`: a bare number that closes a span whose first end is a number
/// and a unit of time, "from" … "to" or "between" … "and" ("cut from 14 years to 10",
/// "between nine months and six"; not "grew in two years to 45,000") is the
/// same kind of duration, which the time stage reads in the first end and the guidelines
/// leave to time expressions. `at` is the number's first token.
fn span_end_in_time(
    text: &str,
    tokens: &[Token],
    at: usize,
    q: &Quantity,
    measured: Option<&Measured>,
) -> bool {
    // A number with its own noun after it counts that ("3 years and 200 people").
    if q.unit.is_some() || at < 3 || measured.is_some_and(|m| m.span.start >= q.span.end) {
        return false;
    }
    let is = |k: usize, w: &str| tokens[k].text(text).eq_ignore_ascii_case(w);
    let opener = if is(at - 1, "to") {
        "from"
    } else if is(at - 1, "and") {
        "between"
    } else {
        return false;
    };
    let lower = |k: usize| tokens[k].text(text).to_lowercase();
    at >= 4
        && is(at - 4, opener)
        && super::numbers::is_time_unit_word(&lower(at - 2))
        && (tokens[at - 3].kind == Kind::Number || super::numbers::is_number_word(&lower(at - 3)))
}

/// Rule `cut_before_time`: a number whose last words open a time expression ("up from
/// $1.5 million four years ago", "two million four years ago") is read again up to where
/// the time expression starts — the time stage owns "four years ago", the figure keeps what
/// comes before it. `timexes` are those that do not end before the quantity; `None` when no
/// time expression starts with a word inside the number, or the words before it are no
/// quantity.
fn cut_before_time(text: &str, q: &Quantity, timexes: &[crate::time::Timex]) -> Option<Quantity> {
    let t = timexes
        .first()
        .filter(|t| q.number.start < t.span.start && t.span.start < q.number.end)?;
    let head = text.get(q.span.start..t.span.start)?;
    // Only a number word opening the time expression after a space: "1,000 days", "15-20
    // weeks", "8-9 March" and "4.05pm" are read whole by the recogniser and left alone.
    let opens_with_word = text[t.span.start..].starts_with(char::is_alphabetic);
    if !head.ends_with(char::is_whitespace) || !opens_with_word {
        return None;
    }
    let mut cut = levels::quantities(head).find(|r| r.span.start == 0)?;
    let by = q.span.start;
    let shift = |s: &mut Span| *s = Span::new(s.start + by, s.end + by);
    shift(&mut cut.span);
    shift(&mut cut.number);
    if let Some(u) = cut.unit.as_mut() {
        shift(&mut u.span);
    }
    if let Some(l) = cut.list.as_mut() {
        shift(l);
    }
    Some(cut)
}

/// The article's entity mentions in text order, with their entity (by index).
struct Mentions {
    all: Vec<(Span, usize)>,
}

impl Mentions {
    fn of(a: &Article) -> Mentions {
        let mut all: Vec<(Span, usize)> = a
            .entities
            .iter()
            .enumerate()
            .flat_map(|(k, e)| e.mentions.iter().map(move |m| (m.span, k)))
            .collect();
        all.sort_unstable();
        Mentions { all }
    }

    /// The mentions that start within `span`, in text order.
    fn within(&self, span: Span) -> &[(Span, usize)] {
        let from = self.all.partition_point(|(s, _)| s.start < span.start);
        let to = self.all.partition_point(|(s, _)| s.start < span.end);
        &self.all[from..to]
    }
}

/// What the figures of one sentence share.
struct SentenceCx {
    index: usize,
    span: Span,
    tokens: Vec<Token>,
    as_of: Option<TimeValue>,
    place: Option<Named>,
    /// The source named after "according to" / "citing", if the sentence has one.
    source: Option<Named>,
    /// A participle clause opening the sentence ("Formed in 2005 by three …, the band
    /// …") and the date it names, which is its figures' and not the sentence's.
    fronted: Option<(Span, TimeValue)>,
}

impl SentenceCx {
    fn new(a: &Article, mentions: &Mentions, index: usize, span: Span) -> SentenceCx {
        let tokens = tokenize(&a.text, span);
        let source = according_to(a, mentions, &tokens);
        SentenceCx {
            index,
            span,
            fronted: fronted_date(a, span),
            as_of: as_of(a, index),
            place: place(a, mentions, span),
            source,
            tokens,
        }
    }
}

/// A quantity made a figure, or the rule that says it is none (`in_time`: it overlaps a
/// time expression; `cx`: the sentence it starts in).
fn figure(a: &Article, cx: Option<&SentenceCx>, q: Quantity, in_time: bool) -> Result<Figure, FigureRule> {
    let text = a.text.as_str();
    if matches!(q.kind, QuantityKind::Age | QuantityKind::Ordinal) {
        return Err(FigureRule::AgeOrOrdinal);
    }
    let duration = q
        .unit
        .as_ref()
        .is_some_and(|u| u.dimension == super::quantity::Dimension::Time);
    if in_time || duration {
        return Err(FigureRule::TimeExpression);
    }
    let Some(cx) = cx.filter(|c| c.span.start <= q.span.start && q.span.end <= c.span.end) else {
        return Err(FigureRule::OutsideSentence);
    };
    if list_number(text, &a.paragraphs, &q) {
        return Err(FigureRule::ListNumber);
    }
    let tokens = &cx.tokens;
    let at = tokens.partition_point(|t| t.span.end <= q.span.start);
    let after = tokens.partition_point(|t| t.span.start < q.span.end);
    if score(text, tokens, at, &q) {
        return Err(FigureRule::Score);
    }
    if let Some(rule) = not_counts::not_a_count(text, tokens, at, after, &q) {
        return Err(rule);
    }
    let measured = measured(text, tokens, at, after, &q);
    if counted_in_time(text, &q, measured.as_ref())
        || span_end_in_time(text, tokens, at, &q, measured.as_ref())
    {
        return Err(FigureRule::TimeExpression);
    }
    let mut q = q;
    news_units::cents_as_currency(&text[cx.span.start..cx.span.end], &mut q);
    news_units::rate_denominator(text, tokens, after, &mut q);
    news_units::vote_tally(text, tokens, at, &mut q);
    news_units::count_rate(text, tokens, measured.as_ref().map(|m| m.span), &mut q);
    // "one of the", "a key step": a lone "one" counts only a measure of the table ("one
    // person was killed").
    let lone_one = q.value == Some(1.0)
        && q.unit.is_none()
        && text[q.number.start..q.number.end]
            .chars()
            .all(char::is_alphabetic);
    if lone_one
        && !only_one_of(text, tokens, at, after)
        && measured.as_ref().is_none_or(|m| !is_table_concept(&m.concept))
    {
        return Err(FigureRule::LoneOne);
    }
    Ok(Figure {
        span: q.span,
        text: text[q.span.start..q.span.end].to_string(),
        sentence: cx.index,
        kind: q.kind,
        value: q.value,
        low: q.low,
        high: q.high,
        qualifier: q.qualifier,
        unit: q.unit,
        measured,
        place: cx.place.clone(),
        as_of: own_date(a, q.span)
            .or_else(|| {
                cx.fronted
                    .as_ref()
                    .filter(|(c, _)| q.span.end <= c.end)
                    .map(|(_, d)| d.clone())
            })
            .or_else(|| cx.as_of.clone()),
        cited: quoted_by(a, q.span).or_else(|| cx.source.clone()),
    })
}

/// "1." or "2)" at the start of a paragraph.
fn list_number(text: &str, paragraphs: &[Span], q: &Quantity) -> bool {
    let starts = paragraphs
        .binary_search_by_key(&q.span.start, |p| p.start)
        .is_ok();
    starts && matches!(text[q.span.end..].chars().next(), Some('.' | ')'))
}

/// "won 3-1", "a 2–0 defeat", "lost 1:3": two small numbers joined by a dash (read as a
/// range) or a colon (read as a ratio) after or before a word of a match; or either number
/// of such a pair when the recogniser read the two apart ("lost 3-1" as 3 and 1).
fn score(text: &str, tokens: &[Token], at: usize, q: &Quantity) -> bool {
    let number = &text[q.number.start..q.number.end];
    let dash = number.contains(['-', '–']) && q.kind == QuantityKind::Range;
    let colon = number.contains(':') && q.kind == QuantityKind::Number;
    // One side of the pair: the number is read from inside a dashed token ("3-1").
    let side = tokens
        .get(at)
        .is_some_and(|t| t.kind == Kind::Number && t.text(text).contains(['-', '–']));
    // A pair with a unit is a measure ("won 3-1" has none; "fell 1-2%" is a range).
    if !(dash || colon || side) || q.unit.is_some() {
        return false;
    }
    tokens[at.saturating_sub(3)..(at + 4).min(tokens.len())]
        .iter()
        .any(|t| word_set!(SCORE_WORDS).contains(lower(t.text(text)).as_str()))
}

fn lower(w: &str) -> String {
    w.to_lowercase()
}

/// The lower-cased word at token `k`, if it is a word.
fn word_at(text: &str, tokens: &[Token], k: usize) -> Option<String> {
    tokens.get(k).filter(|t| is_word(t)).map(|t| lower(t.text(text)))
}

/// A table of "name: word word …" lines (`data/measures.txt`, `data/scopes.txt`): each
/// word's name (the first line that lists it wins) and the names themselves.
struct NameTable {
    of_word: std::collections::HashMap<&'static str, &'static str>,
    /// The singular of each listed plural in "-s" that is not listed itself ("case" for
    /// "cases"), built once so that a look-up allocates nothing.
    of_singular: std::collections::HashMap<&'static str, &'static str>,
    names: std::collections::HashSet<&'static str>,
}

impl NameTable {
    fn read(list: &'static str) -> NameTable {
        let mut t = NameTable {
            of_word: Default::default(),
            of_singular: Default::default(),
            names: Default::default(),
        };
        for (name, words) in entries(list).filter_map(|l| l.split_once(':')) {
            let name = name.trim();
            t.names.insert(name);
            for w in words.split_whitespace() {
                t.of_word.entry(w).or_insert(name);
            }
        }
        for (&w, &name) in &t.of_word {
            if let Some(stem) = w.strip_suffix('s').filter(|s| !s.ends_with('s')) {
                if !t.of_word.contains_key(stem) {
                    t.of_singular.entry(stem).or_insert(name);
                }
            }
        }
        t
    }
}

fn measures() -> &'static NameTable {
    static T: std::sync::LazyLock<NameTable> = std::sync::LazyLock::new(|| NameTable::read(MEASURES));
    &T
}

/// The concept a word names in `data/measures.txt`, trying a plural's singular and a
/// singular's plural too ("one vote", "one new case": the table lists "votes", "cases").
fn concept_of(word: &str) -> Option<&'static str> {
    let w = lower(word);
    let t = &measures().of_word;
    t.get(w.as_str())
        .or_else(|| w.strip_suffix('s').and_then(|s| t.get(s)))
        .or_else(|| measures().of_singular.get(w.as_str()))
        .copied()
}

/// Whether a lower-case word is a plural noun's form (`data/irregular-plurals.txt`, or
/// an "-s" that is no "-ss", "-us" or "-is": "ships", "people"; not "glass" or "status").
pub(in crate::claims) fn plural(w: &str) -> bool {
    word_set!(IRREGULAR_PLURALS).contains(w)
        || (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
}

/// Whether `c` is a concept of `data/measures.txt` (not a head noun standing in for one).
fn is_table_concept(c: &str) -> bool {
    measures().names.contains(c)
}

/// A lower-case plural in "-men" in the singular ("fishermen" → "fisherman",
/// "policewomen" → "policewoman"); `None` for any other word, "specimen", "omen", "stamen"
/// and "bitumen" among them. Shared with the news-figures scorer, which normalises gold and
/// predicted units alike.
pub fn men_singular(w: &str) -> Option<String> {
    if let Some(s) = w.strip_suffix("women") {
        return Some(format!("{s}woman"));
    }
    w.strip_suffix("men")
        .filter(|s| !s.is_empty() && !s.ends_with(['i', 'o', 'a', 'u']))
        .map(|s| format!("{s}man"))
}

fn singular(w: &str) -> String {
    let w = lower(w);
    if let Some(s) = men_singular(&w) {
        return s;
    }
    // "witnesses", "taxes", "crashes", "matches", "branches": the plural's "-es" goes.
    let es = ["sses", "xes", "shes", "tches", "nches", "rches"];
    if w.len() > 3 && w.ends_with("ies") {
        format!("{}y", &w[..w.len() - 3])
    } else if es.iter().any(|e| w.ends_with(e)) {
        w[..w.len() - 2].to_string()
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_string()
    } else {
        w
    }
}

/// Whether the word at byte `at` opens a sentence (a capital there says nothing).
fn opens_sentence(text: &str, at: usize) -> bool {
    text[..at]
        .trim_end_matches(|c: char| matches!(c, ' ' | '\t') || "\"'“‘([".contains(c))
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':' | '\n' | '\r'))
}

fn is_word(t: &Token) -> bool {
    t.kind == Kind::Word
}

/// The eight points of the compass, in lower case (`data/compass-points.txt`).
fn is_compass_point(w: &str) -> bool {
    word_set!(COMPASS_POINTS).contains(w)
}

/// Words that say where right after a figure and are a verb's particle later in its
/// phrase (`data/place-particles.txt`).
fn is_place_particle(w: &str) -> bool {
    word_set!(PLACE_PARTICLES).contains(w)
}

/// What the figure measures: the noun phrase after it ("240,000 people killed", "12% of
/// voters", "$5 million in aid"), or before it the measure it completes ("the death toll
/// rose to 400,000", "killing at least 30"); and what it is counted over ([`scope`]).
fn measured(text: &str, tokens: &[Token], at: usize, after: usize, q: &Quantity) -> Option<Measured> {
    if let Some(span) = count_adjective(text, q) {
        let noun = &text[span.start..span.end];
        return Some(Measured {
            span,
            text: noun.to_string(),
            concept: concept_of(noun).map_or_else(|| lower(noun), str::to_string),
            scope: scope_after(text, tokens, after),
        });
    }
    let right = right_phrase(text, tokens, after, q).or_else(|| tally_side(text, tokens, at, after));
    let left = left_lead(text, tokens, at);
    let right = right.or_else(|| left.is_none().then(|| changed_by(text, tokens, at)).flatten());
    let concept_in = |r: &std::ops::Range<usize>| {
        tokens[r.clone()]
            .iter()
            .filter(|t| is_word(t))
            .find_map(|t| concept_of(t.text(text)))
    };
    let right_concept = right.as_ref().and_then(concept_in);
    let left_concept = left.as_ref().and_then(|(r, _)| concept_in(r));
    // "80 percent of the city": the phrase after "of" is what is measured, whatever the
    // clause before it counts.
    let of_phrase = tokens.get(after).is_some_and(|t| lower(t.text(text)) == "of");
    let (words, concept, lead) = match (right, left) {
        (Some(r), _) if right_concept.is_some() => (r, right_concept, None),
        (Some(r), Some((l, lead))) if left_concept.is_some() && !of_phrase => {
            (r, left_concept, Some((l.start, lead)))
        }
        (Some(r), _) => (r, None, None),
        (None, Some((l, lead))) => {
            let start = l.start;
            (l, left_concept, Some((start, lead)))
        }
        (None, None) => return None,
    };
    let span = Span::new(tokens[words.start].span.start, tokens[words.end - 1].span.end);
    let mut concept = concept.map_or_else(|| head_noun(text, &tokens[words.clone()]), str::to_string);
    if let Some((start, i)) = lead.filter(|&(start, _)| start == words.start) {
        if let Some(m) = lead_modifier(text, tokens, start, i) {
            concept = format!("{m} {concept}");
        }
    }
    // After a phrase on the right, what follows it; after a lead on the left, what follows
    // the number.
    let next = if words.start >= after { words.end } else { after };
    let scope = scope_after(text, tokens, next)
        .or_else(|| lead.and_then(|(start, i)| lead_scope(text, tokens, start, i)));
    Some(Measured {
        span,
        text: text[span.start..span.end].to_string(),
        concept,
        scope,
    })
}

/// A word read through `data/scopes.txt`, else itself in the singular; a capitalised
/// word no row lists is a name and stays as written ("in Aleppo": a scope "Aleppo", shown
/// without an article).
fn scope_word(w: &str) -> String {
    static T: std::sync::LazyLock<NameTable> = std::sync::LazyLock::new(|| NameTable::read(SCOPES));
    let lw = lower(w);
    match T.of_word.get(lw.as_str()) {
        Some(s) => s.to_string(),
        None if w.chars().next().is_some_and(char::is_uppercase) => {
            w.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
        }
        None => singular(&lw),
    }
}

/// Rule `number_no_scope`: a number word heading the phrase ("died in the hundreds",
/// "hundreds have died") says how many, not what the figure is counted over.
fn is_number_word(w: &str) -> bool {
    super::numbers::is_number_word(&lower(w))
}

/// What a figure is counted over, from a phrase after it in its clause: "killed in the
/// conflict", "during the offensive", "in the bombardment of …" (the noun phrase's head).
/// A phrase of time ("in 2016", "in March") is no scope.
fn scope_after(text: &str, tokens: &[Token], from: usize) -> Option<String> {
    let end = (from + 10).min(tokens.len());
    let mut i = from;
    while i < end {
        let t = &tokens[i];
        if t.kind == Kind::Punct || matches!(t.kind, Kind::Quote { .. }) {
            return None;
        }
        if matches!(lower(t.text(text)).as_str(), "in" | "during" | "amid") {
            return np_head(text, tokens, i + 1);
        }
        i += 1;
    }
    None
}

/// The head of the noun phrase starting at token `i`: determiners and possessors skipped,
/// the last word before a preposition, punctuation or a number.
fn np_head(text: &str, tokens: &[Token], mut i: usize) -> Option<String> {
    let mut head: Option<usize> = None;
    for _ in 0..6 {
        let Some(t) = tokens.get(i) else { break };
        let w = t.text(text);
        let lw = lower(w);
        if t.kind == Kind::Number || (head.is_none() && crate::entities::lexicon::is_calendar_word(w)) {
            break;
        }
        if !is_word(t) || (head.is_some() && super::phrase_end(lw.as_str())) || lw == "of" {
            break;
        }
        let possessor = lw.ends_with("'s") || lw.ends_with("’s");
        if !possessor && !super::phrase_end(lw.as_str()) {
            head = Some(i);
        }
        i += 1;
    }
    let h = head?;
    let w = tokens[h].text(text);
    if is_number_word(w) {
        return None;
    }
    let word = scope_word(w);
    if !word.starts_with(char::is_uppercase) {
        return Some(word);
    }
    // A name: its capitalised words, with "the" when it has one ("the Grey Sea").
    let capital = |k: usize| is_word(&tokens[k]) && tokens[k].text(text).starts_with(char::is_uppercase);
    let first = (0..h).rev().take_while(|&k| capital(k)).last().unwrap_or(h);
    let the = first > 0 && lower(tokens[first - 1].text(text)) == "the";
    let from = if the { first - 1 } else { first };
    Some(text[tokens[from].span.start..tokens[h].span.end].to_string())
}

/// Rule `lead_scope`: what a measure named on the left of its number is counted over. A
/// verb's subject ("the war has killed …": [`subject_of`]); a noun's possessor ("the
/// storm's toll reached 90") or a name before it ("the Oakland population"), since the
/// other words before a noun modify it ("the death toll", "the official estimate", "the
/// pre-war population") and say nothing of a scope ([`lead_modifier`]).
fn lead_scope(text: &str, tokens: &[Token], start: usize, lead: usize) -> Option<String> {
    if !lead_is_noun(&lower(tokens[lead].text(text))) {
        return subject_of(text, tokens, lead);
    }
    let before = tokens.get(start.checked_sub(1)?)?;
    let w = before.text(text);
    let owner = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s"));
    // A name before the noun is where it is counted ("the Oakland population").
    let name = (start >= 2 && w.starts_with(char::is_uppercase)).then_some(w);
    let owner = owner.or(name)?;
    (is_word(before) && !owner.is_empty()).then(|| scope_word(owner))
}

/// Rule `lead_modifier`: the word that modifies a measure noun on the left of its number
/// names the measure with it ("the unemployment rate of 4 %", "the prison population of
/// 9,000": "unemployment rate", "prison population"), so that rates of different things
/// are not one measure. Not a determiner, a possessor (a scope: [`lead_scope`]), a number
/// or a name.
fn lead_modifier(text: &str, tokens: &[Token], start: usize, lead: usize) -> Option<String> {
    const DETERMINERS: [&str; 17] = [
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "your",
        "my", "some", "any", "each",
    ];
    if !lead_is_noun(&lower(tokens[lead].text(text))) {
        return None;
    }
    let before = tokens.get(start.checked_sub(1)?)?;
    let w = before.text(text);
    let lw = lower(w);
    let plain = is_word(before)
        && w.starts_with(|c: char| c.is_lowercase())
        && !DETERMINERS.contains(&lw.as_str())
        && !super::phrase_end(lw.as_str())
        && !is_number_word(w)
        && !lw.ends_with("'s")
        && !lw.ends_with("’s");
    plain.then_some(lw)
}

/// Whether a measure word on the left of a number is a noun ("toll", "deaths",
/// "population") rather than a verb ("killed", "killing"): a listed lead noun, or no
/// verb ending.
fn lead_is_noun(w: &str) -> bool {
    word_set!(LEAD_WORDS).contains(w) || !(w.ends_with("ed") || w.ends_with("ing"))
}

/// The subject of a measure verb on the left ("the war has killed …", "the conflict,
/// which began … and has killed …"): the word before its auxiliaries, or the noun a
/// relative "which"/"that" refers back to.
fn subject_of(text: &str, tokens: &[Token], verb: usize) -> Option<String> {
    let aux = ["has", "have", "had", "been", "was", "were", "is", "are"];
    let mut i = verb;
    while i > 0 && {
        let w = lower(tokens[i - 1].text(text));
        aux.contains(&w.as_str()) || is_verb_adverb(&w)
    } {
        i -= 1;
    }
    let before = tokens.get(i.checked_sub(1)?)?;
    let bw = lower(before.text(text));
    if is_word(before) && !super::phrase_end(bw.as_str()) && bw != "and" {
        // "hundreds have died": the subject is the count itself.
        return (!is_number_word(&bw)).then(|| scope_word(&bw));
    }
    let from = i.saturating_sub(12);
    let rel = (from..i)
        .rev()
        .find(|&k| matches!(lower(tokens[k].text(text)).as_str(), "which" | "that"))?;
    let mut k = rel.checked_sub(1)?;
    if tokens[k].kind == Kind::Punct {
        k = k.checked_sub(1)?;
    }
    let t = &tokens[k];
    (is_word(t) && !super::phrase_end(lower(t.text(text)).as_str())).then(|| scope_word(t.text(text)))
}

/// Rule `noun_before_named_place`: a subject ending in a name after "in", "of" or "at"
/// ("Shares in Granvik fell 9 percent", "Prices in Ostmark rose") is measured by the noun
/// before the preposition, not by the name: the name says where or whose. `last` is the
/// subject's last token; returns the noun's.
fn noun_before_named_place(text: &str, tokens: &[Token], last: usize) -> Option<usize> {
    let capitalised = |k: usize| is_word(&tokens[k]) && tokens[k].text(text).starts_with(char::is_uppercase);
    if !capitalised(last) {
        return None;
    }
    let mut first = last;
    while first > 0 && capitalised(first - 1) {
        first -= 1;
    }
    let prep = first.checked_sub(1)?;
    let noun = prep.checked_sub(1)?;
    let nw = tokens[noun].text(text);
    let lowered = lower(nw);
    // A capitalised word there belongs to the name ("the Bank of Ostmark"), unless it
    // opens the sentence.
    let common = !nw.starts_with(char::is_uppercase) || opens_sentence(text, tokens[noun].span.start);
    (matches!(lower(tokens[prep].text(text)).as_str(), "in" | "of" | "at")
        && common
        && is_word(&tokens[noun])
        && !super::phrase_end(lowered.as_str())
        && !is_number_word(&lowered))
    .then_some(noun)
}

/// Rule `tally_side`: the second side of a tally counts what the first counted — "by 214
/// votes to 198", "nine seats to four" — when nothing follows it: the noun between the
/// first number and "to" is its phrase.
fn tally_side(text: &str, tokens: &[Token], at: usize, after: usize) -> Option<std::ops::Range<usize>> {
    let ends = tokens
        .get(after)
        .is_none_or(|t| t.kind == Kind::Punct || super::phrase_end(lower(t.text(text)).as_str()));
    let to = at.checked_sub(1)?;
    let noun = to.checked_sub(1)?;
    let number = noun.checked_sub(1)?;
    let shape = lower(tokens[to].text(text)) == "to"
        && is_word(&tokens[noun])
        && plural(&lower(tokens[noun].text(text)))
        && tokens[number].kind == Kind::Number;
    // "rose 3 points to 412": a change and the level it reached, not a tally.
    let change = number
        .checked_sub(1)
        .is_some_and(|k| super::change_verb(lower(tokens[k].text(text)).as_str()));
    (ends && shape && !change).then_some(noun..noun + 1)
}

/// The last word of a phrase, in the singular: the head of a noun phrase. Rule
/// `named_head`: a capitalised head is a people or a name ("2 million Lorvans", "400
/// NGOs") and stays as written; lower-cased and singularised it would read as the
/// adjective ("lorvan").
fn head_noun(text: &str, words: &[Token]) -> String {
    // "Shares in Granvik": the noun before the place's preposition (rule
    // `noun_before_named_place`).
    let words = match words
        .len()
        .checked_sub(1)
        .and_then(|l| noun_before_named_place(text, words, l))
    {
        Some(noun) => &words[..=noun],
        None => words,
    };
    words
        .iter()
        .rev()
        .find(|t| is_word(t) && !super::phrase_end(lower(t.text(text)).as_str()))
        .map(|t| {
            let w = t.text(text);
            if w.starts_with(char::is_uppercase) && !opens_sentence(text, t.span.start) {
                w.to_string()
            } else {
                singular(w)
            }
        })
        .unwrap_or_default()
}

/// Up to four words after the quantity, "of" allowed first (and "in" for money), stopping
/// at punctuation, another number or a word of `data/phrase-ends.txt`; "have died", "were
/// killed", "have been killed" after the noun (or alone: "dozens were killed") are kept.
/// Returns the phrase's tokens.
fn right_phrase(text: &str, tokens: &[Token], after: usize, q: &Quantity) -> Option<std::ops::Range<usize>> {
    let mut i = after;
    let opener = tokens.get(i).map(|t| lower(t.text(text)));
    if opener.as_deref() == Some("of") || (opener.as_deref() == Some("in") && q.kind == QuantityKind::Money) {
        i += 1;
    }
    let whole = opener.as_deref() == Some("of");
    if whole {
        pass_whole_opening(text, tokens, &mut i);
        // Rule `count_of_count`: "won 7 of 12 races", "3 of the 5 judges": the part counts
        // what the whole does.
        // Not a part of a measure ("half of 1 percent") nor of a scale ("tens of
        // thousands").
        let count = tokens.get(i).is_some_and(|t| t.kind == Kind::Number)
            || word_at(text, tokens, i).is_some_and(|w| super::numbers::is_number_word(&w));
        let thing = word_at(text, tokens, i + 1).filter(|w| {
            w != "of"
                && !super::numbers::is_number_word(w)
                && super::numbers::canonical_unit_name(w).is_none()
        });
        if q.unit.is_none() && count && thing.is_some() {
            i += 1;
        }
    }
    // Rule `comparison_no_phrase`: "3,000 more than …", "a third more than first
    // estimated" compare; what they count, if anything, is elsewhere.
    // So do "three short of a majority", "two shy of the record", "five clear of the
    // field": a count's distance from something else.
    // "just one of them", "two of us": a pronoun stands for what is counted, named
    // elsewhere. (The word after the opener is read only when the opener asks for it.)
    let next_is = |words: &[&str]| {
        tokens
            .get(after + 1)
            .is_some_and(|t| words.contains(&lower(t.text(text)).as_str()))
    };
    let stop = match opener.as_deref() {
        Some("more" | "less" | "fewer") => next_is(&["than"]),
        Some("short" | "shy" | "clear" | "ahead" | "adrift") => next_is(&["of"]),
        Some("of") => next_is(&["them", "us", "you", "those", "these"]),
        _ => false,
    };
    if stop {
        return None;
    }
    if verb_after_count(text, tokens, i) {
        return None;
    }
    let first = i;
    // The whole a share is of ends at its first plural as a count's phrase does ("45
    // percent of voters think …").
    let counts = whole || q.unit.is_none() && q.value.is_none_or(|v| v != 1.0);
    while i < tokens.len() && i - first < 4 {
        let t = &tokens[i];
        let w = lower(t.text(text));
        if !is_word(t) {
            break;
        }
        if whole && i > first && ends_whole(text, tokens, i) {
            break;
        }
        // Rule `phrase_ends_at_day`: a day named after the noun ("unveiled a $5 billion
        // plan Thursday", "a 40-page report yesterday") says when, not what is measured;
        // after a capitalised word it is part of a name ("Super Tuesday", "Black Friday").
        let after_lower = || tokens[i - 1].text(text).starts_with(|c: char| c.is_lowercase());
        let day = i > first
            && (crate::entities::lexicon::is_calendar_word(t.text(text)) && after_lower()
                || matches!(w.as_str(), "yesterday" | "today" | "tonight"));
        if day {
            break;
        }
        // A point of the compass written as a name's ("Colony West Golf Club", "the
        // Southwest border") or before one ("east Aleppo") is part of the phrase, not the
        // start of a place's ("12 km north of the border").
        let capital = |k: usize| {
            tokens
                .get(k)
                .is_some_and(|n| is_word(n) && n.text(text).starts_with(char::is_uppercase))
        };
        let in_name = is_compass_point(&w) && (capital(i) || capital(i + 1));
        // "up", "down", "off" and "away" after a verb in the phrase are its particle ("the
        // fund set up", "oil picked up"); right after the figure they say where ("80 miles
        // up the coast", "3 km away").
        let particle = i > first && is_place_particle(&w);
        if super::phrase_end(w.as_str()) && !in_name && !particle {
            i += passive_measure(text, &tokens[i..]);
            break;
        }
        // Another number ("up from 310 twelve months before") begins a phrase of its own.
        if super::numbers::is_number_word(&w) {
            break;
        }
        i += 1;
        // "one new case of avian flu": a single one's phrase ends at its measure word.
        if q.value == Some(1.0) && q.unit.is_none() && concept_of(&w).is_some() {
            break;
        }
        // A count's phrase ends at its first plural noun, with a measure participle after
        // it ("people killed") or a passive one ("people have died").
        if counts && plural(&w) && !(whole && modifies_next(text, tokens, i - 1)) {
            let next = tokens.get(i).filter(|n| is_word(n));
            if next.is_some_and(|n| concept_of(n.text(text)).is_some()) {
                i += 1;
            } else {
                i += passive_measure(text, &tokens[i..]);
            }
            break;
        }
    }
    (i > first && !adverb_phrase(text, tokens, first, i)).then_some(first..i)
}

/// Rule `share_of_whole`: after a figure's "of", what the share is taken of ("40 percent
/// of the city", "a third of its fleet", "60 of the 85 closed roads"). A determiner there
/// (`data/whole-determiners.txt`) opens the whole, as a bare noun does ("12 percent of
/// voters"); the determiner is passed, and so is the whole's own count when a word follows
/// it ("the 85 closed roads": the 60 are closed roads too). `i` is the token after "of";
/// it is moved past what is passed.
fn pass_whole_opening(text: &str, tokens: &[Token], i: &mut usize) {
    let word_at = |k: usize| word_at(text, tokens, k);
    let count_at = |k: usize| {
        tokens.get(k).is_some_and(|t| t.kind == Kind::Number)
            || word_at(k).is_some_and(|w| super::numbers::is_number_word(&w))
    };
    if word_at(*i).is_some_and(|w| word_set!(WHOLE_DETERMINERS).contains(w.as_str())) {
        *i += 1;
        // "the 85 closed roads", and after one word "the past nine contests", "the top
        // 10 firms".
        let lead = usize::from(!count_at(*i) && word_at(*i).is_some() && count_at(*i + 1));
        if count_at(*i + lead) && word_at(*i + lead + 1).is_some() {
            *i += lead + 1;
        }
    }
}

/// In a whole's phrase the word at token `k` that looks plural is not its head when it is
/// a possessive ("the state's counties", "Germany's output") or another plural follows it
/// ("Sanders supporters", "greenhouse-gas emissions").
fn modifies_next(text: &str, tokens: &[Token], k: usize) -> bool {
    let w = tokens[k].text(text);
    // "he's" is "he is".
    let stem = w.trim_end_matches(['s', '\'', '’']);
    let possessive = ["'s", "’s", "s'", "s’"].iter().any(|p| w.ends_with(p))
        && crate::entities::lexicon::pronoun(stem).is_none();
    let next_plural = tokens
        .get(k + 1)
        .is_some_and(|n| is_word(n) && plural(&lower(n.text(text))));
    possessive || next_plural
}

/// What ends a whole's phrase after its first word, at token `k`: "of" (its head comes
/// before: "half the length of our pier"), a pronoun ("10 percent of the sum they
/// raise"), "being", or a verb's past ("40 percent of the city lost power"). Before a
/// plural a past is an adjective of the noun ("the closed roads") and the phrase goes on.
/// A word in "-ing" is left alone: as often a noun ("the county's spending", "the planned
/// advertising") as a participle ("the fuel seeping into the bay").
fn ends_whole(text: &str, tokens: &[Token], k: usize) -> bool {
    let w = tokens[k].text(text);
    if matches!(w, "of" | "being") || crate::entities::lexicon::pronoun(w).is_some() {
        return true;
    }
    let next_plural = tokens
        .get(k + 1)
        .is_some_and(|n| is_word(n) && plural(&lower(n.text(text))));
    w.chars().all(|c| c.is_ascii_lowercase()) && crate::quotes::is_distinct_past(w) && !next_plural
}

/// Rule `changed_by`: a figure that is the size of a change, after a verb of change and
/// "by", measures what changed: the verb's subject ("ticket prices rose by 5 percent",
/// "harbour traffic fell 12 percent", past an auxiliary or an adverb: "fares have also
/// risen by 4 percent") or, after "by", the object of a verb that changes something
/// (`data/changing-verbs.txt`: "raise its berth fees by 8 percent", "cut the subsidy by a
/// third"). Read only where nothing else names the measure. Returns the words' tokens.
fn changed_by(text: &str, tokens: &[Token], at: usize) -> Option<std::ops::Range<usize>> {
    let word = |k: usize| word_at(text, tokens, k);
    let mut k = at.checked_sub(1)?;
    let by = word(k).as_deref() == Some("by");
    if by {
        k = k.checked_sub(1)?;
    }
    // A word of a noun phrase: no phrase's end, number or day ("BP stock on Friday fell").
    let plain = |j: usize| {
        word(j).is_some_and(|w| !super::phrase_end(&w) && !super::numbers::is_number_word(&w))
            && !crate::entities::lexicon::is_calendar_word(tokens[j].text(text))
    };
    if super::change_verb(&word(k)?) {
        // Auxiliaries and adverbs between a subject and its verb (`quotes/data/aux-words.txt`,
        // `data/verb-adverbs.txt`, any "-ly": "would likely have risen"), and "having" ("after
        // having lost 20 percent"), which the quotes' list leaves out: there a subject
        // before "having" is no speaker ("president -- having suggested …").
        let aux = |w: &str| {
            crate::quotes::is_aux(w) || is_verb_adverb(w) || w.len() > 4 && w.ends_with("ly") || w == "having"
        };
        let mut end = k;
        while end > 0 && word(end - 1).is_some_and(|w| aux(&w)) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && end - start < 3 && plain(start - 1) {
            start -= 1;
        }
        // "the richest 1 percent grew …": a figure's own unit is no subject.
        let after_number = start > 0 && tokens[start - 1].kind == Kind::Number;
        if start < end && !after_number {
            let start = match noun_before_named_place(text, tokens, end - 1) {
                // The noun's own modifiers with it ("Ticket prices at Ostmark").
                Some(noun) if opens_sentence(text, tokens[noun].span.start) => noun,
                Some(noun) => (noun.saturating_sub(2)..noun)
                    .rev()
                    .take_while(|&j| plain(j) && tokens[j].kind != Kind::Number)
                    .last()
                    .unwrap_or(noun),
                None => start,
            };
            return Some(start..end);
        }
        return None;
    }
    if !by {
        return None;
    }
    // The object: up to four words after a changing verb, a determiner first.
    let v = (k.saturating_sub(4)..k)
        .rev()
        .find(|&v| word(v).is_some_and(|w| word_set!(CHANGING_VERBS).contains(w.as_str())))?;
    let first = v + 1 + usize::from(word(v + 1).is_some_and(|w| crate::quotes::is_determiner(&w)));
    (first <= k && (first..=k).all(plain)).then_some(first..k + 1)
}

/// Rule `count_adjective`: a count joined by a hyphen to a noun ("a 120-member assembly",
/// "a 200-home estate") counts that noun, not the one the compound describes: the noun's
/// span when so. A unit so joined ("the 1.5-mile bypass") is the figure's unit already,
/// a kind of thing ("three-storey", "a three-time champion") is no count
/// (`not_counts::kind_compound`), and a word of `data/hyphen-not-counted.txt` tells the
/// count, not its noun ("a 5,000-strong crowd").
fn count_adjective(text: &str, q: &Quantity) -> Option<Span> {
    if q.unit.is_some() || q.value.is_none() {
        return None;
    }
    let span = hyphen_word(text, q.span.end)?;
    let w = lower(&text[span.start..span.end]);
    let ends = text[span.end..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric() && c != '-');
    let counted =
        !super::phrase_end(&w) && !plural(&w) && !word_set!(HYPHEN_NOT_COUNTED).contains(w.as_str());
    (span.len() > 1 && ends && counted).then_some(span)
}

/// The letters joined by a hyphen to what ends at byte `end` ("120-member" → "member"):
/// shared by `count_adjective` and `not_counts::kind_compound`.
fn hyphen_word(text: &str, end: usize) -> Option<Span> {
    let rest = text[end..].strip_prefix(['-', '‐'])?;
    let len: usize = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    let start = text.len() - rest.len();
    (len > 0).then(|| Span::new(start, start + len))
}

/// Rule `only_one_of` (`numbers::only_one_of_words`): "only one of the four reactors"
/// counts one of a whole, whatever it measures; tokens `at..after` are the figure.
fn only_one_of(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    let word = |k: usize| word_at(text, tokens, k);
    at >= 1
        && super::numbers::only_one_of_words(
            at.checked_sub(2).and_then(word).as_deref(),
            word(at - 1).as_deref(),
            word(after).as_deref(),
        )
}

/// Rule `adverb_no_phrase`: one word after a count that is a comparative ("hundreds more
/// are …", "dozens fewer") or an adverb in "-ly" closing the clause or before a phrase's
/// end ("one for every 900 nationally.", "peaked at 4.7 metres shortly after 3am") says
/// how or when, not what is counted.
fn adverb_phrase(text: &str, tokens: &[Token], first: usize, end: usize) -> bool {
    if end != first + 1 {
        return false;
    }
    let w = lower(tokens[first].text(text));
    // Closed by punctuation or by a word that ends a phrase ("peaked at 4.7 metres shortly
    // after 3am").
    let closes = tokens
        .get(end)
        .is_none_or(|t| !is_word(t) || super::phrase_end(&lower(t.text(text))));
    matches!(w.as_str(), "more" | "less" | "fewer") || (w.len() > 4 && w.ends_with("ly") && closes)
}

/// Rule `verb_after_count`: a word in "-ed" after the number with a determiner after it
/// ("a crowd of 61,250 packed the stadium", "58,000 watched the final") is a verb with its
/// object, the count its subject, not what it counts. A preposition after it is no sign:
/// "40 rescued from the mine", "12 charged with murder" are reduced passives whose
/// participle is what is counted; and a measure word stays the measure. `k` is the token
/// after the number.
fn verb_after_count(text: &str, tokens: &[Token], k: usize) -> bool {
    let Some(t) = tokens.get(k).filter(|t| is_word(t)) else {
        return false;
    };
    let w = t.text(text);
    let verb = w.len() > 4 && w.ends_with("ed") && w.chars().all(|c| c.is_ascii_lowercase());
    let object = tokens
        .get(k + 1)
        .is_some_and(|n| is_word(n) && crate::quotes::is_determiner(n.text(text)));
    verb && object && concept_of(w).is_none()
}

/// An adverb that stands between a subject or an auxiliary and its verb
/// (`data/verb-adverbs.txt`): skipped like the auxiliaries, never the subject nor the
/// measure. `w` in lower case.
fn is_verb_adverb(w: &str) -> bool {
    word_set!(VERB_ADVERBS).contains(w)
}

/// How many tokens of "have died", "were killed", "have been killed", "are still missing"
/// open `tokens` (0 when they do not end in a measure word).
fn passive_measure(text: &str, tokens: &[Token]) -> usize {
    let w = |k: usize| word_at(text, tokens, k);
    let aux = |k: usize| {
        w(k).is_some_and(|x| matches!(x.as_str(), "have" | "has" | "had" | "were" | "was" | "are" | "is"))
    };
    let measure = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| is_word(t) && concept_of(t.text(text)).is_some())
    };
    if !aux(0) {
        return 0;
    }
    let k = 1
        + (1..3)
            .take_while(|&k| w(k).is_some_and(|x| is_verb_adverb(&x)))
            .count();
    if measure(k) {
        return k + 1;
    }
    if w(k).is_some_and(|x| x == "been" || x == "being") && measure(k + 1) {
        return k + 2;
    }
    0
}

/// A measure named before the number in the same clause: a lead noun with the words before
/// it ("death toll", "number of refugees"), or a measure word ("killing", "killed"): its
/// tokens and the lead word's index.
fn left_lead(text: &str, tokens: &[Token], at: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let from = at.saturating_sub(8);
    for i in (from..at).rev() {
        let t = &tokens[i];
        if !is_word(t) {
            if t.kind == Kind::Punct && matches!(t.text(text), "," | ";" | ":" | "(" | ")") {
                return None;
            }
            continue;
        }
        let w = lower(t.text(text));
        if word_set!(LEAD_WORDS).contains(w.as_str()) {
            // Take a modifier before the lead noun ("death toll") and "of X" after it.
            let start = if i > 0 && is_word(&tokens[i - 1]) && concept_of(tokens[i - 1].text(text)).is_some()
            {
                i - 1
            } else {
                i
            };
            let mut end = i;
            if tokens.get(i + 1).is_some_and(|n| lower(n.text(text)) == "of")
                && tokens.get(i + 2).is_some_and(|n| is_word(n) && i + 2 < at)
            {
                end = of_phrase_end(text, tokens, i + 2, at);
            }
            return Some((start..end + 1, i));
        }
        if concept_of(&w).is_some() {
            return Some((i..i + 1, i));
        }
    }
    None
}

/// Rule `of_phrase_whole`: the last token of the noun phrase after a lead noun's "of",
/// which starts at `first`: one word, or a determiner or possessive and up to three
/// words after it ("sales of its snack brands rose 14%"), stopping before a verb of
/// change, a phrase's end, a number or the figure (`at`).
fn of_phrase_end(text: &str, tokens: &[Token], first: usize, at: usize) -> usize {
    if !crate::quotes::is_determiner(&lower(tokens[first].text(text))) {
        return first;
    }
    let noun_word = |k: usize| {
        k < at
            && tokens.get(k).is_some_and(|t| {
                let w = lower(t.text(text));
                is_word(t)
                    && !super::change_verb(&w)
                    && !super::phrase_end(&w)
                    && !super::numbers::is_number_word(&w)
            })
    };
    let mut end = first;
    while end - first < 3 && noun_word(end + 1) {
        end += 1;
    }
    end
}

/// The first place the sentence names.
fn place(a: &Article, mentions: &Mentions, sent: Span) -> Option<Named> {
    mentions
        .within(sent)
        .iter()
        .find(|(s, k)| s.end <= sent.end && a.entities[*k].kind == EntityKind::Place)
        .map(|&(span, k)| Named {
            span,
            name: a.entities[k].name.clone(),
            entity: Some(a.entities[k].id.clone()),
        })
}

/// The longest text between a figure and a date of its own, in bytes ("by the end of"
/// and its spaces).
const OWN_DATE_GAP: usize = 20;

/// Rule `figure_own_date`: a calendar date right after a figure, alone or after "in",
/// "as of", "for", "by" or "at (by) the end of", is the figure's own ("5.2bn kroner in
/// 2030", "4.1% a month earlier"), though the sentence may be dated by another of its
/// clauses ("will be set aside next year, down from 5.2bn kroner in 2030").
fn own_date(a: &Article, fig: Span) -> Option<TimeValue> {
    let k = a.timexes.partition_point(|t| t.span.start < fig.end);
    let t = a.timexes.get(k)?;
    // (Only a few words may stand between: a longer gap is not read, so that a page of
    // figures with no date near them costs no more than the figures.)
    if t.span.start - fig.end > OWN_DATE_GAP {
        return None;
    }
    let between = a.text.get(fig.end..t.span.start)?.trim().to_ascii_lowercase();
    // A bare year right after a figure is the next line of a list ("Floods kill 2,600
    // 2007 – Storm …"), not the figure's.
    let bare_year = a.text[t.span.start..].starts_with(|c: char| c.is_ascii_digit());
    let joins = matches!(
        between.as_str(),
        "in" | "as of" | "for" | "by" | "at the end of" | "by the end of"
    ) || between.is_empty() && !bare_year;
    (joins && t.kind == TimexType::Date && t.value.is_calendar()).then(|| t.value.clone())
}

/// Rule `fronted_clause_date`: the participle clause opening a sentence (see
/// [`crate::time::fronted_clause`]) and the last calendar date inside it, which dates the
/// figures of that clause ("Formed in 2005 by three players, the band …": three as of 2005).
fn fronted_date(a: &Article, sentence: Span) -> Option<(Span, TimeValue)> {
    let clause = crate::time::fronted_clause(&a.text, sentence)?;
    let first = a.timexes.partition_point(|t| t.span.start < clause.start);
    a.timexes[first..]
        .iter()
        .take_while(|t| t.span.end <= clause.end)
        .filter(|t| t.kind == TimexType::Date && t.value.is_calendar())
        .last()
        .map(|t| (clause, t.value.clone()))
}

/// The sentence's date, else the publication day.
fn as_of(a: &Article, sentence: usize) -> Option<TimeValue> {
    a.sentence_dates
        .binary_search_by_key(&sentence, |d| d.sentence)
        .ok()
        .map(|k| a.sentence_dates[k].value.clone())
        .or_else(|| a.published.as_ref().map(|p| TimeValue::day_of(p.date())))
}

/// How many quotes before a figure are looked at for one that holds it: quotes are in
/// text order and a quoted fragment may sit inside the statement that reports it.
const QUOTES_BACK: usize = 4;

/// The speaker of the quote or reported statement a figure stands in.
fn quoted_by(a: &Article, fig: Span) -> Option<Named> {
    let upto = a.quotes.partition_point(|q| q.span.start <= fig.start);
    let q = a.quotes[upto.saturating_sub(QUOTES_BACK)..upto]
        .iter()
        .rev()
        .find(|q| fig.end <= q.span.end && (q.speaker.is_some() || q.speaker_name.is_some()))?;
    let span = q.speaker.unwrap_or(q.span);
    let name = q
        .speaker_name
        .clone()
        .unwrap_or_else(|| a.text[span.start..span.end].to_string());
    Some(Named {
        span,
        name,
        entity: q.speaker_entity.clone(),
    })
}

/// The source a sentence names after "according to" / "citing" (`data/cite-words.txt`):
/// up to eight words, to punctuation or a clause word; after "by" when it says "figures
/// released by …".
fn according_to(a: &Article, mentions: &Mentions, tokens: &[Token]) -> Option<Named> {
    let text = a.text.as_str();
    // (Borrowed where a word is lower case already: this runs for every sentence with a
    // number.)
    let lowered: Vec<std::borrow::Cow<str>> = tokens
        .iter()
        .map(|t| crate::entities::lexicon::lower(t.text(text)))
        .collect();
    for opener in entries(CITE_WORDS) {
        let words: Vec<&str> = opener.split_whitespace().collect();
        let Some(i) = lowered
            .windows(words.len())
            .position(|w| w.iter().zip(&words).all(|(l, o)| l == o))
        else {
            continue;
        };
        let first = i + words.len();
        let mut end = first;
        while end < tokens.len() && end - first < 8 {
            let t = &tokens[end];
            if t.kind == Kind::Punct || t.kind == Kind::Number || matches!(t.kind, Kind::Quote { .. }) {
                break;
            }
            let clause = matches!(
                lowered[end].as_ref(),
                "said" | "says" | "which" | "who" | "that" | "on" | "in" | "as"
            );
            if end > first && clause {
                break;
            }
            end += 1;
        }
        let first = (first..end)
            .find(|&k| lowered[k] == "by")
            .map_or(first, |k| k + 1);
        if end <= first {
            continue;
        }
        let span = Span::new(tokens[first].span.start, tokens[end - 1].span.end);
        // The first name inside the source's words resolves it.
        let entity = mentions.within(span).first().map(|&(_, k)| &a.entities[k]);
        return Some(Named {
            span,
            name: entity.map_or_else(|| text[span.start..span.end].to_string(), |e| e.name.clone()),
            entity: entity.map(|e| e.id.clone()),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Rule `figure_own_date`: a date right after a figure is the figure's own.
    #[test]
    fn a_date_right_after_a_figure_is_its_own() {
        use crate::ingest::{InputMeta, RawItem};
        let p = crate::Pipeline::build(crate::PipelineConfig::default()).unwrap();
        let text =
            "Fares rose to 4.6% in April, up from 4.1% a month earlier, the board said on Tuesday.\n\n\
                    About 2bn kroner will go to the ferries next year, down from 5.2bn kroner in 2030.";
        let a = p
            .analyze(RawItem::text(
                "fares.txt".to_string(),
                text.to_string(),
                InputMeta {
                    title: Some("Fares rise".to_string()),
                    published: Some("2031-05-13".to_string()),
                    ..Default::default()
                },
            ))
            .unwrap();
        let dated: Vec<(String, String)> = a
            .figures
            .iter()
            .map(|f| {
                (
                    f.text.clone(),
                    f.as_of.as_ref().map(ToString::to_string).unwrap_or_default(),
                )
            })
            .collect();
        let of = |t: &str| dated.iter().find(|(x, _)| x == t).map(|(_, d)| d.as_str());
        assert_eq!(of("4.6%"), Some("2031-04"), "{dated:?}");
        assert_eq!(of("4.1%"), Some("2031-03"), "{dated:?}");
        assert_eq!(of("5.2bn kroner"), Some("2030"), "{dated:?}");
        // Without a date of its own a figure takes its sentence's.
        assert_eq!(of("About 2bn kroner"), Some("2032"), "{dated:?}");
    }

    #[test]
    fn numbers_for_a_reader_group_their_thousands() {
        assert_eq!(grouped(240000.0), "240,000");
        assert_eq!(grouped(5_000_000.0), "5,000,000");
        assert_eq!(grouped(643.0), "643");
        assert_eq!(grouped(1250.5), "1,250.5");
        assert_eq!(grouped(0.25), "0.25");
        assert_eq!(grouped(-3000.0), "-3,000");
        assert_eq!(grouped(f64::INFINITY), "inf");
    }

    #[test]
    fn a_capital_opening_a_sentence_or_a_line_is_no_name() {
        let text = "Harbour news\nLorvans fled. Nearly 300 \u{201c}Lorvans stayed";
        let tokens = tokenize(text, Span::new(0, text.len()));
        let heads: Vec<String> = tokens
            .iter()
            .filter(|t| t.text(text) == "Lorvans")
            .map(|t| head_noun(text, std::slice::from_ref(t)))
            .collect();
        assert_eq!(heads, ["lorvan", "Lorvans"]);
        assert!(opens_sentence(text, 0));
        assert!(opens_sentence(text, "Harbour news\n".len()));
        assert!(!opens_sentence(text, "Harbour".len() + 1));
    }

    /// A plural in "-es" after a hissing sound loses both letters; others lose the "s".
    #[test]
    fn singular_of_plurals_in_es() {
        let got: Vec<String> = [
            "witnesses",
            "taxes",
            "crashes",
            "matches",
            "branches",
            "cases",
            "stories",
        ]
        .iter()
        .map(|w| singular(w))
        .collect();
        assert_eq!(
            got,
            ["witness", "tax", "crash", "match", "branch", "case", "story"]
        );
    }

    #[test]
    fn no_list_repeats_a_word_and_table_words_name_one_measure() {
        for (name, list) in [
            ("phrase-ends", super::super::PHRASE_ENDS),
            ("lead-words", LEAD_WORDS),
            ("cite-words", CITE_WORDS),
            ("irregular-plurals", IRREGULAR_PLURALS),
            ("score-words", SCORE_WORDS),
            ("verb-adverbs", VERB_ADVERBS),
            ("dating-words", super::super::numbers::DATING_WORDS),
            ("voting-bodies", super::super::VOTING_BODIES),
            ("compass-points", COMPASS_POINTS),
            ("place-particles", PLACE_PARTICLES),
            ("whole-determiners", WHOLE_DETERMINERS),
            ("changing-verbs", CHANGING_VERBS),
        ] {
            let mut seen = HashSet::new();
            let twice: Vec<_> = entries(list).filter(|w| !seen.insert(*w)).collect();
            assert!(twice.is_empty(), "{name} repeats {twice:?}");
            assert!(
                entries(list).all(|w| w == w.to_lowercase()),
                "{name} is lower case"
            );
        }
        for (name, list) in [("measures", MEASURES), ("scopes", SCOPES)] {
            let mut seen = HashSet::new();
            let words = entries(list)
                .filter_map(|l| l.split_once(':'))
                .flat_map(|(_, w)| w.split_whitespace());
            let twice: Vec<_> = words.filter(|w| !seen.insert(*w)).collect();
            assert!(twice.is_empty(), "{name} gives a word two names: {twice:?}");
        }
        assert_eq!(concept_of("Fatalities"), Some("deaths"));
        assert_eq!(scope_word("war"), "conflict");
        assert_eq!(scope_word("sieges"), "siege");
        assert!(is_table_concept("injuries") && !is_table_concept("boats"));
    }
}
