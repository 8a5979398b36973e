//! `length(min, max)` (characters or items) and `bytes(min, max)` (UTF-8 bytes).

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;
use syn::LitInt;

use super::{opt_usize, Bound, Class, Emit, RuleKind};
use crate::attr::parse::{has_args, skip_value, unknown, usize_value, Seen};
use crate::ctxt::Ctxt;

/// Inclusive bounds, at least one of them given.
pub(crate) struct Bounds {
    pub min: Option<usize>,
    pub max: Option<usize>,
}

pub(crate) struct Length(pub Bounds);
pub(crate) struct Bytes(pub Bounds);

impl RuleKind for Length {
    const NAME: &'static str = "length";
    const CLASS: Class = Class::Any;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        Ok(Some(Length(parse_bounds(cx, meta, Self::NAME)?)))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Length.on(subject, krate)
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        emit_bounds(e, &self.0, "length")
    }
}

impl RuleKind for Bytes {
    const NAME: &'static str = "bytes";
    const CLASS: Class = Class::Scalar;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        Ok(Some(Bytes(parse_bounds(cx, meta, Self::NAME)?)))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Text.on(subject, krate)
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        emit_bounds(e, &self.0, "bytes")
    }
}

fn emit_bounds(e: &Emit, bounds: &Bounds, module: &str) -> TokenStream {
    let (rules, value) = (e.rules(), e.value());
    let module = syn::Ident::new(module, e.span);
    let (min, max) = (opt_usize(bounds.min), opt_usize(bounds.max));
    e.push_on_err(quote_spanned!(e.span=> #rules::#module::check(#value, #min, #max)))
}

fn parse_bounds(cx: &Ctxt, meta: &ParseNestedMeta, name: &str) -> syn::Result<Bounds> {
    let span = meta.path.span();
    let needs = format!("`{name}` needs `min`, `max` or both: `{name}(min = 1, max = 64)`");
    if !has_args(cx, meta, &needs)? {
        return Ok(Bounds {
            min: None,
            max: None,
        });
    }
    let mut min: Option<(usize, LitInt)> = None;
    let mut max: Option<(usize, LitInt)> = None;
    let mut any = false;
    let mut seen = Seen::default();
    meta.parse_nested_meta(|inner| {
        let key = crate::attr::parse::key_name(&inner);
        seen.check(cx, &key, inner.path.span());
        any = true;
        match key.as_str() {
            "min" => min = usize_value(cx, &inner, "min")?,
            "max" => max = usize_value(cx, &inner, "max")?,
            "equal" | "len" | "exact" => {
                cx.error_spanned_by(&inner.path, format!("unknown `{name}` bound `{key}`: for an exact length write `min` and `max` with the same value"));
                skip_value(inner.input)?;
            }
            _ => unknown(cx, &inner, &key, &["min", "max"], &format!("`{name}`"))?,
        }
        Ok(())
    })?;
    if !any {
        cx.error_at(span, needs);
    }
    if let (Some((lo, _)), Some((hi, hi_lit))) = (&min, &max) {
        if lo > hi {
            cx.error_spanned_by(
                hi_lit,
                format!("`max` ({hi}) is less than `min` ({lo}): no value could pass"),
            );
        }
    }
    Ok(Bounds {
        min: min.map(|(v, _)| v),
        max: max.map(|(v, _)| v),
    })
}
