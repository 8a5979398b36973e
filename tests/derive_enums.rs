//! Enums whose variants carry data (tagged unions): each variant's rules run at the pointers
//! serde reads the variant's fields from, in every representation:
//!
//! | representation | struct variant field | tuple element | newtype variant |
//! | --- | --- | --- | --- |
//! | externally tagged (default) | `/<variant>/<field>` | `/<variant>/<i>` | `/<variant>` |
//! | internally tagged (`tag = "t"`) | `/<field>` | (serde refuses) | the model's own pointers |
//! | adjacently tagged (`tag`, `content = "c"`) | `/c/<field>` | `/c/<i>` | `/c` |
//! | untagged | `/<field>` | `/<i>` | the enum's own pointer |

use std::collections::{BTreeMap, HashMap};

use customer_core::{CustomerModel, CustomerModelWith, RuleError, Valid, ValidationErrors};
use serde::Deserialize;

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

#[derive(CustomerModel, Deserialize, Debug, Clone)]
struct Address {
    #[customer(country)]
    country_code: String,
}

#[derive(CustomerModel, Deserialize, Debug, Clone)]
struct Company {
    #[customer(length(min = 1, max = 8))]
    name: String,
    #[customer(nested)]
    seat: Option<Address>,
}

fn company(name: &str, country: &str) -> Company {
    Company {
        name: name.to_owned(),
        seat: Some(Address {
            country_code: country.to_owned(),
        }),
    }
}

fn consonants(value: &str) -> Result<(), RuleError> {
    if value.chars().any(|c| "aeiou".contains(c)) {
        Err(RuleError::new("consonants", "must not contain vowels"))
    } else {
        Ok(())
    }
}

