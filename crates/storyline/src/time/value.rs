//! The value of a time expression as a type: a day, week, month, quarter, half, season,
//! year, decade or century (any part of which may be unknown), a day with a time of day,
//! a period, or one of the vague references to the present, past and future.
//!
//! It is computed with as a value and written as TIMEX3 text (`2016-12-08`, `2016-W49`,
//! `XXXX-12-02`, `P3W`, `PRESENT_REF`) only at the edge: [`Display`](fmt::Display) and
//! serde write that text, [`FromStr`] reads it back. Reading accepts exactly the text
//! writing produces (years of four digits, months and days of two), so a value and its
//! text stand for each other.
//!
//! A set ("every Tuesday", "each year") has no values of its own: TIMEX3 writes it as a
//! period (`P1Y`) or as a calendar pattern with unknown parts (`XXXX-WXX-2`); the
//! expression's type says that it repeats.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate, Weekday};

pub use super::period::{Amount, Period, Unit};

/// A part of the day, as TIMEX3 names it after the `T` (`2016-12-08TNI`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartOfDay {
    /// `MO`
    Morning,
    /// `MI`
    Midday,
    /// `AF`
    Afternoon,
    /// `EV`
    Evening,
    /// `NI`
    Night,
    /// `DT`: the working day.
    Daytime,
}

impl PartOfDay {
    const ALL: [PartOfDay; 6] = [
        PartOfDay::Morning,
        PartOfDay::Midday,
        PartOfDay::Afternoon,
        PartOfDay::Evening,
        PartOfDay::Night,
        PartOfDay::Daytime,
    ];

    fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Midday => "MI",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }
}

/// The time of a day: a clock time (`T14:30`; `T24:00` is the midnight that ends the
/// day) or a part of the day (`TMO`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeOfDay {
    Clock { hour: u32, minute: u32 },
    Part(PartOfDay),
}

/// A season of a year; winter is the one that begins in December of that year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    /// `SP`: March to May.
    Spring,
    /// `SU`: June to August.
    Summer,
    /// `FA`: September to November.
    Fall,
    /// `WI`: December to February.
    Winter,
}

impl Season {
    const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Fall, Season::Winter];

    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season begins in.
    pub fn first_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// The value of a time expression. `None` in a field is a part the text left unknown
/// (written `X`s). Years are 0–9999 (TIMEX3 writes four digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimeValue {
    /// `2016-12-08`, `XXXX-12-02`, `XXXX-XX-XX`; with a time, `2016-12-08T14:30`,
    /// `2016-12-08TNI`, `XXXX-XX-XXT09:00`. The parts are as written: a known year, month
    /// and day need not make a date of the calendar (see [`TimeValue::date`]).
    Day {
        year: Option<i32>,
        month: Option<u32>,
        day: Option<u32>,
        time: Option<TimeOfDay>,
    },
    /// An ISO week: `2016-W49`, `1989-WXX`.
    Week { year: Option<i32>, week: Option<u32> },
    /// The Saturday and Sunday of an ISO week: `2016-W49-WE`.
    Weekend { year: Option<i32>, week: Option<u32> },
    /// A weekday of a week: `XXXX-WXX-2` (a Tuesday of any week: "every Tuesday").
    WeekDay {
        year: Option<i32>,
        week: Option<u32>,
        weekday: Weekday,
    },
    /// `2016-12`, `XXXX-07`, `XXXX-XX`.
    Month { year: Option<i32>, month: Option<u32> },
    /// `1988-Q3`.
    Quarter { year: Option<i32>, quarter: u32 },
    /// `1989-H2`.
    Half { year: Option<i32>, half: u32 },
    /// `1989-SU`, `XXXX-FA`.
    Season { year: Option<i32>, season: Season },
    /// `1998`, `XXXX`.
    Year(Option<i32>),
    /// A decade by its first three digits: `199` is 1990–1999.
    Decade(i32),
    /// A century by its first two digits: `19` is 1900–1999.
    Century(i32),
    /// A span of time: `P3W`, `PXY`.
    Duration(Period),
    /// `PRESENT_REF`: now, currently.
    PresentRef,
    /// `PAST_REF`: recently, in the past.
    PastRef,
    /// `FUTURE_REF`: in future, one day.
    FutureRef,
}

