//! The rules in the report of a document that did not read, beyond plain models: generic models
//! (a nested type parameter, `Vec<T>`), models with a context (the caller's context reaches the
//! rules of the parts that read, and of nested models of the same context), a field's own
//! `length` and `each(...)` rules when its value did not read because a part of it is wrong, and
//! models that borrow (`Cow<'a, str>`). Every expected pointer and code is listed.

#![allow(dead_code)] // the fields are read by serde and by the rules only

use std::borrow::Cow;
use std::collections::BTreeMap;

use customer_core::{CustomerModel, RuleError, Valid};
use serde::Deserialize;

#[path = "support/report.rs"]
mod report;

use report::{expect, pairs};

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Address {
    #[customer(length(min = 1, max = 8))]
    line1: String,
    #[customer(country)]
    country: String,
}

// ---------------------------------------------------------------------------------------------
// Generic models.

#[derive(CustomerModel, Deserialize, Debug)]
struct Form<T> {
    #[customer(length(max = 5))]
    name: String,
    #[customer(nested)]
    inner: T,
    #[customer(email)]
    email: String,
    count: u8,
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Tagged<T> {
    #[customer(length(max = 2), skip_nested)]
    note: Option<T>,
    count: u8,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(check = pages_in_order)]
struct Page<T> {
    #[customer(each(nested), length(max = 2))]
    items: Vec<T>,
    #[customer(range(min = 1))]
    page: u32,
    #[customer(each(length(max = 3)))]
    tags: Vec<String>,
}

fn pages_in_order<T>(page: &Page<T>) -> Result<(), RuleError> {
    if page.page > 9 {
        Err(RuleError::new("page_order", "is past the last page"))
    } else {
        Ok(())
    }
}

#[test]
fn a_nested_type_parameter_is_walked_with_its_rules() {
    let error = Valid::<Form<Address>>::from_json(
        r#"{"name": "Johannes", "inner": {"line1": "", "country": 5, "zip": 1},
            "email": "nope", "count": 300}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/name", "length"),
            ("/inner/line1", "length"),
            ("/inner/country", "invalid_type"),
            ("/inner/zip", "unknown_field"),
            ("/email", "email"),
            ("/count", "range"),
        ])
    );
}

#[test]
fn a_generic_field_with_rules_of_its_own_runs_them() {
    // `note: Option<T>` with `length`: read alone (bounded `DeserializeOwned` in the `Shape` impl)
    // and measured; a missing `Option<T>` is not reported missing.
    let error = Valid::<Tagged<String>>::from_json(r#"{"count": -1, "note": "abc"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/count", "range"), ("/note", "length")])
    );
    let error = Valid::<Tagged<Vec<u8>>>::from_json(r#"{"count": "two"}"#).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/count", "invalid_type")]));
}

#[test]
fn a_vec_of_a_type_parameter_is_walked_with_its_rules() {
    let error = Valid::<Page<Address>>::from_json(
        r#"{"items": [{"line1": "Main 1", "country": "XX"}, {"line1": 1, "country": "NL"},
                      {"line1": "Long street name", "country": "NL"}],
            "page": 0, "tags": ["a"]}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            // Three elements, though one did not read: more than two either way.
            ("/items", "length"),
            ("/items/0/country", "country"),
            ("/items/1/line1", "invalid_type"),
            ("/items/2/line1", "length"),
            ("/page", "range"),
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// Models with a context.

struct Limits {
    name_max: usize,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
struct Line {
    #[customer(length(max = ctx.name_max))]
    text: String,
    qty: u8,
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Plain {
    #[customer(length(max = 3))]
    code: String,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits), check = few_lines)]
struct Order {
    #[customer(length(max = ctx.name_max), custom = no_digits)]
    name: String,
    #[customer(nested)]
    lines: Vec<Line>,
    #[customer(nested)]
    plain: Plain,
    #[customer(each(length(max = ctx.name_max)))]
    tags: Vec<String>,
    age: u8,
}

fn no_digits(value: &str, _: &Limits) -> Result<(), RuleError> {
    if value.chars().any(|c| c.is_ascii_digit()) {
        Err(RuleError::new("no_digits", "must not hold digits"))
    } else {
        Ok(())
    }
}

fn few_lines(order: &Order, limits: &Limits) -> Result<(), RuleError> {
    if order.lines.len() > limits.name_max {
        Err(RuleError::new("few_lines", "has too many lines"))
    } else {
        Ok(())
    }
}

const BROKEN_ORDER: &str = r#"{
    "name": "Josephine2",
    "lines": [{"text": "hello", "qty": 1}, {"text": "hi", "qty": "x"}, {"text": "ok"}],
    "plain": {"code": "abcd"},
    "tags": ["a", "abcdef", 3],
    "age": 300
}"#;

