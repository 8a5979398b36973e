//! What one document gives: its output lines (violations, dropped values, converted bodies) in
//! the chosen format, and the counts of the summary.
//!
//! Everything here works on one document at a time into a [`Sink`] of bytes, so that the worker
//! threads of the NDJSON reader can format their chunk's output while the main thread writes
//! the chunks before it.

use std::io::Write as _;

use customer_core::codes;
use customer_core::providers::{Api, Encoded};
use customer_core::Violation;
use serde::Serialize;

use crate::locate;

/// The largest document (a whole file, or one NDJSON line) that is read: 64 MiB.
pub const MAX_DOCUMENT: usize = 64 * 1024 * 1024;

/// What to do with each document.
#[derive(Clone, Copy, Debug)]
pub enum Task {
    /// Validate by the API's rules.
    Check { api: Api, kind: Kind },
    /// Read as `from`, write `to`'s bodies; `lossy` drops what `to` cannot hold.
    Convert {
        from: Api,
        to: Api,
        lossy: bool,
        kind: Kind,
    },
}

/// What the documents are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// A customer in any shape the API documents (create request, response, envelope,
    /// notification); converted to the target's create-customer body.
    Customer,
    /// An update-customer request body (Mollie's and Paddle's `PATCH`, Tazapay's `PUT`);
    /// converted to the target's update body.
    Update,
    /// A page of the API's list of customers (Mollie, Paddle); converted to one create-customer
    /// body a line, one per customer of the page.
    List,
}

/// How violations and dropped values are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// `FILE:LINE: POINTER: message`, one a line.
    Text,
    /// One JSON object a line: `file`, `line`, `pointer`, `code`, `message` (and
    /// `"dropped": true` for a value `convert --lossy` left out).
    Json,
}

/// The task and the output format: all a worker needs besides the input.
#[derive(Clone, Copy, Debug)]
pub struct Job {
    pub task: Task,
    pub format: Format,
}

/// The counts of the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Documents read (empty NDJSON lines are not documents).
    pub read: u64,
    /// Documents valid (for `convert`: converted).
    pub valid: u64,
    /// Documents invalid (for `convert`: not converted).
    pub invalid: u64,
    /// Values `convert --lossy` left out.
    pub dropped: u64,
    /// Records `convert` refused that `--lossy` would have converted (for the summary's hint).
    pub rescuable: u64,
    /// The values `--lossy` would have left out of those records.
    pub rescuable_values: u64,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.read += other.read;
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.dropped += other.dropped;
        self.rescuable += other.rescuable;
        self.rescuable_values += other.rescuable_values;
    }

    /// The summary line (without a newline) in `format`; in text, after a hint line when
    /// `--lossy` would have converted refused records.
    pub fn summary(&self, format: Format) -> String {
        match format {
            Format::Text => {
                let line = format!(
                    "customer-model: {} read, {} valid, {} invalid, {} dropped",
                    count(self.read, "document", "documents"),
                    self.valid,
                    self.invalid,
                    count(self.dropped, "value", "values"),
                );
                if self.rescuable == 0 {
                    return line;
                }
                // The hint comes first: the summary stays the last line.
                format!(
                    "customer-model: with --lossy, {} would convert, leaving out {} the target cannot hold (a warning each)\n{line}",
                    count(self.rescuable, "refused record", "refused records"),
                    count(self.rescuable_values, "value", "values"),
                )
            }
            Format::Json => {
                #[derive(Serialize)]
                struct Summary {
                    documents: u64,
                    valid: u64,
                    invalid: u64,
                    dropped: u64,
                    #[serde(skip_serializing_if = "is_zero")]
                    lossy_would_convert: u64,
                }
                let summary = Summary {
                    documents: self.read,
                    valid: self.valid,
                    invalid: self.invalid,
                    dropped: self.dropped,
                    lossy_would_convert: self.rescuable,
                };
                serde_json::to_string(&summary).unwrap_or_default()
            }
        }
    }
}

/// For `skip_serializing_if`, which passes a reference.
fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The output of some documents: bytes for stdout and for stderr, and their counts.
#[derive(Debug, Default)]
pub struct Sink {
    pub out: Vec<u8>,
    pub err: Vec<u8>,
    pub tally: Tally,
}

/// What a text line shows for the empty JSON Pointer, the whole document: no JSON Pointer but
/// the empty one lacks a leading `/`, so it cannot be read as one.
const ROOT: &str = "(root)";

/// One line of `--format json`.
#[derive(Serialize)]
struct JsonLine<'a> {
    file: &'a str,
    line: usize,
    pointer: &'a str,
    code: &'a str,
    message: &'a str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    dropped: bool,
}

