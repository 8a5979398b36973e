use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(length(min = 12), skip_conversion)]
    password: String,
}

fn main() {}
