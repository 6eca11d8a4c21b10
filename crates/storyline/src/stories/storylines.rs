//! Storylines: chains of events about the same actors and topic over weeks or months. A
//! new event links to the storyline of the recent event (open, or closed within the link
//! window) it is most like; an event like the events of two storylines joins them. Linking
//! event to event, not to a storyline's average, keeps a long storyline from turning into
//! a vague centroid that draws in everything of its field.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::doc::Day;

/// A storyline's id: the id of its first event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct StorylineId(pub String);

impl std::fmt::Display for StorylineId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// When an event links to another. The link score is the event score without the time
/// part (body, title and entity cosines, weighted as for events): a storyline spans
/// months, and the window bounds it instead.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LinkConfig {
    /// Least link score.
    pub score: f32,
    /// Least entity cosine: a storyline is about the same actors.
    pub entities: f32,
    /// Two storylines a new event scores at least this with (an event of each) are one.
    pub merge: f32,
    /// Events are linked within this many days of each other; a storyline with no new
    /// article for longer is closed.
    pub days: i32,
}

impl Default for LinkConfig {
    fn default() -> Self {
        LinkConfig {
            score: 0.25,
            entities: 0.1,
            merge: 0.35,
            days: 30,
        }
    }
}

/// An open storyline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Storyline {
    pub id: StorylineId,
    pub first: Day,
    pub last: Day,
    pub events: u32,
    pub articles: u32,
}

/// The open storylines.
#[derive(Debug, Default)]
pub(crate) struct Storylines {
    map: BTreeMap<StorylineId, Storyline>,
}

impl Storylines {
    pub fn from_saved(saved: Vec<Storyline>) -> Storylines {
        Storylines {
            map: saved.into_iter().map(|s| (s.id.clone(), s)).collect(),
        }
    }

    /// The open storylines, by id.
    pub fn saved(&self) -> Vec<Storyline> {
        self.map.values().cloned().collect()
    }

    pub fn get(&self, id: &StorylineId) -> Option<&Storyline> {
        self.map.get(id)
    }

    /// Starts a storyline of one event of one article.
    pub fn start(&mut self, id: StorylineId, day: Day) {
        let s = Storyline {
            id: id.clone(),
            first: day,
            last: day,
            events: 1,
            articles: 1,
        };
        self.map.insert(id, s);
    }

    /// Counts `articles` more articles (and `events` more events) of a day.
    pub fn add(&mut self, id: &StorylineId, day: Day, articles: u32, events: u32) {
        if let Some(s) = self.map.get_mut(id) {
            s.first = s.first.min(day);
            s.last = s.last.max(day);
            s.articles += articles;
            s.events += events;
        }
    }

    /// Merges storyline `from` into `into`.
    pub fn merge(&mut self, from: &StorylineId, into: &StorylineId) {
        let Some(old) = self.map.remove(from) else {
            return;
        };
        if let Some(s) = self.map.get_mut(into) {
            s.first = s.first.min(old.first);
            s.last = s.last.max(old.last);
            s.articles += old.articles;
            s.events += old.events;
        }
    }

    /// Forgets a storyline (its only event moved to another).
    pub fn remove(&mut self, id: &StorylineId) {
        self.map.remove(id);
    }

    /// Closes the storylines with no article for more than `days` before `today`.
    pub fn close_idle(&mut self, today: Day, days: i32) {
        self.map.retain(|_, s| today.minus(s.last) <= days);
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(s: &str) -> StorylineId {
        StorylineId(s.into())
    }

    #[test]
    fn counts_merge_and_idle_storylines_close() {
        let mut s = Storylines::default();
        s.start(id("a"), Day(0));
        s.start(id("b"), Day(4));
        s.add(&id("a"), Day(2), 3, 1);
        s.merge(&id("b"), &id("a"));
        let a = s.get(&id("a")).unwrap();
        assert_eq!((a.first, a.last, a.events, a.articles), (Day(0), Day(4), 3, 5));
        assert!(s.get(&id("b")).is_none());
        s.close_idle(Day(34), 30);
        assert_eq!(s.len(), 1);
        s.close_idle(Day(35), 30);
        assert_eq!(s.len(), 0);
    }
}
