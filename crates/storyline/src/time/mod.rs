//! When: temporal expressions (TimeML TIMEX3) found in text and normalised against the
//! document's creation time, as in TempEval-3.
//!
//! Recognition is a set of patterns over the text, each written for a construction of
//! English news ("December 7, 2016", "last week", "two days ago", "a 48-hour ceasefire",
//! "every day", "now"); overlapping candidates keep the longest. Normalisation resolves
//! relative expressions against the reference date: weekdays go to the most recent such day
//! in past-tense sentences and to the next one in future-tense sentences; "last/this/next
//! week|month|year" shift by the unit; durations become ISO 8601 periods (`P3W`, `PT48H`,
//! `PXY` for "several years"). Expressions that need a reference date and have none keep a
//! value with the unknown parts as `X`s rather than a guess.

use std::sync::LazyLock;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use regex::{Regex, RegexSet};
use serde::{Deserialize, Serialize};

use crate::entities::lexicon;
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2016-12-08`, `2016-W49`, `1998-10`, `P3W`, `PRESENT_REF`, …
    pub value: String,
    /// The reference date a relative expression was resolved against, when one was used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

const MONTHS: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
const WEEKDAYS: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const NUMBER_WORDS: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)(?-u:\b)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|an|several|a few|few|many|some|\d+(?:\.\d+)?)";
const UNITS: &str = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)";

fn month_number(s: &str) -> Option<u32> {
    let l = s.trim_end_matches('.').to_lowercase();
    let m = match l.get(..3)? {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday(s: &str) -> Option<Weekday> {
    Some(match s.to_lowercase().get(..3)? {
        "mon" => Weekday::Mon,
        "tue" => Weekday::Tue,
        "wed" => Weekday::Wed,
        "thu" => Weekday::Thu,
        "fri" => Weekday::Fri,
        "sat" => Weekday::Sat,
        "sun" => Weekday::Sun,
        _ => return None,
    })
}

fn number(s: &str) -> Option<String> {
    let l = s.to_lowercase();
    let n = match l.as_str() {
        "a" | "an" | "one" | "an additional" => 1,
        "a couple of" | "couple of" => 2,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "several" | "few" | "a few" | "many" | "some" => return Some("X".into()),
        // "twenty-four", "twenty four".
        _ if l.contains(['-', ' ']) => {
            let (tens, ones) = l.split_once(['-', ' '])?;
            let (tens, ones) = (
                number(tens)?.parse::<u32>().ok()?,
                number(ones)?.parse::<u32>().ok()?,
            );
            return (tens % 10 == 0 && tens >= 20 && ones < 10).then(|| (tens + ones).to_string());
        }
        _ => return l.parse::<f64>().ok().map(|v| format!("{v}")),
    };
    Some(n.to_string())
}

/// ISO period of `n` units (`n` may be `X`).
fn period(n: &str, unit: &str) -> String {
    let u = unit.to_lowercase();
    let u = u.trim_end_matches('s');
    match u {
        "second" => format!("PT{n}S"),
        "minute" => format!("PT{n}M"),
        "hour" => format!("PT{n}H"),
        "day" => format!("P{n}D"),
        "week" => format!("P{n}W"),
        "fortnight" => match n.parse::<u32>() {
            Ok(k) => format!("P{}W", 2 * k),
            Err(_) => "PXW".into(),
        },
        "month" => format!("P{n}M"),
        "quarter" => format!("P{n}Q"),
        "year" => format!("P{n}Y"),
        "decade" => match n.parse::<u32>() {
            Ok(k) => format!("P{}Y", 10 * k),
            Err(_) => "PXDE".into(),
        },
        _ => format!("P{n}CE"),
    }
}

/// `k` and a half units in the next smaller unit: "2 1/2 years" → P2Y6M.
fn half_period(k: u32, unit: &str) -> Option<String> {
    let u = unit.to_lowercase();
    Some(match u.trim_end_matches('s') {
        "year" => format!("P{k}Y6M"),
        "month" => format!("P{k}M15D"),
        "day" => format!("P{k}DT12H"),
        "hour" => format!("PT{k}H30M"),
        "minute" => format!("PT{k}M30S"),
        _ => return None,
    })
}

struct Pattern {
    re: Regex,
    rule: Rule,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Rule {
    WeekdayDate,
    MonthDayYear,
    DayMonthYear,
    MonthDay,
    DayMonth,
    MonthYear,
    Year,
    Decade,
    NumericDate,
    IsoDate,
    Weekday,
    DayWord,
    PartOfDay,
    RelativeUnit,
    Ago,
    Present,
    Past,
    Clock,
    Duration,
    Set,
    Season,
    SeasonBare,
    SetEvery,
    Century,
    Quarter,
    QuarterRelative,
    Reference,
    Narrative,
    Vague,
    TheYear,
    Holiday,
    SpelledYear,
    Weekend,
    YearAgo,
    NarrativeYear,
    Half,
    MonthRelYear,
    YearEnd,
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let p = |re: String, rule| Pattern {
        re: regex::RegexBuilder::new(&re)
            .dfa_size_limit(8 << 20)
            .build()
            .expect("timex pattern"),
        rule,
    };
    vec![
        p(
            format!(r"(?-u:\b)({WEEKDAYS}),?\s+({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+((?:1[6-9]|20)\d\d))?(?-u:\b)"),
            Rule::WeekdayDate,
        ),
        p(
            format!(r"(?-u:\b)(?:(?:early|mid|late)[- ])?({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:1[6-9]|20)\d\d)(?-u:\b)"),
            Rule::MonthDayYear,
        ),
        p(
            format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS}),?\s+((?:1[6-9]|20)\d\d)(?-u:\b)"),
            Rule::DayMonthYear,
        ),
        p(format!(r"(?-u:\b)({MONTHS})\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)"), Rule::MonthDay),
        p(format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTHS})(?-u:\b)"), Rule::DayMonth),
        p(
            format!(r"(?-u:\b)(?:(early|mid|late|the end of|the beginning of)[- ])?({MONTHS}),?\s+(?:of\s+)?((?:1[6-9]|20)\d\d)(?-u:\b)"),
            Rule::MonthYear,
        ),
        p(
            format!(r"(?i)(?-u:\b)(?:(this|last|next|early|late|mid|the end of|the beginning of)[- ]?)?\s*({MONTHS})(?-u:\b)"),
            Rule::MonthYear,
        ),
        p(
            r"(?i)(?-u:\b)(?:(early|mid|late|fiscal|the end of|the beginning of|the start of)[- ])?((?:1[6-9]|20)\d\d)(?-u:\b)(?:\s*-\s*\d\d(?-u:\b))?".into(),
            Rule::Year,
        ),
        p(r"(?i)(?-u:\b)(?:the\s+)?(?:(early|mid|late)[- ])?((?:1[6-9]|20)\d)0'?s(?-u:\b)".into(), Rule::Decade),
        p(r"(?-u:\b)(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)(?-u:\b)".into(), Rule::NumericDate),
        p(r"(?-u:\b)((?:19|20)\d\d)-(\d\d)-(\d\d)(?-u:\b)".into(), Rule::IsoDate),
        p(
            format!(r"(?i)(?-u:\b)(?:(last|next|this|coming|past|the previous|the following)\s+)?({WEEKDAYS})(?:\s+(morning|afternoon|evening|night))?(?-u:\b)"),
            Rule::Weekday,
        ),
        // Abbreviated weekdays only after a word that makes them days ("this Sat", "on Thurs").
        p(
            r"(?i)(?-u:\b)(?:(last|next|this|on)\s+)(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?(?:\s+(morning|afternoon|evening|night))?(?-u:\b)".into(),
            Rule::Weekday,
        ),
        p(
            r"(?i)(?-u:\b)(?:(?:early|late) )?(today|yesterday|tomorrow|tmrw?|trmw|tomo(?:rrow|lo)?|2mor+ow|2moro|the day before yesterday|the day after tomorrow)(?-u:\b)".into(),
            Rule::DayWord,
        ),
        p(
            r"(?i)(?-u:\b)(tonight|this (?:morning|afternoon|evening)|last night|yesterday (?:morning|afternoon|evening)|(?:midday|mid[- ]?(?:afternoon|morning))(?: yesterday| today)?)(?-u:\b)".into(),
            Rule::PartOfDay,
        ),
        p(
            r"(?i)(?-u:\b)(?:(?:later|earlier) )?(that|the following) (year|month|week)(?-u:\b)".into(),
            Rule::NarrativeYear,
        ),
        p(
            r"(?i)(?-u:\b)(?:(earlier|later|early|late|mid)[- ])?(this|last|next|the past|the previous|the coming|the following|the same|the current|the next) (?:fiscal )?(week|weekend|month|year|quarter|decade|century|summer|spring|fall|autumn|winter)(?-u:\b)".into(),
            Rule::RelativeUnit,
        ),
        p(
            format!(r"(?i)(?-u:\b)(?:(?:nearly|almost|about|more than|less than|at least|some) )?({NUMBER_WORDS})\s+({UNITS})(?:\s+or\s+so)?\s+(ago|earlier|from now)(?-u:\b)"),
            Rule::Ago,
        ),
        p(
            r"(?i)(?-u:\b)(now|currently|at present|these days|nowadays|the present|at the moment|at this time|right now)(?-u:\b)".into(),
            Rule::Present,
        ),
        p(
            r"(?i)(?-u:\b)(recently|in the past|in recent (?:days|weeks|months|quarters|years)|lately|(?:the )?coming (?:days|weeks|months|years)|the (?:days|weeks|months|years) ahead)(?-u:\b)".into(),
            Rule::Past,
        ),
        p(
            format!(r"(?i)(?-u:\b)(?:(\d{{1,2}})(?::(\d\d))?\s*(a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b))|(noon|midnight)(?-u:\b))(?-i:\s+[A-Z]{{1,3}}T(?-u:\b))?(?:,?\s+({WEEKDAYS})(?-u:\b))?(?:,?\s+({MONTHS})\s+(\d{{1,2}})(?-u:\b))?"),
            Rule::Clock,
        ),
        p(
            format!(r"(?i)(?-u:\b)(?:the\s+)?(?:(?:past|last|next|first|coming|previous|nearly|almost|about|some|more than|less than|no more than|over|at least|up to)\s+)*({NUMBER_WORDS}|a couple of|couple of|an additional)(\s+1/2|\s+and\s+a\s+half)?(?:\s+more|\s+additional|\s+trading|\s+business|\s+working)?[-\s]({UNITS})(\s+and\s+a\s+half)?(?:[-\s]long)?(?-u:\b)"),
            Rule::Duration,
        ),
        p(
            format!(r"(?i)(?-u:\b)(every|each|per|a) (day|week|month|year|morning|night|evening|hour|minute|quarter|{WEEKDAYS}|{MONTHS})(?-u:\b)|(?-u:\b)(daily|weekly|monthly|yearly|hourly|nightly)(?-u:\b)"),
            Rule::Set,
        ),
        p(
            r"(?i)(?-u:\b)(?:(early|late|mid)[- ])?(?:the )?(summer|spring|fall|autumn|winter)(?: of)? ((?:19|20)\d\d)(?-u:\b)".into(),
            Rule::Season,
        ),
        p(
            r"(?i)(?-u:\b)(?:the )?(?:fiscal )?(?:((?:19|20)\d\d) |(this|last|next) year(?:'s|’s) )?(first|second|third|fourth|final|last)[- ]quarter(?: of ((?:19|20)\d\d))?(?-u:\b)".into(),
            Rule::Quarter,
        ),
        p(
            r"(?i)(?-u:\b)the (?:(latest|last|previous|current|same|year-earlier|year-ago|comparable|fiscal|(?:19|20)\d\d) )?(quarter|period)(?-u:\b)|(?-u:\b)(year-earlier|year-ago) (?:quarter|period)(?-u:\b)".into(),
            Rule::QuarterRelative,
        ),
        p(
            r"(?i)(?-u:\b)(current|the (?:near |distant )?future|in future|the past|now and then|the (?:near|short) term)(?-u:\b)".into(),
            Rule::Reference,
        ),
        p(
            r"(?i)(?-u:\b)the (previous|following|next) (?:day|morning)(?-u:\b)|(?-u:\b)the day (before|after)(?-u:\b)|(?-u:\b)(?:(?:earlier|later) that|that same) day(?-u:\b)".into(),
            Rule::Narrative,
        ),
        p(r"(?i)(?-u:\b)(?:for|over|within|in) (days|weeks|months|years|decades)(?-u:\b)".into(), Rule::Vague),
        p(
            r"(?i)(?-u:\b)(?:the year )?(?:(nineteen)[- ](ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?|(two thousand)(?:(?: and)? (one|two|three|four|five|six|seven|eight|nine))?)(?-u:\b)".into(),
            Rule::SpelledYear,
        ),
        p(
            r"(?i)(?-u:\b)(this past |the (?:(?:early|late|mid)[- ])?)(summer|spring|fall|autumn|winter)(?-u:\b)".into(),
            Rule::SeasonBare,
        ),
        p(
            r"(?i)(?-u:\b)(?:the )?(\d{1,2})(?:st|nd|rd|th) century(?-u:\b)|(?-u:\b)the (twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?-u:\b)".into(),
            Rule::Century,
        ),
        p(
            format!(r"(?i)(?-u:\b)(?:every|each) ({NUMBER_WORDS}|other) ({UNITS})(?-u:\b)"),
            Rule::SetEvery,
        ),
        p(r"(?-u:\b)[Tt]he weekend(?-u:\b)".into(), Rule::Weekend),
        p(r"(?i)(?-u:\b)(?:around )?(?:the )?(?:year[- ]end|year's end|end of the year)(?-u:\b)".into(), Rule::YearEnd),
        p(
            format!(r"(?-u:\b)(?:(?:early|mid|late)[- ])?({MONTHS}),? (this|last|next) year(?-u:\b)"),
            Rule::MonthRelYear,
        ),
        p(
            r"(?i)(?-u:\b)(?:the )?(?:(first|second|last|latter) half|(first two|last two) quarters)(?: of ((?:19|20)\d\d))?(?-u:\b)".into(),
            Rule::Half,
        ),
        p(r"(?i)(?-u:\b)year-(?:ago|earlier)(?-u:\b)".into(), Rule::YearAgo),
        p(r"(?-u:\b)[Tt]he (?:full |fiscal |calendar )?year(?-u:\b)".into(), Rule::TheYear),
        p(
            r"(?-u:\b)(Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)?|Independence Day|Labor Day|Memorial Day|Veterans Day|Election Day|Halloween|Valentine's Day)(?-u:\b)".into(),
            Rule::Holiday,
        ),
    ]
});

/// Whether the sentence around `at` speaks of the future.
fn future_tense(sentence: &str) -> bool {
    static FUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(will|'ll|shall|going to|plans? to|scheduled|expects? to|expected to|set to)(?-u:\b)")
            .expect("future")
    });
    FUT.is_match(sentence)
}

/// Whether the event at `start..end` of `sentence` lies ahead of the creation date: the
/// tense signal nearest to the expression decides ("said Friday" → past, "planned to
/// leave on Thursday" → future, "will remain … said Thursday" → past); `None` when no
/// signal is near.
fn tense_at(sentence: &str, start: usize, end: usize) -> Option<bool> {
    fn clean(w: &str) -> String {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .to_lowercase()
    }
    // Words that put an event ahead.
    fn ahead(l: &str) -> bool {
        matches!(
            l,
            "will"
                | "ahead"
                | "shall"
                | "wo"
                | "plan"
                | "plans"
                | "planned"
                | "planning"
                | "scheduled"
                | "schedule"
                | "expected"
                | "expects"
                | "expect"
                | "would"
                | "soon"
                | "upcoming"
                | "due"
                | "going"
                | "intends"
                | "intend"
                | "intended"
                | "aims"
                | "hopes"
                | "tomorrow"
                | "postponed"
                | "delayed"
                | "adjourned"
                | "must"
                | "should"
                | "may"
                | "might"
                | "poised"
        )
    }
    // The signal of `words[k]` given its neighbours: a past participle after "be" or "to"
    // ("will be named", "must be returned") says nothing of its own; "had been scheduled
    // to expire" lies behind, "were planning to" ahead.
    fn signal(words: &[&str], k: usize) -> Option<bool> {
        let w = words[k];
        let at = |i: Option<usize>| i.and_then(|i| words.get(i)).map(|w| clean(w));
        let (prev, prev2, next) = (at(k.checked_sub(1)), at(k.checked_sub(2)), at(Some(k + 1)));
        let prev = prev.as_deref();
        let next = next.as_deref();
        let l = clean(w);
        let l = l.as_str();
        if l.ends_with("'ll") || l.ends_with("’ll") {
            return Some(true);
        }
        // After "be" and its kin ("stay banned", "remain closed") a participle describes a
        // state and says nothing of when.
        let after_be = prev.is_some_and(|p| {
            matches!(
                p,
                "be" | "been"
                    | "being"
                    | "to"
                    | "is"
                    | "are"
                    | "am"
                    | "stay"
                    | "stays"
                    | "remain"
                    | "remains"
                    | "remained"
                    | "stayed"
                    | "become"
                    | "becomes"
                    | "seem"
                    | "seems"
                    | "get"
                    | "gets"
            )
        });
        let to_follows = next == Some("to");
        match l {
            // "the plan", "vacation plans", "a schedule": nouns ("plans to" is the verb).
            _ if matches!(l, "plan" | "plans" | "schedule")
                && (prev
                    .is_some_and(|p| matches!(p, "the" | "a" | "its" | "his" | "her" | "their" | "our"))
                    || l != "schedule" && !to_follows) =>
            {
                None
            }
            // "had been scheduled to expire", "had planned to": a plan already past.
            _ if ahead(l)
                && (prev == Some("had") || prev == Some("been") && prev2.as_deref() == Some("had")) =>
            {
                Some(false)
            }
            _ if ahead(l) => Some(true),
            // "set to", "supposed to", "agreed to acquire …": what is to happen.
            "set" | "supposed" | "agreed" | "decided" | "voted" | "promised" | "pledged" | "vowed"
            | "threatened" | "offered" | "wants" | "wanted" | "hoped" | "hope"
                if to_follows =>
            {
                Some(true)
            }
            // "were planning to", "was expected to".
            "was" | "were" if next.is_some_and(ahead) => Some(true),
            // A scheduled event in the present tense: "they meet Monday", "the trial opens
            // in May".
            "meet" | "meets" | "begin" | "begins" | "start" | "starts" | "open" | "opens" | "arrive"
            | "arrives" | "visit" | "visits" | "resume" | "resumes" | "convene" | "convenes" | "travel"
            | "travels" | "vote" | "votes" | "depart" | "departs" | "leave" | "leaves"
                if !matches!(
                    prev,
                    Some("to" | "the" | "a" | "an" | "will" | "would" | "did" | "didn't")
                ) =>
            {
                Some(true)
            }
            "said" | "told" | "was" | "were" | "had" | "did" | "met" | "began" | "took" | "came" | "went"
            | "held" | "left" | "made" | "gave" | "got" | "saw" | "won" | "lost" | "fell" | "rose"
            | "sent" | "spoke" | "wrote" | "struck" | "shot" | "led" | "ran" | "brought" | "bought"
            | "fought" | "found" | "kept" | "paid" | "sold" | "stood" | "thought" | "became" | "broke"
            | "chose" | "drove" | "flew" | "grew" | "knew" | "shook" | "threw" | "ago" | "last"
            | "earlier" | "yesterday" | "since" => (!after_be).then_some(false),
            // "and set Friday as the deadline" (not "was set for Friday", "a set of").
            "set"
                if !after_be
                    && !matches!(prev, Some("was" | "were" | "a" | "the" | "is" | "are"))
                    && next != Some("for") =>
            {
                Some(false)
            }
            // "a still unspecified date", "the unnamed official": adjectives.
            _ if l.len() > 4
                && l.ends_with("ed")
                && w.chars().all(|c| c.is_lowercase() || !c.is_alphabetic()) =>
            {
                let adjective = l.starts_with("un")
                    || prev.is_some_and(|p| {
                        matches!(p, "a" | "an" | "the" | "its" | "their" | "his" | "her" | "still")
                    });
                (!after_be && !adjective).then_some(false)
            }
            _ => None,
        }
    }
    let quoted = |w: &str| w.contains(['"', '“', '”', '`', '(', ')']) || w.contains("''");
    // Only the words the scans below can reach (12 back, 8 ahead, and a neighbour each).
    let mut before: Vec<&str> = sentence[..start].split_whitespace().rev().take(14).collect();
    before.reverse();
    let after: Vec<&str> = sentence[end..].split_whitespace().take(9).collect();
    // Back over the clause (a quotation mark ends it), nearest first.
    // "postponed until Tuesday", "a deadline until 9 a.m. Tuesday" (not a sentence's
    // opening "Until Thursday, they had …").
    if before.last() == Some(&"until") {
        return Some(true);
    }
    let mut near_before = None;
    for d in 0..before.len().min(12) {
        let k = before.len() - 1 - d;
        let w = before[k];
        // A quotation mark or a semicolon ends the clause.
        if quoted(w) || w.ends_with(';') {
            break;
        }
        if let Some(f) = signal(&before, k) {
            near_before = Some((d, f));
            break;
        }
    }
    // Forward a few words, within the clause; an expression that opens the sentence ("In
    // January, the company bought …") takes the tense of the main clause after its comma.
    let fronted = before.len() <= 3 && after.first().is_some_and(|w| w.starts_with(','));
    let mut near_after = None;
    for (d, w) in after.iter().take(if fronted { 8 } else { 4 }).enumerate() {
        if quoted(w) {
            break;
        }
        if let Some(f) = signal(&after, d) {
            near_after = Some((d, f));
            break;
        }
        if w.ends_with([',', ';', ':']) && !(fronted && d == 0) {
            break;
        }
    }
    match (near_before, near_after) {
        (Some((db, fb)), Some((da, fa))) => Some(if da < db { fa } else { fb }),
        (Some((_, f)), None) | (None, Some((_, f))) => Some(f),
        (None, None) => None,
    }
}

