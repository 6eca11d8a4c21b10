//! Project tasks: quality evaluations on the development datasets.
//!
//! `cargo xtask eval extraction --data ../shared/datasets/extraction`
//! `cargo xtask eval quotes --data ../shared/datasets/polnear/dev`
//! `cargo xtask eval timex --data ../shared/datasets/timex/tbaq`
//! `cargo xtask eval entities --data ../shared/datasets/polnear/train --gold bench/entities/polnear-train-gold.tsv`
//! `cargo xtask eval timeline --data ../shared/datasets/timeline17 [--out FILE]`
//! `cargo xtask eval sentence-dates --data ../shared/datasets/timeline17 --gold bench/sentence-dates/gold.tsv`
//! `cargo xtask eval clusters --data ../shared/datasets/timeline17` (or a `gen-corpus` folder)
//! `cargo xtask eval framing --data ../shared/datasets/framing-allsides/articles.jsonl [--labels FILE]`
//! `cargo xtask eval figures --data ../shared/datasets/figures [--out FILE]`
//! `cargo xtask eval figures --news bench/figures/news-quantities.jsonl [--predictions FILE] [--out FILE] [--errors FILE]`
//! `cargo xtask eval story-pairs --data ../shared/datasets/story-pairs/pairs.csv`
//! `cargo xtask stories-bench` (clustering throughput on generated articles)
//! `cargo xtask gen-corpus --out DIR --articles N` (invented news for store benchmarks)
//! `cargo xtask store-queries --db FILE` (latency of the API's queries)

mod bias;
mod clusters;
mod corpus_gen;
mod entities;
mod extraction;
mod figures;
mod framing;
mod news_figures;
mod quotes;
mod rng;
mod sentence_dates;
mod shingles;
mod store_queries;
mod stories_bench;
mod story_pairs;
mod t17;
mod timeline;
mod timex;

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(about = "Storyline project tasks")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Measure quality on a development dataset and print a table.
    Eval {
        #[command(subcommand)]
        what: Eval,
    },
    /// Write invented news articles as JSON Lines (1,000 a file), for store benchmarks.
    GenCorpus {
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        articles: usize,
        /// Number of the first article (to make later batches of the same corpus).
        #[arg(long, default_value_t = 0)]
        first: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Time event and storyline clustering on generated articles, one core.
    StoriesBench {
        /// Sizes of the runs.
        #[arg(long, value_delimiter = ',', default_value = "10000,50000,100000")]
        articles: Vec<usize>,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Clustering settings as JSON (fields of `StoryConfig`; the rest default).
        #[arg(long)]
        config: Option<String>,
    },
    /// Time the queries the API makes on a store: median of many runs each.
    StoreQueries {
        #[arg(long)]
        db: PathBuf,
        #[arg(long, default_value_t = 50)]
        repeats: usize,
    },
}

