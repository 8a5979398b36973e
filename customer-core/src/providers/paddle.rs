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
//!
//! Leniencies, because real documents vary: `created_at` and `updated_at` may be left out of a
//! customer entity (read as absent: a customer embedded in a transaction, as Paddle's sandbox
//! sends it with `include=customer`, has neither); `import_meta` and `custom_data` may be left
//! out (read as `null`): Paddle's SDKs' get and list fixtures, its `customer.created`
//! and `customer.updated` webhook simulations and customers embedded in transactions omit
//! `import_meta`, one notification omits `custom_data`, and Paddle's own Node SDK reads a missing
//! `import_meta` as `null`.

use crate::rules::locale::canonical_case;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{metadata_object, Api, Document, Report};
use crate::error::Violation;
pub use crate::Status;
use crate::{
    Customer as Canonical, CustomerModel, CustomerPatch, Error, Page, Patch, ValidationErrors,
};

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
    /// The merchant's structured data: an object or `null` (`null` when left out).
    #[serde(default)]
    pub custom_data: Option<Map<String, Value>>,
    /// A BCP 47 short form locale; `en` when omitted.
    #[customer(locale(short))]
    #[serde(default = "default_locale")]
    pub locale: String,
    /// When the customer was created (RFC 3339). Left out of a customer embedded in another
    /// entity (a transaction's `customer`), where Paddle's schema requires no property.
    #[customer(timestamp)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
    /// When the customer was last updated (RFC 3339); left out where `created_at` is.
    #[customer(timestamp)]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
    /// Where the customer was imported from: `null` (or left out) when not imported.
    #[customer(nested)]
    #[serde(default)]
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
    #[customer(maps_to = "metadata", with = super::object_value)]
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
            created_at: customer.created_at,
            updated_at: customer.updated_at,
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
    O: From<Notification> + From<CustomerResponse> + From<Customer> + From<CreateCustomerRequest>,
{
    if document.has("event_type") {
        Ok(document.parse::<Notification>()?.into())
    } else if document.has("data") {
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
        locale: customer.locale.as_deref().map(canonical_case),
    };
    let email_missing = customer.email.is_none();
    let errors = crate::model::validate_all(&request).map_err(|errors| {
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

// ---------------------------------------------------------------------------------------------
// Notifications, updates, list pages and errors.

/// A Paddle webhook notification about a customer, told apart by its `event_type`
/// (`customer.created`, `customer.updated`, `customer.imported`): an enum internally tagged on
/// `event_type`, each variant the same [`CustomerEvent`] (the event's members beside the tag).
/// Any other `event_type` is refused with one violation at `/event_type` that lists these three.
///
/// The members every notification has are methods, so that no caller needs a `match` for them:
///
/// ```
/// use customer_core::providers::paddle::Notification;
///
/// let json = r#"{"event_id": "evt_01h8441jx8x2q6bgz7etstz4sq", "event_type": "customer.updated",
///     "occurred_at": "2023-08-21T11:57:47.390028Z", "data": {"id": "ctm_01h8441jn5pcwrfhwh78jqt8hk",
///     "name": null, "email": "jo@example.com", "marketing_consent": false, "status": "active",
///     "custom_data": null, "locale": "en"}}"#;
/// let notification: Notification = serde_json::from_str(json)?;
/// assert!(matches!(notification, Notification::Updated(_)));
/// assert_eq!(notification.event_type(), "customer.updated");
/// assert_eq!(notification.occurred_at(), "2023-08-21T11:57:47.390028Z");
/// assert_eq!(notification.customer().email, "jo@example.com");
/// # Ok::<(), serde_json::Error>(())
/// ```
///
/// serde writes it as the attributes say (`tag = "event_type"`), and the derive reports by them;
/// it is read by a `Deserialize` of this module that reads the same documents in one pass:
/// serde's derived reading of an internally tagged enum first copies the whole document into a
/// buffer to find the tag (about a fifth more instructions per `Api::decode` of a notification).
#[derive(Clone, Debug, PartialEq, Serialize, CustomerModel)]
#[serde(tag = "event_type")]
pub enum Notification {
    /// `customer.created`: a customer was created.
    #[serde(rename = "customer.created")]
    Created(#[customer(nested)] CustomerEvent),
    /// `customer.updated`: a customer was updated.
    #[serde(rename = "customer.updated")]
    Updated(#[customer(nested)] CustomerEvent),
    /// `customer.imported`: a customer was imported (from another billing platform).
    #[serde(rename = "customer.imported")]
    Imported(#[customer(nested)] CustomerEvent),
}

/// The members of a customer notification beside its `event_type`: the event's ids, its time
/// and the customer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct CustomerEvent {
    /// The event's ID, `evt_…`.
    #[customer(pattern = "^evt_[a-z\\d]{26}$")]
    pub event_id: String,
    /// When it happened (RFC 3339).
    #[customer(timestamp)]
    pub occurred_at: String,
    /// The notification's ID, `ntf_…` (absent in simulations and in the event entity).
    #[customer(pattern = "^ntf_[a-z\\d]{26}$")]
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_id: Option<String>,
    /// The customer as it is after the event.
    #[customer(nested)]
    pub data: Customer,
}

/// A notification as it is on the wire: the tag among the event's members, read in one pass.
#[derive(Deserialize)]
#[serde(rename = "Notification")]
struct NotificationWire {
    event_type: EventType,
    event_id: String,
    occurred_at: String,
    #[serde(default)]
    notification_id: Option<String>,
    data: Customer,
}

/// The `event_type` of a [`NotificationWire`].
#[derive(Clone, Copy, Deserialize)]
#[serde(rename = "Notification")]
enum EventType {
    #[serde(rename = "customer.created")]
    Created,
    #[serde(rename = "customer.updated")]
    Updated,
    #[serde(rename = "customer.imported")]
    Imported,
}

impl<'de> Deserialize<'de> for Notification {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = NotificationWire::deserialize(deserializer)?;
        let event = CustomerEvent {
            event_id: wire.event_id,
            occurred_at: wire.occurred_at,
            notification_id: wire.notification_id,
            data: wire.data,
        };
        Ok(match wire.event_type {
            EventType::Created => Notification::Created(event),
            EventType::Updated => Notification::Updated(event),
            EventType::Imported => Notification::Imported(event),
        })
    }
}

impl Notification {
    /// The `event_type`s of customer notifications, as [`Notification`] reads them.
    pub const EVENT_TYPES: [&'static str; 3] =
        ["customer.created", "customer.updated", "customer.imported"];

    /// The event, whichever its type.
    #[must_use]
    pub fn event(&self) -> &CustomerEvent {
        match self {
            Notification::Created(event)
            | Notification::Updated(event)
            | Notification::Imported(event) => event,
        }
    }

    /// The event, whichever its type, by value.
    #[must_use]
    pub fn into_event(self) -> CustomerEvent {
        match self {
            Notification::Created(event)
            | Notification::Updated(event)
            | Notification::Imported(event) => event,
        }
    }

    /// The `event_type` as Paddle writes it (`customer.created`, ...).
    #[must_use]
    pub fn event_type(&self) -> &'static str {
        match self {
            Notification::Created(_) => Self::EVENT_TYPES[0],
            Notification::Updated(_) => Self::EVENT_TYPES[1],
            Notification::Imported(_) => Self::EVENT_TYPES[2],
        }
    }

    /// The event's ID, `evt_…`.
    #[must_use]
    pub fn event_id(&self) -> &str {
        &self.event().event_id
    }

    /// When it happened (RFC 3339).
    #[must_use]
    pub fn occurred_at(&self) -> &str {
        &self.event().occurred_at
    }

    /// The notification's ID, `ntf_…`, when there is one.
    #[must_use]
    pub fn notification_id(&self) -> Option<&str> {
        self.event().notification_id.as_deref()
    }

    /// The customer as it is after the event.
    #[must_use]
    pub fn customer(&self) -> &Customer {
        &self.event().data
    }
}

impl From<CustomerEvent> for Canonical {
    fn from(event: CustomerEvent) -> Self {
        event.data.into()
    }
}

impl From<Notification> for Canonical {
    fn from(notification: Notification) -> Self {
        notification.into_event().into()
    }
}

/// Paddle's update-customer request body (`PATCH /customers/{customer_id}`). Every key is
/// optional; `name` and `custom_data` may be `null` to clear them, `email`, `status` and `locale`
/// may not. Keys other than these five are refused.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[serde(deny_unknown_fields)]
pub struct UpdateCustomerRequest {
    /// The full name, at most 1024 characters.
    #[customer(length(max = 1024))]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub name: Patch<String>,
    /// The email address: 1 to 320 ASCII characters.
    #[customer(email(ascii), length(min = 1, max = 320), required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub email: Patch<String>,
    /// Whether the customer can be used.
    #[customer(required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub status: Patch<Status>,
    /// The merchant's structured data: an object.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub custom_data: Patch<Map<String, Value>>,
    /// A BCP 47 short form locale.
    #[customer(locale(short), required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub locale: Patch<String>,
}

impl From<UpdateCustomerRequest> for CustomerPatch {
    fn from(request: UpdateCustomerRequest) -> Self {
        CustomerPatch {
            name: request.name,
            email: request.email,
            status: request.status,
            metadata: request.custom_data.map(Value::Object),
            locale: request.locale,
            ..CustomerPatch::default()
        }
    }
}

/// One page of Paddle's list of customers (`GET /customers`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct CustomerList {
    /// The customers.
    #[customer(nested)]
    pub data: Vec<Customer>,
    /// Information about the response and the pagination.
    #[customer(nested)]
    pub meta: ListMeta,
}

/// The `meta` of a list response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct ListMeta {
    /// The ID of the request, for Paddle's support.
    pub request_id: String,
    /// Where this page is in the list.
    #[customer(nested)]
    pub pagination: Pagination,
}

/// Paddle's cursor pagination.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct Pagination {
    /// The page size asked for.
    pub per_page: u64,
    /// The URL of the next page (given on the last page too; see `has_more`).
    #[customer(url)]
    pub next: String,
    /// Whether there are more customers after this page.
    pub has_more: bool,
    /// An estimate of the number of customers in the whole list.
    pub estimated_total: u64,
}

impl From<CustomerList> for Page {
    fn from(list: CustomerList) -> Self {
        let pagination = list.meta.pagination;
        Page {
            customers: list.data.into_iter().map(Canonical::from).collect(),
            next: pagination.has_more.then_some(pagination.next),
        }
    }
}

/// Paddle's error response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct ErrorResponse {
    /// The error.
    #[customer(nested)]
    pub error: ErrorBody,
    /// Information about the response.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<Value>,
}

