//! The shapes of the serde forms a container is read in other than a plain object: tuple structs
//! (an array of so many elements), field-less enums in each of serde's enum representations, and
//! the error of a `#[serde(try_from = "T")]` conversion.
//!
//! Each shape here accepts exactly what serde_json reads (tests/read_forms.rs and
//! tests/read_enums.rs hold the documents serde_json reads and refuses next to what the report
//! says of them).

use std::marker::PhantomData;

use super::{claims, find, invalid_type, missing_field, Expected, Node, Report};
use crate::__private::Absorb;
use crate::error::{Param, Path, RuleError};

/// The elements of a tuple struct's array: `None` (and an `invalid_type`) when `node` is not an
/// array, else its elements and whether their number is within `min..=max` (an `invalid_length`
/// is reported once otherwise). serde reads the missing elements of fields with a default as
/// their default, so `min` is the number of elements up to the last field without one.
#[doc(hidden)]
pub fn tuple_items<'n>(
    node: &'n Node,
    path: &Path<'_>,
    report: &mut Report,
    min: usize,
    max: usize,
) -> Option<(&'n [Node], bool)> {
    let Node::Array(items) = node else {
        invalid_type(report, path, node, Expected::Array);
        return None;
    };
    if super::too_deep(path, report) {
        return None;
    }
    let fits = (min..=max).contains(&items.len());
    if !fits {
        report.shapes.push(path, wrong_length(min, max));
    }
    Some((items, fits))
}

/// The shape of the element `index` of a tuple's `items` (its type's shape `shape`, walked once
/// with rules when `once`: see [`super::value`]); `true` when it is not there (too short an
/// array is reported once, as its length).
#[doc(hidden)]
pub fn element(
    items: &[Node],
    index: usize,
    path: &Path<'_>,
    report: &mut Report<'_>,
    shape: super::ShapeFn,
    once: bool,
) -> bool {
    items
        .get(index)
        .is_none_or(|node| super::value(node, &path.index(index), report, shape, once))
}

/// The `invalid_length` violation of a tuple struct's array.
#[cold]
fn wrong_length(min: usize, max: usize) -> RuleError {
    let count = |n: usize| Param::UInt(n as u64);
    if min == max {
        RuleError::new(
            crate::codes::INVALID_LENGTH,
            "must be an array of {length} elements",
        )
        .with_param("length", count(max))
    } else {
        RuleError::new(
            crate::codes::INVALID_LENGTH,
            "must be an array of {min} to {max} elements",
        )
        .with_param("min", count(min))
        .with_param("max", count(max))
    }
}

/// What a field-less enum reads, whatever its representation.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct UnitEnum {
    /// The wire names of its variants, for the `one_of` message.
    pub names: &'static [&'static str],
    /// Every name a variant is read from: the wire names and their aliases.
    pub accepted: &'static [&'static str],
    /// A `#[serde(other)]` variant: any name reads.
    pub any_name: bool,
    /// A unit variant read untagged: `null` reads.
    pub null: bool,
    /// A variant holding the text, read untagged (`#[customer(other)]`): any string reads.
    pub any_string: bool,
}

impl UnitEnum {
    /// Whether `name` names a variant; a `one_of` violation at `path` otherwise.
    fn name(&self, name: &str, path: &Path<'_>, report: &mut Report) -> bool {
        if self.any_name || self.accepted.contains(&name) {
            return true;
        }
        report
            .shapes
            .push(path, crate::rules::one_of::error(self.names));
        false
    }

    /// What reads untagged: `null` for a unit variant, any string for the text variant.
    fn untagged(&self, node: &Node) -> bool {
        matches!(node, Node::Null) && self.null
            || matches!(node, Node::String(_)) && self.any_string
    }
}

