//! Every provider rule at its boundaries, through `Api::decode` (pointers into the document)
//! and, where the typed model says more than the canonical customer, through the model itself.

use customer_core::providers::{mollie, paddle, Api};
use customer_core::{Error, Valid};
use serde_json::{json, Value};

/// `(pointer, code)` of every violation of `api.decode(doc)`; empty when it decodes.
fn check(api: Api, doc: &Value) -> Vec<(String, String)> {
    match api.decode(&doc.to_string()) {
        Ok(_) => Vec::new(),
        Err(error) => error
            .violations()
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect(),
    }
}

fn ok(api: Api, doc: &Value) {
    let found = check(api, doc);
    assert!(found.is_empty(), "{api} refused {doc}: {found:?}");
}

fn refused(api: Api, doc: &Value, pointer: &str, code: &str) {
    let found = check(api, doc);
    assert!(
        found.iter().any(|(p, c)| p == pointer && c == code),
        "{api} {doc}: expected {pointer} {code}, got {found:?}"
    );
    assert!(
        found.iter().all(|(p, _)| p == pointer),
        "{api}: unexpected violations {found:?}"
    );
}

fn x(n: usize) -> String {
    "x".repeat(n)
}

// ----- Mollie ---------------------------------------------------------------------------------

#[test]
fn mollie_id_is_cst_and_1_to_28_alphanumerics() {
    ok(
        Api::Mollie,
        &json!({"id": format!("cst_{}", "aZ9".repeat(9) + "a")}),
    ); // 32 in all
    refused(
        Api::Mollie,
        &json!({"id": format!("cst_{}", x(29))}), // 33 in all
        "/id",
        "id",
    );
    ok(Api::Mollie, &json!({"id": "cst_a"}));
    refused(Api::Mollie, &json!({"id": "cst_"}), "/id", "id");
    refused(Api::Mollie, &json!({"id": "cus_abc"}), "/id", "id");
    refused(Api::Mollie, &json!({"id": "cst_ab-c"}), "/id", "id");
    refused(Api::Mollie, &json!({"id": "cst_abç"}), "/id", "id");
}

#[test]
fn mollie_metadata_is_at_most_1024_bytes_of_compact_json() {
    // A JSON string's compact form is its text plus two quotes.
    ok(Api::Mollie, &json!({"metadata": x(1022)}));
    refused(
        Api::Mollie,
        &json!({"metadata": x(1023)}),
        "/metadata",
        "metadata_too_large",
    );
    // {"k":"…"} is 8 bytes around the text; spaces of the document do not count.
    let spaced = format!(
        "{{\"id\": \"cst_a\", \"metadata\": {{ \"k\" :  \"{}\" }} }}",
        x(1016)
    );
    assert!(Api::Mollie.decode(&spaced).is_ok());
    refused(
        Api::Mollie,
        &json!({"id": "cst_a", "metadata": {"k": x(1017)}}),
        "/metadata",
        "metadata_too_large",
    );
    ok(Api::Mollie, &json!({"metadata": [1, 2, 3]}));
    ok(Api::Mollie, &json!({"id": "cst_a", "metadata": null}));
    refused(
        Api::Mollie,
        &json!({"metadata": true}),
        "/metadata",
        "invalid_type",
    );
    refused(
        Api::Mollie,
        &json!({"metadata": true}),
        "/metadata",
        "invalid_type",
    );
}

const REQUEST_LOCALES: [&str; 31] = [
    "en_US", "en_GB", "nl_NL", "nl_BE", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_BE", "es_ES",
    "ca_ES", "pt_PT", "it_IT", "nb_NO", "sv_SE", "fi_FI", "da_DK", "is_IS", "hu_HU", "pl_PL",
    "lv_LV", "lt_LT", "cs_CZ", "de_LU", "el_GR", "en_BE", "en_NL", "fr_LU", "sk_SK", "sl_SI",
    "tr_TR",
];

