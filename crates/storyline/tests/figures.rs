//! Figures on invented articles from invented outlets: which quantities are claims, what
//! each measures, who is cited, and how claims about one measure line up across outlets.

mod common;

use storyline::claims::{track, Figure, Qualifier, QuantityKind, Trend};
use storyline::ingest::{InputMeta, RawItem};
use storyline::{Article, Pipeline, PipelineConfig};

fn analyse(text: &str, outlet: &str, published: &str) -> Article {
    let pipeline = Pipeline::build(PipelineConfig::default()).unwrap();
    pipeline
        .analyze(RawItem::text(
            format!("{outlet}-{published}.txt"),
            text,
            InputMeta {
                outlet: Some(outlet.into()),
                published: Some(published.into()),
                ..Default::default()
            },
        ))
        .unwrap()
}

/// The unit name of the figure written `written`.
fn unit_of(a: &Article, written: &str) -> Option<String> {
    figure(a, written).unit.as_ref().map(|u| u.name.clone())
}

/// The texts of an article's figures, in order.
fn texts(a: &Article) -> Vec<&str> {
    a.figures.iter().map(|f| f.text.as_str()).collect()
}

fn figure<'a>(a: &'a Article, written: &str) -> &'a Figure {
    a.figures
        .iter()
        .find(|f| f.text.contains(written))
        .unwrap_or_else(|| panic!("no figure {written:?} in {:#?}", a.figures))
}

const HARBOUR_2019: &str = "Fighting resumes in the delta\n\n\
More than 12,000 people have died in the war, according to the Delta Casualty Monitor. \
The monitor said 3,500 civilians were displaced last month alone.\n\n\
A 48-hour truce collapsed on Sunday, and a 34-year-old teacher was among the dead. \
The envoy flew in on an F-16 escort and cited Resolution 2230.";

const COASTLINE_2020: &str = "Envoy warns of a worsening toll\n\n\
The war, which began in 2017 and has spread to the hills, has killed over 20,000 people, \
the envoy Mara Quill told reporters on Tuesday.\n\n\
\"We counted about 900 new graves near the river,\" Quill said.";

#[test]
fn quantities_that_are_not_claims_are_left_out() {
    let a = analyse(HARBOUR_2019, "Harbour Ledger", "2019-03-02");
    let texts = texts(&a);
    let codes = analyse(
        "Ministers meet\n\nThe G20 ministers took Flight 17 to the talks, and No. 5 on the agenda was a 200-level course.",
        "Harbour Ledger",
        "2019-03-02",
    );
    assert!(
        codes.figures.is_empty(),
        "codes are not figures: {:?}",
        codes.figures
    );
    for not_a_figure in ["48", "34", "16", "2230"] {
        assert!(
            !texts.iter().any(|t| t.contains(not_a_figure)),
            "{not_a_figure} taken as a figure: {texts:?}"
        );
    }
    let toll = figure(&a, "12,000");
    assert_eq!(toll.qualifier, Some(Qualifier::MoreThan));
    assert_eq!(toll.low.map(|b| (b.value, b.inclusive)), Some((12_000.0, false)));
    assert_eq!(toll.value_text(), "more than 12,000");
    let measured = toll.measured.as_ref().unwrap();
    assert_eq!(measured.concept, "deaths");
    assert_eq!(measured.scope.as_deref(), Some("conflict"));
    let cited = toll.cited.as_ref().expect("the monitor is cited");
    assert!(cited.name.contains("Delta Casualty Monitor"), "{cited:?}");
    assert_eq!(
        figure(&a, "3,500").measured.as_ref().unwrap().concept,
        "displaced"
    );
}

/// Adverbs around a figure are neither what it counts nor what it is counted over: one
/// between subject and verb ("has now killed"), or one of time ending the phrase of place
/// ("… in station halls overnight").
#[test]
fn adverbs_are_no_scope() {
    for (text, number, concept, scope) in [
        (
            "The war has now killed over 45,000 people, a monitoring group said.",
            "45,000",
            "deaths",
            "conflict",
        ),
        (
            "The walkout left hundreds of commuters sleeping in station halls overnight, the operator said.",
            "hundreds",
            "commuter",
            "hall",
        ),
    ] {
        let a = analyse(&format!("Toll rises\n\n{text}"), "Harbour Ledger", "2021-04-02");
        let m = figure(&a, number).measured.as_ref().unwrap();
        assert_eq!(m.concept, concept, "{text}: {m:?}");
        assert_eq!(m.scope.as_deref(), Some(scope), "{text}: {m:?}");
    }
}

/// `data/phrase-ends.txt`, its particles and directions: a phrase of place or motion after
/// a measure ("40 km up the coast", "12 metres below the deck") says where, not what is
/// measured.
#[test]
fn a_direction_after_a_distance_is_no_measured_thing() {
    let a = analyse(
        "Ferry cut\n\nThe ferry to Orsund, 40 km up the coast, was cut, and the wreck lies 12 metres below the deck.",
        "Harbour Ledger",
        "2021-04-02",
    );
    for number in ["40 km", "12 metres"] {
        assert!(
            figure(&a, number).measured.is_none(),
            "{number}: {:#?}",
            a.figures
        );
    }
}

/// Rule `same_measure_before`: the earlier value after "up from" measures what the figure
/// before it does; a figure of another unit, or with a noun of its own, keeps its own.
#[test]
fn an_earlier_value_after_up_from_measures_the_same_thing() {
    let a = analyse(
        "Tarnland votes\n\nTurnout was 61.2%, up from 55% in the last vote, and 300 stations \
         closed late, against 120 polling clerks hired.",
        "Harbour Ledger",
        "2031-04-02",
    );
    let m = |w: &str| figure(&a, w).measured.as_ref().map(|m| m.text.clone());
    assert_eq!(m("61.2%").as_deref(), Some("Turnout"), "{:#?}", a.figures);
    assert_eq!(m("55%").as_deref(), Some("Turnout"), "{:#?}", a.figures);
    assert_eq!(m("120").as_deref(), Some("polling clerks"), "{:#?}", a.figures);
}

