//! Map keys, counted as serde_json's key serializer writes them: strings as they are, numbers
//! and booleans quoted, anything else refused.

use std::fmt;

use serde::ser::{self, Serialize};

use super::counter::Counter;
use super::lengths::{digits_u128, digits_u64, f32_len, f64_len};
use super::LenError;

/// Counts a map key as serde_json's `MapKeySerializer` writes it: strings as strings, numbers
/// and booleans quoted, anything else refused.
pub(super) struct KeyCounter<'a>(pub(super) &'a mut Counter);

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
