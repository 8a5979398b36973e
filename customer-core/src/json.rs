//! Reading JSON into models with errors that carry a JSON Pointer and never the value.
//!
//! # Every violation at once
//!
//! A document is read by serde straight into the model: on valid input nothing else happens and
//! nothing is built on the side. serde stops at the first wrong value, so when that read fails
//! with a shape error (not a syntax error), the document is read a second time into a tree and
//! walked against the model's [`Shape`]: every wrong JSON type (`invalid_type`), missing field
//! (`missing_field`), unknown field of a struct that denies them (`unknown_field`), repeated
//! field (`duplicate_field`) and value that a parsed newtype or a field-less enum refuses is
//! reported, each at its pointer in wire names, in document order. [`Valid::from_json`] and
//! [`Api::decode`](crate::providers::Api::decode) also run the rules of every field that did
//! read, so one report holds the shape errors and the rule violations together.
//!
//! serde's own messages quote the offending value (`invalid type: string "jo@x", expected ...`)
//! and name Rust types. Where serde's error is kept (a type whose shape is not known), it is
//! rewritten into a value-free message with a stable code before anyone sees it.
//!
//! # Objects only where a struct is expected
//!
//! serde's derived `Deserialize` for a struct also reads a JSON *array*, its fields by position
//! (serde_json's `deserialize_struct` hands `[` to the visitor's `visit_seq`), so `[]` would be
//! a struct of defaults. [`from_str`], [`from_slice`] and [`from_value`] read through an adapter
//! that asks the format for a map wherever a struct (or a struct variant) is expected, at every
//! depth; an array there is the `invalid_type` violation "must be an object" at its pointer.
//! Tuples, tuple structs and sequences still read arrays.
//!
//! The adapter cannot reach values that serde buffers before it knows their type: the fields of
//! a `#[serde(flatten)]` struct, and the contents of untagged, internally or adjacently tagged
//! enums, are read by serde's own private deserializer, which still takes an array for a nested
//! struct there.
//!
//! [`Valid::from_json`]: crate::Valid::from_json

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use crate::error::{Error, Param, RuleError, ValidationErrors, Violation};
pub use crate::shape::Shape;

/// Reads `json` into `T`: a syntax error becomes [`Error::Syntax`] (one violation at pointer
/// `""` naming the line and column), a document of the wrong shape [`Error::Invalid`] with every
/// shape error at its pointer, in document order. Does not run the rules.
///
/// A document is read once without tracking where the reader is; only when that fails is it
/// read again, for the pointers of everything wrong with it. Valid documents pay nothing for
/// the pointers.
pub fn from_str<'a, T: serde::Deserialize<'a> + Shape>(json: &'a str) -> Result<T, Error> {
    read_str(json, false)
}

/// As [`from_str`], from bytes; bytes that are not UTF-8 are a syntax error.
pub fn from_slice<T: serde::de::DeserializeOwned + Shape>(json: &[u8]) -> Result<T, Error> {
    read_slice(json, false)
}

/// Reads a `serde_json::Value` into `T`, with the same error treatment as [`from_str`] (the
/// members of an object come in the order the `Value` keeps them).
pub fn from_value<T: serde::de::DeserializeOwned + Shape>(
    value: serde_json::Value,
) -> Result<T, Error> {
    match read_value::<T>(value.clone()) {
        Ok(read) => Ok(read),
        Err(first @ Error::Invalid(_)) => match serde_json::to_vec(&value) {
            Ok(bytes) => Err(crate::shape::second_read::<T>(&bytes, first, false, None)),
            Err(_) => Err(first),
        },
        Err(other) => Err(other),
    }
}

/// Reads `json` into `T`; when that fails with a shape error, reads it again to report every
/// violation, with the rules of the parts that read when `rules` is set.
#[inline]
pub(crate) fn read_str<'a, T: serde::Deserialize<'a> + Shape>(
    json: &'a str,
    rules: bool,
) -> Result<T, Error> {
    read_str_with(json, rules, None)
}

/// As [`read_str`], the second read running the rules that read a context with `context` (the
/// caller's context, type-erased: see [`crate::reread`]).
#[inline]
pub(crate) fn read_str_with<'a, T: serde::Deserialize<'a> + Shape>(
    json: &'a str,
    rules: bool,
    context: Option<&dyn std::any::Any>,
) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    if let Ok(value) = untracked(&mut de) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    match finish(serde_path_to_error::deserialize(Strict(&mut de)), de) {
        Err(first @ (Error::Invalid(_) | Error::Syntax(_))) => {
            Err(again::<T>(json.as_bytes(), first, rules, context))
        }
        other => other,
    }
}

