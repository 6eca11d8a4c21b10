//! Framing by outlet: how the outlets that told one story told it differently.
//!
//! Given the analysed articles of a story, [`analyze`] reports
//! - **term choice** ([`TermChoice`]): terms different outlets use for the same referent,
//!   found by aligning near-parallel sentences across outlets and taking the words that
//!   fill the same slot ("the rebels seized the town" / "the militants seized the town"),
//!   and by comparing the roles written before one resolved entity's name in each outlet;
//! - **distinctive words** ([`OutletWords`]): unigrams and bigrams that set one outlet's
//!   coverage apart from the others', by the log-odds ratio with an informative Dirichlet
//!   prior (Monroe, Colaresi & Quinn 2008);
//! - **quote selection** ([`QuoteSelection`]): whom each outlet quotes, whom others quote
//!   and it does not, and the share of its text in quotation marks;
//! - **omissions** ([`Omissions`]): people and organisations others name and it does not,
//!   with a field for figures others report that the caller fills;
//! - **wording** ([`OutletWording`]): each outlet's loaded words in its own voice (lexical
//!   bias: "slammed", "the regime") and the sentences only it gives (informational bias).
//!
//! Articles without an outlet are left out (their ids are listed in
//! [`Framing::skipped`]): an article of unknown origin says nothing about any outlet's
//! choices, and pooling them would invent an outlet. Several articles of one outlet are
//! pooled as that outlet's coverage.
//!
//! Every example points at its sentence with a [`TextRef`]: the article id, whether the
//! span is in the title or the body, and a byte span into that text.

mod exclusive;
mod loaded;
mod logodds;
mod sources;
mod terms;
mod words;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::span::Span;
use crate::Article;

pub use exclusive::{ExclusiveConfig, ExclusiveSentence};
pub use loaded::{loaded_uses, Cue, LoadedTerm, LoadedUse};
pub use logodds::{LogOddsConfig, TermCounts};
pub use terms::{first_use, TermConfig};

/// Which text of an article a span points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// [`Article::title`].
    Title,
    /// [`Article::text`].
    Body,
}

/// A span of one article: its id, the part and a byte span into that part's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TextRef {
    pub article: String,
    pub part: Part,
    pub span: Span,
}

impl TextRef {
    /// The text under the span, given the article it points into.
    pub fn slice<'a>(&self, article: &'a Article) -> Option<&'a str> {
        let text = match self.part {
            Part::Title => article.title.as_deref()?,
            Part::Body => &article.text,
        };
        self.span.slice(text)
    }
}

/// How many times one outlet uses something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutletCount {
    pub outlet: String,
    pub count: usize,
}

/// How a term choice was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TermMethod {
    /// Words filling the same slot in aligned sentences of two outlets.
    Alignment,
    /// Different roles written before the same resolved entity's name.
    Coreference,
}

/// One term of a term choice: its normalised form (lower case), how often each outlet
/// uses it, and an example.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermUse {
    pub term: String,
    /// Outlets that use the term, most uses first.
    pub counts: Vec<OutletCount>,
    pub example: TextRef,
}

/// One place where two outlets use different terms for the same thing: the two spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Substitution {
    pub a: TextRef,
    pub b: TextRef,
    /// 0–1: how parallel the two sentences are and how firmly the slot is anchored.
    pub score: f32,
}

/// Terms different outlets use for the same referent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TermChoice {
    pub method: TermMethod,
    /// The resolved entity the terms describe, for [`TermMethod::Coreference`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referent: Option<String>,
    /// 0–1: the best evidence's score.
    pub score: f32,
    pub terms: Vec<TermUse>,
    /// The aligned places the choice was read from, best first (at most
    /// [`TermConfig::max_evidence`]).
    pub evidence: Vec<Substitution>,
}

/// Whether a distinctive term is one word or two.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gram {
    Unigram,
    Bigram,
}

/// A word or phrase an outlet uses more (or less) than the other outlets of the story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Distinctive {
    pub term: String,
    pub gram: Gram,
    /// Uses by this outlet.
    pub count: u64,
    /// Uses by the other outlets together.
    pub others: u64,
    /// The log-odds ratio δ (positive: this outlet uses it more).
    pub delta: f64,
    /// δ over its standard deviation.
    pub z: f64,
}

