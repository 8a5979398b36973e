//! End to end: the example server (`customer-model-server`) run as a process, driven over loopback
//! by a real HTTP client (ureq).

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;

use serde_json::{json, Value};

/// The server executable cargo built for these tests.
fn server_binary() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_customer-model-server"))
}

/// A fresh directory for one test's database and log.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("server-tests")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A running server; killed when dropped.
struct Server {
    child: Child,
    base: String,
    log: PathBuf,
}

impl Server {
    fn start(dir: &Path) -> Server {
        let log = dir.join("server.log");
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .expect("log file");
        let mut child = Command::new(server_binary())
            .args(["--addr", "127.0.0.1:0", "--db"])
            .arg(dir.join("customers.db"))
            .stdout(Stdio::piped())
            .stderr(log_file)
            .spawn()
            .expect("server starts");
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut first = String::new();
        BufReader::new(stdout)
            .read_line(&mut first)
            .expect("server writes its address");
        let base = first
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| {
                let log = std::fs::read_to_string(&log).unwrap_or_default();
                panic!("unexpected first line {first:?}; log:\n{log}")
            })
            .to_owned();
        Server { child, base, log }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// Status, content type and JSON body of a response.
struct Reply {
    status: u16,
    content_type: String,
    headers: ureq::http::HeaderMap,
    body: Value,
}

fn read_reply(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
    let mut response = response.expect("the server answers");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let text = response
        .body_mut()
        .read_to_string()
        .expect("the body is read");
    let body = serde_json::from_str(&text)
        .unwrap_or_else(|_| panic!("status {status}: body is not JSON: {text:?}"));
    Reply {
        status,
        content_type,
        headers,
        body,
    }
}

fn post(agent: &ureq::Agent, url: &str, content_type: &str, body: &str) -> Reply {
    read_reply(
        agent
            .post(url)
            .header("content-type", content_type)
            .send(body),
    )
}

fn post_json(agent: &ureq::Agent, url: &str, body: &Value) -> Reply {
    post(agent, url, "application/json", &body.to_string())
}

fn get(agent: &ureq::Agent, url: &str) -> Reply {
    read_reply(agent.get(url).call())
}

fn assert_problem(reply: &Reply, status: u16) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert_eq!(reply.content_type, "application/problem+json");
    assert_eq!(reply.body["status"], status);
    assert!(reply.body["type"].is_string(), "{}", reply.body);
    assert!(reply.body["title"].is_string(), "{}", reply.body);
    assert!(reply.body["detail"].is_string(), "{}", reply.body);
}

