use customer_core::CustomerModel;
use serde::{Deserialize, Serialize};

#[derive(CustomerModel, Serialize, Deserialize)]
enum Status {
    Active,
    #[customer(other)]
    #[serde(untagged)]
    Unknown(String),
    #[customer(other)]
    #[serde(untagged)]
    Other(String),
}

fn main() {}
