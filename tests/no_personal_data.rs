//! No personal data in errors: every rule, a derived model using every attribute,
//! `Valid::<T>::from_json`, `Api::decode` / `Api::encode` and the `customer-model` binary are run
//! on values carrying a marker, and the marker must never appear in the `Display`, `Debug` or
//! JSON of the errors (nor in the binary's output).
//!
//! The marker is also tried as a number (`MARK_DIGITS`) where text is expected, and inside
//! malformed JSON. Object keys are not values: a pointer names the key it leads to, so markers are
//! kept out of keys here.
//!
//! Every error is also rendered in each language of the catalogs (`customer_core::i18n`), as a
//! message, a localized report and its JSON: no translation may bring the value back.

use std::path::Path;
use std::process::{Command, Stdio};

use customer_core::i18n::{Catalog, LANGUAGES};
use customer_core::providers::Api;
use customer_core::rules::{self, email::EmailOptions};
use customer_core::{
    Customer, CustomerModel, Error, Phone, RuleError, Valid, ValidationErrors, Violation,
};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

const MARK: &str = "ZQXMARK";
const MARK_DIGITS: &str = "9876543210123";

/// Whether `text` shows the marker (in any case) or its digits.
fn leaks(text: &str) -> bool {
    text.to_ascii_lowercase()
        .contains(&MARK.to_ascii_lowercase())
        || text.contains(MARK_DIGITS)
}

/// Fails when any of `texts` shows the marker.
fn assert_clean(context: &str, texts: &[String]) {
    for text in texts {
        assert!(
            !leaks(text),
            "{context}: the marked value leaked into {text:?}"
        );
    }
}

fn rule_clean(context: &str, result: Result<(), RuleError>) -> RuleError {
    let error = match result {
        Ok(()) => panic!("{context}: the marked value passed"),
        Err(error) => error,
    };
    let as_violation = Violation::new("/field", error.clone());
    assert_clean(
        context,
        &[
            error.to_string(),
            format!("{error:?}"),
            error.message().into_owned(),
            as_violation.to_string(),
            format!("{as_violation:?}"),
            serde_json::to_string(&as_violation).expect("serializes"),
        ],
    );
    let catalog = Catalog::global();
    for tag in LANGUAGES {
        let lang = catalog.choose(tag).expect("a shipped language");
        assert_clean(
            &format!("{context} ({tag})"),
            &[
                catalog.message(&lang, &error).into_owned(),
                catalog.violation(&as_violation, &lang).to_string(),
            ],
        );
    }
    error
}

fn errors_clean(context: &str, errors: &ValidationErrors) {
    assert!(!errors.is_empty(), "{context}: no violation");
    let mut texts = vec![
        errors.to_string(),
        format!("{errors:?}"),
        serde_json::to_string(errors).expect("serializes"),
    ];
    for violation in errors.iter() {
        texts.push(violation.message().into_owned());
        texts.push(violation.pointer().to_owned());
    }
    let catalog = Catalog::global();
    for tag in LANGUAGES {
        let lang = catalog.choose(tag).expect("a shipped language");
        let localized = catalog.localize(errors, &lang);
        texts.push(localized.to_string());
        texts.push(serde_json::to_string(&localized).expect("serializes"));
    }
    assert_clean(context, &texts);
}

fn error_clean(context: &str, error: &Error) {
    errors_clean(context, error.violations());
    assert_clean(context, &[error.to_string(), format!("{error:?}")]);
}

fn refused<T>(context: &str, result: Result<T, Error>) {
    match result {
        Ok(_) => panic!("{context}: accepted"),
        Err(error) => error_clean(context, &error),
    }
}

// ----- Every rule, as a plain function -------------------------------------------------------

