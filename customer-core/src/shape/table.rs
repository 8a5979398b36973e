//! The second read of a struct with named fields, compiled once: a model describes its fields
//! as data (a [`Field`] each: wire names, what a missing member means, its type's shape as a
//! function pointer, and flags) and [`named_flat`] walks that table: each member found and its
//! shape checked, then, with rules, each field's rules (through the model's one
//! [`CheckFn`]), the `nested` models walked again, and the struct read whole.
//!
//! Two parts of this walk read a level's whole subtree at each level of a chain of models, so
//! that a document of `n` levels costs O(n²) (rows 18 to 25 of `scripts/bench-hostile.sh
//! --callgrind`): the whole read of a model with checks (inside a value walked once, it reads
//! whole for its checks alone), and a `nested` field with another rule (its value read for that
//! rule, then its model walked again). Each needs the typed value of its level, which serde
//! builds only from the tree: see the repository's README for what would make them linear.

use super::member::{member, read_member, Found, Missing, ShapeFn};
use super::{object_of, snapshot, Node, ReadFn, Report, WholeFn};
use crate::error::{Path, ValidationErrors};

/// [`Field`] flag: serde fills the field when its member is missing (a `default`, an `Option`
/// or `Patch` layer); without it, its type says (`Shape::__missing_ok`), else it is required.
pub const MAY_MISS: u8 = 1;
/// [`Field`] flag: a `nested` field with no other rule and no `deserialize_with`; when its type
/// is walked once (`Shape::__ONE_WALK`) its value is walked with the walk's rules.
pub const ONE_WALK: u8 = 2;
/// [`Field`] flag: the field has a `nested` rule: its model is walked again with rules (unless
/// walked once).
pub const NESTED: u8 = 4;
/// [`Field`] flag: the model's [`CheckFn`] has rules for the field.
pub const CHECK: u8 = 8;

/// One named field of a model, as its second read needs it.
#[derive(Clone, Copy)]
pub struct Field {
    /// Its wire name, then its aliases.
    pub names: &'static [&'static str],
    /// How a missing member is judged.
    pub missing: Missing,
    /// The shape of its type.
    pub shape: ShapeFn,
    /// Its value is walked once, shapes and rules together (see [`ONE_WALK`]).
    pub once: bool,
    /// Its model is walked with rules (see [`NESTED`]).
    pub nested: bool,
    /// The model's [`CheckFn`] has rules for it.
    pub check: bool,
}

impl Field {
    /// The field named `names` whose type's shape is `shape`, its missing member judged by
    /// `missing_ok` unless `flags` has [`MAY_MISS`]; `one_walk`, whether the type is walked once.
    #[must_use]
    pub fn new(
        names: &'static [&'static str],
        flags: u8,
        shape: ShapeFn,
        missing_ok: fn() -> bool,
        one_walk: bool,
    ) -> Self {
        Field {
            names,
            missing: if flags & MAY_MISS != 0 {
                Missing::Ok
            } else {
                Missing::ByType(missing_ok)
            },
            shape,
            once: flags & ONE_WALK != 0 && one_walk,
            nested: flags & NESTED != 0,
            check: flags & CHECK != 0,
        }
    }
}

/// What the model's [`CheckFn`] gets for one field: the member found for it, whether it has its
/// shape, the struct's pointer and the report.
pub struct Check<'a, 'm, 'r> {
    /// The member found for the field, if any.
    pub found: Found<'m>,
    /// Whether the field has its shape.
    pub good: bool,
    /// The struct's pointer.
    pub path: &'a Path<'a>,
    /// The report.
    pub report: &'a mut Report<'r>,
    /// The key the member was found under, or the field's wire name when it is missing.
    pub key: &'m str,
}

impl Check<'_, '_, '_> {
    /// The common rules of a field: when it has its shape, its value read alone by `reader`
    /// (or what a missing member reads as) and `rules` run on it at [`Check::key`].
    #[inline]
    pub fn rules<T>(self, reader: Reader<T>, rules: RulesFn<T>) {
        if !self.good {
            return;
        }
        let value = read_member(
            self.found,
            self.path,
            self.report,
            reader.read,
            reader.missing,
        );
        if let Some(value) = value {
            rules(&value, self.path, self.key, &mut self.report.rules);
        }
    }
}

