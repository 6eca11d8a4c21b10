//! End-to-end tests of the `storyline` binary in temporary folders.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_storyline"))
}

fn run(args: &[&str], dir: &Path) -> Output {
    bin().args(args).current_dir(dir).output().expect("run storyline")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// One wire story as a JSON string body (escaped newlines), for JSON Lines inputs.
const WIRE_TEXT: &str = "Storm strands ferries\\n\\nA winter storm stranded ferries across the Grey Sea on \
    Wednesday, leaving thousands of passengers waiting in port terminals overnight, the coast guard said.";

/// The JSON records of a command's stdout, one per line.
fn jsonl(o: &Output) -> Vec<serde_json::Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

/// The store's content as comparable rows: articles with their corpus verdicts,
/// sources, failures. Run ids and timestamps are left out.
fn dump(db: &Path) -> Vec<String> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut rows = Vec::new();
    for sql in [
        // What readers see: an article's view, or its record when it has none (whether
        // a record with a view was analysed itself depends on timing, not on the input).
        "SELECT a.id || '|' || coalesce(b.view, b.doc) || '|' || ifnull(a.duplicate_of,'') || '|'
             || ifnull(a.duplicate_kind,'') || '|' || a.template || '|' || a.pending
             FROM articles a JOIN bodies b ON b.n = a.n ORDER BY a.id",
        "SELECT key || '|' || ifnull(article_id,'') FROM sources ORDER BY key",
        "SELECT source || '|' || reason FROM failures ORDER BY source",
        "SELECT id || '|' || kind || '|' || name || '|' || articles || '|' || quotes FROM entities ORDER BY id",
        "SELECT a.id || '|' || m.local || '|' || e.id FROM entity_members m JOIN articles a ON a.n = m.article
             JOIN entities e ON e.n = m.entity ORDER BY 1",
        "SELECT a.id || '|' || q.ord || '|' || q.text || '|' || ifnull(e.id,'') || '|' || ifnull(q.said,'')
             FROM quotes q JOIN articles a ON a.n = q.article LEFT JOIN entities e ON e.n = q.speaker ORDER BY 1",
        "SELECT outlet || '|' || key || '|' || stories FROM line_stories ORDER BY 1",
        "SELECT count(*) || '|' || ifnull(sum(size),0) FROM dup_groups",
        "SELECT a.id || '|' || t.ord || '|' || t.value FROM timexes t JOIN articles a ON a.n = t.article ORDER BY 1",
        // Stories: each article's event and storyline, and nothing left waiting.
        "SELECT e.article || '|' || e.event || '|' || ev.storyline || '|' || e.copy
             FROM event_articles e JOIN events ev ON ev.id = e.event ORDER BY 1",
        "SELECT 'waiting ' || count(*) FROM story_queue",
    ] {
        let mut st = c.prepare(sql).unwrap();
        let r = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
        rows.extend(r.map(Result::unwrap));
    }
    rows
}

/// Rows in a table, read as a reader would: without creating the store or writing to it.
fn count(db: &Path, table: &str) -> i64 {
    let Ok(c) = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn digest_twice_adds_nothing() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("s.db");
    let dbs = db.to_str().unwrap();
    let ex = examples();
    let first = run(&["digest", ex.to_str().unwrap(), "--db", dbs], d.path());
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let out = stdout(&first);
    assert!(out.contains("Articles per outlet"), "{out}");
    assert!(out.contains("carriers"), "a syndicated story is grouped: {out}");
    let before = dump(&db);
    let second = run(
        &["digest", ex.to_str().unwrap(), "--db", dbs, "--format", "json"],
        d.path(),
    );
    assert!(second.status.success());
    let j: serde_json::Value = serde_json::from_slice(&second.stdout).unwrap();
    assert_eq!(j["added"], 0);
    assert_eq!(dump(&db), before);
    // A store inside the input folder is not read as input.
    let inside = d.path().join("in");
    std::fs::create_dir(&inside).unwrap();
    std::fs::copy(ex.join("wire.jsonl"), inside.join("wire.jsonl")).unwrap();
    let o = run(&["digest", "in", "--db", "in/s.db"], d.path());
    assert!(o.status.success(), "{}", stdout(&o));
    let o = run(&["digest", "in", "--db", "in/s.db"], d.path());
    assert!(
        o.status.success(),
        "the store's files are skipped: {}",
        stdout(&o)
    );
    let list = run(&["articles", "--db", dbs], d.path());
    assert!(stdout(&list).contains("Storm strands ferries"));
}