const BROKEN_ORDER_REPORT: &[(&str, &str)] = &[
    ("/name", "length"),
    ("/name", "no_digits"),
    ("/lines/0/text", "length"),
    ("/lines/1/qty", "invalid_type"),
    ("/lines/2/qty", "missing_field"),
    ("/plain/code", "length"),
    ("/tags/1", "length"),
    ("/tags/2", "invalid_type"),
    ("/age", "range"),
];

#[test]
fn a_context_reaches_the_rules_of_what_read_through_from_json_with() {
    let limits = Limits { name_max: 4 };
    let error = Valid::<Order>::from_json_with(BROKEN_ORDER, &limits).unwrap_err();
    assert_eq!(pairs(&error), expect(BROKEN_ORDER_REPORT));
    let error = Valid::<Order>::from_slice_with(BROKEN_ORDER.as_bytes(), &limits).unwrap_err();
    assert_eq!(pairs(&error), expect(BROKEN_ORDER_REPORT));
    // The rules read the caller's context: with a wider one, fewer violations.
    let wide = Limits { name_max: 64 };
    let error = Valid::<Order>::from_json_with(BROKEN_ORDER, &wide).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/name", "no_digits"),
            ("/lines/1/qty", "invalid_type"),
            ("/lines/2/qty", "missing_field"),
            ("/plain/code", "length"),
            ("/tags/2", "invalid_type"),
            ("/age", "range"),
        ])
    );
}

/// A context whose type names `'static` only is erased as any other.
struct Borrowed<'a> {
    banned: &'a [&'a str],
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Borrowed<'static>))]
struct Handle {
    #[customer(custom = not_banned)]
    handle: String,
    #[customer(nested)]
    plain: Plain,
    age: u8,
}

fn not_banned(value: &str, ctx: &Borrowed<'static>) -> Result<(), RuleError> {
    if ctx.banned.contains(&value) {
        Err(RuleError::new("banned", "is not allowed"))
    } else {
        Ok(())
    }
}

#[test]
fn a_static_context_with_a_lifetime_in_its_type_is_used_too() {
    static BANNED: [&str; 1] = ["root"];
    let ctx = Borrowed { banned: &BANNED };
    let error = Valid::<Handle>::from_json_with(
        r#"{"handle": "root", "plain": {"code": "abcd"}, "age": -1}"#,
        &ctx,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/handle", "banned"),
            ("/plain/code", "length"),
            ("/age", "range")
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// A field's own rules when its value did not read.

#[derive(CustomerModel, Deserialize, Debug)]
struct Book {
    #[customer(length(max = 2), nested)]
    addresses: Vec<Address>,
    #[customer(each(email))]
    emails: Vec<String>,
    #[customer(length(min = 3), each(length(max = 2)))]
    codes: Option<Vec<String>>,
    #[customer(length(max = 1))]
    scores: BTreeMap<String, u8>,
    #[customer(length(max = 3))]
    name: String,
    // No `length`: a fixed-size array's length is known at compile time (a compile error there).
    pair: Option<[u8; 2]>,
}

#[test]
fn the_length_and_each_rules_of_a_collection_that_did_not_read() {
    let error = Valid::<Book>::from_json(
        r#"{"addresses": [{"line1": "a", "country": "NL"}, {"line1": 5, "country": "NL"},
                          {"line1": "b", "country": "NL"}],
            "emails": ["no", 1, "jo@example.com", "also no"],
            "codes": ["abc", true],
            "scores": {"a": 1, "b": "x", "a": 2},
            "name": 1234,
            "pair": [1, "x"]}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            // Three elements: more than two whatever `line1` of the second becomes.
            ("/addresses", "length"),
            ("/addresses/1/line1", "invalid_type"),
            ("/emails/0", "email"),
            ("/emails/1", "invalid_type"),
            ("/emails/3", "email"),
            // Two elements, fewer than three; the first is longer than two.
            ("/codes", "length"),
            ("/codes/0", "length"),
            ("/codes/1", "invalid_type"),
            // Two distinct keys (the repeated `a` is one), more than one; the repeat refused
            // (a map would keep the last `a`).
            ("/scores", "length"),
            ("/scores/a", "duplicate_field"),
            ("/scores/b", "invalid_type"),
            // A text of the wrong type has no length.
            ("/name", "invalid_type"),
            ("/pair/1", "invalid_type"),
        ])
    );
}

