//! `webhooks::Verifier` against the providers' own test vectors (tests/fixtures/webhooks, origins
//! in its MANIFEST.md), and what no vector shows: a one-byte change anywhere, reordered keys,
//! both ends of the window, rotation, malformed headers, and errors that quote nothing.

#![cfg(feature = "webhooks")]

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use customer_core::providers::Api;
use customer_core::webhooks::{Rejected, Scheme, Verifier, WebhookError};
use serde_json::Value;

fn fixtures() -> &'static Path {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/webhooks"
    ))
}

/// One case of published.json / computed.json.
struct Case {
    name: String,
    verifier: Verifier,
    secrets: Vec<String>,
    header: String,
    body: Vec<u8>,
    now: SystemTime,
    expect: String,
}

fn scheme(name: &str) -> Scheme {
    match name {
        "stripe" => Scheme::Stripe,
        "paddle" => Scheme::Paddle,
        "mollie" => Scheme::Mollie,
        "tazapay" => Scheme::Tazapay,
        other => panic!("unknown scheme {other}"),
    }
}

fn cases(file: &str) -> Vec<Case> {
    let text = std::fs::read_to_string(fixtures().join(file)).expect("vectors");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("JSON");
    cases
        .into_iter()
        .map(|case| {
            let secrets: Vec<String> = case["secrets"]
                .as_array()
                .expect("secrets")
                .iter()
                .map(|s| s.as_str().expect("secret").to_owned())
                .collect();
            let scheme = scheme(case["scheme"].as_str().expect("scheme"));
            let mut verifier = Verifier::with_scheme(scheme, &secrets[0]);
            for secret in &secrets[1..] {
                verifier = verifier.secret(secret);
            }
            if let Some(secs) = case["tolerance_secs"].as_u64() {
                verifier = verifier.tolerance(Duration::from_secs(secs));
            }
            let body = match case["body_file"].as_str() {
                Some(file) => std::fs::read(fixtures().join(file)).expect("body file"),
                None => case["body"].as_str().expect("body").as_bytes().to_vec(),
            };
            Case {
                name: case["name"].as_str().expect("name").to_owned(),
                verifier,
                secrets,
                header: case["header"].as_str().expect("header").to_owned(),
                body,
                now: UNIX_EPOCH + Duration::from_millis(case["now_ms"].as_u64().unwrap_or(0)),
                expect: case["expect"].as_str().expect("expect").to_owned(),
            }
        })
        .collect()
}

fn kind(result: &Result<(), WebhookError>) -> &'static str {
    match result {
        Ok(()) => "ok",
        Err(WebhookError::MissingSignature { .. }) => "missing_signature",
        Err(WebhookError::MalformedHeader { .. }) => "malformed_header",
        Err(WebhookError::NoMatchingSignature) => "no_matching_signature",
        Err(WebhookError::Stale { .. }) => "stale",
        Err(WebhookError::Future { .. }) => "future",
        Err(WebhookError::MalformedBody { .. }) => "malformed_body",
        Err(other) => panic!("unexpected {other:?}"),
    }
}

fn run(file: &str) -> usize {
    let cases = cases(file);
    for case in &cases {
        let result = case.verifier.verify_at(&case.header, &case.body, case.now);
        assert_eq!(kind(&result), case.expect, "{file}: {}", case.name);
        if let Err(error) = result {
            let text = format!("{error} {error:?}");
            for secret in &case.secrets {
                assert!(!text.contains(secret.as_str()), "{}: {text}", case.name);
            }
            for part in case.header.split([',', ';', '=']) {
                if part.len() >= 16 {
                    assert!(!text.contains(part), "{}: {text}", case.name);
                }
            }
        }
    }
    cases.len()
}

#[test]
fn the_paddle_sdks_published_vectors() {
    assert_eq!(run("published.json"), 17);
}

#[test]
fn the_sdk_test_cases_signed_independently() {
    assert_eq!(run("computed.json"), 35);
}

