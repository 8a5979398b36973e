//! Phase 1: reading `#[customer(...)]` (and the parts of `#[serde(...)]` that name things on the
//! wire) into typed slots. Every problem is recorded in the [`Ctxt`] and parsing goes on, so one
//! compile shows every mistake.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, LitInt, LitStr, Token};

use crate::ctxt::{did_you_mean, Ctxt};
use crate::pattern;

/// The rules that may appear on a field, or on a newtype container.
pub(crate) const RULES: &[&str] = &[
    "email",
    "pattern",
    "id",
    "locale",
    "metadata",
    "length",
    "bytes",
    "one_of",
    "country",
    "phone",
    "url",
    "timestamp",
    "range",
    "each",
    "nested",
    "required",
    "custom",
];
const FIELD_KEYS: &[&str] = &["skip", "message", "code", "rename", "with", "default"];
const CONTAINER_KEYS: &[&str] = &[
    "crate", "check", "from", "into", "try_from", "try_into", "message", "code",
];

/// One rule with the span of its keyword.
pub(crate) struct RuleSpec {
    pub kind: Rule,
    pub span: Span,
}

pub(crate) enum Rule {
    Email {
        max: usize,
        ascii: bool,
    },
    Pattern(Box<pattern::Compiled>),
    Id(IdRule),
    Locale {
        short: bool,
    },
    Metadata {
        max_bytes: usize,
        json_string: bool,
    },
    Length {
        min: Option<usize>,
        max: Option<usize>,
    },
    Bytes {
        min: Option<usize>,
        max: Option<usize>,
    },
    OneOf(Vec<String>),
    Country,
    Phone,
    Url,
    Timestamp,
    Range {
        min: Option<Box<Expr>>,
        max: Option<Box<Expr>>,
    },
    Each(Vec<RuleSpec>),
    Nested,
    Required,
    Custom(syn::Path),
}

impl Rule {
    pub(crate) fn name(&self) -> &'static str {
        match self {
            Rule::Email { .. } => "email",
            Rule::Pattern(_) => "pattern",
            Rule::Id(_) => "id",
            Rule::Locale { .. } => "locale",
            Rule::Metadata { .. } => "metadata",
            Rule::Length { .. } => "length",
            Rule::Bytes { .. } => "bytes",
            Rule::OneOf(_) => "one_of",
            Rule::Country => "country",
            Rule::Phone => "phone",
            Rule::Url => "url",
            Rule::Timestamp => "timestamp",
            Rule::Range { .. } => "range",
            Rule::Each(_) => "each",
            Rule::Nested => "nested",
            Rule::Required => "required",
            Rule::Custom(_) => "custom",
        }
    }

    /// Rules that say what kind of text a value is: two of them can never both hold.
    pub(crate) fn is_format(&self) -> bool {
        matches!(
            self,
            Rule::Email { .. }
                | Rule::Id(_)
                | Rule::Locale { .. }
                | Rule::Country
                | Rule::Phone
                | Rule::Url
                | Rule::Timestamp
        )
    }
}

pub(crate) struct IdRule {
    pub prefix: String,
    pub chars: String,
    pub bits: u128,
    pub min_len: usize,
    pub max_len: Option<usize>,
}

/// `#[customer(...)]` on a field (or enum variant).
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub rules: Vec<RuleSpec>,
    pub skip: Option<Span>,
    pub message: Option<LitStr>,
    pub code: Option<LitStr>,
    pub rename: Option<LitStr>,
    pub with: Option<syn::Path>,
    pub default: Option<Span>,
    pub other: Option<Span>,
}

/// `#[customer(...)]` on the container.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    pub krate: Option<syn::Path>,
    pub checks: Vec<syn::Path>,
    pub conversions: Vec<Conversion>,
    pub rules: Vec<RuleSpec>,
    pub message: Option<LitStr>,
    pub code: Option<LitStr>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ConversionKind {
    From,
    Into,
    TryFrom,
    TryInto,
}

pub(crate) struct Conversion {
    pub kind: ConversionKind,
    pub ty: syn::Type,
    pub span: Span,
}

