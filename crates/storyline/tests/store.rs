//! The store as users meet it: incremental corpus passes that agree with the in-memory
//! ones, edited files read again, stable entity ids, the queries the API will make, old
//! stores refused, re-analysis, concurrent writers and readers.

use std::path::{Path, PathBuf};

use storyline::run::{self, RunOptions};
use storyline::store::{QuoteFilter, Store};
use storyline::{Article, Pipeline, PipelineConfig};

mod common;
use common::{named, verdicts, write, Quiet};

/// Two invented articles about one person: first named by surname alone, then in full.
const LINDQVIST_SURNAME_ONLY: &str = "Pier talks resume\n\nTalks on the pier lease resumed on Monday in \
     Brekkvik. \u{201c}We are close to a deal,\u{201d} Lindqvist told reporters after the first session.";
const LINDQVIST_FULL_NAME: &str = "Pier lease signed\n\nThe pier lease was signed on Thursday in Brekkvik. \
     \u{201c}This secures the pier for twenty years,\u{201d} said harbour director Mara Lindqvist.";

fn pipeline() -> Pipeline {
    Pipeline::build(PipelineConfig::default()).unwrap()
}

/// A small invented story: a title, a quoted official, a dated event, and, for outlets
/// that have one, their standing footer line.
fn story(n: usize, outlet: &str) -> String {
    let towns = ["Brekkvik", "Sollund", "Havstad", "Norvaag", "Eikeli", "Tinde"];
    let things = [
        "ferry pier",
        "fish market",
        "tram depot",
        "sea wall",
        "lighthouse",
        "grain silo",
    ];
    let people = [
        ("Mara Lindqvist", "harbour director"),
        ("Tor Aasen", "county engineer"),
        ("Ingrid Holm", "mayor"),
    ];
    let (who, role) = people[n % people.len()];
    let town = towns[n % towns.len()];
    let thing = things[(n / 2) % things.len()];
    let footer = match outlet {
        "Fjord Post" => "\n\nRead the Fjord Post every morning at the kiosk",
        "Coast Courier" => "\n\nThe Coast Courier is printed on recycled paper",
        _ => "",
    };
    format!(
        "Works begin on the {thing} in {town} ({n})\n\n\
         Crews began work on the {thing} in {town} on Tuesday, story number {n}, after the \
         council approved a budget of {} crowns last month for the repairs.\n\n\
         \u{201c}We expect the {thing} to be open again before the winter storms,\u{201d} said {who}, \
         the {role}, at a meeting with residents in the {town} community hall.\n\n\
         {who} added that traffic would be diverted around the site until the end of the \
         season, and that residents would receive letters about the {} plan.{footer}",
        1000 + 37 * n,
        ["detour", "parking", "noise"][n % 3],
    )
}

/// An invented corpus: stories from three outlets (two with footers), wire copies of
/// some of them in other outlets, and a corrected version of one.
fn corpus(dir: &Path) -> Vec<PathBuf> {
    let outlets = ["Fjord Post", "Coast Courier", "Valley Herald"];
    let mut files = Vec::new();
    for n in 0..12 {
        let outlet = outlets[n % 3];
        let day = format!("2022-05-{:02}", 1 + n);
        files.push(write(
            dir,
            &format!("s{n:02}.txt"),
            &story(n, outlet),
            outlet,
            &day,
        ));
    }
    // The same text in another outlet a day later: a syndicated copy.
    for n in [1, 4] {
        let day = format!("2022-05-{:02}", 2 + n);
        files.push(write(
            dir,
            &format!("copy{n:02}.txt"),
            &story(n, "Valley Herald"),
            "Island Wire",
            &day,
        ));
    }
    // A lightly corrected version of story 2: a near copy.
    let fixed = story(2, "Valley Herald").replace("end of the season", "end of this season");
    files.push(write(dir, "fixed02.txt", &fixed, "Valley Herald", "2022-05-04"));
    files
}

/// The corpus above digested into a new store: its folder (kept alive) and the store.
fn digested_corpus() -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let files = corpus(d.path());
    let db = d.path().join("s.db");
    run::digest(&files, &db, &pipeline(), RunOptions::default(), &mut Quiet).unwrap();
    (d, db)
}

/// Notes the phases a digest reports.
#[derive(Default)]
struct Phases(Vec<run::Phase>);

impl run::Observer for Phases {
    fn phase(&mut self, phase: run::Phase, _took: std::time::Duration) {
        self.0.push(phase);
    }
}

#[test]
fn a_digest_reports_each_phase_once_in_order() {
    let d = tempfile::tempdir().unwrap();
    let files = corpus(d.path());
    let mut seen = Phases::default();
    let db = d.path().join("s.db");
    run::digest(&files, &db, &pipeline(), RunOptions::default(), &mut seen).unwrap();
    use run::Phase::*;
    assert_eq!(seen.0, [Ingest, CorpusGroups, Directory, Stories, Report]);
}

