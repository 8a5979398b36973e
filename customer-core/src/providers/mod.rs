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
//! | `stripe` | [`stripe`] | customer object, deleted customer, `customer.*` event, create request (form-encoded or JSON) | create request, form-encoded: `name`, `email`, `phone`, `preferred_locales`, `address`, `shipping`, `metadata` |
//!
//! The request bodies convert to [`Customer`] with the derive's `#[customer(into = Customer)]`
//! (fields mapped by name, `rename` and `with` where the names or forms differ). The responses
//! and envelopes convert by hand: an envelope is structural, Paddle's `import_meta` fills two
//! fields, and fields that are validated but not carried over (`resource`, `object`, `_links`)
//! cannot be left out of a derived conversion without also leaving their rules out.
//!
//! # The table of providers
//!
//! Each module implements one trait (its names, the shapes it reads for each operation, how
//! they map to and from [`Customer`], its schema, its error body, its webhook events), and one
//! line per API in a table generates [`Api`], [`Api::ALL`], the names, parsing and every
//! dispatch. Adding an API takes its module, one line in the table, its fixtures and its docs.
//!
//! # Decoding
//!
//! The shape is told from the keys of the top-level object: an envelope by its `data` key, a
//! response entity by a key only responses carry (`id`, `resource`, `mode`, `_links`, ...), and
//! anything else is read as the API's create request. The document is then read and validated
//! by that shape's rules, and every violation is reported with its JSON Pointer into the given
//! document (`/data/email` inside an envelope). Shape errors (a missing key, a wrong type, an
//! unknown key where the shape refuses them) do not stop the reading: every one of them and every
//! rule violation of the values that did read come back together, in one report (see
//! [`crate::json`]).
//!
//! A document whose top-level object has none of the member names of the shape it is read as
//! (a document of another API, `{"foo": 1}`, `{}`) is refused first: one violation at `""`, code
//! `not_this_api`, naming the API. An update body may be `{}` (it changes nothing).
//! [`Api::check_ignored`] names the top-level keys an API reads past without knowing them.
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

use std::fmt;
use std::str::FromStr;

use crate::error::{Param, RuleError, ValidationErrors, Violation};
use crate::{Customer, CustomerPatch, Error, Page};

mod check;
pub mod legit;
mod lossy;
mod metadata;
pub mod mollie;
pub mod paddle;
pub(crate) mod provider;
mod read;
pub mod stripe;
pub mod tazapay;
mod write;

pub use lossy::Encoded;

// What the API modules share, named `super::…` there.
use metadata::{entry, json_text, metadata_entries, metadata_object, non_null, object_value};
use provider::{api_enum, dispatch, dispatch_table, providers, Provider};
use read::{nullable, Document};
use write::{same_pointer, to_json, Report};

providers!(api_enum!());

impl Api {
    /// The lowercase name (`mollie`, `tazapay`, `paddle`, `legit`).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        dispatch!(self, P => P::NAME)
    }

    /// The API's name as people write it (`Mollie`), for messages.
    #[must_use]
    pub const fn title(self) -> &'static str {
        dispatch!(self, P => P::TITLE)
    }

    /// The event types of this API's customer webhooks that [`Api::decode`] reads
    /// (`customer.created`, ...); empty when none are modelled.
    #[must_use]
    pub const fn webhook_events(self) -> &'static [&'static str] {
        dispatch!(self, P => P::WEBHOOK_EVENTS)
    }

    /// The JSON Pointer of the `index`th customer in a page of this API's list of customers
    /// ([`Api::decode_list`]): `/data/3`, Mollie's `/_embedded/customers/3`.
    #[must_use]
    pub fn list_item_pointer(self, index: usize) -> String {
        let items = dispatch!(self, P => P::LIST_ITEMS);
        format!("{items}/{index}")
    }
}

impl Api {
    /// Reads any customer shape this API's documentation shows (bare or in the API's envelope),
    /// validates it by the API's rules and converts it to a [`Customer`].
    ///
    /// Every violation is reported with its JSON Pointer into `json` (at most
    /// [`MaxViolations`](crate::json::MaxViolations) of them, 100 by default); see the
    /// [module documentation](self) for how the shape is chosen.
    pub fn decode(&self, json: &str) -> Result<Customer, Error> {
        dispatch!(self, P => P::text(json))
            .and_then(|text| {
                let document = Document::read(&text, *self)?;
                dispatch!(self, P => P::decode(&document))
            })
            .map_err(crate::json::cap)
    }

