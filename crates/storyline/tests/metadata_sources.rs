//! Where a plain-text article's outlet and date come from, in order: its sidecar
//! `.meta.json`, the run's `outlet` setting (`--outlet`), a date in the file's path; and what
//! never names an outlet. Invented outlets and articles.

use std::path::{Path, PathBuf};

use storyline::run::{self, Observer};
use storyline::{Article, DateSource, OutletSource, Pipeline, PipelineConfig};

struct Quiet;
impl Observer for Quiet {}

const STORY: &str = "Draycombe lock gates to close for repairs\n\
    The canal trust said on Monday that the Draycombe lock gates would close for six weeks \
    from the first of the month while masons replace the worn timbers.\n\
    Boat owners moored above the lock were told to move before the water is drawn down, \
    a trust engineer, Pell Amory, said at a meeting in the village hall.\n";

fn write(dir: &Path, rel: &str, body: &str) -> PathBuf {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, body).unwrap();
    p
}

fn analyze(paths: &[PathBuf], outlet: Option<&str>) -> Vec<Article> {
    let config = PipelineConfig {
        outlet: outlet.map(str::to_string),
        ..Default::default()
    };
    let pipeline = Pipeline::build(config).unwrap();
    let mut arts = run::analyze_paths(paths, &pipeline, Default::default(), &mut Quiet)
        .unwrap()
        .articles;
    arts.sort_by(|a, b| a.source.path.cmp(&b.source.path));
    arts
}

#[test]
fn a_dated_folder_dates_its_files_and_the_sidecar_outranks_it() {
    let d = tempfile::tempdir().unwrap();
    let plain = write(d.path(), "canal/2019-06-14/a.txt", STORY);
    let side = write(d.path(), "canal/2019-06-14/b.txt", &STORY.replace("six", "seven"));
    write(
        d.path(),
        "canal/2019-06-14/b.meta.json",
        r#"{"published": "2019-06-13", "outlet": "Draycombe Echo"}"#,
    );
    let arts = analyze(&[plain, side], None);
    let a = arts[0].published.as_ref().unwrap();
    assert_eq!(
        (a.value.to_string().as_str(), a.source),
        ("2019-06-14", DateSource::Path)
    );
    assert_eq!(a.evidence.as_deref(), Some("file path \"2019-06-14\""));
    assert_eq!(arts[0].outlet, None, "nothing names the outlet");
    let b = arts[1].published.as_ref().unwrap();
    assert_eq!(
        (b.value.to_string().as_str(), b.source),
        ("2019-06-13", DateSource::Metadata)
    );
    assert_eq!(arts[1].outlet.as_deref(), Some("Draycombe Echo"));
    assert_eq!(arts[1].outlet_source, Some(OutletSource::Metadata));
}

#[test]
fn the_outlet_setting_names_items_their_own_metadata_does_not() {
    let d = tempfile::tempdir().unwrap();
    let plain = write(d.path(), "a.txt", STORY);
    let side = write(d.path(), "b.txt", &STORY.replace("six", "seven"));
    write(d.path(), "b.meta.json", r#"{"outlet": "Draycombe Echo"}"#);
    let arts = analyze(&[plain, side], Some(" Canal Weekly "));
    assert_eq!(arts[0].outlet.as_deref(), Some("Canal Weekly"));
    assert_eq!(arts[0].outlet_source, Some(OutletSource::Config));
    assert_eq!(arts[1].outlet.as_deref(), Some("Draycombe Echo"));
    // An empty name is refused when the pipeline is built.
    let empty = PipelineConfig {
        outlet: Some("  ".into()),
        ..Default::default()
    };
    assert!(Pipeline::build(empty).is_err());
}

#[test]
fn a_contact_address_does_not_name_the_outlet() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("{STORY}Send your photos to canalpics@webpost.example\n");
    let p = write(d.path(), "a.txt", &text);
    let arts = analyze(&[p], None);
    assert_eq!(arts[0].outlet, None);
    assert!(!arts[0].text.contains("webpost"));
}

