//! For generated documents holding enums whose variants carry data, the pointers
//! `Valid::from_json` reports are exactly the places a plain reference check (written out below)
//! finds wrong: the tag once at its pointer, then every wrong type, missing or unknown field and
//! rule violation of the chosen variant, and nothing else. An internally tagged union refusing
//! unknown members, and an externally tagged one with a tuple and a unit variant.

use std::collections::BTreeSet;

use customer_core::{CustomerModel, Valid};
use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Map, Value};

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type", rename_all = "lowercase", deny_unknown_fields)]
#[allow(dead_code)]
enum Party {
    Person {
        #[customer(length(max = 5))]
        email: String,
        age: u8,
    },
    Business {
        #[customer(length(min = 2, max = 4))]
        vat: String,
        #[serde(default)]
        note: Option<bool>,
    },
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Pay {
    Card(u8, #[customer(length(max = 3))] String),
    Cash,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Doc {
    #[customer(nested)]
    party: Party,
    #[customer(nested)]
    pay: Pay,
}

// ----- The reference check ---------------------------------------------------------------------

fn is_whole_in(value: &Value, max: u64) -> bool {
    value.as_u64().is_some_and(|n| n <= max)
}

/// A required text member; `breaks` says whether a text value breaks the field's rule.
fn text(
    object: &Map<String, Value>,
    key: &str,
    breaks: fn(usize) -> bool,
    out: &mut BTreeSet<String>,
) {
    match object.get(key) {
        Some(Value::String(s)) if !breaks(s.chars().count()) => {}
        _ => {
            out.insert(format!("/party/{key}"));
        }
    }
}

fn party(value: Option<&Value>, out: &mut BTreeSet<String>) {
    let Some(Value::Object(object)) = value else {
        out.insert("/party".to_owned());
        return;
    };
    let known: &[&str] = match object.get("type") {
        Some(Value::String(tag)) if tag == "person" => {
            text(object, "email", |n| n > 5, out);
            if !object.get("age").is_some_and(|v| is_whole_in(v, 255)) {
                out.insert("/party/age".to_owned());
            }
            &["type", "email", "age"]
        }
        Some(Value::String(tag)) if tag == "business" => {
            text(object, "vat", |n| !(2..=4).contains(&n), out);
            if object
                .get("note")
                .is_some_and(|v| !v.is_null() && !v.is_boolean())
            {
                out.insert("/party/note".to_owned());
            }
            &["type", "vat", "note"]
        }
        // An unknown, missing or mistyped tag: that one violation.
        _ => {
            out.insert("/party/type".to_owned());
            return;
        }
    };
    for key in object.keys() {
        if !known.contains(&key.as_str()) {
            out.insert(format!("/party/{key}"));
        }
    }
}

fn pay(value: Option<&Value>, out: &mut BTreeSet<String>) {
    match value {
        Some(Value::String(name)) if name == "cash" => {}
        Some(Value::Object(members)) if members.len() == 1 => {
            let (key, value) = members.iter().next().expect("one member");
            match key.as_str() {
                "cash" if value.is_null() => {}
                "cash" => {
                    out.insert("/pay/cash".to_owned());
                }
                "card" => {
                    let Value::Array(items) = value else {
                        out.insert("/pay/card".to_owned());
                        return;
                    };
                    if items.len() != 2 {
                        out.insert("/pay/card".to_owned());
                    }
                    if items.first().is_some_and(|v| !is_whole_in(v, 255)) {
                        out.insert("/pay/card/0".to_owned());
                    }
                    match items.get(1) {
                        Some(Value::String(s)) if s.chars().count() <= 3 => {}
                        None => {}
                        Some(_) => {
                            out.insert("/pay/card/1".to_owned());
                        }
                    }
                }
                _ => {
                    out.insert("/pay".to_owned());
                }
            }
        }
        _ => {
            out.insert("/pay".to_owned());
        }
    }
}

/// Every pointer at which `document` breaks `Doc`.
fn reference(document: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Value::Object(object) = document else {
        out.insert(String::new());
        return out;
    };
    party(object.get("party"), &mut out);
    pay(object.get("pay"), &mut out);
    out
}

// ----- Generated documents ---------------------------------------------------------------------

/// Any small JSON value: the wrong type for most places.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..400).prop_map(Value::from),
        "[a-z]{0,7}".prop_map(Value::from),
        Just(json!([1, "x"])),
        Just(json!({"k": 1})),
    ]
}

/// A member: left out (`None`), a value that fits, or any value.
fn member(fits: BoxedStrategy<Value>) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        1 => Just(None),
        4 => fits.prop_map(Some),
        2 => any_value().prop_map(Some),
    ]
}

fn party_value() -> impl Strategy<Value = Value> {
    let tag = prop_oneof![
        3 => Just(Some(json!("person"))),
        3 => Just(Some(json!("business"))),
        1 => Just(Some(json!("robot"))),
        1 => Just(Some(json!(1))),
        1 => Just(None),
    ];
    let text = || member("[a-z]{0,6}".prop_map(Value::from).boxed());
    let object = (
        tag,
        text(),
        member((0u64..300).prop_map(Value::from).boxed()),
        text(),
        member(prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool)].boxed()),
        prop::option::weighted(0.2, any_value()),
    )
        .prop_map(|(tag, email, age, vat, note, unknown)| {
            let mut object = Map::new();
            for (key, value) in [
                ("type", tag),
                ("email", email),
                ("age", age),
                ("vat", vat),
                ("note", note),
                ("zz", unknown),
            ] {
                if let Some(value) = value {
                    object.insert(key.to_owned(), value);
                }
            }
            Value::Object(object)
        });
    prop_oneof![6 => object, 1 => any_value()]
}

fn pay_value() -> impl Strategy<Value = Value> {
    let element = || {
        prop_oneof![
            (0u64..300).prop_map(Value::from),
            "[a-z]{0,5}".prop_map(Value::from),
            any_value(),
        ]
    };
    let name = || prop_oneof![Just("card"), Just("cash"), Just("gold")];
    prop_oneof![
        2 => ((0u64..300), "[a-z]{0,5}").prop_map(|(n, s)| json!({"card": [n, s]})),
        2 => prop::collection::vec(element(), 0..4).prop_map(|items| json!({"card": items})),
        1 => (name(), prop_oneof![2 => Just(Value::Null), 1 => any_value()])
            .prop_map(|(key, value)| json!({ key: value })),
        1 => name().prop_map(Value::from),
        1 => prop::collection::btree_map(name(), Just(Value::Null), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
        1 => any_value(),
    ]
}

fn document() -> impl Strategy<Value = Value> {
    (member(party_value().boxed()), member(pay_value().boxed())).prop_map(|(party, pay)| {
        let mut object = Map::new();
        for (key, value) in [("party", party), ("pay", pay)] {
            if let Some(value) = value {
                object.insert(key.to_owned(), value);
            }
        }
        Value::Object(object)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reported_pointers_are_the_wrong_places(document in document()) {
        let text = document.to_string();
        let expected = reference(&document);
        match Valid::<Doc>::from_json(&text) {
            Ok(_) => prop_assert!(expected.is_empty(), "accepted {text}, expected {expected:?}"),
            Err(error) => {
                let found: BTreeSet<String> =
                    error.violations().iter().map(|v| v.pointer().to_owned()).collect();
                prop_assert_eq!(found, expected, "{}\n{}", text, error);
            }
        }
    }
}
