use customer_core::{Customer, CustomerModel};

// Read as serde reads `rename`, this would take the JSON key `metadata`: it never did (it named
// `Customer`'s field), so it is refused, pointing to both names.
#[derive(CustomerModel, serde::Deserialize)]
#[customer(try_into = Customer)]
struct SignupForm {
    #[customer(email)]
    email: String,
    #[customer(metadata(max_bytes = 1024), rename = "metadata")]
    custom_data: Option<serde_json::Value>,
}

fn main() {}
