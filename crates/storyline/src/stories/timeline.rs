//! Timelines (DATEWISE): which days of a story matter, and for each one to three
//! sentences saying what happened then.
//!
//! 1. Days are ranked by how many articles name them (a day-precision time expression in
//!    a sentence, or a span counted from the last date, "two days later": an article that
//!    repeats a day counts once) plus how many were published on them, scaled up by the
//!    number of outlets that report them; syndicated copies count once.
//! 2. For a day `d` the candidates are the sentences naming `d` and the first sentences of
//!    the articles published on `d` or the day after (not the day after when those first
//!    sentences name their own publication day). The day's vector keeps the terms both
//!    groups use (their mean vectors, summed); candidates below the knee of their cosines
//!    with it are dropped.
//! 3. CENTROID-OPT picks the day's sentences among the rest, none redundant with one
//!    already in the timeline.
//!
//! Every sentence keeps its article, outlet and the evidence that dated it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use serde::Serialize;

use super::summary::{centroid_opt, ArticleView, Extract, Pool};
use super::terms::SparseVec;
use crate::time::{DateRule, TimexRule, TimexType};

/// How a timeline is made.
#[derive(Debug, Clone)]
pub struct TimelineOptions {
    /// Number of dates; `None`: the knee of the ranked date scores, kept within 5 and one
    /// date a week of the story's span.
    pub dates: Option<usize>,
    /// Sentences per date (1–3 reads well).
    pub sentences_per_date: usize,
    /// Only dates in this closed range.
    pub span: Option<(NaiveDate, NaiveDate)>,
    /// When not empty, a sentence is shown only if it contains one of these (case
    /// insensitive): the evaluation protocol's topic keyphrases.
    pub keywords: Vec<String>,
    /// The first `lead` sentences of an article are candidates for the day it was
    /// published and the day before.
    pub lead: usize,
    /// A sentence whose cosine with one already in the timeline reaches this is redundant
    /// (0.5, as for summaries: 0.6 was flat on the Timeline17 tuning half and helped only
    /// the other half, so it is not confirmed).
    pub max_similarity: f32,
}

impl Default for TimelineOptions {
    fn default() -> Self {
        TimelineOptions {
            dates: None,
            sentences_per_date: 2,
            span: None,
            keywords: Vec::new(),
            lead: 5,
            max_similarity: 0.5,
        }
    }
}

/// What dated a sentence for the day it is shown under.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Evidence<'a> {
    /// A time expression in the sentence names the day.
    Expression {
        text: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        rule: Option<TimexRule>,
    },
    /// A span counted from the last date the article named ("two days later").
    Shifted { text: &'a str },
    /// One of the first sentences of an article published that day (`published`).
    Published { published: NaiveDate },
    /// One of the first sentences of an article published the next day (`published`):
    /// the news of one day is printed the next.
    DayBefore { published: NaiveDate },
}

/// A timeline sentence: the extract and what dated it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DatedExtract<'a> {
    #[serde(flatten)]
    pub extract: Extract<'a>,
    pub evidence: Evidence<'a>,
}

/// How much a day is reported.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DateScore {
    pub date: NaiveDate,
    /// What days are ranked by (see the module documentation).
    pub score: f32,
    /// Sentences that name the day.
    pub mentions: u32,
    /// Articles with such a sentence.
    pub articles: u32,
    /// Articles published that day.
    pub published: u32,
    /// Outlets that name the day or publish on it.
    pub outlets: u32,
}

/// One date of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimelineDate<'a> {
    #[serde(flatten)]
    pub score: DateScore,
    pub sentences: Vec<DatedExtract<'a>>,
}

/// Dates in calendar order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline<'a> {
    pub dates: Vec<TimelineDate<'a>>,
}

/// Weight of an article published on a day, against one article naming it.
const PUBLISHED_WEIGHT: f32 = 1.0;

/// A sentence of a representative article: (article, sentence).
type SentenceId = (usize, usize);

/// Which sentences name which days, and which lead sentences belong to which days.
struct DateIndex<'a> {
    mentions: BTreeMap<NaiveDate, Vec<(SentenceId, Evidence<'a>)>>,
    /// Lead sentences by the day they may report, with their article's publication day.
    leads: BTreeMap<NaiveDate, Vec<(SentenceId, NaiveDate)>>,
    scores: Vec<DateScore>,
}