/// Flipping any one bit of any byte of a signed body (every position, for the short ones; 64
/// spread positions for the long ones) breaks every signature that passed.
#[test]
fn one_byte_changed_anywhere_fails() {
    let mut checked = 0;
    for file in ["published.json", "computed.json"] {
        for case in cases(file).into_iter().filter(|c| c.expect == "ok") {
            let step = (case.body.len() / 64).max(1);
            for at in (0..case.body.len()).step_by(step) {
                for bit in [0x01, 0x20, 0x80] {
                    let mut body = case.body.clone();
                    body[at] ^= bit;
                    let result = case.verifier.verify_at(&case.header, &body, case.now);
                    assert!(
                        matches!(
                            result,
                            Err(WebhookError::NoMatchingSignature
                                | WebhookError::MalformedBody { .. })
                        ),
                        "{}: byte {at} ^ {bit:#x}: {result:?}",
                        case.name
                    );
                    checked += 1;
                }
            }
            // And one byte more, one byte less.
            let mut longer = case.body.clone();
            longer.push(b' ');
            assert!(case
                .verifier
                .verify_at(&case.header, &longer, case.now)
                .is_err());
            let shorter = &case.body[..case.body.len() - 1];
            assert!(case
                .verifier
                .verify_at(&case.header, shorter, case.now)
                .is_err());
        }
    }
    assert!(checked > 1000, "{checked}");
}

/// The same JSON with its keys in another order (what a parse and re-serialisation may give) is
/// another body: it must fail.
#[test]
fn reordered_keys_fail() {
    let body = std::fs::read(fixtures().join("paddle/standard_payload.json")).expect("fixture");
    let verifier = Verifier::new(
        Api::Paddle,
        "pdl_ntfset_01hs0t3tw21j988db1pam5xg8m_GrOWLNef+vmtjJYq4mSnHNzvc8uWoJ1I",
    );
    let header =
        "ts=1710498758;h1=558bf93944dbeb4790c7a8af6cb2ea435c8ca9c8396aafc1a4e37424ac132744";
    let at = UNIX_EPOCH + Duration::from_secs(1_710_498_758);
    assert_eq!(verifier.verify_at(header, &body, at), Ok(()));
    let Value::Object(map) = serde_json::from_slice::<Value>(&body).expect("JSON") else {
        panic!("an object");
    };
    let mut reversed = String::from("{");
    for (i, (key, value)) in map.iter().rev().enumerate() {
        if i > 0 {
            reversed.push(',');
        }
        reversed.push_str(&serde_json::to_string(key).expect("key"));
        reversed.push(':');
        reversed.push_str(&value.to_string());
    }
    reversed.push('}');
    assert_eq!(
        serde_json::from_str::<Value>(&reversed).expect("JSON"),
        Value::Object(map),
        "the same document"
    );
    assert_ne!(reversed.as_bytes(), body.as_slice());
    assert_eq!(
        verifier.verify_at(header, reversed.as_bytes(), at),
        Err(WebhookError::NoMatchingSignature)
    );
    // Pretty-printed, too.
    let pretty = serde_json::to_vec_pretty(&serde_json::from_slice::<Value>(&body).expect("JSON"))
        .expect("pretty");
    assert!(verifier.verify_at(header, &pretty, at).is_err());
}