#[test]
fn a_json_lines_export_names_the_date_in_its_own_words() {
    // Scrapers and feed readers write the publication date under many names; `published`
    // is ours and wins, then the others. A record giving two of them is read, not refused.
    let d = tempfile::tempdir().unwrap();
    let body = STORY.replace('\n', " ");
    let line = |fields: &str| {
        format!(
            "{{\"text\": {}, {fields}}}\n",
            serde_json::to_string(&body).unwrap()
        )
    };
    let jsonl = [
        line(r#""date": "2019-06-14T09:30:00+01:00""#),
        line(r#""pubDate": "Thu, 13 Jun 2019 08:00:00 GMT""#),
        line(r#""datePublished": "2019-06-12", "date": "2018-01-01""#),
        line(r#""published": "2019-06-11", "publish_date": "2018-01-01", "date": "2018-01-02""#),
        line(r#""date": "  ", "published_at": "2019-06-10""#),
        // Another exporter's field that holds no text is not ours to refuse the line for.
        line(r#""date": 1560500000, "pubDate": {"$date": 1}, "publish_date": "2019-06-09""#),
    ]
    .concat();
    let p = write(d.path(), "feed.jsonl", &jsonl);
    let arts = analyze(&[p], None);
    let dates: Vec<(String, DateSource)> = arts
        .iter()
        .map(|a| {
            let p = a.published.as_ref().expect("every line is dated");
            (p.date().to_string(), p.source)
        })
        .collect();
    let want = [
        "2019-06-14",
        "2019-06-13",
        "2019-06-12",
        "2019-06-11",
        "2019-06-10",
        "2019-06-09",
    ];
    assert_eq!(
        dates,
        want.map(|d| (d.to_string(), DateSource::Metadata)).to_vec()
    );
    // "Monday" is read against the line's date (Friday 14 June 2019 for the first).
    let monday = arts[0]
        .timexes
        .iter()
        .find(|t| &arts[0].text[t.span.start..t.span.end] == "Monday");
    assert_eq!(monday.map(|t| t.value.to_string()).as_deref(), Some("2019-06-10"));
}

#[test]
fn control_characters_leave_the_text_and_the_metadata() {
    // A terminal escape, a bell, DEL and a C1 character, in fields and in the body: no
    // reader wants them, and a page would show them raw. A tab stays in the text.
    let d = tempfile::tempdir().unwrap();
    let record = serde_json::json!({
        "text": "The Draycombe lock gates \u{1b}closed\u{7} on Monday for repairs.\n\nBoat owners\u{7f} were told\u{85} to move.",
        "title": "Lock \u{1b}gates\u{7} close",
        "outlet": "Canal\u{7} Weekly",
        "authors": ["Pell\u{1b} Amory"],
        "published": "2019-06-14",
    });
    let p = write(d.path(), "feed.jsonl", &format!("{record}\n"));
    let a = &analyze(&[p], None)[0];
    assert_eq!(a.title.as_deref(), Some("Lock gates close"));
    assert_eq!(a.outlet.as_deref(), Some("Canal Weekly"));
    assert_eq!(a.authors, ["Pell Amory"]);
    assert!(
        !a.text.contains(|c: char| c.is_control() && c != '\n'),
        "{:?}",
        a.text
    );
    assert!(a.text.contains("gates closed on Monday"), "{:?}", a.text);
}

fn clean_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/clean")
        .join(name)
}

/// The day an article was published read from its text, with the evidence's first word.
fn read_day(a: &Article) -> Option<(String, String)> {
    let p = a.published.as_ref()?;
    assert_eq!(p.source, DateSource::Text);
    let evidence = p.evidence.as_deref().unwrap_or("");
    Some((
        p.value.to_string(),
        evidence.split(' ').next().unwrap_or("").to_string(),
    ))
}

#[test]
fn a_database_export_gives_its_fields_not_its_labels() {
    let arts = analyze(&[clean_fixture("export-labelled.txt")], None);
    let a = &arts[0];
    assert_eq!(
        a.title.as_deref(),
        Some("Ferry crews vote to refuse night crossings after engine fire")
    );
    assert_eq!(a.authors, ["Oriel Famuyiwa", "Dag Sletten"]);
    assert_eq!(a.outlet.as_deref(), Some("Saltmarsh Herald"));
    assert_eq!(read_day(a), Some(("2032-04-06".into(), "page".into())));
    assert!(
        a.text.starts_with("Ferry crews on the Wenlow crossing"),
        "{}",
        a.text
    );
    for field in [
        "HEADLINE",
        "BYLINE",
        "BODY",
        "LENGTH",
        "SECTION",
        "LOAD-DATE",
        "LANGUAGE",
        "Late Edition",
    ] {
        assert!(!a.text.contains(field), "{field} is in the text");
    }
}

#[test]
fn an_archive_header_with_a_word_count_is_not_article_text() {
    let arts = analyze(&[clean_fixture("export-word-count.txt")], None);
    let a = &arts[0];
    assert_eq!(
        a.title.as_deref(),
        Some("Beekeepers blame wet spring for thin honey harvest")
    );
    assert_eq!(a.authors, ["Tamsin Ekwueme"]);
    assert_eq!(a.outlet.as_deref(), Some("Upland Gazette"));
    assert_eq!(read_day(a), Some(("2032-09-18".into(), "page".into())));
    assert!(
        a.text.starts_with("Beekeepers across the upland valleys"),
        "{}",
        a.text
    );
}

const REPORT: &str = "Ferry crews on the Wenlow crossing voted on Monday to refuse night sailings \
    until an engine fire on the older boat has been investigated, their union said.\n\n\
    The fire broke out in the engine room shortly after midnight, forcing the captain to \
    turn back with 41 passengers aboard.\n";

#[test]
fn a_date_in_the_page_head_dates_the_article_and_one_under_the_report_does_not() {
    let d = tempfile::tempdir().unwrap();
    let title = "Ferry crews refuse night crossings";
    let cases = [
        // A source's name and the day, under the headline.
        (
            format!("{title}\nSaltmarsh Herald, 6 April 2032\n\n{REPORT}"),
            Some("2032-04-06"),
            Some("Saltmarsh Herald"),
        ),
        (
            format!("{title}\nSaltmarsh Herald | Tuesday, April 6, 2032\n\n{REPORT}"),
            Some("2032-04-06"),
            Some("Saltmarsh Herald"),
        ),
        // The day alone between the headline and the first paragraph.
        (
            format!("{title}\n6 April 2032\n\n{REPORT}"),
            Some("2032-04-06"),
            None,
        ),
        // A place's name is no source.
        (
            format!("{title}\nPort Alder, 6 April 2032\n\n{REPORT}"),
            Some("2032-04-06"),
            None,
        ),
        // A bare date under the report may be a correction's or an event's.
        (format!("{title}\n\n{REPORT}\n6 April 2032\n"), None, None),
    ];
    for (i, (text, day, outlet)) in cases.iter().enumerate() {
        let p = write(d.path(), &format!("{i}.txt"), text);
        let a = &analyze(&[p], None)[0];
        assert_eq!(read_day(a).map(|(d, _)| d).as_deref(), *day, "case {i}");
        assert_eq!(a.outlet.as_deref(), *outlet, "case {i}");
        assert_eq!(a.title.as_deref(), Some(title), "case {i}");
        assert!(
            a.text.starts_with("Ferry crews on the Wenlow"),
            "case {i}: {}",
            a.text
        );
    }
}

#[test]
fn a_report_that_opens_with_its_dateline_was_filed_that_day() {
    let d = tempfile::tempdir().unwrap();
    let cases = [
        ("WENLOW, 6 April 2032 — ", Some("2032-04-06")),
        ("Port Alder, Wenlow County, April 6, 2032: ", Some("2032-04-06")),
        // No year: the day is not known.
        ("WENLOW, April 6 — ", None),
        // A date in the reporting is what happened, not the filing.
        ("On 6 April 2032, ", None),
    ];
    for (i, (opening, day)) in cases.iter().enumerate() {
        let p = write(
            d.path(),
            &format!("{i}.txt"),
            &format!("Ferry crews refuse night crossings\n\n{opening}{REPORT}"),
        );
        let a = &analyze(&[p], None)[0];
        assert_eq!(
            read_day(a),
            day.map(|d| (d.to_string(), "dateline".to_string())),
            "case {i}"
        );
    }
}

#[test]
fn a_bylines_source_is_the_outlet_and_not_an_author() {
    // Rule `byline_affiliation`.
    let d = tempfile::tempdir().unwrap();
    let cases = [
        (
            "By Mira Okonjo, Tidewater Ledger",
            &["Mira Okonjo"][..],
            Some("Tidewater Ledger"),
        ),
        (
            "By Mira Okonjo and Sal Ferro, Associated Press",
            &["Mira Okonjo", "Sal Ferro"][..],
            Some("Associated Press"),
        ),
        // A writer whose surname is a masthead's word is a writer.
        (
            "By Ana Ruiz and Emily Post",
            &["Ana Ruiz", "Emily Post"][..],
            None,
        ),
    ];
    for (i, (byline, authors, outlet)) in cases.iter().enumerate() {
        let p = write(
            d.path(),
            &format!("{i}.txt"),
            &format!("Ferry crews refuse night crossings\n{byline}\n\n{REPORT}"),
        );
        let a = &analyze(&[p], None)[0];
        assert_eq!(&a.authors, authors, "case {i}");
        assert_eq!(a.outlet.as_deref(), *outlet, "case {i}");
    }
}
