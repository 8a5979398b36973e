//! `range(min = .., max = ..)`: a number within inclusive bounds. Code `range`.

use std::borrow::Cow;
use std::fmt::Display;

use crate::error::{Param, RuleError};

/// Checks that `min <= value <= max` (each bound optional). `NaN` is out of every range.
#[inline]
pub fn check<T: PartialOrd + Display>(
    value: &T,
    min: Option<&T>,
    max: Option<&T>,
) -> Result<(), RuleError> {
    use std::cmp::Ordering::{Equal, Greater, Less};
    // `partial_cmp` is `None` for NaN: out of every range.
    let below = min.is_some_and(|min| !matches!(value.partial_cmp(min), Some(Greater | Equal)));
    let above = max.is_some_and(|max| !matches!(value.partial_cmp(max), Some(Less | Equal)));
    if below || above {
        Err(error(min, max))
    } else {
        Ok(())
    }
}

#[cold]
fn error<T: Display>(min: Option<&T>, max: Option<&T>) -> RuleError {
    let message = match (min, max) {
        (Some(_), Some(_)) => "must be between {min} and {max}",
        (Some(_), None) => "must be at least {min}",
        _ => "must be at most {max}",
    };
    let mut error = RuleError::new(crate::codes::RANGE, message);
    if crate::error::counting() {
        // Past the report's cap: only counted, its params never shown.
        return error;
    }
    if let Some(min) = min {
        error = error.with_param("min", Param::Str(Cow::Owned(min.to_string())));
    }
    if let Some(max) = max {
        error = error.with_param("max", Param::Str(Cow::Owned(max.to_string())));
    }
    error
}