/// Both ends of every scheme's window, and a configured window. Ages count in whole seconds
/// (timestamps are signed in whole seconds, and the error reports whole seconds): up to the
/// window's last millisecond passes, its next second does not; a zero window takes the second the
/// delivery was signed in.
#[test]
fn the_window_both_ways() {
    let body = br#"{"event_id":"evt_1","event_type":"customer.updated"}"#;
    let signed = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    for (scheme, window) in [(Scheme::Stripe, 300), (Scheme::Paddle, 5)] {
        let verifier = Verifier::with_scheme(scheme, "s3cret");
        assert_eq!(scheme.default_tolerance(), Duration::from_secs(window));
        let header = verifier.sign(body, signed).expect("signs");
        let edge = Duration::from_secs(window);
        let ms = Duration::from_millis(1);
        assert_eq!(verifier.verify_at(&header, body, signed), Ok(()));
        assert_eq!(verifier.verify_at(&header, body, signed + edge), Ok(()));
        assert_eq!(verifier.verify_at(&header, body, signed - edge), Ok(()));
        let second = Duration::from_secs(1);
        let last_ms = second - ms;
        assert_eq!(
            verifier.verify_at(&header, body, signed + edge + last_ms),
            Ok(())
        );
        assert_eq!(
            verifier.verify_at(&header, body, signed - edge - last_ms),
            Ok(())
        );
        assert_eq!(
            verifier.verify_at(&header, body, signed + edge + second),
            Err(WebhookError::Stale {
                age_secs: window + 1,
                tolerance_secs: window
            })
        );
        assert_eq!(
            verifier.verify_at(&header, body, signed - edge - second),
            Err(WebhookError::Future {
                ahead_secs: window + 1,
                tolerance_secs: window
            })
        );
        let wide = verifier.clone().tolerance(Duration::from_secs(3600));
        assert_eq!(wide.verify_at(&header, body, signed + edge * 10), Ok(()));
        // Zero: the second it was signed in, not the next one.
        let none = verifier.tolerance(Duration::ZERO);
        assert_eq!(none.verify_at(&header, body, signed), Ok(()));
        assert_eq!(none.verify_at(&header, body, signed + last_ms), Ok(()));
        assert_eq!(
            none.verify_at(&header, body, signed + second),
            Err(WebhookError::Stale {
                age_secs: 1,
                tolerance_secs: 0
            })
        );
        assert!(matches!(
            none.verify_at(&header, body, signed - second),
            Err(WebhookError::Future { .. })
        ));
    }
    // Mollie signs no time: a delivery a year late still holds (answer it by its id).
    let mollie = Verifier::new(Api::Mollie, "s3cret");
    let header = mollie.sign(body, signed).expect("signs");
    let year = Duration::from_secs(365 * 86_400);
    assert_eq!(mollie.verify_at(&header, body, signed + year), Ok(()));
}

/// Rotation: either secret passes, the header may carry both signatures, and a third secret
/// alone never passes.
#[test]
fn rotation() {
    let body = br#"{"id":"evt_1","type":"customer.updated"}"#;
    let at = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    for scheme in [Scheme::Stripe, Scheme::Paddle, Scheme::Mollie] {
        let old = Verifier::with_scheme(scheme, "old-secret");
        let new = Verifier::with_scheme(scheme, "new-secret");
        let both = Verifier::with_scheme(scheme, "old-secret").secret("new-secret");
        let by_old = old.sign(body, at).expect("signs");
        let by_new = new.sign(body, at).expect("signs");
        assert_eq!(both.verify_at(&by_old, body, at), Ok(()), "{scheme}");
        assert_eq!(both.verify_at(&by_new, body, at), Ok(()), "{scheme}");
        assert!(old.verify_at(&by_new, body, at).is_err(), "{scheme}");
        assert!(new.verify_at(&by_old, body, at).is_err(), "{scheme}");
        let other = Verifier::with_scheme(scheme, "other-secret");
        assert!(other.verify_at(&by_old, body, at).is_err(), "{scheme}");
    }
    // Two signatures in one Stripe header, each checked against each secret.
    let stripe_new = Verifier::with_scheme(Scheme::Stripe, "new-secret");
    let header = format!(
        "{},v1={}",
        Verifier::with_scheme(Scheme::Stripe, "old-secret")
            .sign(body, at)
            .expect("signs"),
        stripe_new
            .sign(body, at)
            .expect("signs")
            .rsplit_once("v1=")
            .expect("v1")
            .1
    );
    assert_eq!(stripe_new.verify_at(&header, body, at), Ok(()));
}

