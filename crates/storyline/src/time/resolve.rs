//! From matches to expressions: every pattern's normalised candidates, the longest of
//! overlapping ones, expressions counted from the date right after them, and, in text
//! order, the values that depend on what the text named before ("the previous day", "the
//! following year", a history's months and weekdays).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::calendar::{shift_months, weekday_date};
use super::extent::{in_title, timebank_extent, trim_span, with_modifier, with_trailing_modifier};
use super::patterns::{captures_in, plan, PATTERNS};
use super::period::{Amount, Period};
use super::rules::{normalise, Rule};
use super::value::{Anchor, Season, TimeValue};
use super::words::weekday;
use super::{Pending, Resolved, Timex, TimexType};
use crate::span::Span;

/// A normalised match, before overlaps are settled.
struct Candidate {
    span: Span,
    /// The pattern's index: the earlier pattern wins between candidates of one length.
    priority: usize,
    kind: TimexType,
    value: Resolved,
    /// Whether the creation date anchored the value.
    anchored: bool,
}

/// A kept expression, before the values that depend on earlier ones are resolved.
struct Found {
    span: Span,
    /// The rule whose pattern matched.
    rule: Rule,
    kind: TimexType,
    value: Resolved,
    anchor: Option<Anchor>,
    /// A month-day, month or season whose year came from the creation date: in a narrative
    /// it takes the year the text last named instead.
    yearless: bool,
    /// A bare weekday ("Sunday") resolved against the creation date: in a narrative it
    /// follows the last date named.
    bare_weekday: Option<Weekday>,
}

/// [`super::find`] with only the patterns whose rule `only` accepts.
pub(super) fn find_with(
    text: &str,
    dct: Option<NaiveDate>,
    sentences: &[Span],
    only: impl Fn(Rule) -> bool,
) -> Vec<Timex> {
    let mut found = select(text, dct, candidates(text, dct, sentences, only));
    merge_relative_to_next(text, dct, &mut found);
    join_period_parts(text, &mut found);
    second_days(text, &mut found);
    found.sort_by_key(|t| t.span.start);
    let narrative = is_narrative(&found, dct);
    let mut reference = Reference::new(dct, narrative);
    found
        .into_iter()
        .map(|f| reference.resolve(f))
        // A year past what TIMEX3 writes (a creation date at the edge of the calendar, and
        // a step beyond it) is no value.
        .filter(|t| t.value.is_valid())
        .collect()
}

/// Every pattern's matches that normalise, with their TimeBank extents.
fn candidates(
    text: &str,
    dct: Option<NaiveDate>,
    sentences: &[Span],
    only: impl Fn(Rule) -> bool,
) -> Vec<Candidate> {
    // Only the patterns that may occur are run for their matches.
    let whole = Span::new(0, text.len());
    // Whether the document speaks of quarters (financial reports), once, not per match.
    let text_has_quarter = text.contains("quarter");
    let mut out = Vec::new();
    for (priority, pieces) in plan(text, sentences, |i| only(PATTERNS[i].rule())) {
        let pat = &PATTERNS[priority];
        for c in captures_in(&pat.re, text, &pieces) {
            let m = c.get(0).expect("match");
            let (start, end) = (m.start(), m.end());
            // The sentence gives the tense and the context ("quarter"); sentences are in
            // text order.
            let k = sentences.partition_point(|s| s.end < end);
            let sent = sentences
                .get(k)
                .copied()
                .filter(|s| s.start <= start)
                .unwrap_or(whole);
            if pat.rule() != Rule::Holiday && in_title(text, start, end, sent) {
                continue;
            }
            if let Some(n) = normalise(pat.def, &c, text, dct, sent, text_has_quarter) {
                let (s0, e0) = trim_span(text, start, end);
                let (s1, e1) = timebank_extent(text, s0, e0, pat.rule());
                let (s1, e1) = (
                    with_modifier(text, s1, pat.rule(), n.kind == TimexType::Date),
                    with_trailing_modifier(text, e1),
                );
                out.push(Candidate {
                    span: Span::new(s1, e1),
                    priority,
                    kind: n.kind,
                    value: n.value,
                    anchored: n.anchored,
                });
            }
        }
    }
    out
}

