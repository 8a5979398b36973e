//! Decode with one API, encode for another: all 25 pairs, what survives and what is refused.

use customer_core::providers::Api;
use customer_core::{Address, Customer, Error, Phone};
use serde_json::{json, Value};

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A valid example of each API (Tazapay's with its seed email replaced by an address).
fn source(api: Api) -> Customer {
    let name = match api {
        Api::Mollie => "mollie_get_response.json",
        Api::Tazapay => "tazapay_customer_response_fixed.json",
        Api::Paddle => "paddle_customer_response.json",
        Api::Legit => "legit_create_customer_full.json",
        Api::Stripe => "stripe_customer.json",
        other => panic!("no source document for {other}"),
    };
    api.decode(&fixture(name))
        .unwrap_or_else(|e| panic!("{api} {name}:\n{e}"))
}

fn refusals(error: &Error) -> Vec<(String, String)> {
    assert!(matches!(error, Error::Unrepresentable(_)), "{error:?}");
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

/// The outcome expected for each (from, to) pair: the body, or the refused pointers and codes.
fn expected(from: Api, to: Api) -> Result<Value, Vec<(String, String)>> {
    use Api::{Legit, Mollie, Paddle, Stripe, Tazapay};
    const NO_PLACE: &str = "unrepresentable";
    let mollie_metadata = json!({"order_id": "12345", "tags": ["vip", "newsletter"]});
    let tazapay_places = [
        ("/phone", NO_PLACE),
        ("/country", NO_PLACE),
        ("/billing_addresses", NO_PLACE),
        ("/shipping_addresses", NO_PLACE),
    ];
    match (from, to) {
        (Mollie, Mollie) => Ok(json!({
            "name": "John Doe", "email": "example@email.com", "locale": "nl_NL",
            "metadata": mollie_metadata
        })),
        (Mollie, Tazapay) => Err(pairs(&[("/locale", NO_PLACE), ("/country", "required")])),
        (Mollie, Paddle) => Ok(json!({
            "email": "example@email.com", "name": "John Doe", "custom_data": mollie_metadata,
            "locale": "nl-NL"
        })),
        // Legit metadata values are scalars; `tags` is a list.
        (Mollie, Legit) => Err(pairs(&[
            ("/locale", NO_PLACE),
            ("/metadata/tags", NO_PLACE),
        ])),

        (Tazapay, Tazapay) => Ok(json!({
            "name": "Andrew Robin", "email": "andrew.robin@example.com", "country": "US",
            "phone": {"calling_code": "1", "number": "2025550183"},
            "billing_address": [{
                "name": "Andrew Robin",
                "address": {"line1": "123 Main Street", "line2": "Apt 45B", "city": "New York",
                            "state": "NY", "country": "US", "postal_code": "10001"},
                "phone": {"calling_code": "1", "number": "2125550199"},
                "label": "home"
            }],
            "shipping_address": [{
                "name": "Andrew Robin",
                "address": {"line1": "789 Broadway Avenue", "line2": "Suite 500", "city": "New York",
                            "state": "NY", "country": "US", "postal_code": "10003"},
                "phone": {"calling_code": "1", "number": "9175550132"},
                "label": "home"
            }],
            "metadata": "{\"referral_code\":\"REF2025ABC\"}"
        })),
        (Tazapay, Mollie | Paddle | Legit) => Err(pairs(&tazapay_places)),

        (Paddle, Paddle) => {
            Ok(json!({"email": "jo@example.com", "name": "Jo Brown", "locale": "en"}))
        }
        // Mollie has no `en` without a region.
        (Paddle, Mollie) => Err(pairs(&[("/locale", "locale")])),
        (Paddle, Tazapay) => Err(pairs(&[("/locale", NO_PLACE), ("/country", "required")])),
        (Paddle, Legit) => Err(pairs(&[("/locale", NO_PLACE)])),

        (Legit, Legit) => Ok(json!({
            "name": "Jo Brown", "email": "jo@example.com", "custom_identifier": "org-user-123",
            "metadata": "[{\"key\":\"plan\",\"value\":\"pro\"},{\"key\":\"seats\",\"value\":5}]"
        })),
        (Legit, Mollie | Paddle) => Err(pairs(&[("/external_id", NO_PLACE)])),
        (Legit, Tazapay) => Err(pairs(&[("/country", "required")])),

        // Stripe's form body (a string here). Its address is the billing address and holds the
        // country; `nl-NL` is the first of its preferred locales.
        (Stripe, Stripe) => Ok(json!(concat!(
            "address[city]=Amsterdam&address[country]=NL&address[line1]=Keizersgracht%201",
            "&address[postal_code]=1015%20CJ&email=jennyrosen%40example.com",
            "&metadata[order_id]=6735&name=Jenny%20Rosen&phone=%2B31201234567",
            "&preferred_locales[0]=nl-NL&shipping[address][city]=Utrecht",
            "&shipping[address][country]=NL&shipping[address][line1]=Oudegracht%202",
            "&shipping[address][postal_code]=3511%20AA&shipping[name]=Jenny%20Rosen"
        ))),
        (Stripe, Mollie | Paddle) => Err(pairs(&tazapay_places)),
        (Stripe, Tazapay) => Err(pairs(&[("/locale", NO_PLACE)])),
        (Stripe, Legit) => Err(pairs(&[
            ("/locale", NO_PLACE),
            ("/phone", NO_PLACE),
            ("/country", NO_PLACE),
            ("/billing_addresses", NO_PLACE),
            ("/shipping_addresses", NO_PLACE),
        ])),
        // Stripe's metadata values are strings; Mollie's `tags` is a list.
        (Mollie, Stripe) => Err(pairs(&[("/metadata/tags", NO_PLACE)])),
        // Stripe's address has no name, phone or label; its shipping address no label.
        (Tazapay, Stripe) => Err(pairs(&[
            ("/billing_addresses/0/name", NO_PLACE),
            ("/billing_addresses/0/phone", NO_PLACE),
            ("/billing_addresses/0/label", NO_PLACE),
            ("/shipping_addresses/0/label", NO_PLACE),
        ])),
        (Paddle, Stripe) => Ok(json!(
            "email=jo%40example.com&name=Jo%20Brown&preferred_locales[0]=en"
        )),
        // Legit's `seats` is a number.
        (Legit, Stripe) => Err(pairs(&[
            ("/metadata/seats", NO_PLACE),
            ("/external_id", NO_PLACE),
        ])),
        (from, to) => panic!("no expectation for {from} -> {to}"),
    }
}

#[test]
fn all_25_pairs() {
    for from in Api::ALL {
        let customer = source(from);
        for to in Api::ALL {
            let outcome = to.encode(&customer);
            match (expected(from, to), outcome) {
                (Ok(body), Ok(json)) => {
                    assert!(
                        !json.contains('\n') && !json.contains(": "),
                        "not compact: {json}"
                    );
                    let written: Value = if to == Api::Stripe {
                        Value::String(json)
                    } else {
                        serde_json::from_str(&json).unwrap()
                    };
                    assert_eq!(written, body, "{from} -> {to}");
                }
                (Err(refused), Err(error)) => {
                    assert_eq!(refusals(&error), refused, "{from} -> {to}:\n{error}");
                }
                (want, got) => panic!("{from} -> {to}: expected {want:?}, got {got:?}"),
            }
        }
    }
}

/// What of `customer` the API's create request carries, as the API reads it back.
fn carried(api: Api, customer: &Customer) -> Customer {
    let metadata = customer.metadata.clone();
    match api {
        Api::Mollie => Customer {
            name: customer.name.clone(),
            email: customer.email.clone(),
            locale: customer.locale.clone(),
            metadata,
            ..Customer::default()
        },
        Api::Tazapay => Customer {
            name: customer.name.clone(),
            email: customer.email.clone(),
            phone: customer.phone.clone(),
            country: customer.country.clone(),
            billing_addresses: customer.billing_addresses.clone(),
            shipping_addresses: customer.shipping_addresses.clone(),
            metadata,
            external_id: customer.external_id.clone(),
            ..Customer::default()
        },
        Api::Paddle => Customer {
            name: customer.name.clone(),
            email: customer.email.clone(),
            locale: customer.locale.clone(),
            metadata,
            ..Customer::default()
        },
        Api::Legit => Customer {
            name: customer.name.clone(),
            email: customer.email.clone(),
            metadata,
            external_id: customer.external_id.clone(),
            ..Customer::default()
        },
        // One billing address (without name, phone, label), its country the customer's; one
        // shipping address (without label).
        Api::Stripe => Customer {
            name: customer.name.clone(),
            email: customer.email.clone(),
            locale: customer.locale.clone(),
            phone: customer.phone.clone(),
            country: customer
                .billing_addresses
                .first()
                .and_then(|a| a.country.clone()),
            billing_addresses: customer.billing_addresses.clone(),
            shipping_addresses: customer.shipping_addresses.clone(),
            metadata,
            ..Customer::default()
        },
        other => panic!("what does {other}'s create request carry? Add its arm"),
    }
}

/// Clears or supplies what a refusal names, as a user would after reading the error.
fn resolve(customer: &mut Customer, pointer: &str) {
    match pointer {
        "/locale" => customer.locale = None,
        "/phone" => customer.phone = None,
        "/country" if customer.country.is_some() => customer.country = None,
        "/country" => customer.country = Some("NL".into()),
        p if p.starts_with("/billing_addresses") => customer.billing_addresses.clear(),
        p if p.starts_with("/shipping_addresses") => customer.shipping_addresses.clear(),
        "/external_id" => customer.external_id = None,
        p if p.starts_with("/metadata") => customer.metadata = None,
        other => panic!("unexpected refusal at {other}"),
    }
}

/// Metadata as a key → value object, whichever of the two forms it is in.
fn as_object(metadata: Option<Value>) -> Option<Value> {
    metadata.map(|value| match value {
        Value::Array(items) => Value::Object(
            items
                .into_iter()
                .map(|item| {
                    (
                        item["key"].as_str().unwrap().to_owned(),
                        item["value"].clone(),
                    )
                })
                .collect(),
        ),
        other => other,
    })
}

#[test]
fn what_survives_each_pair_after_resolving_the_refusals() {
    for from in Api::ALL {
        for to in Api::ALL {
            let mut customer = source(from);
            // A value may lose its place with another (Stripe's country is its address's): a
            // second round resolves what the first uncovered.
            for _ in 0..2 {
                if let Err(error) = to.encode(&customer) {
                    for violation in error.violations() {
                        resolve(&mut customer, violation.pointer());
                    }
                }
            }
            let json = to
                .encode(&customer)
                .unwrap_or_else(|e| panic!("{from} -> {to} after resolving:\n{e}"));
            let mut back = to
                .decode(&json)
                .unwrap_or_else(|e| panic!("{from} -> {to} -> decode:\n{e}"));
            let mut want = carried(to, &customer);
            back.metadata = as_object(back.metadata);
            want.metadata = as_object(want.metadata);
            assert_eq!(back, want, "{from} -> {to}");
        }
    }
}

#[test]
fn same_api_round_trip_keeps_the_request_as_it_was() {
    for (api, name) in [
        (Api::Mollie, "mollie_create_request.json"),
        (Api::Tazapay, "tazapay_create_request.json"),
        (Api::Paddle, "paddle_create_request.json"),
        (Api::Legit, "legit_create_customer.json"),
        (Api::Legit, "legit_create_customer_full.json"),
    ] {
        let original: Value = serde_json::from_str(&fixture(name)).unwrap();
        let customer = api.decode(&fixture(name)).unwrap();
        let written: Value = serde_json::from_str(&api.encode(&customer).unwrap()).unwrap();
        let normalise = |mut v: Value| {
            // metadata strings hold JSON: compare what they hold
            if let Some(Value::String(text)) = v.get("metadata").cloned() {
                v["metadata"] = serde_json::from_str(&text).unwrap();
            }
            // `null` and absent say the same in a request
            if let Value::Object(map) = &mut v {
                for entry in map.values_mut().filter_map(|e| e.as_array_mut()).flatten() {
                    if let Some(address) = entry.get_mut("address").and_then(Value::as_object_mut) {
                        address.retain(|_, v| !v.is_null());
                    }
                }
            }
            v
        };
        assert_eq!(normalise(written), normalise(original), "{api} {name}");
    }
}

// ----- Refusals, one at a time ----------------------------------------------------------------

fn customer() -> Customer {
    Customer {
        name: Some("Jo Brown".into()),
        email: Some("jo@example.com".into()),
        ..Customer::default()
    }
}

fn refused(api: Api, customer: &Customer) -> Vec<(String, String)> {
    match api.encode(customer) {
        Ok(json) => panic!("{api} wrote {json}"),
        Err(error) => refusals(&error),
    }
}

#[test]
fn mollie_locales_map_to_bcp47_and_back() {
    for (tag, code) in [
        ("nl-NL", "nl_NL"),
        ("nl-nl", "nl_NL"),
        ("EN-gb", "en_GB"),
        ("ca-ES", "ca_ES"),
        ("cs-CZ", "cs_CZ"),
        ("de-LU", "de_LU"),
        ("fr-lu", "fr_LU"),
        ("tr-TR", "tr_TR"),
    ] {
        let json = Api::Mollie
            .encode(&Customer {
                locale: Some(tag.into()),
                ..customer()
            })
            .unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&json).unwrap()["locale"],
            json!(code)
        );
    }
    for tag in ["nl", "en-AU", "pt-BR", "zh-Hant-TW", "en-US-x-twain"] {
        let c = Customer {
            locale: Some(tag.into()),
            ..customer()
        };
        assert_eq!(
            refused(Api::Mollie, &c),
            pairs(&[("/locale", "locale")]),
            "{tag}"
        );
    }
}

