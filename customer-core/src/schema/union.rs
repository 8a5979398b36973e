//! The schema of an enum whose variants carry data (and of any enum that serde reads in another
//! representation than a bare string): `oneOf` of its variants, each as its representation puts
//! it on the wire.
//!
//! | representation | a variant with content | a unit variant |
//! | --- | --- | --- |
//! | externally tagged (default) | `{"<name>": content}`, that key alone | `"<name>"`, or `{"<name>": null}` |
//! | internally tagged (`tag = "t"`) | the content's members beside `"t": "<name>"` | `{"t": "<name>"}` |
//! | adjacently tagged (`tag`, `content`) | `{"t": "<name>", "c": content}` | `{"t": "<name>"}`, `"c": null` allowed |
//! | untagged | the content | `null` |
//!
//! The tag is a `const` (an `enum` with the variant's aliases) and a required property; an
//! internally tagged enum also gets an OpenAPI `discriminator` (an annotation JSON Schema
//! validators ignore), with a `mapping` for the variants whose content is a referenced schema.
//! Untagged variants go into `anyOf` (see [`Union::finish`]).

use schemars::{Schema, SchemaGenerator};
use serde_json::{json, Map, Value};

use super::edit::describe;

/// How serde writes the enum's variants (`#[serde(tag, content, untagged)]`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tagging<'a> {
    /// `{"<name>": content}` (serde's default).
    External,
    /// `#[serde(tag = "t")]`: the content's members beside the tag.
    Internal(&'a str),
    /// `#[serde(tag = "t", content = "c")]`.
    Adjacent(&'a str, &'a str),
    /// `#[serde(untagged)]` on the enum: the content alone.
    Untagged,
}

/// What a variant holds, for the place of its content on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Content {
    /// No data.
    Unit,
    /// One value (a newtype variant): internally tagged, its members go beside the tag.
    Newtype,
    /// Named fields: an object.
    Struct,
    /// Two or more values: an array.
    Tuple,
}

/// The schema of an enum whose variants carry data, built variant by variant by the derive.
pub struct Union<'a> {
    tagging: Tagging<'a>,
    schema: Schema,
    deny_unknown_fields: bool,
    tagged: Vec<Value>,
    untagged: Vec<Value>,
    mapping: Map<String, Value>,
    known: Vec<Value>,
    /// serde's `other` variant: any tag reads, so no discriminator can list them.
    open: bool,
}

impl<'a> Union<'a> {
    /// An enum written as `tagging`, with its doc comment; `deny_unknown_fields` is the enum's
    /// `#[serde(deny_unknown_fields)]` (the keys beside the tag and content of an adjacently
    /// tagged enum, the members of its struct variants).
    #[must_use]
    pub fn new(description: &str, tagging: Tagging<'a>, deny_unknown_fields: bool) -> Self {
        let mut schema = Schema::default();
        describe(&mut schema, description);
        Union {
            tagging,
            schema,
            deny_unknown_fields,
            tagged: Vec::new(),
            untagged: Vec::new(),
            mapping: Map::new(),
            known: Vec::new(),
            open: false,
        }
    }

    /// The enum's own schema, for its `check` notes.
    pub fn schema_mut(&mut self) -> &mut Schema {
        &mut self.schema
    }

    /// A variant read by `names` (its wire name, then its aliases), holding `content`
    /// (`Schema::default()` for a unit variant, which is not read). `untagged` is the variant's
    /// own `#[serde(untagged)]`: serde tries it, content alone, when the tagged variants fail.
    pub fn variant(
        &mut self,
        generator: &SchemaGenerator,
        names: &[&str],
        kind: Content,
        content: Schema,
        untagged: bool,
    ) {
        if untagged || self.tagging == Tagging::Untagged {
            let schema = if kind == Content::Unit {
                json!({"type": "null"})
            } else {
                content.to_value()
            };
            self.untagged.push(schema);
            return;
        }
        self.known.extend(names.iter().map(|n| Value::from(*n)));
        let tag = tag_value(names);
        let schema = match self.tagging {
            Tagging::External => external(names, kind, content),
            Tagging::Internal(key) => {
                let (schema, reference) = self.internal(generator, key, tag, kind, content);
                if let Some(reference) = reference {
                    for name in names {
                        self.mapping.insert((*name).to_owned(), reference.clone());
                    }
                }
                schema
            }
            Tagging::Adjacent(key, content_key) => {
                let mut properties = Map::new();
                properties.insert(key.to_owned(), tag);
                let mut required = vec![Value::from(key)];
                if kind == Content::Unit {
                    // serde reads a missing content, or `null`, as the unit.
                    properties.insert(content_key.to_owned(), json!({"type": "null"}));
                } else {
                    properties.insert(content_key.to_owned(), content.to_value());
                    required.push(content_key.into());
                }
                let mut schema = json!({
                    "type": "object",
                    "properties": properties,
                    "required": required,
                });
                if self.deny_unknown_fields {
                    schema["additionalProperties"] = false.into();
                }
                schema
            }
            // Sent to `untagged` above.
            Tagging::Untagged => return,
        };
        self.tagged.push(schema);
    }

