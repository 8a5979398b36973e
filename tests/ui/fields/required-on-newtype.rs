use customer_core::CustomerModel;

#[derive(CustomerModel)]
#[customer(required)]
struct Email(String);

fn main() {}
