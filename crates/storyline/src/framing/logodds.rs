//! Distinctive words: the log-odds ratio with an informative Dirichlet prior (Monroe,
//! Colaresi & Quinn 2008, "Fightin' Words"), each outlet against the others together.
//!
//! For outlet i and the rest j, with counts y, totals n, prior α_w = α0·p(w):
//! δ = ln[(y_iw+α_w)/(n_i+α0−y_iw−α_w)] − ln[(y_jw+α_w)/(n_j+α0−y_jw−α_w)],
//! z = δ / √(1/(y_iw+α_w) + 1/(y_jw+α_w)). p(w) comes from the background counts plus the
//! story's (so a word new to the store still has a prior), or from the story alone, with
//! α0 then at most a tenth of the story's words ([`LogOddsConfig::story_prior_share`]).
//! Unigrams and bigrams are scored separately, each against its own totals. z grows with
//! the amount of text, so it ranks words; the cut |z| > 1.96 is a floor, not a test.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{words, Distinctive, Gram, OutletWords, Story};
use crate::Article;

/// Term counts (content unigrams and bigrams, lower case) over many articles: the
/// background the log-odds prior is taken from. Built incrementally with
/// [`TermCounts::add_article`] and kept serialised between runs.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TermCounts {
    /// Count of each unigram and bigram (a bigram is two words joined by a space).
    pub counts: BTreeMap<String, u64>,
    /// Total unigram and bigram occurrences.
    pub unigrams: u64,
    pub bigrams: u64,
}

impl TermCounts {
    /// Adds an article's title and body.
    pub fn add_article(&mut self, a: &Article) {
        if let Some(t) = a.title.as_deref() {
            self.add_text(t);
        }
        self.add_text(&a.text);
    }

    /// Adds the content words of a text.
    pub fn add_text(&mut self, text: &str) {
        words::grams(text, |g, n| {
            *self.counts.entry(g.to_string()).or_default() += 1;
            self.add_total(n, 1);
        });
    }

    /// Adds another set of counts (from another worker or an earlier run).
    pub fn merge(&mut self, other: &TermCounts) {
        for (k, v) in &other.counts {
            *self.counts.entry(k.clone()).or_default() += v;
        }
        self.unigrams += other.unigrams;
        self.bigrams += other.bigrams;
    }

    /// The count of a unigram or bigram.
    pub fn get(&self, term: &str) -> u64 {
        self.counts.get(term).copied().unwrap_or(0)
    }

    fn add_total(&mut self, order: usize, by: u64) {
        if order == 1 {
            self.unigrams += by;
        } else {
            self.bigrams += by;
        }
    }

    fn total(&self, gram: Gram) -> u64 {
        match gram {
            Gram::Unigram => self.unigrams,
            Gram::Bigram => self.bigrams,
        }
    }
}

/// Settings of the log-odds.
#[derive(Debug, Clone)]
pub struct LogOddsConfig {
    /// α0, the prior's total weight (500, after Monroe et al.).
    pub alpha0: f64,
    /// Without background counts the prior is the story itself, and α0 is at most this
    /// share of the story's words (0.1): a prior of 500 words would drown a story of three
    /// short articles, where no word could ever stand out.
    pub story_prior_share: f64,
    /// Report words with |z| above this.
    pub min_z: f64,
    /// Report a word over-used by an outlet only when the outlet uses it this many times
    /// (under-used: when the others do). 2: a story's few articles rarely repeat a word 5
    /// times, the count RESEARCH suggests for whole collections.
    pub min_count: u64,
    /// At most this many words per outlet and direction.
    pub top: usize,
}

impl Default for LogOddsConfig {
    fn default() -> Self {
        LogOddsConfig {
            alpha0: 500.0,
            story_prior_share: 0.1,
            min_z: 1.96,
            min_count: 2,
            top: 15,
        }
    }
}

fn gram_of(term: &str) -> Gram {
    if term.contains(' ') {
        Gram::Bigram
    } else {
        Gram::Unigram
    }
}

/// Counts of each outlet, and of all together.
fn outlet_counts(story: &Story) -> (Vec<TermCounts>, TermCounts) {
    let mut per = vec![TermCounts::default(); story.outlets.len()];
    for (o, a) in story.with_outlets() {
        per[o].add_article(a);
    }
    let mut all = TermCounts::default();
    for c in &per {
        all.merge(c);
    }
    (per, all)
}

/// The log-odds of every outlet against the rest.
pub(crate) fn distinctive(
    story: &Story,
    background: Option<&TermCounts>,
    cfg: &LogOddsConfig,
) -> Vec<OutletWords> {
    let (per, all) = outlet_counts(story);
    let (prior, alpha0) = match background {
        Some(b) => {
            let mut p = b.clone();
            p.merge(&all);
            (p, cfg.alpha0)
        }
        None => {
            let words = all.unigrams as f64 * cfg.story_prior_share;
            (all.clone(), cfg.alpha0.min(words).max(1.0))
        }
    };
    let cfg = &LogOddsConfig {
        alpha0,
        ..cfg.clone()
    };
    per.iter()
        .enumerate()
        .map(|(o, mine)| {
            let scored = score_outlet(mine, &all, &prior, cfg);
            let (mut over, mut under): (Vec<_>, Vec<_>) = scored.into_iter().partition(|d| d.z > 0.0);
            over.retain(|d| d.count >= cfg.min_count);
            under.retain(|d| d.others >= cfg.min_count);
            over.sort_by(|a, b| b.z.total_cmp(&a.z).then_with(|| a.term.cmp(&b.term)));
            under.sort_by(|a, b| a.z.total_cmp(&b.z).then_with(|| a.term.cmp(&b.term)));
            over.truncate(cfg.top);
            under.truncate(cfg.top);
            OutletWords {
                outlet: story.outlets[o].clone(),
                over,
                under,
            }
        })
        .collect()
}

/// δ and z of every term of the story for one outlet against the rest, those with
/// |z| > `min_z`.
fn score_outlet(
    mine: &TermCounts,
    all: &TermCounts,
    prior: &TermCounts,
    cfg: &LogOddsConfig,
) -> Vec<Distinctive> {
    let mut out = Vec::new();
    let totals: HashMap<Gram, (f64, f64, f64)> = [Gram::Unigram, Gram::Bigram]
        .into_iter()
        .map(|g| {
            let ni = mine.total(g) as f64;
            let nj = (all.total(g) - mine.total(g)) as f64;
            (g, (ni, nj, prior.total(g).max(1) as f64))
        })
        .collect();
    for (term, &total) in &all.counts {
        let gram = gram_of(term);
        let (ni, nj, np) = totals[&gram];
        let yi = mine.get(term) as f64;
        let yj = total as f64 - yi;
        let a = cfg.alpha0 * prior.get(term) as f64 / np;
        if a <= 0.0 {
            continue;
        }
        let a0 = cfg.alpha0;
        let delta = ((yi + a) / (ni + a0 - yi - a)).ln() - ((yj + a) / (nj + a0 - yj - a)).ln();
        let z = delta / (1.0 / (yi + a) + 1.0 / (yj + a)).sqrt();
        if z.abs() > cfg.min_z {
            out.push(Distinctive {
                term: term.clone(),
                gram,
                count: yi as u64,
                others: yj as u64,
                delta,
                z,
            });
        }
    }
    out
}