/// A header of thousands of signatures (each checked against the body's MAC, computed once per
/// secret): the right one anywhere among them passes, under either of two secrets; none right,
/// or the right one one byte off, fails; for every scheme.
#[test]
fn thousands_of_signatures_in_one_header() {
    let body = br#"{"id":"evt_1","type":"customer.updated","created_at":"2027-01-15T08:00:00Z"}"#;
    let at = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let wrong_hex = "ab".repeat(32);
    // 32 zero bytes: valid Base64 of a signature's length, so each is decoded and compared.
    let wrong_base64 = "A".repeat(43) + "=";
    for scheme in [
        Scheme::Stripe,
        Scheme::Paddle,
        Scheme::Mollie,
        Scheme::Tazapay,
    ] {
        // Tazapay's window is read from the body's `created_at`, which is `at`.
        let now = at;
        let signer = Verifier::with_scheme(scheme, "new-secret");
        let signed = signer.sign(body, at).expect("signs");
        let (prefix, right, separator, wrong) = match scheme {
            Scheme::Stripe => (
                "t=1800000000".to_owned(),
                signed.rsplit_once("v1=").expect("v1").1.to_owned(),
                ",",
                format!("v1={wrong_hex}"),
            ),
            Scheme::Paddle => (
                "ts=1800000000".to_owned(),
                signed.rsplit_once("h1=").expect("h1").1.to_owned(),
                ";",
                format!("h1={wrong_hex}"),
            ),
            Scheme::Mollie => (
                String::new(),
                signed.trim_start_matches("sha256=").to_owned(),
                ",",
                wrong_hex.clone(),
            ),
            _ => (String::new(), signed.clone(), ",", wrong_base64.clone()),
        };
        let key = match scheme {
            Scheme::Stripe => "v1=",
            Scheme::Paddle => "h1=",
            _ => "",
        };
        let header = |right_at: Option<usize>, right: &str| {
            let mut items = vec![prefix.clone()];
            for i in 0..3000 {
                if right_at == Some(i) {
                    items.push(format!("{key}{right}"));
                }
                items.push(wrong.clone());
            }
            items.retain(|item| !item.is_empty());
            items.join(separator)
        };
        let verifier = Verifier::with_scheme(scheme, "old-secret").secret("new-secret");
        for position in [0, 1500, 2999] {
            assert_eq!(
                verifier.verify_at(&header(Some(position), &right), body, now),
                Ok(()),
                "{scheme} at {position}"
            );
        }
        assert_eq!(
            verifier.verify_at(&header(None, &right), body, now),
            Err(WebhookError::NoMatchingSignature),
            "{scheme}"
        );
        // The right signature with its last character changed.
        let mut off = right.clone();
        let last = off.pop().expect("a signature");
        off.push(if last == 'A' || last == '0' { '1' } else { 'A' });
        if scheme == Scheme::Tazapay {
            off = right.replacen(
                &right[..1],
                if right.starts_with('B') { "C" } else { "B" },
                1,
            );
        }
        assert!(
            verifier
                .verify_at(&header(Some(10), &off), body, now)
                .is_err(),
            "{scheme}"
        );
        // A verifier of another secret refuses them all.
        let other = Verifier::with_scheme(scheme, "other-secret");
        assert!(
            other
                .verify_at(&header(Some(10), &right), body, now)
                .is_err(),
            "{scheme}"
        );
    }
}

/// Any header, any body: a verdict, never a panic, and never the header or the secret in the
/// error.
#[test]
fn malformed_headers_are_refused_without_panic() {
    let body = br#"{"id":"x","created_at":"2024-01-01T00:00:00Z"}"#;
    let at = UNIX_EPOCH + Duration::from_secs(1_704_067_200);
    let odd = [
        "",
        " ",
        "=",
        "==",
        ";;;",
        ",,,",
        "t",
        "t=,v1=",
        "t=1,t=2,v1=00",
        "ts=1;ts=2;h1=00",
        "t=-1,v1=00",
        "t=99999999999999999999999,v1=00",
        "ts=1e3;h1=00",
        "t=١٢٣,v1=00",
        "sha256=",
        "sha256=zz",
        "\u{0}",
        "t=1,v1=ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé",
        "!!!!",
        "====",
    ];
    let long = "v1=".repeat(10_000);
    for scheme in [
        Scheme::Stripe,
        Scheme::Paddle,
        Scheme::Mollie,
        Scheme::Tazapay,
    ] {
        let verifier = Verifier::with_scheme(scheme, "the-secret-value");
        for header in odd.iter().copied().chain([long.as_str()]) {
            let error = verifier.verify_at(header, body, at).expect_err("refused");
            assert!(error.is_unauthenticated(), "{scheme} {header:?}: {error:?}");
            let text = format!("{error} {error:?}");
            assert!(!text.contains("the-secret-value"), "{text}");
            if header.len() > 3 {
                assert!(!text.contains(header), "{scheme} {header:?}: {text}");
            }
        }
    }
    // No secret, and an API without webhooks.
    let empty = Verifier::new(Api::Paddle, "");
    assert_eq!(
        empty.verify_at("ts=1;h1=00", body, at),
        Err(WebhookError::NoSecret)
    );
    let legit = Verifier::new(Api::Legit, "s");
    assert!(matches!(
        legit.verify_at("x", body, at),
        Err(WebhookError::Unsupported { .. })
    ));
}

