//! The second read of a document that did not read: every violation in one report.
//!
//! Reading goes through serde straight into the model (no intermediate tree, nothing allocated
//! on valid input). serde stops at the first shape error, so only when that read fails with a
//! shape error is the document read a second time, into a [`Node`] tree (object members in
//! document order, repeated keys kept, serde_json's nesting limit in force), and walked against
//! the [`Shape`] of the model: every wrong JSON type, missing or unknown field, value a parsed
//! newtype or a field-less enum refuses, at its pointer. The fields whose values have the right
//! shape are then read one by one and their rules run, so the report also holds every rule
//! violation of the parts that did read. The report is put in document order.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, Visitor};

use crate::error::{Error, Param, Path, RuleError, ValidationErrors, Violation};

mod forms;
pub use forms::*;

// ---------------------------------------------------------------------------------------------
// The document tree.

/// A JSON document as written: object members in document order, repeated keys kept.
#[doc(hidden)]
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Node>),
    /// An object, its members in document order.
    Object(Vec<(String, Node)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Bool(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
                Ok(Node::Number(v.into()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
                Ok(Node::Number(v.into()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
                Ok(serde_json::Number::from_f64(v).map_or(Node::Null, Node::Number))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
                Ok(Node::String(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
                Ok(Node::String(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
                Node::deserialize(d)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::Array(items))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut members = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Node>()? {
                    members.push((key, value));
                }
                Ok(Node::Object(members))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

impl Node {
    /// The same value as a `serde_json::Value` (of repeated keys, the last one stays).
    #[must_use]
    pub fn to_value(&self) -> serde_json::Value {
        use serde_json::Value;
        match self {
            Node::Null => Value::Null,
            Node::Bool(b) => Value::Bool(*b),
            Node::Number(n) => Value::Number(n.clone()),
            Node::String(s) => Value::String(s.clone()),
            Node::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The shape of a type.

/// Where the second read puts what it finds: shape errors and rule violations apart, so that a
/// walk that only looks for rule violations can drop the shape errors it meets again.
///
/// It also carries the caller's validation context, type-erased (see [`crate::reread`]), for
/// the rules of models with `#[customer(context(C))]`.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct Report<'c> {
    /// Wrong types, missing and unknown fields, values a parsed type refuses.
    pub shapes: ValidationErrors,
    /// Rule violations of the parts that read.
    pub rules: ValidationErrors,
    /// The caller's context, when it has one that can be erased.
    context: Option<&'c dyn std::any::Any>,
}

impl<'c> Report<'c> {
    /// An empty report.
    #[must_use]
    pub fn new() -> Self {
        Report::default()
    }

    /// An empty report with the caller's context (`None`: the rules that read one do not run).
    #[must_use]
    pub fn with_context(context: Option<&'c dyn std::any::Any>) -> Self {
        Report {
            context,
            ..Report::default()
        }
    }

    /// An empty report for a walk made again, with the same context.
    #[must_use]
    pub fn again(&self) -> Report<'c> {
        Report::with_context(self.context)
    }

    /// The caller's context when it is a `C`.
    #[must_use]
    pub fn context<C: std::any::Any>(&self) -> Option<&'c C> {
        self.context.and_then(<dyn std::any::Any>::downcast_ref)
    }

    /// How many shape errors were found so far.
    #[must_use]
    pub fn shape_count(&self) -> usize {
        self.shapes.len()
    }

    /// Keeps the rule violations of a walk made again for them, dropping its shape errors
    /// (already reported by the first walk).
    pub fn keep_rules(&mut self, again: Report<'_>) {
        self.rules.append(again.rules);
    }
}

/// Validates a model the second read has read whole, its violations under `path`: for a
/// container read through another type (serde's `from`, `try_from`, `remote`), whose fields
/// cannot be walked one by one.
///
/// Out of line and through [`CustomerModel::validate`](crate::CustomerModel::validate): the valid
/// path's inlining of the generated `validate_into` is disturbed as little as can be.
#[doc(hidden)]
#[cold]
#[inline(never)]
pub fn validate_read<T: crate::CustomerModel>(value: &T, path: &Path<'_>, report: &mut Report) {
    if let Err(errors) = value.validate() {
        report.rules.append_under(path, errors);
    }
}

/// `true` (and a `too_deep` shape error) when `path` is nested past the limit.
#[doc(hidden)]
#[inline]
pub fn too_deep(path: &Path<'_>, report: &mut Report) -> bool {
    crate::model::too_deep(path, &mut report.shapes)
}

/// A copy of the claim marks.
#[doc(hidden)]
#[must_use]
pub fn snapshot(claimed: &[bool]) -> Vec<bool> {
    claimed.to_vec()
}

/// The JSON shape of a type: what a document must look like to be read into it.
///
/// When a document does not read into a model, the second read walks it against this shape to
/// report every wrong value at once (see [`crate::json`]). `#[derive(CustomerModel)]` implements
/// it for every model, and it is implemented for the standard types (text, numbers, `bool`,
/// `Option`, collections, maps, smart pointers), for `serde_json::Value` and for
/// [`Patch`](crate::Patch).
///
/// For a type of your own whose `Deserialize` you wrote, `impl customer_core::json::Shape for
/// MyType {}` is enough: a document that does not read into it is then reported with serde's
/// first error, as a value of an unknown shape.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no described JSON shape",
    label = "`{Self}` does not implement `customer_core::json::Shape`",
    note = "add `#[derive(CustomerModel)]` to `{Self}`, or, for a type whose `Deserialize` you wrote, `impl customer_core::json::Shape for {Self} {{}}`"
)]
pub trait Shape {
    /// Checks `node` at `path`: shape errors into `report.shapes` and, with `rules`, the rule
    /// violations of every part that reads into `report.rules`. `true` when the shape is right.
    #[doc(hidden)]
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        let _ = (node, path, report, rules);
        true
    }

    /// As [`Shape::__shape`], for a `#[serde(flatten)]` field: takes its members from `members`,
    /// marking the ones it claims.
    #[doc(hidden)]
    fn __shape_flat(
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool {
        let _ = (members, claimed, path, report, rules);
        true
    }

    /// `true` when serde reads a missing field of this type without error (as `None`).
    #[doc(hidden)]
    fn __missing_ok() -> bool {
        false
    }
}

/// What a JSON value must be.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    String,
    /// `true` or `false`.
    Boolean,
    /// Any number.
    Number,
    /// An array.
    Array,
    /// An object.
    Object,
    /// `null`.
    Null,
}

impl Expected {
    fn name(self) -> &'static str {
        match self {
            Expected::String => "string",
            Expected::Boolean => "boolean",
            Expected::Number => "number",
            Expected::Array => "array",
            Expected::Object => "object",
            Expected::Null => "null",
        }
    }

    fn message(self) -> &'static str {
        match self {
            Expected::String => "must be a string",
            Expected::Boolean => "must be true or false",
            Expected::Number => "must be a number",
            Expected::Array => "must be an array",
            Expected::Object => "must be an object",
            Expected::Null => "must be null",
        }
    }
}

/// The JSON type of `node`, as a param.
fn found(node: &Node) -> &'static str {
    match node {
        Node::Null => "null",
        Node::Bool(_) => "boolean",
        Node::Number(_) => "number",
        Node::String(_) => "string",
        Node::Array(_) => "array",
        Node::Object(_) => "object",
    }
}

/// The `invalid_type` violation: `node` is not what `expected` says.
#[doc(hidden)]
#[cold]
pub fn invalid_type(report: &mut Report, path: &Path<'_>, node: &Node, expected: Expected) {
    report.shapes.push(
        path,
        RuleError::new("invalid_type", expected.message())
            .with_param("expected", Param::Str(Cow::Borrowed(expected.name())))
            .with_param("found", Param::Str(Cow::Borrowed(found(node)))),
    );
}

/// The `missing_field` violation at the pointer of the missing member.
#[doc(hidden)]
#[cold]
pub fn missing_field(report: &mut Report, path: &Path<'_>) {
    report
        .shapes
        .push(path, RuleError::new("missing_field", "is required"));
}

/// The `unknown_field` violation at the pointer of the member.
#[doc(hidden)]
#[cold]
pub fn unknown_field(report: &mut Report, path: &Path<'_>) {
    report.shapes.push(
        path,
        RuleError::new("unknown_field", "is not a field of this object"),
    );
}

/// The `duplicate_field` violation at the pointer of the second member.
#[doc(hidden)]
#[cold]
pub fn duplicate_field(report: &mut Report, path: &Path<'_>) {
    report.shapes.push(
        path,
        RuleError::new("duplicate_field", "appears more than once"),
    );
}

/// The member of `members` named `names[0]` or one of its aliases that no one has claimed;
/// claims every member with one of these names and reports the repeated ones.
#[doc(hidden)]
pub fn find<'m>(
    members: &'m [(String, Node)],
    claimed: &mut [bool],
    names: &[&str],
    path: &Path<'_>,
    report: &mut Report,
) -> Option<(&'m str, &'m Node, bool)> {
    let mut first: Option<(&'m str, &'m Node)> = None;
    let mut ok = true;
    for (index, (key, node)) in members.iter().enumerate() {
        if claimed[index] || !names.contains(&key.as_str()) {
            continue;
        }
        claimed[index] = true;
        if first.is_none() {
            first = Some((key, node));
        } else {
            duplicate_field(report, &path.key(key));
            ok = false;
        }
    }
    first.map(|(key, node)| (key, node, ok))
}

/// Reports every member no one claimed as `unknown_field`; `true` when there is none.
#[doc(hidden)]
pub fn unknown_members(
    members: &[(String, Node)],
    claimed: &[bool],
    path: &Path<'_>,
    report: &mut Report,
) -> bool {
    let mut ok = true;
    for ((key, _), taken) in members.iter().zip(claimed) {
        if !taken {
            unknown_field(report, &path.key(key));
            ok = false;
        }
    }
    ok
}

/// `false` marks for the members of an object.
#[doc(hidden)]
#[must_use]
pub fn claims(members: &[(String, Node)]) -> Vec<bool> {
    vec![false; members.len()]
}

/// The object made of the members claimed in `now` but not in `before`.
#[doc(hidden)]
#[must_use]
pub fn object_of(members: &[(String, Node)], before: &[bool], now: &[bool]) -> Node {
    Node::Object(
        members
            .iter()
            .zip(before.iter().zip(now))
            .filter(|(_, (was, is))| !**was && **is)
            .map(|(member, _)| member.clone())
            .collect(),
    )
}

/// Reads `node` into `T` through serde; a failure goes into `report.shapes`, placed under `path`.
#[doc(hidden)]
pub fn read<T: DeserializeOwned>(node: &Node, path: &Path<'_>, report: &mut Report) -> Option<T> {
    match crate::json::read_value::<T>(node.to_value()) {
        Ok(value) => Some(value),
        Err(error) => {
            absorb(error, path, report);
            None
        }
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

// ---------------------------------------------------------------------------------------------
// Dispatch by autoref: the derive does not know which traits a field's type has.

/// The shape of a field's type: its [`Shape`] when it has one, else a read through serde when
/// it is `DeserializeOwned`, else nothing known. The derive calls
/// `(&&ShapeProbe::<T>::NEW).shape(...)` with the three traits in scope.
#[doc(hidden)]
pub struct ShapeProbe<T: ?Sized>(PhantomData<fn() -> Box<T>>);

impl<T: ?Sized> ShapeProbe<T> {
    /// The probe.
    pub const NEW: Self = ShapeProbe(PhantomData);
}

/// The [`Shape`] arm of [`ShapeProbe`].
#[doc(hidden)]
pub trait ShapeViaShape {
    /// See [`Shape::__shape`].
    fn shape(&self, node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool;
    /// See [`Shape::__shape_flat`].
    fn shape_flat(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool;
    /// See [`Shape::__missing_ok`].
    fn missing_ok(&self) -> bool;
}

impl<T: Shape + ?Sized> ShapeViaShape for &ShapeProbe<T> {
    #[inline]
    fn shape(&self, node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        T::__shape(node, path, report, rules)
    }
    #[inline]
    fn shape_flat(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool {
        T::__shape_flat(members, claimed, path, report, rules)
    }
    #[inline]
    fn missing_ok(&self) -> bool {
        T::__missing_ok()
    }
}

/// The serde arm of [`ShapeProbe`]: the value is read alone, and a failure reported at its
/// pointer.
#[doc(hidden)]
pub trait ShapeViaSerde {
    /// See [`Shape::__shape`].
    fn shape(&self, node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool;
    /// See [`Shape::__shape_flat`].
    fn shape_flat(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool;
    /// See [`Shape::__missing_ok`].
    fn missing_ok(&self) -> bool;
}

impl<T: DeserializeOwned> ShapeViaSerde for &&ShapeProbe<T> {
    fn shape(&self, node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
        read::<T>(node, path, report).is_some()
    }
    fn shape_flat(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        _: bool,
    ) -> bool {
        let open: Vec<(String, Node)> = members
            .iter()
            .zip(claimed.iter())
            .filter(|(_, taken)| !**taken)
            .map(|(member, _)| member.clone())
            .collect();
        read::<T>(&Node::Object(open), path, report).is_some()
    }
    fn missing_ok(&self) -> bool {
        read_missing::<T>().is_some()
    }
}

/// The last arm of [`ShapeProbe`]: nothing is known, everything is accepted.
#[doc(hidden)]
pub trait ShapeViaNothing {
    /// Accepts.
    fn shape(&self, node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool;
    /// Accepts.
    fn shape_flat(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool;
    /// A field of an unknown type is required, as most are.
    fn missing_ok(&self) -> bool;
}

impl<T: ?Sized> ShapeViaNothing for ShapeProbe<T> {
    fn shape(&self, _: &Node, _: &Path<'_>, _: &mut Report, _: bool) -> bool {
        true
    }
    fn shape_flat(
        &self,
        _: &[(String, Node)],
        _: &mut [bool],
        _: &Path<'_>,
        _: &mut Report,
        _: bool,
    ) -> bool {
        true
    }
    fn missing_ok(&self) -> bool {
        false
    }
}

/// Reads a field's value alone when its type is `DeserializeOwned`; `None` otherwise. The
/// derive calls `(&ReadProbe::<T>::NEW).read_node(...)` with both traits in scope.
#[doc(hidden)]
pub struct ReadProbe<T>(PhantomData<fn() -> T>);

impl<T> ReadProbe<T> {
    /// The probe.
    pub const NEW: Self = ReadProbe(PhantomData);
}

/// The serde arm of [`ReadProbe`].
#[doc(hidden)]
pub trait ReadViaSerde<T> {
    /// Reads `node`; a failure goes into `report.shapes`.
    fn read_node(&self, node: &Node, path: &Path<'_>, report: &mut Report) -> Option<T>;
    /// What a missing field reads as.
    fn read_missing(&self) -> Option<T>;
}

impl<T: DeserializeOwned> ReadViaSerde<T> for ReadProbe<T> {
    #[inline]
    fn read_node(&self, node: &Node, path: &Path<'_>, report: &mut Report) -> Option<T> {
        read::<T>(node, path, report)
    }
    #[inline]
    fn read_missing(&self) -> Option<T> {
        read_missing::<T>()
    }
}

/// The last arm of [`ReadProbe`]: the type cannot be read on its own.
#[doc(hidden)]
pub trait ReadViaNothing<T> {
    /// `None`.
    fn read_node(&self, node: &Node, path: &Path<'_>, report: &mut Report) -> Option<T>;
    /// `None`.
    fn read_missing(&self) -> Option<T>;
}

impl<T> ReadViaNothing<T> for &ReadProbe<T> {
    #[inline]
    fn read_node(&self, _: &Node, _: &Path<'_>, _: &mut Report) -> Option<T> {
        None
    }
    #[inline]
    fn read_missing(&self) -> Option<T> {
        None
    }
}

// ---------------------------------------------------------------------------------------------
// The shapes of the standard types.

/// Text: a JSON string.
macro_rules! text_shape {
    ($($ty:ty),*) => {$(
        impl Shape for $ty {
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
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        String::__shape(node, path, report, rules)
    }
}

impl Shape for &str {
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        String::__shape(node, path, report, rules)
    }
}

impl Shape for char {
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
        match node {
            Node::String(s) if s.chars().count() == 1 => true,
            Node::String(_) => {
                report.shapes.push(
                    path,
                    RuleError::new("invalid_value", "must be a single character"),
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
    let code = match node {
        Node::Number(n) if n.is_u64() || n.is_i64() => "range",
        _ => "invalid_type",
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
    fn __shape_flat(
        members: &[(String, Node)],
        claimed: &mut [bool],
        _: &Path<'_>,
        _: &mut Report,
        _: bool,
    ) -> bool {
        claimed.fill(true);
        let _ = members;
        true
    }
}

impl Shape for serde_json::Map<String, serde_json::Value> {
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, _: bool) -> bool {
        if let Node::Object(_) = node {
            true
        } else {
            invalid_type(report, path, node, Expected::Object);
            false
        }
    }

    fn __shape_flat(
        _: &[(String, Node)],
        claimed: &mut [bool],
        _: &Path<'_>,
        _: &mut Report,
        _: bool,
    ) -> bool {
        claimed.fill(true);
        true
    }
}

impl<T: Shape> Shape for Option<T> {
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        match node {
            Node::Null => true,
            _ => T::__shape(node, path, report, rules),
        }
    }

    /// serde reads a flattened `Option` as `None` when its value does not read: nothing is
    /// reported.
    fn __shape_flat(
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        _: &mut Report,
        _: bool,
    ) -> bool {
        let mut scratch = Report::default();
        T::__shape_flat(members, claimed, path, &mut scratch, false);
        true
    }

    fn __missing_ok() -> bool {
        true
    }
}

impl<T: Shape> Shape for crate::Patch<T> {
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
            #[inline]
            fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
                T::__shape(node, path, report, rules)
            }
            #[inline]
            fn __shape_flat(
                members: &[(String, Node)],
                claimed: &mut [bool],
                path: &Path<'_>,
                report: &mut Report,
                rules: bool,
            ) -> bool {
                T::__shape_flat(members, claimed, path, report, rules)
            }
            #[inline]
            fn __missing_ok() -> bool {
                T::__missing_ok()
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
    for (index, item) in items.iter().enumerate() {
        ok &= T::__shape(item, &path.index(index), report, rules);
    }
    ok
}

macro_rules! seq_shape {
    ($($ty:ty),*) => {$(
        impl<T: Shape> Shape for $ty {
            fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
                elements::<T>(node, path, report, rules)
            }
        }
    )*};
}

seq_shape!([T], Vec<T>, VecDeque<T>, BTreeSet<T>);

impl<T: Shape, S> Shape for HashSet<T, S> {
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        elements::<T>(node, path, report, rules)
    }
}

impl<T: Shape, const N: usize> Shape for [T; N] {
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        if !elements::<T>(node, path, report, rules) {
            return false;
        }
        match node {
            Node::Array(items) if items.len() != N => {
                report.shapes.push(
                    path,
                    RuleError::new("invalid_length", "must be an array of {length} elements")
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
    let mut ok = true;
    for ((key, value), taken) in members.iter().zip(claimed.iter_mut()) {
        if !*taken {
            *taken = true;
            ok &= T::__shape(value, &path.key(key), report, rules);
        }
    }
    ok
}

impl<K, T: Shape, S> Shape for HashMap<K, T, S> {
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        members::<T>(node, path, report, rules)
    }
    fn __shape_flat(
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool {
        member_values::<T>(members, claimed, path, report, rules)
    }
}

impl<K, T: Shape> Shape for BTreeMap<K, T> {
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        members::<T>(node, path, report, rules)
    }
    fn __shape_flat(
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool {
        member_values::<T>(members, claimed, path, report, rules)
    }
}

// ---------------------------------------------------------------------------------------------
// The second read.

/// Reads `json` a second time, after the first read failed with `first`, and reports every
/// violation; `rules` also runs the rules of the parts that read.
pub(crate) fn second_read<T: Shape + ?Sized>(
    json: &[u8],
    first: Error,
    rules: bool,
    context: Option<&dyn std::any::Any>,
) -> Error {
    let Ok(node) = serde_json::from_slice::<Node>(json) else {
        return first;
    };
    let mut report = Report::with_context(context);
    T::__shape(&node, &Path::ROOT, &mut report, rules);
    if report.shapes.is_empty() {
        // serde refused something the shape does not describe: its own first error says what
        // (serde_json words some refusals of well-formed JSON as syntax errors: not that).
        report.shapes = match first {
            Error::Syntax(_) => ValidationErrors::from(Violation::new(
                String::new(),
                RuleError::new("invalid_value", "is not a valid value"),
            )),
            first => first.into_violations(),
        };
    }
    let mut all: Vec<(Vec<usize>, Violation)> = report
        .shapes
        .into_iter()
        .chain(report.rules)
        .map(|violation| (position(&node, violation.pointer()), violation))
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    let mut errors = ValidationErrors::new();
    for (_, violation) in all {
        errors.push_violation(violation);
    }
    Error::Invalid(errors)
}

/// Where `pointer` is in the document, as member and element indices from the root; a member
/// that is not there sorts after its siblings.
fn position(root: &Node, pointer: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = root;
    let Some(rest) = pointer.strip_prefix('/') else {
        return out;
    };
    for raw in rest.split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        let next = match at {
            Node::Object(members) => members
                .iter()
                .position(|(key, _)| *key == segment)
                .map(|index| (index, &members[index].1)),
            Node::Array(items) => segment
                .parse::<usize>()
                .ok()
                .and_then(|index| items.get(index).map(|item| (index, item))),
            _ => None,
        };
        match next {
            Some((index, node)) => {
                out.push(index);
                at = node;
            }
            None => {
                out.push(usize::MAX);
                break;
            }
        }
    }
    out
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

    #[test]
    fn positions_follow_the_document() {
        let node: Node = serde_json::from_str(r#"{"b": [0, {"z": 1}], "a": 1}"#).unwrap();
        assert_eq!(position(&node, "/b/1/z"), [0, 1, 0]);
        assert_eq!(position(&node, "/a"), [1]);
        assert_eq!(position(&node, "/c"), [usize::MAX]);
        assert!(position(&node, "") < position(&node, "/b"));
    }
}
