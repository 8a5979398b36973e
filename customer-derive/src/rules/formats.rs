//! `country`, `phone`, `url`, `timestamp`: formats that take no arguments and call
//! `rules::NAME::check(value)`.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;

use super::{Bound, Class, Emit, RuleKind};
use crate::attr::parse::bare;
use crate::ctxt::Ctxt;

macro_rules! format_rule {
    ($($(#[$doc:meta])* $ty:ident = $name:literal, $module:ident;)*) => {$(
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
        }
    )*};
}

format_rule! {
    /// `country`: an assigned ISO 3166-1 alpha-2 code.
    Country = "country", country;
    /// `phone`: an E.164 number.
    Phone = "phone", phone;
    /// `url`: an absolute http(s) URL.
    Url = "url", url;
    /// `timestamp`: an RFC 3339 date-time.
    Timestamp = "timestamp", timestamp;
}