/// `receive`: the header found among others (any case), the Paddle customer of a published
/// vector read and converted, violations reported under `/data`, nothing read before the
/// signature holds.
#[test]
fn receive_verifies_then_decodes() {
    let secret = "pdl_ntfset_01hs0t3tw21j988db1pam5xg8m_GrOWLNef+vmtjJYq4mSnHNzvc8uWoJ1I";
    let verifier = Verifier::new(Api::Paddle, secret);
    let body = std::fs::read(fixtures().join("paddle/standard_payload.json")).expect("fixture");
    let header =
        "ts=1710498758;h1=558bf93944dbeb4790c7a8af6cb2ea435c8ca9c8396aafc1a4e37424ac132744";
    let at = UNIX_EPOCH + Duration::from_secs(1_710_498_758);
    let headers = [
        ("content-type", b"application/json".as_slice()),
        ("paddle-signature", header.as_bytes()),
    ];
    let event = verifier
        .receive_at(headers, &body, at)
        .expect("a verified event");
    assert_eq!(event.id, "evt_01hs0tqfme2xwb2hvwv87p8y3w");
    assert_eq!(event.event_type, "customer.created");
    assert_eq!(
        event.occurred_at,
        Some(UNIX_EPOCH + Duration::new(1_710_498_758, 286_848_000))
    );
    assert_eq!(
        event.customer_id.as_deref(),
        Some("ctm_01hs0tqf76sxmp7ba5e4mw1sc8")
    );
    let customer = event.customer.expect("the customer");
    assert_eq!(
        customer.id.as_deref(),
        Some("ctm_01hs0tqf76sxmp7ba5e4mw1sc8")
    );
    assert_eq!(
        customer.email.as_deref(),
        Some("blackhole+verification2@paddle.com")
    );
    assert_eq!(customer.name.as_deref(), Some("John Doe"));

    // Without the header, or one second past the window: nothing is read.
    let none: [(&str, &[u8]); 0] = [];
    assert!(matches!(
        verifier.receive_at(none, &body, at),
        Err(Rejected::Unverified(WebhookError::MissingSignature { .. }))
    ));
    assert!(matches!(
        verifier.receive_at(headers, &body, at + Duration::from_secs(6)),
        Err(Rejected::Unverified(WebhookError::Stale { .. }))
    ));

    // A well-signed event whose customer breaks Paddle's rules: every violation, under /data.
    let bad = br#"{"data":{"id":"ctm_01hs0tqf76sxmp7ba5e4mw1sc8","name":"J","email":"not an email","locale":"not a locale!","status":"active","created_at":"2024-03-15T10:32:37.862Z","updated_at":"2024-03-15T10:32:37.862Z","custom_data":null,"import_meta":null,"marketing_consent":false},"event_id":"evt_2","event_type":"customer.updated","occurred_at":"2024-03-15T10:32:38Z","notification_id":"ntf_1"}"#;
    let header = verifier.sign(bad, at).expect("signs");
    let headers = [("Paddle-Signature", header.as_bytes())];
    match verifier.receive_at(headers, bad, at) {
        Err(Rejected::Invalid {
            event_id, error, ..
        }) => {
            assert_eq!(event_id, "evt_2");
            let pointers: Vec<&str> = error.violations().iter().map(|v| v.pointer()).collect();
            assert!(pointers.contains(&"/data/email"), "{pointers:?}");
            assert!(pointers.contains(&"/data/locale"), "{pointers:?}");
            assert!(!error.to_string().contains("not an email"), "{error}");
        }
        other => panic!("expected the violations, got {other:?}"),
    }

    // Signed, but not an event.
    let odd = br#"{"hello":"world"}"#;
    let header = verifier.sign(odd, at).expect("signs");
    assert!(matches!(
        verifier.receive_at([("paddle-signature", header.as_bytes())], odd, at),
        Err(Rejected::NotAnEvent(_))
    ));

    // A customer event without its customer (no `data`, `null`, not an object): refused, not
    // taken as an event about nobody.
    for odd in [
        br#"{"event_id":"evt_4","event_type":"customer.updated","occurred_at":"2024-03-15T10:32:38Z"}"#.as_slice(),
        br#"{"event_id":"evt_4","event_type":"customer.created","occurred_at":"2024-03-15T10:32:38Z","data":null}"#,
        br#"{"event_id":"evt_4","event_type":"customer.updated","occurred_at":"2024-03-15T10:32:38Z","data":"ctm_1"}"#,
    ] {
        let header = verifier.sign(odd, at).expect("signs");
        let got = verifier.receive_at([("paddle-signature", header.as_bytes())], odd, at);
        assert!(matches!(got, Err(Rejected::NotAnEvent(_))), "{got:?}");
    }

    // An event that is not about a customer: its id and type, no customer.
    let other = br#"{"event_id":"evt_3","event_type":"transaction.completed","occurred_at":"2024-03-15T10:32:38Z","data":{"id":"txn_1"}}"#;
    let header = verifier.sign(other, at).expect("signs");
    let event = verifier
        .receive_at([("paddle-signature", header.as_bytes())], other, at)
        .expect("verified");
    assert_eq!(event.event_type, "transaction.completed");
    assert!(event.customer.is_none() && event.customer_id.is_none());
}

