//! What every rule is made of and emits with: the [`RuleKind`] trait each rule's module
//! implements, where it is written ([`Place`]), what it conflicts with ([`Class`]), the context it
//! emits its check in ([`Emit`]) and the small token helpers rules share. The rule modules and
//! the table (`rules/mod.rs`) import this; it imports none of them.

use proc_macro2::{Delimiter, Group, Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::meta::ParseNestedMeta;

use crate::attr::parse::Count;
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;
use crate::trees::{Moved, Trees};

/// A wrapper whose rules check the value inside, when there is one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layer {
    /// `Option<T>`: checked when `Some`.
    Option,
    /// `customer_core::Patch<T>`: checked when `Value`; `required` refuses `Null`.
    Patch,
}

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

/// The `code = …` and `message = …` next to the rules.
pub(crate) struct Overrides {
    pub code: Option<syn::LitStr>,
    pub message: Option<syn::LitStr>,
}

impl Overrides {
    /// Whether either is given.
    fn any(&self) -> bool {
        self.code.is_some() || self.message.is_some()
    }

    /// Both as `Option<&'static str>` expressions.
    fn tokens(&self) -> (TokenStream, TokenStream) {
        let one = |lit: &Option<syn::LitStr>| match lit {
            Some(lit) => quote!(__p::Some(#lit)),
            None => quote!(__p::None),
        };
        (one(&self.code), one(&self.message))
    }
}

/// One step below a place the generated code has at hand.
#[derive(Clone)]
pub(crate) enum Step {
    /// The member named by an expression of type `&str`.
    Key(Trees),
    /// The element at an expression of type `usize`.
    Index(Trees),
}

/// Where a rule reports: `base` (an expression of type `&Path` the code already holds, such as
/// `__customer_path`, or, `held`, a `__private::At` variable, as in a rules function) and the
/// steps below it, kept apart so that the `Path` of a violation is built only when a rule fails
/// (`__private::At::fail` and its kin), not on the valid path. Held as trees: each rule's check
/// names them again (see `trees`).
#[derive(Clone)]
pub(crate) struct At {
    pub base: Trees,
    pub below: Vec<Step>,
    /// `base` names a `mut` variable of type `__private::At<K>`: a field's place and the report.
    pub held: bool,
}

impl At {
    /// `base` itself (an expression of type `&Path`).
    pub(crate) fn new(base: impl Into<Trees>) -> At {
        At {
            base: base.into(),
            below: Vec::new(),
            held: false,
        }
    }

    /// The place `at` (a `mut` variable of type `__private::At<K>`) holds: where a rules
    /// function's rules report.
    pub(crate) fn held(at: impl Into<Trees>) -> At {
        At {
            base: at.into(),
            below: Vec::new(),
            held: true,
        }
    }

    /// The member `key` (an expression of type `&str`) below this place.
    #[must_use]
    pub(crate) fn key(&self, key: impl Into<Trees>) -> At {
        let mut at = self.clone();
        at.below.push(Step::Key(key.into()));
        at
    }

    /// The element `index` (an expression of type `usize`) below this place.
    #[must_use]
    pub(crate) fn index(&self, index: impl Into<Trees>) -> At {
        let mut at = self.clone();
        at.below.push(Step::Index(index.into()));
        at
    }

    /// The place as an expression of type `&Path`, built where it is evaluated (a held place's
    /// from the pointer and the place its variable holds).
    pub(crate) fn path(&self, krate: &Trees) -> TokenStream {
        let base = &self.base;
        let mut out = if self.held {
            quote!(&#krate::Place::below(#base.1, #base.0))
        } else {
            base.to_token_stream()
        };
        for step in &self.below {
            out = match step {
                Step::Key(key) => quote!(&#krate::Path::key(#out, #key)),
                Step::Index(index) => quote!(&#krate::Path::index(#out, #index)),
            };
        }
        out
    }
}

/// Where a rule's check is emitted: the value it checks and where it reports.
pub(crate) struct Emit<'a> {
    /// The path of the runtime crate (`::customer_core` or `crate = …`).
    pub krate: &'a Trees,
    /// An expression of type `&T`, `T` being what the rule looks at.
    pub value: Trees,
    /// Where violations are reported.
    pub at: At,
    /// The `&mut ValidationErrors` being filled.
    pub report: &'a dyn ToTokens,
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
    /// Validate it when the rules function's parameter `__customer_models` says so: the rules
    /// function of a `nested` field with another rule (see `validate::model_rules`), which
    /// `validate_into` calls with `true` and the second read with `false` (its model walked),
    /// or with `true` on a missing member's default (no node to walk).
    Flag,
}

impl Emit<'_> {
    /// `KRATE::__private::rules`.
    pub(crate) fn rules(&self) -> Trees {
        self.krate.join("rules")
    }

    /// The value, located at the rule, so a type the rule cannot check is reported there.
    pub(crate) fn value(&self) -> Trees {
        self.value.located_at(self.span)
    }

    /// Reports the error of `call` (a `Result<(), RuleError>` expression): one call of
    /// `__private::At::fail` (or `fail_at`, an element of the field; `__private::fail` at a
    /// pointer the code holds), which builds the violation's `Path` only on failure.
    pub(crate) fn push_on_err(&self, call: TokenStream) -> TokenStream {
        let Emit {
            krate, at, report, ..
        } = self;
        let p = krate;
        let call = Moved::new(call);
        let call = if self.overrides.any() {
            let (code, message) = self.overrides.tokens();
            Moved::new(quote_spanned!(self.span=> #p::overridden(#call, #code, #message)))
        } else {
            call
        };
        let base = &at.base;
        match (at.held, at.below.as_slice()) {
            (true, []) => quote_spanned!(self.span=> #base.fail(#call);),
            (true, [Step::Index(index)]) => {
                quote_spanned!(self.span=> #base.fail_at(#index, #call);)
            }
            (false, []) => quote_spanned!(self.span=> #p::fail(#report, #base, #call);),
            (false, [Step::Key(place)] | [Step::Index(place)]) => {
                quote_spanned!(self.span=> #p::At(#base, #place, #report).fail(#call);)
            }
            (false, [Step::Key(key), Step::Index(index)]) => quote_spanned! {self.span=>
                #p::At(#base, #key, #report).fail_at(#index, #call);
            },
            // Deeper (a variant's field below its name): the `Path` built in the failure's
            // branch only, as above.
            _ => {
                let path = at.path(krate);
                quote_spanned! {self.span=>
                    if let __p::Err(__customer_error) = #call {
                        #p::fail(#report, #path, __p::Err(__customer_error));
                    }
                }
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

/// `Some(v)` / `None` for an optional count given as a literal or an expression, as trees.
pub(crate) fn opt_count(value: Option<&Count>) -> Trees {
    let alias = Trees::named("__p");
    let Some(count) = value else {
        return alias.join("None");
    };
    let inner = match count {
        // What `Count::tokens` gives for a literal (an interpolated number is spanned at the call
        // site), without a stream of its own to interpolate.
        Count::Lit(value, _) => quote!(#value),
        count => count.tokens(),
    };
    let mut some = alias.join("Some");
    some.push(TokenTree::Group(Group::new(Delimiter::Parenthesis, inner)));
    some
}

/// What `each(...)` needs of the table of rules it holds: the table (`rules/mod.rs`) implements
/// it for its `Rule`, so that `each`, itself a line of the table, does not import the table.
pub(crate) trait Table: Sized {
    /// Every rule's keyword, in table order (for did-you-mean hints).
    const NAMES: &'static [&'static str];

    /// Reads the rule named `name`: `Ok(None)` when no rule has that name, `Ok(Some(None))` when
    /// its arguments were refused.
    fn parse(cx: &Ctxt, meta: &ParseNestedMeta, name: &str) -> syn::Result<Option<Option<Self>>>;

    /// [`RuleKind::check_place`] of the rule.
    fn check_place(&self, cx: &Ctxt, span: Span, place: Place);

    /// [`RuleKind::bound`] of the rule.
    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream>;

    /// [`RuleKind::arguments`] of the rule.
    fn arguments(&self) -> Vec<&syn::Expr>;

    /// [`RuleKind::emit`] of the rule.
    fn emit(&self, e: &Emit) -> TokenStream;

    /// [`RuleKind::schema`] of the rule.
    fn schema(&self, s: &SchemaCx) -> TokenStream;
}

/// One rule of a [`Table`] with the span of its keyword.
pub(crate) struct Spec<R> {
    pub kind: R,
    pub span: Span,
}
