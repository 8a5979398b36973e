//! The small readers every key of the attribute language is built from: a value after `=`, a
//! list in parentheses, a key that takes nothing. Each reports its own mistakes, naming the key
//! and showing an example, so a rule's parser reads as a list of its keys.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Expr, LitInt, LitStr, Token};

use crate::ctxt::{did_you_mean, Ctxt};

/// One value of a key that may be given once, remembering where, to report a second one at
/// both places.
pub(crate) struct Slot<T> {
    name: &'static str,
    value: Option<(Span, T)>,
}

impl<T> Slot<T> {
    pub(crate) const fn new(name: &'static str) -> Self {
        Slot { name, value: None }
    }

    /// Keeps `value`, or reports a duplicate when the key was already given.
    pub(crate) fn set(&mut self, cx: &Ctxt, span: Span, value: T) {
        match &self.value {
            Some((first, _)) => duplicate(cx, self.name, span, *first),
            None => self.value = Some((span, value)),
        }
    }

    pub(crate) fn get(self) -> Option<T> {
        self.value.map(|(_, v)| v)
    }

    pub(crate) fn span(&self) -> Option<Span> {
        self.value.as_ref().map(|(span, _)| *span)
    }
}

/// Remembers which keys of a list were given, to report a repeated one at both places.
#[derive(Default)]
pub(crate) struct Seen(Vec<(String, Span)>);

impl Seen {
    pub(crate) fn check(&mut self, cx: &Ctxt, name: &str, span: Span) {
        if let Some((_, first)) = self.0.iter().find(|(n, _)| n == name) {
            duplicate(cx, name, span, *first);
        } else {
            self.0.push((name.to_owned(), span));
        }
    }
}

fn duplicate(cx: &Ctxt, name: &str, span: Span, first: Span) {
    let mut error = syn::Error::new(
        span,
        format!("duplicate customer attribute `{name}`: remove one of them"),
    );
    error.combine(syn::Error::new(first, format!("`{name}` first set here")));
    cx.syn_error(error);
}

/// Where a key is written: the span `Spanned::span` gives its path, found without turning the
/// path into tokens when the key is one word (as every key of the attribute language is).
pub(crate) fn key_span(path: &syn::Path) -> Span {
    path.get_ident().map_or_else(|| path.span(), Ident::span)
}

/// The key as written: `email`, or a path such as `a::b` without spaces.
pub(crate) fn key_name(meta: &ParseNestedMeta) -> String {
    meta.path.get_ident().map_or_else(
        || meta.path.to_token_stream().to_string().replace(' ', ""),
        ToString::to_string,
    )
}

