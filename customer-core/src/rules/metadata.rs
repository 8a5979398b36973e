//! `metadata(max_bytes = N)`: any `Serialize` value whose compact JSON is at most N bytes,
//! counted without building the JSON and stopped as soon as N is passed. `metadata(json_string)`:
//! a string that must itself hold JSON. Code `metadata_too_large` (and `json_string`).
//!
//! [`compact_len`] runs the value through a `serde::Serializer` that only counts the bytes
//! `serde_json::to_vec` would write: strings escaped as serde_json escapes them (`\"`, `\\`,
//! `\b \f \n \r \t`, other control characters as `\u00XX`, everything else raw UTF-8), integers
//! as itoa writes them, floats as serde_json's float formatter writes them (shortest round-trip
//! digits, `1.0`, `1e+16`, `1.5e-7`; non-finite floats as `null`), map keys as serde_json's
//! key serializer writes them (numbers and booleans quoted; other keys refused). It fails as
//! soon as the count passes the limit, so a 100 MB value costs O(limit).
//!
//! Two things serde_json would write that this refuses, with code `metadata_invalid`: values
//! that serde_json itself cannot serialize (a map key that is not a string, number or boolean; a
//! `Serialize` impl that fails), and values nested more than [`MAX_DEPTH`] arrays or objects
//! deep (serde_json would not read those back, and counting them would recurse without bound).
//! serde_json's `arbitrary_precision` and `raw_value` features are not mirrored (they are not
//! enabled in this workspace).

use std::fmt;

use serde::ser::{self, Serialize};

use super::Text;
use crate::error::{Param, RuleError};

/// The default limit of `metadata`, in bytes.
pub const DEFAULT_MAX_BYTES: usize = 1024;

/// How many arrays and objects may nest, the limit serde_json's parser applies.
pub const MAX_DEPTH: usize = 128;

/// Why [`compact_len`] gave no length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LenError {
    /// The compact JSON is longer than the limit.
    TooLarge,
    /// Arrays and objects nest more than [`MAX_DEPTH`] deep.
    TooDeep,
    /// serde_json could not serialize the value (a map key that is not a string, number or
    /// boolean, or an error from the value's `Serialize` impl).
    Unrepresentable,
}

impl fmt::Display for LenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            LenError::TooLarge => "the compact JSON is longer than the limit",
            LenError::TooDeep => "arrays and objects nest too deep",
            LenError::Unrepresentable => "the value cannot be written as JSON",
        })
    }
}

impl std::error::Error for LenError {}

impl ser::Error for LenError {
    #[cold]
    fn custom<T: fmt::Display>(_msg: T) -> Self {
        // The message may quote the value: it is dropped.
        LenError::Unrepresentable
    }
}

/// Checks that the compact JSON of `value` is at most `max_bytes` bytes.
#[inline]
pub fn check<T: Serialize + ?Sized>(value: &T, max_bytes: usize) -> Result<(), RuleError> {
    match compact_len(value, max_bytes) {
        Ok(_) => Ok(()),
        Err(error) => Err(len_error(error, max_bytes)),
    }
}

/// [`check`] for a `serde_json::Value`, walking the enum directly instead of going through
/// serde's `Serializer` (the derive picks it for `serde_json::Value` fields).
#[inline]
pub fn check_value(value: &serde_json::Value, max_bytes: usize) -> Result<(), RuleError> {
    match value_len(value, max_bytes) {
        Ok(_) => Ok(()),
        Err(error) => Err(len_error(error, max_bytes)),
    }
}

/// [`compact_len`] for a `serde_json::Value`: the same result, counted by a direct walk with
/// a budget of bytes left.
///
/// # Errors
///
/// As [`compact_len`].
pub fn value_len(value: &serde_json::Value, cap: usize) -> Result<usize, LenError> {
    let mut left = cap;
    walk_value(value, &mut left, 0)?;
    Ok(cap - left)
}

#[inline]
fn take(left: &mut usize, n: usize) -> Result<(), LenError> {
    match left.checked_sub(n) {
        Some(rest) => {
            *left = rest;
            Ok(())
        }
        None => Err(LenError::TooLarge),
    }
}

#[inline]
fn take_str(left: &mut usize, s: &str) -> Result<(), LenError> {
    take(left, s.len().saturating_add(2))?;
    take(left, escape_extra(s))
}

