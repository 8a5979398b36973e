//! The `Shape` of an enum whose variants carry data: a constant `DataEnum` describing the
//! variants (names, aliases, what each holds, `other`, `untagged`) and the representation, walked
//! by `customer_core`'s `shape::data_enum`, which finds the variant and hands its content to the
//! generated `__shape_variant`: a struct variant's fields walked as a struct's (`named::variant`),
//! a tuple variant's elements as a tuple struct's (`forms::variant_tuple`), a newtype variant's
//! value by its type's shape. The enum is then read whole, for what serde refuses beyond the
//! shapes.

use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

use super::{checks_on, has_value_rules, is_nested, probes, read_whole, signature, Can};
use crate::ast::{Container, Field, Style, Variant};
use crate::expand::validate::container_checks;
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
    let serde = &container.serde;
    let read: Vec<&Variant> = variants
        .iter()
        .filter(|v| !v.serde.skip_deserializing)
        .collect();
    let form = match (&serde.tag, &serde.content, serde.untagged) {
        (_, _, true) => quote!(#p::shape::Form::Untagged),
        (Some(tag), Some(content), false) => quote!(#p::shape::Form::Adjacent(#tag, #content)),
        (Some(tag), None, false) => quote!(#p::shape::Form::Internal(#tag)),
        (None, _, false) => quote!(#p::shape::Form::External),
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
            #p::shape::VariantShape {
                accepted: &[#(#accepted),*],
                kind: #p::shape::VariantKind::#kind,
                untagged: #is_untagged,
                other: #other,
            }
        }
    });
    let arms = read.iter().enumerate().map(|(index, v)| {
        let body = match kind(v) {
            Kind::Unit => quote!(true),
            Kind::Newtype(field) => newtype(container, p, field, can),
            Kind::Tuple => super::forms::variant_tuple(container, p, &v.fields, can),
            Kind::Struct => {
                let walk = super::named::variant(container, p, &v.fields);
                quote! {{
                    let ::core::option::Option::Some((__members, mut __claims, __at)) =
                        #p::shape::struct_content(__content, __path, __report)
                    else {
                        return false;
                    };
                    let __claimed: &mut [bool] = #p::shape::Claims::marks(&mut __claims);
                    let __path: &#p::Path<'_> = &__at;
                    #walk
                }}
            }
        };
        quote!(#index => #body,)
    });
    let checks = container_checks(
        container,
        &quote!(&__whole),
        &quote!(__path),
        &quote!(&mut __report.rules),
    );
    let whole = read_whole(p, &quote!(__node), can, &checks);
    let whole_probes = probes(p, can.read);
    let bind_context = if can.validate {
        second_read::bind_context(container)
    } else {
        TokenStream::new()
    };
    let deny = serde.deny_unknown_fields;
    quote! {
        #signature {
            const __SHAPE: #p::shape::DataEnum = #p::shape::DataEnum {
                form: #form,
                names: &[#(#names),*],
                untagged_names: &[#(#untagged_names),*],
                variants: &[#(#shapes),*],
                deny_unknown_fields: #deny,
            };
            let __good = #p::shape::data_enum::<Self>(__node, __path, __report, __rules, &__SHAPE);
            if !(__good && __rules) {
                return __good;
            }
            // Read whole: what serde refuses beyond the shapes.
            #whole_probes
            #whole
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

/// A newtype variant: the wrapped value's shape where the content is (a member's value, or the
/// internally tagged enum's other members), its rules on the value read alone, and the model
/// below walked again for its rules.
fn newtype(container: &Container, p: &TokenStream, field: &Field, can: Can) -> TokenStream {
    let ty = field.ty;
    let bounded = second_read::bounded(container, field, has_value_rules(field));
    let read_ty = match second_read::read(container, field, bounded) {
        Read::As(read_ty) => Some(read_ty),
        Read::No => None,
    };
    let probes = probes(p, read_ty.is_some());
    let probe = quote!((&&#p::shape::ShapeProbe::<#ty>::NEW));
    // The field's rules on the value read alone (`__read_node`, a `&Node`).
    let value_rules = match &read_ty {
        Some(read_ty) if has_value_rules(field) && can.validate => {
            let checks = second_read::with_context(
                container,
                checks_on(container, field, &quote!(&__customer_read), Models::Walk),
            );
            quote! {
                let __read: ::core::option::Option<#ty> =
                    (&#p::shape::ReadProbe::<#read_ty>::NEW).read_node(__read_node, __path, __report);
                if let ::core::option::Option::Some(__customer_read) = __read {
                    #checks
                }
            }
        }
        _ => TokenStream::new(),
    };
    let missing_rules = match &read_ty {
        Some(read_ty) if has_value_rules(field) && can.validate => {
            let checks = second_read::with_context(
                container,
                checks_on(container, field, &quote!(&__customer_read), Models::Walk),
            );
            quote! {
                let __read: ::core::option::Option<#ty> =
                    (&#p::shape::ReadProbe::<#read_ty>::NEW).read_missing();
                if let ::core::option::Option::Some(__customer_read) = __read {
                    #checks
                }
            }
        }
        _ => TokenStream::new(),
    };
    let nested = is_nested(field) && can.validate;
    let rewalk_value = nested.then(|| {
        quote! {
            let mut __again = #p::shape::Report::again(__report);
            #probe.shape(__node, __path, &mut __again, true);
            #p::shape::Report::keep_rules(__report, __again);
        }
    });
    let rewalk_members = nested.then(|| {
        quote! {
            let mut __again = #p::shape::Report::again(__report);
            let mut __claims = #p::shape::snapshot(&__before);
            #probe.shape_members(__members, &mut __claims, __path, &mut __again, true);
            #p::shape::Report::keep_rules(__report, __again);
        }
    });
    let object_rules = (!value_rules.is_empty()).then(|| {
        quote! {
            if __good {
                let __object = #p::shape::unclaimed(__members, &__before);
                let __read_node = &__object;
                #value_rules
            }
        }
    });
    let _ = ty.to_token_stream();
    quote! {{
        #probes
        match __content {
            #p::shape::Content::Value(__node, __key) => {
                let __at = #p::shape::content_path(__path, __key);
                let __path: &#p::Path<'_> = &__at;
                let __good = #probe.shape(__node, __path, __report, false);
                if __rules {
                    if __good {
                        let __read_node = __node;
                        #value_rules
                    }
                    #rewalk_value
                }
                __good
            }
            #p::shape::Content::Members(__members, __claimed) => {
                let __before = #p::shape::snapshot(__claimed);
                let __good = #probe.shape_members(__members, __claimed, __path, __report, false);
                if __rules {
                    #object_rules
                    #rewalk_members
                }
                __good
            }
            #p::shape::Content::Missing(__key) => {
                if !#probe.missing_ok() {
                    #p::shape::missing_field(__report, &#p::Path::key(__path, __key));
                    return false;
                }
                if __rules {
                    #missing_rules
                }
                true
            }
        }
    }}
}
