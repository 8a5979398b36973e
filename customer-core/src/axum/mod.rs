//! axum integration (feature `axum`): extract a validated [`Valid<T>`](crate::Valid) from a JSON
//! request body, and answer every failure as an RFC 9457 `application/problem+json` document.
//!
//! ```no_run
//! use axum::{routing::post, Extension, Router};
//! use customer_core::{axum::{BodyLimit, MaxViolations}, Valid};
//! # #[derive(serde::Deserialize)]
//! # struct SignupForm { email: String }
//! # impl customer_core::CustomerModel for SignupForm {
//! #     fn validate_into(&self, _: &customer_core::Path<'_>, _: &mut customer_core::ValidationErrors) {}
//! # }
//! # impl customer_core::json::Shape for SignupForm {}
//!
//! async fn signup(form: Valid<SignupForm>) -> &'static str {
//!     // `form` has passed every rule of `SignupForm`.
//!     "welcome"
//! }
//!
//! let app: Router = Router::new()
//!     .route("/signup", post(signup))
//!     // Optional: the default limit is 64 KiB.
//!     .layer(Extension(BodyLimit(16 * 1024)))
//!     // Optional: a 422 answer lists at most 100 violations unless told otherwise.
//!     .layer(Extension(MaxViolations(20)));
//! ```
//!
//! A model with `#[customer(context(C))]` is validated with the `C` that
//! [`FromRef`] takes from the router's state:
//!
//! ```
//! use axum::{extract::FromRef, routing::post, Router};
//! use customer_core::{CustomerModel, Valid};
//!
//! #[derive(Clone)]
//! struct Limits {
//!     name_max: usize,
//! }
//!
//! #[derive(Clone)]
//! struct AppState {
//!     limits: Limits,
//! }
//!
//! impl FromRef<AppState> for Limits {
//!     fn from_ref(state: &AppState) -> Limits {
//!         state.limits.clone()
//!     }
//! }
//!
//! #[derive(CustomerModel, serde::Deserialize)]
//! #[customer(context(Limits))]
//! struct Profile {
//!     #[customer(length(max = ctx.name_max))]
//!     name: String,
//! }
//!
//! async fn update(profile: Valid<Profile>) -> &'static str {
//!     // `profile.name` has at most `name_max` characters of the state's `Limits`.
//!     "saved"
//! }
//!
//! let app: Router = Router::new()
//!     .route("/profile", post(update))
//!     .with_state(AppState { limits: Limits { name_max: 64 } });
//! # let _ = app;
//! ```
//!
//! | what went wrong | status | `errors` |
//! | --- | --- | --- |
//! | `Content-Type` is not `application/json` (or `application/*+json`) | 415 (`problem-media-type`) | none |
//! | `Content-Type` is JSON but names a `charset` other than `utf-8` | 415 (`problem-charset`) | none |
//! | the body is longer than the [`BodyLimit`] (64 KiB unless configured) | 413 | none |
//! | the body could not be read | 400 | none |
//! | the body is not JSON (or not UTF-8) | 400 | one, code `malformed_json`, pointer `""` |
//! | the JSON has the wrong shape or breaks a rule | 422 | every violation: `{pointer, code, detail, type}` |
//!
//! The answer is in the language the request's `Accept-Language` asks for, of those of
//! [`Catalog::global`](crate::i18n::Catalog::global) (quality values honoured, `de-CH` answered
//! in `de`, English when none matches), and says which in `Content-Language`. Pointers and codes
//! are the same in every language; each violation's `type` is its code's documentation URI.
//!
//! No response ever contains the rejected value: only where it is, which rule refused it and why.

use std::fmt;

use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::header::{ACCEPT_LANGUAGE, CONTENT_LENGTH, CONTENT_TYPE};
use http::request::Parts;
use http::{HeaderMap, StatusCode};
use http_body_util::BodyExt as _;

use crate::error::{Error, ValidationErrors};
use crate::i18n::Lang;
use crate::model::NoContext;
use crate::valid::{FromJson, Valid};

mod problem;
#[cfg(feature = "webhooks")]
mod webhook;

/// The cap on the violations of a 422 answer, as a request extension:
/// `router.layer(axum::Extension(MaxViolations(20)))` (100 when there is none).
pub use crate::json::MaxViolations;
pub use problem::Problem;
use problem::{invalid_problem, problem_of};
#[cfg(feature = "webhooks")]
#[cfg_attr(docsrs, doc(cfg(feature = "webhooks")))]
pub use webhook::{Webhook, WebhookRejection};

