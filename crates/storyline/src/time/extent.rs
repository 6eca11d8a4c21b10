//! Where an expression begins and ends, and matches that are names rather than times.

use super::lists::{LAST_AS_VERB, MODALS, TITLE_WORDS};
use super::rules::Rule;
use crate::span::Span;

/// Whether the match at `start..end` is part of a name or title: a capitalised time word
/// inside a sentence ("ABC's \"This Week\"", "CBS's \"60 Minutes\"", "High Noon", "VOA
/// Today"). Sentence openers, quotation openers, all-capital text and headlines written in
/// title case ("Soundbar Now Available in Singapore") are not titles.
pub(super) fn in_title(text: &str, start: usize, end: usize, sentence: Span) -> bool {
    let capitalised = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars().skip(1).any(|c| c.is_lowercase())
            && TITLE_WORDS.contains(&w.to_lowercase())
    };
    let mut words = text[start..end].split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if words.any(capitalised) {
        return true;
    }
    let lead = text[sentence.start.min(start)..start].trim_end();
    let opens = lead.is_empty() || lead.ends_with(['"', '“', '\'', '‘', '(', '`', ':', '-', '—', '_']);
    if !capitalised(first) || opens {
        return false;
    }
    let (mut long, mut upper) = (0, 0);
    for w in text[sentence.start.min(start)..sentence.end.max(end)].split_whitespace() {
        if w.len() > 3 && w.chars().all(char::is_alphabetic) {
            long += 1;
            upper += usize::from(w.starts_with(|c: char| c.is_uppercase()));
        }
    }
    upper * 10 < long * 6
}

/// Leading articles and trailing dots of abbreviations are not part of the expression
/// when TimeML would leave them out ("the 1990s" keeps "the"; "in 1998" never had "in").
pub(super) fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, end - trail)
}

/// Whether "the day before/after" stands beside a date and names it: "Oct. 12, the day
/// before the plunge" (a word follows, a date and comma precede).
pub(super) fn appositive_day(before: &str, after: &str) -> bool {
    after
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_alphabetic()))
        && before
            .trim_end()
            .strip_suffix(',')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
}

/// Extent conventions: prepositions ("in", "on", "over the weekend") stay outside the
/// expression, and so does the article of a duration or quarter used as a modifier ("the
/// third-quarter results", "the eight-year war": the article is the noun's). "About" and
/// "almost" stay outside too: taking them in, as TimeML's MOD would, gained two strict matches on
/// TimeBank but lost four on AQUAINT and one on tweets (measured; so did "early" or "late"
/// before a weekday: +2 and -6).
pub(super) fn timebank_extent(text: &str, mut start: usize, end: usize, rule: Rule) -> (usize, usize) {
    const LEAD: &[&str] = &[
        "in ", "on ", "On ", "about ", "almost ", "over ", "In ", "About ", "Almost ", "Over ",
    ];
    loop {
        let s = &text[start..end];
        match LEAD.iter().find(|l| s.starts_with(*l) && s.len() > l.len()) {
            Some(l) => start += l.len(),
            None => break,
        }
    }
    if matches!(rule, Rule::Vague) {
        let s = &text[start..end];
        if let Some(sp) = s.find(' ') {
            start += sp + 1;
        }
    }
    // "the day before the plunge": the expression is "the day".
    if matches!(rule, Rule::Narrative)
        && text[start..end].to_lowercase().starts_with("the day ")
        && appositive_day(&text[..start], &text[end..])
    {
        return (start, start + "the day".len());
    }
    if matches!(rule, Rule::Duration) && last_is_a_verb(&text[..start], &text[start..end]) {
        start += "last ".len();
    }
    if matches!(rule, Rule::Duration) && duration_as_modifier(&text[start..end], &text[end..]) {
        start += text[start..end].find(' ').map_or(0, |k| k + 1);
    }
    // "the third-quarter results": the hyphenated quarter is a modifier, "the" is not its.
    let s = &text[start..end];
    if matches!(rule, Rule::Quarter)
        && s.contains("-quarter")
        && (s.starts_with("the ") || s.starts_with("The "))
    {
        start += 4;
    }
    (start, end)
}

/// Whether a duration opens with the verb "last" rather than the adjective: "the talks will
/// last three days", "it was not to last two weeks" (after a modal, "to", "not" or a form of
/// "do"), where the expression is the span alone; "the last three days" has its article.
fn last_is_a_verb(before: &str, s: &str) -> bool {
    if !s.starts_with("last ") {
        return false;
    }
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .next()
        .unwrap_or("")
        .to_lowercase();
    ["n't", "n’t", "'ll", "’ll"].iter().any(|e| word.ends_with(e))
        || MODALS.contains(&word)
        || LAST_AS_VERB.contains(&word)
}

