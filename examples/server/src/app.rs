//! The routes, their handlers and the layers around them.

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::error_handling::HandleErrorLayer;
use axum::extract::{MatchedPath, Path as UrlPath, Query, RawQuery, Request, State};
use axum::http::header::{LOCATION, RETRY_AFTER};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{BoxError, Extension, Json, Router};
use customer_core::axum::{
    AcceptLanguage, JsonBody, Problem, ValidRejection, Webhook, WebhookRejection,
};
use customer_core::i18n::Lang;
use customer_core::providers::{paddle, Api};
use customer_core::webhooks::{Event, Verifier};
use customer_core::{Customer, Param, Path as ModelPath, RuleError, Status, ValidationErrors};
use serde_json::json;
use tower::ServiceBuilder;

use crate::entity::{envelope, paddle_entity};
use crate::ids::{is_customer_id, new_request_id, now_ms, rfc3339_millis, Ids};
use crate::store::{Incoming, IncomingCustomer, Store, Taken, Updated, WriteError};

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    store: Store,
    ids: Arc<Ids>,
    origin: Arc<str>,
    webhooks: Vec<(Provider, Verifier)>,
}

/// A provider whose signed webhooks the server takes, each at its own route
/// (`POST /webhooks/NAME`) with its own verifier; one handler serves them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Provider {
    /// Paddle's notifications: `Paddle-Signature`, the customer in `data`.
    Paddle,
    /// Stripe's events: `Stripe-Signature`, the customer in `data.object`.
    Stripe,
}

impl Provider {
    /// Every provider the server takes webhooks from.
    pub const ALL: [Provider; 2] = [Provider::Paddle, Provider::Stripe];

    /// The API whose customers its events carry.
    pub const fn api(self) -> Api {
        match self {
            Provider::Paddle => Api::Paddle,
            Provider::Stripe => Api::Stripe,
        }
    }

    /// Its name (`paddle`, `stripe`): the key of its events and customers in the store.
    pub const fn name(self) -> &'static str {
        self.api().as_str()
    }

    /// Its name as people write it.
    pub const fn title(self) -> &'static str {
        match self {
            Provider::Paddle => "Paddle",
            Provider::Stripe => "Stripe",
        }
    }

    /// The route its webhooks are posted to.
    pub const fn route(self) -> &'static str {
        match self {
            Provider::Paddle => "/webhooks/paddle",
            Provider::Stripe => "/webhooks/stripe",
        }
    }

    /// The command-line option that gives its secret.
    pub const fn secret_option(self) -> &'static str {
        match self {
            Provider::Paddle => "--paddle-webhook-secret",
            Provider::Stripe => "--stripe-webhook-secret",
        }
    }

    /// Where an event holds its customer, as a JSON Pointer into the body.
    const fn customer_pointer(self) -> &'static str {
        match self {
            Provider::Paddle => "/data",
            Provider::Stripe => "/data/object",
        }
    }

    /// The pointer into the body of a violation the stored customer's checks report at a
    /// canonical pointer (`/metadata` is Paddle's `/data/custom_data`, Stripe's
    /// `/data/object/metadata`).
    fn body_pointer(self, canonical: &str) -> String {
        let wire = match (self, canonical) {
            (Provider::Paddle, "/metadata") => "/custom_data",
            (Provider::Paddle, "/external_id") => "/import_meta/external_id",
            (Provider::Stripe, "/locale") => "/preferred_locales/0",
            (_, other) => other,
        };
        format!("{}{wire}", self.customer_pointer())
    }
}

impl AppState {
    /// The state of a server keeping its customers in `store`; `origin` (`http://host:port`) is
    /// where it listens, for the links it writes when a request names no usable `Host`.
    pub fn new(store: Store, origin: String) -> Self {
        AppState {
            store,
            ids: Arc::new(Ids::default()),
            origin: origin.into(),
            webhooks: Vec::new(),
        }
    }

    /// Takes `provider`'s webhooks at its route (`POST /webhooks/NAME`), checked by `verifier`.
    #[must_use]
    pub fn with_webhooks(mut self, provider: Provider, verifier: Verifier) -> Self {
        self.webhooks.retain(|(p, _)| *p != provider);
        self.webhooks.push((provider, verifier));
        self
    }

