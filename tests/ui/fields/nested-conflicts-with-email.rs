use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Address {
    #[customer(length(max = 64))]
    line1: String,
}

#[derive(CustomerModel)]
struct Customer {
    #[customer(nested, email)]
    address: Address,
}

fn main() {}
