//! The rule table. Every rule of the attribute language is one line of `table!` below and one
//! module beside this file, whose type implements [`RuleKind`]: its keyword, how it is read, what
//! it conflicts with, where it may go, the bound a generic field needs for it, the code that
//! checks a value and its JSON Schema keywords. Parsing (`attr`), checking (`check`), bounds,
//! emission (`expand`) and the JSON Schema (`schema`) read the rules only through this table, so
//! adding a rule touches exactly three places: one runtime module in customer-core
//! (`rules::NAME::check`, with its keyword builder in `customer_core::__private::schema` when it
//! has keywords), one module here and one line in the table.
//!
//! The trait, the context a rule emits with and the helpers rules share are in `kind`, which the
//! rule modules and this table import and which imports neither: the derive's modules import
//! downward only (`scripts/derive-imports.py`, run by CI).

pub(crate) mod bounds;
pub(crate) mod custom;
pub(crate) mod each;
pub(crate) mod email;
pub(crate) mod formats;
pub(crate) mod id;
pub(crate) mod kind;
pub(crate) mod length;
pub(crate) mod locale;
pub(crate) mod metadata;
pub(crate) mod nested;
pub(crate) mod one_of;
pub(crate) mod pattern;
pub(crate) mod range;
pub(crate) mod regex;
pub(crate) mod required;

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;

use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;
pub(crate) use kind::{respan, At, Class, Emit, Models, Overrides, Place, Scope};
use kind::{RuleKind, Spec, Table};

/// Declares the table: the [`Rule`] enum and its dispatch to each rule's [`RuleKind`].
macro_rules! table {
    ($($variant:ident($ty:ty),)*) => {
        /// A parsed rule: one variant per line of the table.
        pub(crate) enum Rule {
            $($variant($ty),)*
        }

        /// Every rule's keyword, in table order (for did-you-mean hints).
        pub(crate) const NAMES: &[&str] = &[$(<$ty as RuleKind>::NAME,)*];

        impl Rule {
            /// Reads the rule named `name`: `Ok(None)` when no rule has that name,
            /// `Ok(Some(None))` when its arguments were refused.
            pub(crate) fn parse(
                cx: &Ctxt,
                meta: &ParseNestedMeta,
                name: &str,
            ) -> syn::Result<Option<Option<Rule>>> {
                $(
                    if name == <$ty as RuleKind>::NAME {
                        return Ok(Some(<$ty as RuleKind>::parse(cx, meta)?.map(Rule::$variant)));
                    }
                )*
                Ok(None)
            }

            pub(crate) fn name(&self) -> &'static str {
                match self { $(Rule::$variant(_) => <$ty as RuleKind>::NAME,)* }
            }

            pub(crate) fn class(&self) -> Class {
                match self { $(Rule::$variant(_) => <$ty as RuleKind>::CLASS,)* }
            }

            pub(crate) fn scope(&self) -> Scope {
                match self { $(Rule::$variant(_) => <$ty as RuleKind>::SCOPE,)* }
            }

            pub(crate) fn check_place(&self, cx: &Ctxt, span: Span, place: Place) {
                match self { $(Rule::$variant(rule) => rule.check_place(cx, span, place),)* }
            }

            pub(crate) fn bound(
                &self,
                subject: &TokenStream,
                krate: &TokenStream,
            ) -> Option<TokenStream> {
                match self { $(Rule::$variant(rule) => rule.bound(subject, krate),)* }
            }

            pub(crate) fn emit(&self, e: &Emit) -> TokenStream {
                match self { $(Rule::$variant(rule) => rule.emit(e),)* }
            }

            pub(crate) fn arguments(&self) -> Vec<&syn::Expr> {
                match self { $(Rule::$variant(rule) => rule.arguments(),)* }
            }

            pub(crate) fn schema(&self, s: &SchemaCx) -> TokenStream {
                match self { $(Rule::$variant(rule) => rule.schema(s),)* }
            }
        }

        impl Table for Rule {
            const NAMES: &'static [&'static str] = NAMES;

            fn parse(
                cx: &Ctxt,
                meta: &ParseNestedMeta,
                name: &str,
            ) -> syn::Result<Option<Option<Rule>>> {
                Rule::parse(cx, meta, name)
            }

            fn check_place(&self, cx: &Ctxt, span: Span, place: Place) {
                Rule::check_place(self, cx, span, place);
            }

            fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
                Rule::bound(self, subject, krate)
            }

            fn arguments(&self) -> Vec<&syn::Expr> {
                Rule::arguments(self)
            }

            fn emit(&self, e: &Emit) -> TokenStream {
                Rule::emit(self, e)
            }

            fn schema(&self, s: &SchemaCx) -> TokenStream {
                Rule::schema(self, s)
            }
        }
    };
}

table! {
    Email(email::Email),
    Pattern(pattern::Pattern),
    Id(id::Id),
    Locale(locale::Locale),
    Metadata(metadata::Metadata),
    Length(length::Length),
    Bytes(length::Bytes),
    OneOf(one_of::OneOf),
    Country(formats::Country),
    Phone(formats::Phone),
    Url(formats::Url),
    Timestamp(formats::Timestamp),
    Range(range::Range),
    Each(each::Each<Rule>),
    Nested(nested::Nested),
    Required(required::Required),
    Custom(custom::Custom),
}

/// One rule with the span of its keyword.
pub(crate) type RuleSpec = Spec<Rule>;
