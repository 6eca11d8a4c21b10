//! Event and storyline clustering against the topics of Timeline17: every topic's input
//! articles mixed into one stream in publication order, clustered, and scored with B-cubed
//! and pairwise precision, recall and F1 (gold: the topic, the folder name before `_`;
//! folders of one topic from several outlets are one topic, articles they share counted
//! once). The same for the AllSides stories (gold: the story, and its topic) and for a
//! generated corpus (gold: the story the generator wrote beside each article).

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use storyline::ingest::{InputMeta, RawItem};
use storyline::stories::{self, terms::Analyzer, StoryConfig, StoryDoc};
use storyline::Article;

/// One input document: its name, text and metadata.
#[derive(Clone)]
pub(crate) struct Input {
    pub name: String,
    pub text: String,
    pub published: Option<String>,
    pub outlet: Option<String>,
}

/// Analyses `n` items, item `i` made by `make(i)`, with the whole pipeline on all cores,
/// order kept; an item that fails is `None`.
pub(crate) fn analyse_each(
    pipeline: &storyline::Pipeline,
    n: usize,
    make: impl Fn(usize) -> RawItem + Sync,
) -> Vec<Option<Article>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = n.div_ceil(threads).max(1);
    let make = &make;
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|from| {
                s.spawn(move || {
                    (from..(from + chunk).min(n))
                        .map(|i| pipeline.analyze(make(i)).ok())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    })
}

/// Analyses the inputs on all cores (order kept), then runs the corpus passes (duplicates,
/// templates) over them.
pub(crate) fn analyse(inputs: &[Input]) -> anyhow::Result<Vec<Option<Article>>> {
    let pipeline = storyline::Pipeline::build(storyline::PipelineConfig::default())?;
    let mut out = analyse_each(&pipeline, inputs.len(), |i| item(&inputs[i]));
    let present: Vec<bool> = out.iter().map(Option::is_some).collect();
    let mut ok: Vec<Article> = out.drain(..).flatten().collect();
    pipeline.finish(&mut ok);
    // Put the finished articles back where they were analysed from.
    let mut it = ok.into_iter();
    Ok(present
        .into_iter()
        .map(|p| if p { it.next() } else { None })
        .collect())
}

fn item(i: &Input) -> RawItem {
    RawItem::text(
        i.name.clone(),
        i.text.clone(),
        InputMeta {
            published: i.published.clone(),
            outlet: i.outlet.clone(),
            ..Default::default()
        },
    )
}

/// Gold labels of one input: the group it is scored against, and for AllSides the coarser
/// `topic` (a storyline-level check: storylines should not mix topics).
type Gold = (String, Option<String>);

/// Timeline17's input articles: (topic, input), sorted by path, exact copies (same text)
/// kept once.
fn load(dir: &Path) -> anyhow::Result<Vec<(Gold, Input)>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for f in crate::t17::input_files(dir)? {
        let p = &f.path;
        let text = std::fs::read_to_string(p).with_context(|| p.display().to_string())?;
        if !seen.insert(storyline::article::content_id(&text)) {
            continue;
        }
        let rel = p.strip_prefix(dir).unwrap_or(p);
        let (topic, outlet) = f.folder.split_once('_').unwrap_or((&f.folder, ""));
        out.push((
            (topic.to_string(), None),
            Input {
                name: rel.display().to_string(),
                text,
                published: Some(f.day.format("%Y-%m-%d").to_string()),
                outlet: (!outlet.is_empty()).then(|| outlet.to_string()),
            },
        ));
    }
    Ok(out)
}

/// The AllSides stories (`articles.jsonl` of `framing-allsides`): ((story, topic), input),
/// the title given as metadata, paragraphs as the text.
fn load_allsides(path: &Path) -> anyhow::Result<Vec<(Gold, Input)>> {
    #[derive(serde::Deserialize)]
    struct Row {
        story: u64,
        topic: Option<String>,
        date: String,
        outlet: String,
        title: String,
        url: Option<String>,
        paragraphs: Vec<String>,
    }
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let r: Row = serde_json::from_str(line).with_context(|| format!("line {}", i + 1))?;
        let body = format!("{}\n\n{}", r.title, r.paragraphs.join("\n\n"));
        out.push((
            (r.story.to_string(), r.topic),
            Input {
                name: r.url.unwrap_or_else(|| format!("line-{}", i + 1)),
                text: body,
                published: Some(r.date),
                outlet: Some(r.outlet),
            },
        ));
    }
    Ok(out)
}

