//! Biased wording on the AllSides stories against a labelled set of our own
//! (`bench/framing/bias-spans.jsonl`, guidelines in `bench/framing/BIAS-GUIDELINES.md`).
//!
//! Lexical bias: every loaded word Storyline finds in an article (`framing::loaded_uses`)
//! is a predicted span; it is right when it overlaps a gold lexical span of the same
//! article and part. Informational bias: every sentence an outlet alone gives
//! (`Framing::wording[].exclusive`) is a predicted span; it is right when it covers at
//! least half of a gold informational sentence (and that sentence at least half of it).
//! Precision over predictions, recall over gold spans, on the labelled stories only;
//! even story ids are the tuning half, odd ids the confirmation half.

use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;
use storyline::framing::{self, ExclusiveConfig, FramingConfig};
use storyline::Article;

use crate::framing::{analyse, load, overlaps, side_of, Side};

#[derive(Deserialize)]
struct GoldLexical {
    #[serde(flatten)]
    side: Side,
    cue: String,
}

#[derive(Deserialize)]
struct GoldStory {
    story: u64,
    lexical: Vec<GoldLexical>,
    informational: Vec<Side>,
}

/// Options of the evaluation.
pub(crate) struct Settings {
    pub labels: PathBuf,
    /// Rule `exclusive_sentence` settings as JSON (`{"min_terms", "novelty", "titles"}`).
    pub exclusive: Option<String>,
    /// Write each prediction (right or wrong) and each missed gold span here (TSV).
    pub errors: Option<PathBuf>,
}

#[derive(Default, Clone, Copy)]
struct Tally {
    pred: usize,
    right: usize,
    gold: usize,
    found: usize,
}

impl Tally {
    fn line(&self, name: &str) {
        let p = self.right as f64 / self.pred.max(1) as f64;
        let r = self.found as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        println!(
            "{name:<28} gold {:>5}  pred {:>5}  P {:.3}  R {:.3}  F1 {:.3}",
            self.gold, self.pred, p, r, f
        );
    }
}

