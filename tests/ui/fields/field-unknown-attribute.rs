use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(lowercase)]
    email: String,
}

fn main() {}
