//! A verified delivery, read: the event's id, type and time, and the customer it carries.

use std::fmt;
use std::time::SystemTime;

use serde_json::Value;

use super::{time, Scheme, Verifier, WebhookError};
use crate::{Customer, Error};

/// One provider event whose signature holds.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Event {
    /// The provider whose event it is.
    pub provider: Scheme,
    /// The provider's id of the event (Paddle `event_id`, Stripe and Mollie `id`, Tazapay
    /// `id`): the same in every redelivery, so the key that takes an event once.
    pub id: String,
    /// The event's type (`customer.created`, `transaction.completed`, ...).
    pub event_type: String,
    /// When the event happened, as the provider says (Paddle `occurred_at`, Stripe `created`,
    /// Mollie `createdAt`, Tazapay `created_at`); `None` when the event does not say.
    pub occurred_at: Option<SystemTime>,
    /// The provider's id of the customer the event is about, when it is about one.
    pub customer_id: Option<String>,
    /// The customer a `customer.*` event carries, checked by its API's rules and converted; `None`
    /// for other events.
    pub customer: Option<Customer>,
}

/// Why [`Verifier::receive`] gave no [`Event`].
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Rejected {
    /// The signature does not hold, or cannot be checked (answer 401 when
    /// [`WebhookError::is_unauthenticated`]).
    Unverified(WebhookError),
    /// The signature holds but the body is not an event of the provider (no id or type).
    NotAnEvent(&'static str),
    /// The signature holds, but the customer the event carries breaks its API's rules, or the
    /// body repeats a member name in an object or holds an integer beyond 64 bits (which
    /// reading it would silently change): every violation, each at its JSON Pointer into the
    /// body (`/data/email`, `/data/metadata/plan`).
    Invalid {
        /// The event's id.
        event_id: String,
        /// The event's type.
        event_type: String,
        /// Every violation.
        error: Error,
    },
}

impl fmt::Display for Rejected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rejected::Unverified(error) => fmt::Display::fmt(error, f),
            Rejected::NotAnEvent(reason) => write!(f, "the signed body is not an event: {reason}"),
            Rejected::Invalid { error, .. } => {
                write!(f, "the event's customer breaks the rules:\n{error}")
            }
        }
    }
}

impl std::error::Error for Rejected {}

impl From<WebhookError> for Rejected {
    fn from(error: WebhookError) -> Self {
        Rejected::Unverified(error)
    }
}

impl Verifier {
    /// Verifies a delivery and reads it: `headers` are the request's (name, value) pairs (names
    /// compared case-insensitively; several values of the signature header are joined), `body`
    /// its raw bytes. The [`Event`] only when the signature holds (see [`Verifier::verify_at`]);
    /// the customer of a `customer.*` event is read by its API's rules, every violation in one
    /// [`Rejected::Invalid`].
    pub fn receive<'h, I>(&self, headers: I, body: &[u8]) -> Result<Event, Rejected>
    where
        I: IntoIterator<Item = (&'h str, &'h [u8])>,
    {
        self.receive_at(headers, body, SystemTime::now())
    }

    /// [`Verifier::receive`] with `now` as the time of checking.
    pub fn receive_at<'h, I>(
        &self,
        headers: I,
        body: &[u8],
        now: SystemTime,
    ) -> Result<Event, Rejected>
    where
        I: IntoIterator<Item = (&'h str, &'h [u8])>,
    {
        let name = self.header_name();
        let separator = if self.scheme == Some(Scheme::Paddle) {
            ";"
        } else {
            ","
        };
        let mut value = String::new();
        for (header, bytes) in headers {
            if name.is_empty() || !header.eq_ignore_ascii_case(name) {
                continue;
            }
            let Ok(text) = std::str::from_utf8(bytes) else {
                return Err(Rejected::Unverified(WebhookError::MalformedHeader {
                    header: name,
                    reason: "it is not text",
                }));
            };
            if !value.is_empty() {
                value.push_str(separator);
            }
            value.push_str(text);
        }
        self.verify_at(&value, body, now)?;
        let scheme = self.scheme.ok_or(Rejected::NotAnEvent("no scheme"))?;
        read_event(scheme, body)
    }
}

