use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
enum Party<T> {
    Person(#[customer(email)] String),
    Other { value: T },
}

fn main() {}
