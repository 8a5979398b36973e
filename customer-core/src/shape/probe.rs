//! Dispatch by autoref: the derive does not know which traits a field's type has. [`ShapeProbe`]
//! walks a field's value by its [`Shape`], else reads it through serde, else accepts it;
//! [`ReadProbe`] reads it alone when it is `DeserializeOwned`.

use std::marker::PhantomData;

use serde::de::DeserializeOwned;

use super::{
    read, read_alone, read_for_rules, read_missing, Node, Report, Shape, ShapeFn, Wrapped,
};
use crate::error::Path;

/// The shape of a field's type: its [`Shape`] when it has one, else a read through serde when
/// it is `DeserializeOwned`, else nothing known. The derive calls
/// `(&&ShapeProbe::<T>::NEW).shape(...)` with the three traits in scope.
#[doc(hidden)]
pub struct ShapeProbe<T: ?Sized>(PhantomData<fn() -> Box<T>>);

impl<T: ?Sized> ShapeProbe<T> {
    /// The probe.
    pub const NEW: Self = ShapeProbe(PhantomData);
}

impl<T: ?Sized> Clone for ShapeProbe<T> {
    fn clone(&self) -> Self {
        *self
    }
}

// For the last arm of `field_rules` ([`RulesViaNothing`]), which takes the probe by value.
impl<T: ?Sized> Copy for ShapeProbe<T> {}

impl<T: Shape + ?Sized> ShapeProbe<T> {
    /// Whether the walk of a field of type `T` is exact (see [`Shape::__EXACT`]), in a constant:
    /// `ShapeProbe::<T>::EXACT` names this one when `T` has a [`Shape`], else the one of
    /// [`ExactViaSerde`] (with that trait in scope).
    pub const EXACT: super::Exact = T::__EXACT;
}

/// The arm of `ShapeProbe::<T>::EXACT` for a type without a [`Shape`]: its field is read
/// through serde when it is `DeserializeOwned` (exact); when it is not, the model holding it is
/// not either, and has nothing to read whole.
///
/// Only for a concrete `T`: with a type parameter, the inherent constant's bound is not known
/// and this one is taken; the derive does not ask for a generic model's fields.
#[doc(hidden)]
pub trait ExactViaSerde {
    /// Exact.
    const EXACT: super::Exact = super::Exact::YES;
}