/// The longest candidates, then those of the earlier pattern, with no overlaps; in text
/// order.
fn select(text: &str, dct: Option<NaiveDate>, mut cands: Vec<Candidate>) -> Vec<Found> {
    let len = |c: &Candidate| c.span.end - c.span.start;
    cands.sort_by(|a, b| {
        len(b)
            .cmp(&len(a))
            .then(a.priority.cmp(&b.priority))
            .then(a.span.start.cmp(&b.span.start))
    });
    // Taken extents, disjoint, by start: a new one overlaps only if the last taken extent
    // starting before its end reaches past its start.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for c in cands {
        let (s, e) = (c.span.start, c.span.end);
        if taken.range(..e).next_back().is_some_and(|(_, &b)| s < b) {
            continue;
        }
        taken.insert(s, e);
        let rule = PATTERNS[c.priority].rule();
        let bare_weekday = (c.anchored && rule == Rule::Weekday)
            .then(|| text[s..e].split_whitespace().next().and_then(weekday))
            .flatten();
        let yearless = c.anchored
            && matches!(
                rule,
                Rule::MonthDay | Rule::DayMonth | Rule::MonthYear | Rule::SeasonBare
            );
        out.push(Found {
            span: c.span,
            rule,
            kind: c.kind,
            value: c.value,
            anchor: if c.anchored { dct.map(Anchor::Day) } else { None },
            yearless,
            bare_weekday,
        });
    }
    out.sort_by_key(|t| t.span.start);
    out
}

/// Expressions counted from the date that follows them: "the day before last Tuesday's
/// hearing" (the Monday), "the day after Christmas", "the week of March 6" (its week), and
/// a clock time on the day named just after it ("10:35 a.m. (0735 GMT) Friday").
fn merge_relative_to_next(text: &str, dct: Option<NaiveDate>, out: &mut Vec<Found>) {
    let day = |t: &Found| t.value.value().and_then(TimeValue::date);
    let mut k = 0;
    while k < out.len() {
        if let (Some(dct), Some(next)) = (dct, out.get(k + 1)) {
            let between = text.get(out[k].span.end..next.span.start).unwrap_or(".");
            let close = between.len() <= 16 && !between.contains(['.', ',', ';']);
            let on_dct = out[k]
                .value
                .value()
                .filter(|v| v.day() == Some(dct))
                .and_then(TimeValue::time);
            if let (true, Some(time), Some(d)) = (out[k].kind == TimexType::Time && close, on_dct, day(next))
            {
                out[k].value = Resolved::Value(TimeValue::day_at(d, Some(time)));
            }
        }
        // "the week of March 6": the phrase right before a full date.
        if let Some(d) = day(&out[k]) {
            let lead = &text[..out[k].span.start];
            let cut = lead.len().saturating_sub("the week of ".len());
            if lead.is_char_boundary(cut) && lead[cut..].eq_ignore_ascii_case("the week of ") {
                let t = &mut out[k];
                t.span = Span::new(cut, t.span.end);
                t.value = Resolved::Value(TimeValue::week_of(d));
                // No longer the month-day or weekday it was.
                t.yearless = false;
                t.bare_weekday = None;
            }
        }
        let step = match out[k].value {
            Resolved::Pending(Pending::Day(step @ (-1 | 1))) => step,
            _ => {
                k += 1;
                continue;
            }
        };
        let next = out.get(k + 1).filter(|n| {
            text.get(out[k].span.end..n.span.start) == Some(" ")
                && text[out[k].span.start..out[k].span.end]
                    .to_lowercase()
                    .starts_with("the day ")
        });
        if let Some(d) = next.and_then(day) {
            let end = out[k + 1].span.end;
            out[k].span = Span::new(out[k].span.start, end);
            out[k].value = Resolved::Value(TimeValue::day_of(d + Duration::days(step)));
            out.remove(k + 1);
        }
        k += 1;
    }
}

/// Rule `period_parts`: a period written in parts, largest unit first, side by side or
/// joined by "and" or a comma ("3 minutes 49.2 seconds", "two years and five months") is
/// one expression of one value (`PT3M49.2S`, `P2Y5M`), as TIMEX3 marks it.
fn join_period_parts(text: &str, out: &mut Vec<Found>) {
    let period = |f: &Found| match &f.value {
        Resolved::Value(TimeValue::Duration(p)) if f.kind == TimexType::Duration => Some(p.clone()),
        _ => None,
    };
    let mut k = 0;
    while k + 1 < out.len() {
        let joined = match (period(&out[k]), period(&out[k + 1])) {
            (Some(a), Some(b)) => {
                let between = text.get(out[k].span.end..out[k + 1].span.start).unwrap_or(".");
                let glue = between.trim().trim_start_matches(',').trim();
                let counted = |p: &Period| p.parts().iter().all(|(n, _)| matches!(n, Amount::Count(_)));
                let parts = [a.parts(), b.parts()].concat();
                (matches!(glue, "" | "and") && counted(&a) && counted(&b))
                    .then(|| Period::new(parts))
                    .flatten()
            }
            _ => None,
        };
        match joined {
            Some(p) => {
                out[k].span = Span::new(out[k].span.start, out[k + 1].span.end);
                out[k].value = Resolved::Value(TimeValue::Duration(p));
                out.remove(k + 1);
            }
            None => k += 1,
        }
    }
}

