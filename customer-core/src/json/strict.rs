//! The adapter: structs from objects only, at every depth.
//!
//! `Strict` forwards every request to the format, except that a struct is asked for as a map.
//! Its visitors, access objects and seeds wrap whatever they hand on, so every nested value is
//! read through `Strict` too. All wrappers are plain values around the wrapped one: nothing is
//! allocated. Every method is `#[inline]`: without it, `customer-model check` took about 2.5%
//! longer than without the adapter; with it, the same time.
//!
//! It also refuses what would change data without a word, and what breaks I-JSON (RFC 7493)
//! wherever it is, in a member the model drops too (an unknown member's value is read, not
//! skipped): the same document then gets the same answer whether serde skips the member (a plain
//! struct) or buffers it (a struct with a `flatten` field, an enum with data), and a `flatten`
//! map or a `Value` that would keep it:
//! - a repeated key in an object read as a map (a `HashMap`, a `BTreeMap`, a
//!   `serde_json::Value`, the buffer of a `flatten` field or an untagged enum, an unknown
//!   member's value), where the last one would win (I-JSON: names MUST be unique). A struct's
//!   own fields are asked for as identifiers and not kept: serde's derived code refuses a
//!   repeated field itself, so reading a struct sets up nothing to keep keys; the last name is
//!   noted (a store), and only when serde skips its value (an unknown member) is it kept, so
//!   that an unknown member given twice is refused too (a key of a struct read otherwise is kept
//!   after all). The keys of one map are kept while it is read: the first 12, when borrowed
//!   from the text (no escapes), in place (their slots not written before they come), compared
//!   only when a bit of their length and last byte was already seen, without an allocation;
//!   then (or from the first owned key) a hash set, so a map of n keys costs O(n);
//! - an integer literal beyond 64 bits, which reaches a visitor as an `f64`: see
//!   [`super::exact`].

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt;
use std::marker::PhantomData;
use std::mem::MaybeUninit;

use serde::de::{self, DeserializeSeed, Deserializer, Visitor};

/// A [`Deserializer`] that reads a struct only from a map (a JSON object), at every depth.
pub(super) struct Strict<D>(pub(super) D);

