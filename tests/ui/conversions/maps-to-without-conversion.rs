use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(maps_to = "email_address")]
    email: String,
}

fn main() {}
