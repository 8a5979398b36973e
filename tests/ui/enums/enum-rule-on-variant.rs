use customer_core::CustomerModel;
use serde::{Deserialize, Serialize};

#[derive(CustomerModel, Serialize, Deserialize)]
enum Status {
    #[customer(length(max = 8))]
    Active,
    Archived,
}

fn main() {}
