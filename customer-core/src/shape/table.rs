//! The second read of a struct with named fields, compiled once: a model describes its fields
//! as data (a [`Field`] each: wire names, what a missing member means, its type's shape as a
//! function pointer, and flags) and [`named_flat`] walks that table: each member found and its
//! shape checked, then, with rules, each field's rules (its entry's own [`FieldRules`] when they
//! are one call of its rules function, else through the model's one [`CheckFn`]), the `nested`
//! models walked again, and the struct read whole.
//!
//! A tuple struct's or a tuple variant's elements are the same entries without names
//! ([`Elements`]), walked by position, their rules their entries' own ([`ElementRules`]) or
//! through one [`ElementCheckFn`]; a field read
//! by a `deserialize_with` function is an entry whose shape is that function's read
//! ([`Field::read_by`]).
//!
//! Two parts of this walk read a level's whole subtree at each level of a chain of models: the
//! whole read of a model with checks (inside a value walked once, it reads whole for its checks
//! alone), and a `nested` field with another rule (its value read for that rule, then its model
//! walked again). Each needs the typed value of its level, which serde builds only from the
//! tree, so that a document of `n` levels would cost O(n²): each such read and walk takes its
//! values from the report's budget (four times the document's, see [`Report::again_at`]), and
//! past it is not made (rows 18 to 25 of `scripts/bench-hostile.sh --callgrind`; the report then
//! begins with `unchecked`). See the repository's README for what would make them linear
//! without leaving checks unrun.

use serde::de::DeserializeOwned;

use super::member::{member, read_member, Found, Missing, ShapeFn};
use super::{element, object_of, snapshot, tuple_content, tuple_items, walk_again};
use super::{read_alone, read_for_rules, read_missing, Content, Node, ReadFn, Report, WholeFn};
use crate::at::At;
use crate::error::{Path, ValidationErrors};
use crate::rules::HasLength;
use std::any::Any;
use std::marker::PhantomData;

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

/// One named field of a model, as its second read needs it: `'f` is as long as its own rules
/// live (see [`Field::rules`]).
#[derive(Clone, Copy)]
pub struct Field<'f> {
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
    /// Its own rules, run on its value read alone (instead of the model's [`CheckFn`] or
    /// [`ElementCheckFn`]): the entry of a field whose rules are one call of its rules
    /// function (see `ShapeProbe::field_rules`).
    pub rules: Option<Rules<'f>>,
    /// A `flatten`ed field's walk of the members no field before it claimed (see
    /// [`Field::flat`]); then it has no names and `shape` is not used.
    pub flat: Option<FlatFn>,
}

/// A `flatten`ed field's walk ([`Shape::__shape_flat`](super::Shape::__shape_flat), or its
/// type's read of the members left when it has no [`Shape`](super::Shape)).
pub type FlatFn = fn(super::Flat<'_, '_>) -> bool;

/// A field's own rules (see [`Field::rules`]), by the place its rules function takes: a named
/// field's key or a tuple element's index. A table runs the rules of its own kind (a named
/// table a [`Rules::Named`], a tuple's a [`Rules::Element`]); the derive gives no other.
#[derive(Clone, Copy)]
pub enum Rules<'f> {
    /// A named field's ([`Ruled`], [`Or`], [`RuledWith`], [`RuledEach`],
    /// [`RuledEachWith`], [`ModelOr`]).
    Named(&'f (dyn FieldRules + 'f)),
    /// A tuple element's ([`RuledAt`], its [`Or`]).
    Element(&'f (dyn ElementRules + 'f)),
}

impl Field<'_> {
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
            rules: None,
            flat: None,
        }
    }

    /// A `flatten`ed field walked by `flat` over the members no field before it claimed (the
    /// ones it claims marked), its model walked again with rules when `flags` has [`NESTED`].
    #[must_use]
    pub fn flat(flags: u8, flat: FlatFn) -> Self {
        Field {
            flat: Some(flat),
            ..Field::new(
                &[],
                flags,
                super::probe::accept,
                super::probe::required,
                false,
            )
        }
    }
}

impl<'f> Field<'f> {
    /// The field with its own rules: `rules` (its rules function, held by the table's caller
    /// for as long as the table) run on its value read alone as a `T` (its member's, or what a
    /// missing member reads as), at the key the member was found under.
    #[must_use]
    pub(crate) fn with_rules<T, R: RulesOf<T> + 'f>(self, rules: &'f R) -> Self
    where
        T: DeserializeOwned + 'f,
    {
        Field {
            rules: Some(rules.erase()),
            ..self
        }
    }
}

/// A field's own rules (see [`Field::rules`]): run on the field's [`Check`].
pub trait FieldRules {
    /// When the field has its shape, its value read alone (or what a missing member reads as)
    /// and its rules run on it at [`Check::key`].
    fn run(&self, check: Check<'_, '_, '_>);
}

/// A tuple element's own rules (see [`Field::rules`]): run on the element's [`Check`].
pub trait ElementRules {
    /// When the element has its shape, its value read alone (or a missing element's default)
    /// and its rules run on it at its index.
    fn run(&self, check: Check<'_, '_, '_, usize>);
}

/// The rules of a field read as a `T`, as the entry of a table holds them (see
/// [`Field::rules`]): [`Ruled`], [`RuledAt`], either under [`Or`], or the others here. `T` is the field's
/// type, so that a probe arm that does not read the field takes them unread.
pub trait RulesOf<T> {
    /// The rules as a table runs them.
    fn erase<'f>(&'f self) -> Rules<'f>
    where
        T: DeserializeOwned + 'f;
}

/// Writes [`RulesOf<T>`] for each holder: the same `erase` for all, a [`Rules::Named`] for a
/// field's and a [`Rules::Element`] for a tuple element's, so that a holder's own code is only
/// its `run`.
macro_rules! rules_of {
    ($($variant:ident => impl<$($g:ident $(: $b:path)?),*> $holder:ty;)*) => {
        $(
            impl<$($g $(: $b)?),*> RulesOf<T> for $holder {
                fn erase<'f>(&'f self) -> Rules<'f>
                where
                    T: DeserializeOwned + 'f,
                {
                    Rules::$variant(self)
                }
            }
        )*
    };
}

rules_of! {
    Named => impl<T> Ruled<T>;
    Named => impl<T, C: Any> RuledWith<T, C>;
    Named => impl<T, I: DeserializeOwned> RuledEach<T, I>;
    Named => impl<T, I: DeserializeOwned, C: Any> RuledEachWith<T, I, C>;
    Named => impl<T, I: DeserializeOwned> RuledEachLen<T, I>;
    Named => impl<T, I: DeserializeOwned, C: Any> RuledEachLenWith<T, I, C>;
    Named => impl<T> RuledLen<T>;
    Named => impl<T> RuledLenAs<T>;
    Named => impl<T, C: Any> RuledLenWith<T, C>;
    Named => impl<T: HasLength> Length<T>;
    Named => impl<T> RuledModel<T>;
    Named => impl<T, C: Any> RuledModelWith<T, C>;
    Named => impl<T: crate::CustomerModel> ModelOr<T>;
    Element => impl<T> RuledAt<T>;
    Element => impl<T, C: Any> RuledAtWith<T, C>;
    Named => impl<T> Or<Ruled<T>, T>;
    Named => impl<T, C: Any> Or<RuledWith<T, C>, T>;
    Named => impl<T, I: DeserializeOwned> Or<RuledEach<T, I>, T>;
    Named => impl<T, I: DeserializeOwned, C: Any> Or<RuledEachWith<T, I, C>, T>;
    Element => impl<T> Or<RuledAt<T>, T>;
    Element => impl<T, C: Any> Or<RuledAtWith<T, C>, T>;
}