/// A generated corpus (`cargo xtask gen-corpus`: `part-*.jsonl` in a folder), gold = the
/// `story` the generator wrote beside each article (the digest does not read it).
fn load_generated(dir: &Path) -> anyhow::Result<Vec<(Gold, Input)>> {
    #[derive(serde::Deserialize)]
    struct Row {
        text: String,
        outlet: String,
        published: String,
        url: String,
        story: String,
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    files.retain(|p| p.extension().is_some_and(|x| x == "jsonl"));
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = std::fs::read_to_string(&f).with_context(|| f.display().to_string())?;
        for (i, line) in text.lines().enumerate() {
            let r: Row =
                serde_json::from_str(line).with_context(|| format!("{} line {}", f.display(), i + 1))?;
            out.push((
                (r.story, None),
                Input {
                    name: r.url,
                    text: r.text,
                    published: Some(r.published),
                    outlet: Some(r.outlet),
                },
            ));
        }
    }
    Ok(out)
}

/// Whether a folder is a generated corpus rather than Timeline17.
fn is_generated(dir: &Path) -> bool {
    dir.join("part-000000.jsonl").is_file()
}

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, serde::Serialize)]
pub(crate) struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

impl Prf {
    fn of(p: f64, r: f64) -> Prf {
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Prf { p, r, f1 }
    }
}

/// B-cubed and pairwise scores of a clustering (`labels[i]` = (cluster, gold) of item i).
pub(crate) fn score(labels: &[(&str, &str)]) -> (Prf, Prf) {
    let mut cell: HashMap<(&str, &str), f64> = HashMap::new();
    let mut cluster: HashMap<&str, f64> = HashMap::new();
    let mut gold: HashMap<&str, f64> = HashMap::new();
    for &(c, g) in labels {
        *cell.entry((c, g)).or_default() += 1.0;
        *cluster.entry(c).or_default() += 1.0;
        *gold.entry(g).or_default() += 1.0;
    }
    let n = labels.len() as f64;
    let (mut bp, mut br, mut tp) = (0.0, 0.0, 0.0);
    for (&(c, g), &k) in &cell {
        bp += k * k / cluster[c];
        br += k * k / gold[g];
        tp += k * (k - 1.0) / 2.0;
    }
    let pairs = |m: &HashMap<&str, f64>| m.values().map(|k| k * (k - 1.0) / 2.0).sum::<f64>();
    let (pc, pg) = (pairs(&cluster), pairs(&gold));
    let bcubed = Prf::of(bp / n, br / n);
    let pairwise = Prf::of(
        if pc > 0.0 { tp / pc } else { 1.0 },
        if pg > 0.0 { tp / pg } else { 1.0 },
    );
    (bcubed, pairwise)
}

/// Reads a cache of analysed articles (JSON Lines, in input order, `null` for a failure)
/// or analyses and writes it; the file is this build's (`crate::for_this_build`).
fn analysed(inputs: &[Input], cache: Option<&Path>) -> anyhow::Result<Vec<Option<Article>>> {
    let cache = cache.map(crate::for_this_build);
    let cache = cache.as_deref();
    if let Some(c) = cache.filter(|c| c.exists()) {
        let text = std::fs::read_to_string(c)?;
        let v: Vec<Option<Article>> = text.lines().map(serde_json::from_str).collect::<Result<_, _>>()?;
        if v.len() == inputs.len() {
            return Ok(v);
        }
    }
    let v = analyse(inputs)?;
    if let Some(c) = cache {
        let mut w = std::io::BufWriter::new(std::fs::File::create(c)?);
        for a in &v {
            writeln!(w, "{}", serde_json::to_string(a)?)?;
        }
    }
    Ok(v)
}

/// One half of the gold groups, by the parity of their number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Half {
    Even,
    Odd,
}

impl Half {
    /// Whether gold group `group` (a number) is in this half; an unnumbered group is in
    /// neither.
    fn holds(self, group: &str) -> bool {
        group
            .parse::<u64>()
            .is_ok_and(|n| (n % 2 == 0) == (self == Half::Even))
    }
}