    /// The verifier of `provider`'s webhooks, when the server takes them.
    fn verifier(&self, provider: Provider) -> Option<&Verifier> {
        self.webhooks
            .iter()
            .find_map(|(p, verifier)| (*p == provider).then_some(verifier))
    }
}

/// `http://` and the request's `Host` when that is a plain `host[:port]` (letters, digits, `.`,
/// `-`, `:`, `[`, `]`), so links point where the client reached the server (through a load
/// balancer, say); the server's own origin otherwise.
fn origin(headers: &axum::http::HeaderMap, own: &str) -> String {
    headers
        .get(axum::http::header::HOST)
        .and_then(|host| host.to_str().ok())
        .filter(|host| {
            !host.is_empty()
                && host.len() <= 255
                && host
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .map_or_else(|| own.to_owned(), |host| format!("http://{host}"))
}

/// Limits on the work one server process takes on.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// The longest a request may take, from its head arriving to its answer (reading the body
    /// included); past it, the answer is a 503 problem.
    pub request_timeout: Duration,
    /// How many requests are handled at once; one more is answered 503 at once (with
    /// `Retry-After`), so a load balancer can send it to another replica.
    pub max_concurrency: usize,
}

/// Every route of the server, with its layers: add a route here.
pub fn router(state: AppState, limits: Limits) -> Router {
    let mut router = Router::new();
    // One handler for every provider: each route names its provider, and its verifier when the
    // server has a secret for it, in the request's extensions.
    for provider in Provider::ALL {
        let route = post(webhook).layer(Extension(provider));
        let route = match state.verifier(provider).cloned() {
            Some(verifier) => route.layer(Extension(verifier)),
            None => route,
        };
        router = router.route(provider.route(), route);
    }
    router
        .route("/", get(health))
        .route("/health", get(health))
        .route("/customers", get(list_customers).post(create_customer))
        .route("/customers/{id}", get(get_customer).patch(update_customer))
        .route("/openapi.json", get(crate::openapi::openapi))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // The extractors read at most 64 KiB by default; to change it:
        // .layer(Extension(customer_core::axum::BodyLimit(256 * 1024)))
        .layer(
            ServiceBuilder::new()
                .layer(HandleErrorLayer::new(overloaded))
                .load_shed()
                .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
                    limits.max_concurrency.max(1),
                ))
                .timeout(limits.request_timeout),
        )
        .layer(middleware::from_fn(log_request))
        .with_state(state)
}

/// The id of one request: in the envelope's `meta`, the `x-request-id` header and the log.
#[derive(Clone, Debug)]
struct RequestId(String);

/// Logs one line a request: method, route (never the raw path, which may hold anything the client
/// typed), status, duration and request id. No header, query or body value is logged.
async fn log_request(mut req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "(no route)".to_owned(), |p| p.as_str().to_owned());
    let request_id = new_request_id();
    req.extensions_mut().insert(RequestId(request_id.clone()));
    let mut response = next.run(req).await;
    if let Ok(value) = HeaderValue::from_str(&request_id) {
        response.headers_mut().insert("x-request-id", value);
    }
    eprintln!(
        "{method} {route} -> {} in {} µs (request {request_id})",
        response.status().as_u16(),
        started.elapsed().as_micros()
    );
    response
}

/// The answer when the timeout or the concurrency limit stops a request, in the language the
/// request negotiated.
async fn overloaded(AcceptLanguage(lang): AcceptLanguage, error: BoxError) -> Response {
    let id = if error.is::<tower::timeout::error::Elapsed>() {
        "server-timeout"
    } else if error.is::<tower::load_shed::error::Overloaded>() {
        "server-overloaded"
    } else {
        "server-unavailable"
    };
    let mut response = in_lang(StatusCode::SERVICE_UNAVAILABLE, id, lang).into_response();
    response
        .headers_mut()
        .insert(RETRY_AFTER, HeaderValue::from_static("1"));
    response
}

/// `GET /health`: 200 when the database answers, 503 when it does not.
async fn health(State(state): State<AppState>, AcceptLanguage(lang): AcceptLanguage) -> Response {
    match state.store.ping().await {
        Ok(()) => Json(json!({ "status": "ok" })).into_response(),
        Err(error) => {
            eprintln!("health check: {error}");
            in_lang(
                StatusCode::SERVICE_UNAVAILABLE,
                "server-database-down",
                lang,
            )
            .into_response()
        }
    }
}

