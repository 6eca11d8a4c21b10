//! Numbers written with digits: grouping ("240,000", "1 234 567"), decimals, exponents
//! ("1e10", "1.3x10^6", "2.5^-1"), simple fractions ("3/4"), vulgar fractions ("¾"),
//! ordinal suffixes ("21st") and glued scale letters ("3k", "1.2bn", "$75m").

use super::tokens::{Kind, Tokens};

/// A number in digits, read from token `first` up to (not including) `next`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Literal {
    pub next: usize,
    pub value: f64,
    pub integer: bool,
    pub ordinal: bool,
    /// The scale a glued letter gave ("3k": 1000), 1 when none.
    pub scale: f64,
    /// A fraction ("3/4", "¾"), which a whole number may precede ("2 1/4").
    pub fraction: bool,
}

fn digits(t: &Tokens, i: usize) -> bool {
    t.kind(i) == Some(Kind::Digits)
}

fn glued_digits(t: &Tokens, i: usize) -> bool {
    digits(t, i) && t.glued(i)
}

pub(crate) fn vulgar(c: char) -> Option<f64> {
    // By denominator, then numerator.
    let (num, den) = match c {
        '½' => (1, 2),
        '⅓' => (1, 3),
        '⅔' => (2, 3),
        '¼' => (1, 4),
        '¾' => (3, 4),
        '⅕' => (1, 5),
        '⅖' => (2, 5),
        '⅗' => (3, 5),
        '⅘' => (4, 5),
        '⅙' => (1, 6),
        '⅚' => (5, 6),
        '⅛' => (1, 8),
        '⅜' => (3, 8),
        '⅝' => (5, 8),
        '⅞' => (7, 8),
        _ => return None,
    };
    Some(f64::from(num) / f64::from(den))
}

/// Integer and decimal part: the digits as text and the token after them.
fn mantissa(t: &Tokens, i: usize) -> Option<(String, usize, bool)> {
    let mut s = String::new();
    let mut j;
    if t.is_sym(i, &['.']) {
        let after_word = t.glued(i) && matches!(t.kind(i - 1), Some(Kind::Word | Kind::Digits));
        if !glued_digits(t, i + 1) || after_word {
            return None;
        }
        s.push_str("0.");
        s.push_str(t.raw(i + 1));
        return Some((s, i + 2, false));
    } else {
        if !digits(t, i) {
            return None;
        }
        s.push_str(t.raw(i));
        j = i + 1;
        if t.raw(i).len() <= 3 {
            if let Some(k) = continental(t, i, &mut s) {
                return Some((s.clone(), k, !s.contains('.')));
            }
            j = groups(t, j, &mut s);
        }
    }
    let mut integer = true;
    let chain = t.is_sym(j + 2, &['.']) && t.glued(j + 2) && glued_digits(t, j + 3);
    let decimal_point = t.is_sym(j, &['.']) && t.glued(j) && glued_digits(t, j + 1) && !chain;
    if decimal_point || (j == i + 1 && decimal_comma(t, i)) {
        s.push('.');
        s.push_str(t.raw(j + 1));
        j += 2;
        integer = false;
    }
    Some((s, j, integer))
}

/// ",d" or ",dd" glued to token `k`, a digit run.
fn short_comma_group(t: &Tokens, k: usize) -> bool {
    t.is_sym(k, &[',']) && t.glued(k) && glued_digits(t, k + 1) && t.raw(k + 1).len() <= 2
}

/// Whether the characters around token span `from..to` open or close brackets or carry on
/// a list ("(26,29)", "[6,6]", "22,24,26", "2,5-diyl").
fn bracketed_or_chained(t: &Tokens, from: usize, to: usize) -> bool {
    let opens = from > 0 && t.glued(from) && t.is_sym(from - 1, &['(', '[', '{', ',', '.', '-', '/']);
    let closes = t.glued(to) && t.is_sym(to, &[')', ']', '}', '-', '–', '/']);
    let goes_on = t.glued(to) && t.is_sym(to, &[',', '.']) && glued_digits(t, to + 1);
    opens || closes || goes_on
}

