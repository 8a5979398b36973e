//! The Paddle-like customer every implementation validates.
//!
//! One struct carries all three derives, so the four implementations read the very same value
//! in memory: `#[customer(...)]` for our derive, `#[garde(...)]` for garde and `#[validate(...)]`
//! for validator. The hand-written code in [`crate::hand`] reads the same struct.
//!
//! garde and validator have no locale, country or JSON-size rule: their `custom` functions call
//! the hand-written helpers of [`crate::hand`] (the same code the hand-written baseline runs), so
//! what differs between them and the baseline is each library's own machinery and its built-in
//! rules (`pattern`/`regex`, `email`, `length`, `dive`/`nested`). That is the favourable choice
//! for them: a typical `custom` for the metadata size would be `serde_json::to_vec(v)?.len()`,
//! which allocates and is O(size) (the `naive to_vec` row of the metadata table measures it).

// `CustomerModel` is not imported: validator's derive calls `.validate()` on nested values, which
// would be ambiguous with `CustomerModel::validate` in scope.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
// validator's `nested` calls `.validate()` and expects its trait in scope.
use validator::Validate as _;

use crate::hand;

/// The id pattern of garde and validator: the regex crate's `\d` is Unicode, ours is ASCII, so
/// the class is spelled out to keep the same semantics.
pub const ID_REGEX: &str = r"^ctm_[a-z0-9]{26}$";

/// validator's `regex` rule takes a path to a compiled regex.
pub static ID_RE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(ID_REGEX).unwrap_or_else(|e| panic!("{e}")));

/// The postal code rule of every implementation: 1..=16 characters.
pub const POSTAL_MAX: usize = 16;

/// The metadata limit of every implementation, in bytes of compact JSON.
pub const METADATA_MAX_BYTES: usize = 1024;

/// A Paddle-like customer.
#[derive(
    customer_core::CustomerModel,
    garde::Validate,
    validator::Validate,
    Clone,
    Debug,
    Serialize,
    Deserialize,
)]
pub struct Customer {
    /// `ctm_` and 26 lowercase letters or digits.
    #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
    #[garde(pattern(r"^ctm_[a-z0-9]{26}$"))]
    #[validate(regex(path = *ID_RE))]
    pub id: String,
    /// The email address.
    #[customer(email)]
    #[garde(email)]
    #[validate(email)]
    pub email: String,
    /// The full name, at most 255 characters.
    #[customer(length(max = 255))]
    #[garde(length(chars, max = 255))]
    #[validate(length(max = 255))]
    pub name: Option<String>,
    /// A BCP 47 language tag.
    #[customer(locale)]
    #[garde(custom(garde_locale))]
    #[validate(custom(function = "validator_locale"))]
    pub locale: String,
    /// Free-form metadata, at most 1024 bytes of compact JSON.
    #[customer(metadata(max_bytes = 1024))]
    #[garde(custom(garde_metadata))]
    #[validate(custom(function = "validator_metadata"))]
    pub custom_data: Option<serde_json::Value>,
    /// The addresses.
    #[customer(nested)]
    #[garde(dive)]
    #[validate(nested)]
    pub addresses: Vec<Address>,
}

/// An address: a country and a postal code.
#[derive(
    customer_core::CustomerModel,
    garde::Validate,
    validator::Validate,
    Clone,
    Debug,
    Serialize,
    Deserialize,
)]
pub struct Address {
    /// An assigned ISO 3166-1 alpha-2 code in upper case.
    #[customer(country)]
    #[garde(custom(garde_country))]
    #[validate(custom(function = "validator_country"))]
    pub country_code: String,
    /// The postal code, 1..=16 characters.
    #[customer(length(min = 1, max = 16))]
    #[garde(length(chars, min = 1, max = 16))]
    #[validate(length(min = 1, max = 16))]
    pub postal_code: Option<String>,
}

fn garde_locale(value: &str, _: &()) -> garde::Result {
    if hand::is_locale(value) {
        Ok(())
    } else {
        Err(garde::Error::new(
            "must be a well-formed language tag (RFC 5646)",
        ))
    }
}

fn garde_country(value: &str, _: &()) -> garde::Result {
    if hand::is_country(value) {
        Ok(())
    } else {
        Err(garde::Error::new(
            "must be an assigned ISO 3166-1 alpha-2 country code in upper case",
        ))
    }
}

fn garde_metadata(value: &Option<serde_json::Value>, _: &()) -> garde::Result {
    match value {
        Some(value) if hand::metadata_len(value, METADATA_MAX_BYTES).is_err() => Err(
            garde::Error::new("must be at most 1024 bytes of compact JSON"),
        ),
        _ => Ok(()),
    }
}

fn validator_locale(value: &str) -> Result<(), validator::ValidationError> {
    if hand::is_locale(value) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("locale"))
    }
}

fn validator_country(value: &str) -> Result<(), validator::ValidationError> {
    if hand::is_country(value) {
        Ok(())
    } else {
        Err(validator::ValidationError::new("country"))
    }
}

fn validator_metadata(value: &serde_json::Value) -> Result<(), validator::ValidationError> {
    if hand::metadata_len(value, METADATA_MAX_BYTES).is_ok() {
        Ok(())
    } else {
        Err(validator::ValidationError::new("metadata_too_large"))
    }
}
