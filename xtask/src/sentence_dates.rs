//! Sentence dates on Timeline17 articles against a labelled set of our own
//! (`bench/sentence-dates/gold.tsv`, labelled as `bench/sentence-dates/GUIDE.md` says).
//!
//! Each article is analysed as the digest analyses a plain-text file: its path relative to
//! `--data` is its name, so its publication date comes from the day folder
//! (`…/InputDocs/2010-05-27/…`). A gold sentence is a byte span of the file; it is found
//! in the article's clean text by its words, and the storyline sentence that overlaps it
//! most gives the predicted date. Scores, per half (`tune`, `confirm`, and `confirm2`, a
//! second held-out sample drawn later; "all" is the first sample, tune and confirm, and
//! "confirm+confirm2" the two held-out halves together):
//! - accuracy: the predicted value equals the gold value (`2010-05-27`, `2010-05`,
//!   `2010-W21`, `2010`);
//! - day accuracy: over gold values of day precision, the predicted value is that day;
//! - the same accuracy over the sentences whose gold date the text gives (`basis` `text`),
//!   the harder part, where the publication date alone is not the answer.
//!
//! `--baseline FILE` scores a predictions file written earlier with `--write FILE` (for
//! the main branch's figures next to the working tree's). `--infer` also measures the
//! publication date read from the text with the day folder hidden, over every article.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context};
use storyline::time::TimeValue;
use storyline::{Article, DateSource, Pipeline, PipelineConfig, Span};

/// Which half of the labelled set a sentence is in (by article: alternate sampled articles
/// of the first sample; `Confirm2`: the second sample, held out as a whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Half {
    Tune,
    Confirm,
    Confirm2,
}

impl Half {
    fn read(s: &str) -> anyhow::Result<Half> {
        match s {
            "tune" => Ok(Half::Tune),
            "confirm" => Ok(Half::Confirm),
            "confirm2" => Ok(Half::Confirm2),
            _ => bail!("unknown half {s:?}"),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Half::Tune => "tune",
            Half::Confirm => "confirm",
            Half::Confirm2 => "confirm2",
        }
    }
}

/// Where the gold date was read: the text (an expression, a statement's day, the context)
/// or, the text giving none, the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Basis {
    Text,
    Publication,
}

/// One labelled sentence; `value` is `None` for a line left out (not a sentence of the
/// article: navigation, captions, lists, garbled text).
struct Gold {
    id: String,
    span: Span,
    half: Half,
    value: Option<TimeValue>,
    basis: Basis,
}

fn read_gold(path: &Path) -> anyhow::Result<Vec<Gold>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut gold = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let [id, start, end, half, value, basis] = f[..] else {
            bail!("{}:{}: expected 6 fields", path.display(), n + 1);
        };
        let value = match value {
            "-" => None,
            v => Some(
                v.parse()
                    .map_err(|e| anyhow::anyhow!("{}:{}: {e:?}", path.display(), n + 1))?,
            ),
        };
        gold.push(Gold {
            id: id.to_string(),
            span: Span::new(start.parse()?, end.parse()?),
            half: Half::read(half)?,
            value,
            basis: if basis == "text" {
                Basis::Text
            } else {
                Basis::Publication
            },
        });
    }
    Ok(gold)
}

/// The words of `s` joined by single spaces, with the byte offset in `s` of each byte of
/// the result (to map a match back).
fn squeeze(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut at = Vec::with_capacity(s.len());
    for (i, w) in s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
    {
        if !out.is_empty() {
            out.push(' ');
            at.push(i);
        }
        out.push_str(w);
        at.extend(i..i + w.len());
    }
    (out, at)
}

/// Where the gold sentence `line` lies in the clean text, searching from `from`: the whole
/// line, else its first words (cleaning may cut a line's tail or head).
fn locate(clean: &(String, Vec<usize>), line: &str, from: usize) -> Option<Span> {
    let (text, at) = clean;
    let (needle, _) = squeeze(line);
    let start_at = at.partition_point(|&b| b < from);
    let find = |n: &str| text[start_at..].find(n).map(|k| (start_at + k, n.len()));
    let prefix = |n: usize| {
        let mut k = needle.len().min(n);
        while !needle.is_char_boundary(k) {
            k -= 1;
        }
        needle[..k].to_string()
    };
    let (k, len) = find(&needle).or_else(|| find(&prefix(60)).filter(|_| needle.len() >= 20))?;
    Some(Span::new(at[k], at[k + len - 1] + 1))
}

