use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(length)]
    name: String,
}

fn main() {}