/// A locale in any case goes to every provider in the form its documentation writes: Stripe and
/// Paddle a BCP 47 tag in RFC 5646's case (`en-US`, `zh-Hant-TW`), Mollie `en_US`; Tazapay and
/// Legit hold no locale. On create and on update.
#[test]
fn mixed_case_locales_are_written_in_each_providers_form() {
    use customer_core::{CustomerPatch, Patch};
    for (tag, bcp47, mollie) in [
        ("EN-us", "en-US", Some("en_US")),
        ("nl-nl", "nl-NL", Some("nl_NL")),
        ("ZH-hant-tw", "zh-Hant-TW", None),
        ("PT-br", "pt-BR", None),
        ("De", "de", None),
    ] {
        let c = Customer {
            locale: Some(tag.into()),
            ..customer()
        };
        let patch = CustomerPatch {
            locale: Patch::Value(tag.into()),
            ..CustomerPatch::default()
        };
        for (api, written) in [
            (Api::Stripe, Api::Stripe.encode(&c)),
            (Api::Stripe, Api::Stripe.encode_update(&patch)),
        ] {
            let written = written.unwrap_or_else(|e| panic!("{api} {tag}: {e:?}"));
            assert!(
                written.contains(&format!("preferred_locales[0]={bcp47}")),
                "{tag}: {written}"
            );
        }
        for written in [Api::Paddle.encode(&c), Api::Paddle.encode_update(&patch)] {
            let written = written.unwrap_or_else(|e| panic!("paddle {tag}: {e:?}"));
            let json: Value = serde_json::from_str(&written).unwrap();
            assert_eq!(json["locale"], json!(bcp47), "{tag}");
        }
        if let Some(code) = mollie {
            for written in [Api::Mollie.encode(&c), Api::Mollie.encode_update(&patch)] {
                let written = written.unwrap_or_else(|e| panic!("mollie {tag}: {e:?}"));
                let json: Value = serde_json::from_str(&written).unwrap();
                assert_eq!(json["locale"], json!(code), "{tag}");
            }
        }
    }
}