/// What the analysis gave one gold sentence: the date, and how it was found (the rule and
/// the expression, for `--show`).
struct Predicted {
    value: TimeValue,
    why: String,
}

/// The date the analysis gave the sentence that overlaps `span` most.
fn predicted(a: &Article, span: Span) -> Option<Predicted> {
    let overlap = |s: &Span| s.end.min(span.end).saturating_sub(s.start.max(span.start));
    let (i, _) = a
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| overlap(s) > 0)
        .max_by_key(|(_, s)| overlap(s))?;
    let d = a.sentence_dates.iter().find(|d| d.sentence == i)?;
    let timex = d
        .timex
        .and_then(|k| a.timexes.get(k))
        .and_then(|t| t.span.slice(&a.text))
        .unwrap_or_default();
    Some(Predicted {
        value: d.value.clone(),
        why: format!("{:?} {timex:?}", d.rule),
    })
}

/// Predictions, one per gold line (in gold order): `None` when the sentence was not found
/// or got no date.
fn predict(data: &Path, gold: &[Gold]) -> anyhow::Result<Vec<Option<Predicted>>> {
    let pipeline = Pipeline::build(PipelineConfig::default())?;
    let mut out = Vec::with_capacity(gold.len());
    let mut k = 0;
    while k < gold.len() {
        let id = &gold[k].id;
        let group = gold[k..].iter().take_while(|g| &g.id == id).count();
        let raw = std::fs::read(data.join(id)).with_context(|| format!("reading {id}"))?;
        let raw = String::from_utf8_lossy(&raw).into_owned();
        let a = pipeline
            .analyze_text(&raw, id)
            .map_err(|e| anyhow::anyhow!("{id}: {e:?}"))?;
        if a.published.as_ref().map(|p| p.source) != Some(DateSource::Path) {
            eprintln!(
                "warning: {id}: publication date not from the path: {:?}",
                a.published
            );
        }
        let clean = squeeze(&a.text);
        let mut from = 0;
        for g in &gold[k..k + group] {
            let line = g.span.slice(&raw).unwrap_or_default();
            let at = locate(&clean, line, from);
            if at.is_none() && g.value.is_some() {
                eprintln!(
                    "warning: {id} {}..{}: not found in the clean text",
                    g.span.start, g.span.end
                );
            }
            if let Some(s) = at {
                from = s.start;
            }
            out.push(at.and_then(|s| predicted(&a, s)));
        }
        k += group;
    }
    Ok(out)
}

#[derive(Default)]
struct Score {
    n: usize,
    right: usize,
    days: usize,
    days_right: usize,
    text: usize,
    text_right: usize,
}

impl Score {
    fn add(&mut self, gold: &Gold, want: &TimeValue, got: Option<&TimeValue>) {
        let right = got == Some(want);
        self.n += 1;
        self.right += usize::from(right);
        if let Some(day) = want.day() {
            self.days += 1;
            self.days_right += usize::from(got.and_then(TimeValue::day) == Some(day));
        }
        if gold.basis == Basis::Text {
            self.text += 1;
            self.text_right += usize::from(right);
        }
    }
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "-".into()
    } else {
        format!("{:.3} ({a}/{b})", a as f64 / b as f64)
    }
}

/// A row of the score table: one half, the first sample (`all`: tune and confirm, as before
/// the second sample was drawn), or the two held-out halves together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Row {
    All,
    Half(Half),
    HeldOut,
}

impl Row {
    fn name(self) -> &'static str {
        match self {
            Row::Half(h) => h.name(),
            Row::All => "all",
            Row::HeldOut => "confirm+confirm2",
        }
    }
}

/// Scores per row; `pred` may be shorter than `gold` (a predictions file written before
/// later gold lines were added): lines past its end are not scored.
fn table(system: &str, gold: &[Gold], pred: &[Option<TimeValue>]) {
    let mut by: BTreeMap<Row, Score> = BTreeMap::new();
    let second = gold.iter().zip(pred).any(|(g, _)| g.half == Half::Confirm2);
    for (g, p) in gold.iter().zip(pred) {
        let Some(want) = &g.value else { continue };
        by.entry(Row::Half(g.half)).or_default().add(g, want, p.as_ref());
        if g.half != Half::Confirm2 {
            by.entry(Row::All).or_default().add(g, want, p.as_ref());
        }
        if second && g.half != Half::Tune {
            by.entry(Row::HeldOut).or_default().add(g, want, p.as_ref());
        }
    }
    for (row, s) in &by {
        println!(
            "| {system} | {} | {} | {} | {} | {} |",
            row.name(),
            s.n,
            ratio(s.right, s.n),
            ratio(s.days_right, s.days),
            ratio(s.text_right, s.text),
        );
    }
}

