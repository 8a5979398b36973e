//! Stripe customers: the customer object, deleted customers, `customer.*` events, list pages,
//! error bodies, and the create (`POST /v1/customers`) and update (`POST /v1/customers/{id}`)
//! requests, form-encoded as Stripe takes them.
//!
//! Modelled on Stripe's API reference and its OpenAPI document (`openapi/spec3` of
//! `stripe/openapi`, the release of 2026-07-29, whose fixtures are in the corpus); older
//! customer objects (2017 onwards) read too.
//!
//! Rules, strict only where Stripe is:
//! - `id`: 1 to 255 characters. Stripe generates `cus_` and 14 letters and digits, but documents
//!   ids of up to 255 characters and may change prefixes, so neither is required.
//! - `metadata`: at most 50 keys, keys at most 40 characters, values at most 500 characters,
//!   string values (requests: `null`, an empty form value, unsets a key).
//! - requests: `name` at most 256 characters, `email` an address of at most 512, `phone` at most
//!   20, `invoice_prefix` 3 to 12 uppercase letters or digits, `preferred_locales` BCP 47 tags,
//!   `tax_exempt` `none`, `exempt` or `reverse`, address countries two uppercase letters, a
//!   shipping address with its `name` and `address`; a parameter Stripe does not know is
//!   refused, as Stripe does.
//! - responses: `object` is `customer` (`event`, `list`), `created` Unix seconds, `currency`
//!   three lowercase letters, `livemode` a boolean.
//!
//! Requests are `application/x-www-form-urlencoded` (`metadata[plan]=pro`,
//! `preferred_locales[0]=nl`): [`Api::encode`](super::Api::encode) writes that form, and
//! [`Api::decode`](super::Api::decode) reads it (and the same request as JSON), with the same
//! violations and pointers (`/metadata/plan`, `/preferred_locales/0`).
//!
//! Leniencies, because real documents vary: every member of the customer object but `id`,
//! `object`, `created` and `livemode` may be left out (Stripe's fixtures of 2017 to 2019 lack
//! `address`, `name`, `phone`, `preferred_locales`, `invoice_settings`; the current fixture's
//! `shipping` is `{}`), and members Stripe has since removed or added (`account_balance`,
//! `sources`, `tax_info`, `cash_balance`) are read and ignored.
//!
//! To the canonical [`Customer`](crate::Customer): `address` is the one billing address (and
//! its country the customer's), `shipping` the one shipping address (its `name` and `phone`
//! the address's), the first of `preferred_locales` the locale, `created` the RFC 3339
//! `created_at`, `livemode` the mode, a non-empty `metadata` the metadata. A phone is split
//! into calling code and number when it is written `+` and an assigned calling code (Stripe
//! keeps phones as free text); otherwise it is not carried over. What the customer has no place
//! for (`description`, `balance`, `currency`, `invoice_settings`, `tax_exempt`, the other
//! preferred locales, discounts, sources) is not carried over.

mod form;

use crate::rules::locale::canonical_case;
use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{metadata_object, Api, Document, Report};
use crate::error::{Param, RuleError, ValidationErrors, Violation};
use crate::{
    Address as CanonicalAddress, Customer as Canonical, CustomerModel, CustomerPatch, Error, Mode,
    Page, Patch, Phone,
};

/// The API version this module models: the date of the OpenAPI release it follows.
pub const API_VERSION: &str = "2026-07-29";

// ---------------------------------------------------------------------------------------------
// Responses.

/// Stripe's customer object.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
#[customer(check = customer_metadata)]
pub struct Customer {
    /// The customer's ID (`cus_…`), 1 to 255 characters.
    #[customer(length(min = 1, max = 255))]
    pub id: String,
    /// Always `customer`.
    #[customer(one_of("customer"))]
    pub object: String,
    /// The customer's address.
    #[customer(nested)]
    #[serde(default)]
    pub address: Option<Address>,
    /// The balance in the smallest currency unit, applied to the next invoice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<i64>,
    /// When the customer was created, in Unix seconds.
    #[customer(range(min = 0, max = MAX_UNIX_SECONDS))]
    pub created: i64,
    /// The three-letter ISO 4217 currency code, lowercase.
    #[customer(pattern = "^[a-z]{3}$")]
    #[serde(default)]
    pub currency: Option<String>,
    /// The default payment source: an ID, or the expanded object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_source: Option<Value>,
    /// Whether the customer's latest invoice is overdue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delinquent: Option<bool>,
    /// The merchant's description of the customer.
    #[serde(default)]
    pub description: Option<String>,
    /// The discount applied to the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<Value>,
    /// The email address.
    #[customer(email, length(max = 512))]
    #[serde(default)]
    pub email: Option<String>,
    /// The prefix of the customer's invoice numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_prefix: Option<String>,
    /// The customer's default invoice settings.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_settings: Option<InvoiceSettings>,
    /// Live (`true`) or test mode.
    pub livemode: bool,
    /// The merchant's key-value pairs.
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
    /// The full name or business name.
    #[serde(default)]
    pub name: Option<String>,
    /// The suffix of the customer's next invoice number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_invoice_sequence: Option<i64>,
    /// The phone number, as free text.
    #[serde(default)]
    pub phone: Option<String>,
    /// The preferred languages, most preferred first.
    #[customer(each(locale))]
    #[serde(default)]
    pub preferred_locales: Option<Vec<String>>,
    /// Mailing and shipping address.
    #[customer(nested)]
    #[serde(default)]
    pub shipping: Option<Shipping>,
    /// The customer's tax exemption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_exempt: Option<TaxExempt>,
    /// The test clock the customer belongs to: an ID, or the expanded object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_clock: Option<Value>,
}

