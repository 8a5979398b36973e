//! The second read of a document that did not read: every violation in one report.
//!
//! Reading goes through serde straight into the model (no intermediate tree, nothing allocated
//! on valid input). serde stops at the first shape error, so only when that read fails with a
//! shape error is the document read a second time, into a [`Node`] tree (object members in
//! document order, repeated keys kept, serde_json's nesting limit in force), and walked against
//! the [`Shape`] of the model: every wrong JSON type, missing or unknown field, value a parsed
//! newtype or a field-less enum refuses, wrong or missing tag of an enum whose variants carry data
//! and wrong part of its variant, at its pointer. The fields whose values have the right
//! shape are then read one by one and their rules run, so the report also holds every rule
//! violation of the parts that did read. The report is put in document order.
//!
//! The parts: `node` holds the tree, `report` the [`Report`] and the violations the walk
//! reports, `read` the reading of one value through serde, `probe` the autoref dispatch the
//! derive calls for a field of any type, `std_types` the shapes of the standard types and
//! `forms` those of the serde forms other than a plain object, `data_enum` those of enums whose
//! variants carry data (and what an untagged one reports), `locate` the search for the member
//! that serde refused inside an enum it buffered. The [`Shape`] trait and the second read itself
//! are here.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::error::{Error, Path, RuleError, ValidationErrors, Violation};

mod alone;
mod data_enum;
mod exact;
mod facts;
mod forms;
mod locate;
mod member;
mod node;
mod order;
mod probe;
mod read;
mod report;
mod std_types;
mod table;
pub use alone::*;
pub use data_enum::*;
pub use exact::*;
pub use facts::*;
pub use forms::*;
pub use member::*;
pub use node::*;
pub use probe::*;
pub use read::*;
pub use report::*;
pub use std_types::*;
pub use table::*;

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
///
/// The derive also says, at compile time, what JSON a model reads from and which member names
/// it reads: an internally tagged enum (`#[serde(tag = "...")]`) refuses to compile when a
/// newtype variant wraps a type that is not read from an object, or one that reads a member
/// named like the tag (as when a struct variant flattens one). A type whose `Shape` you wrote is
/// not known, and is let through; so are the variants of a generic enum and the types a generic
/// model flattens.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no described JSON shape",
    label = "`{Self}` does not implement `customer_core::json::Shape`",
    note = "add `#[derive(CustomerModel)]` to `{Self}`, or, for a type whose `Deserialize` you wrote, `impl customer_core::json::Shape for {Self} {{}}`"
)]
pub trait Shape {
    /// The JSON kind this type reads from, as far as known at compile time (unknown unless
    /// said; an object for a [`Shape::__NAMED`] struct). The derive says it for the types it
    /// implements `Shape` for, except generic ones.
    #[doc(hidden)]
    const __KIND: JsonKind = if Self::__NAMED {
        JsonKind::Object
    } else {
        JsonKind::Unknown
    };

    /// The member names this type reads at its own level (none known unless said). The derive
    /// lists them for structs with named fields and enums whose variants carry data, except
    /// generic ones.
    #[doc(hidden)]
    const __KEYS: Keys = Keys::NONE;

    /// Whether a `nested` field of this type is walked once, for its shapes and its rules at
    /// once (see [`member`]): its walk with rules finds the shape errors its walk without finds,
    /// gives the same verdict, and keeps the rest of what its rules phase finds quiet (see
    /// [`Report::rules_phase`]). The derive says it for structs with named fields, enums whose
    /// variants carry data, newtype and tuple structs, the standard containers for their items;
    /// any other type's `nested` field is walked for its shapes, then again for its rules.
    /// `true` for a [`Shape::__NAMED`] struct unless said.
    #[doc(hidden)]
    const __ONE_WALK: bool = Self::__NAMED;

    /// Whether the walk of this type without rules is exact: its verdict is `true` only when
    /// serde reads the value (see [`Exact`]). A model whose walk is exact need not read itself
    /// whole to find what serde refuses beyond the shapes. Unknown unless said: the standard
    /// types say it, and the derive for non-generic structs with named fields, newtype,
    /// transparent and tuple structs, field-less enums read from their names and externally
    /// tagged enums with data.
    #[doc(hidden)]
    const __EXACT: Exact = Exact::UNKNOWN;

    /// [`Shape::__EXACT`]'s answer ([`Exact::holds`]), evaluated once per type: the walk of the
    /// graph runs in rustc's constant evaluator, and both the model's walk and its reader ask.
    #[doc(hidden)]
    const __EXACT_HOLDS: bool = Self::__EXACT.holds();

