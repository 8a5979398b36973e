use std::borrow::Cow;

use fluent_bundle::FluentResource;

use super::table::MESSAGES;
use super::*;
use crate::codes;

/// The `{name}` placeholders of an English template (not `{key, value}`, which is text).
fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
            names.push(name);
        }
        rest = &after[close + 1..];
    }
    names
}

/// A value for a param that is easy to find in a message: a count, or a marked text.
fn value_of(name: &str, n: u64) -> Param {
    match name {
        "api" | "pattern" | "prefix" | "chars" | "allowed" | "expected" | "provider_code" => {
            Param::Str(Cow::Owned(format!("<{name}>")))
        }
        _ => Param::UInt(n),
    }
}

fn shown(value: &Param) -> String {
    value.to_string()
}

#[test]
fn the_shipped_sources_parse_whole() {
    for (tag, source) in LANGUAGES.iter().zip(SOURCES) {
        if let Err((_, errors)) = FluentResource::try_new((*source).to_owned()) {
            panic!("{tag}.ftl: {errors:?}");
        }
    }
}

#[test]
fn every_code_has_a_message() {
    for code in codes::ALL {
        assert!(
            MESSAGES.iter().any(|(_, c, _)| c == code),
            "the code `{code}` has no message in i18n/table.rs"
        );
    }
    for (id, code, _) in MESSAGES {
        assert!(
            codes::ALL.contains(code),
            "{id}: `{code}` is not in codes::ALL"
        );
        assert_eq!(
            MESSAGES.iter().filter(|(other, _, _)| other == id).count(),
            1,
            "{id} is listed twice"
        );
    }
}

/// Every message of every code renders in every language, each param filled in, with the plural
/// forms of 0, 1, 2, 5, 22 and 101 (Polish has four).
#[test]
fn every_message_renders_in_every_language_with_every_param() {
    let catalog = Catalog::new();
    for tag in LANGUAGES {
        let language = catalog
            .languages
            .iter()
            .find(|l| l.tag == *tag)
            .expect("a shipped language");
        let bundle = language.library.as_ref().expect("a shipped catalog");
        for (id, code, template) in MESSAGES {
            let message = bundle
                .get_message(id)
                .unwrap_or_else(|| panic!("{tag}.ftl has no `{id}` (code `{code}`)"));
            let pattern = message.value().expect("a message with a value");
            for n in [0u64, 1, 2, 5, 22, 101] {
                let params: Vec<(&str, Param)> = placeholders(template)
                    .into_iter()
                    .map(|name| (name, value_of(name, n)))
                    .collect();
                let mut args_only = Vec::new();
                if *id == "one_of-expected" {
                    args_only.push(("allowed", value_of("allowed", n)));
                }
                let mut errors = Vec::new();
                let mut args = FluentArgs::new();
                for (name, value) in params.iter().chain(&args_only) {
                    match value {
                        Param::UInt(v) => args.set(*name, *v),
                        Param::Str(v) => args.set(*name, v.as_ref()),
                        _ => unreachable!(),
                    }
                }
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{tag} {id}: {errors:?}");
                for (name, value) in &params {
                    // serde's `expected` (English) may be given as the plain list `allowed`.
                    let alternative = (*id == "one_of-expected" && *name == "expected")
                        .then(|| shown(&value_of("allowed", n)));
                    assert!(
                        text.contains(&shown(value))
                            || alternative.is_some_and(|alt| text.contains(&alt)),
                        "{tag} {id}: `{name}` is not in {text:?}"
                    );
                }
                assert!(
                    !text.contains('{') || template.contains("{key"),
                    "{tag} {id}: {text}"
                );
                assert!(!text.trim().is_empty(), "{tag} {id} is empty");
            }
        }
        for id in [
            "problem-invalid-title",
            "problem-invalid-detail",
            "problem-malformed-title",
            "problem-malformed-detail",
            "problem-too-large-title",
            "problem-too-large-detail",
            "problem-media-type-title",
            "problem-media-type-detail",
            "problem-charset-title",
            "problem-charset-detail",
            "problem-body-read-title",
            "problem-body-read-detail",
            "cli-summary",
            "cli-lossy-hint",
            "cli-dropped",
            "cli-warning",
            "cli-summary-warnings",
            "cli-summary-rejects",
            "cli-no-documents",
            "server-conflict",
            "server-no-such-customer",
            "server-not-found",
        ] {
            let message = bundle
                .get_message(id)
                .unwrap_or_else(|| panic!("{tag}.ftl has no `{id}`"));
            let pattern = message.value().expect("a message with a value");
            for n in [0u64, 1, 3, 5, 22] {
                let mut args = FluentArgs::new();
                let names = [
                    "count", "limit", "read", "valid", "invalid", "dropped", "records", "values",
                    "warnings",
                ];
                for name in names {
                    args.set(name, n);
                }
                args.set("file", "rejects.ndjson");
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
                assert!(errors.is_empty(), "{tag} {id}: {errors:?}");
                assert!(
                    !text.trim().is_empty() && !text.contains('{'),
                    "{tag} {id}: {text}"
                );
            }
        }
    }
}

