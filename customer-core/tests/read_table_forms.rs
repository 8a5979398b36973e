//! The second read's report for the field forms whose rules in that read are a holder of
//! `customer_core::shape::table` (not code of the model's own): `length` beside `each(...)` on a
//! collection (with and without a default), `each(...)` with a default, a field read by its
//! `deserialize_with` function with rules (with a default, and a tuple's element), and a
//! `nested` field with another rule (`custom`, `required` on a `Patch` with a default, `length`
//! on a collection with a default). Each document has a wrong type beside the field, so that
//! the second read runs; each form is broken on its value, on a value that did not read, and
//! through its default when its member is missing. Every expected pointer and code is listed.

#![allow(dead_code)] // the fields are read by serde and by the rules only

use customer_core::{CustomerModel, Patch, RuleError, Valid};
use serde::{Deserialize, Deserializer};

#[path = "support/report.rs"]
mod report;

use report::{expect, pairs};

#[derive(CustomerModel, Deserialize, Debug, Default)]
struct Address {
    #[customer(length(min = 1, max = 4))]
    line1: String,
}

fn long_codes() -> Vec<String> {
    vec!["abc".into(), "de".into(), "fgh".into(), "ij".into()]
}

// ---------------------------------------------------------------------------------------------
// `length` and `each(...)` on one collection.

#[derive(CustomerModel, Deserialize, Debug)]
struct Counted {
    // `length` first, then `each`.
    #[customer(length(min = 3), each(length(max = 2)))]
    codes: Option<Vec<String>>,
    // `each` first, then `length`, with a default breaking both.
    #[serde(default = "long_codes")]
    #[customer(each(length(max = 2)), length(max = 3))]
    tags: Vec<String>,
    n: u8,
}

#[test]
fn length_beside_each_on_a_collection() {
    // Both read: their rules functions.
    let error = Valid::<Counted>::from_json(
        r#"{"codes": ["abc", "d"], "tags": ["a", "bcd", "e", "f"], "n": "x"}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/codes", "length"),
            ("/codes/0", "length"),
            ("/tags", "length"),
            ("/tags/1", "length"),
            ("/n", "invalid_type"),
        ]),
        "{error}"
    );
    // Neither reads (an element is wrong): the count, and the elements that read.
    let error = Valid::<Counted>::from_json(
        r#"{"codes": ["abc", 1], "tags": ["a", 2, "bcd", "e", "f"], "n": 1}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/codes", "length"),
            ("/codes/0", "length"),
            ("/codes/1", "invalid_type"),
            ("/tags", "length"),
            ("/tags/1", "invalid_type"),
            ("/tags/2", "length"),
        ]),
        "{error}"
    );
    // `tags` missing: its default, both rules broken.
    let error = Valid::<Counted>::from_json(r#"{"codes": null, "n": "x"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/n", "invalid_type"),
            ("/tags/0", "length"),
            ("/tags/2", "length"),
            ("/tags", "length"),
        ]),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// `each(...)` with a default.

#[derive(CustomerModel, Deserialize, Debug)]
struct EachOr {
    #[serde(default = "long_codes")]
    #[customer(each(length(max = 2)))]
    tags: Vec<String>,
    #[serde(default)]
    #[customer(each(length(max = 1)))]
    more: Option<Vec<String>>,
    n: u8,
}

#[test]
fn each_with_a_default() {
    let error = Valid::<EachOr>::from_json(r#"{"tags": ["abc", "d"], "more": ["ab"], "n": "x"}"#)
        .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/tags/0", "length"),
            ("/more/0", "length"),
            ("/n", "invalid_type"),
        ]),
        "{error}"
    );
    let error = Valid::<EachOr>::from_json(r#"{"tags": ["abc", 1], "more": [2, "ab"], "n": 1}"#)
        .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/tags/0", "length"),
            ("/tags/1", "invalid_type"),
            ("/more/0", "invalid_type"),
            ("/more/1", "length"),
        ]),
        "{error}"
    );
    let error = Valid::<EachOr>::from_json(r#"{"n": "x"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/n", "invalid_type"),
            ("/tags/0", "length"),
            ("/tags/2", "length"),
        ]),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// A field read by its `deserialize_with` function, with rules.

