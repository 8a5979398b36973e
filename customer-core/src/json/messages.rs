//! serde_json's errors as value-free violations: the pointer from the path serde_path_to_error
//! kept, a stable code, and a message in JSON terms that never quotes the value.

use std::borrow::Cow;
use std::cell::RefCell;

use crate::error::{Error, Param, RuleError, ValidationErrors, Violation};

// ---------------------------------------------------------------------------------------------
// The side channel of a parsed newtype's refusal.
//
// A derived newtype's `Deserialize` can only fail through serde's `Error::custom(text)`, and
// serde_json keeps nothing of it but the text. So the newtype's violations (codes, messages,
// params) are left here, on this thread, next to the exact text it failed with
// ([`refused`], called by `__private::de_message`); [`convert`] takes them back when the error it
// converts has that text. Nothing is ever parsed out of a text: a message from any other
// `Deserialize` that reads like a rule's (`... (rule `email`)`), whatever value it quotes, is
// `invalid_value` with a message of its own. The slot is emptied before each read whose error is
// converted ([`forget_refused`]) and by each conversion, so a refusal that serde swallowed (an
// untagged enum trying its next variant), or one read by serde alone (`serde_json::from_str` of
// the newtype) is not found by a later error. Only the failure path touches it.

thread_local! {
    /// The last refusal of a parsed newtype on this thread: its text and its violations.
    static REFUSED: RefCell<Option<(String, ValidationErrors)>> = const { RefCell::new(None) };
}

/// Leaves the violations of a parsed newtype's refusal for [`convert`], under the exact text
/// the newtype passes to serde's `Error::custom`.
#[cold]
pub(crate) fn refused(text: &str, errors: &ValidationErrors) {
    let entry = (text.to_owned(), errors.clone());
    // `try_with`: during the thread's teardown there is no slot, and the error stays serde's.
    let _ = REFUSED.try_with(|slot| *slot.borrow_mut() = Some(entry));
}

/// Empties the slot of [`refused`]: called before a read whose error [`convert`] takes.
#[cold]
pub(crate) fn forget_refused() {
    let _ = REFUSED.try_with(|slot| slot.borrow_mut().take());
}

/// The violations left by [`refused`] when `text` is the text they were left under; the slot is
/// emptied either way.
fn take_refused(text: &str) -> Option<ValidationErrors> {
    let (said, errors) = REFUSED
        .try_with(|slot| slot.borrow_mut().take())
        .ok()
        .flatten()?;
    (said == text && !errors.is_empty()).then_some(errors)
}

/// Turns a serde_json error (with the path where it happened) into a value-free [`Error`].
///
/// The variant of an externally tagged enum is a member of the document, `{"variant": content}`:
/// an error inside the content is at `/variant/...`, and a unit variant's refused content at
/// `/variant`. The path does not say which form the variant was written in; one refusal alone
/// comes from the string form `"variant"`: a variant that carries data written so, which
/// serde_json (from text and from a `Value`) refuses as "invalid type: unit variant" with the
/// variant as the path's last segment. That one stays at the enum's own pointer.
pub(crate) fn convert(error: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let mut pointer = String::new();
    let segments = error.path().iter().count();
    for (at, segment) in error.path().iter().enumerate() {
        use serde_path_to_error::Segment;
        match segment {
            Segment::Seq { index } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Segment::Map { key } => crate::error::push_key(&mut pointer, key),
            Segment::Enum { variant } => {
                if at + 1 < segments || !is_unit_variant_form(error.inner()) {
                    crate::error::push_key(&mut pointer, variant);
                }
            }
            Segment::Unknown => {}
        }
    }
    let inner = error.into_inner();
    if !inner.is_data() {
        return syntax(&inner);
    }
    let full = inner.to_string();
    let text = strip_position(&full);
    if let Some(mut errors) = take_refused(text) {
        // A parsed newtype's refusal: its own violations, at the newtype's place.
        errors.prefix_pointers(&pointer);
        return Error::Invalid(errors);
    }
    let (extra_key, rule) = describe(text);
    if let Some(key) = extra_key {
        // serde_path_to_error already names the key of an unknown or duplicate field, not the
        // key of a missing one.
        let mut segment = String::new();
        crate::error::push_key(&mut segment, &key);
        if !pointer.ends_with(&segment) {
            pointer.push_str(&segment);
        }
    }
    Error::Invalid(ValidationErrors::from(Violation::new(pointer, rule)))
}

/// Whether serde_json refused an enum's variant written as a string (`"variant"`) where the
/// variant carries data: its `VariantAccess` of a unit form says "invalid type: unit variant,
/// expected newtype variant" (or tuple, struct variant).
fn is_unit_variant_form(error: &serde_json::Error) -> bool {
    error.is_data()
        && strip_position(&error.to_string()).starts_with("invalid type: unit variant, expected ")
}

