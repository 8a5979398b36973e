//! [`Valid<T>`]: a value that has passed its rules.

use crate::error::{Error, ValidationErrors};
use crate::json::{cap, Shape};
use crate::model::{CustomerModel, CustomerModelWith, ModelContext};

/// What [`Valid<T>`] needs of `T` to read it from JSON: `serde::Deserialize` and the rules
/// (`#[derive(serde::Deserialize, CustomerModel)]`). Implemented for every such type.
#[diagnostic::on_unimplemented(
    message = "`Valid<{Self}>` cannot read `{Self}` from JSON",
    label = "`{Self}` needs `serde::Deserialize` and `CustomerModel`",
    note = "add `#[derive(serde::Deserialize, CustomerModel)]` to `{Self}`",
    note = "in generic code, bound the type parameter with `customer_core::FromJson` (it adds `customer_core::json::Shape` to `DeserializeOwned`)"
)]
pub trait FromJson: serde::de::DeserializeOwned + ModelContext + Shape {}

impl<T: serde::de::DeserializeOwned + ModelContext + Shape> FromJson for T {}

/// What [`Valid::from_json`] and [`Valid::from_slice`] need of `T`: [`FromJson`], and rules that
/// need no context. A model with `#[customer(context(C))]` is read with
/// [`Valid::from_json_with`] instead, which the compile error says.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read by `Valid::from_json` / `Valid::from_slice`",
    label = "needs `serde::Deserialize` and `CustomerModel`, with no validation context",
    note = "a model with `#[customer(context(C))]` is read with `Valid::from_json_with(json, &ctx)` (or `from_slice_with`): its rules cannot run without their context",
    note = "any other type: add `#[derive(serde::Deserialize, CustomerModel)]` to `{Self}`",
    note = "in generic code, bound the type parameter with `customer_core::FromJsonPlain` (it adds `customer_core::json::Shape` to `DeserializeOwned + CustomerModel`)"
)]
pub trait FromJsonPlain: FromJson + CustomerModel {}

impl<T: FromJson + CustomerModel> FromJsonPlain for T {}

/// A `T` that has been validated. It can only be built by validating, so a function that takes
/// `Valid<T>` never sees a value that breaks `T`'s rules.
///
/// It derefs to `T`; its `Deserialize` validates, and [`Valid::from_json`] reads and validates
/// a JSON document, reporting each violation at its JSON Pointer. A model whose rules read a
/// context (`#[customer(context(C))]`) is validated by [`Valid::new_with`] and
/// [`Valid::from_json_with`], which take the context.
///
/// With the `axum` feature (off by default: `customer-core = { features = ["axum"] }`),
/// `Valid<T>` is also an axum extractor of JSON request bodies; see `customer_core::axum`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Valid<T>(T);

impl<T: CustomerModel> Valid<T> {
    /// Validates `value`, keeping it when every rule holds.
    pub fn new(value: T) -> Result<Self, ValidationErrors> {
        value.validate()?;
        Ok(Valid(value))
    }
}

impl<T> Valid<T> {
    /// Reads `json` into `T` and validates it. A syntax error is one violation naming the line
    /// and column; otherwise every violation comes back at once (each wrong type, missing or
    /// unknown field and every rule violation of the fields that read), each with the JSON
    /// Pointer of the offending value, in document order. None contains the value. The report
    /// holds at most [`MaxViolations`](crate::json::MaxViolations) violations (100 by default).
    pub fn from_json(json: &str) -> Result<Self, Error>
    where
        T: FromJsonPlain,
    {
        // `?`, not a `match`: the model is then not copied once more (callgrind).
        let value: T = crate::json::read_owned_str_with(json, true, None).map_err(cap)?;
        let checked = {
            let _reading = crate::json::reading_rules();
            value.validate()
        };
        match checked {
            Ok(()) => Ok(Valid(value)),
            Err(errors) => Err(refused::<T>(json.as_bytes(), errors, None)),
        }
    }

