//! Shared bot state: the live engine (swapped whole on re-index), counters for `/status` and
//! `/metrics`, the reply sender, per-user rate limits, and rendered pages for the ◀ ▶ buttons.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

use super::metrics::Metrics;
use super::rest::Sender;
use crate::engine::Engine;
use crate::render::discord::EmbedSpec;
use crate::settings::Settings;

/// Pages kept for button navigation; older ones expire (the buttons then say so).
const MAX_STORED: usize = 2000;

#[derive(Debug, Default)]
pub struct Stats {
    pub questions: AtomicU64,
    pub helpful: AtomicU64,
    pub unhelpful: AtomicU64,
}

#[derive(Debug, Clone)]
pub struct ReindexReport {
    pub finished_at: chrono::DateTime<chrono::Utc>,
    pub summary: String,
}

/// A rendered reply that buttons page through.
#[derive(Debug, Clone)]
pub struct Stored {
    pub pages: Vec<Vec<EmbedSpec>>,
    /// The question, for feedback logs.
    pub question: String,
    /// Whether the pages are an answer (with feedback buttons) or a timeline.
    pub feedback: bool,
}

#[derive(Debug)]
pub struct Data {
    engine: RwLock<Arc<Engine>>,
    pub settings: Settings,
    pub started_at: Instant,
    pub stats: Stats,
    pub metrics: Metrics,
    pub sender: Sender,
    pub reindexing: AtomicBool,
    pub last_reindex: Mutex<Option<ReindexReport>>,
    limiter: RateLimiter,
    stored: Mutex<(HashMap<u64, Stored>, VecDeque<u64>)>,
    votes: Mutex<HashSet<(u64, u64)>>,
    next_id: AtomicU64,
    pub bot_id: AtomicU64,
}

impl Data {
    pub fn new(settings: Settings, engine: Engine) -> Data {
        let per_minute = settings.limits.questions_per_minute;
        Data {
            engine: RwLock::new(Arc::new(engine)),
            settings,
            started_at: Instant::now(),
            stats: Stats::default(),
            metrics: Metrics::default(),
            sender: Sender::default(),
            reindexing: AtomicBool::new(false),
            last_reindex: Mutex::new(None),
            limiter: RateLimiter::new(per_minute, Duration::from_secs(60)),
            stored: Mutex::new((HashMap::new(), VecDeque::new())),
            votes: Mutex::new(HashSet::new()),
            next_id: AtomicU64::new(1),
            bot_id: AtomicU64::new(0),
        }
    }

    /// The live engine; a question keeps the one it started with even if a re-index swaps.
    pub fn engine(&self) -> Arc<Engine> {
        self.engine.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn swap_engine(&self, engine: Engine) {
        *self.engine.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(engine);
    }

    pub fn check_rate(&self, user: u64) -> Result<(), Duration> {
        self.limiter.check(user, Instant::now())
    }

    pub fn store(&self, s: Stored) -> u64 {
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let mut guard = self.stored.lock().unwrap_or_else(|e| e.into_inner());
        let (map, order) = &mut *guard;
        map.insert(id, s);
        order.push_back(id);
        while order.len() > MAX_STORED {
            if let Some(old) = order.pop_front() {
                map.remove(&old);
            }
        }
        id
    }

    pub fn stored(&self, id: u64) -> Option<Stored> {
        self.stored.lock().unwrap_or_else(|e| e.into_inner()).0.get(&id).cloned()
    }

    /// Records a vote once per user and reply; returns false for a repeat.
    pub fn vote(&self, id: u64, user: u64, helpful: bool) -> bool {
        if !self.votes.lock().unwrap_or_else(|e| e.into_inner()).insert((id, user)) {
            return false;
        }
        let c = if helpful { &self.stats.helpful } else { &self.stats.unhelpful };
        c.fetch_add(1, Ordering::Relaxed);
        true
    }
}

/// Sliding-window limit of `limit` events per `window` for each user.
#[derive(Debug)]
pub struct RateLimiter {
    limit: u32,
    window: Duration,
    seen: Mutex<HashMap<u64, VecDeque<Instant>>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter { limit, window, seen: Mutex::new(HashMap::new()) }
    }

    /// Counts an event for `user` at `now`, or says how long until one is allowed.
    pub fn check(&self, user: u64, now: Instant) -> Result<(), Duration> {
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        let q = seen.entry(user).or_default();
        while q.front().is_some_and(|t| now.duration_since(*t) >= self.window) {
            q.pop_front();
        }
        if q.len() as u32 >= self.limit {
            let oldest = *q.front().expect("non-empty when at the limit");
            return Err(self.window.saturating_sub(now.duration_since(oldest)));
        }
        q.push_back(now);
        Ok(())
    }
}

/// Makes sure `reindexing` is cleared however a re-index ends.
#[derive(Debug)]
pub struct ReindexGuard<'a>(&'a AtomicBool);

impl<'a> ReindexGuard<'a> {
    pub fn acquire(flag: &'a AtomicBool) -> Option<Self> {
        flag.compare_exchange(false, true, Ordering::AcqRel, Ordering::Acquire).ok().map(|_| ReindexGuard(flag))
    }
}

impl Drop for ReindexGuard<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_over_the_limit_is_told_how_long_to_wait_and_others_are_not_affected() {
        let r = RateLimiter::new(2, Duration::from_secs(60));
        let t0 = Instant::now();
        assert!(r.check(1, t0).is_ok());
        assert!(r.check(1, t0 + Duration::from_secs(10)).is_ok());
        let wait = r.check(1, t0 + Duration::from_secs(20)).unwrap_err();
        assert_eq!(wait, Duration::from_secs(40));
        assert!(r.check(2, t0 + Duration::from_secs(20)).is_ok());
        assert!(r.check(1, t0 + Duration::from_secs(61)).is_ok());
    }

    #[test]
    fn only_one_reindex_holds_the_guard_at_a_time() {
        let flag = AtomicBool::new(false);
        let g = ReindexGuard::acquire(&flag).unwrap();
        assert!(ReindexGuard::acquire(&flag).is_none());
        drop(g);
        assert!(ReindexGuard::acquire(&flag).is_some());
    }
}
