//! Ingest: paths → raw items (text or HTML with whatever metadata came with them).
//!
//! Formats are recognised by content, not by extension: gzip (any of the others
//! inside), WARC (response records streamed one at a time), JSON Lines (one article
//! per line), HTML, plain text; standard input (`-`) the same way. Which files are read,
//! and their identities, is [`files`]' business. A `NAME.meta.json` beside a file gives it
//! metadata (see `docs/schema.md`).

pub mod decode;
pub mod files;
pub mod warc;

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

pub use files::{list_files, FileId, InputFile, Origin};

use serde::Deserialize;

use crate::article::{Format, Source};
use crate::error::{InputError, Stage};
use warc::{WarcItem, WarcReader};

/// Limits for reading inputs.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Largest single document (a file, a WARC record, a JSON line) read into memory.
    /// Larger ones are refused by their size, measured while they stream past (a file by its
    /// length, a record by its header, a JSON line by counting to its end), never held.
    pub max_bytes: u64,
}

/// The default per-document limit: 16 MiB, far above any article page (the extraction
/// benchmark's largest page is under 1 MB), and small enough that one document's analysis
/// stays within a few hundred MB of memory (the later stages hold several copies of the
/// text and its annotations).
pub const DEFAULT_MAX_BYTES: u64 = 16 << 20;

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// The body of an item before extraction.
#[derive(Debug, Clone)]
pub enum Content {
    Text(String),
    Html(String),
}

/// Metadata that came with an item (sidecar file, JSON Lines fields, WARC headers).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(from = "MetaFields")]
pub struct InputMeta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<String>,
    /// The WARC record's crawl date: a weak hint for the publication date.
    pub crawl_date: Option<String>,
}

/// The metadata fields as written. The publication date goes by many names in the exports
/// of scrapers and feed readers; `published` is ours, and the first of the others present
/// stands in when it is absent. They are separate fields rather than aliases, so that a
/// record giving two of them is read, not refused as naming one field twice; and they are
/// read only when they hold text (`text_or_none`).
#[derive(Default, Deserialize)]
#[serde(default)]
struct MetaFields {
    #[serde(deserialize_with = "non_blank")]
    url: Option<String>,
    #[serde(deserialize_with = "non_blank")]
    title: Option<String>,
    #[serde(deserialize_with = "non_blank")]
    published: Option<String>,
    #[serde(deserialize_with = "text_or_none")]
    date: Option<String>,
    #[serde(deserialize_with = "text_or_none", rename = "datePublished")]
    date_published: Option<String>,
    #[serde(deserialize_with = "text_or_none")]
    published_at: Option<String>,
    #[serde(deserialize_with = "text_or_none")]
    publish_date: Option<String>,
    #[serde(deserialize_with = "text_or_none")]
    date_publish: Option<String>,
    #[serde(deserialize_with = "text_or_none", rename = "pubDate")]
    pub_date: Option<String>,
    #[serde(deserialize_with = "non_blank")]
    outlet: Option<String>,
    #[serde(deserialize_with = "one_or_many")]
    authors: Vec<String>,
    #[serde(deserialize_with = "non_blank")]
    language: Option<String>,
}

impl From<MetaFields> for InputMeta {
    fn from(m: MetaFields) -> InputMeta {
        // `published` first, then the others, the more specific names before `date`.
        let published = m
            .published
            .or(m.date_published)
            .or(m.published_at)
            .or(m.publish_date)
            .or(m.date_publish)
            .or(m.pub_date)
            .or(m.date);
        InputMeta {
            url: m.url,
            title: m.title,
            published,
            outlet: m.outlet,
            authors: m.authors,
            language: m.language,
            crawl_date: None,
        }
    }
}

/// A field of another exporter's naming, read only when it is text: a number (an epoch
/// time) or an object under that name is some other thing, and not ours to refuse the
/// record for.
fn text_or_none<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => field_text(&s),
        _ => None,
    })
}

