use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
enum Party {
    Person(#[customer(email)] String),
    #[serde(alias = "Person")]
    Individual(#[customer(email)] String),
}

fn main() {}
