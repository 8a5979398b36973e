use customer_core::CustomerModel;

struct Wire {
    email: String,
}

#[derive(CustomerModel)]
#[customer(from = Wire)]
struct Signup {
    #[customer(with = count)]
    email: String,
}

fn count(value: String) -> usize {
    value.len()
}

fn main() {}
