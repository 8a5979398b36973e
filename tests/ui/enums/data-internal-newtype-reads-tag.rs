use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
struct Business {
    #[serde(rename = "type")]
    kind: String,
    #[customer(length(max = 3))]
    name: String,
}

#[derive(CustomerModel, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Party {
    Business(#[customer(nested)] Business),
}

fn main() {}
