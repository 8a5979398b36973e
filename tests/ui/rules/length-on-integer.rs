use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Order {
    #[customer(length(max = 10))]
    quantity: u32,
}

fn main() {}
