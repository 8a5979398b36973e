use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Order {
    #[customer(range(min = 1, max = 10))]
    quantity: String,
}

fn main() {}
