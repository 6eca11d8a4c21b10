//! Clustering on invented articles from invented outlets.

use super::terms::Analyzer;
use super::*;

/// (id, day, outlet, title, body, entities)
type Fixture = (
    &'static str,
    i32,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const DAY0: i32 = 22_000;

/// A dam breach at Marrowby (days 0–2), the inquiry into it twelve days later, and a chess
/// tournament in Quillon at the time of the breach.
const ARTICLES: &[Fixture] = &[
    (
        "breach-1",
        0,
        "Fenland Courier",
        "Marrowby dam gives way after storm",
        "The earth dam above Marrowby gave way overnight after two days of storm rain, flooding \
      the lower town. The Keld Water Authority said engineers had warned of seepage in the \
      spillway. Rescue boats took hundreds of residents from flooded streets.",
        &["Marrowby", "Keld Water Authority"],
    ),
    (
        "breach-2",
        1,
        "Tarn Herald",
        "Flood water recedes in Marrowby as residents return",
        "Flood water from the breached Marrowby dam began to recede on Tuesday. The Keld Water \
      Authority said the spillway seepage had been reported in spring. Residents returned to \
      flooded streets to find homes ruined, and rescue crews checked the breached dam.",
        &["Marrowby", "Keld Water Authority", "Ossian Brandt"],
    ),
    (
        "breach-3",
        2,
        "Vell Gazette",
        "Questions over warnings before Marrowby dam breach",
        "Engineers had warned the Keld Water Authority about seepage at the Marrowby dam months \
      before the breach, documents show. The chief engineer, Ossian Brandt, said the storm \
      rain overwhelmed the spillway. Flooded residents demanded answers.",
        &["Marrowby", "Keld Water Authority", "Ossian Brandt"],
    ),
    (
        "inquiry-1",
        12,
        "Fenland Courier",
        "Inquiry opens into Marrowby dam collapse",
        "A public inquiry into the collapse of the Marrowby dam opened on Monday. Ossian Brandt, \
      chief engineer of the Keld Water Authority, told the inquiry panel that seepage reports \
      were not passed on. The panel will hear evidence from residents for three weeks.",
        &["Marrowby", "Keld Water Authority", "Ossian Brandt"],
    ),
    (
        "inquiry-2",
        13,
        "Tarn Herald",
        "Engineer tells inquiry seepage warnings went unheeded",
        "The Marrowby dam inquiry panel heard on Tuesday that seepage warnings went unheeded. \
      Ossian Brandt said the Keld Water Authority board cut the spillway repair budget. The \
      inquiry panel asked for the board minutes, and residents packed the hearing hall.",
        &["Marrowby", "Keld Water Authority", "Ossian Brandt"],
    ),
    (
        "inquiry-3",
        13,
        "Vell Gazette",
        "Board cut dam repair budget, inquiry hears",
        "The board of the Keld Water Authority cut the budget for the Marrowby dam spillway \
      repair, the inquiry heard. Ossian Brandt told the panel the seepage warnings went to \
      the board. The hearing continues with evidence from flooded residents.",
        &["Marrowby", "Keld Water Authority", "Ossian Brandt"],
    ),
    (
        "chess-1",
        1,
        "Vell Gazette",
        "Young player leads Quillon chess open",
        "A sixteen-year-old leads the Quillon chess open after five rounds, with a win over the \
      defending champion in a long endgame. Mira Santel sacrificed a rook to break open the \
      king side. The tournament ends on Sunday.",
        &["Quillon", "Mira Santel"],
    ),
    (
        "chess-2",
        2,
        "Fenland Courier",
        "Santel stays ahead at Quillon chess open",
        "Mira Santel kept her lead at the Quillon chess open with a quick draw in round six. The \
      defending champion won his endgame to stay half a point behind. Two rounds of the \
      tournament remain before Sunday.",
        &["Quillon", "Mira Santel"],
    ),
];

fn doc(a: &Analyzer, f: &Fixture) -> StoryDoc {
    let (id, day, outlet, title, body, ents) = *f;
    StoryDoc::new(
        a,
        id.into(),
        Some(Day(DAY0 + day)),
        Some(outlet.into()),
        None,
        title,
        body,
        ents.iter().map(|e| (EntityKey::of_name(e), 2)),
        [],
    )
}

fn docs() -> Vec<StoryDoc> {
    let a = Analyzer::default();
    ARTICLES.iter().map(|f| doc(&a, f)).collect()
}

fn event_of<'a>(s: &'a Stories, article: &str) -> &'a EventSummary {
    s.events
        .iter()
        .find(|e| e.articles.iter().any(|x| x == article))
        .expect("placed")
}

/// Whether two articles are in one storyline.
fn together(s: &Stories, a: &str, b: &str) -> bool {
    event_of(s, a).storyline == event_of(s, b).storyline
}

