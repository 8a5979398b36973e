//! [`Patch<T>`]: a field of an update body, where a key that is left out, a key set to `null`
//! and a key set to a value mean three different things.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Path, ValidationErrors};
use crate::CustomerModel;

/// One field of a partial update (`PATCH`): left out, cleared, or set.
///
/// `Option<T>` cannot tell "keep the stored value" (the key is absent) from "clear it" (the key is
/// `null`); an update needs both. Read it with `#[serde(default)]` on the field (absent becomes
/// [`Patch::Absent`]) and write it with
/// `#[serde(skip_serializing_if = "Patch::is_absent")]` (an absent field writes no key):
///
/// ```
/// use customer_core::{CustomerModel, Patch};
///
/// #[derive(CustomerModel, serde::Deserialize, serde::Serialize)]
/// struct UpdateName {
///     #[serde(default, skip_serializing_if = "Patch::is_absent")]
///     #[customer(length(max = 1024))]      // checked only when a value is given
///     name: Patch<String>,
///     #[serde(default, skip_serializing_if = "Patch::is_absent")]
///     #[customer(email, required)]         // `required`: may be left out, never cleared
///     email: Patch<String>,
/// }
///
/// let update: UpdateName = serde_json::from_str(r#"{"name": null}"#)?;
/// assert_eq!(update.name, Patch::Null);
/// assert_eq!(update.email, Patch::Absent);
/// assert!(update.validate().is_ok());
/// assert_eq!(serde_json::to_string(&update)?, r#"{"name":null}"#);
///
/// let clear_email: UpdateName = serde_json::from_str(r#"{"email": null}"#)?;
/// assert_eq!(clear_email.validate().unwrap_err().to_string(), "/email: is required");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// In a derived model, the rules of a `Patch` field check a [`Patch::Value`] only; `required`
/// refuses [`Patch::Null`] (the field may be left out, but not cleared).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Patch<T> {
    /// The key is not in the document: keep what is stored.
    #[default]
    Absent,
    /// The key is `null`: clear the stored value.
    Null,
    /// The key holds a value: store it.
    Value(T),
}

impl<T> Patch<T> {
    /// `true` for [`Patch::Absent`]; for `#[serde(skip_serializing_if = "Patch::is_absent")]`.
    #[must_use]
    pub const fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }

    /// `true` for [`Patch::Null`].
    #[must_use]
    pub const fn is_null(&self) -> bool {
        matches!(self, Patch::Null)
    }

    /// The value, when one is given.
    #[must_use]
    pub const fn value(&self) -> Option<&T> {
        match self {
            Patch::Value(value) => Some(value),
            Patch::Absent | Patch::Null => None,
        }
    }

    /// A reference to the value, keeping the three states.
    #[must_use]
    pub const fn as_ref(&self) -> Patch<&T> {
        match self {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(value) => Patch::Value(value),
        }
    }

    /// Converts the value, keeping the three states.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(value) => Patch::Value(f(value)),
        }
    }

    /// Applies the update to a stored optional value: absent keeps it, null clears it, a value
    /// replaces it.
    pub fn apply_to(self, stored: &mut Option<T>) {
        match self {
            Patch::Absent => {}
            Patch::Null => *stored = None,
            Patch::Value(value) => *stored = Some(value),
        }
    }

    /// The field as it reads in a full document: `None` for absent or null.
    pub fn into_option(self) -> Option<T> {
        match self {
            Patch::Value(value) => Some(value),
            Patch::Absent | Patch::Null => None,
        }
    }
}

impl<T> From<Option<T>> for Patch<T> {
    /// `Some(v)` sets the value and `None` clears it (an `Option` has no "absent").
    fn from(value: Option<T>) -> Self {
        match value {
            Some(value) => Patch::Value(value),
            None => Patch::Null,
        }
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    /// A value writes itself, and absent and null both write `null`: skip absent fields with
    /// `#[serde(skip_serializing_if = "Patch::is_absent")]`.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Patch::Value(value) => value.serialize(serializer),
            Patch::Absent | Patch::Null => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    /// `null` reads as [`Patch::Null`] and anything else as [`Patch::Value`]; a missing key
    /// needs `#[serde(default)]` on the field to read as [`Patch::Absent`].
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Option::<T>::deserialize(deserializer)?.map_or(Patch::Null, Patch::Value))
    }
}

impl<T: CustomerModel> CustomerModel for Patch<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if let Patch::Value(value) = self {
            value.validate_into(path, report);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Patch;

    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    struct Body {
        #[serde(default, skip_serializing_if = "Patch::is_absent")]
        name: Patch<String>,
    }

    #[test]
    fn three_states_read_and_write_back() {
        for (json, expected) in [
            ("{}", Patch::Absent),
            (r#"{"name":null}"#, Patch::Null),
            (r#"{"name":"Jo"}"#, Patch::Value("Jo".to_owned())),
        ] {
            let body: Body = serde_json::from_str(json).unwrap();
            assert_eq!(body.name, expected, "{json}");
            assert_eq!(serde_json::to_string(&body).unwrap(), json);
        }
    }

    #[test]
    fn apply_keeps_clears_and_sets() {
        let mut stored = Some(1);
        Patch::Absent.apply_to(&mut stored);
        assert_eq!(stored, Some(1));
        Patch::Value(2).apply_to(&mut stored);
        assert_eq!(stored, Some(2));
        Patch::Null.apply_to(&mut stored);
        assert_eq!(stored, None);
    }

    #[test]
    fn accessors_and_conversions() {
        assert_eq!(Patch::Value(3).value(), Some(&3));
        assert_eq!(Patch::<i32>::Null.value(), None);
        assert_eq!(Patch::from(Some(4)), Patch::Value(4));
        assert_eq!(Patch::<i32>::from(None), Patch::Null);
        assert_eq!(Patch::Value(2).map(|v| v * 10), Patch::Value(20));
        assert!(Patch::<i32>::Absent.map(|v| v * 10).is_absent());
        assert_eq!(Patch::Value(5).into_option(), Some(5));
        assert!(Patch::<u8>::Null.is_null());
    }
}
