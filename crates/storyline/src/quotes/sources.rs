//! Source phrases: who a cue attributes its content to. A speaker before the cue is found
//! by the rules of [`SOURCES_BEFORE`], tried in order after the words that may stand
//! between a source and its verb (auxiliaries, time adverbials, a parenthesis) are passed;
//! a speaker after the cue ("said X") and the subject of a clause have their own finders.

use super::words::{
    self, is_aux, is_boundary, is_determiner, is_evidence_noun, is_irregular_past, is_time_word,
};
use super::Sentence;
use crate::entities::lexicon::{self, Pronoun};
use crate::entities::{EntityKind, NameChunk};
use crate::text::tokens::Kind;

/// A speaker phrase found for a cue: its first and last token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Source {
    pub(super) first: usize,
    pub(super) last: usize,
    /// False when the phrase cannot be a speaker (its head is no name, role, organisation
    /// or speaking noun): the frame stands, the speaker stays unknown.
    pub(super) speaks: bool,
}

impl Source {
    fn at(first: usize, last: usize) -> Source {
        Source {
            first,
            last,
            speaks: true,
        }
    }
}

/// A named way of finding the speaker phrase that ends at a token before a cue.
pub(super) struct SourceRule {
    pub(super) name: &'static str,
    /// Why the rule exists, in one line.
    pub(super) reason: &'static str,
    pub(super) find: fn(&str, &Sentence, usize) -> Option<Source>,
}

/// The rules for a speaker before its cue, tried in order on the last word of the phrase.
pub(super) const SOURCES_BEFORE: &[SourceRule] = &[
    SourceRule {
        name: "coordinated-verbs",
        reason: "\"he laughed and said\", \"she frowned, shook her head and added\": the subject of the first verb",
        find: coordinated_subject,
    },
    SourceRule {
        name: "relative-pronoun",
        reason: "\"Lund, who said …\": \"who\" is the mention, its antecedent the speaker",
        find: relative_pronoun,
    },
    SourceRule {
        name: "pronoun",
        reason: "a personal pronoun (\"it\" only as itself) speaks",
        find: pronoun_source,
    },
    SourceRule {
        name: "name",
        reason: "a name ending before the cue, with its role and article (\"the party's chairman Jo Roe\")",
        find: name_source,
    },
    SourceRule {
        name: "indefinite-pronoun",
        reason: "\"Another tweeted\", \"One said\": a determiner standing alone as the subject",
        find: indefinite_source,
    },
    SourceRule {
        name: "share-of-people",
        reason: "\"Six in 10 say\", \"42% said\", \"Nearly half said\", \"most oppose\": a share of those asked, opening its clause, speaks for them",
        find: share_of_people,
    },
    SourceRule {
        name: "opening-noun",
        reason: "\"Critics said …\", \"Officials say …\": a plural speaking noun alone before the verb, capitalised only because it opens the sentence",
        find: opening_noun_source,
    },
    SourceRule {
        name: "described-source",
        reason: "\"a source familiar with the talks\", \"people close to the campaign\": the head noun and what it knows",
        find: described_source,
    },
    SourceRule {
        name: "noun-phrase",
        reason: "any other noun phrase back to a boundary word; a speaker when its head can speak",
        find: noun_phrase_source,
    },
    SourceRule {
        name: "subject-set-off",
        reason: "\"One ferry clerk, who had worked the night shift, said\": the clause's subject, with asides set off by commas between it and the verb",
        find: subject_set_off,
    },
];

/// A time or manner adverbial phrase ending at token `last` (between a source and its
/// verb): "at the time", "(less than) two weeks ago", "in a statement", "in an interview
/// with CNN". Returns its first token.
fn adverbial_before(text: &str, s: &Sentence, last: usize) -> Option<usize> {
    let w = |k: usize| s.word(text, k);
    if s.in_quote(last) {
        return None;
    }
    match w(last) {
        "ago" => {
            // a count and a unit: "two weeks ago", "a year ago"
            let mut first = last.checked_sub(2)?;
            while first > 0
                && matches!(
                    w(first - 1),
                    "than" | "less" | "more" | "about" | "nearly" | "just" | "only" | "some"
                )
            {
                first -= 1;
            }
            Some(first)
        }
        "time" if last >= 2 && w(last - 1) == "the" && w(last - 2) == "at" => Some(last - 2),
        _ => {
            // "in a statement", "in a written statement", "in an interview with Radio Nord"
            let lo = last.saturating_sub(7);
            let open = (lo..last).rev().find(|&k| w(k) == "in" && !s.in_quote(k))?;
            let head = (open + 1..=last).find(|&k| {
                lexicon::is_speaking_noun(w(k))
                    || matches!(
                        w(k),
                        "interview" | "statement" | "speech" | "tweet" | "letter" | "email" | "post"
                    )
            })?;
            let article = matches!(w(open + 1), "a" | "an" | "the" | "his" | "her" | "their" | "its");
            // Nothing after the noun but "with" and a name: "in an interview with Radio Nord".
            let tail_ok = head == last
                || w(head + 1) == "with" && (head + 2..=last).all(|k| s.toks[k].kind == Kind::Word);
            (article && tail_ok && open > 0).then_some(open)
        }
    }
}

/// A speaker phrase that ends just before token `end` (exclusive), past the auxiliaries,
/// time adverbials and parenthesis between it and the cue.
pub(super) fn source_before(text: &str, s: &Sentence, end: usize) -> Option<Source> {
    let last = phrase_end(text, s, end)?;
    if s.word(text, last) == "," && !s.in_quote(last) {
        // "A local diver, Pia Holm, reported on Sunday that …"; "Jo Roe of Eastport, the
        // board's chair, said" (the phrase set off is the place: the person before "of").
        let found = appositive_source(text, s, last, 0).or_else(|| subject_set_off(text, s, last))?;
        return Some(head_before_preposition(text, s, found).unwrap_or(found));
    }
    if s.in_quote(last) {
        return None;
    }
    if s.toks[last].kind == Kind::Number || s.word(text, last) == "%" {
        // Only a share of people ends in a number ("Six in 10 said", "42% say").
        return share_of_people(text, s, last);
    }
    if s.toks[last].kind != Kind::Word {
        return None;
    }
    let found = SOURCES_BEFORE.iter().find_map(|r| (r.find)(text, s, last))?;
    Some(head_before_preposition(text, s, found).unwrap_or(found))
}

/// Prepositions whose phrase qualifies the speaker before it ("Shop owners in the old
/// town", "A doctor at the scene", "Jo Roe of the harbour board", "lawyers for both sides":
/// rule `speaker_before_for` says when "for" does), and the relative pronoun "who", whose
/// clause does the same ("Residents who lost power said": rule `head_before_relative`).
fn is_qualifying_preposition(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "on"
            | "from"
            | "near"
            | "inside"
            | "outside"
            | "across"
            | "around"
            | "of"
            | "for"
            | "who"
    )
}

