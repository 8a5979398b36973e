//! The `CustomerModel` impl of a struct (each field's rules, then the container's checks) and of an
//! enum whose variants carry data (the same, for the fields of the variant the value holds).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use super::bounds::bounds;
use crate::ast::{Container, Data, Field, Layer, Variant, Wire};
use crate::rules::each::Each;
use crate::rules::{respan, At, Emit, Models, Overrides, Rule, RuleSpec, Scope};
use crate::second_read;
use crate::trees::{AppendStream, Moved, Trees};

pub(super) fn expand_struct(container: &Container, fields: &[Field]) -> TokenStream {
    let where_clause = bounds(container, fields);
    let path = quote!(__customer_path);
    let report = report_ident();
    let body = body(container, fields, &path, &report);
    let said = said(container, &fields.iter().collect::<Vec<_>>());
    let mut out = model_impls(container, &where_clause, body, said);
    out.append_stream(rules_fns(
        container,
        fields.iter().enumerate().map(|(field, f)| {
            (
                FieldAt {
                    variant: None,
                    field,
                },
                f,
            )
        }),
    ));
    out
}

/// `__customer_report`, the `&mut ValidationErrors` the generated code fills: an identifier, which
/// `quote!` pushes as it is (a `TokenStream` in its place costs calls across rustc's bridge).
pub(crate) fn report_ident() -> syn::Ident {
    syn::Ident::new("__customer_report", proc_macro2::Span::call_site())
}

/// `__customer_at.2`, the report a rules function's `At` holds: trees built here, where
/// `quote!` would lex its literal `2` from text through the compiler each time.
fn held_report() -> Trees {
    let span = proc_macro2::Span::call_site();
    let mut dot = proc_macro2::Punct::new('.', proc_macro2::Spacing::Alone);
    dot.set_span(span);
    let mut two = proc_macro2::Literal::usize_unsuffixed(2);
    two.set_span(span);
    Trees::from_trees(vec![
        proc_macro2::Ident::new("__customer_at", span).into(),
        dot.into(),
        two.into(),
    ])
}

/// Whether the rules of `field` are emitted once, as the associated function named
/// [`rules_fn`] that both `validate_into` and the second read (`Shape::__shape_flat`) call: a
/// member with a name of its own (not flattened, not the one field of a transparent struct) whose
/// rules include no `nested` (which the two run differently: validated, or walked).
pub(crate) fn shared_rules(container: &Container, field: &Field) -> bool {
    fn has_nested(rules: &[RuleSpec]) -> bool {
        rules.iter().any(|rule| match &rule.kind {
            crate::rules::Rule::Nested(_) => true,
            crate::rules::Rule::Each(each) => has_nested(&each.rules),
            _ => false,
        })
    }
    let place = match field.wire {
        Wire::Key(_) | Wire::Index(_) => true,
        // The one field of a newtype variant (a flattened one is a struct variant's).
        Wire::Same => matches!(container.data, Data::Enum(_)) && !field.serde.flatten,
    };
    place
        && !container.serde.transparent
        && field.attrs.skip.is_none()
        && !field.attrs.rules.is_empty()
        && !has_nested(&field.attrs.rules)
}

/// Whether a struct's field has a rules function that takes whether its `nested` model is
/// validated (`__customer_models: bool`): a named field with `nested` (or `each(nested)`) and
/// another rule (no other `each(...)`), not read by a `deserialize_with` function.
/// `validate_into` calls it with `true`; the second read's table entry (`RuledModel`) with
/// `false` on the value read alone (its model is walked instead), and with `true` on a missing
/// member's default.
pub(crate) fn model_rules(container: &Container, field: &Field) -> bool {
    // `nested`, or `each(nested)` alone.
    fn models(rule: &Rule) -> bool {
        match rule {
            Rule::Nested(_) => true,
            Rule::Each(each) => {
                !each.rules.is_empty()
                    && each
                        .rules
                        .iter()
                        .all(|rule| matches!(rule.kind, Rule::Nested(_)))
            }
            _ => false,
        }
    }
    let rules = &field.attrs.rules;
    matches!(container.data, Data::Struct(..))
        && matches!(field.wire, Wire::Key(_))
        && !container.serde.transparent
        && field.attrs.skip.is_none()
        && field.serde.deserialize_with.is_none()
        && rules.iter().any(|rule| models(&rule.kind))
        && rules.iter().any(|rule| !models(&rule.kind))
        && !rules
            .iter()
            .any(|rule| matches!(rule.kind, Rule::Each(_)) && !models(&rule.kind))
        // Not a collection whose only other rule is `length`, without a default nor a context:
        // the second read checks that `length` itself (`Length`), no function needed.
        && (field.serde.default.is_some()
            || container.serde.default.is_some()
            || container.attrs.context.is_some()
            || second_read::length_alone(field, true).is_none())
}

