//! The number recogniser (`storyline::claims::quantities`) against three kinds of data:
//!
//! 1. **Recognizers-Text specs** (`recognizers-text/Number/{NumberModel,NumberRangeModel,
//!    PercentModel}.json`, `NumberWithUnit/CurrencyModel.json`). Start/End there are
//!    character offsets, End inclusive; they are turned into byte spans. A case is right
//!    when the set of results we emit for that model equals the expected set: same span,
//!    value within a relative 1e-6 (ranges bound by bound, open/closed included), and for
//!    currency the same unit after mapping the spec's names ("Dollar", "United States
//!    dollar", "Pound", …) to the table's codes. What we emit for each model:
//!    - NumberModel: every quantity that has a single value, except ordinals, as its
//!      *number* span and value (so "$20" gives "20", as the spec wants); two-end ranges
//!      and vague counts have no single value and give nothing. A number with a unit of
//!      letters glued after it ("180ml", "29km", "1m") gives nothing either: the spec
//!      says in so many words that such a token is no number ("1m isn't a number.", five
//!      cases, and no case where a glued unit's number is wanted); glued scale letters
//!      ("10k", "1.2b") are part of our number, not a unit, and still count.
//!    - NumberRangeModel: every quantity with a low or high bound (not vague counts), its
//!      span without a unit written after the number ("more than thirty" of "more than
//!      thirty years").
//!    - PercentModel: quantities of kind `Percent`, whole span.
//!    - CurrencyModel: quantities of kind `Money`, from the currency or number, whichever
//!      comes first, to the last of them (the spec leaves qualifiers out: "about $ 14
//!      million" gives "$ 14 million"), value and unit.
//!
//!    AgeModel / OrdinalModel: an expected result is kept out of figures when no quantity
//!    overlapping it has a kind other than `Age` / `Ordinal` (emitting nothing is fine).
//!    An ordinal that NumberModel's own case for the same input puts inside a number
//!    ("third" in "forty two and a third", which NumberModel reads as 42⅓) is not
//!    counted: the two specs disagree and the number is the reading of the whole text;
//!    how many were set aside is printed.
//! 2. **MeasEval** (`measeval/train/{text,tsv}`, `measeval/trial/{txt,tsv}`): gold
//!    `Quantity` rows (character offsets) against every quantity we emit except ordinals
//!    and plain years (a bare whole number 1000–2100 with no unit or qualifier: the figures
//!    layer drops those as time expressions, and in these papers they are citation years);
//!    a list the recogniser marks (`Quantity::list`: "2, 5 and 9 kg") is one prediction
//!    with the list's span and its last member's unit, because MeasEval's guideline
//!    annotates a list as one quantity (`IsList`; twelfth session: before it each member
//!    was a prediction of its own).
//!    Exact-span F1; and token-overlap F1 as MeasEval's scorer computes it, SQuAD-style:
//!    gold and predicted spans are paired one to one (greedily, largest character overlap
//!    first, overlapping pairs only); each pair scores the F1 of their bags of tokens
//!    (lowercased, split on whitespace and punctuation); precision is the sum of pair scores
//!    over the number of predictions, recall over the number of gold spans. Unit accuracy:
//!    of paired gold quantities whose annotation has a unit, the share where our unit's
//!    canonical name equals the gold unit's, the gold unit normalised through the same unit
//!    table (`canonical_unit_name`, or reading "1 UNIT" with the recogniser).
//! 3. **Duckling corpora** (`duckling/*/Corpus.hs`): each `examples (NumeralValue X)` or
//!    `examples (simple UNIT X …)` list; a surface form is right when some quantity read
//!    from it has value X (1e-6 relative). Duration forms must give no `Money`, `Measure`
//!    or `Percent`. Not tuned on.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::Path;
use std::time::Instant;

use anyhow::Context;
use serde_json::{json, Value};
use storyline::claims::{canonical_unit_name, quantities, Quantity, QuantityKind};

