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
    Partners(#[customer(skip_nested)] Company, #[customer(skip_nested)] Company),
}

fn main() {}