/// Forwards `deserialize_*` methods that take only a visitor.
macro_rules! forward_deserialize {
    ($($method:ident)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.0.$method(StrictVisitor::new(visitor))
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Strict<D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier
    }

    /// The second change: a value that is skipped (an unknown field) is read as any value, so
    /// the format's nesting limit applies to it too (serde_json skips ignored values in a loop
    /// with no depth limit: a 200,000-deep array under an unknown key would otherwise pass), and
    /// it is held to what every other value is (I-JSON): a repeated key in it, or an integer
    /// beyond 64 bits, is refused though the value is dropped, as it is where a `flatten` field
    /// buffers the same member or a `Value` keeps it.
    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_unit_struct(name, StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_newtype_struct(name, StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_tuple(len, StrictVisitor::new(visitor))
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_tuple_struct(name, len, StrictVisitor::new(visitor))
    }

    /// The one change: a struct is asked for as a map, so the format refuses an array with
    /// "invalid type: sequence, expected struct X" before reading any of it.
    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(StrictVisitor::structure(visitor))
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0
            .deserialize_enum(name, variants, StrictVisitor::new(visitor))
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// A [`Visitor`] that hands on [`Strict`] deserializers and wrapped access objects. With
/// `MAP_ONLY` (a struct variant, which `VariantAccess` cannot ask for as a map) it also refuses
/// a sequence itself; a constant, so that the wrapper is no bigger than the visitor it wraps.
///
/// `K` says where a map's keys are kept: [`MapKeys`], or [`FieldNames`] when a struct or a
/// struct variant is read (its keys are field names, which serde refuses to see twice itself:
/// only the names of unknown members, whose values serde skips, are kept). A type, not a
/// constant to branch on: each visitor mentions one map access, so that the model's `visit_map`
/// is not instantiated for the other (rustc compiles what a function mentions, dead branches
/// included).
struct StrictVisitor<V, const MAP_ONLY: bool = false, K = MapKeys>(V, PhantomData<K>);

impl<V> StrictVisitor<V> {
    #[inline]
    fn new(visitor: V) -> Self {
        StrictVisitor(visitor, PhantomData)
    }
}

impl<V> StrictVisitor<V, false, FieldNames> {
    #[inline]
    fn structure(visitor: V) -> Self {
        StrictVisitor(visitor, PhantomData)
    }
}

impl<V> StrictVisitor<V, true, FieldNames> {
    #[inline]
    fn map_only(visitor: V) -> Self {
        StrictVisitor(visitor, PhantomData)
    }
}

/// Where the visitor of an object keeps its keys while the object is read.
trait KeysOf {
    /// The keys of one object.
    type Store<'de>: KeyStore<'de>;

    /// The keys of an object about to be read: none yet.
    fn store<'de>() -> Self::Store<'de>;
}

/// The keys of an object read as a map, kept in [`Keys`].
struct MapKeys;

impl KeysOf for MapKeys {
    type Store<'de> = Keys<'de>;

    #[inline]
    fn store<'de>() -> Keys<'de> {
        Keys::new()
    }
}

/// The keys of a struct's object: [`StructKeys`].
struct FieldNames;

impl KeysOf for FieldNames {
    type Store<'de> = StructKeys<'de>;

    #[inline]
    fn store<'de>() -> StructKeys<'de> {
        StructKeys {
            last: None,
            last_owned: None,
            unknown: None,
        }
    }
}

/// Forwards `visit_*` methods that take a plain value.
macro_rules! forward_visit {
    ($($method:ident($ty:ty))*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.0.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>, const MAP_ONLY: bool, K: KeysOf> Visitor<'de>
    for StrictVisitor<V, MAP_ONLY, K>
{
    type Value = V::Value;

    #[inline]
    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(formatter)
    }

    forward_visit! {
        visit_bool(bool)
        visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64) visit_i128(i128)
        visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64) visit_u128(u128)
        visit_f32(f32) visit_char(char)
        visit_str(&str) visit_borrowed_str(&'de str) visit_string(String)
        visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    /// An integer literal beyond 64 bits arrives here: noted, for the reader to look at the
    /// text (see [`super::exact`]).
    #[inline]
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        super::exact::note_f64(v);
        self.0.visit_f64(v)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_unit()
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.0.visit_none()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.0.visit_some(Strict(deserializer))
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.0.visit_newtype_struct(Strict(deserializer))
    }

    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        if MAP_ONLY {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        self.0.visit_seq(StrictSeq(seq))
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        self.0.visit_map(StrictMap {
            map,
            keys: K::store(),
        })
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        self.0.visit_enum(StrictEnum(data))
    }
}

/// A [`DeserializeSeed`] that deserializes from a [`Strict`] deserializer.
struct StrictSeed<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for StrictSeed<S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(Strict(deserializer))
    }
}

/// A [`de::SeqAccess`] whose elements are read through [`Strict`].
struct StrictSeq<A>(A);

impl<'de, A: de::SeqAccess<'de>> de::SeqAccess<'de> for StrictSeq<A> {
    type Error = A::Error;

    #[inline]
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.0.next_element_seed(StrictSeed(seed))
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A [`de::MapAccess`] whose keys and values are read through [`Strict`]; a repeated key of a
/// map is refused (kept in `K`: [`Keys`], or [`StructKeys`] for a struct's).
struct StrictMap<A, K> {
    map: A,
    keys: K,
}

impl<'de, A: de::MapAccess<'de>, S: KeyStore<'de>> de::MapAccess<'de> for StrictMap<A, S> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        self.map.next_key_seed(KeySeed {
            seed,
            keys: &mut self.keys,
        })
    }

    #[inline]
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        self.keys.value(&mut self.map, seed)
    }

    #[inline]
    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Where the keys of one map are kept while it is read.
