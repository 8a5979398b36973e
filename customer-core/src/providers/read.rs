//! Reading documents: the keys of a document's top-level object, which tell its shape, and the
//! document read and validated in that shape; serde helpers for nullable fields.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use super::{check, Api};
use crate::error::{Param, RuleError, ValidationErrors, Violation};
use crate::{CustomerModel, Error};

/// A JSON document whose top level is an object, with its keys, for telling its shape.
pub(crate) struct Document<'a> {
    pub(super) json: &'a str,
    pub(super) keys: Vec<Cow<'a, str>>,
    /// In [`Api::check`](super::Api::check)'s one-pass reading: the keys are guessed, and
    /// checked while the document is read (see `check.rs`).
    pub(super) guess: Option<&'a check::Guess>,
    /// The API whose document this is meant to be, for the `not_this_api` violation.
    pub(super) api: Api,
    /// `{}` is read (an update that changes nothing) rather than refused as `not_this_api`.
    pub(super) empty_is_fine: bool,
    /// The member names of the model the document was read into (set by [`Document::parse`]).
    pub(super) fields: Cell<Option<&'static [&'static str]>>,
}

/// The member names serde reads for `T` (its fields' wire names and aliases), or `None` for a
/// model that is not read as a struct (a map, a flattened struct, a newtype of one).
pub(crate) fn fields_of<'de, T: serde::Deserialize<'de>>() -> Option<&'static [&'static str]> {
    let fields = Cell::new(None);
    // The probe answers every request with an error at once: only `deserialize_struct` notes
    // its field names first. Nothing is allocated.
    let _ = T::deserialize(FieldsProbe(&fields));
    fields.get()
}

/// A deserializer that notes the field names a struct's `Deserialize` asks it for.
struct FieldsProbe<'c>(&'c Cell<Option<&'static [&'static str]>>);

/// The probe's error: carries nothing.
#[derive(Debug)]
struct Probed;

impl fmt::Display for Probed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("probed")
    }
}

impl std::error::Error for Probed {}

impl serde::de::Error for Probed {
    fn custom<M: fmt::Display>(_: M) -> Self {
        Probed
    }
}

impl<'de> serde::Deserializer<'de> for FieldsProbe<'_> {
    type Error = Probed;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Probed> {
        Err(Probed)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Probed> {
        self.0.set(Some(fields));
        Err(Probed)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The violation of a document with none of `api`'s fields: a document of another API, or of
/// nothing. The document's own keys are not named (a key could be personal data).
pub(crate) fn not_this_api(api: Api) -> Error {
    Error::Invalid(ValidationErrors::from(Violation::new(
        "",
        RuleError::new(
            crate::codes::NOT_THIS_API,
            "has none of the fields of a {api} document: is it a document of another API?",
        )
        .with_param("api", Param::Str(api.title().into())),
    )))
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
        // As an identifier, as a struct's field names are: a repeated name is not refused here
        // (the adapter keeps only the keys of maps), but by the model's own read, with the
        // rest of the report.
        deserializer.deserialize_identifier(Visitor)
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
    pub(super) fn read(json: &'a str, api: Api) -> Result<Self, Error> {
        let TopKeys(keys) = crate::json::from_str(json)?;
        Ok(Document {
            json,
            keys,
            guess: None,
            api,
            empty_is_fine: false,
            fields: Cell::new(None),
        })
    }

    /// The top-level member names the model the document was read into does not know (serde
    /// skipped them), in document order; empty before [`Document::parse`] or for a model
    /// without a list of fields. Only meaningful for a document read the two-pass way.
    pub(super) fn ignored_keys(&self) -> Vec<String> {
        let Some(fields) = self.fields.get() else {
            return Vec::new();
        };
        self.keys
            .iter()
            .filter(|key| !fields.contains(&key.as_ref()))
            .map(|key| key.clone().into_owned())
            .collect()
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
    /// at its pointer into the document. A document with none of `T`'s member names is refused
    /// first, as `not_this_api` (see [`not_this_api`]).
    pub(crate) fn parse<T>(&self) -> Result<T, Error>
    where
        T: serde::de::DeserializeOwned + CustomerModel + crate::json::Shape,
    {
        let fields = fields_of::<T>();
        self.fields.set(fields);
        if let Some(guess) = self.guess {
            let value: T = guess.read(self.json, fields)?;
            if fields.is_some() && !guess.known_key_seen() {
                return Err(not_this_api(self.api));
            }
            crate::json::reading(|| value.validate()).map_err(Error::Invalid)?;
            return Ok(value);
        }
        if let Some(fields) = fields {
            let known = self.keys.iter().any(|key| fields.contains(&key.as_ref()));
            let empty_update = self.empty_is_fine && self.keys.is_empty();
            if !(known || empty_update) {
                return Err(not_this_api(self.api));
            }
        }
        // Read from the text, not from the parsed keys, so that a repeated key is reported.
        let value: T = crate::json::read_str(self.json, true)?;
        crate::json::reading(|| value.validate()).map_err(|errors| {
            Error::Invalid(crate::shape::in_document_order::<T>(
                self.json.as_bytes(),
                errors,
                None,
            ))
        })?;
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
