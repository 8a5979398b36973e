//! The walk of one named field, compiled once: the parts of a model's `Shape` that are the same
//! for every field (finding its member by wire name or alias, its shape, a missing member,
//! reading its value for its rules) live here; the derive passes what depends on the field's
//! type as function pointers (non-capturing closures over the type's probes), so that each
//! model emits a description of its fields, not the walk itself.

use super::{find, missing_field, Node, Report};
use crate::error::Path;

/// The shape of a field's value (`rules` as in [`super::Shape::__shape`]): its type's probe.
pub type ShapeFn = fn(&Node, &Path<'_>, &mut Report<'_>, bool) -> bool;

/// A member found for a field: its key, its value, and whether it is there once.
pub type Found<'m> = Option<(&'m str, &'m Node, bool)>;

/// How a field whose member is not in the document is judged.
#[derive(Clone, Copy)]
pub enum Missing {
    /// serde fills it (a `default`, an `Option` or `Patch` layer).
    Ok,
    /// It is required: `missing_field` at its wire name.
    Required,
    /// As its type says (`Shape::__missing_ok` through the probes), else required.
    ByType(fn() -> bool),
}

/// Finds the member of the field named `names` (its wire name, then its aliases) among the
/// unclaimed `members`, claims it (repeated members reported), and checks its shape, or that it
/// may be missing. Returns the member found and whether the field has its shape.
///
/// With `rules` (a `nested` field, in a walk with rules, whose type is walked once: see
/// [`super::Shape::__ONE_WALK`]) the value is walked once for its shapes and its rules: the
/// shape errors a walk without rules finds, the same verdict, and the rule violations of its
/// parts that read (each level of a document walked once, however deep its models nest).
/// Without, its shape alone.
#[doc(hidden)]
#[allow(clippy::too_many_arguments)]
pub fn member<'m>(
    members: &'m [(String, Node)],
    claimed: &mut [bool],
    path: &Path<'_>,
    report: &mut Report<'_>,
    names: &[&str],
    missing: Missing,
    shape: ShapeFn,
    rules: bool,
) -> (Found<'m>, bool) {
    let found = find(members, claimed, names, path, report);
    let good = match found {
        Some((key, value, single)) if rules => {
            let path = path.key(key);
            report.nested(|report| shape(value, &path, report, true)) && single
        }
        Some((key, value, single)) => shape(value, &path.key(key), report, false) && single,
        None => match missing {
            Missing::Ok => true,
            Missing::ByType(ok) if ok() => true,
            Missing::Required | Missing::ByType(_) => {
                missing_field(report, &path.key(names[0]));
                false
            }
        },
    };
    (found, good)
}

/// The value of a field for its rules: its member (or element) read alone by `read` (its type's
/// probe) at its key (or index), or, when it is not in the document, `missing()` (its default,
/// or what serde reads a missing member as).
#[doc(hidden)]
pub fn read_member<T, K: super::Place>(
    found: Option<(K, &Node, bool)>,
    path: &Path<'_>,
    report: &mut Report<'_>,
    read: fn(&Node, &Path<'_>, &mut Report<'_>) -> Option<T>,
    missing: fn() -> Option<T>,
) -> Option<T> {
    match found {
        Some((key, value, _)) => read(value, &key.below(path), report),
        None => missing(),
    }
}

/// The `__shape` of a struct with named fields: `node` must be an object; its members are walked
/// by `T::__shape_flat`, then, under `deny_unknown_fields` (`deny`), the members no field claimed
/// are reported (whatever the fields' verdict).
#[doc(hidden)]
pub fn named_object<T: super::Shape + ?Sized>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report<'_>,
    rules: bool,
    deny: bool,
) -> bool {
    let Node::Object(members) = node else {
        super::invalid_type(report, path, node, super::Expected::Object);
        return false;
    };
    let mut claimed = super::claims(members);
    named_members::<T>(members, &mut claimed, path, report, rules, deny)
}

/// The `__shape_members` of a struct with named fields: past the depth limit nothing; else its
/// fields walked in place over the members not yet `claimed`, then, under
/// `deny_unknown_fields` (`deny`), the members no one claimed reported.
#[doc(hidden)]
pub fn named_members<T: super::Shape + ?Sized>(
    members: &[(String, Node)],
    claimed: &mut [bool],
    path: &Path<'_>,
    report: &mut Report<'_>,
    rules: bool,
    deny: bool,
) -> bool {
    if super::too_deep(path, report) {
        return false;
    }
    let good = T::__shape_flat(super::Flat(members, claimed, path, report, rules));
    // `&`, not `&&`: the unknown members are reported whatever the fields are; where they are
    // let through, they are still held to I-JSON (no repeated key), as the first read holds them.
    good & if deny {
        super::unknown_members(members, claimed, path, report)
    } else {
        super::ignored_members(members, claimed, path, report)
    }
}
