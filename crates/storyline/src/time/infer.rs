//! A publication date read from the text, for articles without one in their metadata.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use super::calendar::weekday_date;
use super::resolve::find_with;
use super::rules::Rule;
use super::tense::future_tense;
use super::words::{month_number, weekday, MONTHS, WEEKDAYS};
use crate::span::Span;

/// A publication date read from the text itself, with what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub date: NaiveDate,
    pub evidence: String,
    pub confidence: f32,
}

/// Infers when a text was written, for articles without metadata: a dateline (a full date
/// with its own weekday, `dated_line`), else the latest explicit full date ("December 7,
/// 2016"), then the day in the following week that makes the most
/// weekday mentions consistent ("on Wednesday" in a past-tense sentence falls on or after
/// that date and before the writing day; "is set to meet Thursday" on or after it). A date
/// in a photo caption stands on its own (captions are dated when the photo is published);
/// a full date in the body needs at least one consistent weekday. A date inside quotation
/// marks is someone else's words, often about the past ("the deal of July 6, 2015"), and is
/// not taken (`quoted_regions`). Otherwise nothing: the date stays unknown rather than
/// guessed.
pub fn infer_published(text: &str, sentences: &[Span], captions: &[&str]) -> Option<Inferred> {
    let quoted = quoted_regions(text);
    if let Some((date, written)) = dated_line(text, &quoted) {
        return Some(Inferred {
            date,
            evidence: format!("full date with its weekday \"{written}\""),
            confidence: 0.6,
        });
    }
    let mut dates: Vec<(NaiveDate, String, bool)> = full_dates(text)
        .into_iter()
        .filter(|(_, span, _)| !quoted.iter().any(|q| q.start <= span.start && span.end <= q.end))
        .map(|(d, _, s)| (d, s, false))
        .collect();
    for c in captions {
        dates.extend(full_dates(c).into_iter().map(|(d, _, s)| (d, s, true)));
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

/// Rule `dated-line`: the first date in the reporter's words written with the weekday it
/// falls on ("Thu May 20, 2010", "Wednesday, February 18, 2009", "Monday 14 June 2010",
/// also with tokenised commas "May 20 , 2010"), as datelines and bylines write the day of
/// publication. The weekday has to agree with the calendar.
fn dated_line(text: &str, quoted: &[Span]) -> Option<(NaiveDate, String)> {
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        let day = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?";
        Regex::new(&format!(
            r"(?-u:\b)({WEEKDAYS}|{day})\s*,?\s+(?:({MONTHS})\s+(\d{{1,2}})|(\d{{1,2}})\s+({MONTHS}))\s*,?\s+(\d{{4}})(?-u:\b)"
        ))
        .expect("dateline")
    });
    LINE.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        if quoted
            .iter()
            .any(|q| q.start <= whole.start() && whole.start() < q.end)
        {
            return None;
        }
        let month = month_number(c.get(2).or(c.get(5))?.as_str())?;
        let day: u32 = c.get(3).or(c.get(4))?.as_str().parse().ok()?;
        let year: i32 = c.get(6)?.as_str().parse().ok()?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        (weekday(c.get(1)?.as_str()) == Some(date.weekday())).then(|| (date, whole.as_str().to_string()))
    })
}

/// Rule `quoted-date`: the stretches of `text` inside quotation marks, marks included. Curly
/// quotes (and guillemets, and the ``…'' of tokenised text) pair as opened and closed; a
/// straight `"` toggles. Each paragraph (line) starts outside a quotation: a quotation
/// running over paragraphs reopens each one with a mark, and a stray mark costs at most the
/// rest of its own paragraph.
pub(crate) fn quoted_regions(text: &str) -> Vec<Span> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    // Only a line end, a straight mark, a backtick or the first byte of a curly quote or a
    // guillemet can open or close: every other byte is passed over unread.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !matches!(b, b'\n' | b'"' | b'\'' | b'`' | 0xC2 | 0xE2) {
            continue;
        }
        let Some(c) = crate::text::char_at(text, i) else {
            break;
        };
        let rest = &text[i..];
        let opens = matches!(c, '“' | '«' | '"') || rest.starts_with("``");
        let closes = matches!(c, '”' | '»' | '"') || rest.starts_with("''");
        match open {
            Some(o) if c == '\n' => {
                regions.push(Span::new(o, i));
                open = None;
            }
            Some(o) if closes => {
                let width = if c == '\'' { 2 } else { c.len_utf8() };
                regions.push(Span::new(o, i + width));
                open = None;
            }
            None if opens => open = Some(i),
            _ => {}
        }
    }
    if let Some(o) = open {
        regions.push(Span::new(o, text.len()));
    }
    regions
}

