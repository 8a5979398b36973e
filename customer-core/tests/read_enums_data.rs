//! The one report of a document that does not read into an enum whose variants carry data, in
//! each of serde's representations: the tag's violations at the tag's pointer, the chosen
//! variant's shape violations and the rules of its parts that read, together, in document order,
//! under the cap; what an untagged enum reports; unions nested in structs, `Option`, `Vec`, maps
//! and other unions. What the shapes accept is checked against what serde_json reads, document
//! by document, and no message quotes the rejected value.

use std::collections::BTreeMap;

use customer_core::json::MaxViolations;
use customer_core::{CustomerModel, Error, Valid};
use serde::Deserialize;

#[path = "support/report.rs"]
mod report;

use report::{agrees, expect, pairs};

#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
struct Company {
    #[customer(length(min = 1, max = 8))]
    name: String,
    #[customer(email)]
    email: String,
}

/// Externally tagged (serde's default).
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
enum Signup {
    Individual {
        #[customer(email)]
        email_address: String,
        #[serde(default)]
        #[customer(length(max = 3))]
        note: Option<String>,
    },
    #[serde(alias = "company")]
    Business {
        #[customer(pattern = "^[A-Z]{2}[0-9]{4}$")]
        vat_id: String,
        #[customer(length(max = 5))]
        name: String,
        country: String,
    },
    Pair(#[customer(email)] String, #[customer(range(max = 9))] u32),
    #[customer(nested)]
    Wrapped(Company),
    Nothing,
}

/// Internally tagged, unknown members refused in struct variants.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum Internal {
    Individual {
        #[customer(email)]
        email: String,
    },
    Business {
        #[customer(pattern = "^[A-Z]{2}[0-9]{4}$")]
        vat_id: String,
        #[serde(rename = "company_name")]
        #[customer(length(max = 5))]
        name: String,
    },
    #[customer(nested)]
    Wrapped(Company),
    Closed,
}

/// Internally tagged with serde's `other`: an unknown tag reads as `Unknown`.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Event {
    Created {
        #[customer(email)]
        email: String,
    },
    #[serde(other)]
    Unknown,
}