#[test]
fn every_rule_keeps_the_value_out_of_its_error() {
    let m = MARK;
    let d = EmailOptions::DEFAULT;
    for value in [
        m.to_owned(),
        format!("{m}@"),
        format!("{m}@{m}"),
        format!("{m}@@example.com"),
        format!("{m} <{m}@example.com>"),
        format!("{m}@example.com").repeat(30),
    ] {
        rule_clean("email", rules::email::check(value.as_str(), &d));
    }
    rule_clean(
        "email(ascii)",
        rules::email::check(
            format!("{m}é@example.com").as_str(),
            &EmailOptions {
                max: 320,
                ascii: true,
                quoted: false,
            },
        ),
    );
    rule_clean(
        "email(max)",
        rules::email::check(
            format!("{m}@example.com").as_str(),
            &EmailOptions {
                max: 5,
                ascii: false,
                quoted: false,
            },
        ),
    );
    rule_clean("locale", rules::locale::check(format!("{m}_{m}").as_str()));
    rule_clean("locale", rules::locale::check(format!("en-{m}-").as_str()));
    rule_clean(
        "locale(short)",
        rules::locale::check_short(format!("en-{m}").as_str()),
    );
    rule_clean("country", rules::country::check(m));
    rule_clean(
        "phone",
        rules::phone::check(format!("+{MARK_DIGITS}{MARK_DIGITS}").as_str()),
    );
    rule_clean("phone", rules::phone::check(m));
    rule_clean(
        "phone parts",
        rules::phone::check_parts(MARK_DIGITS, MARK_DIGITS),
    );
    rule_clean("phone parts", rules::phone::check_parts(m, m));
    rule_clean("url", rules::url::check(format!("{m}://{m} {m}").as_str()));
    rule_clean("url", rules::url::check(m));
    rule_clean(
        "timestamp",
        rules::timestamp::check(format!("2024-13-45T{m}").as_str()),
    );
    rule_clean("length", rules::length::check(m, None, Some(3)));
    rule_clean("length", rules::length::check(&vec![m; 5], Some(6), None));
    rule_clean("bytes", rules::bytes::check(m, Some(100), Some(200)));
    rule_clean("one_of", rules::one_of::check(m, &["a", "b"]));
    rule_clean("required", rules::required::check::<String>(&None));
    let marked_number: i64 = MARK_DIGITS.parse().expect("digits");
    rule_clean(
        "range",
        rules::range::check(&marked_number, Some(&1), Some(&10)),
    );
    rule_clean(
        "range",
        rules::range::check(&-marked_number, Some(&1), None),
    );
    static REGEX: rules::pattern::LazyRegex =
        rules::pattern::LazyRegex::new("^(?:ctm_[a-z]+)$", "ctm_[a-z]+");
    rule_clean("pattern", rules::pattern::check(m, &REGEX));
    let simple = rules::pattern::Simple {
        prefix: "ctm_",
        class: rules::id::AsciiSet::parse("a-z0-9").expect("set"),
        min: 26,
        max: 26,
        suffix: "",
        shown: "^ctm_[a-z0-9]{26}$",
    };
    rule_clean("pattern", rules::pattern::check_simple(m, &simple));
    let shape = rules::id::IdShape {
        prefix: "ctm_",
        chars: rules::id::AsciiSet::parse("a-z0-9").expect("set"),
        min_len: 26,
        max_len: 26,
        chars_spec: "a-z0-9",
    };
    rule_clean("id", rules::id::check(format!("ctm_{m}").as_str(), &shape));
    let big = json!({"note": m.repeat(200), "list": [m, m, {"deep": m}]});
    rule_clean("metadata", rules::metadata::check(&big, 1024));
    rule_clean("metadata", rules::metadata::check(&m.repeat(300), 1024));
    rule_clean(
        "json_string",
        rules::metadata::check_json_string(format!("{{\"a\": {m}}}").as_str(), 1024),
    );
    rule_clean("json_string", rules::metadata::check_json_string(m, 1024));
    rule_clean(
        "json_string size",
        rules::metadata::check_json_string(serde_json::to_string(&big).expect("json").as_str(), 64),
    );
}

