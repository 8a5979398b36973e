use customer_core::CustomerModel;
use serde::{Deserialize, Serialize};

#[derive(CustomerModel, Serialize, Deserialize)]
enum Status {
    Active,
    Blocked { reason: String },
}

fn main() {}