/// As [`read_str`], from bytes.
#[inline]
pub(crate) fn read_slice<T: serde::de::DeserializeOwned + Shape>(
    json: &[u8],
    rules: bool,
) -> Result<T, Error> {
    read_slice_with(json, rules, None)
}

/// As [`read_str_with`], from bytes.
#[inline]
pub(crate) fn read_slice_with<T: serde::de::DeserializeOwned + Shape>(
    json: &[u8],
    rules: bool,
    context: Option<&dyn std::any::Any>,
) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(json);
    if let Ok(value) = untracked(&mut de) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(json);
    match finish(serde_path_to_error::deserialize(Strict(&mut de)), de) {
        Err(first @ (Error::Invalid(_) | Error::Syntax(_))) => {
            Err(again::<T>(json, first, rules, context))
        }
        other => other,
    }
}

/// The second read, out of the way of the first. A syntax error stays what it is when the text
/// is not JSON (the second read cannot parse it either); serde_json also reports some refusals
/// of well-formed JSON that way (an array longer than a tuple, an enum's object of two members),
/// and those are read again like any other.
#[cold]
#[inline(never)]
fn again<T: Shape>(
    json: &[u8],
    first: Error,
    rules: bool,
    context: Option<&dyn std::any::Any>,
) -> Error {
    crate::shape::second_read::<T>(json, first, rules, context)
}

/// Reads `T` from any deserializer through [`Strict`], as [`from_str`] reads it (without the
/// path): for readers that wrap serde_json's deserializer in an adapter of their own
/// (`Api::check` records the top-level member names that way).
pub(crate) fn read_strict<'de, T, D>(deserializer: D) -> Result<T, D::Error>
where
    T: serde::Deserialize<'de>,
    D: Deserializer<'de>,
{
    T::deserialize(Strict(deserializer))
}

/// The whole document into `T`, through [`Strict`] but without tracking the path: what it
/// accepts is exactly what the tracked reading accepts.
fn untracked<'de, T, R>(de: &mut serde_json::Deserializer<R>) -> Result<T, serde_json::Error>
where
    T: serde::Deserialize<'de>,
    R: serde_json::de::Read<'de>,
{
    let value = T::deserialize(Strict(&mut *de))?;
    de.end()?;
    Ok(value)
}

/// Reads a `serde_json::Value` into `T` through serde alone: the first error only.
pub(crate) fn read_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, Error> {
    serde_path_to_error::deserialize(Strict(value)).map_err(convert)
}

fn finish<'de, T, R: serde_json::de::Read<'de>>(
    result: Result<T, serde_path_to_error::Error<serde_json::Error>>,
    mut de: serde_json::Deserializer<R>,
) -> Result<T, Error> {
    let value = result.map_err(convert)?;
    de.end().map_err(|e| syntax(&e))?;
    Ok(value)
}

