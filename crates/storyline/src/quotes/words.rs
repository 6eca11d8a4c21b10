//! Closed word classes the quote finder reads sentences with: auxiliaries and adverbs
//! between a speaker and the verb, boundary words that end a noun phrase, determiners,
//! irregular past tenses and clause punctuation. The lists are data files in
//! `quotes/data/` (one word per line, `#` comments), read at build time.

use crate::entities::lexicon::{self, word_set};

pub(super) const AUX_WORDS: &str = include_str!("data/aux-words.txt");
pub(super) const TIME_WORDS: &str = include_str!("data/time-words.txt");
pub(super) const DAY_TIME_WORDS: &str = include_str!("data/day-time-words.txt");
pub(super) const BOUNDARY_WORDS: &str = include_str!("data/boundary-words.txt");
pub(super) const DETERMINERS: &str = include_str!("data/determiners.txt");
pub(super) const IRREGULAR_PAST: &str = include_str!("data/irregular-past.txt");
pub(super) const BASE_FORM_PASTS: &str = include_str!("data/base-form-pasts.txt");
pub(super) const VERB_PARTICLES: &str = include_str!("data/verb-particles.txt");
pub(super) const STIMULUS_VERBS: &str = include_str!("data/stimulus-verbs.txt");
pub(super) const ADJUNCT_PREPOSITIONS: &str = include_str!("data/adjunct-prepositions.txt");
pub(super) const COMPLEMENTIZERS: &str = include_str!("data/complementizers.txt");
pub(super) const EVIDENCE_NOUNS: &str = include_str!("data/evidence-nouns.txt");
pub(super) const EVIDENCE_VERBS: &str = include_str!("data/evidence-verbs.txt");
pub(super) const FINITE_AUXILIARIES: &str = include_str!("data/finite-auxiliaries.txt");
pub(super) const HEADLINE_SECTION_WORDS: &str = include_str!("data/headline-section-words.txt");
pub(super) const ENDORSEMENT_VERBS: &str = include_str!("data/endorsement-verbs.txt");
pub(super) const SUBORDINATORS: &str = include_str!("data/subordinators.txt");
pub(super) const OBJECT_STANCE_VERBS: &str = include_str!("data/object-stance-verbs.txt");
pub(super) const LIGHT_VERB_DEEDS: &str = include_str!("data/light-verb-deeds.txt");
pub(super) const DEED_OBJECTS: &str = include_str!("data/deed-objects.txt");
pub(super) const OBJECT_SPEECH_VERBS: &str = include_str!("data/object-speech-verbs.txt");
pub(super) const NO_OBJECT_STANCE: &str = include_str!("data/no-object-stance.txt");
pub(super) const SHARE_WORDS: &str = include_str!("data/share-words.txt");
pub(super) const SHARE_HEDGES: &str = include_str!("data/share-hedges.txt");

/// A number written in digits or a cardinal word of the number recogniser's lexicon
/// (`claims/data/number_words.tsv`), in any case.
pub(super) fn is_cardinal(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) && w.chars().all(|c| c.is_ascii_digit() || c == ',')
        || crate::claims::cardinal_word(&lexicon::lower(w))
}

/// The sex a lower-case noun of a person says, if any: `Some(true)` male ("spokesman",
/// "chairman", "king"), `Some(false)` female ("spokeswoman", "chairwoman", "queen");
/// none for "mediator", "official", "spokesperson".
pub(super) fn sex_of_noun(w: &str) -> Option<bool> {
    match w {
        "queen" | "princess" | "duchess" | "mother" | "wife" | "sister" | "daughter" | "lady" | "actress"
        | "congresswoman" => Some(false),
        "king" | "prince" | "duke" | "father" | "husband" | "brother" | "son" | "lord" | "actor" => {
            Some(true)
        }
        _ if w.ends_with("woman") => Some(false),
        _ if w.ends_with("man") && !w.ends_with("human") => Some(true),
        _ => None,
    }
}