/// The `error` of Paddle's error response.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct ErrorBody {
    /// `request_error` or `api_error`.
    #[serde(rename = "type")]
    pub kind: String,
    /// A stable short code, e.g. `bad_request`, `invalid_field`, `customer_already_exists`.
    pub code: String,
    /// What went wrong, in Paddle's words. Not copied into a report: it may quote a value.
    pub detail: String,
    /// The page of Paddle's documentation about the code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documentation_url: Option<String>,
    /// One entry per field Paddle refused.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One refused field of Paddle's error response.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct FieldError {
    /// The field, e.g. `email` or `items[0].price_id`.
    pub field: String,
    /// What is wrong with it, in Paddle's words. Not copied into a report.
    pub message: String,
}

pub(super) fn decode_update(document: &Document<'_>) -> Result<CustomerPatch, Error> {
    Ok(document.parse::<UpdateCustomerRequest>()?.into())
}

pub(super) fn decode_list(document: &Document<'_>) -> Result<Page, Error> {
    Ok(document.parse::<CustomerList>()?.into())
}

pub(super) fn decode_error(document: &Document<'_>) -> Result<ValidationErrors, Error> {
    let ErrorResponse { error, .. } = document.parse::<ErrorResponse>()?;
    let code = safe_code(&error.code);
    let rule = || {
        super::rejected(Api::Paddle)
            .with_message("{api} refused this value (`{provider_code}`)")
            .with_param("provider_code", crate::Param::Str(code.clone().into()))
    };
    let mut report = ValidationErrors::new();
    for field in &error.errors {
        report.push_violation(Violation::new(super::field_pointer(&field.field), rule()));
    }
    if report.is_empty() {
        report.push_violation(Violation::new("", rule()));
    }
    Ok(report)
}

