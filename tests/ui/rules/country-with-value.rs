use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(country = "US")]
    country: String,
}

fn main() {}
