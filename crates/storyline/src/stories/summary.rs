//! Extractive summaries of a set of articles (an event or a storyline): the sentences that
//! together come closest to what the articles say as a whole (CENTROID-OPT), none too
//! close to one already chosen, no outlet taking more than its share, and syndicated
//! copies counted once. Every sentence keeps its article, outlet and the copies that carry
//! it too.
//!
//! The input is a borrowed [`ArticleView`] per article, so an in-memory [`Article`] and a
//! row read from the store feed it alike.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde::Serialize;

use super::terms::{Analyzer, DocFreq, SparseVec, TermCounts};
use crate::entities::lexicon::{with_lower, word_set};
use crate::quotes::{CueKind, Quote, QuoteKind};
use crate::span::Span;
use crate::time::{SentenceDate, Timex};
use crate::Article;

/// What the stories stage reads of one analysed article. Borrowed: the caller keeps the
/// text and the analysis.
#[derive(Debug, Clone, Copy)]
pub struct ArticleView<'a> {
    pub id: &'a str,
    pub outlet: Option<&'a str>,
    /// The calendar date of publication.
    pub published: Option<NaiveDate>,
    pub text: &'a str,
    /// Byte spans of the sentences in `text`.
    pub sentences: &'a [Span],
    /// The date of each sentence, with the rule that fixed it.
    pub sentence_dates: &'a [SentenceDate],
    /// Temporal expressions in `text`, in text order.
    pub timexes: &'a [Timex],
    /// Quotes and reported statements found in `text`.
    pub quotes: &'a [Quote],
    /// The representative of this article's duplicate group, when it is a copy.
    pub duplicate_of: Option<&'a str>,
}

impl<'a> From<&'a Article> for ArticleView<'a> {
    fn from(a: &'a Article) -> Self {
        ArticleView {
            id: &a.id,
            outlet: a.outlet.as_deref(),
            published: a.published.as_ref().map(|p| p.date()),
            text: &a.text,
            sentences: &a.sentences,
            sentence_dates: &a.sentence_dates,
            timexes: &a.timexes,
            quotes: &a.quotes,
            duplicate_of: a.duplicate_of.as_deref(),
        }
    }
}

impl<'a> ArticleView<'a> {
    /// The text of sentence `i` (empty when the span is out of range).
    pub fn sentence(&self, i: usize) -> &'a str {
        self.sentences
            .get(i)
            .and_then(|s| s.slice(self.text))
            .unwrap_or_default()
    }
}

/// An article that carries a sentence: its id and outlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SourceRef<'a> {
    pub article: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
}

/// One sentence taken from an article, with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extract<'a> {
    pub text: Cow<'a, str>,
    /// The article the sentence was taken from (the representative of its duplicate group).
    pub article: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// Index of the sentence in the article's `sentences`.
    pub sentence: usize,
    /// Copies of the article (syndicated or re-published) in the input, which carry the
    /// sentence too.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub copies: Vec<SourceRef<'a>>,
}

/// A sentence without the wire dateline it opens with ("DUNMORE | Tue Mar 4, 2031 9:15 am
/// EST DUNMORE (Reuters) - The ferry …" → "The ferry …"): an agency's code in brackets and
/// a dash, after nothing or a place in capitals ("DUNMORE, Kent") and before it,
/// optionally, the wire's stamp (weekday, date, time and zone, with what comes before a
/// `|`: the place, or a headline the segmenter glued to it). The code is a known agency's,
/// or any code in capitals after a place in capitals (rule `capital_dateline`: "TOLLAN
/// (NWA) –" is a dateline whatever the agency, as the quote stage reads it too).
pub(crate) fn wire_body(s: &str) -> &str {
    static DATELINE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(concat!(
            r"^(?:(?:[^|]{0,100}\|\s*)?[A-Z][a-z]{2} [A-Z][a-z]{2} \d{1,2}, \d{4} \d{1,2}:\d{2} [ap]m [A-Z]{2,4}\s+)?",
            r"(\p{Lu}[\p{Lu} .'/\\-]{1,40}(?:, [\p{L}\d .]{1,25}?)?\s*)?",
            r"\(([A-Za-z/]{2,12})\)\s*(?:--|[-–—])\s+",
        ))
        .expect("regex")
    });
    let Some(c) = DATELINE.captures(s) else {
        return s;
    };
    let code = &c[2];
    let known = crate::extract::outlets::by_code(code).is_some();
    let capital_dateline =
        c.get(1).is_some() && code.len() <= 6 && code.chars().all(|ch| ch.is_ascii_uppercase());
    if known || capital_dateline {
        &s[c[0].len()..]
    } else {
        s
    }
}

