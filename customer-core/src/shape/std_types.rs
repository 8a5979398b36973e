//! The [`Shape`]s of the standard types: text, `char`, `bool`, `()`, numbers, `serde_json`'s
//! values, `Option`, [`Patch`](crate::Patch), smart pointers, sequences, arrays and maps.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use super::report::found;
use super::{claims, invalid_type, Expected, Node, Report, Shape};
use crate::error::{Param, Path, RuleError};

/// Text: a JSON string.
macro_rules! text_shape {
    ($($ty:ty),*) => {$(
        impl Shape for $ty {
            const __KIND: super::JsonKind = super::JsonKind::NotObject;
            const __EXACT: super::Exact = super::Exact::YES;
            fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
                if let Node::String(_) = node {
                    true
                } else {
                    invalid_type(report, path, node, Expected::String);
                    false
                }
            }
        }
    )*};
}

text_shape!(String, str);

impl Shape for Cow<'_, str> {
    const __KIND: super::JsonKind = super::JsonKind::NotObject;
    const __EXACT: super::Exact = super::Exact::YES;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        String::__shape(node, path, report, rules)
    }
}

impl Shape for &str {
    const __KIND: super::JsonKind = super::JsonKind::NotObject;
    const __EXACT: super::Exact = super::Exact::YES;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        String::__shape(node, path, report, rules)
    }
}

impl Shape for char {
    const __KIND: super::JsonKind = super::JsonKind::NotObject;
    const __EXACT: super::Exact = super::Exact::YES;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
        match node {
            Node::String(s) if s.chars().count() == 1 => true,
            Node::String(_) => {
                report.shapes.push(
                    path,
                    RuleError::new(crate::codes::INVALID_VALUE, "must be a single character"),
                );
                false
            }
            _ => {
                invalid_type(report, path, node, Expected::String);
                false
            }
        }
    }
}

impl Shape for bool {
    const __KIND: super::JsonKind = super::JsonKind::NotObject;
    const __EXACT: super::Exact = super::Exact::YES;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
        if let Node::Bool(_) = node {
            true
        } else {
            invalid_type(report, path, node, Expected::Boolean);
            false
        }
    }
}

impl Shape for () {
    const __KIND: super::JsonKind = super::JsonKind::NotObject;
    const __EXACT: super::Exact = super::Exact::YES;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
        if let Node::Null = node {
            true
        } else {
            invalid_type(report, path, node, Expected::Null);
            false
        }
    }
}

/// The violation of a whole number outside `min..=max` or not a whole number: `invalid_type`
/// for another JSON type or a fraction, `range` for a whole number out of range.
#[doc(hidden)]
#[cold]
pub fn not_whole(report: &mut Report, path: &Path<'_>, node: &Node, min: i128, max: i128) {
    if report.counted_shape(path, node) {
        return;
    }
    let code = match node {
        Node::Number(n) if n.is_u64() || n.is_i64() => crate::codes::RANGE,
        _ => crate::codes::INVALID_TYPE,
    };
    report.shapes.push(
        path,
        RuleError::new(code, "must be a whole number from {min} to {max}")
            .with_param("expected", Param::Str(Cow::Borrowed("integer")))
            .with_param("found", Param::Str(Cow::Borrowed(found(node))))
            .with_param("min", Param::Str(Cow::Owned(min.to_string())))
            .with_param("max", Param::Str(Cow::Owned(max.to_string()))),
    );
}

fn whole(node: &Node) -> Option<i128> {
    match node {
        Node::Number(n) => n
            .as_u64()
            .map(i128::from)
            .or_else(|| n.as_i64().map(i128::from)),
        _ => None,
    }
}

macro_rules! int_shape {
    ($($ty:ty),*) => {$(
        impl Shape for $ty {
            const __KIND: super::JsonKind = super::JsonKind::NotObject;
            const __EXACT: super::Exact = super::Exact::YES;
            fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
                let (min, max) = (<$ty>::MIN as i128, <$ty>::MAX as i128);
                match whole(node) {
                    Some(n) if (min..=max).contains(&n) => true,
                    _ => {
                        not_whole(report, path, node, min, max);
                        false
                    }
                }
            }
        }
    )*};
}

int_shape!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

