//! A number in words, digits or both ("twenty-two", "one hundred and five", "2.5 million",
//! "4 thousand 3 hundred", "two thirds", "half a million"), and vague counts ("tens of
//! thousands", "several hundred").

use super::digits::{literal, Literal};
use super::lexicon::{lexicon, Marker, WordClass};
use super::tokens::{Kind, Tokens};
use crate::claims::quantity::{VAGUE_FROM, VAGUE_TO};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Form {
    Cardinal,
    Ordinal,
    /// A vague count: the interval `[low, high)` it stands for.
    Vague {
        low: f64,
        high: f64,
    },
}

/// A number read from token `first` up to (not including) `next`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Numeral {
    pub first: usize,
    pub next: usize,
    pub value: f64,
    pub form: Form,
    /// The largest scale it was multiplied by ("2.5 million": 1e6), 1 when none.
    pub scale: f64,
    /// Written with digits only ("240,000"), no word.
    pub digits_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    Sign,
    A,
    Unit,
    Teen,
    Tens,
    Lit,
    Hundred,
    Scale,
    Dozen,
    And,
    Frac,
}

/// One thing the grammar reads at a token.
#[derive(Debug, Clone, Copy)]
enum Atom {
    Word(WordClass),
    Lit(Literal),
    A,
    And,
    Point,
    Hyphen,
    Of,
    Other,
}

fn atom(t: &Tokens, j: usize, money: bool) -> Atom {
    match t.kind(j) {
        None => Atom::Other,
        Some(Kind::Word) => match t.lower(j) {
            "a" | "an" => Atom::A,
            "and" => Atom::And,
            "point" => Atom::Point,
            "of" => Atom::Of,
            w => lexicon().words.get(w).map_or(Atom::Other, |c| Atom::Word(*c)),
        },
        Some(Kind::Digits) => literal(t, j, money).map_or(Atom::Other, Atom::Lit),
        Some(Kind::Sym) => {
            if t.is_sym(j, &['-', '–', '‐']) {
                Atom::Hyphen
            } else {
                literal(t, j, money).map_or(Atom::Other, Atom::Lit)
            }
        }
    }
}

fn next_of(a: Atom, j: usize) -> usize {
    match a {
        Atom::Lit(l) => l.next,
        _ => j + 1,
    }
}

/// Is a fraction phrase ahead ("a half", "three fifths", "one-eighth")?
fn fraction_ahead(t: &Tokens, j: usize, money: bool) -> bool {
    let num = match atom(t, j, money) {
        Atom::A => true,
        Atom::Word(WordClass::Unit(_) | WordClass::Teen(_) | WordClass::Tens(_)) => true,
        Atom::Lit(l) => l.integer && l.scale == 1.0,
        _ => false,
    };
    if !num {
        return false;
    }
    let mut k = next_of(atom(t, j, money), j);
    if matches!(atom(t, k, money), Atom::Hyphen) {
        k += 1;
    }
    if matches!(atom(t, k, money), Atom::Word(WordClass::Unit(_))) {
        k += 1; // "twenty one fifths"
    }
    let fraction = matches!(
        atom(t, k, money),
        Atom::Word(WordClass::Half | WordClass::Quarter | WordClass::Fraction(_) | WordClass::Ordinal(_))
    );
    // Rule `share-after-and`: "60 and three quarters of the seats" joins a number and a
    // share of a known whole, not the parts of one mixed number ("one and a quarter of an
    // hour" is one).
    let share = t.same_line(k + 1)
        && t.is_word(k + 1, "of")
        && k + 2 < t.len()
        && matches!(
            t.lower(k + 2),
            "the" | "these" | "those" | "its" | "their" | "his" | "her" | "our" | "my" | "your"
        );
    fraction && !share
}

/// The running value of a number being read.
struct Acc {
    base: f64,
    total: f64,
    seg: f64,
    frac: f64,
    min_scale: f64,
    sign: f64,
    last: Last,
    words: bool,
    /// The segment is exactly the word "one" (for "one third").
    seg_one: bool,
    /// The scale just before an "and" ("one million and a half": the half is of a million).
    scale_before_and: f64,
    /// The segment went on after "hundred and" ("three hundred and fifty").
    in_group: bool,
    /// The segment is one number in digits and nothing else ("322 hundred").
    lit_alone: bool,
    /// The number began with digits ("280 million"): no ordinal word ends it.
    lit_start: bool,
    /// The segment's value when "hundred and" opened a group ("one hundred and three
    /// quarters": 100, the whole part before the fraction).
    group_whole: f64,
    /// The tens word last added to the segment ("one hundred thirty": 30).
    tens: f64,
}

