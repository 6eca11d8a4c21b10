//! The literals a pattern's matches must contain, read off its syntax tree: "every match
//! of the month-day-year pattern contains a month name and one of 16–20", so a piece of
//! text with neither cannot hold a match and the pattern need not run there.
//!
//! Literals are lower-cased ASCII, to be looked for without regard to ASCII case; a
//! case-insensitive pattern's other spellings of a letter (the Kelvin sign for `k`, the
//! long `ſ` for `s`) are kept as literals of their own, so a text that spells a word with
//! them is still found. The literals are necessary, never sufficient: where they occur the
//! pattern still has to run.
//!
//! A word boundary (`\b`) written right before or after a literal is kept with it as a
//! marker byte ([`ASCII_BOUNDARY`], [`UNICODE_BOUNDARY`]; neither occurs in UTF-8), so the
//! gate can pass over "may" inside "mayor" and "nov" inside "government" ([`Bounded`]).

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// A literal, lower-cased where ASCII; it may hold boundary markers.
type Literal = Vec<u8>;

/// Marks an ASCII word boundary (`(?-u:\b)`) in a literal.
const ASCII_BOUNDARY: u8 = 0xFE;

/// Marks a Unicode word boundary (`\b`) in a literal.
const UNICODE_BOUNDARY: u8 = 0xFF;

fn is_marker(b: u8) -> bool {
    b == ASCII_BOUNDARY || b == UNICODE_BOUNDARY
}

/// A word boundary a literal's match needs at one of its ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Boundary {
    None,
    /// `(?-u:\b)`: word characters are ASCII letters, digits and `_`.
    Ascii,
    /// `\b`: word characters are Unicode's; letters, ASCII digits and `_` are among them.
    Unicode,
}

impl Boundary {
    /// The boundary `b` marks, if it is a marker.
    fn of(b: u8) -> Boundary {
        match b {
            ASCII_BOUNDARY => Boundary::Ascii,
            UNICODE_BOUNDARY => Boundary::Unicode,
            _ => Boundary::None,
        }
    }

    /// Whether `c` is surely a word character for this boundary.
    fn is_word(self, c: char) -> bool {
        match self {
            Boundary::None => false,
            Boundary::Ascii => c.is_ascii_alphanumeric() || c == '_',
            Boundary::Unicode => c.is_alphabetic() || c.is_ascii_digit() || c == '_',
        }
    }
}

/// A literal to look for, with the word boundaries its match needs before and after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Bounded {
    pub(super) bytes: Vec<u8>,
    before: Boundary,
    after: Boundary,
}

impl Bounded {
    /// The literal with its end markers read as boundaries; markers inside it are dropped
    /// (a boundary there is between the literal's own characters, which the pattern
    /// checks). Only a boundary next to an ASCII letter or digit is kept: there a word
    /// character beside it means no boundary, whatever else the pattern says.
    pub(super) fn new(literal: &[u8]) -> Bounded {
        let bytes = bare(literal);
        // The boundary marked at one end, kept when the letter beside it is a word's.
        let at = |end: Option<&u8>, letter: Option<&u8>| match (end, letter) {
            (Some(&m), Some(l)) if l.is_ascii_alphanumeric() => Boundary::of(m),
            _ => Boundary::None,
        };
        Bounded {
            before: at(literal.first(), bytes.first()),
            after: at(literal.last(), bytes.last()),
            bytes,
        }
    }

    /// Whether the literal found at `start..end` of `text` may be where a match is: no
    /// word character runs on into it where it needs a boundary.
    pub(super) fn fits(&self, text: &str, start: usize, end: usize) -> bool {
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        !before.is_some_and(|c| self.before.is_word(c)) && !after.is_some_and(|c| self.after.is_word(c))
    }
}

/// Literals one of which every match contains.
pub(super) type AnyOf = Vec<Literal>;

/// Most strings a node's exact spellings may be written out into.
const MAX_SPELLINGS: usize = 256;