macro_rules! wide_int_shape {
    ($($ty:ty),*) => {$(
        impl Shape for $ty {
            const __KIND: super::JsonKind = super::JsonKind::NotObject;
            const __EXACT: super::Exact = super::Exact::YES;
            fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
                let min = if <$ty>::MIN == 0 as $ty { 0 } else { i128::from(i64::MIN) };
                match whole(node) {
                    Some(n) if n >= min => true,
                    _ => {
                        not_whole(report, path, node, min, i128::from(u64::MAX));
                        false
                    }
                }
            }
        }
    )*};
}

wide_int_shape!(u128, i128);

macro_rules! float_shape {
    ($($ty:ty),*) => {$(
        impl Shape for $ty {
            const __KIND: super::JsonKind = super::JsonKind::NotObject;
            const __EXACT: super::Exact = super::Exact::YES;
            fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
                if let Node::Number(_) = node {
                    true
                } else {
                    invalid_type(report, path, node, Expected::Number);
                    false
                }
            }
        }
    )*};
}

float_shape!(f32, f64, serde_json::Number);

impl Shape for serde_json::Value {
    // Any JSON: an object among others.
    const __KIND: super::JsonKind = super::JsonKind::Object;
    const __EXACT: super::Exact = super::Exact::YES;
    /// Any JSON value but one with a repeated key at any depth (a `Value` would keep the last).
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
        any_json(node, path, report)
    }

    fn __shape_flat(super::Flat(members, claimed, path, report, _): super::Flat<'_, '_>) -> bool {
        any_members(members, claimed, path, report)
    }
}

impl Shape for serde_json::Map<String, serde_json::Value> {
    const __KIND: super::JsonKind = super::JsonKind::Object;
    const __EXACT: super::Exact = super::Exact::YES;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
        if let Node::Object(_) = node {
            any_json(node, path, report)
        } else {
            invalid_type(report, path, node, Expected::Object);
            false
        }
    }

    fn __shape_flat(super::Flat(members, claimed, path, report, _): super::Flat<'_, '_>) -> bool {
        any_members(members, claimed, path, report)
    }
}

/// Any JSON value, every repeated key of its objects at any depth reported as
/// `duplicate_field` at the repeated member (one violation per repeat). Linear in the value.
fn any_json(node: &Node, path: &Path<'_>, report: &mut Report) -> bool {
    match node {
        Node::Object(members) => {
            let mut claimed = claims(members);
            any_members(members, &mut claimed, path, report)
        }
        Node::Array(items) => {
            let mut ok = true;
            report.items(items.iter().enumerate(), |report, (index, item)| {
                ok &= any_json(item, &path.index(index), report);
            });
            ok
        }
        _ => true,
    }
}

/// The members of a struct that no field claimed (serde skips them): held to I-JSON like any
/// other value, as the first read holds them (`json::strict`): a name given twice among them,
/// and a repeated key at any depth of their values, is `duplicate_field` at the repeated
/// member. `true` when there is none. `claimed` is left as it is.
#[doc(hidden)]
pub fn ignored_members(
    members: &[(String, Node)],
    claimed: &[bool],
    path: &Path<'_>,
    report: &mut Report,
) -> bool {
    if claimed.iter().all(|taken| *taken) {
        return true;
    }
    any_members(members, &mut claimed.to_vec(), path, report)
}

/// Every repeated key of `node`'s objects at any depth, as `duplicate_field` at the repeated
/// member: for the second read, where its walk found nothing else (a repeat in a member the walk
/// lets through without looking, as the first read refuses it). `true` when there is none.
pub(crate) fn repeated_anywhere(node: &Node, report: &mut Report) -> bool {
    any_json(node, &Path::ROOT, report)
}

/// [`any_json`] for the members of `members` not marked in `claimed` (marked now).
fn any_members(
    members: &[(String, Node)],
    claimed: &mut [bool],
    path: &Path<'_>,
    report: &mut Report,
) -> bool {
    let mut ok = repeated_keys(members, claimed, path, report);
    report.items(
        members.iter().zip(claimed.iter_mut()),
        |report, ((key, value), taken)| {
            if !*taken {
                *taken = true;
                ok &= any_json(value, &path.key(key), report);
            }
        },
    );
    ok
}

