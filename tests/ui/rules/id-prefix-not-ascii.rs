use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(id(prefix = "cüs_", chars = "a-z", len = 8))]
    id: String,
}

fn main() {}
