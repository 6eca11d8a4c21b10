//! Numbers in news text that look like counts and are not figures, read off the sentence's
//! tokens around a quantity the number recogniser found. Each rule is named, with why; the
//! recogniser itself is left alone (these are readings of news prose, not of numbers), so
//! its spec and MeasEval scores do not move.

use super::{lower, plural, FigureRule};
use crate::claims::quantity::{Quantity, QuantityKind};
use crate::entities::lexicon::{entries, word_set};
use crate::text::tokens::{Kind, Token};

const AGE_LEADS: &str = include_str!("../data/age-leads.txt");
const STREET_WORDS: &str = include_str!("../data/street-words.txt");
const PERIOD_HALVES: &str = include_str!("../data/period-halves.txt");
const AGE_GROUPS: &str = include_str!("../data/age-groups.txt");
const KIND_COMPOUNDS: &str = include_str!("../data/kind-compounds.txt");

/// The rule that says `q` (tokens `at..after` of the sentence's `tokens`) is not a figure.
pub(super) fn not_a_count(
    text: &str,
    tokens: &[Token],
    at: usize,
    after: usize,
    q: &Quantity,
) -> Option<FigureRule> {
    if at >= after || after > tokens.len() {
        return None;
    }
    let bare = q.unit.is_none() && q.qualifier.is_none();
    let written = &text[q.number.start..q.number.end];
    let digits = !written.is_empty() && written.bytes().all(|b| b.is_ascii_digit());
    if bare
        && digits
        && (appositive_age(text, tokens, at, after)
            || age_lead(text, tokens, at)
            || pronoun_age(text, tokens, at, after)
            || fronted_age(text, tokens, at, after))
    {
        return Some(FigureRule::AgeOrOrdinal);
    }
    if q.unit.is_none()
        && (age_bound(text, tokens, at, after, q) || age_and_older(text, tokens, at, after, q))
    {
        return Some(FigureRule::AgeOrOrdinal);
    }
    if digits && (phone_number(text, tokens, at) || emergency_number(text, tokens, at, after)) {
        return Some(FigureRule::NameOrCode);
    }
    if bare && digits && (name_number(text, tokens, at, after) || street_address(text, tokens, after)) {
        return Some(FigureRule::NameOrCode);
    }
    if glued_to_word(text, q) || named_number(text, tokens, at, q) || (bare && digits && slash_pair(text, q))
    {
        return Some(FigureRule::NameOrCode);
    }
    if bare && digits && rank_band(text, tokens, at, q) {
        return Some(FigureRule::AgeOrOrdinal);
    }
    if bare && digits && innings_total(text, tokens, at) {
        return Some(FigureRule::Score);
    }
    if clock_time(text, q) || year_span(text, tokens, after, q) || season_tail(text, q) {
        return Some(FigureRule::TimeExpression);
    }
    if lower(written) == "zero" && absolute_zero(text, tokens, at) {
        return Some(FigureRule::NameOrCode);
    }
    if lower(written) == "half" && period_half(text, tokens, at, after) {
        return Some(FigureRule::PartOfPeriod);
    }
    if one_more_of_a_count(text, tokens, at, after) {
        return Some(FigureRule::AgeOrOrdinal);
    }
    if kind_compound(text, q) {
        return Some(FigureRule::KindCompound);
    }
    if rate_base(text, tokens, at) {
        return Some(FigureRule::RateBase);
    }
    None
}

/// Rule `year_span`: two years joined by a dash ("the 1981-2010 average", "its
/// 2019–2021 plan") name a period, as one year does ("in 2019"), not a range of counts:
/// four digits each, no unit, the later year after the earlier, both within 1000–2100,
/// and no plural noun after them ("1500-2000 protesters" counts).
fn year_span(text: &str, tokens: &[Token], after: usize, q: &Quantity) -> bool {
    if q.unit.is_some() || q.value.is_some() {
        return false;
    }
    if word(text, tokens.get(after)).is_some_and(|w| plural(&w)) {
        return false;
    }
    let written = &text[q.span.start..q.span.end];
    let Some((a, b)) = written.split_once(['-', '–', '—']) else {
        return false;
    };
    // "from 2010-2020", "between 1930–1940": the word that opens the span is no part of
    // its first year.
    let a = a.trim_start_matches(|c: char| !c.is_ascii_digit());
    let year = |s: &str| {
        let s = s.trim();
        if s.len() != 4 || !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.parse::<u32>().ok().filter(|y| (1000..=2100).contains(y))
    };
    matches!((year(a), year(b)), (Some(a), Some(b)) if a < b)
}