/// Paddle's error code as it is when it is a short snake_case word (its documented form),
/// otherwise `unknown`: a code is copied into reports, so it must not be able to carry data.
fn safe_code(code: &str) -> String {
    let plain = !code.is_empty()
        && code.len() <= 64
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if plain { code } else { "unknown" }.to_owned()
}

pub(super) fn encode_update(
    patch: &CustomerPatch,
    report: &mut Report,
) -> Option<UpdateCustomerRequest> {
    report.no_place("/phone", !patch.phone.is_absent());
    report.no_place("/country", !patch.country.is_absent());
    report.no_place("/billing_addresses", !patch.billing_addresses.is_absent());
    report.no_place("/shipping_addresses", !patch.shipping_addresses.is_absent());
    report.no_place("/external_id", !patch.external_id.is_absent());
    let custom_data = match &patch.metadata {
        Patch::Absent => Patch::Absent,
        Patch::Null | Patch::Value(Value::Null) => Patch::Null,
        Patch::Value(value) => match metadata_object(value) {
            Ok(object) => Patch::Value(object),
            Err((pointer, message)) => {
                report.cannot_hold(&format!("/metadata{pointer}"), message);
                Patch::Absent
            }
        },
    };
    let request = UpdateCustomerRequest {
        name: patch.name.clone(),
        email: report.not_null("/email", &patch.email),
        status: report.not_null("/status", &patch.status),
        custom_data,
        locale: report
            .not_null("/locale", &patch.locale)
            .map(|locale| canonical_case(&locale)),
    };
    report.rules(crate::model::validate_all(&request), to_customer_pointer);
    Some(request)
}

