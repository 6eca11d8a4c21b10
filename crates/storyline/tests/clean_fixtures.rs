//! Golden tests: every `testdata/clean/*.txt` is cleaned and its readable result
//! snapshotted (`insta`); the traps each fixture sets are asserted explicitly too.

use std::path::Path;

use storyline::{Article, Pipeline, PipelineConfig, RemovedKind};

fn analyze(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/clean")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap();
    let p = Pipeline::build(PipelineConfig::default()).unwrap();
    p.analyze_text(&text, name).unwrap()
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.paragraph_texts().collect()
}

fn removed(a: &Article, kind: RemovedKind) -> Vec<&str> {
    a.removed
        .iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.text.as_str())
        .collect()
}

fn has_para(a: &Article, start: &str) -> bool {
    a.paragraph_texts().any(|p| p.starts_with(start))
}

#[test]
fn snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/clean");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    for name in names {
        let a = analyze(&name);
        let view = serde_json::json!({
            "title": a.title,
            "subtitle": a.subtitle,
            "authors": a.authors,
            "outlet": a.outlet,
            "paragraphs": paragraphs(&a),
            "removed": a.removed.iter().map(|r| format!("{:?}: {}", r.kind, r.text)).collect::<Vec<_>>(),
        });
        insta::assert_json_snapshot!(name.trim_end_matches(".txt"), view);
    }
}

#[test]
fn spans_slice_their_paragraphs() {
    for name in [
        "agency-dateline.txt",
        "promo-tail.txt",
        "captions-and-footer.txt",
        "tail-furniture.txt",
    ] {
        let a = analyze(name);
        for (i, s) in a.paragraphs.iter().enumerate() {
            let p = s.slice(&a.text).expect("span on char boundaries");
            assert!(!p.trim().is_empty());
            if i > 0 {
                assert_eq!(&a.text[s.start - 2..s.start], "\n\n");
            }
        }
    }
}

#[test]
fn agency_story_traps() {
    let a = analyze("agency-dateline.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour authority defends dredging plan")
    );
    assert_eq!(
        a.subtitle.as_deref(),
        Some("Dredging 'the only way' to keep port open, authority says")
    );
    assert_eq!(a.authors, vec!["Sofie Lindqvist", "Jarle Nes"]);
    assert_eq!(paragraphs(&a).len(), 6, "{:#?}", paragraphs(&a));
    assert!(has_para(&a, "LINDVIK (NWA) –"));
    assert!(has_para(&a, "Since mid-January"));
    assert_eq!(removed(&a, RemovedKind::Headline).len(), 2);
    assert_eq!(removed(&a, RemovedKind::Counter).len(), 1);
    assert_eq!(removed(&a, RemovedKind::SourceLine).len(), 1);
    assert_eq!(removed(&a, RemovedKind::CommentPolicy).len(), 2);
    assert_eq!(
        removed(&a, RemovedKind::Navigation),
        vec!["Previous and Next News"]
    );
}

#[test]
fn promo_tail_traps() {
    let a = analyze("promo-tail.txt");
    assert_eq!(
        a.title.as_deref(),
        Some("Minister says ferry subsidy 'a lifeline' for islands")
    );
    // The teaser under the headline is repeated as a paragraph: kept once, in the body.
    let ps = paragraphs(&a);
    assert_eq!(
        ps.iter()
            .filter(|p| p.starts_with("Transport Minister Nils Berg"))
            .count(),
        1
    );
    assert_eq!(ps.len(), 5, "{ps:#?}");
    assert!(!a.text.contains("Got a story"));
    assert!(
        has_para(&a, "\"We will not let that happen.\""),
        "quote-only paragraph kept"
    );
    assert!(
        has_para(&a, "The subsidy costs"),
        "media file name cut from the paragraph"
    );
    assert_eq!(removed(&a, RemovedKind::MediaJunk), vec!["vidClip-1280x720"]);
    assert_eq!(removed(&a, RemovedKind::Caption).len(), 1);
    assert_eq!(removed(&a, RemovedKind::Advertisement).len(), 3);
    assert!(removed(&a, RemovedKind::RelatedLinks).contains(&"Island Post Sport"));
    assert!(!a.text.contains("Win prizes"));
    assert!(!a.text.contains("notifications"));
    assert!(!a.text.contains("tips@"));
}

#[test]
fn captions_and_footer_traps() {
    let a = analyze("captions-and-footer.txt");
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 6, "{ps:#?}");
    assert!(has_para(&a, "New pressure on the coalition"), "crosshead kept");
    assert_eq!(removed(&a, RemovedKind::Credit).len(), 2);
    assert_eq!(removed(&a, RemovedKind::Caption).len(), 2);
    assert_eq!(removed(&a, RemovedKind::MirrorNotice).len(), 1);
    assert_eq!(a.outlet.as_deref(), Some("Northern Star"));
    assert!(!a.text.contains("SHARE"));
    assert!(!a.text.contains("News App"));
}

#[test]
fn furniture_after_the_share_prompt_at_the_very_end() {
    let a = analyze("tail-furniture.txt");
    assert_eq!(paragraphs(&a).len(), 3, "{:#?}", paragraphs(&a));
    assert_eq!(
        removed(&a, RemovedKind::Navigation),
        vec!["harbourherald.example", "Harbour Herald Radio"]
    );
    assert_eq!(a.outlet.as_deref(), Some("Harbour Herald"));
}

#[test]
fn a_forum_thread_opened_by_its_signatures_is_not_the_article() {
    let a = analyze("forum-comments.txt");
    let paras = paragraphs(&a);
    // The report stays whole, its quoted letter ("On Monday, she wrote:") and a live
    // blog's timed entries ("At 10:30 on Tuesday, Pell wrote:", no year) included.
    assert_eq!(paras.len(), 5, "{paras:#?}");
    assert!(a.text.contains("On Monday, she wrote:"));
    assert!(has_para(&a, "At 10:30 on Tuesday, Pell wrote:"));
    // From the first signed comment on, the page is the readers': each signature opens
    // its comment ("At 08:41 on 3 Mar 2031, name wrote:"), and the line a comment runs on
    // to goes with it.
    let comments = removed(&a, RemovedKind::ReaderComment);
    assert_eq!(comments.len(), 4, "{comments:#?}");
    assert!(comments.iter().any(|c| c.starts_with("My daughter takes it")));
    assert!(!a.text.contains("buy the service back"));
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn a_thread_of_signed_reader_comments_is_not_the_article() {
    let a = analyze("reader-comments.txt");
    let paras = paragraphs(&a);
    // The four paragraphs of the post stay, the prose "posted by" among them.
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(has_para(&a, "A video posted by the council on Friday"));
    // Every line from the first signed comment on is the readers', the unsigned first
    // paragraph of a comment included (the thread's "load more" link is navigation).
    let comments = removed(&a, RemovedKind::ReaderComment);
    assert_eq!(comments.len(), 4, "{comments:#?}");
    assert!(comments.iter().any(|c| c.starts_with("I was at the hall")));
    assert!(!a.text.contains("Quarry Lane"));
    // The post's own signature is its byline, not a comment, and names its author.
    assert!(removed(&a, RemovedKind::Byline)
        .iter()
        .any(|b| b.contains("Dana Whitlock")));
    assert_eq!(a.authors, vec!["Dana Whitlock"]);
}
