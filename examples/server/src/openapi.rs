//! `GET /openapi.json`: an OpenAPI 3.1 document of the server's routes. Every request and
//! response schema comes from `#[derive(CustomerModel)]` (feature `schemars`), the problem
//! document too, so the published rules are the ones the server checks.
//!
//! The body `POST /customers` and `PATCH /customers/{id}` take depends on their `?api=`, which
//! OpenAPI cannot tie to a body schema: one document listing every API's shapes would promise a
//! Mollie body to a request without `?api=mollie`, which reads Paddle's. So there is one
//! document per API: `GET /openapi.json?api=NAME` describes the requests that carry `api=NAME`
//! (required there; `PATCH` only for an API with an update body), and `GET /openapi.json` the
//! requests without it, which take Paddle's shapes (`scripts/schemathesis.sh` holds it to the
//! server's behaviour). Not yet stated in the other APIs' documents: the server stores and answers
//! a Paddle customer, so their bodies must also convert to one (an ASCII email address present,
//! metadata an object or a list of entries), and Tazapay's phone parts are checked by functions
//! that a schema only names in `x-customer-rules`.

use std::sync::OnceLock;

use axum::extract::RawQuery;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use customer_core::axum::AcceptLanguage;
use customer_core::providers::{paddle, Api};
use customer_core::CustomerModel;
use schemars::generate::SchemaSettings;
use schemars::Schema;
use serde_json::{json, Map, Value};

use crate::app::Provider;

/// A problem document (RFC 9457) as `customer_core::axum::Problem` writes it: every error
/// answer of the server. Only its schema is used.
#[derive(CustomerModel, serde::Deserialize)]
#[allow(dead_code)]
struct ProblemDocument {
    /// `about:blank` (the status says what went wrong), or the URI of the page that documents
    /// the problem (a refused request body).
    #[serde(rename = "type")]
    kind: String,
    /// The status's reason phrase, or the title of the documented problem, in the language
    /// of `Content-Language`.
    title: String,
    /// The HTTP status.
    #[customer(range(min = 400, max = 599))]
    status: u16,
    /// What went wrong, in a sentence that never repeats a rejected value.
    detail: String,
    /// Every violation of the request, when there were any.
    #[customer(nested)]
    errors: Option<Vec<ProblemError>>,
}

/// One violation in a problem document.
#[derive(CustomerModel, serde::Deserialize)]
#[allow(dead_code)]
struct ProblemError {
    /// Where, as a JSON Pointer (RFC 6901) into the request body.
    #[customer(pattern = "^(/([^~/]|~[01])*)*$")]
    pointer: String,
    /// The rule's stable code, such as `email` or `required`.
    #[customer(pattern = "^[a-z][a-z0-9_]*$")]
    code: String,
    /// The rule's message, in the language of `Content-Language` (negotiated from
    /// `Accept-Language`: en, nl, de, fr, es, it, pt, pl).
    detail: String,
    /// The URI of the page that documents the code.
    #[serde(rename = "type")]
    kind: String,
}

/// `GET /health`'s answer.
#[derive(CustomerModel, serde::Deserialize)]
#[allow(dead_code)]
struct Health {
    /// Always `ok`: an unhealthy server answers 503 with a problem document.
    #[customer(one_of("ok"))]
    status: String,
}

/// The answer of `POST /webhooks/paddle` and `POST /webhooks/stripe` to a verified event.
#[derive(CustomerModel, serde::Deserialize)]
#[allow(dead_code)]
struct WebhookReceipt {
    /// The provider's event id.
    event_id: String,
    /// The event's type (`customer.created`, ...).
    event_type: String,
    /// `taken`: taken now; `duplicate`: taken before (by this or another replica), nothing done;
    /// `older`: taken, but its customer already holds a later event's state, left as it is.
    #[customer(one_of("taken", "duplicate", "older"))]
    status: String,
    /// The id of the customer (in `/customers`) the event created or updated, or left as it is;
    /// for a `duplicate`, the customer the event's first delivery stored. `null` for an event
    /// that carries no customer.
    customer_id: Option<String>,
}

