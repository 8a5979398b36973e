//! `rules::locale`: RFC 5646 well-formed tags and the short `language(-Script)(-REGION)` form.

use customer_core::rules::locale;

fn check_ok(cases: &[&str]) {
    for case in cases {
        assert_eq!(
            locale::check(*case),
            Ok(()),
            "{case:?} should be well-formed"
        );
        assert!(locale::is_well_formed(case), "{case:?}");
    }
}

fn check_fail(cases: &[&str]) {
    for case in cases {
        let Err(error) = locale::check(*case) else {
            panic!("{case:?} should not be well-formed");
        };
        assert_eq!(error.code(), "locale", "{case:?}");
        let shown = error.to_string();
        assert_eq!(shown, "must be a well-formed language tag (RFC 5646)");
        if case.len() >= 4 {
            assert!(!shown.contains(*case), "{case:?} leaked");
        }
        assert!(!locale::is_well_formed(case), "{case:?}");
    }
}

fn short_ok(cases: &[&str]) {
    for case in cases {
        assert_eq!(
            locale::check_short(*case),
            Ok(()),
            "{case:?} should be short"
        );
        assert!(locale::is_short(case), "{case:?}");
        // Every short tag is also well-formed.
        assert!(locale::is_well_formed(case), "{case:?}");
    }
}

fn short_fail(cases: &[&str]) {
    for case in cases {
        let Err(error) = locale::check_short(*case) else {
            panic!("{case:?} should not be a short tag");
        };
        assert_eq!(error.code(), "locale", "{case:?}");
        if case.len() >= 4 {
            assert!(!error.to_string().contains(*case), "{case:?} leaked");
        }
        assert!(!locale::is_short(case), "{case:?}");
    }
}

/// Every example of RFC 5646 Appendix A that the appendix does not list as invalid.
#[test]
fn rfc_5646_appendix_a_examples() {
    check_ok(&[
        // Simple language subtag
        "de",
        "fr",
        "ja",
        "i-enochian",
        // Language subtag plus Script subtag
        "zh-Hant",
        "zh-Hans",
        "sr-Cyrl",
        "sr-Latn",
        // Extended language subtags and their primary language subtag counterparts
        "zh-cmn-Hans-CN",
        "cmn-Hans-CN",
        "zh-yue-HK",
        "yue-HK",
        // Language-Script-Region
        "zh-Hans-CN",
        "sr-Latn-RS",
        // Language-Variant
        "sl-rozaj",
        "sl-rozaj-biske",
        "sl-nedis",
        // Language-Region-Variant
        "de-CH-1901",
        "sl-IT-nedis",
        // Language-Script-Region-Variant
        "hy-Latn-IT-arevela",
        // Language-Region
        "de-DE",
        "en-US",
        "es-419",
        // Private use subtags
        "de-CH-x-phonebk",
        "az-Arab-x-AZE-derbend",
        // Private use registry values
        "x-whatever",
        "qaa-Qaaa-QM-x-southern",
        "de-Qaaa",
        "sr-Latn-QM",
        "sr-Qaaa-RS",
        // Tags that use extensions
        "en-US-u-islamcal",
        "zh-CN-a-myext-x-private",
        "en-a-myext-b-another",
    ]);
}

/// The "Some Invalid Tags" of Appendix A: the first two are not well-formed; the third only
/// repeats a singleton, which section 2.2.9 makes invalid but leaves well-formed.
#[test]
fn rfc_5646_appendix_a_invalid_tags() {
    check_fail(&["de-419-DE", "a-DE"]);
    check_ok(&["ar-a-aaa-b-bbb-a-ccc", "de-1901-1901"]);
}

#[test]
fn grandfathered_tags() {
    for tag in locale::GRANDFATHERED {
        check_ok(&[tag]);
        check_ok(&[
            tag.to_ascii_uppercase().as_str(),
            tag.to_ascii_lowercase().as_str(),
        ]);
    }
    // The irregular ones are only well-formed as whole tags.
    check_fail(&[
        "i-ami-x",
        "en-GB-oed-x",
        "sgn-BE-FR-1",
        "i-foo",
        "i-default-",
    ]);
}

