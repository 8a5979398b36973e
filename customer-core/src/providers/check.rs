//! [`Api::check`]: a document validated by an API's rules in one reading, without building a
//! [`Customer`].
//!
//! [`Api::decode`] tells a document's shape from its top-level member names (a first scan of
//! the whole document), then reads it into the shape's model. `check` reads it once: the
//! decoder tells the shape from *guessed* answers to its questions ("is there a `data` key?"),
//! the document is read into that shape's model while an adapter notes which of the asked keys
//! go by, and the guess is then compared with what was seen. When every answer was right, the
//! shape is the one the scan would have told, and the result stands. When one was wrong, or the
//! reading failed (the error of a wrong shape would be the wrong error), the document is
//! decoded the two-pass way, and its keys become the next guess.
//!
//! The guesses are kept per thread: the answers of the previous document (the documents of one
//! file usually share a shape), starting from "no such key".
//!
//! [`Customer`]: crate::Customer

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

use super::provider::{dispatch, dispatch_table};
use super::{Api, Document};
use crate::error::ValidationErrors;
use crate::{CustomerModel, Error};

/// What a decoder gives when only the verdict is wanted: the model it read and validated is
/// dropped where a [`Customer`](crate::Customer) would be built from it.
pub(super) struct Checked;

impl<T: CustomerModel> From<T> for Checked {
    fn from(_: T) -> Self {
        Checked
    }
}

/// At most this many distinct keys are remembered as questions (one bit each).
const MAX_QUESTIONS: usize = 64;

thread_local! {
    /// The keys decoders asked about, each with whether the last document had it.
    static ANSWERS: RefCell<Vec<(String, bool)>> = const { RefCell::new(Vec::new()) };
}

impl Api {
    /// Validates a document by this API's rules, as [`Api::decode`] does, and builds nothing
    /// from it: `Ok(())` when [`Api::decode`] would succeed, otherwise the same error.
    ///
    /// The document is read once: its shape is told from the previous document's (on this
    /// thread) and confirmed by the member names seen while it is read; only when the shape
    /// differs, or the document does not read, is it read again the way [`Api::decode`] reads
    /// it, for the right shape and every violation in it.
    ///
    /// ```
    /// use customer_core::providers::Api;
    ///
    /// assert!(Api::Paddle.check(r#"{"email": "jo@example.com", "locale": "nl-NL"}"#).is_ok());
    /// let error = Api::Paddle.check(r#"{"email": "jo at example.com"}"#).unwrap_err();
    /// assert_eq!(error.violations().iter().next().map(|v| v.pointer()), Some("/email"));
    /// ```
    pub fn check(&self, json: &str) -> Result<(), Error> {
        self.check_keys(json, false).map(drop)
    }

    /// [`Api::check`], and the top-level member names of the document that this API's model
    /// of its shape does not know, in document order: keys the API ignores (Mollie, Tazapay
    /// and Legit read on past an unknown key; Paddle's create request refuses one). A document
    /// of the wrong API often reads with every key ignored; one with none of the API's fields is
    /// refused (`not_this_api`).
    ///
    /// ```
    /// use customer_core::providers::Api;
    ///
    /// let ignored = Api::Mollie.check_ignored(r#"{"name": "Jo", "nickname": "jo"}"#).unwrap();
    /// assert_eq!(ignored, ["nickname"]);
    /// let refused = Api::Mollie.check_ignored(r#"{"foo": 1}"#).unwrap_err();
    /// assert_eq!(refused.violations().iter().next().map(|v| v.code()), Some("not_this_api"));
    /// ```
    pub fn check_ignored(&self, json: &str) -> Result<Vec<String>, Error> {
        self.check_keys(json, true)
    }

    /// `check`, and the ignored keys when `names` (only when there are any: naming them takes
    /// a second reading of the document's keys).
    fn check_keys(&self, json: &str, names: bool) -> Result<Vec<String>, Error> {
        let text = dispatch!(self, P => P::text(json))?;
        let json: &str = &text;
        let answers = ANSWERS.with(|answers| std::mem::take(&mut *answers.borrow_mut()));
        let guess = Guess {
            answers: RefCell::new(answers),
            asked: Cell::new(0),
            seen: Cell::new(0),
            read: Cell::new(false),
            unchecked: Cell::new(false),
            cursor: Cell::new(0),
            known: Cell::new(false),
            ignored: Cell::new(false),
        };
        let document = Document {
            json,
            keys: Vec::new(),
            guess: Some(&guess),
            api: *self,
            empty_is_fine: false,
            fields: Cell::new(None),
        };
        let result = self.decode_checked(&document);
        let read_fields = document.fields.get();
        drop(document);
        let mut answers = guess.answers.into_inner();
        let (asked, seen) = (guess.asked.get(), guess.seen.get());
        let right = guess.read.get()
            && !guess.unchecked.get()
            && (0..answers.len())
                .filter(|i| asked & (1 << i) != 0)
                .all(|i| answers[i].1 == (seen & (1 << i) != 0));
        let result = if right {
            result.and_then(|()| {
                if names && guess.ignored.get() {
                    // Rare: the names are read again, with the shape's own fields.
                    let mut again = Document::read(json, *self)?;
                    again.fields = Cell::new(read_fields);
                    Ok(again.ignored_keys())
                } else {
                    Ok(Vec::new())
                }
            })
        } else {
            // The two-pass way; its keys answer the questions next time.
            Document::read(json, *self).and_then(|document| {
                for (key, answer) in &mut answers {
                    *answer = document.keys.iter().any(|k| k == key.as_str());
                }
                self.decode_checked(&document)?;
                Ok(if names {
                    document.ignored_keys()
                } else {
                    Vec::new()
                })
            })
        };
        ANSWERS.with(|slot| *slot.borrow_mut() = answers);
        result.map_err(crate::json::cap)
    }

