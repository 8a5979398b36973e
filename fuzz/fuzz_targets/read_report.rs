//! `Valid::from_slice` on arbitrary bytes, for a model with every form the second read follows
//! (nested models through `Option`, `Box`, `Vec` and maps, `flatten`, `deny_unknown_fields`,
//! `default`, aliases, a parsed newtype, a transparent struct, a tuple struct, a `try_from`
//! container, field-less enums plain, with `other` and internally tagged, enums whose variants
//! carry data in each representation (struct, tuple and newtype variants, externally, internally
//! and adjacently tagged, untagged), a context-free rule of every kind). Beyond not panicking:
//! - a document serde reads gets the rules' verdict only: `Ok`, or rule violations without any
//!   reading code;
//! - a document serde refuses is refused, with at least one violation, each with a code and a
//!   message;
//! - a document that breaks I-JSON (a repeated key, an integer beyond 64 bits) is refused
//!   wherever the breach is, an unknown member skipped or buffered too, with `duplicate_field`
//!   or `range`, and only such a document gets those codes where serde reads it;
//! - no violation message holds a string of the document (messages never quote values): checked
//!   for the strings with a character no message of this model contains.

#![no_main]

use std::collections::BTreeMap;

use customer_core::{CustomerModel, Error, Valid};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;

#[derive(CustomerModel, Debug)]
#[customer(id(prefix = "cus_", chars = "a-z0-9", min_len = 2, max_len = 8))]
struct CustomerId(String);

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Kind {
    Person,
    Company,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "lowercase")]
