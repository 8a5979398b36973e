use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(id(prefix = "cus_", chars = "a-zä", len = 8))]
    id: String,
}

fn main() {}