impl<T: ?Sized> ExactViaSerde for ShapeProbe<T> {}

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
    /// See [`Shape::__ONE_WALK`].
    fn one_walk(&self) -> bool;
    /// The shape of the type as a function pointer (one per type, not per field): what
    /// [`shape`](Self::shape) does.
    fn shape_fn(&self) -> ShapeFn;
    /// What [`missing_ok`](Self::missing_ok) says, as a function pointer.
    fn missing_fn(&self) -> fn() -> bool;
    /// A named field of the type for the table of its model (see [`super::Field::new`]).
    fn field(&self, names: &'static [&'static str], flags: u8) -> super::Field<'static>;
    /// A `flatten`ed field of the type for the table of its model (see
    /// [`super::Field::flat`]).
    fn flat_field(&self, flags: u8) -> super::Field<'static>;
    /// [`field`](Self::field), for a type the model cannot read through serde (it names a
    /// lifetime or a type parameter): [`ShapeViaSerde`] has no such method, so its arm is not
    /// taken even with the traits of a walk that reads in scope (`via_read`).
    fn field_unread(&self, names: &'static [&'static str], flags: u8) -> super::Field<'static> {
        ShapeViaShape::field(self, names, flags)
    }
    /// The type as a newtype variant wraps it: `nested`, the field has a `nested` rule (and
    /// the enum's rules can run); `only_nested`, it has no other rule (its model is then
    /// walked once when the type says so, see [`Shape::__ONE_WALK`]).
    fn wrapped(&self, nested: bool, only_nested: bool) -> Wrapped;
    /// See [`Shape::__shape_members`].
    fn shape_members(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool;
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
        T::__shape_flat(super::Flat(members, claimed, path, report, rules))
    }
    #[inline]
    fn missing_ok(&self) -> bool {
        T::__missing_ok()
    }
    #[inline]
    fn one_walk(&self) -> bool {
        T::__ONE_WALK
    }
    fn shape_fn(&self) -> ShapeFn {
        T::__shape
    }
    #[inline]
    fn missing_fn(&self) -> fn() -> bool {
        T::__missing_ok
    }
    #[inline]
    fn field(&self, names: &'static [&'static str], flags: u8) -> super::Field<'static> {
        super::Field::new(names, flags, T::__shape, T::__missing_ok, T::__ONE_WALK)
    }
    #[inline]
    fn flat_field(&self, flags: u8) -> super::Field<'static> {
        super::Field::flat(flags, T::__shape_flat)
    }
    #[inline]
    fn wrapped(&self, nested: bool, only_nested: bool) -> Wrapped {
        Wrapped {
            shape: T::__shape,
            members: T::__shape_members,
            missing_ok: T::__missing_ok,
            nested,
            once: nested && only_nested && T::__ONE_WALK,
        }
    }
    #[inline]
    fn shape_members(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool {
        T::__shape_members(members, claimed, path, report, rules)
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
    /// See [`Shape::__ONE_WALK`].
    fn one_walk(&self) -> bool;
    /// The shape of the type as a function pointer (one per type, not per field): what
    /// [`shape`](Self::shape) does.
    fn shape_fn(&self) -> ShapeFn;
    /// What [`missing_ok`](Self::missing_ok) says, as a function pointer.
    fn missing_fn(&self) -> fn() -> bool;
    /// A named field of the type for the table of its model (see [`super::Field::new`]).
    fn field(&self, names: &'static [&'static str], flags: u8) -> super::Field<'static>;
    /// A `flatten`ed field of the type for the table of its model (see
    /// [`super::Field::flat`]).
    fn flat_field(&self, flags: u8) -> super::Field<'static>;
    /// The type as a newtype variant wraps it: `nested`, the field has a `nested` rule (and
    /// the enum's rules can run); `only_nested`, it has no other rule (its model is then
    /// walked once when the type says so, see [`Shape::__ONE_WALK`]).
    fn wrapped(&self, nested: bool, only_nested: bool) -> Wrapped;
    /// See [`Shape::__shape_members`].
    fn shape_members(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool;
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
        flat_via_serde::<T>(super::Flat(members, claimed, path, report, false))
    }
    fn missing_ok(&self) -> bool {
        read_missing::<T>().is_some()
    }
    fn one_walk(&self) -> bool {
        false
    }
    #[inline]
    fn shape_fn(&self) -> ShapeFn {
        shape_via_serde::<T>
    }
    #[inline]
    fn missing_fn(&self) -> fn() -> bool {
        missing_via_serde::<T>
    }
    #[inline]
    fn field(&self, names: &'static [&'static str], flags: u8) -> super::Field<'static> {
        super::Field::new(
            names,
            flags,
            shape_via_serde::<T>,
            missing_via_serde::<T>,
            false,
        )
    }
    #[inline]
    fn flat_field(&self, flags: u8) -> super::Field<'static> {
        super::Field::flat(flags, flat_via_serde::<T>)
    }
    #[inline]
    fn wrapped(&self, nested: bool, _: bool) -> Wrapped {
        Wrapped {
            shape: shape_via_serde::<T>,
            members: members_via_serde::<T>,
            missing_ok: missing_via_serde::<T>,
            nested,
            once: false,
        }
    }
    fn shape_members(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        _: bool,
    ) -> bool {
        read::<T>(&super::unclaimed(members, claimed), path, report).is_some()
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
    /// Walked for its shape, then again for its rules.
    fn one_walk(&self) -> bool;
    /// The shape of the type as a function pointer (one per type, not per field): what
    /// [`shape`](Self::shape) does.
    fn shape_fn(&self) -> ShapeFn;
    /// What [`missing_ok`](Self::missing_ok) says, as a function pointer.
    fn missing_fn(&self) -> fn() -> bool;
    /// A named field of the type for the table of its model (see [`super::Field::new`]).
    fn field(&self, names: &'static [&'static str], flags: u8) -> super::Field<'static>;
    /// A `flatten`ed field of the type for the table of its model (see
    /// [`super::Field::flat`]).
    fn flat_field(&self, flags: u8) -> super::Field<'static>;
    /// [`field`](Self::field), for a type the model cannot read through serde (it names a
    /// lifetime or a type parameter): [`ShapeViaSerde`] has no such method, so its arm is not
    /// taken even with the traits of a walk that reads in scope (`via_read`).
    fn field_unread(&self, names: &'static [&'static str], flags: u8) -> super::Field<'static> {
        ShapeViaNothing::field(self, names, flags)
    }
    /// The type as a newtype variant wraps it: `nested`, the field has a `nested` rule (and
    /// the enum's rules can run); `only_nested`, it has no other rule (its model is then
    /// walked once when the type says so, see [`Shape::__ONE_WALK`]).
    fn wrapped(&self, nested: bool, only_nested: bool) -> Wrapped;
    /// Accepts.
    fn shape_members(
        &self,
        members: &[(String, Node)],
        claimed: &mut [bool],
        path: &Path<'_>,
        report: &mut Report,
        rules: bool,
    ) -> bool;
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
    fn one_walk(&self) -> bool {
        false
    }
    #[inline]
    fn shape_fn(&self) -> ShapeFn {
        accept
    }
    #[inline]
    fn missing_fn(&self) -> fn() -> bool {
        required
    }
    #[inline]
    fn field(&self, names: &'static [&'static str], flags: u8) -> super::Field<'static> {
        super::Field::new(names, flags, accept, required, false)
    }
    #[inline]
    fn flat_field(&self, flags: u8) -> super::Field<'static> {
        super::Field::flat(flags, accept_flat)
    }
    #[inline]
    fn wrapped(&self, nested: bool, _: bool) -> Wrapped {
        Wrapped {
            shape: accept,
            members: accept_members,
            missing_ok: required,
            nested,
            once: false,
        }
    }
    fn shape_members(
        &self,
        _: &[(String, Node)],
        _: &mut [bool],
        _: &Path<'_>,
        _: &mut Report,
        _: bool,
    ) -> bool {
        true
    }
}

