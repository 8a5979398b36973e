use customer_core::{CustomerModel, RuleError};

#[derive(CustomerModel)]
struct Signup {
    #[customer(custom = not_zero)]
    name: String,
}

fn not_zero(value: &u32) -> Result<(), RuleError> {
    if *value == 0 {
        Err(RuleError::new("zero", "is zero"))
    } else {
        Ok(())
    }
}

fn main() {}
