//! The whole read of a model in the second read, only where it finds something: a model whose
//! walk is exact (its own form adds nothing the walk does not check, and every type below it is
//! exact, recursively) is not read whole, and its whole read is not compiled; any other is read
//! whole as before. These tests pin the static answer for each kind of field, and that the
//! reports of documents where the answer matters are what serde and the rules say.

use std::collections::HashMap;

use customer_core::{json::Shape, CustomerModel, Valid};
use serde::{Deserialize, Deserializer};

#[path = "support/report.rs"]
mod report;

use report::{expect, reported};

/// Text refusing `"no"`, with a `Deserialize` of its own and a shape that says nothing.
#[derive(Debug)]
struct Odd;

impl<'de> Deserialize<'de> for Odd {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text == "no" {
            Err(serde::de::Error::custom("is not odd"))
        } else {
            Ok(Odd)
        }
    }
}

impl Shape for Odd {}

/// Reads a date `YYYY-MM-DD` from a string: the shape says "a string", the function refuses more.
fn date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    let ok = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if ok {
        Ok(text)
    } else {
        Err(serde::de::Error::custom("is not a date"))
    }
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Plain {
    #[customer(length(max = 4))]
    name: String,
    count: Option<u8>,
    tags: Vec<String>,
    #[customer(nested)]
    inner: Option<Box<Plain>>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Dated {
    #[serde(deserialize_with = "date")]
    when: String,
    #[customer(length(max = 4))]
    name: String,
    count: u8,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct HoldsOdd {
    odd: Odd,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct AboveOdd {
    #[customer(nested)]
    below: Vec<HoldsOdd>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Keyed {
    by_number: HashMap<u32, String>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Flat {
    #[serde(flatten)]
    rest: HashMap<String, String>,
}

/// Two models holding each other, both exact.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Ping {
    #[customer(nested)]
    pong: Option<Box<Pong>>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Pong {
    #[customer(nested)]
    ping: Option<Box<Ping>>,
    n: u8,
}

/// Two models holding each other, one holding an `Odd`: neither is exact.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Tick {
    #[customer(nested)]
    tock: Option<Box<Tock>>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Tock {
    #[customer(nested)]
    tick: Option<Box<Tick>>,
    odd: Option<Odd>,
}

fn exact<T: Shape>() -> bool {
    T::__EXACT.holds()
}

#[test]
fn which_models_are_exact() {
    // Text, numbers, sequences, a recursive model, a `deserialize_with` field (read in the walk).
    assert!(exact::<Plain>());
    assert!(exact::<Dated>());
    assert!(exact::<Ping>() && exact::<Pong>());
    // A type whose `Shape` says nothing, directly, below a model, in a cycle.
    assert!(!exact::<HoldsOdd>());
    assert!(!exact::<AboveOdd>());
    assert!(!exact::<Tick>() && !exact::<Tock>());
    // A map's keys are not walked; a flattened value is read through serde's buffering.
    assert!(!exact::<Keyed>());
    assert!(!exact::<Flat>());
    // The standard types.
    assert!(exact::<Option<Vec<Box<u8>>>>());
    assert!(exact::<serde_json::Value>());
    assert!(!exact::<Odd>());
}

/// A `deserialize_with` function refusing a string the shape accepts: reported at its field,
/// beside a wrong type and a broken rule (the model is exact: no whole read finds it).
#[test]
fn deserialize_with_refusal_is_reported_beside_the_rest() {
    let json = r#"{"when": "yesterday", "name": "too long", "count": "x"}"#;
    assert_eq!(
        reported(Valid::<Dated>::from_json(json)),
        expect(&[
            ("/when", "invalid_value"),
            ("/name", "length"),
            ("/count", "invalid_type"),
        ])
    );
    // Alone, with a broken rule: once, not once more by a read of the whole.
    let json = r#"{"when": "2024-13-1x", "name": "too long", "count": 1}"#;
    assert_eq!(
        reported(Valid::<Dated>::from_json(json)),
        expect(&[("/when", "invalid_value"), ("/name", "length")])
    );
    let json = r#"{"when": "2024-12-01", "name": "ok", "count": 1}"#;
    assert!(Valid::<Dated>::from_json(json).is_ok());
}

/// A model that is not exact is still read whole: serde's refusal below it is reported once,
/// at its pointer, beside the rules broken elsewhere.
#[test]
fn models_that_are_not_exact_are_read_whole() {
    let json = r#"{"below": [{"odd": "yes"}, {"odd": "no"}]}"#;
    assert_eq!(
        reported(Valid::<AboveOdd>::from_json(json)),
        expect(&[("/below/1/odd", "invalid_value")])
    );
    let json = r#"{"by_number": {"1": "a", "x": "b"}}"#;
    let found = reported(Valid::<Keyed>::from_json(json));
    assert_eq!(found.len(), 1, "{found:?}");
    // An exact recursive model: every wrong type at its pointer, nothing read whole.
    let json = r#"{"name": "a", "count": 300, "tags": [1], "inner": {"name": "toolong", "tags": [], "inner": {"name": 5, "tags": []}}}"#;
    assert_eq!(
        reported(Valid::<Plain>::from_json(json)),
        expect(&[
            ("/count", "range"),
            ("/tags/0", "invalid_type"),
            ("/inner/name", "length"),
            ("/inner/inner/name", "invalid_type"),
        ])
    );
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Plan {
    Free,
    #[serde(alias = "professional")]
    Pro,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(untagged)]
#[allow(dead_code)]
enum Loose {
    Unit,
    Text(String),
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Subscribed {
    plan: Plan,
    #[customer(length(max = 4))]
    note: String,
}

/// A field-less enum read from its names is exact; an untagged one is not said to be.
#[test]
fn field_less_enums() {
    assert!(exact::<Plan>());
    assert!(exact::<Subscribed>());
    assert!(!exact::<Loose>());
    let json = r#"{"plan": "gold", "note": "too long"}"#;
    assert_eq!(
        reported(Valid::<Subscribed>::from_json(json)),
        expect(&[("/plan", "one_of"), ("/note", "length")])
    );
    let json = r#"{"plan": "professional", "note": "ok"}"#;
    assert!(Valid::<Subscribed>::from_json(json).is_ok());
}

/// An externally tagged enum with data: a struct, a tuple and a newtype variant, all exact.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
enum Paid {
    #[serde(alias = "cash")]
    Cash,
    Card {
        #[customer(length(max = 4))]
        last4: String,
        month: u8,
    },
    Split(u8, String),
    #[customer(nested)]
    Nested(Plain),
}

/// The same forms holding a type whose walk is not exact.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
enum PaidOdd {
    Card { odd: Odd },
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
enum NewtypeOdd {
    Odd(Odd),
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
enum TupleOdd {
    Two(u8, Odd),
}

/// A variant read by a function: not exact.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
enum DatedVariant {
    On(#[serde(deserialize_with = "date")] String),
}

/// The other representations, an untagged variant and `other`: not said to be exact.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type")]
#[allow(dead_code)]
enum Internal {
    Card { month: u8 },
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type", content = "data")]
#[allow(dead_code)]
enum Adjacent {
    Card { month: u8 },
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(untagged)]
#[allow(dead_code)]
enum Untagged {
    Card { month: u8 },
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
enum PartlyUntagged {
    Card {
        month: u8,
    },
    #[serde(untagged)]
    Other(String),
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type")]
#[allow(dead_code)]
enum WithOther {
    Card {
        month: u8,
    },
    #[serde(other)]
    Unknown,
}

/// Newtypes and tuple structs.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Count(u8);

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(transparent)]
#[allow(dead_code)]
struct Wrapped {
    #[customer(nested)]
    inner: Plain,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Pair(u8, #[customer(length(max = 4))] String);

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct OddOne(Odd);

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct OddPair(u8, Odd);

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct DatedOne(#[serde(deserialize_with = "date")] String);

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct DatedPair(u8, #[serde(deserialize_with = "date")] String);

/// Models holding the forms above.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Order {
    #[customer(nested)]
    paid: Vec<Paid>,
    #[customer(nested)]
    count: Option<Count>,
    #[customer(nested)]
    pair: Option<Pair>,
    #[customer(nested)]
    wrapped: Option<Wrapped>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct OddOrder {
    #[customer(nested)]
    newtype: Option<NewtypeOdd>,
    #[customer(nested)]
    tuple: Option<OddPair>,
    #[customer(nested)]
    one: Option<OddOne>,
    #[customer(nested)]
    variant: Option<DatedVariant>,
    #[customer(nested)]
    dated: Option<DatedPair>,
    #[customer(nested)]
    card: Option<PaidOdd>,
    #[customer(nested)]
    two: Option<TupleOdd>,
}

#[test]
fn which_enums_newtypes_and_tuples_are_exact() {
    // Externally tagged, each kind of variant, a model below a newtype variant.
    assert!(exact::<Paid>());
    assert!(exact::<Count>() && exact::<Wrapped>() && exact::<Pair>());
    assert!(exact::<Order>());
    // A type whose walk is not exact below a struct, newtype or tuple variant, a newtype, a
    // tuple struct; a `deserialize_with` reading a variant's or a struct's element.
    assert!(!exact::<PaidOdd>() && !exact::<NewtypeOdd>() && !exact::<TupleOdd>());
    assert!(!exact::<OddOne>() && !exact::<OddPair>());
    assert!(!exact::<DatedVariant>() && !exact::<DatedOne>() && !exact::<DatedPair>());
    assert!(!exact::<OddOrder>());
    // Read through serde's buffered content (internally, adjacently tagged, untagged), first
    // match over untagged variants, `other`.
    assert!(!exact::<Internal>() && !exact::<Adjacent>() && !exact::<Untagged>());
    assert!(!exact::<PartlyUntagged>() && !exact::<WithOther>());
}

/// Where the answer is yes, every violation is found by the walk at its pointer, beside the
/// rules; a document of the right shape reads.
#[test]
fn exact_enums_newtypes_and_tuples_report_what_serde_refuses() {
    let json = r#"{"paid": ["cash", {"Card": {"last4": "12345", "month": 300}}, {"Split": [1]},
        {"Nested": {"name": "toolong", "tags": [2]}}, {"Gold": null}, {"Cash": 1}],
        "count": -1, "pair": [1, "toolong", 3], "wrapped": {"name": 1, "tags": []}}"#;
    assert_eq!(
        reported(Valid::<Order>::from_json(json)),
        expect(&[
            ("/paid/1/Card/last4", "length"),
            ("/paid/1/Card/month", "range"),
            ("/paid/2/Split", "invalid_length"),
            ("/paid/3/Nested/name", "length"),
            ("/paid/3/Nested/tags/0", "invalid_type"),
            ("/paid/4", "one_of"),
            ("/paid/5/Cash", "invalid_type"),
            ("/count", "range"),
            ("/pair", "invalid_length"),
            // The element that reads is checked by its rules.
            ("/pair/1", "length"),
            ("/wrapped/name", "invalid_type"),
        ])
    );
    let json = r#"{"paid": ["Cash", {"Card": {"last4": "1234", "month": 12}}, {"Split": [1, "a"]},
        {"Nested": {"name": "ok", "tags": []}}], "count": 3, "pair": [1, "ok"],
        "wrapped": {"name": "ok", "tags": ["a"]}}"#;
    assert!(Valid::<Order>::from_json(json).is_ok());
}

/// Where the answer is no, what only serde refuses (a `Deserialize` of its own, a
/// `deserialize_with` function) is still reported once, at its pointer, in every form.
#[test]
fn enums_newtypes_and_tuples_not_exact_are_read_whole() {
    let good = r#"{"newtype": {"Odd": "yes"}, "tuple": [1, "yes"], "one": "yes",
        "variant": {"On": "2024-12-01"}, "dated": [1, "2024-12-01"],
        "card": {"Card": {"odd": "yes"}}, "two": {"Two": [1, "yes"]}}"#;
    assert!(Valid::<OddOrder>::from_json(good).is_ok());
    // One refusal at a time, the rest of the document good: reported once, at the member
    // holding the refused value (an externally tagged variant's name is a member:
    // `/newtype/Odd`, `/card/Card/odd`).
    for (good_part, bad_part, pointer) in [
        (r#"{"Odd": "yes"}"#, r#"{"Odd": "no"}"#, "/newtype/Odd"),
        (r#"[1, "yes"]"#, r#"[1, "no"]"#, "/tuple/1"),
        (r#""one": "yes""#, r#""one": "no""#, "/one"),
        (
            r#"{"On": "2024-12-01"}"#,
            r#"{"On": "yesterday"}"#,
            "/variant/On",
        ),
        (r#"[1, "2024-12-01"]"#, r#"[1, "2024-1x-01"]"#, "/dated/1"),
        (r#"{"odd": "yes"}"#, r#"{"odd": "no"}"#, "/card/Card/odd"),
        (
            r#"{"Two": [1, "yes"]}"#,
            r#"{"Two": [1, "no"]}"#,
            "/two/Two/1",
        ),
    ] {
        let json = good.replacen(good_part, bad_part, 1);
        assert_ne!(json, good);
        let found = reported(Valid::<OddOrder>::from_json(&json));
        let [(at, code)] = found.as_slice() else {
            panic!("not one violation: {found:?} for {json}");
        };
        assert_eq!(code, "invalid_value", "{json}");
        assert_eq!(at, pointer, "{json}");
    }
}
