//! The keywords of each rule: the builders the derive's `JsonSchema` impls call, one per rule
//! (see the table in [the module documentation](super)).

use schemars::{Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use super::edit::{add, kind, note, Kind};
use crate::rules;

/// Bounds as a JSON object of the present ones.
fn bounds(min: Option<usize>, max: Option<usize>) -> Map<String, Value> {
    let mut out = Map::new();
    if let Some(min) = min {
        out.insert("min".into(), min.into());
    }
    if let Some(max) = max {
        out.insert("max".into(), max.into());
    }
    out
}

/// `email`: `format: email`, `maxLength`, an ASCII-only pattern with `ascii`; the grammar is
/// noted in `x-customer-rules`.
pub fn email(schema: &mut Schema, max: usize, ascii: bool, quoted: bool) {
    add(schema, "format", "email".into());
    add(schema, "maxLength", max.into());
    add(schema, "pattern", email_pattern(quoted).into());
    if ascii {
        add(schema, "pattern", "^[\\u0000-\\u007f]*$".into());
    }
    let sentence = if quoted {
        "An email address: a dot-atom or quoted local part (Unicode letters and marks too), `@`, and a host name of two or more labels (IDNA checked); at most 254 bytes; no display names, domain literals or numeric top-level labels."
    } else {
        "An email address: a dot-atom local part (Unicode letters and marks too), `@`, and a host name of two or more labels (IDNA checked); at most 254 bytes; no display names, domain literals or numeric top-level labels."
    };
    note(
        schema,
        json!({"rule": "email", "max": max, "ascii": ascii, "quoted": quoted}),
        sentence,
    );
}

/// The shape of an address the `email` rule takes, as an anchored ECMA-262 pattern: a dot-atom
/// local part (or, with `quoted`, a quoted one), `@`, and a host name of two or more labels, none
/// starting or ending with a hyphen, the last not all digits. `format: email` alone takes
/// `=@t` (one label), `a@1.2.3.4` or `a@[127.0.0.1]`, which the rule refuses. For ASCII it is the
/// rule's grammar but for the lengths; any non-ASCII character passes it where a letter may
/// stand (the rule takes letters, digits and marks only, and checks the domain by IDNA): it
/// refuses nothing the rule takes.
#[must_use]
pub fn email_pattern(quoted: bool) -> String {
    // Local part: RFC 5322 `atext`, or any non-ASCII character.
    let atom = r#"[^\u0000-\u0020"(),.:;<>@\[\\\]\u007f]+"#;
    let dot_atom = format!("{atom}(?:\\.{atom})*");
    let local = if quoted {
        let quoted = r#""(?:[^"\\\u0000-\u0008\u000a-\u001f\u007f]|\\[\u0020-\u007e])*""#;
        format!("(?:{dot_atom}|{quoted})")
    } else {
        dot_atom
    };
    // A label's characters: ASCII letters, digits, `-`, or any non-ASCII character.
    let any = r"[^\u0000-\u002c\u002e\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f]";
    // ... but `-` (first and last).
    let end = r"[^\u0000-\u002f\u003a-\u0040\u005b-\u0060\u007b-\u007f]";
    // ... but a digit (somewhere in the last label), and neither `-` nor a digit.
    let not_digit = r"[^\u0000-\u002c\u002e-\u0040\u005b-\u0060\u007b-\u007f]";
    let letter = r"[^\u0000-\u0040\u005b-\u0060\u007b-\u007f]";
    let label = format!("{end}(?:{any}*{end})?");
    let last = format!(
        "(?:{letter}|{letter}{any}*{end}|{end}{any}*{not_digit}{any}*{end}|{end}{any}*{letter})"
    );
    format!("^{local}@(?:{label}\\.)+{last}$")
}

/// `pattern` and `id`: an ECMA-262 `pattern` the derive wrote from the rule (anchored).
pub fn pattern(schema: &mut Schema, ecma: &str) {
    add(schema, "pattern", ecma.into());
}

/// `pattern` whose expression has no ECMA-262 equivalent (multi-line or Unicode word
/// boundaries): noted in `x-customer-rules` with the expression as written.
pub fn pattern_unsupported(schema: &mut Schema, shown: &str) {
    note(
        schema,
        json!({"rule": "pattern", "pattern": shown}),
        "The whole value matches a regular expression (Rust `regex` syntax) given in `x-customer-rules`.",
    );
}

/// The RFC 5646 `Language-Tag` grammar as an anchored ECMA-262 pattern, case-insensitive by
/// its classes.
#[must_use]
pub fn locale_pattern() -> String {
    let alpha = "[A-Za-z]";
    let alnum = "[A-Za-z0-9]";
    let language = format!("(?:{alpha}{{2,3}}(?:-{alpha}{{3}}){{0,3}}|{alpha}{{4,8}})");
    let script = format!("(?:-{alpha}{{4}})");
    let region = format!("(?:-(?:{alpha}{{2}}|[0-9]{{3}}))");
    let variant = format!("(?:-(?:{alnum}{{5,8}}|[0-9]{alnum}{{3}}))");
    let extension = format!("(?:-[0-9A-WY-Za-wy-z](?:-{alnum}{{2,8}})+)");
    let private = format!("[Xx](?:-{alnum}{{1,8}})+");
    let langtag = format!("{language}{script}?{region}?{variant}*{extension}*(?:-{private})?");
    let grandfathered: Vec<String> = rules::locale::GRANDFATHERED
        .iter()
        .map(|tag| caseless(tag))
        .collect();
    format!("^(?:{langtag}|{private}|{})$", grandfathered.join("|"))
}

/// `locale(short)`: language(-Script)(-REGION) as an anchored pattern.
#[must_use]
pub fn short_locale_pattern() -> String {
    "^[A-Za-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Za-z]{2}|[0-9]{3}))?$".to_owned()
}

/// `text` with every ASCII letter as a two-case class.
fn caseless(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 4);
    for c in text.chars() {
        if c.is_ascii_alphabetic() {
            out.push('[');
            out.push(c.to_ascii_uppercase());
            out.push(c.to_ascii_lowercase());
            out.push(']');
        } else if c == '-' {
            out.push('-');
        } else {
            out.push(c);
        }
    }
    out
}