/// Words that may stand between a source and its cue ("has also said").
pub(crate) fn is_aux(w: &str) -> bool {
    word_set!(AUX_WORDS).contains(w) || is_negated_auxiliary(w)
}

/// Rule `negated_auxiliary`: a contraction ending in "n't" ("didn't", "hasn’t", "won't",
/// "can't") is an auxiliary or modal with its negation, so it stands between a source and
/// its verb as "did not" does ("Ines Lund hasn't said", "He didn't suggest"). Every English
/// word written so is one; the token keeps its apostrophe, straight or curly.
pub(super) fn is_negated_auxiliary(w: &str) -> bool {
    let stem = w.strip_suffix("n't").or_else(|| w.strip_suffix("n’t"));
    stem.is_some_and(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase()))
}

/// Words of a time adverbial between a source and its cue ("on Thursday", "late Monday").
pub(super) fn is_time_word(w: &str) -> bool {
    lexicon::is_calendar_word(w) || word_set!(TIME_WORDS).contains(w)
}

/// Words of a day's time passed between a cue and its content wherever the content
/// starts ("said on Monday, adding …"), besides the calendar's words.
pub(super) fn is_day_time_word(w: &str) -> bool {
    word_set!(DAY_TIME_WORDS).contains(w)
}

/// Words that end a source phrase on its left.
pub(super) fn is_boundary(w: &str) -> bool {
    word_set!(BOUNDARY_WORDS).contains(w)
}

/// Determiners, in the cases they are written.
pub(crate) fn is_determiner(w: &str) -> bool {
    word_set!(DETERMINERS).contains(w)
}

/// A past tense that cannot be a bare verb: regular ("brushed") or irregular with a form
/// of its own ("took"; not "put", `data/base-form-pasts.txt`).
pub(crate) fn is_distinct_past(w: &str) -> bool {
    w.ends_with("ed") || is_irregular_past(w) && !word_set!(BASE_FORM_PASTS).contains(w)
}

/// Whether the word after a verb shows it is one: a particle or preposition ("aside",
/// "against"), a determiner or a preposition of setting (`data/verb-particles.txt`).
pub(super) fn follows_a_verb(w: &str) -> bool {
    word_set!(VERB_PARTICLES).contains(w) || is_determiner(w) || is_adjunct_preposition(w)
}

/// Rules `light_verb_deed` and `deed_object`: a verb that says something only through its
/// object, at word `verb`, with one of the words after it (`next`) an object that makes
/// it a deed. "make" and "take" (any form) read five words on ("made his
/// way", "took the stage", "took office"; `data/light-verb-deeds.txt`); "raise", "release",
/// "address" and "recall" only their object, up to its first preposition or "that" ("raised
/// interest rates", "released 50 prisoners", "addressed the crowd", "recalled 9,000 cars",
/// "recalled its ambassador"; `data/deed-objects.txt`),
/// so that the object of a view or a message passes ("raised concerns about rates",
/// "released a statement").
pub(super) fn is_deed_by_object<'a>(verb: &str, next: impl IntoIterator<Item = &'a str>) -> bool {
    let (lemma, object_only) = match verb {
        "make" | "makes" | "made" | "making" => ("make", false),
        "take" | "takes" | "took" | "taken" | "taking" => ("take", false),
        "raise" | "raises" | "raised" | "raising" => ("raise", true),
        "release" | "releases" | "released" | "releasing" => ("release", true),
        "address" | "addresses" | "addressed" | "addressing" => ("address", true),
        "recall" | "recalls" | "recalled" | "recalling" => ("recall", true),
        _ => return false,
    };
    let set = if object_only {
        word_set!(DEED_OBJECTS)
    } else {
        word_set!(LIGHT_VERB_DEEDS)
    };
    let mut key = String::new();
    // "make" and "take" look five words on, the others through their object.
    next.into_iter()
        .take(if object_only { 6 } else { 5 })
        .map(str::to_lowercase)
        .take_while(|w| !object_only || !is_object_stop(w))
        .any(|w| {
            key.clear();
            key.push_str(lemma);
            key.push(' ');
            key.push_str(&w);
            set.contains(key.as_str())
        })
}

