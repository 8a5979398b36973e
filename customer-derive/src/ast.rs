//! Phase 2: the typed model the code generator reads. Built from `syn`'s tree plus the parsed
//! attributes; every field knows its member, its type, how many `Option` layers wrap it and its
//! name on the wire.

use proc_macro2::{Span, TokenStream};
use quote::{quote, ToTokens};
use syn::spanned::Spanned;
use syn::{DeriveInput, Ident, Member, Type};

use crate::attr::{self, ContainerAttrs, FieldAttrs};
use crate::ctxt::Ctxt;
pub(crate) use crate::rules::kind::Layer;
use crate::trees::Trees;

pub(crate) struct Container<'a> {
    pub ident: &'a Ident,
    pub generics: &'a syn::Generics,
    pub attrs: ContainerAttrs,
    pub data: Data<'a>,
    /// The runtime's module for generated code: `::customer_core::__private` (or
    /// `#[customer(crate = path)]`'s `path::__private`); inside the anonymous constant the
    /// output is wrapped in, its alias `__p` (`expand::derive`).
    pub krate: Trees,
    /// What `#[serde(...)]` says about the container.
    pub serde: attr::SerdeAttrs,
}

pub(crate) enum Data<'a> {
    Struct(Style, Vec<Field<'a>>),
    Enum(Vec<Variant<'a>>),
    Union(Span),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Named,
    Tuple,
    Unit,
}

/// Where a field's value sits relative to its parent in the JSON document.
pub(crate) enum Wire {
    /// An object member with this key.
    Key(String),
    /// An array element (a field of a tuple struct of two or more fields).
    Index(usize),
    /// The parent's own place (`#[serde(flatten)]`, or the one field of a newtype).
    Same,
}

pub(crate) struct Field<'a> {
    pub member: Member,
    pub ident: Option<&'a Ident>,
    pub ty: &'a Type,
    /// The type inside every `Option` / `Patch` layer.
    pub inner: &'a Type,
    /// The `Option` and `Patch` layers around `inner`, outermost first.
    pub layers: Vec<Layer>,
    pub wire: Wire,
    pub attrs: FieldAttrs,
    /// What `#[serde(...)]` says about the field.
    pub serde: attr::SerdeAttrs,
    /// Set by the second read's table when the field's entry refuses a model type without
    /// `nested` (its probe `SAID`): `validate::said` then has no probe to write for it.
    pub said_in_entry: std::cell::Cell<bool>,
}

pub(crate) struct Variant<'a> {
    pub ident: &'a Ident,
    /// How the variant holds its data: `Unit`, `Tuple` (a newtype when it has one field) or
    /// `Named`.
    pub style: Style,
    /// The variant's fields, named on the wire by the variant's `rename_all` (or the enum's
    /// `rename_all_fields`), as serde names them.
    pub fields: Vec<Field<'a>>,
    pub wire_name: String,
    pub original: &'a syn::Variant,
    pub attrs: FieldAttrs,
    pub untagged: bool,
    /// What `#[serde(...)]` says about the variant.
    pub serde: attr::SerdeAttrs,
}

