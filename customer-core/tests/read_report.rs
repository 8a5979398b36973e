//! Every violation of a document in one report: shape errors (wrong JSON types, missing and
//! unknown fields, values a parsed newtype or a field-less enum refuses, wrong elements of arrays
//! and maps, inside `flatten` and nested models) and the rule violations of the fields that did
//! read, each at its pointer in wire names, in document order, through every way of reading.

use std::collections::BTreeMap;

use customer_core::providers::Api;
use customer_core::{json, CustomerModel, Error, Valid};
use serde::{Deserialize, Deserializer};

#[derive(CustomerModel, Debug)]
#[customer(id(prefix = "cus_", chars = "a-z0-9", min_len = 2, max_len = 10))]
struct CustomerId(String);

#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Address {
    #[customer(length(min = 1, max = 8))]
    line1: String,
    #[customer(country)]
    country: String,
    #[serde(default)]
    floor: Option<i8>,
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Extra {
    #[customer(length(max = 4))]
    #[serde(default)]
    campaign: Option<String>,
    referrer_count: u16,
}

fn upper<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    if text.chars().all(|c| !c.is_lowercase()) {
        Ok(text)
    } else {
        Err(serde::de::Error::custom("must be upper case"))
    }
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Signup {
    #[customer(length(min = 1, max = 5))]
    first_name: String,
    #[customer(email)]
    email: String,
    age: u8,
    #[serde(alias = "newsletter")]
    opt_in: bool,
    plan: Plan,
    customer_id: CustomerId,
    #[customer(nested)]
    address: Address,
    #[customer(nested)]
    #[serde(default)]
    previous: Vec<Address>,
    #[customer(each(length(max = 3)))]
    tags: Vec<String>,
    #[serde(default)]
    scores: BTreeMap<String, u8>,
    #[customer(required)]
    nickname: Option<String>,
    #[serde(deserialize_with = "upper")]
    code: String,
    #[serde(skip_deserializing)]
    #[allow(dead_code)]
    internal: u32,
    #[customer(nested)]
    #[serde(flatten)]
    extra: Extra,
}

#[path = "support/report.rs"]
mod report;

use report::{expect, pairs};

const VALID: &str = r#"{
    "firstName": "Jo", "email": "jo@example.com", "age": 30, "optIn": true, "plan": "pro",
    "customerId": "cus_ab12", "address": {"line1": "Main 1", "country": "NL"},
    "previous": [], "tags": ["a"], "scores": {"x": 1}, "nickname": "J", "code": "AB",
    "referrer_count": 2
}"#;

#[test]
fn a_valid_document_reads() {
    let signup = Valid::<Signup>::from_json(VALID).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(signup.plan, Plan::Pro);
    assert_eq!(signup.extra.referrer_count, 2);
    let aliased = VALID.replace("\"optIn\"", "\"newsletter\"");
    assert!(Valid::<Signup>::from_json(&aliased).is_ok());
}

/// Every kind at once: each wrong value, in document order, with the rules of what read.
const BROKEN: &str = r#"{
    "firstName": "Johannes",
    "email": 7,
    "age": 300,
    "newsletter": "yes",
    "plan": "gold",
    "customerId": "usr_1",
    "address": {"line1": "", "country": "XX", "floor": 1.5, "zip": "1234"},
    "previous": [{"line1": "ok", "country": "NL"}, [], {"line1": 1}],
    "tags": ["abcd", 5, "ok"],
    "scores": {"a": 1, "b": -1, "c": "x"},
    "nickname": null,
    "code": "lower",
    "campaign": "spring",
    "referrer_count": "many"
}"#;

