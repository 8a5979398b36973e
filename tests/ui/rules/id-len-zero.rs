use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(id(prefix = "cus_", chars = "a-z", len = 0))]
    id: String,
}

fn main() {}