/// `locale` / `locale(short)`: the grammar as a `pattern`.
pub fn locale(schema: &mut Schema, short: bool) {
    let pattern = if short {
        short_locale_pattern()
    } else {
        locale_pattern()
    };
    add(schema, "pattern", pattern.into());
}

/// `metadata`: noted in `x-customer-rules` (`max_bytes` is `None` when it is an expression,
/// noted by [`runtime_bound`]); `json_string` also says `contentMediaType`.
pub fn metadata(schema: &mut Schema, max_bytes: Option<usize>, json_string: bool) {
    let limit = max_bytes.map_or_else(String::new, |max| format!(", at most {max} bytes"));
    let mut rule = Map::new();
    rule.insert("rule".into(), "metadata".into());
    if let Some(max) = max_bytes {
        rule.insert("max_bytes".into(), max.into());
    }
    if json_string {
        add(schema, "contentMediaType", "application/json".into());
        rule.insert("json_string".into(), true.into());
        note(
            schema,
            Value::Object(rule),
            &format!("A string holding JSON{limit}."),
        );
    } else {
        note(
            schema,
            Value::Object(rule),
            &format!("Any JSON value{limit} as compact JSON."),
        );
    }
}

/// A bound given as an expression (`ctx.name_max`, `MAX_NAME`), known only when validating:
/// noted in `x-customer-rules` as `{"rule": RULE, KEY: "expression", "expression": true}`. The
/// `description` says which bound it is in words: a reader of the schema has no use for the Rust
/// expression, which stays in `x-customer-rules` for tools.
pub fn runtime_bound(schema: &mut Schema, rule: &str, key: &str, expression: &str) {
    let bound = match (rule, key) {
        ("length" | "email", "min") => "minimum length",
        ("length" | "email", "max") => "maximum length",
        ("bytes", "min") => "minimum size in UTF-8 bytes",
        ("bytes", "max") => "maximum size in UTF-8 bytes",
        ("metadata", _) => "maximum size as compact JSON",
        ("range", "min") => "lower bound",
        ("range", "max") => "upper bound",
        _ => "bound",
    };
    note(
        schema,
        json!({"rule": rule, key: expression, "expression": true}),
        &format!("Its {bound} is set when it is validated, not in this schema."),
    );
}

