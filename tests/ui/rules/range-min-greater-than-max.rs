use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Order {
    #[customer(range(min = 10, max = -10))]
    quantity: i32,
}

fn main() {}