/// A metadata field's text: trimmed, without control characters
/// (`text::without_controls`), and none when nothing is left.
fn field_text(s: &str) -> Option<String> {
    Some(crate::text::without_controls(s.trim()).trim().to_string()).filter(|s| !s.is_empty())
}

/// A metadata field given as an empty or blank string is no value: `"outlet": ""` is an
/// unknown outlet, as a missing field is, not an outlet with no name. Control characters
/// are dropped (`text::without_controls`).
fn non_blank<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<String>::deserialize(d)?.and_then(|s| field_text(&s)))
}

fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    let names = match Option::<OneOrMany>::deserialize(d)? {
        None => vec![],
        Some(OneOrMany::One(s)) => vec![s],
        Some(OneOrMany::Many(v)) => v,
    };
    Ok(names
        .into_iter()
        .map(|s| crate::text::without_controls(&s).into_owned())
        .collect())
}

/// One input document, decoded.
#[derive(Debug, Clone)]
pub struct RawItem {
    pub source: Source,
    pub content: Content,
    pub meta: InputMeta,
    pub warnings: Vec<String>,
    /// Size of the raw bytes, for throughput reporting.
    pub bytes: u64,
}

impl RawItem {
    /// A plain-text document named `path` with its metadata (as a JSON Lines record or a
    /// sidecar would give it).
    pub fn text(path: impl Into<String>, text: impl Into<String>, meta: InputMeta) -> RawItem {
        let text = text.into();
        RawItem {
            source: Source {
                path: path.into(),
                format: crate::Format::Text,
                record_id: None,
                line: None,
            },
            bytes: text.len() as u64,
            content: Content::Text(text),
            meta,
            warnings: vec![],
        }
    }
}

/// An item that could not be processed, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Failure {
    /// The file, plus the record or line inside it.
    pub source: String,
    pub stage: Stage,
    pub reason: String,
}

impl Failure {
    pub fn new(source: impl Into<String>, stage: Stage, reason: impl ToString) -> Self {
        Failure {
            source: source.into(),
            stage,
            reason: reason.to_string(),
        }
    }
}

pub type Item = Result<RawItem, Failure>;

/// The `.meta.json` sidecar of `path`, if there is one: `FILE.meta.json`, or the name
/// with its extensions replaced (`a.txt` → `a.meta.json`).
pub(crate) fn sidecar_path(path: &Path) -> Option<PathBuf> {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let stem = name.split('.').next().unwrap_or(name);
    [format!("{name}.meta.json"), format!("{stem}.meta.json")]
        .into_iter()
        .map(|candidate| path.with_file_name(candidate))
        .find(|p| p.is_file())
}

/// Reads the `.meta.json` sidecar of `path` ([`sidecar_path`]).
fn sidecar(path: &Path, max_bytes: u64) -> Result<Option<InputMeta>, String> {
    let Some(p) = sidecar_path(path) else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    File::open(&p)
        .and_then(|f| f.take(max_bytes + 1).read_to_end(&mut bytes))
        .map_err(|e| format!("{}: {e}", p.display()))?;
    if bytes.len() as u64 > max_bytes {
        return Err(format!("{}: larger than {max_bytes} bytes", p.display()));
    }
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| format!("{}: {e}", p.display()))
}

type Stream = Box<dyn BufRead + Send>;

fn one(item: Item) -> Box<dyn Iterator<Item = Item> + Send> {
    Box::new(std::iter::once(item))
}

/// Opens one input and returns the items in it.
pub fn open(input: &InputFile, config: &IngestConfig) -> Box<dyn Iterator<Item = Item> + Send> {
    let shown = input.shown();
    let reader: Stream = match &input.origin {
        Origin::Stdin => Box::new(BufReader::with_capacity(64 * 1024, std::io::stdin())),
        Origin::File(_) => match File::open(&input.path) {
            Ok(f) => Box::new(BufReader::with_capacity(64 * 1024, f)),
            Err(e) => return one(Err(Failure::new(shown, Stage::Ingest, InputError::from(e)))),
        },
    };
    let sidecar_of = matches!(input.origin, Origin::File(_)).then_some(input.path.as_path());
    open_stream(shown, reader, input.size(), sidecar_of, config)
}

