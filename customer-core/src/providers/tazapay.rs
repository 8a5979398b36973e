//! Tazapay customers (seed 002): the `{status, message, data}` envelope, the customer, and the
//! create-customer request body.
//!
//! An ID is `cus_` and ASCII letters or digits; `country` is ISO 3166-1 alpha-2; a phone number
//! is `{calling_code, number}`, digit strings without `+`. Billing and shipping addresses are
//! lists of `{name, address, phone, label}`, the `address` being `{line1, line2, city, state
//! (may be null), country, postal_code}`. `metadata` is an object in the customer and a string
//! holding a JSON object in the create request. The create request needs `name`, `email` and
//! `country`, and carries the merchant's own identifier as `reference_id`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{metadata_object, Api, Document, Report};
use crate::error::Violation;
pub use crate::Phone;
use crate::{
    Address as CanonicalAddress, Customer as Canonical, CustomerModel, CustomerPatch, Error, Patch,
    RuleError, ValidationErrors,
};

/// Tazapay's response envelope around a customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct CustomerResponse {
    /// `success` when the request succeeded.
    pub status: String,
    /// A human-readable summary, e.g. `customer created successfully`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The customer.
    #[customer(nested)]
    pub data: Customer,
}

/// A Tazapay customer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct Customer {
    /// The customer's ID, e.g. `cus_abc123xyz456`.
    #[customer(id(prefix = "cus_", chars = "A-Za-z0-9", min_len = 1))]
    pub id: String,
    /// Always `customer`.
    #[customer(one_of("customer"))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub object: Option<String>,
    /// When the customer was created (RFC 3339).
    #[customer(timestamp)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// The customer's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The customer's email address.
    #[customer(email)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The customer's country, ISO 3166-1 alpha-2.
    #[customer(country)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The merchant's own identifier of the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
    /// The customer's phone number.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// The billing details.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<Vec<AddressEntry>>,
    /// The shipping details.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_address: Option<Vec<AddressEntry>>,
    /// Keys and values the merchant attached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
}

/// Tazapay's create-customer request body.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[customer(into = Canonical)]
pub struct CreateCustomerRequest {
    /// The customer's name.
    pub name: String,
    /// The customer's email address.
    #[customer(email)]
    pub email: String,
    /// The customer's country, ISO 3166-1 alpha-2.
    #[customer(country)]
    pub country: String,
    /// The merchant's own identifier of the customer.
    #[customer(maps_to = "external_id")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_id: Option<String>,
    /// The customer's phone number.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// The billing details.
    #[customer(nested, maps_to = "billing_addresses", with = address_list)]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub billing_address: Vec<AddressEntry>,
    /// The shipping details.
    #[customer(nested, maps_to = "shipping_addresses", with = address_list)]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shipping_address: Vec<AddressEntry>,
    /// A string holding a JSON object of keys and values.
    #[customer(metadata(json_string), custom = json_object_string, with = super::json_text)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<String>,
}

/// One entry of `billing_address` / `shipping_address`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct AddressEntry {
    /// The name the address is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The postal address.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The phone number for this address.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// What the address is, e.g. `home` or `work`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A postal address.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct Address {
    /// The first line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line1: Option<String>,
    /// The second line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line2: Option<String>,
    /// The city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// The state or province; may be `null`.
    #[serde(default)]
    pub state: Option<String>,
    /// The country, ISO 3166-1 alpha-2.
    #[customer(country)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
}

/// The create request's metadata string must hold a JSON object. A string that is not JSON at
/// all is left to `metadata(json_string)`.
fn json_object_string(text: &str) -> Result<(), RuleError> {
    match crate::json::from_text::<Value>(text) {
        Ok(Value::Object(_)) | Err(_) => Ok(()),
        Ok(_) => Err(RuleError::new(
            crate::codes::JSON_STRING,
            "must hold a JSON object of keys and values",
        )),
    }
}

impl From<AddressEntry> for CanonicalAddress {
    fn from(entry: AddressEntry) -> Self {
        let address = entry.address.unwrap_or_default();
        CanonicalAddress {
            name: entry.name,
            line1: address.line1,
            line2: address.line2,
            city: address.city,
            state: address.state,
            country: address.country,
            postal_code: address.postal_code,
            phone: entry.phone,
            label: entry.label,
        }
    }
}

impl From<&CanonicalAddress> for AddressEntry {
    fn from(address: &CanonicalAddress) -> Self {
        let has_address = address.line1.is_some()
            || address.line2.is_some()
            || address.city.is_some()
            || address.state.is_some()
            || address.country.is_some()
            || address.postal_code.is_some();
        AddressEntry {
            name: address.name.clone(),
            address: has_address.then(|| Address {
                line1: address.line1.clone(),
                line2: address.line2.clone(),
                city: address.city.clone(),
                state: address.state.clone(),
                country: address.country.clone(),
                postal_code: address.postal_code.clone(),
            }),
            phone: address.phone.clone(),
            label: address.label.clone(),
        }
    }
}

