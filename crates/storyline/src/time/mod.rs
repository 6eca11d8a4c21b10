//! When: temporal expressions (TimeML TIMEX3) found in text and normalised against the
//! document's creation time, as in TempEval-3.
//!
//! Recognition is a set of patterns over the text, each written for a construction of
//! English news ("December 7, 2016", "last week", "two days ago", "a 48-hour ceasefire",
//! "every day", "now"); overlapping candidates keep the longest. Normalisation resolves
//! relative expressions against the reference date: weekdays go to the most recent such day
//! in past-tense sentences and to the next one in future-tense sentences; "last/this/next
//! week|month|year" shift by the unit; durations become ISO 8601 periods (`P3W`, `PT48H`,
//! `PXY` for "several years"). Expressions that need a reference date and have none keep a
//! value with the unknown parts as `X`s rather than a guess.
//!
//! Values are [`TimeValue`]s, written as TIMEX3 text only at the edge.
//!
//! The stage, in order: the `rules`' `patterns` find candidates and the rules give each
//! its value (with `tense` for relative days and `extent` for where it begins and ends),
//! `resolve` keeps the longest of overlapping candidates and resolves, in text order,
//! what depends on the dates named before ("the previous day", a history's years);
//! `sentences` dates every sentence by what it reports (`clauses` tells the main clause and
//! an attribution cue from the parts that only mention a date); `infer` reads a missing publication date.

mod anchors;
mod calendar;
mod clauses;
pub(crate) use clauses::fronted_clause;
mod extent;
mod infer;
mod lists;
mod patterns;
mod period;
mod resolve;
mod rules;
mod sentences;
mod tense;
mod value;
mod words;

/// Whether a lower-case word is a modal verb (`data/modals.txt`): the word after it is a
/// verb ("will last", "could double").
pub(crate) fn is_modal(w: &str) -> bool {
    lists::MODALS.contains(w)
}

/// Whether a lower-case word is a form of "be" ("was told", "are back"): a participle or
/// an adjective follows, not a finite verb of its own.
pub(crate) fn is_form_of_be(w: &str) -> bool {
    matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being")
}

/// Whether `after` (the text right after a number) opens with a time zone written in
/// capitals (`data/time_zones.txt`: "GMT", "BST") or with "local time": the number before
/// it is a clock time ("0300 GMT", "18:40 BST", "2000 local time"), not a year or a count.
pub(crate) fn zone_follows(after: &str) -> bool {
    let after = after.trim_start_matches([' ', '\u{a0}']);
    let word = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let capitals = !word.is_empty() && word.chars().all(|c| c.is_ascii_uppercase());
    (capitals && lists::TIME_ZONES.contains(&word.to_ascii_lowercase()))
        || after
            .get(..10)
            .is_some_and(|w| w.eq_ignore_ascii_case("local time"))
}

/// Whether a word names a month, whole or cut short ("May", "Sept.", "december"; not
/// "mayor" or "marches").
pub(crate) fn is_month_word(w: &str) -> bool {
    const NAMES: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let l = w.trim_end_matches('.').to_lowercase();
    words::month_number(&l).is_some_and(|m| NAMES[m as usize - 1].starts_with(&l))
}

use chrono::{NaiveDate, Weekday};

use serde::{Deserialize, Serialize};
use value::Season as SeasonName;

use crate::span::Span;

pub(crate) use infer::quoted_regions;
pub use infer::{infer_published, stamp_date, Inferred, StampLine};
pub use rules::Rule as TimexRule;
pub use sentences::{date_sentences, DateRule, SentenceDate};
pub use value::{
    Amount, Anchor, DayRange, ParseError, PartOfDay, Period, Season, TimeOfDay, TimeValue, Unit,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The value, written as TIMEX3: `2016-12-08`, `2016-W49`, `1998-10`, `P3W`,
    /// `PRESENT_REF`, …
    pub value: TimeValue,
    /// The reference date a relative expression was resolved against, when one was used:
    /// the creation date, or the day, month or year the text last named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<Anchor>,
    /// The rule that found it (`month_day_year`, `weekday`, `duration`, …); absent in
    /// records written before rules were recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<TimexRule>,
}

/// A value that depends on what the text named before it, resolved in text order (see
/// `resolve`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    /// "the previous day" (-1), "that same day" (0), "the next day" (1): from the last
    /// full date.
    Day(i64),
    /// "the previous Friday" (`back`), "the following Monday": the weekday strictly
    /// before or after the last full date.
    Weekday { back: bool, weekday: Weekday },
    /// "that week" (0), "the following week" (1): from the last full date.
    Week(i64),
    /// "that month", "the following month": from the last month named.
    Month(i32),
    /// "that year", "the following year": from the last year named.
    Year(i32),
    /// "that summer" (`following` false), "the following spring", "the next winter": the
    /// season of the last year named, or the first one after the last month named.
    Season { following: bool, season: SeasonName },
}

/// A normalised value, or one still to be resolved in text order.
#[derive(Debug, Clone, PartialEq)]
enum Resolved {
    Value(TimeValue),
    Pending(Pending),
}

impl Resolved {
    fn value(&self) -> Option<&TimeValue> {
        match self {
            Resolved::Value(v) => Some(v),
            Resolved::Pending(_) => None,
        }
    }
}

/// Temporal expressions in `text`, normalised against `dct` (the document creation
/// time) when given. `sentences` gives the tense context of relative weekdays.
pub fn find(text: &str, dct: Option<NaiveDate>, sentences: &[Span]) -> Vec<Timex> {
    resolve::find_with(text, dct, sentences, |_| true)
}

/// Time expressions and sentence dates of a text, against the creation date `dct`.
pub fn annotate(
    text: &str,
    paragraphs: &[Span],
    sentences: &[Span],
    dct: Option<NaiveDate>,
) -> (Vec<Timex>, Vec<SentenceDate>) {
    let timexes = find(text, dct, sentences);
    let dates = date_sentences(text, sentences, paragraphs, &timexes, dct);
    (timexes, dates)
}

#[cfg(test)]
mod tests;
