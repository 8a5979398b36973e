//! Every violation of a document in one report, for the containers serde reads in another form
//! than an object of their fields: `#[serde(transparent)]`, `#[serde(from / try_from)]` and tuple
//! structs (field-less enums: read_enums.rs). For each form, what the report accepts is checked
//! against what serde_json reads, document by document.

use std::marker::PhantomData;

use customer_core::{json, CustomerModel, RuleError, Valid};
use serde::Deserialize;

#[path = "support/report.rs"]
mod report;

use report::{agrees, expect, pairs};

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Address {
    #[customer(length(min = 1, max = 8))]
    line1: String,
    #[customer(country)]
    country: String,
}

// ----- transparent ---------------------------------------------------------------------------

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(transparent)]
struct Email {
    #[customer(email)]
    value: String,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(transparent)]
#[allow(dead_code)]
struct Contact {
    #[customer(nested)]
    address: Address,
    #[serde(skip)]
    marker: PhantomData<u8>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Holder {
    #[customer(nested)]
    email: Email,
    #[customer(nested)]
    contact: Contact,
    #[customer(nested)]
    list: Vec<Email>,
}

const HOLDER: &str = r#"{"email": "jo@example.com", "contact": {"line1": "Main 1", "country": "NL"},
    "list": ["a@example.com"]}"#;

#[test]
fn transparent_structs_are_their_field_at_their_own_pointer() {
    let holder = Valid::<Holder>::from_json(HOLDER).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(holder.email.value, "jo@example.com");
    let doc = r#"{"email": 5, "contact": {"line1": "", "country": "XX", "zip": 1},
        "list": ["bad", 7, "ok@example.com"]}"#;
    let error = Valid::<Holder>::from_json(doc).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/email", "invalid_type"),
            ("/contact/line1", "length"),
            ("/contact/country", "country"),
            ("/contact/zip", "unknown_field"),
            ("/list/0", "email"),
            ("/list/1", "invalid_type"),
        ]),
        "{error}"
    );
    // A document that reads: the field's rules at the struct's own pointer, as the second read.
    let doc = HOLDER.replace("\"a@example.com\"", "\"bad\"");
    let error = Valid::<Holder>::from_json(&doc).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/list/0", "email")]), "{error}");
    agrees::<Email>(&[
        r#""a@b.example""#,
        "5",
        "null",
        r#"{"value": "a@b.example"}"#,
    ]);
    agrees::<Contact>(&[
        r#"{"line1": "x", "country": "NL"}"#,
        r#"{"address": {"line1": "x", "country": "NL"}}"#,
    ]);
}

// ----- from / try_from ----------------------------------------------------------------------

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct PersonForm {
    // Not a rule of `Person`: not run.
    #[customer(length(max = 3))]
    name: String,
    age: u8,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(try_from = "PersonForm")]
struct Person {
    #[customer(length(min = 2))]
    name: String,
    age: u8,
}

impl TryFrom<PersonForm> for Person {
    type Error = RuleError;
    fn try_from(form: PersonForm) -> Result<Self, RuleError> {
        if form.age < 18 {
            return Err(RuleError::new("too_young", "must be of age"));
        }
        Ok(Person {
            name: form.name,
            age: form.age,
        })
    }
}

/// A conversion whose error is plain text (it may quote the value): `invalid_value`.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(try_from = "String")]
struct Code(String);

impl TryFrom<String> for Code {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        if text.len() == 4 {
            Ok(Code(text))
        } else {
            Err(format!("{text} is not a code"))
        }
    }
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(from = "Vec<u8>")]
struct Scores {
    #[customer(length(max = 2))]
    values: Vec<u8>,
}

impl From<Vec<u8>> for Scores {
    fn from(values: Vec<u8>) -> Self {
        Scores { values }
    }
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Registration {
    #[customer(nested)]
    person: Person,
    #[customer(nested)]
    guardian: Person,
    code: Code,
    #[customer(nested)]
    scores: Scores,
    count: u8,
}

#[test]
fn converted_containers_have_the_shape_of_their_source() {
    let valid = r#"{"person": {"name": "Jo", "age": 30}, "guardian": {"name": "Ann", "age": 40},
        "code": "AB12", "scores": [1, 2], "count": 1}"#;
    let read = Valid::<Registration>::from_json(valid).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((read.person.name.as_str(), read.guardian.age), ("Jo", 40));
    assert_eq!(read.code.0, "AB12");
    assert_eq!(read.scores.values, [1, 2]);

