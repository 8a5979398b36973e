//! [`Api::check`]: a document validated by an API's rules, without building a [`Customer`].
//!
//! [`Customer`]: crate::Customer

use super::{legit, mollie, paddle, tazapay, Api, Document};
use crate::{CustomerModel, Error};

/// What a decoder gives when only the verdict is wanted: the model it read and validated is
/// dropped where a [`Customer`](crate::Customer) would be built from it.
pub(super) struct Checked;

impl<T: CustomerModel> From<T> for Checked {
    fn from(_: T) -> Self {
        Checked
    }
}

impl Api {
    /// Validates a document by this API's rules, as [`Api::decode`] does, and builds nothing
    /// from it: `Ok(())` when [`Api::decode`] would succeed, otherwise the same error.
    ///
    /// The shape is told from the top-level member names (a scan that builds nothing but the
    /// list of names), then the document is read once into the shape's model and its rules run.
    /// Only a document that fails to read is read a second time, for the pointer of its error.
    ///
    /// ```
    /// use customer_core::providers::Api;
    ///
    /// assert!(Api::Paddle.check(r#"{"email": "jo@example.com", "locale": "nl-NL"}"#).is_ok());
    /// let error = Api::Paddle.check(r#"{"email": "jo at example.com"}"#).unwrap_err();
    /// assert_eq!(error.violations().iter().next().map(|v| v.pointer()), Some("/email"));
    /// ```
    pub fn check(&self, json: &str) -> Result<(), Error> {
        let document = Document::read(json)?;
        let Checked = match self {
            Api::Mollie => mollie::decode::<Checked>(&document)?,
            Api::Tazapay => tazapay::decode::<Checked>(&document)?,
            Api::Paddle => paddle::decode::<Checked>(&document)?,
            Api::Legit => legit::decode::<Checked>(&document)?,
        };
        Ok(())
    }
}