// ----- A derived model with every attribute --------------------------------------------------

fn no_marks(value: &str) -> Result<(), RuleError> {
    if value.contains('Z') {
        Err(RuleError::new("no_z", "must not contain the letter Z"))
    } else {
        Ok(())
    }
}

fn never(_: &Everything) -> Result<(), RuleError> {
    Err(RuleError::new("whole", "the record as a whole is refused"))
}

#[derive(Debug, Default, Deserialize, Serialize, CustomerModel)]
struct Inner {
    #[customer(email)]
    email: String,
    #[customer(phone)]
    phone: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize, CustomerModel)]
#[customer(check = never)]
#[serde(default)]
struct Everything {
    #[customer(email)]
    email: String,
    #[customer(email(max = 254))]
    email_254: Option<String>,
    #[customer(email(ascii))]
    email_ascii: Option<String>,
    #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
    simple_pattern: Option<String>,
    #[customer(pattern = "^(cst|cus)_\\w+$")]
    regex_pattern: Option<String>,
    #[customer(id(prefix = "cst_", chars = "A-Za-z0-9", min_len = 1, max_len = 28))]
    id: Option<String>,
    #[customer(locale)]
    locale: Option<String>,
    #[customer(locale(short))]
    short_locale: Option<String>,
    #[customer(metadata(max_bytes = 64))]
    metadata: Option<Value>,
    #[customer(metadata(json_string))]
    json_text: Option<String>,
    #[customer(metadata(json_string, max_bytes = 16))]
    json_text_small: Option<String>,
    #[customer(length(min = 1, max = 3))]
    name: Option<String>,
    #[customer(bytes(max = 3))]
    bytes: Option<String>,
    #[customer(one_of("active", "archived"))]
    status: Option<String>,
    #[customer(country)]
    country: Option<String>,
    #[customer(phone)]
    phone: Option<String>,
    #[customer(url)]
    website: Option<String>,
    #[customer(timestamp)]
    created_at: Option<String>,
    #[customer(range(min = 1, max = 10))]
    seats: Option<i64>,
    #[customer(each(email, length(max = 5)))]
    aliases: Vec<String>,
    #[customer(nested)]
    inner: Option<Inner>,
    #[customer(nested)]
    many: Vec<Inner>,
    #[customer(required)]
    must: Option<String>,
    #[customer(custom = no_marks)]
    custom: Option<String>,
    #[customer(
        length(max = 2),
        message = "is too long for a nickname",
        code = "nickname"
    )]
    nickname: Option<String>,
}

fn marked_everything() -> Everything {
    let m = MARK;
    let inner = Inner {
        email: format!("{m}@"),
        phone: Some(format!("+{MARK_DIGITS}{MARK_DIGITS}")),
    };
    Everything {
        email: m.to_owned(),
        email_254: Some(format!("{m}@{}", "a".repeat(300))),
        email_ascii: Some(format!("{m}é@example.com")),
        simple_pattern: Some(m.to_owned()),
        regex_pattern: Some(format!("{m}_x")),
        id: Some(format!("cst_{m}-")),
        locale: Some(format!("{m}_{m}")),
        short_locale: Some(format!("en-{m}")),
        metadata: Some(json!({"note": m.repeat(20)})),
        json_text: Some(format!("{{{m}}}")),
        json_text_small: Some(format!("\"{m}{m}{m}\"")),
        name: Some(m.to_owned()),
        bytes: Some(m.to_owned()),
        status: Some(m.to_owned()),
        country: Some(m.to_owned()),
        phone: Some(m.to_owned()),
        website: Some(format!("{m}:{m}")),
        created_at: Some(m.to_owned()),
        seats: Some(MARK_DIGITS.parse().expect("digits")),
        aliases: vec![m.to_owned(), format!("{m}@example.com")],
        inner: Some(inner),
        many: vec![Inner {
            email: format!("{m}@{m}"),
            phone: Some(m.to_owned()),
        }],
        must: None,
        custom: Some(m.to_owned()),
        nickname: Some(m.to_owned()),
    }
}

