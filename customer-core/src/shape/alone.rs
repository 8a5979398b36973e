//! Reading one value of the tree alone, for the rules that run on it, where a failure is not
//! reported (the walk already reported the shape errors): straight from the [`Node`], without
//! cloning it into a `serde_json::Value`, and a refusal costs no message.
//!
//! It reads what [`Node::to_value`] then serde_json's `Value` deserializer read: of repeated
//! keys the last one counts, and an object's members come in key order, as `Value` keeps them.

use std::fmt;

use serde::de::{self, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer, Visitor};

use super::Node;

/// Reads `node` into `T` through serde, as [`super::read`] does (objects only where a struct
/// is expected); `None` when it does not read, with nothing reported and no message built.
#[doc(hidden)]
pub fn read_alone<T: DeserializeOwned>(node: &Node) -> Option<T> {
    crate::json::read_strict(NodeDe(node)).0.ok()
}

/// The one error of [`NodeDe`]: the value does not read. Builds no message.
#[derive(Debug)]
struct Refused;

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("does not read")
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    #[inline]
    fn custom<M: fmt::Display>(_: M) -> Self {
        Refused
    }
}

/// A deserializer over a borrowed [`Node`], behaving as serde_json's `Value` deserializer does
/// on the `Value` the node converts to.
#[derive(Clone, Copy)]
struct NodeDe<'n>(&'n Node);

impl<'de> IntoDeserializer<'de, Refused> for NodeDe<'_> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

fn number<'de, V: Visitor<'de>>(n: &serde_json::Number, visitor: V) -> Result<V::Value, Refused> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else if let Some(f) = n.as_f64() {
        visitor.visit_f64(f)
    } else {
        Err(Refused)
    }
}

/// The members of an object as `serde_json::Map` keeps them: the last of repeated keys, in key
/// order.
fn members(members: &[(String, Node)]) -> Vec<(&str, &Node)> {
    let mut kept: Vec<(&str, &Node)> = members.iter().map(|(k, v)| (k.as_str(), v)).collect();
    // A stable sort keeps repeated keys in document order; the last of each run stays.
    kept.sort_by(|a, b| a.0.cmp(b.0));
    let mut out: Vec<(&str, &Node)> = Vec::with_capacity(kept.len());
    for member in kept {
        match out.last_mut() {
            Some(last) if last.0 == member.0 => *last = member,
            _ => out.push(member),
        }
    }
    out
}

struct Seq<'n> {
    items: std::slice::Iter<'n, Node>,
}

impl<'de> de::SeqAccess<'de> for Seq<'_> {
    type Error = Refused;
    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Refused> {
        match self.items.next() {
            Some(item) => seed.deserialize(NodeDe(item)).map(Some),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'n> {
    members: std::vec::IntoIter<(&'n str, &'n Node)>,
    value: Option<&'n Node>,
}

impl<'de> de::MapAccess<'de> for Map<'_> {
    type Error = Refused;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Refused> {
        match self.members.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(Key(key)).map(Some)
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Refused> {
        match self.value.take() {
            Some(value) => seed.deserialize(NodeDe(value)),
            None => Err(Refused),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

fn visit_array<'de, V: Visitor<'de>>(items: &[Node], visitor: V) -> Result<V::Value, Refused> {
    let mut seq = Seq {
        items: items.iter(),
    };
    let value = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(value)
    } else {
        Err(Refused)
    }
}

fn visit_object<'de, V: Visitor<'de>>(
    object: &[(String, Node)],
    visitor: V,
) -> Result<V::Value, Refused> {
    let mut map = Map {
        members: members(object).into_iter(),
        value: None,
    };
    let value = visitor.visit_map(&mut map)?;
    if map.members.len() == 0 {
        Ok(value)
    } else {
        Err(Refused)
    }
}

impl<'de> Deserializer<'de> for NodeDe<'_> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(*b),
            Node::Number(n) => number(n, visitor),
            Node::String(s) => visitor.visit_str(s),
            Node::Array(items) => visit_array(items, visitor),
            Node::Object(object) => visit_object(object, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Node::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        match self.0 {
            Node::String(variant) => visitor.visit_enum(variant.as_str().into_deserializer()),
            Node::Object(object) => {
                let kept = members(object);
                match kept.as_slice() {
                    [(variant, value)] => visitor.visit_enum(Enum { variant, value }),
                    _ => Err(Refused),
                }
            }
            _ => Err(Refused),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Node::Null => visitor.visit_unit(),
            _ => Err(Refused),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Node::Bool(b) => visitor.visit_bool(*b),
            _ => Err(Refused),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Node::String(s) => visitor.visit_str(s),
            _ => Err(Refused),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Node::String(s) => visitor.visit_str(s),
            Node::Array(items) => visit_array(items, visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Node::Array(items) => visit_array(items, visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            Node::Object(object) => visit_object(object, visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        match self.0 {
            Node::Array(items) => visit_array(items, visitor),
            Node::Object(object) => visit_object(object, visitor),
            _ => Err(Refused),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64
    }
}

/// A map key: a string, which numeric keys also read from (as serde_json's `Value` reads them).
struct Key<'n>(&'n str);

impl<'de> Deserializer<'de> for Key<'_> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_str(self.0)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Refused> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        visitor.visit_some(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        match self.0 {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => Err(Refused),
        }
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.0
            .parse()
            .map_err(|_| Refused)
            .and_then(|n| visitor.visit_i64(n))
    }
    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_i64(visitor)
    }
    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.0
            .parse()
            .map_err(|_| Refused)
            .and_then(|n| visitor.visit_u64(n))
    }
    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_u64(visitor)
    }
    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_u64(visitor)
    }

    serde::forward_to_deserialize_any! {
        i128 u128 f32 f64 char str string bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

/// An externally tagged variant with a value: `{"Variant": value}`.
struct Enum<'n> {
    variant: &'n str,
    value: &'n Node,
}