/// A clusterer fed the articles in publication order (ties by id), for its open state.
fn fed(d: &[StoryDoc], cfg: StoryConfig) -> Clusterer {
    let mut c = Clusterer::new(cfg);
    let mut order: Vec<&StoryDoc> = d.iter().collect();
    order.sort_by(|x, y| (x.published, &x.id).cmp(&(y.published, &y.id)));
    for doc in order {
        c.add(doc);
    }
    c
}

#[test]
fn two_events_of_one_storyline_and_an_unrelated_one() {
    let s = cluster(&docs(), &StoryConfig::default());
    let breach = event_of(&s, "breach-1");
    let inquiry = event_of(&s, "inquiry-1");
    let chess = event_of(&s, "chess-1");
    assert_eq!(breach.articles.len(), 3, "{s:#?}");
    assert_eq!(inquiry.articles.len(), 3, "{s:#?}");
    assert_eq!(chess.articles.len(), 2, "{s:#?}");
    assert_ne!(breach.id, inquiry.id);
    assert_eq!(breach.storyline, inquiry.storyline, "{s:#?}");
    assert_ne!(breach.storyline, chess.storyline);
    // Ids come from the first article of each.
    assert_eq!(breach.id, EventId("breach-1".into()));
    assert_eq!(inquiry.id, EventId("inquiry-1".into()));
    assert_eq!(breach.storyline, StorylineId::starting_with("breach-1"));
    assert_eq!(s.storylines().len(), 2);
}

#[test]
fn the_order_articles_are_given_in_does_not_matter() {
    let d = docs();
    let first = cluster(&d, &StoryConfig::default());
    let mut reversed = d.clone();
    reversed.reverse();
    assert_eq!(cluster(&reversed, &StoryConfig::default()), first);
    let mut shuffled = d;
    shuffled.swap(0, 5);
    shuffled.swap(2, 7);
    shuffled.rotate_left(3);
    assert_eq!(cluster(&shuffled, &StoryConfig::default()), first);
}

#[test]
fn a_syndicated_copy_joins_its_original_and_changes_no_centroid() {
    let cfg = StoryConfig::default();
    let d = docs();
    let mut with_copy = d.clone();
    let mut copy = d[1].clone();
    copy.id = "breach-2-copy".into();
    copy.outlet = Some("Wire of the North".into());
    copy.duplicate_of = Some("breach-2".into());
    copy.published = Some(Day(DAY0 + 2));
    with_copy.push(copy);
    let s = cluster(&with_copy, &cfg);
    assert!(event_of(&s, "breach-2-copy")
        .articles
        .contains(&"breach-1".to_string()));

    // Fed one by one up to the copy, the open events' centroids are the same either way.
    let run = |docs: &[StoryDoc]| {
        let mut c = Clusterer::new(cfg.clone());
        let mut placed: std::collections::HashMap<String, EventId> = Default::default();
        for x in docs {
            match x.duplicate_of.as_ref().and_then(|o| placed.get(o)) {
                Some(ev) => assert!(c.add_copy(ev, x.published.unwrap())),
                None => {
                    let p = c.add(x).unwrap();
                    placed.insert(x.id.clone(), p.event);
                }
            }
        }
        c.state()
    };
    let plain = run(&d[..3]);
    let mut three = d[..3].to_vec();
    three.push(with_copy.last().unwrap().clone());
    let copied = run(&three);
    assert_eq!(plain.events.len(), copied.events.len());
    for (a, b) in plain.events.iter().zip(&copied.events) {
        assert_eq!(a.centroid, b.centroid);
    }
    assert_eq!(copied.events.iter().map(|e| e.copies).sum::<u32>(), 1);
}

#[test]
fn saved_state_goes_on_as_if_never_stopped() {
    let cfg = StoryConfig::default();
    let mut d = docs();
    d.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
    let mut straight = Clusterer::new(cfg.clone());
    let all: Vec<Placement> = d.iter().map(|x| straight.add(x).unwrap()).collect();
    let mut first = Clusterer::new(cfg.clone());
    let mut resumed: Vec<Placement> = d[..4].iter().map(|x| first.add(x).unwrap()).collect();
    let json = serde_json::to_string(&first.state()).unwrap();
    let state: ClusterState = serde_json::from_str(&json).unwrap();
    let mut second = Clusterer::from_state(cfg, state);
    resumed.extend(d[4..].iter().map(|x| second.add(x).unwrap()));
    assert_eq!(all, resumed);
}

#[test]
fn idle_events_close_and_late_articles_start_anew() {
    let cfg = StoryConfig::default();
    let window = cfg.link.days;
    let d = docs();
    let mut c = Clusterer::new(cfg);
    c.add(&d[0]).unwrap();
    assert_eq!(c.open().0, 1);
    c.add(&d[3]).unwrap(); // twelve days later: the breach event has closed
    let breach = EventId("breach-1".into());
    assert!(!c.is_open(&breach));
    assert!(c.event(&breach).is_some(), "kept for linking within the window");
    let late = c.add(&d[1]).unwrap();
    assert_ne!(late.event, breach, "a closed event takes no more articles");
    // Past the link window it is forgotten.
    c.add(&StoryDoc {
        id: "much-later".into(),
        published: Some(Day(DAY0 + 14 + window)),
        ..d[6].clone()
    })
    .unwrap();
    assert!(c.event(&breach).is_none());
    assert_eq!(c.open(), (1, 1));
}

