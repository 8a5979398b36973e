//! The canonical, provider-neutral [`Customer`]: the union of what the modelled APIs carry.

use serde::{Deserialize, Serialize};

use crate::{CustomerModel, RuleError};

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
}

/// A phone number split as the payment APIs send it: digits only, no `+`.
///
/// The calling code and the national number together are an E.164 number of at most 15 digits;
/// a violation is reported at the phone object's own pointer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
#[customer(check = phone_parts)]
pub struct Phone {
    /// The international calling code, e.g. `1` or `44`.
    pub calling_code: String,
    /// The national number.
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

/// The container rule of [`Phone`]: calling code and number, digits only, E.164 in length.
fn phone_parts(phone: &Phone) -> Result<(), RuleError> {
    crate::rules::phone::check_parts(&phone.calling_code, &phone.number)
}
