use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(code = "bad_email")]
    email: String,
}

fn main() {}
