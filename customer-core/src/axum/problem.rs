//! [`Problem`]: the RFC 9457 `application/problem+json` document every refusal is answered with,
//! and the `IntoResponse` impls of the crate's errors.

use std::borrow::Cow;
use std::fmt;

use axum::response::{IntoResponse, Response};
use http::header::{CONTENT_LANGUAGE, CONTENT_TYPE};
use http::{HeaderValue, StatusCode};

use super::{ValidRejection, PROBLEM_JSON};
use crate::error::{Error, Param, ValidationErrors};
use crate::i18n::{Catalog, Lang};

/// An RFC 9457 problem document, answered as `application/problem+json`:
/// `{"type", "title", "status", "detail", "errors": [{"pointer", "code", "detail", "type"}]}`.
///
/// `type` is `about:blank` unless set, and `title` the status's reason phrase, as RFC 9457 asks
/// for `about:blank`; the problems of this crate's rejections set a `type` of their own (the
/// documentation URI of [`Catalog::doc_uri`]). `errors` is written only when violations were
/// given, each `detail` in the problem's [`Lang`] and each `type` the documentation URI of its
/// code; the answer's `Content-Language` is that language. Build one for your own errors (404,
/// 409) so that every error of an API has the same shape. Never put a rejected value into
/// `detail`.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    status: StatusCode,
    kind: Cow<'static, str>,
    title: Cow<'static, str>,
    detail: Cow<'static, str>,
    errors: Option<ValidationErrors>,
    /// `None` for English (kept small: a `Problem` is the error of many handlers' `Result`s).
    lang: Option<Box<Lang>>,
}

/// English, for [`Problem::lang`] of a problem without a language of its own.
static ENGLISH: Lang = Lang::ENGLISH;

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
            lang: None,
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

    /// The language of `errors` (and of the `title` and `detail` given): `errors` are rendered
    /// in it when the document is written, and it is sent as `Content-Language`. English unless
    /// set.
    #[must_use]
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = (lang != Lang::ENGLISH).then(|| Box::new(lang));
        self
    }

    /// The language of the document.
    #[must_use]
    pub fn lang(&self) -> &Lang {
        self.lang.as_deref().unwrap_or(&ENGLISH)
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
            s.serialize_field("errors", &ProblemErrors(errors, self.lang()))?;
        }
        s.end()
    }
}

/// `errors` of a problem document: RFC 9457 names the explanation `detail`.
struct ProblemErrors<'a>(&'a ValidationErrors, &'a Lang);

impl serde::Serialize for ProblemErrors<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeSeq as _, SerializeStruct as _};
        struct Item<'v>(&'v crate::Violation, &'v Lang);
        impl serde::Serialize for Item<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let catalog = Catalog::global();
                let mut s = serializer.serialize_struct("Error", 4)?;
                s.serialize_field("pointer", self.0.pointer())?;
                s.serialize_field("code", self.0.code())?;
                s.serialize_field("detail", &catalog.message(self.1, self.0.rule_error()))?;
                s.serialize_field("type", &catalog.doc_uri(self.0.code()))?;
                s.end()
            }
        }
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for violation in self.0 {
            seq.serialize_element(&Item(violation, self.1))?;
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
        let language = HeaderValue::from_str(self.lang().as_str())
            .unwrap_or_else(|_| HeaderValue::from_static("en"));
        (
            self.status,
            [
                (CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)),
                (CONTENT_LANGUAGE, language),
            ],
            body,
        )
            .into_response()
    }
}

/// A problem of this crate, in `lang`: its type the documentation URI of `kind` (the catalog id
/// of its title and detail, `problem-<kind>-title`, `problem-<kind>-detail`).
pub(super) fn problem_of(
    status: StatusCode,
    kind: &str,
    params: &[(&str, Param)],
    lang: &Lang,
) -> Problem {
    let catalog = Catalog::global();
    let title = catalog.text(lang, &format!("problem-{kind}-title"), &[]);
    let detail = catalog.text(lang, &format!("problem-{kind}-detail"), params);
    Problem::new(status, detail)
        .with_type(catalog.doc_uri(&format!("problem-{kind}")), title)
        .with_lang(lang.clone())
}

pub(super) fn invalid_problem(errors: ValidationErrors, lang: &Lang) -> Problem {
    let count = Param::UInt(errors.len() as u64);
    problem_of(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        &[("count", count)],
        lang,
    )
    .with_errors(errors)
}

impl IntoResponse for ValidationErrors {
    /// 422 `application/problem+json` with every violation in `errors`, in English (see
    /// [`ValidRejection::into_problem_in`] for another language).
    fn into_response(self) -> Response {
        invalid_problem(self, &Lang::ENGLISH).into_response()
    }
}

impl IntoResponse for Error {
    /// [`Error::Syntax`] is 400; [`Error::Invalid`] and [`Error::Unrepresentable`] are 422; each
    /// a problem document with every violation in `errors`, in English (see
    /// [`ValidRejection::into_problem_in`] for another language).
    fn into_response(self) -> Response {
        ValidRejection::from(self).into_response()
    }
}
