//! Stripe's request bodies are `application/x-www-form-urlencoded` with bracketed keys
//! (`metadata[plan]=pro`, `preferred_locales[0]=nl`, `shipping[address][city]=Utrecht`).
//!
//! Reading: a form becomes the JSON document of the same tree (values are strings; an empty
//! value is `null`, Stripe's "unset"; the integer and boolean parameters are read as numbers
//! and booleans when they parse), so that the form is validated by the same models, with the
//! same violations and the same pointers, as the JSON form. Writing: a JSON value becomes the
//! form, `null` as an empty value.

use std::borrow::Cow;
use std::collections::btree_map::Entry;
use std::collections::BTreeMap;
use std::ops::Range;

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::Value;

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
///
/// The form is read into a tree of its own (text borrowed from the body where it has no
/// escapes), and the JSON text written from it in one pass: the members of each object in
/// byte order of their names, as a `serde_json::Map` keeps them, so that the text (and the
/// order of the violations found in it) is what the form's `serde_json::Value` would print.
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
    let mut root = Members::new();
    let mut ranges = Vec::with_capacity(MAX_DEPTH + 1);
    for (index, pair) in form.split('&').filter(|p| !p.is_empty()).enumerate() {
        if index == MAX_PAIRS {
            return Err(syntax("", "the form has more parameters than Stripe reads"));
        }
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = decode(key)?;
        let value = decode(value)?;
        segments(&key, &mut ranges)?;
        insert(&mut root, &key, &ranges, value)?;
    }
    let mut out = Vec::with_capacity(form.len() + form.len() / 4);
    write_members(&mut out, &root, Under::Root);
    // Only `str`s and ASCII were written.
    String::from_utf8(out).map_err(|_| syntax("", "the form could not be read"))
}

/// A tree node while reading: a value (`None`: empty, Stripe's "unset", written `null`) or
/// the keys under a bracketed name. Arrays are kept as objects of their indices and written
/// as arrays (`write_node`), so that indices may come in any order.
enum Node<'a> {
    Leaf(Option<Cow<'a, str>>),
    Branch(Members<'a>),
}

/// An object's members, in byte order of their names.
type Members<'a> = BTreeMap<Cow<'a, str>, Node<'a>>;

/// `+` is a space; `%XX` a byte; the bytes must be UTF-8. Borrowed when there is nothing to
/// decode.
fn decode(text: &str) -> Result<Cow<'_, str>, Error> {
    if !text.contains(['+', '%']) {
        return Ok(Cow::Borrowed(text));
    }
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|text| Cow::Owned(text.into_owned()))
        .map_err(|_| syntax("", "a form key or value is not UTF-8 once percent-decoded"))
}

/// The segments of `key` as byte ranges into it: `a[b][0]` → `a`, `b`, `0`; `a[]` → `a`, ``
/// (appended).
fn segments(key: &str, ranges: &mut Vec<Range<usize>>) -> Result<(), Error> {
    ranges.clear();
    let name_end = key.find('[').unwrap_or(key.len());
    let name = &key[..name_end];
    if name.is_empty() || name.contains(']') {
        return Err(syntax(
            "",
            "a form key is a parameter name, then `[key]` segments",
        ));
    }
    ranges.push(0..name_end);
    let mut at = name_end;
    while at < key.len() {
        let rest = &key[at..];
        if !rest.starts_with('[') {
            return Err(syntax(
                &pointer(key, ranges),
                "a form key's segments are `[key]`",
            ));
        }
        let Some(end) = rest[1..].find(']') else {
            return Err(syntax(
                &pointer(key, ranges),
                "a form key's `[` is not closed",
            ));
        };
        ranges.push(at + 1..at + 1 + end);
        at += end + 2;
        if ranges.len() > MAX_DEPTH {
            return Err(syntax(&pointer(key, ranges), "a form key nests too deep"));
        }
    }
    Ok(())
}

/// The segment `range` of `key`, borrowed from the body when the key is.
fn piece<'a>(key: &Cow<'a, str>, range: Range<usize>) -> Cow<'a, str> {
    match key {
        Cow::Borrowed(key) => Cow::Borrowed(&key[range]),
        Cow::Owned(key) => Cow::Owned(key[range].to_owned()),
    }
}

