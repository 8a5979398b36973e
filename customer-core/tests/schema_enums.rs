//! The JSON Schema of enums whose variants carry data, in each of serde's representations,
//! against a real validator (the `jsonschema` crate, draft 2020-12): on generated documents,
//! the schema accepts exactly what deserializing and validating the enum accepts (the wrong
//! tags, missing and unknown keys, wrong types and broken rules of every variant). For untagged
//! variants that overlap, only soundness holds (every accepted document passes the schema): see
//! `customer_core::__private::schema::Union::finish`.
//!
//! Documents are generated in the object forms serde writes; serde also reads a struct, and an
//! internally tagged enum, from an array of its values, which no schema here describes (as for
//! structs).
//!
//! Run with `--nocapture` to see the case counts.
#![cfg(feature = "schemars")]

use customer_core::CustomerModel;
use proptest::prelude::*;
use proptest::string::string_regex;
use serde::Deserialize;
use serde_json::{json, Map, Value};

#[path = "support/differential.rs"]
mod differential;

/// [`differential::differential`], the derive's verdict being `Valid::from_json` (the derive's
/// own read, which reports every violation), held to serde_json's read and `validate` on each
/// document.
fn differential<M, S>(name: &str, documents: S, exact: bool) -> (u32, u32)
where
    M: serde::de::DeserializeOwned + customer_core::FromJsonPlain + schemars::JsonSchema,
    S: Strategy<Value = Value>,
{
    differential::differential_by::<M, S>(name, documents, exact, |doc| {
        let read = customer_core::Valid::<M>::from_json(&doc.to_string()).is_ok();
        assert_eq!(
            read,
            differential::derive_accepts::<M>(doc),
            "{name}: Valid::from_json and serde_json + validate differ on {doc}"
        );
        read
    })
}

// ---------------------------------------------------------------------------------------------
// Document builders.

/// Text near `pattern`, sometimes `null` or a number (a wrong type).
fn text(pattern: &str) -> BoxedStrategy<Value> {
    prop_oneof![
        6 => string_regex(pattern).unwrap().prop_map(Value::from),
        1 => Just(Value::Null),
        1 => any::<i8>().prop_map(Value::from),
    ]
    .boxed()
}

/// An integer around `lo..=hi`, sometimes text (a wrong type).
fn number(lo: i64, hi: i64) -> BoxedStrategy<Value> {
    prop_oneof![
        6 => (lo - 3..=hi + 3).prop_map(Value::from),
        1 => Just(Value::from("1")),
    ]
    .boxed()
}

/// `value`, or (one time in five) absent.
fn maybe(value: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
    prop_oneof![4 => value.prop_map(Some), 1 => Just(None)].boxed()
}

/// One of `values`.
fn pick(values: &[Value]) -> BoxedStrategy<Value> {
    proptest::sample::select(values.to_vec()).boxed()
}

