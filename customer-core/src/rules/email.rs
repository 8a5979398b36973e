//! `email`: an address as email_address parses it, without display text or domain literals, with
//! a dot in the domain, 1..=320 characters. Options `max`, `ascii`. Code `email`.
//!
//! The checker is a single pass over the bytes that allocates nothing. It accepts exactly what
//! `email_address` 0.2.9 accepts with `Options { minimum_sub_domains: 2, allow_domain_literal:
//! false, allow_display_text: false }`, with one deliberate difference: that crate reads any
//! text containing `" <"` as the display form `name <address>` and, when the name is empty,
//! accepts the bracketed form (` <a@example.com>`, with the leading space). That is display
//! syntax, not an address, so it is refused here. The grammar, as that crate reads it:
//!
//! - the text is split at its **last** `@`; the local part is 1..=64 bytes, the domain 1..=254;
//! - local part: either a dot-atom (atoms of `atext` separated by single dots, none empty),
//!   or `"` quoted content `"` with at least one character inside; quoted content is `qtext`
//!   (`!`, `#`..`[`, `]`..`~`), space, tab, or `\` followed by a visible ASCII character;
//! - `atext` is any alphanumeric character (Unicode `char::is_alphanumeric`) or one of
//!   ``!#$%&'*+-/=?^_`{|}~``;
//! - domain: at least two labels separated by dots; each label is 1..=63 bytes of `atext`,
//!   starting and ending with an alphanumeric character; `[...]` literals are refused;
//! - non-ASCII characters are also accepted where email_address's `is_utf8_non_ascii` says so:
//!   it compares the code point's bytes (not its UTF-8 encoding) with the UTF-8 lead/tail
//!   ranges, which matches exactly the code points U+C280..=U+DFBF whose low byte is
//!   0x80..=0xBF ([`legacy_non_ascii`]). That is the only way a non-alphanumeric non-ASCII
//!   character passes, and the only way any non-ASCII character passes inside quotes.

use super::Text;
use crate::error::{Param, RuleError};

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
    pub const DEFAULT: EmailOptions = EmailOptions {
        max: 320,
        ascii: false,
    };
}

impl Default for EmailOptions {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The most bytes of a local part.
pub const LOCAL_PART_MAX_BYTES: usize = 64;
/// The most bytes of a domain.
pub const DOMAIN_MAX_BYTES: usize = 254;
/// The most bytes of one domain label.
pub const LABEL_MAX_BYTES: usize = 63;

/// Checks that `value` is an email address under `options`.
///
/// The character limit is checked first (a huge text is refused after looking at its byte
/// length), then the grammar, then `ascii`.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T, options: &EmailOptions) -> Result<(), RuleError> {
    let text = value.text();
    if text.len() > options.max && too_long(text, options.max) {
        return Err(too_long_error(options.max));
    }
    match scan(text) {
        None => Err(invalid_error()),
        Some(ascii) if options.ascii && !ascii => Err(not_ascii_error()),
        Some(_) => Ok(()),
    }
}

/// `true` when `value` passes [`check`] under `options`.
#[inline]
#[must_use]
pub fn is_valid(value: &str, options: &EmailOptions) -> bool {
    if value.len() > options.max && too_long(value, options.max) {
        return false;
    }
    match scan(value) {
        None => false,
        Some(ascii) => ascii || !options.ascii,
    }
}

/// More than `max` characters, for a text of more than `max` bytes. Counts at most `4 * max`
/// bytes' worth of characters: longer texts are refused by their byte length alone.
#[cold]
fn too_long(text: &str, max: usize) -> bool {
    text.len() > max.saturating_mul(4) || super::char_count(text) > max
}

#[cold]
fn too_long_error(max: usize) -> RuleError {
    RuleError::new("email", "must be at most {max} characters")
        .with_param("max", Param::UInt(max as u64))
}

#[cold]
fn invalid_error() -> RuleError {
    RuleError::new("email", "must be a valid email address")
}

#[cold]
fn not_ascii_error() -> RuleError {
    RuleError::new("email", "must contain only ASCII characters")
}

/// `Some(all_ascii)` when `text` is an address, `None` otherwise.
#[inline]
fn scan(text: &str) -> Option<bool> {
    let at = text.bytes().rposition(|b| b == b'@')?;
    let local = text.get(..at)?;
    let domain = text.get(at + 1..)?;
    let local_ascii = local_part(local)?;
    let domain_ascii = domain_part(domain)?;
    Some(local_ascii && domain_ascii)
}

/// Class bit of the ASCII `atext` bytes: letters, digits, ``!#$%&'*+-/=?^_`{|}~``.
const ATEXT: u8 = 1;
/// Class bit of the ASCII `qtext` bytes: `!`, `#`..=`[`, `]`..=`~`.
const QTEXT: u8 = 2;

/// The class bits of every byte (a table lookup is cheaper than a 128-bit shift).
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0usize;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] |= ATEXT;
        }
        if b >= 0x21 && b <= 0x7E && b != b'"' as usize && b != b'\\' as usize {
            table[b] |= QTEXT;
        }
        b += 1;
    }
    let specials = b"!#$%&'*+-/=?^_`{|}~";
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] |= ATEXT;
        i += 1;
    }
    table
};

