use customer_core::CustomerModel;

#[derive(CustomerModel, serde::Deserialize)]
struct Signup {
    #[customer(email)]
    email: String,
    #[serde(rename = "email")]
    #[customer(email)]
    work_email: String,
    #[serde(alias = "name")]
    full_name: String,
    name: String,
}

#[derive(CustomerModel, serde::Deserialize)]
enum Party {
    Person {
        #[customer(email)]
        email: String,
        #[serde(alias = "email")]
        mail: Option<String>,
    },
}

fn main() {}
