//! `email`: an address as a payment or sign-up form should take it. Options `max`, `ascii`,
//! `quoted`. Code `email`.
//!
//! The profile, by default (the README has it as a table with examples):
//!
//! - 1..=320 characters (or `max`), and at most 254 bytes as sent (RFC 5321's path limit: the
//!   local part in UTF-8, `@`, the domain in its ASCII form); the text is split at its **last**
//!   `@`;
//! - local part: 1..=64 bytes, a dot-atom: atoms separated by single dots, none empty. An atom
//!   holds ASCII letters, digits and ``!#$%&'*+-/=?^_`{|}~`` (RFC 5322 `atext`), and non-ASCII
//!   letters, digits and combining marks (RFC 6531), so `José` with a combining acute accent and
//!   Devanagari, Tamil or Thai names pass. A combining mark cannot start an atom; spaces,
//!   symbols, emoji, format characters and the invisible Hangul fillers are refused;
//! - a quoted local part (`"john doe"@example.com`) is refused; `email(quoted)` accepts one:
//!   `"`, then printable ASCII other than `"` and `\`, space, tab, `\` before a printable ASCII
//!   character, or non-ASCII letters, digits and marks, then `"`;
//! - domain: a DNS host name of at least two labels. An ASCII label is letters, digits and
//!   hyphens, not starting or ending with a hyphen, 1..=63 bytes; the domain is at most 253
//!   bytes; the last label is not all digits (`a@1.2.3.4` and `test@iana.123` are refused).
//!   Domain literals (`[127.0.0.1]`) are refused;
//! - a domain with non-ASCII characters, or with a label starting with `xn--`, is checked by
//!   UTS 46 (the `idna` crate: IDNA 2008 with its Bidi and joiner rules, STD3 ASCII rules) and
//!   its encoded (ASCII) form must satisfy the lengths above. Its non-ASCII labels must be as the
//!   user would write them: UTS 46 may only change their case and normalize them to NFC, so
//!   compatibility characters that UTS 46 would map (`①`, `x²`, full-width letters, `。`) are
//!   refused;
//! - `email(ascii)` refuses any non-ASCII character (after the grammar: garbage is reported as
//!   garbage).
//!
//! An ASCII address is checked in a single pass over its bytes that allocates nothing; the IDNA
//! check of a non-ASCII (or `xn--`) domain allocates.

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};
use unicode_normalization::UnicodeNormalization;

use super::Text;
use crate::error::{Param, RuleError};

/// The options of `email`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EmailOptions {
    /// The most characters (default 320).
    pub max: usize,
    /// Refuse any non-ASCII character (Paddle's rule).
    pub ascii: bool,
    /// Accept a quoted local part (`"john doe"@example.com`).
    pub quoted: bool,
}

impl EmailOptions {
    /// 320 characters, Unicode allowed, no quoted local part.
    pub const DEFAULT: EmailOptions = EmailOptions {
        max: 320,
        ascii: false,
        quoted: false,
    };
}

impl Default for EmailOptions {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// The most bytes of a whole address, its domain encoded (RFC 5321: a path of 256 octets with
/// its angle brackets).
pub const ADDRESS_MAX_BYTES: usize = 254;
/// The most bytes of a local part.
pub const LOCAL_PART_MAX_BYTES: usize = 64;
/// The most bytes of a domain (in its ASCII form for an internationalized domain).
pub const DOMAIN_MAX_BYTES: usize = 253;
/// The most bytes of one domain label (in its ASCII form for an internationalized label).
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
    match scan(text, options.quoted) {
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
    match scan(value, options.quoted) {
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
    RuleError::new(crate::codes::EMAIL, "must be at most {max} characters")
        .with_param("max", Param::UInt(max as u64))
}

#[cold]
fn invalid_error() -> RuleError {
    RuleError::new(crate::codes::EMAIL, "must be a valid email address")
}

#[cold]
fn not_ascii_error() -> RuleError {
    RuleError::new(crate::codes::EMAIL, "must contain only ASCII characters")
}

/// `Some(all_ascii)` when `text` is an address, `None` otherwise.
#[inline]
fn scan(text: &str, quoted: bool) -> Option<bool> {
    let at = text.bytes().rposition(|b| b == b'@')?;
    let local = text.get(..at)?;
    let domain = text.get(at + 1..)?;
    let local_ascii = local_part(local, quoted)?;
    let (domain_ascii, encoded) = domain_part(domain)?;
    // RFC 5321's path limit, in octets as the address is sent (the domain encoded).
    if local.len() + 1 + encoded > ADDRESS_MAX_BYTES {
        return None;
    }
    Some(local_ascii && domain_ascii)
}

/// Class bit of the ASCII `atext` bytes: letters, digits, ``!#$%&'*+-/=?^_`{|}~``.
const ATEXT: u8 = 1;
/// Class bit of the ASCII `qtext` bytes: `!`, `#`..=`[`, `]`..=`~`.
const QTEXT: u8 = 2;
/// Class bit of the bytes of an ASCII host-name label: letters, digits, `-`.
const LDH: u8 = 4;

/// The class bits of every byte (a table lookup is cheaper than a 128-bit shift).
static CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0usize;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] |= ATEXT | LDH;
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
    table[b'-' as usize] |= LDH;
    table
};

#[inline(always)]
fn is(class: u8, b: u8) -> bool {
    CLASS[usize::from(b)] & class != 0
}

