//! `required`: an `Option` that must be `Some`, or a `Patch` that must not be `Null`.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;

use super::kind::Layer;
use super::kind::{Class, Emit, Place, RuleKind, Scope};
use crate::attr::parse::bare;
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;

pub(crate) struct Required;

impl RuleKind for Required {
    const NAME: &'static str = "required";
    const CLASS: Class = Class::Any;
    const SCOPE: Scope = Scope::Field;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        bare(cx, meta, Self::NAME)?;
        Ok(Some(Required))
    }

    fn check_place(&self, cx: &Ctxt, span: Span, place: Place) {
        let message = match place {
            Place::Field { optional: true } => return,
            Place::Field { optional: false } => "`required` applies to `Option` and `Patch` fields: this field always has a value; remove `required` or make the field an `Option`",
            Place::Container => "`required` goes on an `Option` field of a struct, not on a newtype: parsing a newtype always checks its value",
            Place::Each => "`required` cannot be applied to elements: put `required` on the field itself",
        };
        cx.error_at(span, message);
    }

    fn bound(&self, _: &TokenStream, _: &TokenStream) -> Option<TokenStream> {
        None
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let (krate, value) = (e.krate, &e.value);
        let present = match e.layer {
            Some(Layer::Patch) => quote!(!#krate::Patch::is_null(#value)),
            _ => quote!(__p::Option::is_some(#value)),
        };
        e.push_on_err(quote_spanned! {e.span=>
            #krate::rules::required::present(#present)
        })
    }

    fn schema(&self, _: &SchemaCx) -> TokenStream {
        // Decided by the property: the key is required and `null` refused.
        TokenStream::new()
    }
}
