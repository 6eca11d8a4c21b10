//! The recognition patterns of [`RULES`], compiled once: each with its rule, in priority
//! order, and one set of them all that tells which occur in a text at all.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::LazyLock;

use regex::{Regex, RegexSet};

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

/// All patterns at once: one scan tells which occur in a text. (A larger lazy-DFA cache:
/// the set has many overlapping patterns, and with the default the cache is rebuilt over
/// and over, a quarter of the whole record's time.)
static ANY: LazyLock<RegexSet> = LazyLock::new(|| {
    regex::RegexSetBuilder::new(PATTERNS.iter().map(|p| p.re.as_str()))
        .dfa_size_limit(64 << 20)
        .build()
        .expect("timex pattern set")
});

/// Text a process scans before it starts to use [`ANY`]. The set costs about 10 ms to
/// compile and its lazy DFA fills as it scans (30–40 ms over the first 0.4 MB of news text,
/// about 90 ms over the first few MB); with it each pattern runs only in the sentences
/// where it occurs, and a warm scan of 3.9 MB of news finds every expression in about 40 ms
/// against 330 ms for every pattern over the whole text (50–65 ms a MB). The set's fixed
/// cost is thus paid back after about 1 MB of text: a run with less (the 87 pages of the
/// extraction benchmark have 0.4 MB) never builds it.
const SET_AFTER_BYTES: usize = 1 << 20;

/// Text scanned so far in this process.
static SCANNED: AtomicUsize = AtomicUsize::new(0);

/// Patterns that need the set: with fewer allowed (publication-date inference looks for
/// four kinds of full date only) running each over the text costs less than the set.
const SET_FROM_PATTERNS: usize = 8;

/// Where to run which pattern, in priority order: each allowed pattern with the pieces of
/// the text, in text order, where it may match. While little text has been scanned (or
/// few patterns are allowed), every allowed pattern over the whole text. Past that, the
/// text is cut at its sentence ends and the set tells which patterns occur in which piece;
/// each is run there only ([`captures_in`]). Either way the matches are those of the whole
/// text.
pub(super) fn plan(
    text: &str,
    sentences: &[Span],
    allowed: impl Fn(usize) -> bool,
) -> Vec<(usize, Vec<Span>)> {
    let allowed: Vec<usize> = (0..PATTERNS.len()).filter(|&i| allowed(i)).collect();
    let whole = Span::new(0, text.len());
    if allowed.len() < SET_FROM_PATTERNS || SCANNED.fetch_add(text.len(), Ordering::Relaxed) < SET_AFTER_BYTES
    {
        return allowed.into_iter().map(|i| (i, vec![whole])).collect();
    }
    let mut plan: Vec<(usize, Vec<Span>)> = allowed.into_iter().map(|i| (i, Vec::new())).collect();
    for piece in pieces(text.len(), sentences) {
        for i in ANY
            .matches_at(&text[..reach(text, piece)], piece.start)
            .into_iter()
        {
            if let Ok(k) = plan.binary_search_by_key(&i, |(j, _)| *j) {
                plan[k].1.push(piece);
            }
        }
    }
    plan.retain(|(_, pieces)| !pieces.is_empty());
    plan
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
    use super::*;

    #[test]
    fn every_placeholder_is_written_out() {
        for p in PATTERNS.iter() {
            assert!(!p.re.as_str().contains('%'), "{:?}: {}", p.rule(), p.re.as_str());
        }
        assert_eq!(ANY.len(), PATTERNS.len());
    }

    #[test]
    fn the_set_finds_every_pattern_that_matches() {
        let text = "On Monday, March 3, 2014 the board met; two weeks ago it had met at 9 a.m. \
                    on Dec. 7, and it meets every month, next year too, since the 1990s.";
        let matching: Vec<usize> = (0..PATTERNS.len())
            .filter(|&i| PATTERNS[i].re.is_match(text))
            .collect();
        assert!(matching.len() > 5, "{matching:?}");
        assert_eq!(ANY.matches(text).into_iter().collect::<Vec<_>>(), matching);
        // Past the threshold the set is used; before it, every pattern.
        SCANNED.fetch_add(SET_AFTER_BYTES, Ordering::Relaxed);
        let whole = [Span::new(0, text.len())];
        let planned: Vec<usize> = plan(text, &whole, |_| true).into_iter().map(|(i, _)| i).collect();
        assert_eq!(planned, matching);
        // Few patterns allowed: those, over the whole text, without the set.
        let all = vec![whole[0]];
        assert_eq!(
            plan(text, &whole, |i| i < 3),
            vec![(0, all.clone()), (1, all.clone()), (2, all)]
        );
    }

    #[test]
    fn each_pattern_runs_in_the_sentences_where_the_set_sees_it() {
        SCANNED.fetch_add(SET_AFTER_BYTES, Ordering::Relaxed);
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
        // Cut at the sentence ends: the weekday's pattern runs in the first piece only,
        // the month's not there.
        let first = Span::new(0, second - 1);
        for (i, ps) in &planned {
            if PATTERNS[*i].rule() == super::super::rules::Rule::Weekday {
                assert_eq!(ps, &vec![first]);
            } else {
                assert!(!ps.contains(&first), "{:?}", PATTERNS[*i].rule());
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
        SCANNED.fetch_add(SET_AFTER_BYTES, Ordering::Relaxed);
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
