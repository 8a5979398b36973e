//! Phase 4: code generation from the checked model. Everything is emitted inside
//! `const _: () = { ... };` with fully qualified paths through `::customer_core::__private`.
//!
//! One file a concern: `validate` (the `CustomerModel` impl of a struct), `newtype` (parsed
//! newtypes), `enums` (field-less enums), `conversion` (`from`/`into`/`try_from`/`try_into`),
//! `bounds` (where clauses for generic fields) and `fallback` (the stub emitted next to compile
//! errors). What each rule emits is in `crate::rules`.

pub(crate) mod bounds;
mod conversion;
mod enums;
mod fallback;
mod newtype;
pub(crate) mod validate;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::ast::{Container, Data, Field, Style, Wire};
use crate::check;
use crate::ctxt::Ctxt;

pub(crate) fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::new();
    let container = Container::from_ast(&cx, input);
    check::check(&cx, &container);
    check::check_newtype_serde(&cx, &container, input);
    match cx.check() {
        Ok(()) => {
            let mut body = expand(&container);
            body.extend(crate::schema::expand(&container, input));
            wrap(body)
        }
        Err(errors) => {
            let errors = errors.into_compile_error();
            let stub = fallback::fallback(&container, input);
            quote!(#errors #stub)
        }
    }
}

/// The lints the generated code trips, each for a reason; nothing else is allowed. rustc and
/// clippy do not lint what a macro of another crate expanded, so this list is kept honest by
/// `tests/derive_expanded.rs`: the committed expansion of known models, linted as ordinary code
/// under `deny(warnings, clippy::pedantic)` (see `expanded.rs`).
const ALLOWED_LINTS: &[&str] = &[
    // Impls repeat the container's generics as declared, named lifetimes included.
    "clippy::elidable_lifetime_names",
    // `validate_into` holds one block per field: long for wide structs, flat and linear.
    "clippy::too_many_lines",
    // The `metadata` rule picks its check by autoref, which needs the explicit borrow.
    "clippy::needless_borrow",
];

/// Wraps the output in an anonymous constant, allowing only [`ALLOWED_LINTS`].
fn wrap(body: TokenStream) -> TokenStream {
    let lints: Vec<syn::Path> = ALLOWED_LINTS
        .iter()
        .map(|lint| syn::parse_str(lint).expect("lint names are paths"))
        .collect();
    quote! {
        #[doc(hidden)]
        #[allow(#(#lints),*)]
        const _: () = {
            #body
        };
    }
}

fn expand(container: &Container) -> TokenStream {
    let mut out = expand_model(container);
    out.extend(crate::shape::expand(container));
    out
}

fn expand_model(container: &Container) -> TokenStream {
    match &container.data {
        Data::Struct(style, fields) => {
            let mut out = validate::expand_struct(container, fields);
            if let (Some(field), false) =
                (container.newtype_field(), container.attrs.rules.is_empty())
            {
                out.extend(newtype::expand_newtype(container, field));
            }
            if *style == Style::Named {
                for conversion in &container.attrs.conversions {
                    out.extend(conversion::expand_conversion(container, fields, conversion));
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

/// The `Path` of a field's value (`parent` is an expression of type `&Path`): below `parent` at
/// its place on the wire, or `parent` itself for the field a `#[serde(transparent)]` struct is
/// read as (its other fields are not on the wire).
pub(crate) fn field_path(
    container: &Container,
    field: &Field,
    parent: &TokenStream,
) -> TokenStream {
    if container.serde.transparent {
        // Not `*parent`: the caller borrows it, and `&*parent` trips `clippy::borrow_deref_ref`.
        quote!(::core::clone::Clone::clone(#parent))
    } else {
        wire_path(&container.krate, &field.wire, parent)
    }
}

/// The `Path` of a field below `parent` (an expression of type `&Path`).
pub(crate) fn wire_path(krate: &TokenStream, wire: &Wire, parent: &TokenStream) -> TokenStream {
    match wire {
        Wire::Key(key) => quote!(#krate::__private::Path::key(#parent, #key)),
        Wire::Index(index) => quote!(#krate::__private::Path::index(#parent, #index)),
        Wire::Same => quote!(*#parent),
    }
}

/// `Some("…")` / `None`.
pub(crate) fn lit_opt(lit: Option<&syn::LitStr>) -> TokenStream {
    match lit {
        Some(lit) => quote!(::core::option::Option::Some(#lit)),
        None => quote!(::core::option::Option::None),
    }
}

#[cfg(test)]
mod tests {
    use super::ALLOWED_LINTS;

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
}
