//! `rules::email`: table tests of the profile, and agreement with `email_address` 0.2.9 where
//! the profiles agree (see `tests/support/email_oracle.rs` for where they differ by design).

use customer_core::rules::email::{self, EmailOptions};
use customer_core::RuleError;

use crate::email_oracle::{by_design, oracle, quoted_local};
use crate::helpers::Rng;

const DEFAULT: EmailOptions = EmailOptions::DEFAULT;
const ASCII: EmailOptions = EmailOptions {
    max: 320,
    ascii: true,
    quoted: false,
};
const QUOTED: EmailOptions = EmailOptions {
    max: 320,
    ascii: false,
    quoted: true,
};

fn reference(value: &str) -> bool {
    oracle(value, 320)
}

fn check_ok(options: &EmailOptions, cases: &[&str]) {
    for case in cases {
        assert_eq!(
            email::check(*case, options),
            Ok(()),
            "{case:?} should pass with {options:?}"
        );
        assert!(email::is_valid(case, options), "{case:?}");
    }
}

fn check_fail(options: &EmailOptions, message: &str, cases: &[&str]) {
    for case in cases {
        let error: RuleError = match email::check(*case, options) {
            Ok(()) => panic!("{case:?} should fail with {options:?}"),
            Err(error) => error,
        };
        assert_eq!(error.code(), "email", "{case:?}");
        let shown = error.to_string();
        assert_eq!(shown, message, "{case:?}");
        if case.len() >= 3 {
            assert!(!shown.contains(*case), "{case:?} leaked into {shown:?}");
        }
        assert!(!email::is_valid(case, options), "{case:?}");
    }
}

const INVALID: &str = "must be a valid email address";

#[test]
fn valid_addresses() {
    check_ok(
        &DEFAULT,
        &[
            "a@b.co",
            "john.doe@example.com",
            "user+tag@example.com",
            "x@sub.domain.example.org",
            "!#$%&'*+-/=?^_`{|}~@example.com",
            "1234567890@example.com",
            "user@123.example",
            "user@example.c0m",
            "user@xn--bcher-kva.example",
            "user@XN--BCHER-KVA.example",
            "user@bücher.example",
            "user@Bücher.example",
            "josé@example.com",
            // José with a combining acute accent (NFD).
            "jose\u{301}@example.com",
            "用户@例子.广告",
            "δοκιμή@παράδειγμα.δοκιμή",
            "नमस्ते@example.com",
            "test@नमस्ते.com",
            "வணக்கம்@example.com",
            "สวัสดี@example.com",
            "test@ไทย.example",
            "a@a-b.co",
            "a@a--b.co",
            "tazapay@example.com",
        ],
    );
}

#[test]
fn invalid_addresses() {
    check_fail(
        &DEFAULT,
        INVALID,
        &[
            "",
            "@",
            "plainaddress",
            "@example.com",
            "user@",
            "user@localhost",
            "user@.com",
            "user@example.",
            "user@example..com",
            ".user@example.com",
            "user.@example.com",
            "us..er@example.com",
            "user@-example.com",
            "user@example-.com",
            "user@[127.0.0.1]",
            "user@[IPv6:::1]",
            "John Doe <john@example.com>",
            "<john@example.com>",
            " <john@example.com>",
            " user@example.com",
            "user@example.com ",
            "us er@example.com",
            "user@exa mple.com",
            "user(comment)@example.com",
            "\"\"@example.com",
            "\"@example.com",
            "\"unterminated@example.com",
            "\"a <b\"@example.com",
            "a@b@example.com",
            "user@example.com\n",
            "[email protected]",
            "[email\u{a0}protected]",
            // Quoted local parts need `email(quoted)`.
            "\"john doe\"@example.com",
            "\"john..doe\"@example.org",
            // Host names hold letters, digits and hyphens only.
            "a@exam_ple.com",
            "test@iana/icann.org",
            "a@b{c}d.com",
            "a@x'y.com",
            "user@b_c.example",
            // Numeric top-level labels and bare IPv4 addresses.
            "a@1.2.3.4",
            "test@iana.123",
            "1234567890@123.456",
            // Compatibility characters UTS 46 would map, and invisible fillers.
            "a@①.com",
            "a@x².com",
            "a@ｅｘａｍｐｌｅ.com",
            "a@例子。广告",
            "\u{3164}@example.com",
            "a\u{3164}b@example.com",
            "a@\u{3164}.com",
            // Bad punycode, and a combining mark starting an atom.
            "a@xn--.com",
            "a@xn--zzzzzzzz-.com",
            "\u{301}a@example.com",
            "a.\u{301}b@example.com",
            // Symbols and emoji are not letters.
            "\u{1f600}@example.com",
            "a\u{2028}b@example.com",
            "a\u{200b}b@example.com",
        ],
    );
}

