//! The words of time: month and weekday names, spelled numbers, units of duration.

use chrono::Weekday;

use super::value::{Amount, Period, Unit};

/// Month names and their abbreviations, as a regex group.
/// Month names written out in full.
pub(super) const FULL_MONTHS: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
pub(super) const MONTHS: &str = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)";
/// Weekday names, as a regex group.
pub(super) const WEEKDAYS: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
/// A count of units: a spelled or written number, or a vague one ("several").
pub(super) const NUMBER_WORDS: &str = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)(?-u:\b)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a|an|several|a few|few|many|some|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)";
/// Units of duration, as a regex group.
pub(super) const UNITS: &str = r"(?:seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centuries|century)";

/// The month a name or abbreviation names (by its first three letters).
pub(super) fn month_number(s: &str) -> Option<u32> {
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

/// The weekday a name or abbreviation names (by its first three letters).
pub(super) fn weekday(s: &str) -> Option<Weekday> {
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

/// The amount a count names: "three", "twenty-four", "2.5"; "several" is unknown.
pub(super) fn number(s: &str) -> Option<Amount> {
    let l = s.to_lowercase();
    let n: u32 = match l.as_str() {
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
        "several" | "few" | "a few" | "many" | "some" => return Some(Amount::Unknown),
        // "twenty-four", "twenty four".
        _ if l.contains(['-', ' ']) => {
            let (tens, ones) = l.split_once(['-', ' '])?;
            let (tens, ones) = (number(tens)?.whole()?, number(ones)?.whole()?);
            return (tens % 10 == 0 && tens >= 20 && ones < 10)
                .then(|| Amount::Count(f64::from(tens + ones)));
        }
        // Digits, thousands grouped or not ("1,200"; the patterns allow commas only so).
        _ => return Amount::count(l.replace(',', "").parse::<f64>().ok()?),
    };
    Some(Amount::Count(f64::from(n)))
}

/// A period of `n` units named by `unit` ("weeks", "fortnight", "decades").
pub(super) fn period(n: Amount, unit: &str) -> Period {
    let u = unit.to_lowercase();
    let (n, unit) = match u.trim_end_matches('s') {
        "second" => (n, Unit::Second),
        "minute" => (n, Unit::Minute),
        "hour" => (n, Unit::Hour),
        "day" => (n, Unit::Day),
        "week" => (n, Unit::Week),
        "fortnight" => match n.whole() {
            Some(k) => (Amount::Count(f64::from(k)).times(2.0), Unit::Week),
            None => (Amount::Unknown, Unit::Week),
        },
        "month" => (n, Unit::Month),
        "quarter" => (n, Unit::Quarter),
        "year" => (n, Unit::Year),
        "decade" => match n.whole() {
            Some(k) => (Amount::Count(f64::from(k)).times(10.0), Unit::Year),
            None => (Amount::Unknown, Unit::Decade),
        },
        _ => (n, Unit::Century),
    };
    Period::of(n, unit)
}

/// `k` and a half units in the next smaller unit: "2 1/2 years" → P2Y6M.
pub(super) fn half_period(k: u32, unit: &str) -> Option<Period> {
    let u = unit.to_lowercase();
    let (big, half, small) = match u.trim_end_matches('s') {
        "year" => (Unit::Year, 6.0, Unit::Month),
        "month" => (Unit::Month, 15.0, Unit::Day),
        "day" => (Unit::Day, 12.0, Unit::Hour),
        "hour" => (Unit::Hour, 30.0, Unit::Minute),
        "minute" => (Unit::Minute, 30.0, Unit::Second),
        _ => return None,
    };
    Period::new(vec![
        (Amount::Count(f64::from(k)), big),
        (Amount::Count(half), small),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_periods() {
        let p = |n: &str, unit: &str| period(number(n).unwrap(), unit).to_string();
        assert_eq!(p("twenty-four", "hours"), "PT24H");
        assert_eq!(p("several", "years"), "PXY");
        assert_eq!(p("2.5", "days"), "P2.5D");
        assert_eq!(p("three", "fortnights"), "P6W");
        assert_eq!(p("1.5", "fortnights"), "PXW");
        assert_eq!(p("two", "decades"), "P20Y");
        assert_eq!(p("some", "decades"), "PXDE");
        assert_eq!(p("two", "centuries"), "P2CE");
        assert_eq!(p("a", "quarter"), "P1Q");
        assert_eq!(number("thirty-ten"), None);
        assert_eq!(half_period(2, "years").unwrap().to_string(), "P2Y6M");
        assert_eq!(half_period(1, "day").unwrap().to_string(), "P1DT12H");
        assert_eq!(half_period(3, "minutes").unwrap().to_string(), "PT3M30S");
        assert_eq!(half_period(3, "weeks"), None);
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(weekday("Thurs"), Some(Weekday::Thu));
    }
}