impl Acc {
    fn value(&self) -> f64 {
        self.sign * (self.base + self.total + self.seg + self.frac)
    }
}

struct Best {
    next: usize,
    value: f64,
    ordinal: bool,
}

/// A number at token `i`. `money` lets a glued "m" mean million ("$75m").
pub(crate) fn numeral_at(t: &Tokens, i: usize, money: bool) -> Option<Numeral> {
    if let Some(v) = vague_at(t, i) {
        return Some(v);
    }
    let mut acc = Acc {
        base: 0.0,
        total: 0.0,
        seg: 0.0,
        frac: 0.0,
        min_scale: f64::INFINITY,
        sign: 1.0,
        last: Last::Start,
        words: false,
        seg_one: false,
        scale_before_and: 0.0,
        in_group: false,
        lit_alone: false,
        lit_start: false,
        group_whole: 0.0,
        tens: 0.0,
    };
    let mut best: Option<Best> = None;
    let mut j = i;
    // A "-" sign glued to the digits and not to a word or number before it.
    if t.is_sym(j, &['-', '−'])
        && t.kind(j + 1) == Some(Kind::Digits)
        && t.glued(j + 1)
        && !(t.glued(j) && matches!(t.kind(j - 1), Some(Kind::Word | Kind::Digits)))
    {
        acc.sign = -1.0;
        acc.last = Last::Sign;
        j += 1;
    }
    let mut scale = 1.0;
    let mut only_digits = true;
    loop {
        if j > i && j < t.len() && !t.same_line(j) {
            break;
        }
        let a = atom(t, j, money);
        let Some(step) = step(t, j, a, &mut acc, money) else {
            break;
        };
        if matches!(a, Atom::Word(_) | Atom::A | Atom::Point) {
            only_digits = false;
        }
        if let Atom::Word(WordClass::Scale(s)) = a {
            scale = f64::max(scale, s);
        }
        if let Atom::Lit(l) = a {
            scale = f64::max(scale, l.scale);
        }
        j = step.next;
        if let Some(ord) = step.done {
            best = Some(Best {
                next: j,
                value: acc.value(),
                ordinal: ord,
            });
        }
        if step.stop {
            break;
        }
    }
    let best = best?;
    Some(Numeral {
        first: i,
        next: best.next,
        value: best.value,
        form: if best.ordinal {
            Form::Ordinal
        } else {
            Form::Cardinal
        },
        scale,
        digits_only: only_digits && !acc.words,
    })
}

struct Step {
    next: usize,
    /// `Some(ordinal)` when the number read so far is complete.
    done: Option<bool>,
    stop: bool,
}

fn go(next: usize, done: Option<bool>) -> Option<Step> {
    Some(Step {
        next,
        done,
        stop: false,
    })
}

fn end(next: usize, ordinal: bool) -> Option<Step> {
    Some(Step {
        next,
        done: Some(ordinal),
        stop: true,
    })
}

/// Whether the sign word at `j` follows "plus or" ("plus or minus").
fn plus_or(t: &Tokens, j: usize) -> bool {
    j >= 2 && t.lower(j - 1) == "or" && t.lower(j - 2) == "plus"
}

