//! Entities: people, organisations and places named in an article, with their roles, and
//! every mention (names, and pronouns or role nouns when they stand for a speaker).
//!
//! Names are found as runs of capitalised words ("Secretary of Defense Ash Carter", "Save
//! the Children", "al-Assad") and split into a role and a name: "UK Defense Secretary Michael
//! Fallon" is the person Michael Fallon with the role "UK Defense Secretary"; a lower-case
//! role before a name ("State Department spokesman Mark Toner") and an appositive after it
//! ("Hugh Hill, a doctor,") count too. Kinds come from role words, organisation words,
//! a place gazetteer, first names and acronyms. Within an article, name variants resolve
//! to one entity by surname and compatible first names ("Ash Carter", "Ashton Carter",
//! "Carter"); pronouns and role nouns are resolved by the quote finder (`quotes.rs`) when
//! it needs a speaker, with [`Entities::gender_fits`] and [`Entities::resolve_nominal`].

mod context;
pub(crate) use context::names_an_object;
pub mod lexicon;

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::stories::terms::Seeded;
use crate::text::tokens::{Kind, Token};
use lexicon::Pronoun;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    /// A name with no clue to its kind (a lone capitalised word that is not a known place).
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    Name,
    Pronoun,
    /// A role noun or description standing for the entity ("the spokesman").
    Nominal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    /// The role written with this mention ("UK Defense Secretary"), as a span.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Article-local id, `e1`, `e2`, … (the store merges entities across articles).
    pub id: String,
    pub kind: EntityKind,
    /// The fullest form of the name seen in the article.
    pub name: String,
    /// Roles as written, most specific first, without duplicates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
    /// `Some(true)` male, `Some(false)` female, when titles, first names or pronouns tell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub male: Option<bool>,
}

/// A name found in a sentence: which tokens, its kind and its role.
#[derive(Debug, Clone)]
pub struct NameChunk {
    /// Token range of the name itself (without role or title), within the sentence tokens.
    pub first: usize,
    pub last: usize,
    /// Token range of the whole phrase including a role before it.
    pub phrase_first: usize,
    pub span: Span,
    pub role: Option<Span>,
    pub kind: EntityKind,
    pub male: Option<bool>,
    /// Whether the name stands where places stand ("in Idlib", "Idlib province").
    pub locative: bool,
}

fn is_cap_word(t: &str) -> bool {
    let mut c = t.chars();
    match c.next() {
        Some(f) if f.is_uppercase() => true,
        // Arabic and other particles: "al-Assad", "bin Salman" is handled as a connector.
        // (The particle is what stands before a hyphen among the first four bytes.)
        Some(_) => t.bytes().take(4).position(|b| b == b'-').is_some_and(|dash| {
            matches!(
                &t[..dash],
                "al" | "el" | "ad" | "as" | "ash" | "at" | "an" | "ar" | "az"
            ) && t[dash + 1..].chars().next().is_some_and(char::is_uppercase)
        }),
        None => false,
    }
}

/// False when no start of `t` can be a capitalised word ([`is_cap_word`]): an ASCII
/// first byte that is no capital, with no particle's hyphen among the first four bytes.
/// Cheap enough to run on every word of an article before anything is trimmed.
fn may_be_cap_word(t: &str) -> bool {
    match t.as_bytes().first() {
        Some(b) if b.is_ascii() && !b.is_ascii_uppercase() => t.bytes().take(4).any(|b| b == b'-'),
        _ => true,
    }
}

fn is_connector(t: &str) -> bool {
    matches!(
        t,
        "of" | "the" | "for" | "de" | "la" | "du" | "von" | "van" | "bin" | "ibn" | "der" | "da" | "on"
    )
}

/// Lower-case particles inside personal names ("Staffan de Mistura", "Ludwig van Beethoven").
fn is_particle(t: &str) -> bool {
    matches!(
        t,
        "de" | "da" | "di" | "du" | "van" | "von" | "bin" | "ibn" | "der" | "del" | "le" | "la"
    )
}

/// Rule `possessive_inside_name`: a plural possessive is part of a body's name when a
/// capitalised name goes on after it — "the National Farmers' Union", "the People's
/// Republic of China", "Halden Children's Hospital" — where a singular possessive ends a
/// name ("Norrvik's Mayor", "Russia's Defence Ministry": two names). After a people's
/// plural in "'s" ("People's", "Women's", "Children's", "Men's") any capitalised word goes
/// on; after a regular plural's bare apostrophe ("Farmers'", in the word or as a token of
/// its own) or a plural in "-men" ("Fishermen's") only a run that holds a word of a body
/// within three words ("Union", "Association", "Guild"), so that "the Rangers' Ana Ruiz"
/// stays a team and a person — and not after a person (a first name or a role word up to
/// two words back), after a body ("the Court of Appeals' Board") or before a body there is
/// one of ([`is_one_of_a_kind_body`]). Returns the token that goes on with the name.
fn name_after_possessive(
    text: &str,
    toks: &[Token],
    start: usize,
    k: usize,
    is_name_tok: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let w = toks[k].text(text);
    let stem = &w[..without_possessive(w)];
    let mark = &w[stem.len()..];
    let apostrophe = |t: &str| matches!(t, "'" | "’");
    let people = matches!(stem, "People" | "Women" | "Children" | "Men") && matches!(mark, "'s" | "’s");
    let glued_mark = mark.is_empty()
        && k + 1 < toks.len()
        && toks[k + 1].span.start == toks[k].span.end
        && apostrophe(toks[k + 1].text(text));
    let regular = stem.len() > 2 && stem.ends_with('s') && (apostrophe(mark) || glued_mark)
        || stem.len() > 4 && stem.ends_with("men") && matches!(mark, "'s" | "’s");
    let next = if glued_mark { k + 2 } else { k + 1 };
    let next_name =
        |n: usize| n < toks.len() && is_name_tok(n) && !lexicon::is_function_word(toks[n].text(text));
    if !next_name(next) {
        return None;
    }
    // A body that is one of a kind ("the Democrats' Senate majority") is not named by the
    // plural before it; nor is anything after a person's possessive ("Sen. Ada Moss' College
    // Act": a first name or a title two words back).
    let body = || {
        let run = || (next..(next + 3).min(toks.len())).take_while(|&n| next_name(n));
        let one_of_a_kind = run().count() == 1 && is_one_of_a_kind_body(toks[next].text(text));
        !one_of_a_kind && run().any(|n| lexicon::is_org_word(toks[n].text(text)))
    };
    let person = || {
        (k.saturating_sub(2)..=k).any(|n| {
            let w = toks[n].text(text);
            lexicon::is_first_name(&w[..without_possessive(w)]) || lexicon::is_role_word(w)
        })
    };
    // A body's plural possessive is whose the next body is ("the Court of Appeals' Board").
    let possessor_a_body = || (start..=k).any(|n| lexicon::is_org_word(toks[n].text(text)));
    (people || (regular && body() && !person() && !possessor_a_body())).then_some(next)
}

/// Bodies there is one of in a country, named by their word alone ("Senate", "Congress";
/// `data/one-of-a-kind-bodies.txt`): a plural possessive before one is whose it is, not
/// part of its name.
fn is_one_of_a_kind_body(w: &str) -> bool {
    lexicon::word_set!(lexicon::lists::ONE_OF_A_KIND_BODIES).contains(w)
}

/// Strips a possessive "'s" / "’s" from a token's text; returns the kept byte length.
fn without_possessive(t: &str) -> usize {
    for p in ["'s", "’s", "’", "'"] {
        if t.len() > p.len() && t.ends_with(p) {
            return t.len() - p.len();
        }
    }
    t.len()
}

/// The surname key of a person name: last word, possessive and Arabic article removed,
/// lower-cased.
pub fn surname_key(name: &str) -> String {
    let mut words = name.split_whitespace().rev();
    let mut last = words.next().unwrap_or(name);
    if lexicon::is_name_suffix(last.trim_end_matches(',')) {
        last = words.next().unwrap_or(last);
    }
    let last = last.trim_end_matches(',');
    let last = &last[..without_possessive(last)];
    let bare = last.split_once('-').map_or(last, |(pre, rest)| {
        if pre.len() <= 3 && pre.chars().all(|c| c.is_lowercase()) {
            rest
        } else {
            last
        }
    });
    bare.to_lowercase()
}

/// The given name of a person name as the merge compares it: its first word, with the
/// generational suffix when it has one ("Donald Jr." for "Donald Trump Jr."), so that a
/// father and his son with the same first name stay apart.
pub fn given_name(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let first = words.first().copied().unwrap_or("");
    match words.last() {
        Some(l) if words.len() > 2 && lexicon::is_name_suffix(l.trim_end_matches(',')) => {
            format!("{first} {}", l.trim_end_matches(','))
        }
        _ => first.to_string(),
    }
}

/// Whether two given names (as [`given_name`] writes them) can be one person's: the same
/// suffix (or none) and the same first name, a short form of it or its initial.
pub fn given_names_agree(a: &str, b: &str) -> bool {
    let split = |g: &str| -> (String, String) {
        let mut w = g.split_whitespace();
        let first = w.next().unwrap_or("").to_string();
        (first, w.next().unwrap_or("").to_string())
    };
    let ((fa, sa), (fb, sb)) = (split(a), split(b));
    sa == sb && lexicon::same_first_name(&fa, &fb)
}

/// The key names of organisations and places are compared by: the canonical form of an
/// alias ("U.S." and "America" are "united states") or of a known outlet, else the name;
/// lower-cased, without a leading "the".
pub fn name_key(name: &str) -> String {
    let canonical = lexicon::alias(name)
        .map(|a| a.canonical)
        .or_else(|| crate::extract::outlets::canonical_name(name));
    let mut lower = canonical.unwrap_or(name).to_lowercase();
    if lower.starts_with("the ") {
        lower.drain(.."the ".len());
    }
    lower
}

fn is_demonym(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    (w.ends_with("ian")
        || w.ends_with("ese")
        || w.ends_with("ish")
        || w.ends_with("ean")
        || w.ends_with("an"))
        && w.len() > 4
        && !w.contains('-')
        || matches!(
            w,
            "Western" | "Eastern" | "Arab" | "Kurdish" | "Democratic" | "Republican" | "Islamic"
        )
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// Whether a sentence is a headline in Title Case (where capitals say nothing).
pub fn is_title_case(text: &str, toks: &[Token]) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(text))
        .collect();
    if words.len() < 5 {
        return false;
    }
    let caps = words.iter().filter(|w| is_cap_word(w)).count();
    // Headlines capitalise function words too; name-dense prose does not.
    let cap_function = || {
        words
            .iter()
            .skip(1)
            .filter(|w| lexicon::is_function_word(w))
            .count()
    };
    let capitalised = caps * 10 >= words.len() * 9 || caps * 10 >= words.len() * 6 && cap_function() >= 1;
    // (Most sentences stop here: the test below looks every lower-case word up.)
    if !capitalised {
        return false;
    }
    // Nor do they keep ordinary words of four letters or more in lower case ("former",
    // "would", "beat"): a sentence with them is prose, however many names it holds.
    let lower_content = words
        .iter()
        .filter(|w| {
            w.chars().next().is_some_and(char::is_lowercase)
                && w.chars().count() >= 4
                && !lexicon::is_function_word(&title_case(w))
        })
        .count();
    lower_content * 20 <= words.len()
}