fn padded<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    Ok(format!("<{text}>"))
}

fn wide() -> String {
    "<a default too wide>".into()
}

#[derive(CustomerModel, Deserialize, Debug)]
struct ReadBy {
    #[serde(deserialize_with = "padded", alias = "lbl")]
    #[customer(length(max = 4))]
    label: String,
    #[serde(deserialize_with = "padded", default = "wide")]
    #[customer(length(max = 5))]
    spare: String,
    n: u8,
}

#[derive(CustomerModel, Deserialize, Debug)]
struct ReadByTuple(
    #[serde(deserialize_with = "padded")]
    #[customer(length(max = 4))]
    String,
    u8,
    #[serde(deserialize_with = "padded", default = "wide")]
    #[customer(length(max = 5))]
    String,
);

#[test]
fn fields_read_by_their_function_with_rules() {
    let error =
        Valid::<ReadBy>::from_json(r#"{"lbl": "abc", "spare": "abcd", "n": "x"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/lbl", "length"),
            ("/spare", "length"),
            ("/n", "invalid_type")
        ]),
        "{error}"
    );
    let error = Valid::<ReadBy>::from_json(r#"{"label": 1, "n": "x"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/label", "invalid_type"),
            ("/n", "invalid_type"),
            ("/spare", "length")
        ]),
        "{error}"
    );
    let error = Valid::<ReadByTuple>::from_json(r#"["abc", "x", "abcd"]"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/0", "length"), ("/1", "invalid_type"), ("/2", "length")]),
        "{error}"
    );
    let error = Valid::<ReadByTuple>::from_json(r#"["a", "x"]"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/1", "invalid_type"), ("/2", "length")]),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// A `nested` field with another rule.

fn short_next(next: &Address) -> Result<(), RuleError> {
    if next.line1.len() < 2 {
        Err(RuleError::new("short_next", "is too short"))
    } else {
        Ok(())
    }
}

fn three_addresses() -> Vec<Address> {
    ["a", "too long", "c"]
        .into_iter()
        .map(|line1| Address {
            line1: line1.into(),
        })
        .collect()
}

#[derive(CustomerModel, Deserialize, Debug)]
struct NestedAnd {
    #[serde(alias = "nxt")]
    #[customer(nested, custom = short_next)]
    next: Option<Address>,
    #[serde(default)]
    #[customer(nested, required)]
    phone: Patch<Address>,
    #[serde(default = "three_addresses")]
    #[customer(nested, length(max = 2))]
    previous: Vec<Address>,
    n: u8,
}

#[test]
fn nested_fields_with_another_rule() {
    // Each value reads: the field's rule on it, and its model's rules.
    let error = Valid::<NestedAnd>::from_json(
        r#"{"nxt": {"line1": "a"}, "phone": null,
            "previous": [{"line1": "abcde"}, {"line1": "b"}, {"line1": "c"}], "n": "x"}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/nxt", "short_next"),
            ("/phone", "required"),
            ("/previous", "length"),
            ("/previous/0/line1", "length"),
            ("/n", "invalid_type"),
        ]),
        "{error}"
    );
    // No value reads: the models' rules where they read, the count of `previous`.
    let error = Valid::<NestedAnd>::from_json(
        r#"{"next": {"line1": 1}, "phone": {"line1": ""},
            "previous": [{"line1": "abcde"}, {"line1": 2}, {"line1": "c"}], "n": 1}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/next/line1", "invalid_type"),
            ("/phone/line1", "length"),
            ("/previous", "length"),
            ("/previous/0/line1", "length"),
            ("/previous/1/line1", "invalid_type"),
        ]),
        "{error}"
    );
    // Missing: the defaults validated whole.
    let error = Valid::<NestedAnd>::from_json(r#"{"n": "x"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/n", "invalid_type"),
            ("/previous/1/line1", "length"),
            ("/previous", "length"),
        ]),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// A generic model's collection of its parameter: `each(...)` alone, and beside `length`.

