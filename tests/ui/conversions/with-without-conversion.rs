use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(with = str::to_lowercase)]
    email: String,
}

fn main() {}
