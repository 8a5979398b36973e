use customer_core::CustomerModel;

struct Limits {
    name_max: usize,
}

#[derive(CustomerModel)]
#[customer(context(Limits))]
struct Profile {
    #[customer(length(max = ctx.name_max))]
    name: String,
}

fn main() {
    let profile = Profile { name: String::new() };
    let _ = profile.validate();
}
