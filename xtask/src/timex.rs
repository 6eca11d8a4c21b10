//! Temporal expressions on TimeML files (TempEval-3 Task A): strict and relaxed span
//! precision/recall/F1, type and value accuracy over relaxed matches, and value F1 (a span
//! that overlaps and has the gold value). Each file's DCT is the reference date.
//!
//! Layout: any folder, searched recursively for `*.tml`. The text is `<TEXT>`'s content
//! with the tags removed; TIMEX3 elements inside it are the gold.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use quick_xml::events::Event;
use quick_xml::Reader;

struct Gold {
    start: usize,
    end: usize,
    kind: String,
    value: Value,
}

/// A TIMEX3 value as annotated: typed when it is a value storyline writes, else the text
/// as it stands (`1998-10-23T12:00:00`, `FY1990`), which no typed value equals. Typed
/// values read only their own text, so two values are equal exactly when their texts are.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Typed(storyline::time::TimeValue),
    Text(String),
}

impl Value {
    fn read(s: &str) -> Value {
        s.parse()
            .map_or_else(|_| Value::Text(s.to_string()), Value::Typed)
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Typed(v) => v.fmt(f),
            Value::Text(s) => f.write_str(s),
        }
    }
}

struct Doc {
    name: String,
    text: String,
    dct: Option<chrono::NaiveDate>,
    gold: Vec<Gold>,
}

fn attr(e: &quick_xml::events::BytesStart, key: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == key)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

