use customer_core::CustomerModel;

#[derive(CustomerModel)]
#[customer(context)]
struct Profile {
    #[customer(length(max = 10))]
    name: String,
}

fn main() {}
