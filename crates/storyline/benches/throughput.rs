//! Throughput of the per-document stages on one core, median of several runs.
//!
//! `cargo bench -p storyline` — cleans the fixture articles (`testdata/clean`), repeated to
//! about 20 MB (`$STORYLINE_BENCH_MB`), or every `*.txt` under `$STORYLINE_BENCH_TEXT` when set.

use std::path::PathBuf;
use std::time::Instant;

use storyline::clean::{clean, CleanMode};
use storyline::{Pipeline, PipelineConfig};

fn texts() -> Vec<String> {
    let dir = std::env::var_os("STORYLINE_BENCH_TEXT")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/clean"));
    let mut out = Vec::new();
    for e in walk(&dir) {
        if e.extension().is_some_and(|x| x == "txt") {
            out.push(std::fs::read_to_string(&e).expect("read"));
        }
    }
    assert!(!out.is_empty(), "no .txt files under {}", dir.display());
    out
}

fn walk(dir: &PathBuf) -> Vec<PathBuf> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            v.extend(walk(&p));
        } else {
            v.push(p);
        }
    }
    v.sort();
    v
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let base = texts();
    let base_bytes: usize = base.iter().map(String::len).sum();
    let target: usize = std::env::var("STORYLINE_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20)
        * 1_000_000;
    let reps = (target / base_bytes).max(1);
    let docs: Vec<&str> = (0..reps).flat_map(|_| base.iter().map(String::as_str)).collect();
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let expected: usize = docs
        .iter()
        .take(base.len())
        .map(|d| clean(d, None, CleanMode::Scraped).paragraphs.len())
        .sum();

    let mut rates = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let mut paras = 0;
        for d in &docs {
            paras += clean(d, None, CleanMode::Scraped).paragraphs.len();
        }
        rates.push(bytes as f64 / 1e6 / t.elapsed().as_secs_f64());
        assert_eq!(paras, expected * reps, "cleaning must be deterministic");
    }
    println!(
        "clean (plain-text cleaning)     {:>8.1} MB/s  median of 5, {} docs, {:.1} MB",
        median(rates),
        docs.len(),
        bytes as f64 / 1e6
    );

    let p = Pipeline::build(PipelineConfig::default()).expect("config");
    let mut rates = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let ok = docs
            .iter()
            .filter(|d| p.analyze_text(d, "bench.txt").is_ok())
            .count();
        rates.push(docs.len() as f64 / t.elapsed().as_secs_f64());
        assert_eq!(ok, docs.len());
    }
    println!(
        "analyze_text (whole record) {:>8.0} docs/s median of 3 ({:.1} MB/s)",
        median(rates.clone()),
        median(rates) * bytes as f64 / docs.len() as f64 / 1e6
    );

    // One long document (the texts joined, ~5 MB): time expressions must stay linear in
    // the length (a per-match look at all the text before it once made this quadratic).
    let long: String = docs
        .iter()
        .scan(0usize, |n, d| {
            *n += d.len();
            (*n <= 5_000_000).then_some(*d)
        })
        .collect::<Vec<_>>()
        .join("\n\n");
    let paras = storyline::text::segment::line_paragraphs(&long);
    let sents = storyline::text::segment::sentences(&long, &paras);
    let dct = chrono::NaiveDate::from_ymd_opt(2016, 12, 8);
    let mut rates = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        let n = storyline::time::find(&long, dct, &sents).len();
        rates.push(long.len() as f64 / 1e6 / t.elapsed().as_secs_f64());
        assert!(n > 0);
    }
    println!(
        "time::find on one long text     {:>8.1} MB/s  median of 3, {:.1} MB",
        median(rates),
        long.len() as f64 / 1e6
    );
    // And the whole record of it: entity and quote lookups must not scan every earlier one.
    let t = Instant::now();
    p.analyze_text(&long, "long.txt").expect("long text");
    println!(
        "analyze_text on one long text   {:>8.1} MB/s  one run, {:.1} MB",
        long.len() as f64 / 1e6 / t.elapsed().as_secs_f64(),
        long.len() as f64 / 1e6
    );
}
