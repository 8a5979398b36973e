//! `email_address` 0.2.9 as the oracle of `rules::email`, and the filter that says where the two
//! profiles differ by design. Shared by the rule tests, `prop_email` and the `email` fuzz target
//! (each includes this file with `#[path]`).
//!
//! Where [`by_design`] returns `None` the rule must agree with [`oracle`] exactly: `email` with
//! the oracle on texts without a quoted local part, `email(quoted)` with it on all of them.

/// email_address with display text and domain literals refused and two labels required, plus
/// the character limit `max`.
pub fn oracle(text: &str, max: usize) -> bool {
    let options = email_address::Options {
        minimum_sub_domains: 2,
        allow_domain_literal: false,
        allow_display_text: false,
    };
    text.chars().count() <= max
        && email_address::EmailAddress::parse_with_options(text, options).is_ok()
}

/// Why `rules::email` and [`oracle`] may judge `text` differently, or `None` when they must
/// agree. Every reason is a place where our profile is stricter or wider on purpose:
pub fn by_design(text: &str) -> Option<&'static str> {
    // email_address reads any text with " <" as `name <address>` and accepts ` <a@b.cd>`.
    if text.contains(" <") {
        return Some("display form");
    }
    let (local, domain) = match text.rfind('@') {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => return None,
    };
    // Domains: host names only (letters, digits, hyphens), IDNA by UTS 46, at most 253 bytes,
    // a last label that is not all digits. email_address takes RFC 5322 `atext` symbols,
    // `char::is_alphanumeric` for non-ASCII, 254 bytes and numeric top-level labels.
    if !domain.is_ascii()
        || domain
            .split('.')
            .any(|l| l.len() >= 4 && l[..4].eq_ignore_ascii_case("xn--"))
    {
        return Some("internationalized domain (UTS 46)");
    }
    if domain
        .bytes()
        .any(|b| !(b.is_ascii_alphanumeric() || b == b'-' || b == b'.'))
    {
        return Some("domain symbols");
    }
    if domain.len() > 253 {
        return Some("domain of 254 bytes");
    }
    // RFC 5321's path limit: 254 bytes in all (email_address allows 64 + 1 + 254).
    if text.len() > 254 {
        return Some("address over 254 bytes");
    }
    if domain
        .rsplit('.')
        .next()
        .is_some_and(|tld| !tld.is_empty() && tld.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some("numeric top-level label");
    }
    // Local parts: non-ASCII letters, digits and combining marks, not the Hangul fillers;
    // email_address takes alphanumeric characters and its legacy range, no marks.
    if local.chars().any(|c| {
        !c.is_ascii()
            && (!c.is_alphanumeric()
                || matches!(c, '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}'))
    }) {
        return Some("non-ASCII local part character");
    }
    if local.starts_with('"') {
        // In quotes: RFC 5322 quoted pairs of a space or tab, and RFC 6531 letters.
        if !local.is_ascii() {
            return Some("non-ASCII in quotes");
        }
        if local.contains("\\ ") || local.contains("\\\t") {
            return Some("quoted pair of a space or tab");
        }
    }
    None
}

/// `true` when the local part is quoted (refused by `email`, accepted by `email(quoted)`).
pub fn quoted_local(text: &str) -> bool {
    text.starts_with('"')
}