#[test]
fn nothing_is_reported_that_the_right_value_would_not_break() {
    // Within the bounds, or `null`: only the wrong elements are reported.
    let error = Valid::<Book>::from_json(
        r#"{"addresses": [{"line1": 5, "country": "NL"}],
            "emails": ["jo@example.com", 1],
            "codes": null,
            "scores": {"b": "x"},
            "name": "abc"}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/addresses/0/line1", "invalid_type"),
            ("/emails/1", "invalid_type"),
            ("/scores/b", "invalid_type"),
        ])
    );
}

/// `length` on collections read under an alias, behind an `Option` layer, and beside
/// `each(nested)`: each the only rule its table entry checks when the value does not read.
#[derive(CustomerModel, Deserialize, Debug)]
struct Counts {
    #[customer(length(max = 1))]
    #[serde(alias = "list")]
    items: Option<Vec<u8>>,
    #[customer(each(nested), length(min = 2))]
    #[serde(alias = "people")]
    addresses: Vec<Address>,
    #[customer(length(min = 2, max = 2))]
    names: BTreeMap<String, String>,
}

#[test]
fn a_length_is_checked_at_the_key_the_document_used_whether_the_value_reads_or_not() {
    let broken = Valid::<Counts>::from_json(
        r#"{"list": [1, "x", 3], "people": [{"line1": 5, "country": "NL"}],
            "names": {"a": 1}}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&broken),
        expect(&[
            ("/list", "length"),
            ("/list/1", "invalid_type"),
            ("/people", "length"),
            ("/people/0/line1", "invalid_type"),
            ("/names", "length"),
            ("/names/a", "invalid_type"),
        ])
    );
    // Read, the same rules on the values; `null` below the layer has no length.
    let read = Valid::<Counts>::from_json(
        r#"{"items": [1, 2], "people": [{"line1": "a", "country": "NL"}],
            "names": {"a": "x", "b": "y", "c": "z"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&read),
        expect(&[
            ("/items", "length"),
            ("/people", "length"),
            ("/names", "length"),
        ])
    );
    let none = Valid::<Counts>::from_json(
        r#"{"items": null, "addresses": [{"line1": "a", "country": 1},
            {"line1": "b", "country": "NL"}], "names": {"a": "x", "b": 2}}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&none),
        expect(&[
            ("/addresses/0/country", "invalid_type"),
            ("/names/b", "invalid_type")
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// Models that borrow.

#[derive(CustomerModel, Deserialize, Debug)]
struct Named<'a> {
    #[customer(length(max = 3))]
    name: Cow<'a, str>,
    #[customer(each(length(max = 1)))]
    tags: Vec<Cow<'a, str>>,
    #[customer(email)]
    email: String,
    age: u8,
}

#[test]
fn the_rules_of_a_borrowing_model_run_on_what_read() {
    // `Cow<'a, str>` reads as `Cow<'static, str>`: its rules run, as those of owned fields.
    let error = Valid::<Named<'static>>::from_json(
        r#"{"name": "Josephine", "tags": ["a", "bc"], "email": "nope", "age": "x"}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/name", "length"),
            ("/tags/1", "length"),
            ("/email", "email"),
            ("/age", "invalid_type"),
        ])
    );
}

