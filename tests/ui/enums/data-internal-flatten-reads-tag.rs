use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
struct Details {
    #[serde(alias = "type")]
    kind: String,
}

#[derive(CustomerModel, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Party {
    Person {
        #[customer(email)]
        email: String,
        #[serde(flatten)]
        #[customer(nested)]
        details: Details,
    },
}

fn main() {}
