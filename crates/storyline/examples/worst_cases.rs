//! Speed of the text, entity and quote stages on generated worst cases, in MB/s.
//!
//! `cargo run --release -p storyline --example worst_cases [-- SIZE_KB… [--pipeline]
//! [--case TEXT]]` (default sizes 64, 256 and 1024 KB; `--case` keeps the cases whose name
//! holds TEXT). `--dir DIR` times the same stages over every `*.txt` under DIR instead
//! (ordinary articles: the speed to compare before and after a change). A stage that is linear keeps its MB/s as the size
//! grows; a quadratic one loses half of it at each doubling. A case whose run takes more
//! than a minute is not tried at larger sizes. `--pipeline` also times the whole
//! per-article pipeline (cleaning and dates included) on the same text.

use std::time::{Duration, Instant};

use storyline::{Pipeline, PipelineConfig};

#[path = "../testdata/quotes/worst_cases.rs"]
mod worst_cases;

fn mb_per_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64().max(1e-9)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let pipeline = args.iter().any(|a| a == "--pipeline");
    let only = args
        .iter()
        .position(|a| a == "--case")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let mut sizes: Vec<usize> = args
        .iter()
        .enumerate()
        .filter(|&(i, _)| i == 0 || args[i - 1] != "--case")
        .filter_map(|(_, a)| a.parse().ok())
        .collect();
    if sizes.is_empty() {
        sizes = vec![64, 256, 1024];
    }
    if let Some(dir) = args
        .iter()
        .position(|a| a == "--dir")
        .and_then(|i| args.get(i + 1))
    {
        time_dir(dir);
        return;
    }
    let p = Pipeline::build(PipelineConfig::default()).expect("pipeline");
    println!(
        "{:<36} {:>8} {:>9} {:>12} {:>12} {:>12}{}",
        "case",
        "KB",
        "seconds",
        "segment MB/s",
        "quotes MB/s",
        "total MB/s",
        if pipeline { "   pipeline MB/s" } else { "" }
    );
    for case in worst_cases::CASES {
        if only.as_ref().is_some_and(|o| !case.name.contains(o.as_str())) {
            continue;
        }
        for &kb in &sizes {
            let text = (case.make)(kb * 1024);
            let t = Instant::now();
            let paras = storyline::text::segment::line_paragraphs(&text);
            let sentences = storyline::text::segment::sentences(&text, &paras);
            let seg = t.elapsed();
            let t = Instant::now();
            let a = storyline::quotes::analyze(&text, &paras, &sentences);
            let quotes = t.elapsed();
            let total = seg + quotes;
            let mut line = format!(
                "{:<36} {:>8} {:>9.3} {:>12.2} {:>12.2} {:>12.2}",
                case.name,
                text.len() / 1024,
                total.as_secs_f64(),
                mb_per_s(text.len(), seg),
                mb_per_s(text.len(), quotes),
                mb_per_s(text.len(), total),
            );
            if pipeline {
                let t = Instant::now();
                let _ = p.analyze_text(&text, "worst.txt");
                line += &format!(" {:>15.2}", mb_per_s(text.len(), t.elapsed()));
            }
            println!(
                "{line}   ({} quotes, {} entities)",
                a.quotes.len(),
                a.entities.len()
            );
            if total > Duration::from_secs(60) {
                break;
            }
        }
    }
}

/// Sentences, entities and quotes of every `*.txt` file in `dir`: MB/s, median of five.
fn time_dir(dir: &str) {
    let mut texts = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            texts.push(std::fs::read_to_string(&p).expect("read"));
        }
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut runs = Vec::new();
    let mut quotes = 0;
    for _ in 0..5 {
        let t = Instant::now();
        quotes = 0;
        for text in &texts {
            let paras = storyline::text::segment::line_paragraphs(text);
            let sentences = storyline::text::segment::sentences(text, &paras);
            quotes += storyline::quotes::analyze(text, &paras, &sentences).quotes.len();
        }
        runs.push(t.elapsed());
    }
    runs.sort();
    println!(
        "{} texts, {:.2} MB, {quotes} quotes: {:.2} MB/s (median of 5)",
        texts.len(),
        bytes as f64 / 1e6,
        mb_per_s(bytes, runs[2])
    );
}
