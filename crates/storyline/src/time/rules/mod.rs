//! The rules: for each construction of English news, the patterns that find it and the
//! function that gives a match its value, tried from one table ([`RULES`]) in priority
//! order (between overlapping candidates of one length the earlier pattern wins).
//!
//! A rule's function sees the match in its context ([`Ctx`]: the text around it, the
//! sentence, the creation date) and returns the type and value, or `None` when the match
//! is not a time after all ("$2016", "the March for Life").

mod dates;
mod deictic;
mod months;
mod parts;
mod references;
mod spans;
mod years;

use chrono::NaiveDate;
use regex::Captures;
use serde::{Deserialize, Serialize};

use super::lists::{RATE_AMOUNTS, TIME_PREPOSITIONS};
use super::tense::{future_tense, tense_at};
use super::value::{Season, TimeValue};
use super::{Pending, Resolved, TimexType};
use crate::entities::lexicon;
use crate::span::Span;

/// A rule's name: what the candidate-selection and extent steps know a match by, and what
/// a record says produced each expression (`timexes[].rule`, snake case: `month_day_year`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
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
    NarrativeYear,
    RelativeUnit,
    Ago,
    Present,
    Past,
    Clock,
    Duration,
    Set,
    Season,
    Quarter,
    QuarterRelative,
    Reference,
    Narrative,
    Vague,
    SpelledYear,
    SeasonBare,
    Century,
    SetEvery,
    Weekend,
    YearEnd,
    PeriodPoint,
    MonthRelYear,
    Half,
    YearAgo,
    TheYear,
    Holiday,
    WeekdaysPlural,
    SeasonsCounted,
}

/// A rule: its name, why it is there, its patterns and its normaliser.
pub(super) struct RuleDef {
    pub(super) rule: Rule,
    /// What it finds and what value it gives, in one line.
    pub(super) reason: &'static str,
    /// Regexes; `%MONTHS%`, `%WEEKDAYS%`, `%NUMBER_WORDS%` and `%UNITS%` stand for the word
    /// groups of [`super::words`].
    pub(super) patterns: &'static [&'static str],
    pub(super) normalise: fn(&Ctx) -> Option<Normalised>,
}

