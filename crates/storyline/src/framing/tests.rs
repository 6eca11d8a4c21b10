//! Framing on invented stories from invented outlets.

use super::*;
use crate::ingest::{InputMeta, RawItem};
use crate::{Pipeline, PipelineConfig};

fn article(pipeline: &Pipeline, outlet: Option<&str>, title: &str, paras: &[&str]) -> Article {
    let text = paras.join("\n\n");
    pipeline
        .analyze(RawItem::text(
            format!("{}-{}.txt", outlet.unwrap_or("none"), title.len()),
            text,
            InputMeta {
                title: Some(title.to_string()),
                outlet: outlet.map(str::to_string),
                published: Some("2031-04-02".to_string()),
                ..Default::default()
            },
        ))
        .expect("analysed")
}

fn pipeline() -> Pipeline {
    Pipeline::build(PipelineConfig::default()).unwrap()
}

/// The dam story told by three outlets with three names for the armed group.
fn dam_story(p: &Pipeline) -> Vec<Article> {
    vec![
        article(
            p,
            Some("Ridge Courier"),
            "Rebels take Velmora dam after night of shelling",
            &[
                "Rebels seized the northern dam of Velmora on Tuesday after a night of heavy shelling, \
                 local officials said.",
                "The rebels now control the water supply of the valley, according to the provincial governor.",
            ],
        ),
        article(
            p,
            Some("Harbor Ledger"),
            "Militants take Velmora dam after night of shelling",
            &[
                "Militants seized the northern dam of Velmora on Tuesday after a night of intense shelling, \
                 local officials said.",
                "The militants now control the water supply of the whole valley, the provincial governor said.",
            ],
        ),
        article(
            p,
            Some("Plains Gazette"),
            "Terrorists take Velmora dam after night of shelling",
            &[
                "Terrorists seized the northern dam of Velmora on Tuesday following a night of shelling, \
                 officials in the province said.",
                "The terrorists now control the water supply of the valley, the regime said, and the regime \
                 vowed to retake it. The regime blamed foreign backers.",
                "Families left the lower villages as the regime moved troops north. The regime promised to \
                 restore water within days, and a regime convoy reached the valley road.",
            ],
        ),
    ]
}

fn term_group<'a>(f: &'a Framing, word: &str) -> Option<&'a TermChoice> {
    f.terms
        .iter()
        .find(|t| t.method == TermMethod::Alignment && t.terms.iter().any(|u| u.term == word))
}

#[test]
fn three_names_for_one_armed_group_come_out_as_one_term_choice() {
    let p = pipeline();
    let arts = dam_story(&p);
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    let group = term_group(&f, "rebels").expect("the rebels' names are aligned");
    let names: Vec<&str> = group.terms.iter().map(|u| u.term.as_str()).collect();
    for w in ["rebels", "militants", "terrorists"] {
        assert!(names.contains(&w), "{w} missing from {names:?}");
    }
    // Each name is counted in the outlet that uses it (title and two sentences) and no other.
    let militants = group.terms.iter().find(|u| u.term == "militants").unwrap();
    assert_eq!(
        militants.counts,
        vec![OutletCount {
            outlet: "Harbor Ledger".into(),
            count: 3
        }]
    );
    // Every piece of evidence points at the two words in different articles.
    for e in &group.evidence {
        let a = refs.iter().find(|x| x.id == e.a.article).unwrap();
        let b = refs.iter().find(|x| x.id == e.b.article).unwrap();
        assert_ne!(a.outlet, b.outlet);
        let (ta, tb) = (
            e.a.slice(a).unwrap().to_lowercase(),
            e.b.slice(b).unwrap().to_lowercase(),
        );
        assert!(
            names.contains(&ta.as_str()) && names.contains(&tb.as_str()),
            "{ta} / {tb}"
        );
    }
    // Words that differ but are no referent's name (numbers, dates) are not terms; the
    // shared words are not either.
    for t in &f.terms {
        for u in &t.terms {
            assert!(
                !u.term.contains("velmora") && !u.term.contains("tuesday"),
                "{}",
                u.term
            );
        }
    }
}

