//! Property: `rules::locale` agrees with oxilangtag, a maintained RFC 5646 parser, on tags
//! generated from the grammar of section 2.1 (every production, random case) and on mutations
//! of them; `locale(short)` agrees with language(-Script)(-REGION) as oxilangtag splits the tag.

use customer_core::rules::locale;
use oxilangtag::LanguageTag;
use proptest::prelude::*;

/// oxilangtag's well-formedness.
fn reference(tag: &str) -> bool {
    LanguageTag::parse(tag).is_ok()
}

/// language(-Script)(-REGION) by oxilangtag: a 2-3 letter language and no extlang, variant,
/// extension or private use. (For private-use and grandfathered tags oxilangtag reports the
/// whole tag as the primary language, hence the letters-only test.)
fn short_reference(tag: &str) -> bool {
    LanguageTag::parse(tag).is_ok_and(|tag| {
        let language = tag.primary_language();
        (2..=3).contains(&language.len())
            && language.bytes().all(|b| b.is_ascii_alphabetic())
            && tag.extended_language().is_none()
            && tag.variant().is_none()
            && tag.extension().is_none()
            && tag.private_use().is_none()
    })
}

/// Both rules agree with the reference on `tag`, and `check` with `is_*`.
fn agree(tag: &str) -> Result<(), TestCaseError> {
    let well_formed = locale::is_well_formed(tag);
    prop_assert_eq!(well_formed, reference(tag), "locale on {:?}", tag);
    prop_assert_eq!(
        locale::check(tag).is_ok(),
        well_formed,
        "check on {:?}",
        tag
    );
    let short = locale::is_short(tag);
    prop_assert_eq!(short, short_reference(tag), "locale(short) on {:?}", tag);
    prop_assert_eq!(
        locale::check_short(tag).is_ok(),
        short,
        "check_short on {:?}",
        tag
    );
    if let Err(error) = locale::check(tag) {
        prop_assert_eq!(error.code(), "locale");
    }
    Ok(())
}

// ----- The grammar of RFC 5646 section 2.1, letters in random case ---------------------------

const ALPHA: &str = "[a-zA-Z]";
const ALNUM: &str = "[a-zA-Z0-9]";

fn alpha(min: usize, max: usize) -> BoxedStrategy<String> {
    proptest::string::string_regex(&format!("{ALPHA}{{{min},{max}}}"))
        .expect("regex")
        .boxed()
}

fn alnum(min: usize, max: usize) -> BoxedStrategy<String> {
    proptest::string::string_regex(&format!("{ALNUM}{{{min},{max}}}"))
        .expect("regex")
        .boxed()
}

/// `language = 2*3ALPHA ["-" extlang] / 4ALPHA / 5*8ALPHA`, `extlang = 3ALPHA *2("-" 3ALPHA)`.
fn language() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (alpha(2, 3), proptest::collection::vec(alpha(3, 3), 0..=3))
            .prop_map(|(lang, ext)| std::iter::once(lang).chain(ext).collect::<Vec<_>>().join("-")),
        1 => alpha(4, 4),
        1 => alpha(5, 8),
    ]
}

/// `region = 2ALPHA / 3DIGIT`.
fn region() -> impl Strategy<Value = String> {
    prop_oneof![alpha(2, 2), "[0-9]{3}"]
}

/// `variant = 5*8alphanum / (DIGIT 3alphanum)`.
fn variant() -> impl Strategy<Value = String> {
    prop_oneof![
        alnum(5, 8),
        ("[0-9]", alnum(3, 3)).prop_map(|(d, rest)| format!("{d}{rest}")),
    ]
}

/// `extension = singleton 1*("-" (2*8alphanum))`; singleton is any alphanumeric but `x`.
fn extension() -> impl Strategy<Value = String> {
    (
        "[0-9a-wyzA-WYZ]",
        proptest::collection::vec(alnum(2, 8), 1..=3),
    )
        .prop_map(|(singleton, subtags)| format!("{singleton}-{}", subtags.join("-")))
}

/// `privateuse = "x" 1*("-" (1*8alphanum))`.
fn private_use() -> impl Strategy<Value = String> {
    ("[xX]", proptest::collection::vec(alnum(1, 8), 1..=3))
        .prop_map(|(x, subtags)| format!("{x}-{}", subtags.join("-")))
}

/// `langtag`, with each optional part present or not.
fn langtag() -> impl Strategy<Value = String> {
    (
        language(),
        proptest::option::of(alpha(4, 4)),
        proptest::option::of(region()),
        proptest::collection::vec(variant(), 0..=2),
        proptest::collection::vec(extension(), 0..=2),
        proptest::option::weighted(0.3, private_use()),
    )
        .prop_map(
            |(language, script, region, variants, extensions, private)| {
                let mut parts = vec![language];
                parts.extend(script);
                parts.extend(region);
                parts.extend(variants);
                parts.extend(extensions);
                parts.extend(private);
                parts.join("-")
            },
        )
}

/// A grandfathered tag in random case.
fn grandfathered() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(&locale::GRANDFATHERED[..]),
        any::<u64>(),
    )
        .prop_map(|(tag, bits)| random_case(tag, bits))
}

fn random_case(text: &str, bits: u64) -> String {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            if bits >> (i % 64) & 1 == 1 {
                c.to_ascii_uppercase()
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// `Language-Tag = langtag / privateuse / grandfathered`.
fn well_formed() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => langtag(),
        1 => private_use(),
        1 => grandfathered(),
    ]
}