fn addresses(entries: Option<Vec<AddressEntry>>) -> Vec<CanonicalAddress> {
    address_list(entries.unwrap_or_default())
}

fn address_list(entries: Vec<AddressEntry>) -> Vec<CanonicalAddress> {
    entries.into_iter().map(CanonicalAddress::from).collect()
}

impl From<Customer> for Canonical {
    fn from(customer: Customer) -> Self {
        Canonical {
            id: Some(customer.id),
            name: customer.name,
            email: customer.email,
            phone: customer.phone,
            country: customer.country,
            billing_addresses: addresses(customer.billing_address),
            shipping_addresses: addresses(customer.shipping_address),
            metadata: super::object_value(customer.metadata),
            created_at: customer.created_at,
            external_id: customer.reference_id,
            ..Canonical::default()
        }
    }
}

impl From<CustomerResponse> for Canonical {
    fn from(response: CustomerResponse) -> Self {
        response.data.into()
    }
}

/// Keys only the customer entity carries: without any of them (and without `data`) a document
/// is read as a create request.
const ENTITY_KEYS: [&str; 3] = ["id", "object", "created_at"];

/// Reads the document in the shape its keys tell; `O` is [`Canonical`] for `decode`, or the
/// `Checked` verdict of `Api::check`, which builds nothing from the model.
pub(super) fn decode<O>(document: &Document<'_>) -> Result<O, Error>
where
    O: From<CustomerResponse> + From<Customer> + From<CreateCustomerRequest>,
{
    if document.has("data") {
        Ok(document.parse::<CustomerResponse>()?.into())
    } else if document.has_any(&ENTITY_KEYS) {
        Ok(document.parse::<Customer>()?.into())
    } else {
        Ok(document.parse::<CreateCustomerRequest>()?.into())
    }
}

pub(super) fn encode(customer: &Canonical, report: &mut Report) -> Option<CreateCustomerRequest> {
    if customer.name.is_none() {
        report.needs("/name");
    }
    if customer.email.is_none() {
        report.needs("/email");
    }
    report.no_place("/locale", customer.locale.is_some());
    if customer.country.is_none() {
        report.needs("/country");
    }
    let metadata = match customer.metadata.as_ref().filter(|v| !v.is_null()) {
        None => None,
        Some(value) => match metadata_object(value) {
            Ok(object) => serde_json::to_string(&object).ok(),
            Err((pointer, message)) => {
                report.cannot_hold(&format!("/metadata{pointer}"), message);
                None
            }
        },
    };
    let request = CreateCustomerRequest {
        name: customer.name.clone().unwrap_or_default(),
        email: customer.email.clone().unwrap_or_default(),
        country: customer.country.clone().unwrap_or_default(),
        reference_id: customer.external_id.clone(),
        phone: customer.phone.clone(),
        billing_address: customer
            .billing_addresses
            .iter()
            .map(AddressEntry::from)
            .collect(),
        shipping_address: customer
            .shipping_addresses
            .iter()
            .map(AddressEntry::from)
            .collect(),
        metadata,
    };
    let mut errors = crate::model::validate_all(&request);
    if let Err(errors) = &mut errors {
        // A missing value was reported as `required` above; its empty stand-in is no news.
        let missing = |field: &str| match field {
            "/name" => customer.name.is_none(),
            "/email" => customer.email.is_none(),
            "/country" => customer.country.is_none(),
            _ => false,
        };
        let kept: Vec<_> = std::mem::take(errors)
            .into_iter()
            .filter(|v| !missing(v.pointer()))
            .collect();
        for violation in kept {
            errors.push_violation(violation);
        }
    }
    report.rules(errors, to_customer_pointer);
    Some(request)
}

/// A pointer into the create request → the pointer of the same value in the customer's JSON.
fn to_customer_pointer(pointer: &str) -> String {
    let mut segments = pointer.split('/').skip(1);
    let Some(first) = segments.next() else {
        return pointer.to_owned();
    };
    let rest: Vec<&str> = segments.collect();
    let list = match first {
        "reference_id" => return join("/external_id", &rest),
        "billing_address" => "/billing_addresses",
        "shipping_address" => "/shipping_addresses",
        _ => return pointer.to_owned(),
    };
    match rest.as_slice() {
        [index, "address", inner @ ..] => join(&format!("{list}/{index}"), inner),
        _ => join(list, &rest),
    }
}

fn join(base: &str, rest: &[&str]) -> String {
    let mut out = base.to_owned();
    for segment in rest {
        out.push('/');
        out.push_str(segment);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Updates and errors.

/// Tazapay's update-customer request body (`PUT /v3/customer/`), as its OpenAPI document
/// describes it: the customer's ID, phone, billing and shipping addresses, and metadata as a
/// string holding a JSON object. Every key is optional; none may be `null` (Tazapay documents no
/// way to clear a field). Name, email and country cannot be updated.
///
/// Leniency: the same page's own example sends `billing` / `shipping` for the address lists and
/// the metadata as an object, so those are read too (and `encode_update` writes the schema's
/// form).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct UpdateCustomerRequest {
    /// The customer to update, e.g. `cus_abc123xyz456`.
    #[customer(id(prefix = "cus_", chars = "A-Za-z0-9", min_len = 1), required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub customer_id: Patch<String>,
    /// The customer's phone number.
    #[customer(nested, required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub phone: Patch<Phone>,
    /// The billing details, replacing the stored ones (`billing` is read too).
    #[customer(nested, required)]
    #[serde(default, alias = "billing", skip_serializing_if = "Patch::is_absent")]
    pub billing_address: Patch<Vec<AddressEntry>>,
    /// The shipping details, replacing the stored ones (`shipping` is read too).
    #[customer(nested, required)]
    #[serde(default, alias = "shipping", skip_serializing_if = "Patch::is_absent")]
    pub shipping_address: Patch<Vec<AddressEntry>>,
    /// A string holding a JSON object of keys and values (an object is read too).
    #[customer(custom = update_metadata, required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub metadata: Patch<Value>,
}

/// The update's metadata: an object, or a string that holds one.
fn update_metadata(value: &Value) -> Result<(), RuleError> {
    match value {
        Value::Object(_) => Ok(()),
        Value::String(text) => match crate::json::from_text::<Value>(text) {
            Ok(Value::Object(_)) => Ok(()),
            Ok(_) => json_object_string(text),
            Err(_) => Err(RuleError::new(
                crate::codes::JSON_STRING,
                "must be a string holding a JSON object of keys and values",
            )),
        },
        _ => Err(RuleError::new(
            crate::codes::INVALID_TYPE,
            "must be a string holding a JSON object of keys and values",
        )),
    }
}

impl From<UpdateCustomerRequest> for CustomerPatch {
    fn from(request: UpdateCustomerRequest) -> Self {
        CustomerPatch {
            id: request.customer_id,
            phone: request.phone,
            billing_addresses: request.billing_address.map(address_list),
            shipping_addresses: request.shipping_address.map(address_list),
            metadata: request.metadata.map(|value| match value {
                Value::String(text) => super::json_text(Some(text)).unwrap_or(Value::Null),
                other => other,
            }),
            ..CustomerPatch::default()
        }
    }
}

/// Tazapay's error response: `{status: "error", message, errors: [{code, message, remarks}]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct ErrorResponse {
    /// `error`.
    #[customer(one_of("error"))]
    pub status: String,
    /// A summary, in Tazapay's words. Not copied into a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The errors, each with Tazapay's numeric code.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<ErrorEntry>,
}

/// One error of Tazapay's error response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct ErrorEntry {
    /// Tazapay's error code, e.g. `1108` (a number; some responses send it as a string).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<Value>,
    /// What went wrong, in Tazapay's words. Not copied into a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// More detail: often the name of the field the error is about (`buyer_id`), which becomes
    /// the violation's pointer; any other text is not copied into a report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

pub(super) fn decode_update(document: &Document<'_>) -> Result<CustomerPatch, Error> {
    Ok(document.parse::<UpdateCustomerRequest>()?.into())
}

pub(super) fn decode_error(document: &Document<'_>) -> Result<ValidationErrors, Error> {
    let response = document.parse::<ErrorResponse>()?;
    let rule = |code: Option<&Value>| {
        let code = match code {
            Some(Value::Number(n)) => n.as_u64().map(|n| n.to_string()),
            Some(Value::String(s))
                if !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit()) =>
            {
                Some(s.clone())
            }
            _ => None,
        };
        match code {
            Some(code) => super::rejected(Api::Tazapay)
                .with_message("{api} refused the request (error {provider_code})")
                .with_param("provider_code", crate::Param::Str(code.into())),
            None => super::rejected(Api::Tazapay).with_message("{api} refused the request"),
        }
    };
    // An error whose `remarks` is a field name is about that field; any other is about the
    // request as a whole.
    let mut report = ValidationErrors::new();
    for entry in &response.errors {
        let pointer = entry
            .remarks
            .as_deref()
            .filter(|remarks| names_a_field(remarks))
            .map(super::field_pointer)
            .unwrap_or_default();
        report.push_violation(Violation::new(pointer, rule(entry.code.as_ref())));
    }
    if report.is_empty() {
        report.push_violation(Violation::new("", rule(None)));
    }
    Ok(report)
}