/// `length`: the bounds for strings, arrays or objects, by the kind of `schema`.
pub fn length(
    schema: &mut Schema,
    generator: &SchemaGenerator,
    min: Option<usize>,
    max: Option<usize>,
) {
    let kind = kind(schema.as_value(), generator, 0);
    let pairs: &[(&str, &str)] = match kind {
        Kind::String => &[("minLength", "maxLength")],
        Kind::Array => &[("minItems", "maxItems")],
        Kind::Object => &[("minProperties", "maxProperties")],
        Kind::Unknown => &[
            ("minLength", "maxLength"),
            ("minItems", "maxItems"),
            ("minProperties", "maxProperties"),
        ],
    };
    for (lo, hi) in pairs {
        if let Some(min) = min {
            add(schema, lo, min.into());
        }
        if let Some(max) = max {
            add(schema, hi, max.into());
        }
    }
}

/// `bytes`: noted in `x-customer-rules`.
pub fn bytes(schema: &mut Schema, min: Option<usize>, max: Option<usize>) {
    if min.is_none() && max.is_none() {
        // Both bounds are expressions, noted by `runtime_bound`.
        return;
    }
    let sentence = match (min, max) {
        (Some(min), Some(max)) => format!("Between {min} and {max} bytes in UTF-8."),
        (Some(min), None) => format!("At least {min} bytes in UTF-8."),
        (None, Some(max)) => format!("At most {max} bytes in UTF-8."),
        (None, None) => String::new(),
    };
    let mut rule = bounds(min, max);
    rule.insert("rule".into(), "bytes".into());
    note(schema, Value::Object(rule), &sentence);
}

/// `one_of` and `country`: `enum`, with `null` when the field accepts it.
pub fn one_of(schema: &mut Schema, values: &[&str], nullable: bool) {
    let mut list: Vec<Value> = values.iter().map(|v| Value::from(*v)).collect();
    if nullable {
        list.push(Value::Null);
    }
    add(schema, "enum", Value::Array(list));
}

/// `country`: `enum` of the assigned ISO 3166-1 alpha-2 codes.
pub fn country(schema: &mut Schema, nullable: bool) {
    one_of(schema, &rules::country::ASSIGNED, nullable);
}

/// The E.164 pattern of `phone`: `+`, an assigned calling code, then digits.
#[must_use]
pub fn phone_pattern() -> String {
    let codes: Vec<String> = rules::phone::CALLING_CODES
        .iter()
        .map(ToString::to_string)
        .collect();
    format!("^\\+(?:{})[0-9]+$", codes.join("|"))
}

/// `phone`: the pattern and `maxLength: 16` (`+` and 15 digits).
pub fn phone(schema: &mut Schema) {
    add(schema, "pattern", phone_pattern().into());
    add(schema, "maxLength", (rules::phone::MAX_DIGITS + 1).into());
}

/// A pattern every URL that `url` accepts matches: `http://` or `https://` in any case, then
/// characters RFC 3986 allows.
pub const URL_PATTERN: &str = "^[Hh][Tt][Tt][Pp][Ss]?://[!#-;=?-\\[\\]_a-z~]+$";

/// `url`: `format: uri`, `URL_PATTERN`, and a note for the rest of the grammar.
pub fn url(schema: &mut Schema) {
    add(schema, "format", "uri".into());
    add(schema, "pattern", URL_PATTERN.into());
    note(
        schema,
        json!({"rule": "url"}),
        "An absolute http or https URL (RFC 3986): a host, an optional port up to 65535, valid percent-escapes.",
    );
}

/// The RFC 3339 `date-time` grammar of `timestamp` with its calendar (month lengths, leap
/// years), as an anchored pattern. A leap second is exact in UTC (`23:59:60Z`, `±00:00`); with
/// another offset the pattern takes second 60 at any time, and `format: date-time` narrows it
/// to 23:59:60 UTC shifted by the offset, as the rule does (a pattern would have to list every
/// offset).
pub const TIMESTAMP_PATTERN: &str = concat!(
    "^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])",
    "|[0-9]{4}-(?:0[13-9]|1[0-2])-(?:29|30)",
    "|[0-9]{4}-(?:0[13578]|1[02])-31",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)",
    "[Tt](?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\\.[0-9]+)?",
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])",
    // A leap second: 23:59:60 in UTC; with another offset, at a time `format` checks.
    "|23:59:60(?:\\.[0-9]+)?(?:[Zz]|[+-]00:00)",
    "|(?:[01][0-9]|2[0-3]):[0-5][0-9]:60(?:\\.[0-9]+)?",
    "[+-](?:(?:0[1-9]|1[0-9]|2[0-3]):[0-5][0-9]|00:(?:0[1-9]|[1-5][0-9])))$"
);