/// Names in one sentence's tokens.
pub fn find_names(text: &str, toks: &[Token], lower_words: &LowerWords) -> Vec<NameChunk> {
    let mut out = Vec::new();
    if is_title_case(text, toks) {
        return out;
    }
    let word = |i: usize| -> &str { toks[i].text(text) };
    let is_name_tok = |i: usize| -> bool {
        let w = word(i);
        // "US-led", "Russian-backed": a modifier, not a name.
        let modifier = || {
            w.rsplit_once('-')
                .is_some_and(|(_, tail)| tail.chars().all(char::is_lowercase))
        };
        toks[i].kind == Kind::Word && is_cap_word(w) && !modifier() && !is_no_name_tag(w)
    };
    // Rule `function_word_first_name`: a function word written with a capital right after
    // a verb of speech and before a name is the name's first word ("said Per Lund", "says
    // Will Hale"), not the preposition or the verb. A courtesy title, an article or a
    // pronoun stays what it is ("said Mr Lund", "told The Fjord Post").
    let first_name_here = |i: usize| {
        let w = word(i);
        let prev = toks[i - 1].text(text);
        toks[i - 1].kind == Kind::Word
            && prev.chars().all(char::is_lowercase)
            && lexicon::speech_lemma(prev).is_some()
            && !lexicon::is_courtesy_title(w)
            && !lexicon::is_role_word(w)
            && !crate::quotes::is_determiner(w)
            && lexicon::pronoun(w).is_none()
            && i + 1 < toks.len()
            && is_name_tok(i + 1)
            && !lexicon::is_function_word(word(i + 1))
    };
    let mut i = 0;
    while i < toks.len() {
        if !is_name_tok(i) || lexicon::is_function_word(word(i)) && !(i > 0 && first_name_here(i)) {
            i += 1;
            continue;
        }
        // Grow the run: capitalised words, and connectors between capitalised words.
        let start = i;
        let mut end = i; // inclusive
        let mut possessive = without_possessive(word(i)) < word(i).len()
            && name_after_possessive(text, toks, i, i, &is_name_tok).is_none();
        while !possessive && end + 1 < toks.len() {
            let n = end + 1;
            // A word that opens no name may still end one as an organisation's word
            // ("Human Rights Watch said", against a page's "Watch: …"); before another
            // name ("Judicial Watch President Tom Fitton") the run stops there as before.
            let org_end = lexicon::is_org_word(word(n)) && !(n + 1 < toks.len() && is_name_tok(n + 1));
            if is_name_tok(n) && (!lexicon::is_function_word(word(n)) || org_end) {
                end = n;
            } else if is_connector(word(n))
                && n + 1 < toks.len()
                && is_name_tok(n + 1)
                && !lexicon::is_function_word(word(n + 1))
                // "Council on Foreign Relations", but not "Pam Lee on Twitter".
                && (!matches!(word(n), "on" | "for") || (start..=end).any(|k| lexicon::is_org_word(word(k))))
            {
                end = n + 1;
            } else if let Some(m) = name_after_possessive(text, toks, start, end, &is_name_tok) {
                end = m;
            } else if let Some(last) = and_inside_body_name(text, toks, start, end, &is_name_tok, lower_words)
            {
                end = last;
            } else {
                break;
            }
            possessive = without_possessive(word(end)) < word(end).len()
                && name_after_possessive(text, toks, start, end, &is_name_tok).is_none();
        }
        // Rule `party_epithet`: a party noun alone, after epithets or after a place ("the
        // Vermont Democrat", "a New York Republican", "Presumptive Republican nominee …")
        // describes a person and names no one; the place is a mention of its own. (The audit found "New York Democrat" as a person
        // that merged two senators, and a lone "Democrat" as a speaker.)
        if let Some(place) = party_epithet(text, toks, start, end) {
            if place {
                if let Some(mut c) = classify(text, toks, start, end - 1) {
                    // A city there is where the person is from.
                    if c.kind == EntityKind::Unknown {
                        c.kind = EntityKind::Place;
                    }
                    out.push(c);
                }
            }
            i = end + 1;
            continue;
        }
        // A known place in front of a person's name ("envoy for Syria Staffan de Mistura"):
        // two names; unless together they are a listed name ("USA Today", `data/aliases.tsv`).
        let plain_name = |a: usize| {
            (a..=end).all(|k| {
                !lexicon::is_role_word(word(k))
                    && !lexicon::is_org_word(word(k))
                    && !lexicon::is_place(word(k))
            })
        };
        let listed = || lexicon::alias(&text[toks[start].span.start..toks[end].span.end]).is_some();
        if end > start && lexicon::is_place(word(start)) && plain_name(start + 1) && !listed() {
            if let Some(c) = classify(text, toks, start, start) {
                out.push(c);
            }
            i = start + 1;
            continue;
        }
        i = end + 1;
        // A sentence that opens with its verb: "Said Brandt, …".
        let mut start = start;
        if start == 0
            && end > start
            && matches!(
                word(start),
                "Said" | "Says" | "Added" | "Asked" | "Wrote" | "Writes"
            )
        {
            start += 1;
        }
        // A sentence's first word glued to a name ("Everything Trump says"): not a name's.
        if end > start
            && opens_sentence(text, toks, start)
            && (is_glued_opener(text, toks, start, lower_words) || is_group_of_body(text, toks, start, end))
        {
            start += 1;
            // "Much of Europe": the connector left in front goes too.
            while start < end && is_connector(word(start)) {
                start += 1;
            }
        }
        let shouting = (start..=end).all(|k| word(k).chars().all(|c| !c.is_lowercase()));
        // A transcript label ("PENCE: …") is the person speaking, not an organisation.
        if shouting && toks.get(end + 1).is_some_and(|t| t.text(text) == ":") {
            if let Some(c) = transcript_label(text, toks, start, end) {
                out.push(c);
            }
            continue;
        }
        // A dateline ("WASHINGTON (AA) –", "BEIRUT, Lebanon —") is a place, not a speaker.
        // (Kept out of the entities: as a place it would tie unrelated stories filed from
        // one town together, see `bench/RESULTS.md`.)
        if start == 0 && shouting && word(start).len() > 3 {
            continue;
        }
        // "Fisheries Minister Ana Berg of Vestland": the person's name ends before "of";
        // what follows is a run of its own (a place or a body), not the person's name.
        if let Some(of) = role_name_then_of(text, toks, start, end) {
            end = of - 1;
            i = of + 1;
        }
        let chunk = match classify(text, toks, start, end) {
            Some(c) if c.kind != EntityKind::Unknown => Some(c),
            other => lone_surname(text, toks, start, end, lower_words).or(other),
        };
        if let Some(mut c) = chunk {
            if c.role.is_some() {
                // (A role before the run, "House Majority leader X", had its own runs.)
                out.extend(names_in_role(text, toks, c.phrase_first.max(start), c.first));
            }
            c.locative = locative(text, toks, c.phrase_first, end);
            if c.kind == EntityKind::Unknown {
                if let Some(rule) = context::rule_for(text, toks, c.first, c.last) {
                    c.kind = rule.kind;
                }
            }
            let common_opener = c.first == c.last
                && c.kind == EntityKind::Unknown
                && c.role.is_none()
                && opens_sentence(text, toks, c.first)
                && is_common_noun_opener(word(c.first), lower_words);
            // Rule `single_letter`: a lone capital letter ("the B sample", "grade A
            // milk") names nothing.
            let single_letter = c.first == c.last && c.role.is_none() && word(c.first).chars().count() == 1;
            if common_opener || single_letter {
                continue;
            }
            out.push(c);
        }
    }
    merge_comma_roles(text, toks, &mut out);
    out
}

/// Capitalised words that are no names: month and weekday names, also with a possessive
/// ("Thursday’s report"), time-zone tags ("ET") and a party-and-state tag after a
/// lawmaker's name ("D-Calif", "R-N.Y"). (Rule `no_name_tags`; the audit found all of
/// them among the entities.)
fn is_no_name_tag(w: &str) -> bool {
    lexicon::is_calendar_word(&w[..without_possessive(w)])
        || lexicon::is_time_zone(w)
        || is_party_state_tag(w)
}

/// Whether `w` is a party-and-state tag ("D-Calif", "R-N.Y", "I-Vt.", "R-Texas"): a party's
/// letter, a hyphen and a state's abbreviation or name.
fn is_party_state_tag(w: &str) -> bool {
    let Some(state) = w
        .strip_prefix("D-")
        .or_else(|| w.strip_prefix("R-"))
        .or_else(|| w.strip_prefix("I-"))
    else {
        return false;
    };
    let bare: String = state.chars().filter(|&c| c != '.').collect();
    lexicon::is_state_abbreviation(&bare)
        || bare.len() == 2 && bare.chars().all(|c| c.is_ascii_uppercase())
        || lexicon::gazetteer(state).is_some_and(|p| p.class == lexicon::PlaceClass::Region)
}

/// Whether a run is only a party noun, alone, after epithets or after a known place
/// ("Democrat", "Presumptive Republican", "Vermont Democrat", "New York Republican"), see
/// rule `party_epithet`: `Some(true)` when a place stands before it. A lone "Independent"
/// is left alone: it is also a newspaper's name.
fn party_epithet(text: &str, toks: &[Token], start: usize, end: usize) -> Option<bool> {
    let w = |i: usize| toks[i].text(text);
    let last = w(end);
    let party = &last[..without_possessive(last)];
    if !matches!(party, "Democrat" | "Republican" | "Independent") {
        return None;
    }
    if start == end {
        return (party != "Independent").then_some(false);
    }
    if (start..end).all(|i| lexicon::is_descriptor(w(i))) {
        return Some(false);
    }
    let place = Span::new(toks[start].span.start, toks[end - 1].span.end).slice(text)?;
    (lexicon::is_place(place) || lexicon::gazetteer(place).is_some()).then_some(true)
}

/// Rule `and_inside_body_name`: "and" inside an organisation's name ("Food and Fuel
/// Administration", "Roads and Bridges Committee", "Centre for Tide Studies and Flood
/// Defence", "Office of Management and Budget"). The run `start..=end` grows over "and" and
/// the capitalised words after it when either
/// - those words end with an organisation word, the first of them is no affiliation
///   ("Democratic"), none before the last is an organisation word and the run so far has
///   no first name ("Smith and Senate Intelligence Committee" and "Pam Lee and Harbour
///   Board" stay apart), or
/// - the run so far is a body "for" or "of" its remit ("Centre for Tide Studies") and the
///   words after "and" are no role, place, first name or acronym.
///
/// Either way, the word before "and" must be a remit's, not the end of a name of its own:
/// no organisation word, acronym, place, first name or surname the article writes after a
/// first name ("Fox News and …", "House and …", "University of Vermont and …", "Mayor
/// Brevik and …"); and the words after "and" are no name of their own: not a lone
/// organisation word, an alias, an outlet or a company, and not followed by "of" or "for"
/// ("… and National Union of Pilots") or by a role ("Brevik and Harbour Board chairman
/// …": the body is the role's). Coordinated bodies so stay two (measured on the
/// PolNeAR texts, where a first version joined "Fox News and NBC News").
///
/// Returns the new last token. "Smith and Jones said" names no body and stays two names.
fn and_inside_body_name(
    text: &str,
    toks: &[Token],
    start: usize,
    end: usize,
    is_name_tok: &dyn Fn(usize) -> bool,
    lower_words: &LowerWords,
) -> Option<usize> {
    let w = |i: usize| toks[i].text(text);
    let and = end + 1;
    if toks.get(and).map(|t| t.text(text)) != Some("and") {
        return None;
    }
    let part = |i: usize| i < toks.len() && is_name_tok(i) && !lexicon::is_function_word(w(i));
    if !part(and + 1) {
        return None;
    }
    let mut last = and + 1;
    // Possessives end a name ("Food and Fuel Administration's").
    while without_possessive(w(last)) == w(last).len() && part(last + 1) {
        last += 1;
    }
    let after = and + 1..=last;
    let bare = |i: usize| &w(i)[..without_possessive(w(i))];
    let remit_before = !lexicon::is_org_word(w(end))
        && !is_acronym(w(end))
        && !lexicon::is_place(w(end))
        && !lexicon::is_first_name(w(end))
        && !lower_words.is_written_surname(w(end));
    let after_text = Span::new(toks[and + 1].span.start, toks[last].span.start + bare(last).len())
        .slice(text)
        .unwrap_or("");
    let own_name = last == and + 1 && lexicon::is_org_word(bare(last))
        || lexicon::alias(after_text).is_some()
        || crate::extract::outlets::canonical_name(after_text).is_some()
        || lexicon::is_company(after_text)
        || toks.get(last + 1).is_some_and(|t| {
            let next = t.text(text);
            matches!(next, "of" | "for") || lexicon::is_role_word(next) || lexicon::is_role_phrase_word(next)
        });
    // A known name before "and" is a body of its own too ("Federal Reserve and White House").
    let before_text = Span::new(toks[start].span.start, toks[end].span.end)
        .slice(text)
        .unwrap_or("");
    let own_name_before = lexicon::alias(before_text).is_some()
        || crate::extract::outlets::canonical_name(before_text).is_some()
        || lexicon::is_company(before_text);
    if !remit_before || own_name || own_name_before {
        return None;
    }
    let ends_with_body = lexicon::is_org_word(bare(last))
        && !lexicon::is_descriptor(w(and + 1))
        && (and + 1..last).all(|i| !lexicon::is_org_word(w(i)))
        && (start..=end).all(|i| !lexicon::is_first_name(w(i)));
    let body_for_remit = (start..end)
        .any(|i| lexicon::is_org_word(w(i)) && (i + 1..end).any(|j| matches!(w(j), "for" | "of")))
        && after.clone().all(|i| {
            !lexicon::is_role_head(w(i))
                && !lexicon::is_place(bare(i))
                && !lexicon::is_first_name(w(i))
                && !lexicon::is_courtesy_title(w(i))
                && !is_acronym(w(i))
        });
    (ends_with_body || body_for_remit).then_some(last)
}

/// Rule `plural_role_head`: a capitalised plural of a role head before a person's name
/// ("Justices Ana Ruiz and …", "Judges Elsa Varn") is that role, not part of the name.
/// Only before a first name and more, so that a body named in the plural ("Harbour
/// Chiefs", "Dock Workers Union", "Candidates Debate") keeps its words. `next` is the word
/// after it, which a surname must follow.
fn is_plural_role_head(w: &str, next: &str) -> bool {
    lexicon::is_first_name(next)
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.strip_suffix('s')
            .is_some_and(|stem| stem.len() > 2 && lexicon::is_role_head(stem))
}

