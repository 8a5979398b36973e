use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(email)]
    age: u32,
}

fn main() {}