/// Most characters a class may have to count as a few spellings ("[Kk\u{212A}]").
const MAX_CLASS: usize = 4;

/// Sets of literals kept for a pattern: each must be found, so more cut more pieces, but
/// each costs its literals' hits.
const MAX_SETS: usize = 2;

/// A weaker set than the best is kept only if its literals are this long: one-letter
/// literals are everywhere.
const MIN_EXTRA_LEN: usize = 2;

/// What a node of the syntax tree tells about its matches.
struct Shape {
    /// Every string the node matches, when they are few.
    exact: Option<AnyOf>,
    /// Sets of literals, each of which every match contains one of.
    required: Vec<AnyOf>,
}

/// The sets of literals every match of `pattern` must contain one of each, best first;
/// none when no literal is certain (the pattern then runs everywhere).
pub(super) fn anchors(pattern: &str) -> Vec<AnyOf> {
    let Ok(hir) = regex_syntax::parse(pattern) else {
        return Vec::new();
    };
    let shape = shape(&hir);
    let mut sets: Vec<AnyOf> = shape
        .required
        .into_iter()
        .chain(usable(shape.exact))
        .map(minimal)
        .collect();
    sets.sort();
    sets.dedup();
    sets.sort_by_key(|s| std::cmp::Reverse(strength(s)));
    let mut kept: Vec<AnyOf> = sets.iter().take(1).cloned().collect();
    for set in sets.into_iter().skip(1) {
        if kept.len() == MAX_SETS {
            break;
        }
        // A set found wherever a kept one is cuts nothing more ("may" beside "\bmay").
        if set.iter().all(|l| bare_len(l) >= MIN_EXTRA_LEN) && !kept.iter().any(|k| implies(k, &set)) {
            kept.push(set);
        }
    }
    kept
}

/// The literal's bytes without its boundary markers.
fn bare(l: &[u8]) -> Vec<u8> {
    l.iter().copied().filter(|&b| !is_marker(b)).collect()
}

/// Whether every literal of `strong` contains one of `weak`: where `strong` is found,
/// so is `weak`.
fn implies(strong: &AnyOf, weak: &AnyOf) -> bool {
    let weak: Vec<Vec<u8>> = weak.iter().map(|l| bare(l)).collect();
    strong.iter().map(|l| bare(l)).all(|l| {
        weak.iter()
            .any(|w| w.len() <= l.len() && l.windows(w.len()).any(|x| x == w.as_slice()))
    })
}

fn shape(h: &Hir) -> Shape {
    let exact = |exact| Shape {
        exact,
        required: Vec::new(),
    };
    match h.kind() {
        HirKind::Look(Look::WordAscii) => exact(Some(vec![vec![ASCII_BOUNDARY]])),
        HirKind::Look(Look::WordUnicode) => exact(Some(vec![vec![UNICODE_BOUNDARY]])),
        HirKind::Empty | HirKind::Look(_) => exact(Some(vec![Vec::new()])),
        HirKind::Literal(l) => exact(Some(vec![l.0.to_ascii_lowercase()])),
        HirKind::Class(c) => exact(class_spellings(c)),
        HirKind::Capture(c) => shape(&c.sub),
        HirKind::Repetition(r) => {
            let sub = shape(&r.sub);
            let exact = match (r.min, r.max, sub.exact.clone()) {
                (0, Some(1), Some(mut e)) => {
                    e.push(Vec::new());
                    Some(dedup(e))
                }
                (1, Some(1), e) => e,
                _ => None,
            };
            // A part that may be left out tells nothing about every match.
            let required = if r.min >= 1 {
                sub.required.into_iter().chain(usable(sub.exact)).collect()
            } else {
                Vec::new()
            };
            Shape { exact, required }
        }
        HirKind::Concat(subs) => concat(subs),
        HirKind::Alternation(subs) => {
            let shapes: Vec<Shape> = subs.iter().map(shape).collect();
            let exact = shapes
                .iter()
                .map(|s| s.exact.clone())
                .collect::<Option<Vec<AnyOf>>>()
                .map(|e| dedup(e.concat()))
                .filter(|e| e.len() <= MAX_SPELLINGS);
            // Every match contains one of some branch's literals.
            let required = shapes
                .iter()
                .map(best)
                .collect::<Option<Vec<AnyOf>>>()
                .map(|e| minimal(e.concat()));
            Shape {
                exact,
                required: required.into_iter().collect(),
            }
        }
    }
}

