//! The canonical, provider-neutral [`Customer`]: the union of what the modelled APIs carry.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{CustomerModel, Patch, RuleError};

/// A customer as any of the modelled APIs can describe it. Every field is optional because no
/// two APIs agree on what is required; [`crate::providers::Api::encode`] says when a target API
/// needs a field this customer lacks or cannot hold a value it has.
///
/// Its own rules are the provider-neutral ones: an email address (at most 320 characters), a
/// well-formed BCP 47 locale, an ISO 3166-1 country, phone numbers of at most 15 digits and
/// RFC 3339 timestamps. Each API adds its own limits when a customer is encoded for it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
#[serde(default)]
pub struct Customer {
    /// The identifier the API that issued this customer gave it (`cst_…`, `cus_…`, `ctm_…`).
    pub id: Option<String>,
    /// The full name.
    pub name: Option<String>,
    /// The email address.
    #[customer(email)]
    pub email: Option<String>,
    /// The preferred language, as a BCP 47 tag (`en`, `nl-NL`).
    #[customer(locale)]
    pub locale: Option<String>,
    /// The customer's phone number.
    #[customer(nested)]
    pub phone: Option<Phone>,
    /// The ISO 3166-1 alpha-2 country code.
    #[customer(country)]
    pub country: Option<String>,
    /// Billing addresses, in the order the API gave them.
    #[customer(nested)]
    pub billing_addresses: Vec<Address>,
    /// Shipping addresses, in the order the API gave them.
    #[customer(nested)]
    pub shipping_addresses: Vec<Address>,
    /// The merchant's own data attached to the customer.
    pub metadata: Option<serde_json::Value>,
    /// Whether the customer opted into marketing.
    pub marketing_consent: Option<bool>,
    /// Whether the customer can be used.
    pub status: Option<Status>,
    /// When the API created the customer (RFC 3339).
    #[customer(timestamp)]
    pub created_at: Option<String>,
    /// When the API last updated the customer (RFC 3339).
    #[customer(timestamp)]
    pub updated_at: Option<String>,
    /// Live or test data.
    pub mode: Option<Mode>,
    /// The merchant's own identifier of the customer (an external or custom identifier).
    pub external_id: Option<String>,
    /// Where the customer was imported from, when it was.
    pub imported_from: Option<String>,
    /// The URLs the API gave for the customer, by relation (Mollie's `_links`: `self`,
    /// `dashboard`, `documentation`, `payments`, ...). Assigned by the API: never part of a
    /// request body.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub links: BTreeMap<String, String>,
}

/// A phone number split as the payment APIs send it: digits only, no `+`.
///
/// The calling code must be an assigned one and the number digits only, each reported at its own
/// pointer (`/phone/number` for a number written with `+`); together they are an E.164 number of
/// at most 15 digits, reported at the phone object's pointer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
#[customer(check = phone_parts)]
pub struct Phone {
    /// The international calling code, e.g. `1` or `44`.
    #[customer(custom = calling_code_part)]
    pub calling_code: String,
    /// The national number.
    #[customer(custom = number_part)]
    pub number: String,
}

/// A postal address with its contact details.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
#[serde(default)]
pub struct Address {
    /// The name the address is for.
    pub name: Option<String>,
    /// The first line.
    pub line1: Option<String>,
    /// The second line.
    pub line2: Option<String>,
    /// The city.
    pub city: Option<String>,
    /// The state or province.
    pub state: Option<String>,
    /// The ISO 3166-1 alpha-2 country code.
    #[customer(country)]
    pub country: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
    /// The phone number for this address.
    #[customer(nested)]
    pub phone: Option<Phone>,
    /// What the address is (`home`, `work`).
    pub label: Option<String>,
}

/// Whether a customer can be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, CustomerModel)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// In use.
    Active,
    /// Archived: kept but not to be used.
    Archived,
}

/// Whether a customer is live or test data.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, CustomerModel)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// Live data.
    Live,
    /// Test data.
    Test,
}

/// The rule of [`Phone::calling_code`]: an assigned country calling code, digits only.
fn calling_code_part(code: &str) -> Result<(), RuleError> {
    if crate::rules::phone::is_calling_code(code) {
        Ok(())
    } else {
        // `check_parts` checks the calling code first: its error is the calling code's.
        crate::rules::phone::check_parts(code, "0")
    }
}

