//! `email`, `email(max = 254)`, `email(ascii)`, `email(quoted)`: an address.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;

use super::bounds::Bound;
use super::kind::{Class, Emit, RuleKind};
use crate::attr::parse::{bare, count_value, key_span, options, unknown, Count, Seen};
use crate::ctxt::Ctxt;
use crate::schema::cx::{runtime_bound, SchemaCx};

/// The most characters an address can have.
const MAX: usize = 320;

pub(crate) struct Email {
    /// The most characters, 1..=320 (a literal is checked while compiling; an expression is
    /// capped at 320 when checking).
    pub max: Option<Count>,
    /// Refuse any non-ASCII character.
    pub ascii: bool,
    /// Accept a quoted local part.
    pub quoted: bool,
}

impl RuleKind for Email {
    const NAME: &'static str = "email";
    const CLASS: Class = Class::Format;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        let mut rule = Email {
            max: None,
            ascii: false,
            quoted: false,
        };
        let mut seen = Seen::default();
        options(cx, meta, "email", "email(max = 254)", |key, inner| {
            seen.check(cx, key, key_span(&inner.path));
            match key {
                "max" => match count_value(cx, inner, "max")? {
                    Some(Count::Lit(value, lit)) if !(1..=MAX).contains(&value) => cx.error_spanned_by(lit, "`max` of `email` must be between 1 and 320: an address has at most 320 characters"),
                    Some(count) => rule.max = Some(count),
                    None => {}
                },
                "ascii" => {
                    bare(cx, inner, "ascii")?;
                    rule.ascii = true;
                }
                "quoted" => {
                    bare(cx, inner, "quoted")?;
                    rule.quoted = true;
                }
                _ => unknown(cx, inner, key, &["max", "ascii", "quoted"], "`email`")?,
            }
            Ok(())
        })?;
        Ok(Some(rule))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Text.on(subject, krate)
    }

    fn arguments(&self) -> Vec<&syn::Expr> {
        self.max.iter().filter_map(Count::expr).collect()
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (rules, value) = (e.rules(), e.value());
        if let (None, false, false) = (&self.max, self.ascii, self.quoted) {
            return e.push_on_err(quote_spanned! {e.span=>
                #rules::email::check(#value, &#rules::email::EmailOptions::DEFAULT)
            });
        }
        let max = match &self.max {
            None => quote::quote!(#MAX),
            Some(count @ Count::Lit(..)) => count.tokens(),
            Some(count) => {
                let tokens = count.tokens();
                quote::quote!(::core::cmp::Ord::min(#tokens, #MAX))
            }
        };
        let (ascii, quoted) = (self.ascii, self.quoted);
        e.push_on_err(quote_spanned! {e.span=>
            #rules::email::check(
                #value,
                &#rules::email::EmailOptions { max: #max, ascii: #ascii, quoted: #quoted },
            )
        })
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        let (ascii, quoted) = (self.ascii, self.quoted);
        let (max, runtime) = match &self.max {
            None => (320usize, TokenStream::new()),
            Some(count) => match count.literal() {
                Some(max) => (max, TokenStream::new()),
                None => (320, runtime_bound(&s, schema, "email", "max", count)),
            },
        };
        quote::quote!(#s::email(#schema, #max, #ascii, #quoted); #runtime)
    }
}
