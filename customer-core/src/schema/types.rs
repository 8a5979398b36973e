//! The schemas of types: a field's type through [`Probe`], structs ([`Object`]), enums,
//! tuples, unit structs, generic names, [`crate::Patch`], and whole documents ([`shapes`]).

use std::borrow::Cow;
use std::marker::PhantomData;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{Map, Value};

use super::edit::{describe, note};
use super::RULES_KEYWORD;

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
        let mut schema = generator.subschema_for::<T>();
        unaltered(&mut schema, generator);
        schema
    }
    fn inline(&self, generator: &mut SchemaGenerator) -> Schema {
        let mut schema = T::json_schema(generator);
        unaltered(&mut schema, generator);
        schema
    }
}

/// Any JSON value as the crate's readers take it without altering it: schemars describes a
/// `serde_json::Value` as any value, but the readers refuse an object with a repeated key (a
/// `Value` would keep the last) and an integer literal beyond 64 bits (a `Value` would round it
/// to a float). The second is a matter of how the number is written, which JSON Schema cannot
/// express (it sees `1e30` and a 31-digit integer literal as one number; the readers take the
/// first as a float): the schema takes any number and says so in its description, rather than
/// refusing floats the readers take. A named definition, recursive through arrays and objects.
struct UnalteredJson;

impl JsonSchema for UnalteredJson {
    fn schema_name() -> Cow<'static, str> {
        "UnalteredJson".into()
    }

    fn schema_id() -> Cow<'static, str> {
        "customer_core::UnalteredJson".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let item = generator.subschema_for::<UnalteredJson>();
        schemars::json_schema!({
            "description": "Any JSON value whose objects repeat no key and whose integers, where \
                written as integers (without a fraction or an exponent), lie between -2^63 and \
                2^64-1: a larger integer literal would be rounded to a float, and is refused. A \
                number written with a fraction or an exponent is read as the nearest float.",
            "anyOf": [
                {"type": ["null", "boolean", "string", "number"]},
                {"type": "array", "items": item.clone()},
                {"type": "object", "additionalProperties": item},
            ]
        })
    }
}

