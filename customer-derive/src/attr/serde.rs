//! The parts of `#[serde(...)]` that say where a value sits on the wire. Everything else is
//! ignored here: serde reports its own mistakes.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Attribute, LitStr, Token};

use super::parse::skip_value;

/// What `#[serde(...)]` says about names on the wire.
#[derive(Default)]
pub(crate) struct SerdeAttrs {
    pub rename: Option<String>,
    pub rename_all: Option<(String, Span)>,
    pub flatten: bool,
    pub untagged: bool,
}

/// Reads the wire-name parts of `#[serde(...)]`.
pub(crate) fn serde_attrs(attrs: &[Attribute]) -> SerdeAttrs {
    let mut out = SerdeAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let _ = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("rename") || meta.path.is_ident("rename_all") {
                let is_all = meta.path.is_ident("rename_all");
                let span = meta.path.span();
                let value = if meta.input.peek(Token![=]) {
                    Some(meta.value()?.parse::<LitStr>()?.value())
                } else {
                    let mut de = None;
                    meta.parse_nested_meta(|inner| {
                        let lit = inner.value()?.parse::<LitStr>()?;
                        if inner.path.is_ident("deserialize") {
                            de = Some(lit.value());
                        }
                        Ok(())
                    })?;
                    de
                };
                if let Some(value) = value {
                    if is_all {
                        out.rename_all = Some((value, span));
                    } else {
                        out.rename = Some(value);
                    }
                }
            } else if meta.path.is_ident("flatten") {
                out.flatten = true;
            } else if meta.path.is_ident("untagged") {
                out.untagged = true;
            } else {
                skip_value(meta.input)?;
            }
            Ok(())
        });
    }
    out
}
