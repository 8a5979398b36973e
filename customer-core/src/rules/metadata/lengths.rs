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

/// The bytes escaping adds to `s`: none for most strings, found without looking at each byte
/// ([`needs_escape`]); else counted byte by byte.
#[inline]
pub(super) fn escape_extra(s: &str) -> usize {
    if needs_escape(s.as_bytes()) {
        escape_extra_of_each(s)
    } else {
        0
    }
}

/// The bytes escaping adds to `s`, byte by byte.
#[cold]
#[inline(never)]
fn escape_extra_of_each(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(ESCAPE_EXTRA[usize::from(b)]))
        .sum()
}

/// A `u64` with `byte` in each of its 8 bytes.
const fn each_byte(byte: u8) -> u64 {
    u64::from_ne_bytes([byte; 8])
}

/// The bytes of `word` that serde_json escapes (below 0x20, `"` or `\`), each marked by its
/// high bit when there is one of them: `escapes(word) & HIGH != 0` says whether there is one.
/// Exact for that question: for a byte `b` and `n` at most 0x80, `(b - n) & !b` has its high
/// bit set when `b < n`, and otherwise only when a borrow came from a lower byte, itself below
/// `n`; a byte equal to `c` is one equal to 0 (below 1) after `^ c`.
#[inline(always)]
fn escapes(word: u64) -> u64 {
    let below = |w: u64, n: u8| w.wrapping_sub(each_byte(n)) & !w;
    let quote = word ^ each_byte(b'"');
    let backslash = word ^ each_byte(b'\\');
    below(word, 0x20) | below(quote, 1) | below(backslash, 1)
}

/// The high bit of each byte.
const HIGH: u64 = each_byte(0x80);

/// Whether a byte of `bytes` is one serde_json escapes, 8 bytes at a time. Up to 16 bytes (a
/// metadata key or a short value), the first 8 and the last 8 bytes are two words, overlapping
/// when shorter (a byte looked at twice changes nothing); under 8, the first 4 and the last 4,
/// or under 4, the first, middle and last byte, make one word: a few instructions for the
/// string rather than a few per byte.
#[inline(always)]
fn needs_escape(bytes: &[u8]) -> bool {
    // Padding for a string shorter than 4 bytes: a byte that is never escaped.
    const PAD: u8 = b'a';
    let word = |chunk: &[u8; 8]| u64::from_le_bytes(*chunk);
    let found = match (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        (Some(first), Some(last)) if bytes.len() <= 16 => {
            escapes(word(first)) | escapes(word(last))
        }
        (Some(_), Some(_)) => return long_needs_escape(bytes),
        _ => match (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
            (Some(first), Some(last)) => escapes(
                u64::from(u32::from_le_bytes(*first))
                    | (u64::from(u32::from_le_bytes(*last)) << 32),
            ),
            _ => match bytes {
                [] => 0,
                [first, .., last] | [first @ last] => {
                    let middle = bytes.get(bytes.len() / 2).unwrap_or(first);
                    escapes(word(&[*first, *middle, *last, PAD, PAD, PAD, PAD, PAD]))
                }
            },
        },
    };
    found & HIGH != 0
}

/// [`needs_escape`] for more than 16 bytes: each 8 in turn, then the last 8.
#[inline(never)]
fn long_needs_escape(bytes: &[u8]) -> bool {
    let word = |chunk: &[u8]| <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
    let mut found = bytes
        .last_chunk::<8>()
        .map_or(0, |last| escapes(word(last)));
    for chunk in bytes.chunks_exact(8) {
        found |= escapes(word(chunk));
    }
    found & HIGH != 0
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What [`needs_escape`] answers, byte by byte.
    fn any_escaped(bytes: &[u8]) -> bool {
        bytes.iter().any(|&b| ESCAPE_EXTRA[usize::from(b)] != 0)
    }

    #[test]
    fn needs_escape_finds_each_escaped_byte_at_every_place_of_every_length() {
        for len in 0..=40 {
            for fill in [
                b'a', b' ', b'!', b'#', b'[', b']', 0x7f, 0x80, 0xa2, 0xdc, 0xff,
            ] {
                let plain = vec![fill; len];
                assert!(!needs_escape(&plain), "{len} x {fill:#x}");
                for at in 0..len {
                    for byte in 0..=255u8 {
                        let mut bytes = plain.clone();
                        bytes[at] = byte;
                        assert_eq!(
                            needs_escape(&bytes),
                            any_escaped(&bytes),
                            "{len} x {fill:#x}, {byte:#x} at {at}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn escape_extra_counts_as_serde_json_writes() {
        for s in [
            "",
            "a",
            "\"",
            "ab\\",
            "tier",
            "c-1029384",
            "\u{1}\n\"é日本\\\u{1f}x",
            "\0",
        ] {
            let written = serde_json::to_string(s).map_or(0, |json| json.len());
            assert_eq!(escaped_len(s) + 2, written, "{s:?}");
        }
    }
}
