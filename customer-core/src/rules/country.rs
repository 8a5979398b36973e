//! `country`. Code `country`.

use super::Text;
use crate::error::RuleError;

/// Checks `value`.
pub fn check<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    let _ = value;
    todo!("rules helper")
}
