//! The `Shape` of containers serde reads in another form than an object of their fields: a
//! `#[serde(from / try_from = "T")]` container (the shape of `T`, then the conversion), a tuple
//! struct (an array of its fields), a field-less enum in each of serde's representations. A
//! `#[serde(transparent)]` struct is read as its one field: the newtype's shape (`super::newtype`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;

use super::parts::{
    checks_on, has_rules, has_value_rules, is_nested, probes, read_whole, signature, Can,
};
use crate::ast::{Container, Field, Variant};
use crate::expand::validate::{container_checks, rules_fn, said_needed, shared_rules, FieldAt};
use crate::rules::Models;

/// The field a `#[serde(transparent)]` struct is read as: its one field that is neither skipped
/// nor a `PhantomData` (as serde picks it); `None` when there is not exactly one.
pub(super) fn transparent_field<'c, 'a>(fields: &'c [Field<'a>]) -> Option<&'c Field<'a>> {
    let mut read = fields
        .iter()
        .filter(|f| !f.serde.skip_deserializing && !is_phantom(f.ty));
    let one = read.next()?;
    read.next().is_none().then_some(one)
}

fn is_phantom(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|segment| segment.ident == "PhantomData"),
        syn::Type::Group(group) => is_phantom(&group.elem),
        _ => false,
    }
}