    /// Whether this type is a struct with named fields, whose [`Shape::__shape`] and
    /// [`Shape::__shape_members`] are then [`named_object`] and [`named_members`] over its
    /// [`Shape::__shape_flat`] (the derive says it rather than write both for every model).
    /// What its [`Shape::__KEYS`] say unless said ([`Keys::named`]): a generic struct, which
    /// lists no keys, says it.
    #[doc(hidden)]
    const __NAMED: bool = Self::__KEYS.named;

    /// With [`Shape::__NAMED`]: whether the members no field claims are reported
    /// (`#[serde(deny_unknown_fields)]`).
    #[doc(hidden)]
    const __DENY_UNKNOWN: bool = false;

    /// Checks `node` at `path`: shape errors into `report.shapes` and, with `rules`, the rule
    /// violations of every part that reads into `report.rules`. `true` when the shape is right.
    #[doc(hidden)]
    fn __shape(node: &Node, path: &Path<'_>, report: &mut Report, rules: bool) -> bool {
        if Self::__NAMED {
            return named_object::<Self>(node, path, report, rules, Self::__DENY_UNKNOWN);
        }
        true
    }

    /// As [`Shape::__shape`], for a `#[serde(flatten)]` field (and a struct with named fields'
    /// own members): takes its members from the [`Flat`]'s, marking the ones it claims.
    #[doc(hidden)]
    fn __shape_flat(flat: Flat<'_, '_>) -> bool {
        let _ = flat;
        true
    }

    /// `true` when serde reads a missing field of this type without error (as `None`).
    #[doc(hidden)]
    fn __missing_ok() -> bool {
        false
    }

