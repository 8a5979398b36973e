//! `nested`: a field whose type is a model, through `Option`, `Vec`, `Box`, maps….

use proc_macro2::TokenStream;
use quote::quote_spanned;
use syn::meta::ParseNestedMeta;

use super::bounds::Bound;
use super::kind::{Class, Emit, Models, Place, RuleKind, Scope};
use crate::attr::parse::bare;
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;
use crate::trees::Moved;
use proc_macro2::Span;

pub(crate) struct Nested;

impl RuleKind for Nested {
    const NAME: &'static str = "nested";
    const CLASS: Class = Class::Any;
    const SCOPE: Scope = Scope::Field;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        bare(cx, meta, Self::NAME)?;
        Ok(Some(Nested))
    }

    fn check_place(&self, cx: &Ctxt, span: Span, place: Place) {
        if place == Place::Container {
            cx.error_at(
                span,
                "`nested` goes on a field whose type is a model, not on a container",
            );
        }
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        Bound::Model.on(subject, krate)
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        let Emit { krate, report, .. } = e;
        if e.models == Models::Walk {
            return TokenStream::new();
        }
        let at = Moved::new(e.at.path(krate));
        let value = &e.value;
        let validate = match (e.context, e.field_ty) {
            // A model with the same context gets it; any other model is validated without.
            (Some(context), _) => quote_spanned! {e.span=>
                {
                    use #krate::{NestedViaContext as _, NestedViaPlain as _};
                    (&#krate::NestedProbe::<_, #context>(#value, ctx)).nested_into(#at, #report);
                }
            },
            (None, Some(ty)) => quote_spanned! {e.span=>
                <#ty as #krate::CustomerModel>::validate_into(#value, #at, #report);
            },
            (None, None) => quote_spanned! {e.span=>
                #krate::CustomerModel::validate_into(#value, #at, #report);
            },
        };
        if e.models == Models::Flag {
            let validate = Moved::new(validate);
            return quote_spanned! {e.span=>
                if __customer_models {
                    #validate
                }
            };
        }
        validate
    }

    fn schema(&self, _: &SchemaCx) -> TokenStream {
        // The field's type is described by its own schema (a `$ref` into `$defs`).
        TokenStream::new()
    }
}
