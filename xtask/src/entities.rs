//! Corpus-wide entity resolution on PolNeAR-style text folders, scored against a labelled
//! set of name mentions (`bench/entities/`).
//!
//! Every `DIR/text/*.txt` is analysed (entities as the quote finder builds them, on the
//! raw text, so that byte offsets are the file's), and all articles' entities are merged by
//! the corpus directory (`corpus::directory::merge`, the rules the store applies). The gold
//! file lists mentions as `article start end entity kind` (byte offsets into the article's
//! file; `entity` a made-up key; `kind` person, organization or place).
//!
//! Scoring: a gold mention is found when a system name mention overlaps its span (the one
//! with the largest overlap is taken); it then belongs to that mention's corpus-wide entity.
//! A gold mention the system did not find is a cluster of its own (so it costs recall, and
//! no precision). B-cubed precision and recall are averaged over the gold mentions, with the
//! system clusters restricted to the gold mentions. The kind is right when the found
//! mention's corpus-wide entity has the gold kind; a mention not found counts as wrong.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use anyhow::Context;
use storyline::corpus::directory::{self, GlobalEntity, Membership};
use storyline::entities::{Entity, EntityKind, MentionKind};
use storyline::quotes::Attribution;

struct Gold {
    article: String,
    start: usize,
    end: usize,
    entity: String,
    kind: EntityKind,
}

fn parse_kind(s: &str) -> anyhow::Result<EntityKind> {
    Ok(match s {
        "person" => EntityKind::Person,
        "organization" => EntityKind::Organization,
        "place" => EntityKind::Place,
        _ => anyhow::bail!("unknown kind {s:?}"),
    })
}

fn load_gold(path: &Path) -> anyhow::Result<Vec<Gold>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        anyhow::ensure!(f.len() == 5, "{}:{}: expected 5 fields", path.display(), n + 1);
        out.push(Gold {
            article: f[0].to_string(),
            start: f[1].parse()?,
            end: f[2].parse()?,
            entity: f[3].to_string(),
            kind: parse_kind(f[4])?,
        });
    }
    Ok(out)
}

fn analyze(text: &str) -> Attribution {
    let paras = storyline::text::segment::line_paragraphs(text);
    let sentences = storyline::text::segment::sentences(text, &paras);
    storyline::quotes::analyze(text, &paras, &sentences)
}

/// One article's analysis: its entities and the local ids of its quotes' speakers.
struct Analysed {
    name: String,
    entities: Vec<Entity>,
    speakers: Vec<String>,
}

/// What the system says of one gold mention: its corpus-wide entity and kind, if found.
type Found = Option<(String, EntityKind)>;

fn system_of(
    g: &Gold,
    art: Option<&Analysed>,
    members: &HashMap<(&str, &str), &str>,
    kinds: &HashMap<&str, EntityKind>,
) -> Found {
    let art = art?;
    let mut best: Option<(usize, &str)> = None;
    for e in &art.entities {
        for m in e.mentions.iter().filter(|m| m.kind == MentionKind::Name) {
            let ov = m.span.end.min(g.end).saturating_sub(m.span.start.max(g.start));
            if ov > 0 && best.is_none_or(|(b, _)| ov > b) {
                best = Some((ov, e.id.as_str()));
            }
        }
    }
    let (_, local) = best?;
    let global = members.get(&(art.name.as_str(), local))?;
    Some((
        global.to_string(),
        kinds.get(global).copied().unwrap_or(EntityKind::Unknown),
    ))
}

#[derive(Default)]
struct Score {
    p: f64,
    r: f64,
    n: usize,
    found: usize,
    kinds: usize,
}

