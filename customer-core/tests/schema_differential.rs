//! The schema means what the rules mean: for every rule JSON Schema can express, a real
//! validator (the `jsonschema` crate, draft 2020-12) gives the same verdict on generated
//! documents as deserializing and validating the model. `email` and `url` are only partly
//! expressible: for them, every document the model accepts must pass the schema too.
//!
//! Run with `--nocapture` to see the case counts.
#![cfg(feature = "schemars")]

use customer_core::{CustomerModel, Patch};
use proptest::prelude::*;
use proptest::string::string_regex;
use serde::Deserialize;
use serde_json::{json, Value};

#[path = "support/differential.rs"]
mod differential;

use differential::{
    derive_accepts, differential, differential_with, validator, validator_with_formats,
};

/// `{"v": text}` for text near `pattern`, from an alphabet, or anything.
fn texts(pattern: &str, alphabet: &str) -> impl Strategy<Value = Value> {
    prop_oneof![
        3 => string_regex(pattern).unwrap(),
        2 => string_regex(alphabet).unwrap(),
        1 => any::<String>(),
    ]
    .prop_map(|text| json!({ "v": text }))
}

macro_rules! model {
    ($name:ident, $ty:ty, $($rule:tt)*) => {
        #[derive(Deserialize, CustomerModel)]
        #[allow(dead_code)]
        struct $name {
            #[customer($($rule)*)]
            v: $ty,
        }
    };
}

model!(SimplePattern, String, pattern = "^cus_[a-z0-9]{6}$");
model!(RegexPattern, String, pattern = r"[A-Z]{2}-\d{3,5}(\.\w+)?");
model!(CaselessPattern, String, pattern = r"(?i)ab+c|x?y\.z|é{2}");
// Anchored by its author, with an alternation: the schema anchors it once (`^…$`, not `^^…$$`).
model!(AnchoredPattern, String, pattern = r"^(ab|c)+$|^x\d$");
model!(
    NegatedPattern,
    String,
    pattern = r"[^@\s]+@[^@\s]+\.[a-z]{2,}"
);

#[test]
fn pattern() {
    differential::<SimplePattern, _>(
        "pattern (simple shape)",
        texts("cus_[a-z0-9]{5,7}", "[cus_a-z0-9A-Z]{0,12}"),
        true,
    );
    differential::<RegexPattern, _>(
        "pattern (regex)",
        texts(
            r"[A-Z]{2}-[0-9]{3,6}(\.[a-zA-Z0-9_é]{0,3})?",
            "[A-Z0-9.-]{0,10}",
        ),
        true,
    );
    differential::<CaselessPattern, _>(
        "pattern (case-insensitive, alternation)",
        texts(r"[aA][bB]{1,3}[cC]|x?y\.z|[éÉ]{2}", "[abcxyzABC.é]{0,5}"),
        true,
    );
    assert_eq!(
        serde_json::to_value(schemars::schema_for!(AnchoredPattern)).unwrap()["properties"]["v"]
            ["pattern"],
        "^(?:(?:ab|c)+|x[0-9])$"
    );
    differential::<AnchoredPattern, _>(
        "pattern (anchored by its author)",
        texts(r"(ab|c){1,4}|x[0-9]", "[abcx0-9^$]{0,6}"),
        true,
    );
    differential::<NegatedPattern, _>(
        "pattern (negated classes)",
        texts(
            r"[a-z@ \n.é]{1,5}@[a-z\t]{1,4}\.[a-z]{1,3}",
            "[a-z@. ]{0,10}",
        ),
        true,
    );
}

model!(
    FixedId,
    String,
    id(prefix = "ctm_", chars = "a-z0-9", len = 6)
);
model!(
    RangeId,
    String,
    id(
        prefix = "pi_",
        chars = "A-Za-z0-9_-",
        min_len = 2,
        max_len = 8
    )
);

#[test]
fn id() {
    differential::<FixedId, _>(
        "id (len)",
        texts("ctm_[a-z0-9]{5,7}", "[ctm_a-z0-9]{0,12}"),
        true,
    );
    differential::<RangeId, _>(
        "id (min_len, max_len)",
        texts("pi_[A-Za-z0-9_-]{0,10}", "[pi_A-Z-]{0,12}"),
        true,
    );
}

model!(Locale, String, locale);
model!(ShortLocale, String, locale(short));