/// The speaker a prepositional phrase qualifies: when the phrase found before a cue
/// follows a preposition and before that stands a noun phrase that can speak, that noun
/// phrase is the speaker ("Shop owners in the old town said" → "Shop owners"). After "of"
/// only a person's name is taken ("Jo Roe of the board"; "members of the board" stays).
fn head_before_preposition(text: &str, s: &Sentence, found: Source) -> Option<Source> {
    let prep = found.first.checked_sub(1)?;
    let w = s.word(text, prep);
    if !is_qualifying_preposition(w) || s.in_quote(prep) || prep == 0 {
        return None;
    }
    let last = prep - 1;
    if s.toks[last].kind != Kind::Word || s.in_quote(last) {
        return None;
    }
    let name = s.names.iter().find(|c| c.last == last && c.first <= c.last);
    // A capitalised word opening the sentence is no name for this ("Lawyers for …").
    let name_before =
        name.is_some_and(|c| c.last > c.first || (0..c.first).any(|k| s.toks[k].kind == Kind::Word));
    if w == "for" && !speaker_before_for(text, s, found, last, name_before) {
        return None;
    }
    if w == "of" {
        let person = name.filter(|c| {
            c.kind == EntityKind::Person
                || c.role.is_some()
                || c.kind == EntityKind::Unknown && c.last > c.first
        })?;
        return Some(Source::at(person.phrase_first, last));
    }
    if name.is_some_and(|c| c.kind == EntityKind::Place) {
        return None;
    }
    let head = if name.is_some() {
        name_source(text, s, last)?
    } else {
        // A noun that can speak: one the lexicon knows, a plural ("Shop owners") or a
        // noun after its article ("A nurse").
        // A noun opening the sentence has its capital from there ("Skippers in Lindvik
        // said"): read it in lower case. A record keeps its phrase whole ("Filings from the
        // fund show": rule `record_speaks`).
        let written = s.word(text, last);
        let opening = (0..last).all(|k| s.toks[k].kind != Kind::Word) && !is_evidence_noun(written);
        let lowered = if opening {
            lexicon::lower(written)
        } else {
            std::borrow::Cow::Borrowed(written)
        };
        let hw = lowered.as_ref();
        // Rule `record_keeps_its_maker`: a record before "from" ("Figures from the
        // statistics office show", "Data from the coastguard suggest") is no speaker of
        // its own, though some of its nouns can name people too ("public figures"): the
        // phrase stays whole for the record's frame, or its maker speaks. ("Polls in
        // Iowa show": a place qualifies the record, which speaks.)
        if w == "from" && is_evidence_noun(hw) {
            return None;
        }
        let known = lexicon::is_speaking_noun(hw) || lexicon::is_role_head(hw) || lexicon::is_org_word(hw);
        // A noun that never starts a name opens the sentence ("Officials in the city
        // said"): the phrase is that word.
        let opener_noun = opening && known && lexicon::is_function_word(written);
        let head = if opener_noun {
            Source::at(last, last)
        } else {
            noun_phrase_source(text, s, last).filter(|h| h.speaks)?
        };
        if !(known
            || plural_of_people(hw)
            || is_determiner(s.word(text, head.first)) && head.last > head.first)
        {
            return None;
        }
        head
    };
    Some(head)
}

/// Rule `speaker_before_for`: the noun before "for" speaks ("Lawyers for both sides
/// said", "Advocates for the new line say", "A spokesman for the buyer said") — not when
/// "for" is inside a name ("the Centre for Coastal Studies said": the word before it is
/// a name's) and not when a representative speaks for someone named ("a spokeswoman for
/// Tidewater Rail said": the one named speaks through them, as before).
fn speaker_before_for(text: &str, s: &Sentence, found: Source, last: usize, name_before: bool) -> bool {
    if name_before {
        return false;
    }
    let named_after = s
        .names
        .iter()
        .any(|c| c.first >= found.first && c.last == found.last);
    !(named_after && lexicon::is_representative(s.word(text, last)))
}

/// The longest aside between dashes passed between a source and its verb, in tokens.
const MAX_DASH_ASIDE: usize = 30;

/// A dash that sets off an aside.
fn is_dash(w: &str) -> bool {
    matches!(w, "—" | "–" | "--" | "-")
}

/// The last token of a source phrase before the cue at `end`: past auxiliaries and adverbs
/// ("has also said"), time words ("on Thursday"), adverbials ("at the time", "in a
/// statement") and a parenthesis after a name ("Rep. Jo Roe (D-Wis.) said").
fn phrase_end(text: &str, s: &Sentence, end: usize) -> Option<usize> {
    let mut last = end.checked_sub(1)?;
    loop {
        let w = s.word(text, last);
        if w == ")" && !s.in_quote(last) {
            let open = (0..last).rev().take(8).find(|&k| s.word(text, k) == "(")?;
            last = open.checked_sub(1)?;
        } else if is_dash(w) && !s.in_quote(last) {
            // An aside between dashes: "Jo Roe — who chairs the board — said".
            let open = (last.saturating_sub(MAX_DASH_ASIDE)..last)
                .rev()
                .find(|&k| is_dash(s.word(text, k)) && !s.in_quote(k))?;
            last = open.checked_sub(1)?;
            if s.toks[last].kind != Kind::Word {
                return None;
            }
        } else if (is_aux(w) || is_time_word(w)) && !s.in_quote(last) {
            // "Ines Berg on Thursday showed that …"
            last = last.checked_sub(1)?;
        } else if let Some(first) = adverbial_before(text, s, last) {
            // "Lund at the time said", "The department two weeks ago said"
            last = first.checked_sub(1)?;
        } else {
            return Some(last);
        }
    }
}

/// A subject at token `k`: a personal pronoun that `pronouns` accepts, or a name ending
/// there.
fn subject_ending_at(
    text: &str,
    s: &Sentence,
    k: usize,
    pronouns: &dyn Fn(Pronoun) -> bool,
) -> Option<Source> {
    if lexicon::pronoun(s.word(text, k)).is_some_and(pronouns) {
        return Some(Source::at(k, k));
    }
    s.names
        .iter()
        .find(|c| c.last == k && c.first <= c.last)
        .map(|c| Source::at(c.phrase_first, c.last))
}

/// Coordinated verbs: "he laughed and said", "Lund smiled and added"; in a longer
/// coordination ("he looked into the camera, furrowed his brow and said") the nearest
/// person-like subject before a past-tense verb in this clause.
fn coordinated_subject(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    if !(matches!(s.word(text, last), "and" | "but") && last >= 2 && !s.in_quote(last)) {
        return None;
    }
    if s.word(text, last) == "but" {
        return clause_subject_before(text, s, last);
    }
    let verb = s.word(text, last - 1);
    let verb_like = verb.chars().all(char::is_lowercase)
        && (verb.ends_with("ed") || verb.ends_with('s') || is_irregular_past(verb));
    if verb_like {
        if let Some(src) = subject_ending_at(text, s, last - 2, &|p| p != Pronoun::Neuter) {
            return Some(src);
        }
    }
    for k in (0..last.saturating_sub(1)).rev().take(25) {
        if s.in_quote(k) || matches!(s.word(text, k), ";" | ":") {
            break;
        }
        let verb = s.word(text, k + 1);
        let past = verb.chars().all(char::is_lowercase) && (verb.ends_with("ed") || is_irregular_past(verb));
        if let Some(src) = past
            .then(|| subject_ending_at(text, s, k, &|p| matches!(p, Pronoun::Male | Pronoun::Female)))
            .flatten()
        {
            return Some(src);
        }
    }
    clause_subject_before(text, s, last)
}

/// Rule `coordinated-verbs`, for any subject: "The ferry board refused to comment but
/// said …", "The mayor was pressed on the fares and said …": the subject of the
/// sentence's main clause, a name, pronoun or noun phrase followed at once by its finite
/// verb, with no comma, colon or quotation between it and the conjunction.
fn clause_subject_before(text: &str, s: &Sentence, conj: usize) -> Option<Source> {
    // "… and continued with …": a verb of going on joined to a deed tells nothing said.
    let verb_after = (conj + 1..s.toks.len()).find(|&k| !is_aux(s.word(text, k)));
    if verb_after.is_some_and(|k| matches!(s.word(text, k), "continue" | "continues" | "continued")) {
        return None;
    }
    let subj = subject_of(text, s, conj).or_else(|| leading_noun_phrase(text, s, conj))?;
    // Only a subject that can speak: "The economy rebounded and added 850 jobs" reports
    // no statement.
    let head = s.word(text, subj.last);
    let lower = lexicon::lower(head);
    let speaks = lexicon::pronoun(head).is_some()
        || s.names.iter().any(|c| c.last == subj.last && c.first <= c.last)
        || lexicon::is_speaking_noun(&lower)
        || lexicon::is_role_head(&lower)
        || lexicon::is_org_word(&lower)
        || plural_of_people(&lower) && !lexicon::is_function_word(&lower);
    if !speaks {
        return None;
    }
    // Past a parenthesis ("Gov. Ana Ruiz (D)"), adverbs ("strongly denounced") and the
    // words between a subject and its verb ("also outlined", "has since said").
    let mut verb = subj.last + 1;
    if s.word(text, verb) == "(" {
        verb = (verb..conj).find(|&k| s.word(text, k) == ")")? + 1;
    }
    while verb < conj && {
        let w = s.word(text, verb);
        // The list of words between a subject and its verb holds auxiliaries too: a
        // finite one or a form of "be" is the verb this test looks for; "told" is a verb.
        let adverb =
            is_aux(w) && !words::is_finite_auxiliary(w) && !crate::time::is_form_of_be(w) && w != "told";
        w.len() > 4 && w.ends_with("ly") && w.chars().all(char::is_lowercase) || adverb
    } {
        verb += 1;
    }
    let v = s.word(text, verb);
    let finite = words::is_finite_auxiliary(v)
        || v.chars().all(char::is_lowercase)
            && (v.ends_with("ed") || is_irregular_past(v) || v.ends_with('s') && !v.ends_with("ss"));
    let plain = (verb..conj).all(|k| {
        !s.in_quote(k)
            && !matches!(s.word(text, k), "," | ":" | ";" | "“" | "\"")
            && !matches!(s.toks[k].kind, Kind::Quote { .. })
    });
    let near = conj - verb <= 20;
    (finite && plain && near && verb < conj).then_some(subj)
}

