use customer_core::CustomerModel;

#[derive(CustomerModel)]
union Amount {
    cents: u64,
    units: f64,
}

fn main() {}
