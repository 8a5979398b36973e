//! `rules::{country, phone, url, timestamp}`: table tests at the boundaries.

use customer_core::rules::{country, phone, timestamp, url};
use customer_core::RuleError;

fn check_ok(rule: fn(&str) -> Result<(), RuleError>, cases: &[&str]) {
    for case in cases {
        assert_eq!(rule(case), Ok(()), "{case:?} should pass");
    }
}

fn check_fail(rule: fn(&str) -> Result<(), RuleError>, code: &str, cases: &[&str]) {
    for case in cases {
        let Err(error) = rule(case) else {
            panic!("{case:?} should fail");
        };
        assert_eq!(error.code(), code, "{case:?}");
        let shown = error.to_string();
        if case.len() >= 3 {
            assert!(!shown.contains(*case), "{case:?} leaked into {shown:?}");
        }
        assert!(!format!("{error:?}").contains(&format!("{case:?}")) || case.len() < 3);
    }
}

fn country_check(value: &str) -> Result<(), RuleError> {
    country::check(value)
}

fn phone_check(value: &str) -> Result<(), RuleError> {
    phone::check(value)
}

fn url_check(value: &str) -> Result<(), RuleError> {
    url::check(value)
}

fn timestamp_check(value: &str) -> Result<(), RuleError> {
    timestamp::check(value)
}

// ---------------------------------------------------------------------------------------------
// country

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

// ---------------------------------------------------------------------------------------------
// phone

#[test]
fn phone_e164() {
    check_ok(
        phone_check,
        &[
            "+12025550183",
            "+442071838750",
            "+4915112345678",
            "+6591234567",
            "+79161234567",
            "+8613800138000",
            "+35312345678",
            "+12",
        ],
    );
    check_ok(
        phone_check,
        &[
            "+123456789012345", // 15 digits
            "+8001234",         // global freephone
            "+8821234",         // international networks
            "+99712345",        // Kazakhstan's new code
            "+3831234",         // Kosovo
            "+2471234",         // Ascension
        ],
    );
    check_fail(
        phone_check,
        "phone",
        &[
            "",
            "+",
            "+1",
            "+1234567890123456", // 16 digits
            "12025550183",
            "++12025550183",
            "+0123456",
            "+1 202 555 0183",
            "+1-202-555-0183",
            "+1(202)5550183",
            "+12025550183 ",
            " +12025550183",
            "+9991234", // reserved
            "+2801234", // spare
            "+3841234", // spare
            "+4221234", // spare
            "+6711234", // spare (former Guam)
            "+9691234", // spare
            "+6841234", // spare (American Samoa is +1 684)
            "+8",       // no number
            "+44",      // calling code alone
            "+998",     // calling code alone
            "+１２３",  // full-width digits
            "+12025550183\n",
            "+1202555018a",
        ],
    );
    let error = phone::check("+0").unwrap_err();
    assert_eq!(
        error.to_string(),
        "must be an E.164 phone number: `+`, an assigned country calling code and the number, 15 digits at most"
    );
}

#[test]
fn phone_calling_codes() {
    assert_eq!(phone::CALLING_CODES.len(), 216);
    assert!(phone::CALLING_CODES.windows(2).all(|w| w[0] < w[1]));
    for code in phone::CALLING_CODES {
        assert!(phone::is_calling_code(&code.to_string()), "{code}");
    }
    // Prefix-free: no code is a prefix of another, so the longest-prefix match is unique.
    for a in phone::CALLING_CODES {
        for b in phone::CALLING_CODES {
            let (a, b) = (a.to_string(), b.to_string());
            assert!(a == b || !b.starts_with(&a), "{a} is a prefix of {b}");
        }
    }
    // Every 1- to 3-digit string that is not in the list is refused.
    let listed = |s: &str| phone::CALLING_CODES.iter().any(|c| c.to_string() == s);
    let mut accepted = 0;
    for n in 0..1000 {
        for text in [format!("{n}"), format!("{n:02}"), format!("{n:03}")] {
            assert_eq!(phone::is_calling_code(&text), listed(&text), "{text}");
        }
        accepted += usize::from(phone::is_calling_code(&n.to_string()));
    }
    assert_eq!(accepted, 216);
    assert!(!phone::is_calling_code(""));
    assert!(!phone::is_calling_code("1000"));
    assert!(!phone::is_calling_code("+1"));
}

