//! Where customers are kept: one SQLite file, or one PostgreSQL database shared by any number of
//! server processes. Both stores hold the same table and answer the same calls; the database
//! itself decides what must hold across concurrent requests and replicas (one customer per email,
//! compared case-insensitively; one writer at a time per customer).
//!
//! Error texts returned here never hold a value from a request: a PostgreSQL error is described by
//! its SQLSTATE code only, since its detail may quote the conflicting row.

use std::str::FromStr as _;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bb8_postgres::bb8::{Pool, RunError};
use bb8_postgres::PostgresConnectionManager;
use customer_core::{Customer, Status};
use rusqlite::{Connection, OptionalExtension as _};
use tokio_postgres::error::SqlState;
use tokio_postgres::NoTls;

/// The unique index that keeps one customer per email; a violation of it is a duplicate email.
const EMAIL_INDEX: &str = "customers_email_ci";

/// How long a health check waits for the database.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

/// The customer store the server was started with.
#[derive(Clone)]
pub enum Store {
    /// One SQLite file, for one server process.
    Sqlite(Arc<Mutex<Connection>>),
    /// A pool of connections to one PostgreSQL database, for any number of server processes.
    Postgres(Pool<PostgresConnectionManager<NoTls>>),
}

/// How a store failed, in words that hold no request value.
#[derive(Debug)]
pub struct StoreError(String);

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        // rusqlite's messages name tables and constraints, never bound values.
        StoreError(format!("SQLite: {error}"))
    }
}

impl From<tokio_postgres::Error> for StoreError {
    fn from(error: tokio_postgres::Error) -> Self {
        StoreError(match error.as_db_error() {
            Some(db) => format!("PostgreSQL: SQLSTATE {}", db.code().code()),
            None => format!("PostgreSQL: {error}"),
        })
    }
}

impl From<RunError<tokio_postgres::Error>> for StoreError {
    fn from(error: RunError<tokio_postgres::Error>) -> Self {
        match error {
            RunError::User(error) => error.into(),
            RunError::TimedOut => StoreError("PostgreSQL: no connection free in time".to_owned()),
        }
    }
}

impl From<serde_json::Error> for StoreError {
    fn from(error: serde_json::Error) -> Self {
        // Only ever raised on what the server itself wrote; the position, not the text, is shown.
        StoreError(format!(
            "a stored customer is not valid JSON (line {}, column {})",
            error.line(),
            error.column()
        ))
    }
}

/// Why an insert or update did not store anything.
#[derive(Debug)]
pub enum WriteError {
    /// Another customer has this email (compared case-insensitively).
    DuplicateEmail,
    /// The store failed.
    Store(StoreError),
}

impl<E: Into<StoreError>> From<E> for WriteError {
    fn from(error: E) -> Self {
        WriteError::Store(error.into())
    }
}

/// What an update did.
#[derive(Debug)]
pub enum Updated<E> {
    /// The customer as stored now.
    Done(Box<Customer>),
    /// No customer has this id.
    NotFound,
    /// The change was refused before anything was written.
    Refused(E),
}

/// A verified webhook event to take.
#[derive(Debug)]
pub struct Incoming {
    /// The provider's name (`paddle`).
    pub provider: &'static str,
    /// The provider's event id: the key that takes the event once.
    pub event_id: String,
    /// When it was taken (RFC 3339).
    pub taken_at: String,
    /// The customer the event carries, if any.
    pub customer: Option<IncomingCustomer>,
}

/// The customer of a webhook event.
#[derive(Debug)]
pub struct IncomingCustomer {
    /// The provider's id of the customer: the key of its row.
    pub provider_id: String,
    /// The id a new customer gets (the provider's id when it is one of ours).
    pub new_id: String,
    /// When the event happened, in Unix nanoseconds (`None`: it does not say).
    pub occurred_at: Option<i64>,
    /// The customer as the event carries it (its id is set here).
    pub customer: Customer,
}

