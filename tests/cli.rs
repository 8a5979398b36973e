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
    let lines = prefixes(&out.stdout);
    assert!(!lines.is_empty(), "no violation printed");
    // Serde stops at the first shape error (the unknown key) or the rules report the email;
    // either way each line names the right line of the file.
    for line in &lines {
        assert!(
            line == "bad.json:3: /email" || line == "bad.json:4: /nickname",
            "unexpected: {line}\n{}",
            out.stdout
        );
    }
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
    assert_eq!(prefixes(&out.stdout), ["broken.json:3: "]);
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
                format!("{file}:4: "),
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
    let out = run(&dir, &["check", "--api", "stripe", "jo.json"], None);
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
    assert!(
        peak_kib < 20 * 1024,
        "peak resident size {peak_kib} KiB after {written} bytes of input"
    );
}
