//! Where an expression begins and ends, and matches that are names rather than times.

use super::lists::TITLE_WORDS;
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

/// TimeBank's extent conventions: modifiers of quantity ("about", "nearly", "more
/// than") and "in" stay outside the expression, and so does the article of a hyphenated
/// quarter used as a modifier ("the third-quarter results").
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
