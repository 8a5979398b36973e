//! The `Shape` of a struct with named fields: each member found by its wire name or an alias
//! (repeated members reported, and unknown ones under `deny_unknown_fields`), its value walked by
//! its type's shape, `default`ed and `flatten`ed fields, the fields that read checked by their
//! rules, and the struct read whole when every field has the right shape.

use proc_macro2::{Ident, Literal, Punct, Spacing, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned, ToTokens, TokenStreamExt};
use syn::spanned::Spanned;

use super::parts::{
    checks_at, checks_on, has_rules, has_value_rules, is_nested, probes, read_whole,
    whole_unless_exact, Can,
};
use crate::ast::{aliased, Container, Data, Field, Variant, Wire};
use crate::expand::validate::{
    call_rules_fn, container_checks, each_fn, each_rules, model_rules, rules_fn, said_needed,
    shared_rules, FieldAt,
};
use crate::rules::Models;
use crate::second_read::{self, Read, ReadTy};
use crate::trees::{AppendStream, Moved, Trees};

pub(super) fn named(container: &Container, p: &TokenStream, fields: &[Field]) -> TokenStream {
    let can = can(container);
    let exact = exact(container, fields);
    let flat = table(container, p, fields, None, can).unwrap_or_else(|| {
        let out = walk(
            container,
            p,
            fields,
            None,
            can,
            container.serde.default.as_ref(),
        );
        flat_walk(container, p, can, &out)
    });
    finish(container, exact, flat)
}