/// The document of the requests that name `api` (`None`: that name none), built once.
pub fn document(api: Option<Api>) -> &'static Value {
    static DOCUMENTS: OnceLock<Vec<(Option<Api>, Value)>> = OnceLock::new();
    let documents = DOCUMENTS.get_or_init(|| {
        std::iter::once(None)
            .chain(Api::ALL.into_iter().map(Some))
            .map(|api| (api, build(api)))
            .collect()
    });
    documents
        .iter()
        .find_map(|(a, doc)| (*a == api).then_some(doc))
        .unwrap_or(&documents[0].1)
}

/// `GET /openapi.json` and `GET /openapi.json?api=NAME`; 400 for an unknown name.
pub async fn openapi(RawQuery(query): RawQuery, AcceptLanguage(lang): AcceptLanguage) -> Response {
    let mut api = None;
    for pair in query.as_deref().unwrap_or_default().split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "api" {
            match value.parse::<Api>() {
                Ok(named) => api = Some(named),
                Err(_) => {
                    let names: Vec<&str> = Api::ALL.iter().map(|api| api.as_str()).collect();
                    return crate::app::in_lang_with(
                        StatusCode::BAD_REQUEST,
                        "server-unknown-api",
                        &[("names", customer_core::Param::Str(names.join(", ").into()))],
                        lang,
                    )
                    .into_response();
                }
            }
        }
    }
    Json(document(api)).into_response()
}

fn json_content(schema: &Schema) -> Value {
    json!({ "application/json": { "schema": schema } })
}

fn problem_content(problem: &Schema) -> Value {
    json!({ "application/problem+json": { "schema": problem } })
}

/// The error answers of an operation, each a problem document.
fn problems(problem: &Schema, statuses: &[(u16, &str)]) -> Map<String, Value> {
    statuses
        .iter()
        .map(|(status, why)| {
            (
                status.to_string(),
                json!({ "description": why, "content": problem_content(problem) }),
            )
        })
        .collect()
}

