//! A streaming WARC reader: one record at a time, bounded memory, clear errors on
//! truncated or corrupt archives. gzip (per-record members, as Common Crawl writes
//! them) is handled by the caller wrapping the stream.
//!
//! Hand-written rather than a crate: the format is a few headers and a length,
//! and we need to keep reading past a bad record and name what was cut.

use std::io::{self, BufRead, Read};

use crate::error::InputError;

/// One WARC record with its body read into memory (bounded by `max_record`).
#[derive(Debug)]
pub struct Record {
    pub warc_type: String,
    pub record_id: Option<String>,
    pub target_uri: Option<String>,
    pub date: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

/// Reads WARC records from a buffered stream.
pub struct WarcReader<R> {
    inner: R,
    max_record: u64,
    done: bool,
    line: Vec<u8>,
}

/// An item from the reader: a record, a record that was skipped (too large), or the
/// end of readable data (truncation or corruption: nothing after it can be trusted).
#[derive(Debug)]
pub enum WarcItem {
    Record(Record),
    Skipped {
        record_id: Option<String>,
        error: InputError,
    },
    Fatal(InputError),
}

impl<R: BufRead> WarcReader<R> {
    pub fn new(inner: R, max_record: u64) -> Self {
        WarcReader {
            inner,
            max_record,
            done: false,
            line: Vec::with_capacity(256),
        }
    }

    /// Reads one line (without CRLF) into `self.line`; `Ok(false)` at end of stream.
    fn read_line(&mut self) -> io::Result<bool> {
        self.line.clear();
        let n = (&mut self.inner)
            .take(64 * 1024)
            .read_until(b'\n', &mut self.line)?;
        while matches!(self.line.last(), Some(b'\n' | b'\r')) {
            self.line.pop();
        }
        Ok(n > 0)
    }

    fn next_record(&mut self) -> Result<Option<WarcItem>, InputError> {
        // Skip blank lines between records.
        loop {
            if !self.read_line()? {
                return Ok(None);
            }
            if !self.line.is_empty() {
                break;
            }
        }
        if !self.line.starts_with(b"WARC/") {
            return Err(InputError::Malformed {
                format: "WARC",
                reason: format!(
                    "expected a WARC/ version line, found {:?}",
                    String::from_utf8_lossy(&self.line[..self.line.len().min(40)])
                ),
            });
        }
        let mut rec = Record {
            warc_type: String::new(),
            record_id: None,
            target_uri: None,
            date: None,
            content_type: None,
            body: Vec::new(),
        };
        let mut length: Option<u64> = None;
        loop {
            if !self.read_line()? {
                return Err(InputError::Truncated(
                    "archive ends inside a record header".into(),
                ));
            }
            if self.line.is_empty() {
                break;
            }
            let line = String::from_utf8_lossy(&self.line);
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => rec.warc_type = value,
                "warc-record-id" => rec.record_id = Some(value),
                "warc-target-uri" => rec.target_uri = Some(value),
                "warc-date" => rec.date = Some(value),
                "content-type" => rec.content_type = Some(value),
                "content-length" => length = value.parse().ok(),
                _ => {}
            }
        }
        let Some(length) = length else {
            return Err(InputError::Malformed {
                format: "WARC",
                reason: "record without a valid Content-Length".into(),
            });
        };
        if length > self.max_record {
            let skipped = io::copy(&mut (&mut self.inner).take(length), &mut io::sink())?;
            if skipped < length {
                return Err(InputError::Truncated("archive ends inside a record".into()));
            }
            return Ok(Some(WarcItem::Skipped {
                record_id: rec.record_id,
                error: InputError::TooLarge {
                    size: length,
                    limit: self.max_record,
                },
            }));
        }
        rec.body.reserve(length as usize);
        let got = (&mut self.inner).take(length).read_to_end(&mut rec.body)? as u64;
        if got < length {
            return Err(InputError::Truncated(format!(
                "record {} cut after {got} of {length} bytes",
                rec.record_id.as_deref().unwrap_or("?")
            )));
        }
        Ok(Some(WarcItem::Record(rec)))
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = WarcItem;

    fn next(&mut self) -> Option<WarcItem> {
        if self.done {
            return None;
        }
        match self.next_record() {
            Ok(Some(item)) => Some(item),
            Ok(None) => {
                self.done = true;
                None
            }
            Err(e) => {
                self.done = true;
                let e = match e {
                    // A corrupt gzip stream surfaces as an I/O error mid-read.
                    InputError::Io(io) if io.kind() != io::ErrorKind::NotFound => {
                        InputError::Truncated(io.to_string())
                    }
                    other => other,
                };
                Some(WarcItem::Fatal(e))
            }
        }
    }
}

/// An HTTP response split out of a WARC `response` record.
#[derive(Debug)]
pub struct HttpResponse<'a> {
    pub status: u16,
    pub content_type: Option<String>,
    pub body: &'a [u8],
}

/// Parses the HTTP status line and headers of a response record's body.
pub fn parse_http(block: &[u8]) -> Option<HttpResponse<'_>> {
    let end = memchr::memmem::find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| memchr::memmem::find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let content_type = lines.find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.trim()
            .eq_ignore_ascii_case("content-type")
            .then(|| v.trim().to_string())
    });
    Some(HttpResponse {
        status,
        content_type,
        body: &block[end.1..],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, uri: &str, http: &str) -> Vec<u8> {
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <{id}>\r\nWARC-Target-URI: {uri}\r\n\
             WARC-Date: 2020-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n\
             Content-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        )
        .into_bytes()
    }

    #[test]
    fn reads_records_and_http() {
        let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi</p>";
        let mut data = record("urn:a", "https://example.org/a", http);
        data.extend(record("urn:b", "https://example.org/b", http));
        let items: Vec<_> = WarcReader::new(&data[..], 1 << 20).collect();
        assert_eq!(items.len(), 2);
        let WarcItem::Record(r) = &items[1] else {
            panic!("{items:?}")
        };
        assert_eq!(r.record_id.as_deref(), Some("<urn:b>"));
        let resp = parse_http(&r.body).unwrap();
        assert_eq!(resp.status, 200);
        assert_eq!(resp.body, b"<p>Hi</p>");
    }

    #[test]
    fn truncation_is_reported_after_good_records() {
        let http = "HTTP/1.1 200 OK\r\n\r\n<p>Hello there</p>";
        let mut data = record("urn:a", "https://example.org/a", http);
        let second = record("urn:b", "https://example.org/b", http);
        data.extend_from_slice(&second[..second.len() - 12]);
        let items: Vec<_> = WarcReader::new(&data[..], 1 << 20).collect();
        assert!(matches!(items[0], WarcItem::Record(_)));
        assert!(
            matches!(items[1], WarcItem::Fatal(InputError::Truncated(_))),
            "{items:?}"
        );
        assert_eq!(items.len(), 2);
    }

    #[test]
    fn oversized_records_are_skipped() {
        let http = "HTTP/1.1 200 OK\r\n\r\n<p>Hello there</p>";
        let mut data = record("urn:a", "https://example.org/a", http);
        data.extend(record(
            "urn:b",
            "https://example.org/b",
            "HTTP/1.1 200 OK\r\n\r\nx",
        ));
        let items: Vec<_> = WarcReader::new(&data[..], 25).collect();
        assert!(matches!(items[0], WarcItem::Skipped { .. }));
        assert!(matches!(items[1], WarcItem::Record(_)));
    }
}
