//! Numbers that would be rewritten: an integer literal beyond 64 bits.
//!
//! serde_json (without its `arbitrary_precision` feature, which breaks the buffering of untagged
//! enums and flattened fields the models use) holds a whole number exactly only within
//! `-2^63..=2^64-1`; any other integer literal reaches the visitor as the nearest `f64`, so
//! `123456789012345678901234567890` in a `serde_json::Value` would become
//! `1.2345678901234568e29`. The readers refuse such a literal wherever the model reads it (RFC
//! 7493, I-JSON, §2.2: a receiver cannot be expected to hold more than a double), in a `Value`, a
//! map, an `f64` (which would round it too) or an integer field (`invalid_type` there, as
//! before), as the `range` violation "is out of range" at its pointer; the value is never
//! quoted. A value the model drops (an unknown member's) is refused alike: the document is not
//! I-JSON, and a model that buffers the member (a `flatten` field) or keeps it (a `Value`)
//! could not tell; once the text is looked at (below), the report names every such literal.
//!
//! Finding one costs nothing on the way of an ordinary document: such a literal always reaches
//! the [`Strict`](super::strict) visitors as an `f64` of magnitude 2^63 or more, and only then
//! is a flag set on this thread ([`note_f64`]). The reader that set it ([`watch`]) then looks
//! at the text ([`big_integers`]) to tell `1e20` or `100000000000000000000.0` (numbers written
//! as floats, read as the nearest double, as JSON readers do) from a 21-digit integer.
//!
//! A number written with a fraction or an exponent is read as the nearest `f64`, whatever its
//! number of digits (`3.14159265358979323846` as `3.141592653589793`, `1e-400` as `0`): that is
//! what such a literal means in I-JSON (§2.2 asks senders not to write more precision than a
//! double holds) and what every JSON reader does; a type that must keep every digit reads the
//! number from a string. Beyond the double's range (`1e400`) it is refused by serde_json
//! ("a number out of range").

use std::cell::Cell;

thread_local! {
    /// Whether a visitor met an `f64` that could have been written as a too-large integer.
    static SEEN: Cell<bool> = const { Cell::new(false) };
}

/// 2^64: the smallest `f64` beyond `u64`.
const ABOVE_U64: f64 = 18_446_744_073_709_551_616.0;
/// -2^63: `i64::MIN`, the smallest integer serde_json holds exactly.
const I64_MIN: f64 = -9_223_372_036_854_775_808.0;

/// Notes an `f64` handed to a visitor: one outside `-2^63 < v < 2^64` may come from an integer
/// literal serde_json could not hold (every such literal arrives that way).
#[inline(always)]
pub(crate) fn note_f64(value: f64) {
    // -2^63 itself too: `-9223372036854775809` rounds to it (`i64::MIN` written as an integer
    // arrives as an `i64`).
    if may_be_beyond_64_bits(value) {
        mark();
    }
}

/// Whether `value` may come from an integer literal serde_json could not hold: `-2^63` or less,
/// `2^64` or more.
#[inline(always)]
pub(crate) fn may_be_beyond_64_bits(value: f64) -> bool {
    value <= I64_MIN || value >= ABOVE_U64
}

#[cold]
#[inline(never)]
fn mark() {
    let _ = SEEN.try_with(|seen| seen.set(true));
}

/// Runs `read`, and says whether it met a suspicious `f64` (see [`note_f64`]). A read inside
/// `read` (a `Deserialize` that reads a string as JSON) does not hide what `read` met, nor
/// leak what it met into the outer read's answer.
#[inline]
pub(crate) fn watch<R>(read: impl FnOnce() -> R) -> (R, bool) {
    let before = swap_seen(false);
    let out = read();
    let seen = swap_seen(before);
    (out, seen)
}

/// Puts `to` in `SEEN` and returns what it held (`false` once the thread's locals are gone).
/// Not generic, so that [`watch`], instantiated per model, holds no thread-local code.
#[inline]
fn swap_seen(to: bool) -> bool {
    SEEN.try_with(|seen| seen.replace(to)).unwrap_or(false)
}

/// The error the first read fails with when the text holds an integer literal beyond 64 bits:
/// its wording is serde_json's own for `1e400`, which [`super::messages`] turns into `range`.
#[cold]
pub(crate) fn refusal() -> serde_json::Error {
    <serde_json::Error as serde::de::Error>::custom("number out of range")
}

/// The `range` violation of an integer literal beyond 64 bits.
#[cold]
pub(crate) fn violation() -> crate::error::RuleError {
    crate::error::RuleError::new(crate::codes::RANGE, "is out of range")
}

/// `true` when `json` holds an integer literal beyond `-2^63..=2^64-1` anywhere.
#[cold]
#[inline(never)]
pub(crate) fn has_big_integer(json: &[u8]) -> bool {
    let mut found = false;
    scan(json, &mut |_| {
        found = true;
        false
    });
    found
}