/// The most distinctive words of one outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletWords {
    pub outlet: String,
    /// Over-used words, highest z first.
    pub over: Vec<Distinctive>,
    /// Under-used words, lowest z first.
    pub under: Vec<Distinctive>,
}

/// A speaker an outlet quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpeakerCount {
    /// The key speakers are matched by across articles (surname for people, normalised
    /// name otherwise).
    pub key: String,
    pub name: String,
    pub quotes: usize,
    pub example: TextRef,
}

/// A speaker or an entity one outlet leaves out and others report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Omitted {
    pub key: String,
    pub name: String,
    /// The outlets that report it.
    pub reported_by: Vec<String>,
    /// Where one of them does.
    pub example: TextRef,
}

/// Whom one outlet quotes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteSelection {
    pub outlet: String,
    /// Speakers with attributed quotes, most quotes first.
    pub speakers: Vec<SpeakerCount>,
    /// Speakers other outlets quote and this one does not.
    pub left_out: Vec<Omitted>,
    /// Characters inside quotation marks (direct quotes and quoted fragments).
    pub quoted_chars: usize,
    /// Characters of the outlet's body text.
    pub text_chars: usize,
    /// `quoted_chars / text_chars` (0 with no text).
    pub quote_share: f64,
}

/// A figure others report that this outlet does not: filled by the caller from the
/// story's figures (`claims`), empty as [`analyze`] returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OmittedFigure {
    /// The measure in words, as its heading among the story's figures reads
    /// ([`crate::claims::TrackedMeasure::label`]: "deaths in the conflict"), not one
    /// outlet's wording of it ("have died").
    pub measured: String,
    pub reported_by: Vec<String>,
    pub example: TextRef,
}

/// What one outlet leaves out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Omissions {
    pub outlet: String,
    /// People and organisations that at least two other outlets name (all others when the
    /// story has only two outlets) and this one does not.
    pub entities: Vec<Omitted>,
    /// Speakers quoted by as many other outlets and not by this one.
    pub speakers: Vec<Omitted>,
    /// Figures others report: left for the caller to fill from `claims`.
    pub figures: Vec<OmittedFigure>,
}

/// How one outlet worded the story: its loaded words and what only it says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletWording {
    pub outlet: String,
    /// Loaded words and phrases in the outlet's own voice, most used first.
    pub loaded: Vec<LoadedTerm>,
    /// Sentences whose content no other outlet of the story gives, most novel first.
    pub exclusive: Vec<ExclusiveSentence>,
}

/// One outlet of the story and its articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletArticles {
    pub outlet: String,
    pub articles: Vec<String>,
}

/// How the outlets of one story framed it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Framing {
    /// Outlets in the order of their first article.
    pub outlets: Vec<OutletArticles>,
    /// Ids of the articles without an outlet, left out.
    pub skipped: Vec<String>,
    pub terms: Vec<TermChoice>,
    pub distinctive: Vec<OutletWords>,
    pub quotes: Vec<QuoteSelection>,
    pub omissions: Vec<Omissions>,
    /// Per outlet, in the order of `outlets`.
    #[serde(default)]
    pub wording: Vec<OutletWording>,
}

impl Framing {
    /// The same framing with each outlet's lists (speakers it quotes and leaves out,
    /// entities, speakers and figures it omits, loaded words, exclusive sentences) cut to
    /// their first `max`, which come first
    /// because they count most: for a page that must stay small whatever the story.
    pub fn abridged(mut self, max: usize) -> Framing {
        let f = &mut self;
        for q in &mut f.quotes {
            q.speakers.truncate(max);
            q.left_out.truncate(max);
        }
        for o in &mut f.omissions {
            o.entities.truncate(max);
            o.speakers.truncate(max);
            o.figures.truncate(max);
        }
        for w in &mut f.wording {
            w.loaded.truncate(max);
            w.exclusive.truncate(max);
        }
        self
    }
}

/// Settings of [`analyze`].
#[derive(Debug, Clone, Default)]
pub struct FramingConfig {
    pub terms: TermConfig,
    pub log_odds: LogOddsConfig,
    pub exclusive: ExclusiveConfig,
}

