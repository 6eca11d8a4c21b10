//! Months and days of a month without a year: the year comes from the creation date and
//! the tense.

use chrono::{Datelike, Duration, NaiveDate};

use super::{Ctx, Normalised};
use crate::time::calendar::nearest_year;
use crate::time::value::TimeValue;
use crate::time::words::month_number;

/// "Dec. 7".
pub(super) fn month_day(c: &Ctx) -> Option<Normalised> {
    day_of_month(c, c.g(1)?, c.g(2)?)
}

/// "7 December".
pub(super) fn day_month(c: &Ctx) -> Option<Normalised> {
    day_of_month(c, c.g(2)?, c.g(1)?)
}

/// A day of a month: in the year the tense points to when the day is far from the creation
/// date, else the nearest such day (news mentions recent and coming dates alike).
fn day_of_month(c: &Ctx, mo: &str, d: &str) -> Option<Normalised> {
    let (m, d): (u32, u32) = (month_number(mo)?, d.parse().ok()?);
    if !(1..=31).contains(&d) || matches!(c.next_char(), Some('%')) {
        return None;
    }
    // "May 5" needs a capitalised May; "March 20" fine.
    if mo.eq_ignore_ascii_case("may") && !mo.starts_with('M') {
        return None;
    }
    let Some(dct) = c.dct else {
        let value = TimeValue::Day {
            year: None,
            month: Some(m),
            day: Some(d),
            time: None,
        };
        return Normalised::date(value, false);
    };
    let this = NaiveDate::from_ymd_opt(dct.year(), m, d)?;
    let near = nearest_year(dct, m, d);
    let far = NaiveDate::from_ymd_opt(near, m, d).is_some_and(|x| (x - dct).num_days().abs() > 120);
    // "the quarter ended Oct. 31": the period closed, so the last such day. So is the day
    // of an event that has happened (rule `happened_event`: "the Jan. 6 riot", "videos of
    // the May 4 attack show …"), read in a present tense that would otherwise point ahead.
    // Only when the next such day lies more than a month ahead: "planning the Nov. 1
    // assault" a fortnight before it stays ahead.
    let next = if this >= dct {
        Some(this)
    } else {
        NaiveDate::from_ymd_opt(dct.year() + 1, m, d)
    };
    let ahead = next.is_some_and(|x| x > dct + Duration::days(30));
    let closed = c.word_before == "ended" || (ahead && happened_event(c.after));
    let y = match c.tense() {
        _ if closed => dct.year() - i32::from(this > dct),
        Some(false) if far => dct.year() - i32::from(this > dct + Duration::days(1)),
        Some(true) if far => dct.year() + i32::from(this < dct - Duration::days(1)),
        _ => near,
    };
    Normalised::date(TimeValue::day_of(NaiveDate::from_ymd_opt(y, m, d)?), true)
}

/// Whether a month name standing where it is names no month: lower case, a "may" that
/// nothing makes a month, "the March for Life", or an abbreviation without a dot or year.
fn not_a_month(c: &Ctx, modifier: Option<&str>, mo: &str, year: Option<&str>) -> bool {
    // A bare month must be capitalised.
    if !mo.starts_with(|ch: char| ch.is_uppercase()) {
        return true;
    }
    // "May" needs a modifier, a year or a preposition that makes it the month ("in May").
    let time_prep = c.time_prep();
    if mo == "May" && modifier.is_none() && year.is_none() && !time_prep {
        return true;
    }
    // "the March for Life", "the March of the Mothers": an event's name.
    let named_next = |lead: &str| {
        c.after
            .strip_prefix(lead)
            .is_some_and(|r| r.starts_with(|ch: char| ch.is_uppercase()))
    };
    if mo == "March"
        && year.is_none()
        && modifier.is_none()
        && (named_next(" for ") || named_next(" of the "))
    {
        return true;
    }
    // "Mar", "Jan" without a year or dot: too ambiguous.
    mo.len() <= 4
        && !mo.ends_with('.')
        && year.is_none()
        && !(mo == "May" && (modifier.is_some() || time_prep))
        && mo.len() < 5
        && mo != "June"
        && mo != "July"
}

/// The year of a month named without one: "last March" the latest one before this
/// month, "next March" the first after; else the tense, a deadline ("by February") or,
/// with nothing to go by, this year's month unless it is more than six months ahead (news
/// looks back more than forward: "In January, …" in October is past).
fn year_of_month(c: &Ctx, dct: NaiveDate, modifier: Option<&str>, m: u32) -> i32 {
    match modifier.map(str::to_lowercase).as_deref() {
        Some("last") => dct.year() - i32::from(m >= dct.month()),
        Some("next") => dct.year() + i32::from(m <= dct.month()),
        _ => {
            let (m, now) = (m as i32, dct.month() as i32);
            match c.tense() {
                Some(true) => dct.year() + i32::from(m < now),
                Some(false) => dct.year() - i32::from(m > now),
                None if matches!(c.word_before.as_str(), "by" | "until" | "till" | "through") => {
                    dct.year() + i32::from(m < now)
                }
                None if m - now > 6 => dct.year() - 1,
                None => dct.year(),
            }
        }
    }
}

/// "March 2011", "last March", "in May".
pub(super) fn month_year(c: &Ctx) -> Option<Normalised> {
    let (modifier, mo, y) = (c.g(1), c.g(2)?, c.g(3));
    if not_a_month(c, modifier, mo, y) {
        return None;
    }
    let m = month_number(mo)?;
    let year = match (y, c.dct) {
        (Some(y), _) => y.parse::<i32>().ok()?,
        (None, Some(dct)) => year_of_month(c, dct, modifier, m),
        (None, None) => {
            let value = TimeValue::Month {
                year: None,
                month: Some(m),
            };
            return Normalised::date(value, false);
        }
    };
    Normalised::date(TimeValue::month_of(year, m), y.is_none())
}