#[test]
fn a_model_with_every_attribute_keeps_values_out_of_its_errors() {
    let errors = marked_everything()
        .validate()
        .expect_err("every field is invalid");
    errors_clean("validate", &errors);
    // Every field broke its rule (and the container check ran).
    let pointers: Vec<&str> = errors.iter().map(Violation::pointer).collect();
    for field in [
        "/email",
        "/email_254",
        "/email_ascii",
        "/simple_pattern",
        "/regex_pattern",
        "/id",
        "/locale",
        "/short_locale",
        "/metadata",
        "/json_text",
        "/json_text_small",
        "/name",
        "/bytes",
        "/status",
        "/country",
        "/phone",
        "/website",
        "/created_at",
        "/seats",
        "/aliases/0",
        "/aliases/1",
        "/inner/email",
        "/inner/phone",
        "/many/0/email",
        "/many/0/phone",
        "/must",
        "/custom",
        "/nickname",
        "",
    ] {
        assert!(
            pointers.contains(&field),
            "no violation at {field:?}: {errors}"
        );
    }
    // The same through JSON: `Valid::from_json` and the validating `Deserialize`.
    let json = serde_json::to_string(&marked_everything()).expect("serializes");
    refused("Valid::from_json", Valid::<Everything>::from_json(&json));
    let serde_error = serde_json::from_str::<Valid<Everything>>(&json).expect_err("invalid");
    assert_clean(
        "Deserialize for Valid",
        &[serde_error.to_string(), format!("{serde_error:?}")],
    );
}

// ----- Newtypes and enums --------------------------------------------------------------------

#[derive(Debug, CustomerModel)]
#[customer(email)]
struct Email(String);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, CustomerModel)]
#[serde(rename_all = "lowercase")]
enum Plan {
    Free,
    Pro,
}

#[test]
fn newtypes_and_enums_keep_values_out_of_their_errors() {
    let m = MARK;
    for text in [m.to_owned(), format!("{m}@"), format!("{m}@{m}")] {
        let error = text.parse::<Email>().expect_err("not an address");
        errors_clean("Email::from_str", &error);
        let error = Email::try_from(text.clone()).expect_err("not an address");
        errors_clean("Email::try_from", &error);
        let error = serde_json::from_str::<Email>(&json!(text).to_string()).expect_err("invalid");
        assert_clean(
            "Email Deserialize",
            &[error.to_string(), format!("{error:?}")],
        );
    }
    let error = m.parse::<Plan>().expect_err("no such plan");
    assert_clean("Plan::from_str", &[error.to_string(), format!("{error:?}")]);
    let error = serde_json::from_str::<Plan>(&json!(m).to_string()).expect_err("no such plan");
    // serde_json's own message for an unknown variant quotes it (which shows the check here can
    // fail); through `customer_core::json` it must not.
    assert!(
        leaks(&error.to_string()),
        "serde_json's message no longer quotes the variant"
    );
    let error =
        customer_core::json::from_str::<Plan>(&json!(m).to_string()).expect_err("no such plan");
    error_clean("json::from_str::<Plan>", &error);
}

// ----- Valid<T> and the APIs, on documents marked in every position ---------------------------

fn fixture(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("customer-core/tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).expect("fixture is JSON")
}

/// The JSON Pointer of every value under `value` (the root excluded).
fn paths(value: &Value, pointer: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| {
                (
                    format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1")),
                    v,
                )
            })
            .collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{pointer}/{i}"), v))
            .collect(),
        _ => Vec::new(),
    };
    for (p, child) in children {
        out.push(p.clone());
        paths(child, &p, out);
    }
}