/// The first and last day a calendar value covers (both included), ordered by the first
/// day, then the last: a day comes before the month that begins with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayRange {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl DayRange {
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.first <= day && day <= self.last
    }

    /// Whether the two share a day.
    pub fn overlaps(&self, other: &DayRange) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Whether this range ends before the other begins.
    pub fn precedes(&self, other: &DayRange) -> bool {
        self.last < other.first
    }
}

/// The years TIMEX3 can write (four digits).
const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

impl TimeValue {
    /// The day `d`.
    pub fn day_of(d: NaiveDate) -> TimeValue {
        TimeValue::day_at(d, None)
    }

    /// The day `d`, with a time of day when given.
    pub fn day_at(d: NaiveDate, time: Option<TimeOfDay>) -> TimeValue {
        TimeValue::Day {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
            time,
        }
    }

    /// The month `month` of `year`.
    pub fn month_of(year: i32, month: u32) -> TimeValue {
        TimeValue::Month {
            year: Some(year),
            month: Some(month),
        }
    }

    /// The ISO week `d` falls in.
    pub fn week_of(d: NaiveDate) -> TimeValue {
        let w = d.iso_week();
        TimeValue::Week {
            year: Some(w.year()),
            week: Some(w.week()),
        }
    }

    /// The weekend of the ISO week `d` falls in.
    pub fn weekend_of(d: NaiveDate) -> TimeValue {
        let w = d.iso_week();
        TimeValue::Weekend {
            year: Some(w.year()),
            week: Some(w.week()),
        }
    }

    /// The quarter `quarter` (1–4) of `year`.
    pub fn quarter_of(year: i32, quarter: u32) -> TimeValue {
        TimeValue::Quarter {
            year: Some(year),
            quarter,
        }
    }

    /// The year `year`.
    pub fn year_of(year: i32) -> TimeValue {
        TimeValue::Year(Some(year))
    }

    /// The calendar day this value is, when it is exactly one known day (no time of day).
    pub fn date(&self) -> Option<NaiveDate> {
        match self {
            TimeValue::Day { time: None, .. } => self.day(),
            _ => None,
        }
    }

    /// The calendar day this value falls on, when it is one known day, with or without a
    /// time of day.
    pub fn day(&self) -> Option<NaiveDate> {
        match *self {
            TimeValue::Day {
                year: Some(y),
                month: Some(m),
                day: Some(d),
                ..
            } => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        }
    }

    /// The time of day of a day with one.
    pub fn time(&self) -> Option<TimeOfDay> {
        match *self {
            TimeValue::Day { time, .. } => time,
            _ => None,
        }
    }

    /// The known year of a value of a year or finer (a week's is its ISO week-year).
    pub fn year(&self) -> Option<i32> {
        match *self {
            TimeValue::Day { year, .. }
            | TimeValue::Week { year, .. }
            | TimeValue::Weekend { year, .. }
            | TimeValue::WeekDay { year, .. }
            | TimeValue::Month { year, .. }
            | TimeValue::Quarter { year, .. }
            | TimeValue::Half { year, .. }
            | TimeValue::Season { year, .. }
            | TimeValue::Year(year) => year,
            _ => None,
        }
    }

    /// The known year and month of a day or a month.
    pub fn year_month(&self) -> Option<(i32, u32)> {
        match *self {
            TimeValue::Day {
                year: Some(y),
                month: Some(m),
                ..
            }
            | TimeValue::Month {
                year: Some(y),
                month: Some(m),
            } => Some((y, m)),
            _ => None,
        }
    }

    /// This value in another year: "March 12" in the year a history last named.
    pub fn with_year(&self, y: i32) -> TimeValue {
        let mut v = self.clone();
        match &mut v {
            TimeValue::Day { year, .. }
            | TimeValue::Week { year, .. }
            | TimeValue::Weekend { year, .. }
            | TimeValue::WeekDay { year, .. }
            | TimeValue::Month { year, .. }
            | TimeValue::Quarter { year, .. }
            | TimeValue::Half { year, .. }
            | TimeValue::Season { year, .. }
            | TimeValue::Year(year) => *year = Some(y),
            _ => {}
        }
        v
    }