#[test]
fn metadata_limits_and_forms() {
    // Mollie: at most 1024 bytes of compact JSON (a string: its text and two quotes)
    let sized = |n: usize| Customer {
        metadata: Some(json!("m".repeat(n))),
        ..customer()
    };
    assert!(Api::Mollie.encode(&sized(1022)).is_ok());
    assert_eq!(
        refused(Api::Mollie, &sized(1023)),
        pairs(&[("/metadata", "metadata_too_large")])
    );
    // a number is metadata too (Mollie's current OpenAPI document); a boolean is not
    let number = Api::Mollie
        .encode(&Customer {
            metadata: Some(json!(7)),
            ..customer()
        })
        .unwrap();
    assert_eq!(
        serde_json::from_str::<Value>(&number).unwrap()["metadata"],
        json!(7)
    );
    assert_eq!(
        refused(
            Api::Mollie,
            &Customer {
                metadata: Some(json!(true)),
                ..customer()
            }
        ),
        pairs(&[("/metadata", "invalid_type")])
    );
    // Paddle and Tazapay want an object
    let text = Customer {
        metadata: Some(json!("just text")),
        country: Some("NL".into()),
        ..customer()
    };
    assert_eq!(
        refused(Api::Tazapay, &text),
        pairs(&[("/metadata", "unrepresentable")])
    );
    let text = Customer {
        country: None,
        ..text
    };
    assert_eq!(
        refused(Api::Paddle, &text),
        pairs(&[("/metadata", "unrepresentable")])
    );
    // a list of entries with a repeated key cannot become an object
    let repeated = Customer {
        metadata: Some(json!([{"key": "a", "value": "1"}, {"key": "a", "value": "2"}])),
        ..customer()
    };
    assert_eq!(
        refused(Api::Paddle, &repeated),
        pairs(&[("/metadata/1/key", "unrepresentable")])
    );
    // Legit wants entries with scalar values
    let nested = Customer {
        metadata: Some(json!({"plan": "pro", "limits/daily": {"calls": 5}})),
        ..customer()
    };
    assert_eq!(
        refused(Api::Legit, &nested),
        pairs(&[("/metadata/limits~1daily", "unrepresentable")])
    );
    // null metadata is no metadata
    let null = Customer {
        metadata: Some(Value::Null),
        ..customer()
    };
    for api in [Api::Mollie, Api::Paddle, Api::Legit] {
        let json: Value = serde_json::from_str(&api.encode(&null).unwrap()).unwrap();
        assert!(
            json.get("metadata").is_none() && json.get("custom_data").is_none(),
            "{api}"
        );
    }
}

