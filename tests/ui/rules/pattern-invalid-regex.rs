use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Customer {
    #[customer(pattern = "^ctm_[a-z0-9{26}$")]
    id: String,
}

fn main() {}