fn walk_value(value: &serde_json::Value, left: &mut usize, depth: usize) -> Result<(), LenError> {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(true) => take(left, 4),
        Value::Bool(false) => take(left, 5),
        Value::Number(number) => take(left, number_len(number)),
        Value::String(s) => take_str(left, s),
        Value::Array(items) => {
            if depth >= MAX_DEPTH {
                return Err(LenError::TooDeep);
            }
            // Brackets and commas first: they are written whatever the items are.
            take(left, 2 + items.len().saturating_sub(1))?;
            items
                .iter()
                .try_for_each(|item| walk_value(item, left, depth + 1))
        }
        Value::Object(map) => {
            if depth >= MAX_DEPTH {
                return Err(LenError::TooDeep);
            }
            // Braces, commas and colons.
            take(left, 2 + map.len().saturating_sub(1) + map.len())?;
            map.iter().try_for_each(|(key, item)| {
                take_str(left, key)?;
                walk_value(item, left, depth + 1)
            })
        }
    }
}

fn number_len(number: &serde_json::Number) -> usize {
    if let Some(n) = number.as_u64() {
        digits_u64(n)
    } else if let Some(n) = number.as_i64() {
        1 + digits_u64(n.unsigned_abs())
    } else {
        number.as_f64().map_or(4, f64_len)
    }
}

/// Checks that `value` is a string holding JSON whose compact form is at most `max_bytes`.
///
/// The text is parsed once by serde_json without building a value, counting the compact length
/// of what it holds. Only when that count passes the limit and the text has an object with two
/// or more members (whose duplicates serde_json would merge) is it parsed again into a
/// `serde_json::Value` to count exactly.
pub fn check_json_string<T: Text + ?Sized>(value: &T, max_bytes: usize) -> Result<(), RuleError> {
    let text = value.text();
    let counted: Counted = match serde_json::from_str(text) {
        Ok(counted) => counted,
        Err(_) => return Err(json_string_error()),
    };
    if counted.len <= max_bytes {
        return Ok(());
    }
    if !counted.has_members {
        return Err(len_error(LenError::TooLarge, max_bytes));
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(parsed) => check(&parsed, max_bytes),
        Err(_) => Err(json_string_error()),
    }
}

#[cold]
fn len_error(error: LenError, max_bytes: usize) -> RuleError {
    match error {
        LenError::TooLarge => RuleError::new(
            "metadata_too_large",
            "must be at most {max_bytes} bytes of compact JSON",
        )
        .with_param("max_bytes", Param::UInt(max_bytes as u64)),
        LenError::TooDeep => RuleError::new(
            "metadata_invalid",
            "must not nest arrays and objects more than {max_depth} deep",
        )
        .with_param("max_depth", Param::UInt(MAX_DEPTH as u64)),
        LenError::Unrepresentable => {
            RuleError::new("metadata_invalid", "must be representable as JSON")
        }
    }
}

#[cold]
fn json_string_error() -> RuleError {
    RuleError::new("json_string", "must be a string holding JSON")
}

/// The length of `serde_json::to_vec(value)` when it is at most `cap` bytes.
///
/// Nothing is allocated and the work stops as soon as the count passes `cap`.
///
/// # Errors
///
/// [`LenError::TooLarge`] past `cap`, [`LenError::TooDeep`] past [`MAX_DEPTH`] nested arrays or
/// objects, [`LenError::Unrepresentable`] where serde_json would fail.
pub fn compact_len<T: Serialize + ?Sized>(value: &T, cap: usize) -> Result<usize, LenError> {
    let mut counter = Counter {
        len: 0,
        cap,
        depth: 0,
    };
    value.serialize(&mut counter)?;
    Ok(counter.len)
}