async fn not_found(AcceptLanguage(lang): AcceptLanguage) -> Problem {
    in_lang(StatusCode::NOT_FOUND, "server-not-found", lang)
}

/// A problem of this server with its `detail` the catalog's message `id` in `lang` (named by
/// `Content-Language`); the `title` stays the status's reason phrase, as RFC 9457 asks of
/// `about:blank`.
fn in_lang(status: StatusCode, id: &str, lang: Lang) -> Problem {
    in_lang_with(status, id, &[], lang)
}

/// As [`in_lang`], the message's params given (never a value the client sent).
pub(crate) fn in_lang_with(
    status: StatusCode,
    id: &str,
    params: &[(&str, Param)],
    lang: Lang,
) -> Problem {
    let detail = customer_core::i18n::Catalog::global().text(&lang, id, params);
    Problem::new(status, detail).with_lang(lang)
}

async fn method_not_allowed(AcceptLanguage(lang): AcceptLanguage) -> Problem {
    in_lang(
        StatusCode::METHOD_NOT_ALLOWED,
        "server-method-not-allowed",
        lang,
    )
}

fn internal_error(lang: &Lang) -> Response {
    in_lang(
        StatusCode::INTERNAL_SERVER_ERROR,
        "server-internal",
        lang.clone(),
    )
    .into_response()
}

fn conflict(lang: &Lang) -> Response {
    in_lang(StatusCode::CONFLICT, "server-conflict", lang.clone()).into_response()
}

fn no_such_customer(lang: &Lang) -> Response {
    in_lang(
        StatusCode::NOT_FOUND,
        "server-no-such-customer",
        lang.clone(),
    )
    .into_response()
}

/// The API named by `?api=` (Paddle when absent). An unknown name is a 400 (in `lang`) that does
/// not repeat it.
fn api_of(query: Option<&str>, lang: &Lang) -> Result<Api, Box<Problem>> {
    let Some(query) = query else {
        return Ok(Api::Paddle);
    };
    let mut api = None;
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "api" {
            if api.is_some() {
                // `?api=paddle&api=mollie`: which one the sender meant is a guess.
                return Err(Box::new(in_lang_with(
                    StatusCode::BAD_REQUEST,
                    "server-repeated-parameter",
                    &[("name", Param::Str("api".into()))],
                    lang.clone(),
                )));
            }
            api = Some(value.parse().map_err(|_| {
                let names: Vec<&str> = Api::ALL.iter().map(|api| api.as_str()).collect();
                Box::new(in_lang_with(
                    StatusCode::BAD_REQUEST,
                    "server-unknown-api",
                    &[("names", Param::Str(names.join(", ").into()))],
                    lang.clone(),
                ))
            })?);
        }
    }
    Ok(api.unwrap_or(Api::Paddle))
}

/// The body as text, or the error (a 400 problem) for a body that is not UTF-8.
fn utf8(body: &[u8]) -> Result<&str, customer_core::Error> {
    std::str::from_utf8(body).map_err(|_| {
        let mut errors = ValidationErrors::new();
        errors.push(
            &ModelPath::ROOT,
            RuleError::new(
                customer_core::codes::MALFORMED_JSON,
                "the request body is not UTF-8 text",
            ),
        );
        customer_core::Error::Syntax(errors)
    })
}

/// The problem document of a refused body, in the language the request negotiated
/// (`Content-Language` says which): 400 for a syntax error, 422 for every violation.
fn refused(error: impl Into<customer_core::Error>, lang: &Lang) -> Response {
    ValidRejection::from(error.into())
        .into_problem_in(lang)
        .into_response()
}

