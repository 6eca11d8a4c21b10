//! Reading: articles, quotes, entities, outlets, duplicate groups, full-text search.
//! Every query reads stored rows; nothing is analysed again.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

use super::Store;
use crate::article::{Article, PubDate};
use crate::corpus::directory::{self, GlobalEntity};
use crate::corpus::DuplicateKind;
use crate::entities::EntityKind;
use crate::error::{Error, Stage};
use crate::ingest::Failure;
use crate::quotes::QuoteKind;

/// One stored quote, for listings.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteRow {
    pub article: String,
    pub outlet: Option<String>,
    /// A date or a date-time with its zone (ISO 8601).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub published: Option<PubDate>,
    pub duplicate_of: Option<String>,
    /// Corpus-wide entity id of the speaker, when resolved.
    pub speaker_id: Option<String>,
    /// The speaker's name (the entity's, else as written), `None` when unknown.
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub kind: QuoteKind,
    pub partial: bool,
    /// The quote's text (parts joined with " … ").
    pub text: String,
    /// The date of the statement (its sentence's date), when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub said: Option<crate::time::TimeValue>,
}

/// Which quotes to list.
#[derive(Debug, Clone, Default)]
pub struct QuoteFilter<'a> {
    /// An entity id (old ids redirect), or words of a speaker's name (any case).
    pub speaker: Option<&'a str>,
    /// An article id or a duplicate group's representative (its copies included).
    pub story: Option<&'a str>,
    /// Include partial quotes.
    pub partial: bool,
}

/// A light article row for listings.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleRow {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<PubDate>,
    pub url: Option<String>,
    pub duplicate_of: Option<String>,
}

/// A full-text match.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SearchHit {
    /// The article the match is in.
    pub article: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub published: Option<PubDate>,
    /// The matching passage, matches in `[…]`.
    pub snippet: String,
}

/// Articles per outlet in the store.
#[derive(Debug, Clone, Serialize)]
pub struct OutletCount {
    pub outlet: Option<String>,
    pub articles: usize,
    /// How many of them are copies of another article.
    pub copies: usize,
}

