//! Expressions counted from the creation date: weekdays, "yesterday", "this morning",
//! "last week", "two days ago", "the weekend", clock times.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::Regex;

use super::{quarterly, season_named, Ctx, Normalised, UNKNOWN_DAY};
use crate::time::calendar::{last_quarter, nearest_year, quarter_from, shift_months, weekday_date};
use crate::time::lists::GENERIC_NOUNS;
use crate::time::value::{Amount, PartOfDay, Period, TimeOfDay, TimeValue, Unit};
use crate::time::words::{month_number, number, period, weekday as weekday_named, WEEKDAYS};
use crate::time::{Pending, TimexType};

/// "on Friday", "next Tuesday", "Wednesday night" (a TIME with the part of day, as the
/// TIMEX3 guidelines type any time of day and TimeBank follows; AQUAINT's annotators wrote
/// DATE, see `bench/RESULTS.md`): the weekday before or after the creation date as the modifier or the
/// tense says; "the previous Friday" counts from the last date named.
pub(super) fn weekday(c: &Ctx) -> Option<Normalised> {
    let modifier = c.g(1).map(str::to_lowercase);
    let wd = weekday_named(c.g(2)?)?;
    let part = c.g(3).map(|p| {
        TimeOfDay::Part(match p.to_lowercase().as_str() {
            "morning" => PartOfDay::Morning,
            "afternoon" => PartOfDay::Afternoon,
            "evening" => PartOfDay::Evening,
            _ => PartOfDay::Night,
        })
    });
    if modifier.is_none() && joined_to_plural_weekday(c.after) {
        let every = TimeValue::WeekDay {
            year: None,
            week: None,
            weekday: wd,
        };
        return Normalised::new(TimexType::Set, every, false);
    }
    let Some(dct) = c.dct else {
        return Normalised::date(UNKNOWN_DAY, false);
    };
    if let Some(m @ ("the previous" | "the following")) = modifier.as_deref() {
        return Normalised::pending(Pending::Weekday {
            back: m == "the previous",
            weekday: wd,
        });
    }
    let date = match modifier.as_deref() {
        Some("next") | Some("coming") => weekday_date(dct + Duration::days(1), wd, true),
        Some("last") | Some("past") => weekday_date(dct - Duration::days(1), wd, false),
        // "Wednesday's ruling": something that happened.
        _ if c.after.starts_with("'s") || c.after.starts_with("’s") => weekday_date(dct, wd, false),
        // "this Saturday": the coming one unless the tense says otherwise.
        Some("this") => weekday_date(dct, wd, c.tense().unwrap_or(true)),
        _ => weekday_date(dct, wd, c.future()),
    };
    let kind = if part.is_some() {
        TimexType::Time
    } else {
        TimexType::Date
    };
    Normalised::new(kind, TimeValue::day_at(date, part), true)
}

/// "Monday and Tuesday nights", "Monday or Fridays": a weekday joined to a plural one
/// shares its distributive reading, a weekday of every week (TimeML: a SET, as the plural).
fn joined_to_plural_weekday(after: &str) -> bool {
    static JOINED: LazyLock<Regex> = LazyLock::new(|| {
        let plural =
            format!(r"^,?\s+(?:and|or)\s+{WEEKDAYS}(?:s|\s+(?:morning|afternoon|evening|night)s)(?-u:\b)");
        Regex::new(&plural).expect("a plural weekday after a weekday")
    });
    JOINED.is_match(after)
}

/// "today", "yesterday", "tomorrow" and the ways posts write it ("tmrw", "2moro"); not
/// the present in general ("today's youth").
pub(super) fn day_word(c: &Ctx) -> Option<Normalised> {
    if let Some(rest) = c
        .after
        .strip_prefix("'s ")
        .or_else(|| c.after.strip_prefix("’s "))
    {
        let noun = rest.split_whitespace().next().unwrap_or("").to_lowercase();
        if GENERIC_NOUNS.contains(&noun) {
            return None;
        }
    }
    let dct = c.dct?;
    let d = match c.g(1)?.to_lowercase().as_str() {
        "today" => dct,
        "yesterday" => dct - Duration::days(1),
        "the day before yesterday" => dct - Duration::days(2),
        "the day after tomorrow" => dct + Duration::days(2),
        _ => dct + Duration::days(1),
    };
    Normalised::date(TimeValue::day_of(d), true)
}