/// Rule `same_measure_before`: an earlier value written without its currency measures
/// what the figure before it does, with no unit of its own (the unit is the one written);
/// rule `of_phrase_whole`: the noun phrase after a lead noun's "of" is measured whole, not
/// cut after its determiner.
#[test]
fn an_earlier_value_without_a_unit_measures_the_same_and_an_of_phrase_stays_whole() {
    let a = analyse(
        "Marlin Snacks grows\n\nMarlin Snacks said revenue reached 4.4 billion kroner in the quarter, \
         up from 3.9 billion a year earlier.\n\nSales of its frozen meals rose 12% in the period.",
        "Harbour Ledger",
        "2031-04-02",
    );
    assert_eq!(unit_of(&a, "3.9 billion"), None, "{:#?}", a.figures);
    let m = |w: &str| figure(&a, w).measured.as_ref().map(|m| m.text.clone());
    assert_eq!(m("3.9 billion").as_deref(), Some("revenue"), "{:#?}", a.figures);
    assert_eq!(
        m("12%").as_deref(),
        Some("Sales of its frozen meals"),
        "{:#?}",
        a.figures
    );
}

/// Rule `hyphened-scale`: a scale joined by hyphens makes one figure with its unit.
#[test]
fn a_scale_inside_a_hyphened_compound_is_one_figure() {
    let a = analyse(
        "Probe arrives\n\nThe probe ended a 2.4-billion-kilometre trip on Monday, its crew said.",
        "Orbit Desk",
        "2031-04-02",
    );
    assert_eq!(texts(&a), ["2.4-billion-kilometre"], "{:#?}", a.figures);
    assert_eq!(figure(&a, "2.4").value, Some(2.4e9));
    assert_eq!(unit_of(&a, "2.4").as_deref(), Some("km"));
}

/// Rule `count_of_count`: the part counts what the whole does.
#[test]
fn a_count_of_a_count_measures_the_same_thing() {
    let a = analyse(
        "Season ends\n\nThe Vossa crew won 7 of 12 regattas this year and three of the nine cups.",
        "Harbour Ledger",
        "2031-04-02",
    );
    let m = |w: &str| figure(&a, w).measured.as_ref().map(|m| m.text.clone());
    assert_eq!(m("7").as_deref(), Some("regattas"), "{:#?}", a.figures);
    assert_eq!(m("three").as_deref(), Some("cups"), "{:#?}", a.figures);
}

/// Rules `fronted_participle` (time) and `fronted_clause_date`: a date in a participle
/// clause opening the sentence dates that clause's figures, not the main clause's.
#[test]
fn a_fronted_clause_dates_its_own_figures() {
    let a = analyse(
        "Co-op grows\n\nFormed in 2019 by four trawler crews, the co-op sold 900 tonnes of cod in 2030.\n\n\
         Born in 1961 in a port town, Vik joined the board in 1990, one of 12 members.",
        "Harbour Ledger",
        "2031-04-02",
    );
    let as_of = |w: &str| figure(&a, w).as_of.as_ref().map(ToString::to_string);
    assert_eq!(as_of("four").as_deref(), Some("2019"), "{:#?}", a.figures);
    assert_eq!(as_of("900 tonnes").as_deref(), Some("2030"), "{:#?}", a.figures);
    assert_eq!(as_of("12").as_deref(), Some("1990"), "{:#?}", a.figures);
}

/// Rules `lead_scope` and `lead_modifier`: the word before a measure noun on the left
/// modifies it ("the official estimate", "the pre-war population") and names the measure
/// with it, or is its concept ("the death toll"); its possessor or a name is the scope
/// ("the landslide's toll"); a verb's subject still is ("the flood killed").
#[test]
fn a_measure_nouns_modifier_names_it_and_its_possessor_or_a_name_is_its_scope() {
    for (text, number, concept, scope) in [
        (
            "The death toll climbed to 218 on Friday, rescuers in Brennick said.",
            "218",
            "deaths",
            None,
        ),
        (
            "The landslide's toll reached 37 by nightfall.",
            "37",
            "deaths",
            Some("landslide"),
        ),
        (
            "The official estimate of 4,300 was revised on Monday.",
            "4,300",
            "official estimate",
            None,
        ),
        (
            "The clashes uprooted a third of the valley's pre-war population of about 90,000.",
            "90,000",
            "pre-war population",
            None,
        ),
        (
            "The flood killed 57 villagers, the mayor said.",
            "57",
            "deaths",
            Some("flood"),
        ),
    ] {
        let a = analyse(&format!("Toll rises\n\n{text}"), "Harbour Ledger", "2021-04-02");
        let m = figure(&a, number).measured.as_ref().unwrap();
        assert_eq!(m.concept, concept, "{text}: {m:?}");
        assert_eq!(m.scope.as_deref(), scope, "{text}: {m:?}");
    }
}