trait KeyStore<'de> {
    /// Keeps `key`, borrowed from the text; the error of a repeated key when it was already
    /// there.
    fn insert_borrowed<E: de::Error>(&mut self, key: &'de str) -> Result<(), E>;

    /// Keeps `key`; the error of a repeated key when it was already there.
    fn insert<E: de::Error>(&mut self, key: Cow<'de, str>) -> Result<(), E>;

    /// A key read as an identifier (a field name), borrowed from the text.
    fn name_borrowed<E: de::Error>(&mut self, key: &'de str) -> Result<(), E>;

    /// A key read as an identifier, not borrowed (escaped).
    fn name<E: de::Error>(&mut self, key: &str) -> Result<(), E>;

    /// Reads the value of the member whose key was read last.
    fn value<A: de::MapAccess<'de>, T: DeserializeSeed<'de>>(
        &mut self,
        map: &mut A,
        seed: T,
    ) -> Result<T::Value, A::Error>;
}

/// The keys of a struct's map. Its field names are read as identifiers, and serde refuses a
/// repeated field itself: they are not kept, only the last one noted (a store, nothing set up),
/// so that when serde skips its value (an unknown member) that name goes into `unknown`, made
/// then, and a repeat of it is refused (I-JSON: names MUST be unique, whether the model keeps
/// the member or not; a `flatten` field or a `Value` would see the same object). A key read
/// otherwise (a hand-written `Deserialize` that reads a struct's keys as strings) goes into
/// `unknown` too.
struct StructKeys<'de> {
    /// The last field name, when borrowed from the text.
    last: Option<&'de str>,
    /// The last field name, when it was not borrowed (`last` is `None` then).
    last_owned: Option<Box<str>>,
    /// The names of the unknown members (and keys read as strings), from the first one: in
    /// place (a word to set up; nothing allocated for the first few borrowed names).
    unknown: Option<Keys<'de>>,
}

impl<'de> StructKeys<'de> {
    #[cold]
    #[inline(never)]
    fn keys(&mut self) -> &mut Keys<'de> {
        self.unknown.get_or_insert_with(Keys::new)
    }

    /// The last name read is an unknown member's: kept, refused when it was already there.
    #[inline(never)]
    fn skipped<E: de::Error>(&mut self) -> Result<(), E> {
        match self.last {
            Some(key) => self.keys().keep_borrowed(key),
            None => match self.last_owned.take() {
                Some(key) => self.keys().keep(Cow::Owned(key.into_string())),
                None => Ok(()),
            },
        }
    }
}

impl<'de> KeyStore<'de> for StructKeys<'de> {
    #[inline]
    fn insert_borrowed<E: de::Error>(&mut self, key: &'de str) -> Result<(), E> {
        self.keys().keep_borrowed(key)
    }

    #[inline]
    fn insert<E: de::Error>(&mut self, key: Cow<'de, str>) -> Result<(), E> {
        self.keys().keep(key)
    }

    #[inline(always)]
    fn name_borrowed<E: de::Error>(&mut self, key: &'de str) -> Result<(), E> {
        self.last = Some(key);
        Ok(())
    }

    #[cold]
    fn name<E: de::Error>(&mut self, key: &str) -> Result<(), E> {
        self.last = None;
        self.last_owned = Some(key.into());
        Ok(())
    }

    #[inline]
    fn value<A: de::MapAccess<'de>, T: DeserializeSeed<'de>>(
        &mut self,
        map: &mut A,
        seed: T,
    ) -> Result<T::Value, A::Error> {
        map.next_value_seed(FieldSeed { seed, keys: self })
    }
}

/// How many keys of a map are kept inline, borrowed from the text, and compared one by one
/// before they go into a hash set. 12: an object of a provider's document with a few more keys
/// than its model reads (Paddle's customer: 10) stays off the hash set (callgrind, `Api::Paddle`
/// decode of the real notification: 8 keys 25,120 instructions, 12 keys 21,931, 16 keys 22,003,
/// the larger adapter being moved about).
const FEW_KEYS: usize = 12;

/// The keys of one map read so far. Nothing is allocated for a map whose keys are its first
/// [`FEW_KEYS`] and all borrowed from the text (no escapes): they are kept in place, and nothing
/// is written for them before they come (setting up a map's keys is three words). An owned key
/// (escaped, or from a reader that does not borrow), or one more, moves them all into a hash
/// set, so a map of n keys costs O(n).
struct Keys<'de> {
    /// The first keys, borrowed from the text, while `many` is `None`: the first `len` are
    /// written, the rest not (not even set to a placeholder: that was a store of two words per
    /// slot for every map read, most of them never used).
    few: [MaybeUninit<&'de str>; FEW_KEYS],
    /// How many of `few` are written; [`FEW_KEYS`] once the keys are in `many`.
    len: usize,
    /// The [`key_bit`]s of the keys in `few`: a key whose bit is not there is none of them, and
    /// is compared with none.
    bits: u64,
    /// All of the keys, once one was owned or there were more than [`FEW_KEYS`]. Boxed: one
    /// pointer in the adapter of every map.
    #[allow(clippy::box_collection)]
    many: Option<Box<HashSet<Cow<'de, str>>>>,
}

impl<'de> Keys<'de> {
    #[inline(always)]
    fn new() -> Self {
        Keys {
            few: [MaybeUninit::uninit(); FEW_KEYS],
            len: 0,
            bits: 0,
            many: None,
        }
    }

