//! Forms (issue 11): `skip_conversion`, struct checks that point at fields, the validation
//! context, and conversions that report everything in the source's names.

use customer_core::{Customer, CustomerModel, Path, RuleError, ValidationErrors, Violation};

fn found(errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

fn expect<T>(result: Result<T, ValidationErrors>, want: &[(&str, &str)]) {
    let Err(errors) = result else {
        panic!("should be invalid")
    };
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(found(&errors), want, "{errors}");
}

// ---- skip_conversion -------------------------------------------------------------------------

/// A signup form holds more than the customer: the password and the plan are validated but
/// `Customer` has no place for them.
#[derive(CustomerModel, Debug)]
#[customer(try_into = Customer)]
struct SignupForm {
    #[customer(email)]
    email: Option<String>,
    #[customer(length(min = 12), skip_conversion)]
    password: String,
    #[customer(one_of("free", "pro"), skip_conversion)]
    plan: String,
    #[customer(skip)]
    csrf: String,
}

fn signup() -> SignupForm {
    SignupForm {
        email: Some("jo@example.com".to_owned()),
        password: "correct horse battery".to_owned(),
        plan: "pro".to_owned(),
        csrf: String::new(),
    }
}

#[test]
fn skip_conversion_fields_are_validated_but_not_mapped() {
    assert!(signup().validate().is_ok());
    let customer = Customer::try_from(signup()).expect("valid");
    assert_eq!(customer.email.as_deref(), Some("jo@example.com"));

    let mut form = signup();
    form.password = "short".to_owned();
    form.plan = "gold".to_owned();
    form.csrf = "not checked".to_owned();
    expect(
        form.validate(),
        &[("/password", "length"), ("/plan", "one_of")],
    );
}

#[derive(Debug, Default, PartialEq)]
struct Stored {
    email: String,
    plan: String,
}

#[derive(CustomerModel, Debug, PartialEq)]
#[customer(from = Stored, into = Stored)]
struct Edit {
    #[customer(email)]
    email: String,
    #[customer(length(max = 3), skip_conversion)]
    nickname: String,
}

#[test]
fn skip_conversion_in_from_fills_default_and_into_leaves_the_target_default() {
    let edit = Edit::from(Stored {
        email: "jo@example.com".to_owned(),
        plan: "pro".to_owned(),
    });
    assert_eq!(edit.nickname, "");
    let stored = Stored::from(Edit {
        email: "jo@example.com".to_owned(),
        nickname: "jo".to_owned(),
    });
    assert_eq!(stored.plan, "");
    assert_eq!(stored.email, "jo@example.com");
    let edit = Edit {
        email: "jo@example.com".to_owned(),
        nickname: "jojojo".to_owned(),
    };
    expect(edit.validate(), &[("/nickname", "length")]);
}

// ---- checks that point at fields -------------------------------------------------------------

#[derive(CustomerModel, Debug)]
#[customer(check = phone_or_email, check = country_matches)]
struct Contact {
    #[customer(email)]
    email: Option<String>,
    phone: Option<String>,
    country: String,
}

/// A report with pointers relative to the struct.
fn phone_or_email(contact: &Contact) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if contact.email.is_none() && contact.phone.is_none() {
        for key in ["email", "phone"] {
            errors.push_violation(Violation::new(
                Path::ROOT.key(key).to_pointer(),
                RuleError::new(
                    "contact_required",
                    "give an email address or a phone number",
                ),
            ));
        }
    }
    errors.into_result()
}

/// One error at the struct's own pointer.
fn country_matches(contact: &Contact) -> Result<(), RuleError> {
    if contact
        .phone
        .as_deref()
        .is_some_and(|p| p.starts_with("+31"))
        && contact.country != "NL"
    {
        return Err(RuleError::new(
            "country_mismatch",
            "the phone number is not of this country",
        ));
    }
    Ok(())
}

#[derive(CustomerModel, Debug)]
struct Account {
    #[customer(nested)]
    contact: Contact,
    #[customer(nested)]
    others: Vec<Contact>,
}

fn contact(email: Option<&str>, phone: Option<&str>, country: &str) -> Contact {
    Contact {
        email: email.map(str::to_owned),
        phone: phone.map(str::to_owned),
        country: country.to_owned(),
    }
}

#[test]
fn checks_returning_reports_point_at_fields_under_the_struct() {
    expect(
        contact(None, None, "NL").validate(),
        &[
            ("/email", "contact_required"),
            ("/phone", "contact_required"),
        ],
    );
    expect(
        contact(None, Some("+3120"), "DE").validate(),
        &[("", "country_mismatch")],
    );
    let account = Account {
        contact: contact(None, None, "NL"),
        others: vec![
            contact(Some("jo@example.com"), None, "NL"),
            contact(None, Some("+3120"), "BE"),
        ],
    };
    expect(
        account.validate(),
        &[
            ("/contact/email", "contact_required"),
            ("/contact/phone", "contact_required"),
            ("/others/1", "country_mismatch"),
        ],
    );
    assert!(contact(Some("jo@example.com"), Some("+3120"), "NL")
        .validate()
        .is_ok());
}