/// What taking an event did.
#[derive(Debug)]
pub enum Taken {
    /// The event had been taken before (by this or another process): nothing was done. With
    /// the id of its customer (the one the first delivery stored) when it carries one.
    Duplicate(Option<String>),
    /// The event was taken; it carries no customer.
    Event,
    /// The event was taken and its customer stored (created or replaced).
    Stored(Box<Customer>),
    /// The event was taken, but a newer event of the same customer had been applied: the
    /// customer was left as it is.
    Older(String),
}

/// One page of customers in creation order.
#[derive(Debug)]
pub struct Page {
    /// At most the number asked for.
    pub customers: Vec<Customer>,
    /// Whether more customers follow the last one.
    pub has_more: bool,
    /// How many customers match in all.
    pub total: u64,
}

/// The statuses a list shows, as the strings stored.
fn status_names(statuses: &[Status]) -> Vec<&'static str> {
    statuses
        .iter()
        .map(|status| match status {
            Status::Active => "active",
            Status::Archived => "archived",
        })
        .collect()
}

/// Whether `--db` names a PostgreSQL database rather than a SQLite file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// Where the customers are, for the log: a file path, or PostgreSQL's host, port and database
/// without user or password.
pub fn describe(db: &str) -> String {
    if !is_postgres_url(db) {
        return db.to_owned();
    }
    match tokio_postgres::Config::from_str(db) {
        Ok(config) => {
            let host = match config.get_hosts().first() {
                Some(tokio_postgres::config::Host::Tcp(host)) => host.clone(),
                Some(tokio_postgres::config::Host::Unix(path)) => path.display().to_string(),
                None => "localhost".to_owned(),
            };
            let port = config.get_ports().first().copied().unwrap_or(5432);
            let name = config.get_dbname().unwrap_or("(default)");
            format!("PostgreSQL at {host}:{port}, database {name}")
        }
        Err(_) => "PostgreSQL".to_owned(),
    }
}

