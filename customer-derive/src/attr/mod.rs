//! Phase 1: reading `#[customer(...)]` (and the parts of `#[serde(...)]` that name things on the
//! wire) into typed slots. Rules are read through the rule table (`crate::rules`); this module
//! reads the other keys. Every problem is recorded in the [`Ctxt`] and parsing goes on, so one
//! compile shows every mistake.

pub(crate) mod parse;
mod serde;

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::{Attribute, LitStr};

use self::parse::{
    code_str, key_name, key_span, non_empty_str, path_value, skip_value, type_value, unknown, Seen,
    Slot,
};
use crate::ctxt::Ctxt;
use crate::rules::NAMES as RULES;
pub(crate) use crate::rules::{Rule, RuleSpec};
pub(crate) use serde::{serde_attrs, SerdeAttrs};

/// The keys of a field besides its rules.
const FIELD_KEYS: &[&str] = &[
    "skip",
    "skip_conversion",
    "skip_nested",
    "message",
    "code",
    "maps_to",
    "with",
    "default",
];
/// The keys of a container besides the rules of a newtype.
const CONTAINER_KEYS: &[&str] = &[
    "crate", "check", "context", "from", "into", "try_from", "try_into", "message", "code",
];

/// `#[customer(...)]` on a field (or enum variant).
#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub rules: Vec<RuleSpec>,
    /// A rule whose arguments were refused: its error stands for it.
    pub broken_rule: bool,
    pub skip: Option<Span>,
    /// Left out of conversions, still validated.
    pub skip_conversion: Option<Span>,
    /// A model (or a type parameter) left unvalidated on purpose; the field's other rules run.
    pub skip_nested: Option<Span>,
    pub message: Option<LitStr>,
    pub code: Option<LitStr>,
    /// `maps_to = "..."`: the other type's field in a conversion.
    pub maps_to: Option<LitStr>,
    pub with: Option<syn::Path>,
    pub default: Option<Span>,
    pub other: Option<Span>,
}

impl FieldAttrs {
    /// Says nothing but, perhaps, `other`.
    pub(crate) fn is_empty(&self) -> bool {
        self.rules.is_empty()
            && !self.broken_rule
            && self.skip.is_none()
            && self.skip_conversion.is_none()
            && self.skip_nested.is_none()
            && self.message.is_none()
            && self.code.is_none()
            && self.maps_to.is_none()
            && self.with.is_none()
            && self.default.is_none()
    }

    /// Left out of conversions: `skip` or `skip_conversion`.
    pub(crate) fn unmapped(&self) -> bool {
        self.skip.is_some() || self.skip_conversion.is_some()
    }
}

/// `#[customer(...)]` on the container.
#[derive(Default)]
pub(crate) struct ContainerAttrs {
    pub krate: Option<syn::Path>,
    pub checks: Vec<syn::Path>,
    /// `context(T)`: the type `validate_with` takes and rule arguments read as `ctx`.
    pub context: Option<syn::Type>,
    pub conversions: Vec<Conversion>,
    pub rules: Vec<RuleSpec>,
    pub broken_rule: bool,
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

impl ConversionKind {
    pub(crate) fn name(self) -> &'static str {
        match self {
            ConversionKind::From => "from",
            ConversionKind::Into => "into",
            ConversionKind::TryFrom => "try_from",
            ConversionKind::TryInto => "try_into",
        }
    }

    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "from" => ConversionKind::From,
            "into" => ConversionKind::Into,
            "try_from" => ConversionKind::TryFrom,
            "try_into" => ConversionKind::TryInto,
            _ => return None,
        })
    }
}

pub(crate) struct Conversion {
    pub kind: ConversionKind,
    pub ty: syn::Type,
    pub span: Span,
}

fn customer_attrs(attrs: &[Attribute]) -> impl Iterator<Item = &Attribute> {
    attrs.iter().filter(|a| a.path().is_ident("customer"))
}

/// Reads a rule when `name` is one, into `rules`; `false` when `name` is not a rule.
fn rule(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
    seen: &mut Seen,
    rules: &mut Vec<RuleSpec>,
    broken: &mut bool,
) -> syn::Result<bool> {
    let span = key_span(&meta.path);
    match Rule::parse(cx, meta, name)? {
        None => Ok(false),
        Some(parsed) => {
            seen.check(cx, name, span);
            match parsed {
                Some(kind) => rules.push(RuleSpec { kind, span }),
                None => *broken = true,
            }
            Ok(true)
        }
    }
}

