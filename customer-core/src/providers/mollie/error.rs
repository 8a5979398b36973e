//! Mollie's error response, read into a [`ValidationErrors`] report.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{Api, Document};
use crate::error::Violation;
use crate::{CustomerModel, Error, ValidationErrors};

/// Mollie's error response (`application/hal+json`, RFC 7807 style).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, CustomerModel)]
pub struct ErrorResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The HTTP reason phrase, e.g. `Unprocessable Entity`.
    pub title: String,
    /// What went wrong, in Mollie's words. Not copied into a report: it may quote the value.
    pub detail: String,
    /// The request field the error is about, when there is one (`email`, `amount.value`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// Links to the documentation.
    #[serde(rename = "_links", default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Value>,
}

pub(in crate::providers) fn decode_error(
    document: &Document<'_>,
) -> Result<ValidationErrors, Error> {
    let response = document.parse::<ErrorResponse>()?;
    let pointer = response
        .field
        .as_deref()
        .map(super::field_pointer)
        .unwrap_or_default();
    Ok(ValidationErrors::from(Violation::new(
        pointer,
        super::rejected(Api::Mollie)
            .with_message("{api} refused this value (HTTP {status})")
            .with_param("status", crate::Param::UInt(u64::from(response.status))),
    )))
}