/// A translation has no id that English lacks (a typo would never be found).
#[test]
fn no_language_has_an_id_english_lacks() {
    let ids = |source: &str| -> Vec<String> {
        source
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphabetic()))
            .filter_map(|line| line.split_once(" = ").map(|(id, _)| id.to_owned()))
            .collect()
    };
    let english = ids(SOURCES[0]);
    for (tag, source) in LANGUAGES.iter().zip(SOURCES).skip(1) {
        let own = ids(source);
        for id in &own {
            assert!(english.contains(id), "{tag}.ftl has `{id}`, en.ftl has not");
        }
        assert_eq!(own.len(), english.len(), "{tag}.ftl");
    }
}

/// English from the catalog says what `Display` says, but for the plural of a count.
#[test]
fn english_matches_display() {
    let catalog = Catalog::new();
    for (id, code, template) in MESSAGES {
        // Display says "exactly 1 member" and "at most 1 characters": compare where both agree.
        let n = if matches!(
            *id,
            "invalid_length-variant" | "invalid_length-variant-object"
        ) {
            1
        } else {
            7
        };
        let mut error = RuleError::new(*code, *template);
        for name in placeholders(template) {
            error = error.with_param(name, value_of(name, n));
        }
        assert_eq!(
            catalog.message(&Lang::ENGLISH, &error),
            error.message(),
            "{id}"
        );
    }
}

#[test]
fn polish_has_four_plural_forms() {
    let catalog = Catalog::new();
    let pl = catalog.choose("pl").expect("Polish");
    let error = |max: u64| {
        RuleError::new(codes::EMAIL, "must be at most {max} characters")
            .with_param("max", Param::UInt(max))
    };
    let text = |max| catalog.message(&pl, &error(max)).into_owned();
    assert_eq!(text(1), "może mieć najwyżej 1 znak");
    assert_eq!(text(3), "może mieć najwyżej 3 znaki");
    assert_eq!(text(5), "może mieć najwyżej 5 znaków");
    assert_eq!(text(22), "może mieć najwyżej 22 znaki");
    assert_eq!(text(25), "może mieć najwyżej 25 znaków");
    let other = RuleError::new(codes::EMAIL, "must be at most {max} characters")
        .with_param("max", Param::Float(1.5));
    assert_eq!(catalog.message(&pl, &other), "może mieć najwyżej 1.5 znaku");
}