/// The days sentence `s` of `v` names, each with its evidence (first one found).
fn named_days<'a>(v: &ArticleView<'a>, s: usize) -> Vec<(NaiveDate, Evidence<'a>)> {
    let mut out: Vec<(NaiveDate, Evidence<'a>)> = Vec::new();
    let Some(span) = v.sentences.get(s) else {
        return out;
    };
    let first = v.timexes.partition_point(|t| t.span.start < span.start);
    for t in v.timexes[first..].iter().take_while(|t| t.span.start < span.end) {
        if !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        if let Some(d) = t.value.day() {
            if !out.iter().any(|&(x, _)| x == d) {
                let text = t.span.slice(v.text).unwrap_or_default();
                out.push((d, Evidence::Expression { text, rule: t.rule }));
            }
        }
    }
    // `sentence_dates` is in sentence order: look the sentence up rather than scan the
    // article's list for every sentence (which made an article quadratic in its length).
    let from = v.sentence_dates.partition_point(|sd| sd.sentence < s);
    for sd in v.sentence_dates[from..].iter().take_while(|sd| sd.sentence == s) {
        let Some(d) = sd.value.day() else { continue };
        if sd.rule == DateRule::Shifted && !out.iter().any(|&(x, _)| x == d) {
            let text = sd
                .timex
                .and_then(|i| v.timexes.get(i))
                .and_then(|t| t.span.slice(v.text))
                .unwrap_or_default();
            out.push((d, Evidence::Shifted { text }));
        }
    }
    out
}

impl<'a> DateIndex<'a> {
    fn new(pool: &Pool<'_, 'a>, opts: &TimelineOptions) -> Self {
        let (lead, span) = (opts.lead, opts.span);
        let inside = |d: NaiveDate| span.is_none_or(|(a, b)| a <= d && d <= b);
        let mut mentions: BTreeMap<NaiveDate, Vec<(SentenceId, Evidence<'a>)>> = BTreeMap::new();
        let mut leads: BTreeMap<NaiveDate, Vec<(SentenceId, NaiveDate)>> = BTreeMap::new();
        let mut outlets: HashMap<NaiveDate, BTreeSet<&str>> = HashMap::new();
        let mut articles: HashMap<NaiveDate, BTreeSet<usize>> = HashMap::new();
        let mut published: HashMap<NaiveDate, u32> = HashMap::new();
        for &a in &pool.reps {
            let v = &pool.views[a];
            let n = lead.min(v.sentences.len());
            // Rule `lead_names_its_day`: a lead that names its own publication day ("closed
            // on Wednesday" in a Wednesday paper) reports that day, not the day before.
            let mut own_day = false;
            for s in 0..v.sentences.len() {
                for (d, ev) in named_days(v, s) {
                    own_day |= s < n && Some(d) == v.published;
                    if !inside(d) {
                        continue;
                    }
                    mentions.entry(d).or_default().push(((a, s), ev));
                    articles.entry(d).or_default().insert(a);
                    outlets.entry(d).or_default().insert(pool.outlet_key(a));
                }
            }
            let Some(p) = v.published else { continue };
            if inside(p) {
                *published.entry(p).or_default() += 1;
                outlets.entry(p).or_default().insert(pool.outlet_key(a));
            }
            let before = p.pred_opt().filter(|_| !own_day);
            for d in std::iter::once(p).chain(before) {
                leads.entry(d).or_default().extend((0..n).map(|s| ((a, s), p)));
            }
        }
        let mut days: BTreeSet<NaiveDate> = mentions.keys().copied().collect();
        days.extend(published.keys().copied());
        let mut scores: Vec<DateScore> = days
            .into_iter()
            .map(|date| {
                let m = mentions.get(&date).map_or(0, |v| v.len()) as u32;
                let named = articles.get(&date);
                let a = named.map_or(0, |v| v.len()) as u32;
                let p = published.get(&date).copied().unwrap_or(0);
                let o = outlets.get(&date).map_or(0, |v| v.len()) as u32;
                let raw = a as f32 + PUBLISHED_WEIGHT * p as f32;
                DateScore {
                    date,
                    score: raw * (1.0 + (o.max(1) as f32).ln()),
                    mentions: m,
                    articles: a,
                    published: p,
                    outlets: o,
                }
            })
            .collect();
        scores.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.date.cmp(&b.date)));
        DateIndex {
            mentions,
            leads,
            scores,
        }
    }

    /// The candidates for day `d`: sentences that name it (with their evidence), then
    /// lead sentences not already among them; each sentence once.
    fn candidates(&self, d: NaiveDate) -> (Vec<(SentenceId, Evidence<'a>)>, usize) {
        let mut out: Vec<(SentenceId, Evidence<'a>)> = Vec::new();
        let mut seen: BTreeSet<SentenceId> = BTreeSet::new();
        for &(id, ev) in self.mentions.get(&d).into_iter().flatten() {
            if seen.insert(id) {
                out.push((id, ev));
            }
        }
        let named = out.len();
        for &(id, published) in self.leads.get(&d).into_iter().flatten() {
            if seen.insert(id) {
                out.push((
                    id,
                    if published == d {
                        Evidence::Published { published }
                    } else {
                        Evidence::DayBefore { published }
                    },
                ));
            }
        }
        (out, named)
    }
}

/// Ranks the days a set of articles reports (see the module documentation), best first.
pub fn rank_dates(articles: &[ArticleView<'_>], span: Option<(NaiveDate, NaiveDate)>) -> Vec<DateScore> {
    let pool = Pool::for_timeline(articles);
    let opts = TimelineOptions {
        lead: 0,
        span,
        ..Default::default()
    };
    DateIndex::new(&pool, &opts).scores
}

/// The index of the knee of a curve sorted from high to low: the point farthest from the
/// straight line between its ends (0 for fewer than three points).
pub(crate) fn knee(values: &[f32]) -> usize {
    let n = values.len();
    if n < 3 {
        return 0;
    }
    let (x1, y1) = ((n - 1) as f32, values[n - 1] - values[0]);
    let len = (x1 * x1 + y1 * y1).sqrt();
    if len == 0.0 {
        return 0;
    }
    let dist = |i: usize| ((i as f32) * y1 - (values[i] - values[0]) * x1).abs() / len;
    (0..n)
        .max_by(|&a, &b| dist(a).total_cmp(&dist(b)).then(b.cmp(&a)))
        .unwrap_or(0)
}

/// The day's vector: the mean vectors of the sentences naming it and of the lead
/// sentences, summed over the terms both use.
fn date_vector(named: &[&SparseVec], leads: &[&SparseVec]) -> SparseVec {
    let mean = |vs: &[&SparseVec]| {
        let mut m = SparseVec::default();
        vs.iter().for_each(|v| m.add_scaled(v, 1.0 / vs.len() as f32));
        m
    };
    let (m, p) = (mean(named), mean(leads));
    let mut both = m.clone();
    both.add_scaled(&p, 1.0);
    let keep: BTreeSet<_> =
        m.0.iter()
            .map(|e| e.0)
            .filter(|t| p.0.binary_search_by_key(t, |e| e.0).is_ok())
            .collect();
    both.0.retain(|e| keep.contains(&e.0));
    both
}

/// Keeps the candidates whose cosine with the day's vector is above the knee of all the
/// cosines (all of them when the day has only named or only lead sentences, or when none
/// would be left).
fn knee_filter(vecs: &[&SparseVec], named: usize) -> Vec<usize> {
    let all: Vec<usize> = (0..vecs.len()).collect();
    if named == 0 || named == vecs.len() {
        return all;
    }
    let dv = date_vector(&vecs[..named], &vecs[named..]);
    let sims: Vec<f32> = vecs.iter().map(|v| v.cosine(&dv)).collect();
    let mut sorted = sims.clone();
    sorted.sort_by(|a, b| b.total_cmp(a));
    let thresh = sorted[knee(&sorted)];
    let kept: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| sims[i] > 0.0 && sims[i] > thresh)
        .collect();
    if kept.is_empty() {
        all
    } else {
        kept
    }
}

/// How many dates to show when the caller does not say: the knee of the ranked scores,
/// kept between 5 and one a week of the span the dates cover.
fn default_count(scores: &[DateScore]) -> usize {
    let sorted: Vec<f32> = scores.iter().map(|s| s.score).collect();
    let (first, last) = match (
        scores.iter().map(|s| s.date).min(),
        scores.iter().map(|s| s.date).max(),
    ) {
        (Some(a), Some(b)) => (a, b),
        _ => return 0,
    };
    let weeks = ((last - first).num_days() / 7) as usize;
    (knee(&sorted) + 1).clamp(5, weeks.max(5)).min(scores.len())
}

/// Builds the timeline of a set of articles (see the module documentation).
pub fn build_timeline<'a>(articles: &[ArticleView<'a>], opts: &TimelineOptions) -> Timeline<'a> {
    let pool = Pool::for_timeline(articles);
    let index = DateIndex::new(&pool, opts);
    let wanted = opts.dates.unwrap_or_else(|| default_count(&index.scores));
    let keywords: Vec<String> = opts.keywords.iter().map(|k| k.to_lowercase()).collect();
    let shown = |(a, s): SentenceId| {
        pool.showable(a, s)
            && (keywords.is_empty() || {
                let text = pool.views[a].sentence(s).to_lowercase();
                keywords.iter().any(|k| text.contains(k.as_str()))
            })
    };
    let mut used: Vec<SentenceId> = Vec::new();
    let mut dates: Vec<TimelineDate<'a>> = Vec::new();
    for score in &index.scores {
        if dates.len() >= wanted {
            break;
        }
        let (cands, named) = index.candidates(score.date);
        let vecs: Vec<&SparseVec> = cands.iter().map(|&((a, s), _)| &pool.vectors[a][s]).collect();
        let kept = knee_filter(&vecs, named);
        let kept_vecs: Vec<&SparseVec> = kept.iter().map(|&i| vecs[i]).collect();
        let mut centroid = SparseVec::default();
        kept_vecs.iter().for_each(|v| centroid.add_scaled(v, 1.0));
        let chosen = centroid_opt(
            &centroid,
            &kept_vecs,
            opts.sentences_per_date,
            opts.max_similarity,
            |i, _| {
                let id = cands[kept[i]].0;
                shown(id)
                    && used.iter().all(|&(a, s)| {
                        (a, s) != id && pool.vectors[a][s].cosine(kept_vecs[i]) < opts.max_similarity
                    })
            },
        );
        if chosen.is_empty() {
            continue;
        }
        let mut picked: Vec<(SentenceId, Evidence<'a>)> = chosen.iter().map(|&i| cands[kept[i]]).collect();
        picked.sort_by_key(|&((a, s), _)| (pool.views[a].published, a, s));
        used.extend(picked.iter().map(|&(id, _)| id));
        dates.push(TimelineDate {
            score: *score,
            sentences: picked
                .into_iter()
                .map(|((a, s), evidence)| DatedExtract {
                    extract: pool.timeline_extract(a, s),
                    evidence,
                })
                .collect(),
        });
    }
    dates.sort_by_key(|d| d.score.date);
    Timeline { dates }
}