/// Rule `season_tail`: the two digits after a year and a dash or slash ("the 2024-25
/// season", "in 1998/99") are the next year written short — a season's or a fiscal year's
/// end, not a count (the time stage has the year). Only when they are the year after
/// ("2024-31" is no season).
fn season_tail(text: &str, q: &Quantity) -> bool {
    let tail = &text[q.number.start..q.number.end];
    let Some(before) = text[..q.number.start].strip_suffix(['-', '–', '/']) else {
        return false;
    };
    let Some(year) = before.get(before.len().saturating_sub(4)..) else {
        return false;
    };
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let glued = before[..before.len() - year.len()].ends_with(|c: char| c.is_alphanumeric());
    if q.unit.is_some() || glued || !digits(year, 4) || !digits(tail, 2) {
        return false;
    }
    match (year.parse::<u32>(), tail.parse::<u32>()) {
        (Ok(y), Ok(n)) => (1000..=2100).contains(&y) && (y + 1) % 100 == n,
        _ => false,
    }
}

/// Rule `emergency_number`: "911", "999" or "112" before a word of calling ("a 911 call",
/// "the 999 operator") is the number dialled, not a count.
fn emergency_number(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    let dialled = matches!(tokens[at].text(text), "911" | "999" | "112");
    dialled
        && word(text, tokens.get(after)).is_some_and(|w| {
            matches!(
                w.as_str(),
                "call"
                    | "calls"
                    | "caller"
                    | "callers"
                    | "dispatcher"
                    | "dispatchers"
                    | "operator"
                    | "operators"
                    | "line"
                    | "system"
                    | "center"
                    | "centre"
            )
        })
}

/// Rule `one_more_of_a_count`: "a fourth" after a count of three in the same sentence is
/// one more of them, an ordinal ("convicted on three counts and acquitted on a fourth";
/// "three men were held and a fourth is sought"), not the fraction ¼; a fraction is "a
/// fourth of", or stands with no such count before it.
fn one_more_of_a_count(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    if after != at + 2 || !matches!(word(text, tokens.get(at)).as_deref(), Some("a" | "an")) {
        return false;
    }
    let Some(n) = word(text, tokens.get(at + 1)).and_then(|w| crate::claims::numbers::ordinal_word(&w))
    else {
        return false;
    };
    // "fell by a third" and "a fourth of" are shares, whatever came before. (A bound
    // before it, "nearly a third", is part of the quantity, which then does not start at
    // "a".)
    if is(text, tokens.get(after), "of") || (at > 0 && is(text, tokens.get(at - 1), "by")) {
        return false;
    }
    // The count is of things, with its noun after it: not "over two years", "on 2 May".
    (0..at).any(|k| {
        crate::claims::numbers::word_count(&lower(tokens[k].text(text))) == Some(n - 1.0)
            && word(text, tokens.get(k + 1)).is_some_and(|w| {
                !crate::claims::numbers::is_time_unit_word(&w) && !crate::time::is_month_word(&w)
            })
    })
}

/// Rule `rate_base`: a number right after "per" is the base of a rate ("4.2 beds per 1,000
/// residents", "a rate of 8.1 per 100,000"), part of the rate and not a count of its own.
fn rate_base(text: &str, tokens: &[Token], at: usize) -> bool {
    at >= 1 && word(text, tokens.get(at - 1)).as_deref() == Some("per")
}

/// Rule `kind_compound`: a number joined by a hyphen to a word of
/// `data/kind-compounds.txt` names a kind of thing, not how many ("a three-storey block",
/// "a two-bedroom flat", "a four-lane road"), as the guidelines' "numbers inside a compound
/// that names a kind" say. A measure so joined ("the 1.5-mile bypass") has a unit and
/// stays a figure.
fn kind_compound(text: &str, q: &Quantity) -> bool {
    q.unit.is_none()
        && super::hyphen_word(text, q.number.end)
            .is_some_and(|w| word_set!(KIND_COMPOUNDS).contains(lower(&text[w.start..w.end]).as_str()))
}