#[test]
fn negotiation_follows_quality_values_and_falls_back_to_the_language() {
    let catalog = Catalog::new();
    let pick = |header: &str| catalog.negotiate(header).as_str().to_owned();
    assert_eq!(pick(""), "en");
    assert_eq!(pick("de"), "de");
    assert_eq!(pick("de-CH"), "de");
    assert_eq!(pick("de-CH, fr;q=0.9"), "de");
    assert_eq!(pick("fr;q=0.5, de-CH;q=0.9"), "de");
    assert_eq!(pick("sv, nl;q=0.3"), "nl");
    assert_eq!(pick("sv, ja"), "en");
    assert_eq!(pick("pt-BR"), "pt");
    assert_eq!(pick("PL-pl"), "pl");
    assert_eq!(pick("*"), "en");
    assert_eq!(pick("de;q=0, it"), "it");
    assert_eq!(pick("es;q=1.0, it;q=0.999"), "es");
    assert_eq!(pick("it;q=0.001, es;q=0.01"), "es");
    assert_eq!(pick("fr;q=2, nl"), "nl"); // not a quality value: refused
    assert_eq!(pick("fr;q=abc"), "en");
    assert_eq!(pick(";;;,,, -- ,"), "en");
    // Equal quality values keep the header's order.
    assert_eq!(pick("it;q=0.8, fr;q=0.8"), "it");
    assert_eq!(
        catalog.choose("fr-BE").map(|l| l.to_string()).as_deref(),
        Some("fr")
    );
    assert_eq!(catalog.choose("sv"), None);
    // A header longer than 32 languages is read to its 32nd.
    let long = format!("{}nl", "xx, ".repeat(40));
    assert_eq!(pick(&long), "en");
    // A range of more than 64 bytes is skipped, whatever it starts with; the next is read.
    let huge_tag = format!("de-{}, it;q=0.5", "abcdefgh-".repeat(7_000));
    assert_eq!(pick(&huge_tag), "it");
    // 64 bytes, read: German with a region and variants.
    let at_the_limit = "de-DE-1901-1996-abcde-fghij-klmno-pqrst-uvwxy-zabcd-efghi-jklmno";
    assert_eq!(at_the_limit.len(), 64);
    assert_eq!(pick(at_the_limit), "de");
}

#[test]
fn the_application_overrides_by_id_then_by_code_and_adds_languages() {
    let mut catalog = Catalog::new();
    catalog
        .add_ftl(
            "de",
            "length = hat die falsche Länge\nlength-max = ist zu lang (höchstens { $max })",
        )
        .expect("valid Fluent");
    catalog
        .add_ftl(
            "sv",
            "email = måste vara en giltig e-postadress\nmy_code = är fel",
        )
        .expect("valid Fluent");
    assert!(catalog.add_ftl("de", "length = {").is_err());
    assert!(catalog.add_ftl("not a tag!", "x = y").is_err());
    let de = catalog.negotiate("de-AT");
    let max = crate::rules::length::check_count(9, None, Some(5)).unwrap_err();
    let min = crate::rules::length::check_count(1, Some(5), None).unwrap_err();
    assert_eq!(catalog.message(&de, &max), "ist zu lang (höchstens 5)");
    assert_eq!(catalog.message(&de, &min), "hat die falsche Länge");
    // Other codes keep the crate's German.
    let email = crate::rules::email::check("x", &Default::default()).unwrap_err();
    assert_eq!(
        catalog.message(&de, &email),
        "muss eine gültige E-Mail-Adresse sein"
    );
    // A new language: what it has, else English.
    let sv = catalog.negotiate("sv-SE, en;q=0.1");
    assert_eq!(sv.as_str(), "sv");
    assert_eq!(
        catalog.message(&sv, &email),
        "måste vara en giltig e-postadress"
    );
    assert_eq!(
        catalog.message(&sv, &max),
        "must have a length of at most 5"
    );
    // The application's own code, and a field's own message.
    let own = RuleError::new("my_code", "is wrong");
    assert_eq!(catalog.message(&sv, &own), "är fel");
    assert_eq!(catalog.message(&de, &own), "is wrong");
    let field = RuleError::new(codes::LENGTH, "too long for a name");
    assert_eq!(catalog.message(&de, &field), "too long for a name");
    assert!(catalog.languages().any(|l| l == "sv"));
}