/// Single-word fields of Tazapay's request bodies that its errors' `remarks` name (`buyer`,
/// `seller` of an escrow); a remark with `_`, `.` or `[` is taken as a field name by its form.
const ONE_WORD_FIELDS: [&str; 12] = [
    "buyer",
    "seller",
    "email",
    "name",
    "country",
    "phone",
    "amount",
    "currency",
    "metadata",
    "customer",
    "description",
    "documents",
];

/// `true` when a `remarks` text is a field name of the request (`buyer_id`, `invoice_amount`,
/// `billing_address[0].city`, `buyer`): lowercase ASCII letters, digits, `_`, `.` and brackets,
/// starting with a letter, at most 64 bytes, and either of a path's form or a known single-word
/// field. Free text (which could quote a value) never is.
fn names_a_field(remarks: &str) -> bool {
    let charset = remarks.len() <= 64
        && remarks.starts_with(|c: char| c.is_ascii_lowercase())
        && remarks
            .bytes()
            .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'[' | b']'));
    charset && (remarks.contains(['_', '.', '[']) || ONE_WORD_FIELDS.contains(&remarks))
}

pub(super) fn encode_update(
    patch: &CustomerPatch,
    report: &mut Report,
) -> Option<UpdateCustomerRequest> {
    report.no_place("/name", !patch.name.is_absent());
    report.no_place("/email", !patch.email.is_absent());
    report.no_place("/locale", !patch.locale.is_absent());
    report.no_place("/country", !patch.country.is_absent());
    report.no_place("/status", !patch.status.is_absent());
    report.no_place("/external_id", !patch.external_id.is_absent());
    let metadata = match &patch.metadata {
        Patch::Absent => Patch::Absent,
        Patch::Null | Patch::Value(Value::Null) => {
            report.cannot_clear("/metadata");
            Patch::Absent
        }
        Patch::Value(value) => match metadata_object(value) {
            Ok(object) => serde_json::to_string(&object)
                .map(|text| Patch::Value(Value::String(text)))
                .unwrap_or(Patch::Absent),
            Err((pointer, message)) => {
                report.cannot_hold(&format!("/metadata{pointer}"), message);
                Patch::Absent
            }
        },
    };
    let entries = |list: &Vec<CanonicalAddress>| list.iter().map(AddressEntry::from).collect();
    let request = UpdateCustomerRequest {
        customer_id: report.not_null("/id", &patch.id),
        phone: report.not_null("/phone", &patch.phone),
        billing_address: report
            .not_null("/billing_addresses", &patch.billing_addresses)
            .as_ref()
            .map(entries),
        shipping_address: report
            .not_null("/shipping_addresses", &patch.shipping_addresses)
            .as_ref()
            .map(entries),
        metadata,
    };
    report.rules(
        crate::model::validate_all(&request),
        |pointer| match pointer.strip_prefix("/customer_id") {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => format!("/id{rest}"),
            _ => to_customer_pointer(pointer),
        },
    );
    Some(request)
}

