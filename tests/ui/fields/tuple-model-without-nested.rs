// The elements of a tuple struct (and of a tuple variant) say `nested` as named fields do: the
// check is made by the element's entry in the second read's table, at the element's type.
use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
struct Address {
    #[customer(country)]
    country: String,
}

#[derive(CustomerModel, Deserialize)]
struct Pair(#[customer(email)] String, Option<Address>);

#[derive(CustomerModel, Deserialize)]
enum Party {
    Both(String, Vec<Address>),
    Fine(#[customer(email)] String, #[customer(nested)] Address),
}

fn main() {}
