//! `where` clauses for generic structs: a field whose type names a type parameter gets the
//! bound each of its rules needs (from the rule table), and only that.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::parse::Parser;
use syn::punctuated::Punctuated;
use syn::Token;

use crate::ast::{Container, Field};
use crate::rules::Scope;

/// `true` when `ty` names a type parameter of `generics`.
pub(crate) fn mentions_param(ty: &syn::Type, generics: &syn::Generics) -> bool {
    let params: Vec<String> = generics
        .type_params()
        .map(|p| p.ident.to_string())
        .collect();
    mentions(ty, &params)
}

/// `true` when `ty` names one of `names` (as an identifier anywhere in it).
pub(crate) fn mentions(ty: &syn::Type, names: &[String]) -> bool {
    if names.is_empty() {
        return false;
    }
    fn walk(tokens: TokenStream, params: &[String]) -> bool {
        tokens.into_iter().any(|tt| match tt {
            proc_macro2::TokenTree::Ident(ident) => params.iter().any(|p| ident == p),
            proc_macro2::TokenTree::Group(group) => walk(group.stream(), params),
            _ => false,
        })
    }
    walk(ty.to_token_stream(), names)
}

/// The bounds the rules of `field` need, when its type names a type parameter.
pub(crate) fn rule_predicates(
    container: &Container,
    field: &Field,
) -> Punctuated<syn::WherePredicate, Token![,]> {
    let krate = &container.krate;
    let mut out = Punctuated::new();
    if field.attrs.skip.is_some() || !mentions_param(field.ty, container.generics) {
        return out;
    }
    for rule in &field.attrs.rules {
        let subject = match rule.kind.scope() {
            Scope::Field => field.ty.to_token_stream(),
            Scope::Value => field.inner.to_token_stream(),
        };
        let Some(predicates) = rule.kind.bound(&subject, krate) else {
            continue;
        };
        let parser = Punctuated::<syn::WherePredicate, Token![,]>::parse_terminated;
        match parser.parse2(predicates) {
            Ok(parsed) => out.extend(parsed),
            Err(error) => unreachable!("rule bounds are where predicates: {error}"),
        }
    }
    out
}

/// The container's own `where` clause, empty when it has none.
pub(crate) fn own_clause(container: &Container) -> syn::WhereClause {
    container
        .generics
        .where_clause
        .clone()
        .unwrap_or_else(|| syn::WhereClause {
            where_token: Default::default(),
            predicates: Punctuated::new(),
        })
}

/// The container's own `where` clause plus the bounds the rules of generic fields need.
pub(super) fn bounds<'f, 'a: 'f>(
    container: &Container,
    fields: impl IntoIterator<Item = &'f Field<'a>>,
) -> Option<syn::WhereClause> {
    let mut clause = own_clause(container);
    for field in fields {
        clause.predicates.extend(rule_predicates(container, field));
    }
    (!clause.predicates.is_empty()).then_some(clause)
}

#[cfg(test)]
mod tests {
    use quote::quote;

    #[test]
    fn each_nested_on_a_generic_vec_bounds_the_elements() {
        let input: syn::DeriveInput = syn::parse_quote! {
            struct Book<T> {
                #[customer(each(nested), length(max = 10))]
                entries: Vec<T>,
            }
        };
        let output = crate::expand::derive(&input).to_string();
        let elements = quote!(<Vec<T> as __p::Elements>::Item: __p::CustomerModel).to_string();
        assert!(output.contains(&elements), "{output}");
    }
}
