//! JSON Schema (2020-12) for every model, with feature `schemars`: the derive implements
//! [`schemars::JsonSchema`], so `schemars::schema_for!(T)` and every tool built on schemars get
//! the rules without a second attribute language.
//!
//! The schema follows serde as the model reads JSON (the *deserialize* contract): wire names,
//! `rename_all`, `flatten`, `default` and `Option` (not required; `null` accepted),
//! `deny_unknown_fields` (`additionalProperties: false`), field-less enums by their wire names,
//! enums with data (or a tag) as `oneOf` their variants in serde's representation ([`Union`]),
//! newtypes as their inner value with their rules. Each rule adds the keywords below; a keyword that is
//! already present is added again inside `allOf`, so two rules never overwrite each other.
//!
//! | rule | keywords |
//! | --- | --- |
//! | `email` | `format: email`, `maxLength: max`, a `pattern` of the rule's shape; `ascii` adds an ASCII-only `pattern` |
//! | `pattern` | `pattern`: the same expression in ECMA-262 syntax, anchored, classes spelled out |
//! | `id` | `pattern`: `^prefix[chars]{min,max}$` |
//! | `locale` | `pattern`: the RFC 5646 grammar (`short`: language(-Script)(-REGION)) |
//! | `length` | `minLength`/`maxLength`, `minItems`/`maxItems` or `minProperties`/`maxProperties` |
//! | `one_of` | `enum` |
//! | `country` | `enum` of the 249 assigned codes |
//! | `phone` | `pattern` (`+`, an assigned calling code, digits), `maxLength: 16` |
//! | `url` | `format: uri`, a `pattern` every accepted URL matches (scheme and characters) |
//! | `timestamp` | `format: date-time` and a `pattern` for the RFC 3339 grammar, calendar included |
//! | `range` | `minimum`/`maximum` |
//! | `each(...)` | the rules inside `items` |
//! | `nested` | the field's type is described by its own schema, reached by `$ref` into `$defs` |
//! | `required` | the key is in `required` and `null` is refused |
//! | `metadata` | `x-customer-rules` (byte limit); `json_string` adds `contentMediaType` |
//! | `bytes`, `custom`, `check` | `x-customer-rules` |
//!
//! What JSON Schema cannot say is never dropped: it goes into the `x-customer-rules` keyword (an
//! array of `{"rule": NAME, ...options}`) and a sentence of the `description`. `email` and
//! `url` are listed there too, since `format` is only an annotation for most validators and
//! their patterns do not say everything.

mod keywords;
mod types;
mod union;

use schemars::{Schema, SchemaGenerator};
use serde_json::{Map, Value};

pub use keywords::{
    bound, bytes, check, country, custom, each, email, length, locale, locale_pattern, metadata,
    one_of, pattern, pattern_unsupported, phone, phone_pattern, range, runtime_bound,
    short_locale_pattern, timestamp, url, TIMESTAMP_PATTERN, URL_PATTERN,
};
pub use types::{
    generator, generic_name, shapes, string_enum, tuple, unit, unvalidated_model, Object, Probe,
    UnvalidatedViaAnything, UnvalidatedViaJsonSchema, UnvalidatedViaModel, ViaAnything,
    ViaJsonSchema,
};
pub use union::{Content, Tagging, Union};

/// The keyword that carries the rules JSON Schema cannot state exactly.
pub const RULES_KEYWORD: &str = "x-customer-rules";

/// What kind of JSON value a schema describes, to pick the length keywords.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
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
fn kind(schema: &Value, generator: &SchemaGenerator, depth: usize) -> Kind {
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
pub fn add(schema: &mut Schema, key: &str, value: Value) {
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
pub fn note(schema: &mut Schema, rule: Value, sentence: &str) {
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
