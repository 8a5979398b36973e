use std::collections::HashMap;

use customer_core::CustomerModel;

#[derive(CustomerModel, serde::Deserialize)]
struct Address {
    #[customer(country)]
    country: String,
}

// serde reads every field; a field whose type is a model says whether its rules run.
#[derive(CustomerModel, serde::Deserialize)]
struct Signup {
    #[customer(email)]
    email: String,
    billing: Address,
    shipping: Option<Address>,
    #[customer(length(max = 3))]
    previous: Vec<Address>,
    by_label: HashMap<String, Box<Address>>,
    // Said: validated, or left unvalidated on purpose.
    #[customer(nested)]
    home: Option<Address>,
    #[customer(skip_nested)]
    draft: Address,
}

fn main() {}
