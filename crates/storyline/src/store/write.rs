//! Writing: articles with their typed rows, sources, failures; replacing the article of
//! an edited source.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use serde::Serialize;

use super::corpus::{self, CorpusRules, PENDING_ALL};
use super::{outlet_key, Store};
use crate::article::Article;
use crate::corpus::CorpusSig;
use crate::error::Error;
use crate::ingest::Failure;

/// A file as it was read: its canonical path, size and modification time. An item is
/// known to the store when its key was stored with the same stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceStamp {
    /// The file's canonical path (symlinks resolved).
    pub path: String,
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime: i64,
}

/// What the store knows of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceState {
    /// Never read.
    New,
    /// Read before with the same size and modification time, every item stored: this
    /// many items need not be read again.
    Unchanged(usize),
    /// Read before, but edited since (or some item failed): read it again.
    Changed,
}

/// Template lines dropped from an article, and the record analysed without them.
pub type TrimmedView = (Vec<usize>, Box<Article>);

/// An article's records serialised as the store keeps them (`bodies.doc` and
/// `bodies.view`), made by the worker that analysed it so that the one writer only binds
/// them.
pub struct RecordJson {
    doc: String,
    view: Option<String>,
    /// The features the story clustering will read (`stories::StoryDoc`).
    story: String,
}

impl RecordJson {
    /// The records of an article (and its view, the record shown, when template lines
    /// were dropped).
    pub fn new(doc: &Article, view: Option<&Article>) -> Result<RecordJson, serde_json::Error> {
        Ok(RecordJson {
            story: story_json(view.unwrap_or(doc))?,
            doc: serde_json::to_string(doc)?,
            view: view.map(serde_json::to_string).transpose()?,
        })
    }
}

/// The story features of an article's record shown (its view, or the record itself), as
/// `story_queue` keeps them until the stories place it.
pub(super) fn story_json(shown: &Article) -> Result<String, serde_json::Error> {
    let analyzer = crate::stories::terms::Analyzer::default();
    serde_json::to_string(&crate::stories::StoryDoc::from_article(shown, &analyzer))
}

/// One analysed item, ready to store.
pub enum Stored {
    Article {
        /// The per-document record (unanalysed when `view` is given).
        article: Box<Article>,
        /// Template lines known when it was analysed, and the analysed record without them.
        view: Option<TrimmedView>,
        /// The item's key: canonical path plus its place in a container.
        key: String,
        stamp: SourceStamp,
        sig: CorpusSig,
        /// The records serialised ahead, if the worker did.
        json: Option<RecordJson>,
    },
    Failure {
        failure: Failure,
        stamp: Option<SourceStamp>,
    },
    /// A file read to its end, after all its items: the next run may skip it whole while
    /// it stays unchanged, and items an edited file no longer holds are dropped.
    File { stamp: SourceStamp, items: usize },
}

/// Counts for one stored batch.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BatchResult {
    /// What placing the batch changed.
    pub corpus: super::CorpusReport,
    /// Lines that became template (`true`) or stopped being it, per outlet.
    pub turned: Vec<(String, u64, bool)>,
    /// New distinct articles.
    pub added: usize,
    /// Items whose text was already stored (same content id).
    pub already: usize,
    /// Items of edited files whose new version replaced the article they had given.
    pub replaced: usize,
    /// Of `added`, articles stored before without a date that an item now dates.
    pub dated: usize,
    pub failed: usize,
}