impl Store {
    /// Opens the store `--db` names and creates its table and index when missing.
    pub async fn open(db: &str, pool_size: u32) -> Result<Store, StoreError> {
        if is_postgres_url(db) {
            open_postgres(db, pool_size).await
        } else {
            let path = db.to_owned();
            let conn = tokio::task::spawn_blocking(move || open_sqlite(&path))
                .await
                .map_err(|_| StoreError("opening SQLite did not finish".to_owned()))??;
            Ok(Store::Sqlite(Arc::new(Mutex::new(conn))))
        }
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<(), StoreError> {
        match self {
            Store::Sqlite(conn) => {
                blocking(conn, |conn| -> Result<_, StoreError> {
                    conn.query_row("SELECT 1", [], |row| row.get::<_, i64>(0))?;
                    Ok(())
                })
                .await
            }
            Store::Postgres(pool) => {
                let ping = async {
                    pool.get().await?.simple_query("SELECT 1").await?;
                    Ok(())
                };
                // A health check answers soon, whatever the pool's own wait for a connection.
                tokio::time::timeout(PING_TIMEOUT, ping)
                    .await
                    .map_err(|_| StoreError("PostgreSQL: no answer in time".to_owned()))?
            }
        }
    }

    /// Stores a new customer (with its id and timestamps set). The database's unique index on the
    /// lower-cased email decides duplicates, atomically, across every process using it.
    pub async fn insert(&self, customer: &Customer) -> Result<(), WriteError> {
        let row = Row::of(customer)?;
        match self {
            Store::Sqlite(conn) => {
                blocking(conn, move |conn| {
                    conn.execute(
                        "INSERT INTO customers (id, email, customer, created_at, updated_at)
                         VALUES (?1, ?2, ?3, ?4, ?5)",
                        (
                            &row.id,
                            &row.email,
                            &row.json,
                            &row.created_at,
                            &row.updated_at,
                        ),
                    )
                    .map_err(sqlite_write_error)?;
                    Ok(())
                })
                .await
            }
            Store::Postgres(pool) => {
                let conn = pool.get().await?;
                conn.execute(
                    "INSERT INTO customers (id, email, customer, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5)",
                    &[
                        &row.id,
                        &row.email,
                        &row.json,
                        &row.created_at,
                        &row.updated_at,
                    ],
                )
                .await
                .map_err(postgres_write_error)?;
                Ok(())
            }
        }
    }

    /// The customer with this id, if any.
    pub async fn get(&self, id: &str) -> Result<Option<Customer>, StoreError> {
        let id = id.to_owned();
        let json = match self {
            Store::Sqlite(conn) => {
                blocking(conn, move |conn| -> Result<_, StoreError> {
                    Ok(conn
                        .query_row(
                            "SELECT customer FROM customers WHERE id = ?1",
                            [&id],
                            |row| row.get::<_, String>(0),
                        )
                        .optional()?)
                })
                .await?
            }
            Store::Postgres(pool) => pool
                .get()
                .await?
                .query_opt("SELECT customer FROM customers WHERE id = $1", &[&id])
                .await?
                .map(|row| row.try_get::<_, String>(0))
                .transpose()?,
        };
        json.map(|json| Ok(serde_json::from_str(&json)?))
            .transpose()
    }

    /// Reads the customer with this id, lets `change` compute its new state, and writes that,
    /// with the row locked in between (no other update of this customer, from any process, can
    /// interleave). `change` may refuse; then nothing is written.
    pub async fn update<E, F>(&self, id: &str, change: F) -> Result<Updated<E>, WriteError>
    where
        E: Send + 'static,
        F: FnOnce(Customer) -> Result<Customer, E> + Send + 'static,
    {
        let id = id.to_owned();
        match self {
            Store::Sqlite(conn) => {
                blocking(conn, move |conn| {
                    // IMMEDIATE: the write lock is taken before the read.
                    let tx =
                        conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
                    let Some(json) = tx
                        .query_row(
                            "SELECT customer FROM customers WHERE id = ?1",
                            [&id],
                            |row| row.get::<_, String>(0),
                        )
                        .optional()?
                    else {
                        return Ok(Updated::NotFound);
                    };
                    let current: Customer = serde_json::from_str(&json)?;
                    let next = match change(current) {
                        Ok(next) => next,
                        Err(refused) => return Ok(Updated::Refused(refused)),
                    };
                    let row = Row::of(&next)?;
                    tx.execute(
                        "UPDATE customers SET email = ?2, customer = ?3, updated_at = ?4
                         WHERE id = ?1",
                        (&id, &row.email, &row.json, &row.updated_at),
                    )
                    .map_err(sqlite_write_error)?;
                    tx.commit()?;
                    Ok(Updated::Done(Box::new(next)))
                })
                .await
            }
            Store::Postgres(pool) => {
                let mut conn = pool.get().await?;
                let tx = conn.transaction().await?;
                let Some(row) = tx
                    .query_opt(
                        "SELECT customer FROM customers WHERE id = $1 FOR UPDATE",
                        &[&id],
                    )
                    .await?
                else {
                    return Ok(Updated::NotFound);
                };
                let current: Customer = serde_json::from_str(&row.try_get::<_, String>(0)?)?;
                let next = match change(current) {
                    Ok(next) => next,
                    Err(refused) => return Ok(Updated::Refused(refused)),
                };
                let row = Row::of(&next)?;
                tx.execute(
                    "UPDATE customers SET email = $2, customer = $3, updated_at = $4
                     WHERE id = $1",
                    &[&id, &row.email, &row.json, &row.updated_at],
                )
                .await
                .map_err(postgres_write_error)?;
                tx.commit().await?;
                Ok(Updated::Done(Box::new(next)))
            }
        }
    }

    /// Takes a webhook event exactly once: in one transaction, records the event id (the
    /// primary key of `webhook_events` refuses a second record, whichever process tries), then
    /// creates or replaces the customer it carries, keyed by the provider's customer id, unless
    /// an event that happened later has been applied to it (the mapping row is locked while
    /// compared). Nothing is kept when any step fails (a duplicate email, say).
    pub async fn take_event(&self, incoming: Incoming) -> Result<Taken, WriteError> {
        match self {
            Store::Sqlite(conn) => blocking(conn, move |conn| take_sqlite(conn, incoming)).await,
            Store::Postgres(pool) => {
                let mut conn = pool.get().await?;
                let tx = conn.transaction().await?;
                let fresh = tx
                    .execute(
                        "INSERT INTO webhook_events (provider, event_id, taken_at)
                         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                        &[&incoming.provider, &incoming.event_id, &incoming.taken_at],
                    )
                    .await?;
                if fresh == 0 {
                    let Some(incoming_customer) = &incoming.customer else {
                        return Ok(Taken::Duplicate(None));
                    };
                    let row = tx
                        .query_opt(
                            "SELECT customer_id FROM webhook_customers
                             WHERE provider = $1 AND provider_id = $2",
                            &[&incoming.provider, &incoming_customer.provider_id],
                        )
                        .await?;
                    let customer_id = row.map(|row| row.try_get(0)).transpose()?;
                    return Ok(Taken::Duplicate(customer_id));
                }
                let Some(mut incoming_customer) = incoming.customer else {
                    tx.commit().await?;
                    return Ok(Taken::Event);
                };
                let provider_id = &incoming_customer.provider_id;
                tx.execute(
                    "INSERT INTO webhook_customers (provider, provider_id, customer_id, occurred_at)
                     VALUES ($1, $2, $3, NULL) ON CONFLICT DO NOTHING",
                    &[&incoming.provider, provider_id, &incoming_customer.new_id],
                )
                .await?;
                let row = tx
                    .query_one(
                        "SELECT customer_id, occurred_at FROM webhook_customers
                         WHERE provider = $1 AND provider_id = $2 FOR UPDATE",
                        &[&incoming.provider, provider_id],
                    )
                    .await?;
                let customer_id: String = row.try_get(0)?;
                let applied: Option<i64> = row.try_get(1)?;
                if !is_newer(incoming_customer.occurred_at, applied) {
                    tx.commit().await?;
                    return Ok(Taken::Older(customer_id));
                }
                let customer = &mut incoming_customer.customer;
                customer.id = Some(customer_id.clone());
                let row = Row::of(customer)?;
                let exists = tx
                    .query_opt(
                        "SELECT 1 FROM customers WHERE id = $1 FOR UPDATE",
                        &[&customer_id],
                    )
                    .await?
                    .is_some();
                let sql = if exists {
                    "UPDATE customers SET email = $2, customer = $3, created_at = $4, updated_at = $5
                     WHERE id = $1"
                } else {
                    "INSERT INTO customers (id, email, customer, created_at, updated_at)
                     VALUES ($1, $2, $3, $4, $5)"
                };
                tx.execute(
                    sql,
                    &[
                        &row.id,
                        &row.email,
                        &row.json,
                        &row.created_at,
                        &row.updated_at,
                    ],
                )
                .await
                .map_err(postgres_write_error)?;
                tx.execute(
                    "UPDATE webhook_customers SET occurred_at = $3
                     WHERE provider = $1 AND provider_id = $2",
                    &[
                        &incoming.provider,
                        provider_id,
                        &incoming_customer.occurred_at,
                    ],
                )
                .await?;
                tx.commit().await?;
                Ok(Taken::Stored(Box::new(incoming_customer.customer)))
            }
        }
    }

    /// Up to `limit` customers with one of `statuses`, in creation order (ids are ULIDs, so
    /// ordered by creation time), after the customer `after` when given.
    pub async fn list(
        &self,
        after: Option<&str>,
        limit: usize,
        statuses: &[Status],
    ) -> Result<Page, StoreError> {
        let after = after.unwrap_or("").to_owned();
        let statuses = status_names(statuses);
        // One more than asked: whether it exists is `has_more`.
        let fetch = i64::try_from(limit).unwrap_or(i64::MAX - 1) + 1;
        let (rows, total) = match self {
            Store::Sqlite(conn) => {
                blocking(conn, move |conn| -> Result<_, StoreError> {
                    // `statuses` is a fixed set of words, passed as one JSON array.
                    let wanted = serde_json::to_string(&statuses)?;
                    let mut select = conn.prepare(
                        "SELECT customer FROM customers
                         WHERE id > ?1
                           AND json_extract(customer, '$.status') IN (SELECT value FROM json_each(?2))
                         ORDER BY id LIMIT ?3",
                    )?;
                    let rows = select
                        .query_map((&after, &wanted, fetch), |row| row.get::<_, String>(0))?
                        .collect::<Result<Vec<_>, _>>()?;
                    let total: i64 = conn.query_row(
                        "SELECT count(*) FROM customers
                         WHERE json_extract(customer, '$.status') IN (SELECT value FROM json_each(?1))",
                        [&wanted],
                        |row| row.get(0),
                    )?;
                    Ok((rows, total))
                })
                .await?
            }
            Store::Postgres(pool) => {
                let conn = pool.get().await?;
                let rows = conn
                    .query(
                        "SELECT customer FROM customers
                         WHERE id > $1 AND (customer::jsonb ->> 'status') = ANY($2)
                         ORDER BY id LIMIT $3",
                        &[&after, &statuses, &fetch],
                    )
                    .await?
                    .iter()
                    .map(|row| row.try_get::<_, String>(0))
                    .collect::<Result<Vec<_>, _>>()?;
                let total: i64 = conn
                    .query_one(
                        "SELECT count(*) FROM customers
                         WHERE (customer::jsonb ->> 'status') = ANY($1)",
                        &[&statuses],
                    )
                    .await?
                    .try_get(0)?;
                (rows, total)
            }
        };
        let mut customers = rows
            .iter()
            .map(|json| serde_json::from_str(json))
            .collect::<Result<Vec<Customer>, _>>()?;
        let has_more = customers.len() > limit;
        customers.truncate(limit);
        Ok(Page {
            customers,
            has_more,
            total: u64::try_from(total).unwrap_or(0),
        })
    }
}

/// The columns of one customer.
struct Row {
    id: String,
    email: String,
    json: String,
    created_at: String,
    updated_at: String,
}

impl Row {
    fn of(customer: &Customer) -> Result<Row, StoreError> {
        let missing = |what: &str| StoreError(format!("a customer to store has no {what}"));
        Ok(Row {
            id: customer.id.clone().ok_or_else(|| missing("id"))?,
            email: customer.email.clone().ok_or_else(|| missing("email"))?,
            json: serde_json::to_string(customer)?,
            created_at: customer
                .created_at
                .clone()
                .ok_or_else(|| missing("created_at"))?,
            updated_at: customer
                .updated_at
                .clone()
                .ok_or_else(|| missing("updated_at"))?,
        })
    }
}

/// Whether an event that happened at `incoming` is to be applied over the one applied at
/// `applied`: always when none was, never when it does not say when it happened (once one was),
/// otherwise only when strictly later.
fn is_newer(incoming: Option<i64>, applied: Option<i64>) -> bool {
    match (incoming, applied) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(incoming), Some(applied)) => incoming > applied,
    }
}

