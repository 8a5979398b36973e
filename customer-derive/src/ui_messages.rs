//! The derive's diagnostics checked in-process, on any compiler: every compile-fail case of
//! `tests/ui/` is read, each item deriving `CustomerModel` in it is expanded here, and the
//! messages the derive reports must be exactly the plain `error:` lines of the case's `.stderr`
//! (the ones without an error code, which come from rustc itself). trybuild checks the whole
//! `.stderr`, spans included, but only on the rustc it was written with.

use std::path::{Path, PathBuf};

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// The top-level items of a file, as token streams (a `;` or a `{…}` group ends an item).
pub(crate) fn items(tokens: TokenStream) -> Vec<TokenStream> {
    let mut out = Vec::new();
    let mut current: Vec<TokenTree> = Vec::new();
    let mut after_pound = false;
    for token in tokens {
        let ends = match &token {
            TokenTree::Punct(p) => p.as_char() == ';',
            TokenTree::Group(g) => g.delimiter() == Delimiter::Brace,
            _ => false,
        };
        let is_attr = after_pound
            && matches!(&token, TokenTree::Group(g) if g.delimiter() == Delimiter::Bracket);
        after_pound = matches!(&token, TokenTree::Punct(p) if p.as_char() == '#');
        current.push(token);
        if ends && !is_attr {
            out.push(current.drain(..).collect());
        }
    }
    out
}

/// The messages the derive reports for every `CustomerModel` item of `source`.
fn derive_messages(source: &str) -> Vec<String> {
    let tokens: TokenStream = source.parse().expect("UI cases tokenize");
    let mut messages = Vec::new();
    let mut pending: Vec<TokenStream> = items(tokens);
    while let Some(item) = pending.pop() {
        // Items inside `mod m { … }` too.
        let trees: Vec<TokenTree> = item.clone().into_iter().collect();
        if let [.., TokenTree::Ident(kw), TokenTree::Ident(_), TokenTree::Group(body)] = &trees[..]
        {
            if kw == "mod" {
                pending.extend(items(body.stream()));
                continue;
            }
        }
        let Ok(input) = syn::parse2::<syn::DeriveInput>(item) else {
            continue;
        };
        let derives_us = input.attrs.iter().any(|a| {
            a.path().is_ident("derive")
                && quote::ToTokens::to_token_stream(&a.meta)
                    .to_string()
                    .contains("CustomerModel")
        });
        if !derives_us {
            continue;
        }
        let cx = crate::ctxt::Ctxt::new();
        let container = crate::ast::Container::from_ast(&cx, &input);
        crate::check::check(&cx, &container);
        crate::check::check_newtype_serde(&cx, &container, &input);
        if let Err(errors) = cx.check() {
            messages.extend(errors.into_iter().map(|e| e.to_string()));
        }
    }
    messages.sort();
    messages
}

/// The beginnings of serde_derive's errors that UI cases show next to ours.
const SERDE_MESSAGES: &[&str] = &[
    "enum tags `",
    "variant field name `",
    "#[serde(tag = \"...\")] cannot be used with tuple variants",
];

/// The plain `error: …` lines of a `.stderr` (rustc's own errors carry a code: `error[E…]`).
fn stderr_messages(stderr: &str) -> Vec<String> {
    let mut messages: Vec<String> = stderr
        .lines()
        .filter_map(|line| line.strip_prefix("error: "))
        // rustc's own, without a code: a `#[serde]` attribute with no serde derive to own it.
        .filter(|message| !message.starts_with("cannot find attribute `serde`"))
        // serde_derive's own, where a case shows that serde already refuses a form (and ours
        // points at a smaller token, or says nothing).
        .filter(|message| {
            !SERDE_MESSAGES
                .iter()
                .any(|serde| message.starts_with(serde))
        })
        .map(str::to_owned)
        .collect();
    messages.sort();
    messages
}

fn cases(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("tests/ui is readable") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "pass") {
                cases(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_ui_case_reports_its_messages_in_process() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/ui");
    let mut files = Vec::new();
    cases(&root, &mut files);
    files.sort();
    assert!(files.len() > 50, "found only {} UI cases", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let source = std::fs::read_to_string(file).expect("case");
        let stderr = std::fs::read_to_string(file.with_extension("stderr")).unwrap_or_default();
        let ours = derive_messages(&source);
        let expected = stderr_messages(&stderr);
        if ours != expected {
            failures.push(format!(
                "{}:\n  derive: {ours:?}\n  stderr: {expected:?}",
                file.display()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
}