/// Settings under which no new event links to a storyline when it starts, so that only
/// the last chance at an event's close can join storylines, at `rescue` (its clear-lead
/// path off).
fn no_links_at_start(rescue: f32) -> StoryConfig {
    let mut cfg = StoryConfig::default();
    cfg.link.score = 2.0;
    cfg.link.converge = 2.0;
    cfg.link.rescue = rescue;
    cfg.link.rescue_clear = 2.0;
    cfg
}

/// A storyline of one event is a stray only while it is small: the inquiry's three
/// articles take the last chance under the default size, not when the last chance is for
/// storylines of two.
#[test]
fn a_last_chance_is_for_small_storylines_also_of_one_event() {
    let d = docs_and_a_later_one();
    let mut cfg = no_links_at_start(StoryConfig::default().link.rescue);
    assert!(together(&cluster(&d, &cfg), "inquiry-1", "breach-1"));
    cfg.link.rescue_articles = 2;
    let s = cluster(&d, &cfg);
    assert!(!together(&s, "inquiry-1", "breach-1"), "{s:#?}");
}

/// The last chance's clear-lead path: under the plain threshold, the inquiry still joins
/// the breach's storyline, which it points to ahead of every other, and its own words
/// (the panel, the evidence) stay out of the breach's signature.
#[test]
fn a_stray_that_points_clearly_to_one_storyline_joins_it_unsigned() {
    let d = docs_and_a_later_one();
    let run = |clear: f32| {
        let mut cfg = no_links_at_start(2.0);
        cfg.link.rescue_clear = clear;
        fed(&d, cfg)
    };
    let of = |c: &Clusterer, article: &str| c.event(&EventId(article.into())).map(|e| e.storyline.clone());
    let c = run(StoryConfig::default().link.rescue_clear);
    let breach = of(&c, "breach-1").expect("kept");
    assert_eq!(of(&c, "inquiry-1"), Some(breach.clone()));
    assert_ne!(of(&c, "rowing-1"), Some(breach.clone()));
    let panel = Analyzer::default().counts("panel").0[0].0;
    let sig = &c.storyline(&breach).expect("open").signature;
    assert_eq!(sig.body.get(panel), 0.0, "{sig:?}");
    assert_eq!(c.storyline(&breach).expect("open").articles, 6);
    // Off, it stays apart.
    let c = run(2.0);
    assert_ne!(of(&c, "inquiry-1"), of(&c, "breach-1"));
}

/// The fixtures and a later article on another subject, whose day closes the inquiry.
fn docs_and_a_later_one() -> Vec<StoryDoc> {
    let later: Fixture = (
        "rowing-1",
        20,
        "Tarn Herald",
        "Quillon crew wins the river regatta",
        "The Quillon rowing club won the eights final of the river regatta by two lengths, \
      ending a long wait for the club. Coach Pell Varro said the crew had trained through \
      the winter on the flooded lower reach.",
        &["Quillon", "Pell Varro"],
    );
    let mut d = docs();
    d.push(doc(&Analyzer::default(), &later));
    d
}

#[test]
fn a_small_storyline_joins_the_one_it_is_most_like_when_its_event_closes() {
    let d = docs_and_a_later_one();
    // Without the last chance the inquiry stays a storyline of its own.
    let apart = cluster(&d, &no_links_at_start(2.0));
    assert_ne!(
        event_of(&apart, "breach-1").storyline,
        event_of(&apart, "inquiry-1").storyline
    );
    let s = cluster(&d, &no_links_at_start(StoryConfig::default().link.rescue));
    let (breach, inquiry, chess) = (
        event_of(&s, "breach-1"),
        event_of(&s, "inquiry-1"),
        event_of(&s, "chess-1"),
    );
    // The inquiry closes (three idle days) when the regatta article comes: alone in its
    // storyline, it joins the breach's, whose older id is kept.
    assert_eq!(breach.storyline, inquiry.storyline, "{s:#?}");
    assert_eq!(breach.storyline, StorylineId::starting_with("breach-1"));
    assert_ne!(chess.storyline, breach.storyline);
    assert_ne!(event_of(&s, "rowing-1").storyline, breach.storyline);
    assert_eq!(s.storylines().len(), 3);
}

