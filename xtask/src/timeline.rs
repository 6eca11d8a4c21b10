//! Timeline summarisation on Timeline17 with the news-tls protocol.
//!
//! Layout: `<topic>/InputDocs/<YYYY-MM-DD>/*.htm.txt` (one tokenised sentence a line; the
//! folder is the publication date), `<topic>/timelines/*.txt` (blocks of a `YYYY-MM-DD`
//! line and sentences, separated by a line of dashes) and `<topic>/keywords.json`.
//!
//! One task per reference timeline: T = its number of dates, L = its mean sentences per
//! date (rounded half to even, as numpy does), input the articles published within its
//! first and last date. Scores: alignment-based ROUGE-1/2 ("align+ m:1", see `rouge`)
//! and date F1; precision and recall are averaged over tasks, then F computed.

mod rouge;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use storyline::stories::summary::ArticleView;
use storyline::stories::timeline::{build_timeline, TimelineOptions};
use storyline::time::DateRule;

use crate::t17::{input_files, sorted_entries};
use rouge::{Tl, Tokenizer};

/// One input document, analysed.
struct Doc {
    published: NaiveDate,
    article: storyline::Article,
}

/// One reference timeline.
struct Reference {
    id: String,
    timeline: Tl,
}

struct Topic {
    name: String,
    keywords: Vec<String>,
    docs: Vec<Doc>,
    references: Vec<Reference>,
}

/// Options of the evaluation.
pub struct Settings {
    /// Keep only output sentences with a topic keyphrase (the news-tls protocol).
    pub keywords: bool,
    /// Only topics whose name contains one of these.
    pub only: Vec<String>,
    /// Write each task's precision and recall here (JSON lines), for the cross-check with
    /// tilse (`bench/tls_rouge_check.py`).
    pub scores: Option<PathBuf>,
    /// Write each task's candidate days with their counts here (JSON lines).
    pub dates: Option<PathBuf>,
    /// A folder of analysed articles, one JSON Lines file per topic and build of xtask
    /// (`crate::for_this_build`): read when it holds the topic's articles, written
    /// otherwise (the analysis is most of a run's time).
    pub cache: Option<PathBuf>,
}

/// Undoes the Penn Treebank tokenisation of the input lines, so that the pipeline reads
/// ordinary text: quotes, brackets, clitics and punctuation joined again.
fn detokenize(line: &str) -> String {
    let mut s = format!(" {} ", line.trim());
    for (from, to) in [
        (" -LRB- ", " ("),
        (" -RRB- ", ") "),
        (" -LSB- ", " ["),
        (" -RSB- ", "] "),
        (" `` ", " \""),
        (" '' ", "\" "),
        (" ` ", " '"),
        (" n't ", "n't "),
        (" 's ", "'s "),
        (" 're ", "'re "),
        (" 've ", "'ve "),
        (" 'll ", "'ll "),
        (" 'd ", "'d "),
        (" 'm ", "'m "),
    ] {
        s = s.replace(from, to);
    }
    for p in [",", ".", ";", ":", "?", "!", "%"] {
        s = s.replace(&format!(" {p}"), p);
    }
    s.replace("( ", "(").replace(" )", ")").trim().to_string()
}

/// A reference timeline as tilse reads it: a later block of the same date replaces the
/// earlier one.
fn read_timeline(path: &Path) -> anyhow::Result<Tl> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut days: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    let (mut date, mut summary) = (None, String::new());
    for line in text.lines().map(str::trim) {
        if line == "--------------------------------" {
            if let Some(d) = date.take() {
                days.insert(d, summary.trim().split('\n').map(str::to_string).collect());
            }
            summary.clear();
        } else if let Ok(d) = NaiveDate::parse_from_str(line, "%Y-%m-%d") {
            date = Some(d);
        } else {
            summary.push_str(line);
            summary.push('\n');
        }
    }
    Ok(days.into_iter().collect())
}

