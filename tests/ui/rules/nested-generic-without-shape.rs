use customer_core::{CustomerModel, Path, Valid, ValidationErrors};

// A model written by hand, without the `Shape` the derive gives every model.
#[derive(serde::Deserialize)]
struct Hand {
    name: String,
}

impl CustomerModel for Hand {
    fn validate_into(&self, _: &Path<'_>, _: &mut ValidationErrors) {}
}

// The second read walks a `nested` type parameter by its shape: the `Shape` impl of `Form<T>`
// asks `T: Shape`, as `Valid<T>` does.
#[derive(CustomerModel, serde::Deserialize)]
struct Form<T> {
    #[customer(nested)]
    inner: T,
}

fn main() {
    let _ = Valid::<Form<Hand>>::from_json(r#"{"inner": {"name": "x"}}"#);
}
