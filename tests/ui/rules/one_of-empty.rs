use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Customer {
    #[customer(one_of())]
    status: String,
}

fn main() {}
