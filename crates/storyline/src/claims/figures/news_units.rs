//! How a news reader takes two units the number recogniser reads literally, applied to
//! figures only (the recogniser's readings are scored against specs that want them as
//! written): cents as a fraction of a currency, and an amount per something as a rate.

use super::{lower, singular};
use crate::claims::numbers::is_time_unit_word;
use crate::claims::quantity::{Dimension, Quantity, QuantityKind, Unit};
use crate::entities::lexicon::word_set;
use crate::span::Span;
use crate::text::tokens::{Kind, Token};

const RATE_DENOMINATORS: &str = include_str!("../data/rate-denominators.txt");
const TALLY_WORDS: &str = include_str!("../data/tally-words.txt");

/// Rule `vote_tally`: either side of two numbers joined by a dash with a word of voting
/// at most five tokens before or three after (`data/tally-words.txt`: "the senate voted
/// 61-39", "the court ruled 5-4", "cleared the house 58-41, a margin …") counts votes, as
/// "312 votes to 290" does: it gets the unit `vote`, placed on the word of voting. `at` is
/// the token the quantity starts in. A pair the recogniser read as a range ("approved
/// 20-30 new homes") is left alone, and a match score ("won 3-1") is no figure at all
/// (rule `score`, asked first). Two whole numbers joined by "to" are a tally only as
/// [`to_tally`] says, a narrower reading: "to" joins ranges, odds and changes as well.
pub(super) fn vote_tally(text: &str, tokens: &[Token], at: usize, q: &mut Quantity) {
    let Some(pair) = tokens.get(at) else { return };
    if q.unit.is_some() || q.kind == QuantityKind::Range {
        return;
    }
    let dashed = pair.kind == Kind::Number && pair.text(text).contains('-');
    let word = if dashed {
        tokens[at.saturating_sub(5)..(at + 4).min(tokens.len())]
            .iter()
            .find(|t| t.kind == Kind::Word && is_tally_word(&lower(t.text(text))))
            .map(|t| t.span)
    } else {
        to_pair(text, tokens, at).and_then(|(first, last)| to_tally(text, first, last))
    };
    if let Some(span) = word {
        q.unit = Some(Unit {
            name: "vote".to_string(),
            dimension: Dimension::Other,
            span,
        });
    }
}

/// Whether a word says what the numbers before it count: a plural noun or a unit ("20 to
/// 30 homes", "30 to 20 mph").
pub(super) fn counted_word(w: &str) -> bool {
    super::plural(&lower(w)) || crate::claims::numbers::canonical_unit_name(w).is_some()
}

/// Whether a lower-case word is a word of voting (`data/tally-words.txt`).
fn is_tally_word(w: &str) -> bool {
    word_set!(TALLY_WORDS).contains(w)
}

/// Words that may stand between a word of voting and the tally after it.
const TALLY_GAP_WORDS: [&str; 9] = ["the", "a", "an", "its", "his", "her", "their", "it", "them"];

/// How many bytes before a pair [`to_tally`] reads: enough for three words.
const TALLY_LOOK_BACK: usize = 80;