/// Puts `value` at the segments `ranges` of `key`: a key given twice, or holding both a value
/// and nested keys, is refused at its pointer.
#[allow(clippy::ptr_arg)] // the `Cow` tells whether the segments can borrow from the body
fn insert<'a>(
    root: &mut Members<'a>,
    key: &Cow<'a, str>,
    ranges: &[Range<usize>],
    value: Cow<'a, str>,
) -> Result<(), Error> {
    let mut object = root;
    let last = ranges.len() - 1;
    for (at, range) in ranges.iter().enumerate() {
        let mut segment = piece(key, range.clone());
        if segment.is_empty() {
            // `a[]`: the next index.
            segment = Cow::Owned(object.len().to_string());
        }
        // The pointer of this key, built only for an error.
        let here = || pointer(key, &ranges[..=at]);
        if at == last {
            return match object.entry(segment) {
                Entry::Occupied(_) => Err(syntax(&here(), "this form key is given more than once")),
                Entry::Vacant(slot) => {
                    slot.insert(Node::Leaf((!value.is_empty()).then_some(value)));
                    Ok(())
                }
            };
        }
        object = match object
            .entry(segment)
            .or_insert_with(|| Node::Branch(Members::new()))
        {
            Node::Branch(inner) => inner,
            Node::Leaf(_) => {
                return Err(syntax(
                    &here(),
                    "this form key has both a value and nested keys",
                ))
            }
        };
    }
    Ok(())
}

/// Where a node is, for how it is written.
#[derive(Clone, Copy, PartialEq)]
enum Under {
    /// The form itself: its members are the parameters; the integer and boolean parameters
    /// are numbers and booleans when they parse, and `metadata` keeps its keys as they are.
    Root,
    /// A parameter's value: an object whose keys are all indices `0..n` is an array.
    Parameter,
    /// Inside `metadata`: objects stay objects, whatever their keys.
    Map,
}

fn write_members(out: &mut Vec<u8>, members: &Members<'_>, under: Under) {
    out.push(b'{');
    for (index, (name, node)) in members.iter().enumerate() {
        if index > 0 {
            out.push(b',');
        }
        write_str(out, name);
        out.push(b':');
        if under != Under::Root {
            write_node(out, node, under);
            continue;
        }
        let name = name.as_ref();
        match node {
            Node::Leaf(Some(text)) if INTEGERS.contains(&name) => match text.parse::<i64>() {
                Ok(number) => out.extend_from_slice(number.to_string().as_bytes()),
                Err(_) => write_str(out, text),
            },
            Node::Leaf(Some(text)) if BOOLEANS.contains(&name) => match text.parse::<bool>() {
                Ok(flag) => out.extend_from_slice(if flag { b"true" } else { b"false" }),
                Err(_) => write_str(out, text),
            },
            _ if MAPS.contains(&name) => write_node(out, node, Under::Map),
            _ => write_node(out, node, Under::Parameter),
        }
    }
    out.push(b'}');
}

fn write_node(out: &mut Vec<u8>, node: &Node<'_>, under: Under) {
    match node {
        Node::Leaf(None) => out.extend_from_slice(b"null"),
        Node::Leaf(Some(text)) => write_str(out, text),
        Node::Branch(members) => match (under == Under::Parameter)
            .then(|| as_array(members))
            .flatten()
        {
            Some(items) => {
                out.push(b'[');
                for (index, item) in items.into_iter().enumerate() {
                    if index > 0 {
                        out.push(b',');
                    }
                    write_node(out, item, under);
                }
                out.push(b']');
            }
            None => write_members(out, members, under),
        },
    }
}

/// The members in index order when their names are exactly the indices `0..n` (written as
/// `i.to_string()` writes them: no sign, no leading zero).
fn as_array<'m, 'a>(members: &'m Members<'a>) -> Option<Vec<&'m Node<'a>>> {
    if members.is_empty() {
        return None;
    }
    let mut items: Vec<Option<&Node<'a>>> = vec![None; members.len()];
    for (name, node) in members {
        let canonical =
            name.bytes().all(|b| b.is_ascii_digit()) && (name.len() == 1 || !name.starts_with('0'));
        let slot = canonical
            .then(|| name.parse::<usize>().ok())
            .flatten()
            .and_then(|index| items.get_mut(index))?;
        *slot = Some(node);
    }
    // The names are distinct and as many as the slots: every slot is filled.
    items.into_iter().collect()
}

/// `text` as a JSON string, escaped as `serde_json` escapes it.
fn write_str(out: &mut Vec<u8>, text: &str) {
    let mut serializer = serde_json::Serializer::new(out);
    // Writing into a `Vec` does not fail.
    let _ = serde::Serializer::serialize_str(&mut serializer, text);
}

