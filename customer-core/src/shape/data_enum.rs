//! The shapes of enums whose variants carry data (struct, tuple and newtype variants), in each of
//! serde's representations.
//!
//! The derive describes the enum once, as a constant [`DataEnum`]: each variant's accepted names
//! and what it holds, the representation, `other` and `deny_unknown_fields`. [`data_enum`] walks a
//! document against it: it finds the tag (reporting an unknown, missing, repeated or mistyped tag
//! once, at the tag's pointer, with the accepted names), checks what a unit variant holds, and
//! hands the chosen variant's content to the model's generated [`Shape::__shape_variant`], which
//! walks the variant's fields (a struct variant by the same walk as a struct with named fields).
//!
//! Where the content is, as serde reads it:
//! - externally tagged (the default): `{"variant": content}`, a unit variant also `"variant"`;
//!   content at `/variant`;
//! - internally tagged (`tag = "t"`): the enum's own object, the tag one of its members; the
//!   fields of a struct variant (and those of the model a newtype variant wraps) at the object's
//!   own level;
//! - adjacently tagged (`tag = "t", content = "c"`): `{"t": "variant", "c": content}`, content
//!   at `/c`;
//! - untagged: the value itself, read as each variant in turn.
//!
//! serde reads the last three from a buffered copy of the value, without its path: what serde
//! alone refuses inside such a variant (a field whose type's walk is not exact) is found at its
//! member by a walk of the `locate` module, which reads the chosen variant's fields alone
//! ([`DataEnum::alone`]).
//!
//! # What an untagged enum reports
//!
//! serde reads the first variant, in declaration order, that reads. The walk does the same: the
//! first variant whose shape has no violation is the one read, and its rules run. When none
//! does, the variants whose shape at least takes the value's JSON type (an object for a struct
//! variant, an array for a tuple variant, whatever the wrapped type takes for a newtype variant)
//! are the candidates: when exactly one variant is, the document is taken to be meant for it and
//! its whole report is given (every wrong, missing and unknown field, and the rules of the
//! fields that read); otherwise one `invalid_value` at the enum's pointer says the value matches
//! none of the variants, naming them. Guessing between several candidates (by the number of
//! violations, say) would report the fields of a variant the sender did not mean; the value
//! itself is never quoted.
//!
//! A variant marked `#[serde(untagged)]` in a tagged enum is tried, in order, when the tagged
//! reading fails; when none of them reads, the tagged reading's violations are reported.
//!
//! Not followed: serde also reads an internally tagged enum from an array (the tag, then the
//! fields by position), and an adjacently tagged one (the tag, then the content); the walk takes
//! only an object there. A document serde reads is never
//! read a second time, so this shows only beside another violation, as `invalid_type`.
//!
//! Cost: a tagged variant's content is walked once, its models too when a newtype variant's
//! only rule is `nested` (see [`newtype_variant`]); an untagged value once per variant tried.
//! An enum is walked once inside a `nested` field's value (`Shape::__ONE_WALK`): its variants'
//! rules phases are quiet there, and the variants an untagged enum tries are tried as part of
//! the same walk ([`Report::attempt`]). An untagged enum that holds itself in more than one
//! variant is walked O(variants^depth) times for a value no variant takes deep down, as serde's
//! own untagged read before it reads it (rows 26 to 29 of `scripts/bench-hostile.sh
//! --callgrind`: serde alone is four times as costly for two more levels, the walk 2.3 to 3.5
//! times serde's cost from 6 to 12 levels).

use super::{
    claims, find, invalid_type, missing_field, unknown_field, Expected, Node, Report, Shape,
    WholeFn,
};
use crate::error::{Param, Path, RuleError};

/// What a variant of a data enum holds.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VariantKind {
    /// Nothing: `Variant`.
    Unit,
    /// One unnamed field: `Variant(T)`.
    Newtype,
    /// Two or more unnamed fields, as an array of that many elements.
    Tuple,
    /// Named fields, as an object.
    Struct,
}