/// Rule `to_tally`: two whole numbers joined by "to" (bytes `first..last` of `text`) are
/// the sides of a tally when their clause puts a word of voting right before them — at
/// most two words between, each an article, a pronoun or a word outside the phrase-end list
/// ("voted 7 to 2", "confirmed the nominee 51 to 47", "the court ruled 5 to 4 that") — and
/// no plural noun or unit follows ([`counted_after`]). Not "approved the vaccine for
/// children 5 to 11", "by a margin of 2 to 1", "after the vote, crowds of 200 to 300",
/// "rose 120 to 7,400 after the ruling", "backed the horse at 5 to 1". A noun of a vote
/// right after the pair makes a tally too ("by a 220 to 212 vote"). Gives the word of
/// voting's span.
pub(super) fn to_tally(text: &str, first: usize, last: usize) -> Option<Span> {
    if counted_after(text, last) {
        return None;
    }
    if let Some(noun) = tally_noun_after(text, last) {
        return Some(noun);
    }
    let mut from = first.saturating_sub(TALLY_LOOK_BACK);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..first];
    // the clause starts after the last stop or quotation mark, which may take more than a byte
    let cut = before
        .char_indices()
        .rev()
        .find(|&(_, c)| ".,;:!?()\"“”\n".contains(c))
        .map_or(0, |(k, c)| k + c.len_utf8());
    let clause = &before[cut..];
    let mut end = clause.len();
    for (k, w) in clause.split_whitespace().rev().take(3).enumerate() {
        let at = clause[..end].rfind(w)?;
        end = at;
        let lw = lower(w);
        if is_tally_word(&lw) {
            return Some(Span::new(from + cut + at, from + cut + at + w.len()));
        }
        let gap = TALLY_GAP_WORDS.contains(&lw.as_str()) || !(crate::claims::phrase_end(&lw) || lw == "of");
        if k == 2 || !gap {
            return None;
        }
    }
    None
}

/// Nouns of a decision by vote that a tally may stand right before ("a 220 to 212 vote",
/// "a 5-to-4 ruling").
const TALLY_NOUNS: [&str; 4] = ["vote", "decision", "ruling", "verdict"];

/// The span of a noun of [`TALLY_NOUNS`] right after byte `end`, one space between.
fn tally_noun_after(text: &str, end: usize) -> Option<Span> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let len = rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    let at = end + 1;
    TALLY_NOUNS
        .contains(&lower(&rest[..len]).as_str())
        .then(|| Span::new(at, at + len))
}

/// Whether the words right after byte `end` say what the numbers before them count: the
/// first, or the second after a first that is neither a phrase end nor followed by
/// punctuation, is a plural noun or a unit ("20 to 30 new homes"; not "52 to 48 amid
/// protests").
pub(super) fn counted_after(text: &str, end: usize) -> bool {
    for w in text[end..].split_whitespace().take(2) {
        let bare = w.trim_end_matches(|c: char| !c.is_alphabetic());
        if bare.is_empty() || !bare.chars().all(char::is_alphabetic) {
            return false;
        }
        let lw = lower(bare);
        if crate::claims::phrase_end(&lw) || lw == "of" {
            return false;
        }
        if counted_word(bare) {
            return true;
        }
        if bare.len() < w.len() {
            return false;
        }
    }
    false
}

/// The bytes `first..last` of two whole numbers joined by "to", or by "to" with a hyphen on
/// either side ("a 252-to-175 vote"), that the number at token `at` is a side of.
fn to_pair(text: &str, tokens: &[Token], at: usize) -> Option<(usize, usize)> {
    let digits = |s: &str| {
        s.starts_with(|c: char| c.is_ascii_digit()) && s.bytes().all(|b| b.is_ascii_digit() || b == b',')
    };
    let whole = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.kind == Kind::Number && digits(t.text(text)))
    };
    // "252-to-175" is one token of words
    if let Some(t) = tokens.get(at) {
        if let Some((a, b)) = t.text(text).split_once("-to-") {
            if digits(a) && digits(b) {
                return Some((t.span.start, t.span.end));
            }
        }
    }
    let joined = |a: usize, b: usize| {
        whole(a)
            && whole(b)
            && matches!(
                text.get(tokens[a].span.end..tokens[b].span.start),
                Some(" to " | "-to-")
            )
    };
    let after = (at + 1..=at + 4).find(|&b| joined(at, b));
    let (first, last) = match after {
        Some(b) => (at, b),
        None => (at.saturating_sub(4)..at)
            .find(|&a| joined(a, at))
            .map(|a| (a, at))?,
    };
    Some((tokens[first].span.start, tokens[last].span.end))
}