/// "January this year", "July last year".
pub(super) fn month_this_year(c: &Ctx) -> Option<Normalised> {
    let m = month_number(c.g(1)?)?;
    let y = c.dct?.year()
        + match c.g(2)? {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
    Normalised::date(TimeValue::month_of(y, m), true)
}

/// Whether the word right after a date names an event that has happened
/// (`data/happened_events.txt`), not a capitalised part of a name ("the Jan. 6 Riot
/// Fund") nor the first half of a hyphenated word ("riot-era").
fn happened_event(after: &str) -> bool {
    let after = after.strip_prefix([' ', '\u{a0}']).unwrap_or("");
    let word: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    let hyphenated = after[word.len()..].starts_with(['-', '‐', '–']);
    !word.is_empty()
        && !hyphenated
        && word.chars().next().is_some_and(char::is_lowercase)
        && super::super::lists::HAPPENED_EVENTS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{only, values};
    use super::super::Rule;

    #[test]
    fn the_day_of_an_event_that_happened_lies_behind() {
        // Rule `happened_event`: nearer ahead (78 days) than behind, and a present tense.
        let v = |text| values(Rule::MonthDay, text, "2021-10-20");
        assert_eq!(
            v("Videos of the Jan. 6 riot show the crowd at the gate."),
            ["2021-01-06"]
        );
        assert_eq!(
            v("Inquiries into the Dec. 30 attacks are continuing."),
            ["2020-12-30"]
        );
        // Nearer behind, but a tense that points ahead.
        assert_eq!(
            values(
                Rule::MonthDay,
                "A panel will study the Jan. 6 insurrection.",
                "2021-06-22"
            ),
            ["2021-01-06"]
        );
        // A scheduled event and a capitalised name keep the nearest day.
        assert_eq!(
            v("Candidates are preparing for the Jan. 6 election."),
            ["2022-01-06"]
        );
        assert_eq!(v("The Jan. 6 Riot Fund is raising money."), ["2022-01-06"]);
        assert_eq!(v("A Jan. 6 riot-era fund is raising money."), ["2022-01-06"]);
        // A planned one a fortnight ahead stays ahead.
        assert_eq!(v("Generals are planning the Nov. 1 assault."), ["2021-11-01"]);
    }

    #[test]
    fn month_days_near_or_by_the_tense() {
        // A month ahead: the calendar decides; half a year back in the past tense: last year.
        assert_eq!(
            values(
                Rule::MonthDay,
                "The regatta is on June 2 this time.",
                "2019-05-06"
            ),
            ["2019-06-02"]
        );
        assert_eq!(
            values(
                Rule::MonthDay,
                "The boathouse burned on Sept. 23, the keeper recalled.",
                "2019-05-06"
            ),
            ["2018-09-23"]
        );
        // A closed period ended on the last such day.
        assert_eq!(
            values(
                Rule::MonthDay,
                "In the season ended Aug. 31 the ferry lost money.",
                "2019-05-06"
            ),
            ["2018-08-31"]
        );
        assert_eq!(
            values(Rule::MonthDay, "The regatta is on June 2.", ""),
            ["XXXX-06-02"]
        );
        // A percentage, a lower-case "may".
        assert!(values(Rule::MonthDay, "Fares rose Jan 5% overall.", "2019-05-06").is_empty());
        assert!(values(Rule::MonthDay, "The crews may 3 times a day.", "2019-05-06").is_empty());
    }

    #[test]
    fn day_months() {
        assert_eq!(
            values(Rule::DayMonth, "The pier reopens on 2 June.", "2019-05-06"),
            ["2019-06-02"]
        );
        assert!(values(Rule::DayMonth, "The pier reopens on 31st of June.", "2019-05-06").is_empty());
    }

    #[test]
    fn months_and_their_years() {
        let v = |text| values(Rule::MonthYear, text, "2019-10-06");
        assert_eq!(v("The quay was rebuilt in March 2011."), ["2011-03"]);
        assert_eq!(v("The quay flooded last March."), ["2019-03"]);
        assert_eq!(v("The quay flooded last November."), ["2018-11"]);
        assert_eq!(v("The quay opens next March."), ["2020-03"]);
        assert_eq!(v("The quay will reopen in February."), ["2020-02"]);
        assert_eq!(v("The quay gets paint by February."), ["2020-02"]);
        assert_eq!(v("In January the quay got new lamps."), ["2019-01"]);
        assert_eq!(v("Lamps were fitted in May."), ["2019-05"]);
        // A modifier opening a sentence is in the extent too.
        let o = only(Rule::MonthYear, "Mid-June 1944 brought floods.", "");
        assert_eq!((o[0].0.as_str(), o[0].2.as_str()), ("Mid-June 1944", "1944-06"));
        assert_eq!(
            values(Rule::MonthYear, "Lamps were fitted in May.", ""),
            ["XXXX-05"]
        );
        // Not months: a verb, an event's name, a bare abbreviation.
        assert!(v("Lamps May Be Fitted").is_empty());
        assert!(v("Crowds joined the March for Harbours.").is_empty());
        assert!(v("The Jan brothers fitted lamps.").is_empty());
    }

    #[test]
    fn months_of_a_year_counted_from_now() {
        let v = |text| values(Rule::MonthRelYear, text, "2019-10-06");
        assert_eq!(v("The quay flooded in July last year."), ["2018-07"]);
        assert_eq!(v("The quay opens in April next year."), ["2020-04"]);
        assert!(values(Rule::MonthRelYear, "The quay opens in April next year.", "").is_empty());
    }
}
