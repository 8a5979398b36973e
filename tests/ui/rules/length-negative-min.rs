use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(length(min = -1))]
    name: String,
}

fn main() {}
