//! `length(min = .., max = ..)`: characters of text (Unicode scalar values, as JSON Schema
//! counts them), items of a collection. Code `length`.

use super::HasLength;
use crate::error::{Param, RuleError};

/// Checks that `min <= length(value) <= max` (each bound optional).
#[inline]
pub fn check<T: HasLength + ?Sized>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
) -> Result<(), RuleError> {
    let (lower, upper) = value.length_bounds();
    if min.is_none_or(|min| lower >= min) && max.is_none_or(|max| upper <= max) {
        return Ok(());
    }
    check_count(value.length(), min, max)
}

/// The same check on a length already counted.
#[inline]
pub fn check_count(len: usize, min: Option<usize>, max: Option<usize>) -> Result<(), RuleError> {
    if min.is_some_and(|min| len < min) || max.is_some_and(|max| len > max) {
        Err(error(min, max))
    } else {
        Ok(())
    }
}

#[cold]
fn error(min: Option<usize>, max: Option<usize>) -> RuleError {
    let message = match (min, max) {
        (Some(min), Some(max)) if min == max => "must have a length of exactly {min}",
        (Some(_), Some(_)) => "must have a length between {min} and {max}",
        (Some(_), None) => "must have a length of at least {min}",
        _ => "must have a length of at most {max}",
    };
    with_bounds(RuleError::new(crate::codes::LENGTH, message), min, max)
}

pub(crate) fn with_bounds(
    mut error: RuleError,
    min: Option<usize>,
    max: Option<usize>,
) -> RuleError {
    if let Some(min) = min {
        error = error.with_param("min", Param::UInt(min as u64));
    }
    if let Some(max) = max {
        error = error.with_param("max", Param::UInt(max as u64));
    }
    error
}
