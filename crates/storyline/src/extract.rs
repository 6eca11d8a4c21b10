//! Extract: an HTML page → main text and metadata (title, authors, publication
//! date with its source, site name, canonical URL, language).
//!
//! The main text comes from the `trafilatura` crate (a port of the best-scoring
//! open extractor); metadata is read here from the same parsed tree, because the
//! product needs to know *where* a date came from and how far to trust it.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use regex::Regex;
use trafilatura::dom::Document;

use crate::article::{DateSource, Published};

/// What extraction found in one page.
#[derive(Debug, Clone, Default)]
pub struct Extracted {
    /// Main text, one block per line.
    pub text: String,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    pub site_name: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
}

/// The most elements a page may have; larger (hostile) trees are cut off by the extractor.
const MAX_TREE: usize = 200_000;

/// Extracts the main text and metadata of an HTML page. `url` is where the page came
/// from, when known (it helps resolve the canonical URL and dates in paths).
pub fn extract_html(html: &str, url: Option<&str>) -> Extracted {
    let doc = Document::parse(html);
    let mut out = Extracted::default();
    read_meta(&doc, &mut out);
    let page_url = url.map(str::to_string).or_else(|| out.url.clone());

    let mut opts = trafilatura::Options::default().with_max_tree_size(MAX_TREE);
    if let Some(u) = page_url.as_deref().and_then(|u| url::Url::parse(u).ok()) {
        opts = opts.with_url(u);
    }
    match trafilatura::extract_document(doc, &opts) {
        Ok(r) => {
            out.text = blocks_to_text(&r.content_html);
            let m = r.metadata;
            set_if_empty(&mut out.title, m.title);
            set_if_empty(&mut out.site_name, m.sitename);
            set_if_empty(&mut out.url, m.url);
            set_if_empty(&mut out.language, m.language);
            set_if_empty(&mut out.description, m.description);
            if out.authors.is_empty() && !m.author.is_empty() {
                out.authors = split_authors(&m.author);
            }
        }
        Err(_) => {
            // Too little text for the main extractor: fall back to the whole visible text.
            out.text = trafilatura::html2txt(html);
        }
    }
    if out.published.is_none() {
        if let Some(u) = page_url.as_deref() {
            out.published = date_from_url(u);
        }
    }
    if out.language.is_none() {
        out.language = detect_language(&out.text);
    }
    out
}

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "pre",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "br",
    "hr",
    "main",
    "aside",
    "head",
    "title",
    "td",
    "th",
    "caption",
    "details",
    "summary",
    "address",
    "center",
];

/// Text of an HTML fragment with one line per block element, whitespace inside
/// a block collapsed.
pub fn blocks_to_text(html: &str) -> String {
    use ego_tree::iter::Edge;
    use scraper::Node;
    let frag = scraper::Html::parse_fragment(html);
    let mut out = String::with_capacity(html.len() / 2);
    let mut pending_space = false;
    let newline = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for edge in frag.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Text(t) => {
                    for (i, w) in t.split_whitespace().enumerate() {
                        if (i > 0 || pending_space || t.starts_with(char::is_whitespace))
                            && !out.is_empty()
                            && !out.ends_with(['\n', ' '])
                        {
                            out.push(' ');
                        }
                        out.push_str(w);
                    }
                    pending_space = t.ends_with(char::is_whitespace);
                }
                Node::Element(e) if BLOCKS.contains(&e.name()) => {
                    newline(&mut out);
                    pending_space = false;
                }
                _ => {}
            },
            Edge::Close(n) => {
                if let Node::Element(e) = n.value() {
                    if BLOCKS.contains(&e.name()) {
                        newline(&mut out);
                        pending_space = false;
                    }
                }
            }
        }
    }
    out.trim_end().to_string()
}

fn set_if_empty(slot: &mut Option<String>, v: String) {
    let v = v.trim();
    if slot.is_none() && !v.is_empty() {
        *slot = Some(v.to_string());
    }
}

