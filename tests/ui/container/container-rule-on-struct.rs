use customer_core::CustomerModel;

#[derive(CustomerModel)]
#[customer(email)]
struct Signup {
    email: String,
}

fn main() {}
