//! `rules::country`: assigned ISO 3166-1 alpha-2 codes, and what is refused.

use customer_core::rules::country;

use crate::helpers::{check_fail, check_ok};

fn country_check(value: &str) -> Result<(), customer_core::RuleError> {
    country::check(value)
}

#[test]
fn country_assigned_codes() {
    assert_eq!(country::ASSIGNED.len(), 249);
    assert!(
        country::ASSIGNED.windows(2).all(|w| w[0] < w[1]),
        "sorted, no duplicates"
    );
    for code in country::ASSIGNED {
        assert!(country::is_assigned(code), "{code}");
    }
    check_ok(
        country_check,
        &[
            "US", "GB", "DE", "NL", "SG", "AX", "BQ", "CW", "SS", "SX", "ZW", "AD", "PS", "TW",
        ],
    );
    // Exactly 249 of the 676 two-letter codes pass.
    let mut passing = 0;
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8(vec![a, b]).unwrap();
            passing += usize::from(country::is_assigned(&code));
        }
    }
    assert_eq!(passing, 249);
}

#[test]
fn country_refused_codes() {
    check_fail(
        country_check,
        "country",
        &[
            "", "U", "USA", "us", "Us", "uS", "XK", "XA", "XZ", "ZZ", "AA", "QM", "QZ", "UK", "EU",
            "UN", "AC", "IC", "TA", "EA", "AN", "YU", "CS", "SU", "ZR", "TP", "U1", "1U", "U ",
            " US", "US ", "ÜS", "U\u{0}",
        ],
    );
    let error = country::check("XK").unwrap_err();
    assert_eq!(
        error.to_string(),
        "must be an assigned ISO 3166-1 alpha-2 country code in upper case, such as `US`"
    );
}

#[test]
fn long_input_is_refused() {
    assert!(country::check(crate::helpers::huge_digits().as_str()).is_err());
}
