use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(emial)]
    email: String,
}

fn main() {}