#[test]
fn mollie_requests_take_the_31_locales_responses_any_of_their_shape() {
    for locale in REQUEST_LOCALES {
        let customer = Api::Mollie
            .decode(&json!({"locale": locale}).to_string())
            .unwrap();
        assert_eq!(customer.locale, Some(locale.replace('_', "-")));
        let back: mollie::Locale = locale.parse().unwrap();
        assert_eq!(back.as_str(), locale);
        assert_eq!(
            mollie::Locale::from_bcp47(&locale.replace('_', "-")),
            Some(back)
        );
    }
    // Unknown values of Mollie's shape: refused in requests, kept in responses (new locales).
    for locale in ["xx_YY", "en_AU", "pt_BR"] {
        refused(Api::Mollie, &json!({"locale": locale}), "/locale", "one_of");
        let response = json!({"id": "cst_a", "locale": locale});
        let customer = Api::Mollie.decode(&response.to_string()).unwrap();
        assert_eq!(customer.locale, Some(locale.replace('_', "-")));
    }
    // Other shapes: refused in both.
    for locale in ["en-US", "en", "EN_us", "nl_NLX", "", "e_NL"] {
        refused(Api::Mollie, &json!({"locale": locale}), "/locale", "one_of");
        refused(
            Api::Mollie,
            &json!({"id": "cst_a", "locale": locale}),
            "/locale",
            "locale",
        );
    }
    let other: mollie::LocaleResponse = serde_json::from_value(json!("xx_YY")).unwrap();
    assert_eq!(other, mollie::LocaleResponse::Other("xx_YY".into()));
    let newer: mollie::LocaleResponse = serde_json::from_value(json!("cs_CZ")).unwrap();
    assert_eq!(newer, mollie::LocaleResponse::CsCz);
    assert_eq!(mollie::Locale::from_bcp47("nl"), None);
    assert_eq!(
        mollie::Locale::from_bcp47("NL-nl"),
        Some(mollie::Locale::NlNl)
    );
}

#[test]
fn mollie_mode_is_live_or_test() {
    ok(Api::Mollie, &json!({"id": "cst_a", "mode": "live"}));
    ok(Api::Mollie, &json!({"id": "cst_a", "mode": "test"}));
    refused(
        Api::Mollie,
        &json!({"id": "cst_a", "mode": "sandbox"}),
        "/mode",
        "one_of",
    );
}

#[test]
fn mollie_created_at_with_z_or_offset() {
    ok(Api::Mollie, &json!({"createdAt": "2024-03-20T09:13:37.0Z"}));
    ok(
        Api::Mollie,
        &json!({"createdAt": "2024-03-20T09:13:37+00:00"}),
    );
    refused(
        Api::Mollie,
        &json!({"createdAt": "2024-03-20 09:13"}),
        "/createdAt",
        "timestamp",
    );
}

fn links() -> Value {
    json!({
        "self": {"href": "https://api.mollie.com/v2/customers/cst_a", "type": "application/hal+json"},
        "dashboard": {"href": "https://my.mollie.com/dashboard/customers/cst_a", "type": "text/html"},
        "documentation": {"href": "https://docs.mollie.com/reference/get-customer", "type": "text/html"}
    })
}

#[test]
fn mollie_links() {
    ok(Api::Mollie, &json!({"id": "cst_a", "_links": links()}));
    let mut with_optional = links();
    with_optional["payments"] = Value::Null;
    with_optional["mandates"] = json!({"href": "https://api.mollie.com/v2/customers/cst_a/mandates", "type": "application/hal+json"});
    ok(
        Api::Mollie,
        &json!({"id": "cst_a", "_links": with_optional}),
    );
    with_optional["subscriptions"] = json!({"href": "not a url", "type": "application/hal+json"});
    refused(
        Api::Mollie,
        &json!({"id": "cst_a", "_links": with_optional}),
        "/_links/subscriptions/href",
        "url",
    );
    // Real responses lack any of `self`, `dashboard`, `documentation`: each is optional.
    for rel in ["self", "dashboard", "documentation"] {
        let mut without = links();
        without.as_object_mut().unwrap().remove(rel);
        let customer = Api::Mollie
            .decode(&json!({"id": "cst_a", "_links": without}).to_string())
            .unwrap();
        assert!(!customer.links.contains_key(rel), "{rel}");
        assert_eq!(customer.links.len(), 2, "{rel}");
    }
    let customer = Api::Mollie
        .decode(&json!({"id": "cst_a", "_links": links()}).to_string())
        .unwrap();
    assert_eq!(
        customer.links.get("self").map(String::as_str),
        Some("https://api.mollie.com/v2/customers/cst_a")
    );
    // ... but a link that is there is a link
    let mut no_href = links();
    no_href["dashboard"] = json!({"type": "text/html"});
    refused(
        Api::Mollie,
        &json!({"id": "cst_a", "_links": no_href}),
        "/_links/dashboard/href",
        "missing_field",
    );
}

