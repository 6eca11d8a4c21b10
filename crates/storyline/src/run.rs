//! Whole runs over paths: `analyze` (in memory, no store), `digest` (into the store) and
//! `reanalyze` (the store's articles through a newer analysis). The CLI and the server
//! call these; they only add presentation.
//!
//! A run is a small pipeline of threads: a reader lists and streams the inputs in
//! order, in chunks; the chunks are analysed on all cores (rayon), each item on its
//! own — a panic in one item is that item's failure, reported with its stage — and the
//! results keep the input order; one writer stores them, a transaction per chunk.

use std::any::Any;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, Receiver};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

use crate::article::{Article, Source};
use crate::corpus::template::LineSig;
use crate::error::{Error, Stage};
use crate::ingest::{self, Failure, InputFile, RawItem};
use crate::pipeline::{self, Pipeline, PIPELINE_VERSION};
use crate::store::{CorpusReport, CorpusRules, SourceStamp, SourceState, Store, Stored};

/// Receives progress while a run goes through its inputs.
pub trait Observer {
    /// Called once with the number of input files and their total size.
    fn start(&mut self, _files: usize, _bytes: u64) {}
    /// Called after each file with its size.
    fn file_done(&mut self, _bytes: u64) {}
    /// Called after each item (article or failure).
    fn item(&mut self, _source: &str, _ok: bool) {}
    /// Called as each phase of a digest ends, with its wall-clock time.
    fn phase(&mut self, _phase: Phase, _took: Duration) {}
}

/// The phases of a digest, in the order they run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading, analysing on the workers and writing the rows, until the last batch is
    /// written.
    Ingest,
    /// Duplicate groups and template verdicts of what the run left waiting.
    CorpusGroups,
    /// The entity directory, with the first chunk of stories worked out beside it.
    Directory,
    /// The stories placed and written.
    Stories,
    /// The digest's own reports: newest stories, counts, outlets, duplicate groups, figures.
    Report,
}

impl Phase {
    /// The phase's name as the command line shows it.
    pub fn name(self) -> &'static str {
        match self {
            Phase::Ingest => "ingest",
            Phase::CorpusGroups => "corpus groups",
            Phase::Directory => "entity directory (stories planned beside it)",
            Phase::Stories => "stories",
            Phase::Report => "report",
        }
    }
}

/// Reports each phase's wall-clock time to an observer as it ends.
struct PhaseClock(Instant);

impl PhaseClock {
    fn end(&mut self, obs: &mut dyn Observer, phase: Phase) {
        let now = Instant::now();
        obs.phase(phase, now - self.0);
        self.0 = now;
    }
}

/// How a run uses the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RunOptions {
    /// Worker threads for the per-article analysis; 0 means one per core.
    pub jobs: usize,
}

/// Items per chunk: enough to keep every core busy, few enough to bound memory.
const CHUNK_ITEMS: usize = 64;
/// Items per chunk at least, as the input runs out ([`tapered_chunk`]).
const MIN_CHUNK_ITEMS: usize = 8;
/// Raw bytes per chunk, at most (one large item may exceed it alone).
const CHUNK_BYTES: u64 = 32 << 20;
/// Items per store transaction, at most; and the longest a transaction waits.
const WRITE_BATCH: usize = 1024;
const WRITE_EVERY: std::time::Duration = std::time::Duration::from_secs(2);
/// Chunks in flight from the reader to the workers.
const IN_FLIGHT: usize = 2;
/// Analysed chunks waiting for the writer, at most, and their raw bytes, at most (one
/// chunk is always let through). The writer stores in batches of several chunks, and
/// while it writes one the workers go on: with room for only a chunk or two they
/// stopped and waited for it, one core idle, several times a run.
const DONE_CHUNKS: usize = 8;
const DONE_BYTES: u64 = 64 << 20;

/// One unit of work from the reader.
enum Work {
    Item {
        raw: Box<RawItem>,
        key: String,
        stamp: Option<SourceStamp>,
    },
    Failed(Failure, Option<SourceStamp>),
    /// Items of an unchanged file, not read again.
    Skipped(usize),
    FileDone(FileDone),
}

/// A file read to its end: its size (for progress) and, for the store, its stamp and
/// how many items it held.
#[derive(Debug, Clone)]
struct FileDone {
    size: u64,
    stamp: Option<SourceStamp>,
    items: usize,
    /// Read again because it changed (not skipped as unchanged).
    read: bool,
}

/// An analysed article with what the store needs of it.
struct Analysed {
    ready: Ready,
    key: String,
    stamp: Option<SourceStamp>,
}

/// What a worker made of one item.
struct Ready {
    /// The per-document record (unanalysed when `view` is given).
    article: Box<Article>,
    /// Template lines known ahead, and the analysed record without them (digest only).
    view: Option<(Vec<usize>, Box<Article>)>,
    /// The corpus passes' signature, computed on the worker (digest only).
    sig: Option<crate::corpus::CorpusSig>,
    /// The records as the store keeps them, serialised on the worker (digest only).
    json: Option<crate::store::RecordJson>,
}

/// Template lines as the workers guess them ahead of the store: the store's verdicts so
/// far, and for lines it has no verdict on, how many articles of this run analysed so far
/// carry them (so that a line repeated by many articles of one batch is dropped from the
/// later ones before their analysis, not after it). Keyed by a hash of the outlet and the
/// line's key. A wrong guess (a collision, a duplicate counted twice, a line a worker saw
/// before another's count reached it) costs only time: the store's corpus pass decides,
/// and analyses again where the guess was wrong.
struct KnownTemplate {
    min_stories: usize,
    lines: std::sync::Mutex<Lines>,
}

#[derive(Default)]
struct Lines {
    /// The store's verdicts: template (`true`) or no longer (`false`).
    verdicts: HashMap<(u64, u64), bool>,
    /// Articles of this run that carry a line, for lines without a verdict.
    seen: HashMap<(u64, u64), u32>,
}

impl KnownTemplate {
    /// Distinct lines counted per run: past it, lines not yet counted are not (the
    /// guess gets worse, memory stays bounded).
    const MAX_SEEN: usize = 1 << 20;

    fn new(min_stories: usize) -> Self {
        KnownTemplate {
            min_stories,
            lines: std::sync::Mutex::new(Lines::default()),
        }
    }

