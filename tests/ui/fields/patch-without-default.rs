use customer_core::{CustomerModel, Patch};

// A `Patch` field without `#[serde(default)]` reads a left-out key as `null` (serde's rule for a
// missing field whose type accepts `null`): the key left out would clear the stored value.
#[derive(CustomerModel, serde::Deserialize)]
struct UpdateCustomer {
    #[serde(default)]
    #[customer(email)]
    email: Patch<String>,
    #[customer(length(max = 1024))]
    name: Patch<String>,
    note: Patch<String>,
}

// On the container, `#[serde(default)]` covers every field: no error.
#[derive(CustomerModel, serde::Deserialize, Default)]
#[serde(default)]
struct UpdateNote {
    note: Patch<String>,
}

fn main() {}