/// Rule `page_stamp`: a sentence without the page's stamp glued to its start, which is the
/// page's, not the story's:
/// - a live report's entry time ("4.05 pm BST: The pumps …", zones from a fixed list);
/// - an update stamp ("3 May 2031 Last updated at 09:12 GMT The pumps …") and the page's
///   tool labels a text extractor left after it (`data/page-tools.txt`: "… GMT Help Share");
/// - a place in capitals before a double dash ("NEAR THE DAM -- The pumps …", the
///   agencies' dateline without its code);
/// - a list's bullet and a chronology's day label ("* May 2 - The pumps …": the day is
///   the line's heading already; month names spelt out or cut, nothing else);
/// - a picture credit a caption left before it ("Photograph: Ana Lind/Tollanpix The pumps
///   …": a name, then one to three sources after slashes, each one word or a word and
///   "Images", "Features", "Pictures" or "Photos"; a credit without a slash has no end to
///   read and stays, and a source of two other words loses only its first).
///
/// After a stamp the sentence must start with a capital or a quotation mark ("May 4 – the
/// day the dam broke – is …" and "FEMA -- the agency -- sent …" are prose), and at least
/// three words must be left; else the line is the whole sentence.
pub(crate) fn page_stamp(s: &str) -> &str {
    /// The page's tool labels of `data/page-tools.txt`, as alternatives of a pattern.
    fn page_tools() -> String {
        let tools: Vec<String> = include_str!("data/page-tools.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(regex::escape)
            .collect();
        tools.join("|")
    }
    static STAMP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            concat!(
                // A list's bullet (group 1), then the stamp (group 2).
                r"^(\\?[*•▪]\s+)?(?:(",
                // A chronology's day label: "May 2 -", "16 May:", "Sept. 7:".
                r"(?:MONTH\.?\s+\d{1,2}|\d{1,2}\s+MONTH)\s*(?::|\s[-–—])",
                // An entry time: a clock time, am/pm or a 24-hour time, a zone, a colon.
                r"|\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?(?:\s+ZONE)?\s*:",
                r"|\d{1,2}[.:]\d{2}(?:\s+ZONE)?\s*:",
                // An update stamp, the day before it optional.
                r"|(?:\d{1,2}\s+\p{L}+\s+\d{4}\s+)?(?:[Ll]ast\s+)?[Uu]pdated(?:\s+at|\s+on)?:?\s+",
                r"\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+ZONE)?((?:\s+(?:TOOLS)){0,8})",
                // A place in capitals and a double dash.
                r"|\p{Lu}[\p{Lu} .'’-]{1,40}?(?:,\s*[\p{L}\d .]{1,25}?)?\s+--",
                // A picture credit: a name, then one to three sources after slashes.
                r"|(?:Photograph|Photo|Picture|Image|Illustration)s?\s*:\s+\p{Lu}[^/\\]{0,40}?",
                r"(?:\s*\\?/\s*[\p{L}\d&.'-]+(?:\s+(?:Images|Features|Pictures|Photos))?){1,3}",
                r")\s+)?",
            )
            .replace(
                "MONTH",
                "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?\
                 |Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)",
            )
            .replace("TOOLS", &page_tools())
            .replace(
                "ZONE",
                "(?:GMT|BST|UTC|CET|CEST|EET|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|CT|MT|PT|JST|IST|AEST|AEDT)",
            )
            .as_str(),
        )
        .expect("regex")
    });
    let Some(c) = STAMP.captures(s) else {
        return dated_stamp(s);
    };
    // After a stamp the sentence starts with a capital or a quotation mark ("May 4 – the
    // day the dam broke – is …", "FEMA -- the agency …" are prose); after a bare bullet,
    // with anything. A tool label that turns out to open the sentence ("… GMT Help arrived
    // …") is the sentence's again.
    let stamped = c.get(2).is_some();
    // Where the sentence may start: after the whole stamp, else after fewer of its tool
    // labels, one fewer at a time.
    let mut ends = vec![c.get(0).map_or(0, |m| m.end())];
    if let Some(tools) = c.get(3).filter(|m| !m.is_empty()) {
        // The end of each label but the last, the later first; then none of them.
        let mut cuts = Vec::new();
        let mut at = tools.start();
        for label in tools.as_str().split_whitespace() {
            at = s[at..].find(label).map_or(at, |k| at + k + label.len());
            cuts.push(at);
        }
        cuts.pop();
        ends.extend(cuts.into_iter().rev());
        ends.push(tools.start());
    }
    for end in ends {
        let rest = s[end..].trim_start();
        let starts_well = rest.chars().next().is_some_and(|ch| {
            ch.is_uppercase() || "\"“‘'".contains(ch) || (!stamped && ch.is_alphanumeric())
        });
        if end > 0 && starts_well && rest.split_whitespace().count() >= 3 {
            return rest;
        }
    }
    dated_stamp(s)
}

/// Rule `dated_stamp`: a run of date and time words glued to a sentence's start ("Page last
/// updated at 08:41 GMT, Saturday, 3 May 2031 The pumps …", "Saturday, May 3, 2031; 6:40 PM
/// The pumps …", "Added: Sat 3 May, 2031, 07:05 GMT The pumps …", "May 3, 2031 05:31 UTC -
/// The pumps …") is the page's stamp: weekdays and months (written whole or cut to three
/// letters), numbers, clock times, "am"/"pm", zones and a stamp's labels ("page", "last",
/// "updated", "added", "posted", "published", "at", "time"), with a clock time, or a month with a
/// year, among them. A capitalised word or a quotation mark must follow, and three words
/// at least; else the sentence stays whole ("May 3, 2031 the pumps …" and "2031 Winter
/// Games open" are prose).
fn dated_stamp(s: &str) -> &str {
    let run = StampRun::scan(s, 0);
    if run.words >= 2 && (run.clock || run.month && run.year) {
        if let Some(rest) = body_after(s, run.end) {
            return rest;
        }
    }
    head_stamp(s)
}

