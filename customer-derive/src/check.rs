//! Phase 3: rules that span more than one attribute or need the field's type.

use crate::ast::{Container, Data, Field, Layer, Style, Variant};
use crate::attr::ConversionKind;
use crate::ctxt::Ctxt;
use crate::rules::{Class, Place, Rule, RuleSpec};
use proc_macro2::{Ident, Span};
use quote::ToTokens;
use syn::spanned::Spanned;

pub(crate) fn check(cx: &Ctxt, container: &Container) {
    match &container.data {
        Data::Union(span) => cx.error_at(
            *span,
            "`CustomerModel` cannot be derived for a union: use a struct or a field-less enum",
        ),
        Data::Enum(variants) if container.data_variants().is_some() => {
            check_data_enum(cx, container, variants);
        }
        Data::Enum(variants) => {
            for rule in &container.attrs.rules {
                cx.error_at(
                    rule.span,
                    format!(
                        "`{}` cannot be put on an enum: rules go on struct fields or on newtypes",
                        rule.kind.name()
                    ),
                );
            }
            for conversion in &container.attrs.conversions {
                cx.error_at(
                    conversion.span,
                    "conversions are derived for structs with named fields only",
                );
            }
            if let Some(context) = &container.attrs.context {
                cx.error_spanned_by(
                    context,
                    "an enum has no rules to give a context to: `context` goes on a struct",
                );
            }
            let mut other_seen = None;
            for variant in variants {
                for rule in &variant.attrs.rules {
                    cx.error_at(rule.span, format!("`{}` cannot be put on an enum variant: an enum is checked by its serde names", rule.kind.name()));
                }
                if let Some(span) = variant.attrs.other {
                    if let Some(first) = other_seen {
                        let mut error = syn::Error::new(span, "only one variant can be `other`");
                        error.combine(syn::Error::new(first, "the first `other` variant is here"));
                        cx.syn_error(error);
                    }
                    other_seen = Some(span);
                    let one_field = matches!(&variant.original.fields, syn::Fields::Unnamed(f) if f.unnamed.len() == 1);
                    let holds_string = match &variant.original.fields {
                        syn::Fields::Unnamed(f) => f
                            .unnamed
                            .first()
                            .is_some_and(|f| crate::ast::is_string(&f.ty)),
                        _ => false,
                    };
                    if one_field && !holds_string {
                        if let syn::Fields::Unnamed(f) = &variant.original.fields {
                            cx.error_spanned_by(
                                &f.unnamed,
                                "the `other` variant holds the unknown text: write `Other(String)`",
                            );
                        }
                    } else if !one_field {
                        cx.error_spanned_by(&variant.original.ident, "the `other` variant must hold the unknown value: write `Other(String)`");
                    } else if !variant.untagged {
                        cx.error_at(span, "the `other` variant also needs `#[serde(untagged)]`, so that serde reads unknown values into it");
                    }
                } else if variant.style != Style::Unit || !variant.fields.is_empty() {
                    cx.error_spanned_by(
                        &variant.original.fields,
                        "`CustomerModel` enums must be field-less: only the `#[customer(other)]` variant may hold a value",
                    );
                }
            }
        }
        Data::Struct(style, fields) => {
            check_container_rules(cx, container, *style, fields.len());
            check_conversions(cx, container, *style, fields);
            if *style == Style::Named {
                check_field_names(cx, fields);
            }
            let newtype_rules = *style == Style::Tuple
                && fields.len() == 1
                && (!container.attrs.rules.is_empty() || container.attrs.broken_rule);
            for field in fields {
                check_field(cx, field);
                check_patch(cx, container, field);
                if !newtype_rules {
                    check_model_said(cx, container, field);
                }
                if container.attrs.context.is_none() {
                    for rule in &field.attrs.rules {
                        check_no_ctx(cx, &rule.kind, "struct");
                    }
                }
            }
        }
    }
}