/// The bytes serde_json adds to a string's UTF-8 length when escaping each byte: 1 for `"`,
/// `\` and the control characters with a short escape, 5 for other control characters.
const ESCAPE_EXTRA: [u8; 256] = {
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

/// The bytes escaping adds to `s`.
#[inline]
fn escape_extra(s: &str) -> usize {
    s.bytes()
        .map(|b| usize::from(ESCAPE_EXTRA[usize::from(b)]))
        .sum()
}

/// The escaped length of `s` without its quotes.
#[inline]
fn escaped_len(s: &str) -> usize {
    s.len().saturating_add(escape_extra(s))
}

/// The number of decimal digits of `n`.
#[inline]
fn digits_u64(n: u64) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

#[inline]
fn digits_u128(n: u128) -> usize {
    n.checked_ilog10().map_or(1, |log| log as usize + 1)
}

/// A `fmt::Write` into a fixed buffer, for `{:e}` of a float.
struct StackBuf {
    bytes: [u8; 40],
    len: usize,
}

impl fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(fmt::Error)?;
        self.bytes
            .get_mut(self.len..end)
            .ok_or(fmt::Error)?
            .copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// The length serde_json writes for a finite float. Its formatter prints the shortest
/// round-trip digits (the same digits as `{:e}`) in fixed notation when the decimal exponent
/// is in `fixed` (`-5..=15` for `f64`, `-6..=12` for `f32`) and as `d.ddde±x` otherwise, with
/// `.0` after integers.
#[inline]
fn float_len(sci: fmt::Arguments<'_>, fixed: std::ops::RangeInclusive<i32>) -> usize {
    let mut buf = StackBuf {
        bytes: [0; 40],
        len: 0,
    };
    if fmt::Write::write_fmt(&mut buf, sci).is_err() {
        return 0;
    }
    let text = buf.bytes.get(..buf.len).unwrap_or_default();
    let (negative, text) = match text.strip_prefix(b"-") {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let e = text.iter().position(|&b| b == b'e').unwrap_or(text.len());
    let (mantissa, exponent) = text.split_at(e);
    let digits = mantissa.iter().filter(|b| b.is_ascii_digit()).count() as i32;
    let exponent = std::str::from_utf8(exponent.get(1..).unwrap_or_default())
        .ok()
        .and_then(|e| e.parse::<i32>().ok())
        .unwrap_or(0);
    let body = if fixed.contains(&exponent) {
        if digits - 1 <= exponent {
            // 1234e7 -> 12340000000.0
            exponent + 3
        } else if exponent >= 0 {
            // 1234e-2 -> 12.34
            digits + 1
        } else {
            // 1234e-6 -> 0.001234
            1 - exponent + digits
        }
    } else {
        // 1.234e+33, 1e-7
        let exponent_digits = digits_u64(u64::from(exponent.unsigned_abs())) as i32;
        digits + i32::from(digits > 1) + 2 + exponent_digits
    };
    usize::from(negative) + body.max(0) as usize
}

#[inline]
fn f64_len(value: f64) -> usize {
    if value.is_finite() {
        float_len(format_args!("{value:e}"), -5..=15)
    } else {
        4
    }
}

#[inline]
fn f32_len(value: f32) -> usize {
    if value.is_finite() {
        float_len(format_args!("{value:e}"), -6..=12)
    } else {
        4
    }
}

/// Counts what serde_json's compact serializer would write.
struct Counter {
    len: usize,
    cap: usize,
    depth: usize,
}

impl Counter {
    #[inline]
    fn add(&mut self, n: usize) -> Result<(), LenError> {
        self.len = self.len.saturating_add(n);
        if self.len > self.cap {
            Err(LenError::TooLarge)
        } else {
            Ok(())
        }
    }

    /// A quoted, escaped string. A string whose raw length already passes the limit is refused
    /// without being scanned.
    #[inline]
    fn add_str(&mut self, s: &str) -> Result<(), LenError> {
        self.add(s.len().saturating_add(2))?;
        self.add(escape_extra(s))
    }

    #[inline]
    fn enter(&mut self) -> Result<(), LenError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(LenError::TooDeep)
        } else {
            Ok(())
        }
    }

    #[inline]
    fn leave(&mut self) {
        self.depth -= 1;
    }

    /// `{"variant":` opening an externally tagged enum variant.
    #[inline]
    fn open_variant(&mut self, variant: &str) -> Result<(), LenError> {
        self.add(1)?;
        self.add_str(variant)?;
        self.add(1)
    }
}

/// `[..]`, `{..}` and the variant forms around them.
struct Compound<'a> {
    counter: &'a mut Counter,
    first: bool,
    /// Closing bytes after the bracket: 1 for the `}` of an enum variant wrapper.
    variant: bool,
}

impl Compound<'_> {
    #[inline]
    fn separator(&mut self) -> Result<(), LenError> {
        if self.first {
            self.first = false;
            Ok(())
        } else {
            self.counter.add(1)
        }
    }

    #[inline]
    fn close(self) -> Result<(), LenError> {
        self.counter.leave();
        self.counter.add(1 + usize::from(self.variant))
    }
}