    /// The keys kept in place: the first `len` of `few`.
    #[inline(always)]
    fn few(&self) -> &[&'de str] {
        let len = self.len.min(FEW_KEYS);
        // SAFETY: the first `len` slots of `few` are written (`keep_borrowed` writes slot `len`
        // before it counts it; `len` only grows, to `FEW_KEYS` at most), and `MaybeUninit<T>`
        // has the layout of `T`.
        unsafe { std::slice::from_raw_parts(self.few.as_ptr().cast::<&'de str>(), len) }
    }

    /// Keeps `key`, borrowed from the text; the error of a repeated key when it was already
    /// there. Inlined always: called once per key, it is cheaper than a call.
    #[inline(always)]
    fn keep_borrowed<E: de::Error>(&mut self, key: &'de str) -> Result<(), E> {
        if self.len < FEW_KEYS {
            let bit = key_bit(key);
            if self.bits & bit != 0 && self.few().contains(&key) {
                return Err(repeated(key));
            }
            self.bits |= bit;
            self.few[self.len] = MaybeUninit::new(key);
            self.len += 1;
            return Ok(());
        }
        self.keep(Cow::Borrowed(key))
    }

    /// Keeps `key` in the hash set (made on the first call); the error of a repeated key when
    /// it was already there.
    #[inline(never)]
    fn keep<E: de::Error>(&mut self, key: Cow<'de, str>) -> Result<(), E> {
        if self.many.is_none() {
            let mut many = HashSet::with_capacity(2 * FEW_KEYS);
            many.extend(self.few().iter().map(|&key| Cow::Borrowed(key)));
            self.many = Some(Box::new(many));
        }
        self.len = FEW_KEYS;
        let Some(many) = self.many.as_mut() else {
            return Ok(());
        };
        if many.contains(&key) {
            return Err(repeated(&key));
        }
        many.insert(key);
        Ok(())
    }
}

/// One of 64 bits, picked by a key's length and last byte: two keys with
/// different bits differ, so that the first keys of a map are seldom compared at all.
#[inline(always)]
fn key_bit(key: &str) -> u64 {
    let last = key.as_bytes().last().map_or(0, |&byte| usize::from(byte));
    1 << ((last + (key.len() << 3)) & 63)
}

/// The keys of a map, or of a struct read as one (with a `flatten` field: its field names are
/// kept too, so that a repeated member that the `flatten` field would buffer is refused).
impl<'de> KeyStore<'de> for Keys<'de> {
    #[inline(always)]
    fn insert_borrowed<E: de::Error>(&mut self, key: &'de str) -> Result<(), E> {
        self.keep_borrowed(key)
    }

    #[inline]
    fn insert<E: de::Error>(&mut self, key: Cow<'de, str>) -> Result<(), E> {
        self.keep(key)
    }

    #[inline]
    fn name_borrowed<E: de::Error>(&mut self, key: &'de str) -> Result<(), E> {
        self.keep_borrowed(key)
    }

    #[inline]
    fn name<E: de::Error>(&mut self, key: &str) -> Result<(), E> {
        self.keep(Cow::Owned(key.to_owned()))
    }

    #[inline]
    fn value<A: de::MapAccess<'de>, T: DeserializeSeed<'de>>(
        &mut self,
        map: &mut A,
        seed: T,
    ) -> Result<T::Value, A::Error> {
        map.next_value_seed(StrictSeed(seed))
    }
}

/// The seed of a struct member's value: read through [`Strict`], but that a value serde skips
/// (an unknown member's) has its name kept first ([`StructKeys::skipped`]).
struct FieldSeed<'k, 'de, S> {
    seed: S,
    keys: &'k mut StructKeys<'de>,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for FieldSeed<'_, 'de, S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(FieldDe {
            de: deserializer,
            keys: self.keys,
        })
    }
}

/// The deserializer of a struct member's value: [`Strict`], but for a skipped value.
struct FieldDe<'k, 'de, D> {
    de: D,
    keys: &'k mut StructKeys<'de>,
}

