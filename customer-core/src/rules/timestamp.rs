//! `timestamp`: an RFC 3339 `date-time`. Code `timestamp`.
//!
//! `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`, with `T` and `Z` in either case (RFC 3339
//! section 5.6, note). The date must exist (leap years included); hours 00–23, minutes 00–59,
//! seconds 00–59, a fraction of one or more digits, offsets up to ±23:59 (`-00:00` included).
//! The space that section 5.6 lets applications use instead of `T` is refused: it is not in the
//! grammar.
//!
//! Second 60, a leap second, only where section 5.7 allows it: at 23:59:60 UTC, "shifted by the
//! zone offset" elsewhere (`1990-12-31T15:59:60-08:00`, section 5.8). Its date is not checked:
//! leap seconds come "at the end of months in which a leap second occurs", which IERS announces
//! six months ahead, so no fixed table can tell a future one; this is the check of JSON Schema's
//! `format: date-time` (the JSON-Schema-Test-Suite), so the schema's `format` states this rule.

use super::Text;
use crate::error::RuleError;

/// Checks that `value` is an RFC 3339 date-time.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    if is_valid(value.text()) {
        Ok(())
    } else {
        Err(error())
    }
}

#[cold]
fn error() -> RuleError {
    RuleError::new(
        crate::codes::TIMESTAMP,
        "must be an RFC 3339 date-time, such as `1985-04-12T23:20:50.52Z`",
    )
}

#[inline(always)]
fn digit(b: u8) -> Option<u32> {
    if b.is_ascii_digit() {
        Some(u32::from(b - b'0'))
    } else {
        None
    }
}

#[inline(always)]
fn two(a: u8, b: u8) -> Option<u32> {
    Some(digit(a)? * 10 + digit(b)?)
}

/// The number of days in `month` (1..=12) of `year`.
#[inline]
fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// `true` when `value` passes [`check`].
#[must_use]
pub fn is_valid(value: &str) -> bool {
    parse(value.as_bytes()).is_some()
}

fn parse(bytes: &[u8]) -> Option<()> {
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2, b'T' | b't', h1, h2, b':', n1, n2, b':', s1, s2, rest @ ..] =
        bytes
    else {
        return None;
    };
    let year = two(*y1, *y2)? * 100 + two(*y3, *y4)?;
    let month = two(*m1, *m2)?;
    let day = two(*d1, *d2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let (hour, minute, second) = (two(*h1, *h2)?, two(*n1, *n2)?, two(*s1, *s2)?);
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset = match rest {
        [b'.', fraction @ ..] => {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return None;
            }
            fraction.get(digits..)?
        }
        _ => rest,
    };
    match *offset {
        [b'Z' | b'z'] => {}
        [b'+' | b'-', h1, h2, b':', m1, m2] if two(h1, h2)? <= 23 && two(m1, m2)? <= 59 => {}
        _ => return None,
    }
    if second == 60 {
        return leap_second(hour, minute, offset);
    }
    Some(())
}

/// A leap second: whether the local time `hour:minute` at `offset` (`Z` or `±HH:MM`, in range)
/// is 23:59 UTC, the only minute that can end in one (RFC 3339 section 5.7).
#[cold]
fn leap_second(hour: u32, minute: u32, offset: &[u8]) -> Option<()> {
    const DAY: i64 = 24 * 60;
    // The offset east of UTC, in minutes.
    let east = match *offset {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let (hours, minutes) = (two(h1, h2)?, two(m1, m2)?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            let east = i64::from(hours * 60 + minutes);
            if sign == b'-' {
                -east
            } else {
                east
            }
        }
        _ => return None,
    };
    let local = i64::from(hour * 60 + minute);
    ((local - east).rem_euclid(DAY) == 23 * 60 + 59).then_some(())
}
