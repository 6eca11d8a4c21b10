//! Full dates: written out, numeric, ISO, with a weekday, and named holidays.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{Ctx, Normalised};
use crate::time::calendar::nearest_year;
use crate::time::value::TimeValue;
use crate::time::words::{month_number, weekday};

/// "Monday, Oct. 26": the date, in the year (of three) whose weekday agrees.
pub(super) fn weekday_and_date(c: &Ctx) -> Option<Normalised> {
    let (wd, m, d) = (
        weekday(c.g(1)?)?,
        month_number(c.g(2)?)?,
        c.g(3)?.parse::<u32>().ok()?,
    );
    if let Some(y) = c.g(4) {
        let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m, d)?;
        return Normalised::date(TimeValue::day_of(date), false);
    }
    let dct = c.dct?;
    let fits = [0, -1, 1]
        .iter()
        .filter_map(|k| NaiveDate::from_ymd_opt(dct.year() + k, m, d))
        .find(|x| x.weekday() == wd);
    let date = fits.or_else(|| NaiveDate::from_ymd_opt(nearest_year(dct, m, d), m, d))?;
    Normalised::date(TimeValue::day_of(date), true)
}

/// A full date from its month name, day and year.
fn full_date(month: &str, day: &str, year: &str) -> Option<Normalised> {
    let date = NaiveDate::from_ymd_opt(year.parse().ok()?, month_number(month)?, day.parse().ok()?)?;
    Normalised::date(TimeValue::day_of(date), false)
}

/// "December 7, 2016".
pub(super) fn month_day_year(c: &Ctx) -> Option<Normalised> {
    full_date(c.g(1)?, c.g(2)?, c.g(3)?)
}

/// "7 December 2016".
pub(super) fn day_month_year(c: &Ctx) -> Option<Normalised> {
    full_date(c.g(2)?, c.g(1)?, c.g(3)?)
}

/// "12/7/2016", "7/12/98": month first (US), else day first; a two-digit year is 1950–2049.
pub(super) fn numeric(c: &Ctx) -> Option<Normalised> {
    if c.after_money_or_measure() {
        return None;
    }
    let (a, b, y): (u32, u32, &str) = (c.g(1)?.parse().ok()?, c.g(2)?.parse().ok()?, c.g(3)?);
    let y: i32 = if y.len() == 2 {
        1900 + y.parse::<i32>().ok()?
    } else {
        y.parse().ok()?
    };
    let y = if y < 1950 { y + 100 } else { y };
    let date = NaiveDate::from_ymd_opt(y, a, b).or_else(|| NaiveDate::from_ymd_opt(y, b, a))?;
    Normalised::date(TimeValue::day_of(date), false)
}

/// "2016-12-07".
pub(super) fn iso(c: &Ctx) -> Option<Normalised> {
    let date = NaiveDate::from_ymd_opt(
        c.g(1)?.parse().ok()?,
        c.g(2)?.parse().ok()?,
        c.g(3)?.parse().ok()?,
    )?;
    Normalised::date(TimeValue::day_of(date), false)
}

/// The day a holiday (as the pattern names it) falls on in year `y`.
fn holiday_in(name: &str, y: i32) -> Option<NaiveDate> {
    let nth = |month: u32, wd: Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(y, month, wd, n);
    let on = |month: u32, day: u32| NaiveDate::from_ymd_opt(y, month, day);
    match name {
        "Thanksgiving" | "Thanksgiving Day" => nth(11, Weekday::Thu, 4),
        "Christmas Eve" => on(12, 24),
        "Christmas" | "Christmas Day" => on(12, 25),
        "New Year's Eve" => on(12, 31),
        "New Year's" | "New Year's Day" => on(1, 1),
        "Independence Day" => on(7, 4),
        "Labor Day" => nth(9, Weekday::Mon, 1),
        // The last Monday of May.
        "Memorial Day" => (1..=5).rev().find_map(|n| nth(5, Weekday::Mon, n)),
        // The Tuesday after the first Monday of November.
        "Election Day" => nth(11, Weekday::Mon, 1).map(|d| d + Duration::days(1)),
        "Veterans Day" => on(11, 11),
        "Halloween" => on(10, 31),
        _ => on(2, 14),
    }
}

