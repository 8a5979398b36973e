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

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{non_null, Api, Document, Report};
use crate::error::Violation;
use crate::{
    Customer, CustomerModel, CustomerPatch, Error, Mode, Page, Patch, RuleError, ValidationErrors,
};

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

/// Declares Mollie's locales once: the closed request enum, the open response enum, the list
/// of request locales and the conversion between the two enums.
macro_rules! mollie_locales {
    ($($variant:ident = $code:literal,)*) => {
        /// A locale Mollie accepts in requests: the 22 `ll_CC` values of the seed and the 9 that
        /// Mollie's current OpenAPI document adds (`cs_CZ`, `de_LU`, `el_GR`, `en_BE`, `en_NL`,
        /// `fr_LU`, `sk_SK`, `sl_SI`, `tr_TR`).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, CustomerModel)]
        pub enum Locale {
            $(
                #[doc = concat!("`", $code, "`")]
                #[serde(rename = $code)]
                $variant,
            )*
        }

        /// A locale in Mollie's responses: the values of [`Locale`], and any other value of the
        /// same `ll_CC` shape kept as it was sent (a locale Mollie added since). The shape is
        /// checked where a response is validated.
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, CustomerModel)]
        pub enum LocaleResponse {
            $(
                #[doc = concat!("`", $code, "`")]
                #[serde(rename = $code)]
                $variant,
            )*
            /// Any other value, kept as Mollie sent it.
            #[customer(other)]
            #[serde(untagged)]
            Other(String),
        }

        /// Mollie's request locales.
        const LOCALES: &[Locale] = &[$(Locale::$variant,)*];

        /// Every request locale, comma-separated, for messages.
        const LOCALE_LIST: &str = concat_list!($($code)*);

        impl From<Locale> for LocaleResponse {
            fn from(locale: Locale) -> Self {
                match locale {
                    $(Locale::$variant => LocaleResponse::$variant,)*
                }
            }
        }
    };
}

/// `"a, b, c"` from string literals.
macro_rules! concat_list {
    ($first:literal $($rest:literal)*) => {
        concat!($first $(, ", ", $rest)*)
    };
}

mollie_locales! {
    EnUs = "en_US",
    EnGb = "en_GB",
    NlNl = "nl_NL",
    NlBe = "nl_BE",
    DeDe = "de_DE",
    DeAt = "de_AT",
    DeCh = "de_CH",
    FrFr = "fr_FR",
    FrBe = "fr_BE",
    EsEs = "es_ES",
    CaEs = "ca_ES",
    PtPt = "pt_PT",
    ItIt = "it_IT",
    NbNo = "nb_NO",
    SvSe = "sv_SE",
    FiFi = "fi_FI",
    DaDk = "da_DK",
    IsIs = "is_IS",
    HuHu = "hu_HU",
    PlPl = "pl_PL",
    LvLv = "lv_LV",
    LtLt = "lt_LT",
    CsCz = "cs_CZ",
    DeLu = "de_LU",
    ElGr = "el_GR",
    EnBe = "en_BE",
    EnNl = "en_NL",
    FrLu = "fr_LU",
    SkSk = "sk_SK",
    SlSi = "sl_SI",
    TrTr = "tr_TR",
}

/// `nl_NL` → `nl-NL`.
fn to_bcp47(code: &str) -> String {
    code.replace('_', "-")
}

/// `true` when `tag` (BCP 47) and `code` (`ll_CC`) name the same locale, ignoring case.
fn same_locale(tag: &str, code: &str) -> bool {
    tag.len() == code.len()
        && tag
            .bytes()
            .zip(code.bytes())
            .all(|(t, c)| t.eq_ignore_ascii_case(&c) || (t == b'-' && c == b'_'))
}

impl Locale {
    /// The BCP 47 form, e.g. `nl-NL` for Mollie's `nl_NL`.
    #[must_use]
    pub fn to_bcp47(self) -> String {
        to_bcp47(self.as_str())
    }

