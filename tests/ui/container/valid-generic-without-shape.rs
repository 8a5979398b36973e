// A generic helper bounded the way a reader of serde would write it: the bound `Valid::from_json`
// also needs (`customer_core::json::Shape`, for the one-report second read) is named in the fix.
use customer_core::{CustomerModel, Valid};

#[allow(dead_code)]
fn read<T: CustomerModel + serde::de::DeserializeOwned>(json: &str) -> bool {
    Valid::<T>::from_json(json).is_ok()
}

fn main() {}
