//! Word lists for entities and attribution: speech verbs, roles and titles, organisation
//! and place words, first names, pronouns. Lists describe English news language in
//! general; none is drawn from a particular article.
//!
//! The lists are data files in `entities/data/` (one entry per line, `#` starts a
//! comment), read into the binary at build time and into hash sets once, on first use.
//! The tests check that no list repeats an entry and that lists that must not share a
//! word do not (a name is a man's or a woman's, a word a role head or an organisation).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::EntityKind;

/// The word lists, as their files are read at build time.
pub(crate) mod lists {
    pub(crate) const SPEECH_VERBS: &str = include_str!("data/speech-verbs.txt");
    pub(crate) const STRONG_CUES: &str = include_str!("data/strong-cues.txt");
    pub(crate) const COGNITION_LEMMAS: &str = include_str!("data/cognition-lemmas.txt");
    pub(crate) const ROLE_WORDS: &str = include_str!("data/role-words.txt");
    pub(crate) const ROLE_MODIFIER_WORDS: &str = include_str!("data/role-modifier-words.txt");
    pub(crate) const ROLE_PHRASE_WORDS: &str = include_str!("data/role-phrase-words.txt");
    pub(crate) const SPEAKING_NOUNS: &str = include_str!("data/speaking-nouns.txt");
    pub(crate) const REPRESENTATIVE_WORDS: &str = include_str!("data/representative-words.txt");
    pub(crate) const STANCE_VERBS: &str = include_str!("data/stance-verbs.txt");
    pub(crate) const STANCE_VERBS_IRREGULAR: &str = include_str!("data/stance-verbs-irregular.txt");
    pub(crate) const ACTION_VERBS: &str = include_str!("data/action-verbs.txt");
    pub(crate) const SAYING_VERBS: &str = include_str!("data/saying-verbs.txt");
    pub(crate) const ORG_WORDS: &str = include_str!("data/org-words.txt");
    pub(crate) const TRADE_WORDS: &str = include_str!("data/trade-words.txt");
    pub(crate) const PLACES: &str = include_str!("data/places.txt");
    pub(crate) const PLACE_WORDS: &str = include_str!("data/place-words.txt");
    pub(crate) const FUNCTION_WORDS: &str = include_str!("data/function-words.txt");
    pub(crate) const CALENDAR_WORDS: &str = include_str!("data/calendar-words.txt");
    pub(crate) const TIME_ZONES: &str = include_str!("data/time-zones.txt");
    pub(crate) const STATE_ABBREVIATIONS: &str = include_str!("data/state-abbreviations.txt");
    pub(crate) const FIRST_NAMES_MALE: &str = include_str!("data/first-names-male.txt");
    pub(crate) const FIRST_NAMES_FEMALE: &str = include_str!("data/first-names-female.txt");
    pub(crate) const FIRST_NAME_VARIANTS: &str = include_str!("data/first-name-variants.txt");
    pub(crate) const FIRST_NAMES: &str = include_str!("data/first-names.tsv");
    pub(crate) const DESCRIPTOR_WORDS: &str = include_str!("data/descriptor-words.txt");
    pub(crate) const LABEL_WORDS: &str = include_str!("data/label-words.txt");
    pub(crate) const NAME_SUFFIXES: &str = include_str!("data/name-suffixes.txt");
    pub(crate) const ALIASES: &str = include_str!("data/aliases.tsv");
    pub(crate) const GAZETTEER: &str = include_str!("data/gazetteer.tsv");
    pub(crate) const COMPANIES: &str = include_str!("data/companies.txt");
    pub(crate) const ONE_OF_A_KIND_BODIES: &str = include_str!("data/one-of-a-kind-bodies.txt");
    pub(crate) const COMPANY_ENDINGS: &str = include_str!("data/company-endings.txt");
    pub(crate) const BUSINESS_NOUNS: &str = include_str!("data/business-nouns.txt");
    pub(crate) const ORGANISATION_NOUNS: &str = include_str!("data/organisation-nouns.txt");
    pub(crate) const BODY_NOUNS: &str = include_str!("data/body-nouns.txt");
    pub(crate) const PERSONAL_SPEECH: &str = include_str!("data/personal-speech.txt");
    pub(crate) const PLACE_NOUNS: &str = include_str!("data/place-nouns.txt");
    pub(crate) const FIRM_WORDS: &str = include_str!("data/firm-words.txt");
}

