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
//! reported, each at its pointer in wire names, in document order. An enum whose variants carry
//! data is walked in each of serde's representations: its tag checked once at the tag's pointer,
//! then the chosen variant's fields (see the `shape` module's `data_enum` for the pointers and
//! for what an untagged enum reports). [`Valid::from_json`] and
//! [`Api::decode`](crate::providers::Api::decode) also run the rules of every field that did
//! read, so one report holds the shape errors and the rule violations together.
//!
//! serde's own messages quote the offending value (`invalid type: string "jo@x", expected ...`)
//! and name Rust types. Where serde's error is kept (a type whose shape is not known), it is
//! rewritten into a value-free message with a stable code before anyone sees it.
//!
//! # Nothing changed without a word
//!
//! Every reader here (and so `Valid`, the axum extractor, `Api::decode*` and the webhook events)
//! refuses what a `serde_json::Value` or a map would silently rewrite: a key repeated in an object
//! read as a map or a `Value`, at any depth (`duplicate_field` at the repeated member, one per
//! repeat; a struct's own fields as before), and an integer literal beyond 64 bits (`range` at
//! its pointer; a number with a fraction or an exponent is the nearest `f64`). [`from_value`]
//! reads a `Value` already built: what it holds is taken as it is.
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
//! # The parts
//!
//! The reading itself is here; `strict` holds the adapter, `messages` the rewriting of
//! serde_json's errors.
//!
//! [`Valid::from_json`]: crate::Valid::from_json

use serde::de::Deserializer;

use crate::error::{Error, ValidationErrors, Violation};
pub use crate::shape::Shape;

mod cap;
pub(crate) mod exact;
mod messages;
mod strict;
pub(crate) use cap::{cap, cap_invalid, finish_rules, reading, reading_rules, Rules};
pub use cap::{MaxViolations, Scoped, DEFAULT_MAX_VIOLATIONS};
pub(crate) use messages::syntax;
pub(crate) use messages::{convert, forget_refused, refused};
use strict::Strict;

/// Reads `json` into `T`: a syntax error becomes [`Error::Syntax`] (one violation at pointer
/// `""` naming the line and column), a document of the wrong shape [`Error::Invalid`] with every
/// shape error at its pointer, in document order, at most [`MaxViolations`] of them. Does not
/// run the rules.
///
/// A document is read once without tracking where the reader is; only when that fails is it
/// read again, for the pointers of everything wrong with it. Valid documents pay nothing for
/// the pointers.
pub fn from_str<'a, T: serde::Deserialize<'a> + Shape>(json: &'a str) -> Result<T, Error> {
    read_str(json, false).map_err(cap)
}

/// As [`from_str`], from bytes; bytes that are not UTF-8 are a syntax error.
pub fn from_slice<T: serde::de::DeserializeOwned + Shape>(json: &[u8]) -> Result<T, Error> {
    read_slice(json, false).map_err(cap)
}

