//! News sentences with annotated quantities (`bench/figures/news-quantities.jsonl`, see
//! `bench/figures/GUIDELINES.md`), scored as NewsQuant/CQE score them.
//!
//! `cargo xtask eval figures --news FILE [--predictions PRED.jsonl] [--out FILE] [--errors FILE]`
//!
//! Without `--predictions`, Storyline's figures are what is scored: each sentence is analysed
//! by the pipeline as a one-sentence article and its `figures` (as `analyze` emits them) are
//! the predictions. With it, another extractor's output in the gold file's shape is scored
//! by the same code (`bench/figures/run_anchor.py` writes CQE's and quantulum3's).
//!
//! A gold quantity is matched by at most one predicted quantity whose byte span overlaps
//! it (each prediction used once; among overlapping ones, the best-agreeing is taken).
//! A pair is right for *value* when the values agree (relative tolerance 1e-6): both
//! two-sided ranges with equal ends, or both single numbers (for a one-sided bound, its
//! number). *value+unit* also needs the units to agree after [`norm_unit`]; *value+change*
//! needs the change/bound (`~ > >= < <= up down`, or none) to agree. Precision divides the
//! right pairs by the predictions, recall by the gold quantities.
//!
//! Storyline's figures map to the record as follows: `value`, `low`, `high` as emitted,
//! except that a vague count (the record's interval `[2 S, 10 S)`, "hundreds" `[200,
//! 1000)`) is written as the guidelines write it, the magnitude S it names with `>=`;
//! the unit is the figure's unit (`USD`, `percent`, `km`, …) and, for a count without one,
//! the head noun of what it counts when that phrase follows the number (`measured`, see
//! [`counted_noun`]; the counted noun is the unit in NewsQuant/CQE, "5 people" → `people`),
//! but not for a share below one ("a third of voters": the guidelines give it no unit); the qualifier becomes
//! the change (`about`/`nearly` → `~`, `more than` → `>`, `at least` and vague counts →
//! `>=`, `less than` → `<`, `at most`/`up to` → `<=`).

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use storyline::claims::{Figure, Qualifier, VAGUE_FROM};
use storyline::ingest::{InputMeta, RawItem};
use storyline::{Pipeline, PipelineConfig};

/// Unit variants and their normal form (`variant<TAB>normal`), see [`norm_unit`].
const UNITS: &str = include_str!("news_units.tsv");

/// One quantity, gold or predicted: byte offsets into the sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Q {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: Option<f64>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub change: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Sentence {
    pub id: String,
    pub text: String,
    pub quantities: Vec<Q>,
}

/// Counts over a set: right pairs for each criterion, predictions, gold quantities.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Score {
    pub gold: usize,
    pub pred: usize,
    /// Gold quantities overlapped by a prediction (span).
    pub span: usize,
    pub value: usize,
    pub value_unit: usize,
    pub value_change: usize,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-12)
}

/// What a quantity's value is compared as: its value when it has one, else its two ends
/// for a two-sided range, else a one-sided bound's number.
fn key(q: &Q) -> Option<(f64, Option<f64>)> {
    match (q.value, q.low, q.high) {
        (Some(v), _, _) => Some((v, None)),
        (None, Some(l), Some(h)) => Some((l, Some(h))),
        (None, Some(l), None) => Some((l, None)),
        (None, None, Some(h)) => Some((h, None)),
        (None, None, None) => None,
    }
}

pub fn value_eq(a: &Q, b: &Q) -> bool {
    match (key(a), key(b)) {
        (Some((x, None)), Some((y, None))) => close(x, y),
        (Some((x, Some(xh))), Some((y, Some(yh)))) => close(x, y) && close(xh, yh),
        _ => false,
    }
}

/// The unit table, variant → normal form, both lower-case.
fn unit_table() -> &'static HashMap<String, String> {
    static T: std::sync::OnceLock<HashMap<String, String>> = std::sync::OnceLock::new();
    T.get_or_init(|| {
        UNITS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(a, b)| (a.trim().to_lowercase(), b.trim().to_lowercase()))
            .collect()
    })
}