/// A field-less enum in serde's default (externally tagged) form: a string naming a variant, or
/// an object whose only member is named after a variant and is `null` (`{"free": null}`, which
/// serde reads as `"free"`).
#[doc(hidden)]
pub fn external(node: &Node, path: &Path<'_>, report: &mut Report, shape: &UnitEnum) -> bool {
    if shape.untagged(node) {
        return true;
    }
    match node {
        Node::String(text) => shape.name(text, path, report),
        Node::Object(members) => match members.as_slice() {
            [(key, value)] => {
                let named = shape.name(key, path, report);
                let unit = matches!(value, Node::Null);
                if !unit {
                    invalid_type(report, &path.key(key), value, Expected::Null);
                }
                named && unit
            }
            _ => {
                report.shapes.push(
                    path,
                    RuleError::new(
                        crate::codes::INVALID_LENGTH,
                        "must be a string or an object of exactly {length} member",
                    )
                    .with_param("length", Param::UInt(1)),
                );
                false
            }
        },
        _ => {
            invalid_type(report, path, node, Expected::String);
            false
        }
    }
}

/// A field-less enum with `#[serde(tag = "...")]`: an object whose member `tag` names a variant
/// (its other members are ignored, as serde ignores them), or an array of that one name.
#[doc(hidden)]
pub fn internal(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    tag: &str,
    shape: &UnitEnum,
) -> bool {
    if shape.untagged(node) {
        return true;
    }
    let tag_value = |value: &Node, at: &Path<'_>, report: &mut Report| match value {
        Node::String(text) => shape.name(text, at, report),
        _ => {
            invalid_type(report, at, value, Expected::String);
            false
        }
    };
    match node {
        Node::Object(members) => {
            let mut claimed = claims(members);
            match find(members, &mut claimed, &[tag], path, report) {
                Some((key, value, single)) => tag_value(value, &path.key(key), report) && single,
                None => {
                    missing_field(report, &path.key(tag));
                    false
                }
            }
        }
        Node::Array(items) if items.len() == 1 => tag_value(&items[0], &path.index(0), report),
        _ => {
            invalid_type(report, path, node, Expected::Object);
            false
        }
    }
}

/// A field-less enum with `#[serde(untagged)]`: its unit variants read from `null` (the first
/// one is the value), a text variant from any string.
#[doc(hidden)]
pub fn untagged(node: &Node, path: &Path<'_>, report: &mut Report, shape: &UnitEnum) -> bool {
    if shape.untagged(node) {
        return true;
    }
    let expected = if shape.null || !shape.any_string {
        Expected::Null
    } else {
        Expected::String
    };
    invalid_type(report, path, node, expected);
    false
}

// ---------------------------------------------------------------------------------------------
// The error of a `try_from` conversion.

/// Reports the error of a `#[serde(try_from = "T")]` conversion at the container's pointer: as
/// its violations when it is one of ours ([`Absorb`]), else as `invalid_value` (its text may quote
/// the value). The derive calls `(&ErrorProbe::<E>::NEW).report(error, path, report)` with both
/// traits in scope.
#[doc(hidden)]
pub struct ErrorProbe<E>(PhantomData<fn() -> E>);

impl<E> ErrorProbe<E> {
    /// The probe.
    pub const NEW: Self = ErrorProbe(PhantomData);
}

/// The [`Absorb`] arm of [`ErrorProbe`].
#[doc(hidden)]
pub trait ErrorViaAbsorb<E> {
    /// Reports `error` at `path`.
    fn report(&self, error: E, path: &Path<'_>, report: &mut Report);
}

impl<E: Absorb> ErrorViaAbsorb<E> for ErrorProbe<E> {
    fn report(&self, error: E, path: &Path<'_>, report: &mut Report) {
        error.absorb(path, &mut report.shapes);
    }
}

/// The last arm of [`ErrorProbe`]: any error, reported without its text.
#[doc(hidden)]
pub trait ErrorViaAny<E> {
    /// Reports an `invalid_value` at `path`.
    fn report(&self, error: E, path: &Path<'_>, report: &mut Report);
}

impl<E> ErrorViaAny<E> for &ErrorProbe<E> {
    fn report(&self, error: E, path: &Path<'_>, report: &mut Report) {
        let _ = error;
        report.shapes.push(
            path,
            RuleError::new(crate::codes::INVALID_VALUE, "is not a valid value"),
        );
    }
}
