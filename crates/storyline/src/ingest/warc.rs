//! A streaming WARC reader: one record at a time, bounded memory, clear errors on
//! truncated or corrupt archives. gzip (per-record members, as Common Crawl writes
//! them) is handled by the caller wrapping the stream.
//!
//! Hand-written rather than a crate: the format is a few headers and a length, and we
//! need to keep reading past a bad record. Each record's Content-Length is checked against
//! what follows the block (blank lines, then the next record's `WARC/` version line or the
//! end). When the length is wrong (too long, too short) or missing, the reader
//! resynchronises on the next version line: the damaged record keeps its block up to there,
//! with a warning, and nothing after it is lost. Bytes between records that are not a record
//! are skipped to the next one, with a failure naming where they were.

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
    /// Where the record's version line starts, in bytes from the start of the (decompressed)
    /// archive.
    pub offset: u64,
    /// What was wrong with the record's length, when its end was found by resynchronising.
    pub damage: Option<String>,
}

/// Reads WARC records from a buffered stream.
pub struct WarcReader<R> {
    inner: Rewind<R>,
    max_record: u64,
    done: bool,
    line: Vec<u8>,
}

/// An item from the reader: a record; a record or stretch of bytes that was skipped (too
/// large, or not a record), after which reading goes on; or the end of readable data (the
/// archive ends inside a record, or the compressed stream is corrupt).
#[derive(Debug)]
pub enum WarcItem {
    Record(Record),
    Skipped {
        record_id: Option<String>,
        /// Where the skipped bytes start.
        offset: u64,
        error: InputError,
    },
    Fatal(InputError),
}

