//! No silent change of data in the JSON readers: a repeated key in an object read as a map or a
//! `serde_json::Value` (where the last one would win) is `duplicate_field` at the repeated
//! member, one violation per repeat; an integer literal a `Value` cannot hold exactly (beyond
//! `-2^63..=2^64-1`, which serde_json would turn into the nearest `f64`) is `range` at its
//! pointer. Every reader a client's JSON goes through: `json::from_str`/`from_slice`,
//! `Valid::from_json`/`from_slice` (and `_with`), `Api::decode*`, webhook events; the cases of
//! JSONTestSuite about both (`tests/fixtures/jsontestsuite/MANIFEST.md`).

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use customer_core::providers::Api;
use customer_core::{json, CustomerModel, Error, Valid};
use serde::Deserialize;
use serde_json::Value;

/// A model with every kind of free-form member.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Account {
    #[customer(length(min = 1, max = 20))]
    name: String,
    #[serde(default)]
    metadata: Option<Value>,
    #[serde(default)]
    limits: HashMap<String, u32>,
    #[serde(default)]
    labels: BTreeMap<String, Value>,
    #[serde(default)]
    groups: Vec<HashMap<String, String>>,
    #[serde(default)]
    object: Option<serde_json::Map<String, Value>>,
    #[serde(default)]
    amount: Option<f64>,
    #[serde(default)]
    count: Option<u64>,
}

/// `Account`, its rules reading a context: for the `_with` readers.
#[derive(Debug, Deserialize, CustomerModel)]
#[customer(context(Limits))]
#[allow(dead_code)]
struct AccountWith {
    #[customer(length(min = 1, max = ctx.name_max))]
    name: String,
    #[serde(default)]
    metadata: Option<Value>,
    #[serde(default)]
    limits: HashMap<String, u32>,
    #[serde(default)]
    labels: BTreeMap<String, Value>,
    #[serde(default)]
    groups: Vec<HashMap<String, String>>,
    #[serde(default)]
    object: Option<serde_json::Map<String, Value>>,
    #[serde(default)]
    amount: Option<f64>,
    #[serde(default)]
    count: Option<u64>,
}

struct Limits {
    name_max: usize,
}

const LIMITS: Limits = Limits { name_max: 20 };

type Pairs = Vec<(String, String)>;

