//! The built `customer-model` binary, run on files, NDJSON and standard input.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_customer-model");

/// A fresh directory holding `files` (name, contents).
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tests")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    for (file, contents) in files {
        std::fs::write(dir.join(file), contents).expect("fixture written");
    }
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Run {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(input.as_bytes()).expect("stdin written");
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("the binary ends");
    Run {
        code: status.code().expect("an exit code"),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    }
}

const VALID: &str = r#"{"email": "jo@example.com", "name": "Jo Brown"}"#;

/// Line 3 holds the bad email, line 4 an unknown key.
const INVALID_PRETTY: &str = r#"{
  "name": "Jo Brown",
  "email": "secret-not-an-address",
  "nickname": "secret-nick"
}
"#;

const RESPONSE: &str = r#"{
  "data": {
    "id": "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
    "status": "active",
    "custom_data": null,
    "name": "Jo Brown",
    "email": "jo@example.com",
    "marketing_consent": false,
    "locale": "en",
    "created_at": "2024-04-11T15:57:24.813Z",
    "updated_at": "2024-04-11T15:57:24.813Z",
    "import_meta": null
  },
  "meta": {
    "request_id": "9bcdcc29-e180-4055-ad3d-d37e5dc5e56d"
  }
}
"#;

/// The `FILE:LINE: POINTER: ` prefixes of the output lines, in order.
fn prefixes(output: &str) -> Vec<String> {
    output
        .lines()
        .map(|line| {
            let mut parts = line.splitn(3, ": ");
            let file_line = parts.next().unwrap_or_default();
            let pointer = parts.next().unwrap_or_default();
            format!("{file_line}: {pointer}")
        })
        .collect()
}

#[test]
fn valid_documents_exit_0_quietly() {
    let bom = format!("\u{feff}{VALID}");
    let dir = scratch(
        "valid",
        &[
            ("jo.json", VALID),
            ("response.json", RESPONSE),
            ("bom.json", &bom),
        ],
    );
    let out = run(
        &dir,
        &[
            "check",
            "--api",
            "paddle",
            "jo.json",
            "response.json",
            "bom.json",
        ],
        None,
    );
    assert_eq!(
        out.code, 0,
        "stdout: {}\nstderr: {}",
        out.stdout, out.stderr
    );
    assert_eq!(out.stdout, "");
}

#[test]
fn violations_are_reported_with_file_line_and_pointer() {
    let dir = scratch(
        "invalid",
        &[("jo.json", VALID), ("bad.json", INVALID_PRETTY)],
    );
    let out = run(
        &dir,
        &["check", "--api", "paddle", "jo.json", "bad.json"],
        None,
    );
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    let mut lines = prefixes(&out.stdout);
    lines.sort();
    // The shape error (the unknown key) does not stop the reading: the email's rule is reported
    // too, each on the line of its value.
    assert_eq!(
        lines,
        ["bad.json:3: /email", "bad.json:4: /nickname"],
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("secret"), "{}", out.stdout);
    for line in out.stdout.lines() {
        let message = line.splitn(3, ": ").nth(2).unwrap_or_default();
        assert!(!message.is_empty(), "no message in {line}");
    }
}

#[test]
fn malformed_json_gives_the_line_of_the_error() {
    let dir = scratch(
        "malformed",
        &[(
            "broken.json",
            "{\n  \"email\": \"jo@example.com\",\n  oops\n}\n",
        )],
    );
    let out = run(&dir, &["check", "--api", "paddle", "broken.json"], None);
    assert_eq!(out.code, 1);
    assert_eq!(prefixes(&out.stdout), ["broken.json:3: (root)"]);
}