/// The rule of [`Phone::number`]: one or more ASCII digits (no `+`, no spaces).
fn number_part(number: &str) -> Result<(), RuleError> {
    if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(RuleError::new(
            crate::codes::PHONE,
            "number must be one or more digits, without `+`, spaces or other signs (the calling code is separate)",
        ))
    }
}

/// The container rule of [`Phone`]: once both parts are right on their own, calling code and
/// number together are at most 15 digits (E.164). A wrong part is reported at that part.
fn phone_parts(phone: &Phone) -> Result<(), RuleError> {
    if calling_code_part(&phone.calling_code).is_err() || number_part(&phone.number).is_err() {
        return Ok(());
    }
    crate::rules::phone::check_parts(&phone.calling_code, &phone.number)
}

/// An update of a customer (`PATCH`): every field is left out ([`Patch::Absent`], keep the stored
/// value), cleared ([`Patch::Null`]) or set ([`Patch::Value`]).
///
/// It holds what the update bodies of the modelled APIs carry: Mollie's `PATCH
/// /v2/customers/{id}` (name, email, locale, metadata), Paddle's `PATCH /customers/{id}` (name,
/// email, status, custom data, locale) and Tazapay's `PUT /v3/customer` (the customer's ID,
/// phone, billing and shipping addresses, metadata), plus the country and external identifier
/// that the canonical [`Customer`] keeps. [`crate::providers::Api::decode_update`] reads one,
/// [`crate::providers::Api::encode_update`] writes one, and [`CustomerPatch::apply_to`] applies
/// one to a stored [`Customer`].
///
/// Its own rules are those of [`Customer`], checked on the values that are set; `id` and
/// `status` cannot be cleared.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct CustomerPatch {
    /// The customer the update is for, when the body names it (Tazapay's `customer_id`; Mollie
    /// and Paddle name it in the URL). Not a change of the ID.
    #[customer(required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub id: Patch<String>,
    /// The full name.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub name: Patch<String>,
    /// The email address.
    #[customer(email)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub email: Patch<String>,
    /// The preferred language, as a BCP 47 tag.
    #[customer(locale)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub locale: Patch<String>,
    /// The customer's phone number.
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub phone: Patch<Phone>,
    /// The ISO 3166-1 alpha-2 country code.
    #[customer(country)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub country: Patch<String>,
    /// The billing addresses, replacing the stored list (`Null` empties it).
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub billing_addresses: Patch<Vec<Address>>,
    /// The shipping addresses, replacing the stored list (`Null` empties it).
    #[customer(nested)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub shipping_addresses: Patch<Vec<Address>>,
    /// The merchant's own data, replacing the stored value.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub metadata: Patch<serde_json::Value>,
    /// Whether the customer can be used.
    #[customer(required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub status: Patch<Status>,
    /// The merchant's own identifier of the customer.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub external_id: Patch<String>,
}

impl CustomerPatch {
    /// `true` when no field is given: the update changes nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == CustomerPatch::default()
    }

    /// Applies the update to a stored customer: an absent field keeps the stored value, a null
    /// clears it, a value replaces it. `id` is not applied (it names the customer, it does not
    /// change it); a null `status` (refused by [`CustomerModel::validate`]) keeps it.
    pub fn apply_to(self, customer: &mut Customer) {
        self.name.apply_to(&mut customer.name);
        self.email.apply_to(&mut customer.email);
        self.locale.apply_to(&mut customer.locale);
        self.phone.apply_to(&mut customer.phone);
        self.country.apply_to(&mut customer.country);
        apply_list(self.billing_addresses, &mut customer.billing_addresses);
        apply_list(self.shipping_addresses, &mut customer.shipping_addresses);
        // A JSON `null` as the value clears the metadata too: the customer keeps no `null`.
        match self.metadata {
            Patch::Absent => {}
            Patch::Null => customer.metadata = None,
            Patch::Value(value) => customer.metadata = (!value.is_null()).then_some(value),
        }
        if let Patch::Value(status) = self.status {
            customer.status = Some(status);
        }
        self.external_id.apply_to(&mut customer.external_id);
    }
}

fn apply_list(patch: Patch<Vec<Address>>, stored: &mut Vec<Address>) {
    match patch {
        Patch::Absent => {}
        Patch::Null => stored.clear(),
        Patch::Value(list) => *stored = list,
    }
}

/// One page of a list of customers, as [`crate::providers::Api::decode_list`] reads it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// The customers of the page, in the API's order.
    pub customers: Vec<Customer>,
    /// Where the next page is: the URL or cursor the API gave, `None` on the last page.
    pub next: Option<String>,
}
