//! The public corpora under `tests/corpus/<rule>/`: every case of every suite, with our verdict
//! and the suite's. See `tests/corpus/<rule>/MANIFEST.md` for where each file comes from.
//!
//! A file is tab-separated: `ours`, `theirs`, `input`, `detail`, `note`, lines starting with `#`
//! are comments. `input` escapes `\\`, `\t`, `\n`, `\r` and `\u{…}`. Each case must get `ours`
//! from the rule; where `ours` is not what `theirs` means, `note` says why, and where it is,
//! `note` is empty (so a note cannot outlive its disagreement).

use std::path::PathBuf;

use customer_core::rules::email::{self, EmailOptions};

/// One case of a corpus file.
struct Case {
    line: usize,
    ours: String,
    theirs: String,
    input: String,
    note: String,
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('u') => {
                assert_eq!(chars.next(), Some('{'), "bad escape in {text:?}");
                let hex: String = chars.by_ref().take_while(|&c| c != '}').collect();
                let code = u32::from_str_radix(&hex, 16).expect("hex");
                out.push(char::from_u32(code).expect("a scalar value"));
            }
            other => panic!("bad escape {other:?} in {text:?}"),
        }
    }
    out
}

/// Every `.tsv` file of `tests/corpus/<rule>/`, with its cases.
fn corpus(rule: &str) -> Vec<(String, Vec<Case>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/corpus")
        .join(rule);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tsv"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus for {rule}");
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).expect("a corpus file");
            let cases = text
                .lines()
                .enumerate()
                .filter(|(_, line)| !line.starts_with('#') && !line.is_empty())
                .map(|(i, line)| {
                    let fields: Vec<&str> = line.split('\t').collect();
                    assert_eq!(fields.len(), 5, "{}:{}", path.display(), i + 1);
                    Case {
                        line: i + 1,
                        ours: fields[0].to_owned(),
                        theirs: fields[1].to_owned(),
                        input: unescape(fields[2]),
                        note: fields[4].to_owned(),
                    }
                })
                .collect::<Vec<_>>();
            let name = path
                .file_name()
                .expect("a name")
                .to_string_lossy()
                .into_owned();
            assert!(!cases.is_empty(), "{name} has no cases");
            (name, cases)
        })
        .collect()
}

/// Runs every case of `rule`'s corpus: `verdict` gives ours, `agrees(theirs, ours)` whether
/// the two verdicts mean the same. Returns (file, cases, agreements) per file.
fn run(
    rule: &str,
    verdict: impl Fn(&str) -> &'static str,
    agrees: impl Fn(&str, &str) -> bool,
) -> Vec<(String, usize, usize)> {
    let mut summary = Vec::new();
    for (name, cases) in corpus(rule) {
        let mut agree = 0;
        for case in &cases {
            let at = format!("{rule}/{name}:{} {:?}", case.line, case.input);
            assert_eq!(verdict(&case.input), case.ours, "{at}");
            if agrees(&case.theirs, &case.ours) {
                agree += 1;
                assert!(case.note.is_empty(), "{at}: a note on an agreement");
            } else {
                assert!(!case.note.is_empty(), "{at}: a disagreement without a note");
            }
        }
        summary.push((name, cases.len(), agree));
    }
    summary
}

#[test]
fn email_corpora() {
    let quoted = EmailOptions {
        quoted: true,
        ..EmailOptions::DEFAULT
    };
    let verdict = |input: &str| {
        let default = email::is_valid(input, &EmailOptions::DEFAULT);
        assert_eq!(default, email::check(input, &EmailOptions::DEFAULT).is_ok());
        if default {
            "accept"
        } else if email::is_valid(input, &quoted) {
            "quoted"
        } else {
            "refuse"
        }
    };
    let agrees = |theirs: &str, ours: &str| match theirs {
        "valid" => ours == "accept",
        "quoted" => ours == "quoted",
        "invalid" => ours == "refuse",
        other => panic!("unknown verdict {other:?}"),
    };
    let summary = run("email", verdict, agrees);
    let names: Vec<&str> = summary.iter().map(|(name, _, _)| name.as_str()).collect();
    assert_eq!(
        names,
        [
            "django.tsv",
            "email_address.tsv",
            "isemail.tsv",
            "python-email-validator.tsv",
            "validator.tsv",
            "whatwg-html.tsv"
        ]
    );
    let cases: usize = summary.iter().map(|(_, n, _)| n).sum();
    assert!(cases >= 450, "{cases} cases");
}

