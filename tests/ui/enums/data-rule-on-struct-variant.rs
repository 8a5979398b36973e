use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
enum Party {
    #[customer(length(max = 3))]
    Business {
        #[customer(length(max = 20))]
        vat_id: String,
    },
}

fn main() {}