/// A word that ends a verb's object: a preposition, "that" or a conjunction.
fn is_object_stop(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "of"
            | "over"
            | "on"
            | "in"
            | "for"
            | "with"
            | "that"
            | "to"
            | "by"
            | "from"
            | "at"
            | "and"
            | "or"
            | "as"
            | "after"
            | "before"
            | "into"
            | "against"
            | "amid"
    )
}

/// Irregular past tenses: a finite verb.
pub(super) fn is_irregular_past(w: &str) -> bool {
    word_set!(IRREGULAR_PAST).contains(w)
}

/// Verbs whose object after "to" is what the subject answered ("reacting to", "responded
/// to"), in any of their forms.
pub(super) fn is_stimulus_verb(w: &str) -> bool {
    word_set!(STIMULUS_VERBS).contains(w)
}

/// Prepositions that open a setting after a speech verb ("said at the gate").
pub(super) fn is_adjunct_preposition(w: &str) -> bool {
    word_set!(ADJUNCT_PREPOSITIONS).contains(w)
}

/// A word naming a share of a group ("half", "majority", "most"), lower-cased.
pub(super) fn is_share_word(lower: &str) -> bool {
    word_set!(SHARE_WORDS).contains(lower)
}

/// A hedge or count that belongs to a share's phrase ("about", "more than", "two"),
/// lower-cased.
pub(super) fn is_share_hedge(lower: &str) -> bool {
    word_set!(SHARE_HEDGES).contains(lower)
}

/// Words that open an embedded clause ("how", "whether", "that").
pub(super) fn is_complementizer(w: &str) -> bool {
    word_set!(COMPLEMENTIZERS).contains(w)
}

/// Nouns naming a record or a measurement ("poll", "filings"), lower-cased.
pub(super) fn is_evidence_noun(w: &str) -> bool {
    lexicon::with_lower(w, |w| word_set!(EVIDENCE_NOUNS).contains(w))
}

/// Verb forms by which a record speaks ("shows", "found").
pub(super) fn is_evidence_verb(w: &str) -> bool {
    word_set!(EVIDENCE_VERBS).contains(w)
}

/// Finite auxiliaries, modals and forms of "be" ("has", "will", "was").
pub(super) fn is_finite_auxiliary(w: &str) -> bool {
    word_set!(FINITE_AUXILIARIES).contains(w)
}

/// Conjunctions that open an adverbial clause ("when", "after", "while"), in any case.
pub(super) fn is_subordinator(w: &str) -> bool {
    lexicon::with_lower(w, |w| word_set!(SUBORDINATORS).contains(w))
}

/// Words that label a headline's section ("Exclusive", "Watch").
pub(super) fn is_headline_section_word(w: &str) -> bool {
    word_set!(HEADLINE_SECTION_WORDS).contains(w)
}

/// Forms of "endorse" (rule `endorsed_name`).
pub(super) fn is_endorsement_verb(w: &str) -> bool {
    word_set!(ENDORSEMENT_VERBS).contains(w)
}

/// The lemma of a verb of stance that takes its content as an object ("opposes",
/// "wanted", "sees"; rule `object_of_stance`), from `object-stance-verbs.txt`.
pub(super) fn object_stance_lemma(w: &str) -> Option<&'static str> {
    static FORMS: std::sync::LazyLock<lexicon::LemmaForms> =
        std::sync::LazyLock::new(|| lexicon::lemma_forms(OBJECT_STANCE_VERBS));
    FORMS.get(w).copied()
}

/// The lemma of a verb of speech that takes what it attributes as an object ("cited",
/// "citing"; rule `cited_object`), from `object-speech-verbs.txt`.
pub(super) fn object_speech_lemma(w: &str) -> Option<&'static str> {
    static FORMS: std::sync::LazyLock<lexicon::LemmaForms> =
        std::sync::LazyLock::new(|| lexicon::lemma_forms(OBJECT_SPEECH_VERBS));
    FORMS.get(w).copied()
}