/// The last chance looks only at storylines that are still running: the same inquiry
/// two months after the breach, with the breach's storyline quiet since, stays apart
/// (taking it up again would be revival's to decide, on stronger evidence); the breach
/// still takes it with the gap allowed.
#[test]
fn the_last_chance_does_not_reach_a_storyline_quiet_for_weeks() {
    let a = Analyzer::default();
    let late = |f: &Fixture| -> Fixture {
        let mut f = *f;
        if f.0.starts_with("inquiry") {
            f.1 += 60;
        }
        f
    };
    let mut d: Vec<StoryDoc> = ARTICLES.iter().map(|f| doc(&a, &late(f))).collect();
    let closer: Fixture = (
        "rowing-1",
        80,
        "Tarn Herald",
        "Quillon crew wins the river regatta",
        "The Quillon rowing club won the eights final of the river regatta by two lengths.",
        &["Quillon"],
    );
    d.push(doc(&a, &closer));
    let cfg = no_links_at_start(StoryConfig::default().link.rescue);
    let s = cluster(&d, &cfg);
    assert!(!together(&s, "breach-1", "inquiry-1"), "{s:#?}");
    let mut any_gap = cfg.clone();
    any_gap.link.rescue_idle_days = 1000;
    let s = cluster(&d, &any_gap);
    assert!(together(&s, "breach-1", "inquiry-1"), "{s:#?}");
}

#[test]
fn the_clusterer_reports_a_last_chance_join_as_a_merge() {
    let mut d = docs_and_a_later_one();
    d.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
    let mut c = Clusterer::new(no_links_at_start(StoryConfig::default().link.rescue));
    let mut merges = Vec::new();
    for x in &d {
        c.add(x).unwrap();
        merges.extend(c.take_merges());
    }
    let inquiry = StorylineId::starting_with("inquiry-1");
    let breach = StorylineId::starting_with("breach-1");
    assert!(merges.contains(&(inquiry.clone(), breach.clone())), "{merges:?}");
    assert!(c.storyline(&inquiry).is_none());
    let kept = c.storyline(&breach).expect("kept open");
    assert_eq!(kept.events, 2);
    assert_eq!(kept.articles, 6);
    // The chess tournament closed too, and found nothing like it to join.
    assert_eq!(merges.len(), 1, "{merges:?}");
    assert!(c.storyline(&StorylineId::starting_with("chess-1")).is_some());
}

#[test]
fn storylines_whose_signatures_agree_become_one_when_an_event_closes() {
    let d = docs_and_a_later_one();
    let run = |converge: f32| {
        let mut cfg = no_links_at_start(2.0);
        cfg.link.rescue_articles = 0;
        cfg.link.converge = converge;
        cluster(&d, &cfg)
    };
    let apart = run(2.0);
    assert_ne!(
        event_of(&apart, "breach-1").storyline,
        event_of(&apart, "inquiry-1").storyline
    );
    let s = run(StoryConfig::default().link.converge);
    assert_eq!(
        event_of(&s, "breach-1").storyline,
        event_of(&s, "inquiry-1").storyline,
        "{s:#?}"
    );
    assert_ne!(
        event_of(&s, "chess-1").storyline,
        event_of(&s, "breach-1").storyline
    );
    assert_eq!(s.storylines().len(), 3);
}

#[test]
fn a_last_chance_after_a_restart_is_the_same_as_without_one() {
    let cfg = no_links_at_start(StoryConfig::default().link.rescue);
    let mut d = docs_and_a_later_one();
    d.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
    let feed = |c: &mut Clusterer, docs: &[StoryDoc], merges: &mut Vec<_>| {
        for x in docs {
            c.add(x).unwrap();
            merges.extend(c.take_merges());
        }
    };
    let (mut straight, mut m1) = (Clusterer::new(cfg.clone()), Vec::new());
    feed(&mut straight, &d, &mut m1);
    let last = d.len() - 1;
    let (mut first, mut m2) = (Clusterer::new(cfg.clone()), Vec::new());
    feed(&mut first, &d[..last], &mut m2);
    let json = serde_json::to_string(&first.state()).unwrap();
    let mut second = Clusterer::from_state(cfg, serde_json::from_str(&json).unwrap());
    feed(&mut second, &d[last..], &mut m2);
    assert!(!m1.is_empty());
    assert_eq!(m1, m2);
    let (a, b) = (straight.state(), second.state());
    assert_eq!(a.events, b.events);
    assert_eq!(a.storylines, b.storylines);
}

#[test]
fn the_same_story_days_later_is_a_new_event_of_the_same_storyline() {
    // The third breach article, moved four days on: too late for the breach's event, as
    // like it in content as before.
    let mut d = docs();
    d.truncate(3);
    d[2].published = Some(Day(DAY0 + 4));
    let run = |follow: f32| {
        let mut cfg = no_links_at_start(2.0);
        // Joined only on the plain threshold (0.4 here, under the default), which the
        // time part keeps it under.
        cfg.margin = 2.0;
        cfg.join = 0.4;
        cfg.follow = follow;
        cluster(&d, &cfg)
    };
    let s = run(StoryConfig::default().follow);
    let (first, late) = (event_of(&s, "breach-1"), event_of(&s, "breach-3"));
    assert_eq!(first.articles.len(), 2, "{s:#?}");
    assert_ne!(first.id, late.id, "{s:#?}");
    assert_eq!(first.storyline, late.storyline, "{s:#?}");
    // Without following, nothing else links them.
    let apart = run(2.0);
    assert_ne!(
        event_of(&apart, "breach-1").storyline,
        event_of(&apart, "breach-3").storyline
    );
}