/// One variant of a [`DataEnum`].
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct VariantShape {
    /// Every name the variant is read from: its wire name, then its aliases.
    pub accepted: &'static [&'static str],
    /// What it holds.
    pub kind: VariantKind,
    /// Read untagged (`#[serde(untagged)]` on the variant or on the enum).
    pub untagged: bool,
    /// `#[serde(other)]`: the unit variant any unknown tag reads as.
    pub other: bool,
}

impl VariantShape {
    /// The variant read from `accepted` holding `kind`, read untagged or not, `other` or not.
    #[must_use]
    pub const fn new(
        accepted: &'static [&'static str],
        kind: VariantKind,
        untagged: bool,
        other: bool,
    ) -> Self {
        VariantShape {
            accepted,
            kind,
            untagged,
            other,
        }
    }
}

/// serde's representation of an enum.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum Form {
    /// The default: `{"variant": content}`.
    External,
    /// `#[serde(tag = "...")]`: the tag is a member of the variant's object.
    Internal(&'static str),
    /// `#[serde(tag = "...", content = "...")]`: `{"tag": "variant", "content": content}`.
    Adjacent(&'static str, &'static str),
    /// `#[serde(untagged)]`: the first variant that reads.
    Untagged,
}

/// A data enum as the second read walks it; variants in declaration order (those serde skips
/// left out), their index the one [`Shape::__shape_variant`] is called with.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct DataEnum {
    /// The representation.
    pub form: Form,
    /// The wire names of the tagged variants that are not `other`, for the `one_of` message.
    pub names: &'static [&'static str],
    /// The names of the untagged variants, for the message of a value that matches none.
    pub untagged_names: &'static [&'static str],
    /// The variants.
    pub variants: &'static [VariantShape],
    /// `#[serde(deny_unknown_fields)]` on the enum: an adjacently tagged enum's object has only
    /// the tag and the content (a struct variant's own fields are checked by its walk).
    pub deny_unknown_fields: bool,
    /// Per variant (by index; none past the end), its fields as [`read_alone_fields`] reads them
    /// when the walk looks for an error serde found in the variant's buffered content: given
    /// for the variants serde reads through its `Content` (internally and adjacently tagged,
    /// untagged), empty for an externally tagged enum (serde's path goes into its variants).
    pub alone: &'static [&'static [FieldRead]],
}

/// A field of a variant that serde reads from its buffered `Content`, as [`read_alone_fields`]
/// reads it: by its names in the variant's object (a struct variant), or by its position (the
/// elements of a tuple variant, the one value of a newtype variant: `names` empty).
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct FieldRead {
    /// The member's wire name, then its aliases; empty for an element.
    pub names: &'static [&'static str],
    /// Reads the value alone through serde, a refusal at its pointer into the report
    /// (`ReadProbe::<T>::WHOLE`); `None` when there is nothing to read (the type's walk is
    /// exact, it is read by a `deserialize_with` function the walk already calls, or it cannot
    /// be read alone).
    pub read: Option<WholeFn>,
}

impl FieldRead {
    /// A field named `names` (none for an element) read by `read`.
    #[must_use]
    pub const fn new(names: &'static [&'static str], read: Option<WholeFn>) -> Self {
        FieldRead { names, read }
    }
}

/// Where the chosen variant's content is.
#[doc(hidden)]
#[derive(Debug)]
pub enum Content<'n> {
    /// This value, under the member `key` of the enum's object, or at the enum's own pointer
    /// (`None`).
    Value(&'n Node, Option<&'n str>),
    /// An internally tagged variant: the members of the enum's object, those marked in the
    /// claims (the tag) not the variant's.
    Members(&'n [(String, Node)], &'n mut [bool]),
    /// An adjacently tagged variant without its content member (named here): serde reads the
    /// content of a newtype variant as a missing field.
    Missing(&'n str),
}

/// The pointer of a [`Content::Value`]: `path`, or its member `key`.
#[doc(hidden)]
#[inline]
#[must_use]
pub fn content_path<'a>(path: &'a Path<'a>, key: Option<&'a str>) -> Path<'a> {
    match key {
        Some(key) => path.key(key),
        None => *path,
    }
}