/// The entries of a word list: its lines without comments (from `#`) and surrounding
/// space, blank lines skipped.
pub(crate) fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
}

/// A quick hash for the fixed word lists (the multiply-and-rotate of rustc's FxHash). The
/// keys of these sets are the lists' own entries, so no input can crowd their buckets; the
/// maps keyed by the text's names keep the standard, flood-resistant hash.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        last[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(last) ^ rest.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of a word list's entries.
pub(crate) type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// The set of a word list's entries, built once per call site on first use.
macro_rules! word_set {
    ($list:expr) => {{
        static SET: std::sync::LazyLock<$crate::entities::lexicon::WordSet> =
            std::sync::LazyLock::new(|| $crate::entities::lexicon::entries($list).collect());
        &*SET
    }};
}
pub(crate) use word_set;

/// `w` lower-cased, borrowed when it already is (ASCII words, nearly all of them, are
/// checked a byte at a time).
pub(crate) fn lower(w: &str) -> Cow<'_, str> {
    let upper = if w.is_ascii() {
        w.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        w.chars().any(char::is_uppercase)
    };
    if upper {
        Cow::Owned(w.to_lowercase())
    } else {
        Cow::Borrowed(w)
    }
}

/// Calls `f` with `w` lower-cased, as [`lower`] gives it, without allocating for a short
/// ASCII word ([`crate::text::fold_ascii`]).
pub(crate) fn with_lower<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    match crate::text::fold_ascii(w, |_| true) {
        Some(l) => f(l.as_str()),
        None => f(&lower(w)),
    }
}

/// Speech-verb forms and their lemmas: each line "lemma: form form …"; a form belongs to
/// the first lemma that lists it.
/// Each form of a "lemma: form form …" list (the speech verbs, the quote stage's verbs of
/// stance) with its lemma; a form listed twice keeps its first lemma.
pub(crate) type LemmaForms = HashMap<&'static str, &'static str, BuildHasherDefault<WordHasher>>;

/// Reads a "lemma: form form …" list (see [`LemmaForms`]).
pub(crate) fn lemma_forms(list: &'static str) -> LemmaForms {
    let mut m = HashMap::default();
    for line in entries(list) {
        let (lemma, forms) = line.split_once(':').unwrap_or((line, ""));
        for f in forms.split_whitespace() {
            m.entry(f).or_insert(lemma.trim());
        }
    }
    m
}

fn speech_forms() -> &'static LemmaForms {
    static FORMS: LazyLock<LemmaForms> = LazyLock::new(|| lemma_forms(lists::SPEECH_VERBS));
    &FORMS
}

/// Verbs that introduce what somebody said, thought or claimed, in all inflections that
/// news uses. The value is the lemma.
pub fn speech_lemma(word: &str) -> Option<&'static str> {
    speech_forms().get(word).copied()
}

/// Speech verbs strong enough to attribute a quote on their own ("X said", "X told").
/// The others need a clause after them ("X believes that …") to count.
pub fn is_strong_cue(lemma: &str) -> bool {
    word_set!(lists::STRONG_CUES).contains(lemma)
}

/// Nouns and titles naming a role or office, and the words that qualify one ("press",
/// "foreign"), matched lower-cased.
pub fn is_role_word(w: &str) -> bool {
    with_lower(w, |w| {
        let w = without_time_prefix(w);
        word_set!(lists::ROLE_WORDS).contains(w) || word_set!(lists::ROLE_MODIFIER_WORDS).contains(w)
    })
}

/// Role words that on their own make the following name a person ("Secretary", "Sen.").
/// Words such as "state" or "foreign" only modify a role.
pub fn is_role_head(w: &str) -> bool {
    with_lower(w, |w| {
        word_set!(lists::ROLE_WORDS).contains(without_time_prefix(w))
    })
}