/// Writes the `FieldRules` (`Named`) or `ElementRules` (`Element`) of a holder that also runs
/// under [`Or`]: its `run_or` with what serde reads a missing member as ([`read_missing`]).
macro_rules! serde_missing {
    ($($variant:ident => impl<$($g:ident $(: $b:path)?),*> $holder:ty;)*) => {
        $(serde_missing!(@ $variant [$($g $(: $b)?),*] $holder);)*
    };
    (@ Named [$($g:tt)*] $holder:ty) => {
        impl<$($g)*> FieldRules for $holder {
            #[inline]
            fn run(&self, check: Check<'_, '_, '_>) {
                self.run_or(check, read_missing::<T>);
            }
        }
    };
    (@ Element [$($g:tt)*] $holder:ty) => {
        impl<$($g)*> ElementRules for $holder {
            #[inline]
            fn run(&self, check: Check<'_, '_, '_, usize>) {
                self.run_or(check, read_missing::<T>);
            }
        }
    };
}

serde_missing! {
    Named => impl<T: DeserializeOwned> Ruled<T>;
    Named => impl<T: DeserializeOwned, C: Any> RuledWith<T, C>;
    Named => impl<T: DeserializeOwned, I: DeserializeOwned> RuledEach<T, I>;
    Named => impl<T: DeserializeOwned, I: DeserializeOwned, C: Any> RuledEachWith<T, I, C>;
    Element => impl<T: DeserializeOwned> RuledAt<T>;
    Element => impl<T: DeserializeOwned, C: Any> RuledAtWith<T, C>;
}

/// A holder's rules as they run on a field's value read alone, with `missing` for what a
/// missing member reads as: its [`FieldRules`] passes [`read_missing`], and [`Or`] its
/// default.
pub trait FieldRulesOr<T> {
    /// [`FieldRules::run`] with `missing` for a missing member.
    fn run_or(&self, check: Check<'_, '_, '_>, missing: fn() -> Option<T>);
}

/// [`FieldRulesOr`] of a tuple element's holder.
pub trait ElementRulesOr<T> {
    /// [`ElementRules::run`] with `missing` for a missing element.
    fn run_or(&self, check: Check<'_, '_, '_, usize>, missing: fn() -> Option<T>);
}

/// A holder (the first field) of a field or element with a default (`#[serde(default)]`): a
/// missing member reads as the second field says, so that a default composes with any holder
/// ([`Ruled`], [`RuledWith`], [`RuledEach`], [`RuledEachWith`], [`RuledAt`], [`RuledAtWith`])
/// rather than doubling their number.
pub struct Or<H, T>(pub H, pub fn() -> Option<T>);

impl<H: FieldRulesOr<T>, T> FieldRules for Or<H, T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        self.0.run_or(check, self.1);
    }
}

impl<H: ElementRulesOr<T>, T> ElementRules for Or<H, T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_, usize>) {
        self.0.run_or(check, self.1);
    }
}

/// The rules function of a field read as a `T` (see [`Field::rules`]): a pointer, so that
/// the read and the check are compiled once per field type, not once per field.
pub struct Ruled<T>(pub for<'a, 'k> fn(&T, At<'a, &'k str>));

impl<T: DeserializeOwned> FieldRulesOr<T> for Ruled<T> {
    #[inline]
    fn run_or(&self, check: Check<'_, '_, '_>, missing: fn() -> Option<T>) {
        check.read_then(read_for_rules::<T>, missing, self.0);
    }
}

/// [`Ruled`] of a field of a model with a context `C` (`#[customer(context = C)]`): run with
/// the caller's context, taken from the report (see [`Check::rules_with`]).
pub struct RuledWith<T, C>(pub for<'a, 'k> fn(&T, &C, At<'a, &'k str>));

impl<T: DeserializeOwned, C: Any> FieldRulesOr<T> for RuledWith<T, C> {
    #[inline]
    fn run_or(&self, check: Check<'_, '_, '_>, missing: fn() -> Option<T>) {
        let reader = Reader {
            read: read_for_rules::<T>,
            missing,
        };
        check.rules_with(reader, self.0);
    }
}

/// [`Ruled`] of a field with `each(...)` rules (see [`Check::each`]): its rules function, its
/// `Option` layers and its item function (`__customer_each_N`), run on every element read
/// alone (an `I`) when the collection does not read.
pub struct RuledEach<T, I>(
    pub for<'a, 'k> fn(&T, At<'a, &'k str>),
    pub usize,
    pub for<'a, 'k> fn(&I, At<'a, &'k str>, usize),
);

impl<T: DeserializeOwned, I: DeserializeOwned> FieldRulesOr<T> for RuledEach<T, I> {
    #[inline]
    fn run_or(&self, check: Check<'_, '_, '_>, missing: fn() -> Option<T>) {
        let reader = Reader {
            read: read_for_rules::<T>,
            missing,
        };
        check.each(reader, self.0, read_alone::<I>, self.1, self.2);
    }
}

/// [`RuledEach`] of a model with a context `C` (see [`Check::each_with`]).
pub struct RuledEachWith<T, I, C>(
    pub for<'a, 'k> fn(&T, &C, At<'a, &'k str>),
    pub usize,
    pub for<'a, 'k> fn(&I, &C, At<'a, &'k str>, usize),
);

impl<T: DeserializeOwned, I: DeserializeOwned, C: Any> FieldRulesOr<T> for RuledEachWith<T, I, C> {
    #[inline]
    fn run_or(&self, check: Check<'_, '_, '_>, missing: fn() -> Option<T>) {
        let reader = Reader {
            read: read_for_rules::<T>,
            missing,
        };
        check.each_with(reader, self.0, read_alone::<I>, self.1, self.2);
    }
}

/// [`Ruled`] of a collection with both `length(min, max)` and `each(...)` rules: its rules
/// function when it reads; when it does not (an element is wrong) and its member is there once,
/// the count of the document's elements checked against the bounds ([`Check::counted`]) and the
/// item function run on every element that reads alone ([`Check::each`]), in the order the
/// rules are written. In order: the rules function, the `Option` layers, the item function,
/// how the elements are counted, `min`, `max`, whether `length` is written before `each`, and
/// what a missing member reads as (its default, or [`read_missing`](super::read_missing)).
pub struct RuledEachLen<T, I>(
    pub for<'a, 'k> fn(&T, At<'a, &'k str>),
    pub usize,
    pub for<'a, 'k> fn(&I, At<'a, &'k str>, usize),
    pub fn(&Node) -> Option<usize>,
    pub Option<usize>,
    pub Option<usize>,
    pub bool,
    pub fn() -> Option<T>,
);

impl<T: DeserializeOwned, I: DeserializeOwned> FieldRules for RuledEachLen<T, I> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        if check.good {
            return check.read_then(read_for_rules::<T>, self.7, self.0);
        }
        let Check {
            found,
            path,
            report,
            key,
            ..
        } = check;
        let layers = self.1;
        let count = |report: &mut Report<'_>| {
            let check = Check {
                found,
                good: false,
                path,
                report,
                key,
            };
            check.counted(layers, self.3, self.4, self.5);
        };
        let items = |report: &mut Report<'_>| {
            each_alone(
                found,
                layers,
                read_alone::<I>,
                report,
                |item, index, rules| (self.2)(item, At(path, key, rules), index),
            );
        };
        if self.6 {
            count(report);
            items(report);
        } else {
            items(report);
            count(report);
        }
    }
}

