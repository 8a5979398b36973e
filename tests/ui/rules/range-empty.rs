use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Order {
    #[customer(range())]
    quantity: u32,
}

fn main() {}