impl<'a> Container<'a> {
    pub(crate) fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Container<'a> {
        let attrs = attr::container_attrs(cx, &input.attrs);
        let serde = attr::serde_attrs(cx, &input.attrs);
        let container_serde = &serde;
        let rename_all = serde.rename_all.as_ref().map(|(rule, _)| rule.as_str());
        let data = match &input.data {
            syn::Data::Struct(data) => {
                let (style, fields) = fields_of(cx, &data.fields, rename_all);
                Data::Struct(style, fields)
            }
            syn::Data::Enum(data) => Data::Enum(
                data.variants
                    .iter()
                    .map(|variant| {
                        let serde = attr::serde_attrs(cx, &variant.attrs);
                        let wire_name = serde
                            .rename
                            .clone()
                            .unwrap_or_else(|| rename_variant(&unraw(&variant.ident), rename_all));
                        let fields_rename = serde
                            .rename_all
                            .as_ref()
                            .or(container_serde.rename_all_fields.as_ref())
                            .map(|(rule, _)| rule.as_str());
                        let (style, mut fields) = fields_of(cx, &variant.fields, fields_rename);
                        let mut attrs = attr::field_attrs(cx, &variant.attrs, true);
                        if let ([field], Style::Tuple, None) =
                            (fields.as_mut_slice(), style, attrs.other)
                        {
                            newtype_variant_attrs(cx, variant, &mut attrs, field);
                        }
                        Variant {
                            ident: &variant.ident,
                            style,
                            fields,
                            wire_name,
                            original: variant,
                            attrs,
                            untagged: serde.untagged,
                            serde,
                        }
                    })
                    .collect(),
            ),
            syn::Data::Union(data) => Data::Union(data.union_token.span()),
        };
        let krate = match &attrs.krate {
            Some(path) => Trees::from_stream(quote!(#path::__private)),
            // Made as trees: a stream would be sent to the compiler and read back.
            None => Trees::root("customer_core").join("__private"),
        };
        Container {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            data,
            krate,
            serde,
        }
    }

    /// The variants of an enum whose variants carry data (a tagged union), `None` for a struct
    /// or a field-less enum (whose one `#[customer(other)]` variant may hold the unknown text).
    pub(crate) fn data_variants(&self) -> Option<&[Variant<'a>]> {
        match &self.data {
            Data::Enum(variants) if variants.iter().any(Variant::carries_data) => Some(variants),
            _ => None,
        }
    }

    /// A newtype: one-field tuple struct.
    pub(crate) fn newtype_field(&self) -> Option<&Field<'a>> {
        match &self.data {
            Data::Struct(Style::Tuple, fields) if fields.len() == 1 => fields.first(),
            _ => None,
        }
    }
}

impl Variant<'_> {
    /// Holds data: a struct or tuple variant, not the `#[customer(other)]` catch-all of a
    /// field-less enum.
    pub(crate) fn carries_data(&self) -> bool {
        self.style != Style::Unit && self.attrs.other.is_none()
    }
}

/// What `#[customer(...)]` says on a newtype variant (`#[customer(nested)] Business(Company)`)
/// is said of its one field: moved there, so that the field is checked, bounded and validated
/// as any other. Said on both, it is refused.
fn newtype_variant_attrs(
    cx: &Ctxt,
    variant: &syn::Variant,
    attrs: &mut FieldAttrs,
    field: &mut Field,
) {
    if attrs.is_empty() {
        return;
    }
    if field.attrs.is_empty() {
        let other = attrs.other.take();
        field.attrs = std::mem::take(attrs);
        attrs.other = other;
        return;
    }
    if let Some(at) = variant.attrs.iter().find(|a| a.path().is_ident("customer")) {
        cx.error_spanned_by(
            at,
            "this newtype variant's field has `#[customer(...)]` too: say it once, on the variant or on its field",
        );
    }
}

/// The fields of a struct or of an enum variant, with their places on the wire.
fn fields_of<'a>(
    cx: &Ctxt,
    fields: &'a syn::Fields,
    rename_all: Option<&str>,
) -> (Style, Vec<Field<'a>>) {
    let (style, fields) = match fields {
        syn::Fields::Named(named) => (Style::Named, named.named.iter().collect::<Vec<_>>()),
        syn::Fields::Unnamed(unnamed) => (Style::Tuple, unnamed.unnamed.iter().collect()),
        syn::Fields::Unit => (Style::Unit, Vec::new()),
    };
    let count = fields.len();
    let mut fields: Vec<Field> = fields
        .into_iter()
        .enumerate()
        .map(|(index, field)| Field::from_ast(cx, index, field, count, rename_all))
        .collect();
    // serde numbers a tuple's elements over the fields it reads.
    let mut position = 0;
    for field in &mut fields {
        if let Wire::Index(index) = &mut field.wire {
            *index = position;
        }
        if !field.serde.skip_deserializing {
            position += 1;
        }
    }
    (style, fields)
}