/// The body of `__shape_flat` as a table of the fields walked by `customer_core`'s
/// `named_flat` (see `customer_core::shape::table`): each field a `Field` (its names, flags and
/// type's shape), a field with rules carrying its rules function in a holder of `customer_core`
/// (`field_rules`, see `FieldCx::own_rules`), the rules of the few forms no holder runs in one
/// closure matching on the field's index (the field's own code, see `FieldCx::table_arm`), and
/// the whole read in another. A field that must say `nested` when its type is a model is
/// refused by its entry (its probe `SAID`, see `Field::said_in_entry`). A field read by its
/// `deserialize_with` function is read by it (`Field::read_by`), for its shape and again for
/// its rules (`Field::read_rules`), or, a defaulted `nested` model, its default validated when
/// missing (`Field::or_model`). A `flatten`ed field walks the members left (`Field::flat`). `None` when
/// a `flatten`ed field has rules on its value (or cannot be read through serde), a
/// `deserialize_with` field has other rules its rules function does not run, or a skipped
/// field has rules (refused by `check` anyway): the generated walk then.
///
/// For the struct variant `variant` of an enum: no whole read (the enum is read whole by its
/// caller), no container `default`, and the enum's `deny_unknown_fields` checked by the walk.
fn table(
    container: &Container,
    p: &TokenStream,
    fields: &[Field],
    variant: Option<usize>,
    can: Can,
) -> Option<TokenStream> {
    // A struct's fields over its members; a variant's over its content (`Content`).
    let walk = match variant {
        None => quote!(.walk(__w)),
        Some(_) => quote!(.walk_content(__content, __path, __report, __rules)),
    };
    let container_default = match variant {
        None => container.serde.default.as_ref(),
        Some(_) => None,
    };
    let mut cxs = Vec::new();
    for (i, field) in fields.iter().enumerate() {
        let at = FieldAt { variant, field: i };
        let cx = FieldCx::new(container, p, field, at, can, container_default, true);
        if field.serde.skip_deserializing {
            if cx.skipped().is_empty() {
                continue;
            }
            return None;
        }
        // A `flatten`ed field is an entry when it has no rules on its value read alone.
        let flat = matches!(field.wire, Wire::Same) && cx.can_read && !cx.has_checks;
        if !matches!(field.wire, Wire::Key(_)) && !flat {
            return None;
        }
        cxs.push(cx);
    }
    let bind_context = if can.validate {
        second_read::bind_context(container)
    } else {
        TokenStream::new()
    };
    // The probe traits once for the whole table, unless a field that cannot be read through
    // serde (its type names a lifetime or a type parameter) has rules to run here: its entry
    // calls `field_unread`, which serde's arm does not have. Else each field brings its own.
    for cx in cxs.iter_mut().filter(|cx| !cx.can_read) {
        cx.probes = probes(false);
    }
    let in_scope = cxs
        .iter()
        .filter(|cx| !cx.can_read)
        .all(|cx| cx.table_arm(&bind_context).is_none());
    for cx in &mut cxs {
        cx.probes = match (in_scope, cx.can_read) {
            (true, _) => TokenStream::new(),
            (false, true) => probes(true),
            (false, false) => std::mem::take(&mut cx.probes),
        };
    }
    // The entries, comma-separated, in one stream (not a stream each, interpolated one by one).
    let mut entries = TokenStream::new();
    let mut first = true;
    let mut arms = Vec::new();
    let params: Vec<&syn::Ident> = container.generics.type_params().map(|p| &p.ident).collect();
    let mut said = Vec::new();
    // With the probe traits in scope for the whole table, a probe that several entries take
    // (the same type, `SAID` or not) is bound once before them: `let __probe_0 = &&…;`.
    let mut shared = Shared::default();
    let mut keys: Vec<Option<String>> = cxs
        .iter()
        .map(|cx| {
            let key = (in_scope
                && cx.field.serde.deserialize_with.is_none()
                && matches!(cx.field.wire, Wire::Key(_)))
            .then(|| type_key(cx.ty))
            .flatten()?;
            shared.count(key.clone(), said_needed(cx.field, &params));
            Some(key)
        })
        .collect();
    let mut bindings = TokenStream::new();
    for (index, cx) in cxs.iter().enumerate() {
        let Wire::Key(key) = &cx.field.wire else {
            // `flatten`: walked over the members the fields before it left (its model again
            // with rules when it is `nested`).
            let (ty, nested) = (cx.ty, is_nested(cx.field));
            let flags = flag_set(if nested { &["NESTED"] } else { &[] });
            let entry = scoped(
                &cx.probes,
                quote!((&&__s::ShapeProbe::<#ty>::NEW).flat_field(#flags)),
            );
            separate(&mut entries, &mut first);
            entries.append_stream(entry);
            continue;
        };
        let names =
            std::iter::once(key.as_str()).chain(cx.field.serde.alias.iter().map(String::as_str));
        if let Some(with) = &cx.field.serde.deserialize_with {
            // Read by its function, for its shape and again for its rules (its rules
            // function's only: other code needs the walk's value).
            // A defaulted `nested` model: its default validated whole when it is missing.
            let model_or = cx.model_default_with();
            let rules = if model_or.is_some() {
                None
            } else {
                cx.with_rules()?
            };
            let read = with_read(p, cx.ty, with);
            let mut flags = Vec::new();
            if cx.default_value.is_some() {
                flags.push("MAY_MISS");
            }
            let flags = flag_set(&flags);
            separate(&mut entries, &mut first);
            entries.extend(quote! {
                __s::Field::read_by(&[#(#names),*], #flags, |__v, __p, __r, _| {
                    ::core::option::Option::is_some(&#read)
                })
            });
            if let Some(rules) = rules {
                entries.extend(quote!(.read_rules(&#rules)));
            }
            if let Some(value) = model_or {
                let ty = cx.ty;
                entries.extend(quote! {
                    .or_model(&__s::ModelReadBy::<#ty>(__s::Reader {
                        read: |__v, __p, __r| #read,
                        missing: || #value,
                    }))
                });
            }
            continue;
        }
        // A field whose rules are one call of its rules function carries it in its entry, and
        // so does a defaulted `nested` model (its default validated whole when missing).
        let own = cx.own_rules();
        let model_default = own.is_none() && cx.model_default();
        let arm = if own.is_some() || model_default {
            None
        } else {
            cx.table_arm(&bind_context)
        };
        let mut flags = Vec::new();
        if cx.default_value.is_some() || !cx.field.layers.is_empty() {
            flags.push("MAY_MISS");
        }
        if cx.one_walk() {
            flags.push("ONE_WALK");
        }
        if is_nested(cx.field) {
            flags.push("NESTED");
        }
        if let Some(arm) = arm {
            flags.push("CHECK");
            arms.push((proc_macro2::Literal::usize_unsuffixed(index), arm));
        }
        let flags = flag_set(&flags);
        let ty = cx.ty;
        // With its own rules, the type they read (a `Cow<'a, _>` read as `Cow<'static, _>`:
        // the same shape).
        let owned = matches!((&own, &cx.read_ty), (Some(_), ReadTy::Owned(_)));
        let probe_ty: &dyn ToTokens = match (&own, &cx.read_ty) {
            (Some(_), ReadTy::Owned(owned)) => owned,
            _ => ty,
        };
        // A field that must say `nested` when its type is a model: refused by its entry (the
        // probe `SAID`, whose methods are refused for a model at the field's name).
        let said_here = said_needed(cx.field, &params);
        let bound = keys[index]
            .take()
            .filter(|_| !owned)
            .and_then(|key| shared.binding(&key, said_here));
        // A model field refused by its entry's method call, spanned at the field's name (its
        // receiver too: the error covers the call).
        let at = if said_here {
            said.push(cx.field);
            cx.field.ident.map_or_else(|| ty.span(), syn::Ident::span)
        } else {
            proc_macro2::Span::call_site()
        };
        let constant = Ident::new(if said_here { "SAID" } else { "NEW" }, at);
        let probe = match bound {
            Some((mut name, first)) => {
                if first {
                    bindings.extend(quote!(let #name = &&__s::ShapeProbe::<#probe_ty>::#constant;));
                }
                name.set_span(at);
                name.into_token_stream()
            }
            None => quote_spanned!(at=> (&&__s::ShapeProbe::<#probe_ty>::#constant)),
        };
        let field_rules = Ident::new("field_rules", at);
        let rules = own.is_some().then(|| rules_fn(cx.at));
        let layers = || Literal::usize_unsuffixed(cx.field.layers.len());
        // Each call quoted whole (an interpolated stream costs bridge calls inside rustc).
        let call = match (own, &cx.default_value) {
            (None, Some(value)) if model_default => quote! {
                #field_rules(&[#(#names),*], #flags, &__s::ModelOr(|| #value))
            },
            (Some(Own::Ruled), _) => {
                quote!(#field_rules(&[#(#names),*], #flags, &__s::Ruled(Self::#rules)))
            }
            (Some(Own::Or(value)), _) => quote! {
                #field_rules(&[#(#names),*], #flags, &__s::Or(__s::Ruled(Self::#rules), || #value))
            },
            (Some(Own::With), _) => {
                quote!(#field_rules(&[#(#names),*], #flags, &__s::RuledWith(Self::#rules)))
            }
            (Some(Own::WithOr(value)), _) => quote! {
                #field_rules(&[#(#names),*], #flags, &__s::Or(__s::RuledWith(Self::#rules), || #value))
            },
            (Some(Own::EachOr(each, value)), _) => {
                let layers = layers();
                quote! {
                    #field_rules(
                        &[#(#names),*],
                        #flags,
                        &__s::Or(__s::RuledEach(Self::#rules, #layers, Self::#each), || #value)
                    )
                }
            }
            (Some(Own::EachWithOr(each, value)), _) => {
                let layers = layers();
                quote! {
                    #field_rules(
                        &[#(#names),*],
                        #flags,
                        &__s::Or(__s::RuledEachWith(Self::#rules, #layers, Self::#each), || #value)
                    )
                }
            }
            (Some(Own::Model(tail)), _) => {
                let holder = holder(container, "RuledModel");
                quote!(#field_rules(&[#(#names),*], #flags, &__s::#holder(Self::#rules, #tail)))
            }
            (Some(Own::EachLen(tail, value)), _) => {
                let missing = match value {
                    Some(value) => quote!(|| #value),
                    None => quote!(__s::read_missing),
                };
                let holder = holder(container, "RuledEachLen");
                quote! {
                    #field_rules(
                        &[#(#names),*],
                        #flags,
                        &__s::#holder(Self::#rules, #tail, #missing)
                    )
                }
            }
            (Some(Own::Each(each)), _) => {
                let layers = layers();
                quote! {
                    #field_rules(
                        &[#(#names),*],
                        #flags,
                        &__s::RuledEach(Self::#rules, #layers, Self::#each)
                    )
                }
            }
            (Some(Own::Len(len)), _) => {
                let holder = holder(container, "RuledLen");
                quote!(#field_rules(&[#(#names),*], #flags, &__s::#holder(Self::#rules, #len)))
            }
            (Some(Own::LenAs(len)), _) => {
                quote!(#field_rules(&[#(#names),*], #flags, &__s::RuledLenAs(Self::#rules, #len)))
            }
            (Some(Own::Length(len)), _) => {
                quote!(#field_rules(&[#(#names),*], #flags, &__s::Length::new(#len)))
            }
            (Some(Own::EachWith(each)), _) => {
                let layers = layers();
                quote! {
                    #field_rules(
                        &[#(#names),*],
                        #flags,
                        &__s::RuledEachWith(Self::#rules, #layers, Self::#each)
                    )
                }
            }
            (None, _) if in_scope && !cx.can_read => {
                let method = Ident::new("field_unread", at);
                quote!(#method(&[#(#names),*], #flags))
            }
            (None, _) => {
                let method = Ident::new("field", at);
                quote!(#method(&[#(#names),*], #flags))
            }
        };
        let entry = scoped(&cx.probes, quote!(#probe.#call));
        separate(&mut entries, &mut first);
        entries.append_stream(entry);
    }
    // `customer_core` calls it for the fields flagged `CHECK` only: one such field needs no
    // `match`.
    let check = match arms.as_slice() {
        [] => TokenStream::new(),
        [(_, arm)] if is_block(arm) => quote!(|_, __c| #arm),
        [(_, arm)] => quote!(|_, __c| {
            #arm;
        }),
        _ => {
            // A call as a statement in a block of its own: as an arm's expression, rustfmt
            // makes it a block without `;` where it does not fit its line
            // (`clippy::semicolon_if_nothing_returned` on the committed expansion).
            let arms = arms.iter().map(|(index, arm)| {
                if is_block(arm) {
                    quote!(#index => #arm,)
                } else {
                    quote!(#index => { #arm; })
                }
            });
            quote! {
                |__index, __c| match __index {
                    #(#arms)*
                    _ => {}
                }
            }
        }
    };
    let (whole, has_checks) = match variant {
        None => whole(container, p, can, !in_scope),
        Some(_) => (quote!(__p::None), false),
    };
    let deny = variant.is_some() && container.serde.deny_unknown_fields;
    let head = if in_scope {
        probes(true)
    } else {
        TokenStream::new()
    };
    let check = if check.is_empty() {
        quote!(__s::no_check)
    } else {
        check
    };
    let (check, whole) = (Moved::new(check), Moved::new(whole));
    let named = if has_checks || deny {
        quote! {
            __s::Named {
                fields: &[#entries],
                check: #check,
                whole: #whole,
                checks: #has_checks,
                deny: #deny,
            }
        }
    } else {
        quote!(__s::Named::new(&[#entries], #check, #whole))
    };
    for field in said {
        field.said_in_entry.set(true);
    }
    let (head, bindings, named) = (Moved::new(head), Moved::new(bindings), Moved::new(named));
    Some(quote! {
        #head
        #bindings
        #named
        #walk
    })
}

/// The probes several entries of one table take (see `table`): how many take each (its type's
/// text and whether it is `SAID`), then the name each is bound to.
#[derive(Default)]
struct Shared {
    /// Each probe's type text, whether it is `SAID`, how many entries take it, and its binding
    /// once made.
    probes: Vec<(String, bool, usize, Option<Ident>)>,
    /// Bindings made so far.
    bound: usize,
}

impl Shared {
    /// One more entry takes the probe of the type `key` (`said`: its `SAID`).
    fn count(&mut self, key: String, said: bool) {
        match self
            .probes
            .iter_mut()
            .find(|(k, s, _, _)| *s == said && *k == key)
        {
            Some((_, _, count, _)) => *count += 1,
            None => self.probes.push((key, said, 1, None)),
        }
    }

    /// The name an entry takes the probe by, when several do, and whether this entry is the
    /// first (which then binds it).
    fn binding(&mut self, key: &str, said: bool) -> Option<(Ident, bool)> {
        let (_, _, count, name) = self
            .probes
            .iter_mut()
            .find(|(k, s, _, _)| *s == said && *k == key)?;
        if *count < 2 {
            return None;
        }
        if let Some(name) = name {
            return Some((name.clone(), false));
        }
        let made = format_ident!("__probe_{}", self.bound);
        self.bound += 1;
        *name = Some(made.clone());
        Some((made, true))
    }
}

/// The struct read whole, as the table's `whole` (an `Option<WholeFn>`: the object of the
/// members its fields claimed, the path and the report; `true` when the read reported nothing),
/// and whether the container has checks. Without checks and generics, the constant
/// `ReadProbe::<Self>::WHOLE` (none when the walk is exact: the read is then not mentioned);
/// else a closure over the read and the checks. `probes_needed`: the probe traits are not in
/// scope yet.
pub(super) fn whole(
    container: &Container,
    p: &TokenStream,
    can: Can,
    probes_needed: bool,
) -> (TokenStream, bool) {
    let checks = container_checks(
        container,
        &quote!(&__whole),
        &quote!(__path),
        &quote!(&mut __report.rules),
    );
    let has_checks = can.read && can.validate && !checks.is_empty();
    if !can.read {
        return (quote!(__p::None), has_checks);
    }
    if !has_checks && container.generics.params.is_empty() {
        // `WholeViaNothing` is among the probe traits (`shape::via_read`).
        let whole = if probes_needed {
            quote! {{
                use __s::WholeViaNothing as _;
                __s::ReadProbe::<Self>::WHOLE
            }}
        } else {
            quote!(__s::ReadProbe::<Self>::WHOLE)
        };
        return (whole, has_checks);
    }
    let probes = if probes_needed {
        probes(true)
    } else {
        TokenStream::new()
    };
    if !has_checks {
        // A generic model without checks, or checks that cannot run here (a context that
        // cannot be taken back from the report): its read alone.
        let whole = read_whole(p, &quote!(__object), can, &TokenStream::new());
        let closure = quote! {
            __p::Some(|__object, __path, __report| {
                #probes
                #whole
            })
        };
        return (closure, has_checks);
    }
    // Read whole, then the checks on the value (`customer_core`'s `checked`; `checked_with`
    // takes the caller's context from the report), as `validate_into` runs them.
    let checks = container_checks(
        container,
        &quote!(__whole),
        &quote!(__path),
        &quote!(__report),
    );
    let method = second_read::with_ctx(container, "checked");
    let ctx = container.attrs.context.as_ref().map(|_| quote!(ctx,));
    // The imports first (`clippy::items_after_statements`).
    let closure = quote! {
        __p::Some(|__object, __path, __report| {
            #probes
            (&#p::shape::ReadProbe::<Self>::NEW).#method(
                __object,
                __path,
                __report,
                |__whole, #ctx __path, __report| {
                    #checks
                },
            )
        })
    };
    (closure, has_checks)
}

/// The struct's `Shape::__EXACT`: its own form is exact when nothing is flattened (serde reads a
/// flattened value through its own buffering, which the walk does not describe); below it, the
/// types of its fields read by their walk (a `deserialize_with` field is read in the walk, a
/// skipped one reads its default). Said only for a struct without generics (a field's answer is
/// asked of its concrete type): a generic one keeps the default, not known.
fn exact(container: &Container, fields: &[Field]) -> TokenStream {
    if !container.generics.params.is_empty() {
        return TokenStream::new();
    }
    let mut local = true;
    let mut below = Vec::new();
    // A type met again adds nothing to the answer (every type below must be exact): each is
    // listed once, known by its path's text (other types are listed as often as they occur).
    let mut seen: Vec<String> = Vec::new();
    for field in fields {
        if field.serde.skip_deserializing || field.serde.deserialize_with.is_some() {
            continue;
        }
        match field.wire {
            Wire::Key(_) => {
                if let Some(key) = type_key(field.ty) {
                    if seen.contains(&key) {
                        continue;
                    }
                    seen.push(key);
                }
                below.push(field.ty);
            }
            Wire::Same | Wire::Index(_) => local = false,
        }
    }
    exact_node(
        container,
        local,
        &quote!(#(__s::ShapeProbe::<#below>::EXACT),*),
    )
}

/// The text of `ty` when it is a path of identifiers and type arguments (`Option<Vec<String>>`),
/// to know it again; `None` for any other type (a reference, a tuple, a qualified path, a
/// lifetime or constant argument).
fn type_key(ty: &syn::Type) -> Option<String> {
    fn push(ty: &syn::Type, out: &mut String) -> Option<()> {
        let syn::Type::Path(path) = ty else {
            return None;
        };
        if path.qself.is_some() {
            return None;
        }
        if path.path.leading_colon.is_some() {
            out.push_str("::");
        }
        for (i, segment) in path.path.segments.iter().enumerate() {
            if i > 0 {
                out.push_str("::");
            }
            let ident = segment.ident.to_string();
            // `$crate` names the crate of the macro that wrote it: two may differ.
            if ident == "$crate" {
                return None;
            }
            out.push_str(&ident);
            match &segment.arguments {
                syn::PathArguments::None => {}
                syn::PathArguments::AngleBracketed(args) => {
                    out.push('<');
                    for arg in &args.args {
                        let syn::GenericArgument::Type(arg) = arg else {
                            return None;
                        };
                        push(arg, out)?;
                        out.push(',');
                    }
                    out.push('>');
                }
                syn::PathArguments::Parenthesized(_) => return None,
            }
        }
        Some(())
    }
    let mut out = String::new();
    push(ty, &mut out).map(|()| out)
}

/// A model's `Shape::__EXACT`: a static node (`local`, its own form; `below`, the answers of the
/// types it reads through their walks, comma-separated) and the answer pointing at it.
pub(super) fn exact_node(container: &Container, local: bool, below: &TokenStream) -> TokenStream {
    // Its module path, name and line: two models of one module path and one name are in two
    // function bodies or blocks, which can name each other only in contrived ways (a type alias
    // of one read in the other's block), and not from one line.
    let name = format!("::{}@", container.ident);
    quote! {
        const __EXACT: __s::Exact = {
            use __s::ExactViaSerde as _;
            static __CUSTOMER_NODE: __s::ExactNode = __s::ExactNode::new(
                ::core::concat!(::core::module_path!(), #name, ::core::line!()),
                #local,
                &[#below],
            );
            __s::Exact::of(&__CUSTOMER_NODE)
        };
    }
}

/// What the walk of named fields may do: read the container whole, and run the rules when the
/// caller's context can reach them (always without a context).
fn can(container: &Container) -> Can {
    Can {
        read: second_read::reads_whole(container),
        validate: second_read::context_erasable(container),
    }
}

/// The walk of the named fields of an enum's struct variant: a block of type `bool` over
/// `__content` (its `Content`: an object, or an internally tagged enum's members, the tag
/// claimed), `__path`, `__report` and `__rules`, as a struct's `__shape_flat` walks its fields;
/// then, with the enum's `deny_unknown_fields`, the members no one claimed. The enum itself is
/// read whole by its caller.
pub(super) fn variant(container: &Container, p: &TokenStream, variant: &Variant) -> TokenStream {
    let can = can(container);
    let fields = &variant.fields;
    // Its index among the enum's variants, which names its fields' rules functions.
    let index = match &container.data {
        Data::Enum(variants) => variants.iter().position(|v| std::ptr::eq(v, variant)),
        _ => None,
    };
    if let Some(table) = table(container, p, fields, index, can) {
        return quote!({ #table });
    }
    let walk = generated_variant(container, p, fields, index, can);
    quote! {{
        let ::core::option::Option::Some(#p::shape::VariantObject {
            members: __members,
            claims: mut __claims,
            path: __at,
        }) = #p::shape::struct_content(__content, __path, __report)
        else {
            return false;
        };
        let __claimed: &mut [bool] = #p::shape::Claims::marks(&mut __claims);
        let __path: &#p::Path<'_> = &__at;
        #walk
    }}
}

/// The generated walk of a struct variant's fields (for the forms `table` does not take), over
/// `__members`, `__claimed`, `__path`, `__report` and `__rules`.
fn generated_variant(
    container: &Container,
    p: &TokenStream,
    fields: &[Field],
    index: Option<usize>,
    can: Can,
) -> TokenStream {
    // serde has no `default` for a variant: only its fields' own.
    let Parts {
        head,
        shapes,
        goods,
        rules,
        ..
    } = walk(container, p, fields, index, can, None);
    let deny_check = container
        .serde
        .deny_unknown_fields
        .then(|| quote!(__s::unknown_members(__members, __claimed, __path, __report)));
    let bind_context = if can.validate {
        second_read::bind_context(container)
    } else {
        TokenStream::new()
    };
    let ok = match (goods.is_empty(), deny_check) {
        (true, None) => quote!(true),
        (true, Some(deny)) => deny,
        (false, None) => quote!(#(#goods)&&*),
        // `&`, not `&&`: the unknown members are reported whatever the others are.
        (false, Some(deny)) => quote!((#(#goods)&&*) & #deny),
    };
    // The rules in a rules phase: quiet inside a `nested` field's value walked once.
    let rules = if rules.is_empty() {
        quote!(__ok)
    } else {
        quote! {
            if !__rules {
                return __ok;
            }
            let __phase = __s::Report::rules_phase(__report);
            #bind_context
            #rules
            __s::Report::end_rules_phase(__report, __phase, __ok, true)
        }
    };
    quote! {{
        #head
        #shapes
        let __ok = #ok;
        #rules
    }}
}

/// The shape checks and rules of `fields`; `container_default` is the container's
/// `#[serde(default)]` (a struct's), which fills the fields that are not in the document.
fn walk(
    container: &Container,
    p: &TokenStream,
    fields: &[Field],
    variant: Option<usize>,
    can: Can,
    container_default: Option<&Option<syn::ExprPath>>,
) -> Parts {
    let mut out = Parts::default();
    let mut cxs: Vec<FieldCx> = fields
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let at = FieldAt { variant, field: i };
            FieldCx::new(container, p, field, at, can, container_default, false)
        })
        .collect();
    // The probe traits once for the whole walk when every field can be read through serde
    // (else each field brings its own: a type naming a lifetime must not see serde's arms).
    if cxs.iter().all(|cx| cx.can_read) {
        out.head = probes(true);
        out.probes_in_scope = true;
        for cx in &mut cxs {
            cx.probes = TokenStream::new();
        }
    }
    for cx in cxs {
        let field = cx.field;
        if field.serde.skip_deserializing {
            out.rules.extend(cx.skipped());
            continue;
        }
        out.goods.push(cx.good.clone());
        match &field.wire {
            Wire::Same => cx.flattened(&mut out),
            Wire::Key(key) => cx.member(key, &mut out),
            Wire::Index(_) => {}
        }
    }
    out
}

/// What the fields add to the two walks: the shape checks, the names of their verdicts, and
/// the rule checks run when rules are asked for.
#[derive(Default)]
struct Parts {
    /// Whether `shapes` brings every probe trait in scope (for the rest of the walk).
    probes_in_scope: bool,
    /// What comes first in the walk (before any statement: `clippy::items_after_statements`).
    head: TokenStream,
    shapes: TokenStream,
    goods: Vec<syn::Ident>,
    rules: TokenStream,
}

/// One field, and what its emitters share.
struct FieldCx<'a> {
    container: &'a Container<'a>,
    p: &'a TokenStream,
    field: &'a Field<'a>,
    ty: &'a syn::Type,
    /// Where the field is (names its rules function).
    at: FieldAt,
    /// `__goodN` (`__good` in a table's arm): the field has its shape.
    good: syn::Ident,
    /// `__foundN` (`__found` in a table's arm): the member found for it, if any.
    found: syn::Ident,
    /// Whether the field's type can be read alone (through serde).
    can_read: bool,
    /// The probe traits in scope, for `can_read` (set by `table` for a table's fields).
    probes: TokenStream,
    /// The type the field is read alone as.
    read_ty: ReadTy<'a>,
    /// The value of the field when it is not in the document, if serde gives it one.
    default_value: Option<TokenStream>,
    /// Whether the field has rules on the value read alone (see [`FieldCx::checks`]).
    has_checks: bool,
    /// Every rule of the field, `nested` validating: for a value with no node to walk.
    whole_checks: TokenStream,
    /// A `nested` field whose missing default is validated whole.
    nested: bool,
    /// Whether the rules run at all (the context reaches them).
    rules_run: bool,
}

impl<'a> FieldCx<'a> {
    fn new(
        container: &'a Container<'a>,
        p: &'a TokenStream,
        field: &'a Field<'a>,
        at: FieldAt,
        can: Can,
        container_default: Option<&Option<syn::ExprPath>>,
        in_table: bool,
    ) -> Self {
        let ty = field.ty;
        let rules_run = can.validate;
        let bounded = second_read::bounded(container, field, has_value_rules(field));
        // The type the field is read alone as, when it can be (see `second_read`).
        let (can_read, read_ty) = match second_read::read(container, field, bounded) {
            Read::As(read_ty) => (true, read_ty),
            Read::No => (false, ReadTy::Declared(ty)),
        };
        let member = &field.member;
        // The value of a field that is not in the document.
        let default_value = match (&field.serde.default, container_default) {
            (Some(Some(path)), _) => Some(quote!(__p::Some(#path()))),
            (Some(None), _) => Some(quote!(__p::Some(::core::default::Default::default()))),
            (None, Some(Some(path))) => Some(quote!(__p::Some(#path().#member))),
            (None, Some(None)) => Some(quote!(__p::Some(
                <Self as ::core::default::Default>::default().#member
            ))),
            (None, None) => None,
        };
        let has_checks = has_value_rules(field) && rules_run && can_read;
        // A value with no node to walk (skipped, or missing and defaulted) is validated whole;
        // not for a generic type, whose `Default` is not bounded here.
        let plain = can_read && !bounded && can.read;
        // Used only by a skipped field and a defaulted `nested` model (see `skipped` and the
        // rules phase): not built for the others, whose rules it would emit once more.
        let whole_needed =
            field.serde.skip_deserializing || (is_nested(field) && default_value.is_some());
        let whole_checks = if whole_needed && has_rules(field) && rules_run && plain {
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
        FieldCx {
            container,
            p,
            field,
            ty,
            at,
            good: if in_table {
                format_ident!("__good")
            } else {
                format_ident!("__good{}", at.field)
            },
            found: if in_table {
                format_ident!("__found")
            } else {
                format_ident!("__found{}", at.field)
            },
            can_read,
            // A field that names a lifetime gets no serde arm: trait selection ignores lifetimes.
            probes: if in_table {
                TokenStream::new()
            } else {
                probes(can_read)
            },
            read_ty,
            default_value,
            has_checks,
            whole_checks,
            nested: is_nested(field) && rules_run && plain,
            rules_run,
        }
    }

    /// The field's rules on the value read alone (`nested` models are walked instead): empty
    /// unless [`FieldCx::has_checks`]. Built where they are emitted: a table's common arm only
    /// asks whether there are some.
    fn checks(&self) -> TokenStream {
        if !self.has_checks {
            return TokenStream::new();
        }
        let (container, p, field, at) = (self.container, self.p, self.field, self.at);
        let value = quote!(&__customer_read);
        if let (true, Wire::Key(key)) = (shared_rules(container, field), &field.wire) {
            // The rules `validate_into` runs, emitted once: at the key the document used
            // when read through an alias.
            let key = if aliased(container, field).is_some() {
                quote!(__customer_key)
            } else {
                quote!(#key)
            };
            let call = call_rules_fn(
                container,
                at,
                &value,
                &quote!(__path),
                &key,
                &quote!(&mut __report.rules),
            );
            second_read::with_context(container, call)
        } else {
            second_read::with_context(
                container,
                if aliased(container, field).is_some() {
                    // Read through an alias, the value is at the key the document used.
                    let at = quote!(#p::Path::key(__customer_path, __customer_key));
                    checks_at(container, field, &value, Models::Walk, &at)
                } else {
                    checks_on(container, field, &value, Models::Walk)
                },
            )
        }
    }

    /// The shape probe of the field's type.
    fn probe(&self) -> TokenStream {
        let ty = self.ty;
        quote!((&&__s::ShapeProbe::<#ty>::NEW))
    }

    /// The read probe of the type the field is read alone as.
    fn read_probe(&self) -> TokenStream {
        let read_ty = &self.read_ty;
        quote!((&__s::ReadProbe::<#read_ty>::NEW))
    }

    /// `__beforeN`: the claim marks before a flattened field took its members.
    fn before(&self) -> syn::Ident {
        format_ident!("__before{}", self.at.field)
    }

    /// `__withN`: the value a `deserialize_with` function read.
    fn with_value(&self) -> syn::Ident {
        format_ident!("__with{}", self.at.field)
    }

    /// Whether the field's value is walked once for its shapes and its rules (when its type
    /// says so, see `Shape::__ONE_WALK`): its only rules are `nested`, so the rules of the
    /// model below are all it adds to the walk, and nothing of its own runs on its value.
    fn one_walk(&self) -> bool {
        is_nested(self.field)
            && !has_value_rules(self.field)
            && self.field.serde.deserialize_with.is_none()
    }

    /// The field's arm in the table's rules closure (`__c` a `Check` of it): its own code over
    /// `__found`, `__good`, `__path` and `__report`. `None` when it has no rules there (its
    /// `nested` model is walked again by `customer_core`).
    ///
    /// No model of the workspace takes one: every field whose rules in the second read are its
    /// rules function's carries them in its entry, in a holder of `customer_core` (see
    /// [`FieldCx::own_rules`]). The forms left to this arm are those whose rules on a value
    /// that did not read, or on a missing member's default, no holder runs: a defaulted `nested`
    /// model in a model with a context (which of the models below take the context is the
    /// derive's choice, `NestedProbe`, made where the model is named); `length` on a collection
    /// with the field's `code` or `message` beside `each(...)` or `nested`, or in a model with a
    /// context (only `RuledLenAs` carries the override to the count's check);
    /// `each(...)` holding `nested` beside other rules (the elements' rules without their
    /// models are no function of their own); a `nested` field with another rule and a default
    /// the derive cannot validate whole (a type that names a parameter, whose `Default` is not
    /// bounded).
    fn table_arm(&self, bind_context: &TokenStream) -> Option<TokenStream> {
        if !self.has_member_rules() {
            return None;
        }
        let code = self.member_rules(false);
        Some(quote! {{
            let __s::Check {
                found: __found,
                good: __good,
                path: __path,
                report: __report,
                ..
            } = __c;
            #bind_context
            #code
        }})
    }

    /// Whether the field's rules in the second read are its rules function's, on its value read
    /// alone (or its default when missing).
    fn common(&self) -> bool {
        let defaulted_model = self.nested && self.default_value.is_some();
        self.has_checks
            && shared_rules(self.container, self.field)
            && !defaulted_model
            && (!self.rules_run
                || self.each().is_some()
                || second_read::partial_rules(self.container, self.field, &self.good, &self.found)
                    .is_empty())
    }

    /// The item function of the field's `each(...)` rules when `customer_core` runs them on
    /// the elements of a value that did not read (`Check::each`, see `each_rules`).
    fn each(&self) -> Option<syn::Ident> {
        (self.rules_run && second_read::each_alone(self.container, self.field))
            .then(|| each_rules(self.container, self.field))
            .flatten()
            .map(|_| each_fn(self.at))
    }

    /// The rules the field's table entry runs itself (`ShapeProbe::field_rules`), as the entry
    /// borrows them: when its rules in the second read are one call of its rules function on
    /// its value read alone (a `Cow<'a, _>` read as `Cow<'static, _>`, the entry's probe of
    /// that type), a missing member read as serde reads it or as its `default` (the holder
    /// under `Or`); with the context of a model that has one (`RuledWith`); with its
    /// `each(...)` rules run on the elements of a value that did not read (`RuledEach`,
    /// `RuledEachWith`); with one `length` on the count of
    /// the elements of such a value, alone or beside `each(...)` (`RuledLen`, `RuledLenAs` with
    /// the field's `code` or `message`, `RuledEachLen`, see [`FieldCx::counted`]); a `nested` field with another rule, its rules function
    /// taking whether its model is validated (`RuledModel`, see [`FieldCx::model_rules`]).
    /// In a model with a context, each holder's `…With` (see [`holder`]). `None` for
    /// `deserialize_with` (see [`FieldCx::with_rules`]) and the forms whose rules are an arm of
    /// the table's closure (see [`FieldCx::table_arm`]).
    fn own_rules(&self) -> Option<Own<'_>> {
        if self.field.serde.deserialize_with.is_some() {
            return None;
        }
        if !self.common() {
            return self.counted().or_else(|| self.model_rules());
        }
        let context = self.container.attrs.context.is_some();
        Some(match (&self.default_value, context, self.each()) {
            (None, false, None) => Own::Ruled,
            (Some(value), false, None) => Own::Or(value),
            (None, true, None) => Own::With,
            (Some(value), true, None) => Own::WithOr(value),
            (None, false, Some(each)) => Own::Each(each),
            (Some(value), false, Some(each)) => Own::EachOr(each, value),
            (None, true, Some(each)) => Own::EachWith(each),
            (Some(value), true, Some(each)) => Own::EachWithOr(each, value),
        })
    }

    /// The rest of the entry of a field whose rules in the second read are its rules function
    /// when it reads and one `length` on the count of its elements when it does not
    /// (`second_read::length_alone`, `RuledLen`): as [`FieldCx::common`] but for that `length`,
    /// without a default or a context.
    fn counted(&self) -> Option<Own<'_>> {
        if !self.has_checks || !self.rules_run {
            return None;
        }
        if shared_rules(self.container, self.field) {
            // `length` beside `each(...)`: the count and the item function, in written order.
            if let Some((layers, count, first)) =
                second_read::length_and_each(self.container, self.field)
            {
                let each = each_rules(self.container, self.field).map(|_| each_fn(self.at))?;
                let tail = quote!(#layers, Self::#each, #count, #first);
                return Some(Own::EachLen(tail, self.default_value.as_ref()));
            }
        }
        if self.default_value.is_some() {
            return None;
        }
        if shared_rules(self.container, self.field) {
            if let (None, Some(len)) = (
                &self.container.attrs.context,
                second_read::length_alone_as(self.field),
            ) {
                return Some(Own::LenAs(len));
            }
            return second_read::length_alone(self.field, false).map(Own::Len);
        }
        // A `nested` collection whose only other rule is `length`: its models walked again (in
        // a model with a context, its rules function runs that `length` with the context).
        if self.container.attrs.context.is_some() {
            return None;
        }
        is_nested(self.field)
            .then(|| second_read::length_alone(self.field, true))
            .flatten()
            .map(Own::Length)
    }

    /// The rest of the entry of a `nested` field with another rule whose rules function takes
    /// whether its model is validated (`validate::model_rules`, `RuledModel`): its `length` on
    /// the count of the elements of a value that did not read (`None` without one), and the
    /// default of a missing member, validated whole (`None` without one). `None` when its
    /// rules on a value that did not read are others, or its default is not validated whole
    /// (a type that is not read alone, or names a parameter): its arm then.
    fn model_rules(&self) -> Option<Own<'_>> {
        if !self.has_checks
            || !self.rules_run
            || self.at.variant.is_some()
            || !model_rules(self.container, self.field)
            || (self.default_value.is_some() && !self.nested)
        {
            return None;
        }
        let partial =
            second_read::partial_rules(self.container, self.field, &self.good, &self.found);
        let count = if partial.is_empty() {
            quote!(__p::None)
        } else {
            // `length` beside `nested` or `each(nested)` (none of them `Option`s: no layers),
            // or beside other rules.
            let len = match second_read::length_alone(self.field, true) {
                Some(len) => quote!(0, #len),
                None => second_read::length_alone(self.field, false)?,
            };
            quote!(__p::Some((#len)))
        };
        let default = match &self.default_value {
            Some(value) => quote!(__p::Some(|| #value)),
            None => quote!(__p::None),
        };
        Some(Own::Model(quote!(#count, #default)))
    }

    /// Whether the field's rules in the second read are its `nested` model's default validated
    /// whole when its member is missing (`ModelOr`, carried by its entry; when the member is
    /// there, the model is walked again): a `nested` field with a default and no other rule,
    /// of a model without a context (whose models are validated with it).
    fn model_default(&self) -> bool {
        self.nested
            && self.default_value.is_some()
            && !self.whole_checks.is_empty()
            && !has_value_rules(self.field)
            && self.field.serde.deserialize_with.is_none()
            && self.container.attrs.context.is_none()
            && second_read::partial_rules(self.container, self.field, &self.good, &self.found)
                .is_empty()
    }

    /// The default of a field read by its `deserialize_with` function whose rules in the
    /// second read are its `nested` model's default validated whole when its member is missing
    /// (`Field::or_model`): as [`FieldCx::model_default`], the function reading the model.
    fn model_default_with(&self) -> Option<&TokenStream> {
        let model = self.nested
            && !self.whole_checks.is_empty()
            && !has_value_rules(self.field)
            && self.field.serde.deserialize_with.is_some()
            && self.container.attrs.context.is_none()
            && second_read::partial_rules(self.container, self.field, &self.good, &self.found)
                .is_empty();
        self.default_value.as_ref().filter(|_| model)
    }

    /// The rules of a field read by its `deserialize_with` function, as its entry carries them
    /// (`Field::read_rules`): its rules function on the value that function reads (again: see
    /// `with_read`), or on its default when it is missing (`RuledBy`, `RuledByWith` with a
    /// context). `Some(None)` when it has no rules there; `None` when it has rules its rules
    /// function does not run (the generated walk then).
    fn with_rules(&self) -> Option<Option<TokenStream>> {
        if !self.has_member_rules() {
            return Some(None);
        }
        let partial = self.rules_run
            && !second_read::partial_rules(self.container, self.field, &self.good, &self.found)
                .is_empty();
        let defaulted_model = self.nested && self.default_value.is_some();
        let common = self.has_checks
            && shared_rules(self.container, self.field)
            && !defaulted_model
            && !partial;
        let with = self.field.serde.deserialize_with.as_ref()?;
        if !common {
            return None;
        }
        let read = with_read(self.p, self.ty, with);
        let missing = self
            .default_value
            .clone()
            .unwrap_or_else(|| quote!(::core::option::Option::None));
        let name = rules_fn(self.at);
        let holder = match self.container.attrs.context {
            Some(_) => quote!(RuledByWith),
            None => quote!(RuledBy),
        };
        Some(Some(quote! {
            __s::#holder(|__v, __p, __r| #read, || #missing, Self::#name)
        }))
    }

    /// `skip_deserializing`: the default is what the struct holds; its rules run on it.
    fn skipped(&self) -> TokenStream {
        let (ty, checks) = (self.ty, &self.whole_checks);
        if checks.is_empty() {
            return TokenStream::new();
        }
        let value = self
            .default_value
            .clone()
            .unwrap_or_else(|| quote!(__p::Some(::core::default::Default::default())));
        quote! {
            let __read: __p::Option<#ty> = #value;
            if let __p::Some(__customer_read) = __read {
                #checks
            }
        }
    }

    /// `#[serde(flatten)]`: the members no one else claims.
    fn flattened(&self, out: &mut Parts) {
        let FieldCx {
            ty, good, probes, ..
        } = self;
        let (probe, read_probe) = (&self.probe(), &self.read_probe());
        let before = &self.before();
        let checks = self.checks();
        out.shapes.extend(quote! {
            let #before = __s::snapshot(__claimed);
            let #good = {
                #probes
                #probe.shape_flat(__members, __claimed, __path, __report, false)
            };
        });
        let read = if self.can_read {
            quote! {
                let __object = __s::object_of(__members, &#before, __claimed);
                let __read: __p::Option<#ty> =
                    #read_probe.read_node(&__object, __path, __report);
            }
        } else {
            quote!(let __read: __p::Option<#ty> = __p::None;)
        };
        if !checks.is_empty() {
            out.rules.extend(quote! {
                if #good {
                    #probes
                    #read
                    if let __p::Some(__customer_read) = __read {
                        #checks
                    }
                }
            });
        }
        if is_nested(self.field) {
            out.rules.extend(quote! {{
                #probes
                if let __p::Some(mut __again) =
                    __s::Report::again_over(__report, __members, &#before)
                {
                    let mut __claims = __s::snapshot(&#before);
                    #probe.shape_flat(__members, &mut __claims, __path, &mut __again, true);
                    __s::Report::keep_rules(__report, __again);
                }
            }});
        }
    }

    /// A member found by its wire name `key` or an alias, and its rules.
    fn member(&self, key: &str, out: &mut Parts) {
        self.member_shape(key, out);
        out.rules.extend(self.member_rules(true));
    }

    /// The shape of a member: found, of the right shape (or read by its `deserialize_with`), or
    /// missing where serde needs it.
    fn member_shape(&self, key: &str, out: &mut Parts) {
        let FieldCx {
            p,
            field,
            ty,
            good,
            found,
            probes,
            ..
        } = self;
        let probe = &self.probe();
        let names = std::iter::once(key).chain(field.serde.alias.iter().map(String::as_str));
        let Some(with) = &field.serde.deserialize_with else {
            // The walk of the member is `customer_core`'s; the field gives its names, what a
            // missing member means, and its type's shape (a function pointer).
            let missing = match (&self.default_value, !field.layers.is_empty()) {
                (Some(_), _) | (None, true) => quote!(__s::Missing::Ok),
                (None, false) => {
                    let missing_fn = scoped(probes, quote!(#probe.missing_fn()));
                    quote!(__s::Missing::ByType(#missing_fn))
                }
            };
            // A field whose only rules are `nested`, of a type walked once: its value is walked
            // here with the walk's rules, for its shapes and its rules at once.
            let rules = if self.one_walk() {
                let one_walk = scoped(probes, quote!(#probe.one_walk()));
                quote!(__rules && #one_walk)
            } else {
                quote!(false)
            };
            // Function pointers shared by every field of the same type (no closure per field).
            let shape_fn = scoped(probes, quote!(#probe.shape_fn()));
            out.shapes.extend(quote! {
                let (#found, #good) = __s::member(
                    __members,
                    __claimed,
                    __path,
                    __report,
                    &[#(#names),*],
                    #missing,
                    #shape_fn,
                    #rules,
                );
            });
            return;
        };
        let with_value = self.with_value();
        let report_missing = quote! {{
            __s::missing_field(__report, &#p::Path::key(__path, #key));
            false
        }};
        let missing = match &self.default_value {
            Some(_) => quote!(true),
            None => report_missing,
        };
        out.shapes.extend(quote! {
            let mut #with_value: __p::Option<#ty> = __p::None;
            let #found = __s::find(__members, __claimed, &[#(#names),*], __path, __report);
            let #good = match #found {
                __p::Some((__key, __value, __single)) => {
                    #with_value = __s::read_with(
                        __value,
                        &#p::Path::key(__path, __key),
                        __report,
                        |__v| -> __p::Result<#ty, #p::serde_json::Error> { #with(__v) },
                    );
                    __p::Option::is_some(&#with_value) && __single
                }
                __p::None => #missing,
            };
        });
    }

    /// Whether [`FieldCx::member_rules`] without `again` emits anything, asked without building
    /// it: checks on the value read alone, a defaulted model's, or partial rules.
    fn has_member_rules(&self) -> bool {
        self.has_checks
            || (self.nested && self.default_value.is_some())
            || (self.rules_run
                && !second_read::partial_rules(self.container, self.field, &self.good, &self.found)
                    .is_empty())
    }

    /// The rules of a member: on the value read alone, on what is known of a value that did not
    /// read, on a missing model's default, and (with `again`) in the model below, walked again
    /// (unless `member` walked it once, see `one_walk`).
    fn member_rules(&self, again: bool) -> TokenStream {
        let mut out = TokenStream::new();
        let FieldCx {
            p,
            field,
            ty,
            good,
            found,
            probes,
            ..
        } = self;
        let (probe, read_probe) = (&self.probe(), &self.read_probe());
        let checks = &self.checks();
        let read_present = match (&field.serde.deserialize_with, self.can_read) {
            (Some(_), _) => self.with_value().into_token_stream(),
            (None, true) => quote! {
                #read_probe.read_node(__value, &#p::Path::key(__path, __key), __report)
            },
            (None, false) => quote!(__p::None),
        };
        // A nested model that is missing and defaulted has no node to walk: its default is
        // validated whole, with every rule of the field.
        let defaulted_model = self.nested && self.default_value.is_some();
        let missing_value = match &self.default_value {
            _ if defaulted_model => quote!(__p::None),
            Some(value) => value.clone(),
            None if self.can_read => quote!(#read_probe.read_missing()),
            None => quote!(__p::None),
        };
        if !checks.is_empty()
            && field.serde.deserialize_with.is_none()
            && aliased(self.container, field).is_none()
        {
            // Read by `customer_core`: the field's type's read and its missing value are
            // function pointers.
            // Function pointers shared by every field of the same type, but for a default.
            let missing_fn = if self.default_value.is_none() && self.can_read && !defaulted_model {
                scoped(probes, quote!(#read_probe.read_missing_fn()))
            } else {
                quote! {
                    || {
                        #probes
                        #missing_value
                    }
                }
            };
            let read_fn = scoped(probes, quote!(#read_probe.read_fn()));
            out.extend(quote! {
                if #good {
                    let __read: __p::Option<#ty> = __s::read_member(
                        #found,
                        __path,
                        __report,
                        #read_fn,
                        #missing_fn,
                    );
                    if let __p::Some(__customer_read) = __read {
                        #checks
                    }
                }
            });
        } else if !checks.is_empty() {
            let read = if let Some(wire_name) = aliased(self.container, field) {
                // The checks point at the key the member was found under, or at the field's
                // wire name when it is missing.
                quote! {
                    let (__customer_key, __read): (&str, __p::Option<#ty>) =
                        match #found {
                            __p::Some((__key, __value, _)) => {
                                (__key, #read_present)
                            }
                            __p::None => (#wire_name, #missing_value),
                        };
                }
            } else {
                quote! {
                    let __read: __p::Option<#ty> = match #found {
                        __p::Some((__key, __value, _)) => #read_present,
                        __p::None => #missing_value,
                    };
                }
            };
            out.extend(quote! {
                if #good {
                    #probes
                    #read
                    if let __p::Some(__customer_read) = __read {
                        #checks
                    }
                }
            });
        }
        // The field's own rules on what is known of a value that did not read.
        if self.rules_run {
            out.extend(second_read::partial_rules(
                self.container,
                field,
                good,
                found,
            ));
        }
        if defaulted_model {
            let value = self.default_value.clone().unwrap_or_default();
            let whole_checks = &self.whole_checks;
            out.extend(quote! {
                if __p::Option::is_none(&#found) {
                    let __read: __p::Option<#ty> = #value;
                    if let __p::Some(__customer_read) = __read {
                        #whole_checks
                    }
                }
            });
        }
        if again && is_nested(field) && field.serde.deserialize_with.is_none() {
            // The model below is walked again, with rules: the rules of its parts that read,
            // whatever the shape of the others. Not when `member` walked it once with rules.
            let walked = if self.one_walk() {
                quote!(#probe.one_walk())
            } else {
                quote!(false)
            };
            out.extend(quote! {
                if let __p::Some((__key, __value, _)) = #found {
                    #probes
                    if !#walked {
                        __s::walk_again(
                            __value,
                            &#p::Path::key(__path, __key),
                            __report,
                            #probe.shape_fn(),
                        );
                    }
                }
            });
        }
        out
    }
}

/// The rules a field's table entry carries (see [`FieldCx::own_rules`]), its rules function
/// with: nothing else (`Ruled`), the model's context (`RuledWith`), its item function
/// (`RuledEach`), both (`RuledEachWith`), each under `Or` with its `default`, its `length` on the count of the
/// elements of a value that did not read (`RuledLen`: the tokens after the rules function),
/// that count and its item function (`RuledEachLen`: the tokens between the rules function and
/// what a missing member reads as, and its default if any);
/// a `nested` collection's `length`, its only other rule (`Length`: its arguments).
enum Own<'a> {
    Ruled,
    Or(&'a TokenStream),
    With,
    WithOr(&'a TokenStream),
    Each(syn::Ident),
    EachOr(syn::Ident, &'a TokenStream),
    EachWith(syn::Ident),
    EachWithOr(syn::Ident, &'a TokenStream),
    EachLen(TokenStream, Option<&'a TokenStream>),
    LenAs(TokenStream),
    Model(TokenStream),
    Len(TokenStream),
    Length(TokenStream),
}

/// The body of `__shape_flat` generated field by field (for the forms `table` does not take):
/// the fields' shapes, then with rules their checks and the struct read whole.
fn flat_walk(container: &Container, p: &TokenStream, can: Can, out: &Parts) -> TokenStream {
    let Parts {
        head,
        shapes,
        goods,
        rules,
        ..
    } = out;
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
    let has_checks = can.read && can.validate && !checks.is_empty();
    // Without checks to run, the struct (without generics) is read whole only when its walk is
    // not exact: what serde refuses beyond the shapes is then found by the walk (and the read,
    // not needed, is not compiled: a constant decides it).
    let whole = if !has_checks && container.generics.params.is_empty() {
        whole_unless_exact(
            p,
            &quote!(&__s::object_of(__members, &__start, __claimed)),
            can,
        )
    } else {
        let whole = read_whole(p, &quote!(&__object), can, &checks);
        let whole_probes = if out.probes_in_scope {
            TokenStream::new()
        } else {
            probes(can.read)
        };
        quote!({
            #whole_probes
            let __object = __s::object_of(__members, &__start, __claimed);
            #whole
        })
    };
    let ok_expr = if goods.is_empty() {
        quote!(true)
    } else {
        quote!(#(#goods)&&*)
    };
    let bind_context = if can.validate {
        second_read::bind_context(container)
    } else {
        TokenStream::new()
    };
    quote! {
        let __s::Flat(__members, __claimed, __path, __report, __rules) = __w;
        #head
        let __start = __s::snapshot(__claimed);
        #shapes
        let __ok = #ok_expr;
        if !__rules {
            return __ok;
        }
        let __phase = __s::Report::rules_phase(__report);
        #bind_context
        #rules
        // Read whole: what serde refuses beyond the shapes, and the container's checks
        // (inside a `nested` field's value walked once, only for those checks).
        let __read_whole = __ok
            && __s::Report::reads_whole(&__phase, #has_checks)
            && #whole;
        __s::Report::end_rules_phase(__report, __phase, __ok, __read_whole)
    }
}

/// `__shape_flat` (`flat`, its body: the fields' shapes, then with rules their checks and the
/// struct read whole); `__shape` (the object, its unknown members) and `__shape_members` are the
/// trait's own for a struct that says `__NAMED`.
fn finish(container: &Container, exact: TokenStream, flat: TokenStream) -> TokenStream {
    let (exact, flat) = (Moved::new(exact), Moved::new(flat));
    let deny = if container.serde.deny_unknown_fields {
        quote!(
            const __DENY_UNKNOWN: bool = true;
        )
    } else {
        TokenStream::new()
    };
    // `__NAMED` also says `__ONE_WALK` (its rules phase is quiet inside a `nested` field's
    // value: walked there once) and `__KIND` (an object). A struct without generics says it by
    // its `__KEYS` (`Keys::named`, see `facts::keys`, which lists the keys of exactly the
    // structs this walk is for); a generic one lists none.
    let named = if container.generics.params.is_empty() {
        TokenStream::new()
    } else {
        quote!(
            const __NAMED: bool = true;
        )
    };
    quote! {
        #exact
        #named
        #deny

        fn __shape_flat(__w: __s::Flat) -> bool {
            #flat
        }
    }
}

/// The holder `name` of `customer_core::shape::table`, or its `…With` for a model with a
/// context (its rules functions take the context, which the holder takes from the report).
fn holder(container: &Container, name: &str) -> Ident {
    match container.attrs.context {
        Some(_) => format_ident!("{name}With"),
        None => format_ident!("{name}"),
    }
}

/// The value of type `ty` its `deserialize_with` function `with` reads from `__v` (a `&Node`)
/// at `__p`, a failure into `__r`: an `Option<ty>` expression (`customer_core`'s `read_with`).
pub(super) fn with_read(p: &TokenStream, ty: &syn::Type, with: &syn::ExprPath) -> TokenStream {
    quote! {
        __s::read_with(
            __v,
            __p,
            __r,
            |__d| -> ::core::result::Result<#ty, #p::serde_json::Error> { #with(__d) },
        )
    }
}

/// A table entry's flags (`customer_core::shape::table`'s constants): `0`, or
/// `__s::A | __s::B`, as trees.
fn flag_set(names: &[&str]) -> Trees {
    let span = proc_macro2::Span::call_site();
    let mut trees = Vec::with_capacity(names.len() * 5);
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            trees.push(TokenTree::Punct(Punct::new('|', Spacing::Alone)));
        }
        trees.push(TokenTree::Ident(Ident::new("__s", span)));
        trees.push(TokenTree::Punct(Punct::new(':', Spacing::Joint)));
        trees.push(TokenTree::Punct(Punct::new(':', Spacing::Alone)));
        trees.push(TokenTree::Ident(Ident::new(name, span)));
    }
    if trees.is_empty() {
        trees.push(TokenTree::Literal(Literal::i32_unsuffixed(0)));
    }
    Trees::from_trees(trees)
}

/// A `,` after the entries `stream` holds, unless it holds none yet (`first`).
fn separate(stream: &mut TokenStream, first: &mut bool) {
    if !std::mem::take(first) {
        stream.append(Punct::new(',', Spacing::Alone));
    }
}

/// Whether `tokens` are one `{ .. }` block.
fn is_block(tokens: &TokenStream) -> bool {
    let mut trees = tokens.clone().into_iter();
    matches!(
        (trees.next(), trees.next()),
        (Some(proc_macro2::TokenTree::Group(group)), None)
            if group.delimiter() == proc_macro2::Delimiter::Brace
    )
}

/// `expr` with the probe traits `probes` in scope: in a block of its own when there are some.
fn scoped(probes: &TokenStream, expr: TokenStream) -> TokenStream {
    if probes.is_empty() {
        expr
    } else {
        let expr = Moved::new(expr);
        quote!({
            #probes
            #expr
        })
    }
}