impl Score {
    fn f1(&self) -> f64 {
        let (p, r) = (self.p / self.n.max(1) as f64, self.r / self.n.max(1) as f64);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// B-cubed over the gold mentions `idx`, with system clusters `sys` (one per mention).
fn bcubed(gold: &[Gold], sys: &[String], found: &[Found], idx: &[usize]) -> Score {
    let mut by_gold: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut by_sys: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in idx {
        by_gold.entry(gold[i].entity.as_str()).or_default().push(i);
        by_sys.entry(sys[i].as_str()).or_default().push(i);
    }
    let mut s = Score::default();
    for &i in idx {
        let g = &by_gold[gold[i].entity.as_str()];
        let c = &by_sys[sys[i].as_str()];
        let both = c.iter().filter(|&&j| gold[j].entity == gold[i].entity).count() as f64;
        s.p += both / c.len() as f64;
        s.r += both / g.len() as f64;
        s.n += 1;
        if let Some((_, k)) = &found[i] {
            s.found += 1;
            s.kinds += (*k == gold[i].kind) as usize;
        }
    }
    s
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
        EntityKind::Unknown => "unknown",
    }
}

/// The key of an article in the gold file: the FNV-1a 64 hash of its file name, in hex (the
/// file names hold headline words, which the repository must not repeat).
fn article_key(file_name: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in file_name.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

pub fn run(data: &Path, gold_path: &Path, only_gold: bool, show: bool, json: bool) -> anyhow::Result<()> {
    let gold = load_gold(gold_path)?;
    let wanted: std::collections::HashSet<&str> = gold.iter().map(|g| g.article.as_str()).collect();
    let dir = data.join("text");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && (!only_gold || wanted.contains(article_key(n).as_str())))
        .collect();
    names.sort();
    let started = std::time::Instant::now();
    let mut arts = Vec::with_capacity(names.len());
    for name in names {
        let text = std::fs::read_to_string(dir.join(&name))?;
        let a = analyze(&text);
        let speakers = a
            .quotes
            .iter()
            .filter(|q| !q.partial)
            .filter_map(|q| q.speaker_entity.clone())
            .collect();
        arts.push(Analysed {
            name: article_key(&name),
            entities: a.entities,
            speakers,
        });
    }
    let (globals, members): (Vec<GlobalEntity>, Vec<Membership>) = directory::merge(
        arts.iter()
            .map(|a| (a.name.as_str(), a.entities.as_slice(), a.speakers.as_slice())),
    );
    let seconds = started.elapsed().as_secs_f64();
    let member_of: HashMap<(&str, &str), &str> = members
        .iter()
        .map(|m| ((m.article.as_str(), m.local.as_str()), m.entity.as_str()))
        .collect();
    let kinds: HashMap<&str, EntityKind> = globals.iter().map(|g| (g.id.as_str(), g.kind)).collect();
    let by_name: HashMap<&str, &Analysed> = arts.iter().map(|a| (a.name.as_str(), a)).collect();
    let found: Vec<Found> = gold
        .iter()
        .map(|g| system_of(g, by_name.get(g.article.as_str()).copied(), &member_of, &kinds))
        .collect();
    let sys: Vec<String> = found
        .iter()
        .enumerate()
        .map(|(i, f)| {
            f.as_ref()
                .map_or_else(|| format!("(missed {i})"), |(id, _)| id.clone())
        })
        .collect();
    let all: Vec<usize> = (0..gold.len()).collect();
    let po: Vec<usize> = all
        .iter()
        .copied()
        .filter(|&i| matches!(gold[i].kind, EntityKind::Person | EntityKind::Organization))
        .collect();
    let rows = [
        ("person+organization", bcubed(&gold, &sys, &found, &po)),
        ("all kinds", bcubed(&gold, &sys, &found, &all)),
    ];
    if show {
        print_errors(&gold, &found, &globals);
    }
    let articles = arts.len();
    let gold_articles = wanted.len();
    if json {
        for (what, s) in &rows {
            println!(
                "{}",
                serde_json::json!({
                    "mentions": what, "n": s.n, "articles": articles, "gold_articles": gold_articles,
                    "b3_p": s.p / s.n.max(1) as f64, "b3_r": s.r / s.n.max(1) as f64, "b3_f1": s.f1(),
                    "found": s.found as f64 / s.n.max(1) as f64, "kinds": s.kinds as f64 / s.n.max(1) as f64,
                    "entities": globals.len(), "seconds": seconds,
                })
            );
        }
        return Ok(());
    }
    println!(
        "{articles} articles analysed and merged ({} corpus-wide entities, {seconds:.2} s); {} gold mentions in {gold_articles} articles",
        globals.len(),
        gold.len()
    );
    println!("| mentions | n | B3 P | B3 R | B3 F1 | found | kind correct |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (what, s) in &rows {
        let n = s.n.max(1) as f64;
        println!(
            "| {what} | {} | {:.3} | {:.3} | {:.3} | {:.3} | {:.3} |",
            s.n,
            s.p / n,
            s.r / n,
            s.f1(),
            s.found as f64 / n,
            s.kinds as f64 / n
        );
    }
    Ok(())
}

/// Gold entities split over several system entities, system entities holding several gold
/// entities, mentions not found, and wrong kinds.
fn print_errors(gold: &[Gold], found: &[Found], globals: &[GlobalEntity]) {
    let name: HashMap<&str, &str> = globals.iter().map(|g| (g.id.as_str(), g.name.as_str())).collect();
    let mut split: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut merged: BTreeMap<String, BTreeMap<&str, usize>> = BTreeMap::new();
    for (g, f) in gold.iter().zip(found) {
        let s = f
            .as_ref()
            .map_or_else(|| "(missed)".to_string(), |(id, _)| id.clone());
        *split
            .entry(g.entity.as_str())
            .or_default()
            .entry(s.clone())
            .or_default() += 1;
        if f.is_some() {
            *merged.entry(s).or_default().entry(g.entity.as_str()).or_default() += 1;
        }
        match f {
            None => println!("MISS\t{}\t{}..{}\t{}", g.article, g.start, g.end, g.entity),
            Some((id, k)) if *k != g.kind => println!(
                "KIND\t{}\t{}..{}\t{}\tgold {} system {} ({id})",
                g.article,
                g.start,
                g.end,
                g.entity,
                kind_name(g.kind),
                kind_name(*k)
            ),
            _ => {}
        }
    }
    for (g, s) in &split {
        if s.len() > 1 {
            println!("SPLIT\t{g}\t{s:?}");
        }
    }
    for (s, g) in &merged {
        if g.len() > 1 {
            println!("MERGED\t{s} ({})\t{g:?}", name.get(s.as_str()).unwrap_or(&""));
        }
    }
}