#[test]
fn the_whole_document_is_named_root_in_text_and_empty_in_json() {
    let dir = scratch("root", &[("list.json", "[\n  1\n]\n")]);
    let out = run(&dir, &["check", "--api", "mollie", "list.json"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "list.json:1: (root): must be an object\n");
    let out = run(
        &dir,
        &["check", "--api", "mollie", "--format", "json", "list.json"],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let record: Value = serde_json::from_str(out.stdout.trim()).expect("one JSON object");
    assert_eq!(record["pointer"], "");
    assert_eq!(record["line"], 1);
}

#[test]
fn ndjson_reports_each_line() {
    let ndjson = format!(
        "{VALID}\n\n{{\"email\": \"secret-bad\", \"name\": \"Jo\"}}\nnot json\n{VALID}\r\n{{\"name\": \"No Mail\"}}"
    );
    let dir = scratch(
        "ndjson",
        &[
            ("many.ndjson", &ndjson),
            ("many.jsonl", &ndjson),
            ("many.txt", &ndjson),
        ],
    );
    for file in ["many.ndjson", "many.jsonl"] {
        let out = run(&dir, &["check", "--api", "paddle", file], None);
        assert_eq!(out.code, 1, "stderr: {}", out.stderr);
        assert_eq!(
            prefixes(&out.stdout),
            [
                format!("{file}:3: /email"),
                format!("{file}:4: (root)"),
                format!("{file}:6: /email"),
            ],
            "{}",
            out.stdout
        );
        assert!(!out.stdout.contains("secret"));
    }
    // Any file is NDJSON with --ndjson.
    let out = run(
        &dir,
        &["check", "--api", "paddle", "--ndjson", "many.txt"],
        None,
    );
    assert_eq!(out.code, 1);
    assert_eq!(prefixes(&out.stdout).len(), 3, "{}", out.stdout);
}

#[test]
fn a_byte_order_mark_is_dropped_at_the_start_of_a_file_only() {
    // Two files, each with its mark, concatenated: the second mark lands on line 3.
    let first = format!("\u{feff}{VALID}\n{VALID}\n");
    let concatenated = format!("{first}{first}");
    let dir = scratch(
        "bom-ndjson",
        &[("one.ndjson", &first), ("cat.ndjson", &concatenated)],
    );
    for jobs in ["1", "2"] {
        let out = run(
            &dir,
            &["check", "--api", "paddle", "--jobs", jobs, "one.ndjson"],
            None,
        );
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        assert_eq!(out.stdout, "");

        let out = run(
            &dir,
            &[
                "check",
                "--api",
                "paddle",
                "--jobs",
                jobs,
                "--format",
                "json",
                "cat.ndjson",
            ],
            None,
        );
        assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
        let records: Vec<Value> = out
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
            .collect();
        assert_eq!(records.len(), 1, "{}", out.stdout);
        assert_eq!(records[0]["line"], 3);
        assert_eq!(records[0]["code"], "malformed_json");
        assert_eq!(records[0]["pointer"], "");
    }
    // Standard input starts a file too; a mark on its second line does not.
    let out = run(
        &dir,
        &["check", "--api", "paddle", "--ndjson", "-"],
        Some(&first),
    );
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let out = run(
        &dir,
        &["check", "--api", "paddle", "--ndjson", "-"],
        Some(&format!("{VALID}\n\u{feff}{VALID}\n")),
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert_eq!(prefixes(&out.stdout), ["<stdin>:2: (root)"]);
    // `convert --rejects` keeps the refused line, mark and all.
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "mollie",
            "--rejects",
            "rejects.ndjson",
            "cat.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stdout.lines().count(), 3, "{}", out.stdout);
    let rejects = std::fs::read_to_string(dir.join("rejects.ndjson")).expect("rejects written");
    assert_eq!(rejects, format!("\u{feff}{VALID}\n"));
}

#[test]
fn stdin_is_read_for_dash() {
    let dir = scratch("stdin", &[]);
    let out = run(&dir, &["check", "--api", "paddle", "-"], Some(VALID));
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);

    let out = run(
        &dir,
        &["check", "--api", "paddle", "-"],
        Some(INVALID_PRETTY),
    );
    assert_eq!(out.code, 1);
    assert!(out.stdout.starts_with("<stdin>:"), "{}", out.stdout);

    let input = format!("{VALID}\n{{\"email\": \"nope\"}}\n");
    let out = run(
        &dir,
        &["check", "--api", "paddle", "--ndjson", "-"],
        Some(&input),
    );
    assert_eq!(out.code, 1);
    assert_eq!(prefixes(&out.stdout), ["<stdin>:2: /email"]);
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = scratch("usage", &[("jo.json", VALID)]);
    // Unknown API.
    let out = run(&dir, &["check", "--api", "adyen", "jo.json"], None);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("mollie"), "{}", out.stderr);
    // No file.
    assert_eq!(run(&dir, &["check", "--api", "paddle"], None).code, 2);
    // No subcommand, unknown flag.
    assert_eq!(run(&dir, &[], None).code, 2);
    assert_eq!(
        run(
            &dir,
            &["check", "--api", "paddle", "--frobnicate", "jo.json"],
            None
        )
        .code,
        2
    );
    // A missing file is reported, the others are still checked, and the status is 2.
    let out = run(
        &dir,
        &["check", "--api", "paddle", "missing.json", "jo.json"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("missing.json"), "{}", out.stderr);
    // convert checks both names.
    let out = run(
        &dir,
        &["convert", "--from", "paddle", "--to", "nope", "jo.json"],
        None,
    );
    assert_eq!(out.code, 2);
    // Help is not an error.
    let out = run(&dir, &["--help"], None);
    assert_eq!(out.code, 0);
    assert!(out.stdout.contains("check") && out.stdout.contains("convert"));
}

#[test]
fn schema_prints_the_api_json_schema() {
    let dir = scratch("schema", &[]);
    let out = run(&dir, &["schema", "--api", "paddle"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON on stdout");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    // The notification, the envelope, the bare entity and the create request.
    assert_eq!(schema["anyOf"].as_array().map(Vec::len), Some(4));
    assert!(
        out.stdout.contains("\"format\": \"email\""),
        "{}",
        out.stdout
    );
    // Stripe: the event, the deleted customer, the customer object and the create request.
    let out = run(&dir, &["schema", "--api", "stripe"], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let schema: serde_json::Value = serde_json::from_str(&out.stdout).expect("JSON on stdout");
    assert_eq!(schema["anyOf"].as_array().map(Vec::len), Some(4));
    assert_eq!(run(&dir, &["schema", "--api", "adyen"], None).code, 2);
    assert_eq!(run(&dir, &["schema"], None).code, 2);
}

#[test]
fn stripe_forms_in_and_out() {
    let dir = scratch(
        "stripe",
        &[
            ("jo.json", VALID),
            (
                "forms.ndjson",
                "name=Jo%20Brown&email=jo%40example.com&preferred_locales[0]=nl-NL\n\
                 email=jo%20at%20example.com&metadata[plan]=pro\n",
            ),
        ],
    );
    // Paddle to Stripe: one form body a line.
    let out = run(
        &dir,
        &["convert", "--from", "paddle", "--to", "stripe", "jo.json"],
        None,
    );
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    assert!(
        out.stdout.contains("email=jo%40example.com"),
        "{}",
        out.stdout
    );
    // Stripe's forms read line by line, violations at their JSON Pointers.
    let out = run(
        &dir,
        &["check", "--api", "stripe", "--ndjson", "forms.ndjson"],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(prefixes(&out.stdout), ["forms.ndjson:2: /email"]);
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "stripe",
            "--to",
            "paddle",
            "--ndjson",
            "forms.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 1);
    let body: Value = serde_json::from_str(out.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(body["locale"], "nl-NL");
}

#[test]
fn a_form_file_is_one_form_and_its_line_breaks_are_not_values() {
    let dir = scratch(
        "stripe-form-file",
        &[
            ("one.form", "email=jo%40example.com&name=Jo\n"),
            (
                "two.form",
                "email=jo%40example.com&name=Jo\nemail=mo%40example.com&name=Mo\n",
            ),
        ],
    );
    // The file's final line break is not part of the name.
    let out = run(
        &dir,
        &["convert", "--from", "stripe", "--to", "paddle", "one.form"],
        None,
    );
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    assert_eq!(
        out.stdout,
        "{\"email\":\"jo@example.com\",\"name\":\"Jo\"}\n"
    );
    // Two forms on two lines are refused as one form, with the way out: one form a line.
    let out = run(
        &dir,
        &["convert", "--from", "stripe", "--to", "paddle", "two.form"],
        None,
    );
    assert_eq!(out.code, 1, "stdout: {}", out.stdout);
    assert_eq!(out.stdout, "");
    assert_eq!(
        prefixes(&out.stderr)[0],
        "two.form:1: (root)",
        "{}",
        out.stderr
    );
}

#[test]
fn convert_prints_one_body_a_line() {
    let dir = scratch(
        "convert",
        &[
            ("jo.json", VALID),
            ("bad.json", INVALID_PRETTY),
            (
                "two.ndjson",
                &format!("{VALID}\n{{\"email\": \"sam@example.com\"}}\n"),
            ),
        ],
    );
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "legit",
            "jo.json",
            "two.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let bodies: Vec<Value> = out
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is JSON"))
        .collect();
    assert_eq!(bodies.len(), 3, "{}", out.stdout);
    assert_eq!(bodies[0]["email"], "jo@example.com");
    assert_eq!(bodies[0]["name"], "Jo Brown");
    assert_eq!(bodies[2]["email"], "sam@example.com");

    // Errors go to stderr, in check's format; the valid documents are still converted.
    let out = run(
        &dir,
        &[
            "convert", "--from", "paddle", "--to", "legit", "bad.json", "jo.json",
        ],
        None,
    );
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(out.stderr.starts_with("bad.json:"), "{}", out.stderr);
    assert!(!out.stderr.contains("secret"));

    // From stdin too.
    let out = run(
        &dir,
        &["convert", "--from", "paddle", "--to", "mollie", "-"],
        Some(VALID),
    );
    assert_eq!(out.code, 0, "stderr: {}", out.stderr);
    let body: Value = serde_json::from_str(out.stdout.trim()).expect("JSON");
    assert_eq!(body["email"], "jo@example.com");
}

/// NDJSON is streamed: memory stays flat however long the input. 40 MB go through standard
/// input while the peak resident size of the process stays far below that.
#[cfg(target_os = "linux")]
#[test]
fn ndjson_streams_in_flat_memory() {
    let dir = scratch("stream", &[]);
    let mut child = Command::new(BIN)
        .args(["check", "--api", "paddle", "--ndjson", "-"])
        .current_dir(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let name = "n".repeat(900);
    let mut written = 0usize;
    let mut i = 0usize;
    let mut chunk = String::new();
    while written < 40 * 1024 * 1024 {
        chunk.clear();
        for _ in 0..100 {
            i += 1;
            chunk.push_str(&format!(
                "{{\"email\": \"user{i}@example.com\", \"name\": \"{name}\"}}\n"
            ));
        }
        stdin.write_all(chunk.as_bytes()).expect("written");
        written += chunk.len();
    }
    // Still running (stdin is open): read its peak memory.
    let status = std::fs::read_to_string(format!("/proc/{}/status", child.id())).expect("status");
    let peak_kib: u64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM");
    drop(stdin);
    let out = child.wait_with_output().expect("ends");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // Stderr is not a terminal: the summary, and no progress bar drawn.
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("customer-model: "), "{stderr}");
    assert!(!stderr.contains(['\r', '\u{1b}']), "{stderr:?}");
    assert!(
        peak_kib < 20 * 1024,
        "peak resident size {peak_kib} KiB after {written} bytes of input"
    );
}

/// A Tazapay create request: Paddle has no place for its country, phone or reference.
const TAZAPAY: &str = r#"{"name": "Jo Brown", "email": "jo@example.com", "country": "NL", "reference_id": "secret-ref-7731", "phone": {"calling_code": "31", "number": "5550123987"}}"#;

/// The summary line: the last line of stderr.
fn summary(stderr: &str) -> &str {
    stderr.lines().last().unwrap_or_default()
}

#[test]
fn convert_lossy_drops_what_the_target_cannot_hold() {
    let paddle_en = r#"{"email": "jo@example.com", "locale": "en"}"#;
    let paddle_en_gb = r#"{"email": "gb@example.com", "locale": "en-GB"}"#;
    let dir = scratch(
        "lossy",
        &[
            ("taza.json", TAZAPAY),
            ("paddle.ndjson", &format!("{paddle_en}\n{paddle_en_gb}\n")),
        ],
    );

    // Without --lossy: refused, as before.
    let strict = run(
        &dir,
        &[
            "convert",
            "--from",
            "tazapay",
            "--to",
            "paddle",
            "taza.json",
        ],
        None,
    );
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert_eq!(strict.stdout, "");
    // The way through is named, with what it would cost; the summary stays the last line.
    let lines: Vec<&str> = strict.stderr.lines().collect();
    assert_eq!(
        lines[lines.len() - 2],
        "customer-model: with --lossy, 1 refused record would convert, leaving out 3 values the target cannot hold (a warning each)",
        "{}",
        strict.stderr
    );
    assert!(
        summary(&strict.stderr).contains("1 invalid"),
        "{}",
        strict.stderr
    );

    // With --lossy: the body, and one warning per dropped value, without the value.
    let lossy = run(
        &dir,
        &[
            "convert",
            "--from",
            "tazapay",
            "--to",
            "paddle",
            "--lossy",
            "taza.json",
        ],
        None,
    );
    assert_eq!(lossy.code, 0, "{}", lossy.stderr);
    let body: Value = serde_json::from_str(lossy.stdout.trim()).expect("one JSON body");
    assert_eq!(
        body,
        serde_json::json!({"email": "jo@example.com", "name": "Jo Brown"})
    );
    let warnings: Vec<&str> = lossy
        .stderr
        .lines()
        .filter(|line| line.contains(": dropped: "))
        .collect();
    let pointers: Vec<String> = warnings
        .iter()
        .map(|line| line.splitn(3, ": ").take(2).collect::<Vec<_>>().join(": "))
        .collect();
    assert_eq!(
        pointers,
        [
            "taza.json:1: /phone",
            "taza.json:1: /country",
            "taza.json:1: /external_id"
        ],
        "{}",
        lossy.stderr
    );
    for secret in ["5550123987", "secret-ref", "\"NL\""] {
        assert!(!lossy.stderr.contains(secret), "{}", lossy.stderr);
    }
    assert!(
        summary(&lossy.stderr).contains("3 values dropped"),
        "{}",
        lossy.stderr
    );

    // `en-GB` maps to Mollie's `en_GB` without a guess, lossy or not; `en` does not.
    for flags in [&[][..], &["--lossy"][..]] {
        let mut args = vec!["convert", "--from", "paddle", "--to", "mollie"];
        args.extend_from_slice(flags);
        args.push("paddle.ndjson");
        let out = run(&dir, &args, None);
        let bodies: Vec<Value> = out
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).expect("JSON"))
            .collect();
        if flags.is_empty() {
            assert_eq!(out.code, 1, "{}", out.stderr);
            assert_eq!(
                bodies,
                [serde_json::json!({"email": "gb@example.com", "locale": "en_GB"})]
            );
            assert_eq!(prefixes(&out.stderr)[0], "paddle.ndjson:1: /locale");
            assert!(!out.stderr.contains(": dropped: "), "{}", out.stderr);
        } else {
            assert_eq!(out.code, 0, "{}", out.stderr);
            assert_eq!(
                bodies,
                [
                    serde_json::json!({"email": "jo@example.com"}),
                    serde_json::json!({"email": "gb@example.com", "locale": "en_GB"}),
                ]
            );
            assert!(
                out.stderr
                    .starts_with("paddle.ndjson:1: /locale: dropped: "),
                "{}",
                out.stderr
            );
        }
    }

    // A value the target needs is not mended by --lossy: Tazapay needs a name and a country.
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "tazapay",
            "--lossy",
            "paddle.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("paddle.ndjson:1: /name: "),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("paddle.ndjson:2: /country: "),
        "{}",
        out.stderr
    );

    // Without --lossy no hint either: --lossy would not have converted them.
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "tazapay",
            "--format",
            "json",
            "paddle.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!out.stderr.contains("--lossy"), "{}", out.stderr);
    assert!(
        !out.stderr.contains("lossy_would_convert"),
        "{}",
        out.stderr
    );
    // Paddle's `en` has no Mollie value: refused, and --lossy would drop it; in JSON the summary
    // counts the records --lossy would convert.
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "mollie",
            "--format",
            "json",
            "paddle.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let summary: Value = serde_json::from_str(summary(&out.stderr)).expect("a JSON summary");
    assert_eq!(
        summary,
        serde_json::json!({"documents": 2, "valid": 1, "invalid": 1, "dropped": 0, "lossy_would_convert": 1})
    );
}

#[test]
fn format_json_writes_one_object_per_violation() {
    let ndjson = format!("{VALID}\n{{\"email\": \"secret-bad\", \"nickname\": 1}}\nnot json\n");
    let dir = scratch(
        "format-json",
        &[
            ("many.ndjson", &ndjson),
            ("bad.json", INVALID_PRETTY),
            ("taza.json", TAZAPAY),
        ],
    );
    let out = run(
        &dir,
        &[
            "check",
            "--api",
            "paddle",
            "--format",
            "json",
            "many.ndjson",
            "bad.json",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(!out.stdout.contains("secret"), "{}", out.stdout);
    let records: Vec<Value> = out
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is a JSON object"))
        .collect();
    assert!(records.len() >= 3, "{}", out.stdout);
    for record in &records {
        let object = record.as_object().expect("an object");
        let mut keys: Vec<&str> = object.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["code", "file", "line", "message", "pointer", "type"]);
        assert!(record["line"].is_u64() && record["message"].is_string());
        // The page of the code, as the server's problems give it.
        let code = record["code"].as_str().expect("a code");
        assert_eq!(
            record["type"],
            format!("https://example.invalid/customer-model/blob/main/README.md#code-{code}")
        );
    }
    let places: Vec<(String, u64)> = records
        .iter()
        .map(|r| {
            (
                r["file"].as_str().unwrap_or_default().to_owned(),
                r["line"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    assert_eq!(places[0], ("many.ndjson".to_owned(), 2));
    assert!(places.contains(&("many.ndjson".to_owned(), 3)));
    assert!(records.iter().any(|r| r["code"] == "malformed_json"));
    assert!(places
        .iter()
        .any(|(file, line)| file == "bad.json" && (*line == 3 || *line == 4)));
    // The summary in the same format.
    let summary: Value = serde_json::from_str(summary(&out.stderr)).expect("JSON summary");
    assert_eq!(
        summary,
        serde_json::json!({"documents": 4, "valid": 1, "invalid": 3, "dropped": 0})
    );

    // Dropped values of convert --lossy, on stderr, marked.
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "tazapay",
            "--to",
            "mollie",
            "--lossy",
            "--format",
            "json",
            "taza.json",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<Value> = out
        .stderr
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON on stderr"))
        .collect();
    let (summary, dropped) = lines.split_last().expect("lines");
    assert_eq!(summary["dropped"], 3);
    assert_eq!(dropped.len(), 3);
    for record in dropped {
        assert_eq!(record["dropped"], true);
        assert_eq!(record["file"], "taza.json");
        assert_eq!(record["code"], "unrepresentable");
        assert_eq!(
            record["type"],
            "https://example.invalid/customer-model/blob/main/README.md#code-unrepresentable"
        );
    }
}

/// An NDJSON input with no document (empty, or blank lines only) is most often a mistake (an
/// export that wrote nothing, the wrong file): it is refused by name, exit 2, not passed as
/// "0 documents read"; the other inputs are still read.
#[test]
fn an_ndjson_input_without_documents_is_an_error() {
    let dir = scratch(
        "no-documents",
        &[
            ("empty.ndjson", ""),
            ("blank.jsonl", "\n  \n\t\r\n"),
            ("jo.json", VALID),
            ("one.ndjson", &format!("\n{VALID}\n")),
        ],
    );
    for file in ["empty.ndjson", "blank.jsonl"] {
        let out = run(&dir, &["check", "--api", "paddle", file], None);
        assert_eq!(out.code, 2, "{file}: {}", out.stderr);
        assert!(
            out.stderr.contains(&format!(
                "customer-model: {file}: no documents: the input is empty or holds only blank lines"
            )),
            "{}",
            out.stderr
        );
        assert_eq!(
            summary(&out.stderr),
            "customer-model: 0 documents read, 0 valid, 0 invalid, 0 values dropped"
        );
        // convert: nothing on stdout, the same refusal.
        let out = run(
            &dir,
            &[
                "convert", "--from", "paddle", "--to", "mollie", "--quiet", file,
            ],
            None,
        );
        assert_eq!(out.code, 2, "{file}: {}", out.stderr);
        assert_eq!(out.stdout, "");
        assert!(out.stderr.contains("no documents"), "{}", out.stderr);
    }
    // Standard input read as NDJSON, empty.
    let out = run(
        &dir,
        &["check", "--api", "paddle", "--ndjson", "-"],
        Some(""),
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("customer-model: <stdin>: no documents"),
        "{}",
        out.stderr
    );
    // Among other inputs: they are checked, and the run still ends with 2.
    let out = run(
        &dir,
        &[
            "check",
            "--api",
            "paddle",
            "one.ndjson",
            "empty.ndjson",
            "jo.json",
        ],
        None,
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("empty.ndjson: no documents"));
    assert!(!out.stderr.contains("one.ndjson: no documents"));
    assert_eq!(
        summary(&out.stderr),
        "customer-model: 2 documents read, 2 valid, 0 invalid, 0 values dropped"
    );
    // In the language asked for.
    let out = run(
        &dir,
        &["--lang", "nl", "check", "--api", "paddle", "empty.ndjson"],
        None,
    );
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("empty.ndjson: geen documenten"),
        "{}",
        out.stderr
    );
    // A one-document JSON file that is empty is not a document either: a syntax error, exit 1.
    let dir = scratch("empty-json", &[("empty.json", "")]);
    let out = run(&dir, &["check", "--api", "paddle", "empty.json"], None);
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn summary_counts_documents_and_quiet_omits_it() {
    let ndjson = format!("{VALID}\n\n{{\"email\": \"bad\"}}\n{VALID}\n");
    let dir = scratch("summary", &[("three.ndjson", &ndjson), ("jo.json", VALID)]);
    let out = run(
        &dir,
        &["check", "--api", "paddle", "three.ndjson", "jo.json"],
        None,
    );
    assert_eq!(out.code, 1);
    assert_eq!(
        summary(&out.stderr),
        "customer-model: 4 documents read, 3 valid, 1 invalid, 0 values dropped"
    );
    let out = run(
        &dir,
        &["check", "--api", "paddle", "--quiet", "three.ndjson"],
        None,
    );
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "");
}

/// Many chunks of NDJSON on several threads: the same report, in input order, with the same
/// line numbers, whatever the number of threads.
#[test]
fn parallel_check_keeps_input_order() {
    let mut ndjson = String::new();
    let mut expected = Vec::new();
    let mut blank = 0;
    for i in 1..=30_000usize {
        if i % 997 == 0 {
            ndjson.push_str("{\"email\": \"secret-not-an-address\"}\n");
            expected.push(format!("big.ndjson:{i}: /email"));
        } else if i % 1499 == 0 {
            ndjson.push_str("{\"email\": \n");
            expected.push(format!("big.ndjson:{i}: (root)"));
        } else if i % 101 == 0 {
            ndjson.push('\n');
            blank += 1;
        } else {
            ndjson.push_str(&format!(
                "{{\"email\": \"user{i}@example.com\", \"name\": \"Customer {i}\", \"locale\": \"nl-NL\"}}\n"
            ));
        }
    }
    // No newline after the last line.
    ndjson.push_str("{\"email\": \"last@example.com\"}");
    assert!(ndjson.len() > 4 * 256 * 1024, "several chunks");
    let dir = scratch("parallel", &[("big.ndjson", &ndjson)]);
    let mut reports = Vec::new();
    for jobs in ["1", "2", "3", "8"] {
        let out = run(
            &dir,
            &["check", "--api", "paddle", "--jobs", jobs, "big.ndjson"],
            None,
        );
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert_eq!(prefixes(&out.stdout), expected, "--jobs {jobs}");
        let documents = 30_001 - blank;
        assert_eq!(
            summary(&out.stderr),
            format!(
                "customer-model: {documents} documents read, {} valid, {} invalid, 0 values dropped",
                documents - expected.len(),
                expected.len()
            ),
            "--jobs {jobs}"
        );
        reports.push(out.stdout);
    }
    assert!(reports.windows(2).all(|pair| pair[0] == pair[1]));
    // Converting is parallel too, in the same order.
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "legit",
            "-j",
            "4",
            "big.ndjson",
        ],
        None,
    );
    let emails: Vec<String> = out
        .stdout
        .lines()
        .map(|line| {
            let body: Value = serde_json::from_str(line).expect("JSON");
            body["email"].as_str().unwrap_or_default().to_owned()
        })
        .collect();
    let mut sorted_by_number = emails.clone();
    sorted_by_number.sort_by_key(|email| {
        email
            .trim_start_matches("user")
            .split('@')
            .next()
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(u64::MAX)
    });
    assert_eq!(emails, sorted_by_number);
    assert_eq!(emails.last().map(String::as_str), Some("last@example.com"));

    // Zero threads is a usage error.
    let out = run(
        &dir,
        &["check", "--api", "paddle", "--jobs", "0", "big.ndjson"],
        None,
    );
    assert_eq!(out.code, 2);
}

/// A Paddle list page, pretty-printed: customer 1 starts on line 14.
const PADDLE_PAGE: &str = r#"{
  "data": [
    {
      "id": "ctm_01h8441jn5pcwrfhwh78jqt8h0",
      "name": "Jo Brown",
      "email": "jo@example.com",
      "marketing_consent": false,
      "status": "active",
      "custom_data": {"plan": "pro"},
      "locale": "en-GB",
      "created_at": "2024-04-11T15:57:24.813Z",
      "updated_at": "2024-04-11T15:57:24.813Z"
    },
    {
      "id": "ctm_01h8441jn5pcwrfhwh78jqt8h1",
      "name": null,
      "email": "sam@example.com",
      "marketing_consent": false,
      "status": "active",
      "custom_data": null,
      "locale": "en",
      "created_at": "2024-04-11T15:57:24.813Z",
      "updated_at": "2024-04-11T15:57:24.813Z"
    }
  ],
  "meta": {"request_id": "a1b2", "pagination": {"per_page": 2, "next": "https://api.paddle.com/customers?after=ctm_01h8441jn5pcwrfhwh78jqt8h1", "has_more": false, "estimated_total": 2}}
}
"#;

#[test]
fn list_pages_are_checked_and_converted_to_create_bodies() {
    let bad_page = PADDLE_PAGE.replace("sam@example.com", "secret-not-an-address");
    let dir = scratch(
        "lists",
        &[("page.json", PADDLE_PAGE), ("bad-page.json", &bad_page)],
    );
    let out = run(
        &dir,
        &[
            "check",
            "--api",
            "paddle",
            "--kind",
            "list",
            "page.json",
            "bad-page.json",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(prefixes(&out.stdout), ["bad-page.json:17: /data/1/email"]);
    assert!(!out.stdout.contains("secret"));
    // A list page is not a customer.
    let out = run(&dir, &["check", "--api", "paddle", "page.json"], None);
    assert_eq!(out.code, 1);

    // One create body a line per customer; `en` has no Mollie locale.
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "mollie",
            "--kind",
            "list",
            "page.json",
        ],
        None,
    );
    assert_eq!(out.code, 1);
    let bodies: Vec<Value> = out
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON"))
        .collect();
    assert_eq!(
        bodies,
        [
            serde_json::json!({"name": "Jo Brown", "email": "jo@example.com", "locale": "en_GB", "metadata": {"plan": "pro"}})
        ]
    );
    assert_eq!(
        prefixes(&out.stderr)[0],
        "page.json:14: /customers/1/locale"
    );

    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "mollie",
            "--kind",
            "list",
            "--lossy",
            "page.json",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    assert!(
        out.stderr
            .starts_with("page.json:14: /customers/1/locale: dropped: "),
        "{}",
        out.stderr
    );
    assert!(summary(&out.stderr).contains("1 document read, 1 valid, 0 invalid, 1 value dropped"));
}

#[test]
fn update_bodies_are_checked_and_converted() {
    let updates = concat!(
        "{\"name\": \"Jo Brown\", \"email\": null}\n",
        "{\"name\": null, \"locale\": \"en-GB\", \"custom_data\": {\"plan\": \"pro\"}}\n",
        "{\"status\": \"archived\", \"nickname\": \"secret-nick\"}\n",
    );
    let dir = scratch("updates", &[("updates.ndjson", updates)]);
    // Paddle cannot clear an email; an unknown key is refused.
    let out = run(
        &dir,
        &[
            "check",
            "--api",
            "paddle",
            "--kind",
            "update",
            "updates.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        prefixes(&out.stdout),
        ["updates.ndjson:1: /email", "updates.ndjson:3: /nickname"]
    );
    assert!(!out.stdout.contains("secret"));

    // Paddle → Mollie update bodies: absent stays absent, null stays null.
    let dir = scratch(
        "updates-convert",
        &[(
            "ok.ndjson",
            "{\"name\": null, \"locale\": \"en-GB\", \"custom_data\": {\"plan\": \"pro\"}}\n{\"status\": \"archived\", \"email\": \"jo@example.com\"}\n",
        )],
    );
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "mollie",
            "--kind",
            "update",
            "ok.ndjson",
        ],
        None,
    );
    let bodies: Vec<Value> = out
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON"))
        .collect();
    assert_eq!(
        bodies[0],
        serde_json::json!({"name": null, "locale": "en_GB", "metadata": {"plan": "pro"}}),
        "{}",
        out.stderr
    );
    // Mollie's update has no status: refused, or dropped with --lossy.
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(bodies.len(), 1);
    assert_eq!(prefixes(&out.stderr)[0], "ok.ndjson:2: /status");
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "paddle",
            "--to",
            "mollie",
            "--kind",
            "update",
            "--lossy",
            "ok.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let last: Value =
        serde_json::from_str(out.stdout.lines().last().unwrap_or_default()).expect("JSON");
    assert_eq!(last, serde_json::json!({"email": "jo@example.com"}));
    assert!(
        out.stderr.starts_with("ok.ndjson:2: /status: dropped: "),
        "{}",
        out.stderr
    );
}

// ----- Migrations: wrong APIs, kept rejects, traceable output ---------------------------------

/// A genuine document of each API (the providers' own SDK fixtures; Legit's seed body).
fn genuine() -> Vec<(&'static str, String)> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("customer-core/tests/fixtures");
    [
        ("mollie", "real/mollie/ruby_customer_get.json"),
        ("paddle", "real/paddle/node_customer_created.json"),
        ("tazapay", "real/tazapay/docs_create_customer_response.json"),
        ("legit", "legit_create_customer_full.json"),
        (
            "stripe",
            "real/stripe/openapi_fixtures3_2026-07-29_f0758b15_customer.json",
        ),
    ]
    .into_iter()
    .map(|(api, file)| {
        let text = std::fs::read_to_string(fixtures.join(file)).expect("fixture");
        (api, text)
    })
    .collect()
}

const APIS: [&str; 5] = ["mollie", "paddle", "tazapay", "legit", "stripe"];

#[test]
fn a_wrong_api_is_refused_or_warned_for_every_pair() {
    let docs = genuine();
    let files: Vec<(String, String)> = docs
        .iter()
        .map(|(api, text)| (format!("{api}.json"), text.clone()))
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_str()))
        .collect();
    let dir = scratch("wrong-api", &refs);
    for (api, _) in &docs {
        let file = format!("{api}.json");
        // Its own API reads it with no warning.
        let own = run(&dir, &["check", "--api", api, &file], None);
        assert_eq!(own.code, 0, "{api}: {}{}", own.stdout, own.stderr);
        assert!(!own.stdout.contains("warning"), "{api}: {}", own.stdout);
        for wrong in APIS.iter().filter(|other| *other != api) {
            let check = run(&dir, &["check", "--api", wrong, &file], None);
            let warned = check.stdout.contains(": warning: ");
            assert!(
                check.code == 1 || warned,
                "{api} document checked as {wrong} passed silently: {}",
                check.stdout
            );
            if check.code == 0 {
                // Counted in the summary, the exit status unchanged.
                assert!(
                    summary(&check.stderr).contains("warning"),
                    "{}",
                    check.stderr
                );
            }
            let to = if *wrong == "paddle" {
                "mollie"
            } else {
                "paddle"
            };
            let convert = run(
                &dir,
                &["convert", "--from", wrong, "--to", to, "--lossy", &file],
                None,
            );
            assert!(
                convert.code == 1 || convert.stderr.contains(": warning: "),
                "{api} document converted as {wrong} silently: {}",
                convert.stderr
            );
        }
    }
    // A Paddle webhook is no Mollie or Legit document: refused, naming the API, not the value.
    for wrong in ["mollie", "legit"] {
        let out = run(
            &dir,
            &["convert", "--from", wrong, "--to", "paddle", "paddle.json"],
            None,
        );
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(out.stdout.is_empty(), "{}", out.stdout);
        assert!(out
            .stderr
            .contains("paddle.json:1: (root): has none of the fields of a"));
        assert!(!out.stderr.contains("evt_"), "{}", out.stderr);
    }
}

/// The summary line, the `--lossy` hint and the `dropped:` / `warning:` marks are in `--lang`
/// too; the file names, lines and pointers are not translated.
#[test]
fn lang_writes_the_summary_the_hint_and_the_marks_in_that_language() {
    let lines = [
        r#"{"email": "jo@example.com", "name": "Jo"}"#, // converted
        r#"{"foo": 1}"#,                                // refused: not Mollie
        r#"{"name": "Lee", "locale": "nl_NL"}"#,        // lossy: locale dropped
        r#"{"email": "secret-not-an-address"}"#,        // refused: a rule
        r#"{"name": "Mo", "email": "mo@example.com", "x": true}"#, // converted, a warning
    ];
    let dir = scratch("lang-summary", &[("in.ndjson", &(lines.join("\n") + "\n"))]);
    let convert = |lang: &str, lossy: bool| {
        let mut args = vec![
            "--lang", lang, "convert", "--from", "mollie", "--to", "legit",
        ];
        if lossy {
            args.extend(["--lossy", "--rejects", "rejected.ndjson"]);
        }
        args.extend(["-j", "1", "in.ndjson"]);
        let out = run(&dir, &args, None);
        assert_eq!(out.code, 1, "{lang}: {}", out.stderr);
        assert!(!out.stderr.contains("secret"), "{lang}: {}", out.stderr);
        out.stderr
    };
    let english = convert("en", true);
    assert!(
        english.contains("in.ndjson:3: /locale: dropped: "),
        "{english}"
    );
    assert!(english.contains("in.ndjson:5: /x: warning: "), "{english}");
    assert_eq!(
        summary(&english),
        "customer-model: 5 documents read, 3 valid, 2 invalid, 1 value dropped, 1 warning; \
         2 refused records written to rejected.ndjson"
    );
    let german = convert("de", true);
    assert!(
        german.contains("in.ndjson:3: /locale: weggelassen: "),
        "{german}"
    );
    assert!(german.contains("in.ndjson:5: /x: Warnung: "), "{german}");
    assert_eq!(
        summary(&german),
        "customer-model: 5 Dokumente gelesen, 3 gültig, 2 ungültig, 1 Wert weggelassen, \
         1 Warnung; 2 abgelehnte Datensätze in rejected.ndjson geschrieben"
    );
    let strict = convert("de", false);
    let last: Vec<&str> = strict.lines().rev().take(2).collect();
    assert_eq!(
        last,
        [
            "customer-model: 5 Dokumente gelesen, 2 gültig, 3 ungültig, 0 Werte weggelassen, \
             1 Warnung",
            "customer-model: mit --lossy würde 1 abgelehnter Datensatz umgewandelt, ohne 1 Wert, \
             den das Ziel nicht aufnehmen kann (je eine Warnung)",
        ]
    );
    let polish = convert("pl", true);
    assert_eq!(
        summary(&polish),
        "customer-model: odczytane dokumenty: 5, poprawne: 3, niepoprawne: 2, \
         pominięte wartości: 1, ostrzeżenia: 1; odrzucone rekordy zapisane w rejected.ndjson: 2"
    );
    let english_strict = convert("en", false);
    for lang in ["nl", "de", "fr", "es", "it", "pt", "pl"] {
        for (lossy, theirs) in [(true, &english), (false, &english_strict)] {
            let ours = convert(lang, lossy);
            let located = |out: &str| -> Vec<String> {
                prefixes(out)
                    .into_iter()
                    .filter(|line| line.starts_with("in.ndjson:"))
                    .collect()
            };
            assert_eq!(located(&ours), located(theirs), "{lang}");
            assert_eq!(ours.lines().count(), theirs.lines().count(), "{lang}");
            for (ours, theirs) in ours.lines().zip(theirs.lines()) {
                assert_ne!(ours, theirs, "{lang}: a line left in English");
            }
            assert!(
                !ours.contains("dropped") && !ours.contains("warning"),
                "{lang}: {ours}"
            );
            if lossy {
                assert!(summary(&ours).contains("rejected.ndjson"), "{lang}: {ours}");
            }
        }
    }
}

#[test]
fn rejects_keeps_every_refused_line_verbatim_in_order() {
    let lines = [
        r#"{"email": "jo@example.com", "name": "Jo"}"#, // 1 converted
        r#"{"foo": 1}  "#,                              // 2 refused: not Mollie
        "",                                             // 3 empty: not a document
        r#"{"name": "Lee", "locale": "nl_NL"}"#,        // 4 lossy: locale dropped
        "not json\r",                                   // 5 refused: malformed
        r#"{"email": "secret-not-an-address"}"#,        // 6 refused: a rule
        r#"{"name": "Mo", "email": "mo@example.com", "x": true}"#, // 7 converted, a warning
    ];
    let ndjson = lines.join("\n") + "\n";
    let dir = scratch("rejects", &[("in.ndjson", &ndjson)]);
    for jobs in ["1", "2"] {
        let out = run(
            &dir,
            &[
                "convert",
                "--from",
                "mollie",
                "--to",
                "legit",
                "--lossy",
                "--rejects",
                "rejected.ndjson",
                "-j",
                jobs,
                "in.ndjson",
            ],
            None,
        );
        assert_eq!(out.code, 1, "{}", out.stderr);
        let rejected = std::fs::read_to_string(dir.join("rejected.ndjson")).unwrap();
        assert_eq!(
            rejected,
            format!("{}\n{}\n{}\n", lines[1], lines[4], lines[5])
        );
        // The output keeps input order: lines 1, 4 and 7.
        let bodies: Vec<Value> = out
            .stdout
            .lines()
            .map(|line| serde_json::from_str(line).unwrap())
            .collect();
        let names: Vec<&str> = bodies
            .iter()
            .map(|b| b["name"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(names, ["Jo", "Lee", "Mo"]);
        assert!(
            out.stderr.contains("in.ndjson:4: /locale: dropped: "),
            "{}",
            out.stderr
        );
        assert!(
            out.stderr.contains("in.ndjson:7: /x: warning: "),
            "{}",
            out.stderr
        );
        assert!(!out.stderr.contains("secret"), "{}", out.stderr);
        assert_eq!(
            summary(&out.stderr),
            "customer-model: 6 documents read, 3 valid, 3 invalid, 1 value dropped, 1 warning; \
             3 refused records written to rejected.ndjson"
        );
    }
    // The refused lines, fixed, convert on their own; nothing refused: an empty rejects file.
    let dir = scratch("rejects-fixed", &[("fixed.ndjson", "{\"name\": \"Jo\"}\n")]);
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "mollie",
            "--to",
            "legit",
            "--rejects",
            "again.ndjson",
            "fixed.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        std::fs::read_to_string(dir.join("again.ndjson")).unwrap(),
        ""
    );
}

#[test]
fn rejects_keeps_one_document_files_whole() {
    let docs = genuine();
    let paddle = &docs[1].1;
    let dir = scratch(
        "rejects-files",
        &[
            ("jo.json", VALID),
            ("webhook.json", paddle),
            ("bad.json", INVALID_PRETTY),
        ],
    );
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "mollie",
            "--to",
            "paddle",
            "--rejects",
            "rejected.txt",
            "jo.json",
            "webhook.json",
            "bad.json",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let rejected = std::fs::read_to_string(dir.join("rejected.txt")).unwrap();
    let mut expected = paddle.clone();
    if !expected.ends_with('\n') {
        expected.push('\n');
    }
    expected.push_str(INVALID_PRETTY);
    assert_eq!(rejected, expected);
    assert_eq!(out.stdout.lines().count(), 1, "{}", out.stdout);
    assert!(summary(&out.stderr).ends_with("2 refused records written to rejected.txt"));
}

#[test]
fn rejects_never_overwrites_an_input_or_the_output() {
    let dir = scratch(
        "rejects-clash",
        &[
            ("bad.json", INVALID_PRETTY),
            ("two.ndjson", "{\"email\": \"jo@example.com\"}\n"),
        ],
    );
    let convert = |rejects: &str, input: &str| {
        run(
            &dir,
            &[
                "convert",
                "--from",
                "paddle",
                "--to",
                "mollie",
                "--rejects",
                rejects,
                input,
            ],
            None,
        )
    };
    // The input itself, by the same name or another path to it: refused before anything is
    // written, the input intact.
    for (rejects, input) in [("bad.json", "bad.json"), ("./bad.json", "bad.json")] {
        let out = convert(rejects, input);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr.contains("is also an input file"),
            "{}",
            out.stderr
        );
        assert!(!out.stderr.contains("secret"), "{}", out.stderr);
        assert_eq!(
            std::fs::read_to_string(dir.join("bad.json")).unwrap(),
            INVALID_PRETTY
        );
    }
    // `-` is no file name here.
    let out = convert("-", "two.ndjson");
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!dir.join("-").exists());
    // The file standard output is redirected to.
    let stdout = std::fs::File::create(dir.join("out.ndjson")).unwrap();
    let status = Command::new(BIN)
        .args([
            "convert",
            "--from",
            "paddle",
            "--to",
            "mollie",
            "--rejects",
            "out.ndjson",
            "two.ndjson",
        ])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
    // /dev/null for both is fine.
    let out = convert("/dev/null", "two.ndjson");
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn format_json_output_joins_back_to_its_input_line() {
    let lines = [
        r#"{"email": "jo@example.com", "name": "Jo"}"#,
        r#"{"foo": 1}"#,
        "",
        r#"{"email": "mo@example.com", "name": "Mo", "locale": "nl_NL"}"#,
    ];
    let ndjson = lines.join("\n") + "\n";
    let docs = genuine();
    let dir = scratch(
        "trace",
        &[("in.ndjson", &ndjson), ("customer.json", &docs[0].1)],
    );
    let out = run(
        &dir,
        &[
            "convert",
            "--from",
            "mollie",
            "--to",
            "paddle",
            "--format",
            "json",
            "in.ndjson",
            "customer.json",
        ],
        None,
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    let records: Vec<Value> = out
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).expect("one JSON object a line"))
        .collect();
    let places: Vec<(&str, u64)> = records
        .iter()
        .map(|r| (r["file"].as_str().unwrap(), r["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(
        places,
        [("in.ndjson", 1), ("in.ndjson", 4), ("customer.json", 1)]
    );
    // Each body is what converting its input line alone gives.
    for record in &records[..2] {
        let line = lines[record["line"].as_u64().unwrap() as usize - 1];
        let alone = run(
            &dir,
            &["convert", "--from", "mollie", "--to", "paddle", "-"],
            Some(line),
        );
        let body: Value = serde_json::from_str(alone.stdout.trim()).unwrap();
        assert_eq!(record["body"], body);
    }
    // A list page's customers carry their index and the line each starts on.
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("customer-core/tests/fixtures/real/mollie/python_customers_list.json"),
    )
    .unwrap();
    std::fs::write(dir.join("page.json"), &page).unwrap();
    let list = run(
        &dir,
        &[
            "convert",
            "--from",
            "mollie",
            "--to",
            "legit",
            "--kind",
            "list",
            "--format",
            "json",
            "--lossy",
            "page.json",
        ],
        None,
    );
    let records: Vec<Value> = list
        .stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    assert!(!records.is_empty(), "{}", list.stderr);
    for (index, record) in records.iter().enumerate() {
        assert_eq!(record["customer"], index);
        let line = record["line"].as_u64().unwrap() as usize;
        // The line where the customer's object starts, in the pretty-printed page.
        let text = page.lines().nth(line - 1).unwrap();
        assert!(text.trim_start().starts_with('{'), "line {line}: {text}");
    }
}

#[test]
fn warnings_in_a_pretty_file_point_at_their_lines() {
    let docs = genuine();
    let dir = scratch("warn-lines", &[("mollie.json", &docs[0].1)]);
    let out = run(&dir, &["check", "--api", "legit", "mollie.json"], None);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout
            .contains(": warning: Legit does not know this member and ignores it"),
        "{}",
        out.stdout
    );
    for line in out.stdout.lines() {
        let mut parts = line.splitn(3, ':');
        let (_, number, rest) = (parts.next(), parts.next().unwrap(), parts.next().unwrap());
        let key = rest
            .trim_start()
            .split(':')
            .next()
            .unwrap()
            .trim_start_matches('/');
        let number: usize = number.parse().unwrap();
        let source = docs[0].1.lines().nth(number - 1).unwrap();
        assert!(source.contains(&format!("\"{key}\"")), "{line} vs {source}");
    }
}

#[test]
fn max_violations_caps_each_report() {
    // A pretty-printed document with 150 unknown keys, one a line (lines 3 to 152), and an NDJSON
    // line with 150 too.
    let keys: Vec<String> = (0..150).map(|i| format!("  \"k{i}\": 1")).collect();
    let pretty = format!(
        "{{\n  \"email\": \"jo@example.com\",\n{}\n}}\n",
        keys.join(",\n")
    );
    let line: Vec<String> = (0..150).map(|i| format!("\"k{i}\": 1")).collect();
    let ndjson = format!(
        "{VALID}\n{{\"email\": \"jo@example.com\", {}}}\n",
        line.join(", ")
    );
    let dir = scratch(
        "max-violations",
        &[("wide.json", &pretty), ("wide.ndjson", &ndjson)],
    );

    // The default: 100, then the count.
    let out = run(&dir, &["check", "--api", "paddle", "-q", "wide.json"], None);
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    let lines = prefixes(&out.stdout);
    assert_eq!(lines.len(), 101, "{}", out.stdout);
    assert_eq!(lines[0], "wide.json:3: /k0");
    assert_eq!(lines[99], "wide.json:102: /k99");
    assert_eq!(lines[100], "wide.json:1: (root)");
    assert!(out
        .stdout
        .lines()
        .last()
        .unwrap()
        .contains("150 violations"));

    let out = run(
        &dir,
        &[
            "check",
            "--api",
            "paddle",
            "-q",
            "--format",
            "json",
            "--max-violations",
            "2",
            "wide.ndjson",
        ],
        None,
    );
    assert_eq!(out.code, 1, "stderr: {}", out.stderr);
    let objects: Vec<Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let got: Vec<(u64, &str, &str)> = objects
        .iter()
        .map(|o| {
            (
                o["line"].as_u64().unwrap(),
                o["pointer"].as_str().unwrap(),
                o["code"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (2, "/k0", "unknown_field"),
            (2, "/k1", "unknown_field"),
            (2, "", "too_many_violations"),
        ]
    );

    // 0: no limit.
    let out = run(
        &dir,
        &[
            "check",
            "--api",
            "paddle",
            "-q",
            "--max-violations",
            "0",
            "wide.json",
        ],
        None,
    );
    assert_eq!(prefixes(&out.stdout).len(), 150, "{}", out.stdout);
}

/// `--max-violations` on the rule violations of a document that reads: a Paddle list page of
/// 5,000 customers, each with a broken email, on one NDJSON line. The first ones in document
/// order, then the count of all of them (those past the cap are counted, not built).
#[test]
fn max_violations_caps_the_rule_violations_of_a_page() {
    let customer = |i: usize| {
        format!(
            r#"{{"id": "ctm_01h8441jn5pcwrfhwh78jq{i:04}", "name": null, "email": "secret-{i}", "marketing_consent": false, "status": "active", "custom_data": null, "locale": "en", "created_at": "2024-04-11T15:57:24.813Z", "updated_at": "2024-04-11T15:57:24.813Z"}}"#
        )
    };
    let data: Vec<String> = (0..5_000).map(customer).collect();
    let page = format!(
        r#"{{"data": [{}], "meta": {{"request_id": "a1", "pagination": {{"per_page": 5000, "next": "https://api.paddle.com/customers?after=x", "has_more": false, "estimated_total": 5000}}}}}}"#,
        data.join(", ")
    );
    let dir = scratch(
        "max-violations-page",
        &[("page.ndjson", &format!("{page}\n"))],
    );
    let check = |max: &str| {
        let out = run(
            &dir,
            &[
                "check",
                "--api",
                "paddle",
                "--kind",
                "list",
                "-q",
                "--format",
                "json",
                "--max-violations",
                max,
                "page.ndjson",
            ],
            None,
        );
        assert_eq!(out.code, 1, "stderr: {}", out.stderr);
        assert!(!out.stdout.contains("secret"), "{}", out.stdout);
        out.stdout
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).unwrap())
            .collect::<Vec<Value>>()
    };
    let all = check("0");
    assert_eq!(all.len(), 5_000);
    let three = check("3");
    assert_eq!(three.len(), 4);
    for (i, line) in three[..3].iter().enumerate() {
        assert_eq!(line["pointer"], format!("/data/{i}/email"));
        assert_eq!(line, &all[i]);
    }
    assert_eq!(three[3]["code"], "too_many_violations");
    assert!(
        three[3].to_string().contains("5000"),
        "the count of all: {}",
        three[3]
    );
}

/// A mixed NDJSON input: a bad email and a name of the wrong type, an unknown key, a locale of
/// the wrong form, malformed JSON. Every violation is a line in every language.
const MIXED: &str = concat!(
    r#"{"email": "secret-not-an-address", "name": 42}"#,
    "\n",
    r#"{"email": "jo@example.com", "nickname": "secret-value"}"#,
    "\n",
    r#"{"email": "jo@example.com", "locale": "secret_Locale!"}"#,
    "\n",
    r#"{"email": "secret"#,
    "\n",
);

#[test]
fn lang_writes_the_messages_in_that_language_and_nothing_else_changes() {
    let dir = scratch("lang", &[("mixed.ndjson", MIXED)]);
    let check = |lang: &str, format: &str| {
        run(
            &dir,
            &[
                "check",
                "--api",
                "paddle",
                "--lang",
                lang,
                "--format",
                format,
                "-q",
                "-j",
                "1",
                "mixed.ndjson",
            ],
            None,
        )
    };
    let english = check("en", "text");
    assert_eq!(english.code, 1, "{}", english.stderr);
    let english_json = check("en", "json");
    let records = |out: &str| -> Vec<Value> {
        out.lines()
            .map(|line| serde_json::from_str(line).expect("a JSON line"))
            .collect()
    };
    let english_records = records(&english_json.stdout);
    assert!(english_records.len() >= 4, "{}", english_json.stdout);
    for (lang, email) in [
        ("nl", "moet een geldig e-mailadres zijn"),
        ("de-CH", "muss eine gültige E-Mail-Adresse sein"),
        ("fr", "doit être une adresse e-mail valide"),
        ("es", "debe ser una dirección de correo electrónico válida"),
        ("it", "deve essere un indirizzo email valido"),
        ("pt", "deve ser um endereço de e-mail válido"),
        ("pl", "musi być prawidłowym adresem e-mail"),
    ] {
        let text = check(lang, "text");
        assert_eq!(text.code, 1, "{lang}: {}", text.stderr);
        assert_eq!(prefixes(&text.stdout), prefixes(&english.stdout), "{lang}");
        assert!(
            text.stdout.contains(&format!("/email: {email}")),
            "{lang}: {}",
            text.stdout
        );
        for (ours, theirs) in text.stdout.lines().zip(english.stdout.lines()) {
            assert_ne!(ours, theirs, "{lang}: a message left in English");
        }
        let json = check(lang, "json");
        let ours = records(&json.stdout);
        assert_eq!(ours.len(), english_records.len(), "{lang}");
        for (ours, theirs) in ours.iter().zip(&english_records) {
            for key in ["file", "line", "pointer", "code"] {
                assert_eq!(ours[key], theirs[key], "{lang}: {key}");
            }
            assert_ne!(ours["message"], theirs["message"], "{lang}");
        }
        for out in [&text.stdout, &json.stdout] {
            assert!(!out.contains("secret"), "{lang}: {out}");
        }
    }
    // Before the subcommand too.
    let before = run(
        &dir,
        &[
            "--lang",
            "pl",
            "check",
            "--api",
            "paddle",
            "-j",
            "1",
            "mixed.ndjson",
        ],
        None,
    );
    assert_eq!(before.code, 1, "{}", before.stderr);
    assert_eq!(before.stdout, check("pl", "text").stdout);
    let unknown = check("sv", "text");
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("--lang"), "{}", unknown.stderr);
    assert!(unknown.stdout.is_empty());
}
