//! Field-less enums that derive serde: `as_str()`, `Display` and `FromStr` by their serde
//! names, with an optional `#[customer(other)]` variant that keeps unknown values.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Variant};

pub(super) fn expand_enum(container: &Container, variants: &[Variant]) -> TokenStream {
    let krate = &container.krate;
    let p = krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let other = variants.iter().find(|v| v.attrs.other.is_some());
    let known: Vec<&Variant> = variants
        .iter()
        .filter(|v| v.attrs.other.is_none())
        .collect();
    let names: Vec<&String> = known.iter().map(|v| &v.wire_name).collect();
    let idents: Vec<&syn::Ident> = known.iter().map(|v| v.ident).collect();
    let (other_as_str, other_parse) = match other {
        Some(variant) => {
            let v = variant.ident;
            (
                quote!(#ident::#v(value) => value,),
                quote!(__p::Ok(#ident::#v(::core::convert::From::from(value)))),
            )
        }
        None => (
            TokenStream::new(),
            quote!(__p::Err(#p::rules::one_of::error(&[#(#names),*]))),
        ),
    };
    let as_str_body = if variants.is_empty() {
        quote!(match *self {})
    } else {
        quote! {
            match self {
                #(#ident::#idents => #names,)*
                #other_as_str
            }
        }
    };
    let error_ty = if other.is_some() {
        quote!(::core::convert::Infallible)
    } else {
        quote!(#p::RuleError)
    };
    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            /// The name of this value on the wire.
            #[must_use]
            pub fn as_str(&self) -> &str {
                #as_str_body
            }
        }
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        #[automatically_derived]
        impl #impl_generics ::core::str::FromStr for #ident #ty_generics #where_clause {
            type Err = #error_ty;
            fn from_str(value: &str) -> __p::Result<Self, Self::Err> {
                match value {
                    #(#names => __p::Ok(#ident::#idents),)*
                    _ => #other_parse,
                }
            }
        }
        #[automatically_derived]
        impl #impl_generics #p::CustomerModel for #ident #ty_generics #where_clause {
            #[inline]
            fn validate_into(&self, _: &#p::Path<'_>, _: &mut #p::ValidationErrors) {}
        }
    }
}
