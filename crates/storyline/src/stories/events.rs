//! Online event clustering: each article, as it arrives, joins the best of a few candidate
//! events (found through an index of their heaviest terms and entities) when it scores high
//! enough, or starts an event; a new event links into a storyline. Events close after a
//! few idle days; when one closes, its storyline, if small, gets a last chance to join the
//! storyline it is most like, storylines whose signatures have come to agree become one,
//! and a storyline that has come to look like one closed before it began is reunited with
//! it (all recorded as merges). What is open can be saved as plain data and taken up
//! again.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::crowd::Crowded;
use super::doc::{Day, StoryDoc};
use super::index::{heaviest, Index, Keys};
use super::score::{Centroid, Parts, Weighed, Weights};
use super::storylines::{LinkConfig, Storyline, StorylineId, Storylines};
use super::terms::SparseVec;
use super::window::WindowDf;

/// An event's id: the id of its first article.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EventId(pub String);

impl std::fmt::Display for EventId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Clustering settings. Unknown fields are refused.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct StoryConfig {
    pub weights: Weights,
    /// Least score to join an event. 0.45: an article of the same day as an event gets
    /// 0.24 of the score from the time part alone, so at 0.4 a story of the same day on
    /// the same subject (two AllSides stories of one day on one war, on one inquiry)
    /// joined with content shared at 0.25; a clear best still joins at `join_clear`.
    /// (`eval story-pairs` reports its F1 at this threshold: 0.847 at 0.4, 0.812 at
    /// 0.45; its Pearson does not depend on it.)
    pub join: f32,
    /// Least content score (the score without its time part) with which an article that
    /// starts an event takes the storyline of the open event most like it: the same story
    /// told again on another day is a new event of the same storyline.
    pub follow: f32,
    /// Least score to join an event that is clearly the best, ahead of the runner-up by
    /// `margin` at least: below `join`, an article like two events about equally (two
    /// stories of one subject on one day) starts its own. 0.34: articles of one story by
    /// outlets that tell it from other angles (comment pieces among them) share few words
    /// (a body cosine of 0.1–0.2) and, on its day, often score 0.34–0.36 against its
    /// event as the clear best; at 0.36 they started events of their own. Lowered on the
    /// AllSides stories' even half (every value from 0.32 to 0.35 scores higher there than
    /// 0.36) and confirmed on the odd half; 0.34 is the value of that band at which neither
    /// guard falls (at 0.33 and 0.35 the Timeline17 storylines are a little lower, at 0.32
    /// the generated corpus's storylines).
    pub join_clear: f32,
    /// How far ahead of the runner-up an event must score to be joined at `join_clear`.
    pub margin: f32,
    /// Candidate events scored in full per article.
    pub candidates: usize,
    /// An event with no new article for more than this many days is closed.
    pub idle_days: i32,
    /// Days of the sliding window document frequencies are counted over.
    pub idf_days: i32,
    /// Terms kept in each vector of an event's centroid.
    pub centroid_terms: usize,
    pub link: LinkConfig,
}

impl Default for StoryConfig {
    fn default() -> Self {
        StoryConfig {
            weights: Weights::default(),
            join: 0.45,
            follow: 0.4,
            join_clear: 0.34,
            margin: 0.1,
            candidates: 50,
            idle_days: 3,
            idf_days: 365,
            centroid_terms: 200,
            link: LinkConfig::default(),
        }
    }
}

/// An event still open, or closed within the link window (storylines link to it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub storyline: StorylineId,
    pub first: Day,
    pub last: Day,
    /// Copies of its articles (counted, not summed).
    pub copies: u32,
    pub centroid: Centroid,
}

/// What the clustering needs to go on after a restart: plain data.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ClusterState {
    /// The latest publication day seen.
    pub clock: Option<Day>,
    pub words: WindowDf,
    pub entities: WindowDf,
    /// Open and recent events, by id.
    pub events: Vec<Event>,
    /// Open storylines, by id.
    pub storylines: Vec<Storyline>,
}

