//! Mollie customers (seeds 000 and 001): the create response, the get response and the
//! create-customer request body.
//!
//! Wire keys are camelCase (`createdAt`, `_links`); Mollie's SDK documentation shows its own
//! snake_case names. An ID is `cst_` and 1 to 28 ASCII letters or digits (32 characters in all).
//! A locale is not BCP 47 but one of Mollie's `ll_CC` values: requests take the 31 of [`Locale`]
//! (the list of Mollie's current OpenAPI document); responses take those and keep any other value
//! of the same `ll_CC` shape ([`LocaleResponse::Other`], for locales Mollie adds later), and refuse
//! other shapes (`en-US`). Metadata is a string, a number, an object or an array of at most 1024
//! bytes of compact JSON, or `null`.
//!
//! Leniencies, because real responses vary: every member of `_links` is optional and may be
//! `null` (the Python SDK's responses and every list item lack `dashboard`, 2018-era responses
//! lack `self`, Mollie's own list example lacks `documentation`); the links are kept in
//! [`Customer::links`].
//!
//! In the [`GetCustomerResponse`] every key is optional and may be `null`; an absent key
//! (`None`) differs from `null` (`Some(None)`). To the canonical [`Customer`] both are `None`.

mod error;
mod list;
mod locale;
mod update;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use error::ErrorResponse;
pub use list::{CustomerList, EmbeddedCustomers, ListLinks};
pub use locale::{Locale, LocaleResponse};
pub use update::UpdateCustomerRequest;

pub(super) use error::decode_error;
pub(super) use list::decode_list;
pub(super) use update::{decode_update, encode_update};

use super::{non_null, Api, Document, Report};
use crate::{Customer, CustomerModel, Error, Mode, RuleError};
use locale::{locale_error, request_locale, response_locale};

// The helpers of `providers` that the modules above name as `super::…`, as they did when they
// were part of this file.
use super::{field_pointer, nullable, rejected, same_pointer};

/// Mollie's create-customer response (seed 000): the new customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
#[serde(rename_all = "camelCase")]
pub struct CreateCustomerResponse {
    /// Always `customer`.
    #[customer(one_of("customer"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// The customer's ID, e.g. `cst_vsKJpSsabw`.
    #[customer(id(prefix = "cst_", chars = "A-Za-z0-9", min_len = 1, max_len = 28))]
    pub id: String,
    /// Live or test mode.
    pub mode: Mode,
    /// The full name (required, may be `null`).
    #[serde(deserialize_with = "super::nullable::required")]
    pub name: Option<String>,
    /// The email address (required, may be `null`).
    #[customer(email)]
    #[serde(deserialize_with = "super::nullable::required")]
    pub email: Option<String>,
    /// The language of the hosted payment pages (required, may be `null`).
    #[customer(custom = response_locale)]
    #[serde(deserialize_with = "super::nullable::required")]
    pub locale: Option<LocaleResponse>,
    /// The merchant's data: a string, an object or an array (required, may be `null`).
    #[customer(metadata(max_bytes = 1024), custom = metadata_shape)]
    #[serde(deserialize_with = "super::nullable::required")]
    pub metadata: Option<Value>,
    /// When the customer was created (RFC 3339, `Z` or `+00:00`).
    #[customer(timestamp)]
    pub created_at: String,
    /// Links to the customer's resources (required, but real responses omit members).
    #[customer(nested)]
    #[serde(rename = "_links")]
    pub links: Links,
}

/// Mollie's get-customer response (seed 001). Every key is optional and may be `null`: `None`
/// is an absent key, `Some(None)` a `null`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[serde(rename_all = "camelCase")]
pub struct GetCustomerResponse {
    /// Always `customer`.
    #[customer(one_of("customer"))]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub resource: Option<Option<String>>,
    /// The customer's ID.
    #[customer(id(prefix = "cst_", chars = "A-Za-z0-9", min_len = 1, max_len = 28))]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub id: Option<Option<String>>,
    /// Live or test mode.
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub mode: Option<Option<Mode>>,
    /// The full name.
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<Option<String>>,
    /// The email address.
    #[customer(email)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub email: Option<Option<String>>,
    /// The language of the hosted payment pages.
    #[customer(custom = response_locale)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub locale: Option<Option<LocaleResponse>>,
    /// The merchant's data: a string, an object or an array.
    #[customer(metadata(max_bytes = 1024), custom = metadata_shape)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub metadata: Option<Option<Value>>,
    /// When the customer was created (RFC 3339).
    #[customer(timestamp)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub created_at: Option<Option<String>>,
    /// Links to the customer's resources.
    #[customer(nested)]
    #[serde(
        rename = "_links",
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub links: Option<Option<Links>>,
    /// What happened to the customer.
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub events: Option<Option<Vec<EntityEvent>>>,
}

