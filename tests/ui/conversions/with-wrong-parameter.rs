use customer_core::CustomerModel;

struct Wire {
    age: String,
}

#[derive(CustomerModel)]
#[customer(from = Wire)]
struct Member {
    #[customer(with = years)]
    age: u32,
}

fn years(age: u8) -> u32 {
    u32::from(age)
}

fn main() {}
