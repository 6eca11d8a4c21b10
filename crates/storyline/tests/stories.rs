//! Stories in the store: a digest places its articles in events and storylines, the
//! result does not depend on the order of the input, a later digest goes on from where
//! the last one stopped, and a story reads back with its summary and timeline.
//!
//! The corpus is the example one's invented Grey Sea fishing dispute: a standoff at sea
//! (May), talks resumed (August) and a deal signed (November), each told by two or three
//! invented outlets, and a harbour festival (July) that has nothing to do with it.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use storyline::run::{self, Observer, RunOptions};
use storyline::store::Store;
use storyline::{Pipeline, PipelineConfig};

struct Quiet;
impl Observer for Quiet {}

fn corpus() -> Vec<String> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus/grey-sea.jsonl");
    std::fs::read_to_string(p)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

fn digest(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let input = dir.join(format!("{name}.jsonl"));
    std::fs::write(&input, lines.join("\n")).unwrap();
    let db = dir.join("stories.db");
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    run::digest(&[input], &db, &p, RunOptions { jobs: 2 }, &mut Quiet).unwrap();
    db
}

/// Each event as the set of its articles' URLs (ids differ with nothing, but URLs read
/// better in a failure).
fn events(db: &Path) -> BTreeSet<BTreeSet<String>> {
    let store = Store::open_existing(db).unwrap();
    store
        .storylines(100)
        .unwrap()
        .iter()
        .flat_map(|s| s.events.iter())
        .map(|e| {
            e.articles
                .iter()
                .filter_map(|a| a.url.clone())
                .collect::<BTreeSet<_>>()
        })
        .collect()
}

fn event_of(events: &BTreeSet<BTreeSet<String>>, url_part: &str) -> BTreeSet<String> {
    events
        .iter()
        .find(|e| e.iter().any(|u| u.contains(url_part)))
        .cloned()
        .unwrap_or_default()
}

#[test]
fn each_happening_is_one_event_whatever_the_order() {
    let lines = corpus();
    let d = tempfile::tempdir().unwrap();
    let ev = events(&digest(d.path(), "in", &lines));
    let standoff = event_of(&ev, "patrol-boats-face-off");
    assert_eq!(standoff.len(), 3, "{ev:#?}");
    assert!(standoff.iter().any(|u| u.contains("coast-guard-defends-crew")));
    let deal = event_of(&ev, "cod-deal-signed");
    assert_eq!(deal.len(), 3, "{ev:#?}");
    assert!(deal.iter().any(|u| u.contains("moe-defends-cod-agreement")));
    assert_eq!(event_of(&ev, "quota-talks-resume").len(), 2, "{ev:#?}");
    let festival = event_of(&ev, "harbour-festival-crowds");
    assert_eq!(festival.len(), 2, "{ev:#?}");
    assert!(festival.iter().all(|u| u.contains("festival")));

    let mut reversed = lines.clone();
    reversed.reverse();
    let e = tempfile::tempdir().unwrap();
    assert_eq!(events(&digest(e.path(), "in", &reversed)), ev);
}

#[test]
fn the_dispute_is_one_storyline_of_four_events_and_the_festival_another() {
    let d = tempfile::tempdir().unwrap();
    let mut lines = corpus();
    // The talks that collapsed in March, from the example corpus's plain-text article.
    lines.push(
        serde_json::json!({
            "outlet": "Nordic Wire Agency",
            "url": "https://www.nordwire.example/2021/03/03/fishing-talks-collapse",
            "title": "Fishing talks collapse as Nordland and Vestmark trade blame",
            "published": "2021-03-03",
            "text": "Talks between Nordland and Vestmark on cod quotas in the Grey Sea ended on \
                     Wednesday without an agreement, each side blaming the other.\n\nNordland \
                     Fisheries Minister Karin Lund said the fleet could not wait another \
                     season. Mediator Helena Aas said the talks would resume when both \
                     capitals were ready."
        })
        .to_string(),
    );
    let db = digest(d.path(), "in", &lines);
    let store = Store::open_existing(&db).unwrap();
    let storylines = store.storylines(100).unwrap();
    let urls = |s: &storyline::store::stories::StorylineRow| -> BTreeSet<String> {
        s.events
            .iter()
            .flat_map(|e| e.articles.iter().filter_map(|a| a.url.clone()))
            .collect()
    };
    let dispute = storylines
        .iter()
        .find(|s| urls(s).iter().any(|u| u.contains("cod-deal-signed")))
        .unwrap();
    let in_dispute = urls(dispute);
    for part in [
        "fishing-talks-collapse",
        "patrol-boats-face-off",
        "quota-talks-resume",
        "moe-defends-cod-agreement",
    ] {
        assert!(
            in_dispute.iter().any(|u| u.contains(part)),
            "{part}: {storylines:#?}"
        );
    }
    assert_eq!(dispute.events.len(), 4, "{dispute:#?}");
    assert_eq!(
        (dispute.start.to_string(), dispute.end.to_string()),
        ("2021-03-03".into(), "2021-11-10".into())
    );
    assert!(!in_dispute.iter().any(|u| u.contains("festival")), "{dispute:#?}");
}

