//! Hostile input: 200,000-deep nesting, 50 MB strings, empty and junk documents, wrong JSON
//! types in every field, NUL and BOM. Every one must be an error (never a panic, a stack
//! overflow or an unbounded allocation) through the rules, `Valid::<T>::from_json`,
//! `Api::decode` of all four APIs, and the `customer-model` binary (exit status 1 or 2, never a
//! signal).
//!
//! The large inputs are built once per test and each is read a handful of times at most, so
//! the suite stays within seconds in a debug build.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use customer_core::providers::Api;
use customer_core::rules::{self, email::EmailOptions};
use customer_core::{Customer, CustomerModel, Error, Phone, Valid};
use serde::Deserialize;
use serde_json::Value;

const DEPTH: usize = 200_000;
const BIG: usize = 50 * 1024 * 1024;

/// A user model using the rules that read large or nested values.
#[derive(Debug, Deserialize, CustomerModel)]
struct Signup {
    #[customer(email)]
    email: String,
    #[customer(length(max = 1024))]
    name: Option<String>,
    #[customer(locale(short))]
    locale: Option<String>,
    #[customer(metadata(max_bytes = 1024))]
    custom_data: Option<Value>,
    #[customer(metadata(json_string))]
    extra: Option<String>,
    #[customer(nested)]
    phone: Option<Phone>,
    #[customer(nested)]
    friends: Option<Vec<Signup>>,
}

/// `[[[…]]]`, `depth` deep.
fn deep_arrays(depth: usize) -> String {
    let mut text = String::with_capacity(2 * depth);
    text.extend(std::iter::repeat_n('[', depth));
    text.extend(std::iter::repeat_n(']', depth));
    text
}

/// `{"a":{"a":…{}…}}`, `depth` deep.
fn deep_objects(depth: usize) -> String {
    let mut text = String::with_capacity(6 * depth + 2);
    for _ in 0..depth {
        text.push_str("{\"a\":");
    }
    text.push_str("{}");
    text.extend(std::iter::repeat_n('}', depth));
    text
}

/// Every violation of `error` has a JSON Pointer and a code; Display and JSON work.
fn assert_reported(error: &Error, context: &str) {
    let violations = error.violations();
    assert!(!violations.is_empty(), "{context}: no violation");
    for violation in violations.iter() {
        let pointer = violation.pointer();
        assert!(
            pointer.is_empty() || pointer.starts_with('/'),
            "{context}: {pointer:?}"
        );
        assert!(!violation.code().is_empty(), "{context}");
    }
    assert!(!error.to_string().is_empty(), "{context}");
    serde_json::to_string(violations).expect("errors serialize");
}

/// The error of `result`; a panic naming `context` (never the value, which may be 50 MB) when
/// it is `Ok`.
fn refused<T>(result: Result<T, Error>, context: &str) -> Error {
    match result {
        Ok(_) => panic!("{context}: accepted"),
        Err(error) => {
            assert_reported(&error, context);
            error
        }
    }
}

/// `text` is refused by every API's decode, by `Valid<Customer>` and by `Valid<Signup>`.
fn refused_everywhere(text: &str, context: &str) {
    refused_by_apis(text, context);
    refused(
        Valid::<Customer>::from_json(text),
        &format!("{context}, Valid<Customer>"),
    );
    refused(
        Valid::<Signup>::from_json(text),
        &format!("{context}, Valid<Signup>"),
    );
}

/// `text` is refused by every API's decode (an empty body is Stripe's empty form, which is
/// refused as `{}` is: none of Stripe's fields).
fn refused_by_apis(text: &str, context: &str) {
    for api in Api::ALL {
        refused(api.decode(text), &format!("{context}, {api}"));
    }
}

