use customer_core::{Customer, CustomerModel};

#[derive(CustomerModel)]
#[customer(try_into = Customer)]
struct Signup {
    #[customer(email)]
    email: Option<String>,
    #[customer(maps_to = "locale", with = parse_locale)]
    lang: Option<String>,
}

fn parse_locale(text: Option<String>) -> usize {
    text.map_or(0, |t| t.len())
}

fn main() {}
