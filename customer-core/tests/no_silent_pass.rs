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
