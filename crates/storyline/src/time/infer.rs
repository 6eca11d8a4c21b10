//! A publication date read from the text, for articles without one in their metadata.

use std::sync::LazyLock;

use chrono::{Duration, NaiveDate, Weekday};
use regex::Regex;

use super::calendar::weekday_date;
use super::resolve::find_with;
use super::rules::Rule;
use super::tense::future_tense;
use super::words::{weekday, WEEKDAYS};
use crate::span::Span;

/// A publication date read from the text itself, with what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub date: NaiveDate,
    pub evidence: String,
    pub confidence: f32,
}

/// Infers when a text was written, for articles without metadata: the latest explicit full
/// date ("December 7, 2016"), then the day in the following week that makes the most
/// weekday mentions consistent ("on Wednesday" in a past-tense sentence falls on or after
/// that date and before the writing day; "is set to meet Thursday" on or after it). A date
/// in a photo caption stands on its own (captions are dated when the photo is published);
/// a full date in the body needs at least one consistent weekday. Otherwise nothing: the
/// date stays unknown rather than guessed.
pub fn infer_published(text: &str, sentences: &[Span], captions: &[&str]) -> Option<Inferred> {
    let mut dates: Vec<(NaiveDate, String, bool)> =
        full_dates(text).into_iter().map(|(d, s)| (d, s, false)).collect();
    for c in captions {
        dates.extend(full_dates(c).into_iter().map(|(d, s)| (d, s, true)));
    }
    let (latest, written, in_caption) = dates.into_iter().max_by_key(|d| d.0)?;
    let mentions = weekday_mentions(text, sentences);
    // The weekday mentions consistent with writing on day `c`.
    let score = |c: NaiveDate| -> Vec<&str> {
        mentions
            .iter()
            .filter(|(w, future, _)| weekday_date(c, *w, *future) >= latest)
            .map(|(_, _, s)| s.as_str())
            .collect()
    };
    let best = (0..7)
        .map(|k| latest + Duration::days(k))
        .map(|c| (c, score(c)))
        .max_by_key(|(c, hits)| (hits.len(), std::cmp::Reverse(*c)));
    match best {
        Some((c, hits)) if !hits.is_empty() => {
            let mut names: Vec<&str> = hits;
            names.sort_unstable();
            names.dedup();
            Some(Inferred {
                date: c,
                evidence: format!(
                    "full date \"{written}\" and weekdays consistent with it: {}",
                    names.join(", ")
                ),
                confidence: 0.6,
            })
        }
        _ if in_caption => Some(Inferred {
            date: latest,
            evidence: format!("photo caption dated \"{written}\""),
            confidence: 0.4,
        }),
        _ => None,
    }
}

/// The full dates written out in `t` ("December 7, 2016", "2016-12-07", "12/7/2016"), with
/// their text. Only the absolute patterns: with no reference date nothing else yields one.
fn full_dates(t: &str) -> Vec<(NaiveDate, String)> {
    let absolute = |r: Rule| {
        matches!(
            r,
            Rule::MonthDayYear | Rule::DayMonthYear | Rule::IsoDate | Rule::NumericDate
        )
    };
    let spans = [Span::new(0, t.len())];
    find_with(t, None, &spans, absolute)
        .into_iter()
        .filter_map(|x| Some((x.value.date()?, x.span.slice(t)?.to_string())))
        .collect()
}

/// Each weekday named in the text, whether the words just before it speak of the future
/// ("is set to meet Thursday", not "published Thursday"), and its text.
fn weekday_mentions(text: &str, sentences: &[Span]) -> Vec<(Weekday, bool, String)> {
    static WD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)({WEEKDAYS})(?-u:\b)")).expect("weekdays"));
    let mut mentions = Vec::new();
    for s in sentences {
        let Some(sent) = s.slice(text) else { continue };
        for m in WD.find_iter(sent) {
            let mut lo = m.start().saturating_sub(40);
            while !sent.is_char_boundary(lo) {
                lo += 1;
            }
            let future = future_tense(&sent[lo..m.start()]);
            if let Some(w) = weekday(m.as_str()) {
                mentions.push((w, future, m.as_str().to_string()));
            }
        }
    }
    mentions
}
