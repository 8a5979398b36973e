use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Address {
    #[customer(length(max = 16))]
    postal_code: String,
}

#[derive(CustomerModel)]
#[customer(nested)]
struct Home(Address);

fn main() {}