    fn decode_checked(&self, document: &Document<'_>) -> Result<(), Error> {
        dispatch!(self, P => P::check(document))
    }
}

/// The guessed answers of one [`Api::check`], and what its reading saw.
pub(crate) struct Guess {
    /// Keys asked about (by this or earlier documents), with the answer assumed.
    answers: RefCell<Vec<(String, bool)>>,
    /// Bit `i`: `answers[i]` was asked for this document.
    asked: Cell<u64>,
    /// Bit `i`: the key of `answers[i]` is a top-level member of this document.
    seen: Cell<u64>,
    /// The document was read into a model (so every top-level member went by).
    read: Cell<bool>,
    /// A question was answered that cannot be checked.
    unchecked: Cell<bool>,
    /// Where the next question is looked for first.
    cursor: Cell<usize>,
    /// A top-level member name is one of the model's fields.
    known: Cell<bool>,
    /// A top-level member name is not one of the model's fields (serde skipped it).
    ignored: Cell<bool>,
}

impl Guess {
    /// A top-level member name of the document read was one of the model's fields.
    pub(crate) fn known_key_seen(&self) -> bool {
        self.known.get()
    }

    /// The guessed answer to "does the top-level object have `key`?".
    pub(crate) fn has(&self, key: &str) -> bool {
        let mut answers = self.answers.borrow_mut();
        // Decoders ask in the same order each time: the next question is most likely the one
        // after the last one asked.
        let next = self.cursor.get();
        let found = match answers.get(next) {
            Some((k, _)) if k == key => Some(next),
            _ => answers.iter().position(|(k, _)| k == key),
        };
        let at = match found {
            Some(at) => at,
            None if answers.len() == MAX_QUESTIONS => {
                // No bit left to check the answer by: this document is read the two-pass way.
                self.unchecked.set(true);
                return false;
            }
            None => {
                answers.push((key.to_owned(), false));
                answers.len() - 1
            }
        };
        self.asked.set(self.asked.get() | (1 << at));
        self.cursor.set(at + 1);
        answers[at].1
    }

    /// Reads `json` into `T` as `json::from_str` does, noting the asked keys that go by. A
    /// failed reading is an error whose content does not matter: the document is then read
    /// again the two-pass way.
    /// `fields`: the model's member names, for [`Guess::known_key_seen`] and the ignored keys.
    pub(crate) fn read<'de, T: serde::Deserialize<'de>>(
        &self,
        json: &'de str,
        fields: Option<&'static [&'static str]>,
    ) -> Result<T, Error> {
        let answers = self.answers.borrow();
        let mut de = serde_json::Deserializer::from_str(json);
        let recorder = TopLevel {
            inner: &mut de,
            note: Note {
                keys: &answers,
                seen: &self.seen,
                fields: fields.unwrap_or_default(),
                known: &self.known,
                ignored: &self.ignored,
            },
        };
        let (value, suspicious): (Result<T, _>, _) = crate::json::read_strict(recorder);
        match value.and_then(|value| de.end().map(|()| value)) {
            // An integer literal beyond 64 bits: the two-pass read reports it.
            Ok(_) if suspicious && crate::json::exact::has_big_integer(json.as_bytes()) => {
                Err(Error::Syntax(ValidationErrors::new()))
            }
            Ok(value) => {
                self.read.set(true);
                Ok(value)
            }
            Err(_) => Err(Error::Syntax(ValidationErrors::new())),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The adapter: serde_json's deserializer, with the top-level member names noted as they go by.

/// Notes the member names that are among the asked keys, and whether any is, or is not, one of
/// the model's fields.
#[derive(Clone, Copy)]
struct Note<'g> {
    keys: &'g [(String, bool)],
    seen: &'g Cell<u64>,
    fields: &'static [&'static str],
    known: &'g Cell<bool>,
    ignored: &'g Cell<bool>,
}

impl Note<'_> {
    fn key(self, name: &str) {
        if let Some(at) = self.keys.iter().position(|(k, _)| k == name) {
            self.seen.set(self.seen.get() | (1 << at));
        }
        if self.fields.contains(&name) {
            self.known.set(true);
        } else {
            self.ignored.set(true);
        }
    }
}

/// The top-level deserializer: an object read through it has its member names noted.
struct TopLevel<'g, D> {
    inner: D,
    note: Note<'g>,
}

