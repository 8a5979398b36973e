//! The customer shapes of the payment APIs we model, one module per API, and [`Api`].
//!
//! Each module holds the API's annotated types (`#[derive(CustomerModel)]`, the API's rules on
//! the fields) and the conversions to and from the canonical [`Customer`]:
//!
//! | API | module | shapes [`Api::decode`] reads | what [`Api::encode`] writes |
//! | --- | --- | --- | --- |
//! | `mollie` | [`mollie`] | create response, get response, create request | create request: `name`, `email`, `locale`, `metadata` |
//! | `tazapay` | [`tazapay`] | `{status, message, data}` envelope, bare customer, create request | create request: `name`, `email`, `country`, `reference_id`, `phone`, `billing_address`, `shipping_address`, `metadata` (a JSON string) |
//! | `paddle` | [`paddle`] | `{data, meta}` envelope, bare customer entity, create request | create request: `email`, `name`, `locale`, `custom_data` |
//! | `legit` | [`legit`] | `CreateCustomer` body | `CreateCustomer` body: `name`, `email`, `custom_identifier`, `metadata` (a JSON string) |
//!
//! The request bodies convert to [`Customer`] with the derive's `#[customer(into = Customer)]`
//! (fields mapped by name, `rename` and `with` where the names or forms differ). The responses
//! and envelopes convert by hand: an envelope is structural, Paddle's `import_meta` fills two
//! fields, and fields that are validated but not carried over (`resource`, `object`, `_links`)
//! cannot be left out of a derived conversion without also leaving their rules out.
//!
//! # Decoding
//!
//! The shape is told from the keys of the top-level object: an envelope by its `data` key, a
//! response entity by a key only responses carry (`id`, `resource`, `mode`, `_links`, ...), and
//! anything else is read as the API's create request. The document is then read and validated
//! by that shape's rules, and every violation is reported with its JSON Pointer into the given
//! document (`/data/email` inside an envelope). A shape error (a missing key, a wrong type) stops
//! the reading at the first one, as serde does; rule violations are all reported together.
//!
//! # Encoding
//!
//! [`Api::encode`] first validates the customer by its own, provider-neutral rules
//! ([`Error::Invalid`]), then writes the API's create-customer body. What the API assigns itself
//! is not part of a create body and is dropped by design: `id`, `mode`, `status`,
//! `created_at`, `updated_at`, Mollie's links and events, Paddle's `marketing_consent` (set by
//! Paddle's checkout) and `imported_from` (set by Paddle's imports).
//!
//! Of the customer's own data (name, email, locale, phone, country, addresses, metadata, external
//! identifier) nothing is dropped silently: when the target has no place for a value the
//! customer has, or cannot hold it, or needs a value the customer lacks, the result is
//! [`Error::Unrepresentable`] with one violation per value, at its pointer into the customer's
//! JSON (`/locale`, `/billing_addresses`, `/metadata/1/key`). Code `unrepresentable` means "no
//! place for it": clear the field (`customer.phone = None`) to encode without it, knowingly,
//! or ask [`Api::encode_lossy`] to clear each such value and list what it left out
//! ([`Encoded::dropped`]); a value the target needs and lacks is an error either way.
//!
//! Metadata is kept as the JSON value the API gave. Where the target wants an object (Tazapay,
//! Paddle) a list of `{key, value}` entries with distinct keys (Legit's form) becomes an object;
//! where it wants such a list (Legit), an object whose values are strings, numbers or booleans
//! becomes one, in key order. Mollie takes a string, an object or an array as they are.
//! Locales are BCP 47 in the customer; Mollie's `nl_NL` is `nl-NL` there and back.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use serde_json::{Map, Value};

use crate::error::{Param, RuleError, ValidationErrors, Violation};
use crate::{Customer, CustomerModel, CustomerPatch, Error, Page};

mod check;
pub mod legit;
mod lossy;
pub mod mollie;
pub mod paddle;
pub mod tazapay;

pub use lossy::Encoded;

/// The APIs whose customer shapes are modelled, named by their lowercase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Api {
    /// Mollie customers (seeds 000, 001).
    Mollie,
    /// Tazapay customers (seed 002).
    Tazapay,
    /// Paddle Billing customers (seed 003).
    Paddle,
    /// The `CreateCustomer` body of seed 004.
    Legit,
}