enum Channel {
    Web,
    #[customer(other)]
    #[serde(untagged)]
    Other(String),
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Payment {
    Card {
        #[customer(length(min = 4, max = 4))]
        last4: String,
        #[serde(default)]
        #[customer(range(max = 12))]
        month: u8,
    },
    Pair(#[customer(length(max = 3))] String, #[customer(range(max = 9))] u8),
    #[customer(nested)]
    #[serde(alias = "home")]
    Post(Address),
    Cash,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
#[allow(dead_code)]
enum Event {
    Created {
        #[customer(email)]
        email: String,
    },
    #[customer(nested)]
    Moved(Address),
    #[serde(other)]
    Unknown,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "t", content = "c")]
#[allow(dead_code)]
enum Entry {
    Text(#[customer(length(max = 4))] String),
    Lines {
        #[customer(each(length(max = 2)))]
        lines: Vec<String>,
    },
    Empty,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(untagged)]
#[allow(dead_code)]
enum Contact {
    Person {
        #[customer(email)]
        email: String,
    },
    Phones(#[customer(length(max = 2))] Vec<String>),
    Code(#[customer(range(max = 99))] u16),
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
#[serde(transparent)]
struct Nickname {
    #[customer(length(max = 4))]
    value: String,
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Point(
    #[customer(range(min = 0))] i16,
    #[customer(range(max = 9))] i16,
);

#[derive(Deserialize)]
struct RawCode(String);

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(try_from = "RawCode")]
struct Code {
    #[customer(length(max = 3))]
    text: String,
}

impl TryFrom<RawCode> for Code {
    type Error = customer_core::RuleError;
    fn try_from(raw: RawCode) -> Result<Self, Self::Error> {
        if raw.0.is_ascii() {
            Ok(Code { text: raw.0 })
        } else {
            Err(customer_core::RuleError::new("ascii", "must be ASCII"))
        }
    }
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Extra {
    #[customer(length(max = 4))]
    #[serde(default)]
    campaign: Option<String>,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Signup {
    #[customer(email)]
    email: String,
    #[customer(length(max = 5))]
    #[serde(alias = "name")]
    first_name: Option<String>,
    #[customer(locale)]
    locale: Option<String>,
    age: u8,
    plan: Plan,
    kind: Option<Kind>,
    channel: Option<Channel>,
    customer_id: Option<CustomerId>,
    #[customer(nested)]
    nickname: Option<Nickname>,
    #[customer(nested)]
    home: Option<Point>,
    #[customer(nested)]
    code: Option<Code>,
    #[customer(nested)]
    address: Option<Box<Address>>,
    #[customer(each(nested), length(max = 2))]
    #[serde(default)]
    previous: Vec<Address>,
    #[customer(each(length(max = 3)))]
    #[serde(default)]
    tags: Vec<String>,
    #[customer(nested)]
    #[serde(default)]
    by_name: BTreeMap<String, Address>,
    #[customer(metadata(max_bytes = 64))]
    metadata: Option<serde_json::Value>,
    #[customer(nested)]
    payment: Option<Payment>,
    #[customer(nested)]
    event: Option<Event>,
    #[customer(each(nested))]
    #[serde(default)]
    entries: Vec<Entry>,
    #[customer(nested)]
    contact: Option<Contact>,
    #[serde(flatten)]
    #[customer(nested)]
    extra: Extra,
}

/// The codes of reading, as opposed to the codes of rules.
const READING: &[&str] = &[
    "invalid_type",
    "range",
    "missing_field",
    "unknown_field",
    "duplicate_field",
    "invalid_length",
    "invalid_value",
    "malformed_json",
];

/// Every string of a JSON value, for the check that no message quotes one.
fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(members) => {
            for (key, v) in members {
                out.push(key.clone());
                strings(v, out);
            }
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let ours = Valid::<Signup>::from_slice(data);
    let serde = serde_json::from_slice::<Signup>(data);
    // Whether the document is I-JSON (no repeated key, no integer beyond 64 bits, anywhere):
    // where it is not, every reader of ours refuses it, wherever the breach is (an unknown member
    // that serde skips, or buffers for the `flatten` field, too), with `duplicate_field` or
    // `range`; serde reads such a document on (it keeps the last key, rounds the integer, or
    // skips the member).
    let ijson = customer_core::json::from_slice::<serde_json::Value>(data).is_ok();
    match (&serde, &ours) {
        (Ok(_), Ok(_)) => assert!(ijson, "accepted, though it breaks I-JSON"),
        (Ok(value), Err(Error::Invalid(errors))) => {
            // `range` is also a rule's code: a rule of the value serde read, at its pointer, is
            // the rules' verdict.
            let rules: Vec<(String, String)> = match value.validate() {
                Ok(()) => Vec::new(),
                Err(found) => found
                    .violations()
                    .iter()
                    .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
                    .collect(),
            };
            let mut breaches = 0;
            for v in errors.violations() {
                let breach = !ijson && matches!(v.code(), "duplicate_field" | "range");
                breaches += usize::from(breach);
                let a_rule = rules.iter().any(|(p, c)| p == v.pointer() && c == v.code());
                assert!(
                    breach || a_rule || !READING.contains(&v.code()),
                    "serde read it, yet {} at {}",
                    v.code(),
                    v.pointer()
                );
            }
            assert!(
                ijson || breaches > 0,
                "refused, breaking I-JSON, without saying where"
            );
        }
        // serde_json skips an unknown member's strings without looking at their bytes; every
        // reader of ours refuses a document that is not UTF-8 anywhere, as malformed JSON.
        (Ok(_), Err(Error::Syntax(errors))) if std::str::from_utf8(data).is_err() => {
            let codes: Vec<_> = errors.violations().iter().map(|v| v.code()).collect();
            assert_eq!(codes, ["malformed_json"], "not UTF-8");
        }
        (Ok(_), Err(other)) => panic!("serde read it, yet {other:?}"),
        (Err(_), Ok(_)) => panic!("serde refused it, yet it was valid"),
        (Err(_), Err(error)) => assert!(!error.violations().is_empty()),
    }
    if let (Err(error), Ok(value)) = (&ours, serde_json::from_slice::<serde_json::Value>(data)) {
        let mut texts = Vec::new();
        strings(&value, &mut texts);
        for v in error.violations() {
            assert!(!v.code().is_empty() && !v.message().is_empty());
            // A string with a character no message of this model uses cannot be in a message
            // unless it was quoted (a plain word could be part of a message's own text).
            let marked =
                |t: &&String| t.chars().count() >= 4 && t.contains(['@', '#', '%', '&', '~', '|']);
            for text in texts.iter().filter(marked) {
                assert!(
                    !v.message().contains(text.as_str()),
                    "a message quotes a value of the document: {}",
                    v.pointer()
                );
            }
        }
    }
});