/// The character starting at byte `i` of `text`.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// A non-ASCII character of a local part: a letter or digit, or a combining mark (`mark`
/// `true`), never one of the invisible Hangul fillers (letters by their category).
#[inline]
fn non_ascii_local(c: char) -> Option<Kind> {
    if matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}') {
        None
    } else if c.is_alphanumeric() {
        Some(Kind::Letter)
    } else if unicode_normalization::char::is_combining_mark(c) {
        Some(Kind::Mark)
    } else {
        None
    }
}

/// What [`non_ascii_local`] accepted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Letter,
    Mark,
}

/// `Some(all_ascii)` for a valid local part.
#[inline]
fn local_part(local: &str, quoted: bool) -> Option<bool> {
    let bytes = local.as_bytes();
    if bytes.is_empty() || bytes.len() > LOCAL_PART_MAX_BYTES {
        return None;
    }
    if bytes.first() == Some(&b'"') {
        return match bytes {
            [b'"', inner @ .., b'"'] if quoted && !inner.is_empty() => {
                // `"` is ASCII, so byte 1 and byte len-1 are character boundaries.
                quoted_content(local.get(1..bytes.len() - 1)?)
            }
            _ => None,
        };
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
        // `atext` first: the byte met most, one lookup (no non-ASCII byte is `atext`).
        if is(ATEXT, b) {
            atom_start = false;
            i += 1;
        } else if b == b'.' {
            if atom_start {
                return None;
            }
            atom_start = true;
            i += 1;
        } else if b < 0x80 {
            return None;
        } else {
            let c = char_at(text, i)?;
            let kind = non_ascii_local(c)?;
            if atom_start && kind == Kind::Mark {
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
fn quoted_content(inner: &str) -> Option<bool> {
    let bytes = inner.as_bytes();
    let mut ascii = true;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => {
                // A quoted pair: a backslash and a visible ASCII character or a space or tab.
                match bytes.get(i + 1) {
                    Some(0x21..=0x7E | b' ' | b'\t') => i += 2,
                    _ => return None,
                }
            }
            b' ' | b'\t' => i += 1,
            0x80..=0xFF => {
                let c = char_at(inner, i)?;
                non_ascii_local(c)?;
                ascii = false;
                i += c.len_utf8();
            }
            _ if is(QTEXT, b) => i += 1,
            _ => return None,
        }
    }
    Some(ascii)
}

/// `Some((all_ascii, encoded_bytes))` for a host name of at least two labels whose last label
/// is not all digits. ASCII labels are read in one pass over the bytes; a non-ASCII or `xn--`
/// label sends the whole domain to [`idna_domain`].
#[inline]
fn domain_part(domain: &str) -> Option<(bool, usize)> {
    let bytes = domain.as_bytes();
    // An encoded label has at least one byte per character, a character at most four bytes.
    if bytes.is_empty() || bytes.len() > DOMAIN_MAX_BYTES * 4 {
        return None;
    }
    let mut labels = 0usize;
    let mut start = 0;
    let mut i = 0;
    // Whether the current label holds a non-digit.
    let mut letter = false;
    let mut idna = false;
    loop {
        match bytes.get(i) {
            // A letter, digit or `-` first: the byte met most, one lookup (no non-ASCII byte
            // is one).
            Some(&b) if is(LDH, b) => {
                letter |= !b.is_ascii_digit();
                i += 1;
            }
            Some(&b'.') | None => {
                let label = bytes.get(start..i)?;
                match (label.first(), label.last()) {
                    (Some(&first), Some(&last)) if first != b'-' && last != b'-' => {}
                    _ => return None,
                }
                if label.len() > LABEL_MAX_BYTES {
                    return None;
                }
                if label
                    .get(..4)
                    .is_some_and(|p| p.eq_ignore_ascii_case(b"xn--"))
                {
                    idna = true;
                }
                labels += 1;
                if i == bytes.len() {
                    break;
                }
                i += 1;
                start = i;
                letter = false;
            }
            Some(&b) if b < 0x80 => return None,
            Some(_) => return idna_domain(domain).map(|encoded| (false, encoded)),
        }
    }
    if labels < 2 || !letter || bytes.len() > DOMAIN_MAX_BYTES {
        return None;
    }
    if idna {
        idna_domain(domain)?;
    }
    Some((true, bytes.len()))
}

/// A domain with a non-ASCII or `xn--` label, checked by UTS 46: `Some(encoded_bytes)` when
/// it passes.
#[cold]
fn idna_domain(domain: &str) -> Option<usize> {
    const UTS46: Uts46 = Uts46::new();
    let Ok(encoded) = UTS46.to_ascii(
        domain.as_bytes(),
        AsciiDenyList::STD3,
        Hyphens::CheckFirstLast,
        DnsLength::Verify,
    ) else {
        return None;
    };
    // Two labels or more, the last not all digits (the encoded form is ASCII).
    let (_, tld) = encoded.rsplit_once('.')?;
    if tld.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Each non-ASCII label must be what UTS 46 maps it to, up to case and NFC.
    let as_written = domain
        .split('.')
        .filter(|label| !label.is_ascii())
        .all(|label| {
            let (mapped, result) = UTS46.to_unicode(
                label.as_bytes(),
                AsciiDenyList::STD3,
                Hyphens::CheckFirstLast,
            );
            let written: String = label.to_lowercase().nfc().collect();
            result.is_ok() && mapped == written.as_str()
        });
    as_written.then_some(encoded.len())
}