/// Marked values for one position: the marker alone, marked versions of an address, a locale,
/// a URL, an ID, text that is too long, and the marker as a number.
fn marked_values() -> Vec<Value> {
    let m = MARK;
    vec![
        json!(m),
        json!(format!("{m}@")),
        json!(format!("{m}@{m}")),
        json!(format!("{m} <{m}@example.com>")),
        json!(format!("{m}é@example.com")),
        json!(format!("{m}_{m}")),
        json!(format!("{m}://{m}")),
        json!(format!("ctm_{m}")),
        json!(format!("cst_{m}-")),
        json!(m.repeat(200)),
        json!(format!("{{{m}")),
        json!(format!("[{{\"key\":\"{m}\"}}]")),
        json!(MARK_DIGITS.parse::<u64>().expect("digits")),
        json!(-MARK_DIGITS.parse::<f64>().expect("digits")),
        json!([m]),
        json!({"note": m}),
    ]
}

fn customer_document() -> Value {
    json!({
        "id": "cst_abc", "name": "Jo", "email": "jo@example.com", "locale": "en-US",
        "phone": {"calling_code": "31", "number": "612345678"}, "country": "NL",
        "billing_addresses": [{"name": "Jo", "line1": "Main 1", "country": "NL",
                               "phone": {"calling_code": "31", "number": "612345678"}}],
        "shipping_addresses": [], "metadata": {"note": "x"}, "marketing_consent": true,
        "status": "active", "created_at": "2024-04-11T15:57:24.813Z",
        "updated_at": "2024-04-11T15:57:24.813Z", "mode": "live", "external_id": "ext-1",
        "imported_from": "crm"
    })
}

/// Every position of `document`, replaced by every marked value, read by `read`: where it is
/// refused, the error must be clean. Returns how many documents were refused.
fn mark_every_position(
    document: &Value,
    read: &dyn Fn(&str) -> Result<(), Error>,
    context: &str,
) -> usize {
    let mut pointers = Vec::new();
    paths(document, "", &mut pointers);
    let mut refusals = 0;
    for pointer in &pointers {
        for value in marked_values() {
            let mut marked = document.clone();
            *marked.pointer_mut(pointer).expect("a path") = value;
            if let Err(error) = read(&marked.to_string()) {
                error_clean(&format!("{context} {pointer}"), &error);
                refusals += 1;
            }
        }
    }
    refusals
}

#[test]
fn valid_from_json_keeps_values_out_of_its_errors() {
    let refusals = mark_every_position(
        &customer_document(),
        &|text| Valid::<Customer>::from_json(text).map(drop),
        "Valid<Customer>",
    );
    assert!(refusals > 100, "only {refusals} refusals");
    let everything = serde_json::to_value(Everything {
        email: "jo@example.com".into(),
        must: Some("x".into()),
        inner: Some(Inner {
            email: "al@example.com".into(),
            phone: None,
        }),
        aliases: vec!["a@b.co".into()],
        ..Everything::default()
    })
    .expect("serializes");
    let refusals = mark_every_position(
        &everything,
        &|text| Valid::<Everything>::from_json(text).map(drop),
        "Valid<Everything>",
    );
    assert!(refusals > 100, "only {refusals} refusals");
}

/// Every leaf of `document` marked at once, each with another marked value: one report of many
/// violations of every kind (wrong types, numbers out of range, values of enums and parsed types,
/// rule violations), and none shows a value.
#[test]
fn a_report_of_every_violation_keeps_values_out() {
    let everything = serde_json::to_value(Everything::default()).expect("serializes");
    let mut codes = std::collections::BTreeSet::new();
    for (name, document) in [
        ("Customer", customer_document()),
        ("Everything", everything),
    ] {
        let mut pointers = Vec::new();
        paths(&document, "", &mut pointers);
        let leaves: Vec<&String> = pointers
            .iter()
            .filter(|p| {
                document
                    .pointer(p)
                    .is_some_and(|v| !v.is_object() && !v.is_array())
            })
            .collect();
        let values = marked_values();
        for shift in 0..values.len() {
            let mut marked = document.clone();
            for (i, pointer) in leaves.iter().enumerate() {
                *marked.pointer_mut(pointer).expect("a path") =
                    values[(i + shift) % values.len()].clone();
            }
            let text = marked.to_string();
            let error = match name {
                "Customer" => Valid::<Customer>::from_json(&text).map(drop),
                _ => Valid::<Everything>::from_json(&text).map(drop),
            }
            .expect_err("marked everywhere");
            error_clean(&format!("{name} shift {shift}"), &error);
            let shapes = customer_core::json::from_str::<Customer>(&text).map(drop);
            if let Err(error) = shapes {
                error_clean(&format!("json::from_str {name} shift {shift}"), &error);
            }
            codes.extend(error.violations().iter().map(|v| v.code().to_owned()));
        }
    }
    for code in ["invalid_type", "one_of", "email", "range"] {
        assert!(codes.contains(code), "no {code} among {codes:?}");
    }
}

