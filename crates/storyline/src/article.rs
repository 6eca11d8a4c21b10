//! The article record: what `storyline analyze` prints and the store keeps.
//! The JSON shape is documented, versioned, in `docs/schema.md`.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Version of the article record's JSON schema (`docs/schema.md`).
pub const SCHEMA_VERSION: u32 = 4;

/// Where an article came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The file the item was read from.
    pub path: String,
    /// What kind of container held it.
    pub format: Format,
    /// WARC-Record-ID of the response record, for WARC input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// 1-based line number, for JSON Lines input.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
}

impl Source {
    /// A key that names this item uniquely among all inputs: the path plus the
    /// position inside a container.
    pub fn key(&self) -> String {
        match (&self.record_id, self.line) {
            (Some(r), _) => format!("{}#{}", self.path, r),
            (None, Some(l)) => format!("{}:{}", self.path, l),
            (None, None) => self.path.clone(),
        }
    }
}

/// Input formats, recognised by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Html,
    Warc,
    Jsonl,
}

/// Where the publication date was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateSource {
    /// Given by the user: sidecar `.meta.json` or a JSON Lines field.
    Metadata,
    /// `<meta>` tags (`article:published_time`, `date`, `dc.date`, …).
    MetaTag,
    /// JSON-LD `datePublished` / `dateCreated`.
    JsonLd,
    /// A `<time datetime>` element.
    TimeElement,
    /// A date in the URL path (`/2016/12/08/`).
    UrlPath,
    /// A date in the input file's path (`…/2011-01-11/a.txt`, `/2016/12/08/`, `20161208-a.txt`):
    /// how the files were filed, when nothing in the document dates it.
    Path,
    /// The crawl date of the WARC record: a weak fallback.
    WarcDate,
    /// Inferred from the text: an explicit full date with consistent weekdays, or a
    /// photo caption's date (`evidence` says which).
    Text,
}

/// A publication date as the source gave it: a calendar date, or a date-time with or
/// without its UTC offset. Compared and computed with as a value; written as ISO 8601
/// (`2016-12-08`, `2016-12-08T10:30:00`, `2016-12-08T10:30:00+02:00`) only at the edge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PubDate {
    Date(chrono::NaiveDate),
    /// A date-time whose zone the source did not say.
    Local(chrono::NaiveDateTime),
    /// A date-time with its offset from UTC.
    Zoned(chrono::DateTime<chrono::FixedOffset>),
}

impl PubDate {
    /// Years a news publication date can fall in; anything else is a placeholder
    /// (`0001-01-01`) or a typo, and is not taken.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1990..=2100;

    /// The calendar date, as the outlet printed it (the local date of a date-time).
    pub fn date(&self) -> chrono::NaiveDate {
        match self {
            PubDate::Date(d) => *d,
            PubDate::Local(t) => t.date(),
            PubDate::Zoned(t) => t.date_naive(),
        }
    }

    /// Whether the year is one a publication date can have ([`PubDate::YEARS`]).
    pub fn plausible(&self) -> bool {
        use chrono::Datelike;
        Self::YEARS.contains(&self.date().year())
    }

    /// Parses the forms [`PubDate`] is written in (and the other ISO 8601 / RFC 2822 forms
    /// found in page metadata); `None` for anything else or an implausible year.
    pub fn parse(s: &str) -> Option<PubDate> {
        s.parse().ok().filter(PubDate::plausible)
    }
}

/// Like [`PubDate::parse`], whatever the year: reading back what was written.
impl std::str::FromStr for PubDate {
    type Err = String;

    fn from_str(s: &str) -> Result<PubDate, String> {
        Self::read(s).ok_or_else(|| format!("not a publication date: {s:?}"))
    }
}

impl PubDate {
    fn read(s: &str) -> Option<PubDate> {
        use chrono::{DateTime, NaiveDate, NaiveDateTime};
        let s = s.trim();
        let zoned = DateTime::parse_from_rfc3339(s)
            .or_else(|_| DateTime::parse_from_rfc2822(s))
            .ok()
            .or_else(|| {
                [
                    "%Y-%m-%dT%H:%M:%S%.f%z",
                    "%Y-%m-%dT%H:%M%z",
                    "%Y-%m-%d %H:%M:%S%.f%z",
                ]
                .iter()
                .find_map(|f| DateTime::parse_from_str(s, f).ok())
            });
        let value = if let Some(z) = zoned {
            PubDate::Zoned(z)
        } else if let Some(t) = [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%dT%H:%M",
        ]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        {
            PubDate::Local(t)
        } else {
            let head = s.get(..10).unwrap_or(s);
            ["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d"]
                .iter()
                .find_map(|f| NaiveDate::parse_from_str(head, f).ok())
                .map(PubDate::Date)?
        };
        Some(value)
    }
}

