//! A customer backend on axum, with its customers in SQLite or PostgreSQL.
//!
//! ```text
//! cargo run -p customer-model-server                      # 127.0.0.1:3000, ./customers.db
//! cargo run -p customer-model-server -- --addr 127.0.0.1:8080 --db /tmp/c.db
//! cargo run -p customer-model-server -- --db postgres://user:password@127.0.0.1:5432/customers
//! ```
//!
//! - `GET /health` (and `GET /`): `{"status":"ok"}` when the database answers, 503 otherwise.
//! - `POST /customers`: a Paddle create-customer request (`?api=mollie|tazapay|legit` takes that
//!   API's create body instead). 201 with a Paddle customer entity in `{data, meta: {request_id}}`;
//!   400 malformed JSON, 413 over 64 KiB, 415 not JSON, 422 every violation (unknown keys in a
//!   Paddle request too), 409 when a customer has the same email (compared case-insensitively).
//! - `GET /customers`: a page of customers in creation order, as Paddle lists them
//!   (`per_page` 1-200, default 50; `after=<id>`; `status=active,archived`, default `active`).
//! - `GET /customers/{id}`: 200 with the same envelope, 404 when there is no such customer.
//! - `PATCH /customers/{id}`: a Paddle update-customer request (`?api=mollie|tazapay` takes that
//!   API's update body): a key left out keeps the stored value, `null` clears it, a value replaces
//!   it after the rules. 200 with the entity; 404; 409 when another customer has the email; 422
//!   every violation. `{"status": "archived"}` archives a customer.
//!
//! - `POST /webhooks/paddle` (with `--paddle-webhook-secret` or `PADDLE_WEBHOOK_SECRET`): a Paddle
//!   notification, its `Paddle-Signature` checked on the raw body (401 when missing, wrong or
//!   outside the window, nothing stored); each event is taken exactly once by its `event_id`,
//!   across concurrent deliveries and replicas (a primary key decides); a `customer.*` event's
//!   customer is created or replaced, keyed by Paddle's customer id, unless a later event has been
//!   applied to it (`occurred_at`); 422 with every violation when its customer breaks Paddle's
//!   rules. Neither the body nor the secret is logged.
//! - `POST /webhooks/stripe` (with `--stripe-webhook-secret` or `STRIPE_WEBHOOK_SECRET`): the
//!   same for Stripe's events (`Stripe-Signature`, window `--stripe-webhook-tolerance-secs`,
//!   default 300 s; the event's `id` taken once, its `created` ordering them); a `customer.*`
//!   event's customer (`data.object`) is keyed by Stripe's `cus_` id, mapped to an id of ours
//!   when first seen; `customer.deleted` archives it. A Stripe customer without an email is
//!   refused with a 422 (`required` at `/data/object/email`): this server's customers need one.
//!
//! Every error is an RFC 9457 `application/problem+json` document, 404 and 405 included. The
//! database decides what must hold across concurrent requests and replicas: a unique index on the
//! lower-cased email refuses a second customer with the same email. Each request is logged to
//! stderr with its route, status and request id, never with a value from the request.
//!
//! A request that takes longer than `--request-timeout-ms` is answered 503; past
//! `--max-concurrency` requests at once, one more is answered 503 at once. On SIGTERM or Ctrl-C
//! the server stops taking connections, finishes the requests under way and exits.
//!
//! The first line on stdout is `listening on http://ADDR`, with the port actually bound (so
//! `--addr 127.0.0.1:0` picks a free port and says which).

mod app;
mod entity;
mod ids;
mod openapi;
mod store;

use std::io::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use customer_core::webhooks::Verifier;

use crate::app::{router, AppState, Limits, Provider};
use crate::store::Store;

