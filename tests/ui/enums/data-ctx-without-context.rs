use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
enum Party {
    Person(#[customer(length(max = ctx.max))] String),
}

fn main() {}
