//! How a parsed newtype's refusal reaches the report: its violations travel by a side channel
//! with their codes and params, never parsed back out of serde's error text, so a message from
//! any other `Deserialize` that reads like a rule's cannot pass for one (nor leak its value).
//! And `json::from_value` reads the `Value` it is given without copying it.

use customer_core::error::Param;
use customer_core::{json, CustomerModel, Error, Valid};
use serde::{Deserialize, Deserializer};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{allocations, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

#[derive(CustomerModel, Debug)]
#[customer(length(max = 5))]
struct Short(String);

#[derive(CustomerModel, Debug)]
#[customer(email)]
struct Email(String);

/// A hand-written `Deserialize` that refuses with a text made to look like a parsed newtype's.
#[derive(Debug)]
struct Forged;

impl<'de> Deserialize<'de> for Forged {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        // What `__private::de_message` writes, word for word, and the same with the value in it.
        if text == "plain" {
            Err(serde::de::Error::custom(
                "must be a valid email address (rule `email`)",
            ))
        } else {
            Err(serde::de::Error::custom(format!("{text} (rule `email`)")))
        }
    }
}

impl json::Shape for Forged {}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Form {
    #[serde(default)]
    short: Option<Short>,
    #[serde(default)]
    email: Option<Email>,
    #[serde(default)]
    forged: Option<Forged>,
}

fn report(error: Error) -> Vec<(String, String)> {
    error
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

#[test]
fn a_newtypes_refusal_keeps_its_code_and_params() {
    for read in [
        |json: &str| json::from_str::<Form>(json).map(drop),
        |json: &str| Valid::<Form>::from_json(json).map(drop),
        |json: &str| json::from_value::<Form>(serde_json::from_str(json).unwrap()).map(drop),
    ] {
        let error = read(r#"{"short": "toolong"}"#).unwrap_err();
        let v = &error.violations().violations()[0];
        assert_eq!((v.pointer(), v.code()), ("/short", "length"));
        assert_eq!(v.message(), "must have a length of at most 5");
        // The params come along (the text the newtype failed with has none).
        let params: Vec<_> = v.params().map(|(k, p)| (k.to_owned(), p.clone())).collect();
        assert!(
            params.contains(&("max".to_owned(), Param::UInt(5))),
            "{params:?}"
        );
        assert_eq!(error.violations().len(), 1);
    }
}

#[test]
fn the_second_read_gets_every_newtypes_refusal() {
    // Two refusals: serde stops at the first, the second read reads each newtype alone.
    let error = Valid::<Form>::from_json(r#"{"email": "jo@", "short": "toolong"}"#).unwrap_err();
    assert_eq!(
        report(error),
        [
            ("/email".to_owned(), "email".to_owned()),
            ("/short".to_owned(), "length".to_owned()),
        ]
    );
}

#[test]
fn a_text_that_reads_like_a_rule_is_no_rule() {
    for json in [r#"{"forged": "plain"}"#, r#"{"forged": "jo@example.com"}"#] {
        for error in [
            json::from_str::<Form>(json).unwrap_err(),
            Valid::<Form>::from_json(json).unwrap_err(),
        ] {
            assert_eq!(
                report(error.clone()),
                [("/forged".to_owned(), "invalid_value".to_owned())]
            );
            let text = error.to_string();
            assert_eq!(text, "/forged: is not a valid value");
            assert!(!text.contains("jo@example.com"));
        }
    }
}

#[test]
fn a_refusal_read_elsewhere_is_not_found_by_a_later_error() {
    // The newtype refuses through serde alone: its violations are left on this thread under
    // the very text `Forged` then fails with; the reading after it must not take them.
    assert!(serde_json::from_str::<Email>(r#""jo@""#).is_err());
    let error = json::from_str::<Form>(r#"{"forged": "plain"}"#).unwrap_err();
    assert_eq!(
        report(error),
        [("/forged".to_owned(), "invalid_value".to_owned())]
    );
    // And a refusal converted once is not converted again.
    let first = json::from_str::<Form>(r#"{"email": "jo@"}"#).unwrap_err();
    assert_eq!(report(first), [("/email".to_owned(), "email".to_owned())]);
    let error = json::from_str::<Form>(r#"{"forged": "plain"}"#).unwrap_err();
    assert_eq!(
        report(error),
        [("/forged".to_owned(), "invalid_value".to_owned())]
    );
}

#[test]
fn serde_alone_still_reads_the_code_in_the_text() {
    let error = serde_json::from_str::<Email>(r#""jo@""#).unwrap_err();
    assert_eq!(
        error.to_string(),
        "must be a valid email address (rule `email`)"
    );
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Small {
    #[customer(range(max = 10))]
    id: u32,
    #[customer(length(max = 5))]
    name: String,
}

/// `json::from_value` reads the `Value` it is given where it is: a valid document costs the
/// allocations of what the model keeps (here the one `String`), not a copy of the value (10,000
/// strings in a member the model skips), as the issue's channel asked.
#[test]
fn from_value_reads_the_value_without_copying_it() {
    let skipped: Vec<String> = (0..10_000).map(|i| format!("item {i}")).collect();
    let value = serde_json::json!({"id": 7, "skipped": skipped, "name": "Jo"});
    let (n, read) = allocations(|| json::from_value::<Small>(value));
    let read = read.unwrap();
    assert_eq!((read.id, read.name.as_str()), (7, "Jo"));
    assert!(n <= 2, "{n} allocations to read a valid value");
}