/// A buffered reader that can put bytes back and look further ahead than its buffer, and
/// counts what was consumed.
struct Rewind<R> {
    inner: R,
    /// Bytes put back or looked at ahead, to be read before `inner`'s.
    pending: Vec<u8>,
    pos: usize,
    consumed: u64,
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let n = {
            let buf = self.fill_buf()?;
            let n = buf.len().min(out.len());
            out[..n].copy_from_slice(&buf[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos < self.pending.len() {
            return Ok(&self.pending[self.pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.consumed += n as u64;
        if self.pos < self.pending.len() {
            self.pos += n;
            if self.pos >= self.pending.len() {
                self.pending.clear();
                self.pos = 0;
            }
        } else {
            self.inner.consume(n);
        }
    }
}

impl<R: BufRead> Rewind<R> {
    /// Puts consumed bytes back in front of the stream.
    fn unread(&mut self, bytes: &[u8]) {
        let mut v = Vec::with_capacity(bytes.len() + self.pending.len() - self.pos);
        v.extend_from_slice(bytes);
        v.extend_from_slice(&self.pending[self.pos..]);
        self.pending = v;
        self.pos = 0;
        self.consumed -= bytes.len() as u64;
    }

    /// The next `n` bytes without consuming them (fewer at the end of the stream).
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        while self.pending.len() - self.pos < n {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                break;
            }
            let k = buf.len().min(n - (self.pending.len() - self.pos));
            if self.pos > 0 {
                self.pending.drain(..self.pos);
                self.pos = 0;
            }
            self.pending.extend_from_slice(&buf[..k]);
            self.inner.consume(k);
        }
        Ok(&self.pending[self.pos..])
    }
}

/// Whether `b` starts a record: a version line (`WARC/1.0`) then a header line named
/// `WARC-…` or `Content-…`. `None` when more bytes are needed to tell.
fn record_starts(b: &[u8]) -> Option<bool> {
    const V: &[u8] = b"WARC/";
    let n = b.len().min(V.len());
    if b[..n] != V[..n] {
        return Some(false);
    }
    if n < V.len() {
        return None;
    }
    let mut i = V.len();
    for (k, sep) in [(0, b'.'), (1, b'\n')] {
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if k == 1 && b.get(i) == Some(&b'\r') {
            i += 1;
        }
        match b.get(i) {
            None => return None,
            Some(&c) if c == sep && i > start => i += 1,
            Some(_) => return Some(false),
        }
    }
    let rest = &b[i..];
    for name in [&b"WARC-"[..], b"Content-"] {
        let n = rest.len().min(name.len());
        if rest[..n].eq_ignore_ascii_case(&name[..n]) {
            return (n == name.len()).then_some(true);
        }
    }
    Some(false)
}

/// How much of an over-limit block is kept: enough to find the next record's start in it.
const WINDOW: usize = 4096;

/// A record's block as it is read: whole up to the size limit, then only its last bytes.
struct Block {
    buf: Vec<u8>,
    /// Bytes dropped from the front of `buf` (the block went over the limit).
    dropped: u64,
    max: u64,
    /// Where the search for the next record's start resumes (absolute position).
    search_from: u64,
}

/// What was wrong with a record's length.
#[derive(Debug, Clone, Copy)]
enum Damage {
    TooLong(u64),
    TooShort(u64),
    Missing,
}

/// What follows a block read to its declared length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tail {
    /// Blank lines, then the next record or the end of the archive.
    Clean,
    /// The record separator (an empty line), then something that is not a record: bytes
    /// between records, skipped by the caller.
    Separated,
    /// Anything else: the block goes on.
    Dirty,
}

/// How a block ended.
enum End {
    /// At its declared length, followed by the next record or the end.
    Exact,
    /// Elsewhere: the length was wrong (or missing) and the next record's start, or the end
    /// of the archive, marked it.
    Resynced(String),
    /// The archive ends before the declared length, with no record start in what is there.
    CutOff,
}

impl Block {
    fn new(max: u64) -> Block {
        Block {
            buf: Vec::new(),
            dropped: 0,
            max,
            search_from: 0,
        }
    }

    fn size(&self) -> u64 {
        self.dropped + self.buf.len() as u64
    }

    /// Whether the whole block is held (it is within the limit).
    fn whole(&self) -> bool {
        self.size() <= self.max
    }

    fn push(&mut self, bytes: &[u8]) {
        self.buf.extend_from_slice(bytes);
        if !self.whole() && self.buf.len() > 2 * WINDOW {
            let cut = self.buf.len() - WINDOW;
            self.buf.drain(..cut);
            self.dropped += cut as u64;
        }
    }

    /// The first record start from `search_from` on, at the start of a line. At the end of the
    /// stream (`eof`), a start that cannot be completed is not one.
    fn find_record(&mut self, eof: bool) -> Option<u64> {
        let from = self.search_from.saturating_sub(self.dropped) as usize;
        for p in memchr::memmem::find_iter(&self.buf[from..], b"WARC/").map(|i| from + i) {
            let line_start = match p {
                0 => self.dropped == 0,
                _ => self.buf[p - 1] == b'\n',
            };
            if !line_start {
                continue;
            }
            match record_starts(&self.buf[p..]) {
                Some(true) => return Some(self.dropped + p as u64),
                None if !eof => {
                    self.search_from = self.dropped + p as u64;
                    return None;
                }
                _ => {}
            }
        }
        // A version line may be cut at the end: look again from just before it.
        self.search_from = self.size().saturating_sub(V_LEN as u64);
        None
    }
}

/// Length of `WARC/`.
const V_LEN: usize = 5;

impl<R: BufRead> WarcReader<R> {
    pub fn new(inner: R, max_record: u64) -> Self {
        WarcReader {
            inner: Rewind {
                inner,
                pending: Vec::new(),
                pos: 0,
                consumed: 0,
            },
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

    /// How the block just read ends, and how many blank-line bytes follow it (not consumed).
    fn tail(&mut self) -> io::Result<(Tail, usize)> {
        let ahead = self.inner.peek(512)?;
        let blank = ahead.iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
        let rest = &ahead[blank..];
        let tail = if rest.is_empty() || record_starts(rest) == Some(true) {
            Tail::Clean
        } else if ahead.starts_with(b"\r\n\r\n") || ahead.starts_with(b"\n\n") {
            Tail::Separated
        } else {
            Tail::Dirty
        };
        Ok((tail, blank))
    }

    /// Ends a block at the record start found at `at`: the bytes from there go back to the
    /// stream; the record's separating blank lines are trimmed.
    fn resync(&mut self, mut block: Block, at: u64, damage: Damage) -> (Block, End) {
        let rel = (at - block.dropped) as usize;
        self.inner.unread(&block.buf[rel..]);
        block.buf.truncate(rel);
        let trail = block
            .buf
            .iter()
            .rev()
            .take(4)
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        block.buf.truncate(rel - trail);
        let size = block.size();
        let why = match damage {
            Damage::TooLong(n) => format!("its Content-Length ({n}) runs past its end ({size} bytes)"),
            Damage::TooShort(n) => format!("its Content-Length ({n}) stops short of its end ({size} bytes)"),
            Damage::Missing => format!("it has no valid Content-Length ({size} bytes)"),
        };
        (
            block,
            End::Resynced(format!("damaged WARC record: {why}; read up to the next record")),
        )
    }

    /// Reads a record's block: `declared` bytes when that is where it ends, else up to the
    /// next record's start (or the end of the archive).
    fn read_block(&mut self, declared: Option<u64>) -> io::Result<(Block, End)> {
        let mut block = Block::new(self.max_record);
        if let Some(len) = declared {
            // A block too large to keep is not read to its declared end blindly: a record start
            // inside it means its length is wrong.
            let watch = len > self.max_record;
            while block.size() < len {
                let chunk = self.inner.fill_buf()?;
                if chunk.is_empty() {
                    break;
                }
                let k = chunk
                    .len()
                    .min(usize::try_from(len - block.size()).unwrap_or(usize::MAX));
                block.push(&chunk[..k]);
                self.inner.consume(k);
                if watch {
                    if let Some(at) = block.find_record(false) {
                        return Ok(self.resync(block, at, Damage::TooLong(len)));
                    }
                }
            }
            if block.size() < len {
                return Ok(match block.find_record(true) {
                    Some(at) => self.resync(block, at, Damage::TooLong(len)),
                    None => (block, End::CutOff),
                });
            }
            let (tail, blank) = self.tail()?;
            // A block that ends where it says, unless it holds the next record's start (a
            // block too large to keep was searched as it was read).
            let inner = match tail {
                Tail::Clean => None,
                Tail::Separated if watch => None,
                _ => block.find_record(true),
            };
            if let Some(at) = inner {
                return Ok(self.resync(block, at, Damage::TooLong(len)));
            }
            if tail != Tail::Dirty {
                self.inner.consume(blank);
                return Ok((block, End::Exact));
            }
        }
        let damage = declared.map_or(Damage::Missing, Damage::TooShort);
        if let Some(at) = self.read_to_record(&mut block)? {
            return Ok(self.resync(block, at, damage));
        }
        let end = block.size();
        Ok(match block.find_record(true) {
            Some(at) => self.resync(block, at, damage),
            // The last record: it runs to the end of the archive.
            None => self.resync(block, end, damage),
        })
    }

    fn next_record(&mut self) -> Result<Option<WarcItem>, InputError> {
        // Skip blank lines between records.
        let offset = loop {
            let at = self.inner.consumed;
            if !self.read_line()? {
                return Ok(None);
            }
            if !self.line.is_empty() {
                break at;
            }
        };
        if !self.line.starts_with(b"WARC/") {
            return self.skip_junk(offset);
        }
        let mut rec = Record {
            warc_type: String::new(),
            record_id: None,
            target_uri: None,
            date: None,
            content_type: None,
            body: Vec::new(),
            offset,
            damage: None,
        };
        let mut length: Option<u64> = None;
        loop {
            let at = self.inner.consumed;
            if !self.read_line()? {
                return Err(InputError::Truncated(
                    "archive ends inside a record header".into(),
                ));
            }
            if self.line.is_empty() {
                break;
            }
            if self.line.starts_with(b"WARC/") {
                // The next record begins before this one's header ended.
                let mut line = std::mem::take(&mut self.line);
                let ending = (self.inner.consumed - at) as usize - line.len();
                line.extend_from_slice(&b"\r\n"[2 - ending.min(2)..]);
                self.inner.unread(&line);
                return Ok(Some(WarcItem::Skipped {
                    record_id: rec.record_id,
                    offset,
                    error: InputError::Malformed {
                        format: "WARC",
                        reason: "record header cut off by the next record".into(),
                    },
                }));
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
        let (block, end) = self.read_block(length)?;
        rec.damage = match end {
            End::Exact => None,
            End::Resynced(why) => Some(why),
            End::CutOff => {
                return Err(InputError::Truncated(format!(
                    "record {} cut after {} of {} bytes",
                    rec.record_id.as_deref().unwrap_or("?"),
                    block.size(),
                    length.unwrap_or_default()
                )))
            }
        };
        if !block.whole() {
            return Ok(Some(WarcItem::Skipped {
                record_id: rec.record_id,
                offset,
                error: InputError::TooLarge {
                    size: block.size(),
                    limit: self.max_record,
                },
            }));
        }
        rec.body = block.buf;
        Ok(Some(WarcItem::Record(rec)))
    }

    /// Reads into `block` until it holds the start of a record (returned: its offset) or
    /// the input ends (`None`).
    fn read_to_record(&mut self, block: &mut Block) -> std::io::Result<Option<u64>> {
        loop {
            let chunk = self.inner.fill_buf()?;
            if chunk.is_empty() {
                return Ok(None);
            }
            let k = chunk.len();
            block.push(chunk);
            self.inner.consume(k);
            if let Some(at) = block.find_record(false) {
                return Ok(Some(at));
            }
        }
    }

    /// Bytes where a record should start but none does: skipped up to the next record.
    fn skip_junk(&mut self, offset: u64) -> Result<Option<WarcItem>, InputError> {
        let first = String::from_utf8_lossy(&self.line[..self.line.len().min(40)]).into_owned();
        let mut block = Block::new(0);
        if let Some(at) = self.read_to_record(&mut block)? {
            let rel = (at - block.dropped) as usize;
            self.inner.unread(&block.buf[rel..]);
        }
        let skipped = self.inner.consumed - offset;
        Ok(Some(WarcItem::Skipped {
            record_id: None,
            offset,
            error: InputError::Malformed {
                format: "WARC",
                reason: format!(
                    "{skipped} bytes that are not a record (starting {first:?}) skipped up to the next record"
                ),
            },
        }))
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

    /// What a test makes of a record's true length for its Content-Length (`None`: none).
    type Length<'a> = &'a dyn Fn(usize) -> Option<String>;

    /// A record whose Content-Length header is what `length` makes of the true length.
    fn record_with(id: &str, http: &str, length: impl Fn(usize) -> Option<String>) -> Vec<u8> {
        let header = length(http.len()).map_or(String::new(), |l| format!("Content-Length: {l}\r\n"));
        format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <{id}>\r\n\
             Content-Type: application/http; msgtype=response\r\n{header}\r\n{http}\r\n\r\n"
        )
        .into_bytes()
    }

    fn page(n: usize) -> String {
        format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>Harbour notice {n}: the slipway \
             at Quillby closes for repairs.</p>\n<p>Boats use the north ramp.</p>"
        )
    }

    /// Three records, the first with its length damaged as `length` says.
    fn damaged(length: impl Fn(usize) -> Option<String>) -> Vec<u8> {
        let mut data = record_with("urn:a", &page(1), length);
        data.extend(record_with("urn:b", &page(2), |n| Some(n.to_string())));
        data.extend(record_with("urn:c", &page(3), |n| Some(n.to_string())));
        data
    }

    /// Each record's id, body and damage note.
    fn read_all(data: &[u8], max: u64) -> Vec<(String, Vec<u8>, Option<String>)> {
        WarcReader::new(data, max)
            .map(|item| match item {
                WarcItem::Record(r) => (r.record_id.unwrap_or_default(), r.body, r.damage),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn a_wrong_length_is_resynchronised_and_nothing_after_it_lost() {
        let cases: [(&str, Length, &str); 5] = [
            ("too long", &|n| Some((n + 60).to_string()), "runs past its end"),
            (
                "far too long",
                &|n| Some((n + 100_000).to_string()),
                "runs past its end",
            ),
            (
                "too short",
                &|n| Some((n - 25).to_string()),
                "stops short of its end",
            ),
            ("zero", &|_| Some("0".into()), "stops short of its end"),
            ("missing", &|_| None, "no valid Content-Length"),
        ];
        for (what, length, note) in cases {
            for max in [1 << 20, 1_000] {
                let records = read_all(&damaged(length), max);
                let ids: Vec<&str> = records.iter().map(|r| r.0.as_str()).collect();
                assert_eq!(ids, ["<urn:a>", "<urn:b>", "<urn:c>"], "{what}");
                for (i, (_, body, damage)) in records.iter().enumerate() {
                    assert_eq!(body, page(i + 1).as_bytes(), "{what}: record {i} whole");
                    assert_eq!(damage.is_some(), i == 0, "{what}: {damage:?}");
                }
                let note_a = records[0].2.as_deref().unwrap();
                assert!(
                    note_a.contains(note) && note_a.contains(&format!("({} bytes)", page(1).len())),
                    "{note_a}"
                );
            }
        }
    }

    #[test]
    fn a_length_that_lands_on_a_blank_line_of_the_next_record() {
        // Too long by exactly the next record's header: the block seems to end with a
        // separator, but it holds a record start.
        let b = record_with("urn:b", &page(2), |n| Some(n.to_string()));
        let header_b = memchr::memmem::find(&b, b"\r\n\r\n").unwrap();
        let records = read_all(&damaged(|n| Some((n + 4 + header_b).to_string())), 1 << 20);
        let ids: Vec<&str> = records.iter().map(|r| r.0.as_str()).collect();
        assert_eq!(ids, ["<urn:a>", "<urn:b>", "<urn:c>"]);
        assert_eq!(records[1].1, page(2).as_bytes());
    }

    #[test]
    fn the_last_record_too_short_runs_to_the_end() {
        let mut data = record_with("urn:a", &page(1), |n| Some(n.to_string()));
        data.extend(record_with("urn:b", &page(2), |n| Some((n - 10).to_string())));
        let records = read_all(&data, 1 << 20);
        assert_eq!(records.len(), 2);
        assert_eq!(records[1].1, page(2).as_bytes());
        assert!(records[1].2.as_deref().unwrap().contains("stops short"));
    }

    #[test]
    fn a_record_holding_a_warc_keeps_it_when_its_length_is_right() {
        let inner = String::from_utf8(record_with("urn:inner", &page(9), |n| Some(n.to_string()))).unwrap();
        let mut data = record_with("urn:a", &inner, |n| Some(n.to_string()));
        data.extend(record_with("urn:b", &page(2), |n| Some(n.to_string())));
        let records = read_all(&data, 1 << 20);
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].1, inner.as_bytes());
        assert_eq!(records[0].2, None);
    }

    #[test]
    fn junk_between_records_is_skipped_with_its_place() {
        let mut data = record_with("urn:a", &page(1), |n| Some(n.to_string()));
        let junk_at = data.len() as u64;
        data.extend_from_slice(b"stray bytes from a broken copy\r\nmore of them WARC/1.0 mid-line\r\n");
        data.extend(record_with("urn:b", &page(2), |n| Some(n.to_string())));
        let items: Vec<_> = WarcReader::new(&data[..], 1 << 20).collect();
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(matches!(&items[0], WarcItem::Record(r) if r.damage.is_none() && r.offset == 0));
        let WarcItem::Skipped { offset, error, .. } = &items[1] else {
            panic!("{items:?}")
        };
        assert_eq!(*offset, junk_at);
        assert!(
            error.to_string().contains("not a record (starting \"stray bytes"),
            "{error}"
        );
        assert!(matches!(&items[2], WarcItem::Record(r) if r.body == page(2).as_bytes()));
    }

    #[test]
    fn a_header_cut_off_by_the_next_record() {
        let mut data = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:cut>\r\n".to_vec();
        data.extend(record_with("urn:b", &page(2), |n| Some(n.to_string())));
        let items: Vec<_> = WarcReader::new(&data[..], 1 << 20).collect();
        assert_eq!(items.len(), 2, "{items:?}");
        assert!(
            matches!(&items[0], WarcItem::Skipped { record_id: Some(id), .. } if id == "<urn:cut>"),
            "{items:?}"
        );
        assert!(matches!(&items[1], WarcItem::Record(r) if r.body == page(2).as_bytes()));
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
