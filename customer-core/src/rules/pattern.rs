//! `pattern = "…"`: the whole value matches a regular expression. Code `pattern`.
//!
//! The derive checks the pattern while compiling, anchors it (`\A(?:…)\z`), makes `\d \w \s`
//! ASCII as in OpenAPI, and turns simple shapes (a literal prefix, one ASCII class with a count,
//! a literal suffix) into a [`Simple`] byte check that needs no regex at all.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::id::AsciiSet;
use super::Text;
use crate::error::{Param, RuleError};

/// A regex compiled on first use. The derive emits one `static` per `pattern` rule; not meant
/// to be built by hand.
#[doc(hidden)]
#[derive(Debug)]
pub struct LazyRegex {
    anchored: &'static str,
    shown: &'static str,
    cell: OnceLock<Option<regex::Regex>>,
}

impl LazyRegex {
    /// `anchored` is what is compiled; `shown` is the pattern as the user wrote it.
    #[must_use]
    pub const fn new(anchored: &'static str, shown: &'static str) -> Self {
        LazyRegex {
            anchored,
            shown,
            cell: OnceLock::new(),
        }
    }

    /// `true` when `text` matches. A pattern that fails to compile (only possible past the
    /// regex crate's size limits) matches nothing.
    #[inline]
    pub fn is_match(&self, text: &str) -> bool {
        self.cell
            .get_or_init(|| regex::Regex::new(self.anchored).ok())
            .as_ref()
            .is_some_and(|re| re.is_match(text))
    }
}

/// A pattern of the shape `prefix [class]{min,max} suffix`, checked byte by byte. Emitted by the
/// derive; not meant to be built by hand.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Simple {
    /// The literal the value starts with.
    pub prefix: &'static str,
    /// The ASCII characters allowed between prefix and suffix.
    pub class: AsciiSet,
    /// The fewest characters between prefix and suffix.
    pub min: usize,
    /// The most characters between prefix and suffix.
    pub max: usize,
    /// The literal the value ends with.
    pub suffix: &'static str,
    /// The pattern as the user wrote it, for messages.
    pub shown: &'static str,
}

impl Simple {
    /// The shape, its fields in declaration order (a constant the derive emits).
    #[must_use]
    pub const fn new(
        prefix: &'static str,
        class: AsciiSet,
        min: usize,
        max: usize,
        suffix: &'static str,
        shown: &'static str,
    ) -> Simple {
        Simple {
            prefix,
            class,
            min,
            max,
            suffix,
            shown,
        }
    }

    /// `true` when `text` has this shape.
    ///
    /// Always inlined: every call site passes a constant the derive emitted, so the prefix, the
    /// suffix, the bounds and the class fold into the caller's code.
    #[inline(always)]
    #[must_use]
    pub fn is_match(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let Some(rest) = bytes.strip_prefix(self.prefix.as_bytes()) else {
            return false;
        };
        let Some(middle) = rest.strip_suffix(self.suffix.as_bytes()) else {
            return false;
        };
        middle.len() >= self.min && middle.len() <= self.max && self.class.all(middle)
    }
}

/// Checks `value` against a lazily compiled regex.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T, regex: &LazyRegex) -> Result<(), RuleError> {
    if regex.is_match(value.text()) {
        Ok(())
    } else {
        Err(error(Cow::Borrowed(regex.shown)))
    }
}

/// Checks `value` against a simple shape (always inlined, as [`Simple::is_match`]). Called by
/// the code the derive generates for a pattern it compiled to a [`Simple`]; not public API.
#[doc(hidden)]
#[inline(always)]
pub fn check_simple<T: Text + ?Sized>(value: &T, shape: &Simple) -> Result<(), RuleError> {
    if shape.is_match(value.text()) {
        Ok(())
    } else {
        Err(error(Cow::Borrowed(shape.shown)))
    }
}

/// Checks that the whole of `value` matches `regex` (which the caller compiled; it is not
/// anchored for you here: write `^…$` or use [`regex::Regex::is_match`] on an anchored one).
#[inline]
pub fn check_regex<T: Text + ?Sized>(value: &T, regex: &regex::Regex) -> Result<(), RuleError> {
    let text = value.text();
    let whole = regex
        .find(text)
        .is_some_and(|m| m.start() == 0 && m.end() == text.len());
    if whole {
        Ok(())
    } else {
        Err(error(Cow::Owned(regex.as_str().to_owned())))
    }
}

#[cold]
fn error(shown: Cow<'static, str>) -> RuleError {
    RuleError::new(crate::codes::PATTERN, "must match the pattern `{pattern}`")
        .with_param("pattern", Param::Str(shown))
}