#[test]
fn sentences_that_do_not_say_the_same_give_no_term_choice() {
    let p = pipeline();
    let arts = [
        article(
            &p,
            Some("Ridge Courier"),
            "Orchard growers count frost losses",
            &["Orchard growers in the upper valley lost most of their apricot crop to a late frost."],
        ),
        article(
            &p,
            Some("Harbor Ledger"),
            "New ferry line opens",
            &["A second ferry line between the two islands opened on Monday with three boats."],
        ),
    ];
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    assert!(
        f.terms.iter().all(|t| t.method != TermMethod::Alignment),
        "{:?}",
        f.terms
    );
}

#[test]
fn different_numbers_in_parallel_sentences_are_not_terms() {
    let p = pipeline();
    let arts = [
        article(
            &p,
            Some("Ridge Courier"),
            "Storm damage",
            &["The storm destroyed 12 houses in the coastal village of Pellin on Sunday, the mayor said."],
        ),
        article(
            &p,
            Some("Harbor Ledger"),
            "Storm damage",
            &["The storm destroyed 15 houses in the coastal village of Pellin on Sunday, the mayor said."],
        ),
    ];
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    assert!(f.terms.is_empty(), "{:?}", f.terms);
}

#[test]
fn log_odds_ranks_an_outlets_repeated_loaded_word_first() {
    let p = pipeline();
    let arts = dam_story(&p);
    let refs: Vec<&Article> = arts.iter().collect();
    // z ranks words; on a story this small the 1.96 floor is not the point here.
    let mut cfg = FramingConfig::default();
    cfg.log_odds.min_z = 0.0;
    let f = analyze_with(&refs, None, &cfg);
    let gazette = f
        .distinctive
        .iter()
        .find(|w| w.outlet == "Plains Gazette")
        .unwrap();
    let top = gazette.over.first().expect("a distinctive word");
    assert_eq!(top.term, "regime", "{:?}", gazette.over);
    assert_eq!((top.count, top.others), (6, 0));
    assert!(top.z > 1.0, "{}", top.z);
    // The word is not distinctive of the outlets that never use it.
    let courier = f
        .distinctive
        .iter()
        .find(|w| w.outlet == "Ridge Courier")
        .unwrap();
    assert!(courier.over.iter().all(|d| d.term != "regime"));
    // With a background where the word is common, the prior weakens its z.
    let mut bg = TermCounts::default();
    for _ in 0..200 {
        bg.add_text("The regime and the regime spoke about the regime.");
    }
    let g = analyze_with(&refs, Some(&bg), &cfg);
    let z_bg = g
        .distinctive
        .iter()
        .find(|w| w.outlet == "Plains Gazette")
        .and_then(|w| w.over.iter().find(|d| d.term == "regime"))
        .map_or(0.0, |d| d.z);
    assert!(z_bg < top.z, "{z_bg} vs {}", top.z);
}

#[test]
fn term_counts_build_incrementally_and_round_trip() {
    let p = pipeline();
    let arts = dam_story(&p);
    let mut whole = TermCounts::default();
    for a in &arts {
        whole.add_article(a);
    }
    let mut first = TermCounts::default();
    first.add_article(&arts[0]);
    let mut rest = TermCounts::default();
    rest.add_article(&arts[1]);
    rest.add_article(&arts[2]);
    first.merge(&rest);
    assert_eq!(first, whole);
    assert_eq!(whole.get("militants"), 3);
    assert_eq!(whole.get("water supply"), 3);
    // Function words and numbers are not counted.
    assert_eq!(whole.get("the"), 0);
    let back: TermCounts = serde_json::from_str(&serde_json::to_string(&whole).unwrap()).unwrap();
    assert_eq!(back, whole);
}