#[test]
fn locale_corpora() {
    use customer_core::rules::locale;
    let verdict = |input: &str| {
        let well_formed = locale::is_well_formed(input);
        assert_eq!(well_formed, locale::check(input).is_ok());
        if locale::is_short(input) {
            assert!(well_formed, "{input:?} is short but not well-formed");
            "short"
        } else if well_formed {
            "accept"
        } else {
            "refuse"
        }
    };
    // The suites say well-formed or not; `short` is a narrower "accept".
    let agrees = |theirs: &str, ours: &str| match theirs {
        "valid" => ours == "accept" || ours == "short",
        "invalid" => ours == "refuse",
        other => panic!("unknown verdict {other:?}"),
    };
    let summary = run("locale", verdict, agrees);
    assert_eq!(summary.len(), 1);
    assert!(summary[0].1 >= 280, "{summary:?}");
}

#[test]
fn country_corpora() {
    use customer_core::rules::country;
    let verdict = |input: &str| {
        let assigned = country::is_assigned(input);
        assert_eq!(assigned, country::check(input).is_ok());
        if assigned {
            "accept"
        } else {
            "refuse"
        }
    };
    let summary = run("country", verdict, |theirs, ours| match theirs {
        "valid" => ours == "accept",
        "invalid" => ours == "refuse",
        other => panic!("unknown verdict {other:?}"),
    });
    // Every officially assigned code is in the file, and the rule knows no other.
    let assigned = corpus("country")
        .iter()
        .flat_map(|(_, cases)| cases.iter())
        .filter(|case| case.theirs == "valid")
        .count();
    assert_eq!(assigned, country::ASSIGNED.len());
    assert!(summary[0].1 >= 300, "{summary:?}");
}

#[test]
fn timestamp_corpora() {
    use customer_core::rules::timestamp;
    let verdict = |input: &str| {
        let valid = timestamp::is_valid(input);
        assert_eq!(valid, timestamp::check(input).is_ok());
        if valid {
            "accept"
        } else {
            "refuse"
        }
    };
    let summary = run("timestamp", verdict, |theirs, ours| match theirs {
        "valid" => ours == "accept",
        "invalid" => ours == "refuse",
        other => panic!("unknown verdict {other:?}"),
    });
    assert_eq!(summary.len(), 2, "{summary:?}");
}

#[test]
fn url_corpora() {
    use customer_core::rules::url;
    let verdict = |input: &str| {
        let valid = url::is_valid(input);
        assert_eq!(valid, url::check(input).is_ok());
        if valid {
            "accept"
        } else {
            "refuse"
        }
    };
    let summary = run("url", verdict, |theirs, ours| match theirs {
        "valid" => ours == "accept",
        "invalid" => ours == "refuse",
        other => panic!("unknown verdict {other:?}"),
    });
    assert!(summary[0].1 >= 250, "{summary:?}");
    // Nothing the URL parser refuses is accepted.
    for (_, cases) in corpus("url") {
        for case in cases.iter().filter(|case| case.theirs == "invalid") {
            assert_eq!(case.ours, "refuse", "{:?}", case.input);
        }
    }
}

#[test]
fn phone_corpora() {
    use customer_core::rules::phone;
    let verdict = |input: &str| {
        let valid = phone::is_valid(input);
        assert_eq!(valid, phone::check(input).is_ok());
        if valid {
            "accept"
        } else {
            "refuse"
        }
    };
    let summary = run("phone", verdict, |theirs, ours| match theirs {
        "valid" => ours == "accept",
        "invalid" => ours == "refuse",
        other => panic!("unknown verdict {other:?}"),
    });
    assert!(summary[0].1 >= 1000, "{summary:?}");
}