/// Claim marks, owned or borrowed from an internally tagged enum's walk.
#[doc(hidden)]
#[derive(Debug)]
pub enum Claims<'n> {
    /// Fresh marks for an object of the variant's own.
    Own(Vec<bool>),
    /// The marks of the enum's object (its tag claimed).
    Shared(&'n mut [bool]),
}

impl Claims<'_> {
    /// The marks.
    pub fn marks(&mut self) -> &mut [bool] {
        match self {
            Claims::Own(marks) => marks,
            Claims::Shared(marks) => marks,
        }
    }
}

/// The object a struct variant's fields are read from.
#[doc(hidden)]
#[derive(Debug)]
pub struct VariantObject<'a> {
    /// Its members.
    pub members: &'a [(String, Node)],
    /// Which of them are taken.
    pub claims: Claims<'a>,
    /// Its pointer.
    pub path: Path<'a>,
}

/// The object of a struct variant; `None` (and the violation) when the content is not an
/// object.
#[doc(hidden)]
pub fn struct_content<'a>(
    content: Content<'a>,
    path: &'a Path<'a>,
    report: &mut Report,
) -> Option<VariantObject<'a>> {
    match content {
        Content::Members(members, claimed) => Some(VariantObject {
            members,
            claims: Claims::Shared(claimed),
            path: *path,
        }),
        Content::Value(node, key) => {
            let at = content_path(path, key);
            let Node::Object(members) = node else {
                invalid_type(report, &at, node, Expected::Object);
                return None;
            };
            if super::too_deep(&at, report) {
                return None;
            }
            Some(VariantObject {
                members,
                claims: Claims::Own(claims(members)),
                path: at,
            })
        }
        // Reported where the tag was read.
        Content::Missing(_) => None,
    }
}

/// The items of a tuple variant, whether their number is within `min..=max` (see
/// [`tuple_items`](super::tuple_items)), and its pointer; `None` (and the violation) when the
/// content is not an array.
#[doc(hidden)]
pub fn tuple_content<'a>(
    content: Content<'a>,
    path: &'a Path<'a>,
    report: &mut Report,
    min: usize,
    max: usize,
) -> Option<(&'a [Node], bool, Path<'a>)> {
    match content {
        Content::Value(node, key) => {
            let at = content_path(path, key);
            let (items, fits) = super::tuple_items(node, &at, report, min, max)?;
            Some((items, fits, at))
        }
        Content::Members(..) | Content::Missing(_) => None,
    }
}

/// The object made of the members not marked in `claimed`: what a newtype variant of an
/// internally tagged enum reads (the enum's object without its tag).
#[doc(hidden)]
#[must_use]
pub fn unclaimed(members: &[(String, Node)], claimed: &[bool]) -> Node {
    Node::Object(
        members
            .iter()
            .zip(claimed)
            .filter(|(_, taken)| !**taken)
            .map(|(member, _)| member.clone())
            .collect(),
    )
}

/// Walks `node` at `path` against the data enum `shape`, the chosen variant's content by
/// `T::__shape_variant`; `true` when the shape is right.
#[doc(hidden)]
pub fn data_enum<T: Shape + ?Sized>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    rules: bool,
    shape: &DataEnum,
) -> bool {
    if matches!(shape.form, Form::Untagged) {
        return untagged::<T>(node, path, report, rules, shape, false);
    }
    let has_untagged = shape.variants.iter().any(|v| v.untagged);
    if !has_untagged {
        return tagged::<T>(node, path, report, rules, shape);
    }
    // The tagged reading first; the untagged variants when it fails.
    let mut first = report.attempt();
    if tagged::<T>(node, path, &mut first, rules, shape) && first.shapes.is_empty() {
        report.keep_all(first);
        return true;
    }
    let mut second = report.attempt();
    if untagged::<T>(node, path, &mut second, rules, shape, true) {
        report.keep_all(second);
        return true;
    }
    report.keep_all(first);
    false
}