/// The body limit used when no [`BodyLimit`] extension is present: 64 KiB.
pub const DEFAULT_BODY_LIMIT: usize = 64 * 1024;

/// How far past the [`BodyLimit`] a body is still read (and thrown away) before answering 413:
/// 1 MiB.
///
/// Closing a connection with unread request data makes TCP reset it, and the client may then
/// lose the 413 response. So a body at most this much over the limit is read to its end, with
/// nothing kept; a body declared larger than that is refused without reading it.
pub const DRAIN_LIMIT: usize = 1024 * 1024;

/// The content type of every problem document: `application/problem+json` (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// The largest request body, in bytes, that [`Valid<T>`](crate::Valid) and [`JsonBody`] read.
///
/// Put it into the request extensions to change the default of [`DEFAULT_BODY_LIMIT`] (64 KiB),
/// for a whole router or for one route: `router.layer(axum::Extension(BodyLimit(1 << 20)))`.
/// A body over the limit is refused with 413; nothing past the limit is kept in memory (see
/// [`DRAIN_LIMIT`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BodyLimit(pub usize);

impl Default for BodyLimit {
    fn default() -> Self {
        BodyLimit(DEFAULT_BODY_LIMIT)
    }
}

/// The raw bytes of a JSON request body whose content type is JSON and whose size is within the
/// [`BodyLimit`]; not parsed. For handlers that parse the body themselves (for example with
/// [`Api::decode`](crate::providers::Api::decode)) but want the same checks and problem documents
/// as [`Valid<T>`](crate::Valid).
#[derive(Clone, Debug)]
pub struct JsonBody(pub Bytes);

/// Why a request body was not turned into a [`Valid<T>`](crate::Valid) or a [`JsonBody`].
///
/// Its [`IntoResponse`] answers with a [`Problem`]; see the [module docs](self) for the statuses.
/// Neither `Display` nor `Debug` nor the response contains the rejected value.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ValidRejection {
    /// 415: the `Content-Type` is missing or is not JSON.
    UnsupportedMediaType,
    /// 415: the `Content-Type` is JSON but names a `charset` other than `utf-8`
    /// (`application/json; charset=iso-8859-1`). JSON is UTF-8 (RFC 8259 section 8.1): such a
    /// body is not read, since its bytes would be read as characters its sender did not mean.
    UnsupportedCharset,
    /// 413: the body is longer than the limit (in bytes).
    PayloadTooLarge {
        /// The limit in force, in bytes.
        limit: usize,
    },
    /// 400: the body could not be read from the connection.
    BodyRead,
    /// 400: the body is not JSON, or not UTF-8; one violation at pointer `""`.
    Malformed(ValidationErrors),
    /// 422: the JSON has the wrong shape or breaks rules; every violation.
    Invalid(ValidationErrors),
}

impl ValidRejection {
    /// The HTTP status this rejection answers with.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        match self {
            ValidRejection::UnsupportedMediaType | ValidRejection::UnsupportedCharset => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            ValidRejection::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ValidRejection::BodyRead | ValidRejection::Malformed(_) => StatusCode::BAD_REQUEST,
            ValidRejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// The violations, for [`ValidRejection::Malformed`] and [`ValidRejection::Invalid`].
    #[must_use]
    pub fn violations(&self) -> Option<&ValidationErrors> {
        match self {
            ValidRejection::Malformed(errors) | ValidRejection::Invalid(errors) => Some(errors),
            _ => None,
        }
    }

    /// The problem document this rejection answers with, in English.
    #[must_use]
    pub fn into_problem(self) -> Problem {
        self.into_problem_in(&Lang::ENGLISH)
    }

    /// The problem document this rejection answers with, in `lang`: its `title`, `detail` and
    /// each violation's `detail` (pointers and codes are the same in every language).
    #[must_use]
    pub fn into_problem_in(self, lang: &Lang) -> Problem {
        let status = self.status();
        match self {
            ValidRejection::UnsupportedMediaType => problem_of(status, "media-type", &[], lang),
            ValidRejection::UnsupportedCharset => problem_of(status, "charset", &[], lang),
            ValidRejection::PayloadTooLarge { limit } => problem_of(
                status,
                "too-large",
                &[("limit", crate::Param::UInt(limit as u64))],
                lang,
            ),
            ValidRejection::BodyRead => problem_of(status, "body-read", &[], lang),
            ValidRejection::Malformed(errors) => {
                problem_of(status, "malformed", &[], lang).with_errors(errors)
            }
            ValidRejection::Invalid(errors) => invalid_problem(errors, lang),
        }
    }
}

