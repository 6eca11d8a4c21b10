//! Attribution quality on PolNeAR-style data (brat standoff): storyline against the
//! spaCy + textacy anchor's predictions, scored the same way.
//!
//! Layout: `DIR/text/NAME.txt` and `DIR/attributions/NAME_ANNOTATOR.ann` (the first
//! annotator's file, in name order, when a text has several). `T` lines are Source, Cue and
//! Content spans in characters (fragments joined by `;`); `E` lines link them.
//!
//! Scoring (as the issue defines it): a prediction matches a gold attribution when their
//! contents overlap by at least half of the shorter one (fragments summed), one to one,
//! greedily by overlap. A gold content holding a double quotation mark is a direct quote,
//! and a prediction is direct by the same test on its own text. The speaker of a matched
//! pair is right when the predicted speaker mention overlaps the gold Source span, or the
//! predicted speaker's resolved name shares its surname with the gold Source text. Gold
//! attributions without a Source are left out of speaker accuracy.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;

/// Character ranges, half-open.
type Frags = Vec<(usize, usize)>;

#[derive(Debug, Clone)]
struct Gold {
    content: Frags,
    source: Option<Frags>,
    source_text: String,
    cue_text: String,
    direct: bool,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Pred {
    content: Frags,
    #[serde(default)]
    speaker: Option<Frags>,
    #[serde(default)]
    speaker_name: Option<String>,
    /// The kind of cue ("speech", "stance", "source", "action"), when the system says.
    #[serde(default)]
    cue_kind: Option<String>,
    /// The frame rule that found it, when the system says.
    #[serde(default)]
    rule: Option<String>,
    /// The cue's text, when the system says.
    #[serde(default)]
    cue: Option<String>,
}

struct Doc {
    name: String,
    text: String,
    gold: Vec<Gold>,
}

fn is_direct(text: &str) -> bool {
    text.chars().any(storyline::text::tokens::is_double_quote)
}

fn char_slice(chars: &[char], f: &Frags) -> String {
    f.iter()
        .map(|&(a, b)| {
            chars[a.min(chars.len())..b.min(chars.len())]
                .iter()
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn parse_frags(s: &str) -> Option<Frags> {
    s.split(';')
        .map(|p| {
            let mut it = p.split_whitespace();
            Some((it.next()?.parse().ok()?, it.next()?.parse().ok()?))
        })
        .collect()
}

fn load(data: &Path) -> anyhow::Result<Vec<Doc>> {
    let mut anns: HashMap<String, PathBuf> = HashMap::new();
    let mut ann_files: Vec<PathBuf> = std::fs::read_dir(data.join("attributions"))
        .with_context(|| format!("reading {}/attributions", data.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    ann_files.sort();
    for p in ann_files {
        let stem = p.file_stem().unwrap_or_default().to_string_lossy().to_string();
        let base = stem.rsplit_once('_').map_or(stem.clone(), |(b, _)| b.to_string());
        anns.entry(base).or_insert(p);
    }
    let mut docs = Vec::new();
    let mut names: Vec<_> = anns.keys().cloned().collect();
    names.sort();
    for name in names {
        let text = std::fs::read_to_string(data.join("text").join(format!("{name}.txt")))
            .with_context(|| format!("text for {name}"))?;
        let chars: Vec<char> = text.chars().collect();
        let ann = std::fs::read_to_string(&anns[&name])?;
        let mut spans: HashMap<&str, (&str, Frags)> = HashMap::new();
        let mut links = Vec::new();
        for line in ann.lines() {
            let mut cols = line.split('\t');
            let (Some(id), Some(mid)) = (cols.next(), cols.next()) else {
                continue;
            };
            if id.starts_with('T') {
                if let Some((kind, rest)) = mid.split_once(' ') {
                    if let Some(f) = parse_frags(rest) {
                        spans.insert(id, (kind, f));
                    }
                }
            } else if id.starts_with('E') {
                links.push(mid);
            }
        }
        let mut gold = Vec::new();
        for l in links {
            let mut content = Frags::new();
            let mut source: Option<Frags> = None;
            let mut cue = Frags::new();
            for arg in l.split_whitespace() {
                let Some((role, t)) = arg.split_once(':') else {
                    continue;
                };
                let Some((_, f)) = spans.get(t) else { continue };
                if role.starts_with("Content") {
                    content.extend(f.iter().copied());
                } else if role.starts_with("Cue") {
                    cue.extend(f.iter().copied());
                } else if role.starts_with("Source") {
                    source.get_or_insert_with(Vec::new).extend(f.iter().copied());
                }
            }
            if content.is_empty() {
                continue;
            }
            content.sort();
            let direct = is_direct(&char_slice(&chars, &content));
            let source_text = source.as_ref().map(|s| char_slice(&chars, s)).unwrap_or_default();
            gold.push(Gold {
                content,
                source,
                source_text,
                cue_text: char_slice(&chars, &cue),
                direct,
            });
        }
        docs.push(Doc { name, text, gold });
    }
    Ok(docs)
}

fn analyze(text: &str) -> storyline::quotes::Attribution {
    let paras = storyline::text::segment::line_paragraphs(text);
    let sentences = storyline::text::segment::sentences(text, &paras);
    storyline::quotes::analyze(text, &paras, &sentences)
}

/// Storyline's predictions in character offsets.
fn storyline_preds(text: &str, a: &storyline::quotes::Attribution) -> Vec<Pred> {
    // Byte offset → char offset.
    let mut map = vec![0usize; text.len() + 1];
    let mut c = 0;
    for (b, ch) in text.char_indices() {
        for m in map.iter_mut().skip(b).take(ch.len_utf8()) {
            *m = c;
        }
        c += 1;
    }
    map[text.len()] = c;
    let conv = |s: storyline::Span| (map[s.start], map[s.end]);
    a.quotes
        .iter()
        .filter(|q| !q.partial)
        .map(|q| Pred {
            content: q.parts.iter().map(|&p| conv(p)).collect(),
            speaker: q.speaker.map(|s| vec![conv(s)]),
            speaker_name: q.speaker_name.clone(),
            cue_kind: q.cue_kind.map(|k| {
                serde_json::to_value(k)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            }),
            rule: q.rule.map(|r| r.name().to_string()),
            cue: q.cue.and_then(|c| c.slice(text)).map(str::to_string),
        })
        .collect()
}

fn total(f: &Frags) -> usize {
    f.iter().map(|&(a, b)| b.saturating_sub(a)).sum()
}

fn overlap(a: &Frags, b: &Frags) -> usize {
    let mut n = 0;
    for &(x, y) in a {
        for &(u, v) in b {
            n += y.min(v).saturating_sub(x.max(u));
        }
    }
    n
}

fn content_match(g: &Frags, p: &Frags) -> Option<usize> {
    let o = overlap(g, p);
    let shorter = total(g).min(total(p));
    (o > 0 && o * 2 >= shorter).then_some(o)
}

fn surname(s: &str) -> Option<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .rfind(|w| w.chars().next().is_some_and(char::is_uppercase))
        .map(storyline::entities::surname_key)
}

fn speaker_right(g: &Gold, p: &Pred) -> bool {
    let Some(src) = &g.source else { return false };
    if p.speaker.as_ref().is_some_and(|s| overlap(src, s) > 0) {
        return true;
    }
    match (
        p.speaker_name.as_deref().and_then(surname),
        surname(&g.source_text),
    ) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

#[derive(Default, Debug, Clone, Copy)]
pub struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    speaker_ok: usize,
    speaker_n: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.speaker_ok += o.speaker_ok;
        self.speaker_n += o.speaker_n;
    }
    fn prf(&self) -> (f64, f64, f64) {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.tp as f64 / (self.tp + self.fn_).max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
    fn speaker_acc(&self) -> f64 {
        self.speaker_ok as f64 / self.speaker_n.max(1) as f64
    }
}

fn score(text: &str, gold: &[Gold], preds: &[Pred], direct_only: bool) -> (Counts, Vec<(usize, usize)>) {
    let chars: Vec<char> = text.chars().collect();
    let g: Vec<usize> = (0..gold.len())
        .filter(|&i| !direct_only || gold[i].direct)
        .collect();
    let p: Vec<usize> = (0..preds.len())
        .filter(|&i| !direct_only || is_direct(&char_slice(&chars, &preds[i].content)))
        .collect();
    let mut cands = Vec::new();
    for &gi in &g {
        for &pi in &p {
            if let Some(o) = content_match(&gold[gi].content, &preds[pi].content) {
                cands.push((o, gi, pi));
            }
        }
    }
    cands.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mut gused = vec![false; gold.len()];
    let mut pused = vec![false; preds.len()];
    let mut c = Counts::default();
    let mut pairs = Vec::new();
    for (_, gi, pi) in cands {
        if gused[gi] || pused[pi] {
            continue;
        }
        gused[gi] = true;
        pused[pi] = true;
        c.tp += 1;
        pairs.push((gi, pi));
        if gold[gi].source.is_some() {
            c.speaker_n += 1;
            if speaker_right(&gold[gi], &preds[pi]) {
                c.speaker_ok += 1;
            }
        }
    }
    c.fn_ = g.len() - c.tp;
    c.fp = p.len() - c.tp;
    (c, pairs)
}

pub fn run(
    data: &Path,
    anchor: Option<&Path>,
    show: Option<&str>,
    repeats: usize,
    json: bool,
) -> anyhow::Result<()> {
    let docs = load(data)?;
    // Time entities + quotes over all documents (segmentation included).
    let mut times = Vec::new();
    let mut results = Vec::new();
    for _ in 0..repeats {
        let t = Instant::now();
        results = docs.iter().map(|d| analyze(&d.text)).collect::<Vec<_>>();
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let secs = times[times.len() / 2];
    let mut systems: Vec<(String, Vec<Vec<Pred>>, Option<f64>)> = vec![(
        "storyline".into(),
        docs.iter()
            .zip(&results)
            .map(|(d, a)| storyline_preds(&d.text, a))
            .collect(),
        Some(docs.len() as f64 / secs),
    )];
    if let Some(path) = anchor {
        let (name, preds, speed) = load_anchor(path, &docs)?;
        systems.push((name, preds, speed));
    }
    if !json {
        let n_gold: usize = docs.iter().map(|d| d.gold.len()).sum();
        let n_direct: usize = docs
            .iter()
            .map(|d| d.gold.iter().filter(|g| g.direct).count())
            .sum();
        println!(
            "attribution: {} articles, {} gold attributions ({} direct), from {}",
            docs.len(),
            n_gold,
            n_direct,
            data.display()
        );
        println!(
            "{:<22} {:>7} {:>7} {:>7} {:>8} | {:>7} {:>7} {:>7} {:>8} | {:>10}",
            "system",
            "dir P",
            "dir R",
            "dir F1",
            "spk acc",
            "all P",
            "all R",
            "all F1",
            "spk acc",
            "articles/s"
        );
    }
    for (name, preds, speed) in &systems {
        let mut direct = Counts::default();
        let mut all = Counts::default();
        for (d, p) in docs.iter().zip(preds) {
            direct.add(score(&d.text, &d.gold, p, true).0);
            all.add(score(&d.text, &d.gold, p, false).0);
        }
        let (dp, dr, df) = direct.prf();
        let (ap, ar, af) = all.prf();
        if json {
            println!(
                "{}",
                serde_json::json!({
                    "system": name, "articles": docs.len(),
                    "direct": {"p": dp, "r": dr, "f1": df, "speaker_acc": direct.speaker_acc()},
                    "all": {"p": ap, "r": ar, "f1": af, "speaker_acc": all.speaker_acc()},
                    "articles_per_s": speed,
                })
            );
        } else {
            println!(
                "{:<22} {:>7.3} {:>7.3} {:>7.3} {:>8.3} | {:>7.3} {:>7.3} {:>7.3} {:>8.3} | {:>10}",
                name,
                dp,
                dr,
                df,
                direct.speaker_acc(),
                ap,
                ar,
                af,
                all.speaker_acc(),
                speed.map_or("-".into(), |s| format!("{s:.1}"))
            );
        }
    }
    if !json {
        by_cue_kind(&docs, &systems[0].1);
    }
    if show == Some("rules") {
        for (stage, name, reason) in storyline::quotes::rules() {
            println!("{stage:<9} {name:<26} {reason}");
        }
    } else if show == Some("cues") {
        show_cues(&docs, &systems[0].1);
    } else if show == Some("dump") {
        dump(&docs, &systems[0].1);
    } else if let Some(which) = show {
        show_errors(&docs, &systems[0].1, which);
    }
    Ok(())
}

/// Predictions by cue kind, and how many of them match a gold attribution (all
/// attributions, the scorer's matching): the precision of each kind of cue.
fn by_cue_kind(docs: &[Doc], preds: &[Vec<Pred>]) {
    let mut counts: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    for (d, p) in docs.iter().zip(preds) {
        let (_, pairs) = score(&d.text, &d.gold, p, false);
        for (i, q) in p.iter().enumerate() {
            let kind = q.cue_kind.clone().unwrap_or_else(|| "(none)".into());
            let c = counts.entry(kind).or_default();
            c.0 += 1;
            c.1 += usize::from(pairs.iter().any(|x| x.1 == i));
        }
    }
    let line: Vec<String> = counts
        .iter()
        .map(|(k, (n, tp))| format!("{k} {tp}/{n} ({:.3})", *tp as f64 / (*n).max(1) as f64))
        .collect();
    println!("by cue kind, matched/predicted: {}", line.join(", "));
}

/// Prints every prediction's cue: whether it matched a gold attribution, its cue kind,
/// rule and cue text (for counting which cues are right, e.g. with `sort | uniq -c`).
fn show_cues(docs: &[Doc], preds: &[Vec<Pred>]) {
    for (d, p) in docs.iter().zip(preds) {
        let chars: Vec<char> = d.text.chars().collect();
        let (_, pairs) = score(&d.text, &d.gold, p, false);
        for (i, q) in p.iter().enumerate() {
            let gold = pairs.iter().find(|x| x.1 == i).map(|x| &d.gold[x.0]);
            println!(
                "CUE {} | {} | {} | {} | {} | gold cue {} | {}",
                if gold.is_some() { "TP" } else { "FP" },
                q.cue_kind.as_deref().unwrap_or("-"),
                q.rule.as_deref().unwrap_or("-"),
                q.cue.as_deref().unwrap_or("-").to_lowercase(),
                d.name,
                gold.map_or("-", |g| g.cue_text.as_str()),
                char_slice(&chars, &q.content)
                    .replace('\n', " ")
                    .chars()
                    .take(140)
                    .collect::<String>(),
            );
        }
    }
}

/// Prints every prediction with its outcome under the all-attributions scoring, one a
/// line — `PRED name | content | speaker | outcome` with outcome `fp`, `right` (matched,
/// speaker right or the gold has no source) or `wrong` (matched, speaker wrong) — for
/// diffing two builds' predictions (which changed, and whether each became right or wrong).
fn dump(docs: &[Doc], preds: &[Vec<Pred>]) {
    for (d, p) in docs.iter().zip(preds) {
        let (_, pairs) = score(&d.text, &d.gold, p, false);
        for (i, q) in p.iter().enumerate() {
            let outcome = match pairs.iter().find(|x| x.1 == i) {
                None => "fp",
                Some(&(gi, _)) if d.gold[gi].source.is_none() || speaker_right(&d.gold[gi], q) => "right",
                Some(_) => "wrong",
            };
            let frags = |f: &Frags| {
                f.iter()
                    .map(|(a, b)| format!("{a}-{b}"))
                    .collect::<Vec<_>>()
                    .join(",")
            };
            println!(
                "PRED {} | {} | {} | {}",
                d.name,
                frags(&q.content),
                q.speaker.as_ref().map_or("-".into(), frags),
                outcome
            );
        }
    }
}

/// Prints misses, false alarms and wrong speakers (`which`: fn, fp, spk or all), each
/// false alarm and wrong speaker with the frame rule that made it.
fn show_errors(docs: &[Doc], preds: &[Vec<Pred>], which: &str) {
    let clip = |s: String| -> String {
        let s = s.replace('\n', " ");
        if s.chars().count() > 160 {
            s.chars().take(160).collect::<String>() + "…"
        } else {
            s
        }
    };
    for (d, p) in docs.iter().zip(preds) {
        let chars: Vec<char> = d.text.chars().collect();
        let direct_only = which.ends_with("-direct");
        let which = which.trim_end_matches("-direct");
        let (_, pairs) = score(&d.text, &d.gold, p, direct_only);
        let gm: Vec<usize> = pairs.iter().map(|x| x.0).collect();
        let pm: Vec<usize> = pairs.iter().map(|x| x.1).collect();
        let chars_direct = |f: &Frags| is_direct(&char_slice(&chars, f));
        if which == "fn" || which == "all" {
            for (i, g) in d.gold.iter().enumerate() {
                if !gm.contains(&i) && (!direct_only || g.direct) {
                    println!(
                        "FN {} | {} | {} | {}",
                        d.name,
                        g.source_text,
                        g.cue_text,
                        clip(char_slice(&chars, &g.content))
                    );
                }
            }
        }
        if which == "fp" || which == "all" {
            for (i, q) in p.iter().enumerate() {
                if !pm.contains(&i) && (!direct_only || chars_direct(&q.content)) {
                    println!(
                        "FP {} | {} {} | {} | {}",
                        d.name,
                        q.rule.as_deref().unwrap_or("-"),
                        q.cue.as_deref().unwrap_or("-"),
                        q.speaker_name.clone().unwrap_or_default(),
                        clip(char_slice(&chars, &q.content))
                    );
                }
            }
        }
        if which == "spk" || which == "all" {
            for &(gi, pi) in &pairs {
                let g = &d.gold[gi];
                if g.source.is_some() && !speaker_right(g, &p[pi]) {
                    let at = g.content[0].0;
                    let context: String = chars[at.saturating_sub(120)..at.min(chars.len())]
                        .iter()
                        .collect();
                    // Where the gold source and the predicted speaker start, in characters
                    // from the content's start (negative: before it).
                    let rel = |f: Option<&Frags>| {
                        f.and_then(|f| f.first())
                            .map_or("-".to_string(), |&(a, _)| format!("{:+}", a as i64 - at as i64))
                    };
                    println!(
                        "SPK {} | {} | gold {} @{} | pred {:?} @{} | …{} ⟦{}⟧",
                        d.name,
                        p[pi].rule.as_deref().unwrap_or("-"),
                        g.source_text,
                        rel(g.source.as_ref()),
                        p[pi].speaker.as_ref().map(|s| char_slice(&chars, s)),
                        rel(p[pi].speaker.as_ref()),
                        context.replace('\n', " ¶ "),
                        clip(char_slice(&chars, &g.content))
                    );
                }
            }
        }
    }
}

/// The anchor's predictions: JSON lines `{"file": NAME, "quotes": [{content, speaker,
/// speaker_name}]}`, and a last line `{"system": NAME, "articles_per_s": X}`.
fn load_anchor(path: &Path, docs: &[Doc]) -> anyhow::Result<(String, Vec<Vec<Pred>>, Option<f64>)> {
    #[derive(serde::Deserialize)]
    struct Line {
        file: Option<String>,
        #[serde(default)]
        quotes: Vec<Pred>,
        system: Option<String>,
        articles_per_s: Option<f64>,
    }
    let mut by: HashMap<String, Vec<Pred>> = HashMap::new();
    let mut name = "anchor".to_string();
    let mut speed = None;
    for line in std::fs::read_to_string(path)?.lines() {
        let l: Line = serde_json::from_str(line)?;
        if let Some(f) = l.file {
            by.insert(f, l.quotes);
        }
        if let Some(s) = l.system {
            name = s;
            speed = l.articles_per_s;
        }
    }
    let preds = docs
        .iter()
        .map(|d| by.remove(&d.name).unwrap_or_default())
        .collect();
    Ok((name, preds, speed))
}
