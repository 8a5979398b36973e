//! `Api::json_schema()` against the API documents in `tests/fixtures/` (the seed documents) and
//! `tests/fixtures/real/` (documents the APIs published): every document `Api::decode` accepts
//! passes the API's schema, checked by a real validator (the `jsonschema` crate, 2020-12).
//!
//! Run with `--nocapture` to see the counts.
#![cfg(feature = "schemars")]

use std::path::Path;

use customer_core::providers::Api;
use serde_json::Value;

/// Every `.json` file under `dir` (recursively) whose name starts with `prefix`.
fn documents(dir: &Path, prefix: &str, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            documents(&path, prefix, out);
        } else if path.extension().is_some_and(|e| e == "json")
            && path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        {
            out.push(path);
        }
    }
}

#[test]
fn every_document_decode_accepts_passes_the_schema() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut total = 0;
    for api in Api::ALL {
        let schema = serde_json::to_value(api.json_schema()).unwrap();
        let validator = jsonschema::draft202012::new(&schema)
            .unwrap_or_else(|e| panic!("{api}: the schema is not valid JSON Schema: {e}"));
        let mut paths = Vec::new();
        documents(&fixtures, &format!("{api}_"), &mut paths);
        documents(&fixtures.join("real").join(api.as_str()), "", &mut paths);
        let (mut accepted, mut refused_by_both) = (0, 0);
        let mut refused_by_decode_only = Vec::new();
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            let Ok(document) = serde_json::from_str::<Value>(&text) else {
                continue;
            };
            let decoded = api.decode(&text).is_ok();
            let valid = validator.is_valid(&document);
            let name = path.display();
            if decoded {
                let errors: Vec<String> = validator
                    .iter_errors(&document)
                    .map(|e| format!("{} at {}", e, e.instance_path()))
                    .collect();
                assert!(
                    valid,
                    "{api}: {name} decodes but the schema refuses it: {errors:?}"
                );
                accepted += 1;
            } else if valid {
                refused_by_decode_only
                    .push(path.file_name().unwrap().to_string_lossy().into_owned());
            } else {
                refused_by_both += 1;
            }
        }
        println!(
            "{api}: {} documents, {accepted} accepted by both, {refused_by_both} refused by both, \
             {} refused by decode only {refused_by_decode_only:?}",
            paths.len(),
            refused_by_decode_only.len()
        );
        assert!(accepted > 0, "{api}: no fixture decoded");
        total += paths.len();
    }
    assert!(total > 0);
}

#[test]
fn the_schema_carries_the_api_rules() {
    let schema = serde_json::to_value(Api::Paddle.json_schema()).unwrap();
    let text = schema.to_string();
    // Paddle's email rule is ASCII only; its locale is a short tag.
    assert!(text.contains(r#""format":"email""#), "{text}");
    assert!(text.contains(r#"^[\\u0000-\\u007f]*$"#), "{text}");
    assert!(schema["anyOf"].as_array().is_some_and(|a| a.len() == 4));
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    assert!(!validator.is_valid(&serde_json::json!({"email": "jö@example.com"})));
}

fn validator(api: Api) -> jsonschema::Validator {
    let schema = serde_json::to_value(api.json_schema()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

#[test]
fn a_made_up_mollie_id_does_not_pass_through_the_request_shape() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/real/mollie/ruby_customer_get.json"),
    )
    .unwrap();
    let mut document: Value = serde_json::from_str(&text).unwrap();
    let mollie = validator(Api::Mollie);
    assert!(mollie.is_valid(&document));
    document["id"] = "made-up".into();
    assert!(Api::Mollie.decode(&document.to_string()).is_err());
    assert!(
        !mollie.is_valid(&document),
        "the schema takes what decode refuses"
    );
    // Without any response key, the same name and email are a create request.
    assert!(mollie.is_valid(&serde_json::json!({"name": "Jo", "email": "jo@example.com"})));
}

#[test]
fn a_document_with_none_of_the_api_fields_passes_no_schema() {
    for api in Api::ALL {
        let schema = validator(api);
        for document in [
            serde_json::json!({}),
            serde_json::json!({"foo": 1}),
            serde_json::json!({"event_id": "evt_1", "occurred_at": "2024-01-01T00:00:00Z"}),
        ] {
            let refused = Api::decode(&api, &document.to_string()).unwrap_err();
            assert_eq!(
                refused.violations().iter().next().map(|v| v.code()),
                Some("not_this_api"),
                "{api} {document}"
            );
            assert!(
                !schema.is_valid(&document),
                "{api}: the schema takes {document}"
            );
        }
    }
}

#[test]
fn every_real_document_of_another_api_refused_as_not_this_api_fails_the_schema_too() {
    let real = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut refused = 0;
    for to in Api::ALL {
        let schema = validator(to);
        for from in Api::ALL.into_iter().filter(|from| *from != to) {
            let mut paths = Vec::new();
            documents(&real.join(from.as_str()), "", &mut paths);
            for path in paths {
                let text = std::fs::read_to_string(&path).unwrap();
                let Err(error) = to.decode(&text) else {
                    continue;
                };
                if error
                    .violations()
                    .iter()
                    .any(|v| v.code() == "not_this_api")
                {
                    let document: Value = serde_json::from_str(&text).unwrap();
                    assert!(
                        !schema.is_valid(&document),
                        "{to}: the schema takes {}",
                        path.display()
                    );
                    refused += 1;
                }
            }
        }
    }
    assert!(refused >= 10, "{refused}");
}

/// The update body's schema (a `$ref` into its definitions), ready for a validator.
fn update_validator(api: Api) -> jsonschema::Validator {
    let mut generator =
        schemars::SchemaGenerator::new(schemars::generate::SchemaSettings::draft2020_12());
    let shape = api.update_shape(&mut generator).unwrap();
    let mut schema = serde_json::to_value(shape).unwrap();
    schema["$defs"] = serde_json::to_value(generator.take_definitions(true)).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

/// A field read through a `#[serde(alias)]` (Tazapay's `billing` / `shipping` for the address
/// lists) has the field's rules in the schema under that key too: what `decode_update` refuses
/// there (`null`, a wrong address), the schema refuses; what it takes, the schema takes.
#[test]
fn an_update_key_read_through_an_alias_has_the_field_rules_in_the_schema() {
    let schema = update_validator(Api::Tazapay);
    let address = serde_json::json!({"address": {"line1": "1 Main St", "city": "Singapore", "country": "SG"}});
    for key in ["billing_address", "billing", "shipping_address", "shipping"] {
        for (value, taken) in [
            (Value::Null, false),
            (serde_json::json!("not a list"), false),
            (serde_json::json!([address.clone()]), true),
            (serde_json::json!([]), true),
        ] {
            let document = serde_json::json!({ key: value });
            let decoded = Api::Tazapay.decode_update(&document.to_string());
            assert_eq!(
                decoded.is_ok(),
                taken,
                "decode_update {document}: {decoded:?}"
            );
            assert_eq!(
                schema.is_valid(&document),
                taken,
                "the schema on {document}"
            );
        }
    }
    // Both the key and its alias: serde refuses a repeated field, and so does the schema.
    let both = serde_json::json!({"billing": [], "billing_address": []});
    assert!(Api::Tazapay.decode_update(&both.to_string()).is_err());
    assert!(!schema.is_valid(&both));
}