/// A named field of type `T` with its own rules, for the table of its model: the derive calls
/// `(&&ShapeProbe::<T>::NEW).field_rules(names, flags, Self::__customer_rules_N)` with the four
/// arms in scope (`via_read`), for a field whose rules are one call of its rules function on
/// its value read alone. Its shape is what [`ShapeViaShape::field`] (else
/// [`ShapeViaSerde::field`], else [`ShapeViaNothing::field`]) says, and its rules run on the
/// value read as `T` when `T` is `DeserializeOwned` (see [`super::Field::with_rules`]); they
/// do not run in the second read otherwise (`ReadViaNothing`'s answer). Four arms by autoref,
/// in this order: [`RulesViaShape`] (a [`Shape`] read alone), [`RulesViaSerde`] (read alone),
/// [`RulesViaShapeOnly`] (a [`Shape`] that does not read alone), [`RulesViaNothing`].
#[doc(hidden)]
pub trait RulesViaShape<T> {
    /// The field named `names` with `flags` (see [`super::Field::new`]) and its rules.
    fn field_rules<'f, R: super::RulesOf<T> + 'f>(
        &self,
        names: &'static [&'static str],
        flags: u8,
        rules: &'f R,
    ) -> super::Field<'f>
    where
        T: 'f;
}

impl<T: Shape + DeserializeOwned> RulesViaShape<T> for &ShapeProbe<T> {
    #[inline]
    fn field_rules<'f, R: super::RulesOf<T> + 'f>(
        &self,
        names: &'static [&'static str],
        flags: u8,
        rules: &'f R,
    ) -> super::Field<'f>
    where
        T: 'f,
    {
        super::Field::new(names, flags, T::__shape, T::__missing_ok, T::__ONE_WALK)
            .with_rules(rules)
    }
}

/// The second arm of `field_rules` (see [`RulesViaShape`]): read through serde.
#[doc(hidden)]
pub trait RulesViaSerde<T> {
    /// The field named `names` with `flags` (see [`super::Field::new`]) and its rules.
    fn field_rules<'f, R: super::RulesOf<T> + 'f>(
        &self,
        names: &'static [&'static str],
        flags: u8,
        rules: &'f R,
    ) -> super::Field<'f>
    where
        T: 'f;
}