/// The `__shape` of a data enum: [`data_enum`], then, with rules and when the value has its
/// shape, in a rules phase, the enum read whole by `whole` (what serde refuses beyond the
/// shapes, and the container's checks, `checks`: inside a `nested` field's value walked once,
/// only for those).
#[doc(hidden)]
pub fn data_enum_whole<T: Shape + ?Sized>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    rules: bool,
    shape: &DataEnum,
    whole: Option<WholeFn>,
    checks: bool,
) -> bool {
    let good = data_enum::<T>(node, path, report, rules, shape);
    if !(good && rules) {
        return good;
    }
    let phase = report.rules_phase();
    let read_whole =
        Report::reads_whole(&phase, checks) && whole.is_none_or(|whole| whole(node, path, report));
    report.end_rules_phase(phase, true, read_whole)
}

/// The tagged reading: the tag found, the chosen variant's content walked.
fn tagged<T: Shape + ?Sized>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    rules: bool,
    shape: &DataEnum,
) -> bool {
    match shape.form {
        Form::External => external::<T>(node, path, report, rules, shape),
        Form::Internal(tag) => internal::<T>(node, path, report, rules, shape, tag),
        Form::Adjacent(tag, content) => {
            adjacent::<T>(node, path, report, rules, shape, tag, content)
        }
        Form::Untagged => untagged::<T>(node, path, report, rules, shape, false),
    }
}

/// The tagged variant `name` reads as: by one of its names, else the `other` variant; `None`
/// (and a `one_of` at `at`) when there is none.
fn variant_named(
    shape: &DataEnum,
    name: &str,
    at: &Path<'_>,
    report: &mut Report,
) -> Option<usize> {
    let tagged = || {
        shape
            .variants
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.untagged)
    };
    if let Some((index, _)) = tagged().find(|(_, v)| v.accepted.contains(&name)) {
        return Some(index);
    }
    if let Some((index, _)) = tagged().find(|(_, v)| v.other) {
        return Some(index);
    }
    report
        .shapes
        .push(at, crate::rules::one_of::error(shape.names));
    None
}

/// The variant a tag's value names: a string naming a variant; `None` (and the violation at
/// `at`) otherwise.
fn tag_value(shape: &DataEnum, value: &Node, at: &Path<'_>, report: &mut Report) -> Option<usize> {
    match value {
        Node::String(name) => variant_named(shape, name, at, report),
        _ => {
            invalid_type(report, at, value, Expected::String);
            None
        }
    }
}

/// What a unit variant holds where it has content: `null`.
fn unit_content(value: &Node, at: &Path<'_>, report: &mut Report) -> bool {
    if matches!(value, Node::Null) {
        true
    } else {
        invalid_type(report, at, value, Expected::Null);
        false
    }
}

/// serde's default form: a string naming a unit variant, or an object of one member named after
/// a variant, its value the content.
fn external<T: Shape + ?Sized>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    rules: bool,
    shape: &DataEnum,
) -> bool {
    let has_unit = shape
        .variants
        .iter()
        .any(|v| !v.untagged && v.kind == VariantKind::Unit);
    match node {
        Node::String(name) => {
            let Some(index) = variant_named(shape, name, path, report) else {
                return false;
            };
            if shape.variants[index].kind == VariantKind::Unit {
                true
            } else {
                // A variant that carries data is an object.
                invalid_type(report, path, node, Expected::Object);
                false
            }
        }
        Node::Object(members) => {
            let [(key, value)] = members.as_slice() else {
                report.shapes.push(path, one_member(has_unit));
                return false;
            };
            let Some(index) = variant_named(shape, key, path, report) else {
                return false;
            };
            if super::too_deep(path, report) {
                return false;
            }
            if shape.variants[index].kind == VariantKind::Unit {
                return unit_content(value, &path.key(key), report);
            }
            T::__shape_variant(index, Content::Value(value, Some(key)), path, report, rules)
        }
        _ if has_unit => {
            invalid_type(report, path, node, Expected::String);
            false
        }
        _ => {
            invalid_type(report, path, node, Expected::Object);
            false
        }
    }
}

/// The `invalid_length` of an externally tagged enum's object that has not exactly one member.
#[cold]
fn one_member(has_unit: bool) -> RuleError {
    let message = if has_unit {
        "must be a string or an object of exactly {length} member"
    } else {
        "must be an object of exactly {length} member"
    };
    RuleError::new(crate::codes::INVALID_LENGTH, message).with_param("length", Param::UInt(1))
}

