use customer_core::CustomerModel;

struct Wire {
    email: String,
}

#[derive(CustomerModel)]
#[customer(from = Wire, try_from = Wire)]
struct Signup {
    email: String,
}

fn main() {}
