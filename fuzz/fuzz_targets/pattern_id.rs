//! A derived struct with `pattern` rules (the simple shapes the macro turns into byte checks and
//! ones that need the regex engine) and `id` rules, validated on arbitrary UTF-8 and compared
//! with a reference: the regex crate with ASCII classes, and a plain reading of `id`.

#![no_main]

use std::sync::OnceLock;

use customer_core::CustomerModel;
use libfuzzer_sys::fuzz_target;
use regex::Regex;

#[derive(CustomerModel)]
struct Shapes<'a> {
    // A literal prefix, one class, a count: compiled to byte checks.
    #[customer(pattern = "^ctm_[a-z\\d]{26}$")]
    paddle: &'a str,
    // Not anchored in the source: matched whole all the same.
    #[customer(pattern = "[A-Z]{2}\\d{3}")]
    unanchored: &'a str,
    // Alternation, groups and `\w`: the regex engine, with ASCII classes.
    #[customer(pattern = "^(cst|cus)_\\w+(-\\d{1,4})?$")]
    alternation: &'a str,
    // `\s` is ASCII whitespace.
    #[customer(pattern = "^a\\s+b$")]
    spaces: &'a str,
    // A prefix, a class with a range of counts, a suffix.
    #[customer(pattern = "^id_[0-9]{4,8}\\.json$")]
    suffix: &'a str,
    #[customer(id(prefix = "cst_", chars = "A-Za-z0-9", min_len = 1, max_len = 28))]
    mollie: &'a str,
    #[customer(id(prefix = "cus_", chars = "A-Za-z0-9", min_len = 1))]
    tazapay: &'a str,
    #[customer(id(prefix = "ctm_", chars = "a-z0-9", len = 26))]
    paddle_id: &'a str,
    #[customer(id(prefix = "k-", chars = "a-f0-9_-", min_len = 0, max_len = 8))]
    dashes: &'a str,
}

/// The patterns as the regex crate reads them with ASCII classes, anchored.
const REFERENCE: [(&str, &str); 5] = [
    ("/paddle", "^ctm_[a-z0-9]{26}$"),
    ("/unanchored", "^(?:[A-Z]{2}[0-9]{3})$"),
    (
        "/alternation",
        "^(?:(cst|cus)_[A-Za-z0-9_]+(-[0-9]{1,4})?)$",
    ),
    ("/spaces", "^(?:a[\\t\\n\\x0B\\x0C\\r ]+b)$"),
    ("/suffix", "^(?:id_[0-9]{4,8}\\.json)$"),
];

fn regexes() -> &'static [(&'static str, Regex)] {
    static CELL: OnceLock<Vec<(&'static str, Regex)>> = OnceLock::new();
    CELL.get_or_init(|| {
        REFERENCE
            .iter()
            .map(|(pointer, pattern)| (*pointer, Regex::new(pattern).expect("reference regex")))
            .collect()
    })
}

/// `prefix`, then `min..=max` bytes each passing `allowed`.
fn id_ok(text: &str, prefix: &str, min: usize, max: usize, allowed: fn(u8) -> bool) -> bool {
    text.strip_prefix(prefix)
        .is_some_and(|rest| (min..=max).contains(&rest.len()) && rest.bytes().all(allowed))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let shapes = Shapes {
        paddle: text,
        unanchored: text,
        alternation: text,
        spaces: text,
        suffix: text,
        mollie: text,
        tazapay: text,
        paddle_id: text,
        dashes: text,
    };
    let mut expected: Vec<&str> = Vec::new();
    for (pointer, regex) in regexes() {
        if !regex.is_match(text) {
            expected.push(pointer);
        }
    }
    let alnum = |b: u8| b.is_ascii_alphanumeric();
    let lower = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let dashes = |b: u8| matches!(b, b'a'..=b'f' | b'0'..=b'9' | b'_' | b'-');
    for (pointer, ok) in [
        ("/mollie", id_ok(text, "cst_", 1, 28, alnum)),
        ("/tazapay", id_ok(text, "cus_", 1, usize::MAX, alnum)),
        ("/paddle_id", id_ok(text, "ctm_", 26, 26, lower)),
        ("/dashes", id_ok(text, "k-", 0, 8, dashes)),
    ] {
        if !ok {
            expected.push(pointer);
        }
    }
    let got: Vec<(String, String)> = match shapes.validate() {
        Ok(()) => Vec::new(),
        Err(errors) => errors
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
            .collect(),
    };
    let got_pointers: Vec<&str> = got.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        got_pointers, expected,
        "validate disagrees with the reference"
    );
    for (pointer, code) in &got {
        let want = if pointer.ends_with("mollie")
            || pointer.ends_with("tazapay")
            || pointer.ends_with("paddle_id")
            || pointer.ends_with("dashes")
        {
            "id"
        } else {
            "pattern"
        };
        assert_eq!(code, want, "code at {pointer}");
    }
});