#[test]
fn paddle_email_rules_on_encode() {
    let mut c = customer();
    c.email = Some("jö@example.com".into());
    assert_eq!(refused(Api::Paddle, &c), pairs(&[("/email", "email")]));
    // Mollie and Legit take the address as it is
    assert!(Api::Mollie.encode(&c).is_ok());
    assert!(Api::Legit.encode(&c).is_ok());
    c.email = None;
    assert_eq!(refused(Api::Paddle, &c), pairs(&[("/email", "required")]));
    c.email = Some("jo@example.com".into());
    c.name = Some("n".repeat(1025));
    assert_eq!(refused(Api::Paddle, &c), pairs(&[("/name", "length")]));
    c.name = None;
    c.locale = Some("de-DE-1996".into());
    assert_eq!(refused(Api::Paddle, &c), pairs(&[("/locale", "locale")]));
}

#[test]
fn tazapay_needs_name_email_country_and_maps_addresses() {
    assert_eq!(
        refused(Api::Tazapay, &Customer::default()),
        pairs(&[
            ("/name", "required"),
            ("/email", "required"),
            ("/country", "required")
        ])
    );
    let c = Customer {
        country: Some("SG".into()),
        external_id: Some("crm-1".into()),
        billing_addresses: vec![Address {
            line1: Some("1 Raffles Place".into()),
            country: Some("SG".into()),
            phone: Some(Phone {
                calling_code: "65".into(),
                number: "91234567".into(),
            }),
            ..Address::default()
        }],
        ..customer()
    };
    let body: Value = serde_json::from_str(&Api::Tazapay.encode(&c).unwrap()).unwrap();
    assert_eq!(body["reference_id"], json!("crm-1"));
    assert_eq!(
        body["billing_address"][0]["address"],
        json!({"line1": "1 Raffles Place", "state": null, "country": "SG"})
    );
    assert_eq!(
        body["billing_address"][0]["phone"],
        json!({"calling_code": "65", "number": "91234567"})
    );
}