    /// As [`Shape::__shape`], for the object made of the members of `members` not marked in
    /// `claimed` (an internally tagged enum's object without its tag, which a newtype variant
    /// reads). A struct with named fields walks them in place; other types walk a copy.
    #[doc(hidden)]
    fn __shape_members(
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool {
        if Self::__NAMED {
            return named_members::<Self>(
                members,
                claimed,
                path,
                report,
                rules,
                Self::__DENY_UNKNOWN,
            );
        }
        Self::__shape(&unclaimed(members, claimed), path, report, rules)
    }

    /// For an enum whose variants carry data: walks the content of the variant at `index` (in
    /// declaration order, skipped variants left out), found by [`data_enum`].
    #[doc(hidden)]
    fn __shape_variant(
        index: usize,
        content: Content<'_>,
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool {
        let _ = (index, content, path, report, rules);
        true
    }
}

/// What [`Shape::__shape_flat`] walks, in one value (so that every model's walk is declared in a
/// few tokens: `fn __shape_flat(__w: __s::Flat) -> bool`): the object's members, which of them
/// are claimed already (the walk marks the ones it claims), the object's pointer, the report,
/// and whether the rules run too (see [`Shape::__shape`]).
#[doc(hidden)]
pub struct Flat<'a, 'r>(
    /// The object's members, in document order.
    pub &'a [(String, Node)],
    /// Whether each member is claimed (by a field walked before, or an enum's tag).
    pub &'a mut [bool],
    /// The object's pointer.
    pub &'a Path<'a>,
    /// The report.
    pub &'a mut Report<'r>,
    /// Whether the rules of the parts that read run too.
    pub bool,
);

// ---------------------------------------------------------------------------------------------
// The second read.

/// Reads `json` a second time, after the first read failed with `first`, and reports every
/// violation; `rules` also runs the rules of the parts that read.
///
/// Only the walk is `T`'s (a function pointer): the rest is compiled once, not once per model.
#[inline]
pub(crate) fn second_read<T: Shape + ?Sized>(
    json: &[u8],
    first: Error,
    rules: bool,
    context: Option<&dyn std::any::Any>,
) -> Error {
    second_read_by(json, First::Known(first), rules, context, T::__shape)
}

/// [`second_read`], the first error found (with its pointer) only when it is needed; the
/// model's walk being `walk` (its `Shape::__shape`).
pub(crate) fn second_read_lazy_by(
    json: &[u8],
    first: crate::json::FirstError,
    rules: bool,
    context: Option<&dyn std::any::Any>,
    walk: ShapeFn,
) -> Error {
    second_read_by(json, First::Lazy(first), rules, context, walk)
}

/// The first read's error, as [`second_read_by`] takes it.
enum First {
    /// Read with its pointer.
    Known(Error),
    /// Read without: see [`crate::json::FirstError`].
    Lazy(crate::json::FirstError),
}

impl First {
    fn resolve(self, node: &Node) -> Error {
        match self {
            First::Known(error) => error,
            First::Lazy(first) => first.resolve(node),
        }
    }
}

/// [`second_read`], the model's walk being `walk` (its `Shape::__shape`).
fn second_read_by(
    json: &[u8],
    first: First,
    rules: bool,
    context: Option<&dyn std::any::Any>,
    walk: ShapeFn,
) -> Error {
    // A document that does not parse is reported as such, whatever the first read refused
    // before the malformed part: every reader says the same, and the sender must mend the text
    // first (a truncated body is the usual case).
    let (node, suspicious) = crate::json::exact::watch(|| serde_json::from_slice::<Node>(json));
    let node = match node {
        Ok(node) => node,
        Err(error) => return crate::json::syntax(&error),
    };
    let budget = report::Budget::of(&node);
    let mut report = Report::budgeted(context, &budget);
    walk(&node, &Path::ROOT, &mut report, rules);
    if suspicious {
        big_integers(json, &mut report);
    }
    if report.shapes.is_empty() {
        // The first read refuses a repeated key wherever it is, in a member the walk lets
        // through without looking too (an unknown member of an enum's variant): named here
        // rather than at the root by the first read's error. (A struct's unknown members are
        // looked at by its walk.)
        std_types::repeated_anywhere(&node, &mut report);
    }
    let mut failures = std::mem::take(&mut report.read_failures);
    if report.shapes.is_empty() {
        // serde refused something the shape does not describe: its own first error says what
        // (serde_json words some refusals of well-formed JSON as syntax errors: not that).
        report.shapes = match first.resolve(&node) {
            Error::Syntax(_) => ValidationErrors::from(Violation::new(
                String::new(),
                RuleError::new(crate::codes::INVALID_VALUE, "is not a valid value"),
            )),
            first => first.into_violations(),
        };
        failures = report
            .shapes
            .iter()
            .map(|violation| violation.pointer().to_owned())
            .collect();
    }
    if !failures.is_empty() {
        // Where serde's path stopped at an enum it buffered: what it refused inside.
        let shapes = std::mem::take(&mut report.shapes);
        report.shapes = locate::locate(&node, walk, context, shapes, &failures);
    }
    // Violations past the cap that were counted, not built (see `Report::items`).
    let counted = report.shapes.take_counted() + report.rules.take_counted();
    let cap = report.cap();
    let mut positions = Positions::new(&node);
    let mut all: Vec<(Vec<usize>, Violation)> = report
        .shapes
        .into_iter()
        .chain(report.rules)
        .map(|violation| (positions.of(violation.pointer()), violation))
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    let mut errors = ValidationErrors::new();
    if budget.unrun() > 0 {
        // First (at `""`, it is first in document order): within the cap whatever follows.
        errors.push_violation(unchecked(budget.unrun()));
    }
    for (_, violation) in all {
        errors.push_violation(violation);
    }
    if counted > 0 {
        // Only past the cap: the report is capped here, where the whole count is known.
        let total = errors.len() + counted;
        errors = crate::json::MaxViolations(cap).apply_total(errors, total);
    }
    Error::Invalid(errors)
}

/// The `unchecked` entry of a report some of whose checks and rules the budget of the second
/// read did not afford (`count` of them: see [`report::Budget`]).
#[cold]
fn unchecked(count: usize) -> Violation {
    Violation::new(
        String::new(),
        RuleError::new(
            crate::codes::UNCHECKED,
            "some checks were not run: the document is too deeply nested to check in full",
        )
        .with_param("count", crate::error::Param::UInt(count as u64)),
    )
}

/// Reports every integer literal of `json` beyond 64 bits (see [`crate::json::exact`]) as
/// `range` at its pointer, but where the walk already reported the value (a `u64` field's
/// `invalid_type`), or counted it past the cap ([`Report::counted_shape`]). Only when the tree met a number that may be one: the text is scanned once.
#[cold]
#[inline(never)]
fn big_integers(json: &[u8], report: &mut Report) {
    let pointers = crate::json::exact::big_integers(json);
    if pointers.is_empty() {
        return;
    }
    // (A repeated member has the pointer of the first: its `duplicate_field` says nothing of
    // the value.)
    let reported: std::collections::HashSet<String> = report
        .shapes
        .iter()
        .filter(|violation| violation.code() != crate::codes::DUPLICATE_FIELD)
        .map(|violation| violation.pointer().to_owned())
        .chain(std::mem::take(&mut report.counted_at_numbers))
        .collect();
    for pointer in pointers {
        if reported.contains(&pointer) || report.shapes.counted_instead(1) {
            continue;
        }
        report
            .shapes
            .push_violation(Violation::new(pointer, crate::json::exact::violation()));
    }
}

/// The rule violations of a document that read, put in document order as the second read puts
/// its own (by [`Positions`]; equal positions keep the order the rules ran in). Only on the
/// failure path: a valid document never gets here.
///
/// `validate` points at a field's wire name; a field read through a `#[serde(alias)]` is in
/// the document under another key. When a pointer names a member the document does not hold,
/// the document is walked again with `T`'s rules (with `context`), which point at the keys the
/// document used, and that report is taken when it holds the same violations.
///
/// Only the walk is `T`'s (a function pointer): the rest is compiled once, not once per model.
#[inline]
pub(crate) fn in_document_order<T: Shape + ?Sized>(
    json: &[u8],
    mut errors: ValidationErrors,
    context: Option<&dyn std::any::Any>,
) -> ValidationErrors {
    // Past the cap, the violations of a collection's elements were counted, not built: only
    // those kept are put in order (the reading caps the report next), the count goes along.
    let counted = errors.take_counted();
    let mut ordered = ordered::<T>(json, errors, context);
    ordered.add_counted(counted);
    ordered
}

/// The error of a document that read into a model whose rules then refused it (`errors`):
/// the violations in document order, capped. Not generic: the model's walk comes as `walk`
/// (its `Shape::__shape`), so the readers' per-model shells stay small.
#[cold]
#[inline(never)]
pub(crate) fn rules_refused(
    json: &[u8],
    mut errors: ValidationErrors,
    context: Option<&dyn std::any::Any>,
    walk: ShapeFn,
) -> Error {
    let counted = errors.take_counted();
    let mut ordered = in_document_order_by(json, errors, context, walk);
    ordered.add_counted(counted);
    crate::json::cap_invalid(ordered)
}

/// The kept violations of [`in_document_order`], in document order.
fn ordered<T: Shape + ?Sized>(
    json: &[u8],
    errors: ValidationErrors,
    context: Option<&dyn std::any::Any>,
) -> ValidationErrors {
    in_document_order_by(json, errors, context, T::__shape)
}

/// [`in_document_order`], the model's walk being `walk` (its `Shape::__shape`).
#[cold]
#[inline(never)]
fn in_document_order_by(
    json: &[u8],
    errors: ValidationErrors,
    context: Option<&dyn std::any::Any>,
    walk: ShapeFn,
) -> ValidationErrors {
    if errors.len() <= BY_TEXT {
        // A few violations, each at a member the document holds: each pointer followed through
        // the text, nothing built. (A member the document does not hold, say one read through
        // an alias, takes the tree below.)
        let keys: Option<Vec<(usize, bool)>> = errors
            .iter()
            .map(|v| order::key(json, v.pointer()).filter(|(_, gone)| !gone))
            .collect();
        if let Some(keys) = keys {
            let mut all: Vec<((usize, bool), Violation)> = keys.into_iter().zip(errors).collect();
            all.sort_by_key(|(key, _)| *key);
            let mut ordered = ValidationErrors::new();
            for (_, violation) in all {
                ordered.push_violation(violation);
            }
            return ordered;
        }
    }
    let Ok(node) = serde_json::from_slice::<Node>(json) else {
        return errors;
    };
    let mut positions = Positions::new(&node);
    let mut all = placed(&mut positions, errors);
    if all.iter().any(|(at, _)| at.last() == Some(&usize::MAX)) {
        let mut errors = ValidationErrors::new();
        for (_, violation) in all {
            errors.push_violation(violation);
        }
        all = placed(
            &mut positions,
            at_document_keys(&node, errors, context, walk),
        );
    }
    all.sort_by(|a, b| a.0.cmp(&b.0));
    let mut ordered = ValidationErrors::new();
    for (_, violation) in all {
        ordered.push_violation(violation);
    }
    ordered
}

/// Each violation with its position in the document.
fn placed(positions: &mut Positions<'_>, errors: ValidationErrors) -> Vec<(Vec<usize>, Violation)> {
    errors
        .into_iter()
        .map(|violation| (positions.of(violation.pointer()), violation))
        .collect()
}

/// `errors` (a document's violations, from `validate`) at the keys the document used: the
/// report of a walk with rules when it finds the same violations (the same codes, as many
/// times), `errors` otherwise (a rule the walk cannot run without its context, say).
fn at_document_keys(
    node: &Node,
    errors: ValidationErrors,
    context: Option<&dyn std::any::Any>,
    walk: ShapeFn,
) -> ValidationErrors {
    // Bounded as the second read is: past the budget, rules are left unrun, and the report
    // found differs from `errors` (kept then).
    let budget = report::Budget::of(node);
    let mut report = Report::budgeted(context, &budget);
    walk(node, &Path::ROOT, &mut report, true);
    if !report.shapes.is_empty() || budget.unrun() > 0 {
        return errors;
    }
    let codes = |errors: &ValidationErrors| {
        let mut codes: Vec<String> = errors.iter().map(|v| v.code().to_owned()).collect();
        codes.sort_unstable();
        codes
    };
    if codes(&report.rules) == codes(&errors) {
        report.rules
    } else {
        errors
    }
}

/// Up to this many rule violations, a document that read is put in order by following each
/// pointer through its text (each costs at most a scan of the text); past it, by reading the
/// text into a tree once and placing every pointer in it.
const BY_TEXT: usize = 16;

/// Objects with more members than this are searched through an index built on first use; smaller
/// ones member by member.
const INDEXED: usize = 16;

/// Where pointers are in a document, as member and element indices from the root: the sort key
/// that puts a report in document order.
///
/// A member is found in an index of its object's keys, built the first time a pointer goes
/// through a large object, so placing every violation of a document costs time linear in the
/// document and in the pointers' lengths, however many members an object has.
struct Positions<'n> {
    root: &'n Node,
    /// Per large object (by the address of its members), the index of the first member of
    /// each key.
    indices: HashMap<*const (String, Node), HashMap<&'n str, usize>>,
}

impl<'n> Positions<'n> {
    fn new(root: &'n Node) -> Self {
        Positions {
            root,
            indices: HashMap::new(),
        }
    }