/// An expected or emitted result in one comparable form.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    start: usize,
    end: usize,
    value: Val,
    unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Val {
    One(f64),
    Range(Option<(f64, bool)>, Option<(f64, bool)>),
    Null,
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

fn val_eq(a: &Val, b: &Val) -> bool {
    let bound = |x: &Option<(f64, bool)>, y: &Option<(f64, bool)>| match (x, y) {
        (None, None) => true,
        (Some((a, ai)), Some((b, bi))) => close(*a, *b) && ai == bi,
        _ => false,
    };
    match (a, b) {
        (Val::One(x), Val::One(y)) => close(*x, *y),
        (Val::Range(l1, h1), Val::Range(l2, h2)) => bound(l1, l2) && bound(h1, h2),
        _ => false,
    }
}

/// The same with both ends of every two-end range taken as closed (the specs make the
/// upper end of "20 to 30" open; we read it as closed).
fn closed(items: &[Item]) -> Vec<Item> {
    items
        .iter()
        .map(|i| match i.value {
            Val::Range(Some((l, _)), Some((h, _))) => Item {
                value: Val::Range(Some((l, true)), Some((h, true))),
                ..i.clone()
            },
            _ => i.clone(),
        })
        .collect()
}

fn items_eq(want: &[Item], got: &[Item]) -> bool {
    want.len() == got.len()
        && want.iter().all(|w| {
            got.iter().any(|g| {
                g.start == w.start && g.end == w.end && val_eq(&w.value, &g.value) && w.unit == g.unit
            })
        })
}

/// Byte offset of each character index (and of the end).
fn char_to_byte(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    v.push(s.len());
    v
}

fn read_json(path: &Path) -> anyhow::Result<Vec<Value>> {
    let raw = fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let raw = raw.trim_start_matches('\u{feff}');
    Ok(serde_json::from_str(raw)?)
}

fn parse_range(s: &str) -> Val {
    let (Some(open), Some(close)) = (s.chars().next(), s.chars().last()) else {
        return Val::Null;
    };
    let inner = &s[1..s.len() - 1];
    let mut parts = inner.splitn(2, ',');
    let lo = parts.next().unwrap_or("").trim();
    let hi = parts.next().unwrap_or("").trim();
    let b = |x: &str, inc: bool| x.parse::<f64>().ok().map(|v| (v, inc));
    Val::Range(b(lo, open == '['), b(hi, close == ']'))
}

#[derive(Clone, Copy, PartialEq)]
enum Model {
    Number,
    Range,
    Percent,
    Currency,
}

/// The spec's currency names as the unit table's codes.
fn spec_currency(name: &str) -> String {
    let code = match name {
        "Dollar" | "United States dollar" => "USD",
        "Pound" | "British pound" => "GBP",
        "Euro" => "EUR",
        "Canadian dollar" => "CAD",
        "Australian dollar" => "AUD",
        "Hong Kong dollar" => "HKD",
        "New Zealand dollar" => "NZD",
        "Mexican peso" => "MXN",
        "Japanese yen" => "JPY",
        "Chinese yuan" => "CNY",
        "Finnish markka" => "FIM",
        "Franc" => "franc",
        "Swiss franc" => "CHF",
        "Peseta" => "ESP",
        "Netherlands guilder" => "NLG",
        "Turkish lira" => "TRY",
        "Rupee" => "INR",
        "Sri Lankan rupee" => "LKR",
        "Cent" => "cent",
        "Pence" | "Penny" => "penny",
        "Bitcoin" => "BTC",
        "Satoshi" => "satoshi",
        "Costa Rican colón" => "CRC",
        "Georgian lari" => "GEL",
        "Lao kip" => "LAK",
        other => other,
    };
    code.to_string()
}

fn expected(case: &Value, model: Model, map: &[usize]) -> Vec<Item> {
    let mut out = Vec::new();
    for r in case["Results"].as_array().into_iter().flatten() {
        let (Some(s), Some(e)) = (r["Start"].as_u64(), r["End"].as_u64()) else {
            continue;
        };
        let (s, e) = (s as usize, e as usize + 1);
        if e >= map.len() {
            continue;
        }
        let res = &r["Resolution"];
        let v = res["value"].as_str().unwrap_or("");
        let value = match model {
            Model::Range => parse_range(v),
            Model::Percent => v.trim_end_matches('%').parse().map_or(Val::Null, Val::One),
            _ => v.parse().map_or(Val::Null, Val::One),
        };
        let unit = (model == Model::Currency).then(|| spec_currency(res["unit"].as_str().unwrap_or("")));
        out.push(Item {
            start: map[s],
            end: map[e],
            value,
            unit,
        });
    }
    out
}

fn bound(b: Option<storyline::claims::Bound>) -> Option<(f64, bool)> {
    b.map(|b| (b.value, b.inclusive))
}

/// A unit of letters written right after the number, with no space ("180ml").
fn glued_letter_unit(text: &str, q: &Quantity) -> bool {
    q.unit.as_ref().is_some_and(|u| {
        u.dimension != storyline::claims::Dimension::Currency
            && u.span.start == q.number.end
            && text[u.span.start..].starts_with(char::is_alphabetic)
    })
}

fn emitted(text: &str, qs: &[Quantity], model: Model) -> Vec<Item> {
    let mut out = Vec::new();
    for q in qs {
        let item = match model {
            Model::Number => match (q.kind, q.value) {
                (QuantityKind::Ordinal, _) | (_, None) => continue,
                _ if glued_letter_unit(text, q) => continue,
                (_, Some(v)) => Item {
                    start: q.number.start,
                    end: q.number.end,
                    value: Val::One(v),
                    unit: None,
                },
            },
            Model::Range => {
                if (q.low.is_none() && q.high.is_none())
                    || q.qualifier == Some(storyline::claims::Qualifier::Vague)
                {
                    continue;
                }
                let end = match &q.unit {
                    Some(u) if u.span.start >= q.number.end && u.span.end == q.span.end => q.number.end,
                    _ => q.span.end,
                };
                Item {
                    start: q.span.start,
                    end,
                    value: Val::Range(bound(q.low), bound(q.high)),
                    unit: None,
                }
            }
            Model::Percent if q.kind == QuantityKind::Percent => Item {
                start: q.span.start,
                end: q.span.end,
                value: q.value.map_or(Val::Null, Val::One),
                unit: None,
            },
            Model::Currency if q.kind == QuantityKind::Money => Item {
                start: q
                    .unit
                    .as_ref()
                    .map_or(q.number.start, |u| u.span.start.min(q.number.start)),
                end: q
                    .unit
                    .as_ref()
                    .map_or(q.number.end, |u| u.span.end.max(q.number.end)),
                value: q.value.map_or(Val::Null, Val::One),
                unit: q.unit.as_ref().map(|u| u.name.clone()),
            },
            _ => continue,
        };
        out.push(item);
    }
    out
}

fn q_json(text: &str, q: &Quantity) -> Value {
    json!({
        "text": text.get(q.span.start..q.span.end),
        "kind": q.kind, "value": q.value, "low": q.low, "high": q.high,
        "qualifier": q.qualifier, "unit": q.unit.as_ref().map(|u| &u.name),
        "start": q.span.start, "end": q.span.end,
    })
}

struct Out(Option<fs::File>);

impl Out {
    fn line(&mut self, v: Value) -> anyhow::Result<()> {
        if let Some(f) = self.0.as_mut() {
            writeln!(f, "{v}")?;
        }
        Ok(())
    }
}

fn spec(data: &Path, rel: &str, model: Model, out: &mut Out) -> anyhow::Result<()> {
    let cases = read_json(&data.join("recognizers-text").join(rel))?;
    let (mut right, mut nsbd, mut right_supported, mut supported, mut right_closed) = (0, 0, 0, 0, 0);
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or("");
        let map = char_to_byte(input);
        let qs = quantities(input);
        let want = expected(case, model, &map);
        let got = emitted(input, &qs, model);
        let ok = items_eq(&want, &got);
        right_closed += usize::from(items_eq(&closed(&want), &closed(&got)));
        let by_design = case.get("NotSupportedByDesign").is_some();
        right += usize::from(ok);
        nsbd += usize::from(by_design);
        if !by_design {
            supported += 1;
            right_supported += usize::from(ok);
        }
        out.line(json!({"spec": rel, "input": input, "right": ok,
            "want": format!("{want:?}"), "got": format!("{got:?}"),
            "emitted": qs.iter().map(|q| q_json(input, q)).collect::<Vec<_>>()}))?;
    }
    println!(
        "{rel:<40} {right:>4} / {:<4} = {:.3}   NotSupportedByDesign {nsbd:>2}   (without them {:.3}; both ends of ranges closed {:.3})",
        cases.len(),
        right as f64 / cases.len().max(1) as f64,
        right_supported as f64 / supported.max(1) as f64,
        right_closed as f64 / cases.len().max(1) as f64
    );
    Ok(())
}

