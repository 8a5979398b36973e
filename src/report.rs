//! What one document gives: its output lines (violations, dropped values, converted bodies) in
//! the chosen format, and the counts of the summary.
//!
//! Everything here works on one document at a time into a [`Sink`] of bytes, so that the worker
//! threads of the NDJSON reader can format their chunk's output while the main thread writes
//! the chunks before it.

use std::io::Write as _;

use customer_core::codes;
use customer_core::i18n::{Catalog, Lang};
use customer_core::json::MaxViolations;
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
    /// `convert --rejects FILE`: each refused input line is kept, verbatim, in [`Sink::rejects`].
    pub keep_rejects: bool,
    /// The cap on the violations of one document's report.
    pub max_violations: MaxViolations,
    /// The language of the messages (`--lang`); pointers and codes are the same in every one.
    pub lang: &'static Lang,
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
    /// Warnings: top-level members the API ignores.
    pub warnings: u64,
    /// Refused documents written to the `--rejects` file.
    pub rejects: u64,
}

impl Tally {
    pub fn add(&mut self, other: Tally) {
        self.read += other.read;
        self.valid += other.valid;
        self.invalid += other.invalid;
        self.dropped += other.dropped;
        self.rescuable += other.rescuable;
        self.rescuable_values += other.rescuable_values;
        self.warnings += other.warnings;
        self.rejects += other.rejects;
    }