/// Rule `cents_as_currency`: "42 cents" is 0.42 USD and "30 pence" 0.30 GBP, so that a
/// dividend in cents and one in dollars are one measure in one unit. A cent is of the
/// currency its sentence writes with a cent ([`cent_currency`]): "€1.89 a litre, 22 cents
/// more" is 0.22 EUR.
pub(super) fn cents_as_currency(sentence: &str, q: &mut Quantity) {
    let Some(u) = q.unit.as_mut() else { return };
    let code = match u.name.as_str() {
        "cent" => cent_currency(sentence),
        "penny" => "GBP",
        _ => return,
    };
    u.name = code.to_string();
    q.value = q.value.map(|v| v / 100.0);
    for b in [&mut q.low, &mut q.high].into_iter().flatten() {
        b.value /= 100.0;
    }
}

/// The currency whose hundredth a "cent" of `sentence` is: a dollar of its own when the
/// sentence writes one ("CA$", "C$", "NZ$", "A$"), the euro when it writes a euro amount
/// ("€", or the word with no "$" beside it: "the euro climbed 2 cents to $1.09" counts
/// dollar cents), else the US dollar.
fn cent_currency(sentence: &str) -> &'static str {
    // A dollar's prefix with no letter before it ("A$", not the end of "CA$").
    let prefix = |p: &str| {
        sentence
            .match_indices(p)
            .any(|(i, _)| !sentence[..i].ends_with(|c: char| c.is_alphabetic()))
    };
    let euro_word = sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "EUR" | "euro" | "euros" | "Euro" | "Euros"));
    if prefix("CA$") || prefix("C$") {
        "CAD"
    } else if prefix("NZ$") {
        "NZD"
    } else if prefix("AU$") || prefix("A$") {
        "AUD"
    } else if sentence.contains('€') || (euro_word && !sentence.contains('$')) {
        "EUR"
    } else {
        "USD"
    }
}

/// Rule `rate_denominator`: an amount of money or a measure followed by "per" and a noun,
/// or by "a"/"an" and a noun of `data/rate-denominators.txt`, is a rate: "$45 million a
/// day" is `USD/day`, "1.1 million barrels a day" `barrel/day`, "£380 a pupil"
/// `GBP/pupil`; the span takes in the denominator. `after` is the first token past `q`.
/// A "per" the recogniser has already taken into the span ("£380 per pupil") is read too.
/// (Left out at first because the first news set's odd half fell by one, a cap "per
/// party" labelled as a plain amount; the two later sets, written apart from the method,
/// label such amounts as rates ten times.)
pub(super) fn rate_denominator(text: &str, tokens: &[Token], after: usize, q: &mut Quantity) {
    let Some(u) = q.unit.as_mut() else { return };
    if u.name.contains('/') || matches!(u.dimension, Dimension::Percent | Dimension::Time) {
        return;
    }
    // "per day", "per patient" already in the span (the recogniser's `per-tail`: "180,000
    // barrels per day", "£1,900 per patient") is the rate's denominator too.
    let in_span = after
        .checked_sub(2)
        .filter(|&k| tokens[k + 1].span.end == q.span.end);
    let price = u.dimension == Dimension::Currency
        && q.value.is_some_and(|v| v < PRICE_CEILING)
        && price_per_item(text, tokens, after);
    let found = in_span
        .and_then(|k| denominator(text, tokens, k, &|_| false))
        .or_else(|| {
            denominator(text, tokens, after, &|w| {
                price || word_set!(RATE_DENOMINATORS).contains(w)
            })
        });
    if let Some((noun, end)) = found {
        u.name = format!("{}/{noun}", u.name);
        q.span.end = q.span.end.max(end);
    }
}

/// A price per item is less than this; a larger sum "a company" is a grant or a sum paid
/// out, which the list of denominators decides.
const PRICE_CEILING: f64 = 100_000.0;

