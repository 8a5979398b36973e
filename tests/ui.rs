//! Compile-fail and compile-pass cases for `#[derive(CustomerModel)]`.
//!
//! The `.stderr` files are pinned to the compiler this project builds with (rustc 1.95): other
//! versions word and place diagnostics differently, so there the test is ignored. Regenerate with
//! `TRYBUILD=overwrite cargo test --test ui` and review every changed line.

#[test]
#[rustversion::attr(not(stable(1.95)), ignore = "diagnostics are pinned to rustc 1.95")]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/ui/pass/*.rs");
}
