//! The word lists and the unit table (`claims/data/*.tsv`), read once.

use std::collections::{HashMap as StdMap, HashSet as StdSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FNV-1a: the keys are short words, where SipHash's set-up cost dominates.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type HashMap<K, V> = StdMap<K, V, BuildHasherDefault<Fnv>>;
type HashSet<K> = StdSet<K, BuildHasherDefault<Fnv>>;

use super::super::quantity::{Dimension, Qualifier};

/// What a number word is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WordClass {
    Unit(f64),
    Teen(f64),
    Tens(f64),
    Hundred,
    Scale(f64),
    Dozen,
    Ordinal(f64),
    /// A plural denominator ("thirds").
    Fraction(f64),
    Half,
    Quarter,
    /// A plural scale word standing alone ("hundreds").
    Vague(f64),
    /// A plural scale word that counts only before "of" and a noun ("scores of protesters";
    /// "test scores" and "scores of 80 and 90" are no count).
    VagueOf(f64),
    Sign,
}

/// A qualifying phrase as the table gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Qual {
    Is(Qualifier),
    /// "equal to 20": an interval of one point.
    Equal,
    /// "… or equal": makes the comparison before it inclusive.
    OrEqual,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Place {
    Pre,
    Post,
    Both,
}

impl Place {
    pub(crate) fn pre(self) -> bool {
        matches!(self, Place::Pre | Place::Both)
    }
    pub(crate) fn post(self) -> bool {
        matches!(self, Place::Post | Place::Both)
    }
}

