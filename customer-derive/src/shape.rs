//! The `Shape` impl: what a document must look like to read into the model, for the second read
//! of a document that did not read (see `customer_core::json`). It follows the model's serde
//! attributes: wire names (`rename`, `rename_all`, `alias`), `default`, `flatten`,
//! `skip_deserializing`, `deserialize_with` / `with`, `deny_unknown_fields`, `other`, and the
//! containers read in another form (`forms`: `transparent`, `from`, `try_from`, tuple structs,
//! enums with `tag` or `untagged`). Only `remote`, adjacently tagged enums and structs with `tag`
//! are read whole (`opaque`).
//!
//! Each field's type is reached by autoref dispatch (`ShapeProbe`): its own `Shape` when it has
//! one, else a read through serde of that value alone, else nothing known. When rules are asked
//! for, each field that has the right shape is read alone and its rules are run; the models below
//! (`nested`) are walked again by their own shapes with rules; and when every field has the right
//! shape the struct is read whole, which reports what serde refuses beyond the shapes and runs the
//! container's `check`s.
//!
//! None of this names a model's `validate_into`: a second caller would cost the valid path its
//! inlining (`validate_into` is inlined into `validate` and into its parent's only while it has a
//! single caller; scripts/bench-callgrind.sh measured +3% when the second read called it). Only
//! the rare forms below go through `validate()`: a container read through another type, a field
//! `skip_deserializing` or missing with a default, whose value has no node to walk.
//!
//! For a struct with named fields, `crate::second_read` decides what may be read (generic and
//! borrowing fields, and the bounds that let them be), brings in the caller's context for a model
//! with `#[customer(context(C))]`, and emits the `length` / `each` rules of a collection that did
//! not read.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, ToTokens};

use crate::ast::{Container, Data, Field, Style, Wire};
use crate::expand::validate::{container_checks, field_checks};
use crate::rules::{Models, Rule};
use crate::second_read::{self, Read};

mod forms;

pub(crate) fn expand(container: &Container) -> TokenStream {
    let krate = &container.krate;
    let p = quote!(#krate::__private);
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    // Read through another type or by position, a generic container has no bounds for its
    // rules here, and the rules of one with a context need that context: only shapes are
    // checked for them. A struct with named fields decides field by field (see `named`).
    let can_read = container.generics.params.is_empty();
    let can = Can {
        read: can_read,
        validate: can_read && container.attrs.context.is_none(),
    };
    let mut where_clause = where_clause.cloned();
    let serde = &container.serde;
    let body = match &container.data {
        Data::Union(_) => return TokenStream::new(),
        // A parsed newtype: its `Deserialize` is ours, whatever `#[serde]` says.
        Data::Struct(Style::Tuple, fields)
            if fields.len() == 1 && !container.attrs.rules.is_empty() =>
        {
            newtype(container, &p, &fields[0], can)
        }
        _ if serde.remote => opaque(&p, can),
        _ if serde.try_from.is_some() || serde.from.is_some() => {
            match (&serde.try_from, &serde.from) {
                (Some(ty), _) => forms::converted(&p, ty, true, can),
                (None, Some(ty)) => forms::converted(&p, ty, false, can),
                (None, None) => opaque(&p, can),
            }
        }
        Data::Struct(_, fields) if serde.transparent => match forms::transparent_field(fields) {
            Some(field) => newtype(container, &p, field, can),
            None => opaque(&p, can),
        },
        // Not representations of a struct (serde refuses or ignores them): read whole.
        Data::Struct(..) if serde.tag.is_some() || serde.untagged => opaque(&p, can),
        Data::Struct(Style::Named, fields) => {
            where_clause = second_read::where_clause(container, fields, has_value_rules, is_nested);
            named(container, &p, fields)
        }
        Data::Struct(Style::Tuple, fields) if fields.len() == 1 => {
            newtype(container, &p, &fields[0], can)
        }
        Data::Struct(Style::Tuple, fields) if fields.len() >= 2 => {
            forms::tuple(container, &p, fields, can)
        }
        Data::Struct(..) => opaque(&p, can),
        // Adjacently tagged (`tag` + `content`): read whole.
        Data::Enum(_) if serde.content => opaque(&p, can),
        Data::Enum(variants) => forms::field_less_enum(container, &p, variants),
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::shape::Shape for #ident #ty_generics #where_clause {
            #body
        }
    }
}

/// What the emitted code may do with the type: read a value of it from the tree through serde,
/// and run its rules (`CustomerModel`, no context).
#[derive(Clone, Copy)]
struct Can {
    read: bool,
    validate: bool,
}

/// The probe traits in scope: `can_read` adds the serde arms.
fn probes(p: &TokenStream, can_read: bool) -> TokenStream {
    if can_read {
        quote! {
            #[allow(unused_imports)]
            use #p::shape::{
                ReadViaNothing as _, ReadViaSerde as _, ShapeViaNothing as _, ShapeViaSerde as _,
                ShapeViaShape as _,
            };
        }
    } else {
        quote! {
            #[allow(unused_imports)]
            use #p::shape::{ShapeViaNothing as _, ShapeViaShape as _};
        }
    }
}

