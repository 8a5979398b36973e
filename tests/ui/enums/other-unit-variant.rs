use customer_core::CustomerModel;
use serde::{Deserialize, Serialize};

#[derive(CustomerModel, Serialize, Deserialize)]
enum Status {
    Active,
    #[customer(other)]
    Other,
}

fn main() {}
