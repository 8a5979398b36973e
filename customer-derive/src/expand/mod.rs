//! Phase 4: code generation from the checked model. Everything is emitted inside
//! `const _: () = { ... };` with paths through `::customer_core::__private`, aliased `__p`.
//!
//! One file a concern: `validate` (the `CustomerModel` impl of a struct or of an enum whose
//! variants carry data), `newtype` (parsed newtypes), `enums` (field-less enums), `conversion`
//! (`from`/`into`/`try_from`/`try_into`), `bounds` (where clauses for generic fields) and
//! `fallback` (the stub emitted next to compile errors); `tokens` holds the small helpers they
//! share (the lints allowed, a field's `Path`), below all of them. What each rule emits is in
//! `crate::rules`.

pub(crate) mod bounds;
mod conversion;
mod enums;
mod fallback;
mod newtype;
pub(crate) mod tokens;
pub(crate) mod validate;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::{Container, Data, Style};
use crate::check;
use crate::ctxt::Ctxt;
use crate::trees::{AppendStream, Trees};
use tokens::wrap;

/// The derive's output; the `JsonSchema` impl only with feature `schemars` (customer-core's
/// feature of that name turns it on).
pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    derive_with(input, cfg!(feature = "schemars"))
}

/// The derive's output, with the `JsonSchema` impl if `schema` (the committed expansion always
/// shows it, so that clippy lints it).
pub(crate) fn derive_with(input: &DeriveInput, schema: bool) -> TokenStream {
    let cx = Ctxt::new();
    let mut container = Container::from_ast(&cx, input);
    check::check(&cx, &container);
    check::check_newtype_serde(&cx, &container, input);
    match cx.check() {
        Ok(()) => {
            // Inside the anonymous constant the runtime's `__private` module is named by a short
            // alias: the generated code names it at almost every step.
            let alias = syn::Ident::new(ALIAS, proc_macro2::Span::call_site());
            let krate = std::mem::replace(&mut container.krate, Trees::ident(alias.clone()));
            let mut body = quote!(use #krate as #alias;);
            body.append_stream(expand(&container));
            if schema {
                body.append_stream(crate::schema::expand(&container, input));
            }
            wrap(body, validate::has_rules_fns(&container))
        }
        Err(errors) => {
            let errors = errors.into_compile_error();
            let stub = fallback::fallback(&container, input);
            quote!(#errors #stub)
        }
    }
}

/// The name the generated code gives the runtime's `__private` module
/// (`::customer_core::__private`, or below the path of `#[customer(crate = …)]`) inside the
/// anonymous constant it is wrapped in.
const ALIAS: &str = "__p";

fn expand(container: &Container) -> TokenStream {
    // The shape first: its table marks the fields whose entries say whether a model field
    // says `nested` (`Field::said_in_entry`), which `validate::said` then leaves out.
    let shape = crate::shape::expand(container);
    let mut out = expand_model(container);
    out.append_stream(shape);
    out
}

fn expand_model(container: &Container) -> TokenStream {
    match &container.data {
        Data::Struct(style, fields) => {
            let mut out = validate::expand_struct(container, fields);
            if let (Some(field), false) =
                (container.newtype_field(), container.attrs.rules.is_empty())
            {
                out.append_stream(newtype::expand_newtype(container, field));
            }
            if *style == Style::Named {
                for conversion in &container.attrs.conversions {
                    out.append_stream(conversion::expand_conversion(container, fields, conversion));
                }
            }
            out
        }
        Data::Enum(variants) if container.data_variants().is_some() => {
            validate::expand_enum(container, variants)
        }
        Data::Enum(variants) => enums::expand_enum(container, variants),
        Data::Union(_) => TokenStream::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::tokens::ALLOWED_LINTS;

    #[test]
    fn no_lint_group_is_allowed_wholesale() {
        let output = super::derive(&syn::parse_quote! {
            #[customer(check = whole)]
            struct Signup {
                #[customer(email, length(max = 10))]
                email: String,
                #[customer(each(nested))]
                addresses: Vec<Address>,
            }
        })
        .to_string();
        for group in [
            "clippy :: all",
            "clippy :: pedantic",
            "clippy :: nursery",
            "warnings",
            "unused_variables",
        ] {
            assert!(!output.contains(group), "`{group}` is allowed in {output}");
        }
        assert!(output.contains("clippy :: too_many_lines"), "{output}");
        assert!(ALLOWED_LINTS.iter().all(|lint| !lint.ends_with("all")));
    }

    #[test]
    fn crate_path_replaces_customer_core_everywhere() {
        let output = super::derive(&syn::parse_quote! {
            #[customer(crate = crate::facade, try_into = Other)]
            struct Form {
                #[customer(email, id(prefix = "a_", chars = "a-z", len = 3))]
                email: String,
                #[customer(each(nested))]
                items: Vec<Item>,
            }
        })
        .to_string();
        assert!(output.contains("crate :: facade :: __private"), "{output}");
        assert!(!output.contains("customer_core"), "{output}");
    }

    #[test]
    fn the_runtime_crate_is_named_by_its_alias() {
        let output = super::derive(&syn::parse_quote! {
            #[customer(crate = crate::facade)]
            struct Form {
                #[customer(email, length(max = 10))]
                email: String,
            }
        })
        .to_string();
        assert!(
            output.contains("use crate :: facade :: __private as __p ;"),
            "{output}"
        );
        assert!(output.contains("__p :: At ("), "{output}");
        assert_eq!(output.matches("facade :: __private").count(), 1, "{output}");
        assert!(!output.contains("customer_core"), "{output}");
    }
}
