use customer_core::CustomerModel;
use std::collections::BTreeMap;

#[derive(CustomerModel)]
struct Customer {
    #[customer(metadata(max_bytes = 0))]
    metadata: BTreeMap<String, String>,
}

fn main() {}