/// Rule `prefixed_role`: a role word with "then-" or "ex-" glued before it ("Then-Mayor",
/// "ex-minister") is that role word, held earlier: the whole word is a role, and no part of
/// the name after it (the audit found "Then-Mayor" left inside a person's name). `w` is
/// lower case.
fn without_time_prefix(w: &str) -> &str {
    w.strip_prefix("then-")
        .or_else(|| w.strip_prefix("ex-"))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(w)
}

/// Lower-case words that may stand in a role phrase before a name besides role words
/// ("former", "acting", "campaign").
pub fn is_role_phrase_word(w: &str) -> bool {
    with_lower(w, |w| word_set!(lists::ROLE_PHRASE_WORDS).contains(w))
}

/// A noun that can head a speaking subject: a noun of people who speak, a body's word or
/// a role's head ("officials", "ministry", "spokesman").
pub fn is_speaking_head(w: &str) -> bool {
    is_speaking_noun(w) || is_org_word(w) || is_role_head(w)
}

/// Common nouns that can be the source of a statement ("officials said", "a study found").
pub fn is_speaking_noun(w: &str) -> bool {
    with_lower(w, |w| word_set!(lists::SPEAKING_NOUNS).contains(w))
}

/// A person who speaks on another's behalf ("spokeswoman", "lawyers"), in any case.
pub fn is_representative(w: &str) -> bool {
    with_lower(w, |w| word_set!(lists::REPRESENTATIVE_WORDS).contains(w))
}

/// Verbs of stance, wanting, judging and dealing with others' words ("endorsed",
/// "wants", "blasted", "seemed"): with a human subject they attribute a position even
/// without quotation marks. Matched on the base form after stripping -s/-es/-ed/-d/-ing.
pub fn is_stance_verb(w: &str) -> bool {
    let w = lower(w);
    base_in(word_set!(lists::STANCE_VERBS), w.as_ref())
        || word_set!(lists::STANCE_VERBS_IRREGULAR).contains(w.as_ref())
}

/// Whether `w` (lower case) or its base after stripping -s/-es/-ies/-ed/-ied/-d/-ing (with
/// a doubled consonant or a dropped e restored) is in `set`.
fn base_in(set: &WordSet, w: &str) -> bool {
    if set.contains(w) {
        return true;
    }
    // The bases that are a piece of the word are looked up as they are; only those with
    // a letter put back ("-ies" → "-y", "-ing" → "-e") are written out.
    let pieces = [
        w.strip_suffix("es"),
        w.strip_suffix('s'),
        w.strip_suffix("ed"),
        w.strip_suffix('d'),
        w.strip_suffix("ing"),
        // Doubled consonants: "slammed", "mocking" is not doubled but "planned" is.
        w.strip_suffix("ed").and_then(without_last),
        w.strip_suffix("ing").and_then(without_last),
    ];
    if pieces.iter().flatten().any(|b| set.contains(b)) {
        return true;
    }
    let rebuilt = [
        w.strip_suffix("ies").map(|b| format!("{b}y")),
        w.strip_suffix("ied").map(|b| format!("{b}y")),
        w.strip_suffix("ing").map(|b| format!("{b}e")),
    ];
    rebuilt.iter().flatten().any(|b| set.contains(b.as_str()))
}

/// `b` without its last byte, when that leaves a whole string.
fn without_last(b: &str) -> Option<&str> {
    b.get(..b.len().saturating_sub(1))
}

/// Verbs among the stance verbs that name a deed rather than a view: voting, signing,
/// blocking, pushing for something. With a quotation in their clause the words are
/// somebody's, but the verb does not attribute them.
pub fn is_action_verb(w: &str) -> bool {
    base_in(word_set!(lists::ACTION_VERBS), lower(w).as_ref())
}

/// Verbs of saying, writing or publishing that the speech-verb list leaves out because they
/// rarely introduce a clause of their own ("railed against", "referred to", "issued a
/// statement"): they tell what kind of cue a clause's main verb is, nothing more.
pub fn is_saying_verb(w: &str) -> bool {
    base_in(word_set!(lists::SAYING_VERBS), lower(w).as_ref())
}

