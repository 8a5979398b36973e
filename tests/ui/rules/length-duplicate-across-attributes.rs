use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(length(max = 64))]
    #[customer(length(max = 128))]
    name: String,
}

fn main() {}
