//! The `Shape` impl: what a document must look like to read into the model, for the second read
//! of a document that did not read (see `customer_core::json`). It follows the model's serde
//! attributes: wire names (`rename`, `rename_all`, `alias`), `default`, `flatten`,
//! `skip_deserializing`, `deserialize_with` / `with`, `deny_unknown_fields`, `other`, and the
//! containers read in another form (`forms`: `transparent`, `from`, `try_from`, tuple structs,
//! field-less enums with `tag` or `untagged`; `data_enum`: enums whose variants carry data, and
//! adjacently tagged enums, in every representation). Only `remote` and structs with `tag` are
//! read whole (`opaque`).
//!
//! Each field's type is reached by autoref dispatch (`ShapeProbe`): its own `Shape` when it has
//! one, else a read through serde of that value alone, else nothing known. When rules are asked
//! for, each field that has the right shape is read alone and its rules are run; the models below
//! (`nested`) are walked with rules: once, for their shapes and rules together, when the field has
//! no other rule and its type says it can (`Shape::__ONE_WALK`: structs with named fields, enums
//! with data, newtype and tuple structs, and the standard containers of them), else again after the shape walk; and when every field has the
//! right shape the struct is read whole, which reports what serde refuses beyond the shapes and
//! runs the container's `check`s. Inside a model walked once for a `nested` field, the rules phase
//! is quiet (`Report::rules_phase`: what it finds about shapes is dropped, as the walk without
//! rules would not have found it) and the struct is read whole only for its `check`s: each level
//! of a document is walked once, however deep its models nest.
//!
//! None of this names a model's `validate_into`: a second caller would cost the valid path its
//! inlining (`validate_into` is inlined into `validate` and into its parent's only while it has a
//! single caller; scripts/bench-callgrind.sh measured +3% when the second read called it). Only
//! the rare forms below go through `validate()`: a container read through another type, a field
//! `skip_deserializing` or missing with a default, whose value has no node to walk.
//!
//! A struct with named fields is walked by `named`; for it `crate::second_read` decides what may
//! be read (generic and borrowing fields, and the bounds that let them be), brings in the
//! caller's context for a model with `#[customer(context(C))]`, and emits the `length` / `each`
//! rules of a collection that did not read. The other forms are in `forms`; the newtype, the
//! containers read whole (`opaque`) and the helpers both use are here.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Data, Field, Style};
use crate::expand::validate::container_checks;
use crate::rules::Models;
use crate::second_read;
use crate::trees::Moved;

mod data_enum;
mod facts;
mod forms;
mod named;
mod parts;

use parts::{checks_on, has_value_rules, is_nested, probes, read_whole, signature, Can};

pub(crate) fn expand(container: &Container) -> TokenStream {
    let p: &TokenStream = &container.krate;
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
            newtype(container, p, &fields[0], can)
        }
        _ if serde.remote => opaque(p, can),
        _ if serde.try_from.is_some() || serde.from.is_some() => {
            match (&serde.try_from, &serde.from) {
                (Some(ty), _) => forms::converted(p, ty, true, can),
                (None, Some(ty)) => forms::converted(p, ty, false, can),
                (None, None) => opaque(p, can),
            }
        }
        Data::Struct(_, fields) if serde.transparent => match forms::transparent_field(fields) {
            Some(field) => newtype(container, p, field, can),
            None => opaque(p, can),
        },
        // Not representations of a struct (serde refuses or ignores them): read whole.
        Data::Struct(..) if serde.tag.is_some() || serde.untagged => opaque(p, can),
        Data::Struct(Style::Named, fields) => {
            where_clause = second_read::where_clause(container, fields, has_value_rules, is_nested);
            named::named(container, p, fields)
        }
        Data::Struct(Style::Tuple, fields) if fields.len() == 1 => {
            newtype(container, p, &fields[0], can)
        }
        Data::Struct(Style::Tuple, fields) if fields.len() >= 2 => {
            forms::tuple(container, p, fields, can)
        }
        Data::Struct(..) => opaque(p, can),
        // Variants that carry data, or adjacently tagged (`tag` + `content`).
        Data::Enum(variants) if container.data_variants().is_some() || serde.content.is_some() => {
            where_clause = second_read::where_clause(
                container,
                variants.iter().flat_map(|v| v.fields.iter()),
                has_value_rules,
                is_nested,
            );
            data_enum::data_enum(container, p, variants)
        }
        Data::Enum(variants) => forms::field_less_enum(container, p, variants),
    };
    let (kind, keys) = facts_of(container);
    let assertions = facts::assertions(container);
    let body = Moved::new(body);
    quote! {
        use #p::shape as __s;
        #[automatically_derived]
        impl #impl_generics __s::Shape for #ident #ty_generics #where_clause {
            #kind
            #keys
            #body
        }
        #assertions
    }
}

