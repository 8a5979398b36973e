//! End to end: the example server (`customer-model-server`) run as a process, driven over loopback
//! by a real HTTP client (ureq), once on a SQLite file (`sqlite::*`) and once on a PostgreSQL
//! database (`postgres::*`; see `support` for how the cluster is found).

mod support;

use std::thread;

use customer_core::providers::Api;
use serde_json::{json, Value};

use support::*;

/// Each test once per store: `sqlite::NAME` and `postgres::NAME`.
macro_rules! on_both_stores {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[test]
                fn $name() {
                    super::$name(&super::Db::sqlite(stringify!($name)));
                }
            )*
        }
        mod postgres {
            $(
                #[test]
                fn $name() {
                    if let Some(db) = super::Db::postgres(stringify!($name)) {
                        super::$name(&db);
                    }
                }
            )*
        }
    };
}

on_both_stores!(
    health,
    create_and_get_a_paddle_customer,
    every_error_status_is_a_problem,
    no_response_echoes_the_value,
    other_apis_by_query,
    customers_survive_a_restart,
    concurrent_burst_loses_nothing,
    concurrent_duplicates_get_one_201,
    hostile_bodies_get_a_4xx_never_a_5xx,
    list_pages_in_creation_order,
    patch_a_customer,
    archived_customers_by_status,
    openapi_describes_every_exchange,
    problems_in_the_language_the_request_accepts,
    not_found_and_conflict_in_the_language_the_request_accepts,
);