/// Which articles an evaluation keeps: those of the gold groups asked for (all when none
/// are) and of the half asked for.
pub(crate) struct Filter {
    pub only: Vec<String>,
    pub half: Option<Half>,
}

impl Filter {
    /// Whether an article of gold group `topic` (and coarse topic) is kept.
    fn keeps(&self, topic: &str, coarse: Option<&str>) -> bool {
        kept(&self.only, topic, coarse) && self.half.is_none_or(|h| h.holds(topic))
    }
}

pub fn run(
    data: &Path,
    config: Option<&str>,
    cache: Option<&Path>,
    out: Option<&Path>,
    filter: &Filter,
    errors: usize,
) -> anyhow::Result<()> {
    let cfg: StoryConfig = match config {
        Some(c) => serde_json::from_str(c).context("--config")?,
        None => StoryConfig::default(),
    };
    let loaded = if data.is_file() {
        load_allsides(data)?
    } else if is_generated(data) {
        load_generated(data)?
    } else {
        load(data)?
    };
    let inputs: Vec<Input> = loaded.iter().map(|(_, i)| i.clone()).collect();
    let t = Instant::now();
    let articles = analysed(&inputs, cache)?;
    let analyse_s = t.elapsed().as_secs_f64();
    let analyzer = Analyzer::default();
    let t = Instant::now();
    let mut docs = Vec::new();
    let mut topic_of: HashMap<String, &str> = HashMap::new();
    let mut coarse_of: HashMap<String, &str> = HashMap::new();
    let mut title_of: HashMap<String, String> = HashMap::new();
    for (((topic, coarse), input), a) in loaded.iter().zip(&articles) {
        if !filter.keeps(topic, coarse.as_deref()) {
            continue;
        }
        let Some(a) = a else {
            eprintln!("not analysed: {}", input.name);
            continue;
        };
        topic_of.insert(a.id.clone(), topic);
        if let Some(c) = coarse {
            coarse_of.insert(a.id.clone(), c);
        }
        if let Some(t) = &a.title {
            title_of.insert(a.id.clone(), t.clone());
        }
        docs.push(StoryDoc::from_article(a, &analyzer));
    }
    let features_s = t.elapsed().as_secs_f64();
    if std::env::var_os("STORY_DIAG").is_some() {
        diagnose(&docs, &topic_of, &cfg);
    }
    if let Some(path) = std::env::var_os("STORY_DUMP") {
        let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
        for d in &docs {
            let terms = |c: &storyline::stories::terms::TermCounts| {
                c.0.iter().map(|(t, n)| (t.0.to_string(), *n)).collect::<Vec<_>>()
            };
            let line = serde_json::json!({"id": d.id, "gold": topic_of[&d.id], "day": d.published.map(|x| x.0), "title": terms(&d.title), "body": terms(&d.body), "ent": terms(&d.entities), "text": title_of.get(&d.id), "dup": d.duplicate_of});
            writeln!(w, "{line}")?;
        }
    }
    if errors > 0 {
        print_errors(&docs, &topic_of, &title_of, &cfg, errors);
    }
    let t = Instant::now();
    let stories = stories::cluster(&docs, &cfg);
    let cluster_s = t.elapsed().as_secs_f64();
    let labels = stories.article_labels();
    let mut ev: Vec<(&str, &str)> = Vec::new();
    let mut sl: Vec<(&str, &str)> = Vec::new();
    for d in &docs {
        let gold = topic_of[&d.id];
        match labels.get(d.id.as_str()) {
            Some((e, s)) => {
                ev.push((e.0.as_str(), gold));
                sl.push((s.0.as_str(), gold));
            }
            None => {
                ev.push((d.id.as_str(), gold));
                sl.push((d.id.as_str(), gold));
            }
        }
    }
    let copies = docs.iter().filter(|d| d.duplicate_of.is_some()).count();
    println!(
        "{}: {} articles ({} copies of another), {} gold groups; {} events, {} storylines",
        data.display(),
        docs.len(),
        copies,
        topic_of.values().collect::<std::collections::HashSet<_>>().len(),
        stories.events.len(),
        stories.storylines().len()
    );
    println!(
        "time: analysis {analyse_s:.1} s (or cache), features {features_s:.2} s, clustering {cluster_s:.3} s"
    );
    println!(
        "{:<11} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}",
        "level", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1"
    );
    for (name, l) in [("storylines", &sl), ("events", &ev)] {
        let (b, p) = score(l);
        println!(
            "{name:<11} {:>7.3} {:>7.3} {:>7.3}   {:>7.3} {:>7.3} {:>7.3}",
            b.p, b.r, b.f1, p.p, p.r, p.f1
        );
    }
    if !coarse_of.is_empty() {
        let coarse: Vec<(&str, &str)> = docs
            .iter()
            .zip(&sl)
            .map(|(d, (s, _))| (*s, coarse_of.get(&d.id).copied().unwrap_or("")))
            .collect();
        let (b, p) = score(&coarse);
        println!(
            "{:<11} {:>7.3} {:>7.3} {:>7.3}   {:>7.3} {:>7.3} {:>7.3}",
            "sl/topic", b.p, b.r, b.f1, p.p, p.r, p.f1
        );
    }
    print_sizes(&sl);
    print_largest(&sl);
    if let Some(path) = out {
        let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
        for (d, (e, s)) in docs.iter().zip(ev.iter().zip(&sl)) {
            let line = serde_json::json!({"id": d.id, "topic": e.1, "event": e.0, "storyline": s.0, "day": d.published.map(|x| x.to_string())});
            writeln!(w, "{line}")?;
        }
    }
    Ok(())
}

