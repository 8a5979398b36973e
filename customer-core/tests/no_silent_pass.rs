//! Ordinary mistakes are refused or reported, never accepted quietly (issue 26). The compile
//! errors are trybuild cases in `tests/ui/`; this file holds what runs: the safe forms read and
//! validate as documented, and the JSON Schema promises no rule that validation does not run.

use customer_core::{CustomerModel, Patch, Valid};
use serde::Deserialize;

#[derive(CustomerModel, Deserialize, Debug)]
struct Address {
    #[customer(country)]
    country: String,
}

/// A model field says whether its rules run: `nested` (validated) or `skip_nested` (not).
#[derive(CustomerModel, Deserialize, Debug)]
struct Order {
    #[customer(nested)]
    billing: Address,
    #[customer(nested)]
    shipping: Option<Address>,
    #[customer(each(nested), length(max = 2))]
    previous: Vec<Address>,
    #[customer(skip_nested)]
    draft: Option<Address>,
}

#[test]
fn a_nested_model_is_validated_and_a_skip_nested_one_is_not() {
    let json = r#"{"billing": {"country": "XX"}, "shipping": {"country": "YY"},
        "previous": [{"country": "NL"}, {"country": "ZZ"}], "draft": {"country": "QQ"}}"#;
    let errors = Valid::<Order>::from_json(json)
        .unwrap_err()
        .into_violations();
    let pointers: Vec<&str> = errors.violations().iter().map(|v| v.pointer()).collect();
    assert_eq!(
        pointers,
        [
            "/billing/country",
            "/shipping/country",
            "/previous/1/country"
        ]
    );
    let ok = r#"{"billing": {"country": "NL"}, "shipping": null, "previous": [],
        "draft": {"country": "QQ"}}"#;
    let order = Valid::<Order>::from_json(ok).unwrap().into_inner();
    assert_eq!(
        order.draft.map(|draft| draft.country).as_deref(),
        Some("QQ")
    );
}

#[derive(CustomerModel, Deserialize, Debug)]
struct UpdateCustomer {
    #[serde(default)]
    #[customer(email)]
    email: Patch<String>,
    #[serde(default)]
    #[customer(length(max = 8))]
    name: Patch<String>,
}

#[test]
fn a_patch_field_with_serde_default_keeps_a_left_out_key() {
    let update = Valid::<UpdateCustomer>::from_json(r#"{"email": "jo@example.com"}"#)
        .unwrap()
        .into_inner();
    assert_eq!(update.name, Patch::Absent);
    assert_eq!(update.email, Patch::Value("jo@example.com".to_owned()));
    let update = Valid::<UpdateCustomer>::from_json(r#"{"name": null}"#)
        .unwrap()
        .into_inner();
    assert_eq!(update.name, Patch::Null);
    assert_eq!(update.email, Patch::Absent);
}

#[cfg(feature = "schemars")]
mod schema {
    use super::Order;

    /// Each property of the schema: `$ref` to the model's schema where its rules run, any value
    /// where they do not.
    #[test]
    fn the_schema_of_a_skip_nested_field_promises_no_rule_of_its_model() {
        let schema = serde_json::to_value(schemars::schema_for!(Order)).unwrap();
        let properties = &schema["properties"];
        let address_ref = "#/$defs/Address";
        assert_eq!(properties["billing"]["$ref"], address_ref);
        assert_eq!(properties["previous"]["items"]["$ref"], address_ref);
        let draft = &properties["draft"];
        assert!(
            draft.get("$ref").is_none() && draft.get("anyOf").is_none(),
            "{draft}"
        );
        assert!(
            draft["description"]
                .as_str()
                .is_some_and(|text| text.contains("not checked")),
            "{draft}"
        );
        // The `country` rule of `Address` is in the schema only once, under `$defs`.
        let defs = &schema["$defs"]["Address"]["properties"]["country"]["enum"];
        assert!(defs.as_array().is_some_and(|codes| codes.len() > 200));
    }
}

mod order {
    use std::collections::HashMap;

    use customer_core::{CustomerModel, Valid};
    use serde::Deserialize;

    use super::Address;

    #[derive(CustomerModel, Deserialize, Debug)]
    struct Contact {
        #[customer(email)]
        email: String,
        #[customer(length(max = 3))]
        name: String,
        #[customer(nested)]
        by_label: HashMap<String, Address>,
        #[customer(range(max = 9))]
        #[serde(default)]
        count: u8,
    }

    fn pointers(error: customer_core::Error) -> Vec<String> {
        error
            .into_violations()
            .violations()
            .iter()
            .map(|v| v.pointer().to_owned())
            .collect()
    }

    /// One contract on every path: a document's violations in document order, whether it reads
    /// (rules only) or not (a shape error too).
    #[test]
    fn a_documents_violations_come_in_document_order_on_every_path() {
        let reads = r#"{"name": "Johannes", "by_label": {"b": {"country": "XX"}},
            "email": "jo@example"}"#;
        assert_eq!(
            pointers(Valid::<Contact>::from_json(reads).unwrap_err()),
            ["/name", "/by_label/b/country", "/email"]
        );
        let shape_error = r#"{"name": "Johannes", "by_label": {"b": {"country": "XX"}},
            "email": "jo@example", "count": "x"}"#;
        assert_eq!(
            pointers(Valid::<Contact>::from_json(shape_error).unwrap_err()),
            ["/name", "/by_label/b/country", "/email", "/count"]
        );
        assert_eq!(
            pointers(Valid::<Contact>::from_slice(reads.as_bytes()).unwrap_err()),
            ["/name", "/by_label/b/country", "/email"]
        );
    }

    /// Without a document: declared field order, and a map's entries by key, never hash order.
    #[test]
    fn without_a_document_fields_in_declared_order_and_map_entries_by_key() {
        let by_label: HashMap<String, Address> = (0..40)
            .map(|i| {
                let address = Address {
                    country: "XX".to_owned(),
                };
                (format!("k{i:02}"), address)
            })
            .collect();
        let contact = Contact {
            email: "jo@example".to_owned(),
            name: "Johannes".to_owned(),
            by_label,
            count: 10,
        };
        let errors = contact.validate().unwrap_err();
        let pointers: Vec<&str> = errors.violations().iter().map(|v| v.pointer()).collect();
        let mut expected = vec!["/email".to_owned(), "/name".to_owned()];
        expected.extend((0..40).map(|i| format!("/by_label/k{i:02}/country")));
        expected.push("/count".to_owned());
        assert_eq!(pointers, expected);
    }
}
