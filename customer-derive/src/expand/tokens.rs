//! The tokens every emitting module shares: the anonymous constant the output is wrapped in and
//! the lints it allows, a field's `Path`, an optional string. Imports nothing of the derive but
//! the model (`ast`), so that every phase may use it.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Container, Field, Wire};
use crate::trees::{Moved, Trees};

/// The lints the generated code trips, each for a reason; nothing else is allowed. rustc and
/// clippy do not lint what a macro of another crate expanded, so this list is kept honest by
/// `tests/derive_expanded.rs`: the committed expansion of known models, linted as ordinary code
/// under `deny(warnings, clippy::pedantic)` (see `expanded.rs`).
pub(crate) const ALLOWED_LINTS: &[&str] = &[
    // Impls repeat the container's generics as declared, named lifetimes included.
    "clippy::elidable_lifetime_names",
    // `validate_into` holds one block per field: long for wide structs, flat and linear.
    "clippy::too_many_lines",
    // The `metadata` rule picks its check by autoref, which needs the explicit borrow.
    "clippy::needless_borrow",
    // The runtime crate is named through its alias (`__cm::__private::…`) at every step: where
    // the model's module imports the same item, the path looks redundant.
    "unused_qualifications",
    // The probe traits (dispatch by autoref) are imported nameless (`use …::via_read::*`) for a
    // whole walk or block, whatever its fields' types turn out to need.
    "unused_imports",
];

/// Wraps the output in an anonymous constant, allowing only [`ALLOWED_LINTS`].
pub(crate) fn wrap(body: TokenStream) -> TokenStream {
    // Each name as the path it is (`clippy::too_many_lines`), made of identifiers rather than
    // parsed from its text (inside rustc, text is lexed as a source file of its own).
    let lints = ALLOWED_LINTS.iter().map(|lint| {
        let mut names = lint.split("::");
        let first = names.next().unwrap_or_default();
        names.fold(
            Trees::ident(proc_macro2::Ident::new(
                first,
                proc_macro2::Span::call_site(),
            )),
            |path, name| path.join(name),
        )
    });
    let body = Moved::new(body);
    quote! {
        #[doc(hidden)]
        #[allow(#(#lints),*)]
        const _: () = {
            #body
        };
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
pub(crate) fn wire_path(krate: &Trees, wire: &Wire, parent: &TokenStream) -> TokenStream {
    match wire {
        Wire::Key(key) => quote!(#krate::Path::key(#parent, #key)),
        Wire::Index(index) => quote!(#krate::Path::index(#parent, #index)),
        Wire::Same => quote!(*#parent),
    }
}
