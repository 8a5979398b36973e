//! Parsed newtypes: `#[customer(email)] struct Email(String);` gets validating construction,
//! serde impls whose `Deserialize` validates, and, for text, `FromStr`, `AsRef<str>`, `Deref`,
//! `Display` and `From<Email> for String`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{self, Container, Field};

pub(super) fn expand_newtype(container: &Container, field: &Field) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let inner = field.ty;
    let p = krate;
    let target = if ast::is_string(inner) {
        quote!(str)
    } else {
        quote!(#inner)
    };
    // Validating construction and serde, whatever the inner type.
    let common = quote! {
        #[automatically_derived]
        impl #impl_generics ::core::ops::Deref for #ident #ty_generics #where_clause {
            type Target = #target;
            #[inline]
            fn deref(&self) -> &#target {
                &self.0
            }
        }
        #[automatically_derived]
        impl #impl_generics #p::serde::Serialize for #ident #ty_generics #where_clause {
            fn serialize<__S: #p::serde::Serializer>(&self, serializer: __S) -> __p::Result<__S::Ok, __S::Error> {
                #p::serde::Serialize::serialize(&self.0, serializer)
            }
        }
        #[automatically_derived]
        impl #impl_generics ::core::convert::TryFrom<#inner> for #ident #ty_generics #where_clause {
            type Error = #p::ValidationErrors;
            fn try_from(value: #inner) -> __p::Result<Self, Self::Error> {
                let value = #ident(value);
                #p::CustomerModel::validate(&value)?;
                __p::Ok(value)
            }
        }
        #[automatically_derived]
        impl<'de> #p::serde::Deserialize<'de> for #ident {
            fn deserialize<__D: #p::serde::Deserializer<'de>>(deserializer: __D) -> __p::Result<Self, __D::Error> {
                #p::deserialize_checked::<Self, #inner, __D>(deserializer)
            }
        }
    };
    if !ast::is_string(inner) {
        return common;
    }
    let text = expand_text(container, field);
    quote!(#common #text)
}

/// What a newtype of `String` adds: parsing from `&str`, and reading as text.
fn expand_text(container: &Container, field: &Field) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let inner = field.ty;
    let p = krate;
    quote! {
            #[automatically_derived]
            impl #impl_generics ::core::convert::TryFrom<&str> for #ident #ty_generics #where_clause {
                type Error = #p::ValidationErrors;
                fn try_from(value: &str) -> __p::Result<Self, Self::Error> {
                    <Self as ::core::convert::TryFrom<#inner>>::try_from(::core::convert::From::from(value))
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::str::FromStr for #ident #ty_generics #where_clause {
                type Err = #p::ValidationErrors;
                fn from_str(value: &str) -> __p::Result<Self, Self::Err> {
                    <Self as ::core::convert::TryFrom<&str>>::try_from(value)
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::convert::AsRef<str> for #ident #ty_generics #where_clause {
                #[inline]
                fn as_ref(&self) -> &str {
                    &self.0
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(&self.0)
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::convert::From<#ident #ty_generics> for #inner #where_clause {
                fn from(value: #ident #ty_generics) -> #inner {
                    value.0
                }
            }
            #[automatically_derived]
            impl #impl_generics #p::rules::Text for #ident #ty_generics #where_clause {
                #[inline]
                fn text(&self) -> &str {
                    &self.0
                }
            }
            #[automatically_derived]
            impl #impl_generics #p::rules::HasLength for #ident #ty_generics #where_clause {
                #[inline]
                fn length(&self) -> usize {
                    #p::rules::char_count(&self.0)
                }
            }
    }
}