/// Forwards `deserialize_*` methods that take only a visitor to [`Strict`].
macro_rules! forward_strict {
    ($($method:ident)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            Strict(self.de).$method(visitor)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for FieldDe<'_, 'de, D> {
    type Error = D::Error;

    forward_strict! {
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map deserialize_identifier
    }

    /// An unknown member's value: its name is kept, and refused when it was there already.
    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.keys.skipped()?;
        Strict(self.de).deserialize_ignored_any(visitor)
    }

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_unit_struct(name, visitor)
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_newtype_struct(name, visitor)
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_tuple(len, visitor)
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_tuple_struct(name, len, visitor)
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_struct(name, fields, visitor)
    }

    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_enum(name, variants, visitor)
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// The error of a repeated key: the wording of serde's own `duplicate field`, which
/// `messages` turns into `duplicate_field` at the pointer of the repeated member (the key is
/// never part of a message).
#[cold]
fn repeated<E: de::Error>(key: &str) -> E {
    E::custom(format_args!("duplicate field `{key}`"))
}

/// The seed of a map's key: what it reads is kept in the map's [`KeyStore`].
struct KeySeed<'k, S, K> {
    seed: S,
    keys: &'k mut K,
}

impl<'de, S: DeserializeSeed<'de>, K: KeyStore<'de>> DeserializeSeed<'de> for KeySeed<'_, S, K> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        self.seed.deserialize(KeyDe {
            de: deserializer,
            keys: self.keys,
        })
    }
}

/// The deserializer of a map's key. A struct's field name is asked for as an identifier and
/// goes by unwatched (serde refuses a repeated field itself); any other key is kept.
struct KeyDe<'k, D, K> {
    de: D,
    keys: &'k mut K,
}

/// Forwards `deserialize_*` methods that take only a visitor, the key kept.
macro_rules! forward_key {
    ($($method:ident)*) => {$(
        #[inline]
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
            self.de.$method(KeyVisitor {
                inner: visitor,
                keys: self.keys,
            })
        }
    )*};
}

impl<'de, D: Deserializer<'de>, K: KeyStore<'de>> Deserializer<'de> for KeyDe<'_, D, K> {
    type Error = D::Error;

    forward_key! {
        deserialize_any deserialize_bool
        deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
        deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
        deserialize_f32 deserialize_f64 deserialize_char deserialize_str deserialize_string
        deserialize_bytes deserialize_byte_buf deserialize_option deserialize_unit
        deserialize_seq deserialize_map
    }

    /// The key of an object skipped (inside an unknown member's value): kept like any other,
    /// though the value is dropped (see [`Strict::deserialize_ignored_any`]).
    #[inline]
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_any(KeyVisitor {
            inner: visitor,
            keys: self.keys,
        })
    }

    /// A struct's field name: noted, not kept (see [`StructKeys`]); in a map, or a struct
    /// read as one (with a `flatten` field), kept.
    #[inline]
    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.de.deserialize_identifier(NameVisitor {
            inner: visitor,
            keys: self.keys,
        })
    }

    #[inline]
    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_unit_struct(name, visitor)
    }

    #[inline]
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let visitor = KeyVisitor {
            inner: visitor,
            keys: self.keys,
        };
        self.de.deserialize_newtype_struct(name, visitor)
    }

    #[inline]
    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_tuple(len, visitor)
    }

    #[inline]
    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_tuple_struct(name, len, visitor)
    }

    #[inline]
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_struct(name, fields, visitor)
    }

    /// An enum's variant as a key (a map keyed by a field-less enum): not kept (its name is
    /// read as an identifier).
    #[inline]
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        Strict(self.de).deserialize_enum(name, variants, visitor)
    }

    #[inline]
    fn is_human_readable(&self) -> bool {
        self.de.is_human_readable()
    }
}

/// The visitor of a map's key (its content read through [`Strict`]): keeps the key it is given, refuses it when it was there already.
struct KeyVisitor<'k, V, K> {
    inner: V,
    keys: &'k mut K,
}

