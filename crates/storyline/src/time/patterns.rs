//! The recognition patterns of [`RULES`], compiled once: each with its rule, in priority
//! order, and one set of them all that tells which occur in a text at all.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use super::rules::{Rule, RuleDef, RULES};
use super::words::{MONTHS, NUMBER_WORDS, UNITS, WEEKDAYS};

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

/// Text a process scans before it starts to use [`ANY`]. The set costs about 15 ms to
/// compile and its lazy DFA fills slowly (a first pass over 400 kB of news text costs 55 ms
/// with the set against 40 ms without it); once warm it scans about 2.5 times faster than
/// running every pattern. It pays off after about 1 MB of text: a short run (a handful of
/// pages) never builds it, a long one builds it early.
const SET_AFTER_BYTES: usize = 1 << 20;

/// Text scanned so far in this process.
static SCANNED: AtomicUsize = AtomicUsize::new(0);

/// The patterns that may match in `text`, in priority order: every pattern while little
/// text has been scanned, then those the set finds. Either way the matches found are the
/// same: a pattern left out has none.
pub(super) fn candidates_in(text: &str) -> Vec<usize> {
    if SCANNED.fetch_add(text.len(), Ordering::Relaxed) < SET_AFTER_BYTES {
        (0..PATTERNS.len()).collect()
    } else {
        ANY.matches(text).into_iter().collect()
    }
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
        assert_eq!(candidates_in(text), matching);
    }
}
