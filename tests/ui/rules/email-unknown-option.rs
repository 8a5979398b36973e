use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email(strict))]
    email: String,
}

fn main() {}