#[test]
fn decode_keeps_values_out_of_its_errors() {
    for (api, name) in [
        (Api::Mollie, "mollie_create_request.json"),
        (Api::Mollie, "mollie_create_response.json"),
        (Api::Mollie, "mollie_get_response.json"),
        (Api::Tazapay, "tazapay_create_request.json"),
        (Api::Tazapay, "tazapay_customer_response_fixed.json"),
        (Api::Paddle, "paddle_create_request.json"),
        (Api::Paddle, "paddle_customer_response.json"),
        (Api::Paddle, "paddle_customer_imported.json"),
        (Api::Legit, "legit_create_customer_full.json"),
    ] {
        let document = fixture(name);
        let refusals = mark_every_position(
            &document,
            &|text| api.decode(text).map(drop),
            &format!("{api} {name}"),
        );
        assert!(refusals > 10, "{api} {name}: only {refusals} refusals");
        // Every string of the document marked at once: many violations in one report.
        let mut all = document.clone();
        mark_all_strings(&mut all);
        refused(
            &format!("{api} {name}, all marked"),
            api.decode(&all.to_string()),
        );
    }
}

fn mark_all_strings(value: &mut Value) {
    match value {
        // A space and a `<`: no address, locale, ID or timestamp survives this.
        Value::String(text) => *text = format!("{MARK} {text}<{MARK}"),
        Value::Array(items) => items.iter_mut().for_each(mark_all_strings),
        Value::Object(map) => map.values_mut().for_each(mark_all_strings),
        _ => {}
    }
}

/// Malformed JSON around a marked value: the syntax error gives a position, not the text.
#[test]
fn syntax_errors_keep_values_out() {
    let m = MARK;
    for text in [
        format!("{{\"email\": \"{m}"),
        format!("{{\"email\": {m}}}"),
        format!("{{\"email\": \"{m}\" \"name\": \"{m}\"}}"),
        format!("{{\"email\": \"{m}\\q\"}}"),
        format!("{{\"email\": {MARK_DIGITS}{m}}}"),
        m.to_owned(),
        format!("\"{m}\""),
        format!("[\"{m}\""),
        format!("{{\"email\": \"{m}\u{1}\"}}"),
    ] {
        for api in Api::ALL {
            refused(&format!("{api} {text:?}"), api.decode(&text));
        }
        refused(
            &format!("Valid<Customer> {text:?}"),
            Valid::<Customer>::from_json(&text),
        );
        refused(
            &format!("Valid<Everything> {text:?}"),
            Valid::<Everything>::from_json(&text),
        );
    }
}