#[inline(always)]
fn is(class: u8, b: u8) -> bool {
    CLASS[usize::from(b)] & class != 0
}

/// The non-ASCII characters that email_address 0.2.9's `is_utf8_non_ascii` accepts: it reads the
/// code point's big-endian bytes as if they were UTF-8, which only a two-byte "sequence" in the
/// low 16 bits can satisfy: U+C280..=U+DFBF with a low byte of 0x80..=0xBF.
#[inline]
#[must_use]
pub fn legacy_non_ascii(c: char) -> bool {
    let cp = c as u32;
    let hi = (cp >> 8) & 0xFF;
    let lo = cp & 0xFF;
    cp >> 16 == 0 && (0xC2..=0xDF).contains(&hi) && (0x80..=0xBF).contains(&lo)
}

/// The character starting at byte `i` of `text`.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// A non-ASCII `atext` character: alphanumeric, or one of the legacy code points.
#[inline]
fn non_ascii_atext(c: char) -> bool {
    c.is_alphanumeric() || legacy_non_ascii(c)
}

/// `Some(all_ascii)` for a valid local part.
#[inline]
fn local_part(local: &str) -> Option<bool> {
    let bytes = local.as_bytes();
    if bytes.is_empty() || bytes.len() > LOCAL_PART_MAX_BYTES {
        return None;
    }
    if let [b'"', inner @ .., b'"'] = bytes {
        if inner.is_empty() {
            return None;
        }
        // `"` is ASCII, so byte 1 and byte len-1 are character boundaries.
        return quoted(local.get(1..bytes.len() - 1)?);
    }
    dot_atom(local)
}

/// `Some(all_ascii)` for a dot-atom: atoms of `atext` separated by single dots.
#[inline]
fn dot_atom(text: &str) -> Option<bool> {
    let bytes = text.as_bytes();
    let mut ascii = true;
    // `true` at the start of an atom (start of text or after a dot).
    let mut atom_start = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'.' {
            if atom_start {
                return None;
            }
            atom_start = true;
            i += 1;
        } else if b < 0x80 {
            if !is(ATEXT, b) {
                return None;
            }
            atom_start = false;
            i += 1;
        } else {
            let c = char_at(text, i)?;
            if !non_ascii_atext(c) {
                return None;
            }
            ascii = false;
            atom_start = false;
            i += c.len_utf8();
        }
    }
    if atom_start {
        return None;
    }
    Some(ascii)
}

/// `Some(all_ascii)` for the content between the quotes of a quoted local part.
#[inline]
fn quoted(inner: &str) -> Option<bool> {
    let bytes = inner.as_bytes();
    let mut ascii = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => {
                // A quoted pair: a backslash and a visible ASCII character.
                match bytes.get(i + 1) {
                    Some(0x21..=0x7E) => i += 2,
                    _ => return None,
                }
            }
            // email_address reads any text containing " <" as display form; see the module
            // documentation. Inside quotes that always ends in a refusal.
            b' ' if bytes.get(i + 1) == Some(&b'<') => return None,
            b' ' | b'\t' => i += 1,
            0x80..=0xFF => {
                let c = char_at(inner, i)?;
                if !legacy_non_ascii(c) {
                    return None;
                }
                ascii = false;
                i += c.len_utf8();
            }
            _ if is(QTEXT, b) => i += 1,
            _ => return None,
        }
    }
    Some(ascii)
}

/// `Some(all_ascii)` for a domain of at least two labels, each 1..=63 bytes of `atext`
/// starting and ending with an alphanumeric character. One pass over the bytes.
#[inline]
fn domain_part(domain: &str) -> Option<bool> {
    let bytes = domain.as_bytes();
    if bytes.is_empty() || bytes.len() > DOMAIN_MAX_BYTES {
        return None;
    }
    let mut ascii = true;
    let mut labels = 0usize;
    let mut start = 0;
    let mut i = 0;
    loop {
        match bytes.get(i) {
            Some(&b'.') | None => {
                if i == start || i - start > LABEL_MAX_BYTES {
                    return None;
                }
                let label = domain.get(start..i)?;
                if !(alphanumeric_first(label) && alphanumeric_last(label)) {
                    return None;
                }
                labels += 1;
                if i == bytes.len() {
                    break;
                }
                i += 1;
                start = i;
            }
            Some(&b) if b < 0x80 => {
                if !is(ATEXT, b) {
                    return None;
                }
                i += 1;
            }
            Some(_) => {
                let c = char_at(domain, i)?;
                if !non_ascii_atext(c) {
                    return None;
                }
                ascii = false;
                i += c.len_utf8();
            }
        }
    }
    if labels < 2 {
        return None;
    }
    Some(ascii)
}

/// The first character of a non-empty label is alphanumeric.
#[inline]
fn alphanumeric_first(label: &str) -> bool {
    match label.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => label.chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    }
}

/// The last character of a non-empty label is alphanumeric.
#[inline]
fn alphanumeric_last(label: &str) -> bool {
    match label.as_bytes().last() {
        Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
        Some(_) => label.chars().next_back().is_some_and(char::is_alphanumeric),
        None => false,
    }
}