/// `POST /customers`.
async fn create_customer(
    State(state): State<AppState>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    RawQuery(query): RawQuery,
    AcceptLanguage(lang): AcceptLanguage,
    JsonBody(body): JsonBody,
) -> Response {
    let api = match api_of(query.as_deref(), &lang) {
        Ok(api) => api,
        Err(problem) => return (*problem).into_response(),
    };
    let text = match utf8(&body) {
        Ok(text) => text,
        Err(error) => return refused(error, &lang),
    };
    let mut customer = match api.decode(text) {
        Ok(customer) => customer,
        // Syntax -> 400; Invalid and Unrepresentable -> 422, every violation listed.
        Err(error) => return refused(error, &lang),
    };
    // What Paddle sets itself.
    customer.status = Some(Status::Active);
    customer.marketing_consent = Some(customer.marketing_consent.unwrap_or(false));
    customer.locale = Some(customer.locale.take().unwrap_or_else(|| "en".to_owned()));
    customer.mode = None;
    if customer.external_id.is_some() && customer.imported_from.is_none() {
        customer.imported_from = Some(api.as_str().to_owned());
    }
    let (id, created_ms) = state.ids.next();
    let now = rfc3339_millis(created_ms);
    customer.id = Some(id.clone());
    customer.created_at = Some(now.clone());
    customer.updated_at = Some(now);
    // The answer is a Paddle customer: check it by Paddle's rules before storing anything.
    let entity = match paddle_entity(id, customer.clone()) {
        Ok(entity) => entity,
        Err(errors) => return refused(errors, &lang),
    };
    match state.store.insert(&customer).await {
        Ok(()) => {
            let location = format!("/customers/{}", entity.id);
            let mut response =
                (StatusCode::CREATED, Json(envelope(entity, request_id))).into_response();
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(LOCATION, value);
            }
            response
        }
        Err(WriteError::DuplicateEmail) => conflict(&lang),
        Err(WriteError::Store(error)) => {
            eprintln!("database error on insert: {error}");
            internal_error(&lang)
        }
    }
}

/// `POST /webhooks/paddle` and `POST /webhooks/stripe`: a provider's signed event, taken exactly
/// once. 401 (nothing stored) when the signature header (`Paddle-Signature`, `Stripe-Signature`)
/// is missing, wrong, malformed or outside the window; 422 with every violation when it is
/// signed but its customer breaks the provider's rules, or cannot be one of this server's
/// customers (a Stripe customer without an email address); 409 when its customer has the email
/// of another customer (not taken: the provider delivers it again); 200 otherwise, saying
/// whether the event was `taken` now, had been taken before (`duplicate`), or was `older` than
/// what the customer already holds. The 422 (and a 400 or 413 of the body) is written in the
/// language `Accept-Language` negotiates, as the other routes' validation problems are.
async fn webhook(
    State(state): State<AppState>,
    Extension(provider): Extension<Provider>,
    AcceptLanguage(lang): AcceptLanguage,
    webhook: Result<Webhook, WebhookRejection>,
) -> Response {
    let event = match webhook {
        Ok(Webhook(event)) => event,
        Err(WebhookRejection::NoVerifier) => {
            return in_lang_with(
                StatusCode::SERVICE_UNAVAILABLE,
                "server-no-webhooks",
                &[
                    ("provider", Param::Str(provider.title().into())),
                    ("option", Param::Str(provider.secret_option().into())),
                ],
                lang,
            )
            .into_response()
        }
        Err(rejection) => {
            // The rejection's text holds no secret, signature or body value.
            eprintln!(
                "{} webhook refused ({}): {}",
                provider.name(),
                rejection.status().as_u16(),
                rejection.to_string().lines().next().unwrap_or_default()
            );
            return rejection.into_problem_in(&lang).into_response();
        }
    };
    take(&state, provider, event, &lang).await
}

