//! `rules::phone`: E.164 numbers, calling codes, and the two-part form.

use customer_core::rules::phone;

use crate::helpers::{check_fail, check_ok};

fn phone_check(value: &str) -> Result<(), customer_core::RuleError> {
    phone::check(value)
}

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

#[test]
fn long_input_is_refused() {
    assert!(phone::check(crate::helpers::huge_digits().as_str()).is_err());
}
