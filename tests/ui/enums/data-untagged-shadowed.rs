use customer_core::CustomerModel;
use serde::Deserialize;

// Every field of `Guest` may be missing and it ignores unknown members: every document
// `Member` is written for reads as a `Guest` first.
#[derive(CustomerModel, Deserialize)]
#[serde(untagged)]
enum Signup {
    Guest {
        #[customer(email)]
        email: Option<String>,
        #[serde(default)]
        newsletter: bool,
    },
    Member {
        #[customer(email)]
        email: String,
        #[customer(length(min = 8))]
        password: String,
    },
}

// The same among the `#[serde(untagged)]` variants of a tagged enum.
#[derive(CustomerModel, Deserialize)]
enum Lookup {
    ById(#[customer(length(max = 64))] String),
    #[serde(untagged)]
    Anything {},
    #[serde(untagged)]
    ByEmail {
        #[customer(email)]
        email: String,
    },
}

fn main() {}
