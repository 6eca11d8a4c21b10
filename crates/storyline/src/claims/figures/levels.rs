//! A range that is a change: "from X to Y" after a verb of change names where a thing was
//! and where it goes, two levels, not an interval it lies in.

use crate::claims::quantity::{Qualifier, Quantity, QuantityKind};
use crate::entities::lexicon::word_set;
use crate::span::Span;

const LEVEL_CHANGE_WORDS: &str = include_str!("../data/level-change-words.txt");

/// Words looked at before "from", back to the clause's start.
const LOOK_BACK: usize = 8;

/// Rule `change_levels`: a range written "from X to Y" with a verb of change before it in
/// its clause ("capacity will rise from 52,000 to 60,500", "raises the top rate from 45% to
/// 48%", "will go up from £11,800 to £12,400") is two quantities, the level before and the
/// level after, each with the range's unit (`None` for any other quantity). "Tickets are
/// priced from €290 to €640" has no verb of change and stays a range.
pub(super) fn change_levels(text: &str, q: &Quantity) -> Option<[Quantity; 2]> {
    let (Some(low), Some(high), None) = (q.low, q.high, q.value) else {
        return None;
    };
    let from = text
        .get(q.span.start..q.span.start + "from ".len())
        .is_some_and(|w| w.eq_ignore_ascii_case("from "));
    let to = text[q.number.start..q.number.end]
        .find(" to ")
        .map(|k| q.number.start + k)?;
    if !from || !changed_before(&text[..q.span.start]) {
        return None;
    }
    let kind = match q.kind {
        QuantityKind::Range => QuantityKind::Number,
        other => other,
    };
    let level = |span: Span, number: Span, value: f64| Quantity {
        span,
        number,
        kind,
        value: Some(value),
        low: None,
        high: None,
        qualifier: None,
        unit: q.unit.clone(),
        list: None,
    };
    let first = Span::new(q.span.start + "from ".len(), to);
    let second = Span::new(to + " to ".len(), q.span.end);
    if first.start >= first.end || second.start >= second.end {
        return None;
    }
    Some([
        level(first, Span::new(q.number.start, to), low.value),
        level(second, Span::new(second.start, q.number.end), high.value),
    ])
}

/// The quantities of `text` as figures read them: each as the recogniser gave it, a
/// change "from X to Y" as its two levels.
pub(super) fn quantities(text: &str) -> impl Iterator<Item = Quantity> + '_ {
    crate::claims::numbers::quantities(text)
        .into_iter()
        .flat_map(
            move |q| match change_levels(text, &q).or_else(|| tally_sides(text, &q)) {
                Some([before, after]) => [Some(before), Some(after)],
                None => [Some(q), None],
            },
        )
        .flatten()
}

/// Rule `tally_sides`: two whole numbers joined by "to" that the recogniser read as a
/// range are the two sides of a tally, two counts, when a word of voting stands right
/// before them (rule `to_tally`: "the court ruled 4 to 5 that …") — as a dashed "4-5" is;
/// rule `vote_tally` then gives each side the unit `vote`. Not when the range has a unit
/// or a bound, or is a range of what follows it ("approved 20 to 30 new homes").
pub(super) fn tally_sides(text: &str, q: &Quantity) -> Option<[Quantity; 2]> {
    let (Some(low), Some(high), None, None) = (q.low, q.high, q.value, &q.unit) else {
        return None;
    };
    // The recogniser reads "X to Y" as lying between them; any other qualifier is a bound.
    if q.qualifier.is_some_and(|x| x != Qualifier::Between) || q.span != q.number {
        return None;
    }
    let written = &text[q.number.start..q.number.end];
    let (a, b) = written.split_once(" to ")?;
    let whole = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit() || c == b',');
    if !whole(a) || !whole(b) {
        return None;
    }
    super::news_units::to_tally(text, q.span.start, q.span.end)?;
    let side = |start: usize, end: usize, value: f64| Quantity {
        span: Span::new(start, end),
        number: Span::new(start, end),
        kind: QuantityKind::Number,
        value: Some(value),
        low: None,
        high: None,
        qualifier: None,
        unit: None,
        list: None,
    };
    let mid = q.number.start + a.len();
    Some([
        side(q.number.start, mid, low.value),
        side(mid + " to ".len(), q.number.end, high.value),
    ])
}

/// Whether a verb of change stands among the last words of `before`, in the same clause,
/// with no "by" after it: "rise by anywhere from 3 to 5 per cent" is the size of the
/// change, a range.
fn changed_before(before: &str) -> bool {
    let clause = before.rsplit([',', ';', ':', '.']).next().unwrap_or(before);
    for w in clause.split_whitespace().rev().take(LOOK_BACK) {
        let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
        if w == "by" {
            return false;
        }
        if super::super::change_verb(&w) || word_set!(LEVEL_CHANGE_WORDS).contains(w.as_str()) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, Option<f64>, Option<String>)> {
        quantities(text)
            .map(|q| {
                (
                    text[q.span.start..q.span.end].to_string(),
                    q.value,
                    q.unit.map(|u| u.name),
                )
            })
            .collect()
    }

    #[test]
    fn from_one_level_to_another_after_a_verb_of_change_is_two_quantities() {
        assert_eq!(
            read("The ferry fare will rise from £4.20 to £5.10 in May."),
            [
                ("£4.20".to_string(), Some(4.2), Some("GBP".to_string())),
                ("£5.10".to_string(), Some(5.1), Some("GBP".to_string())),
            ]
        );
        assert_eq!(
            read("The board raised the levy from 12% to 15%."),
            [
                ("12%".to_string(), Some(12.0), Some("percent".to_string())),
                ("15%".to_string(), Some(15.0), Some("percent".to_string())),
            ]
        );
    }

    #[test]
    fn two_numbers_joined_by_to_after_a_word_of_voting_are_two_sides() {
        assert_eq!(
            read("The court ruled 4 to 5 that the levy stands."),
            [
                ("4".to_string(), Some(4.0), None),
                ("5".to_string(), Some(5.0), None),
            ]
        );
        // Counted things after the pair, or no word of voting right before it: a range.
        assert_eq!(read("The council approved 20 to 30 new homes.").len(), 1);
        assert_eq!(read("Crowds of 200 to 300 gathered.").len(), 1);
        assert_eq!(read("After the vote, crowds of 200 to 300 gathered.").len(), 1);
        assert_eq!(read("Voters backed raising the limit 20 to 30 mph.").len(), 1);
    }

    #[test]
    fn a_range_without_a_change_stays_one() {
        let r = read("Seats are priced from €35 to €90.");
        assert_eq!(r.len(), 1, "{r:?}");
        // A verb of change in another clause does not count, nor one whose "by" makes the
        // range the size of the change.
        let r = read("Sales rose, and seats are priced from €35 to €90.");
        assert_eq!(r.len(), 1, "{r:?}");
        let r = read("Fares will rise by anywhere from 2% to 4%.");
        assert_eq!(r.len(), 1, "{r:?}");
    }
}