/// Adjacently tagged.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "t", content = "c", rename_all = "snake_case")]
enum Adjacent {
    Individual {
        #[customer(email)]
        email: String,
    },
    Pair(#[customer(email)] String, #[customer(range(max = 9))] u32),
    #[customer(nested)]
    Wrapped(Company),
    Maybe(#[customer(length(max = 3))] Option<String>),
    Nothing,
}

/// Adjacently tagged, unknown members of its object refused.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
enum Strict {
    A(#[customer(range(max = 9))] u32),
    #[serde(other)]
    Other,
}

/// Untagged.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(untagged)]
enum Contact {
    Person {
        #[customer(email)]
        email: String,
        first_name: String,
    },
    Team {
        members: Vec<String>,
        #[customer(length(max = 4))]
        team_name: String,
    },
    Phones(#[customer(length(max = 2))] Vec<String>),
    Code(#[customer(range(max = 99))] u32),
}

/// A union inside a union: an internally tagged enum's newtype variant wrapping another
/// internally tagged enum, whose fields sit at the same level.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "object")]
enum Envelope {
    #[serde(rename = "signup")]
    #[customer(nested)]
    Signup(Internal),
    #[serde(rename = "list")]
    List {
        #[customer(each(nested))]
        items: Vec<Adjacent>,
    },
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
struct Account {
    #[customer(length(max = 8))]
    id: String,
    #[customer(nested)]
    signup: Signup,
    #[customer(nested)]
    maybe: Option<Internal>,
    #[customer(each(nested))]
    many: Vec<Adjacent>,
    #[customer(nested)]
    by_name: BTreeMap<String, Contact>,
    #[customer(nested)]
    envelope: Option<Envelope>,
}

fn report<T: serde::de::DeserializeOwned + CustomerModel + customer_core::json::Shape>(
    doc: &str,
) -> Error {
    Valid::<T>::from_json(doc).map(|_| ()).unwrap_err()
}

fn lines(error: &Error) -> Vec<String> {
    error.to_string().lines().map(str::to_owned).collect()
}

#[test]
fn externally_tagged_unions() {
    let valid = [
        r#"{"individual": {"emailAddress": "jo@example.com"}}"#,
        r#"{"business": {"vatId": "NL1234", "name": "Acme", "country": "NL"}}"#,
        r#"{"company": {"vatId": "NL1234", "name": "Acme", "country": "NL"}}"#,
        r#"{"pair": ["jo@example.com", 3]}"#,
        r#"{"wrapped": {"name": "Acme", "email": "a@example.com"}}"#,
        r#""nothing""#,
        r#"{"nothing": null}"#,
    ];
    for doc in valid {
        Valid::<Signup>::from_json(doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
    }
    // A wrong type, a broken rule and a missing field in one body: three violations, in
    // document order (a missing member after its siblings).
    let error = report::<Signup>(r#"{"business": {"name": "Acme Holding", "vatId": 7}}"#);
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/business/name", "length"),
            ("/business/vatId", "invalid_type"),
            ("/business/country", "missing_field"),
        ]),
        "{error}"
    );
    // Under an alias, at the key as written.
    let error = report::<Signup>(r#"{"company": {"name": "Acme", "vatId": "x", "country": 1}}"#);
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/company/vatId", "pattern"),
            ("/company/country", "invalid_type")
        ]),
        "{error}"
    );
    // A field with a default may be left out; its rule runs on what is there.
    let error = report::<Signup>(r#"{"individual": {"note": "long", "emailAddress": 5}}"#);
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/individual/note", "length"),
            ("/individual/emailAddress", "invalid_type"),
        ]),
        "{error}"
    );
    // Tuple and newtype variants.
    for (doc, want) in [
        (
            r#"{"pair": ["jo", 10]}"#,
            vec![("/pair/0", "email"), ("/pair/1", "range")],
        ),
        (
            r#"{"pair": [1, "x"]}"#,
            vec![("/pair/0", "invalid_type"), ("/pair/1", "invalid_type")],
        ),
        (
            r#"{"pair": ["jo@example.com"]}"#,
            vec![("/pair", "invalid_length")],
        ),
        (r#"{"pair": {}}"#, vec![("/pair", "invalid_type")]),
        (
            r#"{"wrapped": {"name": "", "email": "x", "zz": 1}}"#,
            vec![
                ("/wrapped/name", "length"),
                ("/wrapped/email", "email"),
                ("/wrapped/zz", "unknown_field"),
            ],
        ),
        (
            r#"{"wrapped": {"email": 1}}"#,
            vec![
                ("/wrapped/email", "invalid_type"),
                ("/wrapped/name", "missing_field"),
            ],
        ),
        (r#"{"nothing": 1}"#, vec![("/nothing", "invalid_type")]),
    ] {
        let error = report::<Signup>(doc);
        assert_eq!(pairs(&error), expect(&want), "{doc}: {error}");
    }
    // The tag: one violation at the enum's pointer.
    for (doc, code) in [
        (r#"{"robot": {}}"#, "one_of"),
        (r#"{}"#, "invalid_length"),
        (
            r#"{"pair": ["a@b.co", 1], "nothing": null}"#,
            "invalid_length",
        ),
        (r#""business""#, "invalid_type"),
        (r#""robot""#, "one_of"),
        ("5", "invalid_type"),
        ("[]", "invalid_type"),
    ] {
        let error = report::<Signup>(doc);
        assert_eq!(pairs(&error), expect(&[("", code)]), "{doc}: {error}");
    }
    let text = report::<Signup>(r#"{"robot": {}}"#).to_string();
    assert_eq!(
        text,
        ": must be one of `individual`, `business`, `pair`, `wrapped`, `nothing`"
    );
    assert_eq!(
        report::<Signup>("{}").to_string(),
        ": must be a string or an object of exactly 1 member"
    );
    assert_eq!(
        report::<Signup>(r#""pair""#).to_string(),
        ": must be an object"
    );
    agrees::<Signup>(&[
        r#"{"individual": {"emailAddress": "x"}}"#,
        r#"{"individual": {"emailAddress": "x", "other": 1}}"#,
        r#"{"individual": {}}"#,
        r#"{"individual": []}"#,
        r#"{"company": {"vatId": "", "name": "", "country": ""}}"#,
        r#"{"pair": ["a", 1]}"#,
        r#"{"pair": ["a", 1, 2]}"#,
        r#"{"pair": ["a"]}"#,
        r#"{"pair": "a"}"#,
        r#"{"wrapped": {"name": "", "email": ""}}"#,
        r#"{"wrapped": {"name": "", "email": "", "x": 0}}"#,
        r#"{"wrapped": null}"#,
        r#"{"nothing": null}"#,
        r#"{"nothing": 0}"#,
        r#""nothing""#,
        r#""individual""#,
        r#"{"x": null}"#,
        "{}",
        r#"{"nothing": null, "pair": ["a", 1]}"#,
        "null",
        "7",
    ]);
}

#[test]
fn internally_tagged_unions() {
    let valid = [
        r#"{"type": "individual", "email": "jo@example.com"}"#,
        r#"{"vat_id": "NL1234", "type": "business", "company_name": "Acme"}"#,
        r#"{"type": "wrapped", "name": "Acme", "email": "a@example.com"}"#,
        r#"{"type": "closed", "anything": [1]}"#,
    ];
    for doc in valid {
        Valid::<Internal>::from_json(doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
    }
    for (doc, want) in [
        // The fields at the object's own level; unknown members refused.
        (
            r#"{"type": "business", "vat_id": 1, "company_name": "Acme Holding", "extra": 1}"#,
            vec![
                ("/vat_id", "invalid_type"),
                ("/company_name", "length"),
                ("/extra", "unknown_field"),
            ],
        ),
        (
            r#"{"email": "jo", "type": "individual"}"#,
            vec![("/email", "email")],
        ),
        // The tag.
        (r#"{"email": "jo"}"#, vec![("/type", "missing_field")]),
        (
            r#"{"type": 1, "email": "jo"}"#,
            vec![("/type", "invalid_type")],
        ),
        (r#"{"type": null}"#, vec![("/type", "invalid_type")]),
        (
            r#"{"type": "robot", "email": "jo"}"#,
            vec![("/type", "one_of")],
        ),
        (
            r#"{"type": "individual", "type": "closed", "email": "jo@example.com"}"#,
            vec![("/type", "duplicate_field")],
        ),
        ("[]", vec![("", "invalid_type")]),
        (r#""individual""#, vec![("", "invalid_type")]),
        // A newtype variant: the wrapped model's fields at the same level, its own unknown
        // members refused, the tag not one of them.
        (
            r#"{"type": "wrapped", "name": "", "email": "x", "zz": 1}"#,
            vec![
                ("/name", "length"),
                ("/email", "email"),
                ("/zz", "unknown_field"),
            ],
        ),
        (
            r#"{"type": "wrapped", "email": 1}"#,
            vec![("/email", "invalid_type"), ("/name", "missing_field")],
        ),
    ] {
        let error = report::<Internal>(doc);
        assert_eq!(pairs(&error), expect(&want), "{doc}: {error}");
    }
    assert_eq!(
        lines(&report::<Internal>(r#"{"type": "robot"}"#)),
        ["/type: must be one of `individual`, `business`, `wrapped`, `closed`"]
    );
    agrees::<Internal>(&[
        r#"{"type": "individual", "email": "x"}"#,
        r#"{"type": "individual", "email": "x", "more": 1}"#,
        r#"{"type": "individual"}"#,
        r#"{"type": "business", "vat_id": "", "company_name": ""}"#,
        r#"{"type": "business", "vat_id": "", "name": ""}"#,
        r#"{"type": "wrapped", "name": "", "email": ""}"#,
        r#"{"type": "wrapped", "name": "", "email": "", "x": 1}"#,
        r#"{"type": "wrapped"}"#,
        r#"{"type": "closed", "x": 1}"#,
        r#"{"type": "closed", "type": "closed"}"#,
        r#"{"type": "nope"}"#,
        r#"{"type": 0}"#,
        r#"{"type": null}"#,
        "{}",
        "null",
        r#""closed""#,
    ]);
    // serde's `other`: any unknown tag reads.
    Valid::<Event>::from_json(r#"{"kind": "deleted", "id": 1}"#).unwrap();
    let error = report::<Event>(r#"{"kind": "created", "email": "jo"}"#);
    assert_eq!(pairs(&error), expect(&[("/email", "email")]), "{error}");
    let error = report::<Event>(r#"{"kind": 3}"#);
    assert_eq!(
        pairs(&error),
        expect(&[("/kind", "invalid_type")]),
        "{error}"
    );
    agrees::<Event>(&[
        r#"{"kind": "created", "email": "x"}"#,
        r#"{"kind": "created"}"#,
        r#"{"kind": "other"}"#,
        r#"{"kind": 1}"#,
        r#"{}"#,
    ]);
}

#[test]
fn adjacently_tagged_unions() {
    let valid = [
        r#"{"t": "individual", "c": {"email": "jo@example.com"}}"#,
        r#"{"c": ["jo@example.com", 1], "t": "pair"}"#,
        r#"{"t": "wrapped", "c": {"name": "Acme", "email": "a@example.com"}, "x": 1}"#,
        r#"{"t": "maybe"}"#,
        r#"{"t": "maybe", "c": null}"#,
        r#"{"t": "nothing"}"#,
        r#"{"t": "nothing", "c": null}"#,
    ];
    for doc in valid {
        Valid::<Adjacent>::from_json(doc).unwrap_or_else(|e| panic!("{doc}: {e}"));
    }
    for (doc, want) in [
        (
            r#"{"t": "individual", "c": {"email": "jo", "x": 1}}"#,
            vec![("/c/email", "email")],
        ),
        (
            r#"{"t": "pair", "c": ["jo", 10]}"#,
            vec![("/c/0", "email"), ("/c/1", "range")],
        ),
        // The elements that are there still read, and their rules run.
        (
            r#"{"t": "pair", "c": ["jo"]}"#,
            vec![("/c", "invalid_length"), ("/c/0", "email")],
        ),
        (
            r#"{"c": {"name": "", "email": 2, "zz": 1}, "t": "wrapped"}"#,
            vec![
                ("/c/name", "length"),
                ("/c/email", "invalid_type"),
                ("/c/zz", "unknown_field"),
            ],
        ),
        (r#"{"t": "maybe", "c": "long"}"#, vec![("/c", "length")]),
        (r#"{"t": "maybe", "c": 1}"#, vec![("/c", "invalid_type")]),
        (r#"{"t": "nothing", "c": 1}"#, vec![("/c", "invalid_type")]),
        (r#"{"t": "individual"}"#, vec![("/c", "missing_field")]),
        (
            r#"{"t": "individual", "c": []}"#,
            vec![("/c", "invalid_type")],
        ),
        (r#"{"c": {}}"#, vec![("/t", "missing_field")]),
        (r#"{"t": "robot", "c": {}}"#, vec![("/t", "one_of")]),
        (r#"{"t": ["pair"], "c": {}}"#, vec![("/t", "invalid_type")]),
        (
            r#"{"t": "pair", "c": ["a@b.co", 1], "c": null}"#,
            vec![("/c", "duplicate_field")],
        ),
        ("[]", vec![("", "invalid_type")]),
    ] {
        let error = report::<Adjacent>(doc);
        assert_eq!(pairs(&error), expect(&want), "{doc}: {error}");
    }
    agrees::<Adjacent>(&[
        r#"{"t": "individual", "c": {"email": "x"}}"#,
        r#"{"t": "individual", "c": {}}"#,
        r#"{"t": "individual"}"#,
        r#"{"t": "pair", "c": ["", 1]}"#,
        r#"{"t": "pair", "c": [""]}"#,
        r#"{"t": "pair"}"#,
        r#"{"t": "wrapped", "c": {"name": "", "email": ""}}"#,
        r#"{"t": "wrapped", "c": null}"#,
        r#"{"t": "maybe"}"#,
        r#"{"t": "maybe", "c": 5}"#,
        r#"{"t": "nothing", "c": {}}"#,
        r#"{"t": "nothing", "other": 1}"#,
        r#"{"t": "x"}"#,
        r#"{"t": 1}"#,
        r#"{"c": null}"#,
        "{}",
        "null",
    ]);
    // `deny_unknown_fields`: only the tag and the content; `other` takes any unknown tag.
    let error = report::<Strict>(r#"{"t": "A", "c": 10, "x": 1}"#);
    assert_eq!(
        pairs(&error),
        expect(&[("/c", "range"), ("/x", "unknown_field")]),
        "{error}"
    );
    Valid::<Strict>::from_json(r#"{"t": "B"}"#).unwrap();
    agrees::<Strict>(&[
        r#"{"t": "A", "c": 1}"#,
        r#"{"t": "A", "c": 1, "x": 1}"#,
        r#"{"t": "B"}"#,
        r#"{"t": "B", "c": null}"#,
        r#"{"t": "B", "c": 1}"#,
    ]);
}

#[test]
fn untagged_unions_report_the_one_variant_a_value_can_be() {
    // The first variant that reads is the one read, and its rules run.
    let error = report::<Contact>(r#"{"email": "jo", "first_name": "Jo"}"#);
    assert_eq!(pairs(&error), expect(&[("/email", "email")]), "{error}");
    let error = report::<Contact>(r#"["a", "b", "c"]"#);
    assert_eq!(pairs(&error), expect(&[("", "length")]), "{error}");
    let error = report::<Contact>("120");
    assert_eq!(pairs(&error), expect(&[("", "range")]), "{error}");
    // Of several variants that take an object, none reads: one violation at the enum's
    // pointer, naming the variants.
    let error = report::<Contact>(r#"{"email": 1, "first_name": "Jo"}"#);
    assert_eq!(pairs(&error), expect(&[("", "invalid_value")]), "{error}");
    assert_eq!(
        error.to_string(),
        ": must match one of the forms `Person`, `Team`, `Phones`, `Code`"
    );
    let error = report::<Contact>("true");
    assert_eq!(pairs(&error), expect(&[("", "invalid_value")]), "{error}");
    // Only one variant takes an array: its report.
    let error = report::<Contact>(r#"["a", 2, "c"]"#);
    assert_eq!(pairs(&error), expect(&[("/1", "invalid_type")]), "{error}");
    agrees::<Contact>(&[
        r#"{"email": "x", "first_name": ""}"#,
        r#"{"members": [], "team_name": ""}"#,
        r#"{"members": [1], "team_name": ""}"#,
        r#"{"email": 1}"#,
        r#"["a"]"#,
        r#"["a", 1]"#,
        "1",
        "-1",
        r#""x""#,
        "null",
    ]);
}

#[test]
fn unions_nested_in_structs_collections_and_unions() {
    let valid = r#"{"id": "a1", "signup": "nothing", "maybe": null, "many": [],
        "by_name": {"jo": 12}, "envelope": {"object": "signup", "type": "closed"}}"#;
    Valid::<Account>::from_json(valid).unwrap_or_else(|e| panic!("{e}"));
    let doc = r#"{
        "id": "far too long an id",
        "signup": {"individual": {"emailAddress": "jo", "note": 5}},
        "maybe": {"type": "business", "vat_id": "NL1234", "company_name": "Acme Holding"},
        "many": [
            {"t": "pair", "c": ["a@b.co", 12]},
            {"t": "robot"},
            {"t": "wrapped", "c": {"name": "Acme", "email": "bad"}}
        ],
        "by_name": {"jo": 120, "al": {"email": "al", "first_name": "Al"}, "x": false},
        "envelope": {"object": "signup", "type": "wrapped", "name": "", "email": 3}
    }"#;
    let error = report::<Account>(doc);
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/id", "length"),
            ("/signup/individual/emailAddress", "email"),
            ("/signup/individual/note", "invalid_type"),
            ("/maybe/company_name", "length"),
            ("/many/0/c/1", "range"),
            ("/many/1/t", "one_of"),
            ("/many/2/c/email", "email"),
            ("/by_name/jo", "range"),
            ("/by_name/al/email", "email"),
            ("/by_name/x", "invalid_value"),
            ("/envelope/name", "length"),
            ("/envelope/email", "invalid_type"),
        ]),
        "{error}"
    );
    // A union of unions: the inner one's tag reported at its own pointer.
    let error = report::<Envelope>(r#"{"object": "signup", "type": "robot"}"#);
    assert_eq!(pairs(&error), expect(&[("/type", "one_of")]), "{error}");
    let error = report::<Envelope>(
        r#"{"object": "list", "items": [{"t": "maybe", "c": "long"}, {"t": "nothing", "c": 0}]}"#,
    );
    assert_eq!(
        pairs(&error),
        expect(&[("/items/0/c", "length"), ("/items/1/c", "invalid_type")]),
        "{error}"
    );
    agrees::<Envelope>(&[
        r#"{"object": "signup", "type": "closed"}"#,
        r#"{"object": "signup", "type": "individual"}"#,
        r#"{"object": "signup", "type": "wrapped", "name": "", "email": "", "more": 1}"#,
        r#"{"object": "signup"}"#,
        r#"{"object": "list", "items": [{"t": "nothing"}]}"#,
        r#"{"object": "list", "items": [{"t": 1}]}"#,
    ]);
}

#[test]
fn the_report_is_capped() {
    let items: Vec<String> = (0..300)
        .map(|i| format!(r#"{{"t": "pair", "c": ["jo{i}", {i}]}}"#))
        .collect();
    let doc = format!(r#"{{"object": "list", "items": [{}]}}"#, items.join(","));
    let error = report::<Envelope>(&doc);
    let all = pairs(&error);
    assert_eq!(all.len(), 101, "{error}");
    assert_eq!(all[0], ("/items/0/c/0".to_owned(), "email".to_owned()));
    assert_eq!(all[1], ("/items/1/c/0".to_owned(), "email".to_owned()));
    assert_eq!(all[100].1, "too_many_violations");
    let few = MaxViolations(5).scope(|| report::<Envelope>(&doc));
    assert_eq!(pairs(&few).len(), 6);
}

#[test]
fn no_message_quotes_the_rejected_value() {
    const MARK: &str = "SECRETzq7";
    let docs = [
        format!(r#"{{"{MARK}": {{}}}}"#),
        format!(r#""{MARK}""#),
        format!(r#"{{"business": {{"vatId": "{MARK}", "name": "{MARK}", "country": 1}}}}"#),
        format!(r#"{{"pair": ["{MARK}", 99]}}"#),
    ];
    for doc in &docs {
        let error = report::<Signup>(doc);
        assert!(
            !format!("{error} {error:?}").contains(MARK),
            "{doc}: {error:?}"
        );
    }
    for doc in [
        format!(r#"{{"type": "{MARK}"}}"#),
        format!(r#"{{"type": "individual", "email": "{MARK}"}}"#),
        format!(r#"{{"type": "business", "vat_id": "{MARK}", "company_name": ["{MARK}"]}}"#),
    ] {
        let error = report::<Internal>(&doc);
        assert!(
            !format!("{error} {error:?}").contains(MARK),
            "{doc}: {error:?}"
        );
    }
    for doc in [
        format!(r#"{{"t": "{MARK}", "c": "{MARK}"}}"#),
        format!(r#"{{"t": "maybe", "c": "{MARK}"}}"#),
    ] {
        let error = report::<Adjacent>(&doc);
        assert!(
            !format!("{error} {error:?}").contains(MARK),
            "{doc}: {error:?}"
        );
    }
    for doc in [
        format!(r#"{{"email": "{MARK}", "first_name": 1}}"#),
        format!(r#"{{"email": "{MARK}", "first_name": "{MARK}"}}"#),
        format!(r#"["{MARK}", "{MARK}", "{MARK}"]"#),
        format!(r#""{MARK}""#),
    ] {
        let error = report::<Contact>(&doc);
        assert!(
            !format!("{error} {error:?}").contains(MARK),
            "{doc}: {error:?}"
        );
    }
}

#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
struct Extra {
    #[customer(length(max = 3))]
    label: String,
}

fn two_digits<'de, D: serde::Deserializer<'de>>(de: D) -> Result<u8, D::Error> {
    let n = u8::deserialize(de)?;
    if n < 100 {
        Ok(n)
    } else {
        Err(serde::de::Error::custom("more than two digits"))
    }
}

/// What else serde reads in a variant: a generic field, a flattened model, a
/// `deserialize_with` function, a skipped variant, and an untagged variant tried when the tag
/// does not read.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Mixed<T> {
    Page {
        #[customer(each(nested), length(max = 2))]
        items: Vec<T>,
        title: String,
    },
    Labelled {
        #[customer(range(max = 50))]
        #[serde(deserialize_with = "two_digits")]
        size: u8,
        #[serde(flatten)]
        #[customer(nested)]
        extra: Extra,
    },
    #[serde(skip_deserializing)]
    #[allow(dead_code)]
    Hidden,
}

/// A tagged enum with an untagged variant, tried when the tagged reading fails.
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
enum Fallback {
    Card {
        #[customer(length(max = 4))]
        last4: String,
    },
    #[serde(untagged)]
    Code(#[customer(range(max = 99))] u32),
}

#[test]
fn generic_borrowed_flattened_and_untagged_variants() {
    type M = Mixed<Company>;
    let error = report::<M>(
        r#"{"kind": "page", "items": [{"name": "", "email": "a@example.com"}, {"name": 1, "email": "x"}], "title": "t"}"#,
    );
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/items/0/name", "length"),
            ("/items/1/name", "invalid_type"),
            ("/items/1/email", "email"),
        ]),
        "{error}"
    );
    let error = report::<M>(r#"{"kind": "labelled", "size": 60, "label": "long"}"#);
    assert_eq!(
        pairs(&error),
        expect(&[("/size", "range"), ("/label", "length")]),
        "{error}"
    );
    let error = report::<M>(r#"{"kind": "labelled", "size": 100, "label": 1}"#);
    assert_eq!(
        pairs(&error),
        expect(&[("/size", "invalid_value"), ("/label", "invalid_type")]),
        "{error}"
    );
    let error = report::<M>(r#"{"kind": "hidden"}"#);
    assert_eq!(pairs(&error), expect(&[("/kind", "one_of")]), "{error}");
    assert_eq!(
        error.to_string(),
        "/kind: must be one of `page`, `labelled`"
    );
    agrees::<M>(&[
        r#"{"kind": "page", "items": [], "title": ""}"#,
        r#"{"kind": "page", "items": [{}], "title": ""}"#,
        r#"{"kind": "labelled", "size": 1, "label": ""}"#,
        r#"{"kind": "labelled", "size": 1}"#,
        r#"{"kind": "labelled", "size": 1000, "label": ""}"#,
        r#"{"kind": "hidden"}"#,
    ]);
}

#[test]
fn untagged_variants_of_a_tagged_enum() {
    let error = report::<Fallback>(r#"{"kind": "card", "last4": "12345"}"#);
    assert_eq!(pairs(&error), expect(&[("/last4", "length")]), "{error}");
    let error = report::<Fallback>("120");
    assert_eq!(pairs(&error), expect(&[("", "range")]), "{error}");
    assert_eq!(
        Valid::<Fallback>::from_json("7").unwrap().into_inner(),
        Fallback::Code(7)
    );
    // Neither reads: the tagged reading's violations.
    let error = report::<Fallback>(r#"{"kind": "card", "last4": 1}"#);
    assert_eq!(
        pairs(&error),
        expect(&[("/last4", "invalid_type")]),
        "{error}"
    );
    let error = report::<Fallback>(r#"{"kind": "cash"}"#);
    assert_eq!(pairs(&error), expect(&[("/kind", "one_of")]), "{error}");
    agrees::<Fallback>(&[
        r#"{"kind": "card", "last4": ""}"#,
        r#"{"kind": "card"}"#,
        r#"{"kind": "cash"}"#,
        "5",
        "-5",
        r#""5""#,
    ]);
}

/// A variant that borrows from the document: its shape is walked (its rules, which would need
/// the value read alone, are the first read's).
#[derive(CustomerModel, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Borrowed<'a> {
    Name {
        #[customer(length(max = 3))]
        #[serde(borrow)]
        first: std::borrow::Cow<'a, str>,
        last: &'a str,
    },
}

#[test]
fn borrowed_variants() {
    let doc = r#"{"name": {"first": 1, "last": 2}}"#;
    let error = customer_core::json::from_str::<Borrowed<'_>>(doc).unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/name/first", "invalid_type"),
            ("/name/last", "invalid_type")
        ]),
        "{error}"
    );
    let read: Borrowed<'_> =
        customer_core::json::from_str(r#"{"name": {"first": "Jo", "last": "B"}}"#).unwrap();
    assert_eq!(read.validate().map_err(|e| e.to_string()), Ok(()));
}

struct Limits {
    max: usize,
}

fn not_both(form: &WithLimits, _: &Limits) -> Result<(), customer_core::RuleError> {
    match form {
        WithLimits::Named { name, .. } if name == "both" => {
            Err(customer_core::RuleError::new("not_both", "not both"))
        }
        _ => Ok(()),
    }
}

/// A union whose rules read a context, and a check on the whole.
#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits), check = not_both)]
#[serde(tag = "kind")]
#[allow(dead_code)]
enum WithLimits {
    Named {
        #[customer(length(max = ctx.max))]
        name: String,
        count: u8,
    },
}

/// Tuple and newtype variants whose rules read a context.
#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
#[allow(dead_code)]
enum Lines {
    Pair(#[customer(length(max = ctx.max))] String, u8),
    Text(#[customer(length(max = ctx.max))] String),
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
#[allow(dead_code)]
struct Holder {
    #[customer(nested)]
    inner: WithLimits,
    count: u8,
}

#[test]
fn a_union_with_a_context() {
    let limits = Limits { max: 3 };
    let error = Valid::<WithLimits>::from_json_with(
        r#"{"kind": "Named", "name": "long", "count": "x"}"#,
        &limits,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/name", "length"), ("/count", "invalid_type")]),
        "{error}"
    );
    // A newtype variant's rules read the context in the second read too; a tuple variant's
    // elements are walked for their shapes (as a tuple struct's with a context).
    let error = Valid::<Vec<Lines>>::from_json_with(
        r#"[{"Text": "long"}, {"Pair": ["long", "x"]}, {"Text": 5}]"#,
        &limits,
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[
            ("/0/Text", "length"),
            ("/1/Pair/1", "invalid_type"),
            ("/2/Text", "invalid_type")
        ]),
        "{error}"
    );
    // The union reads, its holder does not: its check runs in the second read.
    let error = Valid::<Holder>::from_json_with(
        r#"{"inner": {"kind": "Named", "name": "both", "count": 1}, "count": -1}"#,
        &Limits { max: 9 },
    )
    .unwrap_err();
    assert_eq!(
        pairs(&error),
        expect(&[("/inner", "not_both"), ("/count", "range")]),
        "{error}"
    );
}
