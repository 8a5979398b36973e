use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
struct Company {
    #[customer(length(max = 8))]
    name: String,
}

#[derive(CustomerModel, Deserialize)]
enum Party {
    #[customer(nested)]
    Business(#[customer(nested)] Company),
}

fn main() {}
