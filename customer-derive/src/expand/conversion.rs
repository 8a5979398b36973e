//! Field-mapped conversions: `from`, `into`, `try_from`, `try_into`, shaped by the fields'
//! `rename`, `with`, `default`, `skip` and `skip_conversion`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::ast::{Container, Field, Wire};
use crate::attr::{Conversion, ConversionKind};

pub(super) fn expand_conversion(
    container: &Container,
    fields: &[Field],
    conversion: &Conversion,
) -> TokenStream {
    let conv = Conv {
        container,
        fields,
        conversion,
    };
    match conversion.kind {
        ConversionKind::From => from_impl(&conv),
        ConversionKind::Into => into_impl(&conv),
        ConversionKind::TryFrom | ConversionKind::TryInto => try_impl(&conv),
    }
}

/// One conversion of one container.
#[derive(Clone, Copy)]
struct Conv<'c, 'a> {
    container: &'c Container<'a>,
    fields: &'c [Field<'a>],
    conversion: &'c Conversion,
}

/// The other type's name for a field: its `rename`, or its own name.
fn other_member(field: &Field) -> syn::Member {
    match (&field.attrs.rename, field.ident) {
        (Some(rename), _) => {
            syn::Member::Named(format_ident!("{}", rename.value(), span = rename.span()))
        }
        (None, Some(ident)) => syn::Member::Named(ident.clone()),
        (None, None) => field.member.clone(),
    }
}

/// The field's key on the wire, where conversion errors are reported.
fn wire_key(field: &Field) -> String {
    match &field.wire {
        Wire::Key(key) => key.clone(),
        _ => field.ident.map(ToString::to_string).unwrap_or_default(),
    }
}

/// `impl From<Other> for Self`.
fn from_impl(conv: &Conv) -> TokenStream {
    let Conv {
        container,
        fields,
        conversion,
    } = *conv;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let other = &conversion.ty;
    let span = conversion.span;
    let src = quote!(__customer_source);
    let inits = fields.iter().map(|field| {
        let member = &field.member;
        if field.attrs.unmapped() || field.attrs.default.is_some() {
            return quote!(#member: ::core::default::Default::default());
        }
        let from = other_member(field);
        match &field.attrs.with {
            Some(with) => quote_spanned!(with.span()=> #member: #with(#src.#from)),
            None => quote!(#member: ::core::convert::Into::into(#src.#from)),
        }
    });
    quote_spanned! {span=>
        #[automatically_derived]
        impl #impl_generics ::core::convert::From<#other> for #ident #ty_generics #where_clause {
            fn from(#src: #other) -> Self {
                #ident { #(#inits,)* }
            }
        }
    }
}

/// `impl From<Self> for Other`, the other fields filled with `Default`.
fn into_impl(conv: &Conv) -> TokenStream {
    let Conv {
        container,
        fields,
        conversion,
    } = *conv;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let other = &conversion.ty;
    let span = conversion.span;
    let src = quote!(__customer_source);
    let inits = fields.iter().filter(|f| !f.attrs.unmapped()).map(|field| {
        let member = &field.member;
        let to = other_member(field);
        match &field.attrs.with {
            Some(with) => quote_spanned!(with.span()=> #to: #with(#src.#member)),
            None => quote!(#to: ::core::convert::Into::into(#src.#member)),
        }
    });
    quote_spanned! {span=>
        #[automatically_derived]
        impl #impl_generics ::core::convert::From<#ident #ty_generics> for #other #where_clause {
            #[allow(clippy::needless_update)]
            fn from(#src: #ident #ty_generics) -> Self {
                #other { #(#inits,)* ..::core::default::Default::default() }
            }
        }
    }
}

/// `impl TryFrom<Other> for Self` or `impl TryFrom<Self> for Other`: every field converted,
/// every failure reported at the field, and the result validated.
fn try_impl(conv: &Conv) -> TokenStream {
    let Conv {
        container,
        fields,
        conversion,
    } = *conv;
    let krate = &container.krate;
    let p = quote!(#krate::__private);
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let other = &conversion.ty;
    let span = conversion.span;
    let src = quote!(__customer_source);
    let from_other = conversion.kind == ConversionKind::TryFrom;
    let mut lets = TokenStream::new();
    let mut bound: Vec<syn::Ident> = Vec::new();
    let mut inits: Vec<TokenStream> = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let member = &field.member;
        let theirs = other_member(field);
        let (target, source, key) = if from_other {
            (member.clone(), theirs, wire_key(field))
        } else {
            (
                theirs.clone(),
                member.clone(),
                theirs.to_token_stream().to_string(),
            )
        };
        if field.attrs.unmapped() {
            if from_other {
                inits.push(quote!(#target: ::core::default::Default::default()));
            }
            continue;
        }
        if from_other && field.attrs.default.is_some() {
            inits.push(quote!(#target: ::core::default::Default::default()));
            continue;
        }
        let var = format_ident!("__customer_f{}", i);
        let convert = match &field.attrs.with {
            Some(with) => quote_spanned! {with.span()=>
                #p::absorb_result(#with(#src.#source), &#p::Path::key(&#p::Path::ROOT, #key), &mut __customer_report)
            },
            None => quote! {
                #p::convert_field(#src.#source, &#p::Path::key(&#p::Path::ROOT, #key), &mut __customer_report)
            },
        };
        lets.extend(quote!(let #var = #convert;));
        inits.push(quote!(#target: #var));
        bound.push(var);
    }
    let (impl_line, target_ty, built) = if from_other {
        (
            quote!(impl #impl_generics ::core::convert::TryFrom<#other> for #ident #ty_generics #where_clause),
            quote!(#other),
            quote!(#ident { #(#inits,)* }),
        )
    } else {
        (
            quote!(impl #impl_generics ::core::convert::TryFrom<#ident #ty_generics> for #other #where_clause),
            quote!(#ident #ty_generics),
            quote!(#other { #(#inits,)* ..::core::default::Default::default() }),
        )
    };
    let somes = bound
        .iter()
        .map(|v| quote!(::core::option::Option::Some(#v)));
    quote_spanned! {span=>
        #[automatically_derived]
        #impl_line {
            type Error = #p::ValidationErrors;
            #[allow(clippy::needless_update)]
            fn try_from(#src: #target_ty) -> ::core::result::Result<Self, #p::ValidationErrors> {
                let mut __customer_report = #p::ValidationErrors::new();
                #lets
                match (#(#bound,)*) {
                    (#(#somes,)*) => {
                        let __customer_value = #built;
                        #p::CustomerModel::validate(&__customer_value)?;
                        ::core::result::Result::Ok(__customer_value)
                    }
                    #[allow(unreachable_patterns)]
                    _ => ::core::result::Result::Err(__customer_report),
                }
            }
        }
    }
}
