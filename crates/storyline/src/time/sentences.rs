//! The date of every sentence: its own calendar expression, a span from the last date
//! ("two days later"), the date of the sentence before it in the paragraph, or the
//! publication date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::value::{writable, TimeValue};
use super::{Timex, TimexType};
use crate::span::Span;

/// How a sentence got its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateRule {
    /// A time expression in the sentence fixed it (`timex` says which).
    Expression,
    /// No expression of its own: the date of the previous sentence in the paragraph.
    Carried,
    /// No expression in reach: the publication date (news reports what happened by then).
    Publication,
    /// A span of time from the last date mentioned: "two days later", "a week before"
    /// (`timex` says which).
    Shifted,
}

/// The date (or stretch of the calendar: `2016-12`, `2016-W49`) of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceDate {
    /// Index into the record's `sentences`.
    pub sentence: usize,
    /// A calendar value with a known year (a day, week, month, season, year, …).
    pub value: TimeValue,
    pub rule: DateRule,
    /// Index into the record's `timexes`, for `expression`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timex: Option<usize>,
}

/// Whether an expression names a point or stretch on the calendar (not a duration, a set,
/// a vague reference or an unknown date).
fn calendar_value(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time) && t.value.is_calendar()
}

/// Dates every sentence: by its own first calendar expression (not one after "since" or
/// "until", which bounds a state), else the previous dated sentence of its paragraph, else
/// the publication date.
pub fn date_sentences(
    text: &str,
    sentences: &[Span],
    paragraphs: &[Span],
    timexes: &[Timex],
    published: Option<NaiveDate>,
) -> Vec<SentenceDate> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut carried: Option<(usize, TimeValue)> = None; // (paragraph, value)
    let mut last_day: Option<NaiveDate> = None; // the last full date any sentence got
    for (i, s) in sentences.iter().enumerate() {
        // Paragraphs, sentences and expressions are all in text order: look up, don't scan.
        let para = Some(paragraphs.partition_point(|p| p.end < s.end)).filter(|&k| {
            paragraphs
                .get(k)
                .is_some_and(|p| p.start <= s.start && s.end <= p.end)
        });
        let first = timexes.partition_point(|t| t.span.start < s.start);
        let last = first + timexes[first..].partition_point(|t| t.span.start < s.end);
        let inside = Inside {
            sentence: *s,
            first,
            timexes: &timexes[first..last],
        };
        if let Some((k, d)) = last_day.and_then(|from| shifted(text, &inside, from)) {
            out.push(SentenceDate {
                sentence: i,
                value: TimeValue::day_of(d),
                rule: DateRule::Shifted,
                timex: Some(k),
            });
            carried = para.map(|p| (p, TimeValue::day_of(d)));
            last_day = Some(d);
            continue;
        }
        if let Some((k, t)) = own(text, &inside) {
            out.push(SentenceDate {
                sentence: i,
                value: t.value.clone(),
                rule: DateRule::Expression,
                timex: Some(k),
            });
            carried = para.map(|p| (p, t.value.clone()));
            if let Some(d) = t.value.day() {
                last_day = Some(d);
            }
            continue;
        }
        match (&carried, para) {
            (Some((cp, v)), Some(p)) if *cp == p => out.push(SentenceDate {
                sentence: i,
                value: v.clone(),
                rule: DateRule::Carried,
                timex: None,
            }),
            _ => {
                if let Some(d) = published {
                    out.push(SentenceDate {
                        sentence: i,
                        value: TimeValue::day_of(d),
                        rule: DateRule::Publication,
                        timex: None,
                    });
                }
            }
        }
    }
    out
}

/// The expressions of one sentence.
struct Inside<'t> {
    sentence: Span,
    /// The index of the first of `timexes` in the record's.
    first: usize,
    /// The expressions that start in the sentence.
    timexes: &'t [Timex],
}

impl<'t> Inside<'t> {
    /// The expressions wholly inside the sentence, with their indexes in the record's.
    fn iter(&self) -> impl Iterator<Item = (usize, &'t Timex)> + '_ {
        self.timexes
            .iter()
            .enumerate()
            .map(|(k, t)| (self.first + k, t))
            .filter(|(_, t)| self.sentence.start <= t.span.start && t.span.end <= self.sentence.end)
    }
}

/// "Two days later, …": the last full date `from` moved by the first span of the sentence
/// followed by "later", "after", "earlier" or "before".
fn shifted(text: &str, inside: &Inside, from: NaiveDate) -> Option<(usize, NaiveDate)> {
    inside.iter().find_map(|(k, t)| {
        let TimeValue::Duration(period) = &t.value else {
            return None;
        };
        if t.kind != TimexType::Duration {
            return None;
        }
        let word = text[t.span.end..]
            .split_whitespace()
            .next()?
            .trim_end_matches([',', '.', ';']);
        let sign = match word {
            "later" | "after" => 1,
            "earlier" | "before" => -1,
            _ => return None,
        };
        Some((k, writable(period.shift(from, sign)?)?))
    })
}

/// The sentence's own first calendar expression that does not open a state ("a stronghold
/// since 2012" says when the state began, not when the event happened).
fn own<'t>(text: &str, inside: &Inside<'t>) -> Option<(usize, &'t Timex)> {
    inside.iter().find(|(_, t)| {
        let before = text[..t.span.start].trim_end();
        let opens_state = ["since", "Since", "until", "till"]
            .iter()
            .any(|w| before.ends_with(w));
        calendar_value(t) && !opens_state
    })
}
