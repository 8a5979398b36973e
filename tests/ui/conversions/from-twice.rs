use customer_core::CustomerModel;

struct Wire {
    name: String,
}

#[derive(CustomerModel)]
#[customer(from = Wire, from = Wire)]
struct Signup {
    name: String,
}

fn main() {}