impl Api {
    /// Every API, in a stable order.
    pub const ALL: [Api; 4] = [Api::Mollie, Api::Tazapay, Api::Paddle, Api::Legit];

    /// The lowercase name (`mollie`, `tazapay`, `paddle`, `legit`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Api::Mollie => "mollie",
            Api::Tazapay => "tazapay",
            Api::Paddle => "paddle",
            Api::Legit => "legit",
        }
    }

    /// The API's name as people write it (`Mollie`), for messages.
    const fn title(self) -> &'static str {
        match self {
            Api::Mollie => "Mollie",
            Api::Tazapay => "Tazapay",
            Api::Paddle => "Paddle",
            Api::Legit => "Legit",
        }
    }

    /// Reads any customer shape this API's documentation shows (bare or in the API's envelope),
    /// validates it by the API's rules and converts it to a [`Customer`].
    ///
    /// Every violation is reported with its JSON Pointer into `json`; see the
    /// [module documentation](self) for how the shape is chosen.
    pub fn decode(&self, json: &str) -> Result<Customer, Error> {
        let document = Document::read(json)?;
        match self {
            Api::Mollie => mollie::decode::<Customer>(&document),
            Api::Tazapay => tazapay::decode::<Customer>(&document),
            Api::Paddle => paddle::decode::<Customer>(&document),
            Api::Legit => legit::decode::<Customer>(&document),
        }
    }

    /// This API's create-customer request body for `customer`, as compact JSON.
    ///
    /// [`Error::Invalid`] when the customer breaks its own rules; [`Error::Unrepresentable`]
    /// listing every value this API cannot hold or needs, at its pointer into the customer's
    /// JSON. See the [module documentation](self) for what is mapped and what is dropped.
    pub fn encode(&self, customer: &Customer) -> Result<String, Error> {
        customer.validate().map_err(Error::Invalid)?;
        let mut report = Report::new(*self);
        let body = match self {
            Api::Mollie => mollie::encode(customer, &mut report).and_then(to_json),
            Api::Tazapay => tazapay::encode(customer, &mut report).and_then(to_json),
            Api::Paddle => paddle::encode(customer, &mut report).and_then(to_json),
            Api::Legit => legit::encode(customer, &mut report).and_then(to_json),
        };
        report.finish()?;
        body.ok_or_else(|| {
            Error::Unrepresentable(ValidationErrors::from(Violation::new(
                "",
                RuleError::new("unrepresentable", "could not be written as JSON"),
            )))
        })
    }
}

impl Api {
    /// Reads this API's update-customer request body (Mollie's and Paddle's `PATCH`, Tazapay's
    /// `PUT`), validates it by the API's rules and converts it to a [`CustomerPatch`]: a key left
    /// out is [`Patch::Absent`](crate::Patch::Absent), a `null` is
    /// [`Patch::Null`](crate::Patch::Null) (refused where the API cannot clear the field).
    ///
    /// Legit has no update request: [`Error::Unrepresentable`] at `""`.
    pub fn decode_update(&self, json: &str) -> Result<CustomerPatch, Error> {
        let document = Document::read(json)?;
        match self {
            Api::Mollie => mollie::decode_update(&document),
            Api::Tazapay => tazapay::decode_update(&document),
            Api::Paddle => paddle::decode_update(&document),
            Api::Legit => Err(self.has_no("update-customer request")),
        }
    }

    /// This API's update-customer request body for `patch`, as compact JSON: absent fields are
    /// left out, null fields written as `null`.
    ///
    /// [`Error::Invalid`] when the patch breaks its own rules; [`Error::Unrepresentable`]
    /// listing every field this API's update cannot carry (set or cleared), cannot clear, or
    /// cannot hold, at its pointer into the patch's JSON. Legit has no update request.
    pub fn encode_update(&self, patch: &CustomerPatch) -> Result<String, Error> {
        patch.validate().map_err(Error::Invalid)?;
        let mut report = Report::for_update(*self);
        let body = match self {
            Api::Mollie => mollie::encode_update(patch, &mut report).and_then(to_json),
            Api::Tazapay => tazapay::encode_update(patch, &mut report).and_then(to_json),
            Api::Paddle => paddle::encode_update(patch, &mut report).and_then(to_json),
            Api::Legit => return Err(self.has_no("update-customer request")),
        };
        report.finish()?;
        body.ok_or_else(|| {
            Error::Unrepresentable(ValidationErrors::from(Violation::new(
                "",
                RuleError::new("unrepresentable", "could not be written as JSON"),
            )))
        })
    }