/// The outlets of the articles in order of first appearance, and each article's outlet
/// index (`None` without an outlet).
fn outlets_of(articles: &[&Article]) -> (Vec<String>, Vec<Option<usize>>) {
    let mut names: Vec<String> = Vec::new();
    let of = articles
        .iter()
        .map(|a| {
            let o = a.outlet.as_deref()?.trim();
            if o.is_empty() {
                return None;
            }
            Some(names.iter().position(|n| n == o).unwrap_or_else(|| {
                names.push(o.to_string());
                names.len() - 1
            }))
        })
        .collect();
    (names, of)
}

/// Fills each outlet's `omissions[].figures` from the story's tracked figures
/// (`claims::track`): the measures enough other outlets report and it does not, by the
/// same rule as the entities and speakers it leaves out.
pub fn add_figure_omissions(framing: &mut Framing, measures: &[crate::claims::TrackedMeasure]) {
    sources::figure_omissions(framing, measures);
}

/// How the outlets of a story framed it, with the default settings. `background`, when
/// given, holds term counts over the whole store: the prior of the log-odds (see
/// [`TermCounts`]); without it the prior is the story's own counts.
pub fn analyze(articles: &[&Article], background: Option<&TermCounts>) -> Framing {
    analyze_with(articles, background, &FramingConfig::default())
}

/// [`analyze`] with settings.
pub fn analyze_with(
    articles: &[&Article],
    background: Option<&TermCounts>,
    config: &FramingConfig,
) -> Framing {
    let (names, outlet_of) = outlets_of(articles);
    let outlets: Vec<OutletArticles> = names
        .iter()
        .enumerate()
        .map(|(o, n)| OutletArticles {
            outlet: n.clone(),
            articles: articles
                .iter()
                .zip(&outlet_of)
                .filter(|(_, x)| **x == Some(o))
                .map(|(a, _)| a.id.clone())
                .collect(),
        })
        .collect();
    let skipped = articles
        .iter()
        .zip(&outlet_of)
        .filter(|(_, x)| x.is_none())
        .map(|(a, _)| a.id.clone())
        .collect();
    let story = Story {
        articles,
        outlets: &names,
        outlet_of: &outlet_of,
    };
    let units = words::units(articles, &outlet_of);
    let mut terms = terms::aligned_terms(&story, &units, &config.terms);
    terms.extend(terms::coreferent_terms(&story, &units, &config.terms));
    let distinctive = logodds::distinctive(&story, background, &config.log_odds);
    let (quotes, omissions) = sources::selection(&story);
    let exclusive = exclusive::by_outlet(&story, &units, &config.exclusive);
    let wording = loaded::by_outlet(&story)
        .into_iter()
        .zip(exclusive)
        .zip(&names)
        .map(|((loaded, exclusive), outlet)| OutletWording {
            outlet: outlet.clone(),
            loaded,
            exclusive,
        })
        .collect();
    Framing {
        outlets,
        skipped,
        terms,
        distinctive,
        quotes,
        omissions,
        wording,
    }
}

/// The story as the parts of framing see it.
pub(crate) struct Story<'a> {
    pub articles: &'a [&'a Article],
    pub outlets: &'a [String],
    /// The outlet index of each article.
    pub outlet_of: &'a [Option<usize>],
}

impl Story<'_> {
    /// Articles with their outlet index, those without an outlet skipped.
    pub fn with_outlets(&self) -> impl Iterator<Item = (usize, &Article)> + '_ {
        self.articles
            .iter()
            .zip(self.outlet_of)
            .filter_map(|(a, o)| o.map(|o| (o, *a)))
    }
}

/// The distinctive words of each outlet among `articles` (the log-odds part of
/// [`analyze`] alone): for comparisons over a whole store or any grouping of articles
/// (set `outlet` to the group).
pub fn distinctive_words(
    articles: &[&Article],
    background: Option<&TermCounts>,
    config: &LogOddsConfig,
) -> Vec<OutletWords> {
    let (names, outlet_of) = outlets_of(articles);
    let story = Story {
        articles,
        outlets: &names,
        outlet_of: &outlet_of,
    };
    logodds::distinctive(&story, background, config)
}
