//! `rules::email` on arbitrary UTF-8, compared with `email_address` (strict options, display
//! form refused) and the length limit, under the default, `ascii` and `max = 254` options.

#![no_main]

use customer_core::rules::email::{self, EmailOptions};
use libfuzzer_sys::fuzz_target;

const OPTIONS: [EmailOptions; 3] = [
    EmailOptions::DEFAULT,
    EmailOptions {
        max: 320,
        ascii: true,
    },
    EmailOptions {
        max: 254,
        ascii: false,
    },
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for options in &OPTIONS {
        let checked = email::check(text, options);
        assert_eq!(
            checked.is_ok(),
            email::is_valid(text, options),
            "check and is_valid disagree under {options:?}"
        );
        let want = customer_model_fuzz::email_reference(text, options.max)
            && (!options.ascii || text.is_ascii());
        assert_eq!(
            checked.is_ok(),
            want,
            "email disagrees with email_address under {options:?}"
        );
        if let Err(error) = checked {
            assert_eq!(error.code(), "email");
        }
    }
});
