//! A customer backend on axum and SQLite, in one file.
//!
//! ```text
//! cargo run -p customer-model-server                                  # 127.0.0.1:3000, ./customers.db
//! cargo run -p customer-model-server -- --addr 127.0.0.1:8080 --db /tmp/c.db
//! ```
//!
//! - `GET /`: health, `{"status":"ok"}`.
//! - `POST /customers`: a Paddle create-customer request (`?api=mollie|tazapay|legit` takes that
//!   API's create body instead). 201 with a Paddle customer entity in `{data, meta: {request_id}}`;
//!   400 malformed JSON, 413 over 64 KiB, 415 not JSON, 422 every violation (unknown keys in a
//!   Paddle request too), 409 when a customer has the same email (compared case-insensitively).
//! - `GET /customers/{id}`: 200 with the same envelope, 404 when there is no such customer.
//!
//! Every error is an RFC 9457 `application/problem+json` document. Customers live in SQLite; a
//! unique index on `lower(email)` makes the database itself refuse a second customer with the
//! same email, so concurrent requests cannot both create one. Each request is logged to stderr
//! with its route, status and request id, never with a value from the request.
//!
//! The first line on stdout is `listening on http://ADDR`, with the port actually bound (so
//! `--addr 127.0.0.1:0` picks a free port and says which).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{MatchedPath, Path as UrlPath, RawQuery, Request, State};
use axum::http::header::LOCATION;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use clap::Parser;
use customer_core::axum::{JsonBody, Problem};
use customer_core::providers::{paddle, Api};
use customer_core::{
    Customer, CustomerModel as _, Path as ModelPath, RuleError, Status, ValidationErrors,
};
use rusqlite::{Connection, OptionalExtension as _};
use serde_json::{json, Map, Value};
use ulid::Ulid;

/// A customer backend: validates create-customer requests of four payment APIs and keeps the
/// customers in SQLite.
#[derive(Debug, Parser)]
struct Args {
    /// The address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:3000")]
    addr: String,
    /// The SQLite database file (created when missing).
    #[arg(long, default_value = "customers.db")]
    db: PathBuf,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let db = match open_database(&args.db) {
        Ok(db) => db,
        Err(error) => {
            eprintln!("cannot open the database {}: {error}", args.db.display());
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(&args.addr).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("cannot listen on {}: {error}", args.addr);
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(addr) => addr,
        Err(error) => {
            eprintln!("cannot read the bound address: {error}");
            return ExitCode::FAILURE;
        }
    };
    // Tests (and scripts) read this line to find the port.
    println!("listening on http://{addr}");
    let _ = std::io::stdout().flush();
    eprintln!("customers are stored in {}", args.db.display());

    let app = app(Arc::new(Mutex::new(db)));
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(error) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("server error: {error}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

type Db = Arc<Mutex<Connection>>;

fn app(db: Db) -> Router {
    Router::new()
        .route("/", get(health))
        .route("/customers", post(create_customer))
        .route("/customers/{id}", get(get_customer))
        .fallback(not_found)
        // The extractors read at most 64 KiB by default; to change it:
        // .layer(Extension(customer_core::axum::BodyLimit(256 * 1024)))
        .layer(middleware::from_fn(log_request))
        .with_state(db)
}

/// Opens (or creates) the database. The unique index on `lower(email)` is what makes a second
/// customer with the same email impossible, whatever the number of concurrent requests.
fn open_database(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(std::time::Duration::from_secs(10))?;
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         CREATE TABLE IF NOT EXISTS customers (
             id         TEXT PRIMARY KEY NOT NULL,
             email      TEXT NOT NULL,
             customer   TEXT NOT NULL, -- the canonical customer_core::Customer, as JSON
             created_at TEXT NOT NULL,
             updated_at TEXT NOT NULL
         );
         CREATE UNIQUE INDEX IF NOT EXISTS customers_email_ci ON customers (lower(email));",
    )?;
    Ok(conn)
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

async fn health() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

async fn not_found() -> Problem {
    Problem::new(StatusCode::NOT_FOUND, "there is nothing at this address")
}

/// The Paddle customer entity (`providers::paddle::Customer`) for a stored canonical customer,
/// checked by Paddle's rules. A canonical customer holds more than an entity shows (phone,
/// addresses, ...): it is all kept in the database, the entity is a view of it.
///
/// Pointers of violations use the canonical names (`/email`, `/name`, `/locale`, `/metadata`,
/// `/external_id`), which are the request's own for the fields every modelled API shares.
fn paddle_entity(id: String, customer: Customer) -> Result<paddle::Customer, ValidationErrors> {
    let mut report = ValidationErrors::new();
    let email = customer.email.unwrap_or_else(|| {
        report.push(
            &ModelPath::ROOT.key("email"),
            RuleError::new(
                "required",
                "is required: a Paddle customer needs an email address",
            ),
        );
        String::new()
    });
    let custom_data = match customer.metadata {
        None | Some(Value::Null) => None,
        Some(value) => custom_data(value).or_else(|| {
            report.push(
                &ModelPath::ROOT.key("metadata"),
                RuleError::new(
                    "unrepresentable",
                    "must be an object, or a list of distinct {key, value} entries, to be a \
                     Paddle customer's custom_data",
                ),
            );
            None
        }),
    };
    let import_meta = customer
        .imported_from
        .map(|imported_from| paddle::ImportMeta {
            external_id: customer.external_id,
            imported_from,
        });
    let entity = paddle::Customer {
        id,
        name: customer.name,
        email,
        marketing_consent: customer.marketing_consent.unwrap_or(false),
        status: customer.status.unwrap_or(Status::Active),
        custom_data,
        locale: customer.locale.unwrap_or_else(|| "en".to_owned()),
        created_at: customer.created_at.unwrap_or_default(),
        updated_at: customer.updated_at.unwrap_or_default(),
        import_meta,
    };
    if let Err(errors) = entity.validate() {
        for violation in errors {
            if report
                .iter()
                .any(|seen| seen.pointer() == violation.pointer())
            {
                continue; // a missing email is reported once, as `required`
            }
            let pointer = match violation.pointer() {
                "/import_meta/external_id" => "/external_id".to_owned(),
                "/custom_data" => "/metadata".to_owned(),
                other => other.to_owned(),
            };
            report.push_violation(customer_core::Violation::new(
                pointer,
                violation.rule_error().clone(),
            ));
        }
    }
    report.into_result().map(|()| entity)
}

/// Paddle's `custom_data` for a canonical metadata value: an object as it is, a list of
/// `{key, value}` entries with distinct string keys as the object of them; `None` otherwise.
fn custom_data(value: Value) -> Option<Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map),
        Value::Array(items) => {
            let mut map = Map::new();
            for item in items {
                let Value::Object(mut entry) = item else {
                    return None;
                };
                let (Some(Value::String(key)), Some(value)) =
                    (entry.remove("key"), entry.remove("value"))
                else {
                    return None;
                };
                if !entry.is_empty() || map.insert(key, value).is_some() {
                    return None;
                }
            }
            Some(map)
        }
        _ => None,
    }
}

