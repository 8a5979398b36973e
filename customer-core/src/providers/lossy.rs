//! [`Api::encode_lossy`]: a create-customer body without the values the target API cannot hold,
//! and the list of what was left out.
//!
//! [`Api::encode`] refuses a customer with a value the target has no place for or cannot hold
//! ([`Error::Unrepresentable`]), so that nothing is lost silently. A migration that accepts the
//! loss asks for it by name: `encode_lossy` clears each such value, encodes again, and returns
//! the body with one [`Violation`] per cleared value (its pointer into the customer's JSON and
//! the reason). What is mapped without guessing (BCP 47 `en-GB` to Mollie's `en_GB`, a list of
//! distinct `{key, value}` entries to an object) is mapped by both; what would need a guess
//! (`en` to one of Mollie's English locales) is refused by `encode` and dropped by
//! `encode_lossy`. A value the target *needs* (Paddle's email, Tazapay's country) cannot be
//! dropped: it stays an error.

use std::borrow::Cow;

use super::Api;
use crate::{Address, Customer, CustomerPatch, Error, Patch, ValidationErrors, Violation};

/// A body written by [`Api::encode_lossy`] or [`Api::encode_update_lossy`], with what was
/// left out of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Encoded {
    /// The API's create-customer (or update-customer) request body, as compact JSON.
    pub body: String,
    /// One entry per value left out of the body, in the order they were found: the pointer of
    /// the value in the customer's JSON (`/locale`, `/metadata`, `/billing_addresses/0/phone`)
    /// and why the API cannot hold it. Like every violation, it never holds the value itself.
    pub dropped: Vec<Violation>,
}

impl Api {
    /// This API's create-customer request body for `customer`, leaving out each value the API
    /// has no place for or cannot hold, and listing what was left out.
    ///
    /// Errors are those of [`Api::encode`] that dropping cannot mend: [`Error::Invalid`] when
    /// the customer breaks its own rules, and [`Error::Unrepresentable`] when the API needs a
    /// value the customer lacks or holds in a form the API refuses (a non-ASCII email for
    /// Paddle: dropping it would leave the required email missing).
    ///
    /// ```
    /// use customer_core::providers::Api;
    /// use customer_core::Customer;
    ///
    /// let customer = Customer {
    ///     email: Some("jo@example.com".into()),
    ///     locale: Some("en".into()), // which of Mollie's English locales? Not guessed.
    ///     country: Some("NL".into()), // Mollie has no place for a country.
    ///     ..Customer::default()
    /// };
    /// assert!(Api::Mollie.encode(&customer).is_err());
    ///
    /// let encoded = Api::Mollie.encode_lossy(&customer)?;
    /// assert_eq!(encoded.body, r#"{"email":"jo@example.com"}"#);
    /// let dropped: Vec<&str> = encoded.dropped.iter().map(|v| v.pointer()).collect();
    /// assert_eq!(dropped, ["/locale", "/country"]);
    /// # Ok::<(), customer_core::Error>(())
    /// ```
    pub fn encode_lossy(&self, customer: &Customer) -> Result<Encoded, Error> {
        lossy(customer, |customer| self.encode(customer))
    }

    /// This API's update-customer request body for `patch`, leaving out each field the API's
    /// update cannot carry (set or cleared) or hold, and listing what was left out: the update
    /// counterpart of [`Api::encode_lossy`] for [`Api::encode_update`]. A field left out of an
    /// update keeps the stored value.
    ///
    /// ```
    /// use customer_core::providers::Api;
    /// use customer_core::{CustomerPatch, Patch};
    ///
    /// let patch = CustomerPatch {
    ///     name: Patch::Value("Jo Brown".into()),
    ///     country: Patch::Value("NL".into()), // Paddle's update has no country
    ///     ..CustomerPatch::default()
    /// };
    /// assert!(Api::Paddle.encode_update(&patch).is_err());
    /// let encoded = Api::Paddle.encode_update_lossy(&patch)?;
    /// assert_eq!(encoded.body, r#"{"name":"Jo Brown"}"#);
    /// assert_eq!(encoded.dropped[0].pointer(), "/country");
    /// # Ok::<(), customer_core::Error>(())
    /// ```
    pub fn encode_update_lossy(&self, patch: &CustomerPatch) -> Result<Encoded, Error> {
        lossy(patch, |patch| self.encode_update(patch))
    }
}

/// A value whose fields can be cleared by pointer: a [`Customer`] or a [`CustomerPatch`].
trait Clear: Clone {
    /// Clears what `pointer` is in; the pointer of what was cleared, or `None` when there was
    /// nothing to clear there.
    fn clear(&mut self, pointer: &str) -> Option<String>;
}

