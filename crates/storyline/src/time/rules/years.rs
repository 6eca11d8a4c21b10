//! Years, decades and centuries, written or spelled, and "the year" of a report.

use chrono::Datelike;

use super::{quarterly, Ctx, Normalised};
use crate::time::calendar::{last_quarter, latest_quarter_year, quarter_number};
use crate::time::lists::{OWNERS, YEAR_CONTEXT, YEAR_VERBS};
use crate::time::value::{Amount, Period, TimeValue, Unit};
use crate::time::words::{number, period};
use crate::time::TimexType;

/// Whether the words around a four-digit number make it a year: "in 1998", "1998's", "the
/// 1998 election", "its 1990 invasion", or a recent year standing alone ("1990 earnings",
/// "… in 1990."), but not a count ("2000 troops").
fn reads_as_year(c: &Ctx, year: i32) -> bool {
    let w = c.word_before.as_str();
    let plausible = c.time_prep()
        || c.g(1).is_some()
        || w.ends_with("post-")
        || w.ends_with("pre-")
        || YEAR_CONTEXT.contains(w)
        || c.after.starts_with("'s")
        || w.ends_with(',')
        || after_a_year_and_dash(w);
    // "its 1990 invasion", "his unsuccessful 1996 campaign": a possessive before.
    let owned = c
        .before
        .split_whitespace()
        .rev()
        .take(2)
        .any(|w| OWNERS.contains(&w.to_lowercase()) || w.ends_with("'s") || w.ends_with("’s"));
    let recent = (1900..=2039).contains(&year);
    let next_lower = c.after.trim_start().starts_with(|ch: char| ch.is_lowercase());
    plausible || recent && !next_lower || owned && recent || before_a_singular_verb(c)
}

/// Whether a singular verb follows, as after a year and not after a count: "1863 was a
/// turning point", "1943 saw the tide turn" (but "1863 soldiers were lost").
fn before_a_singular_verb(c: &Ctx) -> bool {
    let next = c.after.split_whitespace().next().unwrap_or("");
    YEAR_VERBS.contains(next)
}

/// Whether the word before is a year and a dash: the second year of "1941–1945".
fn after_a_year_and_dash(w: &str) -> bool {
    let Some(head) = w.strip_suffix(['-', '–', '—']) else {
        return false;
    };
    let digits = head.rsplit(|c: char| !c.is_ascii_digit()).next().unwrap_or("");
    digits.len() == 4 && digits.parse::<i32>().is_ok_and(|y| (1600..=2099).contains(&y))
}

/// "in 1998", "fiscal 1990", "1990-91".
pub(super) fn year(c: &Ctx) -> Option<Normalised> {
    if c.after_money_or_measure() {
        return None;
    }
    if matches!(c.next_char(), Some('%' | '-' | '/')) && !c.after.starts_with("-year") {
        return None;
    }
    // Rule `clock_not_year`: "at 2000 GMT", "1645 local time" are clock times.
    if crate::time::zone_follows(c.after) {
        return None;
    }
    let year: i32 = c.g(2)?.parse().ok()?;
    reads_as_year(c, year).then_some(())?;
    Normalised::date(TimeValue::year_of(year), false)
}

/// "the 1990s": a decade is its first three digits (ISO 8601, TimeML).
pub(super) fn decade(c: &Ctx) -> Option<Normalised> {
    if c.after_money_or_measure() {
        return None;
    }
    Normalised::date(TimeValue::Decade(c.g(2)?.parse().ok()?), false)
}

/// "nineteen ninety-six", "the year two thousand" (spoken transcripts); "two thousand"
/// alone is a count unless "the year" says otherwise.
pub(super) fn spelled_year(c: &Ctx) -> Option<Normalised> {
    let n = |i: usize| c.g(i).and_then(number).and_then(Amount::whole).map(|v| v as i32);
    let year = if c.g(4).is_some() {
        2000 + n(5).unwrap_or(0)
    } else {
        1900 + n(2)? + n(3).unwrap_or(0)
    };
    if c.g(4).is_some() && c.g(5).is_none() && !c.matched().to_lowercase().starts_with("the year") {
        return None;
    }
    Normalised::date(TimeValue::year_of(year), false)
}

