//! A publication date read from the text, for articles without one in their metadata.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::resolve::find_with;
use super::rules::Rule;
use super::words::{month_number, weekday, MONTHS, WEEKDAYS};
use crate::span::Span;

/// A publication date read from the text itself, with what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub date: NaiveDate,
    pub evidence: String,
    pub confidence: f32,
}

/// Infers when a text was written, for articles without metadata: a dateline (a full date
/// with its own weekday, `dated_line`), else a full date in a photo caption when no full
/// date of the reporting is later (captions are dated when the photo is published; a date
/// alone on a line is no caption). A date
/// inside quotation marks is someone else's words, often about the past ("the deal of July
/// 6, 2015"), and is not taken (`quoted_regions`). Otherwise nothing: the date stays
/// unknown rather than guessed. (The latest full date of the body moved to the day that
/// made its weekday mentions agree was tried and dropped: on 1,500 news texts whose true
/// day is known, it was within a day 4 times in 38, often years off — a story recalls
/// old dates and its weekdays agree with most weeks.)
pub fn infer_published(text: &str, captions: &[&str]) -> Option<Inferred> {
    if let Some((date, written)) = opening_dateline(text) {
        return Some(Inferred {
            date,
            evidence: format!("dateline \"{written}\""),
            confidence: 0.6,
        });
    }
    let quoted = quoted_regions(text);
    if let Some((date, written)) = dated_line(text, &quoted) {
        return Some(Inferred {
            date,
            evidence: format!("full date with its weekday \"{written}\""),
            confidence: 0.6,
        });
    }
    let latest_in_body = full_dates(text)
        .into_iter()
        .filter(|(_, span, _)| !quoted.iter().any(|q| q.start <= span.start && span.end <= q.end))
        .map(|(d, ..)| d)
        .max();
    let (date, _, written) = captions
        .iter()
        .flat_map(|c| {
            full_dates(c)
                .into_iter()
                .filter(move |(_, span, _)| describes_a_photo(c, *span))
        })
        .max_by_key(|d| d.0)?;
    if latest_in_body.is_some_and(|b| b > date) {
        return None;
    }
    Some(Inferred {
        date,
        evidence: format!("photo caption dated \"{written}\""),
        confidence: 0.4,
    })
}

/// Whether a caption holding a date at `span` is words about a photo (three words with
/// letters besides the date): a date alone on its line is not a caption.
fn describes_a_photo(caption: &str, span: Span) -> bool {
    let words = |t: &str| {
        t.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .count()
    };
    words(&caption[..span.start]) + words(&caption[span.end..]) >= 3
}

/// What a page's stamp line says its date is ("Published: 14 May 2031", "Posted on
/// 2031-05-14", "Last updated Wed 14 May 2031 10.22 BST").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum StampLabel {
    /// "Published", "Posted", "First published", "Created", "Filed", "Issued", "Date": when the page
    /// went out; a date and time alone on its line says the same.
    Published,
    /// "Updated", "Last modified", "Edited": later than the publication, by hours or days.
    Updated,
}

/// A line the cleaning cut from the page that may carry its date: a stamp, a caption, or
/// a byline (whose date follows the names: "By Ana Ruiz | 14 May 2031").
#[derive(Debug, Clone, Copy)]
pub struct StampLine<'a> {
    pub text: &'a str,
    pub byline: bool,
    /// The line stood above the article's first paragraph.
    pub head: bool,
}

static STAMP_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:(?:first\s+)?(?:published|posted|created|filed|issued|dated?)|(?:last\s+)?(updated|modified|edited|amended))(?:\s+(?:on|at))?\s*:?\s*",
    )
    .expect("stamp label")
});

static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:\d{1,2}[:.]\d{2}(?-u:\b)|\d{1,2}\s*[ap]\.?m(?-u:\b))").expect("clock")
});

