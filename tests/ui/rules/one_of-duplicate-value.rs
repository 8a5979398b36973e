use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Customer {
    #[customer(one_of("active", "archived", "active"))]
    status: String,
}

fn main() {}
