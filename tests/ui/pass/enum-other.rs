use customer_core::CustomerModel;
use serde::{Deserialize, Serialize};

#[derive(CustomerModel, Serialize, Deserialize, Debug, PartialEq)]
#[serde(rename_all = "snake_case")]
enum Status {
    Active,
    InReview,
    #[serde(rename = "gone")]
    Archived,
    #[customer(other)]
    #[serde(untagged)]
    Other(String),
}

#[derive(CustomerModel, Serialize, Deserialize, Debug, PartialEq)]
enum Mode {
    Live,
    Test,
}

fn main() {
    assert_eq!("in_review".parse::<Status>(), Ok(Status::InReview));
    assert_eq!("gone".parse::<Status>(), Ok(Status::Archived));
    assert_eq!(
        "paused".parse::<Status>(),
        Ok(Status::Other("paused".to_owned()))
    );
    assert_eq!(Status::Other("x".to_owned()).as_str(), "x");
    assert_eq!(Status::Active.to_string(), "active");
    assert_eq!("Live".parse::<Mode>(), Ok(Mode::Live));
    assert!("live".parse::<Mode>().is_err());
    assert!(Mode::Test.validate().is_ok());
}