fn word(text: &str, t: Option<&Token>) -> Option<String> {
    t.filter(|t| t.kind == Kind::Word).map(|t| lower(t.text(text)))
}

fn is(text: &str, t: Option<&Token>, s: &str) -> bool {
    t.is_some_and(|t| t.text(text) == s)
}

/// A name: a word with a capital letter in it ("Drax", "iPhone"), not at the sentence start.
fn name_word(text: &str, tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    t.kind == Kind::Word && t.text(text).chars().any(char::is_uppercase)
}

/// Rule `appositive_age`: a bare whole number between commas right after a name, a role
/// or a noun for a person (`data/person-nouns.txt`) is the person's age ("Ana Ruiz, 63,
/// said"; "Halloran, 31, has scored"; "the health minister, 61, said"; "the suspect, 29,
/// was held"); a count never stands alone between commas after a name.
fn appositive_age(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    let person = |k: usize| {
        name_word(text, tokens, k)
            || (tokens[k].kind == Kind::Word && {
                let w = lower(tokens[k].text(text));
                crate::entities::lexicon::is_role_word(&w) || crate::claims::person_noun(&w)
            })
    };
    after == at + 1
        && at >= 2
        && is(text, tokens.get(at - 1), ",")
        && is(text, tokens.get(after), ",")
        && person(at - 2)
        && whole_age(text, &tokens[at])
}

/// A whole number a person's age can be (1 to 120).
fn whole_age(text: &str, t: &Token) -> bool {
    t.text(text).parse::<u32>().is_ok_and(|n| (1..=120).contains(&n))
}

/// Rule `age_bound`: "over", "under", "above" or "below" and a whole number, in digits or
/// one word, after a plural noun of people (`data/age-groups.txt`) is an age group, not a
/// count ("adults over 65", "voters under 30", "children under five"); "people over 65 kg"
/// has a unit and "under 30 candidates" a counted noun, and both stay figures.
fn age_bound(text: &str, tokens: &[Token], at: usize, after: usize, q: &Quantity) -> bool {
    let bound = word(text, tokens.get(at))
        .is_some_and(|w| matches!(w.as_str(), "over" | "under" | "above" | "below"));
    let group =
        at >= 1 && word(text, tokens.get(at - 1)).is_some_and(|w| word_set!(AGE_GROUPS).contains(w.as_str()));
    let counted = tokens
        .get(after)
        .is_some_and(|t| t.kind == Kind::Word && plural(&lower(t.text(text))));
    let age = tokens.get(at + 1).is_some_and(|t| match t.kind {
        Kind::Number => whole_age(text, t),
        Kind::Word => [q.value, q.low.map(|b| b.value), q.high.map(|b| b.value)]
            .into_iter()
            .flatten()
            .any(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v)),
        _ => false,
    });
    after == at + 2 && bound && group && !counted && age
}

/// Rule `age_and_older`: a whole number from 1 to 120 followed by "and older" or "or
/// younger" is an age, whatever comes before ("adults 18 and older", "those 65 or
/// older"); followed by "and over", "and up", "and above", "and under" or "and below" it
/// is one only after a plural
/// noun of people (`data/age-groups.txt`: "residents 50 and over"), since "50 and over
/// staff" may count.
fn age_and_older(text: &str, tokens: &[Token], at: usize, after: usize, q: &Quantity) -> bool {
    let Some(n) = (at..after).find(|&k| tokens[k].span.start >= q.number.start) else {
        return false;
    };
    let age = match tokens[n].kind {
        Kind::Number => whole_age(text, &tokens[n]),
        _ => q
            .value
            .is_some_and(|v| v.fract() == 0.0 && (1.0..=120.0).contains(&v)),
    };
    if !age || !matches!(word(text, tokens.get(n + 1)).as_deref(), Some("and" | "or")) {
        return false;
    }
    match word(text, tokens.get(n + 2)).as_deref() {
        Some("older" | "younger") => true,
        Some("over" | "up" | "above" | "under" | "below") => {
            n >= 1
                && word(text, tokens.get(n - 1)).is_some_and(|w| word_set!(AGE_GROUPS).contains(w.as_str()))
        }
        _ => false,
    }
}