/// [`Store::take_event`] on SQLite: the same steps in one IMMEDIATE transaction (SQLite has one
/// writer at a time, so the transaction itself serialises them).
fn take_sqlite(conn: &mut Connection, incoming: Incoming) -> Result<Taken, WriteError> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let fresh = tx.execute(
        "INSERT INTO webhook_events (provider, event_id, taken_at) VALUES (?1, ?2, ?3)
         ON CONFLICT DO NOTHING",
        (&incoming.provider, &incoming.event_id, &incoming.taken_at),
    )?;
    if fresh == 0 {
        let Some(incoming_customer) = &incoming.customer else {
            return Ok(Taken::Duplicate(None));
        };
        let customer_id: Option<String> = tx
            .query_row(
                "SELECT customer_id FROM webhook_customers WHERE provider = ?1 AND provider_id = ?2",
                (&incoming.provider, &incoming_customer.provider_id),
                |row| row.get(0),
            )
            .optional()?;
        return Ok(Taken::Duplicate(customer_id));
    }
    let Some(mut incoming_customer) = incoming.customer else {
        tx.commit()?;
        return Ok(Taken::Event);
    };
    tx.execute(
        "INSERT INTO webhook_customers (provider, provider_id, customer_id, occurred_at)
         VALUES (?1, ?2, ?3, NULL) ON CONFLICT DO NOTHING",
        (
            &incoming.provider,
            &incoming_customer.provider_id,
            &incoming_customer.new_id,
        ),
    )?;
    let (customer_id, applied): (String, Option<i64>) = tx.query_row(
        "SELECT customer_id, occurred_at FROM webhook_customers
         WHERE provider = ?1 AND provider_id = ?2",
        (&incoming.provider, &incoming_customer.provider_id),
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if !is_newer(incoming_customer.occurred_at, applied) {
        tx.commit()?;
        return Ok(Taken::Older(customer_id));
    }
    incoming_customer.customer.id = Some(customer_id.clone());
    let row = Row::of(&incoming_customer.customer)?;
    tx.execute(
        "INSERT INTO customers (id, email, customer, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET email = excluded.email, customer = excluded.customer,
             created_at = excluded.created_at, updated_at = excluded.updated_at",
        (
            &row.id,
            &row.email,
            &row.json,
            &row.created_at,
            &row.updated_at,
        ),
    )
    .map_err(sqlite_write_error)?;
    tx.execute(
        "UPDATE webhook_customers SET occurred_at = ?3 WHERE provider = ?1 AND provider_id = ?2",
        (
            &incoming.provider,
            &incoming_customer.provider_id,
            incoming_customer.occurred_at,
        ),
    )?;
    tx.commit()?;
    Ok(Taken::Stored(Box::new(incoming_customer.customer)))
}

