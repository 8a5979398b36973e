//! axum integration (feature `axum`): extract a validated [`Valid<T>`](crate::Valid) from a JSON
//! request body, and answer every failure as an RFC 9457 `application/problem+json` document.
//!
//! ```no_run
//! use axum::{routing::post, Extension, Router};
//! use customer_core::{axum::BodyLimit, Valid};
//! # #[derive(serde::Deserialize)]
//! # struct SignupForm { email: String }
//! # impl customer_core::CustomerModel for SignupForm {
//! #     fn validate_into(&self, _: &customer_core::Path<'_>, _: &mut customer_core::ValidationErrors) {}
//! # }
//!
//! async fn signup(form: Valid<SignupForm>) -> &'static str {
//!     // `form` has passed every rule of `SignupForm`.
//!     "welcome"
//! }
//!
//! let app: Router = Router::new()
//!     .route("/signup", post(signup))
//!     // Optional: the default limit is 64 KiB.
//!     .layer(Extension(BodyLimit(16 * 1024)));
//! ```
//!
//! | what went wrong | status | `errors` |
//! | --- | --- | --- |
//! | `Content-Type` is not `application/json` (or `application/*+json`) | 415 | none |
//! | the body is longer than the [`BodyLimit`] (64 KiB unless configured) | 413 | none |
//! | the body could not be read | 400 | none |
//! | the body is not JSON (or not UTF-8) | 400 | one, code `malformed_json`, pointer `""` |
//! | the JSON has the wrong shape or breaks a rule | 422 | every violation: `{pointer, code, detail}` |
//!
//! No response ever contains the rejected value: only where it is, which rule refused it and why.

use std::borrow::Cow;
use std::fmt;

use axum::extract::{FromRequest, Request};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http::header::{CONTENT_LENGTH, CONTENT_TYPE};
use http::{HeaderMap, HeaderValue, StatusCode};
use http_body_util::BodyExt as _;

use crate::error::{Error, ValidationErrors};
use crate::model::CustomerModel;
use crate::valid::Valid;

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
            ValidRejection::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
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

    /// The problem document this rejection answers with.
    #[must_use]
    pub fn into_problem(self) -> Problem {
        let status = self.status();
        match self {
            ValidRejection::UnsupportedMediaType => Problem::new(
                status,
                "the request body must be JSON, sent with `Content-Type: application/json`",
            ),
            ValidRejection::PayloadTooLarge { limit } => Problem::new(
                status,
                format!("the request body is larger than the limit of {limit} bytes"),
            ),
            ValidRejection::BodyRead => Problem::new(status, "the request body could not be read"),
            ValidRejection::Malformed(errors) => {
                Problem::new(status, "the request body is not well-formed JSON").with_errors(errors)
            }
            ValidRejection::Invalid(errors) => invalid_problem(errors),
        }
    }
}

impl fmt::Display for ValidRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ValidRejection::UnsupportedMediaType => {
                f.write_str("the request body is not sent as JSON")
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
    fn into_response(self) -> Response {
        self.into_problem().into_response()
    }
}

/// An RFC 9457 problem document, answered as `application/problem+json`:
/// `{"type", "title", "status", "detail", "errors": [{"pointer", "code", "detail"}]}`.
///
/// `type` is `about:blank` unless set, and `title` the status's reason phrase, as RFC 9457 asks
/// for `about:blank`. `errors` is written only when violations were given. Build one for your own
/// errors (404, 409) so that every error of an API has the same shape. Never put a rejected value
/// into `detail`.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    status: StatusCode,
    kind: Cow<'static, str>,
    title: Cow<'static, str>,
    detail: Cow<'static, str>,
    errors: Option<ValidationErrors>,
}