/// Rule `absolute_zero`: "absolute zero" names a point of the temperature scale, not an
/// amount ("a fraction of a degree above absolute zero").
fn absolute_zero(text: &str, tokens: &[Token], at: usize) -> bool {
    at >= 1 && word(text, tokens.get(at - 1)).as_deref() == Some("absolute")
}

/// Rule `pronoun_age`: "She was 91.", "he is 45 and …": a person's pronoun, a form of
/// "be" and a bare whole number that ends the clause say how old the person is (a count
/// there needs its noun: "she was 91st", "it was 91 days").
fn pronoun_age(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    let person = at >= 2 && matches!(word(text, tokens.get(at - 2)).as_deref(), Some("he" | "she"));
    let be = at >= 1 && matches!(word(text, tokens.get(at - 1)).as_deref(), Some("was" | "is"));
    let ends = match tokens.get(after) {
        None => true,
        Some(t) => t.kind == Kind::Punct || matches!(word(text, Some(t)).as_deref(), Some("and" | "when")),
    };
    after == at + 1 && person && be && ends && whole_age(text, &tokens[at])
}

/// Rule `fronted_age`: "Now 78, he still lives …", "At 91, she …": a bare whole number
/// after "now", "today" or "at" opening its clause, then a comma and "he" or "she", is the
/// person's age.
fn fronted_age(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    let lead = at >= 1
        && matches!(
            word(text, tokens.get(at - 1)).as_deref(),
            Some("now" | "today" | "at")
        );
    let opens = at < 2 || matches!(tokens.get(at - 2).map(|t| t.kind), Some(Kind::Punct));
    let comma = tokens.get(after).is_some_and(|t| t.text(text) == ",");
    let person = matches!(word(text, tokens.get(after + 1)).as_deref(), Some("he" | "she"));
    after == at + 1 && lead && opens && comma && person && whole_age(text, &tokens[at])
}

/// Rule `age_lead`: "who turned 58", "the voting age to 16" (`data/age-leads.txt`).
fn age_lead(text: &str, tokens: &[Token], at: usize) -> bool {
    static PHRASES: std::sync::LazyLock<Vec<Vec<&'static str>>> =
        std::sync::LazyLock::new(|| super::phrases(AGE_LEADS));
    super::phrase_before(text, tokens, at, &PHRASES)
}

/// Rule `phone_number`: three or more groups of digits side by side ("0800 555 0192"), or
/// two when one starts with a 0: a number to dial, none of its groups a count.
fn phone_number(text: &str, tokens: &[Token], at: usize) -> bool {
    let group = |k: usize| tokens[k].kind == Kind::Number;
    // Side by side: separated by a space or a hyphen only.
    let joined = |a: usize, b: usize| {
        let gap = &text[tokens[a].span.end..tokens[b].span.start];
        gap.chars().all(char::is_whitespace) && !gap.is_empty()
    };
    if !group(at) {
        return false;
    }
    let mut first = at;
    while first > 0 && group(first - 1) && joined(first - 1, first) {
        first -= 1;
    }
    let mut last = at;
    while last + 1 < tokens.len() && group(last + 1) && joined(last, last + 1) {
        last += 1;
    }
    let n = last - first + 1;
    let zero = tokens[first..=last].iter().any(|t| t.text(text).starts_with('0'));
    n >= 3 || (n == 2 && zero)
}

/// Rule `name_number`: a bare number right after a name and not before a plural noun is
/// part of the name ("the iPhone 15 and", "the Windows 11 update", "the Veldt 40 index");
/// "told Reuters 40 people" still counts people, and a body that votes before a dashed
/// pair casts a tally ("passed the Senate 58-41"). The name must not open the sentence.
fn name_number(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    if after != at + 1 || at < 2 || !name_word(text, tokens, at - 1) {
        return false;
    }
    // the figures' tokens keep a dashed pair in one token ("58-41")
    let dashed = tokens[at].text(text).contains(['-', '–']);
    if dashed && crate::claims::voting_body(&lower(tokens[at - 1].text(text))) {
        return false;
    }
    let next = tokens.get(after);
    let counted = next.is_some_and(|t| t.kind == Kind::Word && plural(&lower(t.text(text))));
    !counted
}