/// What a figure is counted over: a place's name stays a name ("in Vellmark", shown
/// without an article); a number word after "in" says how many, not over what, and the
/// subject that killed is read instead.
#[test]
fn a_named_scope_keeps_its_name_and_a_number_word_is_no_scope() {
    let a = analyse(
        "Power cut\n\nSome 1,200 families in Vellmark were left without power, the utility said.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let m = figure(&a, "1,200").measured.as_ref().unwrap();
    assert_eq!(m.scope.as_deref(), Some("Vellmark"), "{m:?}");
    let measures = track(&[&a]);
    assert!(
        measures.iter().any(|t| t.label() == "family in Vellmark"),
        "{:?}",
        measures.iter().map(|t| t.label()).collect::<Vec<_>>()
    );
    let b = analyse(
        "Quake\n\nThe quake killed 40 people and left others homeless in the hundreds, officials said.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let c = analyse(
        "Ferry sinks\n\nStorms have driven thousands of families from the coast, hundreds have died along the shore and hundreds are still missing.",
        "Harbour Ledger",
        "2021-04-02",
    );
    // The second count is of the missing, not more deaths, and counted over nothing said.
    let missing = c.figures.iter().rfind(|f| f.text == "hundreds").unwrap();
    let m = missing.measured.as_ref().unwrap();
    assert_eq!(
        (m.concept.as_str(), m.scope.as_deref()),
        ("missing", None),
        "{m:?}"
    );
    // A count as the subject of the measure verb on the left is no scope either.
    let d = analyse(
        "Flood\n\nHundreds have died including 40 children from one valley.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let m = figure(&d, "40").measured.as_ref().unwrap();
    assert_eq!(
        (m.concept.as_str(), m.scope.as_deref()),
        ("deaths", None),
        "{m:?}"
    );
    // Not "hundred": the scope is the quake that killed them.
    let m = figure(&b, "40").measured.as_ref().unwrap();
    assert_eq!(m.scope.as_deref(), Some("quake"), "{m:?}");
}

/// Rule `named_head`: a capitalised head after the number is a people or a name and is
/// the concept as written (a capital that only opens a sentence is tested with the rule).
#[test]
fn a_people_counted_keeps_its_name() {
    let a = analyse(
        "Border camps\n\nThe valley now shelters nearly 300,000 Lorvans, and 40 NGOs work there. \
         Shipments rose to 12,000 tonnes. Exports reached $4 billion last year.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let concept = |w: &str| figure(&a, w).measured.as_ref().map(|m| m.concept.clone());
    assert_eq!(concept("300,000").as_deref(), Some("Lorvans"));
    assert_eq!(concept("40").as_deref(), Some("NGOs"));
}

/// Rule `rate_of_time`: "per day" after an amount is a time expression to the time stage
/// (a set of days), but the number is outside it: the amount is a rate, not a duration.
#[test]
fn an_amount_per_day_is_a_rate_and_a_count_of_days_is_no_figure() {
    let a = analyse(
        "Refinery\n\nThe Tollan refinery processes 180,000 barrels per day. \
         The strike lasted 12 days.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let f = figure(&a, "180,000");
    assert_eq!(f.unit.as_ref().map(|u| u.name.as_str()), Some("barrel/day"));
    assert!(
        a.figures.iter().all(|f| !f.text.contains("12")),
        "{:#?}",
        a.figures
    );
}

/// Rules `count_rate` (a count followed by "a day" or "per" and a noun is a rate),
/// `tally_side` (the second side of "214 votes to 198" counts votes too) and the rate
/// rules of `news_units` ("per" already in the span; "a year earlier" makes no rate).
#[test]
fn rates_of_counts_tallies_and_amounts_per_thing_carry_their_denominator() {
    let a = analyse(
        "Clinic\n\nThe Ostrel clinic now sees about 300 patients a day. \
         The council backed the plan by 27 votes to 19. \
         A course of the drug costs £1,900 per patient, against £2,400 a year earlier. \
         Silver touched $31.20 an ounce before falling back.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let unit = |w: &str| unit_of(&a, w);
    assert_eq!(unit("300").as_deref(), Some("patient/day"));
    assert_eq!(unit("£1,900").as_deref(), Some("GBP/patient"));
    assert_eq!(unit("£2,400").as_deref(), Some("GBP"));
    // Only a unit of time is placed by "before": an ounce stays the rate's denominator.
    assert_eq!(unit("$31.20").as_deref(), Some("USD/ounce"));
    let counted = |w: &str| figure(&a, w).measured.as_ref().map(|m| m.text.clone());
    assert_eq!(counted("27").as_deref(), Some("votes"));
    assert_eq!(counted("19").as_deref(), Some("votes"));
    // A change and the level it reached is no tally.
    let b = analyse(
        "Markets\n\nThe index rose 3 points to 412 on Friday.",
        "Harbour Ledger",
        "2021-04-02",
    );
    assert!(figure(&b, "412").measured.is_none(), "{:#?}", b.figures);
}

/// A rate's denominator of two words: a measure the unit table names ("per megawatt
/// hour"), or a noun after a word in -ed that describes it (rule
/// `participle_denominator`: "per enrolled pupil").
#[test]
fn a_denominator_of_two_words_is_read_whole() {
    let a = analyse(
        "Power

Spot power in Velm traded at €44 per megawatt hour on Monday.          The grant rises to £210 per enrolled pupil.          The new sensor covers 640 square millimetres of the lens.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let unit = |w: &str| unit_of(&a, w);
    assert_eq!(unit("€44").as_deref(), Some("EUR/MWh"));
    assert_eq!(unit("£210").as_deref(), Some("GBP/pupil"));
    assert_eq!(unit("640").as_deref(), Some("mm2"));
}

/// Rule `per_base`: a count per a round base of a population is a rate over that base.
#[test]
fn a_count_per_thousands_of_people_is_a_rate_over_that_base() {
    let a = analyse(
        "Health

The valley recorded 17 measles cases per 100,000 children last winter. \
         Its clinics count 3.1 nurses per 1,000 older residents, and 40 beds per 12 wards.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let unit = |w: &str| unit_of(&a, w);
    assert_eq!(unit("17").as_deref(), Some("case/100000 children"));
    assert_eq!(unit("3.1").as_deref(), Some("nurse/1000 older residents"));
    // The base is part of the rate, never a count of its own.
    let texts = texts(&a);
    assert!(
        !texts.contains(&"100,000") && !texts.contains(&"1,000"),
        "{texts:?}"
    );
    assert_eq!(unit("40").as_deref(), Some("bed/12 wards"));
}

#[test]
fn a_toll_told_two_ways_a_year_apart_is_one_measure_that_grew() {
    let a = analyse(HARBOUR_2019, "Harbour Ledger", "2019-03-02");
    let b = analyse(COASTLINE_2020, "Coastline Daily", "2020-06-09");
    let killed = figure(&b, "20,000");
    assert_eq!(killed.measured.as_ref().unwrap().concept, "deaths");
    // "The war, which … has killed": the scope is the war, read as the conflict.
    assert_eq!(
        killed.measured.as_ref().unwrap().scope.as_deref(),
        Some("conflict")
    );
    // Reported speech: the figure is the envoy's.
    assert_eq!(killed.cited.as_ref().map(|c| c.name.as_str()), Some("Mara Quill"));
    let measures = track(&[&b, &a]);
    let (toll, values) = common::conflict_toll(&measures);
    assert_eq!(values, [12_000.0, 20_000.0], "in as-of order");
    assert_eq!(toll.trend, Trend::Rising);
    assert!(
        toll.discrepancies.is_empty(),
        "growth over a year is not a contradiction"
    );
    assert_eq!(toll.outlets, ["Coastline Daily", "Harbour Ledger"]);
}

#[test]
fn a_figure_inside_a_quote_cites_its_speaker_and_money_keeps_its_unit() {
    let b = analyse(COASTLINE_2020, "Coastline Daily", "2020-06-09");
    let graves = figure(&b, "900");
    assert_eq!(graves.qualifier, Some(Qualifier::About));
    assert_eq!(graves.cited.as_ref().map(|c| c.name.as_str()), Some("Mara Quill"));
    let c = analyse(
        "Port fund grows\n\nThe council approved $4.5 million in flood aid and a 12% rise in the harbour levy.",
        "Pier Gazette",
        "2020-06-10",
    );
    let aid = figure(&c, "4.5 million");
    assert_eq!(aid.kind, QuantityKind::Money);
    assert_eq!(aid.value, Some(4_500_000.0));
    assert_eq!(aid.unit.as_ref().map(|u| u.name.as_str()), Some("USD"));
    let rise = figure(&c, "12%");
    assert_eq!(rise.kind, QuantityKind::Percent);
    assert_eq!(rise.value, Some(12.0));
}

#[test]
fn two_outlets_disagreeing_about_the_same_day_are_flagged() {
    let a = analyse(
        "Quake shakes the coast\n\nAt least 40 people were injured in the quake on Monday, the port authority said.",
        "Harbour Ledger",
        "2021-04-06",
    );
    let b = analyse(
        "Coast counts the damage\n\nSome 95 people were injured in the quake on Monday, hospital staff said.",
        "Coastline Daily",
        "2021-04-06",
    );
    let measures = track(&[&a, &b]);
    let hurt = measures
        .iter()
        .find(|m| m.concept == "injuries")
        .expect("injuries tracked");
    assert_eq!(hurt.claims.len(), 2);
    // "at least 40" allows 95: the two agree.
    assert!(hurt.discrepancies.is_empty(), "{:?}", hurt.discrepancies);
    let c = analyse(
        "Coast counts the damage\n\nExactly 12 people were injured in the quake on Monday, the mayor said.",
        "Pier Gazette",
        "2021-04-06",
    );
    let measures = track(&[&b, &c]);
    let hurt = measures.iter().find(|m| m.concept == "injuries").unwrap();
    assert_eq!(hurt.discrepancies.len(), 1, "95 and 12 for the same day disagree");
}

#[test]
fn match_scores_with_a_dash_or_a_colon_and_acronym_names_are_not_figures() {
    let a = analyse(
        "Rovers stumble\n\nThe Rovers won 3-1 at home but lost 1:3 away a week later. \
         The club sold 2,400 tickets for the KQ 7 stand.",
        "Harbour Ledger",
        "2019-03-02",
    );
    let texts = texts(&a);
    assert!(
        !texts
            .iter()
            .any(|t| t.contains("3-1") || t.contains("1:3") || *t == "7"),
        "{texts:?}"
    );
    figure(&a, "2,400");
}

#[test]
fn a_count_of_seasons_is_a_duration_not_a_figure() {
    let a = analyse(
        "Nets back in the water\n\n\"We have waited three seasons for this,\" said skipper Odd Vik, \
         whose crew of 9 landed 400 crates on Monday.",
        "Quay Gazette",
        "2022-10-04",
    );
    let texts = texts(&a);
    assert!(!texts.iter().any(|t| t.contains("three")), "{texts:?}");
    figure(&a, "400");
}

/// Rule `span_end_in_time`: the bare end of a span of time is a duration too; a number
/// with its own noun after "and" is a count.
#[test]
fn the_bare_end_of_a_span_of_time_is_a_duration() {
    let a = analyse(
        "Ruling

The court in Velm cut the ban from 12 years to 8 and set costs at £9,000.          The wait for a hearing grew from four months to 7.          Rallies went on for 3 days and 600 marchers were held. \
         Membership grew in two years to 4,500. Sentences ranged between nine months and 5 for the 14 defendants.",
        "Quay Gazette",
        "2022-10-04",
    );
    let texts = texts(&a);
    assert!(!texts.iter().any(|t| ["8", "7", "5"].contains(t)), "{texts:?}");
    figure(&a, "£9,000");
    figure(&a, "600");
    figure(&a, "4,500");
    figure(&a, "14");
}

#[test]
fn clock_times_dimensions_and_pages_are_not_counted_as_figures() {
    let a = analyse(
        "Quay reopens\n\nThe quay reopened at 06:45 GMT after a 48-hour closure, the port said. \
         Crews laid a 30 × 8 m deck and moved 1,200 crates, as the plan (p. 14) required.",
        "Harbour Ledger",
        "2019-03-02",
    );
    let texts = texts(&a);
    for not_a_figure in ["06", "45", "48", "14"] {
        assert!(
            !texts.iter().any(|t| t.contains(not_a_figure)),
            "{not_a_figure} taken as a figure: {texts:?}"
        );
    }
    let deck = figure(&a, "8 m");
    assert_eq!(deck.unit.as_ref().map(|u| u.name.as_str()), Some("m"));
    figure(&a, "1,200");
}

#[test]
fn a_small_count_after_the_points_back_and_is_not_tracked_but_a_toll_is() {
    let a = analyse(
        "Ferry rivals meet again\n\nThe two operators met in Quayhaven on Monday and agreed on \
         four new sailings a day. Those three ferries that ran aground in May stay in dock. \
         The two people killed in the May collision were named on Friday.",
        "Quay Gazette",
        "2022-10-04",
    );
    // Still figures in the article's record ...
    for written in ["two operators", "three ferries", "four"] {
        let _ = figure(&a, written.split(' ').next().unwrap());
    }
    // ... but only real claims are tracked as measures: the new sailings and the toll.
    let concepts: Vec<String> = track(&[&a]).into_iter().map(|m| m.concept).collect();
    assert!(concepts.iter().any(|c| c == "deaths"), "{concepts:?}");
    assert!(concepts.iter().any(|c| c.contains("sailing")), "{concepts:?}");
    assert!(
        !concepts
            .iter()
            .any(|c| c.contains("operator") || c.contains("ferr")),
        "{concepts:?}"
    );
}

#[test]
fn a_share_in_words_is_shown_as_written() {
    let a = analyse(
        "Floods recede\n\nThe monitor said over half of the valley's farms were flooded and 2,400 families moved to higher ground.",
        "Harbour Ledger",
        "2019-04-11",
    );
    assert_eq!(figure(&a, "half").value_text(), "over half");
    assert_eq!(figure(&a, "2,400").value_text(), "2,400");
}

#[test]
fn both_numbers_of_a_match_score_are_no_figures() {
    let a = analyse(
        "Cup tie\n\nBrisk United lost 3-1 to Tolley at home before 4,200 fans.",
        "Harbour Ledger",
        "2019-04-12",
    );
    let texts = texts(&a);
    assert_eq!(texts, ["4,200"]);
}

#[test]
fn amounts_per_seat_acre_or_cubic_metre_are_rates() {
    let a = analyse(
        "Prices\n\nTickets for the Varrow final cost £65 a seat. \
         Growers near Ellin reported 52 bushels an acre this autumn. \
         The water board charges $3.10 per cubic metre.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let unit = |w: &str| unit_of(&a, w);
    assert_eq!(unit("£65").as_deref(), Some("GBP/seat"));
    assert_eq!(unit("52").as_deref(), Some("bushel/acre"));
    assert_eq!(unit("$3.10").as_deref(), Some("USD/m3"));
    assert_eq!(figure(&a, "$3.10").text, "$3.10 per cubic metre");
}

#[test]
fn age_groups_and_ages_after_a_role_are_no_figures() {
    let a = analyse(
        "Vaccines\n\nThe jab cut admissions by 61 per cent among adults over 70, the trial found. \
         Half of voters under 25 had not decided. \
         The transport minister, 58, said 40 people over 60 kg were weighed. \
         A third of the camp's residents are children under six.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let texts = texts(&a);
    for age in ["70", "25", "58", "six"] {
        assert!(!texts.iter().any(|t| t.contains(age)), "{age} kept: {texts:?}");
    }
    // A unit or a counted noun after the bound keeps the figure.
    assert!(texts.contains(&"40"), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("60 kg")), "{texts:?}");
}

#[test]
fn a_quarter_before_a_comparative_or_after_a_change_is_a_share_not_three_months() {
    let a = analyse(
        "Results\n\nThe bridge now costs £88m, a quarter more than planned. \
         Break-ins fell by a quarter in Dunmore. \
         The survey counted a quarter fewer nesting pairs.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let shares = a
        .figures
        .iter()
        .filter(|f| f.text == "a quarter" && f.value == Some(0.25))
        .count();
    assert_eq!(shares, 3, "{:#?}", a.figures);
    // A delay by a quarter is a span of time, no share.
    let b = analyse(
        "Launch\n\nThe launch was delayed by a quarter.",
        "Harbour Ledger",
        "2021-04-02",
    );
    assert!(b.figures.is_empty(), "{:#?}", b.figures);
}

#[test]
fn a_verb_after_a_count_is_not_what_it_counts() {
    let a = analyse(
        "Final day\n\nA crowd of 48,300 filled the harbour arena, and a panel of 9 chaired the \
         inquiry. At least 35 injured in the crush were treated on site, and 6 charged with \
         arson were held.",
        "Quayside Bulletin",
        "2022-06-11",
    );
    for written in ["48,300", "9"] {
        let f = figure(&a, written);
        assert!(f.measured.is_none(), "{written}: {:?}", f.measured);
    }
    // A measure word after the count stays the measure, and a participle with a
    // preposition after it is what is counted.
    let hurt = figure(&a, "35");
    assert_eq!(hurt.measured.as_ref().map(|m| m.text.as_str()), Some("injured"));
    assert!(figure(&a, "6").measured.is_some());
}

#[test]
fn a_dashed_tally_near_a_word_of_voting_counts_votes_and_a_score_is_no_figure() {
    let a = analyse(
        "Port levy passes\n\nThe assembly voted 58-37 to keep the levy, while the harbour \
         side won 3-1 on Saturday. Its shares, buoyed as the side won, rose 1-2%.",
        "Quayside Bulletin",
        "2022-06-12",
    );
    let votes: Vec<(f64, Option<&str>)> = a
        .figures
        .iter()
        .filter(|f| f.unit.as_ref().is_some_and(|u| u.name == "vote"))
        .map(|f| {
            (
                f.value.unwrap_or(f64::NAN),
                f.unit.as_ref().map(|u| u.name.as_str()),
            )
        })
        .collect();
    assert_eq!(votes, [(58.0, Some("vote")), (37.0, Some("vote"))]);
    let texts = texts(&a);
    assert!(!texts.iter().any(|t| t.contains("3-1")), "{texts:?}");
    // A pair with a unit near a word of matches is a measure, not a score.
    assert!(texts.iter().any(|t| t.contains('%')), "{texts:?}");
}

/// Rules `hyphened-to` (the recogniser), `to_tally` with a noun of a vote after the pair,
/// and a possessive voting body (`voting-body-tally`): each tally keeps both its sides as
/// votes, and "to" between hyphens still joins a range.
#[test]
fn tallies_written_with_to_hyphens_or_a_possessive_body_keep_both_sides() {
    let a = analyse(
        "Levy vote\n\nThe assembly passed the levy in a 61-to-38 vote on Tuesday. A week \
         earlier the upper chamber had cleared it by a 31 to 27 vote. The Tribunal's 4-3 ruling \
         had let the levy stand. Fares will rise 6-to-9 percent.",
        "Quayside Bulletin",
        "2022-06-12",
    );
    let votes: Vec<f64> = a
        .figures
        .iter()
        .filter(|f| f.unit.as_ref().is_some_and(|u| u.name == "vote"))
        .filter_map(|f| f.value)
        .collect();
    assert_eq!(votes, [61.0, 38.0, 31.0, 27.0, 4.0, 3.0], "{:#?}", a.figures);
    let fares = figure(&a, "6-to-9");
    assert_eq!(
        (fares.low.map(|b| b.value), fares.high.map(|b| b.value)),
        (Some(6.0), Some(9.0))
    );
}

/// Rule `adverb_no_phrase`: a comparative or a closing "-ly" adverb right after a count is
/// not what it counts.
#[test]
fn a_comparative_or_an_adverb_after_a_count_is_not_what_it_counts() {
    let a = analyse(
        "Survey of the marsh\n\nBotanists logged 1,200 orchids in the marsh, and they think dozens more \
         are still to be found. The district has one vet for every 3,000 dogs, against one for every 800 \
         nationally.",
        "Fen Gazette",
        "2022-05-10",
    );
    for number in ["dozens", "800"] {
        let m = figure(&a, number).measured.as_ref();
        assert!(
            m.is_none_or(|m| !matches!(m.text.as_str(), "more" | "nationally")),
            "{number}: {m:?}"
        );
    }
    assert_eq!(figure(&a, "1,200").measured.as_ref().unwrap().concept, "orchid");
}

/// Rules `only_one_of` (numbers and figures) and `age-span-words`: "only one of the six
/// pumps" counts one; "the only one of them" does not; "aged between 17 and 21" is an
/// age span, not a figure.
#[test]
fn only_one_of_a_whole_counts_and_an_age_span_in_words_does_not() {
    let a = analyse(
        "Pumps fail in the lowlands\n\nOnly one of the six pumps at Ferrow Dyke was running on Sunday. \
         The warden said the old engine was the only one of them he trusted, and just one of them \
         had been serviced. Three youths aged between 17 and 21 were seen near the sluice.",
        "Marsh Courier",
        "2023-02-05",
    );
    let texts = texts(&a);
    assert_eq!(figure(&a, "one").value, Some(1.0));
    let ones: Vec<&Figure> = a
        .figures
        .iter()
        .filter(|f| f.text.eq_ignore_ascii_case("one"))
        .collect();
    assert_eq!(ones.len(), 2, "{texts:?}");
    // "of them" names nothing: the pumps are named before.
    assert!(ones[1].measured.is_none(), "{:?}", ones[1].measured);
    assert!(
        !texts.iter().any(|t| t.contains("17") || t.contains("21")),
        "{texts:?}"
    );
    assert_eq!(figure(&a, "Three").measured.as_ref().unwrap().concept, "youth");
}

/// Rule `cut_before_time`: a number whose last word opens a time expression keeps what
/// comes before it; digits the time stage reads inside a number are left alone.
#[test]
fn a_number_whose_last_word_opens_a_time_expression_is_cut_before_it() {
    let a = analyse(
        "Prizes\n\nThe purse is £3 million, up from £1.2 million five years ago. \
         Attendance reached two million three years ago. Works will take 12-16 weeks.",
        "Marsh Courier",
        "2023-02-05",
    );
    assert_eq!(figure(&a, "£1.2 million").value, Some(1_200_000.0));
    assert_eq!(figure(&a, "two million").value, Some(2_000_000.0));
    // "five years ago" and "three years ago" stay the time stage's; "12-16 weeks" whole.
    let texts = texts(&a);
    assert!(
        texts
            .iter()
            .all(|t| !t.contains("five") && !t.contains("three") && !t.starts_with("12")),
        "{texts:?}"
    );
}

/// Rule `counted_in_time`: a count of units of time with a word between is a duration.
#[test]
fn a_count_of_units_of_time_is_a_duration_not_a_figure() {
    let a = analyse(
        "Unrest\n\nShops in Tarrow were shuttered for two straight nights of unrest. \
         Exports have grown for four consecutive quarters, and the clinic sees 40 patients a day.",
        "Marsh Courier",
        "2023-02-05",
    );
    let texts = texts(&a);
    assert!(!texts.contains(&"two"), "{texts:?}");
    assert_eq!(
        figure(&a, "40").unit.as_ref().map(|u| u.name.as_str()),
        Some("patient/day")
    );
}

/// Rule `absolute_zero`: a point of the temperature scale named in words is no amount;
/// "zero" as a level stays one.
#[test]
fn absolute_zero_names_a_point_not_an_amount() {
    let a = analyse(
        "Lab notes\n\nThe Korrel team held the crystal a few millionths of a degree above absolute zero. \
         Inflation fell to zero in March.",
        "Marsh Courier",
        "2023-02-05",
    );
    let zeros: Vec<&str> = texts(&a).into_iter().filter(|t| t.contains("zero")).collect();
    assert_eq!(zeros, ["zero"], "{:#?}", a.figures);
    assert!(figure(&a, "zero").span.start > a.text.find("Inflation").unwrap());
}

/// A lone "one" before a measure word in the singular counts it ("one vote", "one new
/// case"): the measure table lists the plural; the phrase ends at the measure word.
#[test]
fn one_before_a_measure_word_in_the_singular_counts_it() {
    let a = analyse(
        "Clinic news\n\nThe board confirmed one new case of river fever in Dunmore on Friday. \
         The budget passed by one vote. The one that failed was older.",
        "Marsh Courier",
        "2023-02-05",
    );
    let ones: Vec<&Figure> = a
        .figures
        .iter()
        .filter(|f| f.text.eq_ignore_ascii_case("one"))
        .collect();
    assert_eq!(ones.len(), 2, "{:#?}", a.figures);
    let measured: Vec<(&str, &str)> = ones
        .iter()
        .map(|f| {
            let m = f.measured.as_ref().expect("measured");
            (m.text.as_str(), m.concept.as_str())
        })
        .collect();
    assert_eq!(measured, [("new case", "cases"), ("vote", "votes")]);
}

/// Rules `comparison_no_phrase` ("short of"), `innings_total` and the label words
/// ("checkpoint 9", "Ward 3", "Point 4" of a text): none of these is what a count counts.
#[test]
fn a_distance_from_a_mark_a_batting_total_and_numbered_places_are_not_counts() {
    let a = analyse(
        "Split council and a cup upset\n\nThe Green List won 19 of the 45 seats, four short of a majority. \
         Lanterby were bowled out for 166 in reply. Ward 3 at St Oda's reopened after the repairs, and \
         guards at checkpoint 9 on the coast road waved the convoy through. Point 4 of the pact covers \
         fishing rights.",
        "Riverside Post",
        "2023-05-21",
    );
    let texts = texts(&a);
    for gone in ["166", "3", "9", "4"] {
        assert!(!texts.contains(&gone), "{gone}: {texts:?}");
    }
    assert!(
        figure(&a, "four").measured.is_none(),
        "{:?}",
        figure(&a, "four").measured
    );
    assert_eq!(figure(&a, "45").measured.as_ref().unwrap().concept, "seat");
}

/// Currency signs of Gulf, East and West African and Asian papers: "Dh", "Sh", "SR",
/// "GH¢"; and "one point" before a number in digits is no decimal.
#[test]
fn regional_currency_signs_are_read_and_one_point_before_digits_is_no_decimal() {
    let a = analyse(
        "Markets round-up\n\nTelvar Foods reported revenue of Dh2.1 billion. The county set aside \
         Sh840 million for roads. Pilgrim fares rose to SR3,500. Growers will get GH¢2,400 a bag. \
         Kestrel Bhd raised 450 million ringgit. At one point 2,000 traders crowded the hall.",
        "Coast Ledger",
        "2023-09-14",
    );
    let unit = |w: &str| unit_of(&a, w);
    assert_eq!(unit("Dh2.1 billion").as_deref(), Some("AED"));
    assert_eq!(unit("Sh840 million").as_deref(), Some("KES"));
    assert_eq!(unit("SR3,500").as_deref(), Some("SAR"));
    assert_eq!(unit("GH¢2,400 a bag").as_deref(), Some("GHS/bag"));
    assert_eq!(unit("450 million ringgit").as_deref(), Some("MYR"));
    assert_eq!(figure(&a, "2,000").value, Some(2000.0));
    assert!(a.figures.iter().all(|f| f.value != Some(1.2)), "{:?}", a.figures);
}

/// Phrase ends: a preposition such as "between" or "among", or another number ("up from
/// 310 twelve months before"), ends what a count counts.
#[test]
fn a_preposition_or_another_number_after_a_count_ends_what_it_counts() {
    let a = analyse(
        "Mumps in the valley\n\nMumps cases at Orrin schools climbed to 820 between March and May, \
         up from 215 twelve months before. The clinic treated 64 among the staff, and 12 fishermen \
         were seen at the harbour.",
        "Valley Herald",
        "2023-06-02",
    );
    for number in ["820", "215", "64"] {
        let m = figure(&a, number).measured.as_ref();
        assert!(
            m.is_none_or(|m| !["March", "months", "among", "between"]
                .iter()
                .any(|w| m.text.contains(w))),
            "{number}: {m:?}"
        );
    }
    // A plural in "-men" is counted in the singular, as every other plural.
    assert_eq!(figure(&a, "12").measured.as_ref().unwrap().concept, "fisherman");
}

/// Rule `glued_to_word`: a number written right after letters is part of a code or a
/// formula; money after its sign is still money.
#[test]
fn a_number_glued_to_letters_is_a_code_unless_it_is_money() {
    let a = analyse(
        "Lab notes\n\nThe crust held Ca3 phosphate and the Vexa9 handset shipped in June. \
         Traders paid Sh750 a sack.",
        "Science Wire",
        "2023-07-19",
    );
    let texts = texts(&a);
    assert!(
        !texts.iter().any(|t| t.contains("Ca3") || t.contains('9')),
        "{texts:?}"
    );
    assert_eq!(
        figure(&a, "Sh750").unit.as_ref().map(|u| u.name.as_str()),
        Some("KES/sack")
    );
}

/// Rule `count_adjective`: a count joined by a hyphen to a noun counts that noun ("a
/// 120-member assembly" counts members, not the assembly).
#[test]
fn a_count_joined_to_its_noun_by_a_hyphen_counts_that_noun() {
    for (text, number, concept) in [
        (
            "The vote in the 81-member assembly of Tarrow was close.",
            "81",
            "member",
        ),
        (
            "The builder plans a 260-home estate beside the old quarry.",
            "260",
            "home",
        ),
    ] {
        let a = analyse(
            &format!("Plans approved\n\n{text}"),
            "Harbour Ledger",
            "2021-04-02",
        );
        let m = figure(&a, number).measured.as_ref().unwrap();
        assert_eq!(
            (m.text.as_str(), m.concept.as_str()),
            (concept, concept),
            "{text}: {m:?}"
        );
    }
}

/// A word that tells the count, not what it counts ("a 5,000-strong crowd"), is not taken
/// for its noun; a kind of thing ("a three-time champion") is no count.
#[test]
fn a_hyphen_word_that_tells_the_count_is_not_what_it_counts() {
    let a = analyse(
        "Crowds\n\nA 5,000-strong crowd marched to the docks.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let m = figure(&a, "5,000").measured.as_ref().map(|m| m.concept.as_str());
    assert_ne!(m, Some("strong"));
    let a = analyse(
        "Final\n\nThe three-time champion won again.",
        "Harbour Ledger",
        "2021-04-02",
    );
    assert!(texts(&a).is_empty(), "{:?}", texts(&a));
}

/// Rule `voting-body-tally` and `name_number`: after a body that votes, a dashed pair is a
/// tally of votes, not the number of a name; a maker's name keeps its model number.
#[test]
fn a_tally_after_a_body_that_votes_is_votes() {
    let a = analyse(
        "Levy passes\n\nThe levy passed the Assembly 61-38 on Monday. The ferry line ordered a Boeing 787-9 jet.",
        "Harbour Herald",
        "2022-03-01",
    );
    assert_eq!(texts(&a), ["61", "38"]);
    assert_eq!(unit_of(&a, "61").as_deref(), Some("vote"));
    assert_eq!(unit_of(&a, "38").as_deref(), Some("vote"));
}

/// Rule `phrase_ends_at_day`: a day after the measured noun says when, not what.
#[test]
fn a_day_after_the_measured_noun_ends_its_phrase() {
    let a = analyse(
        "Budget\n\nThe harbour board unveiled a $40 million dredging plan Thursday limited to the inner basin.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let measured = |w: &str| figure(&a, w).measured.as_ref().map(|m| m.text.clone());
    assert_eq!(measured("$40 million").as_deref(), Some("dredging plan"));
    // A day in a name stays in the phrase.
    let b = analyse(
        "Shops

Stores hired 900 Black Friday temps this year.",
        "Harbour Ledger",
        "2021-04-02",
    );
    let measured = |w: &str| figure(&b, w).measured.as_ref().map(|m| m.text.clone());
    assert_eq!(measured("900").as_deref(), Some("Black Friday temps"));
}

/// A number in a hyphenated duration is the time stage's ("a 30-business-day period", "a
/// ten-and-a-half-minute film"); a hyphenated count or rate stays a figure.
#[test]
fn hyphenated_durations_are_time_expressions_not_figures() {
    let a = analyse(
        "Ferry vote\n\nVoters get a 30-business-day period to object. They watched a \
         ten-and-a-half-minute film. A 40-member panel met. Fees of 12-a-day were charged.",
        "Harbour Ledger",
        "2021-04-02",
    );
    assert_eq!(texts(&a), ["40", "12"], "{:#?}", a.figures);
}

/// The measured phrase of the figure written `written`.
fn measured_text<'a>(a: &'a Article, written: &str) -> Option<&'a str> {
    figure(a, written).measured.as_ref().map(|m| m.text.as_str())
}

/// Rule `share_of_whole`: after "of" a determiner opens the whole a share is taken of; its
/// words are what is measured, up to its first plural (or a past verb, "of", a pronoun),
/// and a count of the whole is passed ("60 of the 85 closed lanes").
#[test]
fn a_share_of_a_whole_measures_the_whole() {
    let a = analyse(
        "Thaw floods the valley\n\n\
         About 40 percent of the town lost its water supply on Friday, the utility said. \
         Crews had reopened 60 of the 85 closed lanes by Saturday. A third of the ferry fleet \
         stayed at its moorings, and nearly half of the households in Brenna have asked for help. \
         Some 45 percent of residents think the dykes were too low, and 12 percent of the \
         council's members want an inquiry. Engineers said the pumps moved about a fifth of \
         the width of the river.",
        "Valley Tidings",
        "2024-03-09",
    );
    assert_eq!(measured_text(&a, "40 percent"), Some("town"));
    assert_eq!(measured_text(&a, "60"), Some("closed lanes"));
    assert_eq!(measured_text(&a, "85"), Some("closed lanes"));
    assert_eq!(measured_text(&a, "A third"), Some("ferry fleet"));
    assert_eq!(measured_text(&a, "nearly half"), Some("households"));
    // Without a determiner the phrase ends at its plural, not at the verb after it.
    assert_eq!(measured_text(&a, "45 percent"), Some("residents"));
    assert_eq!(measured_text(&a, "12 percent"), Some("council's members"));
    assert_eq!(measured_text(&a, "a fifth"), Some("width"));
    assert_eq!(figure(&a, "a fifth").measured.as_ref().unwrap().concept, "width");
}

/// Rule `changed_by`: the size of a change measures what changed — the subject of a verb
/// of change, or the object of a verb that changes something, before "by".
#[test]
fn a_change_by_an_amount_measures_what_changed() {
    let a = analyse(
        "Port raises its fees\n\n\
         The port will raise its berth fees by 8 percent in April. Ferry fares have also risen \
         by 5 percent, and harbour traffic fell 12 percent in May. The council cut the winter \
         subsidy by a third. Pilot stock on Friday fell 6 percent.",
        "Quay Observer",
        "2024-05-20",
    );
    assert_eq!(measured_text(&a, "8 percent"), Some("berth fees"));
    assert_eq!(measured_text(&a, "5 percent"), Some("Ferry fares"));
    assert_eq!(measured_text(&a, "12 percent"), Some("harbour traffic"));
    assert_eq!(measured_text(&a, "a third"), Some("winter subsidy"));
    // A day between the subject and its verb is no subject, nor is what comes before the
    // day's preposition: the figure measures nothing named.
    assert_eq!(measured_text(&a, "6 percent"), None);
}

/// Rule `noun_before_named_place`: a name after "in", "of" or "at" at the end of what
/// changed says where or whose; the noun before it is what is measured.
#[test]
fn a_name_after_a_preposition_is_not_what_changed() {
    let a = analyse(
        "Quarry results\n\nShares in Granvik fell as much as 9 percent in early trading. \
         Ticket prices at Ostmark rose 3 percent in May.",
        "Harbour Ledger",
        "2031-06-02",
    );
    let of = |written: &str| {
        let m = figure(&a, written).measured.as_ref().unwrap();
        (m.text.clone(), m.concept.clone())
    };
    assert_eq!(
        of("as much as 9 percent"),
        ("Shares in Granvik".to_string(), "share".to_string())
    );
    assert_eq!(
        of("3 percent"),
        ("Ticket prices at Ostmark".to_string(), "price".to_string())
    );
}
