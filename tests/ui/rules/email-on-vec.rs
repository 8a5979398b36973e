use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Invite {
    #[customer(email)]
    emails: Vec<String>,
}

fn main() {}
