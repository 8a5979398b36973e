use std::borrow::Cow;

use customer_core::{json, CustomerModel, RuleError, Valid};

#[derive(CustomerModel, serde::Deserialize)]
struct Address {
    #[customer(length(max = 8))]
    line1: String,
}

// Generic models read through `Valid`: the `Shape` impl is bounded as the `CustomerModel` impl,
// plus `DeserializeOwned` for the fields whose rules run and `Shape` for nested parameters.
#[derive(CustomerModel, serde::Deserialize)]
#[customer(check = whole)]
struct Page<T, U, M> {
    #[customer(each(nested), length(max = 10))]
    items: Vec<T>,
    #[customer(nested)]
    first: Option<T>,
    #[customer(length(max = 3), skip_nested)]
    label: U,
    // No rule: no bound, any `M` that serde reads (`skip_nested`: `M` is not a model).
    #[customer(skip_nested)]
    marker: M,
}

fn whole<T, U, M>(_: &Page<T, U, M>) -> Result<(), RuleError> {
    Ok(())
}

// A serde type without a shape of its own.
#[derive(serde::Deserialize)]
struct Opaque(u8);

// Borrowing models keep reading through `json::from_str`, which takes `Deserialize<'a>`.
#[derive(CustomerModel, serde::Deserialize)]
struct Borrowing<'a, T> {
    #[customer(length(max = 3))]
    name: &'a str,
    #[customer(length(max = 3))]
    kind: Cow<'a, str>,
    #[customer(skip_nested)]
    value: T,
}

fn main() {
    let page = Valid::<Page<Address, String, Opaque>>::from_json(
        r#"{"items": [], "first": null, "label": "ab", "marker": 1}"#,
    );
    assert!(page.is_ok());
    let page = Valid::<Page<Address, Vec<u8>, Opaque>>::from_json(
        r#"{"items": [{"line1": 1}], "label": [1, 2, 3, 4], "marker": 1}"#,
    );
    assert_eq!(page.err().map(|e| e.violations().len()), Some(2));
    let read: Result<Borrowing<'_, Opaque>, _> =
        json::from_str(r#"{"name": "abcd", "kind": "x", "value": 1}"#);
    assert!(read.is_ok_and(|b| b.validate().is_err()));
    let read: Result<Borrowing<'_, &str>, _> =
        json::from_str(r#"{"name": "a", "kind": "x", "value": "v"}"#);
    assert!(read.is_ok());
}
