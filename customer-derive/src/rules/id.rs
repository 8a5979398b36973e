//! `id(prefix = "ctm_", chars = "a-z0-9", len = 26)`: a typed ID, checked by byte loops.
//! Also the `chars` syntax, parsed here once and emitted as readable byte ranges.

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;
use syn::{LitInt, LitStr};

use super::bounds::Bound;
use super::kind::{usize_max, Class, Emit, RuleKind};
use crate::attr::parse::{has_args, key_name, key_span, str_value, unknown, usize_value, Seen};
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;
use crate::schema::ecma::{push_class_bits, push_counts, push_literal};
use crate::trees::Trees;

/// A set of ASCII bytes (bit `b` for byte `b`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct AsciiSet(pub u128);

impl AsciiSet {
    /// Parses a `chars` spec such as `A-Za-z0-9_`: single ASCII characters and `x-y` ranges.
    pub(crate) fn parse(spec: &str) -> Result<AsciiSet, String> {
        if spec.is_empty() {
            return Err(
                "`chars` is empty: give the allowed characters, e.g. `chars = \"a-z0-9\"`".into(),
            );
        }
        if !spec.is_ascii() {
            return Err(
                "`chars` must list ASCII characters only, e.g. `chars = \"a-z0-9\"`".into(),
            );
        }
        let bytes = spec.as_bytes();
        let mut bits = 0u128;
        let mut i = 0;
        while i < bytes.len() {
            let lo = bytes[i];
            if i + 2 < bytes.len() && bytes[i + 1] == b'-' {
                let hi = bytes[i + 2];
                if hi < lo {
                    return Err(format!(
                        "the range `{}-{}` in `chars` is reversed: write `{}-{}`",
                        lo as char, hi as char, hi as char, lo as char
                    ));
                }
                for b in lo..=hi {
                    bits |= 1u128 << b;
                }
                i += 3;
            } else {
                bits |= 1u128 << lo;
                i += 1;
            }
        }
        Ok(AsciiSet(bits))
    }

    /// The set as inclusive runs of consecutive bytes.
    pub(crate) fn ranges(self) -> Vec<(u8, u8)> {
        let mut out: Vec<(u8, u8)> = Vec::new();
        for b in 0..128u8 {
            if self.0 >> b & 1 == 1 {
                match out.last_mut() {
                    Some((_, hi)) if *hi + 1 == b => *hi = b,
                    _ => out.push((b, b)),
                }
            }
        }
        out
    }