#[cfg(test)]
pub(in crate::stories) mod tests {
    use super::*;
    use crate::ingest::{Content, InputMeta, RawItem};
    use crate::{Article, Pipeline, PipelineConfig};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Analyses an invented article as the pipeline would, with its outlet and date.
    pub(in crate::stories) fn article(
        p: &Pipeline,
        outlet: &str,
        published: &str,
        paras: &[&str],
    ) -> Article {
        let text = paras.join("\n\n");
        let item = RawItem {
            source: crate::Source {
                path: format!("{outlet}-{published}.txt"),
                format: crate::Format::Text,
                record_id: None,
                line: None,
            },
            content: Content::Text(text.clone()),
            meta: InputMeta {
                published: Some(published.to_string()),
                outlet: Some(outlet.to_string()),
                ..Default::default()
            },
            warnings: vec![],
            bytes: text.len() as u64,
        };
        p.analyze(item).expect("analysed")
    }

    /// An invented story: a footbridge in the town of Quillmere falls into the Dunnet
    /// canal; three outlets report it over a week and a wire service copies one report.
    fn story(p: &Pipeline) -> Vec<Article> {
        let first = article(
            p,
            "Fenland Gazette",
            "2031-03-03",
            &[
                "Quillmere footbridge falls into canal",
                "The iron footbridge over the Dunnet canal in Quillmere collapsed on March 2, 2031, after a barge struck one of its piers.",
                "Nobody was on the bridge when the middle section dropped into the water, the town's fire crews said.",
                "Barge traffic on the canal was halted while divers inspected the wreckage of the footbridge.",
            ],
        );
        let second = article(
            p,
            "Marsh Herald",
            "2031-03-05",
            &[
                "Canal reopens after bridge fall",
                "Barges moved again through Quillmere on Wednesday after cranes lifted the fallen footbridge out of the Dunnet canal.",
                "The footbridge collapsed on March 2 when a grain barge struck a pier during high water.",
                "The skipper of the barge has been questioned by canal inspectors, the waterways board said.",
            ],
        );
        let third = article(
            p,
            "Lowmoor Echo",
            "2031-03-10",
            &[
                "Quillmere council votes for new crossing",
                "Quillmere councillors voted on March 9, 2031 to build a steel footbridge over the Dunnet canal by next spring.",
                "The old iron footbridge collapsed on March 2 after a grain barge hit one of its piers.",
                "Residents have walked an extra mile to the lock gates since the crossing was lost.",
                "The county must still approve the plan the council backed on March 9 before work starts.",
            ],
        );
        let fourth = article(
            p,
            "Marsh Herald",
            "2031-03-11",
            &[
                "Steel crossing chosen for Quillmere",
                "Quillmere councillors agreed on March 9 to replace the fallen iron footbridge with a steel one.",
                "The waterways board said barges would be slowed near the site while the new crossing is built.",
            ],
        );
        vec![first, second, third, fourth]
    }