impl Problem {
    /// A problem with `status` and a human-readable `detail`, of type `about:blank`.
    #[must_use]
    pub fn new(status: StatusCode, detail: impl Into<Cow<'static, str>>) -> Self {
        Problem {
            status,
            kind: Cow::Borrowed("about:blank"),
            title: Cow::Borrowed(status.canonical_reason().unwrap_or("Error")),
            detail: detail.into(),
            errors: None,
        }
    }

    /// Sets the `type` URI (and the `title` that goes with it).
    #[must_use]
    pub fn with_type(
        mut self,
        kind: impl Into<Cow<'static, str>>,
        title: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.kind = kind.into();
        self.title = title.into();
        self
    }

    /// Adds the violations, written as `errors: [{pointer, code, detail}]`.
    #[must_use]
    pub fn with_errors(mut self, errors: ValidationErrors) -> Self {
        self.errors = Some(errors);
        self
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The `type` URI.
    #[must_use]
    pub fn kind(&self) -> &str {
        &self.kind
    }

    /// The `title`.
    #[must_use]
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The `detail`.
    #[must_use]
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// The violations, when there are some.
    #[must_use]
    pub fn errors(&self) -> Option<&ValidationErrors> {
        self.errors.as_ref()
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {}",
            self.status.as_u16(),
            self.title,
            self.detail
        )
    }
}

impl serde::Serialize for Problem {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let len = if self.errors.is_some() { 5 } else { 4 };
        let mut s = serializer.serialize_struct("Problem", len)?;
        s.serialize_field("type", &self.kind)?;
        s.serialize_field("title", &self.title)?;
        s.serialize_field("status", &self.status.as_u16())?;
        s.serialize_field("detail", &self.detail)?;
        if let Some(errors) = &self.errors {
            s.serialize_field("errors", &ProblemErrors(errors))?;
        }
        s.end()
    }
}

/// `errors` of a problem document: RFC 9457 names the explanation `detail`.
struct ProblemErrors<'a>(&'a ValidationErrors);

impl serde::Serialize for ProblemErrors<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq as _, SerializeStruct as _};
        struct Item<'v>(&'v crate::Violation);
        impl serde::Serialize for Item<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut s = serializer.serialize_struct("Error", 3)?;
                s.serialize_field("pointer", self.0.pointer())?;
                s.serialize_field("code", self.0.code())?;
                s.serialize_field("detail", &self.0.message())?;
                s.end()
            }
        }
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for violation in self.0 {
            seq.serialize_element(&Item(violation))?;
        }
        seq.end()
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let body = match serde_json::to_vec(&self) {
            Ok(body) => body,
            // Serializing strings and numbers does not fail; keep a valid document anyway.
            Err(_) => format!(
                r#"{{"type":"about:blank","status":{},"title":"Error"}}"#,
                self.status.as_u16()
            )
            .into_bytes(),
        };
        (
            self.status,
            [(CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON))],
            body,
        )
            .into_response()
    }
}

fn invalid_problem(errors: ValidationErrors) -> Problem {
    let detail = match errors.len() {
        1 => Cow::Borrowed("the request body breaks 1 rule; see `errors`"),
        n => Cow::Owned(format!("the request body breaks {n} rules; see `errors`")),
    };
    Problem::new(StatusCode::UNPROCESSABLE_ENTITY, detail).with_errors(errors)
}

impl IntoResponse for ValidationErrors {
    /// 422 `application/problem+json` with every violation in `errors`.
    fn into_response(self) -> Response {
        invalid_problem(self).into_response()
    }
}

impl IntoResponse for Error {
    /// [`Error::Syntax`] is 400; [`Error::Invalid`] and [`Error::Unrepresentable`] are 422; each
    /// a problem document with every violation in `errors`.
    fn into_response(self) -> Response {
        ValidRejection::from(self).into_response()
    }
}

/// `true` for `application/json` and `application/*+json`, with any parameters.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(value) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    let Some((kind, subtype)) = essence.split_once('/') else {
        return false;
    };
    kind.eq_ignore_ascii_case("application")
        && (subtype.eq_ignore_ascii_case("json")
            || subtype
                .len()
                .checked_sub(5)
                .and_then(|at| subtype.get(at..))
                .is_some_and(|suffix| suffix.eq_ignore_ascii_case("+json")))
}

