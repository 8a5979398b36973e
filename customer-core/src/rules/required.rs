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

/// `Ok` when the value is there (`present`), else the `required` violation. Called by the code
/// the derive generates (`required::present(Option::is_some(field))`); not public API ([`check`]
/// is).
#[doc(hidden)]
#[allow(clippy::inline_always)]
#[inline(always)]
pub fn present(present: bool) -> Result<(), RuleError> {
    if present {
        Ok(())
    } else {
        Err(error())
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
