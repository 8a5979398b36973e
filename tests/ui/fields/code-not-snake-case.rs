use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email, code = "BadEmail")]
    email: String,
}

fn main() {}
