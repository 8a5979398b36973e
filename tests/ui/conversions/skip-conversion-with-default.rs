use customer_core::{Customer, CustomerModel};

#[derive(CustomerModel)]
#[customer(try_from = Customer)]
struct Signup {
    #[customer(email)]
    email: Option<String>,
    #[customer(length(min = 12), skip_conversion, default)]
    password: String,
}

fn main() {}
