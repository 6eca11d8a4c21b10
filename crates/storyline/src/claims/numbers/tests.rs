//! Invented sentences for the number recogniser.

use super::*;
use crate::claims::VAGUE_FROM;

fn q(text: &str) -> Vec<Quantity> {
    quantities(text)
}

fn one(text: &str) -> Quantity {
    let qs = q(text);
    assert_eq!(qs.len(), 1, "{text:?} gave {qs:#?}");
    qs.into_iter().next().unwrap()
}

/// Asserts that none of `texts` holds a quantity.
fn no_figures(texts: &[&str]) {
    for text in texts {
        assert!(q(text).is_empty(), "{text}: {:#?}", q(text));
    }
}

fn slice(text: &str, s: Span) -> &str {
    &text[s.start..s.end]
}

#[test]
fn digits_with_groups_decimals_and_scales() {
    for (text, want) in [
        ("The ferry carried 240,000 passengers.", 240_000.0),
        ("It cost 3,500.25 in fees.", 3500.25),
        ("A rise of 1.5 points.", 1.5),
        ("About 75 million voters.", 75e6),
        ("Revenue hit 1.2bn last year.", 1.2e9),
        ("Some 3k runners came.", 3000.0),
        ("The club has 2.5 million members.", 2.5e6),
        // Capital scale letters: glued, or one space after a written amount.
        ("Storage grew to 10G last year.", 1e10),
        ("The fund holds 1,674.5 G in bonds.", 1.6745e12),
        ("Its budget was 2,400.5 M at the close.", 2.4005e9),
    ] {
        let got = one(text);
        assert!(
            (got.value.or(got.low.map(|b| b.value)).unwrap() - want).abs() < 1e-6,
            "{text}: {got:?}"
        );
    }
}

#[test]
fn scaled_decimals_keep_their_decimal_value() {
    // Rule `decimal-values`: no binary noise from scaling.
    for (text, want) in [
        ("The port handled 8.3 million tonnes.", 8_300_000.0),
        ("Debt reached 8.2 trillion dollars.", 8_200_000_000_000.0),
        ("Fares rose by 0.7 percent.", 0.7),
        ("The fund lost $1.1 billion.", 1_100_000_000.0),
    ] {
        assert_eq!(one(text).value, Some(want), "{text}");
    }
    // A value whose digits run on is kept as computed.
    assert_eq!(one("Turnout was a third.").value, Some(1.0 / 3.0));
    let range = one("Between 4.1 million and 4.3 million tickets sold.");
    assert_eq!(
        (range.low.map(|b| b.value), range.high.map(|b| b.value)),
        (Some(4_100_000.0), Some(4_300_000.0))
    );
}

#[test]
fn numbers_in_words() {
    for (text, want) in [
        ("twenty-two goats", 22.0),
        ("one hundred and five lanterns", 105.0),
        ("a dozen eggs", 12.0),
        ("half a million tickets", 500_000.0),
        ("two thirds of the council", 2.0 / 3.0),
        ("three thousand four hundred kites", 3400.0),
        ("one and a half days", 1.5),
    ] {
        let got = one(text);
        assert!((got.value.unwrap() - want).abs() < 1e-9, "{text}: {got:?}");
    }
}

#[test]
fn vague_counts_follow_the_policy() {
    let t = "Tens of thousands marched while hundreds watched.";
    let qs = q(t);
    assert_eq!(qs.len(), 2);
    assert_eq!(slice(t, qs[0].span), "Tens of thousands");
    assert_eq!(qs[0].qualifier, Some(Qualifier::Vague));
    assert_eq!(qs[0].low.unwrap().value, 20_000.0);
    assert_eq!(qs[0].high.unwrap().value, 100_000.0);
    assert!(!qs[0].high.unwrap().inclusive);
    assert_eq!(qs[1].low.unwrap().value, 200.0);
    assert_eq!(qs[1].value, None);
    let s = one("several hundred fishermen");
    assert_eq!(s.low.unwrap().value, 200.0);
}

#[test]
fn ranges_and_comparisons() {
    let t = "between 20 and 30 boats";
    let r = one(t);
    assert_eq!(slice(t, r.span), "between 20 and 30");
    assert_eq!((r.low.unwrap().value, r.high.unwrap().value), (20.0, 30.0));
    assert_eq!(r.kind, QuantityKind::Range);
    let r = one("5 to 10 million households");
    assert_eq!((r.low.unwrap().value, r.high.unwrap().value), (5e6, 10e6));
    let t = "more than 240,000 people";
    let m = one(t);
    assert_eq!(slice(t, m.span), "more than 240,000");
    assert_eq!(m.qualifier, Some(Qualifier::MoreThan));
    assert_eq!(
        m.low,
        Some(Bound {
            value: 240_000.0,
            inclusive: false
        })
    );
    assert_eq!(m.value, Some(240_000.0));
    let a = one("at least 12 crew");
    assert_eq!(
        a.low,
        Some(Bound {
            value: 12.0,
            inclusive: true
        })
    );
    let u = one("up to 700 jobs");
    assert_eq!(
        u.high,
        Some(Bound {
            value: 700.0,
            inclusive: true
        })
    );
    let o = one("50 or more vans");
    assert_eq!(o.qualifier, Some(Qualifier::AtLeast));
    assert_eq!(one("nearly 400 homes").qualifier, Some(Qualifier::Nearly));
    assert_eq!(one("about 9 sheep").qualifier, Some(Qualifier::About));
    let b = one("more than 10 and less than 20 pens");
    assert_eq!((b.low.unwrap().value, b.high.unwrap().value), (10.0, 20.0));
}

#[test]
fn hyphen_ranges_are_not_dates_or_chains() {
    let r = one("a 20-30 minute walk");
    assert_eq!(r.qualifier, Some(Qualifier::Between));
    assert!(q("the 2015-16 season")
        .iter()
        .all(|x| x.qualifier != Some(Qualifier::Between)));
    assert!(q("call 1-222-3333")
        .iter()
        .all(|x| x.qualifier != Some(Qualifier::Between)));
    assert!(q("it ended 3-1")
        .iter()
        .all(|x| x.qualifier != Some(Qualifier::Between)));
}

#[test]
fn percentages() {
    for text in ["12%", "12 percent", "12 per cent", "twelve per cent"] {
        let p = one(text);
        assert_eq!(p.kind, QuantityKind::Percent, "{text}");
        assert_eq!(p.value, Some(12.0));
        assert_eq!(p.span, Span::new(0, text.len()));
        assert_eq!(p.unit.unwrap().name, "percent");
    }
}

#[test]
fn money() {
    for (text, v, cur) in [
        ("$75 million", 75e6, "USD"),
        ("$ 125,000", 125_000.0, "USD"),
        ("£3bn", 3e9, "GBP"),
        ("£3m", 3e6, "GBP"),
        ("420 million Finnish markka", 420e6, "FIM"),
        ("€5", 5.0, "EUR"),
        ("US$10", 10.0, "USD"),
        ("EUR 20", 20.0, "EUR"),
        ("forty dollars", 40.0, "USD"),
    ] {
        let m = one(text);
        assert_eq!(m.kind, QuantityKind::Money, "{text}: {m:?}");
        assert_eq!(m.value, Some(v), "{text}");
        assert_eq!(m.unit.as_ref().unwrap().name, cur, "{text}");
        assert_eq!(m.span, Span::new(0, text.len()), "{text}");
    }
    let t = "more than $75 million";
    let m = one(t);
    assert_eq!(slice(t, m.number), "75 million");
    assert_eq!(m.qualifier, Some(Qualifier::MoreThan));
}