/// `#[serde(from = "T")]` / `#[serde(try_from = "T")]` (`fallible`): the shape of `T`; once `T`
/// reads, the conversion's error at the container's pointer; then the rules of the converted
/// value, validated whole.
pub(super) fn converted(p: &TokenStream, ty: &syn::Type, fallible: bool, can: Can) -> TokenStream {
    let signature = signature(p);
    let probes = probes(can.read);
    let probe = quote!((&&#p::shape::ShapeProbe::<#ty>::NEW));
    if !can.read {
        return quote! {
            #signature {
                #probes
                #probe.shape(__node, __path, __report, false)
            }
        };
    }
    let error_probes = fallible.then(|| {
        quote! {
            use #p::shape::{ErrorViaAbsorb as _, ErrorViaAny as _};
        }
    });
    let convert = if fallible {
        quote! {
            let __whole: Self = match <Self as ::core::convert::TryFrom<#ty>>::try_from(__from) {
                ::core::result::Result::Ok(__whole) => __whole,
                ::core::result::Result::Err(__error) => {
                    (&#p::shape::ErrorProbe::<<Self as ::core::convert::TryFrom<#ty>>::Error>::NEW)
                        .report(__error, __path, __report);
                    return false;
                }
            };
        }
    } else {
        quote!(let __whole: Self = <Self as ::core::convert::From<#ty>>::from(__from);)
    };
    let validate = if can.validate {
        quote! {
            if __rules {
                #p::shape::validate_read(&__whole, __path, __report);
            }
        }
    } else {
        quote!(let _ = (&__whole, __rules);)
    };
    quote! {
        #signature {
            #probes
            #error_probes
            if !#probe.shape(__node, __path, __report, false) {
                return false;
            }
            let __shapes = #p::shape::Report::shape_count(__report);
            let ::core::option::Option::Some(__from) =
                (&#p::shape::ReadProbe::<#ty>::NEW).read_node(__node, __path, __report)
            else {
                return #p::shape::Report::shape_count(__report) == __shapes;
            };
            #convert
            #validate
            true
        }
    }
}

/// The value of a field whose element is not in the document, when serde gives it one;
/// `container_default` is the container's `#[serde(default)]` (none for an enum's variant).
fn default_value(
    container_default: Option<&Option<syn::ExprPath>>,
    field: &Field,
) -> Option<TokenStream> {
    let member = &field.member;
    match (&field.serde.default, container_default) {
        (Some(Some(path)), _) => Some(quote!(::core::option::Option::Some(#path()))),
        (Some(None), _) => Some(quote!(::core::option::Option::Some(
            ::core::default::Default::default()
        ))),
        (None, Some(Some(path))) => Some(quote!(::core::option::Option::Some(#path().#member))),
        (None, Some(None)) => Some(quote!(::core::option::Option::Some(
            <Self as ::core::default::Default>::default().#member
        ))),
        (None, None) => None,
    }
}

/// A tuple struct of two or more fields: an array of its fields that are read (serde reads the
/// missing trailing ones that have a default as their default), each element's shape at its
/// index, the rules of the elements that read, then the struct read whole for its checks.
pub(super) fn tuple(
    container: &Container,
    p: &TokenStream,
    fields: &[Field],
    can: Can,
) -> TokenStream {
    let signature = signature(p);
    let walk = quote!(.walk(__node, __path, __report, __rules));
    let table = elements_table(container, p, fields, None, can, &walk);
    let probes = probes(can.read);
    let Elements {
        min,
        max,
        shapes,
        goods,
        rules,
    } = elements(container, p, fields, can, container.serde.default.as_ref());
    let checks = container_checks(
        container,
        &quote!(&__whole),
        &quote!(__path),
        &quote!(&mut __report.rules),
    );
    let has_checks = can.read && can.validate && !checks.is_empty();
    let whole = read_whole(p, &quote!(__node), can, &checks);
    // serde reads an array of the fields read (see `elements`): exact when each field's type is
    // and no `deserialize_with` reads one instead. Without checks to run, read whole only when
    // the walk is not exact (see `named`).
    let read_fields = fields.iter().filter(|f| !f.serde.skip_deserializing);
    let exact_form = container.generics.params.is_empty()
        && read_fields
            .clone()
            .all(|f| f.serde.deserialize_with.is_none());
    let exact = if exact_form {
        let below: Vec<TokenStream> = read_fields
            .map(|f| {
                let ty = f.ty;
                quote!(#p::shape::ShapeProbe::<#ty>::EXACT)
            })
            .collect();
        super::named::exact_node(container, true, &quote!(#(#below),*))
    } else {
        TokenStream::new()
    };
    let whole = if exact_form && !has_checks {
        super::parts::whole_unless_exact(p, &quote!(__node), can)
    } else {
        whole
    };
    // Without a read (a generic container), nothing to decide.
    let whole_read = if can.read {
        quote!(#p::shape::Report::reads_whole(&__phase, #has_checks) && #whole)
    } else {
        quote!(true)
    };
    if let Some(table) = table {
        return quote! {
            // Its rules phase is quiet inside a `nested` field's value: walked there once.
            const __ONE_WALK: bool = true;
            #exact

            #signature #table
        };
    }
    quote! {
        // Its rules phase is quiet inside a `nested` field's value: walked there once.
        const __ONE_WALK: bool = true;
        #exact

        #signature {
            #probes
            let ::core::option::Option::Some((__items, __length_ok)) =
                #p::shape::tuple_items(__node, __path, __report, #min, #max)
            else {
                return false;
            };
            #shapes
            let __ok = __length_ok #(&& #goods)*;
            if !__rules {
                return __ok;
            }
            let __phase = #p::shape::Report::rules_phase(__report);
            #rules
            // Read whole: what serde refuses beyond the shapes, and the struct's checks (inside
            // a `nested` field's value walked once, only for those checks).
            let __read_whole = __ok && #whole_read;
            #p::shape::Report::end_rules_phase(__report, __phase, __ok, __read_whole)
        }
    }
}

/// The walk of the elements of a tuple struct or of an enum's tuple variant.
struct Elements {
    /// The fewest elements serde reads (the others have defaults).
    min: usize,
    /// The most.
    max: usize,
    /// The shape checks, over `__items`.
    shapes: TokenStream,
    /// The names of their verdicts.
    goods: Vec<syn::Ident>,
    /// The rules, when they run.
    rules: TokenStream,
}

fn elements(
    container: &Container,
    p: &TokenStream,
    fields: &[Field],
    can: Can,
    container_default: Option<&Option<syn::ExprPath>>,
) -> Elements {
    let read: Vec<&Field> = fields
        .iter()
        .filter(|f| !f.serde.skip_deserializing)
        .collect();
    let max = read.len();
    let min = read
        .iter()
        .rposition(|f| default_value(container_default, f).is_none())
        .map_or(0, |i| i + 1);
    let mut shapes = TokenStream::new();
    let mut goods: Vec<syn::Ident> = Vec::new();
    let mut rules = TokenStream::new();
    for (i, field) in read.iter().enumerate() {
        // An element whose only rules are `nested`: walked once with them when its type says so.
        let once = can.validate
            && is_nested(field)
            && !has_value_rules(field)
            && field.serde.deserialize_with.is_none();
        let element = Element::new(p, field, i, once);
        shapes.extend(element.shape());
        goods.push(element.good.clone());
        if can.validate {
            rules.extend(element.rules(container, container_default));
        }
    }
    if can.validate {
        rules.extend(skipped_rules(container, fields, container_default));
    }
    Elements {
        min,
        max,
        shapes,
        goods,
        rules,
    }
}

/// The description of a tuple's elements walked by `customer_core`'s `Elements` (see
/// `customer_core::shape::table`): each element read a `Field` without names (its flags and
/// type's shape) carrying its rules function in a holder of `customer_core` (`RuledAt`,
/// `RuledAtWith`, either under `Or` with a default), and for a tuple struct (`variant` `None`) the
/// whole read; in a block that brings the probes in scope, walked by `walk` (the method call).
/// An element read by its `deserialize_with` function is read by it for its shape, and again
/// for its rules (`RuledAtBy`, `RuledAtByWith`). `None` when an element has rules its rules function does not run (`nested`
/// with others, a `nested` model missing with a default), or a skipped field has rules: the
/// generated walk then.
fn elements_table(
    container: &Container,
    p: &TokenStream,
    fields: &[Field],
    variant: Option<usize>,
    can: Can,
    walk: &TokenStream,
) -> Option<TokenStream> {
    let container_default = match variant {
        None => container.serde.default.as_ref(),
        Some(_) => None,
    };
    let mut entries = Vec::new();
    let params: Vec<&syn::Ident> = container.generics.type_params().map(|p| &p.ident).collect();
    let mut said = Vec::new();
    for (index, field) in fields.iter().enumerate() {
        let rules = can.validate && has_rules(field);
        if field.serde.skip_deserializing {
            if rules {
                return None;
            }
            continue;
        }
        let with = field.serde.deserialize_with.as_ref();
        let default = default_value(container_default, field);
        let value = can.validate && has_value_rules(field);
        // Its rules are its rules function's: the same as `validate_into` runs.
        let common = value && shared_rules(container, field);
        if (value || (rules && default.is_some())) && !common {
            return None;
        }
        let ty = field.ty;
        let mut flags = Vec::new();
        if default.is_some() {
            flags.push(quote!(__s::MAY_MISS));
        }
        if let Some(with) = with {
            // Read by its function, for its shape and again for its rules.
            let read = super::named::with_read(p, ty, with);
            let flags = if flags.is_empty() {
                quote!(0)
            } else {
                quote!(#(#flags)|*)
            };
            let mut entry = quote! {
                __s::Field::read_by(&[], #flags, |__v, __p, __r, _| {
                    ::core::option::Option::is_some(&#read)
                })
            };
            if common {
                // Its rules function on the value the function reads, or on its default.
                let name = rules_fn(FieldAt {
                    variant,
                    field: index,
                });
                let missing = default
                    .clone()
                    .unwrap_or_else(|| quote!(::core::option::Option::None));
                let holder = match container.attrs.context {
                    Some(_) => quote!(RuledAtByWith),
                    None => quote!(RuledAtBy),
                };
                entry.extend(quote! {
                    .read_rules_at(&__s::#holder(|__v, __p, __r| #read, || #missing, Self::#name))
                });
            }
            entries.push(entry);
            continue;
        }
        if can.validate && is_nested(field) {
            if !value {
                flags.push(quote!(__s::ONE_WALK));
            }
            flags.push(quote!(__s::NESTED));
        }
        // Its rules function, carried by its entry (`RuledAt`; `RuledAtWith` for a model with
        // a context; either under `Or` with a default).
        let mut own = None;
        if common {
            let name = rules_fn(FieldAt {
                variant,
                field: index,
            });
            own = Some(match (&default, container.attrs.context.is_some()) {
                (Some(value), false) => quote!(&__s::Or(__s::RuledAt(Self::#name), || #value)),
                (None, false) => quote!(&__s::RuledAt(Self::#name)),
                (Some(value), true) => quote!(&__s::Or(__s::RuledAtWith(Self::#name), || #value)),
                (None, true) => quote!(&__s::RuledAtWith(Self::#name)),
            });
        }
        let flags = if flags.is_empty() {
            quote!(0)
        } else {
            quote!(#(#flags)|*)
        };
        // An element that must say `nested` when its type is a model: refused by its entry.
        let (probe, method) = if said_needed(field, &params) {
            said.push(field);
            let at = ty.span();
            (
                quote_spanned!(at=> (&&__s::ShapeProbe::<#ty>::SAID)),
                proc_macro2::Ident::new(
                    if own.is_some() {
                        "field_rules"
                    } else {
                        "field"
                    },
                    at,
                ),
            )
        } else {
            (
                quote!((&&__s::ShapeProbe::<#ty>::NEW)),
                proc_macro2::Ident::new(
                    if own.is_some() {
                        "field_rules"
                    } else {
                        "field"
                    },
                    proc_macro2::Span::call_site(),
                ),
            )
        };
        entries.push(match own {
            Some(rules) => quote!(#probe.#method(&[], #flags, #rules)),
            None => quote!(#probe.#method(&[], #flags)),
        });
    }
    for field in said {
        field.said_in_entry.set(true);
    }
    // Every element's rules are its entry's: no check function.
    let check = quote!(__s::no_element_check);
    let (whole, has_checks) = match variant {
        None => super::named::whole(container, p, can, false),
        Some(_) => (quote!(__p::None), false),
    };
    let probes = probes(can.read);
    let elements = if has_checks {
        quote! {
            __s::Elements {
                fields: &[#(#entries),*],
                check: #check,
                whole: #whole,
                checks: true,
            }
        }
    } else {
        quote!(__s::Elements::new(&[#(#entries),*], #check, #whole))
    };
    Some(quote! {{
        #probes
        #elements
        #walk
    }})
}

/// The walk of an enum's tuple variant (the `variant`th of the enum): a block of type `bool`
/// over `__content` (its `Content`), `__path`, `__report` and `__rules`; the elements at
/// `<content>/<i>`.
pub(super) fn variant_tuple(
    container: &Container,
    p: &TokenStream,
    fields: &[Field],
    variant: usize,
    can: Can,
) -> TokenStream {
    let walk = quote!(.walk_content(__content, __path, __report, __rules));
    if let Some(table) = elements_table(container, p, fields, Some(variant), can, &walk) {
        return table;
    }
    let Elements {
        min,
        max,
        shapes,
        goods,
        rules,
    } = elements(container, p, fields, can, None);
    // The rules in a rules phase: quiet inside a `nested` field's value walked once.
    let rules = if rules.is_empty() {
        quote!(__ok)
    } else {
        quote! {
            if !__rules {
                return __ok;
            }
            let __phase = #p::shape::Report::rules_phase(__report);
            #rules
            #p::shape::Report::end_rules_phase(__report, __phase, __ok, true)
        }
    };
    let probes = probes(can.read);
    quote! {{
        #probes
        let ::core::option::Option::Some((__items, __length_ok, __at)) =
            #p::shape::tuple_content(__content, __path, __report, #min, #max)
        else {
            return false;
        };
        let __path: &#p::Path<'_> = &__at;
        #shapes
        let __ok = __length_ok #(&& #goods)*;
        #rules
    }}
}

/// One element of a tuple struct, and what its emitters share.
struct Element<'a> {
    p: &'a TokenStream,
    field: &'a Field<'a>,
    ty: &'a syn::Type,
    index: usize,
    /// `__goodN`: the element has its shape (or is not there: the length says so).
    good: syn::Ident,
    /// `__withN`: the value a `deserialize_with` function read.
    with_value: syn::Ident,
    /// The shape probe of the field's type.
    probe: TokenStream,
    /// The element's pointer.
    at: TokenStream,
    /// The element's node, if the array is long enough.
    element: TokenStream,
    /// Its only rules are `nested`: walked once for its shapes and its rules when its type is
    /// (`Shape::__ONE_WALK`).
    once: bool,
}

impl<'a> Element<'a> {
    fn new(p: &'a TokenStream, field: &'a Field<'a>, i: usize, once: bool) -> Self {
        let ty = field.ty;
        Element {
            p,
            field,
            ty,
            index: i,
            good: format_ident!("__good{}", i),
            with_value: format_ident!("__with{}", i),
            probe: quote!((&&#p::shape::ShapeProbe::<#ty>::NEW)),
            at: quote!(&#p::Path::index(__path, #i)),
            // `get(0)` trips `clippy::get_first`.
            element: if i == 0 {
                quote!(__items.first())
            } else {
                quote!(__items.get(#i))
            },
            once,
        }
    }

    /// The element's shape, or its `deserialize_with` read.
    fn shape(&self) -> TokenStream {
        let Element {
            p,
            ty,
            good,
            with_value,
            probe,
            at,
            element,
            ..
        } = self;
        let (check, with_let) = match &self.field.serde.deserialize_with {
            Some(with) => (
                quote! {{
                    #with_value = #p::shape::read_with(
                        __value,
                        #at,
                        __report,
                        |__v| -> ::core::result::Result<#ty, #p::serde_json::Error> { #with(__v) },
                    );
                    ::core::option::Option::is_some(&#with_value)
                }},
                quote! {
                    let mut #with_value: ::core::option::Option<#ty> = ::core::option::Option::None;
                },
            ),
            None => {
                let once = if self.once {
                    quote!(__rules && #probe.one_walk())
                } else {
                    quote!(false)
                };
                let index = self.index;
                return quote! {
                    let #good = #p::shape::element(
                        __items,
                        #index,
                        __path,
                        __report,
                        #probe.shape_fn(),
                        #once,
                    );
                };
            }
        };
        quote! {
            #with_let
            let #good = match #element {
                ::core::option::Option::Some(__value) => #check,
                // Too short an array is reported once, as its length.
                ::core::option::Option::None => true,
            };
        }
    }

    /// The element's rules: on the value read alone, on a missing element's default, and in
    /// the model below, walked again.
    fn rules(
        &self,
        container: &Container,
        container_default: Option<&Option<syn::ExprPath>>,
    ) -> TokenStream {
        let Element {
            p,
            field,
            ty,
            index: i,
            good,
            with_value,
            probe,
            at,
            element,
            once,
        } = self;
        let mut rules = TokenStream::new();
        if has_value_rules(field) {
            let read_present = match &field.serde.deserialize_with {
                Some(_) => quote!(#with_value),
                None => quote! {
                    (&#p::shape::ReadProbe::<#ty>::NEW).read_node(__value, #at, __report)
                },
            };
            let checks = checks_on(container, field, &quote!(&__customer_read), Models::Walk);
            rules.extend(quote! {
                if #good {
                    if let ::core::option::Option::Some(__value) = #element {
                        let _ = __value;
                        let __read: ::core::option::Option<#ty> = #read_present;
                        if let ::core::option::Option::Some(__customer_read) = __read {
                            #checks
                        }
                    }
                }
            });
        }
        if let (true, Some(value)) = (has_rules(field), default_value(container_default, field)) {
            // A defaulted element that is not there has no node to walk: validated whole.
            let checks = checks_on(
                container,
                field,
                &quote!(&__customer_read),
                Models::Validate,
            );
            rules.extend(quote! {
                if __items.len() <= #i {
                    let __read: ::core::option::Option<#ty> = #value;
                    if let ::core::option::Option::Some(__customer_read) = __read {
                        #checks
                    }
                }
            });
        }
        if is_nested(field) && field.serde.deserialize_with.is_none() {
            // The model below is walked again, with rules: the rules of its parts that read.
            // Not when its shape walk was that walk.
            let walked = if *once {
                quote!(#probe.one_walk())
            } else {
                quote!(false)
            };
            rules.extend(quote! {
                if let ::core::option::Option::Some(__value) = #element {
                    if !#walked {
                        #p::shape::walk_again(__value, #at, __report, #probe.shape_fn());
                    }
                }
            });
        }
        rules
    }
}

/// The rules of the fields serde skips: on their defaults, which the struct holds.
fn skipped_rules(
    container: &Container,
    fields: &[Field],
    container_default: Option<&Option<syn::ExprPath>>,
) -> TokenStream {
    let mut rules = TokenStream::new();
    for field in fields.iter().filter(|f| f.serde.skip_deserializing) {
        if !has_rules(field) {
            continue;
        }
        let ty = field.ty;
        let value = default_value(container_default, field).unwrap_or_else(|| {
            quote!(::core::option::Option::Some(
                ::core::default::Default::default()
            ))
        });
        let checks = checks_on(
            container,
            field,
            &quote!(&__customer_read),
            Models::Validate,
        );
        rules.extend(quote! {
            let __read: ::core::option::Option<#ty> = #value;
            if let ::core::option::Option::Some(__customer_read) = __read {
                #checks
            }
        });
    }
    rules
}

/// A field-less enum: a name in serde's default form, `{"tag": name}` with `#[serde(tag)]`,
/// `null` with `#[serde(untagged)]` (see `customer_core`'s `shape::forms`).
pub(super) fn field_less_enum(
    container: &Container,
    p: &TokenStream,
    variants: &[Variant],
) -> TokenStream {
    let signature = signature(p);
    let untagged = container.serde.untagged;
    let is_unit = |v: &Variant| matches!(v.original.fields, syn::Fields::Unit);
    let read: Vec<&Variant> = variants
        .iter()
        .filter(|v| !v.serde.skip_deserializing)
        .collect();
    let known: Vec<&Variant> = read
        .iter()
        .copied()
        .filter(|v| v.attrs.other.is_none() && !v.untagged && !untagged)
        .collect();
    let names = known.iter().map(|v| &v.wire_name);
    let accepted = known
        .iter()
        .flat_map(|v| std::iter::once(&v.wire_name).chain(v.serde.alias.iter()));
    let any_name = read.iter().any(|v| v.serde.other);
    // Read untagged: a unit variant from `null`, the `other` variant from any string.
    let null = read
        .iter()
        .any(|v| (v.untagged || untagged) && v.attrs.other.is_none() && is_unit(v));
    let any_string = read
        .iter()
        .any(|v| v.attrs.other.is_some() || ((v.untagged || untagged) && !is_unit(v)));
    let call = match (&container.serde.tag, untagged) {
        (_, true) => quote!(#p::shape::untagged(__node, __path, __report, &__SHAPE)),
        (Some(tag), false) => quote!(#p::shape::internal(__node, __path, __report, #tag, &__SHAPE)),
        (None, false) => quote!(#p::shape::external(__node, __path, __report, &__SHAPE)),
    };
    // Read from one of its names (or `{"name": null}`), all checked by the walk: exact.
    let exact = (container.serde.tag.is_none()
        && !untagged
        && !null
        && !any_string
        && read.iter().all(|v| is_unit(v) && !v.untagged))
    .then(|| quote!(const __EXACT: #p::shape::Exact = #p::shape::Exact::YES;));
    quote! {
        #exact
        #signature {
            const __SHAPE: #p::shape::UnitEnum = #p::shape::UnitEnum {
                names: &[#(#names),*],
                accepted: &[#(#accepted),*],
                any_name: #any_name,
                null: #null,
                any_string: #any_string,
            };
            let _ = __rules;
            #call
        }
    }
}
