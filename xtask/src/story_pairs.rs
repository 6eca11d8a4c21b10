//! Same-story similarity on SemEval-2022 Task 8 style pairs (English–English): the score
//! the clustering joins an article to an event with, an article taken as an event of one
//! (both directions averaged), against the annotators' Overall (1 same story … 4
//! unrelated): Pearson with −Overall, and F1 of "same story" (Overall ≤ 2) when the score
//! reaches the clustering's join threshold. Plain TF-IDF cosine is printed beside it.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use storyline::stories::{
    pair_similarity, similarity, terms::Analyzer, terms::DocFreq, Centroid, StoryConfig, StoryDoc, Weighed,
};

use crate::clusters::{analyse, Input};

/// One pair of the CSV.
struct Pair {
    id: String,
    texts: [String; 2],
    overall: f64,
}

/// Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas,
/// newlines and doubled quotes).
fn csv_records(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let (mut record, mut field) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

fn load(path: &Path) -> anyhow::Result<Vec<Pair>> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let mut rows = csv_records(&text).into_iter();
    let header = rows.next().context("empty CSV")?;
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("no column {name}"))
    };
    let (id, l1, l2, t1, t2, ov) = (
        col("pair_id")?,
        col("lang1")?,
        col("lang2")?,
        col("text1")?,
        col("text2")?,
        col("Overall")?,
    );
    Ok(rows
        .filter(|r| r.len() == header.len() && r[l1] == "en" && r[l2] == "en")
        .filter_map(|r| {
            Some(Pair {
                overall: r[ov].trim().parse().ok()?,
                id: r[id].clone(),
                texts: [r[t1].clone(), r[t2].clone()],
            })
        })
        .collect())
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    sxy / (sxx * syy).sqrt()
}

/// Ranks (1-based, ties averaged), for Spearman's correlation as Pearson of ranks.
fn ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut out = vec![0.0; x.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && x[order[j + 1]] == x[order[i]] {
            j += 1;
        }
        let mean = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            out[k] = mean;
        }
        i = j + 1;
    }
    out
}

/// F1 of "same story" (Overall ≤ 2) when predicted by `score ≥ threshold`.
fn same_story_f1(scores: &[f64], overall: &[f64], threshold: f64) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for (s, o) in scores.iter().zip(overall) {
        match (*s >= threshold, *o <= 2.0) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            _ => {}
        }
    }
    if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    }
}

/// The threshold with the best F1 on this data (for information only).
fn best_f1(scores: &[f64], overall: &[f64]) -> (f64, f64) {
    let mut best = (0.0, 0.0);
    for &t in scores {
        let f = same_story_f1(scores, overall, t);
        if f > best.1 {
            best = (t, f);
        }
    }
    best
}

pub fn run(data: &Path, config: Option<&str>, out: Option<&Path>) -> anyhow::Result<()> {
    let cfg: StoryConfig = match config {
        Some(c) => serde_json::from_str(c).context("--config")?,
        None => StoryConfig::default(),
    };
    let pairs = load(data)?;
    let inputs: Vec<Input> = pairs
        .iter()
        .flat_map(|p| {
            p.texts.iter().enumerate().map(move |(k, t)| Input {
                name: format!("{}-{k}.txt", p.id),
                text: t.clone(),
                published: None,
                outlet: None,
            })
        })
        .collect();
    let articles = analyse(&inputs)?;
    let analyzer = Analyzer::default();
    let docs: Vec<StoryDoc> = articles
        .iter()
        .zip(&inputs)
        .map(|(a, i)| match a {
            // A copy is compared by its own text here: the pair asks about these two.
            Some(a) => StoryDoc {
                duplicate_of: None,
                ..StoryDoc::from_article(a, &analyzer)
            },
            None => StoryDoc::new(&analyzer, i.name.clone(), None, None, None, "", &i.text, [], []),
        })
        .collect();
    // Document frequencies over all the texts of the file (the window a stream would have).
    let (mut words, mut ents) = (DocFreq::default(), DocFreq::default());
    for d in &docs {
        words.add(&d.body);
        ents.add(&d.entities);
    }
    let weighed: Vec<Weighed> = docs.iter().map(|d| Weighed::of(d, &words, &ents)).collect();
    let (mut ours, mut join, mut tfidf, mut overall) = (vec![], vec![], vec![], vec![]);
    for (k, p) in pairs.iter().enumerate() {
        let (a, b) = (&weighed[2 * k], &weighed[2 * k + 1]);
        ours.push(f64::from(pair_similarity(a, b, &cfg.weights)));
        let ab = similarity(a, &Centroid::of(b), &cfg.weights);
        let ba = similarity(b, &Centroid::of(a), &cfg.weights);
        join.push(f64::from(ab + ba) / 2.0);
        tfidf.push(f64::from(a.body.cosine(&b.body)));
        overall.push(p.overall);
    }
    let neg: Vec<f64> = overall.iter().map(|o| -o).collect();
    let threshold = f64::from(cfg.join);
    println!(
        "story pairs, English–English: {} pairs ({} same story, Overall ≤ 2)",
        pairs.len(),
        overall.iter().filter(|o| **o <= 2.0).count()
    );
    println!(
        "{:<26} {:>8} {:>9} {:>16} {:>22}",
        "similarity", "Pearson", "Spearman", "F1 at threshold", "best F1 (threshold)"
    );
    for (name, s, t) in [
        ("pair similarity", &ours, threshold),
        ("join score", &join, threshold),
        ("TF-IDF cosine (body)", &tfidf, threshold),
    ] {
        let (bt, bf) = best_f1(s, &overall);
        println!(
            "{name:<26} {:>8.3} {:>9.3} {:>9.3} @ {t:.2} {:>14.3} ({bt:.3})",
            pearson(s, &neg),
            pearson(&ranks(s), &ranks(&neg)),
            same_story_f1(s, &overall, t),
            bf
        );
    }
    if std::env::var_os("STORY_PAIRS_PARTS").is_some() {
        print_parts(&weighed, &neg, &cfg);
        print_raw(&inputs, &analyzer, &neg);
    }
    if let Some(path) = out {
        let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
        for (p, s) in pairs.iter().zip(&ours) {
            writeln!(w, "{}", serde_json::json!({"pair_id": p.id, "score": s}))?;
        }
    }
    Ok(())
}

