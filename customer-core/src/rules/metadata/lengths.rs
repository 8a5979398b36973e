//! How many bytes serde_json writes for one string, integer or float, computed without
//! writing them.

use std::fmt;

/// The bytes serde_json adds to a string's UTF-8 length when escaping each byte: 1 for `"`,
/// `\` and the control characters with a short escape, 5 for other control characters.
pub(super) const ESCAPE_EXTRA: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = match b {
            0x08 | 0x09 | 0x0A | 0x0C | 0x0D => 1,
            _ => 5,
        };
        b += 1;
    }
    table[b'"' as usize] = 1;
    table[b'\\' as usize] = 1;
    table
};

/// The bytes escaping adds to `s`.
#[inline]
pub(super) fn escape_extra(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(ESCAPE_EXTRA[usize::from(b)]))
        .sum()
}

/// The escaped length of `s` without its quotes.
#[inline]
pub(super) fn escaped_len(s: &str) -> usize {
    s.len().saturating_add(escape_extra(s))
}

/// The number of decimal digits of `n`.
#[inline]
pub(super) fn digits_u64(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

#[inline]
pub(super) fn digits_u128(n: u128) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// A `fmt::Write` into a fixed buffer, for `{:e}` of a float.
pub(super) struct StackBuf {
    bytes: [u8; 40],
    len: usize,
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The length serde_json writes for a finite float. Its formatter prints the shortest
/// round-trip digits (the same digits as `{:e}`) in fixed notation when the decimal exponent
/// is in `fixed` (`-5..=15` for `f64`, `-6..=12` for `f32`) and as `d.ddde±x` otherwise, with
/// `.0` after integers.
#[inline]
pub(super) fn float_len(sci: fmt::Arguments<'_>, fixed: std::ops::RangeInclusive<i32>) -> usize {
    let mut buf = StackBuf {
        bytes: [0; 40],
        len: 0,
    };
    if fmt::Write::write_fmt(&mut buf, sci).is_err() {
        return 0;
    }
    let text = buf.bytes.get(..buf.len).unwrap_or_default();
    let (negative, text) = match text.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let e = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    let (mantissa, exponent) = text.split_at(e);
    let digits = mantissa.iter().filter(|b| b.is_ascii_digit()).count() as i32;
    let exponent = std::str::from_utf8(exponent.get(1..).unwrap_or_default())
        .ok()
        .and_then(|e| e.parse::<i32>().ok())
        .unwrap_or(0);
    let body = if fixed.contains(&exponent) {
        if digits - 1 <= exponent {
            // 1234e7 -> 12340000000.0
            exponent + 3
        } else if exponent >= 0 {
            // 1234e-2 -> 12.34
            digits + 1
        } else {
            // 1234e-6 -> 0.001234
            1 - exponent + digits
        }
    } else {
        // 1.234e+33, 1e-7
        let exponent_digits = digits_u64(u64::from(exponent.unsigned_abs())) as i32;
        digits + i32::from(digits > 1) + 2 + exponent_digits
    };
    usize::from(negative) + body.max(0) as usize
}

#[inline]
pub(super) fn f64_len(value: f64) -> usize {
    if value.is_finite() {
        float_len(format_args!("{value:e}"), -5..=15)
    } else {
        4
    }
}

#[inline]
pub(super) fn f32_len(value: f32) -> usize {
    if value.is_finite() {
        float_len(format_args!("{value:e}"), -6..=12)
    } else {
        4
    }
}
