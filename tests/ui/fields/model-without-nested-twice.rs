use customer_core::CustomerModel;

#[derive(CustomerModel, serde::Deserialize)]
struct Address {
    #[customer(country)]
    country: String,
}

// Two fields of one model type (and a third, said): each that does not say whether its rules
// run is refused at its own name, though the table's entries share one probe of the type.
#[derive(CustomerModel, serde::Deserialize)]
struct Order {
    billing: Address,
    #[customer(email)]
    email: String,
    shipping: Address,
    #[customer(nested)]
    home: Address,
}

fn main() {}