    /// As [`Valid::from_json`], from bytes (which must be UTF-8).
    pub fn from_slice(json: &[u8]) -> Result<Self, Error>
    where
        T: FromJsonPlain,
    {
        // `?`, not a `match`: the model is then not copied once more (callgrind).
        let value: T = crate::json::read_slice(json, true).map_err(cap)?;
        let checked = {
            let _reading = crate::json::reading_rules();
            value.validate()
        };
        match checked {
            Ok(()) => Ok(Valid(value)),
            Err(errors) => Err(refused::<T>(json, errors, None)),
        }
    }

    /// Validates `value` with the context its rules read (`#[customer(context(C))]`), keeping it
    /// when every rule holds.
    pub fn new_with<C: ?Sized>(value: T, ctx: &C) -> Result<Self, ValidationErrors>
    where
        T: CustomerModelWith<C>,
    {
        value.validate_with(ctx)?;
        Ok(Valid(value))
    }

    /// As [`Valid::from_json`], for a model whose rules read a context:
    /// `Valid::<SignupForm>::from_json_with(json, &limits)`. A document that does not read is
    /// reported with every shape error and the rule violations of the parts that read, those
    /// rules run with `ctx` (a context type that is `'static` and sized; with any other, the
    /// rules that read it wait until the document reads).
    pub fn from_json_with<C: ?Sized>(json: &str, ctx: &C) -> Result<Self, Error>
    where
        T: CustomerModelWith<C> + serde::de::DeserializeOwned + Shape,
    {
        // `?`, not a `match`: the model is then not copied once more (callgrind).
        let value: T =
            crate::json::read_owned_str_with(json, true, T::__context_any(ctx)).map_err(cap)?;
        let checked = {
            let _reading = crate::json::reading_rules();
            value.validate_with(ctx)
        };
        match checked {
            Ok(()) => Ok(Valid(value)),
            Err(errors) => Err(refused::<T>(json.as_bytes(), errors, T::__context_any(ctx))),
        }
    }

    /// As [`Valid::from_json_with`], from bytes (which must be UTF-8).
    pub fn from_slice_with<C: ?Sized>(json: &[u8], ctx: &C) -> Result<Self, Error>
    where
        T: CustomerModelWith<C> + serde::de::DeserializeOwned + Shape,
    {
        // `?`, not a `match`: the model is then not copied once more (callgrind).
        let value: T =
            crate::json::read_slice_with(json, true, T::__context_any(ctx)).map_err(cap)?;
        let checked = {
            let _reading = crate::json::reading_rules();
            value.validate_with(ctx)
        };
        match checked {
            Ok(()) => Ok(Valid(value)),
            Err(errors) => Err(refused::<T>(json, errors, T::__context_any(ctx))),
        }
    }

    /// Wraps a value the caller has just validated.
    #[cfg(feature = "axum")]
    pub(crate) fn trusted(value: T) -> Self {
        Valid(value)
    }

    /// The validated value.
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Valid<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> AsRef<T> for Valid<T> {
    fn as_ref(&self) -> &T {
        &self.0
    }
}

impl<T: serde::Serialize> serde::Serialize for Valid<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de, T: CustomerModel + serde::Deserialize<'de>> serde::Deserialize<'de> for Valid<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = T::deserialize(deserializer)?;
        match value.validate() {
            Ok(()) => Ok(Valid(value)),
            // A document read through serde: capped as every reading is (the valid path
            // untouched).
            Err(errors) => Err(serde::de::Error::custom(
                crate::json::MaxViolations::current().apply(errors),
            )),
        }
    }
}

/// The error of a document that read into `T` but broke its rules (`errors`): in document
/// order, capped. Only `T`'s walk is passed on (a function pointer): the work is compiled once.
#[inline]
fn refused<T: Shape>(
    json: &[u8],
    errors: ValidationErrors,
    context: Option<&dyn std::any::Any>,
) -> Error {
    crate::shape::rules_refused(json, errors, context, T::__shape)
}
