//! `cargo xtask gen-corpus`: invented news in bulk, for store benchmarks. Every word is
//! made here from syllables and small templates, so the text is ours and its statistics
//! are news-like: outlets with standing footer lines, people quoted again and again
//! (a few often, most rarely), wire stories carried by several outlets, corrected copies.
//! Deterministic: the same seed and range give the same files.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::rng::Rng;

const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kl", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v",
    "sk", "sn",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "aa", "ei", "ou", "y"];
const CODAS: &[&str] = &["", "n", "r", "l", "m", "s", "t", "k", "nd", "rk", "st", "lm"];

/// The `i`-th invented word of a family (deterministic from `salt` and `i`).
fn word(salt: u64, i: usize, syllables: usize) -> String {
    let mut r = Rng(salt ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(ONSETS[r.below(ONSETS.len())]);
        w.push_str(VOWELS[r.below(VOWELS.len())]);
        w.push_str(CODAS[r.below(CODAS.len())]);
    }
    w
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

const FIRST_NAMES: usize = 300;
const SURNAMES: usize = 3000;
const PLACES: usize = 2000;
const OUTLETS: usize = 40;
const ROLES: &[&str] = &[
    "mayor",
    "spokeswoman",
    "spokesman",
    "minister",
    "director",
    "union leader",
    "chief engineer",
    "council member",
    "police chief",
    "economist",
    "professor",
    "governor",
];
const NOUNS: &[&str] = &[
    "bridge",
    "harbour",
    "school",
    "budget",
    "railway",
    "hospital",
    "ferry",
    "tunnel",
    "market",
    "dam",
    "airport",
    "library",
    "stadium",
    "pipeline",
    "factory",
    "reservoir",
];
const VERBS: &[&str] = &[
    "approved",
    "delayed",
    "opened",
    "rejected",
    "reviewed",
    "expanded",
    "closed",
    "funded",
    "inspected",
    "debated",
];

struct Names {
    first: Vec<String>,
    last: Vec<String>,
    places: Vec<String>,
    outlets: Vec<String>,
}

impl Names {
    fn new() -> Self {
        Names {
            first: (0..FIRST_NAMES).map(|i| cap(&word(11, i, 2))).collect(),
            last: (0..SURNAMES).map(|i| cap(&word(23, i, 2 + i % 2))).collect(),
            places: (0..PLACES).map(|i| cap(&word(37, i, 2 + i % 2))).collect(),
            outlets: (0..OUTLETS)
                .map(|i| {
                    let kind = [
                        "Tribune", "Courier", "Post", "Herald", "Gazette", "Wire", "Daily", "Observer",
                    ][i % 8];
                    format!("{} {kind}", cap(&word(53, i, 2)))
                })
                .collect(),
        }
    }
}

/// One invented article.
struct Piece {
    text: String,
    outlet: usize,
    day: i64,
}

fn sentence(r: &mut Rng, n: &Names, place: &str) -> String {
    let noun = NOUNS[r.below(NOUNS.len())];
    let verb = VERBS[r.below(VERBS.len())];
    let other = &n.places[r.skewed(PLACES)];
    match r.below(4) {
        0 => format!(
            "The council of {place} {verb} the plan for the {noun} on {}, after {} hours of debate.",
            ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][r.below(5)],
            2 + r.below(9)
        ),
        1 => format!(
            "Officials in {other} said the {noun} would cost about {} million crowns and take {} years.",
            10 + r.below(900),
            1 + r.below(6)
        ),
        2 => format!(
            "Residents of {place} have waited since {} for work on the {noun} to begin.",
            1995 + r.below(25)
        ),
        _ => format!(
            "The {noun} in {other} was {verb} last {} by the regional authority.",
            ["week", "month", "year"][r.below(3)]
        ),
    }
}

fn piece(i: usize, r: &mut Rng, n: &Names, days: i64) -> Piece {
    let outlet = r.skewed(OUTLETS);
    let place = n.places[r.skewed(PLACES)].clone();
    let noun = NOUNS[r.below(NOUNS.len())];
    let mut paras = vec![format!(
        "{} {} {noun} in {place} ({i})",
        cap(VERBS[r.below(VERBS.len())]),
        "work on the"
    )];
    for _ in 0..3 + r.below(5) {
        let mut p = String::new();
        for _ in 0..1 + r.below(3) {
            p.push_str(&sentence(r, n, &place));
            p.push(' ');
        }
        if r.chance(0.5) {
            let first = &n.first[r.skewed(FIRST_NAMES)];
            let last = &n.last[r.skewed(SURNAMES)];
            let role = ROLES[r.below(ROLES.len())];
            let said = sentence(r, n, &place);
            p.push_str(&format!(
                "\u{201c}{},\u{201d} said {first} {last}, the {role}. {last} added that the {noun} would be reviewed again.",
                said.trim_end_matches('.')
            ));
        }
        paras.push(p.trim().to_string());
    }
    if outlet.is_multiple_of(2) {
        paras.push(format!(
            "Follow the {} for more news from the coast",
            n.outlets[outlet]
        ));
    }
    Piece {
        text: paras.join("\n\n"),
        outlet,
        day: (i as i64 * days / 100_000).min(days - 1),
    }
}

/// Writes articles `first..first + count` as JSON Lines files of 1,000 articles each.
pub fn run(out: &Path, first: usize, count: usize, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let names = Names::new();
    let days = 1460; // four years of news
    let start = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).expect("date");
    let mut recent: Vec<(String, usize)> = Vec::new();
    let mut file: Option<std::io::BufWriter<std::fs::File>> = None;
    for i in first..first + count {
        if (i - first).is_multiple_of(1000) {
            let p = out.join(format!("part-{:06}.jsonl", i / 1000));
            file = Some(std::io::BufWriter::new(std::fs::File::create(&p)?));
        }
        let mut r = Rng(seed ^ (i as u64).wrapping_mul(0x9e37_79b9));
        let mut p = piece(i, &mut r, &names, days);
        // Wire copies and corrections of recent stories.
        if !recent.is_empty() && r.chance(0.07) {
            let (text, outlet) = recent[r.below(recent.len())].clone();
            p.text = if r.chance(0.3) {
                text.replacen(" the ", " this ", 1)
            } else {
                text
            };
            if r.chance(0.8) {
                p.outlet = (outlet + 1 + r.below(OUTLETS - 1)) % OUTLETS;
            }
        }
        recent.push((p.text.clone(), p.outlet));
        if recent.len() > 200 {
            recent.remove(0);
        }
        let date = start + chrono::Duration::days(p.day);
        let outlet = &names.outlets[p.outlet];
        let host = outlet.to_lowercase().replace(' ', "");
        let rec = serde_json::json!({
            "text": p.text,
            "outlet": outlet,
            "published": date.to_string(),
            "url": format!("https://{host}.example/{}/{i}", date.format("%Y/%m/%d")),
        });
        let f = file.as_mut().expect("file open");
        serde_json::to_writer(&mut *f, &rec)?;
        f.write_all(b"\n")?;
    }
    Ok(())
}
