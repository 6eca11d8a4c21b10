//! The API and pages over a store digested from invented articles: whole JSON bodies,
//! paging, the error shape, the security headers, and hostile text rendered as text.

use std::path::{Path, PathBuf};

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use storyline::run::{self, Observer, RunOptions};
use storyline::{Pipeline, PipelineConfig};
use tower::ServiceExt;

struct Quiet;
impl Observer for Quiet {}

/// Two invented outlets report one harbour strike on consecutive days; a third article,
/// months later, is about a chess tournament.
fn corpus() -> Vec<Value> {
    vec![
        json!({"outlet": "Quayside Herald", "url": "https://quayside.example/strike-begins",
            "title": "Dockers at Brennholm walk out over night shifts", "published": "2022-04-04T08:00:00Z",
            "text": "Dockers at the port of Brennholm stopped work on Monday in a dispute over night shifts.\n\n\u{201c}We will not load a single ship until the rota is fair,\u{201d} said Tove Rask, a union organiser.\n\nThe port authority said twelve vessels were waiting offshore."}),
        json!({"outlet": "Fjordline Times", "url": "https://fjordline.example/news/brennholm-strike",
            "title": "Brennholm strike leaves ships waiting", "published": "2022-04-05T09:30:00Z",
            "text": "Twelve vessels waited off Brennholm on Tuesday as the dockers' strike over night shifts went into a second day.\n\n\u{201c}The rota has not changed in ten years,\u{201d} union organiser Tove Rask told reporters at the port.\n\nPort director Elin Voss said talks would resume on Thursday."}),
        json!({"outlet": "Fjordline Times", "url": "https://fjordline.example/sport/chess-open",
            "title": "Teenager wins Brennholm chess open", "published": "2022-09-12T18:00:00Z",
            "text": "A fifteen-year-old from Sandvik won the Brennholm chess open on Sunday after nine rounds.\n\nThe tournament drew two hundred players to the old library hall."}),
    ]
}

/// An article whose every field tries to inject markup or script.
fn hostile() -> Value {
    json!({"outlet": "\"><img src=x onerror=alert(1)>", "url": "javascript:alert(2)",
        "title": "<script>alert(3)</script> Harbour row", "published": "2022-04-06T10:00:00Z",
        "text": "Dockers at Brennholm kept up their strike over night shifts on Wednesday.\n\n\u{201c}<b onmouseover=alert(4)>Enough</b> of this,\u{201d} said Ivo \"Hook\" Lerner, a crane driver.\n\nThe port said talks were planned."})
}

fn store(items: &[Value]) -> (tempfile::TempDir, PathBuf) {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in.jsonl");
    let lines: Vec<String> = items.iter().map(Value::to_string).collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let db = d.path().join("s.db");
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    run::digest(&[input], &db, &p, RunOptions { jobs: 1 }, &mut Quiet).unwrap();
    (d, db)
}

async fn get(db: &Path, uri: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let app = storyline_server::router(db.to_path_buf(), None);
    let res = app
        .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

async fn get_json(db: &Path, uri: &str) -> (StatusCode, Value) {
    let (status, _, body) = get(db, uri).await;
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{uri}: {e}: {body}")),
    )
}

