use customer_core::{Customer, CustomerModel};

#[derive(CustomerModel)]
#[customer(try_into = Customer)]
struct Signup {
    #[customer(emial)]
    email: Option<String>,
}

struct Legacy {
    email: Option<String>,
}

#[derive(CustomerModel)]
#[customer(from = Legacy)]
struct Imported {
    #[customer(lenght(max = 10))]
    email: Option<String>,
}

fn main() {
    let signup = Signup { email: None };
    let _ = Customer::try_from(signup);
    let _ = Imported::from(Legacy { email: None });
}