fn step(t: &Tokens, j: usize, a: Atom, acc: &mut Acc, money: bool) -> Option<Step> {
    use Last as L;
    let open = matches!(acc.last, L::Start | L::Sign | L::Hundred | L::Scale | L::And);
    match a {
        // Rule `plus_or_minus`: "plus or minus 3 points" is a tolerance of 3, not -3: the
        // sign word there is no sign and the number starts after it.
        Atom::Word(WordClass::Sign) if acc.last == L::Start && !plus_or(t, j) => {
            acc.sign = -1.0;
            acc.last = L::Sign;
            go(j + 1, None)
        }
        Atom::A if matches!(acc.last, L::Start | L::And) => {
            let after = atom(t, j + 1, money);
            let ok = matches!(
                after,
                Atom::Word(
                    WordClass::Hundred
                        | WordClass::Scale(_)
                        | WordClass::Dozen
                        | WordClass::Half
                        | WordClass::Quarter
                        | WordClass::Ordinal(_)
                        | WordClass::Fraction(_)
                )
            );
            if !ok {
                // "a twenty-first": one over a compound ordinal
                let (den, next) = denominator_at(t, j + 1, money)?;
                acc.frac = 1.0 / den;
                return end(next, false);
            }
            acc.last = L::A;
            acc.words = true;
            go(j + 1, None)
        }
        Atom::Word(WordClass::Unit(v)) if open || (acc.last == L::Tens && v > 0.0) => {
            acc.seg_one = v == 1.0 && matches!(acc.last, L::Start | L::Sign | L::And);
            acc.seg += v;
            acc.last = L::Unit;
            acc.words = true;
            go(j + 1, Some(false))
        }
        Atom::Word(WordClass::Teen(v)) if open => {
            acc.seg += v;
            acc.last = L::Teen;
            acc.words = true;
            go(j + 1, Some(false))
        }
        Atom::Word(WordClass::Tens(v)) if open => {
            acc.seg += v;
            acc.tens = v;
            acc.last = L::Tens;
            acc.words = true;
            go(j + 1, Some(false))
        }
        Atom::Lit(l) => lit(l, acc),
        Atom::Word(WordClass::Hundred) => hundred(j, acc),
        Atom::Word(WordClass::Scale(s)) => scale_word(t, j, s, acc),
        Atom::Word(WordClass::Vague(s)) if matches!(acc.last, L::Unit | L::Teen | L::Tens | L::Lit) => {
            if s == 12.0 {
                dozen(j, acc)
            } else if s == 100.0 {
                hundred(j, acc)
            } else {
                scale_word(t, j, s, acc)
            }
        }
        Atom::Word(WordClass::Unit(_) | WordClass::Tens(_))
            if matches!(
                acc.last,
                L::Unit | L::Teen | L::Tens | L::Lit | L::Hundred | L::Scale
            ) =>
        {
            over_compound_ordinal(t, j, acc, money)
        }
        Atom::Word(WordClass::Dozen) => dozen(j, acc),
        Atom::And => and(t, j, acc, money),
        Atom::Word(WordClass::Half) => half(t, j, acc, money),
        Atom::Word(WordClass::Quarter) => quarter(t, j, acc, money),
        Atom::Word(WordClass::Fraction(d)) => fraction(t, j, d, acc),
        Atom::Word(WordClass::Ordinal(v)) => ordinal(t, j, v, acc),
        Atom::Point => point(t, j, acc),
        Atom::Hyphen => hyphen(t, j, acc, money),
        Atom::Of if acc.last == L::Frac => {
            // "two thirds of a million"
            if t.is_word(j + 1, "a") {
                if let Some(WordClass::Scale(s)) =
                    t.kind(j + 2).and_then(|_| lexicon().words.get(t.lower(j + 2)))
                {
                    acc.frac *= s;
                    acc.last = L::Scale;
                    return end(j + 3, false);
                }
            }
            None
        }
        _ => None,
    }
}

fn lit(l: Literal, acc: &mut Acc) -> Option<Step> {
    use Last as L;
    if l.ordinal {
        if matches!(acc.last, L::Start) {
            acc.seg = l.value;
            return end(l.next, true);
        }
        return None;
    }
    if l.fraction {
        // "2 1/4", "-4/5"
        if matches!(acc.last, L::Start | L::Sign | L::Lit) && acc.min_scale.is_infinite() {
            acc.frac = l.value;
            acc.last = L::Frac;
            return end(l.next, false);
        }
        return None;
    }
    match acc.last {
        L::Start | L::Sign => {
            acc.lit_start = true;
            if l.scale > 1.0 {
                acc.total = l.value;
                acc.min_scale = l.scale;
                acc.last = L::Scale;
            } else {
                acc.seg = l.value;
                acc.last = L::Lit;
                acc.lit_alone = true;
            }
            go(l.next, Some(false))
        }
        L::Hundred | L::Scale | L::And
            if l.integer && l.scale == 1.0 && l.value < acc.min_scale.min(1000.0) && acc.words =>
        {
            acc.seg += l.value;
            acc.last = L::Lit;
            go(l.next, Some(false))
        }
        _ => None,
    }
}

