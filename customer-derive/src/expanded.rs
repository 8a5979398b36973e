//! The derive's output linted as ordinary code. rustc and clippy do not lint code that a macro
//! from another crate expanded, so a lint the generated code trips would go unseen in the user's
//! crate and in `tests/derive_hygiene.rs` alike. This test expands the models of
//! `tests/expanded/models.rs` and requires the result to equal the committed
//! `tests/derive_expanded.rs`, a test target that CI's clippy lints under
//! `deny(warnings, clippy::pedantic)`: a change to the output shows up as a diff here, and a lint
//! it trips fails clippy there, unless the wrapper allows that lint by name.
//!
//! After changing the output: `CUSTOMER_BLESS=1 cargo test -p customer-derive expanded`.

use std::io::Write as _;
use std::path::Path;
use std::process::{Command, Stdio};

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use crate::ui_messages::items;

const HEADER: &str = "\
//! GENERATED from tests/expanded/models.rs by customer-derive's test
//! `expanded::the_committed_expansion_is_current`; do not edit. Regenerate with
//! `CUSTOMER_BLESS=1 cargo test -p customer-derive expanded`.
//!
//! The derive's output as ordinary code, so that the lints below judge it. The derive puts
//! clippy's allows under `cfg_attr(clippy, ..)`, so that rustc does not check their names on
//! every build; clippy does not lint that in a macro's output, only in this copy.

#![deny(warnings, unused_qualifications, clippy::pedantic)]
#![allow(clippy::unnecessary_clippy_cfg)]
";

/// An item as written, without `CustomerModel` in its derives and without `#[customer]`.
fn strip(mut input: syn::DeriveInput) -> TokenStream {
    fn keep(attrs: &mut Vec<syn::Attribute>) {
        attrs.retain(|a| !a.path().is_ident("customer"));
        for attr in attrs.iter_mut() {
            if !attr.path().is_ident("derive") {
                continue;
            }
            let list: syn::punctuated::Punctuated<syn::Path, syn::Token![,]> = attr
                .parse_args_with(syn::punctuated::Punctuated::parse_terminated)
                .expect("derive lists paths");
            let kept = list.into_iter().filter(|p| !p.is_ident("CustomerModel"));
            *attr = syn::parse_quote!(#[derive(#(#kept),*)]);
        }
        attrs.retain(|a| {
            !(a.path().is_ident("derive") && a.meta.to_token_stream().to_string() == "derive ()")
        });
    }
    keep(&mut input.attrs);
    match &mut input.data {
        syn::Data::Struct(data) => data.fields.iter_mut().for_each(|f| keep(&mut f.attrs)),
        syn::Data::Enum(data) => data.variants.iter_mut().for_each(|v| {
            keep(&mut v.attrs);
            v.fields.iter_mut().for_each(|f| keep(&mut f.attrs));
        }),
        syn::Data::Union(_) => {}
    }
    input.into_token_stream()
}

fn expand_file(source: &str) -> TokenStream {
    let mut out = TokenStream::new();
    for item in items(source.parse().expect("models tokenize")) {
        match syn::parse2::<syn::DeriveInput>(item.clone()) {
            Ok(input) => {
                let expanded = crate::expand::derive_with(&input, true);
                out.extend(strip(input));
                out.extend(expanded);
            }
            Err(_) => out.extend(item),
        }
    }
    out
}

fn rustfmt(code: &str) -> String {
    let mut child = Command::new(std::env::var("RUSTFMT").unwrap_or_else(|_| "rustfmt".into()))
        .args(["--edition", "2021", "--emit", "stdout"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("rustfmt runs (it comes with the toolchain)");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(code.as_bytes())
        .expect("write to rustfmt");
    let output = child.wait_with_output().expect("rustfmt finishes");
    assert!(output.status.success(), "rustfmt refused the expansion");
    String::from_utf8(output.stdout).expect("UTF-8")
}

#[test]
fn the_committed_expansion_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let source = std::fs::read_to_string(root.join("tests/expanded/models.rs")).expect("models");
    let body = expand_file(&source);
    let generated = rustfmt(&format!("{HEADER}\n{}", quote!(#body)));
    let target = root.join("tests/derive_expanded.rs");
    if std::env::var_os("CUSTOMER_BLESS").is_some() {
        std::fs::write(&target, &generated).expect("write tests/derive_expanded.rs");
        return;
    }
    let committed = std::fs::read_to_string(&target).unwrap_or_default();
    assert!(
        committed == generated,
        "tests/derive_expanded.rs is not the current expansion of tests/expanded/models.rs; \
         regenerate it with `CUSTOMER_BLESS=1 cargo test -p customer-derive expanded` and \
         read the diff"
    );
}