    /// Whether the year is the one unknown part (`XXXX-12-02`, `XXXX-SU`; not `XXXX`,
    /// `XXXX-XX-XX` or `XXXX-WXX-2`).
    pub fn only_year_unknown(&self) -> bool {
        matches!(
            *self,
            TimeValue::Day {
                year: None,
                month: Some(_),
                day: Some(_),
                ..
            } | TimeValue::Month {
                year: None,
                month: Some(_),
            } | TimeValue::Week {
                year: None,
                week: Some(_),
            } | TimeValue::Weekend {
                year: None,
                week: Some(_),
            } | TimeValue::WeekDay {
                year: None,
                week: Some(_),
                ..
            } | TimeValue::Quarter { year: None, .. }
                | TimeValue::Half { year: None, .. }
                | TimeValue::Season { year: None, .. }
        )
    }

    /// Whether the value is a known stretch of the calendar: a day, week, month, season,
    /// year … whose year is known, a decade or a century (not a period, a vague reference
    /// or a date of an unknown year).
    pub fn is_calendar(&self) -> bool {
        matches!(self, TimeValue::Decade(_) | TimeValue::Century(_)) || self.year().is_some()
    }

    /// The first and last day the value covers: `2016-W49` its Monday to Sunday, `2016-12`
    /// the 1st to the 31st, `1988-Q3` July to September, `1989-WI` December to February. A
    /// part left unknown widens to what is known (`2016-XX-XX` is the year); `None` without
    /// a known year, for periods and for the vague references.
    pub fn days(&self) -> Option<DayRange> {
        let ymd = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d);
        let months = |y: i32, first: u32, count: i32| {
            let (ly, lm) = super::calendar::shift_months(y, first, count);
            Some(DayRange {
                first: ymd(y, first, 1)?,
                last: ymd(ly, lm, 1)?.pred_opt()?,
            })
        };
        let iso_week = |y: i32, w: u32, from: Weekday, to: Weekday| {
            Some(DayRange {
                first: NaiveDate::from_isoywd_opt(y, w, from)?,
                last: NaiveDate::from_isoywd_opt(y, w, to)?,
            })
        };
        let iso_year = |y: i32| {
            Some(DayRange {
                first: NaiveDate::from_isoywd_opt(y, 1, Weekday::Mon)?,
                last: NaiveDate::from_isoywd_opt(y + 1, 1, Weekday::Mon)?.pred_opt()?,
            })
        };
        let years = |first: i32, count: i32| months(first, 1, 12 * count);
        match *self {
            TimeValue::Day {
                year: Some(y),
                month: Some(m),
                day: Some(d),
                ..
            } => ymd(y, m, d).map(|d| DayRange { first: d, last: d }),
            TimeValue::Day {
                year: Some(y),
                month: Some(m),
                ..
            }
            | TimeValue::Month {
                year: Some(y),
                month: Some(m),
            } => months(y, m, 1),
            TimeValue::Week {
                year: Some(y),
                week: Some(w),
            } => iso_week(y, w, Weekday::Mon, Weekday::Sun),
            TimeValue::Weekend {
                year: Some(y),
                week: Some(w),
            } => iso_week(y, w, Weekday::Sat, Weekday::Sun),
            TimeValue::WeekDay {
                year: Some(y),
                week: Some(w),
                weekday,
            } => iso_week(y, w, weekday, weekday),
            TimeValue::Week { year: Some(y), .. }
            | TimeValue::Weekend { year: Some(y), .. }
            | TimeValue::WeekDay { year: Some(y), .. } => iso_year(y),
            TimeValue::Quarter {
                year: Some(y),
                quarter,
            } => months(y, 3 * quarter - 2, 3),
            TimeValue::Half { year: Some(y), half } => months(y, 6 * half - 5, 6),
            TimeValue::Season {
                year: Some(y),
                season,
            } => months(y, season.first_month(), 3),
            TimeValue::Day { year: Some(y), .. } | TimeValue::Month { year: Some(y), .. } => years(y, 1),
            TimeValue::Year(Some(y)) => years(y, 1),
            TimeValue::Decade(d) => years(d * 10, 10),
            TimeValue::Century(c) => years(c * 100, 100),
            _ => None,
        }
    }

    /// The order of two calendar values by the days they cover ([`DayRange`]'s order);
    /// `None` when either covers no known days. Values covering the same days compare
    /// equal (`2016-12-08` and `2016-12-08TMO`).
    pub fn calendar_cmp(&self, other: &TimeValue) -> Option<Ordering> {
        Some(self.days()?.cmp(&other.days()?))
    }

    /// Whether every part is in range (years 0–9999, months 1–12, …): the values TIMEX3
    /// text can hold and [`FromStr`] reads.
    pub fn is_valid(&self) -> bool {
        let year = |y: Option<i32>| y.is_none_or(|y| YEARS.contains(&y));
        let opt = |v: Option<u32>, max: u32| v.is_none_or(|v| (1..=max).contains(&v));
        let time = |t: Option<TimeOfDay>| match t {
            Some(TimeOfDay::Clock { hour, minute }) => hour < 24 && minute < 60 || hour == 24 && minute == 0,
            _ => true,
        };
        match self {
            TimeValue::Day {
                year: y,
                month,
                day,
                time: t,
            } => year(*y) && opt(*month, 12) && opt(*day, 31) && time(*t),
            TimeValue::Week { year: y, week }
            | TimeValue::Weekend { year: y, week }
            | TimeValue::WeekDay { year: y, week, .. } => year(*y) && opt(*week, 53),
            TimeValue::Month { year: y, month } => year(*y) && opt(*month, 12),
            TimeValue::Quarter { year: y, quarter } => year(*y) && (1..=4).contains(quarter),
            TimeValue::Half { year: y, half } => year(*y) && (1..=2).contains(half),
            TimeValue::Season { year: y, .. } | TimeValue::Year(y) => year(*y),
            TimeValue::Decade(d) => (0..=999).contains(d),
            TimeValue::Century(c) => (0..=99).contains(c),
            TimeValue::Duration(p) => {
                let counts = p.parts().iter().all(|(a, _)| match *a {
                    Amount::Count(n) => Amount::count(n).is_some(),
                    Amount::Unknown => true,
                });
                counts && Period::new(p.parts().to_vec()).is_some()
            }
            TimeValue::PresentRef | TimeValue::PastRef | TimeValue::FutureRef => true,
        }
    }

    fn write(&self, out: &mut String) {
        use std::fmt::Write;
        let year = |out: &mut String, y: Option<i32>| match y {
            Some(y) => {
                let _ = write!(out, "{y:04}");
            }
            None => out.push_str("XXXX"),
        };
        let two = |out: &mut String, lead: &str, v: Option<u32>| {
            out.push_str(lead);
            match v {
                Some(v) => {
                    let _ = write!(out, "{v:02}");
                }
                None => out.push_str("XX"),
            }
        };
        match self {
            TimeValue::Day {
                year: y,
                month,
                day,
                time,
            } => {
                year(out, *y);
                two(out, "-", *month);
                two(out, "-", *day);
                match time {
                    Some(TimeOfDay::Clock { hour, minute }) => {
                        let _ = write!(out, "T{hour:02}:{minute:02}");
                    }
                    Some(TimeOfDay::Part(p)) => {
                        out.push('T');
                        out.push_str(p.code());
                    }
                    None => {}
                }
            }
            TimeValue::Week { year: y, week } => {
                year(out, *y);
                two(out, "-W", *week);
            }
            TimeValue::Weekend { year: y, week } => {
                year(out, *y);
                two(out, "-W", *week);
                out.push_str("-WE");
            }
            TimeValue::WeekDay {
                year: y,
                week,
                weekday,
            } => {
                year(out, *y);
                two(out, "-W", *week);
                let _ = write!(out, "-{}", weekday.number_from_monday());
            }
            TimeValue::Month { year: y, month } => {
                year(out, *y);
                two(out, "-", *month);
            }
            TimeValue::Quarter { year: y, quarter } => {
                year(out, *y);
                let _ = write!(out, "-Q{quarter}");
            }
            TimeValue::Half { year: y, half } => {
                year(out, *y);
                let _ = write!(out, "-H{half}");
            }
            TimeValue::Season { year: y, season } => {
                year(out, *y);
                out.push('-');
                out.push_str(season.code());
            }
            TimeValue::Year(y) => year(out, *y),
            TimeValue::Decade(d) => {
                let _ = write!(out, "{d:03}");
            }
            TimeValue::Century(c) => {
                let _ = write!(out, "{c:02}");
            }
            TimeValue::Duration(p) => {
                let _ = write!(out, "{p}");
            }
            TimeValue::PresentRef => out.push_str("PRESENT_REF"),
            TimeValue::PastRef => out.push_str("PAST_REF"),
            TimeValue::FutureRef => out.push_str("FUTURE_REF"),
        }
    }
}

