//! The extractor of signed webhooks (features `axum` and `webhooks`).

use std::fmt;

use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use http::StatusCode;

use super::problem::invalid_problem;
use super::{read_body, Problem, ValidRejection};
use crate::webhooks::{Event, Rejected, Verifier};

/// A webhook delivery whose signature holds, read: the [`Event`].
///
/// The route names its provider's [`Verifier`] as a request extension; the body is read raw (up
/// to the [`BodyLimit`](super::BodyLimit), whatever its content type) and verified before it is
/// parsed.
///
/// ```
/// use axum::{routing::post, Extension, Router};
/// use customer_core::axum::Webhook;
/// use customer_core::providers::Api;
/// use customer_core::webhooks::Verifier;
///
/// async fn paddle(Webhook(event): Webhook) -> &'static str {
///     // The signature held; `event.customer` (for `customer.*` events) passed Paddle's rules.
///     "taken"
/// }
///
/// let verifier = Verifier::new(Api::Paddle, "pdl_ntfset_01hs0t3tw21j988db1pam5xg8m_secret");
/// let app: Router = Router::new()
///     .route("/webhooks/paddle", post(paddle))
///     .layer(Extension(verifier));
/// ```
///
/// The extractor keeps no state: a delivery sent again within the signature's window (or at any
/// time for Mollie, which signs no timestamp) verifies again. Take each event once by its
/// [`Event::id`], stored with a unique key in the transaction that acts on it.
///
/// Rejections ([`WebhookRejection`]) answer with a problem document: 401 when the signature is
/// missing, wrong, malformed, stale or in the future; 422 with every violation when the
/// signature holds but the event's customer breaks its API's rules; 400 when a signed body is
/// not an event; 413 for a body over the limit; 500 when the route has no `Verifier` or it has no
/// secret.
#[derive(Clone, Debug)]
pub struct Webhook(pub Event);

/// Why a delivery gave no [`Webhook`]. No variant holds a secret, a signature or the body.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum WebhookRejection {
    /// The body could not be read (413 over the limit, 400 a broken read).
    Body(ValidRejection),
    /// The signature or the event was refused.
    Rejected(Rejected),
    /// The route has no [`Verifier`] extension (a mistake of the server, 500).
    NoVerifier,
}

impl WebhookRejection {
    /// The HTTP status this rejection answers with.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        match self {
            WebhookRejection::Body(rejection) => rejection.status(),
            WebhookRejection::Rejected(Rejected::Unverified(error)) => {
                if error.is_unauthenticated() {
                    StatusCode::UNAUTHORIZED
                } else {
                    StatusCode::INTERNAL_SERVER_ERROR
                }
            }
            WebhookRejection::Rejected(Rejected::NotAnEvent(_)) => StatusCode::BAD_REQUEST,
            WebhookRejection::Rejected(Rejected::Invalid { .. }) => {
                StatusCode::UNPROCESSABLE_ENTITY
            }
            WebhookRejection::NoVerifier => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The problem document this rejection answers with, in English.
    #[must_use]
    pub fn into_problem(self) -> Problem {
        self.into_problem_in(&crate::i18n::Lang::ENGLISH)
    }

    /// The problem document this rejection answers with, in `lang`: the body and rule
    /// problems (413, 400, 422; pointers and codes are the same in every language), the
    /// signature's (401) and the server's own (500). The English `detail` of a header or body
    /// that cannot be read also says why; the other languages say what, not why.
    #[must_use]
    pub fn into_problem_in(self, lang: &crate::i18n::Lang) -> Problem {
        use crate::webhooks::WebhookError as W;
        use crate::Param;
        let status = self.status();
        let text = |id: &str, params: &[(&str, Param)]| {
            Problem::new(
                status,
                crate::i18n::Catalog::global().text(lang, id, params),
            )
            .with_lang(lang.clone())
        };
        let name = |s: &'static str| Param::Str(s.into());
        let secs = |n: u64| Param::UInt(n);
        match self {
            WebhookRejection::Body(rejection) => rejection.into_problem_in(lang),
            WebhookRejection::Rejected(Rejected::Unverified(error)) => match error {
                W::MissingSignature { header } => {
                    text("webhook-missing-signature", &[("header", name(header))])
                }
                W::MalformedHeader { header, reason } => text(
                    "webhook-malformed-header",
                    &[("header", name(header)), ("reason", name(reason))],
                ),
                W::NoMatchingSignature => text("webhook-no-matching-signature", &[]),
                W::Stale {
                    age_secs,
                    tolerance_secs,
                } => text(
                    "webhook-stale",
                    &[("age", secs(age_secs)), ("tolerance", secs(tolerance_secs))],
                ),
                W::Future {
                    ahead_secs,
                    tolerance_secs,
                } => text(
                    "webhook-future",
                    &[
                        ("ahead", secs(ahead_secs)),
                        ("tolerance", secs(tolerance_secs)),
                    ],
                ),
                W::MalformedBody { reason } => {
                    text("webhook-malformed-body", &[("reason", name(reason))])
                }
                // The configuration's errors (no secret, an API without webhooks): 500.
                _ => text("webhook-cannot-check", &[]),
            },
            WebhookRejection::Rejected(Rejected::NotAnEvent(reason)) => {
                text("webhook-not-an-event", &[("reason", name(reason))])
            }
            WebhookRejection::Rejected(Rejected::Invalid { error, .. }) => {
                invalid_problem(error.into_violations(), lang)
            }
            WebhookRejection::NoVerifier => text("webhook-cannot-check", &[]),
        }
    }
}

impl fmt::Display for WebhookRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookRejection::Body(rejection) => fmt::Display::fmt(rejection, f),
            WebhookRejection::Rejected(rejected) => fmt::Display::fmt(rejected, f),
            WebhookRejection::NoVerifier => f.write_str("the route has no webhook verifier"),
        }
    }
}

impl std::error::Error for WebhookRejection {}

impl IntoResponse for WebhookRejection {
    fn into_response(self) -> Response {
        self.into_problem().into_response()
    }
}

impl<S: Send + Sync> FromRequest<S> for Webhook {
    type Rejection = WebhookRejection;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let Some(verifier) = req.extensions().get::<Verifier>().cloned() else {
            // The body is read (and thrown away, up to the limit) before the refusal, as every
            // refused body is: answered before its body has arrived, the connection cannot take
            // another request (hyper closes it after the answer), and a client that sends its
            // next request on it, as keep-alive allows, finds it closed.
            let _ = read_body(req, false).await;
            return Err(WebhookRejection::NoVerifier);
        };
        let headers = req.headers().clone();
        let body = read_body(req, false)
            .await
            .map_err(WebhookRejection::Body)?;
        verifier
            .receive(
                headers
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_bytes())),
                &body,
            )
            .map(Webhook)
            .map_err(WebhookRejection::Rejected)
    }
}
