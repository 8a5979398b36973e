//! `rules::metadata` on arbitrary input, three ways:
//!
//! - the bytes as JSON text: when serde_json reads a `Value`, `check` / `compact_len` under
//!   limits around its size must agree with `serde_json::to_vec(&value).len()`;
//! - the same text through `check_json_string`: accepted exactly when the crate's reader of a
//!   client's JSON (`json::from_str::<Value>`: serde_json's grammar, no repeated key, no integer
//!   beyond 64 bits) reads it and the compact form of what it holds is within the limit;
//! - the bytes as the `Arbitrary` source of a typed value (floats, `i128`, chars, maps with
//!   number and boolean keys, every enum variant form): the counter must equal serde_json's
//!   length wherever serde_json can write the value.

#![no_main]

use std::collections::BTreeMap;

use customer_core::rules::metadata::{self, LenError};
use libfuzzer_sys::arbitrary::{self, Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;
use serde::Serialize;

#[derive(Arbitrary, Debug, Serialize)]
enum Variant {
    Unit,
    Newtype(f64),
    Tuple(i8, char),
    Struct { a: Option<u32>, b: String },
}

#[derive(Arbitrary, Debug, Serialize)]
struct Unit;

#[derive(Arbitrary, Debug, Serialize)]
struct Typed {
    f32: f32,
    f64: f64,
    floats: Vec<f64>,
    i128: i128,
    u128: u128,
    i64: i64,
    char: char,
    text: String,
    bytes: Vec<u8>,
    unit: (),
    unit_struct: Unit,
    tuple: (bool, u8, Option<i16>),
    int_keys: BTreeMap<i32, String>,
    u128_keys: BTreeMap<u128, bool>,
    bool_keys: BTreeMap<bool, f32>,
    char_keys: BTreeMap<char, ()>,
    variants: Vec<Variant>,
    nested: Vec<Vec<Option<Variant>>>,
}

/// Limits around `len`, plus the default.
fn limits(len: usize) -> [usize; 6] {
    [
        0,
        len.saturating_sub(1),
        len,
        len + 1,
        metadata::DEFAULT_MAX_BYTES,
        usize::MAX,
    ]
}

/// `check` and `compact_len` agree with serde_json's length `len` under every limit.
fn agree<T: Serialize + ?Sized>(value: &T, len: usize) {
    for limit in limits(len) {
        let counted = metadata::compact_len(value, limit);
        if len <= limit {
            assert_eq!(counted, Ok(len), "compact_len under limit {limit}");
            assert!(metadata::check(value, limit).is_ok(), "check under {limit}");
        } else {
            assert_eq!(
                counted,
                Err(LenError::TooLarge),
                "compact_len over limit {limit}"
            );
            let error = metadata::check(value, limit).expect_err("over the limit");
            assert_eq!(error.code(), "metadata_too_large");
        }
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        match serde_json::from_str::<serde_json::Value>(text) {
            Ok(value) => {
                let len = serde_json::to_vec(&value).map(|v| v.len()).unwrap_or(0);
                agree(&value, len);
                if customer_core::json::from_str::<serde_json::Value>(text).is_err() {
                    // A repeated key or an integer beyond 64 bits: serde_json's `Value` would
                    // alter it, the crate refuses it.
                    let error = metadata::check_json_string(text, usize::MAX)
                        .expect_err("the crate's reader refuses this text");
                    assert_eq!(error.code(), "json_string");
                } else {
                    for limit in limits(len) {
                        assert_eq!(
                            metadata::check_json_string(text, limit).is_ok(),
                            len <= limit,
                            "json_string under limit {limit}"
                        );
                    }
                }
            }
            Err(_) => {
                let error = metadata::check_json_string(text, usize::MAX)
                    .expect_err("serde_json refuses this text");
                assert_eq!(error.code(), "json_string");
            }
        }
    }

    let mut source = Unstructured::new(data);
    if let Ok(typed) = Typed::arbitrary(&mut source) {
        match serde_json::to_vec(&typed) {
            Ok(json) => agree(&typed, json.len()),
            Err(_) => assert_eq!(
                metadata::compact_len(&typed, usize::MAX),
                Err(LenError::Unrepresentable)
            ),
        }
    }
});
