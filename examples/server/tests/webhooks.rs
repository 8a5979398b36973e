//! `POST /webhooks/paddle` end to end, on SQLite and on PostgreSQL: signatures checked on the raw
//! body (401, nothing stored), the customer of a signed event checked (422), each event taken
//! exactly once across concurrent redeliveries and two replicas, older events never overwriting
//! newer ones, and nothing of the body or the secret in the log.

mod support;

use std::thread;
use std::time::{Duration, SystemTime};

use customer_core::providers::Api;
use customer_core::webhooks::Verifier;
use serde_json::{json, Value};

use support::*;

const SECRET: &str = "pdl_ntfset_01hs0t3tw21j988db1pam5xg8m_TestSecretForTheServerSuite";
const CUSTOMER: &str = "ctm_01hs0tqf76sxmp7ba5e4mw1sc8";

fn verifier() -> Verifier {
    Verifier::new(Api::Paddle, SECRET)
}

/// A `customer.updated` event of customer `ctm`, as Paddle writes it (compact JSON).
fn event(event_id: &str, occurred_at: &str, ctm: &str, email: &str, name: &str) -> String {
    json!({
        "event_id": event_id,
        "event_type": "customer.updated",
        "occurred_at": occurred_at,
        "notification_id": format!("ntf_{}", &event_id[4..]),
        "data": {
            "id": ctm,
            "name": name,
            "email": email,
            "locale": "en",
            "status": "active",
            "created_at": "2024-03-15T10:32:37.862Z",
            "updated_at": occurred_at,
            "custom_data": null,
            "import_meta": null,
            "marketing_consent": false
        }
    })
    .to_string()
}

/// POSTs `body` as it is, with `signature` as the `Paddle-Signature` (none when `None`).
fn deliver(agent: &ureq::Agent, url: &str, body: &str, signature: Option<&str>) -> Reply {
    let mut request = agent.post(url).header("content-type", "application/json");
    if let Some(signature) = signature {
        request = request.header("Paddle-Signature", signature);
    }
    let reply = read_reply(request.send(body));
    let parsed = serde_json::from_str::<Value>(body).ok();
    openapi::check("POST", url, parsed.as_ref(), &reply);
    reply
}

/// Signs `body` now and delivers it.
fn signed(agent: &ureq::Agent, url: &str, body: &str) -> Reply {
    let header = verifier()
        .sign(body.as_bytes(), SystemTime::now())
        .expect("signs");
    deliver(agent, url, body, Some(&header))
}

fn server(db: &Db, label: &str) -> Server {
    Server::start_with(db, label, &["--paddle-webhook-secret", SECRET])
}

fn count(db: &Db, table: &str) -> i64 {
    let sql = format!("SELECT count(*) FROM {table}");
    if db.is_postgres() {
        pg_number(&db.arg, &sql)
    } else {
        rusqlite::Connection::open(&db.arg)
            .expect("db opens")
            .query_row(&sql, [], |row| row.get(0))
            .expect("count")
    }
}

