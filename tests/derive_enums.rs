//! Enums whose variants carry data (tagged unions): each variant's rules run at the pointers
//! serde reads the variant's fields from, in every representation.

use customer_core::{CustomerModel, ValidationErrors};
use serde::Deserialize;

fn found(errors: &ValidationErrors) -> Vec<(String, String)> {
    errors
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

fn expect(result: Result<(), ValidationErrors>, want: &[(&str, &str)]) {
    let errors = result.expect_err("should be invalid");
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect();
    assert_eq!(found(&errors), want, "{errors}");
}

#[derive(CustomerModel, Deserialize, Debug)]
struct Company {
    #[customer(length(min = 1, max = 8))]
    name: String,
}

#[derive(CustomerModel, Deserialize, Debug)]
#[serde(rename_all = "snake_case")]
enum External {
    Individual {
        #[customer(email)]
        email: String,
    },
    Business {
        #[customer(pattern = "^[A-Z]{2}[0-9]{4}$")]
        vat_id: String,
        #[customer(length(max = 3))]
        note: Option<String>,
    },
    Pair(#[customer(email)] String, #[customer(range(max = 9))] u32),
    #[customer(nested)]
    Company(Company),
    Nothing,
}

#[test]
fn externally_tagged_fields_sit_under_the_variant_name() {
    expect(
        External::Individual {
            email: "nope".into(),
        }
        .validate(),
        &[("/individual/email", "email")],
    );
    expect(
        External::Business {
            vat_id: "x".into(),
            note: Some("long".into()),
        }
        .validate(),
        &[
            ("/business/vat_id", "pattern"),
            ("/business/note", "length"),
        ],
    );
    expect(
        External::Pair("no".into(), 10).validate(),
        &[("/pair/0", "email"), ("/pair/1", "range")],
    );
    expect(
        External::Company(Company {
            name: String::new(),
        })
        .validate(),
        &[("/company/name", "length")],
    );
    assert!(External::Nothing.validate().is_ok());
    assert!(External::Pair("a@b.co".into(), 9).validate().is_ok());
}