/// `#[serde(tag = "t")]`: an object whose member `t` names the variant; a struct variant's
/// fields (or the wrapped model's) are its other members.
fn internal<T: Shape + ?Sized>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    rules: bool,
    shape: &DataEnum,
    tag: &str,
) -> bool {
    let Node::Object(members) = node else {
        invalid_type(report, path, node, Expected::Object);
        return false;
    };
    if super::too_deep(path, report) {
        return false;
    }
    let mut claimed = claims(members);
    let Some((key, value, single)) = find(members, &mut claimed, &[tag], path, report) else {
        missing_field(report, &path.key(tag));
        return false;
    };
    let Some(index) = tag_value(shape, value, &path.key(key), report) else {
        return false;
    };
    let variant = shape.variants[index];
    // serde ignores the other members of a unit variant.
    let content = match variant.kind {
        VariantKind::Unit => true,
        _ => {
            let good = T::__shape_variant(
                index,
                Content::Members(members, &mut claimed),
                path,
                report,
                rules,
            );
            located(
                good,
                shape,
                index,
                Place::Members(members, tag),
                path,
                report,
            )
        }
    };
    single && content
}

/// `#[serde(tag = "t", content = "c")]`: `{"t": "variant", "c": content}`, in either order;
/// other members are ignored, or refused with `deny_unknown_fields`.
#[allow(clippy::too_many_arguments)]
fn adjacent<T: Shape + ?Sized>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    rules: bool,
    shape: &DataEnum,
    tag: &str,
    content: &'static str,
) -> bool {
    let Node::Object(members) = node else {
        invalid_type(report, path, node, Expected::Object);
        return false;
    };
    if super::too_deep(path, report) {
        return false;
    }
    let mut claimed = claims(members);
    let found_tag = find(members, &mut claimed, &[tag], path, report);
    let found_content = find(members, &mut claimed, &[content], path, report);
    let mut ok = true;
    if shape.deny_unknown_fields {
        for ((key, node), taken) in members.iter().zip(&claimed) {
            if !taken {
                unknown_field(report, &path.key(key), node);
                ok = false;
            }
        }
    }
    let Some((tag_key, tag_node, tag_single)) = found_tag else {
        missing_field(report, &path.key(tag));
        return false;
    };
    let Some(index) = tag_value(shape, tag_node, &path.key(tag_key), report) else {
        return false;
    };
    ok &= tag_single;
    let variant = shape.variants[index];
    match (variant.kind, found_content) {
        (VariantKind::Unit, None) => ok,
        (VariantKind::Unit, Some((key, value, single))) => {
            unit_content(value, &path.key(key), report) && single && ok
        }
        (VariantKind::Newtype, None) => {
            T::__shape_variant(index, Content::Missing(content), path, report, rules) && ok
        }
        (_, None) => {
            missing_field(report, &path.key(content));
            false
        }
        (_, Some((key, value, single))) => {
            let good =
                T::__shape_variant(index, Content::Value(value, Some(key)), path, report, rules);
            let place = Place::Value(value, Some(key));
            located(good, shape, index, place, path, report) && single && ok
        }
    }
}

/// `#[serde(untagged)]` (or the untagged variants of a tagged enum, `after_tagged`): the first
/// variant whose shape is right is the one read; see the module's documentation for what is
/// reported when there is none.
fn untagged<T: Shape + ?Sized>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report,
    rules: bool,
    shape: &DataEnum,
    after_tagged: bool,
) -> bool {
    let mut candidate: Option<Report> = None;
    let mut candidates = 0usize;
    for (index, variant) in shape.variants.iter().enumerate() {
        if !variant.untagged {
            continue;
        }
        let mut attempt = report.attempt();
        let good = match variant.kind {
            VariantKind::Unit => unit_content(node, path, &mut attempt),
            _ => {
                let good = T::__shape_variant(
                    index,
                    Content::Value(node, None),
                    path,
                    &mut attempt,
                    rules,
                );
                let good = good && attempt.shapes.is_empty();
                located(
                    good,
                    shape,
                    index,
                    Place::Value(node, None),
                    path,
                    &mut attempt,
                )
            }
        };
        if good && attempt.shapes.is_empty() {
            report.keep_all(attempt);
            return true;
        }
        if !wrong_type_only(&attempt, path) {
            candidates += 1;
            candidate = Some(attempt);
        }
    }
    if after_tagged {
        // The caller reports the tagged reading.
        return false;
    }
    match (candidates, candidate) {
        (1, Some(only)) => report.keep_all(only),
        _ => {
            if !report.counted_shape(path, node) {
                report.shapes.push(path, no_variant(shape.untagged_names));
            }
        }
    }
    false
}