/// [`RuledEachLen`] of a field of a model with a context `C`: its rules function and its item
/// function run with the caller's context, and nothing of it without one (see
/// [`Check::rules_with`]).
pub struct RuledEachLenWith<T, I, C>(
    pub for<'a, 'k> fn(&T, &C, At<'a, &'k str>),
    pub usize,
    pub for<'a, 'k> fn(&I, &C, At<'a, &'k str>, usize),
    pub fn(&Node) -> Option<usize>,
    pub Option<usize>,
    pub Option<usize>,
    pub bool,
    pub fn() -> Option<T>,
);

impl<T: DeserializeOwned, I: DeserializeOwned, C: Any> FieldRules for RuledEachLenWith<T, I, C> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        if check.good {
            let reader = Reader {
                read: read_for_rules::<T>,
                missing: self.7,
            };
            return check.rules_with(reader, self.0);
        }
        let Check {
            found,
            path,
            report,
            key,
            ..
        } = check;
        let Some(ctx) = report.context::<C>() else {
            return;
        };
        let layers = self.1;
        let count = |report: &mut Report<'_>| {
            let check = Check {
                found,
                good: false,
                path,
                report,
                key,
            };
            check.counted(layers, self.3, self.4, self.5);
        };
        let items = |report: &mut Report<'_>| {
            each_alone(
                found,
                layers,
                read_alone::<I>,
                report,
                |item, index, rules| (self.2)(item, ctx, At(path, key, rules), index),
            );
        };
        if self.6 {
            count(report);
            items(report);
        } else {
            items(report);
            count(report);
        }
    }
}

/// [`Ruled`] of a field with `length` on a collection (see [`Check::counted`]): its rules
/// function, its `Option` layers, how the document's elements are counted
/// ([`array_len`](crate::reread::array_len), or
/// [`distinct_keys`](crate::reread::distinct_keys) for a map keyed by `String`), and the rule's
/// `min` and `max`, checked on that count when the collection does not read.
pub struct RuledLen<T>(
    pub for<'a, 'k> fn(&T, At<'a, &'k str>),
    pub usize,
    pub fn(&Node) -> Option<usize>,
    pub Option<usize>,
    pub Option<usize>,
);

impl<T: DeserializeOwned> FieldRules for RuledLen<T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        if check.good {
            return check.read_then(read_for_rules::<T>, read_missing::<T>, self.0);
        }
        check.counted(self.1, self.2, self.3, self.4);
    }
}

/// [`RuledLen`] of a field with its own `code` or `message` (the last two fields), which the
/// violation of the count takes, as the field's rules function gives them to its own.
pub struct RuledLenAs<T>(
    pub for<'a, 'k> fn(&T, At<'a, &'k str>),
    pub usize,
    pub fn(&Node) -> Option<usize>,
    pub Option<usize>,
    pub Option<usize>,
    pub Option<&'static str>,
    pub Option<&'static str>,
);

impl<T: DeserializeOwned> FieldRules for RuledLenAs<T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        if check.good {
            return check.read_then(read_for_rules::<T>, read_missing::<T>, self.0);
        }
        let Some((_, value, true)) = check.found else {
            return;
        };
        let Some(count) = crate::reread::inside(value, self.1).and_then(self.2) else {
            return;
        };
        let result = crate::rules::length::check_count(count, self.3, self.4);
        At(check.path, check.key, &mut check.report.rules)
            .fail(crate::__private::overridden(result, self.5, self.6));
    }
}

/// [`RuledLen`] of a field of a model with a context `C`: its rules function run with the
/// caller's context (see [`Check::rules_with`]), and the count checked only when the caller
/// gave one, as the model's other rules.
pub struct RuledLenWith<T, C>(
    pub for<'a, 'k> fn(&T, &C, At<'a, &'k str>),
    pub usize,
    pub fn(&Node) -> Option<usize>,
    pub Option<usize>,
    pub Option<usize>,
);

impl<T: DeserializeOwned, C: Any> FieldRules for RuledLenWith<T, C> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        if check.good {
            let reader = Reader {
                read: read_for_rules::<T>,
                missing: read_missing::<T>,
            };
            return check.rules_with(reader, self.0);
        }
        if check.report.context::<C>().is_some() {
            check.counted(self.1, self.2, self.3, self.4);
        }
    }
}

/// The rules of a `nested` collection whose only other rule is `length(min, max)` (see
/// [`Field::rules`]; its models are walked again by [`named_flat`], [`NESTED`]): `length` on
/// its value read alone as a `T`, or, when that value did not read, on the count of the
/// document's elements ([`Check::counted`], no `Option` layers). How they are counted, then
/// the bounds, as [`RuledLen`] has them.
pub struct Length<T>(
    pub fn(&Node) -> Option<usize>,
    pub Option<usize>,
    pub Option<usize>,
    PhantomData<fn(&T)>,
);

impl<T> Length<T> {
    /// The rules: elements counted by `count`, `length(min, max)`.
    #[must_use]
    pub const fn new(
        count: fn(&Node) -> Option<usize>,
        min: Option<usize>,
        max: Option<usize>,
    ) -> Self {
        Length(count, min, max, PhantomData)
    }
}

impl<T: DeserializeOwned + HasLength> FieldRules for Length<T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        let (min, max) = (self.1, self.2);
        if check.good {
            return check.read_then(read_for_rules::<T>, read_missing::<T>, |value, mut at| {
                at.fail(crate::rules::length::check(value, min, max));
            });
        }
        check.counted(0, self.0, min, max);
    }
}

/// The rules function of a tuple element read as a `T` (see [`Field::rules`]); a missing
/// element is not read (the array's length is reported).
pub struct RuledAt<T>(pub for<'a> fn(&T, At<'a, usize>));

impl<T: DeserializeOwned> ElementRulesOr<T> for RuledAt<T> {
    #[inline]
    fn run_or(&self, check: Check<'_, '_, '_, usize>, missing: fn() -> Option<T>) {
        check.read_then(read_for_rules::<T>, missing, self.0);
    }
}

/// [`RuledAt`] of an element of a model with a context `C` (see [`Check::rules_with`]).
pub struct RuledAtWith<T, C>(pub for<'a> fn(&T, &C, At<'a, usize>));

impl<T: DeserializeOwned, C: Any> ElementRulesOr<T> for RuledAtWith<T, C> {
    #[inline]
    fn run_or(&self, check: Check<'_, '_, '_, usize>, missing: fn() -> Option<T>) {
        let reader = Reader {
            read: read_for_rules::<T>,
            missing,
        };
        check.rules_with(reader, self.0);
    }
}

/// `length(min, max)` on the count of a collection's elements in the document, as
/// [`RuledLen`] holds it: the field's `Option` layers, how the elements are counted, `min`,
/// `max` (see [`Check::counted`]).
pub type CountRule = (
    usize,
    fn(&Node) -> Option<usize>,
    Option<usize>,
    Option<usize>,
);

/// The rules of a `nested` field with another rule (see [`Field::rules`]; its model is walked
/// again by [`named_flat`], [`NESTED`]): its rules function, which validates the model only
/// when its last argument says so (`validate_into` calls it with `true`). Run with `false` on
/// the field's value read alone when it has its shape; on a value that did not read, its
/// `length` on the count of its elements when it has one (the second field); and with `true`
/// on its default (the third field) when its member is missing (no node to walk there). A
/// field without a default reads a missing member as serde does.
pub struct RuledModel<T>(
    pub for<'a, 'k> fn(&T, At<'a, &'k str>, bool),
    pub Option<CountRule>,
    pub Option<fn() -> Option<T>>,
);

