//! The `CreateCustomer` body of seed 004 ("legit").
//!
//! Every key is optional: `name`, `email`, `custom_identifier` (the wire key; the seed's SDK
//! documentation calls it `customIdentifier`, which is read too) and `metadata`, a string that
//! holds a JSON array of `{key, value}` entries, e.g. `[{"key":"plan","value":"pro"}]`. A value
//! is a string, a number or a boolean; keys may repeat.
//!
//! In the canonical [`Customer`] the metadata is the parsed array itself, so
//! that repeated keys survive.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{metadata_entries, Document, Report};
use crate::{Customer, CustomerModel, Error, RuleError};

/// The `CreateCustomer` request body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
#[customer(into = Customer)]
pub struct CreateCustomer {
    /// The customer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The customer's email address.
    #[customer(email)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The merchant's own identifier of the customer, e.g. `org-user-123`.
    #[customer(maps_to = "external_id")]
    #[serde(
        default,
        alias = "customIdentifier",
        skip_serializing_if = "Option::is_none"
    )]
    pub custom_identifier: Option<String>,
    /// A string holding a JSON array of `{key, value}` entries.
    #[customer(metadata(json_string), custom = key_value_list, with = super::json_text)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
}

/// One `{key, value}` entry of the metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MetadataEntry {
    /// The key.
    pub key: String,
    /// The value: a string, a number or a boolean.
    pub value: Value,
}

/// The metadata string must hold a JSON array of `{key, value}` objects (a string key, a
/// string, number or boolean value). A string that is not JSON is left to
/// `metadata(json_string)`.
fn key_value_list(text: &str) -> Result<(), RuleError> {
    let Ok(value) = crate::json::from_text::<Value>(text) else {
        return Ok(());
    };
    let ok = match &value {
        Value::Array(items) => items.iter().all(|item| super::entry(item).is_some()),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(RuleError::new(
            crate::codes::JSON_STRING,
            "must hold a JSON array of {key, value} objects with a string key and a string, number or boolean value",
        ))
    }
}

/// Reads the document in the shape its keys tell; `O` is [`Customer`] for `decode`, or the
/// `Checked` verdict of `Api::check`, which builds nothing from the model.
pub(super) fn decode<O: From<CreateCustomer>>(document: &Document<'_>) -> Result<O, Error> {
    Ok(document.parse::<CreateCustomer>()?.into())
}

pub(super) fn encode(customer: &Customer, report: &mut Report) -> Option<CreateCustomer> {
    report.no_place("/locale", customer.locale.is_some());
    report.no_place("/phone", customer.phone.is_some());
    report.no_place("/country", customer.country.is_some());
    report.no_place("/billing_addresses", !customer.billing_addresses.is_empty());
    report.no_place(
        "/shipping_addresses",
        !customer.shipping_addresses.is_empty(),
    );
    let metadata = match customer.metadata.as_ref().filter(|v| !v.is_null()) {
        None => None,
        Some(value) => match metadata_entries(value) {
            Ok(entries) => serde_json::to_string(&entries).ok(),
            Err((pointer, message)) => {
                report.cannot_hold(&format!("/metadata{pointer}"), message);
                None
            }
        },
    };
    let body = CreateCustomer {
        name: customer.name.clone(),
        email: customer.email.clone(),
        custom_identifier: customer.external_id.clone(),
        metadata,
    };
    report.rules(crate::model::validate_all(&body), to_customer_pointer);
    Some(body)
}

/// A pointer into the body → the pointer of the same value in the customer's JSON.
fn to_customer_pointer(pointer: &str) -> String {
    match pointer.strip_prefix("/custom_identifier") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => format!("/external_id{rest}"),
        _ => pointer.to_owned(),
    }
}

/// Legit's line in the table of providers.
pub(crate) struct Legit;

impl super::Provider for Legit {
    const NAME: &'static str = "legit";
    const TITLE: &'static str = "Legit";

    fn decode(document: &Document<'_>) -> Result<Customer, Error> {
        decode::<Customer>(document)
    }

    fn check(document: &Document<'_>) -> Result<(), Error> {
        decode::<super::check::Checked>(document).map(|_| ())
    }

    fn encode(customer: &Customer, report: &mut Report) -> Option<String> {
        encode(customer, report).and_then(super::to_json)
    }

    #[cfg(feature = "schemars")]
    fn shapes(g: &mut schemars::SchemaGenerator) -> Vec<schemars::Schema> {
        vec![super::guarded::<CreateCustomer>(g, &[], &[])]
    }
}
