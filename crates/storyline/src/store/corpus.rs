//! The corpus passes, run incrementally over what the runs added: the rules are those
//! of `crate::corpus` (the same that `analyze` runs in memory), the state is on disk —
//! LSH buckets and duplicate groups, line counts per outlet and story, the entity
//! directory — so that the cost of adding an article does not grow with the store.
//!
//! Articles wait in `pending` (a bit set) until a pass has placed them: bit 1, their
//! duplicate group and template lines; bit 2, their entities in the directory; bit 4,
//! their template verdict alone. A pass takes them in id order, in one transaction, so
//! the result does not depend on how the run was split or interrupted.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::write::{bytes_to_lines, bytes_to_u32s, delete_rows, index_text, story_json, tag, write_rows};
use super::Store;
use crate::article::{Article, PubDate};
use crate::corpus::dedup::{self, DedupConfig, DupKind};
use crate::corpus::directory::{self, PersonView, Signature};
use crate::corpus::template::TemplateConfig;
use crate::corpus::{CorpusDecision, DuplicateKind};
use crate::entities::{given_name, surname_key, EntityKind};
use crate::error::Error;

/// Waiting for grouping (duplicates, then template lines).
pub(super) const PENDING_GROUP: i64 = 1;
/// Waiting for the entity directory.
pub(super) const PENDING_DIRECTORY: i64 = 2;
/// Waiting for a template verdict only.
pub(super) const PENDING_TEMPLATE: i64 = 4;
/// Its typed rows are not written yet (a new article, until its view is known).
pub(super) const PENDING_ROWS: i64 = 8;
/// A new article waits for everything.
pub const PENDING_ALL: i64 = PENDING_GROUP | PENDING_DIRECTORY | PENDING_TEMPLATE | PENDING_ROWS;

/// The corpus settings, and the analysis to run again on articles whose text lost
/// template lines.
pub struct CorpusRules<'a> {
    pub dedup: &'a DedupConfig,
    pub template: &'a TemplateConfig,
    /// Runs the language stages again on each article (on all cores, as it likes).
    pub revise: &'a (dyn Fn(&mut [Article]) + Sync),
}

/// What a corpus pass changed.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CorpusReport {
    /// Articles placed by this pass.
    pub placed: usize,
    /// Duplicate groups that gained members or merged.
    pub groups_changed: usize,
    /// Articles whose template lines changed (and were analysed again without them).
    pub template_changed: usize,
    /// Entities created.
    pub entities_added: usize,
    /// Ids retired in favour of a fuller name (they redirect).
    pub entities_renamed: usize,
}

impl CorpusReport {
    /// Adds another report's counts to this one.
    pub fn add(&mut self, other: &CorpusReport) {
        self.placed += other.placed;
        self.groups_changed += other.groups_changed;
        self.template_changed += other.template_changed;
        self.entities_added += other.entities_added;
        self.entities_renamed += other.entities_renamed;
    }
}

/// An article as the duplicate pass needs it.
struct Member {
    n: i64,
    id: String,
    published: Option<PubDate>,
}

impl Store {
    /// Finishes the corpus passes for everything pending: what `write_batch` left (a run
    /// killed between a batch and its placing), then the entity directory, in id order
    /// over all that the run added. The cost follows what is pending, not the store.
    pub fn corpus_pass(&mut self, rules: &CorpusRules<'_>) -> Result<CorpusReport, Error> {
        let mut report = self.corpus_groups(rules)?;
        report.add(&self.entity_directory(rules)?);
        Ok(report)
    }

    /// The first part of [`Store::corpus_pass`], one transaction: duplicate groups,
    /// story counts and template verdicts of what `write_batch` left. After it every
    /// article's date and duplicate verdict are final, so the stories can be worked out.
    pub fn corpus_groups(&mut self, rules: &CorpusRules<'_>) -> Result<CorpusReport, Error> {
        self.in_pass(rules, |pass, report| pass.place(report))
    }

    /// The second part of [`Store::corpus_pass`], one transaction: the entity directory
    /// for every article waiting for it. It reads and writes no story table.
    pub fn entity_directory(&mut self, rules: &CorpusRules<'_>) -> Result<CorpusReport, Error> {
        self.in_pass(rules, |pass, report| {
            pass.directory(report)?;
            pass.tx.execute(
                "UPDATE articles SET pending = 0 WHERE pending != 0 AND pending & ?1 != 0",
                [PENDING_DIRECTORY],
            )?;
            Ok(())
        })
    }

    /// The entity directory for the articles waiting for it, inside the caller's
    /// transaction, leaving their other passes waiting.
    pub(super) fn directory_in(tx: &Transaction<'_>, rules: &CorpusRules<'_>) -> Result<CorpusReport, Error> {
        let mut report = CorpusReport::default();
        Pass::new(tx, rules).directory(&mut report)?;
        tx.execute(
            "UPDATE articles SET pending = pending & ~?1 WHERE pending != 0 AND pending & ?1 != 0",
            [PENDING_DIRECTORY],
        )?;
        Ok(report)
    }

    /// Runs `step` of the corpus passes in a write transaction of its own.
    fn in_pass(
        &mut self,
        rules: &CorpusRules<'_>,
        step: impl FnOnce(&mut Pass<'_, '_>, &mut CorpusReport) -> Result<(), Error>,
    ) -> Result<CorpusReport, Error> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut report = CorpusReport::default();
        step(&mut Pass::new(&tx, rules), &mut report)?;
        tx.commit()?;
        self.committed();
        Ok(report)
    }
}

pub(super) struct Pass<'a, 't> {
    tx: &'a Transaction<'t>,
    dedup: &'a DedupConfig,
    tmpl: &'a TemplateConfig,
    revise: &'a (dyn Fn(&mut [Article]) + Sync),
    /// Lines whose story count crossed the template threshold, either way.
    crossed: BTreeSet<(String, i64)>,
    /// The crossings of this pass, with where each line ended: template or not.
    pub(super) turned: Vec<(String, u64, bool)>,
    /// Articles stored by this pass's batch, as their rows will be written: placed
    /// without reading their records back.
    pub(super) fresh: HashMap<i64, &'a Article>,
}

impl<'a, 't> Pass<'a, 't> {
    pub(super) fn new(tx: &'a Transaction<'t>, rules: &'a CorpusRules<'a>) -> Self {
        Pass {
            tx,
            dedup: rules.dedup,
            tmpl: rules.template,
            revise: rules.revise,
            crossed: BTreeSet::new(),
            turned: Vec::new(),
            fresh: HashMap::new(),
        }
    }

