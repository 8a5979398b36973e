use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Order {
    #[customer(one_of(1, 2, 3))]
    quantity: String,
}

fn main() {}
