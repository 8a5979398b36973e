//! What the end-to-end tests share: a store to run against (a SQLite file, or a fresh database in
//! the PostgreSQL cluster named by `CUSTOMER_MODEL_TEST_PG`), the server as a process, and a real
//! HTTP client (ureq) over loopback.
//!
//! PostgreSQL tests need a cluster: `eval "$(bash scripts/pg-test-cluster.sh start)"` starts a
//! throw-away one (`.ci/run` does). Without `CUSTOMER_MODEL_TEST_PG` they are skipped with a
//! message, except under `CI=true`, where that is a failure.

#![allow(dead_code)] // each test file uses a part

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

use serde_json::Value;

pub mod openapi;

/// A fresh directory for one test's files (SQLite database, logs).
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("server-tests")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Where a test's servers keep their customers.
pub struct Db {
    /// What `--db` gets.
    pub arg: String,
    /// The test's scratch directory (logs; the SQLite file).
    pub dir: PathBuf,
    kind: Kind,
}

enum Kind {
    Sqlite,
    Postgres { admin: String, name: String },
}

/// The admin URL of the test cluster, or `None` (with a message once) when there is none.
fn cluster() -> Option<String> {
    static SKIP: Once = Once::new();
    match std::env::var("CUSTOMER_MODEL_TEST_PG") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "CI=true but CUSTOMER_MODEL_TEST_PG is not set: the PostgreSQL tests must run in \
                 CI (.ci/run starts a cluster with scripts/pg-test-cluster.sh)"
            );
            SKIP.call_once(|| {
                // Straight to stderr: the test harness does not capture it.
                let _ = writeln!(
                    std::io::stderr(),
                    "SKIPPED: the PostgreSQL tests (CUSTOMER_MODEL_TEST_PG is not set; \
                     `eval \"$(bash scripts/pg-test-cluster.sh start)\"` starts a cluster)"
                );
            });
            None
        }
    }
}

/// `url` with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let (server, _) = base
        .rsplit_once('/')
        .filter(|(server, _)| server.contains("//"))
        .unwrap_or((base, ""));
    match query {
        Some(query) => format!("{server}/{name}?{query}"),
        None => format!("{server}/{name}"),
    }
}

/// Runs SQL on the test cluster (on `url`'s database).
pub fn pg_execute(url: &str, sql: &str) {
    pg(url, |client| async move { client.batch_execute(sql).await });
}

/// One number a query gives, on the test cluster.
pub fn pg_number(url: &str, sql: &str) -> i64 {
    pg(url, |client| async move {
        client.query_one(sql, &[]).await.map(|row| row.get(0))
    })
}

/// One text a query gives, on the test cluster.
pub fn pg_text(url: &str, sql: &str) -> String {
    pg(url, |client| async move {
        client.query_one(sql, &[]).await.map(|row| row.get(0))
    })
}

fn pg<T, F, Fut>(url: &str, work: F) -> T
where
    F: FnOnce(tokio_postgres::Client) -> Fut,
    Fut: std::future::Future<Output = Result<T, tokio_postgres::Error>>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
            .await
            .expect("the test cluster answers");
        let connection = tokio::spawn(connection);
        let result = work(client)
            .await
            .unwrap_or_else(|error| panic!("the SQL runs: {error}"));
        let _ = connection.await;
        result
    })
}

impl Db {
    /// A new SQLite file.
    pub fn sqlite(test: &str) -> Db {
        let dir = scratch(&format!("sqlite-{test}"));
        Db {
            arg: dir.join("customers.db").display().to_string(),
            dir,
            kind: Kind::Sqlite,
        }
    }

