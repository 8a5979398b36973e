//! The derive's own run time, counted by `scripts/bench-derive.sh` under callgrind: the macro runs
//! again on every rebuild of a crate that uses it, compiled unoptimized (Cargo builds proc macros
//! in the dev profile), so its instructions per model are part of every incremental rebuild.
//!
//! `expand_for_callgrind` is ignored by `cargo test`; the script runs it with
//! `CUSTOMER_BENCH_CASE` (`bench`: the `S<i>` model of `scripts/bench-compile.sh`; `models`: every
//! `CustomerModel` item of `tests/expanded/models.rs`) and `CUSTOMER_BENCH_N` (expansions), and
//! counts only inside `bench_loop`. Each round parses the item as the macro does
//! (`syn::parse2::<DeriveInput>`), expands it, and drops the output. Outside the compiler
//! proc-macro2 runs on its own fallback, where an interpolated `TokenStream` costs less than
//! through rustc's bridge: the script's `RUSTC_CRATE` row (rustc itself under callgrind) is the
//! figure users pay; this one is quicker to run, for before/after.

use std::path::Path;

use proc_macro2::TokenStream;

use crate::ui_messages::items;

/// The model `scripts/bench-compile.sh` writes 50 times (as `S1`: it nests `S0`).
const BENCH_MODEL: &str = r#"
#[derive(CustomerModel, Debug, serde::Deserialize)]
pub struct S1 {
    #[customer(pattern = "^c1_[a-z\\d]{26}$")]
    pub id: String,
    #[customer(email)]
    pub email: String,
    #[customer(length(max = 255))]
    pub name: Option<String>,
    #[customer(locale)]
    pub locale: String,
    #[customer(length(min = 1, max = 16))]
    pub postal_code: Option<String>,
    #[customer(nested)]
    pub inner: Option<Box<S0>>,
}
"#;

fn inputs(case: &str) -> Vec<TokenStream> {
    let source = match case {
        "bench" => BENCH_MODEL.to_owned(),
        "models" => {
            let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
            std::fs::read_to_string(root.join("tests/expanded/models.rs")).expect("models")
        }
        "every" => return every(),
        other => panic!("CUSTOMER_BENCH_CASE is `bench`, `models` or `every`, not `{other}`"),
    };
    derived(source.parse().expect("models tokenize"))
}

/// The `CustomerModel` items among the top-level items of `tokens`.
fn derived(tokens: TokenStream) -> Vec<TokenStream> {
    items(tokens)
        .into_iter()
        .filter(|item| {
            syn::parse2::<syn::DeriveInput>(item.clone()).is_ok_and(|input| {
                input.attrs.iter().any(|a| {
                    a.path().is_ident("derive")
                        && quote::ToTokens::to_token_stream(&a.meta)
                            .to_string()
                            .contains("CustomerModel")
                })
            })
        })
        .collect()
}

/// Every `CustomerModel` item of the workspace's Rust files (tests, UI cases, examples, the
/// providers' models), at any depth (in functions and modules): a corpus to compare the derive's
/// output before and after a change to its internals (`CUSTOMER_BENCH_DUMP`).
fn every() -> Vec<TokenStream> {
    fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        entries.sort();
        for path in entries {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            if path.is_dir() && !name.starts_with('.') && name != "target" {
                files(&path, out);
            } else if name.ends_with(".rs") {
                out.push(path);
            }
        }
    }
    fn walk(tokens: TokenStream, out: &mut Vec<TokenStream>) {
        for tree in tokens.clone() {
            if let proc_macro2::TokenTree::Group(group) = tree {
                walk(group.stream(), out);
            }
        }
        out.extend(derived(tokens));
    }
    let mut paths = Vec::new();
    files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
        &mut paths,
    );
    let mut out = Vec::new();
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        if let Ok(tokens) = source.parse() {
            walk(tokens, &mut out);
        }
    }
    out
}

/// The counted loop (callgrind's `--toggle-collect`).
#[inline(never)]
fn bench_loop(inputs: &[TokenStream], n: usize) {
    for _ in 0..n {
        for item in inputs {
            let input = syn::parse2::<syn::DeriveInput>(item.clone()).expect("a model");
            drop(std::hint::black_box(crate::expand::derive(&input)));
        }
    }
}

/// The tokens of `stream`, a group's delimiters counted as one token.
fn leaves(stream: TokenStream) -> usize {
    stream
        .into_iter()
        .map(|tree| match tree {
            proc_macro2::TokenTree::Group(group) => 1 + leaves(group.stream()),
            _ => 1,
        })
        .sum()
}

#[test]
#[ignore = "a measurement: scripts/bench-derive.sh runs it under callgrind"]
fn expand_for_callgrind() {
    let case = std::env::var("CUSTOMER_BENCH_CASE").unwrap_or_else(|_| "bench".into());
    let n = std::env::var("CUSTOMER_BENCH_N").map_or(1, |n| n.parse().expect("a count"));
    let inputs = inputs(&case);
    assert!(!inputs.is_empty(), "no CustomerModel item in case `{case}`");
    // The size of the output, outside the counted loop.
    let tokens: usize = inputs
        .iter()
        .map(|item| {
            let input = syn::parse2::<syn::DeriveInput>(item.clone()).expect("a model");
            leaves(crate::expand::derive(&input))
        })
        .sum();
    // `CUSTOMER_BENCH_DUMP=file`: the output of every model, one line each (to compare the
    // output before and after a change to the derive's internals).
    if let Ok(file) = std::env::var("CUSTOMER_BENCH_DUMP") {
        let dump: String = inputs
            .iter()
            .map(|item| {
                let input = syn::parse2::<syn::DeriveInput>(item.clone()).expect("a model");
                format!("{}\n", crate::expand::derive_with(&input, true))
            })
            .collect();
        std::fs::write(file, dump).expect("the dump is written");
    }
    bench_loop(&inputs, n);
    println!(
        "case {case}: {} models, {tokens} output tokens a round",
        inputs.len()
    );
}