/// Everything one server does with Paddle webhooks, on `db`.
fn one_server(db: &Db) {
    let server = server(db, "webhooks");
    let url = server.url("/webhooks/paddle");
    let agent = agent();
    let body = event(
        "evt_01hs0tqfme2xwb2hvwv87p8y3w",
        "2024-03-15T10:32:38.286848Z",
        CUSTOMER,
        "first@example.com",
        "First Name",
    );

    // Refused, nothing stored: no signature, a wrong secret, an old or a future timestamp, a
    // one-byte change, the same JSON with its keys in another order, a malformed header.
    let now = SystemTime::now();
    let wrong = Verifier::new(Api::Paddle, "pdl_ntfset_wrong")
        .sign(body.as_bytes(), now)
        .expect("signs");
    let stale = verifier()
        .sign(body.as_bytes(), now - Duration::from_secs(60))
        .expect("signs");
    let future = verifier()
        .sign(body.as_bytes(), now + Duration::from_secs(60))
        .expect("signs");
    let good = verifier().sign(body.as_bytes(), now).expect("signs");
    let tampered = body.replacen("First Name", "First Namf", 1);
    let value: Value = serde_json::from_str(&body).expect("JSON");
    let Value::Object(map) = &value else {
        panic!("an object")
    };
    let reordered = format!(
        "{{{}}}",
        map.iter()
            .rev()
            .map(|(k, v)| format!("{}:{v}", Value::from(k.as_str())))
            .collect::<Vec<_>>()
            .join(",")
    );
    assert_eq!(
        serde_json::from_str::<Value>(&reordered).expect("JSON"),
        value
    );
    for (why, payload, header) in [
        ("no signature", body.as_str(), None),
        ("an empty signature", body.as_str(), Some("")),
        ("a wrong secret", body.as_str(), Some(wrong.as_str())),
        ("60 s old", body.as_str(), Some(stale.as_str())),
        ("60 s ahead", body.as_str(), Some(future.as_str())),
        ("one byte changed", tampered.as_str(), Some(good.as_str())),
        ("keys reordered", reordered.as_str(), Some(good.as_str())),
        ("a malformed header", body.as_str(), Some("ts=now;h1=")),
    ] {
        let reply = deliver(&agent, &url, payload, header);
        assert_problem(&reply, 401);
        assert!(
            !reply.body.to_string().contains(SECRET) && !reply.body.to_string().contains(&good),
            "{why}: {}",
            reply.body
        );
    }
    assert_eq!(count(db, "webhook_events"), 0);
    assert_eq!(db.count(), 0);

    // Taken: the customer is created with Paddle's id, listed and readable.
    let reply = signed(&agent, &url, &body);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["status"], "taken");
    assert_eq!(reply.body["customer_id"], CUSTOMER);
    let read = get(&agent, &server.url(&format!("/customers/{CUSTOMER}")));
    assert_eq!(read.status, 200, "{}", read.body);
    assert_eq!(read.body["data"]["email"], "first@example.com");
    assert_eq!(read.body["data"]["name"], "First Name");
    let list = get(&agent, &server.url("/customers"));
    assert_eq!(list.body["data"][0]["id"], CUSTOMER, "{}", list.body);

    // Redelivered (as Paddle does, signed anew): taken once.
    let again = signed(&agent, &url, &body);
    assert_eq!(again.status, 200, "{}", again.body);
    assert_eq!(again.body["status"], "duplicate");
    assert_eq!(count(db, "webhook_events"), 1);

    // A later event updates; an earlier one arriving after it is taken but changes nothing.
    let newer = event(
        "evt_01hs0tqfme2xwb2hvwv87p8y40",
        "2024-03-15T11:00:00Z",
        CUSTOMER,
        "newer@example.com",
        "Newer",
    );
    let older = event(
        "evt_01hs0tqfme2xwb2hvwv87p8y39",
        "2024-03-15T10:45:00.5Z",
        CUSTOMER,
        "older@example.com",
        "Older",
    );
    assert_eq!(signed(&agent, &url, &newer).body["status"], "taken");
    let reply = signed(&agent, &url, &older);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["status"], "older");
    let read = get(&agent, &server.url(&format!("/customers/{CUSTOMER}")));
    assert_eq!(read.body["data"]["name"], "Newer");
    assert_eq!(read.body["data"]["email"], "newer@example.com");
    assert_eq!(count(db, "webhook_events"), 3);

    // Signed, but its customer breaks Paddle's rules: 422, every violation, nothing stored.
    let bad = event(
        "evt_01hs0tqfme2xwb2hvwv87p8y41",
        "2024-03-15T12:00:00Z",
        "ctm_01hs0tqf76sxmp7ba5e4mw1sc9",
        "not-an-email",
        &"N".repeat(2000),
    );
    let reply = signed(&agent, &url, &bad);
    assert_problem(&reply, 422);
    let pointers: Vec<&str> = reply.body["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .filter_map(|e| e["pointer"].as_str())
        .collect();
    assert!(pointers.contains(&"/data/email"), "{pointers:?}");
    assert!(pointers.contains(&"/data/name"), "{pointers:?}");
    assert!(!reply.body.to_string().contains("not-an-email"));
    assert_eq!(count(db, "webhook_events"), 3);
    assert_eq!(db.count(), 1);

    // A customer whose email another customer has: 409, not taken (Paddle delivers it again).
    let created = post_json(
        &agent,
        &server.url("/customers"),
        &json!({"email": "taken@example.com"}),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let clash = event(
        "evt_01hs0tqfme2xwb2hvwv87p8y42",
        "2024-03-15T12:00:00Z",
        "ctm_01hs0tqf76sxmp7ba5e4mw1sca",
        "TAKEN@example.com",
        "Clash",
    );
    assert_problem(&signed(&agent, &url, &clash), 409);
    assert_eq!(count(db, "webhook_events"), 3);

    // An event about something else: taken, no customer.
    let other = json!({
        "event_id": "evt_01hs0tqfme2xwb2hvwv87p8y43",
        "event_type": "transaction.completed",
        "occurred_at": "2024-03-15T12:00:00Z",
        "notification_id": "ntf_1",
        "data": {"id": "txn_01hs0tqfme2xwb2hvwv87p8y43"}
    })
    .to_string();
    let reply = signed(&agent, &url, &other);
    assert_eq!(reply.body["status"], "taken", "{}", reply.body);
    assert_eq!(reply.body["customer_id"], Value::Null);
    assert_eq!(count(db, "webhook_events"), 4);
    assert_eq!(db.count(), 2);

    // The log has routes and statuses, never the secret, a signature or a body value.
    let log = server.log();
    assert!(log.contains("POST /webhooks/paddle -> 401"), "{log}");
    for secret in [
        SECRET,
        good.as_str(),
        "first@example.com",
        "Newer",
        "not-an-email",
    ] {
        assert!(!log.contains(secret), "the log holds {secret:?}:\n{log}");
    }
}

#[test]
fn paddle_webhooks_on_sqlite() {
    one_server(&Db::sqlite("webhooks"));
}

#[test]
fn paddle_webhooks_on_postgres() {
    if let Some(db) = Db::postgres("webhooks") {
        one_server(&db);
    }
}

/// Paddle's own published delivery (its Python SDK's signed standard payload, with its secret),
/// taken by the server; the window is opened wide, as the vector is from 2024.
#[test]
fn a_published_paddle_delivery_is_taken() {
    let db = Db::sqlite("published");
    let secret = "pdl_ntfset_01hs0t3tw21j988db1pam5xg8m_GrOWLNef+vmtjJYq4mSnHNzvc8uWoJ1I";
    let server = Server::start_with(
        &db,
        "published",
        &[
            "--paddle-webhook-secret",
            "pdl_ntfset_old_one",
            "--paddle-webhook-secret",
            secret,
            "--paddle-webhook-tolerance-secs",
            "10000000000",
        ],
    );
    let body = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../customer-core/tests/fixtures/webhooks/paddle/standard_payload.json"
    ))
    .expect("fixture");
    let header =
        "ts=1710498758;h1=558bf93944dbeb4790c7a8af6cb2ea435c8ca9c8396aafc1a4e37424ac132744";
    let agent = agent();
    let url = server.url("/webhooks/paddle");
    let reply = deliver(&agent, &url, &body, Some(header));
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.body["event_id"], "evt_01hs0tqfme2xwb2hvwv87p8y3w");
    assert_eq!(reply.body["status"], "taken");
    let read = get(&agent, &server.url(&format!("/customers/{CUSTOMER}")));
    assert_eq!(
        read.body["data"]["email"], "blackhole+verification2@paddle.com",
        "{}",
        read.body
    );
    assert_eq!(
        deliver(&agent, &url, &body, Some(header)).body["status"],
        "duplicate"
    );
}