/// Whether a sentence reports quarterly results: the document speaks of a quarter and
/// the sentence of money or rates, not of a longer period ("for the nine months, net rose
/// … from a year earlier" compares years).
fn quarterly(text_has_quarter: bool, sentence: &str) -> bool {
    static FIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[$%#]|(?-u:\b)(?:cents|net|earn(?:ed|ings)|revenue|sales|profits?|loss|income|dividends?)(?-u:\b)")
            .expect("financial words")
    });
    static LONGER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:nine|six|twelve|12) months|(?-u:\b)(?:first|second) half|(?-u:\b)(?:full|fiscal) year")
            .expect("longer periods")
    });
    (sentence.contains("quarter") || text_has_quarter && FIN.is_match(sentence)) && !LONGER.is_match(sentence)
}

/// The last completed quarter before `dct`, `years` years on ("1988-Q3").
fn last_quarter(dct: NaiveDate, years: i32) -> String {
    let q = (dct.month() as i32 - 1) / 3 - 1;
    let (y, q) = (dct.year() + q.div_euclid(4), q.rem_euclid(4) + 1);
    format!("{}-Q{q}", y + years)
}

/// The weekday `wd` nearest `from`: on or after it when `ahead`, else on or before.
fn weekday_date(from: NaiveDate, wd: Weekday, ahead: bool) -> NaiveDate {
    let (a, b) = (
        from.weekday().num_days_from_monday() as i64,
        wd.num_days_from_monday() as i64,
    );
    if ahead {
        from + Duration::days((b - a).rem_euclid(7))
    } else {
        from - Duration::days((a - b).rem_euclid(7))
    }
}

/// `2016-12-08`. (chrono's `format` interprets a format string on every call; this runs
/// for every expression.)
fn fmt_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The date a value of exactly the form `YYYY-MM-DD` names.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(s[..4].parse().ok()?, s[5..7].parse().ok()?, s[8..].parse().ok()?)
}