/// Tags of 1..6 subtags of 1..9 alphanumerics, plus the grandfathered tags in any case.
fn tags() -> impl Strategy<Value = Value> {
    let subtag = "([a-zA-Z]{1,9}|[0-9][a-zA-Z0-9]{0,8}|[xX])";
    let grandfathered = proptest::sample::select(
        customer_core::rules::locale::GRANDFATHERED.to_vec(),
    )
    .prop_map(|tag| {
        tag.chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect::<String>()
    });
    let alnum = "[a-zA-Z0-9]";
    let structured = format!(
        "[a-zA-Z]{{2,3}}(-[a-zA-Z]{{3}}){{0,4}}(-[a-zA-Z]{{4}})?(-([A-Z]{{2}}|[0-9]{{2,3}}))?\
         (-({alnum}{{4,8}}|[0-9]{alnum}{{3}})){{0,2}}(-[0-9a-wyzX]((-{alnum}{{1,9}}){{0,2}})){{0,2}}\
         (-[xX](-{alnum}{{0,9}}){{0,2}})?"
    );
    prop_oneof![
        4 => string_regex(&format!("{subtag}(-{subtag}){{0,6}}")).unwrap(),
        4 => string_regex(&structured).unwrap(),
        2 => string_regex("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?").unwrap(),
        1 => grandfathered,
        1 => string_regex("[a-zA-Z0-9-]{0,12}").unwrap(),
    ]
    .prop_map(|tag| json!({ "v": tag }))
}

#[test]
fn locale() {
    differential::<Locale, _>("locale", tags(), true);
    differential::<ShortLocale, _>("locale(short)", tags(), true);
}

model!(TextLength, String, length(min = 2, max = 5));
model!(ItemLength, Vec<u8>, length(min = 1, max = 3));
#[derive(Deserialize, CustomerModel)]
#[allow(dead_code)]
struct OptionalLength {
    #[customer(length(max = 2))]
    v: Option<String>,
}

#[test]
fn length() {
    differential::<TextLength, _>(
        "length (characters)",
        texts("[aé😀]{0,7}", "[a-z]{0,7}"),
        true,
    );
    differential::<ItemLength, _>(
        "length (items)",
        proptest::collection::vec(any::<u8>(), 0..6).prop_map(|v| json!({ "v": v })),
        true,
    );
    differential::<OptionalLength, _>(
        "length (Option)",
        prop_oneof![
            Just(json!({})),
            Just(json!({ "v": null })),
            string_regex("[aé]{0,4}")
                .unwrap()
                .prop_map(|v| json!({ "v": v })),
        ],
        true,
    );
}

#[derive(Deserialize, CustomerModel)]
#[allow(dead_code)]
struct OneOf {
    #[customer(one_of("active", "archived"))]
    v: Option<String>,
}
model!(Country, String, country);

#[test]
fn one_of_and_country() {
    differential::<OneOf, _>(
        "one_of",
        prop_oneof![
            Just(json!({ "v": null })),
            Just(json!({})),
            string_regex("(active|archived|Active|activ|)")
                .unwrap()
                .prop_map(|v| json!({ "v": v })),
        ],
        true,
    );
    differential::<Country, _>("country", texts("[A-Z]{2}", "[A-Za-z]{0,3}"), true);
}

model!(Phone, String, phone);

#[test]
fn phone() {
    differential::<Phone, _>("phone", texts(r"\+[0-9]{1,16}", "[+0-9 ]{0,17}"), true);
}

model!(Timestamp, String, timestamp);