impl PubDate {
    /// Sort key: the printed calendar date, then the local time of day (a bare date
    /// first), then the variant, so that the order agrees with equality.
    fn key(&self) -> (chrono::NaiveDateTime, u8, i32) {
        match self {
            PubDate::Date(d) => (d.and_time(chrono::NaiveTime::MIN), 0, 0),
            PubDate::Local(t) => (*t, 1, 0),
            PubDate::Zoned(t) => (t.naive_local(), 2, t.offset().local_minus_utc()),
        }
    }
}

impl Ord for PubDate {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.key().cmp(&other.key())
    }
}

impl PartialOrd for PubDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for PubDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PubDate::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            PubDate::Local(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%S")),
            PubDate::Zoned(t) => f.write_str(&t.to_rfc3339()),
        }
    }
}

serde_as_text!(PubDate);

/// A publication date with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// A date or a date-time, written as ISO 8601.
    pub value: PubDate,
    pub source: DateSource,
    /// 0–1: how far the source is to be trusted.
    pub confidence: f32,
    /// What the date rests on: for a date inferred from the text, the full date and
    /// weekdays or the caption; for a URL or file path, the part of the path read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

impl Published {
    /// The calendar date of the value.
    pub fn date(&self) -> chrono::NaiveDate {
        self.value.date()
    }
}

/// How an article's outlet was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OutletSource {
    /// Given by the user: sidecar `.meta.json` or a JSON Lines field.
    Metadata,
    /// `--outlet NAME` (or the configuration's `outlet`), for items whose metadata names none.
    Config,
    /// The URL's host: a known outlet's, or the bare host.
    Url,
    /// The page's own name for its site (`og:site_name`, JSON-LD publisher).
    SiteName,
    /// A tell-tale line ("X and agencies", a site footer, a known newsroom's address).
    TellTale,
    /// An agency's dateline code ("(AA)").
    Dateline,
    /// The name other articles of the same site give it (rule `site-name`,
    /// [`crate::corpus::sites`]).
    Site,
}

/// Kinds of boilerplate removed from an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RemovedKind {
    Advertisement,
    Navigation,
    Share,
    Subscription,
    RelatedLinks,
    Caption,
    Credit,
    Byline,
    CommentPolicy,
    /// A reader's comment under the article: a line with a commenter's signature
    /// ("Posted by: name | date time"), and the thread after it.
    ReaderComment,
    Counter,
    MirrorNotice,
    SourceLine,
    /// A date or time stamp line ("Updated 9:41 AM").
    Timestamp,
    Headline,
    Subtitle,
    DuplicateLine,
    Template,
    MediaJunk,
    Other,
}

/// A piece of the input that is not article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub kind: RemovedKind,
    pub text: String,
    /// The line stood in the page's head, above the article's first paragraph (where a
    /// page prints its source and date); absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub head: bool,
}

/// One clean article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema: u32,
    /// Hash (hex) of the normalised clean text with the outlet and URL: see [`article_id`].
    pub id: String,
    pub source: Source,
    pub outlet: Option<String>,
    /// How the outlet was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_source: Option<OutletSource>,
    pub url: Option<String>,
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<Published>,
    pub language: Option<String>,
    /// The clean body, title excluded; paragraphs separated by a blank line.
    pub text: String,
    /// Byte spans of the paragraphs in `text`.
    pub paragraphs: Vec<Span>,
    /// Byte spans of the sentences in `text`, in order, each inside one paragraph.
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// People, organisations and places named in `text`, with mentions (schema 2).
    #[serde(default)]
    pub entities: Vec<crate::entities::Entity>,
    /// Direct quotes, partial quotes and reported speech, with speakers (schema 2).
    #[serde(default)]
    pub quotes: Vec<crate::quotes::Quote>,
    /// Temporal expressions (TIMEX3), normalised against `published` (schema 2).
    #[serde(default)]
    pub timexes: Vec<crate::time::Timex>,
    /// The date of each sentence, with the rule that fixed it (schema 2).
    #[serde(default)]
    pub sentence_dates: Vec<crate::time::SentenceDate>,
    /// Quantitative claims: value or interval, unit, what is measured, as of when, who is
    /// cited (schema 4, pipeline 5; absent when there are none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<crate::claims::Figure>,
    pub removed: Vec<Removed>,
    /// Id of the representative of this article's duplicate group, when it is a copy.
    pub duplicate_of: Option<String>,
    /// How the copy relates to its representative: `exact`, `near`; with `syndicated`
    /// when the outlets differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_kind: Option<crate::corpus::DuplicateKind>,
    pub warnings: Vec<String>,
}

