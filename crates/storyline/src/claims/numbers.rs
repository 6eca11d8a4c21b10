//! The number recogniser: every quantity in a text, with byte spans.
//!
//! It reads tokens (words, digit runs, symbols) left to right, once: at each token it tries
//! a qualifier ("more than", "about", "up to", "~", "≥": `data/qualifiers.tsv`), a currency
//! before the number ("$", "US$", "£", "EUR": `data/units.tsv`), the number itself (digits,
//! words or both: "240,000", "3,500.25", "1.2bn", "3k", "twenty-two", "one hundred and
//! five", "2.5 million", "two thirds", "half a million": `data/number_words.tsv`), then a
//! unit after it ("per cent", "km", "Finnish markka", "degrees Celsius", "mg/L"), a second
//! number for a range ("20 to 30", "20-30", "between 20 and 30"), a qualifier after it ("or
//! more") and a "±" tolerance. On success it jumps past what it read, so the work is linear
//! in the text and quantities never overlap.
//!
//! # Policies
//!
//! - **Vague counts.** A plural scale word S standing alone ("hundreds", "thousands",
//!   "dozens") or after a vague multiplier ("several hundred", "a few thousand") stands
//!   for `[2 × S, 10 × S)`; "tens of thousands" and "hundreds of millions" multiply the two
//!   scales first: "tens of thousands" is `[20,000, 100,000)`, "hundreds of thousands"
//!   `[200,000, 1,000,000)`, "dozens" `[24, 120)`. Such a quantity has no `value`, the
//!   qualifier [`Qualifier::Vague`], low inclusive and high exclusive.
//! - **Ranges** given by two numbers ("20 to 30", "20-30", "between 20 and 30") include both
//!   ends (what a reader takes "20 to 30 people" to mean). A hyphen range needs the second
//!   number above the first and no further hyphen or slash number around it, so dates
//!   ("1995-01", "2015-16"), phone numbers and scores ("3-1") are not ranges. A scale or
//!   currency written once is shared: "5 to 10 million" is 5e6–10e6, "$5-10bn" is money.
//! - **Comparisons** give one bound: "more than 30" is `(30, ∞)`, "at least 30" `[30, ∞)`,
//!   "up to"/"at most" `(−∞, 30]`, "less than" `(−∞, 30)`; "about" and "nearly" keep the
//!   value and give no bound. "more than 10 and less than 20" is one range.
//! - **Kinds.** The unit's dimension decides: percent → `Percent`, currency → `Money`,
//!   time units ("3 years", "48 hours": durations, which are time expressions) → `Number`
//!   with the unit kept, other dimensions → `Measure`; with no unit, a comparison or a
//!   range is `Range` and anything else `Number`. "five years old", "a 34-year-old",
//!   "aged 34" are `Age`; "third", "21st", "twenty-fifth" are `Ordinal`.
//! - **Not quantities.** A number right after a label word ("Figure 3", "Article 50",
//!   "No. 10", "type 2": `data/markers.tsv`), a number glued to letters ("MH17", "G20",
//!   "COVID-19", "F-16"), and anything inside a URL. The word "one" after a determiner ("the
//!   one", "which one") or before "of" ("one of the") is a pronoun, not a count.
//! - **Scale letters.** Glued "k"/"K" is a thousand, "M"/"MM"/"mil" a million, "b"/"B" a
//!   billion, "bn"/"mn"/"tn" wherever they stand; a glued lowercase "m" is a million only
//!   after a currency ("£3m"), otherwise metres ("3m").
//! - **"pounds"** is money unless "of" follows ("two pounds of flour"). Plain "$" and
//!   "dollars" are `USD`. "3 dollars 50 cents" and "15 dollars and 50." are one amount,
//!   as are yuan with tenths and hundredths ("three kuai five mao", rule `kuai-mao-fen`);
//!   "MUSD", "kEUR" carry their scale (`data/units.tsv`, sixth column).
//! - **Shares and fractions.** "one in five", "3 out of 4", "one over three" are the share
//!   (0.2, 0.75, ⅓); a fraction's denominator may be a compound ordinal ("one
//!   twenty-fifth", "three twenty-firsts"); after "hundred and" a proper fraction is the
//!   fractional part ("one hundred and three quarters" = 100¾).
//! - **Digit groups.** Indian ("12,34,567") and continental ("1.234.567,89") grouping, and
//!   a decimal comma before one or two digits when the number stands alone ("2,5").
//! - **Names, not amounts** (besides labels and codes above): whole numbers alone in
//!   brackets ("(7)", "(26,29)"), arguments ("t(39)"), subscripts ("(ClO4)2"), dotted
//!   chains ("3.1.3"), letters glued after a number that are no unit ("3D", "2006b"),
//!   decades ("1990s"), "1 = never", a label's list ("phases 3, 5 and 7"), and a
//!   capitalised name's number where it ends the phrase ("Voyager 2 (1981)"), slash codes
//!   with letters ("31/6b-2"), numbers of dimensions ("two-dimensional", "3DTV"), a page
//!   ("p. 14"), a clock time ("06:45", "at 1:10"; but "a 1:12 gradient" is a ratio), a
//!   number padded with zeros in running text ("the 001 plane") and a hyphened part after
//!   a label's or name's number ("ISO 7730-2").
//! - **Products and angles.** "×" before a number multiplies: "4 × 105" is a flattened
//!   4 × 10⁵, "40 × 12 × 5 cm" one list of sizes; a power of ten apart from its value
//!   scales it ("(0.3–0.6)×10−9 m"); degrees with minutes and seconds are one angle, and a
//!   latitude with its longitude one list.

mod change_level;
mod digits;
mod factor;
mod lexicon;
mod million_letter;
mod numeral;
mod tokens;
mod units;

use super::quantity::{Bound, Dimension, Qualifier, Quantity, QuantityKind, Unit};
use crate::entities::lexicon::word_set;
use crate::span::Span;
use lexicon::{lexicon, Marker, Qual, WordClass};
use numeral::{marker_at, numeral_at, Form, Numeral};
use tokens::{Kind, Tokens};
use units::{currency_before, unit_after, Found};

/// The canonical name of a written unit through the unit table ("kilometres" → "km",
/// "per cent" → "percent", "US$" → "USD"), or `None` when the table lacks it.
pub fn canonical_unit_name(written: &str) -> Option<&'static str> {
    lexicon::canonical_unit(written).map(|(name, _)| name)
}

/// The value of one lower-case word as a count: a unit or teen number word ("three",
/// "twelve") or plain digits ("3").
pub(in crate::claims) fn word_count(w: &str) -> Option<f64> {
    if !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()) {
        return w.parse().ok();
    }
    match lexicon().words.get(w)? {
        WordClass::Unit(v) | WordClass::Teen(v) => Some(*v),
        _ => None,
    }
}

/// The value of a lower-case ordinal word ("fourth" → 4).
pub(in crate::claims) fn ordinal_word(w: &str) -> Option<f64> {
    match lexicon().words.get(w)? {
        WordClass::Ordinal(v) => Some(*v),
        _ => None,
    }
}

/// Whether a lower-case word is a number word of `data/number_words.tsv` ("two",
/// "hundreds", "dozen").
pub(in crate::claims) fn is_number_word(w: &str) -> bool {
    lexicon().words.contains_key(w)
}

/// Whether a lower-case word of `data/number_words.tsv` counts: a cardinal, a scale or a
/// plural scale ("thirteen", "million", "dozens"), not an ordinal, a fraction or a sign.
pub(crate) fn is_cardinal_word(w: &str) -> bool {
    matches!(
        lexicon().words.get(w),
        Some(
            WordClass::Unit(_)
                | WordClass::Teen(_)
                | WordClass::Tens(_)
                | WordClass::Hundred
                | WordClass::Scale(_)
                | WordClass::Dozen
                | WordClass::Vague(_)
                | WordClass::VagueOf(_)
        )
    )
}

/// Whether a lower-case word is a unit of time written out in the unit table ("day",
/// "nights", "fortnight", "century"; not the symbols "h" or "s").
pub(in crate::claims) fn is_time_unit_word(w: &str) -> bool {
    lexicon()
        .word_units
        .get(w)
        .is_some_and(|e| e.dimension == Dimension::Time)
}