#[test]
fn a_message_of_the_crate_reading_a_variable_it_never_gets_is_refused() {
    let mut catalog = Catalog::new();
    // A typo in a param: Fluent would render `{$maxx}` into every response.
    let error = catalog
        .add_ftl("de", "length-max = höchstens { $maxx }")
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "the message `length-max` of the Fluent source for `de` reads `{ $maxx }`, which the crate never gives it (it gives `{ $max }`)"
    );
    // By code: any param of the code's messages; in a selector and a variant too.
    catalog
        .add_ftl(
            "de",
            "length = { $max ->\n  [one] höchstens ein Zeichen\n *[other] { $min } bis { $max }\n}",
        )
        .expect("min and max are params of `length`");
    assert!(catalog
        .add_ftl("de", "length = { $max ->\n *[other] { $count }\n}")
        .is_err());
    assert!(catalog
        .add_ftl("de", "email = { NUMBER($max) } { $value }")
        .is_err());
    // Nothing of a refused source is added.
    assert!(catalog
        .add_ftl("nl", "email = ongeldig\nlength-max = { $maxx }")
        .is_err());
    let email = crate::rules::email::check("x", &Default::default()).unwrap_err();
    let nl = catalog.negotiate("nl");
    assert_eq!(
        catalog.message(&nl, &email),
        "moet een geldig e-mailadres zijn"
    );
    // The application's own codes and ids read what they like.
    catalog
        .add_ftl("de", "my_code = { $whatever }")
        .expect("an id of the application's own");
}

#[test]
fn doc_uris_follow_the_template() {
    let catalog = Catalog::new();
    assert_eq!(
        catalog.doc_uri("email"),
        "https://example.invalid/customer-model/blob/main/README.md#code-email"
    );
    let catalog = Catalog::new().with_doc_uri("https://api.example.com/errors/{code}.html");
    assert_eq!(
        catalog.doc_uri("length"),
        "https://api.example.com/errors/length.html"
    );
    let catalog = Catalog::new().with_doc_uri("https://api.example.com/errors#");
    assert_eq!(
        catalog.doc_uri("length"),
        "https://api.example.com/errors#length"
    );
}

#[test]
fn a_report_renders_in_the_language_with_pointers_and_codes_unchanged() {
    let catalog = Catalog::new();
    let mut errors = ValidationErrors::new();
    errors.push(
        &crate::Path::ROOT.key("name"),
        crate::rules::length::check_count(9, None, Some(5)).unwrap_err(),
    );
    errors.push(
        &crate::Path::ROOT.key("email"),
        crate::rules::required::error(),
    );
    let fr = catalog.negotiate("fr");
    assert_eq!(
        catalog.localize(&errors, &fr).to_string(),
        "/name: doit avoir une longueur d’au plus 5\n/email: est obligatoire"
    );
    let json = serde_json::to_value(catalog.localize(&errors, &fr)).unwrap();
    assert_eq!(json[0]["pointer"], "/name");
    assert_eq!(json[0]["code"], "length");
    assert_eq!(
        json[1]["type"],
        "https://example.invalid/customer-model/blob/main/README.md#code-required"
    );
    assert_eq!(
        errors.to_string(),
        "/name: must have a length of at most 5\n/email: is required"
    );
}

/// The README's table of codes is the default target of every code's URI: each code and each
/// problem type has its row there.
#[test]
fn the_readme_has_a_row_for_every_code() {
    let readme = include_str!("../../../README.md");
    let kinds = [
        "invalid",
        "malformed",
        "too-large",
        "media-type",
        "charset",
        "body-read",
    ];
    let anchors = codes::ALL
        .iter()
        .map(|code| (*code).to_owned())
        .chain(kinds.iter().map(|kind| format!("problem-{kind}")));
    for anchor in anchors {
        assert!(
            readme.contains(&format!("<a id=\"code-{anchor}\"></a>`{anchor}`")),
            "README.md has no row for `{anchor}`"
        );
    }
}