/// Turns a serde_json error (with the path where it happened) into a value-free [`Error`].
pub(crate) fn convert(error: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let mut pointer = String::new();
    for segment in error.path().iter() {
        use serde_path_to_error::Segment;
        match segment {
            Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Segment::Map { key } => crate::error::push_key(&mut pointer, key),
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    let inner = error.into_inner();
    if !inner.is_data() {
        return syntax(&inner);
    }
    let full = inner.to_string();
    let text = strip_position(&full);
    let (extra_key, rule) = describe(text);
    if let Some(key) = extra_key {
        // serde_path_to_error already names the key of an unknown or duplicate field, not the
        // key of a missing one.
        let mut segment = String::new();
        crate::error::push_key(&mut segment, &key);
        if !pointer.ends_with(&segment) {
            pointer.push_str(&segment);
        }
    }
    Error::Invalid(ValidationErrors::from(Violation::new(pointer, rule)))
}

fn syntax(error: &serde_json::Error) -> Error {
    let what = match error.classify() {
        serde_json::error::Category::Eof => "the document ends too early",
        serde_json::error::Category::Io => "the document could not be read",
        _ => "malformed JSON",
    };
    let rule = RuleError::new("malformed_json", "{what} at line {line} column {column}")
        .with_param("what", Param::Str(Cow::Borrowed(what)))
        .with_param("line", Param::UInt(error.line() as u64))
        .with_param("column", Param::UInt(error.column() as u64));
    Error::Syntax(ValidationErrors::from(Violation::new(String::new(), rule)))
}

fn strip_position(text: &str) -> &str {
    match text.rfind(" at line ") {
        Some(at) if text[at..].contains(" column ") => &text[..at],
        _ => text,
    }
}

fn between<'t>(text: &'t str, open: &str, close: char) -> Option<&'t str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// Maps serde's message formats to a code and a message without the value. A member name that
/// the message mentions (missing or unknown field) is returned to extend the pointer.
fn describe(text: &str) -> (Option<String>, RuleError) {
    if let Some(rest) = text.strip_prefix("missing field ") {
        let key = rest.trim_matches('`').to_owned();
        return (Some(key), RuleError::new("missing_field", "is required"));
    }
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let key = between(rest, "`", '`').map(str::to_owned);
        return (
            key,
            RuleError::new("unknown_field", "is not a field of this object"),
        );
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        let key = between(rest, "`", '`').map(str::to_owned);
        return (
            key,
            RuleError::new("duplicate_field", "appears more than once"),
        );
    }
    if text.starts_with("unknown variant ") {
        let expected = text
            .rsplit_once(", expected ")
            .map(|(_, e)| e.to_owned())
            .unwrap_or_else(|| "no variant".to_owned());
        return (
            None,
            RuleError::new("one_of", "must be {expected}")
                .with_param("expected", Param::Str(Cow::Owned(expected))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .rsplit_once(", expected ")
            .unwrap_or((rest, "another type"));
        return (
            None,
            expected_rule("invalid_type", expected, json_kind(found)),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .rsplit_once(", expected ")
            .unwrap_or((rest, "another value"));
        let kind = json_kind(found);
        if let Some((min, max)) = int_range(expected) {
            return (None, whole_number("range", min, max, kind));
        }
        return (
            None,
            RuleError::new("invalid_value", "is not a valid value")
                .with_param("found", Param::Str(Cow::Borrowed(kind))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let expected = rest.rsplit_once(", expected ").map_or("", |(_, e)| e);
        let count = expected
            .split(|c: char| !c.is_ascii_digit())
            .find(|part| !part.is_empty())
            .and_then(|digits| digits.parse::<u64>().ok());
        let rule = match count {
            Some(length) => {
                RuleError::new("invalid_length", "must be an array of {length} elements")
                    .with_param("length", Param::UInt(length))
            }
            None => RuleError::new("invalid_length", "has the wrong number of elements"),
        };
        return (None, rule);
    }
    if text.starts_with("number out of range") {
        return (None, RuleError::new("range", "is out of range"));
    }
    if let Some((message, code)) = crate::__private::parse_de_message(text) {
        // Written by a derived newtype's `Deserialize`: our own value-free message.
        return (None, RuleError::new(code.to_owned(), message.to_owned()));
    }
    // A custom message from a Deserialize impl we do not know: it may quote the value.
    (
        None,
        RuleError::new("invalid_value", "is not a valid value"),
    )
}

/// The violation of a value that is not what serde's `expected` text asks for, in JSON terms:
/// serde's text names Rust types (`struct Address`, `u8`, `a sequence`), the message does not.
fn expected_rule(code: &'static str, expected: &str, found: &'static str) -> RuleError {
    if let Some((min, max)) = int_range(expected) {
        return whole_number(code, min, max, found);
    }
    let e = expected.trim_start_matches("a ").trim_start_matches("an ");
    let (name, message) = if e.starts_with("struct") || e.starts_with("map") || e == "object" {
        ("object", "must be an object")
    } else if e.starts_with("sequence") || e.starts_with("tuple") || e.starts_with("array") {
        ("array", "must be an array")
    } else if e.contains("string") || e == "character" || e == "char" {
        ("string", "must be a string")
    } else if e == "boolean" || e == "bool" {
        ("boolean", "must be true or false")
    } else if e == "f32" || e == "f64" || e.contains("number") || e.contains("float") {
        ("number", "must be a number")
    } else if e == "unit" || e == "null" {
        ("null", "must be null")
    } else {
        ("another type", "has the wrong type")
    };
    RuleError::new(code, message)
        .with_param("expected", Param::Str(Cow::Borrowed(name)))
        .with_param("found", Param::Str(Cow::Borrowed(found)))
}

/// The bounds of serde's name for an integer type (`u8`, `i64`, ...).
fn int_range(expected: &str) -> Option<(i128, i128)> {
    Some(match expected {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "u128" | "usize" => (0, u64::MAX.into()),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" | "i128" | "isize" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    })
}

fn whole_number(code: &'static str, min: i128, max: i128, found: &'static str) -> RuleError {
    RuleError::new(code, "must be a whole number from {min} to {max}")
        .with_param("expected", Param::Str(Cow::Borrowed("integer")))
        .with_param("found", Param::Str(Cow::Borrowed(found)))
        .with_param("min", Param::Str(Cow::Owned(min.to_string())))
        .with_param("max", Param::Str(Cow::Owned(max.to_string())))
}

fn json_kind(unexpected: &str) -> &'static str {
    let starts = |p: &str| unexpected.starts_with(p);
    if starts("string") || starts("character") {
        "string"
    } else if starts("integer") || starts("floating point") {
        "number"
    } else if starts("boolean") {
        "boolean"
    } else if starts("sequence") {
        "array"
    } else if starts("map") {
        "object"
    } else if starts("null") || starts("unit") || starts("Option") {
        "null"
    } else {
        "other"
    }
}

// ---------------------------------------------------------------------------------------------
// The adapter: structs from objects only, at every depth.
//
// `Strict` forwards every request to the format, except that a struct is asked for as a map.
// Its visitors, access objects and seeds wrap whatever they hand on, so every nested value is
// read through `Strict` too. All wrappers are plain values around the wrapped one: nothing is
// allocated. Every method is `#[inline]`: without it, `customer-model check` took about 2.5%
// longer than without the adapter; with it, the same time.

/// A [`Deserializer`] that reads a struct only from a map (a JSON object), at every depth.
struct Strict<D>(D);

/// Forwards `deserialize_*` methods that take only a visitor.
macro_rules! forward_deserialize {
    ($($method:ident)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(StrictVisitor::new(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier
    }

    /// The second change: a value that is skipped (an unknown field) is read as any value, so
    /// the format's nesting limit applies to it too. serde_json skips ignored values in a loop
    /// with no depth limit: a 200,000-deep array under an unknown key would otherwise pass.
    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_unit_struct(name, StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_newtype_struct(name, StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_tuple_struct(name, len, StrictVisitor::new(visitor))
    }

    /// The one change: a struct is asked for as a map, so the format refuses an array with
    /// "invalid type: sequence, expected struct X" before reading any of it.
    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_enum(name, variants, StrictVisitor::new(visitor))
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A [`Visitor`] that hands on [`Strict`] deserializers and wrapped access objects. With
/// `MAP_ONLY` (a struct variant, which `VariantAccess` cannot ask for as a map) it also refuses
/// a sequence itself; a constant, so that the wrapper is no bigger than the visitor it wraps.
struct StrictVisitor<V, const MAP_ONLY: bool = false>(V);

impl<V> StrictVisitor<V> {
    #[inline]
    fn new(visitor: V) -> Self {
        StrictVisitor(visitor)
    }
}

impl<V> StrictVisitor<V, true> {
    #[inline]
    fn map_only(visitor: V) -> Self {
        StrictVisitor(visitor)
    }
}

/// Forwards `visit_*` methods that take a plain value.
macro_rules! forward_visit {
    ($($method:ident($ty:ty))*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.0.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>, const MAP_ONLY: bool> Visitor<'de> for StrictVisitor<V, MAP_ONLY> {
    type Value = V::Value;

    #[inline]
    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visit! {
        visit_bool(bool)
        visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64) visit_i128(i128)
        visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64) visit_u128(u128)
        visit_f32(f32) visit_f64(f64) visit_char(char)
        visit_str(&str) visit_borrowed_str(&'de str) visit_string(String)
        visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(Strict(deserializer))
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(deserializer))
    }

    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if MAP_ONLY {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        self.0.visit_seq(StrictSeq(seq))
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(StrictMap(map))
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(StrictEnum(data))
    }
}

/// A [`DeserializeSeed`] that deserializes from a [`Strict`] deserializer.
struct StrictSeed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(deserializer))
    }
}

/// A [`de::SeqAccess`] whose elements are read through [`Strict`].
struct StrictSeq<A>(A);

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for StrictSeq<A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(StrictSeed(seed))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A [`de::MapAccess`] whose keys and values are read through [`Strict`].
struct StrictMap<A>(A);

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for StrictMap<A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.0.next_key_seed(StrictSeed(seed))
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.0.next_value_seed(StrictSeed(seed))
    }

    #[inline]
    fn next_entry_seed<K: DeserializeSeed<'de>, T: DeserializeSeed<'de>>(
        &mut self,
        kseed: K,
        vseed: T,
    ) -> Result<Option<(K::Value, T::Value)>, A::Error> {
        self.0.next_entry_seed(StrictSeed(kseed), StrictSeed(vseed))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A [`de::EnumAccess`] whose variant name and content are read through [`Strict`].
struct StrictEnum<A>(A);

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for StrictEnum<A> {
    type Error = A::Error;
    type Variant = StrictVariant<A::Variant>;

    #[inline]
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(StrictSeed(seed))?;
        Ok((value, StrictVariant(variant)))
    }
}

/// A [`de::VariantAccess`] whose content is read through [`Strict`]; a struct variant takes
/// a map only.
struct StrictVariant<A>(A);

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for StrictVariant<A> {
    type Error = A::Error;

    #[inline]
    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(StrictSeed(seed))
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, StrictVisitor::new(visitor))
    }

    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0
            .struct_variant(fields, StrictVisitor::map_only(visitor))
    }
}
