//! Field-mapped conversions: `from`, `into`, `try_from`, `try_into`, shaped by the fields'
//! `maps_to`, `with`, `default`, `skip` and `skip_conversion`.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::ast::{Container, Field, Wire};
use crate::attr::{Conversion, ConversionKind};
use crate::rules::Models;

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

/// The other type's name for a field: its `maps_to`, or its own name.
fn other_member(field: &Field) -> syn::Member {
    match (&field.attrs.maps_to, field.ident) {
        (Some(maps_to), _) => {
            syn::Member::Named(format_ident!("{}", maps_to.value(), span = maps_to.span()))
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
            Some(with) => {
                let arg = with_arg(with, quote!(#src.#from));
                quote_spanned!(with.span()=> #member: #with(#arg))
            }
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
            Some(with) => {
                let arg = with_arg(with, quote!(#src.#member));
                quote_spanned!(with.span()=> #to: #with(#arg))
            }
            None => quote!(#to: ::core::convert::Into::into(#src.#member)),
        }
    });
    quote_spanned! {span=>
        #[automatically_derived]
        impl #impl_generics ::core::convert::From<#ident #ty_generics> for #other #where_clause {
            #[cfg_attr(clippy, allow(clippy::needless_update))]
            fn from(#src: #ident #ty_generics) -> Self {
                #other { #(#inits,)* ..::core::default::Default::default() }
            }
        }
    }
}

/// `TryFrom<Other> for Self` (`try_from`) or `TryFrom<Self> for Other` (`try_into`): every field
/// converted, every failure reported at the field, and the result validated. Everything is
/// reported in the source's names: a conversion failure at the source's field, the converted
/// value's violations with their first segment renamed from the target's field to the source's.
///
/// When a field fails to convert, the rest is still checked: `try_from` runs the rules of the
/// fields that converted on their values; `try_into` validates the target with a default in the
/// place of each failed field and drops what is found there (the target is `Default` anyway).
/// What a `try_from` / `try_into` impl gathers from the fields.
#[derive(Default)]
struct TryParts {
    /// `let __customer_fN = …;`: each field converted (`None` when it failed, reported).
    lets: TokenStream,
    /// The `__customer_fN` bound.
    bound: Vec<syn::Ident>,
    /// The target's field initializers.
    inits: Vec<TokenStream>,
    /// `(target key, source key)` of each converted field, to rename the target's pointers.
    names: Vec<TokenStream>,
    /// `(target key, failed)` of each converted field (`try_into`).
    failed: Vec<TokenStream>,
    /// Assigning what converted into a default target (`try_into`), or checking it (`try_from`).
    partial: TokenStream,
}

impl TryParts {
    /// Adds field `i` (`field`) of the conversion.
    fn field(&mut self, conv: &Conv, i: usize, field: &Field) {
        let krate = &conv.container.krate;
        let p = krate;
        let src = quote!(__customer_source);
        let report = quote!(__customer_report);
        let from_other = conv.conversion.kind == ConversionKind::TryFrom;
        let member = &field.member;
        let theirs = other_member(field);
        let their_key = pointer_segment(&unraw(&theirs.to_token_stream().to_string()));
        let our_key = match &field.wire {
            Wire::Key(key) => Some(pointer_segment(key)),
            _ => None,
        };
        // What the source and the target call the field on the wire.
        let (target, source, source_key, target_key) = if from_other {
            (member.clone(), theirs, Some(their_key), our_key)
        } else {
            (theirs.clone(), member.clone(), our_key, Some(their_key))
        };
        if field.attrs.unmapped() || (from_other && field.attrs.default.is_some()) {
            if from_other {
                self.inits
                    .push(quote!(#target: ::core::default::Default::default()));
            }
            return;
        }
        let var = format_ident!("__customer_f{}", i);
        // The raw key: `Path::key` escapes it when a pointer is written.
        let raw_key = if from_other {
            unraw(&other_member(field).to_token_stream().to_string())
        } else {
            wire_key(field)
        };
        let at = quote!(#p::Path::key(&#p::Path::ROOT, #raw_key));
        let convert = match &field.attrs.with {
            Some(with) => {
                let arg = with_arg(with, quote!(#src.#source));
                // The field's type first, so a wrong return type is one error at `with`.
                let field_type = if from_other {
                    let ty = field.ty;
                    quote!(::core::marker::PhantomData::<fn() -> #ty>)
                } else {
                    let other = &conv.conversion.ty;
                    quote! {
                        #p::field_type(|| <#other as ::core::default::Default>::default().#target)
                    }
                };
                quote_spanned! {with.span()=>
                    #p::absorb_as(#field_type, #with(#arg), &#at, &mut #report)
                }
            }
            None => quote! {
                #p::convert_field(#src.#source, &#at, &mut #report)
            },
        };
        self.lets.extend(quote!(let #var = #convert;));
        self.inits.push(quote!(#target: #var));
        if let (Some(target_key), Some(source_key)) = (&target_key, &source_key) {
            if target_key != source_key {
                self.names.push(quote!((#target_key, #source_key)));
            }
        }
        if from_other {
            if super::validate::shared_rules(conv.container, field)
                && matches!(field.wire, crate::ast::Wire::Key(_))
            {
                // The field's rules function, at the source's name.
                let call = super::validate::call_rules_fn(
                    conv.container,
                    super::validate::FieldAt {
                        variant: None,
                        field: i,
                    },
                    &quote!(__customer_converted),
                    &quote!(&#p::Path::ROOT),
                    &quote!(#raw_key),
                    &quote!(&mut #report),
                );
                self.partial.extend(quote! {
                    if let __p::Some(__customer_converted) = &#var {
                        #call
                    }
                });
            } else if !field.attrs.rules.is_empty() {
                let checks = super::validate::field_checks(
                    krate,
                    field,
                    &quote!(__customer_converted),
                    &at,
                    &quote!(&mut #report),
                    None,
                    Models::Validate,
                );
                self.partial.extend(quote! {
                    if let __p::Some(__customer_converted) = &#var {
                        #checks
                    }
                });
            }
        } else {
            let key = target_key.unwrap_or_default();
            self.failed
                .push(quote!((#key, __p::Option::is_none(&#var))));
            self.partial.extend(quote! {
                if let __p::Some(__customer_converted) = #var {
                    __customer_value.#target = __customer_converted;
                }
            });
        }
        self.bound.push(var);
    }
}

fn try_impl(conv: &Conv) -> TokenStream {
    let Conv {
        container,
        fields,
        conversion,
    } = *conv;
    let krate = &container.krate;
    let p = krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let other = &conversion.ty;
    let span = conversion.span;
    let src = quote!(__customer_source);
    let report = quote!(__customer_report);
    let from_other = conversion.kind == ConversionKind::TryFrom;
    let mut parts = TryParts::default();
    for (i, field) in fields.iter().enumerate() {
        parts.field(conv, i, field);
    }
    let TryParts {
        lets,
        bound,
        inits,
        names,
        failed,
        partial,
    } = parts;
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
    let somes = bound.iter().map(|v| quote!(__p::Some(#v)));
    let names = quote!(&[#(#names),*]);
    // Some field did not convert: check what did.
    let partial = if from_other {
        quote! {
            #partial
            __p::Err(#report)
        }
    } else {
        quote! {
            let __customer_failed = [#(#failed),*];
            let mut __customer_value: #other = ::core::default::Default::default();
            #partial
            if let __p::Err(__customer_errors) = #p::CustomerModel::validate(&__customer_value) {
                #p::in_source_names(__customer_errors, #names, &__customer_failed, &mut #report);
            }
            __p::Err(#report)
        }
    };
    quote_spanned! {span=>
        #[automatically_derived]
        #impl_line {
            type Error = #p::ValidationErrors;
            #[cfg_attr(clippy, allow(clippy::needless_update))]
            fn try_from(#src: #target_ty) -> __p::Result<Self, #p::ValidationErrors> {
                let mut #report = #p::ValidationErrors::new();
                #lets
                match (#(#bound,)*) {
                    (#(#somes,)*) => {
                        let __customer_value = #built;
                        if let __p::Err(__customer_errors) = #p::CustomerModel::validate(&__customer_value) {
                            #p::in_source_names(__customer_errors, #names, &[], &mut #report);
                            return __p::Err(#report);
                        }
                        __p::Ok(__customer_value)
                    }
                    #[allow(unreachable_patterns)]
                    (#(#bound,)*) => {
                        #partial
                    }
                }
            }
        }
    }
}

/// A field name without its `r#`.
fn unraw(name: &str) -> String {
    name.strip_prefix("r#").unwrap_or(name).to_owned()
}

/// A key as one segment of a JSON Pointer: `~` and `/` escaped as RFC 6901 says.
fn pointer_segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The argument of a `with` function, located at the function's path: a parameter type that
/// does not match the field is reported there, not at the derive.
fn with_arg(with: &syn::Path, arg: TokenStream) -> TokenStream {
    crate::rules::respan(&arg, with.span())
}
