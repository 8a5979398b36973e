//! `customer_core::json` reads a struct from a JSON object only: an array in its place (which
//! serde's derived `Deserialize` would read by position, `[]` as a struct of defaults) is an
//! `invalid_type` violation at the array's pointer, at every depth. Everything else decodes as
//! before: sequences, tuples, maps, options, nullable options, newtypes, enums, flatten and
//! untagged variants. The adapter allocates nothing: a document is read with as many heap
//! allocations as serde_json and serde_path_to_error make without it.

use std::collections::BTreeMap;

use customer_core::{json, Customer, CustomerModel, Error, Valid};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{json as value, Value};

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
struct Inner {
    a: Option<String>,
    b: Option<u32>,
}

#[derive(Debug, PartialEq, Deserialize)]
struct Wrapper(Inner);

#[derive(Debug, PartialEq, Deserialize)]
struct Point(u8, u8);

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Choice {
    Plain,
    Newtype(Inner),
    Tuple(Inner, u8),
    Fields { inner: Inner, n: u8 },
}

/// A field-less enum that keeps unknown values, as the derive's open enums do.
#[derive(Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Person,
    Company,
    #[customer(other)]
    #[serde(untagged)]
    Other(String),
}

/// An untagged enum whose variants are a string or an object.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged)]
enum Loose {
    Text(String),
    Object(Inner),
}