impl Sink {
    /// A violation (`dropped`: a value left out) as one line in `format`.
    #[allow(clippy::too_many_arguments)]
    fn line(
        &mut self,
        to_err: bool,
        format: Format,
        name: &str,
        line: usize,
        pointer: &str,
        code: &str,
        message: &str,
        dropped: bool,
    ) {
        let buf = if to_err { &mut self.err } else { &mut self.out };
        match format {
            Format::Text => {
                let what = if dropped { "dropped: " } else { "" };
                // The empty pointer (the whole document) gets a word, so that every line keeps
                // its three `: `-separated parts; `--format json` keeps the pointer itself.
                let pointer = if pointer.is_empty() { ROOT } else { pointer };
                // Writing into a Vec cannot fail.
                let _ = writeln!(buf, "{name}:{line}: {pointer}: {what}{message}");
            }
            Format::Json => {
                let record = JsonLine {
                    file: name,
                    line,
                    pointer,
                    code,
                    message,
                    dropped,
                };
                if serde_json::to_writer(&mut *buf, &record).is_ok() {
                    buf.push(b'\n');
                }
            }
        }
    }
}

/// Where a document came from, for its report lines.
#[derive(Clone, Copy)]
pub struct Origin<'a> {
    /// The file name as shown (`<stdin>` for standard input).
    pub name: &'a str,
    /// The line the document is on (NDJSON) or starts on (a whole file: 1).
    pub line: usize,
    /// `true` for a whole-file document, whose violations get the line of their value.
    pub whole: bool,
}

/// Checks or converts one document, writing its report (and converted bodies) into `sink`.
pub fn document(job: Job, at: Origin<'_>, bytes: &[u8], sink: &mut Sink) {
    sink.tally.read += 1;
    // A byte order mark is not JSON, but editors write one.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        sink.tally.invalid += 1;
        let to_err = matches!(job.task, Task::Convert { .. });
        sink.line(
            to_err,
            job.format,
            at.name,
            at.line,
            "",
            codes::MALFORMED_JSON,
            "the document is not UTF-8 text",
            false,
        );
        return;
    };
    let valid = match job.task {
        Task::Check { api, kind } => {
            let result = match kind {
                Kind::Customer => api.check(text),
                Kind::Update => api.decode_update(text).map(drop),
                Kind::List => api.decode_list(text).map(drop),
            };
            match result {
                Ok(()) => true,
                Err(error) => {
                    input_errors(sink, job, at, text, &error);
                    false
                }
            }
        }
        Task::Convert {
            from,
            to,
            lossy,
            kind,
        } => {
            let convert = Convert { from, to, lossy };
            match kind {
                Kind::Customer => convert.customer(sink, job, at, text),
                Kind::Update => convert.update(sink, job, at, text),
                Kind::List => convert.list(sink, job, at, text),
            }
        }
    };
    if valid {
        sink.tally.valid += 1;
    } else {
        sink.tally.invalid += 1;
    }
}

/// One `convert` run's APIs and choice; each method converts a document of its kind into
/// `sink` and says whether every body was written.
#[derive(Clone, Copy)]
struct Convert {
    from: Api,
    to: Api,
    lossy: bool,
}

impl Convert {
    fn customer(self, sink: &mut Sink, job: Job, at: Origin<'_>, text: &str) -> bool {
        let Convert { from, to, lossy } = self;
        match from.decode(text) {
            Ok(customer) => {
                let encoded = encode(
                    sink,
                    lossy,
                    &customer,
                    |c| to.encode(c),
                    |c| to.encode_lossy(c),
                );
                written(sink, job, at, encoded, "", 1)
            }
            Err(error) => {
                input_errors(sink, job, at, text, &error);
                false
            }
        }
    }

    fn update(self, sink: &mut Sink, job: Job, at: Origin<'_>, text: &str) -> bool {
        let Convert { from, to, lossy } = self;
        match from.decode_update(text) {
            Ok(patch) => {
                let encoded = encode(
                    sink,
                    lossy,
                    &patch,
                    |p| to.encode_update(p),
                    |p| to.encode_update_lossy(p),
                );
                written(sink, job, at, encoded, "", 1)
            }
            Err(error) => {
                input_errors(sink, job, at, text, &error);
                false
            }
        }
    }