/// Runs `work` on the SQLite connection on a blocking thread.
async fn blocking<T, E, F>(conn: &Arc<Mutex<Connection>>, work: F) -> Result<T, E>
where
    T: Send + 'static,
    E: From<StoreError> + Send + 'static,
    F: FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
{
    let conn = Arc::clone(conn);
    tokio::task::spawn_blocking(move || {
        let mut conn = conn.lock().unwrap_or_else(PoisonError::into_inner);
        work(&mut conn)
    })
    .await
    .map_err(|_| E::from(StoreError("a SQLite call did not finish".to_owned())))?
}

fn sqlite_write_error(error: rusqlite::Error) -> WriteError {
    match &error {
        // "UNIQUE constraint failed: index 'customers_email_ci'"
        rusqlite::Error::SqliteFailure(failure, message)
            if failure.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_UNIQUE
                && message.as_deref().is_none_or(|m| m.contains(EMAIL_INDEX)) =>
        {
            WriteError::DuplicateEmail
        }
        _ => WriteError::Store(error.into()),
    }
}

fn postgres_write_error(error: tokio_postgres::Error) -> WriteError {
    match error.as_db_error() {
        Some(db)
            if *db.code() == SqlState::UNIQUE_VIOLATION && db.constraint() == Some(EMAIL_INDEX) =>
        {
            WriteError::DuplicateEmail
        }
        _ => WriteError::Store(error.into()),
    }
}