fn hundred(j: usize, acc: &mut Acc) -> Option<Step> {
    use Last as L;
    let ok = matches!(
        acc.last,
        L::Unit | L::Teen | L::Lit | L::A | L::Start | L::Sign | L::Tens
    ) && acc.min_scale > 100.0
        && (acc.seg < 100.0 || (acc.last == L::Lit && acc.lit_alone))
        && !acc.in_group;
    if !ok {
        return None;
    }
    acc.seg = if acc.seg == 0.0 { 100.0 } else { acc.seg * 100.0 };
    acc.last = L::Hundred;
    acc.words = true;
    go(j + 1, Some(false))
}

fn scale_word(t: &Tokens, j: usize, s: f64, acc: &mut Acc) -> Option<Step> {
    use Last as L;
    acc.words = true;
    if acc.last == L::Frac {
        // "five and a half million", "one billion and three quarters million"
        if acc.base + acc.total < s {
            acc.base = (acc.base + acc.total + acc.seg + acc.frac) * s;
            acc.total = 0.0;
        } else {
            acc.base += acc.total + acc.seg;
            acc.total = acc.frac * s;
        }
        acc.seg = 0.0;
        acc.frac = 0.0;
        acc.min_scale = s;
        acc.last = L::Scale;
        return go(j + 1, Some(false));
    }
    let counted = matches!(acc.last, L::Unit | L::Teen | L::Tens | L::Lit | L::Hundred);
    // a scale's abbreviation counts nothing alone ("Mn" is manganese): it follows a number
    let alone_ok =
        matches!(acc.last, L::A | L::Start | L::Sign) && !lexicon().short_scales.contains(t.lower(j));
    if (counted || alone_ok) && s < acc.min_scale {
        acc.total += if acc.seg == 0.0 { s } else { acc.seg * s };
        acc.seg = 0.0;
        acc.min_scale = s;
        acc.last = L::Scale;
        return go(j + 1, Some(false));
    }
    if acc.last == L::Scale && acc.seg == 0.0 && s > acc.min_scale {
        // "three lakh crore", "three thousand millions"
        acc.total *= s;
        acc.min_scale = s;
        return go(j + 1, Some(false));
    }
    None
}

fn dozen(j: usize, acc: &mut Acc) -> Option<Step> {
    use Last as L;
    if !matches!(acc.last, L::Unit | L::Teen | L::Tens | L::Lit | L::Hundred | L::A) {
        return None;
    }
    // "three hundred and two dozen": the dozens are only what follows the "and"
    let whole = if acc.in_group { acc.group_whole } else { 0.0 };
    let count = acc.seg - whole;
    acc.seg = whole + if count == 0.0 { 12.0 } else { count * 12.0 };
    acc.last = L::Dozen;
    acc.words = true;
    go(j + 1, Some(false))
}

fn and(t: &Tokens, j: usize, acc: &mut Acc, money: bool) -> Option<Step> {
    use Last as L;
    if !t.same_line(j + 1) {
        return None;
    }
    let after = atom(t, j + 1, money);
    let whole = matches!(acc.last, L::Hundred | L::Scale)
        && match after {
            Atom::Word(WordClass::Unit(v)) | Atom::Lit(Literal { value: v, .. }) if v == 0.0 => false,
            Atom::Word(WordClass::Unit(_) | WordClass::Teen(_) | WordClass::Tens(_)) => true,
            Atom::Lit(l) => l.integer && l.scale == 1.0 && !l.ordinal,
            _ => false,
        }
        && !second_number_after_and(t, next_of(after, j + 1), acc, money);
    let counted = matches!(
        acc.last,
        L::Unit | L::Teen | L::Tens | L::Lit | L::Hundred | L::Scale | L::Dozen
    );
    if !(whole || (counted && fraction_ahead(t, j + 1, money))) {
        return None;
    }
    acc.scale_before_and = if acc.last == L::Scale { acc.min_scale } else { 0.0 };
    if acc.last == L::Hundred && whole {
        // "three hundred and fifty thousand": the "and" is inside one group
        acc.last = L::And;
        acc.in_group = true;
        acc.group_whole = acc.seg;
        return go(j + 1, None);
    }
    acc.base += acc.total + acc.seg;
    acc.total = 0.0;
    acc.seg = 0.0;
    acc.in_group = false;
    acc.group_whole = 0.0;
    acc.last = L::And;
    go(j + 1, None)
}