/// An object of the present entries, sometimes with an unknown key `zz` too.
fn object(entries: Vec<(&'static str, BoxedStrategy<Option<Value>>)>) -> BoxedStrategy<Value> {
    let (keys, values): (Vec<&str>, Vec<_>) = entries.into_iter().unzip();
    (values, proptest::bool::weighted(0.15))
        .prop_map(move |(values, unknown)| {
            let mut map: Map<String, Value> = keys
                .iter()
                .zip(values)
                .filter_map(|(k, v)| Some(((*k).to_owned(), v?)))
                .collect();
            if unknown {
                map.insert("zz".into(), json!(1));
            }
            Value::Object(map)
        })
        .boxed()
}

/// `{key: value}`.
fn single(key: &'static str, value: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    value.prop_map(move |v| json!({ key: v })).boxed()
}

fn schema_of<M: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(M)).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Externally tagged (serde's default).

#[derive(Deserialize, CustomerModel, Debug)]
#[serde(
    rename_all = "snake_case",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
#[allow(dead_code)]
enum External {
    /// A person.
    Person {
        #[customer(pattern = "^[a-z]{1,3}$")]
        first_name: String,
        #[customer(length(max = 3))]
        nick: Option<String>,
    },
    #[serde(alias = "org")]
    Business {
        #[customer(pattern = "^NL[0-9]{3}$")]
        vat_id: String,
        #[customer(range(min = 1, max = 9))]
        seats: Option<u8>,
    },
    Anonymous,
    Code(#[customer(id(prefix = "c_", chars = "a-z", len = 2))] String),
    Pair(
        #[customer(range(min = 1, max = 5))] u8,
        #[customer(one_of("x", "y"))] String,
    ),
}

fn person_content() -> BoxedStrategy<Value> {
    object(vec![
        ("firstName", maybe(text("[a-z]{0,4}"))),
        ("nick", maybe(text("[a-z]{0,4}"))),
    ])
}

fn business_content() -> BoxedStrategy<Value> {
    object(vec![
        ("vatId", maybe(text("NL[0-9]{2,4}|[A-Z0-9]{5}"))),
        ("seats", maybe(number(0, 10))),
    ])
}

fn pair_content() -> BoxedStrategy<Value> {
    prop_oneof![
        4 => (number(0, 6), text("[xyz]")).prop_map(|(a, b)| json!([a, b])),
        1 => number(0, 6).prop_map(|a| json!([a])),
        1 => (number(0, 6), text("[xyz]")).prop_map(|(a, b)| json!([a, b, b])),
    ]
    .boxed()
}

fn externals() -> BoxedStrategy<Value> {
    prop_oneof![
        3 => single("person", person_content()),
        3 => single("business", business_content()),
        2 => single("org", business_content()),
        1 => pick(&[json!("anonymous"), json!("person"), json!("nobody"), json!({"anonymous": null}), json!({"anonymous": 1}), json!({})]),
        2 => single("code", text("c_[a-z]{1,3}|[a-z_]{3,4}")),
        2 => single("pair", pair_content()),
        1 => single("nobody", person_content()),
        1 => (person_content(), text("c_[a-z]{2}"))
            .prop_map(|(p, c)| json!({"person": p, "code": c})),
    ]
    .boxed()
}

#[test]
fn externally_tagged() {
    differential::<External, _>("externally tagged", externals(), true);
    let schema = schema_of::<External>();
    let variants = schema["oneOf"].as_array().unwrap();
    assert_eq!(variants.len(), 5);
    // The variant's name is the one key; the rules are those of the struct schemas.
    assert_eq!(variants[0]["required"], json!(["person"]));
    assert_eq!(variants[0]["additionalProperties"], false);
    let person = &variants[0]["properties"]["person"];
    assert_eq!(person["required"], json!(["firstName"]));
    assert_eq!(person["properties"]["firstName"]["pattern"], "^[a-z]{1,3}$");
    assert_eq!(person["additionalProperties"], false);
    assert_eq!(person["description"], "A person.");
    assert!(schema.get("discriminator").is_none());
}

// ---------------------------------------------------------------------------------------------
// Internally tagged.

/// A model that refuses unknown keys, as a newtype variant: the tag still reads beside it.
#[derive(Deserialize, CustomerModel, Debug)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    #[customer(length(min = 2, max = 3))]
    code: String,
}

/// A model that ignores unknown keys, as a newtype variant: referenced, and in the mapping.
#[derive(Deserialize, CustomerModel, Debug)]
#[allow(dead_code)]
struct Loose {
    #[customer(range(min = 10, max = 20))]
    n: u32,
    #[customer(pattern = "^[a-z]+$")]
    note: Option<String>,
}

#[derive(Deserialize, CustomerModel, Debug)]
#[serde(tag = "type", rename_all = "lowercase")]
#[allow(dead_code)]
enum Internal {
    Person {
        #[customer(pattern = "^[a-z]{1,3}$")]
        name: String,
    },
    Strict(#[customer(nested)] Strict),
    Loose(#[customer(nested)] Loose),
    #[serde(alias = "none")]
    Empty,
}

fn internals() -> BoxedStrategy<Value> {
    let tag = maybe(pick(&[
        json!("person"),
        json!("strict"),
        json!("loose"),
        json!("empty"),
        json!("none"),
        json!("Person"),
        json!("other"),
        json!(null),
    ]));
    object(vec![
        ("type", tag),
        ("name", maybe(text("[a-z]{0,4}"))),
        ("code", maybe(text("[a-z]{1,4}"))),
        ("n", maybe(number(9, 21))),
        ("note", maybe(text("[a-z0-9]{0,2}"))),
    ])
}

#[test]
fn internally_tagged() {
    differential::<Internal, _>("internally tagged", internals(), true);
    let schema = schema_of::<Internal>();
    // The tag is a required `const` (an `enum` with aliases) beside the variant's members.
    let variants = schema["oneOf"].as_array().unwrap();
    assert_eq!(
        variants[0]["properties"]["type"],
        json!({"const": "person"})
    );
    assert_eq!(variants[0]["required"], json!(["name", "type"]));
    assert_eq!(
        variants[3]["properties"]["type"],
        json!({"enum": ["empty", "none"]})
    );
    // A model that refuses unknown keys is inlined with the tag among its properties; one that
    // does not is referenced, and the OpenAPI discriminator maps the tag to it.
    assert_eq!(variants[1]["additionalProperties"], false);
    assert!(variants[1]["properties"]["type"].is_object());
    assert_eq!(variants[2]["allOf"][0]["$ref"], "#/$defs/Loose");
    assert_eq!(
        schema["discriminator"],
        json!({"propertyName": "type", "mapping": {"loose": "#/$defs/Loose"}})
    );
}

// ---------------------------------------------------------------------------------------------
// Adjacently tagged.

#[derive(Deserialize, CustomerModel, Debug)]
#[serde(tag = "t", content = "c", deny_unknown_fields)]
#[allow(dead_code)]
enum Adjacent {
    Person {
        #[customer(length(min = 1, max = 3))]
        name: String,
        #[customer(one_of("a", "b"))]
        kind: Option<String>,
    },
    Code(#[customer(pattern = "^[0-9]{2}$")] String),
    Pair(#[customer(range(min = 1, max = 5))] i32, String),
    Empty,
}

fn adjacents() -> BoxedStrategy<Value> {
    let tag = maybe(pick(&[
        json!("Person"),
        json!("Code"),
        json!("Pair"),
        json!("Empty"),
        json!("person"),
        json!(3),
    ]));
    let content = maybe(
        prop_oneof![
            3 => object(vec![
                ("name", maybe(text("[a-z]{0,4}"))),
                ("kind", maybe(text("[abc]"))),
            ]),
            2 => text("[0-9]{1,3}"),
            2 => (number(0, 6), text("[a-z]")).prop_map(|(a, b)| json!([a, b])),
            1 => Just(Value::Null),
        ]
        .boxed(),
    );
    object(vec![("t", tag), ("c", content)])
}

#[test]
fn adjacently_tagged() {
    differential::<Adjacent, _>("adjacently tagged", adjacents(), true);
    let schema = schema_of::<Adjacent>();
    let code = &schema["oneOf"][1];
    assert_eq!(code["required"], json!(["t", "c"]));
    assert_eq!(code["properties"]["t"], json!({"const": "Code"}));
    assert_eq!(code["properties"]["c"]["pattern"], "^[0-9]{2}$");
    assert_eq!(code["additionalProperties"], false);
    assert!(schema.get("discriminator").is_none());
}

// ---------------------------------------------------------------------------------------------
// Untagged.

#[derive(Deserialize, CustomerModel, Debug)]
#[serde(untagged, deny_unknown_fields)]
#[allow(dead_code)]
enum Untagged {
    Text(#[customer(length(max = 3))] String),
    Number(#[customer(range(min = 0, max = 9))] i64),
    Person {
        #[customer(pattern = "^[a-z]+$")]
        name: String,
    },
    Nothing,
}

fn untaggeds() -> BoxedStrategy<Value> {
    prop_oneof![
        2 => string_regex("[a-z]{0,5}").unwrap().prop_map(Value::from),
        2 => (-3i64..12).prop_map(Value::from),
        3 => object(vec![("name", maybe(text("[a-z0-9]{0,3}")))]),
        1 => pick(&[Value::Null, json!(true), json!([1])]),
    ]
    .boxed()
}

/// Untagged variants that overlap: serde takes the first that reads, and its rules decide.
#[derive(Deserialize, CustomerModel, Debug)]
#[serde(untagged)]
#[allow(dead_code)]
enum Overlapping {
    Short {
        #[customer(length(max = 2))]
        a: String,
    },
    Long {
        a: String,
        b: Option<u8>,
    },
}

#[test]
fn untagged() {
    // Shapes that do not overlap: exact.
    differential::<Untagged, _>("untagged", untaggeds(), true);
    let schema = schema_of::<Untagged>();
    assert_eq!(schema["anyOf"].as_array().unwrap().len(), 4);
    assert_eq!(schema["anyOf"][3], json!({"type": "null"}));
    // Shapes that overlap: `{"a": "xyz"}` is read as `Short` and refused by its rule, though
    // `Long` would take it; `anyOf` accepts it. Every document serde accepts passes.
    differential::<Overlapping, _>(
        "untagged, overlapping",
        object(vec![
            ("a", maybe(text("[a-z]{0,4}"))),
            ("b", maybe(number(0, 3))),
        ]),
        false,
    );
    let validator = differential::validator::<Overlapping>();
    assert!(validator.is_valid(&json!({"a": "xyz"})));
    assert!(!differential::derive_accepts::<Overlapping>(
        &json!({"a": "xyz"})
    ));
}

// ---------------------------------------------------------------------------------------------
// Field-less enums in a tagged representation, `other`, and unions inside a struct.

#[derive(Deserialize, CustomerModel, Debug)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[allow(dead_code)]
enum Channel {
    Mail,
    #[serde(alias = "tel")]
    Phone,
    #[serde(other)]
    Unknown,
}

#[derive(Deserialize, CustomerModel, Debug)]
#[serde(rename_all = "lowercase")]
#[allow(dead_code)]
enum Medium {
    Mail,
    Fax(#[customer(pattern = "^[0-9]{3}$")] String),
    #[serde(other)]
    Unknown,
}

#[derive(Deserialize, CustomerModel, Debug)]
#[allow(dead_code)]
struct Holder {
    #[customer(nested)]
    signup: Option<Internal>,
    #[customer(nested, length(max = 2))]
    media: Vec<Medium>,
}

#[test]
fn other_variants_and_unions_in_structs() {
    let kinds = pick(&[
        json!("mail"),
        json!("phone"),
        json!("tel"),
        json!("pigeon"),
        json!(null),
        json!(7),
    ]);
    differential::<Channel, _>(
        "field-less, internally tagged, other",
        object(vec![("kind", maybe(kinds))]),
        true,
    );
    let medium = prop_oneof![
        pick(&[
            json!("mail"),
            json!("fax"),
            json!("pigeon"),
            json!({"pigeon": null}),
            json!({"pigeon": 1}),
            json!({"mail": null})
        ]),
        single("fax", text("[0-9]{2,4}")),
    ];
    differential::<Medium, _>("externally tagged, other", medium.clone().boxed(), true);
    let holder = object(vec![
        (
            "signup",
            maybe(prop_oneof![internals(), Just(Value::Null)].boxed()),
        ),
        (
            "media",
            maybe(
                proptest::collection::vec(medium, 0..4)
                    .prop_map(Value::from)
                    .boxed(),
            ),
        ),
    ]);
    differential::<Holder, _>("unions in a struct, in Option and Vec", holder, true);
}

// ---------------------------------------------------------------------------------------------
// What JSON Schema cannot say, on an enum: checks and context bounds, as for structs.

#[allow(dead_code)]
struct Limits {
    max: usize,
}

fn consistent<T>(_: &Entry<T>, _: &Limits) -> Result<(), customer_core::RuleError> {
    Ok(())
}

#[derive(Deserialize, CustomerModel, Debug)]
#[serde(tag = "t", content = "c")]
#[customer(context(Limits), check = consistent)]
#[allow(dead_code)]
enum Entry<T> {
    Text(#[customer(length(max = ctx.max))] String),
    Model(#[customer(nested)] T),
}

#[test]
fn checks_bounds_and_parameters_are_said_as_for_structs() {
    let schema = schema_of::<Entry<Loose>>();
    assert_eq!(schema["title"], "Entry_for_Loose");
    assert_eq!(
        schema["x-customer-rules"],
        json!([{"rule": "check", "function": "consistent"}])
    );
    let text = &schema["oneOf"][0]["properties"]["c"];
    assert_eq!(
        text["x-customer-rules"],
        json!([{"rule": "length", "max": "ctx.max", "expression": true}])
    );
    assert_eq!(
        schema["oneOf"][1]["properties"]["c"]["$ref"],
        "#/$defs/Loose"
    );
    assert!(schema["$defs"]["Loose"]["properties"]["n"]["maximum"] == 20);
}