impl fmt::Display for TimeValue {
    /// The TIMEX3 text (width and alignment apply to it as to a string).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = String::with_capacity(16);
        self.write(&mut s);
        f.pad(&s)
    }
}

/// Why a text is not a TIMEX3 value this code writes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a TIMEX3 value: {0:?}")]
pub struct ParseError(String);

impl FromStr for TimeValue {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<TimeValue, ParseError> {
        let err = || ParseError(s.to_string());
        let v = parse(s).filter(TimeValue::is_valid).ok_or_else(err)?;
        // Only the text writing produces: one text for each value.
        if v.to_string() != s {
            return Err(err());
        }
        Ok(v)
    }
}

/// `XX…` (as many as `n`) for an unknown part, else `n` digits.
fn number_or_x(s: &str, n: usize) -> Option<Option<u32>> {
    let part = s.get(..n)?;
    if part.bytes().all(|b| b == b'X') {
        return Some(None);
    }
    part.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| part.parse().ok())?
        .map(Some)
}

fn parse(s: &str) -> Option<TimeValue> {
    match s {
        "PRESENT_REF" => return Some(TimeValue::PresentRef),
        "PAST_REF" => return Some(TimeValue::PastRef),
        "FUTURE_REF" => return Some(TimeValue::FutureRef),
        _ => {}
    }
    if let Some(body) = s.strip_prefix('P') {
        return Period::parse_body(body).map(TimeValue::Duration);
    }
    let digits = s.bytes().all(|b| b.is_ascii_digit());
    match s.len() {
        2 if digits => return Some(TimeValue::Century(s.parse().ok()?)),
        3 if digits => return Some(TimeValue::Decade(s.parse().ok()?)),
        _ => {}
    }
    let year = number_or_x(s, 4)?.map(|y| y as i32);
    let Some(rest) = s[4..].strip_prefix('-') else {
        return (s.len() == 4).then_some(TimeValue::Year(year));
    };
    let tail = |k: &str| rest.strip_prefix(k).and_then(|n| n.parse::<u32>().ok());
    if let Some(quarter) = tail("Q") {
        return Some(TimeValue::Quarter { year, quarter });
    }
    if let Some(half) = tail("H") {
        return Some(TimeValue::Half { year, half });
    }
    if let Some(season) = Season::ALL.into_iter().find(|x| x.code() == rest) {
        return Some(TimeValue::Season { year, season });
    }
    if let Some(w) = rest.strip_prefix('W') {
        return parse_week(year, w);
    }
    let month = number_or_x(rest, 2)?;
    let Some(rest) = rest[2..].strip_prefix('-') else {
        return (rest.len() == 2).then_some(TimeValue::Month { year, month });
    };
    let day = number_or_x(rest, 2)?;
    let time = match &rest[2..] {
        "" => None,
        t => Some(parse_time(t.strip_prefix('T')?)?),
    };
    Some(TimeValue::Day {
        year,
        month,
        day,
        time,
    })
}

