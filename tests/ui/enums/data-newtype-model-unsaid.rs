use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
struct Company {
    #[customer(length(max = 8))]
    name: String,
}

#[derive(CustomerModel, Deserialize)]
enum Party {
    Business(Company),
    Person(#[customer(email)] String),
}

fn main() {}
