//! The whole read of a model in the second read, only where it finds something: a model whose
//! walk is exact (its own form adds nothing the walk does not check, and every type below it is
//! exact, recursively) is not read whole, and its whole read is not compiled; any other is read
//! whole as before. These tests pin the static answer for each kind of field, and that the
//! reports of documents where the answer matters are what serde and the rules say.

use std::collections::HashMap;

use customer_core::{json::Shape, CustomerModel, Error, Valid};
use serde::{Deserialize, Deserializer};

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

fn report(result: Result<impl Sized, Error>) -> Vec<(String, String)> {
    match result {
        Ok(_) => panic!("the document was valid"),
        Err(Error::Invalid(errors)) => errors
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect(),
        Err(other) => panic!("not a report: {other:?}"),
    }
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

/// A `deserialize_with` function refusing a string the shape accepts: reported at its field,
/// beside a wrong type and a broken rule (the model is exact: no whole read finds it).
#[test]
fn deserialize_with_refusal_is_reported_beside_the_rest() {
    let json = r#"{"when": "yesterday", "name": "too long", "count": "x"}"#;
    assert_eq!(
        report(Valid::<Dated>::from_json(json)),
        pairs(&[
            ("/when", "invalid_value"),
            ("/name", "length"),
            ("/count", "invalid_type"),
        ])
    );
    // Alone, with a broken rule: once, not once more by a read of the whole.
    let json = r#"{"when": "2024-13-1x", "name": "too long", "count": 1}"#;
    assert_eq!(
        report(Valid::<Dated>::from_json(json)),
        pairs(&[("/when", "invalid_value"), ("/name", "length")])
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
        report(Valid::<AboveOdd>::from_json(json)),
        pairs(&[("/below/1/odd", "invalid_value")])
    );
    let json = r#"{"by_number": {"1": "a", "x": "b"}}"#;
    let found = report(Valid::<Keyed>::from_json(json));
    assert_eq!(found.len(), 1, "{found:?}");
    // An exact recursive model: every wrong type at its pointer, nothing read whole.
    let json = r#"{"name": "a", "count": 300, "tags": [1], "inner": {"name": "toolong", "tags": [], "inner": {"name": 5, "tags": []}}}"#;
    assert_eq!(
        report(Valid::<Plain>::from_json(json)),
        pairs(&[
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
        report(Valid::<Subscribed>::from_json(json)),
        pairs(&[("/plan", "one_of"), ("/note", "length")])
    );
    let json = r#"{"plan": "professional", "note": "ok"}"#;
    assert!(Valid::<Subscribed>::from_json(json).is_ok());
}
