//! Reading JSON into models with errors that carry a JSON Pointer and never the value.
//!
//! serde's own messages quote the offending value (`invalid type: string "jo@x", expected ...`).
//! They are rewritten here into value-free messages with stable codes before anyone sees them.

use std::borrow::Cow;

use crate::error::{Error, Param, RuleError, ValidationErrors, Violation};

/// Reads `json` into `T`: a syntax error becomes [`Error::Syntax`] at pointer `""`, a shape
/// error [`Error::Invalid`] at the pointer of the offending value. Does not run the rules.
pub fn from_str<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(json);
    finish(serde_path_to_error::deserialize(&mut de), de)
}

/// As [`from_str`], from bytes; bytes that are not UTF-8 are a syntax error.
pub fn from_slice<T: serde::de::DeserializeOwned>(json: &[u8]) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_slice(json);
    finish(serde_path_to_error::deserialize(&mut de), de)
}

/// Reads a `serde_json::Value` into `T`, with the same error treatment as [`from_str`].
pub fn from_value<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(convert)
}

fn finish<'de, T, R: serde_json::de::Read<'de>>(
    result: Result<T, serde_path_to_error::Error<serde_json::Error>>,
    mut de: serde_json::Deserializer<R>,
) -> Result<T, Error> {
    let value = result.map_err(convert)?;
    de.end().map_err(|e| syntax(&e))?;
    Ok(value)
}

/// Turns a serde_json error (with the path where it happened) into a value-free [`Error`].
pub fn convert(error: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let mut pointer = String::new();
    for segment in error.path().iter() {
        use serde_path_to_error::Segment;
        match segment {
            Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    let inner = error.into_inner();
    if !inner.is_data() {
        return syntax(&inner);
    }
    let full = inner.to_string();
    let text = strip_position(&full);
    let (extra_key, rule) = describe(text);
    if let Some(key) = extra_key {
        // serde_path_to_error already names the key of an unknown or duplicate field, not the
        // key of a missing one.
        let segment = format!("/{}", key.replace('~', "~0").replace('/', "~1"));
        if !pointer.ends_with(&segment) {
            pointer.push_str(&segment);
        }
    }
    Error::Invalid(ValidationErrors::from(Violation::new(pointer, rule)))
}

fn syntax(error: &serde_json::Error) -> Error {
    let what = match error.classify() {
        serde_json::error::Category::Eof => "the document ends too early",
        serde_json::error::Category::Io => "the document could not be read",
        _ => "malformed JSON",
    };
    let rule = RuleError::new("malformed_json", "{what} at line {line} column {column}")
        .with_param("what", Param::Str(Cow::Borrowed(what)))
        .with_param("line", Param::UInt(error.line() as u64))
        .with_param("column", Param::UInt(error.column() as u64));
    Error::Syntax(ValidationErrors::from(Violation::new(String::new(), rule)))
}

fn strip_position(text: &str) -> &str {
    match text.rfind(" at line ") {
        Some(at) if text[at..].contains(" column ") => &text[..at],
        _ => text,
    }
}

fn between<'t>(text: &'t str, open: &str, close: char) -> Option<&'t str> {
    let start = text.find(open)? + open.len();
    let end = text[start..].find(close)? + start;
    Some(&text[start..end])
}

/// Maps serde's message formats to a code and a message without the value. A member name that
/// the message mentions (missing or unknown field) is returned to extend the pointer.
fn describe(text: &str) -> (Option<String>, RuleError) {
    if let Some(rest) = text.strip_prefix("missing field ") {
        let key = rest.trim_matches('`').to_owned();
        return (Some(key), RuleError::new("required", "is required"));
    }
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let key = between(rest, "`", '`').map(str::to_owned);
        return (
            key,
            RuleError::new("unknown_field", "is not a field of this object"),
        );
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        let key = between(rest, "`", '`').map(str::to_owned);
        return (
            key,
            RuleError::new("duplicate_field", "appears more than once"),
        );
    }
    if text.starts_with("unknown variant ") {
        let expected = text
            .rsplit_once(", expected ")
            .map(|(_, e)| e.to_owned())
            .unwrap_or_else(|| "no variant".to_owned());
        return (
            None,
            RuleError::new("one_of", "must be {expected}")
                .with_param("expected", Param::Str(Cow::Owned(expected))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .rsplit_once(", expected ")
            .unwrap_or((rest, "another type"));
        return (
            None,
            RuleError::new("invalid_type", "must be {expected}, not {found}")
                .with_param("expected", Param::Str(Cow::Owned(expected.to_owned())))
                .with_param("found", Param::Str(Cow::Borrowed(json_kind(found)))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        let expected = rest
            .rsplit_once(", expected ")
            .map_or("another value", |(_, e)| e);
        return (
            None,
            RuleError::new("invalid_value", "must be {expected}")
                .with_param("expected", Param::Str(Cow::Owned(expected.to_owned()))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let expected = rest
            .rsplit_once(", expected ")
            .map_or("another length", |(_, e)| e);
        return (
            None,
            RuleError::new("invalid_length", "must have {expected}")
                .with_param("expected", Param::Str(Cow::Owned(expected.to_owned()))),
        );
    }
    if text.starts_with("number out of range") {
        return (None, RuleError::new("range", "is out of range"));
    }
    if let Some((message, code)) = crate::__private::parse_de_message(text) {
        // Written by a derived newtype's `Deserialize`: our own value-free message.
        return (None, RuleError::new(code.to_owned(), message.to_owned()));
    }
    // A custom message from a Deserialize impl we do not know: it may quote the value.
    (
        None,
        RuleError::new("invalid_value", "is not a valid value"),
    )
}

fn json_kind(unexpected: &str) -> &'static str {
    let starts = |p: &str| unexpected.starts_with(p);
    if starts("string") || starts("character") {
        "a string"
    } else if starts("integer") || starts("floating point") {
        "a number"
    } else if starts("boolean") {
        "a boolean"
    } else if starts("sequence") {
        "an array"
    } else if starts("map") {
        "an object"
    } else if starts("null") || starts("unit") || starts("Option") {
        "null"
    } else {
        "another type"
    }
}
