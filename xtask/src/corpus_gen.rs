//! `cargo xtask gen-corpus`: invented news in bulk, for store benchmarks. Every word is
//! made here from syllables and small templates, so the text is ours and its statistics
//! are news-like: stories that run for days or weeks (a few with most of the coverage,
//! each with its place, subject and people), one-off items, outlets with standing footer
//! lines, people quoted again and again (a few often, most rarely), wire stories carried
//! by several outlets, corrected copies.
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
    /// The story it belongs to (see [`StoryKey`]).
    story: StoryKey,
}

/// Which invented story an article tells: a running story (its slot and the run of that
/// slot), or a one-off item of its own. Written beside each article as `story` (a field
/// the digest does not read), so that storylines can be scored against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StoryKey {
    Running { slot: usize, run: i64 },
    OneOff(usize),
}

impl std::fmt::Display for StoryKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoryKey::Running { slot, run } => write!(f, "story-{slot}-{run}"),
            StoryKey::OneOff(i) => write!(f, "item-{i}"),
        }
    }
}

fn sentence(r: &mut Rng, t: &Topic) -> String {
    let place = &t.place;
    let noun = if r.chance(0.7) {
        t.noun
    } else {
        NOUNS[r.below(NOUNS.len())]
    };
    let verb = VERBS[r.below(VERBS.len())];
    let other = &t.others[r.below(t.others.len())];
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

/// What an article is about: a place and a subject, the places it is set against, and
/// the people quoted on it.
struct Topic {
    place: String,
    noun: &'static str,
    others: Vec<String>,
    people: Vec<(String, &'static str)>,
}

/// News stories running at once. Most articles follow one of them (a few stories get
/// most of the coverage), the rest are one-off items.
const STORIES: usize = 60;

impl Topic {
    /// Story `slot` as it runs on `day`: each slot's story lasts 4 to 43 days, then the
    /// slot starts another (slots turn over on different days).
    fn running(slot: usize, day: i64, n: &Names) -> Topic {
        let run = Topic::run_of(slot, day);
        let mut r = Rng(0x5eed_7091_c0de ^ ((slot as u64) << 40) ^ run as u64);
        Topic::draw(&mut r, n, 3)
    }

    /// Which run of slot `slot` is on `day`.
    fn run_of(slot: usize, day: i64) -> i64 {
        let span = 4 + (slot * 7 % 40) as i64;
        (day + slot as i64 * 5) / span
    }

    /// A topic of its own (a one-off item's).
    fn draw(r: &mut Rng, n: &Names, others: usize) -> Topic {
        Topic {
            place: n.places[r.skewed(PLACES)].clone(),
            noun: NOUNS[r.below(NOUNS.len())],
            others: (0..others).map(|_| n.places[r.skewed(PLACES)].clone()).collect(),
            people: (0..2 + r.below(2))
                .map(|_| {
                    (
                        format!(
                            "{} {}",
                            n.first[r.skewed(FIRST_NAMES)],
                            n.last[r.skewed(SURNAMES)]
                        ),
                        ROLES[r.below(ROLES.len())],
                    )
                })
                .collect(),
        }
    }
}

fn piece(i: usize, r: &mut Rng, n: &Names, days: i64) -> Piece {
    let outlet = r.skewed(OUTLETS);
    let day = (i as i64 * days / 100_000).min(days - 1);
    let (t, story) = if r.chance(0.85) {
        let slot = r.skewed(STORIES);
        let run = Topic::run_of(slot, day);
        (Topic::running(slot, day, n), StoryKey::Running { slot, run })
    } else {
        (Topic::draw(r, n, 6), StoryKey::OneOff(i))
    };
    let mut paras = vec![format!(
        "{} {} {} in {} ({i})",
        cap(VERBS[r.below(VERBS.len())]),
        "work on the",
        t.noun,
        t.place
    )];
    for _ in 0..3 + r.below(5) {
        let mut p = String::new();
        for _ in 0..1 + r.below(3) {
            p.push_str(&sentence(r, &t));
            p.push(' ');
        }
        if r.chance(0.5) {
            let (name, role) = &t.people[r.below(t.people.len())];
            let last = name.rsplit(' ').next().unwrap_or(name);
            let said = sentence(r, &t);
            p.push_str(&format!(
                "\u{201c}{},\u{201d} said {name}, the {role}. {last} added that the {} would be reviewed again.",
                said.trim_end_matches('.'),
                t.noun
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
        day,
        story,
    }
}

/// Writes articles `first..first + count` as JSON Lines files of 1,000 articles each.
pub fn run(out: &Path, first: usize, count: usize, seed: u64) -> anyhow::Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let names = Names::new();
    let days = 1460; // four years of news
    let start = chrono::NaiveDate::from_ymd_opt(2019, 1, 1).expect("date");
    let mut recent: Vec<(String, usize, StoryKey)> = Vec::new();
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
            let (text, outlet, story) = recent[r.below(recent.len())].clone();
            p.story = story;
            p.text = if r.chance(0.3) {
                text.replacen(" the ", " this ", 1)
            } else {
                text
            };
            if r.chance(0.8) {
                p.outlet = (outlet + 1 + r.below(OUTLETS - 1)) % OUTLETS;
            }
        }
        recent.push((p.text.clone(), p.outlet, p.story));
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
            "story": p.story.to_string(),
        });
        let f = file.as_mut().expect("file open");
        serde_json::to_writer(&mut *f, &rec)?;
        f.write_all(b"\n")?;
    }
    Ok(())
}
