//! The recognition patterns of [`RULES`], compiled once: each with its rule, in priority
//! order, and one set of them all that tells which occur in a text at all.

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
pub(super) static ANY: LazyLock<RegexSet> = LazyLock::new(|| {
    regex::RegexSetBuilder::new(PATTERNS.iter().map(|p| p.re.as_str()))
        .dfa_size_limit(64 << 20)
        .build()
        .expect("timex pattern set")
});

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
}
