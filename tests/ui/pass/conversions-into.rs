use customer_core::CustomerModel;

// `into` fills the fields it does not map with `Default::default()`.
#[derive(Default)]
struct Wire {
    email_address: String,
    name: String,
    source: String,
}

#[derive(CustomerModel)]
#[customer(into = Wire)]
struct Signup {
    #[customer(email, maps_to = "email_address")]
    email: String,
    #[customer(with = upper)]
    name: String,
    #[customer(skip)]
    session: u64,
}

fn upper(value: String) -> String {
    value.to_uppercase()
}

fn main() {
    let wire: Wire = Signup {
        email: "a@example.com".to_owned(),
        name: "ann".to_owned(),
        session: 7,
    }
    .into();
    assert_eq!(wire.email_address, "a@example.com");
    assert_eq!(wire.name, "ANN");
    assert_eq!(wire.source, "");
}