/// Rule `price_per_item`: money under [`PRICE_CEILING`] followed by "a"/"an" and one
/// lower-case noun that ends the phrase is a price per item, whatever the item ("£64 a
/// plot", "$9.80 a dose", "N4,800 a crate", "$6.80 a dozen"), as "per" and any noun is; a
/// longer phrase after "a" ("$20 a new ticket machine would save") is left alone. `after`
/// is the first token past the amount.
fn price_per_item(text: &str, tokens: &[Token], after: usize) -> bool {
    let article = tokens
        .get(after)
        .is_some_and(|t| matches!(lower(t.text(text)).as_str(), "a" | "an"));
    let ends = tokens
        .get(after + 2)
        .is_none_or(|t| t.kind != Kind::Word || super::super::phrase_end(&lower(t.text(text))));
    article && ends
}

/// The denominator of a rate written at token `k`: "per" and a lower-case noun (any but
/// "cent"), or "a"/"an" and a noun that `after_article` accepts, not placed in time ("a
/// year earlier"). Returns the noun in the singular and where it ends.
fn denominator(
    text: &str,
    tokens: &[Token],
    k: usize,
    after_article: &dyn Fn(&str) -> bool,
) -> Option<(String, usize)> {
    let (by, noun) = (tokens.get(k)?, tokens.get(k + 1)?);
    if noun.kind != Kind::Word || !noun.text(text).starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let by = lower(by.text(text));
    // "per cubic metre", "a square mile", "per megawatt hour": a measure of two words the
    // unit table names, any after "a" as after "per"
    let measure = tokens.get(k + 2).filter(|t| t.kind == Kind::Word).and_then(|t| {
        Some((
            super::super::canonical_unit_name(text.get(noun.span.start..t.span.end)?)?,
            t,
        ))
    });
    // Rule `participle_denominator`: "per registered voter", "per insured patient": after
    // "per", a word in -ed (not a number word: "per hundred") before a lower-case noun
    // describes the noun, which is what the amount is divided by.
    let described = || {
        let adj = lower(noun.text(text));
        tokens.get(k + 2).filter(|t| {
            by == "per"
                && adj.len() > 4
                && adj.ends_with("ed")
                && !super::super::numbers::is_number_word(&adj)
                && t.kind == Kind::Word
                && t.text(text).starts_with(|c: char| c.is_lowercase())
                && !super::super::phrase_end(&lower(t.text(text)))
        })
    };
    let (word, last, after) = if let Some((name, t)) = measure {
        (name.to_string(), t, k + 3)
    } else if let Some(t) = described() {
        (singular(t.text(text)), t, k + 3)
    } else {
        (singular(noun.text(text)), noun, k + 2)
    };
    let rate = match by.as_str() {
        "per" => word != "cent",
        "a" | "an" => {
            (measure.is_some() || after_article(&word))
                && !(is_time_unit_word(&word) && placed_in_time(text, tokens, after))
        }
        _ => false,
    };
    rate.then_some((word, last.span.end))
}

/// Rule `count_rate`: a count whose counted noun follows it and is followed by "a"/"an"
/// and a noun of `data/rate-denominators.txt`, or by "per" and a noun, is a rate, with a
/// unit naming both: "300 patients a day" `patient/day`, "41 bushels an acre"
/// `bushel/acre`, "1.42 children per woman" `child/woman`. So a clinic's
/// daily patients are tracked apart from its patients in all, and two outlets' daily
/// figures together. The counted noun must follow the number directly ("300 patients",
/// "dozens of patients"); the span takes in the denominator.
pub(super) fn count_rate(text: &str, tokens: &[Token], counted: Option<Span>, q: &mut Quantity) {
    let Some(counted) = counted else { return };
    if q.unit.is_some() || q.value.is_some_and(|v| v < 1.0) || counted.start < q.span.end {
        return;
    }
    let gap = text.get(q.span.end..counted.start).map(str::trim);
    if !matches!(gap, Some("" | "of")) {
        return;
    }
    let next = tokens.partition_point(|t| t.span.start < counted.end);
    let Some((noun, end)) = denominator(text, tokens, next, &|w| word_set!(RATE_DENOMINATORS).contains(w))
        .or_else(|| per_base(text, tokens, next))
    else {
        return;
    };
    let Some(head) = tokens[..next].iter().rev().find(|t| t.kind == Kind::Word) else {
        return;
    };
    q.unit = Some(Unit {
        name: format!("{}/{noun}", singular(head.text(text))),
        dimension: Dimension::Other,
        span: head.span,
    });
    q.span.end = q.span.end.max(end);
}

