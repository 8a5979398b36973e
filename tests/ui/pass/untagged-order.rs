//! Untagged enums whose variants are all reachable: the catch-all last, `deny_unknown_fields`,
//! a member of another type, a required field.
use customer_core::CustomerModel;
use serde::Deserialize;

#[derive(CustomerModel, Deserialize)]
#[serde(untagged)]
enum Reordered {
    Member {
        #[customer(email)]
        email: String,
        #[customer(length(min = 8))]
        password: String,
    },
    Guest {
        #[customer(email)]
        email: Option<String>,
    },
}

#[derive(CustomerModel, Deserialize)]
#[serde(untagged, deny_unknown_fields)]
enum Strict {
    Guest {
        #[customer(email)]
        email: Option<String>,
    },
    Member {
        #[customer(email)]
        email: String,
        #[customer(length(min = 8))]
        password: String,
    },
}

#[derive(CustomerModel, Deserialize)]
#[serde(untagged)]
enum OtherTypes {
    ByNumber {
        #[customer(range(min = 1, max = 9))]
        id: Option<u32>,
    },
    ByText {
        #[customer(length(max = 9))]
        id: String,
    },
}

#[derive(CustomerModel, Deserialize)]
#[serde(untagged)]
enum Required {
    ByEmail {
        #[customer(email)]
        email: String,
    },
    ByName {
        #[customer(length(max = 9))]
        name: String,
    },
}

fn main() {}