// ---- validation context ----------------------------------------------------------------------

/// Limits that differ per tenant.
struct Tenant {
    name_max: usize,
    metadata_limit: usize,
    email_max: usize,
    plans: &'static [&'static str],
    min_age: u8,
}

const TENANT: Tenant = Tenant {
    name_max: 8,
    metadata_limit: 16,
    email_max: 40,
    plans: &["free", "pro"],
    min_age: 18,
};

fn known_plan(plan: &str, tenant: &Tenant) -> Result<(), RuleError> {
    if tenant.plans.contains(&plan) {
        Ok(())
    } else {
        Err(RuleError::new("plan", "is not a plan of this tenant"))
    }
}

fn old_enough(form: &TenantSignup, tenant: &Tenant) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::default();
    if form.age < tenant.min_age {
        errors.push_violation(Violation::new(
            "/age",
            RuleError::new("too_young", "is below this tenant's minimum age"),
        ));
    }
    errors.into_result()
}

#[derive(CustomerModel, Debug, serde::Deserialize)]
#[customer(context(Tenant), check = old_enough)]
struct TenantSignup {
    #[customer(email(max = ctx.email_max))]
    email: String,
    #[customer(length(min = 1, max = ctx.name_max))]
    name: Option<String>,
    #[customer(bytes(max = ctx.name_max * 4))]
    nickname: Option<String>,
    #[customer(metadata(max_bytes = ctx.metadata_limit))]
    metadata: Option<serde_json::Value>,
    #[customer(custom = known_plan)]
    plan: String,
    #[customer(range(min = 0, max = 150))]
    age: u8,
    /// A nested model with the same context gets it.
    #[customer(nested)]
    address: Option<TenantAddress>,
    /// A nested model without a context is validated as before.
    #[customer(nested)]
    contacts: Vec<Contact>,
}

#[derive(CustomerModel, Debug, serde::Deserialize)]
#[customer(context(Tenant))]
struct TenantAddress {
    #[customer(length(max = ctx.name_max))]
    city: String,
}

impl<'de> serde::Deserialize<'de> for Contact {
    fn deserialize<D: serde::Deserializer<'de>>(_: D) -> Result<Self, D::Error> {
        Ok(contact(Some("jo@example.com"), None, "NL"))
    }
}

fn tenant_signup() -> TenantSignup {
    TenantSignup {
        email: "jo@example.com".to_owned(),
        name: Some("Jo".to_owned()),
        nickname: None,
        metadata: Some(serde_json::json!({"a": 1})),
        plan: "pro".to_owned(),
        age: 30,
        address: Some(TenantAddress {
            city: "Utrecht".to_owned(),
        }),
        contacts: vec![contact(Some("jo@example.com"), None, "NL")],
    }
}

#[test]
fn rule_arguments_custom_and_check_read_the_context() {
    use customer_core::CustomerModelWith;
    assert!(tenant_signup().validate_with(&TENANT).is_ok());

    let mut form = tenant_signup();
    form.email = format!("{}@example.com", "j".repeat(30));
    form.name = Some("Josephine".to_owned());
    form.nickname = Some("é".repeat(17));
    form.metadata = Some(serde_json::json!({"note": "more than sixteen"}));
    form.plan = "gold".to_owned();
    form.age = 17;
    form.address = Some(TenantAddress {
        city: "Rotterdam".to_owned(),
    });
    form.contacts = vec![contact(None, None, "NL")];
    expect(
        form.validate_with(&TENANT),
        &[
            ("/email", "email"),
            ("/name", "length"),
            ("/nickname", "bytes"),
            ("/metadata", "metadata_too_large"),
            ("/plan", "plan"),
            ("/address/city", "length"),
            ("/contacts/0/email", "contact_required"),
            ("/contacts/0/phone", "contact_required"),
            ("/age", "too_young"),
        ],
    );
    // The same form under a more generous tenant.
    let generous = Tenant {
        name_max: 64,
        metadata_limit: 1024,
        email_max: 320,
        plans: &["gold"],
        min_age: 16,
    };
    let mut form = tenant_signup();
    form.plan = "gold".to_owned();
    form.age = 17;
    form.name = Some("Josephine".to_owned());
    assert!(form.validate_with(&generous).is_ok());
}

#[test]
fn email_max_from_the_context_is_capped_at_320() {
    use customer_core::CustomerModelWith;
    let huge = Tenant {
        email_max: usize::MAX,
        ..TENANT
    };
    let mut form = tenant_signup();
    form.email = format!("{}@example.com", "j".repeat(320));
    expect(form.validate_with(&huge), &[("/email", "email")]);
}