/// Rule `head_stamp`: a page's head glued before its first sentence — a headline (and its
/// standfirst) or a byline, then a full stamp with a clock time, a month and a year ("Pumps
/// off at Karsby as engineers wait for the flood Saturday 3 May 2031 08.41 BST The pumps …",
/// "Ana Lind | 06:02 UK time, Saturday, 3 May 2031 The pumps …"). A headline is the editor's
/// own line on what happened, so it is what is shown (the first sentence after the stamp is
/// often a picture's caption); after a byline ("By …", or fewer than [`MIN_HEAD_WORDS`]
/// words), the sentence after the stamp. Only a stamp within the sentence's first
/// [`MAX_HEAD_WORDS`] words counts, three of its words at least, not after a preposition
/// ("signed on Saturday 3 May 2031 at 08.41 BST Karsby time" is prose), and a capitalised
/// word must follow it.
fn head_stamp(s: &str) -> &str {
    /// Words a date in prose follows; a page's head ends with none of them.
    const BEFORE_PROSE_DATE: &[&str] = &[
        "on", "at", "by", "from", "until", "till", "since", "before", "after", "of", "in", "than", "to",
        "and", "or", "between", "as", "the",
    ];
    let words = s
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
        .take(MAX_HEAD_WORDS);
    let mut before: Option<&str> = None;
    let mut skip_to = 0;
    for (at, w) in words {
        if at < skip_to {
            continue;
        }
        if let Some(prev) = before {
            let run = StampRun::scan(s, at);
            skip_to = run.end;
            let prose = BEFORE_PROSE_DATE.iter().any(|p| p.eq_ignore_ascii_case(prev));
            if run.words >= 3 && run.clock && run.month && run.year && !prose {
                if let Some(rest) = body_after(s, run.end) {
                    let head = s[..at].trim_end_matches(['|', ' ', '-', '–', '—', ',', ':']);
                    let head = without_byline(head);
                    let byline = head.starts_with("By ") || head.split_whitespace().count() < MIN_HEAD_WORDS;
                    return if byline { rest } else { head };
                }
            }
            if run.words > 0 {
                continue;
            }
        }
        before = Some(w);
    }
    s
}

/// A headline without the byline after it ("Dam holds By Ana Lind and Per Holm"): a last
/// "By" followed by capitalised names (and "and", "of", "the", commas) to the end, eight
/// words at most.
fn without_byline(head: &str) -> &str {
    let Some(at) = head.rfind(" By ") else {
        return head;
    };
    let names: Vec<&str> = head[at + 4..].split_whitespace().collect();
    let named = !names.is_empty()
        && names.len() <= 8
        && names.iter().all(|w| {
            let w = w.trim_end_matches(',');
            matches!(w, "and" | "of" | "the") || w.chars().next().is_some_and(char::is_uppercase)
        });
    if named {
        head[..at].trim_end()
    } else {
        head
    }
}

/// A page's head is at most this many words before its stamp.
const MAX_HEAD_WORDS: usize = 80;

/// A head of fewer words is a byline ("Ana Lind, Health Editor"), not a headline.
const MIN_HEAD_WORDS: usize = 6;

/// What follows a stamp ending at byte `end` of `s`, when it reads as a sentence's start:
/// a capitalised word or a quotation mark, and three words at least.
fn body_after(s: &str, end: usize) -> Option<&str> {
    let rest = s[end..].trim_start();
    let starts_well = rest
        .chars()
        .next()
        .is_some_and(|ch| ch.is_uppercase() || "\"“‘'".contains(ch));
    (starts_well && rest.split_whitespace().nth(2).is_some()).then_some(rest)
}

/// A run of date and time words (weekdays and months, written whole or cut to three
/// letters, numbers, clock times, "am"/"pm", zones and a stamp's labels) and what it holds.
struct StampRun {
    /// The byte after the run's last word.
    end: usize,
    words: usize,
    clock: bool,
    month: bool,
    year: bool,
}

impl StampRun {
    /// The run of stamp words starting at byte `from` of `s` (no words when the first word
    /// is none); at most [`MAX_STAMP_WORDS`] words.
    fn scan(s: &str, from: usize) -> StampRun {
        const WEEKDAYS: &[&str] = &[
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "mon",
            "tue",
            "tues",
            "wed",
            "thu",
            "thur",
            "thurs",
            "fri",
            "sat",
            "sun",
        ];
        const LABELS: &[&str] = &[
            "page",
            "last",
            "updated",
            "added",
            "posted",
            "published",
            "at",
            "am",
            "pm",
            "a.m",
            "p.m",
            "time",
        ];
        const ZONES: &[&str] = &[
            "gmt", "bst", "utc", "cet", "cest", "eet", "est", "edt", "cst", "cdt", "mst", "mdt", "pst",
            "pdt", "et", "jst", "ist", "aest", "aedt", "uk",
        ];
        let mut run = StampRun {
            end: from,
            words: 0,
            clock: false,
            month: false,
            year: false,
        };
        for (at, raw) in s[from..]
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
            .take(MAX_STAMP_WORDS)
        {
            let w = raw.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '.' | '|'));
            let listed = |list: &[&str]| list.iter().any(|x| x.eq_ignore_ascii_case(w));
            let digits = !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
            let is_clock = w.split_once([':', '.']).is_some_and(|(h, m)| {
                (1..=2).contains(&h.len())
                    && m.len() == 2
                    && (h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
            });
            let fits = if matches!(w, "-" | "–" | "—" | "") {
                true
            } else if is_clock {
                run.clock = true;
                true
            } else if digits && w.len() <= 4 {
                run.year |= w.len() == 4;
                true
            } else if crate::time::is_month_word(w) {
                run.month = true;
                true
            } else {
                listed(WEEKDAYS) || listed(LABELS) || listed(ZONES)
            };
            if !fits {
                break;
            }
            run.words += 1;
            run.end = at + raw.len();
        }
        run
    }
}

/// A stamp is at most this many words.
const MAX_STAMP_WORDS: usize = 16;

/// The sentence as a summary or a timeline shows it: without a wire dateline
/// ([`wire_body`]) or the page's stamp ([`page_stamp`]).
fn shown_body(s: &str) -> &str {
    page_stamp(wire_body(s))
}

/// Phrases that open a sentence to tie it to the one before ("However,", "Meanwhile,",
/// "In a statement,"), lower-case, from `data/discourse-openers.txt`.
const DISCOURSE_OPENERS: &str = include_str!("data/discourse-openers.txt");

/// A reporting tail has at most this many words after its comma (", officials in the
/// capital said late on Tuesday in a statement" has ten).
const MAX_TAIL_WORDS: usize = 12;

