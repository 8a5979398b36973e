//! The extractor and the problem documents, driven without a network.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use axum::body::Body;
use serde_json::{json, Value};

use super::*;
use crate::{CustomerModel, Path, RuleError};
use http::HeaderValue;

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

impl crate::json::Shape for Signup {}

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
    ready(Valid::<Signup>::from_request(req, &())).map_err(ValidRejection::from)
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

#[derive(Clone)]
struct Limits {
    name_max: usize,
}

#[derive(Clone)]
struct AppState {
    limits: Limits,
}

impl FromRef<AppState> for Limits {
    fn from_ref(state: &AppState) -> Limits {
        state.limits.clone()
    }
}

#[derive(Debug, serde::Deserialize, crate::CustomerModel)]
#[customer(context(Limits))]
struct Profile {
    #[customer(length(max = ctx.name_max))]
    name: String,
}

#[test]
fn the_context_comes_from_the_router_state() {
    let state = |name_max| AppState {
        limits: Limits { name_max },
    };
    let body = r#"{"name":"Josephine"}"#;
    let req = request(Some("application/json"), body);
    let profile = ready(Valid::<Profile>::from_request(req, &state(64))).unwrap();
    assert_eq!(profile.name, "Josephine");
    let req = request(Some("application/json"), body);
    let rejection = ready(Valid::<Profile>::from_request(req, &state(4))).unwrap_err();
    let (status, _, body) = problem(rejection.into_response());
    assert_eq!(status, 422);
    assert_eq!(
        body["errors"],
        json!([{"pointer": "/name", "code": "length",
                "detail": "must have a length of at most 4", "type": "https://example.invalid/customer-model/blob/main/README.md#code-length"}])
    );
    // A model without a context works with any state.
    let req = request(Some("application/json"), r#"{"email":"jo@example.com"}"#);
    assert!(ready(Valid::<Signup>::from_request(req, &state(4))).is_ok());
}

#[derive(Debug, serde::Deserialize, crate::CustomerModel)]
#[customer(context(Limits))]
#[allow(dead_code)]
struct Card {
    #[customer(length(max = ctx.name_max))]
    name: String,
    #[customer(each(length(max = ctx.name_max)))]
    tags: Vec<String>,
    age: u8,
}

#[test]
fn a_body_that_does_not_read_has_its_rules_run_with_the_state_context() {
    let state = AppState {
        limits: Limits { name_max: 4 },
    };
    let body = r#"{"name":"Josephine","tags":["abcdef",1],"age":"x"}"#;
    let req = request(Some("application/json"), body);
    let rejection = ready(Valid::<Card>::from_request(req, &state)).unwrap_err();
    let (status, _, body) = problem(rejection.into_response());
    assert_eq!(status, 422);
    let found: Vec<(&str, &str)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["pointer"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("/name", "length"),
            ("/tags/0", "length"),
            ("/tags/1", "invalid_type"),
            ("/age", "invalid_type"),
        ]
    );
}

#[test]
fn vendor_json_types_are_accepted() {
    for ct in [
        "Application/Merge-Patch+JSON",
        "application/json; charset=UTF-8",
        "application/json; charset=\"utf-8\"; profile=x",
    ] {
        let req = request(Some(ct), r#"{"email":"jo@example.com"}"#);
        assert!(extract(req).is_ok(), "{ct}");
    }
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
    assert_eq!(
        body["type"],
        "https://example.invalid/customer-model/blob/main/README.md#code-problem-invalid"
    );
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
    assert_eq!(body["errors"][0]["code"], "missing_field");

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
                "detail": "is not a field of this object", "type": "https://example.invalid/customer-model/blob/main/README.md#code-unknown_field"}])
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
        // Not JSON whatever its charset: the media type is what is wrong.
        Some("text/plain; charset=iso-8859-1"),
    ] {
        let req = request(ct, r#"{"email":"jo@example.com"}"#);
        let rejection = extract(req).unwrap_err();
        assert_eq!(rejection, ValidRejection::UnsupportedMediaType, "{ct:?}");
        let (status, content_type, body) = problem(rejection.into_response());
        assert_eq!(status, 415);
        assert_eq!(content_type, PROBLEM_JSON);
        assert_eq!(body["status"], 415);
        assert_eq!(
            body["type"],
            "https://example.invalid/customer-model/blob/main/README.md#code-problem-media-type"
        );
        assert_eq!(body["title"], "Unsupported media type");
        assert!(body.get("errors").is_none());
    }
}