/// Speech-verb forms whose object is no position held ("found", "felt", "saw"): rule
/// `object_of_stance` leaves them.
pub(super) fn has_no_object_stance(w: &str) -> bool {
    word_set!(NO_OBJECT_STANCE).contains(w)
}

/// Punctuation that sets off a clause.
pub(super) fn is_clause_punct(w: &str) -> bool {
    matches!(w, "," | ":" | ";" | "—" | "–" | "-" | "(" | ")")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::lexicon::entries;
    use std::collections::HashSet;

    #[test]
    fn no_list_repeats_a_word() {
        for (name, list) in [
            ("aux-words", AUX_WORDS),
            ("time-words", TIME_WORDS),
            ("day-time-words", DAY_TIME_WORDS),
            ("boundary-words", BOUNDARY_WORDS),
            ("determiners", DETERMINERS),
            ("light-verb-deeds", LIGHT_VERB_DEEDS),
            ("deed-objects", DEED_OBJECTS),
            ("irregular-past", IRREGULAR_PAST),
            ("base-form-pasts", BASE_FORM_PASTS),
            ("verb-particles", VERB_PARTICLES),
            ("stimulus-verbs", STIMULUS_VERBS),
            ("adjunct-prepositions", ADJUNCT_PREPOSITIONS),
            ("complementizers", COMPLEMENTIZERS),
            ("endorsement-verbs", ENDORSEMENT_VERBS),
            ("object-stance-verbs", OBJECT_STANCE_VERBS),
            ("no-object-stance", NO_OBJECT_STANCE),
        ] {
            let mut seen = HashSet::new();
            let twice: Vec<_> = entries(list).filter(|w| !seen.insert(*w)).collect();
            assert!(twice.is_empty(), "{name} repeats {twice:?}");
            assert!(!seen.is_empty(), "{name} is empty");
        }
        // Boundary words are compared lower-cased.
        assert!(entries(BOUNDARY_WORDS).all(|w| w == w.to_lowercase()));
        assert!(is_aux("reportedly") && is_time_word("Thursday") && is_boundary("whether"));
        assert!(is_day_time_word("yesterday") && !is_day_time_word("month"));
        assert!(is_determiner("Their") && is_irregular_past("withdrew") && !is_aux("said"));
        assert!(is_distinct_past("took") && is_distinct_past("brushed") && !is_distinct_past("put"));
        // Every base-form past is an irregular past.
        assert!(entries(BASE_FORM_PASTS).all(is_irregular_past));
    }

    /// The verbs of stance that take an object are not speech verbs (a form of both would
    /// be read as a speech verb and never reach `object_of_stance`), and every form the
    /// rule leaves is a speech verb's (any other would be read by no rule anyway).
    #[test]
    fn cardinals_are_the_number_recognisers() {
        assert!(is_cardinal("Thirteen") && is_cardinal("1,200") && is_cardinal("dozens"));
        assert!(!is_cardinal("states") && !is_cardinal("Third") && !is_cardinal("half"));
    }

    #[test]
    fn stance_verb_lists_are_disjoint_from_speech_verbs_and_live() {
        let forms = lexicon::lemma_forms(OBJECT_STANCE_VERBS);
        let both: Vec<_> = forms
            .keys()
            .filter(|f| lexicon::speech_lemma(f).is_some())
            .collect();
        assert!(both.is_empty(), "speech verbs too: {both:?}");
        let dead: Vec<_> = entries(NO_OBJECT_STANCE)
            .filter(|w| lexicon::speech_lemma(w).is_none())
            .collect();
        assert!(dead.is_empty(), "no speech verb: {dead:?}");
    }

    #[test]
    fn negated_auxiliary() {
        for w in ["didn't", "hasn’t", "won't", "can't", "wouldn’t", "isn't"] {
            assert!(is_negated_auxiliary(w) && is_aux(w), "{w}");
        }
        // Not the bare suffix, a word without it, nor a sentence's first word (no subject
        // stands before it).
        for w in ["n't", "Kent", "don", "Didn't"] {
            assert!(!is_negated_auxiliary(w), "{w}");
        }
    }
}
