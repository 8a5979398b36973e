//! `range(min = …, max = …)`: a number within inclusive bounds, given as any expression of the
//! field's type.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::Expr;

use super::bounds::Bound;
use super::kind::{Class, Emit, RuleKind};
use crate::attr::parse::{expr_value, has_args, int_of, key_name, key_span, unknown, Seen};
use crate::ctxt::Ctxt;
use crate::schema::cx::{expr_string, SchemaCx};

pub(crate) struct Range {
    pub min: Option<Box<Expr>>,
    pub max: Option<Box<Expr>>,
}

impl RuleKind for Range {
    const NAME: &'static str = "range";
    const CLASS: Class = Class::Scalar;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        let needs = "`range` needs `min`, `max` or both: `range(min = 1, max = 10)`";
        if !has_args(cx, meta, needs)? {
            return Ok(None);
        }
        let mut rule = Range {
            min: None,
            max: None,
        };
        let mut seen = Seen::default();
        meta.parse_nested_meta(|inner| {
            let key = key_name(&inner);
            seen.check(cx, &key, key_span(&inner.path));
            match key.as_str() {
                "min" => rule.min = Some(Box::new(expr_value(&inner, "min", "min = 1")?)),
                "max" => rule.max = Some(Box::new(expr_value(&inner, "max", "max = 10")?)),
                _ => unknown(cx, &inner, &key, &["min", "max"], "`range`")?,
            }
            Ok(())
        })?;
        if rule.min.is_none() && rule.max.is_none() {
            cx.error_at(key_span(&meta.path), needs);
        }
        let literal = |expr: &Option<Box<Expr>>| expr.as_deref().and_then(int_of);
        if let (Some(lo), Some(hi)) = (literal(&rule.min), literal(&rule.max)) {
            if lo > hi {
                cx.error_spanned_by(
                    rule.min.as_ref(),
                    format!("`min` ({lo}) is greater than `max` ({hi}): no value could pass"),
                );
            }
        }
        Ok(Some(rule))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Ordered.on(subject, krate)
    }

    fn arguments(&self) -> Vec<&syn::Expr> {
        [&self.min, &self.max]
            .into_iter()
            .filter_map(|expr| expr.as_deref())
            .collect()
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (rules, value) = (e.rules(), e.value());
        let bound = |expr: &Option<Box<Expr>>| match expr {
            Some(expr) => quote_spanned!(expr.span()=> __p::Some(&(#expr))),
            None => quote!(__p::None),
        };
        let (min, max) = (bound(&self.min), bound(&self.max));
        e.push_on_err(quote_spanned!(e.span=> #rules::range::check(#value, #min, #max)))
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        let mut runtime = TokenStream::new();
        let mut bound = |key: &str, expr: &Option<Box<syn::Expr>>| match expr {
            Some(expr) if mentions_ctx(&expr.to_token_stream()) => {
                let text = expr_string(&expr.to_token_stream());
                runtime.extend(quote!(#s::runtime_bound(#schema, "range", #key, #text);));
                quote!(__p::None)
            }
            // Not typed by the field: a bound of the wrong type is reported once, by the
            // validation code, not again here.
            Some(expr) => quote! {
                __p::Some(#s::bound(&(#expr)))
            },
            None => quote!(__p::None),
        };
        let (min, max) = (bound("min", &self.min), bound("max", &self.max));
        quote!(#s::range(#schema, #min, #max); #runtime)
    }
}

/// `true` when the tokens name `ctx`, the validation context, which a schema cannot know.
fn mentions_ctx(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|tt| match tt {
        proc_macro2::TokenTree::Ident(ident) => ident == "ctx",
        proc_macro2::TokenTree::Group(group) => mentions_ctx(&group.stream()),
        _ => false,
    })
}