/// Tazapay's line in the table of providers.
pub(crate) struct Tazapay;

impl super::Provider for Tazapay {
    const NAME: &'static str = "tazapay";
    const TITLE: &'static str = "Tazapay";

    fn decode(document: &Document<'_>) -> Result<Canonical, Error> {
        decode::<Canonical>(document)
    }

    fn check(document: &Document<'_>) -> Result<(), Error> {
        decode::<super::check::Checked>(document).map(|_| ())
    }

    fn encode(customer: &Canonical, report: &mut Report) -> Option<String> {
        encode(customer, report).and_then(super::to_json)
    }

    fn decode_update(document: &Document<'_>) -> Result<CustomerPatch, Error> {
        decode_update(document)
    }

    fn encode_update(patch: &CustomerPatch, report: &mut Report) -> Result<Option<String>, Error> {
        Ok(encode_update(patch, report).and_then(super::to_json))
    }

    fn decode_error(document: &Document<'_>) -> Result<ValidationErrors, Error> {
        decode_error(document)
    }

    #[cfg(feature = "schemars")]
    fn shapes(g: &mut schemars::SchemaGenerator) -> Vec<schemars::Schema> {
        // Guarded as `decode` chooses: an envelope by `data`, an entity by one of ENTITY_KEYS, a
        // request by none of these.
        use super::guarded;
        let request = [&["data"][..], &ENTITY_KEYS].concat();
        vec![
            guarded::<CustomerResponse>(g, &[], &[]),
            guarded::<Customer>(g, &["data"], &ENTITY_KEYS),
            guarded::<CreateCustomerRequest>(g, &request, &[]),
        ]
    }

    #[cfg(feature = "schemars")]
    fn update_shape(g: &mut schemars::SchemaGenerator) -> Option<schemars::Schema> {
        Some(super::guarded_update::<UpdateCustomerRequest>(g))
    }
}