/// "3 hundred and 2 hundred", "4 thousand and 5 thousand": what follows the "and" takes a
/// scale the number already has, so it is a second number and the "and" joins two.
fn second_number_after_and(t: &Tokens, k: usize, acc: &Acc, money: bool) -> bool {
    match atom(t, k, money) {
        Atom::Word(WordClass::Hundred) => acc.last == Last::Hundred,
        Atom::Word(WordClass::Scale(s)) => acc.last == Last::Scale && s >= acc.min_scale,
        _ => false,
    }
}

/// The denominator's share of a scale just before "and" ("one million and a half").
fn of_scale(t: &Tokens, j: usize, acc: &Acc) -> f64 {
    let scale_follows = matches!(
        t.kind(j + 1).and_then(|_| lexicon().words.get(t.lower(j + 1))),
        Some(WordClass::Scale(_))
    );
    if acc.scale_before_and >= 1000.0 && !scale_follows {
        acc.scale_before_and
    } else {
        1.0
    }
}

/// "a half"/"a third" stand alone only before "of", a scale word or no word at all (a
/// glued hyphen makes a compound: "a third-party app", "a twenty-first-century port").
fn lone_article_ok(t: &Tokens, j: usize) -> bool {
    let compound = t.is_sym(j + 1, &['-', '‐']) && t.glued(j + 1);
    !compound && t.kind(j + 1) != Some(Kind::Word)
        || t.is_word(j + 1, "of")
        || matches!(
            lexicon().words.get(t.lower(j + 1)),
            Some(WordClass::Scale(_) | WordClass::Hundred | WordClass::Dozen)
        )
        || no_noun_after(t, j)
}

/// Rule `share_before_function_word`: "a third" or "a quarter" followed by a word that
/// cannot be the noun it ranks — a preposition, a determiner, an adverb of time ("fell by
/// a third last year", "rose by a fifth in two years", "a quarter after the strike") or a
/// comparative ("a fifth more than the average") — is a share, as at the end of a
/// sentence; "a third term" is an ordinal. "And", "or" and "but" may join a second
/// adjective ("a third and final round") and decide nothing.
fn no_noun_after(t: &Tokens, j: usize) -> bool {
    t.kind(j + 1) == Some(Kind::Word)
        && !matches!(t.lower(j + 1), "and" | "or" | "but")
        && (crate::claims::phrase_end(t.lower(j + 1)) || crate::claims::comparative(t.lower(j + 1)))
}

fn half(t: &Tokens, j: usize, acc: &mut Acc, money: bool) -> Option<Step> {
    use Last as L;
    acc.words = true;
    match acc.last {
        L::Start | L::Sign => {
            // "half a million", "half a dozen", "half million"
            let k = if t.is_word(j + 1, "a") { j + 2 } else { j + 1 };
            match atom(t, k, money) {
                Atom::Word(WordClass::Scale(s)) => {
                    acc.total = 0.5 * s;
                    acc.min_scale = s;
                    acc.last = L::Scale;
                    go(k + 1, Some(false))
                }
                Atom::Word(WordClass::Dozen) => {
                    acc.seg = 6.0;
                    acc.last = L::Dozen;
                    end(k + 1, false)
                }
                _ => {
                    acc.frac = 0.5;
                    acc.last = L::Frac;
                    go(j + 1, Some(false))
                }
            }
        }
        _ => fraction_after(t, j, acc, 0.5),
    }
}

fn quarter(t: &Tokens, j: usize, acc: &mut Acc, money: bool) -> Option<Step> {
    use Last as L;
    acc.words = true;
    match acc.last {
        L::Start | L::Sign => match atom(t, j + 1, money) {
            Atom::Word(WordClass::Scale(s)) => {
                acc.total = 0.25 * s;
                acc.min_scale = s;
                acc.last = L::Scale;
                go(j + 2, Some(false))
            }
            _ => None,
        },
        _ => fraction_after(t, j, acc, 0.25),
    }
}