    /// This API's create-customer request body for `customer`: compact JSON, or for Stripe the
    /// `application/x-www-form-urlencoded` form Stripe takes.
    ///
    /// [`Error::Invalid`] when the customer breaks its own rules; [`Error::Unrepresentable`]
    /// listing every value this API cannot hold or needs, at its pointer into the customer's
    /// JSON; `required` at `""` when the body would be `{}` (no value this API holds), which
    /// [`Api::decode`] refuses. See the [module documentation](self) for what is mapped and what
    /// is dropped.
    pub fn encode(&self, customer: &Customer) -> Result<String, Error> {
        crate::model::validate_all(&customer).map_err(Error::Invalid)?;
        let mut report = Report::new(*self);
        let body = dispatch!(self, P => P::encode(customer, &mut report));
        report.finish()?;
        let body = body.ok_or_else(|| {
            Error::Unrepresentable(ValidationErrors::from(Violation::new(
                "",
                RuleError::new(
                    crate::codes::UNREPRESENTABLE,
                    "could not be written as JSON",
                ),
            )))
        })?;
        if body == "{}" || body.is_empty() {
            // (Stripe's empty form is its `{}`.)
            // `decode` refuses a document with none of the API's fields: so is it never written.
            return Err(Error::Unrepresentable(ValidationErrors::from(
                Violation::new(
                    "",
                    RuleError::new(
                        crate::codes::REQUIRED,
                        "has no value a {api} create-customer body holds: the body would be empty",
                    )
                    .with_param("api", Param::Str(self.title().into())),
                ),
            )));
        }
        Ok(body)
    }
}

impl Api {
    /// Reads this API's update-customer request body (Mollie's and Paddle's `PATCH`, Tazapay's
    /// `PUT`, Stripe's `POST /v1/customers/{id}` as a form or as JSON), validates it by the API's rules and converts it to a [`CustomerPatch`]: a key left
    /// out is [`Patch::Absent`](crate::Patch::Absent), a `null` is
    /// [`Patch::Null`](crate::Patch::Null) (refused where the API cannot clear the field).
    ///
    /// Legit has no update request: [`Error::Unrepresentable`] at `""`.
    pub fn decode_update(&self, json: &str) -> Result<CustomerPatch, Error> {
        dispatch!(self, P => P::text(json))
            .and_then(|text| {
                let mut document = Document::read(&text, *self)?;
                document.empty_is_fine = true;
                dispatch!(self, P => P::decode_update(&document))
            })
            .map_err(crate::json::cap)
    }

    /// This API's update-customer request body for `patch`, as compact JSON (Stripe: its form,
    /// a cleared field as an empty value): absent fields are left out, null fields written as
    /// `null`.
    ///
    /// [`Error::Invalid`] when the patch breaks its own rules; [`Error::Unrepresentable`]
    /// listing every field this API's update cannot carry (set or cleared), cannot clear, or
    /// cannot hold, at its pointer into the patch's JSON. Legit has no update request.
    pub fn encode_update(&self, patch: &CustomerPatch) -> Result<String, Error> {
        crate::model::validate_all(&patch).map_err(Error::Invalid)?;
        let mut report = Report::for_update(*self);
        let body = dispatch!(self, P => P::encode_update(patch, &mut report))?;
        report.finish()?;
        body.ok_or_else(|| {
            Error::Unrepresentable(ValidationErrors::from(Violation::new(
                "",
                RuleError::new(
                    crate::codes::UNREPRESENTABLE,
                    "could not be written as JSON",
                ),
            )))
        })
    }

    /// Reads one page of this API's list of customers: Mollie's HAL list (`count`,
    /// `_embedded.customers`, `_links.next`), Paddle's `{data: [...], meta: {request_id,
    /// pagination}}` or Stripe's `{object: "list", data, has_more, url}`. Every customer is validated by the API's rules, each violation at its
    /// pointer into the page (`/_embedded/customers/3/email`, `/data/3/email`).
    /// [`Page::next`] is the URL of the next page, `None` on the last.
    ///
    /// Tazapay and Legit have no list response: [`Error::Unrepresentable`] at `""`.
    pub fn decode_list(&self, json: &str) -> Result<Page, Error> {
        Document::read(json, *self)
            .and_then(|document| dispatch!(self, P => P::decode_list(&document)))
            .map_err(crate::json::cap)
    }

