use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[serde(tag = "t", content = "t")]
enum Party {
    Person(#[customer(email)] String),
}

fn main() {}
