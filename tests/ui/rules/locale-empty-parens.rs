use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(locale())]
    locale: String,
}

fn main() {}