#[test]
fn timestamp() {
    let year = "([0-9]{2}(00|04|96|[0-9]{2})|2000|1900|2024|2023)";
    let date = format!("{year}-(0[0-9]|1[0-3])-([0-2][0-9]|3[0-2])");
    let time = "([01][0-9]|2[0-4]):[0-6][0-9]:[0-6][0-9](\\.[0-9]{0,3})?";
    let offset = "([Zz]|[+-]([01][0-9]|2[0-4]):[0-6][0-9]|)";
    // Dates built from numbers, weighted to the ends of months and to leap years.
    let calendar = (
        prop_oneof![0u32..10000, (0u32..2500).prop_map(|y| y * 4)],
        0u32..14,
        prop_oneof![0u32..33, 27u32..32],
        (0u32..25, 0u32..61, 0u32..62),
    )
        .prop_map(|(y, m, d, (h, n, s))| json!({ "v": format!("{y:04}-{m:02}-{d:02}T{h:02}:{n:02}:{s:02}Z") }));
    // Leap seconds with offsets: at 23:59:60 UTC shifted by the offset (about half of them),
    // or a minute off.
    let leap = (
        any::<bool>(),
        0i64..24,
        prop_oneof![Just(0i64), Just(30), Just(45), 0i64..60],
        prop_oneof![Just(0i64), Just(1), Just(-1), Just(60), -1440i64..1440],
    )
        .prop_map(|(west, hours, minutes, off)| {
            let east = if west {
                -(hours * 60 + minutes)
            } else {
                hours * 60 + minutes
            };
            let local = (23 * 60 + 59 + east + off).rem_euclid(24 * 60);
            let sign = if west { '-' } else { '+' };
            json!({ "v": format!(
                "1998-12-31T{:02}:{:02}:60{sign}{hours:02}:{minutes:02}",
                local / 60,
                local % 60
            ) })
        });
    // The schema states the rule through its `pattern` and, for a leap second with an offset,
    // its `format: date-time`: asserted here.
    differential_with::<Timestamp, _>(
        "timestamp",
        prop_oneof![
            texts(&format!("{date}[Tt ]{time}{offset}"), "[0-9T:Z.-]{0,25}"),
            calendar,
            leap,
        ],
        true,
        validator_with_formats::<Timestamp>(),
    );
}

model!(IntRange, i64, range(min = -5, max = 1000));
model!(FloatRange, f64, range(min = 0.5, max = 2.5));

#[test]
fn range() {
    differential::<IntRange, _>(
        "range (integers)",
        prop_oneof![-10i64..1010, any::<i64>()].prop_map(|v| json!({ "v": v })),
        true,
    );
    differential::<FloatRange, _>(
        "range (floats)",
        prop_oneof![
            (0.0f64..3.0).prop_map(|v| json!({ "v": v })),
            Just(json!({ "v": 0.5 })),
            Just(json!({ "v": 2.5 })),
            (-10i64..10).prop_map(|v| json!({ "v": v })),
        ],
        true,
    );
}

#[derive(Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Each {
    #[customer(each(pattern = "^[a-z]+$", length(max = 4)), length(max = 3))]
    v: Vec<String>,
}

#[test]
fn each() {
    differential::<Each, _>(
        "each",
        proptest::collection::vec(string_regex("[a-zA-Z]{0,6}").unwrap(), 0..5)
            .prop_map(|v| json!({ "v": v })),
        true,
    );
}

#[derive(Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Required {
    #[customer(required, length(min = 1))]
    v: Option<String>,
    #[serde(default)]
    #[customer(required, one_of("x", "y"))]
    patch: Patch<String>,
    #[serde(default)]
    #[customer(one_of("x", "y"))]
    clearable: Patch<String>,
}

fn maybe_text(pattern: &'static str) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![
        Just(None),
        Just(Some(Value::Null)),
        string_regex(pattern)
            .unwrap()
            .prop_map(|s| Some(Value::String(s))),
    ]
}

#[test]
fn required_and_patch() {
    let documents = (
        maybe_text("[ab]{0,2}"),
        maybe_text("[xyz]"),
        maybe_text("[xyz]"),
    )
        .prop_map(|(v, patch, clearable)| {
            let mut doc = serde_json::Map::new();
            for (key, value) in [("v", v), ("patch", patch), ("clearable", clearable)] {
                if let Some(value) = value {
                    doc.insert(key.into(), value);
                }
            }
            Value::Object(doc)
        });
    differential::<Required, _>("required, Patch", documents, true);
}

#[derive(Deserialize, CustomerModel)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)]
struct Inner {
    #[customer(country)]
    country_code: String,
    #[serde(default)]
    #[customer(length(max = 2))]
    line_one: String,
}

#[derive(Deserialize, CustomerModel)]
#[serde(rename_all = "kebab-case")]
#[allow(dead_code)]
struct Outer {
    #[customer(nested)]
    home_address: Inner,
    #[customer(nested, each(nested))]
    others: Option<Vec<Inner>>,
    #[serde(rename = "status")]
    state: Status,
}

#[derive(Deserialize, CustomerModel)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(dead_code)]
enum Status {
    Active,
    OnHold,
}