#[test]
fn incremental_passes_agree_with_the_in_memory_ones_whatever_the_split() {
    let d = tempfile::tempdir().unwrap();
    let files = corpus(d.path());
    let p = pipeline();
    let batch = run::analyze_paths(&files, &p, RunOptions::default(), &mut Quiet).unwrap();
    let expected = verdicts(&batch.articles);
    // Footers that three stories of an outlet repeat are template; copies are grouped.
    assert!(batch.articles.iter().all(|a| !a.text.contains("every morning")));
    assert!(batch
        .articles
        .iter()
        .any(|a| a.duplicate_kind.is_some_and(|k| k.syndicated())));
    assert!(batch
        .articles
        .iter()
        .any(|a| a.duplicate_kind.map(|k| k.to_string()).as_deref() == Some("near")));

    // The same files digested in several runs, in another order each time.
    for split in [1, 2, 5] {
        let db = d.path().join(format!("split{split}.db"));
        let mut order = files.clone();
        order.reverse();
        let turn = split % order.len();
        order.rotate_left(turn);
        for part in order.chunks(order.len().div_ceil(split)) {
            run::digest(part, &db, &p, RunOptions { jobs: 1 }, &mut Quiet).unwrap();
        }
        let stored = Store::open(&db).unwrap().articles().unwrap();
        assert_eq!(verdicts(&stored), expected, "split in {split}");
        // The stored view is exactly what the in-memory run gives.
        for a in &stored {
            let b = batch.articles.iter().find(|b| b.id == a.id).unwrap();
            assert_eq!(a.quotes, b.quotes, "{}", a.id);
            assert_eq!(a.sentence_dates, b.sentence_dates, "{}", a.id);
        }
    }
}

