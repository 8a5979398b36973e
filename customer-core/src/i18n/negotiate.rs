//! `Accept-Language` (RFC 9110 §12.5.4): the languages a client names, by quality value, matched
//! against a catalog's with Fluent's negotiation (`fluent-langneg`).

use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use unic_langid::LanguageIdentifier;

/// At most this many languages of one header are read: a header is the client's, its length is
/// not.
const MAX_RANGES: usize = 32;
/// A range longer than this is skipped unread: RFC 5646 §4.4.1 asks that tags of up to 35
/// characters be supported, and no language a catalog holds needs more, so a client's 64 KiB
/// "tag" costs a length check, not a parse.
const MAX_TAG_BYTES: usize = 64;

/// The languages of an `Accept-Language` value, highest quality value first (a stable sort: the
/// header's order among equals), without those of `q=0`, `*` and what is not a language tag.
pub(super) fn requested(header: &str) -> Vec<LanguageIdentifier> {
    let mut ranges: Vec<(u16, LanguageIdentifier)> = Vec::new();
    for item in header.split(',').take(MAX_RANGES) {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        if tag.is_empty() || tag == "*" || tag.len() > MAX_TAG_BYTES {
            continue;
        }
        let mut quality = 1000;
        for param in parts {
            if let Some((name, value)) = param.split_once('=') {
                if name.trim().eq_ignore_ascii_case("q") {
                    quality = parse_quality(value.trim()).unwrap_or(0);
                }
            }
        }
        if quality == 0 {
            continue;
        }
        if let Ok(id) = tag.parse::<LanguageIdentifier>() {
            ranges.push((quality, id));
        }
    }
    ranges.sort_by_key(|(quality, _)| std::cmp::Reverse(*quality));
    ranges.into_iter().map(|(_, id)| id).collect()
}

/// A quality value in thousandths: `0`, `0.5`, `1`, `1.000`; `None` for anything else.
fn parse_quality(text: &str) -> Option<u16> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// The index in `available` of the best language for `header`; `None` when none matches.
pub(super) fn best(header: &str, available: &[&LanguageIdentifier]) -> Option<usize> {
    let requested = requested(header);
    for wanted in &requested {
        let found = negotiate_languages(
            std::slice::from_ref(wanted),
            available,
            None,
            NegotiationStrategy::Lookup,
        );
        if let Some(first) = found.first() {
            return available.iter().position(|a| std::ptr::eq(*a, **first));
        }
    }
    None
}
