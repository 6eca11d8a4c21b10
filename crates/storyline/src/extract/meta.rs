//! Page metadata from the elements that carry it: `<meta>` tags, JSON-LD, `<time>`,
//! `<link rel=canonical>`, `<title>`, `<html lang>`. [`MetaScan`] is fed one element at a
//! time, so the same rules serve a parsed tree ([`read_meta`]) and a token stream (the
//! large-page path in [`super::stream`]).

use crate::article::{DateSource, PubDate, Published};

use super::{parse_date, set_if_empty, Extracted};

pub(super) fn split_authors(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split([';', '|'])
        .flat_map(|p| p.split(" and "))
        .map(|p| p.trim().trim_start_matches("By ").trim().to_string())
        .filter(|p| !p.is_empty() && p.len() < 80)
        .collect();
    v.dedup();
    v
}

/// `<meta>` keys naming the publication date, best first.
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

/// The text content an element's caller should hand back to [`MetaScan::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wanted {
    /// The first `<title>`.
    Title,
    /// A `<script type="application/ld+json">`.
    JsonLd,
    /// A `<footer>`, for its copyright notice.
    Footer,
}

/// The most of a page's footers' text kept for their copyright notice, in bytes.
const FOOTER_BYTES: usize = 4096;

/// Collects metadata over the elements of a page, in document order.
#[derive(Default)]
pub(super) struct MetaScan {
    /// The best-ranked date tag, already parsed.
    best: Option<(usize, PubDate)>,
    json_ld: Vec<String>,
    time: Option<String>,
    canonical: Option<String>,
    title: Option<String>,
    /// The footers' text, up to [`FOOTER_BYTES`].
    footer: String,
}

impl MetaScan {
    /// Reads one element's name and attributes; says whether its text is wanted too.
    pub(super) fn element(
        &mut self,
        name: &str,
        attr: &dyn Fn(&str) -> Option<String>,
        out: &mut Extracted,
    ) -> Option<Wanted> {
        match name {
            "meta" => self.meta(attr, out),
            "script" => {
                let ld = attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                return ld.then_some(Wanted::JsonLd);
            }
            "time" if self.time.is_none() => self.time = attr("datetime"),
            "link"
                if self.canonical.is_none()
                    && attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) =>
            {
                self.canonical = attr("href")
            }
            "title" if self.title.is_none() => return Some(Wanted::Title),
            "footer" if self.footer.len() < FOOTER_BYTES => return Some(Wanted::Footer),
            "html" => {
                if let Some(l) = attr("lang") {
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
            _ => {}
        }
        None
    }

    fn meta(&mut self, attr: &dyn Fn(&str) -> Option<String>, out: &mut Extracted) {
        let key = ["property", "name", "itemprop", "http-equiv"]
            .iter()
            .find_map(|a| attr(a))
            .map(|k| k.to_ascii_lowercase())
            .unwrap_or_default();
        let Some(content) = attr("content") else {
            return;
        };
        if let Some(rank) = DATE_META.iter().position(|k| *k == key) {
            if self.best.as_ref().is_none_or(|(r, _)| rank < *r) {
                let found = format!("<meta {key}>");
                if let Some(value) = possible_date(&content, &found, &mut out.warnings) {
                    self.best = Some((rank, value));
                }
            }
        }
        match key.as_str() {
            "og:site_name" | "application-name" => set_if_empty(&mut out.site_name, &content),
            "og:url" => set_if_empty(&mut out.url, &content),
            "og:title" => set_if_empty(&mut out.title, &content),
            "author" | "article:author" | "parsely-author" | "sailthru.author" | "dc.creator"
                if out.authors.is_empty() && !content.starts_with("http") =>
            {
                out.authors = split_authors(&content)
            }
            _ => {}
        }
    }

    /// The text of an element [`MetaScan::element`] asked for.
    pub(super) fn text(&mut self, wanted: Wanted, text: String) {
        match wanted {
            Wanted::Title if self.title.is_none() => self.title = Some(text),
            Wanted::Title => {}
            Wanted::JsonLd => self.json_ld.push(text),
            Wanted::Footer => {
                let mut end = text.len().min(FOOTER_BYTES.saturating_sub(self.footer.len()));
                while !text.is_char_boundary(end) {
                    end -= 1;
                }
                self.footer.push_str(&text[..end]);
                self.footer.push('\n');
            }
        }
    }

    /// Settles the date (meta tag, then JSON-LD, then `<time>`), the canonical URL and the
    /// authors from JSON-LD; returns the `<title>` text.
    pub(super) fn finish(self, out: &mut Extracted) -> Option<String> {
        out.published = self.best.map(|(_, value)| Published {
            value,
            source: DateSource::MetaTag,
            confidence: 0.9,
            evidence: None,
        });
        if let Some(c) = self.canonical {
            set_if_empty(&mut out.url, &c);
        }
        if out.published.is_none() || out.authors.is_empty() {
            for text in &self.json_ld {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
                    continue;
                };
                if out.published.is_none() {
                    let date = ["datePublished", "dateCreated"].iter().find_map(|k| {
                        let raw = find_key(&v, &[k])?;
                        possible_date(&raw, &format!("JSON-LD {k}"), &mut out.warnings)
                    });
                    out.published = date.map(|value| Published {
                        value,
                        source: DateSource::JsonLd,
                        confidence: 0.9,
                        evidence: None,
                    });
                }
                if out.authors.is_empty() {
                    out.authors = json_ld_authors(&v);
                }
            }
        }
        if out.published.is_none() {
            let warnings = &mut out.warnings;
            let time = self
                .time
                .and_then(|d| possible_date(&d, "<time datetime>", warnings));
            out.published = time.map(|value| Published {
                value,
                source: DateSource::TimeElement,
                confidence: 0.7,
                evidence: None,
            });
        }
        if out.site_name.is_none() {
            if let Some(site) = self
                .title
                .as_deref()
                .and_then(|t| site_in_footer(t, &self.footer))
            {
                out.site_name = Some(site);
            }
        }
        self.title
    }
}

