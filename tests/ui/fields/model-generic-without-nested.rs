use std::marker::PhantomData;

use customer_core::CustomerModel;

// The derive cannot tell whether `T` will be a model: the field says.
#[derive(CustomerModel)]
struct Page<T, U, M> {
    items: Vec<T>,
    #[customer(length(max = 3))]
    label: U,
    #[customer(nested)]
    first: Option<T>,
    #[customer(skip_nested)]
    marker: M,
    _kind: PhantomData<M>,
}

fn main() {}
