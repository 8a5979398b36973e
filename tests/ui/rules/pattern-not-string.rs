use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Customer {
    #[customer(pattern = 5)]
    id: String,
}

fn main() {}