    /// A wire copy of `a`: same text, another outlet, grouped with it by dedup.
    fn wire_copy(a: &Article) -> Article {
        let mut c = a.clone();
        c.id = format!("{}-wire", a.id);
        c.outlet = Some("Saltings Wire".into());
        c.duplicate_of = Some(a.id.clone());
        c
    }

    #[test]
    fn dates_and_sentences_come_with_their_evidence() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let arts = story(&p);
        let views: Vec<ArticleView> = arts.iter().map(ArticleView::from).collect();
        let opts = TimelineOptions {
            dates: Some(2),
            sentences_per_date: 1,
            ..Default::default()
        };
        let tl = build_timeline(&views, &opts);
        let dates: Vec<NaiveDate> = tl.dates.iter().map(|d| d.score.date).collect();
        assert_eq!(dates, [day("2031-03-02"), day("2031-03-09")]);
        let fall = &tl.dates[0];
        assert_eq!(fall.score.mentions, 3);
        assert_eq!(fall.score.outlets, 3);
        let s = &fall.sentences[0];
        assert!(
            s.extract.text.contains("collapsed on March 2"),
            "{}",
            s.extract.text
        );
        match s.evidence {
            Evidence::Expression { text, .. } => assert!(text.starts_with("March 2"), "{text}"),
            e => panic!("dated by {e:?}"),
        }
        let vote = &tl.dates[1].sentences[0];
        assert!(vote.extract.text.contains("March 9"), "{}", vote.extract.text);
        let from = [&arts[2], &arts[3]].map(|a| (a.id.as_str(), a.outlet.as_deref()));
        assert!(from.contains(&(vote.extract.article, vote.extract.outlet)));
    }

    /// A lead sentence is a candidate for its article's day and the day before; under the
    /// day before its evidence says the article came out the next day.
    #[test]
    fn a_lead_under_the_day_before_its_article_says_so() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let arts = story(&p);
        let views: Vec<ArticleView> = arts.iter().map(ArticleView::from).collect();
        let pool = Pool::new(&views);
        let index = DateIndex::new(&pool, &TimelineOptions::default());
        let out = views[3].published.unwrap();
        let evidence = |d: NaiveDate| -> Vec<Evidence> {
            let (cands, _) = index.candidates(d);
            cands
                .into_iter()
                .filter(|&((a, _), _)| a == 3)
                .map(|(_, e)| e)
                .collect()
        };
        let before = out.pred_opt().unwrap();
        for (d, want) in [
            (out, Evidence::Published { published: out }),
            (before, Evidence::DayBefore { published: out }),
        ] {
            let got = evidence(d);
            assert!(!got.is_empty() && got.iter().all(|e| *e == want), "{d}: {got:?}");
        }
    }

    /// Rule `lead_names_its_day`: a lead that names its own publication day is no
    /// candidate for the day before.
    #[test]
    fn a_lead_naming_its_own_day_stays_on_that_day() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let arts = [article(
            &p,
            "Fen Courier",
            "2031-03-12",
            &[
                "Lock gates stuck",
                "The lock gates at Quillmere jammed shut on Wednesday after silt built up against them.",
                "Crews dredged the channel through the afternoon.",
            ],
        )];
        let views: Vec<ArticleView> = arts.iter().map(ArticleView::from).collect();
        let pool = Pool::new(&views);
        let index = DateIndex::new(&pool, &TimelineOptions::default());
        let out = views[0].published.unwrap();
        assert!(!index.candidates(out).0.is_empty());
        let (before, _) = index.candidates(out.pred_opt().unwrap());
        assert!(before.is_empty(), "{before:?}");
    }

    #[test]
    fn a_syndicated_copy_does_not_double_a_date() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let mut arts = story(&p);
        let score = |arts: &[Article], d: NaiveDate| {
            let views: Vec<ArticleView> = arts.iter().map(ArticleView::from).collect();
            rank_dates(&views, None)
                .into_iter()
                .find(|s| s.date == d)
                .unwrap()
        };
        let fall = day("2031-03-02");
        let alone = score(&arts, fall);
        arts.push(wire_copy(&arts[0]));
        let with_copy = score(&arts, fall);
        assert_eq!(with_copy, alone);
        // The same report filed independently (not a copy) does add weight.
        let mut other = wire_copy(&arts[0]);
        other.duplicate_of = None;
        arts.pop();
        arts.push(other);
        let independent = score(&arts, fall);
        assert_eq!(independent.mentions, alone.mentions + 1);
        assert!(independent.score > alone.score);
    }

    #[test]
    fn copies_are_listed_as_sources_and_not_shown_twice() {
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        let mut arts = story(&p);
        arts.insert(0, wire_copy(&arts[0]));
        let views: Vec<ArticleView> = arts.iter().map(ArticleView::from).collect();
        let tl = build_timeline(&views, &TimelineOptions::default());
        let all: Vec<&DatedExtract> = tl.dates.iter().flat_map(|d| &d.sentences).collect();
        assert!(all.iter().all(|s| s.extract.outlet != Some("Saltings Wire")));
        let from_first: Vec<_> = all.iter().filter(|s| s.extract.article == arts[1].id).collect();
        assert!(!from_first.is_empty());
        assert!(from_first.iter().all(|s| s
            .extract
            .copies
            .iter()
            .any(|c| c.outlet == Some("Saltings Wire"))));
    }

    #[test]
    fn sentence_dates_are_looked_up_in_sentence_order() {
        // `named_days` finds a sentence's own dates by binary search, which holds only
        // while the pipeline lists them in sentence order.
        let p = Pipeline::build(PipelineConfig::default()).unwrap();
        for a in story(&p) {
            let order: Vec<usize> = a.sentence_dates.iter().map(|sd| sd.sentence).collect();
            assert!(order.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
            let v = ArticleView::from(&a);
            for s in 0..v.sentences.len() {
                let scanned = v
                    .sentence_dates
                    .iter()
                    .filter(|sd| sd.sentence == s && sd.rule == DateRule::Shifted)
                    .count();
                let found = named_days(&v, s)
                    .iter()
                    .filter(|(_, e)| matches!(e, Evidence::Shifted { .. }))
                    .count();
                assert!(found <= scanned);
            }
        }
    }

    #[test]
    fn knee_of_a_falling_curve() {
        // A steep fall after the second value, then a slow one.
        let curve = [40u8, 38, 9, 7, 5, 2].map(f32::from);
        assert_eq!(knee(&curve), 2);
        assert_eq!(knee(&[3.0, 2.0]), 0);
    }
}
