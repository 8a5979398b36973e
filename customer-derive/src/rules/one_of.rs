//! `one_of("a", "b")`: exactly one of a closed list.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;
use syn::punctuated::Punctuated;
use syn::Token;

use super::bounds::Bound;
use super::kind::{Class, Emit, RuleKind};
use crate::attr::parse::has_args;
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;

pub(crate) struct OneOf {
    /// The allowed values, without repeats.
    pub values: Vec<String>,
}

impl RuleKind for OneOf {
    const NAME: &'static str = "one_of";
    const CLASS: Class = Class::Scalar;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        let needs = "`one_of` needs its values: `one_of(\"active\", \"archived\")`";
        if !has_args(cx, meta, needs)? {
            return Ok(None);
        }
        let content;
        syn::parenthesized!(content in meta.input);
        let items = Punctuated::<syn::Lit, Token![,]>::parse_terminated(&content)?;
        let mut values: Vec<String> = Vec::new();
        for item in items {
            match item {
                syn::Lit::Str(lit) if values.contains(&lit.value()) => {
                    cx.error_spanned_by(
                        &lit,
                        "this value is already in the `one_of` list: remove it",
                    );
                }
                syn::Lit::Str(lit) => values.push(lit.value()),
                other => cx.error_spanned_by(
                    other,
                    "`one_of` lists string literals: `one_of(\"a\", \"b\")`",
                ),
            }
        }
        Ok(Some(OneOf { values }))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Text.on(subject, krate)
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (rules, value, values) = (e.rules(), e.value(), &self.values);
        e.push_on_err(quote_spanned!(e.span=> #rules::one_of::check(#value, &[#(#values),*])))
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema, nullable) = (cx.builders(), cx.schema, cx.nullable);
        let values = &self.values;
        quote::quote!(#s::one_of(#schema, &[#(#values),*], #nullable);)
    }
}