/// The items in a byte stream whose format is recognised by its first bytes. `size` is the
/// length when known beforehand (a file), `sidecar_of` the file whose sidecar to read.
fn open_stream(
    shown: String,
    mut reader: Stream,
    size: Option<u64>,
    sidecar_of: Option<&Path>,
    config: &IngestConfig,
) -> Box<dyn Iterator<Item = Item> + Send> {
    let fail = |e: InputError| one(Err(Failure::new(shown.clone(), Stage::Ingest, e)));
    let gz = match reader.fill_buf() {
        Ok(head) => head.starts_with(&[0x1f, 0x8b]),
        Err(e) => return fail(e.into()),
    };
    if gz {
        reader = Box::new(BufReader::with_capacity(
            64 * 1024,
            flate2::bufread::MultiGzDecoder::new(reader),
        ));
    }
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => return fail(InputError::Truncated(format!("gzip: {e}"))),
    };
    if head.is_empty() {
        return fail(InputError::Empty);
    }
    if head.starts_with(b"WARC/") {
        return Box::new(warc_items(shown, reader, config.max_bytes));
    }
    if looks_like_jsonl(&head) {
        return Box::new(jsonl_items(shown, reader, config.max_bytes));
    }
    // One document. A file over the limit is refused by its length before any of it is
    // read; a stream (compressed, or standard input) is read with a bound.
    let known = size.filter(|_| !gz);
    if let Some(size) = known.filter(|&n| n > config.max_bytes) {
        return fail(InputError::TooLarge {
            size,
            limit: config.max_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(known.unwrap_or(64 * 1024).min(config.max_bytes) as usize);
    match reader.take(config.max_bytes + 1).read_to_end(&mut bytes) {
        Ok(_) => {}
        Err(e) if gz => return fail(InputError::Truncated(format!("gzip: {e}"))),
        Err(e) => return fail(e.into()),
    }
    if bytes.len() as u64 > config.max_bytes {
        // (A file that grew while it was read is a stream too.)
        return fail(InputError::TooLargeStream {
            limit: config.max_bytes,
        });
    }
    let meta = match sidecar_of.map(|p| sidecar(p, config.max_bytes)) {
        None | Some(Ok(None)) => InputMeta::default(),
        Some(Ok(Some(m))) => m,
        Some(Err(e)) => {
            return fail(InputError::Malformed {
                format: "sidecar .meta.json",
                reason: e,
            })
        }
    };
    let html = looks_like_html(&bytes);
    let source = Source {
        path: shown.clone(),
        format: if html { Format::Html } else { Format::Text },
        record_id: None,
        line: None,
    };
    one(make_item(source, bytes, None, html, meta))
}

fn make_item(source: Source, bytes: Vec<u8>, charset: Option<&str>, html: bool, meta: InputMeta) -> Item {
    let size = bytes.len() as u64;
    let decoded = decode::decode_owned(bytes, charset, html)
        .map_err(|e| Failure::new(source.key(), Stage::Ingest, e))?;
    Ok(RawItem {
        content: if html {
            Content::Html(decoded.text)
        } else {
            Content::Text(decoded.text)
        },
        source,
        meta,
        warnings: decoded.warning.into_iter().collect(),
        bytes: size,
    })
}

/// HTML if the first non-blank characters open a tag and the head names an HTML element.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(2048)];
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(0);
    let head = &head[start..];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    if !head.starts_with(b"<") {
        return false;
    }
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<div",
        b"<p>",
        b"<article",
        b"<title",
        b"<!--",
    ]
    .iter()
    .any(|t| memchr::memmem::find(&lower, t).is_some())
}