/// What `#[serde(...)]` says about names on the wire.
#[derive(Default)]
pub(crate) struct SerdeAttrs {
    pub rename: Option<String>,
    pub rename_all: Option<(String, Span)>,
    pub flatten: bool,
    pub untagged: bool,
}

/// Remembers where a key was first set, to report duplicates at both places.
struct Seen(Vec<(String, Span)>);

impl Seen {
    fn check(&mut self, cx: &Ctxt, name: &str, span: Span) {
        if let Some((_, first)) = self.0.iter().find(|(n, _)| n == name) {
            let mut error = syn::Error::new(
                span,
                format!("duplicate customer attribute `{name}`: remove one of them"),
            );
            error.combine(syn::Error::new(*first, format!("`{name}` first set here")));
            cx.syn_error(error);
        } else {
            self.0.push((name.to_owned(), span));
        }
    }
}

fn customer_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("customer"))
}

/// Reads every `#[customer(...)]` of a field or variant.
pub(crate) fn field_attrs(cx: &Ctxt, attrs: &[Attribute], is_variant: bool) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    let mut seen = Seen(Vec::new());
    for attr in customer_attrs(attrs) {
        let result = attr.parse_nested_meta(|meta| {
            let name = key_name(&meta);
            let span = meta.path.span();
            if let Some(rule) = parse_rule(cx, &meta, &name)? {
                seen.check(cx, &name, span);
                out.rules.push(rule);
                return Ok(());
            }
            match name.as_str() {
                "skip" => {
                    seen.check(cx, &name, span);
                    out.skip = Some(span);
                }
                "default" => {
                    seen.check(cx, &name, span);
                    out.default = Some(span);
                }
                "other" if is_variant => {
                    seen.check(cx, &name, span);
                    out.other = Some(span);
                }
                "message" => {
                    seen.check(cx, &name, span);
                    out.message = non_empty_str(cx, &meta, "message")?;
                }
                "code" => {
                    seen.check(cx, &name, span);
                    out.code = code_str(cx, &meta)?;
                }
                "rename" => {
                    seen.check(cx, &name, span);
                    out.rename = non_empty_str(cx, &meta, "rename")?;
                }
                "with" => {
                    seen.check(cx, &name, span);
                    out.with = Some(path_value(&meta, "with")?);
                }
                "other" => {
                    cx.error_spanned_by(&meta.path, "`other` goes on the catch-all variant of a field-less enum: `#[customer(other)] #[serde(untagged)] Other(String)`");
                    skip_value(meta.input)?;
                }
                _ => {
                    let mut keys: Vec<&str> = RULES.to_vec();
                    keys.extend_from_slice(FIELD_KEYS);
                    if is_variant {
                        keys.push("other");
                    }
                    unknown(cx, &meta, &name, &keys, "field")?;
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    out
}

/// Reads every `#[customer(...)]` of the container.
pub(crate) fn container_attrs(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    let mut seen = Seen(Vec::new());
    for attr in customer_attrs(attrs) {
        let result = attr.parse_nested_meta(|meta| {
            let name = key_name(&meta);
            let span = meta.path.span();
            if let Some(rule) = parse_rule(cx, &meta, &name)? {
                seen.check(cx, &name, span);
                out.rules.push(rule);
                return Ok(());
            }
            match name.as_str() {
                "crate" => {
                    seen.check(cx, &name, span);
                    out.krate = Some(path_value(&meta, "crate")?);
                }
                "check" => out.checks.push(path_value(&meta, "check")?),
                "from" | "into" | "try_from" | "try_into" => {
                    let kind = match name.as_str() {
                        "from" => ConversionKind::From,
                        "into" => ConversionKind::Into,
                        "try_from" => ConversionKind::TryFrom,
                        _ => ConversionKind::TryInto,
                    };
                    let ty = type_value(&meta, &name)?;
                    out.conversions.push(Conversion { kind, ty, span });
                }
                "message" => {
                    seen.check(cx, &name, span);
                    out.message = non_empty_str(cx, &meta, "message")?;
                }
                "code" => {
                    seen.check(cx, &name, span);
                    out.code = code_str(cx, &meta)?;
                }
                _ => {
                    let mut keys: Vec<&str> = CONTAINER_KEYS.to_vec();
                    keys.extend_from_slice(RULES);
                    unknown(cx, &meta, &name, &keys, "container")?;
                }
            }
            Ok(())
        });
        if let Err(error) = result {
            cx.syn_error(error);
        }
    }
    out
}

fn key_name(meta: &ParseNestedMeta) -> String {
    meta.path.get_ident().map_or_else(
        || meta.path.to_token_stream().to_string().replace(' ', ""),
        ToString::to_string,
    )
}

/// Records an unknown key (with a did-you-mean hint) and skips over its value.
fn unknown(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
    keys: &[&str],
    position: &str,
) -> syn::Result<()> {
    let message = match did_you_mean(name, keys) {
        Some(hint) => {
            format!("unknown customer {position} attribute `{name}`: did you mean `{hint}`?")
        }
        None => format!(
            "unknown customer {position} attribute `{name}`: expected one of {}",
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    cx.error_spanned_by(&meta.path, message);
    skip_value(meta.input)
}

/// Skips `= value` or `(...)` after a key, so parsing can go on with the next one.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        while !input.is_empty() && !input.peek(Token![,]) {
            input.parse::<TokenTree>()?;
        }
    } else if input.peek(syn::token::Paren) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// Consumes `()` and returns `true` when the key is followed by empty parentheses, which
/// `parse_nested_meta` would refuse with a message that does not name the key.
fn empty_parens(meta: &ParseNestedMeta) -> syn::Result<bool> {
    if !meta.input.peek(syn::token::Paren) {
        return Ok(false);
    }
    let fork = meta.input.fork();
    let content;
    syn::parenthesized!(content in fork);
    if content.is_empty() {
        let _empty;
        syn::parenthesized!(_empty in meta.input);
        return Ok(true);
    }
    Ok(false)
}

fn is_bare(meta: &ParseNestedMeta) -> bool {
    meta.input.is_empty() || meta.input.peek(Token![,])
}

/// Reports a value given to a key that takes none.
fn bare(cx: &Ctxt, meta: &ParseNestedMeta, name: &str) -> syn::Result<()> {
    if !is_bare(meta) {
        let span = meta.input.span();
        cx.error_at(
            span,
            format!("`{name}` takes no arguments: write `{name}` alone"),
        );
        skip_value(meta.input)?;
    }
    Ok(())
}

/// Parses one rule when `name` is a rule; `Ok(None)` when it is not a rule name.
fn parse_rule(cx: &Ctxt, meta: &ParseNestedMeta, name: &str) -> syn::Result<Option<RuleSpec>> {
    let span = meta.path.span();
    let kind = match name {
        "email" => {
            let mut max = 320;
            let mut ascii = false;
            if empty_parens(meta)? {
                cx.error_at(span, "`email()` has empty parentheses: write `email` alone, or give options as in `email(max = 254)`");
            } else if meta.input.peek(syn::token::Paren) {
                let mut seen = Seen(Vec::new());
                meta.parse_nested_meta(|inner| {
                    let key = key_name(&inner);
                    seen.check(cx, &key, inner.path.span());
                    match key.as_str() {
                        "max" => {
                            if let Some((value, lit)) = usize_value(cx, &inner, "max")? {
                                if value == 0 || value > 320 {
                                    cx.error_spanned_by(
                                        lit,
                                        "`max` of `email` must be between 1 and 320: an address has at most 320 characters",
                                    );
                                } else {
                                    max = value;
                                }
                            }
                        }
                        "ascii" => {
                            bare(cx, &inner, "ascii")?;
                            ascii = true;
                        }
                        _ => unknown(cx, &inner, &key, &["max", "ascii"], "`email`")?,
                    }
                    Ok(())
                })?;
            } else {
                bare(cx, meta, "email")?;
            }
            Rule::Email { max, ascii }
        }
        "pattern" => {
            let lit = str_value(meta, "pattern", "pattern = \"^[a-z]+$\"")?;
            match pattern::compile(&lit.value()) {
                Ok(compiled) => Rule::Pattern(Box::new(compiled)),
                Err(message) => {
                    cx.error_spanned_by(
                        &lit,
                        format!("invalid regular expression in `pattern`: {message}"),
                    );
                    return Ok(Some(placeholder(span)));
                }
            }
        }
        "id" => match parse_id(cx, meta)? {
            Some(rule) => Rule::Id(rule),
            None => return Ok(Some(placeholder(span))),
        },
        "locale" => {
            let mut short = false;
            if empty_parens(meta)? {
                cx.error_at(span, "`locale()` has empty parentheses: write `locale` alone, or give options as in `locale(short)`");
            } else if meta.input.peek(syn::token::Paren) {
                meta.parse_nested_meta(|inner| {
                    let key = key_name(&inner);
                    if key == "short" {
                        bare(cx, &inner, "short")?;
                        short = true;
                        Ok(())
                    } else {
                        unknown(cx, &inner, &key, &["short"], "`locale`")
                    }
                })?;
            } else {
                bare(cx, meta, "locale")?;
            }
            Rule::Locale { short }
        }
        "metadata" => {
            let mut max_bytes = 1024;
            let mut json_string = false;
            if empty_parens(meta)? {
                cx.error_at(span, "`metadata()` has empty parentheses: write `metadata` alone, or give options as in `metadata(max_bytes = 1024)`");
            } else if meta.input.peek(syn::token::Paren) {
                let mut seen = Seen(Vec::new());
                meta.parse_nested_meta(|inner| {
                    let key = key_name(&inner);
                    seen.check(cx, &key, inner.path.span());
                    match key.as_str() {
                        "max_bytes" => {
                            if let Some((value, lit)) = usize_value(cx, &inner, "max_bytes")? {
                                if value == 0 {
                                    cx.error_spanned_by(lit, "`max_bytes` must be at least 1");
                                } else {
                                    max_bytes = value;
                                }
                            }
                        }
                        "json_string" => {
                            bare(cx, &inner, "json_string")?;
                            json_string = true;
                        }
                        _ => unknown(
                            cx,
                            &inner,
                            &key,
                            &["max_bytes", "json_string"],
                            "`metadata`",
                        )?,
                    }
                    Ok(())
                })?;
            } else {
                bare(cx, meta, "metadata")?;
            }
            Rule::Metadata {
                max_bytes,
                json_string,
            }
        }
        "length" | "bytes" => {
            let (min, max) = parse_bounds(cx, meta, name)?;
            if name == "length" {
                Rule::Length { min, max }
            } else {
                Rule::Bytes { min, max }
            }
        }
        "one_of" => {
            if empty_parens(meta)? || !meta.input.peek(syn::token::Paren) {
                cx.error_at(
                    span,
                    "`one_of` needs its values: `one_of(\"active\", \"archived\")`",
                );
                skip_value(meta.input)?;
                return Ok(Some(placeholder(span)));
            }
            let content;
            syn::parenthesized!(content in meta.input);
            let items = Punctuated::<syn::Lit, Token![,]>::parse_terminated(&content)?;
            let mut values = Vec::new();
            for item in items {
                match item {
                    syn::Lit::Str(lit) => values.push(lit),
                    other => cx.error_spanned_by(
                        other,
                        "`one_of` lists string literals: `one_of(\"a\", \"b\")`",
                    ),
                }
            }
            let mut seen: Vec<String> = Vec::new();
            for value in &values {
                if seen.contains(&value.value()) {
                    cx.error_spanned_by(
                        value,
                        "this value is already in the `one_of` list: remove it",
                    );
                }
                seen.push(value.value());
            }
            Rule::OneOf(seen)
        }
        "country" | "phone" | "url" | "timestamp" | "nested" | "required" => {
            bare(cx, meta, name)?;
            match name {
                "country" => Rule::Country,
                "phone" => Rule::Phone,
                "url" => Rule::Url,
                "timestamp" => Rule::Timestamp,
                "nested" => Rule::Nested,
                _ => Rule::Required,
            }
        }
        "range" => {
            let mut min = None;
            let mut max = None;
            if empty_parens(meta)? || !meta.input.peek(syn::token::Paren) {
                cx.error_at(
                    span,
                    "`range` needs `min`, `max` or both: `range(min = 1, max = 10)`",
                );
                skip_value(meta.input)?;
                return Ok(Some(placeholder(span)));
            }
            let mut seen = Seen(Vec::new());
            meta.parse_nested_meta(|inner| {
                let key = key_name(&inner);
                seen.check(cx, &key, inner.path.span());
                match key.as_str() {
                    "min" => {
                        min = Some(Box::new(
                            expect_value(&inner, "min", "min = 1")?.parse::<Expr>()?,
                        ))
                    }
                    "max" => {
                        max = Some(Box::new(
                            expect_value(&inner, "max", "max = 10")?.parse::<Expr>()?,
                        ))
                    }
                    _ => unknown(cx, &inner, &key, &["min", "max"], "`range`")?,
                }
                Ok(())
            })?;
            if min.is_none() && max.is_none() {
                cx.error_at(
                    span,
                    "`range` needs `min`, `max` or both: `range(min = 1, max = 10)`",
                );
            }
            if let (Some(lo), Some(hi)) = (
                min.as_deref().and_then(int_of),
                max.as_deref().and_then(int_of),
            ) {
                if lo > hi {
                    cx.error_spanned_by(
                        min.as_ref(),
                        format!("`min` ({lo}) is greater than `max` ({hi}): no value could pass"),
                    );
                }
            }
            Rule::Range { min, max }
        }
        "each" => {
            if empty_parens(meta)? || !meta.input.peek(syn::token::Paren) {
                cx.error_at(
                    span,
                    "`each` needs the rules to apply to every element: `each(email)`",
                );
                skip_value(meta.input)?;
                return Ok(Some(placeholder(span)));
            }
            let mut rules = Vec::new();
            let mut seen = Seen(Vec::new());
            meta.parse_nested_meta(|inner| {
                let key = key_name(&inner);
                match parse_rule(cx, &inner, &key)? {
                    Some(rule) => {
                        seen.check(cx, &key, inner.path.span());
                        if matches!(rule.kind, Rule::Required) {
                            cx.error_at(rule.span, "`required` cannot be applied to elements: put `required` on the field itself");
                        }
                        rules.push(rule);
                        Ok(())
                    }
                    None => unknown(cx, &inner, &key, RULES, "`each`"),
                }
            })?;
            if rules.is_empty() {
                cx.error_at(span, "`each` needs at least one rule: `each(email)`");
            }
            Rule::Each(rules)
        }
        "custom" => Rule::Custom(path_value(meta, "custom")?),
        _ => return Ok(None),
    };
    Ok(Some(RuleSpec { kind, span }))
}

/// A harmless rule standing in for one whose error was already reported, so that one mistake
/// does not also produce "unknown attribute" noise.
fn placeholder(span: Span) -> RuleSpec {
    RuleSpec {
        kind: Rule::Each(Vec::new()),
        span,
    }
}

fn int_of(expr: &Expr) -> Option<i128> {
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            syn::Lit::Int(int) => int.base10_parse::<i128>().ok(),
            _ => None,
        },
        Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Neg(_)) => {
            int_of(&unary.expr).map(|v| -v)
        }
        _ => None,
    }
}

fn parse_bounds(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
) -> syn::Result<(Option<usize>, Option<usize>)> {
    let span = meta.path.span();
    let example = format!("`{name}(min = 1, max = 64)`");
    if empty_parens(meta)? || !meta.input.peek(syn::token::Paren) {
        cx.error_at(
            span,
            format!("`{name}` needs `min`, `max` or both: {example}"),
        );
        skip_value(meta.input)?;
        return Ok((None, None));
    }
    let mut min: Option<(usize, LitInt)> = None;
    let mut max: Option<(usize, LitInt)> = None;
    let mut any = false;
    let mut seen = Seen(Vec::new());
    meta.parse_nested_meta(|inner| {
        let key = key_name(&inner);
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
        cx.error_at(
            span,
            format!("`{name}` needs `min`, `max` or both: {example}"),
        );
    }
    if let (Some((lo, _)), Some((hi, hi_lit))) = (&min, &max) {
        if lo > hi {
            cx.error_spanned_by(
                hi_lit,
                format!("`max` ({hi}) is less than `min` ({lo}): no value could pass"),
            );
        }
    }
    Ok((min.map(|(v, _)| v), max.map(|(v, _)| v)))
}

fn parse_id(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<IdRule>> {
    let span = meta.path.span();
    let example = "`id(prefix = \"ctm_\", chars = \"a-z0-9\", len = 26)`";
    if empty_parens(meta)? || !meta.input.peek(syn::token::Paren) {
        cx.error_at(span, format!("`id` needs its shape: {example}"));
        skip_value(meta.input)?;
        return Ok(None);
    }
    let mut prefix: Option<LitStr> = None;
    let mut chars: Option<(LitStr, u128)> = None;
    let mut len: Option<(usize, LitInt)> = None;
    let mut min_len: Option<(usize, LitInt)> = None;
    let mut max_len: Option<(usize, LitInt)> = None;
    let mut seen = Seen(Vec::new());
    let mut ok = true;
    meta.parse_nested_meta(|inner| {
        let key = key_name(&inner);
        seen.check(cx, &key, inner.path.span());
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
                match class_bits(&lit.value()) {
                    Ok(bits) => chars = Some((lit, bits)),
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
    let Some((chars, bits)) = chars else {
        if ok {
            cx.error_at(
                span,
                format!("`id` needs `chars`, the characters allowed after the prefix: {example}"),
            );
        }
        return Ok(None);
    };
    if let (Some((_, lit)), true) = (&len, min_len.is_some() || max_len.is_some()) {
        cx.error_spanned_by(
            lit,
            "`len` conflicts with `min_len` / `max_len`: use either `len` or the two bounds",
        );
    }
    if let (Some((lo, _)), Some((hi, lit))) = (&min_len, &max_len) {
        if lo > hi {
            cx.error_spanned_by(
                lit,
                format!("`max_len` ({hi}) is less than `min_len` ({lo}): no ID could pass"),
            );
        }
    }
    for (value, lit) in [&len, &max_len].into_iter().flatten() {
        if *value == 0 {
            cx.error_spanned_by(
                lit,
                "an ID needs at least one character after its prefix: use 1 or more",
            );
        }
    }
    let (min, max) = match len {
        Some((n, _)) => (n, Some(n)),
        None => (min_len.map_or(1, |(v, _)| v), max_len.map(|(v, _)| v)),
    };
    Ok(ok.then(|| IdRule {
        prefix: prefix.map(|p| p.value()).unwrap_or_default(),
        chars: chars.value(),
        bits,
        min_len: min,
        max_len: max,
    }))
}

/// Parses a character-class body such as `A-Za-z0-9_` into a set of ASCII bytes.
pub(crate) fn class_bits(spec: &str) -> Result<u128, String> {
    if spec.is_empty() {
        return Err(
            "`chars` is empty: give the allowed characters, e.g. `chars = \"a-z0-9\"`".into(),
        );
    }
    if !spec.is_ascii() {
        return Err("`chars` must list ASCII characters only, e.g. `chars = \"a-z0-9\"`".into());
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
    Ok(bits)
}

/// The `=` of `key = value`, with a message naming the key when it is missing.
fn expect_value<'a>(
    meta: &'a ParseNestedMeta,
    name: &str,
    example: &str,
) -> syn::Result<ParseStream<'a>> {
    if meta.input.peek(Token![=]) {
        meta.value()
    } else {
        Err(syn::Error::new(
            meta.path.span(),
            format!("`{name}` expects a value: `{example}`"),
        ))
    }
}

fn str_value(meta: &ParseNestedMeta, name: &str, example: &str) -> syn::Result<LitStr> {
    let value = expect_value(meta, name, example)?;
    if value.peek(LitStr) {
        value.parse()
    } else {
        let token: TokenTree = value.parse()?;
        Err(syn::Error::new_spanned(
            token,
            format!("`{name}` expects a string literal, e.g. `{example}`"),
        ))
    }
}

fn non_empty_str(cx: &Ctxt, meta: &ParseNestedMeta, name: &str) -> syn::Result<Option<LitStr>> {
    let lit = str_value(meta, name, &format!("{name} = \"...\""))?;
    if lit.value().is_empty() {
        cx.error_spanned_by(&lit, format!("`{name}` cannot be empty"));
        return Ok(None);
    }
    Ok(Some(lit))
}

fn code_str(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<LitStr>> {
    let lit = str_value(meta, "code", "code = \"too_short\"")?;
    let value = lit.value();
    let snake = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && value.as_bytes()[0].is_ascii_lowercase();
    if !snake {
        cx.error_spanned_by(&lit, "`code` must be snake_case (lowercase letters, digits, `_`), e.g. `code = \"too_short\"`");
        return Ok(None);
    }
    Ok(Some(lit))
}

/// A whole number that must not be negative, e.g. `max = 1024`.
fn usize_value(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
) -> syn::Result<Option<(usize, LitInt)>> {
    let value = expect_value(meta, name, &format!("{name} = 64"))?;
    if value.peek(Token![-]) {
        let minus: Token![-] = value.parse()?;
        let token: TokenTree = value.parse()?;
        let tokens: TokenStream = quote::quote!(#minus #token);
        cx.error_spanned_by(
            tokens,
            format!("`{name}` cannot be negative: it counts characters, bytes or items"),
        );
        return Ok(None);
    }
    if value.peek(LitInt) {
        let lit: LitInt = value.parse()?;
        match lit.base10_parse::<usize>() {
            Ok(n) => Ok(Some((n, lit))),
            Err(_) if lit.suffix().is_empty() => {
                cx.error_spanned_by(&lit, format!("`{name}` is too large"));
                Ok(None)
            }
            Err(_) => {
                cx.error_spanned_by(
                    &lit,
                    format!("`{name}` must be a whole number without a suffix, e.g. `{name} = 64`"),
                );
                Ok(None)
            }
        }
    } else {
        let token: TokenTree = value.parse()?;
        cx.error_spanned_by(
            token,
            format!("`{name}` expects a whole number, e.g. `{name} = 64`"),
        );
        Ok(None)
    }
}

/// A path, written bare (`custom = my::check`) or as a string (`custom = "my::check"`).
fn path_value(meta: &ParseNestedMeta, name: &str) -> syn::Result<syn::Path> {
    let value = expect_value(meta, name, &format!("{name} = path::to::function"))?;
    if value.peek(LitStr) {
        let lit: LitStr = value.parse()?;
        lit.parse::<syn::Path>().map_err(|_| {
            syn::Error::new_spanned(
                &lit,
                format!("`{name}` expects a path, e.g. `{name} = crate::rules::my_rule`"),
            )
        })
    } else if value.peek(syn::Ident)
        || value.peek(Token![::])
        || value.peek(Token![crate])
        || value.peek(Token![self])
        || value.peek(Token![super])
    {
        value.parse()
    } else {
        let token: TokenTree = value.parse()?;
        Err(syn::Error::new_spanned(
            token,
            format!("`{name}` expects a path to a function, e.g. `{name} = crate::rules::my_rule` (closures are not supported)"),
        ))
    }
}

/// A type, written bare (`from = Other`) or as a string (`from = "Other"`).
fn type_value(meta: &ParseNestedMeta, name: &str) -> syn::Result<syn::Type> {
    let value = expect_value(meta, name, &format!("{name} = OtherType"))?;
    if value.peek(LitStr) {
        let lit: LitStr = value.parse()?;
        lit.parse::<syn::Type>().map_err(|_| {
            syn::Error::new_spanned(
                &lit,
                format!("`{name}` expects a type, e.g. `{name} = Customer`"),
            )
        })
    } else {
        value.parse()
    }
}

/// Reads the wire-name parts of `#[serde(...)]`, ignoring everything else (serde reports its
/// own mistakes).
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