    fn outlet_hash(outlet: &str) -> u64 {
        xxhash_rust::xxh3::xxh3_64(outlet.as_bytes())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Lines> {
        self.lines.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Counts an article's eligible lines as seen once each, then returns the places of
    /// those guessed template.
    fn template_of(&self, outlet: Option<&str>, lines: &[LineSig]) -> Vec<usize> {
        let outlet = Self::outlet_hash(outlet.unwrap_or(""));
        let mut guard = self.lock();
        let Lines { verdicts, seen } = &mut *guard;
        let mut counted = HashSet::new();
        let mut template = Vec::new();
        for (i, l) in lines.iter().enumerate().filter(|(_, l)| l.eligible) {
            let at = (outlet, l.key);
            if let Some(&v) = verdicts.get(&at) {
                if v {
                    template.push(i);
                }
                continue;
            }
            let room = seen.len() < Self::MAX_SEEN;
            let count = match seen.get_mut(&at) {
                Some(c) if counted.insert(at) => {
                    *c += 1;
                    *c
                }
                Some(c) => *c,
                None if room => {
                    counted.insert(at);
                    seen.insert(at, 1);
                    1
                }
                None => 0,
            };
            if count as usize >= self.min_stories {
                template.push(i);
            }
        }
        template
    }

    fn set(&self, outlet: &str, key: u64, template: bool) {
        let at = (Self::outlet_hash(outlet), key);
        let mut lines = self.lock();
        lines.seen.remove(&at);
        lines.verdicts.insert(at, template);
    }
}

/// The outcome of one unit, in input order.
enum Outcome {
    Article(Analysed),
    Failed(Failure, Option<SourceStamp>),
    Skipped(usize),
    FileDone(FileDone),
}

thread_local! {
    /// Set while a worker analyses an item: its panics are recorded, not printed.
    static IN_ITEM: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Installs (once) a panic hook that keeps panics inside an item quiet: the item's
/// failure reports them. Panics elsewhere print as usual.
fn quiet_item_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let inside = IN_ITEM.with(|c| c.borrow().is_some());
            if inside {
                let at = info
                    .location()
                    .map(|l| format!(" at {}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                IN_ITEM.with(|c| *c.borrow_mut() = Some(at));
            } else {
                previous(info);
            }
        }));
    });
}

fn panic_text(p: &(dyn Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_string())
}

/// Runs `f` for one item; a panic becomes the item's failure, with the stage it was in.
fn guarded<T>(source: &str, f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    IN_ITEM.with(|c| *c.borrow_mut() = Some(String::new()));
    pipeline::enter(Stage::Ingest);
    let r = panic::catch_unwind(AssertUnwindSafe(f));
    let at = IN_ITEM.with(|c| c.borrow_mut().take()).unwrap_or_default();
    r.unwrap_or_else(|p| {
        Err(Failure::new(
            source,
            pipeline::current_stage(),
            format!(
                "internal error: {}{at} (a bug in storyline: the run went on without this item)",
                panic_text(p.as_ref())
            ),
        ))
    })
}

/// The stamp of a file: canonical path, size, modification time.
fn stamp_of(file: &InputFile) -> Option<SourceStamp> {
    let id = file.id()?;
    Some(SourceStamp {
        path: id.canonical.to_string_lossy().into_owned(),
        size: id.size,
        mtime: id.modified_unix_ns().map_or(0, |ns| ns as i64),
    })
}

/// The store's key of an item: its file's canonical path, then its place in the file.
fn item_key(stamp: Option<&SourceStamp>, source: &Source) -> String {
    let base = stamp.map_or_else(|| source.path.clone(), |s| s.path.clone());
    match (&source.record_id, source.line) {
        (Some(r), _) => format!("{base}#{r}"),
        (None, Some(l)) => format!("{base}:{l}"),
        (None, None) => base,
    }
}

/// The places of a file's items met so far. WARC records are keyed by their record id,
/// which a record may lack (or repeat): the second and later items at one place are told
/// apart by their count (`KEY~2`), so that each is its own source and none replaces another.
/// (JSON lines are keyed by line, which never repeats: they are not kept.)
#[derive(Default)]
struct Places(std::collections::HashMap<u64, u32>);

impl Places {
    fn unique(&mut self, key: String, source: &Source) -> String {
        if source.line.is_some() {
            return key;
        }
        let seen = self
            .0
            .entry(xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
            .or_default();
        *seen += 1;
        if *seen == 1 {
            key
        } else {
            format!("{key}~{seen}")
        }
    }
}

/// What the reader asks the store (a connection of its own).
struct Known {
    store: Store,
}

impl Known {
    fn file(&self, stamp: &SourceStamp) -> SourceState {
        self.store.source_state(stamp).unwrap_or(SourceState::New)
    }
    fn item(&self, key: &str, stamp: &SourceStamp) -> bool {
        self.store.has_item(key, stamp).unwrap_or(false)
    }
}

/// Lists the inputs (leaving out the store's own files) and their total size.
fn list_inputs(paths: &[PathBuf], store_file: Option<&Path>) -> (Vec<InputFile>, Vec<Failure>, Vec<u64>) {
    let (mut files, failures) = ingest::list_files(paths);
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
    let sizes = files.iter().map(|f| f.size().unwrap_or(0)).collect();
    (files, failures, sizes)
}

/// The reader: streams every item of every file, in order, in chunks.
fn read_inputs(
    files: Vec<InputFile>,
    sizes: Vec<u64>,
    listing_failures: Vec<Failure>,
    pipeline: &Pipeline,
    known: Option<Known>,
    out: std::sync::mpsc::SyncSender<Vec<Work>>,
) {
    let cfg = pipeline.ingest_config();
    let mut chunk: Vec<Work> = Vec::with_capacity(CHUNK_ITEMS);
    let mut bytes = 0u64;
    // The bytes of the files not yet read, and the items read so far with their bytes:
    // how many items are left, roughly, so that the last chunks can be smaller.
    let mut left: u64 = sizes.iter().sum();
    let mut read = (0u64, 0u64);
    let mut cap = CHUNK_ITEMS;
    let flush = |chunk: &mut Vec<Work>, bytes: &mut u64, cap: usize, force: bool| -> bool {
        let items = chunk.iter().filter(|w| matches!(w, Work::Item { .. })).count();
        if force || items >= cap || *bytes >= CHUNK_BYTES {
            *bytes = 0;
            if !chunk.is_empty() {
                return out.send(std::mem::take(chunk)).is_ok();
            }
        }
        true
    };
    chunk.extend(listing_failures.into_iter().map(|f| Work::Failed(f, None)));
    for (file, size) in files.iter().zip(sizes) {
        cap = tapered_chunk(left, read);
        left = left.saturating_sub(size);
        let stamp = stamp_of(file);
        if let (Some(k), Some(s)) = (&known, &stamp) {
            if let SourceState::Unchanged(n) = k.file(s) {
                chunk.push(Work::Skipped(n));
                chunk.push(Work::FileDone(FileDone {
                    size,
                    stamp: None,
                    items: n,
                    read: false,
                }));
                continue;
            }
        }
        let shown = file.shown();
        let mut items = ingest::open(file, &cfg);
        let mut count = 0;
        let mut places = Places::default();
        loop {
            // Reading is guarded too: a panic in a reader ends that file, not the run.
            let next = guarded(&shown, || Ok(items.next()));
            let item = match next {
                Ok(Some(item)) => item,
                Ok(None) => break,
                Err(f) => {
                    chunk.push(Work::Failed(f, stamp.clone()));
                    count += 1;
                    break;
                }
            };
            count += 1;
            match item {
                Ok(raw) => {
                    let key = places.unique(item_key(stamp.as_ref(), &raw.source), &raw.source);
                    if let (Some(k), Some(s)) = (&known, &stamp) {
                        if k.item(&key, s) {
                            chunk.push(Work::Skipped(1));
                            continue;
                        }
                    }
                    bytes += raw.bytes;
                    read = (read.0 + 1, read.1 + raw.bytes);
                    chunk.push(Work::Item {
                        raw: Box::new(raw),
                        key,
                        stamp: stamp.clone(),
                    });
                }
                Err(f) => chunk.push(Work::Failed(f, stamp.clone())),
            }
            if !flush(&mut chunk, &mut bytes, cap, false) {
                return;
            }
        }
        // Written after the file's items: a run killed before it reads the file again
        // (skipping the items it had stored) rather than trusting a half-read file.
        chunk.push(Work::FileDone(FileDone {
            size,
            stamp,
            items: count,
            read: true,
        }));
    }
    flush(&mut chunk, &mut bytes, cap, true);
}

/// Items per chunk when `left` bytes of input are left (the file about to be read and
/// those after it) and `read` items of so many bytes came before: [`CHUNK_ITEMS`] while
/// many are left, then a quarter of what is left, [`MIN_CHUNK_ITEMS`] at least. The
/// workers' last chunk and the writer's last batch are then small: what the writer has
/// left to store when the workers finish, with the other core idle, is a few items rather
/// than a chunk or two. Set once a file, so a large last file (a WARC, JSON Lines) is read
/// in full chunks.
fn tapered_chunk(left: u64, read: (u64, u64)) -> usize {
    let (items, bytes) = read;
    if items == 0 || bytes == 0 {
        return CHUNK_ITEMS;
    }
    let left = (left as f64 * items as f64 / bytes as f64) as usize;
    (left / 4).clamp(MIN_CHUNK_ITEMS, CHUNK_ITEMS)
}

/// Analyses one chunk on the pool, keeping its order.
fn analyze_chunk(
    chunk: Vec<Work>,
    pipeline: &Pipeline,
    pool: &rayon::ThreadPool,
    known: Option<&KnownTemplate>,
) -> Vec<Outcome> {
    match known {
        None => analyze_with(chunk, pool, &|raw: RawItem| {
            pipeline.analyze(raw).map(|a| Ready {
                article: Box::new(a),
                view: None,
                sig: None,
                json: None,
            })
        }),
        Some(known) => {
            let known = |outlet: Option<&str>, lines: &[LineSig]| known.template_of(outlet, lines);
            analyze_with(chunk, pool, &|raw: RawItem| {
                let shown = raw.source.key();
                let p = pipeline.analyze_known(raw, &known)?;
                // A record that cannot be written (a number JSON cannot hold) is this
                // item's failure, not a record that no command could read back.
                let json =
                    crate::store::RecordJson::new(&p.doc, p.view.as_ref().map(|v| &v.1)).map_err(|e| {
                        Failure::new(shown, Stage::Store, format!("its record cannot be stored: {e}"))
                    })?;
                Ok(Ready {
                    article: Box::new(p.doc),
                    view: p.view.map(|(t, v)| (t, Box::new(v))),
                    sig: Some(p.sig),
                    json: Some(json),
                })
            })
        }
    }
}

/// Whether the writer has another analysed chunk waiting when it takes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Waiting,
    Idle,
}

