//! What a deployment needs from the server process: graceful shutdown on SIGTERM, a request
//! timeout, a concurrency limit, a health check that asks the database, and problem documents for
//! unknown routes and methods.

mod support;

use serde_json::json;

use support::*;

/// SIGTERM while a request is under way: the request is answered (and its customer stored), then
/// the process exits with success.
fn sigterm_finishes_requests_under_way(db: &Db) {
    let mut server = Server::start(db);
    let mut held = HeldRequest::post(
        &server,
        "/customers",
        r#"{"email": "inflight@example.com"}"#,
    );
    held.await_continue();
    server.terminate();
    let (status, body) = held.finish();
    assert_eq!(status, 201, "{body}");
    let id = body["data"]["id"].as_str().expect("id").to_owned();
    let exit = server.wait_exit();
    assert!(exit.success(), "{exit:?}");
    let log = server.log();
    assert!(log.contains("shutting down"), "{log}");
    assert!(log.contains("POST /customers -> 201"), "{log}");
    // Stored: a new process reads it.
    let server = Server::start_with(db, "after", &[]);
    let reply = get(&agent(), &server.url(&format!("/customers/{id}")));
    assert_eq!(reply.status, 200, "{}", reply.body);
}

#[test]
fn sqlite_sigterm_finishes_requests_under_way() {
    sigterm_finishes_requests_under_way(&Db::sqlite("sigterm"));
}

#[test]
fn postgres_sigterm_finishes_requests_under_way() {
    if let Some(db) = Db::postgres("sigterm") {
        sigterm_finishes_requests_under_way(&db);
    }
}

/// A request that does not complete within `--request-timeout-ms` (here: its body never comes) is
/// answered 503, and the server goes on.
#[test]
fn a_request_past_the_timeout_is_answered_503() {
    let db = Db::sqlite("timeout");
    let server = Server::start_with(&db, "server", &["--request-timeout-ms", "300"]);
    // The body never comes. (Whether the handler got to ask for it, with `100 Continue`, before
    // the timeout depends on the machine's load: the answer is read past any interim response.)
    let held = HeldRequest::post(&server, "/customers", r#"{"email": "slow@example.com"}"#);
    let (status, body) = held.read_answer();
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["status"], 503);
    assert!(
        body["detail"]
            .as_str()
            .is_some_and(|d| d.contains("too long")),
        "{body}"
    );
    assert_eq!(get(&agent(), &server.url("/health")).status, 200);
    assert_eq!(db.count(), 0);
}

/// Past `--max-concurrency` requests at once, one more is answered 503 with `Retry-After` at
/// once; the request under way is not disturbed.
#[test]
fn past_the_concurrency_limit_the_answer_is_503() {
    let db = Db::sqlite("limit");
    let server = Server::start_with(&db, "server", &["--max-concurrency", "1"]);
    let agent = agent();
    let mut held = HeldRequest::post(&server, "/customers", r#"{"email": "first@example.com"}"#);
    held.await_continue();
    let reply = get(&agent, &server.url("/health"));
    assert_problem(&reply, 503);
    assert_eq!(
        reply
            .headers
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("1")
    );
    let (status, body) = held.finish();
    assert_eq!(status, 201, "{body}");
    // The permit is back.
    assert_eq!(get(&agent, &server.url("/health")).status, 200);
}

#[test]
fn unknown_routes_and_methods_are_problems() {
    let db = Db::sqlite("routes");
    let server = Server::start(&db);
    let agent = agent();
    let reply = get(&agent, &server.url("/nothing-here"));
    assert_problem(&reply, 404);
    let reply = read_reply(agent.delete(&server.url("/customers")).call());
    assert_problem(&reply, 405);
    let allow = reply
        .headers
        .get("allow")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow:?}");
    let reply = read_reply(
        agent
            .put(&server.url("/health"))
            .header("content-type", "application/json")
            .send(json!({}).to_string()),
    );
    assert_problem(&reply, 405);
    let log = server.log();
    assert!(log.contains("DELETE /customers -> 405"), "{log}");
}