/// The `__KIND` and `__KEYS` constants, following the forms of `expand`: only what serde is sure
/// to do with the form is said.
fn facts_of(container: &Container) -> (TokenStream, TokenStream) {
    use facts::Kind;
    let serde = &container.serde;
    let none = || (TokenStream::new(), TokenStream::new());
    match &container.data {
        Data::Union(_) => none(),
        // A parsed newtype reads from the text it parses.
        Data::Struct(Style::Tuple, fields)
            if fields.len() == 1 && !container.attrs.rules.is_empty() =>
        {
            (
                facts::kind(container, Some(Kind::NotObject)),
                TokenStream::new(),
            )
        }
        _ if serde.remote || serde.try_from.is_some() || serde.from.is_some() => none(),
        Data::Struct(..) if serde.transparent || serde.tag.is_some() || serde.untagged => none(),
        Data::Struct(Style::Named, _) => (
            facts::kind(container, Some(Kind::Object)),
            facts::keys(container),
        ),
        // Read from an array.
        Data::Struct(Style::Tuple, fields) if fields.len() >= 2 => (
            facts::kind(container, Some(Kind::NotObject)),
            TokenStream::new(),
        ),
        Data::Struct(..) => none(),
        Data::Enum(_) if container.data_variants().is_some() || serde.content.is_some() => {
            // An untagged enum reads whatever its variants read.
            let kind = (!serde.untagged).then_some(Kind::Object);
            (facts::kind(container, kind), facts::keys(container))
        }
        // A field-less enum reads from a string, unless it is tagged or untagged.
        Data::Enum(_) if serde.tag.is_none() && !serde.untagged => (
            facts::kind(container, Some(Kind::NotObject)),
            TokenStream::new(),
        ),
        Data::Enum(_) => none(),
    }
}

/// A container whose form is not described (`remote`, adjacently tagged): read whole, serde's
/// error at its pointer.
fn opaque(p: &TokenStream, can: Can) -> TokenStream {
    let signature = signature(p);
    let probes = probes(can.read);
    // Read through another type, the fields cannot be walked one by one: validated whole.
    let read = read_whole(
        p,
        &quote!(__node),
        can,
        &quote!(__s::validate_read(&__whole, __path, __report);),
    );
    quote! {
        #signature {
            #probes
            #read
        }
    }
}

