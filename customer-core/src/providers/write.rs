//! Writing documents: the violations of one `encode` or `encode_update` ([`Report`]), in the
//! customer's field order.

use super::Api;
use crate::error::{Param, RuleError, ValidationErrors, Violation};
use crate::Error;

/// The violations of one `encode` or `encode_update`, kept with the API they are about.
pub(crate) struct Report {
    api: Api,
    update: bool,
    invalid: ValidationErrors,
}

impl Report {
    pub(super) fn new(api: Api) -> Self {
        Report {
            api,
            update: false,
            invalid: ValidationErrors::new(),
        }
    }

    pub(super) fn for_update(api: Api) -> Self {
        Report {
            update: true,
            ..Report::new(api)
        }
    }

    /// `pointer` holds a value the API's request has no place for, when `present` (in an
    /// update: set or cleared).
    pub(crate) fn no_place(&mut self, pointer: &str, present: bool) {
        if present {
            let message = if self.update {
                "{api} has no place for this field in its update-customer request; leave it out to encode without it"
            } else {
                "{api} has no place for this value in its create-customer request; clear it to encode without it"
            };
            self.invalid.push_violation(Violation::new(
                pointer,
                RuleError::new(crate::codes::UNREPRESENTABLE, message)
                    .with_param("api", Param::Str(self.api.title().into())),
            ));
        }
    }

    /// The update clears the field at `pointer`, which the API's update cannot do.
    pub(crate) fn cannot_clear(&mut self, pointer: &str) {
        self.invalid.push_violation(Violation::new(
            pointer,
            RuleError::new(
                crate::codes::UNREPRESENTABLE,
                "{api} cannot clear this field in an update; leave it out to keep it, or give a value",
            )
            .with_param("api", Param::Str(self.api.title().into())),
        ));
    }

    /// [`Report::cannot_clear`] when `patch` is null; the patch with a null made absent.
    pub(crate) fn not_null<T: Clone>(
        &mut self,
        pointer: &str,
        patch: &crate::Patch<T>,
    ) -> crate::Patch<T> {
        if patch.is_null() {
            self.cannot_clear(pointer);
            crate::Patch::Absent
        } else {
            patch.clone()
        }
    }

    /// The API needs the value at `pointer` to create a customer, and it is missing.
    pub(crate) fn needs(&mut self, pointer: &str) {
        self.invalid.push_violation(Violation::new(
            pointer,
            RuleError::new(
                crate::codes::REQUIRED,
                "{api} needs this value to create a customer",
            )
            .with_param("api", Param::Str(self.api.title().into())),
        ));
    }

    /// The value at `pointer` exists but the API cannot hold it, for the reason `message`.
    pub(crate) fn cannot_hold(&mut self, pointer: &str, message: &'static str) {
        self.invalid.push_violation(Violation::new(
            pointer,
            RuleError::new(crate::codes::UNREPRESENTABLE, message)
                .with_param("api", Param::Str(self.api.title().into())),
        ));
    }

    /// The value at `pointer` exists but the API cannot hold it, as `error` says.
    pub(crate) fn cannot_hold_with(&mut self, pointer: &str, error: RuleError) {
        self.invalid.push_violation(Violation::new(pointer, error));
    }

    /// A rule violation of the API's own model (`validate` of the request body), pointers
    /// already turned into the customer's.
    pub(crate) fn rules(&mut self, result: Result<(), ValidationErrors>, map: fn(&str) -> String) {
        if let Err(errors) = result {
            for violation in errors {
                let pointer = map(violation.pointer());
                self.invalid
                    .push_violation(Violation::new(pointer, violation.rule_error().clone()));
            }
        }
    }

    /// `Err(Error::Unrepresentable)` with every violation, in the customer's field order.
    pub(super) fn finish(self) -> Result<(), Error> {
        if self.invalid.is_empty() {
            return Ok(());
        }
        let mut violations: Vec<Violation> = self.invalid.into_iter().collect();
        violations.sort_by_key(|v| field_rank(v.pointer()));
        let mut report = ValidationErrors::new();
        for violation in violations {
            report.push_violation(violation);
        }
        Err(Error::Unrepresentable(report))
    }
}

/// The place of a pointer's first segment among the fields of [`Customer`](crate::Customer).
fn field_rank(pointer: &str) -> usize {
    const ORDER: [&str; 16] = [
        "id",
        "name",
        "email",
        "locale",
        "phone",
        "country",
        "billing_addresses",
        "shipping_addresses",
        "metadata",
        "marketing_consent",
        "status",
        "created_at",
        "updated_at",
        "mode",
        "external_id",
        "imported_from",
    ];
    let first = pointer
        .trim_start_matches('/')
        .split('/')
        .next()
        .unwrap_or("");
    ORDER
        .iter()
        .position(|field| *field == first)
        .unwrap_or(ORDER.len())
}

/// Pointers of a request body whose keys are the customer's own.
pub(super) fn same_pointer(pointer: &str) -> String {
    pointer.to_owned()
}

pub(super) fn to_json<T: serde::Serialize>(body: T) -> Option<String> {
    serde_json::to_string(&body).ok()
}