fn inner() -> impl Strategy<Value = Value> {
    let key = proptest::sample::select(vec!["countryCode", "lineOne", "country_code", "extra"]);
    let value = prop_oneof![
        Just(json!("NL")),
        Just(json!("nl")),
        Just(json!("ab")),
        Just(json!("abc")),
        Just(json!(1)),
        Just(Value::Null),
    ];
    proptest::collection::btree_map(key, value, 0..4)
        .prop_map(|map| Value::Object(map.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

#[test]
fn nested_names_and_unknown_fields() {
    let status = proptest::sample::select(vec![
        json!("ACTIVE"),
        json!("ON_HOLD"),
        json!("OnHold"),
        json!(null),
    ]);
    let documents = (
        prop_oneof![inner(), Just(json!({"countryCode": "US"}))],
        proptest::option::of(proptest::collection::vec(inner(), 0..3)),
        proptest::option::of(status),
        any::<bool>(),
    )
        .prop_map(|(home, others, status, extra)| {
            let mut doc = serde_json::Map::new();
            doc.insert("home-address".into(), home);
            if let Some(others) = others {
                doc.insert("others".into(), Value::Array(others));
            }
            if let Some(status) = status {
                doc.insert("status".into(), status);
            }
            if extra {
                // Not denied on `Outer`: allowed.
                doc.insert("note".into(), json!("x"));
            }
            Value::Object(doc)
        });
    differential::<Outer, _>(
        "nested, rename_all, deny_unknown_fields, enums",
        documents,
        true,
    );
}

model!(Email, String, email(max = 40));
model!(AsciiEmail, String, email(ascii));
model!(Url, String, url);

#[test]
fn email_and_url_are_sound() {
    let email = "[a-zé.+\"]{0,8}@[a-z0-9é-]{1,8}(\\.[a-z]{1,4}){0,2}";
    differential::<Email, _>("email (schema sound)", texts(email, "[a-z@.]{0,50}"), false);
    differential::<AsciiEmail, _>(
        "email(ascii) (schema sound)",
        texts(email, "[a-z@.]{0,12}"),
        false,
    );
    differential::<Url, _>(
        "url (schema sound)",
        texts(
            "(https?|HTTP|ftp)://[a-z0-9.%:@\\[\\]-]{0,12}(/[a-z0-9%?#~ ]{0,6}){0,2}",
            "[a-z:/.]{0,20}",
        ),
        false,
    );
}

#[allow(dead_code)]
struct Limits {
    name_max: usize,
    low: i64,
}

const NOTE_MAX: usize = 9;

#[derive(Deserialize, CustomerModel)]
#[customer(context(Limits))]
#[allow(dead_code)]
struct WithContext {
    #[customer(length(min = 1, max = ctx.name_max))]
    name: String,
    #[customer(bytes(max = NOTE_MAX))]
    note: String,
    #[customer(range(min = ctx.low, max = 10))]
    count: i64,
}

#[test]
fn bounds_given_as_expressions_are_noted_not_dropped() {
    let schema = serde_json::to_value(schemars::schema_for!(WithContext)).unwrap();
    let name = &schema["properties"]["name"];
    assert_eq!(name["minLength"], 1);
    assert!(name.get("maxLength").is_none(), "{name}");
    assert_eq!(
        name["x-customer-rules"],
        json!([{"rule": "length", "max": "ctx.name_max", "expression": true}])
    );
    assert_eq!(
        schema["properties"]["note"]["x-customer-rules"][0],
        json!({"rule": "bytes", "max": "NOTE_MAX", "expression": true})
    );
    let count = &schema["properties"]["count"];
    assert_eq!(count["maximum"], 10);
    assert_eq!(
        count["x-customer-rules"],
        json!([{"rule": "range", "min": "ctx.low", "expression": true}])
    );
    // The description is for the schema's readers: the bound in words, no Rust expression.
    for (field, words) in [
        (name, "maximum length"),
        (&schema["properties"]["note"], "maximum size in UTF-8 bytes"),
        (count, "lower bound"),
    ] {
        let description = field["description"].as_str().unwrap();
        assert!(description.contains(words), "{description}");
        for rust in ["ctx", "NOTE_MAX", "name_max", "`"] {
            assert!(!description.contains(rust), "{description}");
        }
    }
}

fn billing_differs(_: &WithFunctions) -> Result<(), customer_core::RuleError> {
    Ok(())
}

fn no_digits(_: &str) -> Result<(), customer_core::RuleError> {
    Ok(())
}

/// A form.
#[derive(Deserialize, CustomerModel)]
#[customer(check = billing_differs)]
#[allow(dead_code)]
struct WithFunctions {
    /// The name.
    #[customer(custom = no_digits)]
    name: String,
}

#[test]
fn functions_are_named_in_the_rules_keyword_not_in_descriptions() {
    let schema = serde_json::to_value(schemars::schema_for!(WithFunctions)).unwrap();
    assert_eq!(
        schema["x-customer-rules"],
        json!([{"rule": "check", "function": "billing_differs"}])
    );
    let name = &schema["properties"]["name"];
    assert_eq!(
        name["x-customer-rules"],
        json!([{"rule": "custom", "function": "no_digits"}])
    );
    for (description, start) in [
        (
            &schema["description"],
            "A form. The whole object is also checked",
        ),
        (
            &name["description"],
            "The name. Also checked by a further rule",
        ),
    ] {
        let description = description.as_str().unwrap();
        assert!(description.starts_with(start), "{description}");
        assert!(!description.contains("billing_differs"), "{description}");
        assert!(!description.contains("no_digits"), "{description}");
    }
}

fn nullable_but_required<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Option::deserialize(deserializer)
}

#[derive(Deserialize, CustomerModel)]
#[allow(dead_code)]
struct OptionWithDeserializer {
    #[serde(deserialize_with = "nullable_but_required")]
    required_nullable: Option<String>,
    #[serde(deserialize_with = "nullable_but_required", default)]
    defaulted: Option<String>,
    plain: Option<String>,
}

#[test]
fn an_option_read_by_a_function_is_required_as_serde_requires_it() {
    let schema = serde_json::to_value(schemars::schema_for!(OptionWithDeserializer)).unwrap();
    assert_eq!(schema["required"], json!(["required_nullable"]));
    // serde agrees: without the key the document does not read; with `null` it does.
    assert!(serde_json::from_str::<OptionWithDeserializer>("{}").is_err());
    assert!(
        serde_json::from_str::<OptionWithDeserializer>(r#"{"required_nullable": null}"#).is_ok()
    );
}

model!(EmailDefault, String, email);
model!(EmailQuoted, String, email(quoted));

/// The `email` schema's `pattern` against the public email corpora (`tests/corpus/email/`, the
/// rule's verdict in their `ours` column): every address the rule takes passes the schema, and
/// what `format: email` alone would take but the rule refuses by its shape (one label, a
/// numeric top-level label, a domain literal, an empty atom) the schema refuses too.
#[test]
fn the_email_schema_states_the_rule_shape() {
    let (default, quoted) = (validator::<EmailDefault>(), validator::<EmailQuoted>());
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/email");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tsv"))
        .collect();
    files.sort();
    let (mut taken, mut refused_by_both) = (0, 0);
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        for line in text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let fields: Vec<&str> = line.split('\t').collect();
            let input = fields[2]
                .replace("\\t", "\t")
                .replace("\\n", "\n")
                .replace("\\r", "\r");
            let doc = json!({ "v": input });
            let by_rule = (
                derive_accepts::<EmailDefault>(&doc),
                derive_accepts::<EmailQuoted>(&doc),
            );
            let by_schema = (default.is_valid(&doc), quoted.is_valid(&doc));
            let at = format!("{}: {input:?}", path.display());
            if by_rule.0 {
                assert!(by_schema.0, "{at}: the schema refuses what the rule takes");
                taken += 1;
            }
            if by_rule.1 {
                assert!(
                    by_schema.1,
                    "{at}: the quoted schema refuses what the rule takes"
                );
            }
            if !by_rule.1 && !by_schema.1 {
                refused_by_both += 1;
            }
        }
    }
    println!("email corpora: {taken} taken by rule and schema, {refused_by_both} refused by both");
    assert!(taken > 50 && refused_by_both > 100);
    for refused in [
        "=@t",
        "jo@example",
        "jo@localhost",
        "jo@1.2.3.4",
        "jo@example.123",
        "jo@[127.0.0.1]",
        "jo@-example.com",
        "jo@example-.com",
        "jo@example..com",
        "jo@.example.com",
        "jo@example.com.",
        "jo..mo@example.com",
        ".jo@example.com",
        "jo.@example.com",
        "jo mo@example.com",
        "\"jo mo\"@example.com",
    ] {
        let doc = json!({ "v": refused });
        assert!(
            !derive_accepts::<EmailDefault>(&doc),
            "the rule takes {refused}"
        );
        assert!(!default.is_valid(&doc), "the schema takes {refused}");
    }
    // The quoted form, and a Unicode address, pass both.
    for taken in ["\"jo mo\"@example.com", "josé@exämple.de", "用户@例子.广告"] {
        let doc = json!({ "v": taken });
        assert!(
            derive_accepts::<EmailQuoted>(&doc) && quoted.is_valid(&doc),
            "{taken}"
        );
    }
}

