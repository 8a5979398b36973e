//! Mollie's update-customer request body and its conversions to and from [`CustomerPatch`].

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{locale_error, metadata_shape, Document, Locale, Report};
use crate::{CustomerModel, CustomerPatch, Error, Patch};

/// Mollie's update-customer request body (`PATCH /v2/customers/{id}`). Every key is optional;
/// `name`, `email`, `locale` and `metadata` may be `null` to clear them (Mollie's OpenAPI document
/// marks them nullable), `testmode` may not.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct UpdateCustomerRequest {
    /// The full name.
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub name: Patch<String>,
    /// The email address.
    #[customer(email)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub email: Patch<String>,
    /// The language of the hosted payment pages: one of [`Locale`].
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub locale: Patch<Locale>,
    /// The merchant's data: a string, a number, an object or an array of at most 1024 bytes.
    #[customer(metadata(max_bytes = 1024), custom = metadata_shape)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub metadata: Patch<Value>,
    /// With an organization access token: `true` to update a test-mode customer. A flag of the
    /// request, not customer data: it is not carried into [`CustomerPatch`].
    #[customer(required)]
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    pub testmode: Patch<bool>,
}

impl From<UpdateCustomerRequest> for CustomerPatch {
    fn from(request: UpdateCustomerRequest) -> Self {
        CustomerPatch {
            name: request.name,
            email: request.email,
            locale: request.locale.map(Locale::to_bcp47),
            metadata: request.metadata,
            ..CustomerPatch::default()
        }
    }
}

pub(in crate::providers) fn decode_update(document: &Document<'_>) -> Result<CustomerPatch, Error> {
    Ok(document.parse::<UpdateCustomerRequest>()?.into())
}

pub(in crate::providers) fn encode_update(
    patch: &CustomerPatch,
    report: &mut Report,
) -> Option<UpdateCustomerRequest> {
    let locale = match &patch.locale {
        Patch::Value(tag) => match Locale::from_bcp47(tag) {
            Some(locale) => Patch::Value(locale),
            None => {
                report.cannot_hold_with("/locale", locale_error());
                Patch::Absent
            }
        },
        Patch::Null => Patch::Null,
        Patch::Absent => Patch::Absent,
    };
    report.no_place("/phone", !patch.phone.is_absent());
    report.no_place("/country", !patch.country.is_absent());
    report.no_place("/billing_addresses", !patch.billing_addresses.is_absent());
    report.no_place("/shipping_addresses", !patch.shipping_addresses.is_absent());
    report.no_place("/status", !patch.status.is_absent());
    report.no_place("/external_id", !patch.external_id.is_absent());
    let request = UpdateCustomerRequest {
        name: patch.name.clone(),
        email: patch.email.clone(),
        locale,
        metadata: match &patch.metadata {
            Patch::Value(Value::Null) => Patch::Null,
            other => other.clone(),
        },
        testmode: Patch::Absent,
    };
    report.rules(crate::model::validate_all(&request), super::same_pointer);
    Some(request)
}