/// Reads a `serde_json::Value` into `T`, with the same error treatment as [`from_str`] (the
/// members of an object come in the order the `Value` keeps them).
pub fn from_value<T: serde::de::DeserializeOwned + Shape>(
    value: serde_json::Value,
) -> Result<T, Error> {
    // Read from the borrowed value (nothing cloned but what `T` keeps), once without tracking
    // the path; only a refusal is read again for its pointer, then for every violation.
    if let Ok(read) = T::deserialize(Strict(&value)) {
        return Ok(read);
    }
    forget_refused();
    match serde_path_to_error::deserialize(Strict(&value)).map_err(convert) {
        Ok(read) => Ok(read),
        Err(first @ Error::Invalid(_)) => match serde_json::to_vec(&value) {
            Ok(bytes) => Err(cap(crate::shape::second_read::<T>(
                &bytes, first, false, None,
            ))),
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
    if let Ok(value) = untracked(json.as_bytes(), &mut de) {
        return Ok(value);
    }
    forget_refused();
    let mut de = serde_json::Deserializer::from_str(json);
    match finish(serde_path_to_error::deserialize(Strict(&mut de)), de) {
        Err(first @ (Error::Invalid(_) | Error::Syntax(_))) => {
            Err(again::<T>(json.as_bytes(), first, rules, context))
        }
        // Only an integer beyond 64 bits fails the first read and not this one (see `exact`).
        Ok(_) => Err(again::<T>(
            json.as_bytes(),
            Error::Invalid(ValidationErrors::from(Violation::new(
                String::new(),
                exact::violation(),
            ))),
            rules,
            context,
        )),
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

/// As [`read_str_with`], from bytes. `T` owns its data, so a refusal is not read again from the
/// text with its path tracked (a third copy of every model's `Deserialize`, compiled per model):
/// the second read reads the tree, and the first error's pointer, when the report needs it,
/// comes from reading the tree whole (see [`FirstError`]).
#[inline]
pub(crate) fn read_slice_with<T: serde::de::DeserializeOwned + Shape>(
    json: &[u8],
    rules: bool,
    context: Option<&dyn std::any::Any>,
) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(json);
    match untracked(json, &mut de) {
        Ok(value) => Ok(value),
        Err(error) => Err(again_owned::<T>(json, error, rules, context)),
    }
}

/// As [`read_str_with`], for a type that owns its data: see [`read_slice_with`].
#[inline]
pub(crate) fn read_owned_str_with<T: serde::de::DeserializeOwned + Shape>(
    json: &str,
    rules: bool,
    context: Option<&dyn std::any::Any>,
) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    match untracked(json.as_bytes(), &mut de) {
        Ok(value) => Ok(value),
        Err(error) => Err(again_owned::<T>(json.as_bytes(), error, rules, context)),
    }
}

/// The second read of a type that owns its data, after the untracked read failed with `error`.
/// Only `T`'s walk and its tracked read are `T`'s (function pointers): the rest is compiled
/// once, in [`again_owned_by`].
#[inline]
fn again_owned<T: serde::de::DeserializeOwned + Shape>(
    json: &[u8],
    error: serde_json::Error,
    rules: bool,
    context: Option<&dyn std::any::Any>,
) -> Error {
    again_owned_by(
        json,
        FirstError {
            error,
            tracked: Tracked::<T>::READ,
        },
        rules,
        context,
        T::__shape,
    )
}

/// [`again_owned`], the model's walk being `walk`.
#[cold]
#[inline(never)]
fn again_owned_by(
    json: &[u8],
    first: FirstError,
    rules: bool,
    context: Option<&dyn std::any::Any>,
    walk: crate::shape::ShapeFn,
) -> Error {
    forget_refused();
    crate::shape::second_read_lazy_by(json, first, rules, context, walk)
}

/// How the first error of `T`'s read is found again with its pointer ([`FirstError::tracked`]).
struct Tracked<T>(std::marker::PhantomData<T>);

impl<T: serde::de::DeserializeOwned + Shape> Tracked<T> {
    /// A model whose walk is exact reports every refusal of serde's itself, so its whole read
    /// (serde's `Deserialize` once more, behind the path tracker) is not compiled for it: the
    /// fallback needs no code of `T`'s. A constant rather than a branch in [`again_owned`]: the
    /// read not taken is then not even mentioned there (rustc's monomorphization collector walks
    /// the items a function mentions, dead branches included, and this one pulls in another
    /// copy of the model's `Deserialize`).
    const READ: fn(&crate::shape::Node) -> Option<Error> = if T::__EXACT_HOLDS {
        untracked_error
    } else {
        tracked_error::<T>
    };
}

/// The error of reading `node` whole into `T`, with its pointer (`None` when it reads).
fn tracked_error<T: serde::de::DeserializeOwned>(node: &crate::shape::Node) -> Option<Error> {
    read_value::<T>(node.to_value()).err()
}

/// [`FirstError::tracked`] for a model whose walk is exact (see [`Shape::__EXACT`]): the walk
/// already reports what serde refuses, so there is nothing to read again; should serde still
/// refuse a document the walk passes, its own error is reported at the document's root.
fn untracked_error(_: &crate::shape::Node) -> Option<Error> {
    None
}

/// The first read's error when it was read without its path: the path is found only when the
/// second read needs the error (it reports nothing of its own, or the document does not parse).
pub(crate) struct FirstError {
    /// What serde_json said.
    error: serde_json::Error,
    /// Reads the document's tree whole, its error with its pointer.
    tracked: fn(&crate::shape::Node) -> Option<Error>,
}

impl FirstError {
    /// The error as the tracked read reports it: a syntax error as is; a refusal with its
    /// pointer from the document's tree (`node`), or at the document's root when the tree reads.
    pub(crate) fn resolve(self, node: &crate::shape::Node) -> Error {
        if !self.error.is_data() {
            return syntax(&self.error);
        }
        if let Some(error) = (self.tracked)(node) {
            return error;
        }
        let root = serde_path_to_error::Track::new().path();
        convert(serde_path_to_error::Error::new(root, self.error))
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
/// (`Api::check` records the top-level member names that way). The second value says whether
/// the text must be looked at for an integer beyond 64 bits ([`exact::has_big_integer`]).
pub(crate) fn read_strict<'de, T, D>(deserializer: D) -> (Result<T, D::Error>, bool)
where
    T: serde::Deserialize<'de>,
    D: Deserializer<'de>,
{
    exact::watch(|| T::deserialize(Strict(deserializer)))
}

/// The whole document `json` into `T`, through [`Strict`] but without tracking the path: what
/// it accepts is exactly what the tracked reading accepts, but for an integer literal beyond 64
/// bits, which only this read refuses (the second read reports it at its pointer).
fn untracked<'de, T, R>(
    json: &[u8],
    de: &mut serde_json::Deserializer<R>,
) -> Result<T, serde_json::Error>
where
    T: serde::Deserialize<'de>,
    R: serde_json::de::Read<'de>,
{
    let (value, suspicious) = exact::watch(|| T::deserialize(Strict(&mut *de)));
    let value = value?;
    de.end()?;
    if suspicious && exact::has_big_integer(json) {
        return Err(exact::refusal());
    }
    Ok(value)
}

/// JSON held inside a string (a provider's metadata text) into `T`, through [`Strict`]: refused
/// where every reader of a client's JSON refuses (a repeated key in an object read as a map or
/// `Value`, an integer literal beyond 64 bits, trailing text), so that the text is never read
/// into something other than what it says.
pub(crate) fn from_text<'de, T: serde::Deserialize<'de>>(
    text: &'de str,
) -> Result<T, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    untracked(text.as_bytes(), &mut de)
}

/// Reads a `serde_json::Value` into `T` through serde alone: the first error only.
pub(crate) fn read_value<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> Result<T, Error> {
    forget_refused();
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
