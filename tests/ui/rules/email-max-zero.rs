use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email(max = 0))]
    email: String,
}

fn main() {}
