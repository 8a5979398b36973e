use customer_core::{CustomerModel, RuleError};

#[derive(CustomerModel)]
#[customer(chek = dates_in_order)]
struct Period {
    start: u32,
    end: u32,
}

fn dates_in_order(_: &Period) -> Result<(), RuleError> {
    Ok(())
}

fn main() {}