#[test]
fn mollie_create_response_requires_its_nullable_keys() {
    let full = json!({
        "resource": "customer", "id": "cst_a", "mode": "live", "name": null, "email": null,
        "locale": null, "metadata": null, "createdAt": "2024-03-20T09:13:37.0Z", "_links": links()
    });
    let valid = Valid::<mollie::CreateCustomerResponse>::from_json(&full.to_string()).unwrap();
    assert_eq!(valid.name, None);
    let mut without_name = full.clone();
    without_name.as_object_mut().unwrap().remove("name");
    let error =
        Valid::<mollie::CreateCustomerResponse>::from_json(&without_name.to_string()).unwrap_err();
    assert_eq!(error.violations().violations()[0].pointer(), "/name");
    assert_eq!(error.violations().violations()[0].code(), "missing_field");
}

#[test]
fn mollie_get_response_absent_differs_from_null() {
    let absent: mollie::GetCustomerResponse = serde_json::from_value(json!({})).unwrap();
    let null: mollie::GetCustomerResponse =
        serde_json::from_value(json!({"name": null, "locale": null, "mode": null})).unwrap();
    assert_eq!(absent.name, None);
    assert_eq!(null.name, Some(None));
    assert_eq!(null.locale, Some(None));
    assert_eq!(null.mode, Some(None));
    // and both survive writing back
    assert_eq!(serde_json::to_value(&absent).unwrap(), json!({}));
    assert_eq!(
        serde_json::to_value(&null).unwrap(),
        json!({"name": null, "locale": null, "mode": null})
    );
}

// ----- Tazapay --------------------------------------------------------------------------------

fn tazapay(data: Value) -> Value {
    json!({"status": "success", "message": "", "data": data})
}

#[test]
fn tazapay_id_country_email() {
    ok(
        Api::Tazapay,
        &tazapay(json!({"id": "cus_abc123xyz456", "country": "SG"})),
    );
    refused(
        Api::Tazapay,
        &tazapay(json!({"id": "cust_abc"})),
        "/data/id",
        "id",
    );
    refused(
        Api::Tazapay,
        &tazapay(json!({"id": "cus_"})),
        "/data/id",
        "id",
    );
    refused(
        Api::Tazapay,
        &tazapay(json!({"id": "cus_a", "country": "XX"})),
        "/data/country",
        "country",
    );
    refused(
        Api::Tazapay,
        &tazapay(json!({"id": "cus_a", "country": "us"})),
        "/data/country",
        "country",
    );
    refused(
        Api::Tazapay,
        &tazapay(json!({"id": "cus_a", "email": "andrew@"})),
        "/data/email",
        "email",
    );
    refused(
        Api::Tazapay,
        &tazapay(json!({"id": "cus_a", "object": "payment"})),
        "/data/object",
        "one_of",
    );
}

#[test]
fn tazapay_phone_is_digits_without_plus_at_most_15() {
    let phone = |cc: &str, n: &str| {
        tazapay(json!({"id": "cus_a", "phone": {"calling_code": cc, "number": n}}))
    };
    ok(Api::Tazapay, &phone("1", "2025550183"));
    ok(Api::Tazapay, &phone("65", "9123456789012")); // 15 digits
    refused(
        Api::Tazapay,
        &phone("65", "91234567890123"),
        "/data/phone",
        "phone",
    ); // 16
    refused(
        Api::Tazapay,
        &phone("+1", "2025550183"),
        "/data/phone/calling_code",
        "phone",
    );
    refused(
        Api::Tazapay,
        &phone("1", "+2025550183"),
        "/data/phone/number",
        "phone",
    );
    refused(
        Api::Tazapay,
        &phone("1", "202-555-0183"),
        "/data/phone/number",
        "phone",
    );
    refused(
        Api::Tazapay,
        &tazapay(json!({"id": "cus_a", "phone": {"calling_code": "1"}})),
        "/data/phone/number",
        "missing_field",
    );
}