/// The document of the requests that carry `?api=NAME` (`Some`), or of those without (`None`).
fn build(named: Option<Api>) -> Value {
    let api = named.unwrap_or(Api::Paddle);
    let mut generator = SchemaSettings::draft2020_12()
        .with(|settings| {
            settings.definitions_path = "/components/schemas".into();
            settings.meta_schema = None;
        })
        .for_deserialize()
        .into_generator();
    let g = &mut generator;
    let problem = g.subschema_for::<ProblemDocument>();
    let entity = g.subschema_for::<paddle::CustomerResponse>();
    let list = g.subschema_for::<paddle::CustomerList>();
    let health = g.subschema_for::<Health>();
    let receipt = g.subschema_for::<WebhookReceipt>();
    let create: Vec<Value> = api.shapes(g).into_iter().map(Schema::to_value).collect();
    let update = api.update_shape(g).map(Schema::to_value);
    let schemas = g.take_definitions(true);

    let names: Vec<&str> = Api::ALL.iter().map(|api| api.as_str()).collect();
    let api_param = json!({
        "name": "api",
        "in": "query",
        "required": named.is_some(),
        "description": format!(
            "Whose shapes and rules the body follows: {} (Paddle's when absent). This document \
             describes the bodies of `api={}`; `GET /openapi.json?api=NAME` those of NAME, one \
             of {}.",
            api.as_str(), api.as_str(), names.join(", ")
        ),
        "schema": { "type": "string", "enum": [api.as_str()] }
    });
    let id_param = json!({
        "name": "id",
        "in": "path",
        "required": true,
        "description": "The customer's id (`ctm_` and 26 characters).",
        "schema": { "type": "string", "pattern": "^ctm_[0-9a-z]{26}$" }
    });
    let request_errors = [
        (
            400,
            "The body is not JSON, or not UTF-8, or `api` is unknown.",
        ),
        (413, "The body is too large."),
        (
            415,
            "The body is not `application/json`, or names a charset other than UTF-8.",
        ),
        (
            422,
            "The body breaks the API's shapes or rules: every violation is listed.",
        ),
        (
            503,
            "The server is overloaded or its database does not answer.",
        ),
    ];

    let mut create_responses = problems(&problem, &request_errors);
    create_responses.extend(problems(
        &problem,
        &[(409, "Another customer has this email address.")],
    ));
    create_responses.insert(
        "201".into(),
        json!({ "description": "The customer, as a Paddle customer entity.", "content": json_content(&entity) }),
    );
    let mut update_responses = problems(&problem, &request_errors);
    update_responses.extend(problems(
        &problem,
        &[
            (404, "No customer has this id."),
            (409, "Another customer has this email address."),
        ],
    ));
    update_responses.insert(
        "200".into(),
        json!({ "description": "The updated customer.", "content": json_content(&entity) }),
    );
    let mut get_responses = problems(&problem, &[(404, "No customer has this id.")]);
    get_responses.insert(
        "200".into(),
        json!({ "description": "The customer.", "content": json_content(&entity) }),
    );
    let mut list_responses = problems(&problem, &[(400, "A query parameter is not as described.")]);
    list_responses.insert(
        "200".into(),
        json!({ "description": "One page of customers, in creation order.", "content": json_content(&list) }),
    );
    let health_operation = json!({
        "summary": "Whether the server and its database answer",
        "responses": {
            "200": { "description": "Healthy.", "content": json_content(&health) },
            "503": { "description": "The database does not answer.", "content": problem_content(&problem) }
        }
    });

    json!({
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "info": {
            "title": "customer-model example server",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Customers of five payment APIs, answered as Paddle customer entities. \
                Every schema comes from the models' #[derive(CustomerModel)] rules; rules JSON \
                Schema cannot state are listed in each schema's `x-customer-rules`. The bodies \
                of `POST /customers` and `PATCH /customers/{id}` follow their `?api=`: this \
                document describes {API}'s, `GET /openapi.json?api=NAME` another API's."
                .replace("{API}", api.as_str())
        },
        "paths": {
            "/": { "get": health_operation.clone() },
            "/health": { "get": health_operation },
            "/customers": {
                "post": {
                    "summary": "Create a customer from one of the API's customer documents: its create request, a response, an envelope",
                    "parameters": [api_param.clone()],
                    "requestBody": {
                        "required": true,
                        "content": json_content(&Schema::from(
                            json!({ "anyOf": create }).as_object().cloned().unwrap_or_default()
                        ))
                    },
                    "responses": create_responses
                },
                "get": {
                    "summary": "List customers, a page at a time",
                    "parameters": [
                        { "name": "after", "in": "query", "schema": { "type": "string", "pattern": "^ctm_[0-9a-z]{26}$" } },
                        { "name": "per_page", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 200 } },
                        {
                            "name": "status",
                            "in": "query",
                            "description": "A comma-separated list of `active`, `archived` (`active` when absent).",
                            "style": "form",
                            "explode": false,
                            "schema": { "type": "array", "minItems": 1, "items": { "type": "string", "enum": ["active", "archived"] } }
                        }
                    ],
                    "responses": list_responses
                }
            },
            "/customers/{id}": customer_path(get_responses, update, update_responses, id_param, api_param),
            "/webhooks/paddle": webhook_path(Provider::Paddle, &problem, &receipt),
            "/webhooks/stripe": webhook_path(Provider::Stripe, &problem, &receipt),
            "/openapi.json": {
                "get": {
                    "summary": "This document, or with `api` the one of the requests that carry that `api`",
                    "parameters": [{
                        "name": "api",
                        "in": "query",
                        "description": "The API whose request bodies the document describes.",
                        "schema": { "type": "string", "enum": names }
                    }],
                    "responses": {
                        "200": { "description": "OpenAPI 3.1.", "content": { "application/json": {} } },
                        "400": { "description": "`api` is unknown.", "content": problem_content(&problem) }
                    }
                }
            }
        },
        "components": { "schemas": schemas }
    })
}