/// After `YYYY-W`: `49`, `XX`, `49-WE`, `XX-2`.
fn parse_week(year: Option<i32>, s: &str) -> Option<TimeValue> {
    let week = number_or_x(s, 2)?;
    match &s[2..] {
        "" => Some(TimeValue::Week { year, week }),
        "-WE" => Some(TimeValue::Weekend { year, week }),
        t => {
            let n: u8 = t.strip_prefix('-')?.parse().ok()?;
            let weekday = Weekday::try_from(n.checked_sub(1)?).ok()?;
            Some(TimeValue::WeekDay { year, week, weekday })
        }
    }
}

/// After the `T`: `14:30` or a part of the day.
fn parse_time(s: &str) -> Option<TimeOfDay> {
    if let Some(p) = PartOfDay::ALL.into_iter().find(|p| p.code() == s) {
        return Some(TimeOfDay::Part(p));
    }
    let (h, m) = s.split_once(':')?;
    Some(TimeOfDay::Clock {
        hour: number_or_x(h, 2)??,
        minute: number_or_x(m, 2)??,
    })
}

serde_as_text!(TimeValue);

/// The reference a relative expression was resolved against: the creation date, or the
/// day, month or year the text last named. Written like a [`TimeValue`] (`2016-12-08`,
/// `1947-03`, `1995`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Anchor {
    Day(NaiveDate),
    Month { year: i32, month: u32 },
    Year(i32),
}