/// A word in the singular, by rule: the same rule on both sides is all a comparison needs.
fn singular(w: &str) -> String {
    if let Some(s) = storyline::claims::men_singular(w) {
        return s;
    }
    if let Some(s) = w.strip_suffix("ies").filter(|s| s.len() > 1) {
        return format!("{s}y");
    }
    for end in ["sses", "xes", "ches", "shes"] {
        if w.ends_with(end) {
            return w[..w.len() - 2].to_string();
        }
    }
    match w.strip_suffix('s') {
        Some(s) if !w.ends_with("ss") && !w.ends_with("us") && s.len() > 1 => s.to_string(),
        _ => w.to_string(),
    }
}

/// One side of a rate: the table's form of the whole, else each word's (singular).
fn norm_part(p: &str) -> String {
    let p = p.trim();
    if let Some(n) = unit_table().get(p) {
        return n.clone();
    }
    let words: Vec<String> = p
        .split_whitespace()
        .map(|w| unit_table().get(w).cloned().unwrap_or_else(|| singular(w)))
        .collect();
    let joined = words.join(" ");
    unit_table().get(&joined).cloned().unwrap_or(joined)
}

/// The normal form of a unit: lower-case, the micro sign read as mu, `xtask/src/news_units.tsv` applied (symbols,
/// spellings and plurals of measures and currencies: "%" and "per cent" → `percent`, "$"
/// → `usd`, "kilometres" → `km`; "persons" → `people`), counted nouns in the singular by
/// rule, a rate's two sides ("a", "an", "per", "/") each normalised. `None` for no unit
/// or a dimensionless one.
pub fn norm_unit(u: Option<&str>) -> Option<String> {
    // The micro sign (U+00B5) and the Greek mu (U+03BC) are one prefix.
    let u = u?.trim().to_lowercase().replace('\u{b5}', "\u{3bc}");
    if let Some(n) = unit_table().get(&u) {
        return (n != "dimensionless").then(|| n.clone());
    }
    let u = u.replace(" per ", "/").replace(" an ", "/").replace(" a ", "/");
    let n = match unit_table().get(u.trim()) {
        Some(n) => n.clone(),
        None => u.split('/').map(norm_part).collect::<Vec<_>>().join("/"),
    };
    (!n.is_empty() && n != "dimensionless").then_some(n)
}

/// Units agree when their normal forms are equal, or, neither being a rate, when their last
/// words are ("air strikes" and "strike", "armoured vehicles" and "vehicle").
pub fn unit_eq(gold: Option<&str>, pred: Option<&str>) -> bool {
    match (norm_unit(gold), norm_unit(pred)) {
        (None, None) => true,
        (Some(g), Some(p)) => {
            g == p
                || (!g.contains('/')
                    && !p.contains('/')
                    && same_noun(g.split_whitespace().last(), p.split_whitespace().last()))
        }
        _ => false,
    }
}

/// Two forms of one noun, whichever plural rule made them: [`singular`] cannot tell
/// "sorties" (sortie) from "parties" (party), or "buses" (bus) from "houses" (house), so
/// both sides are cut to a stem — a final "e", then "s", and "i" read as "y" — and compared.
fn same_noun(a: Option<&str>, b: Option<&str>) -> bool {
    fn stem(w: &str) -> String {
        let w = w.strip_suffix('e').unwrap_or(w);
        let w = w.strip_suffix('s').unwrap_or(w);
        match w.strip_suffix('i') {
            Some(s) => format!("{s}y"),
            None => w.to_string(),
        }
    }
    match (a, b) {
        (Some(a), Some(b)) => a == b || stem(a) == stem(b),
        _ => a == b,
    }
}

pub fn change_eq(gold: Option<&str>, pred: Option<&str>) -> bool {
    gold.unwrap_or("") == pred.unwrap_or("")
}

/// What became of a gold quantity, or of a prediction that matched none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Gold quantity `.0` overlapped by no prediction.
    Missed(usize),
    /// Prediction `.0` overlapping no gold quantity.
    Spurious(usize),
    /// Gold `.0` matched by prediction `.1`, with the value wrong.
    Value(usize, usize),
    /// Value right, unit wrong.
    Unit(usize, usize),
    /// Value and unit right.
    Right(usize, usize),
}

