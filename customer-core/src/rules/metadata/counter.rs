//! The counting `serde::Serializer`: every value is measured as serde_json would write it, and
//! the count stops as soon as it passes the cap.

use std::fmt;

use serde::ser::{self, Serialize};

use super::keys::KeyCounter;
use super::lengths::{digits_u128, digits_u64, escape_extra, escaped_len, f32_len, f64_len};
use super::{LenError, DEPTH_LIMIT};

/// Counts what serde_json's compact serializer would write.
pub(super) struct Counter {
    /// The bytes counted so far.
    pub(super) len: usize,
    /// The count past which counting stops.
    pub(super) cap: usize,
    /// How many arrays and objects are open.
    pub(super) depth: usize,
}

impl Counter {
    #[inline]
    pub(super) fn add(&mut self, n: usize) -> Result<(), LenError> {
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
    pub(super) fn add_str(&mut self, s: &str) -> Result<(), LenError> {
        self.add(s.len().saturating_add(2))?;
        self.add(escape_extra(s))
    }

    #[inline]
    fn enter(&mut self) -> Result<(), LenError> {
        self.depth += 1;
        if self.depth > DEPTH_LIMIT {
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
pub(super) struct Compound<'a> {
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
pub(super) struct EscapedLen<'a> {
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