/// "tonight", "this morning", "last night", "yesterday afternoon", "midday": a part of
/// the creation day or the day before (TimeML: a TIME, "tonight" its night).
pub(super) fn part_of_day(c: &Ctx) -> Option<Normalised> {
    let dct = c.dct?;
    let w = c.g(1)?.to_lowercase();
    let (d, p) = match w.as_str() {
        "tonight" => (dct, PartOfDay::Night),
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
                return Normalised::new(TimexType::Time, TimeValue::day_at(d, Some(noon)), true);
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
    Normalised::new(
        TimexType::Time,
        TimeValue::day_at(d, Some(TimeOfDay::Part(p))),
        true,
    )
}

/// "last week", "this quarter", "next summer": the unit that holds the creation date,
/// moved by one; "the next decade", "the past month" are a span of one unit ("the past
/// year", as TimeBank reads it, is the last calendar year).
pub(super) fn relative_unit(c: &Ctx) -> Option<Normalised> {
    let dct = c.dct?;
    let which = c.g(2)?.to_lowercase();
    let unit = c.g(3)?.to_lowercase();
    let delta: i32 = match which.as_str() {
        "last" | "the past" | "the previous" => -1,
        "next" | "the coming" | "the following" | "the next" => 1,
        _ => 0,
    };
    // "early the next year" is a part of that year, not a span of one.
    let a_span = c.g(1).is_none()
        && !(which == "the past" && unit == "year")
        && matches!(
            which.as_str(),
            "the past" | "the next" | "the coming" | "the following"
        )
        && matches!(
            unit.as_str(),
            "week" | "weekend" | "month" | "year" | "quarter" | "decade" | "century"
        );
    if a_span {
        let one = |k: f64, unit| Period::of(Amount::Count(k), unit);
        let v = match unit.as_str() {
            "decade" => one(10.0, Unit::Year),
            "century" => one(100.0, Unit::Year),
            "weekend" => one(2.0, Unit::Day),
            u => period(Amount::Count(1.0), u),
        };
        return Normalised::new(TimexType::Duration, TimeValue::Duration(v), false);
    }
    let value = match unit.as_str() {
        "week" => TimeValue::week_of(dct + Duration::weeks(delta as i64)),
        "weekend" if which == "this" && told_as_past(c, dct) => {
            TimeValue::weekend_of(weekday_date(dct, Weekday::Sun, false))
        }
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
    Normalised::date(value, true)
}

/// Rule `this_weekend_told_as_past`: "this weekend" in the past tense, in a text written
/// early in the week (Monday to Wednesday), is the weekend just gone ("crowds gathered
/// this weekend" on a Monday): the weekend of the creation date's week is still days
/// ahead, and a text cannot tell what happened then. Later in the week the past tense
/// more often belongs to another verb ("was not keen on this weekend's summit" on a
/// Thursday); on a Saturday or Sunday it is the weekend under way (the week's).
fn told_as_past(c: &Ctx, dct: NaiveDate) -> bool {
    matches!(dct.weekday(), Weekday::Mon | Weekday::Tue | Weekday::Wed) && c.tense() == Some(false)
}

/// "two days ago", "a year earlier", "three weeks from now": the creation date moved, as
/// a day, week, month, year or decade (in a quarterly report "a year ago" is the same
/// quarter a year before). An unknown count ("some years ago"), or one beyond the calendar
/// TIMEX3 writes, is the past or the future in general.
pub(super) fn ago(c: &Ctx) -> Option<Normalised> {
    let n = number(c.g(1)?)?;
    let unit = c.g(2)?.to_lowercase();
    let dir = c.g(3)?.to_lowercase();
    if dir == "earlier" && compared(c.after) {
        return None;
    }
    let Some(dct) = c.dct else {
        return Normalised::date(UNKNOWN_DAY, false);
    };
    let vague = if dir == "ago" {
        TimeValue::PastRef
    } else {
        TimeValue::FutureRef
    };
    let Amount::Count(k) = n else {
        return Normalised::date(vague, true);
    };
    let sign = if matches!(dir.as_str(), "ago" | "earlier" | "before") {
        -1
    } else {
        1
    };
    let k = k.min(10_000.0) as i64 * sign;
    if let Some(value) = earlier_than_month(c, &dir, unit.trim_end_matches('s'), k, dct) {
        return Normalised::date(value, true);
    }
    let value = match unit.trim_end_matches('s') {
        "day" => TimeValue::day_of(dct + Duration::days(k)),
        "week" => TimeValue::week_of(dct + Duration::weeks(k)),
        "month" => {
            let (y, m) = shift_months(dct.year(), dct.month(), k as i32);
            TimeValue::month_of(y, m)
        }
        "year" if k == -1 && quarterly(c) => last_quarter(dct, -1),
        "year" => TimeValue::year_of((dct.year() as i64 + k) as i32),
        "decade" => TimeValue::Decade(((dct.year() as i64 + 10 * k) / 10) as i32),
        "hour" | "minute" | "second" => TimeValue::day_of(dct),
        _ => return None,
    };
    Normalised::date(if value.is_valid() { value } else { vague }, true)
}

/// Rule `earlier_than_compared`: "six months earlier than it forecast", "two weeks
/// earlier than planned" set one time against another, not against the creation date: no
/// date, and the count alone is left for the duration rule (TimeML marks "six months"
/// there as a duration). "A year earlier, than …" with a comma is not a comparison.
fn compared(after: &str) -> bool {
    let rest = after.trim_start_matches([' ', '\t']);
    rest.len() > 4
        && rest.as_bytes()[..4].eq_ignore_ascii_case(b"than")
        && !rest.as_bytes()[4].is_ascii_alphanumeric()
}

/// How far before "… earlier" the month in focus is looked for, in bytes.
const FOCUS_REACH: usize = 300;

/// Rule `earlier_than_month`: "a month earlier", "a year before" counted back from the
/// month the sentence reports before it ("rose to 4.6% in April, up from 4.1% a month
/// earlier" is March; "40 ships in March, up from 32 a year earlier" is March of the year
/// before), not from the creation date: "earlier" and "before" count from the time in
/// focus, "ago" from now. The month is the last month name before the expression in its
/// sentence, alone (no day or year with it), taken as the latest such month not after the
/// creation date's.
fn earlier_than_month(c: &Ctx, dir: &str, unit: &str, k: i64, dct: NaiveDate) -> Option<TimeValue> {
    static MONTH_ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?-u:\b)(?:in|for|of|during|since|from)\s+({})(?-u:\b)(?:\s*[,.;)]|\s+(?:[a-z]|$))",
            crate::time::words::FULL_MONTHS
        ))
        .expect("month alone")
    });
    if !matches!(dir, "earlier" | "before") || !matches!(unit, "month" | "year") {
        return None;
    }
    let upto = c.start.checked_sub(c.sent.start)?;
    // The month in focus stands near: only the words just before are read, so that a
    // long sentence of many such expressions is read a bounded stretch each time.
    let from = crate::text::ceil_boundary(c.sentence, upto.saturating_sub(FOCUS_REACH));
    let head = c.sentence.get(from..upto)?;
    let m = MONTH_ALONE.captures_iter(head).last()?;
    let month = month_number(m.get(1)?.as_str())?;
    let year = if month <= dct.month() {
        dct.year()
    } else {
        dct.year() - 1
    };
    let shift = if unit == "month" { k } else { 12 * k };
    let (y, mo) = shift_months(year, month, i32::try_from(shift).ok()?);
    Some(TimeValue::month_of(y, mo))
}

