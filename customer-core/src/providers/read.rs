//! Reading documents: the keys of a document's top-level object, which tell its shape, and the
//! document read and validated in that shape; serde helpers for nullable fields.

use std::borrow::Cow;
use std::fmt;

use super::check;
use crate::{CustomerModel, Error};

/// A JSON document whose top level is an object, with its keys, for telling its shape.
pub(crate) struct Document<'a> {
    pub(super) json: &'a str,
    pub(super) keys: Vec<Cow<'a, str>>,
    /// In [`Api::check`](super::Api::check)'s one-pass reading: the keys are guessed, and
    /// checked while the document is read (see `check.rs`).
    pub(super) guess: Option<&'a check::Guess>,
}

/// The member names of a top-level JSON object; the values are skipped without being built,
/// and a name without escapes is borrowed from the text, so that telling the shape of a
/// document allocates nothing but the list.
struct TopKeys<'a>(Vec<Cow<'a, str>>);

impl crate::json::Shape for TopKeys<'_> {
    fn __shape(
        node: &crate::shape::Node,
        path: &crate::Path<'_>,
        report: &mut crate::shape::Report,
        _: bool,
    ) -> bool {
        if let crate::shape::Node::Object(_) = node {
            true
        } else {
            crate::shape::invalid_type(report, path, node, crate::shape::Expected::Object);
            false
        }
    }
}

/// One member name, borrowed from the text where it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl<'de> serde::Deserialize<'de> for TopKeys<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = TopKeys<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<TopKeys<'de>, A::Error> {
                let mut keys = Vec::new();
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(TopKeys(keys))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

impl<'a> Document<'a> {
    /// Reads the top-level member names of `json`; any top level other than an object is an
    /// `invalid_type` violation at `""`.
    pub(super) fn read(json: &'a str) -> Result<Self, Error> {
        let TopKeys(keys) = crate::json::from_str(json)?;
        Ok(Document {
            json,
            keys,
            guess: None,
        })
    }

    /// `true` when the top-level object has `key`.
    pub(crate) fn has(&self, key: &str) -> bool {
        if let Some(guess) = self.guess {
            return guess.has(key);
        }
        self.keys.iter().any(|k| k == key)
    }

    /// `true` when the top-level object has any of `keys`.
    pub(crate) fn has_any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|key| self.has(key))
    }

    /// Reads the document into `T` and validates it: every shape error and rule violation, each
    /// at its pointer into the document.
    pub(crate) fn parse<T>(&self) -> Result<T, Error>
    where
        T: serde::de::DeserializeOwned + CustomerModel + crate::json::Shape,
    {
        if let Some(guess) = self.guess {
            let value: T = guess.read(self.json)?;
            value.validate().map_err(Error::Invalid)?;
            return Ok(value);
        }
        // Read from the text, not from the parsed keys, so that a repeated key is reported.
        let value: T = crate::json::read_str(self.json, true)?;
        value.validate().map_err(Error::Invalid)?;
        Ok(value)
    }
}

/// Serde helpers for nullable fields.
pub(crate) mod nullable {
    use serde::{Deserialize, Deserializer};

    /// For `Option<Option<T>>` with `#[serde(default)]`: absent is `None` (the default), `null`
    /// is `Some(None)`, a value is `Some(Some(value))`.
    pub(crate) fn optional<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(deserializer).map(Some)
    }

    /// For a required key whose value may be `null`: without `#[serde(default)]` a missing key
    /// is the `required` violation, where serde would otherwise read it as `None`.
    pub(crate) fn required<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(deserializer)
    }
}