/// A model's rules function of a field (`__customer_rules_N`): its value, the struct's pointer,
/// the key it is at, the report.
pub type RulesFn<T> = fn(&T, &Path<'_>, &str, &mut ValidationErrors);

/// How a field's value is read for its rules: present (its type's read) and missing.
pub struct Reader<T> {
    /// Reads the member's value at its pointer (a failure reported).
    pub read: ReadFn<T>,
    /// What a missing member reads as (its default, or what serde reads).
    pub missing: fn() -> Option<T>,
}

impl<T> Reader<T> {
    /// The reader with `missing` for a missing member (a field's `default`).
    #[must_use]
    pub fn or(self, missing: fn() -> Option<T>) -> Self {
        Reader {
            read: self.read,
            missing,
        }
    }
}

/// The rules of a model's fields: called with the field's index in the table.
pub type CheckFn = fn(usize, Check<'_, '_, '_>);

/// A model's description for [`named_flat`].
pub struct Named<'f> {
    /// Its fields read from members, in order.
    pub fields: &'f [Field],
    /// The rules of the fields flagged [`CHECK`].
    pub check: CheckFn,
    /// The struct read whole, when it can be and its walk is not exact or it has checks (see
    /// `ReadProbe::WHOLE`): the object of the members its fields claimed read, for what serde
    /// refuses beyond the shapes and the container's checks; `true` when it reported nothing.
    pub whole: Option<WholeFn>,
    /// Whether the container has checks (read whole even inside a value walked once).
    pub checks: bool,
    /// Whether the members no field claimed are reported (`deny_unknown_fields` of an enum's
    /// struct variant; a struct's own are reported by `named_members`).
    pub deny: bool,
}

impl Named<'_> {
    /// [`named_flat`] of this description.
    pub fn walk(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report<'_>,
        rules: bool,
    ) -> bool {
        named_flat(members, claimed, path, report, rules, self)
    }
}