/// Rule `reporting_tail`: where a sentence's text ends when it closes with who reported it
/// (", he said", ", officials said on Tuesday", ", according to the agency"), else `None`.
/// A timeline line stands under its day for what happened; the attribution at the end is
/// the article's sourcing, which the line's link keeps. Read from the quote stage's
/// findings, not from a word list: a reported (not quoted) statement with a speech or
/// source cue, whose content is all before its cue and speaker and ends at a comma, and
/// whose tail holds no other attributed content (", he said, adding that …" stays whole)
/// and no more than [`MAX_TAIL_WORDS`] words. Quoted words keep their speaker.
pub(crate) fn reporting_tail(text: &str, sentence: Span, quotes: &[Quote]) -> Option<usize> {
    let within = |s: &Span| s.start >= sentence.start && s.end <= sentence.end;
    // The quotes that start in the sentence (they come in text order), and where their
    // parts start, sorted: the cost follows the sentence's quotes, not the article's.
    let lo = quotes.partition_point(|q| q.span.start < sentence.start);
    let hi = quotes.partition_point(|q| q.span.start < sentence.end);
    let here = &quotes[lo..hi.max(lo)];
    if here.is_empty() {
        return None;
    }
    let mut part_starts: Vec<usize> = here.iter().flat_map(|q| &q.parts).map(|p| p.start).collect();
    part_starts.sort_unstable();
    here.iter()
        .filter_map(|q| {
            if q.kind != QuoteKind::Reported || !matches!(q.cue_kind, Some(CueKind::Speech | CueKind::Source))
            {
                return None;
            }
            let (cue, speaker) = (q.cue?, q.speaker?);
            let end = q.parts.last()?.end;
            let inside = q.parts.iter().all(within) && within(&cue) && within(&speaker);
            if !inside || end > cue.start.min(speaker.start) {
                return None;
            }
            let tail = text.get(end..sentence.end)?.trim_start().strip_prefix(',')?;
            let after = text.get(cue.end.max(speaker.end)..sentence.end)?;
            let plain = !tail.contains(['"', '“', '”', '(', ';', ':']) && !after.contains(',');
            let words = tail.split_whitespace().count();
            let next = part_starts.partition_point(|&p| p < end);
            let more = part_starts.get(next).is_some_and(|&p| p < sentence.end);
            (plain && words <= MAX_TAIL_WORDS && !more).then_some(end)
        })
        .min()
}

/// Rule `discourse_opener`: a sentence without the connective that opens it ("However,
/// the well held." → "the well held."), else `None`. The connective points back at the
/// sentence before it in its article, which a timeline does not show. Only a listed
/// phrase set off by a comma is cut.
pub(crate) fn strip_opener(s: &str) -> Option<&str> {
    let (head, rest) = s.split_once(',')?;
    let listed = head.len() <= 40 && with_lower(head.trim(), |h| word_set!(DISCOURSE_OPENERS).contains(h));
    let rest = rest.trim_start();
    (listed && rest.split_whitespace().count() >= 3).then_some(rest)
}

/// `s` with its first letter in capitals, when it is a lower-case letter.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

/// Sentence `s` of `v` without its reporting tail ([`reporting_tail`]), untrimmed.
pub(crate) fn reported_body<'a>(v: &ArticleView<'a>, s: usize) -> &'a str {
    let Some(&span) = v.sentences.get(s) else {
        return "";
    };
    let end = reporting_tail(v.text, span, v.quotes).unwrap_or(span.end);
    v.text.get(span.start..end).unwrap_or_default()
}

/// The text a timeline shows for sentence `s` of `v`: without a wire dateline
/// ([`wire_body`]) or the page's stamp ([`page_stamp`]), a connective opening it ([`strip_opener`]) or a reporting tail
/// ([`reporting_tail`], the sentence then ending with a full stop).
pub(crate) fn timeline_text<'a>(v: &ArticleView<'a>, s: usize) -> Cow<'a, str> {
    let whole = v.sentences.get(s).map_or(0, Span::len);
    let reported = reported_body(v, s);
    let cut_tail = reported.len() < whole;
    let body = shown_body(reported.trim());
    let opener = strip_opener(body);
    if opener.is_none() && !cut_tail {
        return Cow::Borrowed(body);
    }
    let mut out = match opener {
        Some(rest) => capitalised(rest),
        None => body.to_string(),
    };
    if cut_tail {
        out.truncate(out.trim_end_matches([',', ' ']).len());
        out.push('.');
    }
    Cow::Owned(out)
}

/// Sentences with fewer content terms than this are not worth a line of a summary
/// (datelines, "Advertisement", bare attributions).
pub(crate) const MIN_TERMS: usize = 5;

/// The articles of a story with duplicate groups folded, and a unit TF-IDF vector for
/// every sentence of the articles that stand for their group (document frequencies
/// counted over those sentences).
pub(crate) struct Pool<'s, 'a> {
    pub(crate) views: &'s [ArticleView<'a>],
    /// The articles that stand for their duplicate group, in input order.
    pub(crate) reps: Vec<usize>,
    /// For each article, the representative of its group.
    rep_of: Vec<usize>,
    /// Per article (representatives only; empty for copies): each sentence's vector.
    pub(crate) vectors: Vec<Vec<SparseVec>>,
    /// Per article and sentence: the number of content terms.
    pub(crate) lengths: Vec<Vec<usize>>,
}