/// A duplicate group: the representative and its copies.
#[derive(Debug, Clone, Serialize)]
pub struct DupGroup {
    pub representative: GroupMember,
    pub copies: Vec<GroupMember>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GroupMember {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<PubDate>,
    pub title: Option<String>,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<DuplicateKind>,
}

fn pubdate(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<PubDate>> {
    Ok(r.get::<_, Option<String>>(i)?.and_then(|s| s.parse().ok()))
}

fn dup_kind(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<DuplicateKind>> {
    Ok(r.get::<_, Option<String>>(i)?
        .as_deref()
        .and_then(DuplicateKind::parse))
}

/// An article read back is shown under its site's name (the row's outlet), not the name
/// its record was analysed with ([`crate::corpus::sites`]).
fn shown_under(a: &mut Article, outlet: Option<String>) {
    if let Some(name) = outlet {
        crate::corpus::sites::show_as(a, &name, true);
    }
}

impl Store {
    /// Every stored article as readers see it (template lines dropped, duplicate fields
    /// set), oldest first.
    pub fn articles(&self) -> Result<Vec<Article>, Error> {
        let mut st = self.conn.prepare(
            "SELECT coalesce(b.view, b.doc), a.duplicate_of, a.duplicate_kind, a.outlet
             FROM articles a JOIN bodies b ON b.n = a.n
             ORDER BY a.day IS NULL, a.day, a.published, a.id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get(1)?, dup_kind(r, 2)?, r.get(3)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (doc, duplicate_of, duplicate_kind, outlet) = row?;
            let mut a: Article = serde_json::from_str(&doc)?;
            a.duplicate_of = duplicate_of;
            a.duplicate_kind = duplicate_kind;
            shown_under(&mut a, outlet);
            out.push(a);
        }
        Ok(out)
    }

    /// One article by id.
    pub fn article(&self, id: &str) -> Result<Option<Article>, Error> {
        let row = self
            .conn
            .query_row(
                "SELECT coalesce(b.view, b.doc), a.duplicate_of, a.duplicate_kind, a.outlet
                 FROM articles a JOIN bodies b ON b.n = a.n WHERE a.id = ?1",
                [id],
                |r| Ok((r.get::<_, String>(0)?, r.get(1)?, dup_kind(r, 2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((doc, duplicate_of, duplicate_kind, outlet)) = row else {
            return Ok(None);
        };
        let mut a: Article = serde_json::from_str(&doc)?;
        a.duplicate_of = duplicate_of;
        a.duplicate_kind = duplicate_kind;
        shown_under(&mut a, outlet);
        Ok(Some(a))
    }

    /// Articles of an outlet published between two days (inclusive), newest first.
    pub fn articles_of_outlet(
        &self,
        outlet: &str,
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
        limit: usize,
    ) -> Result<Vec<ArticleRow>, Error> {
        let mut st = self.conn.prepare_cached(
            "SELECT id, title, outlet, published, url, duplicate_of FROM articles
             WHERE outlet = ?1 AND day BETWEEN ?2 AND ?3 ORDER BY day DESC, id LIMIT ?4",
        )?;
        let rows = st.query_map(
            params![outlet, from.to_string(), to.to_string(), limit as i64],
            |r| {
                Ok(ArticleRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    outlet: r.get(2)?,
                    published: pubdate(r, 3)?,
                    url: r.get(4)?,
                    duplicate_of: r.get(5)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The corpus-wide entities an article names: (article-local id, entity id).
    pub fn entities_of_article(&self, id: &str) -> Result<Vec<(String, String)>, Error> {
        let mut st = self.conn.prepare_cached(
            "SELECT m.local, e.id FROM entity_members m JOIN entities e ON e.n = m.entity
             WHERE m.article = (SELECT n FROM articles WHERE id = ?1) ORDER BY m.local",
        )?;
        let rows = st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The latest publication day in the store.
    pub fn last_day(&self) -> Result<Option<chrono::NaiveDate>, Error> {
        let day: Option<String> = self
            .conn
            .query_row("SELECT max(day) FROM articles", [], |r| r.get(0))?;
        Ok(day.and_then(|d| d.parse().ok()))
    }

    /// The entity an id names now (following redirects left by renames).
    pub fn resolve_entity(&self, id: &str) -> Result<Option<String>, Error> {
        let now: Option<String> = self
            .conn
            .query_row("SELECT new FROM entity_redirects WHERE old = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        let id = now.as_deref().unwrap_or(id);
        Ok(self
            .conn
            .query_row("SELECT id FROM entities WHERE id = ?1", [id], |r| r.get(0))
            .optional()?)
    }

    /// A corpus-wide entity's name (the fullest seen), by its current id.
    pub fn entity_name(&self, id: &str) -> Result<Option<String>, Error> {
        Ok(self
            .conn
            .prepare_cached("SELECT name FROM entities WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?)
    }

    /// The articles an input file gave, in the order of its items (an item whose text
    /// the store already had gives that article). `path` as the run stamped it: the
    /// file's canonical path.
    pub fn articles_of_input(&self, path: &str) -> Result<Vec<String>, Error> {
        let mut st = self.conn.prepare_cached(
            "SELECT article_id FROM sources WHERE path = ?1 AND article_id IS NOT NULL ORDER BY rowid",
        )?;
        let rows = st.query_map([path], |r| r.get::<_, String>(0))?;
        let mut seen = std::collections::HashSet::new();
        let mut out: Vec<String> = Vec::new();
        for id in rows {
            let id = id?;
            if seen.insert(id.clone()) {
                out.push(id);
            }
        }
        Ok(out)
    }

    /// Quotes by one entity, newest first (by publication day), at most `limit`.
    pub fn quotes_by_entity(&self, id: &str, limit: usize) -> Result<Vec<QuoteRow>, Error> {
        let Some(id) = self.resolve_entity(id)? else {
            return Ok(Vec::new());
        };
        let mut st = self.conn.prepare_cached(&format!(
            "{QUOTE_SELECT} WHERE q.speaker = (SELECT n FROM entities WHERE id = ?1) AND q.partial = 0
             ORDER BY q.day DESC, q.n DESC LIMIT ?2"
        ))?;
        let rows = st.query_map(params![id, limit as i64], quote_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Stored quotes, grouped by speaker (most quoted first), then by date.
    pub fn quotes(&self, filter: &QuoteFilter<'_>) -> Result<Vec<QuoteRow>, Error> {
        let mut rows: Vec<QuoteRow> = {
            let mut st = self.conn.prepare(&format!(
                "{QUOTE_SELECT} WHERE (?1 OR q.partial = 0)
                   AND (?2 IS NULL OR a.id = ?2 OR a.duplicate_of = ?2)"
            ))?;
            let mapped = st.query_map(params![filter.partial, filter.story], quote_row)?;
            mapped.collect::<Result<_, _>>()?
        };
        if let Some(needle) = filter.speaker {
            let wanted = self.speakers_matching(needle)?;
            let needle = needle.to_lowercase();
            rows.retain(|q| match &q.speaker_id {
                Some(id) => wanted.contains_key(id),
                None => q.speaker.as_deref().is_some_and(|s| names_match(s, &needle)),
            });
        }
        let rank: HashMap<String, i64> = self
            .conn
            .prepare("SELECT id, quotes FROM entities")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let rank_of = |q: &QuoteRow| {
            q.speaker_id
                .as_ref()
                .and_then(|i| rank.get(i))
                .copied()
                .unwrap_or(0)
        };
        rows.sort_by(|x, y| {
            rank_of(y)
                .cmp(&rank_of(x))
                .then(x.speaker_id.is_none().cmp(&y.speaker_id.is_none()))
                .then(x.speaker.cmp(&y.speaker))
                .then(x.published.cmp(&y.published))
                .then(x.article.cmp(&y.article))
        });
        Ok(rows)
    }

    /// Entities whose id (or old id) is `needle`, or whose name or a name variant holds
    /// its words.
    fn speakers_matching(&self, needle: &str) -> Result<HashMap<String, ()>, Error> {
        let mut out = HashMap::new();
        if let Some(id) = self.resolve_entity(needle)? {
            out.insert(id, ());
            return Ok(out);
        }
        let lower = needle.to_lowercase();
        let mut st = self
            .conn
            .prepare("SELECT e.id, n.name FROM entities e JOIN entity_names n ON n.entity = e.n")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, name) = row?;
            if names_match(&name, &lower) {
                out.insert(id, ());
            }
        }
        Ok(out)
    }

    /// The corpus-wide entities, most quoted first.
    pub fn entities(&self) -> Result<Vec<GlobalEntity>, Error> {
        self.entities_where(None)
    }

    /// One corpus-wide entity by its id, or by an old id that redirects to it.
    pub fn entity(&self, id: &str) -> Result<Option<GlobalEntity>, Error> {
        let Some(id) = self.resolve_entity(id)? else {
            return Ok(None);
        };
        Ok(self.entities_where(Some(&id))?.into_iter().next())
    }

    /// Every entity named in some article (or only the one with id `only`), most quoted
    /// first, with its names and roles.
    fn entities_where(&self, only: Option<&str>) -> Result<Vec<GlobalEntity>, Error> {
        let only_n: Option<i64> = match only {
            Some(id) => {
                let n = self
                    .conn
                    .query_row("SELECT n FROM entities WHERE id = ?1", [id], |r| r.get(0))
                    .optional()?;
                if n.is_none() {
                    return Ok(Vec::new());
                }
                n
            }
            None => None,
        };
        let mut names: HashMap<i64, Vec<(String, usize)>> = HashMap::new();
        for row in self
            .conn
            .prepare_cached(
                "SELECT entity, name, count FROM entity_names WHERE count > 0 AND (?1 IS NULL OR entity = ?1)",
            )?
            .query_map([only_n], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as usize)))?
        {
            let (e, name, count) = row?;
            names.entry(e).or_default().push((name, count));
        }
        let mut roles: HashMap<i64, Vec<(String, usize)>> = HashMap::new();
        for row in self
            .conn
            .prepare_cached(
                "SELECT entity, role, count FROM entity_roles WHERE count > 0 AND (?1 IS NULL OR entity = ?1)",
            )?
            .query_map([only_n], |r| Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as usize)))?
        {
            let (e, role, count) = row?;
            roles.entry(e).or_default().push((role, count));
        }
        let mut st = self.conn.prepare_cached(
            "SELECT n, id, kind, name, articles, quotes FROM entities
             WHERE articles > 0 AND (?1 IS NULL OR n = ?1)
             ORDER BY quotes DESC, articles DESC, id",
        )?;
        let rows = st.query_map([only_n], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, i64>(4)?,
                r.get::<_, i64>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (n, id, kind, name, articles, quotes) = row?;
            let mut aliases = names.remove(&n).unwrap_or_default();
            directory::sort_names(&mut aliases);
            let mut rs = roles.remove(&n).unwrap_or_default();
            directory::sort_roles(&mut rs);
            out.push(GlobalEntity {
                id,
                kind: serde_json::from_value::<EntityKind>(serde_json::Value::String(kind))?,
                aliases: aliases.into_iter().map(|a| a.0).filter(|a| *a != name).collect(),
                name,
                roles: rs.into_iter().map(|r| r.0).collect(),
                articles: articles as usize,
                quotes: quotes as usize,
            });
        }
        Ok(out)
    }

    /// Full-text search over articles (title and text): those whose title holds every
    /// word first, then those whose text does, newest first in each: two index walks
    /// that stop at `limit`, whatever the store's size.
    pub fn search_articles(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>, Error> {
        let query = fts_query(query);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let best = self.ranked_matches("articles_fts", "title", &query, limit)?;
        let mut st = self.conn.prepare_cached(
            "SELECT a.id, a.title, a.outlet, a.published, snippet(articles_fts, 1, '[', ']', '…', 16)
             FROM articles_fts JOIN articles a ON a.n = articles_fts.rowid
             WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2",
        )?;
        let mut out = Vec::with_capacity(best.len());
        for n in best {
            out.extend(
                st.query_row(params![query, n], |r| {
                    Ok(SearchHit {
                        article: r.get(0)?,
                        title: r.get(1)?,
                        outlet: r.get(2)?,
                        published: pubdate(r, 3)?,
                        snippet: r.get(4)?,
                    })
                })
                .optional()?,
            );
        }
        Ok(out)
    }

    /// Full-text search over quotes (their text and speaker): those whose speaker's name
    /// holds every word first, then the others, newest first in each.
    pub fn search_quotes(&self, query: &str, limit: usize) -> Result<Vec<QuoteRow>, Error> {
        let query = fts_query(query);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let best = self.ranked_matches("quotes_fts", "speaker_name", &query, limit)?;
        let mut st = self
            .conn
            .prepare_cached(&format!("{QUOTE_SELECT} WHERE q.n = ?1"))?;
        let mut out = Vec::with_capacity(best.len());
        for n in best {
            out.extend(st.query_row([n], quote_row).optional()?);
        }
        Ok(out)
    }

    /// The rowids of `table`'s first `limit` matches of `query`: those where `first` (a
    /// column) holds every word, then the others, newest (highest rowid) first in each.
    /// Two index walks that stop at `limit`, whatever the store's size: BM25 would count
    /// every match of each word first (tens of milliseconds for a common word in 100,000
    /// articles), and with the column-only index its scores say little more than which
    /// column matched.
    fn ranked_matches(&self, table: &str, first: &str, query: &str, limit: usize) -> Result<Vec<i64>, Error> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid DESC LIMIT ?2"
        ))?;
        let mut out: Vec<i64> = Vec::with_capacity(limit);
        for q in [format!("{first} : ({query})"), query.to_string()] {
            let want = (limit + out.len()) as i64;
            let rows: Vec<i64> = st
                .query_map(params![q, want], |r| r.get(0))?
                .collect::<Result<_, _>>()?;
            for n in rows {
                if out.len() == limit {
                    break;
                }
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
        Ok(out)
    }

    /// Failures still standing (items that never succeeded since).
    pub fn failures(&self) -> Result<Vec<Failure>, Error> {
        let mut st = self
            .conn
            .prepare("SELECT source, stage, reason FROM failures ORDER BY source")?;
        let rows = st.query_map([], |r| {
            let stage: String = r.get(1)?;
            Ok(Failure {
                source: r.get(0)?,
                stage: serde_json::from_value(serde_json::Value::String(stage)).unwrap_or(Stage::Ingest),
                reason: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    pub fn outlet_counts(&self) -> Result<Vec<OutletCount>, Error> {
        let mut st = self.conn.prepare(
            "SELECT outlet, count(*), count(duplicate_of) FROM articles GROUP BY outlet ORDER BY count(*) DESC, outlet",
        )?;
        let rows = st.query_map([], |r| {
            Ok(OutletCount {
                outlet: r.get(0)?,
                articles: r.get::<_, i64>(1)? as usize,
                copies: r.get::<_, i64>(2)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Duplicate groups, largest first: all of them, or (`run`) those a run added to.
    pub fn duplicate_groups(&self, run: Option<i64>) -> Result<Vec<DupGroup>, Error> {
        let member = |r: &Row<'_>| -> rusqlite::Result<GroupMember> {
            Ok(GroupMember {
                id: r.get(0)?,
                outlet: r.get(1)?,
                published: pubdate(r, 2)?,
                title: r.get(3)?,
                source: r.get(4)?,
                kind: dup_kind(r, 5)?,
            })
        };
        // The representatives: every one, or those of the groups the run's articles are in.
        let reps: Vec<String> = match run {
            None => {
                let mut st = self
                    .conn
                    .prepare("SELECT DISTINCT duplicate_of FROM articles WHERE duplicate_of IS NOT NULL")?;
                let rows = st.query_map([], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            }
            Some(run) => {
                let mut st = self.conn.prepare(
                    "SELECT DISTINCT coalesce(a.duplicate_of, a.id) FROM articles a WHERE a.run_id = ?1
                       AND (a.duplicate_of IS NOT NULL
                            OR EXISTS (SELECT 1 FROM articles c WHERE c.duplicate_of = a.id))",
                )?;
                let rows = st.query_map([run], |r| r.get(0))?;
                rows.collect::<Result<_, _>>()?
            }
        };
        let mut rep_st = self.conn.prepare_cached(
            "SELECT id, outlet, published, title, source, NULL FROM articles WHERE id = ?1",
        )?;
        let mut copies_st = self.conn.prepare_cached(
            "SELECT id, outlet, published, title, source, duplicate_kind FROM articles
             WHERE duplicate_of = ?1 ORDER BY day IS NULL, day, published, id",
        )?;
        let mut groups = Vec::with_capacity(reps.len());
        for rep in reps {
            let representative = rep_st.query_row([&rep], member)?;
            let copies = copies_st
                .query_map([&rep], member)?
                .collect::<Result<Vec<_>, _>>()?;
            groups.push(DupGroup {
                representative,
                copies,
            });
        }
        groups.sort_by(|a, b| {
            b.copies
                .len()
                .cmp(&a.copies.len())
                .then(a.representative.id.cmp(&b.representative.id))
        });
        Ok(groups)
    }
}

const QUOTE_SELECT: &str =
    "SELECT a.id, a.outlet, a.published, a.duplicate_of, e.id, coalesce(e.name, q.speaker_name),
        q.role, q.kind, q.partial, q.text, q.said
    FROM quotes q JOIN articles a ON a.n = q.article LEFT JOIN entities e ON e.n = q.speaker";

fn quote_row(r: &Row<'_>) -> rusqlite::Result<QuoteRow> {
    let kind: String = r.get(7)?;
    Ok(QuoteRow {
        article: r.get(0)?,
        outlet: r.get(1)?,
        published: pubdate(r, 2)?,
        duplicate_of: r.get(3)?,
        speaker_id: r.get(4)?,
        speaker: r.get(5)?,
        role: r.get(6)?,
        kind: if kind == "direct" {
            QuoteKind::Direct
        } else {
            QuoteKind::Reported
        },
        partial: r.get(8)?,
        text: r.get(9)?,
        said: r.get::<_, Option<String>>(10)?.and_then(|s| s.parse().ok()),
    })
}

/// A user's words as an FTS5 query: each word a quoted term (so that punctuation and
/// FTS5 operators in user input are text, not syntax), all of them required.
///
/// Words are split where the index's tokenizer splits them ([`token_char`]): a quoted term
/// that the tokenizer reads as two words is a phrase, which an index of `detail=column`
/// cannot answer. So "Norway's" is the term `Norway` (a possessive ending is no word to
/// require) and "O'Hara" is `O` and `Hara`; an Arabic or Devanagari word is split at its
/// vowel marks, as the index split it. The query is composed first (NFC), as text is, and
/// a Latin accent left apart is dropped, as the index drops it.
fn fts_query(q: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let q: String = q.nfc().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect();
    q.split_whitespace()
        .map(|w| {
            let w = w.trim_end_matches(|c: char| !token_char(c));
            ["'s", "’s", "'S", "’S"]
                .iter()
                .find_map(|end| w.strip_suffix(end))
                .unwrap_or(w)
        })
        .flat_map(|w| w.split(|c: char| !token_char(c)))
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the index's tokenizer (`unicode61`) keeps `c` inside a word: letters and
/// numbers, less combining marks and the few letter-like symbols whose general category
/// is not a letter (circled and squared letters, some vowel and tone signs), which it
/// reads as separators. The test `every_token_char_is_one_word_to_the_index` checks every
/// code point against the SQLite this is built with.
fn token_char(c: char) -> bool {
    const SEPARATORS: [(char, char); 5] = [
        ('\u{19b0}', '\u{19c0}'),
        ('\u{19c8}', '\u{19c9}'),
        ('\u{1cf2}', '\u{1cf3}'),
        ('\u{24b6}', '\u{24e9}'),
        ('\u{1f130}', '\u{1f189}'),
    ];
    c.is_alphanumeric()
        && !unicode_normalization::char::is_combining_mark(c)
        && !SEPARATORS.iter().any(|&(a, b)| (a..=b).contains(&c))
}

/// Whether `name` holds the words of `needle` (lower-cased) as whole words, in order:
/// "vik" finds "Jonas Vik" but not "Lindvik".
fn names_match(name: &str, needle: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (hay, pin) = (words(name), words(needle));
    !pin.is_empty() && hay.windows(pin.len()).any(|w| w == pin.as_slice())
}

#[cfg(test)]
mod tests {
    use super::{fts_query, token_char};

    #[test]
    fn every_token_char_is_one_word_to_the_index() {
        // A quoted "a{c}b" is one word to the index for every character `token_char`
        // keeps; were it two, the query would be a phrase, which `detail=column` refuses.
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE VIRTUAL TABLE t USING fts5(x, detail=column);")
            .unwrap();
        let kept: Vec<char> = (0..=0x10ffff_u32)
            .filter_map(char::from_u32)
            .filter(|&c| token_char(c))
            .collect();
        let mut st = conn.prepare("SELECT count(*) FROM t WHERE t MATCH ?1").unwrap();
        for group in kept.chunks(256) {
            let q: Vec<String> = group.iter().map(|c| format!("\"a{c}b\"")).collect();
            let r: rusqlite::Result<i64> = st.query_row([q.join(" OR ")], |r| r.get(0));
            if r.is_err() {
                let bad: Vec<String> = group
                    .iter()
                    .filter(|c| {
                        st.query_row([format!("\"a{c}b\"")], |r| r.get::<_, i64>(0))
                            .is_err()
                    })
                    .map(|c| format!("U+{:04X}", *c as u32))
                    .collect();
                panic!("split by the index, kept by token_char: {bad:?}");
            }
        }
    }

    #[test]
    fn a_users_words_become_terms_the_index_holds() {
        assert_eq!(fts_query("Norway's ferries"), "\"Norway\" \"ferries\"");
        assert_eq!(fts_query("O'Hara NEAR(x)"), "\"O\" \"Hara\" \"NEAR\" \"x\"");
        // A decomposed accent composes; one left apart is dropped, as the index drops it.
        assert_eq!(fts_query("Norwa\u{301}y"), "\"Norwáy\"");
        assert_eq!(fts_query("x\u{24b6}y"), "\"x\" \"y\"");
        assert_eq!(fts_query("\"*^-"), "");
    }
}
