//! JSON Schema (2020-12) for every model, with feature `schemars`: the derive implements
//! [`schemars::JsonSchema`], so `schemars::schema_for!(T)` and every tool built on schemars get
//! the rules without a second attribute language.
//!
//! The schema follows serde as the model reads JSON (the *deserialize* contract): wire names,
//! `rename_all`, `flatten`, `default` and `Option` (not required; `null` accepted),
//! `deny_unknown_fields` (`additionalProperties: false`), enums by their wire names, newtypes as
//! their inner value with their rules. Each rule adds the keywords below; a keyword that is
//! already present is added again inside `allOf`, so two rules never overwrite each other.
//!
//! | rule | keywords |
//! | --- | --- |
//! | `email` | `format: email`, `maxLength: max`; `ascii` adds an ASCII-only `pattern` |
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

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use crate::rules;

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
/// noted in `x-customer-rules` as `{"rule": RULE, KEY: "expression", "expression": true}`.
pub fn runtime_bound(schema: &mut Schema, rule: &str, key: &str, expression: &str) {
    note(
        schema,
        json!({"rule": rule, key: expression, "expression": true}),
        &format!("The `{key}` of `{rule}` is `{expression}`, known when validating."),
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

/// `url`: `format: uri`, [`URL_PATTERN`], and a note for the rest of the grammar.
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
/// years), as an anchored pattern.
pub const TIMESTAMP_PATTERN: &str = concat!(
    "^(?:[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1[0-9]|2[0-8])",
    "|[0-9]{4}-(?:0[13-9]|1[0-2])-(?:29|30)",
    "|[0-9]{4}-(?:0[13578]|1[02])-31",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)",
    "[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?",
    "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$"
);

/// `timestamp`: `format: date-time` and [`TIMESTAMP_PATTERN`].
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

/// `custom = path`: noted in `x-customer-rules` with the function's path.
pub fn custom(schema: &mut Schema, function: &str) {
    note(
        schema,
        json!({"rule": "custom", "function": function}),
        &format!("Also checked by `{function}`."),
    );
}

/// `#[customer(check = path)]` on a container: noted in `x-customer-rules`.
pub fn check(schema: &mut Schema, function: &str) {
    note(
        schema,
        json!({"rule": "check", "function": function}),
        &format!("The whole value is also checked by `{function}`."),
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

/// The schema of a field's type, dispatched by autoref: a type that implements
/// [`JsonSchema`] gives its own ([`ViaJsonSchema`]), any other type the schema that accepts
/// every value ([`ViaAnything`]). So turning feature `schemars` on (perhaps through another
/// crate of the build) never breaks a model whose field types know nothing of schemars. The
/// derive calls `(&Probe::<T>::NEW).subschema(generator)`.
pub struct Probe<T: ?Sized>(PhantomData<T>);

impl<T: ?Sized> Probe<T> {
    /// The probe for `T`.
    pub const NEW: Self = Probe(PhantomData);
}

/// The [`JsonSchema`] arm of [`Probe`].
pub trait ViaJsonSchema {
    /// The schema to use where the type appears (a `$ref` for named types).
    fn subschema(&self, generator: &mut SchemaGenerator) -> Schema;
    /// The type's own schema, inline (for newtypes and `flatten`).
    fn inline(&self, generator: &mut SchemaGenerator) -> Schema;
}

impl<T: JsonSchema + ?Sized> ViaJsonSchema for Probe<T> {
    fn subschema(&self, generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
    fn inline(&self, generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// The fallback arm of [`Probe`]: any value.
pub trait ViaAnything {
    /// The schema that accepts every value.
    fn subschema(&self, generator: &mut SchemaGenerator) -> Schema;
    /// The schema that accepts every value.
    fn inline(&self, generator: &mut SchemaGenerator) -> Schema;
}

impl<T: ?Sized> ViaAnything for &Probe<T> {
    fn subschema(&self, _: &mut SchemaGenerator) -> Schema {
        Schema::default()
    }
    fn inline(&self, _: &mut SchemaGenerator) -> Schema {
        Schema::default()
    }
}

/// The object schema a struct's properties go into.
pub struct Object {
    properties: Map<String, Value>,
    required: Vec<Value>,
    additional: Option<Value>,
    schema: Schema,
}

impl Object {
    /// An empty object schema with `description` (doc comments).
    #[must_use]
    pub fn new(description: &str) -> Self {
        let mut schema = Schema::default();
        schema.insert("type".into(), "object".into());
        describe(&mut schema, description);
        Object {
            properties: Map::new(),
            required: Vec::new(),
            additional: None,
            schema,
        }
    }

    /// Adds the property `name`.
    pub fn property(&mut self, name: &str, schema: Schema, required: bool) {
        self.properties.insert(name.to_owned(), schema.to_value());
        if required {
            self.required.push(name.into());
        }
    }

    /// Merges a `#[serde(flatten)]` field's schema: its properties, `required` (unless the
    /// field is optional) and `additionalProperties`.
    pub fn flatten(&mut self, generator: &SchemaGenerator, schema: Schema, optional: bool) {
        let mut value = schema.to_value();
        // Follow one `$ref` to the definition.
        if let Some(reference) = value.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap_or_default();
            if let Some(def) = generator.definitions().get(name) {
                value = def.clone();
            }
        }
        let Value::Object(obj) = value else { return };
        if let Some(Value::Object(properties)) = obj.get("properties") {
            for (key, value) in properties {
                self.properties.insert(key.clone(), value.clone());
            }
        }
        if !optional {
            if let Some(Value::Array(required)) = obj.get("required") {
                self.required.extend(required.iter().cloned());
            }
        }
        match obj.get("additionalProperties") {
            Some(Value::Bool(false)) | None => {}
            Some(other) => self.additional = Some(other.clone()),
        }
        if obj.get("type").and_then(Value::as_str) == Some("object")
            && obj.get("properties").is_none()
            && obj.get("additionalProperties").is_none()
        {
            // A map without a value schema: anything goes.
            self.additional = Some(Value::Bool(true));
        }
        if let Some(Value::Array(rules)) = obj.get(RULES_KEYWORD) {
            for rule in rules {
                note(&mut self.schema, rule.clone(), "");
            }
        }
    }

    /// `#[serde(deny_unknown_fields)]`: `additionalProperties: false`.
    pub fn deny_unknown_fields(&mut self) {
        self.additional = Some(Value::Bool(false));
    }

    /// The container's own schema, for `check` notes.
    pub fn schema_mut(&mut self) -> &mut Schema {
        &mut self.schema
    }

    /// The finished schema.
    #[must_use]
    pub fn finish(mut self) -> Schema {
        self.schema
            .insert("properties".into(), Value::Object(self.properties));
        if !self.required.is_empty() {
            self.schema
                .insert("required".into(), Value::Array(self.required));
        }
        if let Some(additional) = self.additional {
            self.schema
                .insert("additionalProperties".into(), additional);
        }
        self.schema
    }
}

/// The schema of a field-less enum: its wire names; with an `other` variant any string, the
/// names given as `examples`.
#[must_use]
pub fn string_enum(description: &str, names: &[&str], open: bool) -> Schema {
    let mut schema = Schema::default();
    schema.insert("type".into(), "string".into());
    let list: Vec<Value> = names.iter().map(|n| Value::from(*n)).collect();
    if open {
        schema.insert("examples".into(), Value::Array(list));
    } else {
        schema.insert("enum".into(), Value::Array(list));
    }
    describe(&mut schema, description);
    schema
}

/// The schema of a tuple struct of several fields: a fixed-length array.
#[must_use]
pub fn tuple(description: &str, items: Vec<Schema>) -> Schema {
    let len = items.len();
    let mut schema = Schema::default();
    schema.insert("type".into(), "array".into());
    schema.insert(
        "prefixItems".into(),
        Value::Array(items.into_iter().map(Schema::to_value).collect()),
    );
    schema.insert("minItems".into(), len.into());
    schema.insert("maxItems".into(), len.into());
    describe(&mut schema, description);
    schema
}

/// The schema of a unit struct: `null`.
#[must_use]
pub fn unit(description: &str) -> Schema {
    let mut schema = Schema::default();
    schema.insert("type".into(), "null".into());
    describe(&mut schema, description);
    schema
}

/// A schema name for a type with generic parameters: `Name_for_A_and_B`.
#[must_use]
pub fn generic_name(base: &'static str, params: &[Cow<'static, str>]) -> Cow<'static, str> {
    if params.is_empty() {
        return Cow::Borrowed(base);
    }
    let params: Vec<&str> = params.iter().map(AsRef::as_ref).collect();
    Cow::Owned(format!("{base}_for_{}", params.join("_and_")))
}

impl<T: JsonSchema> JsonSchema for crate::Patch<T> {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        <Option<T> as JsonSchema>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        Cow::Owned(format!("customer_core::Patch<{}>", T::schema_id()))
    }

    /// Absent, `null` or a value: the value's schema with `null` allowed.
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        <Option<T> as JsonSchema>::json_schema(generator)
    }
}

/// A 2020-12 schema generator describing how models read JSON (the deserialize contract).
#[must_use]
pub fn generator() -> SchemaGenerator {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
}

/// A root schema (2020-12) whose document is any one of `shapes` (`anyOf`), with the `$defs`
/// they reference: what [`crate::providers::Api::json_schema`] returns.
pub fn shapes(title: &str, shapes: impl FnOnce(&mut SchemaGenerator) -> Vec<Schema>) -> Schema {
    let mut generator = generator();
    let options: Vec<Value> = shapes(&mut generator)
        .into_iter()
        .map(Schema::to_value)
        .collect();
    let definitions = generator.take_definitions(true);
    let mut schema = Schema::default();
    schema.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    schema.insert("title".into(), title.into());
    schema.insert("anyOf".into(), Value::Array(options));
    schema.insert("$defs".into(), Value::Object(definitions));
    schema
}
