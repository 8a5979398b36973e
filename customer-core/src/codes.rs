//! Every violation code the crate, its command-line tool and its example server emit, in one
//! place.
//!
//! A code is stable snake_case: clients match on it, and it never changes with the language of
//! the message. [`ALL`] lists them all; a code added here without the rest (a message in every
//! catalog, a row in the README's table of codes) fails the tests that enumerate [`ALL`].
//!
//! Codes given with `#[customer(code = "...")]` or by a custom rule are the application's own and
//! are not listed here.

// --- The rules of the attribute language -------------------------------------------------------

/// `email`: not an address of the sign-up profile (or too long, or not ASCII with `email(ascii)`).
pub const EMAIL: &str = "email";
/// `pattern = "..."`: the value does not match the pattern.
pub const PATTERN: &str = "pattern";
/// `id(...)`: not a typed ID of the given prefix, characters and length.
pub const ID: &str = "id";
/// `locale`: not a well-formed language tag (or not of the short form with `locale(short)`).
pub const LOCALE: &str = "locale";
/// `metadata(max_bytes = N)`: the compact JSON is longer than `N` bytes.
pub const METADATA_TOO_LARGE: &str = "metadata_too_large";
/// `metadata`: nested too deep, or not representable as JSON.
pub const METADATA_INVALID: &str = "metadata_invalid";
/// `metadata(json_string)`: a string that does not hold the JSON it should.
pub const JSON_STRING: &str = "json_string";
/// `length(min, max)`: too few or too many characters or items.
pub const LENGTH: &str = "length";
/// `bytes(min, max)`: too few or too many UTF-8 bytes.
pub const BYTES: &str = "bytes";
/// `one_of(...)`: not one of the allowed values (also an unknown enum variant).
pub const ONE_OF: &str = "one_of";
/// `country`: not an assigned ISO 3166-1 alpha-2 code.
pub const COUNTRY: &str = "country";
/// `phone`: not an E.164 number, or a calling code / national number of the wrong form.
pub const PHONE: &str = "phone";
/// `url`: not an absolute http(s) URL.
pub const URL: &str = "url";
/// `timestamp`: not an RFC 3339 date-time.
pub const TIMESTAMP: &str = "timestamp";
/// `range(min, max)`: a number out of its bounds (also a whole number out of its type's range).
pub const RANGE: &str = "range";
/// `required`: an `Option` that must be `Some` (also a value an API needs to create a customer).
pub const REQUIRED: &str = "required";

// --- The shape of a document -------------------------------------------------------------------

/// The document is not JSON, or not UTF-8.
pub const MALFORMED_JSON: &str = "malformed_json";
/// A value of another JSON type than the model's.
pub const INVALID_TYPE: &str = "invalid_type";
/// A member the model requires is missing.
pub const MISSING_FIELD: &str = "missing_field";
/// A member the model does not know (where unknown members are refused).
pub const UNKNOWN_FIELD: &str = "unknown_field";
/// A member given twice in one object.
pub const DUPLICATE_FIELD: &str = "duplicate_field";
/// A value of the right type that its type refuses.
pub const INVALID_VALUE: &str = "invalid_value";
/// An array (or an externally tagged enum's object) with the wrong number of elements.
pub const INVALID_LENGTH: &str = "invalid_length";
/// A document nested deeper than [`MAX_DEPTH`](crate::error::MAX_DEPTH).
pub const TOO_DEEP: &str = "too_deep";
/// The report of a document ends here: it has more violations than the cap
/// ([`MaxViolations`](crate::json::MaxViolations)); params `count` (all of them) and `max`.
pub const TOO_MANY_VIOLATIONS: &str = "too_many_violations";
/// The report of a document with a shape error is not complete: the document nests models
/// that each read what lies below them (a model with a check, a `nested` field with another
/// rule) so deep that checking every level would cost more than four reads of the document;
/// param `count` (how many checks and rules were not run). At the pointer `""`, first.
pub const UNCHECKED: &str = "unchecked";

// --- The payment APIs --------------------------------------------------------------------------

/// The target API has no place for a value, cannot clear it, or cannot hold it.
pub const UNREPRESENTABLE: &str = "unrepresentable";
/// The API has no such request or response (Legit's update request, Tazapay's list).
pub const UNSUPPORTED: &str = "unsupported";
/// The API refused the value, as its error response says.
pub const REJECTED: &str = "rejected";
/// The document has none of the fields of the API's shape it is read as: a document of another
/// API (or of none). At `""`, with the API's name as param `api`.
pub const NOT_THIS_API: &str = "not_this_api";

// --- The command-line tool ---------------------------------------------------------------------

/// Stripe: a form-encoded body (`application/x-www-form-urlencoded`) that does not read as a form.
pub const INVALID_FORM: &str = "invalid_form";

/// The command-line tool: a document larger than it reads.
pub const TOO_LARGE: &str = "too_large";
/// The command-line tool's warning: a top-level member the API does not know and reads past.
pub const IGNORED_FIELD: &str = "ignored_field";

/// Every code above, in the order of this module.
pub const ALL: &[&str] = &[
    EMAIL,
    PATTERN,
    ID,
    LOCALE,
    METADATA_TOO_LARGE,
    METADATA_INVALID,
    JSON_STRING,
    LENGTH,
    BYTES,
    ONE_OF,
    COUNTRY,
    PHONE,
    URL,
    TIMESTAMP,
    RANGE,
    REQUIRED,
    MALFORMED_JSON,
    INVALID_TYPE,
    MISSING_FIELD,
    UNKNOWN_FIELD,
    DUPLICATE_FIELD,
    INVALID_VALUE,
    INVALID_LENGTH,
    TOO_DEEP,
    TOO_MANY_VIOLATIONS,
    UNCHECKED,
    UNREPRESENTABLE,
    UNSUPPORTED,
    REJECTED,
    INVALID_FORM,
    NOT_THIS_API,
    TOO_LARGE,
    IGNORED_FIELD,
];

#[cfg(test)]
mod tests {
    use super::ALL;

    #[test]
    fn codes_are_distinct_snake_case() {
        for (i, code) in ALL.iter().enumerate() {
            assert!(
                !code.is_empty()
                    && code
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b == b'_' || b.is_ascii_digit()),
                "{code} is not snake_case"
            );
            assert!(!ALL[..i].contains(code), "{code} is listed twice");
        }
    }
}