/// serde's English list of variants (`live` or `test`) is rendered as a plain list in the other
/// languages; `Display` keeps serde's words.
#[test]
fn serdes_list_of_variants_has_no_english_words_in_translations() {
    let error = crate::providers::Api::Mollie
        .check(r#"{"email": "jo@example.com", "mode": "weird"}"#)
        .unwrap_err();
    let violation = error
        .violations()
        .iter()
        .find(|v| v.pointer() == "/mode")
        .expect("the mode's violation");
    assert_eq!(violation.message(), "must be `live` or `test`");
    let catalog = Catalog::new();
    let de = catalog.choose("de").expect("German");
    assert_eq!(
        catalog.message(&de, violation.rule_error()),
        "muss einer dieser Werte sein: `live`, `test`"
    );
}

/// A token of Rust source, as far as finding the messages needs: string literals (their text),
/// identifiers and single punctuation characters; comments and char literals are skipped.
#[derive(Debug, PartialEq)]
enum Token {
    Str(String),
    Ident(String),
    Punct(char),
}

/// The tokens of `source`, the escapes of string literals undone.
fn tokens(source: &str) -> Vec<Token> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = source[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |e| i + 2 + e + 2);
                i = end;
            }
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                out.push(Token::Str(unescape(&source[start..i.min(bytes.len())])));
                i += 1;
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"' | b'#'))
                && (i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_')) =>
            {
                let hashes = bytes[i + 1..].iter().take_while(|&&c| c == b'#').count();
                let open = i + 1 + hashes;
                if bytes.get(open) != Some(&b'"') {
                    out.push(Token::Ident("r".to_owned()));
                    i += 1;
                    continue;
                }
                let close = format!("\"{}", "#".repeat(hashes));
                let end = source[open + 1..]
                    .find(&close)
                    .map_or(bytes.len(), |e| open + 1 + e);
                out.push(Token::Str(source[open + 1..end].to_owned()));
                i = end + close.len();
            }
            b'\'' => {
                // A char literal ('x', '\n', '"') or a lifetime ('a).
                if bytes.get(i + 1) == Some(&b'\\') {
                    i += 2;
                    while i < bytes.len() && bytes[i] != b'\'' {
                        i += 1;
                    }
                    i += 1;
                } else {
                    let width = source[i + 1..].chars().next().map_or(1, char::len_utf8);
                    if bytes.get(i + 1 + width) == Some(&b'\'') {
                        i += width + 2;
                    } else {
                        i += 1;
                    }
                }
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                out.push(Token::Ident(source[start..i].to_owned()));
            }
            c if c.is_ascii_whitespace() || c.is_ascii_digit() || !c.is_ascii() => i += 1,
            c => {
                out.push(Token::Punct(char::from(c)));
                i += 1;
            }
        }
    }
    out
}

/// A string literal's text: `\"`, `\\`, `\n`, `\t` and line continuations undone.
fn unescape(literal: &str) -> String {
    let mut out = String::with_capacity(literal.len());
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('\n') => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            Some(other) => out.push(other),
            None => {}
        }
    }
    out
}

/// The index after the item that starts at `from`: its `{ ... }` block or its `;`.
fn skip_item(tokens: &[Token], from: usize) -> usize {
    let mut depth = 0usize;
    for (at, token) in tokens.iter().enumerate().skip(from) {
        match token {
            Token::Punct('{') => depth += 1,
            Token::Punct('}') => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at + 1;
                }
            }
            Token::Punct(';') if depth == 0 => return at + 1,
            _ => {}
        }
    }
    tokens.len()
}