/// Rule `impossible-date`: a date a page's metadata gives, when it can be a publication date.
/// One that reads as a date but cannot be one (a placeholder `0001-01-01`, a year outside
/// [`PubDate::YEARS`]) is refused with a warning naming where it was found, so that the next
/// source is tried; text that is no date at all is passed over quietly.
fn possible_date(raw: &str, found: &str, warnings: &mut Vec<String>) -> Option<PubDate> {
    if let Some(d) = parse_date(raw) {
        return Some(d);
    }
    if let Ok(d) = raw.parse::<PubDate>() {
        warnings.push(format!("impossible publication date {d} in {found}: not taken"));
    }
    None
}

/// Reads the page's metadata in one walk over a parsed tree, dispatching on the tag name
/// (cheaper than CSS selectors). Returns the `<title>` text.
pub(super) fn read_meta(doc: &dom_query::Document, out: &mut Extracted) -> Option<String> {
    let mut scan = MetaScan::default();
    for node in doc.root().descendants_it() {
        let Some(name) = node.qual_name_ref() else {
            continue;
        };
        let attr = |a: &str| node.attr(a).map(|v| v.to_string());
        if let Some(wanted) = scan.element(&name.local, &attr, out) {
            scan.text(wanted, node.text().to_string());
        }
    }
    scan.finish(out)
}

/// What separates a page's title from the site's name in a `<title>` ("… | Site").
const TITLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " :: "];

/// Rule `title_site_in_footer`: the part after the last separator of the `<title>`
/// ("Harbour fees rise | Quillby Tidings") is the site's own name when the page's footer
/// holds a copyright notice with that name in it ("© 2031 Quillby Tidings"): a section's
/// name there ("… | Health") is confirmed by no notice.
fn site_in_footer(title: &str, footer: &str) -> Option<String> {
    let notice = footer
        .lines()
        .find(|l| l.contains('©') || l.to_ascii_lowercase().contains("copyright"))?;
    let title = title.trim();
    let (_, tail) = TITLE_SEPARATORS
        .iter()
        .filter_map(|sep| title.rfind(sep).map(|i| (i, &title[i + sep.len()..])))
        .max_by_key(|(i, _)| *i)?;
    let tail = tail.trim();
    let words = tail.split_whitespace().count();
    ((1..=5).contains(&words) && tail.chars().next().is_some_and(char::is_uppercase) && notice.contains(tail))
        .then(|| tail.to_string())
}

/// The `<title>` text without a trailing " | Site" or " - Site" naming the site.
pub(super) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    for sep in TITLE_SEPARATORS {
        if let Some(i) = title.rfind(sep) {
            let tail = &title[i + sep.len()..];
            let names_site = site.is_some_and(|s| s.eq_ignore_ascii_case(tail.trim()));
            if names_site || tail.split_whitespace().count() <= 3 && i > 0 {
                return title[..i].trim().to_string();
            }
        }
    }
    title.to_string()
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