impl<'a> ser::Serializer for &'a mut Counter {
    type Ok = ();
    type Error = LenError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), LenError> {
        self.add(if v { 4 } else { 5 })
    }

    fn serialize_i8(self, v: i8) -> Result<(), LenError> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result<(), LenError> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result<(), LenError> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result<(), LenError> {
        self.add(usize::from(v < 0) + digits_u64(v.unsigned_abs()))
    }

    fn serialize_i128(self, v: i128) -> Result<(), LenError> {
        self.add(usize::from(v < 0) + digits_u128(v.unsigned_abs()))
    }

    fn serialize_u8(self, v: u8) -> Result<(), LenError> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result<(), LenError> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result<(), LenError> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Result<(), LenError> {
        self.add(digits_u64(v))
    }

    fn serialize_u128(self, v: u128) -> Result<(), LenError> {
        self.add(digits_u128(v))
    }

    fn serialize_f32(self, v: f32) -> Result<(), LenError> {
        self.add(f32_len(v))
    }

    fn serialize_f64(self, v: f64) -> Result<(), LenError> {
        self.add(f64_len(v))
    }

    fn serialize_char(self, v: char) -> Result<(), LenError> {
        self.add_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), LenError> {
        self.add_str(v)
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), LenError> {
        // An array of numbers: `[1,2,3]`.
        self.add(2 + v.len().saturating_sub(1))?;
        for &b in v {
            self.add(digits_u64(u64::from(b)))?;
        }
        Ok(())
    }

    fn serialize_none(self) -> Result<(), LenError> {
        self.add(4)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), LenError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), LenError> {
        self.add(4)
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), LenError> {
        self.add(4)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), LenError> {
        self.add_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), LenError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), LenError> {
        self.enter()?;
        self.open_variant(variant)?;
        value.serialize(&mut *self)?;
        self.leave();
        self.add(1)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, LenError> {
        self.enter()?;
        self.add(1)?;
        Ok(Compound {
            counter: self,
            first: true,
            variant: false,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, LenError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a>, LenError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, LenError> {
        self.enter()?;
        self.open_variant(variant)?;
        self.add(1)?;
        Ok(Compound {
            counter: self,
            first: true,
            variant: true,
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, LenError> {
        self.enter()?;
        self.add(1)?;
        Ok(Compound {
            counter: self,
            first: true,
            variant: false,
        })
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, LenError> {
        self.serialize_map(None)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, LenError> {
        self.enter()?;
        self.open_variant(variant)?;
        self.add(1)?;
        Ok(Compound {
            counter: self,
            first: true,
            variant: true,
        })
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), LenError> {
        self.add(2)?;
        let mut writer = EscapedLen {
            counter: self,
            error: None,
        };
        match fmt::Write::write_fmt(&mut writer, format_args!("{value}")) {
            Ok(()) => Ok(()),
            Err(fmt::Error) => Err(writer.error.unwrap_or(LenError::Unrepresentable)),
        }
    }
}

/// Counts a `Display` value's escaped length as it is written, stopping past the limit.
struct EscapedLen<'a> {
    counter: &'a mut Counter,
    error: Option<LenError>,
}

impl fmt::Write for EscapedLen<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        match self.counter.add(escaped_len(s)) {
            Ok(()) => Ok(()),
            Err(error) => {
                self.error = Some(error);
                Err(fmt::Error)
            }
        }
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = LenError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), LenError> {
        self.separator()?;
        value.serialize(&mut *self.counter)
    }

    fn end(self) -> Result<(), LenError> {
        self.close()
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = LenError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), LenError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), LenError> {
        self.close()
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = LenError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), LenError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), LenError> {
        self.close()
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = LenError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), LenError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), LenError> {
        self.close()
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = LenError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), LenError> {
        self.separator()?;
        key.serialize(KeyCounter(&mut *self.counter))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), LenError> {
        self.counter.add(1)?;
        value.serialize(&mut *self.counter)
    }

    fn end(self) -> Result<(), LenError> {
        self.close()
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = LenError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), LenError> {
        self.separator()?;
        self.counter.add_str(key)?;
        self.counter.add(1)?;
        value.serialize(&mut *self.counter)
    }

    fn end(self) -> Result<(), LenError> {
        self.close()
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = LenError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), LenError> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<(), LenError> {
        self.close()
    }
}

/// Counts a map key as serde_json's `MapKeySerializer` writes it: strings as strings, numbers
/// and booleans quoted, anything else refused.
struct KeyCounter<'a>(&'a mut Counter);

impl KeyCounter<'_> {
    #[inline]
    fn quoted(self, len: usize) -> Result<(), LenError> {
        self.0.add(len + 2)
    }
}

type Impossible = ser::Impossible<(), LenError>;

