//! The recognition patterns: one regex per construction of English news, each tied to the
//! rule that normalises its matches. Earlier patterns win ties between candidates of the
//! same length.

use std::sync::LazyLock;

use regex::Regex;

use super::words::{MONTHS, NUMBER_WORDS, UNITS, WEEKDAYS};

pub(super) struct Pattern {
    pub(super) re: Regex,
    pub(super) rule: Rule,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rule {
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

pub(super) static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
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
