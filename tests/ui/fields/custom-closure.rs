use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(custom = |v| v.is_empty())]
    name: String,
}

fn main() {}
