//! Metadata between the forms the APIs use (a JSON object, a list of `{key, value}` entries, a
//! string holding JSON), and the conversions the models share (`#[customer(with = ...)]`).

use serde_json::{Map, Value};

/// A string holding JSON → the JSON it holds (validated beforehand by `metadata(json_string)`;
/// a string that does not parse is kept as a JSON string rather than lost).
pub(crate) fn json_text(text: Option<String>) -> Option<Value> {
    text.map(|text| crate::json::from_text(&text).unwrap_or(Value::String(text)))
}

/// A JSON object → the customer's metadata.
pub(crate) fn object_value(object: Option<Map<String, Value>>) -> Option<Value> {
    object.map(Value::Object)
}

/// Metadata as the customer keeps it: `null` is no metadata.
pub(crate) fn non_null(value: Option<Value>) -> Option<Value> {
    value.filter(|v| !v.is_null())
}

/// Metadata as a JSON object: an object as it is; a list of `{key, value}` entries with distinct
/// string keys as the object of those keys. Otherwise the pointer (relative to the metadata) of
/// what stops it and why.
pub(super) fn metadata_object(value: &Value) -> Result<Map<String, Value>, (String, &'static str)> {
    const NOT_OBJECT: &str =
        "{api} metadata is an object of keys and values; this value is not one and is not a list of distinct {key, value} entries";
    match value {
        Value::Object(map) => Ok(map.clone()),
        Value::Array(items) => {
            let mut map = Map::new();
            for (index, item) in items.iter().enumerate() {
                let (key, value) = entry(item).ok_or((format!("/{index}"), NOT_OBJECT))?;
                if map.insert(key.to_owned(), value.clone()).is_some() {
                    return Err((
                        format!("/{index}/key"),
                        "{api} metadata is an object: this key appears more than once",
                    ));
                }
            }
            Ok(map)
        }
        _ => Err((String::new(), NOT_OBJECT)),
    }
}

/// A `{key, value}` entry: exactly those two members, a string key and a scalar value.
pub(super) fn entry(item: &Value) -> Option<(&str, &Value)> {
    let object = item.as_object()?;
    if object.len() != 2 {
        return None;
    }
    let key = object.get("key")?.as_str()?;
    let value = object.get("value")?;
    is_scalar(value).then_some((key, value))
}

fn is_scalar(value: &Value) -> bool {
    matches!(value, Value::String(_) | Value::Number(_) | Value::Bool(_))
}

/// Metadata as a list of `{key, value}` entries: such a list as it is; an object whose values
/// are strings, numbers or booleans as its entries in key order.
pub(super) fn metadata_entries(value: &Value) -> Result<Vec<Value>, (String, &'static str)> {
    const NOT_LIST: &str =
        "{api} metadata is a list of {key, value} entries with string, number or boolean values; this value is not one";
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                if entry(item).is_none() {
                    return Err((format!("/{index}"), NOT_LIST));
                }
            }
            Ok(items.clone())
        }
        Value::Object(map) => map
            .iter()
            .map(|(key, value)| {
                if is_scalar(value) {
                    let mut entry = Map::new();
                    entry.insert("key".to_owned(), Value::String(key.clone()));
                    entry.insert("value".to_owned(), value.clone());
                    Ok(Value::Object(entry))
                } else {
                    let mut pointer = String::new();
                    crate::error::push_key(&mut pointer, key);
                    Err((pointer, NOT_LIST))
                }
            })
            .collect(),
        _ => Err((String::new(), NOT_LIST)),
    }
}