    /// `AsciiSet::from_ranges(&[(b'a', b'z'), …])`, a constant expression.
    pub(crate) fn to_expr(self, krate: &Trees) -> TokenStream {
        // One stream: the pairs written by the repetition, not a stream each to interpolate.
        let (lo, hi): (Vec<Literal>, Vec<Literal>) = self
            .ranges()
            .into_iter()
            .map(|(lo, hi)| (Literal::byte_character(lo), Literal::byte_character(hi)))
            .unzip();
        quote!(#krate::rules::id::AsciiSet::from_ranges(&[#((#lo, #hi)),*]))
    }
}

pub(crate) struct Id {
    pub prefix: String,
    /// The `chars` spec as written, for messages.
    pub chars: String,
    pub set: AsciiSet,
    pub min_len: usize,
    pub max_len: Option<usize>,
}

const EXAMPLE: &str = "`id(prefix = \"ctm_\", chars = \"a-z0-9\", len = 26)`";

impl RuleKind for Id {
    const NAME: &'static str = "id";
    const CLASS: Class = Class::Format;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        if !has_args(cx, meta, &format!("`id` needs its shape: {EXAMPLE}"))? {
            return Ok(None);
        }
        let mut prefix: Option<LitStr> = None;
        let mut chars: Option<(LitStr, AsciiSet)> = None;
        let mut len: Option<(usize, LitInt)> = None;
        let mut min_len: Option<(usize, LitInt)> = None;
        let mut max_len: Option<(usize, LitInt)> = None;
        let mut seen = Seen::default();
        let mut ok = true;
        meta.parse_nested_meta(|inner| {
            let key = key_name(&inner);
            seen.check(cx, &key, key_span(&inner.path));
            match key.as_str() {
                "prefix" => {
                    let lit = str_value(&inner, "prefix", "prefix = \"cus_\"")?;
                    if !lit.value().is_ascii() {
                        cx.error_spanned_by(&lit, "the `prefix` of `id` must be ASCII");
                        ok = false;
                    }
                    prefix = Some(lit);
                }
                "chars" => {
                    let lit = str_value(&inner, "chars", "chars = \"a-z0-9\"")?;
                    match AsciiSet::parse(&lit.value()) {
                        Ok(set) => chars = Some((lit, set)),
                        Err(message) => {
                            cx.error_spanned_by(&lit, message);
                            ok = false;
                        }
                    }
                }
                "len" => len = usize_value(cx, &inner, "len")?,
                "min_len" => min_len = usize_value(cx, &inner, "min_len")?,
                "max_len" => max_len = usize_value(cx, &inner, "max_len")?,
                _ => unknown(
                    cx,
                    &inner,
                    &key,
                    &["prefix", "chars", "len", "min_len", "max_len"],
                    "`id`",
                )?,
            }
            Ok(())
        })?;
        let Some((chars, set)) = chars else {
            if ok {
                cx.error_at(
                    key_span(&meta.path),
                    format!(
                        "`id` needs `chars`, the characters allowed after the prefix: {EXAMPLE}"
                    ),
                );
            }
            return Ok(None);
        };
        check_lengths(cx, len.as_ref(), min_len.as_ref(), max_len.as_ref());
        let (min, max) = match len {
            Some((n, _)) => (n, Some(n)),
            None => (min_len.map_or(1, |(v, _)| v), max_len.map(|(v, _)| v)),
        };
        Ok(ok.then(|| Id {
            prefix: prefix.map(|p| p.value()).unwrap_or_default(),
            chars: chars.value(),
            set,
            min_len: min,
            max_len: max,
        }))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Text.on(subject, krate)
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (rules, value) = (e.rules(), e.value());
        let (prefix, chars, min) = (&self.prefix, &self.chars, self.min_len);
        let max = self.max_len.map_or_else(usize_max, |m| quote!(#m));
        let set = self.set.to_expr(e.krate);
        e.push_on_err(quote_spanned! {e.span=>
            {
                const __CUSTOMER_ID: #rules::id::IdShape = #rules::id::IdShape {
                    prefix: #prefix,
                    chars: #set,
                    min_len: #min,
                    max_len: #max,
                    chars_spec: #chars,
                };
                #rules::id::check(#value, &__CUSTOMER_ID)
            }
        })
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        let mut pattern = String::from("^");
        push_literal(&self.prefix, &mut pattern);
        push_class_bits(self.set.0, &mut pattern);
        push_counts(self.min_len, self.max_len, &mut pattern);
        pattern.push('$');
        quote!(#s::pattern(#schema, #pattern);)
    }
}

type Count<'a> = Option<&'a (usize, LitInt)>;

fn check_lengths(cx: &Ctxt, len: Count, min_len: Count, max_len: Count) {
    if let (Some((_, lit)), true) = (len, min_len.is_some() || max_len.is_some()) {
        cx.error_spanned_by(
            lit,
            "`len` conflicts with `min_len` / `max_len`: use either `len` or the two bounds",
        );
    }
    if let (Some((lo, _)), Some((hi, lit))) = (min_len, max_len) {
        if lo > hi {
            cx.error_spanned_by(
                lit,
                format!("`max_len` ({hi}) is less than `min_len` ({lo}): no ID could pass"),
            );
        }
    }
    for (value, lit) in [len, max_len].into_iter().flatten() {
        if *value == 0 {
            cx.error_spanned_by(
                lit,
                "an ID needs at least one character after its prefix: use 1 or more",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::AsciiSet;

    #[test]
    fn chars_parse_into_runs() {
        let set = AsciiSet::parse("a-z0-9_").unwrap();
        assert_eq!(set.ranges(), vec![(b'0', b'9'), (b'_', b'_'), (b'a', b'z')]);
        assert_eq!(
            AsciiSet::parse("-a").unwrap().ranges(),
            vec![(b'-', b'-'), (b'a', b'a')]
        );
        assert!(AsciiSet::parse("z-a").unwrap_err().contains("reversed"));
        assert!(AsciiSet::parse("").is_err());
        assert!(AsciiSet::parse("é").is_err());
    }
}
