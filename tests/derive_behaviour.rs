//! What the derive does at run time, table-style: pointers in wire names, every violation in
//! declared order, nesting, newtypes, enums, conversions and `Valid<T>`.

use std::collections::{BTreeMap, HashMap};

use customer_core::{CustomerModel, RuleError, Valid, ValidationErrors};
use serde::{Deserialize, Serialize};

fn found(errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

fn expect(result: Result<(), ValidationErrors>, want: &[(&str, &str)]) {
    let errors = result.expect_err("should be invalid");
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(found(&errors), want, "{errors}");
}

#[derive(CustomerModel, Deserialize, Serialize, Debug)]
#[serde(rename_all = "camelCase")]
struct Account {
    #[customer(length(min = 1, max = 5))]
    first_name: String,
    #[customer(pattern = "^cus_[a-z0-9]+$")]
    #[serde(rename = "ID")]
    customer_id: String,
    #[customer(nested)]
    billing_address: Vec<Address>,
    #[customer(nested)]
    shipping: Option<Box<Address>>,
    #[customer(nested)]
    by_label: BTreeMap<String, Address>,
    #[customer(nested)]
    #[serde(flatten)]
    extra: Extra,
    #[customer(length(max = 2))]
    nickname: Option<Option<String>>,
}

#[derive(CustomerModel, Deserialize, Serialize, Debug, Clone)]
struct Address {
    #[customer(length(min = 1, max = 8))]
    postal_code: String,
    #[customer(each(length(max = 3)))]
    lines: Vec<String>,
}

#[derive(CustomerModel, Deserialize, Serialize, Debug, Default)]
struct Extra {
    #[customer(bytes(max = 4))]
    note: Option<String>,
}

fn address(postal_code: &str) -> Address {
    Address {
        postal_code: postal_code.to_owned(),
        lines: vec!["a".to_owned()],
    }
}

fn account() -> Account {
    Account {
        first_name: "Jo".to_owned(),
        customer_id: "cus_abc123".to_owned(),
        billing_address: vec![address("1011AB")],
        shipping: None,
        by_label: BTreeMap::new(),
        extra: Extra::default(),
        nickname: None,
    }
}

#[test]
fn valid_values_pass() {
    assert!(account().validate().is_ok());
    let mut a = account();
    a.nickname = Some(None);
    assert!(a.validate().is_ok(), "null is not checked");
}

#[test]
fn pointers_use_wire_names_in_declared_order() {
    let mut a = account();
    a.first_name = "Johannes".to_owned();
    a.customer_id = "cus_ABC".to_owned();
    a.billing_address = vec![address("ok"), address("123456789")];
    a.billing_address[0].lines = vec!["abcd".to_owned(), "ab".to_owned(), "a/b~c".to_owned()];
    a.shipping = Some(Box::new(address("")));
    a.by_label.insert("home/office".to_owned(), address(""));
    a.extra.note = Some("ééé".to_owned());
    a.nickname = Some(Some("abc".to_owned()));
    expect(
        a.validate(),
        &[
            ("/firstName", "length"),
            ("/ID", "pattern"),
            ("/billingAddress/0/lines/0", "length"),
            ("/billingAddress/0/lines/2", "length"),
            ("/billingAddress/1/postal_code", "length"),
            ("/shipping/postal_code", "length"),
            ("/byLabel/home~1office/postal_code", "length"),
            ("/note", "bytes"),
            ("/nickname", "length"),
        ],
    );
}

#[test]
fn hash_map_values_are_nested() {
    #[derive(CustomerModel)]
    struct Book {
        #[customer(nested)]
        entries: HashMap<String, Address>,
    }
    let book = Book {
        entries: HashMap::from([("x".to_owned(), address("too long value"))]),
    };
    expect(book.validate(), &[("/entries/x/postal_code", "length")]);
}

#[test]
fn metadata_counts_compact_json_of_values_and_other_serialize_types() {
    #[derive(Serialize)]
    struct Note {
        text: String,
    }
    #[derive(CustomerModel)]
    struct Meta {
        #[customer(metadata(max_bytes = 20))]
        value: Option<serde_json::Value>,
        #[customer(metadata(max_bytes = 20))]
        note: Note,
        #[customer(metadata(json_string, max_bytes = 20))]
        text: String,
    }
    // {"text":"…"} is 11 bytes around the text; "x" * 9 makes exactly 20.
    let fits = Meta {
        value: Some(serde_json::json!({"text": "x".repeat(9)})),
        note: Note {
            text: "x".repeat(9),
        },
        text: format!("{{ \"text\" : \"{}\" }}", "x".repeat(9)),
    };
    assert!(fits.validate().is_ok());
    let over = Meta {
        value: Some(serde_json::json!({"text": "x".repeat(10)})),
        note: Note {
            text: "x".repeat(10),
        },
        text: format!("{{\"text\":\"{}\"}}", "x".repeat(10)),
    };
    expect(
        over.validate(),
        &[
            ("/value", "metadata_too_large"),
            ("/note", "metadata_too_large"),
            ("/text", "metadata_too_large"),
        ],
    );
}

#[test]
fn characters_are_not_bytes() {
    #[derive(CustomerModel)]
    struct Name {
        #[customer(length(max = 3))]
        chars: String,
        #[customer(bytes(max = 3))]
        bytes: String,
    }
    // "héé" is 3 characters and 5 bytes.
    let name = Name {
        chars: "héé".to_owned(),
        bytes: "héé".to_owned(),
    };
    expect(name.validate(), &[("/bytes", "bytes")]);
}

#[test]
fn simple_and_regex_patterns_agree_on_ascii_classes() {
    #[derive(CustomerModel)]
    struct Ids {
        #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
        simple: String,
        #[customer(pattern = "^(ctm|cus)_\\d+$")]
        regex: String,
    }
    let ok = Ids {
        simple: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4".to_owned(),
        regex: "cus_123".to_owned(),
    };
    assert!(ok.validate().is_ok());
    // U+0663 ARABIC-INDIC DIGIT THREE is a Unicode digit, not an ASCII one.
    let arabic = Ids {
        simple: "ctm_01hv6y1jedq4p1n0yqn5ba3k\u{663}".to_owned(),
        regex: "cus_12\u{663}".to_owned(),
    };
    expect(
        arabic.validate(),
        &[("/simple", "pattern"), ("/regex", "pattern")],
    );
    let short = Ids {
        simple: "ctm_01hv6y1jedq4p1n0yqn5ba3ky".to_owned(),
        regex: "xcus_1".to_owned(),
    };
    expect(
        short.validate(),
        &[("/simple", "pattern"), ("/regex", "pattern")],
    );
}

fn no_vowels(value: &str) -> Result<(), RuleError> {
    if value.contains(['a', 'e', 'i', 'o', 'u']) {
        Err(RuleError::new("no_vowels", "must not contain vowels"))
    } else {
        Ok(())
    }
}

fn dates_in_order(range: &Period) -> Result<(), RuleError> {
    if range.start <= range.end {
        Ok(())
    } else {
        Err(RuleError::new("order", "must start before it ends"))
    }
}

#[derive(CustomerModel)]
#[customer(check = dates_in_order)]
struct Period {
    #[customer(range(min = 0, max = 100))]
    start: i32,
    #[customer(range(max = 100), custom = no_vowels_i32)]
    end: i32,
    #[customer(custom = no_vowels, message = "vowels are not allowed here", code = "consonants")]
    label: Option<String>,
    #[customer(required)]
    owner: Option<String>,
    #[customer(range(min = 0.5, max = 1.5))]
    ratio: f64,
}

#[allow(clippy::unnecessary_wraps, clippy::trivially_copy_pass_by_ref)]
fn no_vowels_i32(_: &i32) -> Result<(), RuleError> {
    Ok(())
}

#[test]
fn custom_check_required_range_and_overrides() {
    let period = Period {
        start: 50,
        end: 10,
        label: Some("abc".to_owned()),
        owner: None,
        ratio: f64::NAN,
    };
    let errors = period.validate().unwrap_err();
    assert_eq!(
        found(&errors),
        [
            ("/label".to_owned(), "consonants".to_owned()),
            ("/owner".to_owned(), "required".to_owned()),
            ("/ratio".to_owned(), "range".to_owned()),
            (String::new(), "order".to_owned()),
        ]
    );
    assert_eq!(
        errors.violations()[0].message(),
        "vowels are not allowed here"
    );
    assert_eq!(
        errors.to_string(),
        "/label: vowels are not allowed here\n/owner: is required\n/ratio: must be between 0.5 and 1.5\n: must start before it ends"
    );
    let json = serde_json::to_value(&errors).unwrap();
    assert_eq!(
        json[1],
        serde_json::json!({"pointer": "/owner", "code": "required", "message": "is required"})
    );
}

#[derive(CustomerModel, Debug, Clone, PartialEq, Eq, Hash)]
#[customer(length(min = 3, max = 8), pattern = "^[a-z]+$")]
struct Handle(String);

#[test]
fn newtypes_parse_and_validate() {
    let handle: Handle = "jolene".parse().unwrap();
    assert_eq!(handle.to_string(), "jolene");
    assert_eq!(handle.len(), 6, "derefs to str");
    assert_eq!(AsRef::<str>::as_ref(&handle), "jolene");
    assert_eq!(String::from(handle.clone()), "jolene");
    assert!(Handle::try_from("jo").is_err());
    let errors = Handle::try_from("Jo".to_owned()).unwrap_err();
    assert_eq!(
        found(&errors),
        [
            (String::new(), "length".to_owned()),
            (String::new(), "pattern".to_owned())
        ]
    );

    assert_eq!(serde_json::to_string(&handle).unwrap(), "\"jolene\"");
    let back: Handle = serde_json::from_str("\"jolene\"").unwrap();
    assert_eq!(back, handle);
    let refused = serde_json::from_str::<Handle>("\"SECRET-VALUE\"")
        .unwrap_err()
        .to_string();
    assert!(!refused.contains("SECRET"), "{refused}");
}

#[test]
fn newtypes_report_at_their_field() {
    #[derive(CustomerModel, Deserialize, Debug)]
    struct Profile {
        #[customer(nested)]
        handle: Handle,
        #[customer(length(max = 3))]
        other: Option<Handle>,
    }
    let errors =
        Valid::<Profile>::from_json(r#"{"handle": "SECRET", "other": "abcd"}"#).unwrap_err();
    let text = errors.to_string();
    assert!(text.starts_with("/handle: "), "{text}");
    assert!(!text.contains("SECRET"), "{text}");
    assert_eq!(errors.violations().iter().next().unwrap().code(), "pattern");

    let profile = Profile {
        handle: "abcdef".parse().unwrap(),
        other: Some("abcd".parse().unwrap()),
    };
    expect(profile.validate(), &[("/other", "length")]);
}

#[derive(CustomerModel, Serialize, Deserialize, Debug, PartialEq, Eq, Clone)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum Plan {
    Free,
    #[serde(rename = "pro-plan")]
    Pro,
    SmallTeam,
}

#[derive(CustomerModel, Serialize, Deserialize, Debug, PartialEq, Eq, Clone)]
#[serde(rename_all = "lowercase")]
enum Mode {
    Live,
    Test,
    #[customer(other)]
    #[serde(untagged)]
    Other(String),
}

#[test]
fn enums_speak_their_serde_names() {
    assert_eq!(Plan::SmallTeam.as_str(), "SMALL_TEAM");
    assert_eq!(Plan::Pro.to_string(), "pro-plan");
    assert_eq!("FREE".parse::<Plan>().unwrap(), Plan::Free);
    let error = "free".parse::<Plan>().unwrap_err();
    assert_eq!(error.code(), "one_of");
    assert_eq!(
        error.to_string(),
        "must be one of `FREE`, `pro-plan`, `SMALL_TEAM`"
    );
    for plan in [Plan::Free, Plan::Pro, Plan::SmallTeam] {
        assert_eq!(
            serde_json::to_string(&plan).unwrap(),
            format!("\"{}\"", plan.as_str())
        );
    }

    assert_eq!("live".parse::<Mode>().unwrap(), Mode::Live);
    assert_eq!(
        "sandbox".parse::<Mode>().unwrap(),
        Mode::Other("sandbox".to_owned())
    );
    assert_eq!(Mode::Other("sandbox".to_owned()).as_str(), "sandbox");
    let open: Mode = serde_json::from_str("\"sandbox\"").unwrap();
    assert_eq!(open, Mode::Other("sandbox".to_owned()));
}

// Conversions between two shapes of the same customer.
#[derive(Debug, Clone, PartialEq, Default)]
struct Wire {
    full_name: String,
    email: String,
    tags: Vec<String>,
    age: u8,
}

fn years(age: u8) -> u32 {
    u32::from(age)
}

fn checked_years(age: u8) -> Result<u32, RuleError> {
    if age >= 18 {
        Ok(u32::from(age))
    } else {
        Err(RuleError::new("adult", "must be 18 or older"))
    }
}

#[derive(CustomerModel, Debug, PartialEq)]
#[customer(from = Wire)]
struct Loose {
    #[customer(maps_to = "full_name")]
    name: String,
    email: String,
    #[customer(with = years)]
    age: u32,
    #[customer(default)]
    source: Option<String>,
}

fn trimmed(name: String) -> String {
    name.trim().to_owned()
}

#[derive(CustomerModel, Debug, PartialEq)]
#[customer(try_from = Wire)]
struct Trimmed {
    #[customer(maps_to = "full_name", with = trimmed, length(min = 1))]
    name: String,
}

#[derive(CustomerModel, Debug, PartialEq)]
#[customer(try_from = Wire)]
struct Strict {
    #[customer(maps_to = "full_name", length(max = 5))]
    name: String,
    #[customer(nested)]
    email: Handle,
    #[customer(length(max = 1))]
    tags: Vec<String>,
    #[customer(with = checked_years)]
    age: u32,
}

#[derive(CustomerModel, Debug, PartialEq, Clone)]
#[customer(into = Wire)]
struct Outgoing {
    #[customer(maps_to = "full_name")]
    name: String,
    email: String,
    tags: Vec<String>,
    age: u8,
    #[customer(skip)]
    internal: u64,
}

#[derive(CustomerModel, Debug, PartialEq, Clone)]
#[customer(try_into = Target)]
struct Source {
    name: String,
}

#[derive(CustomerModel, Debug, PartialEq, Default)]
struct Target {
    /// Not in `Source`: filled with its default.
    note: Option<String>,
    #[customer(length(min = 2))]
    name: String,
}

fn wire() -> Wire {
    Wire {
        full_name: "Jo".to_owned(),
        email: "jolene".to_owned(),
        tags: vec!["a".to_owned()],
        age: 30,
    }
}

#[test]
fn from_and_into_map_fields_by_name() {
    let loose = Loose::from(wire());
    assert_eq!(
        loose,
        Loose {
            name: "Jo".to_owned(),
            email: "jolene".to_owned(),
            age: 30,
            source: None,
        }
    );
    let outgoing = Outgoing {
        name: "Jo".to_owned(),
        email: "jolene".to_owned(),
        tags: vec![],
        age: 3,
        internal: 9,
    };
    let wire: Wire = outgoing.into();
    assert_eq!(wire.full_name, "Jo");
    assert_eq!(wire.age, 3);
}

#[test]
fn try_from_reports_every_violation() {
    let strict = Strict::try_from(wire()).unwrap();
    assert_eq!(strict.age, 30);
    let bad = Wire {
        full_name: "Johannes".to_owned(),
        email: "Jo".to_owned(),
        tags: vec!["a".to_owned(), "b".to_owned()],
        age: 12,
    };
    let errors = Strict::try_from(bad).unwrap_err();
    // Field conversions fail first (the handle, the age), then the rules of the fields that did
    // convert are checked: everything at the source's names (`full_name`, not `name`).
    assert_eq!(
        found(&errors),
        [
            ("/email".to_owned(), "length".to_owned()),
            ("/email".to_owned(), "pattern".to_owned()),
            ("/age".to_owned(), "adult".to_owned()),
            ("/full_name".to_owned(), "length".to_owned()),
            ("/tags".to_owned(), "length".to_owned()),
        ]
    );
    let bad_rules = Wire {
        full_name: "Johannes".to_owned(),
        tags: vec!["a".to_owned(), "b".to_owned()],
        ..wire()
    };
    let errors = Strict::try_from(bad_rules).unwrap_err();
    assert_eq!(
        found(&errors),
        [
            ("/full_name".to_owned(), "length".to_owned()),
            ("/tags".to_owned(), "length".to_owned())
        ]
    );
}

#[test]
fn try_from_with_takes_plain_values_too() {
    let name = |full_name: &str| Wire {
        full_name: full_name.to_owned(),
        ..wire()
    };
    assert_eq!(Trimmed::try_from(name("  Jo ")).unwrap().name, "Jo");
    let errors = Trimmed::try_from(name("   ")).unwrap_err();
    assert_eq!(
        found(&errors),
        [("/full_name".to_owned(), "length".to_owned())]
    );
}

#[test]
fn try_into_validates_the_target() {
    let target: Target = Source {
        name: "Jo".to_owned(),
    }
    .try_into()
    .unwrap();
    assert_eq!(target.name, "Jo");
    let errors = Target::try_from(Source {
        name: "J".to_owned(),
    })
    .unwrap_err();
    assert_eq!(found(&errors), [("/name".to_owned(), "length".to_owned())]);
}

#[test]
fn valid_is_only_built_by_validating() {
    let ok = Valid::<Account>::from_json(
        r#"{"firstName":"Jo","ID":"cus_a1","billingAddress":[],"shipping":null,"byLabel":{},"nickname":null}"#,
    )
    .unwrap();
    assert_eq!(ok.first_name, "Jo");
    let errors = Valid::<Account>::from_json(
        r#"{"firstName":"Johannes","ID":"cus_a1","billingAddress":[{"postal_code":"","lines":[]}],"byLabel":{}}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(errors.violations()),
        [
            ("/firstName".to_owned(), "length".to_owned()),
            (
                "/billingAddress/0/postal_code".to_owned(),
                "length".to_owned()
            ),
        ]
    );
    assert!(Valid::new(account()).is_ok());
    let via_serde: Result<Valid<Address>, _> =
        serde_json::from_str(r#"{"postal_code":"","lines":[]}"#);
    assert!(via_serde.is_err());
}

#[test]
fn shape_errors_have_pointers_and_no_values() {
    let cases: &[(&str, &str, &str)] = &[
        (r#"{"firstName": 5}"#, "/firstName", "invalid_type"),
        (
            r#"{"firstName":"Jo","ID":"cus_a","billingAddress":[{"postal_code":"SECRET","lines":[7]}],"byLabel":{}}"#,
            "/billingAddress/0/lines/0",
            "invalid_type",
        ),
        (
            r#"{"firstName":"Jo","billingAddress":[],"byLabel":{}}"#,
            "/ID",
            "missing_field",
        ),
        (r#"{"firstName": "SECRET""#, "", "malformed_json"),
        (
            r#"{"firstName":"Jo","ID":"cus_a","billingAddress":[],"byLabel":{}} SECRET"#,
            "",
            "malformed_json",
        ),
        ("", "", "malformed_json"),
    ];
    for (json, pointer, code) in cases {
        let error = Valid::<Account>::from_json(json).unwrap_err();
        let v = &error.violations().violations()[0];
        assert_eq!(
            (v.pointer(), v.code()),
            (*pointer, *code),
            "{json}: {error}"
        );
        assert!(!error.to_string().contains("SECRET"), "{error}");
        assert!(!format!("{error:?}").contains("SECRET"), "{error:?}");
    }
    #[derive(CustomerModel, Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Strict {
        #[allow(dead_code)]
        name: String,
    }
    let unknown = Valid::<Strict>::from_json(r#"{"name": "x", "country": "SECRET"}"#).unwrap_err();
    let v = &unknown.violations().violations()[0];
    assert_eq!((v.pointer(), v.code()), ("/country", "unknown_field"));
    let missing = Valid::<Strict>::from_json("{}").unwrap_err();
    let v = &missing.violations().violations()[0];
    assert_eq!((v.pointer(), v.code()), ("/name", "missing_field"));

    let plan = Valid::<PlanHolder>::from_json(r#"{"plan": "SECRET"}"#).unwrap_err();
    assert_eq!(plan.violations().violations()[0].code(), "one_of");
    assert!(!plan.to_string().contains("SECRET"), "{plan}");
}

#[derive(CustomerModel, Deserialize, Debug)]
struct PlanHolder {
    #[allow(dead_code)]
    plan: Plan,
}

#[derive(CustomerModel, Deserialize)]
struct Node {
    #[customer(length(max = 10))]
    name: String,
    #[customer(nested)]
    child: Option<Box<Node>>,
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let mut node = Node {
        name: "leaf".to_owned(),
        child: None,
    };
    for _ in 0..1_000 {
        node = Node {
            name: "n".to_owned(),
            child: Some(Box::new(node)),
        };
    }
    let errors = node.validate().unwrap_err();
    assert_eq!(errors.violations()[0].code(), "too_deep");
    // Dropping a deep Box chain recursively is the test's own business: unlink it iteratively.
    let mut next = node.child.take();
    while let Some(mut boxed) = next {
        next = boxed.child.take();
    }
}

/// The runtime under another path, as a crate that re-exports customer-core would offer it.
mod facade {
    pub use customer_core::*;
}

#[derive(CustomerModel)]
#[customer(crate = crate::facade)]
struct ViaFacade {
    #[customer(email)]
    email: String,
    #[customer(each(length(max = 2)))]
    tags: Vec<String>,
}

#[test]
fn crate_path_points_generated_code_at_another_path() {
    let ok = ViaFacade {
        email: "jo@example.com".into(),
        tags: vec!["a".into()],
    };
    assert!(ok.validate().is_ok());
    let bad = ViaFacade {
        email: "jo@".into(),
        tags: vec!["abc".into()],
    };
    expect(
        bad.validate(),
        &[("/email", "email"), ("/tags/0", "length")],
    );
}

/// A field read through `#[serde(alias)]`: a violation points at the key the document used,
/// whether the document reads (`validate`, then the pointers put right) or not (the second
/// read), in a nested model too; a missing field points at its wire name.
#[derive(CustomerModel, Deserialize, Debug)]
struct Aliased {
    #[customer(email, required)]
    #[serde(default, alias = "mail", alias = "e-mail")]
    email: Option<String>,
    #[customer(each(length(max = 3)))]
    #[serde(default, alias = "labels")]
    tags: Vec<String>,
    #[customer(nested)]
    #[serde(default, alias = "addr")]
    address: Option<Address>,
    count: Option<u8>,
}

#[test]
fn a_violation_points_at_the_alias_the_document_used() {
    let cases: &[(&str, &[(&str, &str)])] = &[
        (r#"{"mail": "no"}"#, &[("/mail", "email")]),
        (r#"{"e-mail": null}"#, &[("/e-mail", "required")]),
        (r#"{"email": "no"}"#, &[("/email", "email")]),
        (r#"{}"#, &[("/email", "required")]),
        (
            r#"{"mail": "jo@example.com", "labels": ["ok", "long"]}"#,
            &[("/labels/1", "length")],
        ),
        (
            r#"{"mail": "jo@example.com", "addr": {"postal_code": "", "lines": []}}"#,
            &[("/addr/postal_code", "length")],
        ),
        // Two violations, one through an alias: both put right, in document order.
        (
            r#"{"labels": ["long"], "mail": "no"}"#,
            &[("/labels/0", "length"), ("/mail", "email")],
        ),
        // The document does not read (`count`): the second read points at the same keys, the
        // `each` rule at the element that reads.
        (
            r#"{"mail": "no", "labels": ["long", 1], "count": -1}"#,
            &[
                ("/mail", "email"),
                ("/labels/0", "length"),
                ("/labels/1", "invalid_type"),
                ("/count", "range"),
            ],
        ),
    ];
    for (json, want) in cases {
        let errors = Valid::<Aliased>::from_json(json).unwrap_err();
        let got: Vec<(String, String)> = errors
            .violations()
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
            .collect();
        assert_eq!(got, want, "{json}");
    }
    let read = Valid::<Aliased>::from_json(r#"{"mail": "jo@example.com", "count": 2}"#).unwrap();
    assert_eq!(read.email.as_deref(), Some("jo@example.com"));
    assert_eq!(read.count, Some(2));
}

/// The bound the compile error of a generic helper names (`FromJsonPlain`) is enough to read any
/// model through `Valid::from_json`, with the one report.
fn read_any<T: customer_core::FromJsonPlain>(json: &str) -> Result<Valid<T>, customer_core::Error> {
    Valid::<T>::from_json(json)
}

#[test]
fn a_generic_helper_bounded_by_from_json_plain_reads_a_model() {
    #[derive(Deserialize, CustomerModel)]
    struct Signup {
        #[customer(email)]
        email: String,
    }
    assert!(read_any::<Signup>(r#"{"email": "jo@example.com"}"#).is_ok());
    let error = read_any::<Signup>(r#"{"email": "nope"}"#)
        .err()
        .expect("refused");
    let pointers: Vec<String> = error
        .into_violations()
        .iter()
        .map(|v| v.pointer().to_owned())
        .collect();
    assert_eq!(pointers, ["/email"]);
}
