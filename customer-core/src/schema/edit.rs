//! Editing a schema object: adding a keyword without overwriting one, noting a rule JSON Schema
//! cannot state, appending to the description.

use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value};

use super::RULES_KEYWORD;

/// What kind of JSON value a schema describes, to pick the length keywords.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    String,
    Array,
    Object,
    Unknown,
}

fn type_kind(value: &Value) -> Option<Kind> {
    let one = |t: &str| match t {
        "string" => Some(Kind::String),
        "array" => Some(Kind::Array),
        "object" => Some(Kind::Object),
        _ => None,
    };
    match value {
        Value::String(t) => one(t),
        Value::Array(types) => types.iter().filter_map(Value::as_str).find_map(one),
        _ => None,
    }
}

/// The kind of `schema`, following `$ref` into the generator's definitions and `anyOf` (how
/// schemars writes `Option` of a referenced type).
pub(super) fn kind(schema: &Value, generator: &SchemaGenerator, depth: usize) -> Kind {
    if depth > 8 {
        return Kind::Unknown;
    }
    let Some(obj) = schema.as_object() else {
        return Kind::Unknown;
    };
    if let Some(kind) = obj.get("type").and_then(type_kind) {
        return kind;
    }
    if let Some(reference) = obj.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap_or_default();
        if let Some(def) = generator.definitions().get(name) {
            return kind(def, generator, depth + 1);
        }
    }
    if let Some(options) = obj.get("anyOf").and_then(Value::as_array) {
        for option in options {
            let found = kind(option, generator, depth + 1);
            if found != Kind::Unknown {
                return found;
            }
        }
    }
    Kind::Unknown
}

/// Adds `key: value` to `schema`, or `{key: value}` to its `allOf` when `key` is already there.
pub(super) fn add(schema: &mut Schema, key: &str, value: Value) {
    let obj = schema.ensure_object();
    if !obj.contains_key(key) {
        obj.insert(key.to_owned(), value);
        return;
    }
    let mut one = Map::new();
    one.insert(key.to_owned(), value);
    match obj.get_mut("allOf") {
        Some(Value::Array(all)) => all.push(Value::Object(one)),
        _ => {
            obj.insert("allOf".to_owned(), Value::Array(vec![Value::Object(one)]));
        }
    }
}

/// Records a rule JSON Schema cannot state exactly in `x-customer-rules`, and its sentence in
/// the `description`.
pub(super) fn note(schema: &mut Schema, rule: Value, sentence: &str) {
    let obj = schema.ensure_object();
    match obj.get_mut(RULES_KEYWORD) {
        Some(Value::Array(list)) => list.push(rule),
        _ => {
            obj.insert(RULES_KEYWORD.to_owned(), Value::Array(vec![rule]));
        }
    }
    describe(schema, sentence);
}

/// Appends `text` to the `description` of `schema`.
pub fn describe(schema: &mut Schema, text: &str) {
    if text.is_empty() {
        return;
    }
    let obj = schema.ensure_object();
    match obj.get_mut("description") {
        Some(Value::String(existing)) if !existing.is_empty() => {
            existing.push_str(if existing.ends_with('.') { " " } else { ". " });
            existing.push_str(text);
        }
        _ => {
            obj.insert("description".to_owned(), Value::String(text.to_owned()));
        }
    }
}
