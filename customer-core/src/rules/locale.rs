//! `locale`: an RFC 5646 well-formed language tag (the whole grammar); `locale(short)`:
//! language(-Script)(-REGION) only. Code `locale`.
//!
//! Both are single passes over the bytes, case-insensitive, allocating nothing.
//!
//! "Well-formed" is what RFC 5646 section 2.2.9 defines: the tag matches the ABNF of section
//! 2.1. Repeated variants (`de-1901-1901`) or repeated extension singletons
//! (`ar-a-aaa-b-bbb-a-ccc`) break the MUSTs of sections 2.2.5 and 2.2.6, but section 2.2.9 lists
//! them among the conditions for a *valid* tag, which also needs the IANA registry; they are
//! well-formed and therefore accepted here. (ECMA-402's "structurally valid" adds those two
//! checks on top of well-formedness for the same reason.)

use super::Text;
use crate::error::RuleError;

/// The grandfathered tags of RFC 5646 section 2.1 (`irregular` then `regular`), matched
/// case-insensitively as whole tags.
pub const GRANDFATHERED: [&str; 26] = [
    "en-GB-oed",
    "i-ami",
    "i-bnn",
    "i-default",
    "i-enochian",
    "i-hak",
    "i-klingon",
    "i-lux",
    "i-mingo",
    "i-navajo",
    "i-pwn",
    "i-tao",
    "i-tay",
    "i-tsu",
    "sgn-BE-FR",
    "sgn-BE-NL",
    "sgn-CH-DE",
    "art-lojban",
    "cel-gaulish",
    "no-bok",
    "no-nyn",
    "zh-guoyu",
    "zh-hakka",
    "zh-min",
    "zh-min-nan",
    "zh-xiang",
];

/// Checks that `value` is a well-formed RFC 5646 language tag.
#[inline]
pub fn check<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    if is_well_formed(value.text()) {
        Ok(())
    } else {
        Err(error())
    }
}

/// Checks that `value` is a short BCP 47 tag: language(-Script)(-REGION).
#[inline]
pub fn check_short<T: Text + ?Sized>(value: &T) -> Result<(), RuleError> {
    if is_short(value.text()) {
        Ok(())
    } else {
        Err(short_error())
    }
}

#[cold]
fn error() -> RuleError {
    RuleError::new(
        crate::codes::LOCALE,
        "must be a well-formed language tag (RFC 5646)",
    )
}

#[cold]
fn short_error() -> RuleError {
    RuleError::new(
        crate::codes::LOCALE,
        "must be a language tag of the form language(-Script)(-REGION), such as `en` or `en-US`",
    )
}

/// `true` when `tag` is a well-formed RFC 5646 language tag: a `langtag`, a private-use tag
/// (`x-…`) or one of the 26 grandfathered tags, in any case.
#[must_use]
pub fn is_well_formed(tag: &str) -> bool {
    is_language_region(tag.as_bytes())
        || langtag_or_private(tag.as_bytes())
        || is_grandfathered(tag)
}

/// `true` for the tags met most, `en` and `en-US` (two letters, then maybe `-` and two
/// letters: a language and a region), which are well-formed and not grandfathered, without
/// the walk of the whole grammar; `false` for any other tag, which the walk then decides.
#[inline(always)]
fn is_language_region(tag: &[u8]) -> bool {
    match *tag {
        [a, b] => a.is_ascii_alphabetic() && b.is_ascii_alphabetic(),
        [a, b, b'-', c, d] => {
            a.is_ascii_alphabetic()
                && b.is_ascii_alphabetic()
                && c.is_ascii_alphabetic()
                && d.is_ascii_alphabetic()
        }
        _ => false,
    }
}