/// The decades a century's "twenties" … "nineties" name.
const DECADE_WORDS: [&str; 8] = [
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// "the 20th century" → 19; "the nineties" → the latest such decade that has begun, or
/// begins within ten years of the creation date (of the 20th century without one).
pub(super) fn century(c: &Ctx) -> Option<Normalised> {
    if let Some(n) = c.g(1) {
        let n: i32 = n.parse().ok()?;
        (1..=30).contains(&n).then_some(())?;
        return Normalised::date(TimeValue::Century(n - 1), false);
    }
    let tens = DECADE_WORDS
        .iter()
        .position(|d| c.g(2).is_some_and(|w| w.eq_ignore_ascii_case(d)))? as i32
        + 2;
    let century = c.dct.map_or(19, |d| {
        let c = d.year() / 100;
        if c * 100 + tens * 10 <= d.year() + 10 {
            c
        } else {
            c - 1
        }
    });
    Normalised::date(TimeValue::Decade(century * 10 + tens), c.dct.is_some())
}

/// "the year" in a dated report is the current year ("earnings for the year"); "the year
/// ended June 30" is twelve months; "the year before", "the year of …" are neither.
pub(super) fn the_year(c: &Ctx) -> Option<Normalised> {
    if c.after.starts_with('-') {
        return None;
    }
    let rest = c.after.trim_start();
    let elsewhere = [
        "ago", "before", "earlier", "after", "later", "of", "in which", "when", "that", "'s",
    ];
    if elsewhere.iter().any(|w| rest.starts_with(w)) {
        return None;
    }
    // "the year ended June 30" is twelve months, and so is "throughout the year": the
    // whole of it, how long (TIMEX3 types "stayed the whole week" a DURATION).
    let whole_span = ["ended", "ending", "that ended", "through", "to "]
        .iter()
        .any(|w| rest.starts_with(w))
        || c.word_before == "throughout";
    if whole_span {
        let twelve_months = Period::of(Amount::Count(1.0), Unit::Year);
        return Normalised::new(TimexType::Duration, TimeValue::Duration(twelve_months), false);
    }
    Normalised::date(TimeValue::year_of(c.dct?.year()), true)
}

/// "by year-end": the end of the current year.
pub(super) fn year_end(c: &Ctx) -> Option<Normalised> {
    Normalised::date(TimeValue::year_of(c.dct?.year()), true)
}

/// "the end of the month" or "the start of the week" said of now: the month or the ISO week of the
/// creation date.
pub(super) fn period_point(c: &Ctx) -> Option<Normalised> {
    let dct = c.dct?;
    let v = if c.g(1)?.eq_ignore_ascii_case("week") {
        TimeValue::week_of(dct)
    } else {
        TimeValue::month_of(dct.year(), dct.month())
    };
    Normalised::date(v, true)
}

/// "year-earlier results": the year before, or its quarter in a quarterly report. Before
/// a time noun, the noun is what it dates: "the year-earlier nine months" is a counted span
/// (TIMEX3 types a counted span a DURATION, whichever year it lies in), "the year-ago third
/// quarter" that quarter of the year before the last one reported.
pub(super) fn year_ago(c: &Ctx) -> Option<Normalised> {
    if let (Some(n), Some(unit)) = (c.g(1), c.g(2)) {
        let span = TimeValue::Duration(period(number(n)?, unit));
        return Normalised::new(TimexType::Duration, span, false);
    }
    let dct = c.dct?;
    if let Some(ordinal) = c.g(3) {
        // The latest such quarter that has begun, then the year before it.
        let q = quarter_number(ordinal);
        return Normalised::date(TimeValue::quarter_of(latest_quarter_year(dct, q) - 1, q), true);
    }
    let v = if quarterly(c) {
        last_quarter(dct, -1)
    } else {
        TimeValue::year_of(dct.year() - 1)
    };
    Normalised::date(v, true)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{only, values};
    use super::super::Rule;
    use crate::time::TimexType;

    #[test]
    fn years_in_a_time_context() {
        let v = |text| values(Rule::Year, text, "2004-05-06");
        assert_eq!(v("The bridge opened in 1998."), ["1998"]);
        assert_eq!(v("Tolls were cut for fiscal 1999-00."), ["1999"]);
        assert_eq!(v("Its 1987 collapse is remembered."), ["1987"]);
        assert_eq!(v("Tolls rose after 1875 and fell."), ["1875"]);
        // Counts, prices and codes are not years.
        assert!(v("The bridge carried 2000 carts a day.").is_empty());
        assert!(v("A toll of $1998 was charged.").is_empty());
        assert!(v("Tolls rose 1999% in a century.").is_empty());
        // A year as the subject of a singular verb; a count takes a plural one.
        assert_eq!(v("Then 1863 was a hard winter for the mills."), ["1863"]);
        assert_eq!(v("Then 1871 saw the mills close."), ["1871"]);
        assert!(v("Then 1863 carts were lost.").is_empty());
        // The second year of a dashed pair.
        assert_eq!(v("The mills ran from 1871–1880 and then shut."), ["1871", "1880"]);
    }

    #[test]
    fn decades() {
        assert_eq!(values(Rule::Decade, "Ferries boomed in the 1960s.", ""), ["196"]);
        assert_eq!(
            values(Rule::Decade, "Ferries boomed in the early 1880's.", ""),
            ["188"]
        );
    }

    #[test]
    fn spelled_years() {
        let v = |text| values(Rule::SpelledYear, text, "");
        assert_eq!(v("The pier was built in nineteen eighty-two."), ["1982"]);
        assert_eq!(v("By the year two thousand and four it was gone."), ["2004"]);
        assert_eq!(v("By the year two thousand it was gone."), ["2000"]);
        assert!(v("Two thousand gulls nest there.").is_empty());
    }

    #[test]
    fn centuries_and_named_decades() {
        assert_eq!(
            values(Rule::Century, "Mills spread in the 19th century.", ""),
            ["18"]
        );
        assert_eq!(
            values(Rule::Century, "Mills spread in the seventies.", ""),
            ["197"]
        );
        // From a creation date: the latest such decade begun, or beginning within ten years.
        assert_eq!(
            values(Rule::Century, "Mills closed in the twenties.", "2016-01-01"),
            ["202"]
        );
        assert_eq!(
            values(Rule::Century, "Mills closed in the forties.", "2016-01-01"),
            ["194"]
        );
        assert!(values(Rule::Century, "Mills spread in the 40th century.", "").is_empty());
        assert_eq!(
            only(Rule::Century, "Mills spread in the late 18th century.", "")[0].0,
            "the late 18th century"
        );
    }

    #[test]
    fn the_year_of_a_report() {
        assert_eq!(
            values(
                Rule::TheYear,
                "Tolls fell for the year, the board said.",
                "2004-05-06"
            ),
            ["2004"]
        );
        assert_eq!(
            only(
                Rule::TheYear,
                "Tolls fell in the year ended March 31.",
                "2004-05-06"
            ),
            [("the year".to_string(), TimexType::Duration, "P1Y".to_string())]
        );
        assert_eq!(
            only(
                Rule::TheYear,
                "Tolls should climb throughout the fiscal year.",
                "2004-05-06"
            ),
            [(
                "the fiscal year".to_string(),
                TimexType::Duration,
                "P1Y".to_string()
            )]
        );
        assert!(values(Rule::TheYear, "Tolls fell the year before.", "2004-05-06").is_empty());
        assert!(values(Rule::TheYear, "Tolls fell for the year.", "").is_empty());
    }

    #[test]
    fn year_end() {
        assert_eq!(
            values(Rule::YearEnd, "Repairs end by year-end.", "2004-05-06"),
            ["2004"]
        );
    }

    #[test]
    fn period_point() {
        let v = |text| values(Rule::PeriodPoint, text, "2004-05-06");
        assert_eq!(v("Repairs end by the end of the month."), ["2004-05"]);
        assert_eq!(v("Crews return at the start of the week."), ["2004-W19"]);
        assert!(v("Crews return at the end of the line.").is_empty());
    }

    #[test]
    fn year_ago_before_the_time_it_dates() {
        let v = |text| only(Rule::YearAgo, text, "2004-11-06");
        assert_eq!(
            v("Tolls for the year-earlier nine months were lower."),
            [(
                "the year-earlier nine months".to_string(),
                TimexType::Duration,
                "P9M".to_string()
            )]
        );
        assert_eq!(
            v("In the year-ago third quarter, the bridge lost money."),
            [(
                "the year-ago third quarter".to_string(),
                TimexType::Date,
                "2003-Q3".to_string()
            )]
        );
    }

    #[test]
    fn year_ago_in_a_quarterly_report() {
        assert_eq!(
            values(Rule::YearAgo, "Tolls matched year-ago levels.", "2004-05-06"),
            ["2003"]
        );
        assert_eq!(
            values(
                Rule::YearAgo,
                "The quarter's toll income beat year-ago income.",
                "2004-05-06"
            ),
            ["2003-Q1"]
        );
    }
}