    /// Reads one page of this API's list of customers: Mollie's HAL list (`count`,
    /// `_embedded.customers`, `_links.next`) or Paddle's `{data: [...], meta: {request_id,
    /// pagination}}`. Every customer is validated by the API's rules, each violation at its
    /// pointer into the page (`/_embedded/customers/3/email`, `/data/3/email`).
    /// [`Page::next`] is the URL of the next page, `None` on the last.
    ///
    /// Tazapay and Legit have no list response: [`Error::Unrepresentable`] at `""`.
    pub fn decode_list(&self, json: &str) -> Result<Page, Error> {
        let document = Document::read(json)?;
        match self {
            Api::Mollie => mollie::decode_list(&document),
            Api::Paddle => paddle::decode_list(&document),
            Api::Tazapay | Api::Legit => Err(self.has_no("list-customers response")),
        }
    }

    /// Reads this API's error response into a report a backend can pass on to its own client:
    /// one violation per field the API names, at the JSON Pointer of that field in the request
    /// body (Mollie's `field` `billingAddress.city` → `/billingAddress/city`; Paddle's
    /// `errors[].field`), or at `""` when the API names none. Code `rejected`.
    ///
    /// Only the API's vocabulary is copied: field names, the HTTP status (Mollie), Paddle's error
    /// `code`, Tazapay's numeric error codes. The free-text `detail` / `message` / `remarks` are
    /// not: they may quote the rejected value, which is personal data.
    ///
    /// `Err` when `json` is not this API's error response; Legit documents none.
    pub fn decode_error(&self, json: &str) -> Result<ValidationErrors, Error> {
        let document = Document::read(json)?;
        match self {
            Api::Mollie => mollie::decode_error(&document),
            Api::Tazapay => tazapay::decode_error(&document),
            Api::Paddle => paddle::decode_error(&document),
            Api::Legit => Err(self.has_no("documented error response")),
        }
    }

    /// The error of a shape this API does not have.
    fn has_no(self, what: &'static str) -> Error {
        Error::Unrepresentable(ValidationErrors::from(Violation::new(
            "",
            RuleError::new("unsupported", "{api} has no {what}")
                .with_param("api", Param::Str(self.title().into()))
                .with_param("what", Param::Str(what.into())),
        )))
    }
}

/// The violation of a value an API refused, as its error response says.
pub(crate) fn rejected(api: Api) -> RuleError {
    RuleError::new("rejected", "{api} refused this value")
        .with_param("api", Param::Str(api.title().into()))
}

/// A provider's name of a request field (`billingAddress.city`, `items[0].price_id`,
/// `custom_data.key`) → its JSON Pointer (`/billingAddress/city`, `/items/0/price_id`).
pub(crate) fn field_pointer(field: &str) -> String {
    let mut pointer = String::new();
    if field.is_empty() || field == "(root)" {
        return pointer;
    }
    for part in field.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(at) => part.split_at(at),
            None => (part, ""),
        };
        if !name.is_empty() {
            crate::error::push_key(&mut pointer, name);
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(end) = inner.find(']') else {
                crate::error::push_key(&mut pointer, rest);
                break;
            };
            crate::error::push_key(&mut pointer, &inner[..end]);
            rest = &inner[end + 1..];
        }
    }
    pointer
}

#[cfg(feature = "schemars")]
impl Api {
    /// The JSON Schema (2020-12) of the documents [`Api::decode`] reads for this API: any one of
    /// its shapes (`anyOf`), each with the API's rules as keywords (feature `schemars`).
    #[must_use]
    pub fn json_schema(&self) -> schemars::Schema {
        crate::schema::shapes(&format!("{} customer", self.title()), |g| self.shapes(g))
    }

    /// The schemas of the shapes [`Api::decode`] reads, each a `$ref` into `generator`'s
    /// definitions: for a document that describes several APIs (an OpenAPI document).
    pub fn shapes(&self, generator: &mut schemars::SchemaGenerator) -> Vec<schemars::Schema> {
        let g = generator;
        match self {
            Api::Mollie => vec![
                g.subschema_for::<mollie::CreateCustomerResponse>(),
                g.subschema_for::<mollie::GetCustomerResponse>(),
                g.subschema_for::<mollie::CreateCustomerRequest>(),
            ],
            Api::Tazapay => vec![
                g.subschema_for::<tazapay::CustomerResponse>(),
                g.subschema_for::<tazapay::Customer>(),
                g.subschema_for::<tazapay::CreateCustomerRequest>(),
            ],
            Api::Paddle => vec![
                g.subschema_for::<paddle::Notification>(),
                g.subschema_for::<paddle::CustomerResponse>(),
                g.subschema_for::<paddle::Customer>(),
                g.subschema_for::<paddle::CreateCustomerRequest>(),
            ],
            Api::Legit => vec![g.subschema_for::<legit::CreateCustomer>()],
        }
    }