/// An enum whose variants carry data: each variant's fields are checked as a struct's, the
/// variants' own attributes must have a field to apply to, and the names serde tells the
/// variants apart by must not collide.
fn check_data_enum(cx: &Ctxt, container: &Container, variants: &[Variant]) {
    for rule in &container.attrs.rules {
        cx.error_at(
            rule.span,
            format!(
                "`{}` cannot be put on an enum: put it on a field of a variant (`Business {{ #[customer({}…)] vat_id: String }}`) or on a newtype variant",
                rule.kind.name(),
                rule.kind.name()
            ),
        );
    }
    for lit in [&container.attrs.message, &container.attrs.code]
        .into_iter()
        .flatten()
    {
        if container.attrs.rules.is_empty() && !container.attrs.broken_rule {
            cx.error_spanned_by(
                lit,
                "this has no rule to apply to: on an enum, put `message` and `code` next to the rules of a variant's field",
            );
        }
    }
    for conversion in &container.attrs.conversions {
        cx.error_at(
            conversion.span,
            format!(
                "`{}` is derived for structs with named fields only, not for an enum: write the `From` / `TryFrom` impl by hand",
                conversion.kind.name()
            ),
        );
    }
    for variant in variants {
        check_variant(cx, variant);
        if variant.style == Style::Named {
            check_field_names(cx, &variant.fields);
        }
        for field in &variant.fields {
            check_field(cx, field);
            check_patch(cx, container, field);
            check_model_said(cx, container, field);
            check_no_conversion_keys(cx, field);
            if container.attrs.context.is_none() {
                for rule in &field.attrs.rules {
                    check_no_ctx(cx, &rule.kind, "enum");
                }
            }
        }
    }
    check_tags(cx, container, variants);
    check_untagged_order(cx, container, variants);
}

/// serde tries the variants of an untagged enum (and the `#[serde(untagged)]` variants of any
/// enum) in order and keeps the first that reads. A struct variant whose fields may all be
/// missing (each an `Option`, `default` or skipped) and that ignores unknown members reads every
/// object whose members it knows hold its types: a later struct variant whose members of the
/// same names have the same types is then never read, without a word from serde. Only these
/// plain cases are told (no `flatten`, `deserialize_with` or `Patch` in either variant).
fn check_untagged_order(cx: &Ctxt, container: &Container, variants: &[Variant]) {
    if container.serde.deny_unknown_fields {
        return;
    }
    let tried: Vec<&Variant> = variants
        .iter()
        .filter(|v| (container.serde.untagged || v.untagged) && !v.serde.skip_deserializing)
        .collect();
    for (at, later) in tried.iter().enumerate() {
        let Some(earlier) = tried[..at].iter().find(|e| shadows(e, later)) else {
            continue;
        };
        let (a, b) = (earlier.ident, later.ident);
        let mut error = syn::Error::new(
            b.span(),
            format!("`{b}` is never read: serde tries the variants of an untagged enum in order and keeps the first that reads, and `{a}` before it reads every document `{b}` would (its fields may all be missing, and it ignores members it does not know); put `{b}` before `{a}`, or add `#[serde(deny_unknown_fields)]` to the enum"),
        );
        error.combine(syn::Error::new(
            a.span(),
            format!("`{a}` reads every document `{b}` would"),
        ));
        cx.syn_error(error);
    }
}

/// `true` when the struct variant `earlier` reads every document the struct variant `later`
/// reads (the plain cases of [`check_untagged_order`]).
fn shadows(earlier: &Variant, later: &Variant) -> bool {
    let plain = |field: &Field| {
        !field.serde.flatten
            && field.serde.deserialize_with.is_none()
            && !field.layers.contains(&Layer::Patch)
    };
    if earlier.style != Style::Named
        || later.style != Style::Named
        || !earlier.fields.iter().chain(&later.fields).all(plain)
    {
        return false;
    }
    let read = |field: &&Field| !field.serde.skip_deserializing;
    let may_be_missing = |field: &Field| {
        field.serde.default.is_some() || field.layers.first() == Some(&Layer::Option)
    };
    if !earlier.fields.iter().filter(read).all(may_be_missing) {
        return false;
    }
    let keys = |field: &Field| -> Vec<String> {
        let crate::ast::Wire::Key(key) = &field.wire else {
            return Vec::new();
        };
        std::iter::once(key.clone())
            .chain(field.serde.alias.iter().cloned())
            .collect()
    };
    // A member both read: `earlier` reads every value `later` does when the type inside the
    // `Option`s is the same and `earlier` takes `null` wherever `later` does.
    earlier.fields.iter().filter(read).all(|mine| {
        let my_keys = keys(mine);
        later
            .fields
            .iter()
            .filter(read)
            .filter(|theirs| keys(theirs).iter().any(|key| my_keys.contains(key)))
            .all(|theirs| {
                let same = mine.inner.to_token_stream().to_string()
                    == theirs.inner.to_token_stream().to_string();
                let null =
                    mine.layers.contains(&Layer::Option) || !theirs.layers.contains(&Layer::Option);
                same && null
            })
    })
}