/// 9999-12-31T23:59:59Z: the last second an RFC 3339 timestamp can say.
const MAX_UNIX_SECONDS: i64 = 253_402_300_799;

/// A postal address as Stripe keeps it (every member nullable).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct Address {
    /// City, district, suburb, town or village.
    #[customer(length(max = 5000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Two-letter country code (ISO 3166-1 alpha-2).
    #[customer(pattern = "^[A-Z]{2}$")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Address line 1 (street, PO box or company name).
    #[customer(length(max = 5000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// Address line 2 (apartment, suite, unit or building).
    #[customer(length(max = 5000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// ZIP or postal code.
    #[customer(length(max = 5000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// State, county, province or region.
    #[customer(length(max = 5000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
}

/// The customer's shipping details.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct Shipping {
    /// The shipping address.
    #[customer(nested)]
    #[serde(default)]
    pub address: Option<Address>,
    /// The recipient's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The recipient's phone number, as free text.
    #[serde(default)]
    pub phone: Option<String>,
    /// The delivery service (responses of shipments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    /// The tracking number (responses of shipments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
}

/// The customer's default invoice settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct InvoiceSettings {
    /// Custom fields shown on invoices (`[{name, value}]`).
    #[serde(default)]
    pub custom_fields: Option<Value>,
    /// The default payment method: an ID, or the expanded object.
    #[serde(default)]
    pub default_payment_method: Option<Value>,
    /// The default invoice footer.
    #[serde(default)]
    pub footer: Option<String>,
    /// The default rendering options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rendering_options: Option<Value>,
}

/// The customer's tax exemption.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, CustomerModel)]
#[serde(rename_all = "lowercase")]
pub enum TaxExempt {
    /// Not exempt.
    None,
    /// Exempt.
    Exempt,
    /// Reverse charge.
    Reverse,
}

/// What `DELETE /v1/customers/{id}` answers (and a deleted customer as other objects expand it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct DeletedCustomer {
    /// The deleted customer's ID, 1 to 255 characters.
    #[customer(length(min = 1, max = 255))]
    pub id: String,
    /// Always `customer`.
    #[customer(one_of("customer"))]
    pub object: String,
    /// Always `true`.
    #[customer(custom = is_true)]
    pub deleted: bool,
}

fn is_true(deleted: &bool) -> Result<(), RuleError> {
    if *deleted {
        Ok(())
    } else {
        Err(RuleError::new(crate::codes::ONE_OF, "must be true"))
    }
}

/// A `customer.created`, `customer.updated` or `customer.deleted` event: the customer at
/// `data.object`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct Event {
    /// The event's ID (`evt_…`), 1 to 255 characters.
    #[customer(length(min = 1, max = 255))]
    pub id: String,
    /// Always `event`.
    #[customer(one_of("event"))]
    pub object: String,
    /// The API version the event is rendered in (`null` for events of no version).
    #[serde(default)]
    pub api_version: Option<String>,
    /// When the event happened, in Unix seconds.
    #[customer(range(min = 0, max = MAX_UNIX_SECONDS))]
    pub created: i64,
    /// The customer, and for `customer.updated` its changed members' old values.
    #[customer(nested)]
    pub data: EventData,
    /// Live (`true`) or test mode.
    pub livemode: bool,
    /// How many webhooks have not been delivered yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending_webhooks: Option<i64>,
    /// The API request that caused the event (`{id, idempotency_key}`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request: Option<Value>,
    /// What happened.
    #[customer(one_of("customer.created", "customer.updated", "customer.deleted"))]
    #[serde(rename = "type")]
    pub kind: String,
}

/// The `data` of an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct EventData {
    /// The customer as it is after the event.
    #[customer(nested)]
    pub object: Customer,
    /// The old values of the members `customer.updated` changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_attributes: Option<Value>,
}

/// One page of `GET /v1/customers`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct CustomerList {
    /// Always `list`.
    #[customer(one_of("list"))]
    pub object: String,
    /// The customers.
    #[customer(nested)]
    pub data: Vec<Customer>,
    /// Whether there are more customers after this page.
    pub has_more: bool,
    /// The URL of the list (`/v1/customers`).
    pub url: String,
}

