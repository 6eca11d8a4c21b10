//! Parts of a year: quarters, halves and seasons.

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use super::{season_named, Ctx, Normalised};
use crate::time::calendar::{last_quarter, latest_quarter_year, quarter_from, quarter_number};
use crate::time::tense::future_tense;
use crate::time::value::TimeValue;
use crate::time::TimexType;

/// "the third quarter", "the 1988 second quarter", "next year's first quarter"; without a
/// year, the current year's, or last year's when that quarter has not begun and nothing
/// speaks of the future.
pub(super) fn quarter(c: &Ctx) -> Option<Normalised> {
    let q = quarter_number(c.g(3)?);
    if let (Some(rel), Some(dct)) = (c.g(2), c.dct) {
        let y = dct.year()
            + match rel.to_lowercase().as_str() {
                "last" => -1,
                "next" => 1,
                _ => 0,
            };
        return Normalised::date(TimeValue::quarter_of(y, q), true);
    }
    let (y, anchored) = match c.g(1).or(c.g(4)) {
        Some(y) => (y.parse::<i32>().ok()?, false),
        None => {
            let dct = c.dct?;
            let y = if future_tense(c.near()) {
                dct.year()
            } else {
                latest_quarter_year(dct, q)
            };
            (y, true)
        }
    };
    Normalised::date(TimeValue::quarter_of(y, q), anchored)
}

/// "the latest quarter", "the year-ago period": the last completed quarter (of the year
/// named, or of the year before for a comparison), or the current one.
pub(super) fn quarter_relative(c: &Ctx) -> Option<Normalised> {
    let dct = c.dct?;
    let which = c.g(1).or(c.g(3)).map(str::to_lowercase);
    let noun = c.g(2).unwrap_or("quarter").to_lowercase();
    if noun == "period" && which.is_none() {
        return None;
    }
    let mut value = last_quarter(dct, 0);
    if let Some(y0) = which.as_deref().and_then(|w| w.parse::<i32>().ok()) {
        value = value.with_year(y0);
    }
    match which.as_deref() {
        Some("current") => return Normalised::date(quarter_from(dct, 0), true),
        Some("year-earlier" | "year-ago" | "comparable") => {
            value = value.with_year(value.year()? - 1);
        }
        _ => {}
    }
    Normalised::date(value, true)
}

/// "the last half of 1989" → 1989-H2; without a year, the current one. Half of a decade
/// ("the last half of the '80s") has no ISO form: the decade.
pub(super) fn half(c: &Ctx) -> Option<Normalised> {
    static DECADE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^ of the (?:(?:'|’)(\d)0s|(1[6-9]|20)(\d)0s)").expect("decade after a half")
    });
    if let Some(d) = DECADE.captures(c.after) {
        let century = match d.get(2) {
            Some(x) => x.as_str().parse().ok()?,
            None => c.dct.map_or(19, |x| x.year() / 100),
        };
        let tens: i32 = d.get(1).or(d.get(3))?.as_str().parse().ok()?;
        return Normalised::date(TimeValue::Decade(century * 10 + tens), d.get(2).is_none());
    }
    let first = c.g(1).or(c.g(2))?.to_lowercase().starts_with("first");
    let (y, anchored) = match c.g(3) {
        Some(y) => (y.parse::<i32>().ok()?, false),
        None => (c.dct?.year(), true),
    };
    let half = if first { 1 } else { 2 };
    Normalised::date(TimeValue::Half { year: Some(y), half }, anchored)
}

/// "the summer of 1998".
pub(super) fn season(c: &Ctx) -> Option<Normalised> {
    let value = TimeValue::Season {
        year: Some(c.g(3)?.parse().ok()?),
        season: season_named(&c.g(2)?.to_lowercase()),
    };
    Normalised::date(value, false)
}

/// "the past three summers", "two winters": that season of several years. Spring and fall
/// are left out ("two springs", "three falls" are as often water and tumbles).
pub(super) fn seasons_counted(c: &Ctx) -> Option<Normalised> {
    if matches!(c.g(1)?.to_lowercase().as_str(), "a" | "an") {
        return None;
    }
    let every = TimeValue::Season {
        year: None,
        season: season_named(&c.g(2)?.to_lowercase()),
    };
    Normalised::new(TimexType::Set, every, false)
}

/// "over the summer", "this past spring": a season of the creation year, or of the year
/// before when past and not yet begun (the year after when ahead and over). A season needs
/// a word that makes it a time ("The fall of the harbour wall", "the spring in her step"
/// are none).
pub(super) fn season_bare(c: &Ctx) -> Option<Normalised> {
    let past = c.g(1)?.to_lowercase().starts_with("this past");
    let name = c.g(2)?.to_lowercase();
    let w = c.word_before.as_str();
    let timed =
        c.time_prep() || matches!(w, "over" | "throughout" | "into" | "for") || w == "of" && name != "fall";
    let of_something = [" of", " in", " to", " from", " on"]
        .iter()
        .any(|p| c.after.starts_with(p));
    if !past && (!timed || of_something) {
        return None;
    }
    // With no article the season ends its phrase ("by spring, the pool …", "in winter
    // and"): before a noun it says what kind ("in spring water").
    if c.g(1)?.is_empty() && !bare_season_ends(c.after) {
        return None;
    }
    let season = season_named(&name);
    let first = season.first_month();
    let Some(dct) = c.dct else {
        return Normalised::date(TimeValue::Season { year: None, season }, false);
    };
    let ahead = if past { Some(false) } else { c.tense() };
    let year = match ahead {
        Some(false) if first > dct.month() => dct.year() - 1,
        Some(true) if first + 2 < dct.month() => dct.year() + 1,
        _ => dct.year(),
    };
    Normalised::date(
        TimeValue::Season {
            year: Some(year),
            season,
        },
        true,
    )
}

