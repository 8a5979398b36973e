//! `one_of("a", "b", ..)`: the text is exactly one of a closed list. Code `one_of`.

use std::borrow::Cow;

use super::Text;
use crate::error::{Param, RuleError};

/// Checks that `value` equals one of `allowed` (case-sensitive).
#[inline]
pub fn check<T: Text + ?Sized>(
    value: &T,
    allowed: &'static [&'static str],
) -> Result<(), RuleError> {
    let text = value.text();
    if allowed.contains(&text) {
        Ok(())
    } else {
        Err(error(allowed))
    }
}

/// The `one_of` violation for the list `allowed`. Called by the code the derive generates (a
/// field-less enum's `FromStr`) and by the second read; not public API.
#[doc(hidden)]
#[cold]
#[must_use]
pub fn error(allowed: &'static [&'static str]) -> RuleError {
    let error = RuleError::new(crate::codes::ONE_OF, "must be one of {allowed}");
    if crate::error::counting() {
        // Past the report's cap: only counted, its params never shown.
        return error;
    }
    let list = allowed
        .iter()
        .map(|a| format!("`{a}`"))
        .collect::<Vec<_>>()
        .join(", ");
    error.with_param("allowed", Param::Str(Cow::Owned(list)))
}
