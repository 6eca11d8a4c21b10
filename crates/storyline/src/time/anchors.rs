//! The literals a pattern's matches must contain, read off its syntax tree: "every match
//! of the month-day-year pattern contains a month name and one of 16–20", so a piece of
//! text with neither cannot hold a match and the pattern need not run there.
//!
//! Literals are lower-cased ASCII, to be looked for without regard to ASCII case; a
//! case-insensitive pattern's other spellings of a letter (the Kelvin sign for `k`, the
//! long `ſ` for `s`) are kept as literals of their own, so a text that spells a word with
//! them is still found. The literals are necessary, never sufficient: where they occur the
//! pattern still has to run.

use regex_syntax::hir::{Class, Hir, HirKind};

/// A literal, lower-cased where ASCII.
type Literal = Vec<u8>;

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
    kept.extend(
        sets.into_iter()
            .skip(1)
            .filter(|s| s.iter().all(|l| l.len() >= MIN_EXTRA_LEN))
            .take(MAX_SETS - 1),
    );
    kept
}

fn shape(h: &Hir) -> Shape {
    let exact = |exact| Shape {
        exact,
        required: Vec::new(),
    };
    match h.kind() {
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

/// How selective a set of literals is: longer shortest literal, then fewer literals.
fn strength(s: &AnyOf) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = s.iter().map(Vec::len).min().unwrap_or(0);
    (shortest.min(16), std::cmp::Reverse(s.len()))
}

/// A set that can tell anything: not empty, and with no empty literal (found everywhere).
fn usable(s: Option<AnyOf>) -> Option<AnyOf> {
    s.filter(|s| !s.is_empty() && s.iter().all(|l| !l.is_empty()))
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

    fn shown(sets: Vec<AnyOf>) -> Vec<Vec<String>> {
        sets.into_iter()
            .map(|s| s.into_iter().map(|l| String::from_utf8(l).unwrap()).collect())
            .collect()
    }

    #[test]
    fn a_sequence_gives_its_words_and_each_part_its_own() {
        assert_eq!(
            shown(anchors(r"(?i)(?-u:\b)(the next) (year|month)(?-u:\b)"))[0],
            ["the next month", "the next year"]
        );
        // A month and a year: both must be there.
        assert_eq!(
            shown(anchors(
                r"(?-u:\b)(May|June)\s+(\d{1,2}),?\s+((?:19|20)\d\d)(?-u:\b)"
            )),
            [vec!["june", "may"], vec!["19", "20"]]
        );
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