/// Forwards `visit_*` methods of a key that is not text, kept as its text.
macro_rules! keep_visit {
    ($($method:ident($ty:ty))*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.keys.insert(Cow::Owned(v.to_string()))?;
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>, K: KeyStore<'de>> Visitor<'de> for KeyVisitor<'_, V, K> {
    type Value = V::Value;

    #[inline]
    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    keep_visit! {
        visit_bool(bool)
        visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64) visit_i128(i128)
        visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64) visit_u128(u128)
        visit_f32(f32) visit_f64(f64) visit_char(char)
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.keys.insert_borrowed(v)?;
        self.inner.visit_borrowed_str(v)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.keys.insert(Cow::Owned(v.to_owned()))?;
        self.inner.visit_str(v)
    }

    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.keys.insert(Cow::Owned(v.clone()))?;
        self.inner.visit_string(v)
    }

    #[inline]
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<Self::Value, E> {
        self.keys
            .insert(Cow::Owned(String::from_utf8_lossy(v).into_owned()))?;
        self.inner.visit_borrowed_bytes(v)
    }

    #[inline]
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        self.keys
            .insert(Cow::Owned(String::from_utf8_lossy(v).into_owned()))?;
        self.inner.visit_bytes(v)
    }

    #[inline]
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Self::Value, E> {
        self.keys
            .insert(Cow::Owned(String::from_utf8_lossy(&v).into_owned()))?;
        self.inner.visit_byte_buf(v)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        self.inner.visit_some(KeyDe {
            de: deserializer,
            keys: self.keys,
        })
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        self.inner.visit_newtype_struct(KeyDe {
            de: deserializer,
            keys: self.keys,
        })
    }

    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        StrictVisitor::new(self.inner).visit_seq(seq)
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        StrictVisitor::new(self.inner).visit_map(map)
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        StrictVisitor::new(self.inner).visit_enum(data)
    }
}

/// Forwards `visit_*` methods that take a plain value to the wrapped visitor.
macro_rules! forward_inner {
    ($($method:ident($ty:ty))*) => {$(
        #[inline]
        fn $method<E: de::Error>(self, v: $ty) -> Result<Self::Value, E> {
            self.inner.$method(v)
        }
    )*};
}

/// The visitor of a key read as an identifier: hands it to its [`KeyStore`] (a struct's notes
/// it, a map's keeps it), the rest as [`StrictVisitor`] does.
struct NameVisitor<'k, V, K> {
    inner: V,
    keys: &'k mut K,
}

impl<'de, V: Visitor<'de>, K: KeyStore<'de>> Visitor<'de> for NameVisitor<'_, V, K> {
    type Value = V::Value;

    #[inline]
    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.inner.expecting(formatter)
    }

    #[inline]
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.keys.name_borrowed(v)?;
        self.inner.visit_borrowed_str(v)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.keys.name(v)?;
        self.inner.visit_str(v)
    }

    #[inline]
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        self.keys.name(&v)?;
        self.inner.visit_string(v)
    }

    forward_inner! {
        visit_bool(bool)
        visit_i8(i8) visit_i16(i16) visit_i32(i32) visit_i64(i64) visit_i128(i128)
        visit_u8(u8) visit_u16(u16) visit_u32(u32) visit_u64(u64) visit_u128(u128)
        visit_f32(f32) visit_f64(f64) visit_char(char)
        visit_bytes(&[u8]) visit_borrowed_bytes(&'de [u8]) visit_byte_buf(Vec<u8>)
    }

    #[inline]
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_unit()
    }

    #[inline]
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        self.inner.visit_none()
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        StrictVisitor::new(self.inner).visit_some(deserializer)
    }

    #[inline]
    fn visit_newtype_struct<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        StrictVisitor::new(self.inner).visit_newtype_struct(deserializer)
    }

    #[inline]
    fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        StrictVisitor::new(self.inner).visit_seq(seq)
    }

    #[inline]
    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        StrictVisitor::new(self.inner).visit_map(map)
    }

    #[inline]
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<Self::Value, A::Error> {
        StrictVisitor::new(self.inner).visit_enum(data)
    }
}

/// A [`de::EnumAccess`] whose variant name and content are read through [`Strict`].
struct StrictEnum<A>(A);

impl<'de, A: de::EnumAccess<'de>> de::EnumAccess<'de> for StrictEnum<A> {
    type Error = A::Error;
    type Variant = StrictVariant<A::Variant>;

    #[inline]
    fn variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<(T::Value, Self::Variant), A::Error> {
        let (value, variant) = self.0.variant_seed(StrictSeed(seed))?;
        Ok((value, StrictVariant(variant)))
    }
}

/// A [`de::VariantAccess`] whose content is read through [`Strict`]; a struct variant takes
/// a map only.
struct StrictVariant<A>(A);

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for StrictVariant<A> {
    type Error = A::Error;

    #[inline]
    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    #[inline]
    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, A::Error> {
        self.0.newtype_variant_seed(StrictSeed(seed))
    }

    #[inline]
    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        self.0.tuple_variant(len, StrictVisitor::new(visitor))
    }

    #[inline]
    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.0
            .struct_variant(fields, StrictVisitor::map_only(visitor))
    }
}