/// Stripe's error response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct ErrorResponse {
    /// The error.
    #[customer(nested)]
    pub error: ErrorBody,
}

/// The `error` of Stripe's error response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct ErrorBody {
    /// `api_error`, `card_error`, `idempotency_error` or `invalid_request_error`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short code, e.g. `parameter_invalid_empty`, `email_invalid`, `resource_missing`.
    #[serde(default)]
    pub code: Option<String>,
    /// The parameter the error is about, e.g. `email` or `shipping[address][line1]`.
    #[serde(default)]
    pub param: Option<String>,
    /// What went wrong, in Stripe's words. Not copied into a report: it may quote a value.
    #[serde(default)]
    pub message: Option<String>,
    /// The page of Stripe's documentation about the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Requests.

/// The create-customer request (`POST /v1/customers`), in its JSON form. Parameters other than
/// these are refused.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[customer(check = request_metadata)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomerRequest {
    /// The customer's address.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The starting balance, in the smallest currency unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<i64>,
    /// Cash balance settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash_balance: Option<Value>,
    /// A coupon's ID (deprecated by Stripe in favour of discounts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon: Option<String>,
    /// The merchant's description of the customer.
    #[customer(length(max = 5000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The email address, at most 512 characters.
    #[customer(email, length(max = 512))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Objects of the response to expand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expand: Option<Vec<String>>,
    /// The prefix of invoice numbers: 3 to 12 uppercase letters or digits.
    #[customer(pattern = "^[A-Z0-9]{3,12}$")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_prefix: Option<String>,
    /// Default invoice settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_settings: Option<Value>,
    /// The merchant's key-value pairs (`null` unsets a key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, Option<String>>>,
    /// The full name or business name, at most 256 characters.
    #[customer(length(max = 256))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The suffix of the first invoice number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_invoice_sequence: Option<i64>,
    /// A payment method's ID to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<String>,
    /// The phone number, at most 20 characters.
    #[customer(length(max = 20))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The preferred languages, most preferred first.
    #[customer(each(locale))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_locales: Option<Vec<String>>,
    /// A promotion code's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion_code: Option<String>,
    /// Shipping details: a name and an address.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping: Option<ShippingRequest>,
    /// A payment source (token or ID) to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Tax details (`ip_address`, `validate_location`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<Value>,
    /// The customer's tax exemption.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_exempt: Option<TaxExempt>,
    /// Tax IDs to create (`[{type, value}]`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_id_data: Option<Vec<Value>>,
    /// A test clock's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_clock: Option<String>,
    /// Whether Stripe validates the tax details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate: Option<bool>,
}

/// Shipping details in a request: `name` and `address` are required.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
#[serde(deny_unknown_fields)]
pub struct ShippingRequest {
    /// The shipping address.
    #[customer(nested)]
    pub address: Address,
    /// The recipient's name, at most 5000 characters.
    #[customer(length(min = 1, max = 5000))]
    pub name: String,
    /// The recipient's phone number, at most 5000 characters.
    #[customer(length(max = 5000))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
}

/// The update-customer request (`POST /v1/customers/{id}`), in its JSON form: a parameter left
/// out keeps its value, `null` (an empty form value) unsets it. Parameters other than these are
/// refused.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[customer(check = update_metadata)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomerRequest {
    /// The customer's address.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub address: Patch<Address>,
    /// The balance, in the smallest currency unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balance: Option<i64>,
    /// Cash balance settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash_balance: Option<Value>,
    /// A coupon's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coupon: Option<String>,
    /// The default payment source's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_source: Option<String>,
    /// The merchant's description of the customer.
    #[customer(length(max = 5000))]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub description: Patch<String>,
    /// The email address, at most 512 characters.
    #[customer(email, length(max = 512))]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub email: Patch<String>,
    /// Objects of the response to expand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expand: Option<Vec<String>>,
    /// The prefix of invoice numbers: 3 to 12 uppercase letters or digits.
    #[customer(pattern = "^[A-Z0-9]{3,12}$")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_prefix: Option<String>,
    /// Default invoice settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_settings: Option<Value>,
    /// The merchant's key-value pairs: a `null` value unsets its key, a `null` metadata all.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub metadata: Patch<BTreeMap<String, Option<String>>>,
    /// The full name or business name, at most 256 characters.
    #[customer(length(max = 256))]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub name: Patch<String>,
    /// The suffix of the next invoice number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_invoice_sequence: Option<i64>,
    /// The phone number, at most 20 characters.
    #[customer(length(max = 20))]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub phone: Patch<String>,
    /// The preferred languages, most preferred first.
    #[customer(each(locale))]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub preferred_locales: Patch<Vec<String>>,
    /// A promotion code's ID.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promotion_code: Option<String>,
    /// Shipping details: a name and an address.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub shipping: Patch<ShippingRequest>,
    /// A payment source (token or ID) to attach.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Tax details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax: Option<Value>,
    /// The customer's tax exemption.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub tax_exempt: Patch<TaxExempt>,
    /// Whether Stripe validates the tax details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate: Option<bool>,
}