#[test]
fn quoted_option() {
    check_ok(
        &QUOTED,
        &[
            "a@b.co",
            "\"john doe\"@example.com",
            "\"john..doe\"@example.org",
            "\"a@b\"@example.com",
            "\"a\\\"b\"@example.com",
            "\"\\\\\"@example.com",
            "\"a <b\"@example.com",
            "\"a\\ b\"@example.com",
            "\"josé\"@example.com",
        ],
    );
    check_fail(
        &QUOTED,
        INVALID,
        &[
            "\"\"@example.com",
            "\"@example.com",
            "\"unterminated@example.com",
            "\"a\"b\"@example.com",
            "\"a\\\"@example.com",
            "\"a\nb\"@example.com",
            "\"a\"@[127.0.0.1]",
            "\"\u{1f600}\"@example.com",
        ],
    );
}

#[test]
fn local_part_and_label_limits() {
    let local64 = format!("{}@example.com", "a".repeat(64));
    let local65 = format!("{}@example.com", "a".repeat(65));
    let label63 = format!("a@{}.com", "b".repeat(63));
    let label64 = format!("a@{}.com", "b".repeat(64));
    // A 252-byte domain (three 63-byte labels, a 60-byte one and three dots) makes a 254-byte
    // address with `a@`, RFC 5321's limit; one byte more is refused, and so is a 254-byte
    // domain whatever the local part.
    let domain = format!("{0}.{0}.{0}.{1}", "c".repeat(63), "d".repeat(60));
    assert_eq!(domain.len(), 252);
    let address254 = format!("a@{domain}");
    let address255 = format!("a@{domain}e");
    let address255_local = format!("ab@{domain}");
    let domain254 = format!("a@{domain}ee");
    // The longest local part with the longest domain it leaves room for.
    let full = format!(
        "{}@{}.{}.{}",
        "l".repeat(64),
        "d".repeat(63),
        "d".repeat(63),
        "d".repeat(61)
    );
    assert_eq!(full.len(), 254);
    let over = format!(
        "{}@{}.{}.{}",
        "l".repeat(64),
        "d".repeat(63),
        "d".repeat(63),
        "d".repeat(62)
    );
    check_ok(&DEFAULT, &[&local64, &label63, &address254, &full]);
    check_fail(
        &DEFAULT,
        INVALID,
        &[
            &local65,
            &label64,
            &address255,
            &address255_local,
            &domain254,
            &over,
        ],
    );
    // The local part and the label are limited in bytes, not characters.
    let local_multibyte = format!("{}@example.com", "é".repeat(33));
    check_fail(&DEFAULT, INVALID, &[&local_multibyte]);
    // An internationalized label is limited in its encoded form: 57 `ü` (114 bytes) encode to
    // 63 bytes (`xn--` and 59), 58 to 64.
    let encoded63 = format!("a@{}.com", "ü".repeat(57));
    let encoded64 = format!("a@{}.com", "ü".repeat(58));
    check_ok(&DEFAULT, &[&encoded63]);
    check_fail(&DEFAULT, INVALID, &[&encoded64]);
}

#[test]
fn max_characters() {
    let long = format!("{}@{}.com", "a".repeat(60), "b".repeat(60));
    assert_eq!(long.chars().count(), 125);
    let max125 = EmailOptions {
        max: 125,
        ascii: false,
        quoted: false,
    };
    let max124 = EmailOptions {
        max: 124,
        ascii: false,
        quoted: false,
    };
    check_ok(&max125, &[&long]);
    check_fail(&max124, "must be at most 124 characters", &[&long]);
    let error = email::check(long.as_str(), &max124).unwrap_err();
    assert_eq!(
        error.params().collect::<Vec<_>>(),
        [("max", &customer_core::Param::UInt(124))]
    );

    // Characters, not bytes: 18 bytes, 12 characters.
    let unicode = "éééééé@ab.co";
    assert_eq!(unicode.chars().count(), 12);
    check_ok(
        &EmailOptions {
            max: 12,
            ascii: false,
            quoted: false,
        },
        &[unicode],
    );
    check_fail(
        &EmailOptions {
            max: 11,
            ascii: false,
            quoted: false,
        },
        "must be at most 11 characters",
        &[unicode],
    );
}