#[test]
fn an_invalid_customer_is_invalid_not_unrepresentable() {
    let c = Customer {
        email: Some("not an address".into()),
        locale: Some("en_US".into()),
        country: Some("XX".into()),
        ..customer()
    };
    for api in Api::ALL {
        let error = api.encode(&c).unwrap_err();
        assert!(matches!(error, Error::Invalid(_)), "{api}: {error:?}");
        let pointers: Vec<&str> = error.violations().iter().map(|v| v.pointer()).collect();
        assert_eq!(pointers, ["/email", "/locale", "/country"], "{api}");
    }
}

#[test]
fn errors_never_show_the_values() {
    let secret = "zq7sec";
    let c = Customer {
        name: Some(format!("{secret}{}", "n".repeat(1100))),
        email: Some(format!("{secret}ö@example.com")),
        locale: Some(format!("x-{secret}")),
        phone: Some(Phone {
            calling_code: "1".into(),
            number: "2025550183".into(),
        }),
        metadata: Some(json!({ "k": [secret] })),
        external_id: Some(secret.into()),
        ..Customer::default()
    };
    for api in Api::ALL {
        let error = api.encode(&c).unwrap_err();
        let shown = format!("{error}\n{error:?}");
        assert!(!shown.contains(secret), "{api}: {shown}");
        assert!(!error.violations().is_empty());
    }
}