/// A sequence: each part's required sets hold for the whole, and so do the spellings of
/// every run of parts with few exact spellings ("the", " ", "next" → "the next").
fn concat(subs: &[Hir]) -> Shape {
    let mut required: Vec<AnyOf> = Vec::new();
    let mut run: AnyOf = vec![Vec::new()];
    let mut whole: Option<AnyOf> = Some(vec![Vec::new()]);
    for sub in subs {
        let s = shape(sub);
        required.extend(s.required);
        match s.exact {
            Some(e) => {
                whole = whole.and_then(|w| product(&w, &e));
                run = match product(&run, &e) {
                    Some(r) => r,
                    // Too many spellings: end the run here and start another.
                    None => {
                        required.extend(usable(Some(run)));
                        e
                    }
                };
            }
            None => {
                whole = None;
                required.extend(usable(Some(std::mem::replace(&mut run, vec![Vec::new()]))));
            }
        }
    }
    required.extend(usable(Some(run)));
    Shape {
        exact: whole,
        required: required.into_iter().map(minimal).collect(),
    }
}

/// A node's best single set of literals, if any.
fn best(s: &Shape) -> Option<AnyOf> {
    usable(s.exact.clone())
        .into_iter()
        .chain(s.required.iter().cloned())
        .max_by_key(strength)
}

/// A literal's length without its boundary markers.
fn bare_len(l: &Literal) -> usize {
    l.iter().filter(|&&b| !is_marker(b)).count()
}

/// How selective a set of literals is: longer shortest literal, then fewer literals, then
/// more of them held to a word boundary.
fn strength(s: &AnyOf) -> (usize, std::cmp::Reverse<usize>, usize) {
    let shortest = s.iter().map(bare_len).min().unwrap_or(0);
    let bounded = s
        .iter()
        .filter(|l| l.first().is_some_and(|&b| is_marker(b)) || l.last().is_some_and(|&b| is_marker(b)))
        .count();
    (shortest.min(16), std::cmp::Reverse(s.len()), bounded)
}

/// A set that can tell anything: not empty, and with no empty literal (found everywhere;
/// a boundary alone is empty too).
fn usable(s: Option<AnyOf>) -> Option<AnyOf> {
    s.filter(|s| !s.is_empty() && s.iter().all(|l| bare_len(l) > 0))
}

/// The characters of a small class, each a spelling; none for a large one (`\d`, `\s`).
fn class_spellings(c: &Class) -> Option<AnyOf> {
    let spellings: AnyOf = match c {
        Class::Unicode(u) => {
            let chars = u.ranges().iter().flat_map(|r| r.start()..=r.end());
            if chars.clone().count() > MAX_CLASS {
                return None;
            }
            chars
                .map(|ch| ch.to_string().into_bytes().to_ascii_lowercase())
                .collect()
        }
        Class::Bytes(b) => {
            let bytes = b.ranges().iter().flat_map(|r| r.start()..=r.end());
            if bytes.clone().count() > MAX_CLASS {
                return None;
            }
            bytes.map(|x| vec![x.to_ascii_lowercase()]).collect()
        }
    };
    Some(dedup(spellings))
}

/// Every spelling of `a` followed by one of `b`, unless there would be too many.
fn product(a: &AnyOf, b: &AnyOf) -> Option<AnyOf> {
    if a.len() * b.len() > MAX_SPELLINGS {
        return None;
    }
    let joined = a
        .iter()
        .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()));
    Some(dedup(joined.collect()))
}

