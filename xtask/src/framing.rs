//! Framing by outlet on the AllSides stories (`framing-allsides/articles.jsonl`): term pairs
//! found per story, scored against a labelled set of term pairs when given, and the
//! log-odds words of each leaning over the whole file.
//!
//! Gold lines: `{"story": N, "pairs": [{"a": SIDE, "b": SIDE, "referent": "..."}]}`, a side
//! `{"article" (0-based line of articles.jsonl), "part": "title" | paragraph index, "start", "end"}` in Unicode characters of that
//! title or paragraph, end exclusive. A predicted pair matches a gold pair when each side
//! overlaps a different side of it (either order) in the same article and part. Stories with
//! even ids are the tuning half, odd ids the confirmation half.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use storyline::framing::{self, FramingConfig, Part, TermMethod, TextRef};
use storyline::ingest::{InputMeta, RawItem};
use storyline::Article;

#[derive(Deserialize, Clone)]
pub(crate) struct Row {
    pub story: u64,
    topic: Option<String>,
    date: Option<String>,
    leaning: String,
    outlet: String,
    title: String,
    url: Option<String>,
    paragraphs: Vec<String>,
    /// The row's 0-based line in the file: how labels name an article.
    #[serde(skip)]
    line: usize,
}

/// Where a span is in the dataset's terms: the article's 0-based line in the file, part,
/// character offsets.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) struct Side {
    pub article: usize,
    pub part: PartRef,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub(crate) enum PartRef {
    Paragraph(usize),
    Title(TitleTag),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum TitleTag {
    Title,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Pair {
    a: Side,
    b: Side,
    #[serde(default)]
    referent: Option<String>,
}

#[derive(Deserialize)]
struct GoldStory {
    story: u64,
    pairs: Vec<Pair>,
}

/// Options of the evaluation.
pub(crate) struct Settings {
    pub labels: Option<std::path::PathBuf>,
    pub out: Option<std::path::PathBuf>,
    /// Print this many example pairs.
    pub show: usize,
    /// Term methods scored (alignment, coreference).
    pub methods: Vec<String>,
    /// Term-choice settings as JSON (fields of `TermConfig`; the rest default).
    pub terms: Option<String>,
}

/// Score cut-offs the evaluation reports precision and recall at.
const CUTOFFS: [f32; 9] = [0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7];

pub(crate) fn load(path: &Path) -> anyhow::Result<Vec<Row>> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    text.lines()
        .enumerate()
        .map(|(i, l)| {
            let mut r: Row = serde_json::from_str(l).with_context(|| format!("line {}", i + 1))?;
            r.line = i;
            Ok(r)
        })
        .collect()
}

impl Row {
    /// The text of a part: the title or a paragraph (empty when out of range).
    pub(crate) fn part_text(&self, part: &PartRef) -> &str {
        match part {
            PartRef::Title(_) => &self.title,
            PartRef::Paragraph(j) => self.paragraphs.get(*j).map_or("", String::as_str),
        }
    }
}

fn item(r: &Row, i: usize) -> RawItem {
    RawItem::text(
        r.url.clone().unwrap_or_else(|| format!("line-{}", i + 1)),
        r.paragraphs.join("\n\n"),
        InputMeta {
            title: Some(r.title.clone()),
            published: r.date.clone(),
            outlet: Some(r.outlet.clone()),
            url: r.url.clone(),
            ..Default::default()
        },
    )
}

/// Analyses every row on all cores, order kept.
pub(crate) fn analyse(rows: &[Row]) -> anyhow::Result<Vec<Option<Article>>> {
    let pipeline = storyline::Pipeline::build(storyline::PipelineConfig::default())?;
    Ok(crate::clusters::analyse_each(&pipeline, rows.len(), |i| {
        item(&rows[i], i)
    }))
}

/// Maps a span of an analysed article back to the row's title or paragraph, in characters.
pub(crate) fn side_of(r: &TextRef, a: &Article, row: &Row) -> Option<Side> {
    let article = row.line;
    let chars = |s: &str, upto: usize| s[..upto].chars().count();
    match r.part {
        Part::Title => {
            let t = a.title.as_deref()?;
            let at = row.title.find(t)?;
            Some(Side {
                article,
                part: PartRef::Title(TitleTag::Title),
                start: chars(&row.title, at) + chars(t, r.span.start),
                end: chars(&row.title, at) + chars(t, r.span.end),
            })
        }
        Part::Body => {
            let (k, p) = a
                .paragraphs
                .iter()
                .enumerate()
                .find(|(_, p)| p.start <= r.span.start && r.span.end <= p.end)?;
            let ptext = p.slice(&a.text)?;
            let j = (k..row.paragraphs.len())
                .chain(0..k.min(row.paragraphs.len()))
                .find(|&j| row.paragraphs[j].contains(ptext))?;
            let at = row.paragraphs[j].find(ptext)?;
            let base = chars(&row.paragraphs[j], at);
            Some(Side {
                article,
                part: PartRef::Paragraph(j),
                start: base + chars(ptext, r.span.start - p.start),
                end: base + chars(ptext, r.span.end - p.start),
            })
        }
    }
}

pub(crate) fn overlaps(x: &Side, y: &Side) -> bool {
    x.article == y.article && x.part == y.part && x.start < y.end && y.start < x.end
}

fn pair_matches(p: &Pair, g: &Pair) -> bool {
    (overlaps(&p.a, &g.a) && overlaps(&p.b, &g.b)) || (overlaps(&p.a, &g.b) && overlaps(&p.b, &g.a))
}

/// Predicted pairs of one story, with the terms' texts for display.
struct Predicted {
    pairs: Vec<(Pair, String, String, f32)>,
    unmapped: usize,
}

fn predict(rows: &[&Row], arts: &[&Article], cfg: &FramingConfig, methods: &[TermMethod]) -> Predicted {
    let f = framing::analyze_with(arts, None, cfg);
    let by_id: HashMap<&str, usize> = arts.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut out = Predicted {
        pairs: Vec::new(),
        unmapped: 0,
    };
    for t in f.terms.iter().filter(|t| methods.contains(&t.method)) {
        for e in &t.evidence {
            let (ia, ib) = (by_id[e.a.article.as_str()], by_id[e.b.article.as_str()]);
            // The labels anchor a term at its first use in the article.
            let (fa, fb) = (
                framing::first_use(arts[ia], &e.a),
                framing::first_use(arts[ib], &e.b),
            );
            let sides = (side_of(&fa, arts[ia], rows[ia]), side_of(&fb, arts[ib], rows[ib]));
            let (Some(a), Some(b)) = sides else {
                out.unmapped += 1;
                continue;
            };
            let ta = fa.slice(arts[ia]).unwrap_or_default().to_string();
            let tb = fb.slice(arts[ib]).unwrap_or_default().to_string();
            if out.pairs.iter().any(|(p, ..)| p.a == a && p.b == b) {
                continue;
            }
            out.pairs.push((
                Pair {
                    a,
                    b,
                    referent: t.referent.clone(),
                },
                ta,
                tb,
                e.score,
            ));
        }
    }
    out
}

/// Matched predictions, predictions, matched gold, gold.
#[derive(Default, Clone, Copy)]
struct Tally {
    mp: usize,
    p: usize,
    mg: usize,
    g: usize,
}

impl Tally {
    fn add(&mut self, pred: &[Pair], gold: &[Pair]) {
        self.p += pred.len();
        self.g += gold.len();
        self.mp += pred
            .iter()
            .filter(|p| gold.iter().any(|g| pair_matches(p, g)))
            .count();
        self.mg += gold
            .iter()
            .filter(|g| pred.iter().any(|p| pair_matches(p, g)))
            .count();
    }

    fn line(&self, name: &str, stories: usize) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        println!(
            "{name:<16} {stories:>7} {:>6} {:>6} {:>9.3} {:>7.3}",
            self.g,
            self.p,
            ratio(self.mp, self.p),
            ratio(self.mg, self.g)
        );
    }
}