/// What `#[customer(...)]` says on a variant itself. A newtype variant's have been moved to its
/// field (`ast`); what is left here has no field to apply to.
fn check_variant(cx: &Ctxt, variant: &Variant) {
    let attrs = &variant.attrs;
    if let Some(span) = attrs.other {
        cx.error_at(span, "`other` is the catch-all of a field-less enum, and this enum's variants carry data: remove it (serde's own `#[serde(other)]` on a unit variant reads unknown tags of an internally or adjacently tagged enum)");
    }
    let (what, fix) = match variant.style {
        Style::Unit => ("a unit variant", "it holds no value to check: remove it"),
        Style::Named => (
            "a struct variant",
            "put it on the field it checks (`Business { #[customer(...)] vat_id: String }`)",
        ),
        Style::Tuple if variant.fields.len() == 1 => return,
        Style::Tuple => (
            "a tuple variant of several fields",
            "put it on the element it checks (`Pair(#[customer(email)] String, u32)`)",
        ),
    };
    for rule in &attrs.rules {
        let name = rule.kind.name();
        let message = if matches!(rule.kind, Rule::Nested(_)) {
            format!("`nested` on {what}: on a variant, `nested` is for a newtype variant that holds a model (`Business(Company)`); here {fix}")
        } else {
            format!("`{name}` on {what}: {fix}")
        };
        cx.error_at(rule.span, message);
    }
    let keys = [
        ("skip", attrs.skip),
        ("skip_nested", attrs.skip_nested),
        ("skip_conversion", attrs.skip_conversion),
        ("default", attrs.default),
    ];
    for (name, span) in keys {
        if let Some(span) = span {
            cx.error_at(span, format!("`{name}` on {what}: {fix}"));
        }
    }
    for lit in [&attrs.message, &attrs.code, &attrs.maps_to]
        .into_iter()
        .flatten()
    {
        cx.error_spanned_by(lit, format!("this on {what} applies to nothing: {fix}"));
    }
    if let Some(with) = &attrs.with {
        cx.error_spanned_by(with, format!("`with` on {what} applies to nothing: {fix}"));
    }
}

/// `maps_to`, `with`, `default` and `skip_conversion` shape a conversion, and an enum has none.
fn check_no_conversion_keys(cx: &Ctxt, field: &Field) {
    let attrs = &field.attrs;
    let message = "conversions are not derived for enums, so this shapes nothing: remove it";
    if let Some(maps_to) = &attrs.maps_to {
        cx.error_spanned_by(maps_to, message);
    }
    if let Some(with) = &attrs.with {
        cx.error_spanned_by(with, message);
    }
    for span in [attrs.default, attrs.skip_conversion].into_iter().flatten() {
        cx.error_at(span, message);
    }
}

/// The keys serde reads a struct's (or a struct variant's) fields under: two fields read under
/// one key (a `rename` or an `alias` equal to another field's name) make serde read the key into
/// the first and never the second, which is then missing from every document, and serde's derive
/// says so only in a warning about an unreachable pattern in its generated code.
fn check_field_names(cx: &Ctxt, fields: &[Field]) {
    let mut seen: Vec<(String, &Ident)> = Vec::new();
    for field in fields {
        let crate::ast::Wire::Key(key) = &field.wire else {
            continue;
        };
        let Some(ident) = field.ident else { continue };
        if field.serde.skip_deserializing {
            continue;
        }
        let own = (
            key.clone(),
            field.serde.rename_span.unwrap_or_else(|| ident.span()),
        );
        let aliases = field
            .serde
            .alias
            .iter()
            .cloned()
            .zip(field.serde.alias_spans.iter().copied());
        for (name, at) in std::iter::once(own).chain(aliases) {
            match seen.iter().find(|(seen, _)| *seen == name) {
                // A field's alias equal to its own name: serde reads it the same way.
                Some((_, first)) if *first == ident => {}
                Some((_, first)) => {
                    let mut error = syn::Error::new(
                        at,
                        format!("two fields are read under the key `{name}`: serde reads it into the first and never into this one, which every document would then lack; give this field another name with `#[serde(rename = \"...\")]`, or remove the alias"),
                    );
                    error.combine(syn::Error::new(
                        first.span(),
                        format!("serde reads the key `{name}` into this field"),
                    ));
                    cx.syn_error(error);
                }
                None => seen.push((name, ident)),
            }
        }
    }
}

