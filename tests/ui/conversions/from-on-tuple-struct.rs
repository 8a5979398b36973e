use customer_core::CustomerModel;

struct Wire(String, String);

#[derive(CustomerModel)]
#[customer(from = Wire)]
struct Signup(String, String);

fn main() {}