/// Lemmas of speech verbs that hold a position rather than say something: believing,
/// thinking, knowing, feeling, hoping, fearing, worrying, expecting, estimating, agreeing.
pub fn is_cognition_lemma(lemma: &str) -> bool {
    word_set!(lists::COGNITION_LEMMAS).contains(lemma)
}

/// Courtesy titles: part of how a name is written, not a role.
pub fn is_courtesy_title(w: &str) -> bool {
    matches!(
        w,
        "Mr." | "Mrs." | "Ms." | "Miss" | "Mr" | "Mrs" | "Ms" | "Dr." | "Dr" | "Sir" | "Dame"
    )
}

/// Words that make a capitalised name an organisation.
pub fn is_org_word(w: &str) -> bool {
    with_lower(w, |w| word_set!(lists::ORG_WORDS).contains(w))
}

/// Trades that make a company of a name they end ("Castellan Freight"), never alone.
pub fn is_trade_word(w: &str) -> bool {
    with_lower(w, |w| word_set!(lists::TRADE_WORDS).contains(w))
}

/// Countries, regions and large cities that news names without other clues: the list of
/// places, the gazetteer's countries, continents and US states, and the places among the
/// aliases ("U.S.").
pub fn is_place(name: &str) -> bool {
    word_set!(lists::PLACES).contains(name)
        || gazetteer(name).is_some_and(|p| p.class != PlaceClass::City)
        || alias(name).is_some_and(|a| a.kind == EntityKind::Place)
}

/// Words that stand before a person's name as an affiliation or an epithet
/// ("Republican", "Crooked"), kept as a role.
pub fn is_descriptor(w: &str) -> bool {
    word_set!(lists::DESCRIPTOR_WORDS).contains(w)
}

/// Upper-case transcript labels that are not names ("QUESTION", "MODERATOR").
pub fn is_label_word(w: &str) -> bool {
    word_set!(lists::LABEL_WORDS).contains(w)
}

/// Generational suffixes after a surname ("Jr.", "III").
pub fn is_name_suffix(w: &str) -> bool {
    word_set!(lists::NAME_SUFFIXES).contains(w)
}

/// A name of an organisation or place that has several: its canonical form and kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    pub canonical: &'static str,
    pub kind: EntityKind,
}

/// The entry of the alias list that `name` is (as written, a leading "the" dropped).
pub fn alias(name: &str) -> Option<Alias> {
    static MAP: LazyLock<HashMap<&'static str, Alias, BuildHasherDefault<WordHasher>>> =
        LazyLock::new(|| {
            let mut m = HashMap::default();
            for line in entries(lists::ALIASES) {
                let mut f = line.split('\t');
                let canonical = f.next().unwrap_or("").trim();
                let kind = match f.next().map(str::trim) {
                    Some("place") => EntityKind::Place,
                    Some("person") => EntityKind::Person,
                    _ => EntityKind::Organization,
                };
                let others = f.next().unwrap_or("");
                let a = Alias { canonical, kind };
                for n in std::iter::once(canonical).chain(others.split('|').map(str::trim)) {
                    if !n.is_empty() {
                        m.entry(n).or_insert(a);
                        if let Some(bare) = n.strip_prefix("The ") {
                            m.entry(bare).or_insert(a);
                        }
                    }
                }
            }
            m
        });
    let bare = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    MAP.get(name).or_else(|| MAP.get(bare)).copied()
}

/// What the gazetteer says a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceClass {
    Country,
    /// A continent or a US state.
    Region,
    City,
}

/// A place of the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub class: PlaceClass,
    pub population: u64,
}

/// The gazetteer entry for `name` (GeoNames countries, continents, US states and cities of
/// more than 15,000 people, built by `bench/entities/make_gazetteer.py`), matched as written.
pub fn gazetteer(name: &str) -> Option<Place> {
    static MAP: LazyLock<HashMap<&'static str, Place, BuildHasherDefault<WordHasher>>> =
        LazyLock::new(|| {
            entries(lists::GAZETTEER)
                .filter_map(|line| {
                    let mut f = line.split('\t');
                    let name = f.next()?;
                    let class = match f.next()? {
                        "country" => PlaceClass::Country,
                        "region" => PlaceClass::Region,
                        _ => PlaceClass::City,
                    };
                    let population = f.nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
                    Some((name, Place { class, population }))
                })
                .collect()
        });
    MAP.get(name).copied()
}