fn quote_story(p: &Pipeline) -> Vec<Article> {
    vec![
        article(
            p,
            Some("Ridge Courier"),
            "Council delays tram vote",
            &[
                "The city council delayed its vote on the tram extension on Thursday.",
                "\"We need another month to read the engineers' report,\" said council leader Mara Voss.",
                "\"The route has not changed since spring,\" Voss added.",
                "\"Shop owners on the avenue will lose their parking,\" said Teo Brandt, who runs a bakery there.",
            ],
        ),
        article(
            p,
            Some("Harbor Ledger"),
            "Tram vote pushed back a month",
            &[
                "The council pushed back its tram vote by a month on Thursday.",
                "\"We need more time,\" said council leader Mara Voss.",
                "The Velmora Transit Authority runs the bus lines the tram would replace.",
            ],
        ),
        article(
            p,
            Some("Plains Gazette"),
            "Tram plan stalls again",
            &["The tram plan stalled again on Thursday as the council put off its vote until next month."],
        ),
    ]
}

#[test]
fn quote_selection_counts_speakers_and_who_is_left_out() {
    let p = pipeline();
    let arts = quote_story(&p);
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    let sel = |o: &str| f.quotes.iter().find(|q| q.outlet == o).unwrap();
    let courier = sel("Ridge Courier");
    let counts: Vec<(&str, usize)> = courier
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quotes))
        .collect();
    assert_eq!(counts, vec![("Mara Voss", 2), ("Teo Brandt", 1)]);
    assert!(courier.left_out.is_empty());
    let ledger = sel("Harbor Ledger");
    assert_eq!(ledger.speakers.len(), 1);
    assert_eq!(ledger.left_out.len(), 1);
    assert_eq!(ledger.left_out[0].name, "Teo Brandt");
    let gazette = sel("Plains Gazette");
    assert!(gazette.speakers.is_empty());
    let names: Vec<&str> = gazette.left_out.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, vec!["Mara Voss", "Teo Brandt"]);
    // Quotation share: the courier is mostly quotes, the gazette has none.
    assert!(
        courier.quote_share > 0.3 && courier.quote_share < 1.0,
        "{}",
        courier.quote_share
    );
    assert_eq!(gazette.quoted_chars, 0);
    assert!(courier.quote_share > ledger.quote_share);
}

#[test]
fn omissions_list_what_two_other_outlets_report() {
    let p = pipeline();
    let arts = quote_story(&p);
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    let om = |o: &str| f.omissions.iter().find(|x| x.outlet == o).unwrap();
    // Voss is named by the courier and the ledger: the gazette leaves her out.
    let gazette = om("Plains Gazette");
    let names: Vec<&str> = gazette.entities.iter().map(|o| o.name.as_str()).collect();
    assert!(names.contains(&"Mara Voss"), "{names:?}");
    assert_eq!(
        gazette
            .entities
            .iter()
            .find(|o| o.name == "Mara Voss")
            .unwrap()
            .reported_by,
        vec!["Ridge Courier".to_string(), "Harbor Ledger".to_string()]
    );
    assert!(gazette.speakers.iter().any(|o| o.name == "Mara Voss"));
    // Brandt is named by one outlet only: not an omission of the others.
    assert!(om("Harbor Ledger")
        .entities
        .iter()
        .all(|o| o.name != "Teo Brandt"));
    assert!(gazette.figures.is_empty());
}

#[test]
fn articles_without_an_outlet_are_skipped() {
    let p = pipeline();
    let mut arts = dam_story(&p);
    arts.push(article(
        &p,
        None,
        "Insurgents take Velmora dam after night of shelling",
        &["Insurgents seized the northern dam of Velmora on Tuesday after a night of heavy shelling."],
    ));
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    assert_eq!(f.outlets.len(), 3);
    assert_eq!(f.skipped, vec![arts[3].id.clone()]);
    assert!(f
        .terms
        .iter()
        .all(|t| t.terms.iter().all(|u| u.term != "insurgents")));
}

#[test]
fn word_lists_have_no_repeats() {
    assert!(words::lists_unique());
}