/// A lone capitalised word that the article writes after a first name ("Dana Whitfield")
/// and never in lower case: that person's surname, a person ("Whitfield, a lawyer, …"),
/// even where it opens a sentence or ends like a demonym ("Silberman", "Kaplan") and
/// wherever the full name stands. (Asked only of a word with no other kind.)
fn lone_surname(
    text: &str,
    toks: &[Token],
    start: usize,
    end: usize,
    lower_words: &LowerWords,
) -> Option<NameChunk> {
    let w = toks[start].text(text);
    let bare = &w[..without_possessive(w)];
    if start != end || !lower_words.is_written_surname(bare) {
        return None;
    }
    Some(NameChunk {
        first: start,
        last: start,
        phrase_first: start,
        span: Span::new(toks[start].span.start, toks[start].span.start + bare.len()),
        role: None,
        kind: EntityKind::Person,
        male: None,
        locative: false,
    })
}

/// The names inside a role phrase on tokens `from..to`: the place or body a role is of
/// ("former Ashford Gov.", "Pell Harmon board chairman", "Coastal Growers Association
/// Chairman"). A run of capitalised words that are no role words, right before a role
/// word, is classified on its own; affiliations before it ("Republican") are not part of
/// it unless it names an organisation. (Keeping only names of a known kind, so that an
/// unlisted portfolio such as "Harbour Minister" gives no name, lost a mention on the
/// confirming half of the labelled set: not done.)
fn names_in_role(text: &str, toks: &[Token], from: usize, to: usize) -> Vec<NameChunk> {
    let w = |i: usize| toks[i].text(text);
    let part = |i: usize| {
        toks[i].kind == Kind::Word
            && is_cap_word(w(i))
            && !lexicon::is_role_word(w(i))
            && !lexicon::is_role_phrase_word(w(i))
            && !lexicon::is_courtesy_title(w(i))
            && !lexicon::is_function_word(w(i))
            && !is_no_name_tag(w(i))
    };
    let mut out = Vec::new();
    let to = to.min(toks.len());
    let mut k = from;
    while k < to {
        if !part(k) {
            k += 1;
            continue;
        }
        let mut end = k;
        while end + 1 < to && (part(end + 1) || is_connector(w(end + 1)) && end + 2 < to && part(end + 2)) {
            end += if part(end + 1) { 1 } else { 2 };
        }
        let next = end + 1;
        let mut start = k;
        k = next;
        if next >= to || !(lexicon::is_role_word(w(next)) || lexicon::is_role_phrase_word(w(next))) {
            continue;
        }
        if !(start..=end).any(|i| lexicon::is_org_word(w(i))) {
            while start <= end && lexicon::is_descriptor(w(start)) {
                start += 1;
            }
        }
        if start > end {
            continue;
        }
        // "Vermont Democrat Sen. …": the place is a name, the party noun none.
        let end = match party_epithet(text, toks, start, end) {
            None => end,
            Some(true) => end - 1,
            Some(false) => continue,
        };
        if let Some(c) = classify(text, toks, start, end).filter(|c| c.role.is_none() && c.first <= c.last) {
            out.push(c);
        }
    }
    out
}

/// Whether token `k` opens its sentence (possibly after an opening quotation mark).
fn opens_sentence(text: &str, toks: &[Token], k: usize) -> bool {
    k == 0 || k == 1 && matches!(toks[0].text(text), "\"" | "“" | "'" | "‘" | "(")
}

/// How far around a sentence the article is searched for a word in lower case.
const VOCABULARY_WINDOW: usize = 20_000;

/// The words an article writes in lower case, and where: read once per article, on the
/// first sentence that asks, so that the glued-opener test looks a word up instead of
/// searching the text around every sentence (which grew with the article's length).
#[derive(Debug)]
pub struct LowerWords<'t> {
    text: &'t str,
    at: std::cell::OnceCell<Vocabulary<'t>>,
    /// The capitalised words the article writes right after a first name, read once on
    /// first use (see [`LowerWords::is_written_surname`]).
    after_first_name: std::cell::OnceCell<HashSet<&'t str, Seeded>>,
    /// The capitalised words the article writes inside a sentence (after a word that
    /// ends none), read once on first use (see [`LowerWords::is_capitalised_inside`]).
    inside_caps: std::cell::OnceCell<HashSet<&'t str, Seeded>>,
}

/// Every maximal run of letters and digits with no capital, with where each stands: the
/// starts of one word are a slice of a single array, in text order (one allocation for
/// the whole article rather than one per word).
#[derive(Debug)]
struct Vocabulary<'t> {
    /// Word → its number `i`; its starts are `starts[bounds[i]..bounds[i + 1]]`.
    number: HashMap<&'t str, usize, Seeded>,
    bounds: Vec<usize>,
    starts: Vec<usize>,
}

impl<'t> Vocabulary<'t> {
    fn new(text: &'t str) -> Self {
        let mut number: HashMap<&str, usize, Seeded> = HashMap::default();
        // (word number, start) of every run, in text order.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        let mut run: Option<(usize, bool)> = None;
        let mut i = 0;
        loop {
            let c = crate::text::char_at(text, i).unwrap_or(' ');
            let at = i;
            i += c.len_utf8();
            if c.is_alphanumeric() {
                let (start, caps) = run.unwrap_or((at, false));
                run = Some((start, caps || c.is_uppercase()));
            } else if let Some((start, caps)) = run.take() {
                if !caps {
                    let next = number.len();
                    let n = *number.entry(&text[start..at]).or_insert(next);
                    runs.push((n, start));
                }
            }
            if at >= text.len() {
                break;
            }
        }
        // Group the starts by word, keeping text order within a word.
        let mut bounds = vec![0; number.len() + 1];
        for &(n, _) in &runs {
            bounds[n + 1] += 1;
        }
        for n in 1..bounds.len() {
            bounds[n] += bounds[n - 1];
        }
        let mut fill = bounds.clone();
        let mut starts = vec![0; runs.len()];
        for &(n, start) in &runs {
            starts[fill[n]] = start;
            fill[n] += 1;
        }
        Vocabulary {
            number,
            bounds,
            starts,
        }
    }

    fn contains(&self, w: &str) -> bool {
        self.number.contains_key(w)
    }

    /// Where `w` starts, in text order.
    fn starts(&self, w: &str) -> &[usize] {
        self.number
            .get(w)
            .map_or(&[], |&n| &self.starts[self.bounds[n]..self.bounds[n + 1]])
    }
}

impl<'t> LowerWords<'t> {
    pub fn new(text: &'t str) -> Self {
        LowerWords {
            text,
            at: std::cell::OnceCell::new(),
            after_first_name: std::cell::OnceCell::new(),
            inside_caps: std::cell::OnceCell::new(),
        }
    }

    /// Whether the article writes `w` as a person's surname: right after a first name
    /// somewhere ("Dana Whitfield" for "Whitfield"), headlines included, and never in lower
    /// case. A lone word is then a person's name wherever the full name stands (before it,
    /// after it, or only in a headline where capitals say nothing).
    pub fn is_written_surname(&self, w: &str) -> bool {
        let after = self.after_first_name.get_or_init(|| {
            let mut set = HashSet::default();
            let mut words = spaced_words(self.text);
            let mut prev = words.next().unwrap_or("");
            for word in words {
                if !may_be_cap_word(word) {
                    prev = word;
                    continue;
                }
                let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                let bare = &bare[..without_possessive(bare)];
                if is_cap_word(bare)
                    && bare.chars().all(|c| c.is_alphabetic() || c == '-')
                    && lexicon::is_first_name(prev)
                {
                    set.insert(bare);
                }
                prev = word;
            }
            set
        });
        after.contains(w) && !lexicon::with_lower(w, |l| self.vocabulary().contains(l))
    }

    /// Whether the article writes `w` (a capitalised word) in lower case anywhere, as
    /// it stands or in its other number ("Unions" / "union", "Fishermen" / "fisherman",
    /// "Taxes" / "tax").
    fn writes_lower(&self, w: &str) -> bool {
        let lower = w.to_lowercase();
        let vocabulary = self.vocabulary();
        let sibilant = |s: &&str| s.ends_with(['s', 'x', 'z']) || s.ends_with("ch") || s.ends_with("sh");
        let singular = [
            lower.strip_suffix("men").map(|s| format!("{s}man")),
            lower.strip_suffix("ies").map(|s| format!("{s}y")),
            lower.strip_suffix("es").filter(sibilant).map(str::to_string),
            lower.strip_suffix('s').map(str::to_string),
        ];
        vocabulary.contains(&lower)
            || vocabulary.contains(&format!("{lower}s"))
            || singular
                .iter()
                .flatten()
                .any(|s| s.len() >= 3 && vocabulary.contains(s))
    }

    /// Whether the article writes `w` with its capital inside a sentence too ("… said
    /// Price", "Mr. Price"): then it is a name wherever it stands.
    fn is_capitalised_inside(&self, w: &str) -> bool {
        let inside = self.inside_caps.get_or_init(|| {
            let mut set = HashSet::default();
            let mut words = spaced_words(self.text);
            let mut prev = words.next().unwrap_or("");
            for word in words {
                let ends = prev.ends_with(['.', '!', '?', ':', '"', '“', '”', '|', '—', '-'])
                    && !lexicon::is_courtesy_title(prev);
                // (A word after an opening quotation mark may open a quoted sentence.)
                if !ends && word.starts_with(char::is_alphanumeric) && may_be_cap_word(word) {
                    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
                    let bare = &bare[..without_possessive(bare)];
                    if is_cap_word(bare) {
                        set.insert(bare);
                    }
                }
                prev = word;
            }
            set
        });
        inside.contains(w)
    }

    fn vocabulary(&self) -> &Vocabulary<'t> {
        self.at.get_or_init(|| Vocabulary::new(self.text))
    }

    /// Whether `lower` stands as a word of its own between the byte offsets `from` and `to`.
    fn seen_between(&self, lower: &str, from: usize, to: usize) -> bool {
        if !lower.chars().all(char::is_alphanumeric) {
            return word_between(&self.text[from..to], lower);
        }
        let ps = self.vocabulary().starts(lower);
        ps.get(ps.partition_point(|&p| p < from))
            .is_some_and(|&p| p + lower.len() <= to)
    }
}

/// The words of `text` between white space, as `str::split_whitespace` gives them, with
/// a byte at a time looked at where the text is ASCII (an article's every word is read).
fn spaced_words(text: &str) -> impl Iterator<Item = &str> {
    // Whether a white-space character starts at byte `i`, and its length or the length of
    // the character there.
    let space_at = move |i: usize| -> (bool, usize) {
        match text.as_bytes()[i] {
            b if b.is_ascii() => (matches!(b, b' ' | b'\t'..=b'\r'), 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        }
    };
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() {
            let (space, len) = space_at(i);
            if !space {
                break;
            }
            i += len;
        }
        let start = i;
        while i < text.len() {
            let (space, len) = space_at(i);
            if space {
                break;
            }
            i += len;
        }
        (i > start).then(|| &text[start..i])
    })
}

