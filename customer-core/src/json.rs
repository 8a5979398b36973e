//! Reading JSON into models with errors that carry a JSON Pointer and never the value.
//!
//! serde's own messages quote the offending value (`invalid type: string "jo@x", expected ...`).
//! They are rewritten here into value-free messages with stable codes before anyone sees them.
//!
//! # Objects only where a struct is expected
//!
//! serde's derived `Deserialize` for a struct also reads a JSON *array*, its fields by position
//! (serde_json's `deserialize_struct` hands `[` to the visitor's `visit_seq`), so `[]` would be
//! a struct of defaults. [`from_str`], [`from_slice`] and [`from_value`] read through an adapter
//! that asks the format for a map wherever a struct (or a struct variant) is expected, at every
//! depth; an array there is the `invalid_type` violation "must be an object (struct X), not an
//! array" at its pointer. Tuples, tuple structs and sequences still read arrays.
//!
//! The adapter cannot reach values that serde buffers before it knows their type: the fields of
//! a `#[serde(flatten)]` struct, and the contents of untagged, internally or adjacently tagged
//! enums, are read by serde's own private deserializer, which still takes an array for a nested
//! struct there.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use crate::error::{Error, Param, RuleError, ValidationErrors, Violation};

/// Reads `json` into `T`: a syntax error becomes [`Error::Syntax`] at pointer `""`, a shape
/// error [`Error::Invalid`] at the pointer of the offending value. Does not run the rules.
///
/// A document is read once without tracking where the reader is; only when that fails is it
/// read again with the path tracked, for the pointer of the error. Valid documents pay nothing
/// for the pointers.
pub fn from_str<'a, T: serde::Deserialize<'a>>(json: &'a str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    if let Ok(value) = untracked(&mut de) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_str(json);
    finish(serde_path_to_error::deserialize(Strict(&mut de)), de)
}

/// As [`from_str`], from bytes; bytes that are not UTF-8 are a syntax error.
pub fn from_slice<T: serde::de::DeserializeOwned>(json: &[u8]) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(json);
    if let Ok(value) = untracked(&mut de) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(json);
    finish(serde_path_to_error::deserialize(Strict(&mut de)), de)
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

/// Reads a `serde_json::Value` into `T`, with the same error treatment as [`from_str`].
pub fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
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
        return (Some(key), RuleError::new("required", "is required"));
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
        // serde's text for a struct (`struct Address`, `struct variant Kind::Company`) names
        // a Rust type; say first what it is in JSON.
        let message = if expected.starts_with("struct ") {
            "must be an object ({expected}), not {found}"
        } else {
            "must be {expected}, not {found}"
        };
        return (
            None,
            RuleError::new("invalid_type", message)
                .with_param("expected", Param::Str(Cow::Owned(expected.to_owned())))
                .with_param("found", Param::Str(Cow::Borrowed(json_kind(found)))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        let expected = rest
            .rsplit_once(", expected ")
            .map_or("another value", |(_, e)| e);
        return (
            None,
            RuleError::new("invalid_value", "must be {expected}")
                .with_param("expected", Param::Str(Cow::Owned(expected.to_owned()))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let expected = rest
            .rsplit_once(", expected ")
            .map_or("another length", |(_, e)| e);
        return (
            None,
            RuleError::new("invalid_length", "must have {expected}")
                .with_param("expected", Param::Str(Cow::Owned(expected.to_owned()))),
        );
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

fn json_kind(unexpected: &str) -> &'static str {
    let starts = |p: &str| unexpected.starts_with(p);
    if starts("string") || starts("character") {
        "a string"
    } else if starts("integer") || starts("floating point") {
        "a number"
    } else if starts("boolean") {
        "a boolean"
    } else if starts("sequence") {
        "an array"
    } else if starts("map") {
        "an object"
    } else if starts("null") || starts("unit") || starts("Option") {
        "null"
    } else {
        "another type"
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
