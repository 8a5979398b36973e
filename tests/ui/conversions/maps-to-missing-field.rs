use customer_core::CustomerModel;

struct Wire {
    email_address: String,
}

#[derive(CustomerModel)]
#[customer(from = Wire)]
struct Signup {
    #[customer(maps_to = "email_adress")]
    email: String,
}

fn main() {}
