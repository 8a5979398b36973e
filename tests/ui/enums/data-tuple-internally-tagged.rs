use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[serde(tag = "type")]
enum Party {
    Pair(#[customer(email)] String, u32),
}

fn main() {}