/// Rule `glued_to_word`: a number written right after letters, with no space, is part of
/// a code or a formula ("Ca3", "iPhone15", "H5N1"), unless the letters are a currency's
/// sign and the quantity money ("Sh500", "Rs40").
fn glued_to_word(text: &str, q: &Quantity) -> bool {
    q.kind != QuantityKind::Money
        && text[..q.number.start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
}

/// Rule `slash_pair`: two numbers joined by a slash with no space, which the recogniser
/// did not read as a fraction ("the 9/11 attacks", "open 24/7", "a 50/50 split", "20/20
/// vision"), are a date, a name or a ratio, not two counts. (A fraction, "3/4 of voters",
/// is one quantity whose number holds the slash.)
fn slash_pair(text: &str, q: &Quantity) -> bool {
    let b = text.as_bytes();
    let digit = |i: Option<usize>| i.and_then(|i| b.get(i)).is_some_and(u8::is_ascii_digit);
    let (start, end) = (q.number.start, q.number.end);
    (b.get(end) == Some(&b'/') && digit(Some(end + 1)))
        || (start >= 2 && b[start - 1] == b'/' && digit(Some(start - 2)))
}

/// Rule `named_number`: a number word with a capital, mid-sentence, after "of" and a
/// capitalised word or right after a word in title case that does not open the sentence,
/// is the end of a name ("the Group of Seven", "a Gang of Four reunion", "the Magnificent
/// Seven", "the Big Ten schools", "a Famous Five book"): mid-sentence, a capital on a
/// number word marks a name, and the group is not being counted, even before a plural
/// ("the Group of Seven economies"). Not in a headline in title case ("Storm Kills Family
/// of Five", "Rangers Rescue Group of Nine Hikers"), where every word has a capital, nor
/// after a word in capitals (a dateline run on: "KELDBY Three people were hurt"), nor
/// before "of" (a share: a headline run on, "… Tarrow Half of the crew").
fn named_number(text: &str, tokens: &[Token], at: usize, q: &Quantity) -> bool {
    let written = &text[q.number.start..q.number.end];
    let capital_word = written.chars().next().is_some_and(char::is_uppercase)
        && written.chars().all(|c| c.is_alphabetic() || c == '-');
    if !capital_word || at < 2 || title_case(text, tokens) {
        return false;
    }
    let after_of = is(text, tokens.get(at - 1), "of") && name_word(text, tokens, at - 2);
    // "… Haiti Half of the nationals …": a share or a part before "of" counts (a
    // headline run into the text without a stop ends in a capitalised word).
    let partitive = is(text, tokens.get(at + 1), "of");
    after_of || (title_word(text, &tokens[at - 1]) && !partitive)
}

/// A word in title case: a capital first, then at least one lower-case letter ("Big",
/// "McKay"; not "NATO", "a").
fn title_word(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    t.kind == Kind::Word
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().skip(1).any(char::is_lowercase)
}

/// Whether every longer word of a sentence has a capital (a headline in title case; a
/// sentence of prose has a verb or a common noun in lower case).
fn title_case(text: &str, tokens: &[Token]) -> bool {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return false;
    };
    crate::text::capitalised_share(&text[first.span.start..last.span.end]).is_some_and(|s| s >= 1.0)
}

/// Rule `rank_band`: a bare number after "the top" with nothing counted after it is a
/// band of ranks ("dropped out of the top 20", "into the top 10 in May"), a rank as the
/// issue's guidelines count ranks, not an amount; "the top 10 British banks" may count the
/// banks and "top 3 million" without "the" is the verb, so both stay figures.
fn rank_band(text: &str, tokens: &[Token], at: usize, q: &Quantity) -> bool {
    at >= 2
        && word(text, tokens.get(at - 1)).as_deref() == Some("top")
        && word(text, tokens.get(at - 2)).as_deref() == Some("the")
        && !super::news_units::counted_after(text, q.span.end)
}