    /// Reads this API's error response into a report a backend can pass on to its own client:
    /// one violation per field the API names, at the JSON Pointer of that field in the request
    /// body (Mollie's `field` `billingAddress.city` → `/billingAddress/city`; Paddle's
    /// `errors[].field`; Tazapay's `errors[].remarks` when it is a field name, `buyer_id` →
    /// `/buyer_id`; Stripe's `param` `shipping[address][line1]` → `/shipping/address/line1`), or
    /// at `""` when the API names none. Code `rejected`.
    ///
    /// Only the API's vocabulary is copied: field names, the HTTP status (Mollie), Paddle's and
    /// Stripe's error `code`, Tazapay's numeric error codes. The free-text `detail` / `message`
    /// (and a `remarks` that is not a field name) are not: they may quote the rejected value,
    /// which is personal data.
    ///
    /// `Err` when `json` is not this API's error response; Legit documents none.
    pub fn decode_error(&self, json: &str) -> Result<ValidationErrors, Error> {
        let document = Document::read(json, *self)?;
        dispatch!(self, P => P::decode_error(&document))
    }
}

/// The violation of a value an API refused, as its error response says.
pub(crate) fn rejected(api: Api) -> RuleError {
    RuleError::new(crate::codes::REJECTED, "{api} refused this value")
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
        crate::schema::types::shapes(&format!("{} customer", self.title()), |g| self.shapes(g))
    }

    /// The schemas of the shapes [`Api::decode`] reads, each a `$ref` into `generator`'s
    /// definitions: for a document that describes several APIs (an OpenAPI document).
    ///
    /// Each shape is guarded as [`Api::decode`] chooses and refuses: a document must have one of
    /// the shape's members (`not_this_api`), and a shape `decode` would not choose for the
    /// document's keys is closed to it (a Mollie document with an `id` is a response, never a
    /// create request, so a made-up `id` cannot pass through the looser request shape).
    pub fn shapes(&self, generator: &mut schemars::SchemaGenerator) -> Vec<schemars::Schema> {
        dispatch!(self, P => P::shapes(generator))
    }

    /// The schema of the update-customer body [`Api::decode_update`] reads, a `$ref` into
    /// `generator`'s definitions; `None` for Legit, which has none. As `decode_update`, it takes
    /// `{}` (an update that changes nothing) and refuses an object with none of the update's
    /// members.
    pub fn update_shape(
        &self,
        generator: &mut schemars::SchemaGenerator,
    ) -> Option<schemars::Schema> {
        dispatch!(self, P => P::update_shape(generator))
    }
}

/// `{"required": [key]}` for each key: "has this key", for `anyOf`.
#[cfg(feature = "schemars")]
fn each_required(keys: &[&str]) -> Vec<serde_json::Value> {
    keys.iter()
        .map(|key| serde_json::json!({"required": [key]}))
        .collect()
}

/// The schema of `T` (a `$ref`), which a document passes only with one of `T`'s members (and,
/// when `any_of` is not empty, one of those keys) and none of `none_of`'s keys.
#[cfg(feature = "schemars")]
pub(crate) fn guarded<'de, T: schemars::JsonSchema + serde::Deserialize<'de>>(
    g: &mut schemars::SchemaGenerator,
    none_of: &[&str],
    any_of: &[&str],
) -> schemars::Schema {
    let reference = g.subschema_for::<T>().to_value();
    let Some(fields) = read::fields_of::<T>() else {
        return g.subschema_for::<T>();
    };
    let mut all = vec![
        reference,
        serde_json::json!({"anyOf": each_required(fields)}),
    ];
    if !any_of.is_empty() {
        all.push(serde_json::json!({"anyOf": each_required(any_of)}));
    }
    let mut schema = serde_json::json!({"allOf": all});
    if !none_of.is_empty() {
        schema["not"] = serde_json::json!({"anyOf": each_required(none_of)});
    }
    schemars::Schema::try_from(schema).unwrap_or_else(|_| g.subschema_for::<T>())
}

/// The schema of an update body `T`: `{}`, or an object with one of `T`'s members.
#[cfg(feature = "schemars")]
pub(crate) fn guarded_update<'de, T: schemars::JsonSchema + serde::Deserialize<'de>>(
    g: &mut schemars::SchemaGenerator,
) -> schemars::Schema {
    let reference = g.subschema_for::<T>().to_value();
    let Some(fields) = read::fields_of::<T>() else {
        return g.subschema_for::<T>();
    };
    let mut some = each_required(fields);
    some.push(serde_json::json!({"maxProperties": 0}));
    let schema = serde_json::json!({"allOf": [reference, {"anyOf": some}]});
    schemars::Schema::try_from(schema).unwrap_or_else(|_| g.subschema_for::<T>())
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
        f.write_str("unknown API: expected one of ")?;
        for (i, api) in Api::ALL.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(api.as_str())?;
        }
        Ok(())
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