type Analyze<'a> = &'a (dyn Fn(RawItem) -> Result<Ready, Failure> + Sync);

/// Runs `analyze` over a chunk's items on the pool, each item guarded, order kept.
fn analyze_with(chunk: Vec<Work>, pool: &rayon::ThreadPool, analyze: Analyze<'_>) -> Vec<Outcome> {
    pool.install(|| {
        chunk
            .into_par_iter()
            .map(|w| match w {
                Work::Item { raw, key, stamp } => {
                    let shown = raw.source.key();
                    match guarded(&shown, || analyze(*raw)) {
                        Ok(ready) => Outcome::Article(Analysed { ready, key, stamp }),
                        Err(f) => Outcome::Failed(f, stamp),
                    }
                }
                Work::Failed(f, s) => Outcome::Failed(f, s),
                Work::Skipped(n) => Outcome::Skipped(n),
                Work::FileDone(b) => Outcome::FileDone(b),
            })
            .collect()
    })
}

/// The worker pool, each worker set to warm the pipeline up ([`Pipeline::warm_up`]) at
/// once: that runs while the caller opens its store and lists its inputs, and two
/// workers build different tables rather than one waiting on the other's.
fn pool(opts: RunOptions, pipeline: &Pipeline) -> Result<rayon::ThreadPool, Error> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs)
        .thread_name(|i| format!("storyline-worker-{i}"))
        .build()
        .map_err(|e| Error::Input(format!("cannot start {} worker threads: {e}", opts.jobs)))?;
    for turn in 0..pool.current_num_threads().min(2) {
        let p = pipeline.clone();
        pool.spawn(move || p.warm_up(turn));
    }
    Ok(pool)
}

/// Runs the reader on its own thread, analyses its chunks on the pool, and hands each
/// analysed chunk, in order, to `each` on a thread of its own (the writer), so that
/// writing one chunk overlaps analysing the next. `each` also learns whether another
/// chunk is already waiting ([`Next`]): a writer with nothing waiting can write now
/// rather than leave its rows for the end of the run.
fn run_chunks(
    paths: &[PathBuf],
    store_file: Option<&Path>,
    pipeline: &Pipeline,
    pool: &rayon::ThreadPool,
    known: Option<&KnownTemplate>,
    obs: &mut dyn Observer,
    each: impl FnMut(Vec<Outcome>, Next) -> Result<(), Error> + Send,
) -> Result<(), Error> {
    quiet_item_panics();
    let (files, listing_failures, sizes) = list_inputs(paths, store_file);
    obs.start(files.len(), sizes.iter().sum());
    let stored = match store_file {
        Some(db) if db.exists() => Some(Known {
            store: Store::open(db)?,
        }),
        _ => None,
    };
    let (tx, rx): (_, Receiver<Vec<Work>>) = sync_channel(IN_FLIGHT);
    let (done_tx, done_rx) = sync_channel::<(Vec<Outcome>, u64)>(DONE_CHUNKS);
    let gate = ByteGate::new(DONE_BYTES);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || read_inputs(files, sizes, listing_failures, pipeline, stored, tx));
        let gate = &gate;
        let writer = scope.spawn(move || {
            let mut each = each;
            let mut write = || {
                let mut next = done_rx.recv().ok();
                while let Some((outcomes, bytes)) = next.take() {
                    gate.release(bytes);
                    next = done_rx.try_recv().ok();
                    let waiting = if next.is_some() { Next::Waiting } else { Next::Idle };
                    each(outcomes, waiting)?;
                    if next.is_none() {
                        next = done_rx.recv().ok();
                    }
                }
                Ok::<(), Error>(())
            };
            let written = write();
            // A writer that stopped on an error takes no more: nothing may wait for it.
            gate.close();
            written
        });
        for chunk in rx.iter() {
            let bytes = chunk_bytes(&chunk);
            let outcomes = analyze_chunk(chunk, pipeline, pool, known);
            for o in &outcomes {
                match o {
                    Outcome::Article(a) => obs.item(&a.ready.article.source.key(), true),
                    Outcome::Failed(f, _) => obs.item(&f.source, false),
                    Outcome::FileDone(f) => obs.file_done(f.size),
                    Outcome::Skipped(_) => {}
                }
            }
            gate.acquire(bytes);
            if done_tx.send((outcomes, bytes)).is_err() {
                break; // the writer stopped on an error: it says which
            }
        }
        drop(done_tx);
        drop(rx);
        let written = writer
            .join()
            .unwrap_or_else(|_| Err(Error::Input("the store writer stopped unexpectedly".into())));
        let read = reader
            .join()
            .map_err(|_| Error::Input("the input reader stopped unexpectedly".into()));
        written.and(read)
    })
}

