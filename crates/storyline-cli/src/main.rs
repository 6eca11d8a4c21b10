//! The `storyline` command: a thin layer over the library.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use storyline::run::{self, Observer};
use storyline::{Pipeline, PipelineConfig};

mod report;

const EXAMPLES: &str = "\
Examples:
  storyline digest examples/corpus              ingest into ./storyline.db and print a digest
  storyline digest --db news.db crawl.warc.gz   ingest a WARC archive into news.db
  storyline analyze article.html --format json  one JSON document, no store
  storyline analyze feeds/ | jq .title          one JSON record per line
  storyline articles --db news.db               list what is stored
  storyline quotes --speaker Carter             who said what, grouped by speaker
  storyline entities --kind person              people with their roles and quote counts
  storyline dates article.txt                   time expressions, normalised

Exit status: 0 when every item was processed, 1 when some items failed (the rest
were processed and stored), 2 on a usage error or when the run could not proceed.";

#[derive(Parser)]
#[command(name = "storyline", version, about = "Raw news from many outlets → clean, deduplicated articles", after_help = EXAMPLES)]
struct Cli {
    /// Pipeline settings as JSON (see docs/schema.md); flags override them.
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Near-duplicate threshold (estimated Jaccard similarity of word 5-grams).
    #[arg(long, global = true)]
    threshold: Option<f64>,
    /// HTML main-text extractor: `accurate` (two extractors and a choice), `balanced` (the
    /// second extractor only when the first one's text is in doubt) or `fast` (one).
    #[arg(long, global = true, value_parser = ["accurate", "balanced", "fast"])]
    extractor: Option<String>,
    /// Largest single item (a file, a WARC record, a JSON line) read into memory, in bytes;
    /// larger items fail with a clear message and the run goes on (default 16 MiB).
    #[arg(long, global = true)]
    max_bytes: Option<u64>,
    /// The outlet of items whose own metadata (a sidecar, a JSON Lines field) names none,
    /// e.g. a folder of plain text from one outlet.
    #[arg(long, global = true, value_name = "NAME")]
    outlet: Option<String>,
    /// Worker threads for the per-article analysis (default: one per core).
    #[arg(long, global = true, default_value_t = 0, hide_default_value = true)]
    jobs: usize,
    /// Print each phase of a digest with its wall-clock time on stderr.
    #[arg(long, global = true)]
    timings: bool,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Ingest files, folders, WARC archives and JSON Lines into the store, then print a digest.
    Digest {
        /// Files or folders (walked recursively). Text, HTML, WARC, JSON Lines, gzip of any.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = DigestFormat::Text)]
        format: DigestFormat,
    },
    /// Analyse inputs without a store: one JSON record per article on stdout.
    Analyze {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = RecordFormat::Jsonl)]
        format: RecordFormat,
    },
    /// Run the analysis again over the store's articles from their stored clean text (no
    /// re-ingest): those analysed by an older version, or all of them with --all.
    Reanalyze {
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        /// Every article, not only those an older version analysed.
        #[arg(long)]
        all: bool,
    },
    /// List the articles in the store.
    Articles {
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// Who said what: the stored quotes grouped by speaker, with outlet and date.
    Quotes {
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        /// Only this speaker: part of a name (any case) or an entity id (`person:…`).
        #[arg(long)]
        speaker: Option<String>,
        /// Only this story: an article id, or the id of a duplicate group's representative
        /// (its syndicated copies are included).
        #[arg(long)]
        story: Option<String>,
        /// Include partial quotes (quoted words inside reported speech).
        #[arg(long)]
        partial: bool,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Temporal expressions of each article, normalised against its publication date.
    Dates {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Storylines in the store, newest first: dates, size, outlets, title, events.
    Stories {
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        /// At most this many storylines.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[arg(long, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
    /// One storyline (or event) by id: summary, timeline, who said what, sources.
    Story {
        id: String,
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = StoryFormat::Text)]
        format: StoryFormat,
    },
    /// The dated timeline of a storyline or event.
    Timeline {
        id: String,
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        /// How many dates (default: as many as the dates' scores single out).
        #[arg(long)]
        dates: Option<usize>,
        #[arg(long, value_enum, default_value_t = TimelineFormat::Md)]
        format: TimelineFormat,
    },
    /// The figures of a storyline or event by measure, in as-of order, with the claims
    /// that disagree for the same period marked.
    Figures {
        id: String,
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = StoryFormat::Text)]
        format: StoryFormat,
    },
    /// How each outlet framed a storyline or event: its terms for the same referents, its
    /// distinctive words, whom it quotes and what it leaves out.
    Framing {
        id: String,
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = StoryFormat::Text)]
        format: StoryFormat,
    },
    /// People, organisations and places across the store, with roles and quote counts.
    Entities {
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        #[arg(long, value_enum)]
        kind: Option<KindFilter>,
        #[arg(long, value_enum, default_value_t = TableFormat::Table)]
        format: TableFormat,
    },
    /// Serve the web pages and the JSON API (`/api/v1/…`, OpenAPI at
    /// `/api/v1/openapi.json`) over a store until Ctrl-C; read-only unless
    /// `--allow-ingest`.
    Serve {
        #[arg(long, default_value = "storyline.db")]
        db: PathBuf,
        /// Address to listen on (loopback by default: another address exposes the store).
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Accept articles posted to `/api/v1/articles` (digested as `digest` would; the
        /// bodies are kept in `DB.ingest/`).
        #[arg(long)]
        allow_ingest: bool,
        /// Largest posted body, in bytes.
        #[arg(long, default_value_t = 16 << 20, requires = "allow_ingest")]
        max_ingest: usize,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum TableFormat {
    Table,
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
enum KindFilter {
    Person,
    Organization,
    Place,
}

#[derive(Clone, Copy, ValueEnum)]
enum DigestFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum StoryFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum TimelineFormat {
    Md,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum RecordFormat {
    Jsonl,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Table,
    Jsonl,
    Json,
}

/// A progress bar on stderr, drawn only when stderr is a terminal; and, with
/// `--timings`, each phase of a digest as it ends.
struct Bar(ProgressBar, bool);

impl Bar {
    fn new(timings: bool) -> Self {
        let pb = if std::io::stderr().is_terminal() {
            ProgressBar::new(0)
        } else {
            ProgressBar::hidden()
        };
        pb.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg}",
            )
            .expect("template"),
        );
        Bar(pb, timings)
    }
}

impl Observer for Bar {
    fn start(&mut self, _files: usize, bytes: u64) {
        self.0.set_length(bytes);
    }
    fn file_done(&mut self, bytes: u64) {
        self.0.inc(bytes);
    }
    fn item(&mut self, source: &str, _ok: bool) {
        let name = source.rsplit('/').next().unwrap_or(source);
        self.0.set_message(name.chars().take(40).collect::<String>());
    }
    fn phase(&mut self, phase: run::Phase, took: std::time::Duration) {
        if self.1 {
            self.0
                .suspend(|| eprintln!("storyline: {:>8.3} s  {}", took.as_secs_f64(), phase.name()));
        }
    }
}

fn pipeline(cli: &Cli) -> anyhow::Result<Pipeline> {
    let mut config = match &cli.config {
        Some(p) => {
            let bytes = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
            serde_json::from_slice::<PipelineConfig>(&bytes).with_context(|| format!("in {}", p.display()))?
        }
        None => PipelineConfig::default(),
    };
    if let Some(t) = cli.threshold {
        config.dedup.threshold = t;
    }
    if let Some(m) = cli.max_bytes {
        config.max_bytes = m;
    }
    if let Some(o) = &cli.outlet {
        config.outlet = Some(o.clone());
    }
    if let Some(e) = &cli.extractor {
        config.extract = serde_json::from_value(serde_json::Value::String(e.clone()))?;
    }
    Ok(Pipeline::build(config)?)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match real_main(&cli) {
        Ok(code) => code,
        // A reader that stopped early (`| head`) is not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("storyline: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}

fn real_main(cli: &Cli) -> anyhow::Result<ExitCode> {
    let pipeline = pipeline(cli)?;
    let stdout = std::io::stdout();
    let out = &mut std::io::BufWriter::new(stdout.lock());
    let run = Run {
        pipeline: &pipeline,
        opts: run::RunOptions { jobs: cli.jobs },
        timings: cli.timings,
    };
    // True when some item failed; the commands that read a store fail whole or not at all.
    let failed = match &cli.cmd {
        Cmd::Digest { paths, db, format } => run.digest(out, paths, db, *format)?,
        Cmd::Analyze { paths, format } => run.analyze(out, paths, *format)?,
        Cmd::Reanalyze { db, all } => run.reanalyze(db, *all)?,
        Cmd::Dates { paths, format } => run.dates(out, paths, *format)?,
        Cmd::Serve {
            db,
            addr,
            allow_ingest,
            max_ingest,
        } => serve(&pipeline, db, *addr, *allow_ingest, *max_ingest).map(|()| false)?,
        Cmd::Articles { db, format } => articles(out, db, *format).map(|()| false)?,
        Cmd::Quotes {
            db,
            speaker,
            story,
            partial,
            format,
        } => {
            let filter = storyline::store::QuoteFilter {
                speaker: speaker.as_deref(),
                story: story.as_deref(),
                partial: *partial,
            };
            quotes(out, db, &filter, *format).map(|()| false)?
        }
        Cmd::Entities { db, kind, format } => entities(out, db, *kind, *format).map(|()| false)?,
        Cmd::Stories { db, limit, format } => stories(out, db, *limit, *format).map(|()| false)?,
        Cmd::Story { id, db, format } => show_story(out, &story(db, id)?, *format).map(|()| false)?,
        Cmd::Timeline {
            id,
            db,
            dates,
            format,
        } => timeline(out, &story(db, id)?, *dates, *format).map(|()| false)?,
        Cmd::Figures { id, db, format } => figures(out, &story(db, id)?, *format).map(|()| false)?,
        Cmd::Framing { id, db, format } => framing(out, &story(db, id)?, *format).map(|()| false)?,
    };
    out.flush()?;
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// What the commands that run the pipeline over inputs share; each returns true when some
/// item failed.
struct Run<'a> {
    pipeline: &'a Pipeline,
    opts: run::RunOptions,
    timings: bool,
}

impl Run<'_> {
    fn digest(
        &self,
        out: &mut impl Write,
        paths: &[PathBuf],
        db: &Path,
        format: DigestFormat,
    ) -> anyhow::Result<bool> {
        let mut bar = Bar::new(self.timings);
        let d = run::digest(paths, db, self.pipeline, self.opts, &mut bar)?;
        bar.0.finish_and_clear();
        match format {
            DigestFormat::Text => report::digest(out, &d)?,
            DigestFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&d)?)?,
        }
        Ok(!d.failures.is_empty())
    }

    fn analyze(&self, out: &mut impl Write, paths: &[PathBuf], format: RecordFormat) -> anyhow::Result<bool> {
        let mut bar = Bar::new(self.timings);
        let mut a = run::analyze_paths(paths, self.pipeline, self.opts, &mut bar)?;
        bar.0.finish_and_clear();
        let unwritable = match format {
            RecordFormat::Jsonl => report::records_jsonl(out, &a.articles)?,
            RecordFormat::Json => report::records_json(out, &a.articles)?,
        };
        let shown = a.articles.len() - unwritable.len();
        a.failures.extend(unwritable);
        report::failures(&a.failures);
        eprintln!(
            "storyline: {} articles from {} items ({:.1} MB), {} failed",
            shown,
            a.items,
            a.bytes as f64 / 1e6,
            a.failures.len()
        );
        Ok(!a.failures.is_empty())
    }

    fn reanalyze(&self, db: &Path, all: bool) -> anyhow::Result<bool> {
        let mut bar = Bar::new(self.timings);
        let r = run::reanalyze(db, self.pipeline, all, self.opts, &mut bar)?;
        bar.0.finish_and_clear();
        eprintln!(
            "storyline: analysed {} articles again in {:.2} s; {} got new template lines",
            r.articles, r.seconds, r.corpus.template_changed
        );
        Ok(false)
    }

    fn dates(&self, out: &mut impl Write, paths: &[PathBuf], format: TableFormat) -> anyhow::Result<bool> {
        let mut bar = Bar::new(self.timings);
        let a = run::analyze_paths(paths, self.pipeline, self.opts, &mut bar)?;
        bar.0.finish_and_clear();
        match format {
            TableFormat::Table => report::dates(out, &a.articles)?,
            TableFormat::Jsonl => {
                let rows: Vec<serde_json::Value> = a.articles.iter().map(report::dates_record).collect();
                write_jsonl(out, &rows)?;
            }
        }
        report::failures(&a.failures);
        Ok(!a.failures.is_empty())
    }
}