/// Whether the only violation of an attempt is the value's JSON type, at the enum's pointer:
/// the variant does not take a value of this type at all.
fn wrong_type_only(attempt: &Report, path: &Path<'_>) -> bool {
    let shapes = &attempt.shapes;
    shapes.len() == 1
        && shapes
            .iter()
            .all(|v| v.code() == crate::codes::INVALID_TYPE && v.pointer() == path.to_pointer())
}

/// Where a variant's content is, for [`read_alone_fields`]: a value (under the member `key` of
/// the enum's object, or at the enum's own pointer), or an internally tagged enum's members, those
/// named like the tag (the second field) not the variant's.
enum Place<'n> {
    Value(&'n Node, Option<&'n str>),
    Members(&'n [(String, Node)], &'n str),
}

/// The verdict on a variant whose walk said `good`: in a walk of the `locate` module at or below
/// `path`, its fields read alone too (see [`read_alone_fields`]). Not generic, out of the enums'
/// walks.
fn located(
    good: bool,
    shape: &DataEnum,
    index: usize,
    place: Place<'_>,
    path: &Path<'_>,
    report: &mut Report<'_>,
) -> bool {
    if good && report.locating(path) {
        read_alone_fields(shape, index, place, path, report)
    } else {
        good
    }
}

/// In a walk looking for an error serde found inside an enum's buffered content (see
/// [`Report::locating`]): the fields of the variant at `index`, whose walk found nothing, read
/// alone through serde (those [`DataEnum::alone`] gives a read), each refusal at its own pointer.
///
/// serde reads an internally or adjacently tagged or an untagged enum's variant from the
/// `Content` it buffered, where no path is kept: its error, read whole, says only that the
/// enum did not read. A field read alone is read straight from the tree, its path tracked.
/// `true` when every one reads.
#[cold]
#[inline(never)]
fn read_alone_fields(
    shape: &DataEnum,
    index: usize,
    place: Place<'_>,
    path: &Path<'_>,
    report: &mut Report<'_>,
) -> bool {
    let Some(fields) = shape.alone.get(index) else {
        return true;
    };
    if fields.iter().all(|field| field.read.is_none()) {
        return true;
    }
    let mut good = true;
    match (shape.variants[index].kind, place) {
        (VariantKind::Newtype, Place::Value(node, key)) => {
            if let Some(read) = fields.first().and_then(|field| field.read) {
                good = report.read_alone(read, node, &content_path(path, key));
            }
        }
        (VariantKind::Newtype, Place::Members(members, tag)) => {
            if let Some(read) = fields.first().and_then(|field| field.read) {
                let object = Node::Object(
                    members
                        .iter()
                        .filter(|(key, _)| key != tag)
                        .cloned()
                        .collect(),
                );
                good = report.read_alone(read, &object, path);
            }
        }
        (VariantKind::Tuple, Place::Value(Node::Array(items), key)) => {
            let at = content_path(path, key);
            for (position, (field, item)) in fields.iter().zip(items).enumerate() {
                if let Some(read) = field.read {
                    good &= report.read_alone(read, item, &at.index(position));
                }
            }
        }
        (VariantKind::Struct, Place::Value(Node::Object(members), key)) => {
            let at = content_path(path, key);
            good = read_members_alone(fields, members, None, &at, report);
        }
        (VariantKind::Struct, Place::Members(members, tag)) => {
            good = read_members_alone(fields, members, Some(tag), path, report);
        }
        _ => {}
    }
    good
}