impl<T: DeserializeOwned> RulesViaSerde<T> for &&ShapeProbe<T> {
    #[inline]
    fn field_rules<'f, R: super::RulesOf<T> + 'f>(
        &self,
        names: &'static [&'static str],
        flags: u8,
        rules: &'f R,
    ) -> super::Field<'f>
    where
        T: 'f,
    {
        super::Field::new(
            names,
            flags,
            shape_via_serde::<T>,
            missing_via_serde::<T>,
            false,
        )
        .with_rules(rules)
    }
}

/// The third arm of `field_rules` (see [`RulesViaShape`]): a [`Shape`] that cannot be read
/// alone, so its rules do not run in the second read.
#[doc(hidden)]
pub trait RulesViaShapeOnly<T> {
    /// The field named `names` with `flags` (see [`super::Field::new`]), its rules not run.
    fn field_rules<'f, R: super::RulesOf<T> + 'f>(
        &self,
        names: &'static [&'static str],
        flags: u8,
        rules: &'f R,
    ) -> super::Field<'f>
    where
        T: 'f;
}

impl<T: Shape> RulesViaShapeOnly<T> for ShapeProbe<T> {
    #[inline]
    fn field_rules<'f, R: super::RulesOf<T> + 'f>(
        &self,
        names: &'static [&'static str],
        flags: u8,
        _: &'f R,
    ) -> super::Field<'f>
    where
        T: 'f,
    {
        super::Field::new(names, flags, T::__shape, T::__missing_ok, T::__ONE_WALK)
    }
}

/// The last arm of `field_rules` (see [`RulesViaShape`]): nothing known, everything accepted,
/// its rules not run in the second read. Takes the probe by value, the step of autoref after
/// [`RulesViaShapeOnly`]'s.
#[doc(hidden)]
pub trait RulesViaNothing<T> {
    /// The field named `names` with `flags` (see [`super::Field::new`]), its rules not run.
    fn field_rules<'f, R: super::RulesOf<T> + 'f>(
        self,
        names: &'static [&'static str],
        flags: u8,
        rules: &'f R,
    ) -> super::Field<'f>
    where
        T: 'f;
}

