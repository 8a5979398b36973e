// An enum with no variant derives and compiles: it has no value to name.
use customer_core::CustomerModel;

#[derive(CustomerModel, serde::Serialize, serde::Deserialize)]
enum Never {}

fn main() {
    fn named(value: &Never) -> &str {
        value.as_str()
    }
    let _ = named;
}
