//! An unknown member is held to I-JSON like every other value: a repeated key in it (at any
//! depth), the member itself given twice, or an integer literal beyond 64 bits in it is refused
//! (`duplicate_field`, `range`) though the model drops the member, whether serde skips it (a plain
//! struct) or buffers it (a struct with a `flatten` field, an enum with data). The same document
//! gets the same answer from every reader and from every form of the model: with and without
//! `flatten`, nested, in each representation of an enum with data; and the second read (a
//! document with another violation besides) lists the breach with the rest.

use std::collections::HashMap;

use customer_core::{json, CustomerModel, Error, FromJsonPlain, Valid};
use serde::Deserialize;
use serde_json::Value;

/// Unknown members are skipped by serde.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Plain {
    #[customer(length(min = 1, max = 20))]
    name: String,
    #[serde(default)]
    age: Option<u8>,
}

#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Extra {
    #[serde(default)]
    campaign: Option<String>,
}

/// Unknown members are buffered by serde for the flattened struct, then dropped.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Flat {
    #[customer(length(min = 1, max = 20))]
    name: String,
    #[serde(default)]
    age: Option<u8>,
    #[serde(flatten)]
    #[customer(nested)]
    extra: Extra,
}

/// Unknown members are kept, by a flattened map.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct FlatMap {
    #[customer(length(min = 1, max = 20))]
    name: String,
    #[serde(default)]
    age: Option<u8>,
    #[serde(flatten)]
    rest: HashMap<String, Value>,
}

/// The same struct one level down, and as the struct variant of an enum in each
/// representation.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Holder {
    #[customer(nested)]
    plain: Option<Plain>,
    #[customer(nested)]
    flat: Option<Flat>,
    #[customer(nested)]
    external: Option<External>,
    #[customer(nested)]
    internal: Option<Internal>,
    #[customer(nested)]
    adjacent: Option<Adjacent>,
    #[customer(nested)]
    untagged: Option<Untagged>,
}

#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
enum External {
    A {
        #[customer(length(min = 1, max = 20))]
        name: String,
        #[serde(default)]
        age: Option<u8>,
    },
}

#[derive(Debug, Deserialize, CustomerModel)]
#[serde(tag = "kind")]
#[allow(dead_code)]
enum Internal {
    A {
        #[customer(length(min = 1, max = 20))]
        name: String,
        #[serde(default)]
        age: Option<u8>,
    },
}

#[derive(Debug, Deserialize, CustomerModel)]
#[serde(tag = "t", content = "c")]
#[allow(dead_code)]
enum Adjacent {
    A {
        #[customer(length(min = 1, max = 20))]
        name: String,
        #[serde(default)]
        age: Option<u8>,
    },
}

#[derive(Debug, Deserialize, CustomerModel)]
#[serde(untagged)]
#[allow(dead_code)]
enum Untagged {
    A {
        #[customer(length(min = 1, max = 20))]
        name: String,
        #[serde(default)]
        age: Option<u8>,
    },
}

type Pairs = Vec<(String, String)>;

fn pairs(error: &Error) -> Pairs {
    let mut pairs: Pairs = error
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect();
    pairs.sort();
    pairs
}

/// What every reader says of `doc` (`None` when it reads), the same from each: `Valid`'s
/// from text and bytes with the rules; `json::from_str`/`from_slice` the same without the
/// rule violations (`length`).
fn read<T: FromJsonPlain + std::fmt::Debug>(doc: &str) -> Option<Pairs> {
    let with_rules = Valid::<T>::from_json(doc).err().map(|e| pairs(&e));
    assert_eq!(
        Valid::<T>::from_slice(doc.as_bytes())
            .err()
            .map(|e| pairs(&e)),
        with_rules,
        "Valid::from_slice: {doc}"
    );
    let shapes = json::from_str::<T>(doc).err().map(|e| pairs(&e));
    assert_eq!(
        json::from_slice::<T>(doc.as_bytes())
            .err()
            .map(|e| pairs(&e)),
        shapes,
        "json::from_slice: {doc}"
    );
    let without_rules = with_rules.clone().and_then(|all| {
        let all: Pairs = all.into_iter().filter(|(_, c)| c != "length").collect();
        (!all.is_empty()).then_some(all)
    });
    assert_eq!(shapes, without_rules, "json::from_str: {doc}");
    with_rules
}

fn expect(list: &[(&str, &str)]) -> Pairs {
    let mut list: Pairs = list
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect();
    list.sort();
    list
}

const BIG: &str = "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890";

/// The breaches, as members to add to an object, and the violations they give (pointers
/// relative to that object).
fn breaches() -> Vec<(String, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            r#""other": {"n": 1, "n": 2}"#.to_owned(),
            vec![("/other/n", "duplicate_field")],
        ),
        (
            r#""other": [0, {"x": {"k": null, "k": null}}]"#.to_owned(),
            vec![("/other/1/x/k", "duplicate_field")],
        ),
        (
            r#""other": 1, "other": 2"#.to_owned(),
            vec![("/other", "duplicate_field")],
        ),
        (format!(r#""other": {BIG}"#), vec![("/other", "range")]),
        (
            format!(r#""other": {{"deep": [-{BIG}]}}"#),
            vec![("/other/deep/0", "range")],
        ),
        // An escaped name is the same name.
        (
            r#""other": 1, "oth\u0065r": 2"#.to_owned(),
            vec![("/other", "duplicate_field")],
        ),
    ]
}

fn prefixed(at: &str, list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(p, c)| (format!("{at}{p}"), (*c).to_owned()))
        .collect()
}

