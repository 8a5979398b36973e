use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
enum Party {
    Person(#[customer(email)] String),
    #[customer(nested)]
    Guest,
}

fn main() {}