/// A levy story told by two outlets: one in plain words, one in loaded words, with a
/// sentence of background the other does not give.
fn levy_story(p: &Pipeline) -> Vec<Article> {
    vec![
        article(
            p,
            Some("Quarry Herald"),
            "Council approves harbour levy after long debate",
            &[
                "The Tessaly council approved a new harbour levy on Wednesday by nine votes to four.",
                "Councillor Ivo Reyes said the levy would pay for the repair of the eastern pier.",
            ],
        ),
        article(
            p,
            Some("Lantern Daily"),
            "Council rams through sweeping harbour levy",
            &[
                "The embattled Tessaly council slammed the door on critics on Wednesday, approving a sweeping \
                 new harbour levy by nine votes to four.",
                "\"This is a fiasco for every fisherman,\" said Mara Olin, who runs a net workshop.",
                "Three years ago the same councillors quietly shelved an audit of the pier accounts after \
                 the treasurer resigned.",
            ],
        ),
    ]
}

#[test]
fn loaded_words_are_read_in_the_writers_voice_only() {
    let p = pipeline();
    let arts = levy_story(&p);
    let uses = loaded_uses(&arts[1]);
    let found: Vec<(&str, Cue)> = uses.iter().map(|u| (u.term.as_str(), u.cue)).collect();
    assert!(found.contains(&("sweeping", Cue::Intensifier)), "{found:?}");
    assert!(found.contains(&("embattled", Cue::Evaluative)), "{found:?}");
    assert!(found.contains(&("slammed", Cue::Verb)), "{found:?}");
    // "fiasco" is in the list, but inside a quotation it is the speaker's word.
    assert!(!found.iter().any(|(t, _)| *t == "fiasco"), "{found:?}");
    // The plain outlet uses none.
    assert!(loaded_uses(&arts[0]).is_empty(), "{:?}", loaded_uses(&arts[0]));
    // Every use points at its own words.
    for u in &uses {
        assert_eq!(
            u.at.slice(&arts[1]).map(str::to_lowercase).as_deref(),
            Some(u.term.as_str())
        );
    }
}

#[test]
fn the_longest_entry_of_the_cue_list_wins() {
    // "spin" and "spin doctors" are both entries: the phrase wins.
    let spans = loaded::loaded_in("The minister doubled down and her spin doctors lashed out at the press.");
    let terms: Vec<&str> = spans.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(terms, ["doubled down", "spin doctors", "lashed out"]);
}

#[test]
fn a_loaded_word_with_a_possessive_ending_is_the_same_word() {
    let spans = loaded::loaded_in("The regime's gunboats and the regime’s envoys left Corvale.");
    let terms: Vec<&str> = spans.iter().map(|(_, t, _)| t.as_str()).collect();
    assert_eq!(terms, ["regime", "regime"]);
}

#[test]
fn single_quotes_and_names_are_not_the_writers_loaded_words() {
    let terms =
        |text: &str| -> Vec<String> { loaded::loaded_in(text).into_iter().map(|(_, t, _)| t).collect() };
    // British headline quotation marks hold a speaker's word; an apostrophe does not.
    assert!(terms("Mayor calls levy ‘shameful’ as row grows").is_empty());
    assert_eq!(terms("Residents find the council’s plan shameful"), ["shameful"]);
    // Names of bodies and laws are names, not labels.
    assert!(terms("Amnesty International said the Insurrection Act was invoked.").is_empty());
    assert_eq!(terms("Amnesty is on the table, the mayor said."), ["amnesty"]);
}

#[test]
fn framing_lists_each_outlets_loaded_words_and_what_only_it_reports() {
    let p = pipeline();
    let arts = levy_story(&p);
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    let plain = f.wording.iter().find(|w| w.outlet == "Quarry Herald").unwrap();
    let loaded = f.wording.iter().find(|w| w.outlet == "Lantern Daily").unwrap();
    assert!(plain.loaded.is_empty());
    let slammed = loaded.loaded.iter().find(|t| t.term == "slammed").unwrap();
    assert_eq!((slammed.count, slammed.others.len()), (1, 0));
    // The shelved audit is told by one outlet only; the vote by both.
    let only: Vec<&str> = loaded
        .exclusive
        .iter()
        .filter_map(|e| e.at.slice(&arts[1]))
        .collect();
    assert!(only.iter().any(|s| s.contains("shelved an audit")), "{only:?}");
    assert!(!only.iter().any(|s| s.contains("nine votes")), "{only:?}");
    assert!(plain
        .exclusive
        .iter()
        .all(|e| e.novelty >= ExclusiveConfig::default().novelty));
}