/// The names serde tells the variants apart by: two variants read under one name (or alias)
/// would make the second unreachable, and the pointers and the schema would describe it. serde
/// itself refuses a field named like an internal tag and a content key equal to the tag, but at
/// the whole enum: these point at the name.
fn check_tags(cx: &Ctxt, container: &Container, variants: &[Variant]) {
    let serde = &container.serde;
    if serde.untagged {
        return;
    }
    let mut seen: Vec<(String, &Variant)> = Vec::new();
    for variant in variants {
        if variant.untagged || variant.serde.skip_deserializing {
            continue;
        }
        // Each name, where it is written: `rename`, or the variant's name; each `alias`.
        let own = (
            variant.wire_name.clone(),
            variant
                .serde
                .rename_span
                .unwrap_or_else(|| variant.ident.span()),
        );
        let aliases = variant
            .serde
            .alias
            .iter()
            .cloned()
            .zip(variant.serde.alias_spans.iter().copied());
        for (name, at) in std::iter::once(own).chain(aliases) {
            if let Some((_, first)) = seen.iter().find(|(seen, _)| *seen == name) {
                let mut error = syn::Error::new(
                    at,
                    format!("two variants are read under the name `{name}`: serde would never read this one; give it another name with `#[serde(rename = \"...\")]`, or remove the alias"),
                );
                error.combine(syn::Error::new(
                    first.ident.span(),
                    format!("`{}` is read as `{name}` too", first.ident),
                ));
                cx.syn_error(error);
            } else {
                seen.push((name, variant));
            }
        }
    }
    let Some(tag) = &serde.tag else { return };
    if serde.content.as_ref() == Some(tag) {
        cx.error_at(
            serde.content_span.unwrap_or_else(|| container.ident.span()),
            format!("`tag` and `content` are both `{tag}`: the tag and the content of an adjacently tagged enum need two keys; rename one of them"),
        );
        return;
    }
    if serde.content.is_some() {
        return;
    }
    for variant in variants {
        if variant.untagged || variant.style != Style::Named {
            continue;
        }
        for field in &variant.fields {
            let crate::ast::Wire::Key(key) = &field.wire else {
                continue;
            };
            let names = std::iter::once(key).chain(field.serde.alias.iter());
            if names.into_iter().any(|name| name == tag) {
                let at = field.ident.map_or_else(|| field.ty.span(), Spanned::span);
                cx.error_at(
                    at,
                    format!("this field is read under `{tag}`, the key that holds the variant's name in this internally tagged enum (`#[serde(tag = \"{tag}\")]`): rename the field with `#[serde(rename = \"...\")]` or choose another tag"),
                );
            }
        }
    }
}

fn check_container_rules(cx: &Ctxt, container: &Container, style: Style, count: usize) {
    let newtype = style == Style::Tuple && count == 1;
    if newtype
        && !container.attrs.rules.is_empty()
        && container.generics.params.iter().next().is_some()
    {
        cx.error_spanned_by(
            container.generics,
            "a parsed newtype cannot be generic: name the inner type, e.g. `struct Email(String);`",
        );
    }
    if !newtype {
        for rule in &container.attrs.rules {
            cx.error_at(
                rule.span,
                format!("`{}` on a container is for newtypes (`struct Email(String);`): put it on a field instead", rule.kind.name()),
            );
        }
    }
    check_rule_set(cx, &container.attrs.rules);
    for rule in &container.attrs.rules {
        rule.kind.check_place(cx, rule.span, Place::Container);
    }
    if let (Some(context), true) = (&container.attrs.context, newtype) {
        if !container.attrs.rules.is_empty() {
            cx.error_spanned_by(context, "a parsed newtype cannot take a context: it is checked while parsing (`FromStr`, `TryFrom`, `Deserialize`), where there is none; put the rule on the field of a struct with the context instead");
        }
    }
    let has_rules = !container.attrs.rules.is_empty() || container.attrs.broken_rule;
    for lit in [&container.attrs.message, &container.attrs.code]
        .into_iter()
        .flatten()
    {
        if !has_rules {
            cx.error_spanned_by(
                lit,
                "this has no rule to apply to: add a rule such as `email` next to it, or remove it",
            );
        }
    }
}

