//! The date of every sentence: the date of the event or statement it reports. That is its
//! main clause's calendar expression, a span from the last date ("two days later"), the
//! time of the statement it reports ("said on Thursday"), the date of the sentence before
//! it in the paragraph, or the publication date. Dates in quotations, relative clauses,
//! noun phrases, background phrases ("since March", "after the vote on May 2"), wire
//! dateline headings and headlines glued before the sentence, and finished dates in a
//! present-perfect clause are mentions, not the sentence's date (`clauses`); they stay in
//! the record's `timexes`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::clauses;
use super::infer::quoted_regions;
use super::value::{writable, TimeValue};
use super::{Timex, TimexType};
use crate::span::Span;

/// How a sentence got its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateRule {
    /// A time expression of the sentence's main clause fixed it (`timex` says which):
    /// not one in a quotation, a relative clause, a noun phrase or a background phrase.
    Expression,
    /// No expression of its own: the date of the previous sentence in the paragraph.
    Carried,
    /// No expression in reach: the publication date (news reports what happened by then).
    Publication,
    /// A span of time from the last date mentioned: "two days later", "a week before"
    /// (`timex` says which).
    Shifted,
    /// The sentence reports a statement ("X said on Thursday that …") and its main clause
    /// has no date of its own: the time of the speech verb (`timex` says which).
    Attribution,
    /// The sentence reports a statement whose speech verb has no time of its own ("X said
    /// that …", whatever dates what was said mentions): the publication date.
    Statement,
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

/// Dates every sentence: by the first calendar expression of its main clause, else the
/// time of the statement it reports, else (no statement) the previous dated sentence of
/// its paragraph, else the publication date.
pub fn date_sentences(
    text: &str,
    sentences: &[Span],
    paragraphs: &[Span],
    timexes: &[Timex],
    published: Option<NaiveDate>,
) -> Vec<SentenceDate> {
    let quoted = quoted_regions(text);
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
        let inside = Inside::of(*s, timexes);
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
        match reported(text, &inside, &quoted, published) {
            Some(Reported::Timex(rule, k, t)) => {
                // A sentence's date is a day or longer: "at 3 p.m. on Thursday" dates it Thursday.
                let value = approximate_ago(text, t)
                    .unwrap_or_else(|| t.value.day().map_or_else(|| t.value.clone(), TimeValue::day_of));
                out.push(SentenceDate {
                    sentence: i,
                    value: value.clone(),
                    rule,
                    timex: Some(k),
                });
                carried = para.map(|p| (p, value));
                if let Some(d) = t.value.day() {
                    last_day = Some(d);
                }
                continue;
            }
            Some(Reported::Statement) => {
                if let Some(d) = published {
                    out.push(SentenceDate {
                        sentence: i,
                        value: TimeValue::day_of(d),
                        rule: DateRule::Statement,
                        timex: None,
                    });
                }
                continue;
            }
            None => {}
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
    /// The expressions of `timexes` (in text order) that start in `sentence`: looked up,
    /// not scanned.
    fn of(sentence: Span, timexes: &'t [Timex]) -> Self {
        let first = timexes.partition_point(|t| t.span.start < sentence.start);
        let last = first + timexes[first..].partition_point(|t| t.span.start < sentence.end);
        Inside {
            sentence,
            first,
            timexes: &timexes[first..last],
        }
    }

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
        // "Ten weeks after the storm" counts from the storm, not from the last date: only
        // a word used alone ("two days after, …", "a week before.") counts from that date.
        let mut next = text[t.span.end..].split_whitespace();
        let raw = next.next().unwrap_or_default();
        let then = next.next().unwrap_or(".");
        let alone = matches!(word, "later" | "earlier")
            || raw.len() > word.len()
            || then.starts_with(|c: char| !c.is_alphanumeric());
        if !alone {
            return None;
        }
        Some((k, writable(period.shift(from, sign)?)?))
    })
}

/// A finished past date (wholly before the publication day) in a present-perfect or
/// present-progressive clause: English does not date such a clause by a finished time
/// ("*has overtaken in 1989"), so the date belongs to a noun phrase ("has overtaken the
/// surge off Vell Point in 1987") and is a mention.
fn finished_in_present(
    text: &str,
    sentence: Span,
    t: &Timex,
    cue: Option<Span>,
    published: Option<NaiveDate>,
) -> bool {
    let finished = published
        .zip(t.value.days())
        .is_some_and(|(p, days)| days.last < p);
    finished && clauses::present_clause(text, sentence, t.span, cue)
}

/// Words that make a count back from the publication day approximate ("nearly two weeks
/// ago", "a little over a week ago"), written before the count.
const APPROXIMATE: &[&str] = &[
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "over",
    "some",
    "more",
    "less",
    "than",
];

