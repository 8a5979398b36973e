use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email, message = "")]
    email: String,
}

fn main() {}
