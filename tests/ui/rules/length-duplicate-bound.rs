use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(length(max = 64, max = 128))]
    name: String,
}

fn main() {}
