//! `metadata(max_bytes = N)`: any `Serialize` value whose compact JSON is at most N bytes,
//! counted without building the JSON and stopped as soon as N is passed. `metadata(json_string)`:
//! a string that must itself hold JSON. Code `metadata_too_large` (and `json_string`).
//!
//! [`compact_len`] runs the value through a `serde::Serializer` that only counts the bytes
//! `serde_json::to_vec` would write: strings escaped as serde_json escapes them (`\"`, `\\`,
//! `\b \f \n \r \t`, other control characters as `\u00XX`, everything else raw UTF-8), integers
//! as itoa writes them, floats as serde_json's float formatter writes them (shortest round-trip
//! digits, `1.0`, `1e+16`, `1.5e-7`; non-finite floats as `null`), map keys as serde_json's
//! key serializer writes them (numbers and booleans quoted; other keys refused). It fails as
//! soon as the count passes the limit, so a 100 MB value costs O(limit).
//!
//! Two things serde_json would write that this refuses, with code `metadata_invalid`: values
//! that serde_json itself cannot serialize (a map key that is not a string, number or boolean; a
//! `Serialize` impl that fails), and values nested more than [`MAX_DEPTH`] arrays or objects
//! deep (serde_json would not read those back, and counting them would recurse without bound).
//! serde_json's `arbitrary_precision` and `raw_value` features are not mirrored (they are not
//! enabled in this workspace).

mod counter;
mod json_string;
mod keys;
mod lengths;
mod value;

use std::fmt;

use serde::ser::{self, Serialize};

use super::Text;
use crate::error::{Param, RuleError};
use counter::Counter;
use json_string::Counted;
use value::walk_value;

/// The default limit of `metadata`, in bytes.
pub const DEFAULT_MAX_BYTES: usize = 1024;

/// How many arrays and objects may nest: the crate's one depth limit, which is also the limit
/// serde_json's parser applies.
pub use crate::path::MAX_DEPTH;

/// [`MAX_DEPTH`] as a count of nested arrays and objects.
const DEPTH_LIMIT: usize = MAX_DEPTH as usize;

/// Why [`compact_len`] gave no length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LenError {
    /// The compact JSON is longer than the limit.
    TooLarge,
    /// Arrays and objects nest more than [`MAX_DEPTH`] deep.
    TooDeep,
    /// serde_json could not serialize the value (a map key that is not a string, number or
    /// boolean, or an error from the value's `Serialize` impl).
    Unrepresentable,
}

impl fmt::Display for LenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LenError::TooLarge => "the compact JSON is longer than the limit",
            LenError::TooDeep => "arrays and objects nest too deep",
            LenError::Unrepresentable => "the value cannot be written as JSON",
        })
    }
}

impl std::error::Error for LenError {}

impl ser::Error for LenError {
    #[cold]
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        // The message may quote the value: it is dropped.
        LenError::Unrepresentable
    }
}

/// Checks that the compact JSON of `value` is at most `max_bytes` bytes.
#[inline]
pub fn check<T: Serialize + ?Sized>(value: &T, max_bytes: usize) -> Result<(), RuleError> {
    match compact_len(value, max_bytes) {
        Ok(_) => Ok(()),
        Err(error) => Err(len_error(error, max_bytes)),
    }
}

/// [`check`] for a `serde_json::Value`, walking the enum directly instead of going through
/// serde's `Serializer` (the derive picks it for `serde_json::Value` fields).
#[inline]
pub fn check_value(value: &serde_json::Value, max_bytes: usize) -> Result<(), RuleError> {
    match value_len(value, max_bytes) {
        Ok(_) => Ok(()),
        Err(error) => Err(len_error(error, max_bytes)),
    }
}

/// [`compact_len`] for a `serde_json::Value`: the same result, counted by a direct walk with
/// a budget of bytes left.
///
/// # Errors
///
/// As [`compact_len`].
pub fn value_len(value: &serde_json::Value, cap: usize) -> Result<usize, LenError> {
    let left = walk_value(value, cap, 0)?;
    Ok(cap - left)
}

/// Checks that `value` is a string holding JSON whose compact form is at most `max_bytes`.
///
/// The text is parsed once without building a value, counting the compact length of what it
/// holds, through the crate's strict reader: a repeated key in an object or an integer literal
/// beyond 64 bits is refused as not JSON the crate can hold (`json_string`), as every reader of
/// a client's JSON refuses them. Only when that count passes the limit and the text has an
/// object with two or more members is it parsed again into a `serde_json::Value` to count
/// exactly.
pub fn check_json_string<T: Text + ?Sized>(value: &T, max_bytes: usize) -> Result<(), RuleError> {
    let text = value.text();
    let counted: Counted = match crate::json::from_text(text) {
        Ok(counted) => counted,
        Err(_) => return Err(json_string_error()),
    };
    if counted.len <= max_bytes {
        return Ok(());
    }
    if !counted.has_members {
        return Err(len_error(LenError::TooLarge, max_bytes));
    }
    match crate::json::from_text::<serde_json::Value>(text) {
        Ok(parsed) => check(&parsed, max_bytes),
        Err(_) => Err(json_string_error()),
    }
}

#[cold]
fn len_error(error: LenError, max_bytes: usize) -> RuleError {
    match error {
        LenError::TooLarge => RuleError::new(
            crate::codes::METADATA_TOO_LARGE,
            "must be at most {max_bytes} bytes of compact JSON",
        )
        .with_param("max_bytes", Param::UInt(max_bytes as u64)),
        LenError::TooDeep => RuleError::new(
            crate::codes::METADATA_INVALID,
            "must not nest arrays and objects more than {max_depth} deep",
        )
        .with_param("max_depth", Param::UInt(u64::from(MAX_DEPTH))),
        LenError::Unrepresentable => RuleError::new(
            crate::codes::METADATA_INVALID,
            "must be representable as JSON",
        ),
    }
}

#[cold]
fn json_string_error() -> RuleError {
    RuleError::new(crate::codes::JSON_STRING, "must be a string holding JSON")
}

/// The length of `serde_json::to_vec(value)` when it is at most `cap` bytes.
///
/// Nothing is allocated and the work stops as soon as the count passes `cap`.
///
/// # Errors
///
/// [`LenError::TooLarge`] past `cap`, [`LenError::TooDeep`] past [`MAX_DEPTH`] nested arrays or
/// objects, [`LenError::Unrepresentable`] where serde_json would fail.
pub fn compact_len<T: Serialize + ?Sized>(value: &T, cap: usize) -> Result<usize, LenError> {
    let mut counter = Counter {
        len: 0,
        cap,
        depth: 0,
    };
    value.serialize(&mut counter)?;
    Ok(counter.len)
}
