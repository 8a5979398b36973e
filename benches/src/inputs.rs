//! The inputs: one valid customer, one with two violations (the common case of a bad request),
//! one with every field wrong, and customers whose metadata is 1 KB, 1 MB or 100 MB.

use serde_json::{json, Map, Value};

use crate::model::{Address, Customer};

/// A valid customer.
pub fn valid() -> Customer {
    Customer {
        id: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4".to_owned(),
        email: "sam.miller@example.com".to_owned(),
        name: Some("Sam Miller".to_owned()),
        locale: "en-US".to_owned(),
        custom_data: Some(json!({
            "crm_id": "c-1029384",
            "tier": "enterprise",
            "seats": 25,
            "newsletter": true,
            "tags": ["beta", "eu"]
        })),
        addresses: vec![
            Address {
                country_code: "US".to_owned(),
                postal_code: Some("10021".to_owned()),
            },
            Address {
                country_code: "GB".to_owned(),
                postal_code: Some("SW1A 1AA".to_owned()),
            },
        ],
    }
}

/// Two violations: an email without a domain and a reserved country code (`UK`).
pub fn invalid() -> Customer {
    let mut customer = valid();
    customer.email = "sam.miller@".to_owned();
    if let Some(address) = customer.addresses.get_mut(1) {
        address.country_code = "UK".to_owned();
    }
    customer
}

/// Every rule broken once: seven violations.
pub fn invalid_all() -> Customer {
    Customer {
        id: "cus_01hv6y1jedq4p1n0yqn5ba3ky4".to_owned(),
        email: "sam.miller@localhost".to_owned(),
        name: Some("x".repeat(300)),
        locale: "en_US".to_owned(),
        custom_data: Some(metadata_of(4 * 1024)),
        addresses: vec![
            Address {
                country_code: "us".to_owned(),
                postal_code: Some(String::new()),
            },
            Address {
                country_code: "XK".to_owned(),
                postal_code: Some("12345678901234567".to_owned()),
            },
        ],
    }
}

/// A JSON object of about `bytes` bytes of compact JSON (a little under when it is small, so
/// that 1 KB fits the 1024-byte limit): members `"k0000001":"vvvv…"` of 64 bytes each.
pub fn metadata_of(bytes: usize) -> Value {
    const MEMBER: usize = 64;
    let members = (bytes.saturating_sub(2) / MEMBER).max(1);
    let value = "v".repeat(MEMBER - 14);
    let mut map = Map::new();
    for i in 0..members {
        map.insert(format!("k{i:07}"), Value::String(value.clone()));
    }
    Value::Object(map)
}

/// A valid customer whose metadata is about `bytes` bytes.
pub fn with_metadata(bytes: usize) -> Customer {
    let mut customer = valid();
    customer.custom_data = Some(metadata_of(bytes));
    customer
}
