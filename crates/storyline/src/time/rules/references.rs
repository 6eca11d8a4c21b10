//! The present, past and future in general, and expressions counted from what the text
//! named before them ("the previous day", "the following year").

use super::{season_named, season_word, Ctx, Normalised};
use crate::time::extent::appositive_day;
use crate::time::lists::CUE_VERBS;
use crate::time::value::{Amount, TimeValue};
use crate::time::words::period;
use crate::time::{Pending, TimexType};

/// "now", "currently": the present ("Now, …" opening a sentence is a discourse marker).
pub(super) fn present(c: &Ctx) -> Option<Normalised> {
    if c.g(1)? == "Now" && c.after.starts_with(',') {
        return None;
    }
    Normalised::date(TimeValue::PresentRef, true)
}

/// "recently", "lately": the past; "in recent months", "recent quarters", "the coming
/// weeks": an unknown number of the unit.
pub(super) fn past(c: &Ctx) -> Option<Normalised> {
    let phrase = c.g(1)?.to_lowercase();
    match phrase
        .split(' ')
        .find(|w| matches!(*w, "days" | "weeks" | "months" | "quarters" | "years"))
    {
        Some(unit) => {
            let v = TimeValue::Duration(period(Amount::Unknown, unit));
            Normalised::new(TimexType::Duration, v, false)
        }
        None => Normalised::date(TimeValue::PastRef, true),
    }
}

/// "current" (the past in "the then current price"), "the future", "the past"; "the
/// future of the region" is a topic, not a time.
pub(super) fn reference(c: &Ctx) -> Option<Normalised> {
    let w = c.g(1)?.to_lowercase();
    let v = match w.as_str() {
        "current" if c.word_before == "then" || c.before.ends_with("then-") => TimeValue::PastRef,
        "current" => TimeValue::PresentRef,
        "recent" | "the past" => TimeValue::PastRef,
        "now and then" => return None,
        _ if c.after.starts_with(" of ") => return None,
        _ => TimeValue::FutureRef,
    };
    Normalised::date(v, true)
}

/// "the previous day", "the next morning", "that night", "the day after": a day from the
/// last full date, resolved in text order; "the same day", and "the day" of "Oct. 12, the
/// day before the storm", are the date itself.
pub(super) fn narrative_day(c: &Ctx) -> Option<Normalised> {
    // "that night" after a verb of saying is a clause ("said that night shifts …"), and
    // before a hyphen a compound ("that night-time raid").
    if c.matched().to_lowercase().starts_with("that ")
        && (CUE_VERBS.contains(&c.word_before) || c.after.starts_with('-'))
    {
        return None;
    }
    let step = match c.g(1).or(c.g(2)).map(str::to_lowercase).as_deref() {
        None => 0,
        Some("before" | "after") if appositive_day(c.before, c.after) => 0,
        Some("previous" | "preceding" | "before") => -1,
        Some(_) => 1,
    };
    Normalised::pending(Pending::Day(step))
}