/// Reads the body of a JSON request within the limit. A refused body (not JSON, too large) is
/// still read to its end and thrown away when it is at most [`DRAIN_LIMIT`] past the limit, so
/// that the client gets the answer and the connection stays usable.
async fn read_json_body(req: Request) -> Result<Bytes, ValidRejection> {
    let limit = req
        .extensions()
        .get::<BodyLimit>()
        .copied()
        .unwrap_or_default()
        .0;
    let refusal = if is_json(req.headers()) {
        None
    } else {
        Some(ValidRejection::UnsupportedMediaType)
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
    type Rejection = ValidRejection;

    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        read_json_body(req).await.map(JsonBody)
    }
}

impl<T, S> FromRequest<S> for Valid<T>
where
    T: serde::de::DeserializeOwned + CustomerModel,
    S: Send + Sync,
{
    type Rejection = ValidRejection;

    /// Checks the content type and the [`BodyLimit`], reads the body, deserializes it with
    /// [`crate::json::from_slice`] (shape errors get pointers too) and validates it.
    async fn from_request(req: Request, _state: &S) -> Result<Self, Self::Rejection> {
        let body = read_json_body(req).await?;
        Valid::<T>::from_slice(&body).map_err(ValidRejection::from)
    }
}

#[cfg(test)]
mod tests {
    use std::future::Future;
    use std::pin::pin;
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};

    use axum::body::Body;
    use serde_json::{json, Value};

    use super::*;
    use crate::{Path, RuleError};

    /// Bodies built from bytes are ready at once, so one poll finishes every future here.
    fn ready<F: Future>(future: F) -> F::Output {
        struct Noop;
        impl Wake for Noop {
            fn wake(self: Arc<Self>) {}
        }
        let waker = Waker::from(Arc::new(Noop));
        let mut cx = Context::from_waker(&waker);
        let mut future = pin!(future);
        for _ in 0..1000 {
            if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
                return out;
            }
        }
        panic!("future did not finish");
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Signup {
        email: String,
        name: Option<String>,
    }

    impl CustomerModel for Signup {
        fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
            if !self.email.contains('@') {
                report.push(
                    &path.key("email"),
                    RuleError::new("email", "is not an email address"),
                );
            }
            if self.name.as_deref().is_some_and(|n| n.chars().count() > 5) {
                report.push(
                    &path.key("name"),
                    RuleError::new("length", "must be at most {max} characters")
                        .with_param("max", crate::Param::UInt(5)),
                );
            }
        }
    }

    fn request(content_type: Option<&str>, body: impl Into<Body>) -> Request {
        let mut builder = Request::builder().method("POST").uri("/");
        if let Some(ct) = content_type {
            builder = builder.header(CONTENT_TYPE, ct);
        }
        builder.body(body.into()).unwrap()
    }

    fn extract(req: Request) -> Result<Valid<Signup>, ValidRejection> {
        ready(Valid::<Signup>::from_request(req, &()))
    }

    fn problem(response: Response) -> (StatusCode, String, Value) {
        let status = response.status();
        let ct = response
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let body = ready(axum::body::to_bytes(response.into_body(), usize::MAX)).unwrap();
        (status, ct, serde_json::from_slice(&body).unwrap())
    }

    #[test]
    fn valid_body_is_extracted() {
        let req = request(
            Some("application/json; charset=utf-8"),
            r#"{"email":"jo@example.com","name":"Jo"}"#,
        );
        let valid = extract(req).unwrap();
        assert_eq!(valid.email, "jo@example.com");
        assert_eq!(valid.name.as_deref(), Some("Jo"));
    }

    #[test]
    fn vendor_json_types_are_accepted() {
        let req = request(
            Some("Application/Merge-Patch+JSON"),
            r#"{"email":"jo@example.com"}"#,
        );
        assert!(extract(req).is_ok());
    }

    #[test]
    fn every_violation_is_a_422_problem_without_the_value() {
        let req = request(
            Some("application/json"),
            r#"{"email":"not-an-address-secret","name":"Secretname"}"#,
        );
        let rejection = extract(req).unwrap_err();
        assert_eq!(rejection.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let (status, ct, body) = problem(rejection.into_response());
        assert_eq!(status, 422);
        assert_eq!(ct, PROBLEM_JSON);
        assert_eq!(body["type"], "about:blank");
        assert_eq!(body["status"], 422);
        assert!(body["title"].is_string());
        assert!(body["detail"].is_string());
        let errors = body["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0]["pointer"], "/email");
        assert_eq!(errors[0]["code"], "email");
        assert!(errors[0]["detail"].is_string());
        assert_eq!(errors[1]["pointer"], "/name");
        assert_eq!(errors[1]["code"], "length");
        let text = body.to_string();
        assert!(
            !text.contains("secret") && !text.contains("Secretname"),
            "{text}"
        );
    }

    #[test]
    fn shape_errors_have_pointers() {
        let req = request(Some("application/json"), r#"{"name":"Jo"}"#);
        let (status, _, body) = problem(extract(req).unwrap_err().into_response());
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0]["pointer"], "/email");
        assert_eq!(body["errors"][0]["code"], "required");

        let req = request(Some("application/json"), r#"{"email":12345}"#);
        let (status, _, body) = problem(extract(req).unwrap_err().into_response());
        assert_eq!(status, 422);
        assert_eq!(body["errors"][0]["code"], "invalid_type");
        assert!(!body.to_string().contains("12345"));

        let req = request(
            Some("application/json"),
            r#"{"email":"jo@example.com","nickname":"x"}"#,
        );
        let (status, _, body) = problem(extract(req).unwrap_err().into_response());
        assert_eq!(status, 422);
        assert_eq!(
            body["errors"],
            json!([{"pointer": "/nickname", "code": "unknown_field",
                    "detail": "is not a field of this object"}])
        );
    }

    #[test]
    fn malformed_json_is_400() {
        for bad in [
            &b"{\"email\": \"secret"[..],
            b"nope-secret",
            b"{\"email\":\"\xff\"}",
            b"",
        ] {
            let req = request(Some("application/json"), bad.to_vec());
            let rejection = extract(req).unwrap_err();
            assert!(
                matches!(rejection, ValidRejection::Malformed(_)),
                "{rejection:?}"
            );
            let (status, ct, body) = problem(rejection.into_response());
            assert_eq!(status, 400);
            assert_eq!(ct, PROBLEM_JSON);
            assert_eq!(body["errors"][0]["code"], "malformed_json");
            assert_eq!(body["errors"][0]["pointer"], "");
            assert!(!body.to_string().contains("secret"));
        }
    }

    #[test]
    fn wrong_or_missing_content_type_is_415() {
        for ct in [
            None,
            Some("text/plain"),
            Some("application/x-www-form-urlencoded"),
            Some("application/jsonx"),
            Some("json"),
        ] {
            let req = request(ct, r#"{"email":"jo@example.com"}"#);
            let rejection = extract(req).unwrap_err();
            assert_eq!(rejection, ValidRejection::UnsupportedMediaType, "{ct:?}");
            let (status, content_type, body) = problem(rejection.into_response());
            assert_eq!(status, 415);
            assert_eq!(content_type, PROBLEM_JSON);
            assert_eq!(body["status"], 415);
            assert!(body.get("errors").is_none());
        }
    }

    #[test]
    fn body_over_the_default_limit_is_413() {
        let padding = " ".repeat(DEFAULT_BODY_LIMIT);
        let body = format!(r#"{{"email":"jo@example.com"}}{padding}"#);
        let rejection = extract(request(Some("application/json"), body)).unwrap_err();
        assert_eq!(
            rejection,
            ValidRejection::PayloadTooLarge {
                limit: DEFAULT_BODY_LIMIT
            }
        );
        let (status, _, body) = problem(rejection.into_response());
        assert_eq!(status, 413);
        assert_eq!(body["status"], 413);

        // Exactly at the limit is fine.
        let json = r#"{"email":"jo@example.com"}"#;
        let body = format!("{json}{}", " ".repeat(DEFAULT_BODY_LIMIT - json.len()));
        assert!(extract(request(Some("application/json"), body)).is_ok());
    }

    #[test]
    fn declared_length_over_the_limit_is_413_before_reading() {
        let mut req = request(Some("application/json"), r#"{"email":"jo@example.com"}"#);
        req.headers_mut()
            .insert(CONTENT_LENGTH, HeaderValue::from_static("10000000"));
        assert!(matches!(
            extract(req),
            Err(ValidRejection::PayloadTooLarge { .. })
        ));
    }

    #[test]
    fn limit_is_configurable_by_extension() {
        let body = r#"{"email":"jo@example.com",        "name":"Jo"}"#;
        let mut req = request(Some("application/json"), body);
        req.extensions_mut().insert(BodyLimit(16));
        assert_eq!(
            extract(req).unwrap_err(),
            ValidRejection::PayloadTooLarge { limit: 16 }
        );

        let big = format!(
            r#"{{"email":"jo@example.com"}}{}"#,
            " ".repeat(DEFAULT_BODY_LIMIT * 2)
        );
        let mut req = request(Some("application/json"), big);
        req.extensions_mut()
            .insert(BodyLimit(DEFAULT_BODY_LIMIT * 4));
        assert!(extract(req).is_ok());
    }

    #[test]
    fn json_body_gives_the_raw_bytes_after_the_checks() {
        let req = request(Some("application/json"), "not json at all");
        let JsonBody(bytes) = ready(JsonBody::from_request(req, &())).unwrap();
        assert_eq!(&bytes[..], b"not json at all");
        let req = request(Some("text/plain"), "{}");
        assert_eq!(
            ready(JsonBody::from_request(req, &())).unwrap_err(),
            ValidRejection::UnsupportedMediaType
        );
    }

    #[test]
    fn validation_errors_and_errors_answer_as_problems() {
        let mut errors = ValidationErrors::new();
        errors.push(
            &Path::ROOT.key("email"),
            RuleError::new("email", "is not an email address"),
        );
        let (status, ct, body) = problem(errors.clone().into_response());
        assert_eq!((status.as_u16(), ct.as_str()), (422, PROBLEM_JSON));
        assert_eq!(
            body["errors"],
            json!([{"pointer": "/email", "code": "email", "detail": "is not an email address"}])
        );
        let (status, _, _) = problem(Error::Syntax(errors.clone()).into_response());
        assert_eq!(status, 400);
        let (status, _, _) = problem(Error::Invalid(errors.clone()).into_response());
        assert_eq!(status, 422);
        let (status, _, _) = problem(Error::Unrepresentable(errors).into_response());
        assert_eq!(status, 422);
    }

    #[test]
    fn custom_problems() {
        let p = Problem::new(StatusCode::NOT_FOUND, "no customer has this id");
        assert_eq!(p.to_string(), "404 Not Found: no customer has this id");
        let (status, ct, body) = problem(p.into_response());
        assert_eq!((status.as_u16(), ct.as_str()), (404, PROBLEM_JSON));
        assert_eq!(
            body,
            json!({"type": "about:blank", "title": "Not Found", "status": 404,
                   "detail": "no customer has this id"})
        );
        let p = Problem::new(StatusCode::CONFLICT, "taken").with_type("/problems/taken", "Taken");
        assert_eq!(
            (p.kind(), p.title(), p.detail()),
            ("/problems/taken", "Taken", "taken")
        );
    }
}