impl Store {
    /// The lines that are template now: (outlet, line key), for runs to drop ahead.
    pub fn template_lines(&self, min_stories: usize) -> Result<Vec<(String, u64)>, Error> {
        let mut st = self
            .conn
            .prepare("SELECT outlet, key FROM line_stories WHERE stories >= ?1")?;
        let rows = st.query_map([min_stories as i64], |r| {
            Ok((r.get(0)?, r.get::<_, i64>(1)? as u64))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// What the store knows of the file at `stamp.path`.
    pub fn source_state(&self, stamp: &SourceStamp) -> Result<SourceState, Error> {
        let done: Option<(i64, i64, i64)> = self
            .conn
            .prepare_cached("SELECT size, mtime, items FROM files WHERE path = ?1")?
            .query_row([&stamp.path], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let Some((size, mtime, items)) = done else {
            return Ok(SourceState::New);
        };
        let failed: bool = self
            .conn
            .prepare_cached("SELECT 1 FROM failures WHERE path = ?1 LIMIT 1")?
            .query_row([&stamp.path], |_| Ok(()))
            .optional()?
            .is_some();
        Ok(if (size, mtime) == (stamp.size as i64, stamp.mtime) && !failed {
            SourceState::Unchanged(items as usize)
        } else {
            SourceState::Changed
        })
    }

    /// Whether the item `key` of a file with this stamp is stored (with success).
    pub fn has_item(&self, key: &str, stamp: &SourceStamp) -> Result<bool, Error> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM sources WHERE key = ?1 AND size = ?2 AND mtime = ?3 AND article_id IS NOT NULL",
                params![key, stamp.size as i64, stamp.mtime],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Writes a batch of analysed items in one transaction: each article, placed in its
    /// duplicate group and with its template lines decided (the directory waits for
    /// [`Store::corpus_pass`]), with its typed rows; each source, each failure.
    pub fn write_batch(
        &mut self,
        run: i64,
        items: &[Stored],
        rules: &CorpusRules<'_>,
    ) -> Result<BatchResult, Error> {
        let pipeline: u32 = self
            .conn
            .query_row("SELECT pipeline FROM runs WHERE id = ?1", [run], |r| r.get(0))?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut res = BatchResult::default();
        // The records of the articles this batch adds, as their rows will be written
        // (the view when there is one), so placing them need not read them back.
        let mut fresh = HashMap::new();
        for item in items {
            match item {
                Stored::Article {
                    article,
                    view,
                    key,
                    stamp,
                    sig,
                    json,
                } => {
                    let n = write_article(
                        &tx,
                        run,
                        pipeline,
                        (article, view.as_ref(), json.as_ref()),
                        key,
                        stamp,
                        sig,
                        &mut res,
                    )?;
                    if let Some(n) = n {
                        fresh.insert(n, view.as_ref().map_or(&**article, |v| &*v.1));
                    }
                }
                Stored::Failure { failure, stamp } => {
                    tx.prepare_cached(
                        "INSERT OR REPLACE INTO failures (source, path, stage, reason, run_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                    )?
                    .execute(params![
                        failure.source,
                        stamp.as_ref().map(|s| s.path.as_str()),
                        failure.stage.as_str(),
                        failure.reason,
                        run
                    ])?;
                    res.failed += 1;
                }
                Stored::File { stamp, items } => file_done(&tx, run, stamp, *items)?,
            }
        }
        let mut report = super::CorpusReport::default();
        let mut pass = corpus::Pass::new(&tx, rules);
        pass.fresh = fresh;
        pass.place(&mut report)?;
        res.turned = std::mem::take(&mut pass.turned);
        res.corpus = report;
        tx.commit()?;
        self.committed();
        Ok(res)
    }
}

impl Store {
    /// Up to `limit` articles analysed by a pipeline older than `below`, after article
    /// number `after`, as per-document records.
    pub fn stale_batch(&self, below: u32, after: i64, limit: usize) -> Result<Vec<(i64, Article)>, Error> {
        let mut st = self.conn.prepare_cached(
            "SELECT a.n, b.doc FROM articles a JOIN bodies b ON b.n = a.n
             WHERE a.pipeline < ?1 AND a.n > ?2 ORDER BY a.n LIMIT ?3",
        )?;
        let rows = st.query_map(params![below, after, limit as i64], |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (n, doc) = row?;
            out.push((n, serde_json::from_str(&doc)?));
        }
        Ok(out)
    }

    /// Stores new analyses of stored articles (same clean text, same id): the record, its
    /// rows, and a place in the next corpus pass for its entities and template view. Each
    /// article once: the text indexes are filled for all of them at the end.
    pub fn replace_analysis(
        &mut self,
        articles: &[(i64, Article, String)],
        pipeline: u32,
        rules: &CorpusRules<'_>,
    ) -> Result<super::CorpusReport, Error> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // What readers keep under `change_stamp` is stale now.
        tx.execute(
            "INSERT INTO meta (key, value) VALUES ('reanalysed', '1')
             ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
            [],
        )?;
        for (n, a, doc) in articles {
            corpus::directory_remove(&tx, *n)?;
            delete_rows(&tx, *n)?;
            tx.prepare_cached(
                "UPDATE articles SET title = ?2, language = ?3, published = ?4, day = ?5,
                     pipeline = ?6, pending = pending | ?7, analysed = 1,
                     template = CASE WHEN (SELECT view FROM bodies WHERE n = ?1) IS NULL
                                THEN template ELSE '' END
                 WHERE n = ?1",
            )?
            .execute(params![
                n,
                a.title,
                a.language,
                a.published.as_ref().map(|p| p.value.to_string()),
                a.published.as_ref().map(|p| p.date().to_string()),
                pipeline,
                corpus::PENDING_DIRECTORY | corpus::PENDING_TEMPLATE,
            ])?;
            tx.prepare_cached("UPDATE bodies SET doc = ?2, title = ?3, text = ?4, view = NULL WHERE n = ?1")?
                .execute(params![n, doc, a.title, a.text])?;
            write_rows(&tx, *n, a)?;
        }
        let ns: Vec<i64> = articles.iter().map(|(n, ..)| *n).collect();
        index_text(&tx, &ns)?;
        // Their entities placed in the same transaction: a reader sees each article with
        // its entities before and after, never without them (placed only at the end of a
        // whole-store reanalysis, every entity was gone from the API until then).
        let report = Store::directory_in(&tx, rules)?;
        tx.commit()?;
        Ok(report)
    }
}

/// Records a file read to its end. Items it gave before and no longer holds (an edited
/// file) lose their source, and their article when nothing else gives it.
fn file_done(tx: &Transaction<'_>, run: i64, stamp: &SourceStamp, items: usize) -> Result<(), Error> {
    let gone: Vec<Option<String>> = {
        let mut st = tx.prepare_cached(
            "SELECT article_id FROM sources WHERE path = ?1 AND (size != ?2 OR mtime != ?3)",
        )?;
        let rows = st.query_map(params![stamp.path, stamp.size as i64, stamp.mtime], |r| r.get(0))?;
        rows.collect::<Result<_, _>>()?
    };
    tx.prepare_cached("DELETE FROM sources WHERE path = ?1 AND (size != ?2 OR mtime != ?3)")?
        .execute(params![stamp.path, stamp.size as i64, stamp.mtime])?;
    for id in gone.into_iter().flatten() {
        let still_used = tx
            .prepare_cached("SELECT 1 FROM sources WHERE article_id = ?1 LIMIT 1")?
            .query_row([&id], |_| Ok(()))
            .optional()?
            .is_some();
        if !still_used {
            delete_article(tx, &id)?;
        }
    }
    tx.prepare_cached(
        "INSERT OR REPLACE INTO files (path, size, mtime, items, run_id) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![
        stamp.path,
        stamp.size as i64,
        stamp.mtime,
        items as i64,
        run
    ])?;
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn write_article(
    tx: &Transaction<'_>,
    run: i64,
    pipeline: u32,
    (a, view, json): (&Article, Option<&TrimmedView>, Option<&RecordJson>),
    key: &str,
    stamp: &SourceStamp,
    sig: &CorpusSig,
    res: &mut BatchResult,
) -> Result<Option<i64>, Error> {
    // An article stored without a date that an item now dates (a sidecar given since, or
    // another source of the same text that carries one) gives way to this record, which
    // was analysed against that date, and it is placed in the stories like a new one.
    let dated = view.map_or(&a.published, |v| &v.1.published).is_some() && stored_undated(tx, &a.id)?;
    if dated {
        delete_article(tx, &a.id)?;
    }
    let inserted =
        tx.prepare_cached(
            "INSERT OR IGNORE INTO articles (id, title, outlet, url, language, published, day, source,
                 pipeline, exact, minhash, lines, pending, run_id, analysed, template, own_outlet)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?3)",
        )?
        .execute(params![
            a.id,
            view.map_or(&a.title, |v| &v.1.title),
            a.outlet,
            a.url,
            a.language,
            // The analysed record's date: the per-document one is unanalysed when a view is
            // given, and lacks a date read from the text.
            view.map_or(&a.published, |v| &v.1.published)
                .as_ref()
                .map(|p| p.value.to_string()),
            view.map_or(&a.published, |v| &v.1.published)
                .as_ref()
                .map(|p| p.date().to_string()),
            key,
            pipeline,
            sig.fingerprint.exact as i64,
            u32s_to_bytes(&sig.fingerprint.minhash),
            lines_to_bytes(&sig.lines),
            PENDING_ALL,
            run,
            view.is_none(),
            view.map_or(Ok("[]".to_string()), |v| serde_json::to_string(&v.0))?,
        ])? == 1;
    let n = inserted.then(|| tx.last_insert_rowid());
    if let Some(n) = n {
        // Serialised by the worker; here only if it could not be.
        let made;
        let json = match json {
            Some(j) => j,
            None => {
                made = RecordJson::new(a, view.map(|v| &*v.1))?;
                &made
            }
        };
        tx.prepare_cached("INSERT OR REPLACE INTO story_queue (n, doc) VALUES (?1, ?2)")?
            .execute(params![n, json.story])?;
        tx.prepare_cached("INSERT INTO bodies (n, title, text, view, doc) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![
                n,
                view.map_or(&a.title, |v| &v.1.title),
                view.map_or(&a.text, |v| &v.1.text),
                json.view,
                json.doc,
            ])?;
    }
    if let Some(n) = n {
        // Shown under its site's name (the site's earlier articles renamed if it changed).
        super::sites::add(tx, n, a)?;
        // Its rows are written once its template lines are known (`Pass::place`).
        let mut line =
            tx.prepare_cached("INSERT OR IGNORE INTO lines (outlet, key, article) VALUES (?1, ?2, ?3)")?;
        for l in sig.lines.iter().filter(|l| l.eligible) {
            line.execute(params![outlet_key(a.outlet.as_deref()), l.key as i64, n])?;
        }
        res.added += 1;
        res.dated += usize::from(dated);
    } else {
        res.already += 1;
    }
    let before: Option<Option<String>> = tx
        .prepare_cached("SELECT article_id FROM sources WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    tx.prepare_cached(
        "INSERT OR REPLACE INTO sources (key, path, size, mtime, article_id, run_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![key, stamp.path, stamp.size as i64, stamp.mtime, a.id, run])?;
    tx.prepare_cached("DELETE FROM failures WHERE source = ?1")?
        .execute([a.source.key()])?;
    if let Some(Some(old)) = before.filter(|b| b.as_deref() != Some(a.id.as_str())) {
        // Counted with the new articles it is one of; a new version the store already
        // had is counted as already stored.
        res.replaced += usize::from(inserted);
        let still_used: bool = tx
            .prepare_cached("SELECT 1 FROM sources WHERE article_id = ?1 LIMIT 1")?
            .query_row([&old], |_| Ok(()))
            .optional()?
            .is_some();
        if !still_used {
            delete_article(tx, &old)?;
        }
    }
    Ok(n)
}

/// Whether the article `id` is stored with no publication date.
fn stored_undated(tx: &Transaction<'_>, id: &str) -> Result<bool, Error> {
    Ok(tx
        .prepare_cached("SELECT published IS NULL FROM articles WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .unwrap_or(false))
}

/// The serde name of a unit enum value (`"direct"`, `"DATE"`, `"expression"`).
pub fn tag<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Writes the typed rows of an article (number `n`); [`index_text`] indexes its text.
pub(super) fn write_rows(tx: &Transaction<'_>, n: i64, a: &Article) -> Result<(), Error> {
    let mut local = tx.prepare_cached(
        "INSERT INTO local_entities (article, local, kind, name, roles, quotes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    // Whole quotes per speaker, counted in one pass (not one pass per entity: an article
    // of many quotations and many names would make that quadratic).
    let mut spoken: HashMap<&str, usize> = HashMap::new();
    for q in a.quotes.iter().filter(|q| !q.partial) {
        if let Some(s) = q.speaker_entity.as_deref() {
            *spoken.entry(s).or_default() += 1;
        }
    }
    for e in &a.entities {
        let quotes = spoken.get(e.id.as_str()).copied().unwrap_or(0);
        local.execute(params![
            n,
            e.id,
            tag(&e.kind),
            e.name,
            serde_json::to_string(&e.roles)?,
            quotes as i64
        ])?;
    }
    let mut mention = tx.prepare_cached(
        "INSERT INTO mentions (article, ord, local, kind, start, end, role_start, role_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    let mut ord = 0i64;
    for e in &a.entities {
        for m in &e.mentions {
            mention.execute(params![
                n,
                ord,
                e.id,
                tag(&m.kind),
                m.span.start as i64,
                m.span.end as i64,
                m.role.map(|r| r.start as i64),
                m.role.map(|r| r.end as i64),
            ])?;
            ord += 1;
        }
    }
    let mut timex = tx.prepare_cached(
        "INSERT INTO timexes (article, ord, type, value, start, end, anchor, first_day, last_day, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    for (i, t) in a.timexes.iter().enumerate() {
        let covered = t.value.days();
        timex.execute(params![
            n,
            i as i64,
            tag(&t.kind),
            t.value.to_string(),
            t.span.start as i64,
            t.span.end as i64,
            t.anchor.map(|a| a.to_string()),
            covered.map(|d| d.first.to_string()),
            covered.map(|d| d.last.to_string()),
            t.rule.as_ref().map(tag),
        ])?;
    }
    let mut sdate = tx.prepare_cached(
        "INSERT OR REPLACE INTO sentence_dates (article, sentence, start, end, value, first_day, last_day, rule, timex)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for d in &a.sentence_dates {
        let Some(s) = a.sentences.get(d.sentence) else {
            continue;
        };
        let covered = d.value.days();
        sdate.execute(params![
            n,
            d.sentence as i64,
            s.start as i64,
            s.end as i64,
            d.value.to_string(),
            covered.map(|d| d.first.to_string()),
            covered.map(|d| d.last.to_string()),
            tag(&d.rule),
            d.timex.map(|t| t as i64),
        ])?;
    }
    // The name the article is shown under now (its site's), read once for its rows.
    let outlet: Option<String> = tx
        .prepare_cached("SELECT outlet FROM articles WHERE n = ?1")?
        .query_row([n], |r| r.get(0))?;
    write_quotes(tx, n, a, outlet.as_deref())?;
    write_figures(tx, n, a, outlet.as_deref())
}

fn write_figures(tx: &Transaction<'_>, n: i64, a: &Article, outlet: Option<&str>) -> Result<(), Error> {
    let mut row = tx.prepare_cached(
        "INSERT INTO figures (article, ord, kind, start, end, value, low, low_inclusive, high,
             high_inclusive, qualifier, unit, dimension, concept, measured, as_of, as_of_first,
             as_of_last, cited_name, cited_local, outlet)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?;
    for (i, f) in a.figures.iter().enumerate() {
        let days = f.as_of.as_ref().and_then(|v| v.days());
        row.execute(params![
            n,
            i as i64,
            tag(&f.kind),
            f.span.start as i64,
            f.span.end as i64,
            f.value,
            f.low.map(|b| b.value),
            f.low.map(|b| b.inclusive),
            f.high.map(|b| b.value),
            f.high.map(|b| b.inclusive),
            f.qualifier.as_ref().map(tag),
            f.unit.as_ref().map(|u| u.name.as_str()),
            f.unit.as_ref().map(|u| tag(&u.dimension)),
            f.measured.as_ref().map(|m| m.concept.as_str()),
            f.measured.as_ref().map(|m| m.text.as_str()),
            f.as_of.as_ref().map(ToString::to_string),
            days.map(|d| d.first.to_string()),
            days.map(|d| d.last.to_string()),
            f.cited.as_ref().map(|c| c.name.as_str()),
            f.cited.as_ref().and_then(|c| c.entity.as_deref()),
            outlet,
        ])?;
    }
    Ok(())
}

/// A quote's row number: its article's, then its place in the article. Rows of one
/// article are rewritten when its view changes, and a number drawn in write order would
/// then depend on how a run's articles fell into batches; this one is the same for the
/// same store contents, and a later article's quotes still number higher (searches list
/// the highest first).
fn quote_n(article: i64, ord: usize) -> i64 {
    (article << 32) | ord as i64
}

fn write_quotes(tx: &Transaction<'_>, n: i64, a: &Article, outlet: Option<&str>) -> Result<(), Error> {
    let mut quote = tx.prepare_cached(
        "INSERT INTO quotes (n, article, ord, kind, partial, start, end, parts, cue_start, cue_end,
             cue_kind, speaker_start, speaker_end, speaker_local, speaker_name, role, text,
             said, said_first, said_last, said_rule, outlet, day, rule)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21,
             ?22, ?23, ?24)",
    )?;
    let day = a.published.as_ref().map(|p| p.date().to_string());
    for (i, q) in a.quotes.iter().enumerate() {
        let text = q.content(&a.text);
        // The statement's date: that of the sentence its cue (else its start) is in.
        let at = q.cue.map_or(q.span.start, |c| c.start);
        let sentence = a.sentences.partition_point(|s| s.end <= at);
        let said = a
            .sentence_dates
            .binary_search_by_key(&sentence, |d| d.sentence)
            .ok()
            .map(|k| &a.sentence_dates[k]);
        let covered = said.and_then(|d| d.value.days());
        let row = quote_n(n, i);
        quote.execute(params![
            row,
            n,
            i as i64,
            tag(&q.kind),
            q.partial,
            q.span.start as i64,
            q.span.end as i64,
            serde_json::to_string(&q.parts)?,
            q.cue.map(|c| c.start as i64),
            q.cue.map(|c| c.end as i64),
            q.cue_kind.as_ref().map(tag),
            q.speaker.map(|c| c.start as i64),
            q.speaker.map(|c| c.end as i64),
            q.speaker_entity,
            q.speaker_name,
            q.role,
            text,
            said.map(|d| d.value.to_string()),
            covered.map(|d| d.first.to_string()),
            covered.map(|d| d.last.to_string()),
            said.map(|d| tag(&d.rule)),
            outlet,
            day,
            q.rule.as_ref().map(tag),
        ])?;
    }
    Ok(())
}

/// Adds the stored text of articles `ns` (`bodies`) and of their quotes to the full-text
/// indexes, one statement per index for all of them. (FTS5 writes the terms it holds to
/// disk at every statement's savepoint, so a statement per article and per quote made a
/// small index segment for each, and merging them back was most of the index's cost.)
/// Every [`write_rows`] must be followed by it in the same transaction, before any
/// [`delete_rows`] of the same article: an external-content index told to delete a row it
/// never held is corrupt. An article named twice is indexed once.
pub(super) fn index_text(tx: &Transaction<'_>, ns: &[i64]) -> Result<(), Error> {
    let mut ns = ns.to_vec();
    ns.sort_unstable();
    ns.dedup();
    if ns.is_empty() {
        return Ok(());
    }
    let list = serde_json::to_string(&ns)?;
    tx.prepare_cached(
        "INSERT INTO articles_fts (rowid, title, text)
         SELECT n, title, text FROM bodies WHERE n IN (SELECT value FROM json_each(?1))",
    )?
    .execute([&list])?;
    tx.prepare_cached(
        "INSERT INTO quotes_fts (rowid, text, speaker_name)
         SELECT n, text, speaker_name FROM quotes WHERE article IN (SELECT value FROM json_each(?1))",
    )?
    .execute([&list])?;
    Ok(())
}

/// Removes the typed rows and text index of article `n`.
pub(super) fn delete_rows(tx: &Transaction<'_>, n: i64) -> Result<(), Error> {
    tx.prepare_cached(
        "INSERT INTO articles_fts (articles_fts, rowid, title, text) SELECT 'delete', n, title, text FROM bodies WHERE n = ?1",
    )?
    .execute([n])?;
    tx.prepare_cached(
        "INSERT INTO quotes_fts (quotes_fts, rowid, text, speaker_name) SELECT 'delete', n, text, speaker_name FROM quotes WHERE article = ?1",
    )?
    .execute([n])?;
    for sql in [
        "DELETE FROM quotes WHERE article = ?1",
        "DELETE FROM mentions WHERE article = ?1",
        "DELETE FROM local_entities WHERE article = ?1",
        "DELETE FROM timexes WHERE article = ?1",
        "DELETE FROM sentence_dates WHERE article = ?1",
        "DELETE FROM figures WHERE article = ?1",
    ] {
        tx.prepare_cached(sql)?.execute([n])?;
    }
    Ok(())
}

/// Deletes an article that no source gives any more (its file was edited): its rows,
/// its place in the directory, and its duplicate group, whose other members are grouped
/// again by the next corpus pass.
pub(super) fn delete_article(tx: &Transaction<'_>, id: &str) -> Result<(), Error> {
    let Some((n, group, pending, outlet)) = tx
        .query_row(
            "SELECT n, dup_group, pending, outlet FROM articles WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, Option<i64>>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            },
        )
        .optional()?
    else {
        return Ok(());
    };
    corpus::directory_remove(tx, n)?;
    // An article stored earlier in the same batch has no rows yet (nor an indexed text,
    // whose removal would corrupt the index).
    if pending & corpus::PENDING_ROWS == 0 {
        delete_rows(tx, n)?;
    }
    if let Some(g) = group {
        corpus::dissolve_group(tx, g)?;
    }
    tx.execute(
        "INSERT OR IGNORE INTO dirty_lines (outlet, key) SELECT outlet, key FROM lines WHERE article = ?1",
        [n],
    )?;
    // Its place in a story goes with it, and its event's and storyline's counts go down
    // (their days are set again when the event next changes).
    super::stories::unfile_article(tx, id, outlet.as_deref())?;
    super::sites::remove(tx, n)?;
    corpus::delete_bands(tx, n)?;
    for sql in [
        "DELETE FROM lines WHERE article = ?1",
        "DELETE FROM story_queue WHERE n = ?1",
        "DELETE FROM bodies WHERE n = ?1",
        "DELETE FROM articles WHERE n = ?1",
    ] {
        tx.execute(sql, [n])?;
    }
    Ok(())
}

pub(super) fn u32s_to_bytes(v: &[u32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

pub(super) fn bytes_to_u32s(b: &[u8]) -> Vec<u32> {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect()
}

fn lines_to_bytes(v: &[crate::corpus::template::LineSig]) -> Vec<u8> {
    v.iter()
        .flat_map(|l| {
            let mut b = l.key.to_le_bytes().to_vec();
            b.push(l.eligible as u8);
            b
        })
        .collect()
}

pub(super) fn bytes_to_lines(b: &[u8]) -> Vec<crate::corpus::template::LineSig> {
    b.chunks_exact(9)
        .map(|c| crate::corpus::template::LineSig {
            key: u64::from_le_bytes(c[..8].try_into().expect("8 bytes")),
            eligible: c[8] != 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::RecordJson;
    use crate::{Pipeline, PipelineConfig};

    #[test]
    fn a_record_json_cannot_hold_is_refused_not_written_as_null() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let mut a = p
            .analyze_text(
                "Floods in the Vell valley\n\nAt least 40 homes were flooded, the Vell \
                 district office said on Tuesday, and more than 300 people were moved to \
                 the school at Harrow Cross.",
                "toll.txt",
            )
            .unwrap();
        assert!(a.figures.len() >= 2, "{:?}", a.figures);
        RecordJson::new(&a, None).expect("finite figures are written");
        a.figures[0].value = Some(f64::INFINITY);
        let e = RecordJson::new(&a, None)
            .err()
            .expect("an infinite value is refused");
        assert!(e.to_string().contains("not a finite number"), "{e}");
        a.figures[0].value = Some(40.0);
        let low = a
            .figures
            .iter_mut()
            .find_map(|f| f.low.as_mut())
            .expect("a bound");
        low.value = f64::NAN;
        assert!(RecordJson::new(&a, None).is_err(), "a NaN bound is refused");
    }
}