#[derive(Subcommand)]
enum Eval {
    /// Corpus-wide entity resolution on a PolNeAR-style folder (`text/NAME.txt`), scored
    /// against a labelled set of name mentions (B-cubed and kind accuracy).
    Entities {
        #[arg(long)]
        data: PathBuf,
        /// Labelled mentions: `article start end entity kind` per line (byte offsets).
        #[arg(long)]
        gold: PathBuf,
        /// Analyse and merge only the labelled articles (default: every article in the folder).
        #[arg(long)]
        only_gold: bool,
        /// Print misses, wrong kinds, split and merged entities.
        #[arg(long)]
        show: bool,
        /// Print one JSON line per mention set instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// Main-text extraction on pages in the Zyte benchmark layout
    /// (`html/<id>.html.gz` and `ground-truth.json`).
    Extraction {
        #[arg(long)]
        data: PathBuf,
        /// Only these extractors (storyline, trafilatura, libreadability, dom_smoothie).
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
        /// Print each page's F1 for this extractor.
        #[arg(long)]
        pages: Option<String>,
        /// Write each page's extracted text under this folder, one file per extractor and page.
        #[arg(long)]
        dump: Option<PathBuf>,
        /// Time each extractor this many times over all pages and report the median.
        #[arg(long, default_value_t = 1)]
        repeats: usize,
        /// Print one JSON line per extractor instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// Quotes and attributions on brat standoff data in the PolNeAR layout
    /// (`text/NAME.txt`, `attributions/NAME_ANNOTATOR.ann`).
    Quotes {
        #[arg(long)]
        data: PathBuf,
        /// Predictions of the anchor (spaCy + textacy), written by `bench/quotes_anchor.py`.
        #[arg(long)]
        anchor: Option<PathBuf>,
        /// Print storyline's errors: fn, fp, spk or all (add `-direct` for direct quotes only);
        /// `cues` lists every prediction's cue and whether it matched; `rules` the frame rules.
        #[arg(long)]
        show: Option<String>,
        /// Time the analysis this many times and report the median.
        #[arg(long, default_value_t = 1)]
        repeats: usize,
        /// Print one JSON line per system instead of the table.
        #[arg(long)]
        json: bool,
    },
    /// Temporal expressions on TimeML files (TempEval-3 Task A), any folder of `*.tml`.
    Timex {
        #[arg(long)]
        data: PathBuf,
        /// Time the tagger this many times and report the median.
        #[arg(long, default_value_t = 1)]
        repeats: usize,
        /// Print misses (FN), false alarms (FP) and wrong values (VAL).
        #[arg(long)]
        show: bool,
        /// Write each document's plain text and a `list.tsv` of texts and DCTs here (the
        /// anchor's input, see `bench/heideltime.sh`).
        #[arg(long)]
        export: Option<PathBuf>,
        /// Score HeidelTime's TimeML outputs in this folder side by side.
        #[arg(long)]
        anchor: Option<PathBuf>,
    },
    /// Timeline summarisation on Timeline17 (news-tls protocol): alignment ROUGE-1/2 F
    /// (align+ m:1, as tilse computes it) and date F1, per topic and pooled.
    Timeline {
        #[arg(long)]
        data: PathBuf,
        /// Write each task's timeline as a JSON line here (dataset-derived text: keep it
        /// out of the repository).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Keep only output sentences containing a phrase of the topic's `keywords.json`
        /// (the news-tls protocol; Timeline17's files here hold folder tags like "bpoil"
        /// that no sentence contains, so it is off by default).
        #[arg(long)]
        keywords: bool,
        /// Only topics whose folder name contains one of these.
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
        /// Write each task's ROUGE precision and recall here (for `bench/tls_rouge_check.py`).
        #[arg(long)]
        scores: Option<PathBuf>,
        /// Write every candidate day of each task with its counts and whether the
        /// reference has it (JSON lines), for studying the date ranking offline.
        #[arg(long)]
        dates: Option<PathBuf>,
        /// Keep the analysed articles in this folder (a file per topic and build of
        /// xtask) and read them from there on later runs of the same build.
        #[arg(long)]
        cache: Option<PathBuf>,
    },
    /// Sentence dates on Timeline17 articles (`DIR/TOPIC/InputDocs/DAY/FILE`) against a
    /// labelled set (`bench/sentence-dates/gold.tsv`).
    SentenceDates {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        gold: PathBuf,
        /// Predictions written earlier with `--write` (e.g. the main branch's), scored alongside.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Write this run's predictions here, one line per gold line.
        #[arg(long)]
        write: Option<PathBuf>,
        /// Print each sentence of this half (`tune` or `confirm`) dated wrongly.
        #[arg(long)]
        show: Option<String>,
        /// Also read every article's publication date from its text with the day folder
        /// hidden, and compare.
        #[arg(long)]
        infer: bool,
    },
    /// Event and storyline clustering against Timeline17's topics (B-cubed, pairwise), the
    /// AllSides stories (`articles.jsonl`) or a generated corpus's stories (a `gen-corpus`
    /// folder).
    Clusters {
        #[arg(long)]
        data: PathBuf,
        /// Clustering settings as JSON (fields of `StoryConfig`; the rest default).
        #[arg(long)]
        config: Option<String>,
        /// Keep the analysed articles in a JSON Lines file named after this one and the
        /// build of xtask, and read them from it on later runs of the same build.
        #[arg(long)]
        cache: Option<PathBuf>,
        /// Write each article's topic, event and storyline as JSON Lines.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Only the articles of these gold groups (Timeline17 topics, AllSides topics).
        #[arg(long, value_delimiter = ',')]
        only: Vec<String>,
        /// Only the gold groups with an even or odd number (AllSides stories): a tuning
        /// half and a held-out half.
        #[arg(long, value_enum)]
        half: Option<clusters::Half>,
        /// Print this many wrong event joins and splits with the parts of their scores.
        #[arg(long, default_value_t = 0)]
        errors: usize,
    },
    /// Framing by outlet on the AllSides stories: term pairs per story (scored against
    /// labelled pairs when given) and log-odds words by leaning.
    Framing {
        #[arg(long)]
        data: PathBuf,
        /// Labelled term pairs (`{"story", "pairs": [{"a", "b", "referent"}]}` per line).
        #[arg(long)]
        labels: Option<PathBuf>,
        /// Write every predicted pair as a JSON line here.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Print this many predicted pairs.
        #[arg(long, default_value_t = 20)]
        show: usize,
        /// Term-choice methods scored.
        #[arg(long, value_delimiter = ',', default_value = "alignment")]
        methods: Vec<String>,
        /// Term-choice settings as JSON (fields of `TermConfig`; the rest default).
        #[arg(long)]
        terms: Option<String>,
    },
    /// Biased wording on the AllSides stories (loaded words and sentences only one outlet
    /// gives) against labelled spans (`bench/framing/bias-spans.jsonl`).
    Bias {
        #[arg(long)]
        data: PathBuf,
        #[arg(long)]
        labels: PathBuf,
        /// Rule `exclusive_sentence` settings as JSON (`{"min_terms", "novelty", "titles"}`).
        #[arg(long)]
        exclusive: Option<String>,
        /// Write each prediction (right or wrong) and each missed gold span here (TSV).
        #[arg(long)]
        errors: Option<PathBuf>,
    },
    /// Numbers, ranges, percentages, money and units: Recognizers-Text specs, MeasEval
    /// (train and trial) and Duckling corpora (see `xtask/src/figures.rs`).
    /// With `--news`, annotated news sentences scored as NewsQuant/CQE score them (see
    /// `xtask/src/news_figures.rs`).
    Figures {
        #[arg(long, required_unless_present = "news")]
        data: Option<PathBuf>,
        /// Write one JSON line per case (with `--news`: per sentence) with what was emitted.
        #[arg(long)]
        out: Option<PathBuf>,
        /// News sentences with gold quantities (`bench/figures/news-quantities.jsonl`).
        #[arg(long)]
        news: Option<PathBuf>,
        /// With `--news`: score this file of predictions (same shape) instead of Storyline.
        #[arg(long, requires = "news")]
        predictions: Option<PathBuf>,
        /// With `--news`: write what was not right for value+unit, one line each (TSV).
        #[arg(long, requires = "news")]
        errors: Option<PathBuf>,
    },
    /// Same-story similarity on English–English story pairs (Pearson with -Overall, F1).
    StoryPairs {
        #[arg(long)]
        data: PathBuf,
        /// Clustering settings as JSON (fields of `StoryConfig`; the rest default).
        #[arg(long)]
        config: Option<String>,
        /// Write `{"pair_id", "score"}` lines.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().cmd {
        Cmd::GenCorpus {
            out,
            articles,
            first,
            seed,
        } => corpus_gen::run(&out, first, articles, seed),
        Cmd::StoriesBench {
            articles,
            seed,
            config,
        } => stories_bench::run(&articles, seed, config.as_deref()),
        Cmd::Eval {
            what:
                Eval::Clusters {
                    data,
                    config,
                    cache,
                    out,
                    only,
                    half,
                    errors,
                },
        } => clusters::run(
            &data,
            config.as_deref(),
            cache.as_deref(),
            out.as_deref(),
            &clusters::Filter { only, half },
            errors,
        ),
        Cmd::Eval {
            what:
                Eval::Framing {
                    data,
                    labels,
                    out,
                    show,
                    methods,
                    terms,
                },
        } => framing::run(
            &data,
            &framing::Settings {
                labels,
                out,
                show,
                methods,
                terms,
            },
        ),
        Cmd::Eval {
            what:
                Eval::Bias {
                    data,
                    labels,
                    exclusive,
                    errors,
                },
        } => bias::run(
            &data,
            &bias::Settings {
                labels,
                exclusive,
                errors,
            },
        ),
        Cmd::Eval {
            what:
                Eval::Figures {
                    data,
                    out,
                    news,
                    predictions,
                    errors,
                },
        } => match (news, data) {
            (Some(news), _) => {
                news_figures::run(&news, predictions.as_deref(), out.as_deref(), errors.as_deref())
            }
            (None, Some(data)) => figures::run(&data, out.as_deref()),
            (None, None) => anyhow::bail!("eval figures needs --data or --news"),
        },
        Cmd::Eval {
            what: Eval::StoryPairs { data, config, out },
        } => story_pairs::run(&data, config.as_deref(), out.as_deref()),
        Cmd::StoreQueries { db, repeats } => store_queries::run(&db, repeats.max(1)),
        Cmd::Eval {
            what:
                Eval::Extraction {
                    data,
                    only,
                    pages,
                    dump,
                    repeats,
                    json,
                },
        } => extraction::run(
            &data,
            &only,
            pages.as_deref(),
            dump.as_deref(),
            repeats.max(1),
            json,
        ),
        Cmd::Eval {
            what:
                Eval::Quotes {
                    data,
                    anchor,
                    show,
                    repeats,
                    json,
                },
        } => quotes::run(&data, anchor.as_deref(), show.as_deref(), repeats.max(1), json),
        Cmd::Eval {
            what:
                Eval::Entities {
                    data,
                    gold,
                    only_gold,
                    show,
                    json,
                },
        } => entities::run(&data, &gold, only_gold, show, json),
        Cmd::Eval {
            what:
                Eval::Timex {
                    data,
                    repeats,
                    show,
                    export,
                    anchor,
                },
        } => timex::run(&data, repeats.max(1), show, export.as_deref(), anchor.as_deref()),
        Cmd::Eval {
            what:
                Eval::Timeline {
                    data,
                    out,
                    keywords,
                    only,
                    scores,
                    dates,
                    cache,
                },
        } => timeline::run(
            &data,
            out.as_deref(),
            &timeline::Settings {
                keywords,
                only,
                scores,
                dates,
                cache,
            },
        ),
        Cmd::Eval {
            what:
                Eval::SentenceDates {
                    data,
                    gold,
                    baseline,
                    write,
                    show,
                    infer,
                },
        } => sentence_dates::run(
            &data,
            &gold,
            baseline.as_deref(),
            write.as_deref(),
            show.as_deref(),
            infer,
        ),
    }
}

/// The name a cache of analysed articles has for this build: `STEM.BUILD.EXT`, BUILD from
/// the running executable's size and modification time. Any rebuild (a change to the
/// analysis among them) gets a new name, so no evaluation reads articles an older
/// build analysed; the old files are left for the user to delete.
pub(crate) fn for_this_build(path: &Path) -> PathBuf {
    let build = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let mtime = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs());
            format!("{:x}-{:x}", m.len(), mtime)
        })
        .unwrap_or_else(|_| "unknown".into());
    let stem = path.file_stem().unwrap_or_default().to_string_lossy();
    let name = match path.extension() {
        Some(ext) => format!("{stem}.{build}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{build}"),
    };
    path.with_file_name(name)
}
