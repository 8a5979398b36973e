use customer_core::{CustomerModel, Valid};

#[derive(CustomerModel)]
struct Signup {
    #[customer(email)]
    email: String,
}

fn main() {
    let _ = Valid::<Signup>::from_json(r#"{"email": "jo@example.com"}"#);
}