/// Whether `name` is a listed company (the constituents of major stock indices, built by
/// `bench/entities/make_companies.py`), matched as written with hyphens as spaces
/// ("Hewlett-Packard" is "Hewlett Packard").
pub fn is_company(name: &str) -> bool {
    static SET: LazyLock<HashSet<&'static str, BuildHasherDefault<WordHasher>>> =
        LazyLock::new(|| entries(lists::COMPANIES).collect());
    if name.contains('-') {
        SET.contains(name.replace('-', " ").as_str())
    } else {
        SET.contains(name)
    }
}

/// Words that make a capitalised name a place ("Vatican City", "Port Arnes").
pub fn is_place_word(w: &str) -> bool {
    word_set!(lists::PLACE_WORDS).contains(w)
}

/// Capitalised words that start sentences or titles but never names.
pub fn is_function_word(w: &str) -> bool {
    word_set!(lists::FUNCTION_WORDS).contains(w)
}

/// Month and weekday names (capitalised, but dates, not entities).
pub fn is_calendar_word(w: &str) -> bool {
    word_set!(lists::CALENDAR_WORDS).contains(w)
}

/// Time-zone tags after a clock time ("ET", "GMT"): capitalised, but no names.
pub fn is_time_zone(w: &str) -> bool {
    word_set!(lists::TIME_ZONES).contains(w)
}

/// Whether a word is a US state's abbreviation after a party letter ("Calif", "Ore"), as
/// written and without dots (`data/state-abbreviations.txt`).
pub fn is_state_abbreviation(w: &str) -> bool {
    word_set!(lists::STATE_ABBREVIATIONS).contains(w)
}

/// Personal pronouns that can stand for a speaker, with their gender (`Some(true)` male).
pub fn pronoun(w: &str) -> Option<Pronoun> {
    Some(match w {
        "he" | "He" => Pronoun::Male,
        "she" | "She" => Pronoun::Female,
        "they" | "They" => Pronoun::Plural,
        "it" | "It" => Pronoun::Neuter,
        "I" | "we" | "We" => Pronoun::First,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    Male,
    Female,
    Plural,
    Neuter,
    First,
}

/// Common first names by gender, from the hand-made lists only (the names so common that
/// they outweigh a town's name of the same spelling).
pub fn common_first_name_gender(w: &str) -> Option<bool> {
    if word_set!(lists::FIRST_NAMES_FEMALE).contains(w) {
        Some(false)
    } else if word_set!(lists::FIRST_NAMES_MALE).contains(w) {
        Some(true)
    } else {
        None
    }
}

/// What the public first-name list (`data/first-names.tsv`, from US Social Security
/// baby-name counts) says of a name: the sex it is given to (`None` when both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Given {
    pub male: Option<bool>,
}

fn given_names() -> &'static HashMap<&'static str, Given, BuildHasherDefault<WordHasher>> {
    static NAMES: LazyLock<HashMap<&'static str, Given, BuildHasherDefault<WordHasher>>> =
        LazyLock::new(|| {
            entries(lists::FIRST_NAMES)
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    let name = f.next()?;
                    let male = match f.next()? {
                        "m" => Some(true),
                        "f" => Some(false),
                        _ => None,
                    };
                    Some((name, Given { male }))
                })
                .collect()
        });
    &NAMES
}

/// First names by gender: the hand-made lists, then the public list's names given mostly
/// (90%) to one sex. For telling people from other names and for pronouns.
pub fn first_name_gender(w: &str) -> Option<bool> {
    common_first_name_gender(w).or_else(|| given_names().get(w).and_then(|g| g.male))
}

/// Whether a word is a first name, of either list, whatever the sex.
pub fn is_first_name(w: &str) -> bool {
    common_first_name_gender(w).is_some() || given_names().contains_key(w)
}