/// The rules, in priority order.
pub(super) const RULES: &[RuleDef] = &[
    RuleDef {
        rule: Rule::WeekdayDate,
        reason: "\"Monday, Oct. 26\": the date, in the year whose weekday agrees",
        patterns: &[
            r"(?-u:\b)(%WEEKDAYS%),?\s+(%MONTHS%)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+((?:1[6-9]|20)\d\d))?(?-u:\b)",
        ],
        normalise: dates::weekday_and_date,
    },
    RuleDef {
        rule: Rule::MonthDayYear,
        reason: "\"December 7, 2016\": a full date, month first",
        patterns: &[
            r"(?-u:\b)(?:(?i:early|mid|late)[- ])?(%MONTHS%)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:1[6-9]|20)\d\d)(?-u:\b)",
        ],
        normalise: dates::month_day_year,
    },
    RuleDef {
        rule: Rule::DayMonthYear,
        reason: "\"7 December 2016\": a full date, day first",
        patterns: &[r"(?-u:\b)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(%MONTHS%),?\s+((?:1[6-9]|20)\d\d)(?-u:\b)"],
        normalise: dates::day_month_year,
    },
    RuleDef {
        rule: Rule::MonthDay,
        reason: "\"Dec. 7\": a day of the year the tense or the calendar makes nearest",
        patterns: &[r"(?-u:\b)(%MONTHS%)\s+(\d{1,2})(?:st|nd|rd|th)?(?-u:\b)"],
        normalise: months::month_day,
    },
    RuleDef {
        rule: Rule::DayMonth,
        reason: "\"7 December\": a day of the year the tense or the calendar makes nearest",
        patterns: &[r"(?-u:\b)(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(%MONTHS%)(?-u:\b)"],
        normalise: months::day_month,
    },
    RuleDef {
        rule: Rule::MonthYear,
        reason: "\"March 2011\", \"last March\", \"in May\": a month, of the year given or implied",
        patterns: &[
            r"(?-u:\b)(?:((?i:early|mid|late|the end of|the beginning of))[- ])?(%MONTHS%),?\s+(?:of\s+)?((?:1[6-9]|20)\d\d)(?-u:\b)",
            r"(?i)(?-u:\b)(?:(this|last|next|early|late|mid|the end of|the beginning of)[- ]?)?\s*(%MONTHS%)(?-u:\b)",
        ],
        normalise: months::month_year,
    },
    RuleDef {
        rule: Rule::Year,
        reason: "\"in 1998\", \"fiscal 1990\": a year, when the words around make it one",
        patterns: &[
            r"(?i)(?-u:\b)(?:(early|mid|late|fiscal|the end of|the beginning of|the start of)[- ])?((?:1[6-9]|20)\d\d)(?-u:\b)(?:\s*-\s*\d\d(?-u:\b))?",
        ],
        normalise: years::year,
    },
    RuleDef {
        rule: Rule::Decade,
        reason: "\"the 1990s\": a decade, by its first three digits",
        patterns: &[r"(?i)(?-u:\b)(?:the\s+)?(?:(early|mid|late)[- ])?((?:1[6-9]|20)\d)0'?s(?-u:\b)"],
        normalise: years::decade,
    },
    RuleDef {
        rule: Rule::NumericDate,
        reason: "\"12/7/2016\": a full date, month first where that makes a date",
        patterns: &[r"(?-u:\b)(\d{1,2})/(\d{1,2})/((?:19|20)?\d\d)(?-u:\b)"],
        normalise: dates::numeric,
    },
    RuleDef {
        rule: Rule::IsoDate,
        reason: "\"2016-12-07\": an ISO date",
        patterns: &[r"(?-u:\b)((?:19|20)\d\d)-(\d\d)-(\d\d)(?-u:\b)"],
        normalise: dates::iso,
    },
    RuleDef {
        rule: Rule::Weekday,
        reason: "\"on Friday\", \"next Tuesday\", \"this Sat night\": the weekday the tense points to",
        patterns: &[
            r"(?i)(?-u:\b)(?:(last|next|this|coming|past|the previous|the following)\s+)?(%WEEKDAYS%)(?:\s+(morning|afternoon|evening|night))?(?-u:\b)",
            // Abbreviated weekdays only after a word that makes them days ("this Sat", "on Thurs").
            r"(?i)(?-u:\b)(?:(last|next|this|on)\s+)(mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?(?:\s+(morning|afternoon|evening|night))?(?-u:\b)",
        ],
        normalise: deictic::weekday,
    },
    RuleDef {
        rule: Rule::DayWord,
        reason: "\"yesterday\", \"tomorrow\", \"tmrw\": a day counted from the creation date",
        patterns: &[
            r"(?i)(?-u:\b)(?:(?:early|late) )?(today|yesterday|tomorrow|tmrw?|trmw|tomo(?:rrow|lo)?|2mor+ow|2moro|the day before yesterday|the day after tomorrow)(?-u:\b)",
        ],
        normalise: deictic::day_word,
    },
    RuleDef {
        rule: Rule::PartOfDay,
        reason: "\"this morning\", \"last night\", \"midday\": a part of a day near the creation date",
        patterns: &[
            r"(?i)(?-u:\b)(tonight|this (?:morning|afternoon|evening)|last night|yesterday (?:morning|afternoon|evening)|(?:midday|mid[- ]?(?:afternoon|morning))(?: yesterday| today)?)(?-u:\b)",
        ],
        normalise: deictic::part_of_day,
    },
    RuleDef {
        rule: Rule::NarrativeYear,
        reason: "\"that year\", \"the following month\", \"the same year\", \"the previous week\", \"the next spring\": counted from the last one the text named",
        patterns: &[
            r"(?i)(?-u:\b)(?:(?:later|earlier|early|late) )?(that|the following|that same|the same|the previous|the preceding|the prior) (year|month|week)(?-u:\b)",
            r"(?i)(?-u:\b)(?:(?:later|earlier|early|late) )?(that|the following|the next) (spring|summer|fall|autumn|winter)(?-u:\b)",
            // "the next year it was rebuilt": a date; "over the next year" stays a span.
            r"(?i)(?-u:\b)(?:(?:later|earlier|early|late) )?(the next) (year|month)(?-u:\b)",
        ],
        normalise: references::narrative_unit,
    },
    RuleDef {
        rule: Rule::RelativeUnit,
        reason: "\"last week\", \"next year\", \"the past month\": a unit from the creation date, or a span of one",
        patterns: &[
            r"(?i)(?-u:\b)(?:(earlier|later|early|late|mid)[- ])?(this|last|next|the past|the previous|the coming|the following|the same|the current|the next) (?:fiscal )?(week|weekend|month|year|quarter|decade|century|summer|spring|fall|autumn|winter)(?-u:\b)",
        ],
        normalise: deictic::relative_unit,
    },
    RuleDef {
        rule: Rule::Ago,
        reason: "\"two days ago\", \"a year from now\": the creation date moved by a span",
        patterns: &[
            r"(?i)(?-u:\b)(?:(?:nearly|almost|about|more than|less than|at least|some) )?(%NUMBER_WORDS%)\s+(%UNITS%)(?:\s+or\s+so)?\s+(ago|earlier|from now)(?-u:\b)",
        ],
        normalise: deictic::ago,
    },
    RuleDef {
        rule: Rule::Present,
        reason: "\"now\", \"currently\": the present",
        patterns: &[
            r"(?i)(?-u:\b)(now|currently|at present|these days|nowadays|the present|at the moment|at this time|right now)(?-u:\b)",
        ],
        normalise: references::present,
    },
    RuleDef {
        rule: Rule::Past,
        reason: "\"recently\", \"in recent months\": the past, or an unknown number of the unit",
        patterns: &[
            r"(?i)(?-u:\b)(recently|in the past|in recent (?:days|weeks|months|quarters|years)|lately|(?:the )?coming (?:days|weeks|months|years)|the (?:days|weeks|months|years) ahead)(?-u:\b)",
        ],
        normalise: references::past,
    },
    RuleDef {
        rule: Rule::Clock,
        reason: "\"9 a.m.\", \"6.15pm\", \"noon Friday\", \"5 p.m. EST Dec. 9\": a clock time on the day named or the creation date",
        patterns: &[
            r"(?i)(?-u:\b)(?:(\d{1,2})(?:[:.](\d\d))?\s*(a\.m\.|p\.m\.|am(?-u:\b)|pm(?-u:\b))|(noon|midnight)(?-u:\b))(?-i:\s+[A-Z]{1,3}T(?-u:\b))?(?:,?\s+(%WEEKDAYS%)(?-u:\b))?(?:,?\s+(%MONTHS%)\s+(\d{1,2})(?-u:\b))?",
        ],
        normalise: deictic::clock,
    },
    RuleDef {
        rule: Rule::Duration,
        reason: "\"three weeks\", \"a 48-hour ceasefire\", \"2 1/2 years\": a span of time",
        patterns: &[
            r"(?i)(?-u:\b)(?:the\s+)?(?:(?:past|last|next|first|coming|previous|nearly|almost|about|some|more than|less than|no more than|over|at least|up to)\s+)*(%NUMBER_WORDS%|a couple of|couple of|an additional)(\s+1/2|[-\s]+and[-\s]+a[-\s]+half)?(?:[-\s]+(?:more|additional|trading|business|working|straight|consecutive))?[-\s](%UNITS%)(\s+and\s+a\s+half)?(?:[-\s]long)?(?-u:\b)",
        ],
        normalise: spans::duration,
    },
    RuleDef {
        rule: Rule::Set,
        reason: "\"every day\", \"each Thursday\", \"weekly\", \"$2 million a year\": a repetition",
        patterns: &[
            r"(?i)(?-u:\b)(every|each|per|a) (day|week|month|year|decade|century|morning|night|evening|hour|minute|quarter|spring|summer|autumn|fall|winter|%WEEKDAYS%|%MONTHS%)(?-u:\b)|(?-u:\b)(daily|weekly|monthly|yearly|hourly|nightly)(?-u:\b)",
            // "a once-a-decade review", "a twice-a-year audit": the rate written as one word.
            r"(?i)(?-u:\b)(a)-(day|week|month|year|decade|century)(?-u:\b)",
        ],
        normalise: spans::set,
    },
    RuleDef {
        rule: Rule::Season,
        reason: "\"the summer of 1998\": a season of a year",
        patterns: &[
            r"(?i)(?-u:\b)(?:(early|late|mid)[- ])?(?:the )?(summer|spring|fall|autumn|winter)(?: of)? ((?:1[6-9]|20)\d\d)(?-u:\b)",
        ],
        normalise: parts::season,
    },
    RuleDef {
        rule: Rule::Quarter,
        reason: "\"the third quarter\", \"1988 second quarter\": a quarter of the year given, implied or just past",
        patterns: &[
            r"(?i)(?-u:\b)(?:the )?(?:fiscal )?(?:((?:19|20)\d\d) |(this|last|next) year(?:'s|’s) )?(first|second|third|fourth|final|last)[- ]quarter(?: of ((?:19|20)\d\d))?(?-u:\b)",
        ],
        normalise: parts::quarter,
    },
    RuleDef {
        rule: Rule::QuarterRelative,
        reason: "\"the latest quarter\", \"the year-ago period\": the quarter a report speaks of",
        patterns: &[
            r"(?i)(?-u:\b)the (?:(latest|last|previous|current|same|year-earlier|year-ago|comparable|fiscal|(?:19|20)\d\d) )?(quarter|period)(?-u:\b)|(?-u:\b)(year-earlier|year-ago) (?:quarter|period)(?-u:\b)",
        ],
        normalise: parts::quarter_relative,
    },
    RuleDef {
        rule: Rule::Reference,
        reason: "\"current\", \"the future\", \"the past\": the present, future or past in general",
        patterns: &[
            r"(?i)(?-u:\b)(current|the (?:near |distant )?future|in future|the past|now and then|the (?:near|short) term)(?-u:\b)",
        ],
        normalise: references::reference,
    },
    RuleDef {
        rule: Rule::Narrative,
        reason: "\"the previous day\", \"the same day\", \"that night\": a day counted from the last full date",
        patterns: &[
            r"(?i)(?-u:\b)the (previous|preceding|following|next) (?:day|morning|afternoon|evening|night)(?-u:\b)|(?-u:\b)the day (before|after)(?-u:\b)|(?-u:\b)(?:(?:earlier|later) that|(?:later |earlier )?(?:that|the) same) day(?-u:\b)|(?-u:\b)(?:(?:earlier|later) )?that (?:morning|afternoon|evening|night)(?-u:\b)",
        ],
        normalise: references::narrative_day,
    },
    RuleDef {
        rule: Rule::Vague,
        reason: "\"for years\", \"within days\": an unknown number of the unit",
        patterns: &[r"(?i)(?-u:\b)(?:for|over|within|in) (days|weeks|months|years|decades)(?-u:\b)"],
        normalise: spans::vague,
    },
    RuleDef {
        rule: Rule::SpelledYear,
        reason: "\"nineteen ninety-six\", \"the year two thousand\": a year in words",
        patterns: &[
            r"(?i)(?-u:\b)(?:the year )?(?:(nineteen)[- ](ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](one|two|three|four|five|six|seven|eight|nine))?|(two thousand)(?:(?: and)? (one|two|three|four|five|six|seven|eight|nine))?)(?-u:\b)",
        ],
        normalise: years::spelled_year,
    },
    RuleDef {
        rule: Rule::SeasonBare,
        reason: "\"over the summer\", \"this past spring\", \"by spring\": a season of the year the tense points to",
        patterns: &[
            r"(?i)(?-u:\b)(this past |the (?:(?:early|late|mid)[- ])?)(summer|spring|fall|autumn|winter)(?-u:\b)",
            // A season with no article after a preposition of time ("in winter", "by
            // late spring"); not "fall", a verb as often.
            r"(?i)(?-u:\b)()(?:(?:early|late|mid)[- ])?(summer|spring|autumn|winter)(?-u:\b)",
        ],
        normalise: parts::season_bare,
    },
    RuleDef {
        rule: Rule::Century,
        reason: "\"the 20th century\", \"the nineties\": a century, or a decade of the century implied",
        patterns: &[
            r"(?i)(?-u:\b)(?:the )?(?:(?:early|mid|late)[- ])?(\d{1,2})(?:st|nd|rd|th)[- ]century(?-u:\b)|(?-u:\b)the (twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?-u:\b)",
        ],
        normalise: years::century,
    },
    RuleDef {
        rule: Rule::SetEvery,
        reason: "\"every three minutes\", \"every other day\": a repetition with that period",
        patterns: &[r"(?i)(?-u:\b)(?:every|each) (%NUMBER_WORDS%|other) (%UNITS%)(?-u:\b)"],
        normalise: spans::set_every,
    },
    RuleDef {
        rule: Rule::Weekend,
        reason: "\"the weekend\": the one just past, or the next in the future tense",
        patterns: &[r"(?-u:\b)[Tt]he weekend(?-u:\b)"],
        normalise: deictic::weekend,
    },
    RuleDef {
        rule: Rule::YearEnd,
        reason: "\"by year-end\": the current year",
        patterns: &[r"(?i)(?-u:\b)(?:around )?(?:the )?(?:year[- ]end|year's end|end of the year)(?-u:\b)"],
        normalise: years::year_end,
    },
    RuleDef {
        rule: Rule::PeriodPoint,
        reason: "\"the end of the month\" and \"the start of the week\" said of now: the current month or week (a point of it is TimeML's MOD)",
        patterns: &[r"(?i)(?-u:\b)(?:the )?(?:very )?(?:start|beginning|middle|end|close) of the (month|week)(?-u:\b)"],
        normalise: years::period_point,
    },
    RuleDef {
        rule: Rule::MonthRelYear,
        reason: "\"January this year\", \"July last year\": a month of a year counted from the creation date",
        patterns: &[r"(?-u:\b)(?:(?:early|mid|late)[- ])?(%MONTHS%),? (this|last|next) year(?-u:\b)"],
        normalise: months::month_this_year,
    },
    RuleDef {
        rule: Rule::Half,
        reason: "\"the first half of 1989\", \"the second half of the year\": a half year (a half decade is the decade)",
        patterns: &[
            r"(?i)(?-u:\b)(?:the )?(?:(first|second|last|latter) half|(first two|last two) quarters)(?: of ((?:19|20)\d\d)| of (?:the|this) year)?(?-u:\b)",
        ],
        normalise: parts::half,
    },
    RuleDef {
        rule: Rule::YearAgo,
        reason: "\"year-earlier results\": the year before, or its quarter in a quarterly report; \"the year-ago nine months\": the span it modifies",
        patterns: &[
            r"(?i)(?-u:\b)year-(?:ago|earlier)(?-u:\b)",
            // The time noun it modifies is in the extent: a counted span, or a quarter.
            r"(?i)(?-u:\b)(?:the )?year-(?:ago|earlier) (%NUMBER_WORDS%) (%UNITS%)(?-u:\b)",
            r"(?i)(?-u:\b)(?:the )?year-(?:ago|earlier) (first|second|third|fourth) quarter(?-u:\b)",
        ],
        normalise: years::year_ago,
    },
    RuleDef {
        rule: Rule::TheYear,
        reason: "\"the year\" in a dated report: the current year (\"the year ended June 30\": twelve months)",
        patterns: &[r"(?-u:\b)[Tt]he (?:full |fiscal |calendar )?year(?-u:\b)"],
        normalise: years::the_year,
    },
    RuleDef {
        rule: Rule::Holiday,
        reason: "\"Christmas\", \"Labor Day\": the nearest such day; \"Christmas 1914\": that year's",
        patterns: &[
            r"(?-u:\b)(Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year's(?: Day| Eve)?|Independence Day|Labor Day|Memorial Day|Veterans Day|Election Day|Halloween|Valentine's Day)(?:,? ((?:1[6-9]|20)\d\d))?(?-u:\b)",
        ],
        normalise: dates::holiday,
    },
    RuleDef {
        rule: Rule::WeekdaysPlural,
        reason: "\"on Mondays\", \"Tuesday nights\": a weekday of every week (TimeML: a plural is a SET)",
        patterns: &[r"(?-u:\b)(%WEEKDAYS%)(?:s|\s+(?:morning|afternoon|evening|night)s)(?-u:\b)"],
        normalise: spans::weekdays_plural,
    },
    RuleDef {
        rule: Rule::SeasonsCounted,
        reason: "\"the past three summers\": a season of each of several years (a season is no unit of length: a SET)",
        patterns: &[
            r"(?i)(?-u:\b)(?:the )?(?:(?:past|last|next|coming|previous|first) )?(%NUMBER_WORDS%) (summer|winter|autumn)s(?-u:\b)",
        ],
        normalise: parts::seasons_counted,
    },
];

