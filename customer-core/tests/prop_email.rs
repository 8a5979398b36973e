//! Property: `rules::email` agrees with `email_address` 0.2.9 under the strict options
//! (`minimum_sub_domains: 2`, no domain literal, no display text) plus the character limit, on
//! generated addresses (dot-atoms, quoted local parts, Unicode, lengths at the limits) and on
//! mutations of them, wherever the two profiles agree by design; `email(ascii)` adds "ASCII
//! only", `email(max = N)` its own limit, `email(quoted)` quoted local parts.
//!
//! Where they differ by design (display form, domain symbols, numeric top-level labels, 254-byte
//! domains, addresses over 254 bytes, internationalized domains, non-ASCII local parts beyond letters and digits, quoted
//! local parts under the default) is written once, in `tests/support/email_oracle.rs`; there
//! the rule's own invariants are checked instead.

#[path = "support/email_oracle.rs"]
mod email_oracle;

use customer_core::rules::email::{self, EmailOptions};
use email_oracle::{by_design, oracle, quoted_local};
use proptest::prelude::*;

const OPTIONS: [EmailOptions; 5] = [
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
        max: 30,
        ascii: false,
        quoted: false,
    },
    EmailOptions {
        max: 320,
        ascii: false,
        quoted: true,
    },
];

/// What the oracle says under `options`, or `None` where the profiles differ by design.
fn want(text: &str, options: &EmailOptions) -> Option<bool> {
    if by_design(text).is_some() {
        return None;
    }
    if quoted_local(text) && !options.quoted {
        return Some(false);
    }
    Some(oracle(text, options.max) && (!options.ascii || text.is_ascii()))
}

/// The rule agrees with the reference under every option set where the profiles agree, and
/// keeps its own invariants everywhere: `check` and `is_valid` agree, `ascii` and a smaller
/// `max` only refuse more, `quoted` only accepts more.
fn agree(text: &str) -> Result<(), TestCaseError> {
    let default = email::is_valid(text, &EmailOptions::DEFAULT);
    for options in &OPTIONS {
        let checked = email::check(text, options);
        let valid = email::is_valid(text, options);
        prop_assert_eq!(checked.is_ok(), valid, "check and is_valid on {:?}", text);
        if let Some(want) = want(text, options) {
            prop_assert_eq!(valid, want, "{:?} under {:?}", text, options);
        }
        if options.quoted {
            prop_assert!(valid || !default, "quoted refuses {:?}", text);
        } else if valid {
            prop_assert!(default, "{:?} under {:?} but not by default", text, options);
            prop_assert!(!options.ascii || text.is_ascii());
            prop_assert!(text.chars().count() <= options.max);
        }
        if let Err(error) = checked {
            prop_assert_eq!(error.code(), "email");
        }
    }
    Ok(())
}

// ----- Addresses -----------------------------------------------------------------------------

/// An `atext` character: ASCII letters, digits and specials, and some non-ASCII ones
/// (alphanumeric or not).
fn atext() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::char::ranges(vec!['a'..='z', 'A'..='Z', '0'..='9'].into()),
        2 => proptest::sample::select("!#$%&'*+-/=?^_`{|}~".chars().collect::<Vec<_>>()),
        1 => proptest::sample::select(vec!['é', 'ß', 'ж', '日', 'ö', '\u{C280}', '\u{00A0}', '\u{2028}', '😀', '\u{0301}']),
    ]
}

fn atom(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(atext(), 1..=max).prop_map(|cs| cs.into_iter().collect())
}

/// `dot-atom`: atoms joined by single dots.
fn dot_atom() -> impl Strategy<Value = String> {
    proptest::collection::vec(atom(12), 1..=4).prop_map(|atoms| atoms.join("."))
}

/// `"` qtext / space / tab / quoted pair `"`.
fn quoted() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        6 => proptest::char::range('!', '~')
            .prop_filter("qtext", |c| *c != '"' && *c != '\\')
            .prop_map(String::from),
        1 => Just(" ".to_owned()),
        1 => Just("\t".to_owned()),
        2 => proptest::char::range('!', '~').prop_map(|c| format!("\\{c}")),
        1 => proptest::sample::select(vec!["é", "\u{C2A0}", "\\ ", "\\\t", "\\é"]).prop_map(str::to_owned),
    ];
    proptest::collection::vec(piece, 0..=10).prop_map(|pieces| format!("\"{}\"", pieces.concat()))
}

/// A domain label: alphanumeric at both ends, `atext` (mostly `-`) inside.
fn label() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?",
        1 => "[a-zA-Z0-9][a-zA-Z0-9_+!-]{0,4}[a-zA-Z0-9]",
        1 => proptest::sample::select(vec!["bücher", "例子", "xn--bcher-kva", "δοκιμή", "a", "1"]).prop_map(str::to_owned),
    ]
}

