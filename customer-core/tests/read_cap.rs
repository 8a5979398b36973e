//! The cap on a document's report, on the hostile bodies of `scripts/bench-hostile.sh` (about
//! 64 KiB each: thousands of unknown keys, a map and an array of wrong-typed values, 120 nested
//! models): at most 100 violations by default, in document order, then one
//! `too_many_violations` entry at `""` whose `count` is how many the document has; configurable
//! with `MaxViolations`; reports under the cap as they were.

use std::collections::BTreeMap;
use std::future::Future;

use customer_core::json::{self, MaxViolations};
use customer_core::providers::Api;
use customer_core::{CustomerModel, Error, Param, Valid, Violation};
use serde::Deserialize;

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{allocations, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

const SIZE: usize = 64 * 1024;

#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Tags {
    #[customer(length(max = 100_000))]
    tags: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Names {
    #[customer(each(length(max = 4)))]
    names: Vec<String>,
}

#[derive(Debug, Deserialize, CustomerModel)]
#[allow(dead_code)]
struct Level {
    #[customer(length(max = 64))]
    name: String,
    #[customer(nested)]
    next: Option<Box<Level>>,
}

/// A Paddle create request with unknown keys up to `SIZE`, and how many.
fn unknown_keys() -> (String, usize) {
    let mut text = String::from(r#"{"email":"jo@example.com""#);
    let mut n = 0;
    while text.len() < SIZE - 16 {
        text.push_str(&format!(r#","k{n}":1"#));
        n += 1;
    }
    text.push('}');
    (text, n)
}

/// A map of numbers where text is expected, and how many.
fn wrong_map() -> (String, usize) {
    let members: Vec<String> = (0..5_000).map(|i| format!(r#""t{i}":1"#)).collect();
    (format!(r#"{{"tags":{{{}}}}}"#, members.join(",")), 5_000)
}

/// An array of `n` elements: `element(i)` each.
fn array(n: usize, element: impl Fn(usize) -> &'static str) -> String {
    let items: Vec<&str> = (0..n).map(element).collect();
    format!(r#"{{"names":[{}]}}"#, items.join(","))
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

fn violations<T: std::fmt::Debug>(result: Result<T, Error>) -> Vec<Violation> {
    match result.expect_err("the document is refused") {
        Error::Invalid(errors) => errors.into_iter().collect(),
        other => panic!("not a report of violations: {other:?}"),
    }
}

/// `report` is `first` (pointer, code) in order, then the cap entry with `count` and `max`.
fn capped(report: &[Violation], first: &[(String, &str)], count: usize, max: usize) {
    assert_eq!(report.len(), first.len() + 1, "{report:#?}");
    let got: Vec<(String, &str)> = report[..first.len()]
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code()))
        .collect();
    assert_eq!(got, first);
    let last = &report[first.len()];
    assert_eq!((last.pointer(), last.code()), ("", "too_many_violations"));
    let params: Vec<(&str, &Param)> = last.params().collect();
    assert_eq!(
        params,
        [
            ("count", &Param::UInt(count as u64)),
            ("max", &Param::UInt(max as u64))
        ]
    );
    assert_eq!(
        last.message(),
        format!("has {count} violations; the first {max} are reported")
    );
}

fn expected(pointers: impl Iterator<Item = String>, code: &str) -> Vec<(String, &str)> {
    pointers.map(|p| (p, code)).collect()
}

#[test]
fn unknown_keys_are_capped_on_decode_and_check() {
    let (json, n) = unknown_keys();
    assert!(n > 6_000);
    let first = expected((0..100).map(|i| format!("/k{i}")), "unknown_field");
    capped(&violations(Api::Paddle.decode(&json)), &first, n, 100);
    capped(&violations(Api::Paddle.check(&json)), &first, n, 100);
    // Twice on the same thread: `check` guesses from the previous document.
    capped(&violations(Api::Paddle.check(&json)), &first, n, 100);

    let all = violations(MaxViolations::UNLIMITED.scope(|| Api::Paddle.decode(&json)));
    assert_eq!(all.len(), n);
    assert!(all
        .iter()
        .enumerate()
        .all(|(i, v)| v.pointer() == format!("/k{i}") && v.code() == "unknown_field"));

    let few = violations(MaxViolations(3).scope(|| Api::Paddle.check(&json)));
    capped(&few, &first[..3], n, 3);
}

#[test]
fn a_map_of_wrong_values_is_capped() {
    let (json, n) = wrong_map();
    let first = expected((0..100).map(|i| format!("/tags/t{i}")), "invalid_type");
    capped(&violations(Valid::<Tags>::from_json(&json)), &first, n, 100);
    capped(
        &violations(Valid::<Tags>::from_slice(json.as_bytes())),
        &first,
        n,
        100,
    );
    // The shape alone, without the rules.
    capped(&violations(json::from_str::<Tags>(&json)), &first, n, 100);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let by_value = violations(json::from_value::<Tags>(value));
    assert_eq!(by_value.len(), 101);
    assert_eq!(by_value[100].code(), "too_many_violations");
}

#[test]
fn an_array_of_wrong_elements_is_capped() {
    let n = 30_000;
    let json = array(n, |_| "1");
    let first = expected((0..100).map(|i| format!("/names/{i}")), "invalid_type");
    capped(
        &violations(Valid::<Names>::from_json(&json)),
        &first,
        n,
        100,
    );
    let all = violations(MaxViolations::UNLIMITED.scope(|| Valid::<Names>::from_json(&json)));
    assert_eq!(all.len(), n);
    assert!(all.iter().all(|v| v.code() == "invalid_type"));
}

/// The elements that read alone still have their `each` rules run, at their own pointers,
/// beside the wrong ones, in document order; the cap counts both.
#[test]
fn the_elements_that_read_keep_their_rules() {
    // Every third element a number, every third a string too long, every third fine.
    let json = array(300, |i| match i % 3 {
        0 => "1",
        1 => r#""toolong""#,
        _ => r#""ok""#,
    });
    let all = violations(MaxViolations::UNLIMITED.scope(|| Valid::<Names>::from_json(&json)));
    let want: Vec<(String, &str)> = (0..300)
        .filter_map(|i| match i % 3 {
            0 => Some((format!("/names/{i}"), "invalid_type")),
            1 => Some((format!("/names/{i}"), "length")),
            _ => None,
        })
        .collect();
    let got: Vec<(String, &str)> = all
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code()))
        .collect();
    assert_eq!(got, want);
    capped(
        &violations(Valid::<Names>::from_json(&json)),
        &want[..100],
        200,
        100,
    );
}

/// A document that reads, its rule violations past the cap.
#[test]
fn rule_violations_of_a_document_that_reads_are_capped() {
    let json = array(150, |_| r#""toolong""#);
    let first = expected((0..100).map(|i| format!("/names/{i}")), "length");
    capped(
        &violations(Valid::<Names>::from_json(&json)),
        &first,
        150,
        100,
    );
    let ten = violations(MaxViolations(10).scope(|| Valid::<Names>::from_json(&json)));
    capped(&ten, &first[..10], 150, 10);
}

#[test]
fn reports_under_the_cap_are_unchanged() {
    let report = violations(Valid::<Level>::from_json(&deep()));
    assert_eq!(report.len(), 1);
    assert_eq!(
        (report[0].pointer(), report[0].code()),
        ("/name", "invalid_type")
    );

    // Exactly 100: all of them, no cap entry.
    let json = array(100, |_| "true");
    let report = violations(Valid::<Names>::from_json(&json));
    assert_eq!(report.len(), 100);
    assert!(report.iter().all(|v| v.code() == "invalid_type"));
    let json = array(100, |_| r#""toolong""#);
    let report = violations(Valid::<Names>::from_json(&json));
    assert_eq!(report.len(), 100);
    assert!(report.iter().all(|v| v.code() == "length"));
    // One more: the first 100 and the count.
    let json = array(101, |_| "true");
    assert_eq!(violations(Valid::<Names>::from_json(&json)).len(), 101);
}

/// Past the cap, the violations of the rest of a container are counted, not built: reading
/// 30,000 wrong elements allocates about what reading 1,000 does (the tree, the first 100
/// violations), while its `count` says 30,000; a wrong value before the array and one after it
/// keep their places (the first in the report, the second counted).
#[test]
fn violations_past_the_cap_are_counted_not_built() {
    #[derive(Debug, Deserialize, CustomerModel)]
    #[allow(dead_code)]
    struct Around {
        #[customer(length(max = 2))]
        before: String,
        #[customer(each(length(max = 4)))]
        names: Vec<String>,
        after: bool,
    }
    let body = |n: usize| {
        let items = vec!["1"; n].join(",");
        format!(r#"{{"before": "long", "names": [{items}], "after": "no"}}"#)
    };
    let read = |json: &str| allocations(|| violations(Valid::<Around>::from_json(json)));
    let (small, report) = read(&body(1_000));
    let mut first = vec![("/before".to_owned(), "length")];
    first.extend(expected(
        (0..99).map(|i| format!("/names/{i}")),
        "invalid_type",
    ));
    capped(&report, &first, 1_002, 100);
    let (large, report) = read(&body(30_000));
    capped(&report, &first, 30_002, 100);
    // The tree of 30,000 numbers allocates its array a few more times as it grows; 29,000 more
    // violations built would be tens of thousands of allocations.
    assert!(
        large < small + 200,
        "{small} allocations for 1,000, {large} for 30,000"
    );

    // The same report as when every violation is built, then cut.
    let all =
        violations(MaxViolations::UNLIMITED.scope(|| Valid::<Around>::from_json(&body(3_000))));
    assert_eq!(all.len(), 3_002);
    assert_eq!(
        all.last().map(|v| (v.pointer(), v.code())),
        Some(("/after", "invalid_type"))
    );
    for max in [0, 1, 2, 50, 3_001, 3_002] {
        let report =
            violations(MaxViolations(max).scope(|| Valid::<Around>::from_json(&body(3_000))));
        let want: Vec<(String, &str)> = all[..max.min(all.len())]
            .iter()
            .map(|v| (v.pointer().to_owned(), v.code()))
            .collect();
        if max >= all.len() {
            assert_eq!(report, all);
        } else {
            capped(&report, &want, 3_002, max);
        }
    }
}

/// One element of [`Rules::items`]: two rules, one of them (`range`) with params rendered as
/// text, which would allocate.
#[derive(Clone, Debug, Deserialize, CustomerModel)]
struct Item {
    #[customer(length(max = 1))]
    a: String,
    #[customer(range(max = 1))]
    b: u32,
}

/// Rule violations pushed by the generated `validate_into`: an `each` loop, nested models in a
/// `Vec`, and a field declared last that the documents below hold first.
#[derive(Clone, Debug, Deserialize, CustomerModel)]
struct Rules {
    #[customer(each(length(max = 4)))]
    names: Vec<String>,
    #[customer(nested)]
    items: Vec<Item>,
    #[customer(length(max = 2))]
    late: String,
}

/// `n` broken names and `n` broken items (two violations each), `late` broken.
fn broken_rules(n: usize) -> Rules {
    Rules {
        names: vec!["toolong".to_owned(); n],
        items: vec![
            Item {
                a: "xx".to_owned(),
                b: 5,
            };
            n
        ],
        late: "long".to_owned(),
    }
}

/// The document of [`broken_rules`], `late` first and each item's `b` before its `a`: document
/// order is not the order the rules run in. `tail` is appended inside the object (a member
/// that makes the document not read, say).
fn rules_document(n: usize, tail: &str) -> String {
    let names = vec![r#""toolong""#; n].join(",");
    let items = vec![r#"{"b": 5, "a": "xx"}"#; n].join(",");
    format!(r#"{{"late": "long", "items": [{items}], "names": [{names}]{tail}}}"#)
}

fn pairs(report: &[Violation]) -> Vec<(String, String)> {
    report
        .iter()
        .map(|v| (v.pointer().to_owned(), v.code().to_owned()))
        .collect()
}

/// `capped` is `all` capped at `max`: its front, then the count of all.
fn front_of(capped_report: &[Violation], all: &[Violation], max: usize) {
    if max >= all.len() {
        assert_eq!(pairs(capped_report), pairs(all));
        return;
    }
    let want = pairs(&all[..max]);
    let want: Vec<(String, &str)> = want.iter().map(|(p, c)| (p.clone(), c.as_str())).collect();
    capped(capped_report, &want, all.len(), max);
}

/// `validate()` inside a scope: past the cap, a collection's elements cost a count, not an
/// allocation (not their pointers, not their rule errors' params): validating 100,000 broken
/// names and 100,000 broken items allocates what 1,000 of each do, and the report is the front
/// of the uncapped one with the count of all.
#[test]
fn validate_in_a_scope_counts_past_the_cap_without_allocating() {
    let small = broken_rules(1_000);
    let large = broken_rules(100_000);
    let validate =
        |rules: &Rules, max: usize| allocations(|| MaxViolations(max).scope(|| rules.validate()));
    let (few, small_report) = validate(&small, 100);
    let (many, large_report) = validate(&large, 100);
    let small_report = small_report.expect_err("broken");
    let large_report = large_report.expect_err("broken");
    assert_eq!(large_report.violations().len(), 101);
    // The report is its entries: the count of the rest is in `too_many_violations`.
    assert_eq!(large_report.len(), 101);
    assert!(
        many <= few + 16,
        "{few} allocations for 1,000 broken elements, {many} for 100,000"
    );
    // Outside a scope: every violation, in the order the rules ran.
    let all = small.validate().expect_err("broken");
    assert_eq!(all.len(), 3_001);
    let all: Vec<Violation> = all.into_iter().collect();
    front_of(small_report.violations(), &all, 100);
    let last = large_report.violations().last().expect("the cap entry");
    assert_eq!(last.params().next(), Some(("count", &Param::UInt(300_001))));
    for max in [0, 1, 2, 3, 999, 1_000, 1_001, 2_000, 3_000, 3_001, 3_002] {
        let report = MaxViolations(max)
            .scope(|| small.validate())
            .expect_err("broken");
        front_of(report.violations(), &all, max);
        // `Valid::new` is `validate()`.
        let report = MaxViolations(max)
            .scope(|| Valid::new(small.clone()))
            .expect_err("broken");
        front_of(report.violations(), &all, max);
    }
}

/// A document that reads, with 100,000 broken names and 100,000 broken items: past the cap,
/// counted; only the violations kept are put in document order; the report is the front of
/// the uncapped one (in document order: `/late` first, each item's `b` before its `a`). The
/// reading allocates what parsing the document does (typed, and as a tree to place the kept
/// violations) and a bounded number more, however many elements are broken.
#[test]
fn rule_violations_of_a_document_that_reads_are_counted_not_built() {
    let read = |json: &str| allocations(|| violations(Valid::<Rules>::from_json(json)));
    let parse = |json: &str| {
        let typed = allocations(|| serde_json::from_str::<Rules>(json).map(drop)).0;
        let tree = allocations(|| serde_json::from_str::<serde_json::Value>(json).map(drop)).0;
        typed + tree
    };
    let small = rules_document(1_000, "");
    let large = rules_document(100_000, "");
    let (few, small_report) = read(&small);
    let (many, large_report) = read(&large);
    let extra_small = few.saturating_sub(parse(&small));
    let extra_large = many.saturating_sub(parse(&large));
    assert!(
        extra_large <= extra_small + 1_000,
        "past the parses: {extra_small} allocations for 1,000 broken elements, {extra_large} for 100,000"
    );
    let all = violations(MaxViolations::UNLIMITED.scope(|| Valid::<Rules>::from_json(&small)));
    assert_eq!(all.len(), 3_001);
    assert_eq!(
        pairs(&all[..4]),
        [
            ("/late".to_owned(), "length".to_owned()),
            ("/items/0/b".to_owned(), "range".to_owned()),
            ("/items/0/a".to_owned(), "length".to_owned()),
            ("/items/1/b".to_owned(), "range".to_owned()),
        ]
    );
    front_of(&small_report, &all, 100);
    assert_eq!(
        large_report.last().and_then(|v| v.params().next()),
        Some(("count", &Param::UInt(300_001)))
    );
    let Err(Error::Invalid(report)) = Valid::<Rules>::from_json(&large) else {
        panic!("refused with a report");
    };
    assert_eq!(report.len(), 101);
    assert_eq!(report.violations().len(), 101);
    for max in [0, 1, 2, 3, 50, 2_000, 2_001, 3_000, 3_001] {
        let report = violations(MaxViolations(max).scope(|| Valid::<Rules>::from_json(&small)));
        front_of(&report, &all, max);
    }
}

/// A document that does not read (one wrong type after the arrays): the second read runs the
/// `each` rules of the elements that read, counting past the cap; the report is the front of
/// the uncapped one.
#[test]
fn rule_violations_of_a_document_that_does_not_read_are_counted() {
    #[derive(Debug, Deserialize, CustomerModel)]
    #[allow(dead_code)]
    struct Broken {
        #[customer(each(length(max = 4)))]
        names: Vec<String>,
        flag: bool,
    }
    let body = |n: usize| {
        let names = vec![r#""toolong""#; n].join(",");
        format!(r#"{{"names": [{names}], "flag": "no"}}"#)
    };
    let all =
        violations(MaxViolations::UNLIMITED.scope(|| Valid::<Broken>::from_json(&body(2_000))));
    assert_eq!(all.len(), 2_001);
    assert_eq!(all[0].pointer(), "/names/0");
    assert_eq!(all[2_000].pointer(), "/flag");
    for max in [0, 1, 100, 1_999, 2_000, 2_001] {
        let report =
            violations(MaxViolations(max).scope(|| Valid::<Broken>::from_json(&body(2_000))));
        front_of(&report, &all, max);
    }
}

/// A `Valid<T>` read through serde (`serde_json::from_str::<Valid<T>>`, a `Valid<T>` inside
/// another type, axum's own `Json<Valid<T>>`) is a reading of a document too: its error lists
/// the first violations up to the cap in force, then the count of all.
#[test]
fn a_valid_read_through_serde_is_capped() {
    let json = array(1_000, |_| r#""toolong""#);
    let read = || serde_json::from_str::<Valid<Names>>(&json);
    let lines = |error: serde_json::Error| -> Vec<String> {
        error.to_string().lines().map(str::to_owned).collect()
    };
    let all = lines(MaxViolations::UNLIMITED.scope(read).unwrap_err());
    assert_eq!(all.len(), 1_000);
    // Outside any scope, the default cap.
    let default = lines(read().unwrap_err());
    let five = lines(MaxViolations(5).scope(read).unwrap_err());
    for (max, capped) in [(100, default), (5, five)] {
        assert_eq!(capped.len(), max + 1, "cap {max}");
        assert_eq!(capped[..max], all[..max]);
        assert!(
            capped[max].starts_with(&format!(
                ": has 1000 violations; the first {max} are reported"
            )),
            "{}",
            capped[max]
        );
    }
}

/// The fuzz target `read_cap`'s model: unknown members refused, numbers in an `Option<u8>` and
/// a map of `u8`, strings in an array, nested models.
#[derive(Debug, Deserialize, CustomerModel)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Wide {
    #[serde(default)]
    label: Option<String>,
    #[customer(each(length(max = 2)))]
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    scores: BTreeMap<String, u8>,
    #[customer(nested)]
    #[serde(default)]
    items: Vec<Wide>,
}

/// An integer literal beyond 64 bits where the walk finds a shape error of its own (an unknown
/// member, a wrong type) is one violation, whether that error is built or, past the cap,
/// counted: the count past the cap is the uncapped report's length (it was one more, found by
/// the fuzz target `read_cap`).
#[test]
fn a_big_integer_the_walk_counted_past_the_cap_is_counted_once() {
    let big = "9".repeat(40);
    let documents = [
        // An unknown member holding one.
        format!(r#"{{"talabel":{big}}}"#),
        // A map's wrong value, past the cap of violations before it.
        format!(r#"{{"x":1,"y":2,"scores":{{"a":"no","b":{big}}}}}"#),
        // Wrong elements, then one in a nested model's unknown member and a wrong type.
        format!(r#"{{"tags":[1,2,3],"items":[{{"tags":[4]}},{{"q":{big}}},{{"label":{big}}}]}}"#),
        // A big integer alone, where the walk reports nothing (a `range` of its own).
        format!(
            r#"{{"items":[{{"u":1}},{{"scores":{{"k":1}},"tags":[5]}}],"scores":{{}},"q":{big}}}"#
        ),
    ];
    for json in &documents {
        let all = violations(MaxViolations::UNLIMITED.scope(|| Valid::<Wide>::from_json(json)));
        for max in 0..all.len() {
            let report = violations(MaxViolations(max).scope(|| Valid::<Wide>::from_json(json)));
            let first: Vec<(String, &str)> = all[..max]
                .iter()
                .map(|v| (v.pointer().to_owned(), v.code()))
                .collect();
            capped(&report, &first, all.len(), max);
        }
    }
}

/// A future that reads `json` the second time it is polled (the first returns `Pending`).
struct ReadLater<'a> {
    json: &'a str,
    polled: bool,
}

impl std::future::Future for ReadLater<'_> {
    type Output = Result<Valid<Names>, Error>;

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Self::Output> {
        if !self.polled {
            self.polled = true;
            cx.waker().wake_by_ref();
            return std::task::Poll::Pending;
        }
        std::task::Poll::Ready(Valid::<Names>::from_json(self.json))
    }
}

/// `scope_async` puts the cap in force at each poll of the future, not while it is made: a
/// reading after the first poll is capped too, and the cap outside is untouched between polls.
#[test]
fn a_future_reads_with_the_cap_of_its_scope_at_every_poll() {
    let json = array(500, |_| "1");
    let mut read = std::pin::pin!(MaxViolations(7).scope_async(ReadLater {
        json: &json,
        polled: false,
    }));
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    assert!(read.as_mut().poll(&mut cx).is_pending());
    assert_eq!(MaxViolations::current(), MaxViolations::default());
    let std::task::Poll::Ready(result) = read.as_mut().poll(&mut cx) else {
        panic!("the second poll reads");
    };
    let first = expected((0..7).map(|i| format!("/names/{i}")), "invalid_type");
    capped(&violations(result), &first, 500, 7);
    // What `scope` would do with the same future: the cap is gone by the time it reads.
    let mut unscoped = std::pin::pin!(MaxViolations(7).scope(|| ReadLater {
        json: &json,
        polled: false,
    }));
    assert!(unscoped.as_mut().poll(&mut cx).is_pending());
    let std::task::Poll::Ready(result) = unscoped.as_mut().poll(&mut cx) else {
        panic!("the second poll reads");
    };
    assert_eq!(violations(result).len(), 101);
}
