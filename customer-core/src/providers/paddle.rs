//! Paddle Billing customers (seed 003): the customer entity, its `{data, meta}` response
//! envelope and the `POST /customers` request body.
//!
//! An ID matches `^ctm_[a-z\d]{26}$`; an email is 1 to 320 ASCII characters; a name at most
//! 1024 characters or `null`; a locale a BCP 47 short form tag (`en`, `pt-BR`), `en` when
//! omitted; `custom_data` an object or `null`; `status` `active` or `archived`; `import_meta`
//! `{external_id (1 to 200 characters, or null), imported_from}` or `null`; timestamps RFC 3339.
//! A create request with a key Paddle does not know is refused.
//!
//! Paddle sets `marketing_consent` (from its checkout) and `import_meta` (from its imports)
//! itself: a create request cannot carry them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{metadata_object, Document, Report};
pub use crate::Status;
use crate::{Customer as Canonical, CustomerModel, Error};

/// Paddle's response envelope around a customer entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct CustomerResponse {
    /// The customer.
    #[customer(nested)]
    pub data: Customer,
    /// Information about the response.
    #[customer(nested)]
    pub meta: Meta,
}

/// The `meta` of a Paddle response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct Meta {
    /// The ID of the request, for Paddle's support.
    pub request_id: String,
}

fn default_locale() -> String {
    "en".to_owned()
}

/// A Paddle customer entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct Customer {
    /// The customer's ID, `ctm_` and 26 lowercase letters or digits.
    #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
    pub id: String,
    /// The full name, at most 1024 characters (required, may be `null`).
    #[customer(length(max = 1024))]
    #[serde(deserialize_with = "super::nullable::required")]
    pub name: Option<String>,
    /// The email address: 1 to 320 ASCII characters.
    #[customer(email(ascii), length(min = 1, max = 320))]
    pub email: String,
    /// Whether the customer opted into marketing (set by Paddle).
    pub marketing_consent: bool,
    /// Whether the customer can be used.
    pub status: Status,
    /// The merchant's structured data: an object (required, may be `null`).
    #[serde(deserialize_with = "super::nullable::required")]
    pub custom_data: Option<Map<String, Value>>,
    /// A BCP 47 short form locale; `en` when omitted.
    #[customer(locale(short))]
    #[serde(default = "default_locale")]
    pub locale: String,
    /// When the customer was created (RFC 3339).
    #[customer(timestamp)]
    pub created_at: String,
    /// When the customer was last updated (RFC 3339).
    #[customer(timestamp)]
    pub updated_at: String,
    /// Where the customer was imported from (required, `null` when not imported).
    #[customer(nested)]
    #[serde(deserialize_with = "super::nullable::required")]
    pub import_meta: Option<ImportMeta>,
}

/// How a customer was imported into Paddle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct ImportMeta {
    /// The customer's ID in the system it was imported from, 1 to 200 characters, or `null`.
    #[customer(length(min = 1, max = 200))]
    #[serde(deserialize_with = "super::nullable::required")]
    pub external_id: Option<String>,
    /// The system the customer was imported from.
    pub imported_from: String,
}

/// The `POST /customers` request body. Keys other than these four are refused.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[customer(into = Canonical)]
#[serde(deny_unknown_fields)]
pub struct CreateCustomerRequest {
    /// The email address: 1 to 320 ASCII characters.
    #[customer(email(ascii), length(min = 1, max = 320))]
    pub email: String,
    /// The full name, at most 1024 characters.
    #[customer(length(max = 1024))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The merchant's structured data.
    #[customer(rename = "metadata", with = super::object_value)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_data: Option<Map<String, Value>>,
    /// A BCP 47 short form locale; Paddle uses `en` when it is omitted.
    #[customer(locale(short))]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
}

impl From<Customer> for Canonical {
    fn from(customer: Customer) -> Self {
        let (external_id, imported_from) = match customer.import_meta {
            Some(meta) => (meta.external_id, Some(meta.imported_from)),
            None => (None, None),
        };
        Canonical {
            id: Some(customer.id),
            name: customer.name,
            email: Some(customer.email),
            locale: Some(customer.locale),
            metadata: super::object_value(customer.custom_data),
            marketing_consent: Some(customer.marketing_consent),
            status: Some(customer.status),
            created_at: Some(customer.created_at),
            updated_at: Some(customer.updated_at),
            external_id,
            imported_from,
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
const ENTITY_KEYS: [&str; 7] = [
    "id",
    "status",
    "marketing_consent",
    "created_at",
    "updated_at",
    "import_meta",
    "meta",
];

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
    if customer.email.is_none() {
        report.needs("/email");
    }
    report.no_place("/phone", customer.phone.is_some());
    report.no_place("/country", customer.country.is_some());
    report.no_place("/billing_addresses", !customer.billing_addresses.is_empty());
    report.no_place(
        "/shipping_addresses",
        !customer.shipping_addresses.is_empty(),
    );
    report.no_place("/external_id", customer.external_id.is_some());
    let custom_data = match customer.metadata.as_ref().filter(|v| !v.is_null()) {
        None => None,
        Some(value) => match metadata_object(value) {
            Ok(object) => Some(object),
            Err((pointer, message)) => {
                report.cannot_hold(&format!("/metadata{pointer}"), message);
                None
            }
        },
    };
    let request = CreateCustomerRequest {
        email: customer.email.clone().unwrap_or_default(),
        name: customer.name.clone(),
        custom_data,
        locale: customer.locale.clone(),
    };
    let email_missing = customer.email.is_none();
    let errors = request.validate().map_err(|errors| {
        // A missing email was reported as `required` above; its empty stand-in is no news.
        let mut kept = crate::ValidationErrors::new();
        for violation in errors {
            if !(email_missing && violation.pointer() == "/email") {
                kept.push_violation(violation);
            }
        }
        kept
    });
    report.rules(errors, to_customer_pointer);
    Some(request)
}

/// A pointer into the create request → the pointer of the same value in the customer's JSON.
fn to_customer_pointer(pointer: &str) -> String {
    match pointer.strip_prefix("/custom_data") {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => format!("/metadata{rest}"),
        _ => pointer.to_owned(),
    }
}