/// Pearson of the body cosine (plain and square root) when the terms come from the raw
/// input text rather than the analysed article's text (diagnostics).
fn print_raw(inputs: &[Input], analyzer: &Analyzer, neg: &[f64]) {
    let docs: Vec<_> = inputs.iter().map(|i| analyzer.counts(&i.text)).collect();
    let mut df = DocFreq::default();
    docs.iter().for_each(|d| df.add(d));
    let v: Vec<_> = docs.iter().map(|d| df.weigh(d)).collect();
    let cos: Vec<f64> = v.chunks(2).map(|ab| f64::from(ab[0].cosine(&ab[1]))).collect();
    let root: Vec<f64> = cos.iter().map(|c| c.max(0.0).sqrt()).collect();
    println!(
        "raw input text, body cosine: {:.3}, square root {:.3}",
        pearson(&cos, neg),
        pearson(&root, neg)
    );
}

/// Pearson of each part of the score alone (diagnostics).
fn print_parts(weighed: &[Weighed], neg: &[f64], cfg: &StoryConfig) {
    use storyline::stories::Parts;
    let parts: Vec<Parts> = weighed
        .chunks(2)
        .map(|ab| Parts::of(&ab[0], &Centroid::of(&ab[1]), &cfg.weights))
        .collect();
    let body: Vec<f64> = parts.iter().map(|p| f64::from(p.body)).collect();
    let ents: Vec<f64> = parts
        .iter()
        .map(|p| f64::from(p.entities.unwrap_or(0.0)))
        .collect();
    let time: Vec<f64> = parts.iter().map(|p| f64::from(p.time.unwrap_or(0.0))).collect();
    let title: Vec<f64> = parts.iter().map(|p| f64::from(p.title.unwrap_or(0.0))).collect();
    let n = |f: fn(&Parts) -> bool| parts.iter().filter(|p| f(p)).count();
    println!(
        "parts: body {:.3}, entities {:.3} (present {}), time {:.3} (present {}), title {:.3} (present {})",
        pearson(&body, neg),
        pearson(&ents, neg),
        n(|p| p.entities.is_some()),
        pearson(&time, neg),
        n(|p| p.time.is_some()),
        pearson(&title, neg),
        n(|p| p.title.is_some()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_may_quote_commas_newlines_and_quotes() {
        let r = csv_records("a,b\n1,\"x, \"\"y\"\"\nz\"\n");
        assert_eq!(r, vec![vec!["a", "b"], vec!["1", "x, \"y\"\nz"]]);
    }

    #[test]
    fn pearson_and_f1() {
        let xs = [1u8, 2, 3].map(f64::from);
        let doubled = xs.map(|x| 2.0 * x);
        assert!((pearson(&xs, &doubled) - 1.0).abs() < 1e-9);
        assert_eq!(same_story_f1(&[0.9, 0.1], &[1.0, 4.0], 0.5), 1.0);
        assert_eq!(same_story_f1(&[0.9, 0.9], &[1.0, 4.0], 0.5), 2.0 / 3.0);
        assert_eq!(ranks(&[0.3, 0.1, 0.3]), vec![2.5, 1.0, 2.5]);
    }
}
