//! The quickstart: derive `CustomerModel` on your own struct, validate good and bad records,
//! print every violation with its JSON Pointer, and convert into the canonical `Customer`;
//! then decode the example payloads of the four seed APIs and convert between all of them.
//!
//! Run it with `cargo run --example quickstart`.

use customer_core::providers::Api;
use customer_core::{Customer, CustomerModel, Error, Valid};
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
    #[customer(metadata(max_bytes = 1024), maps_to = "metadata")]
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
    println!("#### Your own struct\n");
    form_tour();
    println!("#### The seed APIs\n");
    seeds_tour();
}

fn form_tour() {
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

/// The seed examples, as the fixtures of `customer-core`'s tests hold them.
const EXAMPLES: [(Api, &str, &str); 8] = [
    (
        Api::Mollie,
        "create response (seed 000)",
        include_str!("../../customer-core/tests/fixtures/mollie_create_response.json"),
    ),
    (
        Api::Mollie,
        "get response (seed 001)",
        include_str!("../../customer-core/tests/fixtures/mollie_get_response.json"),
    ),
    (
        Api::Tazapay,
        "customer envelope, as the seed shows it (seed 002)",
        include_str!("../../customer-core/tests/fixtures/tazapay_customer_response.json"),
    ),
    (
        Api::Tazapay,
        "customer envelope with a real email",
        include_str!("../../customer-core/tests/fixtures/tazapay_customer_response_fixed.json"),
    ),
    (
        Api::Paddle,
        "response example (seed 003)",
        include_str!("../../customer-core/tests/fixtures/paddle_customer_response.json"),
    ),
    (
        Api::Paddle,
        "request example (seed 003)",
        include_str!("../../customer-core/tests/fixtures/paddle_create_request.json"),
    ),
    (
        Api::Legit,
        "CreateCustomer example (seed 004)",
        include_str!("../../customer-core/tests/fixtures/legit_create_customer.json"),
    ),
    (
        Api::Legit,
        "CreateCustomer with name and email",
        include_str!("../../customer-core/tests/fixtures/legit_create_customer_full.json"),
    ),
];

fn seeds_tour() {
    println!("== Decoding the seed examples\n");
    let mut customers: Vec<(Api, &str, Customer)> = Vec::new();
    for (api, what, json) in EXAMPLES {
        println!("{api}: {what}");
        match api.decode(json) {
            Ok(customer) => {
                summarise(&customer);
                customers.push((api, what, customer));
            }
            Err(error) => print_error(&error),
        }
        println!();
    }

    println!("== Converting every valid example to every API\n");
    for (from, what, customer) in &customers {
        for to in Api::ALL {
            print!("{from} ({what}) -> {to}: ");
            match to.encode(customer) {
                Ok(body) => println!("{body}"),
                Err(error) => {
                    println!("refused");
                    print_error(&error);
                    // What a caller does after reading the refusals: drop what the target has
                    // no place for, knowingly, and try again.
                    let mut reduced = customer.clone();
                    for violation in error.violations() {
                        if violation.code() == "unrepresentable" || violation.code() == "locale" {
                            clear(&mut reduced, violation.pointer());
                        }
                    }
                    if reduced != *customer {
                        match to.encode(&reduced) {
                            Ok(body) => println!("    without those: {body}"),
                            Err(error) => {
                                println!("    without those, still refused:");
                                for line in error.to_string().lines() {
                                    println!("      {line}");
                                }
                            }
                        }
                    }
                }
            }
        }
        println!();
    }
}

fn summarise(customer: &Customer) {
    // The customer's JSON with its empty fields left out.
    let json = serde_json::to_value(customer).unwrap_or_default();
    if let serde_json::Value::Object(map) = json {
        for (key, value) in map {
            let empty = value.is_null() || value.as_array().is_some_and(Vec::is_empty);
            if !empty {
                println!("    {key}: {value}");
            }
        }
    }
}

fn print_error(error: &Error) {
    let kind = match error {
        Error::Syntax(_) => "not JSON",
        Error::Invalid(_) => "invalid",
        Error::Unrepresentable(_) => "cannot be written",
        _ => "error",
    };
    println!("  {kind}:");
    for line in error.to_string().lines() {
        println!("    {line}");
    }
}

fn clear(customer: &mut Customer, pointer: &str) {
    let field = pointer
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    match field {
        "locale" => customer.locale = None,
        "phone" => customer.phone = None,
        "country" => customer.country = None,
        "billing_addresses" => customer.billing_addresses.clear(),
        "shipping_addresses" => customer.shipping_addresses.clear(),
        "metadata" => customer.metadata = None,
        "external_id" => customer.external_id = None,
        _ => {}
    }
}
