//! `metadata`, `metadata(max_bytes = N)`, `metadata(json_string)`: the size of a value's
//! compact JSON, or text that must hold JSON.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;

use super::bounds::Bound;
use super::kind::{Class, Emit, RuleKind};
use crate::attr::parse::{bare, count_value, key_span, options, unknown, Count, Seen};
use crate::ctxt::Ctxt;
use crate::schema::cx::{runtime_bound, SchemaCx};

pub(crate) struct Metadata {
    /// The most bytes of compact JSON (default 1024): a literal or an expression.
    pub max_bytes: Option<Count>,
    /// The value is text that must itself hold JSON.
    pub json_string: bool,
}

impl RuleKind for Metadata {
    const NAME: &'static str = "metadata";
    const CLASS: Class = Class::Any;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        let mut rule = Metadata {
            max_bytes: None,
            json_string: false,
        };
        let mut seen = Seen::default();
        let example = "metadata(max_bytes = 1024)";
        options(cx, meta, "metadata", example, |key, inner| {
            seen.check(cx, key, key_span(&inner.path));
            match key {
                "max_bytes" => match count_value(cx, inner, "max_bytes")? {
                    Some(Count::Lit(0, lit)) => {
                        cx.error_spanned_by(lit, "`max_bytes` must be at least 1");
                    }
                    Some(count) => rule.max_bytes = Some(count),
                    None => {}
                },
                "json_string" => {
                    bare(cx, inner, "json_string")?;
                    rule.json_string = true;
                }
                _ => unknown(cx, inner, key, &["max_bytes", "json_string"], "`metadata`")?,
            }
            Ok(())
        })?;
        Ok(Some(rule))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        if self.json_string {
            Bound::Text.on(subject, krate)
        } else {
            Bound::Serialize.on(subject, krate)
        }
    }

    fn arguments(&self) -> Vec<&syn::Expr> {
        self.max_bytes.iter().filter_map(Count::expr).collect()
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (krate, rules, value) = (e.krate, e.rules(), e.value());
        let max_bytes = self
            .max_bytes
            .as_ref()
            .map_or_else(|| quote::quote!(1024usize), Count::tokens);
        let call = if self.json_string {
            quote_spanned!(e.span=> #rules::metadata::check_json_string(#value, #max_bytes))
        } else {
            // Autoref dispatch: a `serde_json::Value` is walked directly, anything else
            // `Serialize` goes through the counting serializer.
            quote_spanned! {e.span=>
                {
                    #[allow(unused_imports)]
                    use #krate::{MetadataViaSerialize as _, MetadataViaValue as _};
                    (&#krate::MetadataProbe(#value)).check_metadata(#max_bytes)
                }
            }
        };
        e.push_on_err(call)
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        let json_string = self.json_string;
        match &self.max_bytes {
            Some(count) if count.literal().is_none() => {
                let runtime = runtime_bound(&s, schema, "metadata", "max_bytes", count);
                quote::quote!(#s::metadata(#schema, __p::None, #json_string); #runtime)
            }
            count => {
                let max = count.as_ref().and_then(Count::literal).unwrap_or(1024);
                quote::quote!(#s::metadata(#schema, __p::Some(#max), #json_string);)
            }
        }
    }
}