/// `null` is `Some(None)`, absent is `None`: the `nullable::optional` helper of the providers.
fn nullable<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Outer {
    inner: Inner,
    list: Vec<Inner>,
    maybe: Option<Inner>,
    boxed: Option<Box<Inner>>,
    #[serde(deserialize_with = "nullable")]
    nullable: Option<Option<Inner>>,
    by_key: BTreeMap<String, Inner>,
    nested_lists: Vec<Vec<Inner>>,
    wrapper: Option<Wrapper>,
    point: Option<Point>,
    tuple: Option<(Inner, u8)>,
    choice: Option<Choice>,
    kind: Option<Kind>,
    loose: Option<Loose>,
    numbers: Vec<u8>,
    any: Option<Value>,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
struct Extra {
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    address: Inner,
}

#[derive(Debug, Default, PartialEq, Deserialize)]
struct WithFlatten {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    inner: Inner,
    #[serde(flatten)]
    extra: Extra,
}

// Types whose `Deserialize` serde derives and whose shape is not described: a document that
// does not read into them is reported with serde's first error, rewritten without values.
impl json::Shape for Inner {}
impl json::Shape for Wrapper {}
impl json::Shape for Point {}
impl json::Shape for Choice {}
impl json::Shape for Loose {}
impl json::Shape for Outer {}
impl json::Shape for Extra {}
impl json::Shape for WithFlatten {}

/// The one violation of a shape error: (pointer, code, message).
fn shape_error<T: std::fmt::Debug>(result: Result<T, Error>) -> (String, String, String) {
    let error = match result {
        Ok(value) => panic!("accepted: {value:?}"),
        Err(error) => error,
    };
    assert!(
        matches!(error, Error::Invalid(_)),
        "not a shape error: {error:?}"
    );
    let violations = error.violations();
    assert_eq!(violations.len(), 1, "{error}");
    let violation = &violations.violations()[0];
    (
        violation.pointer().to_owned(),
        violation.code().to_owned(),
        violation.message().into_owned(),
    )
}

/// `text` is refused by `from_str`, `from_slice` and `from_value` with an `invalid_type`
/// violation at `pointer` that says an object was expected and an array found.
fn refused_at<T>(text: &str, pointer: &str)
where
    T: serde::de::DeserializeOwned + json::Shape + std::fmt::Debug,
{
    let document: Value = serde_json::from_str(text).expect("test JSON");
    for (how, result) in [
        ("from_str", json::from_str::<T>(text)),
        ("from_slice", json::from_slice::<T>(text.as_bytes())),
        ("from_value", json::from_value::<T>(document)),
    ] {
        let (at, code, message) = shape_error(result);
        assert_eq!(at, pointer, "{how} {text}");
        assert_eq!(code, "invalid_type", "{how} {text}");
        assert_eq!(message, "must be an object", "{how} {text}");
    }
}

/// `text` decodes to the same value by `from_str`, `from_slice` and `from_value`.
fn decodes<T>(text: &str) -> T
where
    T: serde::de::DeserializeOwned + json::Shape + std::fmt::Debug + PartialEq,
{
    let from_str = json::from_str::<T>(text).unwrap_or_else(|e| panic!("{text}: {e}"));
    let from_slice = json::from_slice::<T>(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let document: Value = serde_json::from_str(text).expect("test JSON");
    let from_value = json::from_value::<T>(document).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(from_str, from_slice, "{text}");
    assert_eq!(from_str, from_value, "{text}");
    from_str
}

// ----- Arrays in place of objects ------------------------------------------------------------

#[test]
fn an_array_for_a_top_level_struct_is_refused() {
    refused_at::<Customer>("[]", "");
    refused_at::<Customer>(r#"["Jo"]"#, "");
    refused_at::<Outer>("[]", "");
    refused_at::<Inner>(r#"["a", 1]"#, "");
    // Through `Valid`, which validates after reading.
    let (pointer, code, _) = shape_error(Valid::<Customer>::from_json("[]"));
    assert_eq!((pointer.as_str(), code.as_str()), ("", "invalid_type"));
    let (pointer, code, _) = shape_error(Valid::<Customer>::from_slice(b"[[]]"));
    assert_eq!((pointer.as_str(), code.as_str()), ("", "invalid_type"));
}

#[test]
fn an_array_for_a_nested_struct_is_refused() {
    refused_at::<Outer>(r#"{"inner":[]}"#, "/inner");
    refused_at::<Outer>(r#"{"inner":["x", 1]}"#, "/inner");
    refused_at::<Outer>(r#"{"boxed":[]}"#, "/boxed");
    refused_at::<Outer>(r#"{"wrapper":[]}"#, "/wrapper");
    refused_at::<Outer>(r#"{"tuple":[[], 1]}"#, "/tuple/0");
    refused_at::<Customer>(r#"{"phone":[]}"#, "/phone");
    refused_at::<Customer>(
        r#"{"billing_addresses":[{"phone":["+31", "612345678"]}]}"#,
        "/billing_addresses/0/phone",
    );
}

#[test]
fn an_array_for_a_struct_in_a_vec_is_refused() {
    refused_at::<Outer>(r#"{"list":[{"a":"x"},[]]}"#, "/list/1");
    refused_at::<Outer>(r#"{"nested_lists":[[{}],[{},{},[]]]}"#, "/nested_lists/1/2");
    refused_at::<Customer>(r#"{"billing_addresses":[[]]}"#, "/billing_addresses/0");
    refused_at::<Customer>(
        r#"{"shipping_addresses":[{},["Jo"]]}"#,
        "/shipping_addresses/1",
    );
}

#[test]
fn an_array_for_a_struct_in_an_option_is_refused() {
    refused_at::<Outer>(r#"{"maybe":[]}"#, "/maybe");
    refused_at::<Outer>(r#"{"nullable":[]}"#, "/nullable");
    refused_at::<Outer>(r#"{"wrapper":[]}"#, "/wrapper");
}

#[test]
fn an_array_for_a_struct_in_a_map_value_is_refused() {
    refused_at::<Outer>(r#"{"by_key":{"home":{"a":"x"},"work":[]}}"#, "/by_key/work");
    refused_at::<Outer>(r#"{"by_key":{"a/b":[]}}"#, "/by_key/a~1b");
}

#[test]
fn an_array_for_a_struct_in_an_enum_is_refused() {
    // The variant's name is a member: the pointers go through it.
    refused_at::<Outer>(r#"{"choice":{"newtype":[]}}"#, "/choice/newtype");
    refused_at::<Outer>(r#"{"choice":{"tuple":[[], 1]}}"#, "/choice/tuple/0");
    // A struct variant read by position would be `Fields { inner, n }` from `[{}, 1]`.
    refused_at::<Outer>(r#"{"choice":{"fields":[{}, 1]}}"#, "/choice/fields");
    refused_at::<Outer>(
        r#"{"choice":{"fields":{"inner":[],"n":1}}}"#,
        "/choice/fields/inner",
    );
}

#[test]
fn an_array_next_to_a_flattened_struct_is_refused() {
    refused_at::<WithFlatten>("[]", "");
    refused_at::<WithFlatten>(r#"{"id":"x","inner":[]}"#, "/inner");
    refused_at::<Vec<WithFlatten>>(r#"[{"label":"l"},{"inner":[]}]"#, "/1/inner");
}

#[test]
fn the_message_says_an_object_without_the_value_or_a_rust_name() {
    let (_, _, message) = shape_error(json::from_str::<Outer>(
        r#"{"inner":["secret@example.com"]}"#,
    ));
    assert_eq!(message, "must be an object");
    // Other wrong types for a struct read the same way.
    let (pointer, code, message) = shape_error(json::from_str::<Outer>(r#"{"inner":"secret"}"#));
    assert_eq!(pointer, "/inner");
    assert_eq!(code, "invalid_type");
    assert_eq!(message, "must be an object");
}

// ----- Everything else still decodes ---------------------------------------------------------

#[test]
fn objects_sequences_tuples_and_enums_still_decode() {
    let outer: Outer = decodes(
        r#"{
            "inner": {"a": "x", "b": 1},
            "list": [{}, {"a": "y"}],
            "maybe": {"b": 2},
            "boxed": {"a": "z"},
            "nullable": {"a": "n"},
            "by_key": {"home": {"a": "h"}},
            "nested_lists": [[], [{"b": 3}]],
            "wrapper": {"a": "w"},
            "point": [1, 2],
            "tuple": [{"a": "t"}, 7],
            "choice": {"fields": {"inner": {"b": 4}, "n": 5}},
            "kind": "company",
            "loose": {"a": "l"},
            "numbers": [1, 2, 3],
            "any": {"deep": [[], {"x": [{}]}]}
        }"#,
    );
    assert_eq!(outer.inner.a.as_deref(), Some("x"));
    assert_eq!(outer.list.len(), 2);
    assert_eq!(
        outer.maybe,
        Some(Inner {
            a: None,
            b: Some(2)
        })
    );
    assert_eq!(
        outer.boxed.as_deref().and_then(|i| i.a.as_deref()),
        Some("z")
    );
    assert_eq!(outer.nullable.as_ref().map(Option::is_some), Some(true));
    assert_eq!(outer.by_key["home"].a.as_deref(), Some("h"));
    assert_eq!(outer.nested_lists[1][0].b, Some(3));
    assert_eq!(outer.point, Some(Point(1, 2)));
    assert_eq!(outer.tuple.as_ref().map(|t| t.1), Some(7));
    assert!(matches!(outer.choice, Some(Choice::Fields { n: 5, .. })));
    assert_eq!(outer.kind, Some(Kind::Company));
    assert!(matches!(outer.loose, Some(Loose::Object(_))));
    assert_eq!(outer.numbers, [1, 2, 3]);
    assert_eq!(outer.any, Some(value!({"deep": [[], {"x": [{}]}]})));

    // Absent, `null` and a value for a nullable option.
    assert_eq!(decodes::<Outer>("{}").nullable, None);
    assert_eq!(
        decodes::<Outer>(r#"{"nullable":null}"#).nullable,
        Some(None)
    );
    assert_eq!(decodes::<Outer>(r#"{"maybe":null}"#).maybe, None);

    // Every variant form, and the open enum's unknown value.
    for (text, choice) in [
        (r#""plain""#, Choice::Plain),
        (r#"{"plain":null}"#, Choice::Plain),
        (
            r#"{"newtype":{"a":"n"}}"#,
            Choice::Newtype(Inner {
                a: Some("n".into()),
                b: None,
            }),
        ),
        (r#"{"tuple":[{}, 9]}"#, Choice::Tuple(Inner::default(), 9)),
    ] {
        let outer: Outer = decodes(&format!(r#"{{"choice":{text}}}"#));
        assert_eq!(outer.choice, Some(choice), "{text}");
    }
    let outer: Outer = decodes(r#"{"kind":"trust","loose":"text"}"#);
    assert_eq!(outer.kind, Some(Kind::Other("trust".into())));
    assert_eq!(outer.loose, Some(Loose::Text("text".into())));
}

#[test]
fn flattened_structs_still_decode() {
    let read: WithFlatten =
        decodes(r#"{"id":"x","inner":{"b":1},"label":"l","address":{"a":"street"}}"#);
    assert_eq!(read.id.as_deref(), Some("x"));
    assert_eq!(read.inner.b, Some(1));
    assert_eq!(read.extra.label.as_deref(), Some("l"));
    assert_eq!(read.extra.address.a.as_deref(), Some("street"));
    assert_eq!(decodes::<WithFlatten>("{}"), WithFlatten::default());
}

#[test]
fn other_shape_errors_keep_their_pointers() {
    let (pointer, code, _) = shape_error(json::from_str::<Outer>(r#"{"list":[{},{"b":"x"}]}"#));
    assert_eq!(
        (pointer.as_str(), code.as_str()),
        ("/list/1/b", "invalid_type")
    );
    let (pointer, code, _) = shape_error(json::from_str::<Outer>(r#"{"inner":{},"nope":1}"#));
    assert_eq!(
        (pointer.as_str(), code.as_str()),
        ("/nope", "unknown_field")
    );
    let (pointer, code, _) = shape_error(json::from_str::<Outer>(r#"{"choice":"other"}"#));
    assert_eq!((pointer.as_str(), code.as_str()), ("/choice", "one_of"));
    let (pointer, code, _) = shape_error(json::from_str::<Customer>(
        r#"{"phone":{"calling_code":"31"}}"#,
    ));
    assert_eq!(
        (pointer.as_str(), code.as_str()),
        ("/phone/number", "missing_field")
    );
    let (pointer, code, _) = shape_error(json::from_str::<Outer>(r#"{"point":{"0":1}}"#));
    assert_eq!(
        (pointer.as_str(), code.as_str()),
        ("/point", "invalid_type")
    );
}

#[test]
fn the_canonical_customer_still_decodes() {
    let text = r#"{
        "name": "Jo",
        "email": "jo@example.com",
        "phone": {"calling_code": "31", "number": "612345678"},
        "billing_addresses": [{"line1": "Main 1", "country": "NL"}],
        "metadata": [1, {"a": []}],
        "status": "active",
        "mode": "test"
    }"#;
    let customer = Valid::<Customer>::from_json(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(customer.billing_addresses.len(), 1);
    assert_eq!(customer.metadata, Some(value!([1, {"a": []}])));
}

// ----- No allocations of its own --------------------------------------------------------------

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{allocations, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

/// `json::from_str` without the adapter: serde_json alone (a document that reads is read once,
/// without path tracking; only a failing one is read again with serde_path_to_error).
fn unwrapped<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(value)
}

/// Nothing for a struct, nothing for an object read as a map (a `HashMap`, a `Value`, an
/// untagged enum's buffer) whose keys, kept to refuse a repeated one, are its first eight and
/// borrowed from the text (no escapes); past eight keys, or for a key with an escape, they move
/// into a hash set: a few allocations for the whole map, however many keys it has.
#[test]
fn the_adapter_allocates_nothing_but_the_keys_of_large_maps() {
    fn same_but<T>(text: &str, maps: u64)
    where
        T: serde::de::DeserializeOwned + json::Shape + std::fmt::Debug + PartialEq,
    {
        let (plain, expected) = allocations(|| unwrapped::<T>(text));
        let (strict, read) = allocations(|| json::from_str::<T>(text).ok());
        assert!(read.is_some(), "{text}");
        assert_eq!(read, expected, "{text}");
        assert!(plain > 0, "{text}: nothing counted");
        assert_eq!(strict, plain + maps, "{text}");
    }
    fn same<T>(text: &str)
    where
        T: serde::de::DeserializeOwned + json::Shape + std::fmt::Debug + PartialEq,
    {
        same_but::<T>(text, 0);
    }
    // `by_key`, `loose` (buffered), `any` and its inner object: a few keys each.
    same_but::<Outer>(
        r#"{"inner":{"a":"x"},"list":[{},{"b":1}],"by_key":{"k":{"a":"v"}},"maybe":{"a":"m"},
            "nullable":null,"tuple":[{},1],"choice":{"fields":{"inner":{},"n":2}},
            "kind":"trust","loose":{"a":"l"},"any":{"x":[1,{"y":null}]}}"#,
        0,
    );
    same::<Outer>(r#"{"by_key":{},"any":{},"list":[{}]}"#);
    // `metadata`.
    same_but::<Customer>(
        r#"{"name":"Jo","email":"jo@example.com","phone":{"calling_code":"31","number":"6"},
            "billing_addresses":[{"line1":"Main 1","country":"NL"}],"metadata":{"a":[1]}}"#,
        0,
    );
    // `address`, buffered for the flattened struct.
    same_but::<WithFlatten>(
        r#"{"id":"x","inner":{"b":1},"label":"l","address":{"a":"s"}}"#,
        0,
    );
    // Past twelve keys, or a key with an escape: the keys move into a hash set.
    let keys = |n: usize| {
        let members: Vec<String> = (0..n).map(|i| format!(r#""k{i}":{i}"#)).collect();
        format!(r#"{{"any":{{{}}}}}"#, members.join(","))
    };
    let extra = |text: &str| {
        let (plain, expected) = allocations(|| unwrapped::<Free>(text));
        let (strict, read) = allocations(|| json::from_str::<Free>(text).ok());
        assert!(read.is_some() && expected.is_some(), "{text}");
        strict - plain
    };
    assert_eq!(extra(&keys(12)), 0);
    let nine = extra(&keys(13));
    assert!(
        (1..=3).contains(&nine),
        "{nine} allocations past twelve keys"
    );
    // The set grows by doubling: a few more allocations for a thousand times the keys.
    let many = extra(&keys(9000));
    assert!(many <= nine + 12, "{many} allocations for 9,000 keys");
    assert!(
        extra(r#"{"any":{"\u006b":1}}"#) >= 1,
        "an escaped key is owned"
    );
}

// ----- Out of reach ---------------------------------------------------------------------------

/// serde buffers the members a flattened struct takes, and the content of an untagged enum,
/// before it knows their types, then reads them with its own private deserializer: the adapter
/// is not asked there, and an array is still read as a nested struct by position. The models of
/// `customer_core` have neither a flattened struct nor an untagged struct variant.
#[test]
#[ignore = "out of the adapter's reach: serde's private deserializer reads buffered values"]
fn arrays_inside_flattened_and_untagged_values_are_refused() {
    refused_at::<WithFlatten>(r#"{"address":[]}"#, "/address");
    refused_at::<Outer>(r#"{"loose":[]}"#, "/loose");
}

/// A model with a free-form member, where any well-formed JSON may go.
#[derive(Debug, Deserialize, CustomerModel)]
struct Free {
    #[allow(dead_code)]
    any: Value,
}

/// Well-formed JSON nested past serde_json's recursion limit (128 levels) is refused as
/// `too_deep`, as the README says, not as malformed JSON; shallower nesting still reads.
#[test]
fn json_nested_past_the_limit_is_too_deep_not_malformed() {
    let nested = |n: usize| format!(r#"{{"any": {}{}}}"#, "[".repeat(n), "]".repeat(n));
    decodes_free(&nested(100));
    for n in [200, 1000] {
        let text = nested(n);
        for (how, result) in [
            ("from_str", json::from_str::<Free>(&text).map(drop)),
            (
                "from_slice",
                json::from_slice::<Free>(text.as_bytes()).map(drop),
            ),
            (
                "Valid::from_json",
                Valid::<Free>::from_json(&text).map(drop),
            ),
        ] {
            let error = result.expect_err("too deep");
            assert!(matches!(error, Error::Syntax(_)), "{how} {n}: {error:?}");
            let violations = error.violations().violations();
            assert_eq!(violations.len(), 1, "{how} {n}: {error}");
            assert_eq!(
                (violations[0].pointer(), violations[0].code()),
                ("", "too_deep"),
                "{how} {n}: {error}"
            );
            assert_eq!(
                error.to_string(),
                ": is nested more than 128 levels deep",
                "{how} {n}"
            );
        }
    }
    // Malformed JSON stays malformed.
    let error = json::from_str::<Free>(r#"{"any": [[["#).expect_err("malformed");
    assert_eq!(error.violations().violations()[0].code(), "malformed_json");
}

fn decodes_free(text: &str) {
    json::from_str::<Free>(text).unwrap_or_else(|e| panic!("{e}"));
}
