use customer_core::CustomerModel;

#[derive(CustomerModel)]
#[customer(emial)]
struct Email(String);

fn main() {
    let email: Email = "a@example.com".parse().unwrap();
    println!("{} {}", email, email.len());
}