/// Takes a verified event: checks its customer as the entity the API answers with, then records
/// the event and stores the customer in one transaction.
async fn take(state: &AppState, provider: Provider, event: Event, lang: &Lang) -> Response {
    let taken_at = rfc3339_millis(now_ms());
    let occurred_ms = event.occurred_at.and_then(|at| {
        at.duration_since(std::time::UNIX_EPOCH)
            .ok()
            .and_then(|d| u64::try_from(d.as_millis()).ok())
    });
    let customer = match (event.customer, event.customer_id) {
        (Some(mut customer), Some(provider_id)) => {
            // Paddle's ids are of our form and kept; any other (Stripe's `cus_…`) is mapped to
            // a new one of ours, once (`webhook_customers`).
            let new_id = if is_customer_id(&provider_id) {
                provider_id.clone()
            } else {
                state.ids.next().0
            };
            customer.id = Some(new_id.clone());
            customer.mode = None;
            // A deleted Stripe customer is kept, archived (out of the default list); one whose
            // API has no status (Stripe) is active.
            if provider == Provider::Stripe && event.event_type == "customer.deleted" {
                customer.status = Some(Status::Archived);
            }
            customer.status.get_or_insert(Status::Active);
            if customer.created_at.is_none() {
                customer.created_at = Some(taken_at.clone());
            }
            if customer.updated_at.is_none() {
                // Stripe's customer has no update time: the event's is when it last changed.
                // (Whole seconds as Stripe's `created` is written: `…:07Z`, not `…:07.000Z`.)
                customer.updated_at = occurred_ms
                    .map(|ms| {
                        let at = rfc3339_millis(ms);
                        if ms % 1000 == 0 {
                            at.replace(".000Z", "Z")
                        } else {
                            at
                        }
                    })
                    .filter(|at| customer.created_at.as_ref().is_none_or(|c| at >= c))
                    .or_else(|| customer.created_at.clone());
            }
            let mut report = ValidationErrors::new();
            if customer.email.is_none() {
                // Stripe's customers may have no email; this server's must (it answers Paddle
                // entities and keeps emails unique): refused, not taken, so a later event that
                // gives the customer an email creates it.
                report.push_violation(customer_core::Violation::new(
                    provider.body_pointer("/email"),
                    RuleError::new(
                        customer_core::codes::REQUIRED,
                        "is required: this server keeps only customers with an email address",
                    ),
                ));
            }
            // What the API answers with must be a Paddle customer: check it before storing.
            if let Err(errors) = paddle_entity(new_id.clone(), customer.clone()) {
                for violation in errors {
                    let pointer = provider.body_pointer(violation.pointer());
                    if report.iter().any(|seen| seen.pointer() == pointer) {
                        continue;
                    }
                    report.push_violation(customer_core::Violation::new(
                        pointer,
                        violation.rule_error().clone(),
                    ));
                }
            }
            if let Err(errors) = report.into_result() {
                return refused(customer_core::Error::Invalid(errors), lang);
            }
            let occurred_at = event.occurred_at.and_then(|at| {
                at.duration_since(std::time::UNIX_EPOCH)
                    .ok()
                    .and_then(|d| i64::try_from(d.as_nanos()).ok())
            });
            Some(IncomingCustomer {
                provider_id,
                new_id,
                occurred_at,
                customer,
            })
        }
        _ => None,
    };
    let incoming = Incoming {
        provider: provider.name(),
        event_id: event.id.clone(),
        taken_at,
        customer,
    };
    let (status, customer_id) = match state.store.take_event(incoming).await {
        Ok(Taken::Duplicate(customer_id)) => ("duplicate", customer_id),
        Ok(Taken::Event) => ("taken", None),
        Ok(Taken::Stored(customer)) => ("taken", customer.id),
        Ok(Taken::Older(id)) => ("older", Some(id)),
        Err(WriteError::DuplicateEmail) => return conflict(lang),
        Err(WriteError::Store(error)) => {
            eprintln!("database error on a webhook: {error}");
            return internal_error(lang);
        }
    };
    Json(json!({
        "event_id": event.id,
        "event_type": event.event_type,
        "status": status,
        "customer_id": customer_id,
    }))
    .into_response()
}

/// `GET /customers/{id}`.
async fn get_customer(
    State(state): State<AppState>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    AcceptLanguage(lang): AcceptLanguage,
    UrlPath(id): UrlPath<String>,
) -> Response {
    if !is_customer_id(&id) {
        return no_such_customer(&lang);
    }
    match state.store.get(&id).await {
        Ok(Some(customer)) => match paddle_entity(id, customer) {
            Ok(entity) => Json(envelope(entity, request_id)).into_response(),
            Err(_) => internal_error(&lang),
        },
        Ok(None) => no_such_customer(&lang),
        Err(error) => {
            eprintln!("database error on select: {error}");
            internal_error(&lang)
        }
    }
}