/// The README's main job, the whole example corpus: a storm on the same sea in April,
/// told by the wire and two copies of it, is weather, not the fishing dispute, though it
/// names the same sea and coast guards; the dispute keeps its own title.
#[test]
fn the_example_corpus_keeps_the_storm_out_of_the_dispute() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("examples.db");
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
    run::digest(&[folder], &db, &p, RunOptions { jobs: 2 }, &mut Quiet).unwrap();
    let store = Store::open_existing(&db).unwrap();
    let storylines = store.storylines(100).unwrap();
    let has = |s: &storyline::store::stories::StorylineRow, part: &str| {
        s.events
            .iter()
            .flat_map(|e| &e.articles)
            .any(|a| a.url.as_deref().is_some_and(|u| u.contains(part)))
    };
    let dispute = storylines.iter().find(|s| has(s, "cod-deal-signed")).unwrap();
    assert!(!has(dispute, "storm"), "{dispute:#?}");
    // The deal's event is named by the headline its three reports share most words with
    // (rule `representative_headline`), not by the feature's that happens to start it.
    let deal = dispute
        .events
        .iter()
        .find(|e| {
            e.articles
                .iter()
                .any(|a| a.url.as_deref().is_some_and(|u| u.contains("cod-deal-signed")))
        })
        .unwrap();
    assert_eq!(deal.articles.len(), 3, "{deal:#?}");
    assert_eq!(
        deal.title.as_deref(),
        Some("Nordland and Vestmark sign Grey Sea cod deal")
    );
    // The storyline is named by the headline its articles share most words with: the
    // deal, not the standoff at sea, its other three-report event.
    assert_eq!(
        dispute.title.as_deref(),
        Some("Nordland and Vestmark sign Grey Sea cod deal")
    );
    assert!(storylines
        .iter()
        .any(|s| has(s, "grey-sea-storm") && !has(s, "cod-deal")));
}

#[test]
fn a_later_digest_adds_to_the_events_it_left() {
    let lines = corpus();
    let d = tempfile::tempdir().unwrap();
    // Everything but the last article of the deal, then that article on its own.
    let (late, early): (Vec<String>, Vec<String>) = lines
        .iter()
        .cloned()
        .partition(|l| l.contains("moe-defends-cod-agreement"));
    digest(d.path(), "first", &early);
    let db = digest(d.path(), "second", &late);
    let ev = events(&db);
    let deal = event_of(&ev, "moe-defends-cod-agreement");
    assert_eq!(deal.len(), 3, "{ev:#?}");
    let store = Store::open_existing(&db).unwrap();
    let placed: i64 = store.storylines(100).unwrap().iter().map(|s| s.size as i64).sum();
    assert_eq!(placed, lines.len() as i64, "every article placed once");
}

