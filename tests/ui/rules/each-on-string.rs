use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(each(email))]
    emails: String,
}

fn main() {}