    /// A new, empty database in the test cluster; `None` when there is no cluster (outside CI).
    pub fn postgres(test: &str) -> Option<Db> {
        let admin = cluster()?;
        let name = format!("t_{test}_{}", std::process::id());
        // One statement a call: CREATE DATABASE cannot run in a transaction.
        pg_execute(
            &admin,
            &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
        );
        pg_execute(&admin, &format!("CREATE DATABASE {name}"));
        Some(Db {
            arg: with_database(&admin, &name),
            dir: scratch(&format!("pg-{test}")),
            kind: Kind::Postgres { admin, name },
        })
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self.kind, Kind::Postgres { .. })
    }

    /// How many customers the database holds (read by the test itself, not the server).
    pub fn count(&self) -> i64 {
        match &self.kind {
            Kind::Sqlite => rusqlite::Connection::open(&self.arg)
                .expect("db opens")
                .query_row("SELECT count(*) FROM customers", [], |row| row.get(0))
                .expect("count"),
            Kind::Postgres { .. } => pg_number(&self.arg, "SELECT count(*) FROM customers"),
        }
    }

    /// The stored canonical customer with this email (exactly as stored).
    pub fn stored(&self, email: &str) -> Value {
        assert!(email
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"@.-_".contains(&b)));
        let sql = format!("SELECT customer FROM customers WHERE email = '{email}'");
        let text: String = match &self.kind {
            Kind::Sqlite => rusqlite::Connection::open(&self.arg)
                .expect("db opens")
                .query_row(&sql, [], |row| row.get(0))
                .expect("stored"),
            Kind::Postgres { .. } => pg_text(&self.arg, &sql),
        };
        serde_json::from_str(&text).expect("JSON")
    }

    /// Makes the database unreachable (PostgreSQL: drops it, cutting every connection).
    pub fn destroy(&self) {
        if let Kind::Postgres { admin, name } = &self.kind {
            pg_execute(
                admin,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            );
        }
    }
}

impl Drop for Db {
    fn drop(&mut self) {
        if let Kind::Postgres { admin, name } = &self.kind {
            // Best effort: the cluster is thrown away after the run anyway.
            let admin = admin.clone();
            let name = name.clone();
            let _ = std::panic::catch_unwind(move || {
                pg_execute(
                    &admin,
                    &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
                );
            });
        }
    }
}

/// A running server; killed when dropped.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub log: PathBuf,
}

impl Server {
    /// Starts a server on `db` (unless `args` name another `--db`) on a free port, with `args`
    /// added; its log is `dir/<label>.log`.
    pub fn start_with(db: &Db, label: &str, args: &[&str]) -> Server {
        Server::start_with_env(db, label, args, &[])
    }

    /// [`Server::start_with`] with `env` set in the server's environment (and no webhook secret
    /// from the tests' own environment).
    pub fn start_with_env(db: &Db, label: &str, args: &[&str], env: &[(&str, &str)]) -> Server {
        let log = db.dir.join(format!("{label}.log"));
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .expect("log file");
        let mut child = Command::new(env!("CARGO_BIN_EXE_customer-model-server"))
            .args(["--addr", "127.0.0.1:0"])
            .args(
                Some(["--db", db.arg.as_str()])
                    .filter(|_| !args.contains(&"--db"))
                    .into_iter()
                    .flatten(),
            )
            .args(args)
            .env_remove("PADDLE_WEBHOOK_SECRET")
            .env_remove("STRIPE_WEBHOOK_SECRET")
            .envs(env.iter().copied())
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
        openapi::prefetch(&base);
        Server { child, base, log }
    }

