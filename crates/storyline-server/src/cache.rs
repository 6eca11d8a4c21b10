//! Story bodies kept in memory between requests. A body is built from every record of
//! the story's articles (its summary and timeline are computed from them), which for a
//! large storyline costs far more than the request may; it is kept under a stamp of the
//! story's rows (events, articles, dates), so a digest that changes the story changes the
//! stamp and the next request builds it again.

use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use crate::api::StoryBody;

/// Stories kept at most; past it the cache starts again empty (simple, and bounded).
const CAPACITY: usize = 256;

#[derive(Debug, Default)]
pub(crate) struct StoryCache {
    bodies: Mutex<HashMap<String, (u64, Arc<StoryBody>)>>,
}

impl StoryCache {
    /// The stamp of a story's rows as the store lists them.
    pub(crate) fn stamp(rows: &impl serde::Serialize) -> u64 {
        let mut h = DefaultHasher::new();
        serde_json::to_string(rows).unwrap_or_default().hash(&mut h);
        h.finish()
    }

    pub(crate) fn get(&self, id: &str, stamp: u64) -> Option<Arc<StoryBody>> {
        let bodies = self.bodies.lock().unwrap_or_else(|p| p.into_inner());
        bodies
            .get(id)
            .filter(|(s, _)| *s == stamp)
            .map(|(_, b)| b.clone())
    }

    pub(crate) fn put(&self, id: &str, stamp: u64, body: Arc<StoryBody>) {
        let mut bodies = self.bodies.lock().unwrap_or_else(|p| p.into_inner());
        if bodies.len() >= CAPACITY && !bodies.contains_key(id) {
            bodies.clear();
        }
        bodies.insert(id.to_string(), (stamp, body));
    }
}
