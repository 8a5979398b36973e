//! The traits a rule needs of the type it checks, as `where` predicates for generic fields.

use proc_macro2::TokenStream;
use quote::quote;

/// What a rule needs of the type it looks at.
#[derive(Clone, Copy)]
pub(crate) enum Bound {
    /// Text: `rules::Text` (`String`, `&str`, `Cow<str>`, parsed newtypes).
    Text,
    /// A length: `rules::HasLength` (text and collections).
    Length,
    /// Writable as JSON: `serde::Serialize`.
    Serialize,
    /// Comparable with its limits and shown in messages: `PartialOrd + Display`.
    Ordered,
    /// A model: `CustomerModel`.
    Model,
}

impl Bound {
    /// `subject: Trait`.
    pub(crate) fn on(self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        let p = quote!(#krate);
        Some(match self {
            Bound::Text => quote!(#subject: #p::rules::Text),
            Bound::Length => quote!(#subject: #p::rules::HasLength),
            Bound::Serialize => quote!(#subject: #p::serde::Serialize),
            Bound::Ordered => quote!(#subject: ::core::cmp::PartialOrd + ::core::fmt::Display),
            Bound::Model => quote!(#subject: #p::CustomerModel),
        })
    }
}