/// NumberModel's expected results by input, for setting aside ordinals it reads as part of
/// a number.
fn number_spans(data: &Path) -> anyhow::Result<HashMap<String, Vec<Item>>> {
    let cases = read_json(&data.join("recognizers-text/Number/NumberModel.json"))?;
    let mut by_input = HashMap::new();
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or("").to_string();
        let map = char_to_byte(&input);
        let items = expected(case, Model::Number, &map);
        by_input.insert(input, items);
    }
    Ok(by_input)
}

fn kept_out(data: &Path, rel: &str, keep: QuantityKind, out: &mut Out) -> anyhow::Result<()> {
    let cases = read_json(&data.join("recognizers-text").join(rel))?;
    let numbers = if keep == QuantityKind::Ordinal {
        number_spans(data)?
    } else {
        HashMap::new()
    };
    let (mut ok, mut total, mut set_aside) = (0, 0, 0);
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or("");
        let map = char_to_byte(input);
        let qs = quantities(input);
        for w in expected(case, Model::Number, &map) {
            let inside_a_number = numbers.get(input).is_some_and(|ns| {
                ns.iter()
                    .any(|n| n.start <= w.start && w.end <= n.end && (n.start, n.end) != (w.start, w.end))
            });
            if inside_a_number {
                set_aside += 1;
                continue;
            }
            total += 1;
            let bad = qs
                .iter()
                .any(|q| q.span.start < w.end && w.start < q.span.end && q.kind != keep);
            ok += usize::from(!bad);
            out.line(
                json!({"spec": rel, "input": input, "expected": &input[w.start..w.end], "kept_out": !bad,
                "emitted": qs.iter().map(|q| q_json(input, q)).collect::<Vec<_>>()}),
            )?;
        }
    }
    println!(
        "{rel:<40} {ok:>4} / {total:<4} = {:.3}   (expected results not emitted as another kind; {set_aside} inside a NumberModel number set aside)",
        ok as f64 / total.max(1) as f64
    );
    Ok(())
}

