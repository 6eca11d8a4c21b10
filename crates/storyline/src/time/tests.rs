//! The stage as a whole, on invented sentences: expressions, their values and extents.

use chrono::NaiveDate;

use super::*;

fn run(text: &str, dct: &str) -> Vec<(String, TimexType, String)> {
    let dct = NaiveDate::parse_from_str(dct, "%Y-%m-%d").ok();
    let s = [Span::new(0, text.len())];
    find(text, dct, &s)
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
fn grouped_thousands_count_whole_and_a_clock_before_a_zone_is_no_year() {
    // "1,200 hours" was "200 hours" and "1,000 years" "000 years".
    has_all(
        "Crews logged 1,200 hours over 2,500 days; the levee stood for 1,000 years.",
        "2021-10-20",
        &[
            ("1,200 hours", TimexType::Duration, "PT1200H"),
            ("2,500 days", TimexType::Duration, "P2500D"),
            ("1,000 years", TimexType::Duration, "P1000Y"),
        ],
    );
    // Rule `clock_not_year`: a 24-hour time before a zone is not the year 2000 or 1645.
    let t = run(
        "Polls close at 2000 GMT, the count starts at 2100 local time and the peak was 1645 BST in 2019.",
        "2021-10-20",
    );
    assert_eq!(
        t,
        [("2019".to_string(), TimexType::Date, "2019".to_string())],
        "{t:?}"
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
fn a_history_of_an_older_century() {
    // A history page written long after: old seasons, centuries with their modifier,
    // "the same day" from the last date named, and a repetition that takes no year.
    has_all(
        "The revolt broke out in the spring of 1808. On 3 May 1809 the garrison fled, and \
         the same day the bridge burned. By the late 18th century the port had grown. The \
         previous year had been calm. Every March and each autumn the guilds met.",
        "2020-01-01",
        &[
            ("the spring of 1808", TimexType::Date, "1808-SP"),
            ("3 May 1809", TimexType::Date, "1809-05-03"),
            ("the same day", TimexType::Date, "1809-05-03"),
            ("the late 18th century", TimexType::Date, "17"),
            ("The previous year", TimexType::Date, "1808"),
            ("Every March", TimexType::Set, "XXXX-03"),
            ("each autumn", TimexType::Set, "XXXX-FA"),
        ],
    );
    has_all(
        "The war lasted from 1941–1945. On June 17th, 1943 the capital was encircled, and that \
         night the palace burned; the following evening the rain came. Early the next year, \
         talks began.",
        "2020-01-01",
        &[
            ("1941", TimexType::Date, "1941"),
            ("1945", TimexType::Date, "1945"),
            ("that night", TimexType::Date, "1943-06-17"),
            ("the following evening", TimexType::Date, "1943-06-18"),
            ("Early the next year", TimexType::Date, "1944"),
        ],
    );
}

#[test]
fn the_same_and_the_previous_unit_count_from_the_last_named() {
    // From the year or month the text named, not from the creation date.
    has_all(
        "In 1987 the quay flooded; the same year it was raised. In May 1990 it cracked; \
         that same month it was shut. The previous year it had been painted.",
        "2011-02-03",
        &[
            ("the same year", TimexType::Date, "1987"),
            ("that same month", TimexType::Date, "1990-05"),
            ("The previous year", TimexType::Date, "1989"),
        ],
    );
    // Without a named year, the creation date's.
    has_all(
        "The quay flooded; the prior year it had cracked.",
        "2011-02-03",
        &[("the prior year", TimexType::Date, "2010")],
    );
}

#[test]
fn publication_date_from_a_photo_caption() {
    let text = "Talks failed on Wednesday. The ministers are set to meet Thursday.";
    let caption = ["Residents leave the old town on December 7, 2016"];
    let got = infer_published(text, &caption).unwrap();
    assert_eq!(got.date, NaiveDate::from_ymd_opt(2016, 12, 7).unwrap());
    assert_eq!(got.confidence, 0.4);
    // No full date anywhere: unknown, whatever the weekdays.
    assert_eq!(infer_published(text, &[]), None);
    // A date alone on a line is no photo's caption (a correction's day, an event's).
    assert_eq!(infer_published(text, &["Friday, December 9, 2016."]), None);
    // A later full date in the reporting: the photo may be older than the page.
    assert_eq!(
        infer_published("The talks of March 3, 2017 failed.", &caption),
        None
    );
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
        "The mayor said on Quayside Radio's \"This Week\" that the request mattered.",
        "She spoke on Lantern TV's ''90 Minutes.''",
        "The poster showed a sheriff from the western Dry Noon.",
        "Such tunes are to today's youth what sea shanties were to the dockers.",
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

#[test]
fn each_expression_names_its_rule() {
    let text = "The ferry returned on 3 May 2019, two weeks after the storm, and sails daily.";
    let found = find(
        text,
        NaiveDate::from_ymd_opt(2019, 5, 20),
        &[Span::new(0, text.len())],
    );
    let rules: Vec<(&str, Option<TimexRule>)> = found
        .iter()
        .map(|t| (t.span.slice(text).unwrap(), t.rule))
        .collect();
    assert_eq!(
        rules,
        [
            ("3 May 2019", Some(TimexRule::DayMonthYear)),
            ("two weeks", Some(TimexRule::Duration)),
            ("daily", Some(TimexRule::Set)),
        ]
    );
    // Written in snake case, and read back.
    let json = serde_json::to_string(&found[0]).unwrap();
    assert!(json.contains(r#""rule":"day_month_year""#), "{json}");
    assert_eq!(serde_json::from_str::<Timex>(&json).unwrap(), found[0]);
}

/// The surfaces found in `text`.
fn surfaces(text: &str, dct: &str) -> Vec<String> {
    run(text, dct).into_iter().map(|t| t.0).collect()
}

#[test]
fn a_duration_before_a_noun_leaves_the_article_to_the_noun() {
    let t = surfaces(
        "The nine-year dispute ended with a 12-hour hearing and the three day festival; \
         the two weeks of rain were over and a week later the seven-month survey began.",
        "2021-06-01",
    );
    for want in [
        "nine-year",
        "12-hour",
        "three day",
        "the two weeks",
        "a week",
        "seven-month",
    ] {
        assert!(t.contains(&want.to_string()), "{want}: {t:?}");
    }
}

#[test]
fn modifiers_of_quantity_and_approximation_are_part_of_the_expression() {
    let t = surfaces(
        "The pumps ran for more than six hours and stopped around 9:40 p.m.; the canal has \
         leaked for at least the past 14 months and will stay shut for the next month or so, \
         perhaps until 2031 or later. Pilots travelled around the lagoon.",
        "2021-06-01",
    );
    for want in [
        "more than six hours",
        "around 9:40 p.m.",
        "at least the past 14 months",
        "the next month or so",
        "2031 or later",
    ] {
        assert!(t.contains(&want.to_string()), "{want}: {t:?}");
    }
    // "Around" as a preposition of place takes nothing in; "about" stays outside.
    let t = surfaces(
        "Crews worked around the weekend and about two days ago.",
        "2021-06-01",
    );
    assert!(t.contains(&"two days ago".to_string()), "{t:?}");
    assert!(t.iter().all(|s| !s.starts_with("around")), "{t:?}");
}

#[test]
fn a_history_counts_seasons_and_next_years_from_the_year_it_named() {
    let text = "Salt traders founded the hamlet of Orrick in 1712. In 1744 a fire took the \
                wharf, and that year the council moved uphill. The following spring, masons \
                began a new quay, opened on 3 June 1746. That summer the fleet doubled; the \
                next year the guild hall was rebuilt. The mill shut in 1791, and the next \
                winter the weavers left.";
    let want = [
        ("that year", TimexType::Date, "1744"),
        ("The following spring", TimexType::Date, "1745-SP"),
        ("That summer", TimexType::Date, "1746-SU"),
        ("the next year", TimexType::Date, "1747"),
        ("the next winter", TimexType::Date, "1791-WI"),
    ];
    // Without a creation date, and with one centuries later.
    has_all(text, "", &want);
    has_all(text, "2020-05-01", &want);
    // A span stays a span: "over the next year", "the next year or so".
    has_all(
        "Rates will fall over the next year, and the plant will close the next year or so.",
        "2020-05-01",
        &[("the next year", TimexType::Duration, "P1Y")],
    );
}

#[test]
fn a_modifier_search_never_cuts_a_character() {
    // Wide characters right before an expression: no modifier, no panic.
    for text in ["ééééééé 3 hours", "日本語の 2 weeks", "ééé\u{a0}nearly 3 hours"] {
        let t = surfaces(text, "2021-06-01");
        assert!(
            t.iter().any(|s| s.ends_with("hours") || s.ends_with("weeks")),
            "{t:?}"
        );
    }
}

#[test]
fn plural_weekdays_repeat() {
    has_all(
        "The night bus runs on Fridays, and the choir meets Wednesday evenings; it met on Wednesday.",
        "2021-06-04",
        &[
            ("Fridays", TimexType::Set, "XXXX-WXX-5"),
            ("Wednesday evenings", TimexType::Set, "XXXX-WXX-3"),
            ("Wednesday", TimexType::Date, "2021-06-02"),
        ],
    );
}

#[test]
fn a_quarter_of_an_amount_is_no_span_of_time() {
    for text in [
        "The fare is now a quarter higher than in spring.",
        "Orders came in a quarter lower than forecast.",
        "Thefts fell by a quarter across the county.",
        "Rainfall was three-quarters above the average.",
    ] {
        assert!(
            run(text, "2021-04-02").iter().all(|t| !t.2.contains('Q')),
            "{text}: {:?}",
            run(text, "2021-04-02")
        );
    }
    has_all(
        "The rollout was delayed by a quarter.",
        "2021-04-02",
        &[("a quarter", TimexType::Duration, "P1Q")],
    );
}

#[test]
fn month_words_are_whole_or_cut_short_names() {
    for w in ["May", "Sept.", "december", "jan"] {
        assert!(super::is_month_word(w), "{w}");
    }
    for w in ["mayor", "marches", "junior", "decades"] {
        assert!(!super::is_month_word(w), "{w}");
    }
}

#[test]
fn a_point_of_a_date_is_part_of_it_and_not_of_a_span() {
    // TimeML's MOD (START, MID, END): the extent takes the point in, the value is the date's.
    has_all(
        "Crews return by the end of this week, after the middle of October the quay shuts, \
         and the quay masons finish ere the end of the month.",
        "2031-05-06",
        &[
            ("the end of this week", TimexType::Date, "2031-W19"),
            ("the middle of October", TimexType::Date, "2031-10"),
            ("the end of the month", TimexType::Date, "2031-05"),
        ],
    );
    // A span keeps its own extent: the end of a lease is the lease's.
    let got = run("The yard was sold at the end of the 99-year lease.", "2031-05-06");
    assert!(got.iter().any(|(_, k, _)| *k == TimexType::Duration), "{got:?}");
    assert!(got.iter().all(|(t, ..)| !t.starts_with("the end of")), "{got:?}");
}

#[test]
fn tonight_is_the_night_of_the_creation_day() {
    has_all(
        "The ferry sails tonight.",
        "2031-05-06",
        &[("tonight", TimexType::Time, "2031-05-06TNI")],
    );
}

#[test]
fn last_after_a_modal_is_the_verb_and_not_the_past() {
    // Rule `last_as_verb` (tense): a month near the creation date stays ahead.
    assert_eq!(
        value("The strike could last into December.", "2031-11-09"),
        "2031-12"
    );
    assert_eq!(
        value("The strike is not expected to last into December.", "2031-11-09"),
        "2031-12"
    );
    // "last" as the past's word still looks back.
    assert_eq!(value("The strike began last December.", "2031-11-09"), "2030-12");
}

/// Rule `period_parts`: a period in parts is one expression; two periods of one unit, or
/// apart in a list, stay two.
#[test]
fn a_period_written_in_parts_is_one_expression() {
    let t = run(
        "The crew's record is 3 minutes 49.2 seconds. The strike lasted two years and five months. \
         The ferry took two hours, then three hours.",
        "2031-05-02",
    );
    assert_eq!(
        t,
        [
            (
                "3 minutes 49.2 seconds".into(),
                TimexType::Duration,
                "PT3M49.2S".into()
            ),
            (
                "two years and five months".into(),
                TimexType::Duration,
                "P2Y5M".into()
            ),
            ("two hours".into(), TimexType::Duration, "PT2H".into()),
            ("three hours".into(), TimexType::Duration, "PT3H".into()),
        ]
    );
}

/// Rule `second_day`: the second day of "September 2 and 3" is a date of its own, in the
/// first one's month and year; a number after "and" that goes on ("4 and 5 others") or
/// comes before the first day is no day.
#[test]
fn a_second_day_after_and_is_a_date_of_its_own() {
    has_all(
        "The walkouts, on September 2 and 3, shut the depots. Talks were held Oct. 9 or 10.",
        "2031-11-20",
        &[
            ("September 2", TimexType::Date, "2031-09-02"),
            ("3", TimexType::Date, "2031-09-03"),
            ("Oct. 9", TimexType::Date, "2031-10-09"),
            ("10", TimexType::Date, "2031-10-10"),
        ],
    );
    let t = run(
        "Crews came on March 4 and 5 others left. It was May 9 and 2 more came.",
        "2031-11-20",
    );
    assert_eq!(t.len(), 2, "{t:?}");
}

/// A clock time with a full stop between hours and minutes, as British papers write it.
#[test]
fn a_clock_time_with_a_full_stop() {
    has_all(
        "The last train leaves at 6.15pm on Friday.",
        "2031-11-20",
        &[("6.15pm", TimexType::Time, "2031-11-21T18:15")],
    );
}

/// Rule `subordinate_after`: the tense of a clause after "if" says nothing of the
/// expression before it.
#[test]
fn a_subordinate_clause_after_the_expression_keeps_its_tense() {
    has_all(
        "The union said it would call a second strike in the autumn if the offer did not improve.",
        "2031-05-02",
        &[("the autumn", TimexType::Date, "2031-FA")],
    );
}

/// Rule `complementizer_that`: "that" after a verb of saying opens a clause, and the
/// season after it is no time named before.
#[test]
fn that_after_a_verb_of_saying_is_no_pointer_to_a_time() {
    let t = run(
        "In 2029 the co-op grew. Growers warned that winter crops could be lost.",
        "2031-05-02",
    );
    assert!(t.iter().all(|(s, _, _)| !s.contains("winter")), "{t:?}");
    has_all(
        "In 2029 the co-op grew. That winter the river froze.",
        "2031-05-02",
        &[("That winter", TimexType::Date, "2029-WI")],
    );
}
