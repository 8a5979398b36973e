//! `rules::metadata`: the compact JSON length, counted without serializing, at its limits.

use std::collections::{BTreeMap, HashMap};

use customer_core::rules::metadata::{self, LenError};
use customer_core::Param;
use serde::Serialize;
use serde_json::{json, Value};

fn serde_len<T: Serialize + ?Sized>(value: &T) -> usize {
    serde_json::to_vec(value).unwrap().len()
}

/// `compact_len` equals serde_json's length, and the limit sits exactly there.
fn assert_boundary<T: Serialize + ?Sized>(value: &T) {
    let len = serde_len(value);
    assert_eq!(metadata::compact_len(value, usize::MAX), Ok(len));
    assert_eq!(metadata::compact_len(value, len), Ok(len));
    assert!(metadata::check(value, len).is_ok());
    if len > 0 {
        assert_eq!(
            metadata::compact_len(value, len - 1),
            Err(LenError::TooLarge)
        );
        let error = metadata::check(value, len - 1).unwrap_err();
        assert_eq!(error.code(), "metadata_too_large");
        assert_eq!(
            error.to_string(),
            format!("must be at most {} bytes of compact JSON", len - 1)
        );
        assert_eq!(
            error.params().collect::<Vec<_>>(),
            [("max_bytes", &Param::UInt(len as u64 - 1))]
        );
    }
}

/// A JSON string value whose compact form is exactly `len` bytes.
fn string_of_len(len: usize) -> Value {
    Value::String("a".repeat(len - 2))
}

#[test]
fn string_at_1024_and_1025_bytes() {
    let at = string_of_len(1024);
    let over = string_of_len(1025);
    assert_eq!(serde_len(&at), 1024);
    assert!(metadata::check(&at, 1024).is_ok());
    let error = metadata::check(&over, 1024).unwrap_err();
    assert_eq!(error.code(), "metadata_too_large");
    assert_eq!(
        error.to_string(),
        "must be at most 1024 bytes of compact JSON"
    );
    assert!(!error.to_string().contains("aaaa"));
    assert_eq!(metadata::DEFAULT_MAX_BYTES, 1024);
}

#[test]
fn object_array_and_nested_at_the_boundary() {
    // {"k":"…"} is 8 bytes around the string's content.
    let object = |n: usize| json!({ "k": "b".repeat(n) });
    assert_eq!(serde_len(&object(1016)), 1024);
    assert!(metadata::check(&object(1016), 1024).is_ok());
    assert!(metadata::check(&object(1017), 1024).is_err());

    // [1,2,…]: an array of 512 single digits is 2 + 512 + 511 = 1025 bytes.
    let array = |n: usize| Value::Array(vec![json!(7); n]);
    assert_eq!(serde_len(&array(511)), 1023);
    assert!(metadata::check(&array(511), 1024).is_ok());
    assert!(metadata::check(&array(512), 1024).is_err());

    let nested =
        json!({"a": [{"b": {"c": [1, -2, 3.5, null, true, false, "x"]}}], "d": {}, "e": []});
    assert_boundary(&nested);
}

#[test]
fn escapes_and_unicode() {
    for text in [
        "",
        "\"",
        "\\",
        "\n\r\t\u{8}\u{c}",
        "\u{0}\u{1}\u{1f}",
        "\u{7f}",
        "/",
        "é",
        "日本語",
        "😀",
        "\u{2028}\u{2029}",
        "a\"b\\c\nd\u{1}e",
    ] {
        assert_boundary(text);
        assert_boundary(&json!({ text: text }));
    }
    // Each control character below 0x20 without a short escape is written as \u00XX.
    let controls: String = (0u8..0x20).map(char::from).collect();
    assert_boundary(&controls);
    assert_eq!(
        metadata::compact_len(&controls, usize::MAX),
        Ok(2 + 5 * 2 + 27 * 6)
    );
    // 511 newlines, each written as `\n`, plus the quotes: 1024 bytes.
    let newlines = "\n".repeat(511);
    assert_eq!(serde_len(&newlines), 1024);
    assert!(metadata::check(&newlines, 1024).is_ok());
    assert!(metadata::check(&"\n".repeat(512), 1024).is_err());
}