    /// The summary line (without a newline) in `format`; in text, after a hint line when
    /// `--lossy` would have converted refused records. `rejects`: the `--rejects` file's name.
    pub fn summary(&self, format: Format, lang: &Lang, rejects: Option<&str>) -> String {
        match format {
            Format::Text => {
                use customer_core::Param::{Str, UInt};
                let catalog = Catalog::global();
                let mut line = catalog.text(
                    lang,
                    "cli-summary",
                    &[
                        ("read", UInt(self.read)),
                        ("valid", UInt(self.valid)),
                        ("invalid", UInt(self.invalid)),
                        ("dropped", UInt(self.dropped)),
                    ],
                );
                if self.warnings > 0 {
                    line.push_str(&catalog.text(
                        lang,
                        "cli-summary-warnings",
                        &[("warnings", UInt(self.warnings))],
                    ));
                }
                if let Some(file) = rejects {
                    line.push_str(&catalog.text(
                        lang,
                        "cli-summary-rejects",
                        &[
                            ("records", UInt(self.rejects)),
                            ("file", Str(file.to_owned().into())),
                        ],
                    ));
                }
                if self.rescuable == 0 {
                    return line;
                }
                // The hint comes first: the summary stays the last line.
                let hint = catalog.text(
                    lang,
                    "cli-lossy-hint",
                    &[
                        ("records", UInt(self.rescuable)),
                        ("values", UInt(self.rescuable_values)),
                    ],
                );
                format!("{hint}\n{line}")
            }
            Format::Json => {
                #[derive(Serialize)]
                struct Summary<'a> {
                    documents: u64,
                    valid: u64,
                    invalid: u64,
                    dropped: u64,
                    #[serde(skip_serializing_if = "is_zero")]
                    lossy_would_convert: u64,
                    #[serde(skip_serializing_if = "is_zero")]
                    warnings: u64,
                    #[serde(skip_serializing_if = "Option::is_none")]
                    rejects: Option<Rejects<'a>>,
                }
                #[derive(Serialize)]
                struct Rejects<'a> {
                    file: &'a str,
                    records: u64,
                }
                let summary = Summary {
                    documents: self.read,
                    valid: self.valid,
                    invalid: self.invalid,
                    dropped: self.dropped,
                    lossy_would_convert: self.rescuable,
                    warnings: self.warnings,
                    rejects: rejects.map(|file| Rejects {
                        file,
                        records: self.rejects,
                    }),
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

/// The output of some documents: bytes for stdout, for stderr and for the `--rejects` file,
/// and their counts.
#[derive(Debug, Default)]
pub struct Sink {
    pub out: Vec<u8>,
    pub err: Vec<u8>,
    pub rejects: Vec<u8>,
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
    /// The page of the code (`Catalog::doc_uri`), as the server's problems and their
    /// violations give it.
    #[serde(rename = "type")]
    type_uri: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    dropped: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    warning: bool,
}

/// What a report line is about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// A violation: the document is refused.
    Violation,
    /// A value `convert --lossy` left out.
    Dropped,
    /// A member the API ignores: reported, nothing refused.
    Warning,
}

impl Sink {
    /// A violation, a dropped value or a warning as one line in `format`.
    #[allow(clippy::too_many_arguments)]
    fn line(
        &mut self,
        to_err: bool,
        format: Format,
        lang: &Lang,
        name: &str,
        line: usize,
        pointer: &str,
        code: &str,
        message: &str,
        mark: Mark,
    ) {
        let buf = if to_err { &mut self.err } else { &mut self.out };
        match format {
            Format::Text => {
                let what = match mark {
                    Mark::Violation => String::new(),
                    Mark::Dropped => {
                        format!("{}: ", Catalog::global().text(lang, "cli-dropped", &[]))
                    }
                    Mark::Warning => {
                        format!("{}: ", Catalog::global().text(lang, "cli-warning", &[]))
                    }
                };
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
                    type_uri: Catalog::global().doc_uri(code),
                    dropped: mark == Mark::Dropped,
                    warning: mark == Mark::Warning,
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

/// Checks or converts one document, writing its report (and converted bodies) into `sink`;
/// `raw` is the input line (or file) as read, kept verbatim for `--rejects` when it is refused.
pub fn document(job: Job, at: Origin<'_>, bytes: &[u8], raw: &[u8], sink: &mut Sink) {
    sink.tally.read += 1;
    let valid = job.max_violations.scope(|| judge(job, at, bytes, sink));
    if valid {
        sink.tally.valid += 1;
    } else {
        sink.tally.invalid += 1;
        if job.keep_rejects {
            sink.tally.rejects += 1;
            sink.rejects.extend_from_slice(raw);
            if raw.last() != Some(&b'\n') {
                sink.rejects.push(b'\n');
            }
        }
    }
}

/// Checks or converts one document; `true` when it is valid (every body written).
fn judge(job: Job, at: Origin<'_>, bytes: &[u8], sink: &mut Sink) -> bool {
    // A byte order mark is not JSON, but editors write one at the start of a file: dropped
    // there (line 1, of a whole file or of NDJSON). Anywhere else it is a sign of files
    // concatenated with their marks, and the line is refused like any other malformed one.
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) if at.line == 1 => rest,
        _ => bytes,
    };
    let Ok(text) = std::str::from_utf8(bytes) else {
        let to_err = matches!(job.task, Task::Convert { .. });
        sink.line(
            to_err,
            job.format,
            job.lang,
            at.name,
            at.line,
            "",
            codes::MALFORMED_JSON,
            &Catalog::global().text(job.lang, "malformed_json-utf8", &[]),
            Mark::Violation,
        );
        return false;
    };
    match job.task {
        Task::Check { api, kind } => {
            let result = match kind {
                Kind::Customer => api
                    .check_ignored(text)
                    .map(|ignored| warnings(sink, job, at, text, api, &ignored)),
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
    }
}

/// A warning for each top-level member `api` ignores (a sign of a wrong `--api` / `--from`),
/// each on the line of its value in a whole file.
fn warnings(sink: &mut Sink, job: Job, at: Origin<'_>, text: &str, api: Api, ignored: &[String]) {
    if ignored.is_empty() {
        return;
    }
    let pointers: Vec<String> = ignored
        .iter()
        .map(|key| format!("/{}", key.replace('~', "~0").replace('/', "~1")))
        .collect();
    let lines = if at.whole {
        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        locate::lines_of(text, &refs)
    } else {
        vec![at.line; pointers.len()]
    };
    let to_err = matches!(job.task, Task::Convert { .. });
    let message = Catalog::global().text(
        job.lang,
        codes::IGNORED_FIELD,
        &[("api", customer_core::Param::Str(api.title().into()))],
    );
    for (pointer, line) in pointers.iter().zip(lines) {
        sink.tally.warnings += 1;
        sink.line(
            to_err,
            job.format,
            job.lang,
            at.name,
            line,
            pointer,
            codes::IGNORED_FIELD,
            &message,
            Mark::Warning,
        );
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
                if let Ok(ignored) = from.check_ignored(text) {
                    warnings(sink, job, at, text, from, &ignored);
                }
                let encoded = encode(
                    sink,
                    lossy,
                    &customer,
                    |c| to.encode(c),
                    |c| to.encode_lossy(c),
                );
                written(sink, job, at, encoded, None, 1)
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
                written(sink, job, at, encoded, None, 1)
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
        // Where each customer starts, found in one pass over the page.
        let lines = if at.whole {
            let items: Vec<String> = (0..page.customers.len())
                .map(|index| list_item(from, index))
                .collect();
            let refs: Vec<&str> = items.iter().map(String::as_str).collect();
            locate::lines_of(text, &refs)
        } else {
            vec![at.line; page.customers.len()]
        };
        let mut all = true;
        for ((index, customer), line) in page.customers.iter().enumerate().zip(lines) {
            let encoded = encode(
                sink,
                lossy,
                customer,
                |c| to.encode(c),
                |c| to.encode_lossy(c),
            );
            all &= written(sink, job, at, encoded, Some(index), line);
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
/// there was a body. Pointers are into the canonical value (`/customers/N` before them for the
/// `item`th customer of a list page). With `--format json` the body is wrapped with where it
/// came from: `{"file", "line", "body"}` (and `"customer": N` for a list page's customer).
fn written(
    sink: &mut Sink,
    job: Job,
    at: Origin<'_>,
    encoded: Result<Encoded, customer_core::Error>,
    item: Option<usize>,
    line: usize,
) -> bool {
    let prefix = item.map_or_else(String::new, |index| format!("/customers/{index}"));
    match encoded {
        Ok(Encoded { body, dropped }) => {
            for violation in &dropped {
                sink.tally.dropped += 1;
                write_violation(sink, job, at, violation, &prefix, line, Mark::Dropped);
            }
            match job.format {
                Format::Text => sink.out.extend_from_slice(body.as_bytes()),
                Format::Json => {
                    let line = if at.whole { line } else { at.line };
                    // The file name as a JSON string; the body is JSON already.
                    let file = serde_json::to_string(at.name).unwrap_or_default();
                    let _ = write!(sink.out, "{{\"file\":{file},\"line\":{line},");
                    if let Some(index) = item {
                        let _ = write!(sink.out, "\"customer\":{index},");
                    }
                    let _ = write!(sink.out, "\"body\":{body}}}");
                }
            }
            sink.out.push(b'\n');
            true
        }
        Err(error) => {
            for violation in error.violations() {
                write_violation(sink, job, at, violation, &prefix, line, Mark::Violation);
            }
            false
        }
    }
}

/// The violations of a document that did not read: in a whole file, each on the line of its
/// value (all found in one pass over the document).
fn input_errors(
    sink: &mut Sink,
    job: Job,
    at: Origin<'_>,
    text: &str,
    error: &customer_core::Error,
) {
    let violations = error.violations();
    let lines = if at.whole {
        let pointers: Vec<&str> = violations.iter().map(Violation::pointer).collect();
        let mut lines = locate::lines_of(text, &pointers);
        for (line, violation) in lines.iter_mut().zip(violations.iter()) {
            if let Some(syntax_line) = syntax_line(violation) {
                *line = syntax_line;
            }
        }
        lines
    } else {
        vec![at.line; violations.len()]
    };
    for (violation, line) in violations.iter().zip(lines) {
        write_violation(sink, job, at, violation, "", line, Mark::Violation);
    }
}

fn write_violation(
    sink: &mut Sink,
    job: Job,
    at: Origin<'_>,
    violation: &Violation,
    prefix: &str,
    line: usize,
    mark: Mark,
) {
    let to_err = mark == Mark::Dropped || matches!(job.task, Task::Convert { .. });
    let line = if at.whole { line } else { at.line };
    let pointer = format!("{prefix}{}", violation.pointer());
    sink.line(
        to_err,
        job.format,
        job.lang,
        at.name,
        line,
        &pointer,
        violation.code(),
        &Catalog::global().message(job.lang, violation.rule_error()),
        mark,
    );
}

/// A document over [`MAX_DOCUMENT`]: reported, not read.
pub fn too_large(job: Job, at: Origin<'_>, sink: &mut Sink) {
    sink.tally.read += 1;
    sink.tally.invalid += 1;
    let limit = customer_core::Param::UInt((MAX_DOCUMENT / (1024 * 1024)) as u64);
    let message = Catalog::global().text(job.lang, codes::TOO_LARGE, &[("limit", limit)]);
    let to_err = matches!(job.task, Task::Convert { .. });
    sink.line(
        to_err,
        job.format,
        job.lang,
        at.name,
        at.line,
        "",
        codes::TOO_LARGE,
        &message,
        Mark::Violation,
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
