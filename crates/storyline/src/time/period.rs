//! A span of time as TIMEX3 writes it (ISO 8601 with TimeML's extra units): `P3W`, `PT48H`,
//! `P2Y6M`, `PXY` ("several years"), `P1.5Y`, `PXDE` ("decades"), `P2CE`.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate};

/// A unit of a period, largest first (the order the parts of a period are written in).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// `CE`: a hundred years.
    Century,
    /// `DE`: ten years.
    Decade,
    Year,
    /// `Q`: three months.
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

impl Unit {
    pub(crate) const ALL: [Unit; 10] = [
        Unit::Century,
        Unit::Decade,
        Unit::Year,
        Unit::Quarter,
        Unit::Month,
        Unit::Week,
        Unit::Day,
        Unit::Hour,
        Unit::Minute,
        Unit::Second,
    ];

    /// The letters after the amount (`M` is a month before `T`, a minute after).
    fn code(self) -> &'static str {
        match self {
            Unit::Century => "CE",
            Unit::Decade => "DE",
            Unit::Year => "Y",
            Unit::Quarter => "Q",
            Unit::Month | Unit::Minute => "M",
            Unit::Week => "W",
            Unit::Day => "D",
            Unit::Hour => "H",
            Unit::Second => "S",
        }
    }

    /// Whether the unit is written after the `T`.
    fn of_clock(self) -> bool {
        self >= Unit::Hour
    }
}

/// How many of a unit: a number (whole or not: "1.5 years"), or unknown ("several
/// years", written `X`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    Unknown,
    /// Finite and not negative.
    Count(f64),
}

// Counts are finite (the constructors and the parser refuse NaN and infinities), so
// equality is an equivalence.
impl Eq for Amount {}

impl Amount {
    /// A count read from text; `None` for a value no period can hold (infinite, negative).
    pub fn count(n: f64) -> Option<Amount> {
        (n.is_finite() && n >= 0.0 && !(n == 0.0 && n.is_sign_negative())).then_some(Amount::Count(n))
    }

    /// The count when it is a whole number that fits a `u32`.
    pub fn whole(self) -> Option<u32> {
        match self {
            Amount::Count(n) if n.fract() == 0.0 && n <= f64::from(u32::MAX) => Some(n as u32),
            _ => None,
        }
    }

    /// This amount times `k` ("two fortnights" are four weeks).
    pub(crate) fn times(self, k: f64) -> Amount {
        match self {
            Amount::Count(n) => Amount::count(n * k).unwrap_or(Amount::Unknown),
            Amount::Unknown => Amount::Unknown,
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Unknown => f.write_str("X"),
            Amount::Count(n) => write!(f, "{n}"),
        }
    }
}

/// A period: amounts of units, largest unit first, each unit at most once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period(Vec<(Amount, Unit)>);

impl Period {
    /// `amount` of one unit.
    pub fn of(amount: Amount, unit: Unit) -> Period {
        Period(vec![(amount, unit)])
    }

    /// A period of several parts; `None` unless the units are distinct and largest first.
    pub fn new(parts: Vec<(Amount, Unit)>) -> Option<Period> {
        let ordered = !parts.is_empty() && parts.windows(2).all(|w| w[0].1 < w[1].1);
        ordered.then_some(Period(parts))
    }

    /// The parts, largest unit first.
    pub fn parts(&self) -> &[(Amount, Unit)] {
        &self.0
    }

    /// `day` moved by this period when it is a whole number (at most 10,000) of days,
    /// weeks, months or years, forward (`sign` 1) or back (-1). A month or year later the
    /// day of the month is kept, or the month's last when it is shorter (Jan 31 + 1 month
    /// is Feb 29 in a leap year).
    pub fn shift(&self, day: NaiveDate, sign: i32) -> Option<NaiveDate> {
        let [(amount, unit)] = self.0.as_slice() else {
            return None;
        };
        let n = i32::try_from(amount.whole()?).ok().filter(|n| *n <= 10_000)? * sign;
        let on = |y: i32, m: u32| {
            (1..=day.day())
                .rev()
                .find_map(|d| NaiveDate::from_ymd_opt(y, m, d))
        };
        match unit {
            Unit::Day => day.checked_add_signed(Duration::days(n.into())),
            Unit::Week => day.checked_add_signed(Duration::weeks(n.into())),
            Unit::Month => {
                let (y, m) = super::calendar::shift_months(day.year(), day.month(), n);
                on(y, m)
            }
            Unit::Year => on(day.year() + n, day.month()),
            _ => None,
        }
    }