fn dedup(mut s: AnyOf) -> AnyOf {
    s.sort();
    s.dedup();
    s
}

/// The set without literals that contain another of it: wherever the longer one is, the
/// shorter is too.
fn minimal(s: AnyOf) -> AnyOf {
    let s = dedup(s);
    let contains = |long: &Literal, short: &Literal| {
        short.len() < long.len() && long.windows(short.len()).any(|w| w == short.as_slice())
    };
    s.iter()
        .filter(|l| !s.iter().any(|short| contains(l, short)))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The sets as text, a boundary marker shown as `|` (ASCII) or `¦` (Unicode).
    fn shown(sets: Vec<AnyOf>) -> Vec<Vec<String>> {
        let text = |l: Literal| {
            let mut out = Vec::new();
            for b in l {
                match b {
                    ASCII_BOUNDARY => out.push(b'|'),
                    UNICODE_BOUNDARY => out.extend("¦".as_bytes()),
                    b => out.push(b),
                }
            }
            String::from_utf8(out).unwrap()
        };
        sets.into_iter()
            .map(|s| s.into_iter().map(text).collect())
            .collect()
    }

    #[test]
    fn a_sequence_gives_its_words_and_each_part_its_own() {
        assert_eq!(
            shown(anchors(r"(?i)(?-u:\b)(the next) (year|month)(?-u:\b)"))[0],
            ["|the next month|", "|the next year|"]
        );
        // A month and a year: both must be there.
        assert_eq!(
            shown(anchors(
                r"(?-u:\b)(May|June)\s+(\d{1,2}),?\s+((?:19|20)\d\d)(?-u:\b)"
            )),
            [vec!["|june", "|may"], vec!["19", "20"]]
        );
        assert_eq!(shown(anchors(r"\bnoon\b")), [["¦noon¦"]]);
    }

    #[test]
    fn a_literal_needing_a_boundary_is_passed_over_inside_a_word() {
        let may = Bounded::new(&[&[ASCII_BOUNDARY][..], b"may", &[ASCII_BOUNDARY]].concat());
        assert_eq!(may.bytes, b"may");
        let text = "the mayor said in May, not in dismay.";
        let at = |w: &str| {
            let i = text.find(w).unwrap();
            may.fits(text, i, i + 3)
        };
        assert!(!at("mayor"));
        assert!(at("May,"));
        assert!(!at("may."));
        // An ASCII boundary is one beside a letter outside ASCII.
        assert!(may.fits("émay", 2, 5));
        let unicode = Bounded::new(&[&[UNICODE_BOUNDARY][..], b"may"].concat());
        assert!(!unicode.fits("émay", 2, 5));
        assert!(unicode.fits("-may", 1, 4));
        // A boundary next to a character that is no ASCII letter or digit tells nothing.
        let dash = Bounded::new(&[&[ASCII_BOUNDARY][..], b"-day"].concat());
        assert!(dash.fits("a-day", 1, 5));
        // Markers inside a literal are dropped.
        let inner = Bounded::new(&[&b"the"[..], &[ASCII_BOUNDARY], b" next"].concat());
        assert_eq!(inner.bytes, b"the next");
        assert!(inner.fits("xthe nexty", 1, 9));
    }

    #[test]
    fn optional_parts_and_large_classes_tell_nothing() {
        assert_eq!(shown(anchors(r"(?:early )?(\d+)\s+days")), [["days"]]);
        assert!(anchors(r"\d+").is_empty());
        assert!(anchors(r"(?:now)?").is_empty());
    }

    #[test]
    fn other_case_spellings_are_kept() {
        // Under (?i) "s" also matches the long s, and "k" the Kelvin sign.
        assert_eq!(
            shown(anchors(r"(?i)weeks")),
            [["weeks", "week\u{17F}", "wee\u{212A}s", "wee\u{212A}\u{17F}"]]
        );
    }
}