#[test]
fn numbers() {
    for value in [
        json!(0),
        json!(-0),
        json!(7),
        json!(-7),
        json!(u64::MAX),
        json!(i64::MIN),
        json!(i64::MAX),
        json!(0.0),
        json!(-0.0),
        json!(0.1),
        json!(-0.1),
        json!(1.0),
        json!(1.5),
        json!(1e300),
        json!(-1e300),
        json!(1e-300),
        json!(f64::MAX),
        json!(f64::MIN_POSITIVE),
        json!(5e-324),
        json!(1e15),
        json!(1e16),
        json!(1e-5),
        json!(1e-6),
        json!(123_456_789.123_456_79),
        json!(0.000015),
        json!(1.5e-6),
        json!(100.0),
        json!(1e21),
    ] {
        assert_boundary(&value);
    }
    for value in [
        0.0f32, 0.1, 1.0, 1e12, 1e13, 1e-6, 1e-7, 3.4e38, 1e-45, 16777216.0,
    ] {
        assert_boundary(&value);
    }
    assert_boundary(&[u128::MAX]);
    assert_boundary(&[i128::MIN]);
    // Non-finite floats are written as null.
    assert_eq!(metadata::compact_len(&f64::NAN, 10), Ok(4));
    assert_eq!(metadata::compact_len(&f64::INFINITY, 10), Ok(4));
    assert_eq!(metadata::compact_len(&f32::NEG_INFINITY, 10), Ok(4));
    assert_eq!(serde_len(&f64::NAN), 4);
}

/// The same bits through both formatters: every float class, including subnormals.
#[test]
fn floats_agree_with_serde_json() {
    let mut state = 0x853C_49E6_748F_EA9Bu64;
    for _ in 0..200_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let value = f64::from_bits(state);
        let expected = if value.is_finite() {
            serde_len(&value)
        } else {
            4
        };
        assert_eq!(
            metadata::compact_len(&value, usize::MAX),
            Ok(expected),
            "{value:e}"
        );
        let value = f32::from_bits(state as u32);
        let expected = serde_len(&value);
        assert_eq!(
            metadata::compact_len(&value, usize::MAX),
            Ok(expected),
            "{value:e}"
        );
        // Short decimals, the common case in metadata.
        let short = (state % 100_000) as f64 / 1000.0;
        assert_eq!(
            metadata::compact_len(&short, usize::MAX),
            Ok(serde_len(&short))
        );
    }
}

/// A map from a list of pairs, for keys that are neither `Hash` nor `Ord`.
struct Pairs<K, V>(Vec<(K, V)>);

impl<K: Serialize, V: Serialize> Serialize for Pairs<K, V> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
struct Unit;

#[derive(Serialize)]
struct Newtype(u8);

#[derive(Serialize)]
struct Tuple(u8, &'static str);

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Record {
    user_id: u32,
    tags: Vec<&'static str>,
    note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skipped: Option<u8>,
    kind: Kind,
    bytes: serde_bytes_like::Bytes,
    unit: Unit,
    newtype: Newtype,
    tuple: Tuple,
    pair: (i8, bool),
    map: BTreeMap<i32, char>,
    bool_keys: BTreeMap<bool, ()>,
    display: Shown,
}

#[derive(Serialize)]
enum Kind {
    A,
    B(u8),
    C(u8, u8),
    D { x: i16 },
}

/// Serializes through `collect_str`, as `Display`-based impls do.
struct Shown(&'static str);

impl Serialize for Shown {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("<{}>\n", self.0))
    }
}