fn check_conversions(cx: &Ctxt, container: &Container, style: Style, fields: &[Field]) {
    let conversions = &container.attrs.conversions;
    for (i, later) in conversions.iter().enumerate() {
        let later_ty = later.ty.to_token_stream().to_string();
        let Some(first) = conversions[..i].iter().find(|c| {
            c.ty.to_token_stream().to_string() == later_ty && same_direction(c.kind, later.kind)
        }) else {
            continue;
        };
        let message = if first.kind == later.kind {
            format!(
                "this conversion is listed twice: remove one `{}`",
                later.kind.name()
            )
        } else {
            format!(
                "`{}` and `{}` of the same type clash: std already derives `TryFrom` from `From`; keep one of them",
                first.kind.name(),
                later.kind.name()
            )
        };
        let mut error = syn::Error::new(later.span, message);
        error.combine(syn::Error::new(
            first.span,
            format!("`{}` is here", first.kind.name()),
        ));
        cx.syn_error(error);
    }
    if container.attrs.context.is_some() {
        for conversion in conversions {
            if conversion.kind == ConversionKind::TryFrom {
                cx.error_at(conversion.span, "`try_from` validates the result, whose rules need the context: derive `from` instead and call `validate_with(&ctx)` on the result");
            }
        }
    }
    if style != Style::Named {
        for conversion in conversions {
            cx.error_at(
                conversion.span,
                "conversions are derived for structs with named fields only",
            );
        }
    }
    let has = |kinds: &[ConversionKind]| conversions.iter().any(|c| kinds.contains(&c.kind));
    for field in fields {
        let attrs = &field.attrs;
        if conversions.is_empty() {
            if let Some(maps_to) = &attrs.maps_to {
                cx.error_spanned_by(maps_to, "`maps_to` names the field of a conversion's other type: add `from`, `into`, `try_from` or `try_into` to the container, or use `#[serde(rename)]` for the JSON key");
            }
            if let Some(with) = &attrs.with {
                cx.error_spanned_by(with, "`with` converts this field in a conversion: add `from`, `into`, `try_from` or `try_into` to the container; to read the JSON value with a function of your own, use `#[serde(deserialize_with = \"...\")]`");
            }
        }
        if let Some(span) = attrs.skip_conversion {
            check_skip_conversion(cx, field, span, conversions.is_empty());
        }
        if let Some(span) = attrs.default {
            if !has(&[ConversionKind::From, ConversionKind::TryFrom]) {
                cx.error_at(span, "`default` fills this field in a `from` or `try_from` conversion: add one to the container, or remove `default`; for a JSON key that may be left out, use `#[serde(default)]`");
            }
        }
    }
}

/// `skip_conversion` leaves the field out of every conversion: it needs one, and nothing else
/// about the field's conversion can be said next to it.
fn check_skip_conversion(cx: &Ctxt, field: &Field, span: Span, no_conversion: bool) {
    let attrs = &field.attrs;
    let together = |other: Span, message: String| {
        let mut error = syn::Error::new(other, message);
        error.combine(syn::Error::new(span, "`skip_conversion` is here"));
        cx.syn_error(error);
    };
    if let Some(skip) = attrs.skip {
        together(skip, "`skip` and `skip_conversion` together: `skip` already leaves the field out of conversions and out of validation; keep `skip_conversion` alone to still validate the field".to_owned());
    } else if no_conversion {
        cx.error_at(span, "`skip_conversion` leaves this field out of a conversion, and the container has none: add `from`, `into`, `try_from` or `try_into` to the container, or remove `skip_conversion`");
    }
    let shaping = [
        ("maps_to", attrs.maps_to.as_ref().map(Spanned::span)),
        ("with", attrs.with.as_ref().map(Spanned::span)),
        ("default", attrs.default),
    ];
    for (name, at) in shaping {
        if let Some(at) = at {
            together(at, format!("`{name}` shapes this field's conversion, but `skip_conversion` leaves the field out of it: remove one of them"));
        }
    }
}