#[test]
fn tazapay_addresses() {
    let entry = |country: &str, state: Value| {
        json!({
            "name": "A", "label": "home",
            "address": {"line1": "1 Main St", "line2": "", "city": "X", "state": state,
                         "country": country, "postal_code": "1"},
            "phone": {"calling_code": "1", "number": "2025550183"}
        })
    };
    ok(
        Api::Tazapay,
        &tazapay(
            json!({"id": "cus_a", "billing_address": [entry("US", Value::Null)],
                         "shipping_address": [entry("US", json!("NY"))]}),
        ),
    );
    refused(
        Api::Tazapay,
        &tazapay(
            json!({"id": "cus_a", "billing_address": [entry("US", Value::Null), entry("ZZ", Value::Null)]}),
        ),
        "/data/billing_address/1/address/country",
        "country",
    );
    let mut bad_phone = entry("US", Value::Null);
    bad_phone["phone"]["number"] = json!("12345678901234567");
    refused(
        Api::Tazapay,
        &tazapay(json!({"id": "cus_a", "shipping_address": [bad_phone]})),
        "/data/shipping_address/0/phone",
        "phone",
    );
}

#[test]
fn tazapay_create_request_metadata_is_a_json_object_string() {
    let request = |metadata: Value| json!({"name": "A", "email": "a@example.com", "country": "SG", "metadata": metadata});
    ok(Api::Tazapay, &request(json!("{\"key1\": \"value1\"}")));
    refused(
        Api::Tazapay,
        &request(json!("not json")),
        "/metadata",
        "json_string",
    );
    refused(
        Api::Tazapay,
        &request(json!("[1, 2]")),
        "/metadata",
        "json_string",
    );
    // JSON the crate would not hold unaltered: a repeated key, an integer beyond 64 bits.
    for text in [
        "{\"plan\": \"free\", \"plan\": \"pro\"}",
        "{\"n\": 123456789012345678901234567890}",
    ] {
        refused(
            Api::Tazapay,
            &request(json!(text)),
            "/metadata",
            "json_string",
        );
    }
    refused(
        Api::Tazapay,
        &request(json!({"key1": "value1"})),
        "/metadata",
        "invalid_type",
    );
    refused(
        Api::Tazapay,
        &json!({"email": "a@example.com", "country": "SG"}),
        "/name",
        "missing_field",
    );
}

// ----- Paddle ---------------------------------------------------------------------------------

fn paddle_entity() -> Value {
    json!({
        "id": "ctm_01hv6y1jedq4p1n0yqn5ba3ky4", "status": "active", "custom_data": null,
        "name": "Jo Brown", "email": "jo@example.com", "marketing_consent": false,
        "locale": "en", "created_at": "2024-04-11T15:57:24.813Z",
        "updated_at": "2024-04-11T15:57:24.813Z", "import_meta": null
    })
}

fn paddle_with(key: &str, value: Value) -> Value {
    let mut entity = paddle_entity();
    entity[key] = value;
    json!({"data": entity, "meta": {"request_id": "9bcdcc29-e180-4055-ad3d-d37e5dc5e56d"}})
}

/// An address of `64 + 1 + domain` characters: a 64-character local part, then labels of at
/// most 63 characters.
fn email_of(domain: usize) -> String {
    let mut labels = Vec::new();
    let mut left = domain;
    while left > 0 {
        let take = left.min(63);
        labels.push("d".repeat(take));
        left = left.saturating_sub(take + 1);
    }
    let text = format!("{}@{}", "l".repeat(64), labels.join("."));
    assert_eq!(text.len(), 65 + domain);
    text
}