/// "a half" / "and a quarter" after a whole number ("two and a half"), or "one half" as a
/// segment's fraction: `value` of the scale the number is in.
fn fraction_after(t: &Tokens, j: usize, acc: &mut Acc, value: f64) -> Option<Step> {
    use Last as L;
    match acc.last {
        L::A => {
            if acc.base == 0.0 && !lone_article_ok(t, j) {
                return None;
            }
            acc.frac = value * of_scale(t, j, acc);
            acc.last = L::Frac;
            go(j + 1, Some(false))
        }
        L::Unit if acc.seg_one => {
            acc.frac = value * of_scale(t, j, acc);
            acc.seg = 0.0;
            acc.last = L::Frac;
            go(j + 1, Some(false))
        }
        _ => None,
    }
}

/// A plural denominator ("fifths", "hundredths") after its numerator. Without "and" the
/// numerator is the whole number before it ("one hundred three fifths": 103/5; "a hundred
/// thousand trillionths"). After "hundred and" a proper fraction is the fractional part
/// of a mixed number ("one hundred and three quarters": 100¾; "two hundred and fifty-four
/// hundredths": 200.54, as a decimal is read aloud), while an improper one takes the whole
/// group as its numerator ("one hundred and thirty fifths": 130/5). A tens word just
/// before a denominator under ten is one compound denominator with it when a numerator
/// stands before it ("one hundred thirty-fifths": 100/35).
fn fraction(t: &Tokens, j: usize, den: f64, acc: &mut Acc) -> Option<Step> {
    use Last as L;
    let proper_after_and = acc.in_group && acc.last != L::Scale && acc.seg - acc.group_whole < den;
    let whole = if proper_after_and { acc.group_whole } else { 0.0 };
    let (num, den) = match acc.last {
        L::Tens if den < 10.0 && !acc.in_group && acc.total + acc.seg > acc.tens => {
            (acc.total + acc.seg - acc.tens, den + acc.tens)
        }
        L::Unit | L::Teen | L::Tens | L::Lit | L::Hundred | L::Scale => (acc.total + acc.seg - whole, den),
        L::A => (1.0, den),
        _ => return None,
    };
    acc.frac = num / den * of_scale(t, j, acc);
    acc.seg = whole;
    acc.total = 0.0;
    acc.last = L::Frac;
    acc.words = true;
    go(j + 1, Some(false))
}

/// A compound ordinal as a denominator at `j`: "twenty-fifth(s)", "thirty fifths", "one
/// hundred (and) fifth": its value and the token after it, with whether it is singular.
fn compound_denominator(t: &Tokens, j: usize, money: bool) -> Option<(f64, usize, bool)> {
    let word = |k: usize| match atom(t, k, money) {
        Atom::Word(c) => Some(c),
        _ => None,
    };
    let skip_hyphen = |k: usize| {
        if matches!(atom(t, k, money), Atom::Hyphen) {
            k + 1
        } else {
            k
        }
    };
    let last = |k: usize, below: f64| match word(k) {
        Some(WordClass::Ordinal(v)) if v < below => Some((v, k + 1, true)),
        Some(WordClass::Fraction(v)) if v < below => Some((v, k + 1, false)),
        _ => None,
    };
    let tens_then_last = |k: usize| match word(k) {
        Some(WordClass::Tens(tens)) => {
            last(skip_hyphen(k + 1), 10.0).map(|(v, next, one)| (tens + v, next, one))
        }
        _ => None,
    };
    match word(j)? {
        WordClass::Tens(_) => tens_then_last(j),
        WordClass::Unit(u) if u >= 1.0 && word(j + 1) == Some(WordClass::Hundred) => {
            let k = if t.is_word(j + 2, "and") { j + 3 } else { j + 2 };
            let (v, next, one) = tens_then_last(k).or_else(|| last(k, 100.0))?;
            Some((u * 100.0 + v, next, one))
        }
        _ => None,
    }
}

/// The denominator at `j` if a compound ordinal stands there; a singular one ("one
/// twenty-fifth") only where a fraction may end, as after "a" ([`lone_article_ok`]).
fn denominator_at(t: &Tokens, j: usize, money: bool) -> Option<(f64, usize)> {
    let (den, next, singular) = compound_denominator(t, j, money)?;
    (!singular || lone_article_ok(t, next - 1)).then_some((den, next))
}