mod serde_bytes_like {
    /// Serializes with `serialize_bytes`.
    pub struct Bytes(pub &'static [u8]);

    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_bytes(self.0)
        }
    }
}

#[test]
fn every_serde_shape_agrees_with_serde_json() {
    for kind in [Kind::A, Kind::B(3), Kind::C(1, 200), Kind::D { x: -300 }] {
        let record = Record {
            user_id: 42,
            tags: vec!["a", "b\"c"],
            note: None,
            skipped: None,
            kind,
            bytes: serde_bytes_like::Bytes(&[0, 10, 255]),
            unit: Unit,
            newtype: Newtype(9),
            tuple: Tuple(1, "é"),
            pair: (-1, true),
            map: BTreeMap::from([(-1, 'x'), (20, '"')]),
            bool_keys: BTreeMap::from([(false, ()), (true, ())]),
            display: Shown("shown \"here\""),
        };
        assert_boundary(&record);
    }
    assert_boundary(&serde_bytes_like::Bytes(&[]));
    assert_boundary(&Vec::<u8>::new());
    assert_boundary(&Pairs(vec![(1.5f64, 1u8), (-1e300, 2), (0.0, 3)]));
    assert_boundary(&Pairs(vec![(1.5f32, 1u8)]));
    assert_boundary(&Pairs(vec![(u128::MAX, 1u8)]));
    assert_boundary(&Pairs(vec![(Kind::A, 1u8)]));
    assert_boundary(&Pairs(vec![(Newtype(3), 1u8)]));
    assert_boundary(&Pairs(vec![(Some("k"), 1u8)]));
    assert_boundary(&HashMap::from([('k', [1u8; 3])]));
    assert_boundary(&Some(Some(3u8)));
    assert_boundary(&());
}

#[test]
fn what_serde_json_refuses_is_refused() {
    let tuple_keys = BTreeMap::from([((1, 2), 3)]);
    assert!(serde_json::to_vec(&tuple_keys).is_err());
    assert_eq!(
        metadata::compact_len(&tuple_keys, usize::MAX),
        Err(LenError::Unrepresentable)
    );
    let error = metadata::check(&tuple_keys, 1024).unwrap_err();
    assert_eq!(error.code(), "metadata_invalid");
    assert_eq!(error.to_string(), "must be representable as JSON");

    let nan_keys = Pairs(vec![(f64::NAN, 1)]);
    assert!(serde_json::to_vec(&nan_keys).is_err());
    assert_eq!(
        metadata::compact_len(&nan_keys, usize::MAX),
        Err(LenError::Unrepresentable)
    );

    struct Failing;
    impl Serialize for Failing {
        fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
            Err(serde::ser::Error::custom("secret value 12345"))
        }
    }
    let error = metadata::check(&vec![Failing], 1024).unwrap_err();
    assert!(!error.to_string().contains("12345"));
}

#[test]
fn deep_nesting_is_refused_not_overflowed() {
    let mut deep = json!(1);
    for _ in 0..metadata::MAX_DEPTH {
        deep = json!([deep]);
    }
    assert_boundary(&deep);
    let deeper = json!([deep]);
    assert_eq!(
        metadata::compact_len(&deeper, usize::MAX),
        Err(LenError::TooDeep)
    );
    assert_eq!(
        metadata::value_len(&deeper, usize::MAX),
        Err(LenError::TooDeep)
    );
    assert_eq!(metadata::value_len(&deep, usize::MAX), Ok(serde_len(&deep)));
    let error = metadata::check(&deeper, usize::MAX).unwrap_err();
    assert_eq!(error.code(), "metadata_invalid");
    assert_eq!(
        error.to_string(),
        "must not nest arrays and objects more than 128 deep"
    );
    // Built without recursion in the test itself; dropping it recurses in serde_json, so keep
    // it small enough for that.
    let mut very_deep = json!(null);
    for _ in 0..5_000 {
        very_deep = Value::Array(vec![very_deep]);
    }
    assert_eq!(
        metadata::compact_len(&very_deep, usize::MAX),
        Err(LenError::TooDeep)
    );
    assert_eq!(
        metadata::value_len(&very_deep, usize::MAX),
        Err(LenError::TooDeep)
    );
    assert_eq!(
        metadata::value_len(&very_deep, 100),
        Err(LenError::TooLarge)
    );
    // The size limit is reached first when it is smaller than the depth.
    assert_eq!(
        metadata::compact_len(&very_deep, 100),
        Err(LenError::TooLarge)
    );
    std::mem::forget(very_deep);
}

