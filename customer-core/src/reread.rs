//! What the second read of a document (see [`crate::shape`]) needs beyond the shapes: the
//! caller's validation context, type-erased, and what can be known of a collection whose value
//! did not read because a part of it is wrong.
//!
//! # The context
//!
//! [`Valid::from_json_with`](crate::Valid::from_json_with) and the axum extractor hand the second
//! read their context as `&dyn Any` (through the hidden `__context_any` of
//! [`CustomerModelWith`](crate::CustomerModelWith) and [`ModelContext`](crate::ModelContext),
//! which the derive implements with [`ContextProbe`]). The `Shape` impl of a model with
//! `#[customer(context(C))]` takes it back with [`Report::context`](crate::shape::Report) and
//! runs the rules that read it; a nested model of the same context finds it in the same report.
//! Only a sized `'static` context can be erased: with another one (`context(Limits<'a>)`,
//! `context(str)`), the rules that read the context wait until the document reads. Nothing of
//! this runs on the first read: the valid path only builds the `&dyn Any` it passes along.
//!
//! # A collection that did not read
//!
//! A `Vec` with one element of the wrong type does not read, so its `length` and `each(...)`
//! rules cannot run on it. What is known without it is still reported: the number of elements
//! of an array (or of distinct keys of an object read into a map keyed by `String`) for
//! `length`, through [`Counted`], and the `each` rules of the elements that read alone, at
//! their own pointers. Both are what the first read would have reported had the wrong part been
//! right: the count does not depend on the elements, and an element's rules only on itself.

use std::any::Any;
use std::marker::PhantomData;

use crate::rules::HasLength;
use crate::shape::Node;

/// Erases a context of type `C`: `Some` when `C` is sized and `'static`, else `None`. The derive
/// calls `(&ContextProbe::<C>::NEW).erase(ctx)` with both traits in scope, on the context type
/// named in `#[customer(context(C))]`, which is concrete there (a context type that names a
/// lifetime or a type parameter is not probed at all: the derive returns `None` for it).
#[doc(hidden)]
pub struct ContextProbe<C: ?Sized>(PhantomData<fn() -> Box<C>>);

impl<C: ?Sized> ContextProbe<C> {
    /// The probe.
    pub const NEW: Self = ContextProbe(PhantomData);
}

/// The `Any` arm of [`ContextProbe`].
#[doc(hidden)]
pub trait ContextViaAny<C: ?Sized> {
    /// `Some(ctx)`.
    fn erase<'c>(&self, ctx: &'c C) -> Option<&'c dyn Any>;
}

impl<C: Any> ContextViaAny<C> for ContextProbe<C> {
    #[inline]
    fn erase<'c>(&self, ctx: &'c C) -> Option<&'c dyn Any> {
        Some(ctx)
    }
}

/// The last arm of [`ContextProbe`]: the context cannot be erased.
#[doc(hidden)]
pub trait ContextViaNothing<C: ?Sized> {
    /// `None`.
    fn erase<'c>(&self, ctx: &'c C) -> Option<&'c dyn Any>;
}

impl<C: ?Sized> ContextViaNothing<C> for &ContextProbe<C> {
    #[inline]
    fn erase<'c>(&self, _: &'c C) -> Option<&'c dyn Any> {
        None
    }
}

/// A length counted in the document, for the `length` rule of a collection that did not read.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Counted(pub usize);

impl HasLength for Counted {
    #[inline]
    fn length(&self) -> usize {
        self.0
    }
}

/// The value of a field of `layers` `Option` / `Patch` layers: `None` for `null` below a layer
/// (the field reads as `None`, and its value rules do not run).
#[doc(hidden)]
#[must_use]
pub fn inside(node: &Node, layers: usize) -> Option<&Node> {
    match node {
        Node::Null if layers > 0 => None,
        _ => Some(node),
    }
}

/// The elements of an array; none for any other value.
#[doc(hidden)]
#[must_use]
pub fn elements(node: &Node) -> &[Node] {
    match node {
        Node::Array(items) => items,
        _ => &[],
    }
}

/// The number of elements of an array, for a sequence (`Vec`, `VecDeque`, `Box<[T]>`).
#[doc(hidden)]
#[must_use]
pub fn array_len(node: &Node) -> Option<usize> {
    match node {
        Node::Array(items) => Some(items.len()),
        _ => None,
    }
}

/// The number of distinct member names of an object, for a map keyed by `String` (serde keeps
/// the last of repeated keys).
#[doc(hidden)]
#[must_use]
pub fn distinct_keys(node: &Node) -> Option<usize> {
    match node {
        Node::Object(members) => {
            let mut keys: Vec<&str> = members.iter().map(|(key, _)| key.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            Some(keys.len())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use super::{ContextViaAny as _, ContextViaNothing as _};

    #[test]
    fn counts_follow_serde() {
        let node: Node = serde_json::from_str(r#"{"a": 1, "b": "x", "a": 2}"#).unwrap();
        assert_eq!(distinct_keys(&node), Some(2));
        assert_eq!(array_len(&node), None);
        let node: Node = serde_json::from_str(r#"[1, "x", null]"#).unwrap();
        assert_eq!(array_len(&node), Some(3));
        assert_eq!(elements(&node).len(), 3);
        assert!(inside(&Node::Null, 1).is_none());
        assert!(inside(&Node::Null, 0).is_some());
    }

    #[test]
    #[allow(clippy::needless_borrow)] // the probe picks its arm by autoref
    fn only_sized_static_contexts_are_erased() {
        struct Limits(u8);
        let limits = Limits(3);
        let erased = (&ContextProbe::<Limits>::NEW).erase(&limits);
        assert_eq!(
            erased.and_then(|c| c.downcast_ref::<Limits>()).map(|l| l.0),
            Some(3)
        );
        let text: &str = "x";
        assert!((&ContextProbe::<str>::NEW).erase(text).is_none());
    }
}
