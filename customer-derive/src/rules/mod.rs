//! The rule table. Every rule of the attribute language is one line of `table!` below and one
//! module beside this file, whose type implements [`RuleKind`]: its keyword, how it is read, what
//! it conflicts with, where it may go, the bound a generic field needs for it, the code that
//! checks a value and its JSON Schema keywords. Parsing (`attr`), checking (`check`), bounds,
//! emission (`expand`) and the JSON Schema (`schema`) read the rules only through this table, so
//! adding a rule touches exactly three places: one runtime module in customer-core
//! (`rules::NAME::check`, with its keyword builder in `customer_core::__private::schema` when it
//! has keywords), one module here and one line in the table.

pub(crate) mod bounds;
pub(crate) mod custom;
pub(crate) mod each;
pub(crate) mod email;
pub(crate) mod formats;
pub(crate) mod id;
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
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;

use crate::ast::Layer;
use crate::attr::parse::Count;
use crate::ctxt::Ctxt;
use crate::schema::SchemaCx;

/// What a rule says about a value, which decides what it conflicts with.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// What kind of text the value is (`email`, `locale`…): two formats can never both hold.
    Format,
    /// A check of a text or number value: meaningless next to `nested`, which checks a model.
    Scalar,
    /// Holds for any value, a model too (`length`, `custom`, `required`…).
    Any,
}

/// What a rule looks at in a field of type `Option<Option<T>>`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The value inside every `Option` / `Patch` layer, when there is one.
    Value,
    /// The field as declared (`required` looks at the `Option`; `nested` goes through it).
    Field,
}

/// Where a rule is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// On a struct field.
    Field {
        /// The field is an `Option` or a `Patch`.
        optional: bool,
    },
    /// On a newtype container (`#[customer(email)] struct Email(String);`).
    Container,
    /// Inside `each(...)`.
    Each,
}

/// One rule of the attribute language, with its parsed arguments.
pub(crate) trait RuleKind: Sized {
    /// The keyword: `#[customer(NAME…)]`.
    const NAME: &'static str;
    /// What the rule conflicts with.
    const CLASS: Class;
    /// What the rule looks at.
    const SCOPE: Scope = Scope::Value;

    /// Reads the rule after its keyword; `None` when its arguments were refused (the error is
    /// already recorded).
    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>>;

    /// Reports a rule written where it cannot apply.
    fn check_place(&self, cx: &Ctxt, span: Span, place: Place) {
        let _ = (cx, span, place);
    }

    /// The bound `subject` (the type the rule looks at) needs, for fields of generic types.
    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream>;

    /// The statements that check `e.value` and report at `e.at`.
    fn emit(&self, e: &Emit) -> TokenStream;

    /// The expressions among the rule's arguments (`max = ctx.name_max`), which may read the
    /// validation context.
    fn arguments(&self) -> Vec<&syn::Expr> {
        Vec::new()
    }

    /// The statements that add the rule's JSON Schema keywords to `s.schema` (through the
    /// builders of `customer_core::__private::schema`). No default: each rule says what it adds,
    /// if only nothing. The emitted code never names the checked value's type, so a rule on the
    /// wrong type is reported once, by the validation code.
    fn schema(&self, s: &SchemaCx) -> TokenStream;
}

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
    Each(each::Each),
    Nested(nested::Nested),
    Required(required::Required),
    Custom(custom::Custom),
}

/// One rule with the span of its keyword.
pub(crate) struct RuleSpec {
    pub kind: Rule,
    pub span: Span,
}

/// The `code = …` and `message = …` next to the rules, as `Option<&str>` expressions.
pub(crate) struct Overrides {
    pub code: TokenStream,
    pub message: TokenStream,
}

/// Where a rule's check is emitted: the value it checks and where it reports.
pub(crate) struct Emit<'a> {
    /// The path of the runtime crate (`::customer_core` or `crate = …`).
    pub krate: &'a TokenStream,
    /// An expression of type `&T`, `T` being what the rule looks at.
    pub value: TokenStream,
    /// An expression of type `&Path`: where violations are reported.
    pub at: TokenStream,
    /// The `&mut ValidationErrors` being filled.
    pub report: &'a TokenStream,
    pub overrides: &'a Overrides,
    /// The rule's keyword, where type errors about the value are reported.
    pub span: Span,
    /// The declared type of the field, for rules of [`Scope::Field`] (none inside `each`).
    pub field_ty: Option<&'a syn::Type>,
    /// The outermost `Option` / `Patch` layer of the field.
    pub layer: Option<Layer>,
    /// The type of `#[customer(context(T))]`: the check has `ctx: &T` in scope.
    pub context: Option<&'a syn::Type>,
    /// Whether `nested` validates the model below here. `false` in the second read of a document
    /// (the `Shape` impl), which walks the models below with their own shapes instead: it never
    /// names a model's `validate_into`, so that function keeps a single caller on the valid path
    /// and the optimizer still inlines it there.
    pub models: Models,
}

/// What `nested` does in the code being emitted: see [`Emit::models`].
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Models {
    /// Validate the model below (`validate_into`): the `CustomerModel` impl, conversions.
    Validate,
    /// Leave it to the `Shape` walk: the second read.
    Walk,
}

impl Emit<'_> {
    /// `KRATE::__private::rules`.
    pub(crate) fn rules(&self) -> TokenStream {
        let krate = self.krate;
        quote!(#krate::__private::rules)
    }

    /// The value, located at the rule, so a type the rule cannot check is reported there.
    pub(crate) fn value(&self) -> TokenStream {
        respan(&self.value, self.span)
    }

    /// Reports the error of `call` (a `Result<(), RuleError>` expression).
    pub(crate) fn push_on_err(&self, call: TokenStream) -> TokenStream {
        let Emit {
            krate, at, report, ..
        } = self;
        let (code, message) = (&self.overrides.code, &self.overrides.message);
        quote_spanned! {self.span=>
            if let ::core::result::Result::Err(__customer_error) = #call {
                #krate::__private::push(#report, #at, __customer_error, #code, #message);
            }
        }
    }
}

/// The same tokens located at `span` (and resolved as before), so that a type error about the
/// value is reported at the rule that asked for it.
pub(crate) fn respan(tokens: &TokenStream, span: Span) -> TokenStream {
    tokens
        .clone()
        .into_iter()
        .map(|mut token| {
            token.set_span(token.span().located_at(span));
            token
        })
        .collect()
}

/// `usize::MAX`, spelled as a path (a literal would trip `clippy::unreadable_literal`).
pub(crate) fn usize_max() -> TokenStream {
    quote!(::core::primitive::usize::MAX)
}

/// `Some(v)` / `None` for an optional count given as a literal or an expression.
pub(crate) fn opt_count(value: Option<&Count>) -> TokenStream {
    match value {
        Some(count) => {
            let tokens = count.tokens();
            quote!(::core::option::Option::Some(#tokens))
        }
        None => quote!(::core::option::Option::None),
    }
}

pub(crate) use bounds::Bound;
pub(crate) use id::AsciiSet;