/// Paddle's line in the table of providers.
pub(crate) struct Paddle;

impl super::Provider for Paddle {
    const NAME: &'static str = "paddle";
    const TITLE: &'static str = "Paddle";
    const WEBHOOK_EVENTS: &'static [&'static str] = &Notification::EVENT_TYPES;

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

    fn decode_list(document: &Document<'_>) -> Result<Page, Error> {
        decode_list(document)
    }

    fn decode_error(document: &Document<'_>) -> Result<ValidationErrors, Error> {
        decode_error(document)
    }

    #[cfg(feature = "schemars")]
    fn shapes(g: &mut schemars::SchemaGenerator) -> Vec<schemars::Schema> {
        // Guarded as `decode` chooses: a notification by `event_type`, an envelope by `data`, an
        // entity by one of ENTITY_KEYS, a request by none of these.
        use super::guarded;
        let request = [&["event_type", "data"][..], &ENTITY_KEYS].concat();
        vec![
            guarded::<Notification>(g, &[], &[]),
            guarded::<CustomerResponse>(g, &["event_type"], &[]),
            guarded::<Customer>(g, &["event_type", "data"], &ENTITY_KEYS),
            guarded::<CreateCustomerRequest>(g, &request, &[]),
        ]
    }

    #[cfg(feature = "schemars")]
    fn update_shape(g: &mut schemars::SchemaGenerator) -> Option<schemars::Schema> {
        Some(super::guarded_update::<UpdateCustomerRequest>(g))
    }
}