#[test]
fn grammar_boundaries() {
    check_ok(&[
        "EN",
        "en-us",
        "EN-latn-us",
        "abcd",
        "abcde",
        "abcdefgh",
        "en-abc",
        "en-abc-def",
        "en-abc-def-ghi",
        "en-abc-def-ghi-Latn-US",
        "en-001",
        "en-12345",
        "en-1234",
        "en-1abc",
        "en-abcdefgh",
        "en-US-12345678",
        "en-Latn-US-rozaj-biske-1901",
        "en-0-ab",
        "en-a-ab-abcdefgh-b-cd",
        "en-a-bb-x-a",
        "en-x-a",
        "en-x-12345678",
        "en-x-a-b-c-d",
        "X-ABC",
        "x-1",
        "en-US-u-ca-gregory-nu-latn",
        "en-Z-ab",
    ]);
    check_fail(&[
        "",
        "-",
        "--",
        "en-",
        "-en",
        "a",
        "en--US",
        "en_US",
        "en US",
        " en",
        "en ",
        "abcdefghi",
        "e1",
        "12",
        "123",
        "en-abcdefghi",
        "en-abc-def-ghi-jkl",
        "abcd-abc",
        "en-US-Latn",
        "en-Latn-Latn",
        "en-US-US",
        "en-123-US",
        "en-12",
        "en-1ab",
        "en-abc1",
        "en-a",
        "en-a-b",
        "en-a-bcdefghij",
        "en-a-",
        "en-a-x-a",
        "x",
        "x-",
        "x-abcdefghi",
        "en-x",
        "en-x-",
        "en-x-abcdefghi",
        "en-US-1901-Latn",
        "en-US-a-bb-abcdefghi",
        "en-é",
        "é",
        "en-US\n",
        "en-US-",
        "en.US",
    ]);
}

#[test]
fn short_form() {
    short_ok(&[
        "en",
        "de",
        "fil",
        "en-US",
        "EN-us",
        "zh-Hant",
        "zh-Hant-TW",
        "zh-hant-tw",
        "es-419",
        "sr-Latn",
    ]);
    short_fail(&[
        "",
        "e",
        "english",
        "abcd",
        "en-",
        "en--US",
        "en_US",
        "en-USA",
        "en-12",
        "en-1234",
        "en-Latn-US-1901",
        "en-US-x-a",
        "en-abc",
        "zh-cmn-Hans",
        "en-Latn-Latn",
        "en-US-US",
        "x-abc",
        "i-default",
        "en-u-ca-gregory",
        "é",
    ]);
}

#[test]
fn works_on_every_text_type() {
    assert!(locale::check(&String::from("en-US")).is_ok());
    assert!(locale::check_short(&std::borrow::Cow::Borrowed("en-US")).is_ok());
    let boxed: Box<str> = "en-".into();
    assert!(locale::check(&boxed).is_err());
}

#[test]
fn long_input_is_linear() {
    // Extension subtags can repeat without bound: a long well-formed tag, and one broken at the
    // very end.
    let long = format!("en{}", "-a-bb".repeat(200_000));
    assert!(locale::is_well_formed(&long));
    let broken = format!("{long}-");
    assert!(!locale::is_well_formed(&broken));
    assert!(!locale::is_short(&long));
}

/// The ABNF of RFC 5646 section 2.1 as one regular expression, for a differential test.
fn abnf_regex() -> regex::Regex {
    let language = "(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})";
    let script = "[a-z]{4}";
    let region = "(?:[a-z]{2}|[0-9]{3})";
    let variant = "(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3})";
    let extension = "(?:[0-9a-wy-z](?:-[a-z0-9]{2,8})+)";
    let privateuse = "(?:x(?:-[a-z0-9]{1,8})+)";
    let langtag = format!(
        "{language}(?:-{script})?(?:-{region})?(?:-{variant})*(?:-{extension})*(?:-{privateuse})?"
    );
    let grandfathered = locale::GRANDFATHERED.join("|");
    regex::Regex::new(&format!(
        "(?i-u)^(?:{langtag}|{privateuse}|{grandfathered})$"
    ))
    .unwrap()
}

#[test]
fn agrees_with_the_abnf_on_generated_tags() {
    const SUBTAGS: &[&str] = &[
        "en",
        "de",
        "zh",
        "i",
        "x",
        "a",
        "u",
        "0",
        "1",
        "US",
        "419",
        "12",
        "1234",
        "1ab",
        "Latn",
        "abc",
        "def",
        "cmn",
        "rozaj",
        "1901",
        "abcdefgh",
        "abcdefghi",
        "x1",
        "",
        "é",
        "en_US",
        "GB",
        "oed",
        "default",
        "min",
        "nan",
        "bok",
        "Hant",
        "12345",
        "ab1",
        "ca",
        "gregory",
    ];
    let regex = abnf_regex();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut accepted = 0;
    for _ in 0..200_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let count = 1 + (state % 6) as usize;
        let mut tag = String::new();
        let mut bits = state >> 3;
        for i in 0..count {
            if i > 0 {
                tag.push('-');
            }
            tag.push_str(SUBTAGS[(bits % SUBTAGS.len() as u64) as usize]);
            bits /= SUBTAGS.len() as u64;
            if bits == 0 {
                bits = state.rotate_left(17 + i as u32);
            }
        }
        let ours = locale::is_well_formed(&tag);
        assert_eq!(ours, regex.is_match(&tag), "disagreement on {tag:?}");
        accepted += usize::from(ours);
    }
    assert!(
        accepted > 10_000,
        "only {accepted} generated tags were well-formed"
    );
}