/// Rule `page_stamp_date`: the publication date a page prints on a stamp line of its own,
/// which cleaning takes out of the text (`lines`: the removed stamp, byline and caption
/// lines, in page order). A line holds parts set apart by "|", "•" or "·" ("PUBLISHED:
/// 09:40 BST, 14 May 2031 | UPDATED: …"). The first part that is labelled as a publication
/// (or not labelled at all) and holds a full date decides; an update stamp only when there
/// is no such part, with less confidence. The date opens what follows the label (after a
/// weekday or a time of day). Unlabelled, a part is a stamp only with its time of day — a
/// bare "Friday, June 6, 2031." under a report is a correction's or an event's day as often
/// as the page's — or after the names of a byline, or in the page's head (rule
/// `head_date`: a date alone between the headline and the first paragraph, or after the
/// source's name, "Tidewater Ledger, 14 March 2030", is the day the page went out). A part labelled with anything else
/// ("Photo taken") or with its date deep in words decides nothing. A date in the page's
/// own stamp outranks any date read from the reporting.
pub fn stamp_date(lines: &[StampLine]) -> Option<Inferred> {
    let mut best: Option<(StampLabel, NaiveDate, &str)> = None;
    for line in lines {
        let found = line
            .text
            .split(['|', '•', '·'])
            .enumerate()
            .find_map(|(i, part)| stamp_in(part, line.byline && i > 0, line.byline, line.head));
        if let Some((label, date)) = found {
            if best.is_none_or(|(l, ..)| label < l) {
                best = Some((label, date, line.text));
            }
        }
    }
    let (label, date, line) = best?;
    Some(Inferred {
        date,
        evidence: format!("page stamp \"{}\"", line.trim()),
        confidence: if label == StampLabel::Published { 0.8 } else { 0.5 },
    })
}

/// The stamp in one part of a line (`page_stamp_date`): its label and date. `bare_ok`: an
/// unlabelled date needs no time of day (the part after a byline's names); `inside`: the
/// label may come after other words (a byline's "By Ana Ruiz, Published …"); `head`: the
/// line stood above the first paragraph, so a bare date counts and a source's name may
/// stand before it (`head_date`).
fn stamp_in(part: &str, bare_ok: bool, inside: bool, head: bool) -> Option<(StampLabel, NaiveDate)> {
    let bare_ok = bare_ok || head;
    let labelled = STAMP_LABEL.captures(part).filter(|c| {
        let at = c.get(0).map_or(0, |m| m.start());
        inside || !part[..at].chars().any(char::is_alphanumeric)
    });
    let (label, rest) = match labelled {
        Some(c) => {
            let label = if c.get(1).is_some() {
                StampLabel::Updated
            } else {
                StampLabel::Published
            };
            (label, &part[c.get(0).map_or(0, |m| m.end())..])
        }
        None if bare_ok || CLOCK.is_match(part) => (StampLabel::Published, part),
        None => return None,
    };
    let (date, lead) = match full_dates(rest).into_iter().next() {
        Some((date, span, _)) => (date, &rest[..span.start]),
        None => dotted_date(rest)?,
    };
    // What may stand before the date: a weekday, a time of day and its zone.
    let lead_ok = lead.split_whitespace().all(|w| {
        let w = w.trim_end_matches([',', '.']);
        weekday(w).is_some()
            || CLOCK.is_match(w)
            || w.eq_ignore_ascii_case("at")
            || (w.len() <= 4 && w.chars().all(|ch| ch.is_ascii_uppercase()))
            || matches!(w.to_ascii_lowercase().as_str(), "am" | "pm" | "a.m" | "p.m")
    });
    let named = head && source_name_before(lead);
    (named || (lead.split_whitespace().count() <= 4 && lead_ok)).then_some((label, date))
}

