use customer_core::{CustomerModel, RuleError};

struct Limits;

#[derive(CustomerModel)]
#[customer(context(Limits))]
struct Profile {
    #[customer(custom = no_digits)]
    name: String,
}

fn no_digits(_: &str) -> Result<(), RuleError> {
    Ok(())
}

fn main() {}
