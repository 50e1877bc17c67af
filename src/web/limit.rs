//! Login rate limits: failed attempts are counted per account and per address over a
//! window; past the limit, logins are refused (HTTP 429) until the window has passed,
//! whether or not the password is right.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Failed attempts kept per key, within [`WINDOW`].
#[derive(Debug)]
pub struct Limiter {
    per_account: usize,
    per_address: usize,
    window: Duration,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

/// The window failures are counted over: 15 minutes.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);

impl Default for Limiter {
    /// 5 failures per account and 20 per address in 15 minutes.
    fn default() -> Self {
        Limiter::new(5, 20, WINDOW)
    }
}

impl Limiter {
    /// A limiter with these limits.
    pub fn new(per_account: usize, per_address: usize, window: Duration) -> Limiter {
        Limiter {
            per_account,
            per_address,
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn keys(account: &str, address: &str) -> [String; 2] {
        [
            format!("account:{}", account.trim().to_lowercase()),
            format!("address:{address}"),
        ]
    }

    /// `Some(wait)` when this account or address may not try now.
    pub fn blocked(&self, account: &str, address: &str) -> Option<Duration> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        let [a, b] = Self::keys(account, address);
        let mut wait = None;
        for (key, limit) in [(a, self.per_account), (b, self.per_address)] {
            if let Some(q) = map.get_mut(&key) {
                while q
                    .front()
                    .is_some_and(|t| now.duration_since(*t) >= self.window)
                {
                    q.pop_front();
                }
                if q.len() >= limit
                    && let Some(first) = q.front()
                {
                    let w = self.window.saturating_sub(now.duration_since(*first));
                    wait = Some(wait.map_or(w, |x: Duration| x.max(w)));
                }
            }
        }
        wait
    }

    /// Count a failed attempt.
    pub fn failed(&self, account: &str, address: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        // Bound the memory an attacker can make us use with made-up names.
        if map.len() > 100_000 {
            map.retain(|_, q| {
                q.back()
                    .is_some_and(|t| now.duration_since(*t) < self.window)
            });
        }
        for k in Self::keys(account, address) {
            map.entry(k).or_default().push_back(now);
        }
    }

    /// A successful login clears the account's count (not the address's).
    pub fn succeeded(&self, account: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&format!("account:{}", account.trim().to_lowercase()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sixth_try_on_an_account_waits_and_other_accounts_from_elsewhere_do_not() {
        let l = Limiter::new(5, 8, Duration::from_secs(60));
        for _ in 0..5 {
            assert!(l.blocked("ana", "1.2.3.4").is_none());
            l.failed("Ana", "1.2.3.4");
        }
        assert!(l.blocked("ANA ", "9.9.9.9").is_some());
        assert!(l.blocked("ben", "9.9.9.9").is_none());
        // The same address spraying many accounts is stopped too.
        for n in 0..3 {
            l.failed(&format!("u{n}"), "1.2.3.4");
        }
        assert!(l.blocked("carol", "1.2.3.4").is_some());
    }
}
