use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Customer {
    #[customer(id(prefix = "cus_", chars = "a-z0-9", len = 14, min_len = 10))]
    id: String,
}

fn main() {}