/// The envelope Paddle answers with.
fn envelope(entity: paddle::Customer, request_id: String) -> paddle::CustomerResponse {
    paddle::CustomerResponse {
        data: entity,
        meta: paddle::Meta { request_id },
    }
}

async fn create_customer(
    State(db): State<Db>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    RawQuery(query): RawQuery,
    JsonBody(body): JsonBody,
) -> Response {
    let api = match api_of(query.as_deref()) {
        Ok(api) => api,
        Err(problem) => return problem.into_response(),
    };
    let Ok(text) = std::str::from_utf8(&body) else {
        let mut errors = ValidationErrors::new();
        errors.push(
            &ModelPath::ROOT,
            RuleError::new("malformed_json", "the request body is not UTF-8 text"),
        );
        return customer_core::Error::Syntax(errors).into_response();
    };
    let mut customer = match api.decode(text) {
        Ok(customer) => customer,
        // Syntax -> 400; Invalid and Unrepresentable -> 422, every violation listed.
        Err(error) => return error.into_response(),
    };
    // What Paddle sets itself.
    customer.status = Some(Status::Active);
    customer.marketing_consent = Some(customer.marketing_consent.unwrap_or(false));
    customer.locale = Some(customer.locale.take().unwrap_or_else(|| "en".to_owned()));
    customer.mode = None;
    if customer.external_id.is_some() && customer.imported_from.is_none() {
        customer.imported_from = Some(api.as_str().to_owned());
    }
    let ulid = Ulid::generate();
    let id = format!("ctm_{}", ulid.to_string().to_ascii_lowercase());
    let now = rfc3339_millis(ulid.timestamp_ms());
    customer.id = Some(id.clone());
    customer.created_at = Some(now.clone());
    customer.updated_at = Some(now);
    // The answer is a Paddle customer: check it by Paddle's rules before storing anything.
    let entity = match paddle_entity(id, customer.clone()) {
        Ok(entity) => entity,
        Err(errors) => return errors.into_response(),
    };

    let stored = tokio::task::spawn_blocking(move || insert(&db, &customer)).await;
    match stored {
        Ok(Ok(())) => {
            let location = format!("/customers/{}", entity.id);
            let mut response =
                (StatusCode::CREATED, Json(envelope(entity, request_id))).into_response();
            if let Ok(value) = HeaderValue::from_str(&location) {
                response.headers_mut().insert(LOCATION, value);
            }
            response
        }
        Ok(Err(Insert::DuplicateEmail)) => Problem::new(
            StatusCode::CONFLICT,
            "a customer with this email address already exists",
        )
        .into_response(),
        Ok(Err(Insert::Database(error))) => {
            eprintln!("database error on insert: {error}");
            internal_error()
        }
        Err(_) => internal_error(),
    }
}

