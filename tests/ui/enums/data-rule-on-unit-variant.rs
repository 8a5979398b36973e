use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
enum Party {
    Person {
        #[customer(email)]
        email: String,
    },
    #[customer(email)]
    Guest,
}

fn main() {}
