//! Whole runs over paths: `analyze` (in memory, no store) and `digest` (into the
//! store). The CLI and, later, the server call these; they only add presentation.

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::Serialize;

use crate::article::Article;
use crate::error::Error;
use crate::ingest::{self, Failure};
use crate::pipeline::Pipeline;
use crate::store::Store;

/// Receives progress while a run goes through its inputs.
pub trait Observer {
    /// Called once with the number of input files and their total size.
    fn start(&mut self, _files: usize, _bytes: u64) {}
    /// Called after each file with its size.
    fn file_done(&mut self, _bytes: u64) {}
    /// Called after each item (article or failure).
    fn item(&mut self, _source: &str, _ok: bool) {}
}

/// Goes through every item under `paths`, calling `each` with the per-document result.
fn for_each_item(
    paths: &[PathBuf],
    store_file: Option<&Path>,
    pipeline: &Pipeline,
    obs: &mut dyn Observer,
    mut skip: impl FnMut(&str) -> bool,
    mut each: impl FnMut(Result<Article, Failure>) -> Result<(), Error>,
) -> Result<(usize, u64), Error> {
    let (mut files, listing_failures) = ingest::list_files(paths);
    // The store's own files (and their journals) are never input.
    if let Some(db) = store_file.and_then(|d| d.canonicalize().ok()) {
        let db_name = db
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_store_file = |f: &ingest::InputFile| {
            let Some(c) = f.id().map(|id| &id.canonical) else {
                return false;
            };
            let Some(name) = c.file_name().map(|n| n.to_string_lossy()) else {
                return false;
            };
            let ours = name
                .strip_prefix(db_name.as_str())
                .is_some_and(|rest| matches!(rest, "" | "-wal" | "-shm" | "-journal"));
            ours && c.with_file_name(db_name.as_str()) == db
        };
        files.retain(|f| !is_store_file(f));
    }
    let sizes: Vec<u64> = files.iter().map(|f| f.size().unwrap_or(0)).collect();
    obs.start(files.len(), sizes.iter().sum());
    let mut items = 0;
    let mut bytes = 0;
    for f in listing_failures {
        obs.item(&f.source, false);
        each(Err(f))?;
    }
    let cfg = pipeline.ingest_config();
    for (file, size) in files.iter().zip(sizes) {
        for item in ingest::open(file, &cfg) {
            items += 1;
            let result = match item {
                Ok(raw) => {
                    if skip(&raw.source.key()) {
                        continue;
                    }
                    bytes += raw.bytes;
                    pipeline.analyze(raw)
                }
                Err(f) => Err(f),
            };
            match &result {
                Ok(a) => obs.item(&a.source.key(), true),
                Err(f) => obs.item(&f.source, false),
            }
            each(result)?;
        }
        obs.file_done(size);
    }
    Ok((items, bytes))
}

/// What `analyze` produced.
pub struct Analysis {
    pub articles: Vec<Article>,
    pub failures: Vec<Failure>,
    pub items: usize,
    pub bytes: u64,
}

/// Analyses everything under `paths` in memory, corpus passes included.
pub fn analyze_paths(
    paths: &[PathBuf],
    pipeline: &Pipeline,
    obs: &mut dyn Observer,
) -> Result<Analysis, Error> {
    let mut articles = Vec::new();
    let mut failures = Vec::new();
    let (items, bytes) = for_each_item(
        paths,
        None,
        pipeline,
        obs,
        |_| false,
        |r| {
            match r {
                Ok(a) => articles.push(a),
                Err(f) => failures.push(f),
            }
            Ok(())
        },
    )?;
    pipeline.finish(&mut articles);
    Ok(Analysis {
        articles,
        failures,
        items,
        bytes,
    })
}

/// The digest of a run: what was ingested, what is in the store, what failed.
#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    pub run: i64,
    pub store: String,
    /// Items read in this run (articles and failures).
    pub items: usize,
    /// Items skipped because an earlier run stored them.
    pub skipped: usize,
    /// New distinct articles stored by this run.
    pub added: usize,
    /// Items whose text the store already had.
    pub already: usize,
    pub seconds: f64,
    pub bytes: u64,
    /// The whole store after the run.
    pub articles: usize,
    pub outlets: Vec<crate::store::OutletCount>,
    pub duplicate_groups: Vec<crate::store::DupGroup>,
    /// Failures of this run.
    pub failures: Vec<Failure>,
}

const BATCH: usize = 256;

/// Ingests everything under `paths` into the store at `db` and returns the digest.
pub fn digest(
    paths: &[PathBuf],
    db: &Path,
    pipeline: &Pipeline,
    obs: &mut dyn Observer,
) -> Result<Digest, Error> {
    let started = Instant::now();
    let mut store = Store::open(db)?;
    let inputs: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let run = store.begin_run(&inputs)?;
    let mut articles = Vec::with_capacity(BATCH);
    // Failures of the whole run; those from `written` on are not in the store yet.
    let mut failures: Vec<Failure> = Vec::new();
    let mut written = 0;
    let (mut added, mut already, mut skipped) = (0, 0, 0);
    let (items, bytes) = {
        let store_ref = &mut store;
        // Source look-ups go through a second connection: the writer holds the first.
        let reader = Store::open(db)?;
        let mut skip = |key: &str| {
            let k = reader.has_source(key).unwrap_or(false);
            if k {
                skipped += 1;
            }
            k
        };
        for_each_item(paths, Some(db), pipeline, obs, &mut skip, |r| {
            match r {
                Ok(a) => articles.push(a),
                Err(f) => failures.push(f),
            }
            if articles.len() + failures.len() - written >= BATCH {
                let res = store_ref.write_batch(run, pipeline, &articles, &failures[written..])?;
                added += res.added;
                already += res.already;
                articles.clear();
                written = failures.len();
            }
            Ok(())
        })?
    };
    let res = store.write_batch(run, pipeline, &articles, &failures[written..])?;
    added += res.added;
    already += res.already;
    store.finalize(pipeline)?;
    store.end_run(run, items, added, failures.len())?;
    let (total, _, _) = store.counts()?;
    Ok(Digest {
        run,
        store: db.display().to_string(),
        items,
        skipped,
        added,
        already,
        seconds: started.elapsed().as_secs_f64(),
        bytes,
        articles: total,
        outlets: store.outlet_counts()?,
        duplicate_groups: store.duplicate_groups()?,
        failures,
    })
}
