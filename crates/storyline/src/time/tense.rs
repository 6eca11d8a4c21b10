//! Tense around an expression: whether the event it dates lies ahead of the creation date
//! or behind it ("said Friday" against "will meet Friday").
//!
//! The words nearest the expression are read in turn; each word's say is decided by the
//! first of the [`SIGNALS`] rules that applies to it.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

use super::lists::{
    AHEAD, CLAUSE_OPENERS, INTENT_VERBS, LAST_AS_VERB, MODALS, PAST_FORMS, SCHEDULED_VERBS, STATE_VERBS,
};

/// Whether the sentence around `at` speaks of the future.
pub(super) fn future_tense(sentence: &str) -> bool {
    static FUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(will|'ll|shall|going to|plans? to|scheduled|expects? to|expected to|set to)(?-u:\b)")
            .expect("future")
    });
    FUT.is_match(sentence)
}

/// Whether the event at `start..end` of `sentence` lies ahead of the creation date: the
/// tense signal nearest to the expression decides ("said Friday" → past, "planned to
/// leave on Thursday" → future, "will remain … said Thursday" → past); `None` when no
/// signal is near.
pub(super) fn tense_at(sentence: &str, start: usize, end: usize) -> Option<bool> {
    // Only the words the scans below can reach (12 back, 8 ahead, and a neighbour each).
    let mut before: Vec<&str> = sentence[..start].split_whitespace().rev().take(14).collect();
    before.reverse();
    let after: Vec<&str> = sentence[end..].split_whitespace().take(9).collect();
    // "postponed until Tuesday", "a deadline until 9 a.m. Tuesday" (not a sentence's
    // opening "Until Thursday, they had …").
    if until_before(&before) {
        return Some(true);
    }
    let near_before = scan_back(&before).map(|(d, ahead)| (d, ahead && !put_off_on_day(&before, d)));
    let near_after = scan_ahead(&before, &after);
    match (near_before, near_after) {
        (Some((db, fb)), Some((da, fa))) => Some(if da < db { fa } else { fb }),
        (Some((_, f)), None) | (None, Some((_, f))) => Some(f),
        (None, None) => None,
    }
}

/// Rule `until_ahead`: "until" right before the expression, or before a time of day that
/// leads to it ("a warning until midday on Sunday", "open until 9pm on Friday") or a bound
/// ("shut until at least Tuesday"): what lasts until then runs on past the writing.
fn until_before(before: &[&str]) -> bool {
    let leads_on = |w: &str| {
        w.bytes().any(|b| b.is_ascii_digit())
            || matches!(
                clean(w).as_ref(),
                "on" | "at"
                    | "the"
                    | "late"
                    | "early"
                    | "midday"
                    | "noon"
                    | "midnight"
                    | "dawn"
                    | "dusk"
                    | "am"
                    | "pm"
                    | "a.m"
                    | "p.m"
                    | "least"
            )
    };
    let n = before.len();
    (0..n.min(4))
        .map(|j| n - 1 - j)
        .take_while(|&k| before[k] == "until" || leads_on(before[k]))
        .any(|k| before[k] == "until")
}

/// Rule `put_off_on_day`: a verb of putting off in the past tense dates the act of putting
/// off, not the event put off, when the expression follows "on" ("the council delayed the
/// vote on Thursday", "postponed the race on Monday"); "postponed until Friday" (above),
/// "delayed to May" and "will be postponed on Monday" stay ahead. `d` is the distance
/// back to the word that decided.
fn put_off_on_day(before: &[&str], d: usize) -> bool {
    let on = before.last().is_some_and(|w| clean(w) == "on");
    let k = before.len() - 1 - d;
    let verb = matches!(clean(before[k]).as_ref(), "postponed" | "delayed" | "adjourned");
    let planned = k.checked_sub(1).is_some_and(|p| {
        matches!(
            clean(before[p]).as_ref(),
            "be" | "been" | "to" | "will" | "would" | "being"
        )
    });
    on && verb && !planned
}

/// A quotation mark ends the clause.
fn quoted(w: &str) -> bool {
    w.contains(['"', '“', '”', '`', '(', ')']) || w.contains("''")
}

/// Back over the clause, nearest first (a quotation mark or a semicolon ends it): the
/// distance and say of the first word with one.
fn scan_back(before: &[&str]) -> Option<(usize, bool)> {
    for d in 0..before.len().min(12) {
        let k = before.len() - 1 - d;
        let w = before[k];
        if quoted(w) || w.ends_with(';') {
            break;
        }
        if let Some(f) = signal(before, k) {
            return Some((d, f));
        }
    }
    None
}