/// A type that borrows from the document and says nothing of its shape: not `DeserializeOwned`,
/// so the walk must not take serde's arm for it (that would not compile), though the probe
/// traits of the model's other fields, which read, are in scope for the whole table.
#[derive(Deserialize, Debug)]
struct Quote<'a>(#[allow(dead_code)] &'a str);

#[derive(CustomerModel, Deserialize, Debug)]
struct Quoted<'a> {
    #[serde(borrow)]
    #[allow(dead_code)]
    quote: Quote<'a>,
    #[customer(email)]
    email: String,
    age: u8,
}

#[test]
fn a_borrowing_field_without_a_shape_compiles_beside_fields_that_read() {
    let error = customer_core::json::from_str::<Quoted<'_>>(
        r#"{"quote": "to be", "email": "nope", "age": "x"}"#,
    )
    .unwrap_err();
    // What the second read finds of this model today: the shapes.
    assert_eq!(pairs(&error), expect(&[("/age", "invalid_type")]));
}

/// A model with a context and no rule that reads it in the second read: nothing but shapes.
#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
struct Wrapper {
    #[customer(nested)]
    lines: Vec<Line>,
    count: u8,
}

#[test]
fn nested_models_of_the_same_context_get_it_through_a_parent_without_rules() {
    let limits = Limits { name_max: 2 };
    let error = Valid::<Wrapper>::from_json_with(
        r#"{"lines": [{"text": "abc", "qty": 1}], "count": "x"}"#,
        &limits,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/lines/0/text", "length"), ("/count", "invalid_type")])
    );
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Tags<T> {
    #[customer(each(length(max = 2)), length(max = 2), skip_nested)]
    tags: Vec<T>,
    n: u8,
}

#[test]
fn the_each_rules_of_a_generic_collection_that_did_not_read() {
    let error =
        Valid::<Tags<String>>::from_json(r#"{"tags": ["abc", 1, "ok"], "n": 1}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/tags", "length"),
            ("/tags/0", "length"),
            ("/tags/1", "invalid_type")
        ])
    );
}

/// A newtype of a context model: the context reaches the models below it too.
#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
struct Lines(#[customer(nested)] Vec<Line>);

#[test]
fn a_context_reaches_the_models_below_a_newtype() {
    let limits = Limits { name_max: 2 };
    let error = Valid::<Lines>::from_json_with(
        r#"[{"text": "abc", "qty": 1}, {"text": "ok", "qty": "x"}]"#,
        &limits,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/0/text", "length"), ("/1/qty", "invalid_type")])
    );
}

// ---------------------------------------------------------------------------------------------
// `flatten`ed fields, one after another.

#[derive(CustomerModel, Deserialize, Debug)]
struct Person {
    #[customer(length(max = 3))]
    name: String,
    #[customer(email)]
    email: String,
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Flats {
    id: u8,
    #[customer(nested)]
    #[serde(flatten)]
    person: Person,
    #[serde(flatten)]
    rest: BTreeMap<String, u8>,
}

#[test]
fn flattened_fields_walk_the_members_the_fields_before_them_left() {
    let error = Valid::<Flats>::from_json(
        r#"{"id": "x", "name": "abcd", "email": "nope", "other": "y", "fine": 1}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/id", "invalid_type"),
            ("/name", "length"),
            ("/email", "email"),
            ("/other", "invalid_type"),
        ])
    );
    let error = Valid::<Flats>::from_json(r#"{"id": 1, "email": 5, "other": 300}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/email", "invalid_type"),
            ("/other", "range"),
            ("/name", "missing_field"),
        ])
    );
}