/// The JSON Pointers of the integer literals of `json` beyond `-2^63..=2^64-1`, in document
/// order. `json` is well-formed JSON (it parsed); on anything else the scan stops early.
#[cold]
#[inline(never)]
pub(crate) fn big_integers(json: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    scan(json, &mut |pointer| {
        found.push(pointer());
        true
    });
    found
}

/// One level of the scan: an object (the raw text of the current member's key, quotes
/// included) or an array (the current element's index).
enum Level {
    Object(Option<(usize, usize)>),
    Array(usize),
}

/// Walks the tokens of `json` once, calling `found` with a way to build the pointer of each
/// integer literal beyond 64 bits; stops when `found` says `false`. Linear in the text: a key
/// is decoded only when a pointer through it is built.
fn scan(json: &[u8], found: &mut dyn FnMut(&dyn Fn() -> String) -> bool) {
    let mut levels: Vec<Level> = Vec::new();
    let mut i = 0;
    // In an object, whether the next string is a key.
    let mut key_next = false;
    while i < json.len() {
        match json[i] {
            b'{' => {
                levels.push(Level::Object(None));
                key_next = true;
                i += 1;
            }
            b'[' => {
                levels.push(Level::Array(0));
                i += 1;
            }
            b'}' | b']' => {
                levels.pop();
                i += 1;
            }
            b',' => {
                match levels.last_mut() {
                    Some(Level::Array(index)) => *index += 1,
                    Some(Level::Object(_)) => key_next = true,
                    None => return,
                }
                i += 1;
            }
            b'"' => {
                let start = i;
                i = string_end(json, i + 1);
                if key_next {
                    if let Some(Level::Object(key)) = levels.last_mut() {
                        *key = Some((start, i));
                    }
                    key_next = false;
                }
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                let mut integer = true;
                while i < json.len() {
                    match json[i] {
                        b'0'..=b'9' | b'-' | b'+' => {}
                        b'.' | b'e' | b'E' => integer = false,
                        _ => break,
                    }
                    i += 1;
                }
                if integer && beyond_64_bits(&json[start..i]) {
                    let pointer = || pointer(json, &levels);
                    if !found(&pointer) {
                        return;
                    }
                }
            }
            _ => i += 1,
        }
    }
}

/// The index just past the string whose contents start at `i` (after its opening quote).
fn string_end(json: &[u8], mut i: usize) -> usize {
    while i < json.len() {
        match json[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    json.len()
}

/// Whether the integer literal `digits` (an optional `-`, then digits) is outside what
/// serde_json holds exactly.
fn beyond_64_bits(digits: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(digits) else {
        return false;
    };
    if text.starts_with('-') {
        text.parse::<i64>().is_err()
    } else {
        text.parse::<u64>().is_err()
    }
}

/// The JSON Pointer of the value the scan is at.
fn pointer(json: &[u8], levels: &[Level]) -> String {
    let mut pointer = String::new();
    for level in levels {
        match level {
            Level::Array(index) => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Level::Object(Some((start, end))) => {
                let key: String = serde_json::from_slice(&json[*start..*end]).unwrap_or_default();
                crate::error::push_key(&mut pointer, &key);
            }
            Level::Object(None) => {}
        }
    }
    pointer
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_integers_beyond_64_bits_at_their_pointers() {
        let json = br#"{"a": [1, 18446744073709551615, 18446744073709551616], "b\"/~": {"c": -9223372036854775809},
            "s": "123456789012345678901234567890", "f": 1e400, "g": 100000000000000000000.0, "h": 1E+30,
            "i": -9223372036854775808, "j": [[], {}, 123456789012345678901234567890]}"#;
        assert_eq!(
            big_integers(json),
            ["/a/2", "/b\"~1~0/c", "/j/2"].map(String::from)
        );
        assert!(has_big_integer(json));
        assert!(!has_big_integer(
            br#"{"a": 1e30, "b": "99999999999999999999999"}"#
        ));
        assert_eq!(big_integers(b"123456789012345678901234567890"), [""]);
    }

    #[test]
    fn notes_only_floats_outside_64_bit_integers() {
        for (value, seen) in [
            (1.5, false),
            (ABOVE_U64, true),
            (I64_MIN, true),
            (-9.2e18, false),
            (-9.3e18, true),
            (f64::MAX, true),
            (9.2e18, false),
        ] {
            let ((), met) = watch(|| note_f64(value));
            assert_eq!(met, seen, "{value}");
        }
        let ((), outer) = watch(|| {
            note_f64(1e30);
            let ((), inner) = watch(|| note_f64(1.0));
            assert!(!inner);
        });
        assert!(outer);
    }
}
