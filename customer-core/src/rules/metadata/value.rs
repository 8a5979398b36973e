//! The compact JSON length of a `serde_json::Value`, walked directly (faster than going
//! through `Serialize`).

use super::lengths::{digits_u64, escape_extra, f64_len};
use super::{LenError, DEPTH_LIMIT};

#[inline]
pub(super) fn take(left: &mut usize, n: usize) -> Result<(), LenError> {
    match left.checked_sub(n) {
        Some(rest) => {
            *left = rest;
            Ok(())
        }
        None => Err(LenError::TooLarge),
    }
}

#[inline]
pub(super) fn take_str(left: &mut usize, s: &str) -> Result<(), LenError> {
    take(left, s.len().saturating_add(2))?;
    take(left, escape_extra(s))
}

pub(super) fn walk_value(
    value: &serde_json::Value,
    left: &mut usize,
    depth: usize,
) -> Result<(), LenError> {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(true) => take(left, 4),
        Value::Bool(false) => take(left, 5),
        Value::Number(number) => take(left, number_len(number)),
        Value::String(s) => take_str(left, s),
        Value::Array(items) => {
            if depth >= DEPTH_LIMIT {
                return Err(LenError::TooDeep);
            }
            // Brackets and commas first: they are written whatever the items are.
            take(left, 2 + items.len().saturating_sub(1))?;
            items
                .iter()
                .try_for_each(|item| walk_value(item, left, depth + 1))
        }
        Value::Object(map) => {
            if depth >= DEPTH_LIMIT {
                return Err(LenError::TooDeep);
            }
            // Braces, commas and colons.
            take(left, 2 + map.len().saturating_sub(1) + map.len())?;
            map.iter().try_for_each(|(key, item)| {
                take_str(left, key)?;
                walk_value(item, left, depth + 1)
            })
        }
    }
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
