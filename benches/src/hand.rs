//! The hand-written baseline: what a good engineer would write for the same rules, with the same
//! semantics and the very same report (pointers, codes, messages, params) as the derive.
//!
//! Written by hand: the id shape (a byte check), the name and postal-code lengths (byte length
//! first, characters only when needed), the country (a 26x26 bitmap built from
//! `customer_core::rules::country::ASSIGNED`, the data, not the function), the metadata size (a
//! walk over `serde_json::Value` counting the compact JSON bytes, stopping past the limit, floats
//! measured with the formatter serde_json itself uses).
//!
//! Not written again: the email grammar and the RFC 5646 grammar. Re-implementing
//! email_address's grammar or the whole language-tag ABNF by hand would just be a copy of
//! `customer_core::rules::email::is_valid` / `rules::locale::is_well_formed`, so the baseline
//! calls those two boolean functions (no error structures, no traits, no options struct in
//! between). The ratio therefore measures the derive's own overhead on top of the same grammar
//! code.

use std::borrow::Cow;

use customer_core::rules::{country::ASSIGNED, email, locale};
use customer_core::{Param, RuleError, ValidationErrors, Violation};
use serde_json::Value;

use crate::model::{Address, Customer, METADATA_MAX_BYTES, POSTAL_MAX};

/// The id prefix.
const ID_PREFIX: &[u8] = b"ctm_";
/// The characters after the prefix.
const ID_BODY: usize = 26;
/// The most characters of a name.
const NAME_MAX: usize = 255;
/// The most characters of an email address.
const EMAIL_MAX: usize = 320;
/// How deep metadata arrays and objects may nest (serde_json's parser limit).
const MAX_DEPTH: usize = 128;

/// Validates `customer` by hand, with the same report as `CustomerModel::validate`.
#[inline(never)]
pub fn validate(customer: &Customer) -> Result<(), ValidationErrors> {
    let mut report = ValidationErrors::new();
    if !is_id(&customer.id) {
        report.push_violation(Violation::new("/id", id_error()));
    }
    if let Err(error) = check_email(&customer.email) {
        report.push_violation(Violation::new("/email", error));
    }
    if let Some(name) = &customer.name {
        if too_many_chars(name, NAME_MAX) {
            report.push_violation(Violation::new("/name", name_error()));
        }
    }
    if !is_locale(&customer.locale) {
        report.push_violation(Violation::new("/locale", locale_error()));
    }
    if let Some(data) = &customer.custom_data {
        if let Err(error) = metadata_len(data, METADATA_MAX_BYTES) {
            report.push_violation(Violation::new("/custom_data", metadata_error(error)));
        }
    }
    for (index, address) in customer.addresses.iter().enumerate() {
        check_address(address, index, &mut report);
    }
    report.into_result()
}

#[inline]
fn check_address(address: &Address, index: usize, report: &mut ValidationErrors) {
    if !is_country(&address.country_code) {
        report.push_violation(Violation::new(
            format!("/addresses/{index}/country_code"),
            country_error(),
        ));
    }
    if let Some(postal) = &address.postal_code {
        if postal.is_empty() || too_many_chars(postal, POSTAL_MAX) {
            report.push_violation(Violation::new(
                format!("/addresses/{index}/postal_code"),
                postal_error(),
            ));
        }
    }
}

/// `ctm_` and exactly 26 ASCII lowercase letters or digits.
#[inline]
pub fn is_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    bytes.len() == ID_PREFIX.len() + ID_BODY
        && bytes.starts_with(ID_PREFIX)
        && bytes[ID_PREFIX.len()..]
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

/// More than `max` characters: decided by the byte length when it is at most `max`.
#[inline]
fn too_many_chars(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().count() > max
}

#[inline]
fn check_email(text: &str) -> Result<(), RuleError> {
    if text.len() > EMAIL_MAX && (text.len() > 4 * EMAIL_MAX || text.chars().count() > EMAIL_MAX) {
        return Err(email_long_error());
    }
    if email::is_valid(text, &email::EmailOptions::DEFAULT) {
        Ok(())
    } else {
        Err(email_error())
    }
}

/// A well-formed RFC 5646 language tag (customer-core's grammar; see the module docs).
#[inline]
pub fn is_locale(tag: &str) -> bool {
    locale::is_well_formed(tag)
}

/// Row `first - 'A'`, bit `second - 'A'` set for every assigned ISO 3166-1 alpha-2 code.
const COUNTRIES: [u32; 26] = {
    let mut rows = [0u32; 26];
    let mut i = 0;
    while i < ASSIGNED.len() {
        let code = ASSIGNED[i].as_bytes();
        rows[(code[0] - b'A') as usize] |= 1 << (code[1] - b'A');
        i += 1;
    }
    rows
};

