use customer_core::CustomerModel;

#[derive(CustomerModel)]
struct Inner {
    #[customer(email)]
    email: String,
}

#[derive(CustomerModel)]
struct Model {
    #[customer(email(max = 254, ascii))]
    email: Option<String>,
    #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
    pattern: Option<String>,
    #[customer(id(prefix = "ctm_", chars = "a-z0-9", len = 26))]
    id: Option<String>,
    #[customer(id(chars = "A-Za-z0-9_", min_len = 1, max_len = 28))]
    id_range: Option<String>,
    #[customer(locale)]
    locale: Option<String>,
    #[customer(locale(short))]
    language: Option<String>,
    #[customer(metadata(max_bytes = 512))]
    metadata: Option<std::collections::BTreeMap<String, String>>,
    #[customer(metadata(json_string, max_bytes = 512))]
    metadata_text: Option<String>,
    #[customer(length(min = 1, max = 1024))]
    name: Option<String>,
    #[customer(bytes(max = 64))]
    bytes: Option<String>,
    #[customer(one_of("active", "archived"))]
    status: Option<String>,
    #[customer(country)]
    country: Option<String>,
    #[customer(phone)]
    phone: Option<String>,
    #[customer(url)]
    url: Option<String>,
    #[customer(timestamp)]
    created_at: Option<String>,
    #[customer(range(min = 1, max = 10))]
    quantity: Option<u32>,
    #[customer(each(email, length(max = 64)))]
    emails: Option<Vec<String>>,
    #[customer(nested)]
    inner: Option<Inner>,
    #[customer(required, length(min = 1))]
    required: Option<String>,
    #[customer(custom = not_blank)]
    custom: Option<String>,
    #[customer(email, message = "is not an email", code = "bad_email")]
    overridden: Option<Option<String>>,
}

fn not_blank(value: &String) -> Result<(), customer_core::RuleError> {
    if value.trim().is_empty() {
        Err(customer_core::RuleError::new("blank", "is blank"))
    } else {
        Ok(())
    }
}

fn main() {
    let model = Model {
        email: None,
        pattern: None,
        id: None,
        id_range: None,
        locale: None,
        language: None,
        metadata: None,
        metadata_text: None,
        name: None,
        bytes: None,
        status: None,
        country: None,
        phone: None,
        url: None,
        created_at: None,
        quantity: None,
        emails: None,
        inner: None,
        required: Some("x".to_owned()),
        custom: None,
        overridden: Some(None),
    };
    assert!(model.validate().is_ok());
}
