use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(bytes(min = 64, max = 32))]
    name: String,
}

fn main() {}
