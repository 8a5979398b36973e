use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(each())]
    emails: Vec<String>,
}

fn main() {}
