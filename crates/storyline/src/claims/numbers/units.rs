//! Units around a number, read through the unit table: currency before it ("$", "US$",
//! "EUR"), units after it ("km", "per cent", "degrees Celsius", "mg/L", "m s−1").

use super::lexicon::{lexicon, UnitEntry};
use super::tokens::{Kind, Tokens};
use crate::claims::quantity::{Dimension, Unit};
use crate::entities::lexicon::word_set;
use crate::span::Span;

/// A unit found in the text, and the token after it.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub unit: Unit,
    pub next: usize,
    /// The scale the unit carries ("MUSD": 1e6), 1 for most.
    pub scale: f64,
}

fn boundary_ok(text: &str, end: usize, surface: &str) -> bool {
    let last_alnum = surface.chars().last().is_some_and(char::is_alphanumeric);
    !last_alnum || !text[end..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The first token at or after byte `end`.
fn token_after(t: &Tokens, from: usize, end: usize) -> usize {
    from + t.toks[from.min(t.len())..].partition_point(|tok| tok.start < end)
}

fn make(e: &UnitEntry, canonical: String, start: usize, end: usize) -> Unit {
    Unit {
        name: canonical,
        dimension: e.dimension,
        span: Span::new(start, end),
    }
}

/// A symbol unit starting at token `i` (case kept), e.g. "km", "%", "USD", "C$".
fn sym_at(t: &Tokens, i: usize, pre: bool) -> Option<(&'static UnitEntry, usize)> {
    let start = t.toks.get(i)?.start;
    let rest = &t.text[start..];
    let lex = lexicon();
    let first = rest.chars().next()?;
    for e in lex
        .sym_by_first
        .get(&first)
        .into_iter()
        .flatten()
        .map(|&k| &lex.sym_units[k])
    {
        if (pre && !e.place.pre()) || (!pre && !e.place.post()) {
            continue;
        }
        if e.surface.len() > 1 && e.surface.ends_with('$') {
            if !pre {
                continue;
            }
            // "US$ 10", "hk $ 10", "usd$ 15": letters in either case, maybe one space, "$"
            let letters = &e.surface[..e.surface.len() - 1];
            let same = rest
                .get(..letters.len())
                .is_some_and(|l| l.eq_ignore_ascii_case(letters));
            let after = rest.get(letters.len()..).unwrap_or("");
            // one letter and a space before "$" only when the letter is no English word
            // ("c $ 16" is Canadian; "a $5 bill" is not Australian)
            let one_word = matches!(letters, "A" | "I") || possessive_s(t.text, start);
            let spaced = (letters.len() >= 2 || !one_word) && after.starts_with(" $");
            if same && (after.starts_with('$') || spaced) {
                let end = start + letters.len() + if spaced { 2 } else { 1 };
                return Some((e, end));
            }
            continue;
        }
        if let Some(stripped) = rest.strip_prefix(e.surface) {
            if pre && one_letter(e.surface) && !letter_currency(stripped) {
                continue;
            }
            let end = start + e.surface.len();
            if boundary_ok(t.text, end, e.surface)
                || (pre && stripped.starts_with(|c: char| c.is_ascii_digit()))
            {
                return Some((e, end));
            }
            // "250mls", "40kgs": an abbreviation of two letters or more written with a
            // plural "s" (the table's own entries, such as "ms", are tried first) — unless
            // the letters with their "s" make a function word ("one in eight has …" is not
            // eight hectares)
            let plural = !pre
                && e.surface.len() >= 2
                && e.surface.chars().all(char::is_alphabetic)
                && stripped.starts_with('s')
                && boundary_ok(t.text, end + 1, "s")
                && !PLURAL_WORDS.contains(&rest[..=e.surface.len()].to_ascii_lowercase().as_str());
            if plural {
                return Some((e, end + 1));
            }
        }
    }
    None
}

/// An abbreviation of the table with a plural "s" that is something else: "has" (the
/// verb, not hectares) and "pcs" (pieces, not per cent).
const PLURAL_WORDS: &[&str] = &["has", "pcs"];

fn one_letter(surface: &str) -> bool {
    surface.len() == 1 && surface.bytes().all(|b| b.is_ascii_uppercase())
}

/// Rule `letter_currency`: a currency written as one capital letter (the rand's "R", the
/// naira's "N") is read only when glued to an amount written as money is — with a decimal
/// point or digit groups ("R18.90", "N1,350") or a scale word after it ("R740 million",
/// "N5 billion", "R2.3bn"); a bare "R5" or "N95" is a road, a grade or a code more often
/// than an amount. `after` is the text right after the letter.
fn letter_currency(after: &str) -> bool {
    let run: &str = &after[..after
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(after.len())];
    let run = run.trim_end_matches(['.', ',']);
    if run.is_empty() || !run.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let word: String = after[run.len()..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect();
    let scale = matches!(
        word.to_ascii_lowercase().as_str(),
        "thousand" | "million" | "billion" | "trillion" | "k" | "m" | "mn" | "bn"
    );
    run.contains(['.', ',']) || scale
}

/// A letter after an apostrophe ("music ' s $ 500", "music's"): a possessive or a
/// contraction, not a currency prefix.
fn possessive_s(text: &str, start: usize) -> bool {
    text[..start].trim_end().ends_with(['\'', '’'])
}

/// A word unit of up to the table's longest length at token `i` (lowercase words).
fn word_at(t: &Tokens, i: usize, pre: bool) -> Option<(&'static UnitEntry, usize)> {
    let lex = lexicon();
    if i >= t.len() || !lex.first_words.contains(t.lower(i)) {
        return None;
    }
    t.longest_phrase(i, lex.word_unit_len, |key| {
        lex.word_units
            .get(key)
            .filter(|e| (pre && e.place.pre()) || (!pre && e.place.post()))
    })
}

/// A currency written before the number at token `i` ("$", "US$", "£", "EUR", "Rs.").
pub(crate) fn currency_before(t: &Tokens, i: usize) -> Option<Found> {
    let (e, end) = sym_at(t, i, true)?;
    if e.dimension != Dimension::Currency {
        return None;
    }
    let next = token_after(t, i, end);
    Some(Found {
        unit: make(e, e.canonical.to_string(), t.toks[i].start, end),
        next,
        scale: e.scale,
    })
}

/// Rule `currency-word-before`: a currency named in lower-case words right before an
/// amount with a scale word ("at dollar 22.5 million", "rupees 3 crore"), on one line, not
/// after a determiner and with no unit after the amount. Some Englishes write the currency
/// first; the common order is read by [`unit_after`]. A review of the first, looser form
/// found what the limits keep out: names and versions ("Ayn Rand 1.5 million", "Euro 2.0",
/// "Bitcoin 100,000"), exchange rates ("the euro 1.10 level", "sterling 1.2650") and
/// amounts of another currency after a currency's name ("converted dollars 2,000 at a
/// time").
pub(crate) fn currency_word_before(t: &Tokens, i: usize) -> Option<Found> {
    let (e, next) = word_at(t, i, false).filter(|(e, _)| e.dimension == Dimension::Currency)?;
    let written = &t.text[t.toks[i].start..t.toks[next - 1].end];
    let determiner = i > 0 && t.same_line(i) && crate::quotes::is_determiner(t.raw(i - 1));
    if determiner || written.chars().any(char::is_uppercase) {
        return None;
    }
    if next >= t.len() || !t.same_line(next) || t.kind(next) != Some(Kind::Digits) || !t.one_space(next) {
        return None;
    }
    let n = super::numeral::numeral_at(t, next, true)?;
    let scaled = n.scale > 1.0 && t.kind(n.next - 1) == Some(Kind::Word);
    if !scaled || unit_after(t, n.next).is_some() {
        return None;
    }
    Some(Found {
        unit: make(e, e.canonical.to_string(), t.toks[i].start, t.toks[next - 1].end),
        next,
        scale: e.scale,
    })
}

/// Rule `unit_word_before`: a word unit the table lets stand before its number, other than a
/// currency ("magnitude 6.1", "magnitude-5.6": seismologists and news write the scale
/// first as often as after), ending right before token `number`, with at most a glued
/// hyphen between. Returns the unit with its span from the word.
pub(crate) fn unit_word_before(t: &Tokens, number: usize) -> Option<Unit> {
    let hyph = number >= 2 && t.is_sym(number - 1, &['-', '‐']) && t.glued(number - 1) && t.glued(number);
    let word = number.checked_sub(if hyph { 2 } else { 1 })?;
    if !t.same_line(number) || t.kind(word) != Some(Kind::Word) {
        return None;
    }
    let (e, end) = word_at(t, word, true)?;
    (end == word + 1 && e.dimension != Dimension::Currency)
        .then(|| make(e, e.canonical.to_string(), t.toks[word].start, t.toks[word].end))
}

/// Exponent written after a symbol unit: "2", "²", "−1", "- 1", "⁻¹".
fn exponent(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    let mut chars = rest.char_indices().peekable();
    let mut len = 0;
    if let Some(&(_, c)) = chars.peek() {
        if matches!(c, '−' | '-' | '⁻') {
            let mut it = rest[c.len_utf8()..].char_indices();
            let mut l = c.len_utf8();
            if let Some((_, ' ')) = it.clone().next() {
                it.next();
                l += 1;
            }
            match it.next() {
                Some((_, d)) if d.is_ascii_digit() || matches!(d, '¹' | '²' | '³') => {
                    l += d.len_utf8();
                    if !rest[l..].starts_with(|x: char| x.is_alphanumeric()) {
                        len = l;
                    }
                }
                _ => {}
            }
            return at + len;
        }
        if matches!(c, '²' | '³' | '¹') {
            return at + c.len_utf8();
        }
    }
    at
}

/// A unit after the number whose last token is `i - 1`: a word unit or a symbol unit,
/// with "/" and exponent compounds for symbol units ("mg/L", "m s−1", "cm−1").
pub(crate) fn unit_after(t: &Tokens, i: usize) -> Option<Found> {
    if i >= t.len() || !t.same_line(i) {
        return None;
    }
    if let Some(found) = glued_temperature(t, i) {
        return Some(found);
    }
    // "3-inch", "12-cent": a glued hyphen before a word unit.
    let hyph = t.is_sym(i, &['-', '‐']) && t.glued(i) && t.glued(i + 1) && t.kind(i + 1) == Some(Kind::Word);
    let at = if hyph { i + 1 } else { i };
    let word = word_at(t, at, false);
    // "2-min", "5-km": a symbol of two letters or more after the hyphen too (one letter is
    // more often a code: "4-K")
    let sym = sym_at(t, at, false)
        .filter(|(e, _)| !hyph || (e.surface.len() >= 2 && e.surface.chars().all(char::is_alphabetic)));
    let start = t.toks[at].start;
    let (e, mut end, is_sym) = match (word, sym) {
        (Some((we, wk)), Some((se, send))) => {
            let wend = t.toks[wk - 1].end;
            if wend >= send {
                (we, wend, false)
            } else {
                (se, send, true)
            }
        }
        (Some((we, wk)), None) => (we, t.toks[wk - 1].end, false),
        (None, Some((se, send))) => (se, send, true),
        (None, None) => return None,
    };
    if is_sym && (product_sign(t, at, e) || (e.surface == "p" && !pence(t, at))) {
        return None;
    }
    let mut name = e.canonical.to_string();
    let mut dimension = e.dimension;
    if is_sym && dimension != Dimension::Currency && dimension != Dimension::Percent {
        let x = exponent(t.text, end);
        if x > end {
            name.push_str(&normalise_exponent(&t.text[end..x]));
            end = x;
            dimension = Dimension::Other;
        }
        end = compound(t, end, &mut name, &mut dimension);
    }
    // "two pounds of meat": a weight, not money.
    if e.canonical == "GBP" && !is_sym && t.is_word(token_after(t, at, end), "of") {
        name = "lb".to_string();
        dimension = Dimension::Mass;
    }
    let next = token_after(t, at, end);
    Some(Found {
        unit: Unit {
            name,
            dimension,
            span: Span::new(start, end),
        },
        next,
        scale: e.scale,
    })
}

/// Video resolutions written as a number glued to "p".
const RESOLUTIONS: &[&str] = &[
    "144", "240", "360", "480", "540", "576", "720", "1080", "1440", "2160", "4320",
];

/// Rule `pence`: "p" is pence only glued to an amount ("20p", "3p", "2.5p", a share price
/// "485p"); spaced ("45 p") it is a page or an abbreviation, and glued to a video
/// resolution ("1080p", "720p") it is none.
fn pence(t: &Tokens, at: usize) -> bool {
    let Some(number) = at.checked_sub(1) else {
        return false;
    };
    let digits = &t.text[t.toks[number].start..t.toks[number].end];
    t.glued(at) && t.kind(number) == Some(Kind::Digits) && digits.len() <= 4 && !RESOLUTIONS.contains(&digits)
}

/// Rule `product-sign`: "×" with a number after it on the line multiplies ("4 × 10^5",
/// "40 × 12 × 5 cm", "a 3 × 4 m rug"); only "×" with no number after it is the unit
/// "times" ("magnified 40×").
fn product_sign(t: &Tokens, at: usize, e: &UnitEntry) -> bool {
    e.surface == "×" && t.same_line(at + 1) && t.kind(at + 1) == Some(Kind::Digits)
}

fn normalise_exponent(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '−' | '⁻' => '-',
            '¹' => '1',
            '²' => '2',
            '³' => '3',
            c => c,
        })
        .collect()
}

/// "/L", "/s", " s−1", "·h−1" after a symbol unit.
fn compound(t: &Tokens, mut end: usize, name: &mut String, dimension: &mut Dimension) -> usize {
    for _ in 0..3 {
        let rest = &t.text[end..];
        let (sep, skip) = if rest.starts_with('/') {
            ("/", 1)
        } else if rest.starts_with(' ') || rest.starts_with('·') {
            (" ", rest.chars().next().map_or(1, char::len_utf8))
        } else {
            break;
        };
        let at = end + skip;
        let k = token_after(t, 0, at);
        if k >= t.len() || t.toks[k].start != at {
            break;
        }
        let Some((e, uend)) = sym_at(t, k, false) else {
            break;
        };
        if e.dimension == Dimension::Currency || e.dimension == Dimension::Percent {
            break;
        }
        let x = exponent(t.text, uend);
        if sep == " " && x == uend {
            break; // a space joins only units with an exponent ("m s−1")
        }
        name.push_str(sep);
        name.push_str(e.canonical);
        name.push_str(&normalise_exponent(&t.text[uend..x]));
        *dimension = if name.contains('/')
            && matches!(e.dimension, Dimension::Time)
            && *dimension == Dimension::Length
        {
            Dimension::Speed
        } else {
            Dimension::Other
        };
        end = x;
    }
    end
}

/// Words that make a glued "C" or "F" a temperature (`glued_temperature`).
const TEMPERATURE_CUES: &str = include_str!("../data/temperature-cues.txt");

/// Rule `glued_temperature`: a capital "C" or "F" glued to a number and ending the word
/// ("41.2C", "-22F", "Temperatures reached 43C") is degrees Celsius or Fahrenheit when
/// the number has at most three digits before the point and a decimal point, a minus
/// sign, or a word of temperature in the eight tokens before or after it; otherwise such a
/// letter is more often a code ("Flat 4C", "13C" the isotope, "4627C") and is left to the
/// code rules.
fn glued_temperature(t: &Tokens, i: usize) -> Option<Found> {
    let letter = t.raw(i);
    if !matches!(letter, "C" | "F") || i == 0 || !t.glued(i) || t.kind(i - 1) != Some(Kind::Digits) {
        return None;
    }
    if t.glued(i + 1) && matches!(t.kind(i + 1), Some(Kind::Word | Kind::Digits)) {
        return None;
    }
    let start = t.toks[i].start;
    let run_start = t.text[..start]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ','))
        .last()
        .map_or(start, |(k, _)| k);
    let number = &t.text[run_start..start];
    let signed = t.text[..run_start].ends_with(['-', '−']);
    // A word of temperature among the eight tokens before or after it ("kept below 28C
    // during the heatwave"). ("above" or "below" alone is no cue: "the flat above 4C".)
    let cue = (i.saturating_sub(8)..(i + 9).min(t.len()))
        .any(|k| k != i && t.kind(k) == Some(Kind::Word) && word_set!(TEMPERATURE_CUES).contains(t.lower(k)));
    // Weather and climate readings have at most three digits before the point; "4627C"
    // is a catalogue number.
    let whole = number.split('.').next().unwrap_or("").replace(',', "");
    if whole.len() > 3 || !(number.contains('.') || signed || cue) {
        return None;
    }
    let (name, end) = (if letter == "C" { "°C" } else { "°F" }, t.toks[i].end);
    Some(Found {
        unit: Unit {
            name: name.to_string(),
            dimension: Dimension::Temperature,
            span: Span::new(start, end),
        },
        next: i + 1,
        scale: 1.0,
    })
}