/// Rule `head_date`: what stands before a date in the page's head may be the name of its
/// source or of its place, set off by a comma or a dash ("Tidewater Ledger, ", "LOWMERE —
/// "): up to six words, each capitalised or a joining word.
fn source_name_before(lead: &str) -> bool {
    // A weekday may stand between the name and the date ("WENLOW — Tuesday, April 6").
    let t = lead.trim_end();
    let t = match t.trim_end_matches(',').rsplit_once(char::is_whitespace) {
        Some((rest, w)) if weekday(w.trim_end_matches('.')).is_some() => rest.trim_end(),
        _ => t,
    };
    let Some(name) = t.strip_suffix([',', '-', '–', '—']) else {
        return false;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    (1..=6).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "and" | "&" | "de" | "du")
        })
}

/// Rule `dotted_date`: a day, month and year set apart by dots ("14.05.2031"), as
/// European pages stamp them: always day first. With what stands before it.
fn dotted_date(t: &str) -> Option<(NaiveDate, &str)> {
    static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?-u:\b)").expect("dotted date")
    });
    let c = DOTTED.captures(t)?;
    let date = NaiveDate::from_ymd_opt(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)?;
    Some((date, &t[..c.get(0)?.start()]))
}

/// Rule `opening_dateline`: a report that opens with its dateline — the place it was
/// filed from and a full date, then a dash or a colon ("LOWMERE, 14 March 2030 — …",
/// "Port Alder, Ridge County, March 14, 2030: …") — was filed that day. The place is one
/// to four capitalised words, with a region after a comma.
fn opening_dateline(text: &str) -> Option<(NaiveDate, String)> {
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        let place = r"\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}";
        Regex::new(&format!(
            r"^\s*{place}(?:\s*,\s*{place})?\s*,\s*([^,\n]{{3,20}},?\s*\d{{4}})\s*(?:--|[-–—:])\s"
        ))
        .expect("opening dateline")
    });
    let c = OPENING.captures(text)?;
    let written = c.get(1)?.as_str();
    let (date, span, _) = full_dates(written).into_iter().next()?;
    (span.start == 0 && span.end == written.len())
        .then(|| (date, c.get(0).map_or("", |m| m.as_str()).trim().to_string()))
}

/// Rule `dated-line`: the first date in the reporter's words written with the weekday it
/// falls on ("Thu May 20, 2010", "Wednesday, February 18, 2009", "Monday 14 June 2010",
/// also with tokenised commas "May 20 , 2010"), as datelines and bylines write the day of
/// publication. The weekday has to agree with the calendar.
fn dated_line(text: &str, quoted: &[Span]) -> Option<(NaiveDate, String)> {
    static LINE: LazyLock<Regex> = LazyLock::new(|| {
        let day = r"(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?";
        Regex::new(&format!(
            r"(?-u:\b)({WEEKDAYS}|{day})\s*,?\s+(?:({MONTHS})\s+(\d{{1,2}})|(\d{{1,2}})\s+({MONTHS}))\s*,?\s+(\d{{4}})(?-u:\b)"
        ))
        .expect("dateline")
    });
    LINE.captures_iter(text).find_map(|c| {
        let whole = c.get(0)?;
        if quoted
            .iter()
            .any(|q| q.start <= whole.start() && whole.start() < q.end)
            || archive_photo(text, whole.start(), whole.end())
            || asked(text, whole.end())
        {
            return None;
        }
        let month = month_number(c.get(2).or(c.get(5))?.as_str())?;
        let day: u32 = c.get(3).or(c.get(4))?.as_str().parse().ok()?;
        let year: i32 = c.get(6)?.as_str().parse().ok()?;
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        (weekday(c.get(1)?.as_str()) == Some(date.weekday())).then(|| (date, whole.as_str().to_string()))
    })
}

/// Rule `archive-photo`: a date that names when a file picture was taken ("in this
/// Tuesday, March 2, 2021 file photo", "a file photo from Tuesday, March 2, 2021") is the
/// date of an old picture a page reuses, not the page's own.
fn archive_photo(text: &str, start: usize, end: usize) -> bool {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[\s,]*(?:file|archive|archival|handout)\s+(?:photo|picture|image|pic|photograph)")
            .expect("after")
    });
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)(?:file|archive|archival)\s+(?:photo|picture|image|pic|photograph)\s+(?:\w+\s+){0,2}$",
        )
        .expect("before")
    });
    let from = crate::text::ceil_boundary(text, start.saturating_sub(48));
    let to = crate::text::floor_boundary(text, end + 32);
    AFTER.is_match(&text[end..to]) || BEFORE.is_match(&text[from..start])
}