/// What the extractors ([`Valid<T>`](crate::Valid), [`JsonBody`]) refuse a request with: the
/// [`ValidRejection`] and the language negotiated from the request's `Accept-Language`, which the
/// answer's problem document is written in (and named by `Content-Language`).
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    reason: ValidRejection,
    lang: Lang,
}

impl Rejection {
    /// `reason`, to be answered in `lang`.
    #[must_use]
    pub fn new(reason: ValidRejection, lang: Lang) -> Self {
        Rejection { reason, lang }
    }

    /// Why the request was refused.
    #[must_use]
    pub fn reason(&self) -> &ValidRejection {
        &self.reason
    }

    /// Why the request was refused, owned.
    #[must_use]
    pub fn into_reason(self) -> ValidRejection {
        self.reason
    }

    /// The language of the answer.
    #[must_use]
    pub fn lang(&self) -> &Lang {
        &self.lang
    }

    /// The problem document of the answer, in [`Rejection::lang`].
    #[must_use]
    pub fn into_problem(self) -> Problem {
        self.reason.into_problem_in(&self.lang)
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.reason, f)
    }
}

impl std::error::Error for Rejection {}

impl From<Rejection> for ValidRejection {
    fn from(rejection: Rejection) -> Self {
        rejection.reason
    }
}

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        self.into_problem().into_response()
    }
}

/// The language a request asks for in `Accept-Language`, negotiated with
/// [`Catalog::global`](crate::i18n::Catalog::global) (quality values, `de-CH` → `de`, English
/// when nothing matches). Never refuses a request. Take it in a handler that answers with
/// problems of its own: `ValidRejection::from(error).into_problem_in(&lang)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AcceptLanguage(pub Lang);

/// The language `headers` ask for, as [`AcceptLanguage`] negotiates it.
#[must_use]
pub fn negotiate(headers: &HeaderMap) -> Lang {
    let mut header = String::new();
    for value in headers.get_all(ACCEPT_LANGUAGE) {
        if let Ok(text) = value.to_str() {
            if !header.is_empty() {
                header.push(',');
            }
            header.push_str(text);
        }
        if header.len() > 4096 {
            break;
        }
    }
    crate::i18n::Catalog::global().negotiate(&header)
}

impl<S: Send + Sync> FromRequestParts<S> for AcceptLanguage {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(AcceptLanguage(negotiate(&parts.headers)))
    }
}

impl fmt::Display for ValidRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValidRejection::UnsupportedMediaType => {
                f.write_str("the request body is not sent as JSON")
            }
            ValidRejection::UnsupportedCharset => {
                f.write_str("the request body is said to be in a charset other than UTF-8")
            }
            ValidRejection::PayloadTooLarge { limit } => {
                write!(f, "the request body is larger than {limit} bytes")
            }
            ValidRejection::BodyRead => f.write_str("the request body could not be read"),
            ValidRejection::Malformed(errors) | ValidRejection::Invalid(errors) => {
                fmt::Display::fmt(errors, f)
            }
        }
    }
}

impl std::error::Error for ValidRejection {}

impl From<Error> for ValidRejection {
    /// [`Error::Syntax`] is [`ValidRejection::Malformed`]; the other kinds are
    /// [`ValidRejection::Invalid`].
    fn from(error: Error) -> Self {
        match error {
            Error::Syntax(errors) => ValidRejection::Malformed(errors),
            other => ValidRejection::Invalid(other.into_violations()),
        }
    }
}

impl IntoResponse for ValidRejection {
    /// The problem document in English (the extractors answer with a [`Rejection`], in the
    /// request's language).
    fn into_response(self) -> Response {
        self.into_problem().into_response()
    }
}

/// `None` for `application/json` and `application/*+json` with any parameters but a `charset`
/// other than UTF-8; else why not. JSON is UTF-8 (RFC 8259 section 8.1), and a body its sender
/// says is in another charset (`charset=iso-8859-1`) would be read as UTF-8 text it is not,
/// changing its characters without a word when its bytes happen to be UTF-8 too.
fn json_refusal(headers: &HeaderMap) -> Option<ValidRejection> {
    let Some(value) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return Some(ValidRejection::UnsupportedMediaType);
    };
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return Some(ValidRejection::UnsupportedMediaType);
    };
    let json = kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype
                .len()
                .checked_sub(5)
                .and_then(|at| subtype.get(at..))
                .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json")));
    if !json {
        return Some(ValidRejection::UnsupportedMediaType);
    }
    let other_charset = parts.any(|parameter| {
        let (name, value) = parameter.split_once('=').unwrap_or((parameter, ""));
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .unwrap_or(value);
        name.trim().eq_ignore_ascii_case("charset") && !value.eq_ignore_ascii_case("utf-8")
    });
    other_charset.then_some(ValidRejection::UnsupportedCharset)
}