/// `PATCH /customers/{id}`: Paddle's update-customer request (`?api=mollie|tazapay` takes that
/// API's update body). A key left out keeps the stored value, `null` clears it (where the API
/// allows), a value replaces it after the API's rules. 200 with the entity; 404; 409 when another
/// customer has the email; 400/413/415/422 as for a create, every violation listed.
async fn update_customer(
    State(state): State<AppState>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    UrlPath(id): UrlPath<String>,
    RawQuery(query): RawQuery,
    AcceptLanguage(lang): AcceptLanguage,
    JsonBody(body): JsonBody,
) -> Response {
    if !is_customer_id(&id) {
        return no_such_customer(&lang);
    }
    let api = match api_of(query.as_deref(), &lang) {
        Ok(api) => api,
        Err(problem) => return (*problem).into_response(),
    };
    let patch = match utf8(&body).and_then(|text| api.decode_update(text)) {
        Ok(patch) => patch,
        // Syntax -> 400; Invalid and Unrepresentable (Legit has no update body) -> 422.
        Err(error) => return refused(error, &lang),
    };
    let now = rfc3339_millis(now_ms());
    let entity_id = id.clone();
    let change = move |mut customer: Customer| {
        if patch.is_empty() {
            return paddle_entity(entity_id, customer.clone()).map(|_| customer);
        }
        patch.apply_to(&mut customer);
        // Never before its creation, whatever the clocks of the replicas say.
        let updated_at = match &customer.created_at {
            Some(created_at) if *created_at > now => created_at.clone(),
            _ => now,
        };
        customer.updated_at = Some(updated_at);
        // The answer is a Paddle customer: the result must be one, or nothing is written.
        paddle_entity(entity_id, customer.clone()).map(|_| customer)
    };
    match state.store.update(&id, change).await {
        Ok(Updated::Done(customer)) => match paddle_entity(id, *customer) {
            Ok(entity) => Json(envelope(entity, request_id)).into_response(),
            Err(_) => internal_error(&lang),
        },
        Ok(Updated::NotFound) => no_such_customer(&lang),
        Ok(Updated::Refused(errors)) => refused(errors, &lang),
        Err(WriteError::DuplicateEmail) => conflict(&lang),
        Err(WriteError::Store(error)) => {
            eprintln!("database error on update: {error}");
            internal_error(&lang)
        }
    }
}

/// The query of `GET /customers`: Paddle's `after`, `per_page` and `status`.
#[derive(Debug, PartialEq)]
struct ListQuery {
    after: Option<String>,
    per_page: usize,
    statuses: Vec<Status>,
}

/// Paddle's default and largest page sizes.
const PER_PAGE_DEFAULT: usize = 50;
const PER_PAGE_MAX: usize = 200;

impl ListQuery {
    /// Reads the query; a bad parameter is a 400 (in `lang`) naming the parameter, not its value.
    fn parse(pairs: &[(String, String)], lang: &Lang) -> Result<ListQuery, Box<Problem>> {
        let bad = |id: &str| {
            let max = [("max", Param::UInt(PER_PAGE_MAX as u64))];
            Box::new(in_lang_with(
                StatusCode::BAD_REQUEST,
                id,
                &max,
                lang.clone(),
            ))
        };
        let mut query = ListQuery {
            after: None,
            per_page: PER_PAGE_DEFAULT,
            statuses: vec![Status::Active],
        };
        let mut seen: Vec<&str> = Vec::new();
        for (key, value) in pairs {
            if matches!(key.as_str(), "after" | "per_page" | "status") {
                if seen.contains(&key.as_str()) {
                    // `per_page=1&per_page=200`: which one the sender meant is a guess.
                    return Err(Box::new(in_lang_with(
                        StatusCode::BAD_REQUEST,
                        "server-repeated-parameter",
                        &[("name", Param::Str(key.clone().into()))],
                        lang.clone(),
                    )));
                }
                seen.push(key);
            }
            match key.as_str() {
                "after" => {
                    if !is_customer_id(value) {
                        return Err(bad("server-bad-after"));
                    }
                    query.after = Some(value.clone());
                }
                "per_page" => {
                    query.per_page = value
                        .parse()
                        .ok()
                        .filter(|n| (1..=PER_PAGE_MAX).contains(n))
                        .ok_or_else(|| bad("server-bad-per-page"))?;
                }
                "status" => {
                    query.statuses = value
                        .split(',')
                        .map(|status| match status {
                            "active" => Ok(Status::Active),
                            "archived" => Ok(Status::Archived),
                            _ => Err(bad("server-bad-status")),
                        })
                        .collect::<Result<_, _>>()?;
                    query.statuses.dedup();
                }
                _ => {}
            }
        }
        Ok(query)
    }