/// The raw bytes of a chunk's items.
fn chunk_bytes(chunk: &[Work]) -> u64 {
    chunk
        .iter()
        .map(|w| match w {
            Work::Item { raw, .. } => raw.bytes,
            _ => 0,
        })
        .sum()
}

/// Bounds the raw bytes of the analysed chunks waiting for the writer. A chunk larger
/// than the bound alone is let through when nothing else waits.
struct ByteGate {
    cap: u64,
    /// Bytes waiting, and whether the writer has stopped.
    state: std::sync::Mutex<(u64, bool)>,
    freed: std::sync::Condvar,
}

impl ByteGate {
    fn new(cap: u64) -> Self {
        ByteGate {
            cap,
            state: std::sync::Mutex::new((0, false)),
            freed: std::sync::Condvar::new(),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, (u64, bool)> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until `bytes` more fit (or nothing waits, or the writer has stopped), then
    /// counts them in.
    fn acquire(&self, bytes: u64) {
        let mut s = self.lock();
        while !s.1 && s.0 > 0 && s.0 + bytes > self.cap {
            s = self.freed.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        s.0 += bytes;
    }

    /// Counts `bytes` out: the writer has taken their chunk.
    fn release(&self, bytes: u64) {
        let mut s = self.lock();
        s.0 = s.0.saturating_sub(bytes);
        self.freed.notify_all();
    }

    /// The writer has stopped: no one waits for room any more.
    fn close(&self) {
        self.lock().1 = true;
        self.freed.notify_all();
    }
}

/// Runs the language stages again on articles whose text the corpus passes trimmed, on
/// the pool; a panic leaves that article without its analysis, with a warning.
fn revise_all(articles: &mut [Article], pipeline: &Pipeline, pool: &rayon::ThreadPool) {
    pool.install(|| {
        articles.par_iter_mut().for_each(|a| {
            let shown = a.source.key();
            if let Err(f) = guarded(&shown, || {
                pipeline.language_stages(a);
                Ok(())
            }) {
                a.entities.clear();
                a.quotes.clear();
                a.timexes.clear();
                a.sentence_dates.clear();
                a.warnings.push(f.reason);
            }
        })
    })
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
    opts: RunOptions,
    obs: &mut dyn Observer,
) -> Result<Analysis, Error> {
    let mut articles = Vec::new();
    let mut failures = Vec::new();
    let mut items = 0;
    let mut bytes = 0;
    let pool = pool(opts, pipeline)?;
    run_chunks(paths, None, pipeline, &pool, None, obs, |outcomes, _| {
        for o in outcomes {
            match o {
                Outcome::Article(a) => {
                    items += 1;
                    bytes += a.ready.article.text.len() as u64;
                    articles.push(*a.ready.article);
                }
                Outcome::Failed(f, _) => {
                    items += 1;
                    failures.push(f);
                }
                Outcome::Skipped(_) | Outcome::FileDone(_) => {}
            }
        }
        Ok(())
    })?;
    pipeline.finish(&mut articles);
    Ok(Analysis {
        articles,
        failures,
        items,
        bytes,
    })
}

/// The digest of a run: what was read, what it added, what is in the store.
#[derive(Debug, Clone, Serialize)]
pub struct Digest {
    pub run: i64,
    pub store: String,
    /// Items met in this run: `skipped + added + already + failed`.
    pub items: usize,
    /// Items of unchanged inputs that an earlier run stored, not read again.
    pub skipped: usize,
    /// New distinct articles stored by this run.
    pub added: usize,
    /// Of `added`, the new versions of items whose file was edited since it was read
    /// (each replaced the article the old version had given).
    pub replaced: usize,
    /// Of `added`, articles an earlier run stored without a date that an item of this run
    /// dates (a sidecar given since): stored again, analysed against the date.
    pub dated: usize,
    /// Items whose text the store already had (the same article from another item).
    pub already: usize,
    /// Items that failed (each in `failures`).
    pub failed: usize,
    pub seconds: f64,
    /// Clean text analysed, in bytes.
    pub bytes: u64,
    /// What the corpus passes changed.
    pub corpus: CorpusReport,
    /// The whole store after the run.
    pub articles: usize,
    pub outlets: Vec<crate::store::OutletCount>,
    /// The duplicate groups this run's articles are in, with every member.
    pub duplicate_groups: Vec<crate::store::DupGroup>,
    /// Failures of this run.
    pub failures: Vec<Failure>,
    /// Articles this run placed in events (copies included).
    pub stories_placed: usize,
    /// Articles this run could not place for want of a date (none in their metadata, a
    /// sidecar or their text): they stay out of every story until one is given.
    pub stories_undated: usize,
    /// Storylines this run created or changed, and the newest of them (at most
    /// `DIGEST_STORIES`) with their `DIGEST_EVENTS` largest events.
    pub stories_changed: usize,
    pub stories: Vec<crate::store::stories::StorylineRow>,
    /// Figures in the articles this run added (copies left out), and the measures they
    /// name.
    pub figures: usize,
    pub measures: usize,
    /// Articles in the store analysed by an older version of the analysis
    /// ([`PIPELINE_VERSION`]): `reanalyze` brings them up to date.
    pub older_analyses: usize,
}

/// Changed storylines a digest lists.
pub const DIGEST_STORIES: usize = 20;
/// Events a digest lists of each (the largest; `event_count` gives them all).
pub const DIGEST_EVENTS: usize = 3;

/// Takes a chunk of outcomes into the digest's pending writes and counts.
fn queue_outcomes(outcomes: Vec<Outcome>, pipeline: &Pipeline, d: &mut Digest, pending: &mut Vec<Stored>) {
    for o in outcomes {
        match o {
            Outcome::Article(Analysed {
                ready:
                    Ready {
                        article,
                        view,
                        sig,
                        json,
                    },
                key,
                stamp,
            }) => {
                d.bytes += view.as_ref().map_or(&article.text, |v| &v.1.text).len() as u64;
                let sig = sig.unwrap_or_else(|| pipeline.corpus_sigs(&article));
                // Standard input has no file to key by: its content does.
                let (key, stamp) = match stamp {
                    Some(s) => (key, s),
                    None => (
                        format!("-#{}", article.id),
                        SourceStamp {
                            path: "-".into(),
                            size: 0,
                            mtime: 0,
                        },
                    ),
                };
                pending.push(Stored::Article {
                    article,
                    view,
                    key,
                    stamp,
                    sig,
                    json,
                });
            }
            Outcome::Failed(f, stamp) => {
                d.failures.push(f.clone());
                pending.push(Stored::Failure { failure: f, stamp });
            }
            Outcome::Skipped(n) => d.skipped += n,
            Outcome::FileDone(FileDone {
                stamp: Some(stamp),
                items,
                read: true,
                ..
            }) => pending.push(Stored::File { stamp, items }),
            Outcome::FileDone(_) => {}
        }
    }
}

/// Ingests everything under `paths` into the store at `db` and returns the digest.
pub fn digest(
    paths: &[PathBuf],
    db: &Path,
    pipeline: &Pipeline,
    opts: RunOptions,
    obs: &mut dyn Observer,
) -> Result<Digest, Error> {
    let started = Instant::now();
    let mut clock = PhaseClock(started);
    let pool = pool(opts, pipeline)?;
    let mut store = Store::open(db)?;
    store.check_corpus_settings(&pipeline.config().dedup, &pipeline.config().template)?;
    let inputs: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let run = store.begin_run(&inputs, PIPELINE_VERSION)?;
    let mut d = Digest {
        run,
        store: db.display().to_string(),
        items: 0,
        skipped: 0,
        added: 0,
        replaced: 0,
        dated: 0,
        already: 0,
        failed: 0,
        seconds: 0.0,
        bytes: 0,
        corpus: CorpusReport::default(),
        articles: 0,
        outlets: Vec::new(),
        duplicate_groups: Vec::new(),
        failures: Vec::new(),
        stories_placed: 0,
        stories_undated: 0,
        stories_changed: 0,
        stories: Vec::new(),
        figures: 0,
        measures: 0,
        older_analyses: 0,
    };
    // The log is copied into the store beside the writer, so that the copy of the last
    // batches does not hold up the end of the ingest (the writer's own checkpoint, at
    // the end of the run when the log fills late, left every other thread idle).
    store.checkpoint_beside(db)?;
    let template = pipeline.config().template;
    let mut pending: Vec<Stored> = Vec::with_capacity(WRITE_BATCH);
    let mut last_write = Instant::now();
    let mut batch = CHUNK_ITEMS;
    let known = KnownTemplate::new(template.min_stories);
    for (outlet, key) in store.template_lines(template.min_stories)? {
        known.set(&outlet, key, true);
    }
    let revise = |articles: &mut [Article]| revise_all(articles, pipeline, &pool);
    let rules = CorpusRules {
        dedup: &pipeline.config().dedup,
        template: &template,
        revise: &revise,
    };
    let write = |store: &mut Store, d: &mut Digest, pending: &mut Vec<Stored>| -> Result<(), Error> {
        let res = store.write_batch(d.run, pending, &rules)?;
        d.corpus.add(&res.corpus);
        for (outlet, key, now) in &res.turned {
            known.set(outlet, *key, *now);
        }
        d.added += res.added;
        d.already += res.already;
        d.replaced += res.replaced;
        d.dated += res.dated;
        d.failed += res.failed;
        pending.clear();
        Ok(())
    };
    run_chunks(
        paths,
        Some(db),
        pipeline,
        &pool,
        Some(&known),
        obs,
        |outcomes, next| {
            queue_outcomes(outcomes, pipeline, &mut d, &mut pending);
            // Fewer, larger transactions (each commit flushes the text indexes), but small
            // ones first, so that the template lines they find are known ahead sooner; and
            // whenever the writer would otherwise wait for the workers, so that what is left
            // to write when they finish is the last small chunk ([`tapered_chunk`]), not
            // half the last batch.
            let idle = next == Next::Idle && !pending.is_empty();
            if idle || pending.len() >= batch || last_write.elapsed() >= WRITE_EVERY {
                write(&mut store, &mut d, &mut pending)?;
                last_write = Instant::now();
                batch = (batch * 2).min(WRITE_BATCH);
            }
            Ok(())
        },
    )?;
    write(&mut store, &mut d, &mut pending)?;
    clock.end(obs, Phase::Ingest);
    // The serial end of the run. The log is copied into the store beside it only; once
    // the duplicate verdicts and dates are final, the first chunk of stories is worked
    // out on a thread of its own while the entity directory is written (and written
    // after it only if no other digest committed meanwhile).
    store.checkpoint_only_beside(db)?;
    d.corpus.add(&store.corpus_groups(&rules)?);
    clock.end(obs, Phase::CorpusGroups);
    let version = store.data_version()?;
    let cfg = crate::stories::StoryConfig::default();
    let (directory, ahead) = std::thread::scope(|scope| {
        let ahead = scope.spawn(|| Store::plan_stories(db, &cfg));
        let directory = store.entity_directory(&rules);
        (directory, ahead.join())
    });
    d.corpus.add(&directory?);
    clock.end(obs, Phase::Directory);
    // A plan that failed (or a thread that panicked) is worked out again by the writer.
    let ahead = ahead.ok().and_then(Result::ok).map(|p| (p, version));
    let placed = store.place_stories(&cfg, ahead)?;
    d.stories_placed = placed.placed;
    d.stories_undated = placed.unplaced;
    d.stories_changed = placed.storylines.len();
    clock.end(obs, Phase::Stories);
    d.stories = store.newest_of(&placed.storylines, DIGEST_STORIES, DIGEST_EVENTS)?;
    d.items = d.skipped + d.added + d.already + d.failed;
    store.end_run(run, d.items, d.added, d.failed)?;
    d.articles = store.counts()?.0;
    d.older_analyses = store.stale(PIPELINE_VERSION)?;
    d.outlets = store.outlet_counts()?;
    d.duplicate_groups = store.duplicate_groups(Some(run))?;
    (d.figures, d.measures) = store.run_figures(run)?;
    clock.end(obs, Phase::Report);
    d.seconds = started.elapsed().as_secs_f64();
    Ok(d)
}

/// What `reanalyze` did.
#[derive(Debug, Clone, Serialize)]
pub struct Reanalysis {
    pub store: String,
    /// Articles analysed again.
    pub articles: usize,
    pub corpus: CorpusReport,
    pub seconds: f64,
}

/// An article analysed again with its record serialised, or why it could not be.
type Redone = Result<(Article, String), Failure>;

/// Runs the analysis stages again over the store's articles, from their stored clean
/// text (no re-ingest): those analysed by an older pipeline, or all with `all`.
pub fn reanalyze(
    db: &Path,
    pipeline: &Pipeline,
    all: bool,
    opts: RunOptions,
    obs: &mut dyn Observer,
) -> Result<Reanalysis, Error> {
    quiet_item_panics();
    let started = Instant::now();
    let mut store = Store::open_existing(db)?;
    store.check_corpus_settings(&pipeline.config().dedup, &pipeline.config().template)?;
    let pool = pool(opts, pipeline)?;
    let below = if all { u32::MAX } else { PIPELINE_VERSION };
    obs.start(store.stale(below)?, 0);
    let mut after = 0i64;
    let mut count = 0;
    let revise = |articles: &mut [Article]| revise_all(articles, pipeline, &pool);
    let rules = CorpusRules {
        dedup: &pipeline.config().dedup,
        template: &pipeline.config().template,
        revise: &revise,
    };
    let mut placed = CorpusReport::default();
    loop {
        let batch = store.stale_batch(below, after, CHUNK_ITEMS)?;
        let Some(&(last, _)) = batch.last() else {
            break;
        };
        after = last;
        let redone: Vec<(i64, Redone)> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|(n, mut a)| {
                    let shown = a.source.key();
                    let r = guarded(&shown, || {
                        pipeline.reanalyze(&mut a);
                        // A record that cannot be written is this article's failure (its
                        // stored record stays), not the run's.
                        serde_json::to_string(&a).map_err(|e| {
                            Failure::new(
                                shown.clone(),
                                Stage::Store,
                                format!("its record cannot be stored: {e}"),
                            )
                        })
                    });
                    (n, r.map(|doc| (a, doc)))
                })
                .collect()
        });
        let mut ok = Vec::with_capacity(redone.len());
        for (n, r) in redone {
            match r {
                Ok((a, doc)) => {
                    obs.item(&a.source.key(), true);
                    ok.push((n, a, doc));
                }
                Err(f) => {
                    obs.item(&f.source, false);
                    eprintln!("storyline: {}: {}", f.source, f.reason);
                }
            }
        }
        count += ok.len();
        placed.add(&store.replace_analysis(&ok, PIPELINE_VERSION, &rules)?);
    }
    let mut corpus = store.corpus_pass(&rules)?;
    corpus.add(&placed);
    Ok(Reanalysis {
        store: db.display().to_string(),
        articles: count,
        corpus,
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// A storyline (or one of its events) with its articles' records, to summarise, put on a
/// timeline and list who said what. The summaries and timelines borrow from it.
pub struct Story {
    pub storyline: crate::store::stories::StorylineRow,
    /// The event asked for, when an event's id was given.
    pub event: Option<crate::store::stories::EventRow>,
    /// The records of the articles (of the event, when one was asked for), by publication.
    pub articles: Vec<Article>,
    /// Per article, its entities' corpus-wide ids by their local ids.
    entity_ids: BTreeMap<String, BTreeMap<String, String>>,
    /// The names of the corpus-wide entities that speak in it (the fullest name seen).
    entity_names: BTreeMap<String, String>,
    /// Each article's event.
    event_of: BTreeMap<String, String>,
}

/// What one speaker said in a story: their direct quotes, by publication.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StorySpeaker {
    pub name: String,
    /// The corpus-wide entity, when the speaker was resolved to one.
    pub entity: Option<String>,
    /// Roles as the articles give them, first seen first.
    pub roles: Vec<String>,
    /// Outlets that quote them, first seen first.
    pub outlets: Vec<String>,
    pub quotes: Vec<SpeakerQuote>,
}

/// One direct quote of a speaker.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpeakerQuote {
    /// The quoted words (parts joined with " … ").
    pub text: String,
    pub article: String,
    pub outlet: Option<String>,
    /// A date or a date-time with its zone (ISO 8601).
    pub published: Option<String>,
    /// Other articles of the story that carry the same words from the same speaker
    /// (syndicated copies, or outlets quoting one statement), by publication: the
    /// statement is listed once, with every source kept.
    pub also: Vec<QuoteCarrier>,
}

/// An article that carries a quote listed under another.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuoteCarrier {
    pub article: String,
    pub outlet: Option<String>,
    /// A date or a date-time with its zone (ISO 8601).
    pub published: Option<String>,
}

