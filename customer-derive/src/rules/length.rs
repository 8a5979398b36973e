//! `length(min, max)` (characters or items) and `bytes(min, max)` (UTF-8 bytes). The bounds are
//! literals (checked while compiling) or expressions such as `ctx.name_max`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;

use super::bounds::Bound;
use super::kind::{opt_count, Class, Emit, RuleKind};
use crate::attr::parse::{count_value, has_args, key_span, skip_value, unknown, Count, Seen};
use crate::ctxt::Ctxt;
use crate::schema::cx::{runtime_bound, SchemaCx};

/// Inclusive bounds, at least one of them given; literals or expressions (`ctx.name_max`).
pub(crate) struct Bounds {
    pub min: Option<Count>,
    pub max: Option<Count>,
}

impl Bounds {
    fn arguments(&self) -> Vec<&syn::Expr> {
        [&self.min, &self.max]
            .into_iter()
            .filter_map(|count| count.as_ref().and_then(Count::expr))
            .collect()
    }
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

    fn arguments(&self) -> Vec<&syn::Expr> {
        self.0.arguments()
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        emit_bounds(e, &self.0, "length")
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        let gen = cx.gen;
        let (min, max, runtime) = counts(&s, schema, "length", &self.0);
        quote!(#s::length(#schema, &*#gen, #min, #max); #runtime)
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

    fn arguments(&self) -> Vec<&syn::Expr> {
        self.0.arguments()
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        emit_bounds(e, &self.0, "bytes")
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        let (min, max, runtime) = counts(&s, schema, "bytes", &self.0);
        quote!(#s::bytes(#schema, #min, #max); #runtime)
    }
}

fn emit_bounds(e: &Emit, bounds: &Bounds, module: &str) -> TokenStream {
    let (rules, value) = (e.rules(), e.value());
    let module = syn::Ident::new(module, e.span);
    let (min, max) = (
        opt_count(bounds.min.as_ref()),
        opt_count(bounds.max.as_ref()),
    );
    e.push_on_err(quote_spanned!(e.span=> #rules::#module::check(#value, #min, #max)))
}

/// The literal bounds of `length` / `bytes` as `Option<usize>` tokens, and the notes for the
/// bounds given as expressions.
fn counts(
    s: &TokenStream,
    schema: &TokenStream,
    rule: &str,
    bounds: &Bounds,
) -> (TokenStream, TokenStream, TokenStream) {
    let mut runtime = TokenStream::new();
    let mut one = |key: &str, count: &Option<Count>| match count {
        Some(count) => match count.literal() {
            Some(value) => quote!(__p::Some(#value)),
            None => {
                runtime.extend(runtime_bound(s, schema, rule, key, count));
                quote!(__p::None)
            }
        },
        None => quote!(__p::None),
    };
    let min = one("min", &bounds.min);
    let max = one("max", &bounds.max);
    (min, max, runtime)
}

fn parse_bounds(cx: &Ctxt, meta: &ParseNestedMeta, name: &str) -> syn::Result<Bounds> {
    let span = key_span(&meta.path);
    let needs = format!("`{name}` needs `min`, `max` or both: `{name}(min = 1, max = 64)`");
    if !has_args(cx, meta, &needs)? {
        return Ok(Bounds {
            min: None,
            max: None,
        });
    }
    let mut min: Option<Count> = None;
    let mut max: Option<Count> = None;
    let mut any = false;
    let mut seen = Seen::default();
    meta.parse_nested_meta(|inner| {
        let key = crate::attr::parse::key_name(&inner);
        seen.check(cx, &key, key_span(&inner.path));
        any = true;
        match key.as_str() {
            "min" => min = count_value(cx, &inner, "min")?,
            "max" => max = count_value(cx, &inner, "max")?,
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
    if let (Some(lo), Some(Count::Lit(hi, hi_lit))) = (min.as_ref().and_then(Count::literal), &max)
    {
        if lo > *hi {
            cx.error_spanned_by(
                hi_lit,
                format!("`max` ({hi}) is less than `min` ({lo}): no value could pass"),
            );
        }
    }
    Ok(Bounds { min, max })
}