async fn get_customer(
    State(db): State<Db>,
    Extension(RequestId(request_id)): Extension<RequestId>,
    UrlPath(id): UrlPath<String>,
) -> Response {
    let not_found = || Problem::new(StatusCode::NOT_FOUND, "no customer has this id");
    if !is_customer_id(&id) {
        return not_found().into_response();
    }
    let found = tokio::task::spawn_blocking(move || {
        let conn = db.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        conn.query_row(
            "SELECT customer FROM customers WHERE id = ?1",
            [&id],
            |row| row.get::<_, String>(0),
        )
        .optional()
        .map(|found| found.map(|json| (id, json)))
    })
    .await;
    match found {
        Ok(Ok(Some((id, json)))) => {
            let entity = serde_json::from_str::<Customer>(&json)
                .ok()
                .and_then(|customer| paddle_entity(id, customer).ok());
            match entity {
                Some(entity) => Json(envelope(entity, request_id)).into_response(),
                None => internal_error(),
            }
        }
        Ok(Ok(None)) => not_found().into_response(),
        Ok(Err(error)) => {
            eprintln!("database error on select: {error}");
            internal_error()
        }
        Err(_) => internal_error(),
    }
}

fn internal_error() -> Response {
    Problem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "the server could not complete the request",
    )
    .into_response()
}

/// The API named by `?api=` (Paddle when absent). An unknown name is a 400 that does not repeat it.
fn api_of(query: Option<&str>) -> Result<Api, Problem> {
    let Some(query) = query else {
        return Ok(Api::Paddle);
    };
    let mut api = Api::Paddle;
    for pair in query.split('&') {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        if key == "api" {
            api = value.parse().map_err(|_| {
                Problem::new(
                    StatusCode::BAD_REQUEST,
                    "the query parameter `api` must be one of mollie, tazapay, paddle, legit",
                )
            })?;
        }
    }
    Ok(api)
}

enum Insert {
    DuplicateEmail,
    Database(rusqlite::Error),
}

/// Stores `customer` (which has its id and timestamps). The database's unique index on
/// `lower(email)` decides duplicates, atomically.
fn insert(db: &Db, customer: &Customer) -> Result<(), Insert> {
    let json = serde_json::to_string(customer)
        .map_err(|e| Insert::Database(rusqlite::Error::ToSqlConversionFailure(Box::new(e))))?;
    let conn = db.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let result = conn.execute(
        "INSERT INTO customers (id, email, customer, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        (
            &customer.id,
            &customer.email,
            &json,
            &customer.created_at,
            &customer.updated_at,
        ),
    );
    match result {
        Ok(_) => Ok(()),
        Err(rusqlite::Error::SqliteFailure(error, _))
            if error.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE =>
        {
            Err(Insert::DuplicateEmail)
        }
        Err(error) => Err(Insert::Database(error)),
    }
}

/// `ctm_` and 26 characters of `[a-z0-9]`.
fn is_customer_id(id: &str) -> bool {
    id.strip_prefix("ctm_").is_some_and(|rest| {
        rest.len() == 26
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

/// A random request id in UUID form (version 7: a ULID's time and randomness).
fn new_request_id() -> String {
    let mut bits = Ulid::generate().0;
    bits = (bits & !(0xF << 76)) | (0x7 << 76);
    bits = (bits & !(0x3 << 62)) | (0x2 << 62);
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        bits >> 96,
        (bits >> 80) & 0xFFFF,
        (bits >> 64) & 0xFFFF,
        (bits >> 48) & 0xFFFF,
        bits & 0xFFFF_FFFF_FFFF
    )
}

/// `2024-04-11T15:57:24.813Z` for a Unix time in milliseconds.
fn rfc3339_millis(unix_ms: u64) -> String {
    let secs = unix_ms / 1000;
    let millis = unix_ms % 1000;
    let days = secs / 86_400;
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Howard Hinnant's `civil_from_days`, for days since 1970-01-01 (not before).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_rfc3339_with_millis() {
        assert_eq!(rfc3339_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(
            rfc3339_millis(1_712_851_044_813),
            "2024-04-11T15:57:24.813Z"
        );
        assert_eq!(rfc3339_millis(951_782_400_000), "2000-02-29T00:00:00.000Z");
    }

    #[test]
    fn ids() {
        let id = format!("ctm_{}", Ulid::generate().to_string().to_ascii_lowercase());
        assert!(is_customer_id(&id), "{id}");
        assert!(!is_customer_id("ctm_01HV6Y1JEDQ4P1N0YQN5BA3KY4"));
        assert!(!is_customer_id("ctm_short"));
        let rid = new_request_id();
        assert_eq!(rid.len(), 36);
        assert_eq!(rid.as_bytes().get(14), Some(&b'7'));
    }

    #[test]
    fn api_query() {
        assert_eq!(api_of(None).ok(), Some(Api::Paddle));
        assert_eq!(api_of(Some("api=mollie")).ok(), Some(Api::Mollie));
        assert_eq!(api_of(Some("x=1&api=legit")).ok(), Some(Api::Legit));
        assert!(api_of(Some("api=stripe")).is_err());
    }
}
