//! The customer of [`crate::model`] as one variant of a tagged union (issue 21): the same fields
//! with the same rules in a struct variant, next to a business variant. Validating
//! `Party::Customer { .. }` runs the very checks `Customer` runs, plus the match on the variant:
//! `scripts/bench-callgrind.sh` sets the two side by side.

use serde::Deserialize;

use crate::model::{self, Customer};

/// [`model::Address`] again, with the same rules: a type of the union's own, so that
/// `Address`'s `validate_into` keeps its one caller (`Customer`) and is inlined there as in a
/// binary without the union; this one is inlined into `Party`'s in the same way.
#[derive(customer_core::CustomerModel, Clone, Debug, Deserialize)]
pub struct Address {
    /// An assigned ISO 3166-1 alpha-2 code in upper case.
    #[customer(country)]
    pub country_code: String,
    /// The postal code, 1..=16 characters.
    #[customer(length(min = 1, max = 16))]
    pub postal_code: Option<String>,
}

impl From<model::Address> for Address {
    fn from(address: model::Address) -> Self {
        Address {
            country_code: address.country_code,
            postal_code: address.postal_code,
        }
    }
}

/// A party of a sign-up: a customer, as [`Customer`] is, or a business.
#[derive(customer_core::CustomerModel, Clone, Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Party {
    /// The fields and rules of [`Customer`].
    Customer {
        /// `ctm_` and 26 lowercase letters or digits.
        #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
        id: String,
        /// The email address.
        #[customer(email)]
        email: String,
        /// The full name, at most 255 characters.
        #[customer(length(max = 255))]
        name: Option<String>,
        /// A BCP 47 language tag.
        #[customer(locale)]
        locale: String,
        /// Free-form metadata, at most 1024 bytes of compact JSON.
        #[customer(metadata(max_bytes = 1024))]
        custom_data: Option<serde_json::Value>,
        /// The addresses.
        #[customer(nested)]
        addresses: Vec<Address>,
    },
    /// A business: a VAT id and a company name.
    Business {
        /// Two letters and 2..=12 letters or digits.
        #[customer(pattern = "^[A-Z]{2}[0-9A-Z]{2,12}$")]
        vat_id: String,
        /// The company's name.
        #[customer(length(min = 1, max = 255))]
        company_name: String,
    },
}

impl From<Customer> for Party {
    fn from(customer: Customer) -> Self {
        Party::Customer {
            id: customer.id,
            email: customer.email,
            name: customer.name,
            locale: customer.locale,
            custom_data: customer.custom_data,
            addresses: customer.addresses.into_iter().map(Address::from).collect(),
        }
    }
}