#[test]
fn encode_keeps_values_out_of_its_errors() {
    let m = MARK;
    let base = Customer {
        name: Some(format!("{m} Brown")),
        email: Some(format!("{m}@example.com")),
        ..Customer::default()
    };
    let cases: Vec<(&str, Customer)> = vec![
        // Invalid by the customer's own rules.
        (
            "email",
            Customer {
                email: Some(format!("{m}@")),
                ..base.clone()
            },
        ),
        (
            "locale",
            Customer {
                locale: Some(format!("{m}-{m}-{m}-{m}-")),
                ..base.clone()
            },
        ),
        (
            "country",
            Customer {
                country: Some(m.to_owned()),
                ..base.clone()
            },
        ),
        (
            "timestamp",
            Customer {
                created_at: Some(m.to_owned()),
                ..base.clone()
            },
        ),
        (
            "phone",
            Customer {
                phone: Some(Phone {
                    calling_code: MARK_DIGITS.into(),
                    number: format!("{MARK_DIGITS}{m}"),
                }),
                ..base.clone()
            },
        ),
        // Valid, but not what some API can hold.
        (
            "a locale no API lists",
            Customer {
                locale: Some(m.to_owned()),
                ..base.clone()
            },
        ),
        (
            "non-ASCII email",
            Customer {
                email: Some(format!("{m}é@example.com")),
                ..base.clone()
            },
        ),
        (
            "long name",
            Customer {
                name: Some(m.repeat(400)),
                ..base.clone()
            },
        ),
        (
            "large metadata",
            Customer {
                metadata: Some(json!({"note": m.repeat(400)})),
                ..base.clone()
            },
        ),
        (
            "nested metadata",
            Customer {
                metadata: Some(json!({"note": {"deep": m}})),
                ..base.clone()
            },
        ),
        (
            "metadata string",
            Customer {
                metadata: Some(json!(m)),
                ..base.clone()
            },
        ),
        (
            "metadata list",
            Customer {
                metadata: Some(json!([m, {"key": "k", "value": [m]}])),
                ..base.clone()
            },
        ),
        (
            "places",
            Customer {
                phone: Some(Phone {
                    calling_code: "31".into(),
                    number: "612345678".into(),
                }),
                country: Some("NL".into()),
                external_id: Some(m.to_owned()),
                billing_addresses: vec![customer_core::Address {
                    name: Some(m.to_owned()),
                    ..Default::default()
                }],
                ..base.clone()
            },
        ),
        (
            "long external id",
            Customer {
                external_id: Some(m.repeat(100)),
                ..base.clone()
            },
        ),
    ];
    let mut refusals = 0;
    for (what, customer) in &cases {
        for api in Api::ALL {
            if let Err(error) = api.encode(customer) {
                error_clean(&format!("{api} encode, {what}"), &error);
                refusals += 1;
            }
        }
    }
    assert!(refusals >= 30, "only {refusals} refusals");
}

// ----- The binary ----------------------------------------------------------------------------