/// Scores one sentence's predictions against its gold quantities, saying what became of
/// each.
pub fn score_outcomes(gold: &[Q], pred: &[Q], s: &mut Score) -> Vec<Outcome> {
    let mut outcomes = Vec::new();
    s.gold += gold.len();
    s.pred += pred.len();
    let mut used = vec![false; pred.len()];
    for (k, g) in gold.iter().enumerate() {
        let best = pred
            .iter()
            .enumerate()
            .filter(|(i, p)| !used[*i] && p.start < g.end && g.start < p.end)
            .max_by_key(|(_, p)| {
                let v = value_eq(g, p);
                let overlap = g.end.min(p.end) - g.start.max(p.start);
                (
                    v && unit_eq(g.unit.as_deref(), p.unit.as_deref()),
                    v,
                    v && change_eq(g.change.as_deref(), p.change.as_deref()),
                    overlap,
                )
            });
        let Some((i, p)) = best else {
            outcomes.push(Outcome::Missed(k));
            continue;
        };
        used[i] = true;
        s.span += 1;
        if value_eq(g, p) {
            let unit = unit_eq(g.unit.as_deref(), p.unit.as_deref());
            s.value += 1;
            s.value_unit += unit as usize;
            s.value_change += change_eq(g.change.as_deref(), p.change.as_deref()) as usize;
            outcomes.push(if unit {
                Outcome::Right(k, i)
            } else {
                Outcome::Unit(k, i)
            });
        } else {
            outcomes.push(Outcome::Value(k, i));
        }
    }
    outcomes.extend((0..pred.len()).filter(|&i| !used[i]).map(Outcome::Spurious));
    outcomes
}