fn looks_like_jsonl(head: &[u8]) -> bool {
    let start = head.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else { return false };
    if head[start] != b'{' {
        return false;
    }
    // The first line must be a whole JSON object (or run past the peeked buffer).
    let line_end = memchr::memchr(b'\n', &head[start..]).map(|i| start + i);
    match line_end {
        Some(end) => serde_json::from_slice::<serde_json::Value>(&head[start..end])
            .map(|v| v.is_object())
            .unwrap_or(false),
        None => true,
    }
}

fn warc_items(path: String, reader: Stream, max: u64) -> impl Iterator<Item = Item> + Send {
    WarcReader::new(reader, max).filter_map(move |item| match item {
        WarcItem::Fatal(e) => Some(Err(Failure::new(path.clone(), Stage::Ingest, e))),
        WarcItem::Skipped {
            record_id,
            offset,
            error,
        } => {
            let at = match record_id {
                Some(id) => format!("{path}#{id}"),
                None => format!("{path} (at byte {offset})"),
            };
            Some(Err(Failure::new(at, Stage::Ingest, error)))
        }
        WarcItem::Record(rec) => warc_record_item(&path, rec),
    })
}

/// The document in one WARC record: a successful HTTP response or a resource, in HTML or
/// plain text. Other records (requests, metadata, images, redirects) are not documents.
fn warc_record_item(path: &str, rec: warc::Record) -> Option<Item> {
    if rec.warc_type != "response" && rec.warc_type != "resource" {
        return None;
    }
    let source = Source {
        path: path.to_string(),
        format: Format::Warc,
        record_id: rec.record_id.clone(),
        line: None,
    };
    let mut body = rec.body;
    let ctype = if rec.warc_type == "response" {
        let resp = warc::parse_http(&body)?;
        if !(200..300).contains(&resp.status) {
            return None;
        }
        let (ctype, offset) = (resp.content_type, body.len() - resp.body.len());
        // The HTTP head off the front, in place: the body is not copied.
        body.drain(..offset);
        ctype
    } else {
        rec.content_type
    };
    let ctype_l = ctype.as_deref().unwrap_or("").to_ascii_lowercase();
    if !(ctype_l.is_empty() || ctype_l.contains("html") || ctype_l.contains("text/plain")) {
        return None;
    }
    if body.iter().all(|b| b.is_ascii_whitespace()) {
        return None;
    }
    let charset = ctype_l.split(';').find_map(|p| {
        p.trim()
            .strip_prefix("charset=")
            .map(|c| c.trim_matches('"').to_string())
    });
    let html = ctype_l.contains("html") || looks_like_html(&body);
    let meta = InputMeta {
        url: rec.target_uri,
        crawl_date: rec.date,
        ..Default::default()
    };
    let item = make_item(source, body, charset.as_deref(), html, meta);
    Some(item.map(|mut it| {
        it.warnings.extend(rec.damage);
        it
    }))
}

/// Skips to just after the next newline (or the end), holding no more than the reader's
/// buffer; returns the number of bytes skipped.
fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        let (take, done) = match memchr::memchr(b'\n', buf) {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        reader.consume(take);
        skipped += take as u64;
        if done {
            return Ok(skipped);
        }
    }
}

/// A JSON Lines record: `text` or `html`, plus optional metadata.
#[derive(Deserialize)]
struct JsonRecord {
    #[serde(alias = "content", alias = "body")]
    text: Option<String>,
    html: Option<String>,
    #[serde(flatten)]
    meta: InputMeta,
}

