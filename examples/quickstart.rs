//! The quickstart: derive `CustomerModel` on your own struct, validate good and bad records,
//! print every violation with its JSON Pointer, and convert into the canonical `Customer`.
//!
//! Run it with `cargo run --example quickstart`.

use customer_core::{Customer, CustomerModel, Valid};
use serde::Deserialize;

/// A sign-up form as a web backend receives it.
#[derive(CustomerModel, Deserialize, Debug)]
#[customer(try_into = Customer)]
struct SignupForm {
    /// An address, 1..=320 characters.
    #[customer(email)]
    email: String,
    /// At most 1024 characters when present.
    #[customer(length(max = 1024))]
    name: Option<String>,
    /// BCP 47 short form: language(-Script)(-REGION).
    #[customer(locale(short))]
    locale: Option<String>,
    /// Whatever the merchant attaches, at most 1 kB of compact JSON.
    #[customer(metadata(max_bytes = 1024), rename = "metadata")]
    custom_data: Option<serde_json::Value>,
}

const RECORDS: &[(&str, &str)] = &[
    (
        "good",
        r#"{"email": "jo@example.com", "name": "Jo Brown", "locale": "nl-NL", "custom_data": {"plan": "pro"}}"#,
    ),
    (
        "bad values",
        r#"{"email": "jo@example", "name": null, "locale": "nl_NL", "custom_data": {"notes": "LONG"}}"#,
    ),
    (
        "wrong shape",
        r#"{"email": ["jo@example.com"], "locale": 7}"#,
    ),
    ("not JSON", r#"{"email": "jo@example.com""#),
];

fn main() {
    for (label, template) in RECORDS {
        let json = template.replace("LONG", &"x".repeat(1100));
        println!("== {label}");
        match Valid::<SignupForm>::from_json(&json) {
            Ok(form) => {
                println!("valid: {}", form.email);
                match Customer::try_from(form.into_inner()) {
                    Ok(customer) => println!(
                        "as a Customer: email {:?}, locale {:?}, metadata {}",
                        customer.email,
                        customer.locale,
                        customer
                            .metadata
                            .as_ref()
                            .map_or(0, |m| m.to_string().len())
                    ),
                    Err(errors) => println!("cannot become a Customer:\n{errors}"),
                }
            }
            Err(error) => println!("{error}"),
        }
        println!();
    }
}
