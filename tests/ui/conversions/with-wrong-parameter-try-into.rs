use customer_core::{Customer, CustomerModel, RuleError};

#[derive(CustomerModel)]
#[customer(try_into = Customer)]
struct Signup {
    #[customer(with = parse_email)]
    email: Option<String>,
}

fn parse_email(email: String) -> Result<Option<String>, RuleError> {
    Ok(Some(email))
}

fn main() {}