/// How far after a date the end of its sentence is looked for, in bytes.
const ASKED_REACH: usize = 400;

/// Rule `asked-date`: a date in a question ("Where were you on the night of Tuesday,
/// March 2, 2021?") is asked about, not the day the page reports from. The sentence's end
/// is looked for within `ASKED_REACH` bytes (a line with no stop is read that far only).
fn asked(text: &str, end: usize) -> bool {
    let rest = &text[end..crate::text::floor_boundary(text, end + ASKED_REACH)];
    let stop = rest.find(['.', '!', '?', '\n']).unwrap_or(rest.len());
    rest[stop..].starts_with('?')
}

/// Rule `quoted-date`: the stretches of `text` inside quotation marks, marks included. Curly
/// quotes (and guillemets, and the ``…'' of tokenised text) pair as opened and closed; a
/// straight `"` toggles. Each paragraph (line) starts outside a quotation: a quotation
/// running over paragraphs reopens each one with a mark, and a stray mark costs at most the
/// rest of its own paragraph.
pub(crate) fn quoted_regions(text: &str) -> Vec<Span> {
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    // Only a line end, a straight mark, a backtick or the first byte of a curly quote or a
    // guillemet can open or close: every other byte is passed over unread.
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if !matches!(b, b'\n' | b'"' | b'\'' | b'`' | 0xC2 | 0xE2) {
            continue;
        }
        let Some(c) = crate::text::char_at(text, i) else {
            break;
        };
        let rest = &text[i..];
        let opens = matches!(c, '“' | '«' | '"') || rest.starts_with("``");
        let closes = matches!(c, '”' | '»' | '"') || rest.starts_with("''");
        match open {
            Some(o) if c == '\n' => {
                regions.push(Span::new(o, i));
                open = None;
            }
            Some(o) if closes => {
                let width = if c == '\'' { 2 } else { c.len_utf8() };
                regions.push(Span::new(o, i + width));
                open = None;
            }
            None if opens => open = Some(i),
            _ => {}
        }
    }
    if let Some(o) = open {
        regions.push(Span::new(o, text.len()));
    }
    regions
}

