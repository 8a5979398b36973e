//! Stripe: its form-encoded requests read with the same violations and pointers as their JSON
//! form, its limits (metadata, ids), the shapes `decode` tells apart, list pages, error bodies,
//! updates, and what a conversion to Stripe refuses or drops.

use customer_core::providers::Api;
use customer_core::{Address, Customer, CustomerPatch, Error, Patch, Phone};
use serde_json::{json, Value};

fn violations(error: &Error) -> Vec<(String, String)> {
    error
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn a_form_and_its_json_give_the_same_violations() {
    let long_key = "k".repeat(41);
    let form = format!(
        "email=jo%20at%20example.com&name=Jo&metadata[{long_key}]=v&metadata[plan]={}\
         &preferred_locales[0]=nl&preferred_locales[1]=en_US&invoice_prefix=ab\
         &shipping[name]=Jo&shipping[address][country]=nl",
        "x".repeat(501)
    );
    let json = json!({
        "email": "jo at example.com", "name": "Jo",
        "metadata": {long_key.clone(): "v", "plan": "x".repeat(501)},
        "preferred_locales": ["nl", "en_US"], "invoice_prefix": "ab",
        "shipping": {"name": "Jo", "address": {"country": "nl"}}
    })
    .to_string();
    let from_form = violations(&Api::Stripe.decode(&form).unwrap_err());
    let from_json = violations(&Api::Stripe.decode(&json).unwrap_err());
    assert_eq!(from_form, from_json);
    for expected in [
        "/email",
        "/preferred_locales/1",
        "/invoice_prefix",
        "/shipping/address/country",
    ] {
        assert!(
            from_form.iter().any(|(pointer, _)| pointer == expected),
            "{expected} in {from_form:?}"
        );
    }
    let metadata: Vec<&(String, String)> = from_form
        .iter()
        .filter(|(p, _)| p.starts_with("/metadata/"))
        .collect();
    assert_eq!(metadata.len(), 2, "{from_form:?}");
}

#[test]
fn a_form_and_its_json_give_the_same_shape_errors() {
    // `balance` is an integer: a form value that is not one is the same `invalid_type`.
    let from_form = violations(
        &Api::Stripe
            .decode("balance=12.5&tax_exempt=maybe&validate=yes")
            .unwrap_err(),
    );
    let from_json = violations(
        &Api::Stripe
            .decode(r#"{"balance": "12.5", "tax_exempt": "maybe", "validate": "yes"}"#)
            .unwrap_err(),
    );
    assert_eq!(from_form, from_json);
    assert_eq!(from_form.len(), 3, "{from_form:?}");
    assert_eq!(
        from_form[0],
        ("/balance".to_owned(), "invalid_type".to_owned())
    );
}

#[test]
fn a_form_reads_into_the_customer() {
    let customer = Api::Stripe
        .decode(
            "name=Jenny+Rosen&email=jenny%40example.com&phone=%2B31%2020%20123%204567\
             &preferred_locales[0]=nl-NL&preferred_locales[1]=en&metadata[order_id]=6735\
             &address[country]=NL&address[city]=Amsterdam\
             &shipping[name]=Jenny&shipping[address][line1]=Oudegracht%202&description=",
        )
        .unwrap();
    assert_eq!(customer.name.as_deref(), Some("Jenny Rosen"));
    assert_eq!(customer.email.as_deref(), Some("jenny@example.com"));
    assert_eq!(
        customer.phone,
        Some(Phone {
            calling_code: "31".into(),
            number: "201234567".into()
        })
    );
    assert_eq!(customer.locale.as_deref(), Some("nl-NL"));
    assert_eq!(customer.country.as_deref(), Some("NL"));
    assert_eq!(customer.metadata, Some(json!({"order_id": "6735"})));
    assert_eq!(
        customer.billing_addresses[0].city.as_deref(),
        Some("Amsterdam")
    );
    assert_eq!(
        customer.shipping_addresses[0].name.as_deref(),
        Some("Jenny")
    );
}

#[test]
fn form_syntax_and_unknown_parameters_are_refused() {
    let error = Api::Stripe.decode("name=a&name=b").unwrap_err();
    assert!(matches!(error, Error::Syntax(_)));
    assert_eq!(violations(&error), pairs(&[("/name", "invalid_form")]));
    let error = Api::Stripe.decode("name=Jo&nickname=Jo").unwrap_err();
    assert_eq!(violations(&error), pairs(&[("/nickname", "unknown_field")]));
    // The same in JSON.
    let error = Api::Stripe
        .decode(r#"{"name": "Jo", "nickname": "Jo"}"#)
        .unwrap_err();
    assert_eq!(violations(&error), pairs(&[("/nickname", "unknown_field")]));
    // None of Stripe's parameters (the empty form too): not a Stripe document.
    for body in ["nickname=Jo", ""] {
        let error = Api::Stripe.decode(body).unwrap_err();
        assert_eq!(violations(&error)[0].1, "not_this_api", "{body:?}");
    }
}

#[test]
fn a_raw_line_break_in_a_form_is_refused_not_kept_in_a_value() {
    // A file's last line break ends it: not part of the last value.
    let customer = Api::Stripe
        .decode("email=jo%40example.com&name=Jo\n")
        .unwrap();
    assert_eq!(customer.name.as_deref(), Some("Jo"));
    let customer = Api::Stripe
        .decode("email=jo%40example.com&name=Jo\r\n")
        .unwrap();
    assert_eq!(customer.name.as_deref(), Some("Jo"));
    // Encoded, a line break is a value's.
    let customer = Api::Stripe
        .decode("email=jo%40example.com&name=Jo%0ABrown")
        .unwrap();
    assert_eq!(customer.name.as_deref(), Some("Jo\nBrown"));
    // Raw, it is no form: two forms on two lines were one form whose first name swallowed the
    // second line (`name` = "Jo\nemail=..."), a name with a tab, a NUL.
    for body in [
        "name=Jo\nemail=jo%40example.com",
        "email=jo%40example.com&name=Jo\nBrown\n",
        "email=jo%40example.com&name=Jo\tBrown",
        "email=jo%40example.com&name=Jo\u{0}",
        "email=jo%40example.com&name=Jo\n\n",
    ] {
        let error = Api::Stripe.decode(body).unwrap_err();
        assert!(matches!(error, Error::Syntax(_)), "{body:?}");
        assert_eq!(
            violations(&error),
            pairs(&[("", "invalid_form")]),
            "{body:?}"
        );
        assert!(Api::Stripe.decode_update(body).is_err(), "{body:?}");
    }
}

fn object(extra: Value) -> String {
    let mut customer = json!({
        "id": "cus_NffrFeUfNV2Hib", "object": "customer", "created": 1680893993,
        "livemode": true, "email": null, "metadata": {}
    });
    for (key, value) in extra.as_object().unwrap() {
        customer[key] = value.clone();
    }
    customer.to_string()
}

#[test]
fn metadata_limits_are_stripes() {
    let at_limits: serde_json::Map<String, Value> = (0..50)
        .map(|i| (format!("{i:0>40}"), json!("v".repeat(500))))
        .collect();
    let customer = Api::Stripe
        .decode(&object(json!({"metadata": at_limits})))
        .unwrap();
    assert_eq!(customer.metadata.unwrap().as_object().unwrap().len(), 50);

    let mut over = at_limits.clone();
    over.insert("k".repeat(41), json!("v"));
    over.insert("plan".into(), json!("v".repeat(501)));
    let error = Api::Stripe
        .decode(&object(json!({"metadata": over})))
        .unwrap_err();
    let key_pointer = format!("/metadata/{}", "k".repeat(41));
    assert_eq!(
        violations(&error),
        pairs(&[
            ("/metadata", "length"),
            (&key_pointer, "length"),
            ("/metadata/plan", "length")
        ])
    );
}

#[test]
fn ids_are_strict_only_where_stripe_is() {
    // Any prefix, up to 255 characters.
    let long = format!("cus_{}", "a".repeat(251));
    let customer = Api::Stripe.decode(&object(json!({"id": long}))).unwrap();
    assert_eq!(customer.id.map(|id| id.len()), Some(255));
    let customer = Api::Stripe
        .decode(&object(json!({"id": "cust_new"})))
        .unwrap();
    assert_eq!(customer.id.as_deref(), Some("cust_new"));
    let error = Api::Stripe
        .decode(&object(json!({"id": "a".repeat(256)})))
        .unwrap_err();
    assert_eq!(violations(&error), pairs(&[("/id", "length")]));
}

#[test]
fn the_customer_object_maps_to_the_customer() {
    let customer = Api::Stripe
        .decode(&object(json!({
            "phone": "(555) 555-5555",
            "preferred_locales": ["nl", "en"],
            "created": 1234567890,
            "currency": "EUR"
        })))
        .unwrap_err();
    // Stripe's currencies are lowercase.
    assert_eq!(violations(&customer), pairs(&[("/currency", "pattern")]));
    let customer = Api::Stripe
        .decode(&object(json!({
            "phone": "(555) 555-5555",
            "preferred_locales": ["nl", "en"],
            "created": 1234567890
        })))
        .unwrap();
    // No calling code: not guessed.
    assert_eq!(customer.phone, None);
    assert_eq!(customer.locale.as_deref(), Some("nl"));
    assert_eq!(customer.created_at.as_deref(), Some("2009-02-13T23:31:30Z"));
    assert_eq!(customer.mode, Some(customer_core::Mode::Live));
    assert_eq!(customer.metadata, None);
}

#[test]
fn deleted_customers_and_events() {
    let deleted = Api::Stripe
        .decode(r#"{"id": "cus_1", "object": "customer", "deleted": true}"#)
        .unwrap();
    assert_eq!(
        deleted,
        Customer {
            id: Some("cus_1".into()),
            ..Customer::default()
        }
    );
    let error = Api::Stripe
        .decode(r#"{"id": "cus_1", "object": "customer", "deleted": false}"#)
        .unwrap_err();
    assert_eq!(violations(&error), pairs(&[("/deleted", "one_of")]));

    let event = |kind: &str| {
        format!(
            r#"{{"id": "evt_1", "object": "event", "api_version": "2024-06-20", "created": 1,
                "livemode": false, "pending_webhooks": 0, "type": "{kind}",
                "data": {{"object": {}}}}}"#,
            object(json!({"email": "jo@example.com"}))
        )
    };
    for kind in Api::Stripe.webhook_events() {
        let customer = Api::Stripe.decode(&event(kind)).unwrap();
        assert_eq!(customer.email.as_deref(), Some("jo@example.com"));
    }
    let error = Api::Stripe.decode(&event("invoice.paid")).unwrap_err();
    assert_eq!(violations(&error), pairs(&[("/type", "one_of")]));
}

#[test]
fn list_pages_give_the_next_cursor() {
    let page = |has_more: bool| {
        format!(
            r#"{{"object": "list", "url": "/v1/customers", "has_more": {has_more},
                "data": [{}, {}]}}"#,
            object(json!({"id": "cus_A"})),
            object(json!({"id": "cus_B", "email": "jo at example"}))
        )
    };
    let error = Api::Stripe.decode_list(&page(true)).unwrap_err();
    assert_eq!(violations(&error), pairs(&[("/data/1/email", "email")]));
    assert_eq!(Api::Stripe.list_item_pointer(1), "/data/1");
    let ok = page(true).replace("jo at example", "jo@example.com");
    let page_more = Api::Stripe.decode_list(&ok).unwrap();
    assert_eq!(page_more.customers.len(), 2);
    assert_eq!(
        page_more.next.as_deref(),
        Some("/v1/customers?starting_after=cus%5FB")
    );
    let last = Api::Stripe
        .decode_list(&ok.replace("\"has_more\": true", "\"has_more\": false"))
        .unwrap();
    assert_eq!(last.next, None);
}

#[test]
fn error_bodies_point_at_the_parameter_and_keep_the_message_out() {
    let report = Api::Stripe
        .decode_error(
            r#"{"error": {"type": "invalid_request_error", "code": "parameter_invalid_empty",
                "param": "shipping[address][line1]",
                "message": "You passed an empty string for 'shipping[address][line1]': Oudegracht"}}"#,
        )
        .unwrap();
    let violation = report.iter().next().unwrap();
    assert_eq!(violation.pointer(), "/shipping/address/line1");
    assert_eq!(violation.code(), "rejected");
    assert!(violation.to_string().contains("parameter_invalid_empty"));
    assert!(!violation.to_string().contains("Oudegracht"));
    // No param, a code that is not a plain word: at "" and `unknown`.
    let report = Api::Stripe
        .decode_error(r#"{"error": {"type": "api_error", "code": "Jo Brown <jo@x>"}}"#)
        .unwrap();
    let violation = report.iter().next().unwrap();
    assert_eq!(violation.pointer(), "");
    assert!(!violation.to_string().contains("Jo Brown"));
}

