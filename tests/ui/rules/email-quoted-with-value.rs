use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email(quoted = true))]
    email: String,
}

fn main() {}
