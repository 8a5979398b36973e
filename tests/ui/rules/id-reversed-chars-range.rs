use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Customer {
    #[customer(id(prefix = "cus_", chars = "z-a0-9", len = 14))]
    id: String,
}

fn main() {}