/// Mollie's create-customer request body. Every key is optional; the locale must be one of the
/// values of [`Locale`].
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[customer(into = Customer)]
pub struct CreateCustomerRequest {
    /// The full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The email address.
    #[customer(email)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The language of the hosted payment pages.
    #[customer(with = request_locale)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<Locale>,
    /// The merchant's data: a string, a number, an object or an array of at most 1024 bytes.
    #[customer(metadata(max_bytes = 1024), custom = metadata_shape, with = super::non_null)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Value>,
}

/// A link of `_links`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct Link {
    /// The URL.
    #[customer(url)]
    pub href: String,
    /// The content type behind the URL, e.g. `application/hal+json`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// The `_links` of a customer. Mollie documents `self`, `dashboard` and `documentation` as always
/// there, but real responses lack each of them at times (list items have no `dashboard`), so every
/// member is optional and may be `null`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct Links {
    /// The customer in the API.
    #[customer(nested)]
    #[serde(
        rename = "self",
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub self_link: Option<Option<Link>>,
    /// The customer in Mollie's dashboard.
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub dashboard: Option<Option<Link>>,
    /// The customer's payments.
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub payments: Option<Option<Link>>,
    /// The customer's mandates.
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub mandates: Option<Option<Link>>,
    /// The customer's subscriptions.
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub subscriptions: Option<Option<Link>>,
    /// The documentation of the endpoint.
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub documentation: Option<Option<Link>>,
}

impl Links {
    /// The links by relation (`self`, `dashboard`, ...) → URL, for [`Customer::links`].
    #[must_use]
    pub fn to_map(&self) -> std::collections::BTreeMap<String, String> {
        [
            ("self", &self.self_link),
            ("dashboard", &self.dashboard),
            ("payments", &self.payments),
            ("mandates", &self.mandates),
            ("subscriptions", &self.subscriptions),
            ("documentation", &self.documentation),
        ]
        .into_iter()
        .filter_map(|(rel, link)| {
            let link = link.as_ref()?.as_ref()?;
            Some((rel.to_owned(), link.href.clone()))
        })
        .collect()
    }
}

/// An event of a customer's history (`events` of the get response).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[serde(rename_all = "camelCase")]
pub struct EntityEvent {
    /// Always `event`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<String>,
    /// The kind of event (a number in Mollie's API).
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Value>,
    /// When it happened (RFC 3339).
    #[customer(timestamp)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// What happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// Links of the event.
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Value>,
}

/// Mollie metadata is a string, a number, an object or an array (or `null`), never a boolean.
/// Mollie's current OpenAPI document allows a number.
fn metadata_shape(value: &Value) -> Result<(), RuleError> {
    match value {
        Value::String(_) | Value::Number(_) | Value::Object(_) | Value::Array(_) | Value::Null => {
            Ok(())
        }
        Value::Bool(_) => Err(RuleError::new(
            crate::codes::INVALID_TYPE,
            "must be a string, a number, an object or an array",
        )),
    }
}
impl From<CreateCustomerResponse> for Customer {
    fn from(response: CreateCustomerResponse) -> Self {
        Customer {
            id: Some(response.id),
            name: response.name,
            email: response.email,
            locale: response.locale.as_ref().map(LocaleResponse::to_bcp47),
            metadata: non_null(response.metadata),
            created_at: Some(response.created_at),
            mode: Some(response.mode),
            links: response.links.to_map(),
            ..Customer::default()
        }
    }
}

impl From<GetCustomerResponse> for Customer {
    fn from(response: GetCustomerResponse) -> Self {
        Customer {
            id: response.id.flatten(),
            name: response.name.flatten(),
            email: response.email.flatten(),
            locale: response
                .locale
                .flatten()
                .as_ref()
                .map(LocaleResponse::to_bcp47),
            metadata: non_null(response.metadata.flatten()),
            created_at: response.created_at.flatten(),
            mode: response.mode.flatten(),
            links: response
                .links
                .flatten()
                .map(|links| links.to_map())
                .unwrap_or_default(),
            ..Customer::default()
        }
    }
}

