//! The `Shape` of a struct with named fields: each member found by its wire name or an alias
//! (repeated members reported, and unknown ones under `deny_unknown_fields`), its value walked by
//! its type's shape, `default`ed and `flatten`ed fields, the fields that read checked by their
//! rules, and the struct read whole when every field has the right shape.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

use super::{checks_on, has_rules, has_value_rules, is_nested, probes, read_whole, signature, Can};
use crate::ast::{Container, Field, Wire};
use crate::expand::validate::container_checks;
use crate::rules::Models;
use crate::second_read::{self, Read};

pub(super) fn named(container: &Container, p: &TokenStream, fields: &[Field]) -> TokenStream {
    let signature = signature(p);
    let deny = container.serde.deny_unknown_fields;
    let container_default = container.serde.default.as_ref();
    // The rules run when the caller's context can reach them (always without a context).
    let rules_run = second_read::context_erasable(container);
    let can = Can {
        read: second_read::reads_whole(container),
        validate: rules_run,
    };

    let mut shapes = TokenStream::new();
    let mut goods: Vec<syn::Ident> = Vec::new();
    let mut rules = TokenStream::new();
    for (i, field) in fields.iter().enumerate() {
        let ty = field.ty;
        let good = format_ident!("__good{}", i);
        let found = format_ident!("__found{}", i);
        let with_value = format_ident!("__with{}", i);
        let before = format_ident!("__before{}", i);
        let bounded = second_read::bounded(container, field, has_value_rules(field));
        // The type the field is read alone as, when it can be (see `second_read`).
        let (can_read, read_ty) = match second_read::read(container, field, bounded) {
            Read::As(read_ty) => (true, read_ty),
            Read::No => (false, ty.to_token_stream()),
        };
        // A field that names a lifetime gets no serde arm: trait selection ignores lifetimes.
        let probes = probes(p, can_read);
        let probe = quote!((&&#p::shape::ShapeProbe::<#ty>::NEW));
        let read_probe = quote!((&#p::shape::ReadProbe::<#read_ty>::NEW));
        let member = &field.member;
        // The value of a field that is not in the document.
        let default_value = match (&field.serde.default, container_default) {
            (Some(Some(path)), _) => Some(quote!(::core::option::Option::Some(#path()))),
            (Some(None), _) => Some(quote!(::core::option::Option::Some(
                ::core::default::Default::default()
            ))),
            (None, Some(Some(path))) => Some(quote!(::core::option::Option::Some(#path().#member))),
            (None, Some(None)) => Some(quote!(::core::option::Option::Some(
                <Self as ::core::default::Default>::default().#member
            ))),
            (None, None) => None,
        };
        let missing_value = match &default_value {
            Some(value) => value.clone(),
            None if can_read => quote!(#read_probe.read_missing()),
            None => quote!(::core::option::Option::None),
        };
        // The rules on the value read alone; `nested` models are walked below.
        let checks = if has_value_rules(field) && rules_run && can_read {
            second_read::with_context(
                container,
                checks_on(container, field, &quote!(&__customer_read), Models::Walk),
            )
        } else {
            TokenStream::new()
        };
        // A value with no node to walk (skipped, or missing and defaulted) is validated whole;
        // not for a generic type, whose `Default` is not bounded here.
        let plain = can_read && !bounded && can.read;
        let whole_checks = if has_rules(field) && rules_run && plain {
            second_read::with_context(
                container,
                checks_on(
                    container,
                    field,
                    &quote!(&__customer_read),
                    Models::Validate,
                ),
            )
        } else {
            TokenStream::new()
        };
        let nested = is_nested(field) && rules_run && plain;
        if field.serde.skip_deserializing {
            let checks = whole_checks;
            if !checks.is_empty() {
                let value = default_value.unwrap_or_else(|| {
                    quote!(::core::option::Option::Some(
                        ::core::default::Default::default()
                    ))
                });
                rules.extend(quote! {
                    let __read: ::core::option::Option<#ty> = #value;
                    if let ::core::option::Option::Some(__customer_read) = __read {
                        #checks
                    }
                });
            }
            continue;
        }
        goods.push(good.clone());
        match &field.wire {
            Wire::Same => {
                // `#[serde(flatten)]`: the members no one else claims.
                shapes.extend(quote! {
                    let #before = #p::shape::snapshot(__claimed);
                    let #good = {
                        #probes
                        #probe.shape_flat(__members, __claimed, __path, __report, false)
                    };
                });
                let read = if can_read {
                    quote! {
                        let __object = #p::shape::object_of(__members, &#before, __claimed);
                        let __read: ::core::option::Option<#ty> =
                            #read_probe.read_node(&__object, __path, __report);
                    }
                } else {
                    quote!(let __read: ::core::option::Option<#ty> = ::core::option::Option::None;)
                };
                let rewalk = is_nested(field).then(|| {
                    quote! {{
                        #probes
                        let mut __again = #p::shape::Report::again(__report);
                        let mut __claims = #p::shape::snapshot(&#before);
                        #probe.shape_flat(__members, &mut __claims, __path, &mut __again, true);
                        #p::shape::Report::keep_rules(__report, __again);
                    }}
                });
                if !checks.is_empty() {
                    rules.extend(quote! {
                        if #good {
                            #probes
                            #read
                            if let ::core::option::Option::Some(__customer_read) = __read {
                                #checks
                            }
                        }
                    });
                }
                if let Some(rewalk) = rewalk {
                    rules.extend(rewalk);
                }
            }
            Wire::Key(key) => {
                let names = std::iter::once(key).chain(field.serde.alias.iter());
                let report_missing = quote! {{
                    #p::shape::missing_field(__report, &#p::Path::key(__path, #key));
                    false
                }};
                let missing = match (&default_value, &field.serde.deserialize_with) {
                    (Some(_), _) => quote!(true),
                    (None, Some(_)) => report_missing,
                    // serde reads a missing `Option` (or `Patch`) field as absent, whatever is inside.
                    (None, None) if !field.layers.is_empty() => quote!(true),
                    (None, None) => quote!(#probe.missing_ok() || #report_missing),
                };
                let (check, with_let) = match &field.serde.deserialize_with {
                    Some(with) => (
                        quote! {{
                            #with_value = #p::shape::read_with(
                                __value,
                                &#p::Path::key(__path, __key),
                                __report,
                                |__v| -> ::core::result::Result<#ty, #p::serde_json::Error> { #with(__v) },
                            );
                            ::core::option::Option::is_some(&#with_value)
                        }},
                        quote! {
                            let mut #with_value: ::core::option::Option<#ty> = ::core::option::Option::None;
                        },
                    ),
                    None => (
                        quote!(#probe.shape(__value, &#p::Path::key(__path, __key), __report, false)),
                        TokenStream::new(),
                    ),
                };
                shapes.extend(quote! {
                    #with_let
                    let #found = #p::shape::find(__members, __claimed, &[#(#names),*], __path, __report);
                    let #good = {
                        #probes
                        match #found {
                            ::core::option::Option::Some((__key, __value, __single)) => (#check) && __single,
                            ::core::option::Option::None => #missing,
                        }
                    };
                });
                let read_present = match (&field.serde.deserialize_with, can_read) {
                    (Some(_), _) => quote!(#with_value),
                    (None, true) => quote! {
                        #read_probe.read_node(__value, &#p::Path::key(__path, __key), __report)
                    },
                    (None, false) => quote!(::core::option::Option::None),
                };
                // A nested model that is missing and defaulted has no node to walk: its default
                // is validated whole, with every rule of the field.
                let defaulted_model = nested && default_value.is_some();
                let missing_value = if defaulted_model {
                    quote!(::core::option::Option::None)
                } else {
                    missing_value
                };
                if !checks.is_empty() {
                    rules.extend(quote! {
                        if #good {
                            #probes
                            let __read: ::core::option::Option<#ty> = match #found {
                                ::core::option::Option::Some((__key, __value, _)) => #read_present,
                                ::core::option::Option::None => #missing_value,
                            };
                            if let ::core::option::Option::Some(__customer_read) = __read {
                                #checks
                            }
                        }
                    });
                }
                // The field's own rules on what is known of a value that did not read.
                if rules_run {
                    rules.extend(second_read::partial_rules(container, field, &good, &found));
                }
                if defaulted_model {
                    let value = default_value.clone().unwrap_or_default();
                    rules.extend(quote! {
                        if ::core::option::Option::is_none(&#found) {
                            let __read: ::core::option::Option<#ty> = #value;
                            if let ::core::option::Option::Some(__customer_read) = __read {
                                #whole_checks
                            }
                        }
                    });
                }
                if is_nested(field) && field.serde.deserialize_with.is_none() {
                    // The model below is walked again, with rules: the rules of its parts that
                    // read, whatever the shape of the others.
                    rules.extend(quote! {
                        if let ::core::option::Option::Some((__key, __value, _)) = #found {
                            #probes
                            let mut __again = #p::shape::Report::again(__report);
                            #probe.shape(__value, &#p::Path::key(__path, __key), &mut __again, true);
                            #p::shape::Report::keep_rules(__report, __again);
                        }
                    });
                }
            }
            Wire::Index(_) => {}
        }
    }
    let deny_check = if deny {
        // `&`, not `&&`: the unknown members are reported whatever the others are.
        quote!(& #p::shape::unknown_members(__members, &__claimed, __path, __report))
    } else {
        TokenStream::new()
    };
    let checks = container_checks(
        container,
        &quote!(&__whole),
        &quote!(__path),
        &quote!(&mut __report.rules),
    );
    let checks = if checks.is_empty() {
        checks
    } else {
        second_read::with_context(container, checks)
    };
    let whole = read_whole(p, &quote!(&__object), can, &checks);
    let whole_probes = probes(p, can.read);
    let ok_expr = if goods.is_empty() {
        quote!(true)
    } else {
        quote!(#(#goods)&&*)
    };
    let bind_context = if rules_run {
        second_read::bind_context(container)
    } else {
        TokenStream::new()
    };
    quote! {
        #signature {
            let #p::shape::Node::Object(__members) = __node else {
                #p::shape::invalid_type(__report, __path, __node, #p::shape::Expected::Object);
                return false;
            };
            if #p::shape::too_deep(__path, __report) {
                return false;
            }
            let mut __claimed = #p::shape::claims(__members);
            <Self as #p::shape::Shape>::__shape_flat(__members, &mut __claimed, __path, __report, __rules)
                #deny_check
        }

        fn __shape_flat(
            __members: &[(::std::string::String, #p::shape::Node)],
            __claimed: &mut [bool],
            __path: &#p::Path<'_>,
            __report: &mut #p::shape::Report,
            __rules: bool,
        ) -> bool {
            let __start = #p::shape::snapshot(__claimed);
            #shapes
            let __ok = #ok_expr;
            if !__rules {
                return __ok;
            }
            #bind_context
            #rules
            if __ok {
                // Read whole: what serde refuses beyond the shapes, and the container's checks.
                #whole_probes
                let __object = #p::shape::object_of(__members, &__start, __claimed);
                return #whole;
            }
            false
        }
    }
}