#[test]
fn paddle_id_is_ctm_and_26_lowercase_alphanumerics() {
    ok(
        Api::Paddle,
        &paddle_with("id", json!(format!("ctm_{}", "a1".repeat(13)))),
    );
    refused(
        Api::Paddle,
        &paddle_with("id", json!(format!("ctm_{}", "a".repeat(25)))),
        "/data/id",
        "pattern",
    );
    refused(
        Api::Paddle,
        &paddle_with("id", json!(format!("ctm_{}", "a".repeat(27)))),
        "/data/id",
        "pattern",
    );
    refused(
        Api::Paddle,
        &paddle_with("id", json!(format!("ctm_{}", "A".repeat(26)))),
        "/data/id",
        "pattern",
    );
}

#[test]
fn paddle_email_is_1_to_320_ascii_characters() {
    // The longest address the grammar allows: 254 bytes (RFC 5321's path limit), a 64-byte
    // local part and a 189-byte domain.
    let longest = email_of(189);
    ok(Api::Paddle, &paddle_with("email", json!(longest)));
    ok(Api::Paddle, &json!({"email": longest}));
    // One byte more, and 320 characters (within `length`): the grammar refuses both.
    for domain in [190, 255] {
        let at_limit = check(Api::Paddle, &json!({"email": email_of(domain)}));
        assert_eq!(at_limit, [("/email".to_owned(), "email".to_owned())]);
    }
    // 321 characters break `length` too.
    let over = check(
        Api::Paddle,
        &paddle_with("email", json!(format!("l{}", email_of(255)))),
    );
    assert!(over.iter().all(|(p, _)| p == "/data/email"), "{over:?}");
    assert!(over.iter().any(|(_, c)| c == "length"), "{over:?}");
    let empty = check(Api::Paddle, &json!({"email": ""}));
    assert!(
        !empty.is_empty() && empty.iter().all(|(p, _)| p == "/email"),
        "{empty:?}"
    );
    refused(
        Api::Paddle,
        &json!({"email": "jö@example.com"}),
        "/email",
        "email",
    );
    refused(
        Api::Paddle,
        &json!({"email": "jo@exämple.com"}),
        "/email",
        "email",
    );
    refused(
        Api::Paddle,
        &json!({"name": "Jo"}),
        "/email",
        "missing_field",
    );
}

#[test]
fn paddle_name_is_at_most_1024_characters_or_null() {
    // characters, not bytes: `é` is two bytes
    ok(Api::Paddle, &paddle_with("name", json!("é".repeat(1024))));
    refused(
        Api::Paddle,
        &paddle_with("name", json!("é".repeat(1025))),
        "/data/name",
        "length",
    );
    ok(Api::Paddle, &paddle_with("name", Value::Null));
    refused(
        Api::Paddle,
        &json!({"email": "jo@example.com", "name": x(1025)}),
        "/name",
        "length",
    );
}

#[test]
fn paddle_locale_is_bcp47_short_form_default_en() {
    for locale in ["en", "pt-BR", "zh-Hant", "zh-Hant-TW", "es-419"] {
        ok(Api::Paddle, &paddle_with("locale", json!(locale)));
        ok(
            Api::Paddle,
            &json!({"email": "jo@example.com", "locale": locale}),
        );
    }
    for locale in ["en_US", "de-DE-1996", "en-US-x-twain", "", "e"] {
        refused(
            Api::Paddle,
            &paddle_with("locale", json!(locale)),
            "/data/locale",
            "locale",
        );
    }
    let mut entity = paddle_entity();
    entity.as_object_mut().unwrap().remove("locale");
    let customer = Api::Paddle.decode(&entity.to_string()).unwrap();
    assert_eq!(customer.locale.as_deref(), Some("en"));
}