#[test]
fn a_story_reads_back_with_summary_timeline_and_quotes() {
    let d = tempfile::tempdir().unwrap();
    let db = digest(d.path(), "in", &corpus());
    let store = Store::open_existing(&db).unwrap();
    let lines = store.storylines(100).unwrap();
    let standoff = lines
        .iter()
        .flat_map(|s| s.events.iter())
        .find(|e| {
            e.articles
                .iter()
                .any(|a| a.url.as_deref().is_some_and(|u| u.contains("patrol-boats")))
        })
        .unwrap();
    let story = run::story(&db, &standoff.id).unwrap().unwrap();
    assert_eq!(story.articles.len(), 3);
    let summary = story.summary(3);
    assert_eq!(summary.sentences.len(), 3);
    // Three outlets, three sentences: the outlet cap (one each, plus one) keeps any one
    // outlet from taking them all.
    let outlets: BTreeSet<_> = summary.sentences.iter().map(|s| s.outlet).collect();
    assert!(outlets.len() >= 2, "{summary:#?}");
    let timeline = story.timeline(None);
    let days: Vec<String> = timeline.dates.iter().map(|d| d.score.date.to_string()).collect();
    // The Monday of the standoff (the articles of Tuesday say "on Monday").
    assert!(days.contains(&"2021-05-17".to_string()), "{days:?}");
    assert!(story
        .quotes()
        .any(|(_, q)| q.speaker_name.as_deref() == Some("Berit Fjell")));
    assert!(run::story(&db, "no-such-story").unwrap().is_none());
}

/// A statement carried by a syndicated copy and by a third outlet quoting the same words
/// (with other quotation marks) is one line of "who said what", under the earliest
/// original, with the others as its sources; another statement of the same speaker stays
/// a line of its own.
#[test]
fn a_statement_carried_by_copies_is_listed_once_with_every_source() {
    let body = "The Tarn valley reservoir dropped to its lowest level in forty years on Sunday, \
        and the water board asked households in four towns to stop watering gardens.\n\n\
        \"Every litre saved this week is a litre we do not have to truck in,\" board chair \
        Orla Venn said at a briefing in Carrow.\n\n\
        Engineers expect the level to fall for another fortnight unless heavy rain arrives, \
        and farmers upstream have agreed to halve what they draw from the river.";
    let line = |outlet: &str, url: &str, published: &str, text: &str| {
        serde_json::json!({
            "outlet": outlet, "url": url, "title": "Reservoir at forty-year low as towns told to save water",
            "published": published, "text": text,
        })
        .to_string()
    };
    let third = "Households in four towns were asked on Sunday to stop watering gardens as the Tarn \
        valley reservoir fell to a forty-year low.\n\n\
        “Every litre saved this week is a litre we do not have to truck in”, said Orla Venn, \
        who chairs the water board.\n\n\
        \"We are not yet at the point of cutting supply,\" Venn added, though tankers are on \
        standby in Carrow and the board will review the restrictions on Friday.";
    let lines = vec![
        line(
            "Carrow Gazette",
            "https://carrowgazette.example/2022/07/10/reservoir-low",
            "2022-07-10T08:00:00Z",
            body,
        ),
        line(
            "Upland Wire",
            "https://uplandwire.example/2022/07/10/tarn-reservoir",
            "2022-07-10T11:00:00Z",
            body,
        ),
        line(
            "Valley Standard",
            "https://valleystandard.example/news/tarn-water",
            "2022-07-10T13:00:00Z",
            third,
        ),
    ];
    let d = tempfile::tempdir().unwrap();
    let db = digest(d.path(), "in", &lines);
    let store = Store::open_existing(&db).unwrap();
    let sl = store.storylines(10).unwrap();
    assert_eq!(sl.len(), 1, "{sl:#?}");
    let story = run::story(&db, &sl[0].id).unwrap().unwrap();
    let speakers = story.speakers();
    let venn = speakers
        .iter()
        .find(|s| s.name.contains("Venn"))
        .expect("Orla Venn speaks");
    assert_eq!(venn.quotes.len(), 2, "{venn:#?}");
    let litre = venn.quotes.iter().find(|q| q.text.contains("litre")).unwrap();
    assert_eq!(litre.outlet.as_deref(), Some("Carrow Gazette"), "{litre:#?}");
    let also: Vec<_> = litre.also.iter().filter_map(|c| c.outlet.as_deref()).collect();
    // Other originals first, then copies, each by publication.
    assert_eq!(also, ["Valley Standard", "Upland Wire"], "{litre:#?}");
    let cutting = venn.quotes.iter().find(|q| q.text.contains("cutting")).unwrap();
    assert!(cutting.also.is_empty(), "{cutting:#?}");
}