#[test]
fn every_form_of_the_model_refuses_alike_at_the_top() {
    for (members, found) in breaches() {
        let doc = format!(r#"{{"name": "a", {members}}}"#);
        let expected = Some(expect(&found));
        assert_eq!(read::<Plain>(&doc), expected, "plain: {doc}");
        assert_eq!(read::<Flat>(&doc), expected, "flatten: {doc}");
        assert_eq!(read::<FlatMap>(&doc), expected, "flattened map: {doc}");
        // With a rule violation and a wrong type besides: one report of all three.
        let doc = format!(r#"{{"name": "", "age": "x", {members}}}"#);
        let mut all = found.clone();
        all.extend([("/name", "length"), ("/age", "invalid_type")]);
        let expected = Some(expect(&all));
        assert_eq!(read::<Plain>(&doc), expected, "plain: {doc}");
        assert_eq!(read::<Flat>(&doc), expected, "flatten: {doc}");
        // (A flattened map takes `age` as one of its members.)
    }
}

#[test]
fn nested_and_in_enums_with_data() {
    for (members, found) in breaches() {
        for (field, object, at) in [
            ("plain", format!(r#"{{"name": "a", {members}}}"#), "/plain"),
            ("flat", format!(r#"{{"name": "a", {members}}}"#), "/flat"),
            (
                "external",
                format!(r#"{{"A": {{"name": "a", {members}}}}}"#),
                "/external/A",
            ),
            (
                "internal",
                format!(r#"{{"kind": "A", "name": "a", {members}}}"#),
                "/internal",
            ),
            (
                "adjacent",
                format!(r#"{{"t": "A", "c": {{"name": "a", {members}}}}}"#),
                "/adjacent/c",
            ),
            (
                "untagged",
                format!(r#"{{"name": "a", {members}}}"#),
                "/untagged",
            ),
        ] {
            let doc = format!(r#"{{"{field}": {object}}}"#);
            let mut expected = prefixed(at, &found);
            expected.sort();
            assert_eq!(read::<Holder>(&doc), Some(expected), "{doc}");
        }
        // An adjacently tagged enum's own unknown member.
        let doc = format!(r#"{{"adjacent": {{"t": "A", "c": {{"name": "a"}}, {members}}}}}"#);
        let mut expected = prefixed("/adjacent", &found);
        expected.sort();
        assert_eq!(read::<Holder>(&doc), Some(expected), "{doc}");
    }
    // Beside a rule violation of the nested struct: both.
    let doc = r#"{"plain": {"name": "", "other": {"n": 1, "n": 2}}, "flat": {"name": "", "o": 1, "o": 2}}"#;
    assert_eq!(
        read::<Holder>(doc),
        Some(expect(&[
            ("/plain/name", "length"),
            ("/plain/other/n", "duplicate_field"),
            ("/flat/name", "length"),
            ("/flat/o", "duplicate_field"),
        ]))
    );
}

/// Unknown members that break nothing read, in every form; what a flattened map keeps is
/// what the document says.
#[test]
fn unknown_members_that_break_nothing_read() {
    let members = r#""other": {"n": 1, "m": [{"k": 1, "K": 2}], "big": 18446744073709551615, "f": 1e300}, "more": -9223372036854775808"#;
    let doc = format!(r#"{{"name": "a", {members}}}"#);
    assert_eq!(read::<Plain>(&doc), None);
    assert_eq!(read::<Flat>(&doc), None);
    assert_eq!(read::<FlatMap>(&doc), None);
    let kept = Valid::<FlatMap>::from_json(&doc).unwrap().into_inner().rest;
    assert_eq!(kept["other"]["big"], Value::from(u64::MAX));
    assert_eq!(kept["more"], Value::from(i64::MIN));
    for at in ["plain", "flat", "untagged"] {
        assert_eq!(
            read::<Holder>(&format!(r#"{{"{at}": {doc}}}"#)),
            None,
            "{at}"
        );
    }
    let doc = format!(r#"{{"internal": {{"kind": "A", "name": "a", {members}}}}}"#);
    assert_eq!(read::<Holder>(&doc), None);
}

/// `json::from_value` reads a `Value` already built: it cannot hold a repeated key, and holds a
/// number beyond 64 bits as a float, which is read as one whatever the form of the model.
#[test]
fn from_value_gives_every_form_the_same_answer() {
    let value = serde_json::json!({"name": "a", "other": {"n": 1, "f": 1.2345678901234568e29}});
    assert!(json::from_value::<Plain>(value.clone()).is_ok());
    assert!(json::from_value::<Flat>(value.clone()).is_ok());
    assert!(json::from_value::<FlatMap>(value.clone()).is_ok());
    let wrong = serde_json::json!({"name": "a", "age": "x", "other": {"n": 1}});
    for error in [
        json::from_value::<Plain>(wrong.clone()).unwrap_err(),
        json::from_value::<Flat>(wrong).unwrap_err(),
    ] {
        assert_eq!(pairs(&error), expect(&[("/age", "invalid_type")]));
    }
}

/// The value never appears in the report.
#[test]
fn no_value_in_the_report() {
    let doc = format!(r#"{{"name": "a", "secret-key": 1, "secret-key": 2, "x": {{"n": {BIG}}}}}"#);
    for error in [
        Valid::<Plain>::from_json(&doc).unwrap_err(),
        Valid::<Flat>::from_json(&doc).unwrap_err(),
    ] {
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("123456789"), "{shown}");
        assert_eq!(
            pairs(&error),
            expect(&[("/secret-key", "duplicate_field"), ("/x/n", "range")])
        );
    }
}
