use std::collections::VecDeque;

use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Address {
    #[customer(length(min = 1, max = 64))]
    line1: String,
}

// `each(nested)` on collections of a type parameter: the derive bounds the elements
// (`<C as Elements>::Item: CustomerModel`), whatever the collection.
#[derive(CustomerModel)]
struct Book<T, C> {
    #[customer(each(nested), length(max = 10))]
    entries: Vec<T>,
    #[customer(each(nested))]
    queue: C,
}

fn main() {
    let book = Book {
        entries: vec![Address {
            line1: "Main Street 1".to_owned(),
        }],
        queue: VecDeque::from([Address {
            line1: String::new(),
        }]),
    };
    let errors = book.validate().unwrap_err();
    assert_eq!(errors.violations()[0].pointer(), "/queue/0/line1");
}