impl<T> RulesViaNothing<T> for ShapeProbe<T> {
    #[inline]
    fn field_rules<'f, R: super::RulesOf<T> + 'f>(
        self,
        names: &'static [&'static str],
        flags: u8,
        _: &'f R,
    ) -> super::Field<'f>
    where
        T: 'f,
    {
        super::Field::new(names, flags, accept, required, false)
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

/// A model's whole read, as a function pointer: reads `node` into the model through serde,
/// reporting what serde refuses; `true` when it reported nothing.
pub type WholeFn = fn(&Node, &Path<'_>, &mut Report<'_>) -> bool;

impl<T: DeserializeOwned + Shape> ReadProbe<T> {
    /// The whole read of a model without checks, decided at compile time: none when the
    /// model's walk is exact (it reports everything serde could refuse, see [`Shape::__EXACT`]),
    /// else its read through serde. A constant, so that the read not taken is not even
    /// mentioned in the model's code: rustc's monomorphization collector walks every item a
    /// function mentions, dead branches included, and a model's whole read pulls in another
    /// copy of its `Deserialize`. `ReadProbe::<T>::WHOLE` names this one when `T` is
    /// `DeserializeOwned`, else the one of [`WholeViaNothing`] (with that trait in scope); only
    /// for a concrete `T` (with a type parameter the bound is not known and the trait's is
    /// taken: the derive does not ask it of a generic model). Also what a field of a variant
    /// serde buffers is read alone with, when the walk looks for a refusal there (see
    /// [`super::FieldRead`]; the derive asks it of the field's type made owned).
    pub const WHOLE: Option<WholeFn> = if T::__EXACT_HOLDS {
        None
    } else {
        Some(whole::<T>)
    };
}

/// The arm of `ReadProbe::<T>::WHOLE` for a type that is not `DeserializeOwned`: it cannot be
/// read whole, so there is nothing to read.
#[doc(hidden)]
pub trait WholeViaNothing {
    /// Nothing to read.
    const WHOLE: Option<WholeFn> = None;
}

impl<T> WholeViaNothing for ReadProbe<T> {}

/// The whole read of `T` (see [`ReadProbe::WHOLE`]).
fn whole<T: DeserializeOwned>(node: &Node, path: &Path<'_>, report: &mut Report<'_>) -> bool {
    let shapes = report.shape_count();
    let _ = read_for_rules::<T>(node, path, report);
    report.shape_count() == shapes
}

/// The serde arm of [`ReadProbe`].
#[doc(hidden)]
pub trait ReadViaSerde<T> {
    /// Reads `node`; a failure goes into `report.shapes`.
    fn read_node(&self, node: &Node, path: &Path<'_>, report: &mut Report) -> Option<T>;
    /// What a missing field reads as.
    fn read_missing(&self) -> Option<T>;
    /// Reads `node` for the rules that run on it, reporting nothing when it does not read (see
    /// [`read_alone`]).
    fn read_alone(&self, node: &Node) -> Option<T>;
    /// [`read_node`](Self::read_node) as a function pointer (one per type, not per field).
    fn read_fn(&self) -> ReadFn<T>;
    /// [`read_missing`](Self::read_missing) as a function pointer.
    fn read_missing_fn(&self) -> fn() -> Option<T>;
    /// Both, for the table of the type's model (see [`super::Check::rules`]).
    fn reader(&self) -> super::Reader<T>;
    /// The common rules of a field of the type (see [`super::Check::rules`]) read by
    /// [`reader`](Self::reader).
    fn rules<K: super::Place>(
        &self,
        check: super::Check<'_, '_, '_, K>,
        rules: super::RulesFn<T, K>,
    ) {
        check.rules(self.reader(), rules);
    }
    /// A model's whole read for its checks (a table's `whole`): see
    /// [`Reader::checked`](super::Reader::checked).
    fn checked(
        &self,
        node: &Node,
        path: &Path<'_>,
        report: &mut Report,
        checks: fn(&T, &Path<'_>, &mut crate::error::ValidationErrors),
    ) -> bool {
        self.reader().checked(node, path, report, checks)
    }
    /// [`checked`](Self::checked) of a model with a context: see
    /// [`Reader::checked_with`](super::Reader::checked_with).
    fn checked_with<C: std::any::Any>(
        &self,
        node: &Node,
        path: &Path<'_>,
        report: &mut Report,
        checks: fn(&T, &C, &Path<'_>, &mut crate::error::ValidationErrors),
    ) -> bool {
        self.reader().checked_with(node, path, report, checks)
    }
    /// The read of one element of a collection of the type (see [`super::Check::each`]): read
    /// alone (see [`read_alone`]), nothing reported.
    fn items<I: DeserializeOwned>(&self) -> fn(&Node) -> Option<I> {
        read_alone::<I>
    }
    /// [`rules`](Self::rules) of a model with a context (see [`super::Check::rules_with`]).
    fn rules_with<C: std::any::Any, K: super::Place>(
        &self,
        check: super::Check<'_, '_, '_, K>,
        rules: super::ContextRulesFn<T, C, K>,
    ) {
        check.rules_with(self.reader(), rules);
    }
    /// The rules of a field of the type with `each(...)` rules (see [`super::Check::each`]).
    fn each<I: DeserializeOwned, K: super::Place>(
        &self,
        check: super::Check<'_, '_, '_, K>,
        rules: super::RulesFn<T, K>,
        layers: usize,
        each: impl Fn(&I, crate::at::At<'_, K>, usize),
    ) {
        check.each(self.reader(), rules, read_alone::<I>, layers, each);
    }
    /// [`each`](Self::each) of a model with a context (see [`super::Check::each_with`]).
    fn each_with<I: DeserializeOwned, C: std::any::Any, K: super::Place>(
        &self,
        check: super::Check<'_, '_, '_, K>,
        rules: super::ContextRulesFn<T, C, K>,
        layers: usize,
        each: impl Fn(&I, &C, crate::at::At<'_, K>, usize),
    ) {
        check.each_with(self.reader(), rules, read_alone::<I>, layers, each);
    }
}

impl<T: DeserializeOwned> ReadViaSerde<T> for ReadProbe<T> {
    #[inline]
    fn read_node(&self, node: &Node, path: &Path<'_>, report: &mut Report) -> Option<T> {
        read_for_rules::<T>(node, path, report)
    }
    #[inline]
    fn read_alone(&self, node: &Node) -> Option<T> {
        read_alone::<T>(node)
    }
    #[inline]
    fn read_missing(&self) -> Option<T> {
        read_missing::<T>()
    }
    #[inline]
    fn read_fn(&self) -> ReadFn<T> {
        read_for_rules::<T>
    }
    #[inline]
    fn read_missing_fn(&self) -> fn() -> Option<T> {
        read_missing::<T>
    }
    #[inline]
    fn reader(&self) -> super::Reader<T> {
        super::Reader {
            read: read_for_rules::<T>,
            missing: read_missing::<T>,
        }
    }
}

/// The last arm of [`ReadProbe`]: the type cannot be read on its own.
#[doc(hidden)]
pub trait ReadViaNothing<T> {
    /// `None`.
    fn read_node(&self, node: &Node, path: &Path<'_>, report: &mut Report) -> Option<T>;
    /// `None`.
    fn read_missing(&self) -> Option<T>;
    /// `None`.
    fn read_alone(&self, node: &Node) -> Option<T>;
    /// [`read_node`](Self::read_node) as a function pointer (one per type, not per field).
    fn read_fn(&self) -> ReadFn<T>;
    /// [`read_missing`](Self::read_missing) as a function pointer.
    fn read_missing_fn(&self) -> fn() -> Option<T>;
    /// Both, for the table of the type's model (see [`super::Check::rules`]).
    fn reader(&self) -> super::Reader<T>;
    /// The common rules of a field of the type (see [`super::Check::rules`]) read by
    /// [`reader`](Self::reader).
    fn rules<K: super::Place>(
        &self,
        check: super::Check<'_, '_, '_, K>,
        rules: super::RulesFn<T, K>,
    ) {
        check.rules(self.reader(), rules);
    }
    /// A model's whole read for its checks (a table's `whole`): see
    /// [`Reader::checked`](super::Reader::checked).
    fn checked(
        &self,
        node: &Node,
        path: &Path<'_>,
        report: &mut Report,
        checks: fn(&T, &Path<'_>, &mut crate::error::ValidationErrors),
    ) -> bool {
        self.reader().checked(node, path, report, checks)
    }
    /// [`checked`](Self::checked) of a model with a context: see
    /// [`Reader::checked_with`](super::Reader::checked_with).
    fn checked_with<C: std::any::Any>(
        &self,
        node: &Node,
        path: &Path<'_>,
        report: &mut Report,
        checks: fn(&T, &C, &Path<'_>, &mut crate::error::ValidationErrors),
    ) -> bool {
        self.reader().checked_with(node, path, report, checks)
    }
    /// No element reads.
    fn items<I>(&self) -> fn(&Node) -> Option<I> {
        alone_none::<I>
    }
    /// [`rules`](Self::rules) of a model with a context (see [`super::Check::rules_with`]).
    fn rules_with<C: std::any::Any, K: super::Place>(
        &self,
        check: super::Check<'_, '_, '_, K>,
        rules: super::ContextRulesFn<T, C, K>,
    ) {
        check.rules_with(self.reader(), rules);
    }
    /// The rules of a field of the type with `each(...)` rules (see [`super::Check::each`]).
    fn each<I, K: super::Place>(
        &self,
        check: super::Check<'_, '_, '_, K>,
        rules: super::RulesFn<T, K>,
        layers: usize,
        each: impl Fn(&I, crate::at::At<'_, K>, usize),
    ) {
        check.each(self.reader(), rules, self.items(), layers, each);
    }
    /// [`each`](Self::each) of a model with a context (see [`super::Check::each_with`]).
    fn each_with<I, C: std::any::Any, K: super::Place>(
        &self,
        check: super::Check<'_, '_, '_, K>,
        rules: super::ContextRulesFn<T, C, K>,
        layers: usize,
        each: impl Fn(&I, &C, crate::at::At<'_, K>, usize),
    ) {
        check.each_with(self.reader(), rules, self.items(), layers, each);
    }
}

impl<T> ReadViaNothing<T> for &ReadProbe<T> {
    #[inline]
    fn read_node(&self, _: &Node, _: &Path<'_>, _: &mut Report) -> Option<T> {
        None
    }
    #[inline]
    fn read_alone(&self, _: &Node) -> Option<T> {
        None
    }
    #[inline]
    fn read_missing(&self) -> Option<T> {
        None
    }
    #[inline]
    fn read_fn(&self) -> ReadFn<T> {
        read_none::<T>
    }
    #[inline]
    fn read_missing_fn(&self) -> fn() -> Option<T> {
        missing_none::<T>
    }
    #[inline]
    fn reader(&self) -> super::Reader<T> {
        super::Reader {
            read: read_none::<T>,
            missing: missing_none::<T>,
        }
    }
}

/// A field's value read alone (see [`ReadProbe`]): as a function pointer, one per type.
pub type ReadFn<T> = fn(&Node, &Path<'_>, &mut Report<'_>) -> Option<T>;

/// The serde arm of [`ShapeViaSerde::shape_fn`].
fn shape_via_serde<T: DeserializeOwned>(
    node: &Node,
    path: &Path<'_>,
    report: &mut Report<'_>,
    _: bool,
) -> bool {
    read::<T>(node, path, report).is_some()
}

/// The serde arm of [`ShapeViaSerde::missing_fn`].
fn members_via_serde<T: DeserializeOwned>(
    members: &[(String, Node)],
    claimed: &mut [bool],
    path: &Path<'_>,
    report: &mut Report<'_>,
    _: bool,
) -> bool {
    read::<T>(&super::unclaimed(members, claimed), path, report).is_some()
}

fn accept_members(
    _: &[(String, Node)],
    _: &mut [bool],
    _: &Path<'_>,
    _: &mut Report<'_>,
    _: bool,
) -> bool {
    true
}

fn missing_via_serde<T: DeserializeOwned>() -> bool {
    read_missing::<T>().is_some()
}

/// The last arm of [`ShapeViaNothing::shape_fn`]: accepts.
/// The serde arm of [`ShapeViaSerde::flat_field`]: the members no field claimed, read as a
/// `T` (none claimed).
fn flat_via_serde<T: DeserializeOwned>(
    super::Flat(members, claimed, path, report, _): super::Flat<'_, '_>,
) -> bool {
    let open: Vec<(String, Node)> = members
        .iter()
        .zip(claimed.iter())
        .filter(|(_, taken)| !**taken)
        .map(|(member, _)| member.clone())
        .collect();
    read::<T>(&Node::Object(open), path, report).is_some()
}

/// The last arm of [`ShapeViaNothing::flat_field`]: accepts.
fn accept_flat(_: super::Flat<'_, '_>) -> bool {
    true
}

pub(crate) fn accept(_: &Node, _: &Path<'_>, _: &mut Report<'_>, _: bool) -> bool {
    true
}

/// The last arm of [`ShapeViaNothing::missing_fn`]: required.
pub(crate) fn required() -> bool {
    false
}

/// The last arm of [`ReadViaNothing::read_fn`].
fn read_none<T>(_: &Node, _: &Path<'_>, _: &mut Report<'_>) -> Option<T> {
    None
}

/// The last arm of [`ReadViaNothing::items`].
fn alone_none<T>(_: &Node) -> Option<T> {
    None
}

/// The last arm of [`ReadViaNothing::read_missing_fn`].
fn missing_none<T>() -> Option<T> {
    None
}

/// The probe traits of a walk that reads its fields (and [`WholeViaNothing`], for the model's
/// own `ReadProbe::<Self>::WHOLE`), for one glob import in generated code (`use …::via_read::*;`:
/// underscore imports are glob-imported, nameless).
#[doc(hidden)]
pub mod via_read {
    pub use super::{
        ReadViaNothing as _, ReadViaSerde as _, RulesViaNothing as _, RulesViaSerde as _,
        RulesViaShape as _, RulesViaShapeOnly as _, ShapeViaNothing as _, ShapeViaSerde as _,
        ShapeViaShape as _, WholeViaNothing as _,
    };
    pub use crate::__private::EntrySaidViaPlain as _;
}

/// The probe traits of a walk that reads no field (a generic model's), as [`via_read`].
#[doc(hidden)]
pub mod via_shape {
    pub use super::{ShapeViaNothing as _, ShapeViaShape as _};
    pub use crate::__private::EntrySaidViaPlain as _;
}