impl<T: DeserializeOwned> FieldRules for RuledModel<T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        let Check {
            found,
            good,
            path,
            report,
            key,
        } = check;
        let rules = self.0;
        let again = Check {
            found,
            good,
            path,
            report: &mut *report,
            key,
        };
        if good {
            // A missing member with a default is validated below, whole.
            let missing = match self.2 {
                Some(_) => || None,
                None => read_missing::<T>,
            };
            again.read_then(read_for_rules::<T>, missing, |value, at| {
                rules(value, at, false)
            });
        } else if let Some((layers, count, min, max)) = self.1 {
            again.counted(layers, count, min, max);
        }
        if let (None, Some(default)) = (found, self.2) {
            if let Some(value) = default() {
                rules(&value, At(path, key, &mut report.rules), true);
            }
        }
    }
}

/// [`RuledModel`] of a field of a model with a context `C`: its rules function run with the
/// caller's context, and nothing of it without one (see [`Check::rules_with`]).
pub struct RuledModelWith<T, C>(
    pub for<'a, 'k> fn(&T, &C, At<'a, &'k str>, bool),
    pub Option<CountRule>,
    pub Option<fn() -> Option<T>>,
);

impl<T: DeserializeOwned, C: Any> FieldRules for RuledModelWith<T, C> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        let Check {
            found,
            good,
            path,
            report,
            key,
        } = check;
        let rules = self.0;
        if good {
            let missing = match self.2 {
                Some(_) => || None,
                None => read_missing::<T>,
            };
            let value = read_member(found, path, report, read_for_rules::<T>, missing);
            if let (Some(value), Some(ctx)) = (value, report.context::<C>()) {
                rules(&value, ctx, At(path, key, &mut report.rules), false);
            }
        } else if let (Some((layers, count, min, max)), true) =
            (self.1, report.context::<C>().is_some())
        {
            let again = Check {
                found,
                good,
                path,
                report: &mut *report,
                key,
            };
            again.counted(layers, count, min, max);
        }
        if let (None, Some(default), Some(ctx)) = (found, self.2, report.context::<C>()) {
            if let Some(value) = default() {
                rules(&value, ctx, At(path, key, &mut report.rules), true);
            }
        }
    }
}

/// The rules of a `nested` field with a default, its only rule (see [`Field::rules`]): when
/// its member is missing there is no node to walk, so its default (the function's) is
/// validated whole at the field's key; when it is there, its model is walked again
/// ([`NESTED`]).
pub struct ModelOr<T>(pub fn() -> Option<T>);

impl<T: crate::CustomerModel> FieldRules for ModelOr<T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        if check.found.is_some() {
            return;
        }
        if let Some(value) = (self.0)() {
            value.validate_into(&check.path.key(check.key), &mut check.report.rules);
        }
    }
}

/// The rules of a field read by its `deserialize_with` function whose only rule is `nested`,
/// with a default (see [`Field::or_model`]): its model is validated whole at the field's key,
/// as the function reads it when its member is there and has its shape (the function's read is
/// not a walk, so this is where the model's rules run), or as its default when it is missing.
pub struct ModelReadBy<T>(pub Reader<T>);

impl<T: crate::CustomerModel> FieldRules for ModelReadBy<T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        check.read_then(self.0.read, self.0.missing, |value, at| {
            value.validate_into(&at.0.key(at.1), at.2);
        });
    }
}

/// The rules of a field read by its `deserialize_with` function (see [`Field::read_rules`]):
/// its rules function (the third field) on the value the function reads (the first: again, the
/// shape's read only says whether it read), or on its default (the second) when its member is
/// missing.
pub struct RuledBy<T>(
    pub ReadFn<T>,
    pub fn() -> Option<T>,
    pub for<'a, 'k> fn(&T, At<'a, &'k str>),
);

impl<T> FieldRules for RuledBy<T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        check.read_then(self.0, self.1, self.2);
    }
}

/// [`RuledBy`] of a field of a model with a context `C` (see [`Check::rules_with`]).
pub struct RuledByWith<T, C>(
    pub ReadFn<T>,
    pub fn() -> Option<T>,
    pub for<'a, 'k> fn(&T, &C, At<'a, &'k str>),
);

impl<T, C: Any> FieldRules for RuledByWith<T, C> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_>) {
        let reader = Reader {
            read: self.0,
            missing: self.1,
        };
        check.rules_with(reader, self.2);
    }
}

/// [`RuledBy`] of a tuple's element (see [`Field::read_rules_at`]).
pub struct RuledAtBy<T>(
    pub ReadFn<T>,
    pub fn() -> Option<T>,
    pub for<'a> fn(&T, At<'a, usize>),
);

impl<T> ElementRules for RuledAtBy<T> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_, usize>) {
        check.read_then(self.0, self.1, self.2);
    }
}

/// [`RuledAtBy`] of an element of a model with a context `C` (see [`Check::rules_with`]).
pub struct RuledAtByWith<T, C>(
    pub ReadFn<T>,
    pub fn() -> Option<T>,
    pub for<'a> fn(&T, &C, At<'a, usize>),
);

impl<T, C: Any> ElementRules for RuledAtByWith<T, C> {
    #[inline]
    fn run(&self, check: Check<'_, '_, '_, usize>) {
        let reader = Reader {
            read: self.0,
            missing: self.1,
        };
        check.rules_with(reader, self.2);
    }
}

pub use crate::at::Place;

impl Field<'_> {
    /// A field read by its `deserialize_with` function, `shape` reading its value by that
    /// function: required unless `flags` has [`MAY_MISS`] (serde asks for the member of such a
    /// field whatever its type, unless it has a default), its value not walked as a model.
    #[must_use]
    pub fn read_by(names: &'static [&'static str], flags: u8, shape: ShapeFn) -> Self {
        Field {
            names,
            missing: if flags & MAY_MISS != 0 {
                Missing::Ok
            } else {
                Missing::Required
            },
            shape,
            once: false,
            nested: false,
            check: flags & CHECK != 0,
            rules: None,
            flat: None,
        }
    }
}

impl<'f> Field<'f> {
    /// A field read by its `deserialize_with` function ([`Field::read_by`]) whose only rule is
    /// `nested` and which has a default: `model` validates the model the function reads, or
    /// that default when its member is missing (its model is not walked: the function reads
    /// it).
    #[must_use]
    pub fn or_model<T: crate::CustomerModel>(self, model: &'f ModelReadBy<T>) -> Self {
        Field {
            rules: Some(Rules::Named(model)),
            ..self
        }
    }

    /// A field read by its `deserialize_with` function ([`Field::read_by`]) with rules its
    /// rules function runs: `rules` ([`RuledBy`], [`RuledByWith`]) on the value the function
    /// reads, or on its default when its member is missing.
    #[must_use]
    pub fn read_rules(self, rules: &'f (dyn FieldRules + 'f)) -> Self {
        Field {
            rules: Some(Rules::Named(rules)),
            ..self
        }
    }

    /// [`Field::read_rules`] of a tuple's element ([`RuledAtBy`], [`RuledAtByWith`]).
    #[must_use]
    pub fn read_rules_at(self, rules: &'f (dyn ElementRules + 'f)) -> Self {
        Field {
            rules: Some(Rules::Element(rules)),
            ..self
        }
    }
}