pub(crate) fn syntax(error: &serde_json::Error) -> Error {
    if is_recursion_limit(error) {
        // Well-formed JSON nested past serde_json's limit (128 levels, the same as
        // `path::MAX_DEPTH`): too deep, not malformed. serde_json does not say how far in, so
        // the pointer is the document's.
        let rule = RuleError::new(
            crate::codes::TOO_DEEP,
            "is nested more than {max} levels deep",
        )
        .with_param("max", Param::UInt(u64::from(crate::path::MAX_DEPTH)));
        return Error::Syntax(ValidationErrors::from(Violation::new(String::new(), rule)));
    }
    // One template per kind (not `{what} at ...`), so that each has its own translation; the
    // `what` param stays for clients that read params.
    let (what, template) = match error.classify() {
        serde_json::error::Category::Eof => (
            "the document ends too early",
            "the document ends too early at line {line} column {column}",
        ),
        serde_json::error::Category::Io => (
            "the document could not be read",
            "the document could not be read at line {line} column {column}",
        ),
        // Well-formed, but beyond what a number is read into (`1e400`): not malformed.
        serde_json::error::Category::Syntax if is_number_out_of_range(error) => (
            "a number out of range",
            "a number out of range at line {line} column {column}",
        ),
        _ => (
            "malformed JSON",
            "malformed JSON at line {line} column {column}",
        ),
    };
    let rule = RuleError::new(crate::codes::MALFORMED_JSON, template)
        .with_param("what", Param::Str(Cow::Borrowed(what)))
        .with_param("line", Param::UInt(error.line() as u64))
        .with_param("column", Param::UInt(error.column() as u64));
    Error::Syntax(ValidationErrors::from(Violation::new(String::new(), rule)))
}

/// serde_json's refusal of nesting past its recursion limit: a syntax error by category, told
/// apart by its message only (serde_json does not expose its error codes).
fn is_recursion_limit(error: &serde_json::Error) -> bool {
    error.is_syntax() && error.to_string().starts_with("recursion limit exceeded")
}