/// A [`CheckFn`] for a model with no field rules.
pub fn no_check(_: usize, _: Check<'_, '_, '_>) {}

/// The `__shape_flat` of a struct with named fields, from its description: each field's member
/// found among the unclaimed `members` and its shape checked (or that it may be missing); with
/// `rules` (and, with [`Named::deny`], the unknown members reported), in a rules phase, each
/// field's rules in order (its checks, then its model walked
/// again), and the struct read whole when every field has its shape. Returns whether the
/// fields have their shapes (and, with rules, whether the whole read found nothing more).
pub fn named_flat(
    members: &[(String, Node)],
    claimed: &mut [bool],
    path: &Path<'_>,
    report: &mut Report<'_>,
    rules: bool,
    named: &Named<'_>,
) -> bool {
    let start = named.whole.map(|_| snapshot(claimed));
    // What each field found, on the stack for a model of up to `INLINE` fields.
    const INLINE: usize = 16;
    let mut inline: [(Found<'_>, bool); INLINE] = [(None, true); INLINE];
    let mut heap = Vec::new();
    let walked: &mut [(Found<'_>, bool)] = if named.fields.len() <= INLINE {
        &mut inline[..named.fields.len()]
    } else {
        heap.resize(named.fields.len(), (None, true));
        &mut heap
    };
    for (field, slot) in named.fields.iter().zip(walked.iter_mut()) {
        *slot = member(
            members,
            claimed,
            path,
            report,
            field.names,
            field.missing,
            field.shape,
            rules && field.once,
        );
    }
    // `&`, not `&&`: the unknown members are reported whatever the fields are.
    let ok = walked.iter().all(|(_, good)| *good)
        & (!named.deny || super::unknown_members(members, claimed, path, report));
    if !rules {
        return ok;
    }
    let phase = Report::rules_phase(report);
    for (index, (field, &(found, good))) in named.fields.iter().zip(walked.iter()).enumerate() {
        if field.check {
            let check = Check {
                found,
                good,
                path,
                report: &mut *report,
                key: found.map_or(field.names[0], |(key, _, _)| key),
            };
            (named.check)(index, check);
        }
        if field.nested && !field.once {
            if let Some((key, value, _)) = found {
                let mut again = Report::again(report);
                (field.shape)(value, &path.key(key), &mut again, true);
                Report::keep_rules(report, again);
            }
        }
    }
    let whole = ok
        && Report::reads_whole(&phase, named.checks)
        && match (named.whole, &start) {
            (Some(whole), Some(start)) => whole(&object_of(members, start, claimed), path, report),
            _ => true,
        };
    Report::end_rules_phase(report, phase, ok, whole)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::fail_key;
    use crate::error::RuleError;
    use crate::shape::{ReadProbe, ReadViaSerde as _, ShapeProbe};
    #[allow(unused_imports)]
    use crate::shape::{ShapeViaNothing as _, ShapeViaSerde as _, ShapeViaShape as _};

    /// A rule on a `String`: not empty (`&String`: a rules function takes its field's type).
    #[allow(clippy::ptr_arg)]
    fn filled(value: &String, path: &Path<'_>, key: &str, report: &mut ValidationErrors) {
        let result = if value.is_empty() {
            Err(RuleError::new("length", "is empty"))
        } else {
            Ok(())
        };
        fail_key(report, path, key, result);
    }

    /// A rule on an `Option<u32>`: at most 10.
    fn small(value: &Option<u32>, path: &Path<'_>, key: &str, report: &mut ValidationErrors) {
        let result = match value {
            Some(n) if *n > 10 => Err(RuleError::new("range", "is too large")),
            _ => Ok(()),
        };
        fail_key(report, path, key, result);
    }

    fn check(index: usize, check: Check<'_, '_, '_>) {
        match index {
            0 => check.rules(ReadProbe::<String>::NEW.reader(), filled),
            1 => check.rules(ReadProbe::<Option<u32>>::NEW.reader(), small),
            _ => {}
        }
    }

    fn fields() -> [Field; 3] {
        [
            (&&ShapeProbe::<String>::NEW).field(&["name", "full_name"], CHECK),
            (&&ShapeProbe::<Option<u32>>::NEW).field(&["count"], CHECK),
            (&&ShapeProbe::<bool>::NEW).field(&["flag"], MAY_MISS),
        ]
    }

    /// Walks `json` (an object) against the table; the verdict and the report's
    /// `(pointer, code)`s, shapes then rules.
    fn walk(json: &str, rules: bool, whole: Option<WholeFn>) -> (bool, Vec<(String, String)>) {
        let Node::Object(members) = serde_json::from_str::<Node>(json).unwrap() else {
            panic!("not an object")
        };
        let mut claimed = vec![false; members.len()];
        let mut report = Report::new();
        let fields = fields();
        let named = Named {
            fields: &fields,
            check,
            whole,
            checks: false,
            deny: false,
        };
        let ok = named_flat(
            &members,
            &mut claimed,
            &Path::ROOT,
            &mut report,
            rules,
            &named,
        );
        let found = report
            .shapes
            .iter()
            .chain(report.rules.iter())
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect();
        (ok, found)
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
            .collect()
    }

    #[test]
    fn shapes_then_rules_of_the_fields_that_read() {
        let (ok, found) = walk(r#"{"name": "", "count": "x", "flag": 1}"#, true, None);
        assert!(!ok);
        assert_eq!(
            found,
            pairs(&[
                ("/count", "invalid_type"),
                ("/flag", "invalid_type"),
                ("/name", "length"),
            ])
        );
    }

    #[test]
    fn without_rules_only_shapes() {
        let (ok, found) = walk(r#"{"name": "", "count": 11}"#, false, None);
        assert!(ok);
        assert!(found.is_empty());
        let (ok, found) = walk(r#"{"name": "", "count": 11}"#, true, None);
        assert!(ok);
        assert_eq!(found, pairs(&[("/name", "length"), ("/count", "range")]));
    }

    #[test]
    fn aliases_missing_and_repeated_members() {
        // Found by its alias, its rules at the key the document used; a missing `Option` reads
        // as `None`, a missing `MAY_MISS` field is fine.
        let (ok, found) = walk(r#"{"full_name": ""}"#, true, None);
        assert!(ok, "{found:?}");
        assert_eq!(found, pairs(&[("/full_name", "length")]));
        // A missing required field.
        let (ok, found) = walk(r#"{"count": 12}"#, true, None);
        assert!(!ok);
        assert_eq!(
            found,
            pairs(&[("/name", "missing_field"), ("/count", "range")])
        );
        let (ok, found) = walk(r#"{"name": "a", "count": 1, "count": 2}"#, true, None);
        assert!(!ok);
        assert_eq!(found, pairs(&[("/count", "duplicate_field")]));
    }

    /// The whole read runs only when every field has its shape, after the fields' rules, and
    /// its verdict is the walk's.
    #[test]
    fn read_whole_when_the_fields_read() {
        fn refuses(object: &Node, path: &Path<'_>, report: &mut Report<'_>) -> bool {
            // The members the fields claimed.
            let Node::Object(members) = object else {
                panic!("not an object")
            };
            assert_eq!(members.len(), 2);
            crate::shape::missing_field(report, &path.key("whole"));
            false
        }
        let (ok, found) = walk(r#"{"name": "", "count": 2}"#, true, Some(refuses));
        assert!(!ok);
        assert_eq!(
            found,
            pairs(&[("/whole", "missing_field"), ("/name", "length")])
        );
        // A field of the wrong shape: not read whole.
        let (ok, found) = walk(r#"{"name": 1}"#, true, Some(refuses));
        assert!(!ok);
        assert_eq!(found, pairs(&[("/name", "invalid_type")]));
    }

    /// A model of more fields than are kept on the stack: the same walk.
    #[test]
    fn many_fields() {
        const NAMES: [&str; 20] = [
            "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12", "f13",
            "f14", "f15", "f16", "f17", "f18", "f19",
        ];
        let fields: Vec<Field> = NAMES
            .iter()
            .map(|name| (&&ShapeProbe::<u32>::NEW).field(std::slice::from_ref(name), 0))
            .collect();
        let named = Named {
            fields: &fields,
            check: no_check,
            whole: None,
            checks: false,
            deny: false,
        };
        let members: String = NAMES[..19]
            .iter()
            .map(|name| format!(r#""{name}": 1"#))
            .collect::<Vec<_>>()
            .join(",");
        let Node::Object(members) =
            serde_json::from_str::<Node>(&format!(r#"{{{members}, "f18": 2}}"#)).unwrap()
        else {
            panic!("not an object")
        };
        let mut claimed = vec![false; members.len()];
        let mut report = Report::new();
        let ok = named.walk(&members, &mut claimed, &Path::ROOT, &mut report, true);
        assert!(!ok);
        let found: Vec<_> = report
            .shapes
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect();
        assert_eq!(
            found,
            pairs(&[("/f18", "duplicate_field"), ("/f19", "missing_field")])
        );
    }
}
