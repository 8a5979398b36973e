//! The Paddle customer entity the server answers with: a view of the canonical customer kept in
//! the store.

use customer_core::providers::paddle;
use customer_core::{
    Customer, CustomerModel as _, Path as ModelPath, RuleError, Status, ValidationErrors,
};
use serde_json::{Map, Value};

/// The Paddle customer entity (`providers::paddle::Customer`) for a stored canonical customer,
/// checked by Paddle's rules. A canonical customer holds more than an entity shows (phone,
/// addresses, ...): it is all kept in the database, the entity is a view of it.
///
/// Pointers of violations use the canonical names (`/email`, `/name`, `/locale`, `/metadata`,
/// `/external_id`), which are the request's own for the fields every modelled API shares.
pub fn paddle_entity(id: String, customer: Customer) -> Result<paddle::Customer, ValidationErrors> {
    let mut report = ValidationErrors::new();
    let email = customer.email.unwrap_or_else(|| {
        report.push(
            &ModelPath::ROOT.key("email"),
            RuleError::new(
                customer_core::codes::REQUIRED,
                "is required: a Paddle customer needs an email address",
            ),
        );
        String::new()
    });
    let custom_data = match customer.metadata {
        None | Some(Value::Null) => None,
        Some(value) => custom_data(value).or_else(|| {
            report.push(
                &ModelPath::ROOT.key("metadata"),
                RuleError::new(
                    customer_core::codes::UNREPRESENTABLE,
                    "must be an object, or a list of distinct {key, value} entries, to be a \
                     Paddle customer's custom_data",
                ),
            );
            None
        }),
    };
    let import_meta = customer
        .imported_from
        .map(|imported_from| paddle::ImportMeta {
            external_id: customer.external_id,
            imported_from,
        });
    let entity = paddle::Customer {
        id,
        name: customer.name,
        email,
        marketing_consent: customer.marketing_consent.unwrap_or(false),
        status: customer.status.unwrap_or(Status::Active),
        custom_data,
        locale: customer.locale.unwrap_or_else(|| "en".to_owned()),
        created_at: Some(customer.created_at.unwrap_or_default()),
        updated_at: Some(customer.updated_at.unwrap_or_default()),
        import_meta,
    };
    if let Err(errors) = entity.validate() {
        for violation in errors {
            if report
                .iter()
                .any(|seen| seen.pointer() == violation.pointer())
            {
                continue; // a missing email is reported once, as `required`
            }
            let pointer = match violation.pointer() {
                "/import_meta/external_id" => "/external_id".to_owned(),
                "/custom_data" => "/metadata".to_owned(),
                other => other.to_owned(),
            };
            report.push_violation(customer_core::Violation::new(
                pointer,
                violation.rule_error().clone(),
            ));
        }
    }
    report.into_result().map(|()| entity)
}

/// Paddle's `custom_data` for a canonical metadata value: an object as it is, a list of
/// `{key, value}` entries with distinct string keys as the object of them; `None` otherwise.
pub fn custom_data(value: Value) -> Option<Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map),
        Value::Array(items) => {
            let mut map = Map::new();
            for item in items {
                let Value::Object(mut entry) = item else {
                    return None;
                };
                let (Some(Value::String(key)), Some(value)) =
                    (entry.remove("key"), entry.remove("value"))
                else {
                    return None;
                };
                if !entry.is_empty() || map.insert(key, value).is_some() {
                    return None;
                }
            }
            Some(map)
        }
        _ => None,
    }
}

/// The envelope Paddle answers with.
pub fn envelope(entity: paddle::Customer, request_id: String) -> paddle::CustomerResponse {
    paddle::CustomerResponse {
        data: entity,
        meta: paddle::Meta { request_id },
    }
}