/// A quote's words as compared for carrying one statement: its words as dedup reads them
/// (letters and digits, lower case), so quotation marks, dashes and spacing that differ
/// between copies do not.
fn statement_key(text: &str) -> String {
    crate::corpus::dedup::words_of(&text.to_lowercase()).join(" ")
}

/// A source of a story with the syndicated copies of it folded under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StorySource {
    pub article: crate::store::stories::StoryArticle,
    pub copies: Vec<crate::store::stories::StoryArticle>,
}

/// Sentences per storyline summary in listings (`stories`).
pub const SUMMARY_SENTENCES: usize = 3;

/// Sentences of the summary of one story (`story`).
pub const STORY_SUMMARY_SENTENCES: usize = 5;

/// Articles whose records a story reads at most (see [`Story::load`]): a storyline of
/// thousands of articles is summarised from its largest events, in bounded time.
pub const STORY_ARTICLES: usize = 300;

/// Articles framing compares at most (about 30 ms on one core for this many): a cold
/// story page must stay quick (`bench/serve_load.sh`).
pub const FRAMING_ARTICLES: usize = 30;

impl Story {
    fn views(&self) -> Vec<crate::stories::summary::ArticleView<'_>> {
        self.articles.iter().map(Into::into).collect()
    }

    /// An extractive summary, balanced across outlets.
    pub fn summary(&self, sentences: usize) -> crate::stories::summary::Summary<'_> {
        let opts = crate::stories::summary::SummaryOptions {
            sentences,
            ..Default::default()
        };
        crate::stories::summary::summarize(&self.views(), &opts)
    }

    /// The story's figures by measure, with discrepancies and trends (copies count once;
    /// counts with no scope from different events are read as separate happenings); a cited
    /// speaker's entity is the corpus-wide id.
    pub fn figures(&self) -> Vec<crate::claims::TrackedMeasure> {
        let articles: Vec<&Article> = self.articles.iter().collect();
        let mut measures = crate::claims::track_events(&articles, &|id| self.event_of.get(id).cloned());
        for m in &mut measures {
            for c in &mut m.claims {
                if let Some(cited) = c.figure.cited.as_mut() {
                    let global = cited
                        .entity
                        .as_ref()
                        .and_then(|l| self.entity_ids.get(&c.article)?.get(l));
                    cited.entity = global.cloned();
                }
            }
        }
        measures
    }

    /// The articles framing reads: copies of another article left out (they carry the
    /// original's words), at most [`FRAMING_ARTICLES`], taken from the outlets in turn
    /// (each outlet's latest first) so that every outlet is heard.
    fn framing_articles(&self) -> Vec<&Article> {
        let mut by_outlet: BTreeMap<&str, Vec<&Article>> = BTreeMap::new();
        for a in self.articles.iter().rev().filter(|a| a.duplicate_of.is_none()) {
            by_outlet
                .entry(a.outlet.as_deref().unwrap_or(""))
                .or_default()
                .push(a);
        }
        let mut queues: Vec<std::vec::IntoIter<&Article>> =
            by_outlet.into_values().map(Vec::into_iter).collect();
        let mut out = Vec::new();
        while out.len() < FRAMING_ARTICLES {
            let before = out.len();
            for q in &mut queues {
                if out.len() < FRAMING_ARTICLES {
                    out.extend(q.next());
                }
            }
            if out.len() == before {
                break;
            }
        }
        out.sort_by(|a, b| {
            let day = |x: &Article| x.published.as_ref().map(|p| p.date());
            (day(a), &a.id).cmp(&(day(b), &b.id))
        });
        out
    }

    /// How each outlet framed the story (`framing::analyze` over at most
    /// [`FRAMING_ARTICLES`] of its articles, the story's own counts as the log-odds prior),
    /// with the figures each outlet leaves out filled from the story's `measures`
    /// ([`Story::figures`], passed in so that a caller showing both works them out once): a
    /// measure at least two other outlets report (all others when there are two), with one
    /// of their claims as the example.
    pub fn framing(&self, measures: &[crate::claims::TrackedMeasure]) -> crate::framing::Framing {
        let articles = self.framing_articles();
        let mut framing = crate::framing::analyze(&articles, None);
        crate::framing::add_figure_omissions(&mut framing, measures);
        framing
    }

    /// The sentence of one of the story's articles that holds `r` (the title for a title
    /// span), for showing a framing example.
    pub fn sentence_of(&self, r: &crate::framing::TextRef) -> Option<&str> {
        let a = self.articles.iter().find(|a| a.id == r.article)?;
        match r.part {
            crate::framing::Part::Title => a.title.as_deref(),
            crate::framing::Part::Body => {
                let k = a.sentences.partition_point(|s| s.end <= r.span.start);
                a.sentences.get(k).and_then(|s| s.slice(&a.text))
            }
        }
    }

    /// The dated timeline (`dates`: how many; `None` lets the scores decide).
    pub fn timeline(&self, dates: Option<usize>) -> crate::stories::timeline::Timeline<'_> {
        let opts = crate::stories::timeline::TimelineOptions {
            dates,
            ..Default::default()
        };
        crate::stories::timeline::build_timeline(&self.views(), &opts)
    }

    /// Who said what, by speaker (most quoted first, then by name): the direct quotes of
    /// named speakers, a speaker being their corpus-wide entity where resolved, else
    /// their name.
    ///
    /// A statement carried by several articles (the same words from the same speaker:
    /// syndicated copies, or outlets quoting one press release) is listed once, under the
    /// first original article that carries it, with the others in `also`.
    pub fn speakers(&self) -> Vec<StorySpeaker> {
        let mut by: BTreeMap<String, StorySpeaker> = BTreeMap::new();
        // Per speaker, each statement's place in their quotes.
        let mut statements: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
        let copies: std::collections::HashSet<&str> = self
            .storyline
            .events
            .iter()
            .flat_map(|e| &e.articles)
            .filter(|a| a.copy_of.is_some())
            .map(|a| a.id.as_str())
            .collect();
        // Originals before copies, then by publication: the first article to carry a
        // statement heads it.
        let mut said: Vec<(&Article, &crate::quotes::Quote)> = self.quotes().collect();
        said.sort_by(|(a, _), (b, _)| {
            let rank = |x: &Article| {
                (
                    copies.contains(x.id.as_str()),
                    x.published.as_ref().map(|p| p.value),
                )
            };
            rank(a).cmp(&rank(b)).then_with(|| a.id.cmp(&b.id))
        });
        for (a, q) in said {
            let entity = q
                .speaker_entity
                .as_ref()
                .and_then(|l| self.entity_ids.get(&a.id)?.get(l))
                .cloned();
            // A resolved speaker by the entity's name ("Assad" quoted, "Bashar al-Assad"
            // listed), else as written.
            let name = entity
                .as_ref()
                .and_then(|e| self.entity_names.get(e))
                .or(q.speaker_name.as_ref())
                .cloned()
                .unwrap_or_default();
            let key = entity.clone().unwrap_or_else(|| format!("name:{name}"));
            let sp = by.entry(key.clone()).or_insert_with(|| StorySpeaker {
                name,
                entity,
                roles: Vec::new(),
                outlets: Vec::new(),
                quotes: Vec::new(),
            });
            if let Some(r) = q.role.as_ref().filter(|r| !sp.roles.contains(r)) {
                sp.roles.push(r.clone());
            }
            if let Some(o) = a.outlet.as_ref().filter(|o| !sp.outlets.contains(o)) {
                sp.outlets.push(o.clone());
            }
            let text = q.content(&a.text);
            let carrier = QuoteCarrier {
                article: a.id.clone(),
                outlet: a.outlet.clone(),
                published: a.published.as_ref().map(|p| p.value.to_string()),
            };
            match statements.entry(key).or_default().entry(statement_key(&text)) {
                std::collections::btree_map::Entry::Occupied(k) => sp.quotes[*k.get()].also.push(carrier),
                std::collections::btree_map::Entry::Vacant(k) => {
                    k.insert(sp.quotes.len());
                    sp.quotes.push(SpeakerQuote {
                        text,
                        article: carrier.article,
                        outlet: carrier.outlet,
                        published: carrier.published,
                        also: Vec::new(),
                    });
                }
            }
        }
        // Each speaker's statements by publication again (the story's article order).
        let place: std::collections::HashMap<&str, usize> = self
            .articles
            .iter()
            .enumerate()
            .map(|(k, a)| (a.id.as_str(), k))
            .collect();
        for sp in by.values_mut() {
            sp.quotes.sort_by_key(|q| place.get(q.article.as_str()).copied());
        }
        let mut out: Vec<StorySpeaker> = by.into_values().collect();
        out.iter_mut().for_each(|sp| fold_roles(&mut sp.roles));
        out.sort_by(|a, b| b.quotes.len().cmp(&a.quotes.len()).then(a.name.cmp(&b.name)));
        out
    }

    /// The story's articles with syndicated copies folded under the article they copy
    /// (a copy whose original is not in the story stands on its own), by publication.
    pub fn sources(&self) -> Vec<StorySource> {
        let events = match &self.event {
            Some(e) => std::slice::from_ref(e),
            None => &self.storyline.events[..],
        };
        let all: Vec<&crate::store::stories::StoryArticle> =
            events.iter().flat_map(|e| &e.articles).collect();
        let ids: std::collections::HashSet<&str> = all.iter().map(|a| a.id.as_str()).collect();
        let mut copies: BTreeMap<&str, Vec<crate::store::stories::StoryArticle>> = BTreeMap::new();
        let mut out = Vec::new();
        for a in &all {
            match a.copy_of.as_deref().filter(|o| ids.contains(o)) {
                Some(o) => copies.entry(o).or_default().push((*a).clone()),
                None => out.push(StorySource {
                    article: (*a).clone(),
                    copies: Vec::new(),
                }),
            }
        }
        for s in &mut out {
            s.copies = copies.remove(s.article.id.as_str()).unwrap_or_default();
        }
        out.sort_by(|a, b| (&a.article.published, &a.article.id).cmp(&(&b.article.published, &b.article.id)));
        out
    }

    /// Who said what: the direct quotes with a named speaker, by publication.
    pub fn quotes(&self) -> impl Iterator<Item = (&Article, &crate::quotes::Quote)> {
        self.articles.iter().flat_map(|a| {
            a.quotes
                .iter()
                .filter(|q| {
                    !q.partial && q.kind == crate::quotes::QuoteKind::Direct && q.speaker_name.is_some()
                })
                .map(move |q| (a, q))
        })
    }
}

