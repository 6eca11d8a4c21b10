//! Figures: the quantitative claims an article makes (`numbers.rs` reads quantities,
//! `figures.rs` keeps the claims among them and says what each measures and who is cited).

mod figures;
mod numbers;
mod quantity;
mod track;

pub use figures::{figures, men_singular, Figure, Measured, Named};
pub use numbers::{canonical_unit_name, quantities};
pub use quantity::{Bound, Dimension, Qualifier, Quantity, QuantityKind, Unit, VAGUE_FROM, VAGUE_TO};
pub use track::{track, track_events, Discrepancy, FigureClaim, TrackedMeasure, Trend, ROUNDING};

use crate::entities::lexicon::word_set;

/// Words that end a noun phrase (prepositions, determiners, verbs of saying, adverbs of
/// time), read by the recogniser and the figures alike.
const PHRASE_ENDS: &str = include_str!("data/phrase-ends.txt");
/// Verbs of a change before a number ("rose $2.10 to $84.35").
const CHANGE_VERBS: &str = include_str!("data/change-verbs.txt");
/// Comparatives that make a fraction before them a share ("a quarter more than").
const COMPARATIVES: &str = include_str!("data/comparatives.txt");

/// Bodies that vote, before the tally they cast ("the Senate 58-41").
const VOTING_BODIES: &str = include_str!("data/voting-bodies.txt");

/// Whether a lower-case word names a body that votes (`data/voting-bodies.txt`); the
/// recogniser and the figures both ask it before taking a number after a capitalised word
/// for the number of a name. A possessive body is one too ("the Court's 5-4 ruling").
fn voting_body(w: &str) -> bool {
    let body = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
    word_set!(VOTING_BODIES).contains(body)
}

/// Whether a lower-case word ends a noun phrase (`data/phrase-ends.txt`).
fn phrase_end(w: &str) -> bool {
    word_set!(PHRASE_ENDS).contains(w)
}

/// Whether a lower-case word is a verb of change (`data/change-verbs.txt`); the time
/// rules ask too ("fell by a quarter" is no span of time).
pub(crate) fn change_verb(w: &str) -> bool {
    word_set!(CHANGE_VERBS).contains(w)
}

/// Whether a lower-case word is a cardinal number word of the recogniser's lexicon
/// ("thirteen", "dozens"); the quote rules ask too ("Thirteen states will …").
pub(crate) fn cardinal_word(w: &str) -> bool {
    numbers::is_cardinal_word(w)
}

/// Whether a lower-case word is a singular noun for a person that is no role or office
/// (`data/person-nouns.txt`: "resident", "witness"); the quote rules ask too ("A witness
/// said …. He added" is that witness).
pub(crate) fn person_noun(w: &str) -> bool {
    word_set!(include_str!("data/person-nouns.txt")).contains(w)
}

/// Whether a lower-case word is a comparative that makes a fraction before it a share
/// (`data/comparatives.txt`).
pub(crate) fn comparative(w: &str) -> bool {
    word_set!(COMPARATIVES).contains(w)
}