    /// The schema of the update-customer body [`Api::decode_update`] reads, a `$ref` into
    /// `generator`'s definitions; `None` for Legit, which has none.
    pub fn update_shape(
        &self,
        generator: &mut schemars::SchemaGenerator,
    ) -> Option<schemars::Schema> {
        match self {
            Api::Mollie => Some(generator.subschema_for::<mollie::UpdateCustomerRequest>()),
            Api::Tazapay => Some(generator.subschema_for::<tazapay::UpdateCustomerRequest>()),
            Api::Paddle => Some(generator.subschema_for::<paddle::UpdateCustomerRequest>()),
            Api::Legit => None,
        }
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The error of parsing an unknown API name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownApi;

impl fmt::Display for UnknownApi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unknown API: expected one of mollie, tazapay, paddle, legit")
    }
}

impl std::error::Error for UnknownApi {}

impl FromStr for Api {
    type Err = UnknownApi;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Api::ALL
            .into_iter()
            .find(|api| api.as_str() == s)
            .ok_or(UnknownApi)
    }
}

// ---------------------------------------------------------------------------------------------
// Reading documents.

/// A JSON document whose top level is an object, with its keys, for telling its shape.
pub(crate) struct Document<'a> {
    json: &'a str,
    keys: Vec<Cow<'a, str>>,
    /// In [`Api::check`]'s one-pass reading: the keys are guessed, and checked while the
    /// document is read (see `check.rs`).
    guess: Option<&'a check::Guess>,
}

/// The member names of a top-level JSON object; the values are skipped without being built,
/// and a name without escapes is borrowed from the text, so that telling the shape of a
/// document allocates nothing but the list.
struct TopKeys<'a>(Vec<Cow<'a, str>>);

impl crate::json::Shape for TopKeys<'_> {
    fn __shape(
        node: &crate::shape::Node,
        path: &crate::Path<'_>,
        report: &mut crate::shape::Report,
        _: bool,
    ) -> bool {
        if let crate::shape::Node::Object(_) = node {
            true
        } else {
            crate::shape::invalid_type(report, path, node, crate::shape::Expected::Object);
            false
        }
    }
}

/// One member name, borrowed from the text where it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(key)))
            }
            fn visit_str<E>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(key.to_owned())))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl<'de> serde::Deserialize<'de> for TopKeys<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = TopKeys<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<TopKeys<'de>, A::Error> {
                let mut keys = Vec::new();
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    map.next_value::<serde::de::IgnoredAny>()?;
                    keys.push(key);
                }
                Ok(TopKeys(keys))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

impl<'a> Document<'a> {
    /// Reads the top-level member names of `json`; any top level other than an object is an
    /// `invalid_type` violation at `""`.
    fn read(json: &'a str) -> Result<Self, Error> {
        let TopKeys(keys) = crate::json::from_str(json)?;
        Ok(Document {
            json,
            keys,
            guess: None,
        })
    }

    /// `true` when the top-level object has `key`.
    pub(crate) fn has(&self, key: &str) -> bool {
        if let Some(guess) = self.guess {
            return guess.has(key);
        }
        self.keys.iter().any(|k| k == key)
    }

    /// `true` when the top-level object has any of `keys`.
    pub(crate) fn has_any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|key| self.has(key))
    }

    /// Reads the document into `T` and validates it: every shape error and rule violation, each
    /// at its pointer into the document.
    pub(crate) fn parse<T>(&self) -> Result<T, Error>
    where
        T: serde::de::DeserializeOwned + CustomerModel + crate::json::Shape,
    {
        if let Some(guess) = self.guess {
            let value: T = guess.read(self.json)?;
            value.validate().map_err(Error::Invalid)?;
            return Ok(value);
        }
        // Read from the text, not from the parsed keys, so that a repeated key is reported.
        let value: T = crate::json::read_str(self.json, true)?;
        value.validate().map_err(Error::Invalid)?;
        Ok(value)
    }
}