/// Whether a season written with no article ends its phrase: the text after it opens
/// with punctuation, ends, or goes on with a joining or time word.
fn bare_season_ends(after: &str) -> bool {
    let rest = after.trim_start_matches(' ');
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    word.is_empty()
        || matches!(
            word.to_lowercase().as_str(),
            "and"
                | "or"
                | "but"
                | "when"
                | "as"
                | "if"
                | "next"
                | "this"
                | "last"
                | "at"
                | "after"
                | "before"
                | "because"
                | "so"
                | "than"
                | "while"
                | "with"
        )
}

#[cfg(test)]
mod tests {
    use super::super::testing::{only, values};
    use super::super::Rule;
    use crate::time::TimexType;

    #[test]
    fn quarters() {
        let v = |text| values(Rule::Quarter, text, "2007-05-10");
        assert_eq!(v("Tolls rose in the 2005 third quarter."), ["2005-Q3"]);
        assert_eq!(v("Tolls rose in the fourth quarter of 2005."), ["2005-Q4"]);
        assert_eq!(v("Tolls rise in next year's first quarter."), ["2008-Q1"]);
        // A quarter not begun: last year's, unless the sentence looks ahead.
        assert_eq!(v("Tolls rose in the third quarter."), ["2006-Q3"]);
        assert_eq!(v("Tolls will rise in the third quarter."), ["2007-Q3"]);
        assert_eq!(v("Tolls rose in the first quarter."), ["2007-Q1"]);
    }

    #[test]
    fn the_quarter_a_report_speaks_of() {
        let v = |text| values(Rule::QuarterRelative, text, "2007-05-10");
        assert_eq!(v("Tolls rose in the latest quarter."), ["2007-Q1"]);
        assert_eq!(v("Tolls rose from the year-ago period."), ["2006-Q1"]);
        assert_eq!(v("Tolls are rising in the current quarter."), ["2007-Q2"]);
        assert_eq!(v("Tolls rose in the 2005 quarter."), ["2005-Q1"]);
        assert!(v("Tolls rose over the period.").is_empty());
    }

    #[test]
    fn counted_seasons() {
        let v = |text| only(Rule::SeasonsCounted, text, "2007-05-10");
        assert_eq!(
            v("The lake froze over for the past three winters."),
            [(
                "the past three winters".to_string(),
                TimexType::Set,
                "XXXX-WI".to_string()
            )]
        );
        assert!(v("The lake froze over a winter ago.").is_empty());
    }

    #[test]
    fn halves() {
        assert_eq!(
            values(Rule::Half, "Tolls fell in the first half of 2005.", ""),
            ["2005-H1"]
        );
        assert_eq!(
            values(Rule::Half, "Tolls fell in the latter half.", "2007-05-10"),
            ["2007-H2"]
        );
        assert_eq!(
            values(Rule::Half, "Tolls fell in the second half of the '90s.", ""),
            ["199"]
        );
        assert!(values(Rule::Half, "Tolls fell in the latter half.", "").is_empty());
    }

    #[test]
    fn seasons_of_a_year() {
        assert_eq!(
            values(Rule::Season, "The ferry ran aground in the winter of 2003.", ""),
            ["2003-WI"]
        );
        assert_eq!(
            values(Rule::Season, "The ferry ran aground in autumn 2003.", ""),
            ["2003-FA"]
        );
    }

    #[test]
    fn seasons_without_a_year() {
        let v = |text| values(Rule::SeasonBare, text, "2007-05-10");
        assert_eq!(v("Nets get mended over the summer."), ["2007-SU"]);
        // Past and not begun yet this year: last year's.
        assert_eq!(v("Nets were mended over the summer."), ["2006-SU"]);
        assert_eq!(v("Nets were mended during the autumn."), ["2006-FA"]);
        assert_eq!(v("Nets were mended this past winter."), ["2006-WI"]);
        assert_eq!(
            values(Rule::SeasonBare, "Nets are mended over the summer.", ""),
            ["XXXX-SU"]
        );
        assert!(v("The fall of the harbour wall surprised them.").is_empty());
        assert!(v("She had the spring in her step back.").is_empty());
        // With no article, after a preposition of time only.
        assert_eq!(v("The pool will reopen by winter."), ["2007-WI"]);
        assert_eq!(v("Nets were mended in winter."), ["2006-WI"]);
        let late = only(
            Rule::SeasonBare,
            "By late winter, nets were mended.",
            "2007-05-10",
        );
        assert_eq!(late.first().map(|t| t.0.as_str()), Some("late winter"));
        assert!(v("Spring water fills the tank.").is_empty());
        assert!(v("A summer of storms is due in spring water tanks.").is_empty());
    }
}