/// Reads every `#[customer(...)]` of a field or variant.
pub(crate) fn field_attrs(cx: &Ctxt, attrs: &[Attribute], is_variant: bool) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    let mut seen = Seen::default();
    let mut skip = Slot::new("skip");
    let mut skip_conversion = Slot::new("skip_conversion");
    let mut skip_nested = Slot::new("skip_nested");
    let mut default = Slot::new("default");
    let mut other = Slot::new("other");
    let mut message = Slot::new("message");
    let mut code = Slot::new("code");
    let mut maps_to = Slot::new("maps_to");
    let mut with = Slot::new("with");
    for attr in customer_attrs(attrs) {
        let result = attr.parse_nested_meta(|meta| {
            let name = key_name(&meta);
            let span = key_span(&meta.path);
            if rule(cx, &meta, &name, &mut seen, &mut out.rules, &mut out.broken_rule)? {
                return Ok(());
            }
            match name.as_str() {
                "skip" => flag(cx, &meta, &mut skip)?,
                "skip_conversion" => flag(cx, &meta, &mut skip_conversion)?,
                "skip_nested" => flag(cx, &meta, &mut skip_nested)?,
                "default" => flag(cx, &meta, &mut default)?,
                "other" if is_variant => flag(cx, &meta, &mut other)?,
                "message" => message.set(cx, span, non_empty_str(cx, &meta, "message")?),
                "code" => code.set(cx, span, code_str(cx, &meta)?),
                "maps_to" => maps_to.set(cx, span, non_empty_str(cx, &meta, "maps_to")?),
                "rename" => {
                    cx.error_spanned_by(&meta.path, "`#[customer(rename)]` is refused, since serde's `rename` names the JSON key: for the key write `#[serde(rename = \"...\")]`; for the field of the conversion's other type write `#[customer(maps_to = \"...\")]`");
                    skip_value(meta.input)?;
                }
                "with" => with.set(cx, span, path_value(&meta, "with")?),
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
    out.skip = skip.span();
    out.skip_conversion = skip_conversion.span();
    out.skip_nested = skip_nested.span();
    out.default = default.span();
    out.other = other.span();
    out.message = message.get().flatten();
    out.code = code.get().flatten();
    out.maps_to = maps_to.get().flatten();
    out.with = with.get();
    out
}

/// A key that takes no value: `skip`.
fn flag(cx: &Ctxt, meta: &ParseNestedMeta, slot: &mut Slot<()>) -> syn::Result<()> {
    slot.set(cx, key_span(&meta.path), ());
    let name = key_name(meta);
    parse::bare(cx, meta, &name)
}

/// Reads every `#[customer(...)]` of the container.
pub(crate) fn container_attrs(cx: &Ctxt, attrs: &[Attribute]) -> ContainerAttrs {
    let mut out = ContainerAttrs::default();
    let mut seen = Seen::default();
    let mut krate = Slot::new("crate");
    let mut context = Slot::new("context");
    let mut message = Slot::new("message");
    let mut code = Slot::new("code");
    for attr in customer_attrs(attrs) {
        let result = attr.parse_nested_meta(|meta| {
            let name = key_name(&meta);
            let span = key_span(&meta.path);
            if rule(
                cx,
                &meta,
                &name,
                &mut seen,
                &mut out.rules,
                &mut out.broken_rule,
            )? {
                return Ok(());
            }
            if let Some(kind) = ConversionKind::from_name(&name) {
                let ty = type_value(&meta, &name)?;
                out.conversions.push(Conversion { kind, ty, span });
                return Ok(());
            }
            match name.as_str() {
                "crate" => krate.set(cx, span, path_value(&meta, "crate")?),
                "check" => out.checks.push(path_value(&meta, "check")?),
                "context" => context.set(cx, span, context_type(&meta)?),
                "message" => message.set(cx, span, non_empty_str(cx, &meta, "message")?),
                "code" => code.set(cx, span, code_str(cx, &meta)?),
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
    out.krate = krate.get();
    out.context = context.get();
    out.message = message.get().flatten();
    out.code = code.get().flatten();
    out
}

/// `context(Type)`.
fn context_type(meta: &ParseNestedMeta) -> syn::Result<syn::Type> {
    let example = "`context` names the type of the validation context: `context(Limits)`";
    if !meta.input.peek(syn::token::Paren) {
        return Err(syn::Error::new(key_span(&meta.path), example));
    }
    let content;
    syn::parenthesized!(content in meta.input);
    if content.is_empty() {
        return Err(syn::Error::new(key_span(&meta.path), example));
    }
    let ty: syn::Type = content.parse()?;
    if !content.is_empty() {
        return Err(content.error("`context` takes one type: `context(Limits)`"));
    }
    Ok(ty)
}