#[derive(CustomerModel, Deserialize, Debug)]
struct Generic<T> {
    #[customer(each(length(max = 2)), skip_nested)]
    tags: Vec<T>,
    #[customer(length(max = 2), each(length(max = 1)), skip_nested)]
    codes: Vec<T>,
    n: u8,
}

#[test]
fn the_each_rules_of_a_generic_collection() {
    let error = Valid::<Generic<String>>::from_json(
        r#"{"tags": ["abc", "d"], "codes": ["ab", "c", "d"], "n": "x"}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/tags/0", "length"),
            ("/codes", "length"),
            ("/codes/0", "length"),
            ("/n", "invalid_type"),
        ]),
        "{error}"
    );
    let error = Valid::<Generic<String>>::from_json(
        r#"{"tags": ["abc", 1], "codes": ["ab", 2, "c"], "n": 1}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/tags/0", "length"),
            ("/tags/1", "invalid_type"),
            ("/codes", "length"),
            ("/codes/0", "length"),
            ("/codes/1", "invalid_type"),
        ]),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// A model with a context: `length` on a collection (alone and beside `each(...)`), `nested`
// with another rule.

struct Limits {
    max: usize,
}

fn short_for(next: &Address, limits: &Limits) -> Result<(), RuleError> {
    if next.line1.len() > limits.max {
        Err(RuleError::new("long_next", "is too long"))
    } else {
        Ok(())
    }
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
struct WithContext {
    #[customer(length(max = 2))]
    tags: Vec<String>,
    #[customer(length(max = 2), each(length(max = ctx.max)))]
    codes: Vec<String>,
    #[customer(nested, custom = short_for)]
    next: Option<Address>,
    n: u8,
}

#[test]
fn a_context_models_collections_and_nested_fields() {
    let limits = Limits { max: 1 };
    let error = Valid::<WithContext>::from_json_with(
        r#"{"tags": ["a", "b", "c"], "codes": ["ab", "c", "d"], "next": {"line1": "abcde"},
            "n": "x"}"#,
        &limits,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/tags", "length"),
            ("/codes", "length"),
            ("/codes/0", "length"),
            ("/next", "long_next"),
            ("/next/line1", "length"),
            ("/n", "invalid_type"),
        ]),
        "{error}"
    );
    let error = Valid::<WithContext>::from_json_with(
        r#"{"tags": ["a", 1, "c"], "codes": ["ab", 2, "d"], "next": {"line1": 5}, "n": 1}"#,
        &limits,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/tags", "length"),
            ("/tags/1", "invalid_type"),
            ("/codes", "length"),
            ("/codes/0", "length"),
            ("/codes/1", "invalid_type"),
            ("/next/line1", "invalid_type"),
        ]),
        "{error}"
    );
}

// ---------------------------------------------------------------------------------------------
// `length` on a collection with the field's own code and message.

#[derive(CustomerModel, Deserialize, Debug)]
struct Coded {
    #[customer(length(max = 2), code = "too_many", message = "has too many")]
    tags: Vec<String>,
    n: u8,
}

#[test]
fn a_collections_length_with_its_own_code_and_message() {
    let error = Valid::<Coded>::from_json(r#"{"tags": ["a", "b", "c"], "n": "x"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/tags", "too_many"), ("/n", "invalid_type")]),
        "{error}"
    );
    let error = Valid::<Coded>::from_json(r#"{"tags": ["a", 1, "c"], "n": 1}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/tags", "too_many"), ("/tags/1", "invalid_type")]),
        "{error}"
    );
    assert!(error.to_string().contains("/tags: has too many"), "{error}");
}