/// "Lund, who said …": the mention is "who", the speaker its antecedent (resolved later).
fn relative_pronoun(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    let w = s.word(text, last);
    (matches!(w, "who" | "which") && last > 0 && s.word(text, last - 1) == ",")
        .then(|| Source::at(last, last))
}

/// A personal pronoun; "it" only when it is the word itself, not "its".
fn pronoun_source(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    let w = s.word(text, last);
    let p = lexicon::pronoun(w)?;
    (p != Pronoun::Neuter || w == "It" || w == "it").then(|| Source::at(last, last))
}

/// A name ending at `last`, with the role and the article before it, and the names
/// coordinated with it ("Moen and Salo", "Norway, Sweden and Finland": one source).
fn name_source(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    let c = s.names.iter().find(|c| c.last == last)?;
    // A name with its home after "of" is one conjunct ("Sen. Ana Ruiz of Eastport and
    // Sen. Ivo Brask of Tarnby"); alone, the person before "of" is found later
    // (`head_before_preposition`).
    let unit = conjunct_start(text, s, c);
    let mut first = match coordination_start(text, s, unit) {
        start if start == unit => c.phrase_first,
        start => start,
    };
    if first > 0 && is_determiner(s.word(text, first - 1)) {
        first -= 1;
    }
    Some(Source::at(first, last))
}

/// The first token of the names coordinated with the name phrase starting at `first`
/// ("A, B and C" when `first` starts C): back over "and" to a name, then over commas
/// to more names. `first` itself when no "and" joins a name before it.
pub(super) fn coordination_start(text: &str, s: &Sentence, first: usize) -> usize {
    let name_ending = |k: usize| {
        s.names
            .iter()
            .find(|c| c.last == k && c.first <= c.last && !s.in_quote(k))
    };
    if first < 2 || s.word(text, first - 1) != "and" || s.in_quote(first - 1) {
        return first;
    }
    let Some(c) = name_ending(first - 2) else {
        return first;
    };
    let mut start = conjunct_start(text, s, c);
    while start >= 2 && s.word(text, start - 1) == "," {
        match name_ending(start - 2) {
            Some(d) => start = conjunct_start(text, s, d),
            None => break,
        }
    }
    start
}

/// Where the conjunct of name `c` starts: at its phrase, or at the person before the
/// "of" it follows ("Sen. Ana Ruiz of Eastport").
fn conjunct_start(text: &str, s: &Sentence, c: &NameChunk) -> usize {
    person_before_of(text, s, c.phrase_first).map_or(c.phrase_first, |d| d.phrase_first)
}

/// A pronoun-like determiner standing alone: "Another tweeted, “…”", "One said".
fn indefinite_source(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    let alone = matches!(
        s.word(text, last),
        "Another" | "One" | "Others" | "Some" | "Many" | "Both" | "Several"
    ) && (last == 0 || s.word(text, last - 1) == ",");
    alone.then(|| Source::at(last, last))
}

/// Rule `share-of-people`: a share of the people asked as the subject of its clause —
/// "Six in 10 say", "nine out of 10 said", "42% say", "About 30 percent said", "Nearly
/// half said", "a majority support", "most oppose" (survey respondents are sources in
/// the attribution guidelines). The share opens the sentence or follows a comma, a colon,
/// a semicolon, "and" or "but", with the hedges before it ("about", "more than").
fn share_of_people(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    let w = |k: usize| s.word(text, k);
    let number = |k: usize| s.toks[k].kind == Kind::Number || is_number_word(&lexicon::lower(w(k)));
    let lw = lexicon::lower(w(last));
    let mut first = if number(last) && last >= 2 && w(last - 1) == "in" && number(last - 2) {
        // "Six in 10", "two in three"
        last - 2
    } else if number(last) && last >= 3 && (w(last - 2), w(last - 1)) == ("out", "of") && number(last - 3) {
        // "nine out of 10"
        last - 3
    } else if matches!(lw.as_ref(), "%" | "percent") && last >= 1 && s.toks[last - 1].kind == Kind::Number {
        last - 1
    } else if s.toks[last].kind == Kind::Number && w(last).ends_with('%') || words::is_share_word(&lw) {
        last
    } else {
        return None;
    };
    while first > 0 && !s.in_quote(first - 1) && words::is_share_hedge(&lexicon::lower(w(first - 1))) {
        first -= 1;
    }
    let opens = first == 0
        || matches!(
            w(first - 1),
            "," | ":" | ";" | "and" | "but" | "And" | "But" | "—" | "–"
        )
        || first == 1 && matches!(w(0), "But" | "And" | "Yet");
    (opens && !s.in_quote(first)).then(|| Source::at(first, last))
}

/// A number written as a word, as a share is counted: "six", "ten", "two-thirds".
fn is_number_word(lower: &str) -> bool {
    matches!(
        lower,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "two-thirds"
            | "three-quarters"
            | "three-fourths"
    )
}

/// Rule `opening-noun`: a plural speaking noun that opens the sentence and stands alone before
/// the verb ("Critics said …", "Officials say …"). Such words are capitalised there only
/// because they open the sentence, so the noun-phrase rule, which does not take words
/// that are never names, passes them over; the speaker is the noun.
fn opening_noun_source(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    let w = s.word(text, last);
    let opening = (0..last).all(|k| s.toks[k].kind != Kind::Word);
    // A plural noun, not a quantifier or pronoun of the list ("Most", "Who", "Everyone").
    (opening
        && plural_of_people(&lexicon::lower(w))
        && lexicon::is_function_word(w)
        && lexicon::is_speaking_noun(w))
    .then(|| Source::at(last, last))
}

/// Whether a lower-case word is a plural that can name people: a regular plural ("shop
/// owners"; not "-ss") or an irregular one ("fishermen", "people", "children", "police").
pub(super) fn plural_of_people(lower: &str) -> bool {
    let irregular =
        lower.ends_with("men") && lower.len() > 4 || matches!(lower, "people" | "children" | "police");
    (lower.ends_with('s') && !lower.ends_with("ss") || irregular) && lower.chars().all(char::is_lowercase)
}

/// "familiar with", "close to", "knowledge of", "briefed on": a source's description by
/// what it knows goes on past the preposition.
fn knows_about(word: &str, next: &str) -> bool {
    matches!(
        (word, next),
        ("familiar", "with") | ("close", "to") | ("knowledge", "of") | ("briefed", "on")
    )
}

/// A source described by what it knows: "a source familiar with the talks", "people
/// close to the campaign", "an official with knowledge of the plan".
fn described_source(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    let m = (last.saturating_sub(8)..last)
        .rev()
        .find(|&m| m > 0 && !s.in_quote(m) && knows_about(s.word(text, m - 1), s.word(text, m)))?;
    let head_end = if s.word(text, m - 1) == "knowledge" {
        m - 2
    } else {
        m - 1
    };
    if head_end == 0 {
        return None;
    }
    let head = source_before(text, s, head_end)?;
    let fits = head.speaks
        && (lexicon::is_speaking_noun(&s.word(text, head.last).to_lowercase())
            || lexicon::is_role_head(s.word(text, head.last)))
        && (head.last..last).all(|k| s.toks[k].kind == Kind::Word || matches!(s.word(text, k), "’s" | "'s"));
    fits.then(|| Source::at(head.first, last))
}

