//! For generated documents, the pointers `Valid::from_json` reports are exactly the places a
//! plain reference check (written out below, field by field) finds wrong: every wrong type,
//! missing field, unknown field and rule violation, and nothing else; a tuple struct (an array of
//! two) and a field-less enum (a name, or its object form `{"free": null}`) among them.

use std::collections::{BTreeMap, BTreeSet};

use customer_core::{CustomerModel, Valid};
use proptest::prelude::*;
use serde::Deserialize;
use serde_json::{json, Map, Value};

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Item {
    #[customer(length(max = 3))]
    name: String,
    qty: u8,
    #[serde(default)]
    note: Option<bool>,
}

/// A tuple struct: an array of exactly two elements.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Pair(u8, #[customer(length(max = 3))] String);

/// A field-less enum: a name, or an object whose only member is a name with `null`.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Plan {
    Free,
    Pro,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Doc {
    /// Declared first, last but one in the documents (their members are in key order): its
    /// `each` loop runs first and counts past a small cap.
    #[customer(each(length(max = 2)))]
    #[serde(default)]
    words: Vec<String>,
    id: String,
    #[customer(length(min = 1, max = 5))]
    label: String,
    count: u16,
    flag: Option<bool>,
    #[customer(nested)]
    items: Vec<Item>,
    tags: BTreeMap<String, u8>,
    #[customer(nested)]
    pair: Pair,
    plan: Plan,
}

// ----- The reference check ---------------------------------------------------------------------

fn is_whole_in(value: &Value, max: u64) -> bool {
    value.as_u64().is_some_and(|n| n <= max)
}

/// A required text member; `rule` says whether a text value breaks the field's rule.
fn text(
    object: &Map<String, Value>,
    key: &str,
    at: &str,
    rule: fn(&str) -> bool,
    out: &mut BTreeSet<String>,
) {
    match object.get(key) {
        Some(Value::String(s)) if !rule(s) => {}
        _ => {
            out.insert(format!("{at}/{key}"));
        }
    }
}

fn item(value: &Value, at: &str, out: &mut BTreeSet<String>) {
    let Value::Object(object) = value else {
        out.insert(at.to_owned());
        return;
    };
    text(object, "name", at, |s| s.chars().count() > 3, out);
    if !object.get("qty").is_some_and(|v| is_whole_in(v, 255)) {
        out.insert(format!("{at}/qty"));
    }
    if object
        .get("note")
        .is_some_and(|v| !v.is_null() && !v.is_boolean())
    {
        out.insert(format!("{at}/note"));
    }
}

fn pair(value: Option<&Value>, out: &mut BTreeSet<String>) {
    let Some(Value::Array(items)) = value else {
        out.insert("/pair".to_owned());
        return;
    };
    if items.len() != 2 {
        out.insert("/pair".to_owned());
    }
    if items.first().is_some_and(|v| !is_whole_in(v, 255)) {
        out.insert("/pair/0".to_owned());
    }
    match items.get(1) {
        Some(Value::String(s)) if s.chars().count() <= 3 => {}
        None => {}
        Some(_) => {
            out.insert("/pair/1".to_owned());
        }
    }
}

