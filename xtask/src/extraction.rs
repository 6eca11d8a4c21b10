//! Extraction quality: storyline against the crates it starts from, on the same pages.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;

use crate::shingles::{prf, score_page};

type Extractor = fn(&str, Option<&str>) -> String;

fn pipeline_text(mode: storyline::extract::ExtractMode, html: &str, url: Option<&str>) -> String {
    // Extraction and cleaning, as the benchmark measures them; who-said-what and time are
    // measured by `eval quotes` and `eval timex`.
    let config = storyline::PipelineConfig {
        extract: mode,
        quotes: false,
        dates: false,
        ..Default::default()
    };
    let pipeline = storyline::Pipeline::build(config).expect("valid config");
    pipeline
        .analyze_html(html, url, "page.html")
        .map(|a| a.text)
        .unwrap_or_default()
}

/// The whole per-document pipeline on an HTML page (extraction, then cleaning), default mode.
fn storyline(html: &str, url: Option<&str>) -> String {
    pipeline_text(storyline::extract::ExtractMode::Accurate, html, url)
}

/// The same in fast mode.
fn storyline_fast(html: &str, url: Option<&str>) -> String {
    pipeline_text(storyline::extract::ExtractMode::Fast, html, url)
}

/// The same in balanced mode.
fn storyline_balanced(html: &str, url: Option<&str>) -> String {
    pipeline_text(storyline::extract::ExtractMode::Balanced, html, url)
}

/// Extraction alone (accurate mode), before cleaning.
fn storyline_extract(html: &str, url: Option<&str>) -> String {
    storyline::extract::extract_html(html, url, storyline::extract::ExtractMode::Accurate)
        .map(|e| e.text)
        .unwrap_or_default()
}

fn trafilatura_rs(html: &str, url: Option<&str>) -> String {
    let mut opts = trafilatura::Options::default();
    if let Some(u) = url.and_then(|u| url::Url::parse(u).ok()) {
        opts = opts.with_url(u);
    }
    trafilatura::extract(html, &opts)
        .map(|r| r.content_text)
        .unwrap_or_default()
}

fn libreadability(html: &str, url: Option<&str>) -> String {
    libreadability::extract(html, url)
        .map(|a| a.text_content)
        .unwrap_or_default()
}

fn dom_smoothie(html: &str, url: Option<&str>) -> String {
    dom_smoothie::Readability::new(html, url, None)
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

const EXTRACTORS: &[(&str, Extractor)] = &[
    ("storyline", storyline),
    ("storyline-extract", storyline_extract),
    ("storyline-fast", storyline_fast),
    ("storyline-balanced", storyline_balanced),
    ("trafilatura", trafilatura_rs),
    ("libreadability", libreadability),
    ("dom_smoothie", dom_smoothie),
];

struct Page {
    id: String,
    url: Option<String>,
    html: String,
    gold: String,
}

fn load(data: &Path) -> anyhow::Result<Vec<Page>> {
    let gt_path = data.join("ground-truth.json");
    let gt: BTreeMap<String, serde_json::Value> = serde_json::from_slice(
        &std::fs::read(&gt_path).with_context(|| format!("reading {}", gt_path.display()))?,
    )?;
    let mut pages = Vec::new();
    for (id, v) in gt {
        let p = data.join("html").join(format!("{id}.html.gz"));
        let mut html = String::new();
        let bytes = std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?;
        let mut raw = Vec::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut raw)?;
        html.push_str(&String::from_utf8_lossy(&raw));
        pages.push(Page {
            id,
            url: v["url"].as_str().map(str::to_string),
            html,
            gold: v["articleBody"].as_str().unwrap_or_default().to_string(),
        });
    }
    Ok(pages)
}

pub fn run(
    data: &Path,
    only: &[String],
    show_pages: Option<&str>,
    dump: Option<&Path>,
    repeats: usize,
    json: bool,
) -> anyhow::Result<()> {
    let pages = load(data)?;
    let mb: f64 = pages.iter().map(|p| p.html.len() as f64).sum::<f64>() / 1e6;
    if !json {
        println!(
            "extraction: {} pages, {:.1} MB of HTML, from {}",
            pages.len(),
            mb,
            data.display()
        );
        println!(
            "{:<18} {:>9} {:>9} {:>9} {:>9} {:>8}",
            "extractor", "precision", "recall", "F1", "pages/s", "MB/s"
        );
    }
    for (name, f) in EXTRACTORS {
        if !only.is_empty() && !only.iter().any(|o| o == name) {
            continue;
        }
        let mut times = Vec::with_capacity(repeats);
        let mut outputs = Vec::new();
        for _ in 0..repeats {
            let start = Instant::now();
            outputs = pages.iter().map(|p| f(&p.html, p.url.as_deref())).collect();
            times.push(start.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        let secs = times[times.len() / 2];
        let scores: Vec<_> = pages
            .iter()
            .zip(&outputs)
            .map(|(p, o)| score_page(&p.gold, o))
            .collect();
        let (p, r, f1) = prf(&scores);
        if json {
            println!(
                "{}",
                serde_json::json!({
                    "tool": name, "pages": pages.len(), "mb": mb, "seconds": times,
                    "pages_per_s": pages.len() as f64 / secs, "mb_per_s": mb / secs,
                    "precision": p, "recall": r, "f1": f1,
                })
            );
        } else {
            println!(
                "{:<18} {:>9.4} {:>9.4} {:>9.4} {:>9.1} {:>8.2}",
                name,
                p,
                r,
                f1,
                pages.len() as f64 / secs,
                mb / secs
            );
        }
        if show_pages == Some(*name) {
            for (page, s) in pages.iter().zip(&scores) {
                let (pp, rr, ff) = prf(std::slice::from_ref(s));
                println!("  {} P {:.3} R {:.3} F1 {:.3}", &page.id[..12], pp, rr, ff);
            }
        }
        if let Some(dir) = dump {
            let d = dir.join(name);
            std::fs::create_dir_all(&d)?;
            for (page, o) in pages.iter().zip(&outputs) {
                std::fs::write(d.join(format!("{}.txt", &page.id[..12])), o)?;
                std::fs::write(dir.join(format!("gold-{}.txt", &page.id[..12])), &page.gold)?;
            }
        }
    }
    Ok(())
}
