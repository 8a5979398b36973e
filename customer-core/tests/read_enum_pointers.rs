//! The pointer of a refusal only serde finds (a type whose `Deserialize` refuses more than its
//! shape says) inside an enum with data, in each of serde's representations: the one report
//! points at the member that holds the refused value, not at the enum or its variant.
//!
//! Every reader is asked: `Valid::from_json` (a `&str`, the first read tracking its path through
//! the text), `Valid::from_slice` and `json::from_slice` (owned, the first error found in the
//! tree only when the report needs it), `json::from_value` (a `Value` already built).

use customer_core::json::Shape;
use customer_core::{json, CustomerModel, Error, Valid};
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

/// A model holding an `Odd` (what a newtype variant of an internally tagged enum wraps).
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Holds {
    odd: Odd,
    #[customer(length(max = 4))]
    #[serde(default)]
    note: String,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
enum External {
    Plain(Odd),
    Model(#[customer(nested)] Holds),
    Card { odd: Odd, n: u8 },
    Two(u8, Odd),
    Deep(Vec<Odd>),
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type")]
#[allow(dead_code)]
enum Internal {
    Model(#[customer(nested)] Holds),
    Card { odd: Odd, n: u8 },
    Deep { list: Vec<Odd> },
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "t", content = "c")]
#[allow(dead_code)]
enum Adjacent {
    Plain(Odd),
    Model(#[customer(nested)] Holds),
    Card { odd: Odd, n: u8 },
    Two(u8, Odd),
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(untagged)]
#[allow(dead_code)]
enum Untagged {
    Card { odd: Odd, n: u8 },
    Two(u8, Odd),
}

/// Two fields serde would refuse, a rule, an enum of each representation inside another.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[allow(dead_code)]
enum Nest {
    Pair {
        first: Odd,
        second: Odd,
        #[customer(length(max = 3))]
        #[serde(default)]
        label: String,
    },
    Inner {
        #[customer(nested)]
        inner: Internal,
    },
    Outer {
        #[customer(nested)]
        outer: External,
    },
    Down(#[customer(nested)] Box<Level>),
    Leak {
        leaky: Leaky,
    },
}

/// Text whose refusal quotes it.
#[derive(Debug)]
struct Leaky;

impl<'de> Deserialize<'de> for Leaky {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Err(serde::de::Error::custom(format!("{text} is refused")))
    }
}

impl Shape for Leaky {}

/// A level of a deep chain: internally tagged enums holding each other, an `Odd` at the bottom.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "t")]
#[allow(dead_code)]
enum Level {
    More {
        #[customer(nested)]
        next: Box<Level>,
    },
    Last {
        odd: Odd,
    },
}

/// Two untagged variants a value can be: serde's error names neither, nor does the report.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(untagged)]
#[allow(dead_code)]
enum Either {
    One { odd: Odd },
    Other { odd: Odd, n: Option<u8> },
}

/// The enums where an application holds them: nested, in a list, optional.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Order {
    #[customer(nested)]
    external: Option<External>,
    #[customer(nested)]
    internal: Option<Internal>,
    #[customer(nested)]
    adjacent: Option<Adjacent>,
    #[customer(nested)]
    untagged: Option<Untagged>,
    #[customer(each(nested))]
    #[serde(default)]
    list: Vec<Internal>,
    #[customer(nested)]
    nest: Option<Nest>,
    #[customer(nested)]
    either: Option<Either>,
    #[customer(length(max = 2))]
    #[serde(default)]
    note: String,
}

/// The (pointer, code) pairs every reader reports for `json`.
fn reports(json: &str) -> Vec<Vec<(String, String)>> {
    vec![
        reported(Valid::<Order>::from_json(json)),
        reported(Valid::<Order>::from_slice(json.as_bytes())),
        reported(json::from_slice::<Order>(json.as_bytes())),
        reported(json::from_value::<Order>(
            serde_json::from_str(json).unwrap(),
        )),
    ]
}

/// `json` is reported by every reader as exactly `expected`.
#[track_caller]
fn assert_reported(json: &str, expected: &[(&str, &str)]) {
    let expected = expect(expected);
    for (reader, found) in [
        "from_json",
        "from_slice",
        "json::from_slice",
        "json::from_value",
    ]
    .iter()
    .zip(reports(json))
    {
        assert_eq!(found, expected, "{reader}: {json}");
    }
}

#[test]
fn the_documents_read_when_nothing_is_refused() {
    for json in [
        r#"{"external": {"Plain": "yes"}}"#,
        r#"{"external": {"Card": {"odd": "yes", "n": 1}}, "internal": {"type": "Model", "odd": "yes"}}"#,
        r#"{"adjacent": {"t": "Two", "c": [1, "yes"]}, "untagged": {"odd": "yes", "n": 1}}"#,
        r#"{"untagged": [1, "yes"], "list": [{"type": "Deep", "list": ["yes"]}]}"#,
    ] {
        assert!(Valid::<Order>::from_json(json).is_ok(), "{json}");
        assert!(json::from_slice::<Order>(json.as_bytes()).is_ok(), "{json}");
    }
}

#[test]
fn externally_tagged_points_at_the_member_under_the_variants_name() {
    assert_reported(
        r#"{"external": {"Plain": "no"}}"#,
        &[("/external/Plain", "invalid_value")],
    );
    assert_reported(
        r#"{"external": {"Model": {"odd": "no"}}}"#,
        &[("/external/Model/odd", "invalid_value")],
    );
    assert_reported(
        r#"{"external": {"Card": {"n": 1, "odd": "no"}}}"#,
        &[("/external/Card/odd", "invalid_value")],
    );
    assert_reported(
        r#"{"external": {"Two": [1, "no"]}}"#,
        &[("/external/Two/1", "invalid_value")],
    );
    assert_reported(
        r#"{"external": {"Deep": ["yes", "yes", "no"]}}"#,
        &[("/external/Deep/2", "invalid_value")],
    );
}

#[test]
fn internally_tagged_points_at_the_member_of_the_enums_object() {
    assert_reported(
        r#"{"internal": {"type": "Model", "odd": "no"}}"#,
        &[("/internal/odd", "invalid_value")],
    );
    assert_reported(
        r#"{"internal": {"n": 1, "odd": "no", "type": "Card"}}"#,
        &[("/internal/odd", "invalid_value")],
    );
    assert_reported(
        r#"{"internal": {"type": "Deep", "list": ["yes", "no"]}}"#,
        &[("/internal/list/1", "invalid_value")],
    );
    assert_reported(
        r#"{"list": [{"type": "Card", "odd": "yes", "n": 1}, {"type": "Deep", "list": ["no"]}]}"#,
        &[("/list/1/list/0", "invalid_value")],
    );
}

#[test]
fn adjacently_tagged_points_at_the_member_under_the_content_key() {
    assert_reported(
        r#"{"adjacent": {"t": "Plain", "c": "no"}}"#,
        &[("/adjacent/c", "invalid_value")],
    );
    assert_reported(
        r#"{"adjacent": {"c": {"odd": "no"}, "t": "Model"}}"#,
        &[("/adjacent/c/odd", "invalid_value")],
    );
    assert_reported(
        r#"{"adjacent": {"t": "Card", "c": {"odd": "no", "n": 1}}}"#,
        &[("/adjacent/c/odd", "invalid_value")],
    );
    assert_reported(
        r#"{"adjacent": {"t": "Two", "c": [1, "no"]}}"#,
        &[("/adjacent/c/1", "invalid_value")],
    );
}

#[test]
fn untagged_points_at_the_member_of_the_one_variant_the_value_can_be() {
    assert_reported(
        r#"{"untagged": {"odd": "no", "n": 1}}"#,
        &[("/untagged/odd", "invalid_value")],
    );
    assert_reported(
        r#"{"untagged": [1, "no"]}"#,
        &[("/untagged/1", "invalid_value")],
    );
}

/// Every refusal below the enum is found, each at its member, beside the rules broken elsewhere
/// (the report of `Valid::from_json`; `json::from_slice` runs no rules).
#[test]
fn every_refusal_inside_the_variant_is_found_beside_the_rules() {
    let json = r#"{"nest": {"kind": "pair", "first": "no", "second": "no", "label": "long"},
        "note": "too long"}"#;
    let found = reports(json);
    let expected: Vec<(String, String)> = [
        ("/nest/first", "invalid_value"),
        ("/nest/second", "invalid_value"),
        ("/nest/label", "length"),
        ("/note", "length"),
    ]
    .iter()
    .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
    .collect();
    assert_eq!(found[0], expected, "from_json");
    assert_eq!(found[1], expected, "from_slice");
    assert_eq!(found[2], expected[..2], "json::from_slice");
    assert_eq!(found[3], expected[..2], "json::from_value");
}

/// Enums inside enums, of each representation: the innermost member.
#[test]
fn enums_inside_enums() {
    assert_reported(
        r#"{"nest": {"kind": "inner", "inner": {"type": "Card", "n": 1, "odd": "no"}}}"#,
        &[("/nest/inner/odd", "invalid_value")],
    );
    assert_reported(
        r#"{"nest": {"kind": "outer", "outer": {"Two": [1, "no"]}}}"#,
        &[("/nest/outer/Two/1", "invalid_value")],
    );
    assert_reported(
        r#"{"external": {"Model": {"odd": "yes"}}, "nest": {"kind": "inner", "inner": {"type": "Deep", "list": ["no"]}}}"#,
        &[("/nest/inner/list/0", "invalid_value")],
    );
}

/// A chain of internally tagged enums as deep as serde_json reads: the refusal at the bottom is
/// found at its member (each level is walked once: the innermost finds it, the levels around
/// it then read nothing more).
#[test]
fn a_deep_chain_of_buffered_enums() {
    let depth = 60;
    let mut json = r#"{"t": "Last", "odd": "no"}"#.to_owned();
    let mut pointer = String::new();
    for _ in 0..depth {
        json = format!(r#"{{"t": "More", "next": {json}}}"#);
        pointer.push_str("/next");
    }
    let json = format!(r#"{{"nest": {{"kind": "down", "t": "More", "next": {json}}}}}"#);
    let expected = format!("/nest/next{pointer}/odd");
    assert_reported(&json, &[(expected.as_str(), "invalid_value")]);
}

/// A value two untagged variants can be is reported at the enum, as matching none of them:
/// which variant the sender meant is not known.
#[test]
fn two_untagged_variants_stay_at_the_enum() {
    assert_reported(
        r#"{"either": {"odd": "no"}}"#,
        &[("/either", "invalid_value")],
    );
}

/// Nothing of the refused value in any message, though the type's own error quotes it.
#[test]
fn no_message_quotes_the_value() {
    let json = r#"{"nest": {"kind": "leak", "leaky": "secret-value"}}"#;
    assert_reported(json, &[("/nest/leaky", "invalid_value")]);
    for error in [
        Valid::<Order>::from_json(json).unwrap_err(),
        json::from_slice::<Order>(json.as_bytes()).unwrap_err(),
    ] {
        for violation in error.violations() {
            assert!(!violation.message().contains("secret"), "{violation:?}");
        }
    }
}

/// What a variant's field is read alone with: only a type whose walk is not exact, and only one
/// that can be read alone.
#[test]
fn which_fields_are_read_alone() {
    use customer_core::__private::shape::{ReadProbe, WholeViaNothing as _};
    assert!(ReadProbe::<Odd>::WHOLE.is_some());
    assert!(ReadProbe::<Holds>::WHOLE.is_some());
    assert!(ReadProbe::<Vec<Odd>>::WHOLE.is_some());
    assert!(ReadProbe::<Internal>::WHOLE.is_some());
    assert!(ReadProbe::<String>::WHOLE.is_none());
    assert!(ReadProbe::<Option<Vec<u8>>>::WHOLE.is_none());
    // Read through serde by the walk itself (no `Shape`), or not `Deserialize` at all.
    assert!(ReadProbe::<std::net::Ipv4Addr>::WHOLE.is_none());
    assert!(ReadProbe::<std::rc::Rc<Odd>>::WHOLE.is_none());
}

/// The enum read at the document's root: the same members.
#[test]
fn an_enum_at_the_root() {
    let violations = |error: Error| -> Vec<String> {
        error
            .violations()
            .iter()
            .map(|v| v.pointer().to_owned())
            .collect()
    };
    let json = r#"{"type": "Card", "n": 1, "odd": "no"}"#;
    assert_eq!(
        violations(json::from_str::<Internal>(json).unwrap_err()),
        ["/odd"]
    );
    assert_eq!(
        violations(Valid::<Internal>::from_json(json).unwrap_err()),
        ["/odd"]
    );
    let json = r#"{"t": "Two", "c": [1, "no"]}"#;
    assert_eq!(
        violations(Valid::<Adjacent>::from_json(json).unwrap_err()),
        ["/c/1"]
    );
    let json = r#"[1, "no"]"#;
    assert_eq!(
        violations(json::from_slice::<Untagged>(json.as_bytes()).unwrap_err()),
        ["/1"]
    );
}