pub(crate) fn run(data: &Path, s: &Settings) -> anyhow::Result<()> {
    let rows = load(data)?;
    let t = Instant::now();
    let analysed = analyse(&rows)?;
    eprintln!(
        "analysed {} articles in {:.1} s",
        rows.len(),
        t.elapsed().as_secs_f64()
    );
    let mut stories: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        if analysed[i].is_some() {
            stories.entry(r.story).or_default().push(i);
        }
    }
    let mut cfg = FramingConfig::default();
    if let Some(t) = &s.terms {
        cfg.terms = serde_json::from_str(t).context("--terms")?;
    }
    cfg.terms.max_evidence = usize::MAX;
    // Every substitution is kept; the table reports each cut-off.
    let keep = cfg.terms.min_score;
    cfg.terms.min_score = 0.0;
    let methods: Vec<TermMethod> = s
        .methods
        .iter()
        .filter_map(|m| match m.as_str() {
            "alignment" => Some(TermMethod::Alignment),
            "coreference" => Some(TermMethod::Coreference),
            _ => None,
        })
        .collect();
    let gold: HashMap<u64, Vec<Pair>> = match &s.labels {
        Some(p) => {
            let text = std::fs::read_to_string(p).with_context(|| p.display().to_string())?;
            text.lines()
                .filter(|l| !l.trim().is_empty())
                .map(|l| serde_json::from_str::<GoldStory>(l).map(|g| (g.story, g.pairs)))
                .collect::<Result<_, _>>()?
        }
        None => HashMap::new(),
    };
    let mut out = match &s.out {
        Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    let (mut total, mut unmapped, mut shown) = (0, 0, 0);
    let mut halves = [[Tally::default(); CUTOFFS.len()]; 2];
    let mut counted = [0usize; 2];
    // Per half, for k = 1 and 3: matched and made predictions among each story's top k.
    let mut top = [[(0usize, 0usize); 2]; 2];
    let t = Instant::now();
    for (&story, idx) in &stories {
        let rs: Vec<&Row> = idx.iter().map(|&i| &rows[i]).collect();
        let arts: Vec<&Article> = idx.iter().filter_map(|&i| analysed[i].as_ref()).collect();
        let pred = predict(&rs, &arts, &cfg, &methods);
        unmapped += pred.unmapped;
        total += pred.pairs.iter().filter(|p| p.3 >= keep).count();
        for (p, ta, tb, score) in pred.pairs.iter().filter(|p| p.3 >= keep) {
            if shown < s.show {
                println!("{story}\t{score:.2}\t{ta:?}\t{tb:?}");
                shown += 1;
            }
            if let Some(w) = out.as_mut() {
                // Whether the pair is among the story's labelled pairs (null: story not labelled).
                let right = gold.get(&story).map(|g| g.iter().any(|x| pair_matches(p, x)));
                let line = serde_json::json!({"story": story, "pair": p, "a_text": ta, "b_text": tb, "score": score, "right": right});
                writeln!(w, "{line}")?;
            }
        }
        if let Some(g) = gold.get(&story) {
            let h = (story % 2) as usize;
            for (c, cut) in CUTOFFS.iter().enumerate() {
                let pairs: Vec<Pair> = pred
                    .pairs
                    .iter()
                    .filter(|p| p.3 >= *cut)
                    .map(|p| p.0.clone())
                    .collect();
                halves[h][c].add(&pairs, g);
            }
            counted[h] += 1;
            let mut ranked: Vec<&(Pair, String, String, f32)> = pred.pairs.iter().collect();
            ranked.sort_by(|x, y| y.3.total_cmp(&x.3));
            for (slot, k) in [1usize, 3].into_iter().enumerate() {
                let best = &ranked[..k.min(ranked.len())];
                top[h][slot].0 += best
                    .iter()
                    .filter(|p| g.iter().any(|x| pair_matches(&p.0, x)))
                    .count();
                top[h][slot].1 += best.len();
            }
        }
    }
    let ms = t.elapsed().as_secs_f64() * 1000.0 / stories.len().max(1) as f64;
    println!(
        "stories {}  term pairs {}  (unmapped spans {})  framing {:.2} ms/story",
        stories.len(),
        total,
        unmapped,
        ms
    );
    if s.labels.is_some() {
        println!(
            "{:<16} {:>7} {:>6} {:>6} {:>9} {:>7}",
            "half  score>=", "stories", "gold", "pred", "precision", "recall"
        );
        for (c, cut) in CUTOFFS.iter().enumerate() {
            halves[0][c].line(&format!("even/tune {cut:.2}"), counted[0]);
            halves[1][c].line(&format!("odd/check {cut:.2}"), counted[1]);
        }
        for (h, name) in ["even/tune", "odd/check"].into_iter().enumerate() {
            for (slot, k) in [1, 3].into_iter().enumerate() {
                let (m, n) = top[h][slot];
                println!(
                    "{name} top-{k} per story: precision {:.3} ({m}/{n})",
                    m as f64 / n.max(1) as f64
                );
            }
        }
    }
    leanings(&rows, &analysed);
    big_story_speed(&rows, &analysed);
    Ok(())
}

