use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(skip, email)]
    email: String,
}

fn main() {}
