use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(other)]
    extra: String,
}

fn main() {}
