//! The embedded store: SQLite (through `rusqlite`, with SQLite built in).
//!
//! Articles are keyed by content id, input items by source key, so ingesting the same
//! input twice adds nothing. Items are written in batches, one transaction each: a
//! run killed at any point leaves whole batches, and the next run skips the sources
//! already stored and redoes the rest. The corpus passes (duplicates, template lines)
//! are recomputed over the whole store at the end of every run, in one transaction.

use std::path::Path;

use rusqlite::{params, Connection, OptionalExtension};

use crate::article::Article;
use crate::corpus::template::LineSig;
use crate::error::{Error, Stage};
use crate::ingest::Failure;
use crate::pipeline::{CorpusDecision, CorpusMeta, CorpusSig, Pipeline};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    inputs TEXT NOT NULL,
    items INTEGER NOT NULL DEFAULT 0,
    added INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);
-- Every input item seen, with the article it gave (NULL when it failed).
CREATE TABLE IF NOT EXISTS sources (
    key TEXT PRIMARY KEY,
    article_id TEXT,
    run_id INTEGER NOT NULL
);
-- One row per distinct article. `doc` is the per-document record (JSON); the corpus
-- passes' verdict is kept beside it and applied when reading.
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    doc TEXT NOT NULL,
    outlet TEXT,
    title TEXT,
    published TEXT,
    url TEXT,
    source TEXT NOT NULL,
    minhash BLOB NOT NULL,
    exact INTEGER NOT NULL,
    lines BLOB NOT NULL,
    duplicate_of TEXT,
    duplicate_kind TEXT,
    template TEXT NOT NULL DEFAULT '[]',
    run_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);
CREATE INDEX IF NOT EXISTS articles_dup ON articles(duplicate_of);
-- Entities merged across articles (recomputed at the end of every run), and which
-- article-local entity is which.
CREATE TABLE IF NOT EXISTS entities (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    aliases TEXT NOT NULL,
    roles TEXT NOT NULL,
    articles INTEGER NOT NULL,
    quotes INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS entity_members (
    article_id TEXT NOT NULL,
    local_id TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS entity_members_entity ON entity_members(entity_id);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT PRIMARY KEY,
    stage TEXT NOT NULL,
    reason TEXT NOT NULL,
    run_id INTEGER NOT NULL
);
";

/// The store.
pub struct Store {
    conn: Connection,
}

/// Counts for one stored batch.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct BatchResult {
    /// New distinct articles.
    pub added: usize,
    /// Items whose text was already stored (same content id).
    pub already: usize,
}

