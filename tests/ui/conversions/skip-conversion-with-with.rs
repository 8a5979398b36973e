use customer_core::{Customer, CustomerModel};

#[derive(CustomerModel)]
#[customer(try_into = Customer)]
struct Signup {
    #[customer(email)]
    email: Option<String>,
    #[customer(length(min = 12), skip_conversion, with = hashed)]
    password: String,
}

fn hashed(value: String) -> String {
    value
}

fn main() {}
