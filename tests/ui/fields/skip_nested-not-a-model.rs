use customer_core::CustomerModel;

#[derive(CustomerModel, serde::Deserialize)]
struct Address {
    #[customer(country)]
    country: String,
}

// `skip_nested` leaves a model's rules unchecked; on a field that holds no model it would do
// nothing, silently.
#[derive(CustomerModel, serde::Deserialize)]
struct Signup {
    #[customer(skip_nested)]
    nickname: String,
    #[customer(skip_nested)]
    tags: Vec<String>,
    // Fine: a model, and containers of models.
    #[customer(skip_nested)]
    draft: Address,
    #[customer(skip_nested)]
    old: Option<Vec<Address>>,
}

fn main() {}