/// ISO 639-1 language of a text, when the detector is confident.
pub fn detect_language(text: &str) -> Option<String> {
    let sample: String = text.chars().take(400).collect();
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    let code = match info.lang() {
        whatlang::Lang::Eng => "en",
        whatlang::Lang::Rus => "ru",
        whatlang::Lang::Tur => "tr",
        whatlang::Lang::Ara => "ar",
        whatlang::Lang::Fra => "fr",
        whatlang::Lang::Deu => "de",
        whatlang::Lang::Spa => "es",
        whatlang::Lang::Ita => "it",
        whatlang::Lang::Por => "pt",
        whatlang::Lang::Pol => "pl",
        whatlang::Lang::Ukr => "uk",
        whatlang::Lang::Nld => "nl",
        whatlang::Lang::Pes => "fa",
        whatlang::Lang::Cmn => "zh",
        whatlang::Lang::Jpn => "ja",
        whatlang::Lang::Kor => "ko",
        whatlang::Lang::Heb => "he",
        other => return Some(other.code().to_string()),
    };
    Some(code.to_string())
}

fn split_authors(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split([';', '|'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_start_matches("By ").trim().to_string())
        .filter(|p| !p.is_empty() && p.len() < 80)
        .collect();
    v.dedup();
    v
}

const DATE_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "citation_publication_date",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
];

fn read_meta(doc: &Document, out: &mut Extracted) {
    let root = doc.root();
    let mut best: Option<(usize, String)> = None;
    for id in doc.query_selector_all(root, "meta") {
        let key = ["property", "name", "itemprop", "http-equiv"]
            .iter()
            .find_map(|a| doc.get_attribute(id, a))
            .unwrap_or_default()
            .to_ascii_lowercase();
        let Some(content) = doc.get_attribute(id, "content") else {
            continue;
        };
        if let Some(rank) = DATE_META.iter().position(|k| *k == key) {
            if best.as_ref().is_none_or(|(r, _)| rank < *r) && parse_date(&content).is_some() {
                best = Some((rank, content.clone()));
            }
        }
        match key.as_str() {
            "og:site_name" | "application-name" => set_if_empty(&mut out.site_name, content),
            "og:url" => set_if_empty(&mut out.url, content),
            "author" | "article:author" | "parsely-author" | "sailthru.author" | "dc.creator"
                if out.authors.is_empty() && !content.starts_with("http") =>
            {
                out.authors = split_authors(&content)
            }
            _ => {}
        }
    }
    if let Some((_, v)) = best {
        out.published = parse_date(&v).map(|value| Published {
            value,
            source: DateSource::MetaTag,
            confidence: 0.9,
        });
    }
    if out.url.is_none() {
        for id in doc.query_selector_all(root, "link[rel=canonical]") {
            if let Some(h) = doc.get_attribute(id, "href") {
                set_if_empty(&mut out.url, h);
            }
        }
    }
    if out.published.is_none() || out.authors.is_empty() {
        for id in doc.scripts_with_type(&["application/ld+json"]) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(&doc.text(id)) else {
                continue;
            };
            if out.published.is_none() {
                if let Some(d) = find_key(&v, &["datePublished", "dateCreated"]).and_then(|d| parse_date(&d))
                {
                    out.published = Some(Published {
                        value: d,
                        source: DateSource::JsonLd,
                        confidence: 0.9,
                    });
                }
            }
            if out.authors.is_empty() {
                out.authors = json_ld_authors(&v);
            }
        }
    }
    if out.published.is_none() {
        for id in doc.query_selector_all(root, "time[datetime]") {
            if let Some(d) = doc.get_attribute(id, "datetime").and_then(|d| parse_date(&d)) {
                out.published = Some(Published {
                    value: d,
                    source: DateSource::TimeElement,
                    confidence: 0.7,
                });
                break;
            }
        }
    }
    if let Some(html) = doc.query_selector(root, "html") {
        if let Some(l) = doc.get_attribute(html, "lang") {
            let l = l
                .split(['-', '_'])
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if (2..=3).contains(&l.len()) {
                out.language = Some(l);
            }
        }
    }
}

fn find_key(v: &serde_json::Value, keys: &[&str]) -> Option<String> {
    match v {
        serde_json::Value::Object(m) => {
            for k in keys {
                if let Some(s) = m.get(*k).and_then(|x| x.as_str()) {
                    return Some(s.to_string());
                }
            }
            m.values().find_map(|x| find_key(x, keys))
        }
        serde_json::Value::Array(a) => a.iter().find_map(|x| find_key(x, keys)),
        _ => None,
    }
}