/// 100 MB of metadata costs O(limit): a giant string is refused from its length, a giant array
/// after its first kilobyte. (Timing is not asserted; a counting serializer proves the stop.)
#[test]
fn stops_as_soon_as_the_limit_is_passed() {
    let huge = "x".repeat(100 * 1024 * 1024);
    assert_eq!(metadata::compact_len(&huge, 1024), Err(LenError::TooLarge));

    /// Counts how many elements were serialized before the counter gave up.
    struct Endless<'a>(&'a std::cell::Cell<usize>);
    impl Serialize for Endless<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeSeq;
            let mut seq = s.serialize_seq(None)?;
            for _ in 0..10_000_000 {
                self.0.set(self.0.get() + 1);
                seq.serialize_element("abc")?;
            }
            seq.end()
        }
    }
    let visited = std::cell::Cell::new(0);
    assert_eq!(
        metadata::compact_len(&Endless(&visited), 1024),
        Err(LenError::TooLarge)
    );
    // Each element is 6 bytes (`"abc",`): the counter stops after about 1024 / 6 of them.
    assert!(visited.get() <= 1024 / 6 + 2, "{} visited", visited.get());
}

/// Deterministic generator of JSON values.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn string(&mut self) -> String {
        const PIECES: &[&str] = &["a", "é", "\"", "\\", "\n", "\u{1}", "😀", "key", " ", "/"];
        (0..self.next() % 6)
            .map(|_| PIECES[(self.next() % PIECES.len() as u64) as usize])
            .collect()
    }

    fn value(&mut self, depth: u32) -> Value {
        let choice = self.next() % if depth > 4 { 6 } else { 8 };
        match choice {
            0 => Value::Null,
            1 => Value::Bool(self.next() % 2 == 0),
            2 => json!(self.next() as i64),
            3 => json!(self.next() % 1000),
            4 => json!(f64::from_bits(self.next()) % 1e6),
            5 => Value::String(self.string()),
            6 => Value::Array(
                (0..self.next() % 5)
                    .map(|_| self.value(depth + 1))
                    .collect(),
            ),
            _ => Value::Object(
                (0..self.next() % 5)
                    .map(|_| (self.string(), self.value(depth + 1)))
                    .collect(),
            ),
        }
    }
}

#[test]
fn generated_values_agree_with_serde_json() {
    let mut gen = Gen(0xDEAD_BEEF_CAFE_F00D);
    for _ in 0..20_000 {
        let value = gen.value(0);
        let len = serde_len(&value);
        assert_eq!(
            metadata::compact_len(&value, usize::MAX),
            Ok(len),
            "{value}"
        );
        // The direct walk over `Value` counts the same, and stops at the same place.
        assert_eq!(metadata::value_len(&value, usize::MAX), Ok(len), "{value}");
        assert_eq!(metadata::value_len(&value, len), Ok(len));
        assert_eq!(
            metadata::value_len(&value, len - 1),
            Err(LenError::TooLarge)
        );
        // The stop is exact at every size.
        assert_eq!(metadata::compact_len(&value, len), Ok(len));
        assert_eq!(
            metadata::compact_len(&value, len - 1),
            Err(LenError::TooLarge)
        );
        // The same value as a JSON string, pretty-printed so that the text is longer than its
        // compact form. serde_json's default float parser may land one ulp away (and print a
        // different number of digits), so the length is that of the value read back.
        let text = serde_json::to_string_pretty(&value).unwrap();
        let len = serde_len(&serde_json::from_str::<Value>(&text).unwrap());
        assert!(metadata::check_json_string(&text, len).is_ok(), "{text}");
        let error = metadata::check_json_string(&text, len - 1).unwrap_err();
        assert_eq!(error.code(), "metadata_too_large");
    }
}