/// The named fields of `fields` that have a read, each read alone from the first member of
/// `members` named by one of its names (not the `tag`); a field whose member is missing is left
/// to the walk.
fn read_members_alone(
    fields: &[FieldRead],
    members: &[(String, Node)],
    tag: Option<&str>,
    path: &Path<'_>,
    report: &mut Report<'_>,
) -> bool {
    let mut good = true;
    for field in fields {
        let Some(read) = field.read else {
            continue;
        };
        let member = members
            .iter()
            .find(|(key, _)| tag != Some(key.as_str()) && field.names.contains(&key.as_str()));
        if let Some((key, value)) = member {
            good &= report.read_alone(read, value, &path.key(key));
        }
    }
    good
}

/// The `invalid_value` of an untagged enum's value that matches none of its variants.
#[cold]
fn no_variant(names: &'static [&'static str]) -> RuleError {
    let list = names
        .iter()
        .map(|name| format!("`{name}`"))
        .collect::<Vec<_>>()
        .join(", ");
    RuleError::new(
        crate::codes::INVALID_VALUE,
        "must match one of the forms {variants}",
    )
    .with_param("variants", Param::Str(std::borrow::Cow::Owned(list)))
}

/// The shape of the members of an internally tagged enum's object not yet claimed, as
/// [`Shape::__shape_members`] walks them, as a function pointer.
pub type MembersFn = fn(&[(String, Node)], &mut [bool], &Path<'_>, &mut Report<'_>, bool) -> bool;

/// The type a newtype variant wraps, as its probes describe it: function pointers shared by
/// every variant wrapping the same type.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Wrapped {
    /// Its shape.
    pub shape: super::ShapeFn,
    /// Its shape over an internally tagged enum's members.
    pub members: MembersFn,
    /// Whether serde reads it from a missing content member.
    pub missing_ok: fn() -> bool,
    /// The variant's field has a `nested` rule (and the enum's rules can run): the model
    /// below is walked with rules.
    pub nested: bool,
    /// ... and that walk is the walk of its shapes (the field's only rule is `nested`, and its
    /// type is walked once, see [`Shape::__ONE_WALK`]).
    pub once: bool,
}

/// The rules of a newtype variant's field on its value: the node where it is (`None`: the
/// content member is missing, the value is what serde reads then), at its pointer.
pub type ValueRules<'f> = &'f mut dyn FnMut(Option<&Node>, &Path<'_>, &mut Report<'_>);

/// The walk of a newtype variant's content, compiled once: the wrapped value's shape where the
/// content is (a member's value, or the internally tagged enum's other members); with `rules`,
/// the field's own rules (`value_rules`, on the value read alone, in a rules phase: see
/// [`Report::rules_phase`]) and the model below: walked once for its shapes and its rules when
/// `wrapped.once`, else walked again for its rules. `true` when the shape is right.
#[doc(hidden)]
pub fn newtype_variant(
    content: Content<'_>,
    path: &Path<'_>,
    report: &mut Report<'_>,
    rules: bool,
    wrapped: &Wrapped,
    value_rules: Option<ValueRules<'_>>,
) -> bool {
    let once = rules && wrapped.once;
    let again = rules && wrapped.nested && !wrapped.once;
    match content {
        Content::Value(node, key) => {
            let at = content_path(path, key);
            let good = value(node, &at, report, wrapped.shape, once);
            if !rules || (value_rules.is_none() && !again) {
                return good;
            }
            let phase = report.rules_phase();
            if let (true, Some(value_rules)) = (good, value_rules) {
                value_rules(Some(node), &at, report);
            }
            if again {
                walk_again(node, &at, report, wrapped.shape);
            }
            report.end_rules_phase(phase, good, true)
        }
        Content::Members(members, claimed) => {
            let before = (value_rules.is_some() || again).then(|| claimed.to_vec());
            let good = if once {
                report.nested(|report| (wrapped.members)(members, claimed, path, report, true))
            } else {
                (wrapped.members)(members, claimed, path, report, false)
            };
            let (true, Some(before)) = (rules, before) else {
                return good;
            };
            let phase = report.rules_phase();
            // Past the budget, not even the object copied (its read would be refused).
            let rules_now = value_rules.filter(|_| good && !report.spent());
            if let Some(value_rules) = rules_now {
                let object = unclaimed(members, &before);
                value_rules(Some(&object), path, report);
            }
            if let Some(mut walk) = again.then(|| report.again_over(members, &before)).flatten() {
                let mut claims = before;
                (wrapped.members)(members, &mut claims, path, &mut walk, true);
                report.keep_rules(walk);
            }
            report.end_rules_phase(phase, good, true)
        }
        Content::Missing(key) => {
            if !(wrapped.missing_ok)() {
                missing_field(report, &path.key(key));
                return false;
            }
            if let (true, Some(value_rules)) = (rules, value_rules) {
                let phase = report.rules_phase();
                value_rules(None, path, report);
                return report.end_rules_phase(phase, true, true);
            }
            true
        }
    }
}

