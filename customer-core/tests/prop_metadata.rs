//! Property: the metadata counter gives `serde_json::to_vec(v).len()` wherever that is within
//! the limit, and `TooLarge` past it, on arbitrary `serde_json::Value` trees (floats, integers
//! at the extremes, escapes, control characters, Unicode keys and strings) and on typed values
//! (`f32`, `i128`, chars, maps with number and boolean keys, every enum variant form).
//! `metadata(json_string)` agrees with parsing the text and counting what it holds.

use std::collections::BTreeMap;

use customer_core::rules::metadata::{self, LenError};
use proptest::prelude::*;
use serde::Serialize;
use serde_json::{Map, Number, Value};

/// Strings heavy in what serde_json escapes.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[a-zA-Z0-9 ]{0,6}",
        2 => proptest::sample::select(vec![
            "\"", "\\", "/", "\u{8}", "\u{c}", "\n", "\r", "\t", "\0", "\u{1f}", "\u{7f}",
            "\u{80}", "\u{2028}", "\u{2029}", "é", "日本", "😀", "\u{FEFF}", "\u{10FFFF}",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ];
    proptest::collection::vec(piece, 0..=5).prop_map(|pieces| pieces.concat())
}

fn number() -> impl Strategy<Value = Number> {
    prop_oneof![
        any::<i64>().prop_map(Number::from),
        any::<u64>().prop_map(Number::from),
        proptest::sample::select(vec![0i64, -1, 1, 9, 10, 99, 100, i64::MIN, i64::MAX])
            .prop_map(Number::from),
        // Any finite f64 (every bit pattern but NaN and infinities), and tricky ones.
        any::<f64>().prop_filter_map("finite", Number::from_f64),
        proptest::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            0.1,
            1e15,
            1e16,
            1e17,
            1e-5,
            1e-7,
            1.5e-7,
            123_456.789,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            -1e300,
            2.0f64.powi(53),
            1e21,
            1e22,
        ])
        .prop_filter_map("finite", Number::from_f64),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        3 => number().prop_map(Value::Number),
        3 => text().prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::vec((text(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Limits around `len`, the default, and some that cut anywhere.
fn limits(len: usize, cut: usize) -> Vec<usize> {
    vec![
        0,
        len.saturating_sub(1),
        len,
        len + 1,
        metadata::DEFAULT_MAX_BYTES,
        cut % (len + 2),
        usize::MAX,
    ]
}

/// The counter agrees with serde_json's length under every limit.
fn agree<T: Serialize + ?Sized>(value: &T, cut: usize) -> Result<(), TestCaseError> {
    let len = serde_json::to_vec(value)
        .expect("serde_json writes it")
        .len();
    for limit in limits(len, cut) {
        let counted = metadata::compact_len(value, limit);
        let checked = metadata::check(value, limit);
        if len <= limit {
            prop_assert_eq!(counted, Ok(len), "limit {}", limit);
            prop_assert!(checked.is_ok(), "limit {}", limit);
        } else {
            prop_assert_eq!(
                counted,
                Err(LenError::TooLarge),
                "limit {} of {}",
                limit,
                len
            );
            let error = checked.expect_err("over the limit");
            prop_assert_eq!(error.code(), "metadata_too_large");
        }
    }
    Ok(())
}

// ----- Typed values: every path of the counting serializer ------------------------------------

#[derive(Clone, Debug, Serialize)]
enum Variant {
    Unit,
    Newtype(f32),
    Tuple(i8, char),
    Struct {
        a: Option<u32>,
        b: String,
    },
    #[serde(rename = "re\"named")]
    Renamed,
}

#[derive(Clone, Debug, Serialize)]
struct UnitStruct;

#[derive(Clone, Debug, Serialize)]
struct NewtypeStruct(i128);

#[derive(Clone, Debug, Serialize)]
struct TupleStruct(u128, (), Option<bool>);

#[derive(Clone, Debug, Serialize)]
struct Typed {
    f32: f32,
    f64: f64,
    i128: i128,
    u128: u128,
    char: char,
    text: String,
    bytes: serde_bytes_like::Bytes,
    unit: (),
    unit_struct: UnitStruct,
    newtype: NewtypeStruct,
    tuple: TupleStruct,
    int_keys: BTreeMap<i64, String>,
    u128_keys: BTreeMap<u128, u8>,
    bool_keys: BTreeMap<bool, f32>,
    char_keys: BTreeMap<char, ()>,
    string_keys: BTreeMap<String, Option<f64>>,
    variants: Vec<Variant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    #[serde(flatten)]
    flattened: BTreeMap<String, i16>,
}

/// `serialize_bytes`, which serde_json writes as an array of numbers.
mod serde_bytes_like {
    #[derive(Clone, Debug)]
    pub struct Bytes(pub Vec<u8>);

    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(&self.0)
        }
    }
}

fn variant() -> impl Strategy<Value = Variant> {
    prop_oneof![
        Just(Variant::Unit),
        any::<f32>().prop_map(Variant::Newtype),
        (any::<i8>(), any::<char>()).prop_map(|(a, b)| Variant::Tuple(a, b)),
        (proptest::option::of(any::<u32>()), text()).prop_map(|(a, b)| Variant::Struct { a, b }),
        Just(Variant::Renamed),
    ]
}

prop_compose! {
    fn typed()(
        f32 in any::<f32>(),
        f64 in any::<f64>(),
        i128 in any::<i128>(),
        u128 in any::<u128>(),
        char in any::<char>(),
        text in text(),
        bytes in proptest::collection::vec(any::<u8>(), 0..8),
        newtype in any::<i128>(),
        tuple in (any::<u128>(), proptest::option::of(any::<bool>())),
        int_keys in proptest::collection::btree_map(any::<i64>(), text(), 0..4),
        u128_keys in proptest::collection::btree_map(any::<u128>(), any::<u8>(), 0..3),
        bool_keys in proptest::collection::btree_map(any::<bool>(), any::<f32>(), 0..3),
        char_keys in proptest::collection::btree_map(any::<char>(), Just(()), 0..3),
        string_keys in proptest::collection::btree_map(text(), proptest::option::of(any::<f64>()), 0..3),
        variants in proptest::collection::vec(variant(), 0..4),
        skipped in proptest::option::of(any::<u8>()),
        flattened in proptest::collection::btree_map("[a-z]{1,4}", any::<i16>(), 0..3),
    ) -> Typed {
        Typed {
            f32, f64, i128, u128, char, text,
            bytes: serde_bytes_like::Bytes(bytes),
            unit: (),
            unit_struct: UnitStruct,
            newtype: NewtypeStruct(newtype),
            tuple: TupleStruct(tuple.0, (), tuple.1),
            int_keys, u128_keys, bool_keys, char_keys, string_keys, variants, skipped,
            // `flatten` keys must not collide with the struct's own.
            flattened: flattened.into_iter().map(|(k, v)| (format!("x_{k}"), v)).collect(),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn values_count_as_serde_json_writes_them(v in value(), cut in any::<usize>()) {
        agree(&v, cut)?;
    }

    #[test]
    fn typed_values_count_as_serde_json_writes_them(v in typed(), cut in any::<usize>()) {
        agree(&v, cut)?;
    }

    #[test]
    fn floats_count_as_serde_json_writes_them(a in any::<f64>(), b in any::<f32>(), cut in any::<usize>()) {
        // Non-finite floats are written as `null`.
        agree(&a, cut)?;
        agree(&b, cut)?;
        agree(&vec![a, -a, a / 3.0, a * 1e10], cut)?;
    }

    #[test]
    fn json_strings_count_what_they_hold(v in value(), pretty in any::<bool>(), cut in any::<usize>()) {
        let text = if pretty {
            serde_json::to_string_pretty(&v).expect("serde_json writes it")
        } else {
            serde_json::to_string(&v).expect("serde_json writes it")
        };
        // What the text holds as serde_json reads it back: without its `float_roundtrip`
        // feature a float may read back as a neighbour with a shorter form.
        let parsed: Value = serde_json::from_str(&text).expect("serde_json reads its own JSON");
        let held = serde_json::to_vec(&parsed).expect("serde_json writes it").len();
        for limit in limits(held, cut) {
            let checked = metadata::check_json_string(&text, limit);
            prop_assert_eq!(checked.is_ok(), held <= limit, "limit {} of {}", limit, held);
            if let Err(error) = checked {
                prop_assert_eq!(error.code(), "metadata_too_large");
            }
        }
    }

    #[test]
    fn json_strings_agree_with_serde_json(text in prop_oneof![
        any::<String>(),
        "[\\[\\]{}\",:0-9a-z .eE+-]{0,24}",
    ], limit in 0usize..64) {
        let checked = metadata::check_json_string(&text, limit);
        // The crate's reader of a client's JSON: serde_json's grammar, and no repeated key or
        // integer beyond 64 bits (which serde_json's `Value` would alter).
        match customer_core::json::from_str::<Value>(&text) {
            Ok(v) => {
                let held = serde_json::to_vec(&v).expect("serde_json writes it").len();
                prop_assert_eq!(checked.is_ok(), held <= limit);
            }
            Err(_) => {
                let error = checked.expect_err("not JSON");
                prop_assert_eq!(error.code(), "json_string");
            }
        }
    }

    #[test]
    fn repeated_keys_are_refused(
        members in proptest::collection::vec(("[ab]", value()), 2..6),
        cut in any::<usize>(),
    ) {
        // serde_json would keep the last of repeated members: the text would say more than the
        // value, so a repeat is refused whatever the limit; distinct keys are counted.
        let text = format!(
            "{{{}}}",
            members
                .iter()
                .map(|(k, v)| format!("{}:{}", serde_json::to_string(k).unwrap(), v))
                .collect::<Vec<_>>()
                .join(",")
        );
        let parsed: Value = serde_json::from_str(&text).expect("valid JSON");
        let held = serde_json::to_vec(&parsed).expect("serde_json writes it").len();
        let repeated = parsed.as_object().expect("an object").len() < members.len();
        for limit in limits(held, cut) {
            let checked = metadata::check_json_string(&text, limit);
            if repeated {
                let error = checked.expect_err("a repeated key");
                prop_assert_eq!(error.code(), "json_string");
            } else {
                prop_assert_eq!(checked.is_ok(), held <= limit);
            }
        }
    }
}

/// Depth: what serde_json reads back (up to its recursion limit) is counted; deeper is refused.
#[test]
fn nesting_at_the_depth_limit() {
    let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let mut deepest_read = 0;
    for n in 1..=200 {
        let text = deep(n);
        match serde_json::from_str::<Value>(&text) {
            Ok(v) => {
                deepest_read = n;
                assert_eq!(
                    metadata::compact_len(&v, usize::MAX),
                    Ok(2 * n),
                    "depth {n}"
                );
                assert!(
                    metadata::check_json_string(&text, usize::MAX).is_ok(),
                    "depth {n}"
                );
            }
            Err(_) => {
                assert!(
                    metadata::check_json_string(&text, usize::MAX).is_err(),
                    "depth {n}"
                );
            }
        }
    }
    assert!(
        deepest_read >= 100,
        "serde_json read only {deepest_read} levels"
    );
    // Deeper than MAX_DEPTH, built without the parser: refused, not a stack overflow.
    let mut v = Value::Null;
    for _ in 0..metadata::MAX_DEPTH + 1 {
        v = Value::Array(vec![v]);
    }
    assert_eq!(
        metadata::compact_len(&v, usize::MAX),
        Err(LenError::TooDeep)
    );
    let error = metadata::check(&v, usize::MAX).expect_err("too deep");
    assert_eq!(error.code(), "metadata_invalid");
}

/// A value serde_json cannot write (a map key that is a sequence) is `metadata_invalid`.
#[test]
fn unrepresentable_values_are_refused() {
    let mut map = BTreeMap::new();
    map.insert(vec![1u8], 1u8);
    assert!(serde_json::to_vec(&map).is_err());
    assert_eq!(
        metadata::compact_len(&map, usize::MAX),
        Err(LenError::Unrepresentable)
    );
    assert_eq!(
        metadata::check(&map, usize::MAX).map_err(|e| e.code().to_owned()),
        Err("metadata_invalid".to_owned())
    );
}
