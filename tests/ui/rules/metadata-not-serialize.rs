use customer_core::CustomerModel;

struct Opaque;

#[derive(CustomerModel)]
struct Customer {
    #[customer(metadata)]
    metadata: Opaque,
}

fn main() {}
