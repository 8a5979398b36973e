use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email, url)]
    contact: String,
}

fn main() {}
