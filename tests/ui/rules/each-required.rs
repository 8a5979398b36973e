use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(each(required))]
    emails: Vec<Option<String>>,
}

fn main() {}
