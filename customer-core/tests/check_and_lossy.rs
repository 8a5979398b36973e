//! `Api::check` (validation without a `Customer`) against `Api::decode`, and
//! `Api::encode_lossy` against `Api::encode`, on every fixture and every pair of APIs.

use customer_core::providers::Api;
use customer_core::{Customer, Error, Phone};

/// Every fixture (valid and invalid documents of all four APIs), plus broken shapes.
fn documents() -> Vec<(String, String)> {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut documents: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("fixtures")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("fixture");
            (path.display().to_string(), text)
        })
        .collect();
    documents.sort();
    for (name, text) in [
        ("not json", "{\"email\": "),
        ("array", "[]"),
        ("string", "\"x\""),
        ("empty object", "{}"),
        ("trailing", "{} {}"),
        ("wrong type", r#"{"email": 5, "name": []}"#),
        ("data array", r#"{"data": [1]}"#),
        (
            "duplicate",
            r#"{"email": "a@example.com", "email": "b@example.com"}"#,
        ),
    ] {
        documents.push((name.to_owned(), text.to_owned()));
    }
    documents
}

fn pairs(error: &Error) -> Vec<(String, String, String)> {
    error
        .violations()
        .iter()
        .map(|v| {
            (
                v.pointer().to_owned(),
                v.code().to_owned(),
                v.message().into_owned(),
            )
        })
        .collect()
}

#[test]
fn check_agrees_with_decode_on_every_document() {
    let mut checked = 0;
    for (name, text) in documents() {
        for api in Api::ALL {
            let decoded = api.decode(&text);
            let verdict = api.check(&text);
            match (&decoded, &verdict) {
                (Ok(_), Ok(())) => {}
                (Err(d), Err(c)) => assert_eq!(pairs(d), pairs(c), "{api} {name}"),
                _ => panic!("{api} {name}: decode {decoded:?}, check {verdict:?}"),
            }
            checked += 1;
        }
    }
    assert!(checked > 40);
}

/// A customer with something for every API to refuse.
fn rich() -> Customer {
    Customer {
        name: Some("Jo Brown".into()),
        email: Some("jo@example.com".into()),
        locale: Some("en".into()),
        country: Some("NL".into()),
        phone: Some(Phone {
            calling_code: "31".into(),
            number: "612345678".into(),
        }),
        external_id: Some("ext-1".into()),
        metadata: Some(serde_json::json!([{"key": "a", "value": 1}, {"key": "a", "value": 2}])),
        ..Customer::default()
    }
}

#[test]
fn lossy_equals_strict_when_nothing_is_refused() {
    for (name, text) in documents() {
        for from in Api::ALL {
            let Ok(customer) = from.decode(&text) else {
                continue;
            };
            for to in Api::ALL {
                match to.encode(&customer) {
                    Ok(body) => {
                        let lossy = to
                            .encode_lossy(&customer)
                            .expect("lossy where strict is ok");
                        assert_eq!(lossy.body, body, "{from} -> {to} {name}");
                        assert!(lossy.dropped.is_empty());
                    }
                    Err(strict) => {
                        assert!(matches!(strict, Error::Unrepresentable(_)), "{strict:?}");
                        // What lossy drops is what strict refused; what it writes is valid.
                        let strict_pointers: Vec<String> = strict
                            .violations()
                            .iter()
                            .map(|v| v.pointer().to_owned())
                            .collect();
                        if let Ok(lossy) = to.encode_lossy(&customer) {
                            assert!(!lossy.dropped.is_empty(), "{from} -> {to} {name}");
                            for dropped in &lossy.dropped {
                                assert!(
                                    strict_pointers
                                        .iter()
                                        .any(|p| p.starts_with(dropped.pointer())),
                                    "{from} -> {to} {name}: {} not among {strict_pointers:?}",
                                    dropped.pointer()
                                );
                            }
                            to.decode(&lossy.body).expect("the lossy body reads back");
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn lossy_drops_each_refused_value_once_and_keeps_the_rest() {
    let customer = rich();
    let mollie = Api::Mollie
        .encode_lossy(&customer)
        .expect("Mollie needs nothing");
    assert_eq!(
        mollie.body,
        r#"{"name":"Jo Brown","email":"jo@example.com","metadata":[{"key":"a","value":1},{"key":"a","value":2}]}"#
    );
    let dropped: Vec<(&str, &str)> = mollie
        .dropped
        .iter()
        .map(|v| (v.pointer(), v.code()))
        .collect();
    assert_eq!(
        dropped,
        [
            ("/locale", "locale"),
            ("/phone", "unrepresentable"),
            ("/country", "unrepresentable"),
            ("/external_id", "unrepresentable"),
        ]
    );

    // Paddle: metadata with a repeated key cannot be an object; dropped as a whole.
    let paddle = Api::Paddle
        .encode_lossy(&customer)
        .expect("the email is there");
    let body: serde_json::Value = serde_json::from_str(&paddle.body).expect("JSON");
    assert_eq!(
        body,
        serde_json::json!({"email": "jo@example.com", "name": "Jo Brown", "locale": "en"})
    );
    let pointers: Vec<&str> = paddle.dropped.iter().map(|v| v.pointer()).collect();
    assert_eq!(
        pointers,
        ["/phone", "/country", "/metadata", "/external_id"]
    );
    for violation in &paddle.dropped {
        let shown = format!("{violation} {violation:?}");
        for secret in ["612345678", "ext-1", "Jo Brown"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }

    // A value the target needs stays an error; dropped values are not reported as errors.
    let error = Api::Paddle
        .encode_lossy(&Customer {
            email: None,
            ..customer.clone()
        })
        .expect_err("Paddle needs an email");
    assert_eq!(
        pairs(&error)
            .iter()
            .map(|p| p.0.as_str())
            .collect::<Vec<_>>(),
        ["/email"]
    );

    // A required value in a form the target refuses: the refusal is the error, not "needs".
    let error = Api::Paddle
        .encode_lossy(&Customer {
            email: Some("jö@example.com".into()),
            ..Customer::default()
        })
        .expect_err("Paddle emails are ASCII");
    let found = pairs(&error);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "/email");
    assert_ne!(found[0].1, "required", "{found:?}");

    // A customer breaking its own rules is refused by both.
    let broken = Customer {
        email: Some("not an address".into()),
        ..Customer::default()
    };
    assert!(matches!(
        Api::Mollie.encode_lossy(&broken),
        Err(Error::Invalid(_))
    ));
}

#[test]
fn lossy_drops_a_single_address_member() {
    use customer_core::Address;
    let customer = Customer {
        name: Some("Jo".into()),
        email: Some("jo@example.com".into()),
        country: Some("NL".into()),
        billing_addresses: vec![Address {
            line1: Some("Main Street 1".into()),
            phone: Some(Phone {
                calling_code: "31".into(),
                number: "612345678".into(),
            }),
            ..Address::default()
        }],
        ..Customer::default()
    };
    // Tazapay holds addresses: nothing dropped.
    let tazapay = Api::Tazapay.encode_lossy(&customer).expect("encodes");
    assert!(tazapay.dropped.is_empty());
    // Legit holds none: the list goes, once.
    let legit = Api::Legit.encode_lossy(&customer).expect("encodes");
    let pointers: Vec<&str> = legit.dropped.iter().map(|v| v.pointer()).collect();
    assert_eq!(pointers, ["/country", "/billing_addresses"]);
}

/// `check` reads a document once, with the shape guessed from the previous document on the
/// thread and confirmed while reading. In any order of shapes and APIs, its verdict is
/// `decode`'s.
#[test]
fn check_agrees_with_decode_in_any_order() {
    let mut documents = documents();
    // Shapes told apart by keys that also appear nested or as values.
    documents.extend(
        [
            r#"{"email": "jo@example.com", "custom_data": {"data": 1, "id": "x"}}"#,
            r#"{"email": "data@example.com", "name": "id"}"#,
            r#"{"data": {"email": "jo@example.com"}}"#,
            r#"{"id": "ctm_01hv6y1jedq4p1n0yqn5ba3ky4", "email": "jo@example.com"}"#,
            r#"{"d\u0061ta": {"email": "jo@example.com"}, "meta": {"request_id": "r"}}"#,
            r#"{"resource": "customer"}"#,
            r#"{"events": [], "id": "cst_abc"}"#,
            // Valid as a request (an unknown key is ignored), invalid as a response.
            r#"{"id": "bad-id", "email": "jo@example.com"}"#,
            r#"{"id": "bad-id", "name": "Jo", "email": "jo@example.com", "country": "NL"}"#,
        ]
        .map(|text| ("constructed".to_owned(), text.to_owned())),
    );
    // A fixed pseudo-random walk (xorshift), so that a failure repeats.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = |bound: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        usize::try_from(state % bound as u64).unwrap_or(0)
    };
    for _ in 0..3000 {
        let (name, text) = &documents[next(documents.len())];
        let api = Api::ALL[next(Api::ALL.len())];
        let decoded = api.decode(text).map(drop);
        let checked = api.check(text);
        match (&decoded, &checked) {
            (Ok(()), Ok(())) => {}
            (Err(d), Err(c)) => assert_eq!(pairs(d), pairs(c), "{api} {name}: {text}"),
            _ => panic!("{api} {name}: decode {decoded:?}, check {checked:?}: {text}"),
        }
    }
}
