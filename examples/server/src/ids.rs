//! Customer ids, request ids and timestamps.

use std::sync::{Mutex, PoisonError};

use ulid::{Generator, Ulid};

/// Makes customer ids: `ctm_` and a lower-case ULID, increasing within this process (so a list in
/// id order is in creation order; between processes, to the millisecond).
#[derive(Debug, Default)]
pub struct Ids(Mutex<Generator>);

impl Ids {
    /// A new customer id and the time it was made (Unix milliseconds).
    pub fn next(&self) -> (String, u64) {
        let mut generator = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let ulid = generator
            .generate()
            .unwrap_or_else(|overflow| overflow.commit_overflow_random());
        (
            format!("ctm_{}", ulid.to_string().to_ascii_lowercase()),
            ulid.timestamp_ms(),
        )
    }
}

/// Now, in Unix milliseconds.
pub fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// `ctm_` and 26 characters of `[a-z0-9]`.
pub fn is_customer_id(id: &str) -> bool {
    id.strip_prefix("ctm_").is_some_and(|rest| {
        rest.len() == 26
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// A random request id in UUID form (version 7: a ULID's time and randomness).
pub fn new_request_id() -> String {
    let mut bits = Ulid::generate().0;
    bits = (bits & !(0xF << 76)) | (0x7 << 76);
    bits = (bits & !(0x3 << 62)) | (0x2 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        bits >> 96,
        (bits >> 80) & 0xFFFF,
        (bits >> 64) & 0xFFFF,
        (bits >> 48) & 0xFFFF,
        bits & 0xFFFF_FFFF_FFFF
    )
}

/// `2024-04-11T15:57:24.813Z` for a Unix time in milliseconds.
pub fn rfc3339_millis(unix_ms: u64) -> String {
    let secs = unix_ms / 1000;
    let millis = unix_ms % 1000;
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Howard Hinnant's `civil_from_days`, for days since 1970-01-01 (not before).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_with_millis() {
        assert_eq!(rfc3339_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            rfc3339_millis(1_712_851_044_813),
            "2024-04-11T15:57:24.813Z"
        );
        assert_eq!(rfc3339_millis(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn ids() {
        let id = format!("ctm_{}", Ulid::generate().to_string().to_ascii_lowercase());
        assert!(is_customer_id(&id), "{id}");
        assert!(!is_customer_id("ctm_01HV6Y1JEDQ4P1N0YQN5BA3KY4"));
        assert!(!is_customer_id("ctm_short"));
        let rid = new_request_id();
        assert_eq!(rid.len(), 36);
        assert_eq!(rid.as_bytes().get(14), Some(&b'7'));
    }

    #[test]
    fn ids_increase_within_a_process() {
        let ids = Ids::default();
        let made: Vec<String> = (0..1000).map(|_| ids.next().0).collect();
        assert!(made.iter().all(|id| is_customer_id(id)));
        assert!(made.windows(2).all(|pair| pair[0] < pair[1]));
    }
}
