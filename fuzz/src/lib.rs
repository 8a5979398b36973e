//! What the fuzz targets share: the reference implementations the rules are compared with, and
//! the decode / encode round that every `decode_*` target runs.
//!
//! Every check here panics on a disagreement: libFuzzer turns the panic into a crash with the
//! input saved under `fuzz/artifacts/<target>/`.

use customer_core::providers::Api;
use customer_core::Error;

/// `email_address` 0.2.9 as the oracle of the `email` rule, and where the two profiles differ by
/// design (`by_design`): the same file the property tests read.
#[path = "../../customer-core/tests/support/email_oracle.rs"]
pub mod email_oracle;

/// oxilangtag's RFC 5646 well-formedness.
#[must_use]
pub fn locale_reference(text: &str) -> bool {
    oxilangtag::LanguageTag::parse(text).is_ok()
}

/// `language(-Script)(-REGION)` by oxilangtag's parse: a 2-3 letter language and nothing but
/// an optional script and region. (For private-use and grandfathered tags oxilangtag reports
/// the whole tag as the primary language, hence the letters-only test.)
#[must_use]
pub fn short_locale_reference(text: &str) -> bool {
    match oxilangtag::LanguageTag::parse(text) {
        Ok(tag) => {
            let language = tag.primary_language();
            (2..=3).contains(&language.len())
                && language.bytes().all(|b| b.is_ascii_alphabetic())
                && tag.extended_language().is_none()
                && tag.variant().is_none()
                && tag.extension().is_none()
                && tag.private_use().is_none()
        }
        Err(_) => false,
    }
}

/// Every violation of `error` has a pointer (`""` or starting with `/`) and a snake_case code.
pub fn assert_well_formed_error(error: &Error, context: &str) {
    let violations = error.violations();
    assert!(
        !violations.is_empty(),
        "{context}: an error without violations"
    );
    for violation in violations.iter() {
        let pointer = violation.pointer();
        assert!(
            pointer.is_empty() || pointer.starts_with('/'),
            "{context}: pointer {pointer:?} is not a JSON Pointer"
        );
        let code = violation.code();
        assert!(
            !code.is_empty() && code.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{context}: code {code:?} is not snake_case"
        );
        // Display, Debug and JSON of the error must not panic.
        let _ = violation.message();
    }
    let _ = error.to_string();
    let _ = format!("{error:?}");
    let _ = serde_json::to_string(&violations);
}

/// `from.decode(text)`; when it decodes, every API's `encode` of the customer, and for each
/// body written, that API's `decode` of it must give back a customer that encodes to the same
/// body (encode ∘ decode is the identity on what encode writes).
pub fn decode_round(from: Api, data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    lifecycle_round(from, text);
    let customer = match from.decode(text) {
        Ok(customer) => customer,
        Err(error) => {
            assert_well_formed_error(&error, "decode");
            return;
        }
    };
    for to in Api::ALL {
        let body = match to.encode(&customer) {
            Ok(body) => body,
            Err(error) => {
                assert_well_formed_error(&error, "encode");
                continue;
            }
        };
        let again = match to.decode(&body) {
            Ok(again) => again,
            Err(error) => {
                panic!("{from} -> {to}: the body encode wrote does not decode:\n{body}\n{error}")
            }
        };
        match to.encode(&again) {
            Ok(second) => assert!(
                same_up_to_float_reading(&second, &body),
                "{from} -> {to}: encode(decode(body)) differs from body:\n{second}\n{body}"
            ),
            Err(error) => panic!(
                "{from} -> {to}: the customer read back from its own body does not encode:\n{body}\n{error}"
            ),
        }
    }
}

/// The same document read as an update body, a list page and an error response: errors are
/// well formed; an update that decodes encodes for every API that has one, and each body written
/// reads back as the same update.
fn lifecycle_round(from: Api, text: &str) {
    if let Err(error) = from.decode_list(text) {
        assert_well_formed_error(&error, "decode_list");
    }
    if let Err(error) = from.decode_error(text) {
        assert_well_formed_error(&error, "decode_error");
    }
    let patch = match from.decode_update(text) {
        Ok(patch) => patch,
        Err(error) => {
            assert_well_formed_error(&error, "decode_update");
            return;
        }
    };
    for to in Api::ALL {
        let body = match to.encode_update(&patch) {
            Ok(body) => body,
            Err(error) => {
                assert_well_formed_error(&error, "encode_update");
                continue;
            }
        };
        let again = to.decode_update(&body).unwrap_or_else(|error| {
            panic!("{from} -> {to}: the update body encode_update wrote does not decode:\n{body}\n{error}")
        });
        match to.encode_update(&again) {
            Ok(second) => assert!(
                same_up_to_float_reading(&second, &body),
                "{from} -> {to}: encode_update(decode_update(body)) differs from body:\n{second}\n{body}"
            ),
            Err(error) => panic!(
                "{from} -> {to}: the update read back from its own body does not encode:\n{body}\n{error}"
            ),
        }
    }
}

/// `a` and `b` are the same text, but for numbers that are the same `f64` up to one reading
/// error: serde_json without its `float_roundtrip` feature may read a float as its neighbour
/// (finding F2 in /tmp/team/fuzz-findings.md), so a float in metadata can change in its last
/// digit on each round trip. Everything else must be byte for byte the same.
#[must_use]
pub fn same_up_to_float_reading(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (a[i], b[j]);
        if x.is_ascii_digit() && y.is_ascii_digit() {
            let (end_a, end_b) = (number_end(a, i), number_end(b, j));
            let (na, nb) = (&a[i..end_a], &b[j..end_b]);
            if na != nb && !neighbours(na, nb) {
                return false;
            }
            i = end_a;
            j = end_b;
        } else if x == y {
            i += 1;
            j += 1;
        } else {
            return false;
        }
    }
    i == a.len() && j == b.len()
}

fn number_end(text: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < text.len()
        && (text[end].is_ascii_digit()
            || matches!(text[end], b'.' | b'e' | b'E' | b'+')
            || (text[end] == b'-' && matches!(text[end - 1], b'e' | b'E')))
    {
        end += 1;
    }
    end
}

/// Two float texts within two units in the last place of each other.
fn neighbours(a: &[u8], b: &[u8]) -> bool {
    let parse = |t: &[u8]| std::str::from_utf8(t).ok()?.parse::<f64>().ok();
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) if x.is_finite() && y.is_finite() && x.signum() == y.signum() => {
            x.to_bits().abs_diff(y.to_bits()) <= 2
        }
        _ => false,
    }
}
