use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Party {
    Person(#[customer(email)] String),
    #[serde(rename = "person")]
    Individual(#[customer(email)] String),
}

fn main() {}