/// Rule `per_base`: the denominator of a rate over a base of many, at token `k`: "per", a
/// whole number of at least ten written in digits, and one or two lower-case words ending
/// in a plural ("38 cases per 100,000 people", "19 deaths per 1,000 live births"):
/// `100000 people`, `1000 live births` (kept in the plural), and where it ends. The base
/// is part of the rate, never a count of its own (`rate_base`).
fn per_base(text: &str, tokens: &[Token], k: usize) -> Option<(String, usize)> {
    let (by, base) = (tokens.get(k)?, tokens.get(k + 1)?);
    if lower(by.text(text)) != "per" || base.kind != Kind::Number {
        return None;
    }
    let digits: String = base.text(text).chars().filter(|c| *c != ',').collect();
    let n: u64 = digits.parse().ok().filter(|n| *n >= 10)?;
    let words: Vec<&Token> = tokens[k + 2..]
        .iter()
        .take(2)
        .take_while(|t| t.kind == Kind::Word && t.text(text).starts_with(|c: char| c.is_lowercase()))
        .collect();
    // The longest run of one or two words that ends in a plural noun.
    let last = words.iter().rposition(|t| super::plural(&lower(t.text(text))))?;
    let phrase: Vec<String> = words[..=last].iter().map(|t| lower(t.text(text))).collect();
    Some((format!("{n} {}", phrase.join(" ")), words[last].span.end))
}

