use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email, length(max = 64), email)]
    email: String,
}

fn main() {}
