use customer_core::CustomerModel;

struct Address {
    line1: String,
}

#[derive(CustomerModel)]
struct Customer {
    #[customer(nested)]
    address: Address,
}

fn main() {}
