use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(message = "must be an email address")]
    email: String,
}

fn main() {}
