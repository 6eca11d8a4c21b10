//! The article record: what `storyline analyze` prints and the store keeps.
//! The JSON shape is documented, versioned, in `docs/schema.md`.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// Version of the article record's JSON schema (`docs/schema.md`).
pub const SCHEMA_VERSION: u32 = 2;

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
    /// The crawl date of the WARC record: a weak fallback.
    WarcDate,
    /// Inferred from the text: an explicit full date with consistent weekdays, or a
    /// photo caption's date (`evidence` says which).
    Text,
}

/// A publication date with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// ISO 8601: a date (`2016-12-08`) or a date-time with offset.
    pub value: String,
    pub source: DateSource,
    /// 0–1: how far the source is to be trusted.
    pub confidence: f32,
    /// For a date inferred from the text: what it rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

impl Published {
    /// The calendar date of the value (its first ten characters), when it has one.
    pub fn date(&self) -> Option<chrono::NaiveDate> {
        chrono::NaiveDate::parse_from_str(self.value.get(..10)?, "%Y-%m-%d").ok()
    }
}

/// Kinds of boilerplate removed from an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
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
}

/// One clean article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub schema: u32,
    /// Hash (hex) of the normalised clean text with the outlet and URL: see [`article_id`].
    pub id: String,
    pub source: Source,
    pub outlet: Option<String>,
    /// How the outlet was found: `metadata`, `url`, `site-name`, `tell-tale`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_source: Option<String>,
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
    pub removed: Vec<Removed>,
    /// Id of the representative of this article's duplicate group, when it is a copy.
    pub duplicate_of: Option<String>,
    /// How the copy relates to its representative: `exact`, `near`; with `syndicated`
    /// when the outlets differ.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_kind: Option<String>,
    pub warnings: Vec<String>,
}

impl Article {
    /// Paragraph texts, in order.
    pub fn paragraph_texts(&self) -> impl Iterator<Item = &str> {
        self.paragraphs
            .iter()
            .map(|s| s.slice(&self.text).unwrap_or_default())
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

/// Id of an article: a hash of its text (whitespace collapsed, case folded) together with
/// its outlet and URL. The same article read twice from the same place (re-crawled,
/// re-encoded, re-wrapped) keeps its id; the same text carried by another outlet or at
/// another address is another record, which dedup groups as an exact copy.
pub fn article_id(text: &str, outlet: Option<&str>, url: Option<&str>) -> String {
    let mut h = blake3::Hasher::new();
    let mut buf = String::with_capacity(64);
    for w in text.split_whitespace() {
        buf.clear();
        if w.is_ascii() {
            buf.push_str(w);
            buf.make_ascii_lowercase();
        } else {
            buf.extend(w.chars().flat_map(char::to_lowercase));
        }
        buf.push(' ');
        h.update(buf.as_bytes());
    }
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