fn week_of(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

fn shift_months(y: i32, m: u32, delta: i32) -> (i32, u32) {
    let idx = y * 12 + (m as i32 - 1) + delta;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The year of a month/day without one: the nearest such date to the reference.
fn nearest_year(dct: NaiveDate, month: u32, day: u32) -> i32 {
    let mut best = dct.year();
    let mut dist = i64::MAX;
    for y in [dct.year() - 1, dct.year(), dct.year() + 1] {
        if let Some(d) = NaiveDate::from_ymd_opt(y, month, day.max(1)) {
            let k = (d - dct).num_days().abs();
            if k < dist {
                dist = k;
                best = y;
            }
        }
    }
    best
}

/// Whether the match at `start..end` is part of a name or title: a capitalised time word
/// inside a sentence ("ABC's \"This Week\"", "CBS's \"60 Minutes\"", "High Noon", "VOA
/// Today"). Sentence openers, quotation openers, all-capital text and headlines written in
/// title case ("Soundbar Now Available in Singapore") are not titles.
fn in_title(text: &str, start: usize, end: usize, sentence: Span) -> bool {
    const WORDS: [&str; 16] = [
        "week", "weeks", "month", "months", "year", "years", "day", "days", "minutes", "hours", "noon",
        "today", "tonight", "now", "weekend", "century",
    ];
    let capitalised = |w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with(|c: char| c.is_uppercase())
            && w.chars().skip(1).any(|c| c.is_lowercase())
            && WORDS.contains(&w.to_lowercase().as_str())
    };
    let mut words = text[start..end].split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if words.any(capitalised) {
        return true;
    }
    let lead = text[sentence.start.min(start)..start].trim_end();
    let opens = lead.is_empty() || lead.ends_with(['"', '“', '\'', '‘', '(', '`', ':', '-', '—', '_']);
    if !capitalised(first) || opens {
        return false;
    }
    let (mut long, mut upper) = (0, 0);
    for w in text[sentence.start.min(start)..sentence.end.max(end)].split_whitespace() {
        if w.len() > 3 && w.chars().all(char::is_alphabetic) {
            long += 1;
            upper += usize::from(w.starts_with(|c: char| c.is_uppercase()));
        }
    }
    upper * 10 < long * 6
}

/// Temporal expressions in `text`, normalised against `dct` (the document creation
/// time) when given. `sentences` gives the tense context of relative weekdays.
pub fn find(text: &str, dct: Option<NaiveDate>, sentences: &[Span]) -> Vec<Timex> {
    find_with(text, dct, sentences, |_| true)
}

/// [`find`] with only the patterns whose rule `only` accepts.
fn find_with(
    text: &str,
    dct: Option<NaiveDate>,
    sentences: &[Span],
    only: impl Fn(Rule) -> bool,
) -> Vec<Timex> {
    // One scan tells which patterns occur at all; only those are run for their matches.
    static ANY: LazyLock<RegexSet> = LazyLock::new(|| {
        // A larger lazy-DFA cache: the set has many overlapping patterns, and with the
        // default the cache is rebuilt over and over (a quarter of the whole record's time).
        regex::RegexSetBuilder::new(PATTERNS.iter().map(|p| p.re.as_str()))
            .dfa_size_limit(64 << 20)
            .build()
            .expect("timex pattern set")
    });
    let whole = Span::new(0, text.len());
    // Whether the document speaks of quarters (financial reports), once, not per match.
    let text_has_quarter = text.contains("quarter");
    let mut cands: Vec<(usize, usize, usize, TimexType, String, bool)> = Vec::new(); // start, end, priority, type, value, anchored
    for prio in ANY.matches(text).iter() {
        let pat = &PATTERNS[prio];
        if !only(pat.rule) {
            continue;
        }
        for c in pat.re.captures_iter(text) {
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
            if pat.rule != Rule::Holiday && in_title(text, start, end, sent) {
                continue;
            }
            if let Some((kind, value, anchored)) =
                normalise(pat.rule, &c, text, start, dct, sent, text_has_quarter)
            {
                let (s0, e0) = trim_span(text, start, end);
                let (s1, e1) = timebank_extent(text, s0, e0, pat.rule);
                cands.push((s1, e1, prio, kind, value, anchored));
            }
        }
    }
    // Longest first, then the earlier pattern; no overlaps.
    cands.sort_by(|a, b| {
        (b.1 - b.0)
            .cmp(&(a.1 - a.0))
            .then(a.2.cmp(&b.2))
            .then(a.0.cmp(&b.0))
    });
    // Taken extents, disjoint, by start: a new one overlaps only if the last taken extent
    // starting before its end reaches past its start.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    // Starts of month-days, months and seasons whose year came from the creation date: in a
    // narrative they take the year the text last named instead (see below).
    let mut yearless: Vec<usize> = Vec::new();
    // Likewise bare weekdays, which in a narrative follow the last date named.
    let mut weekdays: Vec<usize> = Vec::new();
    for (s, e, prio, kind, value, anchored) in cands {
        if taken.range(..e).next_back().is_some_and(|(_, &b)| s < b) {
            continue;
        }
        taken.insert(s, e);
        if anchored
            && PATTERNS[prio].rule == Rule::Weekday
            && text[s..e].split_whitespace().next().and_then(weekday).is_some()
        {
            weekdays.push(s);
        }
        if anchored
            && matches!(
                PATTERNS[prio].rule,
                Rule::MonthDay | Rule::DayMonth | Rule::MonthYear | Rule::SeasonBare
            )
        {
            yearless.push(s);
        }
        out.push(Timex {
            span: Span::new(s, e),
            kind,
            value,
            anchor: if anchored { dct.map(fmt_date) } else { None },
        });
    }
    out.sort_by_key(|t| t.span.start);
    yearless.sort_unstable();
    weekdays.sort_unstable();
    merge_relative_to_next(text, dct, &mut out);
    out.sort_by_key(|t| t.span.start);
    // Narrative anchors move: "the previous day" is the day before the last full date
    // mentioned (the creation date when none was).
    let narrative = is_narrative(&out, &yearless, dct);
    // The last year and day the text itself named (a narrative's reference).
    let mut named_year: Option<i32> = None;
    let mut named_day: Option<NaiveDate> = None;
    let mut anchor = dct;
    let mut anchor_year = dct.map(|d| d.year());
    let mut anchor_month = dct.map(|d| (d.year(), d.month()));
    for t in &mut out {
        let unknown_year = t.value.starts_with("XXXX-") && !t.value[5..].contains('X');
        if narrative && (yearless.binary_search(&t.span.start).is_ok() || unknown_year) {
            if let Some(y) = named_year {
                t.value = format!("{y}{}", t.value.get(4..).unwrap_or(""));
                t.anchor = Some(y.to_string());
            }
        }
        if narrative && weekdays.binary_search(&t.span.start).is_ok() {
            // "On 5 March 1946 … On Sunday": the first such day from the last date named.
            let wd = text[t.span.start..t.span.end]
                .split_whitespace()
                .next()
                .and_then(weekday);
            if let (Some(day), Some(wd)) = (named_day, wd) {
                let part = t.value.get(10..).unwrap_or("").to_string();
                t.value = format!("{}{part}", fmt_date(weekday_date(day, wd, true)));
                t.anchor = Some(fmt_date(day));
            }
        }
        if let Some(d) = parse_day(t.value.get(..10).unwrap_or("")) {
            if t.anchor.is_none() || narrative {
                named_day = Some(d);
            }
        }
        // An absolute date, month or year moves the anchors ("In 1995 … the following
        // year", "In March … the following month"); placeholders below have no year yet.
        if t.kind == TimexType::Date {
            if let Some(y) = t.value.get(..4).and_then(|y| y.parse::<i32>().ok()) {
                if t.anchor.is_none() || narrative {
                    named_year = Some(y);
                }
                anchor_year = Some(y);
                if let Some(m) = t.value.get(5..7).and_then(|m| m.parse::<u32>().ok()) {
                    anchor_month = Some((y, m));
                }
            }
        }
        if let Some(step) = t.value.strip_prefix("ANCHORY") {
            let k: i32 = step.parse().unwrap_or(0);
            t.value = anchor_year.map_or_else(|| "XXXX".into(), |y| (y + k).to_string());
            t.anchor = anchor_year.map(|y| y.to_string());
            continue;
        }
        if let Some(step) = t.value.strip_prefix("ANCHORK") {
            // "the following week": the week after the last full date.
            let k: i64 = step.parse().unwrap_or(0);
            let base = anchor.or(dct);
            t.value = base.map_or_else(|| "XXXX-WXX".into(), |b| week_of(b + Duration::weeks(k)));
            t.anchor = base.map(fmt_date);
            continue;
        }
        if let Some(step) = t.value.strip_prefix("ANCHORM") {
            let k: i32 = step.parse().unwrap_or(0);
            t.value = anchor_month.map_or_else(
                || "XXXX-XX".into(),
                |(y, m)| {
                    let (y, m) = shift_months(y, m, k);
                    format!("{y}-{m:02}")
                },
            );
            t.anchor = anchor_month.map(|(y, m)| format!("{y}-{m:02}"));
            continue;
        }
        if let Some(step) = t.value.strip_prefix("ANCHORW") {
            // The weekday strictly before (or after) the last date named.
            let base = anchor.or(dct);
            let wd = step[1..]
                .parse::<u8>()
                .ok()
                .and_then(|n| Weekday::try_from(n).ok());
            t.value = match (base, wd) {
                (Some(b), Some(wd)) if step.starts_with('-') => {
                    fmt_date(weekday_date(b - Duration::days(1), wd, false))
                }
                (Some(b), Some(wd)) => fmt_date(weekday_date(b + Duration::days(1), wd, true)),
                _ => "XXXX-XX-XX".into(),
            };
            t.anchor = base.map(fmt_date);
            if let Some(d) = parse_day(&t.value) {
                anchor = Some(d);
            }
            continue;
        }
        if let Some(step) = t.value.strip_prefix("ANCHOR") {
            let base = anchor.or(dct);
            t.value = match (base, step) {
                (Some(b), "-1") => fmt_date(b - Duration::days(1)),
                (Some(b), "0") => fmt_date(b),
                (Some(b), _) => fmt_date(b + Duration::days(1)),
                (None, _) => "XXXX-XX-XX".into(),
            };
            t.anchor = base.map(fmt_date);
        }
        if let Some(d) = parse_day(&t.value) {
            anchor = Some(d);
        }
    }
    out
}

/// Time expressions and sentence dates of a text, against the creation date `dct`.
pub fn annotate(
    text: &str,
    paragraphs: &[Span],
    sentences: &[Span],
    dct: Option<NaiveDate>,
) -> (Vec<Timex>, Vec<SentenceDate>) {
    let timexes = find(text, dct, sentences);
    let dates = date_sentences(text, sentences, paragraphs, &timexes, dct);
    (timexes, dates)
}

/// How a sentence got its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateRule {
    /// A time expression in the sentence fixed it (`timex` says which).
    Expression,
    /// No expression of its own: the date of the previous sentence in the paragraph.
    Carried,
    /// No expression in reach: the publication date (news reports what happened by then).
    Publication,
    /// A span of time from the last date mentioned: "two days later", "a week before"
    /// (`timex` says which).
    Shifted,
}

/// The date (or date range, as a TIMEX3 value: `2016-12`, `2016-W49`) of one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceDate {
    /// Index into the record's `sentences`.
    pub sentence: usize,
    pub value: String,
    pub rule: DateRule,
    /// Index into the record's `timexes`, for `expression`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timex: Option<usize>,
}

/// `day` moved by a duration value of whole days, weeks, months or years ("P2D", "P1W"),
/// forward (`sign` 1) or back (-1).
fn shift(day: NaiveDate, period: &str, sign: i32) -> Option<NaiveDate> {
    let body = period.strip_prefix('P')?;
    let unit = body.chars().last()?;
    let n: i32 = body[..body.len() - 1]
        .parse()
        .ok()
        .filter(|n: &i32| *n <= 10_000)?;
    let n = n * sign;
    // The same day of the month, or the month's last when it is shorter (Jan 31 + 1 month).
    let on = |y: i32, m: u32| {
        (28..=day.day())
            .rev()
            .find_map(|d| NaiveDate::from_ymd_opt(y, m, d))
    };
    match unit {
        'D' => Some(day + Duration::days(n.into())),
        'W' => Some(day + Duration::weeks(n.into())),
        'M' => {
            let (y, m) = shift_months(day.year(), day.month(), n);
            on(y, m).or_else(|| NaiveDate::from_ymd_opt(y, m, day.day()))
        }
        'Y' => on(day.year() + n, day.month())
            .or_else(|| NaiveDate::from_ymd_opt(day.year() + n, day.month(), day.day())),
        _ => None,
    }
}

/// Whether a TIMEX3 value names a point or stretch on the calendar (not a duration, a
/// set, a vague reference or an unknown date).
fn calendar_value(t: &Timex) -> bool {
    matches!(t.kind, TimexType::Date | TimexType::Time)
        && t.value.chars().next().is_some_and(|c| c.is_ascii_digit())
        && !t.value.starts_with("XXXX")
}

/// Dates every sentence: by its own first calendar expression (not one after "since" or
/// "until", which bounds a state), else the previous dated sentence of its paragraph, else
/// the publication date.
pub fn date_sentences(
    text: &str,
    sentences: &[Span],
    paragraphs: &[Span],
    timexes: &[Timex],
    published: Option<NaiveDate>,
) -> Vec<SentenceDate> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut carried: Option<(usize, String)> = None; // (paragraph, value)
    let mut last_day: Option<NaiveDate> = None; // the last full date any sentence got
    for (i, s) in sentences.iter().enumerate() {
        // Paragraphs, sentences and expressions are all in text order: look up, don't scan.
        let para = Some(paragraphs.partition_point(|p| p.end < s.end)).filter(|&k| {
            paragraphs
                .get(k)
                .is_some_and(|p| p.start <= s.start && s.end <= p.end)
        });
        let first = timexes.partition_point(|t| t.span.start < s.start);
        let last = first + timexes[first..].partition_point(|t| t.span.start < s.end);
        let inside = || {
            timexes[first..last]
                .iter()
                .enumerate()
                .map(move |(k, t)| (first + k, t))
        };
        // "Two days later, …": the last full date moved by the span.
        let shifted = inside().find_map(|(k, t)| {
            if !(s.start <= t.span.start && t.span.end <= s.end && t.kind == TimexType::Duration) {
                return None;
            }
            let word = text[t.span.end..]
                .split_whitespace()
                .next()?
                .trim_end_matches([',', '.', ';']);
            let sign = match word {
                "later" | "after" => 1,
                "earlier" | "before" => -1,
                _ => return None,
            };
            Some((k, shift(last_day?, &t.value, sign)?))
        });
        if let Some((k, d)) = shifted {
            out.push(SentenceDate {
                sentence: i,
                value: fmt_date(d),
                rule: DateRule::Shifted,
                timex: Some(k),
            });
            carried = para.map(|p| (p, fmt_date(d)));
            last_day = Some(d);
            continue;
        }
        let own = inside().find(|(_, t)| {
            // "a stronghold since 2012": the start of a state, not the event's date.
            let before = text[..t.span.start].trim_end();
            let opens_state = ["since", "Since", "until", "till"]
                .iter()
                .any(|w| before.ends_with(w));
            s.start <= t.span.start && t.span.end <= s.end && calendar_value(t) && !opens_state
        });
        if let Some((k, t)) = own {
            out.push(SentenceDate {
                sentence: i,
                value: t.value.clone(),
                rule: DateRule::Expression,
                timex: Some(k),
            });
            carried = para.map(|p| (p, t.value.clone()));
            if let Some(d) = parse_day(t.value.get(..10).unwrap_or("")) {
                last_day = Some(d);
            }
            continue;
        }
        match (&carried, para) {
            (Some((cp, v)), Some(p)) if *cp == p => out.push(SentenceDate {
                sentence: i,
                value: v.clone(),
                rule: DateRule::Carried,
                timex: None,
            }),
            _ => {
                if let Some(d) = published {
                    out.push(SentenceDate {
                        sentence: i,
                        value: fmt_date(d),
                        rule: DateRule::Publication,
                        timex: None,
                    });
                }
            }
        }
    }
    out
}