/// Loads a storyline or event by id, with its articles.
pub fn story(db: &Path, id: &str) -> Result<Option<Story>, Error> {
    story_in(&Store::open_existing(db)?, id)
}

/// Loads a storyline or event by id from an open store, with its articles.
pub fn story_in(store: &Store, id: &str) -> Result<Option<Story>, Error> {
    let Some((storyline, event)) = store.story(id)? else {
        return Ok(None);
    };
    Story::load(store, storyline, event).map(Some)
}

/// The newest storylines, at most `limit`, each with its articles (for summaries).
pub fn stories(db: &Path, limit: usize) -> Result<Vec<Story>, Error> {
    let store = Store::open_existing(db)?;
    store
        .storylines(limit)?
        .into_iter()
        .map(|s| Story::load(&store, s, None))
        .collect()
}

impl Story {
    /// Reads the records of the storyline's articles (the event's, when one is given),
    /// by publication: at most [`STORY_ARTICLES`], those of the largest events first
    /// (ties: the latest), each event's by publication.
    pub fn load(
        store: &Store,
        storyline: crate::store::stories::StorylineRow,
        event: Option<crate::store::stories::EventRow>,
    ) -> Result<Story, Error> {
        let mut events: Vec<&crate::store::stories::EventRow> = match &event {
            Some(e) => vec![e],
            None => storyline.events.iter().collect(),
        };
        events.sort_by(|a, b| b.size.cmp(&a.size).then(b.end.cmp(&a.end)));
        let mut articles = Vec::new();
        let mut entity_ids: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
        let event_of: BTreeMap<String, String> = events
            .iter()
            .flat_map(|e| e.articles.iter().map(|a| (a.id.clone(), e.id.clone())))
            .collect();
        for a in events.iter().flat_map(|e| &e.articles).take(STORY_ARTICLES) {
            if let Some(article) = store.article(&a.id)? {
                entity_ids.insert(
                    a.id.clone(),
                    store.entities_of_article(&a.id)?.into_iter().collect(),
                );
                articles.push(article);
            }
        }
        articles.sort_by(|a, b| {
            let day = |x: &Article| x.published.as_ref().map(|p| p.date());
            (day(a), &a.id).cmp(&(day(b), &b.id))
        });
        let mut entity_names: BTreeMap<String, String> = BTreeMap::new();
        for a in &articles {
            for q in &a.quotes {
                let global = q
                    .speaker_entity
                    .as_ref()
                    .and_then(|l| entity_ids.get(&a.id)?.get(l));
                if let Some(g) = global.filter(|g| !entity_names.contains_key(g.as_str())) {
                    if let Some(name) = store.entity_name(g)? {
                        entity_names.insert(g.to_string(), name);
                    }
                }
            }
        }
        Ok(Story {
            storyline,
            event,
            articles,
            entity_ids,
            entity_names,
            event_of,
        })
    }
}

