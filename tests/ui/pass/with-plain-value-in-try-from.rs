use customer_core::CustomerModel;

struct Wire {
    name: String,
}

// In `try_from` mode `with` may return the plain field value as well as a `Result`.
#[derive(CustomerModel)]
#[customer(try_from = Wire)]
struct Signup {
    #[customer(length(min = 1), with = trimmed)]
    name: String,
}

fn trimmed(value: String) -> String {
    value.trim().to_owned()
}

fn main() {
    let signup = Signup::try_from(Wire {
        name: " Ann ".to_owned(),
    })
    .unwrap();
    assert_eq!(signup.name, "Ann");
    let errors = Signup::try_from(Wire {
        name: "   ".to_owned(),
    })
    .err()
    .unwrap();
    assert_eq!(errors.len(), 1);
}
