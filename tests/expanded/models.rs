// The models whose expansion `tests/derive_expanded.rs` holds. Not a test target itself:
// customer-derive's test `expanded::the_committed_expansion_is_current` expands them, and
// `CUSTOMER_BLESS=1 cargo test -p customer-derive expanded` writes the result.

use customer_core::{CustomerModel, RuleError, ValidationErrors};

#[allow(clippy::unnecessary_wraps)]
fn always_ok(_: &str) -> Result<(), RuleError> {
    Ok(())
}

#[allow(clippy::unnecessary_wraps)]
fn whole<T>(_: &Signup<'_, T>) -> Result<(), RuleError> {
    Ok(())
}

#[derive(CustomerModel)]
#[customer(check = whole)]
pub struct Signup<'a, T> {
    #[customer(length(min = 1, max = 10), pattern = "^[a-z]+$")]
    pub handle: &'a str,
    #[customer(id(prefix = "ctm_", chars = "a-z0-9", len = 26))]
    pub id: String,
    #[customer(pattern = "^(a|b)+$", code = "ab_only", message = "only a and b")]
    pub ab: Option<String>,
    #[customer(required, custom = always_ok)]
    pub note: Option<String>,
    #[customer(email(max = 254))]
    pub email: String,
    #[customer(locale(short))]
    pub locale: String,
    #[customer(metadata(max_bytes = 1024))]
    pub metadata: Option<serde_json::Value>,
    #[customer(nested)]
    pub address: Vec<Address>,
    #[customer(each(bytes(max = 8)))]
    pub tags: Vec<String>,
    #[customer(range(min = 1, max = 10))]
    pub quantity: u32,
    #[customer(one_of("a", "b"))]
    pub kind: std::borrow::Cow<'a, str>,
    #[customer(country)]
    pub country: Option<String>,
    #[customer(skip_nested)]
    pub payload: T,
}

#[derive(CustomerModel)]
pub struct Address {
    #[customer(length(max = 16))]
    pub postal_code: String,
    #[customer(phone)]
    pub phone: Option<String>,
    #[customer(url)]
    pub website: Option<String>,
    #[customer(timestamp)]
    pub seen_at: Option<String>,
}

#[derive(CustomerModel, Debug)]
#[customer(email)]
pub struct Email(String);

#[derive(CustomerModel, serde::Serialize, serde::Deserialize, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Person,
    SmallBusiness,
    #[customer(other)]
    #[serde(untagged)]
    Other(String),
}

#[derive(Default)]
pub struct Plain {
    pub name: String,
}

#[derive(CustomerModel)]
#[customer(try_from = Plain, into = Plain)]
pub struct Checked {
    #[customer(length(max = 3))]
    pub name: String,
}

pub struct Limits {
    pub name_max: usize,
}

#[allow(clippy::unnecessary_wraps)]
fn form_check(_: &Form, _: &Limits) -> Result<(), ValidationErrors> {
    Ok(())
}

#[derive(CustomerModel)]
#[customer(context(Limits), check = form_check)]
pub struct Form {
    #[customer(length(max = ctx.name_max))]
    pub name: String,
    #[customer(nested)]
    pub address: Option<Address>,
}

#[derive(CustomerModel, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    #[customer(length(max = 8))]
    pub line1: String,
}

#[allow(clippy::unnecessary_wraps)]
fn place_ok(_: &Place) -> Result<(), RuleError> {
    Ok(())
}

fn two_codes() -> Vec<String> {
    vec!["ab".into(), "cd".into()]
}

/// Fields whose second-read rules are holders of `customer_core` without a rules function of
/// their own kind: `each(...)` with a default, `length` beside `each(...)`, `nested` with
/// another rule (its rules function takes whether the model is validated).
#[derive(CustomerModel, serde::Deserialize)]
pub struct Holders {
    #[serde(default = "two_codes")]
    #[customer(each(length(max = 2)))]
    pub codes: Vec<String>,
    #[customer(length(max = 3), each(length(max = 2)))]
    pub tags: Vec<String>,
    #[customer(nested, custom = place_ok)]
    pub place: Option<Place>,
    #[serde(default)]
    #[customer(each(nested), length(max = 2))]
    pub places: Vec<Place>,
}

#[allow(clippy::unnecessary_wraps)]
fn line_check(_: &Line) -> Result<(), RuleError> {
    Ok(())
}

fn as_read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    serde::Deserialize::deserialize(deserializer)
}