// ---------------------------------------------------------------------------------------------
// Metadata limits.

/// Stripe's metadata limits: 50 keys, 40 characters a key, 500 characters a value.
const MAX_KEYS: usize = 50;
const MAX_KEY_CHARS: usize = 40;
const MAX_VALUE_CHARS: usize = 500;

fn metadata_limits<'a, V: AsRef<str> + 'a>(
    metadata: impl ExactSizeIterator<Item = (&'a String, Option<V>)>,
) -> Result<(), ValidationErrors> {
    let mut report = ValidationErrors::new();
    if metadata.len() > MAX_KEYS {
        report.push_violation(Violation::new(
            "/metadata",
            RuleError::new(crate::codes::LENGTH, "must have at most {max} keys")
                .with_param("max", Param::Str(MAX_KEYS.to_string().into())),
        ));
    }
    for (key, value) in metadata {
        let mut pointer = String::from("/metadata");
        crate::error::push_key(&mut pointer, key);
        if key.is_empty() || key.chars().count() > MAX_KEY_CHARS {
            report.push_violation(Violation::new(
                pointer.clone(),
                RuleError::new(
                    crate::codes::LENGTH,
                    "a metadata key must be 1 to {max} characters",
                )
                .with_param("max", Param::Str(MAX_KEY_CHARS.to_string().into())),
            ));
        }
        if value.is_some_and(|v| v.as_ref().chars().count() > MAX_VALUE_CHARS) {
            report.push_violation(Violation::new(
                pointer,
                RuleError::new(
                    crate::codes::LENGTH,
                    "a metadata value must be at most {max} characters",
                )
                .with_param("max", Param::Str(MAX_VALUE_CHARS.to_string().into())),
            ));
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

fn customer_metadata(customer: &Customer) -> Result<(), ValidationErrors> {
    metadata_limits(customer.metadata.iter().map(|(k, v)| (k, Some(v))))
}

fn request_metadata(request: &CreateCustomerRequest) -> Result<(), ValidationErrors> {
    match &request.metadata {
        Some(metadata) => metadata_limits(metadata.iter().map(|(k, v)| (k, v.as_ref()))),
        None => Ok(()),
    }
}

fn update_metadata(request: &UpdateCustomerRequest) -> Result<(), ValidationErrors> {
    match &request.metadata {
        Patch::Value(metadata) => metadata_limits(metadata.iter().map(|(k, v)| (k, v.as_ref()))),
        _ => Ok(()),
    }
}

// ---------------------------------------------------------------------------------------------
// To the canonical customer.

impl From<Customer> for Canonical {
    fn from(customer: Customer) -> Self {
        let address = customer.address.filter(|a| !is_empty(a));
        let country = address.as_ref().and_then(|a| a.country.clone());
        let billing_addresses = address
            .map(|a| vec![canonical_address(a, None, None)])
            .unwrap_or_default();
        let shipping_addresses = customer
            .shipping
            .filter(|s| s.name.is_some() || s.address.as_ref().is_some_and(|a| !is_empty(a)))
            .map(|s| {
                let phone = s.phone.as_deref().and_then(split_phone);
                vec![canonical_address(
                    s.address.unwrap_or_default(),
                    s.name,
                    phone,
                )]
            })
            .unwrap_or_default();
        let metadata = (!customer.metadata.is_empty()).then(|| {
            Value::Object(
                customer
                    .metadata
                    .into_iter()
                    .map(|(k, v)| (k, Value::String(v)))
                    .collect(),
            )
        });
        Canonical {
            id: Some(customer.id),
            name: customer.name,
            email: customer.email,
            locale: customer
                .preferred_locales
                .and_then(|locales| locales.into_iter().next()),
            phone: customer.phone.as_deref().and_then(split_phone),
            country,
            billing_addresses,
            shipping_addresses,
            metadata,
            created_at: Some(rfc3339(customer.created)),
            mode: Some(if customer.livemode {
                Mode::Live
            } else {
                Mode::Test
            }),
            ..Canonical::default()
        }
    }
}

impl From<DeletedCustomer> for Canonical {
    fn from(customer: DeletedCustomer) -> Self {
        Canonical {
            id: Some(customer.id),
            ..Canonical::default()
        }
    }
}

impl From<Event> for Canonical {
    fn from(event: Event) -> Self {
        event.data.object.into()
    }
}

impl From<CreateCustomerRequest> for Canonical {
    fn from(request: CreateCustomerRequest) -> Self {
        let address = request.address.filter(|a| !is_empty(a));
        let country = address.as_ref().and_then(|a| a.country.clone());
        Canonical {
            name: request.name,
            email: request.email,
            locale: request
                .preferred_locales
                .and_then(|locales| locales.into_iter().next()),
            phone: request.phone.as_deref().and_then(split_phone),
            country,
            billing_addresses: address
                .map(|a| vec![canonical_address(a, None, None)])
                .unwrap_or_default(),
            shipping_addresses: request.shipping.map(shipping_address).into_iter().collect(),
            metadata: request.metadata.and_then(request_metadata_value),
            ..Canonical::default()
        }
    }
}

fn shipping_address(shipping: ShippingRequest) -> CanonicalAddress {
    let phone = shipping.phone.as_deref().and_then(split_phone);
    canonical_address(shipping.address, Some(shipping.name), phone)
}

/// A request's metadata without its unset (`null`) keys; `None` when nothing is left.
fn request_metadata_value(metadata: BTreeMap<String, Option<String>>) -> Option<Value> {
    let object: Map<String, Value> = metadata
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, Value::String(v))))
        .collect();
    (!object.is_empty()).then_some(Value::Object(object))
}

fn is_empty(address: &Address) -> bool {
    address == &Address::default()
}

fn canonical_address(
    address: Address,
    name: Option<String>,
    phone: Option<Phone>,
) -> CanonicalAddress {
    CanonicalAddress {
        name,
        line1: address.line1,
        line2: address.line2,
        city: address.city,
        state: address.state,
        country: address.country,
        postal_code: address.postal_code,
        phone,
        label: None,
    }
}

/// `+31 20 123 4567` → calling code `31`, number `201234567`: a phone written `+`, an assigned
/// calling code and digits (spaces, dots, dashes and parentheses between them ignored).
/// Anything else (`(555) 555-5555`, no calling code) is `None`: guessing a country is not ours.
fn split_phone(text: &str) -> Option<Phone> {
    let rest = text.trim().strip_prefix('+')?;
    let mut digits = String::with_capacity(rest.len());
    for c in rest.chars() {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '.' | '-' | '(' | ')' => {}
            _ => return None,
        }
    }
    (1..=3).find_map(|len| {
        let code = digits.get(..len)?;
        let number = &digits[len..];
        let phone = Phone {
            calling_code: code.to_owned(),
            number: number.to_owned(),
        };
        (crate::rules::phone::is_calling_code(code) && phone.validate().is_ok()).then_some(phone)
    })
}

