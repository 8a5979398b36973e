use customer_core::CustomerModel;

struct Limits;

#[derive(CustomerModel, serde::Deserialize)]
#[customer(context(Limits))]
enum Plan {
    Free,
    Pro,
}

fn main() {}