/// A normalised match: its type, its value (or one to resolve in text order), and whether
/// the creation date anchored it.
pub(super) struct Normalised {
    pub(super) kind: TimexType,
    pub(super) value: Resolved,
    pub(super) anchored: bool,
}

impl Normalised {
    fn new(kind: TimexType, value: TimeValue, anchored: bool) -> Option<Normalised> {
        Some(Normalised {
            kind,
            value: Resolved::Value(value),
            anchored,
        })
    }

    fn date(value: TimeValue, anchored: bool) -> Option<Normalised> {
        Normalised::new(TimexType::Date, value, anchored)
    }

    /// A date resolved later, against what the text named before it.
    fn pending(p: Pending) -> Option<Normalised> {
        Some(Normalised {
            kind: TimexType::Date,
            value: Resolved::Pending(p),
            anchored: true,
        })
    }
}

/// How far on either side of a match [`Ctx::near`] reads its sentence: more than a long
/// news sentence (about 60 words) holds.
const NEAR_REACH: usize = 400;

/// A match in its context.
pub(super) struct Ctx<'a> {
    caps: &'a Captures<'a>,
    start: usize,
    end: usize,
    /// The creation date.
    dct: Option<NaiveDate>,
    sent: Span,
    /// The sentence holding the match (it gives tense and context).
    sentence: &'a str,
    /// The text before and after the match.
    before: &'a str,
    after: &'a str,
    /// The word just before, lower case.
    word_before: String,
    /// Whether the document speaks of quarters (financial reports).
    text_has_quarter: bool,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(
        caps: &'a Captures<'a>,
        text: &'a str,
        dct: Option<NaiveDate>,
        sent: Span,
        text_has_quarter: bool,
    ) -> Ctx<'a> {
        let m = caps.get(0).expect("a match");
        let before = &text[..m.start()];
        Ctx {
            caps,
            start: m.start(),
            end: m.end(),
            dct,
            sent,
            sentence: sent.slice(text).unwrap_or(text),
            before,
            after: &text[m.end()..],
            word_before: before.split_whitespace().next_back().unwrap_or("").to_lowercase(),
            text_has_quarter,
        }
    }

    /// Capture group `i`.
    fn g(&self, i: usize) -> Option<&'a str> {
        self.caps.get(i).map(|m| m.as_str())
    }

    /// The whole match.
    fn matched(&self) -> &'a str {
        self.caps.get(0).map_or("", |m| m.as_str())
    }

    fn next_char(&self) -> Option<char> {
        self.after.chars().next()
    }

    /// "in May", "since 1998": a preposition that makes the next word a time.
    fn time_prep(&self) -> bool {
        TIME_PREPOSITIONS.contains(&self.word_before)
    }

    /// The tense around the expression, when a word near it says.
    fn tense(&self) -> Option<bool> {
        let (start, end) = self.sentence_offsets()?;
        tense_at(self.sentence, start, end)
    }

    /// Whether the event lies ahead: the tense near it, else any sign of the future in the
    /// sentence around it ([`Ctx::near`]).
    fn future(&self) -> bool {
        self.tense().unwrap_or_else(|| future_tense(self.near()))
    }

    /// The sentence around the match, at most [`NEAR_REACH`] bytes on either side of it: what
    /// the rules that read the sentence for context (a future tense, a financial report)
    /// scan, so that a text with no sentence ends and many expressions is not read once
    /// per expression from end to end.
    fn near(&self) -> &'a str {
        let Some(local) = self.sentence_offsets() else {
            return self.sentence;
        };
        let mut from = local.0.saturating_sub(NEAR_REACH);
        while !self.sentence.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (local.1 + NEAR_REACH).min(self.sentence.len());
        while !self.sentence.is_char_boundary(to) {
            to += 1;
        }
        &self.sentence[from..to]
    }

    /// The match's offsets inside the sentence, when it lies inside it.
    fn sentence_offsets(&self) -> Option<(usize, usize)> {
        (self.sent.start <= self.start && self.end <= self.sent.end && self.sent.len() == self.sentence.len())
            .then(|| (self.start - self.sent.start, self.end - self.sent.start))
    }

    /// Money, scores, measures and ids are not dates: "$2016", "#1999", "555-1999".
    fn after_money_or_measure(&self) -> bool {
        matches!(
            self.before.chars().next_back(),
            Some('$' | '#' | '£' | '€' | '/' | '-' | '.' | ',' | ':')
        )
    }
}

