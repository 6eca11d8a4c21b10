//! A storyline across a gap in coverage (`testdata/stories/gap-war.jsonl`, invented
//! articles from invented outlets). An invented civil war has one article in March 2024
//! (an ally pledges arms to the president); thirteen months later four outlets cover a
//! month of a siege — families fleeing, a hospital struck, a mediator's plea and toll,
//! the president's victory — each from an angle of its own, naming a few of the old
//! article's actors at most. No one of the later articles is like the old one enough to
//! revive its storyline; the later coverage as a whole is, and the war is one storyline
//! of several events whose death toll is one measure that grew. Two stories that share
//! only the country's name with each other and with the war — a regatta in June 2024,
//! floods in June 2025 — stay storylines of their own.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use storyline::claims::Trend;
use storyline::ingest::{InputMeta, RawItem};
use storyline::run::{self, Observer, RunOptions};
use storyline::store::Store;
use storyline::stories::{self, terms::Analyzer, StoryConfig, StoryDoc};
use storyline::{Pipeline, PipelineConfig};

struct Quiet;
impl Observer for Quiet {}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/stories/gap-war.jsonl")
}

/// The URL parts of the war's articles, the old one first.
const WAR: [&str; 8] = [
    "ostrand-pledges-arms-to-drevic",
    "families-flee-old-town",
    "army-closes-in-on-east-quillon",
    "hospital-strike-quillon",
    "hospital-strike-condemned",
    "envoy-toll-velmaria",
    "holm-pleads-for-truce",
    "drevic-declares-victory",
];

/// Each storyline as the set of its articles' URLs.
fn storylines(db: &Path) -> Vec<(storyline::store::stories::StorylineRow, BTreeSet<String>)> {
    let store = Store::open_existing(db).unwrap();
    store
        .storylines(100)
        .unwrap()
        .into_iter()
        .map(|s| {
            let urls = s
                .events
                .iter()
                .flat_map(|e| e.articles.iter().filter_map(|a| a.url.clone()))
                .collect();
            (s, urls)
        })
        .collect()
}

fn holding<'a, T>(all: &'a [(T, BTreeSet<String>)], part: &str) -> &'a (T, BTreeSet<String>) {
    all.iter()
        .find(|(_, urls)| urls.iter().any(|u| u.contains(part)))
        .unwrap_or_else(|| panic!("no storyline holds {part}"))
}

fn digest(dir: &Path) -> PathBuf {
    let db = dir.join("gap.db");
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    run::digest(&[fixture()], &db, &p, RunOptions { jobs: 2 }, &mut Quiet).unwrap();
    db
}

#[test]
fn a_war_back_after_a_year_of_silence_is_one_storyline_of_several_events() {
    let d = tempfile::tempdir().unwrap();
    let db = digest(d.path());
    // The reunion merged a storyline into another: the kept counts follow.
    common::story_counts_agree(&db);
    let all = storylines(&db);
    let (war, urls) = holding(&all, WAR[0]);
    for part in WAR {
        assert!(urls.iter().any(|u| u.contains(part)), "{part}: {all:#?}");
    }
    assert_eq!(urls.len(), WAR.len(), "{war:#?}");
    assert!(war.events.len() >= 4, "several events: {war:#?}");
    assert_eq!(
        (war.start.to_string(), war.end.to_string()),
        ("2024-03-14".into(), "2025-05-06".into())
    );

    // Its toll, told a year apart by two outlets, is one measure that grew.
    let story = run::story(&db, &war.id).unwrap().unwrap();
    let measures = story.figures();
    let (toll, values) = common::conflict_toll(&measures);
    assert_eq!(values, [30_000.0, 45_000.0], "in time order");
    assert_eq!(toll.trend, Trend::Rising);
    assert!(toll.discrepancies.is_empty(), "{toll:#?}");
}

#[test]
fn two_stories_of_one_country_a_year_apart_stay_apart() {
    let d = tempfile::tempdir().unwrap();
    let all = storylines(&digest(d.path()));
    let (_, regatta) = holding(&all, "regatta");
    let (_, floods) = holding(&all, "marn");
    assert_eq!(regatta.len(), 2, "{all:#?}");
    assert_eq!(floods.len(), 3, "{all:#?}");
    assert!(regatta.iter().all(|u| u.contains("regatta")), "{all:#?}");
    assert!(floods.iter().all(|u| u.contains("marn")), "{all:#?}");
    let (_, war) = holding(&all, WAR[0]);
    assert!(!war.iter().any(|u| u.contains("regatta") || u.contains("marn")));
}

/// The fixture's articles, analysed, as the clusterer's documents, with their URLs.
fn docs() -> (Vec<StoryDoc>, BTreeMap<String, String>) {
    #[derive(serde::Deserialize)]
    struct Line {
        outlet: String,
        url: String,
        title: String,
        published: String,
        text: String,
    }
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    let text = std::fs::read_to_string(fixture()).unwrap();
    let mut articles: Vec<_> = text
        .lines()
        .map(|l| {
            let l: Line = serde_json::from_str(l).unwrap();
            let meta = InputMeta {
                url: Some(l.url.clone()),
                title: Some(l.title),
                published: Some(l.published),
                outlet: Some(l.outlet),
                ..Default::default()
            };
            p.analyze(RawItem::text(l.url, l.text, meta)).unwrap()
        })
        .collect();
    p.finish(&mut articles);
    let a = Analyzer::default();
    let url_of = articles
        .iter()
        .map(|x| (x.id.clone(), x.url.clone().unwrap_or_default()))
        .collect();
    (
        articles.iter().map(|x| StoryDoc::from_article(x, &a)).collect(),
        url_of,
    )
}

/// The storyline of each article, by URL.
fn storyline_by_url(
    docs: &[StoryDoc],
    url_of: &BTreeMap<String, String>,
    cfg: &StoryConfig,
) -> BTreeMap<String, String> {
    let s = stories::cluster(docs, cfg);
    s.article_labels()
        .into_iter()
        .map(|(article, (_, sl))| (url_of[article].clone(), sl.0.clone()))
        .collect()
}

#[test]
fn it_is_the_later_coverage_as_a_whole_that_finds_the_old_storyline() {
    let (docs, url_of) = docs();
    let of = |by: &BTreeMap<String, String>, part: &str| {
        by.iter()
            .find(|(u, _)| u.contains(part))
            .map(|(_, s)| s.clone())
            .unwrap()
    };
    let mut apart = StoryConfig::default();
    apart.link.reunite.score = 2.0;
    let without = storyline_by_url(&docs, &url_of, &apart);
    // Revival of single events alone leaves the old article on its own.
    assert_ne!(of(&without, WAR[0]), of(&without, WAR[1]), "{without:#?}");
    assert!(
        WAR[1..].iter().all(|p| of(&without, p) == of(&without, WAR[1])),
        "{without:#?}"
    );
    let with = storyline_by_url(&docs, &url_of, &StoryConfig::default());
    assert!(WAR.iter().all(|p| of(&with, p) == of(&with, WAR[0])), "{with:#?}");
}
