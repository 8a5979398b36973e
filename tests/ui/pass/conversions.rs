use customer_core::{CustomerModel, RuleError};

struct Wire {
    email_address: String,
    name: String,
    note: String,
}

#[derive(CustomerModel)]
#[customer(try_from = Wire)]
struct Signup {
    #[customer(email, maps_to = "email_address")]
    email: String,
    #[customer(length(min = 1), with = trimmed)]
    name: String,
    #[customer(default)]
    internal: u32,
}

fn trimmed(value: String) -> Result<String, RuleError> {
    Ok(value.trim().to_owned())
}

struct Legacy {
    email: String,
}

#[derive(CustomerModel)]
#[customer(from = Legacy)]
struct Imported {
    email: String,
    #[customer(skip)]
    seen: bool,
}

fn main() {
    let _ = |wire: Wire| Signup::try_from(wire);
    let _ = Wire {
        email_address: String::new(),
        name: String::new(),
        note: String::new(),
    }
    .note;
    let imported = Imported::from(Legacy {
        email: "a@example.com".to_owned(),
    });
    assert_eq!(imported.email, "a@example.com");
    assert!(!imported.seen);
}