/// Rule `time_ago_no_rate`: "a year earlier", "a month ago", "a week before" place an
/// amount in time ("from £120m a year earlier"); they make no rate. Only a unit of time is
/// placed so: "$2,480 an ounce before easing" is a price per ounce. `k` is the token
/// after the unit of time.
fn placed_in_time(text: &str, tokens: &[Token], k: usize) -> bool {
    tokens.get(k).is_some_and(|w| {
        matches!(
            lower(w.text(text)).as_ref(),
            "earlier" | "ago" | "before" | "later" | "previously" | "prior"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::numbers::quantities;
    use crate::span::Span;
    use crate::text::tokens::tokenize;

    fn read(text: &str) -> Vec<(f64, Option<String>)> {
        let tokens = tokenize(text, Span::new(0, text.len()));
        quantities(text)
            .into_iter()
            .map(|mut q| {
                let after = tokens.partition_point(|t| t.span.start < q.span.end);
                cents_as_currency(text, &mut q);
                rate_denominator(text, &tokens, after, &mut q);
                (q.value.unwrap_or(f64::NAN), q.unit.map(|u| u.name))
            })
            .collect()
    }

    #[test]
    fn cents_are_a_fraction_of_a_currency() {
        assert_eq!(read("Stamps now cost 85 cents."), [(0.85, Some("USD".into()))]);
        assert_eq!(
            read("Bread costs €2.10, 15 cents more."),
            [(2.1, Some("EUR".into())), (0.15, Some("EUR".into()))]
        );
        assert_eq!(cent_currency("Gas costs CA$1.89, 12 cents more."), "CAD");
        assert_eq!(cent_currency("Gas costs A$1.89, 12 cents more."), "AUD");
        assert_eq!(cent_currency("The euro climbed 2 cents to $1.09."), "USD");
    }

    #[test]
    fn the_sides_of_a_dashed_tally_near_a_word_of_voting_are_votes() {
        let read = |text: &str| -> Vec<(f64, Option<String>)> {
            let tokens = tokenize(text, Span::new(0, text.len()));
            quantities(text)
                .into_iter()
                .map(|mut q| {
                    let at = tokens.partition_point(|t| t.span.end <= q.span.start);
                    vote_tally(text, &tokens, at, &mut q);
                    (q.value.unwrap_or(f64::NAN), q.unit.map(|u| u.name))
                })
                .collect()
        };
        let vote = || Some("vote".to_string());
        assert_eq!(
            read("The assembly voted 88-41 to delay the levy."),
            [(88.0, vote()), (41.0, vote())]
        );
        assert_eq!(
            read("In a 6-3 ruling the bench sided with the port."),
            [(6.0, vote()), (3.0, vote())]
        );
        assert_eq!(
            read("The senate confirmed the judge 53 to 46 on Friday."),
            [(53.0, vote()), (46.0, vote())]
        );
        assert_eq!(
            read("The bill passed 52 to 48 amid protests."),
            [(52.0, vote()), (48.0, vote())]
        );
        // A pair joined by "to" is a tally only right after a word of voting, with nothing
        // counted after it: not ranges, odds, margins or changes.
        for text in [
            "The board approved 40 to 25 new flats.",
            "Members voted to cut the limit 40 to 30 mph.",
            "The board approved cutting staff from 30 to 20.",
            "After the vote, crowds of 200 to 300 gathered.",
            "Regulators approved the drug for children 5 to 11.",
            "Voters approved it by a margin of 2 to 1.",
            "Punters backed the grey mare at 5 to 1.",
            "The index rose 120 to 7,400 after the ruling.",
        ] {
            assert!(read(text).iter().all(|(_, u)| u != &vote()), "{text}");
        }
        // A closing curly quotation mark (three bytes) ends the clause before the pair:
        // the clause is cut after the whole mark, and a tally after it still counts.
        assert_eq!(
            read("He called it “bold” voted 9 to 4 later."),
            [(9.0, vote()), (4.0, vote())]
        );
        assert!(read("Aides said “yes” 20 to 30 amid protests.")
            .iter()
            .all(|(_, u)| u != &vote()));
        // No word of voting near: the numbers keep what the recogniser gave them.
        assert!(read("Shelves 12-9 were emptied.")
            .iter()
            .all(|(_, u)| u.is_none()));
    }

    #[test]
    fn an_amount_a_day_or_per_head_is_a_rate() {
        assert_eq!(
            read("The dam leaks $3 million a week."),
            [(3e6, Some("USD/week".into()))]
        );
        assert_eq!(
            read("Nurses earn €21.50 an hour."),
            [(21.5, Some("EUR/hour".into()))]
        );
        assert_eq!(
            read("Each town gets £90 a head."),
            [(90.0, Some("GBP/head".into()))]
        );
        assert_eq!(
            read("The fund paid $12 million a company."),
            [(12e6, Some("USD".into()))]
        );
        // a price per item, whatever the item, when the noun ends the phrase
        assert_eq!(
            read("Seedlings sell at $3.40 a tray."),
            [(3.4, Some("USD/tray".into()))]
        );
        assert_eq!(
            read("Tokens cost $2 a ride on weekdays."),
            [(2.0, Some("USD/ride".into()))]
        );
        assert_eq!(
            read("They paid $40 a famous tailor."),
            [(40.0, Some("USD".into()))]
        );
        assert_eq!(
            read("The refinery runs 180,000 barrels per day."),
            [(180_000.0, Some("barrel/day".into()))]
        );
        assert_eq!(
            read("Profit fell to $8 million from $11 million a year earlier."),
            [(8e6, Some("USD".into())), (11e6, Some("USD".into()))]
        );
    }
}