fn signature(p: &TokenStream) -> TokenStream {
    quote! {
        fn __shape(
            __node: &#p::shape::Node,
            __path: &#p::Path<'_>,
            __report: &mut #p::shape::Report,
            __rules: bool,
        ) -> bool
    }
}

/// Reads the whole value and runs `then` on it (`__whole`) when `__rules` and the model can be
/// validated; `true` when it read.
fn read_whole(p: &TokenStream, node: &TokenStream, can: Can, then: &TokenStream) -> TokenStream {
    if !can.read {
        return quote!(true);
    }
    let validate = (can.validate && !then.is_empty()).then(|| {
        quote! {
            if __rules {
                #then
            }
        }
    });
    quote! {{
        let __shapes = #p::shape::Report::shape_count(__report);
        if let ::core::option::Option::Some(__whole) =
            (&#p::shape::ReadProbe::<Self>::NEW).read_node(#node, __path, __report)
        {
            let _ = &__whole;
            #validate
        }
        #p::shape::Report::shape_count(__report) == __shapes
    }}
}

/// A container whose form is not described (`remote`, adjacently tagged): read whole, serde's
/// error at its pointer.
fn opaque(p: &TokenStream, can: Can) -> TokenStream {
    let signature = signature(p);
    let probes = probes(p, can.read);
    // Read through another type, the fields cannot be walked one by one: validated whole.
    let read = read_whole(
        p,
        &quote!(__node),
        can,
        &quote!(#p::shape::validate_read(&__whole, __path, __report);),
    );
    quote! {
        #signature {
            #probes
            #read
        }
    }
}

fn is_nested(field: &Field) -> bool {
    field.attrs.rules.iter().any(|rule| match &rule.kind {
        Rule::Nested(_) => true,
        Rule::Each(each) => each.rules.iter().any(|r| matches!(r.kind, Rule::Nested(_))),
        _ => false,
    })
}

fn has_rules(field: &Field) -> bool {
    field.attrs.skip.is_none() && !field.attrs.rules.is_empty()
}

/// Whether the field has a rule the second read runs on the value itself: any but `nested`
/// (whose model is walked by its shape).
fn has_value_rules(field: &Field) -> bool {
    has_rules(field)
        && field.attrs.rules.iter().any(|rule| match &rule.kind {
            Rule::Nested(_) => false,
            Rule::Each(each) => each
                .rules
                .iter()
                .any(|r| !matches!(r.kind, Rule::Nested(_))),
            _ => true,
        })
}

/// The field's rules on `value` (an expression of type `&FieldType`), violations into
/// `__report.rules`.
fn checks_on(
    container: &Container,
    field: &Field,
    value: &TokenStream,
    models: Models,
) -> TokenStream {
    let krate = &container.krate;
    let p = quote!(#krate::__private);
    let at = crate::expand::field_path(container, field, &quote!(__customer_path));
    let checks = field_checks(
        krate,
        field,
        value,
        &at,
        &quote!(__customer_report),
        container.attrs.context.as_ref(),
        models,
    );
    quote! {
        let __customer_path: &#p::Path<'_> = __path;
        let __customer_report: &mut #p::ValidationErrors = &mut __report.rules;
        #checks
    }
}

fn named(container: &Container, p: &TokenStream, fields: &[Field]) -> TokenStream {
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

fn newtype(container: &Container, p: &TokenStream, field: &Field, can: Can) -> TokenStream {
    let can_read = can.read;
    let signature = signature(p);
    let probes = probes(p, can_read);
    let ty = field.ty;
    let probe = quote!((&&#p::shape::ShapeProbe::<#ty>::NEW));
    if !container.attrs.rules.is_empty() {
        // A parsed newtype: the inner value's shape, then the value it refuses.
        let refuse = if can_read {
            quote! {
                if let ::core::option::Option::Some(__inner) =
                    (&#p::shape::ReadProbe::<#ty>::NEW).read_node(__node, __path, __report)
                {
                    if let ::core::result::Result::Err(__errors) =
                        <Self as ::core::convert::TryFrom<#ty>>::try_from(__inner)
                    {
                        #p::Absorb::absorb(__errors, __path, &mut __report.shapes);
                        return false;
                    }
                }
            }
        } else {
            TokenStream::new()
        };
        return quote! {
            #signature {
                #probes
                if !#probe.shape(__node, __path, __report, false) {
                    return false;
                }
                #refuse
                true
            }
        };
    }
    let member = &field.member;
    let mut then = if has_value_rules(field) {
        checks_on(container, field, &quote!(&__whole.#member), Models::Walk)
    } else {
        TokenStream::new()
    };
    then.extend(container_checks(
        container,
        &quote!(&__whole),
        &quote!(__path),
        &quote!(&mut __report.rules),
    ));
    let whole = read_whole(p, &quote!(__node), can, &then);
    let rewalk = is_nested(field).then(|| {
        quote! {
            if __rules {
                let mut __again = #p::shape::Report::again(__report);
                #probe.shape(__node, __path, &mut __again, true);
                #p::shape::Report::keep_rules(__report, __again);
            }
        }
    });
    quote! {
        #signature {
            #probes
            let __good = #probe.shape(__node, __path, __report, false);
            #rewalk
            if __good {
                return #whole;
            }
            false
        }
    }
}