/// [`newtype_variant`] of a variant whose field's rules are its model's rules function `rules`
/// (`__customer_rules_V_0`, which `validate_into` calls too), on the value read alone by
/// `reader` (or what a missing content member reads as), at the content's pointer.
#[doc(hidden)]
pub fn newtype_rules<T>(
    content: Content<'_>,
    path: &Path<'_>,
    report: &mut Report<'_>,
    rules: bool,
    wrapped: &Wrapped,
    reader: super::Reader<T>,
    value_rules: super::RulesFn<T, ()>,
) -> bool {
    let mut run = |node: Option<&Node>, at: &Path<'_>, report: &mut Report<'_>| {
        let value = match node {
            Some(node) => (reader.read)(node, at, report),
            None => (reader.missing)(),
        };
        if let Some(value) = value {
            value_rules(&value, crate::at::At(at, (), &mut report.rules));
        }
    };
    newtype_variant(content, path, report, rules, wrapped, Some(&mut run))
}

/// [`newtype_rules`] of a model with a context `C` (`#[customer(context = C)]`): `rules` run
/// with the caller's context, taken from the report ([`Report::context`]); not run when the
/// caller gave none (the value is read all the same).
#[doc(hidden)]
pub fn newtype_rules_with<T, C: std::any::Any>(
    content: Content<'_>,
    path: &Path<'_>,
    report: &mut Report<'_>,
    rules: bool,
    wrapped: &Wrapped,
    reader: super::Reader<T>,
    value_rules: super::ContextRulesFn<T, C, ()>,
) -> bool {
    let mut run = |node: Option<&Node>, at: &Path<'_>, report: &mut Report<'_>| {
        let value = match node {
            Some(node) => (reader.read)(node, at, report),
            None => (reader.missing)(),
        };
        if let (Some(value), Some(ctx)) = (value, report.context::<C>()) {
            value_rules(&value, ctx, crate::at::At(at, (), &mut report.rules));
        }
    };
    newtype_variant(content, path, report, rules, wrapped, Some(&mut run))
}

/// The shape of a value whose type's shape is `shape`; with `once` (a `nested` value whose
/// type is walked once, in a walk with rules) walked once for its shapes and its rules, marked
/// as inside a `nested` field's value (see [`Report::rules_phase`]).
#[doc(hidden)]
#[inline]
pub fn value(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report<'_>,
    shape: super::ShapeFn,
    once: bool,
) -> bool {
    if once {
        report.nested(|report| shape(node, path, report, true))
    } else {
        shape(node, path, report, false)
    }
}

/// The model below a `nested` value not walked once: walked again with rules, its rule
/// violations kept (its shape errors were reported by the first walk); not past the report's
/// budget (see [`Report::again_at`]).
#[doc(hidden)]
pub fn walk_again(node: &Node, path: &Path<'_>, report: &mut Report<'_>, shape: super::ShapeFn) {
    if let Some(mut walk) = report.again_at(node) {
        shape(node, path, &mut walk, true);
        report.keep_rules(walk);
    }
}
