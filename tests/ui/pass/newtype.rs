use std::fmt::Display;
use std::ops::Deref;
use std::str::FromStr;

use customer_core::{CustomerModel, ValidationErrors};
use serde::de::DeserializeOwned;
use serde::Serialize;

#[derive(CustomerModel, Debug)]
#[customer(email(max = 254))]
struct Email(String);

#[derive(CustomerModel)]
#[customer(range(min = 1, max = 100))]
struct Quantity(u32);

// A newtype of text is itself text: string rules and `each` accept it.
#[derive(CustomerModel)]
struct Signup {
    #[customer(nested)]
    email: Email,
    #[customer(each(length(max = 64)))]
    cc: Vec<Email>,
    #[customer(nested)]
    quantity: Option<Quantity>,
}

fn text_newtype<T>()
where
    T: CustomerModel
        + FromStr<Err = ValidationErrors>
        + TryFrom<String, Error = ValidationErrors>
        + for<'a> TryFrom<&'a str, Error = ValidationErrors>
        + AsRef<str>
        + Deref<Target = str>
        + Display
        + Serialize
        + DeserializeOwned,
    String: From<T>,
{
}

fn other_newtype<T>()
where
    T: CustomerModel
        + TryFrom<u32, Error = ValidationErrors>
        + Deref<Target = u32>
        + Serialize
        + DeserializeOwned,
{
}

fn main() {
    text_newtype::<Email>();
    other_newtype::<Quantity>();
    let _ = |signup: &Signup| signup.validate();
}
