//! What a model says about itself at compile time (`Shape::__KIND`, `Shape::__KEYS`, see
//! `customer_core`'s `shape::facts`), and the assertions an internally tagged enum makes on the
//! types its newtype variants wrap and its struct variants flatten: serde takes the tag out of
//! the object before they read the rest, so one that reads a member named like the tag, or that
//! does not read from an object, can never be read. Both are compile errors at the field's type.
//! A generic container says nothing and asserts nothing (its types are not known here).

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::ast::{Container, Data, Field, Style, Variant, Wire};

/// The JSON kind a container reads from.
pub(super) enum Kind {
    Object,
    NotObject,
}

/// The `__KIND` constant (none when not known, or said by the trait's default: an object for a
/// struct with named fields, which says `__NAMED`; unknown for a generic one).
pub(super) fn kind(container: &Container, kind: Option<Kind>) -> TokenStream {
    if !container.generics.params.is_empty() {
        if let Data::Struct(Style::Named, _) = container.data {
            return quote!(
                const __KIND: __s::JsonKind = __s::JsonKind::Unknown;
            );
        }
        return TokenStream::new();
    }
    match kind {
        // The trait's own for a struct that says `__NAMED`.
        Some(Kind::Object) if matches!(container.data, Data::Struct(Style::Named, _)) => {
            TokenStream::new()
        }
        Some(Kind::Object) => {
            quote!(
                const __KIND: __s::JsonKind = __s::JsonKind::Object;
            )
        }
        Some(Kind::NotObject) => {
            quote!(
                const __KIND: __s::JsonKind = __s::JsonKind::NotObject;
            )
        }
        None => TokenStream::new(),
    }
}

/// Names read at one level and the types flattened into it.
#[derive(Default)]
struct Level<'f> {
    own: Vec<String>,
    flattened: Vec<&'f syn::Type>,
}

impl<'f> Level<'f> {
    fn fields(&mut self, fields: &'f [Field<'_>]) {
        for field in fields.iter().filter(|f| !f.serde.skip_deserializing) {
            if field.serde.flatten {
                self.flattened.push(field.ty);
            } else if let Wire::Key(key) = &field.wire {
                self.own.push(key.clone());
                self.own.extend(field.serde.alias.iter().cloned());
            }
        }
    }

    /// What a variant reads from the object it is in (its content, untagged or internally
    /// tagged).
    fn content(&mut self, variant: &'f Variant<'_>) {
        match variant.style {
            Style::Named => self.fields(&variant.fields),
            Style::Tuple if variant.fields.len() == 1 => self.flattened.push(variant.fields[0].ty),
            _ => {}
        }
    }
}

/// The `__KEYS` constant of a struct with named fields or an enum whose variants carry data (none
/// for a generic one).
pub(super) fn keys(container: &Container) -> TokenStream {
    if !container.generics.params.is_empty() {
        return TokenStream::new();
    }
    let serde = &container.serde;
    let mut level = Level::default();
    match &container.data {
        Data::Struct(Style::Named, fields) => level.fields(fields),
        Data::Enum(variants) => {
            let read = variants.iter().filter(|v| !v.serde.skip_deserializing);
            for variant in read {
                let untagged = serde.untagged || variant.untagged;
                match (&serde.tag, &serde.content) {
                    _ if untagged => level.content(variant),
                    (Some(_), None) => level.content(variant),
                    (Some(_), Some(_)) => {}
                    (None, _) => {
                        level.own.push(variant.wire_name.clone());
                        level.own.extend(variant.serde.alias.iter().cloned());
                    }
                }
            }
            if !serde.untagged {
                level.own.extend(serde.tag.iter().cloned());
                if serde.tag.is_some() {
                    level.own.extend(serde.content.iter().cloned());
                }
            }
        }
        _ => return TokenStream::new(),
    }
    let own = &level.own;
    let flattened = &level.flattened;
    // A struct with named fields says `__NAMED` by its keys.
    let named = matches!(container.data, Data::Struct(Style::Named, _));
    if flattened.is_empty() {
        let constructor = if named { quote!(named) } else { quote!(own) };
        return quote!(const __KEYS: __s::Keys = __s::Keys::#constructor(&[#(#own),*]););
    }
    let facts_unknown = (!flattened.is_empty()).then(|| {
        quote! {
            use __s::FactsUnknown as _;
        }
    });
    quote! {
        const __KEYS: __s::Keys = {
            #facts_unknown
            __s::Keys {
                own: &[#(#own),*],
                flattened: &[#(&__s::Facts::<#flattened>::KEYS),*],
                named: #named,
            }
        };
    }
}

/// The assertions of an internally tagged enum (nothing for another or a generic one): for each
/// newtype variant, its type reads from an object and no member named like the tag; for each
/// flattened field of a struct variant, no member named like the tag.
pub(super) fn assertions(container: &Container) -> TokenStream {
    let serde = &container.serde;
    let (Some(tag), None, false, Data::Enum(variants)) =
        (&serde.tag, &serde.content, serde.untagged, &container.data)
    else {
        return TokenStream::new();
    };
    if !container.generics.params.is_empty() {
        return TokenStream::new();
    }
    let mut out = TokenStream::new();
    let read = variants
        .iter()
        .filter(|v| !v.serde.skip_deserializing && !v.untagged);
    for variant in read {
        let newtype = variant.style == Style::Tuple && variant.fields.len() == 1;
        for field in &variant.fields {
            let flat = variant.style == Style::Named && field.serde.flatten;
            if !(newtype || flat) || field.serde.deserialize_with.is_some() {
                continue;
            }
            let ty = field.ty;
            let name = type_name(ty);
            let keys = literal(&format!(
                "`{name}` reads a member named `{tag}`, the tag of this internally tagged enum: \
                 serde takes the tag out of the object before `{name}` reads the rest, so no \
                 document can be read. Rename that member of `{name}` (`#[serde(rename = \"...\")]`) \
                 or choose another tag for the enum (`#[serde(tag = \"...\")]`)"
            ));
            let kind_check = newtype.then(|| {
                let kind = literal(&format!(
                    "`{name}` is not read from a JSON object, and the newtype variant of an \
                     internally tagged enum is read from the object that holds the tag `{tag}`, \
                     so no document can be read. Make the variant a struct variant \
                     (`{variant} {{ value: {name} }}`) or the enum adjacently tagged \
                     (`#[serde(tag = \"{tag}\", content = \"...\")]`)",
                    variant = variant.ident,
                ));
                quote_spanned! {ty.span()=>
                    ::core::assert!(
                        !::core::matches!(
                            __s::Facts::<#ty>::KIND,
                            __s::JsonKind::NotObject
                        ),
                        "{}",
                        #kind
                    );
                }
            });
            out.extend(quote_spanned! {ty.span()=>
                const _: () = {
                    use __s::FactsUnknown as _;
                    ::core::assert!(
                        !__s::Facts::<#ty>::KEYS.reads(#tag),
                        "{}",
                        #keys
                    );
                    #kind_check
                };
            });
        }
    }
    out
}

/// `ty` as written, without the spaces the token printer puts around `<`, `>`, `,` and `::`.
fn type_name(ty: &syn::Type) -> String {
    ty.to_token_stream()
        .to_string()
        .replace(" < ", "<")
        .replace(" <", "<")
        .replace(" >", ">")
        .replace(" ,", ",")
        .replace(" :: ", "::")
        .replace("& ", "&")
}

fn literal(text: &str) -> syn::LitStr {
    syn::LitStr::new(text, proc_macro2::Span::call_site())
}