/// Encodes `value`, clearing each value `encode` refuses as unrepresentable, until it encodes.
fn lossy<T: Clear>(
    value: &T,
    encode: impl Fn(&T) -> Result<String, Error>,
) -> Result<Encoded, Error> {
    let mut current = Cow::Borrowed(value);
    let mut dropped: Vec<Violation> = Vec::new();
    // Each round clears at least one value, so the loop ends.
    loop {
        let errors = match encode(&current) {
            Ok(body) => return Ok(Encoded { body, dropped }),
            Err(Error::Unrepresentable(errors)) => errors,
            Err(other) => return Err(other),
        };
        let mut next = current.clone().into_owned();
        let mut kept = ValidationErrors::new();
        let mut cleared = false;
        // What this round cleared: a later refusal inside it (Stripe's `/metadata/seats` after
        // `/metadata/plan` cleared the metadata) is gone with it.
        let mut cleared_now: Vec<String> = Vec::new();
        for violation in errors {
            if violation.code() == crate::codes::REQUIRED {
                // Required but missing: if this round's value lacks it because an earlier
                // round dropped it, the reason it was dropped is the error.
                match dropped
                    .iter()
                    .position(|d| d.pointer() == violation.pointer())
                {
                    Some(at) => kept.push_violation(dropped.remove(at)),
                    None => kept.push_violation(violation),
                }
                continue;
            }
            let inside = |pointer: &str| {
                cleared_now.iter().any(|c| {
                    pointer == c
                        || pointer
                            .strip_prefix(c.as_str())
                            .is_some_and(|rest| rest.starts_with('/'))
                })
            };
            if inside(violation.pointer()) {
                continue;
            }
            match next.clear(violation.pointer()) {
                Some(pointer) => {
                    cleared = true;
                    cleared_now.push(pointer.clone());
                    if !dropped.iter().any(|d| d.pointer() == pointer) {
                        dropped.push(Violation::new(pointer, violation.rule_error().clone()));
                    }
                }
                None => kept.push_violation(violation),
            }
        }
        if !kept.is_empty() || !cleared {
            return Err(Error::Unrepresentable(kept));
        }
        current = Cow::Owned(next);
    }
}

impl Clear for Customer {
    fn clear(&mut self, pointer: &str) -> Option<String> {
        clear(self, pointer)
    }
}

impl Clear for CustomerPatch {
    /// A field of an update is cleared by leaving it out ([`Patch::Absent`]): a set value and
    /// a `null` alike.
    fn clear(&mut self, pointer: &str) -> Option<String> {
        fn absent<T>(patch: &mut Patch<T>) -> bool {
            !std::mem::take(patch).is_absent()
        }
        let field = pointer.strip_prefix('/')?.split('/').next()?;
        let present = match field {
            "id" => absent(&mut self.id),
            "name" => absent(&mut self.name),
            "email" => absent(&mut self.email),
            "locale" => absent(&mut self.locale),
            "phone" => absent(&mut self.phone),
            "country" => absent(&mut self.country),
            "billing_addresses" => absent(&mut self.billing_addresses),
            "shipping_addresses" => absent(&mut self.shipping_addresses),
            "metadata" => absent(&mut self.metadata),
            "status" => absent(&mut self.status),
            "external_id" => absent(&mut self.external_id),
            _ => false,
        };
        present.then(|| format!("/{field}"))
    }
}

/// Clears the value of `customer` that `pointer` (into the customer's JSON) is in: an address
/// member (`/billing_addresses/0/phone/number` clears that address's phone) or else the
/// top-level field. Returns the pointer of what was cleared, or `None` when there was nothing
/// there to clear.
fn clear(customer: &mut Customer, pointer: &str) -> Option<String> {
    let mut segments = pointer.strip_prefix('/')?.split('/');
    let field = segments.next()?;
    let addresses = match field {
        "billing_addresses" => Some(&mut customer.billing_addresses),
        "shipping_addresses" => Some(&mut customer.shipping_addresses),
        _ => None,
    };
    if let Some(addresses) = addresses {
        let index = segments.next().and_then(|i| i.parse::<usize>().ok());
        let member = segments.next();
        if let (Some(index), Some(member)) = (index, member) {
            if let Some(address) = addresses.get_mut(index) {
                if clear_address(address, member) {
                    return Some(format!("/{field}/{index}/{member}"));
                }
            }
        }
        if addresses.is_empty() {
            return None;
        }
        addresses.clear();
        return Some(format!("/{field}"));
    }
    let present = match field {
        "id" => customer.id.take().is_some(),
        "name" => customer.name.take().is_some(),
        "email" => customer.email.take().is_some(),
        "locale" => customer.locale.take().is_some(),
        "phone" => customer.phone.take().is_some(),
        "country" => customer.country.take().is_some(),
        "metadata" => customer.metadata.take().is_some(),
        "marketing_consent" => customer.marketing_consent.take().is_some(),
        "status" => customer.status.take().is_some(),
        "created_at" => customer.created_at.take().is_some(),
        "updated_at" => customer.updated_at.take().is_some(),
        "mode" => customer.mode.take().is_some(),
        "external_id" => customer.external_id.take().is_some(),
        "imported_from" => customer.imported_from.take().is_some(),
        _ => false,
    };
    present.then(|| format!("/{field}"))
}

/// Clears one member of an address; `false` when it is not a member or holds nothing.
fn clear_address(address: &mut Address, member: &str) -> bool {
    match member {
        "name" => address.name.take().is_some(),
        "line1" => address.line1.take().is_some(),
        "line2" => address.line2.take().is_some(),
        "city" => address.city.take().is_some(),
        "state" => address.state.take().is_some(),
        "country" => address.country.take().is_some(),
        "postal_code" => address.postal_code.take().is_some(),
        "phone" => address.phone.take().is_some(),
        "label" => address.label.take().is_some(),
        _ => false,
    }
}