/// Serde helpers for nullable fields.
pub(crate) mod nullable {
    use serde::{Deserialize, Deserializer};

    /// For `Option<Option<T>>` with `#[serde(default)]`: absent is `None` (the default), `null`
    /// is `Some(None)`, a value is `Some(Some(value))`.
    pub(crate) fn optional<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(deserializer).map(Some)
    }

    /// For a required key whose value may be `null`: without `#[serde(default)]` a missing key
    /// is the `required` violation, where serde would otherwise read it as `None`.
    pub(crate) fn required<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(deserializer)
    }
}

// ---------------------------------------------------------------------------------------------
// Conversions shared by the models (`#[customer(with = ...)]`).

/// A string holding JSON → the JSON it holds (validated beforehand by `metadata(json_string)`;
/// a string that does not parse is kept as a JSON string rather than lost).
pub(crate) fn json_text(text: Option<String>) -> Option<Value> {
    text.map(|text| serde_json::from_str(&text).unwrap_or(Value::String(text)))
}

/// A JSON object → the customer's metadata.
pub(crate) fn object_value(object: Option<Map<String, Value>>) -> Option<Value> {
    object.map(Value::Object)
}

/// Metadata as the customer keeps it: `null` is no metadata.
pub(crate) fn non_null(value: Option<Value>) -> Option<Value> {
    value.filter(|v| !v.is_null())
}

// ---------------------------------------------------------------------------------------------
// Writing documents.

/// The violations of one `encode` or `encode_update`, kept with the API they are about.
pub(crate) struct Report {
    api: Api,
    update: bool,
    invalid: ValidationErrors,
}

impl Report {
    fn new(api: Api) -> Self {
        Report {
            api,
            update: false,
            invalid: ValidationErrors::new(),
        }
    }

    fn for_update(api: Api) -> Self {
        Report {
            update: true,
            ..Report::new(api)
        }
    }

    /// `pointer` holds a value the API's request has no place for, when `present` (in an
    /// update: set or cleared).
    pub(crate) fn no_place(&mut self, pointer: &str, present: bool) {
        if present {
            let message = if self.update {
                "{api} has no place for this field in its update-customer request; leave it out to encode without it"
            } else {
                "{api} has no place for this value in its create-customer request; clear it to encode without it"
            };
            self.invalid.push_violation(Violation::new(
                pointer,
                RuleError::new("unrepresentable", message)
                    .with_param("api", Param::Str(self.api.title().into())),
            ));
        }
    }

    /// The update clears the field at `pointer`, which the API's update cannot do.
    pub(crate) fn cannot_clear(&mut self, pointer: &str) {
        self.invalid.push_violation(Violation::new(
            pointer,
            RuleError::new(
                "unrepresentable",
                "{api} cannot clear this field in an update; leave it out to keep it, or give a value",
            )
            .with_param("api", Param::Str(self.api.title().into())),
        ));
    }

    /// [`Report::cannot_clear`] when `patch` is null; the patch with a null made absent.
    pub(crate) fn not_null<T: Clone>(
        &mut self,
        pointer: &str,
        patch: &crate::Patch<T>,
    ) -> crate::Patch<T> {
        if patch.is_null() {
            self.cannot_clear(pointer);
            crate::Patch::Absent
        } else {
            patch.clone()
        }
    }

    /// The API needs the value at `pointer` to create a customer, and it is missing.
    pub(crate) fn needs(&mut self, pointer: &str) {
        self.invalid.push_violation(Violation::new(
            pointer,
            RuleError::new("required", "{api} needs this value to create a customer")
                .with_param("api", Param::Str(self.api.title().into())),
        ));
    }

    /// The value at `pointer` exists but the API cannot hold it, for the reason `message`.
    pub(crate) fn cannot_hold(&mut self, pointer: &str, message: &'static str) {
        self.invalid.push_violation(Violation::new(
            pointer,
            RuleError::new("unrepresentable", message)
                .with_param("api", Param::Str(self.api.title().into())),
        ));
    }

    /// The value at `pointer` exists but the API cannot hold it, as `error` says.
    pub(crate) fn cannot_hold_with(&mut self, pointer: &str, error: RuleError) {
        self.invalid.push_violation(Violation::new(pointer, error));
    }