    /// The URL of the page after the one that ends with `last`.
    fn next(&self, origin: &str, last: Option<&str>) -> String {
        let mut next = format!("{origin}/customers?per_page={}", self.per_page);
        if let Some(after) = last.or(self.after.as_deref()) {
            next.push_str("&after=");
            next.push_str(after);
        }
        if self.statuses != [Status::Active] {
            let names: Vec<&str> = self
                .statuses
                .iter()
                .map(|status| match status {
                    Status::Active => "active",
                    Status::Archived => "archived",
                })
                .collect();
            next.push_str("&status=");
            next.push_str(&names.join(","));
        }
        next
    }
}

/// `GET /customers`: one page of customers in creation order, as Paddle lists them:
/// `{data: [...], meta: {request_id, pagination: {per_page, next, has_more, estimated_total}}}`.
async fn list_customers(
    State(state): State<AppState>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    headers: axum::http::HeaderMap,
    AcceptLanguage(lang): AcceptLanguage,
    query: Result<Query<Vec<(String, String)>>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let Ok(Query(pairs)) = query else {
        return in_lang(StatusCode::BAD_REQUEST, "server-bad-query", lang).into_response();
    };
    let query = match ListQuery::parse(&pairs, &lang) {
        Ok(query) => query,
        Err(problem) => return (*problem).into_response(),
    };
    let page = match state
        .store
        .list(query.after.as_deref(), query.per_page, &query.statuses)
        .await
    {
        Ok(page) => page,
        Err(error) => {
            eprintln!("database error on list: {error}");
            return internal_error(&lang);
        }
    };
    let last = page.customers.last().and_then(|c| c.id.clone());
    let mut data = Vec::with_capacity(page.customers.len());
    for customer in page.customers {
        let Some(id) = customer.id.clone() else {
            return internal_error(&lang);
        };
        match paddle_entity(id, customer) {
            Ok(entity) => data.push(entity),
            Err(_) => return internal_error(&lang),
        }
    }
    Json(paddle::CustomerList {
        data,
        meta: paddle::ListMeta {
            request_id,
            pagination: paddle::Pagination {
                per_page: query.per_page as u64,
                next: query.next(&origin(&headers, &state.origin), last.as_deref()),
                has_more: page.has_more,
                estimated_total: page.total,
            },
        },
    })
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn providers() {
        assert_eq!(Provider::Paddle.body_pointer("/email"), "/data/email");
        assert_eq!(
            Provider::Paddle.body_pointer("/metadata"),
            "/data/custom_data"
        );
        assert_eq!(
            Provider::Stripe.body_pointer("/locale"),
            "/data/object/preferred_locales/0"
        );
        assert_eq!(
            Provider::Stripe.body_pointer("/metadata"),
            "/data/object/metadata"
        );
        for provider in Provider::ALL {
            assert_eq!(
                provider.route().strip_prefix("/webhooks/"),
                Some(provider.name())
            );
            assert!(provider
                .secret_option()
                .starts_with(&format!("--{}", provider.name())));
        }
    }

    #[test]
    fn api_query() {
        assert_eq!(api_of(None, &Lang::ENGLISH).ok(), Some(Api::Paddle));
        assert_eq!(
            api_of(Some("api=mollie"), &Lang::ENGLISH).ok(),
            Some(Api::Mollie)
        );
        assert_eq!(
            api_of(Some("x=1&api=legit"), &Lang::ENGLISH).ok(),
            Some(Api::Legit)
        );
        assert_eq!(
            api_of(Some("api=stripe"), &Lang::ENGLISH).ok(),
            Some(Api::Stripe)
        );
        assert!(api_of(Some("api=adyen"), &Lang::ENGLISH).is_err());
        for twice in ["api=paddle&api=mollie", "api=mollie&x=1&api=mollie"] {
            let problem =
                api_of(Some(twice), &Lang::ENGLISH).expect_err("a repeated `api` is refused");
            assert_eq!(problem.status(), StatusCode::BAD_REQUEST);
            assert_eq!(
                problem.detail(),
                "the query parameter `api` is given more than once"
            );
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn links_use_a_plain_host_header() {
        let mut headers = axum::http::HeaderMap::new();
        assert_eq!(
            origin(&headers, "http://127.0.0.1:3000"),
            "http://127.0.0.1:3000"
        );
        headers.insert("host", HeaderValue::from_static("api.example.com:8443"));
        assert_eq!(
            origin(&headers, "http://own"),
            "http://api.example.com:8443"
        );
        headers.insert("host", HeaderValue::from_static("[::1]:80"));
        assert_eq!(origin(&headers, "http://own"), "http://[::1]:80");
        for odd in ["evil.com/path?x=", "a b", "x@y", ""] {
            headers.insert("host", HeaderValue::from_str(odd).expect("header"));
            assert_eq!(origin(&headers, "http://own"), "http://own", "{odd:?}");
        }
    }

    #[test]
    fn list_query() {
        let query = ListQuery::parse(&[], &Lang::ENGLISH).expect("empty query");
        assert_eq!(query.per_page, 50);
        assert_eq!(query.statuses, [Status::Active]);
        assert_eq!(
            query.next("http://h:1", None),
            "http://h:1/customers?per_page=50"
        );

        let id = "ctm_01hv6y1jedq4p1n0yqn5ba3ky4";
        let query = ListQuery::parse(
            &pairs(&[
                ("per_page", "200"),
                ("after", id),
                ("status", "archived,active"),
            ]),
            &Lang::ENGLISH,
        )
        .expect("valid query");
        assert_eq!(query.per_page, 200);
        assert_eq!(query.after.as_deref(), Some(id));
        assert_eq!(query.statuses, [Status::Archived, Status::Active]);
        assert_eq!(
            query.next("http://h:1", Some("ctm_01hv6y1jedq4p1n0yqn5ba3ky5")),
            "http://h:1/customers?per_page=200&after=ctm_01hv6y1jedq4p1n0yqn5ba3ky5&status=archived,active"
        );

        for twice in [
            [("per_page", "1"), ("per_page", "200")],
            [("after", id), ("after", id)],
            [("status", "active"), ("status", "archived")],
        ] {
            let problem = ListQuery::parse(&pairs(&twice), &Lang::ENGLISH).expect_err("repeated");
            assert_eq!(problem.status(), StatusCode::BAD_REQUEST);
            assert!(problem.detail().ends_with("is given more than once"));
        }

        for bad in [
            ("per_page", "0"),
            ("per_page", "201"),
            ("per_page", "-1"),
            ("per_page", "ten"),
            ("after", "jo@example.com"),
            ("status", "deleted"),
            ("status", ""),
        ] {
            let problem = ListQuery::parse(&pairs(&[bad]), &Lang::ENGLISH).expect_err("refused");
            assert_eq!(problem.status(), StatusCode::BAD_REQUEST);
            if bad.1.chars().any(char::is_alphabetic) {
                assert!(!problem.detail().contains(bad.1), "{}", problem.detail());
            }
        }
    }

    /// The 500 (a database error, which the end-to-end tests cannot cause on SQLite) and the
    /// health check's 503 follow the request's language too, English when it has none.
    #[test]
    fn server_errors_in_the_language_negotiated() {
        let catalog = customer_core::i18n::Catalog::global();
        let de = catalog.negotiate("de-AT");
        let response = internal_error(&de);
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(response.headers()["content-language"], "de");
        let problem = in_lang(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server-internal",
            de.clone(),
        );
        assert_eq!(
            problem.detail(),
            "der Server konnte die Anfrage nicht abschließen"
        );
        let problem = in_lang(StatusCode::SERVICE_UNAVAILABLE, "server-database-down", de);
        assert_eq!(problem.detail(), "die Datenbank antwortet nicht");
        let fallback = catalog.negotiate("ja");
        let problem = in_lang(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server-internal",
            fallback,
        );
        assert_eq!(
            problem.detail(),
            "the server could not complete the request"
        );
        assert_eq!(problem.lang().as_str(), "en");
    }
}