/// Where an article went.
#[derive(Debug, Clone, PartialEq)]
pub struct Placement {
    pub article: String,
    pub event: EventId,
    /// The event's storyline (after this article: an event alone in its storyline may
    /// have moved to another, and storylines may have merged).
    pub storyline: StorylineId,
    /// The score it joined the event with; `None` when it started the event.
    pub joined: Option<f32>,
    /// The best candidate event and its score, joined or not (`None`: no candidate).
    pub best: Option<(EventId, f32)>,
}

/// The open events most like an article: the best by score and the best by content.
#[derive(Debug, Clone, Copy)]
struct Best {
    /// The best event's slot and score.
    event: (u32, f32),
    /// The runner-up's score (0 when alone).
    second: f32,
    /// The event whose content (the score without time) is most like the article's, and
    /// that content score.
    content: (u32, f32),
}

/// A candidate storyline of an event: its link score and entity cosine.
struct LinkScore {
    id: StorylineId,
    score: f32,
    entities: f32,
    /// The link score with crowded terms weighed as for merging two storylines.
    merge: f32,
}

const EVENT_KEYS: Keys = Keys {
    terms: 10,
    entities: 5,
};

/// How many terms of a lone event at its close look for storylines to join: more than a
/// new article's, since its heaviest few may be words no other article used.
const RESCUE_KEYS: Keys = Keys {
    terms: 40,
    entities: 10,
};

/// Candidates (events, and storylines by signature) scored for a last chance or a
/// convergence: the few the index ranks first, as these run for every event that closes.
const RESCUE_CANDIDATES: usize = 10;

/// Event sizes at which an event alone in its storyline looks again for one to join.
fn recheck_at(size: u32) -> bool {
    size.is_power_of_two() && (2..=64).contains(&size)
}

/// The share of a storyline's principal actors that an article names: of the heaviest
/// `k` entities of its signature that are not crowded, the weight of those the article's
/// entities include, over their whole weight (0 when it has none).
pub(crate) fn names_share(article: &SparseVec, signature: &SparseVec, crowded: &Crowded, k: usize) -> f32 {
    let uncrowded = SparseVec(
        signature
            .0
            .iter()
            .copied()
            .filter(|&(t, _)| !crowded.holds(t))
            .collect(),
    );
    let top = uncrowded.top(k);
    let all: f32 = top.iter().map(|&(_, x)| x).sum();
    let named: f32 = top
        .iter()
        .filter(|&&(t, _)| article.get(t) > 0.0)
        .map(|&(_, x)| x)
        .sum();
    if all > 0.0 {
        named / all
    } else {
        0.0
    }
}

/// The online clusterer.
#[derive(Debug)]
pub struct Clusterer {
    cfg: StoryConfig,
    clock: Option<Day>,
    words: WindowDf,
    entities: WindowDf,
    /// Open and recent events.
    events: Vec<Option<Event>>,
    free: Vec<u32>,
    by_id: HashMap<EventId, u32>,
    /// Open events, for joining.
    open: Index,
    /// Open and recent events, for linking.
    recent: Index,
    storylines: Storylines,
    /// Storylines merged into others since the last [`Clusterer::take_merges`].
    merges: Vec<(StorylineId, StorylineId)>,
}

impl Clusterer {
    pub fn new(cfg: StoryConfig) -> Clusterer {
        Clusterer::from_state(cfg, ClusterState::default())
    }

    /// Takes up saved state (an empty state is a fresh start).
    pub fn from_state(cfg: StoryConfig, state: ClusterState) -> Clusterer {
        let fresh = |w: WindowDf| {
            if w.df().docs() == 0 {
                WindowDf::new(cfg.idf_days)
            } else {
                w
            }
        };
        let mut c = Clusterer {
            storylines: Storylines::from_saved(state.storylines, &cfg.link),
            merges: Vec::new(),
            clock: state.clock,
            words: fresh(state.words),
            entities: fresh(state.entities),
            events: Vec::new(),
            free: Vec::new(),
            by_id: HashMap::new(),
            open: Index::default(),
            recent: Index::default(),
            cfg,
        };
        for e in state.events {
            c.insert(e);
        }
        c
    }