fn prf(hit: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 { 0.0 } else { hit as f64 / pred as f64 };
    let r = if gold == 0 { 0.0 } else { hit as f64 / gold as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn change_of(q: Option<Qualifier>) -> Option<String> {
    let c = match q? {
        Qualifier::About | Qualifier::Nearly => "~",
        Qualifier::MoreThan => ">",
        Qualifier::AtLeast | Qualifier::Vague => ">=",
        Qualifier::LessThan => "<",
        Qualifier::AtMost | Qualifier::UpTo => "<=",
        Qualifier::Between => return None,
    };
    Some(c.to_string())
}

/// The counted noun of a figure without a unit: the head of what it counts, when that
/// phrase starts right after the figure ("14 civilians", "27 air strikes"), or the one
/// word the product names before it for a tally's second side. The phrase may
/// go on with the measure ("soldiers died", "journalists have been detained"): it is cut at
/// an auxiliary, a last word that is a participle or state of the measure is dropped, and
/// so is a first "more" ("dozens more were hurt").
fn counted_noun(text: &str, f: &Figure) -> Option<String> {
    const AUX: [&str; 9] = ["have", "has", "had", "was", "were", "is", "are", "been", "being"];
    const MEASURE: [&str; 9] = [
        "died",
        "killed",
        "dead",
        "wounded",
        "injured",
        "missing",
        "displaced",
        "fled",
        "homeless",
    ];
    let m = f.measured.as_ref()?;
    // A tally's second side ("by 204 votes to 187"): the product names the noun before it,
    // a plural ("the total to 9,740" is a level reached, its noun elided).
    if text
        .get(m.span.end..f.span.start)
        .is_some_and(|g| g.trim() == "to")
    {
        let noun = m.text.to_lowercase();
        return noun.ends_with('s').then_some(noun);
    }
    // "14 civilians", "dozens of people", "a 120-member assembly" (a hyphen joins the count
    // to what it counts).
    let gap = text.get(f.span.end..m.span.start)?.trim();
    if !gap.is_empty() && gap != "of" && gap != "-" {
        return None;
    }
    let mut words: Vec<String> = m
        .text
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take_while(|w| !AUX.contains(&w.as_str()))
        .collect();
    // A participle or state of the measure is no noun: "17 wounded", "thousands homeless"
    // count people they leave unsaid (unit null, as the guidelines write an elided noun).
    if words.last().is_some_and(|w| MEASURE.contains(&w.as_str())) {
        words.pop();
    }
    // "More" after a count is "additional", no noun: "dozens more were wounded" counts
    // people it leaves unsaid, "30 more protesters" counts protesters.
    if words.first().is_some_and(|w| w == "more") {
        words.remove(0);
    }
    // Nor is any other participle standing alone after the count ("84 classed as
    // affordable", "12 deliberated"): the noun is elided.
    if words.len() == 1 && participle(&words[0]) {
        words.pop();
    }
    words.pop()
}

/// A word in "-ed" of more than four letters that is no noun ("classed", "needed"; not
/// "speed", "hundred").
fn participle(w: &str) -> bool {
    const NOUNS: [&str; 6] = ["speed", "breed", "steed", "creed", "greed", "hundred"];
    w.len() > 4 && w.ends_with("ed") && !NOUNS.contains(&w)
}

/// Storyline's figures of one sentence analysed as an article, in the record shape (offsets
/// into `sentence`).
fn storyline_sentence(pipeline: &Pipeline, id: &str, sentence: &str) -> anyhow::Result<Vec<Q>> {
    // A title of its own, so that the cleaner never takes the sentence for the headline.
    let meta = InputMeta {
        title: Some("News".to_string()),
        ..InputMeta::default()
    };
    let a = match pipeline.analyze(RawItem::text(id, sentence, meta)) {
        Ok(a) => a,
        // The product drops it (e.g. the cleaner reads it as boilerplate): no figures.
        Err(e) => {
            eprintln!("warning: {id}: not analysed: {} at {:?}", e.reason, e.stage);
            return Ok(Vec::new());
        }
    };
    let mut out = Vec::new();
    let mut from = 0;
    for f in &a.figures {
        // The article's text is the sentence cleaned; find each figure in the original.
        let (start, end) = if a.text == sentence {
            (f.span.start, f.span.end)
        } else {
            match sentence.get(from..).and_then(|s| s.find(&f.text)) {
                Some(at) => (from + at, from + at + f.text.len()),
                None => {
                    eprintln!("warning: {id}: figure {:?} not found in the sentence", f.text);
                    continue;
                }
            }
        };
        from = end;
        let share = f.unit.is_none() && f.value.is_some_and(|v| v > 0.0 && v < 1.0);
        let unit = match &f.unit {
            Some(u) => Some(u.name.clone()),
            // "a third of voters": the whole a share is taken of is no unit.
            None if share => None,
            None => counted_noun(&a.text, f),
        };
        let (value, low, high) = match (f.qualifier, f.low, f.high) {
            // A vague count, [VAGUE_FROM × S, VAGUE_TO × S) in the record, is the
            // magnitude S it names.
            (Some(Qualifier::Vague), Some(l), Some(_)) => {
                let named = l.value / VAGUE_FROM;
                (Some(named), Some(named), None)
            }
            _ => (f.value, f.low.map(|b| b.value), f.high.map(|b| b.value)),
        };
        out.push(Q {
            start,
            end,
            text: sentence[start..end].to_string(),
            value,
            low,
            high,
            unit,
            change: change_of(f.qualifier),
        });
    }
    Ok(out)
}

fn read_jsonl(path: &Path) -> anyhow::Result<Vec<Sentence>> {
    let text = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("{}:{}", path.display(), i + 1)))
        .collect()
}

fn print(name: &str, hit: usize, s: &Score) {
    let (p, r, f) = prf(hit, s.pred, s.gold);
    println!(
        "  {name:<12} P {p:.3}  R {r:.3}  F1 {f:.3}   ({hit} right of {} predicted, {} gold)",
        s.pred, s.gold
    );
}

/// A quantity for the errors file: its text, value and unit.
fn brief(q: &Q) -> String {
    let n = |v: Option<f64>| v.map_or("-".to_string(), |v| format!("{v}"));
    let value = match (q.value, q.low, q.high) {
        (None, Some(_), Some(_)) => format!("{}..{}", n(q.low), n(q.high)),
        _ => n(q.value.or(q.low).or(q.high)),
    };
    format!("{:?} {value} {}", q.text, q.unit.as_deref().unwrap_or("-"))
}

