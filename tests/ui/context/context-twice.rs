use customer_core::CustomerModel;

struct Limits;
struct Other;

#[derive(CustomerModel)]
#[customer(context(Limits), context(Other))]
struct Profile {
    name: String,
}

fn main() {}
