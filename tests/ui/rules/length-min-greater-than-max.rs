use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(length(min = 10, max = 5))]
    name: String,
}

fn main() {}