/// `timestamp`: `format: date-time` and `TIMESTAMP_PATTERN`.
pub fn timestamp(schema: &mut Schema) {
    add(schema, "format", "date-time".into());
    add(schema, "pattern", TIMESTAMP_PATTERN.into());
}

/// A `range` bound as JSON (a number).
pub fn bound<T: serde::Serialize + ?Sized>(value: &T) -> Option<Value> {
    serde_json::to_value(value).ok().filter(Value::is_number)
}

/// `a < b` for two JSON numbers, exactly for integers.
fn less(a: &serde_json::Number, b: &serde_json::Number) -> Option<bool> {
    if let (Some(a), Some(b)) = (a.as_i64(), b.as_i64()) {
        return Some(a < b);
    }
    if let (Some(a), Some(b)) = (a.as_u64(), b.as_u64()) {
        return Some(a < b);
    }
    // One side only fits i64 (negative), the other only u64 (above i64::MAX).
    if let (Some(_), Some(_)) = (a.as_i64(), b.as_u64()) {
        return Some(true);
    }
    if let (Some(_), Some(_)) = (a.as_u64(), b.as_i64()) {
        return Some(false);
    }
    Some(a.as_f64()? < b.as_f64()?)
}

/// Sets `minimum` / `maximum` to the tighter of the type's own bound and the rule's.
fn tighten(schema: &mut Schema, key: &str, value: Value) {
    let existing = schema.get(key).and_then(Value::as_number).cloned();
    match (existing, value.as_number()) {
        (Some(old), Some(new)) => {
            let new_is_tighter = if key == "minimum" {
                less(&old, new)
            } else {
                less(new, &old)
            };
            match new_is_tighter {
                Some(true) => {
                    schema.insert(key.to_owned(), value);
                }
                Some(false) => {}
                None => add(schema, key, value),
            }
        }
        _ => add(schema, key, value),
    }
}

/// `range`: `minimum` / `maximum` for numeric bounds; other bounds are noted.
pub fn range(schema: &mut Schema, min: Option<Option<Value>>, max: Option<Option<Value>>) {
    let mut unexpressed = Map::new();
    for (key, name, bound) in [("minimum", "min", min), ("maximum", "max", max)] {
        match bound {
            Some(Some(value)) => tighten(schema, key, value),
            Some(None) => {
                unexpressed.insert(name.into(), Value::Bool(true));
            }
            None => {}
        }
    }
    if !unexpressed.is_empty() {
        unexpressed.insert("rule".into(), "range".into());
        note(
            schema,
            Value::Object(unexpressed),
            "Within bounds that are not JSON numbers.",
        );
    }
}

/// `custom = path`: noted in `x-customer-rules` with the function's path; the `description`
/// says that there is such a rule without naming Rust code.
pub fn custom(schema: &mut Schema, function: &str) {
    note(
        schema,
        json!({"rule": "custom", "function": function}),
        "Also checked by a further rule that JSON Schema cannot state.",
    );
}

/// `#[customer(check = path)]` on a container: noted in `x-customer-rules` with the function's
/// path; the `description` says so without naming Rust code.
pub fn check(schema: &mut Schema, function: &str) {
    note(
        schema,
        json!({"rule": "check", "function": function}),
        "The whole object is also checked by a rule across its fields that JSON Schema cannot state.",
    );
}

/// `each(...)`: applies `rules` to the `items` schema of `schema` (created when missing).
pub fn each(schema: &mut Schema, rules: impl FnOnce(&mut Schema)) {
    let obj = schema.ensure_object();
    let mut items = match obj.remove("items") {
        Some(value) => Schema::try_from(value).unwrap_or_default(),
        None => Schema::default(),
    };
    rules(&mut items);
    schema.insert("items".to_owned(), items.to_value());
}