#[tokio::test]
async fn storylines_page_by_page_as_whole_bodies() {
    let (d, db) = store(&corpus());
    let source = format!("{}:3", d.path().join("in.jsonl").display());
    let (status, first) = get_json(&db, "/api/v1/storylines?limit=1").await;
    assert_eq!(status, StatusCode::OK);
    let chess = first["items"][0]["events"][0]["articles"][0]["id"].clone();
    let next = first["next"].as_str().unwrap().to_string();
    assert_eq!(
        first,
        json!({"items": [{
            "id": format!("s-{}", chess.as_str().unwrap()),
            "title": "Teenager wins Brennholm chess open",
            "start": "2022-09-12", "end": "2022-09-12", "size": 1,
            "outlets": ["Fjordline Times"], "event_count": 1,
            "events": [{"id": chess, "title": "Teenager wins Brennholm chess open",
                "start": "2022-09-12", "end": "2022-09-12", "size": 1,
                "articles": [{"id": chess, "title": "Teenager wins Brennholm chess open",
                    "outlet": "Fjordline Times", "published": "2022-09-12T18:00:00+00:00",
                    "url": "https://fjordline.example/sport/chess-open", "source": source}]}]}],
            "next": next})
    );
    let (_, second) = get_json(&db, &format!("/api/v1/storylines?limit=1&cursor={next}")).await;
    let strike = &second["items"][0];
    assert_eq!(strike["title"], "Dockers at Brennholm walk out over night shifts");
    assert_eq!(
        (strike["start"].as_str(), strike["end"].as_str()),
        (Some("2022-04-04"), Some("2022-04-05"))
    );
    assert_eq!(strike["outlets"], json!(["Fjordline Times", "Quayside Herald"]));
    assert_eq!(second["next"], Value::Null, "two storylines, two pages");
    // Filters: an outlet, a date range that ends before the chess open.
    let (_, quayside) = get_json(&db, "/api/v1/storylines?outlet=Quayside%20Herald").await;
    assert_eq!(quayside["items"].as_array().unwrap().len(), 1);
    let (_, spring) = get_json(&db, "/api/v1/storylines?from=2022-01-01&to=2022-06-30").await;
    assert_eq!(spring["items"][0]["id"], strike["id"]);
    assert_eq!(spring["items"].as_array().unwrap().len(), 1);
    // Days beyond year 9999 (which chrono reads, "+10000-01-01") compare as days, not as
    // text that sorts before "2022-…"; so does a cursor of the documented shape that far on.
    let count = |v: &Value| v["items"].as_array().unwrap().len();
    for (uri, n) in [
        ("/api/v1/storylines?from=%2B10000-01-01", 0),
        ("/api/v1/storylines?to=%2B10000-01-01", 2),
        ("/api/v1/storylines?from=-0500-01-01", 2),
        ("/api/v1/storylines?to=-0500-01-01", 0),
        ("/api/v1/storylines?cursor=9999999~s-1", 2),
        ("/api/v1/storylines?cursor=-9999999~s-1", 0),
    ] {
        let (s, page) = get_json(&db, uri).await;
        assert_eq!((s, count(&page)), (StatusCode::OK, n), "{uri}: {page}");
    }
}

