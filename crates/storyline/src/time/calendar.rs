//! Calendar arithmetic the rules share: the nearest weekday, months on, the nearest year of
//! a month and day, the last completed quarter.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::value::TimeValue;

/// The quarter an ordinal names: "first" 1 … "fourth" (or anything else the patterns
/// allow) 4.
pub(super) fn quarter_number(ordinal: &str) -> u32 {
    match ordinal.to_lowercase().as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        _ => 4,
    }
}

/// The year of the latest quarter `q` that has begun by `dct`: this year's, or last year's
/// when this year's is still ahead.
pub(super) fn latest_quarter_year(dct: NaiveDate, q: u32) -> i32 {
    let current = (dct.month() - 1) / 3 + 1;
    if q > current {
        dct.year() - 1
    } else {
        dct.year()
    }
}

/// The weekday `wd` nearest `from`: on or after it when `ahead`, else on or before.
pub(super) fn weekday_date(from: NaiveDate, wd: Weekday, ahead: bool) -> NaiveDate {
    let (a, b) = (
        from.weekday().num_days_from_monday() as i64,
        wd.num_days_from_monday() as i64,
    );
    if ahead {
        from + Duration::days((b - a).rem_euclid(7))
    } else {
        from - Duration::days((a - b).rem_euclid(7))
    }
}

/// The month `delta` months from month `m` of year `y`.
pub(super) fn shift_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The year of a month/day without one: the nearest such date to the reference.
pub(super) fn nearest_year(dct: NaiveDate, month: u32, day: u32) -> i32 {
    let mut best = dct.year();
    let mut dist = i64::MAX;
    for y in [dct.year() - 1, dct.year(), dct.year() + 1] {
        if let Some(d) = NaiveDate::from_ymd_opt(y, month, day.max(1)) {
            let k = (d - dct).num_days().abs();
            if k < dist {
                dist = k;
                best = y;
            }
        }
    }
    best
}

/// The quarter `delta` quarters from the one `dct` falls in.
pub(super) fn quarter_from(dct: NaiveDate, delta: i32) -> TimeValue {
    let q = (dct.month() as i32 - 1) / 3 + delta;
    TimeValue::quarter_of(dct.year() + q.div_euclid(4), (q.rem_euclid(4) + 1) as u32)
}

/// The last completed quarter before `dct`, `years` years on ("1988-Q3").
pub(super) fn last_quarter(dct: NaiveDate, years: i32) -> TimeValue {
    match quarter_from(dct, -1) {
        TimeValue::Quarter {
            year: Some(y),
            quarter,
        } => TimeValue::quarter_of(y + years, quarter),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn weekdays_months_and_quarters() {
        // 2016-12-08 is a Thursday.
        assert_eq!(weekday_date(d("2016-12-08"), Weekday::Mon, true), d("2016-12-12"));
        assert_eq!(
            weekday_date(d("2016-12-08"), Weekday::Mon, false),
            d("2016-12-05")
        );
        assert_eq!(
            weekday_date(d("2016-12-08"), Weekday::Thu, false),
            d("2016-12-08")
        );
        assert_eq!(shift_months(2016, 11, 3), (2017, 2));
        assert_eq!(shift_months(2016, 1, -1), (2015, 12));
        assert_eq!(nearest_year(d("2016-12-08"), 1, 3), 2017);
        assert_eq!(nearest_year(d("2016-12-08"), 9, 3), 2016);
        assert_eq!(last_quarter(d("1989-11-02"), -1).to_string(), "1988-Q3");
        assert_eq!(last_quarter(d("1989-02-02"), 0).to_string(), "1988-Q4");
        assert_eq!(quarter_from(d("1989-02-02"), 1).to_string(), "1989-Q2");
    }
}