    /// serde's `#[serde(other)]` unit variant: any name that names no other variant. Call it
    /// after the other variants.
    pub fn other(&mut self) {
        self.open = true;
        let unknown = json!({"not": {"enum": self.known.clone()}});
        let tag = json!({"type": "string", "not": {"enum": self.known.clone()}});
        let schema = match self.tagging {
            Tagging::External => json!({"oneOf": [
                tag,
                {
                    "type": "object",
                    "minProperties": 1,
                    "maxProperties": 1,
                    "propertyNames": unknown,
                    "additionalProperties": {"type": "null"},
                },
            ]}),
            Tagging::Internal(key) => json!({
                "type": "object",
                "properties": {key: tag},
                "required": [key],
            }),
            Tagging::Adjacent(key, content_key) => {
                let mut schema = json!({
                    "type": "object",
                    "properties": {key: tag, content_key: {"type": "null"}},
                    "required": [key],
                });
                if self.deny_unknown_fields {
                    schema["additionalProperties"] = false.into();
                }
                schema
            }
            // An untagged enum reads no names.
            Tagging::Untagged => return,
        };
        self.tagged.push(schema);
    }

    /// An internally tagged variant: the tag joins the content's members. Returns the schema
    /// and, when the content is a referenced schema kept as a `$ref`, that reference (for the
    /// discriminator's `mapping`).
    fn internal(
        &self,
        generator: &SchemaGenerator,
        key: &str,
        tag: Value,
        kind: Content,
        content: Schema,
    ) -> (Value, Option<Value>) {
        let tag_only = || {
            json!({
                "type": "object",
                "properties": {key: tag.clone()},
                "required": [key],
            })
        };
        match kind {
            Content::Unit => (tag_only(), None),
            Content::Struct => (with_tag(content.to_value(), key, tag.clone()), None),
            Content::Newtype | Content::Tuple => {
                let value = content.to_value();
                let reference = value.get("$ref").and_then(Value::as_str).map(str::to_owned);
                let resolved = reference
                    .as_deref()
                    .and_then(|r| definition(generator, r))
                    .unwrap_or(&value);
                if resolved.get("additionalProperties") == Some(&Value::Bool(false)) {
                    // serde takes the tag out before the content reads its members, so a content
                    // that refuses unknown members still takes the tag: its members and the tag,
                    // inline.
                    (with_tag(resolved.clone(), key, tag), None)
                } else {
                    let schema = json!({"allOf": [value, tag_only()]});
                    (schema, reference.map(Value::from))
                }
            }
        }
    }

    /// The finished schema: `oneOf` of the tagged variants (their tags tell them apart, so
    /// exactly one matches a document serde reads), with the `discriminator` of an internally
    /// tagged enum (not when an `other` variant or untagged variants read any tag, which a
    /// discriminator cannot say). Untagged variants go into `anyOf` instead: serde takes the first that reads,
    /// so two may both match a document (`{"a": 1}` is both `{a}` and `{a, b?}` without
    /// `deny_unknown_fields`), and `oneOf` would refuse what serde accepts. A document an earlier
    /// variant reads but whose rules it breaks is refused by the derive even if a later variant
    /// would take it: this schema accepts it (sound for every accepted document, not exact there).
    #[must_use]
    pub fn finish(mut self) -> Schema {
        let mut options = Vec::new();
        if !self.tagged.is_empty() {
            let closed = self.untagged.is_empty() && !self.open;
            if let (Tagging::Internal(key), true) = (self.tagging, closed) {
                let mut discriminator = json!({"propertyName": key});
                if !self.mapping.is_empty() {
                    discriminator["mapping"] = Value::Object(self.mapping);
                }
                self.schema.insert("discriminator".into(), discriminator);
            }
            if self.untagged.is_empty() {
                self.schema
                    .insert("oneOf".into(), Value::Array(self.tagged));
                return self.schema;
            }
            options.push(json!({"oneOf": self.tagged}));
        }
        options.extend(self.untagged);
        if options.is_empty() {
            // An enum without variants reads nothing.
            self.schema.insert("not".into(), json!({}));
        } else {
            self.schema.insert("anyOf".into(), Value::Array(options));
        }
        self.schema
    }
}

/// The tag's schema: `const` the name, or `enum` the name and its aliases.
fn tag_value(names: &[&str]) -> Value {
    match names {
        [one] => json!({"const": one}),
        _ => json!({"enum": names}),
    }
}

/// An externally tagged variant: `{"<name>": content}` and nothing else (a unit variant: the
/// name as a string, or with `null`).
fn external(names: &[&str], kind: Content, content: Schema) -> Value {
    let content = if kind == Content::Unit {
        json!({"type": "null"})
    } else {
        content.to_value()
    };
    let properties: Map<String, Value> = names
        .iter()
        .map(|name| ((*name).to_owned(), content.clone()))
        .collect();
    let object = if let [one] = names {
        json!({
            "type": "object",
            "properties": properties,
            "required": [one],
            "additionalProperties": false,
        })
    } else {
        json!({
            "type": "object",
            "properties": properties,
            "minProperties": 1,
            "maxProperties": 1,
            "additionalProperties": false,
        })
    };
    if kind == Content::Unit {
        json!({"oneOf": [{"type": "string", "enum": names}, object]})
    } else {
        object
    }
}

/// An object schema with the tag as one more required property.
fn with_tag(mut object: Value, key: &str, tag: Value) -> Value {
    let Some(map) = object.as_object_mut() else {
        return object;
    };
    let properties = map
        .entry("properties")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Some(properties) = properties.as_object_mut() {
        properties.insert(key.to_owned(), tag);
    }
    let required = map
        .entry("required")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Some(required) = required.as_array_mut() {
        required.retain(|k| k != key);
        required.push(key.into());
    }
    map.entry("type").or_insert_with(|| "object".into());
    object
}

/// The definition a `$ref` of `generator` names.
fn definition<'g>(generator: &'g SchemaGenerator, reference: &str) -> Option<&'g Value> {
    let name = reference.rsplit('/').next()?;
    generator.definitions().get(name)
}
