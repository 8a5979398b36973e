use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Signup {
    #[customer(metadata(json_string = true))]
    metadata: String,
}

fn main() {}