/// Log-odds top words of each leaning over the whole file (outlet set to the leaning).
fn leanings(rows: &[Row], analysed: &[Option<Article>]) {
    let arts: Vec<Article> = rows
        .iter()
        .zip(analysed)
        .filter_map(|(r, a)| {
            let mut a = a.clone()?;
            a.outlet = Some(r.leaning.clone());
            Some(a)
        })
        .collect();
    let refs: Vec<&Article> = arts.iter().collect();
    let cfg = framing::LogOddsConfig {
        min_count: 5,
        top: 20,
        ..Default::default()
    };
    for w in framing::distinctive_words(&refs, None, &cfg) {
        let words: Vec<String> = w
            .over
            .iter()
            .map(|d| format!("{} ({:.1})", d.term, d.z))
            .collect();
        println!("{:<7} {}", w.outlet, words.join(", "));
    }
}

/// Time of framing on stories of about 100 articles: the file's articles in order of
/// topic, cut into runs of 100.
fn big_story_speed(rows: &[Row], analysed: &[Option<Article>]) {
    let mut order: Vec<usize> = (0..rows.len()).filter(|&i| analysed[i].is_some()).collect();
    order.sort_by(|&a, &b| rows[a].topic.cmp(&rows[b].topic).then(a.cmp(&b)));
    let groups: Vec<Vec<&Article>> = order
        .chunks(100)
        .filter(|c| c.len() == 100)
        .map(|c| c.iter().filter_map(|&i| analysed[i].as_ref()).collect())
        .collect();
    let t = Instant::now();
    let mut pairs = 0;
    for g in &groups {
        let f = framing::analyze(g, None);
        pairs += f.terms.iter().map(|t| t.evidence.len()).sum::<usize>();
    }
    println!(
        "100-article stories: {}  {:.1} ms/story  ({} evidence pairs)",
        groups.len(),
        t.elapsed().as_secs_f64() * 1000.0 / groups.len().max(1) as f64,
        pairs
    );
}