/// Whether an article of gold group `topic` (and coarse topic) is in the groups asked
/// for (all when none are).
fn kept(only: &[String], topic: &str, coarse: Option<&str>) -> bool {
    let mut asked = only.iter().filter(|o| !o.is_empty()).peekable();
    asked.peek().is_none() || asked.any(|o| o == topic || Some(o.as_str()) == coarse)
}

/// The size distribution of the storylines: how many, the largest one's share of the
/// articles, and the share in storylines of more than a tenth of the articles.
fn print_sizes(labels: &[(&str, &str)]) {
    let mut size: HashMap<&str, usize> = HashMap::new();
    for &(c, _) in labels {
        *size.entry(c).or_default() += 1;
    }
    let n = labels.len().max(1) as f64;
    let mut v: Vec<usize> = size.into_values().collect();
    v.sort_unstable_by(|a, b| b.cmp(a));
    let big: usize = v.iter().filter(|&&k| k as f64 > n / 10.0).sum();
    let median = v.get(v.len() / 2).copied().unwrap_or(0);
    println!(
        "storyline sizes: {} storylines, largest {} ({:.1}% of articles), {:.1}% in storylines over 10%, median {median}",
        v.len(),
        v.first().copied().unwrap_or(0),
        100.0 * v.first().copied().unwrap_or(0) as f64 / n,
        100.0 * big as f64 / n,
    );
}

/// The largest storylines with their topics, for reading the errors.
fn print_largest(labels: &[(&str, &str)]) {
    let mut by: BTreeMap<&str, BTreeMap<&str, usize>> = BTreeMap::new();
    for &(c, g) in labels {
        *by.entry(c).or_default().entry(g).or_default() += 1;
    }
    let mut v: Vec<(&str, usize, &BTreeMap<&str, usize>)> =
        by.iter().map(|(c, m)| (*c, m.values().sum(), m)).collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let singles = v.iter().filter(|x| x.1 == 1).count();
    println!("largest storylines ({} of one article):", singles);
    for (c, n, m) in v.iter().take(12) {
        // At most the storyline's eight largest gold groups (a swallowing storyline holds
        // thousands).
        let mut groups: Vec<(&str, usize)> = m.iter().map(|(g, k)| (*g, *k)).collect();
        groups.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let more = groups.len().saturating_sub(8);
        groups.truncate(8);
        let more = if more > 0 {
            format!(" and {more} more groups")
        } else {
            String::new()
        };
        println!("  {c} {n:>5}  {groups:?}{more}");
    }
}

