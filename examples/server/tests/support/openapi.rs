//! Every exchange of the end-to-end suite checked against the server's own `GET /openapi.json`:
//! each response body by the schema of its route, method and status, and each request body the
//! server accepted (2xx) by the route's request schema. A request with `?api=NAME` is checked
//! against the document of those requests, `GET /openapi.json?api=NAME`. Each document is
//! fetched once per server.

use std::cell::Cell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use serde_json::{json, Value};

thread_local! {
    /// How many request and response bodies this thread checked, for the suite's own test.
    static CHECKED: Cell<usize> = const { Cell::new(0) };
}

/// How many request and response bodies the calling thread has checked.
pub fn checked() -> usize {
    CHECKED.with(Cell::get)
}

fn count() {
    CHECKED.with(|c| c.set(c.get() + 1));
}

/// The documents, by address (`http://127.0.0.1:PORT/openapi.json?api=NAME`).
fn documents() -> &'static Mutex<HashMap<String, Arc<Value>>> {
    static DOCUMENTS: OnceLock<Mutex<HashMap<String, Arc<Value>>>> = OnceLock::new();
    DOCUMENTS.get_or_init(Mutex::default)
}

/// The server's document, fetched on first use; `None` while the server cannot answer it (an
/// overloaded server answers 503 to everything): the exchange is then not checked. Servers
/// fetch it when they start ([`prefetch`]), before any test loads them.
fn document(origin: &str, api: Option<&str>) -> Option<Arc<Value>> {
    let address = match api {
        Some(api) => format!("{origin}/openapi.json?api={api}"),
        None => format!("{origin}/openapi.json"),
    };
    if let Some(doc) = documents().lock().unwrap().get(&address) {
        return Some(Arc::clone(doc));
    }
    let mut response = ureq::get(&address).call().ok()?;
    let text = response.body_mut().read_to_string().ok()?;
    let doc: Value = serde_json::from_str(&text).expect("the OpenAPI document is JSON");
    assert_eq!(doc["openapi"], "3.1.0");
    let doc = Arc::new(doc);
    documents()
        .lock()
        .unwrap()
        .insert(address, Arc::clone(&doc));
    Some(doc)
}

/// Fetches the documents of the server at `origin`, which has just started.
pub fn prefetch(origin: &str) {
    let _ = document(origin, None);
    for api in ["mollie", "tazapay", "paddle", "legit"] {
        let _ = document(origin, Some(api));
    }
}

/// The value of `api` in the query of `url`, when there is one.
fn api_of(url: &str) -> Option<&str> {
    let query = url.split_once('?')?.1;
    query.split('&').find_map(|pair| pair.strip_prefix("api="))
}

/// `(origin, path template)` of a URL of the server (`""` for a path that is no route).
fn route(url: &str) -> Option<(String, &'static str)> {
    let rest = url.strip_prefix("http://")?;
    let slash = rest.find('/')?;
    let origin = format!("http://{}", &rest[..slash]);
    let path = rest[slash..].split('?').next().unwrap_or_default();
    let template = match path {
        "/" => "/",
        "/health" => "/health",
        "/customers" => "/customers",
        "/openapi.json" => "/openapi.json",
        "/webhooks/paddle" => "/webhooks/paddle",
        "/webhooks/stripe" => "/webhooks/stripe",
        _ => match path.strip_prefix("/customers/") {
            Some(id) if !id.is_empty() && !id.contains('/') => "/customers/{id}",
            // Not a route: answered with a 404 problem.
            _ => "",
        },
    };
    Some((origin, template))
}

/// The validators, by origin and schema (as text).
type Validators = Mutex<HashMap<(String, String), Arc<jsonschema::Validator>>>;

fn validators() -> &'static Validators {
    static VALIDATORS: OnceLock<Validators> = OnceLock::new();
    VALIDATORS.get_or_init(Mutex::default)
}

/// Checks `instance` by `schema`, with the document's components beside it so that its
/// `$ref`s resolve.
fn is_valid(origin: &str, doc: &Value, schema: &Value, instance: &Value) -> Result<(), String> {
    let key = (origin.to_owned(), schema.to_string());
    let cached = validators().lock().unwrap().get(&key).cloned();
    let validator = match cached {
        Some(validator) => validator,
        None => {
            let mut root = schema.clone();
            let Value::Object(object) = &mut root else {
                return Ok(());
            };
            object.insert("components".into(), doc["components"].clone());
            let validator =
                Arc::new(jsonschema::draft202012::new(&root).map_err(|e| e.to_string())?);
            validators()
                .lock()
                .unwrap()
                .insert(key, Arc::clone(&validator));
            validator
        }
    };
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

/// Checks one exchange: `method` on `url` with `request` (when it was JSON), answered with
/// `status`, `content_type` and `response`.
pub fn check(method: &str, url: &str, request: Option<&Value>, reply: &super::Reply) {
    let (status, content_type, response) = (reply.status, reply.content_type.as_str(), &reply.body);
    let Some((origin, template)) = route(url) else {
        return;
    };
    // An unknown `api` has no document (the server answers 400 to it): the default one then.
    let api = api_of(url);
    let Some(doc) = document(&origin, api).or_else(|| document(&origin, None)) else {
        return;
    };
    // The validators are kept by document: each has its own components.
    let origin = format!("{origin}/openapi.json?api={}", api.unwrap_or_default());
    let method = method.to_ascii_lowercase();
    let Some(operation) = doc["paths"][template].get(&method) else {
        // Not a route: the server answers 404/405 problems, described below.
        let problem = json!({"$ref": "#/components/schemas/ProblemDocument"});
        is_valid(&origin, &doc, &problem, response)
            .unwrap_or_else(|e| panic!("{method} {template} -> {status}: {e}\n{response}"));
        count();
        return;
    };
    let answer = &operation["responses"][status.to_string()];
    assert!(
        answer.is_object(),
        "{method} {template}: status {status} is not in the OpenAPI document"
    );
    let media = content_type.split(';').next().unwrap_or_default().trim();
    let schema = &answer["content"][media]["schema"];
    assert!(
        !answer["content"][media].is_null(),
        "{method} {template} -> {status}: {media} is not in the OpenAPI document"
    );
    if !schema.is_null() {
        is_valid(&origin, &doc, schema, response).unwrap_or_else(|e| {
            panic!(
                "{method} {template} -> {status}: the response breaks the schema: {e}\n{response}"
            )
        });
        count();
    }
    if let (Some(request), true) = (request, (200..300).contains(&status)) {
        let schema = &operation["requestBody"]["content"]["application/json"]["schema"];
        is_valid(&origin, &doc, schema, request).unwrap_or_else(|e| {
            panic!("{method} {template} -> {status}: an accepted request breaks the schema: {e}\n{request}")
        });
        count();
    }
}
