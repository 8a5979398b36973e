use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email(ascii = true))]
    email: String,
}

fn main() {}
