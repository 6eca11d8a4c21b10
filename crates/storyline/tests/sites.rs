//! One outlet per site: every article of a site is shown under one name — the name its
//! pages give it, else its host — in the records, the quote and figure rows and the
//! storylines, and a later digest that brings the site's name renames the earlier
//! articles without reading them again. Invented sites and articles.

mod common;

use std::path::{Path, PathBuf};

use storyline::run::{self, RunOptions};
use storyline::store::Store;
use storyline::{Article, Pipeline, PipelineConfig};

use common::Quiet;

fn pipeline() -> Pipeline {
    Pipeline::build(PipelineConfig::default()).unwrap()
}

/// A page of the invented Quayside Gazette at `url`; with `site_name`, it says its name.
fn page(url: &str, site_name: Option<&str>, title: &str, body: &str) -> String {
    let name = site_name.map_or(String::new(), |n| {
        format!(r#"<meta property="og:site_name" content="{n}">"#)
    });
    format!(
        r#"<html><head><title>{title}</title>{name}
<link rel="canonical" href="{url}"></head><body><article><h1>{title}</h1>{body}</article></body></html>"#
    )
}

const FERRY: &str = r#"<p>The Quayside ferry will stop running for three weeks from Monday while the slipway is rebuilt, the harbour board said on Friday.</p>
<p>"We know this is hard on the island families, and we have laid on a water taxi twice a day," harbour master Brin Tolley said.</p>
<p>The repairs will cost 1.8 million crowns, the board said.</p>"#;

const MARKET: &str = r#"<p>The Quayside fish market will open an hour earlier from next month, traders said on Saturday, after a season of record landings.</p>
<p>"The boats are in by four, so there is no sense in waiting until six," said market warden Ansel Prye, who has run the hall for eleven years.</p>
<p>About 40 stalls will take part, the traders said.</p>"#;

const WIRE: &str = r#"<p>Storms closed the Tessel strait to shipping for a second day on Sunday, leaving more than 30 cargo ships at anchor off the coast, the coast guard said.</p>
<p>"No vessel will be allowed through until the swell drops below four metres," coast guard spokeswoman Ilse Marr said.</p>"#;

fn write(dir: &Path, name: &str, body: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, body).unwrap();
    p
}

/// An earlier page without a site name, a later one with it, and a wire story carried by
/// the site (its original on the wire's own site, whose feed names it).
fn files(dir: &Path) -> (PathBuf, PathBuf, PathBuf, PathBuf) {
    let early = write(
        dir,
        "a-ferry.html",
        &page(
            "https://quayside.example/2022/06/03/ferry-stops",
            None,
            "Ferry to stop for slipway repairs",
            FERRY,
        ),
    );
    let named = write(
        dir,
        "b-market.html",
        &page(
            "https://www.quayside.example/2022/06/04/market-opens-earlier",
            Some("Quayside Gazette"),
            "Fish market to open an hour earlier",
            MARKET,
        ),
    );
    let carried = write(
        dir,
        "c-strait.html",
        &page(
            "https://quayside.example/2022/06/05/strait-closed",
            None,
            "Storms close the strait",
            WIRE,
        ),
    );
    let wire_text = WIRE.replace("<p>", "").replace("</p>", "\n\n");
    let feed = write(
        dir,
        "wire.jsonl",
        &format!(
            "{}\n",
            serde_json::json!({"outlet": "Tessel Wire", "url": "https://tesselwire.example/2022/06/05/strait",
                "title": "Storms close the strait", "published": "2022-06-05T06:00:00Z", "text": wire_text})
        ),
    );
    (early, named, carried, feed)
}

fn outlets_of(arts: &[Article]) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = arts
        .iter()
        .map(|a| {
            (
                a.url.clone().unwrap_or_default(),
                a.outlet.clone().unwrap_or_default(),
            )
        })
        .collect();
    v.sort();
    v
}

const SHOWN: [(&str, &str); 4] = [
    (
        "https://quayside.example/2022/06/03/ferry-stops",
        "Quayside Gazette",
    ),
    (
        "https://quayside.example/2022/06/05/strait-closed",
        "Quayside Gazette",
    ),
    ("https://tesselwire.example/2022/06/05/strait", "Tessel Wire"),
    (
        "https://www.quayside.example/2022/06/04/market-opens-earlier",
        "Quayside Gazette",
    ),
];

fn shown() -> Vec<(String, String)> {
    SHOWN
        .iter()
        .map(|(u, o)| (u.to_string(), o.to_string()))
        .collect()
}

/// Distinct outlet names in a column of the store.
fn names(db: &Path, sql: &str) -> Vec<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut st = c.prepare(sql).unwrap();
    let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.map(Result::unwrap).collect()
}

fn all_outlet_names(db: &Path) -> Vec<Vec<String>> {
    [
        "SELECT DISTINCT outlet FROM articles ORDER BY 1",
        "SELECT DISTINCT outlet FROM quotes ORDER BY 1",
        "SELECT DISTINCT outlet FROM figures ORDER BY 1",
        "SELECT DISTINCT outlet FROM storyline_outlets ORDER BY 1",
    ]
    .iter()
    .map(|sql| names(db, sql))
    .collect()
}