/// Reports every repeat of a key among the members of `members` not marked in `claimed` as
/// `duplicate_field` at the pointer of the repeated member (RFC 7493: a map or a `Value` would
/// keep one of them without a word). `true` when no key repeats. O(members).
fn repeated_keys(
    members: &[(String, Node)],
    claimed: &[bool],
    path: &Path<'_>,
    report: &mut Report,
) -> bool {
    if members.len() < 2 {
        return true;
    }
    let mut seen: HashSet<&str> = HashSet::with_capacity(members.len());
    let mut ok = true;
    for ((key, _), taken) in members.iter().zip(claimed) {
        if !*taken && !seen.insert(key) {
            super::duplicate_field(report, &path.key(key));
            ok = false;
        }
    }
    ok
}

impl<T: Shape> Shape for Option<T> {
    const __ONE_WALK: bool = T::__ONE_WALK;
    const __EXACT: super::Exact = T::__EXACT;
    const __KIND: super::JsonKind = T::__KIND;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        match node {
            Node::Null => true,
            _ => T::__shape(node, path, report, rules),
        }
    }

    /// serde reads a flattened `Option` as `None` when its value does not read: nothing is
    /// reported.
    fn __shape_flat(super::Flat(members, claimed, path, _, _): super::Flat<'_, '_>) -> bool {
        let mut scratch = Report::default();
        T::__shape_flat(super::Flat(members, claimed, path, &mut scratch, false));
        true
    }

    fn __missing_ok() -> bool {
        true
    }
}

impl<T: Shape> Shape for crate::Patch<T> {
    const __ONE_WALK: bool = T::__ONE_WALK;
    const __EXACT: super::Exact = T::__EXACT;
    const __KIND: super::JsonKind = T::__KIND;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        Option::<T>::__shape(node, path, report, rules)
    }

    fn __missing_ok() -> bool {
        true
    }
}

macro_rules! pointer_shape {
    ($($ty:ident),*) => {$(
        impl<T: Shape + ?Sized> Shape for $ty<T> {
            const __ONE_WALK: bool = T::__ONE_WALK;
            const __EXACT: super::Exact = T::__EXACT;
            const __KIND: super::JsonKind = T::__KIND;
            #[inline]
            fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
                T::__shape(node, path, report, rules)
            }
            #[inline]
            fn __shape_flat(flat: super::Flat<'_, '_>) -> bool {
                T::__shape_flat(flat)
            }
            #[inline]
            fn __missing_ok() -> bool {
                T::__missing_ok()
            }
            #[inline]
            fn __shape_members(
                members: &[(String, Node)],
                claimed: &mut [bool],
                path: &Path<'_>,
                report: &mut Report,
                rules: bool,
            ) -> bool {
                T::__shape_members(members, claimed, path, report, rules)
            }
            #[inline]
            fn __shape_variant(
                index: usize,
                content: super::Content<'_>,
                path: &Path<'_>,
                report: &mut Report,
                rules: bool,
            ) -> bool {
                T::__shape_variant(index, content, path, report, rules)
            }
        }
    )*};
}

use std::rc::Rc;
use std::sync::Arc;
pointer_shape!(Box, Rc, Arc);

/// Checks every element of an array against `T`.
fn elements<T: Shape>(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
    let Node::Array(items) = node else {
        invalid_type(report, path, node, Expected::Array);
        return false;
    };
    if crate::model::too_deep(path, &mut report.shapes) {
        return false;
    }
    let mut ok = true;
    report.items(items.iter().enumerate(), |report, (index, item)| {
        ok &= T::__shape(item, &path.index(index), report, rules);
    });
    ok
}

macro_rules! seq_shape {
    ($($ty:ty),*) => {$(
        impl<T: Shape> Shape for $ty {
            const __ONE_WALK: bool = T::__ONE_WALK;
            const __EXACT: super::Exact = T::__EXACT;
            const __KIND: super::JsonKind = super::JsonKind::NotObject;
            fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
                elements::<T>(node, path, report, rules)
            }
        }
    )*};
}

seq_shape!([T], Vec<T>, VecDeque<T>, BTreeSet<T>);

impl<T: Shape, S> Shape for HashSet<T, S> {
    const __ONE_WALK: bool = T::__ONE_WALK;
    const __EXACT: super::Exact = T::__EXACT;
    const __KIND: super::JsonKind = super::JsonKind::NotObject;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        elements::<T>(node, path, report, rules)
    }
}