impl Article {
    /// The site the article was published on (its URL's host; [`SiteKey`]), if it has a URL.
    pub fn site(&self) -> Option<SiteKey> {
        self.url.as_deref().and_then(crate::extract::outlets::site_of)
    }

    /// Paragraph texts, in order.
    pub fn paragraph_texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .map(|s| s.slice(&self.text).unwrap_or_default())
    }
}

/// The site an article was published on: the key its outlet is named under, one name
/// per site ([`crate::corpus::sites`]). A URL's host without `www.`, lower-cased; every
/// host of a known outlet is that outlet's first host (`edition.cnn.com` → `cnn.com`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SiteKey(pub String);

impl SiteKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SiteKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Joins paragraphs with a blank line and returns the text with each paragraph's span.
pub fn join_paragraphs<S: AsRef<str>>(paras: &[S]) -> (String, Vec<Span>) {
    let mut text = String::with_capacity(paras.iter().map(|p| p.as_ref().len() + 2).sum());
    let mut spans = Vec::with_capacity(paras.len());
    for p in paras {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p.as_ref());
        spans.push(Span::new(start, text.len()));
    }
    (text, spans)
}

/// How many bytes of words [`article_id`] gathers before hashing them.
const ID_CHUNK: usize = 4096;

/// Id of an article: a hash of its text (whitespace collapsed, case folded) together with
/// its outlet and URL. The same article read twice from the same place (re-crawled,
/// re-encoded, re-wrapped) keeps its id; the same text carried by another outlet or at
/// another address is another record, which dedup groups as an exact copy.
pub fn article_id(text: &str, outlet: Option<&str>, url: Option<&str>) -> String {
    let mut h = blake3::Hasher::new();
    // The words are gathered and handed to the hasher a few KB at a time: the same bytes
    // in the same order hash the same, and each call to the hasher has its own set-up.
    let mut buf = String::with_capacity(ID_CHUNK + 64);
    for w in text.split_whitespace() {
        let at = buf.len();
        if w.is_ascii() {
            buf.push_str(w);
            buf[at..].make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        buf.push(' ');
        if buf.len() >= ID_CHUNK {
            h.update(buf.as_bytes());
            buf.clear();
        }
    }
    h.update(buf.as_bytes());
    for part in [outlet, url] {
        h.update(b"\0");
        h.update(part.unwrap_or_default().as_bytes());
    }
    h.finalize().to_hex()[..16].to_string()
}

/// Id of a text alone (see [`article_id`]).
pub fn content_id(text: &str) -> String {
    article_id(text, None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publication_dates_are_typed_and_round_trip() {
        for (input, written) in [
            ("2016-12-08", Some("2016-12-08")),
            ("2016/12/08", Some("2016-12-08")),
            ("2016-12-08T10:30:00", Some("2016-12-08T10:30:00")),
            ("2016-12-08T10:30:00Z", Some("2016-12-08T10:30:00+00:00")),
            (
                "Thu, 08 Dec 2016 23:30:00 -0500",
                Some("2016-12-08T23:30:00-05:00"),
            ),
            ("0001-01-01T00:00:00Z", None),
            ("0001-01-01", None),
            ("yesterday", None),
        ] {
            let v = PubDate::parse(input);
            assert_eq!(v.map(|v| v.to_string()).as_deref(), written, "{input}");
            if let Some(v) = v {
                assert_eq!(PubDate::parse(&v.to_string()), Some(v), "{input} round trip");
            }
        }
        // The local calendar date, as printed, not the UTC one.
        let late = PubDate::parse("2016-12-08T23:30:00-05:00").unwrap();
        assert_eq!(late.date().to_string(), "2016-12-08");
    }

    #[test]
    fn paragraphs_join_with_spans() {
        let (text, spans) = join_paragraphs(&["One.", "Two two."]);
        assert_eq!(text, "One.\n\nTwo two.");
        assert_eq!(spans[1].slice(&text), Some("Two two."));
    }

    #[test]
    fn ids_ignore_layout_and_case_but_not_the_carrier() {
        assert_eq!(content_id("A  b\nC"), content_id("a b c"));
        assert_ne!(content_id("a b c"), content_id("a b d"));
        assert_ne!(
            article_id("a b c", Some("Wire A"), None),
            article_id("a b c", Some("Wire B"), None)
        );
    }
}
