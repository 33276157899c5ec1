//! When to write the recovery file: pure timing logic with the clock passed in, so it is
//! tested without sleeping.
//!
//! A change is written once typing pauses for [`IDLE`], and in any case no later than
//! [`MAX_LAG`] after the first change not yet written, so steady typing cannot postpone it.
//! The loop wakes at [`Autosave::deadline`], which bounds what a `kill -9` can lose to
//! `MAX_LAG` plus the time the write itself takes.

use std::time::{Duration, Instant};

/// Quiet time after the last change before writing.
pub const IDLE: Duration = Duration::from_millis(1000);
/// Longest a change waits to be written while changes keep coming.
pub const MAX_LAG: Duration = Duration::from_millis(1500);
/// After a failed write, wait this long before trying again.
pub const RETRY: Duration = Duration::from_secs(5);

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Autosave {
    /// The first change not yet written.
    first_unwritten: Option<Instant>,
    last_change: Option<Instant>,
    /// A failed write holds the next attempt back until then.
    retry_at: Option<Instant>,
}

impl Autosave {
    pub fn changed(&mut self, now: Instant) {
        self.first_unwritten.get_or_insert(now);
        self.last_change = Some(now);
    }

    /// Whether there is work the recovery file does not hold yet.
    pub fn pending(&self) -> bool {
        self.first_unwritten.is_some()
    }

    /// When the next write is due, if anything is unwritten.
    pub fn deadline(&self) -> Option<Instant> {
        let first = self.first_unwritten?;
        let last = self.last_change.unwrap_or(first);
        let due = (last + IDLE).min(first + MAX_LAG);
        Some(self.retry_at.map_or(due, |r| due.max(r)))
    }

    pub fn due(&self, now: Instant) -> bool {
        self.deadline().is_some_and(|d| now >= d)
    }

    /// Everything up to `now` is written (to the recovery file or the session file).
    pub fn written(&mut self) {
        *self = Autosave::default();
    }

    /// The write failed: keep the changes pending and try again after [`RETRY`].
    pub fn failed(&mut self, now: Instant) {
        self.retry_at = Some(now + RETRY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn nothing_is_due_without_changes() {
        let a = Autosave::default();
        assert!(!a.pending());
        assert_eq!(a.deadline(), None);
        assert!(!a.due(Instant::now()));
    }

    #[test]
    fn a_single_change_is_written_after_a_pause() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        a.changed(t0);
        assert!(!a.due(t0 + ms(999)));
        assert!(a.due(t0 + IDLE));
        a.written();
        assert!(!a.pending());
    }

    #[test]
    fn steady_typing_is_written_within_max_lag() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        // A key every 200 ms for ten seconds: never idle for a second.
        let mut writes = Vec::new();
        let mut last_write = t0;
        for k in 0..50 {
            let now = t0 + ms(200 * k);
            if a.due(now) {
                writes.push(now);
                last_write = now;
                a.written();
            }
            a.changed(now);
            // Whatever was typed is never older than MAX_LAG at a check.
            assert!(now.duration_since(last_write) <= MAX_LAG + ms(200), "{k}");
        }
        assert!(writes.len() >= 6, "{} writes in 10 s", writes.len());
    }

    #[test]
    fn the_loss_bound_holds_for_any_change_pattern() {
        // Pseudo-random gaps between changes; at every change, the deadline of the oldest
        // unwritten change is within MAX_LAG of it.
        let t0 = Instant::now();
        let mut a = Autosave::default();
        let mut seed = 7u64;
        let mut now = t0;
        for _ in 0..1000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            now += ms(seed >> 33 & 0x7ff);
            if a.due(now) {
                a.written();
            }
            a.changed(now);
            let first = a.first_unwritten.unwrap();
            assert!(a.deadline().unwrap() <= first + MAX_LAG);
        }
    }

    #[test]
    fn a_failed_write_waits_before_retrying() {
        let t0 = Instant::now();
        let mut a = Autosave::default();
        a.changed(t0);
        a.failed(t0 + IDLE);
        assert!(a.pending());
        assert!(!a.due(t0 + IDLE + ms(100)));
        assert!(a.due(t0 + IDLE + RETRY));
    }
}
