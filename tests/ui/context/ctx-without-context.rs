use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Profile {
    #[customer(length(max = ctx.name_max))]
    name: String,
}

fn main() {}