fn domain() -> impl Strategy<Value = String> {
    proptest::collection::vec(label(), 1..=4).prop_map(|labels| labels.join("."))
}

fn address() -> impl Strategy<Value = String> {
    (prop_oneof![4 => dot_atom(), 1 => quoted()], domain())
        .prop_map(|(local, domain)| format!("{local}@{domain}"))
}

/// Addresses at the byte limits: local part 63..=65, a label 62..=64, the domain 253..=255.
fn at_limits() -> impl Strategy<Value = String> {
    prop_oneof![
        (63usize..=65).prop_map(|n| format!("{}@example.com", "a".repeat(n))),
        (62usize..=64).prop_map(|n| format!("jo@{}.com", "b".repeat(n))),
        (1usize..=3).prop_map(|k| {
            // four labels of 62 bytes and one of k: a domain of 252 + k bytes
            let label = "c".repeat(62);
            format!("jo@{label}.{label}.{label}.{label}.{}", "d".repeat(k))
        }),
        // Non-ASCII: bytes and characters differ.
        (30usize..=34).prop_map(|n| format!("{}@example.com", "é".repeat(n))),
    ]
}

// ----- Mutations -----------------------------------------------------------------------------

#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, char),
    Replace(usize, char),
    Remove(usize),
    Truncate(usize),
    Double(usize),
}

fn mutation_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => proptest::sample::select(vec![
            '@', '.', '"', '\\', ' ', '<', '>', '[', ']', '(', ')', ',', ';', ':', '-', '\t', '\n',
            '\0', 'a', '0',
        ]),
        1 => proptest::sample::select(vec!['é', '\u{C280}', '\u{FEFF}', '\u{00A0}', '\u{FF20}', '\u{0301}']),
        1 => any::<char>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), mutation_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        3 => (any::<usize>(), mutation_char()).prop_map(|(i, c)| Edit::Replace(i, c)),
        2 => any::<usize>().prop_map(Edit::Remove),
        1 => any::<usize>().prop_map(Edit::Truncate),
        1 => any::<usize>().prop_map(Edit::Double),
    ]
}

fn apply(text: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let n = chars.len().max(1);
    match *edit {
        Edit::Insert(i, c) => chars.insert(i % (chars.len() + 1), c),
        Edit::Replace(i, c) if !chars.is_empty() => chars[i % n] = c,
        Edit::Remove(i) if !chars.is_empty() => {
            chars.remove(i % n);
        }
        Edit::Truncate(i) => chars.truncate(i % n),
        Edit::Double(i) if !chars.is_empty() => {
            let c = chars[i % n];
            chars.insert(i % n, c);
        }
        _ => {}
    }
    chars.into_iter().collect()
}

fn mutated() -> impl Strategy<Value = String> {
    (
        prop_oneof![4 => address(), 1 => at_limits()],
        proptest::collection::vec(edit(), 1..=3),
    )
        .prop_map(|(text, edits)| edits.iter().fold(text, |text, edit| apply(&text, edit)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn generated_addresses_agree(text in address()) {
        agree(&text)?;
    }

    #[test]
    fn addresses_at_the_limits_agree(text in at_limits()) {
        agree(&text)?;
    }

    #[test]
    fn mutated_addresses_agree(text in mutated()) {
        agree(&text)?;
    }

    #[test]
    fn any_text_agrees(text in any::<String>()) {
        agree(&text)?;
    }
}

/// The generators do make valid addresses (so the agreement is not only on refusals).
#[test]
fn the_generator_makes_valid_addresses() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let strategy = address();
    let valid = (0..500)
        .filter(|_| {
            let text = strategy.new_tree(&mut runner).expect("a value").current();
            email::is_valid(&text, &EmailOptions::DEFAULT)
        })
        .count();
    assert!(
        valid > 100,
        "only {valid} of 500 generated addresses are valid"
    );
}

/// Texts over 320 characters are refused by length whatever they hold, and the limit counts
/// characters, not bytes.
#[test]
fn the_limit_counts_characters() {
    let local = "a".repeat(64);
    let label = "b".repeat(63);
    let ascii = format!("{local}@{label}.{label}.{label}.{}", "c".repeat(61));
    assert_eq!(ascii.len(), 64 + 1 + 253);
    // 318 characters: within 320, but over RFC 5321's 254 bytes, which the oracle does not
    // count.
    assert!(oracle(&ascii, 320));
    assert!(!email::is_valid(&ascii, &EmailOptions::DEFAULT));
    agree(&ascii).unwrap_or_else(|e| panic!("{e}"));
    let long = format!("{}@example.com", "a".repeat(400));
    agree(&long).unwrap_or_else(|e| panic!("{e}"));
    assert!(!email::is_valid(&long, &EmailOptions::DEFAULT));
}