/// What the model's [`CheckFn`] gets for one field: the member (or element) found for it,
/// whether it has its shape, the container's pointer and the report. `K` is the field's
/// [`Place`]: a member's key for a named field, an element's index for a tuple's.
pub struct Check<'a, 'm, 'r, K = &'m str> {
    /// The member found for the field, if any (an element's: its index, its node, `true`).
    pub found: Option<(K, &'m Node, bool)>,
    /// Whether the field has its shape.
    pub good: bool,
    /// The container's pointer.
    pub path: &'a Path<'a>,
    /// The report.
    pub report: &'a mut Report<'r>,
    /// The key the member was found under, or the field's wire name when it is missing; an
    /// element's index.
    pub key: K,
}

impl<K: Place> Check<'_, '_, '_, K> {
    /// The common rules of a field: when it has its shape, its value read alone by `reader`
    /// (or what a missing member reads as) and `rules` run on it at [`Check::key`].
    #[inline]
    pub fn rules<T>(self, reader: Reader<T>, rules: RulesFn<T, K>) {
        self.read_then(reader.read, reader.missing, rules);
    }

    /// [`Check::rules`], the value read by `read` (or `missing`) and `rules` any function.
    #[inline]
    fn read_then<T>(
        self,
        read: ReadFn<T>,
        missing: fn() -> Option<T>,
        rules: impl Fn(&T, At<'_, K>),
    ) {
        if !self.good {
            return;
        }
        if let Some(value) = read_member(self.found, self.path, self.report, read, missing) {
            rules(&value, At(self.path, self.key, &mut self.report.rules));
        }
    }
}

impl<'m, K: Place> Check<'_, 'm, '_, K> {
    /// [`Check::rules`] of a model with a context (`#[customer(context = C)]`): `rules` run
    /// with the caller's context, taken from the report ([`Report::context`]); not run when
    /// the caller gave none (the value is read all the same).
    #[inline]
    pub fn rules_with<T, C: Any>(self, reader: Reader<T>, rules: ContextRulesFn<T, C, K>) {
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
        if let (Some(value), Some(ctx)) = (value, self.report.context::<C>()) {
            rules(&value, ctx, At(self.path, self.key, &mut self.report.rules));
        }
    }