#[test]
fn paddle_external_id_is_1_to_200_characters_or_null() {
    let meta =
        |external_id: Value| json!({"external_id": external_id, "imported_from": "paddle_classic"});
    ok(
        Api::Paddle,
        &paddle_with("import_meta", meta(json!(x(200)))),
    );
    ok(Api::Paddle, &paddle_with("import_meta", meta(json!(x(1)))));
    ok(Api::Paddle, &paddle_with("import_meta", meta(Value::Null)));
    refused(
        Api::Paddle,
        &paddle_with("import_meta", meta(json!(x(201)))),
        "/data/import_meta/external_id",
        "length",
    );
    refused(
        Api::Paddle,
        &paddle_with("import_meta", meta(json!(""))),
        "/data/import_meta/external_id",
        "length",
    );
}

#[test]
fn paddle_status_custom_data_timestamps_and_envelope() {
    refused(
        Api::Paddle,
        &paddle_with("status", json!("deleted")),
        "/data/status",
        "one_of",
    );
    ok(
        Api::Paddle,
        &paddle_with("custom_data", json!({"a": [1, {"b": null}]})),
    );
    refused(
        Api::Paddle,
        &paddle_with("custom_data", json!(["a"])),
        "/data/custom_data",
        "invalid_type",
    );
    refused(
        Api::Paddle,
        &paddle_with("updated_at", json!("2024-04-11")),
        "/data/updated_at",
        "timestamp",
    );
    refused(
        Api::Paddle,
        &json!({"data": paddle_entity()}),
        "/meta",
        "missing_field",
    );
    let mut no_consent = paddle_entity();
    no_consent
        .as_object_mut()
        .unwrap()
        .remove("marketing_consent");
    refused(
        Api::Paddle,
        &no_consent,
        "/marketing_consent",
        "missing_field",
    );
}

#[test]
fn paddle_create_request_refuses_unknown_keys() {
    refused(
        Api::Paddle,
        &json!({"email": "jo@example.com", "country": "DE"}),
        "/country",
        "unknown_field",
    );
    let error = Valid::<paddle::CreateCustomerRequest>::from_json(
        r#"{"email": "jo@example.com", "customData": {}}"#,
    )
    .unwrap_err();
    assert_eq!(error.violations().violations()[0].pointer(), "/customData");
    assert_eq!(error.violations().violations()[0].code(), "unknown_field");
}

#[test]
fn paddle_entity_rules_all_reported_together() {
    let mut entity = paddle_entity();
    entity["id"] = json!("ctm_short");
    entity["email"] = json!("jö@example.com");
    entity["locale"] = json!("en_US");
    entity["created_at"] = json!("yesterday");
    let found = check(
        Api::Paddle,
        &json!({"data": entity, "meta": {"request_id": "r"}}),
    );
    let pointers: Vec<&str> = found.iter().map(|(p, _)| p.as_str()).collect();
    // In document order: `json!` writes its keys sorted.
    assert_eq!(
        pointers,
        [
            "/data/created_at",
            "/data/email",
            "/data/id",
            "/data/locale"
        ]
    );
}

// ----- Legit ----------------------------------------------------------------------------------