/// Functions whose last argument is a message template. A function with a `'static` parameter
/// named `message` must be one (the test fails on one that is not), so that a new way
/// to emit a message is scanned too.
const SINKS: &[&str] = &["new", "with_message", "cannot_hold", "syntax"];

/// Functions that take the application's own words (a field's `message = "..."`, passed by the
/// derive's expansion), not the crate's: not catalog entries.
const APPLICATIONS_OWN: &[&str] = &["overridden", "override_error"];

/// The functions defined in `source` with a `'static` `message` parameter.
fn message_takers(source: &str) -> Vec<String> {
    let all = tokens(source);
    let mut found = Vec::new();
    for (at, token) in all.iter().enumerate() {
        let (Token::Ident(fn_kw), Some(Token::Ident(name))) = (token, all.get(at + 1)) else {
            continue;
        };
        if fn_kw != "fn" {
            continue;
        }
        // The parameters: from the `(` after the name (and its generics) to its `)`.
        let Some(open) = all[at..].iter().position(|t| *t == Token::Punct('(')) else {
            continue;
        };
        let mut depth = 0usize;
        for (i, t) in all.iter().enumerate().skip(at + open) {
            match t {
                Token::Punct('(') => depth += 1,
                Token::Punct(')') => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Token::Ident(param)
                    if depth == 1
                        && param == "message"
                        && all.get(i + 1) == Some(&Token::Punct(':')) =>
                {
                    // Kept, so emitted: a `'static` text (a renderer borrows one).
                    let mut inner = 0usize;
                    let keeps = all[i + 2..]
                        .iter()
                        .take_while(|t| match t {
                            Token::Punct('(' | '<') => {
                                inner += 1;
                                true
                            }
                            Token::Punct(')' | '>') if inner == 0 => false,
                            Token::Punct(')' | '>') => {
                                inner -= 1;
                                true
                            }
                            Token::Punct(',') => inner > 0,
                            _ => true,
                        })
                        .any(|t| *t == Token::Ident("static".into()));
                    if keeps {
                        found.push(name.clone());
                    }
                }
                _ => {}
            }
        }
    }
    found
}

/// The message templates in one source file, tests left out: the last argument of
/// `RuleError::new` and of the [`SINKS`] when it is a string literal, and every literal that
/// reads like a message (it names the `{api}`, or starts with `must `).
fn templates_in(source: &str) -> Vec<String> {
    let all = tokens(source);
    let mut kept = Vec::with_capacity(all.len());
    let mut i = 0;
    while i < all.len() {
        // `#[cfg(test)]` and the item it marks.
        let cfg_test = [
            Token::Punct('#'),
            Token::Punct('['),
            Token::Ident("cfg".into()),
            Token::Punct('('),
            Token::Ident("test".into()),
            Token::Punct(')'),
            Token::Punct(']'),
        ];
        if all[i..].starts_with(&cfg_test) {
            i = skip_item(&all, i + cfg_test.len());
            continue;
        }
        kept.push(&all[i]);
        i += 1;
    }
    let mut found = Vec::new();
    for (at, token) in kept.iter().enumerate() {
        match token {
            Token::Str(text)
                if (text.contains("{api}") || text.starts_with("must "))
                    && !format_string(&kept, at) =>
            {
                found.push(text.clone());
            }
            Token::Ident(name)
                if kept.get(at + 1) == Some(&&Token::Punct('('))
                    && SINKS.contains(&name.as_str())
                    && (name != "new"
                        || (at >= 3 && kept[at - 3] == &Token::Ident("RuleError".into()))) =>
            {
                // The last argument at depth one, if it is a single literal.
                let mut depth = 0usize;
                let mut last: Vec<&Token> = Vec::new();
                let mut before: Vec<&Token> = Vec::new();
                for token in &kept[at + 1..] {
                    match token {
                        Token::Punct('(' | '[' | '{') => {
                            depth += 1;
                            if depth > 1 {
                                last.push(token);
                            }
                        }
                        Token::Punct(')' | ']' | '}') => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                            last.push(token);
                        }
                        Token::Punct(',') if depth == 1 => before = std::mem::take(&mut last),
                        _ => last.push(token),
                    }
                }
                // A trailing comma leaves the last argument before it.
                if last.is_empty() {
                    last = before;
                }
                if let [Token::Str(text)] = last.as_slice() {
                    found.push(text.clone());
                }
            }
            _ => {}
        }
    }
    found
}