fn jsonl_items(path: String, mut reader: Stream, max: u64) -> impl Iterator<Item = Item> + Send {
    let mut line_no = 0u64;
    let mut buf = Vec::new();
    std::iter::from_fn(move || loop {
        if buf.capacity() > 1 << 20 {
            // Not kept at the size of the longest line so far.
            buf = Vec::new();
        }
        buf.clear();
        line_no += 1;
        let source = Source {
            path: path.clone(),
            format: Format::Jsonl,
            record_id: None,
            line: Some(line_no),
        };
        let n = match (&mut reader).take(max + 1).read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Ok(n) => n,
            Err(e) => {
                // Nothing after a read error can be trusted: end this file.
                buf.clear();
                let e = InputError::Truncated(e.to_string());
                reader = Box::new(std::io::empty());
                return Some(Err(Failure::new(source.key(), Stage::Ingest, e)));
            }
        };
        if n as u64 > max && buf.last() != Some(&b'\n') {
            // The rest of the over-long line is skipped as it streams by, never held.
            buf = Vec::new();
            let e = match skip_line(&mut reader) {
                Ok(rest) => InputError::TooLarge {
                    size: n as u64 + rest,
                    limit: max,
                },
                Err(e) => {
                    reader = Box::new(std::io::empty());
                    InputError::Truncated(e.to_string())
                }
            };
            return Some(Err(Failure::new(source.key(), Stage::Ingest, e)));
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        let rec: JsonRecord = match serde_json::from_slice(&buf) {
            Ok(r) => r,
            Err(e) => {
                let e = InputError::Malformed {
                    format: "JSON line",
                    reason: e.to_string(),
                };
                return Some(Err(Failure::new(source.key(), Stage::Ingest, e)));
            }
        };
        let item = match (rec.html, rec.text) {
            (Some(h), _) if !h.trim().is_empty() => Ok(RawItem {
                source,
                bytes: h.len() as u64,
                content: Content::Html(h),
                meta: rec.meta,
                warnings: vec![],
            }),
            (_, Some(t)) if !t.trim().is_empty() => Ok(RawItem {
                source,
                bytes: t.len() as u64,
                content: Content::Text(t),
                meta: rec.meta,
                warnings: vec![],
            }),
            _ => Err(Failure::new(
                source.key(),
                Stage::Ingest,
                InputError::Malformed {
                    format: "JSON line",
                    reason: "no non-empty `text` or `html` field".into(),
                },
            )),
        };
        return Some(item);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::path::PathBuf;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn input(path: &Path) -> InputFile {
        let (mut files, failures) = list_files(&[path.to_path_buf()]);
        assert!(failures.is_empty(), "{failures:?}");
        files.remove(0)
    }

    fn items(path: &Path) -> Vec<Item> {
        open(&input(path), &IngestConfig::default()).collect()
    }

    #[test]
    fn recognises_formats_by_content() {
        let d = tempfile::tempdir().unwrap();
        let html = write(
            d.path(),
            "page.txt",
            b"<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        );
        let text = write(d.path(), "story.html", b"Plain words here.\nMore words.");
        let jsonl = write(
            d.path(),
            "a.data",
            b"{\"text\":\"One.\",\"outlet\":\"X\"}\n\n{\"html\":\"<p>Two</p>\"}\n",
        );
        assert!(matches!(
            items(&html)[0].as_ref().unwrap().content,
            Content::Html(_)
        ));
        assert!(matches!(
            items(&text)[0].as_ref().unwrap().content,
            Content::Text(_)
        ));
        let j = items(&jsonl);
        assert_eq!(j.len(), 2);
        assert_eq!(j[0].as_ref().unwrap().meta.outlet.as_deref(), Some("X"));
        // a blank field is no value
        let blank: InputMeta = serde_json::from_str(r#"{"outlet": " ", "title": "", "url": null}"#).unwrap();
        assert!(blank.outlet.is_none() && blank.title.is_none() && blank.url.is_none());
        assert_eq!(j[1].as_ref().unwrap().source.line, Some(3));
    }

    #[test]
    fn gzip_of_text_and_truncated_gzip() {
        let d = tempfile::tempdir().unwrap();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(
            "Some article text that is long enough to compress. "
                .repeat(200)
                .as_bytes(),
        )
        .unwrap();
        let gz = enc.finish().unwrap();
        let good = write(d.path(), "a.gz", &gz);
        let bad = write(d.path(), "b.gz", &gz[..gz.len() / 2]);
        assert!(items(&good)[0].is_ok());
        let err = items(&bad).remove(0).unwrap_err();
        assert!(err.reason.contains("truncated"), "{}", err.reason);
    }

    #[test]
    fn sidecar_metadata_is_read() {
        let d = tempfile::tempdir().unwrap();
        let p = write(d.path(), "story.txt", b"Text of the story.");
        write(
            d.path(),
            "story.meta.json",
            br#"{"published":"2016-12-08","outlet":"Example Wire","authors":"Jo Doe"}"#,
        );
        let it = items(&p).remove(0).unwrap();
        assert_eq!(it.meta.published.as_deref(), Some("2016-12-08"));
        assert_eq!(it.meta.authors, vec!["Jo Doe"]);
        let (files, _) = list_files(&[d.path().to_path_buf()]);
        assert_eq!(files.len(), 1, "sidecars are not inputs");
    }

    #[test]
    fn an_over_long_json_line_is_refused_and_the_next_is_read() {
        let d = tempfile::tempdir().unwrap();
        let long = format!("{{\"text\":\"{}\"}}\n", "w".repeat(5_000));
        let data = format!("{long}{{\"text\":\"The ferry ran late.\"}}\n");
        let p = write(d.path(), "l.jsonl", data.as_bytes());
        let r: Vec<_> = open(&input(&p), &IngestConfig { max_bytes: 1_000 }).collect();
        assert_eq!(r.len(), 2);
        let e = r[0].as_ref().unwrap_err();
        assert_eq!(e.source, format!("{}:1", p.display()));
        assert!(
            e.reason.contains(&format!("{} bytes (limit 1000)", long.len())),
            "the whole line's size: {}",
            e.reason
        );
        let ok = r[1].as_ref().unwrap();
        assert_eq!(ok.source.line, Some(2));
        assert!(matches!(&ok.content, Content::Text(t) if t == "The ferry ran late."));
    }

    #[test]
    fn size_limits_for_files_and_compressed_files() {
        let d = tempfile::tempdir().unwrap();
        let text = "Harbour dues rose again this spring. ".repeat(100);
        let plain = write(d.path(), "a.txt", text.as_bytes());
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(text.as_bytes()).unwrap();
        let gz = write(d.path(), "a.txt.gz", &enc.finish().unwrap());
        let cfg = IngestConfig { max_bytes: 1_000 };
        let r = open(&input(&plain), &cfg).next().unwrap().unwrap_err();
        assert!(
            r.reason.contains(&format!("{} bytes (limit 1000)", text.len())),
            "{}",
            r.reason
        );
        let r = open(&input(&gz), &cfg).next().unwrap().unwrap_err();
        assert!(r.reason.contains("more than 1000 bytes;"), "{}", r.reason);
        let roomy = IngestConfig {
            max_bytes: text.len() as u64,
        };
        for p in [&plain, &gz] {
            let it = open(&input(p), &roomy).next().unwrap().unwrap();
            assert!(matches!(&it.content, Content::Text(t) if t.len() == text.len()));
        }
    }

    #[test]
    fn a_stream_is_sniffed_and_bounded_like_a_file() {
        let cfg = IngestConfig { max_bytes: 200 };
        let stream = |bytes: &[u8]| -> Vec<Item> {
            let reader: Stream = Box::new(std::io::Cursor::new(bytes.to_vec()));
            open_stream("<stdin>".into(), reader, None, None, &cfg).collect()
        };
        let jsonl = stream(b"{\"text\":\"Nets were mended.\"}\n{\"html\":\"<p>Boats left.</p>\"}\n");
        assert_eq!(jsonl.len(), 2);
        assert_eq!(jsonl[1].as_ref().unwrap().source.key(), "<stdin>:2");
        let html = stream(b"<html><body><p>Boats left at dawn.</p></body></html>");
        assert!(matches!(html[0].as_ref().unwrap().content, Content::Html(_)));
        let long = stream(&b"Boats left at dawn. ".repeat(20));
        let e = long[0].as_ref().unwrap_err();
        assert_eq!(e.source, "<stdin>");
        assert!(e.reason.contains("more than 200 bytes;"), "{}", e.reason);
    }

    #[test]
    fn warc_with_a_wrong_length_plain_and_gzip() {
        type Length<'a> = &'a dyn Fn(usize) -> Option<String>;
        fn record(n: usize, damage: Length) -> Vec<u8> {
            let http = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Notice {n}: \
                 the Quillby slipway closes for repairs on Monday, the harbour office said.</p>\
                 </body></html>"
            );
            let length = damage(http.len()).map_or(String::new(), |l| format!("Content-Length: {l}\r\n"));
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:n{n}>\r\n\
                 WARC-Target-URI: https://courier.example/{n}\r\n{length}\r\n{http}\r\n\r\n"
            )
            .into_bytes()
        }
        let right = |n: usize| Some(n.to_string());
        let damages: [(&str, Length); 3] = [
            ("long", &|n| Some((n + 70).to_string())),
            ("short", &|n| Some((n - 30).to_string())),
            ("missing", &|_| None),
        ];
        let d = tempfile::tempdir().unwrap();
        for (what, damage) in damages {
            let members = [record(1, damage), record(2, &right), record(3, &right)];
            let plain = write(d.path(), &format!("{what}.warc"), &members.concat());
            let mut gz = Vec::new();
            for m in &members {
                let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                enc.write_all(m).unwrap();
                gz.extend(enc.finish().unwrap());
            }
            let gz = write(d.path(), &format!("{what}.warc.gz"), &gz);
            for file in [plain, gz] {
                let got = items(&file);
                assert_eq!(got.len(), 3, "{what}: {got:?}");
                for (i, item) in got.iter().enumerate() {
                    let item = item.as_ref().unwrap();
                    let Content::Html(h) = &item.content else {
                        panic!("{what}: {item:?}")
                    };
                    assert!(
                        h.starts_with("<html>") && h.ends_with("</html>"),
                        "{what} {i}: {h:?}"
                    );
                    assert!(h.contains(&format!("Notice {}:", i + 1)));
                    let warned = item.warnings.iter().any(|w| w.starts_with("damaged WARC record"));
                    assert_eq!(warned, i == 0, "{what} {i}: {:?}", item.warnings);
                }
            }
        }
    }

    #[test]
    fn bad_inputs_fail_per_item() {
        let d = tempfile::tempdir().unwrap();
        let empty = write(d.path(), "empty.txt", b"");
        let bin = write(d.path(), "x.png", b"\x89PNG\r\n\x1a\n\0\0\0");
        let badjson = write(
            d.path(),
            "b.jsonl",
            b"{\"text\":\"ok\"}\n{not json\n{\"url\":\"u\"}\n",
        );
        assert!(items(&empty)[0].is_err());
        assert!(items(&bin)[0].as_ref().unwrap_err().reason.contains("PNG"));
        let j = items(&badjson);
        assert!(j[0].is_ok() && j[1].is_err() && j[2].is_err());
        let small = IngestConfig { max_bytes: 10 };
        let big = write(d.path(), "big.txt", b"this is more than ten bytes");
        let r: Vec<_> = open(&input(&big), &small).collect();
        assert!(r[0].as_ref().unwrap_err().reason.contains("too large"));
        let (_, missing) = list_files(&[d.path().join("nope")]);
        assert_eq!(missing.len(), 1);
    }
}