/// The event in a body whose signature holds.
fn read_event(scheme: Scheme, body: &[u8]) -> Result<Event, Rejected> {
    // Read as every client document is (`json::from_slice`): a repeated key or an integer
    // beyond 64 bits, which a `Value` would silently change, is refused with its pointer once
    // the event's id and type are known.
    let (document, refused) = match crate::json::from_slice::<Value>(body) {
        Ok(document) => (document, None),
        Err(error @ Error::Invalid(_)) => match serde_json::from_slice::<Value>(body) {
            Ok(document) => (document, Some(error)),
            Err(_) => return Err(Rejected::NotAnEvent("the body is not JSON")),
        },
        Err(_) => return Err(Rejected::NotAnEvent("the body is not JSON")),
    };
    let Value::Object(object) = &document else {
        return Err(Rejected::NotAnEvent("the body is not a JSON object"));
    };
    let text = |key: &str| object.get(key).and_then(Value::as_str);
    let (id_key, type_key) = match scheme {
        Scheme::Paddle => ("event_id", "event_type"),
        Scheme::Stripe | Scheme::Mollie | Scheme::Tazapay => ("id", "type"),
    };
    let id = text(id_key)
        .filter(|id| !id.is_empty())
        .ok_or(Rejected::NotAnEvent("it has no event id"))?
        .to_owned();
    let event_type = text(type_key)
        .filter(|t| !t.is_empty())
        .ok_or(Rejected::NotAnEvent("it has no event type"))?
        .to_owned();
    if let Some(error) = refused {
        return Err(Rejected::Invalid {
            event_id: id,
            event_type,
            error,
        });
    }
    let occurred_at = match scheme {
        Scheme::Paddle => text("occurred_at").and_then(time::rfc3339),
        Scheme::Stripe => object
            .get("created")
            .and_then(Value::as_u64)
            .and_then(|secs| time::unix_seconds(&secs.to_string())),
        Scheme::Mollie => text("createdAt").and_then(time::rfc3339),
        Scheme::Tazapay => text("created_at").and_then(time::rfc3339),
    };
    // Whether the event carries a customer: the API's modelled customer events
    // (`Api::webhook_events`), or, where none are modelled, a `customer.*` type about the
    // customer itself (not its subscriptions, sources, tax ids, ...).
    let about_customer = match scheme.api().map(crate::providers::Api::webhook_events) {
        Some(events) if !events.is_empty() => events.contains(&event_type.as_str()),
        _ => event_type.starts_with("customer.") && event_type.matches('.').count() == 1,
    };
    let (entity, pointer) = match scheme {
        Scheme::Stripe => (
            object.get("data").and_then(|data| data.get("object")),
            "/data/object",
        ),
        Scheme::Paddle | Scheme::Tazapay => (object.get("data"), "/data"),
        Scheme::Mollie => (
            object.get("_embedded").and_then(|e| e.get("entity")),
            "/_embedded/entity",
        ),
    };
    // Paddle's customer notifications always hold the customer in `data`: one without it is
    // not taken as an event about no customer (which would use up its id and store nothing).
    // (Mollie's next-gen webhooks may leave the entity out by design.)
    if scheme == Scheme::Paddle && about_customer && !entity.is_some_and(Value::is_object) {
        return Err(Rejected::NotAnEvent(
            "a customer event without the customer object in `data`",
        ));
    }
    let entity = entity.filter(|e| about_customer && e.is_object());
    let customer_id = entity
        .and_then(|e| e.get("id"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let customer = match (entity, scheme.api()) {
        (Some(entity), Some(api)) => {
            let json = entity.to_string();
            match api.decode(&json) {
                Ok(customer) => Some(customer),
                Err(error) => {
                    return Err(Rejected::Invalid {
                        event_id: id,
                        event_type,
                        error: prefixed(error, pointer),
                    })
                }
            }
        }
        _ => None,
    };
    Ok(Event {
        provider: scheme,
        id,
        event_type,
        occurred_at,
        customer_id,
        customer,
    })
}

/// `error` with its pointers moved under `prefix`.
fn prefixed(error: Error, prefix: &str) -> Error {
    match error {
        Error::Syntax(mut v) => {
            v.prefix_pointers(prefix);
            Error::Syntax(v)
        }
        Error::Invalid(mut v) => {
            v.prefix_pointers(prefix);
            Error::Invalid(v)
        }
        Error::Unrepresentable(mut v) => {
            v.prefix_pointers(prefix);
            Error::Unrepresentable(v)
        }
    }
}