/// Without a secret the route answers 503 and stores nothing.
#[test]
fn without_a_secret_nothing_is_taken() {
    let db = Db::sqlite("no-secret");
    let server = Server::start(&db);
    let body = event(
        "evt_1",
        "2024-03-15T10:32:38Z",
        CUSTOMER,
        "a@example.com",
        "A",
    );
    let reply = signed(&agent(), &server.url("/webhooks/paddle"), &body);
    assert_problem(&reply, 503);
    assert_eq!(db.count(), 0);
}

/// `deliveries` deliveries of `events` events (each `copies` times, signed anew each time) of one
/// customer, from 20 clients over `servers` at once, in an order that is not the events' order.
/// Returns the answers' statuses.
fn storm(servers: &[Server], events: usize, copies: usize) -> Vec<String> {
    let urls: Vec<String> = servers.iter().map(|s| s.url("/webhooks/paddle")).collect();
    let bodies: Vec<String> = (0..events)
        .map(|i| {
            event(
                &format!("evt_01hs0tqfme2xwb2hvwv87p{i:04}"),
                &format!("2024-03-15T10:{:02}:{:02}.{i:03}Z", i / 60, i % 60),
                CUSTOMER,
                &format!("v{i}@example.com"),
                &format!("Version {i}"),
            )
        })
        .collect();
    // Every delivery, newest events first, copies interleaved.
    let mut deliveries: Vec<usize> = (0..events * copies)
        .map(|n| events - 1 - n % events)
        .collect();
    deliveries.rotate_left(events / 3);
    let chunks: Vec<Vec<(usize, usize)>> = (0..20)
        .map(|worker| {
            deliveries
                .iter()
                .enumerate()
                .filter(|(n, _)| n % 20 == worker)
                .map(|(n, &e)| (n, e))
                .collect()
        })
        .collect();
    thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .map(|chunk| {
                let (urls, bodies) = (&urls, &bodies);
                scope.spawn(move || {
                    let agent = agent();
                    chunk
                        .iter()
                        .map(|&(n, e)| {
                            let reply = signed(&agent, &urls[n % urls.len()], &bodies[e]);
                            assert_eq!(reply.status, 200, "{}", reply.body);
                            reply.body["status"].as_str().unwrap_or_default().to_owned()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("client"))
            .collect()
    })
}

fn tally(statuses: &[String]) -> (usize, usize, usize) {
    let n = |s: &str| statuses.iter().filter(|x| *x == s).count();
    (n("taken"), n("duplicate"), n("older"))
}

/// 25 events of one customer, each delivered 4 times, concurrently, newest first: each event is
/// taken once, and the customer ends as the newest event has it.
fn exactly_once(db: &Db, servers: &[Server]) {
    const EVENTS: usize = 25;
    const COPIES: usize = 4;
    let statuses = storm(servers, EVENTS, COPIES);
    let (taken, duplicate, older) = tally(&statuses);
    eprintln!(
        "exactly once over {} server(s): {} deliveries of {EVENTS} events -> {taken} taken, \
         {older} older (taken, customer unchanged), {duplicate} duplicate",
        servers.len(),
        statuses.len()
    );
    assert_eq!(statuses.len(), EVENTS * COPIES);
    assert_eq!(taken + older, EVENTS, "{statuses:?}");
    assert_eq!(duplicate, EVENTS * (COPIES - 1), "{statuses:?}");
    assert_eq!(count(db, "webhook_events"), EVENTS as i64);
    assert_eq!(db.count(), 1);
    let newest = EVENTS - 1;
    for server in servers {
        let read = get(&agent(), &server.url(&format!("/customers/{CUSTOMER}")));
        assert_eq!(read.body["data"]["name"], format!("Version {newest}"));
        assert_eq!(read.body["data"]["email"], format!("v{newest}@example.com"));
    }
}

#[test]
fn concurrent_redeliveries_on_sqlite() {
    let db = Db::sqlite("storm");
    let servers = [server(&db, "storm")];
    exactly_once(&db, &servers);
}

#[test]
fn concurrent_redeliveries_across_two_postgres_replicas() {
    let Some(db) = Db::postgres("webhook_replicas") else {
        return;
    };
    let servers = [server(&db, "replica-a"), server(&db, "replica-b")];
    exactly_once(&db, &servers);
    // And 20 clients racing one new event over both replicas: one taken, nineteen duplicates.
    let body = event(
        "evt_01hs0tqfme2xwb2hvwv87pzzzz",
        "2024-03-16T00:00:00Z",
        "ctm_01hs0tqf76sxmp7ba5e4mw1sz0",
        "race@example.com",
        "Race",
    );
    let urls = servers.each_ref().map(|s| s.url("/webhooks/paddle"));
    let statuses: Vec<String> = thread::scope(|scope| {
        let handles: Vec<_> = (0..20)
            .map(|i| {
                let (url, body) = (&urls[i % 2], &body);
                scope.spawn(move || {
                    signed(&agent(), url, body).body["status"]
                        .as_str()
                        .unwrap_or_default()
                        .to_owned()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("client"))
            .collect()
    });
    let (taken, duplicate, _) = tally(&statuses);
    eprintln!(
        "one event raced by 20 clients over 2 replicas: {taken} taken, {duplicate} duplicate"
    );
    assert_eq!((taken, duplicate), (1, 19), "{statuses:?}");
    assert_eq!(db.count(), 2);
}