#[test]
fn analyze_prints_one_record_per_article() {
    let d = tempfile::tempdir().unwrap();
    let o = run(&["analyze", examples().to_str().unwrap()], d.path());
    assert!(o.status.success());
    let lines = jsonl(&o);
    assert_eq!(lines.len(), 17);
    for a in &lines {
        assert_eq!(a["schema"], 4);
        let text = a["text"].as_str().unwrap();
        let paragraphs = a["paragraphs"].as_array().unwrap();
        let sentences = a["sentences"].as_array().unwrap();
        for p in paragraphs.iter().chain(sentences) {
            let (s, e) = (
                p["start"].as_u64().unwrap() as usize,
                p["end"].as_u64().unwrap() as usize,
            );
            assert!(text.get(s..e).is_some_and(|t| !t.trim().is_empty()));
        }
        assert!(sentences.len() >= paragraphs.len());
    }
    let copies = lines.iter().filter(|a| !a["duplicate_of"].is_null()).count();
    assert_eq!(copies, 2);
}

#[test]
fn bad_inputs_fail_per_item_and_the_rest_is_stored() {
    let d = tempfile::tempdir().unwrap();
    let inp = d.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    let good = "Harbour talks stall\n\nNegotiators left the harbour city on Monday without an agreement, officials said.\n";
    std::fs::write(inp.join("good.txt"), good).unwrap();
    std::fs::write(inp.join("empty.txt"), "").unwrap();
    std::fs::write(inp.join("image.jpg"), b"\xff\xd8\xff\xe0\0\x10JFIF\0").unwrap();
    let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(
        "Переговоры в порту\n\nПереговоры завершились в понедельник без соглашения, сообщили официальные лица.\n",
    );
    std::fs::write(inp.join("legacy.txt"), &cp1251).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(good.repeat(50).as_bytes()).unwrap();
    let gz = gz.finish().unwrap();
    std::fs::write(inp.join("cut.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    let warc = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>cut";
    std::fs::write(inp.join("cut.warc"), warc).unwrap();
    std::fs::write(
        inp.join("hostile.html"),
        "<div>".repeat(20_000) + "<p title=\"" + &"x".repeat(100_000) + "\">hi",
    )
    .unwrap();
    let db = d.path().join("s.db");
    let o = run(
        &["digest", inp.to_str().unwrap(), "--db", db.to_str().unwrap()],
        d.path(),
    );
    assert_eq!(o.status.code(), Some(1), "some items failed: exit 1");
    let out = stdout(&o);
    for name in ["empty.txt", "image.jpg", "cut.txt.gz", "cut.warc", "hostile.html"] {
        assert!(out.contains(name), "{name} listed as failed in:\n{out}");
    }
    assert!(out.contains("JPEG"), "{out}");
    assert!(out.contains("truncated"), "{out}");
    assert_eq!(count(&db, "articles"), 2, "good.txt and legacy.txt stored");
    let arts = run(
        &["articles", "--db", db.to_str().unwrap(), "--format", "jsonl"],
        d.path(),
    );
    assert!(stdout(&arts).contains("Переговоры"), "windows-1251 decoded");
}

#[test]
fn kill_during_ingest_then_rerun_equals_a_clean_run() {
    let d = tempfile::tempdir().unwrap();
    let inp = d.path().join("in");
    std::fs::create_dir(&inp).unwrap();
    // Enough distinct articles that a run takes a while, in several files.
    for f in 0..8 {
        let mut w =
            std::io::BufWriter::new(std::fs::File::create(inp.join(format!("part{f}.jsonl"))).unwrap());
        for i in 0..600 {
            let n = f * 1000 + i;
            let text = format!(
                "Council {n} votes on harbour plan\\n\\nThe council of district {n} voted on Monday to approve plan {n} for the harbour, \
                 officials said, after a debate that lasted {} hours.\\n\\n\\\"This is a good day for district {n},\\\" the chair said.",
                n % 7 + 1
            );
            writeln!(w, "{{\"text\": \"{text}\", \"outlet\": \"Outlet {}\"}}", n % 5).unwrap();
        }
    }
    let clean_db = d.path().join("clean.db");
    let o = run(
        &[
            "digest",
            inp.to_str().unwrap(),
            "--db",
            clean_db.to_str().unwrap(),
        ],
        d.path(),
    );
    assert!(o.status.success());
    assert_eq!(count(&clean_db, "articles"), 4800, "every line is an article");

    let db = d.path().join("killed.db");
    let mut killed_mid_run = false;
    for _ in 0..5 {
        let _ = std::fs::remove_file(&db);
        let mut child = bin()
            .args(["digest", inp.to_str().unwrap(), "--db", db.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while count(&db, "sources") == 0 && start.elapsed() < Duration::from_secs(30) {
            std::thread::sleep(Duration::from_millis(2));
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let n = count(&db, "sources");
        if n > 0 && n < 4800 {
            killed_mid_run = true;
            break;
        }
    }
    assert!(killed_mid_run, "could not stop a run in the middle");
    let o = run(
        &["digest", inp.to_str().unwrap(), "--db", db.to_str().unwrap()],
        d.path(),
    );
    assert!(o.status.success());
    assert_eq!(dump(&db), dump(&clean_db));
}

#[test]
fn help_has_examples_and_bad_usage_exits_2() {
    let h = bin().arg("--help").output().unwrap();
    assert!(stdout(&h).contains("Examples:"));
    let bad = bin().args(["digest"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    let d = tempfile::tempdir().unwrap();
    let o = run(&["--threshold", "1.5", "analyze", "."], d.path());
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn an_identical_wire_story_keeps_every_carrier() {
    let d = tempfile::tempdir().unwrap();
    let text = WIRE_TEXT;
    let mut lines = String::new();
    for (outlet, date) in [
        ("Wire", "2021-04-14T06:00:00Z"),
        ("Courier", "2021-04-14T09:00:00Z"),
        ("Herald", "2021-04-15"),
    ] {
        lines.push_str(&format!(
            "{{\"text\": \"{text}\", \"outlet\": \"{outlet}\", \"published\": \"{date}\"}}\n"
        ));
    }
    std::fs::write(d.path().join("wire.jsonl"), lines).unwrap();
    let db = d.path().join("s.db");
    let o = run(
        &[
            "digest",
            "wire.jsonl",
            "--db",
            db.to_str().unwrap(),
            "--format",
            "json",
        ],
        d.path(),
    );
    assert!(o.status.success());
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["articles"], 3, "each carrier is its own record");
    let groups = j["duplicate_groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0]["representative"]["outlet"], "Wire");
    let copies = groups[0]["copies"].as_array().unwrap();
    assert_eq!(copies.len(), 2);
    assert!(copies.iter().all(|c| c["kind"] == "exact syndicated"));
    assert_eq!(copies[1]["published"], "2021-04-15");
}

#[test]
fn long_listings_are_cut_in_the_text_digest() {
    let d = tempfile::tempdir().unwrap();
    let text = WIRE_TEXT;
    let lines: String = (0..12)
        .map(|i| format!("{{\"text\": \"{text}\", \"outlet\": \"Outlet {i:02}\"}}\n"))
        .collect();
    std::fs::write(d.path().join("wire.jsonl"), lines).unwrap();
    let o = run(&["digest", "wire.jsonl", "--db", "s.db"], d.path());
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("[12 carriers]"), "{out}");
    assert!(out.contains("… and 3 more copies"), "{out}");
}

#[test]
fn quotes_and_entities_are_listed_from_the_store() {
    let d = tempfile::tempdir().unwrap();
    let db = d.path().join("s.db");
    let dbs = db.to_str().unwrap();
    let o = run(&["digest", examples().to_str().unwrap(), "--db", dbs], d.path());
    assert!(o.status.success(), "{}", stdout(&o));
    // The wire story is carried by three outlets: its quotes are listed once per carrier,
    // all under one speaker.
    let o = run(
        &["quotes", "--db", dbs, "--speaker", "vik", "--format", "jsonl"],
        d.path(),
    );
    assert!(o.status.success());
    let rows = jsonl(&o);
    assert!(rows.len() >= 3, "{rows:#?}");
    assert!(rows.iter().all(|r| r["speaker"] == "Jonas Vik"));
    let outlets: std::collections::BTreeSet<_> = rows.iter().map(|r| r["outlet"].to_string()).collect();
    assert!(outlets.len() >= 3, "{outlets:?}");
    let table = run(&["quotes", "--db", dbs], d.path());
    assert!(stdout(&table).contains("Jonas Vik"));
    let o = run(
        &["entities", "--db", dbs, "--kind", "person", "--format", "jsonl"],
        d.path(),
    );
    let people = jsonl(&o);
    let vik = people
        .iter()
        .find(|p| p["name"] == "Jonas Vik")
        .expect("Jonas Vik listed");
    assert_eq!(vik["articles"], 3);
    assert!(vik["quotes"].as_u64().unwrap() >= 3);
    assert!(people.iter().all(|p| p["kind"] == "person"));
}

#[test]
fn dates_are_normalised_against_the_publication_date() {
    let d = tempfile::tempdir().unwrap();
    let file = examples().join("harbour-talks.txt");
    let o = run(&["dates", file.to_str().unwrap(), "--format", "jsonl"], d.path());
    assert!(o.status.success());
    let rec: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    // The sidecar gives 2021-03-03 (a Wednesday).
    let timexes = rec["timexes"].as_array().unwrap();
    let value_of = |text: &str| {
        timexes
            .iter()
            .find(|t| t["text"] == text)
            .unwrap_or_else(|| panic!("no {text:?} in {timexes:#?}"))["value"]
            .clone()
    };
    assert_eq!(value_of("last year"), "2020");
    assert_eq!(value_of("Wednesday"), "2021-03-03");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let d = tempfile::tempdir().unwrap();
    // Enough output to fill a pipe many times over.
    let mut w = std::io::BufWriter::new(std::fs::File::create(d.path().join("many.jsonl")).unwrap());
    for i in 0..400 {
        writeln!(
            w,
            "{{\"text\": \"{WIRE_TEXT} Item {i} of the night.\", \"outlet\": \"Outlet {i}\"}}"
        )
        .unwrap();
    }
    drop(w);
    let mut child = bin()
        .args(["analyze", "many.jsonl"])
        .current_dir(d.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut first,
    )
    .unwrap();
    assert!(first.starts_with('{'));
    // The reader is gone: the rest of the output has nowhere to go.
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Broken pipe"));
}

#[test]
fn a_dash_reads_standard_input() {
    let d = tempfile::tempdir().unwrap();
    let text = "Ferry timetable changes\n\nThe ferry to the outer islands of Brekkvik will sail \
                earlier from next month, the harbour office said on Monday.\n";
    let with_stdin = |args: &[&str]| {
        let mut child = bin()
            .args(args)
            .current_dir(d.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = with_stdin(&["analyze", "-"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = jsonl(&out);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["title"], "Ferry timetable changes");
    let out = with_stdin(&["digest", "-", "--db", "s.db"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(count(&d.path().join("s.db"), "articles"), 1);
}

#[test]
fn stories_list_story_and_timeline_read_the_digest() {
    let d = tempfile::tempdir().unwrap();
    let ex = examples();
    let o = run(&["digest", ex.to_str().unwrap(), "--db", "s.db"], d.path());
    assert!(o.status.success(), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("storylines found or changed"),
        "{}",
        stdout(&o)
    );
    let list = jsonl(&run(&["stories", "--db", "s.db", "--format", "jsonl"], d.path()));
    // The invented fishing dispute: one storyline of several events, with a summary.
    let dispute = list
        .iter()
        .find(|s| s["events"].as_array().unwrap().len() >= 3)
        .expect("a storyline of several events");
    let id = dispute["id"].as_str().unwrap();
    assert!(id.starts_with("s-"));
    assert!(!dispute["summary"]["sentences"].as_array().unwrap().is_empty());
    assert!(dispute["outlets"].as_array().unwrap().len() >= 3);
    let t = run(&["timeline", id, "--db", "s.db"], d.path());
    assert!(t.status.success());
    let md = stdout(&t);
    assert!(md.starts_with("# "), "{md}");
    assert!(md.contains("\n## 2021-"), "{md}");
    let s = run(&["story", id, "--db", "s.db"], d.path());
    assert!(stdout(&s).contains("Who said what"));
    let none = run(&["story", "s-none", "--db", "s.db"], d.path());
    assert_eq!(none.status.code(), Some(2));
}

/// Sends one GET over a plain TCP connection and returns the whole response.
fn http_get(addr: &str, path: &str) -> String {
    use std::io::Read;
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn serve_answers_the_api_and_pages_over_a_digest_and_refuses_a_missing_store() {
    use std::io::BufRead;
    let d = tempfile::tempdir().unwrap();
    let o = run(
        &["digest", examples().to_str().unwrap(), "--db", "s.db"],
        d.path(),
    );
    assert!(o.status.success());
    let mut child = bin()
        .args(["serve", "--db", "s.db", "--addr", "127.0.0.1:0"])
        .current_dir(d.path())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    let list = http_get(&addr, "/api/v1/storylines?limit=100");
    let page = http_get(&addr, "/");
    let missing = http_get(&addr, "/api/v1/stories/s-none");
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(list.starts_with("HTTP/1.1 200"), "{list}");
    let body: serde_json::Value = serde_json::from_str(list.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    let titles: Vec<&str> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["title"].as_str())
        .collect();
    assert!(titles.len() >= 2, "{titles:?}");
    assert!(
        page.starts_with("HTTP/1.1 200") && page.contains("<h1>Storylines</h1>"),
        "{page}"
    );
    for t in titles {
        assert!(page.contains(t), "the page lists {t}");
    }
    assert!(
        missing.starts_with("HTTP/1.1 404") && missing.contains(r#""code":"not_found""#),
        "{missing}"
    );
    // A store that does not exist is refused before listening; nothing is created.
    let o = run(&["serve", "--db", "none.db", "--addr", "127.0.0.1:0"], d.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("no store at"),
        "{o:?}"
    );
    assert!(!d.path().join("none.db").exists());
}

/// A number too large for a 64-bit float once made a figure whose value had no JSON form:
/// the digest succeeded and every later read of the store failed. Such a number is no
/// figure (rule `finite-values`), and the store reads back.
#[test]
fn an_overflowing_number_leaves_the_store_readable() {
    let d = tempfile::tempdir().unwrap();
    let input = d.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let nines = "9".repeat(400);
    std::fs::write(
        input.join("toll.txt"),
        format!(
            "Toll disputed\n\nAt least 1e400 people died, the Arnes Monitor said, and between 1 \
             and {nines} homes burned. Up to {nines} goats were lost."
        ),
    )
    .unwrap();
    std::fs::write(input.join("toll.txt.meta.json"), r#"{"published":"2020-05-05"}"#).unwrap();
    let o = run(&["digest", "in", "--db", "s.db"], d.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for args in [
        &["articles", "--db", "s.db"][..],
        &["stories", "--db", "s.db", "--format", "jsonl"][..],
    ] {
        let o = run(args, d.path());
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    // no figure keeps a bound or a value without a number
    let o = run(&["analyze", "in/toll.txt"], d.path());
    let record = &jsonl(&o)[0];
    for f in record["figures"].as_array().into_iter().flatten() {
        for v in [&f["value"], &f["low"]["value"], &f["high"]["value"]] {
            assert!(v.is_null() || v.is_f64(), "{f}");
        }
        let bounds = [&f["low"], &f["high"]];
        assert!(bounds.iter().all(|b| b.is_null() || b["value"].is_f64()), "{f}");
        assert!(
            !f["value"].is_null() || bounds.iter().any(|b| !b.is_null()),
            "{f}"
        );
    }
}

#[test]
fn analyze_as_one_array_keeps_the_records_field_order() {
    // `--format json` is the same records as the JSON lines, in their field order (not the
    // sorted keys of a generic JSON value), indented as a list.
    let d = tempfile::tempdir().unwrap();
    std::fs::write(
        d.path().join("a.txt"),
        "Ferry fares rise\n\nThe Quillby ferry board said on Tuesday that fares would rise by 40 pence.",
    )
    .unwrap();
    std::fs::write(
        d.path().join("b.txt"),
        "Pier reopens\n\nThe pier at Marrow Point reopened on Friday after repairs costing 12,000 pounds.",
    )
    .unwrap();
    let lines = run(&["analyze", "a.txt", "b.txt"], d.path());
    let array = run(&["analyze", "--format", "json", "a.txt", "b.txt"], d.path());
    assert!(lines.status.success() && array.status.success());
    let text = String::from_utf8(array.stdout).unwrap();
    assert!(
        text.starts_with("[\n  {\n    \"schema\": "),
        "{}",
        &text[..40.min(text.len())]
    );
    let records: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    assert_eq!(records, jsonl(&lines));
    let pretty = serde_json::to_string_pretty(&jsonl(&lines)).unwrap();
    assert_eq!(text.trim_end().len(), pretty.len(), "the list printer's layout");
}