#[test]
fn an_edited_file_replaces_its_article_and_counts_add_up() {
    let d = tempfile::tempdir().unwrap();
    let files = corpus(d.path());
    let db = d.path().join("s.db");
    let p = pipeline();
    let first = run::digest(&files, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!(
        first.items,
        first.skipped + first.added + first.already + first.failed
    );
    assert_eq!((first.added, first.skipped), (files.len(), 0));

    // The same input by another spelling is the same source.
    let other = d.path().join(".").join(files[0].file_name().unwrap());
    let again = run::digest(&[other], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!((again.added, again.skipped), (0, 1));

    // Edit one file: it is read again and its new article replaces the old one.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let edited = story(7, "Coast Courier").replace("Crews began work", "Crews finally began work");
    std::fs::write(&files[7], edited).unwrap();
    let third = run::digest(&files, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!(
        (third.added, third.replaced, third.skipped),
        (1, 1, files.len() - 1)
    );
    assert_eq!(
        third.items,
        third.skipped + third.added + third.already + third.failed
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().0, first.added);
    assert_eq!(store.search_articles("finally", 10).unwrap().len(), 1);
    let texts: Vec<String> = store.articles().unwrap().into_iter().map(|a| a.text).collect();
    // One version of story 7 is left, and it is the edited one.
    let sevens: Vec<&String> = texts.iter().filter(|t| t.contains("story number 7,")).collect();
    assert_eq!(sevens.len(), 1, "{sevens:?}");
    assert!(sevens[0].contains("finally"));
    // The replaced article left its storyline's counts.
    common::story_counts_agree(&db);
    common::text_indexes_intact(&db);
}

#[test]
fn a_sidecar_given_later_dates_an_article_and_places_it_in_a_story() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("s.db");
    let p = pipeline();
    // Two invented pages of one harbour dispute, plain text: one dated by its sidecar,
    // the other with no date anywhere.
    let dated = d.path().join("dated.txt");
    std::fs::write(
        &dated,
        "Quay dispute deepens\n\nDockworkers in Brekkvik walked out over the quay lease, \
         the harbour board said. The board met the union in Brekkvik to discuss the quay lease.",
    )
    .unwrap();
    std::fs::write(d.path().join("dated.meta.json"), r#"{"published": "2024-05-02"}"#).unwrap();
    let undated = d.path().join("undated.txt");
    std::fs::write(
        &undated,
        "Quay lease talks stall\n\nTalks on the Brekkvik quay lease stalled as dockworkers \
         stayed out, the harbour board said. The union and the board meet again next week.",
    )
    .unwrap();
    let inputs = vec![dated.clone(), undated.clone()];
    let first = run::digest(&inputs, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!(
        (first.added, first.stories_placed, first.stories_undated),
        (2, 1, 1)
    );

    // Unchanged inputs are skipped, and the undated article still waits.
    let again = run::digest(&inputs, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!((again.skipped, again.added, again.stories_undated), (2, 0, 0));

    // A sidecar given since makes its file new to the store: the article is stored again
    // with the date, analysed against it, and placed.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(
        d.path().join("undated.meta.json"),
        r#"{"published": "2024-05-03"}"#,
    )
    .unwrap();
    let third = run::digest(&inputs, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!(
        (third.skipped, third.added, third.dated, third.already),
        (1, 1, 1, 0)
    );
    assert_eq!((third.stories_placed, third.stories_undated), (1, 0));
    assert_eq!(
        third.items,
        third.skipped + third.added + third.already + third.failed
    );
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().0, 2, "still two articles");
    let c = rusqlite::Connection::open(&db).unwrap();
    let days: Vec<String> = c
        .prepare("SELECT day FROM articles ORDER BY day")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(days, ["2024-05-02", "2024-05-03"]);
    let filed: i64 = c
        .query_row("SELECT count(*) FROM event_articles", [], |r| r.get(0))
        .unwrap();
    assert_eq!(filed, 2, "both articles are in a story now");
    common::story_counts_agree(&db);
}

/// The clustering state as format 5 kept it: one value.
fn whole_state(db: &Path) -> String {
    serde_json::to_string(&Store::open(db).unwrap().cluster_state().unwrap()).unwrap()
}

/// What format 5 had: an event's articles without their days, indexed by event alone.
const TO_FORMAT_5: &str = "
    DROP TABLE story_pieces;
    DROP TRIGGER event_articles_redate;
    DROP INDEX event_articles_order;
    ALTER TABLE event_articles DROP COLUMN day;
    ALTER TABLE event_articles DROP COLUMN published;
    CREATE INDEX event_articles_event ON event_articles(event);
    UPDATE meta SET value = '5' WHERE key = 'format';";

/// What format 4 had besides: no counts on the rows, events indexed by storyline alone.
const TO_FORMAT_4: &str = "
    DROP INDEX events_by_size;
    ALTER TABLE events DROP COLUMN size;
    ALTER TABLE storylines DROP COLUMN size;
    ALTER TABLE storylines DROP COLUMN events;
    DROP TABLE storyline_outlets;
    CREATE INDEX events_storyline ON events(storyline);
    UPDATE meta SET value = '4' WHERE key = 'format';";

#[test]
fn stores_of_formats_4_to_6_are_brought_to_7_with_the_same_stories() {
    for from in [6, 5, 4] {
        let (_d, db) = digested_corpus();
        let store = Store::open(&db).unwrap();
        let before = store.storylines(100).unwrap();
        assert!(before.iter().any(|s| s.outlets.len() >= 2), "{before:#?}");
        // Every event with its articles, in publication order.
        let events = |store: &Store| -> Vec<_> {
            before
                .iter()
                .flat_map(|s| s.events.iter().map(|e| store.story(&e.id).unwrap()))
                .collect()
        };
        let stories = events(&store);
        assert!(stories
            .iter()
            .any(|s| matches!(s, Some((_, Some(e))) if e.articles.len() >= 2)));
        drop(store);
        let whole = whole_state(&db);
        {
            let c = rusqlite::Connection::open(&db).unwrap();
            c.execute_batch(common::TO_FORMAT_6).unwrap();
        }
        if from <= 5 {
            let c = rusqlite::Connection::open(&db).unwrap();
            c.execute_batch(TO_FORMAT_5).unwrap();
            c.execute(
                "CREATE TABLE story_state (one INTEGER PRIMARY KEY CHECK (one = 1), state TEXT NOT NULL)",
                [],
            )
            .unwrap();
            c.execute("INSERT INTO story_state VALUES (1, ?1)", [&whole])
                .unwrap();
            if from == 4 {
                c.execute_batch(TO_FORMAT_4).unwrap();
            }
        }
        let store = Store::open(&db).unwrap();
        assert_eq!(store.storylines(100).unwrap(), before, "from format {from}");
        assert_eq!(events(&store), stories, "from format {from}");
        common::story_counts_agree(&db);
        let c = rusqlite::Connection::open(&db).unwrap();
        let format: String = c
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| r.get(0))
            .unwrap();
        assert_eq!(format, "7");
        let (pieces, old): (i64, i64) = c
            .query_row(
                "SELECT (SELECT count(*) FROM story_pieces),
                        (SELECT count(*) FROM sqlite_master WHERE name = 'story_state')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(pieces > 3 && old == 0, "{pieces} pieces, old table {old}");
        // The clustering goes on from the same state.
        assert_eq!(whole_state(&db), whole, "from format {from}");
        // Every filed article carries its day again.
        let undated: i64 = c
            .query_row(
                "SELECT count(*) FROM event_articles x JOIN articles a ON a.id = x.article
                 WHERE x.day IS NOT a.day OR x.published IS NOT a.published",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(undated, 0, "from format {from}");
    }
}

#[test]
fn an_articles_new_date_reaches_its_place_in_the_event() {
    let (_d, db) = digested_corpus();
    let c = rusqlite::Connection::open(&db).unwrap();
    let id: String = c
        .query_row(
            "SELECT article FROM event_articles ORDER BY article LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    c.execute(
        "UPDATE articles SET day = '1999-01-02', published = '1999-01-02' WHERE id = ?1",
        [&id],
    )
    .unwrap();
    let (day, published): (String, String) = c
        .query_row(
            "SELECT day, published FROM event_articles WHERE article = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((day.as_str(), published.as_str()), ("1999-01-02", "1999-01-02"));
}

#[test]
fn entity_ids_stay_and_a_surname_id_redirects_to_the_full_name() {
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let db = d.path().join("s.db");
    let only_surname = write(
        d.path(),
        "a.txt",
        LINDQVIST_SURNAME_ONLY,
        "Fjord Post",
        "2022-06-01",
    );
    run::digest(&[only_surname], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    let before: Vec<String> = store.entities().unwrap().into_iter().map(|e| e.id).collect();
    let surname_id = before
        .iter()
        .find(|id| id.contains("lindqvist"))
        .cloned()
        .expect("Lindqvist is an entity");

    let full = write(d.path(), "b.txt", LINDQVIST_FULL_NAME, "Fjord Post", "2022-06-03");
    run::digest(&[full], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    let now = store
        .resolve_entity(&surname_id)
        .unwrap()
        .expect("old id still resolves");
    let person = store
        .entities()
        .unwrap()
        .into_iter()
        .find(|e| e.id == now)
        .unwrap();
    assert_eq!(person.name, "Mara Lindqvist");
    assert_eq!(person.articles, 2);
    // Both quotes are hers, newest first.
    let quotes = store.quotes_by_entity(&surname_id, 50).unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    assert!(quotes[0].text.contains("twenty years"));
    // Every other id is as it was.
    let after: Vec<String> = store.entities().unwrap().into_iter().map(|e| e.id).collect();
    for id in before.iter().filter(|i| **i != surname_id) {
        assert!(after.contains(id), "{id} disappeared");
    }
}

#[test]
fn queries_read_the_typed_rows() {
    let (_d, db) = digested_corpus();
    let store = Store::open(&db).unwrap();
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let fjord = store
        .articles_of_outlet("Fjord Post", day("2022-05-01"), day("2022-05-07"), 50)
        .unwrap();
    // Stories 0, 3 and 6 (1, 4 and 7 May) of the Fjord Post; the 7th is in range.
    assert_eq!(fjord.len(), 3, "{fjord:#?}");
    assert!(fjord.windows(2).all(|w| w[0].published >= w[1].published));
    let hits = store.search_quotes("winter storms", 100).unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|q| q.text.contains("winter storms")));
    let holm = store
        .quotes(&QuoteFilter {
            speaker: Some("ingrid holm"),
            ..Default::default()
        })
        .unwrap();
    assert!(!holm.is_empty());
    assert!(holm.iter().all(|q| q.speaker.as_deref() == Some("Ingrid Holm")));
    // The statement's date comes with the quote.
    assert!(holm.iter().all(|q| q.said.is_some()));
    // User text is never query syntax.
    // Query syntax is read as plain words, which match nothing here (not an error).
    assert_eq!(store.search_articles("\"unbalanced OR (", 5).unwrap().len(), 0);
    // A query with no word at all (punctuation, symbols, a private-use character) finds
    // nothing; FTS5 itself would reject the empty query it leaves.
    for q in ["", "\"\"", "(*)", "\u{f128d}", "— …"] {
        assert_eq!(store.search_articles(q, 5).unwrap().len(), 0, "{q:?}");
        assert_eq!(store.search_quotes(q, 5).unwrap().len(), 0, "{q:?}");
    }
}

#[test]
fn reanalyze_brings_old_articles_up_to_date() {
    let d = tempfile::tempdir().unwrap();
    let files = corpus(d.path());
    let db = d.path().join("s.db");
    let p = pipeline();
    run::digest(&files, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let before = Store::open(&db).unwrap().articles().unwrap();
    {
        // As if an older pipeline had analysed everything, and left no quotes.
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("UPDATE articles SET pipeline = 1; DELETE FROM quotes;")
            .unwrap();
    }
    assert_eq!(
        Store::open(&db)
            .unwrap()
            .stale(storyline::pipeline::PIPELINE_VERSION)
            .unwrap(),
        files.len()
    );
    // A digest says so, and what to run.
    let again = run::digest(&files, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!(again.older_analyses, files.len());
    let r = run::reanalyze(&db, &p, false, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!(r.articles, files.len());
    let store = Store::open(&db).unwrap();
    assert_eq!(store.stale(storyline::pipeline::PIPELINE_VERSION).unwrap(), 0);
    assert_eq!(verdicts(&store.articles().unwrap()), verdicts(&before));
    assert!(!store.search_quotes("winter storms", 10).unwrap().is_empty());
}

#[test]
fn an_older_store_is_refused_with_what_to_run() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("old.db");
    {
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(
            "CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
                 inputs TEXT NOT NULL, items INTEGER, added INTEGER, failed INTEGER);
             INSERT INTO runs (started, inputs) VALUES ('2021-01-01', '[\"feeds/\"]');
             CREATE TABLE articles (id TEXT PRIMARY KEY, doc TEXT NOT NULL);",
        )
        .unwrap();
    }
    let err = Store::open(&db).err().expect("refused").to_string();
    assert!(err.contains("older Storyline"), "{err}");
    assert!(err.contains("storyline digest feeds/ --db"), "{err}");
}

#[test]
fn two_digests_at_once_and_a_reader_during_them() {
    let d = tempfile::tempdir().unwrap();
    let files = corpus(d.path());
    let db = d.path().join("s.db");
    let p = pipeline();
    std::thread::scope(|s| {
        let a = s.spawn(|| run::digest(&files, &db, &p, RunOptions::default(), &mut Quiet));
        let b = s.spawn(|| run::digest(&files, &db, &p, RunOptions::default(), &mut Quiet));
        let reader = s.spawn(|| {
            // Reading while they write: every read succeeds.
            for _ in 0..20 {
                if db.exists() {
                    let store = Store::open(&db).unwrap();
                    store.articles().unwrap();
                    store.counts().unwrap();
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        });
        a.join().unwrap().unwrap();
        b.join().unwrap().unwrap();
        reader.join().unwrap();
    });
    let store = Store::open(&db).unwrap();
    let one = tempfile::tempdir().unwrap();
    let clean = one.path().join("clean.db");
    run::digest(&files, &clean, &p, RunOptions::default(), &mut Quiet).unwrap();
    let clean = Store::open(&clean).unwrap();
    assert_eq!(
        verdicts(&store.articles().unwrap()),
        verdicts(&clean.articles().unwrap())
    );
    let names = |s: &Store| {
        let mut v: Vec<(String, usize)> = s
            .entities()
            .unwrap()
            .into_iter()
            .map(|e| (e.name, e.articles))
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&store), names(&clean));
}

/// `count` Fjord Post stories of one day, every third of `story`'s numbers: their footer
/// becomes template once three are stored.
fn fjord_post(dir: &Path, count: usize, day: &str) -> Vec<PathBuf> {
    (0..count)
        .map(|k| {
            write(
                dir,
                &format!("f{k}.txt"),
                &story(3 * k, "Fjord Post"),
                "Fjord Post",
                day,
            )
        })
        .collect()
}

#[test]
fn the_stories_see_an_article_without_the_lines_its_run_found_to_be_template() {
    // Three Fjord Post stories digested together: the store knows nothing of their
    // footer, the first two are analysed with it and the run's corpus pass drops it
    // from them (the third has it dropped ahead, see the next test). The stories must
    // place the articles as that pass leaves them, footer dropped, as the in-memory run
    // does — not as the worker first saw them.
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("s.db");
    let files = fjord_post(d.path(), 3, "2022-07-01");
    run::digest(&files, &db, &pipeline(), RunOptions { jobs: 1 }, &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    assert!(store
        .articles()
        .unwrap()
        .iter()
        .all(|a| !a.text.contains("kiosk")));
    let words = store.cluster_state().unwrap().words;
    let analyzer = storyline::stories::terms::Analyzer::default();
    let kiosk = analyzer.terms("kiosk")[0];
    assert_eq!(words.df().df(kiosk), 0, "a footer word is in the stories' counts");
    let council = analyzer.terms("council")[0];
    assert!(words.df().df(council) > 0, "the articles' own words are counted");
}

#[test]
fn a_line_many_articles_of_one_run_repeat_is_dropped_ahead_from_all_but_the_first_two() {
    // Ten Fjord Post stories digested together, on two workers: the workers count the
    // footer as they meet it, so only the two analysed before its third appearance
    // are analysed again by the corpus pass (whatever the order the workers took).
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("s.db");
    let files = fjord_post(d.path(), 10, "2022-07-01");
    let digest = run::digest(&files, &db, &pipeline(), RunOptions { jobs: 2 }, &mut Quiet).unwrap();
    assert_eq!(digest.added, 10);
    assert_eq!(digest.corpus.template_changed, 2, "{:?}", digest.corpus);
    let store = Store::open(&db).unwrap();
    let articles = store.articles().unwrap();
    assert_eq!(articles.len(), 10);
    assert!(articles
        .iter()
        .all(|a| !a.text.contains("kiosk") && !a.quotes.is_empty()));
}

#[test]
fn quote_rows_are_numbered_alike_whether_articles_came_together_or_one_by_one() {
    // One by one, the first two Fjord Post stories are stored with their footer and
    // rewritten when the third makes it template; together, all three are written once.
    // The quotes' row numbers (which order searches and ties) must not tell the two apart.
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let files = fjord_post(d.path(), 3, "2022-07-01");
    let together = d.path().join("together.db");
    run::digest(&files, &together, &p, RunOptions::default(), &mut Quiet).unwrap();
    let apart = d.path().join("apart.db");
    for f in &files {
        run::digest(
            std::slice::from_ref(f),
            &apart,
            &p,
            RunOptions::default(),
            &mut Quiet,
        )
        .unwrap();
    }
    let rows = |db: &Path| -> Vec<(i64, String, i64)> {
        let c = rusqlite::Connection::open(db).unwrap();
        let mut st = c
            .prepare("SELECT q.n, a.id, q.ord FROM quotes q JOIN articles a ON a.n = q.article ORDER BY q.n")
            .unwrap();
        let rows = st
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap();
        rows.collect::<Result<_, _>>().unwrap()
    };
    let (a, b) = (rows(&together), rows(&apart));
    assert!(a.len() >= 3, "every story has a quote: {a:?}");
    assert_eq!(a, b);
    let search = |db: &Path| -> Vec<(String, String)> {
        Store::open(db)
            .unwrap()
            .search_quotes("winter storms", 10)
            .unwrap()
            .into_iter()
            .map(|q| (q.article, q.text))
            .collect()
    };
    assert_eq!(search(&together), search(&apart));
}

#[test]
fn a_line_that_stops_being_template_comes_back_analysed() {
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let db = d.path().join("s.db");
    // Three Fjord Post stories make its footer template; a fourth, digested later, has it
    // dropped ahead, before its analysis.
    let files: Vec<PathBuf> = (0..4)
        .map(|k| {
            let n = 3 * k;
            write(
                d.path(),
                &format!("f{k}.txt"),
                &story(n, "Fjord Post"),
                "Fjord Post",
                "2022-07-01",
            )
        })
        .collect();
    run::digest(&files[..3], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    run::digest(&files[3..], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let fourth = |store: &Store| {
        store
            .articles()
            .unwrap()
            .into_iter()
            .find(|a| a.text.contains("story number 9"))
            .unwrap()
    };
    let before = fourth(&Store::open(&db).unwrap());
    assert!(!before.text.contains("every morning"), "the footer was dropped");
    let analysed: bool = rusqlite::Connection::open(&db)
        .unwrap()
        .query_row(
            "SELECT a.analysed FROM articles a JOIN bodies b ON b.n = a.n WHERE b.text LIKE '%story number 9%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!analysed, "dropped ahead: only the view was analysed");
    assert!(!before.quotes.is_empty());
    // Two of the first three lose their footer: it is in two stories only now.
    std::thread::sleep(std::time::Duration::from_millis(20));
    for f in &files[..2] {
        let text = std::fs::read_to_string(f).unwrap();
        std::fs::write(
            f,
            text.replace("\n\nRead the Fjord Post every morning at the kiosk", ""),
        )
        .unwrap();
    }
    run::digest(&files, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let after = fourth(&Store::open(&db).unwrap());
    assert!(
        after.text.contains("every morning"),
        "the footer is back in the text"
    );
    // Analysed on its whole text, as the in-memory run does it.
    let batch = run::analyze_paths(&files, &p, RunOptions::default(), &mut Quiet).unwrap();
    let expected = batch.articles.iter().find(|a| a.id == after.id).unwrap();
    assert_eq!(after.text, expected.text);
    assert_eq!(after.quotes, expected.quotes);
    assert_eq!(after.sentences, expected.sentences);
    assert!(!after.sentences.is_empty());
    common::text_indexes_intact(&db);
}

#[test]
fn a_file_killed_half_read_is_read_again_and_a_line_removed_goes() {
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let db = d.path().join("s.db");
    let feed = d.path().join("feed.jsonl");
    let line = |n: usize| {
        serde_json::json!({"text": story(n, "Valley Herald"), "outlet": "Valley Herald", "published": "2022-08-01"})
            .to_string()
    };
    std::fs::write(&feed, format!("{}\n{}\n{}\n", line(1), line(2), line(3))).unwrap();
    run::digest(
        std::slice::from_ref(&feed),
        &db,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    {
        // As if a run had been killed after storing the first item only: the file is not
        // known to be complete.
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch("DELETE FROM files; DELETE FROM sources WHERE key NOT LIKE '%:1';")
            .unwrap();
    }
    let again = run::digest(
        std::slice::from_ref(&feed),
        &db,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(
        (again.skipped, again.already),
        (1, 2),
        "the stored item skipped, the rest read"
    );
    let third = run::digest(
        std::slice::from_ref(&feed),
        &db,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(
        (third.skipped, third.items),
        (3, 3),
        "complete now: skipped whole"
    );

    // The feed is edited: its middle line is gone.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&feed, format!("{}\n{}\n", line(1), line(3))).unwrap();
    run::digest(
        std::slice::from_ref(&feed),
        &db,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    let store = Store::open(&db).unwrap();
    let texts: Vec<String> = store.articles().unwrap().into_iter().map(|a| a.text).collect();
    assert_eq!(texts.len(), 2, "the removed line's article is gone");
    assert!(texts.iter().all(|t| !t.contains("story number 2,")));
}

/// A WARC of `resource` records with these bodies, none with a WARC-Record-ID.
fn warc_without_ids(bodies: &[&str]) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, body) in bodies.iter().enumerate() {
        out.extend(
            format!(
                "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://harbour.invalid/{i}\r\n\
                 WARC-Date: 2022-05-0{}T10:00:00Z\r\nContent-Type: text/plain\r\n\
                 Content-Length: {}\r\n\r\n",
                i + 1,
                body.len()
            )
            .as_bytes(),
        );
        out.extend(body.as_bytes());
        out.extend(b"\r\n\r\n");
    }
    out
}

#[test]
fn warc_records_without_ids_are_each_stored() {
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let db = d.path().join("s.db");
    let warc = d.path().join("crawl.warc");
    std::fs::write(
        &warc,
        warc_without_ids(&[
            "Ferry resumes\n\nThe ferry to the outer islands of Brekkvik resumed service on Monday \
             after a week of storms kept the boats in the harbour.",
            "Bridge opens\n\nThe new bridge over the Sollund inlet opened to traffic on Friday, two \
             years after the council approved the plan for it.",
            "Market moves\n\nThe Havstad fish market moved to the old tram depot on Wednesday while \
             the roof of the market hall is repaired.",
        ]),
    )
    .unwrap();
    let first = run::digest(
        std::slice::from_ref(&warc),
        &db,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    assert_eq!((first.added, first.replaced, first.failed), (3, 0, 0));
    assert_eq!(Store::open(&db).unwrap().counts().unwrap().0, 3);
    let again = run::digest(&[warc], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!((again.added, again.skipped), (0, 3));
    assert_eq!(
        Store::open(&db)
            .unwrap()
            .search_articles("ferry", 5)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn an_article_trimmed_ahead_keeps_the_date_read_from_its_text() {
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let db = d.path().join("s.db");
    let footers = fjord_post(d.path(), 3, "2022-05-01");
    run::digest(&footers, &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    // No date in its metadata: the page's stamp dates it.
    let undated = d.path().join("undated.txt");
    std::fs::write(
        &undated,
        "Ferry timetable changes\nPosted on 4 May 2022, 08:15\n\nThe ferry company announced on May 3, 2022 that winter \
         sailings would start earlier. On Wednesday, the harbour director said the change had \
         been asked for by residents of the outer islands.\n\n\
         Read the Fjord Post every morning at the kiosk",
    )
    .unwrap();
    std::fs::write(
        d.path().join("undated.txt.meta.json"),
        r#"{"outlet": "Fjord Post"}"#,
    )
    .unwrap();
    let memory = run::analyze_paths(
        std::slice::from_ref(&undated),
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    let expected = memory.articles[0].published.as_ref().map(|p| p.value);
    assert!(expected.is_some(), "the text dates the article");
    run::digest(&[undated], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    let listed = store
        .articles_of_outlet("Fjord Post", day("2022-05-02"), day("2022-05-31"), 50)
        .unwrap();
    assert_eq!(listed.len(), 1, "{listed:#?}");
    assert_eq!(listed[0].published, expected);
}

#[test]
fn a_reader_opens_and_reads_while_a_write_transaction_is_open() {
    let (_d, db) = digested_corpus();
    let stored = Store::open(&db).unwrap().articles().unwrap().len();
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    std::thread::scope(|s| {
        let mut writer = rusqlite::Connection::open(&db).unwrap();
        let tx = writer
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .unwrap();
        tx.execute("UPDATE runs SET items = items", []).unwrap();
        s.spawn(|| {
            let store = Store::open(&db).unwrap();
            let n = store.articles().unwrap().len();
            done_tx.send(n).unwrap();
        });
        // The writer holds its transaction until the reader is done, or for 20 s.
        let read = done_rx.recv_timeout(std::time::Duration::from_secs(20));
        tx.commit().unwrap();
        assert_eq!(
            read.ok(),
            Some(stored),
            "the reader read while the write transaction was open"
        );
    });
}

#[test]
fn reanalyze_keeps_entity_ids() {
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let db = d.path().join("s.db");
    // The full name first (the lower article number), the surname alone after it.
    let full = write(d.path(), "a.txt", LINDQVIST_FULL_NAME, "Fjord Post", "2022-06-03");
    let surname = write(
        d.path(),
        "b.txt",
        LINDQVIST_SURNAME_ONLY,
        "Fjord Post",
        "2022-06-05",
    );
    run::digest(&[full], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    run::digest(&[surname], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let ids = |db: &Path| {
        let mut v: Vec<String> = Store::open(db)
            .unwrap()
            .entities()
            .unwrap()
            .into_iter()
            .map(|e| e.id)
            .collect();
        v.sort();
        v
    };
    let before = ids(&db);
    assert!(
        before.contains(&"person:mara-lindqvist".to_string()),
        "{before:?}"
    );
    run::reanalyze(&db, &p, true, RunOptions::default(), &mut Quiet).unwrap();
    assert_eq!(ids(&db), before, "the same analysis again changed no id");
    common::text_indexes_intact(&db);
}

#[test]
fn a_reanalysed_batch_keeps_its_entities_when_it_commits() {
    // Each batch of a reanalysis places its entities in the transaction that rewrites it:
    // a reader between two batches sees every entity (they were all gone until the end).
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let db = d.path().join("s.db");
    let full = write(d.path(), "a.txt", LINDQVIST_FULL_NAME, "Fjord Post", "2022-06-03");
    run::digest(&[full], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let entities = |store: &Store| {
        let mut v: Vec<(String, i64)> = store
            .entities()
            .unwrap()
            .into_iter()
            .map(|e| (e.id, e.articles as i64))
            .collect();
        v.sort();
        v
    };
    let mut store = Store::open(&db).unwrap();
    let before = entities(&store);
    assert!(
        before.iter().any(|(id, _)| id == "person:mara-lindqvist"),
        "{before:?}"
    );
    let batch: Vec<(i64, Article, String)> = store
        .stale_batch(u32::MAX, 0, 10)
        .unwrap()
        .into_iter()
        .map(|(n, mut a)| {
            p.reanalyze(&mut a);
            let doc = serde_json::to_string(&a).unwrap();
            (n, a, doc)
        })
        .collect();
    let revise = |_: &mut [Article]| {};
    let config = p.config();
    let rules = storyline::store::CorpusRules {
        dedup: &config.dedup,
        template: &config.template,
        revise: &revise,
    };
    store.replace_analysis(&batch, 0, &rules).unwrap();
    let reader = Store::open(&db).unwrap();
    assert_eq!(entities(&reader), before, "no entity lost its article in between");
}

#[test]
fn other_corpus_settings_are_refused_not_mixed() {
    let d = tempfile::tempdir().unwrap();
    let files = corpus(d.path());
    let db = d.path().join("s.db");
    run::digest(&files[..3], &db, &pipeline(), RunOptions::default(), &mut Quiet).unwrap();
    let mut config = PipelineConfig::default();
    config.dedup.threshold = 0.7;
    let other = Pipeline::build(config).unwrap();
    let err = run::digest(&files[3..], &db, &other, RunOptions::default(), &mut Quiet)
        .expect_err("refused")
        .to_string();
    assert!(err.contains("--threshold"), "{err}");
    // Nothing was added by the refused run; the same settings go on.
    assert_eq!(Store::open(&db).unwrap().counts().unwrap().0, 3);
    run::digest(&files[3..], &db, &pipeline(), RunOptions::default(), &mut Quiet).unwrap();
}

#[test]
fn a_surname_alone_among_namesakes_joins_the_one_whose_role_it_shares() {
    let d = tempfile::tempdir().unwrap();
    let p = pipeline();
    let db = d.path().join("s.db");
    let first = write(
        d.path(),
        "a.txt",
        "Harbour budget passes\n\nThe harbour budget passed on Tuesday in Brekkvik. \
         \u{201c}The numbers finally add up,\u{201d} said finance minister Ana Borg.\n\n\
         Across town the rowing club picked its crew. \u{201c}We train from dawn,\u{201d} \
         said coach Tomas Borg.",
        "Fjord Post",
        "2022-06-01",
    );
    run::digest(&[first], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let later = write(
        d.path(),
        "b.txt",
        "Budget questions\n\nQuestions about the harbour budget continued on Friday. \
         \u{201c}Every figure is public,\u{201d} Finance minister Borg told reporters.",
        "Fjord Post",
        "2022-06-04",
    );
    run::digest(&[later], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    let people = named(&store, "Borg");
    assert_eq!(people.len(), 2, "{people:#?}");
    let minister = people.iter().find(|e| e.name == "Ana Borg").unwrap();
    assert_eq!(minister.articles, 2, "{people:#?}");
    let coach = people.iter().find(|e| e.name == "Tomas Borg").unwrap();
    assert_eq!(coach.articles, 1);
}

#[test]
fn search_puts_title_matches_first_then_the_newest() {
    let d = tempfile::tempdir().unwrap();
    let items = [
        (
            "2023-02-01",
            "Kelp farm opens off Vardholm",
            "A kelp farm opened off Vardholm on Wednesday with twelve lines.",
        ),
        (
            "2023-02-03",
            "Harbour fees rise in Vardholm",
            "Fees rose on Friday; the kelp growers said they would pay.",
        ),
        (
            "2023-02-05",
            "Council meets on roads",
            "The council spoke of roads, and briefly of kelp, on Sunday.",
        ),
    ];
    let lines: Vec<String> = items
        .iter()
        .map(|(day, title, text)| {
            serde_json::json!({"outlet": "Vardholm Tidings", "published": day, "title": title, "text": text})
                .to_string()
        })
        .collect();
    let input = d.path().join("in.jsonl");
    std::fs::write(&input, lines.join("\n")).unwrap();
    let db = d.path().join("s.db");
    run::digest(&[input], &db, &pipeline(), RunOptions::default(), &mut Quiet).unwrap();
    let store = Store::open(&db).unwrap();
    let titles: Vec<String> = store
        .search_articles("kelp", 10)
        .unwrap()
        .into_iter()
        .map(|h| h.title.unwrap())
        .collect();
    // The oldest names it in its title; the other two, newest first.
    assert_eq!(
        titles,
        [
            "Kelp farm opens off Vardholm",
            "Council meets on roads",
            "Harbour fees rise in Vardholm"
        ]
    );
    assert_eq!(store.search_articles("kelp", 2).unwrap().len(), 2);
}

#[test]
fn a_new_store_has_16_kb_pages_and_an_existing_file_keeps_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let page_size = |db: &Path| -> i64 {
        rusqlite::Connection::open(db)
            .unwrap()
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap()
    };
    let new = dir.path().join("new.db");
    drop(Store::open(&new).unwrap());
    assert_eq!(page_size(&new), 16384);
    // A file SQLite already wrote with 4 KB pages (as every store made before was) is
    // opened, and its tables made, at that size.
    let old = dir.path().join("old.db");
    let c = rusqlite::Connection::open(&old).unwrap();
    c.pragma_update(None, "page_size", 4096).unwrap();
    c.pragma_update(None, "journal_mode", "WAL").unwrap();
    drop(c);
    drop(Store::open(&old).unwrap());
    assert_eq!(page_size(&old), 4096);
    let store = Store::open(&old).unwrap();
    assert_eq!(store.counts().unwrap().0, 0);
}