/// Whether `w` occurs in `around` with no letter or digit right before or after it.
fn word_between(around: &str, w: &str) -> bool {
    around.match_indices(w).any(|(i, _)| {
        let before = around[..i].chars().next_back();
        let after = around[i + w.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether the capitalised word opening a sentence is an ordinary word glued to the name
/// after it: no first name, title, role, organisation or place word, not the first word
/// of a role or an organisation's name ("Harbour Minister Jo Brandt", "Harbour Board"),
/// and written in lower case elsewhere in the article near it ("Everything Trump" where
/// "everything" is seen).
fn is_glued_opener(text: &str, toks: &[Token], k: usize, lower_words: &LowerWords) -> bool {
    let w = toks[k].text(text);
    let next = toks.get(k + 1).map_or("", |t| t.text(text));
    if lexicon::is_role_word(next) || lexicon::is_role_head(next) || lexicon::is_org_word(next) {
        return false;
    }
    if lexicon::is_first_name(w)
        || lexicon::is_courtesy_title(w)
        || lexicon::is_role_word(w)
        || lexicon::is_org_word(w)
        || lexicon::is_descriptor(w)
        || lexicon::is_place(w)
        || lexicon::alias(w).is_some()
        || is_acronym(w)
        || w.contains(['.', '-', '\''])
    {
        return false;
    }
    let mut from = toks[k].span.start.saturating_sub(VOCABULARY_WINDOW);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (toks[k].span.end + VOCABULARY_WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    lower_words.seen_between(&w.to_lowercase(), from, to)
}

/// Rule `group_of_body`: a plural noun of people who speak opening a sentence, then "of"
/// and a body or a place ("Members of Harbour Watch said", "Residents of Port Ellis"),
/// names the body or the place; the people are a part of it, not a name. Names of that
/// shape whose end is no body ("Friends of the Earth", "Veterans of Foreign Wars") stay
/// whole.
fn is_group_of_body(text: &str, toks: &[Token], k: usize, end: usize) -> bool {
    let w = |i: usize| toks[i].text(text);
    let lower = w(k).to_lowercase();
    if k + 2 > end || w(k + 1) != "of" || !lower.ends_with('s') || !lexicon::is_speaking_noun(&lower) {
        return false;
    }
    let first = (k + 2..=end).find(|&i| !is_connector(w(i))).unwrap_or(end);
    classify(text, toks, first, end)
        .is_some_and(|c| c.role.is_none() && matches!(c.kind, EntityKind::Organization | EntityKind::Place))
}

/// Endings of common nouns that single names hardly have ("Vaccination", "Enforcement",
/// "Fishermen"): rule `common_noun_opener`.
const COMMON_NOUN_ENDINGS: &[&str] = &["tion", "sion", "ment", "ness", "ity", "ism", "ists", "men"];

/// Rule `common_noun_opener`: a lone capitalised word opening a sentence that nothing made
/// a name of a kind ("Unions said they were not consulted", "Vaccination rates fell") is
/// an ordinary noun with its capital from the sentence when the article writes it in lower
/// case anywhere (in either number), when it is the plural of a body's or role's word or
/// a noun of people who speak, or when it ends like a common noun. A first name, a
/// place, a listed name, initials, an organisation or role word, and a surname the
/// article writes after a first name stay names.
fn is_common_noun_opener(w: &str, lower_words: &LowerWords) -> bool {
    if lexicon::is_first_name(w)
        || lexicon::is_place(w)
        || lexicon::alias(w).is_some()
        || lexicon::is_org_word(w)
        || lexicon::is_role_word(w)
        || is_acronym(w)
        || w.contains(['.', '-', '\'', '’'])
        || lower_words.is_written_surname(w)
        || lower_words.is_capitalised_inside(w)
    {
        return false;
    }
    let lower = w.to_lowercase();
    // The plural of a body's or a role's word ("Unions", "Ministers") and nouns of
    // people who speak ("Officials", "Analysts").
    let plural_of_kind = lower
        .strip_suffix('s')
        .is_some_and(|one| lexicon::is_org_word(one) || lexicon::is_role_head(one));
    lower_words.writes_lower(w)
        || plural_of_kind
        || lexicon::is_speaking_noun(&lower)
        || lower.chars().count() >= 7 && COMMON_NOUN_ENDINGS.iter().any(|e| lower.ends_with(e))
}

/// A speaker's label in a transcript ("PENCE:", "MS. LEE:"): the person named, unless the
/// label is a role or a word such as "QUESTION", or an organisation's initials ("CNN:").
fn transcript_label(text: &str, toks: &[Token], start: usize, end: usize) -> Option<NameChunk> {
    let name_first = (start..=end)
        .find(|&k| !lexicon::is_courtesy_title(&title_case(toks[k].text(text))))
        .unwrap_or(start);
    let w = |k: usize| toks[k].text(text);
    let not_a_name = (name_first..=end).any(|k| {
        lexicon::is_label_word(w(k)) || lexicon::is_role_word(w(k)) || lexicon::is_speaking_noun(w(k))
    });
    if not_a_name
        || lexicon::alias(w(end)).is_some()
        || w(end).chars().filter(|c| c.is_alphabetic()).count() < 2
    {
        return None;
    }
    Some(NameChunk {
        first: name_first,
        last: end,
        phrase_first: start,
        span: Span::new(toks[name_first].span.start, toks[end].span.end),
        role: None,
        kind: EntityKind::Person,
        male: None,
        locative: false,
    })
}

/// "MS." → "Ms.": an upper-case word as a title would be written.
pub(crate) fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect())
        .unwrap_or_default()
}

/// Rule `org_short_form`: a lone word names an organisation seen before in full
/// - when it is that name's first word and every other word ends a firm's, a school's or
///   a newsroom's name (`data/firm-words.txt`, trade words, company endings: "Lindqvist"
///   after "Lindqvist Foods", "Harrow" after "Harrow University"), unless the word is a
///   first name, an affiliation or a place ("Walter" after "Walter Energy");
/// - or when it is a body's word of four letters or more and the name's last ("the
///   Consortium" after "the Eastern Space Consortium", "the Commission" after "the Harbour
///   Commission"), unless a country has one such body, which the word alone names ("the
///   House" is not "the White House", `data/one-of-a-kind-bodies.txt`).
fn org_short_form(word: &str, full: &str) -> bool {
    let Some((first, rest)) = full.split_once(' ') else {
        return false;
    };
    let firm_word = |w: &str| {
        lexicon::is_trade_word(w)
            || lexicon::with_lower(w, |l| lexicon::word_set!(lexicon::lists::FIRM_WORDS).contains(l))
    };
    let own_name = first == word
        && rest.split_whitespace().all(firm_word)
        && !lexicon::is_first_name(word)
        && !lexicon::is_descriptor(word)
        && !lexicon::is_place(word)
        && lexicon::gazetteer(word).is_none();
    let head = rest.split_whitespace().next_back() == Some(word)
        && word.chars().count() >= 4
        && lexicon::is_org_word(word)
        && !is_one_of_a_kind_body(word);
    own_name || head
}

/// Whether a name stands where places stand: after "in", "near", "outside" and the like,
/// before a place noun ("Idlib province"), or before a comma and a known place ("Greeley,
/// Colo."). Not a possessive.
fn locative(text: &str, toks: &[Token], first: usize, last: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let before = first.checked_sub(1).map_or("", w);
    let possessive = without_possessive(w(last)) < w(last).len();
    let after_place = w(last + 1) == "," && lexicon::is_place(w(last + 2).trim_end_matches('.'))
        || lexicon::word_set!(lexicon::lists::PLACE_NOUNS).contains(w(last + 1));
    !possessive
        && (matches!(
            before,
            "in" | "near" | "outside" | "across" | "into" | "around" | "inside" | "In" | "Near" | "Outside"
        ) || after_place
            || coordinated_with_place(text, toks, first, last))
}

/// Rule `coordinated_place`: a name joined by "and" or "or" to a known place ("Aleppo and
/// Idlib", "Idlib or Aleppo") stands where places stand: coordination joins likes.
fn coordinated_with_place(text: &str, toks: &[Token], first: usize, last: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let known = |k: usize| {
        let word = w(k);
        is_cap_word(word) && (lexicon::is_place(word) || is_city_alone(word))
    };
    let joined = |k: usize| matches!(w(k), "and" | "or");
    let before = first >= 2 && joined(first - 1) && known(first - 2);
    let after = joined(last + 1) && known(last + 2) && !is_cap_word(w(last + 3));
    before || after
}

/// "Russian President, Vladimir Putin": a chunk that is only a role, a comma, then a
/// person-like name: one person with that role.
fn merge_comma_roles(text: &str, toks: &[Token], out: &mut Vec<NameChunk>) {
    // One pass: a merged chunk is a person with a role, so it never merges again.
    let mut merged: Vec<NameChunk> = Vec::with_capacity(out.len());
    for mut b in out.drain(..) {
        if let Some(a) = merged.last() {
            let role_only = a.kind == EntityKind::Unknown && a.role.is_some() && a.first > a.last;
            let comma_between = b.phrase_first == a.last.max(a.phrase_first) + 2
                && toks.get(b.phrase_first.wrapping_sub(1)).map(|t| t.text(text)) == Some(",");
            if role_only && comma_between && b.kind == EntityKind::Person && b.role.is_none() {
                b.role = a.role;
                b.phrase_first = a.phrase_first;
                merged.pop();
            }
        }
        merged.push(b);
    }
    merged.retain(|c| c.first <= c.last);
    *out = merged;
}

fn classify(text: &str, toks: &[Token], start: usize, end: usize) -> Option<NameChunk> {
    let w = |i: usize| toks[i].text(text);
    // A word as a list sees it: without a possessive ("Party’s" is the org word "Party").
    let bare = |i: usize| {
        let t = w(i);
        &t[..without_possessive(t)]
    };
    // The name is the longest tail of name-like words; what precedes it may be a role.
    let mut name_first = end + 1;
    // A role word last in a run after a first name is a surname ("Gloria Major",
    // "Ana Marshal"): a role stands before a name, not after it.
    if end > start
        && lexicon::is_role_word(w(end))
        && lexicon::is_first_name(w(end - 1))
        && !lexicon::is_role_word(w(end - 1))
    {
        name_first = end - 1;
    }
    while name_first > start {
        let t = w(name_first - 1);
        // Name particles stay inside a name ("Staffan de Mistura", "Ibn Saud").
        let particle = matches!(
            t,
            "de" | "da" | "di" | "du" | "van" | "von" | "bin" | "ibn" | "der" | "del" | "le" | "la"
        ) && name_first - 1 > start
            && name_first <= end
            && is_cap_word(w(name_first - 2))
            && !lexicon::is_role_word(w(name_first - 2))
            && !lexicon::is_org_word(w(name_first - 2));
        if !particle
            && (is_connector(t)
                || lexicon::is_role_word(t)
                || name_first < end && is_plural_role_head(t, w(name_first))
                || lexicon::is_org_word(bare(name_first - 1)))
        {
            break;
        }
        name_first -= 1;
    }
    // Affiliations and epithets before a name ("Republican Donald Trump", "Crooked
    // Hillary") are its role, unless the run names an organisation.
    let has_org_word = (start..=end).any(|i| lexicon::is_org_word(bare(i)));
    let descriptors = (start..end).take_while(|&i| lexicon::is_descriptor(w(i))).count();
    let described = name_first == start && descriptors > 0 && !has_org_word;
    if described {
        name_first = start + descriptors;
    }
    let has_role_head = described
        || (start..name_first).any(|i| lexicon::is_role_head(w(i)))
        || name_first < end && name_first > start && is_plural_role_head(w(name_first - 1), w(name_first));
    let span_of = |a: usize, b: usize| {
        let last = w(b);
        Span::new(toks[a].span.start, toks[b].span.start + without_possessive(last))
    };
    let courtesy = |i: usize| lexicon::is_courtesy_title(w(i));
    let male_title = |i: usize| match w(i) {
        "Mr." | "Mr" | "Sir" => Some(true),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" | "Dame" => Some(false),
        _ => None,
    };
    // A role word just before the run, in lower case ("spokesman Mark Toner"), possibly
    // with modifiers and an organisation before it ("State Department spokesman").
    let (outer_role_first, outer_role_head) = lowercase_role_before(text, toks, start);

    let full_span = span_of(start, end);
    let full = full_span.slice(text).unwrap_or("");
    if name_first <= end && (has_role_head || outer_role_head) {
        // Person with a role.
        let role_first = if outer_role_head { outer_role_first } else { start };
        let role_last = name_first.checked_sub(1).filter(|&l| l >= role_first);
        let titled = !outer_role_head && (start..name_first).all(courtesy);
        let role = match role_last {
            Some(l) if !titled => Some(Span::new(toks[role_first].span.start, toks[l].span.end)),
            _ => None,
        };
        // A first name tells the sex only when a surname follows it ("Sen. Clinton" is not
        // a man for "Clinton" being a man's first name).
        let male = (start..name_first).find_map(male_title).or_else(|| {
            (name_first < end)
                .then(|| lexicon::first_name_gender(w(name_first)))
                .flatten()
        });
        return Some(NameChunk {
            first: name_first,
            last: end,
            phrase_first: role_first,
            span: span_of(name_first, end),
            role,
            kind: EntityKind::Person,
            male,
            locative: false,
        });
    }
    if name_first > end && has_role_head {
        // Only a role ("President", "Foreign Minister"): kept so a comma-name can join it.
        return Some(NameChunk {
            first: end + 1,
            last: end,
            phrase_first: start,
            span: full_span,
            role: Some(full_span),
            kind: EntityKind::Unknown,
            male: None,
            locative: false,
        });
    }
    let words = end - start + 1;
    let first_word = w(start);
    let kind = if let Some(a) = lexicon::alias(full) {
        a.kind
    } else if has_org_word
        || crate::extract::outlets::canonical_name(full).is_some()
        || lexicon::is_company(full)
        || (words >= 2 && lexicon::is_trade_word(bare(end)))
    {
        EntityKind::Organization
    } else if lexicon::is_place(full) {
        EntityKind::Place
    } else if words >= 2 && (start + 1..=end).any(|i| is_acronym(w(i)) && lexicon::is_place(w(i))) {
        // A country's initials inside a longer name: "Priorities USA" is a group.
        EntityKind::Organization
    } else if words >= 2 && is_gazetteer_city(full, first_word) {
        EntityKind::Place
    } else if words == 1 && is_acronym(first_word) && !is_shouted_first_name(first_word) {
        EntityKind::Organization
    } else if lexicon::is_first_name(first_word) && words >= 2 {
        EntityKind::Person
    } else if words >= 2 && (start..=end).any(|i| lexicon::is_place_word(w(i))) {
        EntityKind::Place
    } else if words == 1 {
        if is_demonym(first_word) {
            return None;
        }
        EntityKind::Unknown
    } else if let Some(of) = person_after_of(text, toks, start, end) {
        // "Supporters of Dana Whitfield": no organisation is named, a person is.
        return classify(text, toks, of + 1, end);
    } else if (start..=end).all(|i| !is_connector(w(i)) || is_particle(w(i))) && words <= 4 {
        // Two or three capitalised words with no clue: most often a person, but it may
        // be a place or a name of something; a role, a pronoun or speech decides later.
        EntityKind::Unknown
    } else {
        EntityKind::Organization
    };
    let male = if kind == EntityKind::Person && words >= 2 {
        lexicon::first_name_gender(first_word)
    } else {
        None
    };
    Some(NameChunk {
        first: start,
        last: end,
        phrase_first: start,
        span: full_span,
        role: None,
        kind,
        male,
        locative: false,
    })
}

/// A first name written in capitals ("MARTA" in a shouted line), not an acronym: four
/// letters or more (initials of bodies are mostly shorter, and "NASA" names no one).
fn is_shouted_first_name(w: &str) -> bool {
    w.chars().count() >= 4 && w.chars().all(char::is_alphabetic) && lexicon::is_first_name(&title_case(w))
}

/// The "of" of a run "A of B" where B is a person's name (a first name and more) and no
/// word of the run is an organisation's: "Supporters of Dana Whitfield" names the person,
/// not a body ("Friends of the Earth" has no first name after "of"; "Bank of Erin Doyle"
/// would have an organisation word before it).
fn person_after_of(text: &str, toks: &[Token], start: usize, end: usize) -> Option<usize> {
    let w = |i: usize| toks[i].text(text);
    let of = (start + 1..end).find(|&i| w(i) == "of")?;
    let rest = end - of;
    (rest >= 2
        && lexicon::is_first_name(w(of + 1))
        && (of + 1..=end).all(|i| is_cap_word(w(i)) && !is_connector(w(i)))
        && (start..=end).all(|i| !lexicon::is_org_word(w(i))))
    .then_some(of)
}

/// The "of" of a run "ROLE NAME of X" ("Foreign Minister Lena Dahl of Arnland", "Mayor
/// Okafor of Port Ellis"): a role head, then capitalised words that are neither role,
/// body nor connector words — a person's name — then "of". (Without a role, "Maria
/// Brask of Tarnby" stays one run: cutting it there lost PolNeAR train attributions
/// whose frames read the whole phrase as the subject, and gained no entity.) The name is the person's, and
/// "of X" says where the role belongs, so X is not read as the person's name with
/// everything before it as a role. ("Secretary of State Ana Ruiz": no name before "of";
/// "Friends of the Earth": no role; "Supporters of Dana Whitfield": no role before "of".)
fn role_name_then_of(text: &str, toks: &[Token], start: usize, end: usize) -> Option<usize> {
    let w = |i: usize| toks[i].text(text);
    let of = (start + 1..end).find(|&i| w(i) == "of")?;
    let head = (start..of).rev().find(|&i| lexicon::is_role_head(w(i)))?;
    let name = head + 1..of;
    (!name.is_empty()
        && name.clone().all(|i| {
            is_cap_word(w(i))
                && !is_connector(w(i))
                && !lexicon::is_role_word(w(i))
                && !lexicon::is_org_word(w(i))
        }))
    .then_some(of)
}

/// Whether a name of several words is a city of the gazetteer, and not likely a person's
/// name that a small town shares (a first name first, and fewer than 200,000 people).
fn is_gazetteer_city(full: &str, first_word: &str) -> bool {
    lexicon::gazetteer(full)
        .is_some_and(|p| lexicon::common_first_name_gender(first_word).is_none() || p.population >= 200_000)
}

/// The most words a role phrase before a name may have. Role phrases in news are short
/// (the longest walk over PolNeAR's 924 articles is 6 words); without a bound, a text of
/// role words and names with no stop ("spokesman A spokesman B …") would give every name
/// a role reaching back over all the others.
const MAX_ROLE_WORDS: usize = 16;

/// Walks left from a capitalised run over a lower-case role phrase: returns where the
/// role phrase starts and whether it holds a role head.
fn lowercase_role_before(text: &str, toks: &[Token], start: usize) -> (usize, bool) {
    let mut k = start;
    let mut head = false;
    // A lower-case role word must touch the name.
    match toks.get(start.wrapping_sub(1)) {
        Some(t) if lexicon::is_role_head(t.text(text)) && !is_cap_word(t.text(text)) => {}
        _ => return (start, false),
    }
    while k > 0 && start - k < MAX_ROLE_WORDS {
        let t = toks[k - 1].text(text);
        if toks[k - 1].kind != Kind::Word {
            break;
        }
        if lexicon::is_role_head(t) {
            head = true;
        } else if !(lexicon::is_role_phrase_word(t) || is_cap_word(t) && !lexicon::is_function_word(t)) {
            break;
        }
        k -= 1;
    }
    (k, head)
}

/// How many candidates a fuzzy name lookup examines, newest first. An article would
/// need this many namesakes (the same surname or first word) before a name to notice;
/// without a bound a text naming thousands of them makes every lookup walk them all.
const MAX_CANDIDATES: usize = 32;

/// A surname alone goes to the person of that surname named last, unless another was
/// named at least this many times as often.
const SUBJECT_SALIENCE: usize = 3;

/// The entities of one article, built mention by mention in text order.
#[derive(Debug, Default, Clone)]
pub struct Entities {
    pub list: Vec<Entity>,
    /// Per entity: its surname key, kept for lookups.
    surnames: Vec<String>,
    /// Lower-cased name → entity: the exact lookup, without a scan of all entities (a
    /// book-length text names thousands).
    exact: HashMap<String, usize>,
    /// Surname key → entities that have it, and first word → entities: the candidates of
    /// the fuzzy lookup, kept current when a name grows, ordered so the newest come first.
    by_surname: HashMap<String, BTreeSet<usize>>,
    by_first: HashMap<String, BTreeSet<usize>>,
    /// Organisations by the initials of their capitalised words: the candidates of an
    /// acronym ("HWU" for "Harbour Workers Union").
    by_initials: HashMap<String, BTreeSet<usize>>,
    /// Per entity: the spans of its name mentions, in text order (names are added in text
    /// order); and every (entity, span) of a reference. A reference is recorded once
    /// without a scan of the mentions.
    name_spans: Vec<Vec<Span>>,
    references: HashSet<(usize, Span)>,
    /// Per entity: its roles as a set, and the lower-cased words of its first `n` roles
    /// (gathered when a role noun is looked up, so a name with thousands of roles is not
    /// read again per lookup, and one never looked up costs nothing).
    role_set: Vec<HashSet<String>>,
    role_words: Vec<(usize, HashSet<String>)>,
    /// Per entity: whether a mention stood where places stand ("in Idlib").
    place_hint: Vec<bool>,
}

/// A lone word of the gazetteer's cities is a place when nothing says it is a person: not
/// a first name, and a city of at least this many people or named where places stand.
const CITY_ALONE_POPULATION: u64 = 1_000_000;

/// Whether a lone word is a city of the gazetteer that is a place even with nothing around
/// it: at least [`CITY_ALONE_POPULATION`] people and not a common first name ("Aleppo",
/// "Hamburg"; not "Florence").
pub(crate) fn is_city_alone(word: &str) -> bool {
    lexicon::gazetteer(word).is_some_and(|p| {
        p.class == lexicon::PlaceClass::City
            && p.population >= CITY_ALONE_POPULATION
            && lexicon::common_first_name_gender(word).is_none()
    })
}

/// The initials of a name's capitalised words ("Harbour Workers Union" → "HWU").
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

impl Entities {
    fn new_entity(&mut self, kind: EntityKind, name: &str, male: Option<bool>) -> usize {
        let id = self.list.len();
        self.list.push(Entity {
            id: format!("e{}", id + 1),
            kind,
            name: name.to_string(),
            roles: Vec::new(),
            mentions: Vec::new(),
            male,
        });
        self.surnames.push(surname_key(name));
        self.role_set.push(HashSet::new());
        self.name_spans.push(Vec::new());
        self.role_words.push((0, HashSet::new()));
        self.place_hint.push(false);
        self.exact.insert(name_key(name), id);
        self.index(id);
        if kind == EntityKind::Organization {
            self.index_organization(id);
        }
        id
    }

    fn index(&mut self, e: usize) {
        let key = self.surnames[e].clone();
        self.by_surname.entry(key).or_default().insert(e);
        if let Some(first) = self.list[e].name.split_whitespace().next() {
            self.by_first.entry(first.to_string()).or_default().insert(e);
        }
    }

    /// Takes entity `e` out of the surname and first-word indexes (before its name changes).
    fn unindex(&mut self, e: usize) {
        if let Some(set) = self.by_surname.get_mut(&self.surnames[e]) {
            set.remove(&e);
        }
        if let Some(first) = self.list[e].name.split_whitespace().next() {
            if let Some(set) = self.by_first.get_mut(first) {
                set.remove(&e);
            }
        }
    }

    /// An entity became an organisation (they stay one): an acronym may name it.
    fn index_organization(&mut self, e: usize) {
        let key = initials(&self.list[e].name);
        self.by_initials.entry(key).or_default().insert(e);
    }

    fn add_role(&mut self, e: usize, role: &str) {
        let role = role.split_whitespace().collect::<Vec<_>>().join(" ");
        let role = role.trim_end_matches(',').trim();
        let role = role
            .strip_prefix("the ")
            .or_else(|| role.strip_prefix("a "))
            .or_else(|| role.strip_prefix("an "))
            .unwrap_or(role);
        if !role.is_empty() && self.role_set[e].insert(role.to_string()) {
            self.list[e].roles.push(role.to_string());
        }
    }

    /// Adds a mention of a name; returns the entity it resolves to.
    pub fn add_name(&mut self, text: &str, chunk: &NameChunk) -> usize {
        let name = chunk.span.slice(text).unwrap_or("");
        let e = self.find_name(name, chunk.kind).unwrap_or_else(|| {
            let kind = if chunk.kind == EntityKind::Unknown && lexicon::is_place(name) {
                EntityKind::Place
            } else {
                chunk.kind
            };
            self.new_entity(kind, name, chunk.male)
        });
        if name.split_whitespace().count() > self.list[e].name.split_whitespace().count()
            && chunk.kind == EntityKind::Person
        {
            self.unindex(e);
            let old = name_key(&std::mem::replace(&mut self.list[e].name, name.to_string()));
            if self.exact.get(&old) == Some(&e) {
                self.exact.remove(&old);
            }
            self.surnames[e] = surname_key(name);
            self.exact.insert(name_key(name), e);
            self.index(e);
        }
        self.place_hint[e] |= chunk.locative;
        debug_assert!(self.name_spans[e].last().is_none_or(|&l| l < chunk.span));
        self.name_spans[e].push(chunk.span);
        let ent = &mut self.list[e];
        if ent.kind == EntityKind::Unknown && chunk.kind != EntityKind::Unknown {
            ent.kind = chunk.kind;
            if chunk.kind == EntityKind::Organization {
                self.index_organization(e);
            }
        }
        let ent = &mut self.list[e];
        if ent.male.is_none() {
            ent.male = chunk.male;
        }
        ent.mentions.push(Mention {
            span: chunk.span,
            kind: MentionKind::Name,
            role: chunk.role,
        });
        if let Some(r) = chunk.role.and_then(|r| r.slice(text)) {
            self.add_role(e, r);
        }
        e
    }

    /// An existing entity this name refers to: the same name, a person's surname or
    /// first name, or a full name with the same surname and a compatible first name.
    fn find_name(&self, name: &str, kind: EntityKind) -> Option<usize> {
        // The same name seen before is the common case: looked up before anything else
        // about the name is worked out.
        if let Some(&i) = self.exact.get(&name_key(name)) {
            return Some(i);
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let key = surname_key(name);
        // Only entities that could match: the same surname, the same first word, or (for an
        // acronym) an organisation with those initials — newest first, as a scan from the
        // end would meet them, and at most MAX_CANDIDATES of them.
        let acronym = words.len() == 1 && is_acronym(name);
        let newest = |set: Option<&BTreeSet<usize>>| {
            set.into_iter()
                .flat_map(|s| s.iter().rev().take(MAX_CANDIDATES))
                .copied()
                .collect::<Vec<usize>>()
        };
        let mut candidates = newest(self.by_surname.get(&key));
        if words.len() == 1 {
            candidates.extend(newest(self.by_first.get(name)));
        } else if lexicon::is_first_name(words[0]) {
            // A lone first name seen earlier ("Jeb … Jeb Bush").
            candidates.extend(newest(self.by_surname.get(&surname_key(words[0]))));
        }
        if acronym {
            candidates.extend(newest(self.by_initials.get(&name.replace('.', ""))));
        }
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        candidates.dedup();
        candidates.truncate(MAX_CANDIDATES);
        let mut fits = candidates
            .into_iter()
            .filter(|&i| self.name_fits(i, name, &words, &key, kind, acronym));
        if words.len() > 1 {
            return fits.next();
        }
        // A surname alone that several people of the article have: the one named last
        // ("Bill Clinton … Hillary Clinton … Clinton said" is Hillary), unless another was
        // named far more often so far (the article's subject, SUBJECT_SALIENCE times as often).
        let fits: Vec<usize> = fits.collect();
        let recent = fits
            .iter()
            .copied()
            .max_by_key(|&i| self.name_spans[i].last().map(|s| s.start))?;
        let most = fits
            .iter()
            .copied()
            .max_by_key(|&i| (self.name_spans[i].len(), i))?;
        if self.name_spans[most].len() >= SUBJECT_SALIENCE * self.name_spans[recent].len().max(1) {
            Some(most)
        } else {
            Some(recent)
        }
    }

    /// Whether entity `i` is what `name` (of kind `kind`) names: a person-like entity with
    /// its surname and a compatible first name, a person whose first name it is, or an
    /// organisation whose initials the acronym spells.
    fn name_fits(
        &self,
        i: usize,
        name: &str,
        words: &[&str],
        key: &str,
        kind: EntityKind,
        acronym: bool,
    ) -> bool {
        let e = &self.list[i];
        let person_like = matches!(kind, EntityKind::Person | EntityKind::Unknown);
        let they_person = e.kind == EntityKind::Person
            || e.kind == EntityKind::Unknown && e.name.split_whitespace().count() >= 2;
        // A lone word seen first ("Carson") is the person a full name with that surname
        // names later ("Ben Carson").
        let lone_unknown = e.kind == EntityKind::Unknown && e.name.split_whitespace().count() == 1;
        if (they_person || lone_unknown && kind == EntityKind::Person)
            && person_like
            && self.surnames[i] == key
        {
            let theirs: Vec<&str> = e.name.split_whitespace().collect();
            return words.len() == 1
                || theirs.len() == 1
                || given_names_agree(&given_name(name), &given_name(&e.name))
                || words[0].len() <= 2 && !lexicon::is_name_suffix(words[words.len() - 1]);
        }
        if words.len() == 1
            && they_person
            && kind == EntityKind::Unknown
            && e.name.split_whitespace().next() == Some(name)
        {
            return true;
        }
        // A lone first name seen first ("Jeb") is the person a full name beginning with it
        // names later ("Jeb Bush"): news calls some people by their first name alone.
        if lone_unknown
            && person_like
            && words.len() >= 2
            && e.name == words[0]
            && lexicon::is_first_name(words[0])
        {
            return true;
        }
        if words.len() == 1 && e.kind == EntityKind::Organization && org_short_form(name, &e.name) {
            return true;
        }
        acronym && e.kind == EntityKind::Organization && initials(&e.name) == name.replace('.', "")
    }

    /// Whether a name refers to an entity seen already.
    pub fn knows(&self, name: &str) -> bool {
        self.find_name(name, EntityKind::Unknown).is_some()
    }

    /// Records that `span` (a pronoun or role noun) mentions entity `e`.
    pub fn add_reference(&mut self, e: usize, span: Span, kind: MentionKind) {
        if self.name_spans[e].binary_search(&span).is_err() && self.references.insert((e, span)) {
            self.list[e].mentions.push(Mention {
                span,
                kind,
                role: None,
            });
        }
    }

    /// Adds a role learnt from an appositive ("Hugh Hill, a doctor").
    pub fn add_role_text(&mut self, e: usize, role: &str) {
        self.add_role(e, role);
    }

    pub fn gender_fits(&self, e: usize, p: Pronoun) -> bool {
        let ent = &self.list[e];
        match p {
            Pronoun::Male => self.could_be_person(e) && ent.male != Some(false),
            Pronoun::Female => self.could_be_person(e) && ent.male != Some(true),
            Pronoun::Plural | Pronoun::Neuter => ent.kind != EntityKind::Person,
            Pronoun::First => true,
        }
    }

    /// A role noun phrase ("the spokesman", "the Syrian president", "the newspaper"): the
    /// most recently seen entity, of those in `candidates` (most recent first), whose roles
    /// or name hold the head noun.
    pub fn resolve_nominal(&mut self, head: &str, candidates: &[usize]) -> Option<usize> {
        const OUTLET_NOUNS: &[&str] = &[
            "newspaper",
            "paper",
            "daily",
            "outlet",
            "network",
            "magazine",
            "agency",
        ];
        const MASTHEAD: &[&str] = &[
            "Times", "Post", "Journal", "News", "Daily", "Tribune", "Herald", "Gazette", "Press", "Agency",
        ];
        let head = head.to_lowercase();
        let outlet_noun = OUTLET_NOUNS.contains(&head.as_str());
        candidates.iter().copied().find(|&e| {
            let ent = &self.list[e];
            // The words of its roles, lower-cased ASCII: the same as comparing each word
            // to the (lower-cased) head ignoring ASCII case.
            let (folded, words) = &mut self.role_words[e];
            for r in &ent.roles[*folded..] {
                words.extend(r.split_whitespace().map(str::to_ascii_lowercase));
            }
            *folded = ent.roles.len();
            let in_roles = words.contains(head.as_str());
            // "the ministry" → "Foreign Ministry"; "the newspaper" → a masthead or a known outlet.
            let org = ent.kind == EntityKind::Organization;
            let named_by_head = ent.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(&head));
            let an_outlet = ent.name.split_whitespace().any(|w| MASTHEAD.contains(&w))
                || crate::extract::outlets::canonical_name(&ent.name).is_some();
            in_roles || org && (named_by_head || outlet_noun && an_outlet)
        })
    }

    /// A person, or a name of two or three words with no other clue.
    fn could_be_person(&self, e: usize) -> bool {
        let ent = &self.list[e];
        ent.kind == EntityKind::Person
            || ent.kind == EntityKind::Unknown && (2..=3).contains(&ent.name.split_whitespace().count())
    }

    /// A name that speaks or that "he"/"she" stands for is a person, when nothing said
    /// otherwise.
    pub fn make_person(&mut self, e: usize) {
        if self.list[e].kind == EntityKind::Unknown {
            self.list[e].kind = EntityKind::Person;
        }
    }

    /// The entities of the article, with the kinds that only the whole article tells: a
    /// lone word of the gazetteer's cities that nothing made a person is a place when it is
    /// a large city or was named where places stand ("in Idlib").
    pub fn finish(mut self) -> Vec<Entity> {
        for (e, ent) in self.list.iter_mut().enumerate() {
            if ent.kind != EntityKind::Unknown {
                continue;
            }
            if ent.name.contains(' ') {
                continue;
            }
            let city = lexicon::gazetteer(&ent.name).filter(|p| p.class == lexicon::PlaceClass::City);
            if city.is_some_and(|p| {
                lexicon::common_first_name_gender(&ent.name).is_none()
                    && (self.place_hint[e] || p.population >= CITY_ALONE_POPULATION)
            }) {
                ent.kind = EntityKind::Place;
            }
        }
        self.list
    }

    pub fn set_male(&mut self, e: usize, p: Pronoun) {
        if matches!(p, Pronoun::Male | Pronoun::Female) {
            self.make_person(e);
        }
        if self.list[e].male.is_none() && self.list[e].kind == EntityKind::Person {
            self.list[e].male = match p {
                Pronoun::Male => Some(true),
                Pronoun::Female => Some(false),
                _ => None,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::tokenize;

    fn names(s: &str) -> Vec<(String, EntityKind, Option<String>)> {
        let toks = tokenize(s, Span::new(0, s.len()));
        find_names(s, &toks, &LowerWords::new(s))
            .into_iter()
            .map(|c| {
                (
                    c.span.slice(s).unwrap().to_string(),
                    c.kind,
                    c.role.map(|r| r.slice(s).unwrap().to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn an_organisation_word_that_opens_no_name_may_end_one() {
        let n = names("The harbour group Tollan Harbour Watch said the pier was unsafe.");
        assert_eq!(n[0].0, "Tollan Harbour Watch");
        assert_eq!(n[0].1, EntityKind::Organization);
        // Not at a line's start, nor before a name of its own.
        let n = names("Watch: the ferry leaves Velm at noon.");
        assert!(n.iter().all(|x| !x.0.contains("Watch")), "{n:?}");
        let n = names("Tollan Watch President Ana Lind spoke.");
        assert!(
            n.iter().all(|x| x.0 != "Tollan Watch President Ana Lind"),
            "{n:?}"
        );
    }

    #[test]
    fn roles_split_from_names() {
        let n = names("UK Defense Secretary Michael Fallon met State Department spokesman Mark Toner.");
        // The place or organisation in a role is a mention of its own.
        assert_eq!(n[0], ("UK".into(), EntityKind::Place, None));
        assert_eq!(
            n[1],
            (
                "Michael Fallon".into(),
                EntityKind::Person,
                Some("UK Defense Secretary".into())
            )
        );
        assert_eq!(n[2], ("State Department".into(), EntityKind::Organization, None));
        assert_eq!(
            n[3],
            (
                "Mark Toner".into(),
                EntityKind::Person,
                Some("State Department spokesman".into())
            )
        );
        let n = names("Then outgoing Secretary of Defense Ash Carter spoke to Save the Children Syria Director Ana Ruiz.");
        assert_eq!(
            n[0],
            (
                "Ash Carter".into(),
                EntityKind::Person,
                Some("Secretary of Defense".into())
            )
        );
        assert_eq!(
            n[1],
            ("Save the Children Syria".into(), EntityKind::Organization, None)
        );
        assert_eq!(
            n[2],
            (
                "Ana Ruiz".into(),
                EntityKind::Person,
                Some("Save the Children Syria Director".into())
            )
        );
        let n = names("The calls from Russian President, Vladimir Putin were rejected by al-Assad's allies.");
        assert_eq!(
            n[0],
            (
                "Vladimir Putin".into(),
                EntityKind::Person,
                Some("Russian President".into())
            )
        );
        assert_eq!(n[1].0, "al-Assad");
    }

    #[test]
    fn kinds_from_clues() {
        let n = names(
            "The Syrian Observatory for Human Rights said Russia and the Pentagon agreed with Mr. Lee.",
        );
        let kinds: Vec<_> = n.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            kinds,
            [
                ("Syrian Observatory for Human Rights", EntityKind::Organization),
                ("Russia", EntityKind::Place),
                ("Pentagon", EntityKind::Organization),
                ("Lee", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn listed_companies_are_organisations() {
        use EntityKind::{Organization as Org, Unknown};
        let cases: [(&str, &[(&str, EntityKind)]); 3] = [
            (
                "The lenders, Wells Fargo and the former Hewlett-Packard unit, held back.",
                &[("Wells Fargo", Org), ("Hewlett-Packard", Org)],
            ),
            // Two capitalised words with no clue and no listing stay unknown.
            (
                "The lenders, such as Quell Marrow, held back.",
                &[("Quell Marrow", Unknown)],
            ),
            // A trade as a name's last word makes a company, even after a first name;
            // alone at a sentence's start it makes no organisation.
            (
                "Shipping line Castellan Freight and the carrier Norland Ferries agreed.",
                &[
                    ("Shipping", Unknown),
                    ("Castellan Freight", Org),
                    ("Norland Ferries", Org),
                ],
            ),
        ];
        for (text, want) in cases {
            let n = names(text);
            let kinds: Vec<_> = n.iter().map(|x| (x.0.as_str(), x.1)).collect();
            assert_eq!(kinds, want, "{text}");
        }
    }

    #[test]
    fn names_inside_a_role_are_mentions_too() {
        let n = names("Former Oregon Gov. and Coastal Growers Association Chairman Tom Ashby agreed.");
        let found: Vec<_> = n.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            found,
            [
                ("Oregon", EntityKind::Place),
                ("Coastal Growers Association", EntityKind::Organization),
                ("Tom Ashby", EntityKind::Person),
            ]
        );
        // A role of plain words holds no name.
        let n = names("Then deputy press secretary Lana Oduya agreed.");
        assert_eq!(n.len(), 1, "{n:?}");
    }

    #[test]
    fn name_variants_resolve_to_one_entity() {
        let (es, ids) =
            entity_ids("Bashar al-Assad met Ashton Carter. Assad and Ash Carter and al-Assad and Carter.");
        assert_eq!(ids, [0, 1, 0, 1, 0, 1]);
        assert_eq!(es.list[1].name, "Ashton Carter");
    }

    /// The entity each name of a one-sentence text joins, in text order.
    fn entity_ids(text: &str) -> (Entities, Vec<usize>) {
        let mut es = Entities::default();
        let toks = tokenize(text, Span::new(0, text.len()));
        let ids = find_names(text, &toks, &LowerWords::new(text))
            .iter()
            .map(|c| es.add_name(text, c))
            .collect();
        (es, ids)
    }

    fn entities_of(text: &str) -> Vec<Entity> {
        let paras = crate::text::segment::line_paragraphs(text);
        let sentences = crate::text::segment::sentences(text, &paras);
        crate::quotes::analyze(text, &paras, &sentences).entities
    }

    fn kind_of(ents: &[Entity], name: &str) -> Option<EntityKind> {
        ents.iter().find(|e| e.name == name).map(|e| e.kind)
    }

    /// Rule `org_short_form`.
    #[test]
    fn a_company_or_body_named_short_is_the_one_named_in_full() {
        let text = "Tessaly Foods lifted its forecast on Monday. Shares in Tessaly rose 4%.\n\n\
                    The Northern Rail Consortium signed the deal. The Consortium said work starts soon.\n\n\
                    Analysts at Oslo Securities were wary, and Oslo itself was quiet.";
        let ents = entities_of(text);
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert!(!names.contains(&"Tessaly"), "{names:?}");
        assert!(!names.contains(&"Consortium"), "{names:?}");
        let foods = ents
            .iter()
            .find(|e| e.name == "Tessaly Foods")
            .expect("the company");
        assert_eq!(foods.mentions.len(), 2, "{foods:?}");
        // A known place stays a place of its own.
        assert!(names.contains(&"Oslo"), "{names:?}");
        // A body's word alone, the last of its name, is that body (an organisation's
        // word: no surname match would join it).
        let ents = entities_of("The Tidewater Post broke the story. The Post said it had seen the files.");
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Tidewater Post"], "{ents:?}");
    }

    #[test]
    fn affiliations_and_epithets_are_roles_not_names() {
        let n = names("The rally cheered Republican Tomas Brevik and jeered Crooked Lena Vasquez.");
        assert_eq!(
            n[0],
            (
                "Tomas Brevik".into(),
                EntityKind::Person,
                Some("Republican".into())
            )
        );
        assert_eq!(
            n[1],
            ("Lena Vasquez".into(), EntityKind::Person, Some("Crooked".into()))
        );
        // An organisation's name keeps its first word.
        let n = names("A letter from the Republican Heritage Committee reached Democrat Ola Nordmann.");
        assert_eq!(
            n[0],
            (
                "Republican Heritage Committee".into(),
                EntityKind::Organization,
                None
            )
        );
        assert_eq!(
            n[1],
            ("Ola Nordmann".into(), EntityKind::Person, Some("Democrat".into()))
        );
    }

    #[test]
    fn transcript_labels_are_speakers() {
        let text = "Ada Brevik opened the night on the Harbour Channel.\n\nBREVIK: Why run now?\n\nQUESTION: And the port?\n\nOKONKWO: Because the port is failing.";
        let ents = entities_of(text);
        assert_eq!(kind_of(&ents, "Ada Brevik"), Some(EntityKind::Person), "{ents:?}");
        // The label joins the person named before; a label that is no name is no entity.
        assert!(ents.iter().all(|e| e.name != "BREVIK" && e.name != "QUESTION"));
        assert_eq!(kind_of(&ents, "OKONKWO"), Some(EntityKind::Person));
    }

    #[test]
    fn head_words_type_buildings_and_groups() {
        let n = names("The donors met at Brevik Tower and later at Brevik National Links with Futures USA.");
        let kinds: Vec<_> = n.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            kinds,
            [
                ("Brevik Tower", EntityKind::Place),
                ("Brevik National Links", EntityKind::Organization),
                ("Futures USA", EntityKind::Organization),
            ]
        );
    }

    /// Rule `possessive_inside_name`: a plural possessive goes on into a body's name; a
    /// singular one ends the name before it.
    #[test]
    fn a_plural_possessive_inside_a_bodys_name_is_part_of_it() {
        let n = names(
            "The Keldby Trawlermen's Guild and the Vestmark Ferrymen’s Union met the Tollan Growers' Association. \
             Delegates of the People's Assembly of Norrland and staff of Arnholm Children's Hospital came too. \
             Keldby's Harbour Board stayed away, and the Rangers' Ana Ruiz spoke. \
             Senator Ines Moss' College Fund Bill and the Liberals' Senate majority were discussed \
             by the Court of Appeals' Board on Ethics.",
        );
        let got: Vec<_> = n.iter().map(|x| x.0.as_str()).collect();
        assert!(got.contains(&"Keldby Trawlermen's Guild"), "{got:?}");
        assert!(got.contains(&"Vestmark Ferrymen’s Union"), "{got:?}");
        assert!(got.contains(&"Tollan Growers' Association"), "{got:?}");
        assert!(got.contains(&"People's Assembly of Norrland"), "{got:?}");
        assert!(got.contains(&"Arnholm Children's Hospital"), "{got:?}");
        // A singular possessive ends the name; a team's plural before a person does too, and
        // a person's possessive or a plural before a body that is one of a kind.
        assert!(got.contains(&"Harbour Board"), "{got:?}");
        assert!(got.contains(&"Ana Ruiz"), "{got:?}");
        assert!(!got.iter().any(|g| g.contains("Rangers' Ana")), "{got:?}");
        assert!(!got.iter().any(|g| g.contains("Moss' College")), "{got:?}");
        assert!(!got.iter().any(|g| g.contains("Liberals' Senate")), "{got:?}");
        assert!(got.contains(&"Board on Ethics"), "{got:?}");
    }

    /// Rule `function_word_first_name`: a function word with a capital after a verb of
    /// speech opens a name; at a sentence's start, as a title or an article it does not.
    #[test]
    fn a_function_word_after_a_cue_opens_a_name() {
        let n = names(
            "Berth fees will rise, said Per Lund, the harbour master. Per the new rules, ferries pay less. \
             The board will meet, says Will Hale, and Lund told The Fjord Post so, said Mr Ekdal.",
        );
        let got: Vec<_> = n.iter().map(|x| x.0.as_str()).collect();
        assert!(got.contains(&"Per Lund"), "{got:?}");
        assert!(got.contains(&"Will Hale"), "{got:?}");
        assert!(
            !got.iter()
                .any(|g| g.starts_with("Per the") || g.starts_with("The ")),
            "{got:?}"
        );
        assert!(!got.iter().any(|g| g.starts_with("Mr")), "{got:?}");
    }

    /// A place before a plain name is a name of its own, unless together they are a
    /// listed name (`data/aliases.tsv`).
    #[test]
    fn a_listed_name_that_opens_with_a_place_stays_whole() {
        let n = names(
            "The interview ran in USA Today and on Russia Today, and envoy for Norway Ida Berg read it.",
        );
        let got: Vec<_> = n.iter().map(|x| x.0.as_str()).collect();
        assert!(
            got.contains(&"USA Today") && got.contains(&"Russia Today"),
            "{got:?}"
        );
        assert!(got.contains(&"Norway") && got.contains(&"Ida Berg"), "{got:?}");
    }

    #[test]
    fn aliases_of_a_country_are_one_entity() {
        let ents = entities_of("The U.S. and the United States Navy differ. Officials in the United States and the US agreed, as did America.");
        let us: Vec<&Entity> = ents
            .iter()
            .filter(|e| name_key(&e.name) == "united states")
            .collect();
        assert_eq!(us.len(), 1, "{ents:?}");
        assert_eq!(us[0].kind, EntityKind::Place);
        assert_eq!(us[0].mentions.len(), 4);
        assert_eq!(name_key("U.N."), name_key("the United Nations"));
        assert_ne!(name_key("UN"), name_key("United States"));
    }

    #[test]
    fn a_word_written_after_a_first_name_is_a_surname() {
        // The full name only in a Title Case headline; the surname opens a sentence and
        // ends like a demonym ("-an").
        let ents = entities_of(
            "Port Council Hears Ellen Brennan On The Harbour Plan\n\nBrennan, a pilot for twenty years, spoke first. The board thanked Brennan.",
        );
        let brennan: Vec<&Entity> = ents.iter().filter(|e| e.name == "Brennan").collect();
        assert_eq!(brennan.len(), 1, "{ents:?}");
        assert_eq!(brennan[0].kind, EntityKind::Person);
        assert_eq!(brennan[0].mentions.len(), 2);
        // An opening surname whose full name comes later is that person.
        let ents = entities_of("Kessler wins the port vote.\n\nThe count gave Mara Kessler a clear lead.");
        assert_eq!(
            ents.iter().filter(|e| e.name.contains("Kessler")).count(),
            1,
            "{ents:?}"
        );
        assert_eq!(kind_of(&ents, "Mara Kessler"), Some(EntityKind::Person));
        // A word the article also writes in lower case is no surname.
        let ents = entities_of("Laura Bridge sold the bridge.\n\nBridge closed on Monday.");
        assert_eq!(ents.iter().filter(|e| e.name == "Bridge").count(), 0, "{ents:?}");
    }

    #[test]
    fn the_gazetteer_types_places() {
        let ents = entities_of(
            "Shelling hit Aleppo again. Medics said the wounded were taken to clinics in Idlib. Ministers met in Hamburg.\n\nWarren told the Valley Ledger that the count was wrong.",
        );
        assert_eq!(kind_of(&ents, "Aleppo"), Some(EntityKind::Place));
        assert_eq!(kind_of(&ents, "Idlib"), Some(EntityKind::Place));
        assert_eq!(kind_of(&ents, "Hamburg"), Some(EntityKind::Place));
        // A town that shares a surname, named as a person is: not a place.
        assert_ne!(kind_of(&ents, "Warren"), Some(EntityKind::Place));
        assert!(lexicon::gazetteer("Warren").is_some());
    }

    #[test]
    fn a_large_city_opening_a_sentence_and_a_city_joined_to_a_place_are_places() {
        // Rule `coordinated_place` and the large-city opener.
        let ents = entities_of(
            "Hamburg sent two trucks of flour on Monday. Convoys left Aleppo and Idlib at dawn, \
             and more were due from Latakia or Damascus.",
        );
        for city in ["Hamburg", "Aleppo", "Idlib", "Latakia", "Damascus"] {
            assert_eq!(kind_of(&ents, city), Some(EntityKind::Place), "{city}: {ents:?}");
        }
        // A small city opening a sentence with nothing to say it is one stays out, and a
        // name joined to a person stays what it was.
        let ents = entities_of("Idlib was quiet. Crews met Warren and Okafor at the gate.");
        assert_eq!(kind_of(&ents, "Idlib"), None, "{ents:?}");
        assert_ne!(kind_of(&ents, "Warren"), Some(EntityKind::Place), "{ents:?}");
    }

    #[test]
    fn a_surname_first_joins_the_full_name_later() {
        let ents = entities_of("Okafor spoke first. Then Sam Okafor, the harbour master, took questions.");
        let okafor: Vec<&Entity> = ents.iter().filter(|e| e.name.contains("Okafor")).collect();
        assert_eq!(okafor.len(), 1, "{ents:?}");
        assert_eq!(okafor[0].name, "Sam Okafor");
    }

    #[test]
    fn a_person_after_of_is_no_organisation() {
        let ents = entities_of(
            "Several hundred Supporters of Dana Whitfield gathered outside the Harbour Party’s office.",
        );
        assert_eq!(
            kind_of(&ents, "Dana Whitfield"),
            Some(EntityKind::Person),
            "{ents:?}"
        );
        assert!(ents.iter().all(|e| !e.name.starts_with("Supporters")), "{ents:?}");
        assert_eq!(
            kind_of(&ents, "Harbour Party"),
            Some(EntityKind::Organization),
            "{ents:?}"
        );
        // An affiliation word before an organisation's possessive stays in its name.
        let ents = entities_of("She became the Democratic Party’s nominee in the spring.");
        assert_eq!(
            kind_of(&ents, "Democratic Party"),
            Some(EntityKind::Organization),
            "{ents:?}"
        );
        let ents = entities_of("The Bank of Dana Whitfield opened. The Friends of the Wetlands met.");
        assert_eq!(
            kind_of(&ents, "Bank of Dana Whitfield"),
            Some(EntityKind::Organization),
            "{ents:?}"
        );
    }

    /// Rule `group_of_body`, and "team" an organisation's word.
    #[test]
    fn members_of_a_body_opening_a_sentence_name_the_body() {
        let org = |text: &str, name: &str| {
            let ents = entities_of(text);
            assert_eq!(kind_of(&ents, name), Some(EntityKind::Organization), "{ents:?}");
            ents
        };
        let ents = org(
            "Members of Tarn Valley Watch said the survey came late. Residents of Port Ellis agreed.",
            "Tarn Valley Watch",
        );
        let part = |e: &Entity| e.name.starts_with("Members") || e.name.starts_with("Residents");
        assert!(!ents.iter().any(part), "{ents:?}");
        org(
            "Volunteers of the Brenn Rescue Team said the survey came late.",
            "Brenn Rescue Team",
        );
        // The end is no body: the whole is a name.
        let ents = entities_of("Supporters of Old Songs said the survey came late.");
        assert!(
            ents.iter().any(|e| e.name == "Supporters of Old Songs"),
            "{ents:?}"
        );
    }

    #[test]
    fn a_role_and_a_name_before_of_are_the_person_and_what_follows_is_its_own() {
        let n = names("Fisheries Minister Ana Berg of Vestland said the boats would stay.");
        assert_eq!(
            n[0],
            (
                "Ana Berg".into(),
                EntityKind::Person,
                Some("Fisheries Minister".into())
            ),
            "{n:?}"
        );
        assert!(n.iter().any(|c| c.0 == "Vestland"), "{n:?}");
        let ents = entities_of("Mayor Okafor of Port Ellis opened the bridge. Okafor spoke first.");
        assert_eq!(kind_of(&ents, "Okafor"), Some(EntityKind::Person), "{ents:?}");
        assert!(
            ents.iter()
                .all(|e| e.name != "Port Ellis" || e.kind != EntityKind::Person),
            "{ents:?}"
        );
        // No name between the role and "of": the role goes on ("Secretary of State").
        let n = names("Secretary of State Lena Dahl arrived.");
        assert_eq!(n.last().map(|c| c.0.as_str()), Some("Lena Dahl"), "{n:?}");
        // No role: "of" does not cut the run.
        let ents = entities_of("The Friends of the Wetlands met the Bank of Dana Whitfield.");
        assert_eq!(
            kind_of(&ents, "Bank of Dana Whitfield"),
            Some(EntityKind::Organization),
            "{ents:?}"
        );
    }

    #[test]
    fn a_first_name_in_capitals_is_no_acronym() {
        let ents = entities_of("The crowd chanted MARTA as the NATO envoy arrived.");
        assert_eq!(kind_of(&ents, "MARTA"), Some(EntityKind::Unknown), "{ents:?}");
        assert_eq!(kind_of(&ents, "NATO"), Some(EntityKind::Organization), "{ents:?}");
    }

    #[test]
    fn a_role_word_after_a_first_name_is_a_surname() {
        let ents =
            entities_of("The volunteers at the door are Eva Brandt and Gloria Major, who greet everyone.");
        assert_eq!(
            kind_of(&ents, "Gloria Major"),
            Some(EntityKind::Person),
            "{ents:?}"
        );
        let ents = entities_of("Outside the court, Chief Judge Ana Brill spoke.");
        assert_eq!(kind_of(&ents, "Ana Brill"), Some(EntityKind::Person), "{ents:?}");
    }

    #[test]
    fn a_first_name_first_joins_the_full_name_later() {
        let ents = entities_of(
            "Crowds waited while Marta toured the docks. Later Marta Quellin spoke to the press.",
        );
        let marta: Vec<&Entity> = ents.iter().filter(|e| e.name.contains("Marta")).collect();
        assert_eq!(marta.len(), 1, "{ents:?}");
        assert_eq!(marta[0].name, "Marta Quellin");
        assert_eq!(marta[0].kind, EntityKind::Person);
        // A lone word that is no first name stays apart from a longer name beginning with it.
        let ents = entities_of("Fairhaven voted on Monday. Later Fairhaven Quellin spoke to the press.");
        assert_eq!(
            ents.iter().filter(|e| e.name.contains("Fairhaven")).count(),
            2,
            "{ents:?}"
        );
    }

    #[test]
    fn sons_are_not_their_fathers() {
        assert_eq!(surname_key("Tomas Brevik Jr."), "brevik");
        assert_eq!(given_name("Tomas Brevik Jr."), "Tomas Jr.");
        assert!(!given_names_agree("Tomas Jr.", "Tomas"));
        assert!(given_names_agree("Tom", "Tom") && given_names_agree("Jimmy", "James"));
        let (_, ids) = entity_ids("Tomas Brevik Jr. and Tomas Brevik spoke.");
        assert_eq!(ids, [0, 1]);
    }

    #[test]
    fn an_ordinary_word_opening_a_sentence_does_not_start_a_name() {
        let ents = entities_of(
            "Everything Brevik says is news. The vote changed everything.\n\nNotice Brevik spoke last. Duncan Okafor spoke first.",
        );
        assert!(ents.iter().all(|e| !e.name.starts_with("Everything")), "{ents:?}");
        // "notice" is not written in lower case in the article: the run is left alone.
        assert!(ents.iter().any(|e| e.name == "Notice Brevik"), "{ents:?}");
        // A first name opening a sentence stays the name's.
        assert_eq!(
            kind_of(&ents, "Duncan Okafor"),
            Some(EntityKind::Person),
            "{ents:?}"
        );
        // The first word of a role or an organisation's name opening a sentence stays:
        // "harbour" is seen in lower case, but "Harbour Minister" is a role.
        let ents = entities_of(
            "Harbour Minister Duncan Brevik spoke. The harbour was shut.\n\nHarbour Board staff left.",
        );
        let brevik = ents.iter().find(|e| e.name == "Duncan Brevik");
        assert_eq!(
            brevik.map(|e| e.roles.clone()),
            Some(vec!["Harbour Minister".to_string()]),
            "{ents:?}"
        );
        assert!(ents.iter().any(|e| e.name == "Harbour Board"), "{ents:?}");
    }

    /// Rule `single_letter`.
    #[test]
    fn a_lone_capital_letter_is_no_name() {
        let ents = entities_of(
            "The riders asked for tests of their B samples, Ines Lund said. Grade A milk costs more.",
        );
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Ines Lund"]);
    }

    /// Rule `common_noun_opener`.
    #[test]
    fn a_common_noun_opening_a_sentence_is_no_entity() {
        let ents = entities_of(
            "The quarry will close in May. Unions said they had not been consulted, and the \
             union's lawyers will meet on Friday.\n\nFishermen say the fisherman's season is over.\n\n\
             Vaccination rates fell in Ostrava. Analysts expect more cases.",
        );
        for word in ["Unions", "Fishermen", "Vaccination", "Analysts"] {
            assert!(ents.iter().all(|e| e.name != word), "{word}: {ents:?}");
        }
        // A word the article writes with its capital inside a sentence is a name, even
        // where the article also writes it in lower case.
        let ents =
            entities_of("The price rose again. Price said the rise was small, according to Mr. Price.");
        let price = ents.iter().find(|e| e.name.ends_with("Price"));
        assert_eq!(price.map(|e| e.mentions.len()), Some(2), "{ents:?}");
    }

    #[test]
    fn a_public_first_name_makes_a_two_word_name_a_person() {
        let n = names("The board thanked Duncan Vestergaard and Kellyanne Oduya on Monday.");
        let kinds: Vec<_> = n.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(
            kinds,
            [
                ("Duncan Vestergaard", EntityKind::Person),
                ("Kellyanne Oduya", EntityKind::Person),
            ]
        );
    }

    #[test]
    fn context_types_names_with_no_clue_of_their_own() {
        let ents = entities_of(
            "Traders sold Quillory's shares on Monday. Vestry Ostrander said the cut was expected.",
        );
        assert_eq!(
            kind_of(&ents, "Quillory"),
            Some(EntityKind::Organization),
            "{ents:?}"
        );
        assert_eq!(
            kind_of(&ents, "Vestry Ostrander"),
            Some(EntityKind::Person),
            "{ents:?}"
        );
    }

    #[test]
    fn a_surname_alone_is_the_namesake_named_last() {
        let (_, ids) = entity_ids("Tomas Brevik met Ada Brevik. Ada Brevik spoke and Brevik left. Tomas Brevik stayed; Brevik smiled.");
        assert_eq!(ids, [0, 1, 1, 1, 0, 0]);
        // Unless the other was named far more often: the article's subject.
        let (_, ids) = entity_ids(
            "Ada Brevik won. Ada Brevik spoke. Ada Brevik left. Tomas Brevik waved; Brevik smiled.",
        );
        assert_eq!(ids, [0, 0, 0, 1, 0]);
    }

    /// Rule `no_name_tags` and the side of a chamber as a role modifier (the audit's E9).
    #[test]
    fn dates_time_zones_party_tags_and_chamber_sides_are_no_entities() {
        let ents = entities_of(
            "Thursday’s figures from the Dunmore port office pleased Senate Minority Leader Ansel Vrook \
             (R-Ore.) and Rep. Dina Solt (D-N.Y.), who spoke at 9 a.m. ET on Friday.\n\n\
             Majority Leader Otto Brannick, of Tarnby, R-Texas, had called the vote for 0735 GMT.\n\n             TARNBY -LRB- Norwater Wire -RRB- - The vote was held.",
        );
        let names: Vec<&str> = ents.iter().map(|e| e.name.as_str()).collect();
        for junk in [
            "Thursday", "Minority", "Majority", "R-Ore", "D-N.Y", "ET", "GMT", "R-Texas", "Friday", "LRB",
            "RRB", "-LRB-", "-RRB-",
        ] {
            assert!(!names.iter().any(|n| n.starts_with(junk)), "{junk} in {names:?}");
        }
        assert_eq!(
            kind_of(&ents, "Ansel Vrook"),
            Some(EntityKind::Person),
            "{names:?}"
        );
        assert_eq!(
            kind_of(&ents, "Otto Brannick"),
            Some(EntityKind::Person),
            "{names:?}"
        );
        // A hyphened name that is no party tag is still a name.
        assert!(!is_party_state_tag("D-Day") && is_party_state_tag("I-Vt.") && is_party_state_tag("D-CA"));
    }

    /// Rule `party_epithet` (the audit's E2).
    #[test]
    fn a_party_noun_names_no_one() {
        let n = names("Critics included Ada Pellworth, a Connecticut Democrat, and the New York Republican who chairs the panel.");
        let got: Vec<&str> = n.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(got, ["Ada Pellworth", "Connecticut", "New York"], "{n:?}");
        assert_eq!(n[1].1, EntityKind::Place);
        let n = names("Presumptive Republican nominee Ivo Marr met a Democrat from Dunmore.");
        assert_eq!(
            n[0],
            (
                "Ivo Marr".into(),
                EntityKind::Person,
                Some("Presumptive Republican nominee".into())
            )
        );
        assert!(
            n.iter()
                .all(|c| !c.0.contains("Democrat") && !c.0.contains("Republican")),
            "{n:?}"
        );
        // "The Oregon Democrat" is then a description of the senator named before.
        let ents = entities_of(
            "Sen. Ada Pellworth, an Oregon Democrat, opposed the canal bill on Tuesday.\n\n\
             “It spends too much,” the Oregon Democrat said.",
        );
        assert!(ents.iter().all(|e| !e.name.contains("Democrat")), "{ents:?}");
    }

    /// Rules `prefixed_role` and `plural_role_head` (the audit's E6).
    #[test]
    fn a_calling_a_former_role_or_a_plural_role_before_a_name_is_its_role() {
        let n = names(
            "Whistleblower Nadia Korrin met Then-Mayor Bram Ostler and Judges Elsa Varn and Tomas Reddick.",
        );
        assert_eq!(
            n[0],
            (
                "Nadia Korrin".into(),
                EntityKind::Person,
                Some("Whistleblower".into())
            )
        );
        assert_eq!(
            n[1],
            (
                "Bram Ostler".into(),
                EntityKind::Person,
                Some("Then-Mayor".into())
            )
        );
        assert_eq!(
            n[2],
            ("Elsa Varn".into(), EntityKind::Person, Some("Judges".into()))
        );
        // A body named in the plural keeps its words.
        let n = names("The Dunmore Dock Workers Union backed the Harbour Candidates Debate.");
        assert_eq!(
            n[0],
            (
                "Dunmore Dock Workers Union".into(),
                EntityKind::Organization,
                None
            )
        );
        assert!(n.iter().all(|c| c.0 != "Debate"), "{n:?}");
    }

    /// Rule `and_inside_body_name` (the audit's E3).
    #[test]
    fn and_inside_a_body_name_does_not_split_it() {
        let mut got = Vec::new();
        for sentence in [
            "Prices would rise before long, said regulators at the Food and Fuel Administration.",
            "Later, a warning came from the Centers for Harbor Control and Prevention on a quiet morning.",
            "Next, the bill goes to the Assembly Roads and Bridges Committee, which meets in the spring.",
            "Forecasters at the Lumford Centre for Tide Studies and Flood Defence repeated their warning on a windy day.",
            "The warning was written by Pam Lee and Ivan Marr of the harbour office.",
        ] {
            // (A sentence's first word is a name of its own when nothing is known around it.)
            let named = names(sentence).into_iter();
            got.extend(named.filter(|c| c.1 != EntityKind::Unknown || c.0.contains(' ')).map(|c| (c.0, c.1)));
        }
        let got: Vec<(&str, EntityKind)> = got.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        assert_eq!(
            got,
            [
                ("Food and Fuel Administration", EntityKind::Organization),
                (
                    "Centers for Harbor Control and Prevention",
                    EntityKind::Organization
                ),
                ("Assembly Roads and Bridges Committee", EntityKind::Organization),
                (
                    "Lumford Centre for Tide Studies and Flood Defence",
                    EntityKind::Organization
                ),
                ("Pam Lee", EntityKind::Person),
                ("Ivan Marr", EntityKind::Person),
            ]
        );
        // Two bodies, a body after a person and a body that is a role's stay apart.
        for sentence in [
            "The story ran in the Harbour Times and Dunmore Herald on the same day.",
            "Students at the University of Vermont and Tarnby College walked out of their classes.",
            "The plan was backed by Brannick and Harbour Board chairman Ivo Marr last week.",
            "The plan was welcomed by the Federal Reserve and Harbour Authority last week.",
        ] {
            let n = names(sentence);
            assert!(n.len() >= 2 && n.iter().all(|c| !c.0.contains(" and ")), "{n:?}");
        }
    }

    #[test]
    fn spaced_words_split_as_split_whitespace_does() {
        for s in [
            "",
            "  ",
            "one",
            " two  words ",
            "tab\tline\nfeed\x0bvertical\x0cform\rreturn",
            "no\u{a0}break\u{2003}em\u{85}next\u{3000}ideographic",
            "Zoë  Ødegaard\u{200b}zero-width ünïcode ",
        ] {
            let ours: Vec<&str> = spaced_words(s).collect();
            let std: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(ours, std, "{s:?}");
        }
    }
}