#[test]
fn a_clear_best_event_is_joined_below_the_plain_threshold() {
    // No event is joined on its score alone: only as the clear best.
    let run = |margin: f32| {
        let cfg = StoryConfig {
            join: 2.0,
            join_clear: 0.3,
            margin,
            ..StoryConfig::default()
        };
        cluster(&docs(), &cfg)
    };
    let s = run(StoryConfig::default().margin);
    assert_eq!(event_of(&s, "breach-2").id, EventId("breach-1".into()), "{s:#?}");
    assert_eq!(event_of(&s, "chess-2").id, EventId("chess-1".into()), "{s:#?}");
    assert_ne!(event_of(&s, "chess-1").id, EventId("breach-1".into()));
    // Asked to be further ahead than any event can be, each article starts its own.
    let apart = run(2.0);
    assert_eq!(apart.events.len(), docs().len(), "{apart:#?}");
}

/// The fixtures, a feature on the marsh below the breached dam that names the dam's actors
/// but is about birds, a one-off on a bakery, and a later article whose day closes them.
fn docs_with_a_side_story() -> Vec<StoryDoc> {
    let a = Analyzer::default();
    let more: [Fixture; 3] = [
        (
            "herons-1",
            15,
            "Vell Gazette",
            "Grey herons return to the reed beds",
            "Grey herons have come back to nest in the reed beds of the lower meadows below \
          Marrowby. The naturalist Tamsin Oake counted forty nests, the most since her survey \
          began, and says the shallow pools suit the birds, which hunt eels and frogs at \
          dusk. She asked the Keld authority, which owns the meadows, to keep walkers \
          away while the young fledge.",
            &["Marrowby", "Keld Water Authority", "Tamsin Oake"],
        ),
        (
            "bakery-1",
            15,
            "Tarn Herald",
            "Rye loaf wins the county baking prize",
            "A rye loaf from a family bakery in Hollin took first prize at the county baking \
          show. Baker Edda Lune proved the dough for two days and baked it in a wood oven \
          her grandfather built. The judges praised the crust and the sour crumb.",
            &["Hollin", "Edda Lune"],
        ),
        (
            "rowing-1",
            22,
            "Tarn Herald",
            "Quillon crew wins the river regatta",
            "The Quillon rowing club won the eights final of the river regatta by two \
          lengths. Coach Pell Varro said the crew had trained through the winter.",
            &["Quillon", "Pell Varro"],
        ),
    ];
    let mut d = docs();
    d.extend(more.iter().map(|f| doc(&a, f)));
    d
}

#[test]
fn a_lone_side_story_of_a_large_storyline_joins_it_when_its_event_closes() {
    let d = docs_with_a_side_story();
    let run = |score: f32, articles: u32| {
        let mut cfg = StoryConfig::default();
        // The feature points to the breach alone: the last chance's clear-lead path would
        // take it too; off, the side rule is what is tested.
        cfg.link.rescue_clear = 2.0;
        cfg.link.side.score = score;
        cfg.link.side.articles = articles;
        cluster(&d, &cfg)
    };
    // The breach and its inquiry are one storyline of six articles; "large" here.
    let s = run(StoryConfig::default().link.side.score, 6);
    let breach = &event_of(&s, "breach-1").storyline;
    assert_eq!(&event_of(&s, "inquiry-1").storyline, breach, "{s:#?}");
    assert_eq!(&event_of(&s, "herons-1").storyline, breach, "{s:#?}");
    assert_ne!(&event_of(&s, "bakery-1").storyline, breach);
    assert_ne!(&event_of(&s, "chess-1").storyline, breach);
    assert_ne!(&event_of(&s, "rowing-1").storyline, breach);
    // Without the rule, or when the storyline is smaller than asked, the feature stays a
    // storyline of its own: neither its link nor its last chance reaches the breach.
    for apart in [run(2.0, 6), run(StoryConfig::default().link.side.score, 7)] {
        assert_ne!(
            event_of(&apart, "herons-1").storyline,
            event_of(&apart, "breach-1").storyline,
            "{apart:#?}"
        );
        assert_eq!(apart.storylines().len(), s.storylines().len() + 1);
    }
}