fn pairs(error: &Error) -> Pairs {
    error
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

fn expect(list: &[(&str, &str)]) -> Pairs {
    list.iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

/// What every reader of `Account` says of `doc`, rules included (`Valid`: the same pairs from
/// each), or `None` when all read it. `json::from_str`/`from_slice` run no rules: they say
/// the same as each other, the part of it that is not a rule's.
fn account(doc: &str) -> Option<Pairs> {
    let valid = [
        Valid::<Account>::from_json(doc).map(drop),
        Valid::<Account>::from_slice(doc.as_bytes()).map(drop),
        Valid::<AccountWith>::from_json_with(doc, &LIMITS).map(drop),
        Valid::<AccountWith>::from_slice_with(doc.as_bytes(), &LIMITS).map(drop),
    ];
    let first = valid[0].as_ref().err().map(pairs);
    for (index, result) in valid.iter().enumerate() {
        assert_eq!(
            result.as_ref().err().map(pairs),
            first,
            "reader {index}: {doc}"
        );
    }
    let shapes = json::from_str::<Account>(doc).err().map(|e| pairs(&e));
    let from_slice = json::from_slice::<Account>(doc.as_bytes())
        .err()
        .map(|e| pairs(&e));
    assert_eq!(shapes, from_slice, "{doc}");
    let without_rules = first.as_ref().map(|all| {
        all.iter()
            .filter(|(_, code)| code != "length")
            .cloned()
            .collect::<Pairs>()
    });
    assert_eq!(shapes, without_rules, "json::from_str: {doc}");
    first
}

#[test]
fn repeated_keys_of_maps_and_values_are_refused_at_every_depth() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (
            r#"{"name": "a", "metadata": {"plan": "free", "plan": "pro"}}"#,
            &[("/metadata/plan", "duplicate_field")],
        ),
        (
            r#"{"name": "a", "metadata": [1, {"x": {"k": 1, "k": 1}}]}"#,
            &[("/metadata/1/x/k", "duplicate_field")],
        ),
        (
            r#"{"name": "a", "limits": {"a": 1, "b": 2, "a": 3}}"#,
            &[("/limits/a", "duplicate_field")],
        ),
        (
            r#"{"name": "a", "labels": {"x": {"y": [{"z": 0, "z": 1}]}, "x": null}}"#,
            &[
                ("/labels/x", "duplicate_field"),
                ("/labels/x/y/0/z", "duplicate_field"),
            ],
        ),
        (
            r#"{"name": "a", "groups": [{}, {"a": "1", "a": "2"}]}"#,
            &[("/groups/1/a", "duplicate_field")],
        ),
        (
            r#"{"name": "a", "object": {"a~/": 1, "a~/": 2}}"#,
            &[("/object/a~0~1", "duplicate_field")],
        ),
        // An escaped key is the same key.
        (
            r#"{"name": "a", "metadata": {"plan": 1, "pl\u0061n": 2}}"#,
            &[("/metadata/plan", "duplicate_field")],
        ),
        // One violation per repeat (`a` twice, `b` once), with the other violations of the
        // document.
        (
            r#"{"name": "", "metadata": {"a": 1, "a": 2, "b": 1, "a": 3, "b": 2}, "count": "x"}"#,
            &[
                ("/name", "length"),
                ("/metadata/a", "duplicate_field"),
                ("/metadata/b", "duplicate_field"),
                ("/metadata/a", "duplicate_field"),
                ("/count", "invalid_type"),
            ],
        ),
        // A struct's own field: as before.
        (
            r#"{"name": "a", "name": "b"}"#,
            &[("/name", "duplicate_field")],
        ),
    ];
    for (doc, expected) in cases {
        let mut got = account(doc).unwrap_or_else(|| panic!("read: {doc}"));
        let mut expected = expect(expected);
        // Violations at one pointer come in the order found.
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{doc}");
    }
    // The same keys, once each, read.
    assert!(account(r#"{"name": "a", "metadata": {"plan": 1, "Plan": 2, "plan ": 3}}"#).is_none());
}

/// Past the first 8 keys, the keys go into a hash set: a repeat is found wherever it is.
#[test]
fn a_repeat_among_many_keys_is_found() {
    for (keys, first, again) in [
        (17, 0, 16),
        (40, 3, 39),
        (1000, 999, 998),
        (5, 4, 0),
        (8, 0, 7),
        (8, 7, 0),
        (9, 0, 8),
        (9, 8, 7),
        (10, 7, 9),
    ] {
        let mut members: Vec<String> = (0..keys).map(|k| format!(r#""k{k}": {k}"#)).collect();
        members.insert(again + 1, format!(r#""k{first}": 0"#));
        let doc = format!(r#"{{"name": "a", "metadata": {{{}}}}}"#, members.join(","));
        assert_eq!(
            account(&doc),
            Some(expect(&[(
                &format!("/metadata/k{first}"),
                "duplicate_field"
            )])),
            "{keys} keys"
        );
        let doc = format!(r#"{{"name": "a", "limits": {{{}}}}}"#, members.join(","));
        assert_eq!(
            account(&doc),
            Some(expect(&[(&format!("/limits/k{first}"), "duplicate_field")])),
            "{keys} keys"
        );
    }
}

#[test]
fn integers_beyond_64_bits_are_refused_where_they_are_read() {
    let big = "123456789012345678901234567890";
    let cases: &[(String, &[(&str, &str)])] = &[
        (
            format!(r#"{{"name": "a", "metadata": {{"n": {big}}}}}"#),
            &[("/metadata/n", "range")],
        ),
        (
            format!(r#"{{"name": "a", "metadata": [0, -{big}, 1.5]}}"#),
            &[("/metadata/1", "range")],
        ),
        (
            format!(r#"{{"name": "a", "labels": {{"x": [{big}]}}, "amount": {big}}}"#),
            &[("/labels/x/0", "range"), ("/amount", "range")],
        ),
        (
            r#"{"name": "a", "object": {"x": 18446744073709551616}}"#.to_owned(),
            &[("/object/x", "range")],
        ),
        (
            r#"{"name": "a", "metadata": -9223372036854775809}"#.to_owned(),
            &[("/metadata", "range")],
        ),
        // An integer field: the type's own violation, once.
        (
            format!(r#"{{"name": "a", "count": {big}}}"#),
            &[("/count", "invalid_type")],
        ),
        // With the rest of the report.
        (
            format!(r#"{{"name": "", "metadata": {{"n": {big}, "n": 1}}}}"#),
            &[
                ("/name", "length"),
                ("/metadata/n", "range"),
                ("/metadata/n", "duplicate_field"),
            ],
        ),
    ];
    for (doc, expected) in cases {
        let mut got = account(doc).unwrap_or_else(|| panic!("read: {doc}"));
        let mut expected = expect(expected);
        got.sort();
        expected.sort();
        assert_eq!(got, expected, "{doc}");
    }
    // The edges that serde_json holds exactly, and floats written as floats, read unchanged.
    for (literal, exact) in [
        ("18446744073709551615", Value::from(u64::MAX)),
        ("-9223372036854775808", Value::from(i64::MIN)),
        ("1e20", Value::from(1e20)),
        ("100000000000000000000.0", Value::from(1e20)),
        ("1.5e300", Value::from(1.5e300)),
    ] {
        let doc = format!(r#"{{"name": "a", "metadata": {literal}, "amount": {literal}}}"#);
        assert_eq!(account(&doc), None, "{literal}");
        let read = Valid::<Account>::from_json(&doc).unwrap().into_inner();
        assert_eq!(read.metadata, Some(exact), "{literal}");
    }
    // A value the model skips is dropped, but held to the same: refused as a `flatten` field
    // or a `Value` would refuse it (see `read_unknown_members.rs`).
    #[derive(Debug, Deserialize, CustomerModel)]
    struct Loose {
        #[allow(dead_code)]
        name: String,
    }
    let doc = format!(r#"{{"name": "a", "other": {{"n": {big}, "n": 2}}}}"#);
    let both = expect(&[("/other/n", "duplicate_field"), ("/other/n", "range")]);
    let sorted = |error: Error| {
        let mut got = pairs(&error);
        got.sort();
        got
    };
    assert_eq!(sorted(Valid::<Loose>::from_json(&doc).unwrap_err()), both);
    assert_eq!(
        sorted(json::from_slice::<Loose>(doc.as_bytes()).unwrap_err()),
        both
    );
}

#[test]
fn a_top_level_value_is_read_exactly() {
    assert_eq!(
        json::from_str::<Value>(r#"{"a": 1, "a": 2}"#).map_err(|e| pairs(&e)),
        Err(expect(&[("/a", "duplicate_field")]))
    );
    assert_eq!(
        json::from_slice::<Value>(b"[123456789012345678901234567890]").map_err(|e| pairs(&e)),
        Err(expect(&[("/0", "range")]))
    );
    assert_eq!(
        json::from_str::<HashMap<String, Value>>(r#"{"a": {"b": 1, "b": 1}}"#)
            .map_err(|e| pairs(&e)),
        Err(expect(&[("/a/b", "duplicate_field")]))
    );
}

/// The value never appears in the error, its text or its debug form.
#[test]
fn no_personal_data_in_the_errors() {
    let doc = r#"{"name": "a", "metadata": {"plan": "secret-free", "plan": "secret-pro",
        "n": 987654321987654321987654321}}"#;
    for error in [
        Valid::<Account>::from_json(doc).unwrap_err(),
        json::from_str::<Value>(doc).unwrap_err(),
        Api::Paddle
            .decode(
                r#"{"email": "jo@example.com", "custom_data": {"p": "secret-a", "p": "secret-b", "n": 987654321987654321987654321}}"#
            )
            .unwrap_err(),
    ] {
        let shown = format!("{error} {error:?}");
        for value in ["secret", "987654321", "9.87654321"] {
            assert!(!shown.contains(value), "{value} in {shown}");
        }
    }
}

/// The providers' readers, the CLI's (`Api::decode`), and their forms.
#[test]
fn the_providers_readers_refuse_both() {
    let paddle = r#"{"email": "jo@example.com", "custom_data": {"plan": "a", "plan": "b"}}"#;
    assert_eq!(
        Api::Paddle.decode(paddle).map(drop).map_err(|e| pairs(&e)),
        Err(expect(&[("/custom_data/plan", "duplicate_field")]))
    );
    let paddle =
        r#"{"email": "jo@example.com", "custom_data": {"n": 123456789012345678901234567890}}"#;
    assert_eq!(
        Api::Paddle.decode(paddle).map(drop).map_err(|e| pairs(&e)),
        Err(expect(&[("/custom_data/n", "range")]))
    );
    // In a member the model does not read: refused as well (see `read_unknown_members.rs`).
    for (paddle, pointer, code) in [
        (
            r#"{"email": "jo@example.com", "unknown": {"a": 1, "a": 2}}"#,
            "/unknown/a",
            "duplicate_field",
        ),
        (
            r#"{"email": "jo@example.com", "unknown": 1, "unknown": 2}"#,
            "/unknown",
            "duplicate_field",
        ),
        (
            r#"{"email": "jo@example.com", "unknown": [123456789012345678901234567890]}"#,
            "/unknown/0",
            "range",
        ),
    ] {
        assert_eq!(
            Api::Paddle.decode(paddle).map(drop).map_err(|e| pairs(&e)),
            Err(expect(&[(pointer, code)])),
            "{paddle}"
        );
    }
    let stripe = std::fs::read_to_string(fixture("stripe_customer.json")).unwrap();
    assert!(Api::Stripe.decode(&stripe).is_ok());
    let repeated = stripe.replace(
        r#""metadata": {"order_id": "6735"}"#,
        r#""metadata": {"order_id": "6735", "order_id": "6736"}"#,
    );
    assert_ne!(repeated, stripe);
    assert_eq!(
        Api::Stripe
            .decode(&repeated)
            .map(drop)
            .map_err(|e| pairs(&e)),
        Err(expect(&[("/metadata/order_id", "duplicate_field")]))
    );
    // Stripe's form bodies already refuse a repeated key (`invalid_form`), in a map too.
    let form = "email=jo%40example.com&metadata[plan]=a&metadata[plan]=b";
    assert_eq!(
        Api::Stripe.decode(form).map(drop).map_err(|e| pairs(&e)),
        Err(expect(&[("/metadata/plan", "invalid_form")]))
    );
    // A list: the pointer under the item.
    let list = r#"{"data": [{"email": "jo@example.com", "custom_data": {"a": 1, "a": 2}}], "meta": {"pagination": {"per_page": 50, "next": "x", "has_more": false, "estimated_total": 1}, "request_id": "r"}}"#;
    let error = Api::Paddle.decode_list(list).map(drop).unwrap_err();
    assert!(
        pairs(&error).contains(&(
            "/data/0/custom_data/a".to_owned(),
            "duplicate_field".to_owned()
        )),
        "{error:?}"
    );
}

/// A webhook event's body: refused with the pointer, once its id and type are known.
#[cfg(feature = "webhooks")]
#[test]
fn webhook_events_refuse_both() {
    use customer_core::webhooks::{Rejected, Scheme, Verifier};

    use std::time::{Duration, UNIX_EPOCH};
    let verifier = Verifier::with_scheme(Scheme::Stripe, "whsec_test_secret");
    let at = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    for (body, pointer, code) in [
        (
            r#"{"id":"evt_1","object":"event","type":"customer.updated","created":1800000000,"data":{"object":{"id":"cus_1","object":"customer","created":1800000000,"livemode":false,"metadata":{"a":"1","a":"2"}}}}"#,
            "/data/object/metadata/a",
            "duplicate_field",
        ),
        (
            r#"{"id":"evt_1","object":"event","type":"invoice.paid","created":1800000000,"data":{"object":{"amount": 123456789012345678901234567890}}}"#,
            "/data/object/amount",
            "range",
        ),
    ] {
        let header = verifier.sign(body.as_bytes(), at).expect("signs");
        match verifier.receive_at(
            [("Stripe-Signature", header.as_bytes())],
            body.as_bytes(),
            at,
        ) {
            Err(Rejected::Invalid {
                event_id, error, ..
            }) => {
                assert_eq!(event_id, "evt_1");
                assert_eq!(pairs(&error), expect(&[(pointer, code)]), "{body}");
            }
            other => panic!("{other:?}"),
        }
    }
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// JSONTestSuite's cases about repeated keys and numbers (`MANIFEST.md` says what each one
/// must give), read as a top-level `Value` and as the `metadata` of a model.
#[test]
fn json_test_suite_cases() {
    let dir = fixture("jsontestsuite");
    let manifest = std::fs::read_to_string(dir.join("MANIFEST.md")).unwrap();
    let mut seen = 0;
    for line in manifest.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 4 || !cells[1].ends_with(".json") || cells[1].starts_with('`') {
            continue;
        }
        let file = cells[1];
        let expected = cells[2].trim_matches('`');
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let text = text.trim_end();
        let top = json::from_str::<Value>(text);
        let doc = format!(r#"{{"name": "a", "metadata": {text}}}"#);
        let nested = Valid::<Account>::from_json(&doc);
        match expected.split_once(' ') {
            None if expected == "accept" => {
                let plain: Value = serde_json::from_str(text).unwrap();
                assert_eq!(top.as_ref().ok(), Some(&plain), "{file}");
                assert_eq!(
                    nested.as_ref().ok().and_then(|a| a.metadata.as_ref()),
                    Some(&plain),
                    "{file}"
                );
            }
            None if expected == "malformed_json" => {
                for error in [top.unwrap_err(), nested.unwrap_err()] {
                    assert!(matches!(error, Error::Syntax(_)), "{file}");
                    assert_eq!(pairs(&error), expect(&[("", "malformed_json")]), "{file}");
                }
            }
            Some((code, pointer)) => {
                assert_eq!(
                    top.map_err(|e| pairs(&e)),
                    Err(expect(&[(pointer, code)])),
                    "{file}"
                );
                let pointer = format!("/metadata{pointer}");
                assert_eq!(
                    nested.map(drop).map_err(|e| pairs(&e)),
                    Err(expect(&[(&pointer, code)])),
                    "{file}"
                );
            }
            _ => panic!("{file}: unknown expectation {expected}"),
        }
        seen += 1;
    }
    let files = std::fs::read_dir(&dir).unwrap().count() - 1;
    assert_eq!(seen, files, "every file in the manifest");
}

/// The first keys are kept in place when borrowed from the text; an escaped key (owned) moves
/// them all into the hash set. Wherever the escaped key and the repeat fall around that move, the
/// repeat is found once, at its key, and keys that do not repeat read.
#[test]
fn escaped_keys_among_the_first_are_compared_with_the_others() {
    // `\u006b` is `k`: the key `k{i}` written with an escape.
    let key = |k: usize, escaped: bool| {
        if escaped {
            format!(r#""\u006b{k}""#)
        } else {
            format!(r#""k{k}""#)
        }
    };
    for keys in 1..12 {
        for escaped_at in 0..=keys {
            let members = |repeat: Option<(usize, usize, bool)>| {
                let mut members: Vec<String> = (0..keys)
                    .map(|k| format!("{}: {k}", key(k, k == escaped_at)))
                    .collect();
                if let Some((first, again, escaped)) = repeat {
                    members.insert(again + 1, format!("{}: 0", key(first, escaped)));
                }
                format!(r#"{{"name": "a", "metadata": {{{}}}}}"#, members.join(","))
            };
            assert_eq!(
                account(&members(None)),
                None,
                "{keys} keys, escaped {escaped_at}"
            );
            for first in 0..keys {
                for again in 0..keys {
                    for escaped in [false, true] {
                        let doc = members(Some((first, again, escaped)));
                        assert_eq!(
                            account(&doc),
                            Some(expect(&[(
                                &format!("/metadata/k{first}"),
                                "duplicate_field"
                            )])),
                            "{doc}"
                        );
                    }
                }
            }
        }
    }
}

/// A struct whose hand-written `Deserialize` asks for a struct but reads its keys as strings
/// (serde's derived code reads them as identifiers and refuses a repeated field itself): the
/// reader still keeps them and refuses a repeat, though a struct's map sets nothing up for its
/// keys until such a key comes.
#[derive(Debug, PartialEq)]
struct StringKeyed(Vec<(String, u32)>);

impl<'de> Deserialize<'de> for StringKeyed {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries;
        impl<'de> serde::de::Visitor<'de> for Entries {
            type Value = StringKeyed;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<StringKeyed, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry::<String, u32>()? {
                    entries.push(entry);
                }
                Ok(StringKeyed(entries))
            }
        }
        deserializer.deserialize_struct("StringKeyed", &["a", "b"], Entries)
    }
}

impl json::Shape for StringKeyed {}

#[test]
fn a_struct_whose_keys_are_read_as_strings_refuses_a_repeat() {
    let read = |doc: &str| json::from_str::<StringKeyed>(doc).map_err(|e| pairs(&e));
    assert_eq!(
        read(r#"{"a": 1, "b": 2}"#),
        Ok(StringKeyed(vec![("a".to_owned(), 1), ("b".to_owned(), 2)]))
    );
    for doc in [
        r#"{"a": 1, "a": 2}"#,
        r#"{"a": 1, "b": 2, "a": 3}"#,
        r#"{"\u0061": 1, "a": 2}"#,
    ] {
        let codes = read(doc).expect_err(doc);
        assert!(
            codes.iter().any(|(_, code)| code == "duplicate_field"),
            "{doc}: {codes:?}"
        );
    }
    let many: Vec<String> = (0..20).map(|k| format!(r#""k{k}": {k}"#)).collect();
    let doc = format!(r#"{{{}, "k3": 0}}"#, many.join(","));
    let codes = read(&doc).expect_err(&doc);
    assert!(
        codes.iter().any(|(_, code)| code == "duplicate_field"),
        "{codes:?}"
    );
}

mod property {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// An object of keys drawn from a few (so that many repeat), under `metadata` and
        /// under a map: one `duplicate_field` per repeat, at the repeated key, and nothing
        /// when no key repeats; the keys that do not repeat read as serde_json reads them.
        #[test]
        fn one_violation_per_repeat(keys in proptest::collection::vec(0u8..24, 0..40)) {
            let members: Vec<String> = keys.iter().map(|k| format!(r#""k{k}": {k}"#)).collect();
            let object = format!("{{{}}}", members.join(","));
            let mut seen = std::collections::HashSet::new();
            let mut repeats: Pairs = Vec::new();
            for key in &keys {
                if !seen.insert(key) {
                    repeats.push((format!("/k{key}"), "duplicate_field".to_owned()));
                }
            }
            repeats.sort();
            for (field, doc) in [
                ("metadata", format!(r#"{{"name": "a", "metadata": {object}}}"#)),
                ("limits", format!(r#"{{"name": "a", "limits": {object}}}"#)),
            ] {
                let got = account(&doc);
                if repeats.is_empty() {
                    prop_assert_eq!(got, None);
                } else {
                    let mut got = got.unwrap();
                    got.sort();
                    let expected: Pairs = repeats
                        .iter()
                        .map(|(p, c)| (format!("/{field}{p}"), c.clone()))
                        .collect();
                    prop_assert_eq!(got, expected);
                }
            }
        }
    }
}
