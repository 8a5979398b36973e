//! `rules::locale` on arbitrary UTF-8, compared with oxilangtag's RFC 5646 parser: the whole
//! grammar (`locale`) and language(-Script)(-REGION) (`locale(short)`).

#![no_main]

use customer_core::rules::locale;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let well_formed = locale::is_well_formed(text);
    assert_eq!(
        well_formed,
        customer_model_fuzz::locale_reference(text),
        "locale disagrees with oxilangtag"
    );
    assert_eq!(locale::check(text).is_ok(), well_formed);
    let short = locale::is_short(text);
    assert_eq!(
        short,
        customer_model_fuzz::short_locale_reference(text),
        "locale(short) disagrees with oxilangtag"
    );
    assert_eq!(locale::check_short(text).is_ok(), short);
    assert!(!short || well_formed, "a short tag that is not well-formed");
});
