//! What the derive can know about a type at compile time, for the assertions it emits on an
//! internally tagged enum's newtype variants (and the `#[serde(flatten)]` fields of its struct
//! variants): the JSON kind a type reads from ([`JsonKind`]) and the member names it reads at its
//! own level ([`Keys`]). serde takes the tag out of the object before the variant's value reads
//! the rest, so a value that reads a member named like the tag, or that does not read from an
//! object at all, can never be read: the derive makes both compile errors.
//!
//! [`Facts`] reaches a field type's facts whether or not it implements [`Shape`]: its inherent
//! constants (which need `Shape`) win over those of [`FactsUnknown`] (which every type has).

use std::marker::PhantomData;

use super::Shape;

/// The JSON kind a type reads from, as far as known at compile time.
#[doc(hidden)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonKind {
    /// Not known (a hand-written `Shape`, a type read through another).
    Unknown,
    /// A JSON object (a struct with named fields, a map, an enum whose variants carry data).
    Object,
    /// Known not to read from a JSON object (text, numbers, `bool`, sequences, a field-less
    /// enum, a parsed newtype).
    NotObject,
}

/// The member names a type reads at its own level: wire names and aliases, and those of the
/// types flattened into it. Empty when not known.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub struct Keys {
    /// The names it reads itself.
    pub own: &'static [&'static str],
    /// The names of the types whose members it reads at its level (`#[serde(flatten)]` fields,
    /// an internally tagged enum's newtype variants).
    pub flattened: &'static [&'static Keys],
    /// Whether the type is a struct with named fields (what [`Shape::__NAMED`] says unless
    /// said otherwise).
    pub named: bool,
}

impl Keys {
    /// Nothing known.
    pub const NONE: Keys = Keys {
        own: &[],
        flattened: &[],
        named: false,
    };

    /// The names a type reads itself, none flattened into it.
    #[must_use]
    pub const fn own(own: &'static [&'static str]) -> Keys {
        Keys {
            own,
            flattened: &[],
            named: false,
        }
    }

    /// The names a struct with named fields reads, none flattened into it: the struct says
    /// [`Shape::__NAMED`] by them.
    #[must_use]
    pub const fn named(own: &'static [&'static str]) -> Keys {
        Keys {
            own,
            flattened: &[],
            named: true,
        }
    }

    /// `true` when `key` is among these names (flattened ones included).
    #[must_use]
    pub const fn reads(&self, key: &str) -> bool {
        let mut i = 0;
        while i < self.own.len() {
            if same(self.own[i], key) {
                return true;
            }
            i += 1;
        }
        let mut i = 0;
        while i < self.flattened.len() {
            if self.flattened[i].reads(key) {
                return true;
            }
            i += 1;
        }
        false
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// A type's [`JsonKind`] and [`Keys`] whether or not it implements [`Shape`]:
/// `Facts::<T>::KIND` with [`FactsUnknown`] in scope.
#[doc(hidden)]
pub struct Facts<T: ?Sized>(PhantomData<fn() -> Box<T>>);

impl<T: Shape + ?Sized> Facts<T> {
    /// See [`Shape::__KIND`].
    pub const KIND: JsonKind = T::__KIND;
    /// See [`Shape::__KEYS`].
    pub const KEYS: Keys = T::__KEYS;
}

/// The facts of a type without [`Shape`]: nothing known.
#[doc(hidden)]
pub trait FactsUnknown {
    /// Not known.
    const KIND: JsonKind = JsonKind::Unknown;
    /// Not known.
    const KEYS: Keys = Keys::NONE;
}

impl<T: ?Sized> FactsUnknown for Facts<T> {}
