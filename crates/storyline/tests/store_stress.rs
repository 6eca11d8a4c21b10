//! Incremental corpus passes against the in-memory ones over many random splits, orders
//! and edits of an invented corpus with near copies, exact copies and outlet footers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use storyline::run::{self, RunOptions};
use storyline::store::Store;
use storyline::{Pipeline, PipelineConfig};

mod common;
use common::{verdicts, Quiet};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "harbour",
    "ferry",
    "council",
    "pier",
    "bridge",
    "market",
    "depot",
    "storm",
    "winter",
    "budget",
    "crews",
    "repairs",
    "residents",
    "letters",
    "detour",
    "parking",
    "season",
    "island",
    "coast",
    "valley",
    "quay",
    "boat",
    "tide",
    "shore",
    "gull",
    "lantern",
    "rope",
];

fn sentence(r: &mut Rng, n: usize) -> String {
    let mut s: Vec<&str> = (0..n).map(|_| WORDS[r.below(WORDS.len())]).collect();
    s[0] = "Crews";
    format!("{}.", s.join(" "))
}

fn put(dir: &Path, name: &str, text: &str, outlet: &str, day: usize) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    std::fs::write(
        dir.join(format!("{name}.meta.json")),
        format!(
            r#"{{"outlet": "{outlet}", "published": "2022-05-{:02}", "url": "https://news.invalid/{name}"}}"#,
            1 + day % 28
        ),
    )
    .unwrap();
    p
}

fn corpus(dir: &Path, r: &mut Rng) -> Vec<PathBuf> {
    let outlets = ["Fjord Post", "Coast Courier", "Valley Herald"];
    let footers = [
        "Read the Fjord Post every morning",
        "Printed on recycled paper",
        "",
    ];
    let mut files = Vec::new();
    let mut bodies = Vec::new();
    for n in 0..14 {
        let o = r.below(3);
        let paras: Vec<String> = (0..4).map(|_| sentence(r, 30)).collect();
        let mut text = format!("Story {n}\n\n{}", paras.join("\n\n"));
        if !footers[o].is_empty() && r.below(4) != 0 {
            text.push_str(&format!("\n\n{}", footers[o]));
        }
        files.push(put(dir, &format!("s{n:02}.txt"), &text, outlets[o], r.below(28)));
        bodies.push((text, o));
    }
    for k in 0..8 {
        let (text, o) = bodies[r.below(bodies.len())].clone();
        let copy = match r.below(3) {
            0 => text.clone(),
            1 => text.replacen("Crews", "Teams", 1),
            _ => format!("{text}\n\nCorrection appended."),
        };
        let outlet = if r.below(2) == 0 { o } else { r.below(3) };
        files.push(put(
            dir,
            &format!("c{k:02}.txt"),
            &copy,
            outlets[outlet],
            r.below(28),
        ));
    }
    files
}

#[test]
fn random_splits_orders_and_edits_agree_with_the_in_memory_passes() {
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for seed in 1..=12u64 {
        let d = tempfile::tempdir().unwrap();
        let mut r = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let files = corpus(d.path(), &mut r);
        let db = d.path().join("s.db");
        let mut order = files.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, r.below(i + 1));
        }
        let parts = 1 + r.below(4);
        for part in order.chunks(order.len().div_ceil(parts)) {
            run::digest(part, &db, &p, RunOptions { jobs: 1 }, &mut Quiet).unwrap();
        }
        // Edit a file or two, then digest everything again.
        std::thread::sleep(std::time::Duration::from_millis(20));
        for _ in 0..1 + r.below(2) {
            let f = &files[r.below(files.len())];
            let text = std::fs::read_to_string(f).unwrap();
            let edited = if r.below(2) == 0 {
                text.replacen("Crews", "Workers", 1)
            } else {
                text.lines()
                    .filter(|l| !l.starts_with("Read the") && !l.starts_with("Printed"))
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            std::fs::write(f, edited).unwrap();
        }
        run::digest(&files, &db, &p, RunOptions { jobs: 1 }, &mut Quiet).unwrap();
        let batch = run::analyze_paths(&files, &p, RunOptions::default(), &mut Quiet).unwrap();
        for a in &batch.articles {
            let kind = a.duplicate_kind.map_or("none".to_string(), |k| k.to_string());
            *seen.entry(kind).or_default() += 1;
            if a.removed
                .iter()
                .any(|r| r.kind == storyline::article::RemovedKind::Template)
            {
                *seen.entry("template".into()).or_default() += 1;
            }
        }
        let stored = Store::open(&db).unwrap().articles().unwrap();
        assert_eq!(verdicts(&stored), verdicts(&batch.articles), "seed {seed}");
        for a in &stored {
            let b = batch.articles.iter().find(|b| b.id == a.id).unwrap();
            assert_eq!(a.quotes, b.quotes, "seed {seed} {}", a.id);
            assert_eq!(a.published, b.published, "seed {seed} {}", a.id);
        }
    }
    // The corpus holds every case the passes decide.
    for case in ["near", "exact syndicated", "near syndicated", "exact", "template"] {
        assert!(seen.get(case).is_some_and(|&n| n > 0), "{case}: {seen:?}");
    }
}
