//! Every seed's example payloads (tests/fixtures) read by `Api::decode`, and the errors of the
//! bad ones, each at its JSON Pointer into the given document.

use customer_core::providers::Api;
use customer_core::{Address, Customer, Error, Mode, Phone, Status};
use serde_json::json;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn decode(api: Api, name: &str) -> Customer {
    match api.decode(&fixture(name)) {
        Ok(customer) => customer,
        Err(error) => panic!("{api} {name}:\n{error}"),
    }
}

/// `(pointer, code)` of every violation, in order.
fn violations(error: &Error) -> Vec<(String, String)> {
    error
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

fn invalid(api: Api, json: &str) -> Vec<(String, String)> {
    match api.decode(json) {
        Ok(customer) => panic!("{api} accepted {json}: {customer:?}"),
        Err(error @ Error::Invalid(_)) => violations(&error),
        Err(other) => panic!("{api}: expected Error::Invalid, got {other:?}"),
    }
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn mollie_create_response_seed_000() {
    let mut customer = decode(Api::Mollie, "mollie_create_response.json");
    // The links are carried, by relation.
    assert_eq!(
        customer.links.keys().collect::<Vec<_>>(),
        ["dashboard", "documentation", "self"]
    );
    customer.links.clear();
    assert_eq!(
        customer,
        Customer {
            id: Some("cst_5B8cwPMGnU".into()),
            name: Some("John Doe".into()),
            email: Some("example@email.com".into()),
            locale: Some("en-US".into()),
            created_at: Some("2024-03-20T09:13:37.0Z".into()),
            mode: Some(Mode::Live),
            ..Customer::default()
        }
    );
}

#[test]
fn mollie_get_response_seed_001() {
    let customer = decode(Api::Mollie, "mollie_get_response.json");
    assert_eq!(customer.id.as_deref(), Some("cst_5B8cwPMGnU"));
    assert_eq!(customer.mode, Some(Mode::Test));
    assert_eq!(customer.locale.as_deref(), Some("nl-NL"));
    assert_eq!(
        customer.metadata,
        Some(json!({"order_id": "12345", "tags": ["vip", "newsletter"]}))
    );
    assert_eq!(
        customer.created_at.as_deref(),
        Some("2024-03-20T09:13:37+00:00")
    );
}

#[test]
fn mollie_get_response_keys_may_be_absent_or_null() {
    let customer = decode(Api::Mollie, "mollie_get_response_sparse.json");
    assert_eq!(
        customer,
        Customer {
            id: Some("cst_5B8cwPMGnU".into()),
            // one of the 6 locales newer API versions add: read from responses
            locale: Some("sk-SK".into()),
            metadata: Some(json!("order 12345")),
            ..Customer::default()
        }
    );
}

#[test]
fn mollie_create_request() {
    let customer = decode(Api::Mollie, "mollie_create_request.json");
    assert_eq!(
        customer,
        Customer {
            name: Some("John Doe".into()),
            email: Some("example@email.com".into()),
            locale: Some("nl-NL".into()),
            metadata: Some(json!({"order_id": "12345"})),
            ..Customer::default()
        }
    );
}

#[test]
fn mollie_bad_get_response_reports_every_violation() {
    assert_eq!(
        invalid(Api::Mollie, &fixture("mollie_bad_get_response.json")),
        pairs(&[
            ("/resource", "one_of"),
            ("/id", "id"),
            ("/email", "email"),
            ("/createdAt", "timestamp"),
            ("/_links/self/href", "url"),
        ])
    );
}

#[test]
fn tazapay_seed_002_reports_its_example_email_at_data_email() {
    let json = fixture("tazapay_customer_response.json");
    let error = Api::Tazapay.decode(&json).unwrap_err();
    assert!(matches!(error, Error::Invalid(_)), "{error:?}");
    assert_eq!(violations(&error), pairs(&[("/data/email", "email")]));
    let shown = error.to_string();
    assert!(shown.starts_with("/data/email: "), "{shown}");
    assert!(!shown.contains("protected"), "the value leaked: {shown}");
    assert!(!format!("{error:?}").contains("protected"));
}

fn tazapay_address(line1: &str, line2: &str, postal_code: &str, number: &str) -> Address {
    Address {
        name: Some("Andrew Robin".into()),
        line1: Some(line1.into()),
        line2: Some(line2.into()),
        city: Some("New York".into()),
        state: Some("NY".into()),
        country: Some("US".into()),
        postal_code: Some(postal_code.into()),
        phone: Some(Phone {
            calling_code: "1".into(),
            number: number.into(),
        }),
        label: Some("home".into()),
    }
}

fn tazapay_expected() -> Customer {
    Customer {
        id: Some("cus_abc123xyz456".into()),
        name: Some("Andrew Robin".into()),
        email: Some("andrew.robin@example.com".into()),
        phone: Some(Phone {
            calling_code: "1".into(),
            number: "2025550183".into(),
        }),
        country: Some("US".into()),
        billing_addresses: vec![tazapay_address(
            "123 Main Street",
            "Apt 45B",
            "10001",
            "2125550199",
        )],
        shipping_addresses: vec![tazapay_address(
            "789 Broadway Avenue",
            "Suite 500",
            "10003",
            "9175550132",
        )],
        metadata: Some(json!({"referral_code": "REF2025ABC"})),
        created_at: Some("2025-10-13T14:30:00Z".into()),
        ..Customer::default()
    }
}

#[test]
fn tazapay_envelope_with_a_real_email() {
    assert_eq!(
        decode(Api::Tazapay, "tazapay_customer_response_fixed.json"),
        tazapay_expected()
    );
}

#[test]
fn tazapay_bare_customer() {
    let envelope: serde_json::Value =
        serde_json::from_str(&fixture("tazapay_customer_response_fixed.json")).unwrap();
    let bare = envelope["data"].to_string();
    assert_eq!(Api::Tazapay.decode(&bare).unwrap(), tazapay_expected());

    let seed: serde_json::Value =
        serde_json::from_str(&fixture("tazapay_customer_response.json")).unwrap();
    let error = Api::Tazapay.decode(&seed["data"].to_string()).unwrap_err();
    assert_eq!(violations(&error), pairs(&[("/email", "email")]));
}

#[test]
fn tazapay_create_request() {
    let customer = decode(Api::Tazapay, "tazapay_create_request.json");
    assert_eq!(
        customer,
        Customer {
            name: Some("Andrew Robin".into()),
            email: Some("andrew.robin@example.com".into()),
            phone: Some(Phone {
                calling_code: "65".into(),
                number: "91234567".into(),
            }),
            country: Some("US".into()),
            billing_addresses: vec![Address {
                name: Some("Andrew Robin".into()),
                line1: Some("1 Raffles Place".into()),
                city: Some("Singapore".into()),
                country: Some("SG".into()),
                postal_code: Some("048616".into()),
                label: Some("work".into()),
                ..Address::default()
            }],
            metadata: Some(json!({"key1": "value1", "key2": "value2"})),
            external_id: Some("crm-4711".into()),
            ..Customer::default()
        }
    );
}

#[test]
fn paddle_response_seed_003() {
    assert_eq!(
        decode(Api::Paddle, "paddle_customer_response.json"),
        Customer {
            id: Some("ctm_01hv6y1jedq4p1n0yqn5ba3ky4".into()),
            name: Some("Jo Brown".into()),
            email: Some("jo@example.com".into()),
            locale: Some("en".into()),
            marketing_consent: Some(false),
            status: Some(Status::Active),
            created_at: Some("2024-04-11T15:57:24.813Z".into()),
            updated_at: Some("2024-04-11T15:57:24.813Z".into()),
            ..Customer::default()
        }
    );
}

#[test]
fn paddle_request_example_seed_003() {
    assert_eq!(
        decode(Api::Paddle, "paddle_create_request.json"),
        Customer {
            name: Some("Jo Brown".into()),
            email: Some("jo@example.com".into()),
            ..Customer::default()
        }
    );
}

#[test]
fn paddle_imported_entity() {
    let customer = decode(Api::Paddle, "paddle_customer_imported.json");
    assert_eq!(customer.name, None);
    assert_eq!(customer.status, Some(Status::Archived));
    assert_eq!(customer.locale.as_deref(), Some("pt-BR"));
    assert_eq!(customer.metadata, Some(json!({"crm": {"tier": "gold"}})));
    assert_eq!(customer.external_id.as_deref(), Some("classic-991"));
    assert_eq!(customer.imported_from.as_deref(), Some("paddle_classic"));
    assert_eq!(customer.marketing_consent, Some(true));
}

#[test]
fn paddle_bad_create_request() {
    let json = fixture("paddle_bad_create_request.json");
    // The unknown key and the rule violation of a field that read, in one report.
    assert_eq!(
        invalid(Api::Paddle, &json),
        pairs(&[("/email", "email"), ("/phone", "unknown_field")])
    );
    let without_phone = json.replace(",\n  \"phone\": \"+4915112345678\"", "");
    assert_eq!(
        invalid(Api::Paddle, &without_phone),
        pairs(&[("/email", "email")])
    );
}

#[test]
fn legit_example_seed_004() {
    assert_eq!(
        decode(Api::Legit, "legit_create_customer.json"),
        Customer {
            external_id: Some("org-user-123".into()),
            // the seed's example repeats `key1`: kept as the list it is
            metadata: Some(json!([
                {"key": "key1", "value": "value1"},
                {"key": "key1", "value": "value1"}
            ])),
            ..Customer::default()
        }
    );
    let full = decode(Api::Legit, "legit_create_customer_full.json");
    assert_eq!(full.name.as_deref(), Some("Jo Brown"));
    assert_eq!(full.email.as_deref(), Some("jo@example.com"));
    assert_eq!(
        full.metadata,
        Some(json!([{"key": "plan", "value": "pro"}, {"key": "seats", "value": 5}]))
    );
}

#[test]
fn legit_sdk_key_custom_identifier_is_read_too() {
    let customer = Api::Legit
        .decode(r#"{"customIdentifier": "org-user-123"}"#)
        .unwrap();
    assert_eq!(customer.external_id.as_deref(), Some("org-user-123"));
}

#[test]
fn legit_bad_body() {
    assert_eq!(
        invalid(Api::Legit, &fixture("legit_bad_metadata.json")),
        pairs(&[("/email", "email"), ("/metadata", "json_string")])
    );
}
