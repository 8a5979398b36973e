use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Order {
    #[customer(range(min = 1, max = 10))]
    quantities: Vec<u32>,
    #[customer(range(min = 0, max = 5))]
    scores: Option<Box<[u8]>>,
}

fn main() {}