/// The words of a text with their byte spans.
fn word_spans(t: &str) -> impl Iterator<Item = (storyline::Span, &str)> {
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
        match (c.is_alphanumeric() || c == '-' || c == '\'', start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((storyline::Span::new(s, i), &t[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    out.into_iter()
}

/// Whether predicted sentence `p` and gold sentence `g` cover at least half of each other.
fn same_sentence(p: &Side, g: &Side) -> bool {
    if !overlaps(p, g) {
        return false;
    }
    let common = p.end.min(g.end) - p.start.max(g.start);
    2 * common >= p.end - p.start && 2 * common >= g.end - g.start
}

fn text_of<'a>(rows: &'a [crate::framing::Row], s: &Side) -> &'a str {
    rows[s.article].part_text(&s.part)
}

fn chars(t: &str, s: &Side) -> String {
    t.chars()
        .skip(s.start)
        .take(s.end.saturating_sub(s.start))
        .collect()
}

pub(crate) fn run(data: &Path, s: &Settings) -> anyhow::Result<()> {
    let rows = load(data)?;
    let analysed = analyse(&rows)?;
    let text = std::fs::read_to_string(&s.labels).with_context(|| s.labels.display().to_string())?;
    let gold: Vec<GoldStory> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    let mut cfg = FramingConfig::default();
    let mut ex: ExclusiveConfig = cfg.exclusive;
    if let Some(j) = &s.exclusive {
        let v: serde_json::Value = serde_json::from_str(j).context("--exclusive")?;
        if let Some(x) = v["min_terms"].as_u64() {
            ex.min_terms = x as usize;
        }
        if let Some(x) = v["novelty"].as_f64() {
            ex.novelty = x as f32;
        }
        if let Some(x) = v["titles"].as_bool() {
            ex.titles = x;
        }
    }
    cfg.exclusive = ex;
    let mut stories: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        stories.entry(r.story).or_default().push(i);
    }
    let mut errors = match &s.errors {
        Some(p) => Some(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => None,
    };
    let mut lexical = [Tally::default(); 2];
    let mut baseline = [Tally::default(); 2];
    // Predictions whose span could not be placed in the row (left out of precision).
    let mut unmapped = 0usize;
    let mut informational = [Tally::default(); 2];
    // Per half and cue: predictions and right ones.
    let mut by_cue: [BTreeMap<String, (usize, usize)>; 2] = Default::default();
    // Per half and gold cue: gold spans and found ones.
    let mut gold_cue: [BTreeMap<String, (usize, usize)>; 2] = Default::default();
    // Per half and term: wrong predictions.
    let mut wrong_terms: [HashMap<String, usize>; 2] = Default::default();
    for g in &gold {
        let Some(idx) = stories.get(&g.story) else {
            anyhow::bail!("story {} is not in the data", g.story);
        };
        let h = (g.story % 2) as usize;
        let arts: Vec<&Article> = idx.iter().filter_map(|&i| analysed[i].as_ref()).collect();
        let row_of: HashMap<&str, usize> = idx
            .iter()
            .filter_map(|&i| analysed[i].as_ref().map(|a| (a.id.as_str(), i)))
            .collect();
        // Lexical.
        let mut preds: Vec<(Side, String, String)> = Vec::new();
        for a in &arts {
            let row = &rows[row_of[a.id.as_str()]];
            for u in framing::loaded_uses(a) {
                if let Some(side) = side_of(&u.at, a, row) {
                    let cue = serde_json::to_value(u.cue)?.as_str().unwrap_or("").to_string();
                    preds.push((side, u.term, cue));
                } else {
                    unmapped += 1;
                }
            }
        }
        let t = &mut lexical[h];
        t.pred += preds.len();
        t.gold += g.lexical.len();
        for (p, term, cue) in &preds {
            let ok = g.lexical.iter().any(|x| overlaps(p, &x.side));
            t.right += ok as usize;
            let e = by_cue[h].entry(cue.clone()).or_default();
            e.0 += 1;
            e.1 += ok as usize;
            if !ok {
                *wrong_terms[h].entry(term.clone()).or_default() += 1;
            }
            if let Some(w) = errors.as_mut() {
                let kind = if ok { "lexical-right" } else { "lexical-wrong" };
                writeln!(w, "{}\t{kind}\t{cue}\t{term}", g.story)?;
            }
        }
        for x in &g.lexical {
            let ok = preds.iter().any(|(p, _, _)| overlaps(p, &x.side));
            t.found += ok as usize;
            let e = gold_cue[h].entry(x.cue.clone()).or_default();
            e.0 += 1;
            e.1 += ok as usize;
            if !ok {
                if let Some(w) = errors.as_mut() {
                    let tx = chars(text_of(&rows, &x.side), &x.side);
                    writeln!(w, "{}\tlexical-missed\t{}\t{}", g.story, x.cue, tx.to_lowercase())?;
                }
            }
        }
        // Informational.
        let f = framing::analyze_with(&arts, None, &cfg);
        // Baseline: every use, in its own outlet's articles, of the unigrams the log-odds
        // part over-uses for that outlet.
        let mut base: Vec<Side> = Vec::new();
        for w in &f.distinctive {
            let words: std::collections::HashSet<&str> = w
                .over
                .iter()
                .filter(|d| d.gram == framing::Gram::Unigram)
                .map(|d| d.term.as_str())
                .collect();
            for a in arts
                .iter()
                .filter(|a| a.outlet.as_deref() == Some(w.outlet.as_str()))
            {
                let row = &rows[row_of[a.id.as_str()]];
                for (part, t) in [
                    (framing::Part::Title, a.title.as_deref().unwrap_or("")),
                    (framing::Part::Body, a.text.as_str()),
                ] {
                    for (at, word) in word_spans(t) {
                        if words.contains(word.to_lowercase().as_str()) {
                            let r = framing::TextRef {
                                article: a.id.clone(),
                                part,
                                span: at,
                            };
                            base.extend(side_of(&r, a, row));
                        }
                    }
                }
            }
        }
        let b = &mut baseline[h];
        b.pred += base.len();
        b.gold += g.lexical.len();
        b.right += base
            .iter()
            .filter(|p| g.lexical.iter().any(|x| overlaps(p, &x.side)))
            .count();
        b.found += g
            .lexical
            .iter()
            .filter(|x| base.iter().any(|p| overlaps(p, &x.side)))
            .count();
        let mut sents: Vec<Side> = Vec::new();
        for w in &f.wording {
            for e in &w.exclusive {
                let Some(a) = arts.iter().find(|a| a.id == e.at.article) else {
                    continue;
                };
                match side_of(&e.at, a, &rows[row_of[a.id.as_str()]]) {
                    Some(side) => sents.push(side),
                    None => unmapped += 1,
                }
            }
        }
        let t = &mut informational[h];
        t.pred += sents.len();
        t.gold += g.informational.len();
        t.right += sents
            .iter()
            .filter(|p| g.informational.iter().any(|x| same_sentence(p, x)))
            .count();
        t.found += g
            .informational
            .iter()
            .filter(|x| sents.iter().any(|p| same_sentence(p, x)))
            .count();
    }
    println!(
        "labelled stories {} (even {}, odd {}); predictions not placed in the data's text, left out: {unmapped}",
        gold.len(),
        gold.iter().filter(|g| g.story % 2 == 0).count(),
        gold.iter().filter(|g| g.story % 2 == 1).count()
    );
    for (h, name) in ["even/tune", "odd/check"].into_iter().enumerate() {
        lexical[h].line(&format!("lexical {name}"));
        baseline[h].line(&format!("log-odds words {name}"));
        informational[h].line(&format!("informational {name}"));
    }
    for (h, name) in ["even/tune", "odd/check"].into_iter().enumerate() {
        let cues: Vec<String> = by_cue[h]
            .iter()
            .map(|(c, (n, r))| format!("{c} {r}/{n}"))
            .collect();
        println!("{name} predictions right by cue: {}", cues.join(", "));
        let cues: Vec<String> = gold_cue[h]
            .iter()
            .map(|(c, (n, r))| format!("{c} {r}/{n}"))
            .collect();
        println!("{name} gold found by cue: {}", cues.join(", "));
    }
    let mut worst: Vec<(&String, &usize)> = wrong_terms[0].iter().collect();
    worst.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let list: Vec<String> = worst.iter().take(25).map(|(t, n)| format!("{t} {n}")).collect();
    println!("even/tune most frequent wrong terms: {}", list.join(", "));
    Ok(())
}