/// Whether the output has rules functions (see [`shared_rules`]): a struct's or a variant's
/// field whose rules are emitted once.
pub(crate) fn has_rules_fns(container: &Container) -> bool {
    match &container.data {
        Data::Struct(_, fields) => fields
            .iter()
            .any(|field| shared_rules(container, field) || model_rules(container, field)),
        Data::Enum(variants) => variants
            .iter()
            .flat_map(|variant| &variant.fields)
            .any(|field| shared_rules(container, field)),
        Data::Union(_) => false,
    }
}

/// Which field a rules function is for: the `field`th of a struct, or of the `variant`th
/// variant of an enum.
#[derive(Clone, Copy)]
pub(crate) struct FieldAt {
    pub(crate) variant: Option<usize>,
    pub(crate) field: usize,
}

/// The associated function that runs the rules of the field `at` (see [`shared_rules`]).
pub(crate) fn rules_fn(at: FieldAt) -> syn::Ident {
    match at.variant {
        None => quote::format_ident!("__customer_rules_{}", at.field),
        Some(v) => quote::format_ident!("__customer_rules_{}_{}", v, at.field),
    }
}

/// The `each(...)` rules of a field whose element rules are emitted once, as the associated
/// function named [`each_fn`] that its rules function runs on every element and the second read
/// on every element that reads alone when the whole does not (`customer_core`'s `Check::each`):
/// a member with a rules function (see [`shared_rules`]) holding a sequence (`Vec`, `VecDeque`,
/// an array, inside its `Option` layers), with the span of `each`.
pub(crate) fn each_rules<'f>(
    container: &Container,
    field: &'f Field,
) -> Option<(&'f Each<Rule>, proc_macro2::Span)> {
    if !matches!(field.wire, Wire::Key(_))
        || !shared_rules(container, field)
        || second_read::sequence(field.inner).is_none()
    {
        return None;
    }
    field.attrs.rules.iter().find_map(|rule| match &rule.kind {
        Rule::Each(each) if !each.rules.is_empty() => Some((each, rule.span)),
        _ => None,
    })
}

/// The associated function that runs the `each(...)` rules of the field `at` on one element
/// (see [`each_rules`]).
pub(crate) fn each_fn(at: FieldAt) -> syn::Ident {
    match at.variant {
        None => quote::format_ident!("__customer_each_{}", at.field),
        Some(v) => quote::format_ident!("__customer_each_{}_{}", v, at.field),
    }
}