#[test]
fn a_sign_between_two_numbers_belongs_to_the_second() {
    // glued to the second: a count of priced things
    let t = "Fans bought 2 $45 seats and 3 €20 scarves.";
    let got: Vec<_> = q(t)
        .iter()
        .map(|m| (slice(t, m.span).to_string(), m.kind, m.value))
        .collect();
    assert_eq!(
        got,
        [
            ("2".to_string(), QuantityKind::Number, Some(2.0)),
            ("$45".to_string(), QuantityKind::Money, Some(45.0)),
            ("3".to_string(), QuantityKind::Number, Some(3.0)),
            ("€20".to_string(), QuantityKind::Money, Some(20.0)),
        ]
    );
    // spaced, with the same currency named after the second: the second's
    let t = "She found 1 $ 20 dollars note.";
    let money: Vec<_> = q(t)
        .into_iter()
        .filter(|m| m.kind == QuantityKind::Money)
        .collect();
    assert_eq!(money.len(), 1, "{money:#?}");
    assert_eq!(
        (money[0].value, slice(t, money[0].span)),
        (Some(20.0), "$ 20 dollars")
    );
    // spaced on both sides otherwise, and a code spelled in letters: the first's
    assert_eq!(one("It cost 10 € 30 cent.").value, Some(10.3));
    assert_eq!(
        q("They paid 15 USD 70 times.")[0].unit.as_ref().unwrap().name,
        "USD"
    );
    assert_eq!(q("They paid 15 USD 70 times.")[0].value, Some(15.0));
}

#[test]
fn a_currency_word_before_an_amount_with_a_scale_word() {
    for (text, v, cur) in [
        ("The grant is rupees 3 crore a year.", 3e7, "INR"),
        ("Bids open at dollar 3.2 million.", 3.2e6, "USD"),
    ] {
        let money: Vec<_> = q(text)
            .into_iter()
            .filter(|m| m.kind == QuantityKind::Money)
            .collect();
        assert_eq!(money.len(), 1, "{text}: {money:#?}");
        assert_eq!(money[0].value, Some(v), "{text}");
        assert_eq!(money[0].unit.as_ref().unwrap().name, cur, "{text}");
    }
    // a unit after the amount, a determiner or a capital before the word, or an amount
    // with no scale word (a version, a rate, a count): no currency before it
    for text in [
        "It left dollar 2 billion percent higher.",
        "It left the dollar 2 billion weaker.",
        "Readers bought Ayn Rand 1.5 million times.",
        "The Euro 2.0 plan and the euro 1.10 level.",
        "Penny 2,500 signed it.",
        "He converted dollars 2,000 at a time.",
    ] {
        assert!(
            q(text).iter().all(|m| m.kind != QuantityKind::Money),
            "{text}: {:#?}",
            q(text)
        );
    }
}

#[test]
fn spoken_cents_before_a_comparative_that_ends_the_phrase() {
    assert_eq!(one("Tickets cost 12 dollars 40 more.").value, Some(12.4));
    assert_eq!(one("They charge 9 EUR 25 extra, they say.").value, Some(9.25));
    // with a sign, cents of one digit, a word after the comparative, or after "and", the
    // second number counts something of its own
    let values = |t: &str| q(t).iter().map(|m| m.value).collect::<Vec<_>>();
    assert_eq!(values("It is $5 20 more."), [Some(5.0), Some(20.0)]);
    assert_eq!(values("It is 5 dollars 20 more riders."), [Some(5.0), Some(20.0)]);
    assert_eq!(values("It is 5 dollars 2 more."), [Some(5.0), Some(2.0)]);
    assert_eq!(
        values("The fee was 40 dollars and 15 more."),
        [Some(40.0), Some(15.0)]
    );
    assert_eq!(
        values("Fines of 100 dollars and 2 or 3 years in jail."),
        [Some(100.0), Some(2.0), Some(3.0)]
    );
}

#[test]
fn rupee_signs_of_sri_lanka() {
    for text in ["120,000 ரூ", "රු 4,500", "LKR 9.5 million"] {
        let m = one(text);
        assert_eq!(m.kind, QuantityKind::Money, "{text}: {m:?}");
        assert_eq!(m.unit.as_ref().unwrap().name, "LKR", "{text}");
    }
}

#[test]
fn a_one_letter_currency_needs_an_amount_written_as_money() {
    for (text, v) in [
        ("R12.75", 12.75),
        ("R3,400", 3400.0),
        ("R650 million", 650e6),
        ("R1.8bn", 1.8e9),
    ] {
        let m = one(text);
        assert_eq!(m.kind, QuantityKind::Money, "{text}: {m:?}");
        assert_eq!(m.value, Some(v), "{text}");
        assert_eq!(m.unit.as_ref().unwrap().name, "ZAR", "{text}");
    }
    // A bare letter and number is a road, a grade or a code.
    for text in ["Take the R62 inland.", "The R8 grade failed."] {
        assert!(
            q(text).iter().all(|m| m.kind != QuantityKind::Money),
            "{text}: {:#?}",
            q(text)
        );
    }
    assert_eq!(one("N$90 million").unit.unwrap().name, "NAD");
    assert_eq!(one("N4.5 billion").unit.unwrap().name, "NGN");
    assert!(q("Nurses asked for N95 masks.")
        .iter()
        .all(|m| m.kind != QuantityKind::Money));
    assert_eq!(one("KSh 2.4 billion").unit.unwrap().name, "KES");
}

#[test]
fn measures() {
    for (text, v, unit, dim) in [
        ("3 km", 3.0, "km", Dimension::Length),
        ("75ml", 75.0, "ml", Dimension::Volume),
        ("200lbs", 200.0, "lb", Dimension::Mass),
        ("40 degrees Celsius", 40.0, "°C", Dimension::Temperature),
        ("3-inch", 3.0, "inch", Dimension::Length),
        ("12 mg/L", 12.0, "mg/l", Dimension::Other),
        ("9 m s−1", 9.0, "m s-1", Dimension::Other),
    ] {
        let m = one(text);
        assert_eq!(m.kind, QuantityKind::Measure, "{text}: {m:?}");
        assert_eq!(m.value, Some(v));
        let u = m.unit.unwrap();
        assert_eq!((u.name.as_str(), u.dimension), (unit, dim), "{text}");
        assert_eq!(m.span.end, text.len(), "{text}");
    }
}

#[test]
fn durations_are_numbers_with_a_time_unit() {
    let d = one("a 48-hour truce");
    assert_eq!(d.kind, QuantityKind::Number);
    assert_eq!(d.unit.unwrap().dimension, Dimension::Time);
}

#[test]
fn ages_and_ordinals() {
    let t = "When she was five years old";
    let a = one(t);
    assert_eq!(a.kind, QuantityKind::Age);
    assert_eq!(slice(t, a.span), "five years old");
    let t = "a 34-year-old baker";
    assert_eq!(one(t).kind, QuantityKind::Age);
    assert_eq!(one("aged 61, he").kind, QuantityKind::Age);
    for text in ["the third round", "the 21st floor", "her twenty-fifth film"] {
        assert_eq!(one(text).kind, QuantityKind::Ordinal, "{text}");
    }
}

#[test]
fn a_digit_before_g_is_a_network_generation() {
    // Rule `giga-letter`: one digit glued to G names a generation; a bare "5 G" is no
    // written amount either.
    for text in ["The 5G masts went up in Keldby.", "Older 4G phones still work."] {
        assert!(
            q(text)
                .iter()
                .all(|x| x.value != Some(5e9) && x.value != Some(4e9)),
            "{text}: {:?}",
            q(text)
        );
    }
    assert_eq!(value("Some 5 G of the terminal staff met."), 5.0);
    assert_eq!(value("The shop at 1,200 M Street closed."), 1200.0);
}

#[test]
fn labels_codes_and_pronouns_are_not_quantities() {
    assert!(q("See Figure 3 and Article 50.").is_empty());
    assert!(q("Flight MH17 and the G20 and COVID-19").is_empty());
    assert!(q("Which one do you want? The one on the left, one of them.").is_empty());
    assert!(q("read https://example.org/a?x=30%25 now").is_empty());
}

#[test]
fn a_unit_glued_to_a_label_words_number_makes_it_a_measure() {
    // "column" labels a table's column ("column 12"), a letter its panel ("Figure 3A").
    assert!(q("The totals are in column 12 of the ledger.").is_empty());
    assert!(q("See Figure 3A and panel 2b.").is_empty());
    let t = "The blast sent a smoke column 9km into the air over Velm.";
    let qs = q(t);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!((slice(t, qs[0].span), qs[0].value), ("9km", Some(9.0)));
}

#[test]
fn a_year_is_not_glued_to_a_number() {
    let t = "In 2016 300 people left.";
    let qs = q(t);
    let texts: Vec<&str> = qs.iter().map(|x| slice(t, x.span)).collect();
    assert_eq!(texts, ["2016", "300"]);
}