/// Forward a few words, within the clause; an expression that opens the sentence ("In
/// January, the company bought …") takes the tense of the main clause after its comma.
fn scan_ahead(before: &[&str], after: &[&str]) -> Option<(usize, bool)> {
    let fronted = before.len() <= 3 && after.first().is_some_and(|w| w.starts_with(','));
    for (d, w) in after.iter().take(if fronted { 8 } else { 4 }).enumerate() {
        // Rule `subordinate_after`: a subordinate clause after the expression has a tense
        // of its own ("will table a motion in the autumn if the figures did not add up").
        if quoted(w) || (!fronted && CLAUSE_OPENERS.contains(&clean(w))) {
            break;
        }
        if let Some(f) = signal(after, d) {
            return Some((d, f));
        }
        if w.ends_with([',', ';', ':']) && !(fronted && d == 0) {
            break;
        }
    }
    None
}

/// What a word says of when its clause's event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Say {
    Ahead,
    Behind,
    /// Nothing, whatever later rules would make of the word (the scan goes on).
    Nothing,
}

/// A word with its neighbours, lower case and without punctuation.
struct Word<'a> {
    /// As written (its case tells an adjective from a headline's verb).
    raw: &'a str,
    word: Cow<'a, str>,
    prev: Option<Cow<'a, str>>,
    prev2: Option<Cow<'a, str>>,
    prev3: Option<Cow<'a, str>>,
    next: Option<Cow<'a, str>>,
}

