//! Secrets typed at a prompt (the kiosk's PIN, the clinic's passphrase): a few wrong
//! tries are free, then each next try waits twice as long as the one before.

use std::time::{Duration, Instant};

/// Wrong tries before the next one waits: enough for a typo.
pub const FREE_TRIES: u32 = 2;
/// The longest wait between tries.
pub const MAX_WAIT: Duration = Duration::from_secs(30 * 60);

/// How long the next try waits after `misses` wrong ones in a row: nothing at first,
/// then 2 s, 4 s, 8 s… up to [`MAX_WAIT`].
pub fn wait_after(misses: u32) -> Duration {
    match misses.checked_sub(FREE_TRIES) {
        None | Some(0) => Duration::ZERO,
        Some(n) => Duration::from_secs(1u64 << n.min(20)).min(MAX_WAIT),
    }
}

/// Whole seconds, rounded up, until `until`; `None` once it has passed.
pub fn seconds_left(until: Option<Instant>, now: Instant) -> Option<u64> {
    let left = until?.saturating_duration_since(now);
    (!left.is_zero()).then(|| left.as_secs() + u64::from(left.subsec_nanos() > 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_free_tries_up_to_the_cap() {
        let waits: Vec<u64> = (0..6).map(|m| wait_after(m).as_secs()).collect();
        assert_eq!(waits, [0, 0, 0, 2, 4, 8]);
        assert_eq!(wait_after(40), MAX_WAIT);
    }

    #[test]
    fn seconds_left_round_up_and_end() {
        let now = Instant::now();
        let until = now + Duration::from_millis(1500);
        assert_eq!(seconds_left(Some(until), now), Some(2));
        assert_eq!(seconds_left(Some(until), until), None);
        assert_eq!(seconds_left(None, now), None);
    }
}