#[test]
fn analyze_shows_every_article_of_a_site_under_its_name() {
    let d = tempfile::tempdir().unwrap();
    let (early, named, carried, feed) = files(d.path());
    let arts = run::analyze_paths(
        &[early, named, carried, feed],
        &pipeline(),
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap()
    .articles;
    // Before: the pages without a site name were shown under their host, "quayside.example".
    assert_eq!(outlets_of(&arts), shown());
    // The wire story and the site's copy are one group, told apart by their carriers.
    let kinds: Vec<_> = arts.iter().filter_map(|a| a.duplicate_kind).collect();
    assert!(kinds.len() == 1 && kinds[0].syndicated(), "{kinds:?}");
}

#[test]
fn a_later_digest_that_names_the_site_renames_its_earlier_articles() {
    let d = tempfile::tempdir().unwrap();
    let (early, named, carried, feed) = files(d.path());
    let p = pipeline();
    let db = d.path().join("s.db");
    run::digest(
        &[early.clone(), carried.clone(), feed.clone()],
        &db,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    // Nothing named the site yet: its host.
    assert_eq!(
        all_outlet_names(&db)[0],
        ["Tessel Wire".to_string(), "quayside.example".to_string()]
    );
    run::digest(
        std::slice::from_ref(&named),
        &db,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    let store = Store::open(&db).unwrap();
    assert_eq!(outlets_of(&store.articles().unwrap()), shown());
    let expected = vec!["Quayside Gazette".to_string(), "Tessel Wire".to_string()];
    for (column, names) in all_outlet_names(&db).into_iter().enumerate() {
        assert_eq!(names, expected, "column {column}");
    }
    common::story_counts_agree(&db);
    let early_article = store
        .articles()
        .unwrap()
        .into_iter()
        .find(|a| a.url.as_deref() == Some(SHOWN[0].0))
        .unwrap();
    assert_eq!(
        early_article.outlet_source,
        Some(storyline::article::OutletSource::Site)
    );

    // The same articles digested at once: the same names, the same ids.
    let once = d.path().join("once.db");
    run::digest(
        &[early, named, carried, feed],
        &once,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    let ids = |db: &Path| names(db, "SELECT id || ' ' || outlet FROM articles ORDER BY id");
    assert_eq!(ids(&db), ids(&once));
}

#[test]
fn an_edited_page_that_drops_the_name_gives_the_site_its_host_back() {
    let d = tempfile::tempdir().unwrap();
    let (early, named, _, _) = files(d.path());
    let p = pipeline();
    let db = d.path().join("s.db");
    run::digest(
        &[early.clone(), named.clone()],
        &db,
        &p,
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    assert_eq!(all_outlet_names(&db)[0], ["Quayside Gazette"]);
    std::thread::sleep(std::time::Duration::from_millis(20));
    let url = "https://www.quayside.example/2022/06/04/market-opens-earlier";
    std::fs::write(
        &named,
        page(url, None, "Fish market to open an hour earlier", MARKET),
    )
    .unwrap();
    run::digest(&[early, named], &db, &p, RunOptions::default(), &mut Quiet).unwrap();
    for names in all_outlet_names(&db) {
        assert_eq!(names, ["quayside.example"]);
    }
    common::story_counts_agree(&db);
}

#[test]
fn a_format_6_store_is_brought_to_one_outlet_per_site() {
    let d = tempfile::tempdir().unwrap();
    let (early, named, carried, feed) = files(d.path());
    let db = d.path().join("s.db");
    run::digest(
        &[early, named, carried, feed],
        &db,
        &pipeline(),
        RunOptions::default(),
        &mut Quiet,
    )
    .unwrap();
    {
        // What format 6 kept: each article under the name it was analysed with.
        let c = rusqlite::Connection::open(&db).unwrap();
        c.execute_batch(
            "UPDATE quotes SET outlet = (SELECT own_outlet FROM articles a WHERE a.n = quotes.article);
             UPDATE figures SET outlet = (SELECT own_outlet FROM articles a WHERE a.n = figures.article);
             UPDATE articles SET outlet = own_outlet;
             DELETE FROM storyline_outlets;
             INSERT INTO storyline_outlets (storyline, outlet, n)
                 SELECT e.storyline, a.outlet, count(*) FROM events e
                 JOIN event_articles x ON x.event = e.id JOIN articles a ON a.id = x.article
                 WHERE a.outlet IS NOT NULL GROUP BY e.storyline, a.outlet;",
        )
        .unwrap();
        c.execute_batch(common::TO_FORMAT_6).unwrap();
        assert!(names(&db, "SELECT DISTINCT outlet FROM articles").contains(&"quayside.example".to_string()));
    }
    let store = Store::open(&db).unwrap();
    assert_eq!(outlets_of(&store.articles().unwrap()), shown());
    for names in all_outlet_names(&db) {
        assert_eq!(names, ["Quayside Gazette", "Tessel Wire"]);
    }
    common::story_counts_agree(&db);
}