/// Replaces "any value" (`true` or `{}`) wherever `schema` holds a subschema (itself, its
/// properties, `additionalProperties`, `items`, `prefixItems`, `anyOf`/`oneOf`/`allOf`) with a
/// reference to [`UnalteredJson`]: what a `serde_json::Value` or `Map` field takes.
fn unaltered(schema: &mut Schema, generator: &mut SchemaGenerator) {
    fn is_any(value: &Value) -> bool {
        match value {
            Value::Bool(true) => true,
            Value::Object(map) => map.is_empty(),
            _ => false,
        }
    }
    fn walk(value: &mut Value, reference: &Value) {
        if is_any(value) {
            *value = reference.clone();
            return;
        }
        let Value::Object(map) = value else {
            return;
        };
        for key in ["additionalProperties", "items"] {
            if let Some(sub) = map.get_mut(key) {
                walk(sub, reference);
            }
        }
        for key in ["properties", "patternProperties"] {
            if let Some(Value::Object(subs)) = map.get_mut(key) {
                for sub in subs.values_mut() {
                    walk(sub, reference);
                }
            }
        }
        for key in ["prefixItems", "anyOf", "oneOf", "allOf"] {
            if let Some(Value::Array(subs)) = map.get_mut(key) {
                for sub in subs {
                    walk(sub, reference);
                }
            }
        }
    }
    fn holds_any(value: &Value) -> bool {
        if is_any(value) {
            return true;
        }
        let Value::Object(map) = value else {
            return false;
        };
        ["additionalProperties", "items"]
            .iter()
            .filter_map(|key| map.get(*key))
            .any(holds_any)
            || ["properties", "patternProperties"]
                .iter()
                .filter_map(|key| map.get(*key).and_then(Value::as_object))
                .flat_map(Map::values)
                .any(holds_any)
            || ["prefixItems", "anyOf", "oneOf", "allOf"]
                .iter()
                .filter_map(|key| map.get(*key).and_then(Value::as_array))
                .flatten()
                .any(holds_any)
    }
    if !holds_any(schema.as_value()) {
        return;
    }
    let reference = generator.subschema_for::<UnalteredJson>().to_value();
    let mut value = schema.clone().to_value();
    walk(&mut value, &reference);
    if let Ok(replaced) = Schema::try_from(value) {
        *schema = replaced;
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

/// The schema of a field that leaves a model unvalidated (`skip`, `skip_nested`), dispatched by
/// autoref: a model ([`UnvalidatedViaModel`]) is any value, since its rules do not run there;
/// any other type gives its own schema ([`UnvalidatedViaJsonSchema`]) or any value
/// ([`UnvalidatedViaAnything`]). The derive calls `(&&&Probe::<T>::NEW).unvalidated_subschema(g)`.
pub trait UnvalidatedViaModel {
    /// Any value, said in the description.
    fn unvalidated_subschema(&self, generator: &mut SchemaGenerator) -> Schema;
    /// Any value, said in the description.
    fn unvalidated_inline(&self, generator: &mut SchemaGenerator) -> Schema;
}

impl<T: crate::__private::Composite + ?Sized> UnvalidatedViaModel for &&Probe<T> {
    fn unvalidated_subschema(&self, _: &mut SchemaGenerator) -> Schema {
        unvalidated_model()
    }
    fn unvalidated_inline(&self, _: &mut SchemaGenerator) -> Schema {
        unvalidated_model()
    }
}

/// The [`JsonSchema`] arm of [`UnvalidatedViaModel`].
pub trait UnvalidatedViaJsonSchema {
    /// The type's schema, as [`ViaJsonSchema::subschema`].
    fn unvalidated_subschema(&self, generator: &mut SchemaGenerator) -> Schema;
    /// The type's schema, as [`ViaJsonSchema::inline`].
    fn unvalidated_inline(&self, generator: &mut SchemaGenerator) -> Schema;
}

impl<T: JsonSchema + ?Sized> UnvalidatedViaJsonSchema for &Probe<T> {
    fn unvalidated_subschema(&self, generator: &mut SchemaGenerator) -> Schema {
        generator.subschema_for::<T>()
    }
    fn unvalidated_inline(&self, generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// The last arm of [`UnvalidatedViaModel`]: any value.
pub trait UnvalidatedViaAnything {
    /// The schema that accepts every value.
    fn unvalidated_subschema(&self, generator: &mut SchemaGenerator) -> Schema;
    /// The schema that accepts every value.
    fn unvalidated_inline(&self, generator: &mut SchemaGenerator) -> Schema;
}

impl<T: ?Sized> UnvalidatedViaAnything for Probe<T> {
    fn unvalidated_subschema(&self, _: &mut SchemaGenerator) -> Schema {
        Schema::default()
    }
    fn unvalidated_inline(&self, _: &mut SchemaGenerator) -> Schema {
        Schema::default()
    }
}

/// The schema of a field whose model is not validated (`skip_nested`, `skip`, or a type
/// parameter there): any value, so that the schema promises no rule that validation does not run.
#[must_use]
pub fn unvalidated_model() -> Schema {
    let mut schema = Schema::default();
    describe(
        &mut schema,
        "Any value: the rules of this value are not checked here.",
    );
    schema
}

/// The object schema a struct's properties go into.
pub struct Object {
    properties: Map<String, Value>,
    required: Vec<Value>,
    /// Conditions on several keys (a property's aliases), as `allOf`.
    all_of: Vec<Value>,
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
            all_of: Vec::new(),
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

    /// Adds the property `name` read under `aliases` too (`#[serde(alias)]`): the same schema
    /// under each key; one of them `required` when the field is; never two of them, which serde
    /// refuses as a repeated field.
    pub fn property_with_aliases(
        &mut self,
        name: &str,
        aliases: &[&str],
        schema: Schema,
        required: bool,
    ) {
        let keys: Vec<&str> = std::iter::once(name)
            .chain(aliases.iter().copied())
            .collect();
        let value = schema.to_value();
        for key in &keys {
            self.properties.insert((*key).to_owned(), value.clone());
        }
        let each = |set: &[&str]| serde_json::json!({ "required": set });
        if required {
            let any: Vec<Value> = keys.iter().map(|key| each(&[key])).collect();
            self.all_of.push(serde_json::json!({ "anyOf": any }));
        }
        let mut pairs = Vec::new();
        for (i, first) in keys.iter().enumerate() {
            for second in &keys[i + 1..] {
                pairs.push(each(&[first, second]));
            }
        }
        self.all_of
            .push(serde_json::json!({ "not": { "anyOf": pairs } }));
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

    /// The finished schema. An object open to unknown members takes them as
    /// [`UnalteredJson`]: the readers hold an unknown member to I-JSON like every other value
    /// (a repeated key or an integer beyond 64 bits in it is refused, though it is not kept).
    #[must_use]
    pub fn finish(mut self, generator: &mut SchemaGenerator) -> Schema {
        self.schema
            .insert("properties".into(), Value::Object(self.properties));
        if !self.required.is_empty() {
            self.schema
                .insert("required".into(), Value::Array(self.required));
        }
        let additional = self
            .additional
            .unwrap_or_else(|| generator.subschema_for::<UnalteredJson>().to_value());
        self.schema
            .insert("additionalProperties".into(), additional);
        if !self.all_of.is_empty() {
            match self.schema.get_mut("allOf") {
                Some(Value::Array(all)) => all.extend(self.all_of),
                _ => {
                    self.schema
                        .insert("allOf".into(), Value::Array(self.all_of));
                }
            }
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

/// The schema id of a derived type: `module::Name` (with [`generic_name`]'s parameters).
#[must_use]
pub fn generic_id(
    module: &'static str,
    base: &'static str,
    params: &[Cow<'static, str>],
) -> Cow<'static, str> {
    Cow::Owned(format!("{module}::{}", generic_name(base, params)))
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
