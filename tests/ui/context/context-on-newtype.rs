use customer_core::CustomerModel;

struct Limits {
    name_max: usize,
}

#[derive(CustomerModel)]
#[customer(context(Limits), length(max = ctx.name_max))]
struct Name(String);

fn main() {}
