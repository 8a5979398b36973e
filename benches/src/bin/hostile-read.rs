//! Hostile request bodies of about 64 KiB, read side by side with a plain
//! `serde_json::from_str::<serde_json::Value>` of the same bytes: the ratio is what an attacker
//! gains by sending a body full of violations instead of any body of the same size.
//!
//! ```text
//! benches/target/release/hostile-read [runs] [case]   # median of `runs` (default 31) per body;
//!                                                     # `case` (1 to 29): that body alone
//! ```
//!
//! ```text
//! benches/target/release/hostile-read --callgrind <case> <plain|read|serde> <n>
//! ```
//! reads the body of `case` `n` times inside `read_loop` (the plain parse, the read, or, for the
//! chains of cases 18 to 29, `serde_json::from_str` into the model alone), for
//! callgrind's `--toggle-collect` (`scripts/bench-hostile.sh --callgrind`): instruction counts,
//! repeatable on a noisy machine.
//!
//! `scripts/bench-hostile.sh` builds and runs it. Wall time on a noisy machine: the ratio, read
//! against the plain parse measured in the same process moments before, is the figure to keep.

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

use customer_core::providers::Api;
use customer_core::{CustomerModel, Error, Valid};
use serde::Deserialize;

/// About 64 KiB, as the issue that asked for these figures measured them.
const SIZE: usize = 64 * 1024;

/// A model with a map of text values.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Tags {
    #[customer(length(max = 100_000))]
    tags: BTreeMap<String, String>,
}

/// A model with a list of text values.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Names {
    #[customer(each(length(max = 64)))]
    names: Vec<String>,
}

/// A model with a list of short texts, for documents that read with rule violations.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Short {
    #[customer(each(length(max = 2)))]
    names: Vec<String>,
}

/// A model that holds itself, for deep documents.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Level {
    #[customer(length(max = 64))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Level>>,
}

/// An internally tagged union whose struct variants refuse unknown members.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[allow(dead_code)]
enum Signup {
    Individual {
        #[customer(email)]
        email: String,
    },
    Business {
        #[customer(pattern = "^[A-Z]{2}[0-9]{4}$")]
        vat_id: String,
        #[customer(length(max = 64))]
        name: String,
    },
}

/// An untagged union of eight object variants: each is tried on the whole body.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(untagged)]
#[allow(dead_code)]
enum Contact {
    A { a: String, x: u8 },
    B { b: String, x: u8 },
    C { c: String, x: u8 },
    D { d: String, x: u8 },
    E { e: String, x: u8 },
    F { f: String, x: u8 },
    G { g: String, x: u8 },
    H { h: String, x: u8 },
}

/// A level read by an internally tagged enum's newtype variant.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Hop {
    #[customer(length(max = 64))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Via>>,
}

/// An internally tagged enum whose newtype variant wraps a model holding the enum again.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(tag = "type", rename_all = "snake_case")]
#[allow(dead_code)]
enum Via {
    Hop(#[customer(nested)] Hop),
}

/// An externally tagged enum holding itself through a struct variant.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum Step {
    Level {
        #[customer(length(max = 64))]
        name: String,
        #[customer(nested)]
        next: Option<Box<Step>>,
    },
}

/// A level read by an untagged enum's newtype variant.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct UntaggedHop {
    #[customer(length(max = 64))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Untagged>>,
}

/// An untagged enum of one newtype variant: its value is the level itself.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(untagged)]
#[allow(dead_code)]
enum Untagged {
    Hop(#[customer(nested)] UntaggedHop),
}

/// A level inside a newtype struct.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct WrappedHop {
    #[customer(length(max = 64))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Wrapper>>,
}

/// A newtype struct whose value is the level itself.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Wrapper(#[customer(nested)] WrappedHop);

/// A tuple struct holding itself: `[name, next]`.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Pair(
    #[customer(length(max = 64))] String,
    #[customer(nested)] Option<Box<Pair>>,
);

/// An untagged enum holding itself in two variants: every value is read as each in turn.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(untagged)]
#[allow(dead_code)]
enum Tree {
    Left {
        #[customer(nested)]
        left: Vec<Tree>,
    },
    Right {
        #[customer(nested)]
        left: Vec<Tree>,
        right: Option<u8>,
    },
    Leaf(u8),
}

