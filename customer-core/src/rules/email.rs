//! `email`: an address as email_address parses it, without display text or domain literals, with
//! a dot in the domain, 1..=320 characters. Options `max`, `ascii`. Code `email`.

use super::Text;
use crate::error::RuleError;

/// The options of `email`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmailOptions {
    /// The most characters (default 320).
    pub max: usize,
    /// Refuse any non-ASCII character (Paddle's rule).
    pub ascii: bool,
}

impl EmailOptions {
    /// 320 characters, Unicode allowed.
    pub const DEFAULT: EmailOptions = EmailOptions { max: 320, ascii: false };
}

impl Default for EmailOptions {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Checks that `value` is an email address under `options`.
pub fn check<T: Text + ?Sized>(value: &T, options: &EmailOptions) -> Result<(), RuleError> {
    let _ = (value, options);
    todo!("rules helper")
}
