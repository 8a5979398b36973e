use customer_core::CustomerModel;

// A parsed newtype gets serde impls of its own, whose `Deserialize` validates.
#[derive(CustomerModel, Debug)]
#[derive(serde::Serialize, serde::Deserialize)]
#[customer(email)]
struct Email(String);

#[derive(CustomerModel, serde::Deserialize, Debug)]
#[customer(length(max = 8))]
#[serde(transparent)]
struct Name(String);

fn main() {}