impl<'s, 'a> Pool<'s, 'a> {
    /// The pool of a summary: every sentence's vector from its whole text.
    pub(crate) fn new(views: &'s [ArticleView<'a>]) -> Self {
        Self::with_text(views, |v, i| v.sentence(i))
    }

    /// The pool of a timeline: every sentence's vector from the text a timeline shows
    /// without its reporting tail ([`reported_body`]), so that a sentence is chosen for
    /// what it says happened rather than for who said so.
    pub(crate) fn for_timeline(views: &'s [ArticleView<'a>]) -> Self {
        Self::with_text(views, reported_body)
    }

    fn with_text(
        views: &'s [ArticleView<'a>],
        sentence_text: impl Fn(&ArticleView<'a>, usize) -> &'a str,
    ) -> Self {
        let rep_of = representatives(views);
        let reps: Vec<usize> = (0..views.len()).filter(|&i| rep_of[i] == i).collect();
        let analyzer = Analyzer::default();
        let mut counts: Vec<Vec<TermCounts>> = vec![Vec::new(); views.len()];
        let mut df = DocFreq::default();
        for &r in &reps {
            let v = &views[r];
            counts[r] = (0..v.sentences.len())
                .map(|i| analyzer.counts(sentence_text(v, i)))
                .collect();
            counts[r].iter().for_each(|c| df.add(c));
        }
        let lengths = counts
            .iter()
            .map(|a| {
                a.iter()
                    .map(|c| c.0.iter().map(|&(_, n)| n as usize).sum())
                    .collect()
            })
            .collect();
        let vectors = counts
            .iter()
            .map(|a| a.iter().map(|c| df.weigh(c)).collect())
            .collect();
        Pool {
            views,
            reps,
            rep_of,
            vectors,
            lengths,
        }
    }

    /// Whether sentence `s` of representative `a` is long enough to be shown.
    pub(crate) fn showable(&self, a: usize, s: usize) -> bool {
        self.lengths[a].get(s).is_some_and(|&n| n >= MIN_TERMS)
    }

    /// Sentence `s` of representative `a` with its sources.
    pub(crate) fn extract(&self, a: usize, s: usize) -> Extract<'a> {
        let v = &self.views[a];
        Extract {
            text: Cow::Borrowed(shown_body(v.sentence(s).trim())),
            article: v.id,
            outlet: v.outlet,
            published: v.published,
            sentence: s,
            copies: (0..self.views.len())
                .filter(|&i| i != a && self.rep_of[i] == a)
                .map(|i| SourceRef {
                    article: self.views[i].id,
                    outlet: self.views[i].outlet,
                })
                .collect(),
        }
    }

    /// Sentence `s` of representative `a` as a timeline shows it ([`timeline_text`]), with
    /// its sources.
    pub(crate) fn timeline_extract(&self, a: usize, s: usize) -> Extract<'a> {
        Extract {
            text: timeline_text(&self.views[a], s),
            ..self.extract(a, s)
        }
    }

    /// The outlet a representative counts for (its id when the outlet is unknown, so that
    /// unknown outlets do not pool into one).
    pub(crate) fn outlet_key(&self, a: usize) -> &'a str {
        let v = &self.views[a];
        v.outlet.unwrap_or(v.id)
    }
}

/// For each article, the index of the article that stands for its duplicate group: the
/// member whose id the group is named by, else the member with the smallest id (so the
/// choice does not depend on input order).
fn representatives(views: &[ArticleView]) -> Vec<usize> {
    use std::collections::HashMap;
    let key = |v: &ArticleView<'_>| -> String { v.duplicate_of.unwrap_or(v.id).to_string() };
    let mut best: HashMap<String, usize> = HashMap::new();
    for (i, v) in views.iter().enumerate() {
        let k = key(v);
        let better = |j: usize| {
            let (cur, new) = (&views[j], v);
            let named = |x: &ArticleView<'_>| x.id == k;
            (named(new), std::cmp::Reverse(new.id)) > (named(cur), std::cmp::Reverse(cur.id))
        };
        match best.get(&k) {
            Some(&j) if !better(j) => {}
            _ => {
                best.insert(k, i);
            }
        }
    }
    views.iter().map(|v| best[&key(v)]).collect()
}

