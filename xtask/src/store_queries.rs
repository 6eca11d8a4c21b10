//! `cargo xtask store-queries --db FILE`: the latency of the queries the HTTP API will
//! make, on a real store, in process (the median of many runs of each).

use std::path::Path;
use std::time::Instant;

use storyline::store::Store;

fn median_ms(repeats: usize, mut f: impl FnMut() -> usize) -> (f64, usize) {
    let mut times = Vec::with_capacity(repeats);
    let mut rows = 0;
    for _ in 0..repeats {
        let t = Instant::now();
        rows = f();
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], rows)
}

pub fn run(db: &Path, repeats: usize) -> anyhow::Result<()> {
    let store = Store::open_existing(db)?;
    let (articles, _, _) = store.counts()?;
    let entities = store.entities()?;
    let top = entities.first().map(|e| e.id.clone()).unwrap_or_default();
    let middle = entities
        .get(entities.len() / 2)
        .map(|e| e.id.clone())
        .unwrap_or_default();
    let outlet = store
        .outlet_counts()?
        .into_iter()
        .find_map(|o| o.outlet)
        .unwrap_or_default();
    let last_day = store.last_day()?.unwrap_or_default();
    let from = last_day - chrono::Duration::days(30);
    println!(
        "store {} ({articles} articles, {} entities)",
        db.display(),
        entities.len()
    );
    println!("{:<58} {:>10} {:>6}", "query", "median ms", "rows");
    let line = |name: &str, (ms, rows): (f64, usize)| println!("{name:<58} {ms:>10.3} {rows:>6}");
    line(
        &format!("quotes by entity, newest first, 50 rows ({top})"),
        median_ms(repeats, || {
            store.quotes_by_entity(&top, 50).map_or(0, |r| r.len())
        }),
    );
    line(
        &format!("quotes by entity, newest first, 50 rows ({middle})"),
        median_ms(repeats, || {
            store.quotes_by_entity(&middle, 50).map_or(0, |r| r.len())
        }),
    );
    line(
        &format!("articles of an outlet in 30 days ({outlet})"),
        median_ms(repeats, || {
            store
                .articles_of_outlet(&outlet, from, last_day, 50)
                .map_or(0, |r| r.len())
        }),
    );
    line(
        "full-text search over articles, 20 rows (harbour budget)",
        median_ms(repeats, || {
            store.search_articles("harbour budget", 20).map_or(0, |r| r.len())
        }),
    );
    line(
        "full-text search over quotes, 20 rows (bridge)",
        median_ms(repeats, || {
            store.search_quotes("bridge", 20).map_or(0, |r| r.len())
        }),
    );
    Ok(())
}