#[tokio::test]
async fn a_story_has_its_summary_timeline_speakers_and_sources() {
    let (_d, db) = store(&corpus());
    let (_, list) = get_json(&db, "/api/v1/storylines?to=2022-06-30").await;
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    let (status, story) = get_json(&db, &format!("/api/v1/stories/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(story["storyline"]["id"], id.as_str());
    let dates: Vec<&str> = story["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert!(
        dates.contains(&"2022-04-04") && dates.contains(&"2022-04-05"),
        "{dates:?}"
    );
    for d in story["timeline"].as_array().unwrap() {
        for s in d["sentences"].as_array().unwrap() {
            assert!(s["evidence"]["kind"].is_string(), "{s}");
            assert!(s["article"].is_string());
        }
    }
    let rask = story["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Tove Rask")
        .unwrap();
    assert_eq!(rask["quotes"].as_array().unwrap().len(), 2, "{rask}");
    assert_eq!(rask["outlets"], json!(["Quayside Herald", "Fjordline Times"]));
    assert!(rask["entity"].is_string());
    assert_eq!(story["sources"].as_array().unwrap().len(), 2);
    assert!(!story["summary"].as_array().unwrap().is_empty());
    // The speaker's page in the API: both quotes, newest first.
    let entity = rask["entity"].as_str().unwrap();
    let (_, person) = get_json(&db, &format!("/api/v1/entities/{entity}")).await;
    assert_eq!(person["name"], "Tove Rask");
    assert_eq!(person["quotes"], 2, "the statement count");
    let outlets: Vec<&str> = person["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(outlets, ["Fjordline Times", "Quayside Herald"]);
    // Each quote with its storyline, the storyline in brief, and who else spoke in it.
    let id = story["storyline"]["id"].as_str().unwrap();
    for q in person["statements"].as_array().unwrap() {
        assert_eq!(q["storyline"], id, "{q}");
    }
    assert_eq!(
        person["storylines"],
        json!([{"id": id, "title": story["storyline"]["title"], "start": "2022-04-04",
            "end": "2022-04-05", "size": 2}])
    );
    let with = person["quoted_with"].as_array().unwrap();
    assert_eq!(with.len(), 1, "{with:?}");
    assert_eq!(
        (&with[0]["name"], &with[0]["storylines"], &with[0]["quotes"]),
        (&json!("Elin Voss"), &json!(1), &json!(1))
    );
}

#[tokio::test]
async fn an_article_carries_the_spans_of_its_quotes_and_dates() {
    let (_d, db) = store(&corpus());
    let (_, hits) = get_json(&db, "/api/v1/search?q=rota").await;
    let quotes = hits["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{hits}");
    let article = quotes[0]["article"].as_str().unwrap();
    let (_, a) = get_json(&db, &format!("/api/v1/articles/{article}")).await;
    let text = a["text"].as_str().unwrap();
    let q = &a["quotes"][0];
    let span =
        &text[q["span"]["start"].as_u64().unwrap() as usize..q["span"]["end"].as_u64().unwrap() as usize];
    assert!(span.contains("rota"), "{span}");
    assert_eq!(q["speaker"], "Tove Rask");
    assert!(
        a["dates"].as_array().unwrap().iter().any(|d| d["kind"] == "DATE"),
        "{a}"
    );
}

#[tokio::test]
async fn errors_have_one_shape_and_user_errors_are_4xx() {
    let (_d, db) = store(&corpus());
    for (uri, status, code) in [
        ("/api/v1/stories/s-nothing", 404, "not_found"),
        ("/api/v1/articles/0000", 404, "not_found"),
        ("/api/v1/entities/person:nobody", 404, "not_found"),
        ("/api/v1/storylines?limit=0", 400, "bad_request"),
        ("/api/v1/storylines?limit=101", 400, "bad_request"),
        ("/api/v1/storylines?from=yesterday", 400, "bad_request"),
        ("/api/v1/storylines?cursor=not-a-cursor", 400, "bad_request"),
        ("/api/v1/search?q=", 400, "bad_request"),
        ("/api/v1/search", 400, "bad_request"),
        ("/api/v1/nowhere", 404, "not_found"),
    ] {
        let (s, body) = get_json(&db, uri).await;
        assert_eq!(s.as_u16(), status, "{uri}: {body}");
        assert_eq!(body["error"]["code"], code, "{uri}: {body}");
        assert!(body["error"]["message"].is_string(), "{uri}");
        assert_eq!(body.as_object().unwrap().len(), 1, "{uri}: {body}");
    }
    let long = "x".repeat(300);
    let (s, empty) = get_json(&db, "/api/v1/storylines?from=2022-05-01&to=2022-01-01").await;
    assert_eq!(
        (s, empty),
        (StatusCode::OK, json!({"items": [], "next": null})),
        "an empty range"
    );
    let (s, body) = get_json(&db, &format!("/api/v1/search?q={long}")).await;
    assert_eq!(
        (s.as_u16(), body["error"]["code"].as_str()),
        (400, Some("bad_request"))
    );
    // Search syntax a user may type is not an error.
    let (s, _) = get_json(&db, "/api/v1/search?q=%22night%20shifts%22%20OR%20(").await;
    assert_eq!(s, StatusCode::OK);
    // Nor is a query of symbols alone: it finds nothing.
    let (s, none) = get_json(&db, "/api/v1/search?q=%F1%92%B2%8D").await;
    assert_eq!((s, none), (StatusCode::OK, json!({"articles": [], "quotes": []})));
    // Words the index splits (an apostrophe, vowel marks) are split in the query too: a
    // quoted term of two index words is a phrase, which the index cannot answer.
    let (_, rask) = get_json(&db, "/api/v1/search?q=Rask").await;
    assert!(!rask["quotes"].as_array().unwrap().is_empty(), "{rask}");
    for q in [
        "Rask%27s",
        "Rask%E2%80%99s",
        "O%27Rask",
        "%D9%83%D9%8E%D8%AA%D9%8E%D8%A8%D9%8E",
        "%E0%A4%95%E0%A4%BE%E0%A4%AE",
    ] {
        let (s, body) = get_json(&db, &format!("/api/v1/search?q={q}")).await;
        assert_eq!(s, StatusCode::OK, "{q}: {body}");
        if q.starts_with("Rask") {
            assert_eq!(body, rask, "{q}: a possessive finds what the name finds");
        }
    }
}

#[tokio::test]
async fn a_bad_id_or_method_answers_in_the_error_shape() {
    let (_d, db) = store(&corpus());
    // An id that is not UTF-8 once percent-decoded: JSON under /api/, a page elsewhere.
    for uri in [
        "/api/v1/stories/%FF%FE",
        "/api/v1/articles/%FF",
        "/api/v1/entities/%FF",
        "/api/v1/stories/%FF/figures",
        "/api/v1/stories/%FF/framing",
    ] {
        let (s, body) = get_json(&db, uri).await;
        assert_eq!(
            (s.as_u16(), body["error"]["code"].as_str()),
            (400, Some("bad_request")),
            "{uri}: {body}"
        );
    }
    for uri in ["/stories/%FF", "/articles/%FF", "/entities/%FF"] {
        let (s, headers, body) = get(&db, uri).await;
        assert_eq!(s.as_u16(), 400, "{uri}");
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("text/html"),
            "{uri}"
        );
        assert!(body.contains("The request could not be read"), "{uri}: {body}");
    }
    // A method a route does not serve: 405, the Allow header, and a body in the same shape.
    for (method, uri) in [("DELETE", "/api/v1/storylines"), ("PUT", "/api/v1/search?q=x")] {
        let app = storyline_server::router(db.clone(), None);
        let res = app
            .oneshot(
                Request::builder()
                    .method(method)
                    .uri(uri)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        assert!(res.headers().get(header::ALLOW).is_some(), "{method} {uri}");
        let body = res.into_body().collect().await.unwrap().to_bytes();
        let body: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "method_not_allowed", "{body}");
    }
}

#[tokio::test]
async fn the_next_page_link_keeps_the_page_size_and_filters() {
    let (_d, db) = store(&corpus());
    let (s, _, page) = get(&db, "/?limit=1&outlet=Quayside%20Herald&to=2022-12-31").await;
    assert_eq!(s, StatusCode::OK);
    let (_, _, all) = get(&db, "/?limit=1").await;
    let href = all
        .split("rel=\"next\" href=\"")
        .nth(1)
        .expect("a next link")
        .split('"')
        .next()
        .unwrap();
    assert!(href.contains("limit=1"), "{href}");
    assert!(
        !page.contains("rel=\"next\""),
        "one storyline from that outlet: no next page"
    );
}

#[tokio::test]
async fn pages_answer_errors_as_pages() {
    let (_d, db) = store(&corpus());
    for (uri, status, heading) in [
        ("/?limit=0", 400, "The request could not be read"),
        ("/?from=yesterday", 400, "The request could not be read"),
        ("/?cursor=%3Cb%3E", 400, "The request could not be read"),
        ("/search?q=", 400, "The request could not be read"),
        ("/search", 400, "The request could not be read"),
        ("/stories/s-nothing", 404, "Not found"),
        ("/entities/person:nobody", 404, "Not found"),
    ] {
        let (s, h, body) = get(&db, uri).await;
        assert_eq!(s.as_u16(), status, "{uri}: {body}");
        assert_eq!(h["content-type"], "text/html; charset=utf-8", "{uri}");
        assert!(body.contains(&format!("<h1>{heading}</h1>")), "{uri}: {body}");
        assert!(!body.contains("<b>"), "{uri}: {body}");
    }
}

#[tokio::test]
async fn a_missing_store_is_a_clear_error_not_a_new_store() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("none.db");
    let (s, body) = get_json(&db, "/api/v1/storylines").await;
    assert_eq!(s, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(body["error"]["code"], "no_store");
    assert!(!db.exists());
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let (_d, db) = store(&corpus());
    for uri in [
        "/",
        "/api/v1/storylines",
        "/assets/app.js",
        "/nowhere",
        "/api/v1/openapi.json",
    ] {
        let (_, h, _) = get(&db, uri).await;
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("script-src 'self'"),
            "{uri}"
        );
        assert!(!csp.contains("unsafe-inline"), "{uri}");
        assert_eq!(h["x-content-type-options"], "nosniff", "{uri}");
        assert_eq!(h["x-frame-options"], "DENY", "{uri}");
    }
    // No way out of the assets.
    for uri in [
        "/assets/../Cargo.toml",
        "/assets/%2e%2e/Cargo.toml",
        "/assets/style.css/../../src/lib.rs",
    ] {
        let (s, _, body) = get(&db, uri).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        assert!(
            !body.contains("[package]") && !body.contains("pub fn router"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let (_d, db) = store(&corpus());
    let (s, doc) = get_json(&db, "/api/v1/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let paths: Vec<&String> = doc["paths"].as_object().unwrap().keys().collect();
    assert_eq!(
        paths,
        [
            "/api/v1/articles",
            "/api/v1/articles/{id}",
            "/api/v1/entities/{id}",
            "/api/v1/search",
            "/api/v1/stories/{id}",
            "/api/v1/stories/{id}/figures",
            "/api/v1/stories/{id}/framing",
            "/api/v1/storylines"
        ]
    );
    for schema in [
        "StorylinePage",
        "StoryBody",
        "ArticleBody",
        "EntityBody",
        "SearchBody",
        "ErrorBody",
    ] {
        assert!(doc["components"]["schemas"][schema].is_object(), "{schema}");
    }
}

#[tokio::test]
async fn hostile_text_is_shown_as_text_on_every_page() {
    let mut items = corpus();
    items.push(hostile());
    let (_d, db) = store(&items);
    let (_, hits) = get_json(&db, "/api/v1/search?q=crane").await;
    let article = hits["articles"][0]["article"].as_str().unwrap().to_string();
    let (_, list) = get_json(&db, "/api/v1/storylines?to=2022-06-30").await;
    let story = list["items"][0]["id"].as_str().unwrap().to_string();
    let (_, a) = get_json(&db, &format!("/api/v1/articles/{article}")).await;
    let speaker = a["quotes"][0]["entity"].as_str().map(str::to_string);
    let mut pages = vec![
        "/".to_string(),
        format!("/stories/{story}"),
        format!("/articles/{article}"),
        "/search?q=crane".to_string(),
        "/search?q=%3Cscript%3Ealert(5)%3C%2Fscript%3E".to_string(),
    ];
    pages.extend(speaker.map(|e| format!("/entities/{e}")));
    for uri in &pages {
        let (s, _, html) = get(&db, uri).await;
        assert_eq!(s, StatusCode::OK, "{uri}");
        for raw in ["<script>alert", "<img", "<b onmouseover", "href=\"javascript:"] {
            assert!(!html.contains(raw), "{uri} holds {raw}");
        }
        // Our own script is the only script, loaded from our origin.
        assert_eq!(html.matches("<script").count(), 1, "{uri}");
        assert!(html.contains(r#"<script src="/assets/app.js" defer>"#), "{uri}");
    }
    let (_, _, page) = get(&db, &format!("/articles/{article}")).await;
    assert!(
        page.contains("&lt;script&gt;alert(3)&lt;/script&gt; Harbour row"),
        "the title, escaped"
    );
    assert!(
        page.contains("&lt;b onmouseover=alert(4)&gt;"),
        "the quote, escaped"
    );
    assert!(
        page.contains("<mark class=\"q s0\" title=\"said by "),
        "a quotation is marked: {page}"
    );
    assert!(
        page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        "the outlet, escaped"
    );
}

#[tokio::test]
async fn a_story_read_again_after_a_digest_shows_what_the_digest_added() {
    let items = corpus();
    let (d, db) = store(&items[..2]);
    let app = storyline_server::router(db.clone(), None);
    let fetch = |uri: String| {
        let app = app.clone();
        async move {
            let res = app
                .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let body = res.into_body().collect().await.unwrap().to_bytes();
            serde_json::from_slice::<Value>(&body).unwrap()
        }
    };
    let list = fetch("/api/v1/storylines".into()).await;
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    let before = fetch(format!("/api/v1/stories/{id}")).await;
    assert_eq!(before["sources"].as_array().unwrap().len(), 2);
    assert_eq!(
        fetch(format!("/api/v1/stories/{id}")).await,
        before,
        "read twice, the same"
    );
    // A third report of the strike, digested while the server runs.
    let third = json!({"outlet": "Brennholm Evening News", "url": "https://evening.example/strike-day-three",
        "title": "Brennholm dockers strike for a third day", "published": "2022-04-06T17:00:00Z",
        "text": "The dockers' strike at the port of Brennholm over night shifts went into a third day on Wednesday.\n\n\u{201c}Nobody has called us back,\u{201d} union organiser Tove Rask told reporters at the gate.\n\nTwelve vessels were still waiting offshore."});
    let input = d.path().join("third.jsonl");
    std::fs::write(&input, third.to_string()).unwrap();
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    run::digest(&[input], &db, &p, RunOptions { jobs: 1 }, &mut Quiet).unwrap();
    let after = fetch(format!("/api/v1/stories/{id}")).await;
    assert_eq!(after["sources"].as_array().unwrap().len(), 3, "{after}");
    assert_eq!(after["storyline"]["end"], "2022-04-06");
}

async fn post(
    app: &axum::Router,
    uri: &str,
    origin: Option<&str>,
    body: impl Into<Body>,
) -> (StatusCode, Value) {
    let mut req = Request::builder()
        .method("POST")
        .uri(uri)
        .header("host", "127.0.0.1:8080");
    if let Some(o) = origin {
        req = req.header("origin", o);
    }
    let res = app.clone().oneshot(req.body(body.into()).unwrap()).await.unwrap();
    let status = res.status();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&body).unwrap_or_else(|e| panic!("{uri}: {e}: {body:?}")),
    )
}

#[tokio::test]
async fn posted_articles_join_the_store_only_when_ingest_is_allowed() {
    let items = corpus();
    let (_d, db) = store(&items[..2]);
    let third = json!({"outlet": "Brennholm Evening News", "url": "https://evening.example/strike-day-three",
        "title": "Brennholm dockers strike for a third day", "published": "2022-04-06T17:00:00Z",
        "text": "The dockers' strike at the port of Brennholm over night shifts went into a third day on Wednesday.\n\n\u{201c}Nobody has called us back,\u{201d} union organiser Tove Rask told reporters at the gate.\n\nTwelve vessels were still waiting offshore."});
    let lines = format!("{third}\n{{\"text\": 5}}\n");
    // Read-only by default: refused, nothing kept.
    let read_only = storyline_server::router(db.clone(), None);
    let (s, body) = post(&read_only, "/api/v1/articles", None, lines.clone()).await;
    assert_eq!(
        (s, &body["error"]["code"]),
        (StatusCode::FORBIDDEN, &json!("read_only"))
    );
    assert!(!db.with_extension("db.ingest").exists());

    let opts = storyline_server::IngestOptions {
        pipeline: Pipeline::build(PipelineConfig::default()).unwrap(),
        max_bytes: 4096,
    };
    let app = storyline_server::router(db.clone(), Some(opts));
    // Another site's page cannot make a browser post here.
    let (s, body) = post(
        &app,
        "/api/v1/articles",
        Some("https://elsewhere.example"),
        lines.clone(),
    )
    .await;
    assert_eq!(
        (s, &body["error"]["code"]),
        (StatusCode::FORBIDDEN, &json!("cross_origin"))
    );
    let (s, body) = post(&app, "/api/v1/articles", None, "  \n").await;
    assert_eq!(
        (s, &body["error"]["code"]),
        (StatusCode::BAD_REQUEST, &json!("bad_request"))
    );
    let long = format!("/api/v1/articles?title={}", "t".repeat(2049));
    let (s, body) = post(&app, &long, None, "Some text.").await;
    assert_eq!(
        (s, &body["error"]["code"]),
        (StatusCode::BAD_REQUEST, &json!("bad_request"))
    );
    assert!(
        body["error"]["message"].as_str().unwrap().starts_with("title"),
        "{body}"
    );
    let (s, body) = post(&app, "/api/v1/articles", None, "x".repeat(5000)).await;
    assert_eq!(
        (s, &body["error"]["code"]),
        (StatusCode::PAYLOAD_TOO_LARGE, &json!("too_large"))
    );

    // One good line and one bad: the good one is stored, the bad one reported.
    let (s, report) = post(
        &app,
        "/api/v1/articles",
        Some("http://127.0.0.1:8080"),
        lines.clone(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{report}");
    assert_eq!(
        (
            report["items"].as_u64(),
            report["added"].as_u64(),
            report["failed"].as_u64()
        ),
        (Some(2), Some(1), Some(1)),
        "{report}"
    );
    assert_eq!(report["failures"][0]["stage"], "ingest", "{report}");
    let id = report["articles"][0].as_str().unwrap().to_string();
    assert_eq!(report["articles"].as_array().unwrap().len(), 1);
    let (s, article) = get_json(&db, &format!("/api/v1/articles/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(article["outlet"], "Brennholm Evening News");
    // It joined the strike's storyline, which the report names.
    let story = report["storylines"][0].as_str().unwrap();
    let (_, body) = get_json(&db, &format!("/api/v1/stories/{story}")).await;
    assert_eq!(body["sources"].as_array().unwrap().len(), 3, "{body}");
    // Posted again: the same article, nothing new.
    let (_, again) = post(&app, "/api/v1/articles", None, lines).await;
    assert_eq!(
        (again["added"].as_u64(), again["articles"][0].as_str()),
        (Some(0), Some(id.as_str())),
        "{again}"
    );
    // A single text with its metadata in the query.
    let text = "Ferry crews at Sandvik voted on Friday to accept the new rota.\n\n\u{201c}It is a fair deal,\u{201d} said Mats Ohlin, a deckhand.";
    let (s, one) = post(
        &app,
        "/api/v1/articles?outlet=Sandvik%20Courier&published=2022-05-06&title=Ferry%20crews%20accept%20rota",
        None,
        text,
    )
    .await;
    assert_eq!((s, one["added"].as_u64()), (StatusCode::OK, Some(1)), "{one}");
    let (_, a) = get_json(
        &db,
        &format!("/api/v1/articles/{}", one["articles"][0].as_str().unwrap()),
    )
    .await;
    assert_eq!(
        (a["outlet"].as_str(), a["title"].as_str()),
        (Some("Sandvik Courier"), Some("Ferry crews accept rota"))
    );
    // The posted bodies are kept beside the store: a rebuild from the inputs loses nothing.
    let kept = std::fs::read_dir(db.with_extension("db.ingest")).unwrap().count();
    assert_eq!(kept, 4, "three bodies and one sidecar");
}

/// The surname alone comes first (by publication); the full name a day later.
#[tokio::test]
async fn who_said_what_names_a_speaker_quoted_by_surname_by_their_full_name() {
    let items = [
        json!({"outlet": "Quayside Herald", "title": "Brennholm pier lease talks open", "published": "2022-06-02",
            "text": "Talks on the lease of the Brennholm pier opened on Wednesday.\n\n\u{201c}We want the pier kept for the ferries,\u{201d} said Mara Lindqvist, the harbour director.\n\nThe lease runs out in August."}),
        json!({"outlet": "Fjordline Times", "title": "Brennholm pier lease talks go on", "published": "2022-06-01",
            "text": "Talks on the lease of the Brennholm pier went on on Thursday.\n\n\u{201c}The ferries come first,\u{201d} Lindqvist told reporters at the pier.\n\nThe lease runs out in August."}),
    ];
    let (_d, db) = store(&items);
    let (_, list) = get_json(&db, "/api/v1/storylines").await;
    let id = list["items"][0]["id"].as_str().unwrap();
    assert_eq!(list["items"][0]["size"], 2, "{list}");
    let (_, story) = get_json(&db, &format!("/api/v1/stories/{id}")).await;
    let speakers = story["speakers"].as_array().unwrap();
    assert_eq!(speakers.len(), 1, "{speakers:?}");
    assert_eq!(speakers[0]["name"], "Mara Lindqvist");
    assert_eq!(speakers[0]["quotes"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_story_tracks_its_figures_across_outlets() {
    let (_d, db) = store(&corpus());
    let (_, list) = get_json(&db, "/api/v1/storylines?to=2022-06-30").await;
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    let (status, body) = get_json(&db, &format!("/api/v1/stories/{id}/figures")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], id.as_str());
    // "twelve vessels were waiting" and "Twelve vessels waited", a day apart: one measure,
    // two outlets, one period, no disagreement.
    let vessels = body["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["concept"] == "vessel")
        .unwrap_or_else(|| panic!("no vessel measure: {body}"));
    assert_eq!(vessels["outlets"], json!(["Fjordline Times", "Quayside Herald"]));
    let values: Vec<f64> = vessels["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["figure"]["value"].as_f64().unwrap())
        .collect();
    assert_eq!(values, [12.0, 12.0]);
    assert_eq!(vessels["trend"], "single", "a day apart is one period");
    assert_eq!(vessels["discrepancies"], json!([]));
    assert_eq!(vessels["claims_total"], 2);
    let (_, story) = get_json(&db, &format!("/api/v1/stories/{id}")).await;
    assert_eq!(
        story["figures"], body["measures"],
        "a small story's body carries the same figures, none cut"
    );
    assert_eq!(
        story["measures_total"].as_u64(),
        Some(body["measures"].as_array().unwrap().len() as u64)
    );
    let (status, _, page) = get(&db, &format!("/stories/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("id=\"figures-h\""),
        "the story page has a figures section"
    );
    assert!(
        page.contains("Twelve vessels waited"),
        "each claim shows its sentence"
    );
    let (status, _) = get_json(&db, "/api/v1/stories/s-nothing/figures").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_story_shows_how_each_outlet_framed_it() {
    let (_d, db) = store(&corpus());
    let (_, list) = get_json(&db, "/api/v1/storylines?to=2022-06-30").await;
    let id = list["items"][0]["id"].as_str().unwrap().to_string();
    let (status, body) = get_json(&db, &format!("/api/v1/stories/{id}/framing")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body["id"], id.as_str());
    let outlets: Vec<&str> = body["framing"]["outlets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["outlet"].as_str().unwrap())
        .collect();
    assert_eq!(outlets, ["Quayside Herald", "Fjordline Times"]);
    // Both outlets quote the organiser; only one quotes the port director.
    let quotes = body["framing"]["quotes"].as_array().unwrap();
    let names = |o: &str| -> Vec<String> {
        quotes.iter().find(|q| q["outlet"] == o).unwrap()["speakers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["name"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(
        names("Quayside Herald").contains(&"Tove Rask".to_string()),
        "{body}"
    );
    assert!(
        names("Fjordline Times").contains(&"Tove Rask".to_string()),
        "{body}"
    );
    for q in quotes {
        let share = q["quote_share"].as_f64().unwrap();
        assert!(share > 0.0 && share < 1.0, "{q}");
        for s in q["speakers"].as_array().unwrap() {
            let key = format!(
                "{}/{}/{}",
                s["example"]["article"].as_str().unwrap(),
                s["example"]["part"].as_str().unwrap(),
                s["example"]["span"]["start"]
            );
            assert!(
                body["sentences"][&key].is_string(),
                "the sentence of {key} is given"
            );
        }
    }
    let (_, _, page) = get(&db, &format!("/stories/{id}")).await;
    assert!(page.contains("Framing by outlet") && page.contains("Quotes per speaker and outlet"));
}