fn serve(
    pipeline: &Pipeline,
    db: &Path,
    addr: std::net::SocketAddr,
    allow_ingest: bool,
    max_ingest: usize,
) -> anyhow::Result<()> {
    let ingest = allow_ingest.then(|| storyline_server::IngestOptions {
        pipeline: pipeline.clone(),
        max_bytes: max_ingest,
    });
    let opts = storyline_server::ServeOptions {
        db: db.to_path_buf(),
        addr,
        ingest,
    };
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(storyline_server::serve(opts))?;
    Ok(())
}

fn articles(out: &mut impl Write, db: &Path, format: ListFormat) -> anyhow::Result<()> {
    let arts = open_store(db)?.articles()?;
    match format {
        ListFormat::Table => Ok(report::articles(out, &arts)?),
        ListFormat::Jsonl => write_jsonl(out, &arts),
        ListFormat::Json => write_pretty(out, &arts),
    }
}

fn quotes(
    out: &mut impl Write,
    db: &Path,
    filter: &storyline::store::QuoteFilter<'_>,
    format: TableFormat,
) -> anyhow::Result<()> {
    let rows = open_store(db)?.quotes(filter)?;
    match format {
        TableFormat::Table => Ok(report::quotes(out, &rows)?),
        TableFormat::Jsonl => write_jsonl(out, &rows),
    }
}

