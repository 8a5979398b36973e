//! `each(rules…)`: the rules applied to every element of a collection, reported at
//! `/field/3`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::meta::ParseNestedMeta;

use super::kind::{respan, Class, Emit, Models, Place, RuleKind, Spec, Table};
use crate::attr::parse::{has_args, key_name, key_span, unknown, Seen};
use crate::ctxt::Ctxt;
use crate::schema::cx::SchemaCx;
use crate::trees::{Moved, Trees};

/// The rules inside `each(...)`, of the table `R` (the `Rule` of `rules/mod.rs`).
pub(crate) struct Each<R> {
    pub rules: Vec<Spec<R>>,
}

impl<R: Table> RuleKind for Each<R> {
    const NAME: &'static str = "each";
    const CLASS: Class = Class::Any;

    fn parse(cx: &Ctxt, meta: &ParseNestedMeta) -> syn::Result<Option<Self>> {
        let needs = "`each` needs the rules to apply to every element: `each(email)`";
        if !has_args(cx, meta, needs)? {
            return Ok(None);
        }
        let mut rules = Vec::new();
        let mut seen = Seen::default();
        let mut broken = false;
        meta.parse_nested_meta(|inner| {
            let key = key_name(&inner);
            let span = key_span(&inner.path);
            match R::parse(cx, &inner, &key)? {
                Some(rule) => {
                    seen.check(cx, &key, span);
                    match rule {
                        Some(kind) => {
                            kind.check_place(cx, span, Place::Each);
                            rules.push(Spec { kind, span });
                        }
                        None => broken = true,
                    }
                    Ok(())
                }
                None => unknown(cx, &inner, &key, R::NAMES, "`each`"),
            }
        })?;
        if rules.is_empty() && !broken {
            cx.error_at(
                key_span(&meta.path),
                "`each` needs at least one rule: `each(email)`",
            );
        }
        Ok(Some(Each { rules }))
    }

    fn bound(&self, subject: &TokenStream, krate: &TokenStream) -> Option<TokenStream> {
        let elements = quote!(#krate::Elements);
        let item = quote!(<#subject as #elements>::Item);
        let mut predicates = vec![quote!(#subject: #elements)];
        predicates.extend(self.rules.iter().filter_map(|r| r.kind.bound(&item, krate)));
        Some(quote!(#(#predicates),*))
    }

    fn arguments(&self) -> Vec<&syn::Expr> {
        self.rules
            .iter()
            .flat_map(|rule| rule.kind.arguments())
            .collect()
    }

    fn emit(&self, e: &Emit) -> TokenStream {
        // Only `nested` emits nothing when models are walked.
        if e.models == Models::Flag
            && self.rules.iter().all(|rule| {
                rule.kind
                    .emit(&Emit {
                        models: Models::Walk,
                        value: e.value.clone(),
                        at: e.at.clone(),
                        ..*e
                    })
                    .is_empty()
            })
        {
            // `each(nested)` in a rules function that says whether models are validated: the
            // elements not even visited when they are not.
            let each = Moved::new(self.emit(&Emit {
                models: Models::Validate,
                value: e.value.clone(),
                at: e.at.clone(),
                ..*e
            }));
            return quote_spanned! {e.span=>
                if __customer_models {
                    #each
                }
            };
        }
        let krate = e.krate;
        let item_at = e.at.index(Trees::named("__customer_index"));
        let checks: TokenStream = self
            .rules
            .iter()
            .map(|rule| {
                rule.kind.emit(&Emit {
                    value: Trees::named("__customer_item"),
                    at: item_at.clone(),
                    span: rule.span,
                    field_ty: None,
                    layer: None,
                    ..*e
                })
            })
            .collect();
        if checks.is_empty() {
            // `each(nested)` in the second read: the elements are walked by their shapes.
            return TokenStream::new();
        }
        let value = e.value();
        let report = e.report;
        // Every token that names the collection trait points at `each`.
        let elements = respan(&quote!(#krate::Elements::elements), e.span);
        // Past the report's cap, the elements' violations are counted, not built (`Items`).
        quote_spanned! {e.span=>
            {
                let mut __customer_items = #krate::Items::new(#report);
                for (__customer_index, __customer_item) in ::core::iter::Iterator::enumerate(#elements(#value)) {
                    __customer_items.item(#report);
                    #checks
                }
            }
        }
    }

    fn schema(&self, cx: &SchemaCx) -> TokenStream {
        let (krate, s, schema) = (cx.krate, cx.builders(), cx.schema);
        let items = quote!(__customer_items);
        let each = SchemaCx {
            schema: &items,
            nullable: false,
            ..*cx
        };
        let rules: TokenStream = self
            .rules
            .iter()
            .map(|rule| rule.kind.schema(&each))
            .collect();
        quote! {
            #s::each(#schema, |#items: &mut #krate::schemars::Schema| { #rules });
        }
    }
}