#[test]
fn json_string() {
    for text in [
        "null",
        "1",
        "-0",
        "1e2",
        "1E400",
        "\"a\"",
        "[]",
        "{}",
        " [1, 2] ",
        r#"[{"key":"a","value":"b"}]"#,
        r#"{"a":"\u0041\/"}"#,
        "1.50",
        "12345678901234567890",
        "-9223372036854775808",
        "18446744073709551615",
    ] {
        match serde_json::from_str::<Value>(text) {
            Ok(value) => {
                let len = serde_len(&value);
                assert!(metadata::check_json_string(text, len).is_ok(), "{text}");
                let error = metadata::check_json_string(text, len - 1).unwrap_err();
                assert_eq!(error.code(), "metadata_too_large", "{text}");
            }
            Err(_) => {
                let error = metadata::check_json_string(text, 1024).unwrap_err();
                assert_eq!(error.code(), "json_string", "{text}");
            }
        }
    }
    // Numbers can grow: `1e15` is written `1000000000000000.0`.
    assert_eq!(
        serde_len(&serde_json::from_str::<Value>("1e15").unwrap()),
        18
    );
    assert!(metadata::check_json_string("1e15", 18).is_ok());
    assert!(metadata::check_json_string("1e15", 17).is_err());
    // Text the crate's readers would not hold unaltered is not JSON it keeps: a repeated key
    // (serde_json's `Value` would keep the last one), at any depth and however long the
    // object, and an integer literal beyond 64 bits (it would become the nearest `f64`).
    let duplicates = format!("{{{}\"a\":1}}", "\"a\":\"xxxxxxxxxx\",".repeat(1000));
    let escaped = r#"{"a":1,"\u0061":2}"#.to_owned();
    let nested = r#"[{"key":"a","value":{"b":1,"c":2,"b":3}}]"#.to_owned();
    let many = format!(
        "{{{}\"k7\":0}}",
        (0..40)
            .map(|i| format!("\"k{i}\":{i},"))
            .collect::<String>()
    );
    for text in [
        r#"{"a":1,"a":2}"#.to_owned(),
        duplicates,
        escaped,
        nested,
        many,
        "-9223372036854775809".to_owned(),
        "18446744073709551616".to_owned(),
        r#"{"n":[123456789012345678901234567890]}"#.to_owned(),
    ] {
        for max in [6, 1024, 1 << 20] {
            let error = metadata::check_json_string(text.as_str(), max).unwrap_err();
            assert_eq!(error.code(), "json_string", "{text}");
        }
    }
    // The same numbers written as floats are read as the nearest f64, as JSON allows.
    assert!(metadata::check_json_string("1.8446744073709552e19", 1024).is_ok());

    for text in [
        "",
        " ",
        "{",
        "[1,]",
        "{'a':1}",
        "undefined",
        "NaN",
        "[1] [2]",
        "\"unterminated",
        "{\"a\"}",
        "tru",
    ] {
        let error = metadata::check_json_string(text, 1024).unwrap_err();
        assert_eq!(error.code(), "json_string", "{text:?}");
        assert_eq!(error.to_string(), "must be a string holding JSON");
    }
    let nested_too_deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(
        metadata::check_json_string(&nested_too_deep, usize::MAX)
            .unwrap_err()
            .code(),
        "json_string"
    );
    assert!(metadata::check_json_string(&String::from("{}"), 2).is_ok());
}