/// Reads the body of a JSON request within the limit. A refused body (not JSON, too large) is
/// still read to its end and thrown away when it is at most [`DRAIN_LIMIT`] past the limit, so
/// that the client gets the answer and the connection stays usable.
async fn read_json_body(req: Request) -> Result<Bytes, ValidRejection> {
    read_body(req, true).await
}

/// [`read_json_body`], with the content type checked only when `json_only`.
async fn read_body(req: Request, json_only: bool) -> Result<Bytes, ValidRejection> {
    let limit = req
        .extensions()
        .get::<BodyLimit>()
        .copied()
        .unwrap_or_default()
        .0;
    let refusal = if json_only {
        json_refusal(req.headers())
    } else {
        None
    };
    let too_large = ValidRejection::PayloadTooLarge { limit };
    let declared = req
        .headers()
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    let drain_max = limit.saturating_add(DRAIN_LIMIT);
    let mut refusal = match declared {
        Some(len) if len > drain_max as u64 => return Err(refusal.unwrap_or(too_large)),
        Some(len) if len > limit as u64 => refusal.or(Some(too_large.clone())),
        _ => refusal,
    };
    let capacity = declared.map_or(0, |len| usize::try_from(len).unwrap_or(0).min(limit));
    let mut buf = bytes::BytesMut::with_capacity(if refusal.is_some() { 0 } else { capacity });
    let mut seen = 0usize;
    let mut body = req.into_body();
    while let Some(frame) = body.frame().await {
        let Ok(frame) = frame else {
            return Err(refusal.unwrap_or(ValidRejection::BodyRead));
        };
        let Ok(data) = frame.into_data() else {
            continue; // trailers
        };
        seen = seen.saturating_add(data.len());
        if refusal.is_none() {
            if seen <= limit {
                buf.extend_from_slice(&data);
                continue;
            }
            refusal = Some(too_large.clone());
            buf = bytes::BytesMut::new();
        }
        if seen > drain_max {
            break;
        }
    }
    match refusal {
        Some(rejection) => Err(rejection),
        None => Ok(buf.freeze()),
    }
}

impl<S: Send + Sync> FromRequest<S> for JsonBody {
    type Rejection = Rejection;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let lang = negotiate(req.headers());
        read_json_body(req)
            .await
            .map(JsonBody)
            .map_err(|reason| Rejection::new(reason, lang))
    }
}

/// A model without a context needs nothing of the router's state.
impl<S> FromRef<S> for NoContext {
    fn from_ref(_: &S) -> Self {
        NoContext
    }
}

impl<T, S> FromRequest<S> for Valid<T>
where
    T: FromJson,
    T::Context: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    /// Checks the content type and the [`BodyLimit`], then reads the body and validates it:
    /// every shape error and rule violation in one 422 answer, at most [`MaxViolations`] of them
    /// (a request extension, as [`BodyLimit`] is; 100 when there is none), in the language the
    /// request's `Accept-Language` negotiates. A model with `#[customer(context(C))]` is
    /// validated with the `C` taken from the router's state by [`FromRef`].
    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let lang = negotiate(req.headers());
        let refuse = |reason: ValidRejection| Rejection::new(reason, lang.clone());
        let max = req
            .extensions()
            .get::<MaxViolations>()
            .copied()
            .unwrap_or_default();
        let body = read_json_body(req).await.map_err(refuse)?;
        let ctx = T::Context::from_ref(state);
        // The read inside the cap's scope: the second read counts past it without building.
        let value: T = max
            .scope(|| {
                crate::json::read_slice_with(&body, true, T::__context_any(&ctx))
                    .map_err(crate::json::cap)
            })
            .map_err(|error| refuse(ValidRejection::from(error)))?;
        // The rules past the cap counted, not built; the report capped once in document order.
        match max.reading(|| value.validate_in_context(&ctx)) {
            Ok(()) => Ok(Valid::trusted(value)),
            Err(errors) => Err(refuse(ValidRejection::Invalid(max.apply(
                crate::shape::in_document_order::<T>(&body, errors, T::__context_any(&ctx)),
            )))),
        }
    }
}

#[cfg(test)]
mod tests;