/// Short forms of first names, both ways ("Ash" and "Ashton" name the same person).
pub fn same_first_name(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    type Pairs = HashSet<(&'static str, &'static str), BuildHasherDefault<WordHasher>>;
    static PAIRS: LazyLock<Pairs> = LazyLock::new(|| {
        entries(lists::FIRST_NAME_VARIANTS)
            .filter_map(|l| l.split_once(' '))
            .map(|(s, l)| (s.trim(), l.trim()))
            .collect()
    });
    // An initial matches its name ("J. Smith").
    let initial = |x: &str, y: &str| x.len() == 2 && x.ends_with('.') && y.starts_with(&x[..1]);
    initial(a, b) || initial(b, a) || PAIRS.contains(&(a, b)) || PAIRS.contains(&(b, a))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list with how its entries are compared (as written, lower-cased).
    const ALL: &[(&str, &str, bool)] = &[
        ("speech-verbs", lists::SPEECH_VERBS, false),
        ("strong-cues", lists::STRONG_CUES, false),
        ("cognition-lemmas", lists::COGNITION_LEMMAS, false),
        ("role-words", lists::ROLE_WORDS, true),
        ("role-modifier-words", lists::ROLE_MODIFIER_WORDS, true),
        ("role-phrase-words", lists::ROLE_PHRASE_WORDS, true),
        ("speaking-nouns", lists::SPEAKING_NOUNS, true),
        ("representative-words", lists::REPRESENTATIVE_WORDS, true),
        ("stance-verbs", lists::STANCE_VERBS, true),
        ("stance-verbs-irregular", lists::STANCE_VERBS_IRREGULAR, true),
        ("action-verbs", lists::ACTION_VERBS, true),
        ("saying-verbs", lists::SAYING_VERBS, true),
        ("org-words", lists::ORG_WORDS, true),
        ("trade-words", lists::TRADE_WORDS, true),
        ("places", lists::PLACES, false),
        ("place-words", lists::PLACE_WORDS, false),
        ("function-words", lists::FUNCTION_WORDS, false),
        ("calendar-words", lists::CALENDAR_WORDS, false),
        ("time-zones", lists::TIME_ZONES, false),
        ("state-abbreviations", lists::STATE_ABBREVIATIONS, false),
        ("first-names-male", lists::FIRST_NAMES_MALE, false),
        ("first-names-female", lists::FIRST_NAMES_FEMALE, false),
        ("first-name-variants", lists::FIRST_NAME_VARIANTS, false),
        ("first-names", lists::FIRST_NAMES, false),
        ("descriptor-words", lists::DESCRIPTOR_WORDS, false),
        ("label-words", lists::LABEL_WORDS, false),
        ("name-suffixes", lists::NAME_SUFFIXES, false),
        ("aliases", lists::ALIASES, false),
        ("gazetteer", lists::GAZETTEER, false),
        ("companies", lists::COMPANIES, false),
        ("one-of-a-kind-bodies", lists::ONE_OF_A_KIND_BODIES, false),
        ("company-endings", lists::COMPANY_ENDINGS, false),
        ("business-nouns", lists::BUSINESS_NOUNS, false),
        ("organisation-nouns", lists::ORGANISATION_NOUNS, true),
        ("body-nouns", lists::BODY_NOUNS, true),
        ("personal-speech", lists::PERSONAL_SPEECH, true),
        ("place-nouns", lists::PLACE_NOUNS, true),
        ("firm-words", lists::FIRM_WORDS, true),
    ];

    /// The entries of a list that appear more than once.
    pub(crate) fn repeated(list: &'static str) -> Vec<&'static str> {
        let mut seen = HashSet::new();
        entries(list).filter(|e| !seen.insert(*e)).collect()
    }

    fn set(list: &'static str) -> HashSet<&'static str> {
        entries(list).collect()
    }

    fn lemmas() -> HashSet<&'static str> {
        entries(lists::SPEECH_VERBS)
            .map(|l| l.split_once(':').map_or(l, |x| x.0).trim())
            .collect()
    }

    #[test]
    fn no_list_repeats_an_entry() {
        for (name, list, lowered) in ALL {
            assert!(entries(list).next().is_some(), "{name} is empty");
            assert!(repeated(list).is_empty(), "{name} repeats {:?}", repeated(list));
            if *lowered {
                let upper: Vec<_> = entries(list).filter(|e| *e != e.to_lowercase()).collect();
                assert!(
                    upper.is_empty(),
                    "{name} is matched lower-cased but has {upper:?}"
                );
            }
        }
        // A speech-verb form belongs to one lemma.
        let forms: Vec<&str> = entries(lists::SPEECH_VERBS)
            .flat_map(|l| l.split_once(':').map_or("", |x| x.1).split_whitespace())
            .collect();
        let mut seen = HashSet::new();
        let twice: Vec<_> = forms.iter().filter(|f| !seen.insert(**f)).collect();
        assert!(twice.is_empty(), "speech-verb forms listed twice: {twice:?}");
        assert!(repeated(lists::SPEECH_VERBS).is_empty());
        let mut lemmas_seen = HashSet::new();
        let lemma_twice: Vec<_> = entries(lists::SPEECH_VERBS)
            .map(|l| l.split_once(':').map_or(l, |x| x.0))
            .filter(|l| !lemmas_seen.insert(*l))
            .collect();
        assert!(
            lemma_twice.is_empty(),
            "speech-verb lemmas listed twice: {lemma_twice:?}"
        );
    }

    #[test]
    fn lists_that_must_not_share_a_word_do_not() {
        for (a, b, why) in [
            (
                lists::FIRST_NAMES_MALE,
                lists::FIRST_NAMES_FEMALE,
                "a first name has one gender",
            ),
            (
                lists::ROLE_WORDS,
                lists::ORG_WORDS,
                "a role head names an office, not an institution",
            ),
            (
                lists::ORG_WORDS,
                lists::TRADE_WORDS,
                "a trade counts only as a name's last word, an organisation word anywhere",
            ),
            (
                lists::ROLE_WORDS,
                lists::ROLE_MODIFIER_WORDS,
                "a role word is a head or a qualifier",
            ),
            (lists::PLACES, lists::FUNCTION_WORDS, "a place name is a name"),
            (
                lists::CALENDAR_WORDS,
                lists::FUNCTION_WORDS,
                "a month or weekday is a date word",
            ),
            (
                lists::CALENDAR_WORDS,
                lists::PLACES,
                "a month or weekday is a date word",
            ),
            (
                lists::SAYING_VERBS,
                lists::ACTION_VERBS,
                "a verb is words or a deed",
            ),
            (
                lists::STRONG_CUES,
                lists::COGNITION_LEMMAS,
                "a strong cue says something",
            ),
        ] {
            let common: Vec<_> = set(a).intersection(&set(b)).copied().collect();
            assert!(common.is_empty(), "{why}: {common:?}");
        }
    }

    #[test]
    fn lists_that_refine_another_stay_inside_it() {
        let lemmas = lemmas();
        for (sub, what) in [
            (lists::STRONG_CUES, "strong cues are speech-verb lemmas"),
            (lists::COGNITION_LEMMAS, "cognition lemmas are speech-verb lemmas"),
        ] {
            let outside: Vec<_> = set(sub).difference(&lemmas).copied().collect();
            assert!(outside.is_empty(), "{what}: {outside:?}");
        }
        let outside: Vec<_> = set(lists::ACTION_VERBS)
            .difference(&set(lists::STANCE_VERBS))
            .copied()
            .collect();
        assert!(outside.is_empty(), "action verbs are stance verbs: {outside:?}");
    }

    #[test]
    fn women_are_not_among_the_men() {
        for name in [
            "Angela",
            "Theresa",
            "Hillary",
            "Nancy",
            "Kellyanne",
            "Ivanka",
            "Jill",
        ] {
            assert_eq!(first_name_gender(name), Some(false), "{name}");
            assert!(!set(lists::FIRST_NAMES_MALE).contains(name), "{name}");
        }
        // "Jonas" is in the public list only.
        assert_eq!(common_first_name_gender("Jonas"), None);
        assert_eq!(first_name_gender("Jonas"), Some(true));
        assert_eq!(first_name_gender("Quillory"), None);
        assert_eq!(first_name_gender("Donald"), Some(true));
    }

    #[test]
    fn the_public_first_name_list_is_well_formed_and_agrees_with_the_hand_lists() {
        let mut male = HashSet::new();
        let mut female = HashSet::new();
        for line in entries(lists::FIRST_NAMES) {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 3, "{line:?}");
            assert!(
                f[0].chars().all(char::is_alphabetic) && is_capitalised(f[0]),
                "{line:?}"
            );
            assert!(f[2].parse::<u64>().is_ok_and(|n| n >= 500), "{line:?}");
            match f[1] {
                "m" => male.insert(f[0]),
                "f" => female.insert(f[0]),
                "-" => true,
                other => panic!("sex {other:?} in {line:?}"),
            };
        }
        assert!(male.len() > 3000 && female.len() > 3000);
        // The hand lists decide first. They rarely disagree with the public counts (a man's
        // name that has since become mostly a woman's, "Lindsey"), and then they win.
        let wrong: Vec<_> = set(lists::FIRST_NAMES_MALE)
            .intersection(&female)
            .chain(set(lists::FIRST_NAMES_FEMALE).intersection(&male))
            .copied()
            .collect();
        assert!(wrong.len() <= 3, "hand lists and public list disagree: {wrong:?}");
        for w in &wrong {
            assert_eq!(first_name_gender(w), common_first_name_gender(w), "{w}");
        }
        // No word of our function, calendar, role or organisation lists is taken as a name.
        for (list, lowered) in [
            (lists::FUNCTION_WORDS, false),
            (lists::CALENDAR_WORDS, false),
            (lists::ROLE_WORDS, true),
            (lists::ORG_WORDS, true),
            (lists::TRADE_WORDS, true),
            (lists::DESCRIPTOR_WORDS, false),
        ] {
            for w in entries(list) {
                let written = if lowered { title(w) } else { w.to_string() };
                assert!(!given_names().contains_key(written.as_str()), "{written}");
            }
        }
        // Names that are common lower-case words or well-known places are left out; names
        // only the public list has are found, with their sex.
        for w in ["Will", "Hope", "Hunter", "Jordan", "Georgia", "Paris"] {
            assert!(!given_names().contains_key(w), "{w}");
        }
        assert_eq!(first_name_gender("Duncan"), Some(true));
        assert_eq!(first_name_gender("Kellyanne"), Some(false));
        assert!(is_first_name("Kennedy") && first_name_gender("Kennedy").is_none());
        assert!(is_first_name("Bill") && !is_first_name("Everything"));
    }

    fn is_capitalised(w: &str) -> bool {
        w.chars().next().is_some_and(char::is_uppercase)
    }

    fn title(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect())
            .unwrap_or_default()
    }

    /// Short forms the 36th session's audit found missing (E7), both ways.
    #[test]
    fn common_short_forms_are_their_full_names() {
        for (short, full) in [
            ("Phil", "Philip"),
            ("Pete", "Peter"),
            ("Jen", "Jennifer"),
            ("Fred", "Frederick"),
            ("Ray", "Raymond"),
            ("Jerry", "Gerald"),
            ("Hank", "Henry"),
            ("Nate", "Nathan"),
        ] {
            assert!(
                same_first_name(short, full) && same_first_name(full, short),
                "{short} {full}"
            );
        }
        assert!(!same_first_name("Phil", "Peter") && !same_first_name("Jack", "John"));
    }

    #[test]
    fn lookups_read_the_lists() {
        assert_eq!(speech_lemma("said"), Some("say"));
        assert_eq!(speech_lemma("writes"), Some("write"));
        assert!(is_role_word("Press") && !is_role_head("press") && is_role_head("Secretary"));
        assert!(is_stance_verb("slammed") && is_stance_verb("thought") && !is_stance_verb("thoughts"));
        assert!(is_action_verb("voted") && !is_action_verb("said"));
        assert!(is_place("North Dakota") && !is_place("north dakota"));
        assert!(same_first_name("Ash", "Ashton") && same_first_name("William", "Bill"));
        assert!(same_first_name("J.", "Jo") && !same_first_name("Ash", "Bill"));
        assert!(is_calendar_word("Sept.") && !is_calendar_word("May"));
    }
}
