//! The entity directory as a store keeps it across digests: a surname alone joins the
//! person the corpus names far more often (the dominance rule), its old id redirects when
//! the corpus later tells it apart, and a name's kind follows the majority of its articles.
//! Every article is invented.

use std::path::{Path, PathBuf};

use storyline::entities::EntityKind;
use storyline::run::{self, RunOptions};
use storyline::store::Store;
use storyline::{Pipeline, PipelineConfig};

mod common;
use common::{named, Quiet};

fn write(dir: &Path, name: &str, text: &str, published: &str) -> PathBuf {
    common::write(dir, name, text, "Tidewater Courier", published)
}

/// An article naming only the surname, "Halvorsen".
const BARE: &str = "Pier repairs delayed\n\nRepairs to the old pier in Selvik were delayed again on Friday. \
     \u{201c}We need another month,\u{201d} Halvorsen told reporters at the quay.";

/// An article naming a namesake of the harbour chief, the rowing coach Jonas Halvorsen.
const NAMESAKE: &str =
    "Rowing club wins\n\nThe Selvik rowing club won its first race of the season on Sunday. \
     \u{201c}The crew trained all winter,\u{201d} said coach Jonas Halvorsen.";

/// An article in which the harbour chief, named in full, says something about `topic`.
fn chief_article(n: usize, topic: &str) -> String {
    format!(
        "Harbour note {n}\n\nThe harbour board met on Monday in Selvik to discuss the {topic}. \
         \u{201c}The {topic} is our first task this year,\u{201d} said harbour chief Ines Halvorsen. \
         The board will meet again next month."
    )
}

#[test]
fn a_surname_alone_joins_the_dominant_namesake_and_its_old_id_redirects() {
    let d = tempfile::tempdir().unwrap();
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    let db = d.path().join("s.db");
    // First digest: the surname alone, and a namesake named once.
    let bare = write(d.path(), "bare.txt", BARE, "2023-03-03");
    let namesake = write(d.path(), "namesake.txt", NAMESAKE, "2023-03-05");
    run::digest(&[bare], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    let bare_id = store
        .entities()
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Halvorsen")
        .expect("the surname alone is an entity")
        .id;
    drop(store);
    // Second digest: the namesake once, the harbour chief in three articles.
    let mut files = vec![namesake];
    for (n, topic) in ["dredging plan", "ferry timetable", "quay lighting"]
        .iter()
        .enumerate()
    {
        files.push(write(
            d.path(),
            &format!("chief{n}.txt"),
            &chief_article(n, topic),
            "2023-03-10",
        ));
    }
    run::digest(&files, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    let people = named(&store, "Halvorsen");
    assert_eq!(people.len(), 2, "{people:#?}");
    let chief = people.iter().find(|e| e.name == "Ines Halvorsen").unwrap();
    let coach = people.iter().find(|e| e.name == "Jonas Halvorsen").unwrap();
    // Three articles against one: "Halvorsen" alone is the harbour chief.
    assert_eq!(chief.articles, 4, "{people:#?}");
    assert_eq!(coach.articles, 1);
    assert_eq!(chief.kind, EntityKind::Person);
    // The id the bare surname had still answers, with the chief's id.
    assert_eq!(
        store.resolve_entity(&bare_id).unwrap().as_deref(),
        Some(chief.id.as_str())
    );
    let quotes = store.quotes_by_entity(&bare_id, 50).unwrap();
    assert_eq!(quotes.len(), 4, "{quotes:#?}");
}

#[test]
fn two_namesakes_named_alike_leave_the_surname_alone() {
    let d = tempfile::tempdir().unwrap();
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    let db = d.path().join("s.db");
    let a = write(
        d.path(),
        "a.txt",
        &chief_article(0, "dredging plan"),
        "2023-03-01",
    );
    let b = write(d.path(), "b.txt", NAMESAKE, "2023-03-05");
    run::digest(&[a, b], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let bare = write(d.path(), "bare.txt", BARE, "2023-03-07");
    run::digest(&[bare], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    let people = named(&store, "Halvorsen");
    // One article each: no namesake dominates, so the surname is not guessed.
    assert_eq!(people.len(), 3, "{people:#?}");
    assert!(people.iter().all(|e| e.articles == 1), "{people:#?}");
}