#[test]
fn every_violation_of_every_kind_in_one_report() {
    let error = Valid::<Signup>::from_json(BROKEN).unwrap_err();
    assert!(matches!(error, Error::Invalid(_)), "{error:?}");
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/firstName", "length"),
            ("/email", "invalid_type"),
            ("/age", "range"),
            ("/newsletter", "invalid_type"),
            ("/plan", "one_of"),
            ("/customerId", "id"),
            ("/address/line1", "length"),
            ("/address/country", "country"),
            ("/address/floor", "invalid_type"),
            ("/address/zip", "unknown_field"),
            ("/previous/1", "invalid_type"),
            ("/previous/2/line1", "invalid_type"),
            ("/previous/2/country", "missing_field"),
            // `tags` did not read (element 1), but its elements that did are checked.
            ("/tags/0", "length"),
            ("/tags/1", "invalid_type"),
            ("/scores/b", "range"),
            ("/scores/c", "invalid_type"),
            ("/nickname", "required"),
            ("/code", "invalid_value"),
            ("/campaign", "length"),
            ("/referrer_count", "invalid_type"),
        ]),
        "{error}"
    );
    let text = error.to_string();
    for line in [
        "/email: must be a string",
        "/age: must be a whole number from 0 to 255",
        "/newsletter: must be true or false",
        "/plan: must be one of `free`, `pro`",
        "/previous/1: must be an object",
        "/address/zip: is not a field of this object",
        "/scores/b: must be a whole number from 0 to 255",
        "/referrer_count: must be a whole number from 0 to 65535",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} not in:\n{text}");
    }
    for secret in [
        "Johannes", "gold", "usr_1", "1234", "abcd", "lower", "spring", "many",
    ] {
        assert!(!text.contains(secret), "{secret} in {text}");
        assert!(!format!("{error:?}").contains(secret), "{secret}");
    }
}

/// Members that are not there come after the ones that are, shape errors before rule violations.
#[test]
fn missing_fields_are_each_reported_after_what_is_there() {
    let error = Valid::<Signup>::from_json(r#"{"firstName": "Jo", "age": "x"}"#).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/age", "invalid_type"),
            ("/email", "missing_field"),
            ("/optIn", "missing_field"),
            ("/plan", "missing_field"),
            ("/customerId", "missing_field"),
            ("/address", "missing_field"),
            ("/tags", "missing_field"),
            ("/code", "missing_field"),
            ("/referrer_count", "missing_field"),
            ("/nickname", "required"),
        ]),
        "{error}"
    );
}

#[test]
fn a_wrong_type_inside_flatten_is_at_its_own_pointer() {
    let doc = VALID.replace("\"referrer_count\": 2", "\"referrer_count\": [2]");
    let error = Valid::<Signup>::from_json(&doc).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/referrer_count", "invalid_type")])
    );
}

#[test]
fn a_repeated_key_is_reported_at_the_second() {
    let doc = VALID.replace("\"age\": 30", "\"age\": 30, \"age\": 31");
    let error = Valid::<Signup>::from_json(&doc).unwrap_err();
    assert_eq!(pairs(&error), expect(&[("/age", "duplicate_field")]));
}

#[test]
fn every_read_path_reports_everything() {
    let doc = r#"{"firstName": "Johannes", "email": 7, "age": -1}"#;
    let from_json = pairs(&Valid::<Signup>::from_json(doc).unwrap_err());
    let from_slice = pairs(&Valid::<Signup>::from_slice(doc.as_bytes()).unwrap_err());
    assert_eq!(from_json, from_slice);
    assert!(from_json.contains(&("/firstName".to_owned(), "length".to_owned())));
    assert!(from_json.contains(&("/email".to_owned(), "invalid_type".to_owned())));
    assert!(from_json.contains(&("/age".to_owned(), "range".to_owned())));
    // `customer_core::json` reads without rules: every shape error, no rule violation.
    let shapes = pairs(&json::from_str::<Signup>(doc).unwrap_err());
    assert_eq!(
        shapes,
        from_json
            .iter()
            .filter(|(_, code)| code != "length" && code != "required")
            .cloned()
            .collect::<Vec<_>>()
    );
    assert_eq!(
        shapes,
        pairs(&json::from_slice::<Signup>(doc.as_bytes()).unwrap_err())
    );
}