#[test]
fn updates_read_unset_as_null_and_write_it_as_an_empty_value() {
    let patch = Api::Stripe
        .decode_update("name=&email=jo%40example.com&metadata[plan]=&metadata[seats]=5")
        .unwrap();
    assert_eq!(patch.name, Patch::Null);
    assert_eq!(patch.email, Patch::Value("jo@example.com".into()));
    assert_eq!(
        patch.metadata,
        Patch::Value(json!({"plan": null, "seats": "5"}))
    );
    let body = Api::Stripe
        .encode_update(&CustomerPatch {
            name: Patch::Null,
            locale: Patch::Value("de-CH".into()),
            ..CustomerPatch::default()
        })
        .unwrap();
    assert_eq!(body, "name=&preferred_locales[0]=de-CH");
    let error = Api::Stripe
        .encode_update(&CustomerPatch {
            status: Patch::Value(customer_core::Status::Archived),
            ..CustomerPatch::default()
        })
        .unwrap_err();
    assert_eq!(violations(&error), pairs(&[("/status", "unrepresentable")]));
}

#[test]
fn what_stripe_cannot_hold_is_refused_then_dropped_by_lossy() {
    let customer = Customer {
        name: Some("Jo Brown".into()),
        email: Some("jo@example.com".into()),
        country: Some("DE".into()),
        external_id: Some("u-1".into()),
        billing_addresses: vec![
            Address {
                label: Some("home".into()),
                country: Some("NL".into()),
                ..Address::default()
            },
            Address {
                city: Some("Berlin".into()),
                ..Address::default()
            },
        ],
        shipping_addresses: vec![Address {
            city: Some("Utrecht".into()),
            ..Address::default()
        }],
        metadata: Some(json!({"seats": 5, "plan": ""})),
        ..Customer::default()
    };
    let error = Api::Stripe.encode(&customer).unwrap_err();
    assert_eq!(
        violations(&error),
        pairs(&[
            // Stripe's customer has no country but its address's (NL here).
            ("/country", "unrepresentable"),
            ("/billing_addresses/1", "unrepresentable"),
            ("/billing_addresses/0/label", "unrepresentable"),
            // A shipping address needs a name.
            ("/shipping_addresses/0", "unrepresentable"),
            ("/metadata/plan", "unrepresentable"),
            ("/metadata/seats", "unrepresentable"),
            ("/external_id", "unrepresentable"),
        ])
    );
    let encoded = Api::Stripe.encode_lossy(&customer).unwrap();
    assert_eq!(encoded.body, "email=jo%40example.com&name=Jo%20Brown");
    let dropped: Vec<&str> = encoded.dropped.iter().map(|v| v.pointer()).collect();
    assert_eq!(
        dropped,
        [
            "/country",
            "/billing_addresses",
            "/shipping_addresses",
            "/metadata",
            "/external_id"
        ]
    );
}

#[test]
fn phones_go_as_text_and_come_back_split() {
    let customer = Customer {
        phone: Some(Phone {
            calling_code: "44".into(),
            number: "2079460958".into(),
        }),
        ..Customer::default()
    };
    let body = Api::Stripe.encode(&customer).unwrap();
    assert_eq!(body, "phone=%2B442079460958");
    assert_eq!(Api::Stripe.decode(&body).unwrap().phone, customer.phone);
    // Tazapay wants the phone object: a Stripe phone without a calling code does not reach it.
    let stripe = Api::Stripe
        .decode(&object(json!({
            "name": "Jo", "email": "jo@example.com",
            "phone": "555-555-5555", "address": {"country": "US"}
        })))
        .unwrap();
    let tazapay: Value =
        serde_json::from_str(&Api::Tazapay.encode_lossy(&stripe).unwrap().body).unwrap();
    assert!(tazapay.get("phone").is_none(), "{tazapay}");
}