/// Rule `second_day`: a day of a month followed by "and", "&" or "or" and a second day
/// of the same month, later than the first, that ends the phrase ("on September 2 and 3,
/// …", "Sept. 9 or 10.") names that day too: a date of its own, in the first one's month
/// and year, as TIMEX3 marks each day apart.
fn second_days(text: &str, out: &mut Vec<Found>) {
    let mut added = Vec::new();
    for f in out.iter() {
        let Some(&TimeValue::Day {
            year,
            month: Some(m),
            day: Some(d),
            time: None,
        }) = f.value.value()
        else {
            continue;
        };
        let rest = &text[f.span.end..];
        let Some(r) = [" and ", " & ", " or "]
            .iter()
            .find_map(|glue| rest.strip_prefix(glue))
        else {
            continue;
        };
        let digits = r.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            continue;
        }
        let Ok(n) = r[..digits].parse::<u32>() else {
            continue;
        };
        let suffix = ["st", "nd", "rd", "th"]
            .iter()
            .find(|s| r[digits..].starts_with(*s))
            .map_or(0, |s| s.len());
        let after = &r[digits + suffix..];
        let ends = after.is_empty() || after.starts_with([',', '.', ';', ':', ')', '\n']);
        let in_calendar = NaiveDate::from_ymd_opt(year.unwrap_or(2000), m, n).is_some();
        if n <= d || !ends || !in_calendar {
            continue;
        }
        let start = f.span.end + (rest.len() - r.len());
        added.push(Found {
            span: Span::new(start, start + digits + suffix),
            rule: f.rule,
            kind: TimexType::Date,
            value: Resolved::Value(TimeValue::Day {
                year,
                month: Some(m),
                day: Some(n),
                time: None,
            }),
            anchor: f.anchor,
            yearless: f.yearless,
            bare_weekday: None,
        });
    }
    // The kept expressions are disjoint and in text order: only the last one starting
    // before a new day ends can overlap it.
    let clear = |a: &Found| {
        let k = out.partition_point(|f| f.span.start < a.span.end);
        k == 0 || out[k - 1].span.end <= a.span.start
    };
    let added: Vec<Found> = added.into_iter().filter(clear).collect();
    out.extend(added);
}

/// A history names at least this many years …
const NARRATIVE_MIN: usize = 3;
/// … with the median this many years or more before the creation date …
const NARRATIVE_GAP: i32 = 10;
/// … and this many named years or more for each expression relative to the creation date.
const NARRATIVE_PER_DEICTIC: usize = 5;

/// Whether the text tells a story of its own time rather than news of its creation date: it
/// names several years and says nothing relative to a creation date ("on Friday", "last
/// week"), and, when it has one, the years lie mostly well before it (a history page written
/// decades later). There a month or day without a year takes the year last named
/// ("In 1947 … On March 12, …"), as HeidelTime's narrative mode does.
fn is_narrative(found: &[Found], dct: Option<NaiveDate>) -> bool {
    let mut years: Vec<i32> = found
        .iter()
        .filter(|t| t.kind == TimexType::Date && t.anchor.is_none())
        .filter_map(|t| t.value.value()?.year())
        .collect();
    // News speaks from its own day ("on Friday", "last week", "yesterday"); a history rarely
    // does (a weekday now and then, against many years). Without a creation date those are
    // the weekdays left unresolved.
    const UNKNOWN_DAY: TimeValue = TimeValue::Day {
        year: None,
        month: None,
        day: None,
        time: None,
    };
    let deictic = found
        .iter()
        .filter(|t| match dct {
            None => t.value.value() == Some(&UNKNOWN_DAY),
            Some(_) => {
                t.anchor.is_some() && !t.yearless && t.value.value().is_some_and(TimeValue::is_calendar)
            }
        })
        .count();
    let few_deictic = deictic * NARRATIVE_PER_DEICTIC <= years.len();
    let Some(dct) = dct else {
        return years.len() >= NARRATIVE_MIN && few_deictic;
    };
    if !few_deictic || years.len() < NARRATIVE_MIN {
        return false;
    }
    years.sort_unstable();
    years[years.len() / 2] <= dct.year() - NARRATIVE_GAP
}

/// What the text has named so far, in text order: the references of the expressions that
/// depend on it.
struct Reference {
    dct: Option<NaiveDate>,
    narrative: bool,
    /// The last year and day the text itself named (a narrative's reference).
    named_year: Option<i32>,
    named_day: Option<NaiveDate>,
    /// The last full date ("the previous day" counts from it), the creation date at first.
    last_day: Option<NaiveDate>,
    /// The last year and month named or implied ("the following year", "that month").
    year: Option<i32>,
    month: Option<(i32, u32)>,
}

impl Reference {
    fn new(dct: Option<NaiveDate>, narrative: bool) -> Reference {
        Reference {
            dct,
            narrative,
            named_year: None,
            named_day: None,
            last_day: dct,
            year: dct.map(|d| d.year()),
            month: dct.map(|d| (d.year(), d.month())),
        }
    }

