use customer_core::{CustomerModel, Patch};

// serde reads `null` into an `Option` as `None`, so `Patch::Null` never comes out of a
// document: left out and `null` read the same. `Patch<T>` alone keeps the three states.
#[derive(CustomerModel, serde::Deserialize)]
struct UpdateCustomer {
    #[serde(default)]
    name: Option<Patch<String>>,
    #[serde(default)]
    locale: Patch<Option<String>>,
}

fn main() {}
