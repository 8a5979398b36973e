use customer_core::CustomerModel;

#[derive(CustomerModel)]
#[customer(check)]
struct Period {
    start: u32,
    end: u32,
}

fn main() {}
