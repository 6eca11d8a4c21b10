//! Closed storylines kept for revival. A storyline with no article for longer than the
//! link window closes; a story that goes quiet for months and comes back (a trial after
//! the death, a war's new offensive) should still be one storyline. So a closed storyline
//! is not forgotten: its signature, cut to its heaviest terms, is kept in a bounded shelf
//! (at most `CLOSED_KEPT`, the least recently active dropped first) and filed in
//! an index under those terms. A new event that links to no open storyline looks there,
//! with its rare terms only, and takes up the best closed storyline (whose id it keeps)
//! when the evidence is strong: entities and content terms that both name and that are
//! rare in the window of document frequencies, and a link score stricter than for an open
//! storyline.
//!
//! A story can also come back from another angle: its first new article names few of the
//! old actors and revives nothing, and a new storyline starts. Once that storyline has
//! several articles, its signature (cut as a closed one's is) is compared with the
//! closed storylines that ended before it began, on the same evidence, and it is
//! reunited with the one the evidence points to (`Storylines::reunite`): when one of its
//! events closes and when its count of events reaches a power of two.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::doc::Day;
use super::index::{heaviest, Keys};
use super::score::{Weighed, Weights};
use super::storylines::{Filed, Storyline, StorylineId};
use super::terms::{DocFreq, SparseVec, Term};

/// When a new event takes up a closed storyline. All must hold.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReviveConfig {
    /// Least link score (body and entity cosines against the closed signature, weighted
    /// as for links): stricter than the open storylines' `link.score`.
    pub score: f32,
    /// Least entity cosine.
    pub entities: f32,
    /// Least entities both name that are rare in the window.
    pub rare_entities: u32,
    /// Least body terms both have that are rare in the window.
    pub rare_terms: u32,
    /// A term or entity is rare when at most this share of the window's documents has it
    /// (or at most [`RARE_FLOOR`] documents, while the window is small).
    pub rare_share: f32,
    /// Closed storylines scored per new event (the first found through the index).
    pub candidates: usize,
}

impl Default for ReviveConfig {
    fn default() -> Self {
        ReviveConfig {
            score: 0.3,
            entities: 0.2,
            rare_entities: 2,
            rare_terms: 10,
            rare_share: 0.05,
            candidates: 10,
        }
    }
}

/// While the window holds few documents, a term in at most this many is still rare.
pub const RARE_FLOOR: u32 = 3;

/// How much of a closed storyline's signature is kept: its heaviest terms and entities.
const KEPT_TERMS: Keys = Keys {
    terms: 150,
    entities: 40,
};

/// A storyline's signature cut as a closed one's is (its heaviest terms and entities),
/// as the vectors of one article: what an open storyline is compared with closed ones by.
pub(crate) fn cut_signature(sig: &super::storylines::Signature) -> Weighed {
    let cut = |v: &SparseVec, k: usize| {
        let mut v = v.clone();
        v.truncate_top(k);
        v
    };
    Weighed {
        body: cut(&sig.body, KEPT_TERMS.terms),
        title: SparseVec::default(),
        entities: cut(&sig.entities, KEPT_TERMS.entities),
        days: Vec::new(),
    }
}

/// How many of those file it in the index, and how many of a new event's rare terms
/// query it.
const FILED: Keys = Keys {
    terms: 30,
    entities: 10,
};

/// The window's document frequencies, which say what is rare now.
#[derive(Debug, Clone, Copy)]
pub struct Rarity<'a> {
    pub words: &'a DocFreq,
    pub entities: &'a DocFreq,
}

impl Rarity<'_> {
    fn rare(df: &DocFreq, t: Term, share: f32) -> bool {
        let n = df.df(t);
        n <= RARE_FLOOR || (n as f32) <= share * df.docs() as f32
    }
}