/// CENTROID-OPT: greedily adds the candidate that brings the sum of the chosen vectors
/// closest (by cosine) to `centroid`, skipping a candidate whose cosine with one already
/// chosen reaches `max_sim` or that `allowed` refuses given the chosen so far (a refused
/// or redundant candidate is dropped for good: both only get stricter). Returns indices
/// into `cands` in the order chosen, at most `k`.
pub(crate) fn centroid_opt(
    centroid: &SparseVec,
    cands: &[&SparseVec],
    k: usize,
    max_sim: f32,
    mut allowed: impl FnMut(usize, &[usize]) -> bool,
) -> Vec<usize> {
    let c_norm = centroid.norm();
    let mut live: Vec<bool> = cands.iter().map(|v| !v.is_empty()).collect();
    let xc: Vec<f32> = cands.iter().map(|v| v.dot(centroid)).collect();
    let xx: Vec<f32> = cands.iter().map(|v| v.dot(v)).collect();
    let mut sum = SparseVec::default();
    let mut chosen: Vec<usize> = Vec::new();
    if c_norm == 0.0 {
        return chosen;
    }
    while chosen.len() < k {
        let (sc, ss) = (sum.dot(centroid), sum.dot(&sum));
        let mut ranked: Vec<(f32, usize)> = (0..cands.len())
            .filter(|&i| live[i])
            .map(|i| {
                let n2 = ss + 2.0 * sum.dot(cands[i]) + xx[i];
                let cos = if n2 > 0.0 {
                    (sc + xc[i]) / (n2.sqrt() * c_norm)
                } else {
                    0.0
                };
                (cos, i)
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut picked = None;
        for &(_, i) in &ranked {
            let redundant = chosen.iter().any(|&j| cands[i].cosine(cands[j]) >= max_sim);
            if redundant || !allowed(i, &chosen) {
                live[i] = false;
                continue;
            }
            picked = Some(i);
            break;
        }
        let Some(i) = picked else { break };
        live[i] = false;
        sum.add_scaled(cands[i], 1.0);
        chosen.push(i);
    }
    chosen
}

/// How a summary is made.
#[derive(Debug, Clone)]
pub struct SummaryOptions {
    /// Sentences in the summary (k).
    pub sentences: usize,
    /// A sentence whose cosine with one already chosen reaches this is redundant.
    pub max_similarity: f32,
    /// Candidates are the first `lead` sentences of each article (0: all of them): news
    /// says what happened first.
    pub lead: usize,
    /// At most this many sentences from one outlet; `None`: ⌈k / outlets⌉ + 1.
    pub outlet_cap: Option<usize>,
}

impl Default for SummaryOptions {
    fn default() -> Self {
        SummaryOptions {
            sentences: 5,
            max_similarity: 0.5,
            lead: 5,
            outlet_cap: None,
        }
    }
}

/// An extractive summary: sentences in the order of their articles' publication (then
/// position in the article).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary<'a> {
    pub sentences: Vec<Extract<'a>>,
    /// Articles summarised, each duplicate group once.
    pub articles: usize,
    /// Distinct outlets among them.
    pub outlets: usize,
}

/// Summarises a set of articles (see the module documentation).
pub fn summarize<'a>(articles: &[ArticleView<'a>], opts: &SummaryOptions) -> Summary<'a> {
    let pool = Pool::new(articles);
    let mut centroid = SparseVec::default();
    for &a in &pool.reps {
        let mut doc = SparseVec::default();
        pool.vectors[a].iter().for_each(|v| doc.add_scaled(v, 1.0));
        doc.normalise();
        centroid.add_scaled(&doc, 1.0);
    }
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for &a in &pool.reps {
        let n = pool.vectors[a].len();
        let lead = if opts.lead == 0 { n } else { opts.lead.min(n) };
        cands.extend((0..lead).filter(|&s| pool.showable(a, s)).map(|s| (a, s)));
    }
    let mut outlets: Vec<&str> = pool.reps.iter().map(|&a| pool.outlet_key(a)).collect();
    outlets.sort_unstable();
    outlets.dedup();
    let cap = opts
        .outlet_cap
        .unwrap_or_else(|| opts.sentences.div_ceil(outlets.len().max(1)) + 1);
    let vecs: Vec<&SparseVec> = cands.iter().map(|&(a, s)| &pool.vectors[a][s]).collect();
    let chosen = centroid_opt(
        &centroid,
        &vecs,
        opts.sentences,
        opts.max_similarity,
        |i, chosen| {
            let o = pool.outlet_key(cands[i].0);
            chosen
                .iter()
                .filter(|&&j| pool.outlet_key(cands[j].0) == o)
                .count()
                < cap
        },
    );
    let mut picked: Vec<(usize, usize)> = chosen.into_iter().map(|i| cands[i]).collect();
    picked.sort_by_key(|&(a, s)| (articles[a].published, a, s));
    Summary {
        sentences: picked.into_iter().map(|(a, s)| pool.extract(a, s)).collect(),
        articles: pool.reps.len(),
        outlets: outlets.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wire_dateline_is_left_out_of_the_shown_sentence() {
        let body = "The ferry to Tollan ran aground on a sandbank.";
        for line in [
            "DUNMORE | Tue Mar 4, 2031 9:15 am EST DUNMORE (Reuters) - ",
            "Ferry stuck off Tollan DUNMORE, Kent | Tue Mar 4, 2031 9:15 pm GMT DUNMORE, Kent (Reuters) - ",
            "Tue Mar 4, 2031 9:15 am EST (Reuters) - ",
            "DUNMORE (AP) -- ",
            "",
        ] {
            assert_eq!(wire_body(&format!("{line}{body}")), body, "{line:?}");
        }
        // An agency we do not know, after a place in capitals: a dateline all the same.
        for line in ["DUNMORE (XYZW) - ", "TOLLAN, Kent (NWA) – "] {
            assert_eq!(wire_body(&format!("{line}{body}")), body, "{line:?}");
        }
        // An unknown code without a place in capitals before it, a code not in capitals, or
        // not a dateline before the code: the sentence stays whole.
        for whole in [
            "(XYZW) - The ferry to Tollan ran aground on a sandbank.",
            "DUNMORE (Tide) - The ferry to Tollan ran aground on a sandbank.",
            "The ferry that left on Monday, a DUNMORE (AP) -- reporter wrote, ran aground.",
            "Tollan harbour (Reuters) - the ferry ran aground.",
        ] {
            assert_eq!(wire_body(whole), whole);
        }
    }

    #[test]
    fn the_pages_stamp_is_left_out_of_the_shown_sentence() {
        let body = "The pumps at the Karsby dam were switched off before noon.";
        // Each stamp glued before the body is left out; each sentence stays whole.
        let cut = |stamps: &[&str]| {
            for stamp in stamps {
                assert_eq!(page_stamp(&format!("{stamp}{body}")), body, "{stamp:?}");
            }
        };
        let kept = |wholes: &[&str]| {
            for whole in wholes {
                assert_eq!(page_stamp(whole), *whole);
            }
        };
        cut(&[
            "4.05 pm: ",
            "11.40am BST: ",
            "7.30 p.m. CDT: ",
            "16:20: ",
            "3 May 2031 Last updated at 09:12 GMT ",
            "3 May 2031 Last updated at 09:12 GMT Help ",
            "Updated 09:12 Share Email ",
            "Updated: 10.05 ",
            "NEAR THE KARSBY DAM -- ",
            "KARSBY, Vester Province -- ",
            "Photograph: Ana Lind/Tollanpix ",
            "Photograph: Ana Lind\\/Tollanpix\\/Getty Images ",
            "Photo: Staff/Pictures ",
            "* ",
            "\\* May 2 - ",
            "• 16 May: ",
            "Sept. 7: ",
        ]);
        // A number, a time in prose, a heading without a dash, or a stamp with next to nothing
        // after it: the sentence stays whole.
        kept(&[
            "12 pumps were switched off before noon at the dam.",
            "At 4.05 pm: the pumps stopped, the operator wrote in the log.",
            "4.05 pm: Pumps off.",
            "HOW THE PUMPS WORK The dam's four pumps lift water from the lower basin.",
            "The pumps -- all four of them -- were switched off before noon.",
            "May the pumps at the Karsby dam stay switched off until noon.",
            "Article 5: the pumps at the Karsby dam stay switched off until noon.",
            "Marine 1 – the helicopter landed on the Karsby dam before noon.",
            "June 1 – 3 saw the worst flooding the Karsby dam has known.",
            "May 4 – the day the dam broke – is a holiday in Karsby now.",
            "FEMA -- the federal agency -- sent pumps to the Karsby dam.",
            "4.05 pm: the pumps at the Karsby dam were switched off.",
            "Photograph: Tollanpix The pumps at the Karsby dam were switched off before noon.",
        ]);
        // Rule `dated_stamp`: a run of date and time words with a clock time, or a month and a
        // year, before a capitalised word.
        cut(&[
            "Page last updated at 08:41 GMT, Saturday, 3 May 2031 ",
            "Saturday, May 3, 2031; 6:40 PM ",
            "Added: Saturday, 3 May, 2031, 07:05 GMT 08:05 UK ",
            "May 3, 2031 05:31 UTC - ",
            "Last updated: 3 May, 2031 - 07:55 GMT ",
            "06:02 UK time, Saturday, 3 May 2031 ",
        ]);
        kept(&[
            "May 3, 2031 the pumps at the Karsby dam were switched off.",
            "2031 Winter Games open at the Karsby dam.",
            "Monday Karsby dam pumps were switched off.",
        ]);
        // Labels are given back one at a time, and a label that opens a name is not one.
        assert_eq!(
            page_stamp(
                "Last updated at 09:12 GMT Help Share Tweet Email Flood waters rose overnight in Velm."
            ),
            "Flood waters rose overnight in Velm."
        );
        assert_eq!(
            page_stamp("Last updated at 09:12 GMT Help Share Close aides of the mayor resigned on Monday."),
            "Close aides of the mayor resigned on Monday."
        );
        assert_eq!(
            page_stamp("Updated 09:12 GMT Print Workers Union members voted to strike."),
            "Print Workers Union members voted to strike."
        );
        // Rule `head_stamp`: a headline, a standfirst or a byline before a full stamp.
        // After a byline, the sentence after the stamp is shown; after a headline, the
        // headline.
        cut(&[
            "Ana Lind | 06:02 UK time, Saturday, 3 May 2031 ",
            "By Ana Lind and Per Holm, Karsby 3 May 2031 - 08:41 GMT ",
        ]);
        for (page, headline) in [
            (
                "Pumps off at Karsby as engineers wait for the flood Saturday 3 May 2031 08.41 BST ",
                "Pumps off at Karsby as engineers wait for the flood",
            ),
            (
                "Dam holds: Karsby breathes again as the river falls | 3 May 2031 - 08:41 GMT ",
                "Dam holds: Karsby breathes again as the river falls",
            ),
            (
                "Karsby dam holds as the river falls By Ana Lind and Per Holm 3 May 2031 - 08:41 GMT ",
                "Karsby dam holds as the river falls",
            ),
            (
                "Karsby dam holds as the river falls By The Karsby Courier, 3 May 2031 - 08:41 GMT ",
                "Karsby dam holds as the river falls",
            ),
        ] {
            assert_eq!(page_stamp(&format!("{page}{body}")), headline, "{page:?}");
        }
        kept(&[
            // After a preposition, a date in prose; without a clock time or a year, no stamp.
            "The order was signed on Saturday 3 May 2031 at 08.41 BST Karsby time by the mayor.",
            "Pumps off at Karsby as engineers wait Saturday 3 May The pumps at the dam stopped.",
            "Pumps off at Karsby as engineers wait 3 May 2031 The pumps at the dam stopped.",
            // Lower case after the stamp.
            "Pumps off at Karsby Saturday 3 May 2031 08.41 BST the pumps at the dam stopped.",
        ]);
        // A tool label that opens the sentence stays with it.
        assert_eq!(
            page_stamp("Last updated at 09:12 GMT Help arrived at the Karsby dam before noon."),
            "Help arrived at the Karsby dam before noon."
        );
        assert_eq!(
            page_stamp("Updated 09:12 Share prices of the Karsby dam's operator fell."),
            "Share prices of the Karsby dam's operator fell."
        );
        // A zone is one of the listed ones, not the capitals that open the sentence.
        assert_eq!(
            page_stamp("Updated: 10.05 EU inspectors agreed to reopen the Karsby dam."),
            "EU inspectors agreed to reopen the Karsby dam."
        );
    }

    #[test]
    fn a_timeline_line_leaves_out_its_reporting_tail_and_opener() {
        let paras = [
            "The ferry to Tollan ran aground on a sandbank near the harbour mouth, the coastguard said on Tuesday.",
            "Salvage crews will try to refloat the stranded ferry at high tide, according to the harbour master.",
            "However, the ferry company kept its other boats running between the islands all day.",
            "The harbour master said the channel would stay closed until the sandbank was dredged.",
            "Passengers were taken off by lifeboat, the coastguard said, adding that nobody was hurt.",
            "\u{201c}We were lucky the sea was calm,\u{201d} a passenger said on the quay.",
            "The ferry was old, the islanders say, and its owners had been warned.",
        ];
        let p = crate::Pipeline::build(crate::PipelineConfig::default()).expect("pipeline");
        let a = crate::stories::timeline::tests::article(&p, "Tollan Tide", "2031-03-04", &paras);
        let v = ArticleView::from(&a);
        let shown: Vec<String> = (0..v.sentences.len())
            .map(|i| timeline_text(&v, i).into_owned())
            .collect();
        assert_eq!(
            shown,
            [
                "The ferry to Tollan ran aground on a sandbank near the harbour mouth.",
                "Salvage crews will try to refloat the stranded ferry at high tide.",
                "The ferry company kept its other boats running between the islands all day.",
                // The speaker opens the sentence: nothing trails.
                paras[3],
                // More is attributed after the tail: the sentence stays whole.
                paras[4],
                // Quoted words keep their speaker.
                "\u{201c}We were lucky the sea was calm,\u{201d} a passenger said on the quay.",
                // The attribution is set in the middle: the sentence goes on after it.
                paras[6],
            ]
        );
    }

    #[test]
    fn only_a_listed_connective_before_a_comma_is_an_opener() {
        assert_eq!(
            strip_opener("Meanwhile, the pier reopened to walkers."),
            Some("the pier reopened to walkers.")
        );
        assert_eq!(
            strip_opener("In a statement, the council thanked the divers."),
            Some("the council thanked the divers.")
        );
        for whole in [
            "On Tuesday, the pier reopened to walkers.",
            "The pier, which had closed, reopened to walkers.",
            "However, it did.",
        ] {
            assert_eq!(strip_opener(whole), None, "{whole}");
        }
        assert_eq!(capitalised("the pier"), "The pier");
    }

    /// An invented article: sentences end with ". ".
    struct Doc {
        id: String,
        outlet: String,
        text: String,
        spans: Vec<Span>,
    }

    fn doc(id: &str, outlet: &str, sentences: &[&str]) -> Doc {
        let mut text = String::new();
        let mut spans = Vec::new();
        for s in sentences {
            if !text.is_empty() {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(s);
            spans.push(Span::new(start, text.len()));
        }
        Doc {
            id: id.into(),
            outlet: outlet.into(),
            text,
            spans,
        }
    }

    fn view(d: &Doc) -> ArticleView<'_> {
        ArticleView {
            id: &d.id,
            outlet: Some(&d.outlet),
            published: None,
            text: &d.text,
            sentences: &d.spans,
            sentence_dates: &[],
            timexes: &[],
            quotes: &[],
            duplicate_of: None,
        }
    }

    /// Seven reports from one outlet and one from another on an invented strike.
    fn docs() -> Vec<Doc> {
        let topics = [
            "Dock workers in Portgrave walked out over the new night shift rota on the cranes",
            "The Portgrave harbour board said the crane rota would cut waiting times for ships",
            "Union stewards in Portgrave said the night shift rota broke the dock workers agreement",
            "Container ships queued outside Portgrave harbour as the dock strike entered its third day",
            "Fish traders at Portgrave market said the dock strike had stopped their morning deliveries",
            "The harbour board offered dock workers a bonus for night shifts on the cranes in Portgrave",
            "Dock workers in Portgrave voted to keep striking after rejecting the harbour board bonus",
        ];
        let mut out: Vec<Doc> = topics
            .iter()
            .enumerate()
            .map(|(i, t)| doc(&format!("q{i}"), "Quayside Times", &[t]))
            .collect();
        out.push(doc(
            "m0",
            "Moorland Post",
            &[
                "Ferry passengers bound for Portgrave were diverted to Eastwick while dock workers stayed on strike",
                "Moorland farmers said feed shipments for Portgrave were stuck on ships waiting at anchor",
            ],
        ));
        out
    }

    #[test]
    fn outlet_cap_keeps_one_outlet_from_taking_the_summary() {
        let d = docs();
        let views: Vec<ArticleView> = d.iter().map(view).collect();
        let count = |s: &Summary, o: &str| s.sentences.iter().filter(|x| x.outlet == Some(o)).count();
        let opts = SummaryOptions {
            sentences: 6,
            max_similarity: 0.9,
            ..Default::default()
        };
        // ⌈6 / 2⌉ + 1 = 4 sentences at most from one outlet.
        let capped = summarize(&views, &opts);
        assert_eq!(capped.sentences.len(), 6);
        assert_eq!(count(&capped, "Quayside Times"), 4);
        assert_eq!(count(&capped, "Moorland Post"), 2);
        let free = summarize(
            &views,
            &SummaryOptions {
                outlet_cap: Some(usize::MAX),
                ..opts
            },
        );
        assert!(count(&free, "Quayside Times") > 4, "{free:?}");
        assert_eq!((capped.articles, capped.outlets), (8, 2));
    }

    #[test]
    fn redundant_sentences_and_copies_are_left_out() {
        let mut d = docs();
        d.push(doc("q0-copy", "Harbour Wire", &[d[0].text.as_str()]));
        let mut views: Vec<ArticleView> = d.iter().map(view).collect();
        views[8].duplicate_of = Some("q0");
        let s = summarize(&views, &SummaryOptions::default());
        assert!(s.sentences.iter().all(|x| x.outlet != Some("Harbour Wire")));
        assert_eq!(s.articles, 8, "the copy is folded into its original");
        let pool = Pool::new(&views);
        let closest = |s: &Summary| {
            let vec = |x: &Extract| {
                &pool.vectors[views.iter().position(|v| v.id == x.article).unwrap()][x.sentence]
            };
            let mut m = 0.0f32;
            for (i, a) in s.sentences.iter().enumerate() {
                for b in &s.sentences[i + 1..] {
                    m = m.max(vec(a).cosine(vec(b)));
                }
            }
            m
        };
        assert!(closest(&s) < 0.5, "{s:?}");
        // Without the cut the same articles give a redundant pair, so the check above bites.
        let uncut = summarize(
            &views,
            &SummaryOptions {
                max_similarity: f32::INFINITY,
                ..Default::default()
            },
        );
        assert!(closest(&uncut) >= 0.5, "{uncut:?}");
        let q0 = views.iter().position(|v| v.id == "q0").unwrap();
        assert_eq!(pool.extract(q0, 0).copies[0].outlet, Some("Harbour Wire"));
    }
}
