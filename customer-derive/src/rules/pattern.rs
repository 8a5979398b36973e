//! `pattern = "…"`: the whole value matches a regular expression, checked while compiling
//! (see [`super::regex`]).

use proc_macro2::{Literal, TokenStream};
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;

use super::bounds::Bound;
use super::id::AsciiSet;
use super::kind::{usize_max, Class, Emit, RuleKind};
use super::regex::{self, Compiled};
use crate::attr::parse::str_value;
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;
use crate::schema::ecma::ecma_pattern;
use crate::trees::{Moved, Trees};

pub(crate) struct Pattern(pub Box<Compiled>);

impl RuleKind for Pattern {
    const NAME: &'static str = "pattern";
    const CLASS: Class = Class::Scalar;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        let lit = str_value(meta, "pattern", "pattern = \"^[a-z]+$\"")?;
        match regex::compile(&lit.value()) {
            Ok(compiled) => Ok(Some(Pattern(Box::new(compiled)))),
            Err(message) => {
                cx.error_spanned_by(
                    &lit,
                    format!("invalid regular expression in `pattern`: {message}"),
                );
                Ok(None)
            }
        }
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Text.on(subject, krate)
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (rules, value) = (e.rules(), e.value());
        let call = match &*self.0 {
            Compiled::Simple {
                prefix,
                bits,
                min,
                max,
                suffix,
                shown,
            } => {
                let max = match max {
                    Some(max) => Trees::from(Literal::usize_suffixed(*max)),
                    None => Trees::from(usize_max()),
                };
                let class = Moved::new(AsciiSet(*bits).to_expr(e.krate));
                // An inline constant: the shape folds into the caller's code.
                quote_spanned! {e.span=>
                    #rules::pattern::check_simple(
                        #value,
                        &const {
                            #rules::pattern::Simple::new(#prefix, #class, #min, #max, #suffix, #shown)
                        },
                    )
                }
            }
            Compiled::Regex { anchored, shown } => quote_spanned! {e.span=>
                {
                    static __CUSTOMER_REGEX: #rules::pattern::LazyRegex = #rules::pattern::LazyRegex::new(#anchored, #shown);
                    #rules::pattern::check(#value, &__CUSTOMER_REGEX)
                }
            },
        };
        e.push_on_err(call)
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        match ecma_pattern(&self.0) {
            Some(ecma) => quote!(#s::pattern(#schema, #ecma);),
            None => {
                let shown = match &*self.0 {
                    Compiled::Simple { shown, .. } | Compiled::Regex { shown, .. } => shown,
                };
                quote!(#s::pattern_unsupported(#schema, #shown);)
            }
        }
    }
}
