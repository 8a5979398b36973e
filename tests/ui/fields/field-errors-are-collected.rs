use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(emial, length(min = 10, max = 5))]
    email: String,
    #[customer(one_of())]
    status: String,
}

fn main() {}