/// The month of an approximate day or week counted back ("a little over a week ago"): such a
/// count names no sure day or week, only its month (`bench/sentence-dates/GUIDE.md`,
/// precision). `None` for an exact count ("a week ago") or a longer stretch.
fn approximate_ago(text: &str, t: &Timex) -> Option<TimeValue> {
    use chrono::Datelike;
    let written = t.span.slice(text)?;
    if !written.ends_with(" ago") {
        return None;
    }
    // The modifier may be inside the expression's extent or just before it.
    let mut from = t.span.start.saturating_sub(24);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text
        .get(from..t.span.start)?
        .split_whitespace()
        .last()
        .unwrap_or_default();
    let opening = written.split_whitespace().next().unwrap_or_default();
    let approximate = [before, opening]
        .iter()
        .any(|w| APPROXIMATE.contains(&w.to_lowercase().as_str()));
    let days = t.value.days()?;
    (approximate && (days.last - days.first).num_days() < 7)
        .then(|| TimeValue::month_of(days.first.year(), days.first.month()))
}

/// What a sentence reports, as far as its words say.
enum Reported<'t> {
    /// An expression dates it, by the rule given.
    Timex(DateRule, usize, &'t Timex),
    /// A statement with no time of its own.
    Statement,
}

/// The date the sentence reports: the first calendar expression of its main clause before
/// any attribution cue ("On Monday, X said …", "Y happened on Monday, X said"); else, for a
/// sentence built on a cue, the cue's own time ("X said on Thursday that …") or, lacking
/// one, a statement of the publication day; else, with no cue, the first calendar
/// expression that is not a mention. `None`: nothing in the sentence dates it.
fn reported<'t>(
    text: &str,
    inside: &Inside<'t>,
    quoted: &[Span],
    published: Option<NaiveDate>,
) -> Option<Reported<'t>> {
    let cue = clauses::cue(text, inside.sentence, quoted);
    let mut candidates = inside.iter().filter(|(_, t)| {
        calendar_value(t)
            && clauses::mention(text, inside.sentence, t.span, quoted, cue).is_none()
            && !finished_in_present(text, inside.sentence, t, cue, published)
    });
    let Some(c) = cue else {
        return candidates
            .next()
            .map(|(k, t)| Reported::Timex(DateRule::Expression, k, t));
    };
    let found = candidates.find(|(_, t)| t.span.end <= c.start || clauses::cue_time(text, c, t.span));
    Some(match found {
        Some((k, t)) if t.span.end <= c.start => Reported::Timex(DateRule::Expression, k, t),
        Some((k, t)) => Reported::Timex(DateRule::Attribution, k, t),
        None => Reported::Statement,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::clauses::MentionKind;

    /// Each line of `text` is a paragraph of an article published on `published`; the date
    /// and rule of every sentence.
    fn dated(text: &str, published: &str) -> Vec<(String, DateRule)> {
        let mut paragraphs = Vec::new();
        let mut at = 0;
        for line in text.split('\n') {
            paragraphs.push(Span::new(at, at + line.len()));
            at += line.len() + 1;
        }
        let sentences = crate::text::segment::sentences(text, &paragraphs);
        let dct = published.parse().ok();
        let timexes = super::super::find(text, dct, &sentences);
        date_sentences(text, &sentences, &paragraphs, &timexes, dct)
            .into_iter()
            .map(|d| (d.value.to_string(), d.rule))
            .collect()
    }

    fn one(text: &str) -> (String, DateRule) {
        // 2016-02-10 is a Wednesday.
        let all = dated(text, "2016-02-10");
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all[0].clone()
    }

    fn day(v: &str, rule: DateRule) -> (String, DateRule) {
        (v.to_string(), rule)
    }

    #[test]
    fn an_approximate_count_back_dates_by_its_month() {
        // Published Wednesday 2016-02-10: a week back is in February.
        assert_eq!(
            one("The ferry sank a little over a week ago off Vell Point.").0,
            "2016-02"
        );
        assert_eq!(one("The ferry sank nearly two weeks ago.").0, "2016-01");
        // An exact count keeps its week.
        assert_eq!(one("The ferry sank a week ago.").0, "2016-W05");
    }

    #[test]
    fn a_date_in_a_relative_clause_is_a_mention() {
        use DateRule::*;
        // The statement is dated, not the start of what it is about.
        assert_eq!(
            one("Mayor Ilse Varga echoed the harbour board's view of the ferry dispute, which began in March 2011."),
            day("2016-02-10", Statement)
        );
        assert_eq!(
            one("The ferry strike, which began in March 2011, ended on Tuesday."),
            day("2016-02-09", Expression)
        );
        assert_eq!(
            one("The drilling of two test wells that started in May is slow."),
            day("2016-02-10", Publication)
        );
        // Without the relative word the same date is the sentence's own.
        assert_eq!(
            one("The ferry strike began in March 2011."),
            day("2011-03", Expression)
        );
    }

    #[test]
    fn mentioned_dates_are_listed_with_their_reason() {
        let text = "Mayor Ilse Varga said on Thursday that the ferry strike, which began in March 2011, \
                    cost as much as the 2009 dispute.";
        let sentences = crate::text::segment::sentences(text, &[Span::new(0, text.len())]);
        let dct = "2016-02-10".parse().ok();
        let timexes = super::super::find(text, dct, &sentences);
        let quoted = quoted_regions(text);
        let cue = clauses::cue(text, sentences[0], &quoted);
        let named: Vec<(&str, MentionKind)> = timexes
            .iter()
            .filter(|t| calendar_value(t))
            .filter_map(|t| {
                let why = clauses::mention(text, sentences[0], t.span, &quoted, cue)?;
                Some((t.span.slice(text)?, why))
            })
            .collect();
        assert_eq!(
            named,
            vec![
                ("March 2011", MentionKind::Relative),
                ("2009", MentionKind::Modifier)
            ]
        );
    }

    #[test]
    fn a_date_after_up_from_or_down_from_dates_the_earlier_value() {
        use DateRule::*;
        assert_eq!(
            one("Turnout at the harbour poll was 58%, down from 64% at the vote in 2011."),
            day("2016-02-10", Publication)
        );
        assert_eq!(
            one("Ferry fares rose 4% in 2015, up from 2% a year earlier."),
            day("2015", Expression)
        );
        // Not a journey "down from" a place.
        assert_eq!(
            one("Ana Roe, 39, drove down from Tarrow on Monday to join the march."),
            day("2016-02-08", Expression)
        );
    }

    #[test]
    fn a_date_after_since_or_until_bounds_a_state() {
        use DateRule::*;
        assert_eq!(
            one("The Oxley pier has stayed shut since June 2014."),
            day("2016-02-10", Publication)
        );
        assert_eq!(
            one("Pay has lagged since the crash six years ago, and the union walked out on Monday."),
            day("2016-02-08", Expression)
        );
        assert_eq!(
            one("The ban stays until August 2017 at the latest."),
            day("2016-02-10", Publication)
        );
    }

    #[test]
    fn a_quoted_date_is_the_speakers_not_the_sentences() {
        use DateRule::*;
        assert_eq!(
            one("\"We signed the lease on May 4, 2009,\" said Odo Karran, the pier's owner."),
            day("2016-02-10", Statement)
        );
        assert_eq!(
            one("“Nothing has moved since last April,” Karran told the Tollbridge Courier on Monday."),
            day("2016-02-08", Attribution)
        );
    }

    #[test]
    fn an_attributed_statement_takes_its_speech_verbs_day() {
        use DateRule::*;
        // "said on Thursday": the Thursday before a Wednesday publication.
        assert_eq!(
            one("Lena Forsythe, the council's treasurer, said on Thursday that the 2015 budget had been overspent by March."),
            day("2016-02-04", Attribution)
        );
        assert_eq!(
            one("The budget was overspent, Forsythe said Monday."),
            day("2016-02-08", Attribution)
        );
        assert_eq!(
            one("Forsythe told reporters yesterday the audit would end in June."),
            day("2016-02-09", Attribution)
        );
        // What was said is dated by its own words only when the sentence leads with it.
        assert_eq!(
            one("The audit will end in June, Forsythe said on Monday."),
            day("2016-06", Expression)
        );
        assert_eq!(
            one("Forsythe said the audit would end in June."),
            day("2016-02-10", Statement)
        );
        // A passive participle is not a cue.
        assert_eq!(
            one("The audit was reported to the board on Monday."),
            day("2016-02-08", Expression)
        );
    }

    #[test]
    fn the_proposal_of_a_date_is_a_mention() {
        use DateRule::*;
        assert_eq!(
            one("Foreign minister Arvo Telling told reporters on Thursday that the proposal of December 2 could not work."),
            day("2016-02-04", Attribution)
        );
        assert_eq!(
            one("The council shelved the proposal of December 2 without a vote."),
            day("2016-02-10", Publication)
        );
        assert_eq!(
            one("Repairs to the 2011 flood barrier cost more than planned."),
            day("2016-02-10", Publication)
        );
        assert_eq!(
            one("Councillors met before Monday's deadline."),
            day("2016-02-10", Publication)
        );
    }

    #[test]
    fn a_part_of_a_day_dates_the_clause() {
        use DateRule::*;
        assert_eq!(
            one("Two tugs spent most of Monday towing the barge off the sandbank."),
            day("2016-02-08", Expression)
        );
        assert_eq!(
            one("Volunteers searched the dunes for the rest of Tuesday."),
            day("2016-02-09", Expression)
        );
        // A noun's date stays a mention.
        assert_eq!(
            one("The ruling of Monday was welcomed by the tenants."),
            day("2016-02-10", Publication)
        );
    }

    #[test]
    fn a_span_before_a_noun_counts_from_the_noun() {
        use DateRule::*;
        let all = dated(
            "The Oxley ferry sank on February 2.\nTen weeks after the storm, the pier is still shut.\nTwo days later, divers reached the hull.",
            "2016-02-10",
        );
        assert_eq!(
            all,
            vec![
                day("2016-02-02", Expression),
                day("2016-02-10", Publication),
                day("2016-02-04", Shifted)
            ]
        );
    }

    #[test]
    fn a_finished_date_cannot_date_a_present_perfect_clause() {
        use DateRule::*;
        assert_eq!(
            one("The flood has overtaken the Corran surge off Vell Point in 1987 as the worst on record."),
            day("2016-02-10", Publication)
        );
        // In the past tense the same date is the clause's own.
        assert_eq!(
            one("The flood overtook the harbour wall in 1987."),
            day("1987", Expression)
        );
        // A date not yet over can date a present-perfect clause.
        assert_eq!(
            one("The harbour has lost ten boats this month."),
            day("2016-02", Expression)
        );
    }

    #[test]
    fn a_wire_dateline_heading_does_not_date_the_sentence() {
        use DateRule::*;
        // The time stamp before the dateline is the page's, not what the sentence reports.
        assert_eq!(
            one("Pier reopens | Mon Feb 8 , 2016 10:02 am EST TOLLBRIDGE -LRB- NWA -RRB- - Ferries could return to the pier this week , the harbour board said on Monday ."),
            day("2016-W06", Expression)
        );
        assert_eq!(
            one("Oxley ferry strike ends | Tue Feb 9 , 2016 4:15 pm EST OXLEY (NWA) - Crews on the Oxley ferries voted to end their strike , their union said ."),
            day("2016-02-10", Statement)
        );
    }

    #[test]
    fn a_date_after_after_is_background() {
        use DateRule::*;
        assert_eq!(
            one("The harbour board's reply comes after the owners met on Monday."),
            day("2016-02-10", Publication)
        );
        assert_eq!(
            one("Ferries stopped running after the pier flooded on Monday, Kell said."),
            day("2016-02-10", Statement)
        );
        // A time counted from the event, or a start the event gives, is the clause's own.
        assert_eq!(
            one("Divers reached the hull two days after the storm on Monday."),
            day("2016-02-08", Expression)
        );
        assert_eq!(
            one("The leak began after the Oxley pipe burst on Monday."),
            day("2016-02-08", Expression)
        );
    }

    /// Rule `possessive_subject`: a possessive date opening the sentence dates the
    /// subject's event and the sentence; inside it, it only describes a noun.
    #[test]
    fn a_possessive_date_opening_the_sentence_dates_it() {
        use DateRule::*;
        assert_eq!(
            one("Monday's landslide buried the coast road near Orsby."),
            day("2016-02-08", Expression)
        );
        assert_eq!(
            one("Last year's flood cost the harbour board 4 million crowns."),
            day("2015", Expression)
        );
        assert_eq!(
            one("The ferry crew rebuilt the ramp that Monday's landslide buried."),
            day("2016-02-10", Publication)
        );
    }

    /// Rule `fronted_participle` (`clauses.rs`).
    #[test]
    fn a_date_in_a_fronted_participle_clause_is_background() {
        use DateRule::*;
        assert_eq!(
            one("Born in 1931 in a port town, Vik joined the survey office in 1957."),
            day("1957", Expression)
        );
        assert_eq!(
            one("Built in 1902, the pier was closed on Monday."),
            day("2016-02-08", Expression)
        );
        // The time of a question put is the time of the saying.
        assert_eq!(
            one("Asked on Monday about the pier, Vik said it had been repaired."),
            day("2016-02-08", Expression)
        );
    }

    #[test]
    fn a_headline_glued_before_the_sentence_does_not_date_it() {
        use DateRule::*;
        // A caption ending in a date, glued to the first sentence.
        assert_eq!(
            one("By Ana Pell Tollbridge Courier The old pier burned on 3 May 2009 Councillors on the harbour board have heard that the ramp was unsafe."),
            day("2016-02-10", Publication)
        );
        // A clause that opens with its date is not a caption.
        assert_eq!(
            one("According to the minutes, in May 2009 Kell left the board."),
            day("2009-05", Expression)
        );
    }
}
