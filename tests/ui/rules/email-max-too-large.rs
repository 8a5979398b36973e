use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email(max = 321))]
    email: String,
}

fn main() {}
