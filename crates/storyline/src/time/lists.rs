//! Word lists the rules consult, kept as data in `data/*.txt` and built into the binary:
//! one entry per line, a `#` line says what the list is for.

use std::sync::LazyLock;

use crate::entities::lexicon::WordSet;

/// A list of words, looked up exactly (the lists are lower case; callers lower-case). A
/// hash set with the entity lists' quick hash: a look-up hashes the word once instead of
/// comparing it with a handful of entries, and the sentence rules look up every word.
pub(super) struct Words {
    set: WordSet,
    longest: usize,
}

impl Words {
    fn load(text: &'static str) -> Words {
        let set: WordSet = entries(text).collect();
        let longest = set.iter().map(|w| w.len()).max().unwrap_or(0);
        Words { set, longest }
    }

    pub(super) fn contains(&self, word: &str) -> bool {
        // No entry is longer: such a word is not hashed at all.
        word.len() <= self.longest && self.set.contains(word)
    }

    /// The length in bytes of the longest entry: a longer word is in no list.
    pub(super) fn longest(&self) -> usize {
        self.longest
    }
}

/// The entries of a list file, in file order.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

macro_rules! lists {
    ($($name:ident = $file:literal;)*) => {
        $(
            pub(super) static $name: LazyLock<Words> =
                LazyLock::new(|| Words::load(include_str!(concat!("data/", $file))));
        )*
        /// Every list: its file name and text.
        #[cfg(test)]
        const ALL: &[(&str, &str)] = &[$(($file, include_str!(concat!("data/", $file)))),*];
    };
}

lists! {
    TITLE_WORDS = "title_words.txt";
    TIME_PREPOSITIONS = "time_prepositions.txt";
    YEAR_CONTEXT = "year_context.txt";
    OWNERS = "owners.txt";
    GENERIC_NOUNS = "generic_nouns.txt";
    MODALS = "modals.txt";
    RATE_AMOUNTS = "rate_amounts.txt";
    AHEAD = "ahead.txt";
    STATE_VERBS = "state_verbs.txt";
    INTENT_VERBS = "intent_verbs.txt";
    SCHEDULED_VERBS = "scheduled_verbs.txt";
    PAST_FORMS = "past_forms.txt";
    CUE_VERBS = "cue_verbs.txt";
    MENTION_OPENERS = "mention_openers.txt";
    AFTER_DATED = "after_dated.txt";
    PARTS_OF_TIME = "parts_of_time.txt";
    RELATIVE_WORDS = "relative_words.txt";
    FINITE_WORDS = "finite_words.txt";
    AUXILIARIES = "auxiliaries.txt";
    LAST_AS_VERB = "last_as_verb.txt";
    YEAR_VERBS = "year_verbs.txt";
    TIME_ZONES = "time_zones.txt";
    HAPPENED_EVENTS = "happened_events.txt";
    FRONTED_PARTICIPLES = "fronted_participles.txt";
    CLAUSE_OPENERS = "clause_openers.txt";
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_list_is_described_lower_case_and_without_repeats() {
        for (file, text) in ALL {
            assert!(
                text.starts_with("# "),
                "{file} says what it is for on its first line"
            );
            let mut seen = HashSet::new();
            for w in entries(text) {
                assert!(seen.insert(w), "{file}: {w:?} twice");
                assert_eq!(w, w.to_lowercase(), "{file}: {w:?} is not lower case");
            }
            assert!(!seen.is_empty(), "{file} is empty");
        }
    }

    #[test]
    fn lists_that_point_opposite_ways_share_no_word() {
        // A word that put an event both ahead and behind would take its tense from the order
        // of the rules, not from the lists.
        let words = |name: &str| -> HashSet<&str> {
            let (_, text) = ALL.iter().find(|(f, _)| *f == name).unwrap();
            entries(text).collect()
        };
        for (a, b) in [
            ("ahead.txt", "past_forms.txt"),
            ("ahead.txt", "scheduled_verbs.txt"),
            ("ahead.txt", "intent_verbs.txt"),
            ("scheduled_verbs.txt", "past_forms.txt"),
            ("intent_verbs.txt", "past_forms.txt"),
        ] {
            let both: Vec<_> = words(a).intersection(&words(b)).copied().collect();
            assert!(both.is_empty(), "{a} and {b} share {both:?}");
        }
    }

    #[test]
    fn lookups_are_exact() {
        assert!(AHEAD.contains("postponed"));
        assert!(!AHEAD.contains("Postponed"));
        assert!(!AHEAD.contains("postpone"));
        assert!(YEAR_CONTEXT.contains("in,"));
        assert!(TITLE_WORDS.contains("noon"));
    }
}
