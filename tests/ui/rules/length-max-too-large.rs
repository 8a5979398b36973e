use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(length(max = 999999999999999999999999))]
    name: String,
}

fn main() {}
