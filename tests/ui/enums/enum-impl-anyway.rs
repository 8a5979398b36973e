use customer_core::CustomerModel;
use serde::{Deserialize, Serialize};

#[derive(CustomerModel, Serialize, Deserialize)]
enum Status {
    Active,
    #[customer(othr)]
    #[serde(untagged)]
    Other(String),
}

fn main() {
    let status: Status = "active".parse().unwrap();
    println!("{} {}", status, status.as_str());
}
