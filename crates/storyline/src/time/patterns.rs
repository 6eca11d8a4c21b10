//! The recognition patterns of [`RULES`], compiled once: each with its rule, in priority
//! order, and the literals their matches contain, which tell where each may occur.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use regex::Regex;

use super::anchors::{anchors, AnyOf, Bounded};
use super::rules::{Rule, RuleDef, RULES};
use super::words::{MONTHS, NUMBER_WORDS, UNITS, WEEKDAYS};
use crate::span::Span;

/// A compiled pattern and the rule it belongs to.
pub(super) struct Pattern {
    pub(super) re: Regex,
    pub(super) def: &'static RuleDef,
}

impl Pattern {
    pub(super) fn rule(&self) -> Rule {
        self.def.rule
    }
}

/// A pattern with its word groups written out.
fn expand(pattern: &str) -> String {
    pattern
        .replace("%MONTHS%", MONTHS)
        .replace("%WEEKDAYS%", WEEKDAYS)
        .replace("%NUMBER_WORDS%", NUMBER_WORDS)
        .replace("%UNITS%", UNITS)
}

/// Every rule's patterns, in priority order.
pub(super) static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    RULES
        .iter()
        .flat_map(|def| {
            def.patterns.iter().map(move |p| Pattern {
                re: regex::RegexBuilder::new(&expand(p))
                    .dfa_size_limit(8 << 20)
                    .build()
                    .unwrap_or_else(|e| panic!("the pattern of {:?} ({}): {e}", def.rule, def.reason)),
                def,
            })
        })
        .collect()
});

/// Where each pattern may match: the literals its matches must contain
/// ([`super::anchors`]), all looked for in one pass over the text. Cheaper than a set of
/// all the patterns, which tells exactly which patterns occur where but whose lazy DFA,
/// with every pattern's states at once, kept growing over many MB of news text.
struct Gate {
    /// Every literal of every pattern, found regardless of ASCII case.
    finder: AhoCorasick,
    /// For each literal of `finder`, the sets (indices into the sets of all patterns) it
    /// belongs to, each with the word boundaries it needs there.
    sets_of: Vec<Vec<(usize, Bounded)>>,
    /// For each pattern, the sets one literal each of which its matches contain; none:
    /// it runs everywhere.
    needs: Vec<Vec<usize>>,
    /// How many sets there are.
    set_count: usize,
}

static GATE: LazyLock<Gate> = LazyLock::new(|| {
    let mut sets: Vec<AnyOf> = Vec::new();
    let needs: Vec<Vec<usize>> = PATTERNS
        .iter()
        .map(|p| {
            anchors(p.re.as_str())
                .into_iter()
                .map(|set| index_of(&mut sets, set))
                .collect()
        })
        .collect();
    let mut literals: Vec<Vec<u8>> = Vec::new();
    let mut sets_of: Vec<Vec<(usize, Bounded)>> = Vec::new();
    for (id, set) in sets.iter().enumerate() {
        for literal in set {
            let bounded = Bounded::new(literal);
            let k = index_of(&mut literals, bounded.bytes.clone());
            sets_of.resize(literals.len(), Vec::new());
            sets_of[k].push((id, bounded));
        }
    }
    // The literals are folded to lower case only where ASCII: other letters must match as
    // written, as they were kept (see `anchors`).
    let finder = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&literals)
        .expect("timex literals");
    Gate {
        finder,
        sets_of,
        needs,
        set_count: sets.len(),
    }
});

/// Where `item` is in `list`, added at the end if it was not.
fn index_of<T: PartialEq>(list: &mut Vec<T>, item: T) -> usize {
    list.iter().position(|x| *x == item).unwrap_or_else(|| {
        list.push(item);
        list.len() - 1
    })
}

impl Gate {
    /// For each set, the pieces (indices, in order) whose searched text holds one of its
    /// literals: the literal starts in the piece or before it, and ends by its reach.
    fn pieces_with_sets(&self, text: &str, pieces: &[Span], reaches: &[usize]) -> Vec<Vec<usize>> {
        let mut found: Vec<Vec<usize>> = vec![Vec::new(); self.set_count];
        for hit in self.finder.find_overlapping_iter(text) {
            let last = pieces
                .partition_point(|p| p.end <= hit.start())
                .min(pieces.len() - 1);
            let sets = self.sets_of[hit.pattern().as_usize()]
                .iter()
                .filter(|(_, b)| b.fits(text, hit.start(), hit.end()));
            for (set, _) in sets {
                for k in (0..=last).rev().take_while(|&k| reaches[k] >= hit.end()) {
                    found[*set].push(k);
                }
            }
        }
        for pieces in &mut found {
            pieces.sort_unstable();
            pieces.dedup();
        }
        found
    }
}