/// One row of the unit table.
#[derive(Debug, Clone)]
pub(crate) struct UnitEntry {
    pub surface: &'static str,
    pub canonical: &'static str,
    pub dimension: Dimension,
    pub place: Place,
    /// A scale the unit carries ("MUSD": millions of US dollars), 1 for most.
    pub scale: f64,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Marker {
    AgeAfter,
    AgeBefore,
    /// "Figure 3": the number after it names a thing.
    Label,
    /// "Figures 3 and 4": each number of a list or span after it names one.
    Labels,
    /// "on day 14": a label only where the number ends the phrase.
    LabelEnd,
    /// "December 16": the day of a date.
    Month,
    Several,
}

impl Marker {
    pub(crate) fn is_label(self) -> bool {
        matches!(self, Marker::Label | Marker::Labels | Marker::LabelEnd)
    }
}

pub(crate) struct Lexicon {
    pub words: HashMap<&'static str, WordClass>,
    /// Scale abbreviations ("bn", "mln"), which only follow a number.
    pub short_scales: HashSet<&'static str>,
    /// Qualifiers before the number, by their words joined with one space.
    pub quals_before: HashMap<String, Qual>,
    pub quals_after: HashMap<String, Qual>,
    /// Longest qualifier, in tokens.
    pub qual_len: usize,
    /// Units matched word by word (lowercase, words joined with one space).
    pub word_units: HashMap<String, UnitEntry>,
    pub word_unit_len: usize,
    /// Units matched on the characters, longest first.
    pub sym_units: Vec<UnitEntry>,
    pub markers: HashMap<String, Marker>,
    pub marker_len: usize,
    /// Symbol units by their first character (indexes into `sym_units`).
    pub sym_by_first: HashMap<char, Vec<usize>>,
    /// Every first word of a qualifier, word unit or marker phrase: a token that is none of
    /// these starts none of them.
    pub first_words: HashSet<String>,
    /// Every proper prefix (in whole words) of those phrases: reading stops when the words
    /// read so far are none.
    pub prefixes: HashSet<String>,
}

const NUMBER_WORDS: &str = include_str!("../data/number_words.tsv");
const QUALIFIERS: &str = include_str!("../data/qualifiers.tsv");
const UNITS: &str = include_str!("../data/units.tsv");
const MARKERS: &str = include_str!("../data/markers.tsv");

fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Tokens of a phrase as the tokenizer would give them, joined with one space.
pub(crate) fn phrase_key(phrase: &str) -> String {
    let toks = super::tokens::Tokens::new(phrase);
    let mut key = String::new();
    for i in 0..toks.len() {
        if i > 0 {
            key.push(' ');
        }
        key.push_str(toks.lower(i));
    }
    key
}

fn word_class(value: f64, class: &str) -> WordClass {
    match class {
        "unit" => WordClass::Unit(value),
        "teen" => WordClass::Teen(value),
        "tens" => WordClass::Tens(value),
        "hundred" => WordClass::Hundred,
        "scale" | "scale_short" => WordClass::Scale(value),
        "dozen" => WordClass::Dozen,
        "ordinal" => WordClass::Ordinal(value),
        "fraction" => WordClass::Fraction(value),
        "half" => WordClass::Half,
        "quarter" => WordClass::Quarter,
        "vague" => WordClass::Vague(value),
        "vague_of" => WordClass::VagueOf(value),
        "sign" => WordClass::Sign,
        other => panic!("number_words.tsv: unknown class {other}"),
    }
}

fn qual(name: &str) -> Qual {
    match name {
        "about" => Qual::Is(Qualifier::About),
        "more_than" => Qual::Is(Qualifier::MoreThan),
        "at_least" => Qual::Is(Qualifier::AtLeast),
        "less_than" => Qual::Is(Qualifier::LessThan),
        "at_most" => Qual::Is(Qualifier::AtMost),
        "up_to" => Qual::Is(Qualifier::UpTo),
        "nearly" => Qual::Is(Qualifier::Nearly),
        "equal" => Qual::Equal,
        "or_equal" => Qual::OrEqual,
        other => panic!("qualifiers.tsv: unknown qualifier {other}"),
    }
}

pub(crate) fn dimension(name: &str) -> Dimension {
    match name {
        "percent" => Dimension::Percent,
        "currency" => Dimension::Currency,
        "length" => Dimension::Length,
        "area" => Dimension::Area,
        "volume" => Dimension::Volume,
        "mass" => Dimension::Mass,
        "speed" => Dimension::Speed,
        "temperature" => Dimension::Temperature,
        "energy" => Dimension::Energy,
        "power" => Dimension::Power,
        "pressure" => Dimension::Pressure,
        "information" => Dimension::Information,
        "time" => Dimension::Time,
        "other" => Dimension::Other,
        other => panic!("units.tsv: unknown dimension {other}"),
    }
}

fn place(name: &str) -> Place {
    match name {
        "pre" => Place::Pre,
        "post" => Place::Post,
        "both" => Place::Both,
        other => panic!("units.tsv: unknown place {other}"),
    }
}

fn marker(name: &str) -> Marker {
    match name {
        "age_after" => Marker::AgeAfter,
        "age_before" => Marker::AgeBefore,
        "label" => Marker::Label,
        "labels" => Marker::Labels,
        "label_end" => Marker::LabelEnd,
        "month" => Marker::Month,
        "several" => Marker::Several,
        other => panic!("markers.tsv: unknown role {other}"),
    }
}

fn build() -> Lexicon {
    let mut words = HashMap::default();
    let mut short_scales = HashSet::default();
    for r in rows(NUMBER_WORDS) {
        let value: f64 = r[1].parse().expect("number_words.tsv: value");
        words.insert(r[0], word_class(value, r[2]));
        if r[2] == "scale_short" {
            short_scales.insert(r[0]);
        }
    }
    let (mut quals_before, mut quals_after, mut qual_len) = (HashMap::default(), HashMap::default(), 0);
    for r in rows(QUALIFIERS) {
        let key = phrase_key(r[0]);
        qual_len = qual_len.max(key.split(' ').count());
        let map = if r[2] == "after" {
            &mut quals_after
        } else {
            &mut quals_before
        };
        map.insert(key, qual(r[1]));
    }
    let (mut word_units, mut sym_units, mut word_unit_len) = (HashMap::default(), Vec::new(), 0);
    for r in rows(UNITS) {
        let entry = UnitEntry {
            surface: r[0],
            canonical: r[1],
            dimension: dimension(r[2]),
            place: place(r[4]),
            scale: r.get(5).map_or(1.0, |x| x.parse().expect("units.tsv: scale")),
        };
        if r[3] == "word" {
            let key = phrase_key(r[0]);
            word_unit_len = word_unit_len.max(key.split(' ').count());
            word_units.insert(key, entry);
        } else {
            sym_units.push(entry);
        }
    }
    sym_units.sort_by_key(|e| std::cmp::Reverse(e.surface.len()));
    let mut sym_by_first: HashMap<char, Vec<usize>> = HashMap::default();
    for (k, e) in sym_units.iter().enumerate() {
        if let Some(c) = e.surface.chars().next() {
            sym_by_first.entry(c).or_default().push(k);
            // "c $ 16": letter prefixes of a dollar sign match either case
            if e.surface.ends_with('$') {
                for alt in c.to_lowercase().chain(c.to_uppercase()) {
                    if alt != c {
                        sym_by_first.entry(alt).or_default().push(k);
                    }
                }
            }
        }
    }
    let (mut markers, mut marker_len) = (HashMap::default(), 0);
    for r in rows(MARKERS) {
        let key = phrase_key(r[0]);
        marker_len = marker_len.max(key.split(' ').count());
        markers.insert(key, marker(r[1]));
    }
    let mut first_words = HashSet::default();
    let mut prefixes = HashSet::default();
    for k in quals_before
        .keys()
        .chain(quals_after.keys())
        .chain(word_units.keys())
        .chain(markers.keys())
    {
        let words: Vec<&str> = k.split(' ').collect();
        first_words.insert(words[0].to_string());
        for n in 1..words.len() {
            prefixes.insert(words[..n].join(" "));
        }
    }
    Lexicon {
        short_scales,
        first_words,
        prefixes,
        sym_by_first,
        words,
        quals_before,
        quals_after,
        qual_len,
        word_units,
        word_unit_len,
        sym_units,
        markers,
        marker_len,
    }
}

pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

/// The canonical unit a unit's written form stands for, through the unit table (for
/// comparing units written differently: "kilometres" and "km"). A symbol listed both
/// before and after numbers is read as it stands after one ("Rp" alone is a planet's
/// radius; before a number, rupiah).
pub(crate) fn canonical_unit(written: &str) -> Option<(&'static str, Dimension)> {
    let lex = lexicon();
    if let Some(e) = lex.word_units.get(&phrase_key(written)) {
        return Some((e.canonical, e.dimension));
    }
    let w = written.trim();
    let mut same = lex.sym_units.iter().filter(|e| e.surface == w);
    let first = same.clone().next()?;
    let e = same.find(|e| e.place.post()).unwrap_or(first);
    Some((e.canonical, e.dimension))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unique(data: &str, key: impl Fn(&[&str]) -> String) {
        let mut seen = StdSet::new();
        for r in data
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        {
            let cols: Vec<&str> = r.split('\t').collect();
            assert!(seen.insert(key(&cols)), "duplicate entry: {r}");
        }
    }

    #[test]
    fn data_files_parse_and_entries_are_unique() {
        let lex = lexicon();
        assert!(lex.words.len() > 100);
        assert!(lex.sym_units.len() > 100 && lex.word_units.len() > 100);
        unique(NUMBER_WORDS, |c| c[0].to_string());
        unique(QUALIFIERS, |c| format!("{} {}", c[0], c[2]));
        unique(MARKERS, |c| c[0].to_string());
        // A symbol may be listed once before and once after the number ("Rp16,250" is
        // rupiah, "1.4 Rp" a planet's radius), never twice for one side: a "both" row
        // counts for either.
        unique(UNITS, |c| {
            if c[3] == "word" {
                phrase_key(c[0])
            } else {
                c[0].to_string() + " " + c[4]
            }
        });
        let mut sides: HashMap<&str, Vec<&str>> = HashMap::default();
        for r in rows(UNITS).filter(|r| r[3] != "word") {
            sides.entry(r[0]).or_default().push(r[4]);
        }
        for (surface, places) in sides {
            let pre = places.iter().filter(|p| matches!(**p, "pre" | "both")).count();
            let post = places.iter().filter(|p| matches!(**p, "post" | "both")).count();
            assert!(
                pre <= 1 && post <= 1,
                "units.tsv: {surface} listed twice for one side"
            );
        }
        for r in rows(UNITS) {
            assert!(r.len() == 5 || r.len() == 6, "units.tsv row {r:?}");
        }
    }

    #[test]
    fn written_units_normalise_through_the_table() {
        assert_eq!(canonical_unit("kilometres").map(|u| u.0), Some("km"));
        assert_eq!(canonical_unit("km").map(|u| u.0), Some("km"));
        assert_eq!(canonical_unit("per cent").map(|u| u.0), Some("percent"));
        assert_eq!(canonical_unit("zorbs"), None);
    }
}
