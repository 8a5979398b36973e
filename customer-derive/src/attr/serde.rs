//! The parts of `#[serde(...)]` that say where a value sits on the wire and how it is read.
//! Other keys are skipped (serde reports its own mistakes), but an attribute this reader cannot
//! read is a compile error, never a guess: the pointers, the second read of a document and the
//! JSON Schema would otherwise describe another format than the one serde reads.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use super::parse::{key_span, skip_value};
use crate::ctxt::Ctxt;

/// What `#[serde(...)]` says about names on the wire and about reading (for the `Shape` the
/// second read of a document walks, see `crate::shape`).
#[derive(Default)]
pub(crate) struct SerdeAttrs {
    pub rename: Option<String>,
    pub rename_all: Option<(String, Span)>,
    /// `rename_all_fields = "..."` on an enum: the `rename_all` of every struct variant.
    pub rename_all_fields: Option<(String, Span)>,
    pub flatten: bool,
    pub untagged: bool,
    /// `alias = "..."`, each one.
    pub alias: Vec<String>,
    /// Where each of `alias` is written.
    pub alias_spans: Vec<Span>,
    /// Where `rename = "..."` (or its `deserialize = "..."`) is written.
    pub rename_span: Option<Span>,
    /// `default` or `default = "path"`.
    pub default: Option<Option<syn::ExprPath>>,
    /// `skip` or `skip_deserializing`.
    pub skip_deserializing: bool,
    /// `deserialize_with = "path"`, or `with = "module"` as `module::deserialize`.
    pub deserialize_with: Option<syn::ExprPath>,
    /// `deny_unknown_fields` on the container.
    pub deny_unknown_fields: bool,
    /// `other` on a unit variant.
    pub other: bool,
    /// `transparent` on the container.
    pub transparent: bool,
    /// `from = "T"` on the container.
    pub from: Option<syn::Type>,
    /// `try_from = "T"` on the container.
    pub try_from: Option<syn::Type>,
    /// `tag = "..."` on the container.
    pub tag: Option<String>,
    /// `content = "..."` on the container (adjacently tagged): the content key.
    pub content: Option<String>,
    /// Where `content = "..."` names it.
    pub content_span: Option<Span>,
    /// `remote = "..."` on the container: its shape is not described.
    pub remote: bool,
}

/// Reads the wire-name and reading parts of `#[serde(...)]`.
pub(crate) fn serde_attrs(cx: &Ctxt, attrs: &[Attribute]) -> SerdeAttrs {
    let mut out = SerdeAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename")
                || meta.path.is_ident("rename_all")
                || meta.path.is_ident("rename_all_fields")
            {
                let is_all = meta.path.is_ident("rename_all");
                let is_fields = meta.path.is_ident("rename_all_fields");
                let span = key_span(&meta.path);
                let value = if meta.input.peek(Token![=]) {
                    let lit = meta.value()?.parse::<LitStr>()?;
                    Some((lit.value(), lit.span()))
                } else {
                    let mut de = None;
                    meta.parse_nested_meta(|inner| {
                        let lit = inner.value()?.parse::<LitStr>()?;
                        if inner.path.is_ident("deserialize") {
                            de = Some((lit.value(), lit.span()));
                        }
                        Ok(())
                    })?;
                    de
                };
                if let Some((value, at)) = value {
                    if is_fields {
                        out.rename_all_fields = Some((value, span));
                    } else if is_all {
                        out.rename_all = Some((value, span));
                    } else {
                        out.rename = Some(value);
                        out.rename_span = Some(at);
                    }
                }
            } else if meta.path.is_ident("flatten") {
                out.flatten = true;
            } else if meta.path.is_ident("untagged") {
                out.untagged = true;
            } else if meta.path.is_ident("alias") {
                let alias = meta.value()?.parse::<LitStr>()?;
                out.alias_spans.push(alias.span());
                out.alias.push(alias.value());
            } else if meta.path.is_ident("default") {
                out.default = Some(if meta.input.peek(Token![=]) {
                    Some(meta.value()?.parse::<LitStr>()?.parse()?)
                } else {
                    None
                });
            } else if meta.path.is_ident("skip") || meta.path.is_ident("skip_deserializing") {
                out.skip_deserializing = true;
            } else if meta.path.is_ident("deserialize_with") {
                out.deserialize_with = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if meta.path.is_ident("with") {
                let mut module: syn::ExprPath = meta.value()?.parse::<LitStr>()?.parse()?;
                let span = module.span();
                module
                    .path
                    .segments
                    .push(syn::PathSegment::from(syn::Ident::new("deserialize", span)));
                out.deserialize_with = Some(module);
            } else if meta.path.is_ident("deny_unknown_fields") {
                out.deny_unknown_fields = true;
            } else if meta.path.is_ident("other") {
                out.other = true;
            } else if meta.path.is_ident("transparent") {
                out.transparent = true;
            } else if meta.path.is_ident("from") {
                out.from = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if meta.path.is_ident("try_from") {
                out.try_from = Some(meta.value()?.parse::<LitStr>()?.parse()?);
            } else if meta.path.is_ident("tag") {
                out.tag = Some(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("content") {
                let content = meta.value()?.parse::<LitStr>()?;
                out.content_span = Some(content.span());
                out.content = Some(content.value());
            } else if meta.path.is_ident("remote") {
                out.remote = true;
                skip_value(meta.input)?;
            } else {
                skip_value(meta.input)?;
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.error_at(
                error.span(),
                format!("cannot read this `#[serde(...)]` attribute ({error}): `CustomerModel` follows serde's attributes to place each violation at its JSON key, and would describe another format than serde reads; write it as serde documents it, e.g. `#[serde(rename = \"key\")]`, `#[serde(default = \"path::to::function\")]`"),
            );
        }
    }
    out
}
