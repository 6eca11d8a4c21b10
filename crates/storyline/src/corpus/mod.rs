//! Corpus passes: what is decided across articles rather than inside one — duplicate
//! groups, outlet template lines, the corpus-wide entity directory, and one outlet name
//! per site ([`sites`]).
//!
//! Two drivers share these rules: [`decide`] runs them over a set of articles held in
//! memory (`storyline analyze`), and the store runs them incrementally over what a run
//! adds (`store::corpus`), keeping its buckets, line counts and directory on disk.

pub mod dedup;
pub mod directory;
pub mod sites;
pub mod template;

use serde::{Deserialize, Serialize};

use crate::article::{join_paragraphs, Article, PubDate, Removed, RemovedKind};
use dedup::{Candidate, DedupConfig, Fingerprint};
use template::{LineSig, TemplateConfig};

/// How a copy relates to its duplicate group's representative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum DuplicateKind {
    /// The same text, from the same outlet.
    #[serde(rename = "exact")]
    Exact,
    /// Nearly the same text (an edit, a correction, another crawl), same outlet.
    #[serde(rename = "near")]
    Near,
    /// The same text carried by another outlet (a wire story).
    #[serde(rename = "exact syndicated")]
    ExactSyndicated,
    /// Nearly the same text carried by another outlet.
    #[serde(rename = "near syndicated")]
    NearSyndicated,
}

impl DuplicateKind {
    /// The kind of a copy, from the text match and whether the outlets differ.
    pub fn of(kind: dedup::DupKind, syndicated: bool) -> Self {
        match (kind, syndicated) {
            (dedup::DupKind::Exact, false) => DuplicateKind::Exact,
            (dedup::DupKind::Near, false) => DuplicateKind::Near,
            (dedup::DupKind::Exact, true) => DuplicateKind::ExactSyndicated,
            (dedup::DupKind::Near, true) => DuplicateKind::NearSyndicated,
        }
    }

    /// As written in records and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            DuplicateKind::Exact => "exact",
            DuplicateKind::Near => "near",
            DuplicateKind::ExactSyndicated => "exact syndicated",
            DuplicateKind::NearSyndicated => "near syndicated",
        }
    }

    /// Parses [`DuplicateKind::as_str`]'s text.
    pub fn parse(s: &str) -> Option<Self> {
        [
            DuplicateKind::Exact,
            DuplicateKind::Near,
            DuplicateKind::ExactSyndicated,
            DuplicateKind::NearSyndicated,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }

    /// Whether the copy came from another outlet.
    pub fn syndicated(self) -> bool {
        matches!(
            self,
            DuplicateKind::ExactSyndicated | DuplicateKind::NearSyndicated
        )
    }
}

impl std::fmt::Display for DuplicateKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the corpus passes need of one article, computed once per article.
#[derive(Debug, Clone)]
pub struct CorpusSig {
    pub fingerprint: Fingerprint,
    pub lines: Vec<LineSig>,
}

impl CorpusSig {
    /// The signature of an article's per-document text.
    pub fn of(a: &Article, template: &TemplateConfig) -> Self {
        CorpusSig {
            fingerprint: dedup::fingerprint(&a.text),
            lines: template::line_sigs(a.paragraph_texts(), template),
        }
    }
}

/// One article's corpus-pass input.
pub struct CorpusMeta<'a> {
    pub id: &'a str,
    /// The outlet the article names itself by (its template lines are counted under it).
    pub outlet: Option<&'a str>,
    /// The site whose name it is shown under ([`sites::named_site`]), if any: a copy is
    /// syndicated when its carrier (that site, else its outlet) differs from its original's.
    pub site: Option<&'a str>,
    pub published: Option<PubDate>,
    pub sig: &'a CorpusSig,
}

impl CorpusMeta<'_> {
    /// Who carries the article: its site, else its outlet.
    fn carrier(&self) -> Option<&str> {
        self.site.or(self.outlet)
    }
}

/// The corpus passes' verdict on one article.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CorpusDecision {
    pub duplicate_of: Option<String>,
    pub duplicate_kind: Option<DuplicateKind>,
    /// Indices of paragraphs that are outlet template.
    pub template_lines: Vec<usize>,
}

/// Runs the corpus passes over a set of articles: duplicate groups, then template lines
/// (counted once per duplicate group). Returns each article's decision.
pub fn decide(metas: &[CorpusMeta<'_>], dedup: &DedupConfig, tmpl: &TemplateConfig) -> Vec<CorpusDecision> {
    let cands: Vec<Candidate> = metas
        .iter()
        .map(|m| Candidate {
            id: m.id,
            published: m.published,
            fingerprint: &m.sig.fingerprint,
        })
        .collect();
    let groups = dedup::group(&cands, dedup);
    let docs: Vec<template::Doc> = metas
        .iter()
        .enumerate()
        .map(|(i, m)| template::Doc {
            outlet: m.outlet,
            group: groups[i].map_or(i, |(r, _)| r),
            lines: &m.sig.lines,
        })
        .collect();
    let lines = template::find(&docs, tmpl);
    groups
        .into_iter()
        .zip(lines)
        .enumerate()
        .map(|(i, (g, template_lines))| CorpusDecision {
            duplicate_of: g.map(|(r, _)| metas[r].id.to_string()),
            duplicate_kind: g.map(|(r, k)| DuplicateKind::of(k, metas[r].carrier() != metas[i].carrier())),
            template_lines,
        })
        .collect()
}

impl CorpusDecision {
    /// Applies the verdict to the per-document article: sets the duplicate fields and
    /// drops template paragraphs (the id stays that of the per-document text). Returns
    /// whether paragraphs were dropped: their spans moved, so the caller re-runs the
    /// language stages on the new text.
    #[must_use]
    pub fn apply(&self, a: &mut Article) -> bool {
        a.duplicate_of = self.duplicate_of.clone();
        a.duplicate_kind = self.duplicate_kind;
        if self.template_lines.is_empty() || self.template_lines.len() >= a.paragraphs.len() {
            return false;
        }
        let mut keep = Vec::with_capacity(a.paragraphs.len());
        let mut dropped = Vec::new();
        for (i, p) in a.paragraph_texts().enumerate() {
            if self.template_lines.binary_search(&i).is_ok() {
                dropped.push(Removed {
                    kind: RemovedKind::Template,
                    text: p.to_string(),
                    head: false,
                });
            } else {
                keep.push(p.to_string());
            }
        }
        a.removed.extend(dropped);
        let (text, spans) = join_paragraphs(&keep);
        a.text = text;
        a.paragraphs = spans;
        true
    }
}