/// A predictions file written with `--write`: one value a line for the first gold lines
/// (all of them, or those there were when it was written).
fn read_predictions(path: &Path, n: usize) -> anyhow::Result<Vec<Option<TimeValue>>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let pred: Vec<Option<TimeValue>> = text
        .lines()
        .map(|l| (l != "-").then(|| l.parse().ok()).flatten())
        .collect();
    if pred.len() > n {
        bail!(
            "{}: {} predictions for {n} gold lines",
            path.display(),
            pred.len()
        );
    }
    Ok(pred)
}

fn show(gold: &[Gold], pred: &[Option<Predicted>], data: &Path, half: Half) {
    for (g, p) in gold.iter().zip(pred).filter(|(g, _)| g.half == half) {
        let Some(want) = &g.value else { continue };
        if p.as_ref().map(|p| &p.value) == Some(want) {
            continue;
        }
        let raw = std::fs::read_to_string(data.join(&g.id)).unwrap_or_default();
        let line = g.span.slice(&raw).unwrap_or_default();
        let (got, why) = p
            .as_ref()
            .map_or(("-".to_string(), ""), |p| (p.value.to_string(), p.why.as_str()));
        println!(
            "{} {} want {want} got {got} ({why})\n    {line}",
            g.half.name(),
            g.id
        );
    }
}

/// The publication date read from the text with the day folder hidden (the file's own
/// name only), over every article under `data`: how many get one, and how many of those
/// are the folder's day.
fn infer(data: &Path) -> anyhow::Result<()> {
    let pipeline = Pipeline::build(PipelineConfig::default())?;
    let (mut n, mut dated, mut right, mut near) = (0, 0, 0, 0);
    for crate::t17::InputFile { day, path: f, .. } in crate::t17::input_files(data)? {
        let f = &f;
        let raw = String::from_utf8_lossy(&std::fs::read(f)?).into_owned();
        let name = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(a) = pipeline.analyze_text(&raw, &name) else {
            continue;
        };
        n += 1;
        let Some(p) = a.published.as_ref().filter(|p| p.source == DateSource::Text) else {
            continue;
        };
        dated += 1;
        let got = p.date();
        right += usize::from(got == day);
        near += usize::from((got - day).num_days().abs() <= 1);
    }
    println!(
        "\n| publication date, path hidden | articles | inferred | right day | within a day | precision |"
    );
    println!("|---|---|---|---|---|---|");
    println!(
        "| storyline | {n} | {} | {right} | {near} | {} |",
        ratio(dated, n),
        ratio(right, dated)
    );
    Ok(())
}

pub fn run(
    data: &Path,
    gold_path: &Path,
    baseline: Option<&Path>,
    write: Option<&Path>,
    show_errors: Option<&str>,
    infer_dates: bool,
) -> anyhow::Result<()> {
    let gold = read_gold(gold_path)?;
    let found = predict(data, &gold)?;
    let pred: Vec<Option<TimeValue>> = found
        .iter()
        .map(|p| p.as_ref().map(|p| p.value.clone()))
        .collect();
    if let Some(w) = write {
        let lines: Vec<String> = pred
            .iter()
            .map(|p| p.as_ref().map_or("-".to_string(), ToString::to_string))
            .collect();
        std::fs::write(w, lines.join("\n") + "\n")?;
    }
    let scored = gold.iter().filter(|g| g.value.is_some()).count();
    println!(
        "{scored} labelled sentences ({} lines left out), {} articles",
        gold.len() - scored,
        gold.iter()
            .map(|g| &g.id)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    );
    println!("\n| system | half | sentences | accuracy | day accuracy | accuracy, date from the text |");
    println!("|---|---|---|---|---|---|");
    table("storyline", &gold, &pred);
    if let Some(b) = baseline {
        table("baseline", &gold, &read_predictions(b, gold.len())?);
    }
    if let Some(half) = show_errors {
        println!();
        show(&gold, &found, data, Half::read(half)?);
    }
    if infer_dates {
        infer(data)?;
    }
    Ok(())
}