/// The value of a match of `rule`'s pattern.
pub(super) fn normalise(
    def: &RuleDef,
    caps: &Captures,
    text: &str,
    dct: Option<NaiveDate>,
    sent: Span,
    text_has_quarter: bool,
) -> Option<Normalised> {
    (def.normalise)(&Ctx::new(caps, text, dct, sent, text_has_quarter))
}

/// A day of which nothing is known (`XXXX-XX-XX`): a weekday with no creation date.
const UNKNOWN_DAY: TimeValue = TimeValue::Day {
    year: None,
    month: None,
    day: None,
    time: None,
};

/// Whether `w` names a season.
fn season_word(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "spring" | "summer" | "fall" | "autumn" | "winter"
    )
}

/// The season a (lower-case) name names; "fall" and "autumn" are one.
fn season_named(name: &str) -> Season {
    match name {
        "summer" => Season::Summer,
        "spring" => Season::Spring,
        "winter" => Season::Winter,
        _ => Season::Fall,
    }
}

/// Whether a sentence reports quarterly results: the document speaks of a quarter and
/// the sentence of money or rates, not of a longer period ("for the nine months, net rose
/// … from a year earlier" compares years).
fn quarterly(c: &Ctx) -> bool {
    use regex::Regex;
    use std::sync::LazyLock;
    static FIN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)[$%#]|(?-u:\b)(?:cents|net|earn(?:ed|ings)|revenue|sales|profits?|loss|income|dividends?)(?-u:\b)")
            .expect("financial words")
    });
    static LONGER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?-u:\b)(?:nine|six|twelve|12) months|(?-u:\b)(?:first|second) half|(?-u:\b)(?:full|fiscal) year")
            .expect("longer periods")
    });
    let sentence = c.near();
    (sentence.contains("quarter") || c.text_has_quarter && FIN.is_match(sentence))
        && !LONGER.is_match(sentence)
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
    // "once-" of "once-a-decade" is the word "once".
    let prev = before.split_whitespace().next_back().unwrap_or("");
    let prev = prev.strip_suffix('-').unwrap_or(prev);
    if prev.ends_with([',', ';', ':', '.']) {
        return false;
    }
    let amount = prev.chars().any(|ch| ch.is_ascii_digit()) || RATE_AMOUNTS.contains(prev);
    let plural_noun = prev.len() > 3
        && prev.ends_with('s')
        && !prev.ends_with("ss")
        && prev.chars().all(|ch| ch.is_ascii_lowercase())
        && !lexicon::is_function_word(prev)
        && !matches!(
            prev,
            "does" | "was" | "has" | "is" | "this" | "its" | "his" | "as"
        );
    amount || plural_noun || acronym_plural(prev)
}

