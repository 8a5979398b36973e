use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Customer {
    #[customer(id(prefix = "cus_", len = 14))]
    id: String,
}

fn main() {}