#[test]
fn legit_metadata_is_a_string_holding_a_list_of_key_value() {
    let body = |metadata: &str| json!({"metadata": metadata});
    ok(
        Api::Legit,
        &body(r#"[{"key":"key1","value":"value1"},{"key":"key1","value":"value1"}]"#),
    );
    ok(Api::Legit, &body("[]"));
    ok(
        Api::Legit,
        &body(r#"[{"key":"n","value":1},{"key":"b","value":true}]"#),
    );
    for bad in [
        r#"{"key":"k","value":"v"}"#,
        r#"[{"key":"k"}]"#,
        r#"[{"key":1,"value":"v"}]"#,
        r#"[{"key":"k","value":{"nested":1}}]"#,
        r#"[{"key":"k","value":"v","extra":1}]"#,
        r#""text""#,
        "not json",
        // JSON the crate would not hold unaltered: a repeated key, an integer beyond 64 bits.
        r#"[{"key":"k","key":"j","value":"v"}]"#,
        r#"[{"key":"n","value":123456789012345678901234567890}]"#,
    ] {
        let found = check(Api::Legit, &body(bad));
        assert_eq!(
            found,
            vec![("/metadata".to_owned(), "json_string".to_owned())],
            "{bad}"
        );
    }
    refused(
        Api::Legit,
        &json!({"metadata": [{"key": "k", "value": "v"}]}),
        "/metadata",
        "invalid_type",
    );
}

#[test]
fn legit_everything_is_optional() {
    ok(Api::Legit, &json!({"name": "Jo"}));
    ok(Api::Legit, &json!({"custom_identifier": "org-user-123"}));
    // But a document with none of the fields is not a Legit document.
    refused(Api::Legit, &json!({}), "", "not_this_api");
    refused(Api::Legit, &json!({"email": "jo@"}), "/email", "email");
}

// ----- Documents ------------------------------------------------------------------------------

#[test]
fn documents_must_be_json_objects() {
    for api in Api::ALL {
        let error = api.decode("[]").unwrap_err();
        assert!(matches!(error, Error::Invalid(_)));
        assert_eq!(error.violations().violations()[0].pointer(), "");
        assert_eq!(error.violations().violations()[0].code(), "invalid_type");
        let error = api.decode("{\"name\": ").unwrap_err();
        assert!(matches!(error, Error::Syntax(_)), "{error:?}");
        let deep = "[".repeat(100_000);
        assert!(api.decode(&deep).is_err());
    }
}

#[test]
fn a_repeated_key_is_reported_not_overwritten() {
    let error = Api::Legit
        .decode(r#"{"email": "jo@example.com", "email": "not an address"}"#)
        .unwrap_err();
    let found: Vec<(&str, &str)> = error
        .violations()
        .iter()
        .map(|v| (v.pointer(), v.code()))
        .collect();
    assert_eq!(found, [("/email", "duplicate_field")]);
}

#[test]
fn api_names() {
    for api in Api::ALL {
        assert_eq!(api.to_string().parse::<Api>(), Ok(api));
    }
    assert_eq!("paddle".parse::<Api>(), Ok(Api::Paddle));
    assert!("Paddle".parse::<Api>().is_err());
    assert_eq!("stripe".parse::<Api>(), Ok(Api::Stripe));
    assert!("adyen".parse::<Api>().is_err());
}

/// A list page that does not read: the links read by their `deserialize_with` function (`null`
/// or a link) are read by that function alone, a missing one is its default (nothing to
/// validate), and a customer's rules are reported beside the shapes.
#[test]
fn a_mollie_list_that_does_not_read_reports_its_links_as_read_by_their_function() {
    let link = |href: Value| json!({"href": href, "type": "application/hal+json"});
    let mut customer_links = links();
    customer_links["dashboard"] = link(json!(1));
    customer_links["payments"] = Value::Null;
    customer_links["mandates"] = link(json!("not a url"));
    let doc = json!({
        "count": "two",
        "_embedded": {"customers": [
            {"resource": "customer", "id": "cst_a", "email": "nope", "_links": customer_links},
            {"id": 7, "_links": {"self": 5}}
        ]},
        "_links": {"self": link(json!("not a url")), "previous": null, "next": 3,
                   "documentation": {"type": "text/html"}}
    });
    let error = Valid::<mollie::CustomerList>::from_json(&doc.to_string()).unwrap_err();
    let found: Vec<(String, String)> = error
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect();
    // A `deserialize_with` field's `nested` model is read by its function, not walked: when it
    // reads (the page's `_links`), its rules run on it whole (the `url` of its `self`, at the
    // pointer `validate_into` gives); when it does not (the first customer's `_links`, whose
    // `dashboard` is wrong), its shape errors are reported and there is no model to validate
    // (the `url` of its `mandates` is not reported: the document is refused all the same).
    let expected: &[(&str, &str)] = &[
        (
            "/_embedded/customers/0/_links/dashboard/href",
            "invalid_type",
        ),
        ("/_embedded/customers/0/email", "email"),
        ("/_embedded/customers/1/_links/self", "invalid_type"),
        ("/_embedded/customers/1/id", "invalid_type"),
        ("/_links/documentation/href", "missing_field"),
        ("/_links/next", "invalid_type"),
        ("/_links/self/href", "url"),
        ("/count", "invalid_type"),
    ];
    assert_eq!(
        found,
        expected
            .iter()
            .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
            .collect::<Vec<_>>()
    );
}