#[test]
fn huge_input_is_refused_by_length() {
    let huge = "a".repeat(50 * 1024 * 1024);
    let error = email::check(huge.as_str(), &DEFAULT).unwrap_err();
    assert_eq!(error.to_string(), "must be at most 320 characters");
    let huge_at = format!("{huge}@example.com");
    assert!(!email::is_valid(&huge_at, &DEFAULT));
}

#[test]
fn ascii_option() {
    check_ok(&ASCII, &["a@b.co", "user@xn--bcher-kva.example"]);
    check_ok(
        &EmailOptions {
            quoted: true,
            ..ASCII
        },
        &["\"x y\"@example.com"],
    );
    check_fail(
        &ASCII,
        "must contain only ASCII characters",
        &["josé@example.com", "user@bücher.example"],
    );
    // Garbage is reported as garbage, not as non-ASCII.
    check_fail(&ASCII, INVALID, &["é", "josé"]);
}

#[test]
fn works_on_every_text_type() {
    let owned = String::from("a@b.co");
    assert!(email::check(&owned, &DEFAULT).is_ok());
    assert!(email::check(&std::borrow::Cow::Borrowed("a@b.co"), &DEFAULT).is_ok());
    let boxed: Box<str> = "a@b".into();
    assert!(email::check(&boxed, &DEFAULT).is_err());
}

