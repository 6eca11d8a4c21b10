//! Clustering throughput on generated article features, one core: a stream of events
//! (each a burst of articles over a few days, drawing on its storyline's words and
//! entities and on common ones) at a steady rate of articles a day, so that the number of
//! open events stays level and the cost per article should too.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::Context;

use crate::rng::Rng;

use storyline::stories::terms::{Term, TermCounts};
use storyline::stories::{Clusterer, Day, StoryConfig, StoryDoc, StorylineId};

const ARTICLES_PER_DAY: usize = 400;
const COMMON_WORDS: u64 = 20_000;
const STORY_WORDS: u64 = 300;
const EVENT_WORDS: u64 = 60;
const WORDS_PER_ARTICLE: usize = 250;

/// One generated article of event `event` (of storyline `event / 8`) on `day`.
fn article(r: &mut Rng, n: usize, event: u64, day: i32) -> StoryDoc {
    let story = event / 8;
    let mut words = Vec::with_capacity(WORDS_PER_ARTICLE);
    for _ in 0..WORDS_PER_ARTICLE {
        let t = match r.below(10) {
            0..=5 => r.skewed(COMMON_WORDS as usize) as u64,
            6..=7 => 1_000_000 + story * STORY_WORDS + r.skewed(STORY_WORDS as usize) as u64,
            _ => 50_000_000 + event * EVENT_WORDS + r.skewed(EVENT_WORDS as usize) as u64,
        };
        words.push(Term(t));
    }
    let mut ents = Vec::new();
    for _ in 0..12 {
        let e = match r.below(3) {
            0 => 7_000_000_000 + r.skewed(5_000) as u64,
            1 => 8_000_000_000 + story * 20 + r.skewed(20) as u64,
            _ => 9_000_000_000 + event * 5 + r.below(5) as u64,
        };
        ents.push(Term(e));
    }
    let title: Vec<Term> = words.iter().step_by(25).copied().collect();
    StoryDoc {
        id: format!("{n:012}"),
        published: Some(Day(day)),
        outlet: Some(format!("outlet-{}", r.below(40))),
        duplicate_of: None,
        title: TermCounts::from_terms(title),
        body: TermCounts::from_terms(words),
        entities: TermCounts::from_terms(ents),
        reported: vec![Day(day - r.below(3) as i32)],
    }
}

/// `n` articles: each day a few new events start and the articles of the day are spread
/// over the events started in the last three days.
fn generate(n: usize, seed: u64) -> Vec<StoryDoc> {
    let mut r = Rng(seed);
    let events_per_day = 60u64;
    (0..n)
        .map(|i| {
            let day = (i / ARTICLES_PER_DAY) as i32;
            let recent = events_per_day * 3;
            let start = (u64::try_from(day).unwrap_or(0) + 1) * events_per_day;
            let event = start.saturating_sub(1 + r.skewed(recent as usize) as u64);
            article(&mut r, i, event, 20_000 + day)
        })
        .collect()
}

/// Articles per storyline at the end, merges followed: what the largest storyline holds.
#[derive(Default)]
struct Sizes(HashMap<StorylineId, usize>);

impl Sizes {
    fn place(&mut self, storyline: StorylineId, merges: Vec<(StorylineId, StorylineId)>) {
        *self.0.entry(storyline).or_default() += 1;
        for (gone, kept) in merges {
            let n = self.0.remove(&gone).unwrap_or(0);
            *self.0.entry(kept).or_default() += n;
        }
    }

    fn largest(&self) -> usize {
        self.0.values().copied().max().unwrap_or(0)
    }
}

pub fn run(sizes: &[usize], seed: u64, config: Option<&str>) -> anyhow::Result<()> {
    let cfg: StoryConfig = match config {
        Some(c) => serde_json::from_str(c).context("--config")?,
        None => StoryConfig::default(),
    };
    println!("clustering generated article features, one thread ({ARTICLES_PER_DAY} articles a day)");
    println!(
        "{:>8} {:>10} {:>12} {:>14} {:>8} {:>11} {:>9}",
        "articles", "seconds", "articles/s", "µs/article, last 10%", "events", "open at end", "largest"
    );
    for &n in sizes {
        let docs = generate(n, seed);
        let mut c = Clusterer::new(cfg.clone());
        let mut placed = Sizes::default();
        let tenth = (n / 10).max(1);
        let t = Instant::now();
        let mut last_tenth = Instant::now();
        let mut events = 0usize;
        for (i, d) in docs.iter().enumerate() {
            if i == n - tenth {
                last_tenth = Instant::now();
            }
            if let Some(p) = c.add(d) {
                events += usize::from(p.joined.is_none());
                placed.place(p.storyline, c.take_merges());
            }
        }
        let secs = t.elapsed().as_secs_f64();
        let tail_us = last_tenth.elapsed().as_secs_f64() * 1e6 / tenth as f64;
        println!(
            "{n:>8} {secs:>10.2} {:>12.0} {tail_us:>14.1} {events:>8} {:>11} {:>8.1}%",
            n as f64 / secs,
            c.open().0,
            100.0 * placed.largest() as f64 / n as f64
        );
    }
    Ok(())
}
