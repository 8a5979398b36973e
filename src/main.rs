//! `customer-model`: check customer documents against a payment API's rules, or convert them from
//! one API's shape to another's.
//!
//! ```text
//! customer-model check --api paddle customer.json more.ndjson -
//! customer-model convert --from mollie --to paddle customers.ndjson > paddle.ndjson
//! ```
//!
//! Every violation is printed as `FILE:LINE: POINTER: message` (on stdout for `check`, on stderr
//! for `convert`, whose stdout holds the converted documents, one a line). The exit status is 0
//! when every document is valid, 1 when any is not, and 2 for a usage or I/O error.

mod locate;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal as _, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use customer_core::providers::Api;
use indicatif::{ProgressBar, ProgressStyle};

/// The largest document (a whole file, or one NDJSON line) that is read: 64 MiB.
const MAX_DOCUMENT: usize = 64 * 1024 * 1024;

/// Inputs at least this large (in bytes, added up) get a progress bar on a terminal.
const PROGRESS_THRESHOLD: u64 = 32 * 1024 * 1024;

/// Check or convert customer documents of payment APIs (mollie, tazapay, paddle, legit).
#[derive(Debug, Parser)]
#[command(name = "customer-model", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate each document by an API's rules; print every violation as
    /// `FILE:LINE: POINTER: message`.
    Check {
        /// The API whose shapes and rules apply: mollie, tazapay, paddle or legit.
        #[arg(long, value_name = "NAME", value_parser = parse_api)]
        api: Api,
        #[command(flatten)]
        input: Input,
    },
    /// Read each document as API `--from` and print API `--to`'s create-customer body for it,
    /// one compact JSON document a line.
    Convert {
        /// The API the documents are written for: mollie, tazapay, paddle or legit.
        #[arg(long, value_name = "NAME", value_parser = parse_api)]
        from: Api,
        /// The API to write create-customer bodies for: mollie, tazapay, paddle or legit.
        #[arg(long, value_name = "NAME", value_parser = parse_api)]
        to: Api,
        #[command(flatten)]
        input: Input,
    },
}