/// The corpus: every entry must be judged the same way by `email_address` and by us.
fn corpus() -> Vec<String> {
    let fixed: &[&str] = &[
        "",
        " ",
        "@",
        "@@",
        "a@",
        "@a",
        "a@b",
        "a@b.c",
        "a@b.c.",
        "a@.b.c",
        "a@b..c",
        "a.@b.c",
        ".a@b.c",
        "a..b@c.d",
        "a.b@c.d",
        "a@b.c@d.e",
        "a@b-.c",
        "a@-b.c",
        "a@b.-c",
        "a@b.c-",
        "a@b-c.d",
        "a@b--c.d",
        "a@1.2",
        "a@123.45.67.89",
        "a@[123.45.67.89]",
        "a@[IPv6:2001:db8::1]",
        "a@[a.b]",
        "a@[]",
        "a@[",
        "a@]",
        "a@b.c]",
        "a@[b.c",
        "a@b_c.d",
        "a@_b.c",
        "a@b_.c",
        "a@b.c_",
        "a@b!c.d",
        "a@b#c.d",
        "a@b%c.d",
        "a@b~c.d",
        "a@b/c.d",
        "a@b=c.d",
        "a@b?c.d",
        "a@b+c.d",
        "a@b'c.d",
        "a@b*c.d",
        "a@b(c).d",
        "a@b,c.d",
        "a@b;c.d",
        "a@b:c.d",
        "a@b<c.d",
        "a@b>c.d",
        "a@b\\c.d",
        "a@b\"c.d",
        "a@b c.d",
        "a@b\tc.d",
        "a b@c.d",
        "a\tb@c.d",
        "a\nb@c.d",
        "a\rb@c.d",
        "a\0b@c.d",
        "a\u{7f}b@c.d",
        "a(b)@c.d",
        "(comment)a@b.c",
        "a@b.c(comment)",
        "a[b]@c.d",
        "a<b>@c.d",
        "a,b@c.d",
        "a;b@c.d",
        "a:b@c.d",
        "a\\b@c.d",
        "a\"b@c.d",
        "\"a\"@b.c",
        "\"\"@b.c",
        "\"@b.c",
        "\"\"\"@b.c",
        "\"a\"\"@b.c",
        "\"a\"b\"@c.d",
        "\"a b\"@c.d",
        "\"a\tb\"@c.d",
        "\"a\nb\"@c.d",
        "\"a\rb\"@c.d",
        "\"a\\\"b\"@c.d",
        "\"a\\\\b\"@c.d",
        "\"a\\ b\"@c.d",
        "\"a\\\tb\"@c.d",
        "\"a\\\"@c.d",
        "\"a\\\"@c.d\"",
        "\"a@b\"@c.d",
        "\"a@b@c\"@d.e",
        "\"a.b\"@c.d",
        "\"a..b\"@c.d",
        "\".a\"@c.d",
        "\"a.\"@c.d",
        "\"a\".b@c.d",
        "a.\"b\"@c.d",
        "\"a\".\"b\"@c.d",
        "\"a<b>\"@c.d",
        "\"a <b>\"@c.d",
        "\"a <b\"@c.d",
        "\"a  <b\"@c.d",
        "\"a< b\"@c.d",
        "\"(a)\"@c.d",
        "\"[a]\"@c.d",
        "\"a,b;c:d\"@e.f",
        "\"~!#$%^&*()_+{}|:?><`-=[]\\\\;',./\"@a.bc",
        "\"\u{7f}\"@a.bc",
        "\"\u{1}\"@a.bc",
        "\"é\"@a.bc",
        "\"가\"@a.bc",
        "\"\u{c280}\"@a.bc",
        "\"\u{d7a5}\"@a.bc",
        "\"\u{c2c0}\"@a.bc",
        "\"\u{c27f}\"@a.bc",
        "\"\u{d7bf}\"@a.bc",
        "\"\u{e000}\"@a.bc",
        "\"\\é\"@a.bc",
        "é@a.bc",
        "éé.éé@a.bc",
        "가@a.bc",
        "\u{c280}@a.bc",
        "\u{d7a5}@a.bc",
        "\u{d7a5}.x@a.bc",
        "\u{2028}@a.bc",
        "\u{a0}@a.bc",
        "\u{200b}@a.bc",
        "\u{1f600}@a.bc",
        "٣@a.bc",
        "Ⅻ@a.bc",
        "a@é.bc",
        "a@b.é",
        "a@éb.c",
        "a@bé.c",
        "a@b\u{d7a5}c.de",
        "a@\u{d7a5}b.cd",
        "a@b\u{d7a5}.cd",
        "a@b\u{1f600}c.de",
        "a@b\u{a0}c.de",
        "a@例子.广告",
        "a@παράδειγμα.δοκιμή",
        "a@xn--80ak6aa92e.com",
        "a@xn--.com",
        "a@b.c.d.e.f.g.h",
        "a@1.com",
        "a@com.1",
        "1@1.1",
        "-@a.bc",
        "a-@a.bc",
        "a@a.b-c-d",
        "!@a.bc",
        "#@a.bc",
        "$@a.bc",
        "%@a.bc",
        "&@a.bc",
        "'@a.bc",
        "*@a.bc",
        "+@a.bc",
        "/@a.bc",
        "=@a.bc",
        "?@a.bc",
        "^@a.bc",
        "_@a.bc",
        "`@a.bc",
        "{@a.bc",
        "|@a.bc",
        "}@a.bc",
        "~@a.bc",
        "!#$%&'*+-/=?^_`{|}~@a.bc",
        "John Doe <a@b.cd>",
        "<a@b.cd>",
        " <a@b.cd>",
        "  <a@b.cd>  ",
        "\t <a@b.cd>",
        "John <a@b.cd",
        "John <a@b.cd> trailing",
        "\"John\" <a@b.cd>",
        "a@b.cd>",
        "mailto:a@b.cd",
        "a@b.cd.",
        "a@b.cd..",
        " a@b.cd",
        "a@b.cd ",
        "a @b.cd",
        "a@ b.cd",
        "a@b.cd\n",
        "\na@b.cd",
        "A@B.CD",
        "[email protected]",
        "[email\u{a0}protected]",
        "email protected",
        "user%example.com@example.org",
        "user!example.com@example.org",
        "a.b.c.d.e@f.gh",
        "a@localhost",
        "a@localhost.",
        "postmaster@[123.123.123.123]",
        "a@b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z",
    ];
    let mut corpus: Vec<String> = fixed.iter().map(|s| (*s).to_owned()).collect();

    // Length boundaries: local part 64/65 bytes (ASCII and two-byte), labels 63/64, domain
    // 254/255, quoted local parts at 64/65.
    for n in [1, 63, 64, 65, 100] {
        corpus.push(format!("{}@example.com", "a".repeat(n)));
        corpus.push(format!(
            "\"{}\"@example.com",
            "a".repeat(n.saturating_sub(2).max(1))
        ));
        corpus.push(format!("{}@example.com", "é".repeat(n / 2)));
        corpus.push(format!("{}@example.com", "é".repeat(n / 2 + 1)));
        corpus.push(format!("a@{}.com", "b".repeat(n)));
        corpus.push(format!("a@{}.com", "é".repeat(n / 2)));
        corpus.push(format!("a@{}.com", "é".repeat(n / 2 + 1)));
        corpus.push(format!("a@com.{}", "b".repeat(n)));
    }
    for total in [250, 253, 254, 255, 256, 300] {
        let mut domain = String::new();
        while domain.len() + 64 < total {
            domain.push_str(&"d".repeat(62));
            domain.push('.');
        }
        while domain.len() < total {
            domain.push('e');
        }
        corpus.push(format!("a@{domain}"));
        corpus.push(format!("{}@{domain}", "l".repeat(64)));
    }
    // Every ASCII byte in the local part, the quoted local part and a label.
    for b in 0u8..128 {
        let c = b as char;
        corpus.push(format!("a{c}b@example.com"));
        corpus.push(format!("\"a{c}b\"@example.com"));
        corpus.push(format!("\"a\\{c}b\"@example.com"));
        corpus.push(format!("a@ex{c}ample.com"));
        corpus.push(format!("a@{c}example.com"));
        corpus.push(format!("a@example.com{c}"));
    }
    corpus
}