#[test]
fn spans_are_in_order_and_never_overlap_on_odd_input() {
    let odd = [
        "",
        "-",
        "$",
        "½",
        "1e",
        "1e999",
        "9^999",
        "—–-",
        "1,",
        ",1",
        "1..2",
        "£-",
        "a a a a",
        "half",
        "and and 3",
        "𝟙𝟚 ١٢٣ 12",
        "x>10 and y<20",
        "3 ± ",
        "~~~5",
        "5%%",
        "1/0",
        "tens of",
        "between and",
        "point",
        "minus",
        "one-",
        "twenty-",
        "0.0.0.0",
        "$$$$1",
    ];
    for s in odd {
        check(s);
    }
    let mut long = String::new();
    for i in 0..500 {
        long.push_str(&format!("{i} and {} per cent, £{i}m-{}bn; ", i * 7, i + 1));
    }
    check(&long);
}

fn check(s: &str) {
    let qs = quantities(s);
    let mut end = 0;
    for x in &qs {
        assert!(x.span.start >= end, "{s:?}: overlap in {qs:?}");
        assert!(x.span.start < x.span.end && x.span.end <= s.len());
        assert!(s.get(x.span.start..x.span.end).is_some());
        assert!(
            x.number.start >= x.span.start && x.number.end <= x.span.end,
            "{s:?}: {x:?}"
        );
        end = x.span.end;
    }
}

proptest::proptest! {
    #[test]
    fn never_panics_and_spans_hold(s in "\\PC{0,60}") {
        check(&s);
    }

    #[test]
    fn never_panics_on_numberish_text(s in "[0-9a-z $£%.,/\\-–^+±~<>=½]{0,60}") {
        check(&s);
    }
}

#[test]
fn british_hundreds_and_thousands() {
    assert_eq!(
        one("three hundred and fifty thousand fans").value,
        Some(350_000.0)
    );
    assert_eq!(one("two thousand and two hundred pages").value, Some(2200.0));
    assert_eq!(one("one million and a half euros").value, Some(1_500_000.0));
}

#[test]
fn an_article_before_a_dollar_is_not_a_currency_prefix() {
    let m = one("won a $48.2 million contract");
    assert_eq!(m.unit.unwrap().name, "USD");
    let h = one("to HK$10.05 billion");
    assert_eq!(h.unit.unwrap().name, "HKD");
}

#[test]
fn a_comparison_after_about_wins_and_ages_keep_theirs() {
    let r = one("about five hundred or more");
    assert_eq!(r.qualifier, Some(Qualifier::AtLeast));
    let t = "more than 30 years old";
    let a = one(t);
    assert_eq!(a.kind, QuantityKind::Age);
    assert_eq!(
        a.low,
        Some(Bound {
            value: 30.0,
            inclusive: false
        })
    );
    assert_eq!(a.unit.unwrap().name, "year");
}

#[test]
fn reference_marks_are_not_quantities() {
    let t = "as shown before [12] and [3, 4], 7 kg";
    let qs = q(t);
    assert_eq!(qs.len(), 1, "{qs:?}");
    assert_eq!(slice(t, qs[0].span), "7 kg");
}

#[test]
fn a_tolerance_takes_the_unit_written_after_it() {
    let t = "rose by 1.6 ± 0.2% overall";
    let p = one(t);
    assert_eq!(slice(t, p.span), "1.6 ± 0.2%");
    assert_eq!(p.kind, QuantityKind::Percent);
    assert_eq!((p.low.unwrap().value * 10.0).round(), 14.0);
}