/// Every quantity in `text`, in text order, not overlapping.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let t = Tokens::new(text);
    let mut out: Vec<Quantity> = Vec::new();
    let lex = lexicon();
    // A word starts a quantity only with a number within reach: the longest qualifier and
    // a currency written before the number ("greater than or equal to U.S.$ 5").
    let reach = lex.qual_len.max(lex.marker_len) + 6;
    let mut number_at = 0;
    let mut i = 0;
    while i < t.len() {
        // Most words start nothing: no table lookup chain for them.
        if t.kind(i) == Some(Kind::Word) {
            let w = t.lower(i);
            let number_word = lex.words.contains_key(w);
            let may_start = number_word
                || lex.first_words.contains(w)
                || matches!(w, "a" | "an" | "between" | "from" | "tens" | "point")
                || matches!(t.kind(i + 1), Some(Kind::Digits | Kind::Sym));
            if !may_start {
                i += 1;
                continue;
            }
            if !number_word {
                number_at = number_at.max(i);
                while number_at < t.len() && number_at <= i + reach && !numberish(&t, number_at) {
                    number_at += 1;
                }
                if number_at > i + reach || number_at >= t.len() {
                    i += 1;
                    continue;
                }
            }
        }
        if let Some(next) = skip_label_or_code(&t, i) {
            i = next;
            continue;
        }
        match quantity_at(&t, i) {
            Some((q, next)) => {
                push_merged(&t, &mut out, q);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    let factors = factor::factor_words(&t, &out);
    if !factors.is_empty() {
        out.extend(factors);
        out.sort_by_key(|q| q.span.start);
    }
    // Rule `finite-values`: a number too large for a 64-bit float ("1e400", four hundred
    // nines) is no amount anyone reports, and an infinite value has no JSON form: the
    // record that held it could not be read back.
    out.retain(finite);
    for q in &mut out {
        q.value = q.value.map(decimal);
        for b in [&mut q.low, &mut q.high].into_iter().flatten() {
            b.value = decimal(b.value);
        }
    }
    mark_lists(&t, &mut out);
    for q in &mut out {
        if let Some(start) = average_lead(&t, q).or_else(|| plus_minus_lead(&t, q)) {
            q.span.start = start;
        }
        if let Some(end) = per_tail(&t, q) {
            q.span.end = end;
        }
    }
    out
}

/// Rule `decimal-values`: a value as its decimal digits say. Scaling a decimal in binary
/// leaves noise in the last digits ("8.3 million" was 8300000.000000001, "8.2 trillion"
/// 8199999999999.999), which every table and comparison would carry: rounded to 15
/// significant digits (what a 64-bit float holds exactly), such a value comes out short,
/// and is taken so. A value whose digits run on (a third, 0.3333333333333333) is kept.
fn decimal(v: f64) -> f64 {
    // A whole number below 2^53 is exact, as most figures are: nothing to format.
    if !v.is_finite() || (v.fract() == 0.0 && v.abs() < 9.0e15) {
        return v;
    }
    let rounded = format!("{v:.14e}");
    let mantissa = rounded.split('e').next().unwrap_or("");
    let significant = mantissa
        .trim_end_matches('0')
        .bytes()
        .filter(u8::is_ascii_digit)
        .count();
    match rounded.parse::<f64>() {
        Ok(r) if r != v && r.is_finite() && significant <= 12 => r,
        _ => v,
    }
}

/// Whether every value of a quantity is a finite number (rule `finite-values`).
fn finite(q: &Quantity) -> bool {
    q.value.is_none_or(f64::is_finite) && [q.low, q.high].iter().flatten().all(|b| b.value.is_finite())
}

/// Words that make the number after them an average (`average_lead`).
const MEAN_WORDS: &str = include_str!("data/mean-words.txt");
/// Words that set two quantities against each other (`versus_next_to`).
const VERSUS_WORDS: &str = include_str!("data/versus-words.txt");
/// Words that make a percentage before them an interval's level (`confidence_level`).
const CONFIDENCE_WORDS: &str = include_str!("data/confidence-words.txt");

/// The word token right before token `f`, with only spaces between (none counts).
fn word_before(t: &Tokens, f: usize) -> Option<usize> {
    let k = f.checked_sub(1)?;
    (t.kind(k) == Some(Kind::Word) && t.spaces_before(f)).then_some(k)
}

/// The word token right after a quantity's span, with only spaces between.
fn word_after(t: &Tokens, q: &Quantity) -> Option<usize> {
    let k = t.first_from(q.span.end);
    (t.kind(k) == Some(Kind::Word) && t.spaces_between(q.span.end, k)).then_some(k)
}

/// Rule `average-lead`: "average" right before a number ("an average 4.2 km", "on average
/// 3–4 nT") says the quantity is a mean, as "about" says it is approximate; it is part of
/// the quantity's span (MeasEval's guideline spans "average 5%", mod `IsMean`). Not before
/// an age or an ordinal, nor a member of a list.
fn average_lead(t: &Tokens, q: &Quantity) -> Option<usize> {
    if q.list.is_some() || matches!(q.kind, QuantityKind::Age | QuantityKind::Ordinal) {
        return None;
    }
    let k = word_before(t, t.starting_at(q.span.start)?)?;
    word_set!(MEAN_WORDS)
        .contains(t.lower(k))
        .then_some(t.toks[k].start)
}

/// Rule `plus-minus-lead`: a "±" right before a number that follows no number ("an error
/// of ±5%", "a tidal range of ± 12 m") gives a margin either way; the sign belongs to the
/// quantity as "~" does. (A "±" after a value is its tolerance, read with it.)
fn plus_minus_lead(t: &Tokens, q: &Quantity) -> Option<usize> {
    if q.list.is_some() {
        return None;
    }
    let f = t.starting_at(q.span.start)?;
    let k = f
        .checked_sub(1)
        .filter(|&k| t.is_sym(k, &['±']) && t.spaces_before(f))?;
    let after_value =
        k > 0 && (t.kind(k - 1) == Some(Kind::Digits) || t.is_sym(k - 1, &['%', ')', ']', '°']));
    (!after_value).then_some(t.toks[k].start)
}

/// Rule `per-tail`: "per" and one word right after a quantity ("5 mm per side", "2–4% per
/// year", "13 pairs per mm") name what the quantity is counted against: a rate's
/// denominator is part of the quantity, as "mg/L" is of its unit. Only a word of letters
/// (a number after "per" starts a quantity of its own), and not for a list member.
fn per_tail(t: &Tokens, q: &Quantity) -> Option<usize> {
    if q.list.is_some() || matches!(q.kind, QuantityKind::Age | QuantityKind::Ordinal) {
        return None;
    }
    let per = t.first_from(q.span.end);
    let w = per + 1;
    let one_space =
        |k: usize, from: usize| t.kind(k).is_some() && t.text.get(from..t.toks[k].start) == Some(" ");
    if !(one_space(per, q.span.end) && matches!(t.raw(per), "per" | "Per") && one_space(w, t.toks[per].end)) {
        return None;
    }
    let number = lexicon().words.contains_key(t.lower(w));
    let cent = matches!(t.lower(w), "cent" | "centum");
    (t.kind(w) == Some(Kind::Word) && !number && !cent).then(|| t.toks[w].end)
}

/// Rule `versus-pair`: a quantity with "vs."/"versus" right before or after it is one side
/// of a comparison ("41% vs. 12%, 30% vs. 9%"), not a member of a list with its neighbour.
fn versus_next_to(t: &Tokens, q: &Quantity) -> bool {
    let versus = |k: usize| word_set!(VERSUS_WORDS).contains(t.lower(k));
    let before = t.starting_at(q.span.start).is_some_and(|f| {
        // "vs." : the dot glued to the word
        let dot = f > 0 && t.is_sym(f - 1, &['.']) && t.spaces_before(f) && t.glued(f - 1);
        let k = if dot {
            word_before(t, f - 1)
        } else {
            word_before(t, f)
        };
        k.is_some_and(versus)
    });
    before || word_after(t, q).is_some_and(versus)
}

/// Rule `confidence-level`: a percentage right before "CI", "confidence" or "credible"
/// ("odds 2.3, 95% CI 1.0–5.1") is the level of an interval that follows: it does not end
/// a list of the numbers before it (which would give them its unit).
fn confidence_level(t: &Tokens, q: &Quantity) -> bool {
    q.kind == QuantityKind::Percent
        && word_after(t, q).is_some_and(|k| word_set!(CONFIDENCE_WORDS).contains(t.lower(k)))
}

/// Digits, a number word or a vulgar fraction: what a quantity's number starts with.
fn numberish(t: &Tokens, k: usize) -> bool {
    match t.kind(k) {
        Some(Kind::Digits) => true,
        Some(Kind::Word) => lexicon().words.contains_key(t.lower(k)),
        Some(Kind::Sym) => t.raw(k).chars().next().and_then(digits::vulgar).is_some(),
        None => false,
    }
}

/// Past a number that names rather than counts ("Figure 3", "MH17", "F-16", "200-level"),
/// if one is at `i`.
fn skip_label_or_code(t: &Tokens, i: usize) -> Option<usize> {
    if t.kind(i) == Some(Kind::Word) {
        return label_number(t, i);
    }
    // "200-level": a label word glued after the number names it too.
    if t.kind(i) == Some(Kind::Digits)
        && t.is_sym(i + 1, &['-'])
        && t.glued(i + 1)
        && t.glued(i + 2)
        && matches!(marker_at(t, i + 2, 1), Some(Marker::Label | Marker::Labels))
    {
        return Some(i + 3);
    }
    if t.kind(i) != Some(Kind::Digits) {
        return None;
    }
    clock_time(t, i)
        .or_else(|| slash_date(t, i))
        .or_else(|| reference_mark(t, i))
        .or_else(|| arguments(t, i))
        .or_else(|| dotted_chain(t, i))
        .or_else(|| glued_code(t, i))
        .or_else(|| slash_code(t, i))
        .or_else(|| leading_zero_code(t, i))
        .or_else(|| phone_number(t, i))
}

/// Rule `phone-number`: digits in groups glued by hyphens or dots whose last group has
/// four digits after one of three ("555-0142", "0800-555-0199") are a telephone number,
/// no amount, when the last group starts with 0 or a word of calling comes just before
/// ("call 555-1999", "dial 1-800-555-2040", "call the desk on 555-2040"): a range is written "200-1000" too, and a
/// chain of groups with no such sign ("1-222-2222") is left to be read as numbers, as the
/// number specs read it. Skipped whole, with other lines' endings after a slash.
fn phone_number(t: &Tokens, i: usize) -> Option<usize> {
    // Digits glued to the token before `k` by one of `syms` at `k`.
    let glued_group = |k: usize, syms: &[char]| {
        t.is_sym(k, syms) && t.glued(k) && t.glued(k + 1) && t.kind(k + 1) == Some(Kind::Digits)
    };
    // The groups' count, the lengths of the last two and the longest: no list is kept
    // (this is asked at every number).
    let (mut n, mut before_last, mut last, mut longest) = (1, 0, t.raw(i).len(), t.raw(i).len());
    let mut k = i + 1;
    while glued_group(k, &['-', '.']) {
        (n, before_last, last) = (n + 1, last, t.raw(k + 1).len());
        longest = longest.max(last);
        k += 2;
    }
    if n < 2 || last != 4 || before_last != 3 || longest > 4 {
        return None;
    }
    // A verb of calling right before, or before "on" or "at" and at most two words
    // ("call the desk on").
    let calls = |j: usize| {
        t.kind(j) == Some(Kind::Word)
            && t.same_line(j + 1)
            && matches!(
                t.lower(j),
                "call"
                    | "calling"
                    | "phone"
                    | "telephone"
                    | "tel"
                    | "ring"
                    | "dial"
                    | "hotline"
                    | "helpline"
                    | "fax"
            )
    };
    let by_on = i >= 2 && matches!(t.lower(i - 1), "on" | "at") && (i.saturating_sub(4)..i - 1).any(calls);
    let calling = i >= 1 && calls(i - 1) || by_on;
    if !(t.raw(k - 1).starts_with('0') || calling) {
        return None;
    }
    // Another line's ending after a slash goes with it ("555-2222/2223").
    while glued_group(k, &['/']) {
        k += 2;
    }
    Some(k)
}

/// Rule `leading-zero-code`: in running text, a run of two or more digits that starts
/// with 0 ("the 001 plane", "codes: 040301") is written to fill a fixed width, as an index,
/// a code or a serial is; an amount is not padded. Skipped with what is glued to it by a
/// hyphen, dash, slash or dot ("040301–040304"), and with the groups of digits one space
/// after it ("01632 960 441"). Only after a word, a bracket, a colon or
/// a comma on its line, not glued to what it follows (the "05" of "3.05" or "10:05" is read
/// with what it follows), and not a run of zeros only ("0000" is nought). A padded number
/// standing alone, as a form to fill in gives it ("0033"), is left to be read as a number.
fn leading_zero_code(t: &Tokens, i: usize) -> Option<usize> {
    let raw = t.raw(i);
    let padded = raw.len() >= 2 && raw.starts_with('0') && raw.bytes().any(|b| b != b'0');
    let in_text = i > 0
        && t.same_line(i)
        && (t.kind(i - 1) == Some(Kind::Word) || t.is_sym(i - 1, &['(', '[', ':', ',']))
        && (!t.glued(i) || t.is_sym(i - 1, &['(', '[']));
    if !padded || !in_text {
        return None;
    }
    let mut k = i + 1;
    while t.is_sym(k, &['-', '–', '/', '.'])
        && t.glued(k)
        && t.glued(k + 1)
        && t.kind(k + 1) == Some(Kind::Digits)
    {
        k += 2;
    }
    // Groups of digits one space after it are the rest of the number, as a telephone
    // number is written ("01632 960 441"), not a thousands-grouped amount.
    let unit_glued = |k: usize| t.glued(k) && matches!(t.kind(k), Some(Kind::Word | Kind::Digits));
    while t.kind(k) == Some(Kind::Digits) && t.one_space(k) && !unit_glued(k + 1) {
        k += 1;
    }
    Some(k)
}

/// Rule `clock-time`: a time of day ("04:10", "at 10:45", "02:14:30 UT") is a time, not
/// a number: none of its parts is a quantity (the time reader has it). Hours up to 24,
/// then two digits up to 59 once or twice, each glued by a colon; "1:10" in no time
/// context is a ratio (`one_to_n`).
fn clock_time(t: &Tokens, i: usize) -> Option<usize> {
    let two = |k: usize| {
        t.is_sym(k, &[':'])
            && t.glued(k)
            && t.glued(k + 1)
            && t.kind(k + 1) == Some(Kind::Digits)
            && t.raw(k + 1).len() == 2
            && t.raw(k + 1).parse::<u32>().is_ok_and(|m| m <= 59)
    };
    let hours = t.raw(i).len() <= 2 && t.raw(i).parse::<u32>().is_ok_and(|h| h <= 24);
    let after_colon = i > 0 && t.glued(i) && t.is_sym(i - 1, &[':']);
    if !hours || after_colon || !two(i + 1) || one_to_n(t, i) {
        return None;
    }
    let mut k = i + 3;
    if two(k) {
        k += 2;
    }
    // "1:2:3" with one digit after a colon is no time: leave it whole
    (!(t.is_sym(k, &[':']) && t.glued(k))).then_some(k)
}

/// Rule `slash-date`: a day and month joined by a slash ("5/12", "11/3") where a date is
/// announced — after a colon ("Updated: 5/12") or a word that dates what follows ("posted
/// 11/3", "on 4/7") — is a date, not a fraction or two numbers. Both parts up to 31, one
/// of them up to 12, no year after them.
fn slash_date(t: &Tokens, i: usize) -> Option<usize> {
    let part = |k: usize| {
        let raw = t.raw(k);
        (raw.len() <= 2)
            .then(|| raw.parse::<u32>().ok())
            .flatten()
            .filter(|v| (1..=31).contains(v))
    };
    let joined =
        t.is_sym(i + 1, &['/']) && t.glued(i + 1) && t.glued(i + 2) && t.kind(i + 2) == Some(Kind::Digits);
    if !joined || (i > 0 && t.glued(i) && t.kind(i - 1) == Some(Kind::Digits)) {
        return None;
    }
    let (a, b) = (part(i)?, part(i + 2)?);
    if a > 12 && b > 12 {
        return None;
    }
    let announced = i > 0
        && t.same_line(i)
        && (t.is_sym(i - 1, &[':'])
            || (t.kind(i - 1) == Some(Kind::Word) && word_set!(DATING_WORDS).contains(t.lower(i - 1))));
    if !announced {
        return None;
    }
    // With a year ("5/17/2018") it is left as it was: the time reader has the date.
    let year = t.is_sym(i + 3, &['/', '-']) && t.glued(i + 3);
    (!year).then_some(i + 3)
}

/// Words after which a day and month stand as a date (`slash_date`).
pub(super) const DATING_WORDS: &str = include_str!("data/dating-words.txt");

/// Rule `one-to-n`: "1:10", "1:25" (a slope, a scale, a dilution) is a ratio unless a
/// time word stands before or after it ("at 1:10", "1:45 pm", "until 1:30").
fn one_to_n(t: &Tokens, i: usize) -> bool {
    if t.raw(i) != "1" {
        return false;
    }
    let before = i > 0
        && t.same_line(i)
        && t.kind(i - 1) == Some(Kind::Word)
        && matches!(
            t.lower(i - 1),
            "at" | "by"
                | "until"
                | "till"
                | "before"
                | "after"
                | "from"
                | "since"
                | "around"
                | "to"
                | "and"
                | "between"
        );
    let k = i + 3;
    let after = k < t.len()
        && t.same_line(k)
        && t.kind(k) == Some(Kind::Word)
        && matches!(
            t.lower(k),
            "am" | "pm"
                | "a"
                | "p"
                | "ut"
                | "utc"
                | "gmt"
                | "h"
                | "hr"
                | "hrs"
                | "hours"
                | "local"
                | "et"
                | "est"
                | "edt"
                | "bst"
                | "cet"
                | "pt"
                | "pst"
        );
    !(before || after)
}

/// The numbers a label word names, if one is at `i` ("Figure 3", "Figs. 3A and 3B",
/// "phases 3, 5 and 7", "on day 14."; see `data/markers.tsv` for the three kinds), or a
/// capitalised name before a number that ends the phrase ("Voyager 2 (1981)", "Apollo
/// 11."). A unit after the number makes it a measure, not a label ("the site 30 km
/// away").
fn label_number(t: &Tokens, i: usize) -> Option<usize> {
    let number_next = t.kind(i + 1) == Some(Kind::Digits)
        || (t.is_sym(i + 1, &['.']) && t.kind(i + 2) == Some(Kind::Digits));
    if !number_next {
        return None;
    }
    let (marker, name) = match marker_at(t, i, 1) {
        Some(m) if m.is_label() => (m, false),
        _ => (name_before_number(t, i)?, true),
    };
    let mut k = i + 1;
    if t.is_sym(k, &['.']) && t.glued(k) && !name {
        k += 1;
    }
    if t.kind(k) != Some(Kind::Digits) || !t.same_line(k) {
        return None;
    }
    let n = numeral_at(t, k, false)?;
    let first = n.next;
    // A letter glued on names a panel ("Figure 3A"); two letters that are a unit are the
    // unit ("a column 12km high" is a measure).
    let unit = unit_after(t, first).is_some();
    let panel = panel_letter(t, first) > first && (t.raw(first).len() == 1 || !unit);
    if (unit && !panel) || (name && (first != k + 1 || n.value.fract() != 0.0)) {
        return None;
    }
    let mut end = panel_letter(t, first);
    if name {
        end = reference_tail(t, end);
    }
    if marker != Marker::Label && !name {
        while let Some(next) = next_list_member(t, end) {
            end = next;
        }
    }
    let whole = n.value.fract() == 0.0;
    if marker == Marker::LabelEnd && !ends_phrase(t, end) && !(whole && verb_after_label(t, end)) {
        return None;
    }
    Some(if marker == Marker::Label || name {
        code_part(t, end)
    } else {
        end
    })
}

/// Rule `name-reference`: after a name's number, a glued colon and number, with a glued
/// span of them, are the rest of one reference ("Ezra 4:12", "Corvin 12:3-5": a chapter
/// and verse, a section and clause), not a ratio.
fn reference_tail(t: &Tokens, k: usize) -> usize {
    let glued_digits = |k: usize| t.glued(k) && t.kind(k) == Some(Kind::Digits);
    if !(t.is_sym(k, &[':']) && t.glued(k) && glued_digits(k + 1)) {
        return k;
    }
    let mut end = k + 2;
    if t.is_sym(end, &['-', '–']) && t.glued(end) && glued_digits(end + 1) {
        end += 2;
    }
    end
}

/// Rule `code-part`: after the number of a singular label or of a name, a hyphen and
/// digits glued on are a part of the same name ("ISO 7730-2", "Table 4-1"), not a number
/// of their own.
fn code_part(t: &Tokens, k: usize) -> usize {
    let part = t.is_sym(k, &['-', '‐'])
        && t.glued(k)
        && t.glued(k + 1)
        && t.kind(k + 1) == Some(Kind::Digits)
        && t.kind(k - 1) == Some(Kind::Digits);
    if part {
        k + 2
    } else {
        k
    }
}

/// "3A": a letter glued to a label's number names a panel or part.
fn panel_letter(t: &Tokens, k: usize) -> usize {
    let letter = t.glued(k)
        && t.kind(k) == Some(Kind::Word)
        && t.raw(k).len() <= 2
        && t.kind(k - 1) == Some(Kind::Digits);
    k + usize::from(letter)
}

/// The token after the next number of a label's list at `k` (", 5", "and 3B", "–12", ",
/// and 9"), if one follows.
fn next_list_member(t: &Tokens, k: usize) -> Option<usize> {
    if k >= t.len() || !t.same_line(k) {
        return None;
    }
    let mut j = k;
    if t.is_sym(j, &[',', '–', '-', '&']) {
        j += 1;
    }
    if j < t.len() && t.kind(j) == Some(Kind::Word) && matches!(t.lower(j), "and" | "or" | "to") {
        j += 1;
    }
    if j == k || t.kind(j) != Some(Kind::Digits) || !t.same_line(j) {
        return None;
    }
    let next = numeral_at(t, j, false).map_or(j + 1, |n| n.next);
    Some(panel_letter(t, next))
}

/// Nothing after token `k - 1` on its line but punctuation, or a preposition or
/// conjunction.
fn ends_phrase(t: &Tokens, k: usize) -> bool {
    k >= t.len()
        || !t.same_line(k)
        || t.kind(k) == Some(Kind::Sym)
        || matches!(
            t.lower(k),
            "of" | "and"
                | "or"
                | "to"
                | "in"
                | "on"
                | "at"
                | "for"
                | "from"
                | "by"
                | "with"
                | "after"
                | "before"
        )
}

/// Rule `label-then-verb`: a verb right after a label word's whole number or list ("lines
/// 4 and 9 were stained", "sample 2 shows", "on day 6 but not later") ends the label's
/// phrase as punctuation does: the number named the thing the verb is about ("the day
/// 300 people marched" still counts: a noun follows).
fn verb_after_label(t: &Tokens, k: usize) -> bool {
    k < t.len()
        && t.same_line(k)
        && matches!(
            t.lower(k),
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "but"
                | "only"
                | "show"
                | "shows"
                | "showed"
                | "exhibit"
                | "exhibits"
                | "exhibited"
        )
}

/// A capitalised word, not the first of its sentence nor a word of the tables, before a
/// number: a name with a number ("Voyager 2", "SD 1"), a label where the number ends the
/// phrase.
fn name_before_number(t: &Tokens, i: usize) -> Option<Marker> {
    let w = t.raw(i);
    let capital = w.chars().next().is_some_and(char::is_uppercase) && w.chars().count() >= 2;
    let sentence_start =
        i == 0 || t.is_sym(i - 1, &['.', '!', '?', ':', ';', '"', '“', '(', '[']) || !t.same_line(i);
    let lex = lexicon();
    let known = lex.words.contains_key(t.lower(i))
        || lex.first_words.contains(t.lower(i))
        || currency_before(t, i).is_some();
    if !capital || sentence_start || known || t.kind(i + 1) != Some(Kind::Digits) || voting_body_tally(t, i) {
        return None;
    }
    Some(if acronym_name(t, i) {
        Marker::Label
    } else {
        Marker::LabelEnd
    })
}

/// Rule `voting-body-tally`: a capitalised body that votes before two whole numbers joined
/// by a glued dash ("passed the Senate 58-41", "the Court 6-3") casts a tally; the numbers
/// are not the number of a name, as "Voyager 2" is. "Boeing 787-9" stays a name.
fn voting_body_tally(t: &Tokens, i: usize) -> bool {
    let whole = |k: usize| t.kind(k) == Some(Kind::Digits) && t.raw(k).bytes().all(|b| b.is_ascii_digit());
    super::voting_body(t.lower(i))
        && whole(i + 1)
        && t.is_sym(i + 2, &['-', '–'])
        && t.glued(i + 2)
        && t.glued(i + 3)
        && whole(i + 3)
}

/// Rule `acronym-number`: a word of capitals (two to six letters or digits, a letter first:
/// "KPX 4", "QR 702", "LT 3") before a number names a thing wherever the phrase goes on
/// ("the KPX 4 interval"). Not in a line of capitals (a headline: "STORM KILLS 12 MEN"),
/// seen from the words on either side.
fn acronym_name(t: &Tokens, i: usize) -> bool {
    let caps = |k: usize| {
        k < t.len()
            && t.kind(k) == Some(Kind::Word)
            && t.raw(k).chars().filter(char::is_ascii_uppercase).count() >= 2
            && t.raw(k)
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    let w = t.raw(i);
    let shaped = (2..=6).contains(&w.len()) && w.starts_with(|c: char| c.is_ascii_uppercase()) && caps(i);
    shaped && !(i > 0 && caps(i - 1)) && !caps(i + 2)
}

/// "[22]", "[3, 4]", "(7)", "(26,29)", "(4,35–38,44)", "{111}": whole numbers alone in
/// brackets, or a list or span of them, refer to a source, number an item or index a
/// plane; they are no amount.
/// A thousands group ("(1,200)") is an amount.
fn reference_mark(t: &Tokens, i: usize) -> Option<usize> {
    let open = i > 0 && t.is_sym(i - 1, &['[', '(', '{']) && t.glued(i);
    if !open || (t.is_sym(i - 1, &['(']) && t.glued(i - 1) && t.kind(i - 2) == Some(Kind::Word)) {
        return None;
    }
    let close = match t.raw(i - 1) {
        "[" => ']',
        "{" => '}',
        _ => ')',
    };
    let mut k = i;
    for _ in 0..16 {
        if t.kind(k) != Some(Kind::Digits) || t.raw(k).len() > 4 {
            return None;
        }
        if t.is_sym(k + 1, &[close]) {
            return Some(k + 2);
        }
        let group = t.is_sym(k + 1, &[',']) && t.glued(k + 1) && t.glued(k + 2) && t.raw(k + 2).len() == 3;
        if !t.is_sym(k + 1, &[',', '–', '-']) || group || !t.same_line(k + 2) {
            return None;
        }
        k += 2;
    }
    None
}

/// Rule `slash-code`: numbers joined by "/" with letters glued on ("22/4b-7", "15/9a")
/// name a thing (a well, a plot, a block), as codes with glued letters do; the whole
/// glued chain is skipped.
fn slash_code(t: &Tokens, i: usize) -> Option<usize> {
    let lettered = t.is_sym(i + 1, &['/'])
        && t.glued(i + 1)
        && t.glued(i + 2)
        && t.kind(i + 2) == Some(Kind::Digits)
        && t.glued(i + 3)
        && t.kind(i + 3) == Some(Kind::Word);
    // the part after the slash, when a name's label took the first number ("Core 31/6b")
    let second = i >= 2
        && t.is_sym(i - 1, &['/'])
        && t.glued(i - 1)
        && t.glued(i)
        && t.kind(i - 2) == Some(Kind::Digits)
        && t.glued(i + 1)
        && t.kind(i + 1) == Some(Kind::Word);
    if !(lettered || second) {
        return None;
    }
    let mut k = if lettered { i + 4 } else { i + 2 };
    while k < t.len() && t.glued(k) && (t.kind(k) != Some(Kind::Sym) || t.is_sym(k, &['-', '/'])) {
        k += 1;
    }
    Some(k)
}

/// "t(39)", "F(3, 8.9)", "Mg(ClO4)2": numbers that are the arguments of a function or
/// statistic written right after its name, or a subscript after a bracket.
fn arguments(t: &Tokens, i: usize) -> Option<usize> {
    let subscript = t.glued(i) && t.is_sym(i - 1, &[')', ']']);
    let call = i >= 2
        && t.glued(i)
        && t.is_sym(i - 1, &['('])
        && t.glued(i - 1)
        && t.kind(i - 2) == Some(Kind::Word);
    if !(subscript || call) {
        return None;
    }
    let mut k = numeral_at(t, i, false).map_or(i + 1, |n| n.next);
    while call && t.is_sym(k, &[',']) && t.same_line(k + 1) && t.kind(k + 1) == Some(Kind::Digits) {
        k = numeral_at(t, k + 1, false).map_or(k + 2, |n| n.next);
    }
    Some(k)
}

/// "3.1.3", "192.168.1.2": three or more digit groups joined by dots number a section, a
/// version or an address (groups of three after the first are continental thousands:
/// "1.234.567").
fn dotted_chain(t: &Tokens, i: usize) -> Option<usize> {
    let dot_digits =
        |k: usize| t.is_sym(k, &['.']) && t.glued(k) && t.kind(k + 1) == Some(Kind::Digits) && t.glued(k + 1);
    let after_chain = i >= 2 && dot_digits(i - 1) && t.kind(i - 2) == Some(Kind::Digits);
    let starts_chain = dot_digits(i + 1) && dot_digits(i + 3);
    if !(after_chain || starts_chain) {
        return None;
    }
    let mut k = i + 1;
    let mut thousands = !after_chain && t.raw(i).len() <= 3;
    while dot_digits(k) {
        thousands &= t.raw(k + 1).len() == 3;
        k += 2;
    }
    (!thousands).then_some(k)
}

/// A number glued to the letters or the hyphen of a name: "MH17", "G20", "COVID-19",
/// "F-16", "category-2", "hSOX2-23".
fn glued_code(t: &Tokens, i: usize) -> Option<usize> {
    // "magnitude-5.6": a unit written before its number is no name; nor is "to" between
    // two numbers ("252-to-175", rule `hyphened-to`)
    let to_side = i >= 4 && t.kind(i - 4) == Some(Kind::Digits) && hyphened_to(t, i - 3);
    if !t.glued(i) || to_side || units::unit_word_before(t, i).is_some() {
        return None;
    }
    let prev_word = t.kind(i - 1) == Some(Kind::Word) && !is_unit_prefix_word(t, i - 1);
    // "F-16", "ha−1" (an exponent), "hSOX2-23", "TRA-1–60": after a hyphen or minus glued
    // to a word, or to digits that are themselves glued to a word
    let hyph = i >= 2 && t.is_sym(i - 1, &['-', '‐', '−', '–']) && t.glued(i - 1);
    let word_before = |k: usize| t.kind(k) == Some(Kind::Word);
    let coded = |k: usize| {
        t.kind(k) == Some(Kind::Digits)
            && k >= 1
            && t.glued(k)
            && (word_before(k - 1)
                || (k >= 2 && t.is_sym(k - 1, &['-', '‐']) && t.glued(k - 1) && word_before(k - 2)))
    };
    let hyph_word =
        hyph && (t.is_sym(i - 1, &['-', '‐', '−']) || coded(i - 2)) && (word_before(i - 2) || coded(i - 2));
    (prev_word || hyph_word).then(|| numeral_at(t, i, false).map_or(i + 1, |n| n.next))
}

/// A word glued before digits that is a currency ("USD115"), not an identifier.
fn is_unit_prefix_word(t: &Tokens, i: usize) -> bool {
    currency_before(t, i).is_some()
}

/// A qualifier of up to the table's length at `i`, before (`after == false`) or after a number.
fn qualifier_at(t: &Tokens, i: usize, after: bool) -> Option<(Qual, usize)> {
    let lex = lexicon();
    let map = if after {
        &lex.quals_after
    } else {
        &lex.quals_before
    };
    t.longest_phrase(i, lex.qual_len, |key| map.get(key).copied())
}

/// A qualifier's words at `i` that do not qualify here: "about" after "how" or "what" (a
/// suggestion: "how about 20?"), and a comparison sign glued after another one it makes
/// no table entry with ("<>30" is "not equal", "=>30" no comparison we read).
fn not_a_qualifier(t: &Tokens, i: usize) -> bool {
    let suggestion = t.is_word(i, "about") && i > 0 && matches!(t.lower(i - 1), "how" | "what");
    let operator = t.kind(i) == Some(Kind::Sym) && t.glued(i) && t.is_sym(i - 1, &['<', '>', '=']);
    suggestion || operator
}

/// Rule `stacked-qualifier`: a second qualifier right after a first one, before the number
/// ("above ~500 K", "within <0.5 m", "less than ∼10 times", "over more than 20 rounds"):
/// both words are the quantity's (the guideline spans every modifier contiguous with the
/// value). The bound is the inner one unless the inner one only says "about", which a
/// bound before it outranks ("above ~500 K" is more than 500 K).
fn stacked_qualifier(t: &Tokens, k: usize) -> Option<(Qual, usize)> {
    if k >= t.len() || !t.same_line(k) || not_a_qualifier(t, k) {
        return None;
    }
    qualifier_at(t, k, false)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Starter {
    Between,
    From,
}

/// What was read before the number.
struct Lead {
    start: usize,
    qual: Option<Qual>,
    starter: Option<Starter>,
    currency: Option<Found>,
    age: bool,
    next: usize,
}

fn lead_at(t: &Tokens, i: usize) -> Lead {
    let mut lead = Lead {
        start: t.toks[i].start,
        qual: None,
        starter: None,
        currency: None,
        age: false,
        next: i,
    };
    let mut k = i;
    if t.is_word(k, "between") {
        lead.starter = Some(Starter::Between);
        k += 1;
    } else if t.is_word(k, "from") {
        lead.starter = Some(Starter::From);
        k += 1;
    } else if marker_at(t, k, 1) == Some(Marker::AgeBefore) {
        lead.age = true;
        k += 1;
        // Rule `age-span-words`: "aged between 19 and 23", "aged from 18 to 24": the span's
        // first word between the age word and its first number.
        if t.is_word(k, "between") || t.is_word(k, "from") {
            k += 1;
        }
    } else if let Some((q, next)) = qualifier_at(t, k, false).filter(|_| !not_a_qualifier(t, k)) {
        lead.qual = Some(q);
        k = next;
        if let Some((inner, next)) = stacked_qualifier(t, k) {
            lead.qual = Some(match inner {
                Qual::Is(Qualifier::About | Qualifier::Nearly) => q,
                _ => inner,
            });
            k = next;
        }
    }
    if let Some(c) = currency_before(t, k).or_else(|| units::currency_word_before(t, k)) {
        k = c.next;
        lead.currency = Some(c);
    }
    lead.next = k;
    lead
}

/// The first number of a quantity at `i` with what precedes it.
fn quantity_at(t: &Tokens, i: usize) -> Option<(Quantity, usize)> {
    let mut lead = lead_at(t, i);
    let money = lead.currency.is_some();
    let n = numeral_at(t, lead.next, money)?;
    if n.first != i && lead.qual.is_none() && lead.starter.is_none() && !lead.age && lead.currency.is_none() {
        return None;
    }
    if n.first != i && clock_time(t, n.first).is_some() {
        return None;
    }
    if n.form == Form::Ordinal {
        return Some((simple(t, &n, QuantityKind::Ordinal), n.next));
    }
    if is_pronoun_one(t, &n) {
        return None;
    }
    let mut body = Body::read(t, &n, lead.currency.take());
    if lead.age || body.age {
        let mut q = age(t, &n, &lead, &body);
        let second = lead
            .age
            .then(|| range_after(t, &body, &["to", "-", "–", "and"], false))
            .flatten();
        let (mut q, next) = match second {
            Some(second) => (age_range(t, q, &second), second.next),
            None => {
                q.span.end = q.span.end.max(q.number.end);
                (q, body.next)
            }
        };
        if lead.next == i {
            before_bound(t, i, &mut q);
        }
        return Some((q, next));
    }
    if names_a_thing(t, &body) {
        return None;
    }
    if let Some(whole) = ratio_after(t, &body) {
        body.n.value /= whole.value;
        body.n.next = whole.next;
        body.n.digits_only = false;
        body.next = whole.next;
    }
    if let Some(second) = colon_ratio(t, &body) {
        body.n.value /= second.value;
        body.n.next = second.next;
        body.n.digits_only = false;
        body.next = second.next;
    }
    let range = match lead.starter {
        Some(Starter::Between) => range_after(t, &body, &["and", "-", "–", "to"], true),
        Some(Starter::From) => range_after(t, &body, &["to", "-", "–", "through", "until", "till"], false),
        None if change_level::change_then_level(t, i, body.next, body.is_money()) => None,
        None => range_after(t, &body, &["to", "-", "–", "—", "~", "through", "thru"], false),
    };
    if range.is_none() && lead.starter != Some(Starter::Between) {
        body.cents(t);
    }
    let start = if lead.starter.is_some() && range.is_none() {
        body.number_start(t)
    } else {
        lead.start
    };
    let mut q = match range {
        Some(second) => body.range(t, second, start),
        None => body.single(t, start, lead.qual),
    };
    let mut next = body.next.max(q_next(t, &q, body.next));
    next = minutes_and_seconds(t, &mut q, next);
    next = power_apart(t, &mut q, next);
    next = suffix(t, &mut q, next);
    next = power_apart(t, &mut q, next);
    unit_before_number(t, n.first, &mut q);
    if lead.next == i && lead.starter.is_none() {
        before_bound(t, i, &mut q);
    }
    Some((q, next))
}

/// Rule `unit_word_before` (`units::unit_word_before`): a number with no unit after it
/// takes a word unit written right before it ("magnitude 6.1"); the span starts there.
fn unit_before_number(t: &Tokens, first: usize, q: &mut Quantity) {
    if q.unit.is_some() || !matches!(q.kind, QuantityKind::Number | QuantityKind::Range) {
        return;
    }
    let Some(u) = units::unit_word_before(t, first) else {
        return;
    };
    q.span.start = q.span.start.min(u.span.start);
    q.kind = kind_of(Some(u.dimension), false);
    q.unit = Some(u);
}

/// Words that make a duration or a temperature right after them an upper bound
/// (`before_bound`).
const BOUND_BEFORE_WORDS: &str = include_str!("data/bound-before-words.txt");

/// Rule `before-bound`: "before" right before a duration or a temperature ("diagnosed
/// before 9 months", "melts before 1200 °C") bounds it from above as "under" does: the
/// word is part of the quantity (the guideline spans contiguous modifiers) and the value
/// an open upper bound. Counts and money after "before" ("played before 40,000 fans")
/// are left as they are.
fn before_bound(t: &Tokens, i: usize, q: &mut Quantity) {
    let timed = q
        .unit
        .as_ref()
        .is_some_and(|u| matches!(u.dimension, Dimension::Time | Dimension::Temperature));
    let Some(v) = q.value else { return };
    let word = i > 0
        && t.same_line(i)
        && t.kind(i - 1) == Some(Kind::Word)
        && word_set!(BOUND_BEFORE_WORDS).contains(t.lower(i - 1));
    if !word || !timed || q.qualifier.is_some() || q.low.is_some() || q.high.is_some() {
        return;
    }
    q.span.start = t.toks[i - 1].start;
    q.qualifier = Some(Qualifier::LessThan);
    (q.low, q.high) = bounds_of(Qualifier::LessThan, v);
}

/// Rule `power-apart`: a power of ten written apart from a value with no unit, after its
/// bracket or in one of its own ("(0.3–0.6)×10−9 m", "2.1–4.4 (×10−3) g"), scales the
/// value or both ends; the unit after the power is the quantity's, and the span takes in
/// the brackets.
fn power_apart(t: &Tokens, q: &mut Quantity, next: usize) -> usize {
    if q.unit.is_some() || next >= t.len() || !t.same_line(next) {
        return next;
    }
    let first = t.toks.partition_point(|tok| tok.start < q.number.start);
    let opened = first > 0 && t.is_sym(first - 1, &['(']) && t.glued(first);
    let (e, mut k) = if opened && t.is_sym(next, &[')']) && t.glued(next) && t.glued(next + 1) {
        match digits::power_of_ten_at(t, next + 1) {
            Some(p) => p,
            None => return next,
        }
    } else if t.is_sym(next, &['(']) && t.glued(next + 1) {
        match digits::power_of_ten_at(t, next + 1) {
            Some((e, k)) if t.is_sym(k, &[')']) && t.glued(k) => (e, k + 1),
            _ => return next,
        }
    } else {
        return next;
    };
    let scale = 10f64.powi(e);
    q.value = q.value.map(|v| v * scale);
    for b in [&mut q.low, &mut q.high].into_iter().flatten() {
        b.value *= scale;
    }
    if opened && t.toks[first - 1].start < q.span.start {
        q.span.start = t.toks[first - 1].start;
    }
    if let Some(u) = unit_after(t, k) {
        let ranged = q.low.is_some() || q.high.is_some();
        q.kind = kind_of(Some(u.unit.dimension), ranged);
        k = u.next;
        q.unit = Some(u.unit);
    }
    q.span.end = t.toks[k - 1].end;
    k
}

/// Rule `degrees-minutes-seconds`: minutes and seconds of arc glued after degrees
/// ("51°30′N", "12°4’33.5”E", "40° 26' 46\"") are one angle in degrees (51.5), the
/// compass letter after them included.
fn minutes_and_seconds(t: &Tokens, q: &mut Quantity, next: usize) -> usize {
    const MINUTE: [char; 3] = ['′', '’', '\''];
    const SECOND: [char; 3] = ['″', '”', '"'];
    let degrees = q.unit.as_ref().is_some_and(|u| u.name == "degree") && q.low.is_none() && q.high.is_none();
    let Some(value) = q.value.filter(|_| degrees) else {
        return next;
    };
    let close = |k: usize| t.one_space(k) || t.glued(k);
    let part = |k: usize, marks: &[char]| -> Option<(f64, usize)> {
        if !(close(k) && t.kind(k) == Some(Kind::Digits) && t.same_line(k)) {
            return None;
        }
        let n = numeral_at(t, k, false)?;
        (n.digits_only && n.value < 60.0 && t.is_sym(n.next, marks) && t.glued(n.next))
            .then_some((n.value, n.next + 1))
    };
    let Some((minutes, mut k)) = part(next, &MINUTE) else {
        return next;
    };
    let mut angle = value + minutes / 60.0;
    if let Some((seconds, after)) = part(k, &SECOND) {
        angle += seconds / 3600.0;
        k = after;
    }
    if t.glued(k) && t.kind(k) == Some(Kind::Word) && matches!(t.raw(k), "N" | "S" | "E" | "W") {
        k += 1;
    }
    q.value = Some(angle);
    q.span.end = t.toks[k - 1].end;
    q.number.end = q.span.end;
    k
}

/// A number that names rather than counts, seen from what follows it: letters glued on
/// that are no unit ("3D", "16S", "10a", "2006b", "5G"), a decade ("the 1990s", "in her
/// 40s"), or "=" after a bare number, which defines what the number stands for ("1 = once
/// a week").
fn names_a_thing(t: &Tokens, body: &Body) -> bool {
    let k = body.n.next;
    let ends_in_digits = k > 0 && t.kind(k - 1) == Some(Kind::Digits);
    let glued_letters = ends_in_digits
        && t.glued(k)
        && t.kind(k) == Some(Kind::Word)
        && body.unit().is_none()
        && !currency_shaped(t, k);
    let decade = ends_in_digits
        && body
            .unit
            .as_ref()
            .is_some_and(|u| u.name == "s" && u.span.start == t.toks[k - 1].end)
        && t.raw(k - 1).ends_with('0')
        && matches!(t.raw(k - 1).len(), 2 | 4)
        && body.n.value >= 20.0;
    let defined = body.unit().is_none() && t.is_sym(body.next, &['=']) && t.same_line(body.next);
    glued_letters || decade || defined || dimensions_named(t, body)
}

/// Rule `n-dimensional`: "two-dimensional", "3-dimensional", "3D", "3DTV": a number of
/// dimensions names a kind of thing, not a count (a capital "D" glued after 2, 3 or 4 is
/// not read as a currency code, as "42MYR" is).
fn dimensions_named(t: &Tokens, body: &Body) -> bool {
    let k = body.n.next;
    if body.unit().is_some() || k >= t.len() || !t.glued(k) {
        return false;
    }
    let hyphened = t.is_sym(k, &['-', '‐']) && t.glued(k + 1) && t.is_word(k + 1, "dimensional");
    let glued_d = t.kind(k) == Some(Kind::Word)
        && t.raw(k).starts_with('D')
        && t.raw(k).chars().all(|c| c.is_ascii_uppercase())
        && matches!(t.raw(k - 1), "2" | "3" | "4");
    hyphened || glued_d
}

/// Rule `cents-then`: spoken cents ([`Body::cents`]) followed by a comparative that ends
/// the phrase, after an amount whose currency is written in letters after it with no
/// "and" between: "15 dollars 50 more.", "9 EUR 25 extra," (cents of two digits, as
/// speech says them; the comparative stays outside the amount). Not "$5 20 more riders",
/// "5 dollars 2 more than it was", nor after "and" ("100 dollars and 2 or 3 years", "$40
/// and 15 more"), where the second number counts something of its own. This function
/// reads the word after the cents (token `k`); [`Body::cents`] asks for the rest (no
/// "and", two digits, the currency in letters).
fn cents_then(t: &Tokens, k: usize) -> bool {
    // a symbol token may be a full-width digit, which is no punctuation
    let ends = k + 1 >= t.len()
        || !t.same_line(k + 1)
        || (t.kind(k + 1) == Some(Kind::Sym) && !t.raw(k + 1).starts_with(char::is_alphanumeric));
    matches!(t.lower(k), "more" | "less" | "extra") && ends
}

/// Rule `sign-of-next-amount`: a currency sign with no letters in it ("$", "€") standing
/// between two numbers on a line belongs to the second, as English writes the sign before
/// the amount, where the sign is glued to it ("2 $5 tickets" are two tickets of five
/// dollars) or the same currency is named after the second amount, in words or as a code
/// ("1 $ 10 dollars bill"). Spaced on both sides it stays after the first ("10 $ 30 cent" is 10.30), and
/// a code spelled with letters keeps its place after the amount ("15 USD 50").
fn sign_of_next_amount(t: &Tokens, u: &Found) -> bool {
    let span = &t.text[u.unit.span.start..u.unit.span.end];
    let sign = u.unit.dimension == Dimension::Currency && !span.chars().any(char::is_alphabetic);
    let k = u.next;
    if !sign || k >= t.len() || !t.same_line(k) || t.kind(k) != Some(Kind::Digits) {
        return false;
    }
    let named_again = || {
        numeral_at(t, k, false)
            .and_then(|n| unit_after(t, n.next))
            .is_some_and(|w| w.unit.name == u.unit.name && t.kind(w.next - 1) == Some(Kind::Word))
    };
    t.glued(k) || (t.one_space(k) && named_again())
}

/// Two or three capitals ("42MYR", "10RM") or a currency sign spelled with letters
/// ("3.14US$") glued after a number: an amount in a currency the unit table may lack,
/// more often than a code.
fn currency_shaped(t: &Tokens, k: usize) -> bool {
    let w = t.raw(k);
    let capitals = (2..=3).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase());
    capitals || currency_before(t, k).is_some()
}

/// The whole of a share written as a count out of a whole: "one in five", "3 out of 4",
/// "one over three" (the whole after the first number, with no unit on either). "in" and
/// "out of" need the whole to be at least the count and not a year ("1 in 2016"); "over",
/// which is also "more than", only where nothing follows the whole on its line but
/// punctuation ("scored 70 over 50 games" is no share).
fn ratio_after(t: &Tokens, body: &Body) -> Option<Numeral> {
    if body.unit().is_some() || body.n.form != Form::Cardinal {
        return None;
    }
    let j = body.next;
    if !t.same_line(j) {
        return None;
    }
    let (k, over) = match (hyphened_share(t, j), t.lower(j)) {
        (Some(k), _) => (k, false),
        (None, "in") => (j + 1, false),
        (None, "out") if t.is_word(j + 1, "of") => (j + 2, false),
        (None, "over") => (j + 1, true),
        _ => return None,
    };
    if k >= t.len() || !t.same_line(k) {
        return None;
    }
    let whole = numeral_at(t, k, false)?;
    let year = whole.digits_only && t.raw(k).len() == 4 && (1000.0..=2100.0).contains(&whole.value);
    let ends = whole.next >= t.len() || !t.same_line(whole.next) || t.kind(whole.next) != Some(Kind::Word);
    let fits = if over {
        ends
    } else {
        body.n.value <= whole.value && !year
    };
    let ok = whole.form == Form::Cardinal
        && whole.value > 0.0
        && fits
        && age_after(t, whole.next).is_none()
        && unit_after(t, whole.next).is_none();
    ok.then_some(whole)
}

/// Rule `hyphened-share`: a share written as one hyphened word ("a one-in-three chance",
/// "a 1-in-100-year flood"), `j` the first hyphen: "in" or "out-of" between glued hyphens,
/// and the token of the whole, which is returned, glued after the last.
fn hyphened_share(t: &Tokens, j: usize) -> Option<usize> {
    let hyphen = |k: usize| t.is_sym(k, &['-', '‐']) && t.glued(k) && t.glued(k + 1);
    if !hyphen(j) {
        return None;
    }
    let k = if t.is_word(j + 1, "in") {
        j + 2
    } else if t.is_word(j + 1, "out") && hyphen(j + 2) && t.is_word(j + 3, "of") {
        j + 4
    } else {
        return None;
    };
    hyphen(k).then_some(k + 1)
}

/// Rule `colon-ratio`: two whole numbers glued by a colon ("a 1:3 mix", "diluted 1:60",
/// "93:7") are one ratio, the first over the second. Not a clock time: a second part of
/// exactly two digits up to 59 after a first part up to 24 ("05:28", "10:30") is left to
/// the time reader, and so is a chain of three ("01:25:40").
fn colon_ratio(t: &Tokens, body: &Body) -> Option<Numeral> {
    let k = body.n.next;
    let digits_before = body.n.digits_only && body.unit().is_none() && body.next == k;
    if !digits_before
        || !t.is_sym(k, &[':'])
        || !t.glued(k)
        || !t.glued(k + 1)
        || t.kind(k + 1) != Some(Kind::Digits)
    {
        return None;
    }
    let second = numeral_at(t, k + 1, false)?;
    let whole = |v: f64| v.fract() == 0.0 && v > 0.0;
    let chain = t.is_sym(second.next, &[':']) && t.glued(second.next);
    let raw = t.raw(k + 1);
    let clock = raw.len() == 2 && second.value <= 59.0 && body.n.value <= 24.0 && !one_to_n(t, body.n.first);
    let ok = second.digits_only
        && second.next == k + 2
        && whole(second.value)
        && whole(body.n.value)
        && !chain
        && !clock;
    ok.then_some(second)
}

/// An age: "five years old", "a 34-year-old", "aged 61", "more than 30 years old" (the
/// unit says years, months, weeks or days; a comparison keeps its bound).
fn age(t: &Tokens, n: &Numeral, lead: &Lead, body: &Body) -> Quantity {
    let mut q = simple(t, n, QuantityKind::Age);
    let (unit_first, unit_next) = if lead.age {
        (n.next, n.next)
    } else {
        (n.next, body.next)
    };
    let name = (unit_first..unit_next)
        .map(|k| t.lower(k))
        .find_map(|w| {
            ["year", "month", "week", "day"]
                .into_iter()
                .find(|u| w.starts_with(u))
        })
        .unwrap_or("year");
    let unit_span = if unit_next > unit_first {
        span_of(t, unit_first, unit_next)
    } else {
        Span::new(q.number.end, q.number.end)
    };
    q.unit = Some(Unit {
        name: name.to_string(),
        dimension: Dimension::Time,
        span: unit_span,
    });
    if let Some(Qual::Is(qual)) = lead.qual {
        q.qualifier = Some(qual);
        (q.low, q.high) = bounds_of(qual, n.value);
    }
    // Rule `age-word-apart`: "aged", "age" before the number names what is measured (the
    // guideline's property, as "height" in "a height of 3 m"); the quantity is the value.
    let start = if lead.age {
        q.span.start
    } else {
        lead.start.min(q.span.start)
    };
    q.span = Span::new(start, t.toks[body.next - 1].end);
    q
}

/// "aged 35 to 55": an age given as a span of two.
fn age_range(t: &Tokens, mut q: Quantity, second: &Body) -> Quantity {
    let low = q.value.unwrap_or(second.n.value);
    let bound = |value| {
        Some(Bound {
            value,
            inclusive: true,
        })
    };
    (q.low, q.high) = (bound(low), bound(second.n.value));
    q.value = None;
    q.qualifier = Some(Qualifier::Between);
    q.number.end = t.toks[second.n.next - 1].end;
    q.span.end = second.end(t).max(q.number.end);
    q
}

/// The token after the quantity's span.
fn q_next(t: &Tokens, q: &Quantity, from: usize) -> usize {
    from + t.toks[from.min(t.len())..].partition_point(|tok| tok.start < q.span.end)
}

/// "the one", "which one", "one of the …": a pronoun.
fn is_pronoun_one(t: &Tokens, n: &Numeral) -> bool {
    if n.next != n.first + 1
        || !t.is_word(n.first, "one")
        || share_of(t, n.first + 1)
        || only_one_of(t, n.first)
    {
        return false;
    }
    let before = n.first > 0
        && matches!(
            t.lower(n.first - 1),
            "the"
                | "this"
                | "that"
                | "which"
                | "each"
                | "every"
                | "any"
                | "no"
                | "another"
                | "what"
                | "whichever"
                | "a"
                | "only"
                | "last"
                | "next"
                | "little"
                | "such"
        );
    before
        || t.is_word(n.first + 1, "of")
        || t.is_sym(n.first + 1, &['\'', '’'])
        || pronoun_after(t, n.first + 1)
        || one_of_those_named(t, n.first)
        || determiner_and_adjective(t, n.first)
        || (n.first >= 2 && t.is_word(n.first - 1, "but") && matches!(t.lower(n.first - 2), "last" | "next"))
}

/// Rule `only_one_of`: "only one of the four reactors", "just one of its six turbines"
/// counts one of a whole (the guidelines' own example); "the only one of them" (a
/// determiner before "only") is the pronoun. Told by the lower-case words around "one":
/// two before, one before and one after (the figures stage asks the same of its tokens).
pub(in crate::claims) fn only_one_of_words(
    two_before: Option<&str>,
    before: Option<&str>,
    after: Option<&str>,
) -> bool {
    matches!(before, Some("only" | "just"))
        && after == Some("of")
        && two_before.is_none_or(|w| !crate::quotes::is_determiner(w))
}

/// [`only_one_of_words`] at "one", token `k`.
fn only_one_of(t: &Tokens, k: usize) -> bool {
    let word = |j: usize| (j < t.len() && t.kind(j) == Some(Kind::Word)).then(|| t.lower(j));
    k >= 1 && only_one_of_words(k.checked_sub(2).and_then(word), word(k - 1), word(k + 1))
}

/// "one in five", "one out of eight": a share whatever comes before "one" ("a poll
/// showed that one in five …"), with a number in digits or words after "in" / "out of".
fn share_of(t: &Tokens, k: usize) -> bool {
    let at = if let Some(at) = hyphened_share(t, k) {
        at
    } else if t.is_word(k, "in") {
        k + 1
    } else if t.is_word(k, "out") && t.is_word(k + 1, "of") {
        k + 2
    } else {
        return false;
    };
    // A whole in digits that is no year ("the one in 2015"), or a cardinal in words (not
    // "second", "half")
    let digits = t.kind(at) == Some(Kind::Digits) && !matches!(t.lower(at).parse::<u32>(), Ok(1000..=2999));
    let word = lexicon().words.get(t.lower(at)).is_some_and(|w| {
        matches!(w, WordClass::Unit(v) | WordClass::Teen(v) | WordClass::Tens(v) if *v >= 2.0)
            || matches!(w, WordClass::Hundred | WordClass::Scale(_))
    });
    at < t.len() && t.same_line(at) && (digits || word)
}

/// Rule `one-of-those-named`: "one" that picks one of things just named, told by what
/// follows it: a relative word ("two plans, one where …", "one which failed") or, after a
/// comma, dash or colon, "with" ("three runs: one with a heater, one without").
fn one_of_those_named(t: &Tokens, i: usize) -> bool {
    let k = i + 1;
    if k >= t.len() || !t.same_line(k) || t.kind(k) != Some(Kind::Word) {
        return false;
    }
    let relative = matches!(t.lower(k), "where" | "which" | "who" | "whose" | "whom");
    let set_before = i > 0 && t.is_sym(i - 1, &[',', '—', '–', ':', ';']);
    relative || (set_before && t.lower(k) == "with")
}

/// "one another", "one would think": the reciprocal and the generic pronoun.
fn pronoun_after(t: &Tokens, k: usize) -> bool {
    k < t.len()
        && t.same_line(k)
        && matches!(
            t.lower(k),
            "another" | "would" | "could" | "should" | "might" | "must" | "may" | "ought"
        )
}

/// "the previous one", "a smaller one": a determiner and one word before "one", the word
/// no number word nor qualifier ("an estimated one in five" counts), and no unit after
/// ("the top one percent").
fn determiner_and_adjective(t: &Tokens, i: usize) -> bool {
    if i < 2 || t.kind(i - 1) != Some(Kind::Word) || !t.same_line(i) || !t.same_line(i - 1) {
        return false;
    }
    let det = matches!(
        t.lower(i - 2),
        "the"
            | "this"
            | "that"
            | "a"
            | "an"
            | "each"
            | "every"
            | "any"
            | "another"
            | "which"
            | "my"
            | "your"
            | "his"
            | "her"
            | "its"
            | "our"
            | "their"
    );
    let qualifier_ends_here = |k: usize| qualifier_at(t, k, false).is_some_and(|(_, end)| end == i);
    let adjective = !lexicon().words.contains_key(t.lower(i - 1))
        && !qualifier_ends_here(i - 1)
        && !qualifier_ends_here(i - 2);
    let counts_on = i + 1 < t.len() && matches!(t.lower(i + 1), "in" | "out" | "over");
    det && adjective && !counts_on && unit_after(t, i + 1).is_none()
}

fn span_of(t: &Tokens, first: usize, next: usize) -> Span {
    Span::new(t.toks[first].start, t.toks[next - 1].end)
}

fn simple(t: &Tokens, n: &Numeral, kind: QuantityKind) -> Quantity {
    let span = span_of(t, n.first, n.next);
    Quantity {
        span,
        number: span,
        kind,
        value: Some(n.value),
        low: None,
        high: None,
        qualifier: None,
        unit: None,
        list: None,
    }
}

/// A number with its unit (and currency), as read so far.
struct Body {
    n: Numeral,
    currency: Option<Unit>,
    unit: Option<Unit>,
    next: usize,
    age: bool,
}

impl Body {
    /// Whether it is a sum of money: a currency before it ("£310") or after it ("12,000
    /// yuan").
    fn is_money(&self) -> bool {
        self.currency.is_some()
            || self
                .unit
                .as_ref()
                .is_some_and(|u| u.dimension == Dimension::Currency)
    }

    fn read(t: &Tokens, n: &Numeral, currency: Option<Found>) -> Body {
        let mut body = Body {
            n: *n,
            currency: None,
            unit: None,
            next: n.next,
            age: false,
        };
        if let Some(c) = currency {
            body.scale_by(c.scale);
            body.currency = Some(c.unit);
        }
        if let Some(next) = age_after(t, n.next) {
            body.age = true;
            body.next = next;
            return body;
        }
        body.hyphened_scale(t);
        let mut k = body.next;
        // "millions of dollars"
        if matches!(n.form, Form::Vague { .. }) && t.is_word(k, "of") {
            if let Some(u) = unit_after(t, k + 1) {
                if u.unit.dimension == Dimension::Currency {
                    k += 1;
                }
            }
        }
        k = fraction_of_unit(t, n, body.currency.is_some(), k);
        if let Some(u) = unit_after(t, k).filter(|u| !sign_of_next_amount(t, u)) {
            let is_word = t.kind(k).is_some_and(|kk| kk == Kind::Word)
                && !t.raw(k).chars().all(|c| c.is_ascii_uppercase());
            // "$10 dollars": the same currency written twice
            let same = body.currency.as_ref().is_some_and(|c| c.name == u.unit.name);
            let redundant = same && is_word;
            let ok = body.currency.is_none() || redundant;
            if ok {
                body.scale_by(u.scale);
                if !redundant {
                    body.unit = Some(u.unit);
                }
                body.next = u.next;
                body.scale_after_currency(t);
            }
        }
        body
    }

    /// Multiplies the number by a scale its unit carries ("30 MUSD").
    fn scale_by(&mut self, scale: f64) {
        if scale != 1.0 {
            self.n.value *= scale;
            self.n.scale = self.n.scale.max(scale);
        }
    }

    /// Rule `hyphened-scale`: a scale word joined to digits by a glued hyphen, as a
    /// compound modifier writes it ("a 1.9-billion-kilometre trip", "a 3-million-strong
    /// crowd"), scales them; a unit may follow after another hyphen. Only after digits
    /// with no scale of their own (a number in words reads its scale itself).
    fn hyphened_scale(&mut self, t: &Tokens) {
        let k = self.next;
        if !self.n.digits_only
            || self.n.scale != 1.0
            || !t.is_sym(k, &['-', '‐'])
            || !t.glued(k)
            || !t.glued(k + 1)
        {
            return;
        }
        if let Some(&WordClass::Scale(s)) = lexicon().words.get(t.lower(k + 1)) {
            self.scale_by(s);
            self.next = k + 2;
            self.n.next = k + 2;
        }
    }

    /// "75 USD million": a scale word after a currency written after the number.
    fn scale_after_currency(&mut self, t: &Tokens) {
        let k = self.next;
        let currency = self
            .unit
            .as_ref()
            .is_some_and(|u| u.dimension == Dimension::Currency);
        if !currency || k >= t.len() || !t.same_line(k) || t.kind(k) != Some(Kind::Word) {
            return;
        }
        if let Some(&WordClass::Scale(s)) = lexicon().words.get(t.lower(k)) {
            if self.n.scale == 1.0 {
                self.scale_by(s);
                self.next = k + 1;
                self.n.next = k + 1;
            }
        }
    }

    /// "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50.":
    /// a whole amount of a currency, then ("and") a whole number under a hundred that
    /// names its cents or pence (or ends the phrase), is one amount.
    fn cents(&mut self, t: &Tokens) {
        let whole = self.n.value.fract() == 0.0 && self.n.scale == 1.0;
        let sub = |u: &Unit| matches!(u.name.as_str(), "cent" | "penny");
        let money = self
            .unit()
            .is_some_and(|u| u.dimension == Dimension::Currency && !sub(u));
        if !whole || !money {
            return;
        }
        let mut k = self.next;
        let and = k < t.len() && t.same_line(k) && t.is_word(k, "and");
        if and {
            k += 1;
        }
        if k >= t.len() || !t.same_line(k) {
            return;
        }
        let Some(c) = numeral_at(t, k, false) else { return };
        if self.tenths(t, &c) {
            return;
        }
        if c.form != Form::Cardinal
            || c.value.fract() != 0.0
            || !(1.0..100.0).contains(&c.value)
            || c.scale != 1.0
        {
            return;
        }
        let end = match unit_after(t, c.next) {
            Some(u) if sub(&u.unit) => u.next,
            Some(_) => return,
            None if c.next >= t.len() || !t.same_line(c.next) || t.kind(c.next) != Some(Kind::Word) => c.next,
            None if !and && c.value >= 10.0 && cents_then(t, c.next) && self.currency_in_letters(t) => c.next,
            None => return,
        };
        self.n.value += c.value / 100.0;
        self.n.digits_only = false;
        self.next = end;
        self.n.next = end;
    }

    /// Rule `kuai-mao-fen`: a whole amount of yuan, then ("and") a digit of tenths named
    /// by "mao" or "jiao", then optionally a digit of hundredths ("fen", or a bare digit
    /// that ends the phrase): "three kuai five mao" is 3.50 yuan, "one yuan and two jiao
    /// five" 1.25. The tenths' words are read only here, after an amount of yuan, so
    /// that no other "mao" or "fen" is ever a currency. `c` is the numeral after the
    /// whole amount; true when it was read as tenths.
    fn tenths(&mut self, t: &Tokens, c: &Numeral) -> bool {
        let digit = |n: &Numeral| {
            n.form == Form::Cardinal
                && n.scale == 1.0
                && n.value.fract() == 0.0
                && (1.0..10.0).contains(&n.value)
        };
        let yuan = self.unit().is_some_and(|u| u.name == "CNY");
        let named =
            |k: usize, words: &[&str]| k < t.len() && t.same_line(k) && words.iter().any(|w| t.is_word(k, w));
        if !yuan || !digit(c) || !named(c.next, &["mao", "jiao"]) {
            return false;
        }
        self.n.value += c.value / 10.0;
        let mut end = c.next + 1;
        if let Some(f) = (end < t.len() && t.same_line(end))
            .then(|| numeral_at(t, end, false))
            .flatten()
            .filter(digit)
        {
            let ends = f.next >= t.len() || !t.same_line(f.next) || t.kind(f.next) != Some(Kind::Word);
            if named(f.next, &["fen"]) {
                self.n.value += f.value / 100.0;
                end = f.next + 1;
            } else if ends {
                self.n.value += f.value / 100.0;
                end = f.next;
            }
        }
        self.n.digits_only = false;
        self.next = end;
        self.n.next = end;
        true
    }

    fn unit(&self) -> Option<&Unit> {
        self.currency.as_ref().or(self.unit.as_ref())
    }

    /// Whether the currency is written in letters after the amount ("dollars", "EUR"),
    /// not as a sign before it.
    fn currency_in_letters(&self, t: &Tokens) -> bool {
        self.currency.is_none()
            && self.unit.as_ref().is_some_and(|u| {
                t.text[u.span.start..u.span.end]
                    .chars()
                    .all(|ch| ch.is_alphabetic() || ch == ' ')
            })
    }

    fn number_start(&self, t: &Tokens) -> usize {
        match &self.currency {
            Some(c) => c.span.start.min(t.toks[self.n.first].start),
            None => t.toks[self.n.first].start,
        }
    }

    fn end(&self, t: &Tokens) -> usize {
        t.toks[self.next - 1].end
    }

    fn kind(&self, ranged: bool) -> QuantityKind {
        kind_of(self.unit().map(|u| u.dimension), ranged)
    }

    fn single(&self, t: &Tokens, start: usize, qual: Option<Qual>) -> Quantity {
        let v = self.n.value;
        let (mut low, mut high, mut value, mut qualifier) = (None, None, Some(v), None);
        if let Form::Vague { low: lo, high: hi } = self.n.form {
            low = Some(Bound {
                value: lo,
                inclusive: true,
            });
            high = Some(Bound {
                value: hi,
                inclusive: false,
            });
            value = None;
            qualifier = Some(Qualifier::Vague);
        }
        match qual {
            Some(Qual::Is(q)) => {
                qualifier = Some(q);
                let (l, h) = bounds_of(q, v);
                if l.is_some() || h.is_some() {
                    low = l;
                    high = h;
                }
            }
            Some(Qual::Equal) => {
                low = Some(Bound {
                    value: v,
                    inclusive: true,
                });
                high = low;
            }
            _ => {}
        }
        let ranged = low.is_some() || high.is_some();
        let kind = if matches!(self.n.form, Form::Vague { .. }) && self.unit().is_none() {
            QuantityKind::Number
        } else {
            self.kind(ranged)
        };
        let number = span_of(t, self.n.first, self.n.next);
        Quantity {
            span: Span::new(start.min(number.start), self.end(t).max(number.end)),
            number,
            kind,
            value,
            low,
            high,
            qualifier,
            unit: self.unit().cloned(),
            list: None,
        }
    }

    fn range(&self, t: &Tokens, second: Body, start: usize) -> Quantity {
        let mut v1 = self.n.value;
        let v2 = second.n.value;
        if self.n.scale == 1.0 && second.n.scale > 1.0 && v1 * second.n.scale <= v2 {
            v1 *= second.n.scale;
        }
        let unit = self.unit().or(second.unit()).cloned();
        let number = Span::new(t.toks[self.n.first].start, t.toks[second.n.next - 1].end);
        let first_body = Body {
            unit: unit.clone(),
            currency: None,
            ..*self
        };
        Quantity {
            span: Span::new(start, second.end(t).max(number.end)),
            number,
            kind: first_body.kind(true),
            value: None,
            low: Some(Bound {
                value: v1.min(v2),
                inclusive: true,
            }),
            high: Some(Bound {
                value: v1.max(v2),
                inclusive: true,
            }),
            qualifier: Some(Qualifier::Between),
            unit,
            list: None,
        }
    }
}

impl Clone for Body {
    fn clone(&self) -> Self {
        Body {
            n: self.n,
            currency: self.currency.clone(),
            unit: self.unit.clone(),
            next: self.next,
            age: self.age,
        }
    }
}

/// The kind a unit's dimension gives (see the module docs).
fn kind_of(dimension: Option<Dimension>, ranged: bool) -> QuantityKind {
    match dimension {
        Some(Dimension::Percent) => QuantityKind::Percent,
        Some(Dimension::Currency) => QuantityKind::Money,
        Some(Dimension::Time) => QuantityKind::Number,
        Some(_) => QuantityKind::Measure,
        None if ranged => QuantityKind::Range,
        None => QuantityKind::Number,
    }
}

fn bounds_of(q: Qualifier, v: f64) -> (Option<Bound>, Option<Bound>) {
    let b = |inclusive| Some(Bound { value: v, inclusive });
    match q {
        Qualifier::MoreThan => (b(false), None),
        Qualifier::AtLeast => (b(true), None),
        Qualifier::LessThan => (None, b(false)),
        Qualifier::AtMost | Qualifier::UpTo => (None, b(true)),
        _ => (None, None),
    }
}

/// "years old", "-year-old", "years of age" after a number of years/months/weeks/days.
fn age_after(t: &Tokens, k: usize) -> Option<usize> {
    if k >= t.len() || !t.same_line(k) {
        return None;
    }
    let start = if t.is_sym(k, &['-']) && t.glued(k) {
        k + 1
    } else {
        k
    };
    let lex = lexicon();
    (1..=lex.marker_len + 2)
        .rev()
        .find(|&n| marker_at(t, start, n) == Some(Marker::AgeAfter))
        .map(|n| start + n)
}

/// A second number after the first's unit: "to 30", "-30", "and 30" (after "between").
///
/// The second end is above the first, except after "between", which names an interval
/// in either order ("between 30 and 20"), and for two negative ends, which are often
/// written from the one nearer zero ("−2 to −7 ‰").
fn range_after(t: &Tokens, first: &Body, joins: &[&str], between: bool) -> Option<Body> {
    let j = first.next;
    if j >= t.len() || !t.same_line(j) || matches!(first.n.form, Form::Vague { .. }) {
        return None;
    }
    let hyphened = hyphened_to(t, j);
    let (join, mut k) = if hyphened {
        ("to", j + 3)
    } else {
        (t.lower(j), j + 1)
    };
    if !joins.contains(&join) {
        return None;
    }
    let hyphen = !hyphened && t.kind(j) == Some(Kind::Sym);
    let currency = currency_before(t, k);
    if let Some(c) = &currency {
        k = c.next;
    }
    let n2 = numeral_at(t, k, first.currency.is_some() || currency.is_some())?;
    if n2.form != Form::Cardinal {
        return None;
    }
    let second = Body::read(t, &n2, currency);
    let v1 = if first.n.scale == 1.0 && n2.scale > 1.0 {
        first.n.value * n2.scale
    } else {
        first.n.value
    };
    let negatives = v1 < 0.0 && n2.value < 0.0;
    let ordered = v1 < n2.value || ((between || negatives) && v1 != n2.value);
    if !ordered || second.age {
        return None;
    }
    if hyphen && !hyphen_range_ok(t, first, &n2) {
        return None;
    }
    // Two ends in different units are two quantities ("by 0.25 percentage points to 5.5%":
    // the change and the level reached; "from 5 km to 8 miles").
    // A unit written after the first number and none after the second is no range either
    // ("by half a percentage point to 2.1"): a range writes its unit once, at the end.
    let units_clash = match (first.unit(), second.unit()) {
        (Some(a), Some(b)) => a.name != b.name,
        (Some(_), None) => first.unit.is_some(),
        _ => false,
    };
    (!units_clash).then_some(second)
}

/// Rule `hyphened-to`: "to" written with a hyphen on either side and no space ("a
/// 10-to-12 percent rise", "a 252-to-175 vote") joins two numbers as "to" does; `j` is the
/// first hyphen.
pub(crate) fn hyphened_to(t: &Tokens, j: usize) -> bool {
    t.is_sym(j, &['-', '‐'])
        && t.glued(j)
        && t.is_word(j + 1, "to")
        && t.glued(j + 1)
        && t.is_sym(j + 2, &['-', '‐'])
        && t.glued(j + 2)
        && t.glued(j + 3)
        && t.kind(j + 3) == Some(Kind::Digits)
}

/// A hyphen range is not part of a chain ("1-222-2222") nor a span of years ("2015-16").
fn hyphen_range_ok(t: &Tokens, first: &Body, n2: &Numeral) -> bool {
    let f = first.n.first;
    let chained_before =
        f >= 2 && t.is_sym(f - 1, &['-', '/', '–']) && t.glued(f) && t.kind(f - 2) == Some(Kind::Digits);
    let chained_after =
        t.is_sym(n2.next, &['-', '/', '–']) && t.glued(n2.next) && t.kind(n2.next + 1) == Some(Kind::Digits);
    let years = first.n.digits_only
        && n2.digits_only
        && t.raw(f).len() == 4
        && t.raw(n2.first).len() == 2
        && (1000.0..=2999.0).contains(&first.n.value);
    !(chained_before || chained_after || years)
}

/// Rule `fraction_of_unit`: a fraction in words before "a"/"an" (or "of a"/"of an") and a
/// unit measures in that unit: "half a percentage point", "a quarter of a mile", "a third
/// of an inch". Returns where the unit starts (`k` when the rule does not apply). Money is
/// left out ("half a pound of butter").
fn fraction_of_unit(t: &Tokens, n: &Numeral, money: bool, k: usize) -> usize {
    if money || n.digits_only || !(n.value > 0.0 && n.value < 1.0) {
        return k;
    }
    let of = usize::from(t.is_word(k, "of"));
    let article = t.is_word(k + of, "a") || t.is_word(k + of, "an");
    let unit = article
        .then(|| unit_after(t, k + of + 1))
        .flatten()
        .is_some_and(|u| u.unit.dimension != Dimension::Currency);
    if unit {
        k + of + 1
    } else {
        k
    }
}

/// "or more", "plus", "+" and "± 2" after a quantity.
fn suffix(t: &Tokens, q: &mut Quantity, next: usize) -> usize {
    if next >= t.len() || !t.same_line(next) {
        return next;
    }
    if t.is_sym(next, &['+']) && t.glued(next) && q.qualifier.is_none() {
        if t.kind(next + 1) != Some(Kind::Digits) {
            return apply_after(t, q, Qual::Is(Qualifier::AtLeast), next + 1);
        }
        return next;
    }
    if t.is_sym(next, &['±']) {
        let k = next + 1;
        if let (Some(n), Some(v)) = (numeral_at(t, k, false), q.value) {
            let mut end = n.next;
            if let Some(u) = unit_after(t, n.next) {
                end = u.next;
                if q.unit.is_none() {
                    // "1.6 ± 0.2%": the unit written once, after the tolerance
                    q.kind = kind_of(Some(u.unit.dimension), false);
                    q.unit = Some(u.unit);
                }
            }
            q.low = Some(Bound {
                value: v - n.value,
                inclusive: true,
            });
            q.high = Some(Bound {
                value: v + n.value,
                inclusive: true,
            });
            q.span.end = t.toks[end - 1].end;
            return end;
        }
        return next;
    }
    match qualifier_at(t, next, true) {
        Some((qual, k)) => {
            let number_follows = matches!(t.kind(k), Some(Kind::Digits)) || numeral_at(t, k, false).is_some();
            if number_follows
                && (t.lower(k - 1) == "than" || t.lower(k - 1) == "to" || t.lower(k - 1) == "plus")
            {
                return next;
            }
            if t.is_word(k, "than") {
                // "equal to 5000 or less than 6000": a second comparison, not a suffix
                return next;
            }
            apply_after(t, q, qual, k)
        }
        None => next,
    }
}

fn apply_after(t: &Tokens, q: &mut Quantity, qual: Qual, k: usize) -> usize {
    let Some(v) = q.value else { return k.min(t.len()) };
    match qual {
        Qual::Is(qq) if matches!(q.qualifier, None | Some(Qualifier::About | Qualifier::Nearly)) => {
            q.qualifier = Some(qq);
            let (l, h) = bounds_of(qq, v);
            q.low = l;
            q.high = h;
        }
        Qual::OrEqual => {
            if let Some(b) = q.low.as_mut() {
                b.inclusive = true;
                q.qualifier = Some(Qualifier::AtLeast);
            } else if let Some(b) = q.high.as_mut() {
                b.inclusive = true;
                q.qualifier = Some(Qualifier::AtMost);
            } else {
                return k - 2;
            }
        }
        _ => return k - 1,
    }
    if q.kind == QuantityKind::Number && (q.low.is_some() || q.high.is_some()) {
        q.kind = QuantityKind::Range;
    }
    q.span.end = t.toks[k - 1].end;
    k
}

/// Rule `shared-unit-list`: quantities listed one after another, joined only by ",",
/// "and" or "or" on one line ("2.5, 7 and 11 kg", "41% and 44%", "plots 3 and 8"), are
/// one list: each member gets the list's span in [`Quantity::list`], and a bare number
/// before a unit written once at the end takes that unit ("7 and 11 kg": 7 kg). A member
/// joins the list only when it has the next member's unit or none, and neither is an age
/// or an ordinal. A sentence that pairs the members with things "respectively" lists
/// separate quantities, not one list. Two values after "from", joined by "to", that are
/// not read as a range (a fall: "from 40 to 25 m", or an end with its own qualifier:
/// "from 20 to about 30") are a pair listed the same way, "from" included, "respectively"
/// or not.
fn mark_lists(t: &Tokens, out: &mut [Quantity]) {
    let mut first = 0;
    for k in 1..=out.len() {
        let joined = k < out.len() && listed_together(t, &out[k - 1], &out[k]);
        if joined {
            continue;
        }
        // "from 30 to 20 m and from 5 to 2 m, respectively": each pair is still one.
        let pair = k - first == 2
            && t.text
                .get(out[first].span.end..out[first + 1].span.start)
                .map(str::trim)
                == Some("to");
        let product = k - first >= 2
            && (first + 1..k)
                .all(|m| product_gap(t.text.get(out[m - 1].span.end..out[m].span.start).unwrap_or("")));
        if k - first >= 2 && (pair || product || !respectively_after(t.text, out[k - 1].span.end)) {
            let start = out[first].span.start;
            let start = from_before(t.text, start).filter(|_| pair).unwrap_or(start);
            let panelled = strip_panel(
                t.text
                    .get(out[first].span.end..out[first + 1].span.start)
                    .unwrap_or(""),
            );
            let start = panel_before(t.text, start)
                .filter(|_| panelled.is_some())
                .unwrap_or(start);
            let list = Span::new(start, out[k - 1].span.end);
            let last = out[k - 1].clone();
            let shared = last
                .unit
                .as_ref()
                .filter(|u| u.span.start >= last.number.end && u.dimension != Dimension::Currency);
            for q in &mut out[first..k] {
                q.list = Some(list);
                if let (Some(u), None) = (shared, &q.unit) {
                    if matches!(q.kind, QuantityKind::Number | QuantityKind::Range) {
                        let ranged = q.low.is_some() || q.high.is_some();
                        q.kind = kind_of(Some(u.dimension), ranged);
                        q.unit = Some(u.clone());
                    }
                }
            }
        }
        first = k;
    }
}

/// Two quantities next to each other in a list (see `mark_lists`).
fn listed_together(t: &Tokens, a: &Quantity, b: &Quantity) -> bool {
    let text = t.text;
    let raw = text.get(a.span.end..b.span.start).unwrap_or("");
    let panel = strip_panel(raw);
    let gap = panel.unwrap_or(raw);
    let from_to = gap.trim() == "to" && from_before(text, a.span.start).is_some();
    let joins = (from_to
        || product_gap(gap)
        || hundred_split(text, a, b, gap)
        || coordinate_pair(text, a, b, gap)
        || matches!(gap.trim(), "," | "and" | "or" | ", and" | ", or")
        || (panel.is_some() && gap.trim().is_empty()))
        && !gap.contains('\n');
    let plain = |q: &Quantity| !matches!(q.kind, QuantityKind::Age | QuantityKind::Ordinal);
    let unit_fits = a.unit.is_none() || a.unit.as_ref().map(|u| &u.name) == b.unit.as_ref().map(|u| &u.name);
    let apart = versus_next_to(t, a) || versus_next_to(t, b) || confidence_level(t, b);
    joins && plain(a) && plain(b) && unit_fits && !apart
}

/// Rule `panel-list`: values each led by a panel letter in brackets ("(a) 1.2 (b) 3.4, and
/// (c) 5.6 g", one value per panel of a figure) are listed as the guideline's one quantity:
/// the gap before a member, less its "(b)", joins as "," or "and" do, and the list takes
/// in the first member's "(a)". The gap without its panel letter, if it ends in one.
fn strip_panel(gap: &str) -> Option<&str> {
    let rest = gap.trim_end().strip_suffix(')')?;
    let letter = rest.chars().next_back().filter(char::is_ascii_lowercase)?;
    rest[..rest.len() - letter.len_utf8()].strip_suffix('(')
}

/// Where the panel letter right before byte `start` begins ("(a) 1.2": `panel-list`).
fn panel_before(text: &str, start: usize) -> Option<usize> {
    let rest = strip_panel(text.get(..start)?)?;
    (rest.is_empty() || rest.ends_with(char::is_whitespace)).then_some(rest.len())
}

/// Rule `size-product`: sizes multiplied ("40 × 12 × 5 cm", "a 3 x 4 m rug", "15×15
/// degrees") are one quantity however the sentence goes on, listed like a list of one
/// unit: a bare factor takes the unit written once at the end.
fn product_gap(gap: &str) -> bool {
    matches!(gap.trim(), "×" | "x")
}

/// Rule `hundred-split`: two whole numbers glued by "/" that add up to 100 ("an 80/20
/// split", "a 60/40% mix") are the two shares of one split, listed together: a bare
/// first share takes the unit written once at the end.
fn hundred_split(text: &str, a: &Quantity, b: &Quantity, gap: &str) -> bool {
    let whole = |q: &Quantity| {
        q.low.is_none()
            && q.high.is_none()
            && q.value.is_some_and(|v| v.fract() == 0.0 && v > 0.0)
            && text[q.number.start..q.number.end]
                .bytes()
                .all(|c| c.is_ascii_digit())
    };
    gap == "/" && whole(a) && whole(b) && a.value.zip(b.value).is_some_and(|(x, y)| x + y == 100.0)
}

/// Rule `coordinate-pair`: a latitude and a longitude written one after the other ("51°30′N;
/// 0°7′W", "12°S, 45°E") are one position, listed together.
fn coordinate_pair(text: &str, a: &Quantity, b: &Quantity, gap: &str) -> bool {
    let ends = |q: &Quantity, set: &[char]| {
        q.unit.as_ref().is_some_and(|u| u.name == "degree") && text[..q.span.end].ends_with(set)
    };
    matches!(gap.trim(), ";" | ",") && ends(a, &['N', 'S']) && ends(b, &['E', 'W'])
}

/// Where "from" starts when it is the word right before byte `start` ("from 30 to 20
/// m": two values a change runs between, listed as a pair; a rising pair is read as a
/// range before this).
fn from_before(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?.trim_end();
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next()?;
    word.eq_ignore_ascii_case("from")
        .then(|| before.len() - word.len())
}

/// "respectively" later in the sentence that ends after byte `from`.
fn respectively_after(text: &str, from: usize) -> bool {
    let rest = text.get(from..).unwrap_or("");
    let end = rest.find(". ").or_else(|| rest.find('\n')).unwrap_or(rest.len());
    rest[..end].to_lowercase().contains("respectively")
}

/// Push `q`, first joining it to the last quantity when the two are the ends of one
/// interval ("more than 10 and less than 20").
fn push_merged(t: &Tokens, out: &mut Vec<Quantity>, q: Quantity) {
    if let Some(prev) = out.last_mut() {
        let gap = t.text.get(prev.span.end..q.span.start).unwrap_or("").trim();
        let joined = matches!(gap, "and" | "but" | "," | ", and" | ", but");
        let same_unit = prev.unit.as_ref().map(|u| &u.name) == q.unit.as_ref().map(|u| &u.name);
        let lower_then_upper =
            prev.low.is_some() && prev.high.is_none() && q.high.is_some() && q.low.is_none();
        let upper_then_lower =
            prev.high.is_some() && prev.low.is_none() && q.low.is_some() && q.high.is_none();
        if joined && same_unit && (lower_then_upper || upper_then_lower) {
            let (low, high) = if lower_then_upper {
                (prev.low, q.high)
            } else {
                (q.low, prev.high)
            };
            if let (Some(l), Some(h)) = (low, high) {
                if l.value < h.value {
                    prev.span.end = q.span.end;
                    prev.number.end = q.number.end;
                    prev.low = low;
                    prev.high = high;
                    prev.value = None;
                    prev.qualifier = Some(Qualifier::Between);
                    return;
                }
            }
        }
    }
    out.push(q);
}

#[cfg(test)]
mod tests;
