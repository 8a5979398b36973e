use customer_core::{CustomerModel, ValidationErrors};

#[derive(CustomerModel, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct Form {
    #[customer(length(min = 1, max = 5))]
    first_name: String,
    #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
    id: String,
    #[customer(pattern = "^[a-z]+@[a-z]+$")]
    handle: Option<String>,
    #[customer(nested)]
    addresses: Vec<Address>,
    #[customer(required)]
    nick: Option<String>,
    #[customer(each(length(max = 2)))]
    tags: Vec<String>,
    #[customer(range(min = 1, max = 10))]
    qty: u32,
}

#[derive(CustomerModel, serde::Deserialize)]
struct Address {
    #[customer(length(max = 3), code = "too_long", message = "is too long")]
    #[serde(rename = "zip")]
    postal_code: String,
}

fn pointers(e: &ValidationErrors) -> Vec<String> {
    e.iter()
        .map(|v| format!("{} {}", v.pointer(), v.code()))
        .collect()
}

#[test]
fn smoke() {
    let f = Form {
        first_name: "abcdef".into(),
        id: "ctm_01hv6y1jedq4p1n0yqn5ba3ky4".into(),
        handle: Some("x@".into()),
        addresses: vec![
            Address {
                postal_code: "1".into(),
            },
            Address {
                postal_code: "12345".into(),
            },
        ],
        nick: None,
        tags: vec!["a".into(), "abc".into()],
        qty: 11,
    };
    let e = f.validate().unwrap_err();
    assert_eq!(
        pointers(&e),
        [
            "/firstName length",
            "/handle pattern",
            "/addresses/1/zip too_long",
            "/nick required",
            "/tags/1 length",
            "/qty range"
        ]
    );
    println!("{e}");
}