    /// Duplicate groups, story counts and template verdicts for every article that
    /// waits for them; the rows of new articles written from their final view.
    pub(super) fn place(&mut self, report: &mut CorpusReport) -> Result<(), Error> {
        let placed = self.group_pending(report)?;
        report.placed += placed;
        self.count_lines()?;
        report.template_changed += self.template_verdicts()?;
        self.tx.execute("DELETE FROM dirty_lines", [])?;
        self.tx.execute(
            "UPDATE articles SET pending = pending & ~?1 WHERE pending != 0 AND pending & ?1 != 0",
            [PENDING_GROUP | PENDING_TEMPLATE | PENDING_ROWS],
        )?;
        Ok(())
    }

    fn member(&self, n: i64) -> Result<Member, Error> {
        Ok(self
            .tx
            .prepare_cached("SELECT n, id, published FROM articles WHERE n = ?1")?
            .query_row([n], |r| {
                Ok(Member {
                    n: r.get(0)?,
                    id: r.get(1)?,
                    published: r.get::<_, Option<String>>(2)?.and_then(|s| s.parse().ok()),
                })
            })?)
    }

    fn group_of(&self, n: i64) -> Result<Option<i64>, Error> {
        Ok(self
            .tx
            .prepare_cached("SELECT dup_group FROM articles WHERE n = ?1")?
            .query_row([n], |r| r.get(0))?)
    }

    /// The better representative of two articles.
    fn better(&self, a: i64, b: i64) -> Result<i64, Error> {
        let (x, y) = (self.member(a)?, self.member(b)?);
        Ok(
            if dedup::rep_key(x.published, &x.id) <= dedup::rep_key(y.published, &y.id) {
                x.n
            } else {
                y.n
            },
        )
    }