fn check_field(cx: &Ctxt, field: &Field) {
    let attrs = &field.attrs;
    if let Some(skip) = attrs.skip {
        if let Some(rule) = attrs.rules.first() {
            let mut error = syn::Error::new(
                rule.span,
                format!(
                    "`{}` conflicts with `skip`: a skipped field is not checked",
                    rule.kind.name()
                ),
            );
            error.combine(syn::Error::new(
                skip,
                "`skip` is here; remove it or remove the rules",
            ));
            cx.syn_error(error);
        }
    }
    if let Some(skip_nested) = attrs.skip_nested {
        let other = if let Some(skip) = attrs.skip {
            Some((skip, "`skip` already leaves the field unvalidated (and out of conversions): keep one of them"))
        } else {
            let nested = attrs.rules.iter().find(|rule| match &rule.kind {
                Rule::Nested(_) => true,
                Rule::Each(each) => each.rules.iter().any(|r| matches!(r.kind, Rule::Nested(_))),
                _ => false,
            });
            nested.map(|rule| (rule.span, "`nested` validates the model that `skip_nested` leaves unvalidated: keep one of them"))
        };
        if let Some((at, message)) = other {
            let mut error = syn::Error::new(skip_nested, message);
            error.combine(syn::Error::new(at, "the other is here"));
            cx.syn_error(error);
        }
    }
    if attrs.rules.is_empty() && !attrs.broken_rule {
        for lit in [&attrs.message, &attrs.code].into_iter().flatten() {
            cx.error_spanned_by(
                lit,
                "this has no rule to apply to: add a rule such as `email` next to it, or remove it",
            );
        }
    }
    let place = Place::Field {
        optional: !field.layers.is_empty(),
    };
    for rule in &attrs.rules {
        rule.kind.check_place(cx, rule.span, place);
    }
    check_rule_types(cx, field);
    check_rule_set(cx, &attrs.rules);
}

/// Rules the field's type, as written, makes wrong or meaningless: `range` on text (rustc would
/// only say "mismatched types"), `length` on a fixed-size array (its length is known at compile
/// time, so the rule always passes or always fails). Through `Option` / `Patch` layers; a type
/// alias is not seen through (rustc's own error, or the rule's, then applies).
fn check_rule_types(cx: &Ctxt, field: &Field) {
    if field.serde.skip_deserializing && field.attrs.skip.is_none() {
        if let Some(rule) = field.attrs.rules.first() {
            cx.error_at(
                rule.span,
                format!(
                    "`{}` on a field serde never reads (`#[serde(skip)]` or `skip_deserializing`): no document can set it, so the rule would only check its default, refusing every document or none; remove the rule, or remove serde's `skip` so that documents carry the field; to check a value your code sets, write a container `#[customer(check = your_fn)]`",
                    rule.kind.name()
                ),
            );
        }
    }
    for rule in &field.attrs.rules {
        match &rule.kind {
            Rule::Range(_) if is_text(field.inner) => cx.error_at(
                rule.span,
                "`range` is for numbers; for text length use `length(...)`: `length(min = 1, max = 10)` counts characters",
            ),
            Rule::Range(_) if is_collection(field.inner) => cx.error_at(
                rule.span,
                "`range` is for numbers, and this field is a collection: to bound every element use `each(range(...))`, and for the number of items `length(...)`",
            ),
            Rule::Length(_) => {
                if let syn::Type::Array(array) = field.inner {
                    let len = quote::ToTokens::to_token_stream(&array.len);
                    cx.error_at(
                        rule.span,
                        format!(
                            "`length` on a fixed-size array: its length is always {len}, known at compile time, so this rule would pass every value or refuse every one; remove it, or use a `Vec` for a list whose length varies"
                        ),
                    );
                }
            }
            _ => {}
        }
    }
}

/// `true` for a type spelled as a collection: `Vec`, `VecDeque`, sets, maps, arrays, slices
/// (behind `&` or `Box` too).
fn is_collection(ty: &syn::Type) -> bool {
    const NAMES: [&str; 6] = [
        "Vec", "VecDeque", "HashSet", "BTreeSet", "HashMap", "BTreeMap",
    ];
    match ty {
        syn::Type::Reference(r) => is_collection(&r.elem),
        syn::Type::Paren(p) => is_collection(&p.elem),
        syn::Type::Array(_) | syn::Type::Slice(_) => true,
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            match &last.arguments {
                syn::PathArguments::AngleBracketed(args) if last.ident == "Box" => args
                    .args
                    .iter()
                    .any(|arg| matches!(arg, syn::GenericArgument::Type(t) if is_collection(t))),
                syn::PathArguments::AngleBracketed(_) => NAMES.iter().any(|n| last.ident == n),
                _ => false,
            }
        }
        _ => false,
    }
}