    let doc = r#"{"person": {"name": 5, "age": "x", "extra": 1}, "guardian": {"name": "Ann", "age": 12},
        "code": "secret-text", "scores": [1, "x", 300], "count": 1}"#;
    let error = Valid::<Registration>::from_json(doc).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/person/name", "invalid_type"),
            ("/person/age", "invalid_type"),
            ("/guardian", "too_young"),
            ("/code", "invalid_value"),
            ("/scores/1", "invalid_type"),
            ("/scores/2", "range"),
        ]),
        "{error}"
    );
    assert!(!error.to_string().contains("secret"), "{error}");
    assert!(!format!("{error:?}").contains("secret"));

    // What converted is validated whole by the rules of the container, while a sibling fails.
    let doc = r#"{"person": {"name": "J", "age": 30}, "guardian": {"name": "Annabelle", "age": 40},
        "code": "AB12", "scores": [1, 2, 3], "count": -1}"#;
    let error = Valid::<Registration>::from_json(doc).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/person/name", "length"),
            ("/scores/values", "length"),
            ("/count", "range"),
        ]),
        "{error}"
    );
    // Without rules: the shapes only.
    let error = json::from_str::<Registration>(doc).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/count", "range")]), "{error}");
    agrees::<Person>(&[
        r#"{"name": "Jo", "age": 30}"#,
        r#"{"name": "Jo", "age": 3}"#,
        r#"{"name": "Jo"}"#,
        "[]",
    ]);
    agrees::<Code>(&[r#""AB12""#, r#""AB1""#, "12"]);
}

// ----- tuple structs -------------------------------------------------------------------------

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Line(
    #[customer(length(max = 5))] String,
    u8,
    #[customer(nested)] Address,
);

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Span(u8, #[serde(default)] u8);

/// serde numbers the elements over the fields it reads: the text is at `/1`.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Skipping(u8, #[serde(skip)] u8, #[customer(length(max = 2))] String);

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Order {
    #[customer(nested)]
    line: Line,
    #[customer(nested)]
    lines: Vec<Line>,
    spans: Vec<Span>,
}

#[test]
fn tuple_structs_are_arrays_of_their_fields() {
    let valid = r#"{"line": ["pen", 2, {"line1": "Main 1", "country": "NL"}], "lines": [],
        "spans": [[1], [1, 2]]}"#;
    let order = Valid::<Order>::from_json(valid).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        (order.line.1, order.spans[0].1, order.spans[1].1),
        (2, 0, 2)
    );

    let doc = r#"{"line": ["fountain pen", 300, {"line1": "", "country": "NL"}],
        "lines": [["pen", 1], {"x": 1}, ["pen", "x", {"line1": "ok", "country": "NL"}, 4], "pen"],
        "spans": [[], [1, 2, 3], [1, -1]]}"#;
    let error = Valid::<Order>::from_json(doc).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/line/0", "length"),
            ("/line/1", "range"),
            ("/line/2/line1", "length"),
            ("/lines/0", "invalid_length"),
            ("/lines/1", "invalid_type"),
            ("/lines/2", "invalid_length"),
            ("/lines/2/1", "invalid_type"),
            ("/lines/3", "invalid_type"),
            ("/spans/0", "invalid_length"),
            ("/spans/1", "invalid_length"),
            ("/spans/2/1", "range"),
        ]),
        "{error}"
    );
    let text = error.to_string();
    for line in [
        "/lines/0: must be an array of 3 elements",
        "/lines/1: must be an array",
        "/spans/0: must be an array of 1 to 2 elements",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} not in:\n{text}");
    }
    // An array too long is a refusal of well-formed JSON, not a syntax error.
    let error =
        Valid::<Line>::from_json(r#"["pen", 1, {"line1": "x", "country": "NL"}, 4]"#).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("", "invalid_length")]), "{error}");
    agrees::<Line>(&[
        r#"["pen", 1, {"line1": "x", "country": "NL"}]"#,
        r#"["pen", 1]"#,
        r#"["pen", 1, {"line1": "x", "country": "NL"}, 4]"#,
        r#"{"0": "pen"}"#,
    ]);
    agrees::<Span>(&["[1]", "[1, 2]", "[]", "[1, 2, 3]", "[1, null]"]);

    // The pointers of a tuple struct with a skipped field, on both reads.
    let error = Valid::<Skipping>::from_json(r#"[1, "abc"]"#).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/1", "length")]), "{error}");
    let error = Valid::<Skipping>::from_json(r#"[300, "abc"]"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/0", "range"), ("/1", "length")]),
        "{error}"
    );
    agrees::<Skipping>(&[r#"[1, "ab"]"#, r#"[1, 2, "ab"]"#, "[1]"]);
}

/// `each` on a tuple struct's element and on a newtype variant's field: a rules function whose
/// place is an index, or the variant's own place, its elements' violations below it.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Codes(
    #[customer(length(max = 2))] String,
    #[customer(each(length(max = 2)))] Vec<String>,
    u8,
);

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum Tags {
    Many(#[customer(each(length(max = 2)))] Vec<String>),
    Pair(
        #[customer(length(max = 2))] String,
        #[customer(each(length(max = 2)))] Vec<String>,
    ),
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Tagged {
    #[customer(nested)]
    codes: Codes,
    #[customer(nested)]
    tags: Vec<Tags>,
    count: u8,
}

#[test]
fn each_rules_of_elements_and_newtype_variants_report_below_their_place_in_both_reads() {
    let broken = r#"{"codes": ["abc", ["ab", "abc", "x", "abcd"], 1],
        "tags": [{"many": ["abc", "ab"]}, {"pair": ["abc", ["ab", "xyz"]]}], "count": 1}"#;
    let want = expect(&[
        ("/codes/0", "length"),
        ("/codes/1/1", "length"),
        ("/codes/1/3", "length"),
        ("/tags/0/many/0", "length"),
        ("/tags/1/pair/0", "length"),
        ("/tags/1/pair/1/1", "length"),
    ]);
    // The rules alone: `validate_into` (the document reads).
    let error = Valid::<Tagged>::from_json(broken).unwrap_err();
    assert_eq!(pairs(&error), want, "{error}");
    // With a shape violation too: the second read runs the same rules functions.
    let error =
        Valid::<Tagged>::from_json(&broken.replace(r#""count": 1"#, r#""count": -1"#)).unwrap_err();
    let mut with_count = want;
    with_count.push(("/count".to_owned(), "range".to_owned()));
    assert_eq!(pairs(&error), with_count, "{error}");
    let valid = r#"{"codes": ["ab", ["ab"], 1], "tags": [{"many": []}], "count": 1}"#;
    assert!(Valid::<Tagged>::from_json(valid).is_ok());
}

// ----- fields read by a function ---------------------------------------------------------------

fn two_digits<'de, D: serde::Deserializer<'de>>(de: D) -> Result<u8, D::Error> {
    let n = u8::deserialize(de)?;
    if n < 100 {
        Ok(n)
    } else {
        Err(serde::de::Error::custom("more than two digits"))
    }
}

fn eleven() -> u8 {
    11
}

/// A tuple struct with an element read by a function and a defaulted element whose default
/// breaks its rule.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Reading(
    #[serde(deserialize_with = "two_digits")]
    #[customer(range(max = 50))]
    u8,
    #[customer(length(max = 3))] String,
    #[serde(default = "eleven")]
    #[customer(range(max = 10))]
    u8,
);

/// The same with named fields: a field read by a function (through an alias too), one read by a
/// function with a default.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Gauge {
    #[serde(deserialize_with = "two_digits", alias = "lvl")]
    #[customer(range(max = 50))]
    level: u8,
    #[serde(deserialize_with = "two_digits", default = "eleven")]
    #[customer(range(max = 10))]
    spare: u8,
    #[customer(length(max = 3))]
    name: String,
}

#[test]
fn fields_read_by_a_function_are_read_by_it_in_both_reads() {
    // serde reads these: the rules at their pointers (`validate_into`).
    let error = Valid::<Reading>::from_json(r#"[60, "abcd", 1]"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/0", "range"), ("/1", "length")]),
        "{error}"
    );
    let error = Valid::<Reading>::from_json(r#"[1, "ab"]"#).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/2", "range")]), "{error}");
    // serde refuses these: the same rules at the same pointers, beside the refusals (in the
    // document's order).
    let error = Valid::<Reading>::from_json(r#"[60, "abcd", "x"]"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/0", "range"), ("/1", "length"), ("/2", "invalid_type")]),
        "{error}"
    );
    let error = Valid::<Reading>::from_json(r#"[100, "abcd"]"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/0", "invalid_value"), ("/1", "length"), ("/2", "range")]),
        "{error}"
    );
    // Too short: its length, and the rules of the elements there and of the defaulted one.
    let error = Valid::<Reading>::from_json(r#"[60]"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("", "invalid_length"), ("/0", "range"), ("/2", "range")]),
        "{error}"
    );
    agrees::<Reading>(&[
        r#"[1, "ab", 2]"#,
        r#"[1, "ab"]"#,
        r#"[100, "ab"]"#,
        r#"[1]"#,
        r#"["1", "ab"]"#,
        r#"[1, "ab", 2, 3]"#,
    ]);

    let error = Valid::<Gauge>::from_json(r#"{"lvl": 60, "name": "abcd"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/lvl", "range"), ("/name", "length"), ("/spare", "range")]),
        "{error}"
    );
    let error = Valid::<Gauge>::from_json(r#"{"lvl": 60, "name": 1, "spare": 5}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/lvl", "range"), ("/name", "invalid_type")]),
        "{error}"
    );
    let error =
        Valid::<Gauge>::from_json(r#"{"level": 100, "spare": 200, "name": "abcd"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/level", "invalid_value"),
            ("/spare", "invalid_value"),
            ("/name", "length"),
        ]),
        "{error}"
    );
    // A field read by a function is required whatever its type, unless it has a default.
    let error = Valid::<Gauge>::from_json(r#"{"name": "ab", "spare": 200}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/spare", "invalid_value"), ("/level", "missing_field")]),
        "{error}"
    );
    agrees::<Gauge>(&[
        r#"{"level": 1, "name": "ab"}"#,
        r#"{"lvl": 1, "spare": 3, "name": "ab"}"#,
        r#"{"level": 100, "name": "ab"}"#,
        r#"{"name": "ab"}"#,
        r#"{"level": 1, "lvl": 2, "name": "ab"}"#,
    ]);
}