/// A phone as Stripe keeps it: `+` calling code and number.
fn phone_text(phone: &Phone) -> String {
    format!("+{}{}", phone.calling_code, phone.number)
}

/// Unix seconds (0 to 253402300799, checked by the model) → RFC 3339 in UTC.
fn rfc3339(seconds: i64) -> String {
    let seconds = seconds.clamp(0, MAX_UNIX_SECONDS);
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    // Days since 1970-01-01 → civil date (the proleptic Gregorian calendar), by 400-year eras.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3600,
        of_day % 3600 / 60,
        of_day % 60
    )
}

// ---------------------------------------------------------------------------------------------
// Decoding.

/// A body as JSON: a JSON document as it is; a form (`key=value` pairs starting with a
/// parameter name, or the empty form: a create request without parameters, read as `{}` is) as
/// the JSON of its tree. Anything else is read as JSON, and refused as such.
fn json_text(text: &str) -> Result<Cow<'_, str>, Error> {
    let starts_json = text
        .trim_start()
        .starts_with(|c: char| matches!(c, '{' | '[' | '"' | '-' | '0'..='9'));
    if !text.is_empty() && (starts_json || !text.contains('=')) {
        Ok(Cow::Borrowed(text))
    } else {
        form::to_json(text).map(Cow::Owned)
    }
}

/// Members only the customer object carries: without any of them a document is read as a
/// create request.
const OBJECT_KEYS: [&str; 4] = ["id", "object", "created", "livemode"];