/// The pointer of the segments `ranges` of `key`.
fn pointer(key: &str, ranges: &[Range<usize>]) -> String {
    let mut pointer = String::new();
    for range in ranges {
        crate::error::push_key(&mut pointer, &key[range.clone()]);
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

/// The reader before it wrote the JSON text itself (a `serde_json::Value` tree, then its
/// text): the reference the reader is held to.
#[cfg(test)]
mod reference {
    use std::borrow::Cow;

    use percent_encoding::percent_decode_str;
    use serde_json::{Map, Value};

    use super::{syntax, BOOLEANS, INTEGERS, MAPS, MAX_DEPTH, MAX_PAIRS};
    use crate::Error;

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
        finish(&mut root, true);
        serde_json::to_string(&root).map_err(|_| syntax("", "the form could not be read"))
    }

    /// `+` is a space; `%XX` a byte; the bytes must be UTF-8.
    fn decode(text: &str) -> Result<String, Error> {
        let spaced = if text.contains('+') {
            Cow::Owned(text.replace('+', " "))
        } else {
            Cow::Borrowed(text)
        };
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
        // The pointer of this key, built only for an error.
        let here = || pointer(&segments[..=at]);
        if at + 1 == segments.len() {
            if object.contains_key(&key) {
                return Err(syntax(&here(), "this form key is given more than once"));
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
                &here(),
                "this form key has both a value and nested keys",
            )),
        }
    }

    /// Objects whose keys are all indices `0..n` become arrays (but not under `metadata`);
    /// integer and boolean parameters become numbers and booleans when they parse. `root`: `value`
    /// is the whole form (its members are the parameters).
    fn finish(value: &mut Value, root: bool) {
        let Value::Object(object) = value else {
            return;
        };
        for (key, child) in object.iter_mut() {
            let is_map = root && MAPS.contains(&key.as_str());
            if !is_map {
                finish(child, false);
            }
            if root {
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
        if is_array && !root {
            let mut object = std::mem::take(object);
            let items: Vec<Value> = (0..object.len())
                .map(|i| object.remove(&i.to_string()).unwrap_or(Value::Null))
                .collect();
            *value = Value::Array(items);
        }
    }

    fn pointer(segments: &[String]) -> String {
        let mut pointer = String::new();
        for segment in segments {
            crate::error::push_key(&mut pointer, segment);
        }
        pointer
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

    /// A form of pairs drawn from pieces that hit every branch: names, the integer, boolean
    /// and map parameters, indices canonical or not, appends, escapes (of brackets too),
    /// malformed brackets, empty values and duplicates.
    fn form() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let names = prop::sample::select(vec![
            "email",
            "name",
            "metadata",
            "preferred_locales",
            "balance",
            "validate",
            "shipping",
            "a",
            "%5Bx",
            "",
            "b]",
            "n%C3%A9",
        ]);
        let segment = prop::sample::select(vec![
            "[x]", "[y]", "[0]", "[1]", "[2]", "[10]", "[01]", "[+1]", "[]", "%5B0%5D", "%5Bk%5D",
            "[a+b]", "[", "]", "x", "[%FF]", "[%22q]",
        ]);
        let value = prop::sample::select(vec![
            "",
            "v",
            "5",
            "+5",
            "-3",
            "007",
            "9223372036854775808",
            "true",
            "false",
            "x+y",
            "%41",
            "%FF",
            "%0A",
            "%22",
            "%5C",
            "%E2%82%AC",
        ]);
        let pair = (
            names,
            prop::collection::vec(segment, 0..4),
            value,
            any::<bool>(),
        )
            .prop_map(|(name, segments, value, equals)| {
                let value = if equals {
                    format!("={value}")
                } else {
                    String::new()
                };
                format!("{name}{}{value}", segments.concat())
            });
        prop::collection::vec(pair, 0..12).prop_map(|pairs| pairs.join("&"))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]
        /// The reader writes the text the `Value` tree printed, and refuses what it refused,
        /// with the same violation.
        #[test]
        fn reads_as_the_value_tree_did(form in form()) {
            match (to_json(&form), reference::to_json(&form)) {
                (Ok(text), Ok(expected)) => proptest::prop_assert_eq!(text, expected),
                (Err(error), Err(expected)) => {
                    let seen: Vec<_> = error.violations().iter()
                        .map(|v| (v.pointer().to_owned(), v.code().to_owned(), v.to_string()))
                        .collect();
                    let wanted: Vec<_> = expected.violations().iter()
                        .map(|v| (v.pointer().to_owned(), v.code().to_owned(), v.to_string()))
                        .collect();
                    proptest::prop_assert_eq!(seen, wanted);
                }
                (got, expected) => proptest::prop_assert!(
                    false,
                    "{form}: {:?} against {:?}",
                    got.map_err(|e| e.to_string()),
                    expected.map_err(|e| e.to_string())
                ),
            }
        }
    }

    #[test]
    fn reads_the_hostile_forms_as_the_value_tree_did() {
        let mut metadata = String::from("email=jo%40example.com");
        for i in (0..9_000).rev() {
            metadata.push_str(&format!("&metadata[k{i:05}]=v"));
        }
        let mut appended = String::from("email=jo%40example.com");
        for _ in 0..2_800 {
            appended.push_str("&preferred_locales[]=nl");
        }
        let mut reversed = String::from("email=jo%40example.com");
        for i in (0..3_000).rev() {
            reversed.push_str(&format!("&preferred_locales[{i}]=nl"));
        }
        let huge = format!("email=x&preferred_locales[{}]=nl", "9".repeat(1_000));
        for form in [metadata, appended, reversed, huge] {
            assert_eq!(
                to_json(&form).map_err(|e| e.to_string()),
                reference::to_json(&form).map_err(|e| e.to_string())
            );
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