/// Patterns that need the gate: with fewer allowed (publication-date inference looks for
/// four kinds of full date only) each runs over the whole text.
const GATE_FROM_PATTERNS: usize = 8;

/// Where to run which pattern, in priority order: each allowed pattern with the pieces of
/// the text, in text order, where it may match. With few patterns allowed, every one over
/// the whole text. Otherwise the text is cut at its sentence ends and each pattern runs
/// ([`captures_in`]) only in the pieces that hold its literals ([`GATE`]). Either way the
/// matches are those of the whole text.
pub(super) fn plan(
    text: &str,
    sentences: &[Span],
    allowed: impl Fn(usize) -> bool,
) -> Vec<(usize, Vec<Span>)> {
    let allowed: Vec<usize> = (0..PATTERNS.len()).filter(|&i| allowed(i)).collect();
    let whole = Span::new(0, text.len());
    if allowed.len() < GATE_FROM_PATTERNS {
        return allowed.into_iter().map(|i| (i, vec![whole])).collect();
    }
    let pieces = pieces(text.len(), sentences);
    if pieces.is_empty() {
        return Vec::new();
    }
    let reaches: Vec<usize> = pieces.iter().map(|&p| reach(text, p)).collect();
    let with_sets = GATE.pieces_with_sets(text, &pieces, &reaches);
    allowed
        .into_iter()
        .map(|i| {
            // The pieces holding every set the pattern needs: the first set's pieces (the
            // strongest), kept where the others have them too.
            let at = match GATE.needs[i].split_first() {
                None => pieces.clone(),
                Some((&first, rest)) => with_sets[first]
                    .iter()
                    .filter(|k| rest.iter().all(|&set| with_sets[set].binary_search(k).is_ok()))
                    .map(|&k| pieces[k])
                    .collect(),
            };
            (i, at)
        })
        .filter(|(_, at): &(usize, Vec<Span>)| !at.is_empty())
        .collect()
}

/// How far past its piece a match may run: a sentence splitter can cut a time expression
/// ("7:19 p.m. | EST"), and the whole text's match runs on.
const OVERRUN: usize = 64;

/// The end of the text a piece's matches are looked for in.
fn reach(text: &str, piece: Span) -> usize {
    let mut end = (piece.end + OVERRUN).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    end
}

/// The text cut at every sentence end: consecutive pieces that cover it all.
fn pieces(len: usize, sentences: &[Span]) -> Vec<Span> {
    let mut ends: Vec<usize> = sentences
        .iter()
        .map(|s| s.end)
        .filter(|&e| e > 0 && e < len)
        .collect();
    ends.sort_unstable();
    ends.dedup();
    ends.push(len);
    let mut start = 0;
    ends.into_iter()
        .map(|end| {
            let piece = Span::new(start, end);
            start = end;
            piece
        })
        .filter(|p| p.end > p.start)
        .collect()
}

/// The matches of `re` that start inside one of `pieces` (in text order), as
/// `captures_iter` gives them over the whole text: the text before a piece counts for
/// `\b`, a match may run [`OVERRUN`] bytes past its piece, the next search starts where
/// the last match ended, and an empty match right there is passed over.
pub(super) fn captures_in<'r, 't: 'r>(
    re: &'r Regex,
    text: &'t str,
    pieces: &'r [Span],
) -> impl Iterator<Item = regex::Captures<'t>> + 'r {
    let mut k = 0;
    let mut pos = 0;
    let mut last_end: Option<usize> = None;
    std::iter::from_fn(move || loop {
        let piece = *pieces.get(k)?;
        pos = pos.max(piece.start);
        let hay = &text[..reach(text, piece)];
        let found = if pos <= hay.len() {
            re.captures_at(hay, pos)
        } else {
            None
        };
        let Some(c) = found.filter(|c| c.get(0).is_some_and(|m| m.start() < piece.end)) else {
            k += 1;
            continue;
        };
        let m = c.get(0).expect("the whole match");
        if m.is_empty() && last_end == Some(m.end()) {
            pos = text[pos..]
                .chars()
                .next()
                .map_or(text.len() + 1, |ch| pos + ch.len_utf8());
            continue;
        }
        pos = m.end();
        last_end = Some(m.end());
        return Some(c);
    })
}

