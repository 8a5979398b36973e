use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Card {
    #[customer(length(len = 4))]
    last4: String,
}

fn main() {}
