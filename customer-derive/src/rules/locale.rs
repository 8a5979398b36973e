//! `locale`, `locale(short)`: an RFC 5646 language tag.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;

use super::bounds::Bound;
use super::kind::{Class, Emit, RuleKind};
use crate::attr::parse::{bare, key_span, options, unknown, Seen};
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;

pub(crate) struct Locale {
    /// `locale(short)`: language(-Script)(-REGION) only.
    pub short: bool,
}

impl RuleKind for Locale {
    const NAME: &'static str = "locale";
    const CLASS: Class = Class::Format;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        let mut rule = Locale { short: false };
        let mut seen = Seen::default();
        options(cx, meta, "locale", "locale(short)", |key, inner| {
            seen.check(cx, key, key_span(&inner.path));
            match key {
                "short" => {
                    bare(cx, inner, "short")?;
                    rule.short = true;
                    Ok(())
                }
                _ => unknown(cx, inner, key, &["short"], "`locale`"),
            }
        })?;
        Ok(Some(rule))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Text.on(subject, krate)
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (rules, value) = (e.rules(), e.value());
        let call = if self.short {
            quote_spanned!(e.span=> #rules::locale::check_short(#value))
        } else {
            quote_spanned!(e.span=> #rules::locale::check(#value))
        };
        e.push_on_err(call)
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        let short = self.short;
        quote::quote!(#s::locale(#schema, #short);)
    }
}