/// The terms of two sorted vectors that both have and that `rare` accepts.
fn shared(a: &SparseVec, b: &SparseVec, rare: impl Fn(Term) -> bool) -> u32 {
    let (mut i, mut j, mut n) = (0, 0, 0);
    let (a, b) = (&a.0, &b.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += u32::from(rare(a[i].0));
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// A closed storyline's evidence for a new event.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Evidence {
    pub id: StorylineId,
    pub score: f32,
    pub entities: f32,
    pub rare_entities: u32,
    pub rare_terms: u32,
}

impl Evidence {
    fn strong(&self, cfg: &ReviveConfig) -> bool {
        self.score >= cfg.score
            && self.entities >= cfg.entities
            && self.rare_entities >= cfg.rare_entities
            && self.rare_terms >= cfg.rare_terms
    }
}

/// The closed storylines kept, by id, filed under their signatures' heaviest terms.
#[derive(Debug, Default)]
pub(crate) struct Closed {
    map: BTreeMap<StorylineId, Storyline>,
    /// (last day, id): the least recently active first, to drop.
    by_age: BTreeSet<(Day, StorylineId)>,
    filed: Filed,
}

impl Closed {
    /// Keeps a storyline that closed, its signature cut to its heaviest terms; drops the
    /// least recently active past `kept`.
    pub fn keep(&mut self, mut s: Storyline, kept: usize) {
        for (v, k) in [
            (&mut s.signature.body, KEPT_TERMS.terms),
            (&mut s.signature.entities, KEPT_TERMS.entities),
        ] {
            v.truncate_top(k);
        }
        let keys = heaviest(&s.signature.body, &s.signature.entities, FILED)
            .into_iter()
            .map(|(t, _)| t)
            .collect();
        let id = s.id.clone();
        if let Some(old) = self.map.remove(&id) {
            self.by_age.remove(&(old.last, id.clone()));
        }
        self.by_age.insert((s.last, id.clone()));
        self.map.insert(id.clone(), s);
        self.filed.file(&id, keys);
        while self.map.len() > kept {
            let Some((_, oldest)) = self.by_age.first().cloned() else {
                break;
            };
            self.take(&oldest);
        }
    }

    /// Takes a storyline off the shelf.
    pub fn take(&mut self, id: &StorylineId) -> Option<Storyline> {
        let s = self.map.remove(id)?;
        self.by_age.remove(&(s.last, id.clone()));
        self.filed.unfile(id);
        Some(s)
    }

    /// The closed storylines, by id.
    pub fn all(&self) -> impl Iterator<Item = &Storyline> {
        self.map.values()
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The closed storylines an event (as `w`) has evidence for, best score first (ties
    /// by id): candidates found through the index by the event's rare terms, at most
    /// `cfg.candidates`.
    pub fn evidence(&self, w: &Weighed, rarity: Rarity, ws: &Weights, cfg: &ReviveConfig) -> Vec<Evidence> {
        self.evidence_where(w, rarity, ws, cfg, |_| true)
    }

    /// The same, among the closed storylines `keep` accepts.
    fn evidence_where(
        &self,
        w: &Weighed,
        rarity: Rarity,
        ws: &Weights,
        cfg: &ReviveConfig,
        keep: impl Fn(&Storyline) -> bool,
    ) -> Vec<Evidence> {
        let rare_word = |t: Term| Rarity::rare(rarity.words, t, cfg.rare_share);
        let rare_entity = |t: Term| Rarity::rare(rarity.entities, t, cfg.rare_share);
        let mut query: Vec<(Term, f32)> = w.body.top(FILED.terms * 2);
        query.retain(|&(t, _)| rare_word(t));
        query.truncate(FILED.terms);
        let mut ents = w.entities.top(FILED.entities * 2);
        ents.retain(|&(t, _)| rare_entity(t));
        ents.truncate(FILED.entities);
        query.extend(ents);
        let mut v: Vec<Evidence> = self
            .filed
            .lookup(&query, cfg.candidates)
            .into_iter()
            .filter_map(|id| self.map.get(id))
            .filter(|s| keep(s))
            .map(|s| {
                let body = w.body.cosine(&s.signature.body);
                let entities = w.entities.cosine(&s.signature.entities);
                Evidence {
                    id: s.id.clone(),
                    score: (ws.body * body + ws.entities * entities) / (ws.body + ws.entities),
                    entities,
                    rare_entities: shared(&w.entities, &s.signature.entities, rare_entity),
                    rare_terms: shared(&w.body, &s.signature.body, rare_word),
                }
            })
            .collect();
        v.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        v
    }

    /// The closed storyline that ended before `first` which an open storyline's
    /// signature (as `w`, cut as a closed one's is) should be reunited with, if the
    /// evidence for one is strong enough.
    pub fn best_before(
        &self,
        w: &Weighed,
        first: Day,
        rarity: Rarity,
        ws: &Weights,
        cfg: &ReviveConfig,
    ) -> Option<StorylineId> {
        strongest(self.evidence_where(w, rarity, ws, cfg, |s| s.last < first), cfg)
    }

    /// The closed storyline an event (as `w`) should revive, if the evidence for one is
    /// strong enough.
    pub fn best(&self, w: &Weighed, rarity: Rarity, ws: &Weights, cfg: &ReviveConfig) -> Option<StorylineId> {
        strongest(self.evidence(w, rarity, ws, cfg), cfg)
    }
}

/// The first storyline (evidence is best first) whose evidence is strong enough.
fn strongest(evidence: Vec<Evidence>, cfg: &ReviveConfig) -> Option<StorylineId> {
    evidence.into_iter().find(|e| e.strong(cfg)).map(|e| e.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stories::terms::{Analyzer, TermCounts};
    use crate::stories::{cluster, ClusterState, Clusterer, EntityKey, Stories, StoryConfig, StoryDoc};

    const DAY0: i32 = 21_000;

    /// (id, day, title, body, entities)
    type Fixture = (
        &'static str,
        i32,
        &'static str,
        &'static str,
        &'static [&'static str],
    );

    /// A quarrel over dredging the Skerrin channel between the Brannoch island council and
    /// a ferry firm, in spring; a frost in the Ardle valley's orchards at the same time.
    const SPRING: &[Fixture] = &[
        (
            "dredge-1",
            0,
            "Brannoch council blocks Corvel Lines dredging plan",
            "The Brannoch island council voted to block Corvel Lines from dredging the Skerrin \
             channel, saying the spoil would smother the mussel beds off Tollan Point. Council \
             leader Ilse Marwick said the ferry firm had ignored the islanders' survey.",
            &[
                "Brannoch",
                "Corvel Lines",
                "Ilse Marwick",
                "Skerrin channel",
                "Tollan Point",
            ],
        ),
        (
            "dredge-2",
            1,
            "Corvel Lines threatens to cut Brannoch sailings over dredging row",
            "Corvel Lines warned it may cut winter sailings to Brannoch unless the Skerrin \
             channel is dredged, as its ferries scrape the silt at low tide. Ilse Marwick called \
             the threat blackmail and said the mussel beds at Tollan Point come first.",
            &[
                "Corvel Lines",
                "Brannoch",
                "Skerrin channel",
                "Ilse Marwick",
                "Tollan Point",
            ],
        ),
        (
            "dredge-3",
            2,
            "Mussel growers back Brannoch in Skerrin dredging quarrel",
            "Mussel growers at Tollan Point sided with the Brannoch council against the Corvel \
             Lines plan to dredge the Skerrin channel. The growers said silt from the dredger \
             would ruin the beds, and Ilse Marwick promised to take the firm to the tribunal.",
            &[
                "Tollan Point",
                "Brannoch",
                "Corvel Lines",
                "Skerrin channel",
                "Ilse Marwick",
            ],
        ),
        (
            "frost-1",
            1,
            "Late frost hits Ardle valley orchards",
            "A late frost blackened the blossom across the Ardle valley, and growers fear the \
             apple crop will be half of last year's. The Ardle Growers Union asked the Midlands \
             government for help with frost pots and orchard heaters before the blossom sets.",
            &["Ardle valley", "Ardle Growers Union", "Midlands"],
        ),
    ];

    /// Eight months later: the dredging quarrel reaches the tribunal; and a Midlands
    /// government report on rail fares, which shares only common words and the Midlands
    /// with the frost.
    const AUTUMN: &[Fixture] = &[
        (
            "tribunal-1",
            245,
            "Tribunal rules on Skerrin channel dredging",
            "The harbour tribunal ruled that Corvel Lines may dredge only the northern half of \
             the Skerrin channel, away from the mussel beds of Tollan Point. Ilse Marwick, \
             leader of the Brannoch council, said the islanders had won what mattered.",
            &[
                "Corvel Lines",
                "Skerrin channel",
                "Tollan Point",
                "Ilse Marwick",
                "Brannoch",
            ],
        ),
        (
            "fares-1",
            246,
            "Midlands government publishes rail fares report",
            "The government of the Midlands published its report on rail fares, and the \
             minister said fares would rise next year. The report said the government would \
             help commuters with a new weekly ticket.",
            &["Midlands"],
        ),
    ];

    /// Every day or two from a month before to after, a routine item on the Midlands'
    /// budget, so that the window's frequencies say what is common.
    fn filler(a: &Analyzer) -> Vec<StoryDoc> {
        let topics = [
            "road repairs",
            "school meals",
            "library hours",
            "bus timetables",
            "park lighting",
            "bin collection",
            "river levels",
            "tax forms",
            "hospital parking",
            "street markets",
        ];
        (0..200)
            .map(|i| {
                let topic = topics[i % topics.len()];
                let body = format!(
                    "The government of the Midlands said on day {i} that the minister would \
                     publish a report on {topic} next week, and that the budget for {topic} \
                     would be set by the government after the report."
                );
                doc(
                    a,
                    &format!("routine-{i:03}"),
                    (i as i32 * 3) / 2 - 40,
                    &body,
                    &body,
                    &["Midlands"],
                )
            })
            .collect()
    }

    fn doc(a: &Analyzer, id: &str, day: i32, title: &str, body: &str, ents: &[&str]) -> StoryDoc {
        StoryDoc::new(
            a,
            id.into(),
            Some(Day(DAY0 + day)),
            Some("Lowmoor Post".into()),
            None,
            title,
            body,
            ents.iter().map(|e| (EntityKey::of_name(e), 2)),
            [],
        )
    }

    fn corpus() -> Vec<StoryDoc> {
        let a = Analyzer::default();
        let mut d: Vec<StoryDoc> = SPRING
            .iter()
            .chain(AUTUMN)
            .map(|&(id, day, title, body, ents)| doc(&a, id, day, title, body, ents))
            .collect();
        d.extend(filler(&a));
        d
    }

    fn storyline_of<'a>(s: &'a Stories, article: &str) -> &'a StorylineId {
        &s.events
            .iter()
            .find(|e| e.articles.iter().any(|x| x == article))
            .expect("placed")
            .storyline
    }

    fn no_revival() -> StoryConfig {
        let mut cfg = StoryConfig::default();
        cfg.link.revive.score = 2.0;
        cfg
    }

    #[test]
    fn a_quarrel_back_after_eight_months_of_silence_is_one_storyline() {
        let d = corpus();
        let apart = cluster(&d, &no_revival());
        let spring = storyline_of(&apart, "dredge-1");
        assert_eq!(spring, storyline_of(&apart, "dredge-3"), "{apart:#?}");
        assert_ne!(
            spring,
            storyline_of(&apart, "tribunal-1"),
            "closed past the window"
        );

        let s = cluster(&d, &StoryConfig::default());
        let spring = storyline_of(&s, "dredge-1");
        assert_eq!(
            spring,
            &StorylineId::starting_with("dredge-1"),
            "the old id is kept"
        );
        assert_eq!(spring, storyline_of(&s, "tribunal-1"), "{s:#?}");
        // The fares report shares common words and the Midlands with the frost: not enough.
        let frost = storyline_of(&s, "frost-1");
        assert_ne!(frost, storyline_of(&s, "fares-1"));
        assert_ne!(spring, storyline_of(&s, "fares-1"));
        assert_ne!(frost, spring);
    }

    #[test]
    fn revival_does_not_depend_on_the_order_given_or_a_restart() {
        let d = corpus();
        let cfg = StoryConfig::default();
        let first = cluster(&d, &cfg);
        let mut reversed = d.clone();
        reversed.reverse();
        assert_eq!(cluster(&reversed, &cfg), first);

        let mut sorted = d;
        sorted.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
        let cut = sorted.iter().position(|x| x.id == "tribunal-1").unwrap();
        let mut straight = Clusterer::new(cfg.clone());
        let all: Vec<_> = sorted.iter().map(|x| straight.add(x).unwrap()).collect();
        let mut before = Clusterer::new(cfg.clone());
        let mut resumed: Vec<_> = sorted[..cut].iter().map(|x| before.add(x).unwrap()).collect();
        let json = serde_json::to_string(&before.state()).unwrap();
        let state: ClusterState = serde_json::from_str(&json).unwrap();
        assert!(
            state.storylines.iter().any(|s| s.closed),
            "closed storylines are saved"
        );
        let mut after = Clusterer::from_state(cfg, state);
        resumed.extend(sorted[cut..].iter().map(|x| after.add(x).unwrap()));
        assert_eq!(all, resumed);
        let tribunal = resumed.iter().find(|p| p.article == "tribunal-1").unwrap();
        assert_eq!(tribunal.storyline, StorylineId::starting_with("dredge-1"));
        assert_eq!(straight.state().storylines, after.state().storylines);
    }

    fn closed(id: &str, last: i32, words: &str) -> Storyline {
        let a = Analyzer::default();
        let mut body = DocFreq::default().weigh(&a.counts(words));
        body.normalise();
        Storyline {
            id: StorylineId(id.into()),
            first: Day(0),
            last: Day(last),
            events: 1,
            articles: 1,
            signature: super::super::storylines::Signature {
                body,
                entities: SparseVec::default(),
                day: Some(Day(last)),
            },
            closed: true,
        }
    }

    #[test]
    fn only_words_and_names_rare_in_the_window_count_as_evidence() {
        let a = Analyzer::default();
        let mut shelf = Closed::default();
        let mut s = closed("s-frost", 10, "frost blossom orchard government minister report");
        s.signature.entities = s_entities("Midlands");
        shelf.keep(s, 10);
        let mut w = Weighed {
            body: DocFreq::default().weigh(&a.counts("government minister report rail fares")),
            title: SparseVec::default(),
            entities: s_entities("Midlands"),
            days: vec![Day(300)],
        };
        w.body.normalise();
        let (ws, cfg) = (Weights::default(), ReviveConfig::default());
        // In an empty window every shared word and name is rare.
        let (none_w, none_e) = (DocFreq::default(), DocFreq::default());
        let fresh = Rarity {
            words: &none_w,
            entities: &none_e,
        };
        let ev = shelf.evidence(&w, fresh, &ws, &cfg);
        assert_eq!((ev[0].rare_terms, ev[0].rare_entities), (3, 1), "{ev:?}");
        // In a window where they are in half the documents, none is: no candidate at all.
        let (mut words, mut entities) = (DocFreq::default(), DocFreq::default());
        for i in 0..100 {
            let text = if i % 2 == 0 {
                "government minister report"
            } else {
                "harvest"
            };
            words.add(&a.counts(text));
            let name = if i % 2 == 0 { "Midlands" } else { "Ardle" };
            entities.add(&TermCounts(vec![(EntityKey::of_name(name).0, 1)]));
        }
        let common = Rarity {
            words: &words,
            entities: &entities,
        };
        assert!(shelf.evidence(&w, common, &ws, &cfg).is_empty());
        assert_eq!(shelf.best(&w, common, &ws, &cfg), None);
    }

    fn s_entities(name: &str) -> SparseVec {
        DocFreq::default().weigh(&TermCounts(vec![(EntityKey::of_name(name).0, 1)]))
    }

    #[test]
    fn the_shelf_drops_the_least_recently_active_and_finds_by_rare_terms() {
        let mut shelf = Closed::default();
        shelf.keep(closed("s-b", 20, "quarry blasting cracks chapel"), 2);
        shelf.keep(closed("s-a", 10, "kiln fire pottery works"), 2);
        shelf.keep(closed("s-c", 30, "lighthouse keeper cottage sale"), 2);
        assert_eq!(shelf.len(), 2);
        let ids: Vec<&str> = shelf.all().map(|s| s.id.0.as_str()).collect();
        assert_eq!(ids, ["s-b", "s-c"], "the least recently active went");

        let a = Analyzer::default();
        let (words, entities) = (DocFreq::default(), DocFreq::default());
        let mut w = Weighed {
            body: words.weigh(&a.counts("chapel cracks after quarry blasting again")),
            title: SparseVec::default(),
            entities: SparseVec::default(),
            days: vec![Day(200)],
        };
        w.body.normalise();
        let rarity = Rarity {
            words: &words,
            entities: &entities,
        };
        let ev = shelf.evidence(&w, rarity, &Weights::default(), &ReviveConfig::default());
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert_eq!(ev[0].id.0, "s-b");
        assert_eq!(ev[0].rare_terms, 4);
        assert_eq!(ev[0].rare_entities, 0);
        // No shared entity: not strong enough to revive.
        assert_eq!(
            shelf.best(&w, rarity, &Weights::default(), &ReviveConfig::default()),
            None
        );
        assert!(shelf.take(&StorylineId("s-b".into())).is_some());
        assert!(shelf
            .evidence(&w, rarity, &Weights::default(), &ReviveConfig::default())
            .is_empty());
    }
    /// An article's vectors of `words` and `names`, weighed in an empty window.
    fn article(words: &str, names: &[&str], day: i32) -> Weighed {
        let a = Analyzer::default();
        let df = DocFreq::default();
        let names = TermCounts(names.iter().map(|n| (EntityKey::of_name(n).0, 1)).collect());
        Weighed {
            body: df.weigh(&a.counts(words)),
            title: SparseVec::default(),
            entities: df.weigh(&names),
            days: vec![Day(day)],
        }
    }

    #[test]
    fn an_open_storyline_of_several_articles_is_reunited_with_one_closed_before_it_began() {
        use super::super::storylines::Storylines;
        let cfg = StoryConfig::default();
        let names = ["Brannoch", "Corvel Lines", "Ilse Marwick", "Tollan Point"];
        let words = "council dredging channel mussel beds ferry tribunal silt islanders survey";
        let old = article(words, &names, 0);
        // The quarrel's storyline, closed long ago, and a storyline of the same words that
        // ran while the new one was open (so no gap lies between them).
        let shelved = |id: &str, first: i32, last: i32| {
            let mut s = Storyline {
                id: StorylineId(id.into()),
                first: Day(first),
                last: Day(last),
                events: 1,
                articles: 1,
                signature: Default::default(),
                closed: true,
            };
            s.signature.add(&old, Day(last), 30.0, 1000);
            s
        };
        let mut s = Storylines::from_saved(
            vec![shelved("s-before", -400, -300), shelved("s-alongside", 50, 100)],
            &crate::stories::LinkConfig::default(),
        );
        let new = StorylineId("s-new".into());
        s.start(new.clone(), Day(0));
        let (w, e) = (DocFreq::default(), DocFreq::default());
        for (i, day) in [0, 240, 245].into_iter().enumerate() {
            if i > 0 {
                s.add(&new, Day(day), 1, 1);
            }
            s.sign(&new, &article(words, &names, day), Day(day), &cfg.link);
            let found = s.reunite(&new, &cfg, &w, &e);
            if i < 2 {
                assert_eq!(found, None, "{} articles are not compared", i + 1);
            } else {
                assert_eq!(
                    found,
                    Some(StorylineId("s-before".into())),
                    "never s-alongside, which ran beside it"
                );
            }
        }
        assert!(s.get(&StorylineId("s-before".into())).is_some(), "opened again");
        assert!(
            s.get(&StorylineId("s-alongside".into())).is_none(),
            "still on the shelf"
        );
    }
}
