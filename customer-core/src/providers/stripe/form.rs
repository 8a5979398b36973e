//! Stripe's request bodies are `application/x-www-form-urlencoded` with bracketed keys
//! (`metadata[plan]=pro`, `preferred_locales[0]=nl`, `shipping[address][city]=Utrecht`).
//!
//! Reading: a form becomes the JSON document of the same tree (values are strings; an empty
//! value is `null`, Stripe's "unset"; the integer and boolean parameters are read as numbers
//! and booleans when they parse), so that the form is validated by the same models, with the
//! same violations and the same pointers, as the JSON form. Writing: a JSON value becomes the
//! form, `null` as an empty value.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::{Map, Value};

use crate::error::{RuleError, ValidationErrors, Violation};
use crate::Error;

/// What is percent-encoded in a key segment or a value: all but ASCII letters, digits and
/// `-._~` (RFC 3986's unreserved characters).
const ENCODED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Top-level parameters whose values are objects of arbitrary keys: their segments are never
/// array indices (`metadata[0]=x` is the key `"0"`).
const MAPS: [&str; 1] = ["metadata"];
/// Parameters that are integers in Stripe's API.
const INTEGERS: [&str; 2] = ["balance", "next_invoice_sequence"];
/// Parameters that are booleans in Stripe's API.
const BOOLEANS: [&str; 1] = ["validate"];

/// At most this many pairs are read: a body with more is refused (Stripe's own requests have a
/// few dozen).
const MAX_PAIRS: usize = 10_000;
/// At most this many segments in one key.
const MAX_DEPTH: usize = 8;

/// The JSON text of a form body.
pub(super) fn to_json(form: &str) -> Result<String, Error> {
    // A text file's last line break ends the file, not the form; any other raw line break or
    // control character would become part of a value (`name=Jo\n` a name `"Jo\n"`, two forms on
    // two lines one form whose values swallow the line breaks), and no form serializer writes
    // one unencoded.
    let form = form
        .strip_suffix('\n')
        .map_or(form, |f| f.strip_suffix('\r').unwrap_or(f));
    if form.bytes().any(|b| b.is_ascii_control()) {
        return Err(syntax(
            "",
            "a form body holds a raw line break or control character: a form percent-encodes them (`%0A`)",
        ));
    }
    let mut root = Map::new();
    for (index, pair) in form.split('&').filter(|p| !p.is_empty()).enumerate() {
        if index == MAX_PAIRS {
            return Err(syntax("", "the form has more parameters than Stripe reads"));
        }
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(key)?;
        let value = decode(value)?;
        let segments = segments(&key)?;
        insert(&mut root, &segments, value)?;
    }
    let mut root = Value::Object(root);
    finish(&mut root, "");
    serde_json::to_string(&root).map_err(|_| syntax("", "the form could not be read"))
}

/// `+` is a space; `%XX` a byte; the bytes must be UTF-8.
fn decode(text: &str) -> Result<String, Error> {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|text| text.into_owned())
        .map_err(|_| syntax("", "a form key or value is not UTF-8 once percent-decoded"))
}

/// `a[b][0]` → `["a", "b", "0"]`; `a[]` → `["a", ""]` (appended).
fn segments(key: &str) -> Result<Vec<String>, Error> {
    let (name, mut rest) = match key.find('[') {
        Some(at) => key.split_at(at),
        None => (key, ""),
    };
    if name.is_empty() || name.contains(']') {
        return Err(syntax(
            "",
            "a form key is a parameter name, then `[key]` segments",
        ));
    }
    let mut segments = vec![name.to_owned()];
    while !rest.is_empty() {
        let inner = rest
            .strip_prefix('[')
            .ok_or_else(|| syntax(&pointer(&segments), "a form key's segments are `[key]`"))?;
        let end = inner
            .find(']')
            .ok_or_else(|| syntax(&pointer(&segments), "a form key's `[` is not closed"))?;
        segments.push(inner[..end].to_owned());
        rest = &inner[end + 1..];
        if segments.len() > MAX_DEPTH {
            return Err(syntax(&pointer(&segments), "a form key nests too deep"));
        }
    }
    Ok(segments)
}

/// A tree node while reading: arrays are built as objects of their indices and made arrays
/// at the end (`finish`), so that indices may come in any order.
fn insert(
    object: &mut Map<String, Value>,
    segments: &[String],
    value: String,
) -> Result<(), Error> {
    insert_at(object, segments, 0, value)
}

fn insert_at(
    object: &mut Map<String, Value>,
    segments: &[String],
    at: usize,
    value: String,
) -> Result<(), Error> {
    let mut key = segments[at].clone();
    if key.is_empty() {
        // `a[]`: the next index.
        key = object.len().to_string();
    }
    let here = pointer(&segments[..=at]);
    if at + 1 == segments.len() {
        if object.contains_key(&key) {
            return Err(syntax(&here, "this form key is given more than once"));
        }
        let leaf = if value.is_empty() {
            Value::Null
        } else {
            Value::String(value)
        };
        object.insert(key, leaf);
        return Ok(());
    }
    let child = object
        .entry(key)
        .or_insert_with(|| Value::Object(Map::new()));
    match child {
        Value::Object(inner) => insert_at(inner, segments, at + 1, value),
        _ => Err(syntax(
            &here,
            "this form key has both a value and nested keys",
        )),
    }
}