/// A publication date read from the text itself, with what it rests on.
#[derive(Debug, Clone, PartialEq)]
pub struct Inferred {
    pub date: NaiveDate,
    pub evidence: String,
    pub confidence: f32,
}

/// Infers when a text was written, for articles without metadata: the latest explicit full
/// date ("December 7, 2016"), then the day in the following week that makes the most
/// weekday mentions consistent ("on Wednesday" in a past-tense sentence falls on or after
/// that date and before the writing day; "is set to meet Thursday" on or after it). A date
/// in a photo caption stands on its own (captions are dated when the photo is published);
/// a full date in the body needs at least one consistent weekday. Otherwise nothing: the
/// date stays unknown rather than guessed.
pub fn infer_published(text: &str, sentences: &[Span], captions: &[&str]) -> Option<Inferred> {
    // Only the absolute patterns: with no reference date nothing else yields a full date.
    let absolute = |r: Rule| {
        matches!(
            r,
            Rule::MonthDayYear | Rule::DayMonthYear | Rule::IsoDate | Rule::NumericDate
        )
    };
    let full = |t: &str| -> Vec<(NaiveDate, String)> {
        let spans = [Span::new(0, t.len())];
        find_with(t, None, &spans, absolute)
            .into_iter()
            .filter_map(|x| {
                let d = parse_day(&x.value)?;
                Some((d, x.span.slice(t)?.to_string()))
            })
            .collect()
    };
    let mut dates: Vec<(NaiveDate, String, bool)> =
        full(text).into_iter().map(|(d, s)| (d, s, false)).collect();
    for c in captions {
        dates.extend(full(c).into_iter().map(|(d, s)| (d, s, true)));
    }
    let (latest, written, in_caption) = dates.into_iter().max_by_key(|d| d.0)?;
    // Weekday mentions and their tense.
    static WD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?-u:\b)({WEEKDAYS})(?-u:\b)")).expect("weekdays"));
    let mut mentions: Vec<(Weekday, bool, String)> = Vec::new();
    for s in sentences {
        let Some(sent) = s.slice(text) else { continue };
        for m in WD.find_iter(sent) {
            // The tense of the words just before the weekday ("is set to meet Thursday",
            // "published Thursday").
            let mut lo = m.start().saturating_sub(40);
            while !sent.is_char_boundary(lo) {
                lo += 1;
            }
            let future = future_tense(&sent[lo..m.start()]);
            if let Some(w) = weekday(m.as_str()) {
                mentions.push((w, future, m.as_str().to_string()));
            }
        }
    }
    let score = |c: NaiveDate| -> Vec<&str> {
        mentions
            .iter()
            .filter(|(w, future, _)| weekday_date(c, *w, *future) >= latest)
            .map(|(_, _, s)| s.as_str())
            .collect()
    };
    let best = (0..7)
        .map(|k| latest + Duration::days(k))
        .map(|c| (c, score(c)))
        .max_by_key(|(c, hits)| (hits.len(), std::cmp::Reverse(*c)));
    match best {
        Some((c, hits)) if !hits.is_empty() => {
            let mut names: Vec<&str> = hits;
            names.sort_unstable();
            names.dedup();
            Some(Inferred {
                date: c,
                evidence: format!(
                    "full date \"{written}\" and weekdays consistent with it: {}",
                    names.join(", ")
                ),
                confidence: 0.6,
            })
        }
        _ if in_caption => Some(Inferred {
            date: latest,
            evidence: format!("photo caption dated \"{written}\""),
            confidence: 0.4,
        }),
        _ => None,
    }
}

/// Leading articles and trailing dots of abbreviations are not part of the expression
/// when TimeML would leave them out ("the 1990s" keeps "the"; "in 1998" never had "in").
fn trim_span(text: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, end - trail)
}

/// TimeBank's extent conventions: modifiers of quantity ("about", "nearly", "more
/// than") and "in" stay outside the expression, and so does the article of a hyphenated
/// quarter used as a modifier ("the third-quarter results").
/// Expressions counted from the date that follows them: "the day before last Tuesday's
/// hearing" (the Monday), "the day after Christmas", "the week of March 6" (its week), and
/// a clock time on the day named just after it ("10:35 a.m. (0735 GMT) Friday").
fn merge_relative_to_next(text: &str, dct: Option<NaiveDate>, out: &mut Vec<Timex>) {
    let day = |t: &Timex| parse_day(&t.value);
    let dct_time = dct.map(|d| format!("{}T", fmt_date(d)));
    let mut k = 0;
    while k < out.len() {
        if let (Some(dct_time), Some(next)) = (&dct_time, out.get(k + 1)) {
            let between = text.get(out[k].span.end..next.span.start).unwrap_or(".");
            let on_dct = out[k].value.starts_with(dct_time.as_str());
            let close = between.len() <= 16 && !between.contains(['.', ',', ';']);
            if let (true, Some(d)) = (out[k].kind == TimexType::Time && on_dct && close, day(next)) {
                let time = out[k].value[10..].to_string();
                out[k].value = format!("{}{time}", fmt_date(d));
            }
        }
        // "the week of March 6": the phrase right before a full date.
        if let Some(d) = day(&out[k]) {
            let lead = &text[..out[k].span.start];
            let cut = lead.len().saturating_sub("the week of ".len());
            if lead.is_char_boundary(cut) && lead[cut..].eq_ignore_ascii_case("the week of ") {
                out[k].span = Span::new(cut, out[k].span.end);
                out[k].value = week_of(d);
            }
        }
        let step = match out[k].value.as_str() {
            "ANCHOR-1" => -1,
            "ANCHOR+1" => 1,
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
            out[k].value = fmt_date(d + Duration::days(step));
            out.remove(k + 1);
        }
        k += 1;
    }
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
fn is_narrative(found: &[Timex], yearless: &[usize], dct: Option<NaiveDate>) -> bool {
    let mut years: Vec<i32> = found
        .iter()
        .filter(|t| t.kind == TimexType::Date && t.anchor.is_none())
        .filter_map(|t| t.value.get(..4).and_then(|y| y.parse().ok()))
        .collect();
    // News speaks from its own day ("on Friday", "last week", "yesterday"); a history rarely
    // does (a weekday now and then, against many years). Without a creation date those are
    // the weekdays left unresolved.
    let deictic = found
        .iter()
        .filter(|t| match dct {
            None => t.value == "XXXX-XX-XX",
            Some(_) => {
                t.anchor.is_some()
                    && yearless.binary_search(&t.span.start).is_err()
                    && t.value.starts_with(|c: char| c.is_ascii_digit())
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

/// Whether "a year", "a week" … after `before` is a rate ("$2 million a year", "four
/// flights a week", "once a day") rather than a span of time ("in 2012, a year after the
/// war began", "a week later").
fn is_rate(before: &str, after: &str) -> bool {
    let rest = after.trim_start();
    if ["after", "before", "later", "earlier", "ago", "of", "or"]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        return false;
    }
    let prev = before.split_whitespace().next_back().unwrap_or("");
    if prev.ends_with([',', ';', ':', '.']) {
        return false;
    }
    let amount = prev.chars().any(|ch| ch.is_ascii_digit())
        || matches!(
            prev,
            "once" | "twice" | "million" | "billion" | "thousand" | "hundred" | "cents" | "percent"
        );
    let plural_noun = prev.len() > 3
        && prev.ends_with('s')
        && !prev.ends_with("ss")
        && prev.chars().all(|ch| ch.is_ascii_lowercase())
        && !lexicon::is_function_word(prev)
        && !matches!(
            prev,
            "does" | "was" | "has" | "is" | "this" | "its" | "his" | "as"
        );
    amount || plural_noun
}

/// Whether "the day before/after" stands beside a date and names it: "Oct. 12, the day
/// before the plunge" (a word follows, a date and comma precede).
fn appositive_day(before: &str, after: &str) -> bool {
    after
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_alphabetic()))
        && before
            .trim_end()
            .strip_suffix(',')
            .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()))
}

fn timebank_extent(text: &str, mut start: usize, end: usize, rule: Rule) -> (usize, usize) {
    const LEAD: &[&str] = &[
        "in ", "on ", "On ", "about ", "almost ", "over ", "In ", "About ", "Almost ", "Over ",
    ];
    loop {
        let s = &text[start..end];
        match LEAD.iter().find(|l| s.starts_with(*l) && s.len() > l.len()) {
            Some(l) => start += l.len(),
            None => break,
        }
    }
    if matches!(rule, Rule::Vague) {
        let s = &text[start..end];
        if let Some(sp) = s.find(' ') {
            start += sp + 1;
        }
    }
    // "the day before the plunge": the expression is "the day".
    if matches!(rule, Rule::Narrative)
        && text[start..end].to_lowercase().starts_with("the day ")
        && appositive_day(&text[..start], &text[end..])
    {
        return (start, start + "the day".len());
    }
    // "the third-quarter results": the hyphenated quarter is a modifier, "the" is not its.
    let s = &text[start..end];
    if matches!(rule, Rule::Quarter)
        && s.contains("-quarter")
        && (s.starts_with("the ") || s.starts_with("The "))
    {
        start += 4;
    }
    (start, end)
}

