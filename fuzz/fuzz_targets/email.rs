//! `rules::email` on arbitrary UTF-8, compared with `email_address` (strict options) and the
//! length limit under the default, `ascii`, `max = 254` and `quoted` options, wherever the two
//! profiles agree by design (`email_oracle::by_design`); everywhere, `check` agrees with
//! `is_valid`, `ascii` and a smaller `max` only refuse more and `quoted` only accepts more.

#![no_main]

use customer_core::rules::email::{self, EmailOptions};
use customer_model_fuzz::email_oracle::{by_design, oracle, quoted_local};
use libfuzzer_sys::fuzz_target;

const OPTIONS: [EmailOptions; 4] = [
    EmailOptions::DEFAULT,
    EmailOptions {
        max: 320,
        ascii: true,
        quoted: false,
    },
    EmailOptions {
        max: 254,
        ascii: false,
        quoted: false,
    },
    EmailOptions {
        max: 320,
        ascii: false,
        quoted: true,
    },
];

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let default = email::is_valid(text, &EmailOptions::DEFAULT);
    let compare = by_design(text).is_none();
    for options in &OPTIONS {
        let checked = email::check(text, options);
        let valid = checked.is_ok();
        assert_eq!(
            valid,
            email::is_valid(text, options),
            "check and is_valid disagree under {options:?}"
        );
        if compare {
            let want = (options.quoted || !quoted_local(text))
                && oracle(text, options.max)
                && (!options.ascii || text.is_ascii());
            assert_eq!(valid, want, "email disagrees with email_address under {options:?}");
        }
        if options.quoted {
            assert!(valid || !default, "email(quoted) refuses what email accepts");
        } else if valid {
            assert!(default, "accepted under {options:?} but not by default");
        }
        if let Err(error) = checked {
            assert_eq!(error.code(), "email");
        }
    }
});