    /// The state to save: events and storylines sorted by id, the windows, the clock.
    pub fn state(&self) -> ClusterState {
        let mut events: Vec<Event> = self.events.iter().flatten().cloned().collect();
        events.sort_by(|a, b| a.id.cmp(&b.id));
        ClusterState {
            clock: self.clock,
            words: self.words.clone(),
            entities: self.entities.clone(),
            events,
            storylines: self.storylines.saved(),
        }
    }

    pub fn config(&self) -> &StoryConfig {
        &self.cfg
    }

    /// An open or recent event.
    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.by_id.get(id).and_then(|&s| self.events[s as usize].as_ref())
    }

    /// Whether an event still takes articles.
    pub fn is_open(&self, id: &EventId) -> bool {
        self.by_id.get(id).is_some_and(|&s| self.open.contains(s))
    }

    /// An open storyline.
    pub fn storyline(&self, id: &StorylineId) -> Option<&Storyline> {
        self.storylines.get(id)
    }

    /// Open events and open storylines.
    pub fn open(&self) -> (usize, usize) {
        (self.open.len(), self.storylines.len())
    }

    /// The article vectors under the current document frequencies (without counting it).
    pub fn weigh(&self, doc: &StoryDoc) -> Weighed {
        Weighed::of(doc, self.words.df(), self.entities.df())
    }

    fn is_idle(&self, e: &Event, days: i32) -> bool {
        self.clock.is_some_and(|c| c.minus(e.last) > days)
    }

    fn insert(&mut self, e: Event) -> u32 {
        let slot = match self.free.pop() {
            Some(s) => s,
            None => {
                self.events.push(None);
                (self.events.len() - 1) as u32
            }
        };
        self.by_id.insert(e.id.clone(), slot);
        let keys = Self::keys(&e.centroid);
        if !self.is_idle(&e, self.cfg.idle_days) {
            self.open.file(slot, keys.clone());
        }
        self.recent.file(slot, keys);
        self.events[slot as usize] = Some(e);
        slot
    }

    fn keys(c: &Centroid) -> Vec<super::terms::Term> {
        heaviest(&c.body, &c.entities, EVENT_KEYS)
            .into_iter()
            .map(|(t, _)| t)
            .collect()
    }

    /// Moves the clock to `day` when later: events idle too long close (they take no more
    /// articles; their storylines get a last chance, converge or are reunited), and leave
    /// altogether past the link window; idle storylines close.
    fn advance(&mut self, day: Day) {
        if self.clock.is_some_and(|c| c >= day) {
            return;
        }
        self.clock = Some(day);
        let (idle, link) = (self.cfg.idle_days, self.cfg.link.days);
        let mut slots: Vec<u32> = self.by_id.values().copied().collect();
        slots.sort_unstable();
        let mut closing = Vec::new();
        for slot in slots {
            let last = self.events[slot as usize].as_ref().expect("slot of an id").last;
            if day.minus(last) > link {
                let e = self.events[slot as usize].take().expect("slot of an id");
                self.by_id.remove(&e.id);
                self.open.remove(slot);
                self.recent.remove(slot);
                self.free.push(slot);
            } else if day.minus(last) > idle && self.open.contains(slot) {
                self.open.remove(slot);
                closing.push(slot);
            }
        }
        let id_of = |s: &u32| {
            self.events[*s as usize]
                .as_ref()
                .expect("closing slot")
                .id
                .clone()
        };
        closing.sort_by_cached_key(id_of);
        for slot in closing {
            self.rescue(slot);
            self.converge(slot);
            let sl = self.events[slot as usize]
                .as_ref()
                .expect("closing slot")
                .storyline
                .clone();
            self.reunite(&sl);
        }
        self.storylines.close_idle(day, link);
    }

    /// A last chance for a small storyline (of at most `rescue_articles` articles), when
    /// one of its events closes: it joins the storyline it links to best when that scores
    /// at least the rescue thresholds, or leads every other candidate clearly
    /// (`rescue_clear`, `rescue_lead`; then without entering its signature). Recorded as a
    /// merge, so its id resolves to the one kept. A lone event is compared by its
    /// centroid, a small storyline of several by its signature. A lone article that finds
    /// none may still be a side story of a large storyline (`link.side`).
    fn rescue(&mut self, slot: u32) {
        let link = self.cfg.link;
        let e = self.events[slot as usize].as_ref().expect("closing slot");
        let Some(s) = self.storylines.get(&e.storyline) else {
            return;
        };
        if s.articles > link.rescue_articles {
            return;
        }
        let w = if s.events == 1 {
            Weighed::of_centroid(&e.centroid)
        } else {
            Weighed {
                body: s.signature.body.clone(),
                title: Default::default(),
                entities: s.signature.entities.clone(),
                days: vec![],
            }
        };
        let own = e.storyline.clone();
        let last = e.last;
        let mut all = self.link_scores(&w, Some(slot), (RESCUE_KEYS, RESCUE_CANDIDATES), link.crowd.merge);
        all.retain(|l| {
            self.storylines
                .get(&l.id)
                .is_some_and(|s| last.0 - s.last.0 <= link.rescue_idle_days)
        });
        let lone = s.events == 1 && s.articles <= link.side.small;
        let enough = |l: &&LinkScore| l.entities >= link.rescue_entities;
        let rescued = all.iter().filter(enough).find(|l| l.score >= link.rescue);
        let clear = || {
            let second = all.get(1).map_or(0.0, |l| l.score);
            (all.first().filter(enough))
                .filter(|l| l.score >= link.rescue_clear && l.score >= link.rescue_lead * second)
        };
        if let Some(to) = rescued.map(|l| l.id.clone()) {
            self.merge_into(&to, &[own]);
        } else if let Some(to) = clear().map(|l| l.id.clone()) {
            self.storylines.unsign(&own);
            self.merge_into(&to, &[own]);
        } else if let Some((to, by_names)) = lone.then(|| self.side_of(&w, &all)).flatten() {
            let to = to.id.clone();
            // Joined on its names alone, a side article's own angle does not reshape what
            // the storyline is about (see `SideConfig::named`).
            if by_names {
                self.storylines.unsign(&own);
            }
            self.merge_into(&to, &[own]);
        }
    }

    /// The large storyline a lone article (as `w`) is a side story of (`link.side`): the
    /// best of its last chance's candidates (`scores`, best first) when large enough and
    /// scoring enough on content, and either on entity cosine or by naming the
    /// storyline's principal actors; true in the second case (the article then stays out
    /// of the storyline's signature).
    fn side_of<'a>(&self, w: &Weighed, scores: &'a [LinkScore]) -> Option<(&'a LinkScore, bool)> {
        let side = &self.cfg.link.side;
        let best = scores.first()?;
        let large = self
            .storylines
            .get(&best.id)
            .filter(|s| s.articles >= side.articles)?;
        if best.score < side.score {
            return None;
        }
        if best.entities >= side.entities {
            return Some((best, false));
        }
        let crowd = &self.cfg.link.crowd;
        let crowded = self
            .storylines
            .crowded_in(&w.body, &w.entities, crowd, crowd.merge);
        let crowded = self.storylines.crowded_for(&crowded, &large.id, crowd);
        let named = names_share(&w.entities, &large.signature.entities, &crowded, side.actors);
        (named >= side.named).then_some((best, true))
    }

    /// An open storyline that has come to look like one closed before it began is
    /// reunited with it (recorded as a merge, the older id kept).
    fn reunite(&mut self, id: &StorylineId) -> StorylineId {
        let found = self
            .storylines
            .reunite(id, &self.cfg, self.words.df(), self.entities.df());
        match found {
            Some(closed) => self.merge_into(&closed, std::slice::from_ref(id)),
            None => id.clone(),
        }
    }

    /// Places one article. `None` when it has no day to place it by.
    pub fn add(&mut self, doc: &StoryDoc) -> Option<Placement> {
        let day = doc.published?;
        self.advance(day);
        self.words.add(day, &doc.body);
        self.entities.add(day, &doc.entities);
        let w = self.weigh(doc);
        let best = self.best_event(&w);
        let mut placed = match best {
            Some(Best {
                event: (slot, score),
                second,
                ..
            }) if self.joins(score, second) => self.join(slot, doc, &w, score),
            _ => {
                let follow = best
                    .map(|b| b.content)
                    .filter(|&(_, content)| content >= self.cfg.follow)
                    .map(|(slot, _)| {
                        self.events[slot as usize]
                            .as_ref()
                            .expect("candidate slot")
                            .storyline
                            .clone()
                    })
                    .filter(|s| self.storylines.get(s).is_some());
                self.start(doc, &w, day, follow)
            }
        };
        placed.best = best.map(|b| b.event).map(|(slot, score)| {
            let e = self.events[slot as usize].as_ref().expect("candidate slot");
            (e.id.clone(), score)
        });
        Some(placed)
    }

    /// Whether the best event, of `score`, is joined when the runner-up scores `second`.
    fn joins(&self, score: f32, second: f32) -> bool {
        let c = &self.cfg;
        score >= c.join || (score >= c.join_clear && score - second >= c.margin)
    }

    /// Counts a copy of an article of `event` (it adds nothing to the centroids). False
    /// when the event is no longer kept.
    pub fn add_copy(&mut self, event: &EventId, day: Day) -> bool {
        let Some(&slot) = self.by_id.get(event) else {
            return false;
        };
        let e = self.events[slot as usize].as_mut().expect("slot of an id");
        e.copies += 1;
        e.last = e.last.max(day);
        let sl = e.storyline.clone();
        self.storylines.add(&sl, day, 1, 0);
        true
    }

    /// Candidate slots from an index for the article, best first by the weight of the
    /// terms that found them (ties by event id), at most `candidates`.
    fn candidates(&self, index: &Index, w: &Weighed, k: usize) -> Vec<u32> {
        let hits = index.lookup(&heaviest(&w.body, &w.entities, EVENT_KEYS));
        let id_of = |s: u32| &self.events[s as usize].as_ref().expect("filed slot").id;
        let mut cands: Vec<(u32, f32)> = hits.into_iter().collect();
        cands.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| id_of(a.0).cmp(id_of(b.0))));
        cands.truncate(k);
        cands.into_iter().map(|(s, _)| s).collect()
    }

    /// The best open events for the article, by score and by content, ties by id.
    fn best_event(&self, w: &Weighed) -> Option<Best> {
        let id_of = |s: u32| &self.events[s as usize].as_ref().expect("filed slot").id;
        let ws = &self.cfg.weights;
        let scored: Vec<(u32, f32, f32)> = self
            .candidates(&self.open, w, self.cfg.candidates)
            .into_iter()
            .map(|s| {
                let e = self.events[s as usize].as_ref().expect("filed slot");
                let p = Parts::of(w, &e.centroid, ws);
                (s, p.score(ws), p.content_score(ws))
            })
            .collect();
        let best = |by: fn(&(u32, f32, f32)) -> f32| {
            scored
                .iter()
                .max_by(|a, b| by(a).total_cmp(&by(b)).then_with(|| id_of(b.0).cmp(id_of(a.0))))
                .map(|x| (x.0, by(x)))
        };
        let event = best(|x| x.1)?;
        let second = scored
            .iter()
            .filter(|x| x.0 != event.0)
            .map(|x| x.1)
            .fold(0.0, f32::max);
        Some(Best {
            event,
            second,
            content: best(|x| x.2)?,
        })
    }

    /// When an event closes, its storyline joins the open storyline whose signature has
    /// come to agree with its own (two threads of one story started apart). Recorded as a
    /// merge.
    fn converge(&mut self, slot: u32) {
        let (ws, link) = (&self.cfg.weights, &self.cfg.link);
        let own = &self.events[slot as usize]
            .as_ref()
            .expect("closing slot")
            .storyline;
        let Some(s) = self.storylines.get(own) else {
            return;
        };
        let query = heaviest(&s.signature.body, &s.signature.entities, RESCUE_KEYS);
        let crowd = &link.crowd;
        let crowded =
            (self.storylines).crowded_in(&s.signature.body, &s.signature.entities, crowd, crowd.merge);
        let best = self
            .storylines
            .candidates(&query, RESCUE_CANDIDATES)
            .into_iter()
            .filter(|o| o.id != s.id)
            .map(|o| {
                let c = self.storylines.crowded_for(&crowded, &o.id, crowd);
                let body = c.cosine(&s.signature.body, &o.signature.body);
                let entities = c.cosine(&s.signature.entities, &o.signature.entities);
                let score = (ws.body * body + ws.entities * entities) / (ws.body + ws.entities);
                (o.id.clone(), score, entities)
            })
            .filter(|(_, score, e)| *score >= link.converge && *e >= link.entities)
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
        if let Some((to, _, _)) = best {
            let own = own.clone();
            self.merge_into(&to, &[own]);
        }
    }

    /// The storylines an event (as `w`) links to, best first: the first to join, the others
    /// to merge into it. `own` is left out. Candidates are the storylines of recent events
    /// found through the index; each is scored against its signature (body and entity
    /// cosines, weighted as for events), and must agree on both content and entities. The
    /// others are merged by their score with crowded terms weighed as for merges, and only
    /// when it or the first is small (`link.bridge_articles`).
    fn links(&self, w: &Weighed, own: Option<u32>) -> Vec<StorylineId> {
        let link = &self.cfg.link;
        let size = |id: &StorylineId| self.storylines.get(id).map_or(0, |s| s.articles);
        let mut linked = self
            .link_scores(w, own, (EVENT_KEYS, self.cfg.candidates), link.crowd.link)
            .into_iter()
            .filter(|l| l.entities >= link.entities && l.score >= link.score);
        let Some(best) = linked.next() else {
            return Vec::new();
        };
        let first = size(&best.id);
        let merged =
            linked.filter(|l| l.merge >= link.merge && first.min(size(&l.id)) <= link.bridge_articles);
        std::iter::once(best).chain(merged).map(|l| l.id).collect()
    }

    /// The candidate storylines of an event (as `w`), `own`'s left out, each with its
    /// link score and entity cosine against its signature, best score first (ties by id).
    /// Candidates are found by the event's heaviest `keys` terms, at most `k` each way;
    /// crowded terms keep `keep` of their weight (and `link.crowd.merge` in the merge
    /// score).
    fn link_scores(
        &self,
        w: &Weighed,
        own: Option<u32>,
        (keys, k): (Keys, usize),
        keep: f32,
    ) -> Vec<LinkScore> {
        let ws = &self.cfg.weights;
        let own = own.and_then(|slot| self.events[slot as usize].as_ref().map(|e| &e.storyline));
        let by_events = self
            .candidates(&self.recent, w, k)
            .into_iter()
            .filter_map(|slot| {
                let e = self.events[slot as usize].as_ref().expect("filed slot");
                self.storylines.get(&e.storyline)
            });
        let query = heaviest(&w.body, &w.entities, keys);
        let by_signature = self.storylines.candidates(&query, k);
        let crowd = &self.cfg.link.crowd;
        let crowded = self.storylines.crowded_in(&w.body, &w.entities, crowd, keep);
        let for_merge = (crowd.merge != keep)
            .then(|| (self.storylines).crowded_in(&w.body, &w.entities, crowd, crowd.merge));
        let scored = |c: &Crowded, s: &Storyline| {
            let c = self.storylines.crowded_for(c, &s.id, crowd);
            let body = c.cosine(&w.body, &s.signature.body);
            let entities = c.cosine(&w.entities, &s.signature.entities);
            let score = (ws.body * body + ws.entities * entities) / (ws.body + ws.entities);
            (score, entities)
        };
        let mut seen: HashMap<&StorylineId, ()> = HashMap::new();
        let mut v = Vec::new();
        for s in by_events.chain(by_signature) {
            if Some(&s.id) == own || seen.insert(&s.id, ()).is_some() {
                continue;
            }
            let (score, entities) = scored(&crowded, s);
            // Only a storyline that links at all can be merged: the second score is not
            // worked out for the others.
            let links = score >= self.cfg.link.score && entities >= self.cfg.link.entities;
            let merge = match &for_merge {
                Some(c) if links => scored(c, s).0,
                Some(_) => 0.0,
                None => score,
            };
            v.push(LinkScore {
                id: s.id.clone(),
                score,
                entities,
                merge,
            });
        }
        v.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.id.cmp(&b.id)));
        v
    }

    fn join(&mut self, slot: u32, doc: &StoryDoc, w: &Weighed, score: f32) -> Placement {
        let day = doc.published.expect("placed articles have a day");
        let keep = self.cfg.centroid_terms;
        let e = self.events[slot as usize].as_mut().expect("candidate slot");
        e.centroid.add(w, keep);
        e.first = e.first.min(day);
        e.last = e.last.max(day);
        let (id, storyline, size) = (e.id.clone(), e.storyline.clone(), e.centroid.size);
        let keys = Self::keys(&e.centroid);
        self.open.file(slot, keys.clone());
        self.recent.file(slot, keys);
        self.storylines.add(&storyline, day, 1, 0);
        self.storylines.sign(&storyline, w, day, &self.cfg.link);
        let storyline = if recheck_at(size) && self.storylines.get(&storyline).is_some_and(|s| s.events == 1)
        {
            self.relink(slot, &storyline)
        } else {
            storyline
        };
        Placement {
            article: doc.id.clone(),
            event: id,
            storyline,
            joined: Some(score),
            best: None,
        }
    }

    /// Moves an event that is alone in its storyline into the storyline of the recent
    /// event most like it, if any.
    fn relink(&mut self, slot: u32, own: &StorylineId) -> StorylineId {
        let e = self.events[slot as usize].as_ref().expect("event slot");
        let (w, first, last, size) = (
            Weighed::of_centroid(&e.centroid),
            e.first,
            e.last,
            e.centroid.size,
        );
        let links = self.links(&w, Some(slot));
        let Some((to, rest)) = links.split_first() else {
            return own.clone();
        };
        self.storylines.remove(own);
        self.storylines.add(to, first, size, 1);
        self.storylines.add(to, last, 0, 0);
        self.storylines.sign(to, &w, last, &self.cfg.link);
        self.events[slot as usize].as_mut().expect("event slot").storyline = to.clone();
        self.merge_into(to, rest)
    }

    /// Merges the storylines `others` and `target` into the oldest of them (by first day,
    /// then id), moving their events; returns the one kept.
    fn merge_into(&mut self, target: &StorylineId, others: &[StorylineId]) -> StorylineId {
        if others.is_empty() {
            return target.clone();
        }
        let key = |id: &StorylineId| (self.storylines.get(id).map(|s| s.first), id.clone());
        let keep = std::iter::once(target)
            .chain(others)
            .min_by_key(|id| key(id))
            .expect("one at least")
            .clone();
        for gone in std::iter::once(target).chain(others).filter(|id| **id != keep) {
            self.storylines.merge(gone, &keep, &self.cfg.link);
            for e in self.events.iter_mut().flatten().filter(|e| &e.storyline == gone) {
                e.storyline = keep.clone();
            }
            self.merges.push((gone.clone(), keep.clone()));
        }
        keep
    }

    /// Storylines merged into others (gone, kept) since the last call, in order.
    pub fn take_merges(&mut self) -> Vec<(StorylineId, StorylineId)> {
        std::mem::take(&mut self.merges)
    }

    /// Starts an event with the article: in storyline `follow` when given, else in the
    /// storyline it links to (merging the others it links to as well), else in a new one.
    fn start(&mut self, doc: &StoryDoc, w: &Weighed, day: Day, follow: Option<StorylineId>) -> Placement {
        let id = EventId(doc.id.clone());
        let links = match follow {
            Some(s) => vec![s],
            None => self.links(w, None),
        };
        let storyline = match links.split_first() {
            Some((first, rest)) => {
                self.storylines.add(first, day, 1, 1);
                self.merge_into(first, rest)
            }
            None => self.storylines.revive_or_start(
                &doc.id,
                w,
                day,
                &self.cfg,
                self.words.df(),
                self.entities.df(),
            ),
        };
        self.storylines.sign(&storyline, w, day, &self.cfg.link);
        let mut centroid = Centroid::default();
        centroid.add(w, self.cfg.centroid_terms);
        self.insert(Event {
            id: id.clone(),
            storyline: storyline.clone(),
            first: day,
            last: day,
            copies: 0,
            centroid,
        });
        let grown = self
            .storylines
            .get(&storyline)
            .is_some_and(|s| s.events >= 2 && s.events.is_power_of_two());
        let storyline = if grown {
            self.reunite(&storyline)
        } else {
            storyline
        };
        Placement {
            article: doc.id.clone(),
            event: id,
            storyline,
            joined: None,
            best: None,
        }
    }
}
