//! The compact JSON length of a `serde_json::Value`, walked directly (faster than going
//! through `Serialize`).
//!
//! What is left of the budget is passed and returned by value (a register), not through a
//! reference (a store and a load at every step); a string, number, boolean or null is counted
//! where it is met, and only an array or an object is a call.

use super::lengths::{digits_u64, escape_extra, f64_len};
use super::{LenError, DEPTH_LIMIT};

/// `left` less `n`; `TooLarge` when `n` is more than `left`.
#[inline(always)]
fn take(left: usize, n: usize) -> Result<usize, LenError> {
    left.checked_sub(n).ok_or(LenError::TooLarge)
}

/// `left` less the quoted, escaped length of `s`. Its raw length first: a string larger than
/// what is left is refused before its bytes are looked at.
#[inline(always)]
fn take_str(left: usize, s: &str) -> Result<usize, LenError> {
    let left = take(left, s.len().saturating_add(2))?;
    take(left, escape_extra(s))
}

/// What is left of `left` once `value` is counted, `depth` arrays and objects down.
#[inline(always)]
pub(super) fn walk_value(
    value: &serde_json::Value,
    left: usize,
    depth: usize,
) -> Result<usize, LenError> {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(true) => take(left, 4),
        Value::Bool(false) => take(left, 5),
        Value::Number(number) => take(left, number_len(number)),
        Value::String(s) => take_str(left, s),
        Value::Array(items) => walk_array(items, left, depth),
        Value::Object(map) => walk_object(map, left, depth),
    }
}

/// [`walk_value`] of an array.
#[inline(never)]
fn walk_array(items: &[serde_json::Value], left: usize, depth: usize) -> Result<usize, LenError> {
    if depth >= DEPTH_LIMIT {
        return Err(LenError::TooDeep);
    }
    // Brackets and commas first: they are written whatever the items are.
    let mut left = take(left, 2 + items.len().saturating_sub(1))?;
    for item in items {
        left = walk_value(item, left, depth + 1)?;
    }
    Ok(left)
}

/// [`walk_value`] of an object.
#[inline(never)]
fn walk_object(
    map: &serde_json::Map<String, serde_json::Value>,
    left: usize,
    depth: usize,
) -> Result<usize, LenError> {
    if depth >= DEPTH_LIMIT {
        return Err(LenError::TooDeep);
    }
    // Braces, commas and colons.
    let mut left = take(left, 2 + map.len().saturating_sub(1) + map.len())?;
    for (key, item) in map {
        left = take_str(left, key)?;
        left = walk_value(item, left, depth + 1)?;
    }
    Ok(left)
}

pub(super) fn number_len(number: &serde_json::Number) -> usize {
    if let Some(n) = number.as_u64() {
        digits_u64(n)
    } else if let Some(n) = number.as_i64() {
        1 + digits_u64(n.unsigned_abs())
    } else {
        number.as_f64().map_or(4, f64_len)
    }
}