    /// A rule violation of the API's own model (`validate` of the request body), pointers
    /// already turned into the customer's.
    pub(crate) fn rules(&mut self, result: Result<(), ValidationErrors>, map: fn(&str) -> String) {
        if let Err(errors) = result {
            for violation in errors {
                let pointer = map(violation.pointer());
                self.invalid
                    .push_violation(Violation::new(pointer, violation.rule_error().clone()));
            }
        }
    }

    /// `Err(Error::Unrepresentable)` with every violation, in the customer's field order.
    fn finish(self) -> Result<(), Error> {
        if self.invalid.is_empty() {
            return Ok(());
        }
        let mut violations: Vec<Violation> = self.invalid.into_iter().collect();
        violations.sort_by_key(|v| field_rank(v.pointer()));
        let mut report = ValidationErrors::new();
        for violation in violations {
            report.push_violation(violation);
        }
        Err(Error::Unrepresentable(report))
    }
}

/// The place of a pointer's first segment among the fields of [`Customer`].
fn field_rank(pointer: &str) -> usize {
    const ORDER: [&str; 16] = [
        "id",
        "name",
        "email",
        "locale",
        "phone",
        "country",
        "billing_addresses",
        "shipping_addresses",
        "metadata",
        "marketing_consent",
        "status",
        "created_at",
        "updated_at",
        "mode",
        "external_id",
        "imported_from",
    ];
    let first = pointer
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    ORDER
        .iter()
        .position(|field| *field == first)
        .unwrap_or(ORDER.len())
}

/// Pointers of a request body whose keys are the customer's own.
fn same_pointer(pointer: &str) -> String {
    pointer.to_owned()
}

fn to_json<T: serde::Serialize>(body: T) -> Option<String> {
    serde_json::to_string(&body).ok()
}

// ---------------------------------------------------------------------------------------------
// Metadata forms.

/// Metadata as a JSON object: an object as it is; a list of `{key, value}` entries with distinct
/// string keys as the object of those keys. Otherwise the pointer (relative to the metadata) of
/// what stops it and why.
fn metadata_object(value: &Value) -> Result<Map<String, Value>, (String, &'static str)> {
    const NOT_OBJECT: &str =
        "{api} metadata is an object of keys and values; this value is not one and is not a list of distinct {key, value} entries";
    match value {
        Value::Object(map) => Ok(map.clone()),
        Value::Array(items) => {
            let mut map = Map::new();
            for (index, item) in items.iter().enumerate() {
                let (key, value) = entry(item).ok_or((format!("/{index}"), NOT_OBJECT))?;
                if map.insert(key.to_owned(), value.clone()).is_some() {
                    return Err((
                        format!("/{index}/key"),
                        "{api} metadata is an object: this key appears more than once",
                    ));
                }
            }
            Ok(map)
        }
        _ => Err((String::new(), NOT_OBJECT)),
    }
}

/// A `{key, value}` entry: exactly those two members, a string key and a scalar value.
fn entry(item: &Value) -> Option<(&str, &Value)> {
    let object = item.as_object()?;
    if object.len() != 2 {
        return None;
    }
    let key = object.get("key")?.as_str()?;
    let value = object.get("value")?;
    is_scalar(value).then_some((key, value))
}

fn is_scalar(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

/// Metadata as a list of `{key, value}` entries: such a list as it is; an object whose values
/// are strings, numbers or booleans as its entries in key order.
fn metadata_entries(value: &Value) -> Result<Vec<Value>, (String, &'static str)> {
    const NOT_LIST: &str =
        "{api} metadata is a list of {key, value} entries with string, number or boolean values; this value is not one";
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                if entry(item).is_none() {
                    return Err((format!("/{index}"), NOT_LIST));
                }
            }
            Ok(items.clone())
        }
        Value::Object(map) => map
            .iter()
            .map(|(key, value)| {
                if is_scalar(value) {
                    let mut entry = Map::new();
                    entry.insert("key".to_owned(), Value::String(key.clone()));
                    entry.insert("value".to_owned(), value.clone());
                    Ok(Value::Object(entry))
                } else {
                    let mut pointer = String::new();
                    crate::error::push_key(&mut pointer, key);
                    Err((pointer, NOT_LIST))
                }
            })
            .collect(),
        _ => Err((String::new(), NOT_LIST)),
    }
}

// ---------------------------------------------------------------------------------------------
// Rules shared by the models.