/// A customer backend: validates create-customer requests of five payment APIs and keeps the
/// customers in SQLite or PostgreSQL.
#[derive(Debug, Parser)]
#[command(name = "customer-model-server", version)]
struct Args {
    /// The address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:3000")]
    addr: String,
    /// Where the customers are: a SQLite file (created when missing), or a PostgreSQL database as
    /// a `postgres://user:password@host:port/database` URL (the table is created when missing).
    #[arg(long, default_value = "customers.db")]
    db: String,
    /// The most connections to PostgreSQL this process opens.
    #[arg(long, default_value_t = 16)]
    pool_size: u32,
    /// The longest a request may take, in milliseconds, before it is answered 503.
    #[arg(long, default_value_t = 10_000)]
    request_timeout_ms: u64,
    /// How many requests are handled at once; one more is answered 503.
    #[arg(long, default_value_t = 512)]
    max_concurrency: usize,
    /// The secret of Paddle's notification destination (`pdl_ntfset_…`), which
    /// `POST /webhooks/paddle` checks signatures with. Give it twice (or comma-separated in the
    /// environment) while Paddle rotates it: either signs.
    #[arg(
        long,
        env = "PADDLE_WEBHOOK_SECRET",
        value_delimiter = ',',
        hide_env_values = true
    )]
    paddle_webhook_secret: Vec<String>,
    /// How far, in seconds, a Paddle signature's timestamp may be from this server's clock
    /// (Paddle's SDKs allow 5).
    #[arg(long, default_value_t = 5)]
    paddle_webhook_tolerance_secs: u64,
    /// The signing secret of Stripe's webhook endpoint (`whsec_…`), which
    /// `POST /webhooks/stripe` checks signatures with. Give it twice (or comma-separated in the
    /// environment) while Stripe rolls it: either signs.
    #[arg(
        long,
        env = "STRIPE_WEBHOOK_SECRET",
        value_delimiter = ',',
        hide_env_values = true
    )]
    stripe_webhook_secret: Vec<String>,
    /// How far, in seconds, a Stripe signature's timestamp may be from this server's clock
    /// (Stripe's SDKs allow 300).
    #[arg(long, default_value_t = 300)]
    stripe_webhook_tolerance_secs: u64,
}

/// The verifier of `provider`'s webhooks with every non-empty secret of `secrets` (the first
/// signs, any verifies), or `None` when there is none.
fn verifier(provider: Provider, secrets: &[String], tolerance_secs: u64) -> Option<Verifier> {
    let mut secrets = secrets.iter().filter(|s| !s.is_empty());
    let mut verifier = Verifier::new(provider.api(), secrets.next()?)
        .tolerance(Duration::from_secs(tolerance_secs));
    for secret in secrets {
        verifier = verifier.secret(secret);
    }
    Some(verifier)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    let where_ = store::describe(&args.db);
    let store = match Store::open(&args.db, args.pool_size).await {
        Ok(store) => store,
        Err(error) => {
            eprintln!("cannot open the database ({where_}): {error}");
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
    eprintln!("customers are stored in {where_}");

    let limits = Limits {
        request_timeout: Duration::from_millis(args.request_timeout_ms),
        max_concurrency: args.max_concurrency,
    };
    let mut state = AppState::new(store, format!("http://{addr}"));
    for (provider, secrets, tolerance_secs) in [
        (
            Provider::Paddle,
            &args.paddle_webhook_secret,
            args.paddle_webhook_tolerance_secs,
        ),
        (
            Provider::Stripe,
            &args.stripe_webhook_secret,
            args.stripe_webhook_tolerance_secs,
        ),
    ] {
        if let Some(verifier) = verifier(provider, secrets, tolerance_secs) {
            state = state.with_webhooks(provider, verifier);
            eprintln!(
                "{} webhooks are taken at POST {}",
                provider.title(),
                provider.route()
            );
        }
    }
    let app = router(state, limits);
    if let Err(error) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        eprintln!("server error: {error}");
        return ExitCode::FAILURE;
    }
    eprintln!("stopped: every request under way was answered");
    ExitCode::SUCCESS
}

/// Resolves on SIGTERM (what a container runtime or a process manager sends) or Ctrl-C.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    eprintln!("shutting down: no new connections; finishing the requests under way");
}