    pub fn start(db: &Db) -> Server {
        Server::start_with(db, "server", &[])
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// `host:port`.
    pub fn addr(&self) -> &str {
        self.base.trim_start_matches("http://")
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Sends SIGTERM.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
    }

    /// Waits (at most a minute: a safety bound, not a measurement) for the process to exit.
    pub fn wait_exit(&mut self) -> std::process::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Some(status) = self.child.try_wait().expect("status") {
                return status;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// Status, content type, headers and JSON body of a response.
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub headers: ureq::http::HeaderMap,
    pub body: Value,
}

pub fn read_reply(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
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

pub fn post(agent: &ureq::Agent, url: &str, content_type: &str, body: &str) -> Reply {
    let reply = read_reply(
        agent
            .post(url)
            .header("content-type", content_type)
            .send(body),
    );
    let request = serde_json::from_str::<Value>(body).ok();
    openapi::check("POST", url, request.as_ref(), &reply);
    reply
}

pub fn post_json(agent: &ureq::Agent, url: &str, body: &Value) -> Reply {
    post(agent, url, "application/json", &body.to_string())
}

pub fn patch_json(agent: &ureq::Agent, url: &str, body: &Value) -> Reply {
    let reply = read_reply(
        agent
            .patch(url)
            .header("content-type", "application/json")
            .send(body.to_string()),
    );
    openapi::check("PATCH", url, Some(body), &reply);
    reply
}

pub fn get(agent: &ureq::Agent, url: &str) -> Reply {
    let reply = read_reply(agent.get(url).call());
    openapi::check("GET", url, None, &reply);
    reply
}

pub fn assert_problem(reply: &Reply, status: u16) {
    assert_eq!(reply.status, status, "{}", reply.body);
    assert_eq!(reply.content_type, "application/problem+json");
    assert_eq!(reply.body["status"], status);
    assert!(reply.body["type"].is_string(), "{}", reply.body);
    assert!(reply.body["title"].is_string(), "{}", reply.body);
    assert!(reply.body["detail"].is_string(), "{}", reply.body);
}

pub fn is_customer_id(id: &str) -> bool {
    id.strip_prefix("ctm_").is_some_and(|rest| {
        rest.len() == 26
            && rest
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    })
}

pub fn is_rfc3339_millis_z(text: &str) -> bool {
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

/// A request held open on a raw connection: its head is sent with `Expect: 100-continue`, and the
/// server's `100 Continue` proves the handler is running and reading the body. `finish` sends the
/// body and reads the answer.
pub struct HeldRequest {
    stream: TcpStream,
    body: String,
}

impl HeldRequest {
    pub fn post(server: &Server, path: &str, body: &str) -> HeldRequest {
        HeldRequest::post_with(server, path, body, &[])
    }

    /// [`HeldRequest::post`] with more header lines (`("Accept-Language", "de")`).
    pub fn post_with(
        server: &Server,
        path: &str,
        body: &str,
        headers: &[(&str, &str)],
    ) -> HeldRequest {
        let mut stream = TcpStream::connect(server.addr()).expect("connects");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout set");
        let more: String = headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}\r\n"))
            .collect();
        write!(
            stream,
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\n{more}Expect: 100-continue\r\n\r\n",
            server.addr(),
            body.len()
        )
        .expect("head sent");
        HeldRequest {
            stream,
            body: body.to_owned(),
        }
    }

    /// Reads the interim `100 Continue` (the handler has started).
    pub fn await_continue(&mut self) {
        let head = read_head(&mut self.stream);
        assert!(head.starts_with("HTTP/1.1 100"), "{head:?}");
    }

    /// Reads a final answer sent without the body (a timeout), past a `100 Continue` if one
    /// comes first: status and JSON body.
    pub fn read_answer(mut self) -> (u16, Value) {
        read_response(&mut self.stream)
    }

    /// Sends the body and reads the answer.
    pub fn finish(mut self) -> (u16, Value) {
        self.stream
            .write_all(self.body.as_bytes())
            .expect("body sent");
        read_response(&mut self.stream)
    }
}

/// Reads bytes up to and including the blank line that ends a response head.
fn read_head(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        let n = stream.read(&mut byte).expect("the server answers");
        assert_eq!(
            n,
            1,
            "the connection closed after {:?}",
            String::from_utf8_lossy(&head)
        );
        head.push(byte[0]);
    }
    String::from_utf8(head).expect("an ASCII head")
}

fn read_response(stream: &mut TcpStream) -> (u16, Value) {
    let mut head = read_head(stream);
    while head.starts_with("HTTP/1.1 1") {
        head = read_head(stream); // an interim response
    }
    let status: u16 = head
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a status line: {head:?}"));
    let length: usize = head
        .lines()
        .find_map(|line| {
            let (name, value) = line.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or_else(|| panic!("a content-length: {head:?}"));
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).expect("the body");
    (status, serde_json::from_slice(&body).expect("a JSON body"))
}