#[cfg(test)]
mod tests {
    use super::super::rules::Rule;
    use super::*;

    #[test]
    fn every_placeholder_is_written_out() {
        for p in PATTERNS.iter() {
            assert!(!p.re.as_str().contains('%'), "{:?}: {}", p.rule(), p.re.as_str());
        }
    }

    #[test]
    fn every_pattern_has_literals_to_look_for() {
        // Not needed for the matches, but a pattern without would run in every sentence.
        for (i, p) in PATTERNS.iter().enumerate() {
            assert!(!GATE.needs[i].is_empty(), "{:?}: {}", p.rule(), p.re.as_str());
        }
    }

    #[test]
    fn the_gate_keeps_every_pattern_that_matches() {
        let text = "On Monday, March 3, 2014 the board met; two weeks ago it had met at 9 a.m. \
                    on Dec. 7, and it meets every month, next year too, since the 1990s.";
        let matching: Vec<usize> = (0..PATTERNS.len())
            .filter(|&i| PATTERNS[i].re.is_match(text))
            .collect();
        assert!(matching.len() > 5, "{matching:?}");
        let whole = [Span::new(0, text.len())];
        let planned = plan(text, &whole, |_| true);
        let kept: Vec<usize> = planned.iter().map(|(i, _)| *i).collect();
        assert!(matching.iter().all(|i| kept.contains(i)), "{kept:?}");
        // The gate keeps few of the rest: "every month" has no weekday, no clock time.
        assert!(kept.len() < PATTERNS.len() / 2, "{kept:?}");
        assert_same_matches(text, &planned);
        // Few patterns allowed: those, over the whole text, without the set.
        let all = vec![whole[0]];
        assert_eq!(
            plan(text, &whole, |i| i < 3),
            vec![(0, all.clone()), (1, all.clone()), (2, all)]
        );
    }

    #[test]
    fn each_pattern_runs_in_the_sentences_that_hold_its_literals() {
        let text = "The vote was on Monday. Nobody came to the hall, and the doors stayed shut \
                    while the rain went on and on. It ends in March 2031.";
        let second = text.find("Nobody").unwrap();
        let third = text.find("It ends").unwrap();
        let sentences = [
            Span::new(0, second - 1),
            Span::new(second, third - 1),
            Span::new(third, text.len()),
        ];
        let planned = plan(text, &sentences, |_| true);
        // Cut at the sentence ends: the weekday's patterns run in the first piece, the
        // month's not there.
        let first = Span::new(0, second - 1);
        for (i, ps) in &planned {
            match PATTERNS[*i].rule() {
                Rule::Weekday => assert!(ps.contains(&first)),
                Rule::MonthYear => assert!(!ps.contains(&first)),
                _ => {}
            }
        }
        assert_same_matches(text, &planned);
    }

    /// The matches found piece by piece are those of the whole text.
    fn assert_same_matches(text: &str, planned: &[(usize, Vec<Span>)]) {
        for (i, pat) in PATTERNS.iter().enumerate() {
            let whole: Vec<(usize, usize)> = pat.re.find_iter(text).map(|m| (m.start(), m.end())).collect();
            let by_piece: Vec<(usize, usize)> = planned
                .iter()
                .filter(|(j, _)| *j == i)
                .flat_map(|(_, ps)| {
                    captures_in(&pat.re, text, ps)
                        .map(|c| (c.get(0).unwrap().start(), c.get(0).unwrap().end()))
                })
                .collect();
            assert_eq!(whole, by_piece, "{:?}", pat.rule());
        }
    }

    #[test]
    fn a_match_runs_on_past_a_wrong_sentence_end() {
        // A splitter that ends a sentence after "p.m." must not cut the zone off.
        let text = "The memo left at 6:05 p.m. GMT on a Friday. Then all went quiet.";
        let sentences = [Span::new(0, 26), Span::new(27, 43), Span::new(44, text.len())];
        assert_same_matches(text, &plan(text, &sentences, |_| true));
    }

    #[test]
    fn the_text_before_a_piece_counts_for_word_boundaries() {
        let re = Regex::new(r"\bday\b").unwrap();
        // "Sunday" ends in "day", but not at a word boundary.
        let text = "Sunday";
        assert_eq!(captures_in(&re, text, &[Span::new(3, 6)]).count(), 0);
        let text = "a day";
        assert_eq!(captures_in(&re, text, &[Span::new(2, 5)]).count(), 1);
    }
}