/// `true` for a type spelled as text: `String`, `str`, `&str`, `Box<str>`, `Cow<str>`.
fn is_text(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Reference(r) => is_text(&r.elem),
        syn::Type::Paren(p) => is_text(&p.elem),
        syn::Type::Path(p) if p.qself.is_none() => {
            let Some(last) = p.path.segments.last() else {
                return false;
            };
            match &last.arguments {
                syn::PathArguments::None => last.ident == "String" || last.ident == "str",
                syn::PathArguments::AngleBracketed(args)
                    if last.ident == "Box" || last.ident == "Cow" =>
                {
                    args.args
                        .iter()
                        .any(|arg| matches!(arg, syn::GenericArgument::Type(t) if is_text(t)))
                }
                _ => false,
            }
        }
        _ => false,
    }
}

/// Reports `ctx` in the arguments of a rule of a struct that has no context.
fn check_no_ctx(cx: &Ctxt, rule: &Rule, what: &str) {
    fn reads_ctx(tokens: proc_macro2::TokenStream) -> Option<proc_macro2::Ident> {
        tokens.into_iter().find_map(|tree| match tree {
            proc_macro2::TokenTree::Ident(ident) if ident == "ctx" => Some(ident),
            proc_macro2::TokenTree::Group(group) => reads_ctx(group.stream()),
            _ => None,
        })
    }
    for expr in rule.arguments() {
        if let Some(ctx) = reads_ctx(expr.to_token_stream()) {
            cx.error_spanned_by(ctx, format!("`ctx` is the validation context, and this {what} has none: declare its type with `#[customer(context(Limits))]` on the {what}"));
        }
    }
}

/// Conflicts within one list of rules (a field's, a container's, or one `each`).
fn check_rule_set(cx: &Ctxt, rules: &[RuleSpec]) {
    let mut format: Option<&RuleSpec> = None;
    let nested = rules.iter().find(|r| matches!(r.kind, Rule::Nested(_)));
    for rule in rules {
        let class = rule.kind.class();
        if class == Class::Format {
            if let Some(first) = format.filter(|first| first.kind.name() != rule.kind.name()) {
                let mut error = syn::Error::new(
                    rule.span,
                    format!(
                        "`{}` conflicts with `{}`: no value can be both; keep one of them",
                        rule.kind.name(),
                        first.kind.name()
                    ),
                );
                error.combine(syn::Error::new(
                    first.span,
                    format!("`{}` is here", first.kind.name()),
                ));
                cx.syn_error(error);
            } else {
                format = Some(rule);
            }
        }
        if let (Some(nested), true) = (nested, class != Class::Any) {
            let mut error = syn::Error::new(
                rule.span,
                format!(
                    "`{}` conflicts with `nested`: `nested` checks a model, `{}` checks text",
                    rule.kind.name(),
                    rule.kind.name()
                ),
            );
            error.combine(syn::Error::new(nested.span, "`nested` is here"));
            cx.syn_error(error);
        }
        if let Rule::Each(each) = &rule.kind {
            check_rule_set(cx, &each.rules);
        }
    }
}

fn same_direction(a: ConversionKind, b: ConversionKind) -> bool {
    let incoming = |k| matches!(k, ConversionKind::From | ConversionKind::TryFrom);
    incoming(a) == incoming(b)
}