impl ser::Serializer for KeyCounter<'_> {
    type Ok = ();
    type Error = LenError;
    type SerializeSeq = Impossible;
    type SerializeTuple = Impossible;
    type SerializeTupleStruct = Impossible;
    type SerializeTupleVariant = Impossible;
    type SerializeMap = Impossible;
    type SerializeStruct = Impossible;
    type SerializeStructVariant = Impossible;

    fn serialize_bool(self, v: bool) -> Result<(), LenError> {
        self.quoted(if v { 4 } else { 5 })
    }

    fn serialize_i8(self, v: i8) -> Result<(), LenError> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result<(), LenError> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result<(), LenError> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result<(), LenError> {
        self.quoted(usize::from(v < 0) + digits_u64(v.unsigned_abs()))
    }

    fn serialize_i128(self, v: i128) -> Result<(), LenError> {
        self.quoted(usize::from(v < 0) + digits_u128(v.unsigned_abs()))
    }

    fn serialize_u8(self, v: u8) -> Result<(), LenError> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result<(), LenError> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result<(), LenError> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Result<(), LenError> {
        self.quoted(digits_u64(v))
    }

    fn serialize_u128(self, v: u128) -> Result<(), LenError> {
        self.quoted(digits_u128(v))
    }

    fn serialize_f32(self, v: f32) -> Result<(), LenError> {
        if v.is_finite() {
            self.quoted(f32_len(v))
        } else {
            Err(LenError::Unrepresentable)
        }
    }

    fn serialize_f64(self, v: f64) -> Result<(), LenError> {
        if v.is_finite() {
            self.quoted(f64_len(v))
        } else {
            Err(LenError::Unrepresentable)
        }
    }

    fn serialize_char(self, v: char) -> Result<(), LenError> {
        self.0.add_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), LenError> {
        self.0.add_str(v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_none(self) -> Result<(), LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), LenError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), LenError> {
        self.0.add_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), LenError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Impossible, LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_tuple(self, _len: usize) -> Result<Impossible, LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Impossible, LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Impossible, LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Impossible, LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Impossible, LenError> {
        Err(LenError::Unrepresentable)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Impossible, LenError> {
        Err(LenError::Unrepresentable)
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), LenError> {
        ser::Serializer::collect_str(self.0, value)
    }
}

/// The compact length of a JSON text's value, counted while serde_json parses it, saturating.
/// `has_members` is set when some object has two or more members: serde_json's `Value` keeps
/// only the last of duplicate keys, so the count is then an upper bound.
struct Counted {
    len: usize,
    has_members: bool,
}

impl<'de> serde::Deserialize<'de> for Counted {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CountVisitor)
    }
}

struct CountVisitor;

impl CountVisitor {
    #[inline]
    fn leaf(len: usize) -> Counted {
        Counted {
            len,
            has_members: false,
        }
    }
}

impl<'de> serde::de::Visitor<'de> for CountVisitor {
    type Value = Counted;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Counted, E> {
        Ok(Self::leaf(if v { 4 } else { 5 }))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Counted, E> {
        Ok(Self::leaf(
            usize::from(v < 0) + digits_u64(v.unsigned_abs()),
        ))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Counted, E> {
        Ok(Self::leaf(digits_u64(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Counted, E> {
        Ok(Self::leaf(f64_len(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Counted, E> {
        Ok(Self::leaf(escaped_len(v).saturating_add(2)))
    }

    fn visit_unit<E>(self) -> Result<Counted, E> {
        Ok(Self::leaf(4))
    }

    fn visit_none<E>(self) -> Result<Counted, E> {
        Ok(Self::leaf(4))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Counted, A::Error> {
        let mut total = Counted {
            len: 2,
            has_members: false,
        };
        let mut first = true;
        while let Some(item) = seq.next_element::<Counted>()? {
            let comma = usize::from(!std::mem::take(&mut first));
            total.len = total.len.saturating_add(item.len).saturating_add(comma);
            total.has_members |= item.has_members;
        }
        Ok(total)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Counted, A::Error> {
        let mut total = Counted {
            len: 2,
            has_members: false,
        };
        let mut members = 0usize;
        while let Some((key, value)) = map.next_entry::<Counted, Counted>()? {
            let comma = usize::from(members > 0);
            members += 1;
            total.len = total
                .len
                .saturating_add(key.len)
                .saturating_add(1)
                .saturating_add(value.len)
                .saturating_add(comma);
            total.has_members |= value.has_members;
        }
        total.has_members |= members >= 2;
        Ok(total)
    }
}