impl Anchor {
    pub fn value(self) -> TimeValue {
        match self {
            Anchor::Day(d) => TimeValue::day_of(d),
            Anchor::Month { year, month } => TimeValue::month_of(year, month),
            Anchor::Year(y) => TimeValue::year_of(y),
        }
    }
}

impl fmt::Display for Anchor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.value().fmt(f)
    }
}

impl FromStr for Anchor {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Anchor, ParseError> {
        match s.parse()? {
            TimeValue::Month {
                year: Some(year),
                month: Some(month),
            } => Ok(Anchor::Month { year, month }),
            TimeValue::Year(Some(y)) => Ok(Anchor::Year(y)),
            v => v.date().map(Anchor::Day).ok_or_else(|| ParseError(s.to_string())),
        }
    }
}

serde_as_text!(Anchor);

/// `day` when its year is one TIMEX3 can write.
pub(crate) fn writable(day: NaiveDate) -> Option<NaiveDate> {
    YEARS.contains(&day.year()).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn n(x: f64) -> Amount {
        Amount::count(x).unwrap()
    }

    /// One value of each variant and form, with its TIMEX3 text.
    fn examples() -> Vec<(TimeValue, &'static str)> {
        let day = |year, month, day, time| TimeValue::Day {
            year,
            month,
            day,
            time,
        };
        vec![
            (TimeValue::day_of(d("2016-12-08")), "2016-12-08"),
            (day(None, Some(12), Some(2), None), "XXXX-12-02"),
            (day(None, None, None, None), "XXXX-XX-XX"),
            (
                TimeValue::day_at(d("1989-10-27"), Some(TimeOfDay::Clock { hour: 24, minute: 0 })),
                "1989-10-27T24:00",
            ),
            (
                day(None, None, None, Some(TimeOfDay::Clock { hour: 9, minute: 5 })),
                "XXXX-XX-XXT09:05",
            ),
            (
                TimeValue::day_at(d("2016-12-10"), Some(TimeOfDay::Part(PartOfDay::Night))),
                "2016-12-10TNI",
            ),
            (TimeValue::week_of(d("2016-12-08")), "2016-W49"),
            (TimeValue::week_of(d("2016-01-01")), "2015-W53"),
            (
                TimeValue::Week {
                    year: Some(1989),
                    week: None,
                },
                "1989-WXX",
            ),
            (
                TimeValue::Week {
                    year: None,
                    week: None,
                },
                "XXXX-WXX",
            ),
            (TimeValue::weekend_of(d("1990-08-12")), "1990-W32-WE"),
            (
                TimeValue::WeekDay {
                    year: None,
                    week: None,
                    weekday: Weekday::Tue,
                },
                "XXXX-WXX-2",
            ),
            (TimeValue::month_of(2016, 12), "2016-12"),
            (
                TimeValue::Month {
                    year: None,
                    month: Some(7),
                },
                "XXXX-07",
            ),
            (
                TimeValue::Month {
                    year: None,
                    month: None,
                },
                "XXXX-XX",
            ),
            (TimeValue::quarter_of(1988, 3), "1988-Q3"),
            (
                TimeValue::Half {
                    year: Some(1989),
                    half: 2,
                },
                "1989-H2",
            ),
            (
                TimeValue::Season {
                    year: Some(1989),
                    season: Season::Summer,
                },
                "1989-SU",
            ),
            (
                TimeValue::Season {
                    year: None,
                    season: Season::Fall,
                },
                "XXXX-FA",
            ),
            (TimeValue::year_of(1998), "1998"),
            (TimeValue::year_of(16), "0016"),
            (TimeValue::Year(None), "XXXX"),
            (TimeValue::Decade(199), "199"),
            (TimeValue::Century(19), "19"),
            (TimeValue::Century(0), "00"),
            (TimeValue::Duration(Period::of(n(3.0), Unit::Week)), "P3W"),
            (TimeValue::Duration(Period::of(n(48.0), Unit::Hour)), "PT48H"),
            (
                TimeValue::Duration(Period::of(Amount::Unknown, Unit::Year)),
                "PXY",
            ),
            (TimeValue::Duration(Period::of(n(1.5), Unit::Year)), "P1.5Y"),
            (
                TimeValue::Duration(Period::new(vec![(n(2.0), Unit::Year), (n(6.0), Unit::Month)]).unwrap()),
                "P2Y6M",
            ),
            (TimeValue::PresentRef, "PRESENT_REF"),
            (TimeValue::PastRef, "PAST_REF"),
            (TimeValue::FutureRef, "FUTURE_REF"),
        ]
    }

    #[test]
    fn each_variant_renders_as_timex3_and_reads_back() {
        for (v, text) in examples() {
            assert_eq!(v.to_string(), text);
            assert_eq!(text.parse::<TimeValue>(), Ok(v.clone()), "{text}");
            let json = serde_json::to_string(&v).unwrap();
            assert_eq!(json, format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<TimeValue>(&json).unwrap(), v);
        }
        // Width and alignment apply to the text.
        assert_eq!(format!("{:<9}|", TimeValue::year_of(1998)), "1998     |");
    }

    #[test]
    fn reads_only_what_it_writes() {
        for text in [
            "",
            "1",
            "19989",
            "1998-",
            "1998-1",
            "1998-13",
            "1998-12-32",
            "1998-00",
            "98-12-01",
            "1998-12-01T",
            "1998-12-01T25:00",
            "1998-12-01T24:30",
            "1998-12-01T9:00",
            "1998-12-01TXX",
            "1998-12-01T12:00:00",
            "1998-W54",
            "1998-W00",
            "1998-W4",
            "1998-WXX-8",
            "1998-Q5",
            "1998-Q0",
            "1998-H3",
            "1998-XX-WE",
            "1998-SS",
            "P",
            "PT",
            "P01Y",
            "P1.50Y",
            "P2M1Y",
            "PRESENT",
            "FY1990",
            "-798",
            "+2016",
            "2016-12-08TMORNING",
            "xxxx-12-02",
        ] {
            assert!(text.parse::<TimeValue>().is_err(), "{text}");
        }
    }

    #[test]
    fn days_covered_and_their_order() {
        let days = |s: &str| {
            let r = s.parse::<TimeValue>().unwrap().days().unwrap();
            (r.first.to_string(), r.last.to_string())
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(days("2016-12-08TMO"), pair("2016-12-08", "2016-12-08"));
        assert_eq!(days("2016-W49"), pair("2016-12-05", "2016-12-11"));
        assert_eq!(days("2016-W49-WE"), pair("2016-12-10", "2016-12-11"));
        assert_eq!(days("2016-12"), pair("2016-12-01", "2016-12-31"));
        assert_eq!(days("2016-02"), pair("2016-02-01", "2016-02-29"));
        assert_eq!(days("1988-Q3"), pair("1988-07-01", "1988-09-30"));
        assert_eq!(days("1989-H2"), pair("1989-07-01", "1989-12-31"));
        assert_eq!(days("1989-WI"), pair("1989-12-01", "1990-02-28"));
        assert_eq!(days("1989-SU"), pair("1989-06-01", "1989-08-31"));
        assert_eq!(days("1998"), pair("1998-01-01", "1998-12-31"));
        assert_eq!(days("199"), pair("1990-01-01", "1999-12-31"));
        assert_eq!(days("19"), pair("1900-01-01", "1999-12-31"));
        assert_eq!(days("2015-WXX"), pair("2014-12-29", "2016-01-03"));
        for unknown in ["XXXX-12-02", "XXXX", "P3W", "PRESENT_REF", "XXXX-XX-XXT09:00"] {
            assert_eq!(unknown.parse::<TimeValue>().unwrap().days(), None, "{unknown}");
        }
        let v = |s: &str| s.parse::<TimeValue>().unwrap();
        assert_eq!(v("2016-12-01").calendar_cmp(&v("2016-12")), Some(Ordering::Less));
        assert_eq!(
            v("2016-11-30").calendar_cmp(&v("2016-W48")),
            Some(Ordering::Greater)
        );
        assert_eq!(
            v("2016-12-08").calendar_cmp(&v("2016-12-08TEV")),
            Some(Ordering::Equal)
        );
        assert_eq!(v("2016-12-08").calendar_cmp(&v("PXY")), None);
        assert!(v("2016-W48")
            .days()
            .unwrap()
            .precedes(&v("2016-12-08").days().unwrap()));
        assert!(v("2016-Q4").days().unwrap().contains(d("2016-12-08")));
        assert!(v("1989-WI").days().unwrap().overlaps(&v("1990").days().unwrap()));
    }

    #[test]
    fn anchors_read_and_write_as_values() {
        for (a, text) in [
            (Anchor::Day(d("2016-12-08")), "2016-12-08"),
            (Anchor::Month { year: 1947, month: 3 }, "1947-03"),
            (Anchor::Year(1995), "1995"),
        ] {
            assert_eq!(a.to_string(), text);
            assert_eq!(text.parse::<Anchor>(), Ok(a));
        }
        assert!("2016-W49".parse::<Anchor>().is_err());
        assert!("2016-12-08TMO".parse::<Anchor>().is_err());
    }

    fn year() -> impl Strategy<Value = Option<i32>> {
        prop::option::of(0..=9999i32)
    }

    fn part(max: u32) -> impl Strategy<Value = Option<u32>> {
        prop::option::of(1..=max)
    }

    fn time() -> impl Strategy<Value = Option<TimeOfDay>> {
        prop::option::of(prop_oneof![
            (0..24u32, 0..60u32).prop_map(|(hour, minute)| TimeOfDay::Clock { hour, minute }),
            Just(TimeOfDay::Clock { hour: 24, minute: 0 }),
            prop::sample::select(PartOfDay::ALL.to_vec()).prop_map(TimeOfDay::Part),
        ])
    }

    fn amount() -> impl Strategy<Value = Amount> {
        prop_oneof![
            Just(Amount::Unknown),
            (0..100_000u32).prop_map(|k| Amount::Count(f64::from(k))),
            (0..1000u32).prop_map(|k| Amount::Count(f64::from(k) / 4.0)),
        ]
    }

    fn period() -> impl Strategy<Value = Period> {
        prop::collection::vec((amount(), prop::sample::select(Unit::ALL.to_vec())), 1..4).prop_filter_map(
            "units largest first, once",
            |mut parts| {
                parts.sort_by_key(|p| p.1);
                parts.dedup_by_key(|p| p.1);
                Period::new(parts)
            },
        )
    }

    fn weekday() -> impl Strategy<Value = Weekday> {
        (0..7u8).prop_map(|k| Weekday::try_from(k).unwrap())
    }

    fn value() -> impl Strategy<Value = TimeValue> {
        prop_oneof![
            (year(), part(12), part(31), time()).prop_map(|(year, month, day, time)| TimeValue::Day {
                year,
                month,
                day,
                time
            }),
            (year(), part(53)).prop_map(|(year, week)| TimeValue::Week { year, week }),
            (year(), part(53)).prop_map(|(year, week)| TimeValue::Weekend { year, week }),
            (year(), part(53), weekday()).prop_map(|(year, week, weekday)| TimeValue::WeekDay {
                year,
                week,
                weekday
            }),
            (year(), part(12)).prop_map(|(year, month)| TimeValue::Month { year, month }),
            (year(), 1..=4u32).prop_map(|(year, quarter)| TimeValue::Quarter { year, quarter }),
            (year(), 1..=2u32).prop_map(|(year, half)| TimeValue::Half { year, half }),
            (year(), prop::sample::select(Season::ALL.to_vec()))
                .prop_map(|(year, season)| TimeValue::Season { year, season }),
            year().prop_map(TimeValue::Year),
            (0..=999i32).prop_map(TimeValue::Decade),
            (0..=99i32).prop_map(TimeValue::Century),
            period().prop_map(TimeValue::Duration),
            Just(TimeValue::PresentRef),
            Just(TimeValue::PastRef),
            Just(TimeValue::FutureRef),
        ]
    }

    proptest! {
        #[test]
        fn parse_of_render_is_the_value(v in value()) {
            prop_assert!(v.is_valid());
            let text = v.to_string();
            prop_assert_eq!(text.parse::<TimeValue>(), Ok(v.clone()), "{}", text);
        }

        #[test]
        fn a_day_covers_itself_and_sits_in_its_week_month_and_year(
            day in (0..=9999i32, 1..=12u32, 1..=28u32).prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
        ) {
            let own = TimeValue::day_of(day).days().unwrap();
            prop_assert_eq!((own.first, own.last), (day, day));
            for wider in [
                TimeValue::week_of(day),
                TimeValue::month_of(day.year(), day.month()),
                TimeValue::quarter_of(day.year(), (day.month() - 1) / 3 + 1),
                TimeValue::year_of(day.year()),
                TimeValue::Decade(day.year() / 10),
                TimeValue::Century(day.year() / 100),
            ] {
                let r = wider.days().unwrap();
                prop_assert!(r.contains(day), "{} does not hold {}", wider, day);
            }
        }
    }
}