#[test]
fn the_cue_list_is_clean() {
    assert!(loaded::list_is_clean());
}

/// One senator named with a loaded role by one outlet, with titles alone by the others.
fn senator_story(p: &Pipeline) -> Vec<Article> {
    vec![
        article(
            p,
            Some("Ridge Courier"),
            "Water bill stalls in the chamber",
            &["Hard-line senator Mara Quell blocked the water bill on Tuesday, saying the reservoir plan cost too much."],
        ),
        article(
            p,
            Some("Harbor Ledger"),
            "Senate vote on reservoir plan delayed",
            &["Sen. Mara Quell blocked the water bill on Tuesday, arguing that the reservoir plan cost too much."],
        ),
        article(
            p,
            Some("Valley Post"),
            "Reservoir funding on hold",
            &["Upper Fenn Sen. Mara Quell blocked the water bill on Tuesday over the cost of the reservoir plan."],
        ),
    ]
}

#[test]
fn roles_before_one_name_pair_up_only_when_one_carries_loaded_wording() {
    let p = pipeline();
    let arts = senator_story(&p);
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    let coref: Vec<&TermChoice> = f
        .terms
        .iter()
        .filter(|t| t.method == TermMethod::Coreference)
        .collect();
    assert_eq!(coref.len(), 1, "{coref:?}");
    let pairs: Vec<(String, String)> = coref[0]
        .evidence
        .iter()
        .map(|s| {
            let text = |r: &TextRef| {
                let a = arts.iter().find(|a| a.id == r.article).expect("article");
                words::lower(r.span.slice(&a.text).expect("span"))
            };
            (text(&s.a), text(&s.b))
        })
        .collect();
    // "sen." and "upper fenn sen." are forms of the name: never paired with each other.
    assert!(!pairs.is_empty(), "{pairs:?}");
    assert!(
        pairs
            .iter()
            .all(|(a, b)| a.contains("hard-line") != b.contains("hard-line")),
        "{pairs:?}"
    );
}

#[test]
fn a_joint_statement_is_quoted_for_each_of_its_speakers() {
    let p = pipeline();
    let arts = [
        article(
            &p,
            Some("Ridge Courier"),
            "Ferry fares to rise in May",
            &[
                "Harbour master Ilsa Korrin and transport minister Odo Penfield spoke on Monday.",
                "\"Fares will rise by a tenth in May,\" Korrin and Penfield said in a joint statement.",
                "\"The old boats cost too much to run,\" Penfield added.",
            ],
        ),
        article(
            &p,
            Some("Harbor Ledger"),
            "Ferry fares going up",
            &["\"Fares will rise in May,\" said harbour master Ilsa Korrin on Monday."],
        ),
        article(
            &p,
            Some("Plains Gazette"),
            "Ferries dearer from May",
            &["Ferry fares rise in May after a year of losses on the northern route."],
        ),
    ];
    let refs: Vec<&Article> = arts.iter().collect();
    let f = analyze(&refs, None);
    let sel = |o: &str| f.quotes.iter().find(|q| q.outlet == o).unwrap();
    let courier: Vec<(&str, usize)> = sel("Ridge Courier")
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.quotes))
        .collect();
    // The joint statement counts for both; Penfield's own line makes him two.
    assert_eq!(courier, [("Odo Penfield", 2), ("Ilsa Korrin", 1)], "{courier:?}");
    // The ledger quotes Korrin alone: the same speaker, so only Penfield is left out.
    let ledger = sel("Harbor Ledger");
    let left: Vec<&str> = ledger.left_out.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(left, ["Odo Penfield"]);
}