fn entities(
    out: &mut impl Write,
    db: &Path,
    kind: Option<KindFilter>,
    format: TableFormat,
) -> anyhow::Result<()> {
    let want = kind.map(|k| match k {
        KindFilter::Person => storyline::entities::EntityKind::Person,
        KindFilter::Organization => storyline::entities::EntityKind::Organization,
        KindFilter::Place => storyline::entities::EntityKind::Place,
    });
    let ents: Vec<_> = open_store(db)?
        .entities()?
        .into_iter()
        .filter(|e| want.is_none_or(|k| e.kind == k))
        .collect();
    match format {
        TableFormat::Table => Ok(report::entities(out, &ents)?),
        TableFormat::Jsonl => write_jsonl(out, &ents),
    }
}

fn stories(out: &mut impl Write, db: &Path, limit: usize, format: ListFormat) -> anyhow::Result<()> {
    let stories = run::stories(db, limit)?;
    let records = || stories.iter().map(report::story_record).collect::<Vec<_>>();
    match format {
        ListFormat::Table => Ok(report::stories(out, &stories)?),
        ListFormat::Jsonl => write_jsonl(out, &records()),
        ListFormat::Json => write_pretty(out, &records()),
    }
}

fn show_story(out: &mut impl Write, s: &run::Story, format: StoryFormat) -> anyhow::Result<()> {
    match format {
        StoryFormat::Text => Ok(report::story(out, s)?),
        StoryFormat::Json => write_pretty(out, &report::story_detail(s)),
    }
}