#[test]
fn api_decode_reports_shape_and_rule_errors_together() {
    let error = Api::Paddle
        .decode(r#"{"email": "not an email", "name": 5, "locale": "xx-!!"}"#)
        .unwrap_err();
    let found = pairs(&error);
    assert!(
        found.contains(&("/email".to_owned(), "email".to_owned())),
        "{error}"
    );
    assert!(
        found.contains(&("/name".to_owned(), "invalid_type".to_owned())),
        "{error}"
    );
    assert!(
        found.contains(&("/locale".to_owned(), "locale".to_owned())),
        "{error}"
    );
}

#[test]
fn a_syntax_error_stays_one_violation_with_line_and_column() {
    let error = Valid::<Signup>::from_json("{\n  \"age\": 1,\n  oops\n}").unwrap_err();
    assert!(matches!(error, Error::Syntax(_)));
    assert_eq!(error.violations().len(), 1);
    assert_eq!(error.to_string(), ": malformed JSON at line 3 column 3");
    // Well-formed JSON whose number no reader holds is not called malformed.
    let error = Valid::<Signup>::from_json("{\n  \"age\": 1e400\n}").unwrap_err();
    assert!(matches!(error, Error::Syntax(_)));
    assert_eq!(error.violations().len(), 1);
    assert_eq!(
        error.violations().iter().next().map(|v| v.code()),
        Some("malformed_json")
    );
    assert_eq!(
        error.to_string(),
        ": a number out of range at line 2 column 14"
    );
}

fn short_enough(team: &Team) -> Result<(), customer_core::RuleError> {
    if team.name.len() + team.lead.line1.len() <= 12 {
        Ok(())
    } else {
        Err(customer_core::RuleError::new(
            "too_long",
            "name and lead together are too long",
        ))
    }
}

fn default_lead() -> Address {
    // Invalid on purpose: a default is validated like a value that was sent.
    Address {
        line1: String::new(),
        country: "NL".to_owned(),
        floor: None,
    }
}

/// A model whose second read runs its container check (on the struct read whole) and validates
/// a defaulted nested model that is not in the document (no node to walk).
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(deny_unknown_fields)]
#[customer(check = short_enough)]
#[allow(dead_code)]
struct Team {
    #[customer(length(max = 10))]
    name: String,
    #[customer(nested)]
    lead: Address,
    #[serde(default = "default_lead")]
    #[customer(nested)]
    deputy: Address,
    #[customer(each(nested), length(max = 2))]
    members: Vec<Address>,
}

#[test]
fn the_second_read_runs_container_checks_and_validates_defaulted_models() {
    // The unknown member fails the first read; every field has its shape, so the struct is read
    // whole for its check, and each model below is walked with its rules.
    let doc = r#"{"name": "Engineering", "lead": {"line1": "Main 1", "country": "XX"},
        "members": [{"line1": "", "country": "NL"}, {"line1": "ok", "country": "NL"}, {"line1": "ok", "country": "NL"}],
        "unknown": 1}"#;
    let error = Valid::<Team>::from_json(doc).unwrap_err();
    let mut got = pairs(&error);
    got.sort();
    let mut want = expect(&[
        ("/unknown", "unknown_field"),
        ("/name", "length"),
        ("/lead/country", "country"),
        ("/deputy/line1", "length"),
        ("/members", "length"),
        ("/members/0/line1", "length"),
        ("", "too_long"),
    ]);
    want.sort();
    assert_eq!(got, want);

    // A nested model of the wrong shape: the rules of what did read still run.
    let doc = r#"{"name": "Ops", "lead": {"line1": 5, "country": "XX"}, "deputy": {"line1": "ok", "country": "NL"}, "members": []}"#;
    let error = Valid::<Team>::from_json(doc).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/lead/line1", "invalid_type"),
            ("/lead/country", "country")
        ])
    );
}
