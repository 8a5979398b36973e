use customer_core::CustomerModel;

struct Limits {
    name_max: usize,
}

struct Other {
    city_max: usize,
}

#[derive(CustomerModel)]
#[customer(context(Other))]
struct Address {
    #[customer(length(max = ctx.city_max))]
    city: String,
}

#[derive(CustomerModel)]
#[customer(context(Limits))]
struct Profile {
    #[customer(length(max = ctx.name_max))]
    name: String,
    #[customer(nested)]
    address: Address,
}

fn main() {}
