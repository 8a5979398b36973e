use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[serde(tag = "type")]
enum Party {
    Person {
        #[customer(email)]
        email: String,
        #[serde(rename = "type")]
        kind: String,
    },
}

fn main() {}
