use customer_core::{Customer, CustomerModel};

#[derive(CustomerModel)]
#[customer(try_into = Customer)]
struct Signup {
    #[customer(email)]
    email: Option<String>,
    #[customer(skip, skip_conversion)]
    password: String,
}

fn main() {}