struct GoldQ {
    start: usize,
    end: usize,
    unit: Option<String>,
}

/// SQuAD-style tokens: lowercase, split on whitespace and punctuation.
fn toks(s: &str) -> Vec<String> {
    s.split(|c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '%' && c != '.'))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn token_f1(a: &str, b: &str) -> f64 {
    let (ta, tb) = (toks(a), toks(b));
    let mut counts: HashMap<&str, i32> = HashMap::new();
    for t in &ta {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in &tb {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = f64::from(common) / tb.len() as f64;
    let r = f64::from(common) / ta.len() as f64;
    2.0 * p * r / (p + r)
}

fn gold_unit_name(u: &str) -> String {
    if let Some(c) = canonical_unit_name(u) {
        return c.to_string();
    }
    let probe = format!("1 {u}");
    if let Some(name) = quantities(&probe)
        .first()
        .and_then(|q| q.unit.as_ref())
        .map(|u| u.name.clone())
    {
        return name;
    }
    u.trim().to_lowercase()
}

#[derive(Default)]
struct Score {
    gold: usize,
    pred: usize,
    exact: usize,
    overlap: f64,
    units: usize,
    units_right: usize,
    bytes: usize,
}

fn measeval(dir: &Path, text_dir: &str, out: &mut Out) -> anyhow::Result<(Score, Vec<String>)> {
    let mut score = Score::default();
    let mut texts = Vec::new();
    let mut names: Vec<_> = fs::read_dir(dir.join("tsv"))?
        .flatten()
        .map(|e| e.path())
        .collect();
    names.sort();
    for tsv in names {
        let stem = tsv.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
        let Ok(text) = fs::read_to_string(dir.join(text_dir).join(format!("{stem}.txt"))) else {
            continue;
        };
        let map = char_to_byte(&text);
        let mut gold = Vec::new();
        for line in fs::read_to_string(&tsv)?.lines().skip(1) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 7 || c[2] != "Quantity" {
                continue;
            }
            let (Ok(s), Ok(e)) = (c[3].parse::<usize>(), c[4].parse::<usize>()) else {
                continue;
            };
            if e >= map.len() {
                continue;
            }
            let other: Value = c
                .get(7)
                .and_then(|o| serde_json::from_str(o).ok())
                .unwrap_or(Value::Null);
            let unit = other["unit"].as_str().map(str::to_string);
            gold.push(GoldQ {
                start: map[s],
                end: map[e],
                unit,
            });
        }
        let preds: Vec<Quantity> = as_lists(
            quantities(&text)
                .into_iter()
                .filter(|q| q.kind != QuantityKind::Ordinal && !plain_year(&text, q))
                .collect(),
        );
        score_doc(&text, &gold, &preds, &mut score);
        out.line(
            json!({"measeval": stem, "gold": gold.iter().map(|g| &text[g.start..g.end]).collect::<Vec<_>>(),
            "gold_spans": gold.iter().map(|g| [g.start, g.end]).collect::<Vec<_>>(),
            "emitted": preds.iter().map(|q| q_json(&text, q)).collect::<Vec<_>>()}),
        )?;
        score.bytes += text.len();
        texts.push(text);
    }
    Ok((score, texts))
}

/// MeasEval's guideline annotates a list of quantities as one quantity ("2 kg, 5 kg and
/// 9 kg", mod `IsList`) unless "respectively" pairs its members with separate things; the
/// recogniser marks such a list on each member (`Quantity::list`, the rule
/// `shared-unit-list`): it is scored as one quantity, the list's span, with the last
/// member's unit.
fn as_lists(qs: Vec<Quantity>) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = Vec::new();
    for q in qs {
        match q.list {
            Some(list) if out.last().is_some_and(|p| p.list == Some(list)) => {
                let p = out.last_mut().expect("checked");
                p.unit = q.unit;
                p.span = list;
            }
            Some(list) => out.push(Quantity { span: list, ..q }),
            None => out.push(q),
        }
    }
    out
}