/// Where the profiles must agree, `email` (on texts without a quoted local part) and
/// `email(quoted)` (on all) judge `case` as email_address does. Returns the reason when they
/// may differ by design, after checking that `check` and `is_valid` agree.
fn agree(case: &str) -> Option<&'static str> {
    for options in [&DEFAULT, &QUOTED] {
        assert_eq!(
            email::is_valid(case, options),
            email::check(case, options).is_ok(),
            "{case:?}"
        );
    }
    if let Some(reason) = by_design(case) {
        return Some(reason);
    }
    let theirs = reference(case);
    assert_eq!(
        email::is_valid(case, &QUOTED),
        theirs,
        "email(quoted) disagrees on {case:?}"
    );
    if quoted_local(case) {
        assert!(!email::is_valid(case, &DEFAULT), "{case:?} is quoted");
        return Some("quoted local part");
    }
    assert_eq!(
        email::is_valid(case, &DEFAULT),
        theirs,
        "email disagrees on {case:?}"
    );
    None
}

#[test]
fn agrees_with_email_address_on_the_corpus() {
    let corpus = corpus();
    assert!(corpus.len() >= 200, "corpus has {} entries", corpus.len());
    let mut accepted = 0;
    let mut compared = 0;
    let mut reasons = std::collections::BTreeMap::new();
    for case in &corpus {
        match agree(case) {
            Some(reason) => *reasons.entry(reason).or_insert(0) += 1,
            None => {
                compared += 1;
                accepted += usize::from(email::is_valid(case, &DEFAULT));
            }
        }
    }
    // The corpus exercises both outcomes and the known differences.
    assert!(compared >= 400, "{compared} compared");
    assert!(accepted >= 100, "{accepted} accepted");
    for reason in [
        "display form",
        "domain symbols",
        "numeric top-level label",
        "internationalized domain (UTS 46)",
        "quoted local part",
    ] {
        assert!(
            reasons.contains_key(reason),
            "no case of {reason}: {reasons:?}"
        );
    }
}

#[test]
fn agrees_with_email_address_on_generated_strings() {
    const PIECES: &[&str] = &[
        "a",
        "b",
        "z",
        "0",
        "9",
        ".",
        ".",
        "@",
        "@",
        "-",
        "_",
        "+",
        "\"",
        "\"",
        "\\",
        " ",
        "\t",
        "<",
        ">",
        "[",
        "]",
        "(",
        ")",
        ",",
        "é",
        "가",
        "\u{c280}",
        "\u{d7a5}",
        "\u{a0}",
        "com",
        "example",
        "x",
        "!",
        "~",
        "\u{1f600}",
        "Ⅻ",
        ":",
    ];
    const WORDS: &[&str] = &["a", "bc", "x1", "é", "가", "com", "example", "co"];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut accepted = 0;
    for _ in 0..200_000 {
        // A plausible address (`word(.word)*@word(.word)+`), then a few random insertions.
        let mut case = String::new();
        for i in 0..=rng.below(3) {
            if i > 0 {
                case.push('.');
            }
            case.push_str(WORDS[rng.below(WORDS.len())]);
        }
        if rng.below(5) == 0 {
            case = format!("\"{case}\"");
        }
        case.push('@');
        for i in 0..=1 + rng.below(2) {
            if i > 0 {
                case.push('.');
            }
            case.push_str(WORDS[rng.below(WORDS.len())]);
        }
        for _ in 0..rng.below(4) {
            let mut at = rng.below(case.len() + 1);
            while !case.is_char_boundary(at) {
                at -= 1;
            }
            case.insert_str(at, PIECES[rng.below(PIECES.len())]);
        }
        if agree(&case).is_none() {
            accepted += usize::from(email::is_valid(&case, &DEFAULT));
        }
    }
    assert!(
        accepted > 20_000,
        "only {accepted} generated addresses were valid"
    );
}