/// The path item of a provider's webhook route (`/webhooks/paddle`, `/webhooks/stripe`).
fn webhook_path(provider: Provider, problem: &Schema, receipt: &Schema) -> Value {
    let title = provider.title();
    let (header, header_description, event) = match provider {
        Provider::Paddle => (
            "Paddle-Signature",
            "`ts=<unix seconds>;h1=<hex HMAC-SHA256 of ts:body>`; several `h1` while a secret \
             rotates.",
            json!({
                "type": "object",
                "description": "A Paddle notification, as Paddle signs it (its raw bytes are \
                    checked). For `customer.*` events, `data` is a Paddle customer entity.",
                "required": ["event_id", "event_type", "data"],
                "properties": {
                    "event_id": { "type": "string" },
                    "event_type": { "type": "string" },
                    "occurred_at": { "type": "string", "format": "date-time" },
                    "notification_id": { "type": "string" },
                    "data": { "type": "object" }
                }
            }),
        ),
        Provider::Stripe => (
            "Stripe-Signature",
            "`t=<unix seconds>,v1=<hex HMAC-SHA256 of t.body>`; several `v1` while a secret \
             rolls, `v0` ignored.",
            json!({
                "type": "object",
                "description": "A Stripe event, as Stripe signs it (its raw bytes are checked). \
                    For `customer.created`, `customer.updated` and `customer.deleted`, \
                    `data.object` is a Stripe customer, which must have an email address here \
                    (422 `required` at `/data/object/email` otherwise); `customer.deleted` \
                    archives it. `created` (Unix seconds) orders a customer's events.",
                "required": ["id", "type", "data"],
                "properties": {
                    "id": { "type": "string" },
                    "object": { "type": "string" },
                    "type": { "type": "string" },
                    "created": { "type": "integer" },
                    "data": { "type": "object" }
                }
            }),
        ),
    };
    let mut responses = problems(
        problem,
        &[
            (400, &format!("The signed body is not a {title} event.")),
            (
                401,
                &format!(
                    "The `{header}` is missing, malformed, wrong or outside the window: nothing \
                     is stored."
                ),
            ),
            (
                409,
                &format!(
                    "The event's customer has the email of another customer: not taken ({title} \
                     delivers it again)."
                ),
            ),
            (413, "The body is too large."),
            (
                422,
                &format!(
                    "Signed, but the event's customer breaks {title}'s rules, or cannot be a \
                     customer here: every violation, at its pointer into the body."
                ),
            ),
            (
                503,
                "No webhook secret is configured, or the server is overloaded.",
            ),
        ],
    );
    responses.insert(
        "200".into(),
        json!({ "description": "The event is taken (now or before), exactly once.", "content": json_content(receipt) }),
    );
    json!({
        "post": {
            "summary": format!("Take a signed {title} event exactly once"),
            "parameters": [{
                "name": header,
                "in": "header",
                "required": true,
                "description": header_description,
                "schema": { "type": "string" }
            }],
            "requestBody": {
                "required": true,
                "content": { "application/json": { "schema": event } }
            },
            "responses": responses
        }
    })
}

/// The path item of `/customers/{id}`: `GET`, and `PATCH` when the API has an update body.
fn customer_path(
    get_responses: Map<String, Value>,
    update: Option<Value>,
    update_responses: Map<String, Value>,
    id_param: Value,
    api_param: Value,
) -> Value {
    let mut item = json!({
        "get": {
            "summary": "A customer",
            "parameters": [id_param.clone()],
            "responses": get_responses
        }
    });
    if let Some(update) = update {
        item["patch"] = json!({
            "summary": "Update a customer: a key left out is kept, `null` clears it",
            "parameters": [id_param, api_param],
            "requestBody": {
                "required": true,
                "content": { "application/json": { "schema": update } }
            },
            "responses": update_responses
        });
    }
    item
}