/// A noun phrase: back over words to a boundary. Its head must be able to speak for the
/// frame to have a speaker: a capitalised word, a role, an organisation or a speaking noun
/// ("officials", "a study"). Two capitalised sources joined by "and" are one ("Russia and
/// Syria rejected").
fn noun_phrase_source(text: &str, s: &Sentence, last: usize) -> Option<Source> {
    let w = s.word(text, last);
    let speaks = can_speak(w);
    if is_boundary(&w.to_lowercase())
        || lexicon::is_function_word(w)
        || is_determiner(w)
        || w.ends_with("ly") && w.len() > 4
        || w.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut first = last;
    while first > 0 && last - first < 7 {
        let p = first - 1;
        let pw = s.word(text, p);
        if s.toks[p].kind != Kind::Word
            || s.in_quote(p)
            || is_boundary(&pw.to_lowercase())
            || is_aux(pw) && !is_determiner(pw)
            || lexicon::is_function_word(pw) && !is_determiner(pw)
        {
            break;
        }
        first = p;
        if is_determiner(pw) {
            break;
        }
    }
    if first >= 2 && s.word(text, first - 1) == "and" {
        if let Some(prev) = s.names.iter().find(|c| c.last == first - 2) {
            first = prev.phrase_first;
        } else if first < last {
            first = coordinated_modifiers_start(text, s, first);
        }
    }
    first = acronym_in_brackets_start(text, s, first);
    Some(Source { first, last, speaks })
}

/// Rule `acronym_in_brackets`: "The Harbour Safety Board (HSB) chief said": a name with
/// its acronym in brackets before the head belongs to the phrase, which would otherwise
/// stop at the bracket and leave "chief". Returns where the name's phrase starts (`first`
/// when no such name stands before it).
fn acronym_in_brackets_start(text: &str, s: &Sentence, first: usize) -> usize {
    if first < 4 || s.word(text, first - 1) != ")" || s.word(text, first - 3) != "(" {
        return first;
    }
    let acronym = s.word(text, first - 2);
    if !(acronym.len() >= 2 && acronym.chars().all(|c| c.is_ascii_uppercase())) || s.in_quote(first - 2) {
        return first;
    }
    s.names
        .iter()
        .find(|c| c.last == first - 4)
        .map_or(first, |c| c.phrase_first)
}

/// Whether token `k` is a capitalised word outside quotation marks: a name or a
/// modifier made from one ("French", "Ford").
fn capitalised(text: &str, s: &Sentence, k: usize) -> bool {
    s.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
        && !s.in_quote(k)
        && s.word(text, k).chars().next().is_some_and(char::is_uppercase)
        && !is_determiner(s.word(text, k))
        && lexicon::pronoun(s.word(text, k)).is_none()
}

/// Rule `coordinated-modifiers`: "British and Dutch diplomats", "Ford, Kia and Fiat
/// executives": capitalised modifiers joined by "and" (and commas) before one head are
/// one source, not the last modifier and its head. `first` is the capitalised word after
/// "and", not the head; returns where the first conjunct starts (`first` when the word
/// before "and" is not capitalised).
fn coordinated_modifiers_start(text: &str, s: &Sentence, first: usize) -> usize {
    let mut k = first - 2;
    if s.word(text, k) == "," && k >= 1 {
        k -= 1; // "A, B, and C officials"
    }
    if !capitalised(text, s, first) || !capitalised(text, s, k) {
        return first;
    }
    let mut start = k;
    while start >= 2 && s.word(text, start - 1) == "," && capitalised(text, s, start - 2) {
        start -= 2;
    }
    start
}

/// The same rule after a cue ("according to Greek and Italian officials"): token `n`
/// ("and" or a comma) goes on with the phrase when the word before it is capitalised and
/// capitalised modifiers joined by commas and "and" follow, then a head in lower case.
/// After a comma the head must end the phrase ("according to Greek, Thai and Dutch
/// officials, …"): in "according to the agency, French and German officials have
/// agreed" the comma closes the source and a clause follows.
fn modifier_conjunction(text: &str, s: &Sentence, last: usize, n: usize) -> bool {
    if !matches!(s.word(text, n), "and" | ",") || !capitalised(text, s, last) {
        return false;
    }
    let mut k = n + 1;
    let mut joined = s.word(text, n) == "and";
    loop {
        if s.word(text, k) == "and" && !joined {
            joined = true;
            k += 1;
        }
        if !capitalised(text, s, k) {
            return false;
        }
        k += 1;
        match s.word(text, k) {
            "," => k += 1,
            "and" if !joined => {}
            w => {
                let head = s.toks.get(k).is_some_and(|t| t.kind == Kind::Word)
                    && !s.in_quote(k)
                    && w.chars().next().is_some_and(char::is_lowercase)
                    && !is_boundary(w)
                    && !lexicon::is_function_word(w)
                    && !is_aux(w);
                let closes = s.toks.get(k + 1).is_none_or(|t| t.kind != Kind::Word);
                return joined && head && (s.word(text, n) == "and" || closes);
            }
        }
    }
}

/// Whether the head word of a source phrase can be a speaker: a capitalised word, a role,
/// an organisation, a speaking noun, or any other word but a participle, an adverb, a
/// hyphenated modifier or an object pronoun.
fn can_speak(w: &str) -> bool {
    if w.chars().next().is_some_and(char::is_uppercase)
        || lexicon::is_role_word(w)
        || lexicon::is_org_word(w)
        || lexicon::is_speaking_noun(w)
    {
        return true;
    }
    !(["ing", "ed", "ly", "n't"].iter().any(|suf| w.ends_with(suf))
        || matches!(w, "me" | "him" | "them" | "us"))
}

/// A speaker phrase starting at token `start`: a name (with what it holds) or a noun phrase
/// up to punctuation.
pub(super) fn source_after(text: &str, s: &Sentence, start: usize) -> Option<Source> {
    let mut first = start;
    while first < s.toks.len() && is_aux(s.word(text, first)) {
        first += 1;
    }
    let t = s.toks.get(first)?;
    if t.kind != Kind::Word || s.in_quote(first) {
        return None;
    }
    let w = s.word(text, first);
    if lexicon::pronoun(w).is_some() {
        return Some(Source {
            first,
            last: first,
            speaks: true,
        });
    }
    if lexicon::is_calendar_word(w) || is_boundary(w) {
        return None;
    }
    let mut last = first;
    // How far the phrase may run: eight words, and as far again after "familiar with"
    // and its kin.
    let mut reach = 8;
    while last + 1 < s.toks.len() && last - first < reach {
        let n = last + 1;
        let nt = &s.toks[n];
        let nw = s.word(text, n);
        // A name runs over its connectors ("the Syrian Observatory for Human Rights").
        if let Some(c) = s.names.iter().find(|c| c.phrase_first <= n && n <= c.last) {
            last = c.last;
            continue;
        }
        if record_by_maker(text, s, first, n) {
            last = n;
            continue;
        }
        // Rule `described_source_after`: "according to three pilots familiar with the
        // rota, …": what the source knows is part of it, up to the clause's punctuation.
        if knows_about(s.word(text, last), nw) {
            last = n;
            reach = last - first + 8;
            continue;
        }
        // Rule `source_ends_at_subject_pronoun`: "according to several members it grew":
        // a subject pronoun opens the next clause, it does not go on with the phrase.
        let subject_pronoun = matches!(nw, "it" | "he" | "she" | "they" | "we" | "I" | "you");
        if modifier_conjunction(text, s, last, n) {
            last = n;
            continue;
        }
        if nt.kind != Kind::Word
            || s.in_quote(n)
            || is_boundary(nw)
            || lexicon::is_calendar_word(nw)
            || subject_pronoun
        {
            break;
        }
        last = n;
    }
    // After the cue the phrase is a speaker by position.
    Some(Source {
        first,
        last,
        speaks: true,
    })
}

/// Rule `record_by_maker`: a record named as a source runs on over "by" or "from" to
/// whoever made it ("according to figures released by the port office", "according to
/// data from the county clerk"): the attribution guidelines take the whole phrase as the
/// source, and cut at the preposition the source would be a bare "figures released".
/// True when token `n` is that "by" or "from" and the phrase from `first` is a record —
/// an evidence noun (`data/evidence-nouns.txt`) within its first three words ("figures
/// released", "a report", "a recent report").
fn record_by_maker(text: &str, s: &Sentence, first: usize, n: usize) -> bool {
    let prep = matches!(s.word(text, n), "by" | "from");
    prep && n > first && n - first <= 3 && (first..n).any(|k| is_evidence_noun(s.word(text, k)))
}

