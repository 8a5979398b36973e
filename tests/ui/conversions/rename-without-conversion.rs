use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(rename = "email_address")]
    email: String,
}

fn main() {}