/// Runs the scorer; `errors` gets one tab-separated line per quantity not right for
/// value+unit (`missed`, `spurious`, `value`, `unit`, with the gold and the predicted
/// quantity and the sentence).
pub fn run(
    news: &Path,
    predictions: Option<&Path>,
    out: Option<&Path>,
    errors: Option<&Path>,
) -> anyhow::Result<()> {
    let gold = read_jsonl(news)?;
    let t0 = Instant::now();
    #[allow(clippy::type_complexity)]
    let (who, preds): (&str, HashMap<String, Vec<Q>>) = match predictions {
        Some(p) => (
            "predictions file",
            read_jsonl(p)?.into_iter().map(|s| (s.id, s.quantities)).collect(),
        ),
        None => {
            let pipeline = Pipeline::build(PipelineConfig::default())?;
            let mut m = HashMap::new();
            for s in &gold {
                m.insert(s.id.clone(), storyline_sentence(&pipeline, &s.id, &s.text)?);
            }
            ("Storyline figures", m)
        }
    };
    let secs = t0.elapsed().as_secs_f64();
    let mut score = Score::default();
    let mut missing = 0;
    let mut w = out.map(fs::File::create).transpose()?;
    let mut e = errors.map(fs::File::create).transpose()?;
    for s in &gold {
        let p = preds.get(&s.id).map_or_else(
            || {
                missing += 1;
                Vec::new()
            },
            Clone::clone,
        );
        let outcomes = score_outcomes(&s.quantities, &p, &mut score);
        if let Some(e) = e.as_mut() {
            for o in outcomes {
                let (kind, g, q) = match o {
                    Outcome::Missed(g) => ("missed", Some(g), None),
                    Outcome::Spurious(q) => ("spurious", None, Some(q)),
                    Outcome::Value(g, q) => ("value", Some(g), Some(q)),
                    Outcome::Unit(g, q) => ("unit", Some(g), Some(q)),
                    Outcome::Right(..) => continue,
                };
                let g = g.map_or("-".to_string(), |g| brief(&s.quantities[g]));
                let q = q.map_or("-".to_string(), |q| brief(&p[q]));
                writeln!(e, "{kind}\t{}\t{g}\t{q}\t{}", s.id, s.text)?;
            }
        }
        if let Some(w) = w.as_mut() {
            let row = Sentence {
                id: s.id.clone(),
                text: s.text.clone(),
                quantities: p,
            };
            writeln!(w, "{}", serde_json::to_string(&row)?)?;
        }
    }
    println!(
        "News quantities ({}): {} sentences, {} gold quantities; {who}{}",
        news.display(),
        gold.len(),
        score.gold,
        if missing > 0 {
            format!(", {missing} sentences without predictions")
        } else {
            String::new()
        }
    );
    print("span", score.span, &score);
    print("value", score.value, &score);
    print("value+unit", score.value_unit, &score);
    print("value+change", score.value_change, &score);
    if predictions.is_none() {
        println!(
            "  analysed in {secs:.2} s ({:.0} sentences/s, one thread, pipeline included)",
            gold.len() as f64 / secs
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(start: usize, end: usize, value: Option<f64>, range: Option<(f64, f64)>, unit: Option<&str>) -> Q {
        Q {
            start,
            end,
            text: String::new(),
            value,
            low: range.map(|r| r.0),
            high: range.map(|r| r.1),
            unit: unit.map(str::to_string),
            change: None,
        }
    }

    #[test]
    fn units_normalise() {
        assert_eq!(norm_unit(Some("per cent")).as_deref(), Some("percent"));
        assert_eq!(norm_unit(Some("%")).as_deref(), Some("percent"));
        assert_eq!(norm_unit(Some("Kilometres")).as_deref(), Some("km"));
        assert_eq!(norm_unit(Some("dollars a barrel")).as_deref(), Some("usd/barrel"));
        assert_eq!(norm_unit(Some("persons")).as_deref(), Some("people"));
        assert_eq!(norm_unit(Some("dimensionless")), None);
        assert!(unit_eq(Some("air strike"), Some("strikes")));
        assert!(unit_eq(Some("casualty"), Some("casualties")));
        assert!(unit_eq(Some("sortie"), Some("sorties")));
        assert!(unit_eq(Some("bus"), Some("buses")));
        assert!(!unit_eq(Some("bus"), Some("bulls")));
        assert!(!unit_eq(Some("USD/barrel"), Some("USD")));
        assert!(!unit_eq(None, Some("people")));
        // One unit however it is written: micro sign or mu, symbol or name.
        assert!(unit_eq(Some("\u{b5}g/m3"), Some("\u{3bc}g/m3")));
        assert!(unit_eq(Some("foot"), Some("ft")));
        assert!(unit_eq(Some("USD/lb"), Some("USD/pound")));
        assert!(unit_eq(Some("ppm"), Some("part/million")));
        assert!(unit_eq(Some("barrel/day"), Some("bpd")));
        assert!(unit_eq(Some("HKD/square foot"), Some("HKD/ft2")));
    }

    #[test]
    fn a_counted_noun_is_a_noun() {
        let pipeline = Pipeline::build(PipelineConfig::default()).unwrap();
        let units = |sentence: &str| -> Vec<Option<String>> {
            storyline_sentence(&pipeline, "t", sentence)
                .unwrap()
                .into_iter()
                .map(|q| q.unit)
                .collect()
        };
        // A participle with its noun elided, and a level reached ("the total to …"): none.
        assert_eq!(units("Medics in Brolin counted 17 wounded."), [None]);
        // "More" after a count adds to it; the noun after it, if any, is counted.
        assert_eq!(units("Dozens more were hurt in Brolin."), [None]);
        assert_eq!(
            units("Police held 30 more marchers."),
            [Some("marchers".to_string())]
        );
        // A state of the measure after the count, alone or after its noun.
        assert_eq!(units("The storm left hundreds homeless in Brolin."), [None]);
        assert_eq!(
            units("The slide left about 800 people homeless."),
            [Some("people".to_string())]
        );
        assert_eq!(
            units("The plan has 210 flats, 40 classed as social housing."),
            [Some("flats".to_string()), None]
        );
        assert_eq!(units("Late returns pushed the regional total to 6,410."), [None]);
        // A tally's second side takes the plural noun before "to"; a counted noun its head.
        assert_eq!(
            units("The motion carried by 204 votes to 187."),
            [Some("votes".to_string()), Some("votes".to_string())]
        );
        assert_eq!(
            units("Crews rescued 14 stranded hikers."),
            [Some("hikers".to_string())]
        );
    }

    #[test]
    fn scores_a_tiny_example() {
        // "Floods killed 12 people and cost between $2m and $3m; 40% of roads closed."
        let gold = vec![
            q(14, 23, Some(12.0), None, Some("people")),
            q(33, 53, None, Some((2e6, 3e6)), Some("USD")),
            q(55, 58, Some(40.0), None, Some("percent")),
        ];
        let pred = vec![
            q(14, 16, Some(12.0), None, None), // value right, unit missing
            q(41, 53, None, Some((2e6, 3.0000001e6)), Some("$")), // within tolerance
            q(55, 58, Some(4.0), None, Some("%")), // wrong value
            q(0, 6, Some(1.0), None, None),    // no gold there
        ];
        let mut s = Score::default();
        score_outcomes(&gold, &pred, &mut s);
        assert_eq!((s.gold, s.pred, s.span, s.value, s.value_unit), (3, 4, 3, 2, 1));
        let (p, r, f) = prf(s.value, s.pred, s.gold);
        assert!((p - 0.5).abs() < 1e-9 && (r - 2.0 / 3.0).abs() < 1e-9);
        assert!((f - 4.0 / 7.0).abs() < 1e-9);
        // A prediction is used once: two gold quantities over one span get one match.
        let mut s = Score::default();
        score_outcomes(&gold[..1], &[pred[0].clone()], &mut s);
        score_outcomes(&[gold[0].clone(), gold[0].clone()], &[pred[0].clone()], &mut s);
        assert_eq!((s.span, s.value), (2, 2));
    }
}
