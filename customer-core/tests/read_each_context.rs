//! The second read's table entries for `each(...)` fields and for models with a context: the
//! rules of the elements that read alone when the collection does not (a default, `Option`
//! layers, an alias, a fixed-size array, a member given twice), and the rules of a context
//! model's named fields, newtype, tuple and struct variants and tuple struct, with the caller's
//! context. Every expected pointer and code is listed, in order.

#![allow(dead_code)] // the fields are read by serde and by the rules only

use customer_core::{CustomerModel, Valid};
use serde::Deserialize;

#[path = "support/report.rs"]
mod report;

use report::{expect, pairs};

fn long_tags() -> Vec<String> {
    vec!["ok".to_owned(), "far too long".to_owned()]
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Tags {
    #[serde(default = "long_tags")]
    #[customer(each(length(max = 2)))]
    defaulted: Vec<String>,
    #[customer(each(email))]
    maybe: Option<Vec<String>>,
    #[serde(alias = "labels")]
    #[customer(each(length(max = 2)))]
    names: Vec<String>,
    #[customer(each(length(max = 2)))]
    pair: [String; 2],
    count: u8,
}

#[test]
fn the_elements_that_read_alone_are_checked_when_the_collection_does_not_read() {
    let error = Valid::<Tags>::from_json(
        r#"{"defaulted": ["abc", 1, "de", "fgh"],
            "maybe": ["no", {"a": 1}, "jo@example.com", "also no"],
            "labels": ["abc", null],
            "pair": [7, "xyz"],
            "count": "x"}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/defaulted/0", "length"),
            ("/defaulted/1", "invalid_type"),
            ("/defaulted/3", "length"),
            ("/maybe/0", "email"),
            ("/maybe/1", "invalid_type"),
            ("/maybe/3", "email"),
            // At the key the document used.
            ("/labels/0", "length"),
            ("/labels/1", "invalid_type"),
            ("/pair/0", "invalid_type"),
            ("/pair/1", "length"),
            ("/count", "invalid_type"),
        ])
    );
}

#[test]
fn a_missing_collection_reads_as_its_default_and_null_has_no_elements() {
    let error = Valid::<Tags>::from_json(
        r#"{"maybe": null, "names": ["abc", "x"], "pair": ["a", "b"], "count": 1}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/names/0", "length"), ("/defaulted/1", "length")])
    );
    // A `null` inside: that element does not read; `null` for the whole is `None`.
    let error = Valid::<Tags>::from_json(
        r#"{"maybe": [null, "no"], "names": [], "pair": ["a", "b"], "count": 300}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/maybe/0", "invalid_type"),
            ("/maybe/1", "email"),
            ("/count", "range"),
            ("/defaulted/1", "length"),
        ])
    );
}

#[test]
fn a_collection_given_twice_has_no_element_rules() {
    let error = Valid::<Tags>::from_json(
        r#"{"names": ["abc", 1], "names": ["def"], "pair": ["a", "b"], "count": 1}"#,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/names", "duplicate_field"),
            ("/names/1", "invalid_type"),
            ("/defaulted/1", "length"),
        ])
    );
}

// ---------------------------------------------------------------------------------------------
// Models with a context.

struct Limits {
    max: usize,
}

fn wide_default() -> Vec<String> {
    vec!["abcdef".to_owned()]
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
struct Profile {
    #[customer(length(max = ctx.max))]
    name: String,
    #[serde(default = "wide_default")]
    #[customer(each(length(max = ctx.max)))]
    tags: Vec<String>,
    #[customer(each(length(max = ctx.max)))]
    maybe: Option<Vec<String>>,
    #[customer(length(max = ctx.max))]
    nick: Option<String>,
    count: u8,
}

#[test]
fn a_context_models_fields_run_their_rules_with_the_callers_context() {
    let document = r#"{"name": "Josephine", "maybe": ["abcd", 2, "abcdefg"], "nick": "Jo",
                       "count": "x"}"#;
    let error = Valid::<Profile>::from_json_with(document, &Limits { max: 4 }).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/name", "length"),
            ("/maybe/1", "invalid_type"),
            ("/maybe/2", "length"),
            ("/count", "invalid_type"),
            // The default, missing from the document: last.
            ("/tags/0", "length"),
        ])
    );
    let error = Valid::<Profile>::from_json_with(document, &Limits { max: 1 }).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/name", "length"),
            ("/maybe/0", "length"),
            ("/maybe/1", "invalid_type"),
            ("/maybe/2", "length"),
            ("/nick", "length"),
            ("/count", "invalid_type"),
            ("/tags/0", "length"),
        ])
    );
    let error = Valid::<Profile>::from_json_with(document, &Limits { max: 64 }).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/maybe/1", "invalid_type"), ("/count", "invalid_type")])
    );
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "snake_case")]
#[customer(context(Limits))]
enum Post {
    Text(#[customer(length(max = ctx.max))] String),
    Pair(#[customer(length(max = ctx.max))] String, u8),
    Lines {
        #[customer(each(length(max = ctx.max)))]
        lines: Vec<String>,
        #[customer(length(max = ctx.max))]
        title: String,
    },
}

#[test]
fn a_context_enums_variants_run_their_rules_with_the_callers_context() {
    let document = r#"[
        {"text": "abcdef"},
        {"pair": ["abcdef", "x"]},
        {"pair": ["ab", 1]},
        {"lines": {"lines": ["abcdef", 1, "ab"], "title": "abcdef"}},
        {"lines": {"lines": ["abcdef"], "title": 3}}
    ]"#;
    let limits = Limits { max: 3 };
    let error = Valid::<Vec<Post>>::from_json_with(document, &limits).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/0/text", "length"),
            // A tuple variant's elements of a context model: their shapes only (see
            // customer-derive's `shape.rs`).
            ("/1/pair/1", "invalid_type"),
            ("/3/lines/lines/0", "length"),
            ("/3/lines/lines/1", "invalid_type"),
            ("/3/lines/title", "length"),
            ("/4/lines/lines/0", "length"),
            ("/4/lines/title", "invalid_type"),
        ])
    );
    let error = Valid::<Vec<Post>>::from_json_with(document, &Limits { max: 64 }).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/1/pair/1", "invalid_type"),
            ("/3/lines/lines/1", "invalid_type"),
            ("/4/lines/title", "invalid_type"),
        ])
    );
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
struct Coded(#[customer(length(max = ctx.max))] String, u8);

#[test]
fn a_context_tuple_structs_elements_are_checked_for_their_shapes() {
    // Their rules are not run in the second read (see customer-derive's `shape.rs`): only
    // the shapes of a tuple struct with a context are checked.
    let error =
        Valid::<Coded>::from_json_with(r#"["abcdef", -1]"#, &Limits { max: 3 }).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/1", "range")]));
}
