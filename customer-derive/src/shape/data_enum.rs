//! The `Shape` of an enum whose variants carry data: a constant `DataEnum` describing the
//! variants (names, aliases, what each holds, `other`, `untagged`) and the representation, walked
//! by `customer_core`'s `shape::data_enum`, which finds the variant and hands its content to the
//! generated `__shape_variant`: a struct variant's fields walked as a struct's (`named::variant`),
//! a tuple variant's elements as a tuple struct's (`forms::variant_tuple`), a newtype variant's
//! value by its type's shape. The enum is then read whole, for what serde refuses beyond the
//! shapes.

use proc_macro2::TokenStream;
use quote::quote;

use super::parts::{has_value_rules, is_nested, probes, signature, Can};
use crate::ast::{Container, Data, Field, Style, Variant, Wire};
use crate::expand::validate::{call_rules_fn, field_checks, rules_fn, shared_rules, FieldAt};
use crate::rules::Models;
use crate::second_read::{self, Read};

/// The `Shape` impl's body.
pub(super) fn data_enum(
    container: &Container,
    p: &TokenStream,
    variants: &[Variant],
) -> TokenStream {
    let signature = signature(p);
    let can = Can {
        read: second_read::reads_whole(container),
        validate: second_read::context_erasable(container),
    };
    // Elements are read by position, as a tuple struct's: a generic enum has no bounds for
    // their rules, and those of an enum with a context are not run (see `forms::tuple`).
    let plain = container.generics.params.is_empty();
    let tuple_can = Can {
        read: plain,
        validate: plain && container.attrs.context.is_none(),
    };
    let serde = &container.serde;
    let read: Vec<&Variant> = variants
        .iter()
        .filter(|v| !v.serde.skip_deserializing)
        .collect();
    let form = match (&serde.tag, &serde.content, serde.untagged) {
        (_, _, true) => quote!(__s::Form::Untagged),
        (Some(tag), Some(content), false) => quote!(__s::Form::Adjacent(#tag, #content)),
        (Some(tag), None, false) => quote!(__s::Form::Internal(#tag)),
        (None, _, false) => quote!(__s::Form::External),
    };
    let untagged = |v: &Variant| v.untagged || serde.untagged;
    let names = read
        .iter()
        .filter(|v| !untagged(v) && !v.serde.other)
        .map(|v| &v.wire_name);
    let untagged_names = read.iter().filter(|v| untagged(v)).map(|v| &v.wire_name);
    let shapes = read.iter().map(|v| {
        let accepted = std::iter::once(&v.wire_name).chain(v.serde.alias.iter());
        let kind = match kind(v) {
            Kind::Unit => quote!(Unit),
            Kind::Newtype(_) => quote!(Newtype),
            Kind::Tuple => quote!(Tuple),
            Kind::Struct => quote!(Struct),
        };
        let (is_untagged, other) = (untagged(v), v.serde.other);
        quote! {
            __s::VariantShape::new(&[#(#accepted),*], __s::VariantKind::#kind, #is_untagged, #other)
        }
    });
    let arms = read.iter().enumerate().filter_map(|(index, v)| {
        let body = match kind(v) {
            // Nothing to walk: the `_` arm.
            Kind::Unit => return None,
            Kind::Newtype(field) => newtype(container, p, field, can),
            Kind::Tuple => {
                // Its index among the enum's variants, which names its fields' rules functions.
                let at = variants
                    .iter()
                    .position(|w| std::ptr::eq(w, *v))
                    .unwrap_or(index);
                super::forms::variant_tuple(container, p, &v.fields, at, tuple_can)
            }
            Kind::Struct => super::named::variant(container, p, v),
        };
        Some(quote!(#index => #body,))
    });
    // Read whole: what serde refuses beyond the shapes, and the container's checks (inside a
    // `nested` field's value walked once, only for those checks); as a struct's (see `named`).
    let (whole, has_checks) = super::named::whole(container, p, can, true);
    let arms: Vec<TokenStream> = arms.collect();
    let bind_context = if can.validate && arms.iter().any(second_read::reads_context) {
        second_read::bind_context(container)
    } else {
        TokenStream::new()
    };
    let deny = serde.deny_unknown_fields;
    let alone = alone(container, p, &read);
    let exact = exact(container, p, &read);
    quote! {
        // Its rules phases are quiet inside a `nested` field's value: walked there once.
        const __ONE_WALK: bool = true;
        #exact

        #signature {
            use #p::shape as __s;
            const __SHAPE: __s::DataEnum = __s::DataEnum {
                form: #form,
                names: &[#(#names),*],
                untagged_names: &[#(#untagged_names),*],
                variants: &[#(#shapes),*],
                deny_unknown_fields: #deny,
                alone: #alone,
            };
            __s::data_enum_whole::<Self>(
                __node,
                __path,
                __report,
                __rules,
                &__SHAPE,
                #whole,
                #has_checks,
            )
        }

        #[allow(unreachable_code, unused_variables)]
        fn __shape_variant(
            __variant: usize,
            __content: #p::shape::Content<'_>,
            __path: &#p::Path<'_>,
            __report: &mut #p::shape::Report,
            __rules: bool,
        ) -> bool {
            #bind_context
            match __variant {
                #(#arms)*
                _ => true,
            }
        }
    }
}

/// `DataEnum::alone`: per variant that serde reads from its buffered `Content` (all of them
/// but those of an externally tagged enum that are not `untagged`), the fields that
/// `customer_core`'s search for an error serde found there reads alone, each with its names (a
/// struct variant's) and its read (`ReadProbe::<T>::WHOLE` of its type made owned: `None` when
/// its type's walk is exact, decided at compile time), `None` when a `deserialize_with` function
/// reads it (the walk calls that one itself) or it cannot be read alone. Empty for a
/// generic enum (its fields' types are not known here) and a variant read by a function.
fn alone(container: &Container, p: &TokenStream, read: &[&Variant]) -> TokenStream {
    let serde = &container.serde;
    let external = serde.tag.is_none() && serde.content.is_none() && !serde.untagged;
    let buffered = |v: &Variant| !external || v.untagged;
    if !container.generics.params.is_empty() || !read.iter().any(|v| buffered(v)) {
        return quote!(&[]);
    }
    let entry = |field: &Field, names: Vec<&str>| {
        // Read as the walk reads a field for its rules: a borrowed type as its owned form.
        let read = match second_read::read(container, field, false) {
            Read::As(ty) if field.serde.deserialize_with.is_none() => {
                quote!(#p::shape::ReadProbe::<#ty>::WHOLE)
            }
            _ => quote!(::core::option::Option::None),
        };
        quote!(#p::shape::FieldRead::new(&[#(#names),*], #read))
    };
    let variants = read.iter().map(|v| {
        if !buffered(v) || v.serde.deserialize_with.is_some() {
            return quote!(&[]);
        }
        let fields = v.fields.iter().filter(|f| !f.serde.skip_deserializing);
        let entries: Vec<TokenStream> = match kind(v) {
            Kind::Unit => Vec::new(),
            Kind::Newtype(field) => vec![entry(field, Vec::new())],
            Kind::Tuple => fields.map(|field| entry(field, Vec::new())).collect(),
            Kind::Struct => fields
                .filter_map(|field| match &field.wire {
                    Wire::Key(key) if !field.serde.flatten => {
                        let names = std::iter::once(key.as_str())
                            .chain(field.serde.alias.iter().map(String::as_str))
                            .collect();
                        Some(entry(field, names))
                    }
                    _ => None,
                })
                .collect(),
        };
        quote!(&[#(#entries),*])
    });
    quote! {{
        use #p::shape::WholeViaNothing as _;
        &[#(#variants),*]
    }}
}

/// The types below an enum whose own form is exact, `None` when it is not: externally tagged
/// (serde reads the variant's content directly, with no buffering; the untagged, internally and
/// adjacently tagged forms read it through serde's `Content`, which refuses what a direct read
/// takes, 128-bit integers or borrowed text with escapes, say), without generics (a field's
/// answer is asked of its concrete type), no untagged variant (first-match over buffered
/// content), no `other` variant, no `deserialize_with` (a variant's or a field's: its function
/// may refuse what the wrapped type's walk takes), nothing flattened. Below it: each read
/// field's type (a skipped one reads its default).
fn exact_form<'v>(container: &Container, read: &[&'v Variant]) -> Option<Vec<&'v syn::Type>> {
    let serde = &container.serde;
    let external = serde.tag.is_none() && serde.content.is_none() && !serde.untagged;
    if !external || !container.generics.params.is_empty() {
        return None;
    }
    let mut below = Vec::new();
    for variant in read {
        if variant.untagged || variant.serde.other || variant.serde.deserialize_with.is_some() {
            return None;
        }
        for field in variant
            .fields
            .iter()
            .filter(|f| !f.serde.skip_deserializing)
        {
            if field.serde.flatten || field.serde.deserialize_with.is_some() {
                return None;
            }
            below.push(field.ty);
        }
    }
    Some(below)
}

/// The enum's `Shape::__EXACT` when its own form is exact (see [`exact_form`]); else nothing
/// (the default: not known).
fn exact(container: &Container, p: &TokenStream, read: &[&Variant]) -> TokenStream {
    let Some(types) = exact_form(container, read) else {
        return TokenStream::new();
    };
    // A type once (variants often hold the same ones), compared by its tokens.
    let mut below: Vec<TokenStream> = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for ty in types {
        let probe = quote!(#p::shape::ShapeProbe::<#ty>::EXACT);
        let text = probe.to_string();
        if !seen.contains(&text) {
            seen.push(text);
            below.push(probe);
        }
    }
    super::named::exact_node(container, true, &quote!(#(#below),*))
}

/// What a variant holds, as the walk sees it.
enum Kind<'v, 'a> {
    Unit,
    /// One field read (serde's newtype variant).
    Newtype(&'v Field<'a>),
    Tuple,
    Struct,
}

fn kind<'v, 'a>(variant: &'v Variant<'a>) -> Kind<'v, 'a> {
    match variant.style {
        Style::Unit => Kind::Unit,
        Style::Named => Kind::Struct,
        Style::Tuple if variant.fields.len() == 1 => Kind::Newtype(&variant.fields[0]),
        Style::Tuple => Kind::Tuple,
    }
}

/// A newtype variant: `customer_core`'s walk of it (`shape::newtype_variant`), given the wrapped
/// type's shape as function pointers and the field's own rules as a closure on the value read
/// alone; the model below is walked once with its rules when the field's only rule is `nested`
/// and its type is walked once (`Shape::__ONE_WALK`), else again for its rules.
fn newtype(container: &Container, p: &TokenStream, field: &Field, can: Can) -> TokenStream {
    let ty = field.ty;
    let bounded = second_read::bounded(container, field, has_value_rules(field));
    let read_ty = match second_read::read(container, field, bounded) {
        Read::As(read_ty) => Some(read_ty),
        Read::No => None,
    };
    let probes = probes(read_ty.is_some());
    let probe = quote!((&&#p::shape::ShapeProbe::<#ty>::NEW));
    let nested = is_nested(field) && can.validate;
    let only_nested = !has_value_rules(field);
    // Rules its model's rules function runs (as `validate_into` does): that function, on the
    // value `customer_core` reads alone.
    let common = has_value_rules(field) && can.validate && shared_rules(container, field);
    if let (true, Some(read_ty)) = (common, &read_ty) {
        let name = rules_fn(variant_at(container, field).unwrap_or(FieldAt {
            variant: None,
            field: 0,
        }));
        let run = second_read::with_ctx(container, "newtype_rules");
        return quote! {{
            #probes
            #p::shape::#run(
                __content,
                __path,
                __report,
                __rules,
                &#probe.wrapped(#nested, #only_nested),
                (&#p::shape::ReadProbe::<#read_ty>::NEW).reader(),
                Self::#name,
            )
        }};
    }
    // The field's rules on the value read alone (`__read_node`, a `&Node`; `None` when the
    // content member is missing).
    let value_rules = match &read_ty {
        Some(read_ty) if has_value_rules(field) && can.validate => {
            let checks = second_read::with_context(container, value_checks(container, field));
            // Its rules function, when it has one (a context model's: its own `ctx` passed).
            let checks = match variant_at(container, field) {
                Some(at) if shared_rules(container, field) => {
                    let call = call_rules_fn(
                        container,
                        at,
                        &quote!(&__customer_read),
                        &quote!(__path),
                        &TokenStream::new(),
                        &quote!(&mut __report.rules),
                    );
                    second_read::with_context(container, call)
                }
                _ => checks,
            };
            let read = quote!((&#p::shape::ReadProbe::<#read_ty>::NEW));
            quote! {
                ::core::option::Option::Some(&mut |
                    __read_node: ::core::option::Option<&#p::shape::Node>,
                    __path: &#p::Path<'_>,
                    __report: &mut #p::shape::Report<'_>,
                | {
                    let __read: ::core::option::Option<#ty> = match __read_node {
                        ::core::option::Option::Some(__node) => #read.read_node(__node, __path, __report),
                        ::core::option::Option::None => #read.read_missing(),
                    };
                    if let ::core::option::Option::Some(__customer_read) = __read {
                        #checks
                    }
                })
            }
        }
        _ => quote!(::core::option::Option::None),
    };
    quote! {{
        #probes
        #p::shape::newtype_variant(
            __content,
            __path,
            __report,
            __rules,
            &#probe.wrapped(#nested, #only_nested),
            #value_rules,
        )
    }}
}

/// Where a newtype variant's `field` is: the one field of its variant (names its rules function).
fn variant_at(container: &Container, field: &Field) -> Option<FieldAt> {
    let Data::Enum(variants) = &container.data else {
        return None;
    };
    let variant = variants
        .iter()
        .position(|v| v.fields.iter().any(|f| std::ptr::eq(f, field)))?;
    Some(FieldAt {
        variant: Some(variant),
        field: 0,
    })
}

/// The rules of a newtype variant's field on `__customer_read`, at the variant's content
/// (`__path`), into `__report.rules`.
fn value_checks(container: &Container, field: &Field) -> TokenStream {
    let krate = &container.krate;
    let p = krate;
    // Not `*__customer_path`: borrowed again, that trips `clippy::borrow_deref_ref`.
    let checks = field_checks(
        krate,
        field,
        &quote!(&__customer_read),
        &quote!(::core::clone::Clone::clone(__customer_path)),
        &quote!(__customer_report),
        container.attrs.context.as_ref(),
        Models::Walk,
    );
    quote! {
        let __customer_path: &#p::Path<'_> = __path;
        let __customer_report: &mut #p::ValidationErrors = &mut __report.rules;
        #checks
    }
}
