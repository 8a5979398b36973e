//! Heap allocations of validation, counted by a global allocator: a valid value is validated
//! without allocating, and the metadata size check allocates nothing even on a huge value.

use customer_core::rules::metadata::{compact_len, LenError};
use customer_core::CustomerModel;
use serde_json::{json, Map, Value};

#[path = "../customer-core/tests/support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{allocations, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The Paddle-like customer of the benchmark (benches/src/model.rs), with our rules only.
#[derive(CustomerModel, Debug)]
struct Customer {
    #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
    id: String,
    #[customer(email)]
    email: String,
    #[customer(length(max = 255))]
    name: Option<String>,
    #[customer(locale)]
    locale: String,
    #[customer(metadata(max_bytes = 1024))]
    custom_data: Option<Value>,
    #[customer(nested)]
    addresses: Vec<Address>,
}

#[derive(CustomerModel, Debug)]
struct Address {
    #[customer(country)]
    country_code: String,
    #[customer(length(min = 1, max = 16))]
    postal_code: Option<String>,
}

fn valid() -> Customer {
    Customer {
        id: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4".to_owned(),
        email: "sam.miller@example.com".to_owned(),
        name: Some("Sam Miller".to_owned()),
        locale: "en-US".to_owned(),
        custom_data: Some(json!({
            "crm_id": "c-1029384",
            "tier": "enterprise",
            "seats": 25,
            "ratio": 0.75,
            "newsletter": true,
            "tags": ["beta", "eu"],
            "note": "line one\nline \"two\""
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

/// An object of `members` members of 64 bytes of compact JSON each.
fn big_object(members: usize) -> Value {
    let value = "v".repeat(50);
    let mut map = Map::new();
    for i in 0..members {
        map.insert(format!("k{i:07}"), Value::String(value.clone()));
    }
    Value::Object(map)
}

#[test]
fn the_counter_counts() {
    let (n, v) = allocations(|| vec![1u8; 3]);
    assert_eq!(v.len(), 3);
    assert!(
        n >= 1,
        "the counting allocator saw {n} allocations of a Vec"
    );
    let (n, e) = allocations(|| {
        Customer {
            email: "nope".to_owned(),
            ..valid()
        }
        .validate()
    });
    assert_eq!(e.map_err(|e| e.len()), Err(1));
    assert!(
        n >= 1,
        "an invalid value's report allocates, but {n} allocations were seen"
    );
}

#[test]
fn validating_a_valid_customer_allocates_nothing() {
    let customer = valid();
    let (n, result) = allocations(|| customer.validate());
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(n, 0, "validate() on a valid customer allocated {n} times");
}

#[test]
fn a_valid_customer_with_unicode_and_no_optionals_allocates_nothing() {
    let customer = Customer {
        email: "josé.garcía@example.com".to_owned(),
        name: Some("Zoë Ångström-Łukasiewicz".to_owned()),
        locale: "zh-Hant-TW".to_owned(),
        custom_data: None,
        addresses: vec![Address {
            country_code: "DE".to_owned(),
            postal_code: None,
        }],
        ..valid()
    };
    let (n, result) = allocations(|| customer.validate());
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(n, 0, "validate() allocated {n} times");
}

#[test]
fn metadata_just_under_the_limit_is_valid_and_allocates_nothing() {
    // 15 members: 15 * 64 - 1 + 2 = 961 bytes.
    let customer = Customer {
        custom_data: Some(big_object(15)),
        ..valid()
    };
    let (n, result) = allocations(|| customer.validate());
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(n, 0, "validate() allocated {n} times");
}

#[test]
fn the_metadata_check_on_a_large_value_allocates_nothing() {
    // About 1 MB of compact JSON: refused, without allocating and without building the JSON.
    let large = big_object(16 * 1024);
    let (n, len) = allocations(|| compact_len(&large, 1024));
    assert_eq!(len, Err(LenError::TooLarge));
    assert_eq!(n, 0, "compact_len on 1 MB of metadata allocated {n} times");

    // A single 1 MB string, and a long array.
    let string = Value::String("x".repeat(1 << 20));
    let (n, len) = allocations(|| compact_len(&string, 1024));
    assert_eq!(len, Err(LenError::TooLarge));
    assert_eq!(n, 0, "compact_len on a 1 MB string allocated {n} times");
    let array = Value::Array(vec![Value::from(12345u32); 1 << 16]);
    let (n, len) = allocations(|| compact_len(&array, 1024));
    assert_eq!(len, Err(LenError::TooLarge));
    assert_eq!(n, 0, "compact_len on a long array allocated {n} times");
}

#[test]
fn the_metadata_length_is_counted_without_allocating() {
    let value = valid().custom_data.unwrap_or(Value::Null);
    let expected = serde_json::to_vec(&value).map(|v| v.len()).ok();
    let (n, len) = allocations(|| compact_len(&value, 1024));
    assert_eq!(len.ok(), expected);
    assert_eq!(n, 0, "compact_len allocated {n} times");
}

/// Limits read by a model with a context.
struct Limits {
    name_max: usize,
    metadata_max: usize,
}

#[derive(CustomerModel, Debug)]
#[customer(context(Limits), check = no_empty_city)]
struct TenantCustomer {
    #[customer(email)]
    email: String,
    #[customer(length(max = ctx.name_max))]
    name: Option<String>,
    #[customer(metadata(max_bytes = ctx.metadata_max))]
    custom_data: Option<Value>,
    #[customer(nested)]
    addresses: Vec<Address>,
}

fn no_empty_city(
    customer: &TenantCustomer,
    _: &Limits,
) -> Result<(), customer_core::ValidationErrors> {
    let mut errors = customer_core::ValidationErrors::default();
    if customer.addresses.is_empty() {
        errors.push_violation(customer_core::Violation::new(
            "/addresses",
            customer_core::RuleError::new("addresses", "needs an address"),
        ));
    }
    errors.into_result()
}

#[test]
fn validating_a_valid_model_with_a_context_allocates_nothing() {
    use customer_core::CustomerModelWith;
    let base = valid();
    let customer = TenantCustomer {
        email: base.email,
        name: base.name,
        custom_data: base.custom_data,
        addresses: base.addresses,
    };
    let limits = Limits {
        name_max: 64,
        metadata_max: 1024,
    };
    let (n, result) = allocations(|| customer.validate_with(&limits));
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(n, 0, "validate_with() on a valid value allocated {n} times");
}

/// A party of a sign-up (a person, a business, ...), a union held in a struct: every variant
/// style, with models and text with rules.
#[derive(CustomerModel, Debug)]
enum Party {
    Person {
        #[customer(email)]
        email: String,
        #[customer(length(max = 64))]
        name: Option<String>,
    },
    Business {
        #[customer(pattern = "^[A-Z]{2}[0-9A-Z]{2,12}$")]
        vat_id: String,
        #[customer(nested)]
        addresses: Vec<Address>,
    },
    #[customer(nested)]
    Customer(Box<Customer>),
    Pair(#[customer(email)] String, #[customer(locale)] String),
    Guest,
}

#[derive(CustomerModel, Debug)]
struct Signup {
    #[customer(nested)]
    parties: Vec<Party>,
}

#[test]
fn validating_a_valid_union_allocates_nothing() {
    let signup = Signup {
        parties: vec![
            Party::Person {
                email: "sam.miller@example.com".to_owned(),
                name: Some("Sam Miller".to_owned()),
            },
            Party::Business {
                vat_id: "NL123456789B01".to_owned(),
                addresses: valid().addresses,
            },
            Party::Customer(Box::new(valid())),
            Party::Pair("a@example.com".to_owned(), "nl-NL".to_owned()),
            Party::Guest,
        ],
    };
    // The `vat_id` pattern is a regex, compiled (and allocated) once, on first use.
    assert!(signup.validate().is_ok());
    let (n, result) = allocations(|| signup.validate());
    assert!(result.is_ok(), "{result:?}");
    assert_eq!(n, 0, "validate() on a valid union allocated {n} times");
    // And the same union, invalid, does report (so the rules above did run).
    let invalid = Party::Business {
        vat_id: "nl".to_owned(),
        addresses: Vec::new(),
    };
    let (_, result) = allocations(|| invalid.validate());
    assert_eq!(result.map_err(|e| e.len()), Err(1));
}
