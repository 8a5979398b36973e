//! What the rule tests share: table assertions that also check the refused value never shows
//! in the error, a deterministic generator, and long inputs.

use customer_core::RuleError;

/// Every case passes `rule`.
pub fn check_ok(rule: fn(&str) -> Result<(), RuleError>, cases: &[&str]) {
    for case in cases {
        assert_eq!(rule(case), Ok(()), "{case:?} should pass");
    }
}

/// Every case fails `rule` with `code`, and the error's Display and Debug do not show it.
pub fn check_fail(rule: fn(&str) -> Result<(), RuleError>, code: &str, cases: &[&str]) {
    for case in cases {
        let Err(error) = rule(case) else {
            panic!("{case:?} should fail");
        };
        assert_eq!(error.code(), code, "{case:?}");
        assert_no_leak(&error, case);
    }
}

/// The error's Display and Debug do not contain `case` (checked for cases of 3 bytes or more:
/// shorter ones can occur in any message by chance).
pub fn assert_no_leak(error: &RuleError, case: &str) {
    if case.len() >= 3 {
        let shown = error.to_string();
        assert!(!shown.contains(case), "{case:?} leaked into {shown:?}");
        let debug = format!("{error:?}");
        assert!(
            !debug.contains(&format!("{case:?}")),
            "{case:?} leaked into {debug:?}"
        );
    }
}

/// Ten mebibytes of `9`: long enough that a quadratic or unbounded check would show.
pub fn huge_digits() -> String {
    "9".repeat(10 * 1024 * 1024)
}

/// A deterministic xorshift generator: no dependency, same sequence every run.
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