/// The full dates written out in `t` ("December 7, 2016", "2016-12-07", "12/7/2016"), with
/// their span and text. Only the absolute patterns: with no reference date nothing else
/// yields one.
fn full_dates(t: &str) -> Vec<(NaiveDate, Span, String)> {
    let absolute = |r: Rule| {
        matches!(
            r,
            Rule::MonthDayYear | Rule::DayMonthYear | Rule::IsoDate | Rule::NumericDate
        )
    };
    let spans = [Span::new(0, t.len())];
    find_with(t, None, &spans, absolute)
        .into_iter()
        .filter_map(|x| Some((x.value.date()?, x.span, x.span.slice(t)?.to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn head_date() {
        let d = |t: &str, head: bool| {
            stamp_date(&[StampLine {
                text: t,
                byline: false,
                head,
            }])
            .map(|i| i.date.to_string())
        };
        let day = Some("2032-04-06".to_string());
        // Above the first paragraph a bare date, or one after a source's or place's name.
        assert_eq!(d("6 April 2032", true), day);
        assert_eq!(d("Saltmarsh Herald, 6 April 2032", true), day);
        assert_eq!(d("WENLOW — Tuesday, April 6, 2032", true), day);
        // Elsewhere a bare date decides nothing; nor do words that are not a name.
        assert_eq!(d("6 April 2032", false), None);
        assert_eq!(d("Saltmarsh Herald, 6 April 2032", false), None);
        assert_eq!(d("the vote was held on 6 April 2032", true), None);
        assert_eq!(
            d("Seven Reasons Ferries Fail In Spring And Why, 6 April 2032", true),
            None
        );
    }

    #[test]
    fn opening_dateline() {
        let d = |t: &str| super::opening_dateline(t).map(|(d, _)| d.to_string());
        let day = Some("2032-04-06".to_string());
        assert_eq!(d("WENLOW, 6 April 2032 — Crews voted."), day);
        assert_eq!(d("Port Alder, Wenlow County, April 6, 2032: Crews voted."), day);
        assert_eq!(d("WENLOW, 6 April 2032 -- Crews voted."), day);
        assert_eq!(d("WENLOW, April 6 — Crews voted."), None);
        assert_eq!(d("Crews voted on 6 April 2032 — to strike."), None);
        assert_eq!(d("WENLOW, 6 April 2032 is the day crews voted."), None);
    }

    #[test]
    fn page_stamp_date() {
        let d = |lines: &[&str]| {
            let lines: Vec<StampLine> = lines
                .iter()
                .map(|t| StampLine {
                    text: t,
                    byline: t.starts_with("By "),
                    head: false,
                })
                .collect();
            stamp_date(&lines).map(|i| (i.date.to_string(), i.confidence))
        };
        // Lines, and the day and confidence they give.
        type Case<'a> = (&'a [&'a str], Option<(&'a str, f32)>);
        let cases: &[Case] = &[
            (&["Published: 14 May 2031"], Some(("2031-05-14", 0.8))),
            (&["Posted on 2031-05-14 10:22"], Some(("2031-05-14", 0.8))),
            (
                &["First published on Wed 14 May 2031 10.22 BST"],
                Some(("2031-05-14", 0.8)),
            ),
            (&["May 14, 2031 10:22 a.m."], Some(("2031-05-14", 0.8))),
            // A forecast's or a notice's "Issued" is its publication.
            (&["Issued 6:00 am Friday, 16 May 2031"], Some(("2031-05-16", 0.8))),
            // An update stamp only when nothing says when the page went out.
            (&["Last updated 16 May 2031"], Some(("2031-05-16", 0.5))),
            (
                &["Updated: 16 May 2031", "Published: 14 May 2031"],
                Some(("2031-05-14", 0.8)),
            ),
            // The first publication stamp decides.
            (
                &["Published 2 June 2031", "Published 1 June 2031"],
                Some(("2031-06-02", 0.8)),
            ),
            // Not a stamp of the page: another label, or a date deep in a line.
            (&["Photo taken 3 May 2031"], None),
            (&["Ferry fares will rise on 3 May 2031"], None),
            (&["Published by the harbour board"], None),
            // Unlabelled, a date is the page's only with its time of day.
            (&["Friday, June 6, 2031."], None),
            (&["Friday, June 6, 2031 7:05 PM"], Some(("2031-06-06", 0.8))),
            // Parts of one line; a time of day before the date; a byline's date.
            (
                &["PUBLISHED: 09:40 BST, 14 May 2031 | UPDATED: 11:02 BST, 15 May 2031"],
                Some(("2031-05-14", 0.8)),
            ),
            (&["By Ana Ruiz | 14 May 2031"], Some(("2031-05-14", 0.8))),
            (&["By Ana Ruiz, Published 14.05.2031"], Some(("2031-05-14", 0.8))),
            (&["Published 14.05.2031"], Some(("2031-05-14", 0.8))),
            // A byline's names are not a date's lead, and a stamp's label opens its part.
            (&["By Ana Ruiz and June Day"], None),
            (&["Ferries published 14 May 2031 timetables"], None),
        ];
        for (lines, want) in cases {
            let want = want.map(|(day, c)| (day.to_string(), c));
            assert_eq!(d(lines), want, "{lines:?}");
        }
    }

    fn infer(text: &str) -> Option<Inferred> {
        infer_published(text, &[])
    }

    #[test]
    fn a_quoted_past_date_is_not_the_publication_date() {
        // Rule `quoted-date`: the only full date is inside the spokeswoman's words.
        let quoted = "The ferry board met on Tuesday. \"We have not raised fares since March 3, 2009,\" \
                      said Wenna Osk, its spokeswoman, on Tuesday.";
        assert_eq!(infer(quoted), None);
        let curly = "The ferry board met on Tuesday. “Nothing changed after March 3, 2009,” Osk said.";
        assert_eq!(infer(curly), None);
        // The same date in the reporter's own words dates the article.
        let plain = "The ferry board met on Tuesday, March 3, 2009, and kept the fares.";
        assert_eq!(
            infer(plain).unwrap().date,
            NaiveDate::from_ymd_opt(2009, 3, 3).unwrap()
        );
        // Outside the quotation, an own-words date still wins over a later quoted one.
        let both = "On Tuesday, March 3, 2009, the board met. \"The next review is May 5, 2010,\" Osk said.";
        assert_eq!(
            infer(both).unwrap().date,
            NaiveDate::from_ymd_opt(2009, 3, 3).unwrap()
        );
    }

    #[test]
    fn a_full_date_with_its_weekday_is_a_dateline() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // A dateline at the top wins over a later (and later-dated) full date.
        let t = "KELDBY | Thu Mar 4 , 2021 9:10 am - The ferry board said on Wednesday it would \
                 review fares before June 1, 2021.";
        let got = infer(t).unwrap();
        assert_eq!(got.date, day(2021, 3, 4));
        assert!(got.evidence.contains("Thu Mar 4 , 2021"), "{}", got.evidence);
        assert_eq!(
            infer("Wednesday, March 3, 2021; 10:05 AM The board met.")
                .unwrap()
                .date,
            day(2021, 3, 3)
        );
        assert_eq!(
            infer("Thursday 4 March 2021 The board met.").unwrap().date,
            day(2021, 3, 4)
        );
        // A weekday that the date does not fall on makes no dateline (March 3, 2021 is a
        // Wednesday), and a full date of the body alone dates nothing.
        assert_eq!(infer("Friday, March 3, 2021 The board met."), None);
        assert_eq!(
            infer("The board met on Friday. It last met on March 3, 2021."),
            None
        );
    }

    #[test]
    fn an_old_picture_or_a_question_does_not_date_the_page() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        // Rule `archive-photo`: the picture's date, before or after "file photo".
        let reused = "A ferry leaves Keldby harbour, in this Tuesday, March 2, 2021 file photo. \
                      The board raised fares on Thursday.";
        assert_eq!(infer(reused), None);
        let from = "A file photo from Tuesday, March 2, 2021 shows the old quay.";
        assert_eq!(infer(from), None);
        // The page's own dateline after it still counts.
        let both = "Keldby quay, in this Tuesday, March 2, 2021 file photo.\n\
                    Thursday, May 6, 2021; 10:05 AM The board raised fares.";
        assert_eq!(infer(both).unwrap().date, day(2021, 5, 6));
        // A photo taken that day is no archive picture.
        let fresh = "A ferry leaves Keldby harbour on Tuesday, March 2, 2021, as fares rose.";
        assert_eq!(infer(fresh).unwrap().date, day(2021, 3, 2));
        // Rule `asked-date`: a question asks about a day, it does not report from it.
        let asked = "Where were you on the night of Tuesday, March 2, 2021? The storm came at nine.";
        assert_eq!(infer(asked), None);
        let told = "The storm came on the night of Tuesday, March 2, 2021. Was anyone hurt?";
        assert_eq!(infer(told).unwrap().date, day(2021, 3, 2));
    }

    #[test]
    fn quotations_close_at_the_paragraph_end() {
        let t = "He said \"soon\nand later. Then \u{201c}x\u{201d} y, `` z '' w";
        let r: Vec<&str> = quoted_regions(t).iter().filter_map(|s| s.slice(t)).collect();
        assert_eq!(r, vec!["\"soon", "\u{201c}x\u{201d}", "`` z ''"]);
    }
}