/// Forwards `deserialize_*` methods that take only a visitor, wrapping the visitor.
macro_rules! forward_wrapped {
    ($wrap:ident; $($method:ident)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.inner.$method($wrap { inner: visitor, note: self.note })
        }
    )*};
}

/// The `deserialize_*` methods with extra arguments, wrapping the visitor.
macro_rules! forward_wrapped_rest {
    ($wrap:ident) => {
        #[inline]
        fn deserialize_unit_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.inner.deserialize_unit_struct(
                name,
                $wrap {
                    inner: visitor,
                    note: self.note,
                },
            )
        }

        #[inline]
        fn deserialize_newtype_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.inner.deserialize_newtype_struct(
                name,
                $wrap {
                    inner: visitor,
                    note: self.note,
                },
            )
        }

        #[inline]
        fn deserialize_tuple<V: Visitor<'de>>(
            self,
            len: usize,
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.inner.deserialize_tuple(
                len,
                $wrap {
                    inner: visitor,
                    note: self.note,
                },
            )
        }

        #[inline]
        fn deserialize_tuple_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            len: usize,
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.inner.deserialize_tuple_struct(
                name,
                len,
                $wrap {
                    inner: visitor,
                    note: self.note,
                },
            )
        }

        #[inline]
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            name: &'static str,
            fields: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.inner.deserialize_struct(
                name,
                fields,
                $wrap {
                    inner: visitor,
                    note: self.note,
                },
            )
        }

        #[inline]
        fn deserialize_enum<V: Visitor<'de>>(
            self,
            name: &'static str,
            variants: &'static [&'static str],
            visitor: V,
        ) -> Result<V::Value, Self::Error> {
            self.inner.deserialize_enum(
                name,
                variants,
                $wrap {
                    inner: visitor,
                    note: self.note,
                },
            )
        }

        #[inline]
        fn is_human_readable(&self) -> bool {
            self.inner.is_human_readable()
        }
    };
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for TopLevel<'_, D> {
    type Error = D::Error;

    forward_wrapped! { TopVisitor;
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier deserialize_ignored_any
    }
    forward_wrapped_rest!(TopVisitor);
}

/// The top-level visitor: hands on an object's access with its member names noted. Any other
/// top level is refused (with the wrapped visitor's expectation): the reading then fails and
/// the document is read the two-pass way, which gives the right error.
struct TopVisitor<'g, V> {
    inner: V,
    note: Note<'g>,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for TopVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(TopMap {
            inner: map,
            note: self.note,
        })
    }
}

/// The top-level object's access: each key is read through [`KeySeed`].
struct TopMap<'g, A> {
    inner: A,
    note: Note<'g>,
}

impl<'de, A: de::MapAccess<'de>> de::MapAccess<'de> for TopMap<'_, A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.inner.next_key_seed(KeySeed {
            inner: seed,
            note: self.note,
        })
    }

    #[inline]
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// A member name's seed: the name is read through [`KeyDeserializer`].
struct KeySeed<'g, K> {
    inner: K,
    note: Note<'g>,
}

impl<'de, K: DeserializeSeed<'de>> DeserializeSeed<'de> for KeySeed<'_, K> {
    type Value = K::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<K::Value, D::Error> {
        self.inner.deserialize(KeyDeserializer {
            inner: deserializer,
            note: self.note,
        })
    }
}

/// A member name's deserializer: whatever the model asks, the string read is noted.
struct KeyDeserializer<'g, D> {
    inner: D,
    note: Note<'g>,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for KeyDeserializer<'_, D> {
    type Error = D::Error;

    forward_wrapped! { KeyVisitor;
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier deserialize_ignored_any
    }
    forward_wrapped_rest!(KeyVisitor);
}

/// Notes a member name given as a string and hands every value on unchanged. A name read as
/// anything else (a number, for a map with integer keys) is not one a decoder asks about.
struct KeyVisitor<'g, V> {
    inner: V,
    note: Note<'g>,
}

/// Forwards `visit_*` methods with one argument unchanged.
macro_rules! forward_visit {
    ($($method:ident($ty:ty))*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, value: $ty) -> Result<V::Value, E> {
            self.inner.$method(value)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for KeyVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(f)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, value: &str) -> Result<V::Value, E> {
        self.note.key(value);
        self.inner.visit_str(value)
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, value: &'de str) -> Result<V::Value, E> {
        self.note.key(value);
        self.inner.visit_borrowed_str(value)
    }

    #[inline]
    fn visit_string<E: de::Error>(self, value: String) -> Result<V::Value, E> {
        self.note.key(&value);
        self.inner.visit_string(value)
    }

    forward_visit! {
        visit_bool(bool) visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64)
        visit_i128(i128) visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64)
        visit_u128(u128) visit_f32(f32) visit_f64(f64) visit_char(char)
        visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_none()
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.inner.visit_unit()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<V::Value, D::Error> {
        self.inner.visit_some(deserializer)
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<V::Value, D::Error> {
        self.inner.visit_newtype_struct(deserializer)
    }

    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(seq)
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(map)
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.inner.visit_enum(data)
    }
}