/// "5,00", "1,3": a comma before one or two digits is a decimal comma when the number
/// stands alone (not in brackets, a list "22,24,26" or a name "2,5-diyl"); three digits
/// after a comma are a thousands group.
fn decimal_comma(t: &Tokens, i: usize) -> bool {
    t.raw(i).len() <= 3 && short_comma_group(t, i + 1) && !bracketed_or_chained(t, i, i + 3)
}

/// Grouping other than the English one, read whole: Indian lakh groups ("12,34,567.89":
/// two-digit groups, then one of three) and continental groups ("1.234.567",
/// "1.111,11": dots between groups of three, a comma before the decimals). Returns the
/// token after the number.
fn continental(t: &Tokens, i: usize, s: &mut String) -> Option<usize> {
    let group = |k: usize, sep: char, len: usize| {
        t.is_sym(k, &[sep]) && t.glued(k) && glued_digits(t, k + 1) && t.raw(k + 1).len() == len
    };
    let mut k = i + 1;
    if t.raw(i).len() <= 2 && group(k, ',', 2) {
        while group(k, ',', 2) {
            k += 2;
        }
        if !group(k, ',', 3) || group(k + 2, ',', 3) || group(k + 2, ',', 2) {
            return None;
        }
        k += 2;
        for x in (i + 1..k).step_by(2) {
            s.push_str(t.raw(x + 1));
        }
        if t.is_sym(k, &['.']) && t.glued(k) && glued_digits(t, k + 1) {
            s.push('.');
            s.push_str(t.raw(k + 1));
            k += 2;
        }
        return Some(k);
    }
    let mut dots = 0;
    while group(k, '.', 3) {
        dots += 1;
        k += 2;
    }
    let decimals =
        dots >= 1 && t.is_sym(k, &[',']) && t.glued(k) && glued_digits(t, k + 1) && t.raw(k + 1).len() != 3;
    if (dots < 2 && !decimals)
        || group(k, '.', 1)
        || group(k, '.', 2)
        || bracketed_or_chained(t, i, k + 2 * usize::from(decimals))
    {
        return None;
    }
    for x in (i + 1..k).step_by(2) {
        s.push_str(t.raw(x + 1));
    }
    if decimals {
        s.push('.');
        s.push_str(t.raw(k + 1));
        k += 2;
    }
    Some(k)
}

/// Thousands groups after a first group of one to three digits: ",ddd" glued, or " ddd"
/// after one space (all groups three digits).
fn groups(t: &Tokens, mut j: usize, s: &mut String) -> usize {
    let comma =
        |j: usize| t.is_sym(j, &[',']) && t.glued(j) && glued_digits(t, j + 1) && t.raw(j + 1).len() == 3;
    if comma(j) {
        while comma(j) {
            s.push_str(t.raw(j + 1));
            j += 2;
        }
        return j;
    }
    let space = |j: usize| digits(t, j) && t.one_space(j) && t.raw(j).len() == 3 && !glued_digits(t, j + 1);
    while space(j) && !(t.is_sym(j + 1, &['/']) && t.glued(j + 1)) {
        s.push_str(t.raw(j));
        j += 1;
    }
    j
}

/// "e10", "e+14", "e-1" glued after a mantissa.
fn exponent_e(t: &Tokens, j: usize) -> Option<(i32, usize)> {
    if !(t.glued(j) && (t.is_word(j, "e"))) {
        return None;
    }
    let (neg, k) = if t.is_sym(j + 1, &['+', '-', '−']) && t.glued(j + 1) {
        (t.is_sym(j + 1, &['-', '−']), j + 2)
    } else {
        (false, j + 1)
    };
    if !glued_digits(t, k) || t.raw(k).len() > 3 {
        return None;
    }
    let e: i32 = t.raw(k).parse().ok()?;
    Some((if neg { -e } else { e }, k + 1))
}