/// A call of the rules function of the field `at` on `value` (an expression of type `&FieldType`),
/// found under `key` (an expression of type `&str`, or `usize` for an element of a tuple) below
/// `path` (of type `&Path`); `ctx` passed on for a model with a context.
pub(crate) fn call_rules_fn(
    container: &Container,
    at: FieldAt,
    value: &dyn ToTokens,
    path: &dyn ToTokens,
    key: &dyn ToTokens,
    report: &dyn ToTokens,
) -> TokenStream {
    let name = rules_fn(at);
    let p = &container.krate;
    let ctx = container.attrs.context.as_ref().map(|_| quote!(ctx,));
    let mut key = key.to_token_stream();
    if key.is_empty() {
        // A newtype variant's field: at `path` itself.
        key = quote!(());
    }
    quote!(Self::#name(#value, #ctx #p::At(#path, #key, #report));)
}

/// The rules functions of the fields whose rules are emitted once (see [`shared_rules`]), in an
/// inherent impl; each bounded by what its own rules need.
fn rules_fns<'f, 'a: 'f>(
    container: &Container,
    fields: impl IntoIterator<Item = (FieldAt, &'f Field<'a>)>,
) -> TokenStream {
    let krate = &container.krate;
    let p = krate;
    let context = container.attrs.context.as_ref();
    let report = held_report();
    // The functions joined once at the end (one call across rustc's bridge, not one each).
    let mut fns = Vec::new();
    for (name_at, field) in fields {
        let models = name_at.variant.is_none() && model_rules(container, field);
        if !shared_rules(container, field) && !models {
            continue;
        }
        let name = rules_fn(name_at);
        let ty = field.ty;
        // A member's key, an element's index, or a newtype variant's field at the path itself.
        let place = match field.wire {
            Wire::Index(_) => quote!(usize),
            Wire::Key(_) => quote!(&str),
            Wire::Same => quote!(()),
        };
        let each = each_rules(container, field).map(|each| (each, each_fn(name_at)));
        let checks = Moved::new(field_checks_at(
            krate,
            field,
            Subject::Param(each.as_ref().map(|(_, name)| name)),
            &At::held(Trees::named("__customer_at")),
            &report,
            context,
            if models {
                Models::Flag
            } else {
                Models::Validate
            },
        ));
        let ctx = context.map(|ty| quote!(ctx: &#ty,));
        let flag = models.then(|| quote!(__customer_models: bool,));
        let predicates = super::bounds::rule_predicates(container, field);
        let where_clause = (!predicates.is_empty()).then(|| quote!(where #predicates));
        if let Some(((each, span), each_name)) = &each {
            // The element rules once: the element (its type named through `Elements`, at
            // `each`), at its index below the field's key.
            let overrides = Overrides {
                code: field.attrs.code.clone(),
                message: field.attrs.message.clone(),
            };
            let item_at =
                At::held(Trees::named("__customer_at")).index(Trees::named("__customer_index"));
            let rules: TokenStream = each
                .rules
                .iter()
                .map(|rule| {
                    rule.kind.emit(&Emit {
                        krate,
                        value: Trees::named("__customer_item"),
                        at: item_at.clone(),
                        report: &report,
                        overrides: &overrides,
                        span: rule.span,
                        field_ty: None,
                        layer: None,
                        context,
                        models: Models::Validate,
                    })
                })
                .collect();
            let inner = field.inner;
            let item = respan(&quote!(<#inner as #p::Elements>::Item), *span);
            fns.push(quote! {
                #[inline(always)]
                fn #each_name(
                    __customer_item: &#item,
                    #ctx
                    mut __customer_at: #p::At<'_, &str>,
                    __customer_index: usize,
                ) #where_clause {
                    #rules
                }
            });
        }
        fns.push(quote! {
            #[inline(always)]
            fn #name(
                __customer_field: &#ty,
                #ctx
                mut __customer_at: #p::At<#place>,
                #flag
            ) #where_clause {
                #checks
            }
        });
    }
    if fns.is_empty() {
        return TokenStream::new();
    }
    let fns = Moved::new(fns.into_iter().collect());
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    // Each takes its field's value by reference, whatever its type; inlined always, so that
    // `validate_into` runs as it did with the rules written in it (callgrind, the valid row): the
    // clippy lints that trips are allowed on the anonymous constant (`tokens::RULES_FNS_LINTS`,
    // see `has_rules_fns`), not on this impl, so that rustc reads one lint attribute per model.
    quote! {
        impl #impl_generics #ident #ty_generics #where_clause {
            #fns
        }
    }
}

/// The `CustomerModel` impl of an enum whose variants carry data: a `match self` whose arm for
/// each variant runs its fields' rules at their places on the wire (see [`variant_base`]), then
/// the container's checks.
pub(super) fn expand_enum(container: &Container, variants: &[Variant]) -> TokenStream {
    let where_clause = bounds(container, variants.iter().flat_map(|v| &v.fields));
    let path = quote!(__customer_path);
    let report = report_ident();
    let mut body = enum_arms(container, variants, &path, &report);
    body.append_stream(container_checks(container, &quote!(self), &path, &report));
    let fields: Vec<&Field> = variants.iter().flat_map(|v| &v.fields).collect();
    let said = said(container, &fields);
    let mut out = model_impls(container, &where_clause, body, said);
    out.append_stream(rules_fns(
        container,
        variants.iter().enumerate().flat_map(|(variant, v)| {
            v.fields.iter().enumerate().map(move |(field, f)| {
                let at = FieldAt {
                    variant: Some(variant),
                    field,
                };
                (at, f)
            })
        }),
    ));
    out
}

/// Where a variant's fields sit, relative to the enum's own place (`path`, of type `&Path`).
enum Base {
    /// At the enum's own place: internally tagged, untagged.
    Same,
    /// Below it, under a key (an expression of type `&str`): the variant's name, or the
    /// content key.
    Below(TokenStream),
}

/// Where serde reads a variant's content: under its name (externally tagged, the default),
/// under the content key (adjacently tagged), or at the enum's own place (internally tagged,
/// untagged enums and `#[serde(untagged)]` variants).
fn variant_base(container: &Container, variant: &Variant) -> Base {
    let serde = &container.serde;
    if serde.untagged || variant.untagged {
        return Base::Same;
    }
    match (&serde.tag, &serde.content) {
        (Some(_), Some(content)) => Base::Below(quote!(#content)),
        (Some(_), None) => Base::Same,
        (None, _) => {
            let name = &variant.wire_name;
            Base::Below(quote!(#name))
        }
    }
}

/// The `match self` of an enum's `validate_into`: one arm per variant with a field to check,
/// binding only those fields; one arm for the others, named (not `_`, which would match a
/// variant added later without a thought).
fn enum_arms(
    container: &Container,
    variants: &[Variant],
    path: &TokenStream,
    report: &dyn ToTokens,
) -> TokenStream {
    let krate = &container.krate;
    let context = container.attrs.context.as_ref();
    let mut arms = TokenStream::new();
    let mut unchecked = Vec::new();
    for (variant_index, variant) in variants.iter().enumerate() {
        let checked: Vec<(usize, &Field)> = variant
            .fields
            .iter()
            .enumerate()
            .filter(|(_, field)| field.attrs.skip.is_none() && !field.attrs.rules.is_empty())
            .collect();
        if checked.is_empty() {
            unchecked.push(variant.ident);
            continue;
        }
        let base = variant_base(container, variant);
        let mut bindings = TokenStream::new();
        let mut checks = TokenStream::new();
        for (i, (field_index, field)) in checked.into_iter().enumerate() {
            let member = &field.member;
            let binding = quote::format_ident!("__customer_f{}", i);
            bindings.append_stream(quote!(#member: #binding,));
            if shared_rules(container, field) {
                let key = wire_key(&field.wire);
                let parent = match &base {
                    Base::Same => path.clone(),
                    Base::Below(key) => quote!(&#krate::Path::key(#path, #key)),
                };
                let at = FieldAt {
                    variant: Some(variant_index),
                    field: field_index,
                };
                checks.append_stream(call_rules_fn(
                    container, at, &binding, &parent, &key, report,
                ));
                continue;
            }
            let at = match &base {
                Base::Same => At::new(path.clone()),
                Base::Below(key) => At::new(path.clone()).key(key.clone()),
            };
            checks.append_stream(field_checks_at(
                krate,
                field,
                Subject::Value(&binding),
                &wire_at(&at, &field.wire),
                report,
                context,
                Models::Validate,
            ));
        }
        let v = variant.ident;
        arms.append_stream(quote! {
            Self::#v { #bindings .. } => {
                #checks
            }
        });
    }
    if arms.is_empty() {
        return TokenStream::new();
    }
    if !unchecked.is_empty() {
        arms.append_stream(quote!(#(Self::#unchecked { .. })|* => {}));
    }
    quote! {
        match self {
            #arms
        }
    }
}

/// The impls that run `body`: `CustomerModel`, or the context impls of a model with
/// `#[customer(context(C))]`; with `said` (see [`said`]).
fn model_impls(
    container: &Container,
    where_clause: &Option<syn::WhereClause>,
    body: TokenStream,
    said: TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, _) = container.generics.split_for_impl();
    let path = quote!(__customer_path);
    let report = report_ident();
    if let Some(ty) = &container.attrs.context {
        let mut out = context_impls(container, ty, where_clause, &body);
        out.append_stream(said);
        return out;
    }
    let (said, body) = (Moved::new(said), Moved::new(body));
    quote! {
        #said
        #[automatically_derived]
        impl #impl_generics #krate::CustomerModel for #ident #ty_generics #where_clause {
            #[inline]
            fn validate_into(
                &self,
                #path: &#krate::Path<'_>,
                #report: &mut #krate::ValidationErrors,
            ) {
                #body
            }
        }
    }
}

/// `Composite` for a struct model (not a parsed newtype, not a unit struct), and a function,
/// never called, in which each field whose type may be a model and that says neither `nested`
/// nor `skip_nested` (nor `skip`) is refused by `SaidProbe` when its type is one. Apart from
/// `validate_into`, so the valid path's code is what it was. A field that names a type parameter
/// is decided by the derive (`check::check_model_said`); one whose entry in the second read's
/// table checks it already (`Field::said_in_entry`: the shape is expanded first) has no probe
/// here.
fn said(container: &Container, fields: &[&Field]) -> TokenStream {
    let krate = &container.krate;
    let p = krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, where_clause) = container.generics.split_for_impl();
    let parsed_newtype = container.newtype_field().is_some() && !container.attrs.rules.is_empty();
    // A model with nothing to check may be a field's type without `nested`: nothing is lost, and
    // the first rule it gets makes such a field a compile error.
    let checks_something = !container.attrs.checks.is_empty()
        || container.attrs.context.is_some()
        || fields
            .iter()
            .any(|field| field.attrs.skip.is_none() && !field.attrs.rules.is_empty());
    let composite = if checks_something {
        quote! {
            #[automatically_derived]
            impl #impl_generics #p::Composite for #ident #ty_generics #where_clause {}
        }
    } else {
        TokenStream::new()
    };
    if parsed_newtype || fields.is_empty() {
        return TokenStream::new();
    }
    let params: Vec<&syn::Ident> = container.generics.type_params().map(|p| &p.ident).collect();
    let probes: TokenStream = fields
        .iter()
        .filter(|field| !field.said_in_entry.get() && said_needed(field, &params))
        .map(|field| {
            let ty = field.ty;
            let at = field.ident.map_or_else(|| ty.span(), syn::Ident::span);
            quote_spanned! {at=>
                (&#p::SaidProbe::<#ty>::NEW).said();
            }
        })
        .collect();
    // `skip_nested` on a type that holds no model with rules would do nothing: refused, at the
    // attribute (a type parameter is decided by `check::check_model_said`).
    let skips: TokenStream = fields
        .iter()
        .filter(|field| {
            field.attrs.skip.is_none() && crate::ast::names_param(field.ty, &params).is_none()
        })
        .filter_map(|field| {
            let at = field.attrs.skip_nested?;
            let ty = field.ty;
            Some(quote_spanned! {at=>
                (&#p::SaidProbe::<#ty>::NEW).skip_said();
            })
        })
        .collect();
    let function = if probes.is_empty() && skips.is_empty() {
        TokenStream::new()
    } else {
        quote! {
            impl #impl_generics #ident #ty_generics #where_clause {
                #[allow(dead_code)]
                fn __customer_said() {
                    use #p::via_said::*;
                    #probes
                    #skips
                }
            }
        }
    };
    quote! {
        #composite
        #function
    }
}

/// Whether `field` needs `SaidProbe`'s check that a model type says `nested` (it says neither
/// `nested`, `skip_nested` nor `skip`, and its type names none of the type parameters
/// `params`: those are decided by `check::check_model_said`).
pub(crate) fn said_needed(field: &Field, params: &[&syn::Ident]) -> bool {
    field.attrs.skip.is_none()
        && field.attrs.skip_nested.is_none()
        && !crate::check::is_nested(field)
        && crate::ast::names_param(field.ty, params).is_none()
}

/// What `validate_into` runs: a newtype's container rules, each field's rules, the container's
/// checks; violations into `report` under `path`.
fn body(
    container: &Container,
    fields: &[Field],
    path: &TokenStream,
    report: &dyn ToTokens,
) -> TokenStream {
    let krate = &container.krate;
    let context = container.attrs.context.as_ref();
    // With rules functions to call, the struct's place and the report held once, in an `At`
    // each call takes its field's place from (`__customer_at.key("name")`); the other code
    // reports through its report (`__customer_at.2`).
    let held = fields.iter().any(|field| {
        (shared_rules(container, field) || model_rules(container, field))
            && !matches!(field.wire, Wire::Same)
    });
    let held_report = held_report();
    // The parts joined once at the end (one call across rustc's bridge, not one a part).
    let mut body = Vec::new();
    let report = if held {
        body.push(quote!(let mut __customer_at = #krate::At(#path, (), #report);));
        &held_report as &dyn ToTokens
    } else {
        report
    };
    body.push(newtype_rules(container, path, report));
    let ctx = context.map(|_| quote!(ctx,));
    for (i, field) in fields.iter().enumerate() {
        if field.attrs.skip.is_some() || field.attrs.rules.is_empty() {
            continue;
        }
        let member = &field.member;
        let at = FieldAt {
            variant: None,
            field: i,
        };
        if let (true, Wire::Key(key)) = (model_rules(container, field), &field.wire) {
            // Its model validated here (`true`), in the order its rules are written.
            let name = rules_fn(at);
            body.push(quote!(Self::#name(&self.#member, #ctx __customer_at.key(#key), true);));
            continue;
        }
        if shared_rules(container, field) {
            let name = rules_fn(at);
            body.push(match &field.wire {
                Wire::Key(key) => quote!(Self::#name(&self.#member, #ctx __customer_at.key(#key));),
                Wire::Index(index) => {
                    quote!(Self::#name(&self.#member, #ctx __customer_at.index(#index));)
                }
                Wire::Same => call_rules_fn(
                    container,
                    at,
                    &quote!(&self.#member),
                    path,
                    &quote!(),
                    report,
                ),
            });
            continue;
        }
        // The one field of a transparent struct is read at the struct's own place.
        let at = if container.serde.transparent {
            At::new(path.clone())
        } else {
            wire_at(&At::new(path.clone()), &field.wire)
        };
        body.push(field_checks_at(
            krate,
            field,
            Subject::Value(&quote!(&self.#member)),
            &at,
            report,
            context,
            Models::Validate,
        ));
    }
    body.push(container_checks(container, &quote!(self), path, report));
    body.into_iter().collect()
}

/// Container rules of a newtype check its one field, at the newtype's own place.
fn newtype_rules(container: &Container, path: &TokenStream, report: &dyn ToTokens) -> TokenStream {
    let rules = &container.attrs.rules;
    let Some(field) = container.newtype_field() else {
        return TokenStream::new();
    };
    if rules.is_empty() {
        return TokenStream::new();
    }
    let member = &field.member;
    let overrides = Overrides {
        code: container.attrs.code.clone(),
        message: container.attrs.message.clone(),
    };
    let checks: TokenStream = rules
        .iter()
        .map(|rule| {
            rule.kind.emit(&Emit {
                krate: &container.krate,
                value: Trees::named("__customer_value"),
                at: At::new(path.clone()),
                report,
                overrides: &overrides,
                span: rule.span,
                field_ty: None,
                layer: None,
                context: container.attrs.context.as_ref(),
                models: Models::Validate,
            })
        })
        .collect();
    quote! {
        {
            let __customer_value = &self.#member;
            #checks
        }
    }
}

/// The impls of a model with `#[customer(context(ty))]`: `CustomerModelWith<ty>` running `body`
/// and `ModelContext`.
fn context_impls(
    container: &Container,
    ty: &syn::Type,
    where_clause: &Option<syn::WhereClause>,
    body: &TokenStream,
) -> TokenStream {
    let krate = &container.krate;
    let ident = container.ident;
    let (impl_generics, ty_generics, _) = container.generics.split_for_impl();
    let path = quote!(__customer_path);
    let report = report_ident();
    let p = krate;
    let context_any = crate::second_read::context_any(container);
    // Elided unless the context type names a lifetime of its own (`Limits<'static>`).
    let context_any_sig = if quote!(#ty).to_string().contains('\'') {
        quote!(fn __context_any<'__c>(ctx: &'__c #ty) -> __p::Option<&'__c dyn ::core::any::Any>)
    } else {
        quote!(fn __context_any(ctx: &#ty) -> __p::Option<&dyn ::core::any::Any>)
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics #p::CustomerModelWith<#ty> for #ident #ty_generics #where_clause {
            #[inline]
            fn validate_into_with(
                &self,
                ctx: &#ty,
                #path: &#p::Path<'_>,
                #report: &mut #p::ValidationErrors,
            ) {
                let _ = ctx;
                #body
            }

            #[inline]
            #context_any_sig {
                #context_any
            }
        }
        impl #impl_generics #ident #ty_generics #where_clause {
            /// Not callable: this model's rules read a context, so it is validated with
            /// `validate_with(&ctx)`. Here so that `validate()` is a compile error that says so.
            ///
            /// # Errors
            ///
            /// None: it cannot be called.
            #[doc(hidden)]
            #[allow(dead_code)]
            #[cfg_attr(clippy, allow(clippy::unused_self))]
            pub fn validate(&self) -> __p::Result<(), #p::ValidationErrors>
            where
                for<'__customer> &'__customer Self: #p::ContextNeeded<Self>,
            {
                ::core::unreachable!()
            }
        }
        #[automatically_derived]
        impl #impl_generics #p::ModelContext for #ident #ty_generics #where_clause {
            type Context = #ty;
            #[inline]
            fn validate_in_context(&self, ctx: &#ty) -> __p::Result<(), #p::ValidationErrors> {
                #p::CustomerModelWith::<#ty>::validate_with(self, ctx)
            }

            #[inline]
            #context_any_sig {
                <Self as #p::CustomerModelWith<#ty>>::__context_any(ctx)
            }
        }
    }
}

/// The container's `check = f` calls on `subject` (an expression of type `&Self`), reporting at
/// `path` (an expression of type `&Path`).
pub(crate) fn container_checks(
    container: &Container,
    subject: &TokenStream,
    path: &TokenStream,
    report: &dyn ToTokens,
) -> TokenStream {
    let krate = &container.krate;
    let context = container.attrs.context.as_ref();
    let mut out = TokenStream::new();
    for check in &container.attrs.checks {
        // Either return type: `CheckOutcome` places a `RuleError` at the struct's pointer and
        // re-roots a `ValidationErrors` under it. A wrong signature is reported at the path.
        let call = match context {
            Some(_) => quote_spanned!(check.span()=> #check(#subject, ctx)),
            None => quote_spanned!(check.span()=> #check(#subject)),
        };
        out.append_stream(quote_spanned! {check.span()=>
            #krate::CheckOutcome::report_at(#call, #path, #report);
        });
    }
    out
}

/// The checks of one field's rules on `value` (an expression of type `&FieldType`), reporting at
/// `at` (an expression of type `Path`): `&self.field` at the field's wire path when validating,
/// a converted value at the source's name in a `try_from` that could not build the struct.
pub(crate) fn field_checks(
    krate: &Trees,
    field: &Field,
    value: &TokenStream,
    at: &TokenStream,
    report: &dyn ToTokens,
    context: Option<&syn::Type>,
    models: Models,
) -> TokenStream {
    // The path is built where it is used (to report, or to pass down), not up front.
    field_checks_at(
        krate,
        field,
        Subject::Value(value),
        &At::new(quote!(&#at)),
        report,
        context,
        models,
    )
}

/// What a rules function is called with for a field on the wire `wire` (see [`shared_rules`]):
/// its key (`&str`), its index (`usize`), or nothing for a newtype variant's field.
fn wire_key(wire: &Wire) -> TokenStream {
    match wire {
        Wire::Key(key) => quote!(#key),
        Wire::Index(index) => quote!(#index),
        Wire::Same => TokenStream::new(),
    }
}

/// The place of a field on the wire `wire` below `parent`.
fn wire_at(parent: &At, wire: &Wire) -> At {
    match wire {
        Wire::Key(key) => parent.key(proc_macro2::Literal::string(key)),
        Wire::Index(index) => parent.index(proc_macro2::Literal::usize_suffixed(*index)),
        Wire::Same => parent.clone(),
    }
}

/// What [`field_checks_at`] checks.
#[derive(Clone, Copy)]
enum Subject<'a> {
    /// The field's value, an expression of type `&FieldType`.
    Value(&'a dyn ToTokens),
    /// A rules function's parameter `__customer_field`, with the item function of the field's
    /// `each(...)` rules if it has one (see [`each_rules`]).
    Param(Option<&'a syn::Ident>),
}

/// [`field_checks`], the field's place being `at_ref`, on `subject`.
fn field_checks_at(
    krate: &Trees,
    field: &Field,
    subject: Subject<'_>,
    at_ref: &At,
    report: &dyn ToTokens,
    context: Option<&syn::Type>,
    models: Models,
) -> TokenStream {
    let (value, each_fn) = match subject {
        Subject::Value(value) => (Some(value), None),
        Subject::Param(each_fn) => (None, each_fn),
    };
    let overrides = Overrides {
        code: field.attrs.code.clone(),
        message: field.attrs.message.clone(),
    };
    let emit = |rule: &RuleSpec, value: Trees| {
        if let (Rule::Each(_), Some(name)) = (&rule.kind, each_fn) {
            // Its element rules are the item function's (see `each_rules`), run on each
            // element; every token that names the collection trait points at `each`.
            let elements = respan(&quote!(#krate::Elements::elements), rule.span);
            let value = value.located_at(rule.span);
            let (run, ctx) = match context {
                Some(_) => (quote!(each_key_with), quote!(ctx,)),
                None => (quote!(each_key), TokenStream::new()),
            };
            // A rules function's own place (`__customer_at`), lent to each element.
            let base = &at_ref.base;
            return quote_spanned! {rule.span=>
                #krate::#run(#elements(#value), #ctx &mut #base, Self::#name);
            };
        }
        rule.kind.emit(&Emit {
            krate,
            value,
            at: at_ref.clone(),
            report,
            overrides: &overrides,
            span: rule.span,
            field_ty: Some(field.ty),
            layer: field.layers.first().copied(),
            context,
            models,
        })
    };
    let (whole, values): (Vec<&RuleSpec>, Vec<&RuleSpec>) = field
        .attrs
        .rules
        .iter()
        .partition(|rule| rule.kind.scope() == Scope::Field);
    if let (Some(field_value), [rule], true) = (value, whole.as_slice(), values.is_empty()) {
        // One rule on the field itself (a `nested` field): its value in place, nothing bound.
        return emit(rule, Trees::from(field_value.to_token_stream()));
    }
    let whole: TokenStream = whole
        .into_iter()
        .map(|rule| emit(rule, Trees::named("__customer_field")))
        .collect();
    let field_value = value;
    let mut value = TokenStream::new();
    if !values.is_empty() {
        if field.layers.is_empty() {
            // Nothing to peel: the rules look at the field itself.
            value = values
                .into_iter()
                .map(|rule| emit(rule, Trees::named("__customer_field")))
                .collect();
        } else {
            let checks: TokenStream = values
                .into_iter()
                .map(|rule| emit(rule, Trees::named("__customer_value")))
                .collect();
            value = peel(
                krate,
                &field.layers,
                &Trees::named("__customer_field"),
                checks,
            );
        }
    }
    let mut checks = whole;
    checks.append_stream(value);
    let Some(field_value) = field_value else {
        // A rules function's parameter: already bound.
        return checks;
    };
    let checks = Moved::new(checks);
    quote! {
        {
            let __customer_field = #field_value;
            #checks
        }
    }
}

/// Wraps `body` in one `if let Some(..)` per `Option` or `Patch` layer, binding
/// `__customer_value`.
fn peel(krate: &Trees, layers: &[Layer], field: &Trees, body: TokenStream) -> TokenStream {
    if layers.is_empty() {
        let body = Moved::new(body);
        return quote! {
            let __customer_value = #field;
            #body
        };
    }
    let value = Trees::named("__customer_value");
    let mut out = body;
    for (depth, layer) in layers.iter().enumerate().rev() {
        let source = if depth == 0 { field } else { &value };
        let inner = Moved::new(out);
        out = match layer {
            Layer::Option => quote! {
                if let __p::Some(__customer_value) = #source {
                    #inner
                }
            },
            Layer::Patch => quote! {
                if let __p::Some(__customer_value) = #krate::Patch::value(#source) {
                    #inner
                }
            },
        };
    }
    out
}