/// "Christmas", "Labor Day": the nearest occurrence to the creation date; "Christmas 1914",
/// "New Year's Day, 1944": that year's.
pub(super) fn holiday(c: &Ctx) -> Option<Normalised> {
    let name = c.g(1)?;
    if let Some(year) = c.g(2).and_then(|y| y.parse().ok()) {
        return Normalised::date(TimeValue::day_of(holiday_in(name, year)?), false);
    }
    let dct = c.dct?;
    let best = [dct.year() - 1, dct.year(), dct.year() + 1]
        .into_iter()
        .filter_map(|y| holiday_in(name, y))
        .min_by_key(|d| (*d - dct).num_days().abs())?;
    Normalised::date(TimeValue::day_of(best), true)
}

#[cfg(test)]
mod tests {
    use super::super::testing::values;
    use super::super::Rule;

    #[test]
    fn weekday_and_date() {
        // 2021-03-05 is a Friday: the year of three whose weekday agrees.
        assert_eq!(
            values(
                Rule::WeekdayDate,
                "The ferry sails Friday, March 5, weather allowing.",
                "2020-11-20"
            ),
            ["2021-03-05"]
        );
        assert_eq!(
            values(Rule::WeekdayDate, "The mill shut on Tuesday, June 3, 1997.", ""),
            ["1997-06-03"]
        );
        assert!(values(Rule::WeekdayDate, "The mill shut on Tuesday, June 3.", "").is_empty());
    }

    #[test]
    fn full_dates_either_order() {
        assert_eq!(
            values(
                Rule::MonthDayYear,
                "The lighthouse was lit on Sept. 14, 2003 for good.",
                ""
            ),
            ["2003-09-14"]
        );
        assert_eq!(
            values(
                Rule::DayMonthYear,
                "The lighthouse was lit on 14th of September 2003.",
                ""
            ),
            ["2003-09-14"]
        );
        // No such day.
        assert!(values(Rule::MonthDayYear, "A ticket dated February 30, 2003.", "").is_empty());
    }

    #[test]
    fn numeric_dates_month_first() {
        assert_eq!(
            values(Rule::NumericDate, "Filed 4/11/2009 at the harbour office.", ""),
            ["2009-04-11"]
        );
        assert_eq!(
            values(Rule::NumericDate, "Filed 25/11/09 at the harbour office.", ""),
            ["2009-11-25"]
        );
        assert_eq!(
            values(Rule::NumericDate, "Filed 4/11/49 at the harbour office.", ""),
            ["2049-04-11"]
        );
        // A fraction of a price is no date.
        assert!(values(Rule::NumericDate, "Rope costs $3/4/12 feet.", "").is_empty());
    }

    #[test]
    fn iso_dates() {
        assert_eq!(
            values(Rule::IsoDate, "Logged 2012-08-30 by the keeper.", ""),
            ["2012-08-30"]
        );
        assert!(values(Rule::IsoDate, "Logged 2012-13-30 by the keeper.", "").is_empty());
    }

    #[test]
    fn holidays_nearest_the_creation_date() {
        let v = |text| values(Rule::Holiday, text, "2015-11-20");
        assert_eq!(v("The orchard closes for Thanksgiving."), ["2015-11-26"]);
        assert_eq!(v("The orchard closed on Labor Day."), ["2015-09-07"]);
        assert_eq!(v("The orchard reopens after New Year's Day."), ["2016-01-01"]);
        assert_eq!(v("Lanterns go up on Christmas Eve."), ["2015-12-24"]);
        assert_eq!(v("Polls open on Election Day."), ["2015-11-03"]);
        assert_eq!(v("The parade was on Memorial Day."), ["2015-05-25"]);
        assert!(values(Rule::Holiday, "The orchard closes for Thanksgiving.", "").is_empty());
        // With its year, that year's, creation date or not.
        assert_eq!(v("The truce held on Christmas Day 1914."), ["1914-12-25"]);
        assert_eq!(
            values(Rule::Holiday, "The orchard closed on Thanksgiving, 1931.", ""),
            ["1931-11-26"]
        );
    }
}
