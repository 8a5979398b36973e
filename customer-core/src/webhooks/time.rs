//! Instants of the webhook headers and bodies: Unix seconds as text, and RFC 3339 date-times.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Whole Unix seconds as Stripe and Paddle write them (`1698796800`): ASCII digits only, no sign,
/// at most 12 of them (years up to 33658), so no value can overflow.
pub(crate) fn unix_seconds(text: &str) -> Option<SystemTime> {
    if text.is_empty() || text.len() > 12 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let seconds: u64 = text.parse().ok()?;
    UNIX_EPOCH.checked_add(Duration::from_secs(seconds))
}

/// An RFC 3339 date-time (`2024-03-15T10:32:38.286848Z`, `2025-03-11T12:25:08.284979602Z`,
/// `2024-03-15T11:32:38+01:00`) as an instant, to the nanosecond (digits past the ninth are
/// dropped). `None` for anything else, and for instants before 1970.
pub(crate) fn rfc3339(text: &str) -> Option<SystemTime> {
    if !crate::rules::timestamp::is_valid(text) {
        return None;
    }
    let b = text.as_bytes();
    let num = |from: usize, to: usize| -> Option<i64> { text.get(from..to)?.parse().ok() };
    let (year, month, day) = (num(0, 4)?, num(5, 7)?, num(8, 10)?);
    let (hour, minute, second) = (num(11, 13)?, num(14, 16)?, num(17, 19)?);
    let mut at = 19;
    let mut nanos: u32 = 0;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let mut scale = 100_000_000;
        while let Some(d) = b.get(at).filter(|d| d.is_ascii_digit()) {
            nanos += u32::from(d - b'0') * scale;
            scale /= 10;
            at += 1;
        }
    }
    let offset_minutes = match b.get(at)? {
        b'Z' | b'z' => 0,
        sign @ (b'+' | b'-') => {
            let minutes = num(at + 1, at + 3)? * 60 + num(at + 4, at + 6)?;
            if *sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60;
    let seconds = u64::try_from(seconds).ok()?;
    UNIX_EPOCH.checked_add(Duration::new(seconds, nanos))
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(t: SystemTime) -> (u64, u32) {
        let d = t.duration_since(UNIX_EPOCH).expect("after 1970");
        (d.as_secs(), d.subsec_nanos())
    }

    #[test]
    fn unix_seconds_are_digits_only() {
        assert_eq!(
            unix_seconds("1698796800").map(secs),
            Some((1_698_796_800, 0))
        );
        assert_eq!(unix_seconds("0").map(secs), Some((0, 0)));
        for bad in [
            "",
            "-1",
            "+1",
            "1.5",
            " 1",
            "1 ",
            "0x10",
            "9999999999999",
            "١٢",
        ] {
            assert_eq!(unix_seconds(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn rfc3339_instants() {
        // `date -u -d 2024-03-15T10:32:38Z +%s` = 1710498758
        assert_eq!(
            rfc3339("2024-03-15T10:32:38.286848Z").map(secs),
            Some((1_710_498_758, 286_848_000))
        );
        assert_eq!(
            rfc3339("2024-03-15T11:32:38.286848+01:00").map(secs),
            Some((1_710_498_758, 286_848_000))
        );
        assert_eq!(
            rfc3339("2025-03-11T12:25:08.284979602Z").map(secs),
            Some((1_741_695_908, 284_979_602))
        );
        assert_eq!(
            rfc3339("2000-02-29T00:00:00Z").map(secs),
            Some((951_782_400, 0))
        );
        assert_eq!(
            rfc3339("1970-01-01T00:00:00.1234567891Z").map(secs),
            Some((0, 123_456_789))
        );
        for bad in [
            "",
            "2024-02-30T00:00:00Z",
            "2024-03-15 10:32:38Z",
            "1969-12-31T23:59:59Z",
        ] {
            assert_eq!(rfc3339(bad), None, "{bad:?}");
        }
    }
}