fn json_ld_authors(v: &serde_json::Value) -> Vec<String> {
    fn names(a: &serde_json::Value, out: &mut Vec<String>) {
        match a {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Object(m) => {
                if let Some(n) = m.get("name").and_then(|n| n.as_str()) {
                    out.push(n.to_string());
                }
            }
            serde_json::Value::Array(xs) => xs.iter().for_each(|x| names(x, out)),
            _ => {}
        }
    }
    fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => {
                if let Some(a) = m.get("author") {
                    names(a, out);
                } else {
                    m.values().for_each(|x| walk(x, out));
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(v, &mut out);
    out.retain(|s| !s.trim().is_empty() && s.len() < 80);
    out.dedup();
    out
}

/// Parses the date formats found in page metadata into ISO 8601: a date-time with
/// offset when the source had one, else a date.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.to_rfc3339());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.to_rfc3339());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(d.to_rfc3339());
        }
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(d.format("%Y-%m-%dT%H:%M:%S").to_string());
        }
    }
    let head = s.get(..10).unwrap_or(s);
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(head, f) {
            return plausible(d);
        }
    }
    None
}

fn plausible(d: NaiveDate) -> Option<String> {
    use chrono::Datelike;
    (1990..=2100)
        .contains(&d.year())
        .then(|| d.format("%Y-%m-%d").to_string())
}

static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|[-_]|\.html?|$)|/((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])/")
        .expect("regex")
});

/// A date in a URL path (`/2016/12/08/`, `/2016-12-08-slug`, `/20161208/`). Numbers in
/// slugs or ids that do not form a whole, valid date are not dates.
pub fn date_from_url(u: &str) -> Option<Published> {
    let path = url::Url::parse(u)
        .map(|x| x.path().to_string())
        .unwrap_or_else(|_| u.to_string());
    let c = URL_DATE.captures(&path)?;
    let (y, m, d) = if c.get(1).is_some() {
        (&c[1], &c[2], &c[3])
    } else {
        (&c[4], &c[5], &c[6])
    };
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(Published {
        value: plausible(date)?,
        source: DateSource::UrlPath,
        confidence: 0.8,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_from_meta_tags_and_json_ld() {
        let html = r#"<html lang="en-GB"><head><title>Talks stall | Example</title>
            <meta property="og:site_name" content="Example News">
            <meta property="article:published_time" content="2016-12-08T10:30:00+00:00">
            <script type="application/ld+json">{"@type":"NewsArticle","author":[{"name":"Jane Roe"}]}</script>
            </head><body><article><h1>Talks stall</h1>
            <p>Negotiators left the harbour city on Monday without an agreement, officials said, after two days of talks.</p>
            <p>The next round is expected in the spring, according to a statement from the mediators in the capital.</p>
            </article></body></html>"#;
        let e = extract_html(html, Some("https://news.example.org/world/talks-stall"));
        assert_eq!(e.published.as_ref().unwrap().value, "2016-12-08T10:30:00+00:00");
        assert_eq!(e.published.unwrap().source, DateSource::MetaTag);
        assert_eq!(e.site_name.as_deref(), Some("Example News"));
        assert_eq!(e.authors, vec!["Jane Roe"]);
        assert_eq!(e.language.as_deref(), Some("en"));
        assert!(e.text.contains("Negotiators left"));
    }

    #[test]
    fn blocks_become_lines() {
        let t =
            blocks_to_text("<h2>Head</h2><p>One <b>bold</b>\n word.</p><ul><li>a</li><li>b</li></ul>tail");
        assert_eq!(t, "Head\nOne bold word.\na\nb\ntail");
    }

    #[test]
    fn url_dates_and_non_dates() {
        assert_eq!(
            date_from_url("https://x.org/2016/12/08/slug").unwrap().value,
            "2016-12-08"
        );
        assert_eq!(
            date_from_url("https://x.org/news/20161208/slug").unwrap().value,
            "2016-12-08"
        );
        assert!(date_from_url("https://x.org/story/2016/13/40/slug").is_none());
        assert!(date_from_url("https://x.org/item/1234567890").is_none());
        assert!(date_from_url("https://x.org/class-of-2024-30-under-30").is_none());
    }

    #[test]
    fn hostile_html_does_not_panic() {
        let deep = "<div>".repeat(5_000) + "text" + &"</div>".repeat(5_000);
        let _ = extract_html(&deep, None);
        let attr = format!("<p title=\"{}\">x</p>", "a".repeat(1_000_000));
        let _ = extract_html(&attr, None);
        let _ = extract_html("<<<>>><//", None);
    }
}
