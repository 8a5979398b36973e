use customer_core::CustomerModel;

struct Limits {
    name_max: u32,
}

#[derive(CustomerModel)]
#[customer(context(Limits))]
struct Profile {
    #[customer(length(max = ctx.name_max))]
    name: String,
}

fn main() {}
