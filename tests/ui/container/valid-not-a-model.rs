use customer_core::Valid;

#[derive(serde::Deserialize)]
struct Signup {
    email: String,
}

fn main() {
    let _ = Valid::<Signup>::from_json(r#"{"email": "jo@example.com"}"#);
}