#[test]
fn the_binary_keeps_values_out_of_its_output() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("no-personal-data")
        .join(std::process::id().to_string());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let m = MARK;
    let lines = [
        json!({"email": format!("{m}@"), "name": m.repeat(2000), "locale": format!("{m}_{m}"),
               "custom_data": m, "id": m})
        .to_string(),
        json!({"email": MARK_DIGITS.parse::<u64>().expect("digits")}).to_string(),
        format!("{{\"email\": \"{m}"),
        json!({"data": {"email": format!("{m}é@example.com"), "status": m, "created_at": m}})
            .to_string(),
    ];
    std::fs::write(dir.join("marked.ndjson"), lines.join("\n")).expect("written");
    std::fs::write(dir.join("marked.json"), &lines[0]).expect("written");
    let runs: [&[&str]; 4] = [
        &["check", "--api", "paddle", "marked.ndjson"],
        &["check", "--api", "paddle", "marked.json"],
        &["check", "--api", "mollie", "marked.ndjson"],
        &[
            "convert",
            "--from",
            "legit",
            "--to",
            "paddle",
            "marked.ndjson",
        ],
    ];
    // Each run once in English and once in every other language of the catalogs.
    let runs = runs.iter().flat_map(|args| {
        LANGUAGES.iter().map(move |lang| {
            let mut with_lang = args.to_vec();
            with_lang.splice(1..1, ["--lang", lang]);
            with_lang
        })
    });
    for args in runs {
        let output = Command::new(env!("CARGO_BIN_EXE_customer-model"))
            .args(&args)
            .current_dir(&dir)
            .stdin(Stdio::null())
            .output()
            .expect("the binary runs");
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
        assert!(
            !(stdout.is_empty() && stderr.is_empty()),
            "{args:?}: no report"
        );
        assert_clean(&format!("{args:?}"), &[stdout, stderr]);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A conversion whose error quotes the value it refused.
#[derive(Deserialize, CustomerModel, Debug)]
#[serde(try_from = "String")]
#[allow(dead_code)]
struct Quoting(String);

impl TryFrom<String> for Quoting {
    type Error = String;
    fn try_from(text: String) -> Result<Self, String> {
        Err(format!("{text} is refused"))
    }
}

#[derive(Deserialize, CustomerModel, Debug)]
#[allow(dead_code)]
struct Pair(#[customer(length(max = 3))] String, u8);

#[derive(Deserialize, CustomerModel, Debug)]
#[serde(tag = "type")]
enum Tagged {
    A,
}

#[derive(Deserialize, CustomerModel, Debug)]
enum Plain {
    A,
}

#[derive(Deserialize, CustomerModel, Debug)]
#[allow(dead_code)]
struct Forms {
    quoting: Quoting,
    #[customer(nested)]
    pair: Pair,
    tagged: Tagged,
    plain: Plain,
    #[customer(nested)]
    pairs: Vec<Pair>,
}

/// The containers serde reads through another type or form (a `try_from` whose error quotes the
/// value, tuple structs, tagged enums, the object form of an enum's name) keep values out.
#[test]
fn the_forms_read_through_another_type_keep_values_out() {
    let number: u64 = MARK_DIGITS.parse().expect("digits");
    let documents = [
        json!({"quoting": MARK, "pair": [MARK, number], "tagged": {"type": MARK},
            "plain": MARK, "pairs": [[MARK, 1, MARK], [MARK], MARK]}),
        json!({"quoting": number, "pair": MARK, "tagged": [MARK],
            "plain": {"A": MARK}, "pairs": [{"a": MARK}, [number, MARK]]}),
        json!({"quoting": [MARK], "pair": [number], "tagged": MARK,
            "plain": {"A": number}, "pairs": [[MARK, number]]}),
    ];
    for (i, document) in documents.iter().enumerate() {
        let text = document.to_string();
        refused(&format!("forms {i}"), Valid::<Forms>::from_json(&text));
        refused(
            &format!("forms shapes {i}"),
            customer_core::json::from_str::<Forms>(&text),
        );
    }
}

/// A chain of models with a check at each level, too deep for the second read's budget: the
/// report (its `unchecked` entry, the checks that ran, the wrong type at the top) shows no value,
/// in any language.
#[derive(Debug, Deserialize, CustomerModel)]
#[customer(check = deep_check)]
#[allow(dead_code)]
struct Deep {
    #[customer(length(max = 4))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Deep>>,
}

fn deep_check(level: &Deep) -> Result<(), RuleError> {
    if level.name.contains(MARK) {
        Err(RuleError::new("marked", "is marked"))
    } else {
        Ok(())
    }
}

#[test]
fn a_report_cut_by_the_budget_keeps_values_out() {
    let mut text = format!(r#"{{"name":{MARK_DIGITS},"next":"#);
    for _ in 1..60 {
        text.push_str(&format!(r#"{{"name":"{MARK}","next":"#));
    }
    text.push_str("null");
    text.push_str(&"}".repeat(60));
    let error = Valid::<Deep>::from_json(&text).expect_err("a wrong type at the top");
    let codes: Vec<&str> = error.violations().iter().map(Violation::code).collect();
    assert_eq!(codes.first(), Some(&"unchecked"), "{codes:?}");
    assert!(
        codes.contains(&"marked") && codes.contains(&"length"),
        "{codes:?}"
    );
    error_clean("a chain past the budget", &error);
}