fn value(text: &str) -> f64 {
    let qs = q(text);
    assert_eq!(qs.len(), 1, "{text:?} gave {qs:#?}");
    qs[0]
        .value
        .unwrap_or_else(|| panic!("{text:?} has no value: {qs:#?}"))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn fractions_over_compound_ordinals_and_mixed_numbers() {
    for (text, want) in [
        ("one twenty-fifth of the harvest", 1.0 / 25.0),
        ("three twenty-firsts of the vote", 3.0 / 21.0),
        ("one hundred thirty-fifths", 100.0 / 35.0),
        ("one one hundred fifth of it", 1.0 / 105.0),
        ("one hundred and three quarters", 100.75),
        ("two hundred and fifty-four hundredths", 200.54),
        ("one hundred and thirty fifths", 26.0),
        ("a hundred thousand millionths", 0.1),
        ("four million and one half", 4.5e6),
        ("three hundred and two dozen", 324.0),
    ] {
        assert!(close(value(text), want), "{text}: {}", value(text));
    }
    // a singular ordinal before a noun is an ordinal, not a fraction
    assert!(q("a third-party app").iter().all(|x| x.value != Some(1.0 / 3.0)));
    let qs = q("a twenty-first-century port");
    assert!(qs.iter().all(|x| x.kind == QuantityKind::Ordinal), "{qs:?}");
}

#[test]
fn a_second_number_after_and_is_not_joined() {
    let t = "4 thousand and 2 thousand crates";
    let vs: Vec<f64> = q(t).iter().filter_map(|x| x.value).collect();
    assert_eq!(vs, [4000.0, 2000.0]);
    let vs: Vec<f64> = q("six hundred and 0 spare")
        .iter()
        .filter_map(|x| x.value)
        .collect();
    assert_eq!(vs, [600.0, 0.0]);
}

#[test]
fn shares_written_as_a_count_out_of_a_whole() {
    for (text, want) in [
        ("one in five voters", 0.2),
        ("3 out of 4 growers", 0.75),
        ("nine in 10 riders", 0.9),
        ("one over three.", 1.0 / 3.0),
        ("one in a million", 1e-6),
        // after a word that makes "one" a pronoun elsewhere ("that one")
        ("a poll showed that one in five voters", 0.2),
        ("the study found that one out of eight", 0.125),
    ] {
        assert!(close(value(text), want), "{text}");
    }
    // "that one" before a year or a rank is the pronoun, not a share
    assert!(q("worse than that one in 2015")
        .iter()
        .all(|x| x.value != Some(1.0)));
    // a year, a unit or a noun after "over" make no share
    for text in ["1 in 2016", "5 in 10 minutes", "scored 70 over 50 games"] {
        assert!(q(text).len() >= 2, "{text}: {:?}", q(text));
    }
    let r = one("2 in 5 or more");
    assert_eq!(r.low.unwrap().value, 0.4);
    // rule `hyphened-share`: one hyphened word, the whole share and its span
    for (text, want, span) in [
        ("a one-in-three chance of rain", 1.0 / 3.0, "one-in-three"),
        ("odds of one-in-four", 0.25, "one-in-four"),
        ("a 1-in-100 risk", 0.01, "1-in-100"),
        ("two-out-of-five tenants", 0.4, "two-out-of-five"),
    ] {
        let r = one(text);
        assert!(close(r.value.unwrap(), want), "{text}: {r:?}");
        assert_eq!(&text[r.number.start..r.number.end], span, "{text}");
    }
    // a spaced hyphen is no share word, and "in" alone after a hyphen neither
    assert!(q("one - in three").iter().all(|x| x.value != Some(1.0 / 3.0)));
}

#[test]
fn digit_groups_other_than_english_and_decimal_commas() {
    assert_eq!(value("12,34,567 rupees"), 1_234_567.0);
    assert_eq!(value("1.234.567 visitors"), 1_234_567.0);
    assert!(close(value("1.250,5 tonnes"), 1250.5));
    assert!(close(value("a ratio of 2,5 then"), 2.5));
    // lists, brackets and chemical names keep their commas
    // ("items 22,24,26 were" would now be a label's list: rule `label-then-verb`)
    assert_eq!(q("scores 22,24,26 were").len(), 3);
    assert!(q("as noted (12,14)").is_empty());
    assert!(q("poly-2,5-diene").iter().all(|x| x.value != Some(2.5)));
    assert!(close(value("-1.5^--2"), -2.25));
}

#[test]
fn money_in_dollars_and_cents_and_scaled_codes() {
    for (text, want, cur) in [
        ("it cost 4 dollars 20 cents", 4.2, "USD"),
        ("eleven pounds and thirty pence", 11.3, "GBP"),
        ("paid 15 dollars 75.", 15.75, "USD"),
        ("a loss of 40 MUSD", 40e6, "USD"),
        ("cost 30 USD million", 30e6, "USD"),
        ("near c $ 12", 12.0, "CAD"),
        ("the band's $ 90 fee", 90.0, "USD"),
    ] {
        let m = one(text);
        assert!(close(m.value.unwrap(), want), "{text}: {m:?}");
        assert_eq!(m.unit.unwrap().name, cur, "{text}");
    }
    // yuan with tenths (mao, jiao) and hundredths (fen, or a last bare digit)
    for (text, want, span) in [
        ("it was three kuai five mao", 3.5, "three kuai five mao"),
        (
            "a ticket is one yuan and two jiao five.",
            1.25,
            "one yuan and two jiao five",
        ),
        ("just 4 kuai 6 mao 8 fen at the stall", 4.68, "4 kuai 6 mao 8 fen"),
        ("3 kuai 5 mao 2 people paid", 3.5, "3 kuai 5 mao"),
    ] {
        let qs = q(text);
        let m = &qs[0];
        assert!(close(m.value.unwrap(), want), "{text}: {m:?}");
        assert_eq!(slice(text, m.span), span, "{text}");
    }
    // "mao" after no amount of yuan, or after dollars, is no currency
    assert_eq!(q("it cost 3 dollars 5 mao")[0].value, Some(3.0));
    // a count after "and" is not cents, nor is a range's second end
    assert_eq!(q("it cost $15 and 20 people came").len(), 2);
    let r = one("between $20 and 30.");
    assert_eq!(r.high.unwrap().value, 30.0);
    // an ordinal word does not end a number begun in digits
    let qs = q("a $ 280 million first issue");
    assert_eq!((qs[0].kind, qs[0].value), (QuantityKind::Money, Some(280e6)));
}

#[test]
fn comparisons_that_are_not_qualifiers() {
    assert_eq!(one("how about 20?").qualifier, None);
    assert_eq!(one("<>30").qualifier, None);
    let qs = q("equal to 50 or less than 60");
    assert_eq!(qs.len(), 2);
    assert_eq!(qs[0].low.unwrap().value, 50.0);
    assert_eq!(qs[1].high.unwrap().value, 60.0);
}

#[test]
fn pronoun_one_after_a_determiner_and_an_adjective() {
    no_figures(&[
        "the previous one.",
        "the last but one",
        "they helped one another",
        "one would think so",
    ]);
    assert_eq!(one("the top one percent").kind, QuantityKind::Percent);
    assert!(close(value("an estimated one in five"), 0.2));
}

#[test]
fn numbers_that_name_rather_than_count() {
    no_figures(&[
        "the 3D model",
        "16S rRNA",
        "the 5G mast",
        "in the 1990s",
        "(Smith, 2006b)",
        "as shown (7).",
        "refs (4,35–38,44) agree",
        "t(39) was",
        "Mg(ClO4)2 salt",
        "Section 3.1.3 says",
        "clone hSOX2-23 grew",
        "per ha−1 yearly",
        "where 1 = never",
        "the {111} planes",
        "at phases 3, 5 and 7,",
        "see Figs. 10 and 11.",
        "on day 14.",
        "the Voyager 2 (later)",
        "Mn and Fe",
    ]);
    // counts stay: after a time word that is followed by what it counts, a capitalised
    // sentence start, a month, a label word before a measure
    assert_eq!(q("the day 300 people marched").len(), 1);
    assert_eq!(q("By 2020 the fleet grew").len(), 1);
    assert_eq!(one("by December 16.").value, Some(16.0));
    assert_eq!(one("the site 30 km away").kind, QuantityKind::Measure);
    assert_eq!(one("it took 250mls").unit.unwrap().name, "ml");
    // pence glued to a small amount; a page or a video resolution otherwise
    assert_eq!(one("up 20p on the year").unit.unwrap().name, "penny");
    assert!(q("records 1080p video").iter().all(|x| x.unit.is_none()));
    assert!(q("table 4 p 12").iter().all(|x| x.unit.is_none()));
    assert_eq!(one("the shares closed at 485p").unit.unwrap().name, "penny");
    assert!(q("a pack of 24pcs")
        .iter()
        .all(|x| x.unit.as_ref().is_none_or(|u| u.name != "percent")));
    // an abbreviation and its "s" that spell a word are the word
    assert_eq!(one("one in eight has diabetes").unit, None);
    assert_eq!(one("priced at 42MYR").value, Some(42.0));
}

#[test]
fn ranges_in_either_order_after_between_negative_ranges_and_age_spans() {
    let r = one("between 30 and 20 boats");
    assert_eq!((r.low.unwrap().value, r.high.unwrap().value), (20.0, 30.0));
    let r = one("from −2 to −7 ‰");
    assert_eq!((r.low.unwrap().value, r.high.unwrap().value), (-7.0, -2.0));
    // a fall told from the higher figure is two figures, not a range
    assert_eq!(q("fell from 30 to 20").len(), 2);
    let t = "staff aged 35 to 55, all";
    let a = one(t);
    assert_eq!(a.kind, QuantityKind::Age);
    // Rule `age-word-apart`: "aged" names what is measured; the span is the value.
    assert_eq!(slice(t, a.span), "35 to 55");
    assert_eq!((a.low.unwrap().value, a.high.unwrap().value), (35.0, 55.0));
}

#[test]
fn hyphenated_symbols_flattened_powers_and_order_qualifiers() {
    let m = one("a 2-min pause");
    assert_eq!(m.unit.unwrap().name, "min");
    assert!(close(value("a ratio of 10−4 only"), 1e-4));
    // an ordinary hyphen between 10 and 4 is a score or a range, not a power
    assert!(q("won 10-4").iter().all(|x| x.value != Some(1e-4)));
    assert_eq!(one("within 72 hours").qualifier, Some(Qualifier::AtMost));
    assert_eq!(one("in the order of 100 m").qualifier, Some(Qualifier::About));
}

/// The text's `n` quantities, all members of one list that spans `want`.
fn one_list(text: &str, n: usize, want: &str) -> Vec<Quantity> {
    let qs = q(text);
    assert_eq!(qs.len(), n, "{qs:#?}");
    let list = qs[0].list.expect("a list");
    assert_eq!(slice(text, list), want);
    assert!(qs.iter().all(|x| x.list == Some(list)), "{qs:#?}");
    qs
}

#[test]
fn a_list_of_one_unit_is_marked_and_shares_its_unit() {
    // Rule `shared-unit-list`.
    let text = "The crates weighed 2.5, 7 and 11 kg at the dock.";
    let qs = one_list(text, 3, "2.5, 7 and 11 kg");
    assert!(qs.iter().all(|x| x.unit.as_ref().is_some_and(|u| u.name == "kg")));
    assert!(qs.iter().all(|x| x.kind == QuantityKind::Measure));
    assert_eq!(qs[1].value, Some(7.0));
    // Two percentages joined by "or" are a list too.
    let text = "Turnout was 41% or 44% by most counts.";
    let qs = q(text);
    assert_eq!(qs.len(), 2);
    assert_eq!(slice(text, qs[1].list.unwrap()), "41% or 44%");
    // "respectively" pairs the members with separate things: no list.
    let qs = q("The poles were 3 m and 8 m tall, respectively.");
    assert!(qs.iter().all(|x| x.list.is_none()), "{qs:#?}");
    // Different units are no list, and a lone number is none.
    let qs = q("She paid $40 and walked 6 km.");
    assert!(qs.iter().all(|x| x.list.is_none()), "{qs:#?}");
    assert!(one("A ferry took 90 cars.").list.is_none());
}

#[test]
fn a_change_from_one_value_to_another_is_a_pair() {
    // Rule `shared-unit-list`, "from … to …" falling: two values, one pair.
    let text = "The lake sank from 40 to 25 m over the summer.";
    let qs = q(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(qs[0].value, Some(40.0));
    assert_eq!(qs[0].unit.as_ref().map(|u| u.name.as_str()), Some("m"));
    assert_eq!(slice(text, qs[0].list.unwrap()), "from 40 to 25 m");
    // A rising one is still one range.
    let r = one("The lake rose from 25 to 40 m.");
    assert_eq!(r.kind, QuantityKind::Measure);
    assert!(r.value.is_none() && r.list.is_none());
}

#[test]
fn two_numbers_glued_by_a_colon_are_a_ratio_unless_a_clock_time() {
    // Rule `colon-ratio`.
    let text = "Mix the resin at 1:4 with the hardener.";
    let r = one(text);
    assert_eq!(slice(text, r.span), "1:4");
    assert!((r.value.unwrap() - 0.25).abs() < 1e-9);
    assert_eq!(
        one("A 17:3 split of the seats.").value.map(|v| (v * 3.0).round()),
        Some(17.0)
    );
    // Clock times and chains of three stay apart.
    for text in [
        "The bus left at 10:45 sharp.",
        "The probe fired at 03:12:40 on the dot.",
    ] {
        assert!(
            q(text).iter().all(|x| !slice(text, x.span).contains(':')),
            "{text}: {:#?}",
            q(text)
        );
    }
}

#[test]
fn a_word_of_capitals_before_a_number_names_it() {
    // Rule `acronym-number`.
    no_figures(&[
        "Samples from the KPX 4 interval were grey.",
        "We calibrated against the QR 702 standard.",
    ]);
    // A headline in capitals keeps its count, and a currency code is money.
    assert_eq!(one("STORM SINKS 40 BOATS").value, Some(40.0));
    assert_eq!(one("It was sold for USD 500 in May.").kind, QuantityKind::Money);
}

#[test]
fn a_compass_letter_after_degrees_is_part_of_the_unit() {
    let text = "The buoy drifted to 12°N by June.";
    let got = one(text);
    assert_eq!(slice(text, got.span), "12°N");
    assert_eq!(got.unit.unwrap().name, "degree");
}

#[test]
fn a_verb_after_a_label_number_ends_the_label() {
    // Rule `label-then-verb`.
    no_figures(&[
        "Plots 4 and 9 were flooded in spring.",
        "Under the lamp, sample 2 shows a blue tint.",
    ]);
    // A decimal after the label word is a value, and a noun after the number a count.
    assert_eq!(q("The samples 12.5 and 13.5 were heavier.").len(), 2);
    assert_eq!(one("On that day 300 people marched.").value, Some(300.0));
}

#[test]
fn a_product_sign_multiplies_and_a_flattened_power_is_a_power_of_ten() {
    // Rules `product-sign` and `flattened-power`.
    let text = "The pump moved 4 × 105 kg s−1 through the pipe.";
    let got = one(text);
    assert_eq!(slice(text, got.span), "4 × 105 kg s−1");
    assert!(close(got.value.unwrap(), 4e5), "{got:#?}");
    let text = "Growth was 2.5 ×1012 fold over the run.";
    assert!(close(one(text).value.unwrap(), 2.5e12));
    // A relay stays a count of legs and a distance, never 10⁰; "×" with no number after
    // it is still "times".
    let relay = q("She ran the 4 × 100 m relay.");
    assert!(relay
        .iter()
        .all(|x| x.value != Some(4.0) || x.unit.as_ref().unwrap().name == "m"));
    assert!(relay.iter().any(|x| x.value == Some(100.0)), "{relay:#?}");
    assert_eq!(one("Seen at 40× under the lens.").unit.unwrap().name, "times");
}

#[test]
fn sizes_multiplied_are_one_list_with_the_unit_written_once() {
    // Rule `size-product`.
    let text = "The slab measured 40 × 12 × 5 cm and the tile 3 x 4 m, respectively.";
    let qs = q(text);
    assert_eq!(qs.len(), 5, "{qs:#?}");
    assert_eq!(slice(text, qs[0].list.unwrap()), "40 × 12 × 5 cm");
    assert!(qs[..3].iter().all(|x| x.unit.as_ref().unwrap().name == "cm"));
    assert_eq!(slice(text, qs[3].list.unwrap()), "3 x 4 m");
    assert_eq!(qs[3].unit.as_ref().unwrap().name, "m");
}

#[test]
fn degrees_minutes_and_seconds_are_one_angle() {
    // Rules `degrees-minutes-seconds` and `coordinate-pair`.
    let text = "The wreck lies at 43°15′30″N; 7°30′W off the cape.";
    let qs = q(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(slice(text, qs[0].span), "43°15′30″N");
    assert!(close(qs[0].value.unwrap(), 43.0 + 15.0 / 60.0 + 30.0 / 3600.0));
    assert!(close(qs[1].value.unwrap(), 7.5));
    assert_eq!(slice(text, qs[0].list.unwrap()), "43°15′30″N; 7°30′W");
    let text = "A bearing of 120° 45' was set.";
    assert!(close(one(text).value.unwrap(), 120.75));
}

#[test]
fn a_clock_time_is_no_number_and_one_to_n_is_a_ratio() {
    // Rules `clock-time` and `one-to-n`.
    no_figures(&[
        "The gauge rose between 04:10 GMT and 04:55 GMT.",
        "A spike near ~02:14:30 UT faded.",
        "The ferry sails at 1:15 and again at 1:50 pm.",
    ]);
    let text = "The ramp rises at a 1:12 gradient.";
    let got = one(text);
    assert_eq!(slice(text, got.span), "1:12");
    assert!(close(got.value.unwrap(), 1.0 / 12.0));
}

#[test]
fn a_power_of_ten_written_apart_scales_the_value() {
    // Rule `power-apart`.
    let text = "Widths of (0.3–0.6)×10−9 m were found.";
    let got = one(text);
    assert_eq!(slice(text, got.span), "(0.3–0.6)×10−9 m");
    assert!(close(got.low.unwrap().value, 0.3e-9) && close(got.high.unwrap().value, 0.6e-9));
    assert_eq!(got.unit.unwrap().name, "m");
    let text = "Doses of 2.1–4.4 (×10−3) g were given.";
    let got = one(text);
    assert_eq!(slice(text, got.span), "2.1–4.4 (×10−3) g");
    assert!(close(got.high.unwrap().value, 4.4e-3));
}

#[test]
fn one_picking_out_of_things_named_is_a_pronoun() {
    // Rule `one-of-those-named`.
    for text in [
        "We built kilns, one where the clay dried slowly.",
        "Two drafts circulated: one with a preamble.",
        "It was one which nobody wanted.",
    ] {
        assert!(
            q(text).iter().all(|x| x.value != Some(1.0)),
            "{text}: {:#?}",
            q(text)
        );
    }
    assert_eq!(one("We saw one ferry with a crane.").value, Some(1.0));
}

#[test]
fn numbers_of_dimensions_and_slash_codes_name_things() {
    // Rules `n-dimensional` and `slash-code`.
    no_figures(&[
        "A two-dimensional sketch of the hull.",
        "The 3DXR scanner and a 3-dimensional mesh.",
        "Core 31/6b-2 was logged twice.",
        "Logs from the 31/6b-2 well.",
    ]);
    // "42MYR" stays an amount; a glued "D" after a larger number is not a dimension.
    assert_eq!(one("They paid 42MYR.").value, Some(42.0));
}

#[test]
fn two_shares_of_a_hundred_are_one_split() {
    // Rule `hundred-split`.
    let text = "Voters went 70/30% for the plan.";
    let qs = q(text);
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(slice(text, qs[0].list.unwrap()), "70/30%");
    assert_eq!(qs[0].kind, QuantityKind::Percent);
    // Numbers that do not add up to a hundred stay apart.
    assert!(q("Route 9/14 closed.").iter().all(|x| x.list.is_none()));
}

#[test]
fn a_page_number_and_activity_units() {
    // `p` label row in markers.tsv; `IU`, `U/ml` rows in units.tsv.
    assert!(q("As argued earlier (p. 212), the case holds.").is_empty());
    assert_eq!(one("Take 800 IU of it daily.").unit.unwrap().name, "IU");
    assert_eq!(one("Add 50 U/mL of enzyme.").unit.unwrap().name, "U/ml");
}

#[test]
fn a_names_chapter_and_verse_is_one_reference() {
    // Rule `name-reference`: the colon after a name's number goes on the reference.
    no_figures(&[
        "The vicar of Orslev quoted Ezra 4:12 at the vigil.",
        "She cited Corvin 12:3-5 in her appeal.",
    ]);
    // A ratio with no name before it is still one.
    assert!((value("The dye was diluted 1:60 before use.") - 1.0 / 60.0).abs() < 1e-9);
}

#[test]
fn a_day_and_month_announced_as_a_date_are_no_figure() {
    // Rule `slash-date`: after a colon or a dating word, "5/12" is a date.
    no_figures(&[
        "UPDATE: 5/12 The ferry sails again.",
        "Posted 11/3 by the harbour office.",
        "The vote on 4/7 was close.",
    ]);
    // With its year the date is the time reader's, as before.
    assert_eq!(q("The vote on 5/17/2018 was close.").len(), 3);
    // Not announced, a usual denominator: a fraction.
    assert!((value("Only 3/4 of the crew returned.") - 0.75).abs() < 1e-9);
}

#[test]
fn a_share_after_and_is_a_number_of_its_own() {
    // Rule `share-after-and`: "and three quarters of" starts a share.
    let text = "Seats went to 60 and three quarters of the rest stayed empty.";
    let got: Vec<f64> = q(text).iter().filter_map(|x| x.value).collect();
    assert_eq!(got, [60.0, 0.75], "{:?}", q(text));
    // A mixed number is still one, also before "of" and an amount.
    assert!((value("The pier is 2 and a half metres high.") - 2.5).abs() < 1e-9);
    assert!((value("It took one and a quarter of an hour.") - 1.25).abs() < 1e-9);
    // The text may end after "of".
    assert_eq!(q("Seats went to 60 and three quarters of").len(), 1);
}

/// Each text's one quantity spans the text given with it.
fn spans_are(cases: &[(&str, &str)]) {
    for &(t, want) in cases {
        assert_eq!(slice(t, one(t).span), want, "{t}");
    }
}

#[test]
fn average_lead_joins_the_span() {
    spans_are(&[
        ("Rainfall there was on average 3–4 mm heavier.", "average 3–4 mm"),
        ("The kites flew an average 40 m high.", "average 40 m"),
        // Not adjacent: the word names the measure, not the quantity.
        ("The average of the crates was 12 kg.", "12 kg"),
    ]);
}

#[test]
fn plus_minus_lead_joins_the_span() {
    spans_are(&[
        ("The gauge drifts by ±3% in frost.", "±3%"),
        ("Waves reached a swing of ± 2 m near the pier.", "± 2 m"),
        // After a value it is a tolerance, read with the value.
        ("The rod measured 7.5 ± 0.2 cm.", "7.5 ± 0.2 cm"),
    ]);
}

#[test]
fn per_tail_joins_the_span() {
    spans_are(&[
        ("The glacier lost 2–4% per decade since then.", "2–4% per decade"),
        ("The heater draws 40 W per room.", "40 W per room"),
        // A noun between the number and "per" ends the quantity before it.
        ("Each tile carried 9 dots per row.", "9"),
        // "per cent" is a unit; a number after "per" is a quantity of its own.
        ("Prices rose 6 per cent in May.", "6 per cent"),
    ]);
    let qs = q("Some 3 beds per 100 residents were free.");
    assert_eq!(qs.len(), 2, "{qs:#?}");
    assert_eq!(
        slice("Some 3 beds per 100 residents were free.", qs[0].span),
        "Some 3"
    );
}

#[test]
fn versus_pair_is_no_list() {
    let t = "Pass rates (61% vs. 22%, 48% vs. 30%, respectively) fell.";
    let qs = q(t);
    assert_eq!(qs.len(), 4, "{qs:#?}");
    assert!(qs.iter().all(|q| q.list.is_none()), "{qs:#?}");
    // Without the comparison word the two still form a list.
    let t = "Shares of 61%, 22% and 48% were seen.";
    assert!(q(t).iter().all(|q| q.list.is_some()));
}

#[test]
fn confidence_level_ends_no_list() {
    let t = "The hazard ratio was 1.8, 90% CI 1.2–2.6, in the cohort.";
    let qs = q(t);
    let level = qs.iter().find(|q| slice(t, q.span) == "90%").expect("the level");
    assert!(level.list.is_none(), "{qs:#?}");
    let first = qs.iter().find(|q| q.value == Some(1.8)).expect("the ratio");
    assert!(first.unit.is_none(), "{qs:#?}");
}

/// Each text's one quantity spans the text given with it and has the qualifier given.
fn spans_and_qualifiers(cases: &[(&str, &str, Option<Qualifier>)]) {
    for &(t, want, qualifier) in cases {
        let got = one(t);
        assert_eq!((slice(t, got.span), got.qualifier), (want, qualifier), "{t}");
    }
}

#[test]
fn low_extreme_and_slanted_signs_bound() {
    spans_and_qualifiers(&[
        (
            "Night air can fall as low as −9 °C here.",
            "as low as −9 °C",
            Some(Qualifier::AtLeast),
        ),
        ("Samples held ⩽1.5% water.", "⩽1.5%", Some(Qualifier::AtMost)),
        (
            "The ratio stays ≳ 40 in the core.",
            "≳ 40",
            Some(Qualifier::AtLeast),
        ),
    ]);
}

#[test]
fn stacked_qualifiers_join_the_span() {
    // Rule `stacked-qualifier`: the bound wins over a plain "about" after it.
    spans_and_qualifiers(&[
        (
            "The kiln stays above ~640 °C all night.",
            "above ~640 °C",
            Some(Qualifier::MoreThan),
        ),
        (
            "The crack sits within <0.3 m of the hinge.",
            "within <0.3 m",
            Some(Qualifier::LessThan),
        ),
        (
            "Tickets went over more than 12 rounds of sales.",
            "over more than 12",
            Some(Qualifier::MoreThan),
        ),
        // One qualifier alone is read as before.
        ("It weighs about 4 kg.", "about 4 kg", Some(Qualifier::About)),
    ]);
}

#[test]
fn before_bounds_a_duration_or_a_temperature() {
    // Rule `before-bound`.
    let t = "Most foals stand before 2 hours have passed.";
    let got = one(t);
    assert_eq!(slice(t, got.span), "before 2 hours");
    assert_eq!(got.qualifier, Some(Qualifier::LessThan));
    assert_eq!(got.high.map(|b| (b.value, b.inclusive)), Some((2.0, false)));
    let t = "The glaze cracks before 900 °C in our kiln.";
    assert_eq!(slice(t, one(t).span), "before 900 °C");
    // A count or money after "before" is no bound.
    let t = "The band played before 30,000 fans.";
    let got = one(t);
    assert_eq!(slice(t, got.span), "30,000");
    assert_eq!(got.qualifier, None);
    let t = "Shares sold before $5 billion was raised.";
    assert_eq!(slice(t, one(t).span), "$5 billion");
}

#[test]
fn padded_numbers_in_running_text_are_codes() {
    // Rule `leading-zero-code`.
    no_figures(&[
        "The 002 face of the crystal is smooth.",
        "Forms were filed under codes: 070114–070118 this spring.",
        "Call the 0800 line for help.",
        "Ring the desk on 01870 552 907 before noon.",
        "The desk is on 01870 552 907.",
    ]);
    // Glued after a point it is a decimal; alone it is a number; zeros are nought.
    assert!((value("It measured 3.05 m.") - 3.05).abs() < 1e-9);
    assert!((value("0042") - 42.0).abs() < 1e-9);
    assert_eq!(q("The dial read 000 at dawn.").len(), 1);
}

#[test]
fn telephone_numbers_are_no_figures() {
    // Rule `phone-number`.
    no_figures(&[
        "Parents can call 555-1999 to book.",
        "The line is 555-0142.",
        "Dial 1-800-555-0199 any time.",
        "Call the office on 555.867.5309 today.",
    ]);
    // A range written with a hyphen stays one.
    let r = one("The range is 200-1000.");
    assert_eq!((r.low.unwrap().value, r.high.unwrap().value), (200.0, 1000.0));
}

#[test]
fn panel_lettered_values_are_one_list() {
    // Rule `panel-list`.
    one_list(
        "Loads were (a) 4.1 (b) 3.7, and (c) 5.2 kg in turn.",
        3,
        "(a) 4.1 (b) 3.7, and (c) 5.2 kg",
    );
    // A function's argument in brackets is no panel.
    let t = "We took f(a) 4 and 6 kg later.";
    assert!(q(t)
        .iter()
        .all(|x| x.list.is_none_or(|l| !slice(t, l).contains("f(a)"))));
}

#[test]
fn code_words_and_code_parts_name_things() {
    // `code`/`codes` rows (`label_end`) and rule `code-part`.
    no_figures(&[
        "Lesions were graded (codes 4-1 to 4-3) by a reader.",
        "Density was tested under DIN 5310-2 in the lab.",
        "Results are in Table 3-2.",
    ]);
    // A count after the word is still a count.
    assert_eq!(one("The code 40 volunteers wrote was short.").value, Some(40.0));
}

#[test]
fn the_age_word_is_not_in_the_span() {
    // Rule `age-word-apart`: the quantity is the value, the word its property.
    for (t, want) in [
        ("Riders aged 19 rode in front.", "19"),
        ("The mean age 41.5 years held.", "41.5 years"),
        ("He was 61 years old.", "61 years old"),
        ("Pupils under 12 years of age ride free.", "under 12 years of age"),
    ] {
        let got = one(t);
        assert_eq!(got.kind, QuantityKind::Age, "{t}");
        assert_eq!(slice(t, got.span), want, "{t}");
    }
}

#[test]
fn factor_words_are_quantities_in_times_and_twice_only_before_what_it_multiplies() {
    for (text, want, written) in [
        ("Ticket prices rose fivefold in a decade.", 5.0, "fivefold"),
        ("There was a tenfold jump in claims.", 10.0, "tenfold"),
        ("The repair cost twice the first estimate.", 2.0, "twice"),
        ("The new hall seats twice as many people.", 2.0, "twice"),
    ] {
        let qs = q(text);
        let got = qs
            .iter()
            .find(|q| slice(text, q.span) == written)
            .unwrap_or_else(|| panic!("{text}: {qs:#?}"));
        assert_eq!(got.value, Some(want), "{text}");
        assert_eq!(
            got.unit.as_ref().map(|u| u.name.as_str()),
            Some("times"),
            "{text}"
        );
    }
    // How often, not how much; and a word that only ends in "fold".
    no_figures(&[
        "The ferry sails twice a week.",
        "She was warned twice before the hearing.",
        "The benefits are manifold.",
    ]);
}

#[test]
fn a_share_before_a_function_word_is_a_fraction_and_before_a_noun_an_ordinal() {
    for text in [
        "Freight fell by a third after the strike.",
        "Rents rose by a fifth in two years.",
        "Sales dropped by a quarter last year.",
    ] {
        let qs = q(text);
        let got = qs
            .iter()
            .find(|q| slice(text, q.span).starts_with("a "))
            .unwrap_or_else(|| panic!("{text}: {qs:#?}"));
        assert!(got.value.is_some_and(|v| v > 0.0 && v < 1.0), "{text}: {got:?}");
        assert_eq!(got.kind, QuantityKind::Number, "{text}");
    }
    let third = one("The mayor won a third term in May.");
    assert_eq!(third.kind, QuantityKind::Ordinal);
    let last = one("It was a third and final round.");
    assert_eq!(last.kind, QuantityKind::Ordinal);
}

#[test]
fn numbers_naming_a_junction_a_gate_or_a_reactor_are_labels() {
    no_figures(&[
        "Reactor 2 at the plant was shut on Monday.",
        "The lorry overturned near junction 12 of the motorway.",
        "Unit 3 of the station returned to service.",
        "Passengers waited at Gate 14 for hours.",
        "The hearing moved to courtroom 4 after lunch.",
        "Callers should quote reference 5821 when they ring.",
    ]);
    // A count after such a word still counts ("the unit's 40 staff" is not a label).
    assert_eq!(one("The unit employs 40 engineers.").value, Some(40.0));
}

#[test]
fn a_glued_c_or_f_is_a_temperature_with_a_decimal_a_sign_or_a_word_of_heat() {
    for (text, want, unit) in [
        ("Readings hit 41.2C on Wednesday.", 41.2, "°C"),
        ("It dropped to -22F overnight.", -22.0, "°F"),
        ("Temperatures reached 43C in the capital.", 43.0, "°C"),
        // The word of heat may come after it.
        ("Offices must stay below 27C during a heatwave.", 27.0, "°C"),
        // A forecast reads the weather.
        ("Velm is forecast to stay above 38C until Sunday.", 38.0, "°C"),
    ] {
        let got = one(text);
        assert_eq!(got.value, Some(want), "{text}");
        assert_eq!(got.unit.as_ref().map(|u| u.name.as_str()), Some(unit), "{text}");
    }
    // Without any of them a glued capital is a code.
    for text in [
        "The tenants of Flat 4C left.",
        "The 13C signal was weak.",
        "The flat above 4C is empty.",
    ] {
        assert!(
            q(text).iter().all(|q| q
                .unit
                .as_ref()
                .is_none_or(|u| u.dimension != Dimension::Temperature)),
            "{text}"
        );
    }
}

#[test]
fn double_is_a_factor_after_a_bound_or_before_what_it_multiplies() {
    for (text, factor) in [
        ("The campaign raised more than double what it raised before.", 2.0),
        ("Ticket sales are double the figure of the spring season.", 2.0),
        ("Water use in the valley is now triple what it was.", 3.0),
        // A multiplying verb after a bound (`bounded_multiplying_verb`), and alone
        // (`multiplying_verb`).
        ("Bread prices have more than doubled since June.", 2.0),
        ("Ferry fares nearly tripled in a year.", 3.0),
        ("Membership doubled over the winter.", 2.0),
        ("Hospital admissions tripled during the heatwave.", 3.0),
    ] {
        let d = one(text);
        assert_eq!(
            (d.value, d.unit.map(|u| u.name)),
            (Some(factor), Some("times".to_string())),
            "{text}"
        );
    }
    // At the very end of a text, with no word after it (a truncated summary).
    assert_eq!(one("Sales doubled").value, Some(2.0));
    assert!(q("He was jailed twice").is_empty());
    assert!(q("They booked a double").is_empty());
    // An adjective, a verb of multiplying not yet done (which the guidelines leave open),
    // and the verb's other senses.
    no_figures(&[
        "They booked a double room.",
        "The council plans to double the fleet of buses.",
        "The school gym doubled as a shelter.",
        "The runner doubled over in pain.",
        "The minister doubled down on the plan.",
    ]);
    let s = one("The roll grew by a fifth more than expected.");
    assert_eq!(s.value, Some(0.2));
}

#[test]
fn a_magnitude_written_before_its_number_is_its_unit() {
    for (text, written, value) in [
        (
            "A magnitude 6.4 quake shook the port town of Vessin.",
            "magnitude 6.4",
            6.4,
        ),
        (
            "An earthquake of magnitude 5.2 rattled windows in Orrel.",
            "magnitude 5.2",
            5.2,
        ),
        (
            "Villagers slept outside after a magnitude-4.8 tremor.",
            "magnitude-4.8",
            4.8,
        ),
        (
            "The tremor measured 3.7 on the Richter scale.",
            "3.7 on the Richter scale",
            3.7,
        ),
    ] {
        let got = one(text);
        assert_eq!(slice(text, got.span), written, "{text}");
        assert_eq!(got.value, Some(value), "{text}");
        assert_eq!(
            got.unit.as_ref().map(|u| u.name.as_str()),
            Some("magnitude"),
            "{text}"
        );
    }
    // No number after the word: nothing to measure.
    no_figures(&["The flood was an order of magnitude worse than forecast."]);
}

#[test]
fn scores_of_counts_only_before_of_and_a_noun() {
    let text = "Scores of fishermen blocked the harbour at Tallow Point.";
    let got = one(text);
    assert_eq!(slice(text, got.span), "Scores");
    assert_eq!(got.qualifier, Some(Qualifier::Vague));
    assert_eq!(got.low.map(|b| b.value), Some(VAGUE_FROM * 20.0));
    no_figures(&[
        "Test scores rose across the district.",
        "Their scores fell sharply.",
    ]);
    // "scores of 81 and 77": the numbers are the scores, not a vague count.
    let text = "The twins posted scores of 81 and 77.";
    let values: Vec<_> = q(text).iter().map(|x| (x.value, x.qualifier)).collect();
    assert_eq!(values, [(Some(81.0), None), (Some(77.0), None)], "{text}");
}

#[test]
fn ends_in_different_units_are_two_quantities_not_a_range() {
    let text = "The bank lifted its rate by 0.25 percentage points to 5.5% on Thursday.";
    let got = q(text);
    let units: Vec<_> = got
        .iter()
        .map(|x| x.unit.as_ref().map(|u| u.name.as_str()))
        .collect();
    assert_eq!(units, [Some("percentage_point"), Some("percent")], "{got:#?}");
    assert!(got.iter().all(|x| x.value.is_some()), "{got:#?}");
    // A unit written after the first number only: the second is a level, not an end.
    let text = "The lender cut its rate by half a percentage point to 3.1 this week.";
    let got = q(text);
    assert_eq!(got.len(), 2, "{got:#?}");
    assert_eq!(got[0].value, Some(0.5));
    // A range writes its unit once, at the end, or at both ends alike.
    let r = one("Rents in Colby were 20 to 30 percent higher.");
    assert_eq!(
        (r.low.map(|b| b.value), r.high.map(|b| b.value)),
        (Some(20.0), Some(30.0))
    );
    let r = one("The lake is 4 km to 6 km wide.");
    assert_eq!(
        (r.low.map(|b| b.value), r.high.map(|b| b.value)),
        (Some(4.0), Some(6.0))
    );
}

#[test]
fn a_fraction_of_a_unit_measures_in_that_unit() {
    for (text, written, value, unit) in [
        (
            "Rates rose by half a percentage point.",
            "half a percentage point",
            0.5,
            "percentage_point",
        ),
        (
            "Rates fell by a quarter of a percentage point.",
            "a quarter of a percentage point",
            0.25,
            "percentage_point",
        ),
        ("The path runs for half a mile.", "half a mile", 0.5, "mile"),
    ] {
        let got = one(text);
        assert_eq!(slice(text, got.span), written, "{text}");
        assert_eq!(got.value, Some(value), "{text}");
        assert_eq!(got.unit.as_ref().map(|u| u.name.as_str()), Some(unit), "{text}");
    }
    // Shares and scales keep their readings.
    assert_eq!(one("A third of voters stayed home.").unit, None);
    assert_eq!(one("Half a million people marched.").value, Some(500_000.0));
}

#[test]
fn the_word_number_before_a_number_makes_it_a_label() {
    no_figures(&[
        "The number 12 tram is diverted from Monday.",
        "He wore number 9 for the club.",
    ]);
}

#[test]
fn by_an_amount_with_its_unit_then_to_is_a_change_and_a_level() {
    // Rule `by_money_change`: no verb of change needed before "by".
    for (text, first, second) in [
        ("Season passes will go up by £120 to £2,340.", 120.0, 2340.0),
        (
            "The maker cut the price of its van by 9,000 yuan to 118,500 yuan.",
            9000.0,
            118_500.0,
        ),
        ("Diesel was raised by PKR 4.10 to PKR 281.50 a litre.", 4.1, 281.5),
    ] {
        let qs = q(text);
        let values: Vec<Option<f64>> = qs.iter().map(|x| x.value).collect();
        assert_eq!(values, [Some(first), Some(second)], "{text}: {qs:#?}");
    }
    // A bare number, a percentage or a measure after "by" may be a range of the change.
    for text in [
        "Premiums will be adjusted by 2 to 3 percent.",
        "Premiums will be adjusted by 2% to 3%.",
    ] {
        let r = one(text);
        let ends = (r.low.map(|b| b.value), r.high.map(|b| b.value));
        assert_eq!((r.value, ends), (None, (Some(2.0), Some(3.0))), "{text}");
    }
    let r = one("The sea may be higher by 30 cm to 50 cm.");
    let ends = (r.low.map(|b| b.value), r.high.map(|b| b.value));
    assert_eq!((r.value, ends), (None, (Some(30.0), Some(50.0))));
}

#[test]
fn currency_signs_and_names_of_smaller_currencies() {
    for (text, unit, value) in [
        ("The rupiah slid to Rp15,980 against the dollar.", "IDR", 15_980.0),
        ("Tea now costs ₱35 a cup in the capital.", "PHP", 35.0),
        ("Each household gets ₴2,000 this winter.", "UAH", 2000.0),
        ("His bonus is worth SFr 2.5 million.", "CHF", 2.5e6),
        ("Rents reached ISK 240,000 in the town.", "ISK", 240_000.0),
        ("The bank sold the forint at HUF 402 to the euro.", "HUF", 402.0),
        ("The plant will cost 900 million koruna.", "CZK", 9e8),
        ("Workers earn 5.2 million dong a month.", "VND", 5.2e6),
        (
            "A sheep fetches 3,000 Moroccan dirhams at the market.",
            "MAD",
            3000.0,
        ),
    ] {
        let qs = q(text);
        assert!(
            qs.iter()
                .any(|x| x.value == Some(value) && x.unit.as_ref().is_some_and(|u| u.name == unit)),
            "{text}: {qs:#?}"
        );
    }
    // "Rp" after a number stays a planet's radius.
    let r = one("The wind reaches 1.4 Rp above the surface.");
    assert_eq!(r.unit.map(|u| u.name), Some("Rp".to_string()));
}

#[test]
fn plus_or_minus_is_a_tolerance_not_a_negative() {
    // Rule `plus_or_minus`.
    let text = "The survey's error band is plus or minus 2.5 percentage points.";
    let m = one(text);
    assert_eq!(m.value, Some(2.5));
    assert_eq!(slice(text, m.span), "2.5 percentage points");
    // A lone sign word still signs.
    assert_eq!(one("Nights fell to minus 12 degrees Celsius.").value, Some(-12.0));
}

#[test]
fn a_body_that_votes_casts_a_tally_and_a_name_keeps_its_number() {
    // the two sides of a tally after a body that votes are counts, not a name's number
    let t = "The plan cleared the state Assembly 61-38 on Monday.";
    let got: Vec<_> = q(t).iter().map(|m| slice(t, m.span).to_string()).collect();
    assert_eq!(got, ["61", "38"]);
    // a maker's name keeps its dashed model number
    no_figures(&["The carrier ordered a Boeing 787-9 jet."]);
}

#[test]
fn a_number_too_large_for_a_float_is_no_quantity() {
    let nines = "9".repeat(400);
    no_figures(&["At least 1e400 people died.", &format!("Up to {nines} goats.")]);
    // the other end of a range alone cannot stand for it either
    assert!(q(&format!("Between 1 and {nines} homes."))
        .iter()
        .all(|m| m.value.is_none_or(f64::is_finite)
            && [m.low, m.high].iter().flatten().all(|b| b.value.is_finite())));
}

/// Rule `hyphened-to`: "to" between hyphens joins a range when the ends rise, and leaves
/// two numbers when they do not (a tally); the second is no code ("F-16").
#[test]
fn to_between_hyphens_joins_as_to_does() {
    let r = one("Rents rose 4-to-7 percent.");
    assert_eq!(r.kind, QuantityKind::Percent);
    assert_eq!(
        (r.low.map(|b| b.value), r.high.map(|b| b.value)),
        (Some(4.0), Some(7.0))
    );
    let pair: Vec<Option<f64>> = q("The board split 7-to-2 on the plan.")
        .iter()
        .map(|x| x.value)
        .collect();
    assert_eq!(pair, [Some(7.0), Some(2.0)]);
    // A word glued by a hyphen before a number is still a name's number.
    no_figures(&["The old F-16 jets flew."]);
}

#[test]
fn a_scale_joined_by_a_hyphen_scales_the_digits_before_it() {
    let text = "The probe ended a 1.9-billion-kilometre trip.";
    let got = one(text);
    assert_eq!(got.value, Some(1.9e9), "{got:#?}");
    assert_eq!(slice(text, got.span), "1.9-billion-kilometre");
    assert_eq!(got.unit.as_ref().map(|u| u.name.as_str()), Some("km"));
    let crowd = "A 3-million-strong crowd filled the square.";
    assert_eq!(one(crowd).value, Some(3e6));
}
