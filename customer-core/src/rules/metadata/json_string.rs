//! `metadata(json_string)`: the compact length of the JSON a text holds, counted while
//! serde_json parses it.

use std::fmt;

use super::lengths::{digits_u64, escaped_len, f64_len};

/// The compact length of a JSON text's value, counted while serde_json parses it, saturating.
/// `has_members` is set when some object has two or more members: serde_json's `Value` keeps
/// only the last of duplicate keys, so the count is then an upper bound.
pub(super) struct Counted {
    pub(super) len: usize,
    pub(super) has_members: bool,
}

impl<'de> serde::Deserialize<'de> for Counted {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CountVisitor)
    }
}

pub(super) struct CountVisitor;

impl CountVisitor {
    #[inline]
    fn leaf(len: usize) -> Counted {
        Counted {
            len,
            has_members: false,
        }
    }
}

impl<'de> serde::de::Visitor<'de> for CountVisitor {
    type Value = Counted;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Counted, E> {
        Ok(Self::leaf(if v { 4 } else { 5 }))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Counted, E> {
        Ok(Self::leaf(
            usize::from(v < 0) + digits_u64(v.unsigned_abs()),
        ))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Counted, E> {
        Ok(Self::leaf(digits_u64(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Counted, E> {
        Ok(Self::leaf(f64_len(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Counted, E> {
        Ok(Self::leaf(escaped_len(v).saturating_add(2)))
    }

    fn visit_unit<E>(self) -> Result<Counted, E> {
        Ok(Self::leaf(4))
    }

    fn visit_none<E>(self) -> Result<Counted, E> {
        Ok(Self::leaf(4))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Counted, A::Error> {
        let mut total = Counted {
            len: 2,
            has_members: false,
        };
        let mut first = true;
        while let Some(item) = seq.next_element::<Counted>()? {
            let comma = usize::from(!std::mem::take(&mut first));
            total.len = total.len.saturating_add(item.len).saturating_add(comma);
            total.has_members |= item.has_members;
        }
        Ok(total)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Counted, A::Error> {
        let mut total = Counted {
            len: 2,
            has_members: false,
        };
        let mut members = 0usize;
        while let Some((key, value)) = map.next_entry::<Counted, Counted>()? {
            let comma = usize::from(members > 0);
            members += 1;
            total.len = total
                .len
                .saturating_add(key.len)
                .saturating_add(1)
                .saturating_add(value.len)
                .saturating_add(comma);
            total.has_members |= value.has_members;
        }
        total.has_members |= members >= 2;
        Ok(total)
    }
}