#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
enum External {
    Individual {
        #[customer(email)]
        email_address: String,
    },
    #[serde(rename = "biz", alias = "business")]
    Business {
        #[customer(pattern = "^[A-Z]{2}[0-9]{4}$")]
        vat_id: String,
        #[customer(length(max = 3))]
        #[serde(default)]
        trading_name: Option<String>,
        #[customer(each(length(max = 2), custom = consonants), length(max = 3))]
        #[serde(default)]
        codes: Vec<String>,
    },
    #[serde(rename_all = "UPPERCASE")]
    Shouting {
        #[customer(length(max = 2))]
        word: String,
    },
    Pair(#[customer(email)] String, #[customer(range(max = 9))] u32),
    #[customer(nested)]
    Company(Company),
    Listed(#[customer(nested)] Vec<Company>),
    Plain(String),
    Nothing,
}

#[test]
fn externally_tagged_fields_sit_under_the_variant_name() {
    expect(
        External::Individual {
            email_address: "nope".into(),
        }
        .validate(),
        &[("/individual/emailAddress", "email")],
    );
    expect(
        External::Business {
            vat_id: "x".into(),
            trading_name: Some("long".into()),
            codes: vec!["ab".into(), "bcd".into(), "xx".into(), "zz".into()],
        }
        .validate(),
        &[
            ("/biz/vatId", "pattern"),
            ("/biz/tradingName", "length"),
            ("/biz/codes/0", "consonants"),
            ("/biz/codes/1", "length"),
            ("/biz/codes", "length"),
        ],
    );
    expect(
        External::Shouting {
            word: "long".into(),
        }
        .validate(),
        &[("/shouting/WORD", "length")],
    );
    expect(
        External::Pair("no".into(), 10).validate(),
        &[("/pair/0", "email"), ("/pair/1", "range")],
    );
    expect(
        External::Company(company("", "XX")).validate(),
        &[
            ("/company/name", "length"),
            ("/company/seat/country_code", "country"),
        ],
    );
    expect(
        External::Listed(vec![company("ok", "NL"), company("waytoolong", "NL")]).validate(),
        &[("/listed/1/name", "length")],
    );
    assert!(External::Nothing.validate().is_ok());
    assert!(External::Plain("anything".into()).validate().is_ok());
    assert!(External::Pair("a@b.co".into(), 9).validate().is_ok());
    assert!(External::Company(company("Acme", "NL")).validate().is_ok());
}

#[test]
fn a_valid_document_reads_through_serde_and_validates() {
    let read = Valid::<External>::from_json(r#"{"biz": {"vatId": "NL1234", "codes": ["xy"]}}"#)
        .expect("valid");
    assert!(matches!(&*read, External::Business { vat_id, .. } if vat_id == "NL1234"));
    // The alias reads too.
    assert!(Valid::<External>::from_json(r#"{"business": {"vatId": "NL1234"}}"#).is_ok());
    let read = Valid::<External>::from_json(r#"{"company": {"name": "Acme", "seat": null}}"#)
        .expect("valid");
    assert!(matches!(&*read, External::Company(c) if c.name == "Acme"));
    assert!(Valid::<External>::from_json(r#""nothing""#).is_ok());
}

#[test]
fn an_invalid_document_reports_the_variants_rules_at_its_pointers() {
    let error = Valid::<External>::from_json(
        r#"{"company": {"name": "much too long", "seat": {"country_code": "XX"}}}"#,
    )
    .expect_err("invalid");
    assert!(matches!(error, customer_core::Error::Invalid(_)));
    assert_eq!(
        found(error.violations()),
        [
            ("/company/name".to_owned(), "length".to_owned()),
            (
                "/company/seat/country_code".to_owned(),
                "country".to_owned()
            ),
        ]
    );
    // In the order of the document, not of the declaration.
    let error = Valid::<Internal>::from_json(
        r#"{"seat": {"country_code": "XX"}, "type": "company", "name": ""}"#,
    )
    .expect_err("invalid");
    assert_eq!(
        found(error.violations()),
        [
            ("/seat/country_code".to_owned(), "country".to_owned()),
            ("/name".to_owned(), "length".to_owned()),
        ]
    );
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type", rename_all = "lowercase")]
enum Internal {
    Individual {
        #[customer(email)]
        email: String,
    },
    Business {
        #[customer(length(min = 2))]
        #[serde(rename = "vat")]
        vat_id: String,
    },
    Company(#[customer(nested)] Company),
    Guest,
}

#[test]
fn internally_tagged_fields_sit_at_the_objects_own_level() {
    expect(
        Internal::Individual {
            email: "nope".into(),
        }
        .validate(),
        &[("/email", "email")],
    );
    expect(
        Internal::Business { vat_id: "x".into() }.validate(),
        &[("/vat", "length")],
    );
    expect(
        Internal::Company(company("", "XX")).validate(),
        &[("/name", "length"), ("/seat/country_code", "country")],
    );
    assert!(Internal::Guest.validate().is_ok());
    assert!(Valid::<Internal>::from_json(r#"{"type": "business", "vat": "NL12"}"#).is_ok());
    assert!(
        Valid::<Internal>::from_json(r#"{"type": "company", "name": "Acme", "seat": null}"#)
            .is_ok()
    );
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Business {
        #[customer(length(min = 2))]
        vat_id: String,
    },
    Pair(#[customer(email)] String, #[customer(range(min = 1))] i64),
    Company(#[customer(nested)] Company),
    Email(#[customer(email)] String),
    Unit,
}

#[test]
fn adjacently_tagged_fields_sit_under_the_content_key() {
    expect(
        Adjacent::Business { vat_id: "x".into() }.validate(),
        &[("/c/vat_id", "length")],
    );
    expect(
        Adjacent::Pair("x".into(), 0).validate(),
        &[("/c/0", "email"), ("/c/1", "range")],
    );
    expect(
        Adjacent::Company(company("", "NL")).validate(),
        &[("/c/name", "length")],
    );
    expect(Adjacent::Email("x".into()).validate(), &[("/c", "email")]);
    assert!(Adjacent::Unit.validate().is_ok());
    assert!(Valid::<Adjacent>::from_json(r#"{"t": "Email", "c": "a@b.co"}"#).is_ok());
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(untagged)]
enum Untagged {
    Business {
        #[customer(length(min = 2))]
        vat_id: String,
    },
    Pair(#[customer(email)] String, #[customer(range(min = 1))] i64),
    Email(#[customer(email)] String),
    Company(#[customer(nested)] Company),
}

#[test]
fn untagged_fields_sit_at_the_enums_own_level() {
    expect(
        Untagged::Business { vat_id: "x".into() }.validate(),
        &[("/vat_id", "length")],
    );
    expect(
        Untagged::Pair("x".into(), 0).validate(),
        &[("/0", "email"), ("/1", "range")],
    );
    expect(Untagged::Email("x".into()).validate(), &[("", "email")]);
    expect(
        Untagged::Company(company("", "NL")).validate(),
        &[("/name", "length")],
    );
    assert!(Valid::<Untagged>::from_json(r#"["a@b.co", 3]"#).is_ok());
}

/// An `#[serde(untagged)]` variant after the tagged ones is read at the enum's own place.
#[derive(CustomerModel, Deserialize, Debug)]
enum Fallback {
    Known {
        #[customer(length(max = 2))]
        code: String,
    },
    #[serde(untagged)]
    Unknown {
        #[customer(length(max = 2))]
        raw: String,
    },
}

#[test]
fn an_untagged_variant_of_a_tagged_enum_sits_at_the_enums_level() {
    expect(
        Fallback::Known {
            code: "long".into(),
        }
        .validate(),
        &[("/Known/code", "length")],
    );
    expect(
        Fallback::Unknown { raw: "long".into() }.validate(),
        &[("/raw", "length")],
    );
}

/// A union in a struct: alone, in `Option`, `Vec` and a map, each under the struct's key.
#[derive(CustomerModel, Deserialize, Debug)]
struct Signup {
    #[customer(nested)]
    party: External,
    #[customer(nested)]
    previous: Option<Internal>,
    #[customer(nested)]
    others: Vec<Adjacent>,
    #[customer(nested)]
    by_label: BTreeMap<String, Untagged>,
    #[customer(nested)]
    by_key: HashMap<String, External>,
}

#[test]
fn a_union_field_of_a_struct_is_validated_in_every_container() {
    let signup = Signup {
        party: External::Pair("x".into(), 1),
        previous: Some(Internal::Business { vat_id: "x".into() }),
        others: vec![Adjacent::Unit, Adjacent::Email("x".into())],
        by_label: BTreeMap::from([("a".to_owned(), Untagged::Email("x".into()))]),
        by_key: HashMap::from([("k".to_owned(), External::Nothing)]),
    };
    expect(
        signup.validate(),
        &[
            ("/party/pair/0", "email"),
            ("/previous/vat", "length"),
            ("/others/1/c", "email"),
            ("/by_label/a", "email"),
        ],
    );
    let valid = Valid::<Signup>::from_json(
        r#"{"party": "nothing", "previous": {"type": "guest"}, "others": [{"t": "Unit"}],
            "by_label": {"a": "a@b.co"}, "by_key": {"k": {"pair": ["a@b.co", 2]}}}"#,
    );
    assert!(valid.is_ok(), "{valid:?}");
}

struct Limits {
    name_max: usize,
}

fn short_enough(value: &str, limits: &Limits) -> Result<(), RuleError> {
    if value.len() <= limits.name_max {
        Ok(())
    } else {
        Err(RuleError::new("short", "too long"))
    }
}

fn not_both(form: &WithContext, _: &Limits) -> Result<(), RuleError> {
    match form {
        WithContext::Named { name } if name == "both" => {
            Err(RuleError::new("not_both", "not both"))
        }
        _ => Ok(()),
    }
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
struct Line {
    #[customer(length(max = ctx.name_max))]
    text: String,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits), check = not_both)]
#[serde(tag = "kind")]
enum WithContext {
    Named {
        #[customer(length(max = ctx.name_max), custom = short_enough)]
        name: String,
    },
    Line(#[customer(nested)] Line),
}

#[test]
fn a_union_with_a_context_reads_it_in_its_rules_and_its_models() {
    let limits = Limits { name_max: 3 };
    expect(
        WithContext::Named {
            name: "long".into(),
        }
        .validate_with(&limits),
        &[("/name", "length"), ("/name", "short")],
    );
    expect(
        WithContext::Line(Line {
            text: "long".into(),
        })
        .validate_with(&limits),
        &[("/text", "length")],
    );
    expect(
        WithContext::Named {
            name: "both".into(),
        }
        .validate_with(&Limits { name_max: 9 }),
        &[("", "not_both")],
    );
    assert!(WithContext::Named { name: "abc".into() }
        .validate_with(&limits)
        .is_ok());
}

/// A struct of the same context passes it down to the union it holds.
#[derive(CustomerModel, Deserialize, Debug)]
#[customer(context(Limits))]
struct Tenant {
    #[customer(nested)]
    entries: Vec<WithContext>,
}

#[test]
fn a_struct_passes_its_context_to_a_union_field() {
    let tenant = Tenant {
        entries: vec![
            WithContext::Named { name: "ok".into() },
            WithContext::Line(Line {
                text: "long".into(),
            }),
        ],
    };
    expect(
        tenant.validate_with(&Limits { name_max: 3 }),
        &[("/entries/1/text", "length")],
    );
    assert!(tenant.validate_with(&Limits { name_max: 4 }).is_ok());
}

#[derive(CustomerModel, Deserialize, Debug)]
enum Generic<T, U> {
    One(#[customer(nested)] T),
    Many {
        #[customer(each(nested), length(max = 2))]
        items: Vec<T>,
    },
    Opaque(#[customer(skip_nested)] U),
}

#[test]
fn a_generic_union_validates_its_nested_parameters() {
    expect(
        Generic::<Company, Company>::One(company("", "NL")).validate(),
        &[("/One/name", "length")],
    );
    expect(
        Generic::<Company, ()>::Many {
            items: vec![
                company("ok", "XX"),
                company("ok", "NL"),
                company("ok", "NL"),
            ],
        }
        .validate(),
        &[
            ("/Many/items/0/seat/country_code", "country"),
            ("/Many/items", "length"),
        ],
    );
    assert!(Generic::<Company, Company>::Opaque(company("", "XX"))
        .validate()
        .is_ok());
}

fn whole(value: &Checked) -> Result<(), RuleError> {
    match value {
        Checked::Range { from, to } if from > to => {
            Err(RuleError::new("order", "must start before it ends"))
        }
        _ => Ok(()),
    }
}

/// `check = f` on a union runs after the variant's rules, reported at the enum's pointer.
#[derive(CustomerModel, Deserialize, Debug)]
#[customer(check = whole)]
enum Checked {
    Range {
        #[customer(range(max = 100))]
        from: u32,
        to: u32,
    },
}

#[test]
fn a_unions_check_runs_after_its_variants_rules() {
    expect(
        Checked::Range { from: 101, to: 3 }.validate(),
        &[("/Range/from", "range"), ("", "order")],
    );
}

/// The newtype variant's attributes may sit on the variant or on its field.
#[derive(CustomerModel, Deserialize, Debug)]
#[allow(dead_code)]
enum OnVariant {
    #[customer(email, message = "an email address, please")]
    Email(String),
    #[customer(skip_nested)]
    Unchecked(Company),
}

#[test]
fn rules_on_a_newtype_variant_check_its_field() {
    let errors = OnVariant::Email("x".into())
        .validate()
        .expect_err("invalid");
    assert_eq!(found(&errors), [("/Email".to_owned(), "email".to_owned())]);
    assert_eq!(
        errors.iter().next().map(|v| v.message().to_string()),
        Some("an email address, please".to_owned())
    );
    assert!(OnVariant::Unchecked(company("", "XX")).validate().is_ok());
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Contact {
    #[customer(email)]
    email: String,
}

/// A flattened model of a struct variant sits at the variant's own place; a skipped element is
/// not counted in a tuple variant's indices, as serde reads it.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "lowercase")]
enum Shapes {
    Person {
        #[customer(length(max = 3))]
        name: String,
        #[serde(flatten)]
        #[customer(nested)]
        contact: Contact,
    },
    Pair(
        #[serde(skip)] u8,
        #[customer(length(max = 1))] String,
        #[customer(range(max = 1))] u8,
    ),
}

#[test]
fn flattened_fields_and_skipped_elements_follow_serde() {
    expect(
        Shapes::Person {
            name: "long".into(),
            contact: Contact { email: "x".into() },
        }
        .validate(),
        &[("/person/name", "length"), ("/person/email", "email")],
    );
    expect(
        Shapes::Pair(0, "ab".into(), 2).validate(),
        &[("/pair/0", "length"), ("/pair/1", "range")],
    );
    let read = Valid::<Shapes>::from_json(r#"{"pair": ["a", 1]}"#).expect("valid");
    assert!(matches!(&*read, Shapes::Pair(0, s, 1) if s == "a"));
}

/// A type with a hand-written `Deserialize` and `Shape`: nothing known about it at compile time.
#[derive(Debug, PartialEq)]
struct Opaque(String);

impl<'de> Deserialize<'de> for Opaque {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut members = BTreeMap::<String, String>::deserialize(d)?;
        Ok(Opaque(members.remove("code").unwrap_or_default()))
    }
}

impl customer_core::json::Shape for Opaque {}

/// A generic enum: its newtype variants are not checked at compile time.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type", rename_all = "snake_case")]
enum GenericTagged<T> {
    Value(#[customer(skip_nested)] T),
}

/// Internally tagged newtype variants that serde can read: the compile-time checks (a wrapped
/// type that reads the tag's member, or that is not read from an object, is a compile error,
/// see tests/ui/enums/data-internal-*.rs) let each of them through, and each reads.
#[derive(CustomerModel, Deserialize, Debug)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(dead_code)] // read and validated, not looked at
enum Readable {
    Company(#[customer(nested)] Company),
    Boxed(#[customer(nested)] Box<Company>),
    Maybe(#[customer(nested)] Option<Company>),
    Labels(BTreeMap<String, String>),
    Any(serde_json::Value),
    Opaque(Opaque),
    Other(#[customer(nested)] Adjacent),
}

#[test]
fn internally_tagged_newtypes_that_read_from_an_object_compile_and_read() {
    let company = r#""name": "Acme", "seat": null"#;
    for (tag, rest) in [
        ("company", company),
        ("boxed", company),
        ("maybe", company),
        ("labels", r#""a": "b""#),
        ("any", r#""a": [1]"#),
        ("opaque", r#""code": "x""#),
        ("other", r#""t": "Email", "c": "a@example.com""#),
    ] {
        let json = format!(r#"{{"type": "{tag}", {rest}}}"#);
        Valid::<Readable>::from_json(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
    }
    let json = r#"{"type": "opaque", "code": "x7"}"#;
    match Valid::<Readable>::from_json(json).map(Valid::into_inner) {
        Ok(Readable::Opaque(value)) => assert_eq!(value, Opaque("x7".into())),
        other => panic!("{other:?}"),
    }
    let json = r#"{"type": "value", "name": "Acme", "seat": null}"#;
    assert!(Valid::<GenericTagged<Company>>::from_json(json).is_ok());
}

/// The two fixes the derive names when an untagged variant is shadowed by an earlier one whose
/// fields may all be missing (`tests/ui/enums/data-untagged-shadowed.rs`): each makes the later
/// variant read its documents.
#[test]
fn a_shadowed_untagged_variant_is_read_once_reordered_or_strict() {
    #[derive(CustomerModel, Deserialize, Debug)]
    #[serde(untagged)]
    enum Reordered {
        Member {
            #[customer(email)]
            email: String,
            #[customer(length(min = 8))]
            password: String,
        },
        Guest {
            #[customer(email)]
            email: Option<String>,
        },
    }
    #[derive(CustomerModel, Deserialize, Debug)]
    #[serde(untagged, deny_unknown_fields)]
    enum Strict {
        Guest {
            #[customer(email)]
            email: Option<String>,
        },
        Member {
            #[customer(email)]
            email: String,
            #[customer(length(min = 8))]
            password: String,
        },
    }
    let member = r#"{"email": "jo@example.com", "password": "short"}"#;
    let guest = r#"{"email": "jo@example.com"}"#;
    // The member's rules run: it is read as a member, not quietly as a guest.
    for errors in [
        Valid::<Reordered>::from_json(member).map(drop).unwrap_err(),
        Valid::<Strict>::from_json(member).map(drop).unwrap_err(),
    ] {
        let codes: Vec<&str> = errors.violations().iter().map(|v| v.code()).collect();
        assert_eq!(codes, ["length"], "{errors}");
    }
    assert!(matches!(
        Valid::<Reordered>::from_json(guest).map(Valid::into_inner),
        Ok(Reordered::Guest { .. })
    ));
    assert!(matches!(
        Valid::<Strict>::from_json(guest).map(Valid::into_inner),
        Ok(Strict::Guest { .. })
    ));
}