/// Reads the document in the shape its keys tell; `O` is [`Canonical`] for `decode`, or the
/// `Checked` verdict of `Api::check`, which builds nothing from the model.
pub(super) fn decode<O>(document: &Document<'_>) -> Result<O, Error>
where
    O: From<Event> + From<DeletedCustomer> + From<Customer> + From<CreateCustomerRequest>,
{
    if document.has("type") && document.has("data") {
        Ok(document.parse::<Event>()?.into())
    } else if document.has("deleted") {
        Ok(document.parse::<DeletedCustomer>()?.into())
    } else if document.has_any(&OBJECT_KEYS) {
        Ok(document.parse::<Customer>()?.into())
    } else {
        Ok(document.parse::<CreateCustomerRequest>()?.into())
    }
}

pub(super) fn decode_update(document: &Document<'_>) -> Result<CustomerPatch, Error> {
    let request = document.parse::<UpdateCustomerRequest>()?;
    let address = request
        .address
        .map(|a| vec![canonical_address(a, None, None)]);
    Ok(CustomerPatch {
        name: request.name,
        email: request.email,
        locale: match request.preferred_locales {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(locales) => match locales.into_iter().next() {
                Some(first) => Patch::Value(first),
                None => Patch::Null,
            },
        },
        phone: match request.phone {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(text) => split_phone(&text).map_or(Patch::Absent, Patch::Value),
        },
        billing_addresses: address,
        shipping_addresses: request.shipping.map(|s| vec![shipping_address(s)]),
        metadata: match request.metadata {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(metadata) => Patch::Value(Value::Object(
                metadata
                    .into_iter()
                    .map(|(k, v)| (k, v.map_or(Value::Null, Value::String)))
                    .collect(),
            )),
        },
        ..CustomerPatch::default()
    })
}

pub(super) fn decode_list(document: &Document<'_>) -> Result<Page, Error> {
    let list = document.parse::<CustomerList>()?;
    let next = match (list.has_more, list.data.last()) {
        (true, Some(last)) => {
            let after: String =
                percent_encoding::utf8_percent_encode(&last.id, percent_encoding::NON_ALPHANUMERIC)
                    .to_string();
            let separator = if list.url.contains('?') { '&' } else { '?' };
            Some(format!("{}{separator}starting_after={after}", list.url))
        }
        _ => None,
    };
    Ok(Page {
        customers: list.data.into_iter().map(Canonical::from).collect(),
        next,
    })
}

pub(super) fn decode_error(document: &Document<'_>) -> Result<ValidationErrors, Error> {
    let ErrorResponse { error } = document.parse::<ErrorResponse>()?;
    let code = safe_code(error.code.as_deref().unwrap_or(&error.kind));
    let rule = super::rejected(Api::Stripe)
        .with_message("{api} refused this value (`{provider_code}`)")
        .with_param("provider_code", Param::Str(code.into()));
    let pointer = error
        .param
        .as_deref()
        .map(super::field_pointer)
        .unwrap_or_default();
    Ok(ValidationErrors::from(Violation::new(pointer, rule)))
}

/// Stripe's code as it is when it is a short snake_case word (its documented form), otherwise
/// `unknown`: a code is copied into reports, so it must not be able to carry data.
fn safe_code(code: &str) -> String {
    let plain = !code.is_empty()
        && code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if plain { code } else { "unknown" }.to_owned()
}

// ---------------------------------------------------------------------------------------------
// Encoding.

/// The address members Stripe's address holds; the others (`name`, `phone`, `label`) are
/// reported where Stripe has no place for them.
fn stripe_address(
    address: &CanonicalAddress,
    pointer: &str,
    report: &mut Report,
    name_place: bool,
) -> Address {
    if !name_place {
        report.no_place(&format!("{pointer}/name"), address.name.is_some());
        report.no_place(&format!("{pointer}/phone"), address.phone.is_some());
    }
    report.no_place(&format!("{pointer}/label"), address.label.is_some());
    for (member, value) in [
        ("city", &address.city),
        ("country", &address.country),
        ("line1", &address.line1),
        ("line2", &address.line2),
        ("postal_code", &address.postal_code),
        ("state", &address.state),
    ] {
        not_empty(report, &format!("{pointer}/{member}"), value.as_deref());
    }
    let empty = [
        &address.city,
        &address.country,
        &address.line1,
        &address.line2,
        &address.postal_code,
        &address.state,
    ]
    .iter()
    .all(|member| member.as_deref().is_none_or(str::is_empty));
    // Reported once the members Stripe has no place for are gone (one refusal at a time).
    let others = address.label.is_some()
        || (!name_place && (address.name.is_some() || address.phone.is_some()));
    if empty && !others {
        report.cannot_hold(
            pointer,
            "{api} cannot hold an address without a city, country, line, postal code or state",
        );
    }
    Address {
        city: address.city.clone(),
        country: address.country.clone(),
        line1: address.line1.clone(),
        line2: address.line2.clone(),
        postal_code: address.postal_code.clone(),
        state: address.state.clone(),
    }
}

/// Stripe reads an empty value as "unset": an empty string cannot be sent as a value.
fn not_empty(report: &mut Report, pointer: &str, value: Option<&str>) {
    if value == Some("") {
        report.cannot_hold(
            pointer,
            "{api} reads an empty value as no value; clear it to encode without it",
        );
    }
}

/// Stripe's metadata: an object of string values (a list of distinct `{key, value}` entries
/// too); keys with `[` or `]` cannot be written as form keys.
fn stripe_metadata(value: &Value, report: &mut Report) -> Option<BTreeMap<String, Option<String>>> {
    let object = match metadata_object(value) {
        Ok(object) => object,
        Err((pointer, message)) => {
            report.cannot_hold(&format!("/metadata{pointer}"), message);
            return None;
        }
    };
    let mut metadata = BTreeMap::new();
    let mut ok = true;
    for (key, value) in object {
        let mut pointer = String::from("/metadata");
        crate::error::push_key(&mut pointer, &key);
        if key.contains(['[', ']']) {
            report.cannot_hold(
                &pointer,
                "{api} metadata keys are form keys: this key has a `[` or `]`",
            );
            ok = false;
        }
        match value {
            Value::String(text) if text.is_empty() => {
                not_empty(report, &pointer, Some(""));
                ok = false;
            }
            Value::String(text) => {
                metadata.insert(key, Some(text));
            }
            _ => {
                report.cannot_hold(
                    &pointer,
                    "{api} metadata values are strings; this one is not",
                );
                ok = false;
            }
        }
    }
    ok.then_some(metadata)
}

/// The fields of a canonical customer (or patch) as the create request's.
struct Fields {
    address: Option<Address>,
    shipping: Option<ShippingRequest>,
}

fn addresses(
    billing: &[CanonicalAddress],
    shipping: &[CanonicalAddress],
    country: Option<&str>,
    report: &mut Report,
) -> Fields {
    for index in 1..billing.len() {
        report.no_place(&format!("/billing_addresses/{index}"), true);
    }
    for index in 1..shipping.len() {
        report.no_place(&format!("/shipping_addresses/{index}"), true);
    }
    let address = billing
        .first()
        .map(|a| stripe_address(a, "/billing_addresses/0", report, false));
    if let Some(country) = country {
        // Stripe's customer has no country of its own: it is the address's.
        let held = address
            .as_ref()
            .is_some_and(|a| a.country.as_deref() == Some(country));
        report.no_place("/country", !held);
    }
    let shipping = shipping.first().and_then(|a| {
        let address = stripe_address(a, "/shipping_addresses/0", report, true);
        match &a.name {
            Some(name) => Some(ShippingRequest {
                address,
                name: name.clone(),
                phone: a.phone.as_ref().map(phone_text),
            }),
            None => {
                report.cannot_hold(
                    "/shipping_addresses/0",
                    "{api} needs a name for a shipping address; this one has none",
                );
                None
            }
        }
    });
    Fields { address, shipping }
}

pub(super) fn encode(customer: &Canonical, report: &mut Report) -> Option<CreateCustomerRequest> {
    report.no_place("/external_id", customer.external_id.is_some());
    not_empty(report, "/name", customer.name.as_deref());
    not_empty(report, "/email", customer.email.as_deref());
    not_empty(report, "/locale", customer.locale.as_deref());
    let Fields { address, shipping } = addresses(
        &customer.billing_addresses,
        &customer.shipping_addresses,
        customer.country.as_deref(),
        report,
    );
    let metadata = match customer.metadata.as_ref().filter(|v| !v.is_null()) {
        None => None,
        Some(value) => stripe_metadata(value, report),
    };
    let request = CreateCustomerRequest {
        address,
        email: customer.email.clone(),
        metadata,
        name: customer.name.clone(),
        phone: customer.phone.as_ref().map(phone_text),
        preferred_locales: customer
            .locale
            .as_deref()
            .map(|locale| vec![canonical_case(locale)]),
        shipping,
        ..CreateCustomerRequest::default()
    };
    report.rules(crate::model::validate_all(&request), to_customer_pointer);
    Some(request)
}

pub(super) fn encode_update(
    patch: &CustomerPatch,
    report: &mut Report,
) -> Option<UpdateCustomerRequest> {
    report.no_place("/external_id", !patch.external_id.is_absent());
    report.no_place("/status", !patch.status.is_absent());
    not_empty(report, "/name", patch.name.value().map(String::as_str));
    not_empty(report, "/email", patch.email.value().map(String::as_str));
    let none: &[CanonicalAddress] = &[];
    let billing = match &patch.billing_addresses {
        Patch::Value(list) => list.as_slice(),
        _ => none,
    };
    let shipping_list = match &patch.shipping_addresses {
        Patch::Value(list) => list.as_slice(),
        _ => none,
    };
    let country = match &patch.country {
        Patch::Value(country) => Some(country.as_str()),
        Patch::Null => {
            report.no_place("/country", true);
            None
        }
        Patch::Absent => None,
    };
    let Fields { address, shipping } = addresses(billing, shipping_list, country, report);
    let address = match (&patch.billing_addresses, address) {
        (Patch::Absent, _) => Patch::Absent,
        (Patch::Null, _) => Patch::Null,
        (Patch::Value(list), _) if list.is_empty() => Patch::Null,
        (Patch::Value(_), Some(address)) => Patch::Value(address),
        (Patch::Value(_), None) => Patch::Absent,
    };
    let shipping = match (&patch.shipping_addresses, shipping) {
        (Patch::Absent, _) => Patch::Absent,
        (Patch::Null, _) => Patch::Null,
        (Patch::Value(list), _) if list.is_empty() => Patch::Null,
        (Patch::Value(_), Some(shipping)) => Patch::Value(shipping),
        (Patch::Value(_), None) => Patch::Absent,
    };
    let metadata = match &patch.metadata {
        Patch::Absent => Patch::Absent,
        Patch::Null | Patch::Value(Value::Null) => Patch::Null,
        Patch::Value(value) => stripe_metadata(value, report).map_or(Patch::Absent, Patch::Value),
    };
    let request = UpdateCustomerRequest {
        address,
        email: patch.email.clone(),
        metadata,
        name: patch.name.clone(),
        phone: patch.phone.as_ref().map(phone_text),
        preferred_locales: patch
            .locale
            .as_ref()
            .map(|locale| vec![canonical_case(locale)]),
        shipping,
        ..UpdateCustomerRequest::default()
    };
    report.rules(crate::model::validate_all(&request), to_customer_pointer);
    Some(request)
}

/// A pointer into the request → the pointer of the same value in the customer's JSON.
fn to_customer_pointer(pointer: &str) -> String {
    let mapped = [
        ("/preferred_locales", "/locale"),
        ("/address", "/billing_addresses/0"),
        ("/shipping/address", "/shipping_addresses/0"),
        ("/shipping", "/shipping_addresses/0"),
    ];
    for (from, to) in mapped {
        if let Some(rest) = pointer.strip_prefix(from) {
            if rest.is_empty() || rest.starts_with('/') {
                if from == "/preferred_locales" {
                    return to.to_owned();
                }
                return format!("{to}{rest}");
            }
        }
    }
    pointer.to_owned()
}

/// The form body of a request.
fn form_body<T: Serialize>(request: T) -> Option<String> {
    serde_json::to_value(request)
        .ok()
        .map(|v| form::from_json(&v))
}

// ---------------------------------------------------------------------------------------------
// The table line.

/// Stripe's line in the table of providers.
pub(crate) struct Stripe;

impl super::Provider for Stripe {
    const NAME: &'static str = "stripe";
    const TITLE: &'static str = "Stripe";
    const WEBHOOK_EVENTS: &'static [&'static str] =
        &["customer.created", "customer.updated", "customer.deleted"];

    fn text(text: &str) -> Result<Cow<'_, str>, Error> {
        json_text(text)
    }

    fn decode(document: &Document<'_>) -> Result<Canonical, Error> {
        decode::<Canonical>(document)
    }

    fn check(document: &Document<'_>) -> Result<(), Error> {
        decode::<super::check::Checked>(document).map(|_| ())
    }

    fn encode(customer: &Canonical, report: &mut Report) -> Option<String> {
        encode(customer, report).and_then(form_body)
    }

    fn decode_update(document: &Document<'_>) -> Result<CustomerPatch, Error> {
        decode_update(document)
    }

    fn encode_update(patch: &CustomerPatch, report: &mut Report) -> Result<Option<String>, Error> {
        Ok(encode_update(patch, report).and_then(form_body))
    }

    fn decode_list(document: &Document<'_>) -> Result<Page, Error> {
        decode_list(document)
    }

    fn decode_error(document: &Document<'_>) -> Result<ValidationErrors, Error> {
        decode_error(document)
    }

    #[cfg(feature = "schemars")]
    fn shapes(g: &mut schemars::SchemaGenerator) -> Vec<schemars::Schema> {
        // Guarded as `decode` chooses: an event by `type` and `data`, a deleted customer by
        // `deleted`, the customer object by one of OBJECT_KEYS, a request by none of these.
        use super::guarded;
        let request = [&["deleted"][..], &OBJECT_KEYS].concat();
        vec![
            guarded::<Event>(g, &[], &[]),
            guarded::<DeletedCustomer>(g, &[], &[]),
            guarded::<Customer>(g, &["deleted"], &OBJECT_KEYS),
            guarded::<CreateCustomerRequest>(g, &request, &[]),
        ]
    }

    #[cfg(feature = "schemars")]
    fn update_shape(g: &mut schemars::SchemaGenerator) -> Option<schemars::Schema> {
        Some(super::guarded_update::<UpdateCustomerRequest>(g))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_seconds_to_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_234_567_890), "2009-02-13T23:31:30Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(MAX_UNIX_SECONDS), "9999-12-31T23:59:59Z");
    }

    #[test]
    fn phones_split_only_with_a_calling_code() {
        let phone = split_phone("+31 (20) 123-4567").unwrap();
        assert_eq!(
            (phone.calling_code.as_str(), phone.number.as_str()),
            ("31", "201234567")
        );
        let phone = split_phone("+1 555 555 5555").unwrap();
        assert_eq!(phone.calling_code, "1");
        assert_eq!(split_phone("555-555-5555"), None);
        assert_eq!(split_phone("+31 20 CALL ME"), None);
        assert_eq!(
            phone_text(&split_phone("+44 20 7946 0958").unwrap()),
            "+442079460958"
        );
    }
}