fn analyse(pipeline: &storyline::Pipeline, path: &Path, published: NaiveDate) -> Option<Doc> {
    use storyline::ingest::{Content, InputMeta, RawItem};
    let raw = std::fs::read_to_string(path).ok()?;
    let text: Vec<String> = raw.lines().map(detokenize).filter(|l| !l.is_empty()).collect();
    let text = text.join("\n\n");
    let item = RawItem {
        source: storyline::Source {
            path: path.display().to_string(),
            format: storyline::Format::Text,
            record_id: None,
            line: None,
        },
        content: Content::Text(text.clone()),
        meta: InputMeta {
            published: Some(published.format("%Y-%m-%d").to_string()),
            ..Default::default()
        },
        warnings: vec![],
        bytes: text.len() as u64,
    };
    let article = pipeline.analyze(item).ok()?;
    Some(Doc { published, article })
}

/// The topic's analysed articles from the cache file `cache` when it lists every input
/// file, else analysed now (and written to `cache` when given).
fn topic_docs(pipeline: &storyline::Pipeline, dir: &Path, cache: Option<&Path>) -> anyhow::Result<Vec<Doc>> {
    let files = input_files(dir)?;
    if let Some(text) = cache.and_then(|c| std::fs::read_to_string(c).ok()) {
        let cached: Vec<(String, NaiveDate, storyline::Article)> = text
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()
            .context("reading the analysis cache")?;
        let listed: std::collections::BTreeSet<&str> = cached.iter().map(|c| c.0.as_str()).collect();
        if files
            .iter()
            .all(|f| listed.contains(f.path.display().to_string().as_str()))
        {
            return Ok(cached
                .into_iter()
                .map(|(_, published, article)| Doc { published, article })
                .collect());
        }
    }
    let mut docs = Vec::new();
    let mut w = match cache {
        Some(c) => Some(std::io::BufWriter::new(std::fs::File::create(c)?)),
        None => None,
    };
    for f in files {
        let Some(doc) = analyse(pipeline, &f.path, f.day) else {
            continue;
        };
        if let Some(w) = w.as_mut() {
            let line = serde_json::to_string(&(f.path.display().to_string(), doc.published, &doc.article))?;
            writeln!(w, "{line}")?;
        }
        docs.push(doc);
    }
    Ok(docs)
}

fn load_topic(pipeline: &storyline::Pipeline, dir: &Path, cache: Option<&Path>) -> anyhow::Result<Topic> {
    let name = dir.file_name().unwrap_or_default().to_string_lossy().to_string();
    let keywords: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("keywords.json")).unwrap_or_else(|_| "[]".into()),
    )?;
    let cache_file = cache.map(|c| crate::for_this_build(&c.join(format!("{name}.jsonl"))));
    let docs = topic_docs(pipeline, dir, cache_file.as_deref())?;
    let mut references = Vec::new();
    for f in sorted_entries(&dir.join("timelines"))? {
        if f.extension().is_some_and(|e| e == "txt") {
            references.push(Reference {
                id: f.file_name().unwrap_or_default().to_string_lossy().to_string(),
                timeline: read_timeline(&f)?,
            });
        }
    }
    Ok(Topic {
        name,
        keywords,
        docs,
        references,
    })
}

/// Rounds half to even, as numpy's `round` does.
fn round_half_even(x: f64) -> usize {
    let r = x.round();
    let r = if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    };
    r.max(0.0) as usize
}