/// A short tag: language(-Script)(-REGION).
fn short() -> impl Strategy<Value = String> {
    (
        alpha(2, 3),
        proptest::option::of(alpha(4, 4)),
        proptest::option::of(region()),
    )
        .prop_map(|(language, script, region)| {
            let mut parts = vec![language];
            parts.extend(script);
            parts.extend(region);
            parts.join("-")
        })
}

// ----- Mutations ---------------------------------------------------------------------------

/// One edit of a tag.
#[derive(Clone, Debug)]
enum Edit {
    /// Insert a character at a position (taken modulo the length).
    Insert(usize, char),
    /// Replace the character at a position.
    Replace(usize, char),
    /// Remove the character at a position.
    Remove(usize),
    /// Repeat the subtag at a position.
    DuplicateSubtag(usize),
    /// Swap two subtags.
    SwapSubtags(usize, usize),
    /// Drop the subtag at a position.
    DropSubtag(usize),
    /// Cut the tag after a position.
    Truncate(usize),
}

/// The characters mutations insert: the grammar's own, separators of other conventions, and
/// characters that look like ASCII but are not.
fn mutation_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::sample::select(vec!['-', 'x', 'X', 'a', 'Z', '0', '9', '_', ' ']),
        1 => proptest::sample::select(vec!['\0', '\u{0130}', '\u{017F}', '\u{212A}', 'é', '\u{FF21}', '\u{FEFF}']),
        1 => any::<char>(),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), mutation_char()).prop_map(|(i, c)| Edit::Insert(i, c)),
        (any::<usize>(), mutation_char()).prop_map(|(i, c)| Edit::Replace(i, c)),
        any::<usize>().prop_map(Edit::Remove),
        any::<usize>().prop_map(Edit::DuplicateSubtag),
        (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Edit::SwapSubtags(i, j)),
        any::<usize>().prop_map(Edit::DropSubtag),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(tag: &str, edit: &Edit) -> String {
    let mut chars: Vec<char> = tag.chars().collect();
    let mut subtags: Vec<&str> = tag.split('-').collect();
    let n = chars.len().max(1);
    let s = subtags.len().max(1);
    match *edit {
        Edit::Insert(i, c) => {
            chars.insert(i % (chars.len() + 1), c);
            chars.into_iter().collect()
        }
        Edit::Replace(i, c) => {
            if !chars.is_empty() {
                chars[i % n] = c;
            }
            chars.into_iter().collect()
        }
        Edit::Remove(i) => {
            if !chars.is_empty() {
                chars.remove(i % n);
            }
            chars.into_iter().collect()
        }
        Edit::DuplicateSubtag(i) => {
            let sub = subtags[i % s];
            subtags.insert(i % s, sub);
            subtags.join("-")
        }
        Edit::SwapSubtags(i, j) => {
            subtags.swap(i % s, j % s);
            subtags.join("-")
        }
        Edit::DropSubtag(i) => {
            subtags.remove(i % s);
            subtags.join("-")
        }
        Edit::Truncate(i) => chars.into_iter().take(i % n).collect(),
    }
}

fn mutated() -> impl Strategy<Value = String> {
    (well_formed(), proptest::collection::vec(edit(), 1..=3))
        .prop_map(|(tag, edits)| edits.iter().fold(tag, |tag, edit| apply(&tag, edit)))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn generated_tags_are_well_formed(tag in well_formed()) {
        prop_assert!(reference(&tag), "the generator made {:?}, which oxilangtag refuses", tag);
        agree(&tag)?;
        prop_assert!(locale::is_well_formed(&tag), "{:?}", tag);
    }

    #[test]
    fn generated_short_tags_are_short(tag in short()) {
        agree(&tag)?;
        prop_assert!(locale::is_short(&tag), "{:?}", tag);
        prop_assert!(locale::is_well_formed(&tag), "{:?}", tag);
    }

    #[test]
    fn mutated_tags_agree(tag in mutated()) {
        agree(&tag)?;
    }

    #[test]
    fn tag_alphabet_strings_agree(tag in "[a-zA-Z0-9-]{0,24}") {
        agree(&tag)?;
    }

    #[test]
    fn any_text_agrees(tag in any::<String>()) {
        agree(&tag)?;
    }
}

/// Shapes the generators reach only by chance, each on both sides of a limit.
#[test]
fn edges_agree() {
    let cases = [
        "",
        "-",
        "a",
        "ab",
        "abc",
        "abcd",
        "abcdefgh",
        "abcdefghi",
        "x",
        "x-",
        "x-a",
        "X-A",
        "x-abcdefgh",
        "x-abcdefghi",
        "en-",
        "-en",
        "en--US",
        "en-x",
        "en-a",
        "en-a-bb",
        "en-a-b",
        "en-a-bb-x",
        "en-a-bb-x-c",
        "zh-abc-def-ghi",
        "zh-abc-def-ghi-jkl",
        "en-1234",
        "en-123",
        "en-12345",
        "en-Latn-US-1901-abcde",
        "en-US-Latn",
        "en-Latn-Latn",
        "sgn-BE-FR",
        "sgn-be-fr",
        "i-klingon",
        "I-KLINGON",
        "i-klingon-x",
        "zh-min-nan",
        "en-GB-oed",
        "en-gb-OED",
        "de-1901-1901",
        "ar-a-aaa-b-bbb-a-ccc",
        "en\u{0}",
        "en_US",
        "e\u{0301}n",
        "\u{212A}k",
        "en-\u{212A}",
        "abcd-abc",
        "abcdefgh-abc",
    ];
    for tag in cases {
        agree(tag).unwrap_or_else(|e| panic!("{e}"));
    }
}