/// "one twenty-fifth", "three twenty-firsts", "one one hundred fifth": a number word that
/// cannot continue the number read so far opens a compound-ordinal denominator of it.
fn over_compound_ordinal(t: &Tokens, j: usize, acc: &mut Acc, money: bool) -> Option<Step> {
    if acc.in_group || acc.base > 0.0 {
        return None;
    }
    let (den, next) = denominator_at(t, j, money)?;
    acc.frac = (acc.total + acc.seg) / den;
    acc.total = 0.0;
    acc.seg = 0.0;
    acc.last = Last::Frac;
    acc.words = true;
    end(next, false)
}

fn ordinal(t: &Tokens, j: usize, v: f64, acc: &mut Acc) -> Option<Step> {
    use Last as L;
    if acc.lit_start {
        // "280 million first preferred notes": an ordinal is written all in digits
        // ("280,000,001st") or all in words, so the word starts something else
        return None;
    }
    acc.words = true;
    match acc.last {
        L::Start => {
            acc.seg = v;
            end(j + 1, true)
        }
        L::A if v > 2.0 && (acc.base > 0.0 || lone_article_ok(t, j)) => {
            // "a third", "and a fifth"
            acc.frac = 1.0 / v * of_scale(t, j, acc);
            acc.last = L::Frac;
            go(j + 1, Some(false))
        }
        L::Unit if acc.seg_one && v > 2.0 && acc.total == 0.0 => {
            acc.frac = 1.0 / v * of_scale(t, j, acc);
            acc.seg = 0.0;
            acc.last = L::Frac;
            go(j + 1, Some(false))
        }
        L::Tens | L::Hundred | L::Scale if v < 10.0 => {
            acc.seg += v;
            end(j + 1, true)
        }
        L::Unit | L::Teen | L::Tens if v >= 100.0 => {
            acc.seg *= v;
            end(j + 1, true)
        }
        L::Hundred if v >= 1000.0 => {
            // "a hundred thousandth"
            acc.seg *= v;
            end(j + 1, true)
        }
        L::Unit | L::Teen if acc.total + acc.base > 0.0 || acc.seg >= 100.0 => {
            acc.seg += v;
            end(j + 1, true)
        }
        _ => None,
    }
}

/// "two hundred point zero three", "point 77".
fn point(t: &Tokens, j: usize, acc: &mut Acc) -> Option<Step> {
    use Last as L;
    if !matches!(
        acc.last,
        L::Start | L::Unit | L::Teen | L::Tens | L::Lit | L::Hundred
    ) {
        return None;
    }
    let mut digits = String::new();
    let mut k = j + 1;
    if t.kind(k) == Some(Kind::Digits) {
        // Rule `point-digits-after-digits`: "2 point 5" is a decimal, "one point 3,000" is
        // not ("at one point 3,000 people gathered"): a number in words takes its
        // decimals in words ("point 77" alone is one). Nor are grouped digits decimals
        // ("point 2,000").
        let grouped = literal(t, k, false).is_some_and(|l| l.next > k + 1);
        // "at one point 300 people": "point" after a number word read alone is the noun.
        let after_word = acc.last == L::Start && j > 0 && lexicon().words.contains_key(t.lower(j - 1));
        if !matches!(acc.last, L::Lit | L::Start) || grouped || after_word {
            return None;
        }
        digits.push_str(t.raw(k));
        k += 1;
    } else {
        while let Some(c) = t.kind(k).and_then(|_| lexicon().words.get(t.lower(k))) {
            match c {
                WordClass::Unit(v) => digits.push_str(&format!("{v}")),
                WordClass::Teen(v) | WordClass::Tens(v) if digits.is_empty() => {
                    let mut n = *v;
                    if let (WordClass::Tens(_), Some(u)) = (c, next_unit(t, k)) {
                        n += u;
                        k += if t.is_sym(k + 1, &['-']) { 2 } else { 1 };
                    }
                    digits.push_str(&format!("{n}"));
                    k += 1;
                    break;
                }
                _ => break,
            }
            k += 1;
        }
    }
    if digits.is_empty() {
        return None;
    }
    let dec: f64 = format!("0.{digits}").parse().ok()?;
    acc.seg += dec;
    acc.last = L::Unit;
    acc.words = true;
    go(k, Some(false))
}