fn normalise(
    rule: Rule,
    c: &regex::Captures,
    text: &str,
    start: usize,
    dct: Option<NaiveDate>,
    sent: Span,
    text_has_quarter: bool,
) -> Option<(TimexType, String, bool)> {
    let g = |i: usize| c.get(i).map(|m| m.as_str());
    // The sentence holding the match (it gives tense and context).
    let sentence = sent.slice(text).unwrap_or(text);
    let before = &text[..start];
    let prev_char = before.chars().next_back();
    // Not dates: money, scores, measures, ids.
    if matches!(
        prev_char,
        Some('$' | '#' | '£' | '€' | '/' | '-' | '.' | ',' | ':')
    ) && matches!(rule, Rule::Year | Rule::NumericDate | Rule::Decade)
    {
        return None;
    }
    let after = &text[c.get(0)?.end()..];
    let next_char = after.chars().next();
    let word_before = before.split_whitespace().next_back().unwrap_or("").to_lowercase();
    // "in May", "since 1998": a preposition that makes the next word a time.
    let time_prep = matches!(
        word_before.as_str(),
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "through"
            | "from"
            | "during"
            | "before"
            | "after"
            | "early"
            | "late"
    );
    // The tense around the expression (past when nothing says).
    let tense = || {
        let end = c.get(0).map_or(start, |m| m.end());
        (sent.start <= start && end <= sent.end)
            .then(|| tense_at(sentence, start - sent.start, end - sent.start))?
    };
    let future = || tense().unwrap_or_else(|| future_tense(sentence));
    Some(match rule {
        Rule::WeekdayDate => {
            // "Monday, Oct. 26": the date, in the year (of three) whose weekday agrees.
            let (wd, m, d) = (weekday(g(1)?)?, month_number(g(2)?)?, g(3)?.parse::<u32>().ok()?);
            if let Some(y) = g(4) {
                let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m, d)?;
                return Some((TimexType::Date, fmt_date(date), false));
            }
            let dct = dct?;
            let fits = [0, -1, 1]
                .iter()
                .filter_map(|k| NaiveDate::from_ymd_opt(dct.year() + k, m, d))
                .find(|x| x.weekday() == wd);
            let date = fits.or_else(|| NaiveDate::from_ymd_opt(nearest_year(dct, m, d), m, d))?;
            (TimexType::Date, fmt_date(date), true)
        }
        Rule::MonthDayYear | Rule::DayMonthYear => {
            let (mo, d, y) = if matches!(rule, Rule::MonthDayYear) {
                (g(1)?, g(2)?, g(3)?)
            } else {
                (g(2)?, g(1)?, g(3)?)
            };
            let date = NaiveDate::from_ymd_opt(y.parse().ok()?, month_number(mo)?, d.parse().ok()?)?;
            (TimexType::Date, fmt_date(date), false)
        }
        Rule::MonthDay | Rule::DayMonth => {
            let (mo, d) = if matches!(rule, Rule::MonthDay) {
                (g(1)?, g(2)?)
            } else {
                (g(2)?, g(1)?)
            };
            let (m, d): (u32, u32) = (month_number(mo)?, d.parse().ok()?);
            if !(1..=31).contains(&d) || matches!(next_char, Some('%')) {
                return None;
            }
            // "May 5" needs a capitalised May; "March 20" fine.
            if mo.eq_ignore_ascii_case("may") && !mo.starts_with('M') {
                return None;
            }
            match dct {
                Some(dct) => {
                    // The tense decides when it is clear; else the nearest such day (news
                    // mentions recent and coming dates alike).
                    let this = NaiveDate::from_ymd_opt(dct.year(), m, d)?;
                    let near = nearest_year(dct, m, d);
                    let far =
                        NaiveDate::from_ymd_opt(near, m, d).is_some_and(|x| (x - dct).num_days().abs() > 120);
                    // "the quarter ended Oct. 31": the period closed, so the last such day.
                    let closed = word_before == "ended";
                    let y = match tense() {
                        _ if closed => dct.year() - i32::from(this > dct),
                        Some(false) if far => dct.year() - i32::from(this > dct + Duration::days(1)),
                        Some(true) if far => dct.year() + i32::from(this < dct - Duration::days(1)),
                        _ => near,
                    };
                    (TimexType::Date, fmt_date(NaiveDate::from_ymd_opt(y, m, d)?), true)
                }
                None => (TimexType::Date, format!("XXXX-{m:02}-{d:02}"), false),
            }
        }
        Rule::MonthYear => {
            let (modifier, mo, y) = (g(1), g(2)?, g(3));
            // A bare month must be capitalised, and "May" only with a modifier or year.
            if !mo.starts_with(|ch: char| ch.is_uppercase()) {
                return None;
            }
            // "May" needs a modifier, a year or a preposition that makes it the month ("in May").
            if mo == "May" && modifier.is_none() && y.is_none() && !time_prep {
                return None;
            }
            // "the March for Life", "the March of the Mothers": an event's name.
            let named_next = |lead: &str| {
                after
                    .strip_prefix(lead)
                    .is_some_and(|r| r.starts_with(|ch: char| ch.is_uppercase()))
            };
            if mo == "March"
                && y.is_none()
                && modifier.is_none()
                && (named_next(" for ") || named_next(" of the "))
            {
                return None;
            }
            if mo.len() <= 4
                && !mo.ends_with('.')
                && y.is_none()
                && !(mo == "May" && (modifier.is_some() || time_prep))
                && mo.len() < 5
                && mo != "June"
                && mo != "July"
            {
                // "Mar", "Jan" without a year or dot: too ambiguous.
                return None;
            }
            let m = month_number(mo)?;
            let year = match y {
                Some(y) => y.parse::<i32>().ok()?,
                None => {
                    let Some(dct) = dct else {
                        return Some((TimexType::Date, format!("XXXX-{m:02}"), false));
                    };
                    match modifier.map(str::to_lowercase).as_deref() {
                        Some("last") => {
                            if m >= dct.month() {
                                dct.year() - 1
                            } else {
                                dct.year()
                            }
                        }
                        Some("next") => {
                            if m <= dct.month() {
                                dct.year() + 1
                            } else {
                                dct.year()
                            }
                        }
                        _ => {
                            let (m, now) = (m as i32, dct.month() as i32);
                            match tense() {
                                Some(true) => dct.year() + i32::from(m < now),
                                Some(false) => dct.year() - i32::from(m > now),
                                // No tense nearby: this year's month, or last year's when
                                // this year's is more than six months ahead (news looks back
                                // more than forward: "In January, …" in October is past).
                                // "by February", "through January": a deadline ahead.
                                None if matches!(
                                    word_before.as_str(),
                                    "by" | "until" | "till" | "through"
                                ) =>
                                {
                                    dct.year() + i32::from(m < now)
                                }
                                None if m - now > 6 => dct.year() - 1,
                                None => dct.year(),
                            }
                        }
                    }
                }
            };
            (TimexType::Date, format!("{year}-{m:02}"), y.is_none())
        }
        Rule::Year => {
            let y = g(2)?;
            if matches!(next_char, Some('%' | '-' | '/')) && !after.starts_with("-year") {
                return None;
            }
            // A year needs a time context: "in 1998", "1998's", "the 1998 election".
            let plausible = time_prep
                || g(1).is_some()
                || word_before.ends_with("post-")
                || word_before.ends_with("pre-")
                || matches!(
                    word_before.as_str(),
                    "of" | "to"
                        | "the"
                        | "mid"
                        | "and"
                        | "between"
                        | "for"
                        | "fiscal"
                        | "year"
                        | "summer"
                        | "spring"
                        | "fall"
                        | "winter"
                        | "around"
                        | "about"
                        | "than"
                        | "("
                        | "in,"
                        | "circa"
                        | "due"
                        | "a"
                )
                || after.starts_with("'s")
                || word_before.ends_with(',');
            // "its 1990 invasion", "his unsuccessful 1996 campaign": a possessive before.
            let owned = before.split_whitespace().rev().take(2).any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "his" | "her" | "its" | "their" | "our" | "this" | "that" | "whose"
                ) || w.ends_with("'s")
                    || w.ends_with("’s")
            });
            // Otherwise a recent year standing alone ("1990 BellSouth earnings", "… 1990.")
            // is a year; one followed by a lower-case word is a count ("2000 troops").
            let year: i32 = y.parse().ok()?;
            let next_lower = after.trim_start().starts_with(|ch: char| ch.is_lowercase());
            let standalone = (1900..=2039).contains(&year) && !next_lower;
            if !(plausible || standalone || owned && (1900..=2039).contains(&year)) {
                return None;
            }
            (TimexType::Date, y.to_string(), false)
        }
        // A decade is its first three digits: "the 1990s" → 199 (ISO 8601, TimeML).
        Rule::Decade => (TimexType::Date, g(2)?.to_string(), false),
        Rule::NumericDate => {
            let (a, b, y): (u32, u32, &str) = (g(1)?.parse().ok()?, g(2)?.parse().ok()?, g(3)?);
            let y: i32 = if y.len() == 2 {
                1900 + y.parse::<i32>().ok()?
            } else {
                y.parse().ok()?
            };
            let y = if y < 1950 { y + 100 } else { y };
            // US order first (month/day), else day/month.
            let date = NaiveDate::from_ymd_opt(y, a, b).or_else(|| NaiveDate::from_ymd_opt(y, b, a))?;
            (TimexType::Date, fmt_date(date), false)
        }
        Rule::IsoDate => {
            let date =
                NaiveDate::from_ymd_opt(g(1)?.parse().ok()?, g(2)?.parse().ok()?, g(3)?.parse().ok()?)?;
            (TimexType::Date, fmt_date(date), false)
        }
        Rule::Weekday => {
            let modifier = g(1).map(str::to_lowercase);
            let wd = weekday(g(2)?)?;
            let part = g(3).map(|p| match p.to_lowercase().as_str() {
                "morning" => "MO",
                "afternoon" => "AF",
                "evening" => "EV",
                _ => "NI",
            });
            let Some(dct) = dct else {
                return Some((TimexType::Date, "XXXX-XX-XX".into(), false));
            };
            // "the previous Friday": the Friday before the last date named (see `find`).
            if let Some(m @ ("the previous" | "the following")) = modifier.as_deref() {
                let n = wd.num_days_from_monday();
                let sign = if m == "the previous" { '-' } else { '+' };
                return Some((TimexType::Date, format!("ANCHORW{sign}{n}"), true));
            }
            let date = match modifier.as_deref() {
                Some("next") | Some("coming") => weekday_date(dct + Duration::days(1), wd, true),
                Some("last") | Some("past") => weekday_date(dct - Duration::days(1), wd, false),
                // "Wednesday's ruling": something that happened.
                _ if after.starts_with("'s") || after.starts_with("’s") => weekday_date(dct, wd, false),
                // "this Saturday": the coming one unless the tense says otherwise.
                Some("this") => weekday_date(dct, wd, tense().unwrap_or(true)),
                _ => weekday_date(dct, wd, future()),
            };
            // TimeBank writes "Wednesday night" as a DATE with the part of day.
            match part {
                Some(p) => (TimexType::Date, format!("{}T{p}", fmt_date(date)), true),
                None => (TimexType::Date, fmt_date(date), true),
            }
        }
        Rule::DayWord => {
            // "today's world", "today's youth": the present in general, not a day.
            if let Some(rest) = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s ")) {
                let noun = rest.split_whitespace().next().unwrap_or("").to_lowercase();
                if matches!(
                    noun.as_str(),
                    "world"
                        | "youth"
                        | "society"
                        | "generation"
                        | "children"
                        | "kids"
                        | "young"
                        | "standards"
                        | "technology"
                        | "economy"
                        | "culture"
                ) {
                    return None;
                }
            }
            let dct = dct?;
            let d = match g(1)?.to_lowercase().as_str() {
                "today" => dct,
                "yesterday" => dct - Duration::days(1),
                "the day before yesterday" => dct - Duration::days(2),
                "the day after tomorrow" => dct + Duration::days(2),
                // "tomorrow" and the ways posts write it ("tmrw", "2moro").
                _ => dct + Duration::days(1),
            };
            (TimexType::Date, fmt_date(d), true)
        }
        Rule::PartOfDay => {
            let dct = dct?;
            let w = g(1)?.to_lowercase();
            if w == "tonight" {
                return Some((TimexType::Date, fmt_date(dct), true));
            }
            let (d, p) = match w.as_str() {
                "last night" => (dct - Duration::days(1), "NI"),
                _ => {
                    let d = if w.contains("yesterday") {
                        dct - Duration::days(1)
                    } else {
                        dct
                    };
                    let w = w.trim_end_matches(" yesterday").trim_end_matches(" today");
                    if w == "midday" {
                        return Some((TimexType::Time, format!("{}T12:00", fmt_date(d)), true));
                    }
                    let p = if w.ends_with("morning") {
                        "MO"
                    } else if w.ends_with("afternoon") {
                        "AF"
                    } else {
                        "EV"
                    };
                    (d, p)
                }
            };
            (TimexType::Time, format!("{}T{p}", fmt_date(d)), true)
        }
        Rule::RelativeUnit => {
            let dct = dct?;
            let which = g(2)?.to_lowercase();
            let unit = g(3)?.to_lowercase();
            let delta: i32 = match which.as_str() {
                "last" | "the past" | "the previous" => -1,
                "next" | "the coming" | "the following" | "the next" => 1,
                _ => 0,
            };
            // "the next decade", "the past month": a stretch of time, not a calendar unit
            // ("the past year", as TimeBank reads it, is the last calendar year).
            if !(which == "the past" && unit == "year")
                && matches!(
                    which.as_str(),
                    "the past" | "the next" | "the coming" | "the following"
                )
                && matches!(
                    unit.as_str(),
                    "week" | "weekend" | "month" | "year" | "quarter" | "decade" | "century"
                )
            {
                let v = match unit.as_str() {
                    "decade" => "P10Y".to_string(),
                    "century" => "P100Y".to_string(),
                    "weekend" => "P2D".to_string(),
                    u => period("1", u),
                };
                return Some((TimexType::Duration, v, false));
            }
            let value = match unit.as_str() {
                "week" => week_of(dct + Duration::weeks(delta as i64)),
                "weekend" => format!("{}-WE", week_of(dct + Duration::weeks(delta as i64))),
                "month" => {
                    let (y, m) = shift_months(dct.year(), dct.month(), delta);
                    format!("{y}-{m:02}")
                }
                "year" => (dct.year() + delta).to_string(),
                "quarter" => {
                    let q = (dct.month() as i32 - 1) / 3 + delta;
                    let (y, q) = (dct.year() + q.div_euclid(4), q.rem_euclid(4) + 1);
                    format!("{y}-Q{q}")
                }
                "decade" => format!("{}", (dct.year() / 10 + delta)),
                "century" => format!("{}", (dct.year() / 100 + delta)),
                season => {
                    let code = match season {
                        "summer" => "SU",
                        "spring" => "SP",
                        "winter" => "WI",
                        _ => "FA",
                    };
                    format!("{}-{code}", dct.year() + delta)
                }
            };
            (TimexType::Date, value, true)
        }
        Rule::Ago => {
            let n = number(g(1)?)?;
            let unit = g(2)?.to_lowercase();
            let dir = g(3)?.to_lowercase();
            let Some(dct) = dct else {
                return Some((TimexType::Date, "XXXX-XX-XX".into(), false));
            };
            // A count beyond any calendar ("99999 years ago") is no date.
            let Ok(k) = n.parse::<f64>().map(|k| k.min(10_000.0)) else {
                return Some((
                    TimexType::Date,
                    if dir == "ago" {
                        "PAST_REF".into()
                    } else {
                        "FUTURE_REF".into()
                    },
                    true,
                ));
            };
            let k = k as i64
                * if matches!(dir.as_str(), "ago" | "earlier" | "before") {
                    -1
                } else {
                    1
                };
            let u = unit.trim_end_matches('s');
            let value = match u {
                "day" => fmt_date(dct + Duration::days(k)),
                "week" => week_of(dct + Duration::weeks(k)),
                "month" => {
                    let (y, m) = shift_months(dct.year(), dct.month(), k as i32);
                    format!("{y}-{m:02}")
                }
                // In quarterly results, "a year ago" is the same quarter a year before.
                "year" if k == -1 && quarterly(text_has_quarter, sentence) => last_quarter(dct, -1),
                "year" => (dct.year() as i64 + k).to_string(),
                "decade" => format!("{}", (dct.year() as i64 + 10 * k) / 10),
                "hour" | "minute" | "second" => fmt_date(dct),
                _ => return None,
            };
            (TimexType::Date, value, true)
        }
        Rule::Present => {
            // "Now, …" opening a sentence is a discourse marker.
            if g(1)? == "Now" && after.starts_with(',') {
                return None;
            }
            (TimexType::Date, "PRESENT_REF".into(), true)
        }
        Rule::Past => {
            // "in recent months", "the coming weeks": an unspecified stretch of them.
            let unit = g(1)?.to_lowercase();
            match unit
                .split(' ')
                .find(|w| matches!(*w, "days" | "weeks" | "months" | "years"))
            {
                Some("days") => (TimexType::Duration, "PXD".into(), false),
                Some("weeks") => (TimexType::Duration, "PXW".into(), false),
                Some("months") => (TimexType::Duration, "PXM".into(), false),
                Some("years") => (TimexType::Duration, "PXY".into(), false),
                _ => (TimexType::Date, "PAST_REF".into(), true),
            }
        }
        Rule::Clock => {
            let (h, min) = if let Some(w) = g(4) {
                (if w.eq_ignore_ascii_case("noon") { 12 } else { 24 }, 0)
            } else {
                let mut h: u32 = g(1)?.parse().ok()?;
                let min: u32 = g(2).map_or(Some(0), |m| m.parse().ok())?;
                let pm = g(3)?.to_lowercase().starts_with('p');
                if h > 12 || min > 59 {
                    return None;
                }
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                (h, min)
            };
            // "9 a.m. Tuesday", "noon Thursday": that weekday, resolved as a weekday is.
            // "5 p.m. EST Nov. 9": that date.
            let dated = match (
                dct,
                g(6).and_then(month_number),
                g(7).and_then(|d| d.parse::<u32>().ok()),
            ) {
                (Some(d), Some(m), Some(day)) => NaiveDate::from_ymd_opt(nearest_year(d, m, day), m, day),
                _ => None,
            };
            let day = match (dct, g(5).and_then(weekday)) {
                _ if dated.is_some() => dated,
                (Some(d), Some(wd)) => Some(weekday_date(d, wd, future())),
                (d, _) => d,
            };
            match day {
                Some(d) => (TimexType::Time, format!("{}T{h:02}:{min:02}", fmt_date(d)), true),
                None => (TimexType::Time, format!("XXXX-XX-XXT{h:02}:{min:02}"), false),
            }
        }
        Rule::Duration => {
            // Ages are not durations ("a 6-year-old", "44 years old"), nor fractions
            // ("three-quarters of").
            if after.starts_with("-old") || after.starts_with(" old") {
                return None;
            }
            if g(3)?.to_lowercase().starts_with("quarter") && after.trim_start().starts_with("of ") {
                return None;
            }
            let unit = g(3)?;
            // "a weeks-long battle": some weeks, not one.
            let n = if matches!(g(1)?.to_lowercase().as_str(), "a" | "an") && unit.ends_with('s') {
                "X".to_string()
            } else {
                number(g(1)?)?
            };
            let half = g(2).or(g(4)).is_some();
            // "Islam will one day be …": some time ahead, not a day's length.
            if g(1)?.eq_ignore_ascii_case("one")
                && unit.eq_ignore_ascii_case("day")
                && matches!(
                    word_before.as_str(),
                    "will" | "would" | "could" | "may" | "might" | "can" | "should" | "shall"
                )
            {
                return Some((TimexType::Date, "FUTURE_REF".into(), true));
            }
            // "a second group", "a second betrayal": an ordinal.
            if unit.eq_ignore_ascii_case("second")
                && g(1)?.to_lowercase().starts_with('a')
                && after.trim_start().starts_with(|c: char| c.is_alphabetic())
                && !["ago", "later", "earlier", "or", "and", "before", "after"]
                    .iter()
                    .any(|w| after.trim_start().starts_with(w))
            {
                return None;
            }
            // "the 1988 second quarter": a year, not a count.
            if g(1)?.len() == 4 && (1600..2100).contains(&n.parse::<u32>().unwrap_or(0)) {
                return None;
            }
            // "once a day", "$2 million a year", "four flights a week": a rate, not a duration.
            if matches!(g(1)?.to_lowercase().as_str(), "a" | "an") && is_rate(before, after) {
                return None;
            }
            let value = match (half, n.parse::<u32>()) {
                (true, Ok(k)) => half_period(k, unit).unwrap_or_else(|| period(&n, unit)),
                _ => period(&n, unit),
            };
            (TimexType::Duration, value, false)
        }
        Rule::Set => {
            let unit = g(2).or(g(3))?.to_lowercase();
            // "a year" is a set only as a rate ("$2 million a year").
            if g(1).is_some_and(|a| a.eq_ignore_ascii_case("a")) && !is_rate(before, after) {
                return None;
            }
            // "each Thursday", "every July"; but "a May" is not a set.
            if let Some(wd) = weekday(&unit).filter(|_| unit.len() > 5) {
                if g(1)?.eq_ignore_ascii_case("a") {
                    return None;
                }
                return Some((
                    TimexType::Set,
                    format!("XXXX-WXX-{}", wd.number_from_monday()),
                    false,
                ));
            }
            if let Some(m) = month_number(&unit).filter(|_| !matches!(unit.as_str(), "day" | "daily")) {
                if g(1)?.eq_ignore_ascii_case("a") || g(2)? == "may" {
                    return None;
                }
                return Some((TimexType::Set, format!("XXXX-{m:02}"), false));
            }
            let v = match unit.as_str() {
                "day" | "daily" | "morning" | "night" | "evening" | "nightly" => "P1D",
                "week" | "weekly" => "P1W",
                "month" | "monthly" => "P1M",
                "year" | "annually" | "yearly" => "P1Y",
                "quarter" => "P3M",
                "hour" | "hourly" => "PT1H",
                _ => "PT1M",
            };
            (TimexType::Set, v.into(), false)
        }
        Rule::Season => {
            let code = match g(2)?.to_lowercase().as_str() {
                "summer" => "SU",
                "spring" => "SP",
                "winter" => "WI",
                _ => "FA",
            };
            (TimexType::Date, format!("{}-{code}", g(3)?), false)
        }
        Rule::SeasonBare => {
            // "the summer", "over the early summer", "this past spring": a season of the
            // creation year (or the one before, when past and not yet begun). "The fall of
            // the Wall", "the spring in his step" are not seasons.
            let past = g(1)?.to_lowercase().starts_with("this past");
            let season = g(2)?.to_lowercase();
            if !past
                && (!(time_prep
                    || matches!(word_before.as_str(), "over" | "throughout" | "into" | "for")
                    || word_before == "of" && season != "fall")
                    || [" of", " in", " to", " from", " on"]
                        .iter()
                        .any(|p| after.starts_with(p)))
            {
                return None;
            }
            let (code, first) = match season.as_str() {
                "summer" => ("SU", 6),
                "spring" => ("SP", 3),
                "winter" => ("WI", 12),
                _ => ("FA", 9),
            };
            let Some(dct) = dct else {
                return Some((TimexType::Date, format!("XXXX-{code}"), false));
            };
            let ahead = if past { Some(false) } else { tense() };
            let year = match ahead {
                Some(false) if first > dct.month() => dct.year() - 1,
                Some(true) if first + 2 < dct.month() => dct.year() + 1,
                _ => dct.year(),
            };
            (TimexType::Date, format!("{year}-{code}"), true)
        }
        Rule::SetEvery => {
            // "every three minutes", "every other day": a set with that period.
            let n = if g(1)?.eq_ignore_ascii_case("other") {
                "2".to_string()
            } else {
                number(g(1)?)?
            };
            (TimexType::Set, period(&n, g(2)?), false)
        }
        Rule::Century => {
            // "the 20th century" → 19; "the nineties" → the decade of the creation century.
            if let Some(n) = g(1) {
                let n: u32 = n.parse().ok()?;
                (1..=30).contains(&n).then_some(())?;
                (TimexType::Date, format!("{:02}", n - 1), false)
            } else {
                let tens = [
                    "twenties",
                    "thirties",
                    "forties",
                    "fifties",
                    "sixties",
                    "seventies",
                    "eighties",
                    "nineties",
                ]
                .iter()
                .position(|d| g(2).is_some_and(|w| w.eq_ignore_ascii_case(d)))?
                    + 2;
                // The latest such decade that has begun, or begins within ten years.
                let century = dct.map_or(19, |d| {
                    let c = d.year() / 100;
                    if c * 100 + tens as i32 * 10 <= d.year() + 10 {
                        c
                    } else {
                        c - 1
                    }
                });
                (TimexType::Date, format!("{century}{tens}"), dct.is_some())
            }
        }
        Rule::QuarterRelative => {
            let dct = dct?;
            let which = g(1).or(g(3)).map(str::to_lowercase);
            let noun = g(2).unwrap_or("quarter").to_lowercase();
            if noun == "period" && which.is_none() {
                return None;
            }
            // The quarter a report speaks of is the last completed one.
            let q = (dct.month() as i32 - 1) / 3 - 1;
            let (mut y, q) = (dct.year() + q.div_euclid(4), q.rem_euclid(4) + 1);
            if let Some(y0) = which.as_deref().and_then(|w| w.parse::<i32>().ok()) {
                y = y0;
            }
            match which.as_deref() {
                Some("current") => {
                    return Some((
                        TimexType::Date,
                        format!("{}-Q{}", dct.year(), (dct.month() - 1) / 3 + 1),
                        true,
                    ))
                }
                Some("year-earlier" | "year-ago" | "comparable") => y -= 1,
                _ => {}
            }
            (TimexType::Date, format!("{y}-Q{q}"), true)
        }
        Rule::Reference => {
            let w = g(1)?.to_lowercase();
            let v = match w.as_str() {
                // "the then current price": current at a time past.
                "current" if word_before == "then" || before.ends_with("then-") => "PAST_REF",
                "current" => "PRESENT_REF",
                "recent" | "the past" => "PAST_REF",
                "now and then" => return None,
                // "the future of the region": a topic, not a time.
                _ if after.starts_with(" of ") => return None,
                _ => "FUTURE_REF",
            };
            (TimexType::Date, v.into(), true)
        }
        Rule::SpelledYear => {
            // "nineteen ninety-six", "the year two thousand" (spoken transcripts).
            let n = |i: usize| g(i).and_then(number).and_then(|v| v.parse::<i32>().ok());
            let year = if g(4).is_some() {
                2000 + n(5).unwrap_or(0)
            } else {
                1900 + n(2)? + n(3).unwrap_or(0)
            };
            // "two thousand" alone is a count unless "the year" says otherwise.
            if g(4).is_some() && g(5).is_none() && !c.get(0)?.as_str().to_lowercase().starts_with("the year")
            {
                return None;
            }
            (TimexType::Date, year.to_string(), false)
        }
        // "by year-end": the end of the current year.
        Rule::YearEnd => (TimexType::Date, dct?.year().to_string(), true),
        Rule::MonthRelYear => {
            // "January this year", "July last year".
            let m = month_number(g(1)?)?;
            let y = dct?.year()
                + match g(2)? {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                };
            (TimexType::Date, format!("{y}-{m:02}"), true)
        }
        Rule::Half => {
            // "the last half of 1989" → 1989-H2; without a year, the current one. Half of a
            // decade ("the last half of the '80s") has no ISO form: the decade.
            static DECADE: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(r"^ of the (?:(?:'|’)(\d)0s|(1[6-9]|20)(\d)0s)").expect("decade after a half")
            });
            if let Some(d) = DECADE.captures(after) {
                let century = d.get(2).map_or_else(
                    || dct.map_or(19, |x| x.year() / 100).to_string(),
                    |c| c.as_str().to_string(),
                );
                let tens = d.get(1).or(d.get(3))?.as_str();
                return Some((TimexType::Date, format!("{century}{tens}"), d.get(2).is_none()));
            }
            let first = g(1).or(g(2))?.to_lowercase().starts_with("first");
            let (y, anchored) = match g(3) {
                Some(y) => (y.parse::<i32>().ok()?, false),
                None => (dct?.year(), true),
            };
            (
                TimexType::Date,
                format!("{y}-H{}", if first { 1 } else { 2 }),
                anchored,
            )
        }
        Rule::YearAgo => {
            // "year-earlier results": the year before, or its quarter in a quarterly report.
            let dct = dct?;
            let v = if quarterly(text_has_quarter, sentence) {
                last_quarter(dct, -1)
            } else {
                (dct.year() - 1).to_string()
            };
            (TimexType::Date, v, true)
        }
        Rule::NarrativeYear => {
            // Resolved in text order against the last year mentioned (see `find`).
            let next = g(1)?.eq_ignore_ascii_case("the following");
            let unit = match g(2)?.to_lowercase().as_str() {
                "month" => 'M',
                "week" => 'K',
                _ => 'Y',
            };
            (
                TimexType::Date,
                format!("ANCHOR{unit}{}", if next { "+1" } else { "+0" }),
                true,
            )
        }
        Rule::Weekend => {
            // The weekend just past (or, in the future tense, the next one).
            let dct = dct?;
            let day = if future() {
                weekday_date(dct, Weekday::Sat, true)
            } else {
                weekday_date(dct, Weekday::Sun, false)
            };
            (TimexType::Date, format!("{}-WE", week_of(day)), true)
        }
        Rule::TheYear => {
            // "the year" in a dated report is the current year ("earnings for the year").
            if after.starts_with('-') {
                return None;
            }
            let rest = after.trim_start();
            if [
                "ago", "before", "earlier", "after", "later", "of", "in which", "when", "that", "'s",
            ]
            .iter()
            .any(|w| rest.starts_with(w))
            {
                return None;
            }
            // "the year ended June 30": a twelve-month period.
            if ["ended", "ending", "that ended", "through", "to "]
                .iter()
                .any(|w| rest.starts_with(w))
            {
                return Some((TimexType::Duration, "P1Y".into(), false));
            }
            (TimexType::Date, dct?.year().to_string(), true)
        }
        Rule::Holiday => {
            let dct = dct?;
            let name = g(1)?;
            let date_in = |y: i32| -> Option<NaiveDate> {
                let nth =
                    |month: u32, wd: Weekday, n: u8| NaiveDate::from_weekday_of_month_opt(y, month, wd, n);
                if name.starts_with("Thanksgiving") {
                    nth(11, Weekday::Thu, 4)
                } else if name.starts_with("Christmas Eve") {
                    NaiveDate::from_ymd_opt(y, 12, 24)
                } else if name.starts_with("Christmas") {
                    NaiveDate::from_ymd_opt(y, 12, 25)
                } else if name.ends_with("Eve") {
                    NaiveDate::from_ymd_opt(y, 12, 31)
                } else if name.starts_with("New Year") {
                    NaiveDate::from_ymd_opt(y, 1, 1)
                } else if name.starts_with("Independence") {
                    NaiveDate::from_ymd_opt(y, 7, 4)
                } else if name.starts_with("Labor") {
                    nth(9, Weekday::Mon, 1)
                } else if name.starts_with("Memorial") {
                    // The last Monday of May.
                    (1..=5).rev().find_map(|n| nth(5, Weekday::Mon, n))
                } else if name.starts_with("Election") {
                    // The Tuesday after the first Monday of November.
                    nth(11, Weekday::Mon, 1).map(|d| d + Duration::days(1))
                } else if name.starts_with("Veterans") {
                    NaiveDate::from_ymd_opt(y, 11, 11)
                } else if name.starts_with("Halloween") {
                    NaiveDate::from_ymd_opt(y, 10, 31)
                } else {
                    NaiveDate::from_ymd_opt(y, 2, 14)
                }
            };
            // The nearest occurrence.
            let best = [dct.year() - 1, dct.year(), dct.year() + 1]
                .into_iter()
                .filter_map(date_in)
                .min_by_key(|d| (*d - dct).num_days().abs())?;
            (TimexType::Date, fmt_date(best), true)
        }
        Rule::Vague => {
            // "for years": an unknown number of years. Only the unit is the expression.
            if after.trim_start().starts_with("of ") || after.trim_start().starts_with("ago") {
                return None;
            }
            (TimexType::Duration, period("X", g(1)?), false)
        }
        Rule::Narrative => {
            // Resolved in text order against the last full date (see `find`). "That same
            // day", and "the day" of "Oct. 12, the day before the plunge", are the date itself.
            let step = match g(1).or(g(2)).map(str::to_lowercase).as_deref() {
                None => "ANCHOR0",
                Some("before" | "after") if appositive_day(before, after) => "ANCHOR0",
                Some("previous" | "before") => "ANCHOR-1",
                Some(_) => "ANCHOR+1",
            };
            (TimexType::Date, step.into(), true)
        }
        Rule::Quarter => {
            let q = match g(3)?.to_lowercase().as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                _ => 4,
            };
            // "next year's first quarter"
            if let (Some(rel), Some(dct)) = (g(2), dct) {
                let y = dct.year()
                    + match rel.to_lowercase().as_str() {
                        "last" => -1,
                        "next" => 1,
                        _ => 0,
                    };
                return Some((TimexType::Date, format!("{y}-Q{q}"), true));
            }
            let (y, anchored) = match g(1).or(g(4)) {
                Some(y) => (y.parse::<i32>().ok()?, false),
                None => {
                    let dct = dct?;
                    let current = (dct.month() - 1) / 3 + 1;
                    let y = if q > current && !future_tense(sentence) {
                        dct.year() - 1
                    } else {
                        dct.year()
                    };
                    (y, true)
                }
            };
            (TimexType::Date, format!("{y}-Q{q}"), anchored)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str, dct: &str) -> Vec<(String, TimexType, String)> {
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        let s = [Span::new(0, text.len())];
        find(text, dct, &s)
            .into_iter()
            .map(|t| (t.span.slice(text).unwrap().to_string(), t.kind, t.value))
            .collect()
    }

    /// Asserts that `text` against `dct` yields each of `want` (surface, type, value).
    fn has_all(text: &str, dct: &str, want: &[(&str, TimexType, &str)]) {
        let t = run(text, dct);
        for &(surface, kind, v) in want {
            assert!(t.contains(&(surface.into(), kind, v.into())), "{surface}: {t:?}");
        }
    }

    #[test]
    fn absolute_and_relative_dates() {
        has_all(
            "On December 7, 2016 the talks began; on Thursday they ended, and last week a 48-hour ceasefire held.",
            "2016-12-08",
            &[
                ("December 7, 2016", TimexType::Date, "2016-12-07"),
                ("Thursday", TimexType::Date, "2016-12-08"),
                ("last week", TimexType::Date, "2016-W48"),
                ("48-hour", TimexType::Duration, "PT48H"),
            ],
        );
    }

    #[test]
    fn narrative_anchors_move() {
        has_all(
            "Since March 2011 the war has gone on. On December 2 the talks failed; the previous day, shelling resumed.",
            "2016-12-08",
            &[
                ("March 2011", TimexType::Date, "2011-03"),
                ("December 2", TimexType::Date, "2016-12-02"),
                ("the previous day", TimexType::Date, "2016-12-01"),
            ],
        );
    }

    #[test]
    fn publication_date_from_a_full_date_and_weekdays() {
        let text = "Talks failed on Wednesday. The ministers are set to meet Thursday. \
                    An interview published Thursday repeated the demands.";
        let spans = crate::text::segment::sentences(text, &[Span::new(0, text.len())]);
        let caption = ["Residents leave the old town on December 7, 2016"];
        let got = infer_published(text, &spans, &caption).unwrap();
        assert_eq!(got.date, NaiveDate::from_ymd_opt(2016, 12, 8).unwrap());
        // No full date anywhere: unknown, whatever the weekdays.
        assert_eq!(infer_published(text, &spans, &[]), None);
        // A caption alone dates the article weakly.
        let got = infer_published(
            "No weekday here.",
            &[Span::new(0, 16)],
            &["Leaders meet, September 15, 2015."],
        )
        .unwrap();
        assert_eq!(got.date, NaiveDate::from_ymd_opt(2015, 9, 15).unwrap());
    }

    #[test]
    fn future_weekdays_go_forward() {
        let t = run("The minister will travel to Rome on Monday.", "2016-12-08");
        assert_eq!(t, vec![("Monday".into(), TimexType::Date, "2016-12-12".into())]);
    }

    /// The value of the only expression in `text` against `dct`.
    fn value(text: &str, dct: &str) -> String {
        let t = run(text, dct);
        assert_eq!(t.len(), 1, "{text}: {t:?}");
        t[0].2.clone()
    }

    #[test]
    fn the_nearest_tense_decides_the_weekday() {
        // 2016-12-08 is a Thursday.
        for (text, want) in [
            ("A spokesman said Monday that the troops will stay.", "2016-12-05"),
            (
                "The team planned to leave the capital on Monday for the coast.",
                "2016-12-12",
            ),
            (
                "Officials postponed until Tuesday any action on the request.",
                "2016-12-13",
            ),
            (
                "They will look for ways around Tuesday's ruling by the court.",
                "2016-12-06",
            ),
            (
                "The vote will be held at noon Friday in the old hall.",
                "2016-12-09T12:00",
            ),
            (
                "The panel met again Friday, Dec. 2, in the old hall.",
                "2016-12-02",
            ),
            ("The ultimatum runs from noon Saturday.", "2016-12-03T12:00"),
            (
                "It extended its offer until 5 p.m. EST Dec. 9, the firm said.",
                "2016-12-09T17:00",
            ),
            ("see u tmrw at the game!!", "2016-12-09"),
            ("Gig this Sat night, who's coming", "2016-12-10TNI"),
        ] {
            assert_eq!(value(text, "2016-12-08"), want, "{text}");
        }
    }

    #[test]
    fn huge_counts_do_not_panic() {
        let dct = NaiveDate::from_ymd_opt(2016, 12, 8);
        for t in [
            "It happened 99999999999 days ago.",
            "It lasted 99999999999 years.",
            "He left 9999999 weeks ago. Then 99999999 days later he came back.",
            "In 9999999 months from now.",
            "99999999999 years earlier",
        ] {
            let s = [Span::new(0, t.len())];
            let _ = annotate(t, &s, &s, dct);
        }
    }

    #[test]
    fn spans_shift_dates() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(shift(d("2016-12-02"), "P3D", 1), Some(d("2016-12-05")));
        assert_eq!(shift(d("2016-12-02"), "P2W", -1), Some(d("2016-11-18")));
        assert_eq!(shift(d("2016-01-31"), "P1M", 1), Some(d("2016-02-29")));
        assert_eq!(shift(d("2016-02-29"), "P1Y", 1), Some(d("2017-02-28")));
        assert_eq!(shift(d("2016-02-29"), "PXD", 1), None);
    }

    #[test]
    fn far_month_days_follow_the_tense_near_ones_the_calendar() {
        // Six months either way: the tense decides; a month ahead: the calendar does.
        assert_eq!(
            value("The clinic was attacked on Oct. 23 by a gunman.", "1999-05-06"),
            "1998-10-23"
        );
        assert_eq!(
            value("The dividend is payable June 1 to holders.", "1999-05-06"),
            "1999-06-01"
        );
    }

    #[test]
    fn periods_in_reports() {
        let t = run(
            "Third-quarter net rose to $5 million from $4 million a year ago.",
            "1989-11-02",
        );
        assert_eq!(t[1], ("a year ago".into(), TimexType::Date, "1988-Q3".into()));
        let t = run(
            "Revenue was $76 million for the year ended March 31.",
            "1989-11-02",
        );
        assert_eq!(t[0], ("the year".into(), TimexType::Duration, "P1Y".into()));
        assert_eq!(
            value("Profit rose in the 1988 second quarter.", "1989-11-02"),
            "1988-Q2"
        );
        assert_eq!(
            value("It dilutes earnings by 9% in its 1990 forecast.", "1989-11-02"),
            "1990"
        );
        assert_eq!(
            value("He lost his unsuccessful 1996 campaign.", "1998-11-02"),
            "1996"
        );
        assert_eq!(
            value("It began in nineteen ninety-six, she said.", "1998-11-02"),
            "1996"
        );
        assert_eq!(
            value("Fears grew as the year two thousand approached.", "1998-11-02"),
            "2000"
        );
        assert!(run("They counted two thousand ballots.", "1998-11-02").is_empty());
        // 1990-08-13 is a Monday: the weekend just past.
        assert_eq!(
            value("Talks broke off over the weekend, aides said.", "1990-08-13"),
            "1990-W32-WE"
        );
        assert_eq!(
            value("Earnings will fall in the last half of 1989.", "1989-11-02"),
            "1989-H2"
        );
        assert_eq!(
            value("Net was $5 million next year's first quarter.", "1989-11-02"),
            "1990-Q1"
        );
        assert_eq!(value("Stocks peaked in the early 1980s.", "1989-11-02"), "198");
        // In 1995 … the following year.
        let t = run(
            "He was promoted in 1995, and the following year he left.",
            "1998-04-18",
        );
        assert_eq!(
            t[1],
            ("the following year".into(), TimexType::Date, "1996".into())
        );
        assert_eq!(
            value("The talks began in January this year in Geneva.", "1998-02-19"),
            "1998-01"
        );
        // Rates and names are not times.
        assert_eq!(
            value("The plant will close in May, officials said.", "1998-02-19"),
            "1998-05"
        );
        assert!(run("Officials May Delay Plan", "1998-02-19").is_empty());
        assert_eq!(value("Results are due by year-end.", "1989-11-02"), "1989");
        let t = run("Talks will continue in the coming weeks.", "1989-11-02");
        assert_eq!((t[0].1, t[0].2.as_str()), (TimexType::Duration, "PXW"));
        let t = run(
            "The index fell for eight trading days and two more weeks.",
            "1989-11-02",
        );
        assert_eq!(t.iter().map(|x| x.2.as_str()).collect::<Vec<_>>(), ["P8D", "P2W"]);
        // A rate is a set, not a duration.
        let t = run(
            "It will save $500 million a year and add 700 seats a week.",
            "1989-11-02",
        );
        let kinds: Vec<_> = t.iter().map(|x| (x.0.as_str(), x.1)).collect();
        assert_eq!(kinds, [("a year", TimexType::Set), ("a week", TimexType::Set)]);
        assert!(run("Thousands joined the March for Life downtown.", "1998-01-23").is_empty());
        assert!(run("It matters to the future of our peoples.", "1998-01-23").is_empty());
        let t = run("Prices have risen in recent months.", "1989-11-02");
        assert_eq!(t[0].1, TimexType::Duration);
        assert_eq!(t[0].2, "PXM");
    }

    #[test]
    fn tense_of_the_clause() {
        let v = |text: &str, dct: &str| run(text, dct).first().map(|t| t.2.clone()).unwrap_or_default();
        // A fronted date takes the tense of the main clause after its comma.
        assert_eq!(
            v("In January, the company brought in a new chief.", "1989-10-27"),
            "1989-01"
        );
        // "had been scheduled to expire" lies behind; "were planning to" ahead.
        assert_eq!(
            v(
                "The offer had been scheduled to expire at midnight Friday.",
                "1989-10-30"
            ),
            "1989-10-27T24:00"
        );
        assert_eq!(
            v(
                "A rally is called for Saturday and organisers were planning to march.",
                "2000-01-07"
            ),
            "2000-01-08"
        );
        // "vacation plans" is a noun; "a still unspecified date" an adjective.
        assert_eq!(
            v(
                "On Friday, when she set aside vacation plans, rain fell.",
                "1998-09-30"
            ),
            "1998-09-25"
        );
        assert_eq!(
            v(
                "The split would be paid on a still unspecified date in January.",
                "1989-10-26"
            ),
            "1990-01"
        );
        // "set Friday as the deadline" is past; "the previous Friday" is the one before the
        // Friday just named.
        assert_eq!(
            v(
                "The agency ruled he must go home, and set Friday as the deadline.",
                "2000-01-15"
            ),
            "2000-01-14"
        );
        has_all(
            "Shares closed lower Friday, down 4.5% from the previous Friday; the following Monday they rose.",
            "1989-10-30",
            &[
                ("Friday", TimexType::Date, "1989-10-27"),
                ("the previous Friday", TimexType::Date, "1989-10-20"),
                ("the following Monday", TimexType::Date, "1989-10-23"),
            ],
        );
        // Months and days with no tense: a closed period ended on the last such day; a
        // deadline lies ahead; otherwise this year's month unless it is far ahead.
        has_all(
            "In the fiscal year ended Jan. 31, sales were $59 million.",
            "1989-10-31",
            &[("Jan. 31", TimexType::Date, "1989-01-31")],
        );
        assert_eq!(
            v("The program pays down the loan by February.", "1989-10-30"),
            "1990-02"
        );
        assert_eq!(
            v(
                "In January, a week after the anniversary, a doctor was shot.",
                "1998-10-25"
            ),
            "1998-01"
        );
        assert_eq!(
            v("The stock hit a high in June from $29.75 in March.", "1989-10-30"),
            "1989-06"
        );
        // A participle after "stay" or "remain" is a state, not a past event.
        assert_eq!(
            v(
                "Lorries will stay banned from the bridge until a load test in June.",
                "2021-04-12"
            ),
            "2021-06"
        );
        // A scheduled event in the present tense lies ahead.
        assert_eq!(
            v(
                "He and Arafat meet separately Monday with Albright.",
                "1998-05-01"
            ),
            "1998-05-04"
        );
        // "supposed to", "decided to": what is to come.
        assert_eq!(
            v("Talks are supposed to conclude by May.", "1998-03-22"),
            "1998-05"
        );
        assert_eq!(
            v("NATO has decided to admit them in early March.", "1999-02-10"),
            "1999-03"
        );
    }

    #[test]
    fn seasons_centuries_and_compound_numbers() {
        has_all(
            "Sales slowed over the summer, after a strike that began this past spring. In the 20th century, \
             and again in the nineties, prices fell for twenty-four hours. The current fiscal year is weak.",
            "1989-10-26",
            &[
                ("the summer", TimexType::Date, "1989-SU"),
                ("this past spring", TimexType::Date, "1989-SP"),
                ("the 20th century", TimexType::Date, "19"),
                ("the nineties", TimexType::Date, "199"),
                ("twenty-four hours", TimexType::Duration, "PT24H"),
                ("The current fiscal year", TimexType::Date, "1989"),
            ],
        );
        has_all(
            "Shares rose from the lows of the early summer. At mid-afternoon yesterday they fell; by midday today they rose.",
            "1989-11-02",
            &[
                ("the early summer", TimexType::Date, "1989-SU"),
                ("mid-afternoon yesterday", TimexType::Time, "1989-11-01TAF"),
                ("midday today", TimexType::Time, "1989-11-02T12:00"),
            ],
        );
        // Not seasons: the fall of a wall, the spring in a step.
        assert!(run(
            "After the fall of the Wall came the spring in his step.",
            "1989-10-26"
        )
        .is_empty());
    }

    #[test]
    fn the_day_beside_a_date_and_that_same_day() {
        has_all(
            "Trading slowed after Oct. 12, the day before the plunge. Brokers met on Oct. 20 and \
             filed that same day; the next morning they sold. Over the past year, more than a \
             couple of years of gains were lost.",
            "1989-10-30",
            &[
                ("the day", TimexType::Date, "1989-10-12"),
                ("that same day", TimexType::Date, "1989-10-20"),
                ("the next morning", TimexType::Date, "1989-10-21"),
                ("the past year", TimexType::Date, "1988"),
                ("more than a couple of years", TimexType::Duration, "P2Y"),
            ],
        );
        // Not beside a date: the day after an event, counted from the last date.
        has_all(
            "He was shot on Oct. 23. Two men came the day after his death.",
            "1998-11-21",
            &[("the day after", TimexType::Date, "1998-10-24")],
        );
    }

    #[test]
    fn counted_from_the_date_that_follows() {
        has_all(
            "A hearing is set for the week of March 6. The day before last Tuesday's hearing, he \
             visited; they met again the day after Christmas. A 1996 law governs bonds due 1999.",
            "2000-02-24",
            &[
                ("the week of March 6", TimexType::Date, "2000-W10"),
                ("The day before last Tuesday", TimexType::Date, "2000-02-21"),
                ("the day after Christmas", TimexType::Date, "1999-12-26"),
                ("1996", TimexType::Date, "1996"),
                ("1999", TimexType::Date, "1999"),
            ],
        );
        has_all(
            "The blast occurred at about 10:35 a.m. (0735 GMT) Friday.",
            "1998-08-08",
            &[
                ("10:35 a.m.", TimexType::Time, "1998-08-07T10:35"),
                ("Friday", TimexType::Date, "1998-08-07"),
            ],
        );
        has_all(
            "Holders may buy at the then current price; Islam will one day be larger. A week or so ago, he left.",
            "1998-08-08",
            &[
                ("current", TimexType::Date, "PAST_REF"),
                ("one day", TimexType::Date, "FUTURE_REF"),
                ("A week or so ago", TimexType::Date, "1998-W31"),
            ],
        );
    }

    #[test]
    fn a_year_after_is_a_span_not_a_rate() {
        has_all(
            "The city has been divided since 2012, a year after the war began, and a weeks-long \
             battle ended it. The plant makes $2 million a year.",
            "2016-12-08",
            &[
                ("a year", TimexType::Duration, "P1Y"),
                ("a weeks-long", TimexType::Duration, "PXW"),
                ("a year", TimexType::Set, "P1Y"),
            ],
        );
    }

    #[test]
    fn a_history_takes_the_year_it_last_named() {
        let text = "On 5 March 1946, Churchill spoke at Fulton. In the autumn of 1946 the ministers \
                    met in New York and agreed on treaties on 12 December. By early 1947 relations had \
                    worsened. On March 12, Truman asked Congress for aid; the next day, newspapers \
                    called it a doctrine. In June, Marshall announced his plan.";
        let want = [
            ("12 December", TimexType::Date, "1946-12-12"),
            ("March 12", TimexType::Date, "1947-03-12"),
            ("the next day", TimexType::Date, "1947-03-13"),
            ("June", TimexType::Date, "1947-06"),
        ];
        // With a creation date decades later (a wiki page) and with none.
        has_all(text, "2009-05-01", &want);
        has_all(text, "", &want);
        // A weekday in a history follows the last date named.
        has_all(
            "The war ended in 1945. Between 1946 and 1949 the alliance split, and by 1950 it was \
             over. On 5 March 1946 Churchill \
             spoke at Fulton; on Sunday Stalin replied.",
            "2009-05-01",
            &[("Sunday", TimexType::Date, "1946-03-10")],
        );
        has_all(
            "After the wars of 1914 and 1939, the blockade began on 24 June 1948. The following week, aircraft landed every three \
             minutes, and during the winter every other day brought snow.",
            "",
            &[
                ("The following week", TimexType::Date, "1948-W27"),
                ("every three minutes", TimexType::Set, "PT3M"),
                ("the winter", TimexType::Date, "1948-WI"),
                ("every other day", TimexType::Set, "P2D"),
            ],
        );
        // Undated news that names a year or two and speaks of weekdays is no history.
        has_all(
            "The war began in 2011 and the city fell in 2012. On Thursday talks resumed; on \
             December 2 they had failed.",
            "",
            &[("December 2", TimexType::Date, "XXXX-12-02")],
        );
        // News that recalls history but speaks from its own day keeps its creation year.
        has_all(
            "NATO was founded in 1949 and grew in 1952, 1955 and 1982. On Friday the three new \
             members joined; a summit follows in April.",
            "1999-03-12",
            &[("April", TimexType::Date, "1999-04")],
        );
    }

    #[test]
    fn titles_and_generic_present_are_not_times() {
        for text in [
            "Baker said on ABC News' \"This Week\" that the request mattered.",
            "He spoke on CBS's ''60 Minutes.''",
            "The poster showed Gary Cooper from the film High Noon.",
            "The case is for today's youth what the blockade was for their parents.",
            "A second group of directors objected.",
        ] {
            assert!(
                run(text, "1991-02-25").is_empty(),
                "{text}: {:?}",
                run(text, "1991-02-25")
            );
        }
        // A headline in title case keeps its times; a quotation may open with "Now".
        assert_eq!(
            run("Soundbar Now Available in Singapore Stores", "2014-09-01").len(),
            1
        );
        assert_eq!(
            run("He said: \"Now we see that edge eroded.\"", "1991-02-25").len(),
            1
        );
    }

    #[test]
    fn quarterly_comparisons_over_longer_periods_are_years() {
        let t = run(
            "For the nine months, net rose to $254 million from $163 million a year earlier.",
            "1989-10-26",
        );
        assert!(
            t.contains(&("a year earlier".into(), TimexType::Date, "1988".into())),
            "{t:?}"
        );
        let t = run(
            "Third-quarter net rose to $87 million from $58 million a year earlier.",
            "1989-10-26",
        );
        assert!(
            t.contains(&("a year earlier".into(), TimexType::Date, "1988-Q3".into())),
            "{t:?}"
        );
    }

    #[test]
    fn not_dates() {
        let t = run(
            "He paid $2016 for a 200-level course; call 555-1999.",
            "2016-12-08",
        );
        assert!(
            t.iter()
                .all(|x| x.1 == TimexType::Duration || !x.2.starts_with("20")),
            "{t:?}"
        );
    }
}