fn is_customer_id(id: &str) -> bool {
    id.strip_prefix("ctm_").is_some_and(|rest| {
        rest.len() == 26
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

fn is_rfc3339_millis_z(text: &str) -> bool {
    // 2024-04-11T15:57:24.813Z
    let b = text.as_bytes();
    b.len() == 24
        && b.iter().enumerate().all(|(i, c)| match i {
            4 | 7 => *c == b'-',
            10 => *c == b'T',
            13 | 16 => *c == b':',
            19 => *c == b'.',
            23 => *c == b'Z',
            _ => c.is_ascii_digit(),
        })
}

#[test]
fn health() {
    let dir = scratch("health");
    let server = Server::start(&dir);
    let reply = get(&agent(), &server.url("/"));
    assert_eq!(reply.status, 200);
    assert_eq!(reply.body["status"], "ok");
    assert!(reply.headers.contains_key("x-request-id"));
}

#[test]
fn create_and_get_a_paddle_customer() {
    let dir = scratch("create");
    let server = Server::start(&dir);
    let agent = agent();
    let created = post_json(
        &agent,
        &server.url("/customers"),
        &json!({"email": "jo@example.com", "name": "Jo Brown", "custom_data": {"tier": "gold"}}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.content_type, "application/json");
    let data = &created.body["data"];
    let id = data["id"].as_str().expect("an id");
    assert!(is_customer_id(id), "{id}");
    assert_eq!(data["status"], "active");
    assert_eq!(data["name"], "Jo Brown");
    assert_eq!(data["email"], "jo@example.com");
    assert_eq!(data["custom_data"], json!({"tier": "gold"}));
    assert_eq!(data["marketing_consent"], false);
    assert_eq!(data["locale"], "en");
    assert_eq!(data["import_meta"], Value::Null);
    let created_at = data["created_at"].as_str().expect("created_at");
    assert!(is_rfc3339_millis_z(created_at), "{created_at}");
    assert_eq!(data["updated_at"], data["created_at"]);
    let request_id = created.body["meta"]["request_id"]
        .as_str()
        .expect("request_id");
    assert!(!request_id.is_empty());
    assert_eq!(
        created
            .headers
            .get("location")
            .and_then(|v| v.to_str().ok()),
        Some(format!("/customers/{id}").as_str())
    );
    // The seed's exact key set.
    let mut keys: Vec<&str> = data
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "created_at",
            "custom_data",
            "email",
            "id",
            "import_meta",
            "locale",
            "marketing_consent",
            "name",
            "status",
            "updated_at"
        ]
    );

    let fetched = get(&agent, &server.url(&format!("/customers/{id}")));
    assert_eq!(fetched.status, 200);
    assert_eq!(fetched.body["data"], *data);
    assert_ne!(fetched.body["meta"]["request_id"], request_id);

    // A locale given is kept.
    let created = post_json(
        &agent,
        &server.url("/customers"),
        &json!({"email": "sam@example.com", "locale": "fr-CA"}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    assert_eq!(created.body["data"]["locale"], "fr-CA");
    assert_eq!(created.body["data"]["name"], Value::Null);
}

#[test]
fn every_error_status_is_a_problem() {
    let dir = scratch("errors");
    let server = Server::start(&dir);
    let agent = agent();
    let url = server.url("/customers");

    // 400: malformed JSON, with the location of the error but not the text.
    let reply = post(&agent, &url, "application/json", r#"{"email": "secret-jo@"#);
    assert_problem(&reply, 400);
    assert_eq!(reply.body["errors"][0]["code"], "malformed_json");
    assert_eq!(reply.body["errors"][0]["pointer"], "");

    // 400: an API we do not know.
    let reply = post(
        &agent,
        &server.url("/customers?api=stripe-secret"),
        "application/json",
        r#"{"email": "jo@example.com"}"#,
    );
    assert_problem(&reply, 400);

    // 415: not JSON.
    let reply = post(&agent, &url, "text/plain", r#"{"email": "jo@example.com"}"#);
    assert_problem(&reply, 415);
    let reply = post(
        &agent,
        &url,
        "application/x-www-form-urlencoded",
        "email=jo%40example.com",
    );
    assert_problem(&reply, 415);

    // 413: over 64 KiB.
    let big = json!({"email": "big@example.com", "name": "x".repeat(70 * 1024)});
    let reply = post_json(&agent, &url, &big);
    assert_problem(&reply, 413);
    // Also without a Content-Length (chunked): the server stops reading at the limit.
    let mut chunked = std::io::Cursor::new(big.to_string().into_bytes());
    let reply = read_reply(
        agent
            .post(&url)
            .header("content-type", "application/json")
            .send(ureq::SendBody::from_reader(&mut chunked)),
    );
    assert_problem(&reply, 413);

    // 422: a value breaking a rule, with its pointer, without the value.
    let reply = post_json(&agent, &url, &json!({"email": "secret-not-an-address"}));
    assert_problem(&reply, 422);
    let errors = reply.body["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "{}", reply.body);
    assert_eq!(errors[0]["pointer"], "/email");
    assert_eq!(errors[0]["code"], "email");
    assert!(errors[0]["detail"].is_string());

    // 422: a missing email.
    let reply = post_json(&agent, &url, &json!({"name": "Jo"}));
    assert_problem(&reply, 422);
    assert_eq!(reply.body["errors"][0]["pointer"], "/email");
    assert_eq!(reply.body["errors"][0]["code"], "required");

    // 422: an unknown key in a Paddle request.
    let reply = post_json(
        &agent,
        &url,
        &json!({"email": "jo@example.com", "nickname": "secret-nick"}),
    );
    assert_problem(&reply, 422);
    assert_eq!(
        reply.body["errors"],
        json!([{"pointer": "/nickname", "code": "unknown_field",
                "detail": reply.body["errors"][0]["detail"]}])
    );

    // 409: the same email, in another case.
    let reply = post_json(&agent, &url, &json!({"email": "dup@example.com"}));
    assert_eq!(reply.status, 201, "{}", reply.body);
    let reply = post_json(&agent, &url, &json!({"email": "DUP@Example.COM"}));
    assert_problem(&reply, 409);

    // 404: unknown id, malformed id, unknown route.
    let reply = get(
        &agent,
        &server.url("/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4"),
    );
    assert_problem(&reply, 404);
    let reply = get(&agent, &server.url("/customers/secret-jo@example.com"));
    assert_problem(&reply, 404);
    let reply = get(&agent, &server.url("/nothing-here"));
    assert_problem(&reply, 404);

    // Nothing the client sent is echoed or logged.
    let log = server.log();
    for secret in [
        "secret",
        "jo@example.com",
        "DUP@",
        "dup@example.com",
        "stripe",
    ] {
        assert!(!log.contains(secret), "the log holds {secret:?}:\n{log}");
    }
    for status in ["400", "409", "413", "415", "422", "404", "201"] {
        assert!(
            log.contains(&format!("-> {status}")),
            "no {status} logged:\n{log}"
        );
    }
}

#[test]
fn no_response_echoes_the_value() {
    let dir = scratch("echo");
    let server = Server::start(&dir);
    let agent = agent();
    let url = server.url("/customers");
    for body in [
        json!({"email": "secret-value"}),
        json!({"email": "a@example.com", "secret-key": "secret-value"}),
        json!({"email": ["secret-value"]}),
        json!({"email": "a@example.com", "name": "secret-value".repeat(200)}),
    ] {
        let reply = post_json(&agent, &url, &body);
        assert_problem(&reply, 422);
        let text = reply.body.to_string();
        assert!(!text.contains("secret-value"), "{text}");
    }
}

#[test]
fn other_apis_by_query() {
    let dir = scratch("apis");
    let server = Server::start(&dir);
    let agent = agent();
    let reply = post_json(
        &agent,
        &server.url("/customers?api=legit"),
        &json!({"name": "Lee", "email": "lee@example.com", "custom_identifier": "org-user-123"}),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["data"]["email"], "lee@example.com");
    assert_eq!(reply.body["data"]["name"], "Lee");
    assert_eq!(
        reply.body["data"]["import_meta"],
        json!({"external_id": "org-user-123", "imported_from": "legit"})
    );
    assert!(is_customer_id(
        reply.body["data"]["id"].as_str().unwrap_or_default()
    ));

    // Mollie: its `ll_CC` locale becomes BCP 47; metadata becomes custom_data.
    let reply = post_json(
        &agent,
        &server.url("/customers?api=mollie"),
        &json!({"name": "Mo", "email": "mo@example.com", "locale": "nl_NL",
                "metadata": {"order": 12}}),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["data"]["locale"], "nl-NL");
    assert_eq!(reply.body["data"]["custom_data"], json!({"order": 12}));
    // ... and Mollie's rules apply: its locales are a closed list.
    let reply = post_json(
        &agent,
        &server.url("/customers?api=mollie"),
        &json!({"email": "mo2@example.com", "locale": "xx_XX"}),
    );
    assert_problem(&reply, 422);
    assert_eq!(reply.body["errors"][0]["pointer"], "/locale");

    // Tazapay: phone and addresses are kept in the database; the entity shows what Paddle has.
    let reply = post_json(
        &agent,
        &server.url("/customers?api=tazapay"),
        &json!({
            "name": "Andrew Robin",
            "country": "US",
            "email": "andrew.robin@example.com",
            "phone": {"calling_code": "65", "number": "91234567"},
            "billing_address": [{
                "name": "Andrew Robin",
                "address": {"line1": "1 Raffles Place", "line2": null, "city": "Singapore",
                            "state": null, "country": "SG", "postal_code": "048616"},
                "label": "work"
            }],
            "metadata": "{\"key1\": \"value1\"}"
        }),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["data"]["email"], "andrew.robin@example.com");
    assert_eq!(reply.body["data"]["custom_data"], json!({"key1": "value1"}));

    // A legit body may omit the email, but a Paddle customer needs one.
    let reply = post_json(
        &agent,
        &server.url("/customers?api=legit"),
        &json!({"name": "No Mail"}),
    );
    assert_problem(&reply, 422);
    assert_eq!(reply.body["errors"][0]["pointer"], "/email");

    // What the entity cannot show is still stored.
    drop(server);
    let db = rusqlite::Connection::open(dir.join("customers.db")).expect("db opens");
    let stored: String = db
        .query_row(
            "SELECT customer FROM customers WHERE email = 'andrew.robin@example.com'",
            [],
            |row| row.get(0),
        )
        .expect("stored");
    let stored: Value = serde_json::from_str(&stored).expect("JSON");
    assert_eq!(stored["phone"]["number"], "91234567");
    assert_eq!(stored["billing_addresses"][0]["city"], "Singapore");
    assert_eq!(stored["country"], "US");
}

#[test]
fn customers_survive_a_restart() {
    let dir = scratch("restart");
    let (id, data) = {
        let server = Server::start(&dir);
        let reply = post_json(
            &agent(),
            &server.url("/customers"),
            &json!({"email": "kept@example.com", "name": "Kept"}),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
        let id = reply.body["data"]["id"].as_str().expect("id").to_owned();
        (id, reply.body["data"].clone())
    }; // killed here
    let server = Server::start(&dir);
    let agent = agent();
    let reply = get(&agent, &server.url(&format!("/customers/{id}")));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["data"], data);
    let reply = post_json(
        &agent,
        &server.url("/customers"),
        &json!({"email": "KEPT@example.com"}),
    );
    assert_problem(&reply, 409);
}

/// 2000 creates, 20 at a time: every one succeeds, and every one is in the database.
#[test]
fn concurrent_burst_loses_nothing() {
    const WORKERS: usize = 20;
    const EACH: usize = 100;
    let dir = scratch("burst");
    let server = Server::start(&dir);
    let url = server.url("/customers");
    let ids: Vec<String> = thread::scope(|scope| {
        let handles: Vec<_> = (0..WORKERS)
            .map(|worker| {
                let url = &url;
                scope.spawn(move || {
                    let agent = agent();
                    (0..EACH)
                        .map(|i| {
                            let body = json!({"email": format!("w{worker}-n{i}@example.com")});
                            let reply = post_json(&agent, url, &body);
                            assert_eq!(reply.status, 201, "{}", reply.body);
                            reply.body["data"]["id"]
                                .as_str()
                                .unwrap_or_default()
                                .to_owned()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    assert_eq!(ids.len(), WORKERS * EACH);
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), WORKERS * EACH, "ids are unique");
    assert!(ids.iter().all(|id| is_customer_id(id)));

    // Spot-check reads, then count the rows in the database itself.
    let agent = agent();
    for id in ids.iter().step_by(97) {
        assert_eq!(
            get(&agent, &server.url(&format!("/customers/{id}"))).status,
            200
        );
    }
    drop(server);
    let db = rusqlite::Connection::open(dir.join("customers.db")).expect("db opens");
    let rows: i64 = db
        .query_row("SELECT count(*) FROM customers", [], |row| row.get(0))
        .expect("count");
    assert_eq!(rows, (WORKERS * EACH) as i64);
}

/// 20 clients race to create the same email (in different cases): exactly one wins.
#[test]
fn concurrent_duplicates_get_one_201() {
    let dir = scratch("race");
    let server = Server::start(&dir);
    let url = server.url("/customers");
    let statuses: Vec<u16> = thread::scope(|scope| {
        let handles: Vec<_> = (0..20)
            .map(|i| {
                let url = &url;
                scope.spawn(move || {
                    let email = if i % 2 == 0 {
                        "race@example.com"
                    } else {
                        "RACE@example.com"
                    };
                    post_json(&agent(), url, &json!({ "email": email })).status
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("client"))
            .collect()
    });
    assert_eq!(
        statuses.iter().filter(|&&s| s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|&&s| s == 409).count(),
        19,
        "{statuses:?}"
    );
}

/// Whatever arrives, the answer is a 4xx problem: never a 500, never a crash. The server is still
/// up and healthy afterwards, and it logged no 5xx.
#[test]
fn hostile_bodies_get_a_4xx_never_a_5xx() {
    let dir = scratch("hostile");
    let mut server = Server::start(&dir);
    let agent = agent();
    let deep_arrays = format!("{}{}", "[".repeat(30_000), "]".repeat(30_000));
    let deep_objects = format!("{}1{}", r#"{"a":"#.repeat(10_000), "}".repeat(10_000));
    let under_a_key = format!(
        r#"{{"email":"jo@example.com","custom_data":{}{}}}"#,
        "[".repeat(20_000),
        "]".repeat(20_000)
    );
    let bodies: Vec<(String, &str)> = vec![
        (deep_arrays, "application/json"),
        (deep_objects, "application/json"),
        (under_a_key, "application/json"),
        (String::new(), "application/json"),
        ("not json at all".to_owned(), "application/json"),
        ("[]".to_owned(), "application/json"),
        ("null".to_owned(), "application/json"),
        ("123".to_owned(), "application/json"),
        (
            "\u{feff}{\"email\":\"jo@example.com\"}".to_owned(),
            "application/json",
        ),
        (
            "{\"email\":\"jo\u{0}@example.com\"}".to_owned(),
            "application/json",
        ),
        (
            r#"{"email":"jo\u0000@example.com"}"#.to_owned(),
            "application/json",
        ),
        (
            r#"{"email":"jo@example.com","name":{"first":"Jo"}}"#.to_owned(),
            "application/json",
        ),
        (
            r#"{"email":"jo@example.com","metadata":12}"#.to_owned(),
            "application/json",
        ),
        // Over the 64 KiB limit, within the 1 MiB the server reads and drops to answer.
        ("x".repeat(1 << 20), "application/json"),
    ];
    for api in ["paddle", "mollie", "tazapay", "legit"] {
        let url = server.url(&format!("/customers?api={api}"));
        for (body, content_type) in &bodies {
            let reply = post(&agent, &url, content_type, body);
            assert!(
                (400..500).contains(&reply.status),
                "{api}: {} for a body of {} bytes",
                reply.status,
                body.len()
            );
            assert_problem(&reply, reply.status);
        }
    }
    // 50 MB: refused (413) or cut off unread; either way the server lives on.
    let huge = "x".repeat(50 << 20);
    if let Ok(mut response) = agent
        .post(&server.url("/customers"))
        .header("content-type", "application/json")
        .send(&huge)
    {
        assert_eq!(response.status().as_u16(), 413);
        let _ = response.body_mut().read_to_string();
    }
    assert_eq!(get(&agent, &server.url("/")).status, 200);
    assert!(
        server.child.try_wait().expect("status").is_none(),
        "the server exited"
    );
    let log = server.log();
    assert!(
        log.lines().all(|line| !line.contains(" -> 5")),
        "a 5xx was logged:\n{log}"
    );
    assert!(log.contains(" -> 413 "), "{log}");
}
