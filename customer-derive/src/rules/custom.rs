//! `custom = path`: the user's own `fn(&T) -> Result<(), RuleError>`, or
//! `fn(&T, &C) -> Result<(), RuleError>` on a struct with `context(C)`.

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned;

use super::kind::{Class, Emit, RuleKind};
use crate::attr::parse::path_value;
use crate::ctxt::Ctxt;
use crate::schema::cx::{path_string, SchemaCx};

pub(crate) struct Custom {
    pub path: syn::Path,
}

impl RuleKind for Custom {
    const NAME: &'static str = "custom";
    const CLASS: Class = Class::Any;

    fn parse(_: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        Ok(Some(Custom {
            path: path_value(meta, "custom")?,
        }))
    }

    fn bound(&self, _: &TokenStream, _: &TokenStream) -> Option<TokenStream> {
        // The function's own signature says what it takes.
        None
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (krate, path) = (e.krate, &self.path);
        // A wrong signature is reported at the function's path.
        let value = e.value().located_at(path.span());
        if let Some(context) = e.context {
            // On a struct with a context, the function takes it too.
            return e.push_on_err(quote_spanned! {path.span()=>
                {
                    let __customer_custom: fn(&_, &#context) -> __p::Result<(), #krate::RuleError> = #path;
                    __customer_custom(#value, ctx)
                }
            });
        }
        e.push_on_err(quote_spanned! {path.span()=>
            {
                let __customer_custom: fn(&_) -> __p::Result<(), #krate::RuleError> = #path;
                __customer_custom(#value)
            }
        })
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (s, schema) = (cx.builders(), cx.schema);
        let name = path_string(&self.path);
        quote::quote!(#s::custom(#schema, #name);)
    }
}