#[test]
fn a_side_story_two_outlets_covered_joins_the_large_storyline_too() {
    let a = Analyzer::default();
    let mut d = docs_with_a_side_story();
    let second: Fixture = (
        "herons-2",
        15,
        "Lowmoor Post",
        "Herons nest again in the meadows below Marrowby",
        "Forty heron nests stand in the reed beds of the lower meadows below Marrowby this \
      spring, naturalist Tamsin Oake says, the most since her count began. The birds hunt \
      eels and frogs in the shallow pools. She wants the Keld authority to keep walkers \
      out of the meadows until the young fledge.",
        &["Marrowby", "Keld Water Authority", "Tamsin Oake"],
    );
    d.push(doc(&a, &second));
    let run = |small: u32| {
        let mut cfg = StoryConfig::default();
        // Two features say more than one: the last chance itself would take them. Off,
        // the side rule is what is tested.
        cfg.link.rescue = 2.0;
        cfg.link.rescue_clear = 2.0;
        cfg.link.side.articles = 6;
        cfg.link.side.small = small;
        cluster(&d, &cfg)
    };
    let s = run(StoryConfig::default().link.side.small);
    // The two features are one event, and it is a side story of the breach.
    assert_eq!(event_of(&s, "herons-1").id, event_of(&s, "herons-2").id, "{s:#?}");
    assert!(together(&s, "herons-2", "breach-1"), "{s:#?}");
    assert!(!together(&s, "bakery-1", "breach-1"));
    // Counted as one article's side story only, it stays a storyline of its own.
    let apart = run(1);
    assert_eq!(event_of(&apart, "herons-1").id, event_of(&apart, "herons-2").id);
    assert!(!together(&apart, "herons-2", "breach-1"), "{apart:#?}");
}

#[test]
fn a_lone_side_story_naming_a_large_storyline_s_principal_actors_joins_it_unsigned() {
    let d = docs_with_a_side_story();
    let a = Analyzer::default();
    let heron = a.counts("herons").0[0].0;
    // Entity cosine alone never admits it here; the names decide.
    let run = |named: f32| {
        let mut cfg = StoryConfig::default();
        cfg.link.rescue_clear = 2.0;
        cfg.link.side.articles = 6;
        cfg.link.side.entities = 2.0;
        cfg.link.side.named = named;
        fed(&d, cfg)
    };
    let of = |c: &Clusterer, article: &str| c.event(&EventId(article.into())).map(|e| e.storyline.clone());
    let c = run(StoryConfig::default().link.side.named);
    let breach = of(&c, "breach-1").expect("kept");
    assert_eq!(of(&c, "herons-1"), Some(breach.clone()));
    assert_ne!(of(&c, "bakery-1"), Some(breach.clone()));
    assert_ne!(of(&c, "rowing-1"), Some(breach.clone()));
    // The feature's words about birds do not enter the breach's signature.
    let sig = &c.storyline(&breach).expect("open").signature;
    assert_eq!(sig.body.get(heron), 0.0);
    // Off (above 1), it stays a storyline of its own.
    let c = run(2.0);
    assert_ne!(of(&c, "herons-1"), of(&c, "breach-1"));
}

#[test]
fn the_principal_actors_named_are_weighed_by_the_signature_leaving_crowded_ones_out() {
    use super::crowd::Crowded;
    use super::events::names_share;
    use super::terms::{SparseVec, Term};
    let v = |xs: &[(u64, f32)]| SparseVec(xs.iter().map(|&(t, w)| (Term(t), w)).collect());
    // A storyline's actors by weight: 1 (0.5), 2 (0.3), 3 (0.2); 4 and 5 are light.
    let signature = v(&[(1, 0.5), (2, 0.3), (3, 0.2), (4, 0.01), (5, 0.01)]);
    let none = Crowded::default();
    assert!((names_share(&v(&[(1, 1.0), (9, 1.0)]), &signature, &none, 3) - 0.5).abs() < 1e-6);
    assert!((names_share(&v(&[(2, 1.0), (3, 1.0)]), &signature, &none, 3) - 0.5).abs() < 1e-6);
    assert_eq!(names_share(&v(&[(4, 1.0), (5, 1.0)]), &signature, &none, 3), 0.0);
    assert_eq!(names_share(&v(&[(1, 1.0)]), &SparseVec::default(), &none, 3), 0.0);
    // Actor 1 crowded: the next three are the principal ones.
    let crowded = Crowded::new(vec![Term(1)], 0.0);
    let share = names_share(&v(&[(1, 1.0), (2, 1.0)]), &signature, &crowded, 3);
    assert!((share - 0.3 / 0.51).abs() < 1e-5, "{share}");
}

