//! Normalisation: the value of a matched expression, against the creation date.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use super::calendar::{last_quarter, nearest_year, quarter_from, shift_months, weekday_date};
use super::extent::appositive_day;
use super::patterns::Rule;
use super::tense::{future_tense, tense_at};
use super::value::{Amount, PartOfDay, Period, Season, TimeOfDay, TimeValue, Unit};
use super::words::{half_period, month_number, number, period, weekday};
use super::{Pending, Resolved, TimexType};
use crate::entities::lexicon;
use crate::span::Span;

/// Whether a sentence reports quarterly results: the document speaks of a quarter and
/// the sentence of money or rates, not of a longer period ("for the nine months, net rose
/// … from a year earlier" compares years).
pub(super) fn quarterly(text_has_quarter: bool, sentence: &str) -> bool {
    static FIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[$%#]|(?-u:\b)(?:cents|net|earn(?:ed|ings)|revenue|sales|profits?|loss|income|dividends?)(?-u:\b)")
            .expect("financial words")
    });
    static LONGER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:nine|six|twelve|12) months|(?-u:\b)(?:first|second) half|(?-u:\b)(?:full|fiscal) year")
            .expect("longer periods")
    });
    (sentence.contains("quarter") || text_has_quarter && FIN.is_match(sentence)) && !LONGER.is_match(sentence)
}

/// Whether "a year", "a week" … after `before` is a rate ("$2 million a year", "four
/// flights a week", "once a day") rather than a span of time ("in 2012, a year after the
/// war began", "a week later").
pub(super) fn is_rate(before: &str, after: &str) -> bool {
    let rest = after.trim_start();
    if ["after", "before", "later", "earlier", "ago", "of", "or"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return false;
    }
    let prev = before.split_whitespace().next_back().unwrap_or("");
    if prev.ends_with([',', ';', ':', '.']) {
        return false;
    }
    let amount = prev.chars().any(|ch| ch.is_ascii_digit())
        || matches!(
            prev,
            "once" | "twice" | "million" | "billion" | "thousand" | "hundred" | "cents" | "percent"
        );
    let plural_noun = prev.len() > 3
        && prev.ends_with('s')
        && !prev.ends_with("ss")
        && prev.chars().all(|ch| ch.is_ascii_lowercase())
        && !lexicon::is_function_word(prev)
        && !matches!(
            prev,
            "does" | "was" | "has" | "is" | "this" | "its" | "his" | "as"
        );
    amount || plural_noun
}