/// A free-form member's schema says what the readers take unaltered, as far as JSON Schema can:
/// any JSON at any depth, for a `Value` and a `Map` alike. The readers also refuse an integer
/// literal beyond 64 bits (a `serde_json::Value` would round it to a float), a matter of how the
/// number is written that JSON Schema cannot see (`1e25` and a 26-digit integer literal are one
/// number to it, and the readers take the first): the schema takes every number (refusing
/// `1e25` would refuse floats the readers take, as Schemathesis's negative tests found) and its
/// description says where the readers draw the line.
#[test]
fn free_json_members_take_any_number_and_the_readers_refuse_long_integer_literals() {
    #[derive(Deserialize, CustomerModel)]
    #[allow(dead_code)]
    struct Free {
        any: Option<Value>,
        #[customer(metadata)]
        meta: Option<serde_json::Map<String, Value>>,
    }
    let schema = validator::<Free>();
    for doc in [
        json!({}),
        json!({"any": null, "meta": null}),
        json!({"any": [1, -9_223_372_036_854_775_808_i64, 18_446_744_073_709_551_615_u64]}),
        json!({"any": {"a": [1.5, "x", true, null, {"b": {}}]}, "meta": {"k": [2, 3.25]}}),
        json!({"meta": {"deep": [[[{"n": -7}]]]}}),
    ] {
        assert!(schema.is_valid(&doc), "{doc}");
        assert!(derive_accepts::<Free>(&doc), "{doc}");
    }
    // Floats beyond 64 bits: the schema and the readers take them.
    for doc in [
        json!({"any": 1e25}),
        json!({"any": {"a": [[-1e30]]}}),
        json!({"meta": {"k": 1e20}}),
        json!({"meta": {"k": {"n": [5e19]}}}),
    ] {
        assert!(schema.is_valid(&doc), "{doc}");
        assert!(derive_accepts::<Free>(&doc), "{doc}");
    }
    // The same numbers as integer literals: the readers refuse them (the description says so).
    for text in [
        r#"{"any": 10000000000000000000000000}"#,
        r#"{"meta": {"k": {"n": [50000000000000000000]}}}"#,
    ] {
        assert!(
            customer_core::json::from_str::<Free>(text).is_err(),
            "{text}"
        );
    }
}