/// A walkout by ferry crews at Tarnholm told on its day and the next morning, and a pay
/// vote two days later on the same dispute, told by the same outlets.
const FERRY: &[Fixture] = &[
    (
        "walkout-1",
        0,
        "Fenland Courier",
        "Ferry crews walk out at Tarnholm",
        "Ferry crews at Tarnholm walked off their boats at dawn, leaving island passengers \
      stranded on the quay. The Skerry Seamen's Union said the walkout over pay and rest \
      hours would last until the Tarn Ferry Company returned to talks. Queues of cars \
      stretched back from the terminal.",
        &["Tarnholm", "Skerry Seamen's Union", "Tarn Ferry Company"],
    ),
    (
        "walkout-2",
        0,
        "Tarn Herald",
        "Island passengers stranded as ferry crews strike",
        "Passengers were stranded at the Tarnholm terminal after ferry crews walked out over \
      pay and rest hours. The Skerry Seamen's Union blamed the Tarn Ferry Company for \
      breaking off talks. Cars queued on the quay and the first boats of the day stayed \
      tied up.",
        &["Tarnholm", "Skerry Seamen's Union", "Tarn Ferry Company"],
    ),
    (
        "walkout-3",
        1,
        "Vell Gazette",
        "Tarnholm ferries idle for a second day",
        "Ferry boats stayed tied up at the Tarnholm quay after crews walked out over pay and \
      rest hours, leaving island passengers stranded. The Skerry Seamen's Union said the \
      walkout goes on until the Tarn Ferry Company returns to talks; queues of cars \
      filled the terminal.",
        &["Tarnholm", "Skerry Seamen's Union", "Tarn Ferry Company"],
    ),
    (
        "vote-1",
        2,
        "Fenland Courier",
        "Ferry union to ballot members on new pay offer",
        "The Skerry Seamen's Union will ballot its ferry crews on a new pay offer from the Tarn \
      Ferry Company, its secretary Ilse Varga said. The offer raises basic pay by four per \
      cent over two years. Members vote by post, and the result is due next month.",
        &["Skerry Seamen's Union", "Tarn Ferry Company", "Ilse Varga"],
    ),
    (
        "vote-2",
        2,
        "Tarn Herald",
        "Ballot called on ferry pay offer",
        "Ferry crews will vote by post on a four per cent pay offer, the Skerry Seamen's Union \
      said. Ilse Varga, the union's secretary, called the Tarn Ferry Company's offer a \
      start. The ballot result is due next month.",
        &["Skerry Seamen's Union", "Tarn Ferry Company", "Ilse Varga"],
    ),
];

#[test]
fn next_day_coverage_joins_its_event_and_a_happening_two_days_on_does_not() {
    let a = Analyzer::default();
    let d: Vec<StoryDoc> = FERRY.iter().map(|f| doc(&a, f)).collect();
    let cfg = StoryConfig::default();
    let s = cluster(&d, &cfg);
    let walkout = event_of(&s, "walkout-1");
    assert_eq!(
        walkout.articles,
        ["walkout-1", "walkout-2", "walkout-3"],
        "{s:#?}"
    );
    assert_eq!(event_of(&s, "vote-1").articles, ["vote-1", "vote-2"], "{s:#?}");
    // The next morning's article keeps about half the time part; two days on, almost
    // none is left.
    let ws = &cfg.weights;
    let mut c = Clusterer::new(cfg.clone());
    c.add(&d[0]).unwrap();
    let event = c.state().events[0].centroid.clone();
    let next_day = Parts::of(&c.weigh(&d[2]), &event, ws).time.unwrap();
    assert!(next_day >= 0.5, "{next_day}");
    let mut later = d[2].clone();
    later.published = Some(Day(DAY0 + 2));
    let two_days = Parts::of(&c.weigh(&later), &event, ws).time.unwrap();
    assert!(two_days < 0.1, "{two_days}");
    // Next-day coverage joins on its content and that half.
    assert!(Parts::of(&c.weigh(&d[2]), &event, ws).score(ws) >= cfg.join);
}

/// The ferry company's order for new boats, told on the day of the walkout: another
/// happening of the same company, sharing its name and a few words.
const BOAT_ORDER: Fixture = (
    "order-1",
    0,
    "Vell Gazette",
    "Tarn Ferry Company orders two boats",
    "The Tarn Ferry Company has ordered two new boats from the Brenholt yard, to carry more \
      cars on its island routes. The yard said the hulls would be laid in autumn and the \
      boats would enter service in three years.",
    &["Tarn Ferry Company", "Brenholt"],
);

/// Where `f` is placed after the ferry walkout's first two articles, under `cfg`.
fn after_walkout(f: &Fixture, cfg: StoryConfig) -> Placement {
    let a = Analyzer::default();
    let mut c = Clusterer::new(cfg);
    for w in &FERRY[..2] {
        c.add(&doc(&a, w)).unwrap();
    }
    c.add(&doc(&a, f)).unwrap()
}

#[test]
fn a_same_day_article_on_another_happening_does_not_join_on_the_day_alone() {
    let default = StoryConfig::default();
    // Placed after the walkout's two articles, on the plain threshold alone (no
    // clear-best rule).
    let run = |join: f32| {
        after_walkout(
            &BOAT_ORDER,
            StoryConfig {
                join,
                margin: 2.0,
                ..default.clone()
            },
        )
    };
    let own = run(default.join);
    // It scores over the old threshold (0.4) against the walkout's event, under the
    // default, most of it from the day they share.
    let (best, score) = own.best.clone().unwrap();
    assert_eq!(best, EventId("walkout-1".into()));
    assert!((0.4..default.join).contains(&score), "{score}");
    assert_eq!((own.event.0.as_str(), own.joined), ("order-1", None));
    let old = run(0.4);
    assert_eq!(old.event, EventId("walkout-1".into()), "{old:?}");
}