#[test]
fn phone_parts() {
    assert_eq!(phone::check_parts("1", "2025550183"), Ok(()));
    assert_eq!(phone::check_parts("65", "91234567"), Ok(()));
    assert_eq!(phone::check_parts("998", "901234567"), Ok(()));
    assert_eq!(phone::check_parts("1", "12345678901234"), Ok(())); // 15 in all
    assert_eq!(phone::check_parts("998", "123456789012"), Ok(())); // 15 in all
    assert_eq!(phone::check_parts("44", "0"), Ok(()));

    let calling_code_message =
        "calling code must be an assigned country calling code of 1 to 3 digits, without `+`";
    for code in ["", "+1", "0", "01", "999", "1234", "1 ", "x", "٣"] {
        let error = phone::check_parts(code, "2025550183").unwrap_err();
        assert_eq!(error.code(), "phone");
        assert_eq!(error.to_string(), calling_code_message, "{code:?}");
    }
    for (code, number, max) in [
        ("1", "", 14),
        ("1", "123456789012345", 14),
        ("998", "1234567890123", 12),
        ("44", "20 7183 8750", 13),
        ("44", "+2071838750", 13),
        ("44", "207183875a", 13),
    ] {
        let error = phone::check_parts(code, number).unwrap_err();
        assert_eq!(error.code(), "phone");
        let shown = error.to_string();
        assert_eq!(
            shown,
            format!("number must be 1 to {max} digits (15 in all with the calling code)")
        );
        if number.len() >= 3 {
            assert!(!shown.contains(number));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// url

#[test]
fn url_valid() {
    check_ok(
        url_check,
        &[
            "http://example.com",
            "https://example.com",
            "HTTPS://EXAMPLE.COM",
            "HtTp://example.com/",
            "https://example.com/path/to/page?query=1&b=c#frag",
            "https://example.com:443/",
            "https://example.com:0",
            "https://example.com:65535",
            "https://example.com:00080",
            "https://example.com:/",
            "https://user:pass@example.com/",
            "https://user@example.com",
            "https://@example.com",
            "https://us%20er@example.com",
            "https://example.com/%7Euser/%E2%82%AC",
            "https://example.com/a:b@c!$&'()*+,;=-._~",
            "https://example.com/?",
            "https://example.com/#",
            "https://example.com?q",
            "https://example.com#f",
            "https://example.com/?a=/?b",
            "https://example.com/#a/?b",
            "https://example.com.",
            "https://sub_domain.example.com",
            "https://xn--bcher-kva.example",
            "https://localhost",
            "https://ex%41mple.com",
            "https://127.0.0.1",
            "https://255.255.255.255:8080/",
            "https://0.0.0.0",
            "https://[::1]",
            "https://[::]",
            "https://[::1]:8080/",
            "https://[2001:db8::1]",
            "https://[2001:db8:0:0:0:0:2:1]",
            "https://[2001:DB8::]",
            "https://[1:2:3:4:5:6:7::]",
            "https://[::2:3:4:5:6:7:8]",
            "https://[::ffff:192.0.2.1]",
            "https://[1:2:3:4:5:6:1.2.3.4]",
            "https://[::1.2.3.4]",
            "https://mollie.com/checkout/select-method/7UhSN1zuXS",
            "https://docs.mollie.com/reference/v2/customers-api/get-customer",
        ],
    );
}

#[test]
fn url_invalid() {
    check_fail(
        url_check,
        "url",
        &[
            "",
            "example.com",
            "//example.com",
            "ftp://example.com",
            "mailto:a@b.co",
            "http:/example.com",
            "http:example.com",
            "http://",
            "https://",
            "https:///path",
            "https://:80",
            "https://user@",
            "https://a@b@example.com",
            "https://exa mple.com",
            "https://example.com/pa th",
            "https://example.com/\t",
            "https://example.com/\n",
            "https://example.com/é",
            "https://bücher.example",
            "https://example.com/<script>",
            "https://example.com/\"",
            "https://example.com/{x}",
            "https://example.com/a|b",
            "https://example.com/a\\b",
            "https://example.com/^",
            "https://example.com/`",
            "https://example.com/%",
            "https://example.com/%2",
            "https://example.com/%zz",
            "https://example.com/#a#b",
            "https://example.com/[x]",
            "https://example.com:65536",
            "https://example.com:99999999999999999999",
            "https://example.com:8o",
            "https://example.com:-1",
            "https://example.com:80:80",
            "https://256.0.0.1",
            "https://1.2.3",
            "https://1.2.3.4.5",
            "https://01.2.3.4",
            "https://1.2.3.4.",
            "https://1..2.3",
            "https://[::1",
            "https://::1",
            "https://[::1]x",
            "https://[::1]:x",
            "https://[]",
            "https://[:1]",
            "https://[1:]",
            "https://[1:2:3:4:5:6:7:8:9]",
            "https://[1:2:3:4:5:6:7]",
            "https://[1:2:3:4:5:6:7:8::]",
            "https://[1::2::3]",
            "https://[12345::]",
            "https://[::g]",
            "https://[::1%25eth0]",
            "https://[v1.fe]",
            "https://[::1.2.3]",
            "https://[::256.1.1.1]",
            "https://[1.2.3.4]",
            "https://[1:2:3:4:5:6:7:1.2.3.4]",
            "https://exa\u{0}mple.com",
            " https://example.com",
            "https://example.com ",
        ],
    );
    assert_eq!(
        url::check("nope").unwrap_err().to_string(),
        "must be an absolute http or https URL"
    );
}

// ---------------------------------------------------------------------------------------------
// timestamp

#[test]
fn timestamp_valid() {
    check_ok(
        timestamp_check,
        &[
            "2024-04-11T15:57:24.813Z",
            "2024-03-20T09:13:37.0Z",
            "2024-03-20T09:13:37+00:00",
            "2024-03-20t09:13:37z",
            "2024-03-20T09:13:37-00:00",
            "2024-03-20T09:13:37+23:59",
            "2024-03-20T09:13:37.123456789-05:30",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "2016-12-31T23:59:60Z",
            "2024-02-29T00:00:00Z",
            "2000-02-29T00:00:00Z",
            "2023-01-31T00:00:00Z",
            "2023-04-30T00:00:00Z",
            "2023-12-31T00:00:00Z",
        ],
    );
}

#[test]
fn timestamp_invalid() {
    check_fail(
        timestamp_check,
        "timestamp",
        &[
            "",
            "2024-04-11",
            "2024-04-11T15:57:24",
            "2024-04-11 15:57:24Z",
            "2024-04-11T15:57Z",
            "2024-04-11T15:57:24.Z",
            "2024-04-11T15:57:24,813Z",
            "2024-04-11T15:57:24.813",
            "2024-04-11T15:57:24ZZ",
            "2024-04-11T15:57:24+0000",
            "2024-04-11T15:57:24+00",
            "2024-04-11T15:57:24+24:00",
            "2024-04-11T15:57:24+00:60",
            "2024-04-11T15:57:24 Z",
            "2024-00-11T15:57:24Z",
            "2024-13-11T15:57:24Z",
            "2024-04-00T15:57:24Z",
            "2024-04-31T15:57:24Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2024-02-30T00:00:00Z",
            "2024-04-11T24:00:00Z",
            "2024-04-11T23:60:00Z",
            "2024-04-11T23:59:61Z",
            "24-04-11T15:57:24Z",
            "+2024-04-11T15:57:24Z",
            "2024/04/11T15:57:24Z",
            "2024-4-11T15:57:24Z",
            "2024-04-11T15:57:24.813Z\n",
            " 2024-04-11T15:57:24Z",
            "２０２４-04-11T15:57:24Z",
            "2024-04-11T15:57:24.８Z",
        ],
    );
}

#[test]
fn long_inputs_are_refused() {
    let huge = "9".repeat(10 * 1024 * 1024);
    assert!(country::check(huge.as_str()).is_err());
    assert!(phone::check(huge.as_str()).is_err());
    assert!(url::check(format!("https://example.com/{huge}x y").as_str()).is_err());
    assert!(timestamp::check(format!("2024-04-11T15:57:24.{huge}").as_str()).is_err());
}