/// Whether a duration with an article is an adjective before a noun: "the eight-year war",
/// "a 10-hour tour", "the two day meeting" (a count above one with a singular unit), but
/// not "the two days of talks" or "a week later".
fn duration_as_modifier(s: &str, after: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(article), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    if !matches!(article, "the" | "The" | "a" | "A" | "an" | "An") {
        return false;
    }
    let last = s.rsplit([' ', '-']).next().unwrap_or("");
    let singular = !last.ends_with('s') || last.ends_with("ss");
    let counted = second.starts_with(|c: char| c.is_ascii_digit())
        || second
            .split('-')
            .next()
            .is_some_and(|w| crate::time::words::number(w).is_some_and(|n| n.whole().is_some_and(|k| k > 1)));
    let noun_follows = after
        .strip_prefix(' ')
        .and_then(|r| r.split_whitespace().next())
        .map(|w| w.trim_end_matches(|c: char| c.is_ascii_punctuation()))
        .is_some_and(|w| {
            !w.is_empty()
                && w.chars().all(|c| c.is_ascii_lowercase())
                && !TEMPORAL_HEADS.contains(&w)
                && !crate::entities::lexicon::is_function_word(w)
        });
    singular && counted && noun_follows
}

/// Nouns that make a counted unit before them part of one temporal phrase ("a three-year
/// period"), and words after a span that are not nouns it modifies.
const TEMPORAL_HEADS: &[&str] = &[
    "period", "span", "stretch", "ago", "earlier", "later", "before", "after", "from", "long", "old",
];

/// Words that, right before an expression, are its TimeML modifier (`MOD`: APPROX,
/// LESS_THAN, MORE_THAN, EQUAL_OR_MORE …) and so part of its extent: "around 7:15 p.m.",
/// "at least the past 18 months", "nearly a decade", "more than four hours".
const MODIFIERS: &[&str] = &[
    "around",
    "approximately",
    "roughly",
    "nearly",
    "more than",
    "less than",
    "fewer than",
    "at least",
    "at most",
    "no more than",
    "no less than",
];

/// A point of a period before a date (`MOD` START, MID, END): part of a date's extent
/// only, never of a span's ("the end of the 99-year lease" is the lease's).
const POINTS: &[&str] = &[
    "the start of",
    "the beginning of",
    "the middle of",
    "the end of",
    "the close of",
];

/// Where the expression at `start..` begins once a modifier right before it is taken in.
/// "Around" is also a preposition ("around the world"): it counts only before a number, a
/// month or a clock time. A point of a period ([`POINTS`]) is taken in before a `date`
/// only.
pub(super) fn with_modifier(text: &str, start: usize, rule: Rule, date: bool) -> usize {
    if matches!(rule, Rule::Reference | Rule::Present | Rule::Past | Rule::Vague) {
        return start;
    }
    let Some(lead) = text[..start].strip_suffix(' ') else {
        return start;
    };
    let first = text[start..].split_whitespace().next().unwrap_or("");
    let numeric = first.starts_with(|c: char| c.is_ascii_digit())
        || crate::time::words::number(first).is_some()
        || first.starts_with(char::is_uppercase)
            && first.len() <= 10
            && crate::time::words::month_number(first).is_some();
    let points = if date { POINTS } else { &[] };
    for m in MODIFIERS.iter().chain(points) {
        let Some(cut) = lead.len().checked_sub(m.len()) else {
            continue;
        };
        // A modifier is ASCII: a cut inside a wider character is no match.
        let (Some(word), Some(head)) = (lead.get(cut..), lead.get(..cut)) else {
            continue;
        };
        let bounded = head.chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        if !word.eq_ignore_ascii_case(m) || !bounded {
            continue;
        }
        let preposition = *m == "around";
        if preposition && !numeric && rule != Rule::Clock {
            return start;
        }
        return cut;
    }
    start
}

/// Where the expression ending at `end` ends once a trailing modifier is taken in: "the
/// next year or so", "1994 or later", "1990 and beyond", "two weeks or more".
pub(super) fn with_trailing_modifier(text: &str, end: usize) -> usize {
    const TRAIL: &[&str] = &[
        " or so",
        " or later",
        " or earlier",
        " and beyond",
        " or more",
        " or longer",
    ];
    let rest = &text[end..];
    for t in TRAIL {
        let bounded = rest
            .get(t.len()..)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()));
        if bounded && rest[..t.len()].eq_ignore_ascii_case(t) {
            return end + t.len();
        }
    }
    end
}