/// A comment piece on the walkout, on its day: it names the island and the quay but argues
/// about the service, sharing few of the reports' words.
const WALKOUT_COMMENT: Fixture = (
    "comment-1",
    0,
    "Holm Examiner",
    "Islanders pay the price of a dispute nobody will settle",
    "Once again the people of the islands are left waiting on the quay. Whatever the rights \
      and wrongs of the argument over wages, a lifeline that stops whenever its owners and \
      its crews fall out is no lifeline at all. The county should write a guarantee of \
      service into the next contract.",
    &["Tarnholm"],
);

#[test]
fn a_comment_on_the_day_joins_the_happening_it_is_clearly_closest_to() {
    let default = StoryConfig::default();
    let run = |join_clear: f32| {
        after_walkout(
            &WALKOUT_COMMENT,
            StoryConfig {
                join_clear,
                ..default.clone()
            },
        )
    };
    let placed = run(default.join_clear);
    // The only event open, well under the plain threshold, over the clear-best one.
    let (best, score) = placed.best.clone().unwrap();
    assert_eq!(best, EventId("walkout-1".into()));
    assert!((default.join_clear..0.36).contains(&score), "{score}");
    assert_eq!(placed.event, EventId("walkout-1".into()), "{placed:?}");
    // At the old clear-best threshold (0.36) it started an event of its own.
    let old = run(0.36);
    assert_eq!((old.event.0.as_str(), old.joined), ("comment-1", None));
}

/// The breach (days 0–2), a drought on the Hollin plain (days 8–10), and a hearing on
/// day 14 about both.
fn docs_with_a_bridge() -> Vec<StoryDoc> {
    let a = Analyzer::default();
    let more: [Fixture; 4] = [
        (
            "drought-1",
            8,
            "Hollin Post",
            "Hollin reservoir falls to record low",
            "The Hollin reservoir has fallen to its lowest level on record after a dry spring. \
          Farmers on the Hollin plain were told to stop drawing from it for irrigation, and \
          the Hollin Valley Board began trucking supplies to hill villages.",
            &["Hollin", "Hollin Valley Board"],
        ),
        (
            "drought-2",
            9,
            "Tarn Herald",
            "Hosepipe ban across the Hollin plain",
            "A hosepipe ban now covers the Hollin plain as the reservoir keeps falling. Farmers \
          say their barley will fail without irrigation; the Hollin Valley Board said the \
          hill villages come first.",
            &["Hollin", "Hollin Valley Board"],
        ),
        (
            "drought-3",
            10,
            "Vell Gazette",
            "Hollin farmers count the cost of the dry spring",
            "Barley growers on the Hollin plain expect to lose half their crop to the drought. \
          With the reservoir at a record low, irrigation has stopped and tankers from the \
          Hollin Valley Board carry supplies to the hill villages.",
            &["Hollin", "Hollin Valley Board"],
        ),
        (
            "hearing-1",
            14,
            "Fenland Courier",
            "Councillors question water chiefs over breach and drought",
            "Councillors questioned Ossian Brandt of the Keld Water Authority and the head of \
          the Hollin Valley Board for four hours. They asked why seepage at the Marrowby dam \
          went unreported before the breach flooded the lower town, and why the Hollin \
          reservoir was left to fall to a record low, stopping irrigation on the Hollin plain \
          and leaving hill villages on tankers. Both blamed the storm rain at Marrowby and \
          the dry spring on the plain.",
            &[
                "Keld Water Authority",
                "Ossian Brandt",
                "Marrowby",
                "Hollin",
                "Hollin Valley Board",
            ],
        ),
    ];
    let mut d: Vec<StoryDoc> = ARTICLES[..3].iter().map(|f| doc(&a, f)).collect();
    d.extend(more.iter().map(|f| doc(&a, f)));
    d
}

/// Rule `link.bridge_articles`: an event that links to two storylines makes them one
/// while one of them is small; past that size, one bridging event is not enough.
#[test]
fn one_event_bridging_two_grown_storylines_does_not_make_them_one() {
    let d = docs_with_a_bridge();
    let run = |bridge: u32| {
        let mut cfg = StoryConfig::default();
        cfg.link.bridge_articles = bridge;
        cluster(&d, &cfg)
    };
    // Storylines of three articles each are small under the default: the hearing makes
    // them one.
    let s = run(StoryConfig::default().link.bridge_articles);
    assert!(together(&s, "breach-1", "drought-1"), "{s:#?}");
    assert!(together(&s, "hearing-1", "breach-1"));
    // Past two articles they count as grown: the hearing joins the one it is most like,
    // and the other stays apart.
    let s = run(2);
    assert!(!together(&s, "breach-1", "drought-1"), "{s:#?}");
    assert!(together(&s, "hearing-1", "breach-1") || together(&s, "hearing-1", "drought-1"));
}
