//! `customer-model`: check customer documents against a payment API's rules, or convert them from
//! one API's shape to another's.
//!
//! ```text
//! customer-model check --api paddle customer.json more.ndjson -
//! customer-model convert --from mollie --to paddle customers.ndjson > paddle.ndjson
//! customer-model schema --api mollie > mollie.schema.json
//! ```
//!
//! Every violation is printed as `FILE:LINE: POINTER: message` (`POINTER` is `(root)` for the
//! whole document, the empty JSON Pointer), or with `--format json` as one
//! JSON object a line (on stdout for `check`, on stderr for `convert`, whose stdout holds the
//! converted documents, one a line). `convert --lossy` leaves out what the target API cannot
//! hold and says so on stderr, `FILE:LINE: POINTER: dropped: reason`. A document with none of
//! the API's fields is refused (`not_this_api`); a top-level key the API ignores is a warning,
//! `FILE:LINE: POINTER: warning: ...`. `convert --rejects FILE` keeps each refused input line
//! verbatim, in input order; with `--format json`, `convert` writes each body as
//! `{"file", "line", "body"}`, joinable to its input line. A summary line ends the run on
//! stderr. The exit status is 0 when every document is valid, 1 when any is not, and 2 for a
//! usage or I/O error, or an NDJSON input without a single document (empty, or blank lines only:
//! most often an export that wrote nothing, or the wrong file), which is named on stderr.
//!
//! `--lang LANG` writes the messages in English (the default), Dutch, German, French, Spanish,
//! Italian, Portuguese or Polish, in text and in `--format json`; the pointers and codes are the
//! same in every language. The summary line, the `--lossy` hint and the `dropped:` and
//! `warning:` marks are in that language too; the `--format json` summary's keys are not.
//!
//! NDJSON is checked or converted on every core (`--jobs`); see [`ndjson`] for the reader.

mod locate;
mod ndjson;
mod report;

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal as _, Read, Write};
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use customer_core::i18n::{Catalog, Lang};
use customer_core::json::MaxViolations;
use customer_core::providers::Api;
use indicatif::{ProgressBar, ProgressStyle};

use ndjson::Failure;
use report::{Format, Job, Kind, Origin, Sink, Tally, Task, MAX_DOCUMENT};

/// The language of `--lang`, for the whole run.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Inputs at least this large (in bytes, added up) get a progress bar on a terminal.
const PROGRESS_THRESHOLD: u64 = 32 * 1024 * 1024;

/// Check or convert customer documents of payment APIs (mollie, tazapay, paddle, legit, stripe).
#[derive(Debug, Parser)]
#[command(name = "customer-model", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the messages: en, nl, de, fr, es, it, pt or pl (a region falls back to
    /// its language: `de-CH` is `de`). Pointers and codes are the same in every language.
    #[arg(long, value_name = "LANG", default_value = "en", global = true)]
    lang: String,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Validate each document by an API's rules; print every violation as
    /// `FILE:LINE: POINTER: message`.
    Check {
        /// The API whose shapes and rules apply: mollie, tazapay, paddle, legit or stripe.
        #[arg(long, value_name = "NAME", value_parser = parse_api)]
        api: Api,
        #[command(flatten)]
        input: Input,
    },
    /// Read each document as API `--from` and print API `--to`'s create-customer body for it,
    /// one compact JSON document a line.
    Convert {
        /// The API the documents are written for: mollie, tazapay, paddle, legit or stripe.
        #[arg(long, value_name = "NAME", value_parser = parse_api)]
        from: Api,
        /// The API to write create-customer bodies for: mollie, tazapay, paddle, legit or stripe.
        #[arg(long, value_name = "NAME", value_parser = parse_api)]
        to: Api,
        /// Leave out each value the `--to` API cannot hold (one `dropped` warning each on
        /// stderr) instead of refusing the document. A value `--to` needs still has to be there.
        #[arg(long)]
        lossy: bool,
        /// Write each refused input line (or one-document file) to FILE, verbatim, in input
        /// order, so that it can be fixed and converted again.
        #[arg(long, value_name = "FILE")]
        rejects: Option<PathBuf>,
        #[command(flatten)]
        input: Input,
    },
    /// Print the JSON Schema (2020-12) of the documents `check --api NAME` reads: any one of the
    /// API's shapes, with its rules as keywords.
    Schema {
        /// The API: mollie, tazapay, paddle, legit or stripe.
        #[arg(long, value_name = "NAME", value_parser = parse_api)]
        api: Api,
    },
}