/// The name before an appositive or relative clause that ends at the comma `comma`:
/// "Ada Voss, who managed the ferry line," / "Ki Hong, 33," / "Jo Roe, a doctor,".
pub(super) fn appositive_source(text: &str, s: &Sentence, comma: usize, floor: usize) -> Option<Source> {
    if let Some(src) = name_before_parenthesis(text, s, comma, floor) {
        return Some(src);
    }
    // "The Harbour Minister, Jo Brandt, said": the name set off after a role speaks.
    if let Some(c) = s.names.iter().find(|c| c.last + 1 == comma && c.first <= c.last) {
        // Where the name's own phrase starts: at the name when the role before the comma
        // was joined to it (the entity finder gives a person "Harbour Minister" as its
        // role and starts the phrase there), else where the finder started it.
        let merged_role = c.phrase_first < c.first && s.word(text, c.first - 1) == ",";
        let start = if merged_role { c.first } else { c.phrase_first };
        let role_before = start >= 2
            && c.phrase_first >= floor
            && start > floor + 1
            && s.word(text, start - 1) == ","
            && (start.saturating_sub(5)..start - 1)
                .any(|k| lexicon::is_role_head(s.word(text, k)) || lexicon::is_role_word(s.word(text, k)));
        if (role_before
            || described_person_before(text, s, c, start, floor)
            || description_set_off_before(text, s, c, start, floor))
            && matches!(c.kind, EntityKind::Person | EntityKind::Unknown)
        {
            return Some(Source {
                first: c.phrase_first,
                last: c.last,
                speaks: true,
            });
        }
    }
    let mut k = comma;
    while k > floor && comma - k < 30 {
        k -= 1;
        if s.in_quote(k) || matches!(s.toks[k].kind, Kind::Quote { .. }) {
            return None;
        }
        if s.word(text, k) != "," {
            continue;
        }
        // An age or a home town is one more aside: "Ivo Brask, 41, of Tarnby, Ore., said".
        if k > 0 && s.toks[k - 1].kind == Kind::Number {
            continue;
        }
        let Some(c) = s.names.iter().find(|c| c.last + 1 == k && c.first <= c.last) else {
            // A lone capitalised word opening the sentence is not yet known as a name:
            // "Ortiz, during a visit, said".
            let w = s.word(text, 0);
            let lone = k == 1
                && w.chars().next().is_some_and(char::is_uppercase)
                && !lexicon::is_function_word(w)
                && lexicon::pronoun(w).is_none();
            return lone.then_some(Source {
                first: 0,
                last: 0,
                speaks: true,
            });
        };
        // Where a person is from or spoke is an aside too: "Ortiz, during a town hall in
        // Dayton, Ohio, said".
        let hometown = c.kind == EntityKind::Place
            || c.phrase_first > 0
                && matches!(
                    s.word(text, c.phrase_first - 1),
                    "of" | "from" | "in" | "at" | "near"
                );
        let state_after_town = c.kind == EntityKind::Place
            && c.phrase_first > 1
            && s.word(text, c.phrase_first - 1) == ","
            && s.names.iter().any(|d| {
                d.last + 2 == c.phrase_first
                    && d.phrase_first > 0
                    && matches!(s.word(text, d.phrase_first - 1), "of" | "from")
            });
        if hometown || state_after_town {
            // "Jo Roe of Eastport, a board member, said": the home town is the person's,
            // written right after the name, and the person speaks.
            if let Some(d) = person_before_of(text, s, c.phrase_first) {
                return Some(Source::at(d.phrase_first, d.last));
            }
            continue;
        }
        let opener = s.toks.get(k + 1)?;
        let ow = opener.text(text);
        // After a person's name anything set off by commas is an aside ("Hale, after a
        // long pause, said"); after other names only a description, which may open with
        // a participle ("Brekke Economics, commissioned by the guild, predicted").
        let participle = ow.len() > 4 && ow.ends_with("ed") && ow.chars().all(char::is_lowercase);
        let fits = matches!(c.kind, EntityKind::Person | EntityKind::Unknown)
            || participle
            || matches!(
                ow,
                "who" | "whose" | "a" | "an" | "the" | "which" | "now" | "then" | "also"
            )
            || opener.kind == Kind::Number
            || lexicon::is_role_word(ow)
            || ow.chars().next().is_some_and(char::is_uppercase);
        return fits.then_some(Source {
            first: c.phrase_first,
            last: c.last,
            speaks: true,
        });
    }
    None
}

/// Rule `described-person`: "One of the survey's authors, Ola Berg, said", "Another
/// member of the board, Per Lund, said": a person's name set off after a description
/// that opens the clause is who the description was about, and speaks. The description
/// starts the sentence (or the part of it no earlier frame took) with a determiner or a
/// counting word, and holds no comma, quotation or verb of speech of its own.
fn described_person_before(text: &str, s: &Sentence, c: &NameChunk, start: usize, floor: usize) -> bool {
    /// The longest description passed, in tokens.
    const REACH: usize = 14;
    let Some(comma) = start.checked_sub(1) else {
        return false;
    };
    let opens = (0..comma)
        .rev()
        .take(REACH)
        .find(|&k| k == floor || s.word(text, k) == "," || s.in_quote(k));
    let Some(first) = opens.filter(|&k| k == floor && s.word(text, k) != ",") else {
        return false;
    };
    let opener = s.word(text, first);
    let counted = is_determiner(opener)
        || matches!(
            lexicon::lower(opener).as_ref(),
            "one" | "another" | "two" | "three" | "several" | "some" | "many" | "each"
        );
    let person = c.kind == EntityKind::Person || c.kind == EntityKind::Unknown && c.last > c.first;
    counted
        && person
        && comma > first + 1
        && (first..comma).all(|k| {
            s.toks[k].kind != Kind::Quote { open: true }
                && !lexicon::speech_lemma(s.word(text, k)).is_some_and(lexicon::is_strong_cue)
        })
}

/// Rule `description_set_off_before`: "…, the harbour master, Ola Berg, said": a
/// person's name set off by commas right after a short description between commas
/// ([`set_off_description`]) is who the description names, and speaks, though the
/// description's last word is in no list of roles (`role_before` needs one). Only a
/// person's name: "the capital, Brask, said" names no speaker.
fn description_set_off_before(text: &str, s: &Sentence, c: &NameChunk, start: usize, floor: usize) -> bool {
    let Some(comma) = start.checked_sub(1).filter(|&k| s.word(text, k) == ",") else {
        return false;
    };
    let open = (floor..comma)
        .rev()
        .take(DESCRIPTION_REACH + 1)
        .find(|&k| s.word(text, k) == ",");
    c.kind == EntityKind::Person && open.is_some_and(|open| set_off_description(text, s, open, comma))
}

/// The longest description [`set_off_description`] passes, in tokens, its determiner included.
pub(super) const DESCRIPTION_REACH: usize = 5;

/// The tokens between the commas `open` and `comma` are a description of a person: a
/// determiner ("the", "its", "his", "her", "their", "our"), then two to four words in lower
/// case ("the harbour master", "its head chef", "the team's new coach"), none an
/// auxiliary ("the pier will close" is a clause), a verb of speech or quoted.
pub(super) fn set_off_description(text: &str, s: &Sentence, open: usize, comma: usize) -> bool {
    let first = open + 1;
    let plain = |k: usize| {
        let w = s.word(text, k);
        (w == "'s" || w.chars().all(char::is_lowercase))
            && !s.in_quote(k)
            && !is_aux(w)
            && lexicon::speech_lemma(w).is_none()
    };
    comma > first
        && (3..=DESCRIPTION_REACH).contains(&(comma - first))
        && matches!(
            s.word(text, first),
            "the" | "its" | "his" | "her" | "their" | "our"
        )
        && (first + 1..comma).all(plain)
}

/// A person's name that ends just before "of" or "from" at `at - 1` (the name's place
/// or body follows from `at`): "Jo Roe of Eastport".
fn person_before_of<'s>(text: &str, s: &'s Sentence, at: usize) -> Option<&'s NameChunk> {
    let prep = at.checked_sub(1)?;
    if !matches!(s.word(text, prep), "of" | "from") || s.in_quote(prep) {
        return None;
    }
    s.names.iter().find(|d| {
        d.first <= d.last
            && d.last + 1 == prep
            && (d.kind == EntityKind::Person || d.role.is_some() && d.kind == EntityKind::Unknown)
    })
}