/// "^23", "^-1", "^--23" glued.
fn power(t: &Tokens, j: usize) -> Option<(i32, usize)> {
    if !(t.is_sym(j, &['^']) && t.glued(j)) {
        return None;
    }
    let mut k = j + 1;
    let mut neg = false;
    while t.is_sym(k, &['+', '-', '−']) && t.glued(k) {
        // each minus flips the sign: "^--23" is "^23"
        neg ^= t.is_sym(k, &['-', '−']);
        k += 1;
    }
    if !glued_digits(t, k) || t.raw(k).len() > 3 {
        return None;
    }
    let e: i32 = t.raw(k).parse().ok()?;
    Some((if neg { -e } else { e }, k + 1))
}

/// "x10^6", "× 10^-4", "×10−4" after a mantissa.
fn times_ten(t: &Tokens, j: usize) -> Option<(i32, usize)> {
    let times = t.is_sym(j, &['×']) || (t.is_word(j, "x") && t.glued(j));
    if !times || !digits(t, j + 1) || t.raw(j + 1) != "10" {
        return None;
    }
    if let Some(p) = power(t, j + 2) {
        return Some(p);
    }
    let minus = t.is_sym(j + 2, &['−', '-']) && t.glued(j + 2);
    if minus && glued_digits(t, j + 3) && t.raw(j + 3).len() <= 2 {
        let e: i32 = t.raw(j + 3).parse().ok()?;
        return Some((-e, j + 4));
    }
    None
}

/// A power of ten written after a value that stands apart from it ("(0.3–0.6)×10−9",
/// "2.1–4.4 (×10−3)"): "× 10^e", "×10−e" or a flattened "× 10e" at token `j`.
pub(crate) fn power_of_ten_at(t: &Tokens, j: usize) -> Option<(i32, usize)> {
    times_ten(t, j).or_else(|| flattened_power(t, j))
}

/// Rule `flattened-power`: "× 106", "×1012" after a mantissa: a power of ten whose
/// superscript was flattened into the digits (10⁶, 10¹²), as text copied from a paper
/// has it. Only after the sign "×", with one or two exponent digits that do not start
/// with 0 ("4 × 100 m" is a relay, not 10⁰).
fn flattened_power(t: &Tokens, j: usize) -> Option<(i32, usize)> {
    if !(t.is_sym(j, &['×']) && digits(t, j + 1)) {
        return None;
    }
    let raw = t.raw(j + 1);
    let shaped = (3..=4).contains(&raw.len()) && raw.starts_with("10") && !raw[2..].starts_with('0');
    if !shaped {
        return None;
    }
    // "4 × 105 × 2": a chain of factors is a product of sizes, not a power
    if t.is_sym(j + 2, &['×', '.', ',']) && t.glued(j + 2) && t.kind(j + 3) == Some(Kind::Digits) {
        return None;
    }
    let e: i32 = raw[2..].parse().ok()?;
    Some((e, j + 2))
}

/// "10−4": a power of ten whose superscript was flattened, told by the mathematical minus
/// sign (U+2212), which no score or date uses.
fn lost_superscript(t: &Tokens, i: usize, j: usize) -> Option<(i32, usize)> {
    if t.raw(i) != "10" || j != i + 1 || !(t.is_sym(j, &['−']) && t.glued(j)) {
        return None;
    }
    if !glued_digits(t, j + 1) || t.raw(j + 1).len() > 2 {
        return None;
    }
    let e: i32 = t.raw(j + 1).parse().ok()?;
    Some((-e, j + 2))
}

/// "3/4" with a denominator that is a usual one and above the numerator (so "9/11" and
/// "24/7" stay apart), not part of a date ("5/17/2018").
fn slash_fraction(t: &Tokens, i: usize) -> Option<(f64, usize)> {
    if !(digits(t, i) && t.is_sym(i + 1, &['/']) && t.glued(i + 1) && glued_digits(t, i + 2)) {
        return None;
    }
    let before = i > 0 && t.glued(i) && t.is_sym(i - 1, &['/']);
    let after = t.is_sym(i + 3, &['/', '-']) && t.glued(i + 3);
    let num: f64 = t.raw(i).parse().ok()?;
    let den: f64 = t.raw(i + 2).parse().ok()?;
    let usual = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 12.0, 16.0, 100.0].contains(&den);
    if before || after || !usual || num >= den || t.raw(i).len() > 3 {
        return None;
    }
    Some((num / den, i + 3))
}