/// Every problem the server answers with follows `Accept-Language` (here German, `de-CH`), named
/// by `Content-Language`, and falls back to English for a language it does not have (`ja`):
/// 405, 400 (an unknown `api`, a bad query parameter, a malformed body), 415, 503 (a timeout,
/// the concurrency limit, a webhook route without a secret) and the webhook's 401. The status,
/// `type` and `title` do not depend on the language.
#[test]
fn every_problem_follows_accept_language() {
    let db = Db::sqlite("problem-languages");
    let server = Server::start_with(
        &db,
        "server",
        &["--paddle-webhook-secret", "pdl_ntfset_secret-for-the-test"],
    );
    let agent = agent();
    let language = |reply: &Reply| {
        reply
            .headers
            .get("content-language")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    type Send<'a> = Box<dyn Fn(Option<&str>) -> Reply + 'a>;
    let with = |request: ureq::RequestBuilder<ureq::typestate::WithBody>, accept: Option<&str>| {
        match accept {
            Some(accept) => request.header("accept-language", accept),
            None => request,
        }
    };
    let cases: Vec<(u16, &str, Send<'_>)> = vec![
        (
            405,
            "diese Adresse nimmt diese Methode nicht an",
            Box::new(|accept| {
                let mut request = agent.delete(&server.url("/customers"));
                if let Some(accept) = accept {
                    request = request.header("accept-language", accept);
                }
                read_reply(request.call())
            }),
        ),
        (
            400,
            "der Abfrageparameter `api` muss einer von diesen sein: mollie, tazapay, paddle, legit, stripe",
            Box::new(|accept| {
                let request = agent
                    .post(&server.url("/customers?api=adyen"))
                    .header("content-type", "application/json");
                read_reply(with(request, accept).send(r#"{"email": "jo@example.com"}"#))
            }),
        ),
        (
            400,
            "der Abfrageparameter `per_page` muss eine ganze Zahl von 1 bis 200 sein",
            Box::new(|accept| {
                let mut request = agent.get(&server.url("/customers?per_page=0"));
                if let Some(accept) = accept {
                    request = request.header("accept-language", accept);
                }
                read_reply(request.call())
            }),
        ),
        (
            400,
            "der Inhalt der Anfrage ist kein gültiges JSON",
            Box::new(|accept| {
                let request = agent
                    .post(&server.url("/customers"))
                    .header("content-type", "application/json");
                read_reply(with(request, accept).send(r#"{"email": "#))
            }),
        ),
        (
            415,
            "",
            Box::new(|accept| {
                let request = agent
                    .post(&server.url("/customers"))
                    .header("content-type", "text/plain");
                read_reply(with(request, accept).send("email"))
            }),
        ),
        (
            503,
            "dieser Server nimmt keine Webhooks von Stripe an (kein --stripe-webhook-secret)",
            Box::new(|accept| {
                let request = agent
                    .post(&server.url("/webhooks/stripe"))
                    .header("content-type", "application/json");
                read_reply(with(request, accept).send("{}"))
            }),
        ),
        (
            401,
            "die Webhook-Signatur ist ungültig: der Header `Paddle-Signature` fehlt oder ist leer",
            Box::new(|accept| {
                let request = agent
                    .post(&server.url("/webhooks/paddle"))
                    .header("content-type", "application/json");
                read_reply(with(request, accept).send("{}"))
            }),
        ),
    ];
    for (status, german, send) in &cases {
        let english = send(None);
        assert_problem(&english, *status);
        assert_eq!(language(&english), "en", "{status}: {}", english.body);
        let fallback = send(Some("ja"));
        assert_eq!(language(&fallback), "en", "{status}");
        assert_eq!(fallback.body, english.body, "{status}");
        let de = send(Some("de-CH, en;q=0.3"));
        assert_problem(&de, *status);
        assert_eq!(language(&de), "de", "{status}: {}", de.body);
        if !german.is_empty() {
            assert_eq!(de.body["detail"], *german, "{status}: {}", de.body);
        }
        assert_ne!(de.body["detail"], english.body["detail"], "{status}");
        assert_eq!(de.body["type"], english.body["type"], "{status}");
        assert_eq!(de.body["status"], english.body["status"], "{status}");
    }
    drop(cases);

    // 503 past the concurrency limit, and 503 past the timeout.
    let limited = Server::start_with(&db, "limited", &["--max-concurrency", "1"]);
    let mut held = HeldRequest::post(&limited, "/customers", r#"{"email": "held@example.com"}"#);
    held.await_continue();
    let reply = read_reply(
        agent
            .get(&limited.url("/health"))
            .header("accept-language", "de")
            .call(),
    );
    assert_problem(&reply, 503);
    assert_eq!(language(&reply), "de");
    assert_eq!(
        reply.body["detail"],
        "der Server bearbeitet bereits so viele Anfragen, wie er annimmt; bitte gleich noch einmal versuchen"
    );
    let (status, _) = held.finish();
    assert_eq!(status, 201);
    drop(limited);
    let slow = Server::start_with(&db, "slow", &["--request-timeout-ms", "300"]);
    let held = HeldRequest::post_with(
        &slow,
        "/customers",
        r#"{"email": "slow@example.com"}"#,
        &[("Accept-Language", "de")],
    );
    let (status, body) = held.read_answer();
    assert_eq!(status, 503, "{body}");
    assert_eq!(
        body["detail"],
        "die Anfrage dauerte zu lange und wurde abgebrochen"
    );
}

/// `GET /health` asks the database: when it is gone, 503.
#[test]
fn health_reports_a_database_that_is_gone() {
    let Some(db) = Db::postgres("health_gone") else {
        return;
    };
    // A password in the URL (the test cluster trusts local connections and ignores it) is never
    // logged.
    let url = db.arg.replacen("://postgres@", "://postgres:secret-pw@", 1);
    assert_ne!(url, db.arg);
    let server = Server::start_with(&db, "server", &["--db", &url]);
    let agent = agent();
    assert_eq!(get(&agent, &server.url("/health")).status, 200);
    db.destroy();
    let reply = get(&agent, &server.url("/health"));
    assert_problem(&reply, 503);
    // The server itself lives on.
    let log = server.log();
    assert!(log.contains("health check: PostgreSQL"), "{log}");
    assert!(
        log.contains("customers are stored in PostgreSQL at 127.0.0.1:"),
        "{log}"
    );
    assert!(!log.contains("secret-pw"), "{log}");
}
