use customer_core::{CustomerModel, Valid};

struct Limits {
    name_max: usize,
}

#[derive(CustomerModel, serde::Deserialize)]
#[customer(context(Limits))]
struct Profile {
    #[customer(length(max = ctx.name_max))]
    name: String,
}

fn main() {
    let profile = Profile { name: "Jo".to_owned() };
    let _ = profile.validate();
    let _ = Valid::<Profile>::from_json(r#"{"name": "Jo"}"#);
    let _ = Limits { name_max: 8 }.name_max;
}
