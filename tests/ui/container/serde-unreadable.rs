use customer_core::CustomerModel;

// serde would refuse this too; the derive says so itself rather than guessing the wire name.
#[derive(CustomerModel)]
struct Signup {
    #[serde(rename = email_address)]
    #[customer(email)]
    email: String,
}

fn main() {}