/// Rule `innings_total`: a bare number after "out for" or "dismissed for" is a side's
/// total in cricket ("bowled out for 214", "all out for 98"): a score, not an amount.
fn innings_total(text: &str, tokens: &[Token], at: usize) -> bool {
    at >= 2
        && word(text, tokens.get(at - 1)).as_deref() == Some("for")
        && matches!(
            word(text, tokens.get(at - 2)).as_deref(),
            Some("out" | "dismissed")
        )
}

/// Rule `street_address`: a bare number before capitalised words that end in a street
/// word ("14 Calder Square", `data/street-words.txt`) is a house number.
fn street_address(text: &str, tokens: &[Token], after: usize) -> bool {
    let mut k = after;
    while k < tokens.len() && k < after + 3 && name_word(text, tokens, k) {
        if k > after && word_set!(STREET_WORDS).contains(lower(tokens[k].text(text)).as_str()) {
            return true;
        }
        k += 1;
    }
    false
}

/// Rule `clock_time`: "2.30pm", "11.15 a.m.": hours and minutes before am/pm are a time
/// of day, whatever unit "pm" could otherwise be read as; so are a 24-hour time before a
/// time zone ("18:40 BST", "0300 GMT", "2000 local time": `time::zone_follows`).
fn clock_time(text: &str, q: &Quantity) -> bool {
    let written = &text[q.number.start..q.number.end];
    if q.unit.is_none() && crate::time::zone_follows(&text[q.number.end..]) {
        let (h, m) = match written.split_once(':') {
            Some((h, m)) if (1..=2).contains(&h.len()) => (h, m),
            None if written.len() == 4 && written.is_ascii() => written.split_at(2),
            _ => ("", ""),
        };
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if digits(h) && digits(m) && m.len() == 2 {
            let (h, m) = (h.parse::<u32>().unwrap_or(99), m.parse::<u32>().unwrap_or(99));
            return h < 24 && m < 60;
        }
    }
    let Some((h, m)) = written.split_once(['.', ':']) else {
        return false;
    };
    let hour = h.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h));
    let minute = m.len() == 2 && m.parse::<u32>().is_ok_and(|m| m < 60);
    // Only the few bytes after the number are looked at (not the rest of the article).
    let rest = text[q.number.end..].trim_start().as_bytes();
    let meridiem = ["am", "pm", "a.m.", "p.m."].iter().any(|w| {
        rest.get(..w.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(w.as_bytes()))
            && rest.get(w.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
    });
    hour && minute && meridiem
}