/// Whether the literal at `at` is a macro's format string (`write!(f, "...")`, `format!("...")`):
/// a `Display` text, not a message template.
fn format_string(tokens: &[&Token], at: usize) -> bool {
    let bang = |i: usize| tokens.get(i) == Some(&&Token::Punct('!'));
    let open = |i: usize| tokens.get(i) == Some(&&Token::Punct('('));
    (at >= 2 && open(at - 1) && bang(at - 2))
        || (at >= 4
            && tokens[at - 1] == &Token::Punct(',')
            && matches!(tokens[at - 2], Token::Ident(_))
            && open(at - 3)
            && bang(at - 4))
}

fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path.file_name().is_some_and(|n| n != "tests.rs")
        {
            out.push(path);
        }
    }
}

/// Every template the library, the command-line tool and the example server can emit is in the
/// table, so it has a message in every catalog (the tests above check the table's). A message
/// added without a catalog entry fails here.
#[test]
fn every_emitted_template_is_in_the_table() {
    let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = core.parent().expect("the workspace");
    let mut files = Vec::new();
    for dir in [
        core.join("src"),
        root.join("src"),
        root.join("examples/server/src"),
    ] {
        rust_files(&dir, &mut files);
    }
    files.sort();
    assert!(files.len() > 30, "the sources were not found: {files:?}");
    let mut missing = std::collections::BTreeSet::new();
    let mut seen = 0;
    for file in &files {
        let source = std::fs::read_to_string(file).expect("a source file");
        for name in message_takers(&source) {
            assert!(
                SINKS.contains(&name.as_str()) || APPLICATIONS_OWN.contains(&name.as_str()),
                "{}: `{name}` takes a message: add it to SINKS in i18n/tests.rs so that its \
                 templates are checked",
                file.display()
            );
        }
        for template in templates_in(&source) {
            seen += 1;
            if table::id_of(&template).is_none() {
                missing.insert(format!("{}: {template:?}", file.display()));
            }
        }
    }
    assert!(seen > 50, "only {seen} templates found: the scan is broken");
    assert!(
        missing.is_empty(),
        "templates with no entry in i18n/table.rs (and so no message in the catalogs):\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn the_scan_finds_templates_and_skips_tests() {
    let source = r##"
        fn f() -> RuleError {
            let c = '"'; let l: &'static str = "x";
            report.cannot_hold(&format!("/a{p}"), "{api} cannot do this");
            RuleError::new(codes::EMAIL, "is odd").with_message(r#"raw "one""#);
            syntax(
                "",
                "trailing \"comma\", \
                 continued",
            );
            write!(f, "{api} is a Display text"); format!("must not count")
        }
        // RuleError::new(codes::EMAIL, "a comment")
        #[cfg(test)]
        mod tests { fn g() { RuleError::new(codes::EMAIL, "in a test"); } }
        fn h() { syntax("", "after the tests") }
        fn emit<T>(pointer: &str, message: &'static str) {}
        fn other(code: &str, messages: usize) {}
        fn render(message: &str, params: &[Param]) -> String {}
        fn new(code: Cow<'static, str>, message: impl Into<Cow<'static, str>>) {}
    "##;
    assert_eq!(message_takers(source), ["emit", "new"]);
    assert_eq!(
        templates_in(source),
        [
            "{api} cannot do this",
            "{api} cannot do this",
            "is odd",
            "raw \"one\"",
            "trailing \"comma\", continued",
            "after the tests"
        ]
    );
}