    /// Reads the text after the `P` (`3W`, `T48H`, `2Y6M`); `None` unless it is a period.
    pub(crate) fn parse_body(body: &str) -> Option<Period> {
        let mut parts = Vec::new();
        let mut rest = body;
        let mut clock = false;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('T') {
                if clock {
                    return None;
                }
                clock = true;
                rest = r;
            }
            let (amount, r) = take_amount(rest)?;
            let unit = Unit::ALL
                .into_iter()
                .filter(|u| u.of_clock() == clock)
                .find(|u| r.starts_with(u.code()))?;
            parts.push((amount, unit));
            rest = &r[unit.code().len()..];
        }
        // "PT" alone, or a `T` with nothing after it, is not a period.
        if clock && !parts.last().is_some_and(|p| p.1.of_clock()) {
            return None;
        }
        Period::new(parts)
    }
}

/// The amount at the start of `s` (`X`, `3`, `1.5`) and the rest.
fn take_amount(s: &str) -> Option<(Amount, &str)> {
    if let Some(r) = s.strip_prefix('X') {
        return Some((Amount::Unknown, r));
    }
    let digits = |t: &str| t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let mut len = digits(s);
    if len == 0 {
        return None;
    }
    if let Some(frac) = s[len..].strip_prefix('.') {
        let k = digits(frac);
        if k == 0 {
            return None;
        }
        len += 1 + k;
    }
    Some((Amount::count(s[..len].parse().ok()?)?, &s[len..]))
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        let mut clock = false;
        for (amount, unit) in &self.0 {
            if unit.of_clock() && !clock {
                clock = true;
                f.write_str("T")?;
            }
            write!(f, "{amount}{}", unit.code())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(parts: &[(Amount, Unit)]) -> Period {
        Period::new(parts.to_vec()).unwrap()
    }

    #[test]
    fn renders_as_timex3() {
        let n = |x: f64| Amount::count(x).unwrap();
        for (period, want) in [
            (Period::of(n(3.0), Unit::Week), "P3W"),
            (Period::of(n(48.0), Unit::Hour), "PT48H"),
            (Period::of(Amount::Unknown, Unit::Year), "PXY"),
            (Period::of(Amount::Unknown, Unit::Decade), "PXDE"),
            (Period::of(n(2.0), Unit::Century), "P2CE"),
            (Period::of(n(1.5), Unit::Year), "P1.5Y"),
            (Period::of(n(1.0), Unit::Quarter), "P1Q"),
            (p(&[(n(2.0), Unit::Year), (n(6.0), Unit::Month)]), "P2Y6M"),
            (p(&[(n(1.0), Unit::Day), (n(12.0), Unit::Hour)]), "P1DT12H"),
            (p(&[(n(3.0), Unit::Minute), (n(30.0), Unit::Second)]), "PT3M30S"),
        ] {
            assert_eq!(period.to_string(), want);
            assert_eq!(Period::parse_body(&want[1..]), Some(period), "{want}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_period() {
        for body in [
            "", "T", "3", "3WT", "W", "6M2Y", "3W3W", "1.Y", ".5Y", "3H", "TXY", "3WT1W",
        ] {
            assert_eq!(Period::parse_body(body), None, "{body}");
        }
        assert_eq!(Amount::count(f64::INFINITY), None);
        assert_eq!(Amount::count(-1.0), None);
        assert_eq!(Period::new(vec![]), None);
    }

    #[test]
    fn shifts_a_day_by_whole_units() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let of = |k: f64, u| Period::of(Amount::count(k).unwrap(), u);
        assert_eq!(
            of(3.0, Unit::Day).shift(d("2016-12-02"), 1),
            Some(d("2016-12-05"))
        );
        assert_eq!(
            of(2.0, Unit::Week).shift(d("2016-12-02"), -1),
            Some(d("2016-11-18"))
        );
        assert_eq!(
            of(1.0, Unit::Month).shift(d("2016-01-31"), 1),
            Some(d("2016-02-29"))
        );
        assert_eq!(
            of(1.0, Unit::Year).shift(d("2016-02-29"), 1),
            Some(d("2017-02-28"))
        );
        assert_eq!(
            Period::of(Amount::Unknown, Unit::Day).shift(d("2016-02-29"), 1),
            None
        );
        // Half a year, hours, several parts, or more than 10,000 units: no day to move to.
        assert_eq!(of(1.5, Unit::Year).shift(d("2016-02-29"), 1), None);
        assert_eq!(of(48.0, Unit::Hour).shift(d("2016-02-29"), 1), None);
        assert_eq!(of(10_001.0, Unit::Day).shift(d("2016-02-29"), 1), None);
        let two = p(&[
            (Amount::count(2.0).unwrap(), Unit::Year),
            (Amount::count(6.0).unwrap(), Unit::Month),
        ]);
        assert_eq!(two.shift(d("2016-02-29"), 1), None);
    }
}
