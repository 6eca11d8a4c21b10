//! Spans of time and repetitions: "three weeks", "for years", "every day", "each Thursday".

use super::{is_rate, season_named, season_word, Ctx, Normalised};
use crate::time::lists::MODALS;
use crate::time::value::{Amount, Period, TimeValue, Unit};
use crate::time::words::{half_period, month_number, number, period, weekday};
use crate::time::TimexType;

/// An age ("a 6-year-old", "44 years old") or a fraction ("three-quarters of"): no span.
fn age_or_fraction(c: &Ctx, unit: &str) -> bool {
    let age = c.after.starts_with("-old") || c.after.starts_with(" old");
    age || unit.to_lowercase().starts_with("quarter") && quarter_as_share(c)
}

/// Rule `quarter_as_share`: "a quarter" is a share of an amount, not three months, before
/// "of" ("a quarter of the budget"), before "point" ("a quarter point"), before a comparative ("a quarter more than forecast",
/// "three-quarters higher": `claims/data/comparatives.txt`) and after "by" after a verb of
/// change ("fell by a quarter"; "delayed by a quarter" stays a span of time).
fn quarter_as_share(c: &Ctx) -> bool {
    let rest = c.after.trim_start();
    let next: String = rest
        .chars()
        .take_while(|ch| ch.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let mut words = c.before.split_whitespace().rev();
    let by_change = words.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && words
            .next()
            .is_some_and(|w| crate::claims::change_verb(&w.to_lowercase()));
    // "one-quarter the size", "a quarter its price": a share of the amount named after it.
    let of_an_amount = matches!(next.as_str(), "the" | "its" | "his" | "her" | "their");
    // "a quarter point", "three-quarters of a percentage point": a share of a point of a
    // rate or an index, which a central bank's or a market's report counts in.
    let of_a_point = matches!(next.as_str(), "point" | "points" | "percentage");
    next == "of" || of_an_amount || of_a_point || crate::claims::comparative(&next) || by_change
}

/// An ordinal ("a second group"), a year before a quarter ("the 1988 second quarter") or a
/// rate ("$2 million a year", "four flights a week"): no span.
fn ordinal_year_or_rate(c: &Ctx, count: &str, unit: &str, n: Amount) -> bool {
    let rest = c.after.trim_start();
    let ordinal = unit.eq_ignore_ascii_case("second")
        && count.to_lowercase().starts_with('a')
        && rest.starts_with(|c: char| c.is_alphabetic())
        && !["ago", "later", "earlier", "or", "and", "before", "after"]
            .iter()
            .any(|w| rest.starts_with(w));
    let a_year = count.len() == 4 && (1600..2100).contains(&n.whole().unwrap_or(0));
    let rate = matches!(count.to_lowercase().as_str(), "a" | "an") && is_rate(c.before, c.after);
    ordinal || a_year || rate
}

/// "three weeks", "a 48-hour ceasefire", "2 1/2 years" (P2Y6M), "a weeks-long battle"
/// (some weeks); "will one day be …" is some time ahead, not a day's length.
pub(super) fn duration(c: &Ctx) -> Option<Normalised> {
    let (count, unit) = (c.g(1)?, c.g(3)?);
    if age_or_fraction(c, unit) {
        return None;
    }
    let n = if matches!(count.to_lowercase().as_str(), "a" | "an") && unit.ends_with('s') {
        Amount::Unknown
    } else {
        number(count)?
    };
    let half = c.g(2).or(c.g(4)).is_some();
    if count.eq_ignore_ascii_case("one")
        && unit.eq_ignore_ascii_case("day")
        && MODALS.contains(&c.word_before)
    {
        return Normalised::date(TimeValue::FutureRef, true);
    }
    if ordinal_year_or_rate(c, count, unit, n) {
        return None;
    }
    let value = match (half, n.whole()) {
        (true, Some(k)) => half_period(k, unit).unwrap_or_else(|| period(n, unit)),
        _ => period(n, unit),
    };
    Normalised::new(TimexType::Duration, TimeValue::Duration(value), false)
}

/// "for years", "within days": an unknown number of the unit (only the unit is the
/// expression); not "for years of …", "in years ago".
pub(super) fn vague(c: &Ctx) -> Option<Normalised> {
    let rest = c.after.trim_start();
    if rest.starts_with("of ") || rest.starts_with("ago") {
        return None;
    }
    let v = TimeValue::Duration(period(Amount::Unknown, c.g(1)?));
    Normalised::new(TimexType::Duration, v, false)
}

/// "every day", "weekly", "each Thursday" (a weekday of any week), "every July" (a month of
/// any year), "$2 million a year" (only as a rate); "a May" is no set.
pub(super) fn set(c: &Ctx) -> Option<Normalised> {
    // Rule `named_periodical`: "NBC Nightly News", "the Daily Mail": a capitalised
    // "Nightly", "Daily" … between "the" or a capitalised word and another capitalised
    // word is part of a name ("Daily and Weekly Winners" in a title-case line repeats).
    let before = c.before.split_whitespace().next_back().unwrap_or("");
    if c.g(3).is_some_and(|w| w.starts_with(char::is_uppercase))
        && c.after
            .strip_prefix(' ')
            .is_some_and(|r| r.starts_with(char::is_uppercase))
        && (before.eq_ignore_ascii_case("the") || before.starts_with(char::is_uppercase))
        && c.before.ends_with(' ')
    {
        return None;
    }
    let unit = c.g(2).or(c.g(3))?.to_lowercase();
    if c.g(1).is_some_and(|a| a.eq_ignore_ascii_case("a")) && !is_rate(c.before, c.after) {
        return None;
    }
    // A weekday's name is longer than five letters; as it stands, this also takes
    // "monthly" for a Monday, which then has no "every" and yields nothing.
    if let Some(wd) = weekday(&unit).filter(|_| unit.len() > 5) {
        if c.g(1)?.eq_ignore_ascii_case("a") {
            return None;
        }
        let every = TimeValue::WeekDay {
            year: None,
            week: None,
            weekday: wd,
        };
        return Normalised::new(TimexType::Set, every, false);
    }
    if let Some(m) = month_number(&unit).filter(|_| !matches!(unit.as_str(), "day" | "daily" | "decade")) {
        if c.g(1)?.eq_ignore_ascii_case("a") || c.g(2)? == "may" {
            return None;
        }
        let every = TimeValue::Month {
            year: None,
            month: Some(m),
        };
        return Normalised::new(TimexType::Set, every, false);
    }
    if season_word(&unit) {
        // "each autumn" is that season of every year; "a summer" is no rate.
        if matches!(c.g(1)?.to_lowercase().as_str(), "a" | "per") {
            return None;
        }
        let every = TimeValue::Season {
            year: None,
            season: season_named(&unit),
        };
        return Normalised::new(TimexType::Set, every, false);
    }
    let (k, unit) = match unit.as_str() {
        "day" | "daily" | "morning" | "night" | "evening" | "nightly" => (1.0, Unit::Day),
        "week" | "weekly" => (1.0, Unit::Week),
        "month" | "monthly" => (1.0, Unit::Month),
        "year" | "annually" | "yearly" => (1.0, Unit::Year),
        "quarter" => (3.0, Unit::Month),
        "decade" => (10.0, Unit::Year),
        "century" => (100.0, Unit::Year),
        "hour" | "hourly" => (1.0, Unit::Hour),
        _ => (1.0, Unit::Minute),
    };
    let every = Period::of(Amount::Count(k), unit);
    Normalised::new(TimexType::Set, TimeValue::Duration(every), false)
}

/// "on Mondays", "Tuesday nights": the weekday of every week.
pub(super) fn weekdays_plural(c: &Ctx) -> Option<Normalised> {
    let every = TimeValue::WeekDay {
        year: None,
        week: None,
        weekday: weekday(c.g(1)?)?,
    };
    Normalised::new(TimexType::Set, every, false)
}

/// "every three minutes", "every other day": a repetition with that period.
pub(super) fn set_every(c: &Ctx) -> Option<Normalised> {
    let n = if c.g(1)?.eq_ignore_ascii_case("other") {
        Amount::Count(2.0)
    } else {
        number(c.g(1)?)?
    };
    Normalised::new(TimexType::Set, TimeValue::Duration(period(n, c.g(2)?)), false)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{only, values};
    use super::super::Rule;
    use crate::time::TimexType;

    #[test]
    fn a_season_of_every_year_is_a_set() {
        let v = |text| only(Rule::Set, text, "2010-06-01");
        assert_eq!(v("The fair returns each autumn.")[0].1, TimexType::Set);
        assert_eq!(v("The fair returns each autumn.")[0].2, "XXXX-FA");
        assert_eq!(v("Swimmers come every summer.")[0].2, "XXXX-SU");
        assert!(v("They spent a summer there.").is_empty());
    }

    #[test]
    fn last_as_a_verb_is_not_the_span() {
        let v = |text| only(Rule::Duration, text, "2010-06-01");
        assert_eq!(v("The talks will last three days.")[0].0, "three days");
        assert_eq!(v("The truce did not last two weeks.")[0].0, "two weeks");
        assert_eq!(v("It won't last three days.")[0].0, "three days");
        assert_eq!(
            v("Fares rose over the last three days.")[0].0,
            "the last three days"
        );
    }

    #[test]
    fn spans_of_time() {
        let v = |text| values(Rule::Duration, text, "2010-06-01");
        assert_eq!(v("The dredging took three weeks."), ["P3W"]);
        assert_eq!(v("A 36-hour stoppage halted the cranes."), ["PT36H"]);
        assert_eq!(v("The refit lasted 2 1/2 years."), ["P2Y6M"]);
        assert_eq!(v("The refit lasted a day and a half."), ["P1DT12H"]);
        assert_eq!(v("A months-long refit began."), ["PXM"]);
        assert_eq!(v("The refit lasted several decades."), ["PXDE"]);
        assert_eq!(v("The refit lasted two fortnights."), ["P4W"]);
        // Hyphenated, with a word or a half between the number and the unit.
        assert_eq!(v("Voters get a 30-business-day period."), ["P30D"]);
        assert_eq!(v("He missed a 13-straight-day stretch."), ["P13D"]);
        assert_eq!(v("They watched a ten-and-a-half-minute film."), ["PT10M30S"]);
        assert_eq!(
            only(Rule::Duration, "The port will one day be rebuilt.", "2010-06-01"),
            [("one day".to_string(), TimexType::Date, "FUTURE_REF".to_string())]
        );
    }

    #[test]
    fn counts_that_are_no_spans() {
        let v = |text| values(Rule::Duration, text, "2010-06-01");
        assert!(v("A 9-year-old pilot steered.").is_empty());
        assert!(v("Three quarters of the crew left.").is_empty());
        assert!(v("A second crane arrived.").is_empty());
        assert!(v("Cargo rose in the 2008 second quarter.").is_empty());
        assert!(v("The crane lifts 40 tonnes a day.").is_empty());
        // quarter_as_share: a multiplier before the amount it scales.
        assert!(v("Their plan is one-quarter the size of ours.").is_empty());
        assert!(v("The ticket costs a quarter its old price.").is_empty());
        assert_eq!(v("The dredging took a quarter to finish."), ["P1Q"]);
        assert!(v("The bank raised its rate by a quarter point.").is_empty());
        assert!(v("Yields rose three-quarters of a percentage point.").is_empty());
        assert!(v("Yields rose a quarter percentage point.").is_empty());
    }

    #[test]
    fn vague_spans() {
        assert_eq!(
            only(Rule::Vague, "The crane stood idle for months.", "")[0].0,
            "months"
        );
        assert_eq!(
            values(Rule::Vague, "The crane stood idle for months.", ""),
            ["PXM"]
        );
        assert_eq!(
            values(Rule::Vague, "The crane stood idle for decades.", ""),
            ["PXDE"]
        );
        assert!(values(Rule::Vague, "The crane stood idle for years of neglect.", "").is_empty());
    }

    #[test]
    fn repetitions() {
        let v = |text| values(Rule::Set, text, "");
        assert_eq!(v("The ferry sails every day."), ["P1D"]);
        assert_eq!(v("The ferry sails hourly."), ["PT1H"]);
        assert_eq!(v("The ferry sails each quarter."), ["P3M"]);
        assert_eq!(v("The ferry sails each Thursday."), ["XXXX-WXX-4"]);
        assert_eq!(v("The ferry sails every July."), ["XXXX-07"]);
        assert_eq!(v("Tickets earn $3 million a year."), ["P1Y"]);
        assert!(v("It took a year to build.").is_empty());
        assert!(v("It sank on a Thursday.").is_empty());
        // once_a_unit: a rate of decades, also written as one word.
        assert_eq!(v("The dock is dredged once a decade."), ["P10Y"]);
        assert_eq!(v("It began a once-a-decade dredging."), ["P10Y"]);
        assert_eq!(v("The twice-a-year audit found little."), ["P1Y"]);
        assert!(v("It took a decade to build.").is_empty());
        assert!(v("A bridge a-decade-old stood there.").is_empty());
        // As it stands, "monthly" reads as a Monday with no "every", and yields nothing.
        assert!(v("The ferry sails monthly.").is_empty());
        // named_periodical: a name, not a repetition; the word alone still repeats.
        assert!(v("Viewers of the Harbour Nightly News complained.").is_empty());
        assert!(v("The Daily Tide ran the story.").is_empty());
        assert_eq!(v("Nightly, the ferry sails late."), ["P1D"]);
        assert_eq!(v("Ferry Times: Daily and Weekly Sailings"), ["P1D", "P1W"]);
    }

    #[test]
    fn repetitions_with_a_period() {
        let v = |text| values(Rule::SetEvery, text, "");
        assert_eq!(v("A bell rings every fifteen minutes."), ["PT15M"]);
        assert_eq!(v("A bell rings every other week."), ["P2W"]);
        assert_eq!(v("A bell rings every few hours."), ["PTXH"]);
    }
}