/// `true` when `tag` is `language(-Script)(-REGION)`: 2–3 letters, then optionally 4 letters,
/// then optionally 2 letters or 3 digits (`en`, `en-US`, `zh-Hant-TW`, `es-419`), in any case.
#[must_use]
pub fn is_short(tag: &str) -> bool {
    let mut subtags = Subtags::new(tag.as_bytes());
    let Some(language) = subtags.next() else {
        return false;
    };
    if !(matches!(language.len(), 2 | 3) && all_alpha(language)) {
        return false;
    }
    let mut next = subtags.next();
    if let Some(script) = next {
        if script.len() == 4 && all_alpha(script) {
            next = subtags.next();
        }
    }
    if let Some(region) = next {
        if is_region(region) {
            next = subtags.next();
        }
    }
    next.is_none() && subtags.well_split()
}

/// `tag` in the case RFC 5646 section 2.1.1 recommends, which Stripe and Paddle document
/// (`en-US`, `zh-Hant-TW`): the language and every subtag after a singleton (`x-…`, `u-…`) in
/// lower case, a 4-letter script in title case, a 2-letter region in upper case. Case carries no
/// meaning in a language tag, so this is the same tag; only its ASCII letters change case.
///
/// ```
/// use customer_core::rules::locale::canonical_case;
/// assert_eq!(canonical_case("EN-us"), "en-US");
/// assert_eq!(canonical_case("ZH-hant-tw"), "zh-Hant-TW");
/// assert_eq!(canonical_case("es-419"), "es-419");
/// assert_eq!(canonical_case("EN-us-X-Twain-AB"), "en-US-x-twain-ab");
/// ```
#[must_use]
pub fn canonical_case(tag: &str) -> String {
    let mut out = String::with_capacity(tag.len());
    let mut after_singleton = false;
    for (i, subtag) in tag.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        let lower = subtag.to_ascii_lowercase();
        if i == 0 || after_singleton {
            out.push_str(&lower);
        } else if subtag.len() == 2 {
            out.push_str(&subtag.to_ascii_uppercase());
        } else if subtag.len() == 4 && subtag.bytes().all(|b| b.is_ascii_alphabetic()) {
            let mut chars = lower.chars();
            out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
            out.extend(chars);
        } else {
            out.push_str(&lower);
        }
        if subtag.len() == 1 {
            after_singleton = true;
        }
    }
    out
}

/// `true` when `tag` is one of [`GRANDFATHERED`], ignoring ASCII case.
#[must_use]
pub fn is_grandfathered(tag: &str) -> bool {
    GRANDFATHERED.iter().any(|g| g.eq_ignore_ascii_case(tag))
}

/// The subtags of a tag, split at `-`. An empty subtag (a leading, trailing or doubled `-`, or
/// an empty tag) stops the iteration and marks the split as malformed.
struct Subtags<'a> {
    rest: &'a [u8],
    done: bool,
    malformed: bool,
}

impl<'a> Subtags<'a> {
    fn new(tag: &'a [u8]) -> Self {
        Subtags {
            rest: tag,
            done: false,
            malformed: false,
        }
    }

    /// `true` when every subtag returned so far was 1..=8 ASCII alphanumerics.
    fn well_split(&self) -> bool {
        !self.malformed
    }
}

impl<'a> Iterator for Subtags<'a> {
    type Item = &'a [u8];

    #[inline]
    fn next(&mut self) -> Option<&'a [u8]> {
        if self.done || self.malformed {
            return None;
        }
        let (subtag, rest) = match self.rest.iter().position(|&b| b == b'-') {
            Some(dash) => {
                let (subtag, rest) = self.rest.split_at(dash);
                (subtag, rest.get(1..).unwrap_or_default())
            }
            None => {
                self.done = true;
                (self.rest, &[][..])
            }
        };
        self.rest = rest;
        if subtag.is_empty() || subtag.len() > 8 || !subtag.iter().all(u8::is_ascii_alphanumeric) {
            self.malformed = true;
            return None;
        }
        Some(subtag)
    }
}

#[inline]
fn all_alpha(subtag: &[u8]) -> bool {
    subtag.iter().all(u8::is_ascii_alphabetic)
}

