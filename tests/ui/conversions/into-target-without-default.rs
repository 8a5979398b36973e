use customer_core::CustomerModel;

struct Wire {
    email: String,
}

#[derive(CustomerModel)]
#[customer(into = Wire)]
struct Signup {
    email: String,
}

fn main() {}
