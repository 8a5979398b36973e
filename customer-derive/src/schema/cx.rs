//! What a rule's JSON Schema keywords are emitted with: the context ([`SchemaCx`]) and the text
//! of paths and expressions. Below the rule table and `schema.rs`, which both use it.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use crate::attr::parse::Count;
use crate::trees::Trees;

/// A path as text without spaces (`crate::checks::whole`).
pub(crate) fn path_string(path: &syn::Path) -> String {
    path.to_token_stream().to_string().replace(' ', "")
}

/// Where a rule's JSON Schema keywords are emitted: see [`crate::rules::RuleKind::schema`].
pub(crate) struct SchemaCx<'a> {
    /// The path of the runtime crate (`::customer_core` or `crate = …`).
    pub krate: &'a Trees,
    /// The `&mut schemars::Schema` variable the keywords are added to.
    pub schema: &'a TokenStream,
    /// The `&mut SchemaGenerator` variable.
    pub gen: &'a TokenStream,
    /// Whether the schema accepts `null` (for `enum`).
    pub nullable: bool,
}

impl SchemaCx<'_> {
    /// `KRATE::__private::schema`: the keyword builders, by the alias [`builders`] names.
    pub(crate) fn builders(&self) -> Trees {
        builders()
    }
}

/// The alias of `KRATE::__private::schema` (the keyword builders) in the generated code: the
/// `JsonSchema` impl is emitted after `use KRATE::__private::schema as __sc;`.
pub(crate) fn builders() -> Trees {
    Trees::ident(proc_macro2::Ident::new(
        "__sc",
        proc_macro2::Span::call_site(),
    ))
}

/// The tokens as text, without the spaces `to_string` puts between tokens where Rust has none.
pub(crate) fn expr_string(tokens: &TokenStream) -> String {
    let text = tokens.to_string();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' {
            let next = chars.peek().copied().unwrap_or(' ');
            let prev = out.chars().last().unwrap_or(' ');
            if next == '.'
                || prev == '.'
                || next == ':'
                || prev == ':'
                || next == '('
                || next == ')'
                || prev == '('
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// A bound given as an expression (`ctx.name_max`, `MAX_NAME`): noted, since only the
/// validation code evaluates it (evaluating it here too would report its mistakes twice).
pub(crate) fn runtime_bound(
    s: &TokenStream,
    schema: &TokenStream,
    rule: &str,
    key: &str,
    count: &Count,
) -> TokenStream {
    let text = count
        .expr()
        .map(|expr| expr_string(&expr.to_token_stream()))
        .unwrap_or_default();
    quote!(#s::runtime_bound(#schema, #rule, #key, #text);)
}
