//! The features one article brings to the story clustering: its content terms (body and
//! title), the entities it names, the days it was published and reports, its outlet, and
//! whether it is a copy of another article.
//!
//! A [`StoryDoc`] is made from an [`Article`] record ([`StoryDoc::from_article`]) or from
//! parts (the store, whose entities carry corpus-wide ids, uses [`StoryDoc::new`] with
//! [`EntityKey::of_id`]).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::terms::{Analyzer, Term, TermCounts};
use crate::article::Article;
use crate::entities::MentionKind;
use crate::time::DateRule;

/// A calendar day, as the number of days since 1970-01-01: days subtract to distances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Day(pub i32);

impl Day {
    const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");

    pub fn of(date: NaiveDate) -> Day {
        Day((date - Self::EPOCH).num_days() as i32)
    }

    pub fn date(self) -> NaiveDate {
        Self::EPOCH + chrono::Duration::days(i64::from(self.0))
    }

    /// Days from `other` to `self` (negative when `self` is earlier).
    pub fn minus(self, other: Day) -> i32 {
        self.0 - other.0
    }

    pub fn plus(self, days: i32) -> Day {
        Day(self.0 + days)
    }
}

impl std::fmt::Display for Day {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.date().format("%Y-%m-%d"))
    }
}

/// An entity as a term of its own space: the hash of a canonical name or of a corpus-wide
/// id, salted so that it never equals a word's [`Term`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityKey(pub Term);

impl EntityKey {
    /// The key of a name as one article writes it: lower case, a leading "the" dropped,
    /// spaces collapsed ("The Coast Guard" and "coast guard" are one key). The kind is
    /// left out: articles disagree on it more often than on the name.
    pub fn of_name(name: &str) -> EntityKey {
        let lower = name.to_lowercase();
        let mut words = lower.split_whitespace().peekable();
        if words.peek() == Some(&"the") {
            words.next();
        }
        let canon: Vec<&str> = words.collect();
        Self::salted("name", &canon.join(" "))
    }

    /// The key of an entity of the store's directory, by its id.
    pub fn of_id(id: &str) -> EntityKey {
        Self::salted("id", id)
    }

    fn salted(space: &str, s: &str) -> EntityKey {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        h.update(b"entity\0");
        h.update(space.as_bytes());
        h.update(b"\0");
        h.update(s.as_bytes());
        EntityKey(Term(h.digest()))
    }
}

/// What the clustering knows of one article (serialised to wait in the store for the
/// end of the run that added it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryDoc {
    /// The article's id.
    pub id: String,
    /// The publication day (when no date was found: the latest day it reports).
    pub published: Option<Day>,
    pub outlet: Option<String>,
    /// The id of the article this one copies: it joins that article's event and adds
    /// nothing to any centroid.
    pub duplicate_of: Option<String>,
    pub title: TermCounts,
    pub body: TermCounts,
    /// Entity keys with their number of mentions.
    pub entities: TermCounts,
    /// The distinct days its sentences report by an expression of their own (sorted).
    pub reported: Vec<Day>,
}

/// Reported dates further than this from the publication day are background (an
/// anniversary, a past trial), not the happening the article covers.
const REPORTED_REACH_DAYS: i32 = 45;

impl StoryDoc {
    /// Builds the features from parts: `entities` as (key, mentions).
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        analyzer: &Analyzer,
        id: String,
        published: Option<Day>,
        outlet: Option<String>,
        duplicate_of: Option<String>,
        title: &str,
        body: &str,
        entities: impl IntoIterator<Item = (EntityKey, u32)>,
        reported: impl IntoIterator<Item = Day>,
    ) -> StoryDoc {
        let mut ents: Vec<Term> = Vec::new();
        for (k, n) in entities {
            ents.extend(std::iter::repeat_n(k.0, n as usize));
        }
        let mut reported: Vec<Day> = reported.into_iter().collect();
        reported.sort_unstable();
        reported.dedup();
        let published = published.or_else(|| reported.last().copied());
        if let Some(p) = published {
            reported.retain(|d| d.minus(p).abs() <= REPORTED_REACH_DAYS && *d != p);
        }
        StoryDoc {
            id,
            published,
            outlet,
            duplicate_of,
            title: analyzer.counts(title),
            body: analyzer.counts(body),
            entities: TermCounts::from_terms(ents),
            reported,
        }
    }

    /// The features of an analysed article: entities keyed by name, mentions counted
    /// (names, and pronouns or role nouns resolved to them), and the days of sentences
    /// dated by an expression of their own or a span from one. The body terms include
    /// the headline and subtitle: they say what the story is about in the fewest words.
    pub fn from_article(a: &Article, analyzer: &Analyzer) -> StoryDoc {
        let entities = a.entities.iter().map(|e| {
            let names = e.mentions.iter().filter(|m| m.kind == MentionKind::Name).count();
            (EntityKey::of_name(&e.name), names.max(1) as u32)
        });
        let reported = a
            .sentence_dates
            .iter()
            .filter(|s| matches!(s.rule, DateRule::Expression | DateRule::Shifted))
            .filter_map(|s| s.value.day())
            .map(Day::of);
        let body = [a.title.as_deref(), a.subtitle.as_deref(), Some(a.text.as_str())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join("\n\n");
        StoryDoc::new(
            analyzer,
            a.id.clone(),
            a.published.as_ref().map(|p| Day::of(p.date())),
            a.outlet.clone(),
            a.duplicate_of.clone(),
            a.title.as_deref().unwrap_or_default(),
            &body,
            entities.collect::<Vec<_>>(),
            reported.collect::<Vec<_>>(),
        )
    }

    /// The days the article is about: its publication day and the days it reports.
    pub fn days(&self) -> impl Iterator<Item = Day> + '_ {
        self.published.into_iter().chain(self.reported.iter().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_round_trip_and_subtract() {
        let d = NaiveDate::from_ymd_opt(2031, 3, 9).unwrap();
        assert_eq!(Day::of(d).date(), d);
        let e = NaiveDate::from_ymd_opt(2031, 2, 27).unwrap();
        assert_eq!(Day::of(d).minus(Day::of(e)), 10);
        assert_eq!(Day::of(d).to_string(), "2031-03-09");
    }

    #[test]
    fn entity_keys_ignore_case_and_a_leading_article_but_not_the_space() {
        assert_eq!(
            EntityKey::of_name("The Harbour Board"),
            EntityKey::of_name("harbour  board")
        );
        assert_ne!(EntityKey::of_name("Harbour Board"), EntityKey::of_name("Harbour"));
        assert_ne!(EntityKey::of_name("e1"), EntityKey::of_id("e1"));
        assert_ne!(EntityKey::of_name("harbour").0, Term::of_stem("harbour"));
    }

    #[test]
    fn far_reported_days_are_background_and_a_missing_date_falls_back() {
        let a = Analyzer::default();
        let day = |n| Day(20_000 + n);
        let doc = StoryDoc::new(
            &a,
            "x".into(),
            Some(day(0)),
            None,
            None,
            "",
            "ferry strike",
            [],
            [day(-2), day(0), day(-400), day(-2)],
        );
        assert_eq!(doc.reported, vec![day(-2)]);
        assert_eq!(doc.days().collect::<Vec<_>>(), vec![day(0), day(-2)]);
        let undated = StoryDoc::new(&a, "y".into(), None, None, None, "", "", [], [day(3), day(1)]);
        assert_eq!(undated.published, Some(day(3)));
    }
}