impl<'a> Field<'a> {
    fn from_ast(
        cx: &Ctxt,
        index: usize,
        field: &'a syn::Field,
        count: usize,
        rename_all: Option<&str>,
    ) -> Field<'a> {
        let serde = attr::serde_attrs(cx, &field.attrs);
        let attrs = attr::field_attrs(cx, &field.attrs, false);
        let member = match &field.ident {
            Some(ident) => Member::Named(ident.clone()),
            None => Member::Unnamed(syn::Index {
                index: u32::try_from(index).unwrap_or(u32::MAX),
                span: field.ty.span(),
            }),
        };
        let wire = if serde.flatten {
            Wire::Same
        } else if let Some(ident) = &field.ident {
            Wire::Key(
                serde
                    .rename
                    .clone()
                    .unwrap_or_else(|| rename_field(&unraw(ident), rename_all)),
            )
        } else if count == 1 {
            Wire::Same
        } else {
            Wire::Index(index)
        };
        let (inner, layers) = peel_layers(&field.ty);
        Field {
            member,
            ident: field.ident.as_ref(),
            ty: &field.ty,
            inner,
            layers,
            wire,
            attrs,
            serde,
            said_in_entry: std::cell::Cell::new(false),
        }
    }
}

fn unraw(ident: &Ident) -> String {
    let name = ident.to_string();
    name.strip_prefix("r#").map_or(name.clone(), str::to_owned)
}

/// `Some(inner)` when `ty` is spelled `Option<T>` (any path ending in `Option` with one type
/// argument).
pub(crate) fn option_arg(ty: &Type) -> Option<&Type> {
    wrapper_arg(ty, "Option")
}

/// The one type argument of `ty` when its path ends in `name`.
fn wrapper_arg<'a>(ty: &'a Type, name: &str) -> Option<&'a Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let last = path.path.segments.last()?;
    if last.ident != name {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    if args.args.len() != 1 {
        return None;
    }
    match args.args.first()? {
        syn::GenericArgument::Type(inner) => Some(inner),
        _ => None,
    }
}

fn peel_layers(ty: &Type) -> (&Type, Vec<Layer>) {
    let mut inner = ty;
    let mut layers = Vec::new();
    loop {
        if let Some(next) = option_arg(inner) {
            layers.push(Layer::Option);
            inner = next;
        } else if let Some(next) = wrapper_arg(inner, "Patch") {
            layers.push(Layer::Patch);
            inner = next;
        } else {
            return (inner, layers);
        }
    }
}

/// The first of `params` that `ty` names, outside `PhantomData<...>` (which holds no value).
pub(crate) fn names_param<'p>(ty: &Type, params: &[&'p Ident]) -> Option<&'p Ident> {
    fn walk<'p>(tokens: TokenStream, params: &[&'p Ident]) -> Option<&'p Ident> {
        let mut trees = tokens.into_iter().peekable();
        while let Some(tree) = trees.next() {
            match tree {
                proc_macro2::TokenTree::Ident(ident) if ident == "PhantomData" => {
                    // Skip `<...>` after it.
                    if matches!(trees.peek(), Some(proc_macro2::TokenTree::Punct(p)) if p.as_char() == '<')
                    {
                        let mut depth = 0usize;
                        let mut arrow = false;
                        for next in trees.by_ref() {
                            if let proc_macro2::TokenTree::Punct(p) = &next {
                                // The `>` of `->` (`PhantomData<fn() -> T>`) closes nothing.
                                let after_minus = std::mem::replace(&mut arrow, p.as_char() == '-');
                                match p.as_char() {
                                    '>' if after_minus => {}
                                    '<' => depth += 1,
                                    '>' => {
                                        depth -= 1;
                                        if depth == 0 {
                                            break;
                                        }
                                    }
                                    _ => {}
                                }
                            } else {
                                arrow = false;
                            }
                        }
                    }
                }
                proc_macro2::TokenTree::Ident(ident) => {
                    if let Some(param) = params.iter().find(|p| **p == &ident) {
                        return Some(param);
                    }
                }
                proc_macro2::TokenTree::Group(group) => {
                    if let Some(found) = walk(group.stream(), params) {
                        return Some(found);
                    }
                }
                proc_macro2::TokenTree::Punct(_) | proc_macro2::TokenTree::Literal(_) => {}
            }
        }
        None
    }
    if params.is_empty() {
        return None;
    }
    walk(ty.to_token_stream(), params)
}