    /// The expression `f` with its value resolved, and the references moved by it.
    fn resolve(&mut self, f: Found) -> Timex {
        let mut t = Timex {
            span: f.span,
            kind: f.kind,
            value: TimeValue::Year(None),
            anchor: f.anchor,
            rule: Some(f.rule),
        };
        let value = match f.value {
            Resolved::Value(v) => v,
            Resolved::Pending(p) => {
                (t.value, t.anchor) = self.pending(p);
                return t;
            }
        };
        // A repetition ("every March", "each autumn") has no year to take.
        t.value = match f.kind {
            TimexType::Set => value,
            _ => self.in_narrative(f.yearless, f.bare_weekday, value, &mut t.anchor),
        };
        self.named(&t);
        if let Some(d) = t.value.date() {
            self.last_day = Some(d);
        }
        t
    }

    /// In a narrative, a month-day, month or season takes the year last named ("In 1947 …
    /// On March 12"), and a bare weekday the first such day from the last date named ("On
    /// 5 March 1946 … On Sunday").
    fn in_narrative(
        &self,
        yearless: bool,
        bare_weekday: Option<Weekday>,
        mut value: TimeValue,
        anchor: &mut Option<Anchor>,
    ) -> TimeValue {
        if !self.narrative {
            return value;
        }
        if yearless || value.only_year_unknown() {
            if let Some(y) = self.named_year {
                value = value.with_year(y);
                *anchor = Some(Anchor::Year(y));
            }
        }
        if let (Some(day), Some(wd)) = (self.named_day, bare_weekday) {
            value = TimeValue::day_at(weekday_date(day, wd, true), value.time());
            *anchor = Some(Anchor::Day(day));
        }
        value
    }

    /// The day, year and month an expression names move the references ("In 1995 … the
    /// following year", "In March … the following month").
    fn named(&mut self, t: &Timex) {
        let own = t.anchor.is_none() || self.narrative;
        if let Some(d) = t.value.day() {
            if own {
                self.named_day = Some(d);
            }
        }
        if t.kind == TimexType::Date {
            if let Some(y) = t.value.year() {
                if own {
                    self.named_year = Some(y);
                }
                self.year = Some(y);
                if let Some(ym) = t.value.year_month() {
                    self.month = Some(ym);
                }
            }
        }
    }

    /// The value of a pending expression and what it was counted from.
    fn pending(&mut self, p: Pending) -> (TimeValue, Option<Anchor>) {
        let base = self.last_day.or(self.dct);
        let unknown_day = TimeValue::Day {
            year: None,
            month: None,
            day: None,
            time: None,
        };
        match p {
            Pending::Year(k) => (
                self.year
                    .map_or(TimeValue::Year(None), |y| TimeValue::year_of(y + k)),
                self.year.map(Anchor::Year),
            ),
            Pending::Week(k) => (
                base.map_or(
                    TimeValue::Week {
                        year: None,
                        week: None,
                    },
                    |b| TimeValue::week_of(b + Duration::weeks(k)),
                ),
                base.map(Anchor::Day),
            ),
            Pending::Month(k) => (
                self.month.map_or(
                    TimeValue::Month {
                        year: None,
                        month: None,
                    },
                    |(y, m)| {
                        let (y, m) = shift_months(y, m, k);
                        TimeValue::month_of(y, m)
                    },
                ),
                self.month.map(|(year, month)| Anchor::Month { year, month }),
            ),
            Pending::Season { following, season } => {
                let year = match (self.year, self.month) {
                    // After a month of the year last named: the first such season after it.
                    (Some(y), Some((my, m))) if following && my == y => {
                        Some(y + i32::from(season.first_month() <= m))
                    }
                    // After a year: the next year's season, but the winter that begins in
                    // that year's December.
                    (Some(y), _) => Some(y + i32::from(following && season != Season::Winter)),
                    (None, _) => None,
                };
                (TimeValue::Season { year, season }, self.year.map(Anchor::Year))
            }
            Pending::Weekday { back, weekday: wd } => {
                let value = match base {
                    Some(b) if back => TimeValue::day_of(weekday_date(b - Duration::days(1), wd, false)),
                    Some(b) => TimeValue::day_of(weekday_date(b + Duration::days(1), wd, true)),
                    None => unknown_day,
                };
                if let Some(d) = value.date() {
                    self.last_day = Some(d);
                }
                (value, base.map(Anchor::Day))
            }
            Pending::Day(step) => {
                let value = base.map_or(unknown_day, |b| TimeValue::day_of(b + Duration::days(step)));
                if let Some(d) = value.date() {
                    self.last_day = Some(d);
                }
                (value, base.map(Anchor::Day))
            }
        }
    }
}