/// The full dates written out in `t` ("December 7, 2016", "2016-12-07", "12/7/2016"), with
/// their span and text. Only the absolute patterns: with no reference date nothing else
/// yields one.
fn full_dates(t: &str) -> Vec<(NaiveDate, Span, String)> {
    let absolute = |r: Rule| {
        matches!(
            r,
            Rule::MonthDayYear | Rule::DayMonthYear | Rule::IsoDate | Rule::NumericDate
        )
    };
    let spans = [Span::new(0, t.len())];
    find_with(t, None, &spans, absolute)
        .into_iter()
        .filter_map(|x| Some((x.value.date()?, x.span, x.span.slice(t)?.to_string())))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn infer(text: &str) -> Option<Inferred> {
        let spans = crate::text::segment::sentences(text, &[Span::new(0, text.len())]);
        infer_published(text, &spans, &[])
    }

    #[test]
    fn a_quoted_past_date_is_not_the_publication_date() {
        // Rule `quoted-date`: the only full date is inside the spokeswoman's words.
        let quoted = "The ferry board met on Tuesday. \"We have not raised fares since March 3, 2009,\" \
                      said Wenna Osk, its spokeswoman, on Tuesday.";
        assert_eq!(infer(quoted), None);
        let curly = "The ferry board met on Tuesday. “Nothing changed after March 3, 2009,” Osk said.";
        assert_eq!(infer(curly), None);
        // The same date in the reporter's own words dates the article.
        let plain = "The ferry board met on Tuesday, March 3, 2009, and kept the fares.";
        assert_eq!(
            infer(plain).unwrap().date,
            NaiveDate::from_ymd_opt(2009, 3, 3).unwrap()
        );
        // Outside the quotation, an own-words date still wins over a later quoted one.
        let both = "On Tuesday, March 3, 2009, the board met. \"The next review is May 5, 2010,\" Osk said.";
        assert_eq!(
            infer(both).unwrap().date,
            NaiveDate::from_ymd_opt(2009, 3, 3).unwrap()
        );
    }

    #[test]
    fn a_full_date_with_its_weekday_is_a_dateline() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // A dateline at the top wins over a later (and later-dated) full date.
        let t = "KELDBY | Thu Mar 4 , 2021 9:10 am - The ferry board said on Wednesday it would \
                 review fares before June 1, 2021.";
        let got = infer(t).unwrap();
        assert_eq!(got.date, day(2021, 3, 4));
        assert!(got.evidence.contains("Thu Mar 4 , 2021"), "{}", got.evidence);
        assert_eq!(
            infer("Wednesday, March 3, 2021; 10:05 AM The board met.")
                .unwrap()
                .date,
            day(2021, 3, 3)
        );
        assert_eq!(
            infer("Thursday 4 March 2021 The board met.").unwrap().date,
            day(2021, 3, 4)
        );
        // A weekday that the date does not fall on makes no dateline (March 3, 2021 is a
        // Wednesday): the older rule reads the Friday as a later day.
        let got = infer("Friday, March 3, 2021 The board met.").unwrap();
        assert!(!got.evidence.contains("with its weekday"), "{}", got.evidence);
    }

    #[test]
    fn quotations_close_at_the_paragraph_end() {
        let t = "He said \"soon\nand later. Then \u{201c}x\u{201d} y, `` z '' w";
        let r: Vec<&str> = quoted_regions(t).iter().filter_map(|s| s.slice(t)).collect();
        assert_eq!(r, vec!["\"soon", "\u{201c}x\u{201d}", "`` z ''"]);
    }
}