/// Parses a TimeML file. `text_element` is the element holding the text: `TEXT` in the
/// corpora, `TimeML` in HeidelTime's output.
fn parse(path: &Path, text_element: &[u8]) -> anyhow::Result<Doc> {
    let xml = std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut r = Reader::from_str(&xml);
    let mut in_text = false;
    let mut in_dct = false;
    let mut text = String::new();
    let mut dct = None;
    let mut gold = Vec::new();
    let mut open: Option<(usize, String, String)> = None;
    loop {
        match r.read_event()? {
            Event::Start(e) => match e.name().as_ref() {
                n if n == text_element => in_text = true,
                b"DCT" => in_dct = true,
                b"TIMEX3" if in_dct => {
                    let v = attr(&e, b"value").unwrap_or_default();
                    dct = chrono::NaiveDate::parse_from_str(v.get(..10).unwrap_or(""), "%Y-%m-%d").ok();
                }
                b"TIMEX3" if in_text => {
                    open = Some((
                        text.len(),
                        attr(&e, b"type").unwrap_or_default(),
                        attr(&e, b"value").unwrap_or_default(),
                    ));
                }
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                n if n == text_element => in_text = false,
                b"DCT" => in_dct = false,
                b"TIMEX3" if in_text => {
                    if let Some((start, kind, value)) = open.take() {
                        gold.push(Gold {
                            start,
                            end: text.len(),
                            kind,
                            value: Value::read(&value),
                        });
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_text => text.push_str(&t.xml_content()?),
            Event::GeneralRef(g) if in_text => {
                let name = g.decode()?;
                text.push_str(match name.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "?",
                });
            }
            Event::CData(t) if in_text => text.push_str(&String::from_utf8_lossy(&t)),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(Doc {
        name: path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
        text,
        dct,
        gold,
    })
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for e in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let p = e?.path();
        if p.is_dir() {
            files(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "tml") {
            out.push(p);
        }
    }
    Ok(())
}

/// Paragraph and sentence spans for plain text: non-empty lines are paragraphs.
fn spans(text: &str) -> (Vec<storyline::Span>, Vec<storyline::Span>) {
    let paras = storyline::text::segment::line_paragraphs(text);
    let sentences = storyline::text::segment::sentences(text, &paras);
    (paras, sentences)
}

#[derive(Default)]
struct Score {
    gold: usize,
    sys: usize,
    strict: usize,
    relaxed: usize,
    type_ok: usize,
    value_ok: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// A system's annotations: (start, end, type, value) per document, in the order of `docs`.
type SysOut = Vec<Vec<(usize, usize, String, Value)>>;

pub fn run(
    data: &Path,
    repeats: usize,
    show: bool,
    export: Option<&Path>,
    anchor: Option<&Path>,
) -> anyhow::Result<()> {
    let mut paths = Vec::new();
    files(data, &mut paths)?;
    paths.sort();
    let docs: Vec<Doc> = paths
        .iter()
        .map(|p| parse(p, b"TEXT"))
        .collect::<anyhow::Result<_>>()?;
    if let Some(dir) = export {
        // Plain texts and a list of "path<TAB>DCT" for the anchor (bench/heideltime.sh).
        std::fs::create_dir_all(dir)?;
        let mut list = String::new();
        for d in &docs {
            let p = dir.join(d.name.replace(".tml", ".txt"));
            std::fs::write(&p, &d.text)?;
            let dct = d
                .dct
                .map_or("1970-01-01".to_string(), |x| x.format("%Y-%m-%d").to_string());
            list.push_str(&format!("{}\t{dct}\n", p.display()));
        }
        std::fs::write(dir.join("list.tsv"), list)?;
    }
    let mut times = Vec::new();
    let mut preds = Vec::new();
    for _ in 0..repeats {
        let t = Instant::now();
        preds = docs
            .iter()
            .map(|d| {
                let (_, sentences) = spans(&d.text);
                storyline::time::find(&d.text, d.dct, &sentences)
            })
            .collect();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let secs = times[times.len() / 2];
    let ours: SysOut = preds
        .iter()
        .map(|p| {
            p.iter()
                .map(|t| {
                    let kind = serde_json::to_value(t.kind)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    (t.span.start, t.span.end, kind, Value::Typed(t.value.clone()))
                })
                .collect()
        })
        .collect();
    println!(
        "timex: {} documents, {} gold expressions, from {}",
        docs.len(),
        docs.iter().map(|d| d.gold.len()).sum::<usize>(),
        data.display()
    );
    println!(
        "{:<14} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>8} {:>10}",
        "system",
        "strictP",
        "strictR",
        "strictF1",
        "relaxP",
        "relaxR",
        "relaxF1",
        "typeAcc",
        "valueAcc",
        "valueF1",
        "docs/s"
    );
    row(
        "storyline",
        &score(&docs, &ours, show),
        Some(docs.len() as f64 / secs),
    );
    if let Some(dir) = anchor {
        let (theirs, speed) = load_anchor(dir, &docs)?;
        row("heideltime", &score(&docs, &theirs, false), speed);
    }
    let (per_s, failed) = whole_analyze(&docs, repeats)?;
    println!(
        "whole analyze (cleaning, sentences, entities, quotes, dates; DCT as metadata): {per_s:.1} docs/s{}",
        if failed > 0 {
            format!(" ({failed} of {} documents rejected, e.g. too short)", docs.len())
        } else {
            String::new()
        }
    );
    Ok(())
}

/// Documents per second through the whole per-document record (`storyline analyze`), the
/// DCT given as the publication date, median of `repeats` runs; and how many documents
/// the pipeline rejected.
fn whole_analyze(docs: &[Doc], repeats: usize) -> anyhow::Result<(f64, usize)> {
    use storyline::ingest::{Content, InputMeta, RawItem};
    let pipeline = storyline::Pipeline::build(storyline::PipelineConfig::default())?;
    let items: Vec<RawItem> = docs
        .iter()
        .map(|d| RawItem {
            source: storyline::Source {
                path: d.name.clone(),
                format: storyline::Format::Text,
                record_id: None,
                line: None,
            },
            content: Content::Text(d.text.clone()),
            meta: InputMeta {
                published: d.dct.map(|x| x.format("%Y-%m-%d").to_string()),
                ..Default::default()
            },
            warnings: vec![],
            bytes: d.text.len() as u64,
        })
        .collect();
    let mut times = Vec::new();
    let mut ok = 0;
    for _ in 0..repeats {
        let batch = items.clone();
        let t = Instant::now();
        ok = batch.into_iter().filter_map(|i| pipeline.analyze(i).ok()).count();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    Ok((docs.len() as f64 / times[times.len() / 2], docs.len() - ok))
}

/// HeidelTime's TimeML outputs (one per document, named like the exported text) and the
/// speed line its batch driver wrote (`speed.txt`, optional).
fn load_anchor(dir: &Path, docs: &[Doc]) -> anyhow::Result<(SysOut, Option<f64>)> {
    let mut out = Vec::with_capacity(docs.len());
    for d in docs {
        let p = dir.join(d.name.replace(".tml", ".txt"));
        let parsed = match parse(&p, b"TimeML") {
            Ok(x) => x,
            Err(_) => {
                out.push(Vec::new());
                continue;
            }
        };
        // HeidelTime rewrites some whitespace: find each expression's surface in our text,
        // searching forward from the previous one.
        let mut from = 0;
        let mut mine = Vec::new();
        for g in parsed.gold {
            let surface = &parsed.text[g.start..g.end];
            if let Some(k) = d.text.get(from..).and_then(|rest| rest.find(surface)) {
                let s = from + k;
                mine.push((s, s + surface.len(), g.kind, g.value));
                from = s + surface.len();
            }
        }
        out.push(mine);
    }
    let speed = std::fs::read_to_string(dir.join("speed.txt"))
        .ok()
        .and_then(|t| t.split_whitespace().rev().nth(1).and_then(|x| x.parse().ok()));
    Ok((out, speed))
}

/// The text around a span on one line, the span in brackets.
fn context(text: &str, start: usize, end: usize) -> String {
    let mut a = start.saturating_sub(90);
    while !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (end + 60).min(text.len());
    while !text.is_char_boundary(b) {
        b -= 1;
    }
    format!("…{}⟦{}⟧{}…", &text[a..start], &text[start..end], &text[end..b]).replace('\n', " ")
}

fn score(docs: &[Doc], sys: &SysOut, show: bool) -> Score {
    let mut sc = Score::default();
    for (d, p) in docs.iter().zip(sys) {
        sc.gold += d.gold.len();
        sc.sys += p.len();
        let mut used = vec![false; p.len()];
        for g in &d.gold {
            let hit = p
                .iter()
                .enumerate()
                .find(|(i, t)| !used[*i] && t.0 < g.end && g.start < t.1);
            match hit {
                Some((i, t)) => {
                    used[i] = true;
                    sc.relaxed += 1;
                    if t.0 == g.start && t.1 == g.end {
                        sc.strict += 1;
                    } else if show {
                        println!(
                            "SPAN {} | gold {} | sys {}",
                            d.name,
                            &d.text[g.start..g.end],
                            d.text.get(t.0..t.1).unwrap_or("")
                        );
                    }
                    if t.2 == g.kind {
                        sc.type_ok += 1;
                    } else if show && t.3 == g.value {
                        println!(
                            "TYPE {} | {} | gold {} | sys {} | {}",
                            d.name,
                            &d.text[g.start..g.end],
                            g.kind,
                            t.2,
                            t.3
                        );
                    }
                    if t.3 == g.value {
                        sc.value_ok += 1;
                    } else if show {
                        println!(
                            "VAL {} | {} | gold {} {} | sys {} {} | DCT {} | {}",
                            d.name,
                            &d.text[g.start..g.end],
                            g.kind,
                            g.value,
                            t.2,
                            t.3,
                            d.dct.map(|x| x.to_string()).unwrap_or_default(),
                            context(&d.text, g.start, g.end)
                        );
                    }
                }
                None if show => println!(
                    "FN {} | {} | {} {}",
                    d.name,
                    &d.text[g.start..g.end],
                    g.kind,
                    g.value
                ),
                None => {}
            }
        }
        if show {
            for (i, t) in p.iter().enumerate() {
                if !used[i] {
                    println!(
                        "FP {} | {} | {} | {}",
                        d.name,
                        d.text.get(t.0..t.1).unwrap_or(""),
                        t.3,
                        context(&d.text, t.0, t.1)
                    );
                }
            }
        }
    }
    sc
}

fn row(name: &str, sc: &Score, docs_per_s: Option<f64>) {
    let rate = |n: usize, d: usize| n as f64 / d.max(1) as f64;
    let (sp, sr) = (rate(sc.strict, sc.sys), rate(sc.strict, sc.gold));
    let (rp, rr) = (rate(sc.relaxed, sc.sys), rate(sc.relaxed, sc.gold));
    let (vp, vr) = (rate(sc.value_ok, sc.sys), rate(sc.value_ok, sc.gold));
    println!(
        "{:<14} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>10}",
        name,
        sp,
        sr,
        f1(sp, sr),
        rp,
        rr,
        f1(rp, rr),
        rate(sc.type_ok, sc.relaxed),
        rate(sc.value_ok, sc.relaxed),
        f1(vp, vr),
        docs_per_s.map_or("-".to_string(), |x| format!("{x:.1}"))
    );
    println!(
        "{:<14} gold {} · system {} · relaxed matches {} · strict {} · right value {}",
        "", sc.gold, sc.sys, sc.relaxed, sc.strict, sc.value_ok
    );
}