/// A tuple struct: an array of the fields serde reads.
#[derive(CustomerModel, serde::Deserialize)]
#[customer(check = line_check)]
pub struct Line(
    #[customer(length(max = 5))] pub String,
    #[serde(deserialize_with = "as_read")]
    #[customer(length(max = 3))]
    pub String,
    #[customer(nested)] pub Place,
    #[serde(skip)] pub u8,
    #[serde(default)]
    #[customer(range(max = 9))]
    pub u8,
);

/// Read as its one field.
#[derive(CustomerModel, serde::Deserialize)]
#[serde(transparent)]
pub struct Wrapped {
    #[customer(nested)]
    pub place: Place,
    #[serde(skip)]
    pub marker: std::marker::PhantomData<u8>,
}

/// Read through another type, the conversion may fail.
#[derive(CustomerModel, serde::Deserialize)]
#[serde(try_from = "Place")]
pub struct Converted {
    #[customer(length(min = 1))]
    pub line1: String,
}

impl TryFrom<Place> for Converted {
    type Error = RuleError;
    fn try_from(place: Place) -> Result<Self, RuleError> {
        Ok(Converted { line1: place.line1 })
    }
}

/// Read through another type.
#[derive(CustomerModel, serde::Deserialize)]
#[serde(from = "String")]
pub struct Named {
    #[customer(length(max = 4))]
    pub text: String,
}

impl From<String> for Named {
    fn from(text: String) -> Self {
        Named { text }
    }
}

#[derive(CustomerModel, serde::Deserialize)]
#[serde(tag = "type")]
pub enum Tagged {
    A,
    B,
}

#[derive(CustomerModel, serde::Deserialize)]
#[serde(untagged)]
pub enum Unset {
    Unset,
}

/// A tagged union: struct, tuple, newtype and unit variants, and a check on the whole.
#[derive(CustomerModel, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[customer(check = party_is_consistent)]
pub enum Party {
    Individual {
        #[customer(email)]
        email: String,
        #[customer(length(max = 64))]
        name: Option<String>,
    },
    Pair(#[customer(email)] String, u32),
    #[customer(nested)]
    Business(Place),
    Guest,
}

#[allow(clippy::unnecessary_wraps)]
fn party_is_consistent(_: &Party) -> Result<(), RuleError> {
    Ok(())
}

/// A generic union with a context, adjacently tagged.
#[derive(CustomerModel, serde::Deserialize)]
#[serde(tag = "t", content = "c")]
#[customer(context(Limits))]
pub enum Entry<T> {
    Text(#[customer(length(max = ctx.name_max))] String),
    Model(#[customer(nested)] T),
    Lines {
        #[customer(each(length(max = ctx.name_max)))]
        lines: Vec<String>,
    },
}

/// An internally tagged union refusing unknown members, with an untagged variant.
#[derive(CustomerModel, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase", deny_unknown_fields)]
pub enum Event {
    Created {
        #[customer(email)]
        email: String,
        #[serde(default)]
        note: Option<String>,
    },
    #[customer(nested)]
    Moved(Place),
    Closed,
    #[serde(untagged)]
    Raw(#[customer(range(max = 9))] u32),
}

/// An untagged union.
#[derive(CustomerModel, serde::Deserialize)]
#[serde(untagged)]
pub enum Contact {
    Person {
        #[customer(email)]
        email: String,
    },
    Phones(#[customer(length(max = 2))] Vec<String>),
    Pair(String, #[customer(range(max = 9))] u32),
}

#[test]
fn the_expanded_models_validate() {
    let address = Address {
        postal_code: "1011 AB".to_owned(),
        phone: None,
        website: Some("https://example.com".to_owned()),
        seen_at: None,
    };
    let signup = Signup {
        handle: "jo",
        id: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4".to_owned(),
        ab: None,
        note: Some(String::new()),
        email: "jo@example.com".to_owned(),
        locale: "nl-NL".to_owned(),
        metadata: None,
        address: vec![address],
        tags: vec!["vip".to_owned()],
        quantity: 11,
        kind: "c".into(),
        country: Some("NL".to_owned()),
        payload: (),
    };
    let errors = signup.validate().expect_err("two rules are broken");
    let codes: Vec<&str> = errors.iter().map(customer_core::Violation::code).collect();
    assert_eq!(codes, ["range", "one_of"]);
    assert!("jo@example.com".parse::<Email>().is_ok());
    assert_eq!("small_business".parse::<Kind>(), Ok(Kind::SmallBusiness));
    assert!(Checked::try_from(Plain { name: "long".to_owned() }).is_err());
    let form = Form { name: "Jo".to_owned(), address: None };
    assert!(customer_core::CustomerModelWith::validate_with(&form, &Limits { name_max: 1 }).is_err());
}