fn timeline(
    out: &mut impl Write,
    s: &run::Story,
    dates: Option<usize>,
    format: TimelineFormat,
) -> anyhow::Result<()> {
    let t = s.timeline(dates);
    match format {
        TimelineFormat::Md => Ok(report::timeline_md(out, s, &t)?),
        TimelineFormat::Json => write_pretty(out, &t),
    }
}

fn figures(out: &mut impl Write, s: &run::Story, format: StoryFormat) -> anyhow::Result<()> {
    let measures = s.figures();
    match format {
        StoryFormat::Text => Ok(report::figures(out, &measures)?),
        StoryFormat::Json => write_pretty(out, &measures),
    }
}

fn framing(out: &mut impl Write, s: &run::Story, format: StoryFormat) -> anyhow::Result<()> {
    let f = s.framing(&s.figures());
    match format {
        StoryFormat::Text => Ok(report::framing(out, s, &f)?),
        StoryFormat::Json => write_pretty(out, &f),
    }
}

/// One JSON document, indented, and a newline.
fn write_pretty<T: serde::Serialize + ?Sized>(out: &mut impl Write, value: &T) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    out.write_all(b"\n")?;
    Ok(())
}

fn open_store(db: &std::path::Path) -> anyhow::Result<storyline::store::Store> {
    Ok(storyline::store::Store::open_existing(db)?)
}

/// One JSON record per line.
fn write_jsonl<T: serde::Serialize>(out: &mut impl Write, items: &[T]) -> anyhow::Result<()> {
    for it in items {
        serde_json::to_writer(&mut *out, it)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// The storyline or event `id` of the store at `db`, or an error that says where to look.
fn story(db: &std::path::Path, id: &str) -> anyhow::Result<run::Story> {
    run::story(db, id)?.ok_or_else(|| {
        anyhow::anyhow!(
            "no storyline or event {id} in {} (see `storyline stories`)",
            db.display()
        )
    })
}