/// A scale letter after the digits ("3k", "1.2bn" is a scale word, not here). `mantissa`
/// is the number as read (digits, and a point if it has one); `written` says whether it
/// was written with digit groups or a decimal point ("1,674.5"), as an amount is and a
/// label ("Route 5", "4G") is not.
fn glued_scale(t: &Tokens, j: usize, money: bool, mantissa: &str, written: bool) -> Option<f64> {
    if t.kind(j) != Some(Kind::Word) {
        return None;
    }
    let glued = t.glued(j);
    let raw = t.raw(j);
    // A capital scale letter one space after a written amount ("1,674,200.5 M"), not
    // before a capitalised word that goes on a name ("2.5 M Street").
    let name_goes_on = t.kind(j + 1) == Some(Kind::Word) && t.raw(j + 1).starts_with(char::is_uppercase);
    let spaced_capital = t.one_space(j) && written && !name_goes_on;
    let s = match raw {
        "k" | "K" if glued => 1e3,
        "k" if t.one_space(j) && !t.is_word(j + 1, "m") => 1e3,
        "M" | "MM" | "mil" if glued => 1e6,
        "M" if spaced_capital => 1e6,
        "m" if glued && money => 1e6,
        "m" if glued && super::million_letter::million_after(t, j) => 1e6,
        // "1.2b", "300B"; "2010b" cites the second paper of a year, not 2 trillion
        "b" | "B" if glued && t.raw(j - 1).len() <= 3 => 1e9,
        // Rule `giga-letter`: "10G", "1,674.5 G" are billions; a single digit glued to G
        // ("4G", "5G") names a generation of mobile networks, not a figure.
        "G" if glued && mantissa.len() >= 2 => 1e9,
        "G" if spaced_capital => 1e9,
        _ => return None,
    };
    Some(s)
}

/// A number in digits at token `i` (a leading "-" is the caller's).
pub(crate) fn literal(t: &Tokens, i: usize, money: bool) -> Option<Literal> {
    if let Some(v) = vulgar_at(t, i) {
        return Some(Literal {
            next: i + 1,
            value: v,
            integer: false,
            ordinal: false,
            scale: 1.0,
            fraction: true,
        });
    }
    if let Some((v, next)) = slash_fraction(t, i) {
        return Some(Literal {
            next,
            value: v,
            integer: false,
            ordinal: false,
            scale: 1.0,
            fraction: true,
        });
    }
    let (s, mut j, mut integer) = mantissa(t, i)?;
    let mut value: f64 = s.parse().ok()?;
    if let Some((e, k)) = lost_superscript(t, i, j) {
        value = 10f64.powi(e);
        j = k;
        integer = false;
    } else if let Some((e, k)) = exponent_e(t, j)
        .or_else(|| times_ten(t, j))
        .or_else(|| flattened_power(t, j))
    {
        value *= 10f64.powi(e);
        j = k;
        integer = false;
    } else if let Some((e, k)) = power(t, j) {
        value = value.powi(e);
        j = k;
        integer = false;
    }
    let ordinal = integer
        && t.glued(j)
        && t.kind(j) == Some(Kind::Word)
        && matches!(t.lower(j), "st" | "nd" | "rd" | "th");
    if ordinal {
        j += 1;
    }
    let mut scale = 1.0;
    if !ordinal {
        let written = j > i + 1;
        if let Some(sc) = glued_scale(t, j, money, &s, written) {
            scale = sc;
            value *= sc;
            j += 1;
        }
    }
    // "2½": a vulgar fraction glued to a whole number.
    if integer && scale == 1.0 && !ordinal && t.glued(j) {
        if let Some(v) = vulgar_at(t, j) {
            value += v;
            j += 1;
            integer = false;
        }
    }
    Some(Literal {
        next: j,
        value,
        integer,
        ordinal,
        scale,
        fraction: false,
    })
}

fn vulgar_at(t: &Tokens, i: usize) -> Option<f64> {
    if t.kind(i) != Some(Kind::Sym) {
        return None;
    }
    t.raw(i).chars().next().and_then(vulgar)
}