fn newtype(container: &Container, p: &TokenStream, field: &Field, can: Can) -> TokenStream {
    let can_read = can.read;
    let signature = signature(p);
    let probes = probes(can_read);
    let ty = field.ty;
    let probe = quote!((&&__s::ShapeProbe::<#ty>::NEW));
    if !container.attrs.rules.is_empty() {
        // A parsed newtype: the inner value's shape, then the value it refuses.
        let refuse = if can_read {
            quote! {
                if let __p::Some(__inner) =
                    (&__s::ReadProbe::<#ty>::NEW).read_node(__node, __path, __report)
                {
                    if let __p::Err(__errors) =
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
    let has_then = can.read && can.validate && !then.is_empty();
    let whole = read_whole(p, &quote!(__node), can, &then);
    // serde reads a newtype (and a transparent struct) as its field: exact when the field's
    // type is and no `deserialize_with` reads it instead (see `named`). Without rules to run
    // on the value read, read whole only when the walk is not exact.
    let exact_field = container.generics.params.is_empty()
        && !field.serde.skip_deserializing
        && field.serde.deserialize_with.is_none();
    let exact = if exact_field {
        let ty = field.ty;
        named::exact_node(container, true, &quote!(__s::ShapeProbe::<#ty>::EXACT))
    } else {
        TokenStream::new()
    };
    let whole = if exact_field && !has_then {
        parts::whole_unless_exact(p, &quote!(__node), can)
    } else {
        whole
    };
    // Without a read (a generic container), nothing to decide.
    let whole_read = if can.read {
        quote!(__s::Report::reads_whole(&__phase, #has_then) && #whole)
    } else {
        quote!(true)
    };
    let nested = is_nested(field) && field.serde.deserialize_with.is_none();
    // A field whose only rules are `nested`: walked once with them when its type says so.
    let once = if nested && !has_value_rules(field) {
        quote!(__rules && #probe.one_walk())
    } else {
        quote!(false)
    };
    let rewalk = nested.then(|| {
        quote! {
            if !__once {
                __s::walk_again(__node, __path, __report, #probe.shape_fn());
            }
        }
    });
    quote! {
        // Its rules phase is quiet inside a `nested` field's value: walked there once.
        const __ONE_WALK: bool = true;
        #exact

        #signature {
            #probes
            let __once = #once;
            let __good = __s::value(__node, __path, __report, #probe.shape_fn(), __once);
            if !__rules {
                return __good;
            }
            let __phase = __s::Report::rules_phase(__report);
            #rewalk
            // Read whole: what serde refuses beyond the shapes, the field's rules and the
            // container's checks (inside a `nested` field's value walked once, only for those
            // rules and checks).
            let __read_whole = __good && #whole_read;
            __s::Report::end_rules_phase(__report, __phase, __good, __read_whole)
        }
    }
}

#[cfg(test)]
mod tests {
    /// The `Shape` impl of a model, from the derive's whole output (it comes after the
    /// `CustomerModel` impl).
    fn shape_impl(input: &syn::DeriveInput) -> String {
        let output = crate::expand::derive(input).to_string();
        let start = output
            .find("__s :: Shape for")
            .unwrap_or_else(|| panic!("no Shape impl in {output}"));
        output[start..].to_owned()
    }

    /// The second read walks the models below instead of validating them: a call to a model's
    /// `validate_into` there would be its second caller and cost the valid path its inlining.
    #[test]
    fn the_second_read_never_names_a_models_validate_into() {
        let models: [syn::DeriveInput; 5] = [
            syn::parse_quote! {
                #[serde(deny_unknown_fields)]
                #[customer(check = consistent)]
                struct Signup {
                    #[customer(email)]
                    email: String,
                    #[customer(nested)]
                    address: Address,
                    #[customer(nested)]
                    previous: Option<Box<Address>>,
                    #[customer(each(nested), length(max = 3))]
                    others: Vec<Address>,
                    #[customer(each(nested, length(max = 3)))]
                    tagged: Vec<Tagged>,
                    #[serde(flatten)]
                    #[customer(nested)]
                    extra: Extra,
                    #[customer(nested)]
                    by_name: std::collections::HashMap<String, Address>,
                }
            },
            syn::parse_quote! {
                struct Wrapper(#[customer(nested)] Address);
            },
            syn::parse_quote! {
                struct Page<T> {
                    #[customer(each(nested), length(max = 2))]
                    items: Vec<T>,
                }
            },
            syn::parse_quote! {
                #[serde(tag = "type")]
                #[customer(check = consistent)]
                enum Party {
                    Person {
                        #[customer(email)]
                        email: String,
                        #[customer(nested)]
                        address: Option<Address>,
                    },
                    #[customer(nested)]
                    Business(Address),
                    Guest,
                }
            },
            syn::parse_quote! {
                #[serde(untagged)]
                enum Contact {
                    Pair(#[customer(length(max = 3))] String, #[customer(nested)] Address),
                    Many(#[customer(each(nested))] Vec<Address>),
                }
            },
        ];
        for model in &models {
            let shape = shape_impl(model);
            assert!(!shape.contains("validate_into"), "{shape}");
        }
    }
}