    /// The request locale of a BCP 47 tag (`nl-NL`, compared ignoring case), if Mollie has one.
    /// A tag without a region (`nl`) has none: it could be `nl_NL` or `nl_BE`.
    #[must_use]
    pub fn from_bcp47(tag: &str) -> Option<Locale> {
        LOCALES
            .iter()
            .copied()
            .find(|locale| same_locale(tag, locale.as_str()))
    }
}

impl LocaleResponse {
    /// The BCP 47 form: `nl_NL` → `nl-NL`; any other value with `_` replaced by `-`.
    #[must_use]
    pub fn to_bcp47(&self) -> String {
        to_bcp47(self.as_str())
    }
}

/// Mollie metadata is a string, a number, an object or an array (or `null`), never a boolean.
/// Mollie's current OpenAPI document allows a number.
fn metadata_shape(value: &Value) -> Result<(), RuleError> {
    match value {
        Value::String(_) | Value::Number(_) | Value::Object(_) | Value::Array(_) | Value::Null => {
            Ok(())
        }
        Value::Bool(_) => Err(RuleError::new(
            "invalid_type",
            "must be a string, a number, an object or an array",
        )),
    }
}

/// A response locale of a value Mollie does not list (yet) must still have Mollie's shape:
/// two lowercase letters, `_`, two uppercase letters (`xx_YY`).
fn response_locale(locale: &LocaleResponse) -> Result<(), RuleError> {
    match locale {
        LocaleResponse::Other(code) if !is_ll_cc(code) => Err(RuleError::new(
            "locale",
            "must be a Mollie locale of the form `ll_CC`, such as `en_US` or `nl_NL`",
        )),
        _ => Ok(()),
    }
}

/// `true` for two lowercase ASCII letters, `_`, two uppercase ASCII letters.
fn is_ll_cc(code: &str) -> bool {
    matches!(
        code.as_bytes(),
        [a, b, b'_', c, d]
            if a.is_ascii_lowercase()
                && b.is_ascii_lowercase()
                && c.is_ascii_uppercase()
                && d.is_ascii_uppercase()
    )
}

/// A request locale → its BCP 47 form.
fn request_locale(locale: Option<Locale>) -> Option<String> {
    locale.map(Locale::to_bcp47)
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
    report.rules(request.validate(), super::same_pointer);
    Some(request)
}

// ---------------------------------------------------------------------------------------------
// Updates, list pages and errors.

/// Mollie's update-customer request body (`PATCH /v2/customers/{id}`). Every key is optional;
/// `name`, `email`, `locale` and `metadata` may be `null` to clear them (Mollie's OpenAPI document
/// marks them nullable), `testmode` may not.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct UpdateCustomerRequest {
    /// The full name.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub name: Patch<String>,
    /// The email address.
    #[customer(email)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub email: Patch<String>,
    /// The language of the hosted payment pages: one of [`Locale`].
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub locale: Patch<Locale>,
    /// The merchant's data: a string, a number, an object or an array of at most 1024 bytes.
    #[customer(metadata(max_bytes = 1024), custom = metadata_shape)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub metadata: Patch<Value>,
    /// With an organization access token: `true` to update a test-mode customer. A flag of the
    /// request, not customer data: it is not carried into [`CustomerPatch`].
    #[customer(required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub testmode: Patch<bool>,
}

impl From<UpdateCustomerRequest> for CustomerPatch {
    fn from(request: UpdateCustomerRequest) -> Self {
        CustomerPatch {
            name: request.name,
            email: request.email,
            locale: request.locale.map(Locale::to_bcp47),
            metadata: request.metadata,
            ..CustomerPatch::default()
        }
    }
}

/// One page of Mollie's list of customers (`GET /v2/customers`), in HAL form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct CustomerList {
    /// The number of customers in this page.
    pub count: u64,
    /// The customers.
    #[customer(nested)]
    #[serde(rename = "_embedded")]
    pub embedded: EmbeddedCustomers,
    /// Links to this page, the previous and the next (`null` on the last page).
    #[customer(nested)]
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<ListLinks>,
}

