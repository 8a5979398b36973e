//! `locale`: an RFC 5646 well-formed language tag (the whole grammar); `locale(short)`:
//! language(-Script)(-REGION) only. Code `locale`.

use super::Text;
use crate::error::RuleError;

/// Checks that `value` is a well-formed RFC 5646 language tag.
pub fn check<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    let _ = value;
    todo!("rules helper")
}

/// Checks that `value` is a short BCP 47 tag: language(-Script)(-REGION).
pub fn check_short<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    let _ = value;
    todo!("rules helper")
}