/// Takes a deep `Value` apart without recursion (its `Drop` recurses).
fn dismantle(value: Value) {
    let mut stack = vec![value];
    while let Some(value) = stack.pop() {
        match value {
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => stack.extend(map.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

// ----- Nesting -------------------------------------------------------------------------------

#[test]
fn deep_nesting_is_an_error() {
    let arrays = deep_arrays(DEPTH);
    let objects = deep_objects(DEPTH);
    for (name, deep) in [("arrays", &arrays), ("objects", &objects)] {
        // The whole document, and the same nesting in each place a document may hold JSON.
        refused_by_apis(deep, name);
        refused(
            Valid::<Signup>::from_json(deep),
            &format!("{name}, Valid<Signup>"),
        );
        // `Customer` has every field optional and skips unknown ones: `{"a":…}` would be an
        // empty customer, but a skipped value is read under the same nesting limit.
        refused(
            Valid::<Customer>::from_json(deep),
            &format!("{name}, Valid<Customer>"),
        );
        // Each API reads the whole document first and refuses it; `Valid<T>` refuses it whether
        // or not `T` has the field (an unknown field is skipped under the nesting limit).
        for field in [
            "metadata",
            "custom_data",
            "friends",
            "billing_addresses",
            "billing_address",
            "data",
        ] {
            let wrapper = format!(r#"{{"email":"jo@example.com","{field}":{deep}}}"#);
            let context = format!("{name} in `{field}`");
            refused_by_apis(&wrapper, &context);
            refused(
                Valid::<Customer>::from_json(&wrapper),
                &format!("{context}, Valid<Customer>"),
            );
            refused(
                Valid::<Signup>::from_json(&wrapper),
                &format!("{context}, Valid<Signup>"),
            );
        }
        let enveloped = format!(r#"{{"data":{{"email":"jo@example.com","custom_data":{deep}}}}}"#);
        refused_by_apis(&enveloped, &format!("{name} in `/data/custom_data`"));
        // Unclosed: the parser stops at its depth limit before the end.
        refused_everywhere(&deep[..DEPTH], &format!("unclosed {name}"));
        refused(customer_core::json::from_str::<Value>(deep), name);
        let error = rules::metadata::check_json_string(deep.as_str(), usize::MAX);
        assert_eq!(
            error.map_err(|e| e.code().to_owned()),
            Err("json_string".to_owned())
        );
    }
}

// ----- 120 nested models: what the report holds --------------------------------------------

/// A model that holds itself (the `120 nested` body of `scripts/bench-hostile.sh`).
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Level {
    #[customer(length(max = 8))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Level>>,
}

/// As [`Level`], with a check of the whole model (it needs the typed value: each level that
/// reads whole is checked).
#[derive(Debug, Deserialize, CustomerModel)]
#[customer(check = not_bad)]
#[allow(dead_code)]
struct Checked {
    #[customer(length(max = 8))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Checked>>,
}

fn not_bad(level: &Checked) -> Result<(), customer_core::RuleError> {
    if level.name == "bad" {
        Err(customer_core::RuleError::new("bad_level", "is a bad level"))
    } else {
        Ok(())
    }
}

/// What a level of a generated chain holds.
#[derive(Clone, Copy, PartialEq)]
enum At {
    /// `"name": "a"`.
    Fine,
    /// `"name": 1`: a wrong type.
    WrongType,
    /// `"name": "longer than eight"`: the `length` rule broken.
    TooLong,
    /// `"name": "bad"`: the check of `Checked` broken.
    Bad,
    /// `"next": 5` (and nothing below): a wrong type where the next level should be.
    WrongNext,
}

/// The chain of `levels` (the level `i` described by `at(i)`), ending in `"next": null`.
fn chain(levels: usize, at: impl Fn(usize) -> At) -> String {
    let mut text = String::new();
    let mut closing = 0;
    for i in 0..levels {
        let name = match at(i) {
            At::WrongType => "1",
            At::TooLong => r#""longer than eight""#,
            At::Bad => r#""bad""#,
            At::Fine | At::WrongNext => r#""a""#,
        };
        text.push_str(&format!(r#"{{"name":{name},"next":"#));
        closing += 1;
        if at(i) == At::WrongNext {
            text.push('5');
            break;
        }
    }
    if !text.ends_with('5') {
        text.push_str("null");
    }
    text.push_str(&"}".repeat(closing));
    text
}

/// The pointer of level `i` (`/next` `i` times).
fn level(i: usize) -> String {
    "/next".repeat(i)
}

/// What the report of `chain(levels, at)` must hold, in document order: each level's
/// `invalid_type` or `length` at its `name`; a wrong `next` at its pointer; with `checks`,
/// `bad_level` at each bad level whose whole subtree reads (no wrong type at or below it).
fn expected_chain(levels: usize, at: impl Fn(usize) -> At, checks: bool) -> Vec<(String, String)> {
    let last = (0..levels)
        .find(|&i| at(i) == At::WrongNext)
        .map_or(levels, |i| i + 1);
    let mut out = Vec::new();
    for i in 0..last {
        let reads_whole = (i..last).all(|j| !matches!(at(j), At::WrongType | At::WrongNext));
        if checks && at(i) == At::Bad && reads_whole {
            out.push((level(i), "bad_level".to_owned()));
        }
        match at(i) {
            At::WrongType => out.push((format!("{}/name", level(i)), "invalid_type".to_owned())),
            At::TooLong => out.push((format!("{}/name", level(i)), "length".to_owned())),
            At::WrongNext => out.push((format!("{}/next", level(i)), "invalid_type".to_owned())),
            At::Fine | At::Bad => {}
        }
    }
    out
}

/// The budget of the second read of `chain(levels, at)`: four times its values (two a level,
/// the object and its `name`, and the last `next`).
fn budget(levels: usize, at: impl Fn(usize) -> At) -> usize {
    4 * (2 * last_level(levels, at) + 1)
}

/// The number of levels of `chain(levels, at)` (it stops at a wrong next level).
fn last_level(levels: usize, at: impl Fn(usize) -> At) -> usize {
    (0..levels)
        .find(|&i| at(i) == At::WrongNext)
        .map_or(levels, |i| i + 1)
}

/// The values of level `i` and everything below it (the model read whole for its check, the
/// `next` read for its rule).
fn subtree(last: usize, i: usize) -> usize {
    2 * (last - i) + 1
}

/// Takes `size` from `left`: past it, nothing more (the budget spent, as the second read does).
fn spend(left: &mut usize, size: usize) -> bool {
    if size > *left {
        *left = 0;
        return false;
    }
    *left -= size;
    true
}

/// What the report of `chain(levels, at)` read into `Checked` holds within the second read's
/// budget: each level that reads whole (below the last wrong type, not the top) reads its
/// subtree for its check, the deepest first, while the budget lasts; the checks past it are not
/// run, and the report begins with one `unchecked` saying so (its `count`, the second value).
fn expected_checked(
    levels: usize,
    at: impl Fn(usize) -> At + Copy,
) -> (Vec<(String, String)>, usize) {
    let last = last_level(levels, at);
    if (0..last).all(|i| !matches!(at(i), At::WrongType | At::WrongNext)) {
        // The document reads: no second read, every rule and check run.
        return (expected_chain(levels, at, true), 0);
    }
    let mut left = budget(levels, at);
    let mut checked = vec![false; last];
    let mut unrun = 0;
    for i in (1..last).rev() {
        if (i..last).all(|j| !matches!(at(j), At::WrongType | At::WrongNext)) {
            if spend(&mut left, subtree(last, i)) {
                checked[i] = true;
            } else {
                unrun += 1;
            }
        }
    }
    let mut out: Vec<(String, String)> = expected_chain(levels, at, true)
        .into_iter()
        .filter(|(pointer, code)| code != "bad_level" || checked[pointer.len() / "/next".len()])
        .collect();
    if unrun > 0 {
        out.insert(0, (String::new(), "unchecked".to_owned()));
    }
    (out, unrun)
}

/// What the report of `chain(levels, at)` read into `Ruled` holds within the second read's
/// budget, top down: each level walked with rules (the top, then each one whose walk again the
/// level above afforded) reads its `next` for its rule (when it has its shape) and walks it
/// again for its model's rules, each taking the next level's subtree from the budget; past it,
/// neither is done, and nothing below. `length` at each level walked with rules, `bad_next` at
/// each `next` read; first, `unchecked` when something was not run (its `count`, the second
/// value).
fn expected_ruled(
    levels: usize,
    at: impl Fn(usize) -> At + Copy,
) -> (Vec<(String, String)>, usize) {
    let last = last_level(levels, at);
    if (0..last).all(|i| !matches!(at(i), At::WrongType | At::WrongNext)) {
        // The document reads: no second read, every rule and check run.
        return (expected_ruled_in_full(levels, at), 0);
    }
    let mut left = budget(levels, at);
    let mut walked = vec![false; last];
    let mut read = vec![false; last];
    walked[0] = true;
    let mut unrun = 0;
    for i in 0..last - 1 {
        if !walked[i] || at(i) == At::WrongNext {
            break;
        }
        let good = (i + 1..last).all(|j| !matches!(at(j), At::WrongType | At::WrongNext));
        if good {
            if spend(&mut left, subtree(last, i + 1)) {
                read[i + 1] = true;
            } else {
                unrun += 1;
            }
        }
        if spend(&mut left, subtree(last, i + 1)) {
            walked[i + 1] = true;
        } else {
            unrun += 1;
        }
    }
    let mut out = Vec::new();
    if unrun > 0 {
        out.push((String::new(), "unchecked".to_owned()));
    }
    for (pointer, code) in expected_chain(levels, at, true) {
        let i = pointer.trim_end_matches("/name").len() / "/next".len();
        match code.as_str() {
            "bad_level" if pointer.is_empty() || !read[i] => {}
            "bad_level" => out.push((pointer, "bad_next".to_owned())),
            "length" if !walked[i] => {}
            _ => out.push((pointer, code)),
        }
    }
    (out, unrun)
}

/// The `count` of the report's `unchecked` entry (0 when it has none).
fn unrun_of<T>(result: Result<T, Error>) -> u64 {
    let Err(error) = result else {
        panic!("accepted")
    };
    error
        .violations()
        .iter()
        .find(|v| v.code() == "unchecked")
        .map_or(0, |v| {
            assert_eq!(v.pointer(), "");
            match v.params().find(|(name, _)| *name == "count") {
                Some((_, customer_core::Param::UInt(count))) => *count,
                other => panic!("unchecked without its count: {other:?}"),
            }
        })
}

fn report_of<T>(result: Result<T, Error>) -> Vec<(String, String)> {
    let Err(error) = result else {
        panic!("accepted")
    };
    error
        .violations()
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

/// A chain described level by level: its name and what each level holds.
type ChainCase = (&'static str, fn(usize) -> At);

/// The chains of 120 levels the reports are checked on: wrong types at the top, in the middle,
/// at the bottom, rules broken above and below them, a wrong next level, none.
fn chain_cases() -> [ChainCase; 8] {
    [
        ("wrong type at the top", |i| {
            if i == 0 {
                At::WrongType
            } else {
                At::Fine
            }
        }),
        ("wrong type in the middle", |i| {
            if i == 60 {
                At::WrongType
            } else {
                At::Fine
            }
        }),
        ("wrong type at the bottom", |i| {
            if i == 119 {
                At::WrongType
            } else {
                At::Fine
            }
        }),
        ("two wrong types", |i| {
            if i == 0 || i == 119 {
                At::WrongType
            } else {
                At::Fine
            }
        }),
        ("wrong types and rules broken at many levels", |i| {
            match i % 10 {
                3 => At::WrongType,
                5 | 7 => At::TooLong,
                8 => At::Bad,
                _ => At::Fine,
            }
        }),
        ("rules broken below the last wrong type", |i| match i {
            40 => At::WrongType,
            _ if i % 9 == 0 => At::TooLong,
            _ if i % 7 == 0 => At::Bad,
            _ => At::Fine,
        }),
        ("a wrong next level in the middle", |i| match i {
            70 => At::WrongNext,
            _ if i % 11 == 0 => At::TooLong,
            _ if i % 13 == 0 => At::Bad,
            _ => At::Fine,
        }),
        ("rules broken, no wrong type", |i| match i % 4 {
            0 => At::TooLong,
            2 => At::Bad,
            _ => At::Fine,
        }),
    ]
}

/// A document of 120 nested models: exactly the violations of each level, at their pointers,
/// wherever they are in the chain (the second read walks each level once). With a check at
/// each level, the checks the second read's budget affords (the deepest levels'), and an
/// `unchecked` entry first when some were not run.
#[test]
fn nested_models_report_each_levels_violations() {
    for (name, at) in chain_cases() {
        let json = chain(120, at);
        let levels = report_of(Valid::<Level>::from_json(&json));
        assert_eq!(levels, expected_chain(120, at, false), "Level, {name}");
        let checked = report_of(Valid::<Checked>::from_json(&json));
        let (all, unrun) = expected_checked(120, at);
        assert_eq!(checked, all, "Checked, {name}");
        assert_eq!(
            unrun_of(Valid::<Checked>::from_json(&json)),
            unrun as u64,
            "Checked, {name}"
        );
        // Capped: the front of the same report, then the count.
        if all.len() > 5 {
            let capped = report_of(
                customer_core::json::MaxViolations(5).scope(|| Valid::<Checked>::from_json(&json)),
            );
            assert_eq!(capped[..5], all[..5], "capped, {name}");
            assert_eq!(capped.len(), 6, "capped, {name}");
            assert_eq!(capped[5].1, "too_many_violations", "capped, {name}");
            // The `unchecked` entry is first: within any cap.
            assert_eq!(capped[0].1 == "unchecked", unrun > 0, "capped, {name}");
        }
        // Without the rules: the wrong types alone.
        let shapes: Vec<(String, String)> = expected_chain(120, at, false)
            .into_iter()
            .filter(|(_, code)| code == "invalid_type")
            .collect();
        if !shapes.is_empty() {
            assert_eq!(
                report_of(customer_core::json::from_str::<Level>(&json)),
                shapes,
                "shapes, {name}"
            );
        }
    }
}

/// As [`Level`], its `nested` field with another rule besides (a `custom` rule on the next
/// level's value): the field's value is read for that rule, and its model walked for its own.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Ruled {
    #[customer(length(max = 8))]
    name: String,
    #[customer(nested, custom = no_bad_next)]
    next: Option<Box<Ruled>>,
}

#[allow(clippy::borrowed_box)]
fn no_bad_next(next: &Box<Ruled>) -> Result<(), customer_core::RuleError> {
    if next.name == "bad" {
        Err(customer_core::RuleError::new("bad_next", "is a bad level"))
    } else {
        Ok(())
    }
}

/// What the report of `chain(levels, at)` read into `Ruled` holds without a budget: each
/// level's violations, and the rule of each `next` whose value reads (no wrong type at or below
/// it), at the `next` member (level `i + 1`'s pointer: what `bad_level` of `Checked` reports
/// there, but for the top, which no `next` holds).
fn expected_ruled_in_full(levels: usize, at: impl Fn(usize) -> At + Copy) -> Vec<(String, String)> {
    expected_chain(levels, at, true)
        .into_iter()
        .filter(|(pointer, code)| code != "bad_level" || !pointer.is_empty())
        .map(|(pointer, code)| {
            let code = if code == "bad_level" {
                "bad_next".to_owned()
            } else {
                code
            };
            (pointer, code)
        })
        .collect()
}

/// A chain of 120 models whose `nested` field has another rule: each level's violations, and
/// the rule of each `next` whose value reads, at the `next` member, before the next level's own
/// (the report of `scripts/bench-hostile.sh`'s rows of such a chain, which measure its cost),
/// as far as the second read's budget goes (the top levels), then an `unchecked` entry first.
/// A chain of 10 levels is within the budget: every level's rules.
#[test]
fn nested_fields_with_another_rule_report_each_levels_violations() {
    for (name, at) in chain_cases() {
        let json = chain(120, at);
        let (want, unrun) = expected_ruled(120, at);
        assert_eq!(report_of(Valid::<Ruled>::from_json(&json)), want, "{name}");
        assert_eq!(
            unrun_of(Valid::<Ruled>::from_json(&json)),
            unrun as u64,
            "{name}"
        );
        // The same report through the other readers.
        assert_eq!(
            report_of(Valid::<Ruled>::from_slice(json.as_bytes())),
            want,
            "from_slice, {name}"
        );
        // Shorter chains (the cases' last levels, so that the wrong types at the bottom are
        // in): the same budget's cut; within the budget (4 levels: each level reads and walks
        // again all below it), nothing left out.
        for depth in 2..=12 {
            let near_the_bottom = move |i: usize| at(i + 120 - depth);
            let short = chain(depth, near_the_bottom);
            let (want, unrun) = expected_ruled(depth, near_the_bottom);
            if depth <= 4 {
                assert_eq!(
                    (&want, unrun),
                    (&expected_ruled_in_full(depth, near_the_bottom), 0),
                    "{depth} levels, {name}"
                );
            }
            if want.is_empty() {
                assert!(Valid::<Ruled>::from_json(&short).is_ok(), "{name}");
                continue;
            }
            assert_eq!(
                report_of(Valid::<Ruled>::from_json(&short)),
                want,
                "{depth} levels, {name}"
            );
            assert_eq!(unrun_of(Valid::<Ruled>::from_json(&short)), unrun as u64);
        }
    }
}

/// The check chain from 2 to 12 levels (the cases' last levels): the budget's cut as modelled
/// above, and within the budget (8 levels: each level reads all below it) every check of every
/// level that reads whole, no `unchecked`; then the cut at the depths of
/// `scripts/bench-hostile.sh` (one wrong type at the top: the deepest levels checked).
#[test]
fn the_check_chain_within_and_past_the_budget() {
    for (name, at) in chain_cases() {
        for depth in 2..=12 {
            let near_the_bottom = move |i: usize| at(i + 120 - depth);
            let short = chain(depth, near_the_bottom);
            let (want, unrun) = expected_checked(depth, near_the_bottom);
            if depth <= 8 {
                assert_eq!(
                    (&want, unrun),
                    (&expected_chain(depth, near_the_bottom, true), 0),
                    "{depth} levels, {name}"
                );
            }
            if !want.iter().any(|(_, code)| code == "invalid_type") {
                continue;
            }
            let report = Valid::<Checked>::from_json(&short);
            assert_eq!(report_of(report), want, "{depth} levels, {name}");
            assert_eq!(unrun_of(Valid::<Checked>::from_json(&short)), unrun as u64);
        }
    }
    // Every level bad but the top, whose name is of the wrong type: the checks that ran are
    // the deepest levels', as many as the budget affords.
    let at = |i: usize| if i == 0 { At::WrongType } else { At::Bad };
    for depth in [8, 15, 30, 60, 120] {
        let json = chain(depth, at);
        let report = report_of(Valid::<Checked>::from_json(&json));
        let (want, unrun) = expected_checked(depth, at);
        assert_eq!(report, want, "{depth} levels");
        assert_eq!(unrun_of(Valid::<Checked>::from_json(&json)), unrun as u64);
        let checked = report
            .iter()
            .filter(|(_, code)| code == "bad_level")
            .count();
        assert_eq!(checked + unrun, depth - 1, "{depth} levels");
        if depth == 8 {
            assert_eq!(unrun, 0);
        } else {
            // The deepest levels: their pointers are the longest.
            let shallowest = report
                .iter()
                .filter(|(_, code)| code == "bad_level")
                .map(|(pointer, _)| pointer.len() / "/next".len())
                .min();
            assert_eq!(shallowest, Some(depth - checked), "{depth} levels");
            assert!(unrun > 0, "{depth} levels");
        }
    }
}

// ----- What an exact, unbudgeted read of the chains must keep ------------------------------
//
// The README's design for reading these chains in linear time ("What would make the first two
// linear without leaving checks unrun") reads each highest level whose subtree has its shapes
// once, and validates that value with its `validate_into`. These reports are what such a read
// must keep: today's, on chains short enough to be within the budget (no `unchecked`).

/// As [`Checked`], its `next` read through an alias too.
#[derive(Debug, Deserialize, CustomerModel)]
#[customer(check = aliased_not_bad)]
#[allow(dead_code)]
struct AliasedChecked {
    #[customer(length(max = 8))]
    name: String,
    #[serde(alias = "nxt")]
    #[customer(nested)]
    next: Option<Box<AliasedChecked>>,
}

fn aliased_not_bad(level: &AliasedChecked) -> Result<(), customer_core::RuleError> {
    if level.name == "bad" {
        Err(customer_core::RuleError::new("bad_level", "is a bad level"))
    } else {
        Ok(())
    }
}

/// As [`Ruled`], its `next` read through an alias too.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct AliasedRuled {
    #[customer(length(max = 8))]
    name: String,
    #[serde(alias = "nxt")]
    #[customer(nested, custom = aliased_no_bad_next)]
    next: Option<Box<AliasedRuled>>,
}

#[allow(clippy::borrowed_box)]
fn aliased_no_bad_next(next: &Box<AliasedRuled>) -> Result<(), customer_core::RuleError> {
    if next.name == "bad" {
        Err(customer_core::RuleError::new("bad_next", "is a bad level"))
    } else {
        Ok(())
    }
}

/// Pairs of a pointer and a code.
fn owned(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(pointer, code)| ((*pointer).to_owned(), (*code).to_owned()))
        .collect()
}

/// Both chains, their `next` written under its alias at some levels: each level's check and
/// each `next`'s rule at the key the document used (`validate_into` would name the field's own
/// name there).
#[test]
fn the_chains_report_at_the_keys_the_document_used() {
    let json = r#"{"name":1,"nxt":{"name":"bad","next":{"name":"bad","nxt":{"name":"longer than eight","next":{"name":"bad","next":null}}}}}"#;
    assert_eq!(
        report_of(Valid::<AliasedChecked>::from_json(json)),
        owned(&[
            ("/name", "invalid_type"),
            ("/nxt", "bad_level"),
            ("/nxt/next", "bad_level"),
            ("/nxt/next/nxt/name", "length"),
            ("/nxt/next/nxt/next", "bad_level"),
        ])
    );
    assert_eq!(unrun_of(Valid::<AliasedChecked>::from_json(json)), 0);
    // Four levels: the most the budget affords this chain in full.
    let json = r#"{"name":1,"nxt":{"name":"bad","next":{"name":"bad","nxt":{"name":"longer than eight","next":null}}}}"#;
    assert_eq!(
        report_of(Valid::<AliasedRuled>::from_json(json)),
        owned(&[
            ("/name", "invalid_type"),
            ("/nxt", "bad_next"),
            ("/nxt/next", "bad_next"),
            ("/nxt/next/nxt/name", "length"),
        ])
    );
    assert_eq!(unrun_of(Valid::<AliasedRuled>::from_json(json)), 0);
}

/// A chain with both: a check of the whole level and another rule on its `nested` field.
#[derive(Debug, Deserialize, CustomerModel)]
#[customer(check = both_not_bad)]
#[allow(dead_code)]
struct Both {
    #[customer(length(max = 8))]
    name: String,
    #[customer(nested, custom = both_no_bad_next)]
    next: Option<Box<Both>>,
}

fn both_not_bad(level: &Both) -> Result<(), customer_core::RuleError> {
    if level.name == "bad" {
        Err(customer_core::RuleError::new("bad_level", "is a bad level"))
    } else {
        Ok(())
    }
}

#[allow(clippy::borrowed_box)]
fn both_no_bad_next(next: &Box<Both>) -> Result<(), customer_core::RuleError> {
    if next.name == "bad" {
        Err(customer_core::RuleError::new("bad_next", "is a bad level"))
    } else {
        Ok(())
    }
}

/// Two violations at one pointer, a bad level's `bad_next` (the rule of the `next` holding it)
/// and its own `bad_level` (its check): today in two orders. The second read (a wrong type
/// elsewhere) walks the field's rule first, then the model below; `validate_into` (a document
/// that reads) validates the model below first, then the field's rule. A read of the chains
/// that validates the levels below a wrong type with `validate_into` gives the second order
/// there too: the first assertion is then to change, on purpose.
#[test]
fn the_rule_of_a_next_level_and_its_check_at_one_pointer() {
    // Three levels: the most the budget affords this chain in full (four are cut).
    let json = r#"{"name":1,"next":{"name":"bad","next":{"name":"bad","next":null}}}"#;
    assert_eq!(
        report_of(Valid::<Both>::from_json(json)),
        owned(&[
            ("/name", "invalid_type"),
            ("/next", "bad_next"),
            ("/next", "bad_level"),
            ("/next/next", "bad_next"),
            ("/next/next", "bad_level"),
        ])
    );
    assert_eq!(unrun_of(Valid::<Both>::from_json(json)), 0);
    // The document read: validated once.
    let json = json.replacen(r#""name":1"#, r#""name":"a""#, 1);
    assert_eq!(
        report_of(Valid::<Both>::from_json(&json)),
        owned(&[
            ("/next", "bad_level"),
            ("/next", "bad_next"),
            ("/next/next", "bad_level"),
            ("/next/next", "bad_next"),
        ])
    );
}

/// As [`Checked`], each level holding an [`Odd`]: a level's walk is not exact.
#[derive(Debug, Deserialize, CustomerModel)]
#[customer(check = odd_not_bad)]
#[allow(dead_code)]
struct OddChecked {
    #[customer(length(max = 8))]
    name: String,
    odd: Odd,
    #[customer(nested)]
    next: Option<Box<OddChecked>>,
}

fn odd_not_bad(level: &OddChecked) -> Result<(), customer_core::RuleError> {
    if level.name == "bad" {
        Err(customer_core::RuleError::new("bad_level", "is a bad level"))
    } else {
        Ok(())
    }
}

/// A check chain below a wrong type, one level refusing what its shapes allow (an `odd` of
/// `"no"`): the levels whose subtree holds it do not read, so their checks do not run; the
/// levels below it read on their own and are checked. What serde refused there is not reported
/// (the wrong type is what the sender must mend first).
#[test]
fn a_check_chain_below_a_level_serde_refuses() {
    let level = |name: &str, odd: &str| format!(r#"{{"name":{name},"odd":"{odd}","next":"#);
    let json = [
        level("1", "yes"),
        level(r#""bad""#, "yes"),
        level(r#""bad""#, "no"),
        level(r#""bad""#, "yes"),
        level(r#""bad""#, "yes"),
    ]
    .concat()
        + "null"
        + &"}".repeat(5);
    assert_eq!(
        report_of(Valid::<OddChecked>::from_json(&json)),
        owned(&[
            ("/name", "invalid_type"),
            ("/next/next/next", "bad_level"),
            ("/next/next/next/next", "bad_level"),
        ])
    );
    assert_eq!(unrun_of(Valid::<OddChecked>::from_json(&json)), 0);
}

/// The caller's limits, for [`CtxChecked`].
struct Limits {
    max: usize,
}

/// As [`Checked`], its rule and its check reading the caller's context.
#[derive(Debug, Deserialize, CustomerModel)]
#[customer(context(Limits), check = ctx_not_bad)]
#[allow(dead_code)]
struct CtxChecked {
    #[customer(length(max = ctx.max))]
    name: String,
    #[customer(nested)]
    next: Option<Box<CtxChecked>>,
}

fn ctx_not_bad(level: &CtxChecked, limits: &Limits) -> Result<(), customer_core::RuleError> {
    if level.name == "bad" || level.name.len() == limits.max {
        Err(customer_core::RuleError::new("bad_level", "is a bad level"))
    } else {
        Ok(())
    }
}

/// A check chain whose checks read the caller's context: below a wrong type, each level's
/// check runs with it (a read that validates those levels whole must pass it on).
#[test]
fn a_check_chain_with_the_callers_context() {
    let json = r#"{"name":1,"next":{"name":"bad","next":{"name":"abcd","next":{"name":"abc","next":null}}}}"#;
    let report = |max| report_of(Valid::<CtxChecked>::from_json_with(json, &Limits { max }));
    assert_eq!(
        report(3),
        owned(&[
            ("/name", "invalid_type"),
            ("/next", "bad_level"),
            ("/next/next/name", "length"),
            ("/next/next/next", "bad_level"),
        ])
    );
    assert_eq!(
        report(4),
        owned(&[
            ("/name", "invalid_type"),
            ("/next", "bad_level"),
            ("/next/next", "bad_level"),
        ])
    );
}

/// An untagged enum holding itself in two variants (`scripts/bench-hostile.sh`'s untagged
/// tree): serde reads each value as each variant in turn, O(2^depth) before the second read.
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

/// `depth` levels of `{"left": [..]}` around `bottom`.
fn tree(depth: usize, bottom: &str) -> String {
    format!(
        "{}{bottom}{}",
        r#"{"left":["#.repeat(depth),
        "]}".repeat(depth)
    )
}

/// A deep untagged tree: a value no variant takes at the bottom is one `invalid_value` at the
/// top (two variants take an object there: the report names no field of either), at any depth.
#[test]
fn a_deep_untagged_tree_reports_at_the_top() {
    for depth in [1, 4, 8, 10] {
        let report = report_of(Valid::<Tree>::from_json(&tree(depth, r#""x""#)));
        assert_eq!(
            report,
            [(String::new(), "invalid_value".to_owned())],
            "{depth}"
        );
        // The bottom a leaf: the tree reads (every level `Left`, the first variant).
        assert!(
            Valid::<Tree>::from_json(&tree(depth, "7")).is_ok(),
            "{depth}"
        );
    }
}

/// Text that refuses `"no"`, with a `Deserialize` of its own and a shape that says nothing:
/// only a read through serde finds what is wrong with it.
#[derive(Debug)]
struct Odd;

impl<'de> Deserialize<'de> for Odd {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if text == "no" {
            Err(serde::de::Error::custom("is not odd"))
        } else {
            Ok(Odd)
        }
    }
}

impl customer_core::json::Shape for Odd {}

/// A chain whose levels hold an [`Odd`].
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Holder {
    #[customer(length(max = 8))]
    name: String,
    odd: Odd,
    #[customer(nested)]
    next: Option<Box<Holder>>,
}

/// What serde refuses beyond the shapes, deep in a chain of models that are each walked once:
/// the model at the top is read whole (its fields all have their shapes), and serde's first
/// refusal is reported once, at its pointer, beside the rules broken at every level.
#[test]
fn nested_models_report_what_serde_refuses_once() {
    let chain = |odd: &dyn Fn(usize) -> bool, long: &dyn Fn(usize) -> bool| {
        let mut text = String::new();
        for i in 0..120 {
            let name = if long(i) { "longer than eight" } else { "a" };
            let odd = if odd(i) { "no" } else { "yes" };
            text.push_str(&format!(r#"{{"name":"{name}","odd":"{odd}","next":"#));
        }
        text.push_str("null");
        text.push_str(&"}".repeat(120));
        text
    };
    let json = chain(&|i| i == 50, &|i| i % 30 == 10);
    let mut want: Vec<(String, String)> = [10, 40]
        .iter()
        .map(|&i| (format!("{}/name", level(i)), "length".to_owned()))
        .collect();
    want.push((format!("{}/odd", level(50)), "invalid_value".to_owned()));
    want.extend(
        [70, 100]
            .iter()
            .map(|&i| (format!("{}/name", level(i)), "length".to_owned())),
    );
    assert_eq!(report_of(Valid::<Holder>::from_json(&json)), want);

    // Two refusals: serde stops at its first, reading the members in key order (the tree is
    // read whole as a `serde_json::Value`: `next` before `odd`), so at the lower one.
    let json = chain(&|i| i == 30 || i == 90, &|_| false);
    assert_eq!(
        report_of(Valid::<Holder>::from_json(&json)),
        [(format!("{}/odd", level(90)), "invalid_value".to_owned())]
    );
}

// ----- 120 levels through enums with data, newtypes and tuple structs ------------------------

/// An externally tagged enum holding itself through a struct variant and a newtype variant.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)]
enum Step {
    Level {
        #[customer(length(max = 8))]
        name: String,
        #[customer(nested)]
        next: Option<Box<Step>>,
    },
    Wrap(#[customer(nested)] Box<Step>),
}

/// A level read by an internally tagged enum's newtype variant.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Hop {
    #[customer(length(max = 8))]
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

/// A level read by an adjacently tagged enum's newtype variant.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct AdjacentHop {
    #[customer(length(max = 8))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Adjacent>>,
}

/// An adjacently tagged enum of one newtype variant.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(tag = "t", content = "c", rename_all = "snake_case")]
#[allow(dead_code)]
enum Adjacent {
    Hop(#[customer(nested)] AdjacentHop),
}

/// A level read by an untagged enum's newtype variant.
#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct UntaggedHop {
    #[customer(length(max = 8))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Untagged>>,
}

/// An untagged enum: its value is the level itself.
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
    #[customer(length(max = 8))]
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
    #[customer(length(max = 8))] String,
    #[customer(nested)] Option<Box<Pair>>,
);

/// How a chain of levels is written in one of the forms above: a level's text around its
/// `name` value and its `next` one, and the pointers of a level's `name` and `next`.
struct Form {
    open: fn(&str) -> String,
    close: &'static str,
    name_at: fn(usize) -> String,
    next_at: fn(usize) -> String,
    /// The code of a wrong `next` (an untagged enum says none of its variants matches).
    wrong_next: &'static str,
    /// How many levels fit in serde_json's nesting limit (128).
    levels: usize,
}

fn form_chain(form: &Form, levels: usize, at: impl Fn(usize) -> At) -> String {
    let mut text = String::new();
    let mut closing = 0;
    for i in 0..levels {
        let name = match at(i) {
            At::WrongType => "1",
            At::TooLong => r#""longer than eight""#,
            At::Bad => r#""bad""#,
            At::Fine | At::WrongNext => r#""a""#,
        };
        text.push_str(&(form.open)(name));
        closing += 1;
        if at(i) == At::WrongNext {
            text.push('5');
            break;
        }
    }
    if !text.ends_with('5') {
        text.push_str("null");
    }
    text.push_str(&form.close.repeat(closing));
    text
}

fn form_expected(form: &Form, levels: usize, at: impl Fn(usize) -> At) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for i in 0..levels {
        match at(i) {
            At::WrongType => out.push(((form.name_at)(i), "invalid_type".to_owned())),
            At::TooLong => out.push(((form.name_at)(i), "length".to_owned())),
            At::WrongNext => {
                out.push(((form.next_at)(i), form.wrong_next.to_owned()));
                break;
            }
            At::Fine | At::Bad => {}
        }
    }
    out
}

/// 120 levels through each form that holds a model otherwise than in a named field: the
/// report holds exactly each level's violations, wherever they are (each level is walked
/// once: `scripts/bench-hostile.sh --callgrind` measures the cost).
#[test]
fn enums_newtypes_and_tuples_report_each_levels_violations() {
    type Read = fn(&str) -> Result<(), Error>;
    let forms: [(&str, Form, Read); 7] = [
        (
            "externally tagged struct variant",
            Form {
                open: |name| format!(r#"{{"level":{{"name":{name},"next":"#),
                close: "}}",
                name_at: |i| format!("{}/level/name", "/level/next".repeat(i)),
                next_at: |i| format!("{}/level/next", "/level/next".repeat(i)),
                wrong_next: "invalid_type",
                levels: 60,
            },
            |json| Valid::<Step>::from_json(json).map(drop),
        ),
        (
            "externally tagged newtype variants",
            Form {
                open: |name| format!(r#"{{"wrap":{{"wrap":{{"level":{{"name":{name},"next":"#),
                close: "}}}}",
                name_at: |i| format!("{}/wrap/wrap/level/name", "/wrap/wrap/level/next".repeat(i)),
                next_at: |i| format!("{}/wrap/wrap/level/next", "/wrap/wrap/level/next".repeat(i)),
                wrong_next: "invalid_type",
                levels: 30,
            },
            |json| Valid::<Step>::from_json(json).map(drop),
        ),
        (
            "internally tagged newtype variant",
            Form {
                open: |name| format!(r#"{{"type":"hop","name":{name},"next":"#),
                close: "}",
                name_at: |i| format!("{}/name", level(i)),
                next_at: |i| format!("{}/next", level(i)),
                wrong_next: "invalid_type",
                levels: 120,
            },
            |json| Valid::<Via>::from_json(json).map(drop),
        ),
        (
            "adjacently tagged newtype variant",
            Form {
                open: |name| format!(r#"{{"t":"hop","c":{{"name":{name},"next":"#),
                close: "}}",
                name_at: |i| format!("{}/c/name", "/c/next".repeat(i)),
                next_at: |i| format!("{}/c/next", "/c/next".repeat(i)),
                wrong_next: "invalid_type",
                levels: 60,
            },
            |json| Valid::<Adjacent>::from_json(json).map(drop),
        ),
        (
            "untagged newtype variant",
            Form {
                open: |name| format!(r#"{{"name":{name},"next":"#),
                close: "}",
                name_at: |i| format!("{}/name", level(i)),
                next_at: |i| format!("{}/next", level(i)),
                wrong_next: "invalid_value",
                levels: 120,
            },
            |json| Valid::<Untagged>::from_json(json).map(drop),
        ),
        (
            "newtype struct",
            Form {
                open: |name| format!(r#"{{"name":{name},"next":"#),
                close: "}",
                name_at: |i| format!("{}/name", level(i)),
                next_at: |i| format!("{}/next", level(i)),
                wrong_next: "invalid_type",
                levels: 120,
            },
            |json| Valid::<Wrapper>::from_json(json).map(drop),
        ),
        (
            "tuple struct",
            Form {
                open: |name| format!("[{name},"),
                close: "]",
                name_at: |i| format!("{}/0", "/1".repeat(i)),
                next_at: |i| format!("{}/1", "/1".repeat(i)),
                wrong_next: "invalid_type",
                levels: 120,
            },
            |json| Valid::<Pair>::from_json(json).map(drop),
        ),
    ];
    // What level `i` of `n` holds.
    type Case = (&'static str, fn(usize, usize) -> At);
    let cases: [Case; 6] = [
        ("wrong type at the top", |i, _| {
            if i == 0 {
                At::WrongType
            } else {
                At::Fine
            }
        }),
        ("wrong type at the bottom", |i, n| {
            if i == n - 1 {
                At::WrongType
            } else {
                At::Fine
            }
        }),
        ("two wrong types", |i, n| {
            if i == 0 || i == n - 1 {
                At::WrongType
            } else {
                At::Fine
            }
        }),
        (
            "wrong types and rules broken at many levels",
            |i, _| match i % 10 {
                3 => At::WrongType,
                5 | 7 => At::TooLong,
                _ => At::Fine,
            },
        ),
        ("a wrong next level in the middle", |i, n| match i {
            _ if i == n / 2 + 7 => At::WrongNext,
            _ if i % 11 == 0 => At::TooLong,
            _ => At::Fine,
        }),
        ("rules broken, no wrong type", |i, _| match i % 4 {
            0 => At::TooLong,
            _ => At::Fine,
        }),
    ];
    for (form_name, form, read) in &forms {
        let n = form.levels;
        for (name, at) in cases {
            let json = form_chain(form, n, |i| at(i, n));
            assert_eq!(
                report_of(read(&json)),
                form_expected(form, n, |i| at(i, n)),
                "{form_name}, {name}"
            );
        }
    }
}

/// A value nested 200,000 deep built in memory (no parser to stop it) is refused by the
/// metadata counter, which stops at its depth limit.
#[test]
fn deep_values_built_in_memory_are_refused_by_metadata() {
    let mut value = Value::Null;
    for _ in 0..DEPTH {
        value = Value::Array(vec![value]);
    }
    let error = rules::metadata::check(&value, usize::MAX).expect_err("too deep");
    assert_eq!(error.code(), "metadata_invalid");
    let error = rules::metadata::check(&value, 1024).expect_err("too deep or too large");
    assert!(
        matches!(error.code(), "metadata_invalid" | "metadata_too_large"),
        "{}",
        error.code()
    );
    dismantle(value);
}

// ----- Size ----------------------------------------------------------------------------------

#[test]
fn fifty_megabyte_strings_are_refused() {
    let huge = "a".repeat(BIG);

    // The rules, directly: refused by length without reading the whole text where they can.
    let long_email = format!("{huge}@example.com");
    let code =
        |result: Result<(), customer_core::RuleError>| result.map_err(|e| e.code().to_owned());
    assert_eq!(
        code(rules::email::check(
            long_email.as_str(),
            &EmailOptions::DEFAULT
        )),
        Err("email".to_owned())
    );
    assert!(rules::locale::check(huge.as_str()).is_err());
    assert!(rules::locale::check_short(huge.as_str()).is_err());
    assert!(rules::phone::check(huge.as_str()).is_err());
    assert!(rules::url::check(huge.as_str()).is_err());
    assert!(rules::timestamp::check(huge.as_str()).is_err());
    assert!(rules::country::check(huge.as_str()).is_err());
    assert!(rules::length::check(huge.as_str(), None, Some(1024)).is_err());
    assert!(rules::bytes::check(huge.as_str(), None, Some(1024)).is_err());
    assert_eq!(
        code(rules::metadata::check(huge.as_str(), 1024)),
        Err("metadata_too_large".to_owned())
    );
    let as_json_string = format!("\"{huge}\"");
    assert_eq!(
        code(rules::metadata::check_json_string(
            as_json_string.as_str(),
            1024
        )),
        Err("metadata_too_large".to_owned())
    );
    drop(as_json_string);

    // One document with a 50 MB email, read by every API and by Valid<T>.
    let document = format!(r#"{{"email":"{long_email}","name":"Jo"}}"#);
    drop(long_email);
    refused_everywhere(&document, "50 MB email");
    drop(document);

    // 50 MB of metadata (a string, and an object holding one) where each API takes metadata.
    for api in [Api::Mollie, Api::Legit, Api::Tazapay] {
        let country = if api == Api::Tazapay {
            r#""country":"NL","#
        } else {
            ""
        };
        let document =
            format!(r#"{{{country}"email":"jo@example.com","name":"Jo","metadata":"{huge}"}}"#);
        let error = refused(api.decode(&document), &format!("{api} metadata string"));
        assert!(
            error
                .violations()
                .iter()
                .any(|v| v.pointer() == "/metadata"),
            "{api}: {error}"
        );
    }
    // Paddle sets no limit on `custom_data`: read, not refused, and not a crash.
    let custom_data = format!(r#"{{"email":"jo@example.com","custom_data":{{"k":"{huge}"}}}}"#);
    let paddle = Api::Paddle.decode(&custom_data);
    assert!(
        paddle.is_ok_and(|c| c.metadata.is_some()),
        "Paddle custom_data"
    );
    let error = refused(
        Valid::<Signup>::from_json(&custom_data),
        "Signup custom_data",
    );
    assert!(
        error
            .violations()
            .iter()
            .any(|v| v.code() == "metadata_too_large"),
        "{error}"
    );
}

// ----- Empty, junk, NUL, BOM -----------------------------------------------------------------

/// Documents that are not JSON, or not a JSON object, or not a customer of any shape.
const JUNK: &[&str] = &[
    "",
    " ",
    "\n\t\r ",
    "{",
    "}",
    "[",
    "{}}",
    "{\"email\":",
    "{\"email\":\"jo@example.com\"",
    "{\"email\" \"jo@example.com\"}",
    "{'email':'jo@example.com'}",
    "{\"email\":\"jo@example.com\",}",
    "\"unterminated",
    "nul",
    "tru",
    "null",
    "true",
    "0",
    "-1e999999",
    "1e999",
    "\"jo@example.com\"",
    "[]",
    "[{\"email\":\"jo@example.com\"}]",
    "{\"email\":\"jo@example.com\"} {}",
    "{\"email\":\"jo@example.com\"}x",
    "\u{0}",
    "{\"email\":\"jo@example.com\u{0}\"}",
    "{\"email\":\"jo\\u0000@example.com\"}",
    "{\"email\":\"\\ud800@example.com\"}",
    "{\"email\":\"\\u12\"}",
    "{\"\u{0}\":1}",
    "\u{FEFF}{\"email\":\"jo@example.com\"}",
    "\u{FEFF}",
    "{\"email\":\"jo@example.com\"}\u{FEFF}",
    "\u{1}\u{2}\u{3}garbage\u{7f}",
    "<customer><email>jo@example.com</email></customer>",
    "email: jo@example.com",
];

#[test]
fn empty_junk_nul_and_bom_are_errors() {
    for text in JUNK {
        refused_everywhere(text, &format!("{text:?}"));
        for rule in [
            rules::email::check(*text, &EmailOptions::DEFAULT),
            rules::phone::check(*text),
            rules::timestamp::check(*text),
            rules::url::check(*text),
            rules::country::check(*text),
        ] {
            assert!(rule.is_err(), "{text:?} passed a rule");
        }
    }
}

/// The library's side of the byte order mark (the CLI drops one at the start of a file, see
/// tests/cli.rs): a body that starts with one is not JSON, refused at line 1 column 1.
#[test]
fn a_body_with_a_byte_order_mark_is_malformed_at_its_first_character() {
    let body = "\u{FEFF}{\"email\":\"jo@example.com\"}";
    for error in [
        Valid::<Customer>::from_json(body).map(drop).unwrap_err(),
        Api::Paddle.decode(body).map(drop).unwrap_err(),
    ] {
        assert!(matches!(error, Error::Syntax(_)), "{error:?}");
        let violations: Vec<_> = error.violations().iter().collect();
        assert_eq!(violations.len(), 1, "{error:?}");
        assert_eq!(violations[0].code(), "malformed_json");
        assert_eq!(violations[0].pointer(), "");
        assert!(error.to_string().contains("line 1 column 1"), "{error}");
    }
}

#[test]
fn bytes_that_are_not_utf8_are_errors() {
    for bytes in [
        &b"\xff\xfe{\x00}\x00"[..],
        b"{\"email\":\"jo\xc3@example.com\"}",
        b"\xef\xbb\xbf{\"email\":\"jo@example.com\"}",
        b"\xc0\x80",
        b"{\"email\":\"\xed\xa0\x80@example.com\"}",
    ] {
        refused(Valid::<Signup>::from_slice(bytes), &format!("{bytes:?}"));
        refused(
            customer_core::json::from_slice::<Customer>(bytes),
            &format!("{bytes:?}"),
        );
    }
    // In an unknown member's value (a string, an array's, a key below), where serde_json skips
    // the string without looking at its bytes and reads the document on: refused all the same,
    // as malformed JSON (RFC 8259 section 8.1; I-JSON), as every other breach in an unknown
    // member is.
    for bytes in [
        &b"{\"email\":\"jo@example.com\",\"x\":[\"\x90\"]}"[..],
        b"{\"email\":\"jo@example.com\",\"x\":\"\x90\x90\"}",
        b"{\"email\":\"jo@example.com\",\"x\":{\"k\":1,\"\xc3\":[2]}}",
    ] {
        assert!(
            serde_json::from_slice::<Signup>(bytes).is_ok(),
            "serde_json alone reads {bytes:?}"
        );
        let error = refused(Valid::<Signup>::from_slice(bytes), &format!("{bytes:?}"));
        assert!(matches!(error, Error::Syntax(_)), "{bytes:?}: {error:?}");
        let codes: Vec<_> = error.violations().iter().map(|v| v.code()).collect();
        assert_eq!(codes, ["malformed_json"], "{bytes:?}");
    }
}

// ----- Wrong types in every field ------------------------------------------------------------

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("customer-core/tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every value of `value` with its JSON Pointer (the root excluded).
fn paths(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let p = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                out.push(p.clone());
                paths(child, p, out);
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                let p = format!("{pointer}/{index}");
                out.push(p.clone());
                paths(child, p, out);
            }
        }
        _ => {}
    }
}

fn kind(value: &Value) -> u8 {
    match value {
        Value::Null => 0,
        Value::Bool(_) => 1,
        Value::Number(_) => 2,
        Value::String(_) => 3,
        Value::Array(_) => 4,
        Value::Object(_) => 5,
    }
}

/// Values whose kind is wrong for almost any field.
fn replacements() -> Vec<Value> {
    vec![
        Value::Bool(true),
        serde_json::json!(0),
        serde_json::json!(-1.5),
        serde_json::json!(1e300),
        serde_json::json!(u64::MAX),
        serde_json::json!(""),
        serde_json::json!("not the right kind"),
        serde_json::json!([]),
        serde_json::json!([[null]]),
        serde_json::json!({}),
        serde_json::json!({"x": {"y": []}}),
    ]
}

/// Where a value of another kind is right: inside metadata (JSON kept as given), and Mollie's
/// metadata itself, which may be a string, an object or an array.
fn takes_this_kind(api: Api, pointer: &str, replacement: &Value) -> bool {
    let in_metadata = pointer.contains("/metadata/") || pointer.contains("/custom_data/");
    // Mollie's metadata is a string, a number, an object or an array (its OpenAPI document).
    let mollie_metadata = api == Api::Mollie
        && pointer.ends_with("/metadata")
        && matches!(
            replacement,
            Value::String(_) | Value::Number(_) | Value::Array(_) | Value::Object(_)
        );
    // Mollie's events keep their `type` and `_links` as the JSON they are.
    let mollie_event_json = api == Api::Mollie
        && pointer.contains("/events/")
        && (pointer.ends_with("/type") || pointer.contains("/_links"));
    in_metadata || mollie_metadata || mollie_event_json
}

#[test]
fn wrong_types_in_every_field_are_errors() {
    let fixtures = [
        (Api::Mollie, "mollie_create_request.json"),
        (Api::Mollie, "mollie_create_response.json"),
        (Api::Mollie, "mollie_get_response.json"),
        (Api::Tazapay, "tazapay_create_request.json"),
        (Api::Tazapay, "tazapay_customer_response_fixed.json"),
        (Api::Paddle, "paddle_create_request.json"),
        (Api::Paddle, "paddle_customer_response.json"),
        (Api::Paddle, "paddle_customer_imported.json"),
        (Api::Legit, "legit_create_customer_full.json"),
    ];
    let mut checked = 0;
    let mut accepted = Vec::new();
    for (api, name) in fixtures {
        let document: Value = serde_json::from_str(&fixture(name)).expect("fixture is JSON");
        api.decode(&document.to_string())
            .unwrap_or_else(|e| panic!("{api} {name} should decode:\n{e}"));
        let mut pointers = Vec::new();
        paths(&document, String::new(), &mut pointers);
        for pointer in &pointers {
            let original = document.pointer(pointer).expect("a path of the document");
            for replacement in replacements() {
                // A `null` says nothing of the kind the field takes.
                if original.is_null()
                    || kind(&replacement) == kind(original)
                    || takes_this_kind(api, pointer, &replacement)
                {
                    continue;
                }
                let mut broken = document.clone();
                *broken.pointer_mut(pointer).expect("a path") = replacement.clone();
                let text = broken.to_string();
                checked += 1;
                match api.decode(&text) {
                    Ok(_) => accepted.push(format!("{api} {name} {pointer} = {replacement}")),
                    Err(error) => assert_reported(&error, &format!("{api} {name} {pointer}")),
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} documents");
    assert!(
        accepted.is_empty(),
        "{} of {checked} documents with a wrong type were accepted:\n{}",
        accepted.len(),
        accepted.join("\n")
    );
}

#[test]
fn wrong_types_in_every_field_of_valid_t_are_errors() {
    let base = serde_json::json!({
        "email": "jo@example.com", "name": "Jo", "locale": "en-US",
        "custom_data": {"a": 1}, "extra": "{\"b\":2}",
        "phone": {"calling_code": "31", "number": "612345678"},
        "friends": [{"email": "al@example.com"}]
    });
    Valid::<Signup>::from_json(&base.to_string()).expect("the base document is valid");
    let mut pointers = Vec::new();
    paths(&base, String::new(), &mut pointers);
    for pointer in pointers.iter().filter(|p| !p.starts_with("/custom_data/")) {
        let original = base.pointer(pointer).expect("a path");
        for replacement in replacements() {
            if kind(&replacement) == kind(original) || pointer == "/custom_data" {
                continue;
            }
            let mut broken = base.clone();
            *broken.pointer_mut(pointer).expect("a path") = replacement.clone();
            let error = refused(
                Valid::<Signup>::from_json(&broken.to_string()),
                &format!("{pointer} = {replacement}"),
            );
            // At the value, at the object holding it, or inside it (serde reads a struct from
            // an array by position: `[[null]]` for a struct is refused at `/0`).
            assert!(
                error.violations().iter().any(|v| {
                    pointer.starts_with(v.pointer()) || v.pointer().starts_with(pointer.as_str())
                }),
                "{pointer} = {replacement}: reported at {error}"
            );
        }
    }
}

/// serde's derived `Deserialize` also reads a struct from a JSON array (its fields by
/// position); `customer_core::json` asks for structs as maps, so `[]` in place of an object
/// (an address, a Mollie event, a whole customer) is an error, not an object of defaults.
#[test]
fn arrays_in_place_of_objects_are_errors() {
    for (api, document) in [
        (
            Api::Tazapay,
            r#"{"name":"Jo","email":"jo@example.com","country":"NL","billing_address":[[]]}"#,
        ),
        (
            Api::Tazapay,
            r#"{"name":"Jo","email":"jo@example.com","country":"NL","billing_address":[{"address":[]}]}"#,
        ),
    ] {
        refused(api.decode(document), &format!("{api} {document}"));
    }
    refused(
        Valid::<Customer>::from_json(r#"{"billing_addresses":[[]]}"#),
        "Valid<Customer> address []",
    );
    refused(Valid::<Customer>::from_json("[]"), "Valid<Customer> []");
}

// ----- The binary ----------------------------------------------------------------------------

const BIN: &str = env!("CARGO_BIN_EXE_customer-model");

fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("hostile")
        .join(std::process::id().to_string());
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Runs `customer-model check --api API FILE`; the exit status must be 1 or 2, not a signal.
fn check_file(api: Api, path: &Path) -> i32 {
    let output = Command::new(BIN)
        .args(["check", "--api", api.as_str()])
        .arg(path)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs");
    let code = output.status.code();
    assert!(
        matches!(code, Some(1 | 2)),
        "{api} {}: exit {:?}, stderr: {}",
        path.display(),
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    code.unwrap_or_default()
}

#[test]
fn the_binary_refuses_hostile_files_without_crashing() {
    let dir = scratch();
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("empty.json".into(), Vec::new()),
        ("junk.json".into(), b"\x00\x01\xff\xfe garbage {".to_vec()),
        (
            "nul.json".into(),
            b"{\"email\":\"jo\x00@example.com\"}".to_vec(),
        ),
        (
            "bom-junk.json".into(),
            b"\xef\xbb\xbf{\"email\":\"not an address\"}".to_vec(),
        ),
        ("bom-only.json".into(), b"\xef\xbb\xbf".to_vec()),
        (
            "bom-twice.json".into(),
            b"\xef\xbb\xbf\xef\xbb\xbf{}".to_vec(),
        ),
        (
            "not-utf8.json".into(),
            b"{\"email\":\"jo\xc3@example.com\"}".to_vec(),
        ),
        (
            "wrong-types.json".into(),
            br#"{"email":1,"name":[],"locale":{},"custom_data":"x"}"#.to_vec(),
        ),
        ("array.json".into(), b"[1,2,3]".to_vec()),
        ("deep-arrays.json".into(), deep_arrays(DEPTH).into_bytes()),
        ("deep-objects.json".into(), deep_objects(DEPTH).into_bytes()),
        (
            "junk.ndjson".into(),
            format!("\n{{\n\x00\n\u{FEFF}{{}}\n{}\n[]\n", deep_arrays(DEPTH)).into_bytes(),
        ),
    ];
    let mut big = Vec::with_capacity(BIG + 64);
    big.extend_from_slice(b"{\"email\":\"");
    big.resize(BIG, b'a');
    big.extend_from_slice(b"@example.com\"}");
    files.push(("big-email.json".into(), big));
    for (name, bytes) in &files {
        std::fs::write(dir.join(name), bytes).expect("file written");
    }
    drop(files);
    // Past the binary's 64 MiB document limit: refused without being parsed.
    let over = std::fs::File::create(dir.join("over-limit.json")).expect("file");
    over.set_len(65 * 1024 * 1024).expect("sparse file");
    drop(over);

    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        let path = dir.join(name);
        let apis: &[Api] = if name.starts_with("big") || name.starts_with("over") {
            &[Api::Paddle]
        } else {
            &Api::ALL
        };
        for api in apis {
            assert_eq!(check_file(*api, &path), 1, "{api} {name}");
        }
    }
    assert_eq!(check_file(Api::Paddle, &dir.join("missing.json")), 2);
    let _ = std::fs::remove_dir_all(&dir);
}