/// Rule `period_half`: "the first half", "the second half", "a half marathon": half of a
/// period or an event (`data/period-halves.txt`), not half of an amount.
fn period_half(text: &str, tokens: &[Token], at: usize, after: usize) -> bool {
    let before = at.checked_sub(1).and_then(|k| word(text, tokens.get(k)));
    let next = word(text, tokens.get(after));
    entries(PERIOD_HALVES)
        .filter_map(|l| l.split_once(':'))
        .any(|(side, w)| {
            let w = w.trim();
            match side.trim() {
                "before" => before.as_deref() == Some(w),
                _ => next.as_deref() == Some(w),
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::quantities;
    use crate::claims::quantity::QuantityKind;
    use crate::span::Span;
    use crate::text::tokens::tokenize;

    /// The quantities of `text` that the rules keep, as written.
    fn kept(text: &str) -> Vec<String> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        quantities(text)
            .into_iter()
            .filter(|q| !matches!(q.kind, QuantityKind::Age | QuantityKind::Ordinal))
            .filter(|q| {
                let at = tokens.partition_point(|t| t.span.end <= q.span.start);
                let after = tokens.partition_point(|t| t.span.start < q.span.end);
                not_a_count(text, &tokens, at, after, q).is_none()
            })
            .map(|q| text[q.span.start..q.span.end].to_string())
            .collect()
    }

    #[test]
    fn a_capitalised_number_word_ending_a_name_is_no_count() {
        assert_eq!(
            kept("Envoys of the Group of Nine met 40 farmers in Tarrow."),
            ["40"]
        );
        assert!(kept("A Council of Twelve spokesman declined to comment.").is_empty());
        assert_eq!(kept("A group of nine hikers was rescued."), ["nine"]);
        assert_eq!(kept("Nine Of Ten Dockers Vote To Strike"), ["Nine", "Ten"]);
        assert_eq!(kept("Rangers Rescue Group of Nine Hikers"), ["Nine"]);
        assert_eq!(kept("Flood Strands Family of Five"), ["Five"]);
        // Right after a word in title case, mid-sentence, a capitalised number word ends
        // a name too, before a plural or not; not after a lower-case word, a word in
        // capitals (a dateline run on) or before "of", nor at a sentence's start.
        let cases: [(&str, &[&str]); 6] = [
            ("The club will show the Magnificent Seven in June.", &[]),
            ("Two of the Big Ten schools and the Famous Five books.", &["Two"]),
            ("Tarrow said Three people were hurt.", &["Three"]),
            ("Aid for Tarrow Half of the crew stayed.", &["Half"]),
            ("KELDBY Three people were hurt.", &["Three"]),
            ("Seven ferries sailed.", &["Seven"]),
        ];
        for (text, want) in cases {
            assert_eq!(kept(text), want, "{text}");
        }
    }

    #[test]
    fn year_span() {
        assert!(kept("The port grew from 2010-2020 and shrank between 1930–1940.").is_empty());
        assert!(kept("Its 2019-2021 plan was dropped.").is_empty());
        // A plural noun after the span counts it; a later year first is no span.
        assert_eq!(kept("From 1500-2000 protesters marched."), ["From 1500-2000"]);
    }

    #[test]
    fn season_tail() {
        // (The year itself is the time stage's: `kept` does not read time expressions.)
        assert_eq!(kept("The ice was drilled in the summer of 2024-25."), ["2024"]);
        assert_eq!(kept("Spending for 1998–99 was cut."), ["1998"]);
        assert_eq!(
            kept("The ice was drilled in the summer of 2024-31."),
            ["2024", "31"]
        );
    }

    #[test]
    fn emergency_number() {
        assert!(kept("A frantic 911 call came in before dawn.").is_empty());
        assert!(kept("The 999 operator stayed on the line.").is_empty());
        assert_eq!(kept("Some 911 people were moved."), ["Some 911"]);
    }

    #[test]
    fn a_number_after_the_top_is_a_band_of_ranks() {
        assert!(kept("The striker slipped out of the top 50 after the injury.").is_empty());
        assert_eq!(kept("Shares could top 20 by June."), ["20"]);
        assert_eq!(kept("The top 5 lenders hold most deposits."), ["5"]);
        assert_eq!(kept("The top 10 British banks grew."), ["10"]);
    }

    #[test]
    fn an_age_and_older_is_no_count() {
        assert_eq!(
            kept("Adults 18 and older, pupils as young as 11 and residents 70 and over pay 40 pence."),
            ["40 pence"]
        );
        assert!(kept("Those 65 or older and children 12 and under ride free.").is_empty());
        // Not an age: a count with "and over" after no word of people, or beyond an age.
        assert_eq!(kept("Firms with 50 and over staff filed."), ["50 and over"]);
        assert_eq!(kept("Some 300 and older homes were listed."), ["Some 300"]);
    }

    #[test]
    fn an_age_between_commas_or_after_turned_is_no_count() {
        assert_eq!(
            kept("Council leader Bea Morrow, 47, opened 12 new libraries."),
            ["12"]
        );
        assert_eq!(kept("Pellow, 29, signed for two clubs."), ["two"]);
        assert!(kept("The singer, who turned 71 in June, retired.").is_empty());
        assert!(kept("Ministers want to raise the driving age to 18.").is_empty());
        // Rule `pronoun_age`, and "died at" among the leads.
        assert!(kept("She died on Saturday at her home. She was 91.").is_empty());
        assert!(kept("The painter, who died at 84, left 300 canvases.") == ["300"]);
        assert_eq!(kept("It was 91 when the count ended, and she was 12th."), ["91"]);
        assert_eq!(kept("In Tarlow, 40 homes flooded."), ["40"]);
        // a noun for a person, not a role or a name
        assert_eq!(kept("The cyclist, 34, was one of 8 riders hurt."), ["8"]);
        // a thing before the commas keeps its count
        assert_eq!(kept("The depot, 40, was closed."), ["40"]);
        // Rule `fronted_age`.
        assert_eq!(kept("Now 78, he still mends 40 nets a year."), ["40"]);
        assert!(kept("At 91, she swims daily.").is_empty());
        assert_eq!(kept("At 40, the index closed higher."), ["40"]);
    }

    #[test]
    fn a_fourth_after_three_is_one_more_of_them() {
        assert_eq!(
            kept("Two boats were towed in and a third sank off the point."),
            ["Two"]
        );
        assert_eq!(kept("She won on 3 counts and lost on a fourth."), ["3"]);
        // A fraction: with "of", or with no count one short of it before.
        assert_eq!(
            kept("Three towns lost a fourth of their homes."),
            ["Three", "a fourth"]
        );
        // A share after "by" or a bound, and a count of time or a date before it.
        assert_eq!(
            kept("Two mills closed and output fell by a third."),
            ["Two", "a third"]
        );
        assert_eq!(
            kept("Two mills closed and output fell nearly a third."),
            ["Two", "nearly a third"]
        );
        for text in [
            "Over two years, rents rose a third.",
            "On 2 May, shares lost a third.",
        ] {
            assert!(
                kept(text).contains(&"a third".to_string()),
                "{text}: {:?}",
                kept(text)
            );
        }
    }

    #[test]
    fn two_years_joined_by_a_dash_are_a_period() {
        assert_eq!(
            kept("Rainfall was 30% below the 1991-2020 average, with 41 dry days."),
            ["30%", "41"]
        );
        assert!(kept("Its 2024–2026 plan was approved.").is_empty());
        // A count: a plural noun after it.
        assert_eq!(
            kept("Police put the crowd at 1500-2000 protesters."),
            ["1500-2000"]
        );
    }

    #[test]
    fn names_phones_addresses_and_clock_times_are_no_counts() {
        assert!(kept("The Lumo 12 tablet and the Orrin 7 speaker sold out.").is_empty());
        assert!(kept("Call 0161 442 9073 for tickets.").is_empty());
        assert!(kept("Police sealed off 23 Marlow Crescent overnight.").is_empty());
        assert!(kept("The polls close at 9.45pm tonight.").is_empty());
        // Two numbers joined by a slash; a fraction stays one quantity.
        assert_eq!(
            kept("Since the 9/11 attacks the desk, open 24/7, split costs 50/50 with 40 towns."),
            ["40"]
        );
        assert_eq!(kept("About 3/4 of the 60 members agreed."), ["About 3/4", "60"]);
        // A 24-hour time before a zone.
        assert!(kept("The ferry left at 18:40 BST and docked at 0300 GMT, or 0500 local time.").is_empty());
        // Four bytes that are not four digits: no panic, and a measure stays one.
        assert_eq!(kept("The tanker took 1⅓ MT of diesel."), ["1⅓"]);
        assert_eq!(kept("Exports reached 2000 MT of rice."), ["2000"]);
        assert_eq!(
            kept("Some 2400 GMB members and 1800 BSTL staff walked out."),
            ["Some 2400", "1800"]
        );
        assert_eq!(kept("The agency told Dunmore 30 families had left."), ["30"]);
    }

    #[test]
    fn a_number_in_a_compound_naming_a_kind_is_no_count() {
        assert_eq!(
            kept("The two-bedroom cottages beside a four-lane road sold for 3 times the asking price."),
            ["3 times"]
        );
        assert_eq!(
            kept("A 19-storey hotel with 240 rooms opened on the quay."),
            ["240"]
        );
        // A measure joined the same way is a quantity.
        assert_eq!(kept("The 2.5-mile tunnel opened."), ["2.5-mile"]);
    }

    #[test]
    fn the_base_of_a_rate_after_per_is_no_count() {
        assert_eq!(
            kept("The valley has 6.3 doctors per 10,000 people and 41 clinics."),
            ["6.3", "41"]
        );
        assert_eq!(kept("Burglaries fell to 12 per 1,000 homes."), ["12"]);
    }

    #[test]
    fn a_half_of_a_period_is_no_count() {
        assert!(!kept("Sales slowed in the second half.")
            .iter()
            .any(|w| w.contains("half")));
        assert!(!kept("He finished the city half marathon.")
            .iter()
            .any(|w| w.contains("half")));
        assert!(kept("Half of the budget went on salaries.")
            .iter()
            .any(|w| w.to_lowercase().contains("half")));
    }
}
