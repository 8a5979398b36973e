//! `metadata(max_bytes = N)`: any `Serialize` value whose compact JSON is at most N bytes,
//! counted without building the JSON and stopped as soon as N is passed. `metadata(json_string)`:
//! a string that must itself hold JSON. Code `metadata_too_large` (and `json_string`).

use super::Text;
use crate::error::RuleError;

/// The default limit of `metadata`, in bytes.
pub const DEFAULT_MAX_BYTES: usize = 1024;

/// Checks that the compact JSON of `value` is at most `max_bytes` bytes.
pub fn check<T: serde::Serialize + ?Sized>(value: &T, max_bytes: usize) -> Result<(), RuleError> {
    let _ = (value, max_bytes);
    todo!("rules helper")
}

/// Checks that `value` is a string holding JSON whose compact form is at most `max_bytes`.
pub fn check_json_string<T: Text + ?Sized>(value: &T, max_bytes: usize) -> Result<(), RuleError> {
    let _ = (value, max_bytes);
    todo!("rules helper")
}