pub(super) fn normalise(
    rule: Rule,
    c: &regex::Captures,
    text: &str,
    start: usize,
    dct: Option<NaiveDate>,
    sent: Span,
    text_has_quarter: bool,
) -> Option<(TimexType, Resolved, bool)> {
    let g = |i: usize| c.get(i).map(|m| m.as_str());
    // The sentence holding the match (it gives tense and context).
    let sentence = sent.slice(text).unwrap_or(text);
    let before = &text[..start];
    let prev_char = before.chars().next_back();
    // Not dates: money, scores, measures, ids.
    if matches!(
        prev_char,
        Some('$' | '#' | '£' | '€' | '/' | '-' | '.' | ',' | ':')
    ) && matches!(rule, Rule::Year | Rule::NumericDate | Rule::Decade)
    {
        return None;
    }
    let after = &text[c.get(0)?.end()..];
    let next_char = after.chars().next();
    let word_before = before.split_whitespace().next_back().unwrap_or("").to_lowercase();
    // "in May", "since 1998": a preposition that makes the next word a time.
    let time_prep = matches!(
        word_before.as_str(),
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "through"
            | "from"
            | "during"
            | "before"
            | "after"
            | "early"
            | "late"
    );
    // The tense around the expression (past when nothing says).
    let tense = || {
        let end = c.get(0).map_or(start, |m| m.end());
        (sent.start <= start && end <= sent.end)
            .then(|| tense_at(sentence, start - sent.start, end - sent.start))?
    };
    let future = || tense().unwrap_or_else(|| future_tense(sentence));
    let (kind, value, anchored) = match rule {
        Rule::WeekdayDate => {
            // "Monday, Oct. 26": the date, in the year (of three) whose weekday agrees.
            let (wd, m, d) = (weekday(g(1)?)?, month_number(g(2)?)?, g(3)?.parse::<u32>().ok()?);
            if let Some(y) = g(4) {
                let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m, d)?;
                return known(TimexType::Date, TimeValue::day_of(date), false);
            }
            let dct = dct?;
            let fits = [0, -1, 1]
                .iter()
                .filter_map(|k| NaiveDate::from_ymd_opt(dct.year() + k, m, d))
                .find(|x| x.weekday() == wd);
            let date = fits.or_else(|| NaiveDate::from_ymd_opt(nearest_year(dct, m, d), m, d))?;
            (TimexType::Date, TimeValue::day_of(date), true)
        }
        Rule::MonthDayYear | Rule::DayMonthYear => {
            let (mo, d, y) = if matches!(rule, Rule::MonthDayYear) {
                (g(1)?, g(2)?, g(3)?)
            } else {
                (g(2)?, g(1)?, g(3)?)
            };
            let date = NaiveDate::from_ymd_opt(y.parse().ok()?, month_number(mo)?, d.parse().ok()?)?;
            (TimexType::Date, TimeValue::day_of(date), false)
        }
        Rule::MonthDay | Rule::DayMonth => {
            let (mo, d) = if matches!(rule, Rule::MonthDay) {
                (g(1)?, g(2)?)
            } else {
                (g(2)?, g(1)?)
            };
            let (m, d): (u32, u32) = (month_number(mo)?, d.parse().ok()?);
            if !(1..=31).contains(&d) || matches!(next_char, Some('%')) {
                return None;
            }
            // "May 5" needs a capitalised May; "March 20" fine.
            if mo.eq_ignore_ascii_case("may") && !mo.starts_with('M') {
                return None;
            }
            match dct {
                Some(dct) => {
                    // The tense decides when it is clear; else the nearest such day (news
                    // mentions recent and coming dates alike).
                    let this = NaiveDate::from_ymd_opt(dct.year(), m, d)?;
                    let near = nearest_year(dct, m, d);
                    let far =
                        NaiveDate::from_ymd_opt(near, m, d).is_some_and(|x| (x - dct).num_days().abs() > 120);
                    // "the quarter ended Oct. 31": the period closed, so the last such day.
                    let closed = word_before == "ended";
                    let y = match tense() {
                        _ if closed => dct.year() - i32::from(this > dct),
                        Some(false) if far => dct.year() - i32::from(this > dct + Duration::days(1)),
                        Some(true) if far => dct.year() + i32::from(this < dct - Duration::days(1)),
                        _ => near,
                    };
                    (
                        TimexType::Date,
                        TimeValue::day_of(NaiveDate::from_ymd_opt(y, m, d)?),
                        true,
                    )
                }
                None => (
                    TimexType::Date,
                    TimeValue::Day {
                        year: None,
                        month: Some(m),
                        day: Some(d),
                        time: None,
                    },
                    false,
                ),
            }
        }
        Rule::MonthYear => {
            let (modifier, mo, y) = (g(1), g(2)?, g(3));
            // A bare month must be capitalised, and "May" only with a modifier or year.
            if !mo.starts_with(|ch: char| ch.is_uppercase()) {
                return None;
            }
            // "May" needs a modifier, a year or a preposition that makes it the month ("in May").
            if mo == "May" && modifier.is_none() && y.is_none() && !time_prep {
                return None;
            }
            // "the March for Life", "the March of the Mothers": an event's name.
            let named_next = |lead: &str| {
                after
                    .strip_prefix(lead)
                    .is_some_and(|r| r.starts_with(|ch: char| ch.is_uppercase()))
            };
            if mo == "March"
                && y.is_none()
                && modifier.is_none()
                && (named_next(" for ") || named_next(" of the "))
            {
                return None;
            }
            if mo.len() <= 4
                && !mo.ends_with('.')
                && y.is_none()
                && !(mo == "May" && (modifier.is_some() || time_prep))
                && mo.len() < 5
                && mo != "June"
                && mo != "July"
            {
                // "Mar", "Jan" without a year or dot: too ambiguous.
                return None;
            }
            let m = month_number(mo)?;
            let year = match y {
                Some(y) => y.parse::<i32>().ok()?,
                None => {
                    let Some(dct) = dct else {
                        let value = TimeValue::Month {
                            year: None,
                            month: Some(m),
                        };
                        return known(TimexType::Date, value, false);
                    };
                    match modifier.map(str::to_lowercase).as_deref() {
                        Some("last") => {
                            if m >= dct.month() {
                                dct.year() - 1
                            } else {
                                dct.year()
                            }
                        }
                        Some("next") => {
                            if m <= dct.month() {
                                dct.year() + 1
                            } else {
                                dct.year()
                            }
                        }
                        _ => {
                            let (m, now) = (m as i32, dct.month() as i32);
                            match tense() {
                                Some(true) => dct.year() + i32::from(m < now),
                                Some(false) => dct.year() - i32::from(m > now),
                                // No tense nearby: this year's month, or last year's when
                                // this year's is more than six months ahead (news looks back
                                // more than forward: "In January, …" in October is past).
                                // "by February", "through January": a deadline ahead.
                                None if matches!(
                                    word_before.as_str(),
                                    "by" | "until" | "till" | "through"
                                ) =>
                                {
                                    dct.year() + i32::from(m < now)
                                }
                                None if m - now > 6 => dct.year() - 1,
                                None => dct.year(),
                            }
                        }
                    }
                }
            };
            (TimexType::Date, TimeValue::month_of(year, m), y.is_none())
        }
        Rule::Year => {
            let y = g(2)?;
            if matches!(next_char, Some('%' | '-' | '/')) && !after.starts_with("-year") {
                return None;
            }
            // A year needs a time context: "in 1998", "1998's", "the 1998 election".
            let plausible = time_prep
                || g(1).is_some()
                || word_before.ends_with("post-")
                || word_before.ends_with("pre-")
                || matches!(
                    word_before.as_str(),
                    "of" | "to"
                        | "the"
                        | "mid"
                        | "and"
                        | "between"
                        | "for"
                        | "fiscal"
                        | "year"
                        | "summer"
                        | "spring"
                        | "fall"
                        | "winter"
                        | "around"
                        | "about"
                        | "than"
                        | "("
                        | "in,"
                        | "circa"
                        | "due"
                        | "a"
                )
                || after.starts_with("'s")
                || word_before.ends_with(',');
            // "its 1990 invasion", "his unsuccessful 1996 campaign": a possessive before.
            let owned = before.split_whitespace().rev().take(2).any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "his" | "her" | "its" | "their" | "our" | "this" | "that" | "whose"
                ) || w.ends_with("'s")
                    || w.ends_with("’s")
            });
            // Otherwise a recent year standing alone ("1990 BellSouth earnings", "… 1990.")
            // is a year; one followed by a lower-case word is a count ("2000 troops").
            let year: i32 = y.parse().ok()?;
            let next_lower = after.trim_start().starts_with(|ch: char| ch.is_lowercase());
            let standalone = (1900..=2039).contains(&year) && !next_lower;
            if !(plausible || standalone || owned && (1900..=2039).contains(&year)) {
                return None;
            }
            (TimexType::Date, TimeValue::year_of(year), false)
        }
        // A decade is its first three digits: "the 1990s" → 199 (ISO 8601, TimeML).
        Rule::Decade => (TimexType::Date, TimeValue::Decade(g(2)?.parse().ok()?), false),
        Rule::NumericDate => {
            let (a, b, y): (u32, u32, &str) = (g(1)?.parse().ok()?, g(2)?.parse().ok()?, g(3)?);
            let y: i32 = if y.len() == 2 {
                1900 + y.parse::<i32>().ok()?
            } else {
                y.parse().ok()?
            };
            let y = if y < 1950 { y + 100 } else { y };
            // US order first (month/day), else day/month.
            let date = NaiveDate::from_ymd_opt(y, a, b).or_else(|| NaiveDate::from_ymd_opt(y, b, a))?;
            (TimexType::Date, TimeValue::day_of(date), false)
        }
        Rule::IsoDate => {
            let date =
                NaiveDate::from_ymd_opt(g(1)?.parse().ok()?, g(2)?.parse().ok()?, g(3)?.parse().ok()?)?;
            (TimexType::Date, TimeValue::day_of(date), false)
        }
        Rule::Weekday => {
            let modifier = g(1).map(str::to_lowercase);
            let wd = weekday(g(2)?)?;
            let part = g(3).map(|p| {
                TimeOfDay::Part(match p.to_lowercase().as_str() {
                    "morning" => PartOfDay::Morning,
                    "afternoon" => PartOfDay::Afternoon,
                    "evening" => PartOfDay::Evening,
                    _ => PartOfDay::Night,
                })
            });
            let Some(dct) = dct else {
                return known(TimexType::Date, UNKNOWN_DAY, false);
            };
            // "the previous Friday": the Friday before the last date named (see `find`).
            if let Some(m @ ("the previous" | "the following")) = modifier.as_deref() {
                let pending = Pending::Weekday {
                    back: m == "the previous",
                    weekday: wd,
                };
                return Some((TimexType::Date, Resolved::Pending(pending), true));
            }
            let date = match modifier.as_deref() {
                Some("next") | Some("coming") => weekday_date(dct + Duration::days(1), wd, true),
                Some("last") | Some("past") => weekday_date(dct - Duration::days(1), wd, false),
                // "Wednesday's ruling": something that happened.
                _ if after.starts_with("'s") || after.starts_with("’s") => weekday_date(dct, wd, false),
                // "this Saturday": the coming one unless the tense says otherwise.
                Some("this") => weekday_date(dct, wd, tense().unwrap_or(true)),
                _ => weekday_date(dct, wd, future()),
            };
            // TimeBank writes "Wednesday night" as a DATE with the part of day.
            (TimexType::Date, TimeValue::day_at(date, part), true)
        }
        Rule::DayWord => {
            // "today's world", "today's youth": the present in general, not a day.
            if let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")) {
                let noun = rest.split_whitespace().next().unwrap_or("").to_lowercase();
                if matches!(
                    noun.as_str(),
                    "world"
                        | "youth"
                        | "society"
                        | "generation"
                        | "children"
                        | "kids"
                        | "young"
                        | "standards"
                        | "technology"
                        | "economy"
                        | "culture"
                ) {
                    return None;
                }
            }
            let dct = dct?;
            let d = match g(1)?.to_lowercase().as_str() {
                "today" => dct,
                "yesterday" => dct - Duration::days(1),
                "the day before yesterday" => dct - Duration::days(2),
                "the day after tomorrow" => dct + Duration::days(2),
                // "tomorrow" and the ways posts write it ("tmrw", "2moro").
                _ => dct + Duration::days(1),
            };
            (TimexType::Date, TimeValue::day_of(d), true)
        }
        Rule::PartOfDay => {
            let dct = dct?;
            let w = g(1)?.to_lowercase();
            if w == "tonight" {
                return known(TimexType::Date, TimeValue::day_of(dct), true);
            }
            let (d, p) = match w.as_str() {
                "last night" => (dct - Duration::days(1), PartOfDay::Night),
                _ => {
                    let d = if w.contains("yesterday") {
                        dct - Duration::days(1)
                    } else {
                        dct
                    };
                    let w = w.trim_end_matches(" yesterday").trim_end_matches(" today");
                    if w == "midday" {
                        let noon = TimeOfDay::Clock { hour: 12, minute: 0 };
                        return known(TimexType::Time, TimeValue::day_at(d, Some(noon)), true);
                    }
                    let p = if w.ends_with("morning") {
                        PartOfDay::Morning
                    } else if w.ends_with("afternoon") {
                        PartOfDay::Afternoon
                    } else {
                        PartOfDay::Evening
                    };
                    (d, p)
                }
            };
            (
                TimexType::Time,
                TimeValue::day_at(d, Some(TimeOfDay::Part(p))),
                true,
            )
        }
        Rule::RelativeUnit => {
            let dct = dct?;
            let which = g(2)?.to_lowercase();
            let unit = g(3)?.to_lowercase();
            let delta: i32 = match which.as_str() {
                "last" | "the past" | "the previous" => -1,
                "next" | "the coming" | "the following" | "the next" => 1,
                _ => 0,
            };
            // "the next decade", "the past month": a stretch of time, not a calendar unit
            // ("the past year", as TimeBank reads it, is the last calendar year).
            if !(which == "the past" && unit == "year")
                && matches!(
                    which.as_str(),
                    "the past" | "the next" | "the coming" | "the following"
                )
                && matches!(
                    unit.as_str(),
                    "week" | "weekend" | "month" | "year" | "quarter" | "decade" | "century"
                )
            {
                let one = |k: f64, unit| Period::of(Amount::Count(k), unit);
                let v = match unit.as_str() {
                    "decade" => one(10.0, Unit::Year),
                    "century" => one(100.0, Unit::Year),
                    "weekend" => one(2.0, Unit::Day),
                    u => period(Amount::Count(1.0), u),
                };
                return known(TimexType::Duration, TimeValue::Duration(v), false);
            }
            let value = match unit.as_str() {
                "week" => TimeValue::week_of(dct + Duration::weeks(delta as i64)),
                "weekend" => TimeValue::weekend_of(dct + Duration::weeks(delta as i64)),
                "month" => {
                    let (y, m) = shift_months(dct.year(), dct.month(), delta);
                    TimeValue::month_of(y, m)
                }
                "year" => TimeValue::year_of(dct.year() + delta),
                "quarter" => quarter_from(dct, delta),
                "decade" => TimeValue::Decade(dct.year() / 10 + delta),
                "century" => TimeValue::Century(dct.year() / 100 + delta),
                season => TimeValue::Season {
                    year: Some(dct.year() + delta),
                    season: season_named(season),
                },
            };
            (TimexType::Date, value, true)
        }
        Rule::Ago => {
            let n = number(g(1)?)?;
            let unit = g(2)?.to_lowercase();
            let dir = g(3)?.to_lowercase();
            let Some(dct) = dct else {
                return known(TimexType::Date, UNKNOWN_DAY, false);
            };
            // An unknown count ("some years ago"), or one beyond the calendar TIMEX3 writes
            // ("99999 years ago"), is no date.
            let vague = if dir == "ago" {
                TimeValue::PastRef
            } else {
                TimeValue::FutureRef
            };
            let Amount::Count(k) = n else {
                return known(TimexType::Date, vague, true);
            };
            let k = k.min(10_000.0);
            let k = k as i64
                * if matches!(dir.as_str(), "ago" | "earlier" | "before") {
                    -1
                } else {
                    1
                };
            let u = unit.trim_end_matches('s');
            let value = match u {
                "day" => TimeValue::day_of(dct + Duration::days(k)),
                "week" => TimeValue::week_of(dct + Duration::weeks(k)),
                "month" => {
                    let (y, m) = shift_months(dct.year(), dct.month(), k as i32);
                    TimeValue::month_of(y, m)
                }
                // In quarterly results, "a year ago" is the same quarter a year before.
                "year" if k == -1 && quarterly(text_has_quarter, sentence) => last_quarter(dct, -1),
                "year" => TimeValue::year_of((dct.year() as i64 + k) as i32),
                "decade" => TimeValue::Decade(((dct.year() as i64 + 10 * k) / 10) as i32),
                "hour" | "minute" | "second" => TimeValue::day_of(dct),
                _ => return None,
            };
            (
                TimexType::Date,
                if value.is_valid() { value } else { vague },
                true,
            )
        }
        Rule::Present => {
            // "Now, …" opening a sentence is a discourse marker.
            if g(1)? == "Now" && after.starts_with(',') {
                return None;
            }
            (TimexType::Date, TimeValue::PresentRef, true)
        }
        Rule::Past => {
            // "in recent months", "the coming weeks": an unspecified stretch of them.
            let unit = g(1)?.to_lowercase();
            match unit
                .split(' ')
                .find(|w| matches!(*w, "days" | "weeks" | "months" | "years"))
            {
                Some(unit @ ("days" | "weeks" | "months" | "years")) => (
                    TimexType::Duration,
                    TimeValue::Duration(period(Amount::Unknown, unit)),
                    false,
                ),
                _ => (TimexType::Date, TimeValue::PastRef, true),
            }
        }
        Rule::Clock => {
            let (h, min) = if let Some(w) = g(4) {
                (if w.eq_ignore_ascii_case("noon") { 12 } else { 24 }, 0)
            } else {
                let mut h: u32 = g(1)?.parse().ok()?;
                let min: u32 = g(2).map_or(Some(0), |m| m.parse().ok())?;
                let pm = g(3)?.to_lowercase().starts_with('p');
                if h > 12 || min > 59 {
                    return None;
                }
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                (h, min)
            };
            // "9 a.m. Tuesday", "noon Thursday": that weekday, resolved as a weekday is.
            // "5 p.m. EST Nov. 9": that date.
            let dated = match (
                dct,
                g(6).and_then(month_number),
                g(7).and_then(|d| d.parse::<u32>().ok()),
            ) {
                (Some(d), Some(m), Some(day)) => NaiveDate::from_ymd_opt(nearest_year(d, m, day), m, day),
                _ => None,
            };
            let day = match (dct, g(5).and_then(weekday)) {
                _ if dated.is_some() => dated,
                (Some(d), Some(wd)) => Some(weekday_date(d, wd, future())),
                (d, _) => d,
            };
            let clock = TimeOfDay::Clock { hour: h, minute: min };
            match day {
                Some(d) => (TimexType::Time, TimeValue::day_at(d, Some(clock)), true),
                None => (
                    TimexType::Time,
                    TimeValue::Day {
                        year: None,
                        month: None,
                        day: None,
                        time: Some(clock),
                    },
                    false,
                ),
            }
        }
        Rule::Duration => {
            // Ages are not durations ("a 6-year-old", "44 years old"), nor fractions
            // ("three-quarters of").
            if after.starts_with("-old") || after.starts_with(" old") {
                return None;
            }
            if g(3)?.to_lowercase().starts_with("quarter") && after.trim_start().starts_with("of ") {
                return None;
            }
            let unit = g(3)?;
            // "a weeks-long battle": some weeks, not one.
            let n = if matches!(g(1)?.to_lowercase().as_str(), "a" | "an") && unit.ends_with('s') {
                Amount::Unknown
            } else {
                number(g(1)?)?
            };
            let half = g(2).or(g(4)).is_some();
            // "Islam will one day be …": some time ahead, not a day's length.
            if g(1)?.eq_ignore_ascii_case("one")
                && unit.eq_ignore_ascii_case("day")
                && matches!(
                    word_before.as_str(),
                    "will" | "would" | "could" | "may" | "might" | "can" | "should" | "shall"
                )
            {
                return known(TimexType::Date, TimeValue::FutureRef, true);
            }
            // "a second group", "a second betrayal": an ordinal.
            if unit.eq_ignore_ascii_case("second")
                && g(1)?.to_lowercase().starts_with('a')
                && after.trim_start().starts_with(|c: char| c.is_alphabetic())
                && !["ago", "later", "earlier", "or", "and", "before", "after"]
                    .iter()
                    .any(|w| after.trim_start().starts_with(w))
            {
                return None;
            }
            // "the 1988 second quarter": a year, not a count.
            if g(1)?.len() == 4 && (1600..2100).contains(&n.whole().unwrap_or(0)) {
                return None;
            }
            // "once a day", "$2 million a year", "four flights a week": a rate, not a duration.
            if matches!(g(1)?.to_lowercase().as_str(), "a" | "an") && is_rate(before, after) {
                return None;
            }
            let value = match (half, n.whole()) {
                (true, Some(k)) => half_period(k, unit).unwrap_or_else(|| period(n, unit)),
                _ => period(n, unit),
            };
            (TimexType::Duration, TimeValue::Duration(value), false)
        }
        Rule::Set => {
            let unit = g(2).or(g(3))?.to_lowercase();
            // "a year" is a set only as a rate ("$2 million a year").
            if g(1).is_some_and(|a| a.eq_ignore_ascii_case("a")) && !is_rate(before, after) {
                return None;
            }
            // "each Thursday", "every July"; but "a May" is not a set.
            if let Some(wd) = weekday(&unit).filter(|_| unit.len() > 5) {
                if g(1)?.eq_ignore_ascii_case("a") {
                    return None;
                }
                let every = TimeValue::WeekDay {
                    year: None,
                    week: None,
                    weekday: wd,
                };
                return known(TimexType::Set, every, false);
            }
            if let Some(m) = month_number(&unit).filter(|_| !matches!(unit.as_str(), "day" | "daily")) {
                if g(1)?.eq_ignore_ascii_case("a") || g(2)? == "may" {
                    return None;
                }
                let every = TimeValue::Month {
                    year: None,
                    month: Some(m),
                };
                return known(TimexType::Set, every, false);
            }
            let (k, unit) = match unit.as_str() {
                "day" | "daily" | "morning" | "night" | "evening" | "nightly" => (1.0, Unit::Day),
                "week" | "weekly" => (1.0, Unit::Week),
                "month" | "monthly" => (1.0, Unit::Month),
                "year" | "annually" | "yearly" => (1.0, Unit::Year),
                "quarter" => (3.0, Unit::Month),
                "hour" | "hourly" => (1.0, Unit::Hour),
                _ => (1.0, Unit::Minute),
            };
            let every = Period::of(Amount::Count(k), unit);
            (TimexType::Set, TimeValue::Duration(every), false)
        }
        Rule::Season => {
            let season = season_named(&g(2)?.to_lowercase());
            let value = TimeValue::Season {
                year: Some(g(3)?.parse().ok()?),
                season,
            };
            (TimexType::Date, value, false)
        }
        Rule::SeasonBare => {
            // "the summer", "over the early summer", "this past spring": a season of the
            // creation year (or the one before, when past and not yet begun). "The fall of
            // the Wall", "the spring in his step" are not seasons.
            let past = g(1)?.to_lowercase().starts_with("this past");
            let season = g(2)?.to_lowercase();
            if !past
                && (!(time_prep
                    || matches!(word_before.as_str(), "over" | "throughout" | "into" | "for")
                    || word_before == "of" && season != "fall")
                    || [" of", " in", " to", " from", " on"]
                        .iter()
                        .any(|p| after.starts_with(p)))
            {
                return None;
            }
            let season = season_named(&season);
            let first = season.first_month();
            let Some(dct) = dct else {
                return known(TimexType::Date, TimeValue::Season { year: None, season }, false);
            };
            let ahead = if past { Some(false) } else { tense() };
            let year = match ahead {
                Some(false) if first > dct.month() => dct.year() - 1,
                Some(true) if first + 2 < dct.month() => dct.year() + 1,
                _ => dct.year(),
            };
            (
                TimexType::Date,
                TimeValue::Season {
                    year: Some(year),
                    season,
                },
                true,
            )
        }
        Rule::SetEvery => {
            // "every three minutes", "every other day": a set with that period.
            let n = if g(1)?.eq_ignore_ascii_case("other") {
                Amount::Count(2.0)
            } else {
                number(g(1)?)?
            };
            (TimexType::Set, TimeValue::Duration(period(n, g(2)?)), false)
        }
        Rule::Century => {
            // "the 20th century" → 19; "the nineties" → the decade of the creation century.
            if let Some(n) = g(1) {
                let n: i32 = n.parse().ok()?;
                (1..=30).contains(&n).then_some(())?;
                (TimexType::Date, TimeValue::Century(n - 1), false)
            } else {
                let tens = [
                    "twenties",
                    "thirties",
                    "forties",
                    "fifties",
                    "sixties",
                    "seventies",
                    "eighties",
                    "nineties",
                ]
                .iter()
                .position(|d| g(2).is_some_and(|w| w.eq_ignore_ascii_case(d)))?
                    + 2;
                // The latest such decade that has begun, or begins within ten years.
                let century = dct.map_or(19, |d| {
                    let c = d.year() / 100;
                    if c * 100 + tens as i32 * 10 <= d.year() + 10 {
                        c
                    } else {
                        c - 1
                    }
                });
                (
                    TimexType::Date,
                    TimeValue::Decade(century * 10 + tens as i32),
                    dct.is_some(),
                )
            }
        }
        Rule::QuarterRelative => {
            let dct = dct?;
            let which = g(1).or(g(3)).map(str::to_lowercase);
            let noun = g(2).unwrap_or("quarter").to_lowercase();
            if noun == "period" && which.is_none() {
                return None;
            }
            // The quarter a report speaks of is the last completed one.
            let mut value = last_quarter(dct, 0);
            if let Some(y0) = which.as_deref().and_then(|w| w.parse::<i32>().ok()) {
                value = value.with_year(y0);
            }
            match which.as_deref() {
                Some("current") => return known(TimexType::Date, quarter_from(dct, 0), true),
                Some("year-earlier" | "year-ago" | "comparable") => {
                    value = value.with_year(value.year()? - 1);
                }
                _ => {}
            }
            (TimexType::Date, value, true)
        }
        Rule::Reference => {
            let w = g(1)?.to_lowercase();
            let v = match w.as_str() {
                // "the then current price": current at a time past.
                "current" if word_before == "then" || before.ends_with("then-") => TimeValue::PastRef,
                "current" => TimeValue::PresentRef,
                "recent" | "the past" => TimeValue::PastRef,
                "now and then" => return None,
                // "the future of the region": a topic, not a time.
                _ if after.starts_with(" of ") => return None,
                _ => TimeValue::FutureRef,
            };
            (TimexType::Date, v, true)
        }
        Rule::SpelledYear => {
            // "nineteen ninety-six", "the year two thousand" (spoken transcripts).
            let n = |i: usize| g(i).and_then(number).and_then(Amount::whole).map(|v| v as i32);
            let year = if g(4).is_some() {
                2000 + n(5).unwrap_or(0)
            } else {
                1900 + n(2)? + n(3).unwrap_or(0)
            };
            // "two thousand" alone is a count unless "the year" says otherwise.
            if g(4).is_some() && g(5).is_none() && !c.get(0)?.as_str().to_lowercase().starts_with("the year")
            {
                return None;
            }
            (TimexType::Date, TimeValue::year_of(year), false)
        }
        // "by year-end": the end of the current year.
        Rule::YearEnd => (TimexType::Date, TimeValue::year_of(dct?.year()), true),
        Rule::MonthRelYear => {
            // "January this year", "July last year".
            let m = month_number(g(1)?)?;
            let y = dct?.year()
                + match g(2)? {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
            (TimexType::Date, TimeValue::month_of(y, m), true)
        }
        Rule::Half => {
            // "the last half of 1989" → 1989-H2; without a year, the current one. Half of a
            // decade ("the last half of the '80s") has no ISO form: the decade.
            static DECADE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^ of the (?:(?:'|’)(\d)0s|(1[6-9]|20)(\d)0s)").expect("decade after a half")
            });
            if let Some(d) = DECADE.captures(after) {
                let century = match d.get(2) {
                    Some(c) => c.as_str().parse().ok()?,
                    None => dct.map_or(19, |x| x.year() / 100),
                };
                let tens: i32 = d.get(1).or(d.get(3))?.as_str().parse().ok()?;
                let decade = TimeValue::Decade(century * 10 + tens);
                return known(TimexType::Date, decade, d.get(2).is_none());
            }
            let first = g(1).or(g(2))?.to_lowercase().starts_with("first");
            let (y, anchored) = match g(3) {
                Some(y) => (y.parse::<i32>().ok()?, false),
                None => (dct?.year(), true),
            };
            let half = if first { 1 } else { 2 };
            (TimexType::Date, TimeValue::Half { year: Some(y), half }, anchored)
        }
        Rule::YearAgo => {
            // "year-earlier results": the year before, or its quarter in a quarterly report.
            let dct = dct?;
            let v = if quarterly(text_has_quarter, sentence) {
                last_quarter(dct, -1)
            } else {
                TimeValue::year_of(dct.year() - 1)
            };
            (TimexType::Date, v, true)
        }
        Rule::NarrativeYear => {
            // Resolved in text order against the last year mentioned (see `find`).
            let step = i32::from(g(1)?.eq_ignore_ascii_case("the following"));
            let pending = match g(2)?.to_lowercase().as_str() {
                "month" => Pending::Month(step),
                "week" => Pending::Week(step.into()),
                _ => Pending::Year(step),
            };
            return Some((TimexType::Date, Resolved::Pending(pending), true));
        }
        Rule::Weekend => {
            // The weekend just past (or, in the future tense, the next one).
            let dct = dct?;
            let day = if future() {
                weekday_date(dct, Weekday::Sat, true)
            } else {
                weekday_date(dct, Weekday::Sun, false)
            };
            (TimexType::Date, TimeValue::weekend_of(day), true)
        }
        Rule::TheYear => {
            // "the year" in a dated report is the current year ("earnings for the year").
            if after.starts_with('-') {
                return None;
            }
            let rest = after.trim_start();
            if [
                "ago", "before", "earlier", "after", "later", "of", "in which", "when", "that", "'s",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
            {
                return None;
            }
            // "the year ended June 30": a twelve-month period.
            if ["ended", "ending", "that ended", "through", "to "]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                let twelve_months = Period::of(Amount::Count(1.0), Unit::Year);
                return known(TimexType::Duration, TimeValue::Duration(twelve_months), false);
            }
            (TimexType::Date, TimeValue::year_of(dct?.year()), true)
        }
        Rule::Holiday => {
            let dct = dct?;
            let name = g(1)?;
            let date_in = |y: i32| -> Option<NaiveDate> {
                let nth =
                    |month: u32, wd: Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(y, month, wd, n);
                if name.starts_with("Thanksgiving") {
                    nth(11, Weekday::Thu, 4)
                } else if name.starts_with("Christmas Eve") {
                    NaiveDate::from_ymd_opt(y, 12, 24)
                } else if name.starts_with("Christmas") {
                    NaiveDate::from_ymd_opt(y, 12, 25)
                } else if name.ends_with("Eve") {
                    NaiveDate::from_ymd_opt(y, 12, 31)
                } else if name.starts_with("New Year") {
                    NaiveDate::from_ymd_opt(y, 1, 1)
                } else if name.starts_with("Independence") {
                    NaiveDate::from_ymd_opt(y, 7, 4)
                } else if name.starts_with("Labor") {
                    nth(9, Weekday::Mon, 1)
                } else if name.starts_with("Memorial") {
                    // The last Monday of May.
                    (1..=5).rev().find_map(|n| nth(5, Weekday::Mon, n))
                } else if name.starts_with("Election") {
                    // The Tuesday after the first Monday of November.
                    nth(11, Weekday::Mon, 1).map(|d| d + Duration::days(1))
                } else if name.starts_with("Veterans") {
                    NaiveDate::from_ymd_opt(y, 11, 11)
                } else if name.starts_with("Halloween") {
                    NaiveDate::from_ymd_opt(y, 10, 31)
                } else {
                    NaiveDate::from_ymd_opt(y, 2, 14)
                }
            };
            // The nearest occurrence.
            let best = [dct.year() - 1, dct.year(), dct.year() + 1]
                .into_iter()
                .filter_map(date_in)
                .min_by_key(|d| (*d - dct).num_days().abs())?;
            (TimexType::Date, TimeValue::day_of(best), true)
        }
        Rule::Vague => {
            // "for years": an unknown number of years. Only the unit is the expression.
            if after.trim_start().starts_with("of ") || after.trim_start().starts_with("ago") {
                return None;
            }
            (
                TimexType::Duration,
                TimeValue::Duration(period(Amount::Unknown, g(1)?)),
                false,
            )
        }
        Rule::Narrative => {
            // Resolved in text order against the last full date (see `find`). "That same
            // day", and "the day" of "Oct. 12, the day before the plunge", are the date itself.
            let step = match g(1).or(g(2)).map(str::to_lowercase).as_deref() {
                None => 0,
                Some("before" | "after") if appositive_day(before, after) => 0,
                Some("previous" | "before") => -1,
                Some(_) => 1,
            };
            return Some((TimexType::Date, Resolved::Pending(Pending::Day(step)), true));
        }
        Rule::Quarter => {
            let q = match g(3)?.to_lowercase().as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            // "next year's first quarter"
            if let (Some(rel), Some(dct)) = (g(2), dct) {
                let y = dct.year()
                    + match rel.to_lowercase().as_str() {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                return known(TimexType::Date, TimeValue::quarter_of(y, q), true);
            }
            let (y, anchored) = match g(1).or(g(4)) {
                Some(y) => (y.parse::<i32>().ok()?, false),
                None => {
                    let dct = dct?;
                    let current = (dct.month() - 1) / 3 + 1;
                    let y = if q > current && !future_tense(sentence) {
                        dct.year() - 1
                    } else {
                        dct.year()
                    };
                    (y, true)
                }
            };
            (TimexType::Date, TimeValue::quarter_of(y, q), anchored)
        }
    };
    known(kind, value, anchored)
}

/// A normalised value: the type, the value, and whether the creation date anchored it.
fn known(kind: TimexType, value: TimeValue, anchored: bool) -> Option<(TimexType, Resolved, bool)> {
    Some((kind, Resolved::Value(value), anchored))
}

/// A day of which nothing is known (`XXXX-XX-XX`): a weekday with no creation date.
const UNKNOWN_DAY: TimeValue = TimeValue::Day {
    year: None,
    month: None,
    day: None,
    time: None,
};

/// The season a (lower-case) name names; "fall" and "autumn" are one.
fn season_named(name: &str) -> Season {
    match name {
        "summer" => Season::Summer,
        "spring" => Season::Spring,
        "winter" => Season::Winter,
        _ => Season::Fall,
    }
}