#[inline]
fn is_region(subtag: &[u8]) -> bool {
    (subtag.len() == 2 && all_alpha(subtag))
        || (subtag.len() == 3 && subtag.iter().all(u8::is_ascii_digit))
}

#[inline]
fn is_variant(subtag: &[u8]) -> bool {
    // Subtags are already known to be 1..=8 alphanumerics.
    subtag.len() >= 5 || (subtag.len() == 4 && subtag.first().is_some_and(u8::is_ascii_digit))
}

#[inline]
fn is_private_use_singleton(subtag: &[u8]) -> bool {
    subtag.eq_ignore_ascii_case(b"x")
}

/// `langtag / privateuse` of RFC 5646 section 2.1.
fn langtag_or_private(tag: &[u8]) -> bool {
    let mut subtags = Subtags::new(tag);
    let Some(first) = subtags.next() else {
        return false;
    };
    if is_private_use_singleton(first) {
        return private_use_rest(&mut subtags);
    }

    // language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA; extlang = 3ALPHA *2("-" 3ALPHA)
    if first.len() < 2 || !all_alpha(first) {
        return false;
    }
    let mut next = subtags.next();
    if first.len() <= 3 {
        let mut extlangs = 0;
        while let Some(extlang) = next {
            if extlangs == 3 || extlang.len() != 3 || !all_alpha(extlang) {
                break;
            }
            extlangs += 1;
            next = subtags.next();
        }
    }
    // ["-" script]
    if let Some(script) = next {
        if script.len() == 4 && all_alpha(script) {
            next = subtags.next();
        }
    }
    // ["-" region]
    if let Some(region) = next {
        if is_region(region) {
            next = subtags.next();
        }
    }
    // *("-" variant)
    while let Some(variant) = next {
        if !is_variant(variant) {
            break;
        }
        next = subtags.next();
    }
    // *("-" extension) ["-" privateuse]; extension = singleton 1*("-" (2*8alphanum))
    while let Some(singleton) = next {
        if singleton.len() != 1 {
            return false;
        }
        if is_private_use_singleton(singleton) {
            return private_use_rest(&mut subtags);
        }
        let mut count = 0;
        next = subtags.next();
        while let Some(subtag) = next {
            if subtag.len() < 2 {
                break;
            }
            count += 1;
            next = subtags.next();
        }
        if count == 0 {
            return false;
        }
    }
    subtags.well_split()
}

/// What follows the `x` of `privateuse = "x" 1*("-" (1*8alphanum))`.
fn private_use_rest(subtags: &mut Subtags<'_>) -> bool {
    let count = subtags.by_ref().count();
    count > 0 && subtags.well_split()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk of the whole grammar, without the shortcut.
    fn walked(tag: &[u8]) -> bool {
        langtag_or_private(tag) || std::str::from_utf8(tag).is_ok_and(is_grandfathered)
    }

    #[test]
    fn the_language_region_shortcut_takes_only_what_the_grammar_takes() {
        let mut bytes: Vec<u8> = (b'a'..=b'z').chain(b'A'..=b'Z').collect();
        bytes.extend_from_slice(b"09-_@[`{\x7f");
        bytes.push(0xc3);
        let mut taken = 0;
        for &a in &bytes {
            for &b in &bytes {
                assert_eq!(
                    is_language_region(&[a, b]),
                    walked(&[a, b]),
                    "{a:#x} {b:#x}"
                );
                for &c in &bytes {
                    for &d in &bytes {
                        let tag = [a, b, b'-', c, d];
                        if is_language_region(&tag) {
                            assert!(walked(&tag), "{tag:?}");
                            taken += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(taken, 52usize.pow(4));
        assert!(is_well_formed("en-US") && is_well_formed("zh-Hant-TW"));
        assert!(!is_well_formed("e1-US") && !is_well_formed("en-U1"));
    }
}