/// An assigned ISO 3166-1 alpha-2 code in upper case.
#[inline]
pub fn is_country(code: &str) -> bool {
    match *code.as_bytes() {
        [a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            COUNTRIES[usize::from(a - b'A')] >> (b - b'A') & 1 == 1
        }
        _ => false,
    }
}

/// Why metadata is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooBig {
    /// More than the limit of compact JSON.
    Large,
    /// Arrays and objects nested past [`MAX_DEPTH`].
    Deep,
}

/// The length of `serde_json::to_vec(value)` when it is at most `max` bytes; stops as soon as the
/// count passes `max`, so the cost is O(min(size, max)) and nothing is allocated.
#[inline]
pub fn metadata_len(value: &Value, max: usize) -> Result<usize, TooBig> {
    let mut left = max;
    walk(value, &mut left, 0)?;
    Ok(max - left)
}

#[inline(always)]
fn take(left: &mut usize, n: usize) -> Result<(), TooBig> {
    match left.checked_sub(n) {
        Some(rest) => {
            *left = rest;
            Ok(())
        }
        None => Err(TooBig::Large),
    }
}

/// Bytes serde_json adds when escaping each byte of a string.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = match b {
            0x08 | 0x09 | 0x0A | 0x0C | 0x0D => 1,
            _ => 5,
        };
        b += 1;
    }
    table[b'"' as usize] = 1;
    table[b'\\' as usize] = 1;
    table
};

#[inline]
fn string(s: &str, left: &mut usize) -> Result<(), TooBig> {
    take(left, s.len().saturating_add(2))?;
    let extra: usize = s.bytes().map(|b| usize::from(ESCAPE[usize::from(b)])).sum();
    take(left, extra)
}

#[inline]
fn digits(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

fn walk(value: &Value, left: &mut usize, depth: usize) -> Result<(), TooBig> {
    match value {
        Value::Null => take(left, 4),
        Value::Bool(b) => take(left, if *b { 4 } else { 5 }),
        Value::Number(n) => {
            let len = if let Some(u) = n.as_u64() {
                digits(u)
            } else if let Some(i) = n.as_i64() {
                1 + digits(i.unsigned_abs())
            } else {
                let f = n.as_f64().unwrap_or(0.0);
                if f.is_finite() {
                    zmij::Buffer::new().format_finite(f).len()
                } else {
                    4
                }
            };
            take(left, len)
        }
        Value::String(s) => string(s, left),
        Value::Array(items) => {
            if depth >= MAX_DEPTH {
                return Err(TooBig::Deep);
            }
            take(left, 1)?;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    take(left, 1)?;
                }
                walk(item, left, depth + 1)?;
            }
            take(left, 1)
        }
        Value::Object(members) => {
            if depth >= MAX_DEPTH {
                return Err(TooBig::Deep);
            }
            take(left, 1)?;
            for (i, (key, item)) in members.iter().enumerate() {
                if i > 0 {
                    take(left, 1)?;
                }
                string(key, left)?;
                take(left, 1)?;
                walk(item, left, depth + 1)?;
            }
            take(left, 1)
        }
    }
}

#[cold]
fn id_error() -> RuleError {
    RuleError::new("pattern", "must match the pattern `{pattern}`")
        .with_param("pattern", Param::Str(Cow::Borrowed(r"^ctm_[a-z\d]{26}$")))
}

#[cold]
fn email_error() -> RuleError {
    RuleError::new("email", "must be a valid email address")
}

#[cold]
fn email_long_error() -> RuleError {
    RuleError::new("email", "must be at most {max} characters")
        .with_param("max", Param::UInt(EMAIL_MAX as u64))
}

#[cold]
fn name_error() -> RuleError {
    RuleError::new("length", "must have a length of at most {max}")
        .with_param("max", Param::UInt(NAME_MAX as u64))
}

#[cold]
fn locale_error() -> RuleError {
    RuleError::new("locale", "must be a well-formed language tag (RFC 5646)")
}

#[cold]
fn metadata_error(error: TooBig) -> RuleError {
    match error {
        TooBig::Large => RuleError::new(
            "metadata_too_large",
            "must be at most {max_bytes} bytes of compact JSON",
        )
        .with_param("max_bytes", Param::UInt(METADATA_MAX_BYTES as u64)),
        TooBig::Deep => RuleError::new(
            "metadata_invalid",
            "must not nest arrays and objects more than {max_depth} deep",
        )
        .with_param("max_depth", Param::UInt(MAX_DEPTH as u64)),
    }
}

#[cold]
fn country_error() -> RuleError {
    RuleError::new(
        "country",
        "must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as `US`",
    )
}

#[cold]
fn postal_error() -> RuleError {
    RuleError::new("length", "must have a length between {min} and {max}")
        .with_param("min", Param::UInt(1))
        .with_param("max", Param::UInt(POSTAL_MAX as u64))
}