#[derive(Debug, Args)]
struct Input {
    /// Read every input as NDJSON (one document a line), as `.ndjson` and `.jsonl` files are.
    #[arg(long)]
    ndjson: bool,
    /// What the documents are: `customer` (any customer shape the API documents), `update`
    /// (update-customer request bodies) or `list` (pages of the API's list of customers;
    /// `convert` writes one create-customer body a line per customer).
    #[arg(long, value_enum, default_value_t = Kind::Customer)]
    kind: Kind,
    /// How to print violations: `text` (`FILE:LINE: POINTER: message`) or `json` (one object
    /// a line with `file`, `line`, `pointer`, `code`, `message`).
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Worker threads for NDJSON input [default: the number of cores].
    #[arg(long, short = 'j', value_name = "N")]
    jobs: Option<NonZeroUsize>,
    /// The most violations reported for one document: past it, the first N in document order
    /// and one `too_many_violations` line with the count of all; `0` for no limit.
    #[arg(long, value_name = "N", default_value_t = customer_core::json::DEFAULT_MAX_VIOLATIONS)]
    max_violations: usize,
    /// No summary line and no progress bar.
    #[arg(long, short = 'q')]
    quiet: bool,
    /// The documents: JSON files (one document each), `.ndjson` / `.jsonl` files, or `-` for
    /// standard input.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
}

/// Refuses a `--rejects` FILE that would destroy or mix up data: `-` (standard input names the
/// input, and standard output holds the converted records), one of the input files (creating
/// FILE empties it before it is read), or the file standard output is redirected to (the
/// refused records would be written over the converted ones). Checked before FILE is created.
fn rejects_target_is_safe(path: &Path, inputs: &[PathBuf]) -> Result<(), &'static str> {
    if path.as_os_str() == "-" {
        return Err(
            "give a file name: `-` is not standard output here (the converted records go there)",
        );
    }
    let Ok(target) = std::fs::metadata(path) else {
        return Ok(()); // a new file cannot be an input, nor standard output
    };
    if !target.is_file() {
        return Ok(()); // /dev/null and the like may be named twice
    }
    for input in inputs {
        if input.as_os_str() != "-"
            && (std::fs::metadata(input).is_ok_and(|meta| same_file(&target, &meta))
                || std::fs::canonicalize(input).ok() == std::fs::canonicalize(path).ok())
        {
            return Err("is also an input file: writing the refused records would empty it before it is read");
        }
    }
    if stdout_metadata().is_some_and(|meta| same_file(&target, &meta)) {
        return Err("is also where standard output goes: the refused records would be written over the converted ones");
    }
    Ok(())
}

#[cfg(unix)]
fn same_file(a: &std::fs::Metadata, b: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt as _;
    a.is_file() && b.is_file() && a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::Metadata, _: &std::fs::Metadata) -> bool {
    false
}

#[cfg(unix)]
fn stdout_metadata() -> Option<std::fs::Metadata> {
    use std::os::fd::AsFd as _;
    let fd = io::stdout().as_fd().try_clone_to_owned().ok()?;
    File::from(fd).metadata().ok()
}

#[cfg(not(unix))]
fn stdout_metadata() -> Option<std::fs::Metadata> {
    None
}

