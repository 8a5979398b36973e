use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[customer(email)]
enum Party {
    Person(#[customer(email)] String),
}

fn main() {}
