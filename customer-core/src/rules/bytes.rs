//! `bytes(min = .., max = ..)`: the length of text in UTF-8 bytes. Code `bytes`.

use super::Text;
use crate::error::RuleError;

/// Checks that `min <= value.len() <= max` in UTF-8 bytes (each bound optional).
#[inline]
pub fn check<T: Text + ?Sized>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), RuleError> {
    let len = value.text().len();
    if min.is_some_and(|min| len < min) || max.is_some_and(|max| len > max) {
        Err(error(min, max))
    } else {
        Ok(())
    }
}

#[cold]
fn error(min: Option<usize>, max: Option<usize>) -> RuleError {
    let message = match (min, max) {
        (Some(min), Some(max)) if min == max => "must be exactly {min} bytes long",
        (Some(_), Some(_)) => "must be between {min} and {max} bytes long",
        (Some(_), None) => "must be at least {min} bytes long",
        _ => "must be at most {max} bytes long",
    };
    super::length::with_bounds(RuleError::new(crate::codes::BYTES, message), min, max)
}
