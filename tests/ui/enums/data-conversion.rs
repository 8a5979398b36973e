use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[customer(try_from = String)]
enum Party {
    Person(#[customer(email)] String),
}

fn main() {}