/// Keys only responses carry: without any of them a document is read as a create request.
const RESPONSE_KEYS: [&str; 6] = ["resource", "id", "mode", "createdAt", "_links", "events"];

/// Keys the create response requires: with all of them (and no `events`) a response is read as
/// a create response, otherwise as the more lenient get response.
const CREATE_RESPONSE_KEYS: [&str; 8] = [
    "id",
    "mode",
    "name",
    "email",
    "locale",
    "metadata",
    "createdAt",
    "_links",
];

/// Reads the document in the shape its keys tell; `O` is [`Customer`] for `decode`, or the
/// `Checked` verdict of `Api::check`, which builds nothing from the model.
pub(super) fn decode<O>(document: &Document<'_>) -> Result<O, Error>
where
    O: From<CreateCustomerRequest> + From<CreateCustomerResponse> + From<GetCustomerResponse>,
{
    if !document.has_any(&RESPONSE_KEYS) {
        return Ok(document.parse::<CreateCustomerRequest>()?.into());
    }
    if !document.has("events") && CREATE_RESPONSE_KEYS.iter().all(|key| document.has(key)) {
        Ok(document.parse::<CreateCustomerResponse>()?.into())
    } else {
        Ok(document.parse::<GetCustomerResponse>()?.into())
    }
}

pub(super) fn encode(customer: &Customer, report: &mut Report) -> Option<CreateCustomerRequest> {
    let locale = match &customer.locale {
        None => None,
        Some(tag) => {
            let locale = Locale::from_bcp47(tag);
            if locale.is_none() {
                report.cannot_hold_with("/locale", locale_error());
            }
            locale
        }
    };
    report.no_place("/phone", customer.phone.is_some());
    report.no_place("/country", customer.country.is_some());
    report.no_place("/billing_addresses", !customer.billing_addresses.is_empty());
    report.no_place(
        "/shipping_addresses",
        !customer.shipping_addresses.is_empty(),
    );
    report.no_place("/external_id", customer.external_id.is_some());
    let request = CreateCustomerRequest {
        name: customer.name.clone(),
        email: customer.email.clone(),
        locale,
        metadata: non_null(customer.metadata.clone()),
    };
    report.rules(crate::model::validate_all(&request), super::same_pointer);
    Some(request)
}

/// Mollie's line in the table of providers.
pub(crate) struct Mollie;

impl super::Provider for Mollie {
    const NAME: &'static str = "mollie";
    const TITLE: &'static str = "Mollie";
    const LIST_ITEMS: &'static str = "/_embedded/customers";

    fn decode(document: &Document<'_>) -> Result<Customer, Error> {
        decode::<Customer>(document)
    }

    fn check(document: &Document<'_>) -> Result<(), Error> {
        decode::<super::check::Checked>(document).map(|_| ())
    }

    fn encode(customer: &Customer, report: &mut Report) -> Option<String> {
        encode(customer, report).and_then(super::to_json)
    }

    fn decode_update(document: &Document<'_>) -> Result<crate::CustomerPatch, Error> {
        decode_update(document)
    }

    fn encode_update(
        patch: &crate::CustomerPatch,
        report: &mut Report,
    ) -> Result<Option<String>, Error> {
        Ok(encode_update(patch, report).and_then(super::to_json))
    }

    fn decode_list(document: &Document<'_>) -> Result<crate::Page, Error> {
        decode_list(document)
    }

    fn decode_error(document: &Document<'_>) -> Result<crate::ValidationErrors, Error> {
        decode_error(document)
    }

    #[cfg(feature = "schemars")]
    fn shapes(g: &mut schemars::SchemaGenerator) -> Vec<schemars::Schema> {
        // Guarded as `decode` chooses: a response has one of RESPONSE_KEYS, a request none.
        use super::guarded;
        vec![
            guarded::<CreateCustomerResponse>(g, &[], &RESPONSE_KEYS),
            guarded::<GetCustomerResponse>(g, &[], &RESPONSE_KEYS),
            guarded::<CreateCustomerRequest>(g, &RESPONSE_KEYS, &[]),
        ]
    }

    #[cfg(feature = "schemars")]
    fn update_shape(g: &mut schemars::SchemaGenerator) -> Option<schemars::Schema> {
        Some(super::guarded_update::<UpdateCustomerRequest>(g))
    }
}