/// serde_json's refusal of a number beyond `f64` (`1e400`), told apart by its message.
fn is_number_out_of_range(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("number out of range")
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
        return (
            Some(key),
            RuleError::new(crate::codes::MISSING_FIELD, "is required"),
        );
    }
    if let Some(rest) = text.strip_prefix("unknown field ") {
        let key = between(rest, "`", '`').map(str::to_owned);
        return (
            key,
            RuleError::new(crate::codes::UNKNOWN_FIELD, "is not a field of this object"),
        );
    }
    if let Some(rest) = text.strip_prefix("duplicate field ") {
        let key = between(rest, "`", '`').map(str::to_owned);
        return (
            key,
            RuleError::new(crate::codes::DUPLICATE_FIELD, "appears more than once"),
        );
    }
    if text.starts_with("unknown variant ") {
        let expected = text
            .rsplit_once(", expected ")
            .map(|(_, e)| e.to_owned())
            .unwrap_or_else(|| "no variant".to_owned());
        // serde's English list (`a` or `b`, one of `a`, `b`, `c`) as a plain list for the
        // catalogs of other languages.
        let allowed = expected
            .split('`')
            .skip(1)
            .step_by(2)
            .map(|name| format!("`{name}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let allowed = if allowed.is_empty() {
            expected.clone()
        } else {
            allowed
        };
        return (
            None,
            RuleError::new(crate::codes::ONE_OF, "must be {expected}")
                .with_param("expected", Param::Str(Cow::Owned(expected)))
                .with_param("allowed", Param::Str(Cow::Owned(allowed))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = rest
            .rsplit_once(", expected ")
            .unwrap_or((rest, "another type"));
        return (
            None,
            expected_rule(crate::codes::INVALID_TYPE, expected, json_kind(found)),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        let (found, expected) = rest
            .rsplit_once(", expected ")
            .unwrap_or((rest, "another value"));
        let kind = json_kind(found);
        if let Some((min, max)) = int_range(expected) {
            return (None, whole_number(crate::codes::RANGE, min, max, kind));
        }
        return (
            None,
            RuleError::new(crate::codes::INVALID_VALUE, "is not a valid value")
                .with_param("found", Param::Str(Cow::Borrowed(kind))),
        );
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let expected = rest.rsplit_once(", expected ").map_or("", |(_, e)| e);
        let count = expected
            .split(|c: char| !c.is_ascii_digit())
            .find(|part| !part.is_empty())
            .and_then(|digits| digits.parse::<u64>().ok());
        let rule = match count {
            Some(length) => RuleError::new(
                crate::codes::INVALID_LENGTH,
                "must be an array of {length} elements",
            )
            .with_param("length", Param::UInt(length)),
            None => RuleError::new(
                crate::codes::INVALID_LENGTH,
                "has the wrong number of elements",
            ),
        };
        return (None, rule);
    }
    if text.starts_with("number out of range") {
        return (None, RuleError::new(crate::codes::RANGE, "is out of range"));
    }
    // A custom message from a Deserialize impl we do not know (or one that reads like a parsed
    // newtype's without coming from one): it may quote the value, and it names no code.
    (
        None,
        RuleError::new(crate::codes::INVALID_VALUE, "is not a valid value"),
    )
}

/// The violation of a value that is not what serde's `expected` text asks for, in JSON terms:
/// serde's text names Rust types (`struct Address`, `u8`, `a sequence`), the message does not.
fn expected_rule(code: &'static str, expected: &str, found: &'static str) -> RuleError {
    if let Some((min, max)) = int_range(expected) {
        return whole_number(code, min, max, found);
    }
    let e = expected.trim_start_matches("a ").trim_start_matches("an ");
    let (name, message) = if e.starts_with("struct") || e.starts_with("map") || e == "object" {
        ("object", "must be an object")
    } else if e.starts_with("sequence") || e.starts_with("tuple") || e.starts_with("array") {
        ("array", "must be an array")
    } else if e.contains("string") || e == "character" || e == "char" {
        ("string", "must be a string")
    } else if e == "boolean" || e == "bool" {
        ("boolean", "must be true or false")
    } else if e == "f32" || e == "f64" || e.contains("number") || e.contains("float") {
        ("number", "must be a number")
    } else if e == "unit" || e == "null" {
        ("null", "must be null")
    } else {
        ("another type", "has the wrong type")
    };
    RuleError::new(code, message)
        .with_param("expected", Param::Str(Cow::Borrowed(name)))
        .with_param("found", Param::Str(Cow::Borrowed(found)))
}

/// The bounds of serde's name for an integer type (`u8`, `i64`, ...).
fn int_range(expected: &str) -> Option<(i128, i128)> {
    Some(match expected {
        "u8" => (0, u8::MAX.into()),
        "u16" => (0, u16::MAX.into()),
        "u32" => (0, u32::MAX.into()),
        "u64" | "u128" | "usize" => (0, u64::MAX.into()),
        "i8" => (i8::MIN.into(), i8::MAX.into()),
        "i16" => (i16::MIN.into(), i16::MAX.into()),
        "i32" => (i32::MIN.into(), i32::MAX.into()),
        "i64" | "i128" | "isize" => (i64::MIN.into(), i64::MAX.into()),
        _ => return None,
    })
}

fn whole_number(code: &'static str, min: i128, max: i128, found: &'static str) -> RuleError {
    RuleError::new(code, "must be a whole number from {min} to {max}")
        .with_param("expected", Param::Str(Cow::Borrowed("integer")))
        .with_param("found", Param::Str(Cow::Borrowed(found)))
        .with_param("min", Param::Str(Cow::Owned(min.to_string())))
        .with_param("max", Param::Str(Cow::Owned(max.to_string())))
}

fn json_kind(unexpected: &str) -> &'static str {
    let starts = |p: &str| unexpected.starts_with(p);
    if starts("string") || starts("character") {
        "string"
    } else if starts("integer") || starts("floating point") {
        "number"
    } else if starts("boolean") {
        "boolean"
    } else if starts("sequence") {
        "array"
    } else if starts("map") {
        "object"
    } else if starts("null") || starts("unit") || starts("Option") {
        "null"
    } else {
        "other"
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    enum Paid {
        Cash,
        Card(u8),
        Split(u8, u8),
        Named { n: u8 },
    }

    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Order {
        paid: Vec<Paid>,
    }

    /// An externally tagged variant's name is a member of the document: an error below it is
    /// under it, from text and from a `Value`; the string form of a variant with data is refused
    /// at the enum.
    #[test]
    fn an_externally_tagged_variant_is_a_member() {
        for (json, pointer) in [
            (r#"{"paid": [{"Card": "x"}]}"#, "/paid/0/Card"),
            (
                r#"{"paid": ["Cash", {"Split": [1, "x"]}]}"#,
                "/paid/1/Split/1",
            ),
            (r#"{"paid": [{"Named": {"n": -1}}]}"#, "/paid/0/Named/n"),
            (r#"{"paid": [{"Named": {"m": 1}}]}"#, "/paid/0/Named/n"),
            (r#"{"paid": [{"Cash": 1}]}"#, "/paid/0/Cash"),
            (r#"{"paid": ["Card"]}"#, "/paid/0"),
            (r#"{"paid": ["Named"]}"#, "/paid/0"),
            (r#"{"paid": ["Split"]}"#, "/paid/0"),
        ] {
            let mut de = serde_json::Deserializer::from_str(json);
            let from_text = serde_path_to_error::deserialize::<_, Order>(&mut de).unwrap_err();
            let value: serde_json::Value = serde_json::from_str(json).unwrap();
            let from_value = serde_path_to_error::deserialize::<_, Order>(value).unwrap_err();
            for error in [from_text, from_value] {
                let violations = super::convert(error).into_violations();
                assert_eq!(violations.len(), 1, "{json}");
                assert_eq!(
                    violations.iter().next().unwrap().pointer(),
                    pointer,
                    "{json}"
                );
            }
        }
    }
}