    /// Puts every article waiting for a group in one: an exact twin's, else a new one
    /// merged with every group holding a near copy found through the LSH buckets.
    /// Returns the groups that changed, with whether their representative did.
    fn group_pending(&mut self, report: &mut CorpusReport) -> Result<usize, Error> {
        // The pending articles by the partial index, then sorted: ordered by id, SQLite
        // would walk the whole table (every `doc`) to find the few that wait.
        let pending: Vec<(i64, i64, Vec<u8>)> = {
            let mut st = self.tx.prepare(
                "SELECT n, exact, minhash FROM articles INDEXED BY articles_pending
                 WHERE pending != 0 AND pending & ?1 != 0 ORDER BY id",
            )?;
            let rows = st.query_map([PENDING_GROUP], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        let placed = pending.len();
        let mut filed = 0i64;
        let mut changed: BTreeMap<i64, bool> = BTreeMap::new();
        for (n, exact, minhash) in pending {
            let twin: Option<i64> = self
                .tx
                .prepare_cached(
                    "SELECT dup_group FROM articles WHERE exact = ?1 AND dup_group IS NOT NULL AND n != ?2 LIMIT 1",
                )?
                .query_row(params![exact, n], |r| r.get(0))
                .optional()?;
            if let Some(g) = twin {
                let rep_changed = self.join(g, n)?;
                *changed.entry(g).or_default() |= rep_changed;
                continue;
            }
            self.tx
                .prepare_cached("INSERT INTO dup_groups (grp, rep, size) VALUES (?1, ?1, 1)")?
                .execute([n])?;
            self.tx
                .prepare_cached("UPDATE articles SET dup_group = ?1 WHERE n = ?1")?
                .execute([n])?;
            let minhash = bytes_to_u32s(&minhash);
            let keys = dedup::band_keys(&minhash, self.dedup);
            let mut candidates = BTreeSet::new();
            {
                let mut find = self.tx.prepare_cached(
                    "SELECT article FROM bands WHERE band = ?1 UNION ALL SELECT article FROM bands_new WHERE band = ?1",
                )?;
                let mut put = self
                    .tx
                    .prepare_cached("INSERT OR IGNORE INTO bands_new (band, article) VALUES (?1, ?2)")?;
                for k in keys {
                    let rows = find.query_map([k as i64], |r| r.get::<_, i64>(0))?;
                    for c in rows {
                        candidates.insert(c?);
                    }
                    filed += put.execute(params![k as i64, n])? as i64;
                }
            }
            let mut mine = n;
            let mut rep_changed = false;
            for c in candidates.into_iter().filter(|&c| c != n) {
                let Some(gc) = self.group_of(c)? else {
                    continue; // waiting too: it meets this one when its turn comes
                };
                if gc == mine {
                    continue;
                }
                let theirs: Vec<u8> = self
                    .tx
                    .prepare_cached("SELECT minhash FROM articles WHERE n = ?1")?
                    .query_row([c], |r| r.get(0))?;
                if dedup::near(&minhash, &bytes_to_u32s(&theirs), self.dedup) {
                    changed.remove(&mine);
                    changed.remove(&gc);
                    mine = self.union(mine, gc)?;
                    rep_changed = true;
                }
            }
            *changed.entry(mine).or_default() |= rep_changed;
        }
        report.groups_changed += changed.len();
        self.verdicts(&changed)?;
        merge_bands(self.tx, filed)?;
        Ok(placed)
    }

    /// Adds article `n` to group `g`; returns whether it became the representative.
    fn join(&self, g: i64, n: i64) -> Result<bool, Error> {
        let rep: i64 = self
            .tx
            .prepare_cached("SELECT rep FROM dup_groups WHERE grp = ?1")?
            .query_row([g], |r| r.get(0))?;
        let best = self.better(rep, n)?;
        self.tx
            .prepare_cached("UPDATE dup_groups SET size = size + 1, rep = ?2 WHERE grp = ?1")?
            .execute(params![g, best])?;
        self.tx
            .prepare_cached("UPDATE articles SET dup_group = ?1 WHERE n = ?2")?
            .execute(params![g, n])?;
        Ok(best != rep)
    }

    /// Merges two groups (the smaller into the larger); returns the group kept.
    fn union(&mut self, a: i64, b: i64) -> Result<i64, Error> {
        let info = |g: i64| -> Result<(i64, i64), Error> {
            Ok(self
                .tx
                .prepare_cached("SELECT rep, size FROM dup_groups WHERE grp = ?1")?
                .query_row([g], |r| Ok((r.get(0)?, r.get(1)?)))?)
        };
        let ((rep_a, size_a), (rep_b, size_b)) = (info(a)?, info(b)?);
        let (keep, gone) = if (size_a, -a) >= (size_b, -b) {
            (a, b)
        } else {
            (b, a)
        };
        let rep = self.better(rep_a, rep_b)?;
        self.tx.execute(
            "UPDATE dup_groups SET size = ?2, rep = ?3 WHERE grp = ?1",
            params![keep, size_a + size_b, rep],
        )?;
        self.tx.execute("DELETE FROM dup_groups WHERE grp = ?1", [gone])?;
        self.tx.execute(
            "UPDATE articles SET dup_group = ?1 WHERE dup_group = ?2",
            params![keep, gone],
        )?;
        // Two stories are one now: a line both carried counts once.
        let lines: Vec<(String, i64)> = {
            let mut st = self
                .tx
                .prepare_cached("SELECT outlet, key FROM line_groups WHERE grp = ?1")?;
            let rows = st.query_map([gone], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (outlet, key) in lines {
            let moved = self.tx.execute(
                "UPDATE OR IGNORE line_groups SET grp = ?3 WHERE outlet = ?1 AND key = ?2 AND grp = ?4",
                params![outlet, key, keep, gone],
            )?;
            if moved == 0 {
                self.tx.execute(
                    "DELETE FROM line_groups WHERE outlet = ?1 AND key = ?2 AND grp = ?3",
                    params![outlet, key, gone],
                )?;
                self.add_story(&outlet, key, -1)?;
            }
        }
        Ok(keep)
    }

    /// Sets `duplicate_of` / `duplicate_kind` for the members of changed groups: all of
    /// them when the representative changed, else only those that were waiting.
    fn verdicts(&self, changed: &BTreeMap<i64, bool>) -> Result<(), Error> {
        for (&g, &rep_changed) in changed {
            let rep: i64 = self
                .tx
                .prepare_cached("SELECT rep FROM dup_groups WHERE grp = ?1")?
                .query_row([g], |r| r.get(0))?;
            let (rep_id, rep_exact, rep_outlet): (String, i64, Option<String>) = self
                .tx
                .prepare_cached("SELECT id, exact, coalesce(site, outlet) FROM articles WHERE n = ?1")?
                .query_row([rep], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            let sql = if rep_changed {
                "SELECT n, exact, coalesce(site, outlet) FROM articles WHERE dup_group = ?1"
            } else {
                "SELECT n, exact, coalesce(site, outlet) FROM articles WHERE dup_group = ?1 AND pending != 0 AND pending & 1 != 0"
            };
            let members: Vec<(i64, i64, Option<String>)> = {
                let mut st = self.tx.prepare_cached(sql)?;
                let rows = st.query_map([g], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
                rows.collect::<Result<_, _>>()?
            };
            let mut set = self
                .tx
                .prepare_cached("UPDATE articles SET duplicate_of = ?2, duplicate_kind = ?3 WHERE n = ?1")?;
            for (n, exact, outlet) in members {
                if n == rep {
                    set.execute(params![n, None::<String>, None::<String>])?;
                    continue;
                }
                let kind = if exact == rep_exact {
                    DupKind::Exact
                } else {
                    DupKind::Near
                };
                let kind = DuplicateKind::of(kind, outlet != rep_outlet);
                set.execute(params![n, rep_id, kind.as_str()])?;
            }
        }
        Ok(())
    }

    /// Changes the story count of a line by `delta`, noting a crossing of the template
    /// threshold.
    fn add_story(&mut self, outlet: &str, key: i64, delta: i64) -> Result<(), Error> {
        let before: i64 = self
            .tx
            .prepare_cached("SELECT stories FROM line_stories WHERE outlet = ?1 AND key = ?2")?
            .query_row(params![outlet, key], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let after = before + delta;
        self.tx
            .prepare_cached("INSERT OR REPLACE INTO line_stories (outlet, key, stories) VALUES (?1, ?2, ?3)")?
            .execute(params![outlet, key, after])?;
        let min = self.tmpl.min_stories as i64;
        if (before >= min) != (after >= min) {
            self.crossed.insert((outlet.to_string(), key));
        }
        Ok(())
    }

    /// Counts each grouped article's short lines once per story (duplicate group).
    fn count_lines(&mut self) -> Result<(), Error> {
        let rows: Vec<(String, i64, i64)> = {
            let mut st = self.tx.prepare(
                "SELECT l.outlet, l.key, a.dup_group FROM articles a INDEXED BY articles_pending JOIN lines l ON l.article = a.n
                 WHERE a.pending != 0 AND a.pending & ?1 != 0 ORDER BY a.id, l.outlet, l.key",
            )?;
            let rows = st.query_map([PENDING_GROUP], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        for (outlet, key, g) in rows {
            let new = self
                .tx
                .prepare_cached("INSERT OR IGNORE INTO line_groups (outlet, key, grp) VALUES (?1, ?2, ?3)")?
                .execute(params![outlet, key, g])?;
            if new == 1 {
                self.add_story(&outlet, key, 1)?;
            }
        }
        let dirty: Vec<(String, i64)> = {
            let mut st = self.tx.prepare("SELECT outlet, key FROM dirty_lines")?;
            let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<Result<_, _>>()?
        };
        self.crossed.extend(dirty);
        Ok(())
    }

    /// Template lines of every article that waits for them or carries a line that
    /// crossed the threshold. An article whose lines changed gets a new view, analysed
    /// again (all of them at once, so `revise` can use every core); a new article gets
    /// its rows, from its view.
    fn template_verdicts(&mut self) -> Result<usize, Error> {
        let mut targets: BTreeSet<i64> = {
            let mut st = self
                .tx
                .prepare("SELECT n FROM articles WHERE pending != 0 AND pending & ?1 != 0")?;
            let rows = st.query_map([PENDING_GROUP | PENDING_TEMPLATE | PENDING_ROWS], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        for (outlet, key) in &self.crossed.clone() {
            let mut st = self
                .tx
                .prepare_cached("SELECT article FROM lines WHERE outlet = ?1 AND key = ?2")?;
            let rows = st.query_map(params![outlet, key], |r| r.get(0))?;
            for n in rows {
                targets.insert(n?);
            }
        }
        for (outlet, key) in std::mem::take(&mut self.crossed) {
            let now = self.stories(&outlet, key)? >= self.tmpl.min_stories as i64;
            self.turned.push((outlet, key as u64, now));
        }
        // (article, new template lines or None when unchanged, rows missing)
        let mut todo: Vec<(i64, Option<Vec<usize>>, bool)> = Vec::new();
        for n in targets {
            let (outlet, lines, current, pending): (Option<String>, Vec<u8>, String, i64) = self
                .tx
                .prepare_cached("SELECT coalesce(own_outlet, outlet), lines, template, pending FROM articles WHERE n = ?1")?
                .query_row([n], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            let outlet = super::outlet_key(outlet.as_deref()).to_string();
            let mut template = Vec::new();
            for (i, l) in bytes_to_lines(&lines).iter().enumerate() {
                if l.eligible && self.stories(&outlet, l.key as i64)? >= self.tmpl.min_stories as i64 {
                    template.push(i);
                }
            }
            let changed = serde_json::to_string(&template)? != current;
            let missing = pending & PENDING_ROWS != 0;
            if changed || missing {
                todo.push((n, changed.then_some(template), missing));
            }
        }
        let changed = todo.iter().filter(|t| t.1.is_some()).count();
        self.new_views(todo)?;
        Ok(changed)
    }

    fn stories(&self, outlet: &str, key: i64) -> Result<i64, Error> {
        Ok(self
            .tx
            .prepare_cached("SELECT stories FROM line_stories WHERE outlet = ?1 AND key = ?2")?
            .query_row(params![outlet, key], |r| r.get(0))
            .optional()?
            .unwrap_or(0))
    }

    /// Stores each article's record with its template lines dropped (analysed again)
    /// and (re)writes its rows; an article already in the directory goes back to it.
    fn new_views(&mut self, todo: Vec<(i64, Option<Vec<usize>>, bool)>) -> Result<(), Error> {
        struct View<'v> {
            n: i64,
            /// Taken out while it is analysed again, then put back.
            article: Option<Cow<'v, Article>>,
            template: Option<Vec<usize>>,
            trimmed: bool,
            missing: bool,
            /// The per-document record was stored unanalysed and now stands as the view:
            /// it is analysed, and stored back.
            analyse_doc: bool,
        }
        let mut views = Vec::with_capacity(todo.len());
        for (n, template, missing) in todo {
            // An article of this batch whose lines stand is placed as the worker left it.
            if let (None, Some(&a)) = (&template, self.fresh.get(&n)) {
                views.push(View {
                    n,
                    article: Some(Cow::Borrowed(a)),
                    template,
                    trimmed: false,
                    missing,
                    analyse_doc: false,
                });
                continue;
            }
            // A new template starts from the per-document record; otherwise the view stands.
            let sql = if template.is_some() {
                "SELECT b.doc, a.analysed FROM articles a JOIN bodies b ON b.n = a.n WHERE a.n = ?1"
            } else {
                "SELECT coalesce(view, doc), 1 FROM bodies WHERE n = ?1"
            };
            let (doc, analysed): (String, bool) = self
                .tx
                .prepare_cached(sql)?
                .query_row([n], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let mut article: Article = serde_json::from_str(&doc)?;
            let trimmed = template.as_ref().is_some_and(|t| {
                CorpusDecision {
                    template_lines: t.clone(),
                    ..Default::default()
                }
                .apply(&mut article)
            });
            views.push(View {
                n,
                article: Some(Cow::Owned(article)),
                template,
                trimmed,
                missing,
                analyse_doc: !trimmed && !analysed,
            });
        }
        let mut again: Vec<Article> = Vec::new();
        let mut slots = Vec::new();
        for (i, v) in views.iter_mut().enumerate() {
            if v.trimmed || v.analyse_doc {
                again.extend(v.article.take().map(Cow::into_owned));
                slots.push(i);
            }
        }
        (self.revise)(&mut again);
        for (i, a) in slots.into_iter().zip(again) {
            views[i].article = Some(Cow::Owned(a));
        }
        let mut indexed = Vec::with_capacity(views.len());
        for v in views {
            let Some(article) = &v.article else {
                continue; // (every view's article is back: revise keeps the slice's length)
            };
            if !v.missing {
                directory_remove(self.tx, v.n)?;
                delete_rows(self.tx, v.n)?;
            }
            if v.analyse_doc {
                self.tx
                    .prepare_cached("UPDATE articles SET analysed = 1 WHERE n = ?1")?
                    .execute([v.n])?;
                self.tx
                    .prepare_cached("UPDATE bodies SET doc = ?2 WHERE n = ?1")?
                    .execute(params![v.n, serde_json::to_string(article)?])?;
            }
            if let Some(template) = &v.template {
                let view = v.trimmed.then(|| serde_json::to_string(article)).transpose()?;
                self.tx
                    .prepare_cached("UPDATE articles SET template = ?2, title = ?3 WHERE n = ?1")?
                    .execute(params![v.n, serde_json::to_string(template)?, article.title])?;
                self.tx
                    .prepare_cached("UPDATE bodies SET view = ?2, title = ?3, text = ?4 WHERE n = ?1")?
                    .execute(params![v.n, view, article.title, article.text])?;
            }
            if !v.missing {
                self.tx
                    .prepare_cached("UPDATE articles SET pending = pending | ?2 WHERE n = ?1")?
                    .execute(params![v.n, PENDING_DIRECTORY])?;
            }
            // The record shown changed (a new template, or the record analysed only now): its
            // date may be another one, read from its text.
            if v.template.is_some() || v.analyse_doc {
                let published = article.published.as_ref();
                self.tx
                    .prepare_cached("UPDATE articles SET published = ?2, day = ?3 WHERE n = ?1")?
                    .execute(params![
                        v.n,
                        published.map(|p| p.value.to_string()),
                        published.map(|p| p.date().to_string())
                    ])?;
            }
            write_rows(self.tx, v.n, article)?;
            indexed.push(v.n);
            // The stories place an article by the record shown: one still waiting to be
            // placed takes the features of its new view (else they would depend on which
            // template lines the worker happened to know). One placed already keeps its
            // place.
            if (v.template.is_some() || v.analyse_doc) && self.queued(v.n)? {
                self.tx
                    .prepare_cached("UPDATE story_queue SET doc = ?2 WHERE n = ?1")?
                    .execute(params![v.n, story_json(article)?])?;
            }
        }
        index_text(self.tx, &indexed)
    }

    /// Whether article `n` waits to be placed in the stories.
    fn queued(&self, n: i64) -> Result<bool, Error> {
        Ok(self
            .tx
            .prepare_cached("SELECT 1 FROM story_queue WHERE n = ?1")?
            .query_row([n], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Places the entities of every article waiting for the directory.
    fn directory(&mut self, report: &mut CorpusReport) -> Result<(), Error> {
        let articles: Vec<i64> = {
            let mut st = self
                .tx
                .prepare(
                    "SELECT n FROM articles INDEXED BY articles_pending WHERE pending != 0 AND pending & ?1 != 0 ORDER BY id",
                )?;
            let rows = st.query_map([PENDING_DIRECTORY], |r| r.get(0))?;
            rows.collect::<Result<_, _>>()?
        };
        let mut locals = Vec::with_capacity(articles.len());
        // Each signature with the number of articles it is in (a surname alone joins the
        // person the corpus names most, counting this pass).
        let mut sigs: BTreeMap<SigKey, usize> = BTreeMap::new();
        for n in articles {
            let here = local_entities(self.tx, n)?;
            for e in &here {
                *sigs.entry(e.sig.clone()).or_default() += 1;
            }
            locals.push((n, here));
        }
        let mut dir = Directory {
            tx: self.tx,
            touched: HashSet::new(),
            people: HashMap::new(),
            roles_read: HashSet::new(),
            created: HashMap::new(),
            counts: Counts::default(),
            pass_articles: HashMap::new(),
        };
        let mut placed: HashMap<SigKey, i64> = HashMap::new();
        // Fuller names first, so that a surname alone meets every candidate.
        let mut order: Vec<(SigKey, usize)> = sigs.into_iter().collect();
        order.sort_by(|a, b| a.0.order().cmp(&b.0.order()));
        for (s, weight) in order {
            let (entity, created) = dir.place(&s)?;
            *dir.pass_articles.entry(entity).or_default() += weight;
            report.entities_added += created as usize;
            placed.insert(s, entity);
        }
        // In row order, so that memberships and quote rows are written page by page (ids
        // are hashes: in id order every article lands on another page).
        locals.sort_unstable_by_key(|(n, _)| *n);
        for (n, here) in &locals {
            dir.add_article(*n, here, &placed)?;
        }
        dir.write_counts()?;
        report.entities_renamed += dir.rename_touched()?;
        Ok(())
    }
}

struct LocalEntity {
    local: String,
    sig: SigKey,
    quotes: i64,
}

/// The stored entities of article `n`.
fn local_entities(tx: &Transaction<'_>, n: i64) -> Result<Vec<LocalEntity>, Error> {
    let mut st = tx.prepare_cached(
        "SELECT local, kind, name, roles, quotes FROM local_entities WHERE article = ?1 ORDER BY local",
    )?;
    let rows = st.query_map([n], |r| {
        Ok(LocalEntity {
            local: r.get(0)?,
            sig: SigKey {
                kind: r.get(1)?,
                name: r.get(2)?,
                roles: r.get(3)?,
            },
            quotes: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// An entity signature as a sortable key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct SigKey {
    kind: String,
    name: String,
    roles: String,
}

impl SigKey {
    fn signature(&self) -> Signature {
        Signature {
            kind: kind_of(&self.kind),
            name: self.name.clone(),
            roles: serde_json::from_str(&self.roles).unwrap_or_default(),
        }
    }

    /// People first, then more words first, then by name: the batch merge's order.
    fn order(&self) -> (bool, std::cmp::Reverse<usize>, &str, &str, &str) {
        (
            self.kind != "person",
            std::cmp::Reverse(self.name.split_whitespace().count()),
            &self.name,
            &self.kind,
            &self.roles,
        )
    }
}

fn kind_of(s: &str) -> EntityKind {
    serde_json::from_value(serde_json::Value::String(s.to_string())).unwrap_or(EntityKind::Unknown)
}

/// A person as the merge sees it: entity, first names, roles with counts.
struct Person {
    n: i64,
    first: Vec<String>,
    roles: HashMap<String, usize>,
    /// Articles naming it when it was read.
    articles: usize,
}

struct Directory<'a, 't> {
    tx: &'a Transaction<'t>,
    /// Entities whose names changed.
    touched: HashSet<i64>,
    /// People by surname key, read once per pass and kept up to date by it.
    people: HashMap<String, Vec<Person>>,
    /// Surname keys whose people's roles are read (only a surname alone among several
    /// people needs them).
    roles_read: HashSet<String>,
    /// Entities this pass created, with the name they were created with.
    created: HashMap<i64, String>,
    /// What the pass adds to names, roles and entity counts, written once at its end.
    counts: Counts,
    /// Articles this pass placed in each entity (not yet in `entities.articles`).
    pass_articles: HashMap<i64, usize>,
}

/// The directory's counts a pass adds, summed per key so that each row is written once.
#[derive(Default)]
struct Counts {
    names: BTreeMap<(i64, String), i64>,
    roles: BTreeMap<(i64, String), i64>,
    /// Articles and quotes per entity.
    entities: BTreeMap<i64, (i64, i64)>,
}

impl Directory<'_, '_> {
    /// The entity a signature belongs to, creating it when none fits; and whether it
    /// was created.
    fn place(&mut self, s: &SigKey) -> Result<(i64, bool), Error> {
        if let Some(e) = self
            .tx
            .prepare_cached("SELECT entity FROM entity_sigs WHERE kind = ?1 AND name = ?2 AND roles = ?3")?
            .query_row(params![s.kind, s.name, s.roles], |r| r.get(0))
            .optional()?
        {
            return Ok((e, false));
        }
        let sig = s.signature();
        let (entity, created) = self.merge(&sig)?;
        self.tx
            .prepare_cached("INSERT INTO entity_sigs (kind, name, roles, entity) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![s.kind, s.name, s.roles, entity])?;
        Ok((entity, created))
    }

    fn merge(&mut self, sig: &Signature) -> Result<(i64, bool), Error> {
        let words: Vec<&str> = sig.name.split_whitespace().collect();
        let surname = directory::person_like(sig).then(|| surname_key(&sig.name));
        if let Some(key) = &surname {
            let pass: Vec<usize> = (self.people(key, words.len() < 2)?.iter())
                .map(|p| p.articles)
                .collect::<Vec<_>>()
                .into_iter()
                .zip(self.people[key].iter().map(|p| p.n))
                .map(|(stored, n)| stored + self.pass_articles.get(&n).copied().unwrap_or(0))
                .collect();
            let candidates = &self.people[key];
            let views: Vec<PersonView> = candidates
                .iter()
                .zip(&pass)
                .map(|(p, &articles)| PersonView {
                    first_names: &p.first,
                    roles: &p.roles,
                    articles,
                })
                .collect();
            if let Some(k) = directory::person_target(sig, &views) {
                let e = candidates[k].n;
                if words.len() >= 2 && candidates[k].first.is_empty() {
                    self.tx
                        .prepare_cached(
                            "INSERT OR IGNORE INTO entity_first_names (entity, first) VALUES (?1, ?2)",
                        )?
                        .execute(params![e, given_name(&sig.name)])?;
                    self.people_mut(key)[k].first.push(given_name(&sig.name));
                }
                self.adopt_kind(e, sig.kind)?;
                return Ok((e, false));
            }
            if sig.kind == EntityKind::Person {
                let e = self.create(sig, Some(key))?;
                let mut first = Vec::new();
                if words.len() >= 2 {
                    self.tx
                        .prepare_cached("INSERT INTO entity_first_names (entity, first) VALUES (?1, ?2)")?
                        .execute(params![e, given_name(&sig.name)])?;
                    first.push(given_name(&sig.name));
                }
                self.people_mut(key).push(Person {
                    n: e,
                    first,
                    roles: HashMap::new(),
                    articles: 0,
                });
                return Ok((e, true));
            }
        }
        let key = directory::name_key(&sig.name);
        let kind = tag(&sig.kind);
        if let Some(e) = self
            .tx
            .prepare_cached("SELECT entity FROM entity_keys WHERE kind = ?1 AND key = ?2")?
            .query_row(params![kind, key], |r| r.get(0))
            .optional()?
        {
            return Ok((e, false));
        }
        // A lone unknown word may be a surname: people who arrive later can find it.
        let e = self.create(sig, surname.as_deref())?;
        self.tx
            .prepare_cached("INSERT INTO entity_keys (kind, key, entity) VALUES (?1, ?2, ?3)")?
            .execute(params![kind, key, e])?;
        if let Some(key) = &surname {
            self.people_mut(key).push(Person {
                n: e,
                first: Vec::new(),
                roles: HashMap::new(),
                articles: 0,
            });
        }
        Ok((e, true))
    }

    /// People with this surname key (read from the store the first time it is asked), with
    /// their roles when `roles` and there are several to tell apart. One query each, whatever
    /// the number of people: a common surname in a large store has hundreds.
    fn people(&mut self, key: &str, roles: bool) -> Result<&[Person], Error> {
        if !self.people.contains_key(key) {
            let loaded = self.load_people(key)?;
            self.people.insert(key.to_string(), loaded);
        }
        if roles && self.people[key].len() > 1 && self.roles_read.insert(key.to_string()) {
            let mut roles: HashMap<i64, HashMap<String, usize>> = HashMap::new();
            let mut st = self.tx.prepare_cached(
                "SELECT r.entity, r.role, r.count FROM entities e JOIN entity_roles r ON r.entity = e.n
                 WHERE e.surname = ?1",
            )?;
            let rows = st.query_map([key], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?))
            })?;
            for row in rows {
                let (e, role, count) = row?;
                roles.entry(e).or_default().insert(role, count as usize);
            }
            for p in self.people_mut(key) {
                p.roles = roles.remove(&p.n).unwrap_or_default();
            }
        }
        Ok(&self.people[key])
    }

    fn people_mut(&mut self, key: &str) -> &mut Vec<Person> {
        self.people.entry(key.to_string()).or_default()
    }

    /// The people of a surname key with their first names, in entity order.
    fn load_people(&self, key: &str) -> Result<Vec<Person>, Error> {
        let mut st = self.tx.prepare_cached(
            "SELECT e.n, f.first, e.articles FROM entities e INDEXED BY entities_surname
                 LEFT JOIN entity_first_names f ON f.entity = e.n
             WHERE e.surname = ?1 ORDER BY e.n, f.first",
        )?;
        let rows = st.query_map([key], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?;
        let mut out: Vec<Person> = Vec::new();
        for row in rows {
            let (n, first, articles) = row?;
            if out.last().is_none_or(|p| p.n != n) {
                out.push(Person {
                    n,
                    first: Vec::new(),
                    roles: HashMap::new(),
                    articles: articles.max(0) as usize,
                });
            }
            if let (Some(f), Some(p)) = (first, out.last_mut()) {
                p.first.push(f);
            }
        }
        Ok(out)
    }

    /// An entity of unknown kind takes the first known kind that joins it.
    fn adopt_kind(&self, e: i64, kind: EntityKind) -> Result<(), Error> {
        self.tx
            .prepare_cached("UPDATE entities SET kind = ?2 WHERE n = ?1 AND kind = 'unknown'")?
            .execute(params![e, tag(&kind)])?;
        Ok(())
    }

    fn create(&mut self, sig: &Signature, surname: Option<&str>) -> Result<i64, Error> {
        let id = free_id(self.tx, &directory::base_id(sig.kind, &sig.name))?;
        self.tx
            .prepare_cached("INSERT INTO entities (id, kind, name, surname) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![id, tag(&sig.kind), sig.name, surname])?;
        let e = self.tx.last_insert_rowid();
        self.created.insert(e, sig.name.clone());
        Ok(e)
    }

    /// Records an article's memberships and adds its counts.
    fn add_article(
        &mut self,
        n: i64,
        here: &[LocalEntity],
        placed: &HashMap<SigKey, i64>,
    ) -> Result<(), Error> {
        let mut per_entity: BTreeMap<i64, i64> = BTreeMap::new();
        for e in here {
            let Some(&entity) = placed.get(&e.sig) else {
                continue;
            };
            self.tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO entity_members (article, local, entity) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![n, e.local, entity])?;
            *per_entity.entry(entity).or_default() += e.quotes;
            *self.counts.names.entry((entity, e.sig.name.clone())).or_default() += 1;
            for role in serde_json::from_str::<Vec<String>>(&e.sig.roles).unwrap_or_default() {
                *self.counts.roles.entry((entity, role)).or_default() += 1;
            }
            // A new entity named only as it was created keeps its name: nothing to redo.
            if self.created.get(&entity) != Some(&e.sig.name) {
                self.touched.insert(entity);
            }
        }
        for (entity, quotes) in per_entity {
            let c = self.counts.entities.entry(entity).or_default();
            c.0 += 1;
            c.1 += quotes;
        }
        self.tx
            .prepare_cached(
                "UPDATE quotes SET speaker = (SELECT entity FROM entity_members m
                     WHERE m.article = quotes.article AND m.local = quotes.speaker_local)
                 WHERE article = ?1 AND speaker_local IS NOT NULL",
            )?
            .execute([n])?;
        Ok(())
    }

    /// Writes the summed counts of the pass.
    fn write_counts(&mut self) -> Result<(), Error> {
        let counts = std::mem::take(&mut self.counts);
        for ((entity, name), delta) in counts.names {
            add_name(self.tx, entity, &name, delta)?;
        }
        for ((entity, role), delta) in counts.roles {
            add_role(self.tx, entity, &role, delta)?;
        }
        for (entity, (articles, quotes)) in counts.entities {
            self.tx
                .prepare_cached(
                    "UPDATE entities SET articles = articles + ?2, quotes = quotes + ?3 WHERE n = ?1",
                )?
                .execute(params![entity, articles, quotes])?;
        }
        Ok(())
    }

    /// Gives each touched entity its fullest, most written name; an id made from a
    /// surname alone moves to the full name, leaving a redirect.
    fn rename_touched(&mut self) -> Result<usize, Error> {
        let mut renamed = 0;
        let mut touched: Vec<i64> = self.touched.iter().copied().collect();
        touched.sort_unstable();
        for e in touched {
            renamed += refresh_entity(self.tx, e)? as usize;
        }
        Ok(renamed)
    }
}

/// `base`, or `base-2`, `base-3`… — the first id no entity has or had.
fn free_id(tx: &Transaction<'_>, base: &str) -> Result<String, Error> {
    let taken = |id: &str| -> Result<bool, Error> {
        Ok(tx
            .prepare_cached(
                "SELECT 1 FROM entities WHERE id = ?1 UNION ALL SELECT 1 FROM entity_redirects WHERE old = ?1 LIMIT 1",
            )?
            .query_row([id], |_| Ok(()))
            .optional()?
            .is_some())
    };
    if !taken(base)? {
        return Ok(base.to_string());
    }
    (2..)
        .map(|k| format!("{base}-{k}"))
        .find_map(|id| match taken(&id) {
            Ok(false) => Some(Ok(id)),
            Ok(true) => None,
            Err(e) => Some(Err(e)),
        })
        .unwrap_or_else(|| Ok(base.to_string()))
}

/// Recomputes an entity's display name from its names; returns whether its id moved.
fn refresh_entity(tx: &Transaction<'_>, e: i64) -> Result<bool, Error> {
    let mut names: Vec<(String, usize)> = {
        let mut st =
            tx.prepare_cached("SELECT name, count FROM entity_names WHERE entity = ?1 AND count > 0")?;
        let rows = st.query_map([e], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as usize)))?;
        rows.collect::<Result<_, _>>()?
    };
    if names.is_empty() {
        return Ok(false);
    }
    directory::sort_names(&mut names);
    let (id, kind, old_name): (String, String, String) = tx
        .prepare_cached("SELECT id, kind, name FROM entities WHERE n = ?1")?
        .query_row([e], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
    let name = &names[0].0;
    if *name == old_name {
        return Ok(false);
    }
    tx.prepare_cached("UPDATE entities SET name = ?2 WHERE n = ?1")?
        .execute(params![e, name])?;
    // A surname-only id ("person:carter") is not a name to link to once the full one is
    // known: move it, and let the old id redirect.
    // Only an id made from that surname moves: an entity that had the full name's id
    // before (its full-name mentions were taken out for a while) keeps it.
    let single = |s: &str| s.split_whitespace().count() == 1;
    if !single(&old_name) || single(name) || !made_from(&id, &old_name) {
        return Ok(false);
    }
    let new_id = free_id(tx, &directory::base_id(kind_of(&kind), name))?;
    tx.execute("UPDATE entities SET id = ?2 WHERE n = ?1", params![e, new_id])?;
    tx.execute(
        "INSERT OR REPLACE INTO entity_redirects (old, new) VALUES (?1, ?2)",
        params![id, new_id],
    )?;
    tx.execute(
        "UPDATE entity_redirects SET new = ?2 WHERE new = ?1",
        params![id, new_id],
    )?;
    Ok(true)
}

/// Whether `id` was made from `name` (`person:carter`, or `person:carter-2` when taken),
/// whatever its kind.
fn made_from(id: &str, name: &str) -> bool {
    let base = directory::base_id(EntityKind::Unknown, name);
    let slug = base.split_once(':').map_or("", |(_, s)| s);
    let Some(rest) = id.split_once(':').map(|(_, s)| s) else {
        return false;
    };
    rest == slug
        || rest
            .strip_prefix(slug)
            .and_then(|r| r.strip_prefix('-'))
            .is_some_and(|k| !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()))
}

/// Adds `delta` to the counts of a signature's name and roles in an entity.
fn count_names(tx: &Transaction<'_>, entity: i64, sig: &SigKey, delta: i64) -> Result<(), Error> {
    add_name(tx, entity, &sig.name, delta)?;
    let roles: Vec<String> = serde_json::from_str(&sig.roles).unwrap_or_default();
    for role in roles {
        add_role(tx, entity, &role, delta)?;
    }
    Ok(())
}

const ADD_NAME: &str = "INSERT INTO entity_names (entity, name, count) VALUES (?1, ?2, ?3)
     ON CONFLICT (entity, name) DO UPDATE SET count = count + ?3";
const ADD_ROLE: &str = "INSERT INTO entity_roles (entity, role, count) VALUES (?1, ?2, ?3)
     ON CONFLICT (entity, role) DO UPDATE SET count = count + ?3";

fn add_name(tx: &Transaction<'_>, entity: i64, name: &str, delta: i64) -> Result<(), Error> {
    tx.prepare_cached(ADD_NAME)?
        .execute(params![entity, name, delta])?;
    Ok(())
}

fn add_role(tx: &Transaction<'_>, entity: i64, role: &str, delta: i64) -> Result<(), Error> {
    tx.prepare_cached(ADD_ROLE)?
        .execute(params![entity, role, delta])?;
    Ok(())
}

/// Takes an article's entities out of the directory (before its rows are rewritten or it
/// is deleted): memberships and the counts they added.
pub(super) fn directory_remove(tx: &Transaction<'_>, n: i64) -> Result<(), Error> {
    let placed: bool = tx
        .prepare_cached("SELECT pending & ?2 = 0 FROM articles WHERE n = ?1")?
        .query_row(params![n, PENDING_DIRECTORY], |r| r.get(0))
        .optional()?
        .unwrap_or(false);
    if !placed {
        return Ok(());
    }
    let members: HashMap<String, i64> = {
        let mut st = tx.prepare_cached("SELECT local, entity FROM entity_members WHERE article = ?1")?;
        let rows = st.query_map([n], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    let mut per_entity: BTreeMap<i64, i64> = BTreeMap::new();
    for e in local_entities(tx, n)? {
        let Some(&entity) = members.get(&e.local) else {
            continue;
        };
        *per_entity.entry(entity).or_default() += e.quotes;
        count_names(tx, entity, &e.sig, -1)?;
    }
    for (&entity, quotes) in &per_entity {
        tx.prepare_cached("UPDATE entities SET articles = articles - 1, quotes = quotes - ?2 WHERE n = ?1")?
            .execute(params![entity, quotes])?;
    }
    tx.prepare_cached("DELETE FROM entity_members WHERE article = ?1")?
        .execute([n])?;
    for &entity in per_entity.keys() {
        tx.prepare_cached("DELETE FROM entity_names WHERE entity = ?1 AND count <= 0")?
            .execute([entity])?;
        tx.prepare_cached("DELETE FROM entity_roles WHERE entity = ?1 AND count <= 0")?
            .execute([entity])?;
        refresh_entity(tx, entity)?;
    }
    Ok(())
}

/// Breaks up a duplicate group that lost a member: its story counts are taken back and
/// its other members wait to be grouped again.
pub(super) fn dissolve_group(tx: &Transaction<'_>, g: i64) -> Result<(), Error> {
    let lines: Vec<(String, i64)> = {
        let mut st = tx.prepare_cached("SELECT outlet, key FROM line_groups WHERE grp = ?1")?;
        let rows = st.query_map([g], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<Result<_, _>>()?
    };
    for (outlet, key) in lines {
        tx.prepare_cached("UPDATE line_stories SET stories = stories - 1 WHERE outlet = ?1 AND key = ?2")?
            .execute(params![outlet, key])?;
        tx.prepare_cached("INSERT OR IGNORE INTO dirty_lines (outlet, key) VALUES (?1, ?2)")?
            .execute(params![outlet, key])?;
    }
    tx.execute("DELETE FROM line_groups WHERE grp = ?1", [g])?;
    tx.execute("DELETE FROM dup_groups WHERE grp = ?1", [g])?;
    tx.execute(
        "UPDATE articles SET dup_group = NULL, duplicate_of = NULL, duplicate_kind = NULL,
             pending = pending | ?2 WHERE dup_group = ?1",
        params![g, PENDING_GROUP],
    )?;
    Ok(())
}

/// `bands_new` is merged into `bands` once it holds this many keys (about 4,000
/// articles' worth) and a quarter of what `bands` holds.
const BANDS_MERGE_FLOOR: i64 = 60_000;

/// Counts `filed` new band keys and merges `bands_new` into `bands` when it is due. Each
/// page of `bands` is then written once per merge, in key order, instead of once for
/// nearly every article filed: at 100,000 articles a run of 1,000 touched 6,000 of its
/// pages. The counts are kept in `meta` (`bands_rows`, `bands_new_rows`), so that
/// deciding costs no count of either table.
fn merge_bands(tx: &Connection, filed: i64) -> Result<(), Error> {
    let set = |key: &str, v: i64| -> Result<(), Error> {
        tx.prepare_cached("INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)")?
            .execute(params![key, v.to_string()])?;
        Ok(())
    };
    let new = meta_count(tx, "bands_new_rows")? + filed;
    let main = meta_count(tx, "bands_rows")?;
    if new >= BANDS_MERGE_FLOOR && new * 4 >= main {
        let moved = tx.execute(
            "INSERT OR IGNORE INTO bands (band, article) SELECT band, article FROM bands_new ORDER BY band, article",
            [],
        )? as i64;
        tx.execute("DELETE FROM bands_new", [])?;
        set("bands_rows", main + moved)?;
        set("bands_new_rows", 0)?;
    } else if filed != 0 {
        set("bands_new_rows", new)?;
    }
    Ok(())
}

/// A count kept in `meta` (0 when it is not there yet).
fn meta_count(tx: &Connection, key: &str) -> Result<i64, Error> {
    Ok(tx
        .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
        .query_row([key], |r| r.get::<_, String>(0))
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// Takes article `n`'s band keys out of both tables, and out of their counts.
pub(super) fn delete_bands(tx: &Connection, n: i64) -> Result<(), Error> {
    for (table, key) in [("bands", "bands_rows"), ("bands_new", "bands_new_rows")] {
        let gone = tx.execute(&format!("DELETE FROM {table} WHERE article = ?1"), [n])? as i64;
        if gone != 0 {
            tx.execute(
                "UPDATE meta SET value = CAST(max(0, CAST(value AS INTEGER) - ?2) AS TEXT) WHERE key = ?1",
                params![key, gone],
            )?;
        }
    }
    Ok(())
}

/// Format 6 counts the keys of `bands` in `meta`; a store migrated to it counts them once.
pub(super) fn count_bands(tx: &Connection) -> Result<(), Error> {
    tx.execute(
        "INSERT OR REPLACE INTO meta (key, value) SELECT 'bands_rows', CAST(count(*) AS TEXT) FROM bands",
        [],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(c: &Connection, sql: &str) -> i64 {
        c.query_row(sql, [], |r| r.get(0)).unwrap()
    }

    #[test]
    fn new_band_keys_are_merged_in_once_they_are_a_quarter_of_the_rest() {
        let c = Connection::open_in_memory().unwrap();
        c.execute_batch(super::super::schema::SCHEMA).unwrap();
        let file = |first: i64, articles: i64| {
            let mut put = c
                .prepare("INSERT INTO bands_new (band, article) VALUES (?1, ?2)")
                .unwrap();
            for n in first..first + articles {
                for band in 0..15 {
                    put.execute(params![(n * 7919 + band * 104_729) % 1_000_003, n])
                        .unwrap();
                }
            }
            articles * 15
        };
        // Below the floor: the keys wait, counted.
        let filed = file(0, 100);
        merge_bands(&c, filed).unwrap();
        assert_eq!(count(&c, "SELECT count(*) FROM bands"), 0);
        assert_eq!(meta_count(&c, "bands_new_rows").unwrap(), 1_500);
        // At the floor, with nothing merged yet: merged, in one pass.
        let filed = file(100, BANDS_MERGE_FLOOR / 15);
        merge_bands(&c, filed).unwrap();
        let merged = count(&c, "SELECT count(*) FROM bands");
        assert_eq!(merged, 1_500 + BANDS_MERGE_FLOOR);
        assert_eq!(count(&c, "SELECT count(*) FROM bands_new"), 0);
        assert_eq!(meta_count(&c, "bands_rows").unwrap(), merged);
        // A deleted article leaves both tables and both counts.
        file(50_000, 1);
        merge_bands(&c, 15).unwrap();
        delete_bands(&c, 50_000).unwrap();
        delete_bands(&c, 7).unwrap();
        assert_eq!(count(&c, "SELECT count(*) FROM bands_new"), 0);
        assert_eq!(meta_count(&c, "bands_new_rows").unwrap(), 0);
        assert_eq!(meta_count(&c, "bands_rows").unwrap(), merged - 15);
    }
}