/// Objects whose keys are all indices `0..n` become arrays (but not under `metadata`);
/// integer and boolean parameters become numbers and booleans when they parse.
fn finish(value: &mut Value, pointer_so_far: &str) {
    let Value::Object(object) = value else {
        return;
    };
    for (key, child) in object.iter_mut() {
        let mut child_pointer = pointer_so_far.to_owned();
        crate::error::push_key(&mut child_pointer, key);
        let is_map = pointer_so_far.is_empty() && MAPS.contains(&key.as_str());
        if !is_map {
            finish(child, &child_pointer);
        }
        if pointer_so_far.is_empty() {
            if let Value::String(text) = child {
                if INTEGERS.contains(&key.as_str()) {
                    if let Ok(number) = text.parse::<i64>() {
                        *child = Value::from(number);
                    }
                } else if BOOLEANS.contains(&key.as_str()) {
                    if let Ok(flag) = text.parse::<bool>() {
                        *child = Value::Bool(flag);
                    }
                }
            }
        }
    }
    let is_array =
        !object.is_empty() && (0..object.len()).all(|i| object.contains_key(&i.to_string()));
    if is_array && !pointer_so_far.is_empty() {
        let mut object = std::mem::take(object);
        let items: Vec<Value> = (0..object.len())
            .map(|i| object.remove(&i.to_string()).unwrap_or(Value::Null))
            .collect();
        *value = Value::Array(items);
    }
}

/// The pointer of a key's segments.
fn pointer(segments: &[String]) -> String {
    let mut pointer = String::new();
    for segment in segments {
        crate::error::push_key(&mut pointer, segment);
    }
    pointer
}

fn syntax(pointer: &str, message: &'static str) -> Error {
    Error::Syntax(ValidationErrors::from(Violation::new(
        pointer,
        RuleError::new(crate::codes::INVALID_FORM, message),
    )))
}

/// The form body of a JSON value (an object): nested objects as `[key]` segments, arrays as
/// `[index]`, `null` as an empty value (Stripe's "unset"), an empty array as `key=` (cleared).
pub(super) fn from_json(value: &Value) -> String {
    let mut out = String::new();
    if let Value::Object(object) = value {
        for (key, child) in object {
            write(&mut out, &encode(key), child);
        }
    }
    out
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, ENCODED).to_string()
}

fn write(out: &mut String, key: &str, value: &Value) {
    let mut pair = |text: &str| {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(key);
        out.push('=');
        out.push_str(&encode(text));
    };
    match value {
        Value::Null => pair(""),
        Value::Bool(flag) => pair(if *flag { "true" } else { "false" }),
        Value::Number(number) => pair(&number.to_string()),
        Value::String(text) => pair(text),
        Value::Array(items) if items.is_empty() => pair(""),
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                write(out, &format!("{key}[{index}]"), item);
            }
        }
        Value::Object(object) => {
            for (name, child) in object {
                write(out, &format!("{key}[{}]", encode(name)), child);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_brackets_indices_and_escapes() {
        let json = to_json(
            "email=jo%40example.com&name=Jo+Brown&metadata[plan]=pro&metadata[0]=x\
             &preferred_locales[1]=en&preferred_locales[0]=nl&balance=-5&validate=true\
             &shipping%5Baddress%5D%5Bcity%5D=Utrecht&description=",
        )
        .unwrap();
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            value,
            json!({
                "email": "jo@example.com", "name": "Jo Brown",
                "metadata": {"plan": "pro", "0": "x"},
                "preferred_locales": ["nl", "en"], "balance": -5, "validate": true,
                "shipping": {"address": {"city": "Utrecht"}}, "description": null
            })
        );
    }

    #[test]
    fn refuses_what_is_not_a_tree() {
        for (form, pointer) in [
            ("name=a&name=b", "/name"),
            ("shipping=a&shipping[name]=b", "/shipping"),
            ("metadata[a=1", "/metadata"),
            ("[a]=1", ""),
            ("name=%FF", ""),
        ] {
            let error = to_json(form).unwrap_err();
            assert!(matches!(error, Error::Syntax(_)), "{form}");
            let first = error.violations().iter().next().unwrap();
            assert_eq!(first.pointer(), pointer, "{form}");
            assert_eq!(first.code(), "invalid_form");
        }
    }

    #[test]
    fn writes_what_it_reads() {
        let value = json!({
            "email": "jo+1@example.com", "name": "Jo Brown",
            "metadata": {"a b": "c&d=e", "0": "1"},
            "preferred_locales": ["nl", "en"], "description": null,
            "shipping": {"name": "Jo", "address": {"line1": "Straat 1"}}
        });
        let form = from_json(&value);
        assert!(form.contains("preferred_locales[0]=nl"), "{form}");
        assert!(form.contains("metadata[a%20b]=c%26d%3De"), "{form}");
        let back: Value = serde_json::from_str(&to_json(&form).unwrap()).unwrap();
        assert_eq!(back, value);
    }
}