/// "the weekend": the one just past, or, in the future tense, the next one.
pub(super) fn weekend(c: &Ctx) -> Option<Normalised> {
    let dct = c.dct?;
    let day = if c.future() {
        weekday_date(dct, Weekday::Sat, true)
    } else {
        weekday_date(dct, Weekday::Sun, false)
    };
    Normalised::date(TimeValue::weekend_of(day), true)
}

/// The hour and minute of "9 a.m.", "10:35 p.m.", "noon", "midnight" (the end of the day).
fn clock_time(c: &Ctx) -> Option<TimeOfDay> {
    let (hour, minute) = if let Some(w) = c.g(4) {
        (if w.eq_ignore_ascii_case("noon") { 12 } else { 24 }, 0)
    } else {
        let mut h: u32 = c.g(1)?.parse().ok()?;
        let min: u32 = c.g(2).map_or(Some(0), |m| m.parse().ok())?;
        let pm = c.g(3)?.to_lowercase().starts_with('p');
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
    Some(TimeOfDay::Clock { hour, minute })
}

/// A clock time on the date after it ("5 p.m. EST Nov. 9"), the weekday after it resolved
/// as a weekday is ("9 a.m. Tuesday", "noon Thursday"), else the creation date.
pub(super) fn clock(c: &Ctx) -> Option<Normalised> {
    let clock = clock_time(c)?;
    let dated = match (
        c.dct,
        c.g(6).and_then(month_number),
        c.g(7).and_then(|d| d.parse::<u32>().ok()),
    ) {
        (Some(d), Some(m), Some(day)) => NaiveDate::from_ymd_opt(nearest_year(d, m, day), m, day),
        _ => None,
    };
    let day = match (c.dct, c.g(5).and_then(weekday_named)) {
        _ if dated.is_some() => dated,
        (Some(d), Some(wd)) => Some(weekday_date(d, wd, c.future())),
        (d, _) => d,
    };
    match day {
        Some(d) => Normalised::new(TimexType::Time, TimeValue::day_at(d, Some(clock)), true),
        None => {
            let value = TimeValue::Day {
                year: None,
                month: None,
                day: None,
                time: Some(clock),
            };
            Normalised::new(TimexType::Time, value, false)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{only, values};
    use super::super::Rule;
    use crate::time::TimexType;

    // 2018-03-15 is a Thursday.
    const DCT: &str = "2018-03-15";

    #[test]
    fn weekdays_by_modifier_and_tense() {
        let v = |text| values(Rule::Weekday, text, DCT);
        assert_eq!(v("The keeper said Monday that the lamp failed."), ["2018-03-12"]);
        assert_eq!(v("The keeper will inspect the lamp on Monday."), ["2018-03-19"]);
        assert_eq!(v("The lamp failed last Thursday."), ["2018-03-08"]);
        assert_eq!(v("The lamp is fixed by next Thursday."), ["2018-03-22"]);
        assert_eq!(v("Tuesday's storm broke the lamp."), ["2018-03-13"]);
        assert_eq!(v("Come to the pier this Sat evening!"), ["2018-03-17TEV"]);
        // A weekday with a part of day is a time of day, as "last night" is.
        assert_eq!(
            only(Rule::Weekday, "The lamp failed on Tuesday night.", DCT)[0],
            (
                "Tuesday night".to_string(),
                TimexType::Time,
                "2018-03-13TNI".to_string()
            )
        );
        // Joined to a plural weekday, a weekday of every week.
        let joined = only(
            Rule::Weekday,
            "The ferry sails on Monday and Thursday nights.",
            DCT,
        );
        assert_eq!(
            joined[0],
            ("Monday".to_string(), TimexType::Set, "XXXX-WXX-1".to_string())
        );
        assert_eq!(
            values(Rule::Weekday, "The lamp failed on Monday.", ""),
            ["XXXX-XX-XX"]
        );
    }

    /// Rule `earlier_than_month`: "earlier" counts back from the month in focus, "ago"
    /// from the creation date.
    #[test]
    fn earlier_than_the_month_in_focus() {
        // A month later than the creation date's is last year's; "ago" counts from the
        // creation date; a month with its day or year is not one in focus of this kind.
        let cases = [
            (
                "Fares rose 4% in February, up from 3% a month earlier.",
                "2018-01",
            ),
            (
                "The port took 40 ships in January, from 32 a year earlier.",
                "2017-01",
            ),
            ("Cargo fell in November, from a year earlier.", "2016-11"),
            ("Fares rose in February, up from a year ago.", "2017"),
            ("Fares rose 4%, up from 3% a month earlier.", "2018-02"),
            ("On February 2, 2016 fares rose, from a year earlier.", "2017"),
        ];
        for (text, want) in cases {
            assert_eq!(values(Rule::Ago, text, DCT), [want], "{text}");
        }
    }

    /// Rule `earlier_than_compared`: a count "earlier than" another time is a span, no date.
    #[test]
    fn earlier_than_another_time_is_a_span() {
        let all = |text: &str| {
            let dct = chrono::NaiveDate::from_ymd_opt(2018, 3, 15);
            let s = [crate::span::Span::new(0, text.len())];
            crate::time::resolve::find_with(text, dct, &s, |_| true)
                .into_iter()
                .map(|t| {
                    (
                        t.span.slice(text).unwrap().to_string(),
                        t.kind,
                        t.value.to_string(),
                    )
                })
                .collect::<Vec<_>>()
        };
        let span = |s: &str, v: &str| vec![(s.to_string(), TimexType::Duration, v.to_string())];
        assert_eq!(
            all("The ferry ran six months earlier than it had planned."),
            span("six months", "P6M")
        );
        assert_eq!(
            all("The pier opened two weeks earlier than expected."),
            span("two weeks", "P2W")
        );
        assert_eq!(
            values(Rule::Ago, "The pier opened two weeks earlier, then closed.", DCT),
            ["2018-W09"]
        );
        assert_eq!(
            values(Rule::Ago, "Fares rose, up from a year earlier than thought.", DCT),
            Vec::<String>::new()
        );
    }

    #[test]
    fn day_words() {
        let v = |text| values(Rule::DayWord, text, DCT);
        assert_eq!(v("The pier reopened yesterday."), ["2018-03-14"]);
        assert_eq!(v("The pier reopens the day after tomorrow."), ["2018-03-17"]);
        assert_eq!(v("see u at the pier 2moro"), ["2018-03-16"]);
        assert!(v("It is a lesson for today's children and parents.").is_empty());
        assert!(values(Rule::DayWord, "The pier reopened yesterday.", "").is_empty());
    }

    #[test]
    fn parts_of_days() {
        let v = |text| only(Rule::PartOfDay, text, DCT);
        let t = |s: &str, kind, value: &str| vec![(s.to_string(), kind, value.to_string())];
        assert_eq!(
            v("Gales rose last night."),
            t("last night", TimexType::Time, "2018-03-14TNI")
        );
        assert_eq!(
            v("Gales rose this morning."),
            t("this morning", TimexType::Time, "2018-03-15TMO")
        );
        assert_eq!(
            v("Gales eased by midday today."),
            t("midday today", TimexType::Time, "2018-03-15T12:00")
        );
        assert_eq!(
            v("Gales rise tonight."),
            t("tonight", TimexType::Time, "2018-03-15TNI")
        );
    }

    #[test]
    fn units_from_now_and_spans_of_one() {
        let v = |text| values(Rule::RelativeUnit, text, DCT);
        assert_eq!(v("The ferry was late last week."), ["2018-W10"]);
        assert_eq!(v("The ferry is late this month."), ["2018-03"]);
        assert_eq!(v("The ferry was late last quarter."), ["2017-Q4"]);
        assert_eq!(v("The ferry will be late next summer."), ["2019-SU"]);
        assert_eq!(v("The ferry was late last weekend."), ["2018-W10-WE"]);
        assert_eq!(v("The ferry was late over the past year."), ["2017"]);
        assert_eq!(v("The ferry was late over the past month."), ["P1M"]);
        assert_eq!(v("The ferry may be late in the next decade."), ["P10Y"]);
    }

    #[test]
    fn spans_from_now() {
        let v = |text| values(Rule::Ago, text, DCT);
        assert_eq!(v("The mast fell three days ago."), ["2018-03-12"]);
        assert_eq!(v("The mast fell two weeks ago."), ["2018-W09"]);
        assert_eq!(v("The mast fell six months ago."), ["2017-09"]);
        assert_eq!(v("The mast fell a decade ago."), ["200"]);
        assert_eq!(v("The mast falls a year from now."), ["2019"]);
        assert_eq!(v("The mast fell some years ago."), ["PAST_REF"]);
        assert_eq!(v("The mast fell 12000 years ago."), ["PAST_REF"]);
        assert_eq!(
            values(Rule::Ago, "The mast fell three days ago.", ""),
            ["XXXX-XX-XX"]
        );
    }

    #[test]
    fn this_weekend_told_as_past() {
        // 2018-03-12 is a Monday, 2018-03-17 a Saturday.
        let v = |text, dct| values(Rule::RelativeUnit, text, dct);
        assert_eq!(
            v("Crowds gathered at the pier this weekend.", "2018-03-12"),
            ["2018-W10-WE"]
        );
        assert_eq!(
            v("Crowds will gather at the pier this weekend.", "2018-03-12"),
            ["2018-W11-WE"]
        );
        assert_eq!(
            v("Crowds gathered at the pier this weekend.", "2018-03-17"),
            ["2018-W11-WE"]
        );
        assert_eq!(v("The pier opens this weekend.", "2018-03-12"), ["2018-W11-WE"]);
        // 2018-03-15 is a Thursday: the summit is ahead, the past tense is the keenness's.
        assert_eq!(
            v("Envoys were not keen on this weekend's summit.", "2018-03-15"),
            ["2018-W11-WE"]
        );
    }

    #[test]
    fn the_weekend() {
        assert_eq!(
            values(Rule::Weekend, "Gales blew over the weekend.", DCT),
            ["2018-W10-WE"]
        );
        assert_eq!(
            values(Rule::Weekend, "Gales will blow over the weekend.", DCT),
            ["2018-W11-WE"]
        );
    }

    #[test]
    fn clock_times() {
        let v = |text| values(Rule::Clock, text, DCT);
        assert_eq!(
            v("The tide turns at 4:20 p.m., keepers said."),
            ["2018-03-15T16:20"]
        );
        assert_eq!(
            v("The bridge will close at midnight Friday."),
            ["2018-03-16T24:00"]
        );
        assert_eq!(v("The bridge closed at noon Tuesday."), ["2018-03-13T12:00"]);
        assert_eq!(v("The bridge closes at 9 am GMT March 20."), ["2018-03-20T09:00"]);
        assert_eq!(
            values(Rule::Clock, "The bridge closes at 12 a.m. sharp.", ""),
            ["XXXX-XX-XXT00:00"]
        );
        assert!(v("The bridge closes at 14 p.m.").is_empty());
    }
}
