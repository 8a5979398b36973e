use customer_core::CustomerModel;

// A fixed-size array's length is known at compile time: `length` on it would pass every value or
// refuse every one. (`each(length(...))` checks its elements and is fine.)
#[derive(CustomerModel)]
struct Order {
    #[customer(length(max = 3))]
    tags: [String; 5],
    #[customer(each(length(max = 3)))]
    codes: [String; 5],
}

fn main() {}
