use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
enum Party {
    #[customer(nested)]
    Person(String),
}

fn main() {}
