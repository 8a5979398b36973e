//! `country`, `phone`, `url`, `timestamp`: formats that take no arguments, call
//! `rules::NAME::check(value)` and have the keywords of `schema::NAME(schema)`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;

use super::bounds::Bound;
use super::kind::{Class, Emit, RuleKind};
use crate::attr::parse::bare;
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;

macro_rules! format_rule {
    ($($(#[$doc:meta])* $ty:ident = $name:literal, $module:ident, nullable = $nullable:literal;)*) => {$(
        $(#[$doc])*
        pub(crate) struct $ty;

        impl RuleKind for $ty {
            const NAME: &'static str = $name;
            const CLASS: Class = Class::Format;

            fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
                bare(cx, meta, $name)?;
                Ok(Some($ty))
            }

            fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
                Bound::Text.on(subject, krate)
            }

            fn emit(&self, e: &Emit) -> TokenStream {
                let (rules, value) = (e.rules(), e.value());
                e.push_on_err(quote_spanned!(e.span=> #rules::$module::check(#value)))
            }

            fn schema(&self, cx: &SchemaCx) -> TokenStream {
                keywords(cx, stringify!($module), $nullable)
            }
        }
    )*};
}

format_rule! {
    /// `country`: an assigned ISO 3166-1 alpha-2 code.
    Country = "country", country, nullable = true;
    /// `phone`: an E.164 number.
    Phone = "phone", phone, nullable = false;
    /// `url`: an absolute http(s) URL.
    Url = "url", url, nullable = false;
    /// `timestamp`: an RFC 3339 date-time.
    Timestamp = "timestamp", timestamp, nullable = false;
}

/// `schema::MODULE(schema)`; with `nullable` too for a format whose keywords are an `enum`
/// (`country`), which must list `null` when the schema accepts it.
fn keywords(cx: &SchemaCx, module: &str, nullable: bool) -> TokenStream {
    let (s, schema) = (cx.builders(), cx.schema);
    let module = syn::Ident::new(module, Span::call_site());
    if nullable {
        let nullable = cx.nullable;
        quote!(#s::#module(#schema, #nullable);)
    } else {
        quote!(#s::#module(#schema);)
    }
}