/// A name with a parenthesis after it, just before the comma `comma`: "Rep. Jo Roe
/// (D-Ore.), said" — the name speaks, not a word inside the parenthesis.
fn name_before_parenthesis(text: &str, s: &Sentence, comma: usize, floor: usize) -> Option<Source> {
    /// The longest parenthesis passed, in tokens.
    const REACH: usize = 8;
    let close = comma
        .checked_sub(1)
        .filter(|&k| s.word(text, k) == ")" && !s.in_quote(k))?;
    let open = (close.saturating_sub(REACH)..close)
        .rev()
        .find(|&k| s.word(text, k) == "(")?;
    let c = s
        .names
        .iter()
        .find(|c| c.last + 1 == open && c.first <= c.last && c.phrase_first >= floor)?;
    matches!(c.kind, EntityKind::Person | EntityKind::Unknown).then_some(Source::at(c.phrase_first, c.last))
}

/// The subject of the clause when asides set off by commas stand between it and the
/// cue after the comma at `comma`: "Skippers in the north, however, say", "One clerk, who
/// had worked the night shift, said", "Rep. Jo Roe (D-Ore.), who chairs the panel, said". The
/// subject must be followed at once by a comma (after a parenthesis), and the asides hold
/// no verb of speech of their own outside quotation marks.
fn subject_set_off(text: &str, s: &Sentence, comma: usize) -> Option<Source> {
    if s.word(text, comma) != "," || s.in_quote(comma) {
        return None;
    }
    let named = subject_of(text, s, comma).and_then(|subj| {
        let mut k = subj.last + 1;
        if s.word(text, k) == "(" {
            k = (k..comma).find(|&j| s.word(text, j) == ")")? + 1;
        }
        (s.word(text, k) == "," && k < comma).then_some((subj, k))
    });
    let (subj, k) = named.or_else(|| opening_phrase_set_off(text, s, comma))?;
    let speaks_in_aside = (k + 1..comma).any(|j| {
        !s.in_quote(j) && lexicon::speech_lemma(s.word(text, j)).is_some_and(lexicon::is_strong_cue)
    });
    (!speaks_in_aside).then_some(subj)
}

