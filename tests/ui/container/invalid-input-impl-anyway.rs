use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(emial)]
    email: String,
}

fn main() {
    let signup = Signup {
        email: String::new(),
    };
    let _ = signup.validate();
}