/// A speaker's roles without those another of them already says: the same words in
/// other capitals ("Mediator", "mediator"), or the last words of a fuller role ("Fisheries
/// Minister" beside "Nordland Fisheries Minister"). The first written stays.
fn fold_roles(roles: &mut Vec<String>) {
    let lower: Vec<String> = roles.iter().map(|r| r.to_lowercase()).collect();
    let said_by_other = |i: usize| {
        lower.iter().enumerate().any(|(j, other)| {
            j != i
                && (other == &lower[i] && j < i
                    || other
                        .strip_suffix(lower[i].as_str())
                        .is_some_and(|head| head.ends_with(' ')))
        })
    };
    let keep: Vec<bool> = (0..roles.len()).map(|i| !said_by_other(i)).collect();
    let mut k = keep.iter();
    roles.retain(|_| *k.next().unwrap_or(&true));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_chunks_of_a_run_are_smaller() {
        // Nothing read yet, or much left: full chunks.
        assert_eq!(tapered_chunk(1 << 30, (0, 0)), CHUNK_ITEMS);
        assert_eq!(tapered_chunk(1 << 30, (100, 400_000)), CHUNK_ITEMS);
        // 4 KB an item: 100 items left make chunks of 25; 10 left, the least.
        assert_eq!(tapered_chunk(400_000, (100, 400_000)), 25);
        assert_eq!(tapered_chunk(40_000, (100, 400_000)), MIN_CHUNK_ITEMS);
        assert_eq!(tapered_chunk(0, (100, 400_000)), MIN_CHUNK_ITEMS);
    }

    #[test]
    fn a_role_another_role_already_says_is_folded_into_it() {
        let mut roles: Vec<String> = [
            "Harbour Minister",
            "Tollan Harbour Minister",
            "harbour minister",
            "spokeswoman",
            "Deputy Harbour Minister",
        ]
        .map(String::from)
        .to_vec();
        fold_roles(&mut roles);
        assert_eq!(
            roles,
            [
                "Tollan Harbour Minister",
                "spokeswoman",
                "Deputy Harbour Minister"
            ]
        );
    }

    fn item(text: &str) -> Work {
        let raw = RawItem {
            source: Source {
                path: format!("{text}.txt"),
                format: crate::article::Format::Text,
                record_id: None,
                line: None,
            },
            content: crate::ingest::Content::Text(text.to_string()),
            meta: Default::default(),
            warnings: vec![],
            bytes: text.len() as u64,
        };
        Work::Item {
            raw: Box::new(raw),
            key: text.to_string(),
            stamp: None,
        }
    }

    #[test]
    fn a_panic_in_one_item_is_that_items_failure_and_the_rest_go_on() {
        let pipeline = Pipeline::build(Default::default()).unwrap();
        let pool = pool(RunOptions { jobs: 2 }, &pipeline).unwrap();
        let analyze = |raw: RawItem| {
            if raw.source.path.starts_with("boom") {
                // As a stage would: announce itself, then fail a bug's way.
                pipeline::enter(Stage::Quotes);
                let empty: Vec<u8> = Vec::new();
                let _ = empty[3];
            }
            pipeline.analyze(raw).map(|a| Ready {
                article: Box::new(a),
                view: None,
                sig: None,
                json: None,
            })
        };
        quiet_item_panics();
        let chunk = vec![
            item("Ferry resumes\n\nThe ferry to the outer islands resumed service on Monday."),
            item("boom"),
            item("Bridge opens\n\nThe new bridge over the inlet opened to traffic on Friday."),
        ];
        let out = analyze_with(chunk, &pool, &analyze);
        assert_eq!(out.len(), 3);
        assert!(matches!(out[0], Outcome::Article(_)));
        assert!(matches!(out[2], Outcome::Article(_)));
        let Outcome::Failed(f, _) = &out[1] else {
            panic!("the panicking item should fail");
        };
        assert_eq!(f.stage, Stage::Quotes);
        assert!(
            f.reason.starts_with("internal error: index out of bounds"),
            "{}",
            f.reason
        );
        assert!(
            f.reason.contains("run.rs"),
            "the place of the bug is named: {}",
            f.reason
        );
    }

    #[test]
    fn item_keys_name_the_canonical_file_and_the_place_in_it() {
        let stamp = SourceStamp {
            path: "/data/crawl.warc".into(),
            size: 1,
            mtime: 2,
        };
        let mut source = Source {
            path: "./crawl.warc".into(),
            format: crate::article::Format::Warc,
            record_id: Some("<urn:uuid:1>".into()),
            line: None,
        };
        assert_eq!(item_key(Some(&stamp), &source), "/data/crawl.warc#<urn:uuid:1>");
        source.record_id = None;
        source.line = Some(7);
        assert_eq!(item_key(Some(&stamp), &source), "/data/crawl.warc:7");
    }

    #[test]
    fn the_byte_gate_holds_a_chunk_until_the_writer_takes_room_and_never_past_its_stop() {
        use std::sync::atomic::{AtomicBool, Ordering};
        let gate = ByteGate::new(100);
        gate.acquire(60);
        // A chunk larger than the bound alone passes when nothing else waits.
        let big = ByteGate::new(10);
        big.acquire(500);
        let passed = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| {
                gate.acquire(60); // 120 > 100: waits for the writer
                passed.store(true, Ordering::SeqCst);
            });
            std::thread::sleep(Duration::from_millis(50));
            assert!(!passed.load(Ordering::SeqCst), "went past a full gate");
            gate.release(60);
            waiter.join().unwrap();
        });
        assert!(passed.load(Ordering::SeqCst));
        // A writer that stopped lets everyone through.
        std::thread::scope(|scope| {
            let waiter = scope.spawn(|| gate.acquire(90));
            std::thread::sleep(Duration::from_millis(20));
            gate.close();
            waiter.join().unwrap();
        });
    }
}