#[test]
fn valid_from_json_with_takes_the_context() {
    use customer_core::{Error, Valid};
    let json = r#"{"email": "jo@example.com", "name": "Josephine", "nickname": null,
        "metadata": null, "plan": "pro", "age": 40, "address": null, "contacts": []}"#;
    let generous = Tenant {
        name_max: 64,
        ..TENANT
    };
    let form = Valid::<TenantSignup>::from_json_with(json, &generous).expect("valid");
    assert_eq!(form.name.as_deref(), Some("Josephine"));
    let Err(Error::Invalid(errors)) = Valid::<TenantSignup>::from_json_with(json, &TENANT) else {
        panic!("a name of 9 characters is over this tenant's limit");
    };
    assert_eq!(found(&errors), [("/name".to_owned(), "length".to_owned())]);
    assert!(!errors.to_string().contains("Josephine"));
    assert!(Valid::new_with(tenant_signup(), &TENANT).is_ok());
}

// ---- conversions report everything, in the source's names -----------------------------------

/// A form whose names differ from `Customer`'s: `lang` is `Customer::locale`.
#[derive(CustomerModel, Debug)]
#[customer(try_into = Customer)]
struct ProfileForm {
    email: Option<String>,
    #[customer(maps_to = "locale")]
    lang: Option<String>,
    #[customer(maps_to = "phone", with = parse_phone)]
    telephone: Option<String>,
}

/// `+31 20 1234567` as `Customer`'s phone: a `+`, the calling code, a space, the number.
fn parse_phone(text: Option<String>) -> Result<Option<customer_core::Phone>, RuleError> {
    let Some(text) = text else { return Ok(None) };
    let (code, number) = text
        .strip_prefix('+')
        .and_then(|rest| rest.split_once(' '))
        .ok_or_else(|| RuleError::new("phone_format", "must be `+code number`"))?;
    Ok(Some(customer_core::Phone {
        calling_code: code.to_owned(),
        number: number.replace(' ', ""),
    }))
}

fn profile(email: &str, lang: &str, telephone: &str) -> ProfileForm {
    ProfileForm {
        email: Some(email.to_owned()),
        lang: Some(lang.to_owned()),
        telephone: Some(telephone.to_owned()),
    }
}

#[test]
fn try_into_reports_the_targets_violations_at_the_sources_names() {
    let customer =
        Customer::try_from(profile("jo@example.com", "nl-NL", "+31 20 1234567")).expect("valid");
    assert_eq!(customer.locale.as_deref(), Some("nl-NL"));
    assert_eq!(
        customer.phone.map(|p| p.calling_code),
        Some("31".to_owned())
    );

    // `Customer` checks the locale and the phone: reported at `/lang` and `/telephone`.
    expect(
        Customer::try_from(profile("jo@example.com", "nl_NL", "+31 2012345678901234")),
        &[("/lang", "locale"), ("/telephone", "phone")],
    );
}

#[test]
fn a_failing_with_does_not_hide_the_targets_violations() {
    // The phone does not convert; the email and the locale are still checked by `Customer`.
    expect(
        Customer::try_from(profile("jo@example", "nl_NL", "0612345678")),
        &[
            ("/telephone", "phone_format"),
            ("/email", "email"),
            ("/lang", "locale"),
        ],
    );
    // Nothing is reported for the field that did not convert but its conversion error.
    expect(
        Customer::try_from(profile("jo@example.com", "nl-NL", "0612345678")),
        &[("/telephone", "phone_format")],
    );
}

struct Incoming {
    language: String,
    handle: String,
    age: u8,
}

#[derive(CustomerModel, Debug)]
#[customer(try_from = Incoming)]
struct Member {
    #[customer(locale(short), maps_to = "language")]
    #[allow(dead_code)]
    locale: String,
    #[customer(length(min = 3), maps_to = "handle", with = lowercase)]
    #[allow(dead_code)]
    nick: String,
    #[customer(with = adult)]
    #[allow(dead_code)]
    age: u8,
}

fn lowercase(text: String) -> String {
    text.to_lowercase()
}

fn adult(age: u8) -> Result<u8, RuleError> {
    if age >= 18 {
        Ok(age)
    } else {
        Err(RuleError::new("adult", "must be 18 or older"))
    }
}

#[test]
fn try_from_checks_what_converted_when_a_field_did_not() {
    let incoming = |language: &str, handle: &str, age| Incoming {
        language: language.to_owned(),
        handle: handle.to_owned(),
        age,
    };
    assert!(Member::try_from(incoming("nl-NL", "Jolene", 30)).is_ok());
    expect(
        Member::try_from(incoming("nl-NL-x-private", "JO", 30)),
        &[("/language", "locale"), ("/handle", "length")],
    );
    expect(
        Member::try_from(incoming("nl-NL-x-private", "JO", 12)),
        &[
            ("/age", "adult"),
            ("/language", "locale"),
            ("/handle", "length"),
        ],
    );
}
