//! Stories: events (one happening, covered by many articles within days) and storylines
//! (chains of events about the same actors over months), with dated timelines and
//! summaries. This stage reads analysed articles; it runs after `corpus`.
//!
//! [`cluster`] groups a batch of articles; [`Clusterer`] does the same one article at a
//! time and can save its state ([`ClusterState`]) to go on later.

pub mod crowd;
pub mod doc;
pub mod events;
pub mod headline;
pub(crate) mod index;
pub mod revive;
pub mod score;
pub mod storylines;
pub mod summary;
pub mod terms;
pub mod timeline;
pub mod window;

use std::collections::HashMap;

pub use crowd::CrowdConfig;
pub use doc::{Day, EntityKey, StoryDoc};
pub use events::{ClusterState, Clusterer, Event, EventId, Placement, StoryConfig};
pub use revive::ReviveConfig;
pub use score::{pair_similarity, similarity, Centroid, Parts, Weighed, Weights};
pub use storylines::{LinkConfig, SideConfig, Storyline, StorylineId};

/// An event of a finished batch.
#[derive(Debug, Clone, PartialEq)]
pub struct EventSummary {
    pub id: EventId,
    pub storyline: StorylineId,
    /// Its articles in the order they were placed (copies included).
    pub articles: Vec<String>,
    pub first: Day,
    pub last: Day,
}

/// The events and storylines of a batch.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stories {
    /// Events by id.
    pub events: Vec<EventSummary>,
    /// Articles with no day to place them by.
    pub unplaced: Vec<String>,
}

impl Stories {
    /// Each storyline with its events (sorted by id), storylines by id.
    pub fn storylines(&self) -> Vec<(StorylineId, Vec<&EventSummary>)> {
        let mut by: std::collections::BTreeMap<&StorylineId, Vec<&EventSummary>> = Default::default();
        for e in &self.events {
            by.entry(&e.storyline).or_default().push(e);
        }
        by.into_iter().map(|(k, v)| (k.clone(), v)).collect()
    }

    /// The event and storyline of each placed article.
    pub fn article_labels(&self) -> HashMap<&str, (&EventId, &StorylineId)> {
        let mut out = HashMap::new();
        for e in &self.events {
            for a in &e.articles {
                out.insert(a.as_str(), (&e.id, &e.storyline));
            }
        }
        out
    }
}

/// Clusters a batch of articles in publication order (ties by article id), so the result
/// does not depend on the order they are given in. A copy (`duplicate_of`) of an article
/// already placed joins its event without touching any centroid.
pub fn cluster(docs: &[StoryDoc], cfg: &StoryConfig) -> Stories {
    let mut order: Vec<&StoryDoc> = docs.iter().collect();
    order.sort_by(|a, b| (a.published, &a.id).cmp(&(b.published, &b.id)));
    let mut clusterer = Clusterer::new(cfg.clone());
    let mut events: HashMap<EventId, EventSummary> = HashMap::new();
    let mut event_of: HashMap<&str, EventId> = HashMap::new();
    let mut unplaced = Vec::new();
    let mut merged: HashMap<StorylineId, StorylineId> = HashMap::new();
    for d in order {
        let Some(day) = d.published else {
            unplaced.push(d.id.clone());
            continue;
        };
        let original = d.duplicate_of.as_deref().and_then(|o| event_of.get(o)).cloned();
        let (event, storyline) = match original {
            Some(ev) => {
                clusterer.add_copy(&ev, day);
                let sl = events[&ev].storyline.clone();
                (ev, sl)
            }
            None => {
                let p = clusterer.add(d).expect("dated");
                (p.event, p.storyline)
            }
        };
        let e = events.entry(event.clone()).or_insert_with(|| EventSummary {
            id: event.clone(),
            storyline: storyline.clone(),
            articles: Vec::new(),
            first: day,
            last: day,
        });
        e.storyline = storyline;
        e.articles.push(d.id.clone());
        e.first = e.first.min(day);
        e.last = e.last.max(day);
        event_of.insert(&d.id, event);
        merged.extend(clusterer.take_merges());
    }
    let mut events: Vec<EventSummary> = events.into_values().collect();
    for e in &mut events {
        while let Some(kept) = merged.get(&e.storyline) {
            e.storyline = kept.clone();
        }
    }
    events.sort_by(|a, b| a.id.cmp(&b.id));
    Stories { events, unplaced }
}

#[cfg(test)]
mod tests;