/// 404 (no such customer, nothing at the address) and 409 (the email is taken): the `detail`
/// in the language `Accept-Language` negotiates, named by `Content-Language`; the status, type
/// and title as in English.
fn not_found_and_conflict_in_the_language_the_request_accepts(db: &Db) {
    let server = Server::start(db);
    let agent = agent();
    let created = post_json(
        &agent,
        &server.url("/customers"),
        &json!({"email": "jo@example.com"}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let language = |reply: &Reply| {
        reply
            .headers
            .get("content-language")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let send = |method: &str, path: &str, accept: Option<&str>, body: Option<&str>| {
        let url = server.url(path);
        let reply = match (method, body) {
            ("GET", _) => {
                let mut request = agent.get(&url);
                if let Some(accept) = accept {
                    request = request.header("accept-language", accept);
                }
                read_reply(request.call())
            }
            (_, body) => {
                let mut request = agent.post(&url).header("content-type", "application/json");
                if let Some(accept) = accept {
                    request = request.header("accept-language", accept);
                }
                read_reply(request.send(body.unwrap_or("{}")))
            }
        };
        let request = body.and_then(|b| serde_json::from_str::<Value>(b).ok());
        openapi::check(method, &url, request.as_ref(), &reply);
        reply
    };
    let missing = "/customers/ctm_00000000000000000000000000";
    let taken = r#"{"email": "JO@example.com"}"#;
    for (method, path, body, status, german) in [
        (
            "GET",
            missing,
            None,
            404,
            "es gibt keinen Kunden mit dieser ID",
        ),
        (
            "GET",
            "/nowhere",
            None,
            404,
            "unter dieser Adresse gibt es nichts",
        ),
        (
            "POST",
            "/customers",
            Some(taken),
            409,
            "es gibt bereits einen Kunden mit dieser E-Mail-Adresse",
        ),
    ] {
        let english = send(method, path, None, body);
        assert_problem(&english, status);
        assert_eq!(language(&english), "en");
        let de = send(method, path, Some("de-CH, en;q=0.3"), body);
        assert_problem(&de, status);
        assert_eq!(language(&de), "de", "{path}");
        assert_eq!(de.body["detail"], german, "{}", de.body);
        assert_eq!(de.body["type"], english.body["type"]);
        assert_eq!(de.body["title"], english.body["title"]);
        assert_ne!(de.body["detail"], english.body["detail"]);
    }
}

fn health(db: &Db) {
    let server = Server::start(db);
    for path in ["/", "/health"] {
        let reply = get(&agent(), &server.url(path));
        assert_eq!(reply.status, 200);
        assert_eq!(reply.body["status"], "ok");
        assert!(reply.headers.contains_key("x-request-id"));
    }
}

fn create_and_get_a_paddle_customer(db: &Db) {
    let server = Server::start(db);
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

fn every_error_status_is_a_problem(db: &Db) {
    let server = Server::start(db);
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
        &server.url("/customers?api=adyen-secret"),
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
    assert!(
        reply.body["type"]
            .as_str()
            .is_some_and(|kind| kind.ends_with("#code-problem-media-type")),
        "{}",
        reply.body
    );
    // 415 too, with a type of its own: JSON said to be in another charset than UTF-8.
    let reply = post(
        &agent,
        &url,
        "application/json; charset=iso-8859-1",
        r#"{"email": "jo@example.com"}"#,
    );
    assert_problem(&reply, 415);
    assert!(
        reply.body["type"]
            .as_str()
            .is_some_and(|kind| kind.ends_with("#code-problem-charset")),
        "{}",
        reply.body
    );

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
    assert_eq!(reply.body["errors"][0]["code"], "missing_field");

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
                "detail": reply.body["errors"][0]["detail"],
                "type": "https://example.invalid/customer-model/blob/main/README.md#code-unknown_field"}])
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
        "adyen",
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

fn no_response_echoes_the_value(db: &Db) {
    let server = Server::start(db);
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

fn other_apis_by_query(db: &Db) {
    let server = Server::start(db);
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

    // Stripe: its create request in JSON form; the first preferred locale, metadata as
    // custom_data, the address kept in the database.
    let reply = post_json(
        &agent,
        &server.url("/customers?api=stripe"),
        &json!({"name": "Jenny Rosen", "email": "jenny@example.com",
                "preferred_locales": ["nl-NL", "en"], "metadata": {"order_id": "6735"},
                "phone": "+31 20 123 4567", "address": {"country": "NL", "city": "Amsterdam"}}),
    );
    assert_eq!(reply.status, 201, "{}", reply.body);
    assert_eq!(reply.body["data"]["locale"], "nl-NL");
    assert_eq!(
        reply.body["data"]["custom_data"],
        json!({"order_id": "6735"})
    );
    // ... and Stripe's rules apply: a metadata key is at most 40 characters.
    let long_key = "k".repeat(41);
    let reply = post_json(
        &agent,
        &server.url("/customers?api=stripe"),
        &json!({"email": "jenny2@example.com", "metadata": {long_key.clone(): "v"}}),
    );
    assert_problem(&reply, 422);
    assert_eq!(
        reply.body["errors"][0]["pointer"],
        format!("/metadata/{long_key}")
    );

    // A legit body may omit the email, but a Paddle customer needs one.
    let reply = post_json(
        &agent,
        &server.url("/customers?api=legit"),
        &json!({"name": "No Mail"}),
    );
    assert_problem(&reply, 422);
    assert_eq!(reply.body["errors"][0]["pointer"], "/email");

    // A document of another API (a Paddle webhook) is not a Mollie or Legit body: refused as a
    // whole, naming the API, before any rule.
    for api in ["mollie", "legit"] {
        let reply = post_json(
            &agent,
            &server.url(&format!("/customers?api={api}")),
            &json!({"event_id": "evt_01h", "event_type": "customer.created", "data": {}}),
        );
        assert_problem(&reply, 422);
        assert_eq!(reply.body["errors"][0]["code"], "not_this_api", "{api}");
        assert_eq!(reply.body["errors"][0]["pointer"], "", "{api}");
    }

    // What the entity cannot show is still stored.
    drop(server);
    let stored = db.stored("andrew.robin@example.com");
    assert_eq!(stored["phone"]["number"], "91234567");
    assert_eq!(stored["billing_addresses"][0]["city"], "Singapore");
    assert_eq!(stored["country"], "US");
    let stored = db.stored("jenny@example.com");
    assert_eq!(
        stored["phone"],
        json!({"calling_code": "31", "number": "201234567"})
    );
    assert_eq!(stored["billing_addresses"][0]["city"], "Amsterdam");
}

fn customers_survive_a_restart(db: &Db) {
    let (id, data) = {
        let server = Server::start(db);
        let reply = post_json(
            &agent(),
            &server.url("/customers"),
            &json!({"email": "kept@example.com", "name": "Kept"}),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
        let id = reply.body["data"]["id"].as_str().expect("id").to_owned();
        (id, reply.body["data"].clone())
    }; // killed here
    let server = Server::start(db);
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
fn concurrent_burst_loses_nothing(db: &Db) {
    const WORKERS: usize = 20;
    const EACH: usize = 100;
    let server = Server::start(db);
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
    let rows = db.count();
    assert_eq!(rows, (WORKERS * EACH) as i64);
}

/// 20 clients race to create the same email (in different cases): exactly one wins.
fn concurrent_duplicates_get_one_201(db: &Db) {
    let server = Server::start(db);
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
fn hostile_bodies_get_a_4xx_never_a_5xx(db: &Db) {
    let mut server = Server::start(db);
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

/// `GET /customers`: pages in creation order, Paddle's `meta.pagination`, bad parameters refused.
fn list_pages_in_creation_order(db: &Db) {
    let server = Server::start(db);
    let agent = agent();
    let mut ids = Vec::new();
    for i in 0..7 {
        let reply = post_json(
            &agent,
            &server.url("/customers"),
            &json!({"email": format!("page{i}@example.com")}),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
        ids.push(reply.body["data"]["id"].as_str().expect("id").to_owned());
    }
    let mut listed = Vec::new();
    let mut next = "/customers?per_page=3".to_owned();
    let mut pages = Vec::new();
    loop {
        let reply = get(&agent, &server.url(&next));
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.content_type, "application/json");
        let data = reply.body["data"].as_array().expect("data");
        pages.push(data.len());
        for entity in data {
            listed.push(entity["id"].as_str().expect("id").to_owned());
            assert_eq!(entity["status"], "active");
        }
        // What the library's own Paddle reader makes of the page.
        let read = Api::Paddle
            .decode_list(&reply.body.to_string())
            .unwrap_or_else(|error| panic!("a Paddle list page: {error}"));
        assert_eq!(read.customers.len(), data.len());
        assert_eq!(
            read.customers
                .iter()
                .map(|c| c.id.clone())
                .collect::<Vec<_>>(),
            data.iter()
                .map(|c| c["id"].as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        );
        let meta = &reply.body["meta"];
        assert!(meta["request_id"].is_string(), "{meta}");
        let pagination = &meta["pagination"];
        assert_eq!(pagination["per_page"], 3);
        assert_eq!(pagination["estimated_total"], 7);
        let next_url = pagination["next"].as_str().expect("next");
        let prefix = server.url("/customers?");
        assert!(next_url.starts_with(&prefix), "{next_url}");
        next = next_url.replacen(&server.base, "", 1);
        if pagination["has_more"] == false {
            break;
        }
        assert!(pages.len() < 5, "{pages:?}");
    }
    assert_eq!(pages, [3, 3, 1]);
    assert_eq!(listed, ids, "every customer once, in creation order");
    // The default page holds up to 50; the entity is the same as GET /customers/{id} shows.
    let reply = get(&agent, &server.url("/customers"));
    assert_eq!(reply.body["meta"]["pagination"]["per_page"], 50);
    assert_eq!(reply.body["data"].as_array().map(Vec::len), Some(7));
    let one = get(&agent, &server.url(&format!("/customers/{}", ids[4])));
    assert_eq!(reply.body["data"][4], one.body["data"]);
    // After the last one: an empty page.
    let reply = get(&agent, &server.url(&format!("/customers?after={}", ids[6])));
    assert_eq!(reply.body["data"], json!([]));
    assert_eq!(reply.body["meta"]["pagination"]["has_more"], false);
    // Bad parameters are 400 problems that do not repeat the value.
    for query in [
        "per_page=0",
        "per_page=201",
        "per_page=secret",
        "after=secret-jo@example.com",
        "status=secret",
        "after=%FF",
    ] {
        let reply = get(&agent, &server.url(&format!("/customers?{query}")));
        assert_problem(&reply, 400);
        assert!(!reply.body.to_string().contains("secret"), "{}", reply.body);
    }
    assert!(!server.log().contains("secret"));
}

/// `PATCH /customers/{id}`: absent keeps, null clears, a value is validated; 404, 409, 422.
fn patch_a_customer(db: &Db) {
    let server = Server::start(db);
    let agent = agent();
    let create = |body: Value| {
        let reply = post_json(&agent, &server.url("/customers"), &body);
        assert_eq!(reply.status, 201, "{}", reply.body);
        reply.body["data"].clone()
    };
    let jo =
        create(json!({"email": "jo@example.com", "name": "Jo", "custom_data": {"tier": "gold"}}));
    create(json!({"email": "sam@example.com"}));
    let id = jo["id"].as_str().expect("id").to_owned();
    let url = server.url(&format!("/customers/{id}"));

    // A value replaces; what is left out is kept.
    let reply = patch_json(&agent, &url, &json!({"name": "Jo Brown"}));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.content_type, "application/json");
    let data = &reply.body["data"];
    assert_eq!(data["name"], "Jo Brown");
    assert_eq!(data["email"], "jo@example.com");
    assert_eq!(data["custom_data"], json!({"tier": "gold"}));
    assert_eq!(data["created_at"], jo["created_at"]);
    let updated_at = data["updated_at"].as_str().expect("updated_at");
    assert!(is_rfc3339_millis_z(updated_at), "{updated_at}");
    assert!(updated_at >= jo["created_at"].as_str().expect("created_at"));
    assert!(reply.body["meta"]["request_id"].is_string());
    assert_eq!(get(&agent, &url).body["data"], *data);

    // Null clears.
    let reply = patch_json(&agent, &url, &json!({"custom_data": null, "name": null}));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["data"]["custom_data"], Value::Null);
    assert_eq!(reply.body["data"]["name"], Value::Null);
    assert_eq!(reply.body["data"]["email"], "jo@example.com");

    // Another customer's email, in another case: 409, nothing changed. Its own, in another case: 200.
    let reply = patch_json(
        &agent,
        &url,
        &json!({"email": "SAM@example.com", "name": "Not Saved"}),
    );
    assert_problem(&reply, 409);
    assert_eq!(get(&agent, &url).body["data"]["name"], Value::Null);
    let reply = patch_json(&agent, &url, &json!({"email": "JO@example.com"}));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["data"]["email"], "JO@example.com");

    // Every violation listed, no value repeated, nothing changed.
    let reply = patch_json(
        &agent,
        &url,
        &json!({"email": "secret-not-an-address", "locale": "secret locale", "name": "Kept Out"}),
    );
    assert_problem(&reply, 422);
    let pointers: Vec<&str> = reply.body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    assert!(
        pointers.contains(&"/email") && pointers.contains(&"/locale"),
        "{pointers:?}"
    );
    assert!(!reply.body.to_string().contains("secret"), "{}", reply.body);
    assert_eq!(get(&agent, &url).body["data"]["email"], "JO@example.com");
    // Paddle cannot clear an email.
    let reply = patch_json(&agent, &url, &json!({"email": null}));
    assert_problem(&reply, 422);
    assert_eq!(reply.body["errors"][0]["pointer"], "/email");

    // 404 for an unknown or malformed id; 400/415 as for a create.
    let reply = patch_json(
        &agent,
        &server.url("/customers/ctm_01hv6y1jedq4p1n0yqn5ba3ky4"),
        &json!({"name": "Nobody"}),
    );
    assert_problem(&reply, 404);
    let reply = patch_json(&agent, &server.url("/customers/secret-id"), &json!({}));
    assert_problem(&reply, 404);
    let reply = read_reply(
        agent
            .patch(&url)
            .header("content-type", "application/json")
            .send("{\"name\": \"secret"),
    );
    assert_problem(&reply, 400);
    let reply = read_reply(
        agent
            .patch(&url)
            .header("content-type", "text/plain")
            .send("{}"),
    );
    assert_problem(&reply, 415);

    // An empty update changes nothing.
    let before = get(&agent, &url).body["data"].clone();
    let reply = patch_json(&agent, &url, &json!({}));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["data"], before);

    // The other APIs' update bodies: Mollie's ll_CC locale and metadata; Tazapay's metadata string
    // and phone (stored, not part of a Paddle entity); Legit has none.
    let reply = patch_json(
        &agent,
        &server.url(&format!("/customers/{id}?api=mollie")),
        &json!({"locale": "nl_NL", "metadata": {"order": 12}}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["data"]["locale"], "nl-NL");
    assert_eq!(reply.body["data"]["custom_data"], json!({"order": 12}));
    let reply = patch_json(
        &agent,
        &server.url(&format!("/customers/{id}?api=tazapay")),
        &json!({"phone": {"calling_code": "65", "number": "91234567"},
                "metadata": "{\"key1\": \"value1\"}"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["data"]["custom_data"], json!({"key1": "value1"}));
    assert_eq!(reply.body["data"]["locale"], "nl-NL");
    let reply = patch_json(
        &agent,
        &server.url(&format!("/customers/{id}?api=legit")),
        &json!({"name": "Lee"}),
    );
    assert_problem(&reply, 422);
    // Stripe's update: `null` unsets, the first preferred locale is the locale.
    let reply = patch_json(
        &agent,
        &server.url(&format!("/customers/{id}?api=stripe")),
        &json!({"name": null, "preferred_locales": ["de-CH", "en"]}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["data"]["locale"], "de-CH");
    assert_eq!(reply.body["data"]["name"], Value::Null);
    let reply = patch_json(
        &agent,
        &server.url(&format!("/customers/{id}?api=stripe")),
        &json!({"name": "Jo", "nickname": "Jo"}),
    );
    assert_problem(&reply, 422);
    assert_eq!(reply.body["errors"][0]["pointer"], "/nickname");

    let log = server.log();
    assert!(!log.contains("secret"), "{log}");
    assert!(log.contains("PATCH /customers/{id} -> 200"), "{log}");
    drop(server);
    assert_eq!(db.stored("JO@example.com")["phone"]["number"], "91234567");
}

/// Archiving (`PATCH {"status": "archived"}`) takes a customer out of the default list;
/// `status=archived` lists it, `status=active,archived` lists both.
fn archived_customers_by_status(db: &Db) {
    let server = Server::start(db);
    let agent = agent();
    let mut ids = Vec::new();
    for i in 0..3 {
        let reply = post_json(
            &agent,
            &server.url("/customers"),
            &json!({"email": format!("arch{i}@example.com")}),
        );
        assert_eq!(reply.status, 201, "{}", reply.body);
        ids.push(reply.body["data"]["id"].as_str().expect("id").to_owned());
    }
    let reply = patch_json(
        &agent,
        &server.url(&format!("/customers/{}", ids[1])),
        &json!({"status": "archived"}),
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["data"]["status"], "archived");
    let listed = |query: &str| -> (Vec<String>, Value) {
        let reply = get(&agent, &server.url(&format!("/customers{query}")));
        assert_eq!(reply.status, 200, "{}", reply.body);
        let ids = reply.body["data"]
            .as_array()
            .expect("data")
            .iter()
            .map(|c| c["id"].as_str().unwrap_or_default().to_owned())
            .collect();
        (
            ids,
            reply.body["meta"]["pagination"]["estimated_total"].clone(),
        )
    };
    assert_eq!(listed(""), (vec![ids[0].clone(), ids[2].clone()], json!(2)));
    assert_eq!(listed("?status=archived"), (vec![ids[1].clone()], json!(1)));
    assert_eq!(listed("?status=active,archived"), (ids.clone(), json!(3)));
    // Still readable by id, and back to active.
    let url = server.url(&format!("/customers/{}", ids[1]));
    assert_eq!(get(&agent, &url).body["data"]["status"], "archived");
    let reply = patch_json(&agent, &url, &json!({"status": "active"}));
    assert_eq!(reply.body["data"]["status"], "active");
    assert_eq!(listed("").0, ids);
    // A status cannot be cleared.
    let reply = patch_json(&agent, &url, &json!({"status": null}));
    assert_problem(&reply, 422);
}

/// `GET /openapi.json` is an OpenAPI 3.1 document whose schemas come from the derive; every
/// exchange of this suite is checked against it (`support::openapi`), and this test makes sure
/// each kind of answer is among them.
fn openapi_describes_every_exchange(db: &Db) {
    let server = Server::start(db);
    let agent = agent();
    let doc = get(&agent, &server.url("/openapi.json")).body;
    assert_eq!(doc["openapi"], "3.1.0");
    let schemas = doc["components"]["schemas"]
        .as_object()
        .expect("components");
    // The rules are in the schemas: Paddle's create request, the problem document.
    let request = &schemas["CreateCustomerRequest"];
    assert_eq!(
        request["properties"]["email"]["format"], "email",
        "{request}"
    );
    assert!(schemas.contains_key("ProblemDocument"));
    // The bodies follow `?api=`, which OpenAPI cannot tie to a body schema: this document is that
    // of the requests without it (Paddle's shapes only), one document per API has the others.
    let create = &doc["paths"]["/customers"]["post"];
    let shapes = create["requestBody"]["content"]["application/json"]["schema"]["anyOf"]
        .as_array()
        .expect("anyOf")
        .iter()
        // Each shape is its model's schema, guarded as `Api::decode` chooses (`allOf` the `$ref`
        // and the keys that choose it).
        .map(|shape| {
            shape["$ref"]
                .as_str()
                .or(shape["allOf"][0]["$ref"].as_str())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>();
    assert_eq!(
        shapes,
        [
            "#/components/schemas/Notification",
            "#/components/schemas/CustomerResponse",
            "#/components/schemas/Customer",
            "#/components/schemas/CreateCustomerRequest"
        ]
    );
    // A Paddle notification is a union on `event_type`: one variant per customer event, each the
    // referenced event with its tag, and the OpenAPI discriminator that maps the tag to it.
    let notification = &schemas["Notification"];
    let event = "#/components/schemas/CustomerEvent";
    assert_eq!(
        notification["discriminator"],
        json!({"propertyName": "event_type", "mapping": {
            "customer.created": event, "customer.updated": event, "customer.imported": event
        }})
    );
    let variants = notification["oneOf"].as_array().expect("oneOf");
    assert_eq!(variants.len(), 3);
    assert_eq!(variants[1]["allOf"][0]["$ref"], event);
    assert_eq!(
        variants[1]["allOf"][1]["properties"]["event_type"],
        json!({"const": "customer.updated"})
    );
    assert_eq!(variants[1]["allOf"][1]["required"], json!(["event_type"]));
    assert_eq!(
        schemas["CustomerEvent"]["properties"]["event_id"]["pattern"],
        "^evt_[0-9a-z]{26}$"
    );
    assert_eq!(create["parameters"][0]["schema"]["enum"], json!(["paddle"]));
    assert_eq!(create["parameters"][0]["required"], false);
    // `status` is a list of known statuses, as the server reads it: never empty.
    let status = &doc["paths"]["/customers"]["get"]["parameters"][2];
    assert_eq!(status["name"], "status");
    assert_eq!(status["schema"]["minItems"], 1);
    assert_eq!(
        status["schema"]["items"]["enum"],
        json!(["active", "archived"])
    );
    assert_problem(&get(&agent, &server.url("/customers?status=")), 400);
    let mollie_doc = get(&agent, &server.url("/openapi.json?api=mollie")).body;
    let create = &mollie_doc["paths"]["/customers"]["post"];
    assert_eq!(create["parameters"][0]["schema"]["enum"], json!(["mollie"]));
    assert_eq!(create["parameters"][0]["required"], true);
    assert!(mollie_doc["components"]["schemas"]
        .as_object()
        .unwrap()
        .contains_key("GetCustomerResponse"));
    // Legit has no update request: its document has no `PATCH`.
    let legit_doc = get(&agent, &server.url("/openapi.json?api=legit")).body;
    assert!(legit_doc["paths"]["/customers/{id}"].get("patch").is_none());
    assert!(legit_doc["paths"]["/customers/{id}"].get("get").is_some());
    assert_problem(&get(&agent, &server.url("/openapi.json?api=adyen")), 400);
    let before = openapi::checked();
    let created = post_json(
        &agent,
        &server.url("/customers"),
        &json!({"email": "ann@example.com", "name": "Ann", "locale": "nl", "custom_data": {"a": 1}}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body["data"]["id"].as_str().unwrap().to_owned();
    let url = server.url(&format!("/customers/{id}"));
    assert_eq!(get(&agent, &url).status, 200);
    let patched = patch_json(&agent, &url, &json!({"name": null, "locale": "de-DE"}));
    assert_eq!(patched.status, 200, "{}", patched.body);
    assert_eq!(
        get(&agent, &server.url("/customers?per_page=1")).status,
        200
    );
    let mollie = post_json(
        &agent,
        &server.url("/customers?api=mollie"),
        &json!({"name": "Bo", "email": "bo@example.com", "locale": "en_US"}),
    );
    assert_eq!(mollie.status, 201, "{}", mollie.body);
    assert_problem(
        &post_json(&agent, &server.url("/customers"), &json!({"email": "x"})),
        422,
    );
    assert_problem(
        &post_json(
            &agent,
            &server.url("/customers"),
            &json!({"email": "ann@example.com"}),
        ),
        409,
    );
    assert_problem(
        &post(&agent, &server.url("/customers"), "application/json", "{"),
        400,
    );
    assert_problem(
        &post(&agent, &server.url("/customers"), "text/plain", "{}"),
        415,
    );
    assert_problem(
        &get(
            &agent,
            &server.url("/customers/ctm_00000000000000000000000000"),
        ),
        404,
    );
    assert_problem(&get(&agent, &server.url("/nowhere")), 404);
    // 11 responses and the 3 requests that were accepted (a 201 and a 200 for Paddle, a 201 for
    // Mollie).
    assert_eq!(openapi::checked() - before, 14);
}

/// A mixed document (a shape error, rule violations, a missing value): the same pointers, codes
/// and types in every language, the messages, title and detail in the one `Accept-Language`
/// negotiates, named by `Content-Language`; never the rejected value.
fn problems_in_the_language_the_request_accepts(db: &Db) {
    let server = Server::start(db);
    let agent = agent();
    let url = server.url("/customers");
    let body = json!({
        "email": "secret-not-an-address",
        "name": 42,
        "locale": "secret_Locale",
        "custom_data": "secret",
    })
    .to_string();
    let send = |accept: Option<&str>| {
        let mut request = agent.post(&url).header("content-type", "application/json");
        if let Some(accept) = accept {
            request = request.header("accept-language", accept);
        }
        read_reply(request.send(body.as_str()))
    };
    let english = send(None);
    assert_problem(&english, 422);
    let language = |reply: &Reply| {
        reply
            .headers
            .get("content-language")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(language(&english), "en");
    let en_errors = english.body["errors"].as_array().expect("errors").clone();
    assert!(en_errors.len() >= 3, "{}", english.body);
    for (accept, lang, required) in [
        ("nl-BE, en;q=0.5", "nl", "moet een geldig e-mailadres zijn"),
        ("de-CH", "de", "muss eine gültige E-Mail-Adresse sein"),
        ("fr;q=0.9, sv", "fr", "doit être une adresse e-mail valide"),
        (
            "es-419",
            "es",
            "debe ser una dirección de correo electrónico válida",
        ),
        (
            "ja, it;q=0.2",
            "it",
            "deve essere un indirizzo email valido",
        ),
        ("pt-BR", "pt", "deve ser um endereço de e-mail válido"),
        (
            "pl;q=1.0, de;q=0.9",
            "pl",
            "musi być prawidłowym adresem e-mail",
        ),
        ("ja", "en", "must be a valid email address"),
    ] {
        let reply = send(Some(accept));
        assert_problem(&reply, 422);
        assert_eq!(language(&reply), lang, "{accept}");
        let errors = reply.body["errors"].as_array().expect("errors");
        assert_eq!(errors.len(), en_errors.len(), "{accept}");
        for (ours, theirs) in errors.iter().zip(&en_errors) {
            for key in ["pointer", "code", "type"] {
                assert_eq!(ours[key], theirs[key], "{accept}: {key}");
            }
            if lang != "en" {
                assert_ne!(ours["detail"], theirs["detail"], "{accept}: {ours}");
            }
        }
        let email = errors
            .iter()
            .find(|e| e["pointer"] == "/email")
            .expect("the email's violation");
        assert_eq!(email["detail"], required, "{accept}");
        assert_eq!(reply.body["type"], english.body["type"]);
        if lang != "en" {
            assert_ne!(reply.body["title"], english.body["title"], "{accept}");
            assert_ne!(reply.body["detail"], english.body["detail"], "{accept}");
        }
        let text = reply.body.to_string();
        assert!(!text.contains("secret"), "{text}");
    }
}
