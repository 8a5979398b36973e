use customer_core::CustomerModel;

#[derive(CustomerModel)]
#[customer(length(max = 64))]
struct Handle<T>(T);

fn main() {}