    /// Where `pointer` is; a member that is not there sorts after its siblings.
    fn of(&mut self, pointer: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = self.root;
        let Some(rest) = pointer.strip_prefix('/') else {
            return out;
        };
        for raw in rest.split('/') {
            let segment: Cow<'_, str> = if raw.contains('~') {
                Cow::Owned(raw.replace("~1", "/").replace("~0", "~"))
            } else {
                Cow::Borrowed(raw)
            };
            let next = match at {
                Node::Object(members) => self
                    .member(members, &segment)
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

    /// The index of the first member of `members` named `key`.
    fn member(&mut self, members: &'n [(String, Node)], key: &str) -> Option<usize> {
        if members.len() <= INDEXED {
            return members.iter().position(|(name, _)| name == key);
        }
        let index = self.indices.entry(members.as_ptr()).or_insert_with(|| {
            let mut index = HashMap::with_capacity(members.len());
            for (at, (name, _)) in members.iter().enumerate() {
                index.entry(name.as_str()).or_insert(at);
            }
            index
        });
        index.get(key).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_follow_the_document() {
        let node: Node = serde_json::from_str(r#"{"b": [0, {"z": 1}], "a": 1}"#).unwrap();
        let mut positions = Positions::new(&node);
        assert_eq!(positions.of("/b/1/z"), [0, 1, 0]);
        assert_eq!(positions.of("/a"), [1]);
        assert_eq!(positions.of("/c"), [usize::MAX]);
        assert!(positions.of("") < positions.of("/b"));
    }

    /// A large object is searched through its index: the same answers as member by member,
    /// the first of repeated keys, escaped keys unescaped.
    #[test]
    fn positions_in_a_large_object() {
        let mut members: Vec<String> = (0..40).map(|i| format!(r#""k{i}": {i}"#)).collect();
        members.push(r#""k3": "again""#.to_owned());
        members.push(r#""a/b~c": {"x": [1, 2]}"#.to_owned());
        let node: Node = serde_json::from_str(&format!("{{{}}}", members.join(","))).unwrap();
        let mut positions = Positions::new(&node);
        assert_eq!(positions.of("/k0"), [0]);
        assert_eq!(positions.of("/k39"), [39]);
        assert_eq!(positions.of("/k3"), [3]);
        assert_eq!(positions.of("/a~1b~0c/x/1"), [41, 0, 1]);
        assert_eq!(positions.of("/nope"), [usize::MAX]);
        assert_eq!(positions.indices.len(), 1);
    }
}
