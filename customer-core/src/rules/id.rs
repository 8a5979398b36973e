//! `id(prefix = "ctm_", chars = "a-z0-9", len = 26)`: a typed ID, checked by byte loops. Code `id`.
//!
//! `len`, `min_len` and `max_len` count the characters after the prefix.

use std::borrow::Cow;

use super::Text;
use crate::error::{Param, RuleError};

/// A set of ASCII bytes, kept as a 256-entry table so that a membership test is one load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct AsciiSet {
    table: [bool; 256],
}

impl AsciiSet {
    /// The set whose bit `b` is set for every byte `b` in it.
    #[must_use]
    pub const fn from_bits(bits: u128) -> Self {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 128 {
            table[b] = (bits >> b) & 1 == 1;
            b += 1;
        }
        AsciiSet { table }
    }

    /// The set of the bytes in the inclusive ranges `ranges`, e.g. `&[(b'a', b'z'), (b'_', b'_')]`
    /// (what the derive emits for `chars = "a-z_"`). Bytes past ASCII are left out.
    #[must_use]
    pub const fn from_ranges(ranges: &[(u8, u8)]) -> Self {
        let mut table = [false; 256];
        let mut i = 0;
        while i < ranges.len() {
            let (lo, hi) = ranges[i];
            let mut b = lo;
            while b <= hi && b < 128 {
                table[b as usize] = true;
                if b == u8::MAX {
                    break;
                }
                b += 1;
            }
            i += 1;
        }
        AsciiSet { table }
    }

    /// The bits of the set (bit `b` for byte `b`).
    #[must_use]
    pub const fn bits(self) -> u128 {
        let mut bits = 0u128;
        let mut b = 0;
        while b < 128 {
            if self.table[b] {
                bits |= 1u128 << b;
            }
            b += 1;
        }
        bits
    }

    /// Parses a character-class body such as `a-zA-Z0-9_-`: single ASCII characters and
    /// `x-y` ranges. `None` for non-ASCII, an empty spec or a reversed range.
    #[must_use]
    pub const fn parse(spec: &str) -> Option<Self> {
        let bytes = spec.as_bytes();
        if bytes.is_empty() {
            return None;
        }
        let mut bits = 0u128;
        let mut i = 0;
        while i < bytes.len() {
            let lo = bytes[i];
            if lo >= 128 {
                return None;
            }
            if i + 2 < bytes.len() && bytes[i + 1] == b'-' {
                let hi = bytes[i + 2];
                if hi >= 128 || hi < lo {
                    return None;
                }
                let mut b = lo;
                while b <= hi {
                    bits |= 1u128 << b;
                    b += 1;
                }
                i += 3;
            } else {
                bits |= 1u128 << lo;
                i += 1;
            }
        }
        Some(AsciiSet::from_bits(bits))
    }

    /// `true` when `byte` is in the set.
    #[inline]
    #[must_use]
    pub const fn contains(self, byte: u8) -> bool {
        self.table[byte as usize]
    }

    /// `true` when every byte of `bytes` is in the set.
    #[inline]
    #[must_use]
    pub fn all(&self, bytes: &[u8]) -> bool {
        bytes.iter().all(|&b| self.table[usize::from(b)])
    }
}

/// The shape of a typed ID: a prefix, then `min_len..=max_len` characters of `chars`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct IdShape {
    /// What the ID starts with, e.g. `ctm_`.
    pub prefix: &'static str,
    /// The characters allowed after the prefix.
    pub chars: AsciiSet,
    /// The fewest characters after the prefix.
    pub min_len: usize,
    /// The most characters after the prefix.
    pub max_len: usize,
    /// The `chars` spec as written, for messages.
    #[doc(hidden)]
    pub chars_spec: &'static str,
}

/// Checks that `value` has the shape `shape`.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T, shape: &IdShape) -> Result<(), RuleError> {
    let bytes = value.text().as_bytes();
    let ok = match bytes.strip_prefix(shape.prefix.as_bytes()) {
        Some(rest) => {
            rest.len() >= shape.min_len && rest.len() <= shape.max_len && shape.chars.all(rest)
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(error(shape))
    }
}

#[cold]
fn error(shape: &IdShape) -> RuleError {
    let message = if shape.min_len == shape.max_len {
        "must be `{prefix}` followed by exactly {min_len} characters of [{chars}]"
    } else if shape.max_len == usize::MAX {
        "must be `{prefix}` followed by at least {min_len} characters of [{chars}]"
    } else {
        "must be `{prefix}` followed by {min_len} to {max_len} characters of [{chars}]"
    };
    let mut error = RuleError::new(crate::codes::ID, message)
        .with_param("prefix", Param::Str(Cow::Borrowed(shape.prefix)))
        .with_param("chars", Param::Str(Cow::Borrowed(shape.chars_spec)))
        .with_param("min_len", Param::UInt(shape.min_len as u64));
    if shape.max_len != usize::MAX {
        error = error.with_param("max_len", Param::UInt(shape.max_len as u64));
    }
    error
}
