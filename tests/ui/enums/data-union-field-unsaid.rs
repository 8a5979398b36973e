use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
enum Party {
    Person(#[customer(email)] String),
}

#[derive(CustomerModel, Deserialize)]
struct Signup {
    party: Vec<Party>,
}

fn main() {}