/// A model open to unknown members holds them to I-JSON like every other value (a repeated key
/// or an integer literal beyond 64 bits in one is refused, though nothing of it is kept), and its
/// schema takes them as the same `UnalteredJson` a `serde_json::Value` field takes: any number
/// (JSON Schema cannot tell a 24-digit integer literal, which the readers refuse, from the float
/// `8.76e23`, which they take: the description says so), never "anything" (CI's Schemathesis
/// once generated a 24-digit integer for an open Paddle object and had it refused).
#[test]
fn unknown_members_are_held_to_i_json_and_their_schema_says_so() {
    let schema = serde_json::to_value(schemars::schema_for!(Outer)).unwrap();
    let additional = &schema["additionalProperties"];
    assert_eq!(additional["$ref"], "#/$defs/UnalteredJson", "{schema}");
    let definition = &schema["$defs"]["UnalteredJson"];
    assert!(
        definition["description"]
            .as_str()
            .unwrap()
            .contains("2^64-1"),
        "{definition}"
    );
    let schema = validator::<Outer>();
    let with_note = |note: &str| {
        format!(
            r#"{{"home-address": {{"countryCode": "US"}}, "status": "ACTIVE", "note": {note}}}"#
        )
    };
    for (note, read) in [
        (r#"{"plan": [1, "x", null, 18446744073709551615]}"#, true),
        ("-9223372036854775808", true),
        ("8.76e23", true),
        ("876050756799401203597312", false),
        (r#"{"deep": [876050756799401203597312]}"#, false),
        (r#"{"deep": {"a": 1, "a": 2}}"#, false),
    ] {
        let text = with_note(note);
        let by_reader = customer_core::Valid::<Outer>::from_json(&text).is_ok();
        assert_eq!(by_reader, read, "the reader on {note}");
        // Whatever the reader says, the schema takes the value: a `Value` holds a big integer
        // as the nearest float, and keeps the last of a repeated key.
        let doc: Value = serde_json::from_str(&text).unwrap();
        assert!(schema.is_valid(&doc), "the schema on {note}");
    }
}