/// `true` when `ty` is spelled `String` (or `std::string::String`).
pub(crate) fn is_string(ty: &Type) -> bool {
    matches!(ty, Type::Path(p) if p.qself.is_none() && p.path.segments.last().is_some_and(|s| s.ident == "String" && s.arguments.is_none()))
}

/// The field's wire name when it is read from a key that may be one of its aliases: its rules
/// then point at the key the document used, not at its wire name.
pub(crate) fn aliased<'f>(container: &Container, field: &'f Field) -> Option<&'f str> {
    match &field.wire {
        Wire::Key(key) if !field.serde.alias.is_empty() && !container.serde.transparent => {
            Some(key)
        }
        _ => None,
    }
}

/// A field name as serde's `rename_all` writes it.
fn rename_field(name: &str, rule: Option<&str>) -> String {
    let pascal = || {
        let mut out = String::with_capacity(name.len());
        let mut upper = true;
        for ch in name.chars() {
            if ch == '_' {
                upper = true;
            } else if upper {
                out.extend(ch.to_uppercase());
                upper = false;
            } else {
                out.push(ch);
            }
        }
        out
    };
    match rule {
        Some("UPPERCASE" | "SCREAMING_SNAKE_CASE") => name.to_ascii_uppercase(),
        Some("PascalCase") => pascal(),
        Some("camelCase") => {
            let pascal = pascal();
            let mut chars = pascal.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
        Some("kebab-case") => name.replace('_', "-"),
        Some("SCREAMING-KEBAB-CASE") => name.to_ascii_uppercase().replace('_', "-"),
        _ => name.to_owned(),
    }
}

/// A variant name as serde's `rename_all` writes it.
fn rename_variant(name: &str, rule: Option<&str>) -> String {
    let snake = || {
        let mut out = String::with_capacity(name.len() + 4);
        for (i, ch) in name.char_indices() {
            if i > 0 && ch.is_uppercase() {
                out.push('_');
            }
            out.extend(ch.to_lowercase());
        }
        out
    };
    match rule {
        Some("lowercase") => name.to_ascii_lowercase(),
        Some("UPPERCASE") => name.to_ascii_uppercase(),
        Some("camelCase") => {
            let mut chars = name.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
        Some("snake_case") => snake(),
        Some("SCREAMING_SNAKE_CASE") => snake().to_ascii_uppercase(),
        Some("kebab-case") => snake().replace('_', "-"),
        Some("SCREAMING-KEBAB-CASE") => snake().to_ascii_uppercase().replace('_', "-"),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::{rename_field, rename_variant};

    #[test]
    fn field_names_follow_serde() {
        assert_eq!(rename_field("created_at", Some("camelCase")), "createdAt");
        assert_eq!(rename_field("created_at", Some("PascalCase")), "CreatedAt");
        assert_eq!(rename_field("created_at", Some("kebab-case")), "created-at");
        assert_eq!(
            rename_field("created_at", Some("SCREAMING_SNAKE_CASE")),
            "CREATED_AT"
        );
        assert_eq!(rename_field("created_at", None), "created_at");
    }

    #[test]
    fn variant_names_follow_serde() {
        assert_eq!(rename_variant("NlNl", Some("snake_case")), "nl_nl");
        assert_eq!(rename_variant("Active", Some("lowercase")), "active");
        assert_eq!(
            rename_variant("InProgress", Some("kebab-case")),
            "in-progress"
        );
        assert_eq!(
            rename_variant("InProgress", Some("camelCase")),
            "inProgress"
        );
        assert_eq!(
            rename_variant("InProgress", Some("SCREAMING_SNAKE_CASE")),
            "IN_PROGRESS"
        );
    }
}
