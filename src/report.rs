//! What one document gives: its output lines (violations, dropped values, converted bodies) in
//! the chosen format, and the counts of the summary.
//!
//! Everything here works on one document at a time into a [`Sink`] of bytes, so that the worker
//! threads of the NDJSON reader can format their chunk's output while the main thread writes
//! the chunks before it.

use std::io::Write as _;

use customer_core::providers::Api;
use customer_core::Violation;
use serde::Serialize;

use crate::locate;

/// The largest document (a whole file, or one NDJSON line) that is read: 64 MiB.
pub const MAX_DOCUMENT: usize = 64 * 1024 * 1024;

/// What to do with each document.
#[derive(Clone, Copy, Debug)]
pub enum Task {
    /// Validate by the API's rules.
    Check(Api),
    /// Read as `from`, write `to`'s create-customer body; `lossy` drops what `to` cannot hold.
    Convert { from: Api, to: Api, lossy: bool },
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
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.read += other.read;
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.dropped += other.dropped;
    }

    /// The summary line (without a newline) in `format`.
    pub fn summary(&self, format: Format) -> String {
        match format {
            Format::Text => format!(
                "customer-model: {} read, {} valid, {} invalid, {} dropped",
                count(self.read, "document", "documents"),
                self.valid,
                self.invalid,
                count(self.dropped, "value", "values"),
            ),
            Format::Json => {
                #[derive(Serialize)]
                struct Summary {
                    documents: u64,
                    valid: u64,
                    invalid: u64,
                    dropped: u64,
                }
                let summary = Summary {
                    documents: self.read,
                    valid: self.valid,
                    invalid: self.invalid,
                    dropped: self.dropped,
                };
                serde_json::to_string(&summary).unwrap_or_default()
            }
        }
    }
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

/// A failed decode or encode, and whether its pointers point into the input document.
struct ReportError {
    error: customer_core::Error,
    in_input: bool,
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

/// Checks or converts one document, writing its report (and converted body) into `sink`.
pub fn document(job: Job, at: Origin<'_>, bytes: &[u8], sink: &mut Sink) {
    sink.tally.read += 1;
    let to_err = matches!(job.task, Task::Convert { .. });
    // A byte order mark is not JSON, but editors write one.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        sink.tally.invalid += 1;
        sink.line(
            to_err,
            job.format,
            at.name,
            at.line,
            "",
            "malformed_json",
            "the document is not UTF-8 text",
            false,
        );
        return;
    };
    let result = match job.task {
        Task::Check(api) => api.check(text).map(|()| None).map_err(|error| ReportError {
            error,
            in_input: true,
        }),
        Task::Convert { from, to, lossy } => match from.decode(text) {
            Err(error) => Err(ReportError {
                error,
                in_input: true,
            }),
            // Encoding errors point into the customer, not into the input document.
            Ok(customer) => {
                let encoded = if lossy {
                    to.encode_lossy(&customer)
                        .map(|encoded| (encoded.body, encoded.dropped))
                } else {
                    to.encode(&customer).map(|body| (body, Vec::new()))
                };
                encoded.map(Some).map_err(|error| ReportError {
                    error,
                    in_input: false,
                })
            }
        },
    };
    match result {
        Ok(None) => sink.tally.valid += 1,
        Ok(Some((body, dropped))) => {
            sink.tally.valid += 1;
            for violation in &dropped {
                sink.tally.dropped += 1;
                write_violation(sink, job, at, violation, 1, true);
            }
            sink.out.extend_from_slice(body.as_bytes());
            sink.out.push(b'\n');
        }
        Err(ReportError { error, in_input }) => {
            sink.tally.invalid += 1;
            for violation in error.violations() {
                let line = if !at.whole {
                    at.line
                } else if let Some(syntax_line) = syntax_line(violation) {
                    syntax_line
                } else if in_input {
                    locate::line_of(text, violation.pointer())
                } else {
                    1
                };
                write_violation(sink, job, at, violation, line, false);
            }
        }
    }
}

fn write_violation(
    sink: &mut Sink,
    job: Job,
    at: Origin<'_>,
    violation: &Violation,
    line: usize,
    dropped: bool,
) {
    let to_err = dropped || matches!(job.task, Task::Convert { .. });
    let line = if at.whole { line } else { at.line };
    sink.line(
        to_err,
        job.format,
        at.name,
        line,
        violation.pointer(),
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
        "too_large",
        &message,
        false,
    );
}

/// The line a `malformed_json` violation gives in its params.
fn syntax_line(violation: &Violation) -> Option<usize> {
    if violation.code() != "malformed_json" {
        return None;
    }
    violation.params().find_map(|(name, value)| match value {
        customer_core::Param::UInt(line) if name == "line" && *line > 0 => {
            usize::try_from(*line).ok()
        }
        _ => None,
    })
}