    /// The rules of a field whose `each(...)` rules run on a collection: as [`Check::rules`]
    /// when the field has its shape; when it does not (an element is wrong) and its member is
    /// there once, `each` on every element `items` reads alone, at its index below the field
    /// (`layers`: the field's `Option` layers, a `null` then has no elements). `each` is the
    /// model's item function of the field (`__customer_each_N`, its `each(...)` rules, which
    /// its rules function runs on every element too): the element, the container's pointer,
    /// the field's key, the element's index, the report.
    /// `items` and `each` are generic (a function item each, not a pointer): called on every
    /// element.
    #[inline]
    pub fn each<T, I>(
        self,
        reader: Reader<T>,
        rules: RulesFn<T, K>,
        items: impl Fn(&Node) -> Option<I>,
        layers: usize,
        each: impl Fn(&I, At<'_, K>, usize),
    ) {
        if self.good {
            return self.rules(reader, rules);
        }
        let (path, key) = (self.path, self.key);
        each_alone(
            self.found,
            layers,
            items,
            self.report,
            |item, index, report| {
                each(item, At(path, key, report), index);
            },
        );
    }

    /// `length(min, max)` of a collection that did not read (an element is wrong), its member
    /// there once: on the number of elements `count` finds in its node (inside its `layers`
    /// `Option` layers: a `null` then has none), at [`Check::key`], as `validate_into` would
    /// report it on the value read.
    #[inline]
    pub fn counted(
        self,
        layers: usize,
        count: fn(&Node) -> Option<usize>,
        min: Option<usize>,
        max: Option<usize>,
    ) {
        let Some((_, value, true)) = self.found else {
            return;
        };
        let Some(count) = crate::reread::inside(value, layers).and_then(count) else {
            return;
        };
        At(self.path, self.key, &mut self.report.rules)
            .fail(crate::rules::length::check_count(count, min, max));
    }

    /// [`Check::each`] of a model with a context (see [`Check::rules_with`]).
    #[inline]
    pub fn each_with<T, I, C: Any>(
        self,
        reader: Reader<T>,
        rules: ContextRulesFn<T, C, K>,
        items: impl Fn(&Node) -> Option<I>,
        layers: usize,
        each: impl Fn(&I, &C, At<'_, K>, usize),
    ) {
        if self.good {
            return self.rules_with(reader, rules);
        }
        let (path, key) = (self.path, self.key);
        let Some(ctx) = self.report.context::<C>() else {
            return;
        };
        each_alone(
            self.found,
            layers,
            items,
            self.report,
            |item, index, report| {
                each(item, ctx, At(path, key, report), index);
            },
        );
    }
}

/// The elements of a collection that did not read (`found` there once), each read alone by
/// `items` and, when it reads, given to `each` with its index; past the report's cap counted,
/// not built ([`Items`](crate::error::Items)).
#[inline]
fn each_alone<K, I>(
    found: Option<(K, &Node, bool)>,
    layers: usize,
    items: impl Fn(&Node) -> Option<I>,
    report: &mut Report<'_>,
    mut each: impl FnMut(&I, usize, &mut ValidationErrors),
) {
    let Some((_, value, true)) = found else {
        return;
    };
    let Some(node) = crate::reread::inside(value, layers) else {
        return;
    };
    let report = &mut report.rules;
    let mut walk = crate::error::Items::new(report);
    for (index, item) in crate::reread::elements(node).iter().enumerate() {
        walk.item(report);
        if let Some(item) = items(item) {
            each(&item, index, report);
        }
    }
}

/// A model's rules function of a field (`__customer_rules_N`): its value, and where it
/// reports ([`At`]: the container's pointer, the key, index or nothing it is at (see
/// [`Place`]), the report).
pub type RulesFn<T, K> = fn(&T, At<'_, K>);

/// The rules function of a field of a model with a context `C` (`#[customer(context(C))]`):
/// as [`RulesFn`], the context passed second.
pub type ContextRulesFn<T, C, K> = fn(&T, &C, At<'_, K>);

/// How a field's value is read for its rules: present (its type's read) and missing.
pub struct Reader<T> {
    /// Reads the member's value at its pointer (a failure reported).
    pub read: ReadFn<T>,
    /// What a missing member reads as (its default, or what serde reads).
    pub missing: fn() -> Option<T>,
}

impl<T> Reader<T> {
    /// A model's whole read for its checks (a table's `whole`, the derive's call of
    /// `ReadViaSerde::checked` or `ReadViaNothing::checked`): `node` read into the model (what serde refuses reported), then `checks` (the model's
    /// checks, as `validate_into` runs them) on it at `path`; `true` when the read reported
    /// nothing.
    #[inline]
    pub fn checked(
        self,
        node: &Node,
        path: &Path<'_>,
        report: &mut Report<'_>,
        checks: fn(&T, &Path<'_>, &mut ValidationErrors),
    ) -> bool {
        let shapes = report.shape_count();
        if let Some(whole) = (self.read)(node, path, report) {
            checks(&whole, path, &mut report.rules);
        }
        report.shape_count() == shapes
    }

    /// [`Reader::checked`] of a model with a context `C`: the checks run with the caller's
    /// context, taken from the report ([`Report::context`]); not run when the caller gave none
    /// (the model is read all the same).
    #[inline]
    pub fn checked_with<C: Any>(
        self,
        node: &Node,
        path: &Path<'_>,
        report: &mut Report<'_>,
        checks: fn(&T, &C, &Path<'_>, &mut ValidationErrors),
    ) -> bool {
        let shapes = report.shape_count();
        if let (Some(whole), Some(ctx)) = ((self.read)(node, path, report), report.context::<C>()) {
            checks(&whole, ctx, path, &mut report.rules);
        }
        report.shape_count() == shapes
    }

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

/// The rules of a tuple's elements: called with the element's index.
pub type ElementCheckFn = fn(usize, Check<'_, '_, '_, usize>);

/// A model's description for [`named_flat`].
pub struct Named<'f> {
    /// Its fields read from members, in order.
    pub fields: &'f [Field<'f>],
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

impl<'f> Named<'f> {
    /// A struct's description: no container checks, its unknown members left to
    /// [`named_members`](super::named_members).
    #[must_use]
    pub const fn new(fields: &'f [Field<'f>], check: CheckFn, whole: Option<WholeFn>) -> Self {
        Named {
            fields,
            check,
            whole,
            checks: false,
            deny: false,
        }
    }

    /// The walk of a struct variant's content: its object (or an internally tagged enum's
    /// members, the tag claimed) walked by [`named_flat`] of this description.
    pub fn walk_content(
        &self,
        content: Content<'_>,
        path: &Path<'_>,
        report: &mut Report<'_>,
        rules: bool,
    ) -> bool {
        let Some(mut object) = super::struct_content(content, path, report) else {
            return false;
        };
        let at = object.path;
        named_flat(
            object.members,
            object.claims.marks(),
            &at,
            report,
            rules,
            self,
        )
    }

    /// [`named_flat`] of this description: a struct's `__shape_flat`.
    pub fn walk(
        &self,
        super::Flat(members, claimed, path, report, rules): super::Flat<'_, '_>,
    ) -> bool {
        named_flat(members, claimed, path, report, rules, self)
    }
}

/// A [`CheckFn`] for a model with no field rules.
pub fn no_check(_: usize, _: Check<'_, '_, '_>) {}

/// An [`ElementCheckFn`] for a tuple with no element rules.
pub fn no_element_check(_: usize, _: Check<'_, '_, '_, usize>) {}

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
    // The claims before each `nested` `flatten`ed field walked (its model walked again over
    // them).
    let mut befores = Vec::new();
    for (field, slot) in named.fields.iter().zip(walked.iter_mut()) {
        *slot = match field.flat {
            None => member(
                members,
                claimed,
                path,
                report,
                field.names,
                field.missing,
                field.shape,
                rules && field.once,
            ),
            Some(flat) => flat_shape(
                flat,
                field.nested,
                &mut befores,
                members,
                claimed,
                path,
                report,
            ),
        };
    }
    let mut flats = 0;
    // `&`, not `&&`: the unknown members are reported whatever the fields are.
    let ok = walked.iter().all(|(_, good)| *good)
        & (!named.deny || super::unknown_members(members, claimed, path, report));
    if !rules {
        return ok;
    }
    let phase = Report::rules_phase(report);
    for (index, (field, &(found, good))) in named.fields.iter().zip(walked.iter()).enumerate() {
        if field.check || field.rules.is_some() {
            let check = Check {
                found,
                good,
                path,
                report: &mut *report,
                key: found.map_or(field.names[0], |(key, _, _)| key),
            };
            match field.rules {
                Some(Rules::Named(rules)) => rules.run(check),
                _ => (named.check)(index, check),
            }
        }
        if field.nested && !field.once {
            if let Some(flat) = field.flat {
                flat_again(flat, befores.get_mut(flats), members, path, report);
                flats += 1;
            } else if let Some((key, value, _)) = found {
                if let Some(mut again) = Report::again_at(report, value) {
                    (field.shape)(value, &path.key(key), &mut again, true);
                    Report::keep_rules(report, again);
                }
            }
        }
    }
    let whole = ok
        && Report::reads_whole(&phase, named.checks)
        && match (named.whole, &start) {
            // Past the budget, not even the object copied (the read would be refused).
            (Some(_), Some(_)) if report.spent() => true,
            (Some(whole), Some(start)) => whole(&object_of(members, start, claimed), path, report),
            _ => true,
        };
    Report::end_rules_phase(report, phase, ok, whole)
}

/// The shape of a `flatten`ed field (see [`Field::flat`]): `flat` over the members left, the
/// claims before it kept in `befores` when it is `nested`. Out of the walk's loop, which most
/// models take without one.
#[inline(never)]
fn flat_shape<'m>(
    flat: FlatFn,
    nested: bool,
    befores: &mut Vec<Vec<bool>>,
    members: &'m [(String, Node)],
    claimed: &mut [bool],
    path: &Path<'_>,
    report: &mut Report<'_>,
) -> (Found<'m>, bool) {
    if nested {
        befores.push(snapshot(claimed));
    }
    (
        None,
        flat(super::Flat(members, claimed, path, report, false)),
    )
}

/// A `nested` `flatten`ed field's model walked again with rules over the members left before
/// it (`before`).
#[inline(never)]
fn flat_again(
    flat: FlatFn,
    before: Option<&mut Vec<bool>>,
    members: &[(String, Node)],
    path: &Path<'_>,
    report: &mut Report<'_>,
) {
    let Some(claims) = before else {
        return;
    };
    let mut claims = std::mem::take(claims);
    if let Some(mut again) = Report::again_over(report, members, &claims) {
        flat(super::Flat(members, &mut claims, path, &mut again, true));
        Report::keep_rules(report, again);
    }
}

/// A tuple struct's or a tuple variant's description for [`Elements::walk`]: its elements as
/// [`Field`]s without names (in the order serde reads them; [`MAY_MISS`] for an element with a
/// default), their rules through one [`ElementCheckFn`].
pub struct Elements<'f> {
    /// The elements read, in order.
    pub fields: &'f [Field<'f>],
    /// The rules of the elements flagged [`CHECK`].
    pub check: ElementCheckFn,
    /// A tuple struct read whole (as [`Named::whole`], from its array); `None` for a variant
    /// (the enum is read whole by its caller).
    pub whole: Option<WholeFn>,
    /// Whether the container has checks.
    pub checks: bool,
}

impl<'f> Elements<'f> {
    /// A tuple's description without container checks: a tuple variant's (`whole` `None`),
    /// or a tuple struct's without checks.
    #[must_use]
    pub const fn new(
        fields: &'f [Field<'f>],
        check: ElementCheckFn,
        whole: Option<WholeFn>,
    ) -> Self {
        Elements {
            fields,
            check,
            whole,
            checks: false,
        }
    }
}

impl Elements<'_> {
    /// The `__shape` of a tuple struct: `node` an array of its elements (serde reads the
    /// missing trailing ones that have a default as their default), each element's shape at
    /// its index; with rules, each element's rules and its model walked again, then the
    /// struct read whole.
    pub fn walk(&self, node: &Node, path: &Path<'_>, report: &mut Report<'_>, rules: bool) -> bool {
        let Some((items, fits)) = tuple_items(node, path, report, self.min(), self.fields.len())
        else {
            return false;
        };
        elements_flat(Some(node), items, fits, path, report, rules, self)
    }

    /// The walk of a tuple variant's content: as [`Elements::walk`], the elements below the
    /// content's pointer, not read whole.
    pub fn walk_content(
        &self,
        content: Content<'_>,
        path: &Path<'_>,
        report: &mut Report<'_>,
        rules: bool,
    ) -> bool {
        let Some((items, fits, at)) =
            tuple_content(content, path, report, self.min(), self.fields.len())
        else {
            return false;
        };
        elements_flat(None, items, fits, &at, report, rules, self)
    }

    /// The fewest elements serde reads: up to the last one without a default.
    fn min(&self) -> usize {
        self.fields
            .iter()
            .rposition(|field| !matches!(field.missing, Missing::Ok))
            .map_or(0, |last| last + 1)
    }
}

/// The elements `items` of a tuple (`fits`: their number is right) walked against `elements`:
/// each element's shape (one that is not there is reported once, as the array's length); with
/// `rules`, in a rules phase, each element's rules in order (on its value read alone, or on the
/// default of a missing one with a default), its model walked again, and `node`, when given,
/// read whole when every element has its shape.
fn elements_flat(
    node: Option<&Node>,
    items: &[Node],
    fits: bool,
    path: &Path<'_>,
    report: &mut Report<'_>,
    rules: bool,
    elements: &Elements<'_>,
) -> bool {
    // Each element's verdict, on the stack for up to `INLINE` elements.
    const INLINE: usize = 16;
    let fields = elements.fields;
    let mut inline = [true; INLINE];
    let mut heap = Vec::new();
    let goods: &mut [bool] = if fields.len() <= INLINE {
        &mut inline[..fields.len()]
    } else {
        heap.resize(fields.len(), true);
        &mut heap
    };
    for (index, (field, good)) in fields.iter().zip(goods.iter_mut()).enumerate() {
        *good = element(items, index, path, report, field.shape, rules && field.once);
    }
    let ok = fits && goods.iter().all(|good| *good);
    if !rules {
        return ok;
    }
    let phase = Report::rules_phase(report);
    for (index, (field, &good)) in fields.iter().zip(goods.iter()).enumerate() {
        let found = items.get(index);
        // A missing element is read only when it has a default (else the length says it).
        if (field.check || field.rules.is_some())
            && (found.is_some() || matches!(field.missing, Missing::Ok))
        {
            let check = Check {
                found: found.map(|value| (index, value, true)),
                good,
                path,
                report: &mut *report,
                key: index,
            };
            match field.rules {
                Some(Rules::Element(rules)) => rules.run(check),
                _ => (elements.check)(index, check),
            }
        }
        if let (true, false, Some(value)) = (field.nested, field.once, found) {
            walk_again(value, &path.index(index), report, field.shape);
        }
    }
    let whole = ok
        && Report::reads_whole(&phase, elements.checks)
        && match (elements.whole, node) {
            (Some(whole), Some(node)) => whole(node, path, report),
            _ => true,
        };
    Report::end_rules_phase(report, phase, ok, whole)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::RuleError;
    use crate::shape::{ReadProbe, ReadViaSerde as _, ShapeProbe};
    #[allow(unused_imports)]
    use crate::shape::{ShapeViaNothing as _, ShapeViaSerde as _, ShapeViaShape as _};

    /// The report's violations, shapes then rules, as (pointer, code) pairs.
    fn reported(report: &Report) -> Vec<(String, String)> {
        report
            .shapes
            .iter()
            .chain(report.rules.iter())
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect()
    }

    /// A rule on a `String`: not empty (`&String`: a rules function takes its field's type).
    #[allow(clippy::ptr_arg)]
    fn filled(value: &String, mut at: At<'_, &str>) {
        let result = if value.is_empty() {
            Err(RuleError::new("length", "is empty"))
        } else {
            Ok(())
        };
        at.fail(result);
    }

    /// A rule on an `Option<u32>`: at most 10.
    fn small(value: &Option<u32>, mut at: At<'_, &str>) {
        let result = match value {
            Some(n) if *n > 10 => Err(RuleError::new("range", "is too large")),
            _ => Ok(()),
        };
        at.fail(result);
    }

    fn check(index: usize, check: Check<'_, '_, '_>) {
        match index {
            0 => check.rules(ReadProbe::<String>::NEW.reader(), filled),
            1 => check.rules(ReadProbe::<Option<u32>>::NEW.reader(), small),
            _ => {}
        }
    }

    fn fields() -> [Field<'static>; 3] {
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
        let found = reported(&report);
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

    /// The same table with each field's rules in its entry (`field_rules`) instead of the
    /// model's `CheckFn`: the same verdicts and reports, at the key the member was found under.
    #[test]
    fn rules_in_the_entries_walk_as_the_check_fn() {
        #[allow(unused_imports)]
        use crate::shape::via_read::*;
        let entries = [
            (&&ShapeProbe::<String>::NEW).field_rules(&["name", "full_name"], 0, &Ruled(filled)),
            (&&ShapeProbe::<Option<u32>>::NEW).field_rules(&["count"], 0, &Ruled(small)),
            (&&ShapeProbe::<bool>::NEW).field(&["flag"], MAY_MISS),
        ];
        assert!(entries[0].rules.is_some() && !entries[0].check);
        let own = Named::new(&entries, no_check, None);
        for json in [
            r#"{"name": "", "count": "x", "flag": 1}"#,
            r#"{"name": "", "count": 11}"#,
            r#"{"full_name": ""}"#,
            r#"{"count": 12}"#,
            r#"{"name": "a", "count": 1, "count": 2}"#,
            r#"{"name": "a", "count": null}"#,
        ] {
            for rules in [false, true] {
                let Node::Object(members) = serde_json::from_str::<Node>(json).unwrap() else {
                    panic!("not an object")
                };
                let mut claimed = vec![false; members.len()];
                let mut report = Report::new();
                let ok = own.walk(crate::shape::Flat(
                    &members,
                    &mut claimed,
                    &Path::ROOT,
                    &mut report,
                    rules,
                ));
                let found: Vec<_> = reported(&report);
                assert_eq!((ok, found), walk(json, rules, None), "{json} {rules}");
            }
        }
    }

    /// A type that is not read alone keeps its shape, and its rules do not run in the second
    /// read (as `ReadViaNothing`'s arm of the check function).
    #[test]
    fn rules_of_a_type_not_read_alone_do_not_run() {
        #[allow(unused_imports)]
        use crate::shape::via_read::*;
        /// Not `Deserialize`, no `Shape`.
        struct Opaque;
        fn never(_: &Opaque, _: At<'_, &str>) {
            panic!("run");
        }
        // As the derive writes it: the last arm takes the probe by value.
        #[allow(clippy::needless_borrow)]
        let field = (&&ShapeProbe::<Opaque>::NEW).field_rules(&["o"], 0, &Ruled(never));
        assert!(field.rules.is_none() && !field.check);
    }

    /// A model of more fields than are kept on the stack: the same walk.
    #[test]
    fn many_fields() {
        const NAMES: [&str; 20] = [
            "f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12", "f13",
            "f14", "f15", "f16", "f17", "f18", "f19",
        ];
        let fields: Vec<Field<'_>> = NAMES
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
        let ok = named.walk(crate::shape::Flat(
            &members,
            &mut claimed,
            &Path::ROOT,
            &mut report,
            true,
        ));
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

    /// A rule on a `u32` at an element: at most 10.
    fn small_at(value: &u32, mut at: At<'_, usize>) {
        let result = if *value > 10 {
            Err(RuleError::new("range", "is too large"))
        } else {
            Ok(())
        };
        at.fail(result);
    }

    /// A rule on a `String` at an element: not empty.
    #[allow(clippy::ptr_arg)]
    fn filled_at(value: &String, mut at: At<'_, usize>) {
        let result = if value.is_empty() {
            Err(RuleError::new("length", "is empty"))
        } else {
            Ok(())
        };
        at.fail(result);
    }

    fn element_check(index: usize, check: Check<'_, '_, '_, usize>) {
        match index {
            0 => ReadProbe::<String>::NEW.rules(check, filled_at),
            // A default of 11: over its rule.
            2 => check.rules(ReadProbe::<u32>::NEW.reader().or(|| Some(11)), small_at),
            _ => {}
        }
    }

    /// `[String (not empty), bool, u32 (at most 10, default 11)]`.
    fn elements_of() -> [Field<'static>; 3] {
        [
            (&&ShapeProbe::<String>::NEW).field(&[], CHECK),
            (&&ShapeProbe::<bool>::NEW).field(&[], 0),
            (&&ShapeProbe::<u32>::NEW).field(&[], MAY_MISS | CHECK),
        ]
    }

    /// Walks `json` against the elements, as a tuple struct's array (`variant` `None`) or as
    /// the externally tagged variant `variant`'s content; the verdict and the report's
    /// `(pointer, code)`s, shapes then rules.
    fn walk_elements(
        json: &str,
        variant: Option<&str>,
        whole: Option<WholeFn>,
    ) -> (bool, Vec<(String, String)>) {
        let node = serde_json::from_str::<Node>(json).unwrap();
        let fields = elements_of();
        let elements = Elements {
            fields: &fields,
            check: element_check,
            whole,
            checks: false,
        };
        let mut report = Report::new();
        let ok = match variant {
            None => elements.walk(&node, &Path::ROOT, &mut report, true),
            Some(key) => elements.walk_content(
                crate::shape::Content::Value(&node, Some(key)),
                &Path::ROOT,
                &mut report,
                true,
            ),
        };
        let found = reported(&report);
        (ok, found)
    }

    #[test]
    fn elements_shapes_then_rules_at_their_indices() {
        let (ok, found) = walk_elements(r#"["", 1, 12]"#, None, None);
        assert!(!ok);
        assert_eq!(
            found,
            pairs(&[("/1", "invalid_type"), ("/0", "length"), ("/2", "range")])
        );
        // Below a variant's name.
        let (ok, found) = walk_elements(r#"["", true, 3]"#, Some("pair"), None);
        assert!(ok, "{found:?}");
        assert_eq!(found, pairs(&[("/pair/0", "length")]));
    }

    /// Too short an array is reported once, as its length; the rules of an element that is
    /// not there run only on a default (here over its rule).
    #[test]
    fn elements_missing_and_defaulted() {
        let (ok, found) = walk_elements(r#"["a", true]"#, None, None);
        assert!(ok, "{found:?}");
        assert_eq!(found, pairs(&[("/2", "range")]));
        let (ok, found) = walk_elements(r#"[""]"#, None, None);
        assert!(!ok);
        assert_eq!(
            found,
            pairs(&[("", "invalid_length"), ("/0", "length"), ("/2", "range")])
        );
        let (ok, found) = walk_elements(r#"{"a": 1}"#, None, None);
        assert!(!ok);
        assert_eq!(found, pairs(&[("", "invalid_type")]));
        let (ok, found) = walk_elements(r#"["a", true, 1, 2]"#, None, None);
        assert!(!ok);
        assert_eq!(found, pairs(&[("", "invalid_length")]));
    }

    /// Elements whose rules their entries carry (`RuledAt`, `Or(RuledAt(..), ..)` with a default) walk
    /// as through the check function: same verdicts, same reports, in the same order.
    #[test]
    fn elements_rules_in_the_entries_walk_as_the_check_fn() {
        #[allow(unused_imports)]
        use crate::shape::via_read::*;
        let entries = [
            (&&ShapeProbe::<String>::NEW).field_rules(&[], 0, &RuledAt(filled_at)),
            (&&ShapeProbe::<bool>::NEW).field(&[], 0),
            (&&ShapeProbe::<u32>::NEW).field_rules(
                &[],
                MAY_MISS,
                &Or(RuledAt(small_at), || Some(11)),
            ),
        ];
        assert!(matches!(entries[0].rules, Some(Rules::Element(_))) && !entries[0].check);
        assert!(matches!(entries[2].missing, Missing::Ok));
        let own = Elements {
            fields: &entries,
            check: no_element_check,
            whole: None,
            checks: false,
        };
        for json in [
            r#"["a", true]"#,
            r#"[""]"#,
            r#"["", true, 12]"#,
            r#"["", 1, "x"]"#,
            r#"["a", true, 1, 2]"#,
            r#"{"a": 1}"#,
            r#"[]"#,
        ] {
            for variant in [None, Some("v")] {
                let node = serde_json::from_str::<Node>(json).unwrap();
                let mut report = Report::new();
                let ok = match variant {
                    None => own.walk(&node, &Path::ROOT, &mut report, true),
                    Some(key) => own.walk_content(
                        crate::shape::Content::Value(&node, Some(key)),
                        &Path::ROOT,
                        &mut report,
                        true,
                    ),
                };
                let found: Vec<_> = reported(&report);
                assert_eq!(
                    (ok, found),
                    walk_elements(json, variant, None),
                    "{json} {variant:?}"
                );
            }
        }
    }

    /// A named field with a default whose rules its entry carries (`Or(Ruled(..), ..)`): a missing
    /// member reads as its default, as through the check function with `Reader::or`.
    #[test]
    fn a_default_in_the_entry_walks_as_the_check_fn() {
        #[allow(unused_imports)]
        use crate::shape::via_read::*;
        fn by_check(index: usize, check: Check<'_, '_, '_>) {
            if index == 0 {
                check.rules(
                    ReadProbe::<Option<u32>>::NEW.reader().or(|| Some(Some(11))),
                    small,
                );
            }
        }
        let own = [(&&ShapeProbe::<Option<u32>>::NEW).field_rules(
            &["count"],
            MAY_MISS,
            &Or(Ruled(small), || Some(Some(11))),
        )];
        let checked = [(&&ShapeProbe::<Option<u32>>::NEW).field(&["count"], MAY_MISS | CHECK)];
        let run = |fields: &[Field<'_>], check: CheckFn, json: &str| {
            let Node::Object(members) = serde_json::from_str::<Node>(json).unwrap() else {
                panic!("not an object")
            };
            let mut claimed = vec![false; members.len()];
            let mut report = Report::new();
            let ok = Named::new(fields, check, None).walk(crate::shape::Flat(
                &members,
                &mut claimed,
                &Path::ROOT,
                &mut report,
                true,
            ));
            let found: Vec<_> = reported(&report);
            (ok, found)
        };
        for json in [
            r#"{}"#,
            r#"{"count": 3}"#,
            r#"{"count": 12}"#,
            r#"{"count": "x"}"#,
        ] {
            assert_eq!(
                run(&own, no_check, json),
                run(&checked, by_check, json),
                "{json}"
            );
        }
        // The default is read when the member is missing: over its rule.
        assert_eq!(run(&own, no_check, "{}").1, pairs(&[("/count", "range")]));
    }

    /// The tuple struct is read whole (from its array) only when every element has its shape.
    #[test]
    fn elements_read_whole_when_they_read() {
        fn refuses(node: &Node, path: &Path<'_>, report: &mut Report<'_>) -> bool {
            assert!(matches!(node, Node::Array(items) if items.len() == 3));
            crate::shape::missing_field(report, &path.key("whole"));
            false
        }
        let (ok, found) = walk_elements(r#"["a", true, 1]"#, None, Some(refuses));
        assert!(!ok);
        assert_eq!(found, pairs(&[("/whole", "missing_field")]));
        let (ok, found) = walk_elements(r#"["a", 1, 1]"#, None, Some(refuses));
        assert!(!ok);
        assert_eq!(found, pairs(&[("/1", "invalid_type")]));
    }
}
