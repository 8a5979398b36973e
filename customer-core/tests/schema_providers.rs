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