#[derive(Debug, Args)]
struct Input {
    /// Read every input as NDJSON (one document a line), as `.ndjson` and `.jsonl` files are.
    #[arg(long)]
    ndjson: bool,
    /// The documents: JSON files (one document each), `.ndjson` / `.jsonl` files, or `-` for
    /// standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

fn parse_api(name: &str) -> Result<Api, customer_core::providers::UnknownApi> {
    name.parse()
}

/// What to do with each document.
#[derive(Clone, Copy, Debug)]
enum Task {
    Check(Api),
    Convert { from: Api, to: Api },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let (task, input) = match cli.command {
        Command::Check { api, input } => (Task::Check(api), input),
        Command::Convert { from, to, input } => (Task::Convert { from, to }, input),
    };
    let stdout = io::stdout();
    let mut run = Run {
        task,
        out: BufWriter::with_capacity(64 * 1024, stdout.lock()),
        out_is_terminal: stdout.is_terminal(),
        progress: progress_bar(&input.files),
        pending_progress: 0,
        invalid: false,
        failed: false,
    };
    let outcome = run.all(&input);
    if let Some(bar) = &run.progress {
        bar.finish_and_clear();
    }
    let flushed = run.out.flush();
    match (outcome, flushed) {
        (Ok(()), Ok(())) => {}
        (Err(error), _) | (Ok(()), Err(error)) => {
            if error.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("customer-model: cannot write the output: {error}");
            }
            return ExitCode::from(2);
        }
    }
    if run.failed {
        ExitCode::from(2)
    } else if run.invalid {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A bar over the bytes of the input files, when stderr is a terminal and they are large.
fn progress_bar(files: &[PathBuf]) -> Option<ProgressBar> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let total: u64 = files
        .iter()
        .filter(|path| path.as_os_str() != "-")
        .filter_map(|path| std::fs::metadata(path).ok())
        .map(|meta| meta.len())
        .sum();
    if total < PROGRESS_THRESHOLD {
        return None;
    }
    let bar = ProgressBar::new(total);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {bytes}/{total_bytes} {bytes_per_sec} eta {eta}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

struct Run<W: Write> {
    task: Task,
    out: W,
    out_is_terminal: bool,
    progress: Option<ProgressBar>,
    /// Bytes read but not yet added to the bar (it is updated every megabyte).
    pending_progress: u64,
    /// A document was invalid.
    invalid: bool,
    /// A file could not be read.
    failed: bool,
}

impl<W: Write> Run<W> {
    /// Handles every input; `Err` only when the output cannot be written.
    fn all(&mut self, input: &Input) -> io::Result<()> {
        for path in &input.files {
            self.file(path, input.ndjson)?;
        }
        Ok(())
    }

    fn file(&mut self, path: &Path, force_ndjson: bool) -> io::Result<()> {
        let is_stdin = path.as_os_str() == "-";
        let name = if is_stdin {
            "<stdin>".to_owned()
        } else {
            path.display().to_string()
        };
        let ndjson = force_ndjson
            || path
                .extension()
                .and_then(|ext| ext.to_str())
                .is_some_and(|ext| {
                    ext.eq_ignore_ascii_case("ndjson") || ext.eq_ignore_ascii_case("jsonl")
                });
        let reader: Box<dyn BufRead> = if is_stdin {
            Box::new(BufReader::with_capacity(256 * 1024, io::stdin().lock()))
        } else {
            match File::open(path) {
                Ok(file) => Box::new(BufReader::with_capacity(256 * 1024, file)),
                Err(error) => {
                    self.failed = true;
                    self.note(&format!("customer-model: {name}: {error}"));
                    return Ok(());
                }
            }
        };
        let read = if ndjson {
            self.lines(&name, reader)
        } else {
            self.whole(&name, reader)
        };
        match read {
            Ok(()) => Ok(()),
            Err(Failure::Output(error)) => Err(error),
            Err(Failure::Input(error)) => {
                self.failed = true;
                self.note(&format!("customer-model: {name}: {error}"));
                Ok(())
            }
        }
    }

    /// One document: the whole input.
    fn whole(&mut self, name: &str, reader: Box<dyn BufRead>) -> Result<(), Failure> {
        let mut buf = Vec::new();
        let limit = MAX_DOCUMENT as u64 + 1;
        reader
            .take(limit)
            .read_to_end(&mut buf)
            .map_err(Failure::Input)?;
        self.advance(buf.len() as u64);
        if buf.len() > MAX_DOCUMENT {
            return self.too_large(name, 1).map_err(Failure::Output);
        }
        self.document(name, 1, &buf, true).map_err(Failure::Output)
    }

    /// One document a line, read into one reused buffer: memory stays flat on any input size.
    fn lines(&mut self, name: &str, mut reader: Box<dyn BufRead>) -> Result<(), Failure> {
        let mut buf = Vec::with_capacity(64 * 1024);
        let mut line = 0usize;
        loop {
            buf.clear();
            let read = (&mut reader)
                .take(MAX_DOCUMENT as u64 + 1)
                .read_until(b'\n', &mut buf)
                .map_err(Failure::Input)?;
            if read == 0 {
                return Ok(());
            }
            line += 1;
            self.advance(read as u64);
            if buf.len() > MAX_DOCUMENT && buf.last() != Some(&b'\n') {
                let skipped = skip_line(&mut reader).map_err(Failure::Input)?;
                self.advance(skipped);
                self.too_large(name, line).map_err(Failure::Output)?;
                continue;
            }
            let text = buf.trim_ascii();
            if text.is_empty() {
                continue;
            }
            self.document(name, line, text, false)
                .map_err(Failure::Output)?;
        }
    }

    fn document(&mut self, name: &str, line: usize, bytes: &[u8], whole: bool) -> io::Result<()> {
        // A byte order mark is not JSON, but editors write one.
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let Ok(text) = std::str::from_utf8(bytes) else {
            self.invalid = true;
            return self.violation_line(name, line, "", "the document is not UTF-8 text", false);
        };
        let result = match self.task {
            Task::Check(api) => api.decode(text).map(|_| None).map_err(|error| ReportError {
                error,
                in_input: true,
            }),
            Task::Convert { from, to } => match from.decode(text) {
                Err(error) => Err(ReportError {
                    error,
                    in_input: true,
                }),
                // Encoding errors point into the customer, not into the input document.
                Ok(customer) => to.encode(&customer).map(Some).map_err(|error| ReportError {
                    error,
                    in_input: false,
                }),
            },
        };
        match result {
            Ok(None) => Ok(()),
            Ok(Some(body)) => {
                let mut converted = body.into_bytes();
                converted.push(b'\n');
                self.emit(&converted)
            }
            Err(ReportError { error, in_input }) => {
                self.invalid = true;
                let to_stderr = matches!(self.task, Task::Convert { .. });
                for violation in error.violations() {
                    let at = if !whole {
                        line
                    } else if let Some(syntax_line) = syntax_line(violation) {
                        syntax_line
                    } else if in_input {
                        locate::line_of(text, violation.pointer())
                    } else {
                        1
                    };
                    self.violation_line(
                        name,
                        at,
                        violation.pointer(),
                        &violation.message(),
                        to_stderr,
                    )?;
                }
                Ok(())
            }
        }
    }

    fn too_large(&mut self, name: &str, line: usize) -> io::Result<()> {
        self.invalid = true;
        let message = format!(
            "the document is larger than {} MiB",
            MAX_DOCUMENT / (1024 * 1024)
        );
        let to_stderr = matches!(self.task, Task::Convert { .. });
        self.violation_line(name, line, "", &message, to_stderr)
    }

    fn violation_line(
        &mut self,
        name: &str,
        line: usize,
        pointer: &str,
        message: &str,
        to_stderr: bool,
    ) -> io::Result<()> {
        let text = format!("{name}:{line}: {pointer}: {message}");
        if to_stderr {
            self.note(&text);
            Ok(())
        } else {
            let mut bytes = text.into_bytes();
            bytes.push(b'\n');
            self.emit(&bytes)
        }
    }

    /// Writes to stdout, keeping clear of the progress bar when both share the terminal.
    fn emit(&mut self, bytes: &[u8]) -> io::Result<()> {
        match &self.progress {
            Some(bar) if self.out_is_terminal => {
                let out = &mut self.out;
                bar.suspend(|| out.write_all(bytes).and_then(|()| out.flush()))
            }
            _ => self.out.write_all(bytes),
        }
    }

    /// Writes a line to stderr (above the progress bar when there is one).
    fn note(&mut self, text: &str) {
        match &self.progress {
            Some(bar) => bar.println(text),
            None => eprintln!("{text}"),
        }
    }

    fn advance(&mut self, bytes: u64) {
        if let Some(bar) = &self.progress {
            self.pending_progress += bytes;
            if self.pending_progress >= 1024 * 1024 {
                bar.inc(self.pending_progress);
                self.pending_progress = 0;
            }
        }
    }
}

/// Why reading one input stopped.
enum Failure {
    /// The input could not be read: reported, and the run goes on with the next input.
    Input(io::Error),
    /// The output could not be written: the run stops.
    Output(io::Error),
}

/// A failed decode or encode, and whether its pointers point into the input document.
struct ReportError {
    error: customer_core::Error,
    in_input: bool,
}

/// The line a `malformed_json` violation gives in its params.
fn syntax_line(violation: &customer_core::Violation) -> Option<usize> {
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

/// Skips the rest of an over-long line; returns how many bytes were skipped.
fn skip_line(reader: &mut dyn BufRead) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let chunk = reader.fill_buf()?;
        if chunk.is_empty() {
            return Ok(skipped);
        }
        let (used, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(at) => (at + 1, true),
            None => (chunk.len(), false),
        };
        reader.consume(used);
        skipped += used as u64;
        if done {
            return Ok(skipped);
        }
    }
}
