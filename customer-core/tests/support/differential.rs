//! The differential check of a model's JSON Schema: a real validator (the `jsonschema` crate,
//! draft 2020-12) against deserializing and validating the model, on generated documents.
//!
//! Included with `#[path = "support/differential.rs"] mod differential;`.
#![allow(dead_code)]

use std::cell::Cell;

use customer_core::CustomerModel;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// The derive's verdict: the document deserializes and validates.
pub fn derive_accepts<M: DeserializeOwned + CustomerModel>(doc: &Value) -> bool {
    serde_json::from_value::<M>(doc.clone()).is_ok_and(|model| model.validate().is_ok())
}

pub fn validator<M: schemars::JsonSchema>() -> jsonschema::Validator {
    let schema = serde_json::to_value(schemars::schema_for!(M)).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// [`validator`], asserting `format` too (draft 2020-12 only annotates it by default).
pub fn validator_with_formats<M: schemars::JsonSchema>() -> jsonschema::Validator {
    let schema = serde_json::to_value(schemars::schema_for!(M)).unwrap();
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

pub const CASES: u32 = 2000;

/// Runs `CASES` documents through both and returns (accepted, refused) by both.
pub fn differential<M, S>(name: &str, documents: S, exact: bool) -> (u32, u32)
where
    M: DeserializeOwned + CustomerModel + schemars::JsonSchema,
    S: Strategy<Value = Value>,
{
    differential_with::<M, S>(name, documents, exact, validator::<M>())
}

/// [`differential`] with the schema checked by `validator`.
pub fn differential_with<M, S>(
    name: &str,
    documents: S,
    exact: bool,
    validator: jsonschema::Validator,
) -> (u32, u32)
where
    M: DeserializeOwned + CustomerModel + schemars::JsonSchema,
    S: Strategy<Value = Value>,
{
    run(name, documents, exact, &validator, derive_accepts::<M>)
}

/// [`differential`] with the derive's verdict given by `accepts`.
pub fn differential_by<M, S>(
    name: &str,
    documents: S,
    exact: bool,
    accepts: impl Fn(&Value) -> bool,
) -> (u32, u32)
where
    M: schemars::JsonSchema,
    S: Strategy<Value = Value>,
{
    run(name, documents, exact, &validator::<M>(), accepts)
}

/// Runs `CASES` documents through `validator` and `accepts`.
fn run<S: Strategy<Value = Value>>(
    name: &str,
    documents: S,
    exact: bool,
    validator: &jsonschema::Validator,
    accepts: impl Fn(&Value) -> bool,
) -> (u32, u32) {
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let accepted = Cell::new(0u32);
    let refused = Cell::new(0u32);
    runner
        .run(&documents, |doc| {
            let derive = accepts(&doc);
            let schema = validator.is_valid(&doc);
            if exact {
                prop_assert_eq!(derive, schema, "{}: {}", name, doc);
            } else if derive {
                prop_assert!(schema, "{}: the schema refuses {}", name, doc);
            }
            if derive {
                accepted.set(accepted.get() + 1);
            } else {
                refused.set(refused.get() + 1);
            }
            Ok(())
        })
        .unwrap();
    let (accepted, refused) = (accepted.get(), refused.get());
    println!(
        "{name}: {} documents, {accepted} accepted, {refused} refused, {}",
        accepted + refused,
        if exact {
            "same verdict on every one"
        } else {
            "every accepted one passes the schema"
        }
    );
    assert!(accepted > 0, "{name}: no document was accepted");
    assert!(refused > 0, "{name}: no document was refused");
    (accepted, refused)
}
