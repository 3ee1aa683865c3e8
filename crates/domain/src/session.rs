//! Session lifetime and sign-in throttling rules, as pure functions of time.

use chrono::{DateTime, Duration, Utc};

/// How long a session lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Ends after this long without a request.
    pub idle: Duration,
    /// Ends this long after sign-in, whatever the activity.
    pub absolute: Duration,
}

impl Default for SessionPolicy {
    fn default() -> Self {
        Self {
            idle: Duration::minutes(30),
            absolute: Duration::hours(12),
        }
    }
}

impl SessionPolicy {
    /// Whether a session created at `created` and last used at `last_seen` is still valid.
    pub fn is_valid(
        &self,
        created: DateTime<Utc>,
        last_seen: DateTime<Utc>,
        now: DateTime<Utc>,
    ) -> bool {
        now - last_seen < self.idle && now - created < self.absolute
    }
}

/// When repeated failed sign-ins slow down, then lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures older than this are forgotten.
    pub window: Duration,
    /// From this many failures, each answer waits a little longer.
    pub slow_after: u32,
    /// At this many failures the key is locked.
    pub lock_after: u32,
    /// For this long.
    pub lock_for: Duration,
}

impl ThrottlePolicy {
    /// For one account.
    pub const ACCOUNT: ThrottlePolicy = ThrottlePolicy {
        window: Duration::minutes(15),
        slow_after: 3,
        lock_after: 5,
        lock_for: Duration::minutes(15),
    };
    /// For one network address (many accounts may sit behind one address).
    pub const ADDRESS: ThrottlePolicy = ThrottlePolicy {
        window: Duration::minutes(15),
        slow_after: 10,
        lock_after: 30,
        lock_for: Duration::minutes(15),
    };
}

/// The stored state of one throttle key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottleState {
    pub failures: u32,
    pub first_failure: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

impl ThrottlePolicy {
    /// Whether the key is locked at `now`.
    pub fn is_locked(&self, state: Option<&ThrottleState>, now: DateTime<Utc>) -> bool {
        state
            .and_then(|s| s.locked_until)
            .is_some_and(|until| now < until)
    }

    /// The state after one more failure at `now`.
    pub fn after_failure(
        &self,
        state: Option<&ThrottleState>,
        now: DateTime<Utc>,
    ) -> ThrottleState {
        let fresh = ThrottleState {
            failures: 1,
            first_failure: now,
            locked_until: None,
        };
        let mut next = match state {
            // A lock that ran out, or failures outside the window, start again.
            Some(s) if s.locked_until.is_some_and(|u| now >= u) => fresh,
            Some(s) if now - s.first_failure >= self.window && !self.is_locked(Some(s), now) => {
                fresh
            }
            Some(s) => ThrottleState {
                failures: s.failures + 1,
                ..*s
            },
            None => fresh,
        };
        if next.failures >= self.lock_after && next.locked_until.is_none() {
            next.locked_until = Some(now + self.lock_for);
        }
        next
    }

    /// How long to wait before answering, given the failures so far.
    pub fn delay(&self, state: Option<&ThrottleState>) -> std::time::Duration {
        let failures = state.map_or(0, |s| s.failures);
        let extra = failures.saturating_sub(self.slow_after - 1).min(4);
        std::time::Duration::from_millis(500 * u64::from(extra))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn t(min: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + min * 60, 0).unwrap()
    }

    #[test]
    fn sessions_end_when_idle_or_too_old() {
        let p = SessionPolicy::default();
        assert!(p.is_valid(t(0), t(0), t(29)));
        assert!(!p.is_valid(t(0), t(0), t(30)));
        assert!(p.is_valid(t(0), t(700), t(710)));
        assert!(!p.is_valid(t(0), t(715), t(720)), "absolute limit of 12 h");
    }

    #[test]
    fn five_failures_lock_an_account_for_fifteen_minutes() {
        let p = ThrottlePolicy::ACCOUNT;
        let mut s = None;
        for i in 0..4 {
            s = Some(p.after_failure(s.as_ref(), t(i)));
            assert!(!p.is_locked(s.as_ref(), t(i)));
        }
        assert!(
            p.delay(s.as_ref()) > std::time::Duration::ZERO,
            "slows down before locking"
        );
        s = Some(p.after_failure(s.as_ref(), t(4)));
        assert!(p.is_locked(s.as_ref(), t(4)));
        assert!(p.is_locked(s.as_ref(), t(18)));
        assert!(!p.is_locked(s.as_ref(), t(19)));
        let after = p.after_failure(s.as_ref(), t(20));
        assert_eq!(
            after.failures, 1,
            "a new count starts once the lock ran out"
        );
    }

    #[test]
    fn old_failures_are_forgotten() {
        let p = ThrottlePolicy::ACCOUNT;
        let s = p.after_failure(None, t(0));
        let s = p.after_failure(Some(&s), t(1));
        assert_eq!(p.after_failure(Some(&s), t(20)).failures, 1);
        assert_eq!(p.delay(None), std::time::Duration::ZERO);
    }

    proptest! {
        #[test]
        fn a_lock_always_ends(gaps in proptest::collection::vec(0i64..40, 1..30)) {
            let p = ThrottlePolicy::ACCOUNT;
            let mut s: Option<ThrottleState> = None;
            let mut now = 0;
            for g in gaps {
                now += g;
                s = Some(p.after_failure(s.as_ref(), t(now)));
                prop_assert!(p.delay(s.as_ref()) <= std::time::Duration::from_secs(2));
            }
            prop_assert!(!p.is_locked(s.as_ref(), t(now + 16)));
        }
    }
}
