//! The impl emitted next to compile errors, so that one mistake does not also break every use
//! of the type.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::DeriveInput;

use super::newtype;
use super::tokens::wrap;
use crate::ast::{self, Container, Data};
use crate::attr::ConversionKind;

pub(super) fn fallback(container: &Container, input: &DeriveInput) -> TokenStream {
    if matches!(container.data, Data::Union(_)) {
        return TokenStream::new();
    }
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let mut extra = TokenStream::new();
    let has_container_attr = input.attrs.iter().any(|a| a.path().is_ident("customer"));
    if let (Some(field), true, None) = (
        container.newtype_field(),
        has_container_attr,
        &container.attrs.context,
    ) {
        // Only text newtypes: the impls of other inners need traits the inner may lack, which
        // would add errors to the one being reported.
        // Not next to serde's own derive: its impls would conflict with these.
        if container.generics.params.is_empty()
            && ast::is_string(field.ty)
            && crate::check::serde_on_newtype(input).is_empty()
        {
            extra.extend(newtype::expand_newtype(container, field));
        }
    }
    if let Data::Struct(..) = container.data {
        extra.extend(conversions(container));
    }
    if looks_field_less(container) {
        extra.extend(quote! {
            impl #impl_generics #ident #ty_generics #where_clause {
                /// The name of this value on the wire.
                pub fn as_str(&self) -> &str {
                    ::core::unimplemented!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ident #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unimplemented!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::str::FromStr for #ident #ty_generics #where_clause {
                type Err = #krate::RuleError;
                fn from_str(_: &str) -> ::core::result::Result<Self, Self::Err> {
                    ::core::unimplemented!()
                }
            }
        });
    }
    let p = krate;
    let model = match &container.attrs.context {
        Some(context) => quote! {
            #[automatically_derived]
            impl #impl_generics #p::CustomerModelWith<#context> for #ident #ty_generics #where_clause {
                fn validate_into_with(&self, _: &#context, _: &#p::Path<'_>, _: &mut #p::ValidationErrors) {}
            }
            #[automatically_derived]
            impl #impl_generics #p::ModelContext for #ident #ty_generics #where_clause {
                type Context = #context;
                fn validate_in_context(&self, _: &#context) -> ::core::result::Result<(), #p::ValidationErrors> {
                    ::core::result::Result::Ok(())
                }
            }
        },
        None => quote! {
            #[automatically_derived]
            impl #impl_generics #p::CustomerModel for #ident #ty_generics #where_clause {
                fn validate_into(&self, _: &#p::Path<'_>, _: &mut #p::ValidationErrors) {}
            }
        },
    };
    wrap(
        quote! {
            #extra
            #model
            #[automatically_derived]
            impl #impl_generics #krate::shape::Shape for #ident #ty_generics #where_clause {}
        },
        false,
    )
}

/// A field-less enum, perhaps with a catch-all variant whose `#[customer(other)]` is misspelt
/// (an untagged `Other(String)`): gets the stubs of `as_str`, `Display` and `FromStr`, which an
/// enum whose variants carry data does not have.
fn looks_field_less(container: &Container) -> bool {
    let Data::Enum(variants) = &container.data else {
        return false;
    };
    variants.iter().all(|variant| match variant.style {
        ast::Style::Unit => true,
        ast::Style::Tuple => {
            variant.attrs.other.is_some()
                || (variant.untagged
                    && variant.fields.len() == 1
                    && ast::is_string(variant.fields[0].ty))
        }
        ast::Style::Named => false,
    })
}

/// Stubs of the container's conversions, so that `Customer::try_from(form)` elsewhere does not
/// add an error to the one being reported. A conversion listed twice, or `from` next to
/// `try_from` of the same type (an error of its own), gets one stub per impl.
fn conversions(container: &Container) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let mut seen: Vec<(bool, String)> = Vec::new();
    let mut out = TokenStream::new();
    for conversion in &container.attrs.conversions {
        let other = &conversion.ty;
        let incoming = matches!(
            conversion.kind,
            ConversionKind::From | ConversionKind::TryFrom
        );
        let key = (incoming, other.to_token_stream().to_string());
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let body = quote!(::core::unimplemented!(
            "`#[derive(CustomerModel)]` reported an error"
        ));
        out.extend(quote_spanned! {conversion.span=>
            #[automatically_derived]
        });
        out.extend(match conversion.kind {
            ConversionKind::From => quote! {
                impl #impl_generics ::core::convert::From<#other> for #ident #ty_generics #where_clause {
                    fn from(_: #other) -> Self { #body }
                }
            },
            ConversionKind::Into => quote! {
                impl #impl_generics ::core::convert::From<#ident #ty_generics> for #other #where_clause {
                    fn from(_: #ident #ty_generics) -> Self { #body }
                }
            },
            ConversionKind::TryFrom => quote! {
                impl #impl_generics ::core::convert::TryFrom<#other> for #ident #ty_generics #where_clause {
                    type Error = #krate::ValidationErrors;
                    fn try_from(_: #other) -> ::core::result::Result<Self, Self::Error> { #body }
                }
            },
            ConversionKind::TryInto => quote! {
                impl #impl_generics ::core::convert::TryFrom<#ident #ty_generics> for #other #where_clause {
                    type Error = #krate::ValidationErrors;
                    fn try_from(_: #ident #ty_generics) -> ::core::result::Result<Self, Self::Error> { #body }
                }
            },
        });
    }
    out
}
