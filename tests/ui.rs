//! Compile-fail and compile-pass cases for `#[derive(CustomerModel)]`, one concern a file, named
//! `<attribute>-<problem>.rs`, in folders by what they exercise: `rules/` (the arguments of each
//! rule), `fields/` (field attributes and where rules may go), `container/`, `enums/`,
//! `conversions/`, `context/` (the validation context); `pass/` holds what must compile.
//!
//! The `.stderr` files are pinned to the compiler this project builds with (rustc 1.95): other
//! versions word and place diagnostics differently, so there the test is ignored. Regenerate with
//! `TRYBUILD=overwrite cargo test --test ui` and review every changed line.

#[test]
#[rustversion::attr(not(stable(1.95)), ignore = "diagnostics are pinned to rustc 1.95")]
fn ui() {
    let t = trybuild::TestCases::new();
    for category in [
        "rules",
        "fields",
        "container",
        "enums",
        "conversions",
        "context",
    ] {
        t.compile_fail(format!("tests/ui/{category}/*.rs"));
    }
    t.pass("tests/ui/pass/*.rs");
}