fn parse_api(name: &str) -> Result<Api, customer_core::providers::UnknownApi> {
    name.parse()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(lang) = Catalog::global().choose(&cli.lang) else {
        let known: Vec<&str> = Catalog::global().languages().collect();
        eprintln!(
            "customer-model: --lang: no messages in `{}`; choose one of {}",
            cli.lang,
            known.join(", ")
        );
        return ExitCode::from(2);
    };
    let lang: &'static Lang = LANG.get_or_init(|| lang);
    let (task, input, rejects) = match cli.command {
        Command::Check { api, input } => (
            Task::Check {
                api,
                kind: input.kind,
            },
            input,
            None,
        ),
        Command::Convert {
            from,
            to,
            lossy,
            rejects,
            input,
        } => (
            Task::Convert {
                from,
                to,
                lossy,
                kind: input.kind,
            },
            input,
            rejects,
        ),
        Command::Schema { api } => return print_schema(api),
    };
    if let Some(path) = &rejects {
        if let Err(reason) = rejects_target_is_safe(path, &input.files) {
            eprintln!("customer-model: --rejects {}: {reason}", path.display());
            return ExitCode::from(2);
        }
    }
    let rejects_file = match &rejects {
        None => None,
        Some(path) => match File::create(path) {
            Ok(file) => Some(BufWriter::new(file)),
            Err(error) => {
                eprintln!("customer-model: {}: {error}", path.display());
                return ExitCode::from(2);
            }
        },
    };
    let jobs = input.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );
    let stdout = io::stdout();
    let mut run = Run {
        job: Job {
            task,
            format: input.format,
            keep_rejects: rejects_file.is_some(),
            max_violations: match input.max_violations {
                0 => MaxViolations::UNLIMITED,
                max => MaxViolations(max),
            },
            lang,
        },
        rejects: rejects_file,
        jobs,
        out: BufWriter::with_capacity(64 * 1024, stdout.lock()),
        out_is_terminal: stdout.is_terminal(),
        progress: if input.quiet {
            None
        } else {
            progress_bar(&input.files)
        },
        pending_progress: 0,
        tally: Tally::default(),
        failed: false,
    };
    let outcome = run.all(&input);
    if let Some(bar) = &run.progress {
        bar.finish_and_clear();
    }
    let flushed = run.out.flush().and_then(|()| match &mut run.rejects {
        Some(file) => file.flush(),
        None => Ok(()),
    });
    match (outcome, flushed) {
        (Ok(()), Ok(())) => {}
        (Err(error), _) | (Ok(()), Err(error)) => {
            if error.kind() != io::ErrorKind::BrokenPipe {
                eprintln!("customer-model: cannot write the output: {error}");
            }
            return ExitCode::from(2);
        }
    }
    if !input.quiet {
        let rejects_name = rejects.as_ref().map(|path| path.display().to_string());
        eprintln!(
            "{}",
            run.tally
                .summary(input.format, lang, rejects_name.as_deref())
        );
    }
    if run.failed {
        ExitCode::from(2)
    } else if run.tally.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `schema --api NAME`: the API's JSON Schema, pretty-printed on stdout.
fn print_schema(api: Api) -> ExitCode {
    let schema = api.json_schema();
    let mut out = io::stdout().lock();
    let written = serde_json::to_writer_pretty(&mut out, &schema)
        .map_err(io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush());
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("customer-model: cannot write the output: {error}");
            ExitCode::from(2)
        }
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
    job: Job,
    /// The `--rejects` file.
    rejects: Option<BufWriter<File>>,
    jobs: usize,
    out: W,
    out_is_terminal: bool,
    progress: Option<ProgressBar>,
    /// Bytes read but not yet added to the bar (it is updated every megabyte).
    pending_progress: u64,
    /// The counts so far.
    tally: Tally,
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
        let mut reader: Box<dyn BufRead> = if is_stdin {
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
        let documents_before = self.tally.read;
        let read = if ndjson {
            let (job, jobs) = (self.job, self.jobs);
            ndjson::run(job, &name, &mut reader, jobs, &mut |sink, consumed| {
                self.advance(consumed);
                self.write(sink)
            })
        } else {
            self.whole(&name, reader)
        };
        match read {
            Ok(()) if ndjson && self.tally.read == documents_before => {
                // An export that wrote nothing, the wrong file: most often a mistake, never
                // passed quietly as "0 documents read".
                self.failed = true;
                let lang = self.job.lang;
                let file = customer_core::Param::Str(name.clone().into());
                let text = Catalog::global().text(lang, "cli-no-documents", &[("file", file)]);
                self.note(&text);
                Ok(())
            }
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
        let at = Origin {
            name,
            line: 1,
            whole: true,
        };
        let mut sink = Sink::default();
        if buf.len() > MAX_DOCUMENT {
            report::too_large(self.job, at, &mut sink);
        } else {
            report::document(self.job, at, &buf, &buf, &mut sink);
        }
        self.write(sink).map_err(Failure::Output)
    }

    /// Writes the output of some documents and counts them.
    fn write(&mut self, sink: Sink) -> io::Result<()> {
        self.tally.add(sink.tally);
        if let Some(file) = &mut self.rejects {
            file.write_all(&sink.rejects)?;
        }
        if !sink.err.is_empty() {
            let err = &sink.err;
            let to_stderr = || {
                // A report that cannot reach stderr has nowhere else to go.
                let _ = io::stderr().lock().write_all(err);
            };
            match &self.progress {
                Some(bar) => bar.suspend(to_stderr),
                None => to_stderr(),
            }
        }
        if sink.out.is_empty() {
            return Ok(());
        }
        match &self.progress {
            Some(bar) if self.out_is_terminal => {
                let out = &mut self.out;
                bar.suspend(|| out.write_all(&sink.out).and_then(|()| out.flush()))
            }
            _ => self.out.write_all(&sink.out),
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