/// A `Patch` field reads a left-out key as `Patch::Absent` only through `#[serde(default)]`:
/// without it serde reads a missing field as `null`, so leaving a key out would clear the stored
/// value. `Option` around or inside a `Patch` blurs the three states it keeps apart.
fn check_patch(cx: &Ctxt, container: &Container, field: &Field) {
    let Some(at) = field.layers.iter().position(|layer| *layer == Layer::Patch) else {
        return;
    };
    if field.layers.len() > 1 {
        let message = if at > 0 {
            "`Option<Patch<T>>` cannot tell a left-out key from `null`: serde reads `null` into an `Option` as `None`, so `Patch::Null` never comes out of a document; write `Patch<T>` (`Absent`, `Null`, `Value`) with `#[serde(default)]`"
        } else {
            "`Patch<Option<T>>` has two ways to say `null`: `Patch::Null` is what a document's `null` reads as, and `Value(None)` never comes out of one; write `Patch<T>` with `#[serde(default)]`"
        };
        cx.error_spanned_by(field.ty, message);
        return;
    }
    let defaulted = field.serde.default.is_some()
        || container.serde.default.is_some()
        || field.serde.skip_deserializing;
    if !defaulted {
        let customer_default = if field.attrs.default.is_some() {
            " (`#[customer(default)]` fills the field in a conversion, not when a JSON key is left out)"
        } else {
            ""
        };
        cx.error_spanned_by(
            field.ty,
            format!("a `Patch` field needs `#[serde(default)]`: without it serde reads a left-out key as `null` (`Patch::Null`, which clears the stored value) instead of `Patch::Absent` (keep it); add `#[serde(default)]` to this field, or to the struct{customer_default}"),
        );
    }
}

/// A field whose type names a type parameter may hold a model or not, and the derive cannot tell
/// which: the field says, with `nested` (validated; the parameter must be a model) or
/// `skip_nested` (not a model, or left unvalidated on purpose). Concrete types are checked by the
/// compiler instead (`customer_core::__private::ModelSaid`, emitted by `expand::validate`).
fn check_model_said(cx: &Ctxt, container: &Container, field: &Field) {
    if field.attrs.skip.is_some() || field.attrs.skip_nested.is_some() || is_nested(field) {
        return;
    }
    let params: Vec<&syn::Ident> = container.generics.type_params().map(|p| &p.ident).collect();
    if let Some(param) = crate::ast::names_param(field.ty, &params) {
        cx.error_spanned_by(
            field.ty,
            format!(
                "the derive cannot tell whether `{param}` is a customer model, whose rules would go unchecked here: write `#[customer(nested)]` on this field to validate it (for `Vec<{param}>` and other collections too; the derive then bounds `{param}: CustomerModel`), or `#[customer(skip_nested)]` if `{param}` is plain data or is left unvalidated on purpose"
            ),
        );
    }
}

/// `nested`, or `each(nested)`.
pub(crate) fn is_nested(field: &Field) -> bool {
    field.attrs.rules.iter().any(|rule| match &rule.kind {
        Rule::Nested(_) => true,
        Rule::Each(each) => each.rules.iter().any(|r| matches!(r.kind, Rule::Nested(_))),
        _ => false,
    })
}

/// A parsed newtype gets serde impls of its own (whose `Deserialize` validates): serde's derive
/// next to it would conflict, and `#[serde(...)]` on it would say nothing. Only a `derive`
/// attribute after this one is visible to the derive; one in the same list is left to rustc's
/// "conflicting implementations", whose first implementation is `CustomerModel`.
pub(crate) fn check_newtype_serde(cx: &Ctxt, container: &Container, input: &syn::DeriveInput) {
    if container.newtype_field().is_none() || container.attrs.rules.is_empty() {
        return;
    }
    for at in serde_on_newtype(input) {
        cx.error_at(at, "a parsed newtype (a rule on the container) gets its own `Serialize` and `Deserialize`, whose `Deserialize` validates: remove serde's derive and `#[serde(...)]` from it");
    }
}

/// Where the item says serde: `#[serde(...)]`, and `Serialize` / `Deserialize` in a `derive`
/// attribute after this derive's (one in the same list is not visible to a derive).
pub(crate) fn serde_on_newtype(input: &syn::DeriveInput) -> Vec<Span> {
    let mut found = Vec::new();
    for attr in &input.attrs {
        if attr.path().is_ident("serde") {
            found.push(attr.path().span());
        } else if attr.path().is_ident("derive") {
            let mut ours = false;
            let mut serde = Vec::new();
            let _ = attr.parse_nested_meta(|meta| {
                let last = meta.path.segments.last().map(|s| s.ident.to_string());
                match last.as_deref() {
                    Some("Serialize" | "Deserialize") => serde.push(meta.path.span()),
                    Some("CustomerModel") => ours = true,
                    _ => {}
                }
                Ok(())
            });
            // The list that names this derive is not in a derive's input (rustc removes it);
            // only a tool reading the source sees it, and rustc reports that case itself.
            if !ours {
                found.extend(serde);
            }
        }
    }
    found
}
