use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(length(max = "10"))]
    name: String,
}

fn main() {}