/// "CDs", "PCs", "ATMs": a plural count noun written as an acronym, which makes the "a
/// year" after it a rate ("fifty thousand CDs a year") as a lower-case plural does.
fn acronym_plural(word: &str) -> bool {
    word.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && stem.chars().all(|ch| ch.is_ascii_uppercase()))
}

#[cfg(test)]
pub(super) mod testing {
    use chrono::NaiveDate;

    use super::Rule;
    use crate::span::Span;
    use crate::time::resolve::find_with;
    use crate::time::TimexType;

    /// What `rule` alone finds in `text` against the creation date `dct` (`""` for none):
    /// (surface, type, value).
    pub(crate) fn only(rule: Rule, text: &str, dct: &str) -> Vec<(String, TimexType, String)> {
        let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
        let s = [Span::new(0, text.len())];
        find_with(text, dct, &s, |r| r == rule)
            .into_iter()
            .map(|t| {
                (
                    t.span.slice(text).unwrap().to_string(),
                    t.kind,
                    t.value.to_string(),
                )
            })
            .collect()
    }

    /// The values `rule` alone gives in `text`.
    pub(crate) fn values(rule: Rule, text: &str, dct: &str) -> Vec<String> {
        only(rule, text, dct).into_iter().map(|t| t.2).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_rule_once_with_a_reason_and_a_pattern() {
        for (i, def) in RULES.iter().enumerate() {
            assert!(
                RULES[..i].iter().all(|d| d.rule != def.rule),
                "{:?} twice",
                def.rule
            );
            assert!(def.reason.len() > 20, "{:?}: no reason", def.rule);
            assert!(!def.patterns.is_empty(), "{:?}: no pattern", def.rule);
        }
        assert_eq!(
            RULES.len(),
            Rule::SeasonsCounted as usize + 1,
            "every rule has an entry"
        );
    }

    #[test]
    fn rates_and_spans() {
        assert!(is_rate("it earns $2 million", " for the town"));
        assert!(is_rate("ferries sail twice", ""));
        assert!(is_rate("four sailings", " in summer"));
        assert!(!is_rate("in 2012,", " after the flood"));
        assert!(!is_rate("it came", " later"));
        assert!(!is_rate("this", ""));
        assert!(is_rate("the plant presses ten thousand LPs", " now"));
        assert!(!is_rate("it came from the US", ""));
        assert!(!is_rate("it came from the Is", ""));
    }
}
