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