impl<'de, 'n> de::EnumAccess<'de> for Enum<'n> {
    type Error = Refused;
    type Variant = NodeDe<'n>;
    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, NodeDe<'n>), Refused> {
        let variant = seed.deserialize(Key(self.variant))?;
        Ok((variant, NodeDe(self.value)))
    }
}

impl<'de> de::VariantAccess<'de> for NodeDe<'_> {
    type Error = Refused;
    fn unit_variant(self) -> Result<(), Refused> {
        match self.0 {
            Node::Null => Ok(()),
            _ => Err(Refused),
        }
    }
    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, Refused> {
        seed.deserialize(self)
    }
    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Refused> {
        self.deserialize_seq(visitor)
    }
    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Refused> {
        self.deserialize_map(visitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashMap};

    use serde::Deserialize;

    use super::*;

    /// Whatever `T`, the node reads alone exactly when its `Value` reads, to the same value.
    fn same<T: DeserializeOwned + PartialEq + fmt::Debug>(json: &str) {
        let node: Node = serde_json::from_str(json).unwrap();
        let by_value = crate::json::read_value::<T>(node.to_value()).ok();
        assert_eq!(read_alone::<T>(&node), by_value, "{json}");
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Item {
        name: String,
        #[serde(default)]
        count: Option<u32>,
        tags: Vec<String>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        Plain,
        Sized(u8),
        Pair(u8, bool),
        Named { a: i64 },
    }

    #[test]
    fn reads_what_the_value_reads() {
        for json in [
            r#""x""#,
            "1",
            "-1",
            "1.5",
            "null",
            "true",
            "[]",
            "{}",
            r#"["a", "b"]"#,
            r#"{"a": 1}"#,
        ] {
            same::<String>(json);
            same::<u8>(json);
            same::<i64>(json);
            same::<f64>(json);
            same::<bool>(json);
            same::<Option<String>>(json);
            same::<Vec<String>>(json);
            same::<BTreeMap<String, i64>>(json);
            same::<HashMap<u32, i64>>(json);
            same::<Item>(json);
            same::<Kind>(json);
            same::<serde_json::Value>(json);
            same::<(String, String)>(json);
        }
        for json in [
            r#"{"name": "a", "tags": []}"#,
            r#"{"tags": ["x"], "name": "a", "count": 3}"#,
            r#"{"name": "a", "tags": [], "name": "b"}"#,
            r#"{"name": "a", "tags": [1]}"#,
            r#"{"name": "a", "tags": [], "other": 1}"#,
            r#"["a", 1, []]"#,
            r#"{"1": 2, "x": 3}"#,
            r#"{"7": 2, "8": 3, "7": 4}"#,
            r#""plain""#,
            r#"{"sized": 3}"#,
            r#"{"pair": [3, true]}"#,
            r#"{"named": {"a": -4}}"#,
            r#"{"named": {"a": -4}, "plain": null}"#,
            r#"{"plain": null}"#,
        ] {
            same::<Item>(json);
            same::<Kind>(json);
            same::<HashMap<u32, i64>>(json);
            same::<BTreeMap<String, serde_json::Value>>(json);
            same::<serde_json::Value>(json);
        }
    }
}