fn plan(value: Option<&Value>, out: &mut BTreeSet<String>) {
    let named = |name: &str| name == "free" || name == "pro";
    match value {
        Some(Value::String(name)) if named(name) => {}
        Some(Value::Object(members)) if members.len() == 1 => {
            for (key, value) in members {
                if !named(key) {
                    out.insert("/plan".to_owned());
                }
                if !value.is_null() {
                    out.insert(format!("/plan/{key}"));
                }
            }
        }
        _ => {
            out.insert("/plan".to_owned());
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
    for key in object.keys() {
        if ![
            "id", "label", "count", "flag", "items", "tags", "pair", "plan", "words",
        ]
        .contains(&key.as_str())
        {
            out.insert(format!("/{key}"));
        }
    }
    text(object, "id", "", |_| false, &mut out);
    text(
        object,
        "label",
        "",
        |s| !(1..=5).contains(&s.chars().count()),
        &mut out,
    );
    if !object.get("count").is_some_and(|v| is_whole_in(v, 65535)) {
        out.insert("/count".to_owned());
    }
    if object
        .get("flag")
        .is_some_and(|v| !v.is_null() && !v.is_boolean())
    {
        out.insert("/flag".to_owned());
    }
    match object.get("items") {
        Some(Value::Array(items)) => {
            for (i, value) in items.iter().enumerate() {
                item(value, &format!("/items/{i}"), &mut out);
            }
        }
        _ => {
            out.insert("/items".to_owned());
        }
    }
    match object.get("tags") {
        Some(Value::Object(tags)) => {
            for (key, value) in tags {
                if !is_whole_in(value, 255) {
                    out.insert(format!("/tags/{key}"));
                }
            }
        }
        _ => {
            out.insert("/tags".to_owned());
        }
    }
    pair(object.get("pair"), &mut out);
    plan(object.get("plan"), &mut out);
    match object.get("words") {
        None => {}
        Some(Value::Array(words)) => {
            for (i, word) in words.iter().enumerate() {
                if word.as_str().is_none_or(|w| w.chars().count() > 2) {
                    out.insert(format!("/words/{i}"));
                }
            }
        }
        Some(_) => {
            out.insert("/words".to_owned());
        }
    }
    out
}

// ----- Generated documents ---------------------------------------------------------------------

/// Any small JSON value: the wrong type for most fields.
fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        (-3i64..70_000).prop_map(Value::from),
        Just(json!(1.5)),
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

fn item_value() -> impl Strategy<Value = Value> {
    let fits = (
        member("[a-z]{0,5}".prop_map(Value::from).boxed()),
        member((0u64..300).prop_map(Value::from).boxed()),
        member(prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool)].boxed()),
    )
        .prop_map(|(name, qty, note)| {
            let mut object = Map::new();
            for (key, value) in [("name", name), ("qty", qty), ("note", note)] {
                if let Some(value) = value {
                    object.insert(key.to_owned(), value);
                }
            }
            Value::Object(object)
        });
    prop_oneof![4 => fits, 1 => any_value()]
}

/// A tuple struct's array: two elements that fit, or from none to three of any kind.
fn pair_value() -> impl Strategy<Value = Value> {
    let element = || {
        prop_oneof![
            (0u64..300).prop_map(Value::from),
            "[a-z]{0,5}".prop_map(Value::from),
            any_value(),
        ]
    };
    prop_oneof![
        3 => ((0u64..300), "[a-z]{0,5}").prop_map(|(n, s)| json!([n, s])),
        2 => prop::collection::vec(element(), 0..4).prop_map(Value::from),
    ]
}

/// An enum's name, or its object form with one member or another number of them.
fn plan_value() -> impl Strategy<Value = Value> {
    let name = || prop_oneof![Just("free"), Just("pro"), Just("gold")];
    prop_oneof![
        3 => name().prop_map(Value::from),
        2 => (name(), prop_oneof![3 => Just(Value::Null), 1 => any_value()])
            .prop_map(|(key, value)| json!({ key: value })),
        1 => prop::collection::btree_map(name(), Just(Value::Null), 0..3)
            .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())),
    ]
}

fn document() -> impl Strategy<Value = Value> {
    (
        member("[a-z]{0,4}".prop_map(Value::from).boxed()),
        member("[a-z]{0,7}".prop_map(Value::from).boxed()),
        member((0u64..70_000).prop_map(Value::from).boxed()),
        member(prop_oneof![Just(Value::Null), any::<bool>().prop_map(Value::Bool)].boxed()),
        member(
            prop::collection::vec(item_value(), 0..4)
                .prop_map(Value::from)
                .boxed(),
        ),
        member(
            prop::collection::btree_map(
                "[a-c]",
                prop_oneof![(0u64..300).prop_map(Value::from), any_value()],
                0..3,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect()))
            .boxed(),
        ),
        prop::option::weighted(0.2, any_value()),
        (
            member(pair_value().boxed()),
            member(plan_value().boxed()),
            member(
                prop::collection::vec(
                    prop_oneof![4 => "[a-z]{0,4}".prop_map(Value::from), 1 => any_value()],
                    0..8,
                )
                .prop_map(Value::from)
                .boxed(),
            ),
        ),
    )
        .prop_map(
            |(id, label, count, flag, items, tags, unknown, (pair, plan, words))| {
                let mut object = Map::new();
                for (key, value) in [
                    ("id", id),
                    ("label", label),
                    ("count", count),
                    ("flag", flag),
                    ("items", items),
                    ("tags", tags),
                    ("pair", pair),
                    ("plan", plan),
                    ("words", words),
                    ("zz_unknown", unknown),
                ] {
                    if let Some(value) = value {
                        object.insert(key.to_owned(), value);
                    }
                }
                Value::Object(object)
            },
        )
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