/// Stripe's event shape: id, type, `created`, the customer's id at /data/object/id.
#[test]
fn receive_reads_stripe_events() {
    let verifier = Verifier::with_scheme(Scheme::Stripe, "whsec_test_secret");
    let body = br#"{"id":"evt_1","object":"event","type":"customer.updated","created":1800000000,"data":{"object":{"id":"cus_1","object":"customer","created":1800000000,"livemode":false,"email":"jo@example.com"}}}"#;
    let at = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let header = verifier.sign(body, at).expect("signs");
    let event = verifier
        .receive_at([("Stripe-Signature", header.as_bytes())], body, at)
        .expect("verified");
    assert_eq!(event.id, "evt_1");
    assert_eq!(event.event_type, "customer.updated");
    assert_eq!(event.occurred_at, Some(at));
    assert_eq!(event.customer_id.as_deref(), Some("cus_1"));
    // Stripe is an Api: the customer is read by its rules.
    let customer = event.customer.expect("a customer");
    assert_eq!(customer.email.as_deref(), Some("jo@example.com"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// Any header text and any body, under every scheme: a verdict, never a panic, and the
    /// error never shows the secret.
    #[test]
    fn any_header_any_body_never_panics(
        header in "[ -~]{0,200}|(t|ts|v1|h1|sha256)=[0-9a-f]{0,70}([,;](t|ts|v1|h1)=[0-9a-zA-Z]{0,70}){0,4}",
        body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300),
        secs in 0u64..4_000_000_000,
    ) {
        let at = UNIX_EPOCH + Duration::from_secs(secs);
        for scheme in [Scheme::Stripe, Scheme::Paddle, Scheme::Mollie, Scheme::Tazapay] {
            let verifier = Verifier::with_scheme(scheme, "sekrit-value-xyz");
            if let Err(error) = verifier.verify_at(&header, &body, at) {
                let text = format!("{error} {error:?}");
                proptest::prop_assert!(!text.contains("sekrit-value-xyz"), "{}", text);
            }
            let headers = [(scheme.header(), header.as_bytes())];
            let _ = verifier.receive_at(headers, &body, at);
        }
    }
}