/// Diagnostics: the best candidate's score of every article, by whether the best event's
/// first article is of the same topic, in tenths.
pub(crate) fn diagnose(docs: &[StoryDoc], topic_of: &HashMap<String, &str>, cfg: &StoryConfig) {
    let mut order: Vec<&StoryDoc> = docs.iter().collect();
    order.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
    let mut c = storyline::stories::Clusterer::new(cfg.clone());
    let mut hist = [[0usize; 11]; 2];
    for d in order {
        if let Some(p) = c.add(d) {
            if let Some((ev, s)) = p.best {
                let same = topic_of.get(&ev.0) == topic_of.get(&d.id);
                hist[usize::from(same)][((s * 10.0) as usize).min(10)] += 1;
            }
        }
    }
    println!("best candidate score (tenths) other topic: {:?}", hist[0]);
    println!("best candidate score (tenths) same topic:  {:?}", hist[1]);
}

/// A wrong placement: an article joined another group's event, or started an event
/// while one of its own group was open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wrong {
    Join,
    Split,
}

/// Prints up to `limit` wrong joins (an article joined an event begun by another gold
/// group's article) and splits (an article started an event while one of its own group
/// was open), each with the parts of its score against the event it chose or missed.
fn print_errors(
    docs: &[StoryDoc],
    gold: &HashMap<String, &str>,
    titles: &HashMap<String, String>,
    cfg: &StoryConfig,
    limit: usize,
) {
    use storyline::stories::{EventId, Parts};
    let mut order: Vec<&StoryDoc> = docs.iter().filter(|d| d.duplicate_of.is_none()).collect();
    order.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
    let mut c = storyline::stories::Clusterer::new(cfg.clone());
    // The latest event each gold group's articles went to.
    let mut event_of_group: HashMap<&str, EventId> = HashMap::new();
    let (mut joins, mut splits, mut shown) = (0, 0, 0);
    let title = |id: &str| titles.get(id).map_or("?", String::as_str).to_string();
    // The parts of the article's score (weighed as the clusterer did) against an event as
    // it was before the article came.
    let parts = |w: &storyline::stories::Weighed, before: &[storyline::stories::Event], e: &EventId| {
        before.iter().find(|ev| &ev.id == e).map(|ev| {
            let p = Parts::of(w, &ev.centroid, &cfg.weights);
            format!(
                "score {:.3} body {:.3} title {:?} ent {:?} time {:?} (size {})",
                p.score(&cfg.weights),
                p.body,
                p.title.map(|x| (x * 1000.0).round() / 1000.0),
                p.entities.map(|x| (x * 1000.0).round() / 1000.0),
                p.time.map(|x| (x * 1000.0).round() / 1000.0),
                ev.centroid.size
            )
        })
    };
    for d in order {
        let before = c.state().events;
        let Some(p) = c.add(d) else { continue };
        let w = c.weigh(d);
        let g = gold[&d.id];
        let own = event_of_group.get(g).filter(|e| c.is_open(e)).cloned();
        let wrong = match (&p.joined, &own) {
            (Some(_), _) if gold.get(&p.event.0) != Some(&g) => Some(Wrong::Join),
            (None, Some(_)) => Some(Wrong::Split),
            _ => None,
        };
        if let Some(kind) = wrong {
            if kind == Wrong::Join {
                joins += 1
            } else {
                splits += 1
            }
            if shown < limit {
                shown += 1;
                println!(
                    "{kind:?} [{g}] {} {}",
                    d.published.map_or(String::new(), |x| x.to_string()),
                    title(&d.id)
                );
                if kind == Wrong::Join {
                    println!(
                        "   joined [{}] {}: {}",
                        gold.get(&p.event.0).unwrap_or(&"?"),
                        title(&p.event.0),
                        parts(&w, &before, &p.event).unwrap_or_default()
                    );
                } else if let Some((b, s)) = &p.best {
                    println!(
                        "   best [{}] {} {s:.3}",
                        gold.get(&b.0).unwrap_or(&"?"),
                        title(&b.0)
                    );
                }
                if let Some(e) = &own {
                    println!(
                        "   own {}: {}",
                        title(&e.0),
                        parts(&w, &before, e).unwrap_or_default()
                    );
                }
            }
        }
        event_of_group.insert(g, p.event);
    }
    println!("wrong joins {joins}, splits {splits}");
}