/// A union's variant with as many unknown keys as fit in `SIZE`.
fn union_unknown_keys() -> String {
    let mut text = String::from(r#"{"type":"business","vat_id":"NL1234","name":"Acme""#);
    let mut i = 0;
    while text.len() < SIZE - 16 {
        text.push_str(&format!(r#","k{i}":1"#));
        i += 1;
    }
    text.push('}');
    text
}

/// An object that none of the untagged union's variants takes, as big as fits in `SIZE`.
fn untagged_none() -> String {
    let mut text = String::from(r#"{"x":"not a number""#);
    let mut i = 0;
    while text.len() < SIZE - 16 {
        text.push_str(&format!(r#","k{i}":1"#));
        i += 1;
    }
    text.push('}');
    text
}

/// A Paddle create request with as many unknown keys as fit in `SIZE`.
fn unknown_keys() -> String {
    let mut text = String::from(r#"{"email":"jo@example.com""#);
    let mut i = 0;
    while text.len() < SIZE - 16 {
        text.push_str(&format!(r#","k{i}":1"#));
        i += 1;
    }
    text.push('}');
    text
}

/// A map whose values are all numbers where text is expected.
fn wrong_map() -> String {
    let mut text = String::from(r#"{"tags":{"#);
    let mut i = 0;
    while text.len() < SIZE - 16 {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(r#""t{i}":1"#));
        i += 1;
    }
    text.push_str("}}");
    text
}

/// An array whose elements are all numbers where text is expected.
fn wrong_array() -> String {
    let mut text = String::from(r#"{"names":[1"#);
    while text.len() < SIZE - 4 {
        text.push_str(",1");
    }
    text.push_str("]}");
    text
}

/// A document that reads, whose `n` elements each break their rule (not 64 KiB: `n` decides).
fn rule_violations(n: usize) -> String {
    format!(r#"{{"names":[{}]}}"#, vec![r#""abc""#; n].join(","))
}

/// 120 nested levels, one wrong type at the top.
fn deep() -> String {
    let mut text = String::from(r#"{"name":1,"next":"#);
    for _ in 0..119 {
        text.push_str(r#"{"name":"a","next":"#);
    }
    text.push_str("null");
    text.push_str(&"}".repeat(120));
    text
}

/// `levels` levels of `open(name)` closed by `close`, the name of the top one of the wrong type.
fn levels(levels: usize, open: fn(&str) -> String, close: &str) -> String {
    let mut text = open("1");
    for _ in 1..levels {
        text.push_str(&open(r#""a""#));
    }
    text.push_str("null");
    text.push_str(&close.repeat(levels));
    text
}

/// `depth` levels of the two-variant untagged tree, a wrong leaf at the bottom.
fn tree(depth: usize) -> String {
    format!(
        r#"{}"x"{}"#,
        r#"{"left":["#.repeat(depth),
        "]}".repeat(depth)
    )
}

/// A model with a free-form member.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Meta {
    metadata: serde_json::Value,
}

/// How many keys or numbers the bodies of cases 15 to 17 hold (not 64 KiB: the count decides).
const MANY: usize = 30_000;

/// A map of `MANY` distinct keys, every value right: it reads (past 16 keys, the reader keeps
/// a map's keys in a hash set to refuse a repeated one).
fn many_keys() -> String {
    let members: Vec<String> = (0..MANY).map(|i| format!(r#""t{i}":"v""#)).collect();
    format!(r#"{{"tags":{{{}}}}}"#, members.join(","))
}

/// A metadata object of one key `MANY` times: `MANY - 1` repeats.
fn repeated_keys() -> String {
    format!(r#"{{"metadata":{{{}}}}}"#, vec![r#""k":1"#; MANY].join(","))
}

/// A metadata array of `MANY` integers beyond 64 bits.
fn big_numbers() -> String {
    format!(
        r#"{{"metadata":[{}]}}"#,
        vec!["123456789012345678901234567890"; MANY].join(",")
    )
}

/// A model holding itself whose every level has a container check: each level's check needs its
/// value read whole.
#[derive(Debug, Deserialize, CustomerModel)]
#[customer(check = checked_fine)]
#[allow(dead_code)]
struct Checked {
    #[customer(length(max = 64))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Checked>>,
}

/// The check of [`Checked`]: passes (the read's cost, not the report, is measured).
#[allow(clippy::unnecessary_wraps)]
fn checked_fine(_: &Checked) -> Result<(), customer_core::RuleError> {
    Ok(())
}

/// A model holding itself through a `nested` field with another rule: the field's value is read
/// for that rule and its model walked for its own.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Ruled {
    #[customer(length(max = 64))]
    name: String,
    #[customer(nested, custom = ruled_fine)]
    next: Option<Box<Ruled>>,
}

/// The rule of [`Ruled::next`] (run on its value when it is there): passes.
#[allow(clippy::unnecessary_wraps, clippy::borrowed_box)]
fn ruled_fine(_: &Box<Ruled>) -> Result<(), customer_core::RuleError> {
    Ok(())
}

/// `depth` levels of `{"name": .., "next": ..}`, the top one's name of the wrong type.
fn chain(depth: usize) -> String {
    levels(depth, |name| format!(r#"{{"name":{name},"next":"#), "}")
}

/// The depths of the rows that show whether a read is linear in the depth of a chain.
const DEPTHS: [usize; 4] = [15, 30, 60, 120];

/// The depths of the two-variant untagged tree (serde's own read is exponential in it).
const TREE_DEPTHS: [usize; 4] = [6, 8, 10, 12];

/// A body: its name, its text and how it is read (the number of violations reported).
type Case = (String, String, fn(&str) -> usize);

/// A body of the first 17, its name a literal.
type Fixed = (&'static str, String, fn(&str) -> usize);

/// The median wall time of `runs` calls of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// How many violations a read reported.
fn count<T>(result: Result<T, Error>) -> usize {
    match result {
        Ok(_) => 0,
        Err(error) => error.violations().len(),
    }
}

/// Reads `json` `n` times with `read`: the function callgrind's `--toggle-collect` measures.
#[inline(never)]
fn read_loop(read: fn(&str) -> usize, json: &str, n: u64) -> usize {
    let mut total = 0;
    for _ in 0..n {
        total += read(black_box(json));
    }
    total
}

/// A plain parse of `json` into a `serde_json::Value`, as a reading: `1` when it parses.
fn plain_parse(json: &str) -> usize {
    usize::from(serde_json::from_str::<serde_json::Value>(json).is_ok())
}

fn main() {
    let cases = cases();
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--callgrind") {
        let case: Option<usize> = args.get(2).and_then(|a| a.parse().ok());
        let n: Option<u64> = args.get(4).and_then(|a| a.parse().ok());
        let (Some(case), Some(which @ ("plain" | "read" | "serde")), Some(n)) =
            (case, args.get(3).map(String::as_str), n)
        else {
            eprintln!(
                "usage: hostile-read --callgrind <1-{}> <plain|read|serde> <n>",
                cases.len()
            );
            std::process::exit(2);
        };
        let Some((_, json, read)) = case.checked_sub(1).and_then(|at| cases.get(at)) else {
            eprintln!("no case {case}: 1 to {}", cases.len());
            std::process::exit(2);
        };
        let read = match which {
            "plain" => plain_parse,
            "serde" => {
                let Some(serde) = serde_alone(case) else {
                    eprintln!("case {case} has no serde-alone read");
                    std::process::exit(2);
                };
                serde
            }
            _ => *read,
        };
        // Warm-up outside the measured function.
        black_box(read(json));
        println!("{}", read_loop(read, json, n));
        return;
    }
    table(&cases);
}

/// How serde alone reads the body of `case` (1-based) into its model, for the rows where the
/// model's own `Deserialize` is the question: `1` when it reads.
fn serde_alone(case: usize) -> Option<fn(&str) -> usize> {
    let base = 17 + 2 * DEPTHS.len();
    match case {
        18..=21 => Some(|json| usize::from(serde_json::from_str::<Checked>(json).is_ok())),
        22..=25 => Some(|json| usize::from(serde_json::from_str::<Ruled>(json).is_ok())),
        _ if case > base && case <= base + TREE_DEPTHS.len() => {
            Some(|json| usize::from(serde_json::from_str::<Tree>(json).is_ok()))
        }
        _ => None,
    }
}

/// The bodies, in the order of the table: the 17 of 64 KiB or so, then the chains by depth.
fn cases() -> Vec<Case> {
    let mut cases: Vec<Case> = fixed()
        .into_iter()
        .map(|(name, json, read)| (name.to_owned(), json, read))
        .collect();
    for depth in DEPTHS {
        cases.push((
            format!("{depth} levels of a model with a check, one wrong type at the top (Valid::from_json)"),
            chain(depth),
            |json| count(Valid::<Checked>::from_json(json)),
        ));
    }
    for depth in DEPTHS {
        cases.push((
            format!("{depth} levels of a nested field with another rule, one wrong type at the top (Valid::from_json)"),
            chain(depth),
            |json| count(Valid::<Ruled>::from_json(json)),
        ));
    }
    for depth in TREE_DEPTHS {
        cases.push((
            format!("an untagged enum holding itself in 2 variants, {depth} levels, wrong at the bottom (Valid::from_json)"),
            tree(depth),
            |json| count(Valid::<Tree>::from_json(json)),
        ));
    }
    cases
}

/// The first 17 bodies.
fn fixed() -> [Fixed; 17] {
    [
        (
            "Paddle create request, unknown keys (Api::Paddle.decode)",
            unknown_keys(),
            |json| count(Api::Paddle.decode(json)),
        ),
        (
            "a map of wrong-typed values (Valid::from_json)",
            wrong_map(),
            |json| count(Valid::<Tags>::from_json(json)),
        ),
        (
            "an array of wrong-typed elements (Valid::from_json)",
            wrong_array(),
            |json| count(Valid::<Names>::from_json(json)),
        ),
        (
            "120 nested models, one wrong type at the top (Valid::from_json)",
            deep(),
            |json| count(Valid::<Level>::from_json(json)),
        ),
        (
            "an internally tagged union's variant, unknown keys refused (Valid::from_json)",
            union_unknown_keys(),
            |json| count(Valid::<Signup>::from_json(json)),
        ),
        (
            "an untagged union of 8 variants, none matching (Valid::from_json)",
            untagged_none(),
            |json| count(Valid::<Contact>::from_json(json)),
        ),
        (
            "10,000 rule violations in a document that reads (Valid::from_json)",
            rule_violations(10_000),
            |json| count(Valid::<Short>::from_json(json)),
        ),
        (
            "100,000 rule violations in a document that reads (Valid::from_json)",
            rule_violations(100_000),
            |json| count(Valid::<Short>::from_json(json)),
        ),
        (
            "120 levels of an internally tagged enum's newtype variant, one wrong type at the top (Valid::from_json)",
            levels(120, |name| format!(r#"{{"type":"hop","name":{name},"next":"#), "}"),
            |json| count(Valid::<Via>::from_json(json)),
        ),
        (
            "60 levels of an externally tagged enum's struct variant, one wrong type at the top (Valid::from_json)",
            levels(60, |name| format!(r#"{{"level":{{"name":{name},"next":"#), "}}"),
            |json| count(Valid::<Step>::from_json(json)),
        ),
        (
            "120 levels of an untagged enum's newtype variant, one wrong type at the top (Valid::from_json)",
            levels(120, |name| format!(r#"{{"name":{name},"next":"#), "}"),
            |json| count(Valid::<Untagged>::from_json(json)),
        ),
        (
            "120 newtype structs, one wrong type at the top (Valid::from_json)",
            levels(120, |name| format!(r#"{{"name":{name},"next":"#), "}"),
            |json| count(Valid::<Wrapper>::from_json(json)),
        ),
        (
            "120 tuple structs, one wrong type at the top (Valid::from_json)",
            levels(120, |name| format!("[{name},"), "]"),
            |json| count(Valid::<Pair>::from_json(json)),
        ),
        (
            "an untagged enum holding itself in 2 variants, 10 levels, wrong at the bottom (Valid::from_json)",
            tree(10),
            |json| count(Valid::<Tree>::from_json(json)),
        ),
        (
            "a map of 30,000 keys that reads (Valid::from_json)",
            many_keys(),
            |json| count(Valid::<Tags>::from_json(json)),
        ),
        (
            "metadata with 30,000 repeats of one key (Valid::from_json)",
            repeated_keys(),
            |json| count(Valid::<Meta>::from_json(json)),
        ),
        (
            "metadata with 30,000 integers beyond 64 bits (Valid::from_json)",
            big_numbers(),
            |json| count(Valid::<Meta>::from_json(json)),
        ),
    ]
}

/// The table: median wall times of the plain parse and of the read, and their ratio.
fn table(cases: &[Case]) {
    let runs = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(31);
    let only: Option<usize> = std::env::args().nth(2).and_then(|a| a.parse().ok());
    println!("| hostile body | bytes | read | plain parse | ratio | report entries |");
    println!("|---|---:|---:|---:|---:|---:|");
    for (case, (name, json, read)) in cases.iter().enumerate() {
        if only.is_some_and(|only| only != case + 1) {
            continue;
        }
        let entries = read(json);
        let plain = median(runs, || {
            black_box(serde_json::from_str::<serde_json::Value>(black_box(json)).is_ok());
        });
        let ours = median(runs, || {
            black_box(read(black_box(json)));
        });
        println!(
            "| {name} | {} | {:.3} ms | {:.3} ms | {:.1}x | {entries} |",
            json.len(),
            ours.as_secs_f64() * 1e3,
            plain.as_secs_f64() * 1e3,
            ours.as_secs_f64() / plain.as_secs_f64(),
        );
    }
}