/// A bare whole number 1000–2100 with nothing else: a year.
fn plain_year(text: &str, q: &Quantity) -> bool {
    let s = &text[q.span.start..q.span.end];
    q.unit.is_none()
        && q.qualifier.is_none()
        && s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && q.value.is_some_and(|v| (1000.0..=2100.0).contains(&v))
}

fn score_doc(text: &str, gold: &[GoldQ], preds: &[Quantity], score: &mut Score) {
    score.gold += gold.len();
    score.pred += preds.len();
    let mut pairs = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in preds.iter().enumerate() {
            let ov = g.end.min(p.span.end).saturating_sub(g.start.max(p.span.start));
            if ov > 0 {
                pairs.push((ov, gi, pi));
            }
            if g.start == p.span.start && g.end == p.span.end {
                score.exact += 1;
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut gused, mut pused) = (vec![false; gold.len()], vec![false; preds.len()]);
    for (_, gi, pi) in pairs {
        if gused[gi] || pused[pi] {
            continue;
        }
        gused[gi] = true;
        pused[pi] = true;
        let (g, p) = (&gold[gi], &preds[pi]);
        score.overlap += token_f1(&text[g.start..g.end], &text[p.span.start..p.span.end]);
        if let Some(u) = &g.unit {
            score.units += 1;
            let want = gold_unit_name(u);
            score.units_right += usize::from(p.unit.as_ref().is_some_and(|pu| pu.name == want));
        }
    }
}

fn f1(hit: f64, gold: usize, pred: usize) -> (f64, f64, f64) {
    let p = hit / pred.max(1) as f64;
    let r = hit / gold.max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

fn print_measeval(name: &str, s: &Score) {
    let (ep, er, ef) = f1(s.exact as f64, s.gold, s.pred);
    let (op, or, of) = f1(s.overlap, s.gold, s.pred);
    println!(
        "MeasEval {name:<6} gold {:>4} pred {:>4}  exact P {ep:.3} R {er:.3} F1 {ef:.3}   overlap P {op:.3} R {or:.3} F1 {of:.3}   unit acc {}/{} = {:.3}",
        s.gold, s.pred, s.units_right, s.units, s.units_right as f64 / s.units.max(1) as f64
    );
}

/// Haskell string literal escapes used in the corpora: `\xHHHH`, `\&`, `\"`, `\\`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('x') => {
                let mut hex = String::new();
                while let Some(&h) = it.peek() {
                    if h.is_ascii_hexdigit() {
                        hex.push(h);
                        it.next();
                    } else {
                        break;
                    }
                }
                if let Some(ch) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                    out.push(ch);
                }
            }
            Some('&') => {}
            Some(o) => out.push(o),
            None => {}
        }
    }
    out
}