    /// A list page: one create body a customer, each customer's violations at its place in the
    /// canonical page (`/customers/N/...`), on the line where it starts in the input.
    fn list(self, sink: &mut Sink, job: Job, at: Origin<'_>, text: &str) -> bool {
        let Convert { from, to, lossy } = self;
        let page = match from.decode_list(text) {
            Ok(page) => page,
            Err(error) => {
                input_errors(sink, job, at, text, &error);
                return false;
            }
        };
        let mut all = true;
        for (index, customer) in page.customers.iter().enumerate() {
            let encoded = encode(
                sink,
                lossy,
                customer,
                |c| to.encode(c),
                |c| to.encode_lossy(c),
            );
            let prefix = format!("/customers/{index}");
            let line = if at.whole {
                locate::line_of(text, &list_item(from, index))
            } else {
                at.line
            };
            all &= written(sink, job, at, encoded, &prefix, line);
        }
        all
    }
}

/// Encodes `value` strictly, or leaving out what the target cannot hold when `lossy`. A strict
/// refusal that `--lossy` would have turned into a body is counted for the summary's hint.
fn encode<V: ?Sized>(
    sink: &mut Sink,
    lossy: bool,
    value: &V,
    strict_encode: impl Fn(&V) -> Result<String, customer_core::Error>,
    lossy_encode: impl Fn(&V) -> Result<Encoded, customer_core::Error>,
) -> Result<Encoded, customer_core::Error> {
    if lossy {
        return lossy_encode(value);
    }
    let encoded = strict_encode(value).map(strict);
    if encoded.is_err() {
        if let Ok(rescued) = lossy_encode(value) {
            sink.tally.rescuable += 1;
            sink.tally.rescuable_values += rescued.dropped.len() as u64;
        }
    }
    encoded
}

/// A body written without dropping anything.
fn strict(body: String) -> Encoded {
    Encoded {
        body,
        dropped: Vec::new(),
    }
}

/// The pointer of a list page's `index`th customer in `api`'s list response.
fn list_item(api: Api, index: usize) -> String {
    api.list_item_pointer(index)
}

/// Writes an encoded body (and its dropped values) or the encoding's violations; `true` when
/// there was a body. Pointers are into the canonical value (`prefix` before them).
fn written(
    sink: &mut Sink,
    job: Job,
    at: Origin<'_>,
    encoded: Result<Encoded, customer_core::Error>,
    prefix: &str,
    line: usize,
) -> bool {
    match encoded {
        Ok(Encoded { body, dropped }) => {
            for violation in &dropped {
                sink.tally.dropped += 1;
                write_violation(sink, job, at, violation, prefix, line, true);
            }
            sink.out.extend_from_slice(body.as_bytes());
            sink.out.push(b'\n');
            true
        }
        Err(error) => {
            for violation in error.violations() {
                write_violation(sink, job, at, violation, prefix, line, false);
            }
            false
        }
    }
}

/// The violations of a document that did not read: in a whole file, each on the line of its
/// value.
fn input_errors(
    sink: &mut Sink,
    job: Job,
    at: Origin<'_>,
    text: &str,
    error: &customer_core::Error,
) {
    for violation in error.violations() {
        let line = if !at.whole {
            at.line
        } else if let Some(syntax_line) = syntax_line(violation) {
            syntax_line
        } else {
            locate::line_of(text, violation.pointer())
        };
        write_violation(sink, job, at, violation, "", line, false);
    }
}

fn write_violation(
    sink: &mut Sink,
    job: Job,
    at: Origin<'_>,
    violation: &Violation,
    prefix: &str,
    line: usize,
    dropped: bool,
) {
    let to_err = dropped || matches!(job.task, Task::Convert { .. });
    let line = if at.whole { line } else { at.line };
    let pointer = format!("{prefix}{}", violation.pointer());
    sink.line(
        to_err,
        job.format,
        at.name,
        line,
        &pointer,
        violation.code(),
        &violation.message(),
        dropped,
    );
}

/// A document over [`MAX_DOCUMENT`]: reported, not read.
pub fn too_large(job: Job, at: Origin<'_>, sink: &mut Sink) {
    sink.tally.read += 1;
    sink.tally.invalid += 1;
    let message = format!(
        "the document is larger than {} MiB",
        MAX_DOCUMENT / (1024 * 1024)
    );
    let to_err = matches!(job.task, Task::Convert { .. });
    sink.line(
        to_err,
        job.format,
        at.name,
        at.line,
        "",
        codes::TOO_LARGE,
        &message,
        false,
    );
}

/// The line a `malformed_json` violation gives in its params.
fn syntax_line(violation: &Violation) -> Option<usize> {
    if violation.code() != codes::MALFORMED_JSON {
        return None;
    }
    violation.params().find_map(|(name, value)| match value {
        customer_core::Param::UInt(line) if name == "line" && *line > 0 => {
            usize::try_from(*line).ok()
        }
        _ => None,
    })
}