impl<'a> Word<'a> {
    fn at(words: &[&'a str], k: usize) -> Word<'a> {
        let clean = |i: Option<usize>| i.and_then(|i| words.get(i)).map(|w| clean(w));
        Word {
            raw: words[k],
            word: clean(Some(k)).unwrap_or_default(),
            prev: clean(k.checked_sub(1)),
            prev2: clean(k.checked_sub(2)),
            prev3: clean(k.checked_sub(3)),
            next: clean(Some(k + 1)),
        }
    }

    fn prev(&self) -> Option<&str> {
        self.prev.as_deref()
    }

    fn next(&self) -> Option<&str> {
        self.next.as_deref()
    }

    /// After "be" and its kin ("stay banned", "remain closed") a participle describes a
    /// state and says nothing of when.
    fn after_be(&self) -> bool {
        self.prev().is_some_and(|p| STATE_VERBS.contains(p))
    }

    fn to_follows(&self) -> bool {
        self.next() == Some("to")
    }
}

fn clean(w: &str) -> Cow<'_, str> {
    crate::entities::lexicon::lower(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
}

/// A rule: its name, and what it makes of a word (`None` when it does not apply).
type SignalRule = (&'static str, fn(&Word) -> Option<Say>);

/// The rules, tried in order on each word; the first that applies decides.
const SIGNALS: &[SignalRule] = &[
    ("contracted will: \"they'll\"", contracted_will),
    (
        "plan or schedule as a noun: \"the plan\", \"vacation plans\"",
        plan_noun,
    ),
    (
        "a plan already past: \"had planned to\", \"had been scheduled to\"",
        plan_past,
    ),
    (
        "an expectation compared with: \"faster than expected\", \"as forecast\"",
        compared_expectation,
    ),
    (
        "a word of the future: \"will\", \"expected\", \"postponed\"",
        ahead_word,
    ),
    ("an intent: \"set to\", \"agreed to\", \"vowed to\"", intent),
    (
        "\"likely\" after a present \"be\": \"gusts are likely\", \"is more likely to\"",
        likely_ahead,
    ),
    (
        "a plan in the past tense: \"were planning to\", \"was expected to\"",
        was_ahead,
    ),
    (
        "a scheduled event in the present: \"they meet Monday\"",
        scheduled,
    ),
    (
        "a past form: \"said\", \"met\", \"ago\" (not a state after \"be\")",
        past_form,
    ),
    (
        "\"set\" as a past verb: \"and set Friday as the deadline\"",
        set_past,
    ),
    (
        "a verb in -ed: \"signed\" (not an adjective: \"a still unspecified date\")",
        participle,
    ),
];

/// The say of `words[k]` given its neighbours: `Some(true)` ahead, `Some(false)` behind,
/// `None` nothing.
fn signal(words: &[&str], k: usize) -> Option<bool> {
    let w = Word::at(words, k);
    let say = SIGNALS.iter().find_map(|(_, rule)| rule(&w))?;
    match say {
        Say::Ahead => Some(true),
        Say::Behind => Some(false),
        Say::Nothing => None,
    }
}

fn contracted_will(w: &Word) -> Option<Say> {
    (w.word.ends_with("'ll") || w.word.ends_with("’ll")).then_some(Say::Ahead)
}

fn plan_noun(w: &Word) -> Option<Say> {
    let l = w.word.as_ref();
    let determiner = w
        .prev()
        .is_some_and(|p| matches!(p, "the" | "a" | "its" | "his" | "her" | "their" | "our"));
    (matches!(l, "plan" | "plans" | "schedule") && (determiner || l != "schedule" && !w.to_follows()))
        .then_some(Say::Nothing)
}

fn plan_past(w: &Word) -> Option<Say> {
    let had = w.prev() == Some("had") || w.prev() == Some("been") && w.prev2.as_deref() == Some("had");
    (AHEAD.contains(&w.word) && had).then_some(Say::Behind)
}

/// Rule `compared_expectation`: "expected" (or "predicted", "forecast", "planned") after
/// "than" or "as", up to three words back ("rose faster than expected in January", "less
/// than the bank had forecast", "as planned"), measures what happened against a forecast:
/// it says nothing of when, and the scan goes on to the verb that does ("rose").
fn compared_expectation(w: &Word) -> Option<Say> {
    let forecast = matches!(
        w.word.as_ref(),
        "expected" | "predicted" | "forecast" | "anticipated" | "planned" | "projected" | "estimated"
    );
    let compared = [w.prev(), w.prev2.as_deref(), w.prev3.as_deref()]
        .into_iter()
        .flatten()
        .any(|p| matches!(p, "than" | "as"));
    (forecast && compared && !w.to_follows()).then_some(Say::Nothing)
}

fn ahead_word(w: &Word) -> Option<Say> {
    AHEAD.contains(&w.word).then_some(Say::Ahead)
}

fn intent(w: &Word) -> Option<Say> {
    (INTENT_VERBS.contains(&w.word) && w.to_follows()).then_some(Say::Ahead)
}

/// Rule `likely_ahead`: "likely" after a present form of "be" (with "more", "less" or
/// "most" between) says the event is still to come; "likely voters" and "was likely the
/// first" say nothing of when.
fn likely_ahead(w: &Word) -> Option<Say> {
    let be = |p: Option<&str>| matches!(p, Some("is" | "are" | "be" | "am" | "'re" | "’re"));
    let graded = matches!(w.prev(), Some("more" | "less" | "most" | "very" | "highly"));
    (w.word == "likely" && (be(w.prev()) || graded && be(w.prev2.as_deref()))).then_some(Say::Ahead)
}

fn was_ahead(w: &Word) -> Option<Say> {
    (matches!(w.word.as_ref(), "was" | "were") && w.next().is_some_and(|n| AHEAD.contains(n)))
        .then_some(Say::Ahead)
}

fn scheduled(w: &Word) -> Option<Say> {
    let not_a_verb = matches!(
        w.prev(),
        Some("to" | "the" | "a" | "an" | "will" | "would" | "did" | "didn't")
    );
    (SCHEDULED_VERBS.contains(&w.word) && !not_a_verb).then_some(Say::Ahead)
}

fn past_form(w: &Word) -> Option<Say> {
    PAST_FORMS
        .contains(&w.word)
        .then_some(if w.after_be() || last_as_verb(w) {
            Say::Nothing
        } else {
            Say::Behind
        })
}

/// Rule `last_as_verb`: "last" after a modal or "to", "not", "never" is the verb ("the
/// strike could last into December", "is not expected to last"): it says nothing of when,
/// and the scan goes on to the modal.
fn last_as_verb(w: &Word) -> bool {
    w.word == "last"
        && w.prev()
            .is_some_and(|p| MODALS.contains(p) || LAST_AS_VERB.contains(p))
}

fn set_past(w: &Word) -> Option<Say> {
    let passive_or_noun = matches!(w.prev(), Some("was" | "were" | "a" | "the" | "is" | "are"));
    (w.word == "set" && !w.after_be() && !passive_or_noun && w.next() != Some("for")).then_some(Say::Behind)
}

fn participle(w: &Word) -> Option<Say> {
    let l = w.word.as_ref();
    if !(l.len() > 4 && l.ends_with("ed") && w.raw.chars().all(|c| c.is_lowercase() || !c.is_alphabetic())) {
        return None;
    }
    let adjective = l.starts_with("un")
        || w.prev()
            .is_some_and(|p| matches!(p, "a" | "an" | "the" | "its" | "their" | "his" | "her" | "still"));
    Some(if w.after_be() || adjective {
        Say::Nothing
    } else {
        Say::Behind
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tense around the one word in brackets.
    fn at(sentence: &str) -> Option<bool> {
        let start = sentence.find('[').unwrap();
        let end = sentence.find(']').unwrap() - 1;
        let s = sentence.replace(['[', ']'], "");
        tense_at(&s, start, end)
    }

    /// The say of one word in a clause of three: before, the word, after.
    fn say(before: &str, word: &str, after: &str) -> Option<bool> {
        signal(&[before, word, after], 1)
    }

    #[test]
    fn each_signal_rule() {
        assert_eq!(say("they", "they'll", "sail"), Some(true));
        assert_eq!(say("are", "likely", "along"), Some(true));
        assert_eq!(say("less", "likely", "to"), None);
        assert_eq!(say("1,000", "likely", "voters"), None);
        assert_eq!(say("was", "likely", "the"), None);
        assert_eq!(say("the", "plan", "failed"), None);
        assert_eq!(say("ferry", "plans", "changed"), None);
        assert_eq!(say("crew", "plans", "to"), Some(true));
        assert_eq!(say("had", "planned", "to"), Some(false));
        assert_eq!(say("crew", "postponed", "the"), Some(true));
        assert_eq!(say("was", "set", "to"), Some(true));
        assert_eq!(say("guild", "vowed", "to"), Some(true));
        assert_eq!(say("guild", "vowed", "nothing"), Some(false));
        assert_eq!(say("they", "were", "planning"), Some(true));
        assert_eq!(say("ferries", "depart", "at"), Some(true));
        assert_eq!(say("to", "depart", "at"), None);
        assert_eq!(say("keeper", "said", "that"), Some(false));
        assert_eq!(say("stay", "shut", "until"), None);
        assert_eq!(say("remain", "said", "to"), None);
        assert_eq!(say("and", "set", "noon"), Some(false));
        assert_eq!(say("was", "set", "for"), None);
        assert_eq!(say("guild", "signed", "the"), Some(false));
        assert_eq!(say("a", "painted", "hull"), None);
        assert_eq!(say("an", "unnamed", "pilot"), None);
        assert_eq!(say("be", "renamed", "soon"), None);
        assert_eq!(say("The", "Harbour", "Opened"), None);
        // Every rule has a name that says what it is for.
        assert!(SIGNALS.iter().all(|(name, _)| name.len() > 10));
    }

    #[test]
    fn the_nearest_signal_in_the_clause_decides() {
        assert_eq!(
            at("The pilots said they will dock [Friday] at the pier."),
            Some(true)
        );
        assert_eq!(at("The pilots will stay, the keeper said [Friday]."), Some(false));
        assert_eq!(at("In [March], the mill bought two new looms."), Some(false));
        assert_eq!(
            at("Repairs were postponed until [Tuesday] by the board."),
            Some(true)
        );
        assert_eq!(
            at("The board has issued a gale warning from 6pm until midday on [Sunday]."),
            Some(true)
        );
        assert_eq!(
            at("The board has issued a gale warning until late [Sunday]."),
            Some(true)
        );
        assert_eq!(
            at("The pier was shut on Friday and stays shut until at least [Tuesday]."),
            Some(true)
        );
        assert_eq!(at("\"It will open,\" she wrote [Monday]."), Some(false));
        assert_eq!(at("Gulls gather at the old pier on [Sunday]."), None);
    }

    #[test]
    fn an_expectation_compared_with_says_nothing_of_when() {
        // Rule `compared_expectation`: the verb before it decides.
        assert_eq!(
            at("Ferry fares rose faster than expected in [January]."),
            Some(false)
        );
        assert_eq!(
            at("Ferry fares rose faster than the port expected in [January]."),
            Some(false)
        );
        assert_eq!(
            at("Ferry traffic fell more than the port had forecast in [March]."),
            Some(false)
        );
        // An expectation of its own still lies ahead.
        assert_eq!(at("The new ferry is expected in [June]."), Some(true));
    }

    #[test]
    fn putting_off_on_a_day_is_the_act_not_the_event() {
        assert_eq!(
            at("The guild delayed a vote on the new tolls on [Thursday]."),
            Some(false)
        );
        assert_eq!(at("The regatta was postponed on [Monday]."), Some(false));
        assert_eq!(at("The guild delayed the vote to [Thursday]."), Some(true));
        assert_eq!(at("The regatta will be postponed on [Monday]."), Some(true));
    }
}
