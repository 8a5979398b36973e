use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[serde(tag = "t")]
enum Given {
    Code(#[customer(length(max = 8))] String),
    Tags(Vec<String>),
}

fn main() {}