impl<T: Shape, const N: usize> Shape for [T; N] {
    const __ONE_WALK: bool = T::__ONE_WALK;
    const __EXACT: super::Exact = T::__EXACT;
    const __KIND: super::JsonKind = super::JsonKind::NotObject;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        if !elements::<T>(node, path, report, rules) {
            return false;
        }
        match node {
            Node::Array(items) if items.len() != N => {
                report.shapes.push(
                    path,
                    RuleError::new(
                        crate::codes::INVALID_LENGTH,
                        "must be an array of {length} elements",
                    )
                    .with_param("length", Param::UInt(N as u64)),
                );
                false
            }
            _ => true,
        }
    }
}

/// Checks every member value of an object against `T`.
fn members<T: Shape>(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
    let Node::Object(members) = node else {
        invalid_type(report, path, node, Expected::Object);
        return false;
    };
    let mut claimed = claims(members);
    member_values::<T>(members, &mut claimed, path, report, rules)
}

fn member_values<T: Shape>(
    members: &[(String, Node)],
    claimed: &mut [bool],
    path: &Path<'_>,
    report: &mut Report,
    rules: bool,
) -> bool {
    if crate::model::too_deep(path, &mut report.shapes) {
        return false;
    }
    let mut ok = repeated_keys(members, claimed, path, report);
    report.items(
        members.iter().zip(claimed.iter_mut()),
        |report, ((key, value), taken)| {
            if !*taken {
                *taken = true;
                ok &= T::__shape(value, &path.key(key), report, rules);
            }
        },
    );
    ok
}

impl<K, T: Shape, S> Shape for HashMap<K, T, S> {
    const __ONE_WALK: bool = T::__ONE_WALK;
    // Not exact: the keys' type is not walked (serde may refuse a key).
    const __KIND: super::JsonKind = super::JsonKind::Object;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        members::<T>(node, path, report, rules)
    }
    fn __shape_flat(
        super::Flat(members, claimed, path, report, rules): super::Flat<'_, '_>,
    ) -> bool {
        member_values::<T>(members, claimed, path, report, rules)
    }
}

impl<K, T: Shape> Shape for BTreeMap<K, T> {
    const __ONE_WALK: bool = T::__ONE_WALK;
    // Not exact: the keys' type is not walked (serde may refuse a key).
    const __KIND: super::JsonKind = super::JsonKind::Object;
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        members::<T>(node, path, report, rules)
    }
    fn __shape_flat(
        super::Flat(members, claimed, path, report, rules): super::Flat<'_, '_>,
    ) -> bool {
        member_values::<T>(members, claimed, path, report, rules)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walk<T: Shape>(json: &str) -> Vec<(String, String)> {
        let node: Node = serde_json::from_str(json).unwrap();
        let mut report = Report::default();
        T::__shape(&node, &Path::ROOT, &mut report, false);
        report
            .shapes
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect()
    }

    #[test]
    fn standard_types() {
        assert!(walk::<Vec<u8>>("[1, 2, 255]").is_empty());
        assert_eq!(
            walk::<Vec<u8>>(r#"[1, "x", 256, -1, 1.5]"#),
            [
                ("/1".to_owned(), "invalid_type".to_owned()),
                ("/2".to_owned(), "range".to_owned()),
                ("/3".to_owned(), "range".to_owned()),
                ("/4".to_owned(), "invalid_type".to_owned()),
            ]
        );
        assert_eq!(
            walk::<HashMap<String, Option<bool>>>(r#"{"a": null, "b": true, "c/d": 1}"#),
            [("/c~1d".to_owned(), "invalid_type".to_owned())]
        );
        assert_eq!(
            walk::<[String; 2]>(r#"["a"]"#),
            [("".to_owned(), "invalid_length".to_owned())]
        );
        assert!(walk::<serde_json::Value>(r#"{"anything": [1, {}]}"#).is_empty());
        assert!(walk::<Box<Option<f64>>>("1.5").is_empty());
    }

    #[test]
    fn whole_number_message_names_no_rust_type() {
        let node: Node = serde_json::from_str("\"x\"").unwrap();
        let mut report = Report::default();
        u8::__shape(&node, &Path::ROOT, &mut report, false);
        let v = &report.shapes.violations()[0];
        assert_eq!(v.message(), "must be a whole number from 0 to 255");
    }
}
