//! Reading one value of the tree through serde (its own `Deserialize`, a `deserialize_with`
//! function, or what a missing field reads as), a failure reported at its pointer.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};

use super::{Node, Report};
use crate::error::{Error, Path};

/// Reads `node` into `T` through serde; a failure goes into `report.shapes`, placed under `path`.
/// In a quiet rules phase (see [`Report::rules_phase`]) the failure is not kept: the node is
/// read as [`super::read_alone`] reads it, without a copy into a `serde_json::Value` and without
/// a message.
#[doc(hidden)]
pub fn read<T: DeserializeOwned>(node: &Node, path: &Path<'_>, report: &mut Report) -> Option<T> {
    if report.quiet() {
        return super::read_alone::<T>(node);
    }
    match crate::json::read_value::<T>(node.to_value()) {
        Ok(value) => Some(value),
        Err(error) => {
            absorb(error, path, report);
            None
        }
    }
}

/// [`read`], for rules: a value read for a field's rules or a model read whole (for its checks,
/// or for what serde refuses beyond the shapes). A container takes its values from the report's
/// budget first (see [`super::Report::again_at`]): past it, it is not read (`None`, nothing
/// reported: the rules that need it do not run, and the report says some did not).
#[doc(hidden)]
#[inline]
pub fn read_for_rules<T: DeserializeOwned>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
) -> Option<T> {
    if report.afford(node) {
        read::<T>(node, path, report)
    } else {
        None
    }
}

/// The deserializer a `deserialize_with` function reads a value from in the second read: it
/// keeps the path, so that an error inside the value is reported at its own pointer.
#[doc(hidden)]
pub type WithDeserializer<'a, 'b> = serde_path_to_error::Deserializer<'a, 'b, serde_json::Value>;

/// Reads `node` through a `deserialize_with` function; a failure goes into `report.shapes`,
/// at the pointer of what the function refused.
#[doc(hidden)]
pub fn read_with<T>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    with: impl for<'a, 'b> FnOnce(WithDeserializer<'a, 'b>) -> Result<T, serde_json::Error>,
) -> Option<T> {
    crate::json::forget_refused();
    let mut track = serde_path_to_error::Track::new();
    let result = with(serde_path_to_error::Deserializer::new(
        node.to_value(),
        &mut track,
    ));
    match result {
        Ok(value) => Some(value),
        Err(error) => {
            let error = crate::json::convert(serde_path_to_error::Error::new(track.path(), error));
            absorb(error, path, report);
            None
        }
    }
}

fn absorb(error: Error, path: &Path<'_>, report: &mut Report) {
    let mut errors = error.into_violations();
    errors.prefix_pointers(&path.to_pointer());
    report.note_read_failures(&errors);
    report.note_counted(&errors);
    report.shapes.append(errors);
}

/// A deserializer for a field that is not in the document: `Option` reads it as `None`, anything
/// else fails, as serde's derived code does.
struct Missing;

impl<'de> Deserializer<'de> for Missing {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("missing field"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        visitor.visit_none()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// What serde's derived code makes of a missing field of type `T`: `Some` for `Option`.
#[doc(hidden)]
#[must_use]
pub fn read_missing<T: DeserializeOwned>() -> Option<T> {
    T::deserialize(Missing).ok()
}
