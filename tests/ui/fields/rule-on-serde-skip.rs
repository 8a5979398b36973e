use customer_core::CustomerModel;

// serde never reads these fields: a rule on one checks only its default, so every document is
// refused (or none is) at a field the client cannot send.
#[derive(CustomerModel, serde::Deserialize)]
struct Order {
    #[serde(skip)]
    #[customer(required)]
    coupon: Option<String>,
    #[serde(skip_deserializing)]
    #[customer(range(min = 1))]
    quantity: u32,
    // Fine: no rule.
    #[serde(skip)]
    internal: u32,
}

fn main() {}
