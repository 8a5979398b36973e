//! The rules allocate nothing on valid input. A counting global allocator sees every
//! allocation of this test binary, which holds a single test so that nothing runs beside it.

use customer_core::rules::email::EmailOptions;
use customer_core::rules::{country, email, locale, metadata, phone, timestamp, url};

#[path = "support/counting_alloc.rs"]
mod counting_alloc;

use counting_alloc::{allocations, Counting};

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_in(f: impl FnOnce()) -> u64 {
    allocations(f).0
}

#[test]
fn valid_input_allocates_nothing() {
    let metadata_value = serde_json::json!({
        "plan": "pro",
        "seats": 12,
        "ratio": 0.25,
        "tags": ["a", "b\n"],
        "nested": {"ok": true, "none": null},
    });
    // A non-ASCII local part is read without allocating; a non-ASCII domain goes through
    // UTS 46 (the `idna` crate), which allocates.
    let unicode_email = String::from("josé.müller@example.com");
    let long_email = format!("{}@{}.com", "a".repeat(64), "b".repeat(63));
    let options = EmailOptions::DEFAULT;
    let ascii_quoted = EmailOptions {
        max: 320,
        ascii: true,
        quoted: true,
    };

    let count = allocations_in(|| {
        for _ in 0..100 {
            assert!(email::check("tazapay@example.com", &options).is_ok());
            assert!(email::check("\"quoted local\"@example.com", &ascii_quoted).is_ok());
            assert!(email::check("jose\u{301}@example.com", &options).is_ok());
            assert!(email::check(unicode_email.as_str(), &options).is_ok());
            assert!(email::check(long_email.as_str(), &options).is_ok());
            assert!(locale::check("zh-Hant-TW").is_ok());
            assert!(locale::check("en-US-u-ca-gregory-x-private").is_ok());
            assert!(locale::check("i-klingon").is_ok());
            assert!(locale::check_short("es-419").is_ok());
            assert!(country::check("SG").is_ok());
            assert!(phone::check("+12025550183").is_ok());
            assert!(phone::check_parts("1", "2025550183").is_ok());
            assert!(url::check("https://user@[::1]:8080/a/b?c=d#e").is_ok());
            assert!(timestamp::check("2024-04-11T15:57:24.813Z").is_ok());
            assert!(metadata::check(&metadata_value, 1024).is_ok());
            assert!(metadata::check(&"text", 1024).is_ok());
            assert!(metadata::check_json_string(r#"[{"key":"a","value":"b"}]"#, 1024).is_ok());
            assert!(metadata::check_json_string(r#"{"a":[1,2.5,"x"],"b":null}"#, 1024).is_ok());
        }
    });
    assert_eq!(count, 0, "valid input allocated {count} times");

    // The counter does see allocations (so the zero above means something): an error with a
    // param allocates its param list.
    let too_long = "a".repeat(400);
    let count = allocations_in(|| {
        assert!(email::check(too_long.as_str(), &options).is_err());
    });
    assert!(count > 0);
}