/// The `_embedded` of a list page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct EmbeddedCustomers {
    /// The customers, each read as a [`GetCustomerResponse`].
    #[customer(nested)]
    pub customers: Vec<GetCustomerResponse>,
}

/// The `_links` of a list page; each member optional and nullable.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
pub struct ListLinks {
    /// This page.
    #[customer(nested)]
    #[serde(
        rename = "self",
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub self_link: Option<Option<Link>>,
    /// The previous page (`null` on the first).
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub previous: Option<Option<Link>>,
    /// The next page (`null` on the last).
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub next: Option<Option<Link>>,
    /// The documentation of the endpoint.
    #[customer(nested)]
    #[serde(
        default,
        deserialize_with = "super::nullable::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub documentation: Option<Option<Link>>,
}

impl From<CustomerList> for Page {
    fn from(list: CustomerList) -> Self {
        let next = list
            .links
            .and_then(|links| links.next.flatten())
            .map(|link| link.href);
        Page {
            customers: list
                .embedded
                .customers
                .into_iter()
                .map(Customer::from)
                .collect(),
            next,
        }
    }
}

/// Mollie's error response (`application/hal+json`, RFC 7807 style).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct ErrorResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The HTTP reason phrase, e.g. `Unprocessable Entity`.
    pub title: String,
    /// What went wrong, in Mollie's words. Not copied into a report: it may quote the value.
    pub detail: String,
    /// The request field the error is about, when there is one (`email`, `amount.value`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Links to the documentation.
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Value>,
}

pub(super) fn decode_update(document: &Document<'_>) -> Result<CustomerPatch, Error> {
    Ok(document.parse::<UpdateCustomerRequest>()?.into())
}

pub(super) fn decode_list(document: &Document<'_>) -> Result<Page, Error> {
    Ok(document.parse::<CustomerList>()?.into())
}

pub(super) fn decode_error(document: &Document<'_>) -> Result<ValidationErrors, Error> {
    let response = document.parse::<ErrorResponse>()?;
    let pointer = response
        .field
        .as_deref()
        .map(super::field_pointer)
        .unwrap_or_default();
    Ok(ValidationErrors::from(Violation::new(
        pointer,
        super::rejected(Api::Mollie)
            .with_message("{api} refused this value (HTTP {status})")
            .with_param("status", crate::Param::UInt(u64::from(response.status))),
    )))
}

pub(super) fn encode_update(
    patch: &CustomerPatch,
    report: &mut Report,
) -> Option<UpdateCustomerRequest> {
    let locale = match &patch.locale {
        Patch::Value(tag) => match Locale::from_bcp47(tag) {
            Some(locale) => Patch::Value(locale),
            None => {
                report.cannot_hold_with("/locale", locale_error());
                Patch::Absent
            }
        },
        Patch::Null => Patch::Null,
        Patch::Absent => Patch::Absent,
    };
    report.no_place("/phone", !patch.phone.is_absent());
    report.no_place("/country", !patch.country.is_absent());
    report.no_place("/billing_addresses", !patch.billing_addresses.is_absent());
    report.no_place("/shipping_addresses", !patch.shipping_addresses.is_absent());
    report.no_place("/status", !patch.status.is_absent());
    report.no_place("/external_id", !patch.external_id.is_absent());
    let request = UpdateCustomerRequest {
        name: patch.name.clone(),
        email: patch.email.clone(),
        locale,
        metadata: match &patch.metadata {
            Patch::Value(Value::Null) => Patch::Null,
            other => other.clone(),
        },
        testmode: Patch::Absent,
    };
    report.rules(request.validate(), super::same_pointer);
    Some(request)
}

fn locale_error() -> RuleError {
    RuleError::new(
        "locale",
        "is not a locale Mollie lists; Mollie takes one of {allowed} (BCP 47 `nl-NL` is Mollie's `nl_NL`)",
    )
    .with_param(
        "allowed",
        crate::Param::Str(std::borrow::Cow::Borrowed(LOCALE_LIST)),
    )
}
