//! The [`CustomerModel`] trait and its implementations for the containers `nested` goes through.

use crate::error::{Path, RuleError, ValidationErrors, MAX_DEPTH};

/// A value that knows the rules of its fields: usually `#[derive(CustomerModel)]`.
///
/// `validate` reports every violation at once, each at the JSON Pointer of the offending value in
/// wire names. It allocates nothing when the value is valid.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a customer model",
    label = "`nested` needs a type that implements `CustomerModel`",
    note = "add `#[derive(CustomerModel)]` to the type, or remove `nested` from the field"
)]
pub trait CustomerModel {
    /// Checks every rule and returns every violation, in declared field order.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut report = ValidationErrors::new();
        self.validate_into(&Path::ROOT, &mut report);
        report.into_result()
    }

    /// Checks every rule, appending the violations to `report` with pointers under `path`.
    ///
    /// This is how nested models report into their parent's report.
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors);
}

/// Records the `too_deep` violation and returns `true` when `path` is past [`MAX_DEPTH`].
#[inline]
pub(crate) fn too_deep(path: &Path<'_>, report: &mut ValidationErrors) -> bool {
    if path.depth() > MAX_DEPTH {
        report.push(
            path,
            RuleError::new("too_deep", "is nested more than {max} levels deep")
                .with_param("max", crate::Param::UInt(u64::from(MAX_DEPTH))),
        );
        true
    } else {
        false
    }
}

impl<T: CustomerModel + ?Sized> CustomerModel for &T {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into(path, report);
    }
}

impl<T: CustomerModel + ?Sized> CustomerModel for Box<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if !too_deep(path, report) {
            (**self).validate_into(path, report);
        }
    }
}

impl<T: CustomerModel + ?Sized> CustomerModel for std::rc::Rc<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into(path, report);
    }
}

impl<T: CustomerModel + ?Sized> CustomerModel for std::sync::Arc<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        (**self).validate_into(path, report);
    }
}

impl<T: CustomerModel> CustomerModel for Option<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_into(path, report);
        }
    }
}

impl<T: CustomerModel> CustomerModel for [T] {
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        for (index, item) in self.iter().enumerate() {
            item.validate_into(&path.index(index), report);
        }
    }
}

impl<T: CustomerModel, const N: usize> CustomerModel for [T; N] {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        self.as_slice().validate_into(path, report);
    }
}

impl<T: CustomerModel> CustomerModel for Vec<T> {
    #[inline]
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        self.as_slice().validate_into(path, report);
    }
}

impl<K: AsRef<str>, T: CustomerModel, S> CustomerModel for std::collections::HashMap<K, T, S> {
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        for (key, value) in self {
            value.validate_into(&path.key(key.as_ref()), report);
        }
    }
}

impl<K: AsRef<str>, T: CustomerModel> CustomerModel for std::collections::BTreeMap<K, T> {
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        if too_deep(path, report) {
            return;
        }
        for (key, value) in self {
            value.validate_into(&path.key(key.as_ref()), report);
        }
    }
}
