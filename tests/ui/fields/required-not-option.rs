use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(required)]
    email: String,
}

fn main() {}
