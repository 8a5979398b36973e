use customer_core::{Customer, CustomerModel};

#[derive(CustomerModel)]
#[customer(try_into = Customer)]
struct Signup {
    #[customer(email)]
    email: Option<String>,
    #[customer(length(min = 12), skip_conversion, maps_to = "secret")]
    password: String,
}

fn main() {}
