use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Contact {
    Email {
        #[customer(email)]
        address: String,
    },
    Phone {
        number: String,
    },
}

#[derive(CustomerModel, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Party {
    Person(#[customer(nested)] Contact),
}

fn main() {}
