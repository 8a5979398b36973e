//! The library's messages: each English template (the text [`RuleError`](crate::RuleError)s
//! are built with, which `Display` renders) with its catalog id and its code.
//!
//! A message is found by its template, so a violation keeps no more than it always had (its code,
//! its template and its params) and nothing is looked up until a message is rendered. A template
//! that is not here (a field's `message = "..."`, a custom rule's text) is the application's own.

use crate::codes::*;

/// `(catalog id, code, English template)`: every message the crate, its command-line tool and its
/// example server emit. A template used by two codes appears once, under the first.
pub(crate) const MESSAGES: &[(&str, &str, &str)] = &[
    ("email", EMAIL, "must be a valid email address"),
    ("email-too-long", EMAIL, "must be at most {max} characters"),
    ("email-ascii", EMAIL, "must contain only ASCII characters"),
    ("pattern", PATTERN, "must match the pattern `{pattern}`"),
    ("id-exact", ID, "must be `{prefix}` followed by exactly {min_len} characters of [{chars}]"),
    ("id-at-least", ID, "must be `{prefix}` followed by at least {min_len} characters of [{chars}]"),
    ("id-between", ID, "must be `{prefix}` followed by {min_len} to {max_len} characters of [{chars}]"),
    ("locale", LOCALE, "must be a well-formed language tag (RFC 5646)"),
    ("locale-short", LOCALE, "must be a language tag of the form language(-Script)(-REGION), such as `en` or `en-US`"),
    ("locale-mollie-form", LOCALE, "must be a Mollie locale of the form `ll_CC`, such as `en_US` or `nl_NL`"),
    ("locale-mollie-list", LOCALE, "is not a locale Mollie lists; Mollie takes one of {allowed} (BCP 47 `nl-NL` is Mollie's `nl_NL`)"),
    ("metadata_too_large", METADATA_TOO_LARGE, "must be at most {max_bytes} bytes of compact JSON"),
    ("metadata_invalid-depth", METADATA_INVALID, "must not nest arrays and objects more than {max_depth} deep"),
    ("metadata_invalid", METADATA_INVALID, "must be representable as JSON"),
    ("json_string", JSON_STRING, "must be a string holding JSON"),
    ("json_string-entries", JSON_STRING, "must hold a JSON array of {key, value} objects with a string key and a string, number or boolean value"),
    ("json_string-object", JSON_STRING, "must hold a JSON object of keys and values"),
    ("json_string-object-string", JSON_STRING, "must be a string holding a JSON object of keys and values"),
    ("length-exact", LENGTH, "must have a length of exactly {min}"),
    ("length-between", LENGTH, "must have a length between {min} and {max}"),
    ("length-min", LENGTH, "must have a length of at least {min}"),
    ("length-max", LENGTH, "must have a length of at most {max}"),
    ("bytes-exact", BYTES, "must be exactly {min} bytes long"),
    ("bytes-between", BYTES, "must be between {min} and {max} bytes long"),
    ("bytes-min", BYTES, "must be at least {min} bytes long"),
    ("bytes-max", BYTES, "must be at most {max} bytes long"),
    ("one_of", ONE_OF, "must be one of {allowed}"),
    ("one_of-expected", ONE_OF, "must be {expected}"),
    ("country", COUNTRY, "must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as `US`"),
    ("phone", PHONE, "must be an E.164 phone number: `+`, an assigned country calling code and the number, {max_digits} digits at most"),
    ("phone-calling-code", PHONE, "calling code must be an assigned country calling code of 1 to 3 digits, without `+`"),
    ("phone-number", PHONE, "number must be 1 to {max_digits} digits (15 in all with the calling code)"),
    ("phone-digits", PHONE, "number must be one or more digits, without `+`, spaces or other signs (the calling code is separate)"),
    ("url", URL, "must be an absolute http or https URL"),
    ("timestamp", TIMESTAMP, "must be an RFC 3339 date-time, such as `1985-04-12T23:20:50.52Z`"),
    ("range-between", RANGE, "must be between {min} and {max}"),
    ("range-min", RANGE, "must be at least {min}"),
    ("range-max", RANGE, "must be at most {max}"),
    ("range-whole", RANGE, "must be a whole number from {min} to {max}"),
    ("range-out", RANGE, "is out of range"),
    ("required", REQUIRED, "is required"),
    ("required-api", REQUIRED, "{api} needs this value to create a customer"),
    ("required-paddle-email", REQUIRED, "is required: a Paddle customer needs an email address"),
    ("malformed_json", MALFORMED_JSON, "malformed JSON at line {line} column {column}"),
    ("malformed_json-eof", MALFORMED_JSON, "the document ends too early at line {line} column {column}"),
    ("malformed_json-io", MALFORMED_JSON, "the document could not be read at line {line} column {column}"),
    ("malformed_json-body-utf8", MALFORMED_JSON, "the request body is not UTF-8 text"),
    ("malformed_json-utf8", MALFORMED_JSON, "the document is not UTF-8 text"),
    ("invalid_type-string", INVALID_TYPE, "must be a string"),
    ("invalid_type-boolean", INVALID_TYPE, "must be true or false"),
    ("invalid_type-number", INVALID_TYPE, "must be a number"),
    ("invalid_type-array", INVALID_TYPE, "must be an array"),
    ("invalid_type-object", INVALID_TYPE, "must be an object"),
    ("invalid_type-null", INVALID_TYPE, "must be null"),
    ("invalid_type", INVALID_TYPE, "has the wrong type"),
    ("invalid_type-metadata", INVALID_TYPE, "must be a string, a number, an object or an array"),
    ("missing_field", MISSING_FIELD, "is required"),
    ("unknown_field", UNKNOWN_FIELD, "is not a field of this object"),
    ("duplicate_field", DUPLICATE_FIELD, "appears more than once"),
    ("invalid_value", INVALID_VALUE, "is not a valid value"),
    ("invalid_value-char", INVALID_VALUE, "must be a single character"),
    ("invalid_length-exact", INVALID_LENGTH, "must be an array of {length} elements"),
    ("invalid_length-between", INVALID_LENGTH, "must be an array of {min} to {max} elements"),
    ("invalid_length-variant", INVALID_LENGTH, "must be a string or an object of exactly {length} member"),
    ("invalid_length", INVALID_LENGTH, "has the wrong number of elements"),
    ("too_deep", TOO_DEEP, "is nested more than {max} levels deep"),
    ("unrepresentable-create", UNREPRESENTABLE, "{api} has no place for this value in its create-customer request; clear it to encode without it"),
    ("unrepresentable-update", UNREPRESENTABLE, "{api} has no place for this field in its update-customer request; leave it out to encode without it"),
    ("unrepresentable-clear", UNREPRESENTABLE, "{api} cannot clear this field in an update; leave it out to keep it, or give a value"),
    ("unrepresentable-json", UNREPRESENTABLE, "could not be written as JSON"),
    ("unrepresentable-metadata-object", UNREPRESENTABLE, "{api} metadata is an object of keys and values; this value is not one and is not a list of distinct {key, value} entries"),
    ("unrepresentable-metadata-key", UNREPRESENTABLE, "{api} metadata is an object: this key appears more than once"),
    ("unrepresentable-metadata-entries", UNREPRESENTABLE, "{api} metadata is a list of {key, value} entries with string, number or boolean values; this value is not one"),
    ("unrepresentable-custom-data", UNREPRESENTABLE, "must be an object, or a list of distinct {key, value} entries, to be a Paddle customer's custom_data"),
    ("unsupported-update", UNSUPPORTED, "{api} has no update-customer request"),
    ("unsupported-list", UNSUPPORTED, "{api} has no list-customers response"),
    ("unsupported-error", UNSUPPORTED, "{api} has no documented error response"),
    ("rejected", REJECTED, "{api} refused this value"),
    ("rejected-code", REJECTED, "{api} refused this value (`{provider_code}`)"),
    ("rejected-status", REJECTED, "{api} refused this value (HTTP {status})"),
    ("rejected-request", REJECTED, "{api} refused the request"),
    ("rejected-request-code", REJECTED, "{api} refused the request (error {provider_code})"),
    ("too_large", TOO_LARGE, "the document is larger than {limit} MiB"),
];

/// The catalog id of a library template.
pub(crate) fn id_of(template: &str) -> Option<&'static str> {
    MESSAGES
        .iter()
        .find(|(_, _, english)| *english == template)
        .map(|(id, _, _)| *id)
}