/// JSON is UTF-8: a body said to be in another charset is not read as if it were, and the answer
/// says that the charset, not the media type, is what is refused.
#[test]
fn a_json_body_in_another_charset_is_415_with_its_own_type() {
    for ct in [
        "application/json; charset=iso-8859-1",
        "application/json;charset=\"utf-16\"",
        "application/merge-patch+json; CHARSET=windows-1252",
        "application/json; profile=x; charset=latin1",
    ] {
        let req = request(Some(ct), r#"{"email":"jo@example.com"}"#);
        let rejection = extract(req).unwrap_err();
        assert_eq!(rejection, ValidRejection::UnsupportedCharset, "{ct}");
        assert_eq!(rejection.status(), StatusCode::UNSUPPORTED_MEDIA_TYPE);
        let (status, content_type, body) = problem(rejection.into_response());
        assert_eq!(status, 415);
        assert_eq!(content_type, PROBLEM_JSON);
        assert_eq!(
            body,
            json!({
                "type": "https://example.invalid/customer-model/blob/main/README.md#code-problem-charset",
                "title": "Unsupported charset",
                "status": 415,
                "detail": "the request body must be JSON in UTF-8: its `Content-Type` names another charset",
            }),
            "{ct}"
        );
    }
    // `JsonBody` makes the same check.
    let req = request(Some("application/json; charset=iso-8859-1"), "{}");
    assert_eq!(
        ready(JsonBody::from_request(req, &()))
            .unwrap_err()
            .into_reason(),
        ValidRejection::UnsupportedCharset
    );
    // In the negotiated language, with the same type.
    for (accept, lang, title, detail) in [
        (
            "de-AT",
            "de",
            "Nicht unterstützter Zeichensatz",
            "der Inhalt der Anfrage muss JSON in UTF-8 sein: der `Content-Type` nennt einen anderen Zeichensatz",
        ),
        (
            "pl, en;q=0.5",
            "pl",
            "Nieobsługiwane kodowanie znaków",
            "treść żądania musi być w formacie JSON w UTF-8: jej `Content-Type` podaje inne kodowanie znaków",
        ),
    ] {
        let req = with_language(
            request(Some("application/json; charset=iso-8859-1"), "{}"),
            accept,
        );
        let rejection = ready(Valid::<Signup>::from_request(req, &())).unwrap_err();
        assert_eq!(rejection.reason(), &ValidRejection::UnsupportedCharset);
        let (language, json) = localized(rejection.into_response());
        assert_eq!(language, lang);
        assert_eq!(json["status"], 415);
        assert_eq!(
            json["type"],
            "https://example.invalid/customer-model/blob/main/README.md#code-problem-charset"
        );
        assert_eq!((json["title"].as_str(), json["detail"].as_str()), (Some(title), Some(detail)));
    }
    // Every language has its own words for it, different from the media type's.
    let catalog = crate::i18n::Catalog::global();
    for tag in crate::i18n::LANGUAGES {
        let lang = catalog.choose(tag).expect("a shipped language");
        let charset = ValidRejection::UnsupportedCharset.into_problem_in(&lang);
        let media = ValidRejection::UnsupportedMediaType.into_problem_in(&lang);
        assert_ne!(charset.title(), media.title(), "{tag}");
        assert_ne!(charset.detail(), media.detail(), "{tag}");
        assert!(!charset.detail().starts_with("problem-"), "{tag}");
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
        ready(JsonBody::from_request(req, &()))
            .unwrap_err()
            .into_reason(),
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
        json!([{"pointer": "/email", "code": "email", "detail": "is not an email address", "type": "https://example.invalid/customer-model/blob/main/README.md#code-email"}])
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

/// The webhook extractor: a verified event, and each refusal's status and problem.
#[cfg(feature = "webhooks")]
#[test]
fn webhook_extractor() {
    use crate::providers::Api;
    use crate::webhooks::Verifier;

    let verifier = Verifier::new(Api::Paddle, "pdl_ntfset_test");
    let body = r#"{"event_id":"evt_1","event_type":"customer.created","occurred_at":"2024-03-15T10:32:38Z","data":{"id":"ctm_01hs0tqf76sxmp7ba5e4mw1sc8","name":"Jo","email":"jo@example.com","locale":"en","status":"active","created_at":"2024-03-15T10:32:37.862Z","updated_at":"2024-03-15T10:32:37.862Z","custom_data":null,"import_meta":null,"marketing_consent":false}}"#;
    let delivery = |body: &str, signature: Option<String>, with_verifier: bool| {
        let mut req = request(Some("application/json"), body.to_owned());
        if let Some(signature) = signature {
            req.headers_mut().insert(
                "paddle-signature",
                HeaderValue::from_str(&signature).unwrap(),
            );
        }
        if with_verifier {
            req.extensions_mut().insert(verifier.clone());
        }
        ready(Webhook::from_request(req, &()))
    };
    let sign = |body: &str| {
        verifier
            .sign(body.as_bytes(), std::time::SystemTime::now())
            .unwrap()
    };

    let Webhook(event) = delivery(body, Some(sign(body)), true).unwrap();
    assert_eq!(event.id, "evt_1");
    assert_eq!(
        event.customer.and_then(|c| c.email).as_deref(),
        Some("jo@example.com")
    );

    let stale = verifier
        .sign(
            body.as_bytes(),
            std::time::SystemTime::now() - std::time::Duration::from_secs(60),
        )
        .unwrap();
    for (signature, status) in [
        (None, StatusCode::UNAUTHORIZED),
        (Some("ts=1;h1=00".to_owned()), StatusCode::UNAUTHORIZED),
        (Some(stale), StatusCode::UNAUTHORIZED),
    ] {
        let rejection = delivery(body, signature, true).unwrap_err();
        assert_eq!(rejection.status(), status);
        let (got, ct, doc) = problem(rejection.into_response());
        assert_eq!((got, ct.as_str()), (status, PROBLEM_JSON));
        assert!(!doc.to_string().contains("jo@example.com"), "{doc}");
    }

    let no_verifier = delivery(body, Some(sign(body)), false).unwrap_err();
    assert_eq!(no_verifier, WebhookRejection::NoVerifier);
    assert_eq!(no_verifier.status(), StatusCode::INTERNAL_SERVER_ERROR);

    let bad = body.replace("jo@example.com", "not an email");
    let rejection = delivery(&bad, Some(sign(&bad)), true).unwrap_err();
    let (status, _, doc) = problem(rejection.into_response());
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(doc["errors"][0]["pointer"], "/data/email", "{doc}");
    assert!(!doc.to_string().contains("not an email"), "{doc}");
}

/// A model with one violation per item that is not `"ok"`.
#[derive(Debug, serde::Deserialize)]
struct Items {
    items: Vec<String>,
}

impl crate::json::Shape for Items {}

impl CustomerModel for Items {
    fn validate_into(&self, path: &Path<'_>, report: &mut ValidationErrors) {
        let items = path.key("items");
        for (i, item) in self.items.iter().enumerate() {
            if item != "ok" {
                report.push(&items.index(i), RuleError::new("ok", "must be ok"));
            }
        }
    }
}

#[test]
fn the_report_is_capped_by_extension() {
    let body = r#"{"items": ["a", "ok", "b", "c", "d", "e"]}"#;
    let pointers = |rejection: ValidRejection| -> Vec<(String, String)> {
        rejection
            .violations()
            .expect("violations")
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect()
    };
    let extract = |req| ready(Valid::<Items>::from_request(req, &())).map_err(ValidRejection::from);

    // Under the default cap of 100: all five.
    let all = pointers(extract(request(Some("application/json"), body)).unwrap_err());
    assert_eq!(all.len(), 5);

    let mut req = request(Some("application/json"), body);
    req.extensions_mut().insert(MaxViolations(2));
    let rejection = extract(req).unwrap_err();
    assert_eq!(rejection.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let two = pointers(rejection.clone());
    assert_eq!(
        two,
        [
            ("/items/0".to_owned(), "ok".to_owned()),
            ("/items/2".to_owned(), "ok".to_owned()),
            (String::new(), "too_many_violations".to_owned()),
        ]
    );
    let (status, _, doc) = problem(rejection.into_response());
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(doc.to_string().contains("too_many_violations"), "{doc}");
}

/// A webhook route without a verifier reads the delivery's body before it refuses it (500), so
/// the connection can take the next request: refused unread, the answer would go out before
/// the body arrived and hyper would close the connection under a client about to reuse it.
#[cfg(feature = "webhooks")]
#[test]
fn a_route_without_a_verifier_reads_the_body_before_refusing() {
    use http_body_util::BodyExt as _;
    use std::sync::atomic::{AtomicBool, Ordering};
    let read = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&read);
    let body =
        http_body_util::Full::new(bytes::Bytes::from_static(b"{}")).map_frame(move |frame| {
            flag.store(true, Ordering::SeqCst);
            frame
        });
    let req = request(Some("application/json"), Body::new(body));
    let rejection = ready(crate::axum::Webhook::from_request(req, &())).unwrap_err();
    assert_eq!(rejection, WebhookRejection::NoVerifier);
    assert!(read.load(Ordering::SeqCst), "the body was left unread");
}

/// A derived model whose `each` rules break on every element.
#[derive(Debug, serde::Deserialize, crate::CustomerModel)]
struct Words {
    #[customer(length(max = 1))]
    first: String,
    #[customer(each(length(max = 2)))]
    words: Vec<String>,
}

/// The extractor's cap on the rule violations of a body that reads: past it, the elements are
/// counted (the count is all of them), and the report is the front of the uncapped one in
/// document order (`first` is declared first, but the body holds it last).
#[test]
fn the_extractor_counts_rule_violations_past_its_cap() {
    let words = vec![r#""long""#; 20_000].join(",");
    let body = format!(r#"{{"words": [{words}], "first": "ab"}}"#);
    let report = |max: MaxViolations| -> Vec<(String, String, Option<crate::Param>)> {
        let mut req = request(Some("application/json"), body.clone());
        req.extensions_mut().insert(max);
        req.extensions_mut().insert(BodyLimit(1 << 20));
        let rejection = ready(Valid::<Words>::from_request(req, &()))
            .map_err(ValidRejection::from)
            .unwrap_err();
        assert_eq!(rejection.status(), StatusCode::UNPROCESSABLE_ENTITY);
        rejection
            .violations()
            .expect("violations")
            .iter()
            .map(|v| {
                let count = v
                    .params()
                    .find(|(k, _)| *k == "count")
                    .map(|(_, p)| p.clone());
                (v.pointer().to_owned(), v.code().to_owned(), count)
            })
            .collect()
    };
    let all = report(MaxViolations::UNLIMITED);
    assert_eq!(all.len(), 20_001);
    assert_eq!(all[0].0, "/words/0");
    assert_eq!(all[20_000].0, "/first");
    for max in [0, 1, 3, 100, 20_000] {
        let capped = report(MaxViolations(max));
        assert_eq!(capped.len(), max + 1);
        assert_eq!(capped[..max], all[..max]);
        assert_eq!(
            capped[max],
            (
                String::new(),
                "too_many_violations".to_owned(),
                Some(crate::Param::UInt(20_001))
            )
        );
    }
}

fn with_language(mut req: Request, accept: &str) -> Request {
    req.headers_mut().insert(
        http::header::ACCEPT_LANGUAGE,
        HeaderValue::from_str(accept).unwrap(),
    );
    req
}

fn localized(response: Response) -> (String, Value) {
    let language = response
        .headers()
        .get(http::header::CONTENT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (language, problem(response).2)
}

#[test]
fn the_extractor_answers_in_the_negotiated_language() {
    let body = r#"{"email":"not-an-address-secret","name":"Secretname"}"#;
    let english = {
        let rejection = ready(Valid::<Signup>::from_request(
            request(Some("application/json"), body),
            &(),
        ))
        .unwrap_err();
        localized(rejection.into_response())
    };
    assert_eq!(english.0, "en");
    for (accept, lang, detail) in [
        (
            "de-CH, fr;q=0.5",
            "de",
            "darf höchstens 5 Zeichen lang sein",
        ),
        (
            "fr;q=0.4, nl;q=0.9",
            "nl",
            "mag maximaal 5 tekens lang zijn",
        ),
        ("sv, pl;q=0.1", "pl", "może mieć najwyżej 5 znaków"),
        ("ja", "en", "must be at most 5 characters"),
    ] {
        let req = with_language(request(Some("application/json"), body), accept);
        let rejection = ready(Valid::<Signup>::from_request(req, &())).unwrap_err();
        assert_eq!(rejection.lang().as_str(), lang);
        let (language, json) = localized(rejection.into_response());
        assert_eq!(language, lang, "{accept}");
        assert_eq!(json["errors"][1]["detail"], detail, "{accept}");
        // The application's own text stays as written.
        assert_eq!(json["errors"][0]["detail"], "is not an email address");
        // Pointers, codes and types are the same in every language; the value never appears.
        for (ours, theirs) in json["errors"]
            .as_array()
            .unwrap()
            .iter()
            .zip(english.1["errors"].as_array().unwrap())
        {
            assert_eq!(ours["pointer"], theirs["pointer"]);
            assert_eq!(ours["code"], theirs["code"]);
            assert_eq!(ours["type"], theirs["type"]);
        }
        assert_eq!(json["type"], english.1["type"]);
        let text = json.to_string();
        assert!(
            !text.contains("secret") && !text.contains("Secretname"),
            "{text}"
        );
        if lang != "en" {
            assert_ne!(json["title"], english.1["title"], "{accept}");
            assert_ne!(json["detail"], english.1["detail"], "{accept}");
        }
    }
    assert_eq!(
        english.1["errors"][0]["type"],
        "https://example.invalid/customer-model/blob/main/README.md#code-email"
    );
}

#[test]
fn every_rejection_answers_in_the_negotiated_language() {
    let too_large = with_language(
        request(Some("application/json"), " ".repeat(DEFAULT_BODY_LIMIT + 1)),
        "it",
    );
    let (language, json) = localized(
        ready(JsonBody::from_request(too_large, &()))
            .unwrap_err()
            .into_response(),
    );
    assert_eq!(language, "it");
    assert_eq!(
        json["detail"],
        format!("il corpo della richiesta supera il limite di {DEFAULT_BODY_LIMIT} byte")
    );
    let media = with_language(request(Some("text/plain"), "{}"), "es-MX");
    let (language, json) = localized(
        ready(JsonBody::from_request(media, &()))
            .unwrap_err()
            .into_response(),
    );
    assert_eq!(
        (language.as_str(), json["status"].as_u64()),
        ("es", Some(415))
    );
    assert_eq!(json["title"], "Tipo de medio no admitido");
    let malformed = with_language(request(Some("application/json"), "{\"email\":"), "pt-BR");
    let rejection = ready(Valid::<Signup>::from_request(malformed, &())).unwrap_err();
    let (language, json) = localized(rejection.into_response());
    assert_eq!(language, "pt");
    assert_eq!(json["errors"][0]["code"], "malformed_json");
    assert_eq!(
        json["errors"][0]["detail"],
        "o documento termina cedo demais, na linha 1, coluna 9"
    );
}

#[test]
fn accept_language_is_an_extractor_for_handlers() {
    let req = with_language(request(None, ""), "fr-CA;q=0.8, de;q=0.7");
    let (mut parts, _) = req.into_parts();
    let AcceptLanguage(lang) = ready(AcceptLanguage::from_request_parts(&mut parts, &())).unwrap();
    assert_eq!(lang.as_str(), "fr");
    let problem = ValidRejection::Invalid(ValidationErrors::from(crate::Violation::new(
        "/email",
        crate::rules::required::error(),
    )))
    .into_problem_in(&lang);
    let (language, json) = localized(problem.into_response());
    assert_eq!(language, "fr");
    assert_eq!(
        json["detail"],
        "le corps de la requête enfreint 1 règle ; voir `errors`"
    );
    assert_eq!(json["errors"][0]["detail"], "est obligatoire");
}

/// An internally tagged union as a request body.
#[derive(Debug, serde::Deserialize, crate::CustomerModel)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(dead_code)]
enum SignupUnion {
    Person {
        #[customer(email)]
        email: String,
    },
    Business {
        #[customer(length(max = 8))]
        vat_id: String,
        country: String,
    },
}

#[test]
fn a_union_body_gets_the_one_report() {
    let extract = |body: &'static str| {
        let req = request(Some("application/json"), body);
        ready(Valid::<SignupUnion>::from_request(req, &())).map_err(ValidRejection::from)
    };
    assert!(extract(r#"{"type": "person", "email": "jo@example.com"}"#).is_ok());
    let rejection =
        extract(r#"{"type": "business", "vat_id": "NL123456789B01", "country": 31}"#).unwrap_err();
    let (status, _, body) = problem(rejection.into_response());
    assert_eq!(status, 422);
    let found: Vec<(&str, &str)> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["pointer"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [("/vat_id", "length"), ("/country", "invalid_type")]);
    assert!(!body.to_string().contains("NL123456789B01"));
    let (status, _, body) = problem(extract(r#"{"type": "robot"}"#).unwrap_err().into_response());
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["pointer"], "/type");
    assert_eq!(body["errors"][0]["code"], "one_of");
    assert!(!body.to_string().contains("robot"));
}

/// The extractor reads as `Valid::from_slice_with` does: a key repeated in the customer's
/// metadata, and an integer beyond 64 bits there, are refused at their pointers (a `Value`
/// would keep the last key, and round the integer).
#[test]
fn repeated_keys_and_big_integers_are_refused() {
    for (body, pointer, code) in [
        (
            r#"{"name":"Jo","email":"jo@example.com","metadata":{"plan":"free","plan":"pro"}}"#,
            "/metadata/plan",
            "duplicate_field",
        ),
        (
            r#"{"name":"Jo","email":"jo@example.com","metadata":{"n":123456789012345678901234567890}}"#,
            "/metadata/n",
            "range",
        ),
    ] {
        let req = request(Some("application/json"), body);
        let rejection = ready(Valid::<crate::Customer>::from_request(req, &())).unwrap_err();
        let (status, _, body) = problem(rejection.into_response());
        assert_eq!(status, 422);
        let errors = body["errors"].as_array().unwrap();
        assert_eq!(errors.len(), 1, "{body}");
        assert_eq!(errors[0]["pointer"], pointer);
        assert_eq!(errors[0]["code"], code);
        assert!(!body.to_string().contains("pro\"") && !body.to_string().contains("123456789"));
    }
}

/// An unknown member breaking I-JSON (given twice, a repeated key or an integer beyond 64 bits
/// in its value) is refused by the extractor as by every reader, with or without a `flatten`
/// field that buffers it.
#[test]
fn unknown_members_breaking_i_json_are_refused_with_or_without_flatten() {
    #[derive(Debug, serde::Deserialize, crate::CustomerModel)]
    #[allow(dead_code)]
    struct Plain {
        name: String,
    }
    #[derive(Debug, serde::Deserialize, crate::CustomerModel)]
    #[allow(dead_code)]
    struct Extra {
        campaign: Option<String>,
    }
    #[derive(Debug, serde::Deserialize, crate::CustomerModel)]
    #[allow(dead_code)]
    struct Flat {
        name: String,
        #[serde(flatten)]
        #[customer(nested)]
        extra: Extra,
    }
    fn answer<T>(body: &str) -> Vec<(String, String)>
    where
        T: crate::FromJson,
        T::Context: FromRef<()>,
    {
        let req = request(Some("application/json"), body.to_owned());
        let Err(rejection) = ready(Valid::<T>::from_request(req, &())) else {
            return Vec::new();
        };
        let (status, _, body) = problem(rejection.into_response());
        assert_eq!(status, 422);
        assert!(!body.to_string().contains("123456789"), "{body}");
        body["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let field = |k: &str| e[k].as_str().unwrap().to_owned();
                (field("pointer"), field("code"))
            })
            .collect()
    }
    let big = "123456789012345678901234567890";
    for (body, pointer, code) in [
        (
            r#"{"name":"Jo","x":{"a":1,"a":2}}"#.to_owned(),
            "/x/a",
            "duplicate_field",
        ),
        (
            r#"{"name":"Jo","x":1,"x":2}"#.to_owned(),
            "/x",
            "duplicate_field",
        ),
        (format!(r#"{{"name":"Jo","x":[{big}]}}"#), "/x/0", "range"),
    ] {
        let expected = vec![(pointer.to_owned(), code.to_owned())];
        assert_eq!(answer::<Plain>(&body), expected, "{body}");
        assert_eq!(answer::<Flat>(&body), expected, "{body}");
    }
    assert!(answer::<Plain>(r#"{"name":"Jo","x":{"a":1,"b":2}}"#).is_empty());
    assert!(answer::<Flat>(r#"{"name":"Jo","x":{"a":1,"b":2}}"#).is_empty());
}