/// Rule `opening-phrase-set-off`: "Ferry skippers and harbour staff, however, said",
/// "Backers of the new timetable, for their part, say": the noun phrase that opens the
/// sentence up to its first comma is the subject when no name or pronoun starts it. It
/// must name people (a speaking noun, a role, an organisation, a plural of people or a
/// name among its words) and hold no verb: no auxiliary, no verb of speech, no word in
/// "-ed" or "-ing", no subordinator ("The move comes as crowds, mostly …, seek").
/// Returns the phrase and the comma that ends it.
fn opening_phrase_set_off(text: &str, s: &Sentence, comma: usize) -> Option<(Source, usize)> {
    /// The longest opening phrase taken, in tokens.
    const REACH: usize = 10;
    let first = usize::from(matches!(s.word(text, 0), "But" | "And" | "Yet" | "So"));
    let end = (first..comma.min(first + REACH + 1)).find(|&k| s.word(text, k) == ",")?;
    if end == first || end >= comma {
        return None;
    }
    let opener = s.word(text, first);
    if lexicon::is_function_word(opener)
        && !is_determiner(opener)
        && !matches!(opener, "Many" | "Some" | "Most")
    {
        return None;
    }
    let words_only = (first..end).all(|k| {
        let w = s.word(text, k);
        s.toks[k].kind == Kind::Word
            && !s.in_quote(k)
            && !is_aux(w)
            && !words::is_subordinator(w)
            && !words::is_finite_auxiliary(w)
            && lexicon::speech_lemma(w).is_none()
            && !(w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")))
    });
    let people = (first..end).any(|k| {
        let w = s.word(text, k);
        let lower = lexicon::lower(w);
        lexicon::is_speaking_noun(&lower)
            || lexicon::is_role_head(&lower)
            || lexicon::is_org_word(&lower)
            || plural_of_people(&lower) && !lexicon::is_function_word(&lower)
            || s.names.iter().any(|c| c.first <= k && k <= c.last)
    });
    (words_only && people).then_some((Source::at(first, end - 1), end))
}

/// A common-noun subject opening the sentence, taken by its shape when the lexicon does
/// not know its head: a determiner, up to four lower-case words, then an auxiliary or a
/// finite verb ("The retired surgeon has said little, saying only …", "The weekly paper
/// began its campaign, arguing …"). For a participle set off by a comma this is who
/// speaks, whatever the noun.
pub(super) fn leading_noun_phrase(text: &str, s: &Sentence, before: usize) -> Option<Source> {
    const MAX_WORDS: usize = 4;
    let first = usize::from(matches!(s.word(text, 0), "But" | "And"));
    if !matches!(
        s.word(text, first),
        "The" | "A" | "An" | "This" | "That" | "Its" | "His" | "Her" | "Their"
    ) {
        return None;
    }
    // At least one word of the noun phrase first ("The retired surveyor has").
    let end = (first + 2..before.min(first + 2 + MAX_WORDS)).find(|&k| {
        let w = s.word(text, k);
        is_aux(w) || is_irregular_past(w) || w.ends_with("ed")
    })?;
    let noun_words = (first + 1..end).all(|k| {
        let w = s.word(text, k);
        s.toks[k].kind == Kind::Word && !s.in_quote(k) && w.chars().all(|c| c.is_lowercase() || c == '-')
    });
    noun_words.then_some(Source::at(first, end - 1))
}

/// The last person-like name before token `before` that is followed by a finite verb
/// ("…— Hale called them on it:"), for clauses whose start `subject_of` cannot parse.
pub(super) fn named_clause_subject(text: &str, s: &Sentence, before: usize) -> Option<Source> {
    s.names
        .iter()
        .rev()
        .filter(|c| c.first <= c.last && c.last + 1 < before && !s.in_quote(c.first))
        .filter(|c| matches!(c.kind, EntityKind::Person | EntityKind::Unknown))
        .find(|c| {
            let v = s.word(text, c.last + 1);
            v.chars().all(|ch| ch.is_lowercase())
                && (v.ends_with("ed") || v.ends_with('s') && !v.ends_with("ss") || is_irregular_past(v))
        })
        .map(|c| Source {
            first: c.phrase_first,
            last: c.last,
            speaks: true,
        })
}

/// Respondents as a source ("31 percent of Republicans", "most voters") after an
/// introductory "In a … poll|survey|study," — that phrase is the source.
pub(super) fn poll_source(text: &str, s: &Sentence, src: Source) -> Option<Source> {
    if !matches!(s.word(text, 0), "In" | "in") {
        return None;
    }
    let comma = (1..src.first).find(|&k| s.word(text, k) == ",")?;
    let counted = (comma + 1..=src.last).any(|k| {
        s.toks[k].kind == Kind::Number
            || matches!(s.word(text, k), "percent" | "%" | "majority" | "most" | "Most")
    });
    let head = (1..comma)
        .rev()
        .find(|&k| matches!(s.word(text, k), "poll" | "survey" | "study" | "Poll" | "Survey"))?;
    (counted && head + 5 >= comma && (1..comma).all(|k| !s.in_quote(k))).then_some(Source {
        first: 1,
        last: comma - 1,
        speaks: true,
    })
}

/// The subject of the sentence's main clause: the first name, pronoun or noun phrase
/// before the first verb-like word — approximated as the first name or pronoun outside
/// quotes before `before`.
pub(super) fn subject_of(text: &str, s: &Sentence, before: usize) -> Option<Source> {
    // The clause may start after one or more introductory phrases ("On Thursday, after
    // the vote, Warren …"; "Reached by phone, Bennett …"): try each comma in turn.
    std::iter::once(0)
        .chain(
            (0..before.min(s.toks.len()).min(30))
                .filter(|&c| s.word(text, c) == "," && !s.in_quote(c))
                .map(|c| c + 1),
        )
        .find_map(|start| subject_at(text, s, start, before))
}

/// The subject of a clause that begins at token `start`, before token `before`.
pub(super) fn subject_at(text: &str, s: &Sentence, start: usize, before: usize) -> Option<Source> {
    let n = s.toks.len();
    let mut k = (start..n).find(|&k| s.toks[k].kind == Kind::Word && !s.in_quote(k))?;
    // A dateline first: "NORDVIK (NWA) – …", "Nordvik (NWA) – …".
    let agency = s.word(text, k + 1) == "("
        && s.word(text, k + 3) == ")"
        && s.word(text, k + 2).chars().all(|c| c.is_uppercase());
    if agency || s.word(text, k).len() > 2 && s.word(text, k).chars().all(|c| !c.is_lowercase()) {
        if let Some(d) = (k..n.min(k + 8)).find(|&d| matches!(s.word(text, d), "–" | "—" | "-" | "--")) {
            k = d + 1;
        }
    }
    // An introductory phrase ("After the debate, …", "In Ohio on Monday, …") or a
    // conjunction ("But …") comes before the subject.
    let w = s.word(text, k);
    if matches!(
        w,
        "But" | "And" | "So" | "Yet" | "Still" | "Then" | "Also" | "Now" | "Meanwhile"
    ) {
        k += 1;
        if s.toks.get(k).is_some_and(|t| t.text(text) == ",") {
            k += 1;
        }
    } else if lexicon::is_function_word(w) && lexicon::pronoun(w).is_none() && !is_determiner(w) {
        let comma = (k..n.min(k + 16)).find(|&c| s.word(text, c) == "," && !s.in_quote(c))?;
        k = comma + 1;
    }
    if k >= before.min(n) {
        return None;
    }
    let w = s.word(text, k);
    if matches!(
        lexicon::pronoun(w),
        Some(Pronoun::Male | Pronoun::Female | Pronoun::Plural | Pronoun::First)
    ) {
        return Some(Source {
            first: k,
            last: k,
            speaks: true,
        });
    }
    let at = if is_determiner(w) { k + 1 } else { k };
    // The longest name phrase starting there ("Harbour Board spokesman Sam Okafor",
    // not its "US State Department").
    let Some(c) = s
        .names
        .iter()
        .filter(|c| {
            (c.phrase_first == k || c.phrase_first == at || c.first == at)
                && c.first <= c.last
                && c.last < before
        })
        .max_by_key(|c| c.last)
    else {
        // A common-noun subject that can speak: "The campaign", "Senior officials",
        // "A new poll by the Harbour Times".
        let mut h = at;
        while h < before.min(n) && h < at + 4 && s.toks[h].kind == Kind::Word && !s.in_quote(h) {
            let hw = s.word(text, h);
            if lexicon::is_speaking_head(hw) {
                let next = s.word(text, h + 1);
                // "A few days later, …": a quantity of time, not a speaker.
                let of_time = matches!(
                    next.trim_end_matches('s'),
                    "second" | "minute" | "hour" | "day" | "week" | "month" | "year" | "decade"
                );
                let ends = !(lexicon::is_speaking_noun(next) || lexicon::is_org_word(next) || of_time);
                if ends && (h > k || is_determiner(w) || hw.ends_with('s')) {
                    return Some(Source {
                        first: k,
                        last: h,
                        speaks: true,
                    });
                }
            }
            // Rule `np_stops_at_finite_verb`: a noun phrase holds no finite auxiliary
            // ("there were many questions about the fares" has no subject "there were many").
            let lower = lexicon::lower(hw);
            if is_boundary(&lower) || words::is_finite_auxiliary(&lower) {
                break;
            }
            h += 1;
        }
        return None;
    };
    let mut last = c.last;
    // Coordinated names: "The United States, Britain and France".
    loop {
        let next = s.names.iter().find(|d| {
            d.phrase_first > last
                && d.phrase_first <= last + 2
                && d.last < before
                && (last + 1..d.phrase_first).all(|x| matches!(s.word(text, x), "," | "and"))
        });
        match next {
            Some(d) if (last + 1..d.phrase_first).any(|x| s.word(text, x) == "and") => {
                last = d.last;
                break;
            }
            Some(d) => last = d.last,
            None => break,
        }
    }
    // Rule `possessive_subject_head`: "Vestmark's central bank" is the subject, not its
    // owner: after a possessive name, the noun phrase runs on to a body's, role's or
    // speaking noun within four lower-case words, none a function word ("Lund's not the
    // one who" is no phrase).
    let w = s.word(text, last);
    if w.ends_with("'s") || w.ends_with("’s") {
        let is_head = |h: usize| lexicon::is_speaking_head(s.word(text, h));
        let lower = |h: usize| {
            h < before.min(n)
                && s.toks[h].kind == Kind::Word
                && !s.in_quote(h)
                && s.word(text, h).starts_with(|c: char| c.is_lowercase())
                && !lexicon::is_function_word(&crate::entities::title_case(s.word(text, h)))
        };
        if let Some(mut h) = (last + 1..last + 5)
            .take_while(|&h| lower(h))
            .find(|&h| is_head(h))
        {
            // "central bank governor": the head's compound runs on.
            while lower(h + 1) && is_head(h + 1) {
                h += 1;
            }
            last = h;
        }
    }
    Some(Source {
        first: c.phrase_first.min(k),
        last,
        speaks: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Entities;

    /// The sentences of `text`, read as the quote stage reads them.
    fn sentences_of(text: &str) -> Vec<Sentence> {
        let paras = crate::text::segment::line_paragraphs(text);
        let sentences = crate::text::segment::sentences(text, &paras);
        super::super::read_sentences(text, &paras, &sentences, &mut Entities::default())
    }

    /// The words a source covers.
    fn phrase<'t>(text: &'t str, s: &Sentence, src: Source) -> &'t str {
        &text[s.toks[src.first].span.start..s.toks[src.last].span.end]
    }

    /// The source of the speech verb `cue` in a one-sentence text: the rule that found it
    /// and the phrase.
    fn source_for(text: &str, cue: &str) -> Option<(&'static str, String)> {
        let paras = crate::text::segment::line_paragraphs(text);
        let sentences = crate::text::segment::sentences(text, &paras);
        let mut ents = Entities::default();
        let mut sents = super::super::read_sentences(text, &paras, &sentences, &mut ents);
        super::super::mark_quotes(text, &mut sents);
        let s = sents
            .iter()
            .find(|s| (0..s.toks.len()).any(|k| s.word(text, k) == cue))?;
        let end = (0..s.toks.len()).find(|&k| s.word(text, k) == cue)?;
        let found = source_before(text, s, end)?;
        let last = phrase_end(text, s, end)?;
        let rule = SOURCES_BEFORE
            .iter()
            .find(|r| (r.find)(text, s, last) == Some(found))?;
        Some((
            rule.name,
            text[s.toks[found.first].span.start..s.toks[found.last].span.end].to_string(),
        ))
    }

    fn assert_source(text: &str, cue: &str, rule: &str, phrase: &str) {
        assert_eq!(source_for(text, cue), Some((rule, phrase.to_string())), "{text}");
    }

    #[test]
    fn share_of_people() {
        for (text, cue, share) in [
            ("Six in 10 say the fares are too high.", "say", "Six in 10"),
            (
                "About 4 in 10 said they want a second pier.",
                "said",
                "About 4 in 10",
            ),
            (
                "Nine out of 10 said the ferry was late.",
                "said",
                "Nine out of 10",
            ),
            ("On the fares, 42% say they are content.", "say", "42%"),
            (
                "More than 30 percent said they would wait.",
                "said",
                "More than 30 percent",
            ),
            ("Nearly half said the pier should close.", "said", "Nearly half"),
            ("The rest was plain: most said they were worried.", "said", "most"),
        ] {
            assert_eq!(
                source_for(text, cue),
                Some(("share-of-people", share.to_string())),
                "{text}"
            );
        }
        // A count inside a clause is no share of those asked.
        assert_ne!(
            source_for("The ferry carried 40 percent said nothing.", "said").map(|f| f.0),
            Some("share-of-people")
        );
    }

    #[test]
    fn described_person_and_opening_phrase_set_off() {
        let frames_src = |text: &str| {
            let s = &sentences_of(text)[0];
            let comma = (0..s.toks.len()).rev().find(|&k| s.word(text, k) == ",").unwrap();
            appositive_source(text, s, comma, 0)
                .or_else(|| super::subject_set_off(text, s, comma))
                .map(|src| phrase(text, s, src).to_string())
        };
        assert_eq!(
            frames_src(
                "Another member of the harbour board, Ola Brekke, said he was leaning toward the plan."
            ),
            Some("Ola Brekke".to_string())
        );
        assert_eq!(
            frames_src("Ferry skippers and port staff, however, said they feared the storm."),
            Some("Ferry skippers and port staff".to_string())
        );
        assert_eq!(
            frames_src("Backers of the new timetable, for their part, say it keeps the winter sailings."),
            Some("Backers of the new timetable".to_string())
        );
        // An opening phrase with a verb, or one that names no people, is no subject.
        assert_eq!(
            frames_src("After the vote ended, in the hall, said nothing."),
            None
        );
        assert_eq!(frames_src("The old stone pier, however, said nothing."), None);
        assert_eq!(
            frames_src("The move comes as skippers, mostly from the north, said no."),
            None
        );
    }

    #[test]
    fn joined_verb_after_any_subject() {
        assert_eq!(
            source_for(
                "The ferry board refused to answer questions but said there was no plan to cut sailings.",
                "said"
            ),
            Some(("coordinated-verbs", "The ferry board".to_string()))
        );
        assert_eq!(
            source_for(
                "Mayor Siri Dahl was pressed on the fares and said they would stay.",
                "said"
            ),
            Some(("coordinated-verbs", "Mayor Siri Dahl".to_string()))
        );
        // Past a parenthesis and an adverb after the subject.
        assert_eq!(
            source_for(
                "Gov. Ana Ruiz (D) strongly criticized the board and said the pier must stay open.",
                "said"
            ),
            Some(("coordinated-verbs", "Gov. Ana Ruiz".to_string()))
        );
        // A subject that cannot speak ("added" is a sum here), and a verb of going on.
        for (text, cue) in [
            (
                "The ferry traffic rebounded and added 800 crossings in June.",
                "added",
            ),
            (
                "The storm began with high tides and continued with a week of gales.",
                "continued",
            ),
        ] {
            assert_ne!(
                source_for(text, cue).map(|f| f.0),
                Some("coordinated-verbs"),
                "{text}"
            );
        }
    }

    #[test]
    fn coordinated_verbs() {
        assert_source(
            "Jo Brandt laughed and said the gates would hold.",
            "said",
            "coordinated-verbs",
            "Jo Brandt",
        );
        assert_source(
            "Mayor Lena Ortiz looked at the crowd, shook her head and added that the toll stays.",
            "added",
            "coordinated-verbs",
            "Mayor Lena Ortiz",
        );
    }

    #[test]
    fn subject_set_off() {
        assert_source(
            "Councillor Abe Kahn, who chairs the ferry panel and sits on two boards, said the fares would fall.",
            "said",
            "subject-set-off",
            "Councillor Abe Kahn",
        );
        assert_source(
            "The harbour board, however, says the locks are safe.",
            "says",
            "subject-set-off",
            "The harbour board",
        );
        // An aside that speaks has its own frame: its verb is no aside's.
        assert_eq!(
            source_for(
                "The harbour board, its chair told reporters, says the locks are safe.",
                "says"
            )
            .map(|f| f.0),
            None
        );
    }

    /// A common noun the lexicon does not know opens the sentence before its verb.
    #[test]
    fn leading_noun_phrase_by_shape() {
        let text = "The retired surveyor has kept quiet, saying only that the locks leak.";
        let sents = sentences_of(text);
        let s = &sents[0];
        let src = leading_noun_phrase(text, s, s.toks.len()).expect("a subject");
        assert_eq!(phrase(text, s, src), "The retired surveyor");
        // A capitalised word is a name's business, not this shape's.
        let text = "The Harbour Board has kept quiet.";
        let sents = sentences_of(text);
        assert!(leading_noun_phrase(text, &sents[0], sents[0].toks.len()).is_none());
    }

    /// An aside set off by dashes stands between the speaker and the verb.
    #[test]
    fn dash_aside() {
        assert_source(
            "Councillor Abe Kahn — who chairs the ferry panel — said the fares would fall.",
            "said",
            "name",
            "Councillor Abe Kahn",
        );
    }

    #[test]
    fn relative_pronoun() {
        assert_source(
            "The toll was set by Jo Brandt, who said it was fair.",
            "said",
            "relative-pronoun",
            "who",
        );
    }

    #[test]
    fn pronoun() {
        assert_source("She said the locks were safe.", "said", "pronoun", "She");
        // "it" speaks only as itself: "its" is no speaker.
        assert_source("It said the locks were safe.", "said", "pronoun", "It");
    }

    #[test]
    fn name() {
        assert_source(
            "Councillor Abe Kahn on Tuesday said the toll was fair.",
            "said",
            "name",
            "Councillor Abe Kahn",
        );
        // A negated modal stands between the name and its verb.
        assert_source("Abe Kahn cannot say the toll is fair.", "say", "name", "Abe Kahn");
    }

    /// Rule `negated_auxiliary` (`words::is_negated_auxiliary`): a contraction in "n't"
    /// stands between a source and its verb as "did not" does.
    #[test]
    fn negated_auxiliary() {
        assert_source(
            "Abe Kahn didn't say whether the toll is fair.",
            "say",
            "name",
            "Abe Kahn",
        );
        assert_source(
            "He hasn’t mentioned the toll since May.",
            "mentioned",
            "pronoun",
            "He",
        );
        assert_source(
            "The harbour pilots haven't said much about the dredging.",
            "said",
            "noun-phrase",
            "The harbour pilots",
        );
    }

    #[test]
    fn indefinite_pronoun() {
        assert_source(
            "Another said the toll was fair.",
            "said",
            "indefinite-pronoun",
            "Another",
        );
    }

    /// A speaking noun capitalised because it opens the sentence speaks ("Critics said").
    #[test]
    fn opening_noun() {
        assert_source(
            "Critics said the new ferry toll was unfair.",
            "said",
            "opening-noun",
            "Critics",
        );
        assert_source(
            "Officials say the Brindle Street pier will close.",
            "say",
            "opening-noun",
            "Officials",
        );
    }

    #[test]
    fn described_source() {
        assert_source(
            "A source close to the council said the toll would rise.",
            "said",
            "described-source",
            "A source close to the council",
        );
    }

    #[test]
    fn acronym_in_brackets() {
        assert_source(
            "The Harbour Safety Board (HSB) chief said the pier was unsafe.",
            "said",
            "noun-phrase",
            "Harbour Safety Board (HSB) chief",
        );
    }

    #[test]
    fn noun_phrase() {
        assert_source(
            "Local fishermen said the toll was unfair.",
            "said",
            "noun-phrase",
            "Local fishermen",
        );
        // A phrase whose head cannot speak is found, but is no speaker.
        let text = "The figures published said little.";
        let sents = sentences_of(text);
        let src = source_before(text, &sents[0], 3).unwrap();
        assert_eq!((src.first, src.last, src.speaks), (0, 2, false));
    }

    /// A name with a parenthesis after it, then a comma and the verb, speaks.
    #[test]
    fn name_before_parenthesis() {
        let text = "In Dunmore, Ohio, Rep. Ivo Brask (D-Ohio), said the toll was fair.";
        let sents = sentences_of(text);
        let s = &sents[0];
        let said = (0..s.toks.len()).find(|&k| s.word(text, k) == "said").unwrap();
        let src = appositive_source(text, s, said - 1, 0).unwrap();
        assert_eq!(phrase(text, s, src), "Rep. Ivo Brask");
    }

    /// Every rule in the table has a reason, a unique name and a test above.
    #[test]
    fn every_rule_is_named_and_explained() {
        let mut names: Vec<&str> = SOURCES_BEFORE.iter().map(|r| r.name).collect();
        assert!(SOURCES_BEFORE
            .iter()
            .all(|r| !r.reason.is_empty() && !r.reason.contains('\n')));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SOURCES_BEFORE.len());
        let tests = include_str!("sources.rs");
        for r in SOURCES_BEFORE {
            let test = format!("fn {}() {{", r.name.replace('-', "_"));
            assert!(tests.contains(&test), "no test for source rule {}", r.name);
        }
    }
}
