//! What the server keeps between requests: story bodies and storyline rows, each under the
//! store's change stamp (`Store::change_stamp`, changed by every digest and re-analysis),
//! so that a request for a kept one reads nothing but the stamp; and a pool of open store
//! connections, whose page caches stay warm and whose statements stay prepared.
//!
//! A story body is built from the records of up to `run::STORY_ARTICLES` articles (its
//! summary and timeline are computed from them), and a long storyline's row counts and
//! ranks all its events: both cost far more than a request may, once per change.

use std::collections::{HashMap, VecDeque};
use std::path::Path;
use std::sync::{Arc, Mutex};

use storyline::store::Store;

/// Values by key with the stamp each was built at, and the keys in the order they came.
type Entries<V> = (HashMap<String, (String, Arc<V>)>, VecDeque<String>);

/// Values by key, each under the stamp it was built at; at most `capacity`, the oldest
/// put first out.
#[derive(Debug)]
pub(crate) struct Kept<V> {
    capacity: usize,
    inner: Mutex<Entries<V>>,
}

impl<V> Kept<V> {
    pub(crate) fn new(capacity: usize) -> Self {
        Kept {
            capacity,
            inner: Mutex::new((HashMap::new(), VecDeque::new())),
        }
    }

    /// The value kept for `key`, if it was built at `stamp`.
    pub(crate) fn get(&self, key: &str, stamp: &str) -> Option<Arc<V>> {
        let inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner
            .0
            .get(key)
            .filter(|(s, _)| s == stamp)
            .map(|(_, v)| v.clone())
    }

    pub(crate) fn put(&self, key: &str, stamp: String, value: Arc<V>) {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        let (map, order) = &mut *inner;
        if map.insert(key.to_string(), (stamp, value)).is_none() {
            order.push_back(key.to_string());
            while order.len() > self.capacity {
                if let Some(old) = order.pop_front() {
                    map.remove(&old);
                }
            }
        }
    }
}

/// Open connections to the store, reused by the requests.
#[derive(Default)]
pub(crate) struct Pool {
    idle: Mutex<Vec<Store>>,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let idle = self.idle.lock().map_or(0, |v| v.len());
        f.debug_struct("Pool").field("idle", &idle).finish()
    }
}

/// Idle connections kept at most (more may be open while many requests run).
const POOL: usize = 16;

impl Pool {
    pub(crate) fn take(&self, db: &Path) -> Result<Store, storyline::Error> {
        let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        match idle {
            Some(s) => Ok(s),
            None => Store::open_existing(db),
        }
    }

    pub(crate) fn give(&self, store: Store) {
        let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
        if idle.len() < POOL {
            idle.push(store);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_kept_under_its_stamp_and_the_oldest_goes_first() {
        let k: Kept<u32> = Kept::new(2);
        k.put("a", "1".into(), Arc::new(1));
        assert_eq!(k.get("a", "1").as_deref(), Some(&1));
        assert_eq!(k.get("a", "2"), None, "another stamp: built again");
        k.put("b", "1".into(), Arc::new(2));
        k.put("c", "1".into(), Arc::new(3));
        assert_eq!(k.get("a", "1"), None, "the oldest went");
        assert_eq!(k.get("b", "1").as_deref(), Some(&2));
        assert_eq!(k.get("c", "1").as_deref(), Some(&3));
        // Put again under a new stamp: replaced in place, nothing else goes.
        k.put("b", "2".into(), Arc::new(4));
        assert_eq!(k.get("b", "2").as_deref(), Some(&4));
        assert_eq!(k.get("c", "1").as_deref(), Some(&3));
    }
}