fn next_unit(t: &Tokens, k: usize) -> Option<f64> {
    let k = if t.is_sym(k + 1, &['-']) { k + 2 } else { k + 1 };
    match t.kind(k).and_then(|_| lexicon().words.get(t.lower(k))) {
        Some(WordClass::Unit(u)) if *u > 0.0 => Some(*u),
        _ => None,
    }
}

fn hyphen(t: &Tokens, j: usize, acc: &mut Acc, money: bool) -> Option<Step> {
    use Last as L;
    let after = atom(t, j + 1, money);
    let ok = match (acc.last, after) {
        (L::Tens, Atom::Word(WordClass::Unit(v) | WordClass::Ordinal(v))) => v > 0.0 && v < 10.0,
        (L::Unit | L::Teen | L::Tens, Atom::Word(WordClass::Fraction(_))) => true,
        (L::Unit, Atom::Word(WordClass::Ordinal(v))) => acc.seg_one && v > 2.0,
        (L::Hundred, Atom::Word(WordClass::Fraction(_))) => true,
        _ => false,
    };
    if !ok {
        return None;
    }
    acc.last = if acc.last == L::Unit && acc.seg_one {
        L::Unit
    } else {
        acc.last
    };
    go(j + 1, None)
}

/// Plural scale words and vague multipliers: "tens of thousands", "hundreds", "dozens",
/// "several hundred", "a few thousand". Each stands for `[VAGUE_FROM × S, VAGUE_TO × S)` where S is the
/// scale ("hundreds": [200, 1000); "tens of thousands": [20,000, 100,000)).
fn vague_at(t: &Tokens, i: usize) -> Option<Numeral> {
    let lex = lexicon();
    let scale_of = |k: usize| match t.kind(k).and_then(|_| lex.words.get(t.lower(k))) {
        Some(WordClass::Vague(s) | WordClass::Scale(s)) => Some(*s),
        Some(WordClass::Hundred) => Some(100.0),
        Some(WordClass::Dozen) => Some(12.0),
        _ => None,
    };
    let plural = |k: usize| match t.kind(k).and_then(|_| lex.words.get(t.lower(k))) {
        Some(WordClass::Vague(s)) => Some(*s),
        Some(WordClass::VagueOf(s)) if of_a_noun(t, k + 1) => Some(*s),
        _ => None,
    };
    let (unit, next) = if t.is_word(i, "tens") || plural(i).is_some() {
        let first = if t.is_word(i, "tens") { 10.0 } else { plural(i)? };
        if t.is_word(i + 1, "of") && plural(i + 2).is_some() {
            (first * plural(i + 2)?, i + 3)
        } else if t.is_word(i, "tens") {
            return None;
        } else {
            (first, i + 1)
        }
    } else {
        let (len, marker) = (1..=2).rev().find_map(|n| marker_at(t, i, n).map(|m| (n, m)))?;
        if marker != Marker::Several {
            return None;
        }
        let s = scale_of(i + len)?;
        if t.is_word(i + len + 1, "of") && plural(i + len + 2).is_some() {
            (s * plural(i + len + 2)?, i + len + 3)
        } else {
            (s, i + len + 1)
        }
    };
    Some(Numeral {
        first: i,
        next,
        value: VAGUE_FROM * unit,
        form: Form::Vague {
            low: VAGUE_FROM * unit,
            high: VAGUE_TO * unit,
        },
        scale: unit,
        digits_only: false,
    })
}

/// "of" and then a word that is no number ("scores of protesters", not "scores of 80").
fn of_a_noun(t: &Tokens, k: usize) -> bool {
    t.is_word(k, "of") && t.kind(k + 1) == Some(Kind::Word) && !lexicon().words.contains_key(t.lower(k + 1))
}

/// The marker made of the `n` tokens at `i`, if any.
pub(crate) fn marker_at(t: &Tokens, i: usize, n: usize) -> Option<Marker> {
    if i + n > t.len() || !lexicon().first_words.contains(t.lower(i)) {
        return None;
    }
    let mut key = String::new();
    for k in i..i + n {
        if k > i {
            if !t.same_line(k) || !lexicon().prefixes.contains(&key) {
                return None;
            }
            key.push(' ');
        }
        key.push_str(t.lower(k));
    }
    lexicon().markers.get(&key).copied()
}