/// Opens (or creates) the SQLite file. The unique index on `lower(email)` is what makes a second
/// customer with the same email impossible, whatever the number of concurrent requests.
fn open_sqlite(path: &str) -> Result<Connection, StoreError> {
    let conn = Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(10))?;
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
         CREATE UNIQUE INDEX IF NOT EXISTS customers_email_ci ON customers (lower(email));
         CREATE TABLE IF NOT EXISTS webhook_events (
             provider   TEXT NOT NULL,
             event_id   TEXT NOT NULL,
             taken_at   TEXT NOT NULL,
             PRIMARY KEY (provider, event_id)
         );
         CREATE TABLE IF NOT EXISTS webhook_customers (
             provider    TEXT NOT NULL,
             provider_id TEXT NOT NULL,
             customer_id TEXT NOT NULL,
             occurred_at INTEGER, -- Unix nanoseconds of the newest event applied; NULL: none yet
             PRIMARY KEY (provider, provider_id)
         );",
    )?;
    Ok(conn)
}

/// Connects a pool to PostgreSQL and creates the table and index when missing. Replicas starting
/// at once take turns (an advisory lock), so `CREATE ... IF NOT EXISTS` never races itself.
///
/// `lower(email COLLATE "C")` folds ASCII letters only, as SQLite's `lower` does, so both stores
/// call the same emails duplicates whatever the cluster's locale; ids sort bytewise (`"C"`) for
/// the creation order of lists.
async fn open_postgres(url: &str, pool_size: u32) -> Result<Store, StoreError> {
    let manager = PostgresConnectionManager::new_from_stringlike(url, NoTls)?;
    let pool = Pool::builder()
        .max_size(pool_size.max(1))
        .connection_timeout(Duration::from_secs(10))
        .build(manager)
        .await?;
    {
        let mut conn = pool.get().await?;
        let tx = conn.transaction().await?;
        tx.batch_execute(
            "SELECT pg_advisory_xact_lock(7263540912);
             CREATE TABLE IF NOT EXISTS customers (
                 id         text COLLATE \"C\" PRIMARY KEY,
                 email      text NOT NULL,
                 customer   text NOT NULL, -- the canonical customer_core::Customer, as JSON
                 created_at text NOT NULL,
                 updated_at text NOT NULL
             );
             CREATE UNIQUE INDEX IF NOT EXISTS customers_email_ci
                 ON customers (lower(email COLLATE \"C\"));
             CREATE TABLE IF NOT EXISTS webhook_events (
                 provider   text COLLATE \"C\" NOT NULL,
                 event_id   text COLLATE \"C\" NOT NULL,
                 taken_at   text NOT NULL,
                 PRIMARY KEY (provider, event_id)
             );
             CREATE TABLE IF NOT EXISTS webhook_customers (
                 provider    text COLLATE \"C\" NOT NULL,
                 provider_id text COLLATE \"C\" NOT NULL,
                 customer_id text NOT NULL,
                 occurred_at bigint, -- Unix nanoseconds of the newest event applied; NULL: none yet
                 PRIMARY KEY (provider, provider_id)
             );",
        )
        .await?;
        tx.commit().await?;
    }
    Ok(Store::Postgres(pool))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_names_no_credentials() {
        assert!(is_postgres_url("postgres://u@h/db"));
        assert!(is_postgres_url("postgresql://u@h/db"));
        assert!(!is_postgres_url("customers.db"));
        assert!(!is_postgres_url("/tmp/postgres://x"));
        assert_eq!(
            describe("postgres://jo:secret@db.internal:6543/customers"),
            "PostgreSQL at db.internal:6543, database customers"
        );
        assert_eq!(
            describe("postgresql://jo:secret@localhost/customers?sslmode=disable"),
            "PostgreSQL at localhost:5432, database customers"
        );
        assert_eq!(describe("postgres://jo:secret@[::1"), "PostgreSQL");
        assert_eq!(describe("/var/lib/customers.db"), "/var/lib/customers.db");
    }
}