/// `(value, surface forms)` of each `examples (NumeralValue X)` / `examples (simple U X …)`
/// list in a corpus (value `None` for other constructors, e.g. durations and intervals).
fn duckling_examples(src: &str) -> Vec<(Option<f64>, Vec<String>)> {
    let re_head = regex::Regex::new(r"examples\s*\(([^\[]*?)\)\s*\[").expect("regex");
    let re_str = regex::Regex::new(r#""((?:[^"\\]|\\.)*)""#).expect("regex");
    let mut out = Vec::new();
    for m in re_head.captures_iter(src) {
        let head = m.get(1).map_or("", |x| x.as_str());
        let list_start = m.get(0).map_or(0, |x| x.end());
        let list_end = src[list_start..].find(']').map_or(src.len(), |e| list_start + e);
        let words: Vec<&str> = head.split_whitespace().collect();
        let num = |w: &str| w.trim_matches(|c| c == '(' || c == ')').parse::<f64>().ok();
        let value = match words.first() {
            Some(&"NumeralValue") => words.get(1..).and_then(|w| num(&w.join(""))),
            Some(&"simple") => words.get(2).and_then(|w| num(w)),
            _ => None,
        };
        let forms = re_str
            .captures_iter(&src[list_start..list_end])
            .filter_map(|c| c.get(1).map(|x| unescape(x.as_str())))
            .collect();
        out.push((value, forms));
    }
    out
}

fn duckling(data: &Path, out: &mut Out) -> anyhow::Result<()> {
    let root = data.join("duckling");
    let mut files = Vec::new();
    for e in fs::read_dir(&root)?.flatten() {
        let p = e.path();
        if p.join("Corpus.hs").exists() {
            files.push(p.join("Corpus.hs"));
        }
        if p.is_dir() {
            for sub in fs::read_dir(&p)?.flatten() {
                if sub.path().join("Corpus.hs").exists() {
                    files.push(sub.path().join("Corpus.hs"));
                }
            }
        }
    }
    files.sort();
    for f in files {
        let name = f
            .parent()
            .and_then(|p| p.strip_prefix(&root).ok())
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let src = fs::read_to_string(&f)?;
        let is_duration = name == "Duration";
        let (mut right, mut total) = (0, 0);
        for (value, forms) in duckling_examples(&src) {
            for form in forms {
                let qs = quantities(&form);
                let ok = if is_duration {
                    !qs.iter().any(|q| {
                        matches!(
                            q.kind,
                            QuantityKind::Money | QuantityKind::Measure | QuantityKind::Percent
                        )
                    })
                } else if let Some(v) = value {
                    qs.iter().any(|q| q.value.is_some_and(|x| close(x, v)))
                } else {
                    continue;
                };
                total += 1;
                right += usize::from(ok);
                out.line(
                    json!({"duckling": name, "form": form, "value": value, "right": ok,
                    "emitted": qs.iter().map(|q| q_json(&form, q)).collect::<Vec<_>>()}),
                )?;
            }
        }
        let what = if is_duration {
            "no money/measure/percent"
        } else {
            "value right"
        };
        println!(
            "Duckling {name:<20} {right:>4} / {total:<4} = {:.3}   ({what})",
            right as f64 / total.max(1) as f64
        );
    }
    Ok(())
}

/// Nanoseconds this thread has run on a CPU (Linux), so that a loaded machine does not
/// count other processes' time.
fn cpu_ns() -> Option<u64> {
    let s = fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn speed(texts: &[String]) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let kb = bytes as f64 / 1024.0;
    let mut n = 0;
    let (t0, c0) = (Instant::now(), cpu_ns());
    let mut rounds = 0;
    while rounds < 3 || t0.elapsed().as_millis() < 2000 {
        for t in texts {
            n += quantities(t).len();
        }
        rounds += 1;
    }
    let wall = t0.elapsed().as_secs_f64() * 1e6 / rounds as f64 / kb;
    let cpu = match (c0, cpu_ns()) {
        (Some(a), Some(b)) => format!("{:.1}", (b - a) as f64 / 1e3 / rounds as f64 / kb),
        _ => "n/a".to_string(),
    };
    println!(
        "speed: {cpu} µs CPU per KB ({wall:.1} wall) over {} KB of MeasEval text, {rounds} rounds, one thread, {} quantities a round",
        bytes / 1024,
        n / rounds
    );
}

pub fn run(data: &Path, out: Option<&Path>) -> anyhow::Result<()> {
    let mut out = Out(out.map(fs::File::create).transpose()?);
    println!("Recognizers-Text specs (cases right / all cases):");
    spec(data, "Number/NumberModel.json", Model::Number, &mut out)?;
    spec(data, "Number/NumberRangeModel.json", Model::Range, &mut out)?;
    spec(data, "Number/PercentModel.json", Model::Percent, &mut out)?;
    spec(
        data,
        "NumberWithUnit/CurrencyModel.json",
        Model::Currency,
        &mut out,
    )?;
    kept_out(data, "NumberWithUnit/AgeModel.json", QuantityKind::Age, &mut out)?;
    kept_out(data, "Number/OrdinalModel.json", QuantityKind::Ordinal, &mut out)?;
    let (train, mut texts) = measeval(&data.join("measeval/train"), "text", &mut out)?;
    let (trial, trial_texts) = measeval(&data.join("measeval/trial"), "txt", &mut out)?;
    print_measeval("train", &train);
    print_measeval("trial", &trial);
    duckling(data, &mut out)?;
    texts.extend(trial_texts);
    speed(&texts);
    Ok(())
}