/// Records an unknown key (with a did-you-mean hint) and skips over its value.
pub(crate) fn unknown(
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
pub(crate) fn skip_value(input: ParseStream) -> syn::Result<()> {
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
pub(crate) fn empty_parens(meta: &ParseNestedMeta) -> syn::Result<bool> {
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

/// Reports a value given to a key that takes none.
pub(crate) fn bare(cx: &Ctxt, meta: &ParseNestedMeta, name: &str) -> syn::Result<()> {
    if !(meta.input.is_empty() || meta.input.peek(Token![,])) {
        cx.error_at(
            meta.input.span(),
            format!("`{name}` takes no arguments: write `{name}` alone"),
        );
        skip_value(meta.input)?;
    }
    Ok(())
}

/// A rule that may stand alone or take options: `name`, or `name(key, key = value)`. Calls
/// `option` with each key inside the parentheses.
pub(crate) fn options(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
    example: &str,
    mut option: impl FnMut(&str, &ParseNestedMeta) -> syn::Result<()>,
) -> syn::Result<()> {
    if empty_parens(meta)? {
        cx.error_at(
            key_span(&meta.path),
            format!("`{name}()` has empty parentheses: write `{name}` alone, or give options as in `{example}`"),
        );
    } else if meta.input.peek(syn::token::Paren) {
        meta.parse_nested_meta(|inner| option(&key_name(&inner), &inner))?;
    } else {
        bare(cx, meta, name)?;
    }
    Ok(())
}

/// A rule that needs its arguments in parentheses: `false` (after reporting `needs`) when they
/// are missing or empty.
pub(crate) fn has_args(cx: &Ctxt, meta: &ParseNestedMeta, needs: &str) -> syn::Result<bool> {
    if empty_parens(meta)? || !meta.input.peek(syn::token::Paren) {
        cx.error_at(key_span(&meta.path), needs);
        skip_value(meta.input)?;
        return Ok(false);
    }
    Ok(true)
}

/// The `=` of `key = value`, with a message naming the key when it is missing.
pub(crate) fn expect_value<'a>(
    meta: &'a ParseNestedMeta,
    name: &str,
    example: &str,
) -> syn::Result<ParseStream<'a>> {
    if meta.input.peek(Token![=]) {
        meta.value()
    } else {
        Err(syn::Error::new(
            key_span(&meta.path),
            format!("`{name}` expects a value: `{example}`"),
        ))
    }
}

/// The literal `value` starts with, read from its cursor: what `peek(LitStr)` then
/// `parse::<LitStr>()` (or `LitInt`, …) would each parse again.
fn next_literal(value: ParseStream) -> Option<syn::Lit> {
    value
        .cursor()
        .literal()
        .map(|(literal, _)| syn::Lit::new(literal))
}

/// `key = "text"`.
pub(crate) fn str_value(meta: &ParseNestedMeta, name: &str, example: &str) -> syn::Result<LitStr> {
    let value = expect_value(meta, name, example)?;
    let string = match next_literal(value) {
        Some(syn::Lit::Str(lit)) => Some(lit),
        _ => None,
    };
    let token: TokenTree = value.parse()?;
    string.ok_or_else(|| {
        syn::Error::new_spanned(
            token,
            format!("`{name}` expects a string literal, e.g. `{example}`"),
        )
    })
}

/// `key = "text"` where the text cannot be empty.
pub(crate) fn non_empty_str(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
) -> syn::Result<Option<LitStr>> {
    let lit = str_value(meta, name, &format!("{name} = \"...\""))?;
    if lit.value().is_empty() {
        cx.error_spanned_by(&lit, format!("`{name}` cannot be empty"));
        return Ok(None);
    }
    Ok(Some(lit))
}

/// `code = "snake_case"`.
pub(crate) fn code_str(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<LitStr>> {
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
pub(crate) fn usize_value(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
) -> syn::Result<Option<(usize, LitInt)>> {
    let value = expect_value(meta, name, &format!("{name} = 64"))?;
    usize_in(cx, value, name)
}

/// The whole number after `key =`.
fn usize_in(cx: &Ctxt, value: ParseStream, name: &str) -> syn::Result<Option<(usize, LitInt)>> {
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
    let int = match next_literal(value) {
        Some(syn::Lit::Int(lit)) => Some(lit),
        _ => None,
    };
    let token: TokenTree = value.parse()?;
    let Some(lit) = int else {
        cx.error_spanned_by(
            token,
            format!("`{name}` expects a whole number, e.g. `{name} = 64`"),
        );
        return Ok(None);
    };
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
}

/// A count given as a literal, checked while compiling, or as any expression of type `usize`
/// (`max = ctx.name_max`, `max = MAX_NAME`), checked by the compiler's type check.
pub(crate) enum Count {
    Lit(usize, LitInt),
    Expr(Box<Expr>),
}

impl Count {
    /// The value, when it is a literal.
    pub(crate) fn literal(&self) -> Option<usize> {
        match self {
            Count::Lit(value, _) => Some(*value),
            Count::Expr(_) => None,
        }
    }

    /// The expression, when it is not a literal.
    pub(crate) fn expr(&self) -> Option<&Expr> {
        match self {
            Count::Lit(..) => None,
            Count::Expr(expr) => Some(expr),
        }
    }

    /// An expression of type `usize`; a wrong type is reported at the user's expression.
    pub(crate) fn tokens(&self) -> TokenStream {
        match self {
            Count::Lit(value, lit) => quote::quote_spanned!(lit.span()=> #value),
            Count::Expr(expr) => {
                quote::quote_spanned!(expr.span()=> { let __customer_count: usize = #expr; __customer_count })
            }
        }
    }
}

/// `key = 64` or `key = expression`: a literal must be a whole number that is not negative
/// (as in [`usize_value`]); anything else that is not a literal is kept as an expression.
pub(crate) fn count_value(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    name: &str,
) -> syn::Result<Option<Count>> {
    let value = expect_value(meta, name, &format!("{name} = 64"))?;
    // What `peek(syn::Lit)` finds (a literal, `true` or `false`), without parsing the literal.
    let cursor = value.cursor();
    let literal = cursor.literal().is_some()
        || cursor
            .ident()
            .is_some_and(|(ident, _)| ident == "true" || ident == "false")
        || (value.peek(Token![-]) && value.peek2(syn::Lit));
    if literal {
        return Ok(usize_in(cx, value, name)?.map(|(v, lit)| Count::Lit(v, lit)));
    }
    let expr: Expr = value.parse()?;
    Ok(Some(Count::Expr(Box::new(expr))))
}

/// `key = expression`.
pub(crate) fn expr_value(meta: &ParseNestedMeta, name: &str, example: &str) -> syn::Result<Expr> {
    expect_value(meta, name, example)?.parse()
}

/// A path, written bare (`custom = my::check`) or as a string (`custom = "my::check"`).
pub(crate) fn path_value(meta: &ParseNestedMeta, name: &str) -> syn::Result<syn::Path> {
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
pub(crate) fn type_value(meta: &ParseNestedMeta, name: &str) -> syn::Result<syn::Type> {
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

/// The integer an expression spells, when it is a literal (`10`, `-3`).
pub(crate) fn int_of(expr: &Expr) -> Option<i128> {
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