// ----- Order and cap ---------------------------------------------------------------------------

/// Where `pointer` is in `document`, as member and element indices from the root in the order
/// the text has them (`to_string` writes an object's members in its map's order); a step that
/// leaves the document is `usize::MAX` and ends the path. The independent reference of document
/// order.
fn place(document: &Value, pointer: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = document;
    let Some(rest) = pointer.strip_prefix('/') else {
        return out;
    };
    for raw in rest.split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        let next = match at {
            Value::Object(members) => members.iter().position(|(k, _)| *k == segment),
            Value::Array(items) => segment.parse::<usize>().ok().filter(|i| *i < items.len()),
            _ => None,
        };
        match next {
            Some(index) => {
                out.push(index);
                at = match at {
                    Value::Object(members) => &members[&segment],
                    _ => &at[index],
                };
            }
            None => {
                out.push(usize::MAX);
                break;
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Every report, whether the document read (its rule violations) or not (the second read):
    /// each pointer is in the document unless its code says the member is missing, the
    /// violations come in document order, and under any cap the report is the first ones of the
    /// uncapped report, then one `too_many_violations` whose `count` is the uncapped length.
    #[test]
    fn reports_are_in_document_order_and_capped_at_the_front(
        document in document(),
        max in 0usize..6,
    ) {
        use customer_core::json::MaxViolations;
        let text = document.to_string();
        let Err(error) = MaxViolations::UNLIMITED.scope(|| Valid::<Doc>::from_json(&text)) else {
            return Ok(());
        };
        let all = error.violations().violations();
        for v in all {
            prop_assert!(
                document.pointer(v.pointer()).is_some() || v.code() == "missing_field",
                "{} ({}) is not in {}", v.pointer(), v.code(), text
            );
        }
        let places: Vec<Vec<usize>> = all.iter().map(|v| place(&document, v.pointer())).collect();
        prop_assert!(places.windows(2).all(|w| w[0] <= w[1]), "not in document order: {}\n{}", text, error);

        let capped = MaxViolations(max).scope(|| Valid::<Doc>::from_json(&text)).unwrap_err();
        let capped = capped.violations().violations();
        if all.len() <= max {
            prop_assert_eq!(capped, all);
        } else {
            prop_assert_eq!(&capped[..max], &all[..max]);
            prop_assert_eq!(capped.len(), max + 1);
            let last = &capped[max];
            prop_assert_eq!((last.pointer(), last.code()), ("", "too_many_violations"));
            let count = last.params().find(|(k, _)| *k == "count").map(|(_, p)| p.clone());
            prop_assert_eq!(count, Some(customer_core::Param::UInt(all.len() as u64)));
        }

        // `validate()` of the value, when the document reads: in a scope, the front of its
        // uncapped report (in the order the rules ran), then the count.
        if let Ok(value) = serde_json::from_str::<Doc>(&text) {
            let all = value.validate().unwrap_err();
            let all = all.violations();
            let capped = MaxViolations(max).scope(|| value.validate()).unwrap_err();
            let capped = capped.violations();
            if all.len() <= max {
                prop_assert_eq!(capped, all);
            } else {
                prop_assert_eq!(&capped[..max], &all[..max]);
                prop_assert_eq!(capped.len(), max + 1);
                let count = capped[max].params().find(|(k, _)| *k == "count").map(|(_, p)| p.clone());
                prop_assert_eq!(count, Some(customer_core::Param::UInt(all.len() as u64)));
            }
        }
    }
}
