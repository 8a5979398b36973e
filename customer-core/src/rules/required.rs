//! `required`: an `Option` that must be `Some`. Code `required`.

use crate::error::RuleError;

/// Checks that `value` is `Some`.
#[inline]
pub fn check<T>(value: &Option<T>) -> Result<(), RuleError> {
    match value {
        Some(_) => Ok(()),
        None => Err(error()),
    }
}

/// The `required` violation. Called by the code the derive generates, which checks the field
/// inline; not public API ([`check`] is).
#[doc(hidden)]
#[cold]
#[must_use]
pub fn error() -> RuleError {
    RuleError::new(crate::codes::REQUIRED, "is required")
}