/// "that year", "the same year", "the following month", "the previous week", "that summer",
/// "the next spring": from the last year, month or full date named, resolved in text order.
pub(super) fn narrative_unit(c: &Ctx) -> Option<Normalised> {
    let which = c.g(1)?;
    let span_before = matches!(
        c.word_before.as_str(),
        "over" | "for" | "within" | "during" | "in" | "throughout" | "through" | "into"
    );
    if which.eq_ignore_ascii_case("the next")
        && (span_before || c.after.trim_start().starts_with("or "))
        && c.g(2).is_some_and(|u| !season_word(u))
    {
        return None;
    }
    // Rule `complementizer_that`: "that" right after a verb of saying in the past tense
    // opens its clause ("warned that winter crops could be lost", "said that year-end
    // sales …"); it points to no time named before. (A word that is also a noun, "support
    // that year", "campaigns that year", is left: there "that year" is the time.)
    let w = c.word_before.as_str();
    let past = w.ends_with("ed") || super::super::lists::PAST_FORMS.contains(w);
    if which.eq_ignore_ascii_case("that") && past && crate::entities::lexicon::speech_lemma(w).is_some() {
        return None;
    }
    let step = match which.to_lowercase().as_str() {
        "that" | "that same" | "the same" => 0,
        "the previous" | "the preceding" | "the prior" => -1,
        _ => 1,
    };
    let pending = match c.g(2)?.to_lowercase().as_str() {
        "month" => Pending::Month(step),
        "week" => Pending::Week(step.into()),
        "year" => Pending::Year(step),
        season => Pending::Season {
            following: step == 1,
            season: season_named(season),
        },
    };
    Normalised::pending(pending)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{only, values};
    use super::super::Rule;
    use crate::time::TimexType;

    #[test]
    fn the_present() {
        assert_eq!(
            values(Rule::Present, "Fares are currently frozen.", "2011-02-03"),
            ["PRESENT_REF"]
        );
        assert!(values(Rule::Present, "Now, the fares.", "2011-02-03").is_empty());
        assert_eq!(
            values(Rule::Present, "He said: \"Now the fares rise.\"", "2011-02-03"),
            ["PRESENT_REF"]
        );
    }

    #[test]
    fn the_past_and_unknown_stretches() {
        let v = |text| only(Rule::Past, text, "2011-02-03");
        assert_eq!(v("Fares rose recently.")[0].2, "PAST_REF");
        assert_eq!(v("Fares rose in recent weeks.")[0].1, TimexType::Duration);
        assert_eq!(v("Fares rose in recent weeks.")[0].2, "PXW");
        assert_eq!(v("Fares rise in the months ahead.")[0].2, "PXM");
        // Quarters are counted as months are: "in recent quarters" is as long a span.
        assert_eq!(v("Fares rose in recent quarters.")[0].1, TimexType::Duration);
        assert_eq!(v("Fares rose in recent quarters.")[0].2, "PXQ");
    }

    #[test]
    fn references() {
        let v = |text| values(Rule::Reference, text, "2011-02-03");
        assert_eq!(v("The current fare is low."), ["PRESENT_REF"]);
        assert_eq!(v("They paid the then current fare."), ["PAST_REF"]);
        assert_eq!(v("Fares may rise in the near future."), ["FUTURE_REF"]);
        assert!(v("They spoke of the future of the ferry.").is_empty());
        assert!(v("Fares rise now and then.").is_empty());
    }

    #[test]
    fn days_from_the_last_date() {
        let v = |text| values(Rule::Narrative, text, "2011-02-03");
        assert_eq!(v("The storm broke; the previous day was calm."), ["2011-02-02"]);
        assert_eq!(
            v("The storm broke; the following morning was calm."),
            ["2011-02-04"]
        );
        assert_eq!(v("The storm broke that same day."), ["2011-02-03"]);
        assert_eq!(v("The pier shut the same day."), ["2011-02-03"]);
        assert_eq!(v("The storm broke; the preceding day was calm."), ["2011-02-02"]);
        assert_eq!(
            v("The storm broke, and that night the pier fell."),
            ["2011-02-03"]
        );
        // A clause after a verb of saying, and a compound, are not the night.
        assert!(v("Officials said that night shifts would end.").is_empty());
        assert!(v("The storm broke before that night-time sailing.").is_empty());
        assert_eq!(v("The storm broke; the day after, all was calm."), ["2011-02-04"]);
        assert_eq!(
            values(Rule::Narrative, "The storm broke; the previous day was calm.", ""),
            ["XXXX-XX-XX"]
        );
    }

    #[test]
    fn units_from_the_last_named() {
        let v = |text| values(Rule::NarrativeYear, text, "2011-02-03");
        assert_eq!(v("The quay flooded; the following year it was raised."), ["2012"]);
        assert_eq!(
            v("The quay flooded; later that month it was raised."),
            ["2011-02"]
        );
        assert_eq!(
            v("The quay flooded; the following week it was raised."),
            ["2011-W06"]
        );
        assert_eq!(
            values(Rule::NarrativeYear, "The quay flooded that year.", ""),
            ["XXXX"]
        );
    }
}