impl Store {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store { conn })
    }

    /// Starts a run and returns its id.
    pub fn begin_run(&self, inputs: &[String]) -> Result<i64, Error> {
        self.conn.execute(
            "INSERT INTO runs (started, inputs) VALUES (datetime('now'), ?1)",
            params![serde_json::to_string(inputs)?],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records the end of a run.
    pub fn end_run(&self, run: i64, items: usize, added: usize, failed: usize) -> Result<(), Error> {
        self.conn.execute(
            "UPDATE runs SET finished = datetime('now'), items = ?2, added = ?3, failed = ?4 WHERE id = ?1",
            params![run, items as i64, added as i64, failed as i64],
        )?;
        Ok(())
    }

    /// Whether an input item was already ingested (with success) by an earlier run.
    pub fn has_source(&self, key: &str) -> Result<bool, Error> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM sources WHERE key = ?1 AND article_id IS NOT NULL",
                [key],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Writes a batch of analysed items in one transaction.
    pub fn write_batch(
        &mut self,
        run: i64,
        pipeline: &Pipeline,
        articles: &[Article],
        failures: &[Failure],
    ) -> Result<BatchResult, Error> {
        let tx = self.conn.transaction()?;
        let mut res = BatchResult::default();
        {
            let mut ins = tx.prepare_cached(
                "INSERT OR IGNORE INTO articles (id, doc, outlet, title, published, url, source, minhash, exact, lines, run_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?;
            let mut src = tx.prepare_cached(
                "INSERT OR REPLACE INTO sources (key, article_id, run_id) VALUES (?1, ?2, ?3)",
            )?;
            let mut clear = tx.prepare_cached("DELETE FROM failures WHERE source = ?1")?;
            for a in articles {
                let key = a.source.key();
                let sig = pipeline.corpus_sigs(a);
                let n = ins.execute(params![
                    a.id,
                    serde_json::to_string(a)?,
                    a.outlet,
                    a.title,
                    a.published.as_ref().map(|p| p.value.to_string()),
                    a.url,
                    key,
                    u32s_to_bytes(&sig.fingerprint.minhash),
                    sig.fingerprint.exact as i64,
                    lines_to_bytes(&sig.lines),
                    run,
                ])?;
                if n == 1 {
                    res.added += 1;
                } else {
                    res.already += 1;
                }
                src.execute(params![key, a.id, run])?;
                clear.execute([&key])?;
            }
            let mut fail = tx.prepare_cached(
                "INSERT OR REPLACE INTO failures (source, stage, reason, run_id) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for f in failures {
                fail.execute(params![f.source, f.stage.to_string(), f.reason, run])?;
            }
        }
        tx.commit()?;
        Ok(res)
    }

    /// Recomputes the corpus passes over every stored article, in one transaction.
    pub fn finalize(&mut self, pipeline: &Pipeline) -> Result<(), Error> {
        struct Row {
            id: String,
            outlet: Option<String>,
            published: Option<String>,
            sig: CorpusSig,
            current: CorpusDecision,
        }
        let rows: Vec<Row> = {
            let mut st = self.conn.prepare(
                "SELECT id, outlet, published, minhash, exact, lines, duplicate_of, duplicate_kind, template
                 FROM articles ORDER BY id",
            )?;
            let mapped = st.query_map([], |r| {
                let template: String = r.get(8)?;
                Ok(Row {
                    id: r.get(0)?,
                    outlet: r.get(1)?,
                    published: r.get(2)?,
                    sig: CorpusSig {
                        fingerprint: crate::corpus::dedup::Fingerprint {
                            minhash: bytes_to_u32s(&r.get::<_, Vec<u8>>(3)?),
                            exact: r.get::<_, i64>(4)? as u64,
                        },
                        lines: bytes_to_lines(&r.get::<_, Vec<u8>>(5)?),
                    },
                    current: CorpusDecision {
                        duplicate_of: r.get(6)?,
                        duplicate_kind: r.get(7)?,
                        template_lines: serde_json::from_str(&template).unwrap_or_default(),
                    },
                })
            })?;
            mapped.collect::<Result<_, _>>()?
        };
        let metas: Vec<CorpusMeta> = rows
            .iter()
            .map(|r| CorpusMeta {
                id: &r.id,
                outlet: r.outlet.as_deref(),
                published: r.published.as_deref().and_then(crate::article::PubDate::parse),
                sig: &r.sig,
            })
            .collect();
        let decisions = pipeline.corpus(&metas);
        let tx = self.conn.transaction()?;
        {
            let mut up = tx.prepare_cached(
                "UPDATE articles SET duplicate_of = ?2, duplicate_kind = ?3, template = ?4 WHERE id = ?1",
            )?;
            for (r, d) in rows.iter().zip(&decisions) {
                if *d != r.current {
                    up.execute(params![
                        r.id,
                        d.duplicate_of,
                        d.duplicate_kind,
                        serde_json::to_string(&d.template_lines)?
                    ])?;
                }
            }
        }
        tx.commit()?;
        self.merge_entities()
    }

    /// Rebuilds the corpus-wide entity directory from every stored article's entities, in
    /// two streaming passes so memory stays bounded: the first collects the distinct
    /// (kind, name, roles) signatures with their counts and merges them; the second writes
    /// each article's memberships and counts articles per entity exactly.
    fn merge_entities(&mut self) -> Result<(), Error> {
        use crate::corpus::directory::{merge_signatures, Signature, Tally};
        use std::collections::{HashMap, HashSet};
        #[derive(serde::Deserialize)]
        struct Light {
            #[serde(default)]
            entities: Vec<LightEntity>,
            #[serde(default)]
            quotes: Vec<LightQuote>,
        }
        #[derive(serde::Deserialize)]
        struct LightEntity {
            id: String,
            kind: crate::entities::EntityKind,
            name: String,
            #[serde(default)]
            roles: Vec<String>,
        }
        #[derive(serde::Deserialize)]
        struct LightQuote {
            #[serde(default)]
            partial: bool,
            #[serde(default)]
            speaker_entity: Option<String>,
        }
        fn each_article(
            conn: &Connection,
            mut f: impl FnMut(&str, Light) -> Result<(), Error>,
        ) -> Result<(), Error> {
            let mut st = conn.prepare("SELECT id, doc FROM articles ORDER BY id")?;
            let mut rows = st.query([])?;
            while let Some(r) = rows.next()? {
                let id: String = r.get(0)?;
                let doc: String = r.get(1)?;
                if let Ok(light) = serde_json::from_str::<Light>(&doc) {
                    f(&id, light)?;
                }
            }
            Ok(())
        }
        let sig = |e: &LightEntity| Signature {
            kind: e.kind,
            name: e.name.clone(),
            roles: e.roles.clone(),
        };
        let mut tally = Tally::default();
        each_article(&self.conn, |_, light| {
            for e in &light.entities {
                let quotes = light
                    .quotes
                    .iter()
                    .filter(|q| !q.partial && q.speaker_entity.as_deref() == Some(e.id.as_str()))
                    .count();
                tally.add(sig(e), quotes);
            }
            Ok(())
        })?;
        let (mut entities, ids) = merge_signatures(&tally.weighted);
        let index = tally.index;
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM entities", [])?;
        tx.execute("DELETE FROM entity_members", [])?;
        let mut articles_of: HashMap<String, usize> = HashMap::new();
        {
            let mut ins = tx.prepare_cached(
                "INSERT OR REPLACE INTO entity_members (article_id, local_id, entity_id) VALUES (?1, ?2, ?3)",
            )?;
            each_article(&tx, |article, light| {
                let mut here: HashSet<&str> = HashSet::new();
                for e in &light.entities {
                    if let Some(&k) = index.get(&sig(e)) {
                        ins.execute(params![article, e.id, ids[k]])?;
                        here.insert(ids[k].as_str());
                    }
                }
                for g in here {
                    *articles_of.entry(g.to_string()).or_default() += 1;
                }
                Ok(())
            })?;
            let mut ins = tx.prepare_cached(
                "INSERT INTO entities (id, kind, name, aliases, roles, articles, quotes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )?;
            for e in &mut entities {
                e.articles = articles_of.get(&e.id).copied().unwrap_or(0);
                ins.execute(params![
                    e.id,
                    serde_json::to_value(e.kind)?.as_str().unwrap_or("unknown"),
                    e.name,
                    serde_json::to_string(&e.aliases)?,
                    serde_json::to_string(&e.roles)?,
                    e.articles as i64,
                    e.quotes as i64
                ])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The corpus-wide entities, most quoted first.
    pub fn entities(&self) -> Result<Vec<crate::corpus::directory::GlobalEntity>, Error> {
        let mut st = self.conn.prepare(
            "SELECT id, kind, name, aliases, roles, articles, quotes FROM entities
             ORDER BY quotes DESC, articles DESC, id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, kind, name, aliases, roles, articles, quotes) = row?;
            out.push(crate::corpus::directory::GlobalEntity {
                id,
                kind: serde_json::from_value(serde_json::Value::String(kind))?,
                name,
                aliases: serde_json::from_str(&aliases)?,
                roles: serde_json::from_str(&roles)?,
                articles: articles as usize,
                quotes: quotes as usize,
            });
        }
        Ok(out)
    }

    /// Stored quotes with their speakers resolved to corpus-wide entities, in speaker
    /// order (most quoted first), then by date. `speaker` keeps quotes whose entity id
    /// equals it or whose speaker's name or alias holds it (any case); `story` keeps an
    /// article and its duplicate group.
    pub fn quotes(
        &self,
        speaker: Option<&str>,
        story: Option<&str>,
        partial: bool,
    ) -> Result<Vec<QuoteRow>, Error> {
        let members = self.entity_members()?;
        let entities: std::collections::HashMap<String, crate::corpus::directory::GlobalEntity> =
            self.entities()?.into_iter().map(|e| (e.id.clone(), e)).collect();
        let needle = speaker.map(str::to_lowercase);
        let mut rows = Vec::new();
        for a in self.articles()? {
            if let Some(st) = story {
                if a.id != st && a.duplicate_of.as_deref() != Some(st) {
                    continue;
                }
            }
            for q in &a.quotes {
                if q.partial && !partial {
                    continue;
                }
                let global = q
                    .speaker_entity
                    .as_ref()
                    .and_then(|l| members.get(&(a.id.clone(), l.clone())))
                    .and_then(|g| entities.get(g));
                if let Some(n) = &needle {
                    let hit = match global {
                        Some(g) => {
                            g.id == *n
                                || names_match(&g.name, n)
                                || g.aliases.iter().any(|x| names_match(x, n))
                        }
                        None => q.speaker_name.as_deref().is_some_and(|x| names_match(x, n)),
                    };
                    if !hit {
                        continue;
                    }
                }
                rows.push(QuoteRow {
                    article: a.id.clone(),
                    outlet: a.outlet.clone(),
                    published: a.published.as_ref().map(|p| p.value.to_string()),
                    duplicate_of: a.duplicate_of.clone(),
                    speaker_id: global.map(|g| g.id.clone()),
                    speaker: global.map(|g| g.name.clone()).or_else(|| q.speaker_name.clone()),
                    role: q.role.clone(),
                    kind: q.kind,
                    partial: q.partial,
                    text: q
                        .parts
                        .iter()
                        .filter_map(|p| p.slice(&a.text))
                        .collect::<Vec<_>>()
                        .join(" … "),
                });
            }
        }
        let rank: std::collections::HashMap<&str, usize> =
            entities.values().map(|e| (e.id.as_str(), e.quotes)).collect();
        rows.sort_by(|x, y| {
            let rx = x
                .speaker_id
                .as_deref()
                .and_then(|i| rank.get(i))
                .copied()
                .unwrap_or(0);
            let ry = y
                .speaker_id
                .as_deref()
                .and_then(|i| rank.get(i))
                .copied()
                .unwrap_or(0);
            ry.cmp(&rx)
                .then(x.speaker_id.is_none().cmp(&y.speaker_id.is_none()))
                .then(x.speaker.cmp(&y.speaker))
                .then(x.published.cmp(&y.published))
                .then(x.article.cmp(&y.article))
        });
        Ok(rows)
    }

    /// Article-local entity id → corpus-wide entity id, for every article.
    pub fn entity_members(&self) -> Result<std::collections::HashMap<(String, String), String>, Error> {
        let mut st = self
            .conn
            .prepare("SELECT article_id, local_id, entity_id FROM entity_members")?;
        let rows = st.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Every stored article, with the corpus passes applied, in id order.
    pub fn articles(&self) -> Result<Vec<Article>, Error> {
        let mut st = self.conn.prepare(
            "SELECT doc, duplicate_of, duplicate_kind, template FROM articles ORDER BY published IS NULL, published, id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (doc, duplicate_of, duplicate_kind, template) = row?;
            let mut a: Article = serde_json::from_str(&doc)?;
            CorpusDecision {
                duplicate_of,
                duplicate_kind,
                template_lines: serde_json::from_str(&template)?,
            }
            .apply(&mut a);
            out.push(a);
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

    /// Counts: articles, sources, failures.
    pub fn counts(&self) -> Result<(usize, usize, usize), Error> {
        let c = |sql: &str| -> Result<usize, Error> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as usize)
        };
        Ok((
            c("SELECT count(*) FROM articles")?,
            c("SELECT count(*) FROM sources")?,
            c("SELECT count(*) FROM failures")?,
        ))
    }
}

fn u32s_to_bytes(v: &[u32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

fn bytes_to_u32s(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn lines_to_bytes(v: &[LineSig]) -> Vec<u8> {
    v.iter()
        .flat_map(|l| {
            let mut b = l.key.to_le_bytes().to_vec();
            b.push(l.eligible as u8);
            b
        })
        .collect()
}

fn bytes_to_lines(b: &[u8]) -> Vec<LineSig> {
    b.chunks_exact(9)
        .map(|c| LineSig {
            key: u64::from_le_bytes(c[..8].try_into().expect("8 bytes")),
            eligible: c[8] != 0,
        })
        .collect()
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

/// One stored quote, for listings.
#[derive(Debug, Clone, serde::Serialize)]
pub struct QuoteRow {
    pub article: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub duplicate_of: Option<String>,
    /// Corpus-wide entity id of the speaker, when resolved.
    pub speaker_id: Option<String>,
    /// The speaker's name (the entity's, else as written), `None` when unknown.
    pub speaker: Option<String>,
    pub role: Option<String>,
    pub kind: crate::quotes::QuoteKind,
    pub partial: bool,
    /// The quote's text (parts joined with " … ").
    pub text: String,
}

/// Articles per outlet in the store.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OutletCount {
    pub outlet: Option<String>,
    pub articles: usize,
    /// How many of them are copies of another article.
    pub copies: usize,
}

/// A duplicate group: the representative and its copies.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DupGroup {
    pub representative: GroupMember,
    pub copies: Vec<GroupMember>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct GroupMember {
    pub id: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub title: Option<String>,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
}

impl Store {
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

    pub fn duplicate_groups(&self) -> Result<Vec<DupGroup>, Error> {
        let member = |r: &rusqlite::Row<'_>| -> rusqlite::Result<GroupMember> {
            Ok(GroupMember {
                id: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                title: r.get(3)?,
                source: r.get(4)?,
                kind: r.get(5)?,
            })
        };
        let mut st = self.conn.prepare(
            "SELECT id, outlet, published, title, source, duplicate_kind, duplicate_of FROM articles
             WHERE duplicate_of IS NOT NULL ORDER BY duplicate_of, published IS NULL, published, id",
        )?;
        let copies: Vec<(String, GroupMember)> = st
            .query_map([], |r| Ok((r.get::<_, String>(6)?, member(r)?)))?
            .collect::<Result<_, _>>()?;
        let mut rep_st = self
            .conn
            .prepare("SELECT id, outlet, published, title, source, NULL FROM articles WHERE id = ?1")?;
        let mut groups: Vec<DupGroup> = Vec::new();
        for (rep, m) in copies {
            if groups.last().is_none_or(|g| g.representative.id != rep) {
                let r = rep_st.query_row([&rep], member)?;
                groups.push(DupGroup {
                    representative: r,
                    copies: vec![],
                });
            }
            if let Some(g) = groups.last_mut() {
                g.copies.push(m);
            }
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