/// A system: builds a timeline from the task's articles.
type System = fn(&[ArticleView<'_>], &TimelineOptions) -> Tl;

fn datewise(views: &[ArticleView<'_>], opts: &TimelineOptions) -> Tl {
    build_timeline(views, opts)
        .dates
        .into_iter()
        .map(|d| {
            let sents = d.sentences.iter().map(|s| s.extract.text.to_string()).collect();
            (d.score.date, sents)
        })
        .collect()
}

/// The baseline: the days most sentences name, each with the first sentences (by
/// publication, then position) that name it.
fn most_mentioned(views: &[ArticleView<'_>], opts: &TimelineOptions) -> Tl {
    let mut named: BTreeMap<NaiveDate, Vec<&str>> = BTreeMap::new();
    let (first, last) = opts.span.unwrap_or((NaiveDate::MIN, NaiveDate::MAX));
    let mut order: Vec<&ArticleView<'_>> = views.iter().collect();
    order.sort_by_key(|v| v.published);
    let keywords: Vec<String> = opts.keywords.iter().map(|k| k.to_lowercase()).collect();
    for v in order {
        for (i, span) in v.sentences.iter().enumerate() {
            let mut days: Vec<NaiveDate> = v
                .timexes
                .iter()
                .filter(|t| span.start <= t.span.start && t.span.start < span.end)
                .filter_map(|t| t.value.day())
                .filter(|d| first <= *d && *d <= last)
                .collect();
            days.sort_unstable();
            days.dedup();
            for d in days {
                named.entry(d).or_default().push(v.sentence(i).trim());
            }
        }
    }
    let mut ranked: Vec<(NaiveDate, Vec<&str>)> = named.into_iter().collect();
    ranked.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    let mut out: Tl = ranked
        .into_iter()
        .filter_map(|(d, sents)| {
            let shown: Vec<String> = sents
                .into_iter()
                .filter(|s| {
                    keywords.is_empty() || {
                        let l = s.to_lowercase();
                        keywords.iter().any(|k| l.contains(k.as_str()))
                    }
                })
                .take(opts.sentences_per_date)
                .map(str::to_string)
                .collect();
            (!shown.is_empty()).then_some((d, shown))
        })
        .take(opts.dates.unwrap_or(10))
        .collect();
    out.sort_by_key(|d| d.0);
    out
}

/// Sums of precisions and recalls over tasks: ROUGE-1, ROUGE-2, dates.
#[derive(Default, Clone, Copy)]
struct Sums {
    p: [f64; 3],
    r: [f64; 3],
    n: usize,
}

impl Sums {
    fn add(&mut self, pr: &rouge::Pr, dates: (f64, f64)) {
        for k in 0..2 {
            self.p[k] += pr.p[k];
            self.r[k] += pr.r[k];
        }
        self.p[2] += dates.0;
        self.r[2] += dates.1;
        self.n += 1;
    }

    fn merge(&mut self, o: &Sums) {
        for k in 0..3 {
            self.p[k] += o.p[k];
            self.r[k] += o.r[k];
        }
        self.n += o.n;
    }

    /// F of the mean precision and mean recall, per measure.
    fn f(&self) -> [f64; 3] {
        let n = self.n.max(1) as f64;
        [0, 1, 2].map(|k| rouge::f1(self.p[k] / n, self.r[k] / n))
    }
}

struct TaskOut {
    topic: String,
    ref_id: String,
    timeline: Tl,
    pr: rouge::Pr,
    dates: (f64, f64),
}

fn write_out(path: &Path, outs: &[TaskOut]) -> anyhow::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    for o in outs {
        let tl: Vec<serde_json::Value> = o
            .timeline
            .iter()
            .map(|(d, s)| serde_json::json!({"date": d.format("%Y-%m-%d").to_string(), "sentences": s}))
            .collect();
        let line = serde_json::json!({"topic": o.topic, "ref_id": o.ref_id, "timeline": tl});
        writeln!(f, "{line}")?;
    }
    Ok(())
}

pub fn run(data: &Path, out: Option<&Path>, settings: &Settings) -> anyhow::Result<()> {
    let pipeline = storyline::Pipeline::build(storyline::PipelineConfig::default())?;
    let tok = Tokenizer::new();
    let systems: [(&str, System); 2] = [("storyline", datewise), ("most-mentioned", most_mentioned)];
    let mut pooled = [Sums::default(); 2];
    let mut outs = Vec::new();
    let mut days_out = match &settings.dates {
        Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    println!(
        "{:<22} {:>5} {:>4} {:>3}  {:<15} {:>6} {:>6} {:>6}",
        "topic", "docs", "T", "L", "system", "AR1-F", "AR2-F", "Date-F"
    );
    for dir in sorted_entries(data)?.into_iter().filter(|d| d.is_dir()) {
        let name = dir.file_name().unwrap_or_default().to_string_lossy().to_string();
        if !settings.only.is_empty() && !settings.only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        if let Some(c) = &settings.cache {
            std::fs::create_dir_all(c)?;
        }
        let topic = load_topic(&pipeline, &dir, settings.cache.as_deref())?;
        for reference in &topic.references {
            let (Some(first), Some(last)) = (
                reference.timeline.first().map(|d| d.0),
                reference.timeline.last().map(|d| d.0),
            ) else {
                continue;
            };
            let views: Vec<ArticleView<'_>> = topic
                .docs
                .iter()
                .filter(|d| first <= d.published && d.published <= last)
                .map(|d| ArticleView::from(&d.article))
                .collect();
            if let Some(f) = days_out.as_mut() {
                write_days(f, &topic.name, reference, &views, (first, last))?;
            }
            let total: usize = reference.timeline.iter().map(|d| d.1.len()).sum();
            let l = round_half_even(total as f64 / reference.timeline.len() as f64).max(1);
            let opts = TimelineOptions {
                dates: Some(reference.timeline.len()),
                sentences_per_date: l,
                span: Some((first, last)),
                keywords: if settings.keywords {
                    topic.keywords.clone()
                } else {
                    vec![]
                },
                ..Default::default()
            };
            for (k, (sys_name, system)) in systems.iter().enumerate() {
                let predicted = system(&views, &opts);
                let pr = rouge::align_m1(&tok, &predicted, &reference.timeline);
                let dates = rouge::date_pr(&predicted, &reference.timeline);
                let mut one = Sums::default();
                one.add(&pr, dates);
                pooled[k].merge(&one);
                let f = one.f();
                println!(
                    "{:<22} {:>5} {:>4} {:>3}  {:<15} {:>6.3} {:>6.3} {:>6.3}",
                    topic.name,
                    views.len(),
                    reference.timeline.len(),
                    l,
                    sys_name,
                    f[0],
                    f[1],
                    f[2]
                );
                if k == 0 {
                    outs.push(TaskOut {
                        topic: topic.name.clone(),
                        ref_id: reference.id.clone(),
                        timeline: predicted,
                        pr,
                        dates,
                    });
                }
            }
        }
    }
    println!(
        "\npooled over {} tasks (mean P and R, then F); keyphrase filter {}",
        pooled[0].n,
        if settings.keywords { "on" } else { "off" }
    );
    for (k, (sys_name, _)) in systems.iter().enumerate() {
        let f = pooled[k].f();
        println!(
            "{sys_name:<15} AR1-F {:.3}  AR2-F {:.3}  Date-F1 {:.3}",
            f[0], f[1], f[2]
        );
    }
    if let Some(path) = out {
        write_out(path, &outs)?;
    }
    if let Some(path) = &settings.scores {
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        for o in &outs {
            let line = serde_json::json!({"topic": o.topic, "ref_id": o.ref_id,
                "r1_p": o.pr.p[0], "r1_r": o.pr.r[0], "r2_p": o.pr.p[1], "r2_r": o.pr.r[1], "d_p": o.dates.0, "d_r": o.dates.1});
            writeln!(f, "{line}")?;
        }
    }
    Ok(())
}

/// Counts for one candidate day of a task, for studying the date ranking offline.
#[derive(Default, serde::Serialize)]
struct DayCounts {
    /// Sentences with an expression naming the day.
    sentences: u32,
    /// Articles with such a sentence.
    articles: u32,
    /// Of those, articles published two or more days after it.
    later: u32,
    /// Of those, articles published before it.
    before: u32,
    /// Sentences whose reported date (not a mere mention) is the day.
    reported: u32,
    /// Articles with such a sentence.
    reported_articles: u32,
    /// Articles with a sentence that an expression of its own (or of its speech verb)
    /// dates to the day, not a default (publication date, carried from before).
    reported_expressed: u32,
    /// Articles published on the day, and on the day after.
    published: u32,
    published_next: u32,
    /// Outlets naming the day or publishing on it.
    outlets: u32,
    /// For each article naming the day: its publication day minus the day, in days.
    gaps: Vec<i64>,
    /// For each article naming the day: the index of the first sentence naming it.
    first_pos: Vec<usize>,
}

/// Every day the task's articles name or are published on, with its counts.
fn day_counts(views: &[ArticleView<'_>], span: (NaiveDate, NaiveDate)) -> BTreeMap<NaiveDate, DayCounts> {
    use std::collections::BTreeSet;
    let inside = |d: &NaiveDate| span.0 <= *d && *d <= span.1;
    let mut out: BTreeMap<NaiveDate, DayCounts> = BTreeMap::new();
    let mut outlets: BTreeMap<NaiveDate, BTreeSet<&str>> = BTreeMap::new();
    for v in views {
        let outlet = v.outlet.unwrap_or(v.id);
        let mut named: BTreeSet<NaiveDate> = BTreeSet::new();
        let mut first_pos: BTreeMap<NaiveDate, usize> = BTreeMap::new();
        let mut reported: BTreeSet<NaiveDate> = BTreeSet::new();
        let mut expressed: BTreeSet<NaiveDate> = BTreeSet::new();
        for (si, s) in v.sentences.iter().enumerate() {
            let days: BTreeSet<NaiveDate> = v
                .timexes
                .iter()
                .filter(|t| s.start <= t.span.start && t.span.start < s.end)
                .filter(|t| {
                    matches!(
                        t.kind,
                        storyline::time::TimexType::Date | storyline::time::TimexType::Time
                    )
                })
                .filter_map(|t| t.value.day())
                .filter(inside)
                .collect();
            for d in days {
                out.entry(d).or_default().sentences += 1;
                named.insert(d);
                first_pos.entry(d).or_insert(si);
            }
        }
        for sd in v.sentence_dates {
            if let Some(d) = sd.value.day().filter(inside) {
                out.entry(d).or_default().reported += 1;
                reported.insert(d);
                if matches!(
                    sd.rule,
                    DateRule::Expression | DateRule::Attribution | DateRule::Shifted
                ) {
                    expressed.insert(d);
                }
            }
        }
        for d in &named {
            let c = out.entry(*d).or_default();
            c.articles += 1;
            c.first_pos.push(first_pos[d]);
            if let Some(p) = v.published {
                c.gaps.push((p - *d).num_days());
            }
            match v.published {
                Some(p) if p >= *d + chrono::Days::new(2) => c.later += 1,
                Some(p) if p < *d => c.before += 1,
                _ => {}
            }
            outlets.entry(*d).or_default().insert(outlet);
        }
        for d in reported {
            out.entry(d).or_default().reported_articles += 1;
        }
        for d in expressed {
            out.entry(d).or_default().reported_expressed += 1;
        }
        if let Some(p) = v.published.filter(inside) {
            out.entry(p).or_default().published += 1;
            outlets.entry(p).or_default().insert(outlet);
            if let Some(prev) = p.pred_opt().filter(inside) {
                out.entry(prev).or_default().published_next += 1;
            }
        }
    }
    for (d, o) in outlets {
        out.entry(d).or_default().outlets = o.len() as u32;
    }
    out
}

/// Writes one JSON line per task: its topic, reference, the number of reference days, and
/// every candidate day with its counts and whether the reference has it.
fn write_days(
    f: &mut impl Write,
    topic: &str,
    reference: &Reference,
    views: &[ArticleView<'_>],
    span: (NaiveDate, NaiveDate),
) -> anyhow::Result<()> {
    let gold: std::collections::BTreeSet<NaiveDate> = reference.timeline.iter().map(|d| d.0).collect();
    let days: Vec<serde_json::Value> = day_counts(views, span)
        .into_iter()
        .map(|(d, c)| serde_json::json!({"date": d.to_string(), "gold": gold.contains(&d), "counts": c}))
        .collect();
    let line = serde_json::json!({"topic": topic, "ref_id": reference.id, "t": gold.len(), "days": days});
    writeln!(f, "{line}")?;
    Ok(())
}
