use customer_core::{Customer, CustomerModel};

struct Limits {
    name_max: usize,
}

#[derive(CustomerModel)]
#[customer(context(Limits), try_from = Customer)]
struct Profile {
    #[customer(length(max = ctx.name_max))]
    name: Option<String>,
}

fn main() {}
